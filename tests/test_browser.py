"""The browser journey in headless Chromium (Selenium): log in, pick a unit, the tree, a dated rename, log out.

Screenshots go to TOCHUC_TEST_SCREENSHOTS (test-artifacts/screenshots/); look at them.
"""
import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import BACKEND, PASSWORD, screenshot_dir


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=vi"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def wait_for(driver, condition, seconds=10):
    """A click does not wait for the next page: wait until the condition holds. An element of the page being replaced
    while the condition reads it is stale: read again. Chromium may say so as an inspector error ("does not belong to
    the document") instead of a stale element: the same case."""
    def guarded(d):
        try:
            return condition(d)
        except WebDriverException as error:
            if left_the_document(error):
                return False
            raise
    WebDriverWait(driver, seconds, ignored_exceptions=[StaleElementReferenceException]).until(guarded)


def left_the_document(error):
    """Chromium's way of saying an element is stale: the page it belonged to was replaced."""
    return isinstance(error, StaleElementReferenceException) or "does not belong to the document" in str(error)


def submit_and_wait(driver, button, condition):
    """Click a submit button and wait for the next page: the old page's root element must go stale first, so a marker
    the old address already carried (a second "saved=1") is not taken for the new page's."""
    old_root = driver.find_element(By.TAG_NAME, "html")
    button.click()

    def replaced(d):
        try:
            old_root.tag_name
            return False
        except WebDriverException as error:
            if left_the_document(error):
                return True
            raise
    WebDriverWait(driver, 10).until(replaced)
    wait_for(driver, condition)


def shot(driver, name):
    path = screenshot_dir() / f"{BACKEND}-{name}.png"
    driver.save_screenshot(str(path))
    print(f"screenshot: {path}")


def test_log_in_pick_a_unit_browse_the_tree_rename_and_log_out(server, browser):
    base = server.base
    browser.get(base + "/")
    assert browser.current_url.startswith(base + "/login")
    shot(browser, "01-login")
    browser.find_element(By.ID, "username").send_keys("clerk-t01-a")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "#login-form button[type=submit]").click()
    wait_for(browser, lambda d: not d.current_url.startswith(base + "/login"))
    assert browser.find_element(By.ID, "user-unit").text == "Đảng bộ xã An Bình"
    shot(browser, "02-home")

    # The unit chooser of the top bar (issue 8): an exact code goes straight to the unit (the button submits it).
    # Lands on the unit page, whose h1 is the unit's name (T01-A: no other test renames it).
    browser.find_element(By.ID, "unit-picker").send_keys("T01-A")
    browser.find_element(By.CSS_SELECTOR, "form.picker button").click()
    wait_for(browser, lambda d: d.current_url.endswith("/units/T01-A"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Đảng bộ xã An Bình"
    shot(browser, "03-unit-page")

    browser.get(base + "/tree")
    assert "Đảng bộ xã An Bình" in browser.find_element(By.ID, "unit-tree").text
    assert "T01-B" not in browser.page_source
    shot(browser, "04-tree")

    browser.get(base + "/units?q=thon")
    rows = browser.find_elements(By.CSS_SELECTOR, "#units-table tbody tr")
    assert rows and all("T01-A" in row.text for row in rows)
    shot(browser, "05-search-without-accents")

    # A dated rename through the restructuring page: preview, then apply.
    browser.get(base + "/units/T01-A-C2/restructure")
    form = browser.find_element(By.ID, "rename-form")
    form.find_element(By.NAME, "effective_on").send_keys("01/08/2025")
    form.find_element(By.NAME, "decision_no").send_keys("25-QĐ/ĐU")
    name = form.find_element(By.NAME, "name")
    name.clear()
    name.send_keys("Chi bộ thôn Hai Mới")
    form.find_element(By.CSS_SELECTOR, "button").click()
    wait_for(browser, lambda d: d.find_elements(By.ID, "restructure-preview"))
    assert browser.find_element(By.ID, "restructure-preview").is_displayed()
    shot(browser, "06-restructure-preview")
    browser.find_element(By.ID, "confirm-restructure").click()
    wait_for(browser, lambda d: "saved=1" in d.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Chi bộ thôn Hai Mới"
    assert "25-QĐ/ĐU" in browser.find_element(By.ID, "unit-events").text
    shot(browser, "07-after-rename")
    browser.get(base + "/units/T01-A-C2?as_of=2025-07-31")
    assert browser.find_element(By.TAG_NAME, "h1").text != "Chi bộ thôn Hai Mới"
    shot(browser, "08-as-of-before")

    # Find a member by typing the name without accents.
    browser.get(base + "/members")
    search = browser.find_element(By.ID, "q")
    search.send_keys("nguyen van tung")
    browser.find_element(By.CSS_SELECTOR, "#member-search button[type=submit]").click()
    wait_for(browser, lambda d: "q=nguyen" in d.current_url)
    rows = browser.find_elements(By.CSS_SELECTOR, "#members-table tbody tr")
    assert len(rows) == 1 and "Nguyễn Văn Tùng" in rows[0].text
    assert browser.find_element(By.ID, "q").get_attribute("value") == "nguyen van tung"  # '+' from the form is a space
    shot(browser, "08b-member-search")
    rows[0].find_element(By.TAG_NAME, "a").click()
    wait_for(browser, lambda d: "/members/" in d.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Nguyễn Văn Tùng"
    shot(browser, "08c-member-page")

    # Transfer the member to the other cell of the commune: a dated event with its decision.
    event = browser.find_element(By.ID, "event-form")
    Select(event.find_element(By.NAME, "kind")).select_by_value("transfer_within")
    event.find_element(By.NAME, "effective_on").send_keys("02/03/2026")
    event.find_element(By.NAME, "decision_no").send_keys("15-QĐ/ĐU")
    event.find_element(By.NAME, "to_unit").send_keys("T01-A-C2")
    event.find_element(By.CSS_SELECTOR, "button").click()
    wait_for(browser, lambda d: "event=1" in d.current_url)
    assert "Chi bộ thôn Hai" in browser.find_element(By.ID, "member-facts").text
    assert "15-QĐ/ĐU" in browser.find_element(By.ID, "member-events").text
    shot(browser, "08d-member-transferred")

    # A phone-sized window still shows the menu and the content.
    browser.set_window_size(390, 844)
    browser.get(base + "/units/T01-A")
    shot(browser, "09-phone")
    browser.set_window_size(1280, 900)

    browser.find_element(By.ID, "logout").click()
    wait_for(browser, lambda d: d.current_url.startswith(base + "/login"))
    browser.get(base + "/units")
    assert browser.current_url.startswith(base + "/login")
    shot(browser, "10-logged-out")
