"""Political-standard vetting (issue 5, DOMAIN.md §3, §6): cases per person and purpose, their steps and corrections, the
counts per period for every role, details only for the roles that handle cases — through the API, the forms and the CLI."""
import csv
import datetime
import io
import json
import re
import uuid

from conftest import PASSWORD, login, run_cli
from test_cadres import api, post_form


def today():
    """Today in Vietnam (UTC+7), the server's calendar day."""
    return datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).date()


def new_outsider(call, purpose="candidacy", unit="T01-A", received=None):
    """A case for a person in neither register (a fresh CCCD each time); returns the case."""
    national_id = "001085" + str(uuid.uuid4().int)[:6]
    created = call("POST", "/vetting", json={"person": national_id, "full_name": "Vi Văn Khánh", "birth_date": "1985-03-04",
                                             "purpose": purpose, "unit_code": unit,
                                             "received_on": (received or today()).isoformat()})
    assert created.status_code == 201, created.text
    return created.json()


def test_a_case_goes_received_verifying_concluded_and_back_only_by_a_heads_correction(server):
    clerk = api(login(server.base, "clerk-t01-a"), server.base)
    year = f"{today().year}-01-01"
    before = clerk("GET", f"/vetting/counts?unit=T01-A&from={year}").json()
    case = new_outsider(clerk, purpose="appointment")
    assert case["status"] == "received" and case["person"]["kind"] == "other" and case["person"]["full_name"] == "Vi Văn Khánh"
    assert case["deadline"] > case["received_on"] and case["due"] in ("on_time", "due_soon")
    # Concluding before verifying is refused; so is a step from a stale version.
    early = clerk("POST", f"/vetting/{case['id']}/conclude", json={"version": case["version"], "conclusion": "meets",
                                                                  "concluded_on": today().isoformat(), "document_no": "1-CV/BTCTU"})
    assert early.status_code == 422, early.text
    verifying = clerk("POST", f"/vetting/{case['id']}/verify", json={"version": case["version"]})
    assert verifying.status_code == 200 and verifying.json()["status"] == "verifying"
    stale = clerk("POST", f"/vetting/{case['id']}/verify", json={"version": case["version"]})
    assert stale.status_code == 409 and "changes" in stale.json()
    version = verifying.json()["version"]
    # No conclusion without the document it rests on.
    missing = clerk("POST", f"/vetting/{case['id']}/conclude", json={"version": version, "conclusion": "does_not_meet",
                                                                    "concluded_on": today().isoformat(), "document_no": " "})
    assert missing.status_code == 422 and any(e["field"] == "document_no" for e in missing.json()["errors"])
    done = clerk("POST", f"/vetting/{case['id']}/conclude", json={"version": version, "conclusion": "does_not_meet",
                                                                 "concluded_on": today().isoformat(), "document_no": "45-CV/BTCTU"})
    assert done.status_code == 200, done.text
    assert done.json()["conclusion"] == "does_not_meet" and done.json()["due"] == "concluded" and done.json()["document_no"] == "45-CV/BTCTU"
    after = clerk("GET", f"/vetting/counts?unit=T01-A&from={year}").json()
    assert after["by_purpose"]["appointment"]["does_not_meet"] == before["by_purpose"]["appointment"]["does_not_meet"] + 1
    assert after["total"]["concluded"] == before["total"]["concluded"] + 1
    # Reopening a concluded case is a head's correction, with a reason.
    reopen = {"version": done.json()["version"], "status": "verifying", "reason": "Có thông tin mới"}
    assert clerk("POST", f"/vetting/{case['id']}/correct", json=reopen).status_code == 403
    head = api(login(server.base, "head-t01-a"), server.base)
    assert head("POST", f"/vetting/{case['id']}/correct", json={**reopen, "reason": ""}).status_code == 422
    reopened = head("POST", f"/vetting/{case['id']}/correct", json=reopen)
    assert reopened.status_code == 200 and reopened.json()["status"] == "verifying" and reopened.json()["conclusion"] is None
    history = head("GET", f"/vetting/{case['id']}/history").json()["items"]
    assert [e["action"] for e in history] == ["create", "verify", "conclude", "correct"]
    assert any(c["field"] == "reason" and c["new"] == "Có thông tin mới" for c in history[-1]["changes"])
    # The sibling commune does not see it at all.
    sibling = api(login(server.base, "clerk-t01-b"), server.base)
    assert sibling("GET", f"/vetting/{case['id']}").status_code == 404
    assert sibling("POST", f"/vetting/{case['id']}/verify", json={"version": 1}).status_code == 404


def test_a_viewer_gets_counts_but_no_case_details_through_the_api_and_the_pages(server):
    clerk = api(login(server.base, "clerk-t01-a"), server.base)
    case = new_outsider(clerk, purpose="travel_abroad")
    viewer_session = login(server.base, "viewer-t01-a")
    viewer = api(viewer_session, server.base)
    counts = viewer("GET", "/vetting/counts")
    assert counts.status_code == 200 and counts.json()["by_purpose"]["travel_abroad"]["received"] >= 1
    for path in ["/vetting", f"/vetting/{case['id']}", f"/vetting/{case['id']}/history"]:
        assert viewer("GET", path).status_code == 403, path
    assert viewer("POST", f"/vetting/{case['id']}/verify", json={"version": case["version"]}).status_code == 403
    page = viewer_session.get(server.base + "/vetting")
    assert page.status_code == 200 and 'id="vetting-summary"' in page.text and 'id="vetting-counts-only"' in page.text
    assert "Vi Văn Khánh" not in page.text and f"/vetting/{case['id']}" not in page.text
    assert viewer_session.get(server.base + f"/vetting/{case['id']}").status_code == 403
    assert viewer_session.get(server.base + "/vetting/overdue").status_code == 403
    assert viewer_session.get(server.base + "/vetting/export?format=csv").status_code == 403
    # The audit log, where a case's history also lives, is closed to viewers.
    assert viewer("GET", "/audit").status_code == 403
    # A member's page shows the vetting section to a clerk, not to a viewer.
    member = clerk("GET", "/members?q=50000002").json()["items"][0]
    created = clerk("POST", "/vetting", json={"person": "50000002", "purpose": "recognition", "unit_code": "T01-A",
                                              "received_on": (today() - datetime.timedelta(days=int(uuid.uuid4().int % 300))).isoformat()})
    assert created.status_code in (201, 422), created.text
    clerk_page = login(server.base, "clerk-t01-a").get(server.base + f"/members/{member['id']}").text
    assert 'id="person-vetting"' in clerk_page
    assert 'id="person-vetting"' not in viewer_session.get(server.base + f"/members/{member['id']}").text


def test_the_vetting_pages_work_without_javascript(server):
    clerk = login(server.base, "clerk-t01-a")
    index = clerk.get(server.base + "/vetting")
    assert index.status_code == 200 and 'id="vetting-new-form"' in index.text and 'id="vetting-summary"' in index.text
    national_id = "001185" + str(uuid.uuid4().int)[:6]
    refused = post_form(clerk, server.base, "/vetting", {"person": national_id, "full_name": "", "purpose": "planning", "unit_code": "T01-A",
                                                         "received_on": "", "deadline": "", "note": ""}, page="/vetting")
    assert refused.status_code == 422 and "Không tìm thấy" in refused.text and f'value="{national_id}"' in refused.text
    created = post_form(clerk, server.base, "/vetting", {"person": national_id, "full_name": "Lường Thị Hoa", "birth_date": "",
                                                         "purpose": "planning", "unit_code": "T01-A", "received_on": "", "deadline": "",
                                                         "note": "Đề nghị của Đảng ủy xã"}, page="/vetting")
    assert created.status_code == 303, created.text
    url = created.headers["Location"].split("?")[0]
    page = clerk.get(server.base + url).text
    assert "Lường Thị Hoa" in page and 'id="vetting-verify-form"' in page and "Đã tiếp nhận" in page
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    assert post_form(clerk, server.base, url + "/verify", {"version": version}, page=url).status_code == 303
    page = clerk.get(server.base + url).text
    assert 'id="vetting-conclude-form"' in page
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    no_document = post_form(clerk, server.base, url + "/conclude", {"version": version, "conclusion": "meets",
                                                                    "concluded_on": today().strftime("%d/%m/%Y"), "document_no": ""}, page=url)
    assert no_document.status_code == 422 and "văn bản" in no_document.text
    done = post_form(clerk, server.base, url + "/conclude", {"version": version, "conclusion": "meets",
                                                             "concluded_on": today().strftime("%d/%m/%Y"), "document_no": "77-CV/BTCTU"}, page=url)
    assert done.status_code == 303, done.text
    page = clerk.get(server.base + url).text
    assert "Đạt tiêu chuẩn chính trị" in page and "77-CV/BTCTU" in page and 'class="history"' in page
    assert 'id="vetting-correct-form"' not in page  # a clerk does not correct a concluded case
    listing = clerk.get(server.base + "/vetting?q=luong thi hoa&purpose=planning").text
    assert "Lường Thị Hoa" in listing and 'id="vetting-cases"' in listing
    assert clerk.get(server.base + "/vetting/overdue").status_code == 200
    download = clerk.get(server.base + "/vetting/export?format=csv&q=luong thi hoa")
    assert download.status_code == 200 and "Lường Thị Hoa" in download.text and "clerk-t01-a" in download.text.splitlines()[0]
    head = login(server.base, "head-t01-a")
    assert 'id="vetting-correct-form"' in head.get(server.base + url).text


def test_vetting_cases_csv_loads_all_or_nothing_and_again_changes_nothing(server, workdir):
    folder = workdir / f"vetting-{uuid.uuid4().hex[:6]}"
    folder.mkdir()
    received = (today() - datetime.timedelta(days=40)).isoformat()
    national_id = "001085" + str(uuid.uuid4().int)[:6]
    good = ("Số thẻ đảng viên,Số CCCD,Họ và tên,Ngày sinh,Mục đích thẩm định,Đơn vị thẩm định,Ngày tiếp nhận,Hạn thẩm định,Tình trạng,"
            "Kết luận,Ngày kết luận,Văn bản kết luận,Ghi chú\n"
            f",{national_id},Đinh Văn Sơn,,Ứng cử,T01-A,{received},,Đã kết luận,Đạt,{today().isoformat()},9-CV/BTCTU,\n")
    bad = good + f",{national_id},Đinh Văn Sơn,,Bổ nhiệm,T99,{received},,,,,,\n" + f",{national_id},Đinh Văn Sơn,,du lịch,T01-A,{received},,,,,,\n"
    (folder / "vetting_cases.csv").write_text(bad, encoding="utf-8")
    failed = run_cli("import", str(folder), "--lang", "en", db=server.db, check=False)
    assert failed.returncode != 0
    assert "vetting_cases.csv:3: unit_code:" in failed.stderr and "vetting_cases.csv:4: purpose:" in failed.stderr, failed.stderr
    clerk = api(login(server.base, "clerk-t01-a"), server.base)
    assert clerk("GET", "/vetting?q=dinh van son").json()["total"] == 0
    (folder / "vetting_cases.csv").write_text(good, encoding="utf-8")
    run_cli("import", str(folder), db=server.db)
    again = json.loads(run_cli("import", str(folder), "--format", "json", db=server.db).stdout)
    assert again["created"] == 0 and again["updated"] == 0 and again["unchanged"] == 1, again
    found = clerk("GET", "/vetting?q=dinh van son").json()
    assert found["total"] == 1 and found["items"][0]["conclusion"] == "meets" and found["items"][0]["purpose"] == "candidacy"
    out = workdir / f"export-{uuid.uuid4().hex[:6]}"
    run_cli("export", str(out), db=server.db)
    rows = list(csv.DictReader(io.StringIO((out / "vetting_cases.csv").read_text(encoding="utf-8"))))
    assert any(r["national_id"] == national_id and r["document_no"] == "9-CV/BTCTU" for r in rows)


def test_only_an_administrator_of_the_whole_database_changes_the_settings(server):
    commune_admin = api(login(server.base, "admin-t01-a"), server.base)
    settings = commune_admin("GET", "/vetting/settings").json()
    assert settings["deadline_working_days"] >= 1
    refused = commune_admin("PUT", "/vetting/settings", json={"deadline_working_days": 20, "warning_working_days": 3,
                                                               "version": settings["version"]})
    assert refused.status_code == 403
    name = "admin-tw-" + uuid.uuid4().hex[:6]
    run_cli("user", "add", "--username", name, "--password", PASSWORD, "--role", "admin", "--unit", "TW", "--name", "Quản trị", db=server.db)
    root = api(login(server.base, name), server.base)
    current = root("GET", "/vetting/settings").json()
    same = root("PUT", "/vetting/settings", json={"deadline_working_days": current["deadline_working_days"],
                                                  "warning_working_days": current["warning_working_days"], "version": current["version"]})
    assert same.status_code == 200
    wrong = root("PUT", "/vetting/settings", json={"deadline_working_days": 0, "warning_working_days": 3, "version": current["version"]})
    assert wrong.status_code == 422
