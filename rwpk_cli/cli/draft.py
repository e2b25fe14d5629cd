"""``rwpk draft``: read a news article into proposed log entries, for a person to review and append."""

# No `from __future__ import annotations` here: Typer reads each command's annotations as it builds
# the command, and string annotations would be compiled and evaluated again on every run.
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from .lazy import command
from .support import emit, reports_errors, say_error

if TYPE_CHECKING:
    from ..dates.span import DateSpan
    from ..draft import Drafted
    from ..log.model import Log
    from ..read.records import Cited, Incoming
    from ..write.append import Addition
    from .add import Current

_HTML = ("<!doctype", "<html", "<?xml", "<head", "<body")


@command("draft")
@reports_errors
def draft(
    ctx: typer.Context,
    article: Annotated[str, typer.Argument(metavar="ARTICLE", help="A text or Markdown file, or - for stdin.")],
    published: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="When the article was published; a range if the day is uncertain."),
    ] = None,
    url: Annotated[str | None, typer.Option(metavar="URL", help="Where the article is.")] = None,
    outlet: Annotated[str | None, typer.Option(metavar="NAME", help="Who published it.")] = None,
    title: Annotated[str | None, typer.Option(metavar="TITLE", help="Its headline.")] = None,
    source: Annotated[
        str | None, typer.Option(metavar="ID", help="The id of its [source] (default: from the outlet and date).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", metavar="FORMAT", help="toml (default) or json.")] = "toml",
    planned: Annotated[
        bool, typer.Option("--planned", help="Propose what the article says will happen, with planned = true.")
    ] = False,
    append: Annotated[
        bool, typer.Option("--append", help="Append the proposals to the log (asked one by one at a terminal).")
    ] = False,
) -> None:
    """Propose log entries from a news article, each traced to its words.

    rwpk reads the article sentence by sentence and proposes an [[event]] for each meeting, visit,
    consultation, agreement, call and statement it reports, with the people who took part (the
    log's actors, or new ones introduced with a title), the place and the date. A relative date
    ("last week", "on Sunday") is kept as written and read against --published, as the log reads
    it; date_text quotes the words and a comment quotes the sentence. Background ("relations
    established in 1962"), people only mentioned, and plans ("will visit next month") are left out;
    --planned proposes the plans too.

    The output is a log fragment: review it, then append it, or use --append. At a terminal,
    --append shows each proposal to accept, edit or skip; in a script it appends them all. Either
    way the write is rwpk add's (atomic, every byte kept, the whole result checked), and drafting
    the same article again adds nothing new.

    Examples:

    \b
      rwpk draft article.txt --published 2025-01-24 --outlet "KT Press"
      rwpk draft article.md --published 2025-01-22/2025-01-31 --format json
      pbpaste | rwpk draft - --published yesterday --append
    """
    from ..draft import Article, source_id
    from ..errors import UsageError
    from ..read.input import read_input
    from ..read.records import Cited
    from .add import current_log

    chosen = fmt.strip().lower()
    if chosen not in ("toml", "json"):
        raise UsageError(f"--format {fmt}: use toml or json")
    if append and chosen == "json":
        raise UsageError("--append writes TOML to the log; leave out --format json")
    reference = _published(published)
    given = read_input(article)
    if given.text.lstrip().lower().startswith(_HTML):
        raise UsageError(f"{given.display}: is an HTML page; save the article's text (a browser's reader view, "
                         "or e.g. lynx -dump -nolist URL > article.txt) and draft from that")  # fmt: skip
    current = current_log(ctx, dry_run=not append)
    log = current.log
    ident = source or source_id(outlet, reference, given.display)
    known = log.sources.get(ident) if log else None
    if known is not None and reference is None and known.published:
        reference, published = known.published, known.published.canonical
    cited = Cited(ident, title, outlet, url, published)
    from ..draft import draft as draft_article

    drafted = draft_article(Article(given.text, given.display, reference, published, ident), log, planned, cited)
    for note in drafted.notes:
        say_error(f"rwpk: {note}")
    if append:
        _append(current, drafted, given.display)
        return
    from ..read.plan import Selection, plan_events

    outcome = plan_events(log, drafted.reading, Selection())
    for note in outcome.notes:
        say_error(f"rwpk: {note}")
    from .add import planned as checked  # the option --planned holds the name "planned" here

    # the fragment checked against the log once, for the twins it names and for the JSON
    addition = checked(current, outcome.block) if outcome.block else None
    if addition is not None and log is not None and log.events:
        _say_twins(current, addition)
    if chosen == "json":
        emit(_json(current, drafted, addition, cited))
    elif outcome.block:
        header = (f"# Drafted by rwpk from {given.display}: {_summary(outcome.new, 0)}.\n"
                  "# Review each one, then append this to the log and run rwpk check.\n\n")  # fmt: skip
        emit(header + outcome.block)
    say_error(f"rwpk: {given.display}: {_summary(outcome.new, outcome.already)}")


def _say_twins(current: "Current", addition: "Addition") -> None:
    """Name the proposals that look like events the log already has (kept by hand, or drafted from
    another report of the same day), so that a reviewer can skip them."""
    from ..views.lint import likely_twin

    old = [e for e in addition.log.events if e.line < addition.first_line or e.file]
    for event in addition.log.events:
        if event.line < addition.first_line or event.file:
            continue
        twin = likely_twin(old, event)
        if twin is not None:
            where = twin.file or current.where.display
            said = f"rwpk: '{event.id}' looks like '{twin.id}' ({where}:{twin.line}), already in the log"
            say_error(
                f"{said}: same kind, same people, overlapping dates; skip it, or keep both if they are two events"
            )


def _published(text: str | None) -> "DateSpan | None":
    if text is None:
        return None
    from datetime import date

    from .support import parse_option

    return parse_option("--published", text, date.today())


def _summary(new: int, already: int) -> str:
    found = f"{new} proposed event{'' if new == 1 else 's'}"
    return found + (f", {already} already in the log" if already else "")


def _json(current: "Current", drafted: "Drafted", addition: "Addition | None", cited: "Cited") -> str:
    """The proposals in the timeline JSON contract, with date_text, evidence and planned."""
    import json

    from ..render.jsonout import event_object
    from ..views.rows import rows

    events: list[dict[str, object]] = []
    actors: list[dict[str, object]] = []
    if addition is not None:
        new_log = addition.log
        old = set(current.log.actors) if current.log else set()
        by_key = {f"draft:{cited.id}:{n}": p for n, p in enumerate(drafted.proposals, start=1)}
        drafted_events = [e for e in new_log.events if e.imported in by_key and e.line >= addition.first_line]
        for row in rows(new_log, drafted_events):
            proposal = by_key[row.event.imported or ""]
            item = event_object(row)
            item["date_text"] = row.event.date_text
            item["evidence"] = " ".join(s.text for s in proposal.evidence)
            item["planned"] = proposal.planned
            events.append(item)
        for ident, actor in new_log.actors.items():
            if ident not in old:
                role = actor.roles[0].title if actor.roles else None
                actors.append({"id": ident, "name": actor.name, "country": actor.country, "role": role})
    source = {"id": cited.id, "title": cited.title, "outlet": cited.outlet, "url": cited.url,
              "published": cited.published}  # fmt: skip
    return json.dumps({"source": source, "actors": actors, "events": events}, ensure_ascii=False, indent=2) + "\n"


def _append(current: "Current", drafted: "Drafted", display: str) -> None:
    from ..read.plan import Selection, plan_events
    from ..read.records import Reading
    from .add import committed, planned

    records = drafted.reading.events
    outcome = plan_events(current.log, drafted.reading, Selection())
    addition = planned(current, outcome.block) if outcome.block else None
    if addition is not None and current.log is not None and current.log.events:
        _say_twins(current, addition)
    if sys.stdin.isatty() and records:  # what is kept after review is planned and checked anew
        records = _review(current.log, records)
        outcome = plan_events(current.log, Reading(records, drafted.reading.skipped), Selection())
        addition = planned(current, outcome.block) if outcome.block else None
    for note in outcome.notes:
        say_error(f"rwpk: {note}")
    if addition is None:
        say_error(f"rwpk: {display}: {_summary(0, outcome.already)}; nothing to add to {current.where.display}")
        return
    committed(current, addition, f"rwpk: drafted {display} into {current.where.display}: "
                                 f"{_summary(outcome.new, outcome.already)} added")  # fmt: skip
    from ..log.open import remember
    from ..views.summaries import SUMMARIES

    remember(current.path, addition.text.encode("utf-8"), addition.log, SUMMARIES)


def _review(log: "Log | None", records: "list[Incoming]") -> "list[Incoming]":
    """Show each proposal and ask to accept, edit or skip it (q: stop asking, keep what was accepted)."""
    from collections import Counter

    from rich.console import Console
    from rich.text import Text

    from ..read.plan import Selection, plan_events
    from ..read.records import Reading
    from .prompts import ask_choice, edit_record

    console = Console(stderr=True, highlight=False, emoji=False, markup=False)
    kept: list[Incoming] = []
    for number, record in enumerate(records, start=1):
        while True:
            shown = plan_events(log, Reading([record], Counter()), Selection()).block
            if not shown:
                break  # already in the log
            console.print(Text(f"\nProposal {number} of {len(records)}:", style="bold"))
            console.print(Text(shown), soft_wrap=True)
            answer = ask_choice(console, "Accept, edit or skip it? (a/e/s, q to stop)", "aesq", "a")
            if answer == "e":
                record = edit_record(console, log, record)
                continue
            if answer == "a":
                kept.append(record)
            if answer == "q":
                return kept
            break
    return kept
