"""Browser journey (headless Chromium): a clerk uploads a member's photo and merges a likely duplicate found by the
data check. Screenshots go to TOCHUC_TEST_SCREENSHOTS; look at them."""
import struct
import zlib

from selenium.webdriver.common.by import By

from conftest import login, page_csrf, browser_login
from test_browser import browser, shot, wait_for  # noqa: F401 (the fixture is used by name)


def portrait_png(width=60, height=80):
    """A small real PNG (a grey figure on a blue ground), so that the screenshot shows a picture."""
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            inside = (x - width / 2) ** 2 / 400 + (y - 30) ** 2 / 300 < 1 or (y > 50 and abs(x - width / 2) < 22)
            row += bytes([120, 120, 120]) if inside else bytes([40, 90, 160])
        rows.append(bytes(row))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b"")


def test_photo_upload_and_merge_of_a_duplicate_in_the_browser(server, browser, workdir):  # noqa: F811
    base = server.base
    api = login(base, "clerk-t01-a")
    csrf = page_csrf(api, base)
    person = {"full_name": "Vi Văn Kép", "gender": "male", "birth_date": "1983-08-08", "unit_code": "T01-A-C1"}
    keep = api.post(base + "/api/v1/members", headers={"X-CSRF-Token": csrf}, json={
        **person, "status": "full", "card_no": "50000030", "admitted_on": "2008-05-19", "recognized_on": "2009-05-19"}).json()
    dupe = api.post(base + "/api/v1/members", headers={"X-CSRF-Token": csrf}, json={
        **person, "status": "probationary", "admitted_on": "2026-01-10", "phone": "0913000444", "address": "Bản Kép"}).json()

    browser_login(browser, base, "clerk-t01-a")

    picture = workdir / "chan-dung.png"
    picture.write_bytes(portrait_png())
    browser.get(base + f"/members/{keep['id']}")
    browser.find_element(By.ID, "photo").send_keys(str(picture))
    browser.find_element(By.CSS_SELECTOR, "#photo-form button[type=submit]").click()
    wait_for(browser, lambda d: "photo=saved" in d.current_url)
    image = browser.find_element(By.ID, "member-photo")
    assert browser.execute_script("return arguments[0].naturalWidth", image) == 60
    shot(browser, "21-member-photo")

    browser.get(base + "/members/check")
    link = browser.find_element(By.CSS_SELECTOR, f"a[href='/members/merge?keep={keep['id']}&duplicate={dupe['id']}']")
    shot(browser, "22-data-check")
    link.click()
    wait_for(browser, lambda d: "/members/merge?" in d.current_url)
    assert "0913000444" in browser.find_element(By.ID, "merge-table").text
    shot(browser, "23-merge-preview")
    browser.find_element(By.ID, "merge").click()
    wait_for(browser, lambda d: "merged=1" in d.current_url)
    assert "0913000444" in browser.find_element(By.ID, "member-facts").text
    shot(browser, "24-merged")
    assert api.get(base + f"/api/v1/members/{dupe['id']}").status_code == 404
