import SQLKit

/// Ratings by rating unit, period, subject and class, kept by the engine itself (issue 8): the briefing report and the
/// results page count a subtree's ratings by summing these rows over the subtree's unit versions instead of reading
/// every rating (the national demo holds 5.2 million member ratings a year: the nation's count took 2.2 s from the
/// rows). Triggers on `evaluations` keep them exact in the same transaction as every change — the grid, corrections,
/// imports, merges — like `unit_member_counts` (`MemberCounts`). A row may fall to zero; readers skip those.
public enum RatingCounts {
    /// Counts every unit's ratings afresh from the rows.
    public static func recount(_ sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM unit_rating_counts").run()
        try await sql.raw(SQLQueryString(recountStatement)).run()
    }

    static let recountStatement = """
        INSERT INTO unit_rating_counts (unit_id, period, subject_kind, rating, n)
        SELECT unit_id, period, subject_kind, rating, COUNT(*) FROM evaluations GROUP BY 1, 2, 3, 4
        """
}

extension Migrator {
    /// Step 29: `unit_rating_counts` and the triggers that keep it (`RatingCounts`).
    static func ratingCounts(_ dialect: Dialect) -> [String] {
        // On SQLite the rows live in their key's order (WITHOUT ROWID): a unit's counts are read from the key alone.
        let table = """
            CREATE TABLE unit_rating_counts (
                unit_id BIGINT NOT NULL, period TEXT NOT NULL, subject_kind TEXT NOT NULL, rating TEXT NOT NULL, n BIGINT NOT NULL,
                PRIMARY KEY (unit_id, period, subject_kind, rating))\(dialect == .sqlite ? " WITHOUT ROWID" : "")
            """
        let key = "unit_id, period, subject_kind, rating"
        switch dialect {
        case .sqlite:
            let add = """
                INSERT INTO unit_rating_counts (\(key), n) VALUES (new.unit_id, new.period, new.subject_kind, new.rating, 1)
                ON CONFLICT (\(key)) DO UPDATE SET n = n + 1;
                """
            let remove = """
                UPDATE unit_rating_counts SET n = n - 1
                WHERE unit_id = old.unit_id AND period = old.period AND subject_kind = old.subject_kind AND rating = old.rating;
                """
            return [
                table,
                "CREATE TRIGGER evaluations_count_insert AFTER INSERT ON evaluations BEGIN \(add) END",
                "CREATE TRIGGER evaluations_count_delete AFTER DELETE ON evaluations BEGIN \(remove) END",
                """
                CREATE TRIGGER evaluations_count_update AFTER UPDATE OF \(key) ON evaluations
                WHEN old.unit_id IS NOT new.unit_id OR old.period IS NOT new.period OR old.subject_kind IS NOT new.subject_kind
                    OR old.rating IS NOT new.rating
                BEGIN \(remove) \(add) END
                """,
                RatingCounts.recountStatement,
            ]
        case .postgres:
            return [
                table,
                """
                CREATE FUNCTION evaluations_count() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND old.unit_id = new.unit_id AND old.period = new.period
                        AND old.subject_kind = new.subject_kind AND old.rating = new.rating THEN
                        RETURN NULL;
                    END IF;
                    IF TG_OP <> 'INSERT' THEN
                        UPDATE unit_rating_counts SET n = n - 1
                        WHERE unit_id = old.unit_id AND period = old.period AND subject_kind = old.subject_kind AND rating = old.rating;
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        INSERT INTO unit_rating_counts (\(key), n) VALUES (new.unit_id, new.period, new.subject_kind, new.rating, 1)
                        ON CONFLICT (\(key)) DO UPDATE SET n = unit_rating_counts.n + 1;
                    END IF;
                    RETURN NULL;
                END $$
                """,
                "CREATE TRIGGER evaluations_count AFTER INSERT OR DELETE OR UPDATE OF \(key) ON evaluations FOR EACH ROW EXECUTE FUNCTION evaluations_count()",
                RatingCounts.recountStatement,
            ]
        }
    }

    /// Step 30: on PostgreSQL the counts are kept by statement-level triggers with transition tables — one grouped
    /// upsert per statement instead of one per rating. The row trigger's upserts during the national load (10.4
    /// million ratings in batches) left `unit_rating_counts` at 673 MB for 1.4 million rows (a compact copy: 93 MB),
    /// and every national sum read all of it. The table is emptied by TRUNCATE (a new file, not dead rows) and counted
    /// again. SQLite keeps its row triggers: its upsert rewrites the row in place.
    static func ratingCountsByStatement(_ dialect: Dialect) -> [String] {
        guard dialect == .postgres else { return [] }
        let key = "unit_id, period, subject_kind, rating"
        func delta(_ sources: [(table: String, sign: String)]) -> String {
            let rows = sources.map { "SELECT \(key), \($0.sign) AS d FROM \($0.table)" }.joined(separator: " UNION ALL ")
            // Grouped and ordered by the key: one upsert per key (a key twice in one upsert is an error), rows locked
            // in one order by every writer; changes that net to zero (a score edited, a rating moved and back) write nothing.
            return """
                INSERT INTO unit_rating_counts (\(key), n)
                SELECT \(key), SUM(d) FROM (\(rows)) r GROUP BY \(key) HAVING SUM(d) <> 0 ORDER BY \(key)
                ON CONFLICT (\(key)) DO UPDATE SET n = unit_rating_counts.n + excluded.n;
                """
        }
        return ["DROP TRIGGER evaluations_count ON evaluations", "DROP FUNCTION evaluations_count()"]
            + StatementTriggers.postgres(on: "evaluations", name: "evaluations_count", delta: delta)
            + ["TRUNCATE unit_rating_counts", RatingCounts.recountStatement]
    }
}
