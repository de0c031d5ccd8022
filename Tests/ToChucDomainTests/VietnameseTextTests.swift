import Foundation
import Testing

@testable import ToChucDomain

// DOMAIN.md §2: search finds "Nguyễn Văn Tùng" from `nguyen van tung`, `Tung`, `NGUYỄN VĂN`, `dang` → `Đặng`;
// lists sort by given name, then middle, then family name, in the Vietnamese alphabet, tones after the letter.
// FACTS.md "Swift on Linux and Vietnamese text": no Unicode decomposition folds đ; do it by hand.

/// Base letters and the combining marks that make the Vietnamese vowels, independent of the table under test.
private let vowelBases: [(nfd: String, folded: String)] = [
    ("a", "a"), ("a\u{0306}", "a"), ("a\u{0302}", "a"), ("e", "e"), ("e\u{0302}", "e"), ("i", "i"),
    ("o", "o"), ("o\u{0302}", "o"), ("o\u{031B}", "o"), ("u", "u"), ("u\u{031B}", "u"), ("y", "y"),
]
/// ngang, huyền, hỏi, ngã, sắc, nặng.
private let toneMarks = ["", "\u{0300}", "\u{0309}", "\u{0303}", "\u{0301}", "\u{0323}"]

@Suite("Vietnamese text: folding (DOMAIN.md §2)")
struct VietnameseFoldTests {
    @Test(
        "fold lower-cases, removes diacritics, turns đ into d and collapses whitespace",
        arguments: [
            ("Nguyễn Văn Tùng", "nguyen van tung"),
            ("ĐẶNG", "dang"),
            ("Đặng Thị Đào", "dang thi dao"),
            ("NGUYỄN VĂN", "nguyen van"),
            ("Trần Thị Ánh", "tran thi anh"),
            ("Ưng Ứng Ừng Ửng Ững Ựng", "ung ung ung ung ung ung"),
            ("Hoà Hòa HOÀ", "hoa hoa hoa"),
            ("  Lê \t Thị\n\nHoa  ", "le thi hoa"),
            ("Lê\u{00A0}Hoa", "le hoa"),  // no-break space is whitespace
            ("Tùng\u{200B}", "tung"),  // zero-width space pasted from the web is dropped
            ("H'Hen Niê", "h'hen nie"),  // punctuation stays
            ("François Müller", "francois muller"),  // foreign letters lose their marks too
            ("\u{00D0}\u{1EE9}c", "duc"),  // Ð (Đ read as Windows-1252) counts as đ
            ("Số 12/2024", "so 12/2024"),
            ("", ""),
            ("   ", ""),
        ])
    func foldExamples(input: String, expected: String) {
        #expect(VietnameseText.fold(input) == expected)
    }

    @Test(
        "NFC and NFD input fold the same",
        arguments: ["Nguyễn Văn Tùng", "Đặng Thị Ngọc Ánh", "Phạm Quỳnh Hương", "Trương Mỹ Lệ", "Lưu Hữu Phước"])
    func foldIgnoresNormalizationForm(name: String) {
        let nfc = name.precomposedStringWithCanonicalMapping
        let nfd = name.decomposedStringWithCanonicalMapping
        #expect(nfc.unicodeScalars.count != nfd.unicodeScalars.count)
        #expect(VietnameseText.fold(nfd) == VietnameseText.fold(nfc))
        #expect(VietnameseText.fold("Nguye\u{0302}\u{0303}n") == "nguyen")
        #expect(VietnameseText.fold("Nguye\u{0303}\u{0302}n") == "nguyen")  // marks in non-canonical order
    }

    @Test("every vowel with every tone folds to its base letter, in both cases, NFC and NFD", arguments: vowelBases)
    func everyVowelAndTone(base: String, folded: String) {
        for mark in toneMarks {
            let nfd = base + mark
            let nfc = nfd.precomposedStringWithCanonicalMapping
            #expect(nfc.unicodeScalars.count == 1, "Vietnamese letters all exist precomposed")
            for form in [nfc, nfd, nfc.uppercased(), nfd.uppercased()] {
                #expect(VietnameseText.fold(form) == folded, "\(form.unicodeScalars.map { $0.value })")
            }
        }
    }

    @Test("the letter table lists each vowel precomposed, tones in dictionary order")
    func letterTableIsPrecomposedAndOrdered() {
        #expect(VietnameseText.vowelRows.count == vowelBases.count)
        for (row, base) in zip(VietnameseText.vowelRows, vowelBases) {
            #expect(row.letter == base.nfd.precomposedStringWithCanonicalMapping)
            let lower = toneMarks.map { (base.nfd + $0).precomposedStringWithCanonicalMapping }
            #expect(row.lower.map(String.init) == lower)
            #expect(row.upper.map(String.init) == lower.map { $0.uppercased() })
            #expect(row.lower.unicodeScalars.count == 6 && row.upper.unicodeScalars.count == 6)
        }
    }
}

@Suite("Vietnamese text: search terms (DOMAIN.md §2)")
struct VietnameseSearchTests {
    /// What a prefix search on the folded column does: every term starts some word of the name.
    private func finds(_ query: String, in name: String) -> Bool {
        let words = VietnameseText.searchTerms(name)
        let terms = VietnameseText.searchTerms(query)
        return !terms.isEmpty && terms.allSatisfy { term in words.contains { $0.hasPrefix(term) } }
    }

    @Test(
        "a query is split into folded words of letters and digits",
        arguments: [
            ("nguyen van tung", ["nguyen", "van", "tung"]),
            ("  NGUYỄN   VĂN ", ["nguyen", "van"]),
            ("Nguyễn-Văn, Tùng", ["nguyen", "van", "tung"]),
            ("dang", ["dang"]),
            ("Đặng", ["dang"]),
            ("tung Tùng TUNG", ["tung"]),
            ("H'Hen", ["h", "hen"]),
            ("0912 345", ["0912", "345"]),
            ("", []),
            (" ,.- ", []),
        ])
    func searchTermExamples(query: String, expected: [String]) {
        #expect(VietnameseText.searchTerms(query) == expected)
    }

    @Test(
        "the queries of DOMAIN.md §2 find their names",
        arguments: [
            ("nguyen van tung", "Nguyễn Văn Tùng"),
            ("Tung", "Nguyễn Văn Tùng"),
            ("NGUYỄN VĂN", "Nguyễn Văn Tùng"),
            ("ng tu", "Nguyễn Văn Tùng"),
            ("dang", "Đặng Thị Hoa"),
            ("Đặng", "Đặng Thị Hoa"),
            ("dao", "Phạm Thị Đào"),
        ])
    func domainQueriesFind(query: String, name: String) {
        #expect(finds(query, in: name))
    }

    @Test(
        "a query does not find names without all its words",
        arguments: [("nguyen van an", "Nguyễn Văn Tùng"), ("tung", "Nguyễn Văn Tuấn"), ("", "Nguyễn Văn Tùng")])
    func queriesDoNotOverreach(query: String, name: String) {
        #expect(!finds(query, in: name))
    }
}

@Suite("Vietnamese text: name sort key (DOMAIN.md §2)")
struct VietnameseNameSortTests {
    /// Sorted by hand: given name, then middle, then family; a ă â … d đ … u ư … y; tones after the letters.
    static let handSorted = [
        "Nguyễn Văn An",
        "Nguyễn Thị Kim Anh",  // anh (ngang) before ánh (sắc)
        "Trần Thị Ánh",  // one middle word before two
        "Nguyễn Thị Ngọc Ánh",
        "Bùi Thị Ân",  // a before â
        "Lê Văn Bình",
        "Hoàng Văn Dũng",  // u before ư
        "Ngô Quang Dương",
        "Phạm Thị Đào",  // d before đ
        "Hà Văn Đức",
        "Lê Hoa",  // no middle name first
        "Trần Thị Hoa",
        "Nguyễn Thị Hoà",  // hoa (ngang) before hoà (huyền), whatever the middle and family names
        "Phan Thanh Tùng",  // same given name: middle decides (thanh < văn)
        "Đặng Văn Tùng",  // same given and middle: family decides (đ < n)
        "Nguyễn Văn Tùng",
        "Nguyễn Thị Út",  // ut before uyên (t < y)
        "Nguyễn Thị Uyên",
        "Trần Văn Ứng",  // u before ư
        "Nguyễn Văn Yên",
    ]

    @Test("sorting by the key gives the Vietnamese order of names")
    func sortsLikeVietnameseLists() {
        for input in [Self.handSorted.reversed(), Self.handSorted.sorted(), Self.handSorted.shuffled()] {
            let sorted = input.sorted { VietnameseText.nameSortKey($0) < VietnameseText.nameSortKey($1) }
            #expect(sorted == Self.handSorted)
        }
        // Byte order, as SQLite's BINARY and PostgreSQL's "C" collations compare.
        let keys = Self.handSorted.map { Array(VietnameseText.nameSortKey($0).utf8) }
        for (a, b) in zip(keys, keys.dropFirst()) {
            #expect(a.lexicographicallyPrecedes(b))
        }
    }

    @Test("letters follow the Vietnamese alphabet, then f j w z")
    func alphabetOrder() {
        let alphabet = [
            "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o", "ô", "ơ",
            "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y", "f", "j", "w", "z",
        ]
        for (a, b) in zip(alphabet, alphabet.dropFirst()) {
            #expect(VietnameseText.nameSortKey(a) < VietnameseText.nameSortKey(b), "\(a) < \(b)")
            #expect(VietnameseText.nameSortKey(a.uppercased()) < VietnameseText.nameSortKey(b), "\(a) < \(b)")
        }
        #expect(VietnameseText.nameSortKey("9") < VietnameseText.nameSortKey("a"))  // digits before letters
    }

    @Test("a word's letters are compared before its tone: ngang, huyền, hỏi, ngã, sắc, nặng")
    func toneOrder() {
        let dictionaryOrder = ["ba", "bà", "bả", "bã", "bá", "bạ", "bac", "bác", "bạc", "bach", "bách", "bạch", "bai"]
        for (a, b) in zip(dictionaryOrder, dictionaryOrder.dropFirst()) {
            #expect(VietnameseText.nameSortKey(a) < VietnameseText.nameSortKey(b), "\(a) < \(b)")
        }
    }

    @Test(
        "spellings of the same name give the same key",
        arguments: [
            ("Nguyễn Thị Hoà", "Nguyễn Thị Hòa"),  // old and new tone placement
            ("NGUYỄN VĂN AN", "nguyễn văn an"),
            ("  Nguyễn   Văn\tAn ", "Nguyễn Văn An"),
            ("Nguyễn Thị Kim-Anh", "Nguyễn Thị Kim Anh"),
            ("Nguyễn Văn Tùng".decomposedStringWithCanonicalMapping, "Nguyễn Văn Tùng"),
            ("\u{00D0}ặng Văn \u{00D0}ức", "Đặng Văn Đức"),
        ])
    func equivalentSpellings(a: String, b: String) {
        #expect(VietnameseText.nameSortKey(a) == VietnameseText.nameSortKey(b))
    }

    @Test(
        "given name first, then middle, then family name",
        arguments: [
            ("Trần Văn An", "Nguyễn Văn Bình"),  // given name wins over family name
            ("Ánh", "Trần Ánh"),  // a one-word name first
            ("Trần Ánh", "Lê Thị Ánh"),  // no middle name before a middle name
            ("Lê Thị Ánh", "Lê Thị Ngọc Ánh"),  // fewer middle words first
            ("Lê Thị Ngọc Ánh", "Lê Thị Ngọc Ánh Ba"),  // a different given name: ánh < ba
            ("Zoe Yên", "Nguyễn Văn Fatima"),  // y before f
            ("Nguyễn Văn An", "Nguyễn Văn An Khang"),  // an < khang
        ])
    func wordOrder(first: String, second: String) {
        #expect(VietnameseText.nameSortKey(first) < VietnameseText.nameSortKey(second))
    }

    @Test("the key is printable ASCII without space or quotes, so byte comparison works in every database")
    func keyIsPlainASCII() {
        let names = Self.handSorted + ["François Müller", "李小龍", "H'Hen Niê", "Nguyễn Văn 2", "Ðoàn"]
        for name in names {
            let key = VietnameseText.nameSortKey(name)
            #expect(!key.isEmpty)
            #expect(key.utf8.allSatisfy { (0x21...0x7E).contains($0) && ![0x22, 0x25, 0x27, 0x5C, 0x5F].contains($0) })
        }
        #expect(VietnameseText.nameSortKey("") == "")
        #expect(VietnameseText.nameSortKey(" - ") == "")
        // A letter outside the alphabet sorts after z; two of them by code point.
        #expect(VietnameseText.nameSortKey("Zung") < VietnameseText.nameSortKey("李"))
        #expect(VietnameseText.nameSortKey("李") < VietnameseText.nameSortKey("龍"))
    }
}

@Suite("Vietnamese text: names as typed")
struct CollapsedWhitespaceTests {
    @Test(
        "a name keeps one space between words and none at either end, whatever white space was typed",
        arguments: [
            ("Nguyễn Văn A", "Nguyễn Văn A"),
            ("  Nguyễn   Văn\tA \n", "Nguyễn Văn A"),
            ("Lê\u{00A0}Thị\u{3000}Bình", "Lê Thị Bình"),
            ("Đặng", "Đặng"),
            (" ", ""),
            ("", ""),
        ])
    func collapsed(typed: String, stored: String) {
        #expect(typed.collapsedWhitespace == stored)
        // The same as splitting on white space characters and joining with one space.
        #expect(typed.collapsedWhitespace == typed.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }
}
