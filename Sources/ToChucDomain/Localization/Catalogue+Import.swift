/// Texts of importing from the browser (the upload page, its progress page) and of the terminal progress bar.
extension Catalogue {
    private static func pair(_ vi: String, _ en: String) -> Localized { Localized(vi: vi, en: en) }

    // MARK: - Upload page
    public static let areaImport = pair("Nhập dữ liệu", "Import data")
    public static let importTitle = pair("Nhập dữ liệu từ tệp", "Import from a file")
    public static let importIntro = pair(
        "Tải lên một tệp theo định dạng trao đổi: members.csv (đảng viên), org_units.csv (tổ chức), agencies.csv (cơ quan, đoàn thể), positions.csv (chức vụ cán bộ), trainings.csv (đào tạo, bồi dưỡng), exams.csv (thi, sát hạch), vetting_cases.csv (thẩm định), evaluations.csv (xếp loại), staffing_quotas.csv (biên chế), congresses.csv (đại hội) hoặc một bảng tính .xlsx có các trang org_units, members, agencies, positions, trainings, exams, vetting_cases, evaluations, staffing_quotas, congresses. Việc nhập là tất cả hoặc không: nếu có dòng sai thì không lưu gì, và trang kết quả liệt kê mọi dòng sai dưới dạng tệp:dòng: cột: lý do. Nhập lại cùng một tệp không thay đổi gì.",
        "Upload one file in the interchange format: members.csv (members), org_units.csv (units), agencies.csv (agencies), positions.csv (cadres' positions), trainings.csv (training), exams.csv (exams), vetting_cases.csv (vetting), evaluations.csv (classification), staffing_quotas.csv (staffing), congresses.csv (congresses) or an .xlsx workbook with sheets org_units, members, agencies, positions, trainings, exams, vetting_cases, evaluations, staffing_quotas, congresses. An import is all or nothing: if any row is wrong nothing is stored, and the result page lists every wrong row as file:line: column: reason. Importing the same file again changes nothing.")
    public static let importScopeNote = pair(
        "Chỉ nhập được tổ chức và đảng viên trong phạm vi của bạn. Tệp tối đa 20 MB.",
        "Only units and members in your scope can be imported. 20 MB at most.")
    public static let importFileLabel = pair("Tệp cần nhập", "File to import")
    public static let importSubmit = pair("Tải lên và nhập", "Upload and import")
    public static let importChooseFile = pair("Hãy chọn một tệp để tải lên.", "Choose a file to upload.")
    public static func importEmptyFile(_ name: String) -> Localized {
        pair("Tệp “\(name)” trống; chưa nhập gì.", "The file “\(name)” is empty; nothing was imported.")
    }
    public static func importFileNameRefused(_ name: String) -> Localized {
        pair(
            "Tên tệp “\(name)” không được chấp nhận: chỉ nhận members.csv, org_units.csv, agencies.csv, positions.csv, trainings.csv, exams.csv, vetting_cases.csv, evaluations.csv, staffing_quotas.csv, congresses.csv hoặc một bảng tính .xlsx, và tên tệp không được chứa đường dẫn thư mục. Chưa nhập gì.",
            "The file name “\(name)” is not accepted: only members.csv, org_units.csv, agencies.csv, positions.csv, trainings.csv, exams.csv, vetting_cases.csv, evaluations.csv, staffing_quotas.csv, congresses.csv or an .xlsx workbook, and the name may not contain a folder path. Nothing was imported.")
    }
    public static let importAlreadyRunning = pair(
        "Bạn đang có một lần nhập dữ liệu chưa xong; hãy chờ nó kết thúc rồi nhập tệp khác.",
        "An import of yours is still running; wait for it to end before importing another file.")
    public static let importLastJob = pair("Lần nhập gần nhất của bạn", "Your latest import")

    // MARK: - Progress page and terminal bar
    /// The stage of an import (`ImportProgress.Stage` raw values).
    public static func importStage(_ stage: String) -> Localized {
        switch stage {
        case "reading": return pair("Đang đọc tệp", "Reading the file")
        case "checking": return pair("Đang kiểm tra từng dòng", "Checking every row")
        case "writing": return pair("Đang ghi vào cơ sở dữ liệu", "Writing to the database")
        case "done": return pair("Đã nhập xong", "Import finished")
        case "failed": return pair("Không nhập được", "Import refused")
        default: return pair(stage, stage)
        }
    }
    public static func importRows(_ file: String, _ done: String, _ total: String) -> Localized {
        pair("\(file): \(done)/\(total) dòng", "\(file): \(done) of \(total) rows")
    }
    public static func importUploadedFile(_ name: String) -> Localized { pair("Tệp: \(name)", "File: \(name)") }
    public static func importSummary(created: String, updated: String, unchanged: String) -> Localized {
        pair(
            "Đã lưu: \(created) bản ghi mới, \(updated) bản ghi cập nhật, \(unchanged) bản ghi không đổi.",
            "Stored: \(created) created, \(updated) updated, \(unchanged) unchanged.")
    }
    public static let importCreated = pair("Tạo mới", "Created")
    public static let importUpdated = pair("Cập nhật", "Updated")
    public static let importUnchanged = pair("Không đổi", "Unchanged")
    public static func importProblemCount(_ n: String) -> Localized { pair("\(n) lỗi:", "\(n) problems:") }
    public static let importAnother = pair("Nhập tệp khác", "Import another file")
    public static let importRefreshHint = pair(
        "Trang tự cập nhật vài giây một lần cho đến khi nhập xong.", "This page refreshes itself every few seconds until the import ends.")

    // MARK: - multipart/form-data
    /// What is wrong with an upload's body, said after `multipartMalformed`.
    public static func multipartProblem(_ key: String) -> Localized {
        switch key {
        case "boundary": return pair("thiếu hoặc sai tham số boundary trong Content-Type", "the Content-Type has no valid boundary")
        case "start": return pair("nội dung không bắt đầu bằng ranh giới (boundary)", "the body does not start with the boundary")
        case "end": return pair("thiếu ranh giới kết thúc; có thể tệp chưa được gửi hết", "the closing boundary is missing; the upload may be cut short")
        case "headers": return pair("phần đầu (header) của một phần sai cú pháp", "a part's headers are malformed")
        case "disposition": return pair(
            "một phần thiếu Content-Disposition: form-data; name=…", "a part lacks Content-Disposition: form-data; name=…")
        case "encoding": return pair("một trường văn bản không phải UTF-8", "a text field is not UTF-8")
        case "parts": return pair("quá nhiều phần", "too many parts")
        default: return pair(key, key)
        }
    }
    public static func multipartMalformed(_ problem: Localized) -> Localized {
        pair(
            "Nội dung tải lên không đúng định dạng multipart/form-data (\(problem.vi)). Hãy tải lại trang và gửi lại tệp; chưa nhập gì.",
            "The upload is not valid multipart/form-data (\(problem.en)). Reload the page and send the file again; nothing was imported.")
    }
}
