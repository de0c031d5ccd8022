import SQLKit
import ToChucDomain
import ToChucStorage

/// A member and which of the page's sections have rows (`MemberService.overview`).
public struct MemberOverview: Sendable, Equatable {
    public let member: Member
    /// As `MemberService.history` gives it.
    public let history: [AuditEntry]
    /// As `MemberService.events` gives them.
    public let events: [MemberEventRecord]
    public let hasPhoto: Bool
    /// Courses or exams not annulled.
    public let hasTraining: Bool
    /// Cases about the member (by member or, for cases recorded before admission, by national ID), in any unit.
    public let hasVettingCases: Bool
}

/// A member as the register holds it.
public struct Member: Sendable, Equatable {
    public let id: Int64
    public let record: ValidMember
    public let unitName: String
    public let unitPath: String
    public let version: Int

    public var draft: MemberDraft {
        var d = MemberDraft()
        d.cardNo = record.cardNo ?? ""
        d.nationalId = record.nationalId ?? ""
        d.fullName = record.fullName
        d.gender = record.gender.rawValue
        d.birthDate = record.birthDate?.iso ?? ""
        d.ethnicity = record.ethnicity?.name ?? ""
        d.religion = record.religion
        d.homeTown = record.homeTown
        d.unitCode = record.unitCode
        d.status = record.status.rawValue
        d.admittedOn = record.admittedOn?.iso ?? ""
        d.recognizedOn = record.recognizedOn?.iso ?? ""
        d.leftOn = record.leftOn?.iso ?? ""
        d.education = record.education
        d.qualification = record.qualification?.rawValue ?? ""
        d.politicalTheory = record.politicalTheory?.rawValue ?? ""
        d.occupation = record.occupation
        d.phone = record.phone
        d.address = record.address
        return d
    }
}

/// A name as the register stores it for search and order: its folded words and its Vietnamese sort key.
struct IndexedName: Sendable {
    let terms: [String]
    let sortKey: String

    init(_ fullName: String) {
        terms = MemberSearchIndex.terms(fullName)
        sortKey = VietnameseText.nameSortKey(fullName)
    }
}

/// SQL for members, used inside the services' reads and transactions.
enum MemberStore {
    static let columns = "m.*, u.code AS unit_code, u.name AS unit_name"
    static let from = "members m JOIN units u ON u.id = m.unit_id"

    static func member(from row: any SQLRow) throws -> Member {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String?.self) ?? "" }
        func date(_ column: String) throws -> CivilDate? { try row.decode(column: column, as: String?.self).flatMap { CivilDate(parsing: $0) } }
        let record = ValidMember(
            cardNo: try row.decode(column: "card_no", as: String?.self), nationalId: try row.decode(column: "national_id", as: String?.self),
            fullName: try text("full_name"), gender: Gender(rawValue: try text("gender")) ?? .male, birthDate: try date("birth_date"),
            ethnicity: try row.decode(column: "ethnicity_code", as: Int?.self).flatMap { Ethnicity.byCode($0) }, religion: try text("religion"),
            homeTown: try text("home_town"), unitCode: try text("unit_code"), status: MemberStatus(rawValue: try text("status")) ?? .full,
            admittedOn: try date("admitted_on"), recognizedOn: try date("recognized_on"), leftOn: try date("left_on"),
            education: try text("education"), qualification: Qualification(rawValue: try text("qualification")),
            politicalTheory: PoliticalTheory(rawValue: try text("political_theory")), occupation: try text("occupation"),
            phone: try text("phone"), address: try text("address"))
        return Member(
            id: try row.decode(column: "id", as: Int64.self), record: record, unitName: try text("unit_name"),
            unitPath: try text("unit_path"), version: try row.decode(column: "version", as: Int.self))
    }

    static func find(_ sql: any SQLDatabase, id: Int64) async throws -> Member? {
        try await sql.planned("member", "SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE m.id = \(bind: id)").first.map(member)
    }

    /// ` nguyen van tung `: every word can be matched as a prefix with `LIKE '% tung%'`.
    static func searchName(_ fullName: String) -> String { MemberSearchIndex.foldedName(MemberSearchIndex.terms(fullName)) }

    static let writeColumns = [
        "card_no", "national_id", "full_name", "name_folded", "name_sort_key", "gender", "birth_date", "ethnicity_code", "religion",
        "home_town", "education", "qualification", "political_theory", "occupation", "phone", "address", "status", "admitted_on",
        "recognized_on", "left_on", "unit_id", "unit_path",
    ]

    /// The values of `writeColumns`; `name`: the name's words and sort key when the caller already has them.
    static func values(_ m: ValidMember, unitId: Int64, unitPath: String, name: IndexedName? = nil) -> [SQLValue] {
        func opt(_ s: String) -> SQLValue { s.isEmpty ? .null : .text(s) }
        let name = name ?? IndexedName(m.fullName)
        return [
            SQLValue(m.cardNo), SQLValue(m.nationalId), .text(m.fullName), .text(MemberSearchIndex.foldedName(name.terms)),
            .text(name.sortKey), .text(m.gender.rawValue), SQLValue(m.birthDate?.iso), SQLValue(m.ethnicity?.code),
            opt(m.religion), opt(m.homeTown), opt(m.education), SQLValue(m.qualification?.rawValue), SQLValue(m.politicalTheory?.rawValue),
            opt(m.occupation), opt(m.phone), opt(m.address), .text(m.status.rawValue), SQLValue(m.admittedOn?.iso),
            SQLValue(m.recognizedOn?.iso), SQLValue(m.leftOn?.iso), .integer(unitId), .text(unitPath),
        ]
    }

    /// `column = value, …` for every written column: the SET clause of an update.
    static func assignments(_ m: ValidMember, unitId: Int64, unitPath: String) -> SQLQueryString {
        var clause = SQLQueryString("")
        for (index, (column, value)) in zip(writeColumns, values(m, unitId: unitId, unitPath: unitPath)).enumerated() {
            if index > 0 { clause.appendLiteral(", ") }
            clause.appendLiteral(column + " = ")
            clause.appendInterpolation(bind: value)
        }
        return clause
    }

    /// The status of each member on a date, from its dates (members' transfer history is not modelled yet:
    /// a member counts in its current unit).
    static func statusOn(_ date: CivilDate) -> SQLQueryString {
        """
        CASE WHEN m.left_on IS NOT NULL AND m.left_on <= \(bind: date.iso) THEN m.status
             WHEN m.recognized_on IS NOT NULL AND m.recognized_on <= \(bind: date.iso) THEN (CASE WHEN m.status = 'exempt' THEN 'exempt' ELSE 'full' END)
             WHEN m.admitted_on IS NOT NULL AND m.admitted_on <= \(bind: date.iso) THEN 'probationary'
             WHEN m.status = 'candidate' THEN 'candidate'
             ELSE NULL END
        """
    }
}
