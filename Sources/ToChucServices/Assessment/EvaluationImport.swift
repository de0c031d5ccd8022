import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// `evaluations.csv` (INTERCHANGE.md; docs/interchange.md): members' and organizations' ratings per review period. All
/// or nothing, every wrong row named, idempotent; the class must agree with the score under the rule set of the period;
/// the "xuất sắc" quota is checked per rating unit on the ratings as they would stand. One audit entry per file, one per
/// rating it changes; new ratings refer to the file's entry.
enum EvaluationImport {
    struct Row {
        let line: Int
        let period: ReviewPeriod
        let subject: RatingSubject
        let subjectKey: String
        let subjectId: Int64
        /// The unit whose grid holds the line: the member's unit, or the organization's parent on the period's last day.
        let unitId: Int64
        let unitCode: String
        let rating: Rating
        let score: Int?
        let regulation: String
    }

    static func importEvaluations(
        _ sql: any SQLDatabase, principal: Principal, records: [CSV.Record], source: (name: String, hash: String)
    ) async throws -> CadreImport.Counts {
        let file = EvaluationsFile.fileName
        guard let index = try CadreImport.header(records, columns: EvaluationsFile.columns, file: file) else { return (0, 0, 0) }
        let width = records[0].fields.count
        var problems: [ImportProblem] = []
        var rows: [Row] = []
        var firstLine: [String: Int] = [:]
        var rulesByPeriod: [String: ClassificationRules?] = [:]
        // Members named by number, looked up 500 at a time (a national file names millions), and units by code once.
        let subjectColumn = index["subject"]
        let numbers = records.dropFirst().compactMap { record -> String? in
            guard let subjectColumn, record.fields.count == width else { return nil }
            let text = record.fields[subjectColumn].trimmed
            return text.isEmpty || text.lowercased().hasPrefix(EvaluationsFile.unitPrefix) ? nil : text
        }
        let members = try await Self.members(sql, numbers: numbers)
        // Units named `unit:CODE`, 500 at a time, and their versions on each period's last day the first time the
        // period comes up (a national file rates 290,000 units a year).
        let unitsByCode = try await UnitStore.find(
            sql,
            codes: records.dropFirst().compactMap { record -> String? in
                guard let subjectColumn, record.fields.count == width else { return nil }
                let text = record.fields[subjectColumn].trimmed
                guard text.lowercased().hasPrefix(EvaluationsFile.unitPrefix) else { return nil }
                return String(text.dropFirst(EvaluationsFile.unitPrefix.count)).trimmed
            })
        var versionsByPeriod: [String: [Int64: UnitVersion]] = [:]
        // A national file has ten million rows and a handful of distinct periods and ratings: each text parsed once.
        var periods: [String: ReviewPeriod?] = [:]
        var ratings: [String: Rating?] = [:]
        let (yearColumn, ratingColumn, scoreColumn) = (index["year"], index["rating"], index["score"])
        for record in records.dropFirst() {
            if record.fields.count != width {
                problems.append(ImportProblem(file: file, line: record.line, column: nil, reason: Catalogue.importWrongFieldCount(record.fields.count, width)))
                continue
            }
            func cell(_ column: Int?) -> String { column.map { record.fields[$0].trimmed } ?? "" }
            func problem(_ column: String, _ reason: Localized) { problems.append(ImportProblem(file: file, line: record.line, column: column, reason: reason)) }
            let periodText = cell(yearColumn)
            if periods[periodText] == nil { periods[periodText] = .some(ReviewPeriod(parsing: periodText)) }
            guard let period = periods[periodText] ?? nil else {
                problem("year", Catalogue.reviewPeriodInvalid)
                continue
            }
            if rulesByPeriod[period.key] == nil {
                let version = try? await RuleService.inForce(sql, .classification, on: period.judgedOn)
                rulesByPeriod[period.key] = .some(version.map(ClassificationRules.init))
            }
            guard let rules = rulesByPeriod[period.key] ?? nil else {
                problem("year", Catalogue.ruleNotFound)
                continue
            }
            // Who: a member by card number (or national ID), or `unit:CODE`.
            let subjectText = cell(subjectColumn)
            var found: (RatingSubject, Int64, Int64, String, String)? = nil  // kind, subject id, rating unit id, its code, name
            if subjectText.lowercased().hasPrefix(EvaluationsFile.unitPrefix) {
                let code = String(subjectText.dropFirst(EvaluationsFile.unitPrefix.count)).trimmed
                if let unit = unitsByCode[code], principal.sees(path: unit.path) {
                    if versionsByPeriod[period.key] == nil {
                        versionsByPeriod[period.key] = try await UnitHistory.versions(sql, unitIds: unitsByCode.values.map(\.id), on: period.judgedOn)
                    }
                    let version = versionsByPeriod[period.key]?[unit.id]
                    let parentId = version?.parentId ?? unit.id
                    let parentCode = version?.parentCode ?? unit.code
                    found = (.unit, unit.id, parentId, parentCode, unit.name)
                } else {
                    problem("subject", Catalogue.unitNotFound)
                }
            } else if !subjectText.isEmpty, let member = members[subjectText], principal.sees(path: member.unitPath) {
                found = (.member, member.id, member.unitId, member.unitCode, member.fullName)
            } else {
                problem("subject", subjectText.isEmpty ? Catalogue.required : Catalogue.importPersonNotFound(subjectText))
            }
            let ratingText = cell(ratingColumn)
            if ratings[ratingText] == nil { ratings[ratingText] = .some(Rating.parse(ratingText)) }
            let rating = ratings[ratingText] ?? nil
            if rating == nil { problem("rating", Catalogue.unknownValue(ratingText)) }
            var score: Int? = nil
            switch Classification.parseScore(cell(scoreColumn)) {
            case .none: break
            case .score(let n): score = n
            case .invalid: problem("score", Catalogue.scoreInvalid)
            }
            guard let found, let rating else { continue }
            if let score {
                if !rules.usesScore {
                    problem("score", Catalogue.scoreNotUsed(found.4, rules.regulation))
                    continue
                }
                let derived = Classification.rating(score: score, rules: rules)
                if rating != derived && !(derived == .excellent && rating == .good) {
                    problem("rating", Catalogue.scoreDisagrees(found.4, score, derived.label))
                    continue
                }
            }
            let key = (found.0 == .member ? "m:" : "u:") + String(found.1)
            if let first = firstLine[period.key + "/" + key] {
                problem("subject", Catalogue.importDuplicateKey(subjectText, firstLine: first))
                continue
            }
            firstLine[period.key + "/" + key] = record.line
            rows.append(
                Row(
                    line: record.line, period: period, subject: found.0, subjectKey: key, subjectId: found.1, unitId: found.2, unitCode: found.3,
                    rating: rating, score: score, regulation: rules.regulation))
        }
        // The quota per rating unit and period, on the ratings as they would stand after the load.
        let groups = Dictionary(grouping: rows) { "\($0.period.key)|\($0.subject.rawValue)|\($0.unitId)" }
        let recorded = try await Self.standing(sql, groups: groups.values.map { ($0[0].period.key, $0[0].subject, $0[0].unitId) })
        for (key, group) in groups.sorted(by: { $0.value[0].line < $1.value[0].line }) {
            let first = group[0]
            guard let rules = rulesByPeriod[first.period.key] ?? nil else { continue }
            var standing = recorded[key] ?? [:]
            for row in group { standing[row.subjectKey] = row.rating }
            if let breach = Classification.quotaBreach(Array(standing.values), rules: rules) {
                problems.append(ImportProblem(file: file, line: first.line, column: "rating", reason: Catalogue.quotaBreachIn(first.unitCode, breach)))
            }
        }
        if !problems.isEmpty { throw CadreImport.sorted(problems) }
        // What is new, what changes.
        var fresh: [Row] = []
        var changed: [(Row, Evaluation)] = []
        var unchanged = 0
        for (period, group) in Dictionary(grouping: rows, by: { $0.period.key }) {
            let existing = try await EvaluationService.evaluations(sql, period: period, keys: group.map(\.subjectKey))
            for row in group {
                if let current = existing[row.subjectKey] {
                    if current.rating == row.rating && current.score == row.score { unchanged += 1 } else { changed.append((row, current)) }
                } else {
                    fresh.append(row)
                }
            }
        }
        guard !fresh.isEmpty || !changed.isEmpty else { return (0, 0, unchanged) }
        let auditId = try await CadreImport.recordImport(
            sql, principal: principal, file: file, source: source, rows: records.count - 1, created: fresh.count, updated: changed.count)
        let now = Timestamp.now()
        try await BulkInsert.insert(
            sql, table: "evaluations",
            columns: [
                "period", "period_end", "subject_kind", "subject_key", "member_id", "subject_unit_id", "unit_id", "score", "rating", "regulation", "version",
                "import_audit_id", "created_by", "created_at", "updated_at",
            ],
            rows: fresh.map { r in
                [
                    .text(r.period.key), .text(r.period.judgedOn.iso), .text(r.subject.rawValue), .text(r.subjectKey),
                    SQLValue(r.subject == .member ? r.subjectId : nil), SQLValue(r.subject == .unit ? r.subjectId : nil), .integer(r.unitId),
                    SQLValue(r.score), .text(r.rating.rawValue), .text(r.regulation), .integer(1), .integer(auditId), .text(principal.actor), .text(now),
                    .text(now),
                ]
            })
        for (r, current) in changed {
            try await sql.raw(
                """
                UPDATE evaluations SET rating = \(bind: r.rating.rawValue), score = \(bind: r.score), regulation = \(bind: r.regulation),
                    version = version + 1, updated_at = \(bind: now)
                WHERE period = \(bind: r.period.key) AND subject_key = \(bind: r.subjectKey)
                """
            ).run()
            _ = try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: EvaluationService.entity,
                key: r.period.key + "/" + r.subjectKey, unitPath: nil,
                old: ["rating": current.rating.rawValue, "score": current.score.map(String.init), "version": String(current.version)],
                new: ["rating": r.rating.rawValue, "score": r.score.map(String.init), "version": String(current.version + 1), "file": source.name])
        }
        return (fresh.count, changed.count, unchanged)
    }

    /// A member named in the file: `CadreService.member`'s choice (card number or national ID, the oldest record first).
    struct NamedMember {
        let id: Int64
        let fullName: String
        let unitPath: String
        let unitId: Int64
        let unitCode: String
    }

    static func members(_ sql: any SQLDatabase, numbers: [String]) async throws -> [String: NamedMember] {
        let wanted = Array(Set(numbers))
        var out: [String: NamedMember] = [:]
        for batch in Batches.of(wanted) {
            let chunk = Set(batch)
            let list = SQLList(chunk.map { SQLBind($0) })
            for row in try await sql.raw(
                """
                SELECT m.id, m.card_no, m.national_id, m.full_name, m.unit_path, u.id AS unit_id, u.code AS unit_code
                FROM members m JOIN units u ON u.id = m.unit_id WHERE m.card_no IN (\(list)) OR m.national_id IN (\(list))
                """
            ).all() {
                let member = NamedMember(
                    id: try row.decode(column: "id", as: Int64.self), fullName: try row.decode(column: "full_name", as: String.self),
                    unitPath: try row.decode(column: "unit_path", as: String.self), unitId: try row.decode(column: "unit_id", as: Int64.self),
                    unitCode: try row.decode(column: "unit_code", as: String.self))
                for number in [try row.decode(column: "card_no", as: String?.self), try row.decode(column: "national_id", as: String?.self)] {
                    guard let number, chunk.contains(number) else { continue }
                    if let known = out[number], known.id < member.id { continue }
                    out[number] = member
                }
            }
        }
        return out
    }

    /// The ratings already recorded for each (period, kind, rating unit) of the file, keyed like the import's groups.
    static func standing(_ sql: any SQLDatabase, groups: [(period: String, subject: RatingSubject, unitId: Int64)]) async throws -> [String: [String: Rating]] {
        var out: [String: [String: Rating]] = [:]
        for list in Dictionary(grouping: groups, by: { GroupKey(period: $0.period, subject: $0.subject) }).values {
            let (period, subject) = (list[0].period, list[0].subject)
            // A period and kind with no rating yet (a first load) needs no look-up per unit.
            guard try await sql.raw(
                "SELECT 1 AS x FROM evaluations WHERE period = \(bind: period) AND subject_kind = \(bind: subject.rawValue) LIMIT 1"
            ).first() != nil else { continue }
            let units = list.map(\.unitId)
            for batch in Batches.of(units) {
                let chunk = SQLList(batch.map { SQLBind($0) })
                for row in try await sql.raw(
                    """
                    SELECT unit_id, subject_key, rating FROM evaluations WHERE period = \(bind: period) AND subject_kind = \(bind: subject.rawValue)
                    AND unit_id IN (\(chunk))
                    """
                ).all() {
                    let key = "\(period)|\(subject.rawValue)|\(try row.decode(column: "unit_id", as: Int64.self))"
                    out[key, default: [:]][try row.decode(column: "subject_key", as: String.self)] =
                        Rating(rawValue: try row.decode(column: "rating", as: String.self))
                }
            }
        }
        return out
    }

    private struct GroupKey: Hashable {
        let period: String
        let subject: RatingSubject
    }

    /// The rows of `evaluations.csv` rated in the principal's subtree, header first: members by card number (those
    /// without one cannot be named in the file and are left out), organizations as `unit:CODE`. Leaders' ratings are
    /// not part of the file (version 1).
    static func rows(_ sql: any SQLDatabase, principal: Principal) async throws -> [[String]] {
        let range = principal.pathRange
        var out = [EvaluationsFile.columns.map(\.name)]
        for row in try await sql.raw(
            """
            SELECT e.period, e.subject_kind, e.rating, e.score, m.card_no, su.code AS subject_code FROM evaluations e
            JOIN units ru ON ru.id = e.unit_id LEFT JOIN members m ON m.id = e.member_id LEFT JOIN units su ON su.id = e.subject_unit_id
            WHERE ru.path >= \(bind: range.lower) AND ru.path < \(bind: range.upper) AND e.subject_kind IN ('member', 'unit')
            ORDER BY e.period, e.subject_kind, e.id
            """
        ).all() {
            let kind = try row.decode(column: "subject_kind", as: String.self)
            let subject =
                kind == "unit"
                ? (try row.decode(column: "subject_code", as: String?.self)).map { EvaluationsFile.unitPrefix + $0 }
                : try row.decode(column: "card_no", as: String?.self)
            guard let subject, !subject.isEmpty else { continue }
            out.append([
                try row.decode(column: "period", as: String.self), subject, try row.decode(column: "rating", as: String.self),
                (try row.decode(column: "score", as: Int?.self)).map(String.init) ?? "",
            ])
        }
        return out
    }
}
