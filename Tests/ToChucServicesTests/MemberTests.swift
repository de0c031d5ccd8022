import Foundation
import Testing
import ToChucDomain
import ToChucServices

/// Issue 4 (DOMAIN.md §2): the member register — entry with its rules, scope, search, stale saves, members.csv.
@Suite struct MemberTests {
    static let cli = TestDatabase.cli
    static let today = CivilDate(year: 2026, month: 11, day: 22)!

    static func draft(_ name: String, card: String, unit: String = "T01-A-C1", gender: String = "male", birth: String = "1985-04-12",
                      status: String = "full", admitted: String = "2010-05-19", recognized: String = "2011-05-19") -> MemberDraft {
        var d = MemberDraft()
        d.fullName = name
        d.cardNo = card
        d.gender = gender
        d.birthDate = birth
        d.ethnicity = "Kinh"
        d.unitCode = unit
        d.status = status
        d.admittedOn = admitted
        d.recognizedOn = recognized
        return d
    }

    @Test("a clerk enters a member in a cell of the subtree; outside it the record is not found; a viewer cannot enter")
    func entryAndScope() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let member = try await t.services.members.create(clerk, Self.draft("Nguyễn Văn Tùng", card: "10000001"), today: Self.today)
            #expect(member.record.unitCode == "T01-A-C1")
            let sibling = try await t.principal(.admin, at: "T01-B")
            await #expect(throws: DomainError.notFound(Catalogue.memberNotFound)) { try await t.services.members.get(sibling, id: member.id) }
            await #expect(throws: DomainError.self) {
                try await t.services.members.create(clerk, Self.draft("Trần Văn Nam", card: "10000002", unit: "T01-B-C1"), today: Self.today)
            }
            await #expect(throws: DomainError.forbidden(Catalogue.readOnlyRole)) {
                try await t.services.members.create(try await t.principal(.viewer, at: "T01-A"), Self.draft("Lê Văn Bình", card: "10000003"), today: Self.today)
            }
            #expect(try await t.services.members.history(clerk, id: member.id).map(\.action) == ["create"])
        }
    }

    @Test(
        "entry rules refuse impossible records with the field named",
        arguments: [
            (draft("Nguyễn Văn A", card: "1", birth: "2010-01-01", admitted: "2020-01-01", recognized: "2021-01-01"), "admitted_on"),  // admitted at 10
            (draft("Nguyễn Văn B", card: "2", admitted: "2012-01-01", recognized: "2011-01-01"), "recognized_on"),
            (draft("Nguyễn Văn C", card: "3", status: "full", recognized: ""), "recognized_on"),
            (draft("Nguyễn Văn D", card: "4", status: "deceased"), "left_on"),
            (draft("", card: "5"), "full_name"),
            (draft("Nguyễn Văn E", card: "6", gender: "x"), "gender"),
            (draft("Nguyễn Văn F", card: "7", unit: "T01-A"), "unit_code"),
        ] as [(MemberDraft, String)])
    func entryRules(draft: MemberDraft, field: String) async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            // T01-A is a base unit and does take members; the last case uses the province instead.
            var d = draft
            if field == "unit_code" { d.unitCode = "T01" }
            do {
                _ = try await t.services.members.create(Self.cli, d, today: Self.today)
                Issue.record("accepted \(d.fullName)")
            } catch DomainError.invalid(_, let errors) {
                #expect(errors.contains { $0.field == field }, "\(errors)")
            }
        }
    }

    @Test("a card number and a national ID belong to one record only")
    func uniqueness() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            _ = try await t.services.members.create(Self.cli, Self.draft("Nguyễn Văn Tùng", card: "10000001"), today: Self.today)
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("card_no", Catalogue.cardNoTaken)])) {
                try await t.services.members.create(Self.cli, Self.draft("Trần Văn Nam", card: "10000001"), today: Self.today)
            }
        }
    }

    @Test("search finds names without accents, by word prefix, and sorts the Vietnamese way (DOMAIN.md §2)")
    func search() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let names = ["Nguyễn Văn Tùng", "Đặng Thị Lan", "Trần Văn An", "Lê Thị Ánh", "Phạm Đức Bình", "Đỗ Văn Dũng"]
            for (i, name) in names.enumerated() {
                let gender = name.contains("Thị") ? "female" : "male"
                _ = try await t.services.members.create(Self.cli, Self.draft(name, card: "2000000\(i)", gender: gender), today: Self.today)
            }
            func find(_ text: String) async throws -> [String] {
                var q = MemberQuery()
                q.text = text
                return try await t.services.members.search(Self.cli, q).items.map(\.record.fullName)
            }
            #expect(try await find("nguyen van tung") == ["Nguyễn Văn Tùng"])
            #expect(try await find("Tung") == ["Nguyễn Văn Tùng"])
            #expect(try await find("NGUYỄN VĂN") == ["Nguyễn Văn Tùng"])
            #expect(try await find("dang") == ["Đặng Thị Lan"])
            #expect(try await find("an").sorted() == ["Lê Thị Ánh", "Trần Văn An"])
            #expect(try await find("2000000").count == 6)
            // Given name first: An, Ánh, Bình, Dũng, Lan, Tùng.
            #expect(try await find("") == ["Trần Văn An", "Lê Thị Ánh", "Phạm Đức Bình", "Đỗ Văn Dũng", "Đặng Thị Lan", "Nguyễn Văn Tùng"])
            var women = MemberQuery()
            women.gender = .female
            #expect(try await t.services.members.search(Self.cli, women).total == 2)
        }
    }

    @Test("a stale save of a member is refused and shows what changed")
    func staleSave() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let created = try await t.services.members.create(Self.cli, Self.draft("Nguyễn Văn Tùng", card: "10000001"), today: Self.today)
            var a = created.draft
            a.phone = "0912345678"
            _ = try await t.services.members.update(Self.cli, id: created.id, a, expectedVersion: 1, today: Self.today)
            var b = created.draft
            b.fullName = "Nguyễn Văn Tuấn"
            do {
                _ = try await t.services.members.update(Self.cli, id: created.id, b, expectedVersion: 1, today: Self.today)
                Issue.record("stale save accepted")
            } catch DomainError.conflict(_, let changes, _) {
                #expect(changes == [FieldChange(field: "phone", old: nil, new: "0912345678")])
            }
        }
    }

    static let membersCSV = """
        card_no,national_id,full_name,gender,birth_date,ethnicity,religion,unit_code,status,admitted_on,recognized_on,left_on,education,qualification,political_theory
        30000001,001085012345,Nguyễn Văn Tùng,male,1985-04-12,Kinh,,T01-A-C1,full,2010-05-19,2011-05-19,,12/12,bachelor,intermediate
        30000002,,Lò Thị Mai,Nữ,12/03/1990,Thái,,T01-A-C1,Chính thức,2015-02-03,2016-02-03,,12/12,college,elementary
        ,,Vàng A Dính,male,2001-07-07,H'Mông,,T01-B-C1,candidate,,,,12/12,,
        30000004,,Trần Văn Cũ,male,1940-01-01,Kinh,,T01-B-C1,deceased,1965-02-03,1966-02-03,2020-06-01,7/10,none,none
        """

    func write(_ t: TestDatabase, _ text: String) throws -> URL {
        let folder = t.folder.appendingPathComponent("members-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent("members.csv"))
        return folder
    }

    @Test("members.csv: bad rows store nothing and are all named; the fixed file loads; loading it again changes nothing")
    func importMembers() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let bad = Self.membersCSV
                .replacingOccurrences(of: "Thái,,T01-A-C1", with: "Klingon,,T01-A-C1")
                .replacingOccurrences(of: "001085012345", with: "001185012345")
                .replacingOccurrences(of: "T01-B-C1,deceased", with: "NOPE,deceased")
            do {
                _ = try await t.services.interchange.importDataset(Self.cli, at: try write(t, bad))
                Issue.record("bad file loaded")
            } catch let failure as ImportFailure {
                let lines = failure.problems.map { $0.text(.en) }
                #expect(lines.contains { $0.hasPrefix("members.csv:2: national_id:") })
                #expect(lines.contains { $0.hasPrefix("members.csv:3: ethnicity:") })
                #expect(lines.contains { $0.hasPrefix("members.csv:5: unit_code:") })
            }
            #expect(try await t.services.members.search(Self.cli, MemberQuery()).total == 0)
            let folder = try write(t, Self.membersCSV)
            #expect(try await t.services.interchange.importDataset(Self.cli, at: folder).created == 4)
            #expect(try await t.services.interchange.importDataset(Self.cli, at: folder) == ImportSummary(unchanged: 4, files: ["members.csv"]))
            let stats = try await t.services.units.stats(Self.cli, code: "T01", asOf: Self.today)
            #expect(stats.membersByStatus["full"] == 2 && stats.membersByStatus["candidate"] == 1 && stats.membersByStatus["deceased"] == 1)
            let earlier = try await t.services.units.stats(Self.cli, code: "T01", asOf: CivilDate(year: 2012, month: 1, day: 1)!)
            #expect(earlier.membersByStatus["full"] == 2 && earlier.membersByStatus["deceased"] == 0)
            let mai = try await t.services.members.search(Self.cli, { var q = MemberQuery(); q.text = "mai"; return q }()).items.first
            #expect(mai?.record.gender == .female && mai?.record.ethnicity?.name == "Thái")
            let history = try await t.services.members.history(Self.cli, id: try #require(mai).id)
            #expect(history.first?.action == "import")
        }
    }

    @Test("members follow a merge of their cells; a cell with members is not dissolved")
    func membersFollowRestructuring() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            _ = try await t.services.interchange.importDataset(Self.cli, at: try write(t, Self.membersCSV))
            await #expect(throws: ImportFailure.self) {
                try await t.services.restructuring.apply(
                    Self.cli, steps: [RestructureStep(operation: .dissolve(code: "T01-B-C1"), effectiveOn: Self.today, decisionNo: "1-QĐ/ĐU")])
            }
            _ = try await t.services.restructuring.apply(
                Self.cli, steps: [RestructureStep(operation: .move(code: "T01-B-C1", parentCode: "T01-A"), effectiveOn: Self.today, decisionNo: "1-QĐ/ĐU")])
            let communeA = try await t.principal(.viewer, at: "T01-A")
            var all = MemberQuery()
            all.currentOnly = false
            #expect(try await t.services.members.search(communeA, all).total == 4)
            let outcome = try await t.services.restructuring.apply(
                Self.cli,
                steps: [RestructureStep(operation: .merge(sources: ["T01-A-C1", "T01-B-C1"], target: "T01-A-C1", newTarget: nil), effectiveOn: Self.today.adding(days: 1), decisionNo: "2-QĐ/ĐU")])
            #expect(outcome.first?.membersMoved == 2)
            #expect(try await t.services.units.stats(Self.cli, code: "T01-A-C1").membersByStatus["full"] == 2)
        }
    }
}

extension MemberTests {
    @Test("data cleaning lists likely duplicates and impossible records (DOMAIN.md §2: đúng – đủ – sạch – sống)")
    func dataCheck() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let csv = """
                card_no,full_name,gender,birth_date,ethnicity,unit_code,status,admitted_on,recognized_on
                60000001,Nguyễn Văn Tùng,male,1985-04-12,Kinh,T01-A-C1,full,2010-05-19,2011-05-19
                60000002,NGUYỄN VĂN TÙNG,male,1985-04-12,Kinh,T01-B-C1,full,2012-05-19,2013-05-19
                60000003,Lê Văn Trẻ,male,2000-06-01,Kinh,T01-A-C1,full,2017-01-01,2018-01-01
                60000004,Trần Thị Đúng,female,1990-06-01,Kinh,T01-A-C1,full,2015-01-01,2016-01-01
                """
            _ = try await t.services.interchange.importDataset(Self.cli, at: try write(t, csv))
            let findings = try await t.services.dataCheck.run(Self.cli)
            #expect(findings.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.admittedUnder18, .likelyDuplicate])
            #expect(findings.first { $0.kind == .likelyDuplicate }?.memberIds.count == 2)
            #expect(findings.first { $0.kind == .admittedUnder18 }?.names == ["Lê Văn Trẻ"])
            // Scope: a commune sees only its own half of the duplicate pair, so no pair.
            #expect(try await t.services.dataCheck.run(try await t.principal(.clerk, at: "T01-A")).map(\.kind) == [.admittedUnder18])
        }
    }
}

extension MemberTests {
    @Test("a member reaching 30 years of party age between two award dates is listed for the later one (DOMAIN.md §2 badges)")
    func badges() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            _ = try await t.services.members.create(
                Self.cli, Self.draft("Phan Văn Ba Mươi", card: "70000001", birth: "1970-01-01", admitted: "1996-06-01", recognized: "1997-06-01"),
                today: Self.today)
            _ = try await t.services.members.create(
                Self.cli, Self.draft("Võ Văn Trẻ", card: "70000002", birth: "1980-01-01", admitted: "2010-06-01", recognized: "2011-06-01"),
                today: Self.today)
            let september = try await t.services.badges.eligible(Self.cli, awardDate: CivilDate(year: 2026, month: 9, day: 2)!)
            #expect(september.map(\.member.record.fullName) == ["Phan Văn Ba Mươi"])
            #expect(september.first?.milestone == 30 && september.first?.reachedOn == CivilDate(year: 2026, month: 6, day: 1))
            #expect(try await t.services.badges.eligible(Self.cli, awardDate: CivilDate(year: 2026, month: 5, day: 19)!).isEmpty)
            #expect(try await t.services.badges.eligible(Self.cli, awardDate: CivilDate(year: 2026, month: 11, day: 7)!).isEmpty)
        }
    }
}

extension MemberTests {
    @Test("lifecycle events move the member, change the status from the event, and refuse what does not fit (DOMAIN.md §2)")
    func lifecycle() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let clerk = try await t.principal(.clerk, at: "T01")
            let member = try await t.services.members.create(clerk, Self.draft("Nguyễn Văn Tùng", card: "80000001"), today: Self.today)
            let day = CivilDate(year: 2026, month: 3, day: 2)!
            let moved = try await t.services.members.recordEvent(
                clerk, memberId: member.id, MemberEventInput(kind: .transferWithin, effectiveOn: day, decisionNo: "15-QĐ/ĐU", toUnitCode: "T01-B-C1"),
                today: Self.today)
            #expect(moved.record.unitCode == "T01-B-C1")
            await #expect(throws: DomainError.notFound(Catalogue.memberNotFound)) {
                try await t.services.members.get(try await t.principal(.viewer, at: "T01-A"), id: member.id)
            }
            _ = try await t.services.members.recordEvent(
                clerk, memberId: member.id, MemberEventInput(kind: .transferTemporary, effectiveOn: day.adding(days: 10), decisionNo: "16-QĐ/ĐU", toUnitCode: "T01-A-C1"),
                today: Self.today)
            #expect(try await t.services.members.temporarilyAway(clerk).map(\.heldBy) == ["Chi bộ thôn 1"])
            let gone = try await t.services.members.recordEvent(
                clerk, memberId: member.id, MemberEventInput(kind: .deceased, effectiveOn: day.adding(days: 20), decisionNo: "17-QĐ/ĐU"), today: Self.today)
            #expect(gone.record.status == .deceased && gone.record.leftOn == day.adding(days: 20))
            #expect(try await t.services.members.temporarilyAway(clerk).isEmpty)
            await #expect(throws: DomainError.self) {
                try await t.services.members.recordEvent(
                    clerk, memberId: member.id, MemberEventInput(kind: .exempt, effectiveOn: day.adding(days: 30), decisionNo: "18-QĐ/ĐU"), today: Self.today)
            }
            #expect(try await t.services.members.events(clerk, memberId: member.id).map(\.kind) == [.transferWithin, .transferTemporary, .deceased])
            #expect(try await t.services.audit.verify() != .broken(entryId: 0, reason: ""))
        }
    }
}

extension MemberTests {
    @Test("a candidate goes from quần chúng ưu tú to full member, each step checked against its rule (DOMAIN.md §2)")
    func admissionPipeline() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let clerk = try await t.principal(.clerk, at: "T01")
            _ = try await t.services.members.create(clerk, Self.draft("Nguyễn Văn Tùng", card: "90000001", birth: "1980-01-01"), today: Self.today)
            _ = try await t.services.members.create(clerk, Self.draft("Đặng Thị Lan", card: "90000002", gender: "female", birth: "1982-01-01"), today: Self.today)
            var d = Self.draft("Vũ Minh Quân", card: "", birth: "2000-05-05", status: "candidate", admitted: "", recognized: "")
            d.cardNo = ""
            let candidate = try await t.services.members.create(clerk, d, today: Self.today)
            func step(_ s: AdmissionStep) async throws -> [Localized] {
                try await t.services.admission.advance(clerk, memberId: candidate.id, s, today: Self.today)
            }
            // Out of order: the cell cannot vote before the course.
            await #expect(throws: DomainError.self) { try await step(.cellVote(on: Self.d("2025-02-15"), fullMembers: 3, inFavour: 2, provincialConsent: false)) }
            _ = try await step(.course(on: Self.d("2025-01-10")))
            // An introducer who has worked with the candidate for less than 12 months is refused.
            await #expect(throws: DomainError.self) {
                try await step(.introducers([.member(cardNo: "90000001", since: Self.d("2023-01-01")), .member(cardNo: "90000002", since: Self.d("2026-06-01"))]))
            }
            _ = try await step(.introducers([.member(cardNo: "90000001", since: Self.d("2023-01-01")), .member(cardNo: "90000002", since: Self.d("2023-06-01"))]))
            // 1 of 3 full members is short of two thirds.
            await #expect(throws: DomainError.self) { try await step(.cellVote(on: Self.d("2025-02-15"), fullMembers: 3, inFavour: 1, provincialConsent: false)) }
            _ = try await step(.cellVote(on: Self.d("2025-02-15"), fullMembers: 3, inFavour: 2, provincialConsent: false))
            _ = try await step(.decision(number: "123-QĐ/ĐU", on: Self.d("2025-03-01")))
            #expect(try await t.services.members.get(clerk, id: candidate.id).record.status == .probationary)
            #expect(try await step(.ceremony(on: Self.d("2025-03-20"))).isEmpty)
            let warnings = try await step(.recognition(cardNo: "90000003"))
            #expect(warnings == [Catalogue.recognitionLate(workingDays: 30)])
            let full = try await t.services.members.get(clerk, id: candidate.id)
            #expect(full.record.status == .full && full.record.recognizedOn == Self.d("2026-03-20") && full.record.cardNo == "90000003")
            #expect(full.record.admittedOn == Self.d("2025-03-01"))
        }
    }

    static func d(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
}
