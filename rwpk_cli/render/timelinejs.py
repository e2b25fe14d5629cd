"""Knight Lab TimelineJS3 JSON: a title slide and one slide per event, ready to host.

TimelineJS shows headline and text as HTML, so every piece of user text is HTML-escaped here,
and only http and https URLs become links.

TimelineJS also "autolinks" a slide's text: after its sanitizer (DOMPurify) has serialised the HTML,
which turns every escaped quote back into a quote, ``Util.linkify`` rebuilds each ``www.…`` run,
``scheme://`` URL and e-mail address into ``<a href='…'>`` by string concatenation, so a summary
such as ``www.x.org'onanimationstart='alert(1)`` would run script. Every slide therefore says
``"autolink": false``, and, for a viewer that ignores it, user text carries nothing the linkifier
recognises: a ``<wbr>`` (an invisible line-break opportunity, kept by the sanitizer) breaks each
``www.``, ``://`` and ``@``.
"""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any

from ..log.model import Log
from ..views.rows import EventRow
from .docs import EventsDoc
from .safe import paragraphs, shown, web_url

#: Where TimelineJS's linkifier would start a link: ``www.`` (any case), ``://`` and ``@``.
_LINKABLE = re.compile(r"(?i)(?<=www)(?=\.)|(?<=:)(?=//)|(?=@)")


def _h(text: str) -> str:
    """User text as HTML content: the shared rule for controls, escaped, and with nothing TimelineJS's
    linkifier would rebuild into markup."""
    return _LINKABLE.sub("<wbr>", escape(shown(text)))


def _html_text(log: Log, row: EventRow) -> str:
    event = row.event
    parts = []
    if row.participants:
        people = "".join(f"<li>{_h(p.label)}</li>" for p in row.participants)
        parts.append(f'<ul class="participants">{people}</ul>')
    if event.place:
        parts.append(f'<p class="place">{_h(event.place)}</p>')
    parts += [f"<p>{_h(paragraph)}</p>" for paragraph in paragraphs(event.summary or "")]
    cited = [log.sources[i] for i in event.sources if i in log.sources]
    if cited:
        links = ", ".join(
            f'<a href="{escape(url)}" rel="noopener noreferrer">{_h(s.label)}</a>'
            if (url := web_url(s.url))
            else _h(s.label)
            for s in cited
        )
        parts.append(f'<p class="sources">Sources: {links}</p>')
    return "".join(parts)


def slide(log: Log, row: EventRow) -> dict[str, Any]:
    """One TimelineJS event slide."""
    event = row.event
    start, end = event.when.known_parts()
    item: dict[str, Any] = {"start_date": start or end}
    if end is not None and start is not None:
        item["end_date"] = end
    item.update(
        display_date=event.when.label,
        text={"headline": _h(event.title), "text": _html_text(log, row)},
        group=event.kind.value,
        unique_id=event.id,
        autolink=False,
    )
    return item


def timeline(doc: EventsDoc) -> str:
    """The whole TimelineJS document."""
    summary = ", ".join(doc.summary())
    document = {
        "title": {"text": {"headline": _h(doc.heading), "text": f"<p>{_h(summary)}</p>"}, "autolink": False},
        "events": [slide(doc.log, row) for row in doc.rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


meetings = export = timeline
