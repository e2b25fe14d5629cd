"""One rule for links and hidden characters in every human-facing export, tested with one hostile log."""

from __future__ import annotations

import json
import re
from pathlib import Path

import icalendar
import pytest

from tests.conftest import Run

HOSTILE = """\
[actor.pk]
name = "Envoy \\u202e(KP)\\u202c Khan"
country = "PK"

[source.bad]
title = "Report \\u2066twisted\\u2069"
url = "javascript:alert(1)"

[source.data]
outlet = "Data outlet"
url = "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="

[source.good]
outlet = "Good outlet"
url = "https://example.org/story"

[[event]]
id = "hostile"
date = 2024-01-03
kind = "meeting"
title = "Talks \\u202e(PK)\\u202c in the capital"
place = "Kigali \\u200f"
participants = ["pk"]
summary = "Said \\u202ereversed\\u202c things"
sources = ["bad", "data", "good"]
"""
BIDI = ("\u202e", "\u202c", "\u2066", "\u2069", "\u200f")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["md", "html", "ics", "timelinejs"])
def test_every_export_neutralises_bidi_controls_and_links_only_the_web(run: Run, hostile: Path, fmt: str) -> None:
    result = run("--file", str(hostile), "export", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    if fmt == "timelinejs":
        text = json.dumps(json.loads(text), ensure_ascii=False)  # the document's strings, decoded
    if fmt == "html":  # the page's text; the embedded JSON data block keeps the contract's exact strings
        text = re.sub(r'<script type="application/json".*?</script>', "", text, flags=re.S)
    if fmt == "ics":
        parts = icalendar.Calendar.from_ical(text).walk()
        text = "\n".join(f"{c.get('summary', '')}\n{c.get('description', '')}\n{c.get('location', '')}" for c in parts)
    assert [c for c in BIDI if c in text] == []
    assert "U+202E" in text  # shown as a visible stand-in, not dropped
    assert "javascript:" not in text
    assert "data:text/html" not in text
    assert "https://example.org/story" in text


def test_the_calendar_reads_back_with_the_stand_ins(run: Run, hostile: Path) -> None:
    calendar = icalendar.Calendar.from_ical(run("--file", str(hostile), "export", "--format", "ics").stdout)
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Talks <U+202E>(PK)<U+202C> in the capital"
    assert "<https://example.org/story>" in str(event["description"])
    assert "javascript" not in str(event["description"])


@pytest.mark.parametrize("hidden", ["\u200b", "\u2060", "\ufeff", "\U000e0041", "\u200d"])
def test_zero_width_and_tag_characters_are_shown_in_the_terminal_and_reports(
    run: Run, tmp_path: Path, hidden: str
) -> None:
    log = tmp_path / "hidden.toml"
    log.write_text(f'[[event]]\ndate = 2024-01-03\nkind = "call"\ntitle = "Pay{hidden}Pal"\n', encoding="utf-8")
    for args in (["timeline"], ["timeline", "--format", "md"], ["timeline", "--format", "html"]):
        out = run("--file", str(log), *args).stdout
        out = re.sub(r'<script type="application/json".*?</script>', "", out, flags=re.S)  # data kept exact
        assert hidden not in out
        assert f"U+{ord(hidden):04X}" in out


def test_an_id_with_a_newline_cannot_forge_a_problem_line(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "forged.toml"
    log.write_text('[[event]]\nid = "x\\nevents.toml:99: all is well"\ndate = "never"\nkind = "call"\ntitle = "T"\n')
    result = run("--no-cache", "--file", str(log), "check")
    assert result.exit_code == 65
    assert not any(line.startswith("events.toml:99") for line in result.stderr.splitlines())


def test_jsonl_records_stay_one_line_whatever_their_text(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "breaks.toml"
    log.write_text('[[event]]\ndate = 2024-01-03\nkind = "call"\ntitle = "a\\u2028b\\u2029c\\u0085d"\n')
    out = run("--file", str(log), "timeline", "--format", "jsonl").stdout
    assert len(out.splitlines()) == 1
    assert json.loads(out)["title"] == "a\u2028b\u2029c\u0085d"


RAW_HIDING = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2060-\u206f\ufeff\U000e0000-\U000e007f]"
HIDING = "\u202e\u2066\u200b\ufeff\U000e0041\x1b]52;c;ZXZpbA==\x07\x9b\u2028"


@pytest.mark.parametrize(
    "args",
    [
        ["add", "--date", "2024-01-03", "--kind", "call", "--title", f"T{HIDING}", "--place", f"P{HIDING}",
         "--participant", f"N{HIDING}", "--tag", f"g{HIDING}", "--summary", f"S{HIDING}"],
        ["add", "actor", "x", "--name", f"N{HIDING}", "--country", "PK", "--role", f"R{HIDING}"],
        ["add", "source", "s", "--title", f"T{HIDING}", "--outlet", f"O{HIDING}", "--url", "https://example.org"],
    ],
    ids=["event", "actor", "source"],
)  # fmt: skip
def test_add_writes_hidden_characters_as_escapes_and_the_dry_run_prints_none(
    run: Run, tmp_path: Path, args: list[str]
) -> None:
    log = tmp_path / "log.toml"
    dry = run("--file", str(log), *args, "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert (
        re.findall(
            "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2060-\u206f\ufeff\U000e0000-\U000e007f]",
            dry.stdout,
        )
        == []
    )
    assert "\\u202E" in dry.stdout
    assert "\\U000E0041" in dry.stdout
    assert "\\u001b]52;c;zxzpba==\\u0007" in dry.stdout.lower()
    added = run("--file", str(log), *args)
    assert added.exit_code == 0, added.stderr
    assert log.read_text(encoding="utf-8") == dry.stdout  # the block printed is the block written
    import tomllib

    values = json.dumps(tomllib.loads(log.read_text(encoding="utf-8")), ensure_ascii=False, default=str)
    assert json.dumps(HIDING, ensure_ascii=False)[1:-1] in values  # the user's text, kept exactly
