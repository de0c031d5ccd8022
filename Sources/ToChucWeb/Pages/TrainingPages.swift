import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let trainingCourses = "/training"
    static let exams = "/exams"
    static let staffReduction = "/exams/staff-reduction"
}

// PLACEHOLDER (being written this session).
extension Site {
    func registerTrainingPages(_ router: Router<AppContext>) {}
}
