"""Accessibility of the main pages in headless Chromium (issue 9): labels, alt texts, one h1, lang="vi", keyboard reach,
and the contrast of the stylesheet's colours (WCAG 2.1 AA: 4.5:1 for text)."""
import re
import uuid
from urllib.parse import urlparse

import requests
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PASSWORD, TOTP_SECRETS, base32_secret, browser_login, next_code, run_cli
from test_browser import browser, shot  # noqa: F401  (the fixture is shared)
from test_browser_chooser import make_browser

# Run in the page: the problems of the rules a machine can check.
AUDIT_JS = r"""
const problems = [];
const name = el => el.outerHTML.slice(0, 120);
if (document.documentElement.lang !== 'vi') problems.push('html lang is ' + document.documentElement.lang);
const h1s = document.querySelectorAll('h1');
if (h1s.length !== 1) problems.push(h1s.length + ' h1 elements');
for (const el of document.querySelectorAll('input, select, textarea')) {
  const type = (el.getAttribute('type') || '').toLowerCase();
  if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
  const labelled = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')
    || el.getAttribute('title');
  if (!labelled) problems.push('control without a label: ' + name(el));
}
for (const img of document.querySelectorAll('img')) {
  if (!img.hasAttribute('alt')) problems.push('image without alt: ' + name(img));
}
for (const svg of document.querySelectorAll('svg[role=img]')) {
  if (!svg.getAttribute('aria-label') && !svg.querySelector('title')) problems.push('chart without a name: ' + name(svg));
}
for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary')) {
  if (el.getAttribute('tabindex') !== null && Number(el.getAttribute('tabindex')) < 0) problems.push('out of the tab order: ' + name(el));
}
for (const el of document.querySelectorAll('[onclick]:not(a):not(button)')) problems.push('click handler on a non-control: ' + name(el));
for (const button of document.querySelectorAll('button')) {
  if (!button.textContent.trim() && !button.getAttribute('aria-label')) problems.push('button without a name: ' + name(button));
}
return problems;
"""


def audit(browser, url):
    browser.get(url)
    return [f"{url}: {p}" for p in browser.execute_script(AUDIT_JS)]


def tab_reaches(browser, selector, limit=250, start=None):
    """Pressing Tab from the top of the page (or from the element `start`) reaches the element (no mouse needed)."""
    target = browser.find_element(By.CSS_SELECTOR, selector)
    browser.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    if start:
        browser.execute_script("arguments[0].focus();", browser.find_element(By.CSS_SELECTOR, start))
    else:
        browser.find_element(By.TAG_NAME, "body").click()
    for _ in range(limit):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.switch_to.active_element == target:
            return True
    return False


def menu_pages(browser, base):
    browser.get(base + "/")
    return [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "nav.menu a[href]")]


def test_the_login_page_and_the_second_step_are_accessible(server, browser):
    base = server.base
    browser.delete_all_cookies()
    problems = audit(browser, base + "/login")
    assert tab_reaches(browser, "#login-form button[type=submit]")
    # A new head: the enrolment page on the first log-in, the code step on the next one.
    username = f"head-a11y-{uuid.uuid4().hex[:6]}"
    run_cli("user", "add", "--username", username, "--password", PASSWORD, "--role", "head", "--unit", "T01-A", db=server.db)
    for step in ("two-factor", "code"):
        browser.delete_all_cookies()
        browser.get(base + "/login")
        browser.find_element(By.ID, "username").send_keys(username)
        browser.find_element(By.ID, "password").send_keys(PASSWORD)
        browser.find_element(By.CSS_SELECTOR, "#login-form button[type=submit]").click()
        form = "#two-factor-form" if step == "two-factor" else "#code-form"
        WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, form))
        problems += [f"{browser.current_url}: {p}" for p in browser.execute_script(AUDIT_JS)]
        shot(browser, f"a11y-login-{step}")
        assert tab_reaches(browser, form + " button[type=submit]"), f"Tab never reaches the submit of {form}"
        if step == "two-factor":
            secret = browser.find_element(By.CSS_SELECTOR, "#two-factor-form input[name=secret]").get_attribute("value")
            TOTP_SECRETS[(base, username)] = base32_secret(secret)
            browser.find_element(By.ID, "code").send_keys(next_code(base, username))
            browser.find_element(By.CSS_SELECTOR, "#two-factor-form button[type=submit]").click()
            WebDriverWait(browser, 10).until(lambda d: urlparse(d.current_url).path == "/account")
    assert not problems, "\n".join(problems)


def test_the_main_pages_of_a_clerk_are_accessible(server, browser):
    base = server.base
    browser_login(browser, base, "clerk-t01-a")
    pages = menu_pages(browser, base)
    assert len(pages) >= 5
    pages += [base + p for p in ["/units/T01-A", "/units/T01-A/edit", "/members/new", "/account", "/account/tokens",
                                 "/account/two-factor", "/tree?root=T01-A"]]
    problems = []
    for url in pages:
        problems += audit(browser, url)
    shot(browser, "a11y-last-page")
    assert not problems, "\n".join(problems)
    # The main form's submit is reached with the keyboard alone.
    for url, submit in [(base + "/units/T01-A/edit", "#unit-form button[type=submit]"),
                        (base + "/account", "#password-form button[type=submit]"),
                        (base + "/account/two-factor", "#two-factor-form button[type=submit]")]:
        browser.get(url)
        assert tab_reaches(browser, submit), f"Tab never reaches {submit} on {url}"


def test_the_administration_pages_are_accessible(server):
    # A browser of its own: after the clerk's pages in the shared one, the administrator's log-in form did not submit
    # (the top bar's unit chooser came in with issue 8; not understood yet, noted on issue 9).
    browser = make_browser(javascript=True)
    try:
        base = server.base
        browser_login(browser, base, "admin-t01-a")
        problems = []
        for path in ["/admin/users", "/audit", "/account"]:
            problems += audit(browser, base + path)
        assert not problems, "\n".join(problems)
        browser.get(base + "/admin/users")
        # The list above the form grows with every account the suite adds (3 buttons each): Tab from the list's end.
        last_action = "#users-table tbody tr:last-child button, #users-table tbody tr:last-child a"
        assert tab_reaches(browser, "#user-form button[type=submit]", start=last_action)
        # A commune's administrator runs its accounts, not the servers: no database page.
        assert "/admin/database" not in browser.page_source
        assert requests.get(base + "/admin/database", cookies={c["name"]: c["value"] for c in browser.get_cookies()},
                            timeout=30).status_code == 403
    finally:
        browser.quit()


def test_the_database_page_shows_the_engine_to_the_root_administrator(server):
    # Issue 10: the engine and, without --read-replica, that every read goes to the primary.
    browser = make_browser(javascript=True)
    try:
        base = server.base
        run_cli("user", "add", "--username", "admin-tw", "--password", PASSWORD, "--role", "admin", "--unit", "TW",
                "--name", "Quản trị cấp gốc", db=server.db, check=False)  # check=False: a rerun finds it there
        browser_login(browser, base, "admin-tw")
        problems = audit(browser, base + "/admin/database")
        assert not problems, "\n".join(problems)
        browser.get(base + "/admin/database")
        facts = browser.find_element(By.ID, "database-facts").text
        assert "SQLite" in facts or "PostgreSQL" in facts, facts
        assert browser.find_element(By.ID, "no-replicas").text
        shot(browser, "admin-database")
    finally:
        browser.quit()


# MARK: - Contrast, computed from the stylesheet


def relative_luminance(colour):
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted([relative_luminance(a), relative_luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def css_rules(css):
    """(selector, {property: colour}) for every rule, with var(--x) resolved from :root."""
    variables = dict(re.findall(r"--([a-z-]+)\s*:\s*(#[0-9a-fA-F]{3,6})", css))
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        props = {}
        for prop, value in re.findall(r"(?:^|;)\s*(color|background|background-color)\s*:\s*([^;]+)", body):
            value = value.strip()
            value = re.sub(r"var\(--([a-z-]+)\)", lambda m: variables.get(m.group(1), ""), value)
            match = re.match(r"(#[0-9a-fA-F]{3,6})\b", value)
            if match:
                props["background" if prop.startswith("background") else "color"] = match.group(1)
        if props:
            rules.append((selector.strip(), props))
    return rules, variables


def test_text_colours_contrast_4_5_to_1_with_their_backgrounds(server):
    css = requests.get(server.base + "/static/app.css").text
    css = re.sub(r"@media print\s*\{.*?\}\s*\}", "", css, flags=re.S)  # paper is black on white
    rules, variables = css_rules(css)
    surfaces = {variables["bg"], "#fff"} | {p["background"] for _, p in rules if "color" not in p}
    failures = []
    for selector, props in rules:
        if "color" in props and "background" in props:
            pairs = [(props["color"], props["background"])]
        elif "color" in props and props["color"].lower() not in ("#fff", "#ffffff"):
            pairs = [(props["color"], surface) for surface in surfaces]
        else:
            continue
        for text, back in pairs:
            ratio = contrast(text, back)
            if ratio < 4.5:
                failures.append(f"{selector}: {text} on {back} = {ratio:.2f}:1")
    assert len(rules) >= 10
    assert not failures, "\n".join(failures)
