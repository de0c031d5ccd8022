import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

/// The one demo load that may run at a time, and how far it is.
actor DemoJob {
    private(set) var progress = DemoProgress()
    private var task: Task<Void, Never>? = nil

    var running: Bool { progress.stage == .generating || progress.stage == .loading }

    func start(_ work: @escaping @Sendable (DemoJob) async -> Void) {
        guard !running else { return }
        progress = DemoProgress()
        progress.stage = .generating
        task = Task { await work(self) }
    }

    func update(_ value: DemoProgress) { progress = value }
}

extension Site {
    func registerDemoPages(_ router: Router<AppContext>) {
        router.post(RouterPath(SiteURL.demo)) { request, context in
            let principal = try context.requirePrincipal()
            try principal.requireAdmin()
            guard principal.isRootScope || principal.unitPath.split(separator: "/").count == 1 else {
                throw DomainError.forbidden(Catalogue.adminOnly)
            }
            let services = self.services
            await demoJob.start { job in
                do {
                    _ = try await services.demo.load(principal, scale: .province) { await job.update($0) }
                } catch {
                    var failed = await job.progress
                    failed.stage = .failed
                    failed.message = (error as? ImportFailure)?.problems.prefix(3).map { $0.text(.vi) }.joined(separator: "; ")
                        ?? (error as? DomainError)?.message.vi ?? String(describing: error)
                    await job.update(failed)
                }
            }
            return Responses.redirect(SiteURL.demoProgress)
        }
        router.get(RouterPath(SiteURL.demoProgress)) { request, context in
            _ = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            let progress = await demoJob.progress
            let running = progress.stage == .generating || progress.stage == .loading
            let steps: [(DemoProgress.Stage, Localized)] = [(.generating, Catalogue.demoGenerating), (.loading, Catalogue.demoLoading), (.done, Catalogue.demoDone)]
            let order: [DemoProgress.Stage] = [.generating, .loading, .done]
            let reached = order.firstIndex(of: progress.stage) ?? -1
            let items: [HTML] = steps.enumerated().map { index, step in
                let mark = index < reached || progress.stage == .done ? "✔" : index == reached ? "…" : "○"
                return "<li>\(mark) \(ctx.t(step.1))</li>"
            }
            let percent = progress.stage == .done ? 100 : max(0, reached) * 100 / 3 + (running ? 10 : 0)
            let figures: HTML = progress.units > 0
                ? "<p>\(ctx.t(Catalogue.demoFigures(ctx.number(progress.units), ctx.number(progress.members))))</p>" : .empty
            let failure: HTML = progress.stage == .failed ? "<div class=\"errors\" role=\"alert\"><p>\(progress.message)</p></div>" : .empty
            let next: HTML = progress.stage == .done
                ? "<p><a class=\"button\" href=\"\(SiteURL.tree())\">\(ctx.t(Catalogue.tree))</a> <a class=\"button secondary\" href=\"\(SiteURL.members)\">\(ctx.t(Catalogue.members))</a></p>"
                : .empty
            let body: HTML = """
                <h1>\(ctx.t(Catalogue.demoTitle))</h1>
                <progress max="100" value="\(percent)" id="demo-progress">\(percent)%</progress>
                <ul class="steps">\(items)</ul>
                \(figures)\(failure)\(next)
                """
            var page = Layout.page(ctx, title: ctx.t(Catalogue.demoTitle), content: body)
            if running {
                // Refreshes itself without JavaScript until the load ends.
                page = HTML(raw: page.text.replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "<meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"2\">"))
            }
            return Responses.html(page)
        }
    }

    /// The offer shown on the first page while the database has no members.
    func demoOffer(_ ctx: PageContext, _ principal: Principal) async throws -> HTML {
        guard principal.role.canManageAccounts, principal.unitPath.split(separator: "/").count <= 1, try await services.demo.isEmpty() else {
            return .empty
        }
        return """
            <section class="card" id="demo-offer"><h2>\(ctx.t(Catalogue.demoTitle))</h2><p>\(ctx.t(Catalogue.demoOffer))</p>
            <form method="post" action="\(SiteURL.demo)">\(ctx.csrfField)<button type="submit" id="load-demo">\(ctx.t(Catalogue.demoLoad))</button></form></section>
            """
    }
}
