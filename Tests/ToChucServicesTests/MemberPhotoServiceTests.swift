import Foundation
import Testing
import ToChucDomain
import ToChucServices

/// DOMAIN.md §2: the member's photo is personal data — stored after its bytes are checked, shown only to roles that
/// see personal data, its changes in the history.
@Suite struct MemberPhotoServiceTests {
    static let cli = TestDatabase.cli
    static let today = CivilDate(year: 2026, month: 11, day: 22)!
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x42, count: 300))
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0x07, count: 100))

    @Test("a clerk stores and replaces a photo; a viewer is refused it; the history records each change; bad files are refused")
    func photo() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let member = try await t.services.members.create(Self.cli, MemberTests.draft("Nguyễn Văn Tùng", card: "10000001"), today: Self.today)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            #expect(try await t.services.members.photo(clerk, memberId: member.id) == nil)
            try await t.services.members.setPhoto(clerk, memberId: member.id, data: Self.jpeg)
            #expect(try await t.services.members.photo(clerk, memberId: member.id)?.contentType == "image/jpeg")
            try await t.services.members.setPhoto(clerk, memberId: member.id, data: Self.png)
            let stored = try await t.services.members.photo(clerk, memberId: member.id)
            #expect(stored?.contentType == "image/png" && stored?.data == Self.png)
            let viewer = try await t.principal(.viewer, at: "T01-A")
            #expect(try await t.services.members.hasPhoto(viewer, memberId: member.id))
            await #expect(throws: DomainError.forbidden(Catalogue.maskedForRole)) { try await t.services.members.photo(viewer, memberId: member.id) }
            await #expect(throws: DomainError.self) { try await t.services.members.setPhoto(viewer, memberId: member.id, data: Self.jpeg) }
            await #expect(throws: DomainError.self) { try await t.services.members.setPhoto(clerk, memberId: member.id, data: Data("<svg/>".utf8)) }
            let sibling = try await t.principal(.admin, at: "T01-B")
            await #expect(throws: DomainError.notFound(Catalogue.memberNotFound)) { try await t.services.members.photo(sibling, memberId: member.id) }
            try await t.services.members.removePhoto(clerk, memberId: member.id)
            #expect(try await t.services.members.photo(clerk, memberId: member.id) == nil)
            let photoChanges = try await t.services.members.history(clerk, id: member.id).filter { $0.changes.contains { $0.field == "photo" } }
            #expect(photoChanges.count == 3)
        }
    }
}
