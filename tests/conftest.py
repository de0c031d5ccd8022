"""Fixtures for the HTTP, CLI, browser and fuzz tests: a real `tochuc serve` on SQLite or PostgreSQL.

The server runs once per pytest session on a small tree with one account per role in each of two sibling communes
(docs/http-contract.md). scripts/test runs this suite twice: TOCHUC_TEST_BACKEND=sqlite, then =postgres.
"""
import base64
import hashlib
import hmac
import os
import re
import struct
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
BIN = os.environ.get("TOCHUC_BIN", str(ROOT / ".build" / "debug" / "tochuc"))
BACKEND = os.environ.get("TOCHUC_TEST_BACKEND", "sqlite")
PG_URL = os.environ.get("TOCHUC_TEST_PG_URL", "")
SCREENSHOTS = Path(os.environ.get("TOCHUC_TEST_SCREENSHOTS", str(ROOT / "test-artifacts" / "screenshots")))
PASSWORD = "Mat-khau-kiem-thu-2026"
ADMIN_PASSWORD = "Quan-tri-he-thong-2026"
ROLES = ["viewer", "clerk", "head", "admin"]

ORG_UNITS = """code,name,kind,parent_code,sector,has_committee,founded_on,dissolved_on
TW,Trung ương,central,,other,true,,
T01,Đảng bộ tỉnh Thử Nghiệm,provincial,TW,other,true,1945-09-02,
T01-A,Đảng bộ xã An Bình,base,T01,commune,true,2000-01-01,
T01-B,Đảng bộ xã Bình Minh,base,T01,commune,true,2000-01-01,
T01-A-C1,Chi bộ thôn 1,cell,T01-A,commune,true,2000-01-01,
T01-A-C2,Chi bộ thôn 2,cell,T01-A,commune,false,2000-01-01,
T01-B-C1,Chi bộ thôn Đông,cell,T01-B,commune,true,2000-01-01,
"""


MEMBERS = """card_no,national_id,full_name,gender,birth_date,ethnicity,religion,unit_code,status,admitted_on,recognized_on,left_on,education,qualification,political_theory
50000001,001085012345,Nguyễn Văn Tùng,male,1985-04-12,Kinh,,T01-A-C1,full,2010-05-19,2011-05-19,,12/12,bachelor,intermediate
50000002,001190054321,Đặng Thị Lan,female,1990-02-03,Kinh,,T01-A-C1,full,2014-09-02,2015-09-02,,12/12,master,advanced
50000003,,Lò Văn Pọm,male,1978-11-11,Thái,,T01-A-C2,full,2005-02-03,2006-02-03,,9/12,none,elementary
50000004,,Trần Văn Bình,male,1970-07-07,Kinh,,T01-B-C1,full,1995-05-19,1996-05-19,,12/12,bachelor,advanced
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(*args, db, check=True, env=None):
    """Runs the CLI against the test database; returns the CompletedProcess."""
    result = subprocess.run([BIN, *args, "--database", db], capture_output=True, text=True, env=env, timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"tochuc {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def new_database(workdir: Path):
    """A fresh database: an SQLite file, or a new PostgreSQL database on the throwaway server."""
    if BACKEND == "postgres":
        assert PG_URL, "TOCHUC_TEST_PG_URL is not set"
        name = "tochuc_py_" + uuid.uuid4().hex[:12]
        subprocess.run(["psql", PG_URL, "-q", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
        return PG_URL.rsplit("/", 1)[0] + "/" + name, name
    return str(workdir / f"test-{uuid.uuid4().hex[:8]}.sqlite"), None


def drop_database(name):
    if name:
        subprocess.run(["psql", PG_URL, "-q", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], capture_output=True)


def seed(db, workdir: Path):
    dataset = workdir / f"seed-{uuid.uuid4().hex[:6]}"
    dataset.mkdir()
    (dataset / "org_units.csv").write_text(ORG_UNITS, encoding="utf-8")
    (dataset / "members.csv").write_text(MEMBERS, encoding="utf-8")
    run_cli("import", str(dataset), db=db)
    users = {}
    for unit in ["T01-A", "T01-B"]:
        for role in ROLES:
            name = f"{role}-{unit.lower()}"
            run_cli("user", "add", "--username", name, "--password", PASSWORD, "--role", role, "--unit", unit,
                    "--name", f"Người dùng {role} {unit}", db=db)
            users[(role, unit)] = name
    return users


class Server:
    def __init__(self, db, workdir: Path):
        self.db = db
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(workdir / f"server-{self.port}.log", "w")
        env = dict(os.environ, TOCHUC_ADMIN_PASSWORD=ADMIN_PASSWORD)
        self.process = subprocess.Popen([BIN, "serve", "--port", str(self.port), "--host", "127.0.0.1", "--database", db],
                                        stdout=self.log, stderr=subprocess.STDOUT, env=env)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"server exited: {(workdir / f'server-{self.port}.log').read_text()}")
            try:
                if requests.get(self.base + "/api/v1/health", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise AssertionError("server did not answer /api/v1/health within 60 s")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture(scope="session")
def workdir():
    path = Path(tempfile.mkdtemp(prefix="tochuc-pytest-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def seeded_server(workdir):
    """A server on a database of its own with the seed below; a generator for fixtures (stops and drops at the end)."""
    db, pg_name = new_database(workdir)
    users = seed(db, workdir)
    srv = Server(db, workdir)
    srv.users = users
    yield srv
    srv.stop()
    drop_database(pg_name)


@pytest.fixture(scope="session")
def server(workdir):
    yield from seeded_server(workdir)


@pytest.fixture()
def fresh_db(workdir):
    """A database of one's own, for tests that change or break it."""
    db, pg_name = new_database(workdir)
    yield db
    drop_database(pg_name)


def csrf_from(html):
    match = re.search(r'name="_csrf" value="([0-9a-f]+)"', html) or re.search(r'name="csrf-token" content="([0-9a-f]+)"', html)
    return match.group(1) if match else ""


# Second factor (issue 9): head and admin accounts must enroll TOTP; the helpers below enroll them on their first log-in
# (reading the secret from the enrolment page) and answer the code step, computing codes as an authenticator app would.
TOTP_SECRETS = {}    # (base, username) -> secret bytes
TOTP_LAST_STEP = {}  # (base, username) -> last step sent: the server never accepts a code twice (RFC 6238 §5.2)
_SESSIONS = {}       # (base, username, password) -> (cookies, log-in response) of TOTP accounts, reused while valid


def totp(secret, step, digits=6):
    """RFC 6238 / RFC 4226 with HMAC-SHA-1, standard library only."""
    mac = hmac.new(secret, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = (struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 10 ** digits
    return str(value).zfill(digits)


def base32_secret(text):
    text = text.replace(" ", "").upper()
    return base64.b32decode(text + "=" * (-len(text) % 8))


def next_code(base, username):
    """A code of a step the server has not accepted yet: now, else the next step (within its ±1 tolerance),
    else wait for the next step to begin."""
    key = (base, username)
    while True:
        now = time.time()
        step = int(now) // 30
        last = TOTP_LAST_STEP.get(key, -1)
        for candidate in (step, step + 1):
            if candidate > last:
                TOTP_LAST_STEP[key] = candidate
                return totp(TOTP_SECRETS[key], candidate)
        time.sleep(30 - now % 30 + 0.2)


def enroll(session, base, username):
    """Turns on the second factor from the enrolment page, as a user with an authenticator app does."""
    page = session.get(base + "/account/two-factor")
    match = re.search(r'name="secret" value="([A-Z2-7]+)"', page.text)
    assert match, f"no enrolment form for {username}: {page.status_code} {page.text[:300]}"
    TOTP_SECRETS[(base, username)] = base32_secret(match.group(1))
    TOTP_LAST_STEP.pop((base, username), None)
    response = session.post(base + "/account/two-factor", allow_redirects=False,
                            data={"_csrf": csrf_from(page.text), "secret": match.group(1), "code": next_code(base, username)})
    assert response.status_code == 303, f"enrolment of {username} failed: {response.status_code} {response.text[:300]}"
    return response


def answer_code(session, base, username, location):
    page = session.get(base + location)
    return session.post(base + "/login/code", allow_redirects=False,
                        data={"_csrf": csrf_from(page.text), "code": next_code(base, username)})


def login(base, username, password=PASSWORD, expect_ok=True):
    """Logs in through the HTML form, as a browser does; returns the session (cookies kept). Accounts with a second
    factor enroll on their first log-in and answer the code step; their sessions are reused while still valid (a
    code counts once, so fresh log-ins of one account are limited to about two a step)."""
    cached = _SESSIONS.get((base, username, password)) if expect_ok else None
    if cached:
        session = requests.Session()
        session.cookies.update(cached[0])
        me = session.get(base + "/api/v1/me")
        if me.status_code == 200 and me.json().get("username") == username:
            session.last_login = cached[1]
            return session
    session = requests.Session()
    page = session.get(base + "/login")
    response = session.post(base + "/login", data={"_csrf": csrf_from(page.text), "username": username, "password": password},
                            allow_redirects=False)
    location = response.headers.get("Location", "") if response.status_code == 303 else ""
    second_factor = False
    if location.startswith("/login/code") and (base, username) in TOTP_SECRETS:
        response = answer_code(session, base, username, location)
        second_factor = True
    elif location == "/account/two-factor":
        enroll(session, base, username)
        second_factor = True
    if expect_ok:
        assert response.status_code == 303, f"log-in of {username} failed: {response.status_code} {response.text[:300]}"
        if second_factor:
            _SESSIONS[(base, username, password)] = (session.cookies.get_dict(), response)
    session.last_login = response
    return session


def browser_login(browser, base, username, password=PASSWORD):
    """Logs in through the form in the browser (a fresh session), with the code step or enrolment when the account
    has or needs a second factor."""
    from urllib.parse import urlparse

    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def wait_path(condition):
        WebDriverWait(browser, 10, ignored_exceptions=[StaleElementReferenceException]).until(
            lambda d: condition(urlparse(d.current_url).path))

    browser.get(base + "/login")
    browser.delete_all_cookies()
    browser.get(base + "/login")
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "#login-form button[type=submit]").click()
    wait_path(lambda path: path != "/login")
    path = urlparse(browser.current_url).path
    if path == "/login/code":
        browser.find_element(By.ID, "code").send_keys(next_code(base, username))
        browser.find_element(By.CSS_SELECTOR, "#code-form button[type=submit]").click()
        wait_path(lambda path: path != "/login/code")
    elif path == "/account/two-factor":
        secret = browser.find_element(By.CSS_SELECTOR, "#two-factor-form input[name=secret]").get_attribute("value")
        TOTP_SECRETS[(base, username)] = base32_secret(secret)
        TOTP_LAST_STEP.pop((base, username), None)
        browser.find_element(By.ID, "code").send_keys(next_code(base, username))
        browser.find_element(By.CSS_SELECTOR, "#two-factor-form button[type=submit]").click()
        wait_path(lambda path: path == "/account")


def page_csrf(session, base, path="/"):
    return csrf_from(session.get(base + path).text)


def screenshot_dir():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
