import Testing
import ToChucDomain

/// DOMAIN.md §2, data cleaning: likely duplicates are merged into one record; records of different people are not.
@Suite struct MemberMergeTests {
    static func draft(_ name: String, card: String = "", nid: String = "", birth: String = "1985-04-12", gender: String = "male",
                      phone: String = "", address: String = "") -> MemberDraft {
        var d = MemberDraft()
        d.fullName = name
        d.cardNo = card
        d.nationalId = nid
        d.birthDate = birth
        d.gender = gender
        d.phone = phone
        d.address = address
        return d
    }

    @Test("the kept record takes what it lacks from the duplicate and keeps what it has")
    func fillsGaps() throws {
        let keep = Self.draft("Nguyễn Văn Tùng", card: "10000001", phone: "0912345678")
        let duplicate = Self.draft("Nguyen Van Tung", nid: "001085012345", phone: "0987654321", address: "Thôn 1")
        let merged = try MemberMerge.merged(keep: keep, duplicate: duplicate).get()
        #expect(merged.cardNo == "10000001")
        #expect(merged.nationalId == "001085012345")
        #expect(merged.phone == "0912345678")
        #expect(merged.address == "Thôn 1")
        #expect(merged.fullName == "Nguyễn Văn Tùng")
    }

    @Test(
        "records that name different people are refused, naming the field",
        arguments: [
            (draft("Nguyễn Văn Tùng", card: "10000002"), "card_no"),
            (draft("Nguyễn Văn Tùng", nid: "001085099999"), "national_id"),
            (draft("Nguyễn Văn Tùng", birth: "1986-04-12"), "birth_date"),
            (draft("Nguyễn Văn Tùng", gender: "female"), "gender"),
            (draft("Nguyễn Văn Tuấn"), "full_name"),
        ])
    func refusesDifferentPeople(duplicate: MemberDraft, field: String) {
        let keep = Self.draft("Nguyễn Văn Tùng", card: "10000001", nid: "001085012345")
        guard case .failure(.invalid(_, let errors)) = MemberMerge.merged(keep: keep, duplicate: duplicate) else {
            Issue.record("merged")
            return
        }
        #expect(errors.map(\.field) == [field])
    }
}
