import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

// PLACEHOLDER (being written this session).
extension Site {
    func registerStaffingAPI(_ api: RouterGroup<AppContext>) {}
}
