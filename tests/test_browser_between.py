"""Issue 7's browser journey between levels: a commune clerk registers a document (after the parser's message), sends a
proposal with a file up to the province, the province answers it from its inbox, the commune follows a focus task."""
import datetime
import random
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import PASSWORD, run_cli, browser_login
from test_browser import browser, shot, wait_for  # noqa: F401  (the fixture is shared)
from test_browser_admission import fill_date


def log_in(browser, base, username):
    browser_login(browser, base, username)


def test_a_document_a_proposal_answered_up_the_tree_and_a_focus_task(server, browser, workdir):
    base = server.base
    year = datetime.date.today().year
    log_in(browser, base, "clerk-t01-a")

    # The menu's "Văn bản" opens the registry; a malformed number gets the parser's message beside it.
    browser.get(base + "/units/T01-A")
    browser.find_element(By.CSS_SELECTOR, "nav.menu a[href='/documents']").click()
    wait_for(browser, lambda d: d.find_elements(By.ID, "document-form"))
    number = str(random.randint(100, 99999))
    form = browser.find_element(By.ID, "document-form")
    form.find_element(By.NAME, "number").send_keys(number + "-QĐ")
    fill_date(form, "issued_on", "01/03/" + str(year))
    form.find_element(By.NAME, "title").send_keys("Quy định về sinh hoạt chi bộ")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda d: d.find_elements(By.ID, "number-error"))
    assert "phải có dạng số-loại/cơ quan ban hành" in browser.find_element(By.ID, "number-error").text
    shot(browser, "document-number-refused")
    field = browser.find_element(By.ID, "number")
    field.clear()
    field.send_keys(number + "-QD/DU")
    browser.find_element(By.CSS_SELECTOR, "#document-form button[type=submit]").click()
    wait_for(browser, lambda d: "created=1" in d.current_url)
    assert browser.find_element(By.ID, "document-number").text == number + "-QĐ/ĐU"
    assert "Đảng ủy" in browser.find_element(By.ID, "document-issuer").text
    first_url = browser.current_url.split("?")[0]
    # A later regulation replaces it: the chain shows on both pages.
    browser.get(base + "/documents")
    form = browser.find_element(By.ID, "document-form")
    later = str(int(number) + 1)
    form.find_element(By.NAME, "number").send_keys(later + "-QĐ/ĐU")
    fill_date(form, "issued_on", "15/06/" + str(year))
    form.find_element(By.NAME, "title").send_keys("Quy định về sinh hoạt chi bộ (sửa đổi)")
    form.find_element(By.NAME, "replaces").send_keys(number + "-QĐ/ĐU")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda d: "created=1" in d.current_url)
    assert number + "-QĐ/ĐU" in browser.find_element(By.ID, "replaces").text
    shot(browser, "document-page")
    browser.get(first_url)
    assert later + "-QĐ/ĐU" in browser.find_element(By.ID, "replaced-by").text
    assert "Đã bị thay thế" in browser.find_element(By.ID, "document-state").text

    # A proposal to the province, with a scanned letter.
    browser.find_element(By.CSS_SELECTOR, "nav.menu a[href='/documents']").click()
    browser.find_element(By.CSS_SELECTOR, "a[href='/proposals']").click()
    wait_for(browser, lambda d: d.find_elements(By.ID, "proposal-form"))
    letter = workdir / "to-trinh.pdf"
    letter.write_bytes(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")
    subject = "Xin ý kiến về kiện toàn cấp ủy " + uuid.uuid4().hex[:4]
    form = browser.find_element(By.ID, "proposal-form")
    Select(form.find_element(By.NAME, "kind")).select_by_value("recommendation")
    form.find_element(By.NAME, "subject").send_keys(subject)
    form.find_element(By.NAME, "text").send_keys("Đề nghị Ban Tổ chức Tỉnh ủy cho ý kiến về việc kiện toàn cấp ủy xã.")
    form.find_element(By.NAME, "file").send_keys(str(letter))
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda d: "created=1" in d.current_url)
    proposal_url = browser.current_url.split("?")[0]
    assert "to-trinh.pdf" in browser.find_element(By.ID, "files-table").text
    assert "Chờ xử lý" in browser.find_element(By.ID, "proposal-status").text
    shot(browser, "proposal-sent")

    # The province's clerk finds it in the inbox and answers it.
    name = "clerk-t01-" + uuid.uuid4().hex[:6]
    run_cli("user", "add", "--username", name, "--password", PASSWORD, "--role", "clerk", "--unit", "T01", "--name", "Chuyên viên Tỉnh ủy",
            db=server.db)
    log_in(browser, base, name)
    browser.get(base + "/proposals")
    wait_for(browser, lambda d: d.find_elements(By.ID, "proposals"))
    assert subject in browser.find_element(By.ID, "proposals").text
    shot(browser, "proposal-inbox")
    browser.find_element(By.LINK_TEXT, subject).click()
    wait_for(browser, lambda d: d.find_elements(By.ID, "proposal-answer-form"))
    browser.find_element(By.ID, "handler").send_keys("Nguyễn Thị Hà")
    browser.find_element(By.CSS_SELECTOR, "#proposal-assign-form button").click()
    wait_for(browser, lambda d: "saved=1" in d.current_url)
    assert "Đang xử lý" in browser.find_element(By.ID, "proposal-status").text
    browser.find_element(By.ID, "answer").send_keys("Đồng ý; thực hiện theo Hướng dẫn của Ban Tổ chức Tỉnh ủy.")
    browser.find_element(By.CSS_SELECTOR, "#proposal-answer-form button").click()
    wait_for(browser, lambda d: "Đã trả lời" in d.find_element(By.ID, "proposal-status").text)
    shot(browser, "proposal-answered")

    # Back at the commune: the answer is there; a focus task implementing the document, with its progress.
    log_in(browser, base, "clerk-t01-a")
    browser.get(proposal_url)
    assert "Đồng ý; thực hiện theo" in browser.find_element(By.ID, "proposal-answer").text
    browser.get(base + "/tasks")
    form = browser.find_element(By.ID, "task-form")
    form.find_element(By.NAME, "title").send_keys("Kiện toàn cấp ủy chi bộ " + uuid.uuid4().hex[:4])
    form.find_element(By.NAME, "document").send_keys(number + "-QĐ/ĐU")
    form.find_element(By.NAME, "owner").send_keys("Phó Bí thư Đảng ủy")
    fill_date(form, "assigned_on", "02/03/" + str(year))
    fill_date(form, "deadline", "30/12/" + str(year))
    form.find_element(By.NAME, "focus_year").send_keys(str(year))
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(browser, lambda d: "created=1" in d.current_url)
    browser.find_element(By.ID, "note").send_keys("Đã kiện toàn 3 chi bộ")
    progress = browser.find_element(By.ID, "progress")
    progress.clear()
    progress.send_keys("45")
    browser.find_element(By.CSS_SELECTOR, "#task-note-form button").click()
    wait_for(browser, lambda d: "saved=1" in d.current_url)
    assert "Đang thực hiện" in browser.find_element(By.ID, "task-status").text
    shot(browser, "task-page")
    browser.get(base + f"/tasks/focus?year={year}")
    wait_for(browser, lambda d: d.find_elements(By.ID, "focus-chart"))
    assert "45%" in browser.find_element(By.ID, "focus-tasks").text
    shot(browser, "focus-list")
