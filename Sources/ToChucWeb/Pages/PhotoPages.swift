import Foundation
import Hummingbird
import NIOCore
import ToChucDomain
import ToChucServices

/// The member's photo: served only to roles that see personal data, uploaded with a multipart form or the API.
extension Site {
    func registerPhotoPages(_ router: Router<AppContext>) {
        router.get("/members/:id/photo") { _, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            guard let photo = try await services.members.photo(principal, memberId: id) else { throw DomainError.notFound(Catalogue.noPhoto) }
            return Self.photoResponse(photo)
        }
        router.post("/members/:id/photo") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            do {
                if context.form.string("remove") == "1" {
                    try await services.members.removePhoto(principal, memberId: id)
                    return Responses.redirect(SiteURL.member(id) + "?photo=removed")
                }
                let upload = context.uploads.first { $0.name == "photo" }
                try await services.members.setPhoto(principal, memberId: id, data: upload?.data ?? Data())
                return Responses.redirect(SiteURL.member(id) + "?photo=saved")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                let body: HTML = """
                    <h1>\(ctx.t(Catalogue.photoLabel))</h1>\(Layout.errors(ctx, message, errors))
                    <p><a class="button" href="\(SiteURL.member(id))">\(ctx.t(Catalogue.back))</a></p>
                    """
                return Responses.html(Layout.page(ctx, title: ctx.t(Catalogue.photoLabel), content: body), status: .unprocessableContent)
            }
        }
    }

    static func photoResponse(_ photo: StoredPhoto) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: photo.contentType, .cacheControl: "private, no-store", .contentDisposition: "inline"],
            body: .init(byteBuffer: ByteBuffer(bytes: photo.data)))
    }

    /// The photo block of the member page: the picture (or that it is hidden), and for writers the upload form.
    func photoBlock(_ ctx: PageContext, _ principal: Principal, _ member: Member, has: Bool) -> HTML {
        let personal = principal.role.seesPersonalData
        let picture: HTML = !has
            ? "<p class=\"muted\">\(ctx.t(Catalogue.noPhoto))</p>"
            : personal
                ? "<img class=\"photo\" id=\"member-photo\" src=\"\(SiteURL.member(member.id))/photo\" alt=\"\(ctx.t(Catalogue.photoLabel)) \(member.record.fullName)\" width=\"120\">"
                : "<p class=\"muted\">\(ctx.t(Catalogue.photoLabel)) \(ctx.t(Catalogue.maskedForRole))</p>"
        guard personal && principal.role.canWriteRecords else { return "<div class=\"photo-block\">\(picture)</div>" }
        let remove: HTML = has
            ? """
                <form method="post" action="\(SiteURL.member(member.id))/photo" enctype="multipart/form-data">\(ctx.csrfField)
                <input type="hidden" name="remove" value="1"><button type="submit" class="secondary">\(ctx.t(Catalogue.photoRemove))</button></form>
                """
            : .empty
        return """
            <div class="photo-block">\(picture)
            <form method="post" action="\(SiteURL.member(member.id))/photo" enctype="multipart/form-data" id="photo-form">\(ctx.csrfField)
            <label for="photo">\(ctx.t(Catalogue.photoUpload))</label><input type="file" id="photo" name="photo" accept="image/jpeg,image/png" required>
            <button type="submit">\(ctx.t(Catalogue.save))</button></form>\(remove)</div>
            """
    }
}
