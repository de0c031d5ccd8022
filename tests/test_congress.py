"""Congresses and elections (issue 6, DOMAIN.md §4): the congress records and their progress by level in the seeds' words,
congresses.csv, and an election with a tie at the last seat, its re-vote and the higher level's approval — through the
API, the forms and the command line."""
import json
from html import unescape as html_unescape
import re

import pytest

from conftest import ADMIN_PASSWORD, Server, drop_database, login, new_database, run_cli
from test_cadres import api, post_form, province_head  # noqa: F401  (the fixture is shared)


def seed_like_dataset(folder):
    """A province shaped like seed 002 on 25/7/2020: 1.305 upper-base units of which 624 held the 2020–2025 congress
    (127 pilots, 99 direct elections of the secretary), and 2.000 base units of which 1.997 held it (99,85%)."""
    folder.mkdir()
    units = ["code,name,kind,parent_code,sector,has_committee,founded_on,dissolved_on",
             "TW,Trung ương,central,,other,true,,", "T09,Đảng bộ tỉnh Kiểm Thử,provincial,TW,other,true,1945-09-02,"]
    congresses = ["unit_code,term,planned_on,held_on,pilot,direct_secretary",
                  "T09,2020-2025,2020-10-15,,false,false"]
    for i in range(1, 1306):
        units.append(f"U{i:04d},Đảng bộ huyện số {i},upper_base,T09,commune,true,,")
        if i <= 624:
            congresses.append(f"U{i:04d},2020-2025,,2020-07-{1 + i % 25:02d},{'true' if i <= 127 else 'false'},{'true' if i <= 99 else 'false'}")
    for i in range(1, 2001):
        units.append(f"B{i:04d},Đảng bộ xã số {i},base,U{1 + i % 1305:04d},commune,true,,")
        congresses.append(f"B{i:04d},2020-2025,2020-03-01,{'2020-05-10' if i <= 1997 else ''},false,false")
    # A commune merged away before the date does not count, though it held its congress.
    units.append("B9999,Đảng bộ xã đã sáp nhập,base,U0001,commune,true,2000-01-01,2020-06-30")
    congresses.append("B9999,2020-2025,,2020-04-01,false,false")
    (folder / "org_units.csv").write_text("\n".join(units) + "\n", encoding="utf-8")
    (folder / "congresses.csv").write_text("\n".join(congresses) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def seeded_province(workdir):
    """A server of its own on the dataset above (the shared one is left alone)."""
    db, name = new_database(workdir)
    folder = workdir / "seed-like"
    seed_like_dataset(folder)
    run_cli("import", str(folder), db=db)
    srv = Server(db, workdir)
    yield srv
    srv.stop()
    drop_database(name)


def test_the_progress_page_prints_each_level_x_of_y_with_vietnamese_formatting(seeded_province):
    srv = seeded_province
    admin = login(srv.base, "admin", password=ADMIN_PASSWORD)
    page = admin.get(srv.base + "/congresses/progress?unit=T09&date=25/07/2020")
    assert page.status_code == 200, page.text
    html = page.text
    sentence = re.search(r'<p id="progress-sentence"><strong>(.*?)</strong>', html).group(1)
    assert sentence == ("Tính đến hết ngày 25/07/2020 đã có 1.997 (99,85%) đảng bộ, chi bộ cơ sở; 624/1.305 (47,81%) đảng bộ cấp trên cơ sở "
                        "và 0/1 (0,00%) đảng bộ trực thuộc Trung ương tổ chức đại hội; trong đó có 127 đại hội điểm, 99 bầu trực tiếp bí thư."), sentence
    level = lambda kind: re.search(rf'<tr id="level-{kind}"><td>[^<]*</td><td class="num">([^<]*)</td>', html).group(1)
    assert level("upper_base") == "624/1.305 (47,81%)"
    assert level("base") == "1.997/2.000 (99,85%)"
    assert level("provincial") == "0/1 (0,00%)"
    assert "<svg" in html and 'id="progress-chart"' in html and "2020–2025" in html
    # The same figures as JSON, and in the briefing report of July 2020 (CLI and API).
    progress = admin.get(srv.base + "/api/v1/congresses/progress?unit=T09&date=2020-07-25").json()
    upper = next(level for level in progress["levels"] if level["kind"] == "upper_base")
    assert upper == {"kind": "upper_base", "held": 624, "total": 1305, "percent": 47.81, "pilot": 127, "direct_secretary": 99,
                     "text_vi": "624/1.305 (47,81%)"}
    report = json.loads(run_cli("report", "--unit", "T09", "--period", "2020-07", "--format", "json", db=srv.db).stdout)
    assert report["figures"]["congress"]["upper_base"] == {"held": 624, "total": 1305, "percent": 47.81, "pilot": 127, "direct_secretary": 99}
    assert report["figures"]["congress"]["base"] == {"held": 1997, "total": 2000, "percent": 99.85, "pilot": 0, "direct_secretary": 0}
    assert report["figures"]["congress"]["provincial"]["total"] == 1
    text = run_cli("report", "--unit", "T09", "--period", "2020-07", db=srv.db).stdout
    assert "624/1.305 (47,81%) đảng bộ cấp trên cơ sở" in text and "127 đại hội điểm, 99 bầu trực tiếp bí thư" in text, text
    api_report = admin.get(srv.base + "/api/v1/units/T09/report?period=2020-07").json()
    assert api_report["figures"]["congress"] == report["figures"]["congress"]
    report_page = admin.get(srv.base + "/reports?unit=T09&period=2020-07").text
    sentences = re.search(r'<div id="report-text">(.*?)</div>', report_page, re.S).group(1)
    assert "624/1.305 (47,81%) đảng bộ cấp trên cơ sở" in sentences and "127 đại hội điểm, 99 bầu trực tiếp bí thư" in sentences
    row = re.search(r'<tr id="figure-congress-upper_base-held">(.*?)</tr>', report_page, re.S).group(1)
    # The figure opens the list of those congresses (issue 7: every figure links to its records): its total is the figure.
    link = html_unescape(re.search(r'<a href="([^"]+)">624</a>', row).group(1))
    assert link.startswith("/congresses?") and "kind=upper_base" in link and "status=held" in link
    assert "— 624 bản ghi" in admin.get(srv.base + link).text
    # The list of the province's units missing the congress, and its download.
    missing = admin.get(srv.base + "/api/v1/congresses?unit=T09&date=2020-07-25&kind=base&status=planned").json()
    assert missing["total"] == 3 and missing["term"] == "2020-2025"
    download = admin.get(srv.base + "/congresses/export?unit=T09&date=2020-07-25&kind=upper_base&status=held&format=csv")
    assert download.status_code == 200 and download.text.count("\n") >= 625


def test_a_congress_is_recorded_corrected_and_refused_when_stale_or_out_of_scope(server):
    clerk = api(login(server.base, "clerk-t01-a"), server.base)
    saved = clerk("PUT", "/congresses/T01-A-C2/2025-2030", json={"planned_on": "2025-04-01", "held_on": "2025-04-20", "pilot": True,
                                                                  "delegates": 25, "committee_elected": 3, "version": 0})
    assert saved.status_code == 201, saved.text
    record = saved.json()
    assert record["pilot"] is True and record["direct_secretary"] is False and record["held_on"] == "2025-04-20" and record["version"] == 1
    stale = clerk("PUT", "/congresses/T01-A-C2/2025-2030", json={"held_on": "2025-04-21", "version": 0})
    assert stale.status_code == 409, stale.text
    corrected = clerk("PUT", "/congresses/T01-A-C2/2025-2030", json={"held_on": "2025-04-21", "pilot": True, "version": 1})
    assert corrected.status_code == 200 and corrected.json()["held_on"] == "2025-04-21"
    future = clerk("PUT", "/congresses/T01-A-C2/2025-2030", json={"held_on": "2099-01-01", "version": 2})
    assert future.status_code == 422 and "held_on" in future.text
    history = clerk("GET", "/congresses/T01-A-C2/2025-2030/history").json()["items"]
    assert [e["action"] for e in history] == ["create", "update"]
    assert clerk("GET", "/congresses/T01-B/2025-2030").status_code == 404
    assert clerk("GET", "/congresses/T01-A/20-25").status_code == 404
    viewer = api(login(server.base, "viewer-t01-a"), server.base)
    assert viewer("GET", "/congresses/T01-A-C2/2025-2030").status_code == 200
    assert viewer("PUT", "/congresses/T01-A-C2/2025-2030", json={"version": 2}).status_code == 403
    # The record's page and the list, without JavaScript; the menu leads there.
    session = login(server.base, "clerk-t01-a")
    assert 'href="/congresses"' in session.get(server.base + "/units/T01-A").text
    page = session.get(server.base + "/congresses/T01-A-C2/2025-2030").text
    assert 'id="congress-form"' in page and "21/04/2025" in page and 'id="election-create-form"' in page
    listing = session.get(server.base + "/congresses?term=2025-2030&unit=T01-A").text
    assert 'id="congress-table"' in listing and "/congresses/T01-A-C2/2025-2030" in listing
    assert session.get(server.base + "/congresses?kind=galaxy").status_code == 422


def test_an_election_with_a_tie_at_the_last_seat_is_revoted_then_approved_by_the_higher_level(server, province_head):
    clerk = api(login(server.base, "clerk-t01-a"), server.base)
    clerk("PUT", "/congresses/T01-A/2025-2030", json={"held_on": "2025-05-20", "delegates": 100, "version": 0})
    opened = clerk("POST", "/elections", json={"unit_code": "T01-A", "congress_term": "2025-2030", "body": "committee", "held_on": "2025-05-20",
                                              "seats": 2, "delegates": 100})
    assert opened.status_code == 201, opened.text
    election = opened.json()["election"]
    assert election["title"] == "Ủy viên Ban Chấp hành" and opened.json()["approving_level"] == "provincial"
    eid = election["id"]
    for card in ["50000001", "50000002", "50000003"]:
        added = clerk("POST", f"/elections/{eid}/candidates", json={"member_number": card, "source": "committee"})
        assert added.status_code == 201, added.text
    # A floor nomination backed by 30 of 100 delegates stays off the list; the surplus (1 for 2 seats) is within the limit.
    floor = clerk("POST", f"/elections/{eid}/candidates", json={"member_number": "50000004", "source": "floor", "agreed": 30})
    assert floor.status_code == 422  # T01-B's member is not found from T01-A
    detail = clerk("GET", f"/elections/{eid}").json()
    assert detail["list_check"]["valid"] is True and detail["list_check"]["surplus"] == 1 and detail["stage"]["kind"] == "listing"
    ids = [c["id"] for c in detail["candidates"]]
    impossible = clerk("POST", f"/elections/{eid}/count", json={"issued": 100, "returned": 100, "valid": 98, "invalid": 1,
                                                               "votes": [{"candidate_id": i, "votes": 50} for i in ids]})
    assert impossible.status_code == 422 and "valid" in impossible.text
    counted = clerk("POST", f"/elections/{eid}/count", json={"issued": 100, "returned": 100, "valid": 98, "invalid": 2,
                                                            "votes": [{"candidate_id": ids[0], "votes": 80}, {"candidate_id": ids[1], "votes": 58},
                                                                      {"candidate_id": ids[2], "votes": 58}]})
    assert counted.status_code == 200, counted.text
    detail = counted.json()
    assert detail["stage"] == {"kind": "revote", "seats": 1, "candidate_ids": [ids[1], ids[2]]}
    outcomes = {r["candidate_id"]: r["outcome"] for r in detail["rounds"][0]["results"]}
    assert outcomes == {ids[0]: "elected", ids[1]: "tied", ids[2]: "tied"}
    province = api(province_head, server.base)
    early = province("POST", f"/elections/{eid}/approve", json={"approval_no": "88-QĐ/TU", "approved_on": "2025-06-01"})
    assert early.status_code == 422 and "bầu lại" in early.text
    revote = clerk("POST", f"/elections/{eid}/rounds", json={})
    assert revote.status_code == 201 and revote.json()["rounds"][1]["reason"] == "tie"
    final = clerk("POST", f"/elections/{eid}/count", json={"issued": 100, "returned": 99, "valid": 99, "invalid": 0,
                                                          "votes": [{"candidate_id": ids[1], "votes": 55}, {"candidate_id": ids[2], "votes": 44}]})
    assert final.status_code == 200 and final.json()["stage"]["kind"] == "complete" and final.json()["elected"] == [ids[0], ids[1]]
    own_head = api(login(server.base, "head-t01-a"), server.base)
    assert own_head("POST", f"/elections/{eid}/approve", json={"approval_no": "88-QĐ/TU"}).status_code == 403
    approved = province("POST", f"/elections/{eid}/approve", json={"approval_no": "88-QĐ/TU", "approved_on": "2025-06-01"})
    assert approved.status_code == 200, approved.text
    assert approved.json()["stage"]["kind"] == "approved" and approved.json()["election"]["approval_no"] == "88-QĐ/TU"
    cadre_id = next(c["cadre_id"] for c in approved.json()["candidates"] if c["id"] == ids[0])
    cadre = clerk("GET", f"/cadres/{cadre_id}").json()
    post = next(p for p in cadre["positions"] if p["unit_code"] == "T01-A" and p["title"] == "Ủy viên Ban Chấp hành")
    assert post["started_on"] == "2025-05-20" and post["start_kind"] == "elected" and post["approved_on"] == "2025-06-01"
    # The printed minutes: both rounds and those elected.
    minutes = login(server.base, "clerk-t01-a").get(server.base + f"/elections/{eid}/minutes").text
    assert "BIÊN BẢN KIỂM PHIẾU" in minutes and "Lần bỏ phiếu thứ 2" in minutes and "Nguyễn Văn Tùng" in minutes and "/static/minutes.css" in minutes
    assert clerk("POST", f"/elections/{eid}/count", json={"issued": 1, "returned": 1, "valid": 1, "invalid": 0, "votes": []}).status_code == 422


def test_a_list_whose_surplus_is_too_large_is_shown_before_any_ballot_and_blocks_the_count(server):
    session = login(server.base, "clerk-t01-a")
    created = post_form(session, server.base, "/elections", {"unit_code": "T01-A", "congress_term": "", "body": "standing_committee",
                                                              "title": "", "held_on": "01/06/2025", "seats": "1", "delegates": "15"},
                        page="/elections")
    assert created.status_code == 303, created.text
    url = created.headers["Location"].split("?")[0]
    for card in ["50000001", "50000002", "50000003"]:
        assert post_form(session, server.base, url + "/candidates", {"member_number": card, "source": "committee", "agreed": ""}, page=url).status_code == 303
    page = session.get(server.base + url).text
    assert 'id="list-problems"' in page and "số dư không quá 1" in page and 'id="count-form"' not in page
    eid = int(url.rsplit("/", 1)[1])
    call = api(session, server.base)
    detail = call("GET", f"/elections/{eid}").json()
    refused = call("POST", f"/elections/{eid}/count", json={"issued": 15, "returned": 15, "valid": 15, "invalid": 0,
                                                           "votes": [{"candidate_id": c["id"], "votes": 5} for c in detail["candidates"]]})
    assert refused.status_code == 422 and "list" in refused.text


def test_congresses_csv_from_the_command_line_names_every_wrong_row_then_loads_once(fresh_db, workdir):
    db = fresh_db
    folder = workdir / "congress-cli"
    folder.mkdir(exist_ok=True)
    (folder / "org_units.csv").write_text("code,name,kind,parent_code\nTW,Trung ương,central,\nP1,Tỉnh,provincial,TW\nX1,Xã,base,P1\n",
                                          encoding="utf-8")
    (folder / "congresses.csv").write_text("unit_code,term,held_on,pilot\nX1,2025-2030,2025-05-01,có\nX9,2025-2030,,\nP1,2025,,\n",
                                           encoding="utf-8")
    bad = run_cli("import", str(folder), "--lang", "en", db=db, check=False)
    assert bad.returncode != 0
    assert "congresses.csv:3: unit_code:" in bad.stderr and "congresses.csv:4: term:" in bad.stderr, bad.stderr
    (folder / "congresses.csv").write_text("unit_code,term,held_on,pilot\nX1,2025-2030,2025-05-01,có\nP1,2025-2030,,\n", encoding="utf-8")
    first = run_cli("import", str(folder), "--format", "json", db=db)
    assert json.loads(first.stdout)["created"] >= 5
    second = json.loads(run_cli("import", str(folder), "--format", "json", db=db).stdout)
    assert second["created"] == 0 and second["updated"] == 0
    out = workdir / "congress-cli-export"
    run_cli("export", "--format", "csv", str(out), db=db)
    assert "X1,2025-2030,,2025-05-01,true,false" in (out / "congresses.csv").read_text(encoding="utf-8")
