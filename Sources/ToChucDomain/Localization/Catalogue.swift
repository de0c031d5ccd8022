/// Every text a user sees, in Vietnamese and English. The one place where Vietnamese appears in code.
public enum Catalogue {
    static func t(_ vi: String, _ en: String) -> Localized { Localized(vi: vi, en: en) }

    // MARK: - Application
    public static let appName = t("ToChuc — Công tác tổ chức xây dựng Đảng", "ToChuc — Party organization work")
    public static let appShort = t("ToChuc", "ToChuc")

    // MARK: - Menu areas
    public static let areaOrganization = t("Tổ chức", "Organization")
    public static let areaMembers = t("Đảng viên", "Members")
    public static let areaCadres = t("Cán bộ", "Cadres")
    public static let areaAssessment = t("Đánh giá", "Assessment")
    public static let areaCongress = t("Đại hội", "Congresses")
    public static let areaReports = t("Báo cáo", "Reports")
    public static let areaDocuments = t("Văn bản", "Documents")
    public static let areaAdmin = t("Quản trị", "Administration")
    public static let comingLater = t("chưa có trong phiên bản này", "not in this version yet")

    // MARK: - Common words
    public static func welcome(_ name: String) -> Localized { t("Xin chào, \(name).", "Welcome, \(name).") }
    public static let unitsInSubtree = t("Tổ chức trong phạm vi", "Units in scope")
    public static let home = t("Trang chủ", "Home")
    public static let save = t("Lưu", "Save")
    public static let cancel = t("Hủy", "Cancel")
    public static let edit = t("Sửa", "Edit")
    public static let create = t("Thêm mới", "Create")
    public static let search = t("Tìm kiếm", "Search")
    public static let searchPlaceholder = t("Tên hoặc mã, không cần dấu", "Name or code, accents optional")
    public static let previousPage = t("Trang trước", "Previous page")
    public static let nextPage = t("Trang sau", "Next page")
    public static func pageOf(_ page: String, _ pages: String, _ total: String) -> Localized {
        t("Trang \(page)/\(pages) — \(total) bản ghi", "Page \(page) of \(pages) — \(total) records")
    }
    public static func pageOfMany(_ page: String, _ pages: String, _ total: String) -> Localized {
        t("Trang \(page)/\(pages) — hơn \(total) bản ghi; gõ thêm để thu hẹp", "Page \(page) of \(pages) — more than \(total) records; type more to narrow")
    }
    public static let noRecords = t("Không có bản ghi nào.", "No records.")
    public static let yes = t("Có", "Yes")
    public static let no = t("Không", "No")
    public static let view = t("Xem", "View")
    public static let go = t("Đến", "Go")
    public static let print = t("In", "Print")
    public static let language = t("Ngôn ngữ", "Language")
    public static let languageName = t("Tiếng Việt", "English")
    public static let sortBy = t("Sắp xếp theo", "Sort by")

    // MARK: - Accounts and sessions
    public static let login = t("Đăng nhập", "Log in")
    public static let logout = t("Đăng xuất", "Log out")
    public static let username = t("Tên đăng nhập", "User name")
    public static let password = t("Mật khẩu", "Password")
    public static let newPassword = t("Mật khẩu mới", "New password")
    public static let currentPassword = t("Mật khẩu hiện tại", "Current password")
    public static let changePassword = t("Đổi mật khẩu", "Change password")
    public static let passwordChanged = t("Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.", "Password changed. Other sessions were ended.")
    public static let displayName = t("Họ và tên", "Full name")
    public static let role = t("Vai trò", "Role")
    public static let systemAdministrator = t("Quản trị hệ thống", "System administrator")
    public static let account = t("Tài khoản", "Account")
    public static let users = t("Người dùng", "Users")
    public static let disabled = t("Đã khóa", "Disabled")
    public static let active = t("Đang hoạt động", "Active")
    public static let disable = t("Khóa tài khoản", "Disable")
    public static let addUser = t("Thêm người dùng", "Add user")
    public static let userCreated = t("Đã tạo người dùng.", "User created.")
    public static let userDisabled = t("Đã khóa tài khoản; mọi phiên đăng nhập của tài khoản đã kết thúc.", "Account disabled; all its sessions were ended.")
    public static let wrongCredentials = t("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password.")
    public static func throttled(minutes: Int) -> Localized {
        t("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau \(minutes) phút.", "Too many failed log-ins. Try again in \(minutes) minutes.")
    }
    public static let loginRequired = t("Vui lòng đăng nhập.", "Please log in.")
    public static let sessionExpired = t("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.", "Your session has expired. Please log in again.")
    public static let csrfFailed = t(
        "Biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang và thử lại.", "The form has expired or is invalid. Reload the page and try again.")
    public static let usernameTaken = t("Tên đăng nhập đã được dùng.", "This user name is taken.")
    public static let invalidUsername = t(
        "Tên đăng nhập gồm 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.",
        "A user name is 3–40 characters: ASCII letters, digits, dot, hyphen, underscore.")
    public static func passwordTooShort(_ n: Int) -> Localized { t("Mật khẩu phải có ít nhất \(n) ký tự.", "The password must have at least \(n) characters.") }
    public static func passwordTooLong(_ n: Int) -> Localized { t("Mật khẩu không được dài quá \(n) ký tự.", "The password must have at most \(n) characters.") }
    public static let passwordCommon = t("Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.", "This password is too common and easy to guess. Choose another.")
    public static let passwordContainsUsername = t("Mật khẩu không được chứa tên đăng nhập.", "The password must not contain the user name.")
    public static let resetPassword = t("Đặt lại mật khẩu", "Reset password")
    public static func passwordResetFor(_ user: String) -> Localized { t("Mật khẩu mới của \(user)", "New password for \(user)") }
    public static let passwordShownOnce = t(
        "Mật khẩu này chỉ hiển thị một lần; hãy trao trực tiếp cho người dùng. Các phiên đăng nhập của họ đã kết thúc.",
        "This password is shown only once; hand it to the user in person. Their sessions were ended.")
    public static let apiTokens = t("Mã truy cập API", "API tokens")
    public static let tokenName = t("Tên mã", "Token name")
    public static let tokenScopeLabel = t("Phạm vi", "Scope")
    public static let createToken = t("Tạo mã truy cập", "Create token")
    public static let revoke = t("Thu hồi", "Revoke")
    public static let revoked = t("Đã thu hồi", "Revoked")
    public static let tokenShownOnce = t(
        "Mã truy cập mới (chỉ hiển thị một lần, hãy sao chép ngay):", "New token (shown only once, copy it now):")
    public static let tokenRevoked = t("Đã thu hồi mã truy cập.", "Token revoked.")
    public static let createdAt = t("Ngày tạo", "Created")
    public static let lastUsed = t("Dùng lần cuối", "Last used")
    public static func tokenScope(_ scope: TokenScope) -> Localized {
        switch scope {
        case .read: return t("Chỉ đọc", "Read only")
        case .readWrite: return t("Đọc và ghi", "Read and write")
        }
    }
    public static let readOnlyToken = t("Mã truy cập này chỉ được đọc.", "This token is read-only.")
    public static func role(_ role: Role) -> Localized {
        switch role {
        case .viewer: return t("Chỉ xem", "Viewer")
        case .clerk: return t("Chuyên viên", "Clerk")
        case .head: return t("Lãnh đạo", "Head")
        case .admin: return t("Quản trị", "Administrator")
        }
    }

    // MARK: - Access
    public static let notFound = t("Không tìm thấy trang hoặc bản ghi này.", "This page or record was not found.")
    public static let unitNotFound = t("Không tìm thấy tổ chức này trong phạm vi của bạn.", "No such unit in your scope.")
    public static let forbidden = t("Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this.")
    public static let readOnlyRole = t("Vai trò của bạn chỉ được xem.", "Your role may only read.")
    public static let adminOnly = t("Chỉ quản trị viên được thực hiện thao tác này.", "Only an administrator may do this.")
    public static let outsideScope = t("Tổ chức này nằm ngoài phạm vi của bạn.", "This unit is outside your scope.")
    public static let cannotMoveOwnUnit = t(
        "Không thể chuyển tổ chức của chính bạn sang cấp trên khác; hãy nhờ cấp trên thực hiện.",
        "You cannot move your own unit under another parent; ask the level above.")

    // MARK: - Validation
    public static let invalidInput = t("Dữ liệu chưa hợp lệ; chưa lưu gì.", "The input is not valid; nothing was saved.")
    public static let required = t("Bắt buộc nhập.", "Required.")
    public static func tooLong(_ n: Int) -> Localized { t("Dài quá \(n) ký tự.", "Longer than \(n) characters.") }
    public static func unknownValue(_ v: String) -> Localized { t("Giá trị không hợp lệ: “\(v)”.", "Unknown value: “\(v)”.") }
    public static func invalidDate(_ v: String) -> Localized {
        t("Ngày không hợp lệ: “\(v)” (dùng dd/mm/yyyy hoặc yyyy-mm-dd).", "Invalid date: “\(v)” (use dd/mm/yyyy or yyyy-mm-dd).")
    }
    public static let nulCharacter = t("Dữ liệu chứa ký tự NUL (mã 0), không được chấp nhận.", "The input contains a NUL character (code 0), which is not accepted.")
    public static let malformedBody = t("Nội dung gửi lên không đọc được.", "The request body cannot be read.")
    public static let uploadTooLarge = t("Tệp gửi lên quá lớn (tối đa 20 MB).", "The upload is too large (20 MB at most).")
    public static let methodNotAllowed = t("Thao tác này không được hỗ trợ ở địa chỉ này.", "This method is not supported here.")
    public static let internalError = t(
        "Có lỗi trong hệ thống; thao tác chưa được thực hiện. Lỗi đã được ghi lại.",
        "Something went wrong in the system; nothing was done. The error was logged.")
    public static let databaseUnavailable = t(
        "Cơ sở dữ liệu tạm thời không truy cập được (có thể đang chuyển sang máy chủ dự phòng); thao tác chưa được thực hiện. Vui lòng thử lại sau ít giây.",
        "The database is briefly unreachable (perhaps switching to its standby server); nothing was done. Please try again in a few seconds.")
    public static let writeOutcomeUnknown = t(
        "Mất kết nối tới cơ sở dữ liệu đúng lúc đang lưu: chưa rõ thay đổi đã được lưu hay chưa. Hãy mở lại bản ghi để kiểm tra trước khi gửi lại.",
        "The connection to the database was lost while saving: the change may or may not be stored. Open the record again to check before sending it again.")
    public static let rootAdminOnly = t("Chỉ quản trị viên cấp gốc được xem mục này.", "Only a root-level administrator may see this.")
    public static let databaseStatus = t("Cơ sở dữ liệu", "Database")
    public static let databaseEngine = t("Loại cơ sở dữ liệu", "Engine")
    public static let databaseEmbedded = t("SQLite nhúng (một máy chủ), tệp", "Embedded SQLite (one server), file")
    public static let databasePostgres = t("PostgreSQL", "PostgreSQL")
    public static let databasePrimary = t("Máy chủ chính (ghi)", "Primary (writes)")
    public static let databasePrimarySearching = t("đang tìm máy chủ chính (chuyển đổi dự phòng)", "looking for the primary (failover)")
    public static let readReplicas = t("Máy chủ bản sao chỉ đọc", "Read replicas")
    public static let noReadReplicas = t(
        "Không có máy chủ bản sao: mọi thao tác đọc đều ở máy chủ chính (thêm bằng --read-replica, xem docs/deployment.md).",
        "No read replicas: every read goes to the primary (add them with --read-replica, see docs/deployment.md).")
    public static let replicaHost = t("Máy chủ", "Host")
    public static let replicaServing = t("Đang phục vụ đọc", "Serving reads")
    public static let replicaNotServing = t("Không phục vụ", "Not serving")
    public static let replicaLag = t("Độ trễ (giây)", "Lag (seconds)")
    public static let replicaProblem = t("Lý do", "Why")
    public static let replicaServed = t("Lượt đọc đã phục vụ", "Reads served")
    public static let replicaRule = t(
        "Danh sách, tìm kiếm và báo cáo được đọc từ bản sao khỏe; trang của một bản ghi, mọi thao tác ghi và các trang ngay sau khi người dùng thay đổi dữ liệu được đọc từ máy chủ chính. Trạng thái được kiểm tra mỗi giây.",
        "Lists, searches and reports read from a healthy replica; a record's own page, every change and the pages right after a user's change read from the primary. Checked every second.")
    public static let invalidToken = t("Mã truy cập không hợp lệ hoặc đã bị thu hồi.", "The token is invalid or revoked.")
    public static func outOfRange(_ low: Int, _ high: Int) -> Localized {
        t("Phải là số nguyên từ \(low) đến \(high).", "Must be a whole number from \(low) to \(high).")
    }
    public static let invalidNumber = t("Phải là số nguyên dương.", "Must be a positive whole number.")

    // MARK: - Organization
    public static let units = t("Tổ chức đảng", "Party units")
    public static let unit = t("Tổ chức", "Unit")
    public static let code = t("Mã", "Code")
    public static let name = t("Tên tổ chức", "Name")
    public static let kind = t("Loại", "Kind")
    public static let parent = t("Cấp trên", "Parent")
    public static let parentCode = t("Mã cấp trên", "Parent code")
    public static let sectorLabel = t("Khu vực", "Sector")
    public static let hasCommittee = t("Có cấp ủy", "Has a committee")
    public static let foundedOn = t("Ngày thành lập", "Founded on")
    public static let dissolvedOn = t("Ngày giải thể", "Dissolved on")
    public static let subUnits = t("Tổ chức trực thuộc", "Sub-units")
    public static let yourUnit = t("Đơn vị của bạn", "Your unit")
    public static let pickUnit = t("Chọn tổ chức", "Choose a unit")
    public static let datePlaceholder = t("ngày/tháng/năm", "yyyy-mm-dd")
    public static let unitCodeOfUser = t("Mã tổ chức của người dùng", "Code of the user's unit")
    public static let newSubUnit = t("Thêm tổ chức trực thuộc", "Add a sub-unit")
    public static let downloadXLSX = t("Tải về Excel (.xlsx)", "Download Excel (.xlsx)")
    public static let downloadCSV = t("Tải về CSV", "Download CSV")
    public static let exportInfoSheet = t("Thông tin xuất", "Export info")
    public static func exportedBy(_ who: String, _ when: String) -> Localized { t("Xuất bởi \(who) lúc \(when)", "Exported by \(who) at \(when)") }
    public static func unitSort(_ key: String) -> Localized {
        switch key {
        case "code": return t("Mã", "Code")
        case "name": return t("Tên", "Name")
        case "kind": return t("Cấp", "Level")
        default: return t("Theo cây tổ chức", "Tree order")
        }
    }
    public static let newUnit = t("Thêm tổ chức", "New unit")
    public static let editUnit = t("Sửa thông tin tổ chức", "Edit unit")
    public static let unitSaved = t("Đã lưu.", "Saved.")
    public static let invalidUnitCode = t(
        "Mã gồm 1–40 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.",
        "A code is 1–40 characters: ASCII letters, digits, dot, hyphen, underscore.")
    public static func unitCodeTaken(_ code: String) -> Localized { t("Mã “\(code)” đã được dùng.", "Code “\(code)” is already used.") }
    public static func parentNotFound(_ code: String) -> Localized {
        t("Không có tổ chức cấp trên mã “\(code)”.", "No parent unit with code “\(code)”.")
    }
    public static let dissolvedBeforeFounded = t("Ngày giải thể trước ngày thành lập.", "Dissolved before it was founded.")
    public static func parentKindNotHigher(parent: UnitKind, child: UnitKind) -> Localized {
        t(
            "\(child.label.vi) không thể trực thuộc \(parent.label.vi.lowercased()).",
            "A \(child.label.en.lowercased()) cannot sit under a \(parent.label.en.lowercased()).")
    }
    public static let cycle = t("Không thể đặt một tổ chức dưới chính nó hoặc dưới tổ chức trực thuộc nó.", "A unit cannot sit under itself or one of its sub-units.")
    public static let rootNeedsAdmin = t("Chỉ quản trị viên cấp gốc mới tạo được tổ chức gốc.", "Only a root-level administrator may create a root unit.")
    public static func unitKind(_ kind: UnitKind) -> Localized {
        switch kind {
        case .central: return t("Trung ương", "Central")
        case .provincial: return t("Đảng bộ tỉnh", "Provincial")
        case .upperBase: return t("Cấp trên cơ sở", "Upper-base")
        case .base: return t("Cơ sở", "Base")
        case .subBase: return t("Đảng bộ bộ phận", "Sub-base")
        case .cell: return t("Chi bộ", "Cell")
        }
    }
    public static func sector(_ sector: Sector) -> Localized {
        switch sector {
        case .stateAgency: return t("Cơ quan nhà nước", "State agency")
        case .publicService: return t("Đơn vị sự nghiệp", "Public service unit")
        case .stateEnterprise: return t("Doanh nghiệp nhà nước", "State enterprise")
        case .nonStateEnterprise: return t("Doanh nghiệp ngoài nhà nước", "Non-state enterprise")
        case .armedForces: return t("Lực lượng vũ trang", "Armed forces")
        case .commune: return t("Xã, phường", "Commune or ward")
        case .other: return t("Khác", "Other")
        }
    }

    // MARK: - Restructuring
    public static func restructureKind(_ kind: RestructureKind) -> Localized {
        switch kind {
        case .found: return t("Thành lập", "Founded")
        case .rename: return t("Đổi tên", "Renamed")
        case .move: return t("Chuyển cấp trên", "Moved")
        case .merge: return t("Hợp nhất, sáp nhập", "Merged")
        case .split: return t("Chia tách", "Split")
        case .dissolve: return t("Giải thể", "Dissolved")
        case .correction: return t("Đính chính", "Correction")
        }
    }
    public static func mergeKindsDiffer(_ source: String, _ sourceKind: UnitKind, _ target: String, _ targetKind: UnitKind) -> Localized {
        t(
            "Không thể hợp nhất \(source) (\(sourceKind.label.vi.lowercased())) vào \(target) (\(targetKind.label.vi.lowercased())): chỉ hợp nhất các tổ chức cùng loại.",
            "Cannot merge \(source) (\(sourceKind.label.en.lowercased())) into \(target) (\(targetKind.label.en.lowercased())): only units of the same kind merge.")
    }
    public static func dissolveHasChildren(_ code: String, _ count: Int, _ first: [String]) -> Localized {
        let list = first.joined(separator: ", ") + (count > first.count ? ", …" : "")
        return t(
            "Chưa thể giải thể \(code): còn \(count) tổ chức trực thuộc (\(list)). Hãy chuyển hoặc giải thể các tổ chức này trước.",
            "Cannot dissolve \(code) yet: it still has \(count) sub-units (\(list)). Move or dissolve them first.")
    }
    public static func outcomeCreated(_ codes: [String]) -> Localized { t("thành lập: \(codes.joined(separator: ", "))", "founded: \(codes.joined(separator: ", "))") }
    public static func outcomeMoved(_ codes: [String]) -> Localized { t("chuyển: \(codes.joined(separator: ", "))", "moved: \(codes.joined(separator: ", "))") }
    public static func outcomeRenamed(_ codes: [String]) -> Localized { t("đổi tên: \(codes.joined(separator: ", "))", "renamed: \(codes.joined(separator: ", "))") }
    public static func outcomeEnded(_ codes: [String]) -> Localized { t("kết thúc: \(codes.joined(separator: ", "))", "ended: \(codes.joined(separator: ", "))") }
    public static func outcomeMembersMoved(_ n: Int) -> Localized {
        t("\(VietnameseFormat.integer(n)) đảng viên chuyển theo", "\(EnglishFormat.integer(n)) members followed")
    }
    public static func dissolveHasMembers(_ code: String, _ n: Int) -> Localized {
        t(
            "Chưa thể giải thể \(code): còn \(VietnameseFormat.integer(n)) đảng viên và đối tượng kết nạp sinh hoạt tại đây. Hãy chuyển sinh hoạt trước.",
            "Cannot dissolve \(code) yet: \(EnglishFormat.integer(n)) members and candidates still belong to it. Transfer them first.")
    }
    public static let decisionRequired = t("Cần số quyết định (ví dụ 1234-QĐ/TU).", "A decision number is required (e.g. 1234-QĐ/TU).")
    public static let splitNeedsTwoParts = t("Chia tách cần ít nhất hai tổ chức mới.", "A split needs at least two new units.")
    public static func splitUnassigned(_ codes: [String]) -> Localized {
        t("Chưa phân công các tổ chức trực thuộc: \(codes.joined(separator: ", ")).", "Sub-units not assigned to a part: \(codes.joined(separator: ", ")).")
    }
    public static func splitUnknownPart(_ code: String) -> Localized {
        t("“\(code)” không phải một trong các tổ chức tách ra.", "“\(code)” is not one of the new parts.")
    }
    public static func notAChild(_ child: String, _ parent: String) -> Localized {
        t("\(child) không trực thuộc \(parent) vào ngày này.", "\(child) is not a sub-unit of \(parent) on that date.")
    }
    public static func unitNotOnDate(_ code: String, _ date: String) -> Localized {
        t("Tổ chức \(code) không tồn tại vào ngày \(date).", "Unit \(code) does not exist on \(date).")
    }
    public static func laterChangeExists(_ code: String, _ date: String) -> Localized {
        t(
            "\(code) đã có thay đổi từ ngày \(date) trở đi; hãy đính chính thay đổi đó trước hoặc chọn ngày hiệu lực sau.",
            "\(code) already changes on or after \(date); correct that change first or choose a later date.")
    }
    public static let foundedAfterChange = t(
        "Ngày thành lập phải trước lần thay đổi đầu tiên của tổ chức.", "The founding date must precede the unit's first change.")
    public static let kindConflictsWithChildren = t(
        "Loại này không thể có các tổ chức trực thuộc hiện có.", "A unit of this kind cannot have its current sub-units.")
    public static let eventAlreadyCorrected = t("Sự kiện này đã được đính chính.", "This event was already corrected.")
    public static let eventNotLatest = t(
        "Chỉ đính chính được thay đổi mới nhất của các tổ chức liên quan; hãy đính chính các thay đổi sau nó trước.",
        "Only the latest change of the units involved can be corrected; correct the later ones first.")
    public static let useRestructuring = t(
        "Để chuyển cấp trên hoặc giải thể, dùng thao tác sắp xếp tổ chức (có ngày hiệu lực và số quyết định).",
        "To move or dissolve a unit, use a restructuring operation (with its date and decision number).")
    public static let effectiveOn = t("Ngày hiệu lực", "Effective on")
    public static let decisionNo = t("Số quyết định", "Decision number")
    public static let note = t("Ghi chú", "Note")
    public static let asOf = t("Tại ngày", "As of")
    public static let tree = t("Cây tổ chức", "Tree")
    public static let restructure = t("Sắp xếp tổ chức", "Restructure")
    public static let timeline = t("Quá trình", "Timeline")
    public static let preview = t("Xem trước", "Preview")
    public static let apply = t("Thực hiện", "Apply")
    public static let correct = t("Đính chính (hủy)", "Correct (undo)")
    public static let events = t("Các lần sắp xếp", "Restructuring events")
    public static let sources = t("Các tổ chức hợp nhất", "Units merged")
    public static let target = t("Tổ chức sau hợp nhất", "Resulting unit")
    public static let newParent = t("Cấp trên mới", "New parent")
    public static let newName = t("Tên mới", "New name")
    public static let cellsWithCommittee = t("Chi bộ có cấp ủy", "Cells with a committee")
    public static let validFrom = t("Từ ngày", "From")
    public static let validTo = t("Đến ngày", "Until")
    public static let openBranch = t("mở nhánh", "open branch")
    public static let partCode = t("mã tổ chức mới", "new unit's code")
    public static let mergeOthers = t("Mã các tổ chức hợp nhất vào (cách nhau bởi dấu phẩy)", "Codes of the units merged in (comma-separated)")
    public static let mergeNewCode = t("Mã tổ chức mới (để trống nếu hợp nhất vào tổ chức này)", "Code of a new unit (empty to merge into this one)")
    public static let mergeNewName = t("Tên tổ chức mới", "Name of the new unit")
    public static let splitParts = t("Các tổ chức mới, mỗi dòng “MÃ: Tên”", "The new units, one per line “CODE: Name”")
    public static let foundSubUnit = t("Thành lập tổ chức trực thuộc", "Found a sub-unit")
    public static let restructureHelp = t(
        "Mỗi thao tác có ngày hiệu lực và số quyết định; xem trước rồi mới thực hiện. Chỉ có thể hủy bằng một lần đính chính, lịch sử không bị xóa.",
        "Each operation has its effective date and decision number; preview, then apply. It can be undone only by a correction; history is never erased.")
    public static func treeLegend(_ date: String) -> Localized {
        t("Cây tổ chức tại ngày \(date), kèm số tổ chức trực thuộc, chi bộ và đảng viên của mỗi nhánh.", "The tree as of \(date), with the sub-units, cells and members of each branch.")
    }
    public static func treeCounts(_ units: String, _ cells: String) -> Localized {
        t("\(units) tổ chức trực thuộc, \(cells) chi bộ", "\(units) sub-units, \(cells) cells")
    }
    public static func treeMembers(_ n: String) -> Localized { t("\(n) đảng viên", "\(n) members") }
    public static func correctedBy(_ id: String) -> Localized { t("đã đính chính (#\(id))", "corrected (#\(id))") }
    public static let dryRunNothingStored = t("Chạy thử: chưa lưu gì.", "Dry run: nothing stored.")
    public static let restructureDone = t("Đã thực hiện.", "Done.")

    // MARK: - Members
    public static let members = t("Đảng viên", "Members")
    public static let member = t("Đảng viên", "Member")
    public static let newMember = t("Thêm đảng viên", "New member")
    public static let editMember = t("Sửa hồ sơ đảng viên", "Edit member")
    public static let fullName = t("Họ và tên", "Full name")
    public static let genderLabel = t("Giới tính", "Gender")
    public static let birthDate = t("Ngày sinh", "Date of birth")
    public static let ethnicityLabel = t("Dân tộc", "Ethnic group")
    public static let religion = t("Tôn giáo", "Religion")
    public static let homeTown = t("Quê quán", "Home town")
    public static let nationalIdLabel = t("Số CCCD", "National ID")
    public static let cardNo = t("Số thẻ đảng viên", "Party card number")
    public static let statusLabel = t("Trạng thái", "Status")
    public static let admittedOn = t("Ngày vào Đảng", "Admitted on")
    public static let recognizedOn = t("Ngày chính thức", "Recognized on")
    public static let leftOn = t("Ngày ra khỏi Đảng", "Left on")
    public static let educationLabel = t("Giáo dục phổ thông", "General education")
    public static let qualificationLabel = t("Chuyên môn", "Qualification")
    public static let politicalTheoryLabel = t("Lý luận chính trị", "Political theory")
    public static let occupation = t("Nghề nghiệp", "Occupation")
    public static let phone = t("Điện thoại", "Phone")
    public static let address = t("Địa chỉ", "Address")
    public static let cellLabel = t("Chi bộ", "Cell")
    public static let anyValue = t("Tất cả", "Any")
    public static let ageFrom = t("Tuổi từ", "Age from")
    public static let ageTo = t("đến", "to")
    public static let admittedYear = t("Năm vào Đảng", "Year admitted")
    public static let unitCodeOfMember = t("Mã chi bộ (hoặc đảng bộ cơ sở) sinh hoạt", "Code of the member's cell (or base unit)")
    public static func memberSort(_ key: String) -> Localized {
        switch key {
        case "card_no": return t("Số thẻ", "Card number")
        case "birth_date": return t("Ngày sinh", "Date of birth")
        case "admitted_on": return t("Ngày vào Đảng", "Date admitted")
        default: return t("Tên (thứ tự tiếng Việt)", "Name (Vietnamese order)")
        }
    }
    public static let memberNotFound = t("Không tìm thấy đảng viên này trong phạm vi của bạn.", "No such member in your scope.")
    public static let memberSaved = t("Đã lưu hồ sơ.", "Record saved.")
    public static let maskedForRole = t("(ẩn theo vai trò)", "(hidden for your role)")
    public static let membersByStatus = t("Đảng viên theo trạng thái", "Members by status")
    public static let memberNameSearch = t("Họ tên, số thẻ hoặc CCCD — không cần dấu", "Name, card or ID number — accents optional")
    public static let dateInFuture = t("Ngày này ở tương lai.", "This date is in the future.")
    public static let invalidCardNo = t("Số thẻ gồm tối đa 20 chữ số, chữ cái không dấu hoặc gạch ngang.", "A card number is up to 20 digits, ASCII letters or hyphens.")
    public static let candidateHasNoAdmission = t("Đối tượng kết nạp chưa có ngày vào Đảng.", "A candidate has no admission date yet.")
    public static let probationaryNotRecognized = t("Đảng viên dự bị chưa có ngày chính thức.", "A probationary member has no recognition date yet.")
    public static let leftOnlyWhenLeft = t("Chỉ ghi ngày ra khỏi Đảng khi đã chuyển đi, ra khỏi Đảng hoặc từ trần.", "A leaving date goes only with a leaving status.")
    public static let recognizedBeforeAdmitted = t("Ngày chính thức trước ngày vào Đảng.", "Recognized before being admitted.")
    public static let leftBeforeAdmitted = t("Ngày ra khỏi Đảng trước ngày vào Đảng.", "Left before being admitted.")
    public static let admittedBeforeBirth = t("Ngày vào Đảng không thể trước ngày sinh.", "Admitted before being born.")
    public static let cardNoTaken = t("Số thẻ này đã có trong hồ sơ khác.", "This card number belongs to another record.")
    public static let nationalIdTaken = t("Số CCCD này đã có trong hồ sơ khác.", "This national ID belongs to another record.")
    public static let memberUnitKind = t("Đảng viên sinh hoạt ở chi bộ hoặc đảng bộ cơ sở.", "A member belongs to a cell or a base unit.")
    public static let unitHasMembers = t("Tổ chức còn đảng viên sinh hoạt; hãy chuyển sinh hoạt trước.", "The unit still has members; transfer them first.")
    public static func memberStatus(_ status: MemberStatus) -> Localized {
        switch status {
        case .candidate: return t("Đối tượng kết nạp", "Candidate")
        case .probationary: return t("Dự bị", "Probationary")
        case .full: return t("Chính thức", "Full")
        case .exempt: return t("Miễn sinh hoạt", "Exempt")
        case .transferredOut: return t("Đã chuyển đi", "Transferred out")
        case .expelled: return t("Khai trừ", "Expelled")
        case .removed: return t("Xóa tên", "Removed")
        case .resigned: return t("Xin ra", "Resigned")
        case .deceased: return t("Từ trần", "Deceased")
        }
    }
    public static func qualification(_ q: Qualification) -> Localized {
        switch q {
        case .none: return t("Không", "None")
        case .intermediate: return t("Trung cấp", "Intermediate")
        case .college: return t("Cao đẳng", "College")
        case .bachelor: return t("Đại học", "Bachelor")
        case .master: return t("Thạc sĩ", "Master")
        case .doctor: return t("Tiến sĩ", "Doctor")
        }
    }
    public static func politicalTheory(_ p: PoliticalTheory) -> Localized {
        switch p {
        case .none: return t("Không", "None")
        case .elementary: return t("Sơ cấp", "Elementary")
        case .intermediate: return t("Trung cấp", "Intermediate")
        case .advanced: return t("Cao cấp", "Advanced")
        case .bachelor: return t("Cử nhân", "Bachelor")
        }
    }

    // MARK: - Data cleaning
    public static let dataCheck = t("Làm sạch dữ liệu", "Data cleaning")
    public static let dataCheckHelp = t(
        "Các hồ sơ có thể trùng hoặc không hợp lệ trong phạm vi của bạn. Mở hồ sơ để sửa; mọi thay đổi được ghi vào lịch sử.",
        "Likely duplicates and impossible records in your scope. Open a record to fix it; every change goes into its history.")
    public static let noFindings = t("Không phát hiện vấn đề nào.", "Nothing found.")
    public static func finding(_ kind: DataFinding.Kind) -> Localized {
        switch kind {
        case .likelyDuplicate: return t("Có thể trùng: cùng họ tên và ngày sinh", "Likely duplicate: same name and date of birth")
        case .admittedUnder18: return t("Vào Đảng khi chưa đủ tuổi đời tối thiểu", "Admitted under the least age")
        case .recognizedBeforeAdmission: return t("Ngày chính thức trước ngày vào Đảng", "Recognized before admission")
        case .inDissolvedUnit: return t("Đảng viên trong tổ chức đã giải thể", "Member of a dissolved unit")
        case .statusWithoutDates: return t("Đảng viên chính thức thiếu ngày chính thức", "Full member without a recognition date")
        }
    }

    // MARK: - Member events
    public static let memberEvents = t("Biến động", "Lifecycle")
    public static let recordEvent = t("Ghi biến động", "Record an event")
    public static let eventKind = t("Loại biến động", "Event")
    public static let toUnit = t("Mã tổ chức chuyển đến (hoặc nơi sinh hoạt tạm thời)", "Code of the receiving unit (or of the temporary one)")
    public static let destination = t("Nơi đến (ngoài phạm vi)", "Destination (outside the scope)")
    public static let temporarilyAt = t("Sinh hoạt tạm thời tại", "Temporarily at")
    public static let farAway = t("Đảng viên sinh hoạt tạm thời, đi làm ăn xa", "Members temporarily elsewhere")
    public static let eventRecorded = t("Đã ghi biến động.", "Event recorded.")
    public static func eventNotAllowed(_ kind: MemberEventKind, _ status: MemberStatus) -> Localized {
        t(
            "Không thể ghi “\(kind.label.vi)” cho đảng viên có trạng thái “\(status.label.vi)”.",
            "“\(kind.label.en)” cannot be recorded for a member whose status is “\(status.label.en)”.")
    }
    public static let eventBeforeAdmission = t("Ngày biến động trước ngày vào Đảng.", "The event is dated before the admission.")
    public static let notTemporarilyAway = t("Đảng viên này không đang sinh hoạt tạm thời ở nơi khác.", "This member is not temporarily elsewhere.")
    public static func memberEventKind(_ kind: MemberEventKind) -> Localized {
        switch kind {
        case .transferWithin: return t("Chuyển sinh hoạt chính thức (trong phạm vi)", "Official transfer (within the scope)")
        case .transferOut: return t("Chuyển sinh hoạt chính thức ra ngoài", "Official transfer out")
        case .transferTemporary: return t("Chuyển sinh hoạt tạm thời", "Temporary transfer")
        case .returnFromTemporary: return t("Trở lại sau sinh hoạt tạm thời", "Back from a temporary transfer")
        case .exempt: return t("Miễn công tác và sinh hoạt đảng", "Exempted")
        case .expelled: return t("Khai trừ", "Expelled")
        case .removed: return t("Xóa tên", "Removed from the list")
        case .resigned: return t("Xin ra khỏi Đảng", "Resigned")
        case .deceased: return t("Từ trần", "Deceased")
        case .readmitted: return t("Kết nạp lại", "Re-admitted")
        }
    }

    // MARK: - Admission pipeline
    public static let admission = t("Kết nạp đảng viên", "Admission")
    public static let admissionBoard = t("Quy trình kết nạp", "Admission pipeline")
    public static let stage = t("Bước", "Stage")
    public static let nextStep = t("Bước tiếp theo", "Next step")
    public static let recognitionDue = t("Đến hạn xét chuyển chính thức", "Due for recognition")
    public static let recognitionOverdue = t("Quá hạn xét chuyển chính thức", "Overdue for recognition")
    public static let probationEndLabel = t("Hết thời gian dự bị", "Probation ends")
    public static let newCandidate = t("Thêm đối tượng kết nạp", "New candidate")
    public static let stepDone = t("Đã ghi bước này.", "Step recorded.")
    public static func admissionOutOfOrder(_ current: AdmissionStage, _ wanted: AdmissionStage) -> Localized {
        t(
            "Hồ sơ đang ở bước “\(current.label.vi)”; chưa thể ghi “\(wanted.label.vi)”.",
            "The case is at “\(current.label.en)”; “\(wanted.label.en)” cannot be recorded yet.")
    }
    public static func introducerUnknown(_ card: String) -> Localized {
        t("Không có đảng viên nào có số thẻ “\(card)”.", "No member has card number “\(card)”.")
    }
    public static let meetingBeforeCourse = t("Chi bộ họp xét trước khi đối tượng học lớp bồi dưỡng.", "The cell met before the candidate attended the course.")
    public static let decisionBeforeMeeting = t("Quyết định kết nạp trước ngày chi bộ họp xét.", "The decision predates the cell's meeting.")
    public static func probationNotOver(_ date: String, months: Int) -> Localized {
        t("Chưa hết \(months) tháng dự bị (đến \(date)).", "The \(months) months of probation are not over (until \(date)).")
    }
    public static func recognitionLate(workingDays: Int) -> Localized {
        t(
            "Chi bộ xét chuyển chính thức quá \(workingDays) ngày làm việc sau khi hết dự bị; ngày chính thức vẫn tính từ khi hết dự bị, cần giải trình.",
            "The cell considered recognition more than \(workingDays) working days after probation ended; full status still dates from then, but the delay must be explained.")
    }
    public static let introducerCard = t("Số thẻ người giới thiệu", "Introducer's card number")
    public static let workedSince = t("Cùng công tác từ", "Worked together since")
    public static let cellFullMembers = t("Số đảng viên chính thức của chi bộ", "Full members of the cell")
    public static let cellInFavour = t("Số tán thành", "In favour")
    public static func provincialConsent(maximumAge: Int) -> Localized {
        t("Có văn bản đồng ý của Tỉnh ủy (đối tượng trên \(maximumAge) tuổi)", "Written consent of the provincial committee (over \(maximumAge))")
    }
    public static let meetingOn = t("Ngày chi bộ họp xét", "Date of the cell's meeting")

    // MARK: - Member sheet
    public static let memberSheet = t("Phiếu đảng viên", "Member sheet")
    public static let memberSheetForm = t("(Mẫu 2-HSĐV)", "(Form 2-HSĐV)")
    public static let partyName = t("ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIETNAM")
    public static func sheetDate(_ date: String) -> Localized { t("Ngày \(date)", "On \(date)") }
    public static let sheetCertified = t("XÁC NHẬN CỦA CẤP ỦY", "CERTIFIED BY THE COMMITTEE")
    public static let pdfNeedsChromium = t(
        "Không tạo được PDF: máy chủ cần Chromium (gói chromium của Debian). Hãy dùng bản in HTML.",
        "Cannot make the PDF: the server needs Chromium (Debian's chromium package). Use the HTML print view.")

    // MARK: - Badges
    public static let badgesTitle = t("Xét tặng Huy hiệu Đảng", "Party badges")
    public static let awardDate = t("Đợt trao tặng", "Award date")
    public static let badgeLabel = t("Huy hiệu", "Badge")
    public static let badgeReachedOn = t("Đủ tuổi Đảng từ", "Reached on")
    public static let partyAgeLabel = t("Tuổi Đảng", "Party age")
    public static func nextBadge(_ badge: String, _ date: String) -> Localized { t("\(badge) từ \(date)", "\(badge) from \(date)") }
    public static func badgesHelp(_ n: String, _ date: String) -> Localized {
        t(
            "\(n) đảng viên đủ tuổi Đảng cho một mốc huy hiệu từ sau đợt trước đến đợt \(date). Trường hợp tặng sớm (bệnh nặng) và truy tặng cần hồ sơ biến động, sẽ có trong phiên bản sau.",
            "\(n) members reach a badge milestone after the previous award date and by \(date). Early and posthumous awards need the lifecycle records, which come later.")
    }

    // MARK: - Demo
    public static let demoTitle = t("Dữ liệu mẫu cấp tỉnh", "Province demo data")
    public static let demoOffer = t(
        "Cơ sở dữ liệu chưa có đảng viên. Có thể nạp một tỉnh mẫu (khoảng 8.000 tổ chức và 70.000 đảng viên cùng đại hội hai nhiệm kỳ, bí thư, phó bí thư và kết quả xếp loại hai năm; tên và số liệu do máy tạo) để xem hệ thống hoạt động; có thể xóa bằng cách dùng tệp cơ sở dữ liệu mới.",
        "The database has no members yet. You can load a generated province (about 8,000 units and 70,000 members, with congresses of two terms, secretaries and deputies, and two years of classification) to see the system at work; start from a new database file to drop it.")
    public static let demoLoad = t("Nạp dữ liệu mẫu", "Load the demo")
    public static let demoGenerating = t("Tạo dữ liệu", "Generating the data")
    public static let demoLoading = t("Nạp vào cơ sở dữ liệu (một giao dịch)", "Loading it (one transaction)")
    public static let demoDone = t("Xong", "Done")
    public static func demoFigures(_ units: String, _ members: String) -> Localized {
        t("\(units) tổ chức, \(members) đảng viên.", "\(units) units, \(members) members.")
    }

    // MARK: - Conflicts
    public static let staleSave = t(
        "Bản ghi đã được người khác sửa sau khi bạn mở nó; chưa lưu gì. Các thay đổi trong lúc đó:",
        "Someone else changed this record after you opened it; nothing was saved. What changed meanwhile:")
    public static let field = t("Trường", "Field")
    public static let theirValue = t("Giá trị hiện tại", "Current value")
    public static let yourBase = t("Giá trị khi bạn mở", "Value when you opened it")
    public static let reloadAndRetry = t("Mở lại bản mới nhất", "Open the latest version")

    // MARK: - Audit
    public static let history = t("Lịch sử thay đổi", "History")
    public static let auditLog = t("Nhật ký thay đổi", "Audit log")
    public static let when = t("Thời điểm", "When")
    public static let who = t("Người thực hiện", "Who")
    public static let fromAddress = t("Từ địa chỉ", "From")
    public static let action = t("Thao tác", "Action")
    public static let record = t("Bản ghi", "Record")
    public static let changes = t("Thay đổi", "Changes")
    public static func auditAction(_ action: String) -> Localized {
        switch action {
        case "create": return t("Tạo mới", "Created")
        case "update": return t("Sửa", "Updated")
        case "delete": return t("Xóa", "Deleted")
        case "import": return t("Nhập dữ liệu", "Imported")
        case "login": return t("Đăng nhập", "Logged in")
        case "login_failed": return t("Đăng nhập sai", "Failed log-in")
        case "logout": return t("Đăng xuất", "Logged out")
        case "disable": return t("Khóa", "Disabled")
        case "password": return t("Đổi mật khẩu", "Password changed")
        case "token_create": return t("Tạo mã API", "Token created")
        case "token_revoke": return t("Thu hồi mã API", "Token revoked")
        case "restore": return t("Khôi phục", "Restored")
        case "merge": return t("Gộp hồ sơ trùng", "Merged a duplicate")
        case "approve": return t("Phê duyệt", "Approved")
        case "void": return t("Hủy bỏ", "Voided")
        default: return vettingAuditActions[action] ?? congressAuditActions[action] ?? accountAuditActions[action] ?? t(action, action)
        }
    }

    // MARK: - Import
    public static func importUnknownFile(_ name: String) -> Localized {
        t("Tệp “\(name)” không thuộc định dạng trao đổi (phiên bản 1).", "File “\(name)” is not part of the interchange format (version 1).")
    }
    public static func importUnknownColumn(_ name: String) -> Localized { t("Cột không được hỗ trợ: “\(name)”.", "Unknown column: “\(name)”.") }
    public static func importMissingColumn(_ name: String) -> Localized { t("Thiếu cột “\(name)”.", "Missing column “\(name)”.") }
    public static func importDuplicateColumn(_ name: String) -> Localized { t("Cột “\(name)” bị lặp.", "Column “\(name)” appears twice.") }
    public static func importDuplicateKey(_ key: String, firstLine: Int) -> Localized {
        t("Mã “\(key)” đã có ở dòng \(firstLine).", "Key “\(key)” already appears on line \(firstLine).")
    }
    public static let importNotXLSX = t("Tệp không phải bảng tính .xlsx hợp lệ.", "The file is not a valid .xlsx workbook.")
    public static let importEncoding = t(
        "Tệp không phải UTF-8 (có thể lưu bằng bảng mã Windows-1258 hoặc TCVN3): hãy lưu lại dạng “CSV UTF-8” rồi nhập lại.",
        "The file is not UTF-8 (perhaps saved as Windows-1258 or TCVN3): save it again as “CSV UTF-8” and import it again.")
    public static func importCellTooLong(_ limit: Int, _ found: Int) -> Localized {
        t("Ô dài quá \(limit) ký tự (có \(found) ký tự).", "The cell is longer than \(limit) characters (\(found)).")
    }
    public static let importMalformed = t("Tệp CSV sai cấu trúc (dấu ngoặc kép chưa đóng).", "Malformed CSV (an unclosed quote).")
    public static func importWrongFieldCount(_ found: Int, _ expected: Int) -> Localized {
        t("Dòng có \(found) ô, cần \(expected).", "The row has \(found) cells; expected \(expected).")
    }
    public static let importNothingStored = t("Có lỗi; chưa lưu gì.", "There are errors; nothing was stored.")
}
