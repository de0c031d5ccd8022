"""Issue 4's browser journey: a clerk takes a candidate from "quần chúng ưu tú" to full member, step by step."""
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import browser_login
from test_browser import browser, shot, wait_for  # noqa: F401  (the fixture is shared)


def fill_date(form, name, value):
    field = form.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def replaced(element):
    """True once the page holding `element` has been replaced (Chromium reports it as stale or as a foreign node)."""
    def check(_driver):
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True
    return check


def submit_step(driver, fields):
    form = driver.find_element(By.ID, "admission-form")
    for name, value in fields.items():
        if name.endswith("_on") or name.startswith("since"):
            fill_date(form, name, value)
        else:
            box = form.find_element(By.NAME, name)
            box.clear()
            box.send_keys(value)
    form.find_element(By.ID, "admission-submit").click()
    # The next page replaces this one: wait until the old form is gone, then for the new page.
    WebDriverWait(driver, 10).until(replaced(form))
    wait_for(driver, lambda d: d.find_elements(By.ID, "admission-stages"))


def test_a_candidate_becomes_a_full_member(server, browser):
    base = server.base
    browser_login(browser, base, "head-t01-a")

    # Enter the candidate (status "Đối tượng kết nạp", no card, no dates).
    browser.get(base + "/members/new?status=candidate")
    form = browser.find_element(By.ID, "member-form")
    form.find_element(By.NAME, "full_name").send_keys("Vũ Minh Quân")
    fill_date(form, "birth_date", "05/05/2000")
    form.find_element(By.NAME, "unit_code").send_keys("T01-A-C1")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda d: "saved=1" in d.current_url)
    member_url = browser.current_url.split("?")[0]
    member_id = member_url.rstrip("/").split("/")[-1]

    browser.get(base + "/admission")
    assert "Vũ Minh Quân" in browser.find_element(By.ID, "stage-outstanding").text
    shot(browser, "11-admission-board")
    browser.get(base + f"/admission/{member_id}")
    submit_step(browser, {"course_on": "10/01/2025"})
    submit_step(browser, {"card_1": "50000001", "since_1": "01/01/2023", "card_2": "50000002", "since_2": "01/06/2023"})
    # A vote short of two thirds is refused with the rule's words, then the right count passes.
    form = browser.find_element(By.ID, "admission-form")
    fill_date(form, "meeting_on", "15/02/2025")
    form.find_element(By.NAME, "full_members").send_keys("3")
    form.find_element(By.NAME, "in_favour").send_keys("1")
    form.find_element(By.ID, "admission-submit").click()
    WebDriverWait(browser, 10).until(replaced(form))
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".errors"))
    assert "2/3" in browser.find_element(By.CSS_SELECTOR, ".errors").text or "hai phần ba" in browser.find_element(By.CSS_SELECTOR, ".errors").text.lower()
    shot(browser, "12-admission-refused")
    submit_step(browser, {"meeting_on": "15/02/2025", "full_members": "3", "in_favour": "2"})
    submit_step(browser, {"decision_no": "123-QĐ/ĐU", "decision_on": "01/03/2025"})
    submit_step(browser, {"ceremony_on": "20/03/2025"})
    submit_step(browser, {"card_no": "50000099"})
    shot(browser, "13-admission-recognized")
    browser.get(member_url)
    facts = browser.find_element(By.ID, "member-facts").text
    assert "Chính thức" in facts and "50000099" in facts and "20/03/2026" in facts
    shot(browser, "14-member-full")
    browser.find_element(By.ID, "logout").click()
