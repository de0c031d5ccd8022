import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A vote session as a form or a request gives it.
public struct VoteSessionDraft: Sendable, Equatable {
    /// The unit whose body votes (empty: the principal's own).
    public var unitCode = ""
    public var bodyKind = ""
    /// Empty: the kind's label and the unit's name.
    public var bodyName = ""
    public var round = ""
    public var heldOn = ""
    public var convened = ""
    public var present = ""
    public var note = ""

    public init(
        unitCode: String = "", bodyKind: String = "", bodyName: String = "", round: String = "", heldOn: String = "", convened: String = "",
        present: String = "", note: String = ""
    ) {
        self.unitCode = unitCode
        self.bodyKind = bodyKind
        self.bodyName = bodyName
        self.round = round
        self.heldOn = heldOn
        self.convened = convened
        self.present = present
        self.note = note
    }
}

/// A session of a body that votes on the holders of the posts it elected or approved (Quy định 96-QĐ/TW).
public struct VoteSession: Sendable, Equatable {
    public let id: Int64
    public let unitCode: String
    public let unitName: String
    public let unitPath: String
    public let bodyKind: VoteBodyKind
    public let bodyName: String
    public let round: String
    public let heldOn: CivilDate
    public let convened: Int
    public let present: Int
    public let note: String?
    public let version: Int
    public let createdBy: String
    public let updatedAt: String

    /// The values the audit log keeps (and a stale save compares).
    public var auditValues: [String: String?] {
        [
            "unit_code": unitCode, "body_kind": bodyKind.rawValue, "body_name": bodyName, "round": round, "held_on": heldOn.iso,
            "convened": String(convened), "present": String(present), "note": note, "version": String(version),
        ]
    }

    public var draft: VoteSessionDraft {
        VoteSessionDraft(
            unitCode: unitCode, bodyKind: bodyKind.rawValue, bodyName: bodyName, round: round, heldOn: heldOn.iso, convened: String(convened),
            present: String(present), note: note ?? "")
    }
}

/// A person voted on at a session, for a post, with the tally once entered.
public struct VoteSubject: Sendable, Equatable {
    public let id: Int64
    public let sessionId: Int64
    public let cadre: Cadre
    public let position: String
    public let tally: VoteTally?
    public let version: Int

    var auditValues: [String: String?] {
        [
            "cadre": String(cadre.id), "position": position, "issued": tally.map { String($0.issued) }, "returned": tally.map { String($0.returned) },
            "valid": tally.map { String($0.valid) }, "invalid": tally.map { String($0.invalid) }, "high": tally.map { String($0.high) },
            "medium": tally.map { String($0.medium) }, "low": tally.map { String($0.low) }, "version": String(version),
        ]
    }
}

/// A session with what its page shows: the rules of its day, the quorum, the persons and their consequences.
public struct VoteSessionDetail: Sendable {
    public let session: VoteSession
    public let rules: ConfidenceVoteRules
    public let quorum: QuorumCheck
    public let subjects: [VoteSubject]

    /// The consequence of a person's tally; nil before it is entered.
    public func consequence(_ subject: VoteSubject) -> VoteConsequence? {
        subject.tally.map { ConfidenceVoting.consequence($0, rules: rules) }
    }

    public var tallied: Int { subjects.filter { $0.tally != nil }.count }
    public func count(_ consequence: VoteConsequence) -> Int { subjects.filter { self.consequence($0) == consequence }.count }
}

/// One line of a tally form: the subject, the counts typed, the version they were read at.
public struct VoteTallyInput: Sendable, Equatable {
    public var subjectId: Int64
    public var draft: VoteTallyDraft
    public var version: Int

    public init(subjectId: Int64, draft: VoteTallyDraft, version: Int) {
        self.subjectId = subjectId
        self.draft = draft
        self.version = version
    }
}

/// What a list of sessions is asked for.
public struct VoteQuery: Sendable, Equatable {
    /// Words of the body's or the unit's name (accents optional).
    public var text = ""
    /// A unit whose subtree to list (default: the principal's whole scope).
    public var unitCode = ""
    public var round = ""
    public var bodyKind = ""
    public var from = ""
    public var to = ""
    public var page = 1
    public var perPage = 50

    public init() {}
}

/// A person's result at a session, for the cadre's page.
public struct CadreVoteResult: Sendable {
    public let detail: VoteSessionDetail
    public let subject: VoteSubject
    public var consequence: VoteConsequence? { detail.consequence(subject) }
}

/// Confidence votes (lấy phiếu tín nhiệm, DOMAIN.md §4; Quy định 96-QĐ/TW; issue 6): sessions of a unit's bodies grouped
/// in rounds, the persons voted on (no more places per round than the rules allow), the paper tally of each, the
/// percentages over ballots returned and the consequence, the planning review's reason. Ballots are secret: only counts
/// are stored. Scope follows the session's unit; clerks enter, every role in scope reads.
public struct VoteService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    static let sessionEntity = "vote_session"
    static let subjectEntity = "vote_subject"
    static let columns = "s.*, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path"
    static let from = "vote_sessions s JOIN units u ON u.id = s.unit_id"

    static func session(from row: any SQLRow) throws -> VoteSession {
        VoteSession(
            id: try row.decode(column: "id", as: Int64.self), unitCode: try row.decode(column: "unit_code", as: String.self),
            unitName: try row.decode(column: "unit_name", as: String.self), unitPath: try row.decode(column: "unit_path", as: String.self),
            bodyKind: VoteBodyKind(rawValue: try row.decode(column: "body_kind", as: String.self)) ?? .committee,
            bodyName: try row.decode(column: "body_name", as: String.self), round: try row.decode(column: "round", as: String.self),
            heldOn: CivilDate(parsing: try row.decode(column: "held_on", as: String.self))!,
            convened: try row.decode(column: "convened", as: Int.self),
            present: try row.decode(column: "present", as: Int.self), note: try row.decode(column: "note", as: String?.self),
            version: try row.decode(column: "version", as: Int.self), createdBy: try row.decode(column: "created_by", as: String.self),
            updatedAt: try row.decode(column: "updated_at", as: String.self))
    }

    static func find(_ sql: any SQLDatabase, id: Int64) async throws -> VoteSession? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE s.id = \(bind: id)").first().map(session)
    }

    static func visible(_ sql: any SQLDatabase, _ principal: Principal, id: Int64) async throws -> VoteSession {
        guard let found = try await find(sql, id: id), principal.sees(path: found.unitPath) else {
            throw DomainError.notFound(Catalogue.voteSessionNotFound)
        }
        return found
    }

    /// The persons of some sessions, by session, in the order they were added.
    static func subjects(_ sql: any SQLDatabase, sessionIds: [Int64]) async throws -> [Int64: [VoteSubject]] {
        guard !sessionIds.isEmpty else { return [:] }
        let rows = try await sql.raw(
            """
            SELECT v.id AS subject_id, v.session_id, v.position, v.ballots_issued, v.ballots_returned, v.ballots_valid, v.ballots_invalid,
                v.votes_high, v.votes_medium, v.votes_low, v.version AS subject_version, \(unsafeRaw: CadreStore.cadreColumns)
            FROM \(unsafeRaw: CadreStore.cadreFrom) JOIN vote_subjects v ON v.cadre_id = c.id
            WHERE v.session_id IN (\(CadreStore.idList(sessionIds))) ORDER BY v.session_id, v.id
            """
        ).all()
        var out: [Int64: [VoteSubject]] = [:]
        for row in rows {
            func n(_ column: String) throws -> Int? { try row.decode(column: column, as: Int?.self) }
            var tally: VoteTally? = nil
            if let issued = try n("ballots_issued"), let returned = try n("ballots_returned"), let valid = try n("ballots_valid"),
                let invalid = try n("ballots_invalid"), let high = try n("votes_high"), let medium = try n("votes_medium"),
                let low = try n("votes_low")
            {
                tally = VoteTally(issued: issued, returned: returned, valid: valid, invalid: invalid, high: high, medium: medium, low: low)
            }
            let subject = VoteSubject(
                id: try row.decode(column: "subject_id", as: Int64.self), sessionId: try row.decode(column: "session_id", as: Int64.self),
                cadre: try CadreStore.cadre(from: row), position: try row.decode(column: "position", as: String.self), tally: tally,
                version: try row.decode(column: "subject_version", as: Int.self))
            out[subject.sessionId, default: []].append(subject)
        }
        return out
    }

    static func rules(_ sql: any SQLDatabase, on date: CivilDate) async throws -> ConfidenceVoteRules {
        ConfidenceVoteRules(try await RuleService.inForce(sql, .confidenceVote, on: date))
    }

    static func detail(_ sql: any SQLDatabase, _ session: VoteSession, subjects: [VoteSubject]? = nil) async throws -> VoteSessionDetail {
        let rules = try await rules(sql, on: session.heldOn)
        let list: [VoteSubject]
        if let subjects { list = subjects } else { list = try await Self.subjects(sql, sessionIds: [session.id])[session.id] ?? [] }
        return VoteSessionDetail(
            session: session, rules: rules, quorum: ConfidenceVoting.quorum(convened: session.convened, present: session.present, rules: rules),
            subjects: list)
    }

    // MARK: - Sessions

    /// The sessions of a subtree, newest first, with their persons; filtered by round, kind, dates and words of the
    /// body's or unit's name.
    public func list(_ principal: Principal, _ query: VoteQuery) async throws -> Page<VoteSessionDetail> {
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: query.unitCode.trimmed)
        var errors: [FieldError] = []
        var filter: SQLQueryString = "u.path >= \(bind: range.lower) AND u.path < \(bind: range.upper)"
        if !query.round.trimmed.isEmpty { filter = filter + " AND s.round_key = \(bind: ConfidenceVoting.roundKey(query.round))" }
        if !query.bodyKind.trimmed.isEmpty {
            if let kind = VoteBodyKind(rawValue: query.bodyKind.trimmed) {
                filter = filter + " AND s.body_kind = \(bind: kind.rawValue)"
            } else {
                errors.append(FieldError("body_kind", Catalogue.unknownValue(query.bodyKind)))
            }
        }
        for (name, text, op) in [("from", query.from, ">="), ("to", query.to, "<=")] where !text.trimmed.isEmpty {
            guard let date = CivilDate(parsing: text.trimmed) else {
                errors.append(FieldError(name, Catalogue.invalidDate(text)))
                continue
            }
            filter = filter + " AND s.held_on \(unsafeRaw: op) \(bind: date.iso)"
        }
        if !errors.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        let conditions = filter
        let folded = VietnameseText.fold(query.text)
        return try await db.read { sql in
            let all = try await sql.raw(
                "SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: Self.from) WHERE \(conditions) ORDER BY s.held_on DESC, s.id DESC"
            ).all().map(Self.session).filter { folded.isEmpty || VietnameseText.fold($0.bodyName + " " + $0.unitName).contains(folded) }
            let page = CadreService.page(all, page: query.page, perPage: query.perPage)
            let subjects = try await Self.subjects(sql, sessionIds: page.items.map(\.id))
            var details: [VoteSessionDetail] = []
            for session in page.items { details.append(try await Self.detail(sql, session, subjects: subjects[session.id] ?? [])) }
            return Page(items: details, page: page.page, perPage: page.perPage, total: page.total)
        }
    }

    /// The results of the sessions a query lists, one line per person, header first: for a spreadsheet.
    public func exportRows(_ principal: Principal, _ query: VoteQuery) async throws -> [[String]] {
        var q = query
        q.page = 1
        q.perPage = UnitService.maximumPerPage
        var sessions: [VoteSessionDetail] = []
        while true {
            let page = try await list(principal, q)
            sessions += page.items
            if page.page >= page.pageCount { break }
            q.page += 1
        }
        let language = principal.language
        func percent(_ share: PlanningShare) -> String {
            language == .vi
                ? VietnameseFormat.percent(Double(share.hundredthsOfPercent) / 100) : EnglishFormat.percent(Double(share.hundredthsOfPercent) / 100)
        }
        var header = [
            Catalogue.voteHeldOn, Catalogue.code, Catalogue.voteUnit, Catalogue.voteBody, Catalogue.voteRound, Catalogue.voteConvened,
            Catalogue.votePresent,
            Catalogue.voteQuorum, Catalogue.fullName, Catalogue.cardNo, Catalogue.votePosition,
        ].map { $0.text(language) }
        header += ["issued", "returned", "valid", "invalid"].map { Catalogue.voteCountLabel($0).text(language) }
        for level in ConfidenceLevel.allCases { header += [level.label.text(language), level.label.text(language) + " (%)"] }
        header.append(Catalogue.voteConsequenceLabel.text(language))
        var rows = [header]
        for detail in sessions {
            let s = detail.session
            let date = language == .vi ? VietnameseFormat.date(s.heldOn) : EnglishFormat.date(s.heldOn)
            let head = [
                date, s.unitCode, s.unitName, s.bodyName, s.round, String(s.convened), String(s.present),
                (detail.quorum.isMet ? Catalogue.yes : Catalogue.no).text(language),
            ]
            for subject in detail.subjects {
                var line = head + [subject.cadre.fullName, subject.cadre.cardNo ?? "", subject.position]
                if let t = subject.tally {
                    line += [String(t.issued), String(t.returned), String(t.valid), String(t.invalid)]
                    for level in ConfidenceLevel.allCases { line += [String(t.count(level)), percent(t.share(level))] }
                    line.append(detail.consequence(subject)?.label.text(language) ?? "")
                } else {
                    line += Array(repeating: "", count: 10) + [Catalogue.voteNoTally.text(language)]
                }
                rows.append(line)
            }
        }
        return rows
    }

    struct CheckedSession {
        let unit: OrgUnit
        let kind: VoteBodyKind
        let bodyName: String
        let round: String
        let heldOn: CivilDate
        let convened: Int
        let present: Int
        let note: String?
    }

    /// Reads a draft: a unit in scope, a kind, a round, a day not in the future, convened and present.
    func check(_ principal: Principal, _ draft: VoteSessionDraft, today: CivilDate) async throws -> CheckedSession {
        var errors: [FieldError] = []
        let kind = VoteBodyKind(rawValue: draft.bodyKind.trimmed)
        if kind == nil { errors.append(FieldError("body_kind", Catalogue.unknownValue(draft.bodyKind))) }
        let round = draft.round.trimmed
        if round.isEmpty || round.count > 40 { errors.append(FieldError("round", Catalogue.voteRoundInvalid)) }
        let held = CivilDate(parsing: draft.heldOn.trimmed)
        if held == nil { errors.append(FieldError("held_on", Catalogue.invalidDate(draft.heldOn))) }
        if let held, held > today { errors.append(FieldError("held_on", Catalogue.dateInFuture)) }
        let convened = Int(draft.convened.trimmed)
        let present = Int(draft.present.trimmed)
        if convened == nil { errors.append(FieldError("convened", Catalogue.voteConvenedInvalid)) }
        if present == nil { errors.append(FieldError("present", Catalogue.votePresentInvalid(convened ?? 0))) }
        if let convened, let present { errors += ConfidenceVoting.sessionProblems(convened: convened, present: present) }
        if draft.bodyName.trimmed.count > 300 { errors.append(FieldError("body_name", Catalogue.tooLong(300))) }
        if draft.note.trimmed.count > 2000 { errors.append(FieldError("note", Catalogue.tooLong(2000))) }
        let code = draft.unitCode.trimmed.isEmpty ? principal.unitCode : draft.unitCode.trimmed
        let unit = try await db.read { sql in try await UnitStore.find(sql, code: code) }
        if unit == nil || !principal.sees(path: unit!.path) { errors.append(FieldError("unit_code", Catalogue.unitNotFound)) }
        guard errors.isEmpty, let kind, let held, let convened, let present, let unit else {
            throw DomainError.invalid(Catalogue.invalidInput, errors)
        }
        let name = draft.bodyName.trimmed.isEmpty ? kind.label.vi + " " + unit.name : draft.bodyName.trimmed
        return CheckedSession(
            unit: unit, kind: kind, bodyName: name, round: round, heldOn: held, convened: convened, present: present,
            note: draft.note.trimmed.isEmpty ? nil : draft.note.trimmed)
    }

    /// Records a session of a body of a unit in scope (its persons and tallies come next).
    public func create(_ principal: Principal, _ draft: VoteSessionDraft, today: CivilDate = Timestamp.vietnamDate()) async throws -> VoteSession {
        try principal.requireWrite()
        let c = try await check(principal, draft, today: today)
        return try await db.write { sql in
            _ = try await Self.rules(sql, on: c.heldOn)
            let now = Timestamp.now()
            let id = try await sql.raw(
                """
                INSERT INTO vote_sessions (unit_id, body_kind, body_name, round, round_key, held_on, convened, present, note, version, created_by,
                    created_at, updated_at)
                VALUES (\(bind: c.unit.id), \(bind: c.kind.rawValue), \(bind: c.bodyName), \(bind: c.round),
                    \(bind: ConfidenceVoting.roundKey(c.round)), \(bind: c.heldOn.iso), \(bind: c.convened), \(bind: c.present), \(bind: c.note), 1,
                    \(bind: principal.actor), \(bind: now), \(bind: now))
                RETURNING id
                """
            ).first()!.decode(column: "id", as: Int64.self)
            let created = try await Self.find(sql, id: id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: Self.sessionEntity, key: String(id),
                unitPath: created.unitPath, old: nil, new: created.auditValues)
            return created
        }
    }

    /// Corrects a session's facts; refused when its version moved on, when the tallies entered no longer fit (fewer
    /// present than ballots issued, or no quorum), or when the new round gives a person too many places.
    public func update(
        _ principal: Principal, id: Int64, _ draft: VoteSessionDraft, expectedVersion: Int, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> VoteSession {
        try principal.requireWrite()
        let c = try await check(principal, draft, today: today)
        return try await db.write { sql in
            let current = try await Self.visible(sql, principal, id: id)
            if current.version != expectedVersion {
                throw try await AuditLog.staleRecord(sql, entity: Self.sessionEntity, id: id, values: current.auditValues, baseVersion: expectedVersion)
            }
            let subjects = try await Self.subjects(sql, sessionIds: [id])[id] ?? []
            let rules = try await Self.rules(sql, on: c.heldOn)
            let quorum = ConfidenceVoting.quorum(convened: c.convened, present: c.present, rules: rules)
            var errors: [FieldError] = []
            let tallies = subjects.compactMap(\.tally)
            if !tallies.isEmpty && !quorum.isMet {
                errors.append(
                    FieldError(
                        "present",
                        Catalogue.voteQuorumShort(required: quorum.required, present: c.present, convened: c.convened, regulation: rules.regulation)))
            }
            if let most = tallies.map(\.issued).max(), most > c.present { errors.append(FieldError("present", Catalogue.votePresentBelowTallies)) }
            for subject in subjects {
                let others = try await Self.otherPlaces(sql, cadreId: subject.cadre.id, roundKey: ConfidenceVoting.roundKey(c.round), except: id)
                if let refusal = ConfidenceVoting.placesRefusal(name: subject.cadre.fullName, round: c.round, otherPlaces: others, rules: rules) {
                    errors.append(FieldError("round", refusal))
                }
            }
            if !errors.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, errors) }
            try await sql.raw(
                """
                UPDATE vote_sessions SET unit_id = \(bind: c.unit.id), body_kind = \(bind: c.kind.rawValue), body_name = \(bind: c.bodyName),
                    round = \(bind: c.round), round_key = \(bind: ConfidenceVoting.roundKey(c.round)), held_on = \(bind: c.heldOn.iso),
                    convened = \(bind: c.convened), present = \(bind: c.present), note = \(bind: c.note), version = version + 1,
                    updated_at = \(bind: Timestamp.now())
                WHERE id = \(bind: id)
                """
            ).run()
            let saved = try await Self.find(sql, id: id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: Self.sessionEntity, key: String(id),
                unitPath: saved.unitPath, old: current.auditValues, new: saved.auditValues)
            return saved
        }
    }

    /// A person's line is audited under `session/subject`, so that the session's history keeps lines since removed.
    static func subjectKey(_ sessionId: Int64, _ subjectId: Int64) -> String { "\(sessionId)/\(subjectId)" }

    /// A session with its persons, the rules of its day, the quorum and the consequences.
    public func detail(_ principal: Principal, id: Int64) async throws -> VoteSessionDetail {
        try await db.read { sql in try await Self.detail(sql, try await Self.visible(sql, principal, id: id)) }
    }

    /// The changes to a session and to its persons' lines, oldest first.
    public func history(_ principal: Principal, id: Int64) async throws -> [AuditEntry] {
        try await db.read { sql in
            let session = try await Self.visible(sql, principal, id: id)
            let entries = try await AuditLog.history(sql, entity: Self.sessionEntity, key: String(session.id))
            let lines = try await sql.raw(
                """
                SELECT * FROM audit_log WHERE entity = \(bind: Self.subjectEntity) AND entity_key LIKE \(bind: "\(id)/%") ORDER BY id
                """
            ).all().map(AuditLog.entry)
            return (entries + lines).sorted { $0.id < $1.id }
        }
    }

    // MARK: - Persons

    /// The sessions of a round, other than `except`, at which a cadre is voted on.
    static func otherPlaces(_ sql: any SQLDatabase, cadreId: Int64, roundKey: String, except: Int64) async throws -> Int {
        try await sql.raw(
            """
            SELECT COUNT(DISTINCT v.session_id) AS n FROM vote_subjects v JOIN vote_sessions s ON s.id = v.session_id
            WHERE v.cadre_id = \(bind: cadreId) AND s.round_key = \(bind: roundKey) AND s.id <> \(bind: except)
            """
        ).first()!.decode(column: "n", as: Int.self)
    }

    /// Adds a person to a session: a cadre, or a member in scope (a cadre record is made), by card or national ID
    /// number; the post defaults to the one held at the unit on the day. Refused when the person is already voted on at
    /// the most places the rules allow in the session's round — every session of the round counts, in any unit.
    public func addPerson(_ principal: Principal, sessionId: Int64, person: String, position: String) async throws -> VoteSubject {
        try principal.requireWrite()
        let number = person.trimmed
        var errors: [FieldError] = []
        if number.isEmpty { errors.append(FieldError("person", Catalogue.required)) }
        if position.trimmed.count > 200 { errors.append(FieldError("position", Catalogue.tooLong(200))) }
        if !errors.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        return try await db.write { sql in
            let session = try await Self.visible(sql, principal, id: sessionId)
            guard let cadre = try await PlanningService.cadre(sql, principal, number: number) else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("person", Catalogue.votePersonNotFound)])
            }
            let existing = try await Self.subjects(sql, sessionIds: [sessionId])[sessionId] ?? []
            if existing.contains(where: { $0.cadre.id == cadre.id }) {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("person", Catalogue.voteAlreadyListed(cadre.fullName))])
            }
            let rules = try await Self.rules(sql, on: session.heldOn)
            let others = try await Self.otherPlaces(sql, cadreId: cadre.id, roundKey: ConfidenceVoting.roundKey(session.round), except: session.id)
            if let refusal = ConfidenceVoting.placesRefusal(name: cadre.fullName, round: session.round, otherPlaces: others, rules: rules) {
                throw DomainError.invalid(refusal, [FieldError("person", refusal)])
            }
            var post = position.trimmed
            if post.isEmpty {
                post =
                    try await CadreStore.positions(sql, cadreId: cadre.id).first {
                        $0.isHeld(on: session.heldOn) && $0.place.path == session.unitPath
                    }?.title ?? ""
            }
            if post.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("position", Catalogue.votePositionNeeded)]) }
            let now = Timestamp.now()
            let id = try await sql.raw(
                """
                INSERT INTO vote_subjects (session_id, cadre_id, position, version, created_by, created_at, updated_at)
                VALUES (\(bind: sessionId), \(bind: cadre.id), \(bind: post), 1, \(bind: principal.actor), \(bind: now), \(bind: now)) RETURNING id
                """
            ).first()!.decode(column: "id", as: Int64.self)
            let subject = try await Self.subjects(sql, sessionIds: [sessionId])[sessionId]!.first { $0.id == id }!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: Self.subjectEntity,
                key: Self.subjectKey(sessionId, id),
                unitPath: session.unitPath, old: nil, new: subject.auditValues.merging(["session": String(sessionId)]) { $1 })
            return subject
        }
    }

    /// Takes a person off a session's list (with the tally, if any: the history keeps it).
    public func removePerson(_ principal: Principal, sessionId: Int64, subjectId: Int64) async throws {
        try principal.requireWrite()
        try await db.write { sql in
            let session = try await Self.visible(sql, principal, id: sessionId)
            guard let subject = (try await Self.subjects(sql, sessionIds: [sessionId])[sessionId] ?? []).first(where: { $0.id == subjectId }) else {
                throw DomainError.notFound(Catalogue.voteSubjectNotFound)
            }
            try await sql.raw("DELETE FROM vote_subjects WHERE id = \(bind: subjectId)").run()
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "delete", entity: Self.subjectEntity,
                key: Self.subjectKey(sessionId, subjectId),
                unitPath: session.unitPath, old: subject.auditValues, new: nil)
        }
    }

    /// Saves tallies typed from the paper count, all or nothing: the session must have its quorum; each tally is checked
    /// (`ConfidenceVoting.check`); a line changed by someone else since it was read is a conflict. An emptied line
    /// removes the tally.
    public func saveTallies(_ principal: Principal, sessionId: Int64, _ inputs: [VoteTallyInput]) async throws -> VoteSessionDetail {
        try principal.requireWrite()
        return try await db.write { sql in
            let session = try await Self.visible(sql, principal, id: sessionId)
            let detail = try await Self.detail(sql, session)
            let byId = Dictionary(uniqueKeysWithValues: detail.subjects.map { ($0.id, $0) })
            var errors: [FieldError] = []
            var wanted: [(subject: VoteSubject, tally: VoteTally?, version: Int)] = []
            for input in inputs {
                guard let subject = byId[input.subjectId] else {
                    errors.append(FieldError("subject", Catalogue.voteSubjectNotFound))
                    continue
                }
                switch ConfidenceVoting.check(input.draft, name: subject.cadre.fullName, present: session.present, fieldPrefix: "\(subject.id)_") {
                case .failure(.invalid(_, let problems)): errors += problems
                case .failure(let other): throw other
                case .success(let tally): wanted.append((subject, tally, input.version))
                }
            }
            if !errors.isEmpty { throw DomainError.invalid(Catalogue.voteTallyRefused, errors) }
            let changed = wanted.filter { $0.subject.tally != $0.tally }
            if changed.contains(where: { $0.tally != nil }) && !detail.quorum.isMet {
                let q = detail.quorum
                let message = Catalogue.voteQuorumShort(
                    required: q.required, present: q.present, convened: q.convened, regulation: detail.rules.regulation)
                throw DomainError.invalid(message, [FieldError("present", message)])
            }
            let stale = changed.filter { $0.subject.version != $0.version }
            if !stale.isEmpty {
                throw DomainError.conflict(
                    Catalogue.voteTallyStale,
                    changes: stale.map { FieldChange(field: $0.subject.cadre.fullName, old: nil, new: $0.subject.tally.map(Self.tallyText)) },
                    current: [:])
            }
            let now = Timestamp.now()
            for c in changed {
                let t = c.tally
                try await sql.raw(
                    """
                    UPDATE vote_subjects SET ballots_issued = \(bind: t?.issued), ballots_returned = \(bind: t?.returned),
                        ballots_valid = \(bind: t?.valid), ballots_invalid = \(bind: t?.invalid), votes_high = \(bind: t?.high),
                        votes_medium = \(bind: t?.medium), votes_low = \(bind: t?.low),
                        version = version + 1, updated_at = \(bind: now)
                    WHERE id = \(bind: c.subject.id) AND version = \(bind: c.version)
                    """
                ).run()
                let saved = try await Self.subjects(sql, sessionIds: [sessionId])[sessionId]!.first { $0.id == c.subject.id }!
                try await AuditLog.append(
                    sql, actor: principal.actor, address: principal.address, action: "update", entity: Self.subjectEntity,
                    key: Self.subjectKey(sessionId, c.subject.id),
                    unitPath: session.unitPath, old: c.subject.auditValues, new: saved.auditValues)
            }
            return try await Self.detail(sql, session)
        }
    }

    static func tallyText(_ t: VoteTally) -> String {
        "\(t.issued)/\(t.returned)/\(t.valid)/\(t.invalid) — \(t.high)/\(t.medium)/\(t.low)"
    }

    // MARK: - A cadre's votes and the planning review

    /// A cadre's results at the sessions in the principal's scope, newest first (the cadre's page).
    public func results(_ principal: Principal, cadreId: Int64) async throws -> [CadreVoteResult] {
        try await db.read { sql in
            _ = try await CadreService.visible(sql, principal, id: cadreId)
            let ids = try await sql.raw("SELECT DISTINCT session_id FROM vote_subjects WHERE cadre_id = \(bind: cadreId)").all()
                .map { try $0.decode(column: "session_id", as: Int64.self) }
            let subjects = try await Self.subjects(sql, sessionIds: ids)
            var out: [CadreVoteResult] = []
            for id in ids {
                guard let session = try await Self.find(sql, id: id), principal.sees(path: session.unitPath),
                    let subject = subjects[id]?.first(where: { $0.cadre.id == cadreId })
                else { continue }
                out.append(CadreVoteResult(detail: try await Self.detail(sql, session, subjects: subjects[id] ?? []), subject: subject))
            }
            return out.sorted { ($0.detail.session.heldOn, $0.detail.session.id) > ($1.detail.session.heldOn, $1.detail.session.id) }
        }
    }

    /// The vote the planning review reads for a cadre on `date` (DOMAIN.md §3: removal "on a confidence vote with more
    /// than half thấp"): the latest round in which the cadre's tally was entered at a session held on or before the
    /// date — a later round's result replaces an earlier one's — and of that round's tallies the one with the largest
    /// share of "thấp" (a person voted on at two places answers for the worse), with the removal threshold of the rules
    /// in force on that session's day. Nil when there is none.
    static func planningVote(_ sql: any SQLDatabase, cadreId: Int64, on date: CivilDate) async throws -> (vote: ConfidenceVote, lowShare: Fraction)? {
        let rows = try await sql.raw(
            """
            SELECT s.id, s.round_key, s.held_on, s.body_name, v.ballots_returned, v.votes_low
            FROM vote_subjects v JOIN vote_sessions s ON s.id = v.session_id
            WHERE v.cadre_id = \(bind: cadreId) AND v.ballots_returned IS NOT NULL AND s.held_on <= \(bind: date.iso)
            ORDER BY s.held_on DESC, s.id DESC
            """
        ).all()
        guard let latest = rows.first else { return nil }
        let round = try latest.decode(column: "round_key", as: String.self)
        var worst: (vote: ConfidenceVote, lowShare: Fraction)? = nil
        for row in rows where try row.decode(column: "round_key", as: String.self) == round {
            let held = CivilDate(parsing: try row.decode(column: "held_on", as: String.self))!
            let vote = ConfidenceVote(
                ballots: try row.decode(column: "ballots_returned", as: Int.self), low: try row.decode(column: "votes_low", as: Int.self),
                heldOn: held,
                body: try row.decode(column: "body_name", as: String.self))
            guard vote.ballots > 0 else { continue }
            if let w = worst, vote.low * w.vote.ballots <= w.vote.low * vote.ballots { continue }
            worst = (vote, try await rules(sql, on: held).lowRemovalMoreThan)
        }
        return worst
    }

    /// A duplicate cadre merged into the kept one (`CadreService.followMerge`): its places follow, except where both sat
    /// in the same session (the kept record's line stays).
    static func followCadreMerge(_ sql: any SQLDatabase, keep: Int64, duplicate: Int64) async throws {
        try await sql.raw(
            """
            DELETE FROM vote_subjects WHERE cadre_id = \(bind: duplicate)
            AND session_id IN (SELECT session_id FROM vote_subjects WHERE cadre_id = \(bind: keep))
            """
        ).run()
        try await sql.raw("UPDATE vote_subjects SET cadre_id = \(bind: keep) WHERE cadre_id = \(bind: duplicate)").run()
    }
}

extension AuditLog {
    /// The refusal of a stale save of a record whose audit values carry its `version` (`staleSave`, no fallback).
    static func staleRecord(_ sql: any SQLDatabase, entity: String, id: Int64, values: [String: String?], baseVersion: Int) async throws
        -> DomainError
    {
        var current = values
        let version = current.removeValue(forKey: "version").flatMap { $0 }.flatMap { Int($0) } ?? 0
        return try await staleSave(
            sql, entity: entity, key: String(id), baseVersion: baseVersion, current: current, currentVersion: version, fallback: [:])
    }
}
