"""The TimelineJS export, shown by the real TimelineJS (npm ``@knight-lab/timelinejs``) in Chromium.

Hostile text in every field a slide shows must run nothing, whether or not the viewer honours each
slide's ``"autolink": false``, and must still be shown as the text it is. .ci/run installs the
library under .ci/js/; without it this skips, saying why, and in CI (CI=true) it fails instead.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run
from tests.test_browser import browser  # noqa: F401  (the fixture)
from tests.test_exports import toml_str
from tests.test_mermaid import MODULES, require_npm

DIST = MODULES / "@knight-lab" / "timelinejs" / "dist"
SCRIPT = DIST / "js" / "timeline.js"
STYLE = DIST / "css" / "timeline.css"

# The animation is TimelineJS's own (its loading spinner), so an injected style starts it on load.
RUN_ON_LOAD = "style='animation-name:rotateplane;animation-duration:1s'onanimationstart='alert({n})'"
PAYLOADS = [
    "Details at www.example.org'" + RUN_ON_LOAD,
    "WWW.EXAMPLE.ORG'" + RUN_ON_LOAD,
    "see(www.example.org'" + RUN_ON_LOAD + ")",
    'www.example.org"style="animation-name:rotateplane;animation-duration:1s"onanimationstart="alert({n})"',
    "write to a'b@example.org'" + RUN_ON_LOAD,
    "https://example.org/'" + RUN_ON_LOAD,
    "ftp://example.org/a www.example.net'" + RUN_ON_LOAD,
    "a@b.co www.example.org'onfocus='alert({n})'autofocus='",
    "<img src=x onerror=alert({n})>",
    "</p><svg onload=alert({n})>",
    "&lt;img src=x onerror=alert({n})&gt;",
    "<a href=javascript:alert({n})>x</a>",
    "javascript:alert({n})",
]
#: Every field of the log that a TimelineJS slide shows.
FIELDS = ["title", "summary", "place", "participant", "actor", "role", "source", "id", "log"]


def hostile_timeline_log(tmp_path: Path) -> tuple[Path, list[tuple[str, str, str]]]:
    """A log with each payload in each field, and the (event id, field, payload) of every event."""
    texts = [p.format(n=i) for i, p in enumerate(PAYLOADS)]
    parts = [f"[log]\ntitle = {toml_str(texts[0])}\n"]
    cases: list[tuple[str, str, str]] = []
    for i, text in enumerate(texts):
        quoted = toml_str(text)
        parts.append(
            f'[actor.n{i}]\nname = {quoted}\ncountry = "NA"\nroles = [{{ title = "Envoy" }}]\n'
            f'[actor.r{i}]\nname = "Role Holder {i}"\ncountry = "RA"\nroles = [{{ title = {quoted} }}]\n'
            f'[source.s{i}]\ntitle = {quoted}\nurl = "https://example.org/?u=www.example.net{i}"\n'
        )
        for field in FIELDS:
            ident = text if field == "id" else f"{field}-{i}"
            event = {
                "id": toml_str(ident),
                "date": f"2024-{1 + FIELDS.index(field):02d}-{1 + i:02d}",
                "kind": '"meeting"',
                "title": toml_str(text if field == "title" else f"Event {field} {i}"),
                "sources": f'["s{i}"]' if field == "source" else "[]",
            }
            if field in ("summary", "place"):
                event[field] = toml_str(text)
            people = {"participant": [toml_str(text)], "actor": [f'"n{i}"'], "role": [f'"r{i}"']}.get(field, [])
            if people:
                event["participants"] = f"[{', '.join(people)}]"
            parts.append("[[event]]\n" + "".join(f"{k} = {v}\n" for k, v in event.items()))
            cases.append((ident, field, text))
    path = tmp_path / "hostile.toml"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path, cases


def _installed() -> None:
    require_npm(SCRIPT, "@knight-lab/timelinejs", "3")


class Shown:
    """A TimelineJS document rendered in a fresh page, with every dialog recorded."""

    def __init__(self, chromium: Any, document: dict[str, Any]) -> None:
        self.page = chromium.new_page(viewport={"width": 1100, "height": 800})
        self.dialogs: list[str] = []
        self.page.on("dialog", self._dialog)
        # Nothing leaves the machine: TimelineJS asks its CDN for a font stylesheet.
        self.page.route("http*://**", lambda route: route.abort())
        self.page.set_content('<html><body><div id="tl" style="width:1000px;height:700px"></div></body></html>')
        self.page.add_style_tag(path=str(STYLE))
        self.page.add_script_tag(path=str(SCRIPT))
        self.page.evaluate(
            """(data) => new Promise((resolve) => {
                window.timeline = new TL.Timeline('tl', data, {hash_bookmark: false, duration: 10});
                window.timeline.on('loaded', () => resolve());
            })""",
            document,
        )
        for index in range(0, len(document["events"]) + 1, 8):  # walk the slides, as a reader would
            self.page.evaluate("(i) => window.timeline.goTo(i)", index)
            self.page.wait_for_timeout(40)
        self.page.wait_for_timeout(1200)  # longer than the injected animation

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def markup_problems(self) -> list[str]:
        """Event-handler attributes, injected styles and links that are not to the web, in the timeline."""
        problems: list[str] = self.page.evaluate(
            """() => [...document.querySelectorAll('#tl *')].flatMap((node) => [
                ...[...node.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${a.name}=${a.value}`),
                ...(node.getAttribute('style') || '').includes('animation')
                    ? ['style=' + node.getAttribute('style')] : [],
                ...node.tagName === 'A' && node.hasAttribute('href') && !/^https?:$/.test(node.protocol)
                    ? ['href=' + node.getAttribute('href')] : [],
                ...['IMG', 'SVG', 'IFRAME', 'SCRIPT'].includes(node.tagName.toUpperCase())
                    && !node.closest('.tl-media') ? [node.tagName] : [],
            ])"""
        )
        return problems

    def slide_text(self, ident: str) -> str:
        return str(self.page.evaluate("(id) => document.getElementById(id).textContent", ident))

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope="module")
def hostile_document(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], list[tuple[str, str, str]]]:
    from typer.testing import CliRunner

    from rwpk_cli.cli.app import app

    path, cases = hostile_timeline_log(tmp_path_factory.mktemp("tjs"))
    result = CliRunner().invoke(app, ["--no-cache", "--file", str(path), "export", "--format", "timelinejs"])
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    assert len(document["events"]) == len(cases)
    return document, cases


def _autolinked(document: dict[str, Any]) -> dict[str, Any]:
    """The document as a viewer that ignores ``"autolink": false`` sees it."""
    copy: dict[str, Any] = json.loads(json.dumps(document))
    for slide in [copy["title"], *copy["events"]]:
        slide["autolink"] = True
    return copy


def test_every_slide_turns_the_linkifier_off(hostile_document: tuple[dict[str, Any], Any]) -> None:
    document, _ = hostile_document
    assert [s.get("autolink") for s in [document["title"], *document["events"]]] == [False] * (
        1 + len(document["events"])
    )


@pytest.mark.parametrize("viewer", ["as-exported", "autolink-forced-on"])
def test_hostile_text_in_every_field_runs_nothing(
    browser: Any,  # noqa: F811
    hostile_document: tuple[dict[str, Any], list[tuple[str, str, str]]],
    viewer: str,
) -> None:
    _installed()
    document, cases = hostile_document
    shown = Shown(browser, document if viewer == "as-exported" else _autolinked(document))
    try:
        assert shown.dialogs == []
        assert shown.markup_problems() == []
        for ident, field, text in cases:  # and each hostile text is shown as the text it is
            if field not in ("id", "log"):
                assert text in shown.slide_text(ident), (field, text)
        title = str(shown.page.evaluate("() => document.querySelector('.tl-slide-titleslide').textContent"))
        assert PAYLOADS[0].format(n=0) in title
    finally:
        shown.close()


def test_the_check_catches_the_attack_the_export_prevents(
    browser: Any,  # noqa: F811
    hostile_document: tuple[dict[str, Any], list[tuple[str, str, str]]],
) -> None:
    # The same slides as an export that only HTML-escapes (rwpk before this fix): script runs.
    _installed()
    document = _autolinked(hostile_document[0])
    for slide in [document["title"], *document["events"]]:
        slide["text"] = {k: v.replace("<wbr>", "") for k, v in slide["text"].items()}
    shown = Shown(browser, document)
    try:
        assert shown.dialogs != []
        assert shown.markup_problems() != []
    finally:
        shown.close()


def test_a_link_in_the_text_reads_whole(browser: Any, run: Run, tmp_path: Path) -> None:  # noqa: F811
    # The breaks are invisible: the text a reader copies is the text of the log.
    _installed()
    path = tmp_path / "log.toml"
    path.write_text(
        '[[event]]\nid = "e"\ndate = 2024-01-02\nkind = "call"\ntitle = "Call"\n'
        'summary = "Minutes at www.example.org/minutes and https://example.org, or ask desk@example.org"\n',
        encoding="utf-8",
    )
    document = json.loads(run("--file", str(path), "export", "--format", "timelinejs").stdout)
    text = document["events"][0]["text"]["text"]
    assert text == (
        "<p>Minutes at www<wbr>.example.org/minutes and https:<wbr>//example.org, or ask desk<wbr>@example.org</p>"
    )
    shown = Shown(browser, document)
    try:
        summary = "Minutes at www.example.org/minutes and https://example.org, or ask desk@example.org"
        assert summary in shown.slide_text("e")
    finally:
        shown.close()
