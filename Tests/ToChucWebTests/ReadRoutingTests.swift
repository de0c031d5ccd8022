import Foundation
import HTTPTypes
import Testing

@testable import ToChucWeb

/// Issue 10: which requests may read from a replica, and the read-your-writes window after a change.
@Suite struct ReadRoutingTests {
    @Test("lists, searches, reports and the dashboard may read from a replica")
    func replicaPages() {
        for path in [
            "/", "/members", "/units", "/tree", "/reports", "/cadres", "/documents", "/proposals", "/members/export",
            "/members/away", "/units/T01/report", "/congresses/progress", "/cadres/warnings", "/api/v1/members",
            "/api/v1/units/T01/stats", "/api/v1/proposals/counts", "/api/v1/training/summary", "/api/v1/cadres/retiring",
        ] {
            #expect(ReadRouting.mayUseReplica(method: .get, path: path), "\(path)")
        }
        #expect(ReadRouting.mayUseReplica(method: .head, path: "/members"))
    }

    @Test("a record's own page, its edit form, sessions, accounts, administration and every change read from the primary")
    func primaryPages() {
        for path in [
            "/members/42", "/members/42/edit", "/units/T01", "/units/T01/edit", "/cadres/7", "/login", "/login/code",
            "/logout", "/account", "/account/two-factor", "/admin/users", "/import", "/import/jobs/abc", "/static/app.css",
            "/api/v1/health", "/api/v1/me", "/api/v1/tokens", "/api/v1/members/42", "/api/v1/units/T01/history",
            "/api/v1/rules",
        ] {
            #expect(!ReadRouting.mayUseReplica(method: .get, path: path), "\(path)")
        }
        for method in [HTTPRequest.Method.post, .put, .patch, .delete] {
            #expect(!ReadRouting.mayUseReplica(method: method, path: "/members"))
        }
    }

    @Test("after a change the user's pages read from the primary for the window, then from replicas again")
    func readYourWrites() {
        let recent = ReadYourWrites(window: .seconds(5))
        let t0 = ContinuousClock.now
        #expect(!recent.mustReadPrimary(user: 1, at: t0))
        recent.wrote(user: 1, at: t0)
        #expect(recent.mustReadPrimary(user: 1, at: t0 + .seconds(1)))
        #expect(recent.mustReadPrimary(user: 1, at: t0 + .milliseconds(4_999)))
        #expect(!recent.mustReadPrimary(user: 1, at: t0 + .seconds(5)))
        // Another user's change does not send this one to the primary.
        #expect(!recent.mustReadPrimary(user: 2, at: t0 + .seconds(1)))
        let none = ReadYourWrites(window: .zero)
        none.wrote(user: 1, at: t0)
        #expect(!none.mustReadPrimary(user: 1, at: t0))
    }
}
