import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// Finds likely duplicates and impossible records in the principal's subtree (`tochuc check`, the cleaning page).
public struct DataCheckService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    public func run(_ principal: Principal, unitCode: String? = nil, limit: Int = 2_000) async throws -> [DataFinding] {
        var path = principal.unitPath
        if let unitCode, !unitCode.isEmpty {
            guard let unit = try await db.read({ sql in try await UnitStore.find(sql, code: unitCode) }), principal.sees(path: unit.path) else {
                throw DomainError.notFound(Catalogue.unitNotFound)
            }
            path = unit.path
        }
        let range = PathRange.of(path)
        let scope: SQLQueryString = "m.unit_path >= \(bind: range.lower) AND m.unit_path < \(bind: range.upper)"
        return try await db.read { sql in
            var findings: [DataFinding] = []
            // Same folded name and birth date.
            let groups = try await sql.raw(
                """
                SELECT m.name_folded, m.birth_date FROM members m WHERE \(scope) AND m.birth_date IS NOT NULL
                GROUP BY m.name_folded, m.birth_date HAVING COUNT(*) > 1 LIMIT \(literal: limit)
                """
            ).all()
            for group in groups {
                let name = try group.decode(column: "name_folded", as: String.self)
                let birth = try group.decode(column: "birth_date", as: String.self)
                let rows = try await sql.raw(
                    "SELECT \(unsafeRaw: MemberStore.columns) FROM \(unsafeRaw: MemberStore.from) WHERE \(scope) AND m.name_folded = \(bind: name) AND m.birth_date = \(bind: birth) ORDER BY m.id"
                ).all().map(MemberStore.member)
                findings.append(
                    DataFinding(
                        kind: .likelyDuplicate, memberIds: rows.map(\.id), names: rows.map(\.record.fullName),
                        detail: rows.map { "\($0.record.unitCode) \($0.record.cardNo ?? "—")" }.joined(separator: " / ")))
            }
            // Dates against the rules: admitted under the least age of the admission rule set applicable on the admission
            // date, recognized before admission, status without its dates. The year difference narrows the rows by the
            // highest least age of any version; the months decide.
            let rules = try await RuleService.live(sql)
            let highestMinimum = rules.all(.admission).map { AdmissionRules($0).minimumAge }.max() ?? AdmissionRules.builtIn.minimumAge
            let suspects = try await sql.raw(
                """
                SELECT \(unsafeRaw: MemberStore.columns) FROM \(unsafeRaw: MemberStore.from) WHERE \(scope) AND (
                    (m.admitted_on IS NOT NULL AND m.birth_date IS NOT NULL
                     AND CAST(substr(m.admitted_on, 1, 4) AS INTEGER) - CAST(substr(m.birth_date, 1, 4) AS INTEGER) <= \(bind: highestMinimum))
                    OR (m.recognized_on IS NOT NULL AND m.admitted_on IS NOT NULL AND m.recognized_on < m.admitted_on)
                    OR (m.status = 'full' AND m.recognized_on IS NULL)
                    OR (u.dissolved_on IS NOT NULL AND m.status IN ('candidate', 'probationary', 'full', 'exempt')))
                ORDER BY m.id LIMIT \(literal: limit)
                """
            ).all().map(MemberStore.member)
            let dissolved = Set(try await sql.raw(
                "SELECT m.id FROM \(unsafeRaw: MemberStore.from) WHERE \(scope) AND u.dissolved_on IS NOT NULL"
            ).all().map { try $0.decode(column: "id", as: Int64.self) })
            for m in suspects {
                let r = m.record
                if let birth = r.birthDate, let admitted = r.admittedOn,
                    birth.fullMonths(until: admitted) < rules.admission(on: admitted).minimumAge * 12
                {
                    findings.append(DataFinding(kind: .admittedUnder18, memberIds: [m.id], names: [r.fullName], detail: "\(birth.iso) → \(admitted.iso)"))
                }
                if let admitted = r.admittedOn, let recognized = r.recognizedOn, recognized < admitted {
                    findings.append(DataFinding(kind: .recognizedBeforeAdmission, memberIds: [m.id], names: [r.fullName], detail: "\(admitted.iso) → \(recognized.iso)"))
                }
                if r.status == .full && r.recognizedOn == nil {
                    findings.append(DataFinding(kind: .statusWithoutDates, memberIds: [m.id], names: [r.fullName], detail: r.status.rawValue))
                }
                if dissolved.contains(m.id) && !r.status.hasLeft {
                    findings.append(DataFinding(kind: .inDissolvedUnit, memberIds: [m.id], names: [r.fullName], detail: r.unitCode))
                }
            }
            return findings
        }
    }
}
