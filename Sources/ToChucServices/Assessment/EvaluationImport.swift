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
        for record in records.dropFirst() {
            if record.fields.count != width {
                problems.append(ImportProblem(file: file, line: record.line, column: nil, reason: Catalogue.importWrongFieldCount(record.fields.count, width)))
                continue
            }
            func cell(_ name: String) -> String { index[name].map { record.fields[$0].trimmed } ?? "" }
            func problem(_ column: String, _ reason: Localized) { problems.append(ImportProblem(file: file, line: record.line, column: column, reason: reason)) }
            guard let period = ReviewPeriod(parsing: cell("year")) else {
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
            let subjectText = cell("subject")
            var found: (RatingSubject, Int64, Int64, String, String)? = nil  // kind, subject id, rating unit id, its code, name
            if subjectText.lowercased().hasPrefix(EvaluationsFile.unitPrefix) {
                let code = String(subjectText.dropFirst(EvaluationsFile.unitPrefix.count)).trimmed
                if let unit = try await UnitStore.find(sql, code: code), principal.sees(path: unit.path) {
                    let version = try await UnitHistory.version(sql, unitId: unit.id, on: period.judgedOn)
                    let parentId = version?.parentId ?? unit.id
                    let parentCode = version?.parentCode ?? unit.code
                    found = (.unit, unit.id, parentId, parentCode, unit.name)
                } else {
                    problem("subject", Catalogue.unitNotFound)
                }
            } else if !subjectText.isEmpty, let member = try await CadreService.member(sql, number: subjectText), principal.sees(path: member.unitPath),
                let unit = try await UnitStore.find(sql, code: member.record.unitCode)
            {
                found = (.member, member.id, unit.id, unit.code, member.record.fullName)
            } else {
                problem("subject", subjectText.isEmpty ? Catalogue.required : Catalogue.importPersonNotFound(subjectText))
            }
            let rating = Rating.parse(cell("rating"))
            if rating == nil { problem("rating", Catalogue.unknownValue(cell("rating"))) }
            var score: Int? = nil
            switch Classification.parseScore(cell("score")) {
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
        for (_, group) in groups.sorted(by: { $0.value[0].line < $1.value[0].line }) {
            let first = group[0]
            guard let rules = rulesByPeriod[first.period.key] ?? nil else { continue }
            var standing: [String: Rating] = [:]
            for row in try await sql.raw(
                """
                SELECT subject_key, rating FROM evaluations WHERE period = \(bind: first.period.key) AND subject_kind = \(bind: first.subject.rawValue)
                AND unit_id = \(bind: first.unitId)
                """
            ).all() {
                standing[try row.decode(column: "subject_key", as: String.self)] = Rating(rawValue: try row.decode(column: "rating", as: String.self))
            }
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
        for start in stride(from: 0, to: fresh.count, by: 200) {
            let batch = fresh[start..<min(fresh.count, start + 200)]
            var values: [SQLQueryString] = []
            for r in batch {
                values.append(
                    """
                    (\(bind: r.period.key), \(bind: r.period.judgedOn.iso), \(bind: r.subject.rawValue), \(bind: r.subjectKey),
                     \(bind: r.subject == .member ? r.subjectId : nil), \(bind: r.subject == .unit ? r.subjectId : nil), \(bind: r.unitId), \(bind: r.score),
                     \(bind: r.rating.rawValue), \(bind: r.regulation), 1, \(bind: auditId), \(bind: principal.actor), \(bind: now), \(bind: now))
                    """)
            }
            try await sql.raw(
                """
                INSERT INTO evaluations (period, period_end, subject_kind, subject_key, member_id, subject_unit_id, unit_id, score, rating, regulation,
                    version, import_audit_id, created_by, created_at, updated_at)
                VALUES \(values.joined(separator: ", "))
                """
            ).run()
        }
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
