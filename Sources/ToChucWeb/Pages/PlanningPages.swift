import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let planning = "/planning"
}

// PLACEHOLDER (being written this session).
extension Site {
    func registerPlanningPages(_ router: Router<AppContext>) {}
}
