import Foundation

// PLACEHOLDER (being written this session): the tables of planning (issue 5).
extension Migrator {
    static func planning(_ dialect: Dialect) -> [String] {
        []
    }
}
