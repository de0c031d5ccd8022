import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// `members.csv` (INTERCHANGE.md): all or nothing, every wrong row named, idempotent, one audit entry per import.
enum MemberImport {
    static let file = MembersFile.fileName

    /// Loads of at least this many new members into a register holding at most a tenth as many build the indexes
    /// after the rows (`BulkInsert.withIndexesBuiltAfter`); tests lower it.
    @TaskLocal static var indexesAfterLoadOf = 50_000

    /// The natural key: the card number, else the national ID, else name + birth date + unit (candidates).
    static func key(_ m: ValidMember) -> String {
        if let card = m.cardNo { return "card:" + card }
        if let nid = m.nationalId { return "nid:" + nid }
        return "person:" + VietnameseText.fold(m.fullName) + "|" + (m.birthDate?.iso ?? "") + "|" + m.unitCode
    }

    static func importMembers(
        _ sql: any SQLDatabase, principal: Principal, records: [CSV.Record], source: (name: String, hash: String), today: CivilDate,
        progress: ImportProgressReporter = .silent
    ) async throws -> (created: Int, updated: Int, unchanged: Int) {
        guard let header = records.first else { return (0, 0, 0) }
        let index: [String: Int]
        switch HeaderMapping.map(header: header.fields, columns: MembersFile.columns, file: file, line: header.line) {
        case .success(let map): index = map
        case .failure(let failure): throw failure
        }
        var problems: [ImportProblem] = []
        var rows: [(line: Int, member: ValidMember, name: IndexedName)] = []
        var firstLine: [String: Int] = [:]
        var nationalIds: [String: Int] = [:]
        let present = Set(index.keys)
        let rowCount = records.count - 1
        // Sized once: growing these by doubling re-hashed a million keys about twenty times.
        rows.reserveCapacity(rowCount)
        firstLine.reserveCapacity(rowCount)
        nationalIds.reserveCapacity(rowCount)
        // Each row is checked on its own (pure rules) on every core; duplicates across rows are found after, in order.
        let checked = await checkRows(records.dropFirst(), width: header.fields.count, index: index, today: today, progress: progress)
        for (record, outcome) in zip(records.dropFirst(), checked) {
            switch outcome {
            case .wrongFieldCount(let count):
                problems.append(ImportProblem(file: file, line: record.line, column: nil,
                    reason: Catalogue.importWrongFieldCount(count, header.fields.count)))
            case .refused(.invalid(_, let errors)):
                problems += errors.map { ImportProblem(file: file, line: record.line, column: $0.field, reason: $0.message) }
            case .refused(let error):
                problems.append(ImportProblem(file: file, line: record.line, column: nil, reason: error.message))
            case .valid(let member, let name):
                let k = key(member)
                if let first = firstLine[k] {
                    problems.append(ImportProblem(file: file, line: record.line, column: "card_no", reason: Catalogue.importDuplicateKey(k.split(separator: ":", maxSplits: 1).last.map(String.init) ?? k, firstLine: first)))
                    continue
                }
                if let nid = member.nationalId {
                    if let first = nationalIds[nid] {
                        problems.append(ImportProblem(file: file, line: record.line, column: "national_id", reason: Catalogue.importDuplicateKey(nid, firstLine: first)))
                        continue
                    }
                    nationalIds[nid] = record.line
                }
                firstLine[k] = record.line
                rows.append((record.line, member, name))
            }
        }
        await progress.report(.checking, rowCount, of: rowCount)
        // Units: each must exist in the principal's scope and take members (cell, base, sub-base); a member who
        // left may stay in a dissolved unit (the last one).
        var units: [String: OrgUnit] = [:]
        let codes = Array(Set(rows.map(\.member.unitCode)))
        for chunk in Batches.of(codes) {
            for row in try await sql.raw("SELECT \(unsafeRaw: UnitStore.columns) FROM \(unsafeRaw: UnitStore.from) WHERE u.code IN (\(binds: chunk))").all() {
                let unit = try UnitStore.unit(from: row)
                units[unit.code] = unit
            }
        }
        for row in rows {
            guard let unit = units[row.member.unitCode], principal.sees(path: unit.path) else {
                problems.append(ImportProblem(file: file, line: row.line, column: "unit_code", reason: Catalogue.parentNotFound(row.member.unitCode)))
                continue
            }
            if ![.cell, .base, .subBase].contains(unit.kind) {
                problems.append(ImportProblem(file: file, line: row.line, column: "unit_code", reason: Catalogue.memberUnitKind))
            } else if unit.dissolvedOn != nil && !row.member.status.hasLeft {
                problems.append(ImportProblem(file: file, line: row.line, column: "unit_code", reason: Catalogue.unitNotOnDate(unit.code, VietnameseFormat.date(today))))
            }
        }
        // Existing records, by card number and by national ID (none to look for in an empty register: a first load).
        var byCard: [String: Member] = [:]
        var byNationalId: [String: Member] = [:]
        // Counted only as far as the choice of load below needs (a tenth of the rows at most).
        let existing = try await MemberSearch.cappedCount(sql, "SELECT 1 FROM members", cap: rows.count / 10 + 1)
        let registerEmpty = existing == 0
        let cards = registerEmpty ? [] : rows.compactMap(\.member.cardNo)
        let nids = registerEmpty ? [] : rows.compactMap(\.member.nationalId)
        for (column, values) in [("card_no", cards), ("national_id", nids)] {
            for chunk in Batches.of(values) {
                for row in try await sql.raw(
                    "SELECT \(unsafeRaw: MemberStore.columns) FROM \(unsafeRaw: MemberStore.from) WHERE m.\(unsafeRaw: column) IN (\(binds: chunk))"
                ).all() {
                    let member = try MemberStore.member(from: row)
                    if let card = member.record.cardNo { byCard[card] = member }
                    if let nid = member.record.nationalId { byNationalId[nid] = member }
                }
            }
        }
        // Candidates have neither number: match them by name, birth date and unit.
        var byPerson: [String: Member] = [:]
        for row in rows where !registerEmpty && row.member.cardNo == nil && row.member.nationalId == nil {
            guard let unit = units[row.member.unitCode] else { continue }
            for found in try await sql.raw(
                """
                SELECT \(unsafeRaw: MemberStore.columns) FROM \(unsafeRaw: MemberStore.from)
                WHERE m.unit_id = \(bind: unit.id) AND m.name_folded = \(bind: MemberStore.searchName(row.member.fullName))
                AND m.card_no IS NULL AND m.national_id IS NULL
                """
            ).all().map(MemberStore.member) where found.record.birthDate == row.member.birthDate {
                byPerson[key(row.member)] = found
            }
        }
        var fresh: [(line: Int, member: ValidMember, name: IndexedName)] = []
        fresh.reserveCapacity(registerEmpty ? rows.count : 0)
        var changes: [(line: Int, member: ValidMember, current: Member)] = []
        var unchanged = 0
        for row in rows {
            let existing = row.member.cardNo.flatMap { byCard[$0] } ?? row.member.nationalId.flatMap { byNationalId[$0] } ?? byPerson[key(row.member)]
            if let nid = row.member.nationalId, let holder = byNationalId[nid], holder.id != existing?.id {
                problems.append(ImportProblem(file: file, line: row.line, column: "national_id", reason: Catalogue.nationalIdTaken))
                continue
            }
            guard let current = existing else {
                fresh.append((row.line, row.member, row.name))
                continue
            }
            guard principal.sees(path: current.unitPath) else {
                problems.append(ImportProblem(file: file, line: row.line, column: "card_no", reason: Catalogue.cardNoTaken))
                continue
            }
            // Columns the file does not carry (phone, address …) keep their stored values.
            var merged = row.member
            merged.homeTown = current.record.homeTown
            merged.occupation = current.record.occupation
            merged.phone = current.record.phone
            merged.address = current.record.address
            if !present.contains("religion") { merged.religion = current.record.religion }
            if !present.contains("ethnicity") { merged.ethnicity = current.record.ethnicity }
            if !present.contains("education") { merged.education = current.record.education }
            if !present.contains("qualification") { merged.qualification = current.record.qualification }
            if !present.contains("political_theory") { merged.politicalTheory = current.record.politicalTheory }
            if merged.auditValues == current.record.auditValues { unchanged += 1 } else { changes.append((row.line, merged, current)) }
        }
        if !problems.isEmpty { throw ImportFailure(problems: problems.sorted { ($0.line ?? 0, $0.column ?? "") < ($1.line ?? 0, $1.column ?? "") }) }
        await progress.report(.checking, rowCount, of: rowCount)
        if fresh.isEmpty && changes.isEmpty { return (0, 0, unchanged) }
        let auditId = try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: "import", entity: "dataset", key: source.name,
            unitPath: principal.unitPath, old: nil,
            new: ["file": file, "sha256": source.hash, "rows": String(records.count - 1), "created": String(fresh.count), "updated": String(changes.count)])
        let now = Timestamp.now()
        // Ids are drawn first so that the name index is written in bulk beside the rows; chunks let the progress bar move.
        let ids = try await BulkInsert.reserveIds(sql, table: "members", count: fresh.count)
        let writes = fresh.count + changes.count
        await progress.report(.writing, 0, of: writes)
        let columns = ["id"] + MemberStore.writeColumns + ["version", "created_at", "updated_at", "import_audit_id"]
        // A load into a (nearly) empty register builds the indexes once at the end instead of row by row (`existing`
        // was counted up to a tenth of all rows, which decides this for the fresh ones among them).
        let buildIndexesAfter = fresh.count >= Self.indexesAfterLoadOf && existing <= fresh.count / 10
        // The rows of a chunk, built on another core while the engine writes the previous chunk.
        let chunk = 20_000
        let build = { @Sendable [fresh, units] (start: Int) -> (members: [[SQLValue]], index: MemberSearchIndex.Addition, end: Int) in
            let end = min(start + chunk, fresh.count)
            var values: [[SQLValue]] = []
            var indexed: [MemberSearchIndex.Entry] = []
            values.reserveCapacity(end - start)
            indexed.reserveCapacity(end - start)
            for index in start..<end {
                let (_, member, name) = fresh[index]
                let unit = units[member.unitCode]!
                values.append(
                    [.integer(ids[index])] + MemberStore.values(member, unitId: unit.id, unitPath: unit.path, name: name)
                        + [.integer(1), .text(now), .text(now), .integer(auditId)])
                indexed.append(MemberSearchIndex.Entry(id: ids[index], terms: name.terms, sortKey: name.sortKey))
            }
            return (values, MemberSearchIndex.addition(indexed), end)
        }
        let insertFresh = { () async throws -> Void in
            guard !fresh.isEmpty else { return }
            var next = Task { build(0) }
            while true {
                let ready = await next.value
                if ready.end < fresh.count { next = Task { [end = ready.end] in build(end) } }
                try await BulkInsert.insert(sql, table: "members", columns: columns, rows: ready.members)
                try await MemberSearchIndex.add(sql, ready.index)
                await progress.report(.writing, ready.end, of: writes)
                if ready.end >= fresh.count { break }
            }
        }
        if buildIndexesAfter {
            try await BulkInsert.withIndexesBuiltAfter(sql, tables: ["members", "member_terms"], rederive: MemberCounts.recount, insertFresh)
        } else {
            try await insertFresh()
        }
        for (done, change) in changes.enumerated() {
            await progress.updated(done, after: fresh.count, of: writes)
            let unit = units[change.member.unitCode]!
            let assignments = MemberStore.assignments(change.member, unitId: unit.id, unitPath: unit.path)
            try await sql.raw("UPDATE members SET \(assignments), version = version + 1, updated_at = \(bind: now) WHERE id = \(bind: change.current.id)").run()
            if change.member.fullName != change.current.record.fullName {
                try await MemberSearchIndex.replace(sql, memberId: change.current.id, fullName: change.member.fullName)
            }
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: "member", key: String(change.current.id),
                unitPath: unit.path, old: change.current.record.auditValues, new: change.member.auditValues.merging(["import": String(auditId)]) { $1 })
        }
        await progress.report(.writing, writes, of: writes)
        return (fresh.count, changes.count, unchanged)
    }

    /// What checking one row on its own gives.
    enum RowOutcome: Sendable {
        case wrongFieldCount(Int)
        case refused(DomainError)
        case valid(ValidMember, IndexedName)
    }

    /// Checks every row against `MemberRules` (and prepares its name's words and sort key) in as many slices as the
    /// machine has cores; the outcomes come back in row order.
    static func checkRows(
        _ records: ArraySlice<CSV.Record>, width: Int, index: [String: Int], today: CivilDate, progress: ImportProgressReporter
    ) async -> [RowOutcome] {
        let all = Array(records)
        let slices = max(1, min(ProcessInfo.processInfo.activeProcessorCount, all.count / 2_000))
        let size = (all.count + slices - 1) / max(1, slices)
        let columns = index
        return await withTaskGroup(of: (Int, [RowOutcome]).self) { group in
            for slice in 0..<slices {
                let part = Array(all[min(slice * size, all.count)..<min((slice + 1) * size, all.count)])
                group.addTask { (slice, part.map { checkRow($0, width: width, index: columns, today: today) }) }
            }
            var parts = Array(repeating: [RowOutcome](), count: slices)
            var done = 0
            for await (slice, outcomes) in group {
                parts[slice] = outcomes
                done += outcomes.count
                await progress.report(.checking, done, of: all.count)
            }
            return parts.flatMap { $0 }
        }
    }

    static func checkRow(_ record: CSV.Record, width: Int, index: [String: Int], today: CivilDate) -> RowOutcome {
        if record.fields.count != width { return .wrongFieldCount(record.fields.count) }
        func cell(_ name: String) -> String { index[name].map { record.fields[$0] } ?? "" }
        var draft = MemberDraft()
        draft.cardNo = cell("card_no")
        draft.nationalId = cell("national_id")
        draft.fullName = cell("full_name")
        draft.gender = cell("gender")
        draft.birthDate = cell("birth_date")
        draft.ethnicity = cell("ethnicity")
        draft.religion = cell("religion")
        draft.unitCode = cell("unit_code")
        draft.status = cell("status")
        draft.admittedOn = cell("admitted_on")
        draft.recognizedOn = cell("recognized_on")
        draft.leftOn = cell("left_on")
        draft.education = cell("education")
        draft.qualification = cell("qualification")
        draft.politicalTheory = cell("political_theory")
        switch MemberRules.check(draft, today: today, strict: false) {
        case .failure(let error): return .refused(error)
        case .success(let member): return .valid(member, IndexedName(member.fullName))
        }
    }

    /// The rows of `members.csv` for the principal's subtree (header first), ordered by unit then name.
    static func rows(_ sql: any SQLDatabase, principal: Principal) async throws -> [[String]] {
        let range = principal.pathRange
        var rows: [[String]] = [MembersFile.columns.map(\.name)]
        let members = try await sql.raw(
            """
            SELECT \(unsafeRaw: MemberStore.columns) FROM \(unsafeRaw: MemberStore.from)
            WHERE m.unit_path >= \(bind: range.lower) AND m.unit_path < \(bind: range.upper) ORDER BY u.code, m.name_sort_key, m.id
            """
        ).all().map(MemberStore.member)
        for m in members {
            let r = m.record
            rows.append([
                r.cardNo ?? "", r.nationalId ?? "", r.fullName, r.gender.rawValue, r.birthDate?.iso ?? "", r.ethnicity?.name ?? "", r.religion,
                r.unitCode, r.status.rawValue, r.admittedOn?.iso ?? "", r.recognizedOn?.iso ?? "", r.leftOn?.iso ?? "", r.education,
                r.qualification?.rawValue ?? "", r.politicalTheory?.rawValue ?? "",
            ])
        }
        return rows
    }
}
