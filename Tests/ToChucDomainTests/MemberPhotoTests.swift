import Testing
import ToChucDomain

/// DOMAIN.md §2: the member's photo — a JPEG or PNG recognised by its bytes, within the size limit.
@Suite struct MemberPhotoTests {
    @Test(
        "the type comes from the file's first bytes, not its name",
        arguments: [
            ([0xFF, 0xD8, 0xFF, 0xE0, 0x00], "image/jpeg"), ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00], "image/png"),
            (Array("<svg onload=alert(1)>".utf8), nil), (Array("GIF89a".utf8), nil), ([0xFF, 0xD8], nil),
        ] as [([UInt8], String?)])
    func contentType(bytes: [UInt8], expected: String?) {
        #expect(MemberPhoto.contentType(of: bytes) == expected)
    }

    @Test("empty, oversized and non-image files are refused with the field named")
    func refusals() {
        let tooLarge = [UInt8]([0xFF, 0xD8, 0xFF]) + [UInt8](repeating: 0, count: MemberPhoto.maximumBytes)
        for bytes in [[], tooLarge, Array("hello".utf8)] as [[UInt8]] {
            guard case .failure(.invalid(_, let errors)) = MemberPhoto.check(bytes) else {
                Issue.record("accepted \(bytes.count) bytes")
                continue
            }
            #expect(errors.map(\.field) == ["photo"])
        }
        #expect((try? MemberPhoto.check([0xFF, 0xD8, 0xFF, 0xDB]).get()) == "image/jpeg")
    }
}
