import Foundation

/// Proposals, documents and tasks (issue 7, DOMAIN.md §5). Scope follows units (paths are never copied): a document its
/// registry's unit, a proposal its sending and receiving units, a task the unit that carries it out. Nothing is deleted
/// but attachments; changes are in the audit log.
extension Migrator {
    static func between(_ dialect: Dialect) -> [String] {
        let ddl = DDL(dialect: dialect)
        let bytes = dialect == .sqlite ? "BLOB" : "BYTEA"
        return [
            // The registry (sổ văn bản). `number_key` compares numbers (DocumentNumber.key); `owner_key` is `central` for
            // central documents (one registry for everyone) or `u:<unit id>`, so a number is unique per registry and year.
            """
            CREATE TABLE documents (
                id \(ddl.id),
                unit_id BIGINT NOT NULL REFERENCES units(id),
                number TEXT NOT NULL,
                number_key \(ddl.binaryText) NOT NULL,
                serial BIGINT NOT NULL,
                kind TEXT NOT NULL,
                issuer TEXT NOT NULL,
                central BIGINT NOT NULL,
                owner_key TEXT NOT NULL,
                issued_on TEXT NOT NULL,
                issued_year BIGINT NOT NULL,
                title TEXT NOT NULL,
                title_folded \(ddl.binaryText) NOT NULL,
                note TEXT,
                version BIGINT NOT NULL DEFAULT 1,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                import_audit_id BIGINT,
                UNIQUE (number_key, issued_year, owner_key)
            )
            """,
            "CREATE INDEX documents_unit ON documents (unit_id, issued_on)",
            "CREATE INDEX documents_issued ON documents (issued_on)",
            // "A thay thế B": one row per replaced document.
            """
            CREATE TABLE document_replacements (
                document_id BIGINT NOT NULL REFERENCES documents(id),
                replaced_id BIGINT NOT NULL REFERENCES documents(id),
                PRIMARY KEY (document_id, replaced_id),
                CHECK (document_id <> replaced_id)
            )
            """,
            "CREATE INDEX document_replacements_replaced ON document_replacements (replaced_id)",
            """
            CREATE TABLE proposals (
                id \(ddl.id),
                kind TEXT NOT NULL,
                from_unit_id BIGINT NOT NULL REFERENCES units(id),
                to_unit_id BIGINT NOT NULL REFERENCES units(id),
                subject TEXT NOT NULL,
                subject_folded \(ddl.binaryText) NOT NULL,
                body TEXT NOT NULL,
                received_on TEXT NOT NULL,
                handler TEXT,
                status TEXT NOT NULL,
                answer TEXT,
                answered_on TEXT,
                answered_by TEXT,
                withdrawn_on TEXT,
                withdraw_reason TEXT,
                reminders BIGINT NOT NULL DEFAULT 0,
                last_reminded_on TEXT,
                version BIGINT NOT NULL DEFAULT 1,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                import_audit_id BIGINT,
                CHECK ((status = 'answered' AND answer IS NOT NULL AND answered_on IS NOT NULL) OR (status <> 'answered' AND answered_on IS NULL)),
                CHECK ((status = 'withdrawn' AND withdrawn_on IS NOT NULL) OR (status <> 'withdrawn' AND withdrawn_on IS NULL))
            )
            """,
            "CREATE INDEX proposals_to ON proposals (to_unit_id, received_on)",
            "CREATE INDEX proposals_from ON proposals (from_unit_id, received_on)",
            "CREATE INDEX proposals_answered ON proposals (answered_on)",
            // One row: the administrator's setting (ProposalSettings.standard until changed).
            """
            CREATE TABLE proposal_settings (
                id BIGINT PRIMARY KEY,
                reminder_working_days BIGINT NOT NULL,
                version BIGINT NOT NULL,
                updated_by TEXT,
                updated_at TEXT
            )
            """,
            "INSERT INTO proposal_settings (id, reminder_working_days, version) VALUES (1, 10, 1)",
            // Files of proposals (`side`: sender or receiver, who may remove them) and of documents.
            """
            CREATE TABLE attachments (
                id \(ddl.id),
                owner_kind TEXT NOT NULL,
                owner_id BIGINT NOT NULL,
                side TEXT NOT NULL,
                file_name TEXT NOT NULL,
                content_type TEXT NOT NULL,
                size BIGINT NOT NULL,
                sha256 TEXT NOT NULL,
                data \(bytes) NOT NULL,
                uploaded_by TEXT NOT NULL,
                uploaded_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX attachments_owner ON attachments (owner_kind, owner_id)",
            """
            CREATE TABLE tasks (
                id \(ddl.id),
                unit_id BIGINT NOT NULL REFERENCES units(id),
                assigned_by_unit_id BIGINT NOT NULL REFERENCES units(id),
                document_id BIGINT REFERENCES documents(id),
                title TEXT NOT NULL,
                title_folded \(ddl.binaryText) NOT NULL,
                description TEXT,
                owner TEXT,
                assigned_on TEXT NOT NULL,
                deadline TEXT NOT NULL,
                status TEXT NOT NULL,
                progress BIGINT NOT NULL DEFAULT 0,
                closed_on TEXT,
                close_reason TEXT,
                focus_year BIGINT,
                version BIGINT NOT NULL DEFAULT 1,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                import_audit_id BIGINT,
                CHECK (progress >= 0 AND progress <= 100),
                CHECK ((status IN ('done', 'cancelled') AND closed_on IS NOT NULL) OR (status IN ('open', 'in_progress') AND closed_on IS NULL))
            )
            """,
            "CREATE INDEX tasks_unit ON tasks (unit_id, deadline)",
            "CREATE INDEX tasks_document ON tasks (document_id)",
            "CREATE INDEX tasks_focus ON tasks (focus_year)",
            """
            CREATE TABLE task_notes (
                id \(ddl.id),
                task_id BIGINT NOT NULL REFERENCES tasks(id),
                noted_on TEXT NOT NULL,
                progress BIGINT,
                note TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX task_notes_task ON task_notes (task_id, noted_on)",
        ]
    }
}
