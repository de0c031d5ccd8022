import Foundation

// PLACEHOLDER (being written this session): the tables of staffing (issue 5).
extension Migrator {
    static func staffingAndVetting(_ dialect: Dialect) -> [String] {
        []
    }
}
