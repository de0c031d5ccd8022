/// Texts of the second factor and of ending sessions (issue 9, FACTS.md "Security anchors").
extension Catalogue {
    public static let secondFactor = t("Xác thực hai bước", "Two-step verification")
    public static let secondFactorOn = t("Đang bật", "On")
    public static let secondFactorOff = t("Chưa bật", "Off")
    public static let secondFactorCode = t("Mã xác thực (6 chữ số)", "Verification code (6 digits)")
    public static let secondFactorPrompt = t(
        "Nhập mã 6 chữ số mà ứng dụng xác thực trên điện thoại (Google Authenticator, Microsoft Authenticator…) đang hiển thị.",
        "Enter the 6-digit code your authenticator app (Google Authenticator, Microsoft Authenticator…) shows now.")
    public static let verifyCode = t("Xác nhận", "Verify")
    public static let wrongSecondFactorCode = t(
        "Mã xác thực không đúng, đã hết hạn hoặc đã được dùng.", "The code is wrong, expired or already used.")
    public static let secondFactorUnreadable = t(
        "Không đọc được khóa xác thực hai bước của tài khoản (tệp khóa của máy chủ đã thay đổi). Đề nghị quản trị viên đặt lại.",
        "The account's two-step key cannot be read (the server's key file changed). Ask an administrator to reset it.")
    public static let secondFactorBadSecret = t("Mã bí mật không hợp lệ; hãy tải lại trang.", "Invalid secret; reload the page.")
    public static let secondFactorAlreadyOn = t(
        "Xác thực hai bước đã bật; muốn đổi điện thoại, đề nghị quản trị viên đặt lại.",
        "Two-step verification is already on; to change phones, ask an administrator to reset it.")
    public static let secondFactorRequired = t(
        "Vai trò của bạn bắt buộc xác thực hai bước. Hãy bật trước khi làm việc khác.",
        "Your role requires two-step verification. Turn it on before anything else.")
    public static let secondFactorOptional = t(
        "Không bắt buộc với vai trò của bạn, nhưng nên bật để bảo vệ tài khoản.",
        "Not required for your role, but it protects your account.")
    public static let secondFactorSteps = t(
        "Mở ứng dụng xác thực trên điện thoại, quét mã QR dưới đây (hoặc thêm tài khoản bằng mã bí mật, hoặc mở liên kết), rồi nhập mã 6 chữ số ứng dụng hiển thị.",
        "Open your authenticator app, scan the QR code below (or add an account with the secret, or open the link), then enter the 6-digit code it shows.")
    public static let secondFactorQR = t("Mã QR cho ứng dụng xác thực", "QR code for the authenticator app")
    public static let secondFactorSecret = t("Mã bí mật (Base32)", "Secret key (Base32)")
    public static let secondFactorLink = t("Liên kết cho ứng dụng xác thực", "Link for the authenticator app")
    public static let turnOnSecondFactor = t("Bật xác thực hai bước", "Turn on two-step verification")
    public static let secondFactorEnabled = t("Đã bật xác thực hai bước.", "Two-step verification is on.")
    public static let secondFactorHowToChange = t(
        "Mất điện thoại hoặc đổi điện thoại: đề nghị quản trị viên đặt lại xác thực hai bước.",
        "Lost or changed your phone: ask an administrator to reset two-step verification.")
    public static let resetSecondFactor = t("Đặt lại xác thực hai bước", "Reset two-step verification")
    public static let secondFactorResetDone = t(
        "Đã đặt lại xác thực hai bước; mọi phiên đăng nhập của tài khoản đã kết thúc.",
        "Two-step verification was reset; all the account's sessions were ended.")
    public static let logoutEverywhere = t("Đăng xuất khỏi mọi nơi", "Log out everywhere")
    public static let logoutEverywhereHelp = t(
        "Kết thúc mọi phiên đăng nhập của tài khoản này, kể cả phiên đang dùng (khi quên đăng xuất ở máy khác). Mã API không bị ảnh hưởng.",
        "Ends every session of this account, this one included (when you forgot to log out elsewhere). API tokens are not affected.")
    public static func openSessions(_ n: Int) -> Localized { t("Số phiên đăng nhập đang mở: \(n)", "Open sessions: \(n)") }
    public static let sessions = t("Phiên đăng nhập", "Sessions")

    static let accountAuditActions: [String: Localized] = [
        "totp_enable": t("Bật xác thực hai bước", "Turned on two-step verification"),
        "totp_reset": t("Đặt lại xác thực hai bước", "Reset two-step verification"),
        "logout_all": t("Đăng xuất khỏi mọi nơi", "Logged out everywhere"),
    ]
}
