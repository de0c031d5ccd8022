import Foundation

/// Training and exams (issue 5, DOMAIN.md §3; seed 004). Courses and exam sessions are organized by a party unit or an
/// agency (scope follows it); a trainee or candidate is a member (`member_id`) or a cadre who is not a member
/// (`cadre_id`), sent by (or working at) a party unit or an agency. Nothing with people in it is deleted: enrollments and
/// candidates entered by mistake are annulled with a reason; a course is cancelled; a training plan is closed.
/// Scores are hundredths of a point (72,5 is 7250), so that the pass mark compares exactly on both engines.
extension Migrator {
    static func training(_ dialect: Dialect) -> [String] {
        let ddl = DDL(dialect: dialect)
        return [
            """
            CREATE TABLE training_courses (
                id \(ddl.id),
                code TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                name_folded TEXT NOT NULL,
                unit_id BIGINT REFERENCES units(id),
                agency_id BIGINT REFERENCES agencies(id),
                place TEXT,
                starts_on TEXT NOT NULL,
                ends_on TEXT NOT NULL,
                decision_no TEXT,
                status TEXT,
                version BIGINT NOT NULL DEFAULT 1,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                import_audit_id BIGINT,
                CHECK ((unit_id IS NULL) <> (agency_id IS NULL))
            )
            """,
            "CREATE INDEX training_courses_starts ON training_courses (starts_on)",
            "CREATE INDEX training_courses_unit ON training_courses (unit_id)",
            "CREATE INDEX training_courses_agency ON training_courses (agency_id)",
            """
            CREATE TABLE training_enrollments (
                id \(ddl.id),
                course_id BIGINT NOT NULL REFERENCES training_courses(id),
                member_id BIGINT REFERENCES members(id),
                cadre_id BIGINT REFERENCES cadres(id),
                sending_unit_id BIGINT REFERENCES units(id),
                sending_agency_id BIGINT REFERENCES agencies(id),
                result TEXT,
                certificate_no TEXT,
                certificate_on TEXT,
                annulled_on TEXT,
                annul_reason TEXT,
                version BIGINT NOT NULL DEFAULT 1,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                import_audit_id BIGINT,
                CHECK ((member_id IS NULL) <> (cadre_id IS NULL)),
                CHECK ((sending_unit_id IS NULL) <> (sending_agency_id IS NULL))
            )
            """,
            "CREATE INDEX training_enrollments_course ON training_enrollments (course_id)",
            "CREATE INDEX training_enrollments_member ON training_enrollments (member_id)",
            "CREATE INDEX training_enrollments_cadre ON training_enrollments (cadre_id)",
            "CREATE INDEX training_enrollments_sending_unit ON training_enrollments (sending_unit_id)",
            "CREATE INDEX training_enrollments_sending_agency ON training_enrollments (sending_agency_id)",
            """
            CREATE TABLE exam_sessions (
                id \(ddl.id),
                code TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                name_folded TEXT NOT NULL,
                held_on TEXT NOT NULL,
                unit_id BIGINT REFERENCES units(id),
                agency_id BIGINT REFERENCES agencies(id),
                pass_mark BIGINT NOT NULL,
                version BIGINT NOT NULL DEFAULT 1,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                import_audit_id BIGINT,
                CHECK ((unit_id IS NULL) <> (agency_id IS NULL))
            )
            """,
            "CREATE INDEX exam_sessions_held ON exam_sessions (held_on)",
            "CREATE INDEX exam_sessions_unit ON exam_sessions (unit_id)",
            "CREATE INDEX exam_sessions_agency ON exam_sessions (agency_id)",
            """
            CREATE TABLE exam_candidates (
                id \(ddl.id),
                session_id BIGINT NOT NULL REFERENCES exam_sessions(id),
                member_id BIGINT REFERENCES members(id),
                cadre_id BIGINT REFERENCES cadres(id),
                work_unit_id BIGINT REFERENCES units(id),
                work_agency_id BIGINT REFERENCES agencies(id),
                score BIGINT,
                annulled_on TEXT,
                annul_reason TEXT,
                version BIGINT NOT NULL DEFAULT 1,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                import_audit_id BIGINT,
                CHECK ((member_id IS NULL) <> (cadre_id IS NULL)),
                CHECK ((work_unit_id IS NULL) <> (work_agency_id IS NULL)),
                CHECK (score IS NULL OR (score >= 0 AND score <= 10000))
            )
            """,
            "CREATE INDEX exam_candidates_session ON exam_candidates (session_id)",
            "CREATE INDEX exam_candidates_member ON exam_candidates (member_id)",
            "CREATE INDEX exam_candidates_cadre ON exam_candidates (cadre_id)",
            // One plan per failed candidate of a sát hạch; the course it names (optional) enrolls the person.
            """
            CREATE TABLE training_plans (
                id \(ddl.id),
                candidate_id BIGINT NOT NULL UNIQUE REFERENCES exam_candidates(id),
                training TEXT NOT NULL,
                deadline TEXT NOT NULL,
                course_id BIGINT REFERENCES training_courses(id),
                completed_on TEXT,
                closed_on TEXT,
                close_reason TEXT,
                version BIGINT NOT NULL DEFAULT 1,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                import_audit_id BIGINT
            )
            """,
            "CREATE INDEX training_plans_deadline ON training_plans (deadline)",
        ]
    }
}
