import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// One step of the admission pipeline, with what it records.
public enum AdmissionStep: Sendable, Equatable {
    /// Attended the course on the Party (lớp bồi dưỡng nhận thức về Đảng).
    case course(on: CivilDate)
    /// Two introducers: full members by party card number (and since when each has worked with the candidate), or
    /// one of them the base Youth Union or trade union committee.
    case introducers([AdmissionIntroducer])
    /// The cell's meeting and its vote.
    case cellVote(on: CivilDate, fullMembers: Int, inFavour: Int, provincialConsent: Bool)
    /// The competent committee's decision: the member is admitted (probationary) from its date.
    case decision(number: String, on: CivilDate)
    /// The admission ceremony: the 12 months of probation start.
    case ceremony(on: CivilDate)
    /// Recognition as a full member (from the end of probation) with the party card number.
    case recognition(cardNo: String)

    public static func == (lhs: AdmissionStep, rhs: AdmissionStep) -> Bool { String(describing: lhs) == String(describing: rhs) }

    var stage: AdmissionStage {
        switch self {
        case .course: return .course
        case .introducers: return .introduced
        case .cellVote: return .cellApproved
        case .decision: return .committeeDecided
        case .ceremony: return .ceremonyHeld
        case .recognition: return .recognized
        }
    }
}

/// One introducer as entered: a member by card number, or a committee by name.
public enum AdmissionIntroducer: Sendable, Equatable {
    case member(cardNo: String, since: CivilDate)
    case committee(Introducer.Kind, name: String)
}

/// A candidate or probationary member on the admission board.
public struct AdmissionItem: Sendable, Equatable {
    public let member: Member
    public let stage: AdmissionStage
    public let ceremonyOn: CivilDate?
    public let decisionOn: CivilDate?
    public let recognition: RecognitionStatus?
    public let probationEnd: CivilDate?
}

/// The pipeline from "quần chúng ưu tú" to full member (DOMAIN.md §2): each step checks its rule and says why not, by
/// the admission rule set applicable on the date the rule judges (`RuleVersions.admission(on:)`): the introducers on the
/// day they are recorded; the candidate's age and the cell's vote on the day the cell meets; the ceremony's deadline on
/// the decision's date; the probation's length on the ceremony's date; the recognition's deadline on the day the
/// probation ends.
public struct AdmissionService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    /// The day a record's probation started, as SQL over `members m LEFT JOIN admission_cases a`: the recorded
    /// ceremony; without one (imported records) the admission date of a probationary member.
    static let probationStarted = "COALESCE(a.ceremony_on, CASE WHEN m.status = 'probationary' THEN m.admitted_on END)"

    /// Candidates and probationary members of the subtree, with their stage and recognition due dates.
    public func board(_ principal: Principal, today: CivilDate = Timestamp.vietnamDate()) async throws -> [AdmissionItem] {
        let range = principal.pathRange
        return try await db.read { sql in
            let rules = try await RuleService.live(sql)
            let rows = try await sql.raw(
                """
                SELECT \(unsafeRaw: MemberStore.columns), a.stage AS a_stage, \(unsafeRaw: Self.probationStarted) AS a_started,
                    a.decision_on AS a_decision
                FROM \(unsafeRaw: MemberStore.from) LEFT JOIN admission_cases a ON a.member_id = m.id
                WHERE m.unit_path >= \(bind: range.lower) AND m.unit_path < \(bind: range.upper) AND m.status IN ('candidate', 'probationary')
                ORDER BY m.name_sort_key LIMIT 5000
                """
            ).all()
            return try rows.map { row in
                let member = try MemberStore.member(from: row)
                let recorded = try row.decode(column: "a_stage", as: String?.self).flatMap(AdmissionStage.init(rawValue:))
                let stage = recorded ?? (member.record.status == .probationary ? .ceremonyHeld : .outstanding)
                let ceremony = try row.decode(column: "a_started", as: String?.self).flatMap { CivilDate(parsing: $0) }
                let end = ceremony.map { Self.probationEnd(ceremony: $0, rules) }
                return AdmissionItem(
                    member: member, stage: stage, ceremonyOn: ceremony,
                    decisionOn: try row.decode(column: "a_decision", as: String?.self).flatMap { CivilDate(parsing: $0) },
                    recognition: end.map { Self.recognitionStatus(probationEnd: $0, today: today, rules) }, probationEnd: end)
            }
        }
    }

    /// How many records of the principal's subtree are past their recognition deadline today — all of them, where the
    /// board shows its first 5,000. The records are grouped by the day their probation started (`probationStarted`, as
    /// on the board), and each day's deadline worked out once.
    public func recognitionOverdueCount(_ principal: Principal, today: CivilDate = Timestamp.vietnamDate()) async throws -> Int {
        let range = principal.pathRange
        return try await db.read { sql in
            let rules = try await RuleService.live(sql)
            var overdue = 0
            // `m.status IN ('candidate', 'probationary')` as written: the partial index of migration 31 serves it.
            for row in try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.probationStarted) AS started, COUNT(*) AS n
                FROM members m LEFT JOIN admission_cases a ON a.member_id = m.id
                WHERE m.unit_path >= \(bind: range.lower) AND m.unit_path < \(bind: range.upper) AND m.status IN ('candidate', 'probationary')
                GROUP BY 1
                """
            ).all() {
                guard let started = try row.decode(column: "started", as: String?.self).flatMap({ CivilDate(parsing: $0) }) else { continue }
                if Self.recognitionStatus(probationEnd: Self.probationEnd(ceremony: started, rules), today: today, rules) == .overdue {
                    overdue += try row.decode(column: "n", as: Int.self)
                }
            }
            return overdue
        }
    }

    /// Records the next step; refused (with the rule's message) when it is out of order or breaks its rule.
    /// Returns the warnings the step raised (a late ceremony stands, but must be explained).
    @discardableResult
    public func advance(_ principal: Principal, memberId: Int64, _ step: AdmissionStep, today: CivilDate = Timestamp.vietnamDate()) async throws
        -> [Localized]
    {
        try await db.write { sql in
            guard let member = try await MemberStore.find(sql, id: memberId), principal.sees(path: member.unitPath) else {
                throw DomainError.notFound(Catalogue.memberNotFound)
            }
            try principal.requireWrite()
            let rules = try await RuleService.live(sql)
            let row = try await sql.raw("SELECT * FROM admission_cases WHERE member_id = \(bind: memberId)").first()
            func date(_ column: String) throws -> CivilDate? { try row?.decode(column: column, as: String?.self).flatMap { CivilDate(parsing: $0) } }
            let recorded = try row.map { try $0.decode(column: "stage", as: String.self) }.flatMap { AdmissionStage(rawValue: $0) }
            let current: AdmissionStage = recorded ?? (member.record.status == .probationary ? .ceremonyHeld : .outstanding)
            let order = AdmissionStage.allCases
            guard let here = order.firstIndex(of: current), let next = order.firstIndex(of: step.stage), next == here + 1 else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("stage", Catalogue.admissionOutOfOrder(current, step.stage))])
            }
            func refuse(_ field: String, _ messages: [Localized]) throws {
                if !messages.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, messages.map { FieldError(field, $0) }) }
            }
            var warnings: [Localized] = []
            var set: [(String, any Encodable & Sendable)] = []
            switch step {
            case .course(let on):
                try refuse("course_on", on > today ? [Catalogue.dateInFuture] : [])
                set = [("course_on", on.iso)]
            case .introducers(let list):
                var introducers: [Introducer] = []
                var names: [[String: String]] = []
                for item in list {
                    switch item {
                    case .member(let cardNo, let since):
                        let found = try await sql.raw(
                            "SELECT \(unsafeRaw: MemberStore.columns) FROM \(unsafeRaw: MemberStore.from) WHERE m.card_no = \(bind: cardNo)"
                        ).first().map(MemberStore.member)
                        guard let found else { try refuse("introducers", [Catalogue.introducerUnknown(cardNo)]); continue }
                        introducers.append(.member(found.record.fullName, isFull: found.record.status == .full, workedTogetherSince: since))
                        names.append(["card_no": cardNo, "name": found.record.fullName, "since": since.iso])
                    case .committee(let kind, let name):
                        try refuse("introducers", name.trimmed.isEmpty ? [Catalogue.committeeNameRequired] : [])
                        introducers.append(.committee(kind, name: name.trimmed))
                        names.append(["kind": kind.rawValue, "name": name.trimmed])
                    }
                }
                let age = member.record.birthDate.map { $0.fullMonths(until: today) / 12 }
                let r = rules.admission(on: today)
                try refuse(
                    "introducers",
                    Admission.introducers(
                        introducers, on: today, required: r.introducers, minimumMonthsTogether: r.introducerMonths, candidateAge: age,
                        youthAgeLimit: r.youthUnionMaxAge))
                let data = try JSONSerialization.data(withJSONObject: names, options: [.sortedKeys])
                set = [("introducers", String(decoding: data, as: UTF8.self))]
            case .cellVote(let on, let full, let inFavour, let consent):
                var problems: [Localized] = []
                let r = rules.admission(on: on)
                if let birth = member.record.birthDate,
                    let problem = Admission.candidateAge(
                        birthDate: birth, on: on, hasProvincialConsent: consent, minimumYears: r.minimumAge, maximumYears: r.maximumAge)
                {
                    problems.append(problem)
                }
                if let problem = Admission.cellVote(fullMembers: full, inFavour: inFavour, share: (r.cellVote.numerator, r.cellVote.denominator)) {
                    problems.append(problem)
                }
                if let course = try date("course_on"), on < course { problems.append(Catalogue.meetingBeforeCourse) }
                try refuse("cell_vote", problems)
                set = [("cell_meeting_on", on.iso), ("cell_full_members", full), ("cell_in_favour", inFavour), ("provincial_consent", consent ? 1 : 0)]
            case .decision(let number, let on):
                try refuse("decision_no", RestructureRules.checkDecision(number).map { [$0] } ?? [])
                if let meeting = try date("cell_meeting_on"), on < meeting { try refuse("decision_on", [Catalogue.decisionBeforeMeeting]) }
                set = [("decision_no", number.trimmed), ("decision_on", on.iso)]
                try await sql.raw("UPDATE members SET status = 'probationary', admitted_on = \(bind: on.iso), recognized_on = NULL WHERE id = \(bind: memberId)").run()
            case .ceremony(let on):
                let decision = try date("decision_on") ?? member.record.admittedOn ?? on
                if let finding = Admission.checkCeremony(
                    decision: decision, ceremony: on, workingDays: rules.admission(on: decision).ceremonyWorkingDays)
                {
                    if finding.severity == .refusal { try refuse("ceremony_on", [finding.message]) } else { warnings.append(finding.message) }
                }
                set = [("ceremony_on", on.iso)]
            case .recognition(let cardNo):
                let ceremony = try date("ceremony_on") ?? member.record.admittedOn ?? today
                let end = Self.probationEnd(ceremony: ceremony, rules)
                if today < end {
                    let months = rules.admission(on: ceremony).probationMonths
                    try refuse("recognition", [Catalogue.probationNotOver(VietnameseFormat.date(end), months: months)])
                }
                let card = cardNo.trimmed
                if card.isEmpty { try refuse("card_no", [Catalogue.required]) }
                if let other = try await sql.raw("SELECT id FROM members WHERE card_no = \(bind: card)").first()?.decode(column: "id", as: Int64.self),
                    other != memberId
                {
                    try refuse("card_no", [Catalogue.cardNoTaken])
                }
                if Self.recognitionStatus(probationEnd: end, today: today, rules) == .overdue {
                    warnings.append(Catalogue.recognitionLate(workingDays: rules.admission(on: end).recognitionWorkingDays))
                }
                try await sql.raw(
                    "UPDATE members SET status = 'full', recognized_on = \(bind: Admission.fullMembershipDate(probationEnd: end).iso), card_no = \(bind: card) WHERE id = \(bind: memberId)"
                ).run()
            }
            if row == nil {
                try await sql.raw("INSERT INTO admission_cases (member_id, stage, updated_at) VALUES (\(bind: memberId), 'outstanding', \(bind: Timestamp.now()))").run()
            }
            var assignments = SQLQueryString("stage = ")
            assignments.appendInterpolation(bind: step.stage.rawValue)
            for (column, value) in set {
                assignments.appendLiteral(", \(column) = ")
                assignments.appendInterpolation(bind: value)
            }
            try await sql.raw("UPDATE admission_cases SET \(assignments), updated_at = \(bind: Timestamp.now()) WHERE member_id = \(bind: memberId)").run()
            try await sql.raw("UPDATE members SET version = version + 1, updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: memberId)").run()
            let updated = try await MemberStore.find(sql, id: memberId)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "admission_" + step.stage.rawValue, entity: "member",
                key: String(memberId), unitPath: updated.unitPath, old: member.record.auditValues,
                new: updated.record.auditValues.merging(["stage": step.stage.rawValue]) { $1 })
            return warnings
        }
    }

    /// The probation's end by the months of the rule set applicable on the ceremony's date.
    static func probationEnd(ceremony: CivilDate, _ rules: RuleVersions) -> CivilDate {
        Admission.probationEnd(ceremony: ceremony, months: rules.admission(on: ceremony).probationMonths)
    }

    /// Due or overdue by the working days of the rule set applicable on the day the probation ends.
    static func recognitionStatus(probationEnd end: CivilDate, today: CivilDate, _ rules: RuleVersions) -> RecognitionStatus {
        Admission.recognitionStatus(probationEnd: end, today: today, workingDays: rules.admission(on: end).recognitionWorkingDays)
    }
}
