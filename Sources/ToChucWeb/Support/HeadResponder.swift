import Foundation
import HTTPTypes
import Hummingbird

/// HEAD answered as GET without the body (RFC 9110 §9.3.2). Hummingbird's router matches routes by method before any
/// middleware runs, so a HEAD would find no route: this responder sits in front of the router and asks it for GET.
public struct HeadAsGetResponder<Base: HTTPResponder>: HTTPResponder where Base.Context == AppContext {
    public typealias Context = AppContext
    let base: Base

    public init(_ base: Base) { self.base = base }

    public func respond(to request: Request, context: AppContext) async throws -> Response {
        guard request.method == .head else { return try await base.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        var response = try await base.respond(to: Request(head: head, body: request.body), context: context)
        response.body = ResponseBody()
        return response
    }
}

extension Site {
    /// The router behind the HEAD responder: what `main` and the tests serve.
    public func responder() -> HeadAsGetResponder<RouterResponder<AppContext>> {
        HeadAsGetResponder(router().buildResponder())
    }
}
