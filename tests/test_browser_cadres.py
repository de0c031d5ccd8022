"""Issue 5's browser journey: a head enters a cadre, proposes an appointment, sees the rule warning, approves it."""
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import PASSWORD
from test_browser import browser, shot, wait_for  # noqa: F401  (the fixture is shared)
from test_browser_admission import fill_date


def test_a_cadre_is_appointed_after_a_warning(server, browser):
    base = server.base
    browser.get(base + "/login")
    browser.find_element(By.ID, "username").send_keys("head-t01-a")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "#login-form button[type=submit]").click()
    wait_for(browser, lambda d: not d.current_url.startswith(base + "/login"))

    # The menu leads to the cadres; a cadre who is not a member is entered (born 15/04/1966: retires at 62 in 2028).
    browser.get(base + "/units/T01-A")
    browser.find_element(By.CSS_SELECTOR, "nav.menu a[href='/cadres']").click()
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "form[action='/cadres']"))
    browser.get(base + "/cadres/new")
    form = browser.find_element(By.ID, "cadre-form")
    form.find_element(By.NAME, "full_name").send_keys("Phạm Văn Hải")
    Select(form.find_element(By.NAME, "gender")).select_by_value("male")
    fill_date(form, "birth_date", "15/04/1966")
    form.find_element(By.NAME, "national_id").send_keys("001066" + str(uuid.uuid4().int)[:6])
    unit = form.find_element(By.NAME, "unit_code")
    unit.clear()
    unit.send_keys("T01-A")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda d: "saved=1" in d.current_url)
    cadre_url = browser.current_url.split("?")[0]

    # Propose the appointment as a draft: the page warns that less than a full term of working age is left.
    form = browser.find_element(By.ID, "decision-form")
    Select(form.find_element(By.NAME, "kind")).select_by_value("appointment")
    form.find_element(By.NAME, "decision_no").send_keys("15-QĐ/ĐU")
    fill_date(form, "effective_on", "01/12/2026")
    form.find_element(By.NAME, "place_code").send_keys("T01-A")
    form.find_element(By.NAME, "title").send_keys("Phó Bí thư Đảng ủy")
    Select(form.find_element(By.NAME, "managed_by")).select_by_value("base")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda d: "saved=1" in d.current_url)
    assert "Dự thảo" in browser.find_element(By.ID, "decision-status").text
    browser.get(cadre_url)
    warnings = browser.find_element(By.ID, "cadre-warnings").text
    assert "Quy định 80-QĐ/TW" in warnings, warnings
    shot(browser, "cadre-warning")

    # The commune's head approves (a base-level position); from 01/12/2026 the post is held.
    browser.find_element(By.CSS_SELECTOR, "#decisions-table a").click()
    wait_for(browser, lambda d: d.find_elements(By.ID, "approve-form"))
    browser.find_element(By.CSS_SELECTOR, "#approve-form button").click()
    wait_for(browser, lambda d: "approved=1" in d.current_url)
    assert "Đã phê duyệt" in browser.find_element(By.ID, "decision-status").text
    browser.get(cadre_url + "?as_of=2026-12-01")
    assert "Phó Bí thư Đảng ủy" in browser.find_element(By.ID, "current-positions").text
    assert "Bắt đầu giữ chức vụ Phó Bí thư Đảng ủy" in browser.find_element(By.ID, "career").text
    shot(browser, "cadre-career")
