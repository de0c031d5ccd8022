import SQLKit

/// Members of the upper levels' subtrees by birth date and gender, and admissions by year, kept by the engine itself
/// (issue 8): the dashboard of the root or of a unit just below it (a province) shows its members by age band and its
/// admissions per year without reading millions of member rows. Kept for two "anchors" per member — the root of its
/// path and the unit just below the root — so those dashboards read only their own anchor's rows (the nation ~44,000,
/// a province ~30,000); deeper units hold few enough members to count them from the rows. Counted by birth date, not
/// by band, because the bands move every day; the exact band is worked out on reading. Triggers keep them in the same
/// transaction as every change to the register, like `unit_member_counts` (`MemberCounts`).
public enum MemberProfiles {
    /// Whether a unit's figures are kept here: the root (`/1/`) or a unit just below it (`/1/5/`).
    public static func isAnchor(path: String) -> Bool { path.split(separator: "/").count <= 2 }

    /// The two anchors of a path column as SQL expressions: the root, and the unit below it (NULL for a member of the
    /// root itself).
    static func anchors(_ path: String, _ dialect: Dialect) -> (root: String, below: String) {
        switch dialect {
        case .sqlite:
            let root = "substr(\(path), 1, instr(substr(\(path), 2), '/') + 1)"
            return (root, "NULLIF(substr(\(path), 1, length(\(root)) + instr(substr(\(path), length(\(root)) + 1), '/')), \(root))")
        case .postgres:
            return ("substring(\(path) from '^/[^/]+/')", "substring(\(path) from '^/[^/]+/[^/]+/')")
        }
    }

    /// Whether a row (`prefix` `new.`, `old.` or `m.`) counts in the ages: in the Party now, birth date known.
    static func inAges(_ prefix: String) -> String { "\(prefix)status IN ('probationary', 'full') AND \(prefix)birth_date IS NOT NULL" }

    static let watched = ["unit_path", "status", "birth_date", "gender", "admitted_on"]

    /// Counts afresh (the migration, and after a bulk load that ran with the triggers off): each member's row once,
    /// grouped under the anchor below the root; the root's figures are then the sums of those groups.
    static func recountStatements(_ dialect: Dialect) -> [String] {
        let (root, below) = anchors("m.unit_path", dialect)
        let (rootOfAnchor, belowOfAnchor) = anchors("c.anchor_path", dialect)
        return [
            "DELETE FROM subtree_birth_counts",
            "DELETE FROM subtree_admission_counts",
            """
            INSERT INTO subtree_birth_counts (anchor_path, birth_date, gender, n)
            SELECT COALESCE(\(below), \(root)), m.birth_date, m.gender, COUNT(*) FROM members m WHERE \(inAges("m.")) GROUP BY 1, 2, 3
            """,
            """
            INSERT INTO subtree_birth_counts (anchor_path, birth_date, gender, n)
            SELECT \(rootOfAnchor), c.birth_date, c.gender, SUM(c.n) FROM subtree_birth_counts c WHERE \(belowOfAnchor) IS NOT NULL GROUP BY 1, 2, 3
            ON CONFLICT (anchor_path, birth_date, gender) DO UPDATE SET n = subtree_birth_counts.n + excluded.n
            """,
            """
            INSERT INTO subtree_admission_counts (anchor_path, year, n)
            SELECT COALESCE(\(below), \(root)), substr(m.admitted_on, 1, 4), COUNT(*) FROM members m WHERE m.admitted_on IS NOT NULL GROUP BY 1, 2
            """,
            """
            INSERT INTO subtree_admission_counts (anchor_path, year, n)
            SELECT \(rootOfAnchor), c.year, SUM(c.n) FROM subtree_admission_counts c WHERE \(belowOfAnchor) IS NOT NULL GROUP BY 1, 2
            ON CONFLICT (anchor_path, year) DO UPDATE SET n = subtree_admission_counts.n + excluded.n
            """,
        ]
    }

    public static func recount(_ sql: any SQLDatabase) async throws {
        let dialect: Dialect = sql.dialect.name == "postgresql" ? .postgres : .sqlite
        for statement in recountStatements(dialect) { try await sql.raw(SQLQueryString(statement)).run() }
    }
}

extension Migrator {
    /// Step 27: `subtree_birth_counts`, `subtree_admission_counts` and the triggers that keep them (`MemberProfiles`).
    static func memberProfiles(_ dialect: Dialect) -> [String] {
        let ddl = DDL(dialect: dialect)
        let tables = [
            """
            CREATE TABLE subtree_birth_counts (anchor_path \(ddl.binaryText) NOT NULL, birth_date TEXT NOT NULL, gender TEXT NOT NULL,
                n BIGINT NOT NULL, PRIMARY KEY (anchor_path, birth_date, gender))
            """,
            "CREATE TABLE subtree_admission_counts (anchor_path \(ddl.binaryText) NOT NULL, year TEXT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (anchor_path, year))",
        ]
        let recount = MemberProfiles.recountStatements(dialect).filter { !$0.hasPrefix("DELETE") }
        switch dialect {
        case .sqlite:
            func add(_ p: String) -> String {
                let (root, below) = MemberProfiles.anchors("\(p)unit_path", dialect)
                let anchorsOf = "(SELECT \(root) AS a UNION ALL SELECT \(below))"
                return """
                    INSERT INTO subtree_birth_counts (anchor_path, birth_date, gender, n) SELECT a, \(p)birth_date, \(p)gender, 1 FROM \(anchorsOf)
                    WHERE a IS NOT NULL AND \(MemberProfiles.inAges(p)) ON CONFLICT (anchor_path, birth_date, gender) DO UPDATE SET n = n + 1;
                    INSERT INTO subtree_admission_counts (anchor_path, year, n) SELECT a, substr(\(p)admitted_on, 1, 4), 1 FROM \(anchorsOf)
                    WHERE a IS NOT NULL AND \(p)admitted_on IS NOT NULL ON CONFLICT (anchor_path, year) DO UPDATE SET n = n + 1;
                    """
            }
            func remove(_ p: String) -> String {
                let (root, below) = MemberProfiles.anchors("\(p)unit_path", dialect)
                return """
                    UPDATE subtree_birth_counts SET n = n - 1 WHERE \(MemberProfiles.inAges(p)) AND anchor_path IN (\(root), \(below))
                    AND birth_date = \(p)birth_date AND gender = \(p)gender;
                    UPDATE subtree_admission_counts SET n = n - 1 WHERE \(p)admitted_on IS NOT NULL AND anchor_path IN (\(root), \(below))
                    AND year = substr(\(p)admitted_on, 1, 4);
                    """
            }
            // A move inside one province changes the path, not the anchors: nothing to count again.
            let (oldRoot, oldBelow) = MemberProfiles.anchors("old.unit_path", dialect)
            let (newRoot, newBelow) = MemberProfiles.anchors("new.unit_path", dialect)
            let changed = (MemberProfiles.watched.filter { $0 != "unit_path" }.map { "old.\($0) IS NOT new.\($0)" }
                + ["\(oldRoot) IS NOT \(newRoot)", "\(oldBelow) IS NOT \(newBelow)"]).joined(separator: " OR ")
            return tables + [
                "CREATE TRIGGER members_profile_insert AFTER INSERT ON members BEGIN \(add("new.")) END",
                "CREATE TRIGGER members_profile_delete AFTER DELETE ON members BEGIN \(remove("old.")) END",
                """
                CREATE TRIGGER members_profile_update AFTER UPDATE OF \(MemberProfiles.watched.joined(separator: ", ")) ON members
                WHEN \(changed) BEGIN \(remove("old.")) \(add("new.")) END
                """,
            ] + recount
        case .postgres:
            // Statement-level with transition tables: a restructuring that moves a province's members in one UPDATE
            // is counted again in two grouped statements, not with eight per row (a row trigger took minutes for
            // 160,000 members). Rows whose anchors, status, birth date, gender and admission year stay the same net
            // to zero and write nothing.
            let (root, below) = MemberProfiles.anchors("r.unit_path", dialect)
            func delta(_ sources: [(table: String, sign: String)]) -> String {
                func union(_ columns: String, _ condition: (String) -> String) -> String {
                    sources.map { "SELECT unit_path, \(columns), \($0.sign) AS d FROM \($0.table) WHERE \(condition(""))" }
                        .joined(separator: " UNION ALL ")
                }
                let anchorsOf = "CROSS JOIN LATERAL (VALUES (\(root)), (\(below))) a(anchor)"
                return """
                    INSERT INTO subtree_birth_counts (anchor_path, birth_date, gender, n)
                    SELECT a.anchor, r.birth_date, r.gender, SUM(r.d) FROM (\(union("birth_date, gender", MemberProfiles.inAges))) r \(anchorsOf)
                    WHERE a.anchor IS NOT NULL GROUP BY 1, 2, 3 HAVING SUM(r.d) <> 0
                    ON CONFLICT (anchor_path, birth_date, gender) DO UPDATE SET n = subtree_birth_counts.n + excluded.n;
                    INSERT INTO subtree_admission_counts (anchor_path, year, n)
                    SELECT a.anchor, r.year, SUM(r.d) FROM (\(union("substr(admitted_on, 1, 4) AS year", { _ in "admitted_on IS NOT NULL" }))) r \(anchorsOf)
                    WHERE a.anchor IS NOT NULL GROUP BY 1, 2 HAVING SUM(r.d) <> 0
                    ON CONFLICT (anchor_path, year) DO UPDATE SET n = subtree_admission_counts.n + excluded.n;
                    """
            }
            return tables + StatementTriggers.postgres(on: "members", name: "members_profile", delta: delta) + recount
        }
    }
}
