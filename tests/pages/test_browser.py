"""The pages in a real browser: Debian's chromium, headless, driven by Selenium through
Debian's chromium-driver (`.ci/run` installs both where missing). The roster report of
examples/roster opens without a console error, shows the five planted problems where they
belong, has one heatmap cell per day and hour of service, and works from the keyboard; the
policy page opens clean too. Each page's screenshot is written (to FLEXRULES_SCREENSHOTS when
set: docs/images is refreshed that way).

Without chromium the tests are skipped, except in CI (`CI=true`), where they fail."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from flexrules import cli

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ROSTER = ROOT / "examples" / "roster"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
EXAMPLE = [
    str(ROOT / "examples" / "disdukcapil.rules"),
    "--employees",
    str(ROSTER / "employees.csv"),
    "--shifts",
    str(ROSTER / "shifts.csv"),
    "--absences",
    str(ROSTER / "leave.csv"),
    "--period",
    "2025-07-01",
    "2025-07-31",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if BROWSER is None or DRIVER is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs chromium and chromium-driver (.ci/run installs them)")
        pytest.skip("no chromium or chromedriver here (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = BROWSER
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--hide-scrollbars",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("FLEXRULES_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _open(driver: Any, page: Path) -> list[dict[str, Any]]:
    """Open a page and return what it wrote to the console at warning level or above."""
    driver.get_log("browser")  # forget what came before
    driver.get(page.as_uri())
    driver.execute_script("return document.readyState")
    return [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def _screenshot(driver: Any, path: Path, css: str | None = None) -> None:
    """The top of the page, or the element `css` selects (at most 2,400 pixels high)."""
    from selenium.webdriver.common.by import By

    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1400, min(int(height) + 20, 2400))
    if css is None:
        driver.save_screenshot(str(path))
    else:
        driver.find_element(By.CSS_SELECTOR, css).screenshot(str(path))
    driver.set_window_size(1400, 1000)
    assert path.stat().st_size > 10_000


@pytest.fixture(scope="module")
def roster_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pages") / "roster.html"
    assert cli.main(["roster", *EXAMPLE, "--html", str(out)]) == 0
    return out


PLANTED = [
    ["2025-07-10", "R10", ""],
    ["2025-07-16", "R2", "Dimas Pratama (P-207)"],
    ["2025-07-16", "R8", "Irwan Setiawan (P-403)"],
    ["2025-07-18", "R11", ""],
    ["2025-07-22", "R9", "Arif Rahman (P-205)"],
]


def test_the_roster_report_in_chromium(browser: Any, roster_file: Path, tmp_path: Path) -> None:
    assert _open(browser, roster_file) == []
    found = browser.execute_script(
        """return Array.from(document.querySelectorAll('li.problem-item')).map(li => [
            li.closest('article').dataset.day, li.dataset.rule,
            (li.querySelector('p.who') || {textContent: ''}).textContent]);"""
    )
    assert sorted(found) == PLANTED
    marked = browser.execute_script(
        """return Array.from(document.querySelectorAll('section.unit td.day.problem')).map(td =>
            td.closest('section').querySelector('h2').textContent + ' ' + td.dataset.day);"""
    )
    assert sorted(marked) == [
        "unit civil registry 2025-07-10",
        "unit civil registry 2025-07-16",
        "unit civil registry 2025-07-22",
        "unit finance 2025-07-16",
        "unit registration 2025-07-10",
        "unit secretariat 2025-07-18",
    ]
    # one heatmap cell per day and hour of service hours, drawn where the layout puts it
    cells = browser.execute_script(
        """const unit = document.querySelector('section.coverage');
           return Array.from(unit.querySelectorAll('td.day')).map(td => [td.dataset.day,
              Array.from(td.querySelectorAll('rect.hour')).filter(r =>
                  r.getBoundingClientRect().width > 0).length]);"""
    )
    import datetime as dt

    for day, count in cells:
        weekday = dt.date.fromisoformat(day).weekday()
        assert count == (7, 7, 7, 7, 4, 0, 0)[weekday], day
    shots = _shots(tmp_path)
    _screenshot(browser, shots / "roster.png", "#summary")
    _screenshot(browser, shots / "roster-coverage.png", "section.coverage")
    _screenshot(browser, shots / "roster-unit.png", "section.unit")
    _screenshot(browser, shots / "roster-day.png", "#day-2025-07-16")


def test_the_roster_report_prints_on_a4_landscape(browser: Any, roster_file: Path) -> None:
    """Printed as the page asks (`@page { size: A4 landscape }`): 297 x 210 mm pages."""
    import base64
    import re

    _open(browser, roster_file)
    printed = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
    pdf = base64.b64decode(printed["data"])
    boxes = set(re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf))
    assert len(boxes) == 1
    width, height = (float(x) for x in boxes.pop().split()[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (297, 210)


def test_the_roster_report_works_from_the_keyboard(browser: Any, roster_file: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _open(browser, roster_file)
    ActionChains(browser).send_keys(Keys.TAB).perform()
    assert browser.switch_to.active_element.get_attribute("class") == "skip"
    first = browser.find_element(By.CSS_SELECTOR, "section.unit table.calendar a.day-link")
    first.send_keys(Keys.ARROW_RIGHT)  # 1 July -> 2 July
    assert browser.switch_to.active_element.get_attribute("href").endswith("#day-2025-07-02")
    ActionChains(browser).send_keys(Keys.ARROW_DOWN).perform()  # a week later
    active = browser.switch_to.active_element
    assert active.get_attribute("href").endswith("#day-2025-07-09")
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    assert browser.execute_script("return location.hash") == "#day-2025-07-09"
    assert browser.switch_to.active_element.get_attribute("id") == "day-2025-07-09"


def test_the_policy_page_in_chromium(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "policy.html"
    policy = str(ROOT / "examples" / "disdukcapil.rules")
    assert cli.main(["show", policy, "--html", str(out), "--year", "2025"]) == 0
    assert _open(browser, out) == []
    rules = browser.execute_script(
        "return Array.from(document.querySelectorAll('tr[data-rule]')).map(r => r.dataset.rule)"
    )
    assert len(rules) == 13 and "R10" in rules
    bars = browser.execute_script(
        """return document.querySelectorAll('figure[data-hours="service hours"] rect.span')
            .length"""
    )
    assert bars == 5
    _screenshot(browser, _shots(tmp_path) / "policy.png")
    _screenshot(browser, _shots(tmp_path) / "policy-hours.png", "#hours")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`flexrules serve examples/disdukcapil.rules` on a loopback port: its address."""
    pytest.importorskip("starlette")
    import re
    import subprocess
    import sys
    import threading

    log = tmp_path_factory.mktemp("serve") / "decisions.jsonl"
    policy = str(ROOT / "examples" / "disdukcapil.rules")
    command = [sys.executable, "-m", "flexrules", "serve", policy, "--port", "0", "--log", str(log)]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, encoding="utf-8"
    )
    found: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            address = re.search(r"serving .* at (http://127\.0\.0\.1:\d+)", line)
            if address:
                found.append(address.group(1))
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if not ready.wait(60):
            pytest.fail("flexrules serve did not start")
        yield found[0]
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
        reader.join(10)
        if process.stderr is not None:
            process.stderr.close()


def test_the_services_decide_form_round_trips_a_shift(
    browser: Any, server: str, tmp_path: Path
) -> None:
    """Filled in and sent from chromium, the form shows the explanation `flexrules decide`
    prints for the same employee and shift."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    import flexrules

    browser.get_log("browser")
    browser.get(server + "/ui/")
    browser.find_element(By.LINK_TEXT, "Decide a shift").click()
    wait = WebDriverWait(browser, 30)
    wait.until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "form.decide"))
    assert browser.current_url.startswith(server + "/ui/decide")
    fields = {"id": "E-042", "name": "Sari", "employee.role": "service desk"}
    for name, value in fields.items():
        browser.find_element(By.ID, name).send_keys(value)
    choices = {
        "employee.job type": "public service",
        "employee.performance": "good",
        "employee.on probation": "no",
        "employee.under sanction": "no",
        "location": "home",
    }
    for name, value in choices.items():
        Select(browser.find_element(By.ID, name)).select_by_value(value)
    for name, value in (("start", "2025-07-07T14:00"), ("end", "2025-07-07T17:00")):
        element = browser.find_element(By.ID, name)
        browser.execute_script("arguments[0].value = arguments[1]", element, value)
    browser.find_element(By.CSS_SELECTOR, "form.decide button[type=submit]").click()
    wait.until(lambda driver: driver.find_elements(By.ID, "explanation"))
    shown = browser.find_element(By.ID, "explanation").text
    employee = {
        "id": "E-042",
        "name": "Sari",
        "role": "service desk",
        "job type": "public service",
        "performance": "good",
        "on probation": False,
        "under sanction": False,
    }
    shift = {"start": "2025-07-07T14:00", "end": "2025-07-07T17:00", "location": "home"}
    policy = flexrules.load_policy(ROOT / "examples" / "disdukcapil.rules")
    decision = policy.decide(employee, shift)
    expected = decision.explain() + "\n" + decision.explain_alternatives()  # denied: why not
    assert shown == expected.rstrip("\n") and shown.startswith("DENIED")
    problems = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert problems == [], problems
    _screenshot(browser, _shots(tmp_path) / "ui-decide.png")
