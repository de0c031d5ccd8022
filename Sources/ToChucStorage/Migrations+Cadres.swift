import Foundation

/// Cadre work (issue 5, DOMAIN.md §3): the agencies tree, cadres, their positions, the decisions that change them, and
/// discipline records. Paths are not copied onto these rows: scope is read through the units they refer to, so that
/// restructuring (which rewrites unit paths) never leaves them stale.
extension Migrator {
    static func cadres(_ dialect: Dialect) -> [String] {
        let ddl = DDL(dialect: dialect)
        return [
            // Non-party agencies (government, Fatherland Front, mass organizations): a second, simpler tree. `unit_id` is
            // the party unit that leads it; whoever sees that unit sees the agency.
            """
            CREATE TABLE agencies (
                id \(ddl.id),
                code TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                name_folded TEXT NOT NULL,
                kind TEXT NOT NULL,
                parent_id BIGINT REFERENCES agencies(id),
                unit_id BIGINT NOT NULL REFERENCES units(id),
                version BIGINT NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                import_audit_id BIGINT
            )
            """,
            "CREATE INDEX agencies_parent ON agencies (parent_id)",
            "CREATE INDEX agencies_unit ON agencies (unit_id)",
            // A cadre is a person: a party member (`member_id`; name, gender and birth date are read from the member) or
            // someone else, with their own.
            """
            CREATE TABLE cadres (
                id \(ddl.id),
                member_id BIGINT UNIQUE REFERENCES members(id),
                national_id TEXT UNIQUE,
                full_name TEXT NOT NULL,
                name_folded \(ddl.binaryText) NOT NULL,
                name_sort_key \(ddl.binaryText) NOT NULL,
                gender TEXT NOT NULL,
                birth_date TEXT,
                unit_id BIGINT NOT NULL REFERENCES units(id),
                version BIGINT NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                import_audit_id BIGINT
            )
            """,
            "CREATE INDEX cadres_unit ON cadres (unit_id)",
            // Decisions: drafts change nothing; approval writes the dated positions (the read side takes the state of any
            // date from their dates); voiding marks, never deletes.
            """
            CREATE TABLE cadre_decisions (
                id \(ddl.id),
                cadre_id BIGINT NOT NULL REFERENCES cadres(id),
                kind TEXT NOT NULL,
                status TEXT NOT NULL,
                decision_no TEXT NOT NULL,
                effective_on TEXT NOT NULL,
                note TEXT,
                closes_position_id BIGINT,
                open_unit_id BIGINT REFERENCES units(id),
                open_agency_id BIGINT REFERENCES agencies(id),
                open_title TEXT,
                open_managed_by TEXT,
                managed_by TEXT NOT NULL,
                proposed_by TEXT NOT NULL,
                proposed_at TEXT NOT NULL,
                approved_on TEXT,
                approved_by TEXT,
                voided_at TEXT,
                voided_by TEXT,
                void_decision_no TEXT,
                void_note TEXT,
                changes TEXT,
                version BIGINT NOT NULL DEFAULT 1
            )
            """,
            "CREATE INDEX cadre_decisions_cadre ON cadre_decisions (cadre_id, effective_on)",
            "CREATE INDEX cadre_decisions_approved ON cadre_decisions (approved_on)",
            // Positions held, at a party unit or an agency (exactly one). `decision_id` made it, `end_decision_id` ended it;
            // a voided decision's positions stay, marked.
            """
            CREATE TABLE positions (
                id \(ddl.id),
                cadre_id BIGINT NOT NULL REFERENCES cadres(id),
                unit_id BIGINT REFERENCES units(id),
                agency_id BIGINT REFERENCES agencies(id),
                title TEXT NOT NULL,
                is_head BIGINT NOT NULL,
                started_on TEXT NOT NULL,
                ended_on TEXT,
                start_kind TEXT,
                end_kind TEXT,
                managed_by TEXT NOT NULL,
                approved_on TEXT,
                decision_id BIGINT REFERENCES cadre_decisions(id),
                end_decision_id BIGINT REFERENCES cadre_decisions(id),
                voided_by_decision_id BIGINT REFERENCES cadre_decisions(id),
                import_audit_id BIGINT,
                created_at TEXT NOT NULL,
                CHECK ((unit_id IS NULL) <> (agency_id IS NULL))
            )
            """,
            "CREATE INDEX positions_cadre ON positions (cadre_id, started_on)",
            "CREATE INDEX positions_unit ON positions (unit_id)",
            "CREATE INDEX positions_agency ON positions (agency_id)",
            "CREATE INDEX positions_approved ON positions (approved_on)",
            """
            CREATE TABLE cadre_disciplines (
                id \(ddl.id),
                cadre_id BIGINT NOT NULL REFERENCES cadres(id),
                level TEXT NOT NULL,
                decided_on TEXT NOT NULL,
                decision_no TEXT NOT NULL,
                note TEXT,
                actor TEXT NOT NULL,
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX cadre_disciplines_cadre ON cadre_disciplines (cadre_id)",
        ]
    }
}
