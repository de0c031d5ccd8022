"""Issue 6's browser journey: a commune's head records a cell's congress, opens the election of its secretary, enters the
paper count, sees the result with its reasons, approves it as the higher level, prints the minutes and sees the progress."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import browser_login
from test_browser import browser, shot, wait_for  # noqa: F401  (the fixture is shared)
from test_browser_admission import fill_date


def test_an_election_count_is_entered_and_its_result_seen_and_approved(server, browser):
    base = server.base
    browser_login(browser, base, "head-t01-a")

    # The menu leads to the congresses; the cell's congress of 2025–2030 is recorded.
    browser.find_element(By.CSS_SELECTOR, "nav.menu a[href='/congresses']").click()
    wait_for(browser, lambda d: d.find_elements(By.ID, "congress-table"))
    shot(browser, "congress-list")
    browser.get(base + "/congresses/T01-A-C1/2025-2030")
    form = browser.find_element(By.ID, "congress-form")
    fill_date(form, "held_on", "15/04/2025")
    form.find_element(By.ID, "direct_secretary").click()
    form.find_element(By.NAME, "delegates").send_keys("20")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda d: "saved=1" in d.current_url)
    assert "15/04/2025" in browser.find_element(By.ID, "congress-facts").text

    # The election of the secretary at the congress: two names for one seat.
    form = browser.find_element(By.ID, "election-create-form")
    Select(form.find_element(By.NAME, "body")).select_by_value("secretary")
    form.find_element(By.NAME, "seats").send_keys("1")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda d: d.find_elements(By.ID, "candidate-form"))
    for card in ["50000001", "50000002"]:
        form = browser.find_element(By.ID, "candidate-form")
        form.find_element(By.NAME, "member_number").send_keys(card)
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait_for(browser, lambda d, card=card: "saved=1" in d.current_url and card in d.find_element(By.ID, "election-candidates").text)
    assert "số dư: 1/1 (100,00%)" in browser.find_element(By.ID, "list-check").text
    shot(browser, "election-list")

    # The paper count of the first round.
    form = browser.find_element(By.ID, "count-form")
    for name, value in [("issued", "20"), ("returned", "20"), ("valid", "19"), ("invalid", "1")]:
        form.find_element(By.NAME, name).send_keys(value)
    votes = form.find_elements(By.CSS_SELECTOR, "#count-votes input")
    votes[0].send_keys("12")
    votes[1].send_keys("7")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda d: d.find_elements(By.ID, "round-1-result"))
    result = browser.find_element(By.ID, "round-1-result").text
    assert "Nguyễn Văn Tùng" in result and "Trúng cử" in result and "12/19 (63,15%) phiếu hợp lệ, quá 1/2." in result, result
    assert "7/19 (36,84%) phiếu hợp lệ, không quá 1/2." in result, result
    assert "Nguyễn Văn Tùng" in browser.find_element(By.ID, "elected-list").text
    browser.execute_script("document.getElementById('election-result').scrollIntoView()")
    shot(browser, "election-result")

    # The commune is the cell's higher level: its head approves; the secretary's post is written.
    form = browser.find_element(By.ID, "approve-election-form")
    form.find_element(By.NAME, "approval_no").send_keys("5-QĐ/ĐU")
    fill_date(form, "approved_on", "20/04/2025")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda d: "Đã chuẩn y" in d.find_element(By.ID, "election-status").text)
    assert "5-QĐ/ĐU" in browser.find_element(By.ID, "election-stage").text
    shot(browser, "election-approved")
    browser.find_element(By.CSS_SELECTOR, "#elected-list a").click()
    wait_for(browser, lambda d: d.find_elements(By.ID, "current-positions"))
    assert "Bí thư" in browser.find_element(By.TAG_NAME, "main").text

    # The printable minutes and the progress of the commune's congresses.
    browser.back()
    browser.find_element(By.ID, "minutes-link").click()
    wait_for(browser, lambda d: "BIÊN BẢN KIỂM PHIẾU" in d.find_element(By.TAG_NAME, "h1").text)
    assert "Nguyễn Văn Tùng" in browser.find_element(By.ID, "minutes-elected").text
    shot(browser, "election-minutes")
    browser.get(base + "/congresses/progress?unit=T01-A&date=31/12/2025")
    assert "bầu trực tiếp bí thư" in browser.find_element(By.ID, "progress-sentence").text
    assert re.search(r"\d+/\d+ \(\d+,\d\d%\)", browser.find_element(By.ID, "level-cell").text)
    shot(browser, "congress-progress")
