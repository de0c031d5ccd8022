"""`tochuc serve` on a database of its own: the first administrator on an empty database, the line it prints, and a
login lock-out that holds one user name only (each test starts its own server, so the shared one is left alone)."""
import re
import time

import pytest
import requests

from conftest import ADMIN_PASSWORD, Server, csrf_from, login, seed


@pytest.fixture()
def own_server(fresh_db, workdir):
    servers = []

    def start(seeded):
        if seeded:
            seed(fresh_db, workdir)
        srv = Server(fresh_db, workdir)
        servers.append(srv)
        return srv

    yield start
    for srv in servers:
        srv.stop()


def server_output(srv, workdir, wanted, timeout=10):
    path = workdir / f"server-{srv.port}.log"
    deadline = time.time() + timeout
    while True:
        srv.log.flush()
        text = path.read_text(encoding="utf-8", errors="replace")
        if re.search(wanted, text) or time.time() > deadline:
            return text
        time.sleep(0.2)


def test_an_empty_database_gets_an_admin_with_the_password_from_the_environment(own_server, workdir):
    srv = own_server(seeded=False)
    output = server_output(srv, workdir, r"ToChuc đang chạy")
    assert re.search(rf"ToChuc đang chạy.*http://127\.0\.0\.1:{srv.port}/", output), output
    assert ADMIN_PASSWORD not in output, "the administrator's password was printed"
    session = login(srv.base, "admin", password=ADMIN_PASSWORD)
    me = session.get(srv.base + "/api/v1/me").json()
    assert (me["username"], me["role"], me["unit_code"]) == ("admin", "admin", "TW")
    root = session.get(srv.base + "/api/v1/units/TW").json()
    assert root["name"] == "Trung ương" and root["parent_code"] in (None, "")


def test_a_locked_user_name_does_not_lock_out_the_others(own_server):
    srv = own_server(seeded=True)
    refused = 0
    for attempt in range(30):
        response = login(srv.base, "viewer-t01-a", password="sai-mat-khau-1234", expect_ok=False).last_login
        if response.status_code == 429:
            break
        assert response.status_code == 200, f"wrong password, attempt {attempt + 1}: {response.status_code}"
        assert "tc_session" not in response.cookies
        refused += 1
    else:
        pytest.fail("30 wrong passwords in a row and still no 429")
    assert refused >= 3, f"locked after only {refused} wrong passwords"
    # The right password is refused too while the lock holds...
    right = login(srv.base, "viewer-t01-a", expect_ok=False).last_login
    assert right.status_code == 429 and "tc_session" not in right.cookies
    # ...but only for that user name: the same machine logs in as someone else.
    other = login(srv.base, "viewer-t01-b")
    assert other.get(srv.base + "/api/v1/me").json()["username"] == "viewer-t01-b"


def test_logout_ends_the_session(own_server):
    srv = own_server(seeded=True)
    session = login(srv.base, "clerk-t01-a")
    cookie = session.cookies.get("tc_session")
    assert cookie
    page = session.get(srv.base + "/")
    response = session.post(srv.base + "/logout", data={"_csrf": csrf_from(page.text)}, allow_redirects=False)
    assert response.status_code == 303 and response.headers["Location"].endswith("/login")
    assert session.get(srv.base + "/api/v1/me").status_code == 401
    # The old cookie, replayed, is dead on the server too (not only dropped by the client).
    replay = requests.get(srv.base + "/api/v1/me", cookies={"tc_session": cookie})
    assert replay.status_code == 401


def test_the_first_page_offers_the_province_demo_and_loads_it_with_progress(own_server, workdir):
    """Issue 4: on an empty database the first page offers the province demo; a self-refreshing page shows progress."""
    srv = own_server(seeded=False)
    session = login(srv.base, "admin", password=ADMIN_PASSWORD)
    home = session.get(srv.base + "/").text
    assert 'id="demo-offer"' in home
    started = session.post(srv.base + "/admin/demo", data={"_csrf": csrf_from(home)}, allow_redirects=False)
    assert started.status_code == 303 and started.headers["Location"] == "/admin/demo/progress"
    deadline = time.time() + 240
    while time.time() < deadline:
        page = session.get(srv.base + "/admin/demo/progress").text
        if 'http-equiv="refresh"' not in page:
            break
        time.sleep(1)
    assert 'http-equiv="refresh"' not in page, "the demo did not finish in time"
    assert "class=\"errors\"" not in page, page[page.find("<main"):]
    stats = session.get(srv.base + "/api/v1/units/TW/stats").json()
    assert stats["units_by_kind"]["provincial"] == 1 and stats["cells"] > 1000
    assert stats["members_by_status"]["full"] > 10000
    # Its records too (issue 8): last year's classification, the congresses of the term in course, cadres in post.
    year = time.localtime().tm_year - 1
    results = session.get(srv.base + "/api/v1/units/T01/evaluation-results", params={"period": str(year), "subject": "member"}).json()
    assert results["totals"]["good"] > 10000 and 0 < results["totals"]["excellent"] <= results["totals"]["good"] // 5
    progress = session.get(srv.base + "/api/v1/congresses/progress", params={"unit": "T01", "term": "2025-2030"}).json()
    assert progress["levels"] and "2025" in progress["term"]
    assert session.get(srv.base + "/api/v1/cadres/retiring", params={"unit": "T01"}).status_code == 200
    assert 'id="demo-offer"' not in session.get(srv.base + "/").text
    found = session.get(srv.base + "/api/v1/members?q=nguyen&per_page=5").json()
    # A name this common is not counted: the page is full and says there is more.
    assert len(found["items"]) == 5 and found["total_is_lower_bound"] is True
    assert all("Nguyễn" in m["full_name"] for m in found["items"])
