import Foundation
import ToChucDomain
import ToChucServices
import ToChucStorage

/// The members part of `tochuc bench` (issue 4): import rate of the first million and name search on the full set,
/// each beside the raw engine doing the same work in the same run.
struct MemberBench {
    let services: AppServices
    let location: DatabaseLocation
    let work: URL
    let importCount: Int
    let searchCount: Int
    let queries: Int
    let cli = Principal.commandLine(osUser: "bench")

    typealias Row = (String, String, String, String)

    /// Raw engine's tables: the members file's columns plus the derived ones our import computes (folded name, sort
    /// key) loaded precomputed, with the same indexes as ours; the word index as a second table with its two indexes.
    static let rawMemberColumns = MembersFile.columns.map(\.name) + ["name_folded", "name_sort_key"]

    func run(unitRows: [[String]]) async throws -> [Row] {
        var results: [Row] = []
        let total = max(importCount, searchCount)
        guard total > 0 else { return [] }
        let cells = DemoService.cells(of: unitRows)
        // Generate once (card numbers are unique within one call), then cut into files of at most one million rows.
        var rows = DemoMembers.rows(cells: cells, perCell: 12...34, today: Timestamp.vietnamDate(), seed: 7)
        let header = rows[0]
        var members = Array(rows.dropFirst().prefix(total))
        rows = []
        let chunkSize = max(1, importCount > 0 ? importCount : 1_000_000)
        var chunks: [ArraySlice<[String]>] = []
        var start = 0
        while start < members.count {
            chunks.append(members[start..<min(start + chunkSize, members.count)])
            start += chunkSize
        }
        let rawDB = work.appendingPathComponent("raw-members.sqlite").path
        var nextRawId = 1
        var termFrequency: [String: Int] = [:]
        for (index, chunk) in chunks.enumerated() {
            let folder = work.appendingPathComponent("members-\(index)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try DemoService.writeCSV([header] + Array(chunk), to: folder.appendingPathComponent(MembersFile.fileName))
            // The raw engine's files: the same rows with the derived columns and the word index, computed here (untimed).
            let rawFolder = work.appendingPathComponent("raw-\(index)")
            try FileManager.default.createDirectory(at: rawFolder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: rawFolder) }
            let rawMembers = rawFolder.appendingPathComponent("raw_members.csv")
            let rawTerms = rawFolder.appendingPathComponent("raw_terms.csv")
            var memberLines = ""
            var termLines = ""
            memberLines.reserveCapacity(chunk.count * 200)
            termLines.reserveCapacity(chunk.count * 40)
            for row in chunk {
                let terms = MemberSearchIndex.terms(row[2])
                let sortKey = VietnameseText.nameSortKey(row[2])
                let folded = MemberSearchIndex.foldedName(terms)
                memberLines += CSV.line([String(nextRawId)] + row + [folded, sortKey])
                for term in terms {
                    termLines += CSV.line([term, sortKey, String(nextRawId), folded])
                    termFrequency[term, default: 0] += 1
                }
                nextRawId += 1
            }
            try Data(memberLines.utf8).write(to: rawMembers)
            try Data(termLines.utf8).write(to: rawTerms)
            memberLines = ""
            termLines = ""

            // The files just written go to disk first, so that neither timed load shares the disk with their writeback.
            try Shell.run("sync", [])
            let ours = try await Clock.seconds { _ = try await services.interchange.importDataset(cli, at: folder) }
            let first = index == 0
            if first {
                try Shell.run("sync", [])
                let raw = try Clock.seconds { try rawLoad(rawDB, members: rawMembers, terms: rawTerms, createTables: true) }
                results.append(("Import of \(VietnameseFormat.integer(chunk.count)) members (members.csv)", Bench.rate(chunk.count, ours),
                    Bench.rate(chunk.count, raw), Bench.ratio(ours, raw)))
            } else {
                try rawLoad(rawDB, members: rawMembers, terms: rawTerms, createTables: false)
                results.append(("Import of \(VietnameseFormat.integer(chunk.count)) more members (after \(VietnameseFormat.integer(index * chunkSize)))",
                    Bench.rate(chunk.count, ours), "—", "—"))
            }
            try? FileManager.default.removeItem(at: folder)
        }
        guard searchCount > 0 else { return results }
        results += try await search(members: members, termFrequency: termFrequency, rawDB: rawDB)
        members = []
        return results
    }

    /// Name search as a clerk types it, without accents: whole names, family + given name, given name alone, and
    /// family name + the first letters of the given name. Our search (count + first page of 20 in Vietnamese
    /// name order) against the raw engine answering the same with its rarest word's index.
    func search(members: [[String]], termFrequency: [String: Int], rawDB: String) async throws -> [Row] {
        var generator = SplitMix(seed: 42)
        let texts = Self.typedQueries(count: queries) { members[Int(generator.next() % UInt64(members.count))][2] }
        var ours: [Double] = []
        var lowerBounds = 0
        for text in texts {
            let query = Self.query(text)
            var page: Page<Member>? = nil
            ours.append(try await Clock.seconds { page = try await services.members.search(cli, query) })
            if page?.totalIsLowerBound == true { lowerBounds += 1 }
        }
        // The raw engine: the rarest word (by prefix) drives, the others are checked on the folded name.
        var statements: [String] = []
        for text in texts {
            let words = MemberSearchIndex.terms(text)
            let rarest = words.min { prefixCount($0, termFrequency) < prefixCount($1, termFrequency) }!
            statements += Self.rawSearch(words: words, rarest: rarest, members: "raw_members", terms: "raw_terms", sqlite: location.isSQLite)
        }
        let times = try Bench.rawStatementTimes(location, sqlitePath: rawDB, statements: statements)
        let raw = Bench.pairSums(times)
        let count = VietnameseFormat.integer(members.count)
        let label = "Name search on \(count) members, \(texts.count) typed queries"
        return [
            ("\(label): p50", Bench.ms(Bench.percentile(ours, 0.50)), Bench.ms(Bench.percentile(raw, 0.50)), Bench.ratio(Bench.percentile(ours, 0.50), Bench.percentile(raw, 0.50))),
            ("\(label): p95", Bench.ms(Bench.percentile(ours, 0.95)), Bench.ms(Bench.percentile(raw, 0.95)), Bench.ratio(Bench.percentile(ours, 0.95), Bench.percentile(raw, 0.95))),
            ("\(label): p99 (\(lowerBounds) of them answered with “more than”)", Bench.ms(Bench.percentile(ours, 0.99)), Bench.ms(Bench.percentile(raw, 0.99)),
                Bench.ratio(Bench.percentile(ours, 0.99), Bench.percentile(raw, 0.99))),
        ]
    }

    /// A typed query as the member list asks it: its first page of 20, in name order.
    static func query(_ text: String) -> MemberQuery {
        var query = MemberQuery()
        query.text = text
        query.perPage = 20
        return query
    }

    /// The raw engine's answer to one typed query: the rarest word's range in the word table drives, the other words
    /// are checked on the folded name; the count, then the first page in name order.
    static func rawSearch(words: [String], rarest: String, members: String, terms: String, sqlite: Bool) -> [String] {
        var condition = "m.id IN (SELECT member_id FROM \(terms) WHERE term >= '\(rarest)' AND term < '\(rarest)\u{FFFF}')"
        for word in words { condition += " AND m.name_folded LIKE '% \(word)%'" }
        condition += " AND m.status IN ('probationary', 'full', 'exempt')"
        // An expression, so that SQLite sorts the matches instead of walking the name-order index.
        let order = sqlite ? "(m.name_sort_key || '')" : "m.name_sort_key"
        return [
            "SELECT COUNT(*) FROM \(members) m WHERE \(condition);",
            "SELECT m.id, m.full_name FROM \(members) m WHERE \(condition) ORDER BY \(order), m.id LIMIT 20;",
        ]
    }

    /// What a clerk types for a name: the whole name, family + given name, the given name alone, and family name +
    /// the first letters of the given name, in turn, without accents.
    static func typedQueries(count: Int, name: () -> String) -> [String] {
        var texts: [String] = []
        for i in 0..<count {
            let words = MemberSearchIndex.terms(name())
            guard let family = words.first, let given = words.last else { continue }
            switch i % 4 {
            case 0: texts.append(words.joined(separator: " "))
            case 1: texts.append(family + " " + given)
            case 2: texts.append(given)
            default: texts.append(family + " " + String(given.prefix(2)))
            }
        }
        return texts
    }

    func prefixCount(_ prefix: String, _ frequency: [String: Int]) -> Int {
        frequency.reduce(0) { $0 + ($1.key.hasPrefix(prefix) ? $1.value : 0) }
    }


    /// Loads one file pair into the raw engine; the first load creates the tables and builds the indexes after it
    /// (the engine's fastest way), later loads go into the indexed tables.
    func rawLoad(_ rawDB: String, members: URL, terms: URL, createTables: Bool) throws {
        let columns = Self.rawMemberColumns
        switch location {
        case .sqlite:
            var script: [String] = []
            if createTables {
                script.append(
                    "CREATE TABLE raw_members (id INTEGER PRIMARY KEY, \(columns.map { "\($0) TEXT" }.joined(separator: ", ")));"
                        + "CREATE TABLE raw_terms (term TEXT NOT NULL, sort_key TEXT NOT NULL, member_id INTEGER NOT NULL, name_folded TEXT NOT NULL, PRIMARY KEY (term, sort_key, member_id)) WITHOUT ROWID;")
            }
            script.append(".import --csv \(members.path) raw_members")
            script.append(".import --csv \(terms.path) raw_terms")
            if createTables { script.append(Self.rawIndexes(postgres: false)) }
            try Shell.run("sqlite3", [rawDB] + script)
        case .postgres(let url):
            var arguments = [url, "-q", "-v", "ON_ERROR_STOP=1"]
            if createTables {
                arguments += [
                    "-c",
                    "CREATE TABLE raw_members (id BIGINT PRIMARY KEY, \(columns.map { $0 == "name_sort_key" || $0 == "name_folded" ? "\($0) TEXT COLLATE \"C\"" : "\($0) TEXT" }.joined(separator: ", ")));"
                        + "CREATE TABLE raw_terms (term TEXT COLLATE \"C\" NOT NULL, sort_key TEXT COLLATE \"C\" NOT NULL, member_id BIGINT NOT NULL, name_folded TEXT NOT NULL, PRIMARY KEY (term, sort_key, member_id) INCLUDE (name_folded));",
                ]
            }
            arguments += ["-c", "\\copy raw_members FROM '\(members.path)' CSV", "-c", "\\copy raw_terms FROM '\(terms.path)' CSV"]
            if createTables { arguments += ["-c", Self.rawIndexes(postgres: true)] }
            // Our import refreshes the planner's statistics after a load; so does the raw engine's.
            arguments += ["-c", "ANALYZE raw_members, raw_terms"]
            try Shell.run("psql", arguments)
        }
    }

    /// The indexes of `members` and `member_terms` as the migrations leave them (Migrations.swift: steps 1, 9, 23, 31,
    /// and 32 on PostgreSQL), on the raw tables' equivalent columns (the unit's code stands for its id and path).
    static func rawIndexes(postgres: Bool) -> String {
        var statements = [
            "CREATE UNIQUE INDEX raw_members_card ON raw_members (card_no) WHERE card_no <> ''",
            "CREATE UNIQUE INDEX raw_members_nid ON raw_members (national_id) WHERE national_id <> ''",
            "CREATE INDEX raw_members_unit_path ON raw_members (unit_code, status)",
            "CREATE INDEX raw_members_unit ON raw_members (unit_code, admitted_on, recognized_on, left_on, status)",
            "CREATE INDEX raw_members_sort ON raw_members (name_sort_key, id, name_folded, status)",
            """
            CREATE INDEX raw_members_awaiting_recognition ON raw_members (unit_code, status, admitted_on, id)
            WHERE status IN ('candidate', 'probationary')
            """,
            "CREATE INDEX raw_terms_member ON raw_terms (member_id)",
        ]
        if postgres {
            statements += [
                "CREATE INDEX raw_members_admitted ON raw_members (admitted_on, unit_code) WHERE admitted_on <> ''",
                "CREATE INDEX raw_members_recognized ON raw_members (recognized_on, unit_code) WHERE recognized_on <> ''",
                "CREATE INDEX raw_members_left ON raw_members (left_on, status, unit_code) WHERE left_on <> ''",
            ]
        }
        return statements.map { $0 + ";" }.joined(separator: "\n")
    }
}

/// A small deterministic generator for the bench's samples.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension DatabaseLocation {
    var isSQLite: Bool {
        if case .sqlite = self { return true }
        return false
    }
}
