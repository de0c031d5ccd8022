"""Cadre work (issue 5): agencies, cadres' positions and decisions, management levels, lists and counts, positions.csv."""
import re
import uuid

import pytest
import requests

from conftest import PASSWORD, csrf_from, login, page_csrf, run_cli


def post_form(session, base, path, data, page="/cadres"):
    token = page_csrf(session, base, page)
    return session.post(base + path, data={"_csrf": token, **data}, allow_redirects=False)


@pytest.fixture(scope="module")
def province_head(server):
    """A head at the province (T01): the level that approves provincially managed positions."""
    name = "head-t01-" + uuid.uuid4().hex[:6]
    run_cli("user", "add", "--username", name, "--password", PASSWORD, "--role", "head", "--unit", "T01",
            "--name", "Lãnh đạo Ban Tổ chức Tỉnh ủy", db=server.db)
    return login(server.base, name)


def api(session, base):
    token = page_csrf(session, base)
    return lambda method, path, **kw: session.request(method, base + "/api/v1" + path, headers={"X-CSRF-Token": token}, **kw)


def test_the_menu_links_to_cadres_and_the_pages_work_without_javascript(server):
    viewer = login(server.base, "viewer-t01-a")
    home = viewer.get(server.base + "/units/T01-A").text
    assert 'href="/cadres"' in home
    for path in ["/cadres", "/cadres/retiring", "/cadres/reappointment", "/cadres/approvals", "/cadres/decisions", "/agencies"]:
        page = viewer.get(server.base + path)
        assert page.status_code == 200, path
        assert "<script" not in page.text.split("</head>")[1], path  # server-rendered, no inline script
        assert 'lang="vi"' in page.text
    assert viewer.get(server.base + "/cadres/new").status_code == 403


def test_a_cadre_is_appointed_by_a_draft_that_only_the_managing_level_approves(server, province_head):
    clerk = login(server.base, "clerk-t01-a")
    # An agency led by the commune, then a cadre record for a member.
    code = "UBND-" + uuid.uuid4().hex[:5].upper()
    created = post_form(clerk, server.base, "/agencies", {"code": code, "name": "Ủy ban nhân dân xã An Bình", "kind": "government",
                                                          "parent_code": "", "unit_code": "T01-A"})
    assert created.status_code == 303, created.text
    assert "Ủy ban nhân dân xã An Bình" in clerk.get(server.base + "/agencies").text
    cadre = post_form(clerk, server.base, "/cadres", {"member_number": "50000002"}, page="/cadres/new")
    if cadre.status_code == 422:  # already made by an earlier run of this module on the same database
        cadre_id = clerk.get(server.base + "/api/v1/cadres?q=dang thi lan").json()["items"][0]["id"]
    else:
        assert cadre.status_code == 303, cadre.text
        cadre_id = int(cadre.headers["Location"].split("/")[2].split("?")[0])
    page = clerk.get(server.base + f"/cadres/{cadre_id}").text
    assert "Đặng Thị Lan" in page and 'id="decision-form"' in page
    # The clerk proposes; the draft changes nothing.
    draft = post_form(clerk, server.base, f"/cadres/{cadre_id}/decisions", {
        "kind": "appointment", "decision_no": "125-QĐ/TU", "effective_on": "01/06/2026", "closes_position_id": "",
        "place_code": code, "title": "Chủ tịch", "managed_by": "provincial", "note": ""}, page=f"/cadres/{cadre_id}")
    assert draft.status_code == 303, draft.text
    decision_url = draft.headers["Location"].split("?")[0]
    decision_id = int(decision_url.rsplit("/", 1)[1])
    shown = clerk.get(server.base + decision_url).text
    assert "Dự thảo" in shown and "Chủ tịch" in shown and 'id="decision-changes"' in shown
    profile = clerk.get(server.base + f"/api/v1/cadres/{cadre_id}").json()
    assert not any(p["decision_id"] == decision_id for p in profile["positions"])
    # The commune's head may not approve a position the province manages; the province's head may.
    head = login(server.base, "head-t01-a")
    refused = post_form(head, server.base, f"/cadres/decisions/{decision_id}/approve", {}, page=decision_url)
    assert refused.status_code == 403
    assert "Tỉnh ủy" in refused.text
    approved = post_form(province_head, server.base, f"/cadres/decisions/{decision_id}/approve", {}, page=decision_url)
    assert approved.status_code == 303, approved.text
    assert "Đã phê duyệt" in province_head.get(server.base + decision_url).text
    profile = clerk.get(server.base + f"/api/v1/cadres/{cadre_id}?as_of=2026-06-01").json()
    made = [p for p in profile["positions"] if p["decision_id"] == decision_id]
    assert made and made[0]["id"] in profile["current_position_ids"] and made[0]["managed_by"] == "provincial"
    before = clerk.get(server.base + f"/api/v1/cadres/{cadre_id}?as_of=2026-05-31").json()
    assert made[0]["id"] not in before["current_position_ids"]
    # The cadre page shows the career and the rule warnings section.
    page = clerk.get(server.base + f"/cadres/{cadre_id}?as_of=2026-06-01").text
    assert 'id="career"' in page and "Bắt đầu giữ chức vụ Chủ tịch" in page and 'id="cadre-warnings"' in page
    # The approval counts at the province.
    counts = province_head.get(server.base + "/api/v1/approvals?from=2000-01-01&to=2100-12-31").json()
    assert counts["approvals"]["provincial"] >= 1 and set(counts["approvals"]) == {"central", "provincial", "upper_base", "base"}
    assert 'id="approvals-provincial"' in province_head.get(server.base + "/cadres/approvals?from=2000-01-01&to=2100-12-31").text


def test_through_the_api_a_non_member_cadre_is_appointed_warned_about_and_voided(server):
    clerk = login(server.base, "clerk-t01-a")
    call = api(clerk, server.base)
    nid = "001066" + str(uuid.uuid4().int)[:6]
    created = call("POST", "/cadres", json={"full_name": "Trần Văn Bình", "gender": "Nam", "birth_date": "1966-04-15",
                                             "national_id": nid, "unit_code": "T01-A"})
    assert created.status_code == 201, created.text
    cadre = created.json()
    assert cadre["national_id"] == nid and cadre["member_id"] is None
    # An appointment of a man who retires at 62 (end of 30/04/2028): not a full term left.
    body = {"cadre_id": cadre["id"], "kind": "appointment", "decision_no": "7-QĐ/ĐU", "effective_on": "2026-12-01",
            "unit_code": "T01-A", "title": "Phó Bí thư", "managed_by": "base"}
    draft = call("POST", "/decisions", json=body)
    assert draft.status_code == 201, draft.text
    assert draft.json()["status"] == "draft" and any(c["field"] == "started_on" for c in draft.json()["changes"])
    warnings = clerk.get(server.base + f"/api/v1/cadres/{cadre['id']}").json()["warnings"]
    assert any(w["decision_no"] == "7-QĐ/ĐU" and "Quy định 377-QĐ/TW" in w["message_vi"] for w in warnings), warnings
    assert "Quy định 377-QĐ/TW" in clerk.get(server.base + f"/cadres/{cadre['id']}").text
    # A clerk cannot approve; the commune's head can (base level).
    assert call("POST", f"/decisions/{draft.json()['id']}/approve", json={}).status_code == 403
    head = login(server.base, "head-t01-a")
    head_call = api(head, server.base)
    approved = head_call("POST", f"/decisions/{draft.json()['id']}/approve", json={"approved_on": "2026-11-20"})
    assert approved.status_code == 200, approved.text
    assert approved.json()["approved_on"] == "2026-11-20"
    # Voiding an approved decision needs a voiding decision number; then nothing of it counts.
    assert head_call("POST", f"/decisions/{draft.json()['id']}/void", json={}).status_code == 422
    voided = head_call("POST", f"/decisions/{draft.json()['id']}/void", json={"decision_no": "8-QĐ/ĐU", "note": "Nhầm"})
    assert voided.status_code == 200 and voided.json()["status"] == "voided"
    positions = clerk.get(server.base + f"/api/v1/cadres/{cadre['id']}?as_of=2027-01-01").json()
    assert positions["current_position_ids"] == [] and positions["positions"][0]["voided_by_decision_id"] == draft.json()["id"]
    # Viewers see the national ID masked.
    viewer = login(server.base, "viewer-t01-a")
    assert viewer.get(server.base + f"/api/v1/cadres/{cadre['id']}").json()["cadre"]["national_id"] != nid
    assert nid not in viewer.get(server.base + f"/cadres/{cadre['id']}").text


def test_cadres_outside_the_subtree_are_not_found(server):
    clerk = login(server.base, "clerk-t01-a")
    items = clerk.get(server.base + "/api/v1/cadres?per_page=200").json()["items"]
    assert items
    other = login(server.base, "clerk-t01-b")
    for cadre in items[:3]:
        assert other.get(server.base + f"/api/v1/cadres/{cadre['id']}").status_code == 404
        assert other.get(server.base + f"/cadres/{cadre['id']}").status_code == 404
    assert other.get(server.base + "/api/v1/agencies?unit=T01-A").status_code == 404


def test_lists_paginate_and_filter_by_unit(server):
    clerk = login(server.base, "clerk-t01-a")
    for path in ["/cadres/retiring", "/cadres/reappointment-due", "/cadres", "/decisions", "/agencies"]:
        response = clerk.get(server.base + "/api/v1" + path + "?unit=T01-A&page=1&per_page=1")
        assert response.status_code == 200, (path, response.text)
        assert response.json()["per_page"] == 1 and len(response.json()["items"]) <= 1
    assert clerk.get(server.base + "/api/v1/cadres/retiring?per_page=0").status_code == 422
    assert clerk.get(server.base + "/api/v1/approvals?from=2026-12-31&to=2026-01-01").status_code == 422
    assert clerk.get(server.base + "/cadres/retiring?unit=T01-A&page=2").status_code == 200


def test_positions_csv_import_names_every_wrong_row_and_stores_nothing_then_loads(server, workdir):
    folder = workdir / ("positions-" + uuid.uuid4().hex[:6])
    folder.mkdir()
    (folder / "positions.csv").write_text(
        "Số thẻ đảng viên,Mã đơn vị,Chức vụ,Ngày bắt đầu,Ngày kết thúc,Hình thức,Lý do kết thúc,Diện quản lý,Ngày phê duyệt\n"
        "50000003,T01-A-C2,Bí thư chi bộ,01/01/2018,,Bầu,,Cơ sở,20/12/2017\n"
        "50000003,NOWHERE,Phó Bí thư,01/01/2018,,Bầu,,Cơ sở,\n"
        "50000003,T01-A-C2,Bí thư chi bộ,01/01/2019,31/12/2018,Bầu,,vũ trụ,\n", encoding="utf-8")
    result = run_cli("import", str(folder), db=server.db, check=False)
    assert result.returncode != 0
    assert "positions.csv:3: unit_code:" in result.stderr, result.stderr
    assert "positions.csv:4: ended_on:" in result.stderr and "positions.csv:4: managed_by:" in result.stderr
    assert "positions.csv:2:" not in result.stderr
    clerk = login(server.base, "clerk-t01-a")
    # Nothing stored: no position (the person may have a cadre record from planning, without any position).
    found = clerk.get(server.base + "/api/v1/cadres?q=lo van pom").json()["items"]
    assert not found or not clerk.get(server.base + f"/api/v1/cadres/{found[0]['id']}").json()["positions"]
    (folder / "positions.csv").write_text(
        "Số thẻ đảng viên,Mã đơn vị,Chức vụ,Ngày bắt đầu,Hình thức,Diện quản lý,Ngày phê duyệt\n"
        "50000003,T01-A-C2,Bí thư chi bộ,01/01/2018,Bầu,Cơ sở,20/12/2017\n", encoding="utf-8")
    run_cli("import", str(folder), db=server.db)
    again = run_cli("import", str(folder), db=server.db)
    assert "0" in again.stdout
    found = clerk.get(server.base + "/api/v1/cadres?q=lo van pom").json()["items"]
    assert [c["full_name"] for c in found] == ["Lò Văn Pọm"]
    profile = clerk.get(server.base + f"/api/v1/cadres/{found[0]['id']}").json()
    assert [p["title"] for p in profile["positions"]] == ["Bí thư chi bộ"]
    assert profile["positions"][0]["approved_on"] == "2017-12-20"
