"""The questions ``rwpk add`` asks at a terminal when an event's date, kind or title is missing.

Each answer is checked as it is typed, as ``hledger add`` does: a date rwpk cannot read, an unknown
kind or source is asked again with the reason; a name that nearly matches an actor offers that actor;
the date defaults to today. Place, sources and summary are asked too, since ``check --strict`` flags
an event without a source. Ctrl-D ends it like Ctrl-C (exit 130), and nothing is written.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from rich.console import Console
from rich.prompt import Confirm, Prompt
from rich.text import Text

from ..log.kinds import Kind
from ..log.model import Log
from ..log.names import NameIndex
from ..read.records import Incoming


class Answers(NamedTuple):
    """What was asked and answered; None where the question was not asked."""

    date: str
    kind: str
    title: str
    participants: list[str]
    place: str | None
    sources: list[str]
    summary: str | None


def _console() -> Console:
    return Console(stderr=True, highlight=False, emoji=False, markup=False)


def _ask(console: Console, question: str, check: Callable[[str], str | None], default: str | None = None) -> str:
    """Ask until ``check`` finds no fault in the answer (it returns the reason, or None)."""
    while True:
        try:
            if default is None:
                answer = Prompt.ask(question, console=console)
            else:  # an empty default goes unshown: "(blank for none)" says it
                answer = Prompt.ask(question, console=console, default=default, show_default=bool(default))
        except EOFError:
            console.print()
            raise KeyboardInterrupt from None  # Ctrl-D ends the questions as Ctrl-C does
        answer = (answer or "").strip()
        fault = check(answer)
        if fault is None:
            return answer
        console.print(Text(f"  {fault}", style="red"), soft_wrap=True)


def _date_fault(answer: str) -> str | None:
    from ..dates.parse import parse_date
    from ..errors import DateError

    if not answer:
        return "give a date, e.g. 2025-01-20, 'last week' or Jan 2025"
    try:
        parse_date(answer, date.today())
    except DateError as error:
        return str(error)
    return None


def _kind_fault(answer: str) -> str | None:
    kinds = [k.value for k in Kind]
    if answer in kinds:
        return None
    near = difflib.get_close_matches(answer, kinds, n=1)
    hint = f"did you mean '{near[0]}'? " if near else ""
    return f"'{answer}' is no kind; {hint}choose one of {', '.join(kinds)}"


def _participant(console: Console, names: NameIndex, name: str) -> str | None:
    """The actor id for ``name``, the name itself as free text, or None to drop it."""
    found = names.candidates(name)
    if len(found) == 1:
        return found[0].id
    if found:
        console.print(Text(f"  '{name}' fits several actors:", style="yellow"))
        for number, actor in enumerate(found[:9], start=1):
            console.print(f"    {number}. {actor.name} ({actor.id})")
        valid = [str(n) for n in range(1, min(len(found), 9) + 1)]
        pick = _ask(console, "  Which one", lambda a: None if a in valid else f"answer 1 to {valid[-1]}")
        return found[int(pick) - 1].id
    for candidate in names.suggest(name):
        match = names.candidates(candidate)
        if not match:
            continue
        question = f"  '{name}' is no actor; did you mean {match[0].name} ({match[0].id})?"
        if Confirm.ask(question, console=console, default=True):
            return match[0].id
    keep = Confirm.ask(f"  Keep '{name}' as a person who is no actor of the log?", console=console, default=True)
    return name if keep else None


def ask_event(log: Log | None, date_: str | None, kind: str | None, title: str | None) -> Answers:
    """Ask for what is missing, then for participants, place, sources and summary."""
    console = _console()
    answered_date = date_ or _ask(console, "Date", _date_fault, default=date.today().isoformat())
    if not kind:
        console.print(Text("Kinds: " + ", ".join(k.value for k in Kind), style="dim"), soft_wrap=True)
    answered_kind = kind or _ask(console, "Kind", _kind_fault, "meeting")
    answered_title = title or _ask(console, "Title", lambda a: None if a else "give a title, in a line")
    people: list[str] = []
    sources: list[str] = []
    if log is not None and log.actors:
        listed = ", ".join(f"{a.name} ({a.id})" for a in log.actors.values())
        console.print(Text("Actors: " + listed, style="dim"), soft_wrap=True)
    names = NameIndex(log.actors.values() if log else ())
    answer = _ask(console, "Participants, comma-separated (blank for none)", lambda a: None, default="")
    for name in (n.strip() for n in answer.split(",") if n.strip()):
        chosen = _participant(console, names, name)
        if chosen is not None:
            people.append(chosen)
    place = _ask(console, "Place (blank for none)", lambda a: None, default="") or None
    known = list(log.sources) if log else []
    if known:
        console.print(Text("Sources: " + ", ".join(known), style="dim"), soft_wrap=True)

        def sources_fault(answer: str) -> str | None:
            for ident in (s.strip() for s in answer.split(",") if s.strip()):
                if ident not in known:
                    near = difflib.get_close_matches(ident, known, n=1)
                    hint = f"; did you mean '{near[0]}'?" if near else ""
                    return f"'{ident}' is no source of the log{hint}"
            return None

        answer = _ask(console, "Sources, comma-separated (blank for none)", sources_fault, default="")
        sources = [s.strip() for s in answer.split(",") if s.strip()]
    summary = _ask(console, "Summary (blank for none)", lambda a: None, default="") or None
    return Answers(answered_date, answered_kind, answered_title, people, place, sources, summary)


def ask_choice(console: Console, question: str, choices: str, default: str) -> str:
    """One letter of ``choices``; Ctrl-D ends the questions as Ctrl-C does."""
    return _ask(console, question, lambda a: None if a in choices else f"answer one of {'/'.join(choices)}", default)


def edit_record(console: Console, log: Log | None, record: Incoming) -> Incoming:
    """A drafted event with its date, kind, title, participants and place as answered (each answer
    checked as it is typed, as rwpk add checks it; the draft's value is the default)."""
    from ..read.records import Person

    answered_date = _ask(console, "Date", _date_fault, default=record.date)
    kind = _ask(console, "Kind", _kind_fault, default=record.kind)
    title = _ask(console, "Title", lambda a: None if a else "give a title, in a line", default=record.title)
    names = NameIndex(log.actors.values() if log else ())
    shown = ", ".join(p.name for p in record.people)
    answer = _ask(console, "Participants, comma-separated", lambda a: None, default=shown)
    people = list(record.people) if answer == shown else []
    if answer != shown:
        by_name = {p.name: p for p in record.people}
        for name in (n.strip() for n in answer.split(",") if n.strip()):
            if name in by_name:
                people.append(by_name[name])
                continue
            chosen = _participant(console, names, name)
            if chosen is not None:
                actor = log.actors.get(chosen) if log else None
                people.append(Person(actor.name, id=actor.id) if actor else Person(name, free=True))
    place = _ask(console, "Place (blank for none)", lambda a: None, default=record.place or "") or None
    return record._replace(date=answered_date, kind=kind, title=title, people=tuple(people), place=place)
