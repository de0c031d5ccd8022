import SQLKit

/// Members by unit and status now, kept by the engine itself (issue 8): the tree, the unit pages and the dashboard
/// count a subtree's members today by summing these rows over the subtree's units (290,000 rows for the nation)
/// instead of reading 5.4 million member rows. Triggers on `members` keep them exact in the same transaction as the
/// change — whatever code path writes the register (forms, events, imports, merges, restructuring) — so a crash or a
/// rolled-back import leaves them as consistent as the register.
public enum MemberCounts {
    /// A member's status today, from a row's columns (`prefix` is `new.`, `old.` or `m.`): `MemberStore.statusOn`
    /// for a day no recorded date lies after — dates in the future are refused on every path (DOMAIN.md §2) — so
    /// equal to it for today. NULL for a record with nothing to count (no date and not a candidate).
    public static func statusNow(_ prefix: String) -> String {
        """
        (CASE WHEN \(prefix)left_on IS NOT NULL THEN \(prefix)status
            WHEN \(prefix)recognized_on IS NOT NULL THEN (CASE WHEN \(prefix)status = 'exempt' THEN 'exempt' ELSE 'full' END)
            WHEN \(prefix)admitted_on IS NOT NULL THEN 'probationary'
            WHEN \(prefix)status = 'candidate' THEN 'candidate' ELSE NULL END)
        """
    }

    /// Counts every unit's members afresh, and the upper levels' profiles (`MemberProfiles`), after a bulk load that
    /// ran with the triggers off.
    public static func recount(_ sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM unit_member_counts").run()
        try await sql.raw(SQLQueryString(recountStatement)).run()
        try await MemberProfiles.recount(sql)
    }

    static let recountStatement = """
        INSERT INTO unit_member_counts (unit_id, status, n)
        SELECT m.unit_id, \(statusNow("m.")), COUNT(*) FROM members m WHERE \(statusNow("m.")) IS NOT NULL GROUP BY 1, 2
        """
}

extension Migrator {
    /// Step 25: `unit_member_counts` and the triggers that keep it (`MemberCounts`).
    static func memberCounts(_ dialect: Dialect) -> [String] {
        let table = "CREATE TABLE unit_member_counts (unit_id BIGINT NOT NULL, status TEXT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (unit_id, status))"
        let old = MemberCounts.statusNow("old."), new = MemberCounts.statusNow("new.")
        let watched = "unit_id, status, admitted_on, recognized_on, left_on"
        switch dialect {
        case .sqlite:
            let add = """
                INSERT INTO unit_member_counts (unit_id, status, n) SELECT new.unit_id, \(new), 1 WHERE \(new) IS NOT NULL
                ON CONFLICT (unit_id, status) DO UPDATE SET n = n + 1;
                """
            let remove = "UPDATE unit_member_counts SET n = n - 1 WHERE unit_id = old.unit_id AND status = \(old);"
            return [
                table,
                "CREATE TRIGGER members_count_insert AFTER INSERT ON members BEGIN \(add) END",
                "CREATE TRIGGER members_count_delete AFTER DELETE ON members BEGIN \(remove) END",
                """
                CREATE TRIGGER members_count_update AFTER UPDATE OF \(watched) ON members
                WHEN old.unit_id IS NOT new.unit_id OR \(old) IS NOT \(new) BEGIN \(remove) \(add) END
                """,
                MemberCounts.recountStatement,
            ]
        case .postgres:
            return [
                table,
                """
                CREATE FUNCTION members_count() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE old_status text; new_status text;
                BEGIN
                    IF TG_OP <> 'INSERT' THEN old_status := \(old); END IF;
                    IF TG_OP <> 'DELETE' THEN new_status := \(new); END IF;
                    IF TG_OP = 'UPDATE' AND old.unit_id IS NOT DISTINCT FROM new.unit_id AND old_status IS NOT DISTINCT FROM new_status THEN
                        RETURN NULL;
                    END IF;
                    IF old_status IS NOT NULL THEN
                        UPDATE unit_member_counts SET n = n - 1 WHERE unit_id = old.unit_id AND status = old_status;
                    END IF;
                    IF new_status IS NOT NULL THEN
                        INSERT INTO unit_member_counts (unit_id, status, n) VALUES (new.unit_id, new_status, 1)
                        ON CONFLICT (unit_id, status) DO UPDATE SET n = unit_member_counts.n + 1;
                    END IF;
                    RETURN NULL;
                END $$
                """,
                "CREATE TRIGGER members_count AFTER INSERT OR DELETE OR UPDATE OF \(watched) ON members FOR EACH ROW EXECUTE FUNCTION members_count()",
                MemberCounts.recountStatement,
            ]
        }
    }
}
