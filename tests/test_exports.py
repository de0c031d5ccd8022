"""Downloads of the UI's lists (issue 7, DOMAIN.md §6): every list page offers Excel and CSV of exactly its rows as
filtered (all pages), stamped with who exported it and when, personal data masked as the page masks it, counts stored as
numbers; and every figure of the briefing report links to a list of its records that answers."""
import csv
import datetime
import io
import re
import uuid
from html import unescape

import openpyxl
import pytest

from conftest import login
from test_cadres import api

# (page, id of the list's table or None when the page holds several tables of one class, how the export's rows relate:
# "same" rows as the page's total, "plus1" one totals line more, None: another grain (one row a warning, a person)).
LISTS = [
    ("/units", "units-table", "same"),
    ("/units?kind=cell&under=T01-A", "units-table", "same"),
    ("/tree", None, None),
    ("/members", "members-table", "same"),
    ("/members?all=1&admitted_from=2000-01-01&admitted_to=2012-12-31&unit=T01-A", "members-table", "same"),
    ("/members/check", "findings", "same"),
    ("/members/badges", "badge-table", "same"),
    ("/members/away", "away-table", "same"),
    ("/admission", "table.admission", "same"),
    ("/cadres", "cadres-table", "same"),
    ("/cadres/retiring", "retiring-table", "same"),
    ("/cadres/reappointment", "reappointment-table", "same"),
    ("/cadres/decisions", "decisions-table", "same"),
    ("/cadres/approvals?from=2000-01-01", "approval-records", "same"),
    ("/cadres/warnings", "warnings-table", None),
    ("/agencies", "agencies-table", "same"),
    ("/planning", "planning-lists", "same"),
    ("/training", "courses-table", "same"),
    ("/exams", "exams-table", "same"),
    ("/exams/staff-reduction", "staff-reduction-table", "same"),
    ("/staffing", "staffing-table", "plus1"),
    ("/vetting", "vetting-cases", "same"),
    ("/vetting/overdue", "vetting-overdue", "same"),
    ("/assessment?unit=T01-A-C1", "grid", "same"),
    ("/assessment/results?unit=T01-A", "results-table", "plus1"),
    ("/rules", "table.rules", "same"),
    ("/votes", "vote-sessions", None),
    ("/meetings?unit=T01-A-C1", "meeting-list", "same"),
    ("/meetings/dues?unit=T01-A-C1", "dues-grid", "same"),
    ("/meetings/flagged", "flagged-members", "same"),
    ("/congresses", "congress-table", "same"),
    ("/congresses/progress", "progress-levels", "same"),
    ("/elections", "elections-table", "same"),
    ("/documents", "documents", "same"),
    ("/proposals", "proposals", "same"),
    ("/tasks", "tasks", "same"),
    ("/tasks/focus", "focus-tasks", "same"),
    ("/audit", "audit-table", "same"),
    ("/admin/users", "users-table", "same"),
]


def download_link(html, label):
    match = re.search(r'<a class="button secondary" href="([^"]+)">' + re.escape(label) + "</a>", html)
    assert match, f"no “{label}” link"
    return unescape(match.group(1))


def page_rows(html, table):
    """The list's total: the pager's count when there is one, else the rows of the table's body (0 without a table)."""
    pager = re.search(r"Trang \d+/\d+ — ([\d.]+) bản ghi", html)
    if pager:
        return int(pager.group(1).replace(".", ""))
    if table.startswith("table."):
        bodies = re.findall(r'<table class="' + table[6:] + r'"[^>]*>.*?<tbody>(.*?)</tbody>', html, re.S)
    else:
        bodies = re.findall(r'<table id="' + table + r'"[^>]*>.*?<tbody>(.*?)</tbody>', html, re.S)
    return sum(body.count("<tr") for body in bodies)


def csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture(scope="module")
def records(server):
    """A few records of the lists that start empty: a cadre, a document, a task (the clerk of T01-A)."""
    clerk = login(server.base, "clerk-t01-a")
    call = api(clerk, server.base)
    cadre = call("POST", "/cadres", json={"full_name": "Hoàng Văn Xuất", "gender": "Nam", "birth_date": "1970-03-01",
                                          "national_id": "0010700" + str(uuid.uuid4().int)[:5], "unit_code": "T01-A"})
    assert cadre.status_code == 201, cadre.text
    document = call("POST", "/documents", json={"number": str(uuid.uuid4().int)[:5] + "-NQ/ĐU", "issued_on": "2025-03-01",
                                                "title": "Nghị quyết về xuất danh sách"})
    assert document.status_code == 201, document.text
    task = call("POST", "/tasks", json={"title": "Rà soát danh sách xuất", "assigned_on": "2025-03-02", "deadline": "2025-12-31"})
    assert task.status_code == 201, task.text
    return cadre.json()


@pytest.mark.parametrize("path,table,grain", LISTS, ids=[p for p, _, _ in LISTS])
def test_every_list_downloads_its_rows_stamped_with_who_exported_it(server, records, path, table, grain):
    who = "admin-t01-a"
    session = login(server.base, who)
    page = session.get(server.base + path)
    assert page.status_code == 200, (path, page.status_code)
    html = page.text
    total = page_rows(html, table) if table else None
    csv_link = download_link(html, "Tải về CSV")
    xlsx_link = download_link(html, "Tải về Excel (.xlsx)")
    assert "format=csv" in csv_link and "format=xlsx" in xlsx_link and "page=" not in csv_link
    download = session.get(server.base + csv_link)
    assert download.status_code == 200, (csv_link, download.status_code, download.text[:300])
    assert download.headers["Content-Type"].startswith("text/csv") and "attachment" in download.headers["Content-Disposition"]
    rows = csv_rows(download)
    assert rows[0][0].startswith("Xuất bởi " + who), rows[0]
    data = rows[2:]
    if grain == "same":
        assert len(data) == total, (path, len(data), total)
    elif grain == "plus1":
        assert len(data) == total + 1, (path, len(data), total)
    workbook = session.get(server.base + xlsx_link)
    assert workbook.status_code == 200 and workbook.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(workbook.content))
    info = book.worksheets[-1]
    assert info.title == "Thông tin xuất" and info["A1"].value.startswith("Xuất bởi " + who)
    # The same rows (the audit log has one more by then: the CSV download).
    expected = len(data) + (1 if path == "/audit" else 0)
    assert book.worksheets[0].max_row - 1 == expected or (expected == 0 and book.worksheets[0].max_row <= 1), path


def test_a_viewer_gets_personal_data_masked_and_a_clerk_sees_it(server, records):
    nid = "001085012345"  # Nguyễn Văn Tùng's, in the seed
    viewer = login(server.base, "viewer-t01-a")
    clerk = login(server.base, "clerk-t01-a")
    for session, masked in [(viewer, True), (clerk, False)]:
        members = "\n".join(",".join(r) for r in csv_rows(session.get(server.base + "/members/export?format=csv&q=tung")))
        cadres = "\n".join(",".join(r) for r in csv_rows(session.get(server.base + "/cadres?format=csv")))
        assert ("Nguyễn Văn Tùng" in members) and ((nid in members) != masked), members
        assert (records["national_id"] in cadres) == (not masked) or records["national_id"] is None, cadres
    # The viewer's download is stamped with the viewer's name.
    assert csv_rows(viewer.get(server.base + "/cadres?format=csv"))[0][0].startswith("Xuất bởi viewer-t01-a")
    # Vetting: a viewer sees the counts only and downloads the counts only; the cases are refused.
    page = viewer.get(server.base + "/vetting").text
    assert 'id="vetting-counts-only"' in page
    counts = csv_rows(viewer.get(server.base + download_link(page, "Tải về CSV")))
    assert counts[1][0] == "Mục đích thẩm định" and counts[-1][0] == "Tổng số" and all(c.isdigit() for c in counts[-1][1:]), counts
    assert viewer.get(server.base + "/vetting/export?format=csv").status_code == 403


def test_counts_are_numbers_in_the_workbook(server, records):
    admin = login(server.base, "admin-t01-a")
    book = openpyxl.load_workbook(io.BytesIO(admin.get(server.base + "/congresses/progress?format=xlsx").content))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]][:3] == ["Cấp", "Đã tổ chức", "Tổng số"] or sheet.max_row >= 1
    for row in sheet.iter_rows(min_row=2):
        assert isinstance(row[1].value, (int, float)) and isinstance(row[2].value, (int, float)), [c.value for c in row]
    # Codes and card numbers stay text (their leading zeros kept), counts are numbers.
    members = openpyxl.load_workbook(io.BytesIO(admin.get(server.base + "/members/export?format=xlsx").content)).worksheets[0]
    assert all(isinstance(c.value, str) for c in members["A"][1:] if c.value is not None)
    tasks = openpyxl.load_workbook(io.BytesIO(admin.get(server.base + "/tasks/export?format=xlsx").content)).worksheets[0]
    progress = [r[8].value for r in tasks.iter_rows(min_row=2)]
    assert progress and all(isinstance(v, (int, float)) for v in progress), progress


def test_a_bad_format_is_refused(server):
    admin = login(server.base, "admin-t01-a")
    assert admin.get(server.base + "/tasks/export?format=pdf").status_code == 422
    # A list page with another format shows the page itself.
    assert admin.get(server.base + "/cadres?format=html").status_code == 200


def test_every_figure_of_the_report_links_to_its_records(server, records):
    admin = login(server.base, "admin-t01-a")
    year = datetime.date.today().year
    for period in [str(year), f"{year}-Q1", "2012"]:
        page = admin.get(server.base + f"/reports?unit=T01-A&period={period}")
        assert page.status_code == 200
        rows = re.findall(r'<tr id="figure-([a-z0-9_-]+)">(.*?)</tr>', page.text, re.S)
        assert len(rows) > 20
        for key, row in rows:
            links = re.findall(r'<a href="([^"]+)"', row)
            assert links, f"figure {key} has no link"
            for link in links:
                target = admin.get(server.base + unescape(link))
                assert target.status_code == 200, (key, link, target.status_code)
    # The admitted figure of 2010 opens the one member admitted then in T01-A (Nguyễn Văn Tùng, 19/05/2010).
    page = admin.get(server.base + "/reports?unit=T01-A&period=2010").text
    row = re.search(r'<tr id="figure-admitted">(.*?)</tr>', page, re.S).group(1)
    link = unescape(re.search(r'<a href="([^"]+)"', row).group(1))
    listed = admin.get(server.base + link).text
    figure = int(re.search(r'<a href="[^"]+">([\d.]+)</a>', row).group(1).replace(".", ""))
    assert page_rows(listed, "members-table") == figure == 1 and "Nguyễn Văn Tùng" in listed


def test_the_dashboard_cards_link_to_their_records(server):
    clerk = login(server.base, "clerk-t01-a")
    home = clerk.get(server.base + "/").text
    cards = re.findall(r'<a class="card" id="card-([a-z0-9-]+)" href="([^"]+)">', home)
    assert len(cards) >= 10, cards
    for name, link in cards:
        assert clerk.get(server.base + unescape(link)).status_code == 200, (name, link)
    # The units of each kind: the card's count is the list's total.
    for kind in ["base", "cell"]:
        card = re.search(r'id="card-units-' + kind + r'" href="([^"]+)"><div class="figure">([\d.]+)</div>', home)
        assert card, kind
        listed = clerk.get(server.base + unescape(card.group(1))).text
        assert page_rows(listed, "units-table") == int(card.group(2).replace(".", ""))
