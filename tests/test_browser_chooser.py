"""The unit chooser (issue 8): a text field for a unit's name or code in the top bar, the member filter and the new-user
form. Without JavaScript the server resolves the text (an exact code is the unit, other text a paged list of matching
units of the user's scope); with it, suggestions come from GET /api/v1/unit-choices. A user never sees a unit outside
their scope: the sibling commune's units are not offered and typing their code is refused with a clear message.

Screenshots go to TOCHUC_TEST_SCREENSHOTS (test-artifacts/screenshots/); look at them.
"""
import re
import shutil
import uuid
from urllib.parse import urlparse

import pytest
import requests
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from conftest import (BACKEND, ORG_UNITS, PASSWORD, Server, browser_login, drop_database, login, new_database, page_csrf, run_cli, screenshot_dir,
                      seeded_server)
from test_browser import wait_for

REFUSED = "Không có tổ chức nào có mã hoặc tên “{}” trong phạm vi của bạn (Đảng bộ xã An Bình)."


def make_browser(javascript):
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=vi"]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(3)
    return driver


@pytest.fixture(scope="module")
def server(workdir):
    """A server of this module's own, seeded like the session's: the tests name members and cells of the seed that
    other modules move, merge or rename."""
    yield from seeded_server(workdir)


@pytest.fixture(scope="module")
def browser():
    driver = make_browser(javascript=True)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def plain_browser():
    driver = make_browser(javascript=False)
    yield driver
    driver.quit()


def shot(driver, name):
    path = screenshot_dir() / f"{BACKEND}-chooser-{name}.png"
    driver.save_screenshot(str(path))
    print(f"screenshot: {path}")


def path_of(driver):
    parsed = urlparse(driver.current_url)
    return parsed.path + ("?" + parsed.query if parsed.query else "")


# MARK: - Without JavaScript (HTTP)


def test_an_exact_code_goes_to_the_unit_and_other_text_lists_the_matches_in_scope(server):
    clerk = login(server.base, "clerk-t01-a")
    exact = clerk.get(server.base + "/units/pick", params={"q": "t01-a-c1"}, allow_redirects=False)
    assert exact.status_code == 303 and exact.headers["Location"] == "/units/T01-A-C1"
    listed = clerk.get(server.base + "/units/pick", params={"q": "thôn"})
    assert listed.status_code == 200
    assert 'id="unit-matches"' in listed.text
    codes = re.findall(r'<li data-code="([^"]+)"', listed.text)
    assert "T01-A-C1" in codes and "T01-A-C2" in codes
    assert "T01-B-C1" not in codes, "a unit of the sibling commune is offered"
    assert 'href="/units/T01-A-C2"' in listed.text


def test_the_sibling_communes_code_is_refused_with_a_clear_message(server):
    clerk = login(server.base, "clerk-t01-a")
    for text in ("T01-B-C1", "T01-B", "thôn Đông"):
        refused = clerk.get(server.base + "/units/pick", params={"q": text})
        assert refused.status_code == 404, text
        assert REFUSED.format(text) in refused.text
        assert 'data-code="T01-B' not in refused.text
    # The API gives no suggestion either, whatever the role.
    assert clerk.get(server.base + "/api/v1/unit-choices", params={"q": "T01-B"}).json()["items"] == []
    viewer = login(server.base, "viewer-t01-a")
    assert viewer.get(server.base + "/api/v1/unit-choices", params={"q": "dong"}).json()["items"] == []
    found = viewer.get(server.base + "/api/v1/unit-choices", params={"q": "an binh"}).json()
    assert [u["code"] for u in found["items"]] == ["T01-A"] and found["total"] == 1


def test_the_member_filter_resolves_the_typed_unit(server):
    clerk = login(server.base, "clerk-t01-a")
    base = server.base
    by_code = clerk.get(base + "/members", params={"unit": "T01-A-C1"})
    assert by_code.status_code == 200 and "Nguyễn Văn Tùng" in by_code.text and "Lò Văn Pọm" not in by_code.text
    by_name = clerk.get(base + "/members", params={"unit": "thon 2", "status": "full"})
    assert by_name.status_code == 200 and 'id="unit-matches"' in by_name.text
    assert 'href="/members?unit=T01-A-C2&amp;status=full"' in by_name.text
    assert 'id="members-table"' not in by_name.text
    refused = clerk.get(base + "/members", params={"unit": "T01-B-C1"})
    assert refused.status_code == 404 and REFUSED.format("T01-B-C1") in refused.text
    assert "Trần Văn Bình" not in refused.text


def test_the_new_user_form_takes_a_code_or_offers_the_matches(server):
    admin = login(server.base, "admin-t01-a")
    base = server.base
    name = f"chooser-{uuid.uuid4().hex[:6]}"
    form = {"_csrf": page_csrf(admin, base, "/admin/users"), "username": name, "display_name": "Người dùng chọn",
            "password": PASSWORD, "role": "clerk", "unit_code": "thôn"}
    offered = admin.post(base + "/admin/users", data=form, allow_redirects=False)
    assert offered.status_code == 422
    radios = re.findall(r'<input type="radio" name="unit_code" value="([^"]+)"', offered.text)
    assert "T01-A-C1" in radios and "T01-B-C1" not in radios
    assert f'value="{name}"' in offered.text and 'value="clerk" selected' in offered.text
    refused = admin.post(base + "/admin/users", data={**form, "unit_code": "T01-B"}, allow_redirects=False)
    assert refused.status_code == 422 and REFUSED.format("T01-B") in refused.text
    created = admin.post(base + "/admin/users", data={**form, "unit_code": "T01-A-C1"}, allow_redirects=False)
    assert created.status_code == 303
    users = admin.get(base + "/admin/users").text
    assert re.search(r'data-username="' + name + r'".*?/units/T01-A-C1', users, re.S)


@pytest.fixture(scope="module")
def big_commune(workdir):
    """A server of its own whose commune has 45 cells: more than one page of matches."""
    db, pg_name = new_database(workdir)
    dataset = workdir / f"chooser-{uuid.uuid4().hex[:6]}"
    dataset.mkdir()
    cells = "".join(f"T01-A-K{i:02d},Chi bộ khu phố {i},cell,T01-A,commune,false,2000-01-01,\n" for i in range(1, 46))
    (dataset / "org_units.csv").write_text(ORG_UNITS + cells, encoding="utf-8")
    run_cli("import", str(dataset), db=db)
    run_cli("user", "add", "--username", "clerk-big", "--password", PASSWORD, "--role", "clerk", "--unit", "T01-A", db=db)
    srv = Server(db, workdir)
    yield srv
    srv.stop()
    drop_database(pg_name)
    shutil.rmtree(dataset, ignore_errors=True)


def test_the_matches_are_paged_and_every_unit_can_be_reached(big_commune):
    base = big_commune.base
    clerk = login(base, "clerk-big")
    seen = []
    url = base + "/units/pick?q=khu+pho"
    while url:
        page = clerk.get(url)
        assert page.status_code == 200
        seen += re.findall(r'<li data-code="([^"]+)"', page.text)
        following = re.search(r'<a rel="next" href="([^"]+)"', page.text)
        url = base + following.group(1).replace("&amp;", "&") if following else None
    assert sorted(seen) == [f"T01-A-K{i:02d}" for i in range(1, 46)]
    api = clerk.get(base + "/api/v1/unit-choices", params={"q": "khu pho", "per_page": 10, "page": 5}).json()
    assert api["total"] == 45 and len(api["items"]) == 5 and api["page"] == 5
    assert set(api["items"][0]) == {"code", "name", "kind", "parent_code", "parent_name", "dissolved_on"}


def test_the_chooser_is_in_the_openapi_document(server):
    doc = requests.get(server.base + "/api/v1/openapi.json").json()
    operation = doc["paths"]["/api/v1/unit-choices"]["get"]
    assert operation["operationId"] == "chooseUnit"
    assert {p.get("name") or p.get("$ref", "").rsplit("/", 1)[-1] for p in operation["parameters"]} == {"q", "page", "per_page"}


# MARK: - In the browser


def test_without_javascript_the_top_bar_chooser_lists_matches_to_pick_from(server, plain_browser):
    b = plain_browser
    browser_login(b, server.base, "clerk-t01-a")
    b.find_element(By.ID, "unit-picker").send_keys("thon")
    b.find_element(By.CSS_SELECTOR, "form.picker button").click()
    wait_for(b, lambda d: "/units/pick" in d.current_url)
    assert b.find_elements(By.CSS_SELECTOR, "#unit-picker-suggestions") == [], "the script ran"
    items = [li.get_attribute("data-code") for li in b.find_elements(By.CSS_SELECTOR, "#unit-matches li")]
    assert "T01-A-C1" in items and "T01-B-C1" not in items
    shot(b, "01-no-js-matches")
    b.find_element(By.CSS_SELECTOR, '#unit-matches li[data-code="T01-A-C2"] a').click()
    wait_for(b, lambda d: urlparse(d.current_url).path == "/units/T01-A-C2")
    # The sibling's code: a clear refusal in the frame.
    picker = b.find_element(By.ID, "unit-picker")
    picker.clear()
    picker.send_keys("T01-B-C1")
    b.find_element(By.CSS_SELECTOR, "form.picker button").click()
    wait_for(b, lambda d: "/units/pick" in d.current_url)
    assert b.find_element(By.ID, "unit-choice-error").text == REFUSED.format("T01-B-C1")
    shot(b, "02-no-js-refused")


def test_with_javascript_suggestions_come_as_one_types(server, browser):
    b = browser
    base = server.base
    browser_login(b, base, "clerk-t01-a")
    b.get(base + "/members")
    field = b.find_element(By.ID, "unit-picker")
    field.send_keys("thôn")
    wait_for(b, lambda d: d.find_elements(By.CSS_SELECTOR, "#unit-picker-suggestions li"))
    suggestions = b.find_elements(By.CSS_SELECTOR, "#unit-picker-suggestions li")
    codes = [li.get_attribute("data-code") for li in suggestions]
    assert "T01-A-C1" in codes and "T01-B-C1" not in codes
    assert field.get_attribute("aria-expanded") == "true"
    shot(b, "03-js-suggestions")
    # Picking a suggestion in the top bar goes to the unit.
    next(li for li in suggestions if li.get_attribute("data-code") == "T01-A-C1").click()
    wait_for(b, lambda d: urlparse(d.current_url).path == "/units/T01-A-C1")

    # The member filter: the keyboard picks a suggestion into the field, the form filters by it.
    b.get(base + "/members")
    unit = b.find_element(By.ID, "unit")
    unit.send_keys("thon 2")
    wait_for(b, lambda d: d.find_elements(By.CSS_SELECTOR, "#unit-suggestions li"))
    shot(b, "04-js-member-filter")
    unit.send_keys("\ue015")  # arrow down
    unit.send_keys("\ue007")  # enter: picks, does not submit
    wait_for(b, lambda d: d.find_element(By.ID, "unit").get_attribute("value") == "T01-A-C2")
    b.find_element(By.CSS_SELECTOR, "#member-search button[type=submit]").click()
    wait_for(b, lambda d: "unit=T01-A-C2" in d.current_url)
    names = [a.text for a in b.find_elements(By.CSS_SELECTOR, "#members-table tbody td:nth-child(2) a")]
    assert "Lò Văn Pọm" in names and "Nguyễn Văn Tùng" not in names, names
    shot(b, "05-js-member-filtered")
