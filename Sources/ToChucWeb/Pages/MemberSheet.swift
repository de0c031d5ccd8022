import Foundation
import Hummingbird
import NIOCore
import ToChucDomain
import ToChucServices

/// The printed member sheet (Phiếu đảng viên, Mẫu 2-HSĐV) made from the record: an HTML print view, and a PDF
/// printed from it by headless Chromium on the server.
extension Site {
    func registerMemberSheet(_ router: Router<AppContext>) {
        router.get("/members/:id/sheet") { _, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            let member = try await services.members.get(principal, id: id)
            let photo = principal.role.seesPersonalData ? try await services.members.photo(principal, memberId: id) : nil
            return Responses.html(Self.sheet(member, principal: principal, inlineStyle: false, photo: photo))
        }
        router.get("/members/:id/sheet.pdf") { _, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            let member = try await services.members.get(principal, id: id)
            let photo = principal.role.seesPersonalData ? try await services.members.photo(principal, memberId: id) : nil
            let html = Self.sheet(member, principal: principal, inlineStyle: true, photo: photo)
            let pdf = try await PDFPrinter.pdf(html.text)
            return Responses.bytes(pdf, contentType: "application/pdf", fileName: "phieu-dang-vien-\(member.record.cardNo ?? String(member.id)).pdf")
        }
        router.get("/static/sheet.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Self.sheetCSS)))
        }
    }

    static let sheetCSS = """
        body { font: 12pt/1.45 "Times New Roman", "DejaVu Serif", serif; color:#000; margin:2cm; }
        .head { display:flex; justify-content:space-between; text-align:center; font-size:11pt; }
        h1 { text-align:center; font-size:16pt; margin:1.2em 0 .2em; }
        .form { text-align:center; font-style:italic; margin-bottom:1.5em; }
        table { width:100%; border-collapse:collapse; }
        .photo { float:right; width:3cm; height:4cm; object-fit:cover; border:1px solid #000; margin:0 0 .5em 1em;
                 display:flex; align-items:center; justify-content:center; color:#777; }
        td { padding:.25em .4em; vertical-align:top; border-bottom:1px dotted #999; }
        td.label { width:38%; }
        .sign { display:flex; justify-content:flex-end; margin-top:2.5em; text-align:center; }
        .actions { margin-top:1em; }
        @media print { .actions { display:none; } body { margin:1.5cm; } }
        """

    /// `photo`: printed as a data URI (3×4 cm), as the PDF is printed from a file without the session.
    static func sheet(_ member: Member, principal: Principal, inlineStyle: Bool, photo: StoredPhoto? = nil) -> HTML {
        let r = member.record
        let vi = Language.vi
        func date(_ d: CivilDate?) -> String { d.map(VietnameseFormat.date) ?? "" }
        let personal = principal.role.seesPersonalData
        let rows: [(Localized, String)] = [
            (Catalogue.fullName, r.fullName), (Catalogue.genderLabel, r.gender.label.vi), (Catalogue.birthDate, date(r.birthDate)),
            (Catalogue.homeTown, r.homeTown), (Catalogue.ethnicityLabel, r.ethnicity?.name ?? ""), (Catalogue.religion, r.religion),
            (Catalogue.nationalIdLabel, personal ? (r.nationalId ?? "") : (r.nationalId.map(NationalID.mask) ?? "")),
            (Catalogue.address, personal ? r.address : PersonalData.maskAddress(r.address)), (Catalogue.occupation, r.occupation),
            (Catalogue.educationLabel, r.education), (Catalogue.qualificationLabel, r.qualification?.label.vi ?? ""),
            (Catalogue.politicalTheoryLabel, r.politicalTheory?.label.vi ?? ""), (Catalogue.admittedOn, date(r.admittedOn)),
            (Catalogue.recognizedOn, date(r.recognizedOn)), (Catalogue.cardNo, r.cardNo ?? ""), (Catalogue.cellLabel, member.unitName),
            (Catalogue.statusLabel, r.status.label.vi),
        ]
        let body: [HTML] = rows.map { "<tr><td class=\"label\">\($0.0.text(vi)):</td><td>\($0.1)</td></tr>" }
        let style: HTML = inlineStyle ? HTML(raw: "<style>\(sheetCSS)</style>") : "<link rel=\"stylesheet\" href=\"/static/sheet.css\">"
        let picture: HTML = photo.map {
            HTML(raw: "<img class=\"photo\" id=\"sheet-photo\" alt=\"\" src=\"data:\($0.contentType);base64,\($0.data.base64EncodedString())\">")
        } ?? "<div class=\"photo\">3×4</div>"
        let actions: HTML = inlineStyle ? .empty : "<div class=\"actions\"><a href=\"\(SiteURL.member(member.id))/sheet.pdf\">PDF</a></div>"
        return """
            <!doctype html>
            <html lang="vi"><head><meta charset="utf-8"><title>\(Catalogue.memberSheet.vi) — \(r.fullName)</title>\(style)</head>
            <body>
            <div class="head"><div><strong>\(member.unitName)</strong></div><div><strong>\(Catalogue.partyName.vi)</strong></div></div>
            <h1>\(Catalogue.memberSheet.vi.uppercased())</h1>
            <div class="form">\(Catalogue.memberSheetForm.vi)</div>
            \(picture)<table>\(body)</table>
            <div class="sign"><div>\(Catalogue.sheetDate(VietnameseFormat.date(Timestamp.vietnamDate())).vi)<br>\(Catalogue.sheetCertified.vi)</div></div>
            \(actions)
            </body></html>
            """
    }
}
