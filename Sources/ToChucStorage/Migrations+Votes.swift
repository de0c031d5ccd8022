import Foundation

/// Confidence votes and cell meetings (issue 6, DOMAIN.md §4).
///
/// Ballots are secret (Quy định 96-QĐ/TW): these tables keep only the counts entered from the paper tally. No table
/// holds who voted, nor links any voter to any ballot — a session knows how many were convened and present, never who.
extension Migrator {
    static func votesAndMeetings(_ dialect: Dialect) -> [String] {
        let ddl = DDL(dialect: dialect)
        return [
            // A session of a body (committee, standing committee, conference) of a unit: scope follows the unit. `round`
            // is the round it belongs to (đợt lấy phiếu, "2026"); `round_key` its folded form, which the limit of places
            // per round compares across the whole database.
            """
            CREATE TABLE vote_sessions (
                id \(ddl.id),
                unit_id BIGINT NOT NULL REFERENCES units(id),
                body_kind TEXT NOT NULL,
                body_name TEXT NOT NULL,
                round TEXT NOT NULL,
                round_key TEXT NOT NULL,
                held_on TEXT NOT NULL,
                convened BIGINT NOT NULL,
                present BIGINT NOT NULL,
                note TEXT,
                version BIGINT NOT NULL DEFAULT 1,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX vote_sessions_unit ON vote_sessions (unit_id, held_on)",
            "CREATE INDEX vote_sessions_round ON vote_sessions (round_key)",
            // A person voted on at a session, for a post, with the counts of the tally once entered (all null before).
            """
            CREATE TABLE vote_subjects (
                id \(ddl.id),
                session_id BIGINT NOT NULL REFERENCES vote_sessions(id),
                cadre_id BIGINT NOT NULL REFERENCES cadres(id),
                position TEXT NOT NULL,
                ballots_issued BIGINT,
                ballots_returned BIGINT,
                ballots_valid BIGINT,
                ballots_invalid BIGINT,
                votes_high BIGINT,
                votes_medium BIGINT,
                votes_low BIGINT,
                version BIGINT NOT NULL DEFAULT 1,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                UNIQUE (session_id, cadre_id)
            )
            """,
            "CREATE INDEX vote_subjects_cadre ON vote_subjects (cadre_id)",
            // A meeting of a cell: monthly or thematic, its date (a future date is a scheduled meeting), topics and the
            // text of its resolution.
            """
            CREATE TABLE cell_meetings (
                id \(ddl.id),
                unit_id BIGINT NOT NULL REFERENCES units(id),
                meets_on TEXT NOT NULL,
                kind TEXT NOT NULL,
                topics TEXT,
                resolution TEXT,
                version BIGINT NOT NULL DEFAULT 1,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX cell_meetings_unit ON cell_meetings (unit_id, meets_on)",
            // Each member's attendance at a meeting; the reason of an excused absence.
            """
            CREATE TABLE meeting_attendance (
                meeting_id BIGINT NOT NULL REFERENCES cell_meetings(id),
                member_id BIGINT NOT NULL REFERENCES members(id),
                attendance TEXT NOT NULL,
                reason TEXT,
                PRIMARY KEY (meeting_id, member_id)
            )
            """,
            "CREATE INDEX meeting_attendance_member ON meeting_attendance (member_id)",
            // A member's dues of a month (`2026-03`): paid (amount in đồng when known) or not paid; no row: not entered.
            // `unit_id` is the cell that recorded it.
            """
            CREATE TABLE party_dues (
                id \(ddl.id),
                member_id BIGINT NOT NULL REFERENCES members(id),
                unit_id BIGINT NOT NULL REFERENCES units(id),
                month TEXT NOT NULL,
                paid BIGINT NOT NULL,
                amount BIGINT,
                version BIGINT NOT NULL DEFAULT 1,
                updated_by TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                UNIQUE (member_id, month)
            )
            """,
            "CREATE INDEX party_dues_unit ON party_dues (unit_id, month)",
        ]
    }
}
