"""From an article's sentences to proposed events: who, what kind, when, where, and from which words.

Sentence by sentence, an event is proposed where a kind's words (``kinds``) meet the people who
took part (``people``): two sides for a meeting, a visitor for a visit (the side that is not of the
place visited), the issuer of a statement. Its date is the sentence's own date expression; a
sentence without one ("During the visit, …") takes the date of the event before it, and says so. A
later sentence about the same event (the same kind, days that overlap, a participant in common, or
the same delegation) adds to it instead of proposing it twice. A delegation named without its
people ("delegations from Pakistan's Defence and Foreign Ministries visited Kigali") is one visit
per ministry, joined by the people of its country whose titles and doings are of its field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from dataclasses import dataclass, field

from ..dates.span import DateSpan
from ..log.model import Log
from ..log.names import fold, name_tokens
from .kinds import Trigger, background, triggers
from .people import ORG_WORDS, ActorFinder, Mention, new_people, tokens
from .places import Gazetteer, Place, country_of_word
from .text import Sentence
from .when import Found, find_dates

#: The fields a delegation can be of, and the words that place a person or a doing in one.
_FIELDS = {
    "defence": frozenset("defence defense military army armed forces force general gen staff security navy air".split()),
    "foreign": frozenset("foreign envoy ambassador diplomatic political consultations affairs diplomat".split()),
    "trade": frozenset("trade commerce investment business economic".split()),
}
_DELEGATIONS = re.compile(
    r"\bdelegations?\b(?:\s+(?:from|of)\s+(?P<who>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*?))?"
    r"(?:\s+(?P<a>[A-Z]\w+)(?:\s+and\s+(?P<b>[A-Z]\w+))?\s+(?:Ministr(?:y|ies)|Departments?))?",
)
_TIED = re.compile(
    r"^(?P<words>(?:during|on|in|at|over|throughout|later|earlier)\s+(?:the\s+)?(?:same|that|this|his|her|their|"
    r"the)\s+(?:week|day|visit|trip|meeting|occasion|talks|month|evening|morning)|(?:on|at)\s+the\s+sidelines)\b",
    re.I,
)
_PLACE = re.compile(r"\b(?:in|at|to|visited|visiting)\s+(?:the\s+)?(?P<place>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})")
_PRONOUN = re.compile(r"^(?:He|She|They|The (?:minister|president|envoy|ambassador|general|two (?:sides|ministers|"
                      r"leaders|officials|men|countries)))\b")  # fmt: skip
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_RECENT_DAYS = 62  # a month-or-year date ending longer before publication than this is background


@dataclass
class Proposal:
    """One proposed event, as it grows over the sentences that report it."""

    kind: str
    span: DateSpan
    date: str  # what the log's ``date`` says: the words when relative, else the canonical form
    date_text: str | None
    people: list[Mention]
    place: Place | None
    sentence: Sentence
    planned: bool = False
    inherited: bool = False  # the date came from the event before
    delegation: str | None = None  # "Defence Ministry": a visit of a delegation not named by its people
    country: str | None = None  # the delegation's country
    words: str = ""  # what reported its kind: "signed a Memorandum of Understanding (MoU)"
    evidence: list[Sentence] = field(default_factory=list)

    def ids(self) -> set[str]:
        return {_key(m) for m in self.people}


def _key(mention: Mention) -> str:
    return mention.actor or " ".join(name_tokens(mention.name))


class Drafter:
    """Reads an article's sentences in order, keeping what earlier sentences established."""

    def __init__(self, log: Log | None, reference: DateSpan | None, phrases: set[str], planned: bool) -> None:
        self.finder = ActorFinder(log.actors.values() if log else ())
        known = {fold(e.place): e.place for e in (log.events if log else ()) if e.place}
        self.places = Gazetteer(phrases, known)
        self.reference = reference
        self.planned = planned
        self.proposals: list[Proposal] = []
        self.people: dict[str, Mention] = {}  # new people met so far, by name words and by surname
        self.last_people: list[Mention] = []
        self.problems: list[tuple[Sentence, Found]] = []

    # --- one sentence --------------------------------------------------------------------------

    def read(self, sentence: Sentence) -> None:
        if sentence.heading:
            return
        text = sentence.text
        kinds = triggers(text)
        mentions = self._mentions(text)
        if not kinds:
            if mentions:
                self.last_people = mentions
            return
        future = any(t.future for t in kinds)
        dates = [f for f in find_dates(text, self.reference, future) if not _quoted(text, f.start)]
        for found in dates:
            if found.error is not None:
                self.problems.append((sentence, found))
        usable = [f for f in dates if f.span is not None]
        chosen = _chosen(usable)
        if background(text) and not (chosen and chosen.span and chosen.span.days == 1):
            return
        if chosen is not None and chosen.span is not None and self._old(chosen.span):
            return
        if self.reference is not None and chosen is not None and chosen.span is not None:
            future = future or chosen.span.start > self.reference.end
        if future and not self.planned:
            return
        pronoun = _PRONOUN.match(text)
        if pronoun and self.last_people:
            lead = [m for m in self.last_people if m.actor or m.title][:2 if "two" in pronoun.group() else 1]
            mentions = lead + [m for m in mentions if _key(m) not in {_key(x) for x in lead}]
        place = self._place(text)
        for trigger in sorted(kinds, key=lambda t: t.kind != "visit"):  # a visit first: a meeting during it takes its days
            self._propose(sentence, trigger, mentions, chosen, place, future)
        if mentions:
            self.last_people = mentions

    def _mentions(self, text: str) -> list[Mention]:
        outside = _outside_quotes(text)
        known = self.finder.find(outside)
        found = sorted(known + new_people(outside, known), key=lambda m: m.start)
        result: list[Mention] = []
        for mention in found:
            words = name_tokens(mention.name)
            if mention.actor is None:
                self.people.setdefault(" ".join(words), mention)
                if words:
                    self.people.setdefault(words[-1], mention)
            result.append(mention)
        # a new person met before, now named without a title ("Mudavadi said …")
        for token in tokens(outside):
            key = fold(token.text)
            key = re.sub(r"['’]s$", "", key)
            person = self.people.get(key)
            if person is not None and token.text[:1].isupper() and not any(
                m.start <= token.start < m.end for m in result
            ):
                if _key(person) not in {_key(m) for m in result}:
                    result.append(person._replace(start=token.start, end=token.end))
        for organisation in _organisations(outside):
            if not any(m.start <= organisation.start < m.end or organisation.start <= m.start < organisation.end
                       for m in result):  # fmt: skip
                result.append(organisation)
        return sorted(result, key=lambda m: m.start)

    def _place(self, text: str) -> Place | None:
        found: list[Place] = []
        for match in _PLACE.finditer(text):
            words = match["place"].rstrip(".").split()
            for size in range(len(words), 0, -1):
                candidate = " ".join(words[:size])
                candidate = re.sub(r"['’]s$", "", candidate)
                if len(candidate) < 3 or re.fullmatch(r"[A-Z]{2,4}", candidate):
                    continue  # "UN", "AU": an organisation, not a place
                place = self.places.place(candidate)
                if place is not None:
                    found.append(place._replace(name=candidate))
                    break
        cities = [p for p in found if p.city]
        return cities[0] if cities else found[0] if found else None

    def _old(self, span: DateSpan) -> bool:
        """A month or a year well before publication: background ("in 2022, trade …")."""
        if self.reference is None or span.days <= 7:
            return False
        return (self.reference.start - span.end).days > _RECENT_DAYS

    # --- proposals -----------------------------------------------------------------------------

    def _propose(self, sentence: Sentence, trigger: Trigger, mentions: list[Mention], chosen: Found | None,
                 place: Place | None, future: bool) -> None:  # fmt: skip
        text = sentence.text
        kind = trigger.kind
        people = [m for m in mentions if not m.organization]
        delegations = _delegations(text) if kind in ("visit", "meeting", "consultation") else []
        if kind == "statement":
            people = _issuer(mentions, trigger)
        elif kind == "visit":
            people = self._visitors(people, place, text, trigger)
        elif kind == "meeting" and len(people) < 2 and not re.search(r"\bcounterparts?\b|\bdelegation\b", text):
            return
        if not people and not (kind == "visit" and delegations):
            return
        span, date, date_text, inherited = self._when(text, chosen, kind, people)
        if span is None:
            return
        if kind == "visit":
            span, date = _lasting(text, span, date)
        if kind in ("meeting", "call", "consultation", "agreement") and place is None and _TIED.match(text):
            visit = next((p for p in reversed(self.proposals) if p.kind == "visit" and p.span.overlaps(span)), None)
            place = visit.place if visit else None
        if not people:
            for delegation, country in delegations:
                self._add(Proposal(kind, span, date, date_text, [], place, sentence, future, inherited, delegation,
                                   country, trigger.words))  # fmt: skip
            return
        self._add(Proposal(kind, span, date, date_text, people, place, sentence, future, inherited, None, None,
                           trigger.words))  # fmt: skip

    def _visitors(self, people: list[Mention], place: Place | None, text: str, trigger: Trigger) -> list[Mention]:
        if place is not None and place.country:
            away = [m for m in people if m.country and m.country != place.country]
            if away:
                return away
            if any(m.country == place.country for m in people) and len(people) > 1:
                return [m for m in people if m.country != place.country]
        before = text[max(0, trigger.start - 30) : trigger.start].lower()
        if re.search(r"\b(?:his|her)\b[^,]*$", before) and people:
            return people[:1]
        if re.search(r"\bvisiting\b", trigger.words.lower()) and people:
            after = [m for m in people if m.start > trigger.start]
            return after[:1] or people[:1]
        return people[:1]

    def _when(self, text: str, chosen: Found | None, kind: str,
              people: list[Mention]) -> tuple[DateSpan | None, str, str | None, bool]:  # fmt: skip
        if chosen is not None and chosen.span is not None:
            words = chosen.words.strip()
            date = words if chosen.relative and _reads_back(words) else chosen.span.canonical
            return chosen.span, date, words, False
        tied = _TIED.match(text)
        keys = {_key(m) for m in people}
        during = re.search(r"\b(?:during|on|in the course of)\s+(?:his|her|their|the|its)\b[^.]*\bvisit\b", text, re.I)
        visit = next((p for p in reversed(self.proposals) if p.kind == "visit" and p.ids() & keys), None)
        if during and visit is not None and kind != "visit":
            return visit.span, visit.date, visit.date_text, True
        before = next((p for p in reversed(self.proposals) if not p.planned), None)
        if before is None:
            return None, "", None, False
        return before.span, before.date, tied["words"] if tied else before.date_text, True

    def _add(self, new: Proposal) -> None:
        for old in reversed(self.proposals):
            if old.kind != new.kind or not old.span.overlaps(new.span) or old.planned != new.planned:
                continue
            if self._same(old, new):
                _merge(old, new)
                return
        new.evidence.append(new.sentence)
        self.proposals.append(new)

    def _same(self, old: Proposal, new: Proposal) -> bool:
        """Whether ``new`` reports ``old`` again (their kinds match and their days overlap)."""
        if old.ids() & new.ids():
            return True
        if new.kind != "visit":
            return not new.people and bool(old.delegation)
        if old.delegation and new.delegation and not new.people:
            generic = new.delegation == "delegation" and (not new.country or new.country == old.country)
            return old.delegation == new.delegation or generic
        if old.delegation and new.people:
            countries = {m.country for m in new.people if m.country}
            if old.country and countries and old.country not in countries:
                return False
            return _field_of(old.delegation) in (_field(new.people, new.sentence.text), None)
        if new.delegation and not new.people:
            return bool(old.people) and (
                new.place is None or old.place is None or new.place.country == old.place.country
            )
        return False

    def finish(self) -> list[Proposal]:
        """The proposals, with delegations joined by the people of their field seen elsewhere."""
        for visit in self.proposals:
            if not (visit.kind == "visit" and visit.delegation and not visit.people):
                continue
            wanted = _field_of(visit.delegation)
            for other in self.proposals:
                if other is visit or not other.span.overlaps(visit.span):
                    continue
                elsewhere = other.place and visit.place and other.place.country != visit.place.country
                if elsewhere:
                    continue
                for person in other.people:
                    same_country = visit.country is None or person.country == visit.country
                    if same_country and person.country and _field([person], other.sentence.text) == wanted:
                        if _key(person) not in visit.ids():
                            visit.people.append(person)
        return self.proposals


def _merge(old: Proposal, new: Proposal) -> None:
    known = old.ids()
    old.people.extend(m for m in new.people if _key(m) not in known)
    old.place = old.place or new.place
    if old.inherited and not new.inherited:
        old.span, old.date, old.date_text, old.inherited = new.span, new.date, new.date_text, False
    elif new.span.within(old.span) and new.span != old.span and not new.inherited and new.span.days > 1:
        old.span, old.date = new.span, new.date  # "a three-day visit" makes "last week" exact
    if new.sentence not in old.evidence:
        old.evidence.append(new.sentence)


def _field_of(delegation: str | None) -> str | None:
    if delegation is None:
        return None
    words = set(fold(delegation).split())
    return next((name for name, vocabulary in _FIELDS.items() if words & vocabulary), None)


def _field(people: Iterable[Mention], context: str) -> str | None:
    """The field (defence, foreign affairs, trade) that people's titles and the sentence speak of most."""
    words = re.findall(r"[a-z]+", fold(" ".join([*(m.title or "" for m in people), context])))
    scores = {name: sum(w in vocabulary for w in words) for name, vocabulary in _FIELDS.items()}
    best = max(scores, key=lambda name: scores[name])
    return best if scores[best] else None


def _delegations(text: str) -> list[tuple[str, str | None]]:
    """The delegations a sentence names without their people, each with its country."""
    found: list[tuple[str, str | None]] = []
    for match in _DELEGATIONS.finditer(text):
        who = match["who"] or ""
        country = next((c for c in (country_of_word(w) for w in who.split()) if c), None)
        if country is None:
            before = text[max(0, match.start() - 25) : match.start()].split()
            country = next((c for c in (country_of_word(w) for w in before[-2:]) if c), None)
        if match["a"]:
            for ministry in (match["a"], match["b"]):
                if ministry:
                    found.append((f"{ministry} Ministry", country))
        else:
            found.append(("delegation", country))
    return found


def _issuer(mentions: list[Mention], trigger: Trigger) -> list[Mention]:
    """Who issued a statement: whoever is named nearest the words that report it."""
    if not mentions:
        return []
    return [min(mentions, key=lambda m: min(abs(m.start - trigger.end), abs(trigger.start - m.end)))]


_LASTING = re.compile(r"\b(?P<n>two|three|four|five|six|seven|\d)[- ]day\b", re.I)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _lasting(text: str, span: DateSpan, date: str) -> tuple[DateSpan, str]:
    """"a three-day visit that began on Monday": the visit's days, when the start is one day."""
    match = _LASTING.search(text)
    if match is None or span.days != 1:
        return span, date
    from datetime import timedelta

    from ..dates.parse import parse_date

    raw = match["n"].lower()
    days = int(raw) if raw.isdigit() else _NUMBERS[raw]
    end = span.start + timedelta(days=days - 1)
    whole = parse_date(f"{span.start.isoformat()}/{end.isoformat()}")
    return whole, whole.canonical


def _chosen(found: list[Found]) -> Found | None:
    """The sentence's date: its first expression that is a day or a span of days near publication,
    else its first."""
    if not found:
        return None
    precise = [f for f in found if f.span is not None and f.span.days <= 31]
    return (precise or found)[0]


def _reads_back(words: str) -> bool:
    from ..dates.parse import parse_date
    from ..errors import DateError

    try:
        parse_date(words, date(2025, 1, 15))
    except DateError:
        return False
    return True


def _quoted(text: str, position: int) -> bool:
    return any(m.start() <= position < m.end() for m in _QUOTED.finditer(text))


def _outside_quotes(text: str) -> str:
    """The sentence with quotations blanked (same length): a name in a quote takes no part."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


_ORGANISATION = re.compile(
    r"(?:(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,4}(?:" + "|".join(w.capitalize() for w in sorted(ORG_WORDS)) + r")"
    r"(?:\s+(?:of|for|to|on|and)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4})*)"
)


def _organisations(text: str) -> list[Mention]:
    found = []
    for match in _ORGANISATION.finditer(text):
        name = re.sub(r"^the\s+", "", match.group()).strip()
        if len(name.split()) < 2:
            continue
        start = match.start() + match.group().find(name)
        country = next((c for c in (country_of_word(w) for w in name.split()) if c), None)
        found.append(Mention(name, start, start + len(name), None, country, None, True))
    return found
