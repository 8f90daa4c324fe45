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
