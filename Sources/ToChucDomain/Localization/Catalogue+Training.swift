/// Texts of training (DOMAIN.md §3, issue 5).
extension Catalogue {
    public static let trainingArea = t("Đào tạo, bồi dưỡng", "Training")
    public static let examsArea = t("Thi tuyển, nâng ngạch, sát hạch", "Exams")
    public static let staffReductionList = t("Xem xét tinh giản biên chế", "Considered for staff reduction")
}
