import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

// PLACEHOLDER (being written this session).
extension Site {
    func registerPlanningAPI(_ api: RouterGroup<AppContext>) {}
}
