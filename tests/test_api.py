"""HTTP behaviour of the foundation (issue 2) and the tree (issue 3), against a running server."""
import json
import re

import pytest
import requests

from conftest import ADMIN_PASSWORD, PASSWORD, ROLES, csrf_from, login, page_csrf


def test_health_and_openapi_need_no_session(server):
    assert requests.get(server.base + "/api/v1/health").json() == {"status": "ok", "replicas": 0, "replicas_serving": 0}
    doc = requests.get(server.base + "/api/v1/openapi.json").json()
    assert doc["openapi"].startswith("3.1")
    assert "/api/v1/units/{code}/stats" in doc["paths"]


def concrete(path):
    return path.replace("{code}", "T01-A").replace("{id}", "1").replace("{username}", "viewer-t01-a")


def test_every_documented_operation_answers_401_without_credentials(server):
    doc = requests.get(server.base + "/api/v1/openapi.json").json()
    checked = 0
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            if method not in ("get", "post", "put", "delete") or operation.get("security") == []:
                continue
            response = requests.request(method.upper(), server.base + concrete(path), json={})
            assert response.status_code == 401, f"{method.upper()} {path}: {response.status_code}"
            assert response.headers["Content-Type"].startswith("application/problem+json")
            assert response.json()["message_vi"] and response.json()["message_en"]
            checked += 1
    assert checked >= 15


def test_every_documented_operation_exists(server):
    """The OpenAPI document matches the routes: no documented operation is missing from the server."""
    admin = login(server.base, "admin-t01-a")
    token = admin.post(server.base + "/api/v1/tokens", json={"name": "route check", "scope": "read"},
                       headers={"X-CSRF-Token": page_csrf(admin, server.base)}).json()["token"]
    doc = requests.get(server.base + "/api/v1/openapi.json").json()
    for path, operations in doc["paths"].items():
        for method in operations:
            if method not in ("get", "post", "put", "delete"):
                continue
            response = requests.request(method.upper(), server.base + concrete(path), json={},
                                        headers={"Authorization": f"Bearer {token}"})
            # 404 only as a problem about a record, never the router's "no such route" page.
            assert response.status_code != 405, f"{method.upper()} {path}"
            if response.status_code == 404:
                assert response.headers["Content-Type"].startswith("application/problem+json"), f"{method.upper()} {path}"


@pytest.mark.parametrize("role", ROLES)
def test_a_user_of_one_commune_cannot_see_the_sibling_commune(server, role):
    """DOMAIN.md §6: every account sees its unit's subtree only; outside it the API and the UI answer 404."""
    session = login(server.base, f"{role}-t01-a")
    assert session.get(server.base + "/api/v1/units/T01-A-C1").status_code == 200
    api = session.get(server.base + "/api/v1/units/T01-B-C1")
    assert api.status_code == 404
    assert api.headers["Content-Type"].startswith("application/problem+json")
    assert session.get(server.base + "/units/T01-B-C1").status_code == 404
    assert session.get(server.base + "/units/T01-B-C1/edit").status_code in (403, 404)
    assert session.get(server.base + "/api/v1/units/T01-B/stats").status_code == 404
    codes = [u["code"] for u in session.get(server.base + "/api/v1/units?per_page=200").json()["items"]]
    assert codes and all(code.startswith("T01-A") for code in codes)
    html = session.get(server.base + "/units").text
    assert "T01-B" not in html


@pytest.mark.parametrize("role", ROLES)
def test_writes_outside_the_subtree_are_refused_for_every_role(server, role):
    session = login(server.base, f"{role}-t01-a")
    token = page_csrf(session, server.base)
    body = {"name": "Đổi tên trái phép", "kind": "cell", "parent_code": "T01-B", "sector": "commune", "version": 1}
    # A viewer is refused every write before the record is looked up (403 whatever the path, so nothing leaks);
    # the roles that write are told the record does not exist for them (404).
    refused = 403 if role == "viewer" else 404
    response = session.put(server.base + "/api/v1/units/T01-B-C1", json=body, headers={"X-CSRF-Token": token})
    assert response.status_code == refused
    response = session.post(server.base + "/units/T01-B-C1", data={"_csrf": token, "name": "X", "kind": "cell",
                                                                  "parent_code": "T01-B", "sector": "commune", "version": "1"})
    assert response.status_code == refused
    other = login(server.base, "admin-t01-b")
    assert other.get(server.base + "/api/v1/units/T01-B-C1").json()["name"] == "Chi bộ thôn Đông"


def test_a_viewer_cannot_write_and_a_clerk_can(server):
    viewer = login(server.base, "viewer-t01-a")
    unit = viewer.get(server.base + "/api/v1/units/T01-A-C2").json()
    token = page_csrf(viewer, server.base)
    refused = viewer.put(server.base + "/api/v1/units/T01-A-C2", json={**unit, "name": "X"}, headers={"X-CSRF-Token": token})
    assert refused.status_code == 403
    clerk = login(server.base, "clerk-t01-a")
    unit = clerk.get(server.base + "/api/v1/units/T01-A-C2").json()
    saved = clerk.put(server.base + "/api/v1/units/T01-A-C2", json={**unit, "name": "Chi bộ thôn Hai"},
                      headers={"X-CSRF-Token": page_csrf(clerk, server.base)})
    assert saved.status_code == 200, saved.text
    assert saved.json()["name"] == "Chi bộ thôn Hai"
    assert saved.json()["version"] == unit["version"] + 1


def test_a_stale_save_is_refused_with_409_and_what_changed(server):
    first = login(server.base, "clerk-t01-a")
    second = login(server.base, "head-t01-a")
    loaded = first.get(server.base + "/api/v1/units/T01-A-C1").json()
    ok = first.put(server.base + "/api/v1/units/T01-A-C1", json={**loaded, "name": "Chi bộ thôn Một"},
                   headers={"X-CSRF-Token": page_csrf(first, server.base)})
    assert ok.status_code == 200
    stale = second.put(server.base + "/api/v1/units/T01-A-C1", json={**loaded, "has_committee": False},
                       headers={"X-CSRF-Token": page_csrf(second, server.base)})
    assert stale.status_code == 409
    problem = stale.json()
    assert stale.headers["Content-Type"].startswith("application/problem+json")
    assert problem["current"]["name"] == "Chi bộ thôn Một"
    assert any(change["field"] == "name" and change["new"] == "Chi bộ thôn Một" for change in problem["changes"])
    assert second.get(server.base + "/api/v1/units/T01-A-C1").json()["has_committee"] is True
    # The same through the HTML form: a 409 page, nothing saved.
    token = page_csrf(second, server.base)
    page = second.post(server.base + "/units/T01-A-C1", data={"_csrf": token, "name": "Khác", "kind": "cell", "parent_code": "T01-A",
                                                              "sector": "commune", "version": str(loaded["version"])})
    assert page.status_code == 409
    assert "Chi bộ thôn Một" in page.text


def test_forms_without_the_csrf_token_are_refused(server):
    session = login(server.base, "clerk-t01-a")
    response = session.post(server.base + "/units/T01-A-C1", data={"name": "X", "kind": "cell", "parent_code": "T01-A",
                                                                   "sector": "commune", "version": "1"})
    assert response.status_code == 403
    response = session.post(server.base + "/logout", data={"_csrf": "0" * 64})
    assert response.status_code == 403
    assert session.get(server.base + "/api/v1/me").status_code == 200  # still logged in


def test_cookie_authenticated_api_writes_need_the_csrf_header(server):
    session = login(server.base, "clerk-t01-a")
    unit = session.get(server.base + "/api/v1/units/T01-A-C1").json()
    assert session.put(server.base + "/api/v1/units/T01-A-C1", json=unit).status_code == 403


def test_login_form_needs_its_csrf_cookie(server):
    response = requests.post(server.base + "/login", data={"username": "clerk-t01-a", "password": PASSWORD, "_csrf": "abc"},
                             allow_redirects=False)
    assert response.status_code == 403


def test_session_cookie_flags(server):
    session = login(server.base, "viewer-t01-a")
    cookie = session.last_login.headers["Set-Cookie"]
    assert "tc_session=" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_api_tokens_work_as_bearer_and_read_only_tokens_cannot_write(server):
    session = login(server.base, "clerk-t01-a")
    csrf = page_csrf(session, server.base)
    read = session.post(server.base + "/api/v1/tokens", json={"name": "đọc", "scope": "read"}, headers={"X-CSRF-Token": csrf})
    write = session.post(server.base + "/api/v1/tokens", json={"name": "ghi", "scope": "read_write"}, headers={"X-CSRF-Token": csrf})
    assert read.status_code == 201 and write.status_code == 201
    bearer = lambda t: {"Authorization": f"Bearer {t}"}
    me = requests.get(server.base + "/api/v1/me", headers=bearer(read.json()["token"])).json()
    assert me["username"] == "clerk-t01-a" and me["token_scope"] == "read"
    unit = requests.get(server.base + "/api/v1/units/T01-A-C2", headers=bearer(read.json()["token"])).json()
    refused = requests.put(server.base + "/api/v1/units/T01-A-C2", json=unit, headers=bearer(read.json()["token"]))
    assert refused.status_code == 403
    accepted = requests.put(server.base + "/api/v1/units/T01-A-C2", json=unit, headers=bearer(write.json()["token"]))
    assert accepted.status_code == 200
    # Revoked: refused from then on.
    assert session.delete(server.base + f"/api/v1/tokens/{read.json()['id']}", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert requests.get(server.base + "/api/v1/me", headers=bearer(read.json()["token"])).status_code == 401
    assert requests.get(server.base + "/api/v1/me", headers=bearer("tc_" + "0" * 64)).status_code == 401


def test_repeated_wrong_passwords_lock_the_user_name_for_a_while(server):
    for _ in range(5):
        login(server.base, "viewer-t01-b", password="sai-mat-khau-1234", expect_ok=False)
    session = requests.Session()
    page = session.get(server.base + "/login")
    response = session.post(server.base + "/login", data={"_csrf": csrf_from(page.text), "username": "viewer-t01-b",
                                                          "password": PASSWORD}, allow_redirects=False)
    assert response.status_code == 429
    assert "thử lại" in response.text


def test_security_headers_on_pages_and_errors(server):
    for path in ["/login", "/api/v1/health", "/no-such-page"]:
        headers = requests.get(server.base + path).headers
        csp = headers["Content-Security-Policy"]
        script = re.search(r"script-src ([^;]*)", csp).group(1)
        assert "'unsafe-inline'" not in script and "frame-ancestors 'none'" in csp
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "same-origin"
        assert headers["X-Content-Type-Options"] == "nosniff"


def test_html_from_users_is_escaped(server):
    session = login(server.base, "clerk-t01-a")
    csrf = page_csrf(session, server.base)
    created = session.post(server.base + "/api/v1/units", headers={"X-CSRF-Token": csrf}, json={
        "code": "T01-A-XSS", "name": "<script>alert(1)</script>", "kind": "cell", "parent_code": "T01-A", "sector": "commune"})
    assert created.status_code == 201, created.text
    for path in ["/units/T01-A-XSS", "/units?q=script", "/tree"]:
        html = session.get(server.base + path).text
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_no_state_change_on_get(server):
    session = login(server.base, "clerk-t01-a")
    assert session.get(server.base + "/logout").status_code in (404, 405)
    assert session.get(server.base + "/api/v1/me").status_code == 200


def test_validation_errors_are_problems_in_both_languages(server):
    session = login(server.base, "clerk-t01-a")
    response = session.post(server.base + "/api/v1/units", headers={"X-CSRF-Token": page_csrf(session, server.base)},
                            json={"code": "bad code", "name": "", "kind": "ward", "parent_code": "T01-A"})
    assert response.status_code == 422
    problem = response.json()
    fields = {e["field"] for e in problem["errors"]}
    assert {"code", "name", "kind"} <= fields
    assert all(e["message_vi"] and e["message_en"] for e in problem["errors"])
    assert requests.post(server.base + "/api/v1/units", data="{not json", headers={
        "Authorization": "Bearer x"}).status_code == 401


def test_stats_as_of_a_date_follow_a_dated_restructuring(server):
    """Issue 3: the stats contract, before and after a dated move done through the API."""
    session = login(server.base, "admin-t01-a")
    csrf = page_csrf(session, server.base)
    before = session.get(server.base + "/api/v1/units/T01-A/stats?asOf=2024-12-31").json()
    assert set(before) == {"unit", "as_of", "units_by_kind", "cells", "cells_with_committee", "members_by_status"}
    assert before["as_of"] == "2024-12-31" and before["unit"] == "T01-A"
    cells_before = before["cells"]
    created = session.post(server.base + "/api/v1/restructure", headers={"X-CSRF-Token": csrf}, json={"steps": [
        {"op": "found", "effective_on": "2025-03-01", "decision_no": "12-QĐ/ĐU", "code": "T01-A-C9", "name": "Chi bộ thôn 9",
         "kind": "cell", "parent_code": "T01-A", "sector": "commune", "has_committee": True}]})
    assert created.status_code == 201, created.text
    after = session.get(server.base + "/api/v1/units/T01-A/stats?as_of=2025-03-01").json()
    assert after["cells"] == cells_before + 1
    assert after["cells_with_committee"] >= 1
    assert session.get(server.base + "/api/v1/units/T01-A/stats?as_of=2025-02-28").json()["cells"] == cells_before
    events = session.get(server.base + "/api/v1/restructure/events?code=T01-A-C9").json()["items"]
    assert events[0]["kind"] == "found" and events[0]["decision_no"] == "12-QĐ/ĐU"
    assert session.get(server.base + "/api/v1/units/T01-A/stats?as_of=31-12-2024").status_code == 422


def test_nul_characters_are_refused_not_crashed_on(server):
    """Regression (schemathesis, PostgreSQL): a NUL in a query made the server answer 500."""
    session = login(server.base, "viewer-t01-a")
    for path in ["/api/v1/restructure/events?code=%00", "/api/v1/units/%00", "/api/v1/units?q=a%00b", "/units?q=%00"]:
        response = session.get(server.base + path)
        assert 400 <= response.status_code < 500, path
    clerk = login(server.base, "clerk-t01-a")
    response = clerk.post(server.base + "/api/v1/units", data='{"code": "X\\u0000", "name": "a", "kind": "cell", "parent_code": "T01-A"}',
                          headers={"X-CSRF-Token": page_csrf(clerk, server.base), "Content-Type": "application/json"})
    assert response.status_code == 422


def test_head_is_answered_as_get_without_a_body(server):
    health = requests.head(server.base + "/api/v1/health")
    assert health.status_code == 200 and health.content == b""
    assert requests.head(server.base + "/login").status_code == 200
    assert requests.head(server.base + "/no-such-page").status_code == 404
    # Without a session a page redirects to the log-in, as GET does.
    assert requests.head(server.base + "/members", allow_redirects=False).status_code == 303


def test_the_openapi_document_has_no_key_twice(server):
    # Each area splices its paths and schemas into one document: a name used twice would silently hide one of them.
    import json

    def unique(pairs):
        keys = [k for k, _ in pairs]
        duplicated = {k for k in keys if keys.count(k) > 1}
        assert not duplicated, f"keys defined twice: {sorted(duplicated)}"
        return dict(pairs)

    json.loads(requests.get(server.base + "/api/v1/openapi.json").text, object_pairs_hook=unique)
