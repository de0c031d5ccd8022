"""Accounts and access (issue 9): the TOTP second factor of head and admin, logging out everywhere, and the sessions
of a disabled account (FACTS.md "Security anchors")."""
import html
import os
import re
import sqlite3
import stat
import subprocess
import time
import uuid

import requests

from conftest import (BACKEND, PASSWORD, TOTP_LAST_STEP, TOTP_SECRETS, base32_secret, csrf_from, enroll, login, next_code,
                      page_csrf, run_cli, totp)


def new_user(server, role, unit="T01-A"):
    name = f"{role}-{uuid.uuid4().hex[:6]}"
    run_cli("user", "add", "--username", name, "--password", PASSWORD, "--role", role, "--unit", unit, db=server.db)
    return name


def password_step(base, username):
    session = requests.Session()
    page = session.get(base + "/login")
    response = session.post(base + "/login", data={"_csrf": csrf_from(page.text), "username": username, "password": PASSWORD},
                            allow_redirects=False)
    assert response.status_code == 303
    return session, response.headers["Location"]


def me(session, base):
    return session.get(base + "/api/v1/me").status_code


def qr_modules_of_page(page_html):
    """The dark modules of the page's QR code (its SVG path of unit squares, quiet zone of four) and its size."""
    svg = re.search(r'<figure class="qr" id="totp-qr">(<svg.*?</svg>)</figure>', page_html, re.S).group(1)
    side = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    dark = {(int(x) - 4, int(y) - 4) for x, y in re.findall(r"M(\d+),(\d+)h1v1h-1z", svg)}
    return side - 8, frozenset(dark)


def reference_qr_codes(text):
    """The text's QR codes by a reference encoder (python-qrcode, byte mode, level M) under each of the eight masks."""
    import qrcode
    import qrcode.util
    codes = []
    for mask in range(8):
        qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, mask_pattern=mask)
        qr.add_data(qrcode.util.QRData(text.encode(), mode=qrcode.util.MODE_8BIT_BYTE), optimize=0)
        qr.make(fit=True)
        matrix = qr.get_matrix()
        codes.append((len(matrix), frozenset((x, y) for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark)))
    return codes


def test_a_head_must_enroll_before_anything_else_then_logs_in_with_a_code(server):
    base = server.base
    head = new_user(server, "head")
    session, location = password_step(base, head)
    assert location == "/account/two-factor"
    # Nothing else until enrolled: pages lead back to enrolment, writes are refused, the API does not know the session.
    assert session.get(base + "/units", allow_redirects=False).headers["Location"] == "/account/two-factor"
    assert session.post(base + "/account/language", data={"_csrf": page_csrf(session, base, "/account/two-factor"),
                                                          "language": "en"}, allow_redirects=False).status_code == 403
    assert me(session, base) == 401

    page = session.get(base + "/account/two-factor")
    assert page.status_code == 200
    secret_text = re.search(r'name="secret" value="([A-Z2-7]+)"', page.text).group(1)
    assert re.search(r'href="otpauth://totp/ToChuc:' + re.escape(head) + r'\?secret=' + secret_text, page.text)
    uri = re.search(r'id="totp-uri" href="([^"]+)"', page.text).group(1)
    assert qr_modules_of_page(page.text) in reference_qr_codes(html.unescape(uri))
    secret = base32_secret(secret_text)
    wrong = session.post(base + "/account/two-factor", data={"_csrf": csrf_from(page.text), "secret": secret_text, "code": "000000"},
                         allow_redirects=False)
    assert wrong.status_code == 422
    TOTP_SECRETS[(base, head)] = secret
    step = int(time.time()) // 30
    TOTP_LAST_STEP[(base, head)] = step
    right = session.post(base + "/account/two-factor", allow_redirects=False,
                         data={"_csrf": csrf_from(page.text), "secret": secret_text, "code": totp(secret, step)})
    assert right.status_code == 303 and right.headers["Location"] == "/account?done=totp"
    assert me(session, base) == 200
    assert 'data-state="on"' in session.get(base + "/account").text

    # The next log-in asks for the code; a wrong one is refused, and the code already used does not count again.
    second, location = password_step(base, head)
    assert location == "/login/code"
    assert me(second, base) == 401
    form = second.get(base + "/login/code")
    assert 'id="code-form"' in form.text
    refused = second.post(base + "/login/code", data={"_csrf": csrf_from(form.text), "code": totp(secret, step)},
                          allow_redirects=False)
    assert refused.status_code == 200 and "đã được dùng" in refused.text
    accepted = second.post(base + "/login/code", data={"_csrf": csrf_from(form.text), "code": next_code(base, head)},
                           allow_redirects=False)
    assert accepted.status_code == 303 and accepted.headers["Location"] == "/"
    assert me(second, base) == 200


def test_while_enrolling_the_frame_offers_only_the_enrolment_and_log_out(server):
    """Issue 9: during the forced enrolment of a head or an administrator the menu, the unit chooser and the links of
    the top bar are not shown (they only led back to the enrolment); log-out is. Once enrolled, the frame is whole."""
    base = server.base
    for role in ("head", "admin"):
        user = new_user(server, role)
        session, location = password_step(base, user)
        assert location == "/account/two-factor"
        page = session.get(base + "/account/two-factor")
        assert page.status_code == 200 and 'id="two-factor-form"' in page.text
        html = page.text
        assert '<nav class="menu"' not in html
        assert 'id="unit-picker"' not in html and 'id="user-unit"' not in html
        assert 'href="/account"' not in html and 'class="crumbs"' not in html
        assert 'id="logout"' in html
        refused = session.post(base + "/account/language", data={"_csrf": csrf_from(html), "language": "en"}, allow_redirects=False)
        assert refused.status_code == 403 and '<nav class="menu"' not in refused.text
        links = set(re.findall(r'href="(/[^"]*)"', page.text)) - {"/static/app.css"}
        assert links <= {"/", "/account/two-factor"}, links
        enroll(session, base, user)
        after = session.get(base + "/account").text
        assert '<nav class="menu"' in after and 'id="unit-picker"' in after and 'id="logout"' in after
        logged_out = session.post(base + "/logout", data={"_csrf": csrf_from(after)}, allow_redirects=False)
        assert logged_out.status_code == 303


def test_viewers_and_clerks_log_in_without_a_code_and_may_enroll(server):
    for role in ["viewer", "clerk"]:
        session, location = password_step(server.base, f"{role}-t01-a")
        assert location == "/"
        page = session.get(server.base + "/account/two-factor")
        assert page.status_code == 200 and 'id="two-factor-form"' in page.text


def test_an_administrator_resets_a_second_factor_and_the_cli_too(server):
    base = server.base
    head = new_user(server, "head")
    session = login(base, head)  # enrolls
    admin = login(base, "admin-t01-a")
    users = admin.get(base + "/admin/users").text
    assert re.search(r'data-username="' + re.escape(head) + r'".*?class="two-factor" data-state="on"', users, re.S)
    response = admin.post(base + f"/admin/users/{head}/reset-two-factor", data={"_csrf": page_csrf(admin, base, "/admin/users")},
                          allow_redirects=False)
    assert response.status_code == 303
    assert me(session, base) == 401  # its sessions ended
    audit = admin.get(base + "/api/v1/audit?per_page=50").json()["items"]
    assert any(e["action"] == "totp_reset" and e["entity_key"] == head for e in audit)
    # The sibling commune's administrator cannot reach the account.
    other = login(base, "admin-t01-b")
    assert other.post(base + f"/admin/users/{head}/reset-two-factor", data={"_csrf": page_csrf(other, base, "/admin/users")},
                      allow_redirects=False).status_code == 404
    # Enrolls again at the next log-in; the CLI resets it as well.
    TOTP_SECRETS.pop((base, head), None)
    login(base, head)
    result = run_cli("user", "reset-totp", head, db=server.db)
    assert "OK" in result.stdout
    assert password_step(base, head)[1] == "/account/two-factor"


def test_log_out_everywhere_ends_every_session_of_the_account(server):
    base = server.base
    clerk = new_user(server, "clerk")
    phone = login(base, clerk)
    office = login(base, clerk)
    bystander = login(base, "clerk-t01-a")
    assert "Số phiên đăng nhập đang mở: 2" in office.get(base + "/account").text
    response = office.post(base + "/account/logout-all", data={"_csrf": page_csrf(office, base, "/account")}, allow_redirects=False)
    assert response.status_code == 303 and response.headers["Location"] == "/login"
    assert me(phone, base) == 401 and me(office, base) == 401
    assert me(bystander, base) == 200
    admin = login(base, "admin-t01-a")
    audit = admin.get(base + "/api/v1/audit?per_page=50").json()["items"]
    assert any(e["action"] == "logout_all" and e["entity_key"] == clerk for e in audit)


def test_disabling_an_account_ends_its_sessions(server):
    base = server.base
    clerk = new_user(server, "clerk")
    session = login(base, clerk)
    assert me(session, base) == 200
    admin = login(base, "admin-t01-a")
    response = admin.post(base + f"/admin/users/{clerk}/disable", data={"_csrf": page_csrf(admin, base, "/admin/users")},
                          allow_redirects=False)
    assert response.status_code == 303
    assert me(session, base) == 401
    assert session.get(base + "/", allow_redirects=False).headers["Location"].startswith("/login")


def test_the_secrets_are_sealed_with_a_key_file_beside_the_database(server):
    head = new_user(server, "head")
    login(server.base, head)
    secret = TOTP_SECRETS[(server.base, head)]
    import base64
    if BACKEND == "sqlite":
        key = server.db + ".key"
        assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
        with sqlite3.connect(server.db) as db:
            stored = db.execute("SELECT totp_secret FROM users WHERE username = ?", (head,)).fetchone()[0]
    else:
        stored = subprocess.run(["psql", server.db, "-At", "-c", f"SELECT totp_secret FROM users WHERE username = '{head}'"],
                                capture_output=True, text=True, check=True).stdout.strip()
    assert stored.startswith("v1:")
    assert base64.b32encode(secret).decode().rstrip("=") not in stored
    assert base64.b64encode(secret).decode() not in stored
