/// Merging two records of one person found by the data check (DOMAIN.md §2, data cleaning): the record kept takes
/// every value it lacks from the duplicate; two records that name different people cannot be merged.
public enum MemberMerge {
    /// The identifying fields that must agree where both records have them.
    static var identity: [(key: String, value: (MemberDraft) -> String)] {
        [
            ("card_no", \.cardNo), ("national_id", \.nationalId), ("birth_date", \.birthDate), ("gender", \.gender),
        ]
    }

    /// Fields the kept record may take from the duplicate when it has none.
    static var fillable: [WritableKeyPath<MemberDraft, String>] {
        [
            \.cardNo, \.nationalId, \.birthDate, \.ethnicity, \.religion, \.homeTown, \.admittedOn, \.recognizedOn, \.education,
            \.qualification, \.politicalTheory, \.occupation, \.phone, \.address,
        ]
    }

    /// The merged record, or the fields on which the two records disagree (each named, in Vietnamese).
    public static func merged(keep: MemberDraft, duplicate: MemberDraft) -> Result<MemberDraft, DomainError> {
        var errors: [FieldError] = []
        if VietnameseText.fold(keep.fullName) != VietnameseText.fold(duplicate.fullName) {
            errors.append(FieldError("full_name", Catalogue.mergeDiffers(keep.fullName, duplicate.fullName)))
        }
        for (key, value) in identity {
            let a = value(keep).trimmed
            let b = value(duplicate).trimmed
            if !a.isEmpty && !b.isEmpty && a != b { errors.append(FieldError(key, Catalogue.mergeDiffers(a, b))) }
        }
        guard errors.isEmpty else { return .failure(.invalid(Catalogue.mergeRefused, errors)) }
        var result = keep
        for field in fillable where result[keyPath: field].trimmed.isEmpty {
            result[keyPath: field] = duplicate[keyPath: field]
        }
        return .success(result)
    }
}
