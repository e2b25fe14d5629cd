"""The HTML page in a real browser: Debian's chromium, driven by Playwright.

Without chromium this skips, saying why; in CI (CI=true) a missing browser fails instead, since
.ci/run installs it. Screenshots are saved under test-artifacts/ (or $RWPK_TEST_ARTIFACTS).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run
from tests.test_exports import HOSTILE_TEXTS, hostile_log

ARTIFACTS = Path(os.environ.get("RWPK_TEST_ARTIFACTS", Path(__file__).resolve().parent.parent / "test-artifacts"))
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]  # fmt: skip


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {reason}; .ci/run installs Debian's chromium and the test extras install playwright")
    pytest.skip(f"{reason}: the HTML page is checked in a real browser in CI (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        _unavailable("Debian's chromium is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=FLAGS)
        yield browser
        browser.close()


class Watched:
    """A page with every request, console error, page error and dialog recorded."""

    def __init__(self, browser: Any, path: Path, width: int = 1100, height: int = 900) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def visible_cards(self) -> int:
        return int(self.page.locator(".card:visible").count())

    def count_text(self) -> str:
        return str(self.page.locator("#count").inner_text())


def _page_file(run: Run, tmp_path: Path, *args: str) -> Path:
    target = tmp_path / "timeline.html"
    result = run(*args, "export", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    return target


def test_cards_render_and_filters_hide_the_right_ones(browser: Any, run: Run, tmp_path: Path) -> None:
    watched = Watched(browser, _page_file(run, tmp_path))
    page = watched.page
    assert page.title() == "Rwanda–Pakistan relations"
    assert page.locator(".card").count() == 12
    assert watched.visible_cards() == 12
    assert watched.count_text() == "Showing 12 of 12 events"

    page.fill("#q", "akram")
    assert watched.visible_cards() == 1
    assert "Nduhungirehe and Ambassador Munir Akram" in page.locator(".card:visible h3").inner_text()
    page.fill("#q", "KIGALI")
    assert watched.visible_cards() == 5
    page.fill("#q", "")

    page.uncheck("#kinds input[value=meeting]")
    assert watched.visible_cards() == 8
    assert watched.count_text() == "Showing 8 of 12 events"
    assert page.locator(".card.kind-meeting:visible").count() == 0
    page.check("#kinds input[value=meeting]")

    page.select_option("#official", "muganga")
    assert watched.visible_cards() == 3
    assert page.locator(".year:visible h2").all_inner_texts() == ["2024"]
    page.select_option("#official", "")
    assert watched.visible_cards() == 12

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "html-page.png"), full_page=True)
    assert (ARTIFACTS / "html-page.png").stat().st_size > 10_000
    assert watched.errors == []
    assert watched.requests == [watched.url]  # the file itself and nothing else: no network


def test_readable_on_a_phone(browser: Any, run: Run, tmp_path: Path) -> None:
    watched = Watched(browser, _page_file(run, tmp_path), width=390, height=844)
    page = watched.page
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator(".card").first.bounding_box()["width"] > 300
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "html-page-phone.png"), full_page=True)
    assert watched.errors == []


def test_print_hides_the_controls(browser: Any, run: Run, tmp_path: Path) -> None:
    watched = Watched(browser, _page_file(run, tmp_path))
    watched.page.emulate_media(media="print")
    assert not watched.page.locator("#controls").is_visible()
    assert watched.visible_cards() == 12


def test_hostile_text_stays_text(browser: Any, run: Run, tmp_path: Path) -> None:
    watched = Watched(browser, _page_file(run, tmp_path, "--file", str(hostile_log(tmp_path))))
    page = watched.page
    titles = page.locator(".card h3").all_inner_texts()
    assert titles[2] == "<script>alert('x')</script>"
    assert titles[11] == "</script><script>alert(1)</script>"
    assert len(titles) == len(HOSTILE_TEXTS)
    assert page.locator("a[href^=javascript]").count() == 0
    assert page.locator("main script, main b, main img").count() == 0
    page.fill("#q", "script")
    assert watched.visible_cards() == 4  # the two <script> titles and the two javascript: ones
    assert watched.dialogs == []
    assert watched.errors == []
    assert watched.requests == [watched.url]


CONTRAST = """(selector) => {
  function channel(c) { c = c / 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); }
  function luminance(color) {
    var [r, g, b] = color.match(/\\d+(\\.\\d+)?/g).map(Number);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  }
  return [...document.querySelectorAll(selector)].map((node) => {
    var style = getComputedStyle(node);
    var back = style.backgroundColor;
    var box = node;
    while (/rgba\\(0, 0, 0, 0\\)|transparent/.test(back) && box.parentElement) {
      box = box.parentElement; back = getComputedStyle(box).backgroundColor;
    }
    var [a, b] = [luminance(style.color), luminance(back)].sort((x, y) => y - x);
    return [node.textContent.trim(), (a + 0.05) / (b + 0.05)];
  });
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_badges_and_text_meet_wcag_aa_contrast(browser: Any, run: Run, tmp_path: Path, scheme: str) -> None:
    watched = Watched(browser, _page_file(run, tmp_path))
    watched.page.emulate_media(color_scheme=scheme)
    measured = watched.page.evaluate(CONTRAST, ".kind, .card h3, .when time, .role, .sources a, .tags li, .meta")
    assert measured
    low = [(text, round(ratio, 2)) for text, ratio in measured if ratio < 4.5]
    assert low == []  # the call badge was 3.64:1
    background = watched.page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (background == "rgb(18, 22, 27)") == (scheme == "dark")


def test_the_filters_live_in_the_address_so_a_view_can_be_shared(browser: Any, run: Run, tmp_path: Path) -> None:
    watched = Watched(browser, _page_file(run, tmp_path))
    page = watched.page
    page.select_option("#tag", "security")
    assert watched.visible_cards() == page.locator(".card[data-tags~=security]").count() > 0
    page.select_option("#official", "nduhungirehe")
    shared = page.evaluate("location.search")
    assert shared == "?official=nduhungirehe&tag=security"
    shown = watched.count_text()
    page.goto(watched.url + shared)  # someone opens the shared address
    assert page.input_value("#official") == "nduhungirehe"
    assert page.input_value("#tag") == "security"
    assert watched.count_text() == shown
    page.goto(watched.url + "?kinds=visit&q=kigali")
    assert watched.count_text() == "Showing 2 of 12 events"
    assert set(page.locator(".card:visible").evaluate_all("cards => cards.map(c => c.dataset.kind)")) == {"visit"}
    assert watched.errors == []


def test_the_page_reads_as_a_publication(browser: Any, run: Run, tmp_path: Path) -> None:
    log = tmp_path / "log.toml"
    log.write_text(
        '[log]\ntitle = "Two countries"\n'
        '[[trade]]\nyear = 2022\nfrom = "PK"\nto = "RW"\nvalue_usd = 47600000\ngoods = { rice = 44400000 }\n'
        '[[event]]\ndate = "1962-07"\nkind = "other"\ntitle = "Relations established"\n'
        '[[event]]\ndate = 2024-01-03\nkind = "call"\ntitle = "A call"\ntags = ["defence"]\n'
        'summary = """First paragraph.\n\nSecond paragraph."""\n',
        encoding="utf-8",
    )
    watched = Watched(browser, _page_file(run, tmp_path, "--file", str(log)))
    page = watched.page
    assert "log.toml" not in page.locator("header").inner_text()  # tool details go to the footer
    assert "log.toml" in page.locator("footer").inner_text()
    assert page.locator(".card.kind-call .summary").all_inner_texts() == ["First paragraph.", "Second paragraph."]
    assert page.locator(".card.kind-call .tags li").all_inner_texts() == ["defence"]
    assert page.locator(".gap").inner_text() == "61 years without a recorded event"
    assert page.locator(".trade td").all_inner_texts()[:3] == ["2022", "PK → RW", "$47.6M"]
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('h2')).breakAfter") == "avoid"
    assert watched.errors == []
