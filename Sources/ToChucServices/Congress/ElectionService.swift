import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A new election as a form or the API gives it.
public struct ElectionDraft: Sendable, Equatable {
    public var unitCode = ""
    /// The congress's term ("2025-2030"); empty for a conference of the committee (no congress).
    public var congressTerm = ""
    public var body = ""
    /// The title the elected will hold; empty: the body's usual title.
    public var title = ""
    public var heldOn = ""
    public var seats = ""
    /// Delegates present: the base of the floor-nomination rule and the most ballots that can be issued.
    public var delegates = ""

    public init() {}
}

/// An election at a congress or a conference, as stored.
public struct ElectionRecord: Sendable, Equatable {
    public let id: Int64
    public let unitId: Int64
    public let unitCode: String
    public let unitName: String
    public let unitPath: String
    public let unitKind: UnitKind
    public let congressId: Int64?
    public let congressTerm: CongressTerm?
    public let body: ElectedBody
    public let title: String
    public let heldOn: CivilDate
    public let seats: Int
    public let delegates: Int
    public let status: ElectionStatus
    public let approvalNo: String?
    public let approvedOn: CivilDate?
    public let approvedBy: String?
    public let version: Int
    public let createdBy: String

    public var auditValues: [String: String?] {
        [
            "unit_code": unitCode, "congress_term": congressTerm?.key, "body": body.rawValue, "title": title, "held_on": heldOn.iso,
            "seats": String(seats), "delegates": String(delegates), "status": status.rawValue, "approval_no": approvalNo,
            "approved_on": approvedOn?.iso,
        ]
    }
}

/// A name proposed for an election's list.
public struct ElectionCandidate: Sendable, Equatable {
    public let id: Int64
    public let memberId: Int64?
    /// Set once the result is approved (the cadre whose position was written), or when the person already was one.
    public let cadreId: Int64?
    public let fullName: String
    public let cardNo: String?
    public let source: NominationSource
    /// Delegates who agreed to put a floor or self nomination on the list.
    public let agreed: Int?

    var nominee: NomineeEntry { NomineeEntry(id: String(id), source: source, agreed: agreed) }
}

/// One round: its seats, its names and, once entered, the paper count.
public struct ElectionRound: Sendable, Equatable {
    public let id: Int64
    public let number: Int
    public let seats: Int
    public let reason: ElectionRoundReason
    public let candidateIds: [Int64]
    public let count: BallotCount?
    public let countedBy: String?
}

/// A round with its result by the rules (nil until counted).
public struct ElectionRoundView: Sendable, Equatable {
    public let round: ElectionRound
    public let result: RoundResult?
}

/// What comes next in an election.
public enum ElectionStage: Sendable, Equatable {
    /// The list is being made: names may be added or removed; the first count opens the first round.
    case listing
    /// A round waits for its count.
    case counting(round: Int)
    /// A tie at the last seat: a re-vote among the tied for `seats`.
    case revote(seats: Int, candidates: [Int64])
    /// Too few passed: the body decides on another round for these seats, or the result is approved as it stands.
    case seatsLeft(Int)
    /// Every seat filled: ready for the higher level's approval.
    case complete
    case approved
}

/// Everything an election's page shows.
public struct ElectionDetail: Sendable {
    public let election: ElectionRecord
    public let candidates: [ElectionCandidate]
    /// The rule set in force on the election's day.
    public let rules: ElectionRules
    /// The list against the rules (ids are candidate ids as text).
    public let listCheck: ElectionListCheck
    public let rounds: [ElectionRoundView]
    /// Those elected, round by round, most votes first.
    public let elected: [ElectionCandidate]
    public let stage: ElectionStage
    /// The level whose head approves the result: the level of the unit's parent committee.
    public let approvingLevel: ManagementLevel

    public func candidate(_ id: Int64) -> ElectionCandidate? { candidates.first { $0.id == id } }
    public func candidate(_ key: String) -> ElectionCandidate? { Int64(key).flatMap(candidate) }
}

/// Elections in the Party (Quy chế bầu cử trong Đảng, Quyết định 190-QĐ/TW; DOMAIN.md §4): the list with its surplus
/// checked before any ballot, the paper count of each round, the result by the rules of the date (re-votes of the tied
/// and further rounds), and the higher level's approval, which writes the elected into the unit's positions through
/// approved election decisions.
public struct ElectionService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    static let entity = "election"
    public static let maximumSeats = 1_000

    // MARK: - Reading

    static let columns = """
        e.*, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, u.kind AS unit_kind, c.term AS congress_term
        """
    static let from = "elections e JOIN units u ON u.id = e.unit_id LEFT JOIN congresses c ON c.id = e.congress_id"

    static func record(from row: any SQLRow) throws -> ElectionRecord {
        func date(_ column: String) throws -> CivilDate? { try row.decode(column: column, as: String?.self).flatMap { CivilDate(parsing: $0) } }
        return ElectionRecord(
            id: try row.decode(column: "id", as: Int64.self), unitId: try row.decode(column: "unit_id", as: Int64.self),
            unitCode: try row.decode(column: "unit_code", as: String.self), unitName: try row.decode(column: "unit_name", as: String.self),
            unitPath: try row.decode(column: "unit_path", as: String.self),
            unitKind: UnitKind(rawValue: try row.decode(column: "unit_kind", as: String.self)) ?? .cell,
            congressId: try row.decode(column: "congress_id", as: Int64?.self),
            congressTerm: try row.decode(column: "congress_term", as: String?.self).flatMap { CongressTerm(parsing: $0) },
            body: ElectedBody(rawValue: try row.decode(column: "body", as: String.self)) ?? .committee,
            title: try row.decode(column: "title", as: String.self),
            heldOn: try date("held_on") ?? UnitVersion.epoch, seats: try row.decode(column: "seats", as: Int.self),
            delegates: try row.decode(column: "delegates", as: Int.self),
            status: ElectionStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
            approvalNo: try row.decode(column: "approval_no", as: String?.self), approvedOn: try date("approved_on"),
            approvedBy: try row.decode(column: "approved_by", as: String?.self), version: try row.decode(column: "version", as: Int.self),
            createdBy: try row.decode(column: "created_by", as: String.self))
    }

    static func visible(_ sql: any SQLDatabase, _ principal: Principal, id: Int64) async throws -> ElectionRecord {
        let row = try await sql.raw("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE e.id = \(bind: id)").first()
        guard let election = try row.map(record), principal.sees(path: election.unitPath) else {
            throw DomainError.notFound(Catalogue.electionNotFound)
        }
        return election
    }

    static func candidates(_ sql: any SQLDatabase, electionId: Int64) async throws -> [ElectionCandidate] {
        try await sql.raw(
            """
            SELECT k.*, m.card_no FROM election_candidates k LEFT JOIN members m ON m.id = k.member_id
            WHERE k.election_id = \(bind: electionId) ORDER BY k.id
            """
        ).all().map { row in
            ElectionCandidate(
                id: try row.decode(column: "id", as: Int64.self), memberId: try row.decode(column: "member_id", as: Int64?.self),
                cadreId: try row.decode(column: "cadre_id", as: Int64?.self), fullName: try row.decode(column: "full_name", as: String.self),
                cardNo: try row.decode(column: "card_no", as: String?.self),
                source: NominationSource(rawValue: try row.decode(column: "source", as: String.self)) ?? .committee,
                agreed: try row.decode(column: "agreed", as: Int?.self))
        }
    }

    static func rounds(_ sql: any SQLDatabase, electionId: Int64) async throws -> [ElectionRound] {
        let votes = try await sql.raw(
            """
            SELECT ev.round_id, ev.candidate_id, ev.votes FROM election_votes ev JOIN election_rounds r ON r.id = ev.round_id
            WHERE r.election_id = \(bind: electionId) ORDER BY ev.round_id, ev.candidate_id
            """
        ).all()
        var byRound: [Int64: [(Int64, Int?)]] = [:]
        for row in votes {
            byRound[try row.decode(column: "round_id", as: Int64.self), default: []].append(
                (try row.decode(column: "candidate_id", as: Int64.self), try row.decode(column: "votes", as: Int?.self)))
        }
        return try await sql.raw("SELECT * FROM election_rounds WHERE election_id = \(bind: electionId) ORDER BY round_no").all().map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            let entries = byRound[id] ?? []
            var count: BallotCount? = nil
            if let issued = try row.decode(column: "issued", as: Int?.self) {
                count = BallotCount(
                    issued: issued, returned: try row.decode(column: "returned", as: Int.self), valid: try row.decode(column: "valid", as: Int.self),
                    invalid: try row.decode(column: "invalid", as: Int.self),
                    votes: Dictionary(uniqueKeysWithValues: entries.map { (String($0.0), $0.1 ?? 0) }))
            }
            return ElectionRound(
                id: id, number: try row.decode(column: "round_no", as: Int.self), seats: try row.decode(column: "seats", as: Int.self),
                reason: ElectionRoundReason(rawValue: try row.decode(column: "reason", as: String.self)) ?? .first, candidateIds: entries.map(\.0),
                count: count, countedBy: try row.decode(column: "counted_by", as: String?.self))
        }
    }

    static func rules(_ sql: any SQLDatabase, on date: CivilDate) async throws -> ElectionRules {
        do {
            return ElectionRules(try await RuleService.inForce(sql, .election, on: date))
        } catch DomainError.invalid(let message, _) {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("held_on", message)])
        }
    }

    /// The level whose head approves: that of the unit's parent committee on the election's day (a base unit under a
    /// province is approved by the province); a root's own level.
    static func approvingLevel(_ sql: any SQLDatabase, _ election: ElectionRecord) async throws -> ManagementLevel {
        let version = try await UnitHistory.version(sql, unitId: election.unitId, on: election.heldOn)
        guard let parentId = version?.parentId, let parent = try await UnitHistory.version(sql, unitId: parentId, on: election.heldOn) else {
            return ManagementLevel.of(election.unitKind)
        }
        return ManagementLevel.of(parent.kind)
    }

    static func detail(_ sql: any SQLDatabase, _ election: ElectionRecord) async throws -> ElectionDetail {
        let candidates = try await Self.candidates(sql, electionId: election.id)
        let rules = try await Self.rules(sql, on: election.heldOn)
        let check = rules.checkList(seats: election.seats, nominees: candidates.map(\.nominee), delegates: election.delegates)
        let rounds = try await Self.rounds(sql, electionId: election.id)
        let views = rounds.map { round in
            ElectionRoundView(
                round: round,
                result: round.count.map { rules.result(seats: round.seats, candidates: round.candidateIds.map { String($0) }, count: $0) })
        }
        var elected: [ElectionCandidate] = []
        for view in views {
            for id in view.result?.elected ?? [] { if let c = candidates.first(where: { String($0.id) == id }) { elected.append(c) } }
        }
        let stage: ElectionStage
        if election.status == .approved {
            stage = .approved
        } else if let last = views.last {
            if let result = last.result {
                if result.needsRevote {
                    stage = .revote(seats: result.tieSeats, candidates: result.tied.compactMap { Int64($0) })
                } else {
                    let left = election.seats - elected.count
                    stage = left > 0 ? .seatsLeft(left) : .complete
                }
            } else {
                stage = .counting(round: last.round.number)
            }
        } else {
            stage = .listing
        }
        return ElectionDetail(
            election: election, candidates: candidates, rules: rules, listCheck: check, rounds: views, elected: elected, stage: stage,
            approvingLevel: try await approvingLevel(sql, election))
    }

    /// An election with its list, rounds, results and stage.
    public func detail(_ principal: Principal, id: Int64) async throws -> ElectionDetail {
        try await db.read { sql in try await Self.detail(sql, try await Self.visible(sql, principal, id: id)) }
    }

    /// The elections of a subtree (or of one congress), newest first.
    public func list(
        _ principal: Principal, unitCode: String = "", congressId: Int64? = nil, page: Int = 1, perPage: Int = 50
    ) async throws
        -> Page<ElectionRecord>
    {
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: unitCode.trimmed)
        let page = max(1, page)
        let perPage = min(max(1, perPage), UnitService.maximumPerPage)
        var filter: SQLQueryString = "u.path >= \(bind: range.lower) AND u.path < \(bind: range.upper)"
        if let congressId { filter = filter + " AND e.congress_id = \(bind: congressId)" }
        let conditions = filter
        return try await db.read { sql in
            let total =
                try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: Self.from) WHERE \(conditions)").first()?.decode(column: "n", as: Int.self)
                ?? 0
            let rows = try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: Self.from) WHERE \(conditions)
                ORDER BY e.held_on DESC, e.id DESC LIMIT \(literal: perPage) OFFSET \(literal: (page - 1) * perPage)
                """
            ).all().map(Self.record)
            return Page(items: rows, page: page, perPage: perPage, total: total)
        }
    }

    /// Changes to an election (its list, counts, rounds and approval), oldest first.
    public func history(_ principal: Principal, id: Int64) async throws -> [AuditEntry] {
        try await db.read { sql in
            let election = try await Self.visible(sql, principal, id: id)
            return try await AuditLog.history(sql, entity: Self.entity, key: String(election.id))
        }
    }

    // MARK: - Creating and the list

    /// Opens an election at a unit in scope: at its congress of a term (which must be recorded) or at a conference.
    public func create(_ principal: Principal, _ draft: ElectionDraft, today: CivilDate = Timestamp.vietnamDate()) async throws -> ElectionRecord {
        try principal.requireWrite()
        var errors: [FieldError] = []
        let body = ElectedBody(rawValue: draft.body.trimmed)
        if body == nil { errors.append(FieldError("body", Catalogue.unknownValue(draft.body))) }
        let title = draft.title.trimmed.isEmpty ? (body?.defaultTitle.vi ?? "") : draft.title.trimmed
        if title.count > CadreTitle.maximumLength { errors.append(FieldError("title", Catalogue.tooLong(CadreTitle.maximumLength))) }
        let held = CivilDate(parsing: draft.heldOn.trimmed)
        if let held {
            if held > today { errors.append(FieldError("held_on", Catalogue.dateInFuture)) }
        } else {
            errors.append(FieldError("held_on", draft.heldOn.trimmed.isEmpty ? Catalogue.required : Catalogue.invalidDate(draft.heldOn)))
        }
        func count(_ field: String, _ text: String, _ range: ClosedRange<Int>) -> Int {
            guard let n = Int(text.trimmed), range.contains(n) else {
                errors.append(FieldError(field, text.trimmed.isEmpty ? Catalogue.required : Catalogue.outOfRange(range.lowerBound, range.upperBound)))
                return 0
            }
            return n
        }
        let seats = count("seats", draft.seats, 1...Self.maximumSeats)
        let delegates = count("delegates", draft.delegates, 1...CongressRecordRules.maximumDelegates)
        let found = errors
        return try await db.write { sql in
            let unit = try await CongressService.visibleUnit(sql, principal, code: draft.unitCode)
            var errors = found
            var congress: CongressRecord? = nil
            if !draft.congressTerm.trimmed.isEmpty {
                if let term = CongressTerm(parsing: draft.congressTerm) {
                    congress = try await CongressService.find(sql, unitId: unit.id, term: term)
                    if congress == nil { errors.append(FieldError("congress_term", Catalogue.electionCongressMissing(term.label))) }
                } else {
                    errors.append(FieldError("congress_term", Catalogue.congressTermInvalid(draft.congressTerm)))
                }
            }
            if let held, try await UnitHistory.version(sql, unitId: unit.id, on: held) == nil {
                errors.append(FieldError("held_on", Catalogue.congressUnitMissing(unit.code, VietnameseFormat.date(held))))
            }
            if let held, errors.isEmpty { _ = try await Self.rules(sql, on: held) }
            guard errors.isEmpty, let body, let held else { throw DomainError.invalid(Catalogue.invalidInput, errors) }
            let now = Timestamp.now()
            let id = try await sql.raw(
                """
                INSERT INTO elections (unit_id, congress_id, body, title, held_on, seats, delegates, status, version, created_by, created_at,
                    updated_at)
                VALUES (\(bind: unit.id), \(bind: congress?.id), \(bind: body.rawValue), \(bind: title), \(bind: held.iso), \(bind: seats),
                    \(bind: delegates),
                    'open', 1, \(bind: principal.actor), \(bind: now), \(bind: now))
                RETURNING id
                """
            ).first()!.decode(column: "id", as: Int64.self)
            let election = try await Self.visible(sql, principal, id: id)
            try await Self.audit(sql, principal, election, action: "create", old: nil, new: election.auditValues)
            return election
        }
    }

    static func audit(
        _ sql: any SQLDatabase, _ principal: Principal, _ election: ElectionRecord, action: String, old: [String: String?]?, new: [String: String?]
    ) async throws {
        try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: action, entity: entity, key: String(election.id),
            unitPath: election.unitPath, old: old, new: new)
    }

    /// Refuses a change based on an older version of the election (someone else changed it meanwhile), and bumps it.
    static func bump(_ sql: any SQLDatabase, _ election: ElectionRecord, expectedVersion: Int?) async throws {
        if let expectedVersion, expectedVersion != election.version {
            throw try await AuditLog.staleSave(
                sql, entity: entity, key: String(election.id), baseVersion: expectedVersion, current: ["version": String(election.version)],
                currentVersion: election.version, fallback: ["version": String(expectedVersion)])
        }
        let changed = try await sql.raw(
            """
            UPDATE elections SET version = version + 1, updated_at = \(bind: Timestamp.now())
            WHERE id = \(bind: election.id) AND version = \(bind: election.version) RETURNING id
            """
        ).first()
        if changed == nil { throw DomainError.conflict(Catalogue.staleSave, changes: [], current: [:]) }
    }

    static func requireOpen(_ election: ElectionRecord) throws {
        if election.status != .open { throw DomainError.invalid(Catalogue.electionApproved, [FieldError("status", Catalogue.electionApproved)]) }
    }

    /// Adds a name to the list (before the first count): a full member of the unit's organization on the election's day, by
    /// card or national ID number (Điều lệ Đảng, Điều 5: probationary members neither vote nor stand); floor and self nominations with the
    /// number of delegates who agreed.
    public func addCandidate(
        _ principal: Principal, electionId: Int64, person: String, source: String, agreed: String, expectedVersion: Int? = nil
    ) async throws -> ElectionCandidate {
        try principal.requireWrite()
        return try await db.write { sql in
            let election = try await Self.visible(sql, principal, id: electionId)
            try Self.requireOpen(election)
            if !(try await Self.rounds(sql, electionId: election.id)).isEmpty {
                throw DomainError.invalid(Catalogue.electionListClosed, [FieldError("member_number", Catalogue.electionListClosed)])
            }
            var errors: [FieldError] = []
            let kind = NominationSource.parse(source)
            if kind == nil { errors.append(FieldError("source", Catalogue.unknownValue(source))) }
            var agreedCount: Int? = nil
            if kind?.needsDelegatesAgreement == true {
                if let n = Int(agreed.trimmed), (0...election.delegates).contains(n) {
                    agreedCount = n
                } else {
                    errors.append(FieldError("agreed", agreed.trimmed.isEmpty ? Catalogue.required : Catalogue.outOfRange(0, election.delegates)))
                }
            }
            let number = person.trimmed
            var member: Member? = nil
            if number.isEmpty {
                errors.append(FieldError("member_number", Catalogue.required))
            } else if let found = try await CadreService.member(sql, number: number), principal.sees(path: found.unitPath) {
                if try await !Self.belongs(sql, memberId: found.id, to: election) {
                    errors.append(FieldError("member_number", Catalogue.electionMemberOutside(election.unitName)))
                } else if found.record.status == .full {
                    member = found
                } else {
                    errors.append(FieldError("member_number", Catalogue.electionNotFullMember))
                }
            } else {
                errors.append(FieldError("member_number", Catalogue.memberNotFoundByNumber))
            }
            let existing = try await Self.candidates(sql, electionId: election.id)
            if let member, existing.contains(where: { $0.memberId == member.id }) {
                errors.append(FieldError("member_number", Catalogue.electionAlreadyListed(member.record.fullName)))
            }
            if existing.count >= Self.maximumSeats * 2 { errors.append(FieldError("member_number", Catalogue.outOfRange(0, Self.maximumSeats * 2))) }
            guard errors.isEmpty, let kind, let member else { throw DomainError.invalid(Catalogue.invalidInput, errors) }
            try await Self.bump(sql, election, expectedVersion: expectedVersion)
            let cadreId = try await sql.raw("SELECT id FROM cadres WHERE member_id = \(bind: member.id)").first()?.decode(
                column: "id", as: Int64.self)
            let id = try await sql.raw(
                """
                INSERT INTO election_candidates (election_id, member_id, cadre_id, full_name, source, agreed, created_at)
                VALUES (\(bind: election.id), \(bind: member.id), \(bind: cadreId), \(bind: member.record.fullName), \(bind: kind.rawValue),
                    \(bind: agreedCount), \(bind: Timestamp.now()))
                RETURNING id
                """
            ).first()!.decode(column: "id", as: Int64.self)
            try await Self.audit(
                sql, principal, election, action: "update", old: nil,
                new: [
                    "candidate": String(id), "full_name": member.record.fullName, "source": kind.rawValue, "agreed": agreedCount.map { String($0) },
                ])
            return try await Self.candidates(sql, electionId: election.id).first { $0.id == id }!
        }
    }

    /// Whether a member belonged to the election's unit (its subtree) on the election's day: the unit they were in then
    /// (before any later transfer, `ReportService.unitThen`), as both units stood that day.
    static func belongs(_ sql: any SQLDatabase, memberId: Int64, to election: ElectionRecord) async throws -> Bool {
        let day = election.heldOn
        guard let root = try await UnitHistory.version(sql, unitId: election.unitId, on: day) else { return false }
        let path = try await sql.raw(
            """
            SELECT v.path FROM members m JOIN unit_versions v ON v.unit_id = \(unsafeRaw: ReportService.unitThen("'" + day.iso + "'"))
            WHERE m.id = \(bind: memberId) AND \(UnitHistory.at(day))
            """
        ).first()?.decode(column: "path", as: String.self)
        return path.map { Scope.contains(root: root.path, path: $0) } ?? false
    }

    /// Takes a name off the list (before the first count).
    public func removeCandidate(_ principal: Principal, electionId: Int64, candidateId: Int64, expectedVersion: Int? = nil) async throws {
        try principal.requireWrite()
        try await db.write { sql in
            let election = try await Self.visible(sql, principal, id: electionId)
            try Self.requireOpen(election)
            guard let candidate = try await Self.candidates(sql, electionId: election.id).first(where: { $0.id == candidateId }) else {
                throw DomainError.notFound(Catalogue.electionCandidateNotFound)
            }
            if !(try await Self.rounds(sql, electionId: election.id)).isEmpty {
                throw DomainError.invalid(Catalogue.electionListClosed, [FieldError("candidate", Catalogue.electionListClosed)])
            }
            try await Self.bump(sql, election, expectedVersion: expectedVersion)
            try await sql.raw("DELETE FROM election_candidates WHERE id = \(bind: candidate.id)").run()
            try await Self.audit(
                sql, principal, election, action: "update", old: ["candidate": String(candidate.id), "full_name": candidate.fullName],
                new: ["candidate": nil, "full_name": nil])
        }
    }

    // MARK: - Counting

    /// Enters (or corrects) the paper count of the current round. The first count opens the first round on the list as
    /// admitted, refused while the list breaks the rules (the surplus is checked before any ballot). A round's count can be
    /// corrected until a later round is opened or the result approved.
    public func enterCount(
        _ principal: Principal, electionId: Int64, issued: Int, returned: Int, valid: Int, invalid: Int, votes: [Int64: Int], expectedVersion: Int?
    ) async throws -> ElectionDetail {
        try principal.requireWrite()
        return try await db.write { sql in
            let election = try await Self.visible(sql, principal, id: electionId)
            try Self.requireOpen(election)
            var detail = try await Self.detail(sql, election)
            var round = detail.rounds.last?.round
            if round == nil {
                guard detail.listCheck.isValid else {
                    throw DomainError.invalid(Catalogue.electionListBreaksRules, detail.listCheck.problems.map { FieldError("list", $0) })
                }
                guard !detail.listCheck.admitted.isEmpty else {
                    throw DomainError.invalid(Catalogue.electionListEmpty, [FieldError("list", Catalogue.electionListEmpty)])
                }
            }
            let ids = round?.candidateIds ?? detail.listCheck.admitted.compactMap { Int64($0) }
            let count = BallotCount(
                issued: issued, returned: returned, valid: valid, invalid: invalid,
                votes: Dictionary(uniqueKeysWithValues: votes.filter { ids.contains($0.key) }.map { (String($0.key), $0.value) }))
            let problems = count.problems(seats: round?.seats ?? election.seats, candidates: ids.map { String($0) }, delegates: election.delegates)
            if !problems.isEmpty { throw DomainError.invalid(Catalogue.electionCountInvalid, problems) }
            if let unknown = votes.keys.first(where: { !ids.contains($0) }) {
                throw DomainError.invalid(Catalogue.electionCountInvalid, [FieldError("votes.\(unknown)", Catalogue.electionCandidateNotFound)])
            }
            try await Self.bump(sql, election, expectedVersion: expectedVersion)
            let names = Dictionary(uniqueKeysWithValues: detail.candidates.map { (String($0.id), $0.fullName) })
            let old = round?.count.map { Self.countValues($0, names: names) }
            if round == nil {
                round = try await Self.openRound(sql, election: election, number: 1, seats: election.seats, reason: .first, candidateIds: ids)
            }
            let current = round!
            try await sql.raw(
                """
                UPDATE election_rounds SET issued = \(bind: issued), returned = \(bind: returned), valid = \(bind: valid), invalid = \(bind: invalid),
                    counted_at = \(bind: Timestamp.now()), counted_by = \(bind: principal.actor)
                WHERE id = \(bind: current.id)
                """
            ).run()
            for id in ids {
                try await sql.raw(
                    "UPDATE election_votes SET votes = \(bind: votes[id] ?? 0) WHERE round_id = \(bind: current.id) AND candidate_id = \(bind: id)"
                ).run()
            }
            var new = Self.countValues(count, names: names)
            new["round"] = String(current.number)
            try await Self.audit(sql, principal, election, action: "count", old: old, new: new)
            detail = try await Self.detail(sql, try await Self.visible(sql, principal, id: electionId))
            return detail
        }
    }

    /// A count as the history records it: the ballots, and each name's votes under the name.
    static func countValues(_ c: BallotCount, names: [String: String]) -> [String: String?] {
        var values: [String: String?] = [
            "issued": String(c.issued), "returned": String(c.returned), "valid": String(c.valid), "invalid": String(c.invalid),
        ]
        for (id, n) in c.votes { values["votes: " + (names[id] ?? id)] = String(n) }
        return values
    }

    static func openRound(
        _ sql: any SQLDatabase, election: ElectionRecord, number: Int, seats: Int, reason: ElectionRoundReason, candidateIds: [Int64]
    ) async throws -> ElectionRound {
        let id = try await sql.raw(
            """
            INSERT INTO election_rounds (election_id, round_no, seats, reason)
            VALUES (\(bind: election.id), \(bind: number), \(bind: seats), \(bind: reason.rawValue))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int64.self)
        for candidate in candidateIds {
            try await sql.raw("INSERT INTO election_votes (round_id, candidate_id) VALUES (\(bind: id), \(bind: candidate))").run()
        }
        return ElectionRound(id: id, number: number, seats: seats, reason: reason, candidateIds: candidateIds, count: nil, countedBy: nil)
    }

    /// Opens the next round: after a tie at the last seat, the re-vote among the tied for the seats they share; after too
    /// few passed, another round for the seats left among the names the body chooses (by default every admitted name
    /// not elected yet).
    public func nextRound(
        _ principal: Principal, electionId: Int64, candidateIds: [Int64] = [], expectedVersion: Int? = nil
    ) async throws
        -> ElectionDetail
    {
        try principal.requireWrite()
        return try await db.write { sql in
            let election = try await Self.visible(sql, principal, id: electionId)
            try Self.requireOpen(election)
            let detail = try await Self.detail(sql, election)
            let number = (detail.rounds.last?.round.number ?? 0) + 1
            let next: (seats: Int, reason: ElectionRoundReason, names: [Int64])
            switch detail.stage {
            case .revote(let seats, let tied):
                next = (seats, .tie, tied)
            case .seatsLeft(let seats):
                let elected = Set(detail.elected.map(\.id))
                let eligible = detail.listCheck.admitted.compactMap { Int64($0) }.filter { !elected.contains($0) }
                let chosen = candidateIds.isEmpty ? eligible : candidateIds
                if chosen.isEmpty || !chosen.allSatisfy(eligible.contains) || Set(chosen).count != chosen.count {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError("candidate_ids", Catalogue.electionRoundCandidates)])
                }
                next = (seats, .again, chosen)
            default:
                throw DomainError.invalid(Catalogue.electionNoNextRound, [FieldError("round", Catalogue.electionNoNextRound)])
            }
            try await Self.bump(sql, election, expectedVersion: expectedVersion)
            _ = try await Self.openRound(sql, election: election, number: number, seats: next.seats, reason: next.reason, candidateIds: next.names)
            try await Self.audit(
                sql, principal, election, action: "round", old: nil,
                new: [
                    "round": String(number), "reason": next.reason.rawValue, "seats": String(next.seats),
                    "candidates": next.names.compactMap { detail.candidate($0)?.fullName }.joined(separator: ", "),
                ])
            return try await Self.detail(sql, try await Self.visible(sql, principal, id: electionId))
        }
    }

    // MARK: - Approval

    /// The higher level approves the result (chuẩn y): a head of a unit above the election's unit, at the level of its
    /// parent committee or higher. Every elected person becomes (or already is) a cadre and gets an election decision,
    /// approved at once, that opens the position (the election's title at the unit, from the election's day) — ending the
    /// same post held from an earlier term — so cadre pages, approval counts and history see it. Refused while a tie waits
    /// for its re-vote or nobody is elected.
    public func approve(
        _ principal: Principal, electionId: Int64, approvalNo: String, approvedOn: String = "", today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> ElectionDetail {
        try principal.requireWrite()
        let (date, found) = DecisionService.approvalInput(number: approvalNo, field: "approval_no", on: approvedOn, today: today)
        return try await db.write { sql in
            let election = try await Self.visible(sql, principal, id: electionId)
            try Self.requireOpen(election)
            let detail = try await Self.detail(sql, election)
            let level = detail.approvingLevel
            let place = PositionPlace(id: election.unitId, isAgency: false, code: election.unitCode, name: election.unitName, path: election.unitPath)
            // The higher level: a unit strictly above the election's, at the approving level or higher.
            if election.unitPath == principal.unitPath { throw DomainError.forbidden(Catalogue.electionApprovalAbove) }
            try await DecisionService.requireApprovalRight(sql, principal, level: level, places: [place])
            var errors = found
            if let date, date < election.heldOn { errors.append(FieldError("approved_on", Catalogue.electionApprovedBeforeHeld)) }
            switch detail.stage {
            case .complete, .seatsLeft: break
            case .revote: errors.append(FieldError("round", Catalogue.electionTiePending))
            default: errors.append(FieldError("round", Catalogue.electionNotCounted))
            }
            if detail.elected.isEmpty { errors.append(FieldError("round", Catalogue.electionNobodyElected)) }
            guard errors.isEmpty, let date else { throw DomainError.invalid(Catalogue.invalidInput, errors) }
            var written: [String] = []
            if election.body.writesPositions {
                for person in detail.elected {
                    let cadre = try await Self.cadre(sql, principal, for: person)
                    let held = try await CadreStore.positions(sql, cadreId: cadre.id).first { p in
                        !p.place.isAgency && p.place.id == election.unitId && p.endedOn == nil && p.voidedByDecisionId == nil
                            && VietnameseText.fold(p.title) == VietnameseText.fold(election.title) && p.startedOn < election.heldOn
                    }
                    var draft = DecisionDraft()
                    draft.cadreId = cadre.id
                    draft.kind = CadreDecisionKind.election.rawValue
                    draft.decisionNo = approvalNo.trimmed
                    draft.effectiveOn = election.heldOn.iso
                    draft.closesPositionId = held?.id
                    draft.placeCode = election.unitCode
                    draft.title = election.title
                    draft.managedBy = level.rawValue
                    draft.note = Catalogue.electionDecisionNote(election.body.label.vi, VietnameseFormat.date(election.heldOn)).vi
                    let decision = try await DecisionService.propose(sql, principal, draft)
                    _ = try await DecisionService.approve(sql, principal, id: decision.id, on: date)
                    try await sql.raw("UPDATE election_candidates SET cadre_id = \(bind: cadre.id) WHERE id = \(bind: person.id)").run()
                    written.append(String(decision.id))
                }
            }
            try await Self.bump(sql, election, expectedVersion: nil)
            try await sql.raw(
                """
                UPDATE elections SET status = 'approved', approval_no = \(bind: approvalNo.trimmed), approved_on = \(bind: date.iso),
                    approved_by = \(bind: principal.actor) WHERE id = \(bind: election.id)
                """
            ).run()
            try await Self.audit(
                sql, principal, election, action: "approve", old: ["status": ElectionStatus.open.rawValue],
                new: [
                    "status": ElectionStatus.approved.rawValue, "approval_no": approvalNo.trimmed, "approved_on": date.iso,
                    "elected": detail.elected.map(\.fullName).joined(separator: ", "), "decisions": written.joined(separator: ","),
                ])
            return try await Self.detail(sql, try await Self.visible(sql, principal, id: electionId))
        }
    }

    /// The cadre record of an elected member, made from the member when there is none yet.
    static func cadre(_ sql: any SQLDatabase, _ principal: Principal, for person: ElectionCandidate) async throws -> Cadre {
        if let id = person.cadreId, let cadre = try await CadreStore.findCadre(sql, id: id) { return cadre }
        if let memberId = person.memberId,
            let id = try await sql.raw("SELECT id FROM cadres WHERE member_id = \(bind: memberId)").first()?.decode(column: "id", as: Int64.self),
            let cadre = try await CadreStore.findCadre(sql, id: id)
        {
            return cadre
        }
        let number = try await sql.raw("SELECT COALESCE(card_no, national_id) AS n FROM members WHERE id = \(bind: person.memberId ?? 0)").first()?
            .decode(column: "n", as: String?.self)
        guard let number else { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("candidate", Catalogue.memberNotFoundByNumber)]) }
        var draft = CadreDraft()
        draft.memberNumber = number
        return try await CadreService.create(sql, principal: principal, draft, importAuditId: nil)
    }
}
