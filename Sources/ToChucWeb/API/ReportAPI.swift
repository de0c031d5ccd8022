import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension Site {
    func registerReportAPI(_ api: RouterGroup<AppContext>) {
        api.get("units/:code/report") { request, context in
            let principal = try context.requirePrincipal()
            let code = try context.parameters.require("code")
            _ = try await services.units.get(principal, code: code)
            let period = try Self.reportPeriod(request.query("period") ?? "")
            return try Responses.json(try await services.reports.report(principal, unitCode: code, period: period))
        }
    }
}
