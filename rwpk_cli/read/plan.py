"""What of a file's records is new to the log, and the TOML that brings it in.

An event is already in the log when an event there carries the same ``imported`` key, or has the
same id with the same dates, kind and title (a log's own export imported back). Each participant
becomes an actor of the log: the one with the id the file gives, else the one rwpk's name matching
finds, else a new actor (with, from rwpk's own exports, the titles the file shows as roles). Each
cited source is the log's, or a new one. New events get the id the file gives when it is free, else
one made from the date and title. The TOML lists the new sources, then the new actors, then the
events, so that the block can be appended to the log as it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from typing import NamedTuple

from ..dates.parse import parse_date
from ..dates.span import DateSpan
from ..errors import DateError
from ..log.check.ids import slug
from ..log.model import Event, Log
from ..log.names import NameIndex, fold, name_tokens
from ..write.blocks import NewActor, NewEvent, NewSource, actor_blocks, event_blocks, source_blocks
from .datasets import not_between
from .records import Incoming, Person, Reading, short_hash


class Selection(NamedTuple):
    """Which records to import: a dyad (two country codes, either direction) and date bounds."""

    between: tuple[str, str] | None = None
    since: DateSpan | None = None
    until: DateSpan | None = None


class Outcome(NamedTuple):
    """What an import adds: the TOML block, and the counts its summary line reports."""

    block: str
    new: int
    already: int
    skipped: Counter[str]
    actors: int
    sources: int
    notes: tuple[str, ...]

    def summary(self) -> str:
        """``N new, M already in the log, K skipped (reasons)``."""
        skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{n} {reason}" for reason, n in self.skipped.most_common())
        text = f"{self.new} new, {self.already} already in the log, {skipped} skipped" + (
            f" ({reasons})" if reasons else ""
        )
        counted = ((self.actors, "actor"), (self.sources, "source"))
        extra = [f"{n} new {what}{'' if n == 1 else 's'}" for n, what in counted if n]
        return text + (f"; {', '.join(extra)}" if extra else "")


def _span(record: Incoming) -> DateSpan:
    """The record's days, a relative date read as the log reads it: against its as_of, else its
    first source's published date."""
    published = record.sources[0].published if record.sources else None
    reference = parse_date(record.as_of) if record.as_of else parse_date(published) if published else None
    return parse_date(record.date, reference)


def select(
    records: Iterable[Incoming], selection: Selection, skipped: Counter[str],
    country_of: Callable[[Person], str | None] = lambda p: p.country,
) -> list[Incoming]:  # fmt: skip
    """The records inside the selection; the others are counted in ``skipped`` by reason. A
    participant's country is the one ``country_of`` gives (the file's, or the log's actor's)."""
    kept = []
    pair = {code.upper() for code in selection.between} if selection.between else None
    for record in records:
        if pair is not None:
            countries = {found.upper() for p in record.people if (found := country_of(p))}
            if not pair <= countries:
                skipped[not_between(selection.between or ("", ""))] += 1
                continue
        if selection.since is not None or selection.until is not None:
            span = _span(record)
            if selection.since is not None and span.end < selection.since.start:
                skipped["before --since"] += 1
                continue
            if selection.until is not None and span.start > selection.until.end:
                skipped["after --until"] += 1
                continue
        kept.append(record)
    return kept


class _Actors:
    """The participants of the new events as actor ids: the log's actors, or new ones."""

    def __init__(self, log: Log | None) -> None:
        self.known = dict(log.actors) if log else {}
        self.index = NameIndex(self.known.values())
        self.new: dict[str, NewActor] = {}
        self.by_name: dict[tuple[str, str], str] = {}
        self.titles: dict[str, dict[str, list[tuple[DateSpan, bool]]]] = {}
        self.ambiguous: list[str] = []

    def _free_id(self, name: str) -> str:
        base = slug(name) or "actor"
        ident, n = base, 1
        while ident in self.known or ident in self.new:
            n += 1
            ident = f"{base}-{n}"
        return ident

    def participant(self, person: Person, when: DateSpan) -> str:
        """What the new event's ``participants`` lists for ``person``: an actor id, or (for a name the
        file gives as free text, and the log does not know) the name itself."""
        ident: str | None
        if person.id and (person.id in self.known or person.id in self.new):
            ident = person.id
        else:
            ident = self._match(person) if not person.id else None
            if ident is None and person.free:
                return person.name
            if ident is None:
                ident = person.id if person.id and person.id not in self.known else self._free_id(person.name)
                kind = person.type if person.type in ("person", "organization") else None
                self.new[ident] = NewActor(ident, person.name, person.country, kind)
                self.by_name[(fold(person.name), person.country or "")] = ident
        if person.title and ident in self.new:
            self.titles.setdefault(ident, {}).setdefault(person.title, []).append((when, person.title_certain))
        return ident

    def country_of(self, person: Person) -> str | None:
        """The participant's country: the file's, else that of the log's actor they are."""
        if person.country:
            return person.country
        ident = person.id if person.id in self.known else self._match(person, quiet=True)
        actor = self.known.get(ident) if ident else None
        return actor.country if actor else None

    def _match(self, person: Person, quiet: bool = False) -> str | None:
        """The actor a name is: for a hand-kept name, as the log's own checks match it (a word's start
        is enough); for a dataset's, only an actor of exactly that name or alias (or id), since
        "Pakistan" is not the Pakistani mission to the UN."""
        made = self.by_name.get((fold(person.name), person.country or ""))
        if made is not None:
            return made
        found = self.index.candidates(person.name)
        words = name_tokens(person.name)
        exact = [a for a in found if a.id == person.name or words in (name_tokens(n) for n in (a.name, *a.aliases))]
        if not person.free:
            found = exact
        if len(found) > 1:  # of several, the one whose name (or alias) it is, in the country given
            found = [a for a in exact if not person.country or a.country == person.country] or exact or found
        if len(found) == 1:
            return found[0].id
        if found and not quiet:
            self.ambiguous.append(f"{person.name!r} ({', '.join(a.id for a in found[:4])})")
        return None

    def blocks(self) -> str:
        """The new actors, each with a role for each title the file shows them with."""
        actors = []
        for ident, actor in self.new.items():
            roles = tuple(_tenure(title, shown) for title, shown in self.titles.get(ident, {}).items())
            actors.append(actor._replace(roles=roles))
        return actor_blocks(actors)


def _tenure(title: str, shown: list[tuple[DateSpan, bool]]) -> dict[str, object]:
    """The shortest tenure that gives every event the title it was shown with: one that spans each
    event shown with the title for certain, and overlaps (without spanning) each shown with it only
    possibly (a "?" title: the event's dates reach past the tenure)."""
    certain = [span for span, sure in shown if sure]
    possible = [span for span, sure in shown if not sure]
    since = min([s.start for s in certain] + [s.end for s in possible])
    until = max([s.end for s in certain] + [s.start for s in possible])
    if since > until:  # only possible ones, which share days: the last of them, as a later start wins
        until = since
    return {"title": title, "since": since, "until": until}


#: The keys of the event datasets, whose rows of one day, two sides and one kind are one event.
DATASET_KEYS = ("icews:", "gdelt:", "plover:")


def _coded(key: str, start: date, end: date, kind: str, people: Iterable[str]) -> tuple[object, ...]:
    return (key.split(":", 1)[0], start, end, kind, frozenset(people))


def _same(event: Event, record: Incoming) -> bool:
    try:
        span = _span(record)
    except DateError:
        return False
    same_days = (event.when.start, event.when.end) == (span.start, span.end)
    return same_days and event.kind.value == record.kind and event.title == record.title


def plan_events(log: Log | None, reading: Reading, selection: Selection) -> Outcome:
    """The new events of ``reading`` and what they need (actors, sources), as one TOML block."""
    skipped = Counter(reading.skipped)
    actors = _Actors(log)
    records = select(reading.events, selection, skipped, actors.country_of)
    events = log.events if log else ()
    imported = {e.imported: e for e in events if e.imported}
    seen = set(imported)
    coded = {_coded(e.imported, e.when.start, e.when.end, e.kind.value, (p.actor_id or p.name for p in e.participants))
             for e in events if e.imported and e.imported.startswith(DATASET_KEYS)}  # fmt: skip
    by_id = {e.id: e for e in events}
    taken = set(by_id)
    sources_known = set(log.sources) if log else set()
    new_sources: dict[str, NewSource] = {}
    new_events: list[NewEvent] = []
    already = renamed = 0
    changed: list[str] = []
    for record in records:
        key = record.imported or f"import:{short_hash(f'{record.date}|{record.kind}|{record.title}')}"
        if key in seen or (record.id and record.id in by_id and _same(by_id[record.id], record)):
            already += 1
            earlier = imported.get(key)
            if earlier is not None and not _same(earlier, record):
                changed.append(f"'{earlier.id}' ({earlier.file or log.path if log else ''}:{earlier.line})")
            continue
        seen.add(key)
        when = _span(record)
        people = tuple(dict.fromkeys(actors.participant(p, when) for p in record.people))
        if record.imported.startswith(DATASET_KEYS):  # the same event, coded again in another release
            signature = _coded(record.imported, when.start, when.end, record.kind, people)
            if signature in coded:
                already += 1
                continue
            coded.add(signature)
        for cited in record.sources:
            if cited.id not in sources_known and cited.id not in new_sources:
                new_sources[cited.id] = NewSource(cited.id, cited.title, cited.outlet, cited.url, cited.published)
        ident = record.id if record.id and record.id not in taken else None
        if record.id and ident is None:
            renamed += 1
        if ident is None:
            base = "-".join(p for p in (slug(when.canonical), slug(record.title)) if p) or "event"
            ident, n = base, 1
            while ident in taken:
                n += 1
                ident = f"{base}-{n}"
        taken.add(ident)
        new_events.append(
            NewEvent(
                record.date,
                record.kind,
                record.title,
                people,
                record.place,
                record.tags,
                tuple(dict.fromkeys(c.id for c in record.sources)),
                record.summary,
                record.as_of,
                record.date_text,
                ident,
                key,
                record.note,
                record.planned,
            )
        )
    notes: list[str] = []  # the reader's own notes are the caller's to show
    if changed:
        shown = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
        notes.append(f"{len(changed)} already imported changed in the file since (date, kind or title); rwpk does "
                     f"not rewrite the log, so edit them by hand if the file is right: {shown}")  # fmt: skip
    if renamed:
        notes.append(f"{renamed} events keep their place but get a new id: the log already uses theirs")
    if actors.ambiguous:
        names = ", ".join(dict.fromkeys(actors.ambiguous))
        notes.append(f"names that fit several actors of the log became new actors (merge them by hand if one is "
                     f"the same): {names}")  # fmt: skip
    parts = [source_blocks(new_sources.values()), actors.blocks(), event_blocks(new_events)]
    block = "\n".join(p for p in parts if p)
    return Outcome(block, len(new_events), already, skipped, len(actors.new), len(new_sources), tuple(notes))
