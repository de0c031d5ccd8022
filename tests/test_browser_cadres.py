"""Issue 5's browser journey: a head enters a cadre, proposes an appointment, sees the rule warning, approves it."""
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import browser_login
from test_browser import browser, shot, submit_and_wait, wait_for  # noqa: F401  (the fixture is shared)
from test_browser_admission import fill_date


def test_a_cadre_is_appointed_after_a_warning(server, browser):
    base = server.base
    browser_login(browser, base, "head-t01-a")

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
    submit_and_wait(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]"),
                    lambda d: "saved=1" in d.current_url and d.find_elements(By.ID, "decision-status"))
    assert "Dự thảo" in browser.find_element(By.ID, "decision-status").text
    browser.get(cadre_url)
    warnings = browser.find_element(By.ID, "cadre-warnings").text
    assert "Quy định 377-QĐ/TW" in warnings, warnings
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
    # The rule broken when the post was taken stays visible once the appointment is in force.
    held = browser.find_element(By.ID, "cadre-warnings").text
    assert "Khi nhận chức vụ Phó Bí thư Đảng ủy" in held and "Quy định 377-QĐ/TW" in held, held
    shot(browser, "cadre-career")


def test_a_cadre_is_added_to_a_planning_list_that_shows_its_structure(server, browser):
    base = server.base
    browser_login(browser, base, "head-t01-a")

    # From the cadres page to planning; a list for the commune's Youth Union secretary, managed by the commune.
    browser.get(base + "/cadres")
    browser.find_element(By.CSS_SELECTOR, "a[href='/planning']").click()
    wait_for(browser, lambda d: d.find_elements(By.ID, "planning-list-form"))
    form = browser.find_element(By.ID, "planning-list-form")
    Select(form.find_element(By.NAME, "term")).select_by_value("2026-2031")
    position = "Bí thư Đoàn xã " + uuid.uuid4().hex[:4]
    form.find_element(By.NAME, "position").send_keys(position)
    Select(form.find_element(By.NAME, "managed_by")).select_by_value("base")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda d: "saved=1" in d.current_url)

    # Two members are planned: a young woman and a man of the Thái minority.
    for number, reason in [("50000002", "Nữ, trẻ, trình độ thạc sĩ"), ("50000003", "Cán bộ người dân tộc Thái")]:
        form = browser.find_element(By.ID, "planning-add-form")
        form.find_element(By.NAME, "person").send_keys(number)
        form.find_element(By.NAME, "reason").send_keys(reason)
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait_for(browser, lambda d: d.find_elements(By.ID, "planning-entries") and number not in d.find_element(By.ID, "person").get_attribute("value"))
    entries = browser.find_element(By.ID, "planning-entries").text
    assert "Đặng Thị Lan" in entries and "Lò Văn Pọm" in entries, entries
    table = browser.find_element(By.ID, "planning-structure-table").text
    assert "1/2 (50,00%)" in table, table
    assert browser.find_elements(By.CSS_SELECTOR, "#planning-structure rect"), "the structure chart has bars"
    browser.execute_script("document.getElementById('planning-structure').scrollIntoView()")
    shot(browser, "planning-structure")

    # The commune's head approves the list (a base-level list).
    form = browser.find_element(By.ID, "planning-approve-form")
    form.find_element(By.NAME, "decision_no").send_keys("30-QĐ/ĐU")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    # The list's page already says saved=1 (the entries were saved on it): wait for the approval itself, or the old page
    # may be read while it is being replaced.
    wait_for(browser, lambda d: "30-QĐ/ĐU" in d.find_element(By.TAG_NAME, "main").text)
    assert "saved=1" in browser.current_url
    assert not browser.find_elements(By.ID, "planning-approve-form")


def test_staffing_is_entered_and_the_dashboard_and_report_read_in_a_browser(server, browser):
    base = server.base
    browser_login(browser, base, "clerk-t01-a")

    # An agency of the commune, then its quota for 2026 through the form.
    code = "VP-" + uuid.uuid4().hex[:4].upper()
    browser.get(base + "/agencies/new")
    form = browser.find_element(By.ID, "agency-form")
    form.find_element(By.NAME, "code").send_keys(code)
    form.find_element(By.NAME, "name").send_keys("Văn phòng Đảng ủy xã An Bình")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda d: "saved=1" in d.current_url)
    browser.get(base + f"/staffing/{code}/2026")
    form = browser.find_element(By.ID, "staffing-form")
    for name, value in [("assigned", "24"), ("actual", "26"), ("reduction_target", "4"), ("reduced", "3")]:
        form.find_element(By.NAME, name).send_keys(value)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda d: "saved=1" in d.current_url)
    facts = browser.find_element(By.ID, "staffing-facts").text
    assert "+2" in facts and "75,0%" in facts, facts
    browser.get(base + "/staffing?year=2026")
    assert code in browser.find_element(By.ID, "staffing-table").text
    assert browser.find_elements(By.CSS_SELECTOR, "#staffing-progress rect")
    shot(browser, "staffing-list")

    # The warnings dashboard and the briefing report of the commune.
    browser.get(base + "/cadres/warnings")
    assert browser.find_element(By.ID, "warning-counts").text
    shot(browser, "warnings-dashboard")
    browser.get(base + "/")
    assert browser.find_element(By.ID, "card-members").text and browser.find_elements(By.CSS_SELECTOR, "#chart-ages rect")
    shot(browser, "dashboard")
    browser.get(base + "/reports?unit=T01-A&period=2014")
    assert "Kết nạp 1 đảng viên mới, tăng 1 so với năm 2013 (0)." in browser.find_element(By.ID, "report-text").text
    shot(browser, "report")
