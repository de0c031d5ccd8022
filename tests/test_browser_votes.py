"""Issue 6's browser journey for confidence votes: a clerk records a session, adds a person, enters the tally from the
paper count and reads the percentages, the consequence and the printed result sheet."""
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import browser_login
from test_browser import browser, shot, submit_and_wait, wait_for  # noqa: F401  (the fixture is shared)
from test_browser_admission import fill_date


def log_in(browser, base, username):
    """A fresh session in the shared browser (it may still hold another journey's)."""
    browser_login(browser, base, username)


def test_a_confidence_vote_tally_is_entered_and_its_results_read(server, browser):
    base = server.base
    log_in(browser, base, "clerk-t01-a")

    # From the assessment area to the votes; a session of the commune's committee: 31 convened, 29 present.
    browser.get(base + "/assessment")
    browser.find_element(By.CSS_SELECTOR, "main a[href='/votes']").click()
    wait_for(browser, lambda d: d.find_elements(By.ID, "vote-new-form"))
    form = browser.find_element(By.ID, "vote-new-form")
    Select(form.find_element(By.NAME, "body_kind")).select_by_value("committee")
    round_field = form.find_element(By.NAME, "round")
    round_field.clear()
    round_field.send_keys("trinh-duyet-" + uuid.uuid4().hex[:4])
    fill_date(form, "held_on", "12/03/2026")
    form.find_element(By.NAME, "convened").send_keys("31")
    form.find_element(By.NAME, "present").send_keys("29")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda d: "created=1" in d.current_url)
    assert "29/31" in browser.find_element(By.ID, "vote-quorum").text
    shot(browser, "vote-session")

    # The person voted on, by card number.
    form = browser.find_element(By.ID, "vote-add-form")
    form.find_element(By.NAME, "person").send_keys("50000002")
    form.find_element(By.NAME, "position").send_keys("Phó Bí thư Đảng ủy")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda d: "saved=1" in d.current_url and d.find_elements(By.ID, "tally-form"))

    # The tally from the counting minutes, typed field after field: 20 of 29 returned rate "thấp" (over 2/3).
    row = browser.find_element(By.CSS_SELECTOR, "#tally-table tbody tr")
    inputs = row.find_elements(By.CSS_SELECTOR, "input[type=text]")
    for field, value in zip(inputs, ["29", "29", "28", "1", "3", "5", "20"]):
        field.clear()
        field.send_keys(value)
    shot(browser, "vote-tally-form")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "#tally-form button[type=submit]"),
                    lambda d: "saved=1" in d.current_url and d.find_elements(By.ID, "vote-results"))
    results = browser.find_element(By.ID, "vote-results").text
    assert "20/29 (68,96%)" in results and "3/29 (10,34%)" in results, results
    assert "Miễn nhiệm" in results, results
    browser.execute_script("document.getElementById('vote-results').scrollIntoView()")
    shot(browser, "vote-results")

    # The printed result sheet.
    browser.find_element(By.ID, "vote-sheet-link").click()
    wait_for(browser, lambda d: d.find_elements(By.ID, "sheet-results"))
    assert "KẾT QUẢ LẤY PHIẾU TÍN NHIỆM" in browser.find_element(By.TAG_NAME, "h1").text
    assert "20/29 (68,96%)" in browser.find_element(By.ID, "sheet-results").text
    shot(browser, "vote-sheet")

    # The list of the commune's sessions counts the dismissal.
    browser.get(base + "/votes?unit=T01-A")
    assert "trinh-duyet-" in browser.find_element(By.ID, "vote-sessions").text
    shot(browser, "vote-sessions")


def test_a_cell_meeting_takes_attendance_by_keyboard_and_shows_in_the_calendar(server, browser):
    base = server.base
    log_in(browser, base, "clerk-t01-a")

    # The cell's meetings of 2024: a monthly meeting on 05/06/2024 through the form.
    browser.get(base + "/meetings?unit=T01-A-C1&year=2024")
    form = browser.find_element(By.ID, "meeting-new-form")
    fill_date(form, "meets_on", "05/06/2024")
    Select(form.find_element(By.NAME, "kind")).select_by_value("monthly")
    form.find_element(By.NAME, "topics").send_keys("Quán triệt nghị quyết; kiểm điểm 6 tháng")
    form.find_element(By.NAME, "resolution").send_keys("Chi bộ thống nhất thực hiện các nhiệm vụ trọng tâm.")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda d: "created=1" in d.current_url)

    # Attendance with one key per member: C for each, K for the last one.
    selects = browser.find_elements(By.CSS_SELECTOR, "#attendance-grid select")
    assert selects, "the cell has members"
    for select in selects[:-1]:
        select.send_keys("C")
    selects[-1].send_keys("K")
    browser.find_element(By.CSS_SELECTOR, "#attendance-form button[type=submit]").click()
    wait_for(browser, lambda d: "saved=1" in d.current_url)
    counts = browser.find_element(By.ID, "attendance-counts").text
    assert f"Có mặt\n{len(selects) - 1}" in counts and "Vắng không lý do\n1" in counts, counts
    shot(browser, "meeting-attendance")

    browser.get(base + "/meetings?unit=T01-A-C1&year=2024")
    assert "05/06/2024" in browser.find_element(By.ID, "month-6").text
    assert "chưa có sinh hoạt thường kỳ" in browser.find_element(By.ID, "month-7").text
    browser.execute_script("document.getElementById('meeting-calendar').scrollIntoView()")
    shot(browser, "meeting-calendar")
    browser.get(base + "/meetings/dues?unit=T01-A-C1&year=2024")
    assert browser.find_elements(By.CSS_SELECTOR, "#dues-grid input[name^=dues_]")
    shot(browser, "meeting-dues")
