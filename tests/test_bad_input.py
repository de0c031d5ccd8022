"""Bad input (docs/reliability.md): malformed files uploaded from the browser and given to `tochuc import` — another
encoding, a file cut short, a broken workbook, a cell of a megabyte, an impossible date — are refused with a Vietnamese
message that says what is wrong, and nothing is stored. Oversized uploads get 413; a file name is never a path; text that
looks like a formula is escaped in the UI's spreadsheet downloads (OWASP CSV injection) but kept verbatim by
`tochuc export`; text with markup shows escaped.
"""
import csv
import html
import io
import re
import time
import uuid
import zipfile

import openpyxl
import pytest

from conftest import PASSWORD, Server, csrf_from, drop_database, login, new_database, run_cli, seed
from reliability import query, record_figures

HEADER = ("card_no,national_id,full_name,gender,birth_date,ethnicity,religion,unit_code,status,admitted_on,recognized_on,"
          "left_on,education,qualification,political_theory\n")
ROW = "{card},,{name},male,1990-01-01,Kinh,{religion},T01-A-C1,full,{admitted},2016-01-01,,12/12,bachelor,none\n"
TRIED = []


def row(card, name="Lê Văn Bé", religion="", admitted="2015-01-01"):
    return ROW.format(card=card, name=name, religion=religion, admitted=admitted)


csv.field_size_limit(16 * 1024 * 1024)


def workbook(text):
    """An .xlsx with one sheet `members` holding a CSV's rows (openpyxl: the workbook a user's Excel would save)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "members"
    for record in csv.reader(io.StringIO(text)):
        sheet.append(record)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


GOOD = HEADER + row("57000001") + row("57000002", name="Đinh Thị Hà")

# name → (file name, bytes, what the Vietnamese message must say)
BAD = {
    "windows-1258": ("members.csv", (HEADER + row("57100001", name="Lê Văn Đông")).encode("cp1258"), "UTF-8"),
    "latin-1": ("members.csv", (HEADER + row("57100002", name="José Bé")).encode("latin-1"), "UTF-8"),
    "cut in a quoted cell": ("members.csv", (HEADER + row("57100003") + '57100004,,"Lê Văn').encode(), "dấu ngoặc kép"),
    "cut in a row": ("members.csv", (HEADER + row("57100005") + "57100006,,Lê Văn Cụt,male,1990-").encode(), "Dòng có"),
    "cut workbook": ("members.xlsx", workbook(GOOD)[:1500], "không phải bảng tính .xlsx"),
    "not a zip at all": ("members.xlsx", b"PK\x03\x04" + b"\x00" * 64, "không phải bảng tính .xlsx"),
    "a megabyte in one cell": ("members.csv", (HEADER + row("57100007", religion="Phật giáo " * 110_000)).encode(), "dài quá"),
    "a megabyte in a workbook cell": ("members.xlsx", workbook(HEADER + row("57100008", religion="x" * 1_000_000)), "dài quá"),
    "30 February": ("members.csv", (HEADER + row("57100009", admitted="2023-02-30")).encode(), "2023-02-30"),
    "31 April in a workbook": ("members.xlsx", workbook(HEADER + row("57100010", admitted="31/04/2015")), "31/04/2015"),
    # openpyxl saves a text beginning with "=" as a formula, without a computed value: the import reads the value (none),
    # never the formula, so the required name is missing.
    "a formula for a name": ("members.xlsx", workbook(HEADER + row("57100011", name='=UPPER("lê văn")')),
                             "full_name: Bắt buộc nhập."),
}


@pytest.fixture(scope="module", autouse=True)
def tally():
    """After the module: how many bad inputs were tried (and refused or escaped), for docs/reliability.md."""
    yield
    kinds = sorted({kind for kind, _ in TRIED})
    record_figures("bad_input", {"tried": len(TRIED), **{kind: sum(1 for k, _ in TRIED if k == kind) for kind in kinds}})


@pytest.fixture(scope="module")
def site(workdir):
    db, pg_name = new_database(workdir)
    seed(db, workdir)
    srv = Server(db, workdir)
    yield srv
    srv.stop()
    drop_database(pg_name)


def counts(db):
    return (query(db, "SELECT COUNT(*) FROM members")[0][0],
            query(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'import'")[0][0])


def upload(session, base, name, content):
    token = csrf_from(session.get(base + "/import").text)
    return session.post(base + "/import", data={"_csrf": token}, files={"file": (name, content, "application/octet-stream")},
                        allow_redirects=False)


def finished(session, base, location):
    deadline = time.time() + 60
    while time.time() < deadline:
        page = session.get(base + location).text
        if 'http-equiv="refresh"' not in page:
            return page
        time.sleep(0.2)
    raise AssertionError("the import did not end")


@pytest.mark.parametrize("case", list(BAD))
def test_a_malformed_upload_is_refused_with_a_vietnamese_message_and_stores_nothing(site, case):
    name, content, says = BAD[case]
    clerk = login(site.base, "clerk-t01-a")
    before = counts(site.db)
    response = upload(clerk, site.base, name, content)
    if response.status_code == 303:
        page = html.unescape(finished(clerk, site.base, response.headers["Location"]))
        assert "Có lỗi; chưa lưu gì." in page, page[-2000:]
    else:
        assert response.status_code == 422, (response.status_code, response.text[:500])
        page = html.unescape(response.text)
    assert says in page, f"{case}: the page does not say {says!r}"
    assert len(page) < 200_000, "the page repeats the bad cell back"
    assert counts(site.db) == before, f"{case}: something was stored"
    TRIED.append(("upload", case))


@pytest.mark.parametrize("case", list(BAD))
def test_a_malformed_file_given_to_the_cli_is_refused_naming_the_problem_and_stores_nothing(site, case, workdir):
    name, content, says = BAD[case]
    if name.endswith(".xlsx"):
        path = workdir / f"bad-{uuid.uuid4().hex[:6]}.xlsx"
        path.write_bytes(content)
    else:
        path = workdir / f"bad-{uuid.uuid4().hex[:6]}"
        path.mkdir()
        (path / name).write_bytes(content)
    before = counts(site.db)
    result = run_cli("import", str(path), "--lang", "vi", db=site.db, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert says in result.stderr and "chưa lưu gì" in result.stderr.lower(), result.stderr[-2000:]
    assert len(result.stderr) < 100_000
    assert counts(site.db) == before
    TRIED.append(("cli", case))


def test_a_good_file_still_loads_after_the_bad_ones(site):
    """The refusals above are about the files, not a server left unable to import."""
    clerk = login(site.base, "clerk-t01-a")
    response = upload(clerk, site.base, "members.csv", GOOD.encode())
    page = finished(clerk, site.base, response.headers["Location"])
    assert 'data-count="created">2<' in page


@pytest.mark.parametrize("name", ["../../etc/passwd.csv", "../../members.csv", "..%2F..%2Fmembers.csv", "C:\\Windows\\members.csv",
                                  "members.csv\x00.xlsx", "/etc/members.csv"])
def test_an_uploaded_file_name_is_never_used_as_a_path(site, workdir, name):
    clerk = login(site.base, "clerk-t01-a")
    before = counts(site.db)
    response = upload(clerk, site.base, name, (HEADER + row("57200001")).encode())
    assert response.status_code == 422, (response.status_code, response.text[:300])
    assert "không được chấp nhận" in response.text
    assert counts(site.db) == before
    assert not (workdir.parent / "members.csv").exists() and not (workdir / "members.csv").exists()
    TRIED.append(("file name", name))


def test_an_upload_over_the_limit_is_refused_with_its_size_named(site):
    clerk = login(site.base, "clerk-t01-a")
    before = counts(site.db)
    response = upload(clerk, site.base, "members.csv", HEADER.encode() + b"x" * (20 * 1024 * 1024))
    assert response.status_code == 413
    assert "quá lớn" in response.text and "20 MB" in response.text
    assert counts(site.db) == before
    TRIED.append(("upload", "over 20 MB"))


FORMULAS = ["=HYPERLINK(\"http://example.invalid\",\"bấm\")", "+1+2", "-3+4", "@SUM(A1:A2)"]


def test_formulas_are_escaped_in_ui_downloads_and_verbatim_in_the_interchange_export(site, workdir):
    clerk = login(site.base, "clerk-t01-a")
    csrf = csrf_from(clerk.get(site.base + "/").text)
    codes = []
    for n, formula in enumerate(FORMULAS):
        code = f"T01-A-F{n}"
        made = clerk.post(site.base + "/api/v1/units", headers={"X-CSRF-Token": csrf},
                          json={"code": code, "name": formula, "kind": "cell", "parent_code": "T01-A", "sector": "commune",
                                "has_committee": False, "founded_on": "2020-01-01"})
        assert made.status_code == 201, made.text
        codes.append(code)
    # The list as CSV (the page's own link): each such cell starts with an apostrophe, so a spreadsheet shows it as text.
    page = clerk.get(site.base + "/units", params={"q": "T01-A-F"}).text
    links = {label: html.unescape(href) for href, label in re.findall(r'<a class="button secondary" href="([^"]+)">([^<]+)</a>', page)}
    listed = clerk.get(site.base + links["Tải về CSV"])
    assert listed.headers["Content-Type"].startswith("text/csv"), listed.text[:300]
    rows = list(csv.reader(io.StringIO(listed.content.decode("utf-8-sig"))))
    cells = [cell for r in rows for cell in r]
    for formula in FORMULAS:
        assert "'" + formula in cells, (formula, rows)
        assert formula not in cells
    # The same in the workbook.
    book = openpyxl.load_workbook(io.BytesIO(clerk.get(site.base + links["Tải về Excel (.xlsx)"]).content))
    values = [c.value for sheet in book.worksheets for r in sheet.iter_rows() for c in r if c.value]
    for formula in FORMULAS:
        assert "'" + formula in values and formula not in values
    # The interchange export is data, not a report: verbatim, so that it loads back as it was.
    target = workdir / f"export-{uuid.uuid4().hex[:6]}"
    run_cli("export", "--format", "csv", str(target), db=site.db)
    exported = {r["code"]: r["name"] for r in csv.DictReader(io.StringIO((target / "org_units.csv").read_text(encoding="utf-8")))}
    assert [exported[c] for c in codes] == FORMULAS
    TRIED.extend(("formula", f) for f in FORMULAS)


def test_markup_in_text_fields_shows_escaped(site):
    clerk = login(site.base, "clerk-t01-a")
    csrf = csrf_from(clerk.get(site.base + "/").text)
    markup = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    made = clerk.post(site.base + "/api/v1/units", headers={"X-CSRF-Token": csrf},
                      json={"code": "T01-A-H1", "name": markup, "kind": "cell", "parent_code": "T01-A", "sector": "commune",
                            "has_committee": False, "founded_on": "2020-01-01"})
    assert made.status_code == 201, made.text
    for path in ["/units/T01-A-H1", "/units?q=T01-A-H1", "/tree?root=T01-A", "/units/T01-A"]:
        page = clerk.get(site.base + path).text
        assert "<script>alert" not in page and "<img src=x" not in page, path
        assert "&lt;script&gt;" in page, path
    TRIED.append(("markup", markup))
