"""A TimelineJS3 JSON document (rwpk's ``.timeline.json`` export, or a sheet TimelineJS reads) as events.

Each slide is an event: ``unique_id`` its id, ``group`` its kind when that is one of rwpk's (else
"other"), ``start_date``/``end_date`` its days at the precision they give (a year alone stays a
year), the headline its title. The slide text is HTML: rwpk's own lists its participants, place,
summary and sources in marked elements, which are read back; any other text becomes the summary.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser

from .contract import KINDS, checked_date, labelled
from .input import Input
from .jsonrecords import _broken
from .jsonrecords import document as json_document
from .records import Incoming, Problems, Reading


class _Slide(HTMLParser):
    """The parts of a slide's HTML: list items, and paragraphs by class."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[str] = []
        self.paragraphs: list[tuple[str, str]] = []
        self._open: tuple[str, str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("li", "p"):
            self._open = (tag, dict(attrs).get("class") or "")
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == self._open[0]:
            text = "".join(self._text)
            if tag == "li":
                self.items.append(text)
            else:
                self.paragraphs.append((self._open[1], text))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)


def _plain(text: object) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", str(text or ""))).strip()


def _day(value: object, line: int, problems: Problems, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not str(value.get("year", "")).lstrip("-").isdigit():
        problems.add(line, f'{what} must be {{"year": …, "month": …, "day": …}}, not {value!r:.60}')
        return None
    parts = [f"{int(value['year']):04d}"]
    for key in ("month", "day"):
        if value.get(key) in (None, ""):
            break
        if not str(value[key]).isdigit():
            problems.add(line, f"{what}.{key} must be a number, not {value[key]!r}")
            return None
        parts.append(f"{int(value[key]):02d}")
    return "-".join(parts)


def read(source: Input) -> Reading:
    document = json_document(source)
    if not isinstance(document, dict) or not isinstance(document.get("events"), list):
        raise _broken(source, source.text, 0, 'expected a TimelineJS document {"events": […]}')
    problems = Problems(source.display)
    events = []
    search_from = 0
    for number, slide in enumerate(document["events"], start=1):
        anchor = source.text.find('"start_date"', search_from)
        line = source.text.count("\n", 0, anchor) + 1 if anchor >= 0 else 1
        search_from = anchor + 1 if anchor >= 0 else search_from
        if not isinstance(slide, dict):
            problems.add(line, f"slide {number} is not an object")
            continue
        start = _day(slide.get("start_date"), line, problems, "start_date")
        end = _day(slide.get("end_date"), line, problems, "end_date")
        if start is None:
            if "start_date" not in slide:
                problems.add(line, f"slide {number} has no start_date; TimelineJS needs one too")
            continue
        if checked_date(start, problems, line, "start_date") is None or (
            end is not None and checked_date(end, problems, line, "end_date") is None
        ):
            continue
        when = start if end in (None, start) else f"{start}/{end}"
        given = slide.get("text")
        text: dict[str, object] = given if isinstance(given, dict) else {}
        title = _plain(text.get("headline")) or "(untitled)"
        parsed = _Slide()
        parsed.feed(str(text.get("text") or ""))
        people = tuple(labelled(item) for item in parsed.items if item.strip())
        place = next((t for c, t in parsed.paragraphs if c == "place"), None)
        summary = "\n\n".join(t for c, t in parsed.paragraphs if c not in ("place", "sources")) or None
        group = str(slide.get("group") or "").strip().lower()
        ident = str(slide.get("unique_id") or "").strip() or None
        key = f"rwpk:{ident}" if ident else ""
        kind = group if group in KINDS else "other"
        tags = (group,) if group and group not in KINDS else ()
        events.append(Incoming(key, line, when, kind, title, people, place, tags, (), summary, id=ident))
    problems.raise_any()
    return Reading(events, Counter())
