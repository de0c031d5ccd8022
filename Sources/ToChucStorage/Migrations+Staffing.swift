import Foundation

/// Staffing quotas (issue 5, DOMAIN.md §3).
extension Migrator {
    static func staffingQuotas(_ dialect: Dialect) -> [String] {
        let ddl = DDL(dialect: dialect)
        return [
            // One row per agency and year (biên chế): the quota assigned, the headcount, the reduction target and the
            // reductions achieved. Scope follows the agency's leading unit.
            """
            CREATE TABLE staffing_quotas (
                id \(ddl.id),
                agency_id BIGINT NOT NULL REFERENCES agencies(id),
                year BIGINT NOT NULL,
                assigned BIGINT NOT NULL,
                actual BIGINT NOT NULL,
                reduction_target BIGINT NOT NULL,
                reduced BIGINT NOT NULL,
                note TEXT,
                version BIGINT NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                UNIQUE (agency_id, year)
            )
            """,
            "CREATE INDEX staffing_quotas_year ON staffing_quotas (year)",
        ]
    }
}
