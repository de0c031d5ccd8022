import Foundation
import Hummingbird
import Logging
import ToChucDomain
import ToChucServices

/// An import started from the browser, as its owner sees it on the progress page.
struct ImportJobState: Sendable {
    let id: String
    let owner: String
    let fileName: String
    var progress: ImportProgress
    /// Set when the import has ended, one way or the other (after the transaction committed or rolled back).
    var finished = false
    var summary: ImportSummary? = nil
    var problems: [ImportProblem] = []
    /// A refusal that is not about rows (no right to write, an internal error).
    var failure: Localized? = nil
}

/// Imports started from the browser: the latest one of each user, found by an unguessable id and shown only to the
/// user who started it. A new one may start once the previous one has ended.
actor ImportJobs {
    private var latest: [String: ImportJobState] = [:]

    func isRunning(owner: String) -> Bool { latest[owner].map { !$0.finished } ?? false }

    func latest(owner: String) -> ImportJobState? { latest[owner] }

    /// The job with this id, if `owner` started it (anyone else is told it does not exist).
    func job(id: String, owner: String) -> ImportJobState? {
        guard let job = latest[owner], Secrets.constantTimeEquals(job.id, id) else { return nil }
        return job
    }

    /// Starts `work` as the owner's job and returns its id; nil while the owner's previous job still runs.
    func start(owner: String, fileName: String, work: @escaping @Sendable (ImportJobs, String) async -> Void) -> String? {
        guard !isRunning(owner: owner) else { return nil }
        let id = Secrets.randomToken(bytes: 16)
        latest[owner] = ImportJobState(id: id, owner: owner, fileName: fileName, progress: ImportProgress(stage: .reading, file: fileName))
        Task { await work(self, id) }
        return id
    }

    func update(owner: String, id: String, _ progress: ImportProgress) {
        guard latest[owner]?.id == id, latest[owner]?.finished == false else { return }
        latest[owner]?.progress = progress
    }

    func finish(owner: String, id: String, summary: ImportSummary? = nil, problems: [ImportProblem] = [], failure: Localized? = nil) {
        guard var job = latest[owner], job.id == id else { return }
        job.finished = true
        job.summary = summary
        job.problems = problems
        job.failure = failure
        if summary != nil {
            job.progress.stage = .done
        } else {
            job.progress.stage = .failed
        }
        latest[owner] = job
    }
}

/// What an uploaded file may be called. The name comes from the client: it is never used as a path, only checked
/// against the few names an import knows and then used inside a folder of our own.
enum ImportUpload {
    /// The name to store the upload under, or nil when refused: a file of `InterchangeService.knownFiles` (any case; stored in
    /// the canonical lower case the importer knows) or a `*.xlsx` workbook, with no folder, no control character and
    /// no leading dot.
    static func acceptedName(_ filename: String) -> String? {
        guard !filename.isEmpty, filename.utf8.count <= 200, !filename.hasPrefix("."),
            !filename.unicodeScalars.contains(where: { $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F })
        else { return nil }
        let lower = filename.lowercased()
        if InterchangeService.knownFiles.contains(lower) { return lower }
        if lower.hasSuffix(".xlsx") && lower.count > ".xlsx".count { return filename }
        return nil
    }
}

extension Site {
    func registerImportPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.importData)) { request, context in
            let principal = try context.requirePrincipal()
            try principal.requireWrite()
            let ctx = try await pageContext(request, context)
            return Responses.html(await importForm(ctx, principal))
        }
        router.post(RouterPath(SiteURL.importData)) { request, context in
            let principal = try context.requirePrincipal()
            try principal.requireWrite()
            func refuse(_ message: Localized, status: HTTPResponse.Status = .unprocessableContent) async throws -> Response {
                let ctx = try await pageContext(request, context)
                return Responses.html(await importForm(ctx, principal, message: message), status: status)
            }
            let files = context.uploads.filter { $0.name == "file" }
            guard files.count == 1, let upload = files.first, let original = upload.filename, !original.isEmpty else {
                return try await refuse(Catalogue.importChooseFile)
            }
            guard let name = ImportUpload.acceptedName(original) else {
                return try await refuse(Catalogue.importFileNameRefused(original))
            }
            guard !upload.data.isEmpty else { return try await refuse(Catalogue.importEmptyFile(original)) }
            guard await !importJobs.isRunning(owner: principal.username) else {
                return try await refuse(Catalogue.importAlreadyRunning, status: .conflict)
            }
            // A fresh folder of our own, readable by this user only; the upload goes in under the checked name.
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tochuc-import-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            let file = folder.appendingPathComponent(name)
            do {
                try upload.data.write(to: file, options: .withoutOverwriting)
            } catch {
                try? FileManager.default.removeItem(at: folder)
                throw error
            }
            let interchange = services.interchange
            let logger = context.logger
            let owner = principal.username
            let started = await importJobs.start(owner: owner, fileName: original) { jobs, id in
                // The upload is removed before the job shows as ended: a finished import leaves nothing behind.
                let removeUpload: () -> Void = { _ = try? FileManager.default.removeItem(at: folder) }
                do {
                    let summary = try await interchange.importDataset(principal, at: file) { progress in
                        await jobs.update(owner: owner, id: id, progress)
                    }
                    removeUpload()
                    await jobs.finish(owner: owner, id: id, summary: summary)
                } catch let failure as ImportFailure {
                    removeUpload()
                    await jobs.finish(owner: owner, id: id, problems: failure.problems)
                } catch let error as DomainError {
                    removeUpload()
                    await jobs.finish(owner: owner, id: id, failure: error.message)
                } catch {
                    removeUpload()
                    logger.error("import failed", metadata: ["file": "\(original)", "error": "\(String(reflecting: error))"])
                    await jobs.finish(owner: owner, id: id, failure: Catalogue.internalError)
                }
            }
            guard let id = started else {
                // Another upload of the same user started in between.
                try? FileManager.default.removeItem(at: folder)
                return try await refuse(Catalogue.importAlreadyRunning, status: .conflict)
            }
            return Responses.redirect(SiteURL.importJob(id))
        }
        router.get("/import/jobs/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try context.parameters.require("id")
            guard let job = await importJobs.job(id: id, owner: principal.username) else { throw DomainError.notFound(Catalogue.notFound) }
            let ctx = try await pageContext(request, context)
            var page = Layout.page(
                ctx, title: ctx.t(Catalogue.importTitle),
                breadcrumbs: [(ctx.t(Catalogue.areaImport), SiteURL.importData), (job.fileName, nil)], content: importProgress(ctx, job))
            if !job.finished {
                // Refreshes itself without JavaScript until the import ends.
                page = HTML(raw: page.text.replacingOccurrences(
                    of: "<meta charset=\"utf-8\">", with: "<meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"1\">"))
            }
            return Responses.html(page)
        }
    }

    /// The upload form, with a refusal above it and a link to the user's latest import.
    func importForm(_ ctx: PageContext, _ principal: Principal, message: Localized? = nil) async -> HTML {
        let latest: HTML
        if let job = await importJobs.latest(owner: principal.username) {
            latest = """
                <p id="import-latest">\(ctx.t(Catalogue.importLastJob)): <a href="\(SiteURL.importJob(job.id))">\(job.fileName)</a>
                — \(ctx.t(Catalogue.importStage(job.progress.stage.rawValue)))</p>
                """
        } else {
            latest = .empty
        }
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.importTitle))</h1>
            <p>\(ctx.t(Catalogue.importIntro))</p>
            \(Layout.errors(ctx, message, []))
            <form method="post" action="\(SiteURL.importData)" enctype="multipart/form-data" class="stacked" id="import-form">\(ctx.csrfField)
            <label for="import-file">\(ctx.t(Catalogue.importFileLabel))</label>
            <input type="file" id="import-file" name="file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            <p class="muted">\(ctx.t(Catalogue.importScopeNote))</p>
            <div class="actions"><button type="submit" id="import-submit">\(ctx.t(Catalogue.importSubmit))</button></div></form>
            \(latest)
            """
        return Layout.page(ctx, title: ctx.t(Catalogue.importTitle), breadcrumbs: [(ctx.t(Catalogue.areaImport), nil)], content: body)
    }

    /// The progress page's content: the bar, the stage and rows while it runs; the summary or every problem at the end.
    func importProgress(_ ctx: PageContext, _ job: ImportJobState) -> HTML {
        let progress = job.progress
        let percent = job.finished && job.summary != nil ? 100 : progress.percent
        let rows: HTML =
            !job.finished && progress.rowsTotal > 0
            ? "<p id=\"import-rows\">\(ctx.t(Catalogue.importRows(progress.file, ctx.number(progress.rowsDone), ctx.number(progress.rowsTotal))))</p>"
            : .empty
        var outcome: HTML = .empty
        if !job.finished {
            outcome = "<p class=\"muted\">\(ctx.t(Catalogue.importRefreshHint))</p>"
        } else if let summary = job.summary {
            outcome = """
                <p class="flash" role="status" id="import-summary">\(ctx.t(Catalogue.importSummary(
                    created: ctx.number(summary.created), updated: ctx.number(summary.updated), unchanged: ctx.number(summary.unchanged))))</p>
                <dl class="facts" id="import-counts">
                <dt>\(ctx.t(Catalogue.importCreated))</dt><dd data-count="created">\(ctx.number(summary.created))</dd>
                <dt>\(ctx.t(Catalogue.importUpdated))</dt><dd data-count="updated">\(ctx.number(summary.updated))</dd>
                <dt>\(ctx.t(Catalogue.importUnchanged))</dt><dd data-count="unchanged">\(ctx.number(summary.unchanged))</dd>
                </dl>
                <p><a class="button secondary" href="\(SiteURL.members)">\(ctx.t(Catalogue.members))</a>
                <a class="button secondary" href="\(SiteURL.tree())">\(ctx.t(Catalogue.tree))</a></p>
                """
        } else {
            let items: [HTML] = job.problems.map { "<li>\($0.text(ctx.language))</li>" }
            let list: HTML =
                items.isEmpty
                ? "<p>\(ctx.t(job.failure ?? Catalogue.internalError))</p>"
                : "<p>\(ctx.t(Catalogue.importProblemCount(ctx.number(items.count))))</p><ol id=\"import-problems\">\(items)</ol>"
            outcome = """
                <div class="errors" role="alert" id="import-failed"><p><strong>\(ctx.t(Catalogue.importNothingStored))</strong></p>\(list)</div>
                """
        }
        let another: HTML = job.finished ? "<p><a class=\"button\" href=\"\(SiteURL.importData)\">\(ctx.t(Catalogue.importAnother))</a></p>" : .empty
        return """
            <h1>\(ctx.t(Catalogue.importTitle))</h1>
            <p>\(ctx.t(Catalogue.importUploadedFile(job.fileName)))</p>
            <progress max="100" value="\(percent)" id="import-progress">\(percent)%</progress>
            <p id="import-stage" data-stage="\(job.progress.stage.rawValue)"><strong>\(ctx.t(Catalogue.importStage(progress.stage.rawValue)))</strong> — \(percent)%</p>
            \(rows)\(outcome)\(another)
            """
    }
}
