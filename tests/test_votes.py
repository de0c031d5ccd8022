"""Confidence votes and cell meetings (issue 6, DOMAIN.md §4) against the server: forms without JavaScript, the API,
the result sheet, downloads, the planning review's reason, the flagged members."""
import uuid

from conftest import login
from test_cadres import api, post_form


def new_session(call, unit="T01-A", round_="2026", held_on="2026-03-10", convened=30, present=30):
    response = call("POST", "/votes", json={"unit_code": unit, "body_kind": "committee", "round": round_, "held_on": held_on,
                                            "convened": convened, "present": present})
    assert response.status_code == 201, response.text
    return response.json()


def tally(person, returned, low, invalid=0):
    valid = returned - invalid
    return {"subject_id": person["id"], "version": person["version"], "issued": returned, "returned": returned, "valid": valid,
            "invalid": invalid, "high": valid - low, "medium": 0, "low": low}


def test_a_session_is_recorded_through_the_forms_and_the_tally_gives_the_consequences(server):
    clerk = login(server.base, "clerk-t01-a")
    assert 'href="/votes"' in clerk.get(server.base + "/assessment").text
    round_ = "form-" + uuid.uuid4().hex[:6]
    created = post_form(clerk, server.base, "/votes", {"unit_code": "T01-A", "body_kind": "committee", "round": round_,
                                                       "held_on": "10/03/2026", "convened": "40", "present": "26"}, page="/votes")
    assert created.status_code == 303, created.text[:2000]
    url = created.headers["Location"].split("?")[0]
    page = clerk.get(server.base + url).text
    assert "Không đủ số người có mặt: 26/40, cần ít nhất 27" in page
    added = post_form(clerk, server.base, url + "/persons", {"person": "50000001", "position": "Bí thư Đảng ủy"}, page=url)
    assert added.status_code == 303, added.text[:2000]
    session = api(clerk, server.base)("GET", "/votes/" + url.rsplit("/", 1)[1]).json()
    person = session["persons"][0]
    fields = {f"{k}_{person['id']}": v for k, v in
              {"issued": "26", "returned": "26", "valid": "26", "invalid": "0", "high": "20", "medium": "3", "low": "3"}.items()}
    fields[f"version_{person['id']}"] = str(person["version"])
    refused = post_form(clerk, server.base, url + "/tally", fields, page=url)
    assert refused.status_code == 422 and "Không đủ số người có mặt" in refused.text
    # The clerk corrects the count present (27 of 40 reach 2/3), then enters the tally: 14 of 27 "thấp" is more than half.
    edit = {"unit_code": "T01-A", "body_kind": "committee", "round": round_, "held_on": "10/03/2026", "convened": "40", "present": "27",
            "version": str(session["version"])}
    assert post_form(clerk, server.base, url + "/edit", edit, page=url).status_code == 303
    fields.update({f"issued_{person['id']}": "27", f"returned_{person['id']}": "27", f"valid_{person['id']}": "27",
                   f"high_{person['id']}": "10", f"medium_{person['id']}": "3", f"low_{person['id']}": "14"})
    wrong = dict(fields, **{f"valid_{person['id']}": "26"})
    bad = post_form(clerk, server.base, url + "/tally", wrong, page=url)
    assert bad.status_code == 422 and "phải bằng số phiếu thu về" in bad.text
    saved = post_form(clerk, server.base, url + "/tally", fields, page=url)
    assert saved.status_code == 303, saved.text[:2000]
    page = clerk.get(server.base + url).text
    assert "14/27 (51,85%)" in page and "Đưa ra khỏi quy hoạch chức vụ cao hơn" in page
    sheet = clerk.get(server.base + url + "/sheet")
    assert sheet.status_code == 200 and "KẾT QUẢ LẤY PHIẾU TÍN NHIỆM" in sheet.text and "14/27 (51,85%)" in sheet.text
    assert clerk.get(server.base + "/static/votes.css").text.count("@media print") == 1
    # The list finds it by round and downloads it with the exporter's name.
    listing = clerk.get(server.base + "/votes", params={"round": round_}).text
    assert 'id="vote-sessions"' in listing and url in listing
    download = clerk.get(server.base + "/votes/export", params={"round": round_, "format": "csv"})
    assert download.status_code == 200 and "clerk-t01-a" in download.text and "51,85%" in download.text
    # The cadre's page shows the result.
    cadre = clerk.get(server.base + f"/cadres/{person['cadre_id']}").text
    assert 'id="cadre-votes"' in cadre and round_ in cadre


def test_the_api_applies_the_thresholds_exactly_and_refuses_a_third_place_in_a_round(server):
    head = login(server.base, "head-t01-a")
    call = api(head, server.base)
    round_ = "api-" + uuid.uuid4().hex[:6]
    session = new_session(call, round_=round_)
    for number in ["50000001", "50000002", "50000003"]:
        added = call("POST", f"/votes/{session['id']}/persons", json={"person": number, "position": "Ủy viên"})
        assert added.status_code == 201, added.text
    persons = added.json()["persons"]
    saved = call("PUT", f"/votes/{session['id']}/tallies",
                 json={"items": [tally(persons[0], 30, 15), tally(persons[1], 30, 20), tally(persons[2], 30, 16, invalid=2)]})
    assert saved.status_code == 200, saved.text
    result = {p["card_no"]: p for p in saved.json()["persons"]}
    assert result["50000001"]["consequence"] == "none"  # exactly half
    assert result["50000002"]["consequence"] == "dismissal"  # exactly 2/3
    assert result["50000003"]["consequence"] == "removal" and result["50000003"]["percent"]["low"] == 53.33
    stale = call("PUT", f"/votes/{session['id']}/tallies", json={"items": [tally(persons[0], 30, 1)]})
    assert stale.status_code == 409
    second = new_session(call, unit="T01-A-C1", round_=round_, held_on="2026-03-11")
    third = new_session(call, unit="T01-A-C2", round_=round_.upper(), held_on="2026-03-12")
    assert call("POST", f"/votes/{second['id']}/persons", json={"person": "50000001", "position": "Bí thư Chi bộ"}).status_code == 201
    refused = call("POST", f"/votes/{third['id']}/persons", json={"person": "50000001", "position": "Đảng viên"})
    assert refused.status_code == 422 and "không quá 2 nơi" in refused.json()["message_vi"]
    history = call("GET", f"/votes/{session['id']}/history").json()["items"]
    assert [entry["action"] for entry in history][:4] == ["create", "create", "create", "create"]
    # The sibling commune does not see it; a viewer cannot write.
    assert api(login(server.base, "clerk-t01-b"), server.base)("GET", f"/votes/{session['id']}").status_code == 404
    viewer = api(login(server.base, "viewer-t01-a"), server.base)
    assert viewer("GET", f"/votes/{session['id']}").status_code == 200
    assert viewer("POST", f"/votes/{session['id']}/persons", json={"person": "50000002"}).status_code == 403


def test_a_cell_meets_takes_attendance_and_dues_and_the_third_month_flags_a_member(server):
    clerk = login(server.base, "clerk-t01-a")
    call = api(clerk, server.base)
    assert clerk.get(server.base + "/meetings?unit=T01-A-C2&year=2025").status_code == 200
    pom = None
    for month in ["01", "02", "03"]:
        created = call("POST", "/units/T01-A-C2/meetings", json={"meets_on": f"2025-{month}-15", "kind": "monthly", "topics": "Sinh hoạt tháng"})
        assert created.status_code == 201, created.text
        detail = created.json()
        members = [line["member_id"] for line in detail["attendance"]]
        pom = next(line["member_id"] for line in detail["attendance"] if line["card_no"] == "50000003")
        value = "K" if month != "03" else "P"
        saved = call("PUT", f"/meetings/{detail['meeting']['id']}/attendance",
                     json={"version": detail["meeting"]["version"], "items": [{"member_id": m, "attendance": value} for m in members]})
        assert saved.status_code == 200, saved.text
    flagged = call("GET", "/meetings/flagged?unit=T01-A&year=2025").json()
    assert flagged["flag_months"] == 3 and flagged["items"] == []  # two months without reason, one excused
    dues = call("PUT", "/units/T01-A-C2/dues", json={"year": 2025, "items": [{"member_id": pom, "month": 7, "value": "0"},
                                                                            {"member_id": pom, "month": 8, "value": "25.000"}]})
    assert dues.status_code == 200, dues.text
    flagged = call("GET", "/meetings/flagged?unit=T01-A&year=2025").json()
    assert [(f["member_id"], f["absence_months"], f["unpaid_months"]) for f in flagged["items"]] == [(pom, [1, 2], [7])]
    page = clerk.get(server.base + "/meetings/flagged?unit=T01-A&year=2025").text
    assert f"/members/{pom}" in page and "không cần liên tiếp" in page
    download = clerk.get(server.base + "/meetings/flagged", params={"unit": "T01-A", "year": "2025", "format": "xlsx"})
    assert download.status_code == 200 and download.content[:2] == b"PK"
    calendar = clerk.get(server.base + "/meetings?unit=T01-A-C2&year=2025").text
    assert 'id="meeting-calendar"' in calendar and "chưa có sinh hoạt thường kỳ" in calendar
    grid = clerk.get(server.base + "/meetings/dues?unit=T01-A-C2&year=2025").text
    assert 'id="dues-form"' in grid and 'value="25.000"' in grid
    # The sibling commune sees nobody; a province is not a cell.
    other = api(login(server.base, "clerk-t01-b"), server.base)
    assert pom not in [f["member_id"] for f in other("GET", "/meetings/flagged?year=2025").json()["items"]]
    assert call("GET", "/units/T01-A/meetings?year=2025").status_code == 200  # a base unit meets too
    assert other("GET", "/units/T01-A-C2/dues?year=2025").status_code == 404
