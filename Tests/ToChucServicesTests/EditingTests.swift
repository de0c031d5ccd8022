import Testing
import ToChucDomain
import ToChucServices

/// Issue "Records that can be edited by two people": a save based on an old version is refused, and says what changed.
@Suite struct EditingTests {
    @Test("the second of two saves from the same version is refused and shows the first one's change")
    func staleSaveIsRefused() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let first = try await t.principal(.clerk, at: "T01-A", username: "lan")
            let second = try await t.principal(.clerk, at: "T01-A", username: "minh")
            let loaded = try await t.services.units.get(first, code: "T01-A-C1")
            var a = loaded.draft
            a.name = "Chi bộ thôn Một"
            _ = try await t.services.units.update(first, code: loaded.code, a, expectedVersion: loaded.version)
            var b = loaded.draft
            b.hasCommittee = true
            do {
                _ = try await t.services.units.update(second, code: loaded.code, b, expectedVersion: loaded.version)
                Issue.record("a stale save was accepted")
            } catch DomainError.conflict(_, let changes, let current) {
                #expect(changes == [FieldChange(field: "name", old: "Chi bộ thôn 1", new: "Chi bộ thôn Một")])
                #expect(current["version"] == "2")
            }
            let stored = try await t.services.units.get(first, code: loaded.code)
            #expect(stored.name == "Chi bộ thôn Một")
            #expect(stored.hasCommittee == false)
            #expect(stored.version == 2)
        }
    }

    @Test("refusals of bad input store nothing and name the field")
    func badInput() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let cases: [(UnitDraft, String)] = [
                (UnitDraft(code: "C2", name: "", kind: "cell", parentCode: "T01-A", sector: "commune", hasCommittee: false, foundedOn: "", dissolvedOn: ""), "name"),
                (UnitDraft(code: "C 2", name: "X", kind: "cell", parentCode: "T01-A", sector: "commune", hasCommittee: false, foundedOn: "", dissolvedOn: ""), "code"),
                (UnitDraft(code: "C2", name: "X", kind: "ward", parentCode: "T01-A", sector: "commune", hasCommittee: false, foundedOn: "", dissolvedOn: ""), "kind"),
                (UnitDraft(code: "C2", name: "X", kind: "cell", parentCode: "T01-A", sector: "commune", hasCommittee: false, foundedOn: "2020-05-01", dissolvedOn: "2019-01-01"), "dissolved_on"),
                (UnitDraft(code: "C2", name: "X", kind: "cell", parentCode: "NOPE", sector: "commune", hasCommittee: false, foundedOn: "", dissolvedOn: ""), "parent_code"),
                (UnitDraft(code: "C2", name: "X", kind: "cell", parentCode: "T01-B", sector: "commune", hasCommittee: false, foundedOn: "", dissolvedOn: ""), "parent_code"),
                (UnitDraft(code: "C2", name: "X", kind: "base", parentCode: "T01-A-C1", sector: "commune", hasCommittee: false, foundedOn: "", dissolvedOn: ""), "parent_code"),
                (UnitDraft(code: "T01-B", name: "X", kind: "cell", parentCode: "T01-A", sector: "commune", hasCommittee: false, foundedOn: "", dissolvedOn: ""), "code"),
                (UnitDraft(code: "C2", name: "X", kind: "cell", parentCode: "T01-A", sector: "commune", hasCommittee: false, foundedOn: "31/02/2020", dissolvedOn: ""), "founded_on"),
            ]
            for (draft, field) in cases {
                do {
                    _ = try await t.services.units.create(clerk, draft)
                    Issue.record("accepted \(draft)")
                } catch DomainError.invalid(_, let errors) {
                    #expect(errors.contains { $0.field == field }, "\(draft) → \(errors)")
                }
            }
            #expect(try await t.services.units.list(TestDatabase.cli).total == 6)
        }
    }
}
