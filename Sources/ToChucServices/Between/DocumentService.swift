import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A document of the registry, as stored.
public struct DocumentRecord: Sendable, Equatable {
    public let id: Int64
    public let number: DocumentNumber
    public let issuedOn: CivilDate
    public let title: String
    public let note: String?
    /// The unit whose registry holds it.
    public let unitCode: String
    public let unitName: String
    public let unitPath: String
    /// Whether another document replaces it.
    public let isReplaced: Bool
    public let version: Int
    public let createdBy: String
    public let updatedAt: String

    public var isCentral: Bool { number.isCentral }

    /// The values the audit log keeps (and a stale save compares); `replaces` lists the numbers replaced.
    func auditValues(replaces: [String]) -> [String: String?] {
        [
            "number": number.text, "issued_on": issuedOn.iso, "title": title, "unit_code": unitCode, "note": note,
            "replaces": replaces.isEmpty ? nil : replaces.joined(separator: "; "), "version": String(version),
        ]
    }
}

/// A document of a replacement chain with how far it is.
public struct DocumentLink: Sendable, Equatable {
    public let document: DocumentRecord
    public let generation: Int
}

/// What in the system cites a document: a rule set by its regulation, a cadre decision, a planning approval or a
/// vetting conclusion by its number, a task by the document it implements.
public struct DocumentCitation: Sendable, Equatable {
    public let kind: CitationKind
    /// The record's id (nil for a rule set shipped with the program).
    public let id: Int64?
    /// What the record is: "Bổ nhiệm — Nguyễn Văn An", the task's title…
    public let text: String
    public let date: CivilDate?
}

/// Everything a document's page shows.
public struct DocumentDetail: Sendable {
    public let document: DocumentRecord
    /// The documents it replaces, and those they replaced…, nearest first (those the principal sees).
    public let replaces: [DocumentLink]
    /// The documents that replace it, and those that replaced them…, nearest first.
    public let replacedBy: [DocumentLink]
    public let files: [AttachmentInfo]
    public let citations: [DocumentCitation]
    /// Whether the principal may change it (its registry's unit is in scope).
    public let editable: Bool
}

/// What a list of documents is asked for; text values are checked by `DocumentService.list`.
public struct DocumentQuery: Sendable, Equatable {
    /// Words of the title, or (the start of) a number.
    public var text = ""
    /// Registries of this unit's subtree only.
    public var unitCode = ""
    public var kind = ""
    public var issuer = ""
    public var year = ""
    /// `in_force` or `replaced`.
    public var state = ""
    /// `issued_on` (newest first, the default), `number`, `title`.
    public var sort = ""
    public var page = 1
    public var perPage = 50

    public init() {}

    public static let states = ["in_force", "replaced"]
    public static let sorts = ["issued_on", "number", "title"]
}

/// The document registry (sổ văn bản, DOMAIN.md §5): numbers parsed into number, kind and issuer; date, title, files;
/// the documents each replaces (no cycles, both ways on the page); what in the system cites it.
///
/// Scope (DOMAIN.md §6, decided here): a document is visible to the users of its registry's unit and of the units below
/// it (who carry it out) and above it (whose subtree holds it); central documents (`DocumentNumber.isCentral`) to
/// everyone. Only users whose scope holds the registry's unit change it; central documents are entered by users of a
/// root unit (the top of the database's tree).
public struct DocumentService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    static let entity = "document"
    static let columns = """
        d.*, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path,
        CASE WHEN EXISTS (SELECT 1 FROM document_replacements r WHERE r.replaced_id = d.id) THEN 1 ELSE 0 END AS replaced
        """
    static let from = "documents d JOIN units u ON u.id = d.unit_id"

    static func document(from row: any SQLRow) throws -> DocumentRecord {
        func text(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        let number = try? DocumentNumber.parse(try row.decode(column: "number", as: String.self)).get()
        return DocumentRecord(
            id: try row.decode(column: "id", as: Int64.self),
            number: number ?? DocumentNumber(serial: 1, digits: "1", kind: .letter, issuer: "?"),
            issuedOn: try text("issued_on").flatMap { CivilDate(parsing: $0) } ?? UnitVersion.epoch, title: try text("title") ?? "", note: try text("note"),
            unitCode: try text("unit_code") ?? "", unitName: try text("unit_name") ?? "", unitPath: try text("unit_path") ?? "",
            isReplaced: try row.decode(column: "replaced", as: Int.self) != 0, version: try row.decode(column: "version", as: Int.self),
            createdBy: try text("created_by") ?? "", updatedAt: try text("updated_at") ?? "")
    }

    /// The documents the principal sees: central ones, those of registries in scope, those of registries above.
    static func visibility(_ principal: Principal) -> SQLQueryString {
        let range = principal.pathRange
        let above = BetweenStore.ancestorPaths(principal.unitPath)
        var filter: SQLQueryString = "(d.central = 1 OR (u.path >= \(bind: range.lower) AND u.path < \(bind: range.upper))"
        if !above.isEmpty { filter = filter + " OR u.path IN (\(binds: above))" }
        return filter + ")"
    }

    static func find(_ sql: any SQLDatabase, id: Int64) async throws -> DocumentRecord? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE d.id = \(bind: id)").first().map(document)
    }

    static func sees(_ principal: Principal, _ d: DocumentRecord) -> Bool {
        d.isCentral || principal.sees(path: d.unitPath) || principal.unitPath.hasPrefix(d.unitPath)
    }

    static func visible(_ sql: any SQLDatabase, _ principal: Principal, id: Int64) async throws -> DocumentRecord {
        guard let found = try await find(sql, id: id), sees(principal, found) else { throw DomainError.notFound(Catalogue.documentNotFound) }
        return found
    }

    /// A document the principal may change: visible, and its registry's unit in scope.
    static func editable(_ sql: any SQLDatabase, _ principal: Principal, id: Int64) async throws -> DocumentRecord {
        let found = try await visible(sql, principal, id: id)
        guard principal.sees(path: found.unitPath) else { throw DomainError.forbidden(Catalogue.documentReadOnly) }
        return found
    }

    /// Every replacement edge (replacer → replaced): the registry is small enough to walk whole.
    static func edges(_ sql: any SQLDatabase) async throws -> [Int64: [Int64]] {
        var edges: [Int64: [Int64]] = [:]
        for row in try await sql.raw("SELECT document_id, replaced_id FROM document_replacements").all() {
            edges[try row.decode(column: "document_id", as: Int64.self), default: []].append(try row.decode(column: "replaced_id", as: Int64.self))
        }
        return edges
    }

    /// The numbers a document replaces, as stored.
    static func replacedNumbers(_ sql: any SQLDatabase, id: Int64) async throws -> [String] {
        try await sql.raw(
            "SELECT d.number FROM document_replacements r JOIN documents d ON d.id = r.replaced_id WHERE r.document_id = \(bind: id) ORDER BY d.issued_on, d.id"
        ).all().map { try $0.decode(column: "number", as: String.self) }
    }

    /// The visible document with a number's key issued on or before `date` — the latest, when several registries or
    /// terms share the number.
    static func latest(_ sql: any SQLDatabase, _ principal: Principal, key: String, onOrBefore date: CivilDate?) async throws -> DocumentRecord? {
        var filter: SQLQueryString = "d.number_key = \(bind: key) AND \(visibility(principal))"
        if let date { filter = filter + " AND d.issued_on <= \(bind: date.iso)" }
        return try await sql.raw(
            "SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE \(filter) ORDER BY d.issued_on DESC, d.id DESC LIMIT 1"
        ).first().map(document)
    }

    // MARK: - Reading

    /// Checks a number as the form does, for the API and the form's messages: number, kind and issuer, or the problem.
    public func parse(_ text: String) throws -> DocumentNumber {
        switch DocumentNumber.parse(text) {
        case .success(let number): return number
        case .failure(let problem): throw DomainError.invalid(Catalogue.invalidInput, [FieldError("number", problem.message)])
        }
    }

    /// One document (`notFound` when the principal does not see it).
    public func get(_ principal: Principal, id: Int64) async throws -> DocumentRecord {
        try await db.read { sql in try await Self.visible(sql, principal, id: id) }
    }

    /// A document with its chains both ways, its files and what cites it.
    public func detail(_ principal: Principal, id: Int64) async throws -> DocumentDetail {
        try await db.read { sql in
            let document = try await Self.visible(sql, principal, id: id)
            let edges = try await Self.edges(sql)
            func links(_ chain: [ChainLink]) async throws -> [DocumentLink] {
                var out: [DocumentLink] = []
                for link in chain {
                    if let found = try await Self.find(sql, id: link.id), Self.sees(principal, found) {
                        out.append(DocumentLink(document: found, generation: link.generation))
                    }
                }
                return out
            }
            return DocumentDetail(
                document: document, replaces: try await links(DocumentChains.earlier(than: id, edges: edges)),
                replacedBy: try await links(DocumentChains.later(than: id, edges: edges)),
                files: try await BetweenStore.attachments(sql, owner: .document, id: id),
                citations: try await Self.citations(sql, principal, document), editable: principal.sees(path: document.unitPath))
        }
    }

    /// What cites the document, in the principal's scope: tasks implementing it; rule sets whose regulation is its
    /// number; cadre decisions, planning approvals and (for the roles that see vetting details) vetting conclusions whose
    /// number is its number (compared by `DocumentNumber.key`, so `680-QD/TU` cites `680-QĐ/TU`).
    static func citations(_ sql: any SQLDatabase, _ principal: Principal, _ document: DocumentRecord) async throws -> [DocumentCitation] {
        let key = document.number.key
        let range = principal.pathRange
        // Stored numbers are free text: the serial narrows the rows, the parser decides.
        let digits = "%" + String(document.number.serial) + "%"
        var out: [DocumentCitation] = []
        for row in try await sql.raw(
            """
            SELECT t.id, t.title, t.assigned_on FROM tasks t JOIN units tu ON tu.id = t.unit_id
            WHERE t.document_id = \(bind: document.id) AND tu.path >= \(bind: range.lower) AND tu.path < \(bind: range.upper) ORDER BY t.assigned_on, t.id
            """
        ).all() {
            out.append(
                DocumentCitation(
                    kind: .task, id: try row.decode(column: "id", as: Int64.self), text: try row.decode(column: "title", as: String.self),
                    date: CivilDate(parsing: try row.decode(column: "assigned_on", as: String.self))))
        }
        let shipped = RuleBook.builtIn.map { RuleSetRecord(id: nil, version: $0, createdBy: nil, createdAt: nil, voidReason: nil) }
        let rules = shipped + (try await RuleService.added(sql)).filter { !$0.isVoided }
        for record in rules where DocumentNumber.key(of: record.version.regulation) == key {
            out.append(
                DocumentCitation(
                    kind: .ruleSet, id: record.id, text: record.version.family.label.vi + " — " + record.version.title, date: record.version.effectiveFrom))
        }
        for row in try await sql.raw(
            """
            SELECT d.id, d.decision_no, d.kind, d.effective_on, COALESCE(m.full_name, c.full_name) AS cadre_name FROM \(unsafeRaw: CadreStore.decisionFrom)
            JOIN units cu ON cu.id = c.unit_id WHERE d.decision_no LIKE \(bind: digits) AND \(CadreStore.cadreInRange(range)) ORDER BY d.effective_on, d.id
            """
        ).all() where DocumentNumber.key(of: try row.decode(column: "decision_no", as: String.self)) == key {
            let kind = CadreDecisionKind(rawValue: try row.decode(column: "kind", as: String.self))
            out.append(
                DocumentCitation(
                    kind: .decision, id: try row.decode(column: "id", as: Int64.self),
                    text: (kind?.label.vi ?? "") + " — " + (try row.decode(column: "cadre_name", as: String.self)),
                    date: CivilDate(parsing: try row.decode(column: "effective_on", as: String.self))))
        }
        for row in try await sql.raw(
            """
            SELECT l.id, l.position, l.term, l.approval_no, l.approved_on, \(unsafeRaw: PlanningService.listPath) AS place_path,
                COALESCE(lu.name, la.name) AS place_name FROM \(unsafeRaw: PlanningService.listFrom)
            WHERE l.approval_no LIKE \(bind: digits) AND \(unsafeRaw: PlanningService.listPath) >= \(bind: range.lower)
                AND \(unsafeRaw: PlanningService.listPath) < \(bind: range.upper) ORDER BY l.approved_on, l.id
            """
        ).all() where DocumentNumber.key(of: try row.decode(column: "approval_no", as: String?.self) ?? "") == key {
            out.append(
                DocumentCitation(
                    kind: .planning, id: try row.decode(column: "id", as: Int64.self),
                    text: (try row.decode(column: "position", as: String.self)) + " — " + (try row.decode(column: "place_name", as: String.self)) + " ("
                        + (try row.decode(column: "term", as: String.self)) + ")",
                    date: try row.decode(column: "approved_on", as: String?.self).flatMap { CivilDate(parsing: $0) }))
        }
        if VettingRules.seesDetails(principal.role) {
            for row in try await sql.raw(
                """
                SELECT \(unsafeRaw: VettingService.columns) FROM \(unsafeRaw: VettingService.from)
                WHERE v.document_no LIKE \(bind: digits) AND u.path >= \(bind: range.lower) AND u.path < \(bind: range.upper) ORDER BY v.concluded_on, v.id
                """
            ).all() {
                let c = try VettingService.vettingCase(from: row)
                guard let outcome = c.outcome, DocumentNumber.key(of: outcome.documentNo) == key else { continue }
                out.append(DocumentCitation(kind: .vetting, id: c.id, text: c.purpose.label.vi + " — " + c.person.fullName, date: outcome.concludedOn))
            }
        }
        return out
    }

    /// Documents the principal sees, filtered, sorted and paged.
    public func list(_ principal: Principal, _ query: DocumentQuery) async throws -> Page<DocumentRecord> {
        let bounds = BetweenStore.bounds(page: query.page, perPage: query.perPage)
        return try await db.read { sql in
            let (filter, order) = try await Self.filter(sql, principal, query)
            let total = try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: Self.from) WHERE \(filter)").first()?.decode(column: "n", as: Int.self) ?? 0
            let items = try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: Self.from) WHERE \(filter)
                ORDER BY \(unsafeRaw: order), d.id DESC LIMIT \(literal: bounds.perPage) OFFSET \(literal: bounds.offset)
                """
            ).all().map(Self.document)
            return Page(items: items, page: bounds.page, perPage: bounds.perPage, total: total)
        }
    }

    static func filter(_ sql: any SQLDatabase, _ principal: Principal, _ query: DocumentQuery) async throws -> (SQLQueryString, String) {
        var errors: [FieldError] = []
        var filter = visibility(principal)
        if !query.unitCode.trimmed.isEmpty {
            guard let unit = try await BetweenStore.unit(sql, principal, code: query.unitCode) else { throw DomainError.notFound(Catalogue.unitNotFound) }
            let range = PathRange.of(unit.path)
            filter = filter + " AND u.path >= \(bind: range.lower) AND u.path < \(bind: range.upper)"
        }
        let text = query.text.trimmed
        if !text.isEmpty {
            if let key = DocumentNumber.key(of: text) {
                filter = filter + " AND d.number_key = \(bind: key)"
            } else if text.first?.isNumber == true {
                // The start of a number: "680", "680-QĐ".
                let start = DocumentNumber.fold(text.filter { !$0.isWhitespace })
                filter = filter + " AND (d.number_key LIKE \(bind: start + "%") OR d.number_key LIKE \(bind: "%" + start + "%"))"
            } else if let words = BetweenStore.textFilter("d.title_folded", text) {
                filter = filter + " AND (\(words))"
            }
        }
        if let kind = BetweenStore.value(query.kind, field: "kind", errors: &errors, DocumentKind.parse) {
            filter = filter + " AND d.kind = \(bind: kind.rawValue)"
        }
        if let issuer = BetweenStore.value(query.issuer, field: "issuer", errors: &errors, DocumentNumber.canonicalIssuer) {
            filter = filter + " AND d.number_key LIKE \(bind: "%/" + DocumentNumber.fold(issuer))"
        }
        if let year = BetweenStore.value(query.year, field: "year", errors: &errors, { Int($0).flatMap { (1900...2100).contains($0) ? $0 : nil } }) {
            filter = filter + " AND d.issued_year = \(bind: year)"
        }
        switch BetweenStore.value(query.state, field: "state", errors: &errors, { DocumentQuery.states.contains($0) ? $0 : nil }) {
        case "in_force": filter = filter + " AND NOT EXISTS (SELECT 1 FROM document_replacements r WHERE r.replaced_id = d.id)"
        case "replaced": filter = filter + " AND EXISTS (SELECT 1 FROM document_replacements r WHERE r.replaced_id = d.id)"
        default: break
        }
        let sort = BetweenStore.value(query.sort, field: "sort", errors: &errors, { DocumentQuery.sorts.contains($0) ? $0 : nil }) ?? "issued_on"
        if !errors.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        let order = ["issued_on": "d.issued_on DESC", "number": "d.kind, d.serial, d.issuer", "title": "d.title_folded"][sort]!
        return (filter, order)
    }

    /// The documents of a list as a spreadsheet (every page; header first), in the principal's language.
    public func exportRows(_ principal: Principal, _ query: DocumentQuery) async throws -> [[String]] {
        let language = principal.language
        var rows: [[String]] = [
            [Catalogue.documentNumberLabel, Catalogue.documentKindLabel, Catalogue.documentIssuer, Catalogue.documentIssuedOn, Catalogue.documentTitle,
             Catalogue.documentRegistry, Catalogue.documentState].map { $0.text(language) }
        ]
        let documents = try await BetweenStore.allPages { page, perPage in
            var q = query
            q.page = page
            q.perPage = perPage
            return try await list(principal, q)
        }
        for d in documents {
            rows.append([
                d.number.text, d.number.kind.label.text(language), d.number.issuerName?.text(language) ?? d.number.issuer,
                BetweenStore.date(d.issuedOn, language), d.title, d.unitName,
                (d.isReplaced ? Catalogue.documentReplaced : Catalogue.documentInForce).text(language),
            ])
        }
        return rows
    }

    /// The changes of a document, oldest first (with the import that made it, when one did).
    public func history(_ principal: Principal, id: Int64) async throws -> [AuditEntry] {
        try await db.read { sql in
            let found = try await Self.visible(sql, principal, id: id)
            return try await AuditLog.history(sql, entity: Self.entity, key: String(found.id), importedInto: "documents", rowId: found.id)
        }
    }

    // MARK: - Writing

    /// Registers a document in the registry of a unit in scope (default: the principal's). The number must parse and be
    /// new in that registry for its year; central documents go to a root unit's registry; each number it replaces must
    /// be a visible document issued on or before it.
    public func create(_ principal: Principal, _ draft: DocumentDraft, today: CivilDate = Timestamp.vietnamDate()) async throws -> DocumentRecord {
        try principal.requireWrite()
        let checked = DocumentRules.check(draft, today: today)
        return try await db.write { sql in
            var errors: [FieldError] = []
            if case .failure(.invalid(_, let found)) = checked { errors += found }
            let unit = try await BetweenStore.unit(sql, principal, code: draft.unitCode)
            if unit == nil { errors.append(FieldError("unit_code", Catalogue.unitNotFound)) }
            guard errors.isEmpty, let valid = try? checked.get(), let unit else { throw DomainError.invalid(Catalogue.invalidInput, errors) }
            let replaced = try await Self.resolve(sql, principal, valid, unit: unit, current: nil)
            let id = try await Self.insert(sql, principal, valid, unit: unit, importAuditId: nil)
            try await Self.setReplacements(sql, id: id, replaced: replaced.map(\.id))
            let created = try await Self.find(sql, id: id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: Self.entity, key: String(id),
                unitPath: created.unitPath, old: nil, new: created.auditValues(replaces: replaced.map(\.number.text)))
            return created
        }
    }

    /// Corrects a document at the version the user started from (a stale save is refused with what changed); the list
    /// of documents it replaces is set anew (no cycle may result).
    public func update(
        _ principal: Principal, id: Int64, _ draft: DocumentDraft, expectedVersion: Int, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> DocumentRecord {
        try principal.requireWrite()
        let checked = DocumentRules.check(draft, today: today)
        return try await db.write { sql in
            let current = try await Self.editable(sql, principal, id: id)
            let oldReplaces = try await Self.replacedNumbers(sql, id: id)
            if current.version != expectedVersion {
                throw try await AuditLog.staleSave(
                    sql, entity: Self.entity, key: String(id), baseVersion: expectedVersion, current: current.auditValues(replaces: oldReplaces),
                    currentVersion: current.version, fallback: [:])
            }
            var errors: [FieldError] = []
            if case .failure(.invalid(_, let found)) = checked { errors += found }
            let unit = try await BetweenStore.unit(sql, principal, code: draft.unitCode.trimmed.isEmpty ? current.unitCode : draft.unitCode)
            if unit == nil { errors.append(FieldError("unit_code", Catalogue.unitNotFound)) }
            guard errors.isEmpty, let valid = try? checked.get(), let unit else { throw DomainError.invalid(Catalogue.invalidInput, errors) }
            let replaced = try await Self.resolve(sql, principal, valid, unit: unit, current: current)
            try await sql.raw(
                """
                UPDATE documents SET unit_id = \(bind: unit.id), number = \(bind: valid.number.text), number_key = \(bind: valid.number.key),
                    serial = \(bind: valid.number.serial), kind = \(bind: valid.number.kind.rawValue), issuer = \(bind: valid.number.issuer),
                    central = \(bind: valid.number.isCentral ? 1 : 0), owner_key = \(bind: Self.ownerKey(valid.number, unit: unit)),
                    issued_on = \(bind: valid.issuedOn.iso), issued_year = \(bind: valid.issuedOn.year), title = \(bind: valid.title),
                    title_folded = \(bind: VietnameseText.fold(valid.title)), note = \(bind: valid.note.isEmpty ? nil : valid.note),
                    version = version + 1, updated_at = \(bind: Timestamp.now())
                WHERE id = \(bind: id) AND version = \(bind: expectedVersion)
                """
            ).run()
            try await Self.setReplacements(sql, id: id, replaced: replaced.map(\.id))
            let saved = try await Self.find(sql, id: id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: Self.entity, key: String(id),
                unitPath: saved.unitPath, old: current.auditValues(replaces: oldReplaces), new: saved.auditValues(replaces: replaced.map(\.number.text)))
            return saved
        }
    }

    static func ownerKey(_ number: DocumentNumber, unit: OrgUnit) -> String { number.isCentral ? "central" : "u:\(unit.id)" }

    /// The checks that need the database: a central document in a root unit's registry, a number new in its registry
    /// for the year, and the documents it replaces — each found among the visible ones issued on or before it, none
    /// closing a chain back to it. Returns the replaced documents.
    static func resolve(
        _ sql: any SQLDatabase, _ principal: Principal, _ valid: ValidDocument, unit: OrgUnit, current: DocumentRecord?
    ) async throws -> [DocumentRecord] {
        var errors: [FieldError] = []
        if valid.number.isCentral && unit.parentCode != nil {
            errors.append(FieldError("number", Catalogue.documentCentralNeedsRoot(valid.number.text)))
        }
        if let same = try await sql.raw(
            """
            SELECT id FROM documents WHERE number_key = \(bind: valid.number.key) AND issued_year = \(bind: valid.issuedOn.year)
            AND owner_key = \(bind: ownerKey(valid.number, unit: unit))
            """
        ).first()?.decode(column: "id", as: Int64.self), same != current?.id {
            errors.append(FieldError("number", Catalogue.documentExists(valid.number.text, valid.issuedOn.year)))
        }
        var replaced: [DocumentRecord] = []
        for number in valid.replaces {
            guard let found = try await latest(sql, principal, key: number.key, onOrBefore: valid.issuedOn), found.id != current?.id else {
                errors.append(FieldError("replaces", Catalogue.documentReplacedNotFound(number.text, valid.issuedOn)))
                continue
            }
            replaced.append(found)
        }
        if let current, errors.isEmpty {
            let cycles = DocumentChains.cycles(document: current.id, replacing: replaced.map(\.id), edges: try await edges(sql))
            for id in cycles {
                let text = replaced.first { $0.id == id }?.number.text ?? String(id)
                errors.append(FieldError("replaces", Catalogue.documentReplacementCycle(text)))
            }
        }
        if !errors.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        return replaced
    }

    static func insert(_ sql: any SQLDatabase, _ principal: Principal, _ valid: ValidDocument, unit: OrgUnit, importAuditId: Int64?) async throws -> Int64 {
        let now = Timestamp.now()
        return try await sql.raw(
            """
            INSERT INTO documents (unit_id, number, number_key, serial, kind, issuer, central, owner_key, issued_on, issued_year, title, title_folded, note,
                version, created_by, created_at, updated_at, import_audit_id)
            VALUES (\(bind: unit.id), \(bind: valid.number.text), \(bind: valid.number.key), \(bind: valid.number.serial), \(bind: valid.number.kind.rawValue),
                \(bind: valid.number.issuer), \(bind: valid.number.isCentral ? 1 : 0), \(bind: ownerKey(valid.number, unit: unit)), \(bind: valid.issuedOn.iso),
                \(bind: valid.issuedOn.year), \(bind: valid.title), \(bind: VietnameseText.fold(valid.title)), \(bind: valid.note.isEmpty ? nil : valid.note),
                1, \(bind: principal.actor), \(bind: now), \(bind: now), \(bind: importAuditId))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int64.self)
    }

    static func setReplacements(_ sql: any SQLDatabase, id: Int64, replaced: [Int64]) async throws {
        try await sql.raw("DELETE FROM document_replacements WHERE document_id = \(bind: id)").run()
        for target in Set(replaced).sorted() {
            try await sql.raw("INSERT INTO document_replacements (document_id, replaced_id) VALUES (\(bind: id), \(bind: target))").run()
        }
    }

    // MARK: - Files

    /// Attaches a file (checked by `AttachmentRules`) to a document the principal may change.
    public func attach(_ principal: Principal, id: Int64, fileName: String, data: Data) async throws -> AttachmentInfo {
        try principal.requireWrite()
        let file = try BetweenStore.checkFile(fileName: fileName, data: data)
        return try await db.write { sql in
            let document = try await Self.editable(sql, principal, id: id)
            return try await BetweenStore.insertAttachment(
                sql, principal, owner: .document, id: id, side: AttachmentOwner.document.rawValue, file: file, data: data, entity: Self.entity,
                unitPath: document.unitPath)
        }
    }
}
