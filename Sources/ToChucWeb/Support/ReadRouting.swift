import Foundation
import HTTPTypes
import Hummingbird
import Synchronization
import ToChucServices
import ToChucStorage

/// Which requests may read from a read replica (docs/deployment.md, "Which reads go to a replica").
///
/// A replica is a little behind the primary, so only pages whose reader can live with a view a moment old go there:
/// the dashboard, lists and searches, reports and their downloads. A record's own page is what one opens before
/// editing it — it must show the current version, or the save is refused as stale — so it reads from the primary, as
/// do the log-in, account and administration pages and every change. On top of that a user who has just changed
/// something reads from the primary for a while (`ReadYourWrites`), so the page after a save shows the save.
public enum ReadRouting {
    /// First path segments that are never served from a replica (sessions, accounts, administration, imports whose
    /// progress a user follows right after starting them, static files, and the health check).
    static let primaryOnly: Set<String> = [
        "login", "logout", "account", "admin", "import", "static", "health", "me", "tokens", "openapi.json", "rules",
    ]
    /// Last segments under a collection that name a list, a report or a download of one.
    static let listSuffixes: Set<String> = [
        "report", "stats", "summary", "progress", "counts", "export", "flagged", "warnings", "retiring",
        "reappointment-due", "staff-reduction", "away", "badges", "check", "results", "children", "records",
    ]

    /// True for a GET or HEAD of a list, search or report (see the type's comment).
    public static func mayUseReplica(method: HTTPRequest.Method, path: String) -> Bool {
        guard method == .get || method == .head else { return false }
        var segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if segments.count >= 2 && segments[0] == "api" && segments[1] == "v1" { segments.removeFirst(2) }
        guard let first = segments.first else { return true }  // the dashboard (and the API's root)
        if primaryOnly.contains(first) { return false }
        if segments.count == 1 { return true }  // a collection: /members, /units, /reports, /api/v1/cadres …
        // /members/export, /units/1.2/report, /congresses/progress …; never /members/42 or /members/42/edit.
        return listSuffixes.contains(segments[segments.count - 1])
    }
}

/// When each user last changed something, so that their next pages read from the primary for `window`
/// (read-your-writes). Kept in memory per user id: a browser session and the user's API tokens alike.
public final class ReadYourWrites: Sendable {
    public let window: Duration
    private let lastWrite = Mutex<[Int64: ContinuousClock.Instant]>([:])

    public init(window: Duration) {
        self.window = window
    }

    public func wrote(user: Int64, at now: ContinuousClock.Instant = .now) {
        lastWrite.withLock { table in
            table[user] = now
            // Entries older than the window mean nothing: drop them now and then so the table stays small.
            if table.count > 1024 {
                table = table.filter { now - $0.value < window }
            }
        }
    }

    /// True while `user` wrote less than `window` ago.
    public func mustReadPrimary(user: Int64, at now: ContinuousClock.Instant = .now) -> Bool {
        guard let last = lastWrite.withLock({ $0[user] }) else { return false }
        return now - last < window
    }
}

/// Runs each request with the read preference the rule gives it, and notes each user's changes.
struct ReadRoutingMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let recent: ReadYourWrites

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        let user = context.principal?.userId
        if request.method != .get && request.method != .head && request.method != .options {
            // Noted when the change has ended (stored or not), so the redirect after it and the pages after that
            // read from the primary; a failed change costs only a few primary reads.
            defer { if let user { recent.wrote(user: user) } }
            return try await next(request, context)
        }
        let replica = ReadRouting.mayUseReplica(method: request.method, path: request.uri.path)
            && !(user.map { recent.mustReadPrimary(user: $0) } ?? false)
        return try await ReadPreference.$replicaAllowed.withValue(replica) {
            try await next(request, context)
        }
    }
}
