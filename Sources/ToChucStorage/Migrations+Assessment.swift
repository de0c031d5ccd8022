import Foundation

/// Assessment (issue 6, DOMAIN.md §4): rule sets added by administrators (the shipped ones live in the program) and the
/// classification of members, leaders and organizations per review period.
extension Migrator {
    static func assessment(_ dialect: Dialect) -> [String] {
        let ddl = DDL(dialect: dialect)
        return [
            // A version of a family of thresholds, in force from its date until a later version's. Never deleted: a
            // mistaken one is voided with its reason.
            """
            CREATE TABLE rule_sets (
                id \(ddl.id),
                family TEXT NOT NULL,
                regulation TEXT NOT NULL,
                effective_from TEXT NOT NULL,
                title TEXT NOT NULL,
                parameters TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                voided_by TEXT,
                voided_at TEXT,
                void_reason TEXT
            )
            """,
            "CREATE INDEX rule_sets_family ON rule_sets (family, effective_from)",
            // One rating per subject and review period: a member (m:id), a leader (c:id), an organization (u:id). `unit_id`
            // is the unit whose grid rated it (the member's cell, the leader's unit, the organization's parent); counts by
            // subtree go through that unit's version on the period's last day.
            """
            CREATE TABLE evaluations (
                id \(ddl.id),
                period TEXT NOT NULL,
                period_end TEXT NOT NULL,
                subject_kind TEXT NOT NULL,
                subject_key TEXT NOT NULL,
                member_id BIGINT REFERENCES members(id),
                cadre_id BIGINT REFERENCES cadres(id),
                subject_unit_id BIGINT REFERENCES units(id),
                unit_id BIGINT NOT NULL REFERENCES units(id),
                score BIGINT,
                rating TEXT NOT NULL,
                regulation TEXT NOT NULL,
                note TEXT,
                version BIGINT NOT NULL DEFAULT 1,
                import_audit_id BIGINT,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                UNIQUE (period, subject_key)
            )
            """,
            "CREATE INDEX evaluations_unit ON evaluations (unit_id, period)",
            "CREATE INDEX evaluations_period ON evaluations (period_end, subject_kind)",
        ]
    }
}
