import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A unit offered by the unit chooser, with its parent's name so that the many "Chi bộ thôn 1" can be told apart.
public struct UnitMatch: Sendable, Equatable {
    public let unit: OrgUnit
    public let parentName: String?

    public init(unit: OrgUnit, parentName: String?) {
        self.unit = unit
        self.parentName = parentName
    }
}

/// What the text typed into a unit chooser stands for.
public enum UnitChoice: Sendable {
    /// The exact code of a unit in scope.
    case unit(OrgUnit)
    /// Units in scope whose name or code matches, to pick from (never empty).
    case matches(Page<UnitMatch>)
}

extension UnitService {
    /// Resolves what a user typed into a unit chooser (issue 8): the exact code of a unit in scope is that unit;
    /// otherwise the units of the principal's subtree whose code or name matches (every typed word, accents and case
    /// ignored), a page at a time. Nothing in scope matches: `notFound`, worded the same whether the text is a code
    /// outside the scope or nothing at all, so the chooser never reveals a unit the user may not see.
    public func choose(_ principal: Principal, text: String, page: Int = 1, perPage: Int = 20) async throws -> UnitChoice {
        let typed = text.trimmed
        guard !typed.isEmpty else { throw DomainError.invalid(Catalogue.unitChoiceEmpty, [FieldError("unit", Catalogue.unitChoiceEmpty)]) }
        if let unit = try await exactCode(principal, typed) { return .unit(unit) }
        let found = try await matches(principal, text: typed, page: page, perPage: perPage)
        guard !found.items.isEmpty || found.total > 0 else { throw DomainError.notFound(Catalogue.noUnitMatches(typed, principal.unitName)) }
        return .matches(found)
    }

    /// The unit in scope whose code is `text` (as typed, else upper-cased: codes are written in capitals).
    public func exactCode(_ principal: Principal, _ text: String) async throws -> OrgUnit? {
        let typed = text.trimmed
        guard !typed.isEmpty, typed.count <= 40 else { return nil }
        let candidates = typed == typed.uppercased() ? [typed] : [typed, typed.uppercased()]
        return try await db.read { sql in
            for code in candidates {
                if let unit = try await UnitStore.find(sql, code: code), principal.sees(path: unit.path) { return unit }
            }
            return nil
        }
    }

    /// Units of the principal's subtree whose code contains the text or whose name has a word starting with each typed
    /// word (folded: `an binh` finds "Đảng bộ xã An Bình"), best first: the exact code, codes and names that start with the text, then
    /// higher levels before lower ones, then by name. Dissolved units are offered too (their records remain), after the
    /// others. One scan of the subtree's units, counted in the same statement.
    public func matches(_ principal: Principal, text: String, page: Int = 1, perPage: Int = 20) async throws -> Page<UnitMatch> {
        let page = max(1, page)
        let perPage = min(max(1, perPage), Self.maximumPerPage)
        let folded = VietnameseText.fold(text)
        let words = folded.split(separator: " ").map(String.init).filter { !$0.isEmpty }.prefix(8)
        guard !words.isEmpty else { return Page(items: [], page: page, perPage: perPage, total: 0) }
        let range = principal.pathRange
        let code = folded.replacingOccurrences(of: " ", with: "")
        return try await db.read { sql in
            var nameMatch: SQLQueryString = "1 = 1"
            // Each typed word begins a word of the name: "an binh" is "xã An Bình", not "Đảng bộ xã Bình Minh".
            for word in words { nameMatch = nameMatch + " AND (' ' || u.name_folded) LIKE \(bind: "% " + Self.likeEscaped(word) + "%") ESCAPE '\\'" }
            let filter: SQLQueryString = """
                u.path >= \(bind: range.lower) AND u.path < \(bind: range.upper)
                AND ((\(nameMatch)) OR LOWER(u.code) LIKE \(bind: "%" + Self.likeEscaped(code) + "%") ESCAPE '\\')
                """
            let rows = try await sql.raw(
                """
                SELECT \(unsafeRaw: UnitStore.columns), p.name AS parent_name, COUNT(*) OVER () AS total
                FROM \(unsafeRaw: UnitStore.from) WHERE \(filter)
                ORDER BY CASE WHEN LOWER(u.code) = \(bind: code) THEN 0
                  WHEN LOWER(u.code) LIKE \(bind: Self.likeEscaped(code) + "%") ESCAPE '\\' OR u.name_folded LIKE \(bind: Self.likeEscaped(folded) + "%") ESCAPE '\\' THEN 1
                  ELSE 2 END,
                  CASE WHEN u.dissolved_on IS NULL THEN 0 ELSE 1 END, u.depth, u.name_folded, u.code
                LIMIT \(literal: perPage) OFFSET \(literal: (page - 1) * perPage)
                """
            ).all()
            var total = try rows.first?.decode(column: "total", as: Int.self) ?? 0
            if rows.isEmpty && page > 1 {
                // Past the last page: count on its own, for the pager.
                total = try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: UnitStore.from) WHERE \(filter)").first()?
                    .decode(column: "n", as: Int.self) ?? 0
            }
            let items = try rows.map { row in
                UnitMatch(unit: try UnitStore.unit(from: row), parentName: try row.decode(column: "parent_name", as: String?.self))
            }
            return Page(items: items, page: page, perPage: perPage, total: total)
        }
    }

    /// Text for a LIKE pattern with `\` as the escape: its `%` and `_` match themselves.
    static func likeEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
