import Testing
import ToChucDomain
import ToChucServices

/// DOMAIN.md §2, data cleaning: a likely duplicate is merged into the record kept, in one audited step.
@Suite struct MemberMergeServiceTests {
    static let cli = TestDatabase.cli
    static let today = CivilDate(year: 2026, month: 11, day: 22)!

    @Test("the kept record takes what it lacks, the duplicate's events move to it, the duplicate is gone, history says so")
    func merge() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let keep = try await t.services.members.create(Self.cli, MemberTests.draft("Nguyễn Văn Tùng", card: "10000001"), today: Self.today)
            // The same person entered again as probationary, without a card number.
            var other = MemberTests.draft("Nguyễn Văn Tùng", card: "", status: "probationary", admitted: "2025-05-19", recognized: "")
            other.nationalId = "001085012345"
            other.phone = "0912345678"
            let duplicate = try await t.services.members.create(Self.cli, other, today: Self.today)
            _ = try await t.services.members.recordEvent(
                Self.cli, memberId: duplicate.id,
                MemberEventInput(kind: .transferWithin, effectiveOn: CivilDate(year: 2026, month: 3, day: 2)!, decisionNo: "15-QĐ/ĐU", toUnitCode: "T01-B-C1"),
                today: Self.today)
            let moved = try await t.services.members.get(Self.cli, id: duplicate.id)
            let findings = try await t.services.dataCheck.run(Self.cli)
            #expect(findings.contains { $0.kind == .likelyDuplicate && Set($0.memberIds) == [keep.id, duplicate.id] })

            let merged = try await t.services.members.merge(
                Self.cli, keep: keep.id, keepVersion: keep.version, duplicate: duplicate.id, duplicateVersion: moved.version, today: Self.today)
            #expect(merged.record.cardNo == "10000001")
            #expect(merged.record.nationalId == "001085012345")
            #expect(merged.record.phone == "0912345678")
            #expect(try await t.services.members.events(Self.cli, memberId: keep.id).count == 1)
            await #expect(throws: DomainError.notFound(Catalogue.memberNotFound)) { try await t.services.members.get(Self.cli, id: duplicate.id) }
            #expect(try await t.services.members.history(Self.cli, id: keep.id).map(\.action).contains("merge"))
            #expect(try await t.services.dataCheck.run(Self.cli).allSatisfy { $0.kind != .likelyDuplicate })
            var query = MemberQuery()
            query.text = "tung"
            #expect(try await t.services.members.search(Self.cli, query).total == 1)
        }
    }

    @Test("a merge at a stale version, of a record with itself, or of two different people is refused and changes nothing")
    func refusals() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let a = try await t.services.members.create(Self.cli, MemberTests.draft("Nguyễn Văn Tùng", card: "10000001"), today: Self.today)
            let b = try await t.services.members.create(Self.cli, MemberTests.draft("Nguyễn Văn Tùng", card: "10000002"), today: Self.today)
            await #expect(throws: DomainError.self) {
                try await t.services.members.merge(Self.cli, keep: a.id, keepVersion: a.version, duplicate: b.id, duplicateVersion: b.version)
            }
            await #expect(throws: DomainError.self) {
                try await t.services.members.merge(Self.cli, keep: a.id, keepVersion: a.version, duplicate: a.id, duplicateVersion: a.version)
            }
            let c = try await t.services.members.create(
                Self.cli, MemberTests.draft("Nguyễn Văn Tùng", card: "", status: "probationary", admitted: "2025-05-19", recognized: ""), today: Self.today)
            do {
                _ = try await t.services.members.merge(Self.cli, keep: a.id, keepVersion: a.version + 1, duplicate: c.id, duplicateVersion: c.version)
                Issue.record("stale merge accepted")
            } catch DomainError.conflict {}
            #expect(try await t.services.members.get(Self.cli, id: c.id).id == c.id)
            let viewer = try await t.principal(.viewer, at: "T01-A")
            await #expect(throws: DomainError.forbidden(Catalogue.readOnlyRole)) {
                try await t.services.members.merge(viewer, keep: a.id, keepVersion: a.version, duplicate: c.id, duplicateVersion: c.version)
            }
        }
    }
}
