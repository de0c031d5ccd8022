import Foundation

// PLACEHOLDER (being written this session): the tables of training (issue 5).
extension Migrator {
    static func training(_ dialect: Dialect) -> [String] {
        []
    }
}
