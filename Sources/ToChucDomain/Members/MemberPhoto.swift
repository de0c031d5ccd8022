/// The member's photo (ảnh 3×4 on the member sheet; DOMAIN.md §2). Personal data: shown only to roles that see it.
public enum MemberPhoto {
    /// Large enough for a scanned 3×4 photo at print resolution, small enough to keep the register light.
    public static let maximumBytes = 2 * 1024 * 1024

    /// The image's type from its first bytes (never from the file name or the browser's word): JPEG or PNG only.
    public static func contentType(of bytes: [UInt8]) -> String? {
        if bytes.count >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF { return "image/jpeg" }
        if bytes.count >= 8 && bytes.prefix(8).elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        return nil
    }

    /// The content type to store, or why the file is refused.
    public static func check(_ bytes: [UInt8]) -> Result<String, DomainError> {
        if bytes.isEmpty { return .failure(.invalid(Catalogue.invalidInput, [FieldError("photo", Catalogue.photoMissing)])) }
        if bytes.count > maximumBytes {
            return .failure(.invalid(Catalogue.invalidInput, [FieldError("photo", Catalogue.photoTooLarge(maximumBytes / (1024 * 1024)))]))
        }
        guard let type = contentType(of: bytes) else {
            return .failure(.invalid(Catalogue.invalidInput, [FieldError("photo", Catalogue.photoNotImage)]))
        }
        return .success(type)
    }
}
