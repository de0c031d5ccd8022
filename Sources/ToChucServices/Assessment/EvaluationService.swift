import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A rating as stored.
public struct Evaluation: Sendable, Equatable {
    public let rating: Rating
    public let score: Int?
    public let regulation: String
    public let version: Int
}

/// One line of an entry grid: who is rated, their rating of the period (if any) and of the period before.
public struct EvaluationRow: Sendable {
    /// `m:<member id>`, `c:<cadre id>` or `u:<unit id>`: what forms and the API name a line by.
    public let subjectKey: String
    public let name: String
    /// Card number, position held, or unit code.
    public let detail: String
    public let link: String?
    public let current: Evaluation?
    public let previous: Rating?
}

/// The entry grid of a unit for a review period and a kind of subject (DOMAIN.md §4): the members of a cell, the
/// leaders holding posts at the unit, or the sub-units; the rule set in force; the counts by class.
public struct EvaluationGrid: Sendable {
    public let unit: OrgUnit
    public let period: ReviewPeriod
    public let subject: RatingSubject
    public let rules: ClassificationRules
    public let rows: [EvaluationRow]

    public var counts: [Rating: Int] {
        rows.compactMap(\.current?.rating).reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
    /// The most "xuất sắc" the unit may give with its present "tốt".
    public var excellentAllowed: Int { Classification.excellentAllowed(good: counts[.good] ?? 0, rules: rules) }
}

/// One line as typed: the rating (key, label or letter; empty for none), the score, and the version it was read at
/// (0 when the line had no rating).
public struct EvaluationInput: Sendable, Equatable {
    public var subjectKey: String
    public var rating: String
    public var score: String
    public var version: Int

    public init(subjectKey: String, rating: String, score: String = "", version: Int = 0) {
        self.subjectKey = subjectKey
        self.rating = rating
        self.score = score
        self.version = version
    }
}

/// Results by class for a subtree: per child unit and in total, with the period before for comparison.
public struct EvaluationResults: Sendable {
    public struct Line: Sendable {
        public let code: String
        public let name: String
        public let counts: [Rating: Int]
        public var total: Int { counts.values.reduce(0, +) }
    }

    public let unit: OrgUnit
    public let period: ReviewPeriod
    public let subject: RatingSubject
    /// The unit itself (what its own grid rated), then each child unit's subtree.
    public let lines: [Line]
    public let totals: [Rating: Int]
    public let previousTotals: [Rating: Int]
    public var total: Int { totals.values.reduce(0, +) }
}

/// Annual (quarterly, per-term) classification of members, leaders and organizations (DOMAIN.md §4; Quy định
/// 124-QĐ/TW, 366-QĐ/TW): a grid per unit, scores mapped by the rule set of the period, the "xuất sắc" quota checked
/// before anything is saved, results by class for any subtree compared with the period before.
public struct EvaluationService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    static let entity = "evaluation"
    /// Members rated: those in the Party on the day (probationary and full members).
    static let ratedStatuses = "('probationary', 'full')"

    /// The grid of a unit in scope.
    public func grid(
        _ principal: Principal, unitCode: String, period: ReviewPeriod, subject: RatingSubject, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> EvaluationGrid {
        let unit = try await UnitService(db: db).get(principal, code: unitCode)
        return try await db.read { sql in try await Self.grid(sql, unit: unit, period: period, subject: subject, today: today) }
    }

    static func grid(_ sql: any SQLDatabase, unit: OrgUnit, period: ReviewPeriod, subject: RatingSubject, today: CivilDate) async throws
        -> EvaluationGrid
    {
        let rules = ClassificationRules(try await RuleService.inForce(sql, .classification, on: period.judgedOn))
        // Who is on the grid: as of the period's last day, or today while the period runs.
        let day = min(period.judgedOn, today).iso
        var people: [(key: String, name: String, detail: String, link: String?)] = []
        switch subject {
        case .member:
            people = try await sql.raw(
                """
                SELECT id, full_name, card_no FROM members WHERE unit_id = \(bind: unit.id) AND status IN \(unsafeRaw: ratedStatuses)
                AND (admitted_on IS NULL OR admitted_on <= \(bind: day)) ORDER BY name_sort_key, id
                """
            ).all().map { row in
                let id = try row.decode(column: "id", as: Int64.self)
                return ("m:\(id)", try row.decode(column: "full_name", as: String.self), try row.decode(column: "card_no", as: String?.self) ?? "",
                    "/members/\(id)")
            }
        case .leader:
            var seen = Set<Int64>()
            for row in try await sql.raw(
                """
                SELECT p.title, \(unsafeRaw: CadreStore.cadreColumns) FROM \(unsafeRaw: CadreStore.cadreFrom)
                JOIN positions p ON p.cadre_id = c.id LEFT JOIN agencies pa ON pa.id = p.agency_id
                WHERE p.voided_by_decision_id IS NULL AND (p.unit_id = \(bind: unit.id) OR pa.unit_id = \(bind: unit.id))
                AND p.started_on <= \(bind: day) AND (p.ended_on IS NULL OR p.ended_on >= \(bind: day))
                ORDER BY \(unsafeRaw: CadreStore.cadreSortKey), c.id, p.started_on
                """
            ).all() {
                let cadre = try CadreStore.cadre(from: row)
                guard seen.insert(cadre.id).inserted else { continue }
                people.append(("c:\(cadre.id)", cadre.fullName, try row.decode(column: "title", as: String.self), "/cadres/\(cadre.id)"))
            }
        case .unit:
            people = try await sql.raw(
                """
                SELECT u.id, v.name, u.code FROM unit_versions v JOIN units u ON u.id = v.unit_id
                WHERE v.parent_id = \(bind: unit.id) AND \(UnitHistory.at(CivilDate(parsing: day)!)) ORDER BY v.name_folded, u.code
                """
            ).all().map { row in
                let code = try row.decode(column: "code", as: String.self)
                return ("u:\(try row.decode(column: "id", as: Int64.self))", try row.decode(column: "name", as: String.self), code,
                    "/units/" + (code.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? code))
            }
        }
        let keys = people.map(\.key)
        let current = try await evaluations(sql, period: period.key, keys: keys)
        let previous = try await evaluations(sql, period: period.previous.key, keys: keys)
        let rows = people.map { p in
            EvaluationRow(subjectKey: p.key, name: p.name, detail: p.detail, link: p.link, current: current[p.key], previous: previous[p.key]?.rating)
        }
        return EvaluationGrid(unit: unit, period: period, subject: subject, rules: rules, rows: rows)
    }

    static func evaluations(_ sql: any SQLDatabase, period: String, keys: [String]) async throws -> [String: Evaluation] {
        guard !keys.isEmpty else { return [:] }
        var out: [String: Evaluation] = [:]
        for chunk in Batches.of(keys) {
            // Keys are made here (`m:123`), never typed: quoting them inline is safe.
            let list = SQLQueryString(chunk.map { "'" + $0 + "'" }.joined(separator: ", "))
            for row in try await sql.raw(
                "SELECT subject_key, rating, score, regulation, version FROM evaluations WHERE period = \(bind: period) AND subject_key IN (\(list))"
            ).all() {
                guard let rating = Rating(rawValue: try row.decode(column: "rating", as: String.self)) else { continue }
                out[try row.decode(column: "subject_key", as: String.self)] = Evaluation(
                    rating: rating, score: try row.decode(column: "score", as: Int?.self), regulation: try row.decode(column: "regulation", as: String.self),
                    version: try row.decode(column: "version", as: Int.self))
            }
        }
        return out
    }

    /// Saves the lines of a grid typed by a clerk, all or nothing. A score maps to its class by the rule set of the
    /// period (a class typed with it must agree); the "xuất sắc" quota is checked on the whole grid as it would be
    /// saved; a line changed by someone else since it was read is a conflict. An emptied line removes the rating.
    public func save(
        _ principal: Principal, unitCode: String, period: ReviewPeriod, subject: RatingSubject, _ inputs: [EvaluationInput],
        today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> EvaluationGrid {
        let unit = try await UnitService(db: db).get(principal, code: unitCode)
        try principal.requireWrite()
        return try await db.write { sql in
            let grid = try await Self.grid(sql, unit: unit, period: period, subject: subject, today: today)
            let byKey = Dictionary(uniqueKeysWithValues: grid.rows.map { ($0.subjectKey, $0) })
            var errors: [FieldError] = []
            var wanted: [String: (rating: Rating?, score: Int?)] = [:]
            for input in inputs {
                let field = "rating_" + input.subjectKey
                guard let row = byKey[input.subjectKey] else {
                    errors.append(FieldError(field, Catalogue.notOnGrid(input.subjectKey)))
                    continue
                }
                var score: Int? = nil
                switch Classification.parseScore(input.score) {
                case .none: break
                case .score(let n): score = n
                case .invalid:
                    errors.append(FieldError("score_" + input.subjectKey, Catalogue.scoreOf(row.name, Catalogue.scoreInvalid)))
                    continue
                }
                if score != nil && !grid.rules.usesScore {
                    errors.append(FieldError("score_" + input.subjectKey, Catalogue.scoreNotUsed(row.name, grid.rules.regulation)))
                    continue
                }
                var rating: Rating? = nil
                let typed = input.rating.trimmed
                if !typed.isEmpty {
                    guard let parsed = Rating.parse(typed) else {
                        errors.append(FieldError(field, Catalogue.ratingUnknown(row.name, typed)))
                        continue
                    }
                    rating = parsed
                }
                if let score {
                    let derived = Classification.rating(score: score, rules: grid.rules)
                    if let rating, rating != derived && !(derived == .excellent && rating == .good) {
                        // 90+ may still be "tốt" when the conditions of "xuất sắc" are not met; nothing else disagrees.
                        errors.append(FieldError(field, Catalogue.scoreDisagrees(row.name, score, derived.label)))
                        continue
                    }
                    rating = rating ?? derived
                }
                wanted[input.subjectKey] = (rating, score)
            }
            if !errors.isEmpty { throw DomainError.invalid(Catalogue.gridRefused, errors) }
            // What changes, and whether each changed line is still as the clerk read it.
            var conflicts: [FieldChange] = []
            var changed: [(row: EvaluationRow, rating: Rating?, score: Int?)] = []
            for input in inputs {
                guard let row = byKey[input.subjectKey], let want = wanted[input.subjectKey] else { continue }
                if row.current?.rating == want.rating && row.current?.score == want.score { continue }
                if (row.current?.version ?? 0) != input.version {
                    conflicts.append(FieldChange(field: row.name, old: nil, new: row.current?.rating.label.vi))
                    continue
                }
                changed.append((row, want.rating, want.score))
            }
            if !conflicts.isEmpty { throw DomainError.conflict(Catalogue.gridStale, changes: conflicts, current: [:]) }
            // The quota on the grid as it would be saved.
            var final: [String: Rating] = [:]
            for row in grid.rows { final[row.subjectKey] = row.current?.rating }
            for c in changed { final[c.row.subjectKey] = c.rating }
            if let breach = Classification.quotaBreach(Array(final.values), rules: grid.rules) {
                throw DomainError.invalid(breach, [FieldError("quota", breach)])
            }
            let now = Timestamp.now()
            for c in changed {
                let key = c.row.subjectKey
                let auditKey = period.key + "/" + key
                let old: [String: String?]? = c.row.current.map { ["rating": $0.rating.rawValue, "score": $0.score.map(String.init), "version": String($0.version)] }
                if let rating = c.rating {
                    let id = Int64(key.dropFirst(2))!
                    if let current = c.row.current {
                        try await sql.raw(
                            """
                            UPDATE evaluations SET rating = \(bind: rating.rawValue), score = \(bind: c.score), regulation = \(bind: grid.rules.regulation),
                                version = version + 1, updated_at = \(bind: now)
                            WHERE period = \(bind: period.key) AND subject_key = \(bind: key) AND version = \(bind: current.version)
                            """
                        ).run()
                    } else {
                        try await sql.raw(
                            """
                            INSERT INTO evaluations (period, period_end, subject_kind, subject_key, member_id, cadre_id, subject_unit_id, unit_id, score, rating,
                                regulation, version, created_by, created_at, updated_at)
                            VALUES (\(bind: period.key), \(bind: period.judgedOn.iso), \(bind: subject.rawValue), \(bind: key),
                                \(bind: subject == .member ? id : nil), \(bind: subject == .leader ? id : nil), \(bind: subject == .unit ? id : nil),
                                \(bind: unit.id), \(bind: c.score), \(bind: rating.rawValue), \(bind: grid.rules.regulation), 1, \(bind: principal.actor),
                                \(bind: now), \(bind: now))
                            """
                        ).run()
                    }
                    _ = try await AuditLog.append(
                        sql, actor: principal.actor, address: principal.address, action: c.row.current == nil ? "create" : "update", entity: Self.entity,
                        key: auditKey, unitPath: unit.path, old: old,
                        new: ["rating": rating.rawValue, "score": c.score.map(String.init), "version": String((c.row.current?.version ?? 0) + 1)])
                } else {
                    try await sql.raw("DELETE FROM evaluations WHERE period = \(bind: period.key) AND subject_key = \(bind: key)").run()
                    _ = try await AuditLog.append(
                        sql, actor: principal.actor, address: principal.address, action: "delete", entity: Self.entity, key: auditKey, unitPath: unit.path,
                        old: old, new: nil)
                }
            }
            return try await Self.grid(sql, unit: unit, period: period, subject: subject, today: today)
        }
    }

    /// A duplicate member (or cadre) merged into the kept one: its ratings pass to the kept record for the periods that
    /// record has none; where both were rated, the kept record's rating stands and the duplicate's goes with it.
    static func followMerge(_ sql: any SQLDatabase, kind: RatingSubject, keep: Int64, duplicate: Int64) async throws {
        let prefix = kind == .member ? "m:" : "c:"
        let column = kind == .member ? "member_id" : "cadre_id"
        let keptPeriods = Set(
            try await sql.raw("SELECT period FROM evaluations WHERE subject_key = \(bind: prefix + String(keep))").all()
                .map { try $0.decode(column: "period", as: String.self) })
        for row in try await sql.raw("SELECT id, period FROM evaluations WHERE subject_key = \(bind: prefix + String(duplicate))").all() {
            let id = try row.decode(column: "id", as: Int64.self)
            if keptPeriods.contains(try row.decode(column: "period", as: String.self)) {
                try await sql.raw("DELETE FROM evaluations WHERE id = \(bind: id)").run()
            } else {
                try await sql.raw(
                    "UPDATE evaluations SET subject_key = \(bind: prefix + String(keep)), \(unsafeRaw: column) = \(bind: keep) WHERE id = \(bind: id)"
                ).run()
            }
        }
    }

    /// The changes to a grid's ratings, oldest first.
    public func history(_ principal: Principal, unitCode: String, period: ReviewPeriod, subject: RatingSubject) async throws -> [AuditEntry] {
        let grid = try await grid(principal, unitCode: unitCode, period: period, subject: subject)
        return try await db.read { sql in
            var entries: [AuditEntry] = []
            for row in grid.rows { entries += try await AuditLog.history(sql, entity: Self.entity, key: period.key + "/" + row.subjectKey) }
            return entries.sorted { $0.id < $1.id }
        }
    }

    /// The totals by class of a period's ratings in a unit's subtree (`results`' totals, without the lines by child unit:
    /// the dashboard shows only these, and the nation's 34 lines cost ~4 s of CPU on PostgreSQL).
    public func totals(_ principal: Principal, unitCode: String, period: ReviewPeriod, subject: RatingSubject) async throws -> [Rating: Int] {
        let unit = try await UnitService(db: db).get(principal, code: unitCode)
        return try await db.read { sql in
            let path = try await UnitHistory.version(sql, unitId: unit.id, on: period.judgedOn)?.path ?? unit.path
            return try await Self.totals(sql, period: period, subjects: [subject], path: path)[subject] ?? [:]
        }
    }

    /// Results by class for a unit's subtree: what the unit's own grid rated, then each child unit's subtree, counted
    /// through the rating unit's version on the period's last day; the totals of the period before beside them.
    public func results(_ principal: Principal, unitCode: String, period: ReviewPeriod, subject: RatingSubject) async throws -> EvaluationResults {
        let unit = try await UnitService(db: db).get(principal, code: unitCode)
        return try await db.read { sql in
            let end = period.judgedOn
            let root = try await UnitHistory.version(sql, unitId: unit.id, on: end)
            let path = root?.path ?? unit.path
            let children = try await sql.raw(
                """
                SELECT u.code, v.name, v.path FROM unit_versions v JOIN units u ON u.id = v.unit_id
                WHERE v.parent_id = \(bind: unit.id) AND \(UnitHistory.at(end)) ORDER BY v.name_folded, u.code
                """
            ).all().map { (try $0.decode(column: "code", as: String.self), try $0.decode(column: "name", as: String.self), try $0.decode(column: "path", as: String.self)) }
            // Each child's subtree summed apart, the unit's own grid the rest: a handful of sums, not a row per unit
            // (the nation's results would bring 700,000 rows into memory).
            let totals = try await Self.totals(sql, period: period, subjects: [subject], path: path)[subject] ?? [:]
            var byChild: [[Rating: Int]] = []
            var own = totals
            for child in children {
                let counts = try await Self.totals(sql, period: period, subjects: [subject], path: child.2)[subject] ?? [:]
                byChild.append(counts)
                for (rating, n) in counts { own[rating, default: 0] -= n }
            }
            own = own.filter { $0.value != 0 }
            var lines: [EvaluationResults.Line] = []
            lines.append(EvaluationResults.Line(code: unit.code, name: root?.name ?? unit.name, counts: own))
            for (index, child) in children.enumerated() { lines.append(EvaluationResults.Line(code: child.0, name: child.1, counts: byChild[index])) }
            var previous: [Rating: Int] = [:]
            if let before = try await UnitHistory.version(sql, unitId: unit.id, on: period.previous.judgedOn) {
                previous = try await Self.totals(sql, period: period.previous, subjects: [subject], path: before.path)[subject] ?? [:]
            }
            return EvaluationResults(unit: unit, period: period, subject: subject, lines: lines, totals: totals, previousTotals: previous)
        }
    }

    /// The totals by subject and class of a period's ratings in a subtree, each rating counted through its rating
    /// unit's version on the period's last day: the counts kept per rating unit (`RatingCounts`) summed over the
    /// subtree's versions, both subjects in one pass (the report asks for two).
    static func totals(_ sql: any SQLDatabase, period: ReviewPeriod, subjects: [RatingSubject], path: String) async throws
        -> [RatingSubject: [Rating: Int]]
    {
        let range = PathRange.of(path)
        var out: [RatingSubject: [Rating: Int]] = [:]
        for row in try await sql.raw(
            """
            SELECT c.subject_kind, c.rating, CAST(SUM(c.n) AS BIGINT) AS n FROM unit_versions v JOIN unit_rating_counts c ON c.unit_id = v.unit_id
            WHERE c.period = \(bind: period.key) AND c.subject_kind IN (\(binds: subjects.map(\.rawValue))) AND c.n > 0
            AND \(UnitHistory.at(period.judgedOn)) AND v.path >= \(bind: range.lower) AND v.path < \(bind: range.upper)
            GROUP BY c.subject_kind, c.rating
            """
        ).all() {
            guard let subject = RatingSubject(rawValue: try row.decode(column: "subject_kind", as: String.self)),
                let rating = Rating(rawValue: try row.decode(column: "rating", as: String.self))
            else { continue }
            out[subject, default: [:]][rating] = try row.decode(column: "n", as: Int.self)
        }
        return out
    }
}
