"""`summarizer view` in a real headless browser: Debian's chromium, driven by selenium through
chromium-driver.

Each test starts the command itself on a free loopback port, with the core suite's recorded run (or a brief or
story made from it), and checks what a reader would: a click on a figure marks exactly its evidence in the
article, a run lists its worst case first, article text with markup in it shows as text. The brief view's
screenshot is saved to artifacts/view-brief.png for CI to keep.
"""

from __future__ import annotations

import json
import re
import selectors
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from summarizer.articles import Article

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = ROOT / "artifacts"

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and DRIVER.exists()),
    reason="Debian's chromium and chromium-driver are not installed "
    "(apt-get install -y chromium chromium-driver; .ci/run installs them)",
)

# Where the mark sits: the code points before it, counted as the server counts span offsets.
MARK_OFFSET = """
const marks = document.querySelectorAll('#article mark');
let offset = 0;
for (const node of document.getElementById('article').childNodes) {
  if (node === marks[0]) break;
  offset += Array.from(node.textContent).length;
}
return {offset: offset, marks: Array.from(marks, (m) => m.textContent),
        text: document.getElementById('article').textContent};
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    pytest.importorskip("selenium", reason="selenium is in the dev extra: pip install -e '.[dev]'")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tmp_path_factory.mktemp("chromium-profile")
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@contextmanager
def view(*args: str) -> Iterator[str]:
    """`summarizer view ARGS --port 0` as a user runs it; yields the URL it prints."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarizer", "view", *args, "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        selector = selectors.DefaultSelector()
        selector.register(proc.stdout, selectors.EVENT_READ)
        line = proc.stdout.readline() if selector.select(timeout=60) else ""
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert match, f"no URL printed: {line!r} {proc.stderr.read() if proc.poll() is not None else ''}"
        yield match.group(0)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def _open(driver: Any, url: str, ready: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url)
    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, f"body[data-ready='{ready}']"))


def _click(driver: Any, selector: str) -> Any:
    from selenium.webdriver.common.by import By

    element = driver.find_element(By.CSS_SELECTOR, selector)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()
    return element


def _assert_marked(driver: Any, article: str, span: list[int]) -> None:
    shown = driver.execute_script(MARK_OFFSET)
    assert shown["text"] == article  # the article is whole, as text
    assert shown["marks"] == [article[span[0] : span[1]]]
    assert shown["offset"] == span[0]


def test_clicking_a_figure_marks_its_evidence_and_the_brief_view_is_kept_as_a_screenshot(
    browser: Any, brief_files: tuple[Path, Path], seed_case: dict[str, Any]
) -> None:
    brief, article = seed_case["brief"], seed_case["article"]
    with view(str(brief_files[0]), "--article", str(brief_files[1])) as url:
        _open(browser, url, "brief")
        for index in (len(brief["figures"]) - 1, 1):
            row = _click(browser, f"tr[data-kind='figure'][data-index='{index}']")
            assert "selected" in row.get_attribute("class")
            _assert_marked(browser, article, brief["figures"][index]["span"])
            assert browser.execute_script(MARK_OFFSET)["marks"] == [brief["figures"][index]["evidence"]]
        _screenshot(browser, brief, article)
        _click(browser, "[data-kind='claim'][data-index='0']")
        _assert_marked(browser, article, brief["claims"][0]["span"])
        person = brief["who"][0]
        _click(browser, "li[data-kind='who'][data-index='0']")
        marks = browser.execute_script(MARK_OFFSET)["marks"]
        names = {n.lower() for n in [person["name"], *person["aliases"]]}
        assert marks and all(m.lower() in names for m in marks)
    assert (ARTIFACTS / "view-brief.png").stat().st_size > 10_000


def test_article_and_model_text_with_markup_shows_as_text(
    browser: Any, seed_case: dict[str, Any], tmp_path: Path
) -> None:
    prefix = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> 🙂 '
    article = prefix + seed_case["article"]
    brief = json.loads(json.dumps(seed_case["brief"]))
    shift = len(prefix)
    for item in brief["figures"] + brief["claims"]:
        item["span"] = [item["span"][0] + shift, item["span"][1] + shift]
    brief["headline"] = "<b>bold</b><script>window.__pwned = 3</script>"
    brief["meta"]["article_sha256"] = Article(article).sha256
    (tmp_path / "brief.json").write_text(json.dumps(brief), encoding="utf-8")
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    with view(str(tmp_path / "brief.json"), "--article", str(tmp_path / "article.txt")) as url:
        _open(browser, url, "brief")
        time.sleep(0.5)  # give an injected handler the time it would need
        assert browser.execute_script("return window.__pwned === undefined")
        headline = browser.execute_script(
            "const h = document.querySelector('h1.headline'); return [h.textContent, h.children.length];"
        )
        assert headline == [brief["headline"], 0]
        assert (
            browser.execute_script("return document.querySelectorAll('#article img, #article script').length")
            == 0
        )
        _click(browser, "tr[data-kind='figure'][data-index='0']")
        _assert_marked(browser, article, brief["figures"][0]["span"])  # the emoji shifts nothing


def _screenshot(driver: Any, brief: dict[str, Any], article: str) -> None:
    """The brief view, tall enough to show the headline through the figures, one figure's evidence marked; the
    pointer stays on the clicked row, so no hover elsewhere changes the mark."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    driver.set_window_size(1400, 1700)
    driver.execute_script("window.scrollTo(0, 0);")
    index = next(i for i, f in enumerate(brief["figures"]) if f["source"])
    row = driver.find_element(By.CSS_SELECTOR, f"tr[data-kind='figure'][data-index='{index}']")
    ActionChains(driver).move_to_element(row).click().perform()
    _assert_marked(driver, article, brief["figures"][index]["span"])
    ARTIFACTS.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(ARTIFACTS / "view-brief.png"))
    driver.set_window_size(1400, 1000)


def _mean(case: dict[str, Any]) -> float:
    values = [
        v
        for field in case["scores"].values()
        for v in (field.values() if isinstance(field, dict) else [field])
        if v is not None
    ]
    return sum(values) / len(values)


def test_a_run_opens_worst_case_first_and_a_case_shows_hits_misses_and_evidence(
    browser: Any, recorded_run: Path, run_data: dict[str, Any]
) -> None:
    from selenium.webdriver.common.by import By

    worst = min(run_data["per_case"], key=lambda c: (_mean(c), c["id"]))
    with view(str(recorded_run)) as url:
        _open(browser, url, "run")
        rows = browser.find_elements(By.CSS_SELECTOR, "#cases tr")
        assert len(rows) == 25 and rows[0].get_attribute("data-case") == worst["id"]
        rows[0].find_element(By.TAG_NAME, "a").click()
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(browser, 30).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "body[data-ready='case']")
        )
        assert worst["id"] in browser.find_element(By.TAG_NAME, "h1").text
        misses = [
            e.get_attribute("textContent") for e in browser.find_elements(By.CSS_SELECTOR, ".marks.miss li")
        ]
        expected = [m for d in worst["details"].values() for m in d["misses"]]
        assert misses == [f"✗ {m}" for m in expected]
        hits = browser.find_elements(By.CSS_SELECTOR, ".marks.hit li")
        assert len(hits) == sum(len(d["hits"]) for d in worst["details"].values())
        if worst["brief"]["figures"]:
            _click(browser, "tr[data-kind='figure'][data-index='0']")
            _assert_marked(browser, worst["article"], worst["brief"]["figures"][0]["span"])


def test_two_runs_compared_put_the_biggest_drop_first(
    browser: Any, recorded_run: Path, run_data: dict[str, Any], tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    worse = json.loads(json.dumps(run_data))
    target = max(worse["per_case"], key=_mean)
    for field in ("who", "where", "figures", "claims"):
        target["scores"][field] = {k: 0.0 for k in target["scores"][field]}
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "run.json").write_text(json.dumps(worse), encoding="utf-8")
    with view(str(recorded_run), "--compare", str(tmp_path / "b")) as url:
        _open(browser, url, "compare")
        rows = browser.find_elements(By.CSS_SELECTOR, "#cases tr")
        assert rows[0].get_attribute("data-case") == target["id"]
        assert "down" in rows[0].find_elements(By.TAG_NAME, "td")[3].get_attribute("class")
        cells = browser.find_elements(By.CSS_SELECTOR, "tr[data-field='who.f1'] td")
        assert [c.text for c in cells[-3:]] == ["0", "1", "24"] and "down" in cells[-2].get_attribute("class")


def test_a_story_shows_reports_by_date_and_a_click_opens_the_evidence_in_its_article(
    browser: Any, story_files: tuple[Path, list[Path]]
) -> None:
    from selenium.webdriver.common.by import By

    story_path, files = story_files
    story = json.loads(story_path.read_text(encoding="utf-8"))
    args = [str(story_path)] + [x for f in files for x in ("--article", str(f))]
    with view(*args) as url:
        _open(browser, url, "story")
        rows = browser.find_elements(By.CSS_SELECTOR, "tr[data-kind='report']")
        assert [r.find_element(By.TAG_NAME, "td").text for r in rows] == ["2020-01-01", "2020-01-02"]
        _click(browser, "tr[data-kind='report'][data-index='0']")
        first = next(r for r in story["figures"][0]["reports"] if r["article"] == "a1")
        text = files[1].read_text(encoding="utf-8")
        _assert_marked(browser, text, first["span"])
        assert "Outlet 1" in browser.find_element(By.CSS_SELECTOR, ".article-title").text
