/// Labels of the fields that rules, conflicts and history name by key (`FieldError.field`, `FieldChange.field`):
/// users read the label, the key stays in the API.
extension Catalogue {
    public static func fieldLabel(_ key: String) -> Localized? {
        fieldLabels[key] ?? vettingFieldLabels[key] ?? trainingFieldLabels[key] ?? voteFieldLabels[key] ?? congressFieldLabel(key)
            ?? betweenFieldLabels[key]
    }

    static let fieldLabels: [String: Localized] = [
        // Units.
        "code": code, "name": name, "kind": kind, "parent_code": parentCode, "sector": sectorLabel, "has_committee": hasCommittee,
        "founded_on": foundedOn, "dissolved_on": dissolvedOn, "effective_on": effectiveOn, "decision_no": decisionNo, "as_of": asOf,
        "sources": sources, "target": target, "assign": t("Phân chia tổ chức trực thuộc", "Assignment of sub-units"), "op": action,
        "step": stage, "parts": splitParts, "to_unit": toUnit, "note": note,
        // Members.
        "full_name": fullName, "gender": genderLabel, "birth_date": birthDate, "ethnicity": ethnicityLabel, "religion": religion,
        "home_town": homeTown, "national_id": nationalIdLabel, "card_no": cardNo, "unit_code": unitCodeOfMember, "status": statusLabel,
        "admitted_on": admittedOn, "recognized_on": recognizedOn, "left_on": leftOn, "education": educationLabel,
        "qualification": qualificationLabel, "political_theory": politicalTheoryLabel, "occupation": occupation, "phone": phone,
        "address": address, "photo": photoLabel, "event": eventKind, "stage": stage, "version": t("Phiên bản hồ sơ", "Record version"),
        // Admission steps.
        "course_on": t("Ngày học lớp bồi dưỡng nhận thức về Đảng", "Party course attended on"),
        "introducers": t("Người giới thiệu", "Introducers"), "card_1": introducerCard, "card_2": introducerCard,
        "since_1": workedSince, "since_2": workedSince, "meeting_on": meetingOn, "full_members": cellFullMembers,
        "in_favour": cellInFavour, "cell_vote": t("Biểu quyết của chi bộ", "Cell's vote"), "decision_on": t("Ngày quyết định", "Decision date"),
        "ceremony_on": t("Ngày lễ kết nạp", "Ceremony date"),
        "recognition": t("Công nhận đảng viên chính thức", "Recognition as full member"),
        "consent": t("Văn bản đồng ý của cấp ủy trực thuộc Trung ương", "Written consent of the provincial committee"),
        // Cadres (issue 5).
        "title": title, "started_on": startedOn, "ended_on": endedOn, "start_kind": startKind, "end_kind": endKind, "managed_by": managedBy,
        "approved_on": approvedOn, "place_code": placeCode, "closes_position_id": closesPosition, "member_number": memberNumber,
        "level": disciplineLevel, "decided_on": decidedOn, "decision": decision,
        // Staffing quotas.
        "assigned": quotaAssigned, "actual": quotaActual, "reduction_target": reductionTarget, "reduced": reductionAchieved, "year": staffingYear,
        // Accounts.
        "username": username, "password": password, "current_password": currentPassword, "display_name": displayName, "role": role,
        "scope": tokenScopeLabel, "sort": sortBy,
    ]
}
