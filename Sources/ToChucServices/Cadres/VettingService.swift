import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

// PLACEHOLDER (being written this session).
public struct VettingService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }
}
