"""Every Mermaid diagram rwpk writes, drawn by the real Mermaid library (npm ``mermaid``) in Chromium.

.ci/run installs the library under .ci/js/ ($RWPK_NODE_MODULES points elsewhere). Without it this
skips, saying why; in CI (CI=true) it fails instead.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from tests.conftest import Run
from tests.test_browser import browser  # noqa: F401  (the fixture)

ROOT = Path(__file__).resolve().parent.parent
MODULES = Path(os.environ.get("RWPK_NODE_MODULES", ROOT / ".ci" / "js" / "node_modules"))
SCRIPT = MODULES / "mermaid" / "dist" / "mermaid.min.js"

#: Real-looking role titles, several of which start with a word the Gantt grammar reads as syntax.
TITLES = [
    "Minister of Foreign Affairs", "Click Chief of Protocol", "click-through Coordinator", "call Centre Director",
    "Callback Officer", "weekday Desk Officer", "Weekend Liaison", "topAxis Analyst", "inclusiveEndDates Clerk",
    "Section Chief", "section head", "Title Minister", "title holder", "dateFormat Specialist",
    "axisFormat Reviewer", "tickInterval Officer", "todayMarker Secretary", "includes Adviser",
    "excludes Adviser", "accTitle Officer", "accDescr Officer", "Chief: Deputy #1; \"acting\"",
    "Envoy (ad interim) 50% time", "Head of Mission <Geneva>", "Director `Policy`", "Ambassador & Consul",
    "%% Not a comment",
]  # fmt: skip


def require_npm(script: Path, package: str, version: str) -> None:
    """Skip, saying why, when the npm ``package`` (whose ``script`` a test loads) is not installed;
    in CI (CI=true) fail instead, since .ci/run installs it."""
    if script.is_file():
        return
    reason = f"the npm {package} package is not installed ({script})"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {reason}; .ci/run installs it with npm")
    pytest.skip(f"{reason}: npm install --prefix .ci/js {package}@{version}")


def _drawable() -> None:
    require_npm(SCRIPT, "mermaid", "11")


@pytest.fixture(scope="module")
def mermaid_page(browser: Any) -> Any:  # noqa: F811
    _drawable()
    page = browser.new_page()
    page.set_content("<html><body></body></html>")
    page.add_script_tag(path=str(SCRIPT))
    page.evaluate("mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})")
    yield page
    page.close()


def _draw(page: Any, diagram: str) -> str:
    """The SVG Mermaid draws, or a failure naming its error."""
    svg: str = page.evaluate(
        """async (text) => {
            try { return (await mermaid.render('d' + Math.random().toString(36).slice(2), text)).svg; }
            catch (error) { return 'ERROR: ' + (error.message || String(error)); }
        }""",
        diagram,
    )
    assert not svg.startswith("ERROR"), f"{svg}\n{diagram}"
    return svg


def _fences(markdown: str) -> list[str]:
    return [t.content for t in MarkdownIt("commonmark").parse(markdown) if t.type == "fence" and t.info == "mermaid"]


def _texts(svg: str) -> list[str]:
    return [html.unescape(t).strip() for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


def test_a_tenure_chart_keeps_every_title_as_text(mermaid_page: Any, run: Run, tmp_path: Path) -> None:
    roles = ", ".join(
        f"{{ title = {_toml(t)}, since = {2000 + i}-01-01, until = {2000 + i}-12-31 }}" for i, t in enumerate(TITLES)
    )
    log = tmp_path / "roles.toml"
    log.write_text(f'[actor.a]\nname = "A"\nroles = [{roles}]\n', encoding="utf-8")
    (chart,) = _fences(run("--file", str(log), "actor", "a", "--format", "md").stdout)
    svg = _draw(mermaid_page, chart)
    drawn = [t for t in _texts(svg) if t in TITLES]
    assert drawn == TITLES  # each title drawn as a task, in order: none read as a directive or a section


def test_every_diagram_of_the_bundled_log_draws(mermaid_page: Any, run: Run) -> None:
    briefing = run("export", "--with", "actors,network,trade,stats").stdout
    diagrams = [*_fences(briefing), run("network", "--format", "mermaid").stdout]
    diagrams += _fences(run("actor", "Nduhungirehe", "--format", "md").stdout)
    diagrams += _fences(run("stats", "--by", "month", "--format", "md").stdout)
    assert len(diagrams) >= 5
    for diagram in diagrams:
        _draw(mermaid_page, diagram)


def _toml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
