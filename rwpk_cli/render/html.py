"""A standalone, offline HTML timeline: one file, inline CSS and a little vanilla JavaScript.

The cards are written into the page, so it reads without JavaScript too; the script only adds the
search box and the kind and official filters. Every piece of user text is HTML-escaped, only http
and https URLs become links, the embedded JSON cannot close its script element, and a Content
Security Policy allows nothing but the page's own style and script.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from html import escape
from importlib import resources
from itertools import groupby

from ..log.kinds import Kind
from ..log.model import Log
from ..log.names import fold
from ..views.rows import EventRow
from .docs import EventsDoc
from .jsonout import event_object
from .safe import one_line, paragraphs, web_url


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def _t(text: str) -> str:
    """User text as HTML content or attribute value, one line, controls made visible."""
    return escape(one_line(text), quote=True)


def script_json(value: object) -> str:
    """JSON that is safe inside a <script> element: no "</script>", no comment or CDATA openers."""
    text = json.dumps(value, ensure_ascii=False)
    for char, code in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, code)
    return text


def _source_link(log: Log, source_id: str) -> str:
    source = log.sources[source_id]
    url = web_url(source.url)
    if url is not None:
        return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer">{_t(source.label)}</a>'
    return _t(source.label)


def _card(log: Log, row: EventRow) -> str:
    event, when = row.event, row.event.when
    officials = " ".join(sorted({p.id for p in row.participants if p.id}))
    searchable = " ".join(
        [event.title, event.summary or "", event.place or "", *(p.label for p in row.participants), *event.tags]
    )
    lines = [
        f'<article class="card kind-{event.kind.value}" id="{_t("event-" + event.id)}" '
        f'data-kind="{event.kind.value}" data-officials="{_t(officials)}" data-text="{_t(fold(searchable))}" '
        f'data-tags="{_t(" ".join(fold(t) for t in event.tags))}">',
        f'<div class="when"><time datetime="{when.start.isoformat()}">{_t(when.label)}</time>'
        f'<span class="kind">{event.kind.value}</span></div>',
        f"<h3>{_t(event.title)}</h3>",
    ]
    if row.participants:
        people = "".join(
            f"<li>{_t(p.name)}"
            + (f' <span class="cc">({_t(p.country)})</span>' if p.country else "")
            + (f' <span class="role">{_t(p.shown_title)}</span>' if p.shown_title else "")
            + "</li>"
            for p in row.participants
        )
        lines.append(f'<ul class="people">{people}</ul>')
    if event.place:
        lines.append(f'<p class="place">{_t(event.place)}</p>')
    for paragraph in paragraphs(event.summary or ""):  # the breaks the log's text has are kept
        lines.append(f'<p class="summary">{_t(paragraph)}</p>')
    if event.tags:
        lines.append('<ul class="tags">' + "".join(f"<li>{_t(tag)}</li>" for tag in event.tags) + "</ul>")
    cited = [i for i in event.sources if i in log.sources]
    if cited:
        lines.append('<p class="sources">Sources: ' + ", ".join(_source_link(log, i) for i in cited) + "</p>")
    lines.append("</article>")
    return "\n".join(lines)


#: A quiet time longer than this (two years) gets a line of its own between the years.
GAP_DAYS = 730


def _quiet(days: int) -> str:
    years = days // 365
    return f"{years} years" if years >= 2 else f"{days // 30} months"


def _trade(log: Log) -> str:
    """The trade figures of the years shown, as the Markdown report has them."""
    if not log.trades:
        return ""
    from .safe import money

    rows = "".join(
        f"<tr><td>{t.year}</td><td>{_t(t.origin)} → {_t(t.destination)}</td>"
        f'<td class="number">{money(t.value_usd)}</td>'
        f"<td>{_t(', '.join(sorted(t.goods, key=lambda g: -t.goods[g])[:3]))}</td></tr>"
        for t in sorted(log.trades, key=lambda t: (t.year, t.origin, t.destination))
    )
    return (
        '\n<section class="trade">\n<h2>Trade</h2>\n<table>\n'
        "<thead><tr><th>Year</th><th>From → To</th><th>Value</th><th>Main goods</th></tr></thead>\n"
        f"<tbody>{rows}</tbody>\n</table>\n</section>"
    )


def _controls(doc: EventsDoc) -> str:
    kinds = Counter(row.event.kind for row in doc.rows)
    boxes = "".join(
        f'<label><input type="checkbox" value="{k.value}" checked> {k.value} ({kinds[k]})</label>'
        for k in Kind
        if kinds[k]
    )
    people = sorted(
        {p.id: p.name for row in doc.rows for p in row.participants if p.id}.items(), key=lambda kv: fold(kv[1])
    )
    options = "".join(f'<option value="{_t(ident)}">{_t(name)}</option>' for ident, name in people)
    tags = sorted({fold(t): t for row in doc.rows for t in row.event.tags}.items())
    tag_options = "".join(f'<option value="{_t(key)}">{_t(tag)}</option>' for key, tag in tags)
    return (
        '<div class="controls" id="controls" role="search" hidden>\n'
        '<input type="search" id="q" placeholder="Search titles, people, places, summaries" '
        'aria-label="Search events">\n'
        f'<select id="official" aria-label="Official"><option value="">All officials</option>{options}</select>\n'
        f'<select id="tag" aria-label="Tag"><option value="">All tags</option>{tag_options}</select>\n'
        f'<fieldset id="kinds"><legend>Kinds</legend>{boxes}</fieldset>\n'
        '<p id="count" aria-live="polite"></p>\n'
        "</div>"
    )


def timeline(doc: EventsDoc) -> str:
    """The whole page."""
    script = _asset("page.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = (
        f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    meta = doc.summary()
    sections = []
    last_end = None
    for year, rows in groupby(doc.rows, key=lambda r: r.event.when.start.year):
        group = list(rows)
        first_start = group[0].event.when.start
        if last_end is not None and (quiet := (first_start - last_end).days) > GAP_DAYS:
            sections.append(f'<p class="gap">{_quiet(quiet)} without a recorded event</p>')
        last_end = max(r.event.when.end for r in group)
        cards = "\n".join(_card(doc.log, row) for row in group)
        sections.append(
            f'<section class="year" data-year="{year}">\n<h2>{year}</h2>\n'
            f'<div class="timeline">\n{cards}\n</div>\n</section>'
        )
    body = "\n".join(sections) or '<p class="empty">No events match.</p>'
    body += _trade(doc.log)
    data = script_json([event_object(row) for row in doc.rows])  # the JSON contract, exact, for scripts
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="rwpk">
<title>{_t(doc.heading)}</title>
<style>
{_asset("page.css")}</style>
</head>
<body>
<header>
<h1>{_t(doc.heading)}</h1>
<p class="meta">{_t(" · ".join(meta))}</p>
{_controls(doc)}
</header>
<main>
{body}
</main>
<footer><p>Generated by rwpk from <code>{_t(doc.log.path)}</code>.</p></footer>
<script type="application/json" id="rwpk-events">{data}</script>
<script>{script}</script>
</body>
</html>
"""


meetings = export = timeline
