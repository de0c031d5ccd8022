import Foundation

/// Political-standard vetting cases (thẩm định tiêu chuẩn chính trị, issue 5, DOMAIN.md §3). A case names its person
/// one of three ways: a member (`member_id`), a cadre who is not a member (`cadre_id`), or a person in neither register
/// (`full_name` and `national_id` on the case). Scope follows the handling unit (`unit_id`); paths are not copied.
/// Cases are never deleted: a correction is a change recorded in the audit log with its reason.
extension Migrator {
    static func vetting(_ dialect: Dialect) -> [String] {
        let ddl = DDL(dialect: dialect)
        return [
            """
            CREATE TABLE vetting_cases (
                id \(ddl.id),
                member_id BIGINT REFERENCES members(id),
                cadre_id BIGINT REFERENCES cadres(id),
                full_name TEXT,
                name_folded \(ddl.binaryText),
                name_sort_key \(ddl.binaryText),
                national_id TEXT,
                birth_date TEXT,
                purpose TEXT NOT NULL,
                unit_id BIGINT NOT NULL REFERENCES units(id),
                received_on TEXT NOT NULL,
                deadline TEXT NOT NULL,
                status TEXT NOT NULL,
                conclusion TEXT,
                concluded_on TEXT,
                document_no TEXT,
                note TEXT,
                version BIGINT NOT NULL DEFAULT 1,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                import_audit_id BIGINT,
                CHECK (member_id IS NOT NULL OR cadre_id IS NOT NULL OR (full_name IS NOT NULL AND national_id IS NOT NULL)),
                CHECK ((status = 'concluded' AND conclusion IS NOT NULL AND concluded_on IS NOT NULL AND document_no IS NOT NULL)
                    OR (status <> 'concluded' AND conclusion IS NULL AND concluded_on IS NULL))
            )
            """,
            "CREATE INDEX vetting_cases_unit ON vetting_cases (unit_id, received_on)",
            "CREATE INDEX vetting_cases_member ON vetting_cases (member_id)",
            "CREATE INDEX vetting_cases_cadre ON vetting_cases (cadre_id)",
            "CREATE INDEX vetting_cases_national_id ON vetting_cases (national_id)",
            "CREATE INDEX vetting_cases_concluded ON vetting_cases (concluded_on)",
            "CREATE INDEX vetting_cases_open ON vetting_cases (status, deadline)",
            // One row: the administrator's settings (VettingSettings.standard until changed).
            """
            CREATE TABLE vetting_settings (
                id BIGINT PRIMARY KEY,
                deadline_working_days BIGINT NOT NULL,
                warning_working_days BIGINT NOT NULL,
                version BIGINT NOT NULL,
                updated_by TEXT,
                updated_at TEXT
            )
            """,
            "INSERT INTO vetting_settings (id, deadline_working_days, warning_working_days, version) VALUES (1, 30, 5, 1)",
        ]
    }
}
