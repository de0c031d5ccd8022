import Testing
import ToChucDomain
import ToChucServices

/// Issue 8: the unit chooser reaches every unit of the user's scope by name or code, and nothing outside it
/// (DOMAIN.md §6: "every account belongs to a unit and sees that unit's subtree only").
@Suite struct UnitChooserTests {
    func codes(_ choice: UnitChoice) -> [String] {
        switch choice {
        case .unit(let unit): return [unit.code]
        case .matches(let page): return page.items.map(\.unit.code)
        }
    }

    @Test("an exact code in scope is that unit, typed in any case")
    func exactCode() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let user = try await t.principal(.viewer, at: "T01-A")
            guard case .unit(let unit) = try await t.services.units.choose(user, text: " t01-a-c1 ") else {
                Issue.record("not resolved to one unit")
                return
            }
            #expect(unit.code == "T01-A-C1")
        }
    }

    @Test("a sibling unit is never offered, and typing its code is refused like a code that does not exist")
    func siblingIsRefused() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let user = try await t.principal(.admin, at: "T01-A")
            let message = Catalogue.noUnitMatches("T01-B-C1", "Đảng bộ xã An Bình")
            await #expect(throws: DomainError.notFound(message)) { try await t.services.units.choose(user, text: "T01-B-C1") }
            await #expect(throws: DomainError.notFound(Catalogue.noUnitMatches("T99", "Đảng bộ xã An Bình"))) {
                try await t.services.units.choose(user, text: "T99")
            }
            // "Đông" is the sibling cell's name; "T01" is the province above: neither is in the commune's scope.
            #expect(try await t.services.units.matches(user, text: "dong").items.isEmpty)
            #expect(try await t.services.units.matches(user, text: "T01").items.map(\.unit.code) == ["T01-A", "T01-A-C1"])
            #expect(message.vi.contains("không") || message.vi.contains("Không"))
            let province = try await t.principal(.viewer, at: "T01")
            #expect(codes(try await t.services.units.choose(province, text: "T01-B-C1")) == ["T01-B-C1"])
        }
    }

    @Test("names match word by word, accents and case ignored: 'an binh' is xã An Bình, not xã Bình Minh")
    func accentInsensitiveWords() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let province = try await t.principal(.viewer, at: "T01")
            #expect(codes(try await t.services.units.choose(province, text: "an binh")) == ["T01-A"])
            #expect(codes(try await t.services.units.choose(province, text: "ĐẢNG BỘ XÃ")) == ["T01-A", "T01-B"])
            // đ folds to d, which no Unicode decomposition does (DOMAIN.md §2).
            #expect(codes(try await t.services.units.choose(province, text: "thon dong")) == ["T01-B-C1"])
            let page = try await t.services.units.matches(province, text: "thôn")
            #expect(page.items.map(\.parentName) == ["Đảng bộ xã An Bình", "Đảng bộ xã Bình Minh"])
        }
    }

    @Test("the exact code comes first, then higher levels; the matches are paged and counted")
    func rankingAndPaging() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            for i in 2...31 {
                _ = try await t.services.units.create(
                    TestDatabase.cli,
                    UnitDraft(
                        code: "T01-A-C\(i)", name: "Chi bộ thôn \(i)", kind: UnitKind.cell.rawValue, parentCode: "T01-A",
                        sector: Sector.commune.rawValue, hasCommittee: false, foundedOn: "", dissolvedOn: ""))
            }
            let user = try await t.principal(.clerk, at: "T01-A")
            let first = try await t.services.units.matches(user, text: "t01-a", page: 1, perPage: 20)
            #expect(first.total == 32)
            #expect(first.items.count == 20)
            #expect(first.items.first?.unit.code == "T01-A")
            #expect(first.pageCount == 2)
            let second = try await t.services.units.matches(user, text: "t01-a", page: 2, perPage: 20)
            #expect(second.items.count == 12)
            #expect(Set(first.items.map(\.unit.code)).isDisjoint(with: second.items.map(\.unit.code)))
            let beyond = try await t.services.units.matches(user, text: "t01-a", page: 5, perPage: 20)
            #expect(beyond.items.isEmpty && beyond.total == 32)
            // Text that is not a code gives the list to pick from, even when it names one unit only.
            guard case .matches(let one) = try await t.services.units.choose(user, text: "thon 17") else {
                Issue.record("expected a list")
                return
            }
            #expect(one.items.map(\.unit.code) == ["T01-A-C17"])
        }
    }

    @Test("empty text is refused")
    func emptyText() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let user = try await t.principal(.viewer, at: "T01-A")
            await #expect(throws: DomainError.self) { try await t.services.units.choose(user, text: "  ") }
            #expect(try await t.services.units.matches(user, text: "").items.isEmpty)
        }
    }
}
