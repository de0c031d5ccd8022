import Foundation

/// Planning of cadres per term (quy hoạch cán bộ, issue 5, DOMAIN.md §3). A list is one position at one place (a party
/// unit or an agency) for one term; its entries are never deleted: a removal is dated, with its kind and reason, and a
/// person planned again gets a new entry. Paths are not copied: scope is read through the place.
extension Migrator {
    static func planning(_ dialect: Dialect) -> [String] {
        let ddl = DDL(dialect: dialect)
        return [
            """
            CREATE TABLE planning_lists (
                id \(ddl.id),
                term TEXT NOT NULL,
                position TEXT NOT NULL,
                position_folded TEXT NOT NULL,
                unit_id BIGINT REFERENCES units(id),
                agency_id BIGINT REFERENCES agencies(id),
                place_key TEXT NOT NULL,
                managed_by TEXT NOT NULL,
                approved_on TEXT,
                approved_by TEXT,
                approval_no TEXT,
                version BIGINT NOT NULL DEFAULT 1,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                CHECK ((unit_id IS NULL) <> (agency_id IS NULL)),
                UNIQUE (term, place_key, position_folded)
            )
            """,
            "CREATE INDEX planning_lists_unit ON planning_lists (unit_id)",
            "CREATE INDEX planning_lists_agency ON planning_lists (agency_id)",
            // `approved_on` NULL: proposed, waiting for the managing level; `removed_on` set: no longer planned.
            """
            CREATE TABLE planning_entries (
                id \(ddl.id),
                list_id BIGINT NOT NULL REFERENCES planning_lists(id),
                cadre_id BIGINT NOT NULL REFERENCES cadres(id),
                added_on TEXT NOT NULL,
                added_reason TEXT,
                added_by TEXT NOT NULL,
                approved_on TEXT,
                approved_by TEXT,
                removed_on TEXT,
                removal_kind TEXT,
                removed_reason TEXT,
                removed_by TEXT,
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX planning_entries_list ON planning_entries (list_id)",
            "CREATE INDEX planning_entries_cadre ON planning_entries (cadre_id)",
        ]
    }
}
