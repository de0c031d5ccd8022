import Foundation

/// Congresses and elections (issue 6, DOMAIN.md §4). Scope follows the unit each row names (no copied path).
extension Migrator {
    static func congresses(_ dialect: Dialect) -> [String] {
        let ddl = DDL(dialect: dialect)
        return [
            // One congress per unit and term ("2020-2025"); the term's years are copied out so that progress can select
            // a round by range. `held_on` is empty while the congress is only planned.
            """
            CREATE TABLE congresses (
                id \(ddl.id),
                unit_id BIGINT NOT NULL REFERENCES units(id),
                term TEXT NOT NULL,
                term_first_year BIGINT NOT NULL,
                term_last_year BIGINT NOT NULL,
                planned_on TEXT,
                held_on TEXT,
                pilot BIGINT NOT NULL DEFAULT 0,
                direct_secretary BIGINT NOT NULL DEFAULT 0,
                delegates BIGINT,
                committee_elected BIGINT,
                note TEXT,
                version BIGINT NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                import_audit_id BIGINT,
                UNIQUE (unit_id, term)
            )
            """,
            "CREATE INDEX congresses_round ON congresses (unit_id, term_first_year, held_on)",
            // An election at a congress (or at a conference of the committee: no congress): the body, the title its
            // members will hold, the seats, the delegates present. Approval (chuẩn y) by the higher level writes the
            // positions through cadre decisions.
            """
            CREATE TABLE elections (
                id \(ddl.id),
                unit_id BIGINT NOT NULL REFERENCES units(id),
                congress_id BIGINT REFERENCES congresses(id),
                body TEXT NOT NULL,
                title TEXT NOT NULL,
                held_on TEXT NOT NULL,
                seats BIGINT NOT NULL,
                delegates BIGINT NOT NULL,
                status TEXT NOT NULL,
                approval_no TEXT,
                approved_on TEXT,
                approved_by TEXT,
                version BIGINT NOT NULL DEFAULT 1,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX elections_unit ON elections (unit_id, held_on)",
            "CREATE INDEX elections_congress ON elections (congress_id)",
            // A name proposed for the list: a member or a cadre (the one approval makes a position for), where it came from
            // and, for floor and self nominations, how many delegates agreed.
            """
            CREATE TABLE election_candidates (
                id \(ddl.id),
                election_id BIGINT NOT NULL REFERENCES elections(id),
                member_id BIGINT REFERENCES members(id),
                cadre_id BIGINT REFERENCES cadres(id),
                full_name TEXT NOT NULL,
                source TEXT NOT NULL,
                agreed BIGINT,
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX election_candidates_election ON election_candidates (election_id)",
            // Rounds: the first on the admitted list, then re-votes among the tied or further rounds the body decides.
            // The count is empty until entered from the paper tally; only counts are stored, never a ballot.
            """
            CREATE TABLE election_rounds (
                id \(ddl.id),
                election_id BIGINT NOT NULL REFERENCES elections(id),
                round_no BIGINT NOT NULL,
                seats BIGINT NOT NULL,
                reason TEXT NOT NULL,
                issued BIGINT,
                returned BIGINT,
                valid BIGINT,
                invalid BIGINT,
                counted_at TEXT,
                counted_by TEXT,
                UNIQUE (election_id, round_no)
            )
            """,
            """
            CREATE TABLE election_votes (
                round_id BIGINT NOT NULL REFERENCES election_rounds(id),
                candidate_id BIGINT NOT NULL REFERENCES election_candidates(id),
                votes BIGINT,
                PRIMARY KEY (round_id, candidate_id)
            )
            """,
        ]
    }
}
