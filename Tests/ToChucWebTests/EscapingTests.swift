import Foundation
import Testing

@testable import ToChucWeb

/// Text from users never becomes markup or a second URL parameter: what the pages interpolate is escaped, and the
/// fast paths (nothing to escape) return the text unchanged.
@Suite struct EscapingTests {
    @Test(
        "HTML: the five special characters become entities wherever they stand; other text, Vietnamese included, is kept",
        arguments: [
            ("Nguyễn Văn Tùng", "Nguyễn Văn Tùng"),
            ("", ""),
            ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
            ("Chi bộ \"Ấp 3\" & Đảng ủy", "Chi bộ &quot;Ấp 3&quot; &amp; Đảng ủy"),
            ("&", "&amp;"),
            ("a>b<ễ", "a&gt;b&lt;ễ"),
            ("ễ&ễ", "ễ&amp;ễ"),
        ])
    func html(_ text: String, _ escaped: String) {
        #expect(HTML.escape(text) == escaped)
        let interpolated: HTML = "<p>\(text)</p>"
        #expect(interpolated.text == "<p>" + escaped + "</p>")
    }

    @Test(
        "URL: codes pass unchanged; spaces, reserved characters and non-ASCII text are percent-encoded as before",
        arguments: [
            ("T01-A-C1", "T01-A-C1"),
            ("a_b.c~d", "a_b.c~d"),
            ("Chi bo 1", "Chi%20bo%201"),
            ("a&b=c?d/e#f", "a%26b%3Dc%3Fd%2Fe%23f"),
            ("tùng", "tùng".addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~")))!),
        ])
    func url(_ text: String, _ escaped: String) {
        #expect(SiteURL.escape(text) == escaped)
    }
}
