import Testing
import ToChucDomain
import ToChucServices

/// DOMAIN.md §6: every account sees its unit's subtree only; the API answers 404 for records outside it.
@Suite struct AccessTests {
    @Test("a user of one commune cannot read, list or change a unit of the sibling commune, whatever the role", arguments: Role.allCases)
    func siblingIsInvisible(role: Role) async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let user = try await t.principal(role, at: "T01-A")
            await #expect(throws: DomainError.notFound(Catalogue.unitNotFound)) {
                try await t.services.units.get(user, code: "T01-B-C1")
            }
            let listed = try await t.services.units.list(user).items.map(\.code)
            #expect(listed == ["T01-A", "T01-A-C1"])
            let draft = UnitDraft(
                code: "T01-B-C1", name: "Đổi tên", kind: "cell", parentCode: "T01-B", sector: "commune", hasCommittee: false,
                foundedOn: "", dissolvedOn: "")
            await #expect(throws: DomainError.self) {
                try await t.services.units.update(user, code: "T01-B-C1", draft, expectedVersion: 1)
            }
            let unchanged = try await t.services.units.get(TestDatabase.cli, code: "T01-B-C1")
            #expect(unchanged.name == "Chi bộ thôn Đông")
            #expect(try await t.services.units.history(TestDatabase.cli, code: "T01-B-C1").count == 1)
        }
    }

    @Test("a user above sees the whole subtree below it")
    func aboveSeesBelow() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let province = try await t.principal(.viewer, at: "T01")
            #expect(try await t.services.units.get(province, code: "T01-B-C1").code == "T01-B-C1")
            #expect(try await t.services.units.list(province).total == 5)
            await #expect(throws: DomainError.self) { try await t.services.units.get(province, code: "TW") }
        }
    }

    @Test("a viewer and a read-only token cannot write; a clerk and a head can, inside the subtree")
    func writeNeedsRoleAndScope() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            func rename(_ p: Principal, _ name: String) async throws {
                let unit = try await t.services.units.get(p, code: "T01-A-C1")
                var draft = unit.draft
                draft.name = name
                _ = try await t.services.units.update(p, code: unit.code, draft, expectedVersion: unit.version)
            }
            await #expect(throws: DomainError.forbidden(Catalogue.readOnlyRole)) {
                try await rename(try await t.principal(.viewer, at: "T01-A"), "X")
            }
            await #expect(throws: DomainError.forbidden(Catalogue.readOnlyToken)) {
                try await rename(try await t.principal(.admin, at: "T01-A", scope: .read), "X")
            }
            try await rename(try await t.principal(.clerk, at: "T01-A"), "Chi bộ thôn Một")
            try await rename(try await t.principal(.head, at: "T01-A"), "Chi bộ thôn Nhất")
            #expect(try await t.services.units.get(TestDatabase.cli, code: "T01-A-C1").name == "Chi bộ thôn Nhất")
        }
    }

    @Test("the sections of a member's page, given a member read by someone else, refuse a principal outside its unit")
    func memberSectionsCheckScope() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let province = try await t.principal(.admin, at: "T01")
            let member = try await t.services.members.create(
                province, MemberTests.draft("Trần Văn Nam", card: "10000002", unit: "T01-B-C1"), today: MemberTests.today)
            let sibling = try await t.principal(.admin, at: "T01-A")
            let notFound = DomainError.notFound(Catalogue.memberNotFound)
            await #expect(throws: notFound) { try await t.services.members.history(sibling, member: member) }
            await #expect(throws: notFound) { try await t.services.members.events(sibling, member: member) }
            await #expect(throws: notFound) { try await t.services.members.hasPhoto(sibling, member: member) }
            await #expect(throws: notFound) { try await t.services.vetting.cases(sibling, member: member) }
            await #expect(throws: notFound) { try await t.services.training.personRecords(sibling, member: member) }
            // The same sections for the province, which sees the member: its creation is in the history, nothing else yet.
            #expect(try await t.services.members.history(province, member: member).count == 1)
            #expect(try await t.services.members.events(province, member: member).isEmpty)
            #expect(try await t.services.members.hasPhoto(province, member: member) == false)
            #expect(try await t.services.vetting.cases(province, member: member).isEmpty)
            #expect(try await t.services.training.personRecords(province, member: member).courses.isEmpty)
        }
    }

    static let day = CivilDate(year: 2025, month: 7, day: 1)!

    func move(_ t: TestDatabase, _ p: Principal, _ code: String, under parent: String) async throws {
        _ = try await t.services.restructuring.apply(
            p, step: RestructureStep(operation: .move(code: code, parentCode: parent), effectiveOn: Self.day, decisionNo: "1-QĐ/TU"))
    }

    @Test("a clerk cannot move a unit out of the subtree or move their own unit")
    func movesStayInScope() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let clerk = try await t.principal(.clerk, at: "T01-A")
            await #expect(throws: DomainError.self) { try await move(t, clerk, "T01-A-C1", under: "T01-B") }
            await #expect(throws: DomainError.forbidden(Catalogue.cannotMoveOwnUnit)) {
                let province = try await t.principal(.clerk, at: "T01-A")
                _ = try await t.services.restructuring.apply(
                    province, step: RestructureStep(operation: .move(code: "T01-A", parentCode: "T01-A"), effectiveOn: Self.day, decisionNo: "1-QĐ/TU"))
            }
            #expect(try await t.services.units.get(TestDatabase.cli, code: "T01-A-C1").parentCode == "T01-A")
        }
    }

    @Test("a move carries the subtree: paths below follow, and scope follows the paths")
    func moveCarriesSubtree() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let province = try await t.principal(.clerk, at: "T01")
            // A commune becomes a sub-base unit of the other commune (kind corrected first, then moved).
            var commune = try await t.services.units.get(province, code: "T01-B").draft
            commune.kind = UnitKind.subBase.rawValue
            _ = try await t.services.units.update(province, code: "T01-B", commune, expectedVersion: 1)
            try await move(t, province, "T01-B", under: "T01-A")
            let communeA = try await t.principal(.viewer, at: "T01-A")
            #expect(try await t.services.units.get(communeA, code: "T01-B-C1").code == "T01-B-C1")
            await #expect(throws: DomainError.self) { try await move(t, province, "T01-A", under: "T01-B-C1") }
        }
    }
}
