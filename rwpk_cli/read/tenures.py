"""Which tenures of a file are new to the log, and the log's text with them added.

Each tenure is matched to an actor by rwpk's name matching (narrowed by country when several fit).
A tenure the actor already has (the same title and dates) is not added again. One that overlaps a
tenure of the same title with other dates contradicts it: it is reported and left out, for the
user to settle. So is a tenure that overlaps another person's in the same title and country, which
is reported but kept (a handover month may be recorded either way). People the log does not know
become new actors, appended with their roles; roles of the log's own actors are inserted into their
``roles`` (see ``write.roles``); that every other byte of the file is kept, and that the result is
the same log with the new roles, is checked before anything is written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple

from ..dates.parse import parse_date
from ..dates.span import DateSpan
from ..errors import DateError, UsageError
from ..log.check.ids import slug
from ..log.model import Actor, Log
from ..log.names import NameIndex, fold
from ..write.append import appended
from ..write.blocks import NewActor, actor_blocks
from .records import Reading, Tenure


class RolesOutcome(NamedTuple):
    """The log's new text, and what the summary line and the reports say."""

    text: str
    added: int
    already: int
    actors: int
    skipped: Counter[str]
    reports: tuple[str, ...]

    def summary(self) -> str:
        skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{n} {reason}" for reason, n in self.skipped.most_common())
        roles = f"{self.added} new role{'' if self.added == 1 else 's'}"
        text = f"{roles}, {self.already} already in the log, {skipped} skipped"
        text += f" ({reasons})" if reasons else ""
        return text + (f"; {self.actors} new actor{'' if self.actors == 1 else 's'}" if self.actors else "")


class _Held(NamedTuple):
    who: str
    title: str
    country: str | None
    since: DateSpan | None
    until: DateSpan | None
    where: str


def _span(text: str | None) -> DateSpan | None:
    return parse_date(text) if text else None


def _same(a: DateSpan | None, b: DateSpan | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and (a.start, a.end) == (b.start, b.end))


def _may_overlap(a: _Held, b: _Held) -> bool:
    a_start = a.since.start if a.since else None
    a_end = a.until.end if a.until else None
    b_start = b.since.start if b.since else None
    b_end = b.until.end if b.until else None
    return (a_end is None or b_start is None or b_start <= a_end) and (
        b_end is None or a_start is None or a_start <= b_end
    )


def _surely_overlap(a: _Held, b: _Held) -> bool:
    """Both tenures surely held on some day: each began (at the latest) before the other surely ended."""
    a_began = a.since.end if a.since else None
    a_ended = a.until.start if a.until else None
    b_began = b.since.end if b.since else None
    b_ended = b.until.start if b.until else None
    return (a_ended is None or b_began is None or b_began < a_ended) and (
        b_ended is None or a_began is None or a_began < b_ended
    )


def _dates(held: _Held) -> str:
    return f"{held.since.text if held.since else '…'}–{held.until.text if held.until else '…'}"


class _Plan:
    def __init__(self, log: Log | None, display: str, log_display: str) -> None:
        self.display = display
        self.actors: dict[str, Actor] = dict(log.actors) if log else {}
        self.index = NameIndex(self.actors.values())
        self.new: dict[str, NewActor] = {}
        self.new_by_name: dict[tuple[str, str], str] = {}
        self.added: dict[str, list[dict[str, Any]]] = {}
        self.held: dict[str, list[_Held]] = {}  # by folded title: every tenure, the log's and the new ones
        for actor in self.actors.values():
            for role in actor.roles:
                where = f"{actor.file or log_display}:{actor.line}"
                self.held.setdefault(fold(role.title), []).append(
                    _Held(actor.id, role.title, actor.country, role.since, role.until, where)
                )
        self.already = 0
        self.skipped = Counter[str]()
        self.reports: list[str] = []

    def actor_of(self, tenure: Tenure) -> str | None:
        made = self.new_by_name.get((fold(tenure.name), tenure.country or ""))
        if made:
            return made
        found = self.index.candidates(tenure.name)
        if len(found) > 1 and tenure.country:
            found = [a for a in found if a.country == tenure.country] or found
        if len(found) > 1:
            names = ", ".join(f"{a.name} ({a.id})" for a in found)
            self.reports.append(f"{self.display}:{tenure.line}: {tenure.name!r} fits several actors ({names}); "
                                "not added — give the actor an alias that tells them apart")  # fmt: skip
            self.skipped["names that fit several actors"] += 1
            return None
        if found:
            actor = found[0]
            if actor.file:
                where = f"{self.display}:{tenure.line}: {actor.name} is declared in {actor.file}"
                self.reports.append(f"{where}; rwpk import roles adds roles in the log's own file only: use --file "
                                    f"{actor.file}")  # fmt: skip
                self.skipped["actors declared in an included file"] += 1
                return None
            return actor.id
        base = slug(tenure.name) or "actor"
        ident, n = base, 1
        while ident in self.actors or ident in self.new:
            n += 1
            ident = f"{base}-{n}"
        self.new[ident] = NewActor(ident, tenure.name, tenure.country)
        self.new_by_name[(fold(tenure.name), tenure.country or "")] = ident
        return ident

    def add(self, tenure: Tenure) -> None:
        try:
            since, until = _span(tenure.since), _span(tenure.until)
        except DateError as error:
            raise UsageError(f"{self.display}:{tenure.line}: {error}") from None
        who = self.actor_of(tenure)
        if who is None:
            return
        country = self.actors[who].country if who in self.actors else tenure.country
        mine = _Held(who, tenure.title, country, since, until, f"{self.display}:{tenure.line}")
        others = self.held.setdefault(fold(tenure.title), [])
        for other in others:
            if other.who != who:
                continue
            if _same(other.since, since) and _same(other.until, until):
                self.already += 1
                return
            if _may_overlap(other, mine):
                self.reports.append(f"{mine.where}: {tenure.name} as {tenure.title} {_dates(mine)} contradicts "
                                    f"{_dates(other)} at {other.where}; not added — settle which is right")  # fmt: skip
                self.skipped["contradicting a recorded tenure"] += 1
                return
        for other in others:
            if other.who != who and other.country == country and country and _surely_overlap(other, mine):
                self.reports.append(f"{mine.where}: {tenure.name} as {tenure.title} {_dates(mine)} overlaps "
                                    f"{other.who}'s {_dates(other)} ({other.where}); both kept")  # fmt: skip
        others.append(mine)
        role = {"title": tenure.title, "since": tenure.since, "until": tenure.until}
        self.added.setdefault(who, []).append({k: v for k, v in role.items() if v})


def keeps_every_byte(old: str, new: str) -> bool:
    """Whether ``old`` is a subsequence of ``new``: text was only inserted, nothing changed or lost.
    Greedy matching, in long runs where the texts agree and a character at a time where they do not."""
    i = j = 0
    step = 4096
    while i < len(old):
        size = min(step, len(old) - i)
        while size > 1 and not new.startswith(old[i : i + size], j):
            size //= 2
        if new.startswith(old[i : i + size], j):
            i, j = i + size, j + size
            continue
        j = new.find(old[i], j)
        if j < 0:
            return False
    return True


def _edited(text: str, log: Log | None, added: dict[str, list[dict[str, Any]]], new_ids: Sequence[str]) -> str:
    from ..write.insert import with_roles

    existing = {who: roles for who, roles in added.items() if who not in new_ids}
    if not existing or log is None:
        return text
    return with_roles(text, {who: log.actors[who].line for who in existing}, existing)


def plan_roles(text: str, log: Log | None, reading: Reading, display: str, log_display: str) -> RolesOutcome:
    """The log's text with the file's new tenures added, and what was left out and why. ``display``
    names the file imported, ``log_display`` the log."""
    plan = _Plan(log, display, log_display)
    seen: set[str] = set()
    for tenure in reading.tenures:
        if tenure.imported in seen:
            plan.already += 1
            continue
        seen.add(tenure.imported)
        plan.add(tenure)
    new_ids = list(plan.new)
    edited = _edited(text, log, plan.added, new_ids)
    if not keeps_every_byte(text, edited):
        raise UsageError("adding the roles in place would change the log's existing text; nothing was written")
    actors = [actor._replace(roles=tuple(plan.added.get(ident, ()))) for ident, actor in plan.new.items()]
    block = actor_blocks(actors)
    new_text = appended(edited, block) if block else edited
    added = sum(len(roles) for roles in plan.added.values())
    skipped = Counter(reading.skipped) + plan.skipped
    return RolesOutcome(new_text, added, plan.already, len(plan.new), skipped, tuple(plan.reports))
