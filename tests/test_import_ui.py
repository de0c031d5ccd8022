"""Importing from the browser (docs/interchange.md): the upload form (multipart with the CSRF token as a field), the
progress page that refreshes itself until the import ends, the summary or every wrong row with "nothing was stored",
file names that are refused, and the terminal progress bar of `tochuc import` (only on a terminal).

These tests add members, so they run on a server and database of their own: the shared one keeps its seeded counts.
"""
import html
import json
import os
import pty
import re
import subprocess
import time
import uuid

import pytest
import requests

from conftest import BIN, PASSWORD, ORG_UNITS, Server, csrf_from, drop_database, login, new_database, run_cli, seed

HEADER = ("card_no,national_id,full_name,gender,birth_date,ethnicity,religion,unit_code,status,admitted_on,recognized_on,"
          "left_on,education,qualification,political_theory\n")


@pytest.fixture(scope="module")
def uploads(workdir):
    """A server on a fresh database, with its own temporary folder (to check that uploads are deleted)."""
    db, pg_name = new_database(workdir)
    seed(db, workdir)
    run_cli("user", "add", "--username", "admin-tw", "--password", PASSWORD, "--role", "admin", "--unit", "TW",
            "--name", "Quản trị Trung ương", db=db)
    tmp = workdir / f"server-tmp-{uuid.uuid4().hex[:6]}"
    tmp.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TMPDIR", str(tmp))
        srv = Server(db, workdir)
    srv.tmp = tmp
    yield srv
    srv.stop()
    drop_database(pg_name)


def upload(session, base, filename, content, token=None, content_type="text/csv"):
    """Sends the form as a browser does: multipart/form-data with `_csrf` and one file named `file`."""
    if token is None:
        token = csrf_from(session.get(base + "/import").text)
    return session.post(base + "/import", data={"_csrf": token}, files={"file": (filename, content, content_type)},
                        allow_redirects=False)


def follow(session, base, location, seconds=60):
    """Reloads the progress page, as its refresh does, until the import has ended; returns the last page."""
    assert re.fullmatch(r"/import/jobs/[0-9a-f]{32}", location), location
    deadline = time.time() + seconds
    while time.time() < deadline:
        page = session.get(base + location)
        assert page.status_code == 200, page.text[:500]
        assert "<progress" in page.text
        if 'http-equiv="refresh"' not in page.text:
            return page.text
        time.sleep(0.2)
    raise AssertionError(f"the import did not end within {seconds} s")


def members_named(session, base, query):
    response = session.get(base + "/api/v1/members", params={"q": query, "per_page": 200})
    assert response.status_code == 200, response.text
    return sorted(m["full_name"] for m in response.json()["items"])


def test_the_menu_offers_import_to_those_who_write_and_the_form_carries_the_token(uploads):
    clerk = login(uploads.base, "clerk-t01-a")
    page = clerk.get(uploads.base + "/import")
    assert page.status_code == 200
    assert 'href="/import"' in clerk.get(uploads.base + "/").text
    assert 'enctype="multipart/form-data"' in page.text and 'type="file"' in page.text
    assert csrf_from(page.text), "the upload form has no _csrf field"
    assert "Nhập dữ liệu" in page.text
    viewer = login(uploads.base, "viewer-t01-a")
    assert 'href="/import"' not in viewer.get(uploads.base + "/").text
    assert viewer.get(uploads.base + "/import").status_code == 403
    refused = upload(viewer, uploads.base, "members.csv", HEADER.encode(), token=csrf_from(viewer.get(uploads.base + "/").text))
    assert refused.status_code == 403


def test_a_good_members_csv_is_imported_with_progress_and_a_second_upload_changes_nothing(uploads):
    base = uploads.base
    clerk = login(base, "clerk-t01-a")
    csv = HEADER + (
        "51000001,,Phạm Thị Hồng,female,1992-03-08,Kinh,,T01-A-C1,full,2016-05-19,2017-05-19,,12/12,bachelor,elementary\n"
        "51000002,,Vũ Văn Khải,male,1988-10-20,Tày,,T01-A-C2,probationary,2026-01-15,,,12/12,college,none\n"
        "51000003,,\"Hà Thị Nguyệt, con\",female,1979-06-30,Mường,,T01-A-C1,full,2001-02-03,2002-02-03,,12/12,master,advanced\n")
    response = upload(clerk, base, "members.csv", csv.encode("utf-8"))
    assert response.status_code == 303, response.text[:500]
    page = follow(clerk, base, response.headers["Location"])
    assert 'data-count="created">3<' in page, page
    assert "Có lỗi" not in page
    assert members_named(clerk, base, "51000") == ["Hà Thị Nguyệt, con", "Phạm Thị Hồng", "Vũ Văn Khải"]
    # The service wrote one audit entry for the import, under the clerk's name.
    again = upload(clerk, base, "MEMBERS.CSV", csv.encode("utf-8"))
    assert again.status_code == 303
    page = follow(clerk, base, again.headers["Location"])
    assert 'data-count="created">0<' in page and 'data-count="unchanged">3<' in page, page
    # The upload folders are gone once the imports have ended.
    assert list(uploads.tmp.glob("tochuc-import-*")) == []


def test_the_progress_page_is_only_for_the_user_who_started_the_import(uploads):
    base = uploads.base
    clerk = login(base, "clerk-t01-a")
    response = upload(clerk, base, "members.csv", HEADER.encode())
    assert response.status_code == 303
    location = response.headers["Location"]
    follow(clerk, base, location)
    other = login(base, "admin-t01-a")
    assert other.get(base + location).status_code == 404
    assert clerk.get(base + "/import/jobs/" + "0" * 32).status_code == 404
    anonymous = requests.get(base + location, allow_redirects=False)
    assert anonymous.status_code == 303 and anonymous.headers["Location"].startswith("/login")
    # The form links to the user's latest import.
    assert location in clerk.get(base + "/import").text


def test_a_bad_file_lists_every_bad_row_escaped_and_stores_nothing(uploads):
    base = uploads.base
    clerk = login(base, "clerk-t01-a")
    csv = HEADER + (
        "52000001,,Đỗ Văn Tốt,male,1990-01-01,Kinh,,T01-A-C1,full,2015-01-01,2016-01-01,,12/12,bachelor,none\n"
        "52000002,,Đỗ Văn Sai Giới,<b>robot</b>,1990-01-01,Kinh,,T01-A-C1,full,2015-01-01,2016-01-01,,12/12,bachelor,none\n"
        "52000003,,Đỗ Văn Ngoài Phạm Vi,male,1990-01-01,Kinh,,T01-B-C1,full,2015-01-01,2016-01-01,,12/12,bachelor,none\n"
        "52000004,,Đỗ Văn Sai Ngày,male,1990-01-01,Kinh,,T01-A-C1,full,2015-13-45,2016-01-01,,12/12,bachelor,none\n"
        "52000005,,Đỗ Văn Dân Tộc,male,1990-01-01,Klingon,,T01-A-C1,full,2015-01-01,2016-01-01,,12/12,bachelor,none\n"
        "52000006,,Đỗ Văn Thiếu Ô,male\n")
    response = upload(clerk, base, "members.csv", csv.encode("utf-8"))
    assert response.status_code == 303, response.text[:500]
    page = follow(clerk, base, response.headers["Location"])
    assert "Có lỗi; chưa lưu gì." in page
    problems = re.findall(r"<li>(members\.csv:\d+: [^<]*)</li>", page)
    for line, column in [(3, "gender"), (4, "unit_code"), (5, "admitted_on"), (6, "ethnicity")]:
        assert any(p.startswith(f"members.csv:{line}: {column}:") for p in problems), (line, column, problems)
    assert any(p.startswith("members.csv:7:") for p in problems), problems
    assert not any(p.startswith("members.csv:2:") for p in problems), problems
    # Values from the file are escaped, never markup.
    assert "<b>robot</b>" not in page and "&lt;b&gt;robot&lt;/b&gt;" in page
    assert members_named(clerk, base, "52000") == [], "rows were stored although the import was refused"


@pytest.mark.parametrize("name", ["../evil.csv", "..\\members.csv", "/tmp/members.csv", "evil.csv", ".members.csv", "ghi-chu.txt"])
def test_file_names_other_than_the_known_ones_are_refused_and_nothing_starts(uploads, name):
    base = uploads.base
    clerk = login(base, "clerk-t01-a")
    csv = HEADER + "53000001,,Lê Văn Lạ,male,1990-01-01,Kinh,,T01-A-C1,full,2015-01-01,2016-01-01,,12/12,bachelor,none\n"
    response = upload(clerk, base, name, csv.encode())
    assert response.status_code == 422, (response.status_code, response.text[:300])
    assert "không được chấp nhận" in response.text
    assert html.escape(name, quote=False) in response.text
    assert members_named(clerk, base, "53000001") == []
    assert not (uploads.tmp.parent / "evil.csv").exists()
    assert list(uploads.tmp.glob("tochuc-import-*")) == []


def test_an_upload_without_a_file_or_an_empty_file_is_refused_with_a_message(uploads):
    base = uploads.base
    clerk = login(base, "clerk-t01-a")
    token = csrf_from(clerk.get(base + "/import").text)
    empty = upload(clerk, base, "members.csv", b"", token=token)
    assert empty.status_code == 422 and "trống" in empty.text
    # A browser sends an empty file input as a part with an empty file name.
    none = upload(clerk, base, "", b"", token=token, content_type="application/octet-stream")
    assert none.status_code == 422 and "Hãy chọn một tệp" in none.text


def test_an_upload_needs_the_csrf_token_in_the_multipart_body(uploads):
    base = uploads.base
    clerk = login(base, "clerk-t01-a")
    csv = HEADER + "54000001,,Lê Văn Giả,male,1990-01-01,Kinh,,T01-A-C1,full,2015-01-01,2016-01-01,,12/12,bachelor,none\n"
    missing = clerk.post(base + "/import", files={"file": ("members.csv", csv.encode(), "text/csv")}, allow_redirects=False)
    assert missing.status_code == 403
    wrong = upload(clerk, base, "members.csv", csv.encode(), token="0" * 64)
    assert wrong.status_code == 403
    assert members_named(clerk, base, "54000001") == []


def test_a_malformed_multipart_body_is_refused_with_a_vietnamese_message(uploads):
    base = uploads.base
    clerk = login(base, "clerk-t01-a")
    token = csrf_from(clerk.get(base + "/import").text)
    cut = (f"--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{token}\r\n"
           "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"members.csv\"\r\n\r\ncard_no,full")
    response = clerk.post(base + "/import", data=cut.encode(), headers={"Content-Type": "multipart/form-data; boundary=XyZ"},
                          allow_redirects=False)
    assert response.status_code == 422
    assert "multipart/form-data" in response.text and "ranh giới kết thúc" in response.text
    no_boundary = clerk.post(base + "/import", data=b"x", headers={"Content-Type": "multipart/form-data"}, allow_redirects=False)
    assert no_boundary.status_code == 422 and "boundary" in no_boundary.text


def test_an_upload_over_the_size_limit_is_refused_with_413(uploads):
    base = uploads.base
    clerk = login(base, "clerk-t01-a")
    response = upload(clerk, base, "members.csv", b"x" * (21 * 1024 * 1024))
    assert response.status_code == 413
    assert "quá lớn" in response.text
    assert list(uploads.tmp.glob("tochuc-import-*")) == []


def test_an_xlsx_workbook_is_imported_from_the_browser(uploads, workdir):
    base = uploads.base
    # The whole database as a workbook (the CLI reads beside the running server); the root administrator loads it back.
    book = workdir / f"export-{uuid.uuid4().hex[:6]}.xlsx"
    run_cli("export", "--format", "xlsx", str(book), db=uploads.db)
    admin = login(base, "admin-tw")
    response = upload(admin, base, "Dữ liệu tỉnh.xlsx", book.read_bytes(),
                      content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert response.status_code == 303, response.text[:500]
    page = follow(admin, base, response.headers["Location"])
    assert 'data-count="created">0<' in page and 'data-count="updated">0<' in page, page
    assert "Dữ liệu tỉnh.xlsx" in page


def test_the_terminal_bar_is_drawn_only_on_a_terminal_and_json_output_is_unchanged(workdir, fresh_db):
    dataset = workdir / f"cli-{uuid.uuid4().hex[:6]}"
    dataset.mkdir()
    (dataset / "org_units.csv").write_text(ORG_UNITS, encoding="utf-8")
    # Not a terminal: nothing drawn on stderr, stdout is the JSON summary alone.
    plain = run_cli("import", str(dataset), "--format", "json", db=fresh_db)
    # (On PostgreSQL the driver may log a line of its own on stderr; no bar in any case.)
    assert "\r" not in plain.stderr and "%" not in plain.stderr, plain.stderr
    assert json.loads(plain.stdout) == {"created": 7, "updated": 0, "unchanged": 0, "files": ["org_units.csv"]}
    # On a terminal: a bar redrawn with \r, ending at 100 % on a line of its own; stdout is still just the JSON.
    leader, follower = pty.openpty()
    process = subprocess.Popen([BIN, "import", str(dataset), "--format", "json", "--database", fresh_db],
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    os.close(leader)
    stdout, _ = process.communicate(timeout=120)
    assert process.returncode == 0
    assert json.loads(stdout) == {"created": 0, "updated": 0, "unchanged": 7, "files": ["org_units.csv"]}
    text = drawn.decode("utf-8")
    assert "\r[" in text and "100%" in text, text
    assert text.endswith("\n") or text.endswith("\r\n"), repr(text)


def test_in_chromium_a_file_is_chosen_uploaded_and_the_page_refreshes_itself_to_the_summary(uploads, workdir):
    """The journey in a real browser: Chromium writes the multipart body and follows the refresh without JavaScript."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from conftest import BACKEND, screenshot_dir

    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=vi"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.implicitly_wait(5)
        folder = workdir / f"browser-upload-{uuid.uuid4().hex[:6]}"
        folder.mkdir()
        csv = folder / "members.csv"
        csv.write_text(HEADER + "55000001,,Trịnh Thị Duyên,female,1991-09-09,Kinh,,T01-A-C2,full,2017-03-26,2018-03-26,,12/12,bachelor,none\n",
                       encoding="utf-8")
        driver.get(uploads.base + "/login")
        driver.find_element(By.ID, "username").send_keys("clerk-t01-a")
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        driver.find_element(By.CSS_SELECTOR, "#login-form button[type=submit]").click()
        WebDriverWait(driver, 10).until(lambda d: not d.current_url.startswith(uploads.base + "/login"))
        driver.find_element(By.CSS_SELECTOR, "nav.menu a[href='/import']").click()
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "import-form"))
        driver.find_element(By.ID, "import-file").send_keys(str(csv))
        driver.save_screenshot(str(screenshot_dir() / f"{BACKEND}-import-01-form.png"))
        driver.find_element(By.ID, "import-submit").click()
        # No script: the page's own <meta http-equiv="refresh"> brings it to the end.
        WebDriverWait(driver, 60).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#import-stage[data-stage=done], #import-stage[data-stage=failed]"))
        driver.save_screenshot(str(screenshot_dir() / f"{BACKEND}-import-02-done.png"))
        assert "/import/jobs/" in driver.current_url
        assert driver.find_element(By.CSS_SELECTOR, "#import-counts [data-count=created]").text == "1"
        assert driver.find_element(By.ID, "import-progress").get_attribute("value") == "100"
    finally:
        driver.quit()
