"""Members (issue 4): search without accents, scope, masking of personal data, entry through the API."""
import requests

from conftest import csrf_from, login, page_csrf


def names(response):
    assert response.status_code == 200, response.text
    return [m["full_name"] for m in response.json()["items"]]


def test_search_finds_names_without_accents_in_vietnamese_order(server):
    clerk = login(server.base, "clerk-t01-a")
    assert names(clerk.get(server.base + "/api/v1/members?q=nguyen van tung")) == ["Nguyễn Văn Tùng"]
    assert names(clerk.get(server.base + "/api/v1/members?q=dang")) == ["Đặng Thị Lan"]
    assert names(clerk.get(server.base + "/api/v1/members?q=NGUYỄN VĂN")) == ["Nguyễn Văn Tùng"]
    # Given name first: Lan, Pọm, Tùng (other tests may add members; the seeded ones keep this order).
    seeded = ["Đặng Thị Lan", "Lò Văn Pọm", "Nguyễn Văn Tùng"]
    assert [n for n in names(clerk.get(server.base + "/api/v1/members?per_page=200")) if n in seeded] == seeded
    assert names(clerk.get(server.base + "/api/v1/members?gender=female")) == ["Đặng Thị Lan"]
    html = clerk.get(server.base + "/members?q=tung").text
    assert "Nguyễn Văn Tùng" in html and "Đặng Thị Lan" not in html


def test_members_outside_the_subtree_are_not_found(server):
    clerk = login(server.base, "clerk-t01-a")
    assert "Trần Văn Bình" not in names(clerk.get(server.base + "/api/v1/members?q=binh"))
    other = login(server.base, "clerk-t01-b")
    member_id = other.get(server.base + "/api/v1/members?q=binh").json()["items"][0]["id"]
    assert clerk.get(server.base + f"/api/v1/members/{member_id}").status_code == 404
    assert clerk.get(server.base + f"/members/{member_id}").status_code == 404


def test_personal_data_is_masked_for_viewers(server):
    clerk = login(server.base, "clerk-t01-a")
    viewer = login(server.base, "viewer-t01-a")
    full = clerk.get(server.base + "/api/v1/members?q=tung").json()["items"][0]
    masked = viewer.get(server.base + "/api/v1/members?q=tung").json()["items"][0]
    assert full["national_id"] == "001085012345"
    assert masked["national_id"] != "001085012345" and masked["national_id"].startswith("001")
    page = viewer.get(server.base + f"/members/{full['id']}").text
    assert "001085012345" not in page


def test_entry_through_the_api_checks_the_rules_and_the_version(server):
    clerk = login(server.base, "clerk-t01-a")
    csrf = page_csrf(clerk, server.base)
    body = {"full_name": "Hoàng Thị Mơ", "gender": "Nữ", "birth_date": "12/05/1995", "ethnicity": "Tày", "unit_code": "T01-A-C2",
            "status": "probationary", "card_no": "50000009", "admitted_on": "2026-03-02"}
    created = clerk.post(server.base + "/api/v1/members", json=body, headers={"X-CSRF-Token": csrf})
    assert created.status_code == 201, created.text
    member = created.json()
    assert member["gender"] == "female" and member["ethnicity"] == "Tày" and member["version"] == 1
    too_young = clerk.post(server.base + "/api/v1/members", headers={"X-CSRF-Token": csrf},
                           json={**body, "card_no": "50000010", "birth_date": "2012-01-01"})
    assert too_young.status_code == 422
    assert any(e["field"] == "admitted_on" for e in too_young.json()["errors"])
    saved = clerk.put(server.base + f"/api/v1/members/{member['id']}", headers={"X-CSRF-Token": csrf},
                      json={**body, "phone": "0912000111", "version": 1})
    assert saved.status_code == 200 and saved.json()["version"] == 2
    stale = clerk.put(server.base + f"/api/v1/members/{member['id']}", headers={"X-CSRF-Token": csrf}, json={**body, "version": 1})
    assert stale.status_code == 409
    assert any(c["field"] == "phone" for c in stale.json()["changes"])
    viewer = login(server.base, "viewer-t01-a")
    refused = viewer.post(server.base + "/api/v1/members", json={**body, "card_no": "50000011"},
                          headers={"X-CSRF-Token": page_csrf(viewer, server.base)})
    assert refused.status_code == 403


def test_stats_count_members_by_status(server):
    admin = login(server.base, "admin-t01-b")
    stats = admin.get(server.base + "/api/v1/units/T01-B/stats").json()
    assert stats["members_by_status"]["full"] == 1


def test_data_cleaning_page_and_command(server, workdir):
    clerk = login(server.base, "clerk-t01-a")
    page = clerk.get(server.base + "/members/check")
    assert page.status_code == 200 and "Làm sạch dữ liệu" in page.text
    from conftest import run_cli
    result = run_cli("check", "--format", "json", db=server.db)
    import json
    assert isinstance(json.loads(result.stdout), list)
    export = clerk.get(server.base + "/members/export?format=csv&q=tung")
    assert export.status_code == 200 and "Nguyễn Văn Tùng" in export.content.decode("utf-8-sig")
    assert "Xuất bởi clerk-t01-a" in export.content.decode("utf-8-sig")


def test_badges_page_and_party_age_on_the_member_page(server):
    clerk = login(server.base, "clerk-t01-a")
    page = clerk.get(server.base + "/members/badges")
    assert page.status_code == 200 and "Huy hiệu" in page.text
    member = clerk.get(server.base + "/api/v1/members?q=tung").json()["items"][0]
    html = clerk.get(server.base + f"/members/{member['id']}").text
    assert 'id="party-age"' in html and "năm" in html


def test_member_sheet_prints_as_html_and_pdf(server, workdir):
    clerk = login(server.base, "clerk-t01-a")
    member = clerk.get(server.base + "/api/v1/members?q=tung").json()["items"][0]
    sheet = clerk.get(server.base + f"/members/{member['id']}/sheet")
    assert sheet.status_code == 200 and "PHIẾU ĐẢNG VIÊN" in sheet.text and "Nguyễn Văn Tùng" in sheet.text
    pdf = clerk.get(server.base + f"/members/{member['id']}/sheet.pdf", timeout=90)
    assert pdf.status_code == 200, pdf.text[:500]
    assert pdf.headers["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    (workdir / "sheet.pdf").write_bytes(pdf.content)
    other = login(server.base, "clerk-t01-b")
    assert other.get(server.base + f"/members/{member['id']}/sheet").status_code == 404


def test_lifecycle_events_through_the_api(server):
    clerk = login(server.base, "clerk-t01-a")
    csrf = page_csrf(clerk, server.base)
    member = clerk.get(server.base + "/api/v1/members?q=pom").json()["items"][0]
    refused = clerk.post(server.base + f"/api/v1/members/{member['id']}/events", headers={"X-CSRF-Token": csrf},
                         json={"kind": "readmitted", "effective_on": "2026-01-05", "decision_no": "3-QĐ/ĐU"})
    assert refused.status_code == 422
    away = clerk.post(server.base + f"/api/v1/members/{member['id']}/events", headers={"X-CSRF-Token": csrf},
                      json={"kind": "transfer_temporary", "effective_on": "2026-01-05", "decision_no": "3-QĐ/ĐU", "to_unit": "T01-B-C1"})
    assert away.status_code == 201, away.text
    events = clerk.get(server.base + f"/api/v1/members/{member['id']}/events").json()["items"]
    assert events[-1]["kind"] == "transfer_temporary" and events[-1]["to_unit"] == "T01-B-C1"
    assert "Lò Văn Pọm" in clerk.get(server.base + "/members/away").text


def test_admission_through_the_api(server):
    clerk = login(server.base, "clerk-t01-a")
    csrf = page_csrf(clerk, server.base)
    created = clerk.post(server.base + "/api/v1/members", headers={"X-CSRF-Token": csrf}, json={
        "full_name": "Hà Thị Ưu Tú", "gender": "female", "birth_date": "2001-01-01", "unit_code": "T01-A-C1", "status": "candidate"})
    assert created.status_code == 201, created.text
    mid = created.json()["id"]
    board = clerk.get(server.base + "/api/v1/admission").json()["items"]
    assert any(i["member"]["id"] == mid and i["stage"] == "outstanding" for i in board)
    early = clerk.post(server.base + f"/api/v1/admission/{mid}", headers={"X-CSRF-Token": csrf},
                       json={"step": "cell_approved", "meeting_on": "2025-02-15", "full_members": "3", "in_favour": "3"})
    assert early.status_code == 422
    ok = clerk.post(server.base + f"/api/v1/admission/{mid}", headers={"X-CSRF-Token": csrf}, json={"step": "course", "course_on": "2025-01-10"})
    assert ok.status_code == 201, ok.text
    board = clerk.get(server.base + "/api/v1/admission").json()["items"]
    assert any(i["member"]["id"] == mid and i["stage"] == "course" for i in board)


def test_second_introducer_may_be_the_youth_union_committee_for_a_young_candidate(server):
    clerk = login(server.base, "clerk-t01-a")
    csrf = page_csrf(clerk, server.base)
    ids = {}
    for name, birth in [("Lường Văn Trẻ", "2001-03-03"), ("Lường Văn Già", "1980-03-03")]:
        created = clerk.post(server.base + "/api/v1/members", headers={"X-CSRF-Token": csrf}, json={
            "full_name": name, "gender": "male", "birth_date": birth, "unit_code": "T01-A-C1", "status": "candidate"})
        assert created.status_code == 201, created.text
        ids[name] = created.json()["id"]
        course = clerk.post(server.base + f"/api/v1/admission/{ids[name]}", headers={"X-CSRF-Token": csrf},
                            json={"step": "course", "course_on": "2025-01-10"})
        assert course.status_code == 201, course.text
    step = {"step": "introduced", "card_1": "50000001", "since_1": "2023-01-01",
            "introducer_2": "youth_union_committee", "committee_2": "Ban Chấp hành Đoàn xã An Bình"}
    young = clerk.post(server.base + f"/api/v1/admission/{ids['Lường Văn Trẻ']}", headers={"X-CSRF-Token": csrf}, json=step)
    assert young.status_code == 201, young.text
    old = clerk.post(server.base + f"/api/v1/admission/{ids['Lường Văn Già']}", headers={"X-CSRF-Token": csrf}, json=step)
    assert old.status_code == 422
    assert "độ tuổi thanh niên" in old.json()["message_vi"] + " ".join(e["message_vi"] for e in old.json()["errors"])
    # The form offers the committee as the second introducer.
    page = clerk.get(server.base + f"/admission/{ids['Lường Văn Già']}").text
    assert 'name="introducer_2"' in page and "Ban Chấp hành Đoàn cơ sở" in page


def test_duplicates_are_merged_from_the_cleaning_page_and_the_api(server):
    clerk = login(server.base, "clerk-t01-a")
    csrf = page_csrf(clerk, server.base)
    base = {"full_name": "Phan Văn Trùng", "gender": "male", "birth_date": "1979-09-09", "unit_code": "T01-A-C1"}
    keep = clerk.post(server.base + "/api/v1/members", headers={"X-CSRF-Token": csrf}, json={
        **base, "status": "full", "card_no": "50000020", "admitted_on": "2005-05-19", "recognized_on": "2006-05-19"}).json()
    dupes = []
    for phone in ["0912000222", "0912000333"]:
        created = clerk.post(server.base + "/api/v1/members", headers={"X-CSRF-Token": csrf}, json={
            **base, "status": "probationary", "admitted_on": "2026-02-02", "phone": phone})
        assert created.status_code == 201, created.text
        dupes.append(created.json())
    check = clerk.get(server.base + "/members/check").text
    assert f"/members/merge?keep={keep['id']}&amp;duplicate={dupes[0]['id']}" in check
    preview = clerk.get(server.base + f"/members/merge?keep={keep['id']}&duplicate={dupes[0]['id']}")
    assert preview.status_code == 200 and 'id="merge-table"' in preview.text and "0912000222" in preview.text
    merged = clerk.post(server.base + "/members/merge", allow_redirects=False, data={
        "_csrf": csrf_from(preview.text), "keep": keep["id"], "keep_version": keep["version"],
        "duplicate": dupes[0]["id"], "duplicate_version": dupes[0]["version"]})
    assert merged.status_code == 303 and merged.headers["Location"].startswith(f"/members/{keep['id']}")
    kept = clerk.get(server.base + f"/api/v1/members/{keep['id']}").json()
    assert kept["phone"] == "0912000222" and kept["card_no"] == "50000020"
    assert clerk.get(server.base + f"/api/v1/members/{dupes[0]['id']}").status_code == 404
    # A stale version is refused with 409; the current one merges through the API too.
    stale = clerk.post(server.base + f"/api/v1/members/{keep['id']}/merge", headers={"X-CSRF-Token": csrf},
                       json={"duplicate": dupes[1]["id"], "version": keep["version"], "duplicate_version": dupes[1]["version"]})
    assert stale.status_code == 409
    api = clerk.post(server.base + f"/api/v1/members/{keep['id']}/merge", headers={"X-CSRF-Token": csrf},
                     json={"duplicate": dupes[1]["id"], "version": kept["version"], "duplicate_version": dupes[1]["version"]})
    assert api.status_code == 200, api.text
    assert api.json()["phone"] == "0912000222"
    assert clerk.get(server.base + f"/api/v1/members/{dupes[1]['id']}").status_code == 404
    viewer = login(server.base, "viewer-t01-a")
    assert "/members/merge?" not in viewer.get(server.base + "/members/check").text


JPEG = bytes([0xFF, 0xD8, 0xFF, 0xE0]) + b"\x00" * 200


def test_photo_upload_through_the_form_and_the_api_shown_only_to_roles_that_see_personal_data(server):
    clerk = login(server.base, "clerk-t01-a")
    member = clerk.get(server.base + "/api/v1/members?q=tung").json()["items"][0]
    page = clerk.get(server.base + f"/members/{member['id']}").text
    assert 'id="photo-form"' in page and 'enctype="multipart/form-data"' in page
    uploaded = clerk.post(server.base + f"/members/{member['id']}/photo", allow_redirects=False,
                          data={"_csrf": csrf_from(page)}, files={"photo": ("anh.jpg", JPEG, "image/jpeg")})
    assert uploaded.status_code == 303, uploaded.text[:300]
    photo = clerk.get(server.base + f"/members/{member['id']}/photo")
    assert photo.status_code == 200 and photo.headers["Content-Type"] == "image/jpeg" and photo.content == JPEG
    assert 'id="member-photo"' in clerk.get(server.base + f"/members/{member['id']}").text
    assert 'id="sheet-photo"' in clerk.get(server.base + f"/members/{member['id']}/sheet").text
    # A file that is not an image is refused, whatever its name says; the stored photo stays.
    bad = clerk.post(server.base + f"/members/{member['id']}/photo",
                     data={"_csrf": csrf_from(page)}, files={"photo": ("anh.jpg", b"<svg onload=alert(1)>", "image/jpeg")})
    assert bad.status_code == 422 and "JPEG" in bad.text
    assert clerk.get(server.base + f"/members/{member['id']}/photo").content == JPEG
    viewer = login(server.base, "viewer-t01-a")
    assert viewer.get(server.base + f"/members/{member['id']}/photo").status_code == 403
    assert 'id="member-photo"' not in viewer.get(server.base + f"/members/{member['id']}").text
    csrf = page_csrf(clerk, server.base)
    png = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + b"\x01" * 50
    put = clerk.put(server.base + f"/api/v1/members/{member['id']}/photo", data=png,
                    headers={"X-CSRF-Token": csrf, "Content-Type": "image/png"})
    assert put.status_code == 204, put.text
    assert clerk.get(server.base + f"/api/v1/members/{member['id']}/photo").headers["Content-Type"] == "image/png"
    assert clerk.delete(server.base + f"/api/v1/members/{member['id']}/photo", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert clerk.get(server.base + f"/api/v1/members/{member['id']}/photo").status_code == 404
