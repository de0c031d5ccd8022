import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let staffing = "/staffing"
}

// PLACEHOLDER (being written this session).
extension Site {
    func registerStaffingPages(_ router: Router<AppContext>) {}
}
