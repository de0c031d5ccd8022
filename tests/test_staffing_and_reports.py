"""Staffing quotas and the warnings dashboard (issue 5), the briefing report's first figures (issue 7): API, forms
without JavaScript, exports, the CLI."""
import json
import uuid

from conftest import login, run_cli
from test_cadres import api, post_form


def new_agency(clerk, base, parent=""):
    code = "SNV-" + uuid.uuid4().hex[:5].upper()
    created = post_form(clerk, base, "/agencies", {"code": code, "name": "Sở Nội vụ " + code, "kind": "government",
                                                  "parent_code": parent, "unit_code": "T01-A"})
    assert created.status_code == 303, created.text
    return code


def test_a_childs_quota_cannot_exceed_what_the_parent_allotted_and_stale_saves_are_refused(server):
    clerk = login(server.base, "clerk-t01-a")
    call = api(clerk, server.base)
    parent = new_agency(clerk, server.base)
    child = new_agency(clerk, server.base, parent=parent)
    other = new_agency(clerk, server.base, parent=parent)
    saved = call("PUT", f"/staffing/{parent}/2026", json={"assigned": 100, "actual": 96, "reduction_target": 10, "reduced": 4, "version": 0})
    assert saved.status_code == 201, saved.text
    figures = saved.json()["figures"]
    assert figures["over_quota"] == -4 and figures["progress_percent"] == 40.0 and saved.json()["version"] == 1
    assert call("PUT", f"/staffing/{child}/2026", json={"assigned": 60, "actual": 60, "version": 0}).status_code == 201
    # 60 + 41 = 101 > 100: refused, naming the figures; exactly 40 fits.
    over = call("PUT", f"/staffing/{other}/2026", json={"assigned": 41, "actual": 30, "version": 0})
    assert over.status_code == 422, over.text
    assert "vượt 100 biên chế được giao" in over.json()["message_vi"] or "vượt" in over.text
    assert call("PUT", f"/staffing/{other}/2026", json={"assigned": 40, "actual": 30, "version": 0}).status_code == 201
    # The parent cannot fall below what it handed down.
    below = call("PUT", f"/staffing/{parent}/2026", json={"assigned": 99, "actual": 96, "version": 1})
    assert below.status_code == 422 and "ít hơn 100 đã giao" in below.text, below.text
    # A save from an old version is refused with what changed.
    assert call("PUT", f"/staffing/{parent}/2026", json={"assigned": 100, "actual": 95, "version": 1}).status_code == 200
    stale = call("PUT", f"/staffing/{parent}/2026", json={"assigned": 100, "actual": 90, "version": 1})
    assert stale.status_code == 409, stale.text
    history = call("GET", f"/staffing/{parent}/2026/history").json()["items"]
    assert [e["action"] for e in history] == ["create", "update"]
    # The list counts the parent only (its figures include the children's).
    listed = call("GET", f"/staffing?year=2026&unit=T01-A&per_page=200").json()
    rows = {r["agency"]["code"]: r for r in listed["items"]}
    assert rows[parent]["counts_in_totals"] and not rows[child]["counts_in_totals"]
    assert call("GET", "/staffing?year=1999").status_code == 422
    assert call("GET", f"/staffing/{child}/2025").status_code == 404


def test_quotas_are_entered_through_the_form_and_the_list_downloads(server):
    clerk = login(server.base, "clerk-t01-a")
    code = new_agency(clerk, server.base)
    page = clerk.get(server.base + f"/staffing/{code}/2027")
    assert page.status_code == 200 and 'id="staffing-form"' in page.text
    wrong = post_form(clerk, server.base, f"/staffing/{code}/2027", {"assigned": "50", "actual": "", "reduction_target": "60",
                                                                     "version": "0"}, page=f"/staffing/{code}/2027")
    assert wrong.status_code == 422 and "Có mặt" in wrong.text, wrong.text
    saved = post_form(clerk, server.base, f"/staffing/{code}/2027", {"assigned": "1.250", "actual": "1.200", "reduction_target": "50",
                                                                     "reduced": "20", "note": "Theo Nghị quyết 39", "version": "0"},
                      page=f"/staffing/{code}/2027")
    assert saved.status_code == 303, saved.text
    shown = clerk.get(server.base + f"/staffing/{code}/2027").text
    assert "1.250" in shown and "40,0%" in shown and "Theo Nghị quyết 39" in shown
    listing = clerk.get(server.base + "/staffing?year=2027").text
    assert code in listing and 'id="staffing-totals"' in listing and 'id="staffing-progress"' in listing
    csv = clerk.get(server.base + "/staffing/export?year=2027&format=csv")
    assert csv.status_code == 200 and csv.text.startswith("\ufeff")
    assert "clerk-t01-a" in csv.text.splitlines()[0] and f"{code}," in csv.text and "40,0%" in csv.text
    viewer = login(server.base, "viewer-t01-a")
    assert post_form(viewer, server.base, f"/staffing/{code}/2027", {"assigned": "1", "actual": "1", "version": "1"},
                     page=f"/staffing/{code}/2027").status_code == 403
    # The sibling commune does not see the agency.
    assert login(server.base, "clerk-t01-b").get(server.base + f"/staffing/{code}/2027").status_code == 404


def test_the_warnings_dashboard_counts_cadres_per_rule(server):
    clerk = login(server.base, "clerk-t01-a")
    call = api(clerk, server.base)
    # A cadre who retires within 12 months (a man born 1 January 1966 retires at 61 years 9 months, in October 2027).
    national_id = "001066" + str(uuid.uuid4().int)[:6]
    created = call("POST", "/cadres", json={"full_name": "Vũ Văn Hưu", "gender": "male", "birth_date": "1966-01-01",
                                            "national_id": national_id, "unit_code": "T01-A"})
    assert created.status_code == 201, created.text
    dashboard = call("GET", "/cadres/warnings?as_of=2026-12-01").json()
    assert set(dashboard["counts"]) == {"head_tenure", "retirement", "reappointment", "discipline", "time_in_post", "working_age"}
    assert dashboard["counts"]["retirement"] >= 1 and dashboard["checked"] >= 1
    retiring = call("GET", "/cadres/warnings?as_of=2026-12-01&kind=retirement&per_page=200").json()
    names = [row["cadre"]["full_name"] for row in retiring["items"]]
    assert "Vũ Văn Hưu" in names
    assert all(any(w["kind"] == "retirement" for w in row["warnings"]) for row in retiring["items"])
    assert call("GET", "/cadres/warnings?kind=nonsense").status_code == 422
    page = clerk.get(server.base + "/cadres/warnings?as_of=01/12/2026&kind=retirement").text
    assert 'id="warning-counts"' in page and "Vũ Văn Hưu" in page and 'id="warnings-chart"' in page
    csv = clerk.get(server.base + "/cadres/warnings?as_of=2026-12-01&kind=retirement&format=csv")
    assert csv.status_code == 200 and "Vũ Văn Hưu" in csv.text


def test_the_report_counts_admissions_of_the_period_against_a_year_earlier(server):
    head = login(server.base, "head-t01-a")
    call = api(head, server.base)
    report = call("GET", "/units/T01-A/report?period=2014").json()
    assert report["unit"] == "T01-A" and report["period"] == {"from": "2014-01-01", "to": "2014-12-31", "key": "2014",
                                                              "label_vi": "năm 2014", "label_en": "the year 2014"}
    figures = report["figures"]
    assert figures["admitted"] == 1 and figures["admitted_previous"] == 0 and figures["recognized"] == 0
    stats = call("GET", "/units/T01-A/stats?as_of=2014-12-31").json()
    assert figures["cells"] == stats["cells"] >= 2 and figures["cells_with_committee"] == stats["cells_with_committee"] >= 1
    assert set(figures["approvals"]) == {"central", "provincial", "upper_base", "base"}
    assert call("GET", "/units/T01-A/report?period=2015").json()["figures"]["recognized"] == 1
    assert call("GET", "/units/T01-A/report?period=2014-13").status_code == 422
    assert call("GET", "/units/T01-B/report?period=2014").status_code == 404
    page = head.get(server.base + "/reports?unit=T01-A&period=2015").text
    assert "Kết nạp 0 đảng viên mới, giảm 1 so với năm 2014 (1)." in page and 'id="report-figures"' in page
    assert 'id="figure-cells"' in page
    out = run_cli("report", "--unit", "T01", "--period", "2010", "--format", "json", db=server.db)
    cli = json.loads(out.stdout)
    assert cli["unit"] == "T01" and cli["figures"]["admitted"] == 1 and cli["figures"]["admitted_previous"] == 0
    bad = run_cli("report", "--unit", "T01", "--period", "2010-Q5", db=server.db, check=False)
    assert bad.returncode != 0 and "2023-Q3" in bad.stderr


def test_the_report_downloads_as_word_excel_pdf_and_a_printable_page(server, workdir):
    import io

    import docx
    import openpyxl

    head = login(server.base, "head-t01-a")
    page = head.get(server.base + "/reports?unit=T01-A&period=2014").text
    assert 'id="report-text"' in page and "II. Công tác đảng viên" in page and 'id="chart-ratings"' in page
    word = head.get(server.base + "/reports?unit=T01-A&period=2014&format=docx")
    assert word.status_code == 200 and word.headers["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    document = docx.Document(io.BytesIO(word.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Báo cáo giao ban năm 2014 — Đảng bộ xã An Bình" in text
    assert "Kết nạp 1 đảng viên mới, tăng 1 so với năm 2013 (0)." in text
    assert document.tables and document.tables[0].rows[0].cells[0].text == "Chỉ tiêu"
    excel = head.get(server.base + "/reports?unit=T01-A&period=2014&format=xlsx")
    book = openpyxl.load_workbook(io.BytesIO(excel.content))
    figures = {row[0]: row for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert figures["admitted"][2] == 1 and isinstance(figures["admitted"][2], (int, float)) and figures["admitted"][3] == 0
    assert isinstance(figures["cells"][2], (int, float)) and figures["approvals.central"][2] == 0
    printable = head.get(server.base + "/reports?unit=T01-A&period=2014&format=html").text
    assert printable.startswith("<!doctype html>") and "I. Công tác tổ chức" in printable and "<nav" not in printable
    pdf = head.get(server.base + "/reports?unit=T01-A&period=2014&format=pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert head.get(server.base + "/reports?unit=T01-A&period=2014&format=odt").status_code == 422
    out = workdir / "report.docx"
    run_cli("report", "--unit", "T01", "--period", "2014", "--format", "docx", "--output", str(out), db=server.db)
    assert "Kết nạp 1 đảng viên mới" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    text = run_cli("report", "--unit", "T01", "--period", "2014", db=server.db).stdout
    assert "III. Công tác cán bộ" in text and "Thẩm định tiêu chuẩn chính trị 0 trường hợp." in text
