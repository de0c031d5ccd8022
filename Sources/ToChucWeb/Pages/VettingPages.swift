import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let vetting = "/vetting"
}

// PLACEHOLDER (being written this session).
extension Site {
    func registerVettingPages(_ router: Router<AppContext>) {}
}
