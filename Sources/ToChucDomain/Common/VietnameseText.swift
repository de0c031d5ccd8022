import Foundation

/// Folding, search terms and sort keys for Vietnamese text (DOMAIN.md §2; FACTS.md "Swift on Linux and
/// Vietnamese text").
///
/// Everything here is locale independent: input is normalized to NFC, then every Vietnamese letter is looked
/// up in one table (both cases, precomposed), because `folding(options: .diacriticInsensitive)` keeps đ and
/// depends on the machine, and no Unicode decomposition turns đ into d.
public enum VietnameseText {
    /// Lower-cased, diacritics removed, đ/Đ → d, any run of whitespace → one space, trimmed.
    ///
    /// NFC and NFD input give the same result. Letters outside Vietnamese lose their combining marks too
    /// (`ç` → `c`); invisible format characters (zero-width space, soft hyphen, BOM) are dropped; punctuation
    /// is kept. This is the form to store in a folded search column and to compare queries with.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in normalized(text).unicodeScalars {
            switch classify(scalar) {
            case .space:
                pendingSpace = !out.isEmpty
            case .ignorable:
                continue
            case .letter(let entry):
                appendFolded(entry.folded, to: &out, pendingSpace: &pendingSpace)
            case .digit:
                appendFolded(scalar, to: &out, pendingSpace: &pendingSpace)
            case .other:
                for folded in foldOther(scalar) {
                    appendFolded(folded, to: &out, pendingSpace: &pendingSpace)
                }
            }
        }
        return String(out)
    }

    /// Splits a query into folded words for prefix search: each term holds only letters and digits.
    ///
    /// Any character that is neither a letter nor a digit separates terms (as FTS5's `unicode61` tokenizer
    /// does), so `Nguyễn-Văn, Tùng` gives `["nguyen", "van", "tung"]`. Repeated terms are given once, in the
    /// order of their first occurrence.
    public static func searchTerms(_ query: String) -> [String] {
        var terms: [String] = []
        var seen: Set<String> = []
        var current = String.UnicodeScalarView()
        func flush() {
            guard !current.isEmpty else { return }
            let term = String(current)
            current = String.UnicodeScalarView()
            if seen.insert(term).inserted { terms.append(term) }
        }
        for scalar in fold(query).unicodeScalars {
            let isWordScalar =
                scalar.isASCII
                ? (0x61...0x7A).contains(scalar.value) || (0x41...0x5A).contains(scalar.value) || (0x30...0x39).contains(scalar.value)
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWordScalar {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return terms
    }

    /// Version of the `nameSortKey` encoding. Keys stored in a database must be recomputed when it changes.
    public static let nameSortKeyVersion = 1

    /// A key that sorts Vietnamese full names the Vietnamese way when compared as plain byte strings (binary
    /// collation in SQLite/PostgreSQL, `<` on the ASCII `String`).
    ///
    /// Convention (DOMAIN.md §2):
    /// - Words: the given name (last word) first, then the middle name(s) in order, then the family name
    ///   (first word). A name without a middle name sorts before the same given name with one
    ///   ("Lê Hoa" < "Trần Thị Hoa"), fewer middle words before more, and a one-word name first of all.
    /// - Letters in the Vietnamese alphabet a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
    ///   then f j w z (foreign names), then any other letter by code point; digits before letters;
    ///   case-insensitive. Digraphs (ch, ng, nh, …) are not units: letter by letter, as the spec's
    ///   alphabet says.
    /// - Tones as in Vietnamese dictionaries: within each word (a syllable) the base letters are compared
    ///   first, then the tone: ngang < huyền < hỏi < ngã < sắc < nặng. So "ba" < "bà" < "bả" < "bã" < "bá"
    ///   < "bạ" < "bác", and "Hoà" and "Hòa" (old and new tone placement) give the same key. A word's letters
    ///   and tone are compared before the next word is looked at.
    /// - Punctuation does not count, except a dash, which separates words ("Kim-Anh" sorts as "Kim Anh").
    ///   Ð/ð/Ɖ (look-alikes that mis-decoded Vietnamese text contains) count as đ.
    ///
    /// Encoding (printable ASCII, no space, quote, backslash, `%` or `_`): each word is one character per
    /// letter (`6`…`?` for the digits, `A`…`Z` `a`…`g` for the 33 letters in the order above, `~` and six hex
    /// digits for any other letter), then its tone (`0`…`5`; several digits when several vowels carry one).
    /// `!` ends the given name and the middle part, `#` separates middle words. Both are below every letter
    /// and tone character, which is what makes shorter sort first.
    public static func nameSortKey(_ fullName: String) -> String {
        var words: [String.UnicodeScalarView] = []
        var letters = String.UnicodeScalarView()
        var tones = String.UnicodeScalarView()
        func endWord() {
            guard !letters.isEmpty else { return }
            var word = letters
            if tones.isEmpty { word.append(SortCode.tones[0]) } else { word.append(contentsOf: tones) }
            words.append(word)
            letters = String.UnicodeScalarView()
            tones = String.UnicodeScalarView()
        }
        for scalar in normalized(fullName).unicodeScalars {
            switch classify(scalar) {
            case .space:
                endWord()
            case .ignorable:
                continue
            case .letter(let entry):
                letters.append(SortCode.letters[entry.index])
                if entry.tone > 0 { tones.append(SortCode.tones[entry.tone]) }
            case .digit(let value):
                letters.append(SortCode.digits[value])
            case .other:
                if scalar.properties.generalCategory == .dashPunctuation {
                    endWord()
                    continue
                }
                for folded in foldOther(scalar) {
                    if let entry = letterTable[folded] {
                        letters.append(SortCode.letters[entry.index])
                    } else if folded.properties.isAlphabetic || folded.properties.numericType != nil {
                        letters.append(SortCode.other)
                        letters.append(contentsOf: hex6(folded.value).unicodeScalars)
                    }
                    // Punctuation and symbols do not take part in the order.
                }
            }
        }
        endWord()
        guard let given = words.last else { return "" }
        var key = given
        if words.count >= 2 {
            key.append(SortCode.partEnd)
            for (offset, middle) in words.dropFirst().dropLast().enumerated() {
                if offset > 0 { key.append(SortCode.wordSeparator) }
                key.append(contentsOf: middle)
            }
            key.append(SortCode.partEnd)
            key.append(contentsOf: words[0])
        }
        return String(key)
    }
}

// MARK: - Letter table

extension VietnameseText {
    /// The Vietnamese alphabet, then the four letters only foreign names use (DOMAIN.md §2).
    static let alphabet: [String] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o", "ô", "ơ",
        "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y", "f", "j", "w", "z",
    ]

    /// Each vowel with its tones in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng (lower, upper case).
    /// Written precomposed (NFC); the tests check every entry is one scalar and decomposes as expected.
    static let vowelRows: [(letter: String, lower: String, upper: String)] = [
        ("a", "aàảãáạ", "AÀẢÃÁẠ"),
        ("ă", "ăằẳẵắặ", "ĂẰẲẴẮẶ"),
        ("â", "âầẩẫấậ", "ÂẦẨẪẤẬ"),
        ("e", "eèẻẽéẹ", "EÈẺẼÉẸ"),
        ("ê", "êềểễếệ", "ÊỀỂỄẾỆ"),
        ("i", "iìỉĩíị", "IÌỈĨÍỊ"),
        ("o", "oòỏõóọ", "OÒỎÕÓỌ"),
        ("ô", "ôồổỗốộ", "ÔỒỔỖỐỘ"),
        ("ơ", "ơờởỡớợ", "ƠỜỞỠỚỢ"),
        ("u", "uùủũúụ", "UÙỦŨÚỤ"),
        ("ư", "ưừửữứự", "ƯỪỬỮỨỰ"),
        ("y", "yỳỷỹýỵ", "YỲỶỸÝỴ"),
    ]

    /// đ and Đ, plus Ð/ð (U+00D0/U+00F0, what Đ/đ become when Windows-1258 text is read as Windows-1252) and
    /// Ɖ/ɖ (U+0189/U+0256, a look-alike some keyboards produce).
    static let dStrokeScalars: [Unicode.Scalar] = [
        "\u{0111}", "\u{0110}", "\u{00D0}", "\u{00F0}", "\u{0189}", "\u{0256}",
    ]

    struct LetterEntry: Sendable {
        /// Position in `alphabet`.
        let index: Int
        /// 0 ngang, 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng.
        let tone: Int
        /// The lower-case ASCII letter it folds to.
        let folded: Unicode.Scalar
    }

    static let letterTable: [Unicode.Scalar: LetterEntry] = {
        var table: [Unicode.Scalar: LetterEntry] = [:]
        func index(of letter: String) -> Int { alphabet.firstIndex(of: letter)! }
        // ASCII letters, both cases.
        for letter in alphabet where letter.unicodeScalars.first!.isASCII {
            let lower = letter.unicodeScalars.first!
            let upper = Unicode.Scalar(lower.value - 0x20)!
            let entry = LetterEntry(index: index(of: letter), tone: 0, folded: lower)
            table[lower] = entry
            table[upper] = entry
        }
        for row in vowelRows {
            let folded = Unicode.Scalar(row.letter.decomposedStringWithCanonicalMapping.unicodeScalars.first!.value)!
            for forms in [Array(row.lower.unicodeScalars), Array(row.upper.unicodeScalars)] {
                for (tone, scalar) in forms.enumerated() {
                    table[scalar] = LetterEntry(index: index(of: row.letter), tone: tone, folded: folded)
                }
            }
        }
        for scalar in dStrokeScalars {
            table[scalar] = LetterEntry(index: index(of: "đ"), tone: 0, folded: "d")
        }
        return table
    }()
}

// MARK: - Scanning

extension VietnameseText {
    typealias Scalars = String.UnicodeScalarView

    enum Kind {
        case space
        /// Combining marks left after NFC and invisible format characters.
        case ignorable
        case letter(LetterEntry)
        case digit(Int)
        case other
    }

    static func normalized(_ text: String) -> String {
        // ASCII and precomposed Vietnamese letters alone are already NFC (no combining mark follows them): most
        // names are, and Foundation's normalization is the costliest step of folding a million of them.
        text.unicodeScalars.allSatisfy { $0.isASCII || letterTable[$0] != nil } ? text : text.precomposedStringWithCanonicalMapping
    }

    static func classify(_ scalar: Unicode.Scalar) -> Kind {
        if let entry = letterTable[scalar] { return .letter(entry) }
        if ("0"..."9").contains(scalar) { return .digit(Int(scalar.value - 0x30)) }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return .ignorable
        default: return .other
        }
    }

    /// Lower case, canonical decomposition, combining marks dropped — for a scalar outside the table.
    static func foldOther(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if scalar.isASCII { return [Unicode.Scalar(UInt8(ascii: scalar).lowercasedASCII)] }
        let lowered = String(scalar).lowercased().decomposedStringWithCanonicalMapping
        return lowered.unicodeScalars.filter { candidate in
            switch candidate.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return false
            default: return true
            }
        }
    }

    /// Appends `scalar`, after the one space that `pendingSpace` says is owed.
    static func appendFolded(_ scalar: Unicode.Scalar, to out: inout Scalars, pendingSpace: inout Bool) {
        if pendingSpace {
            out.append(" ")
            pendingSpace = false
        }
        out.append(scalar)
    }

    static func hex6(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The characters of `nameSortKey`, in increasing byte order.
    enum SortCode {
        static let partEnd: Unicode.Scalar = "!"
        static let wordSeparator: Unicode.Scalar = "#"
        static let tones: [Unicode.Scalar] = Array("012345".unicodeScalars)
        static let digits: [Unicode.Scalar] = Array("6789:;<=>?".unicodeScalars)
        static let letters: [Unicode.Scalar] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg".unicodeScalars)
        static let other: Unicode.Scalar = "~"
    }
}

extension UInt8 {
    fileprivate var lowercasedASCII: UInt8 { (0x41...0x5A).contains(self) ? self + 0x20 : self }
}

extension StringProtocol {
    /// Without leading and trailing white space (and line breaks). Foundation's `trimmingCharacters(in:)` goes
    /// through NSString on Linux and dominated import profiles; this stays in Swift.
    public var trimmed: String {
        let scalars = unicodeScalars
        // Most values have nothing to trim.
        if let first = scalars.first, let last = scalars.last, !first.isWhiteSpace, !last.isWhiteSpace {
            return String(self)
        }
        guard let first = scalars.firstIndex(where: { !$0.isWhiteSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isWhiteSpace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

extension StringProtocol {
    /// Trimmed, and each run of white space inside as one space (names as typed: `" Nguyễn  Văn\tA "` → `"Nguyễn Văn A"`).
    public var collapsedWhitespace: String {
        var previousWasSpace = true
        var clean = true
        for scalar in unicodeScalars {
            let space = scalar.isWhiteSpace
            // Most names are already clean: single ASCII spaces between words, none at either end.
            if space && (previousWasSpace || scalar != " ") {
                clean = false
                break
            }
            previousWasSpace = space
        }
        if clean && !previousWasSpace { return String(self) }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isWhiteSpace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }
}

extension Unicode.Scalar {
    /// The White_Space property, answered from its short fixed list (Unicode's PropList.txt) instead of the tables.
    fileprivate var isWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
