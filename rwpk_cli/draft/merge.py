"""Proposed events, and how a later sentence about the same event adds to it instead of repeating it.

Two proposals are one event when their kinds match, their days overlap and they share a
participant; or when one is a delegation's visit named without its people and the other names a
person of that delegation's country and field; or when one is an agreement the countries signed and
the other says who signed it. A delegation still without its people at the end is joined by the
people of its country and field that the article shows doing something in the place it visited.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..dates.span import DateSpan
from ..log.names import fold
from .cast import key
from .people import Mention
from .places import Place
from .text import Sentence

_DEFENCE = "defence defense military army armed forces force general gen staff security navy air"
_FOREIGN = "foreign envoy ambassador diplomatic political consultations affairs diplomat"
_TRADE = "trade commerce investment business economic"
#: The fields a delegation can be of, and the words that place a person or a doing in one.
FIELDS = {name: frozenset(words.split()) for name, words in (("defence", _DEFENCE), ("foreign", _FOREIGN),
                                                             ("trade", _TRADE))}  # fmt: skip


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
    another: bool = False  # "also signed a joint declaration": not the agreement told before
    evidence: list[Sentence] = field(default_factory=list)

    def ids(self) -> set[str]:
        return {key(m) for m in self.people}


def add(proposals: list[Proposal], new: Proposal) -> None:
    """Add ``new`` to ``proposals``, or to the proposal it reports again (unless it says it is another)."""
    for old in reversed(proposals) if not new.another else ():
        if old.kind != new.kind or old.planned != new.planned:
            continue
        if not old.span.overlaps(new.span) and not _told_undated(old, new):
            continue
        if _same(old, new):
            _merge(old, new)
            return
    new.evidence.append(new.sentence)
    proposals.append(new)


def _told_undated(old: Proposal, new: Proposal) -> bool:
    """ "The two leaders met at Hyderabad House, …", with no day of its own: the talks of the same
    two told days before, not a meeting on the day the sentence before named."""
    return (
        new.inherited
        and new.kind in ("meeting", "call", "consultation")
        and len(new.ids()) >= 2
        and new.ids() == old.ids()
        and abs((new.span.start - old.span.start).days) <= 7
    )


def _same(old: Proposal, new: Proposal) -> bool:
    """Whether ``new`` reports ``old`` again (their kinds match and their days overlap)."""
    if new.kind == "agreement" and _another_document(old, new):
        return False
    if new.kind == "agreement" and _BACK.match(new.sentence.text):
        return True  # "The documents were signed by …": those just told of, whoever signed them
    shared = old.ids() & new.ids()
    if shared and new.kind == "visit" and _onward(old, new):
        return False  # "Later the same day, Faye flew to Ouagadougou": the tour's next country, a visit of its own
    if shared and new.kind in ("meeting", "call", "consultation"):
        # one meeting told again names no one new ("During the talks, Dar said …"); the visitor's
        # meeting with another host the same day is another meeting
        return new.ids() <= old.ids() or (len(old.ids()) == 1 and old.ids() <= new.ids())
    if shared:
        return True
    if new.kind == "agreement" and (not old.people or not new.people):
        return True  # the countries signed; a later sentence names who signed
    if new.kind != "visit":
        return not new.people and bool(old.delegation)
    if old.delegation and new.delegation and not new.people:
        generic = new.delegation == "delegation" and (not new.country or new.country == old.country)
        return old.delegation == new.delegation or generic
    if old.delegation and new.people:
        countries = {m.country for m in new.people if m.country}
        if old.country and countries and old.country not in countries:
            return False
        return field_of(old.delegation) in (field_spoken(new.people, new.sentence.text), None)
    if new.delegation and not new.people:
        return bool(old.people) and (new.place is None or old.place is None or new.place.country == old.place.country)
    return False


#: Travel on, later, from one country to the next: "Later the same day, Faye flew to Ouagadougou".
_ONWARD = re.compile(
    r"\b(?:later (?:the same|that) day|the (?:same|next|following) day|then)\b[^.;]{0,40}?"
    r"\b(?:flew|travel(?:l)?ed|went|moved|headed|continued)\s+(?:on\s+)?to\b",
    re.I,
)


def _onward(old: Proposal, new: Proposal) -> bool:
    """Whether ``new`` is a visit to a city of another country than the one ``old`` visited, reached
    by travelling on later."""
    there, here = old.place, new.place
    return (
        there is not None and here is not None and not there.city and here.city and there.country is not None
        and here.country is not None and there.country != here.country and _ONWARD.search(new.sentence.text) is not None
    )  # fmt: skip


#: The documents an agreement can be, by the words that name them.
_DOCUMENTS = {"mou": "mou", "memorand": "mou", "agreement": "agreement", "accord": "agreement", "deal": "agreement",
              "pact": "agreement", "treat": "treaty", "declaration": "declaration", "protocol": "protocol",
              "convention": "convention", "charter": "charter", "roadmap": "roadmap", "program": "programme",
              "plan": "programme", "communiqu": "statement", "statement": "statement"}  # fmt: skip
_DOCUMENT = re.compile(r"\b(?:" + "|".join(_DOCUMENTS) + ")", re.I)
_BACK = re.compile(r"(?:The|These|Those|Both)\s+(?:\w+\s+){0,2}?(?:documents|agreements?|memorand\w*|MoUs?|accords?|"
                   r"deals?|treat\w+|declarations?|instruments|pacts?)\b")  # fmt: skip
_DEFINITE = re.compile(r"\b(?:the|these|those|this|that|both)\s+(?:\S+\s+){0,3}$", re.I)


def _another_document(old: Proposal, new: Proposal) -> bool:
    """ "signed the Declaration …", then "22 agreements … were signed": another document, not the
    one before told again ("the agreements were signed by …" refers back to the memoranda)."""
    was, now = _DOCUMENT.search(old.words), _DOCUMENT.search(new.words)
    if was is None or now is None:
        return False
    text = new.sentence.text
    at = text.find(new.words)
    if at >= 0 and _DEFINITE.search(text, 0, at + now.start()):
        return False
    return _DOCUMENTS[was.group().lower()] != _DOCUMENTS[now.group().lower()]


def _merge(old: Proposal, new: Proposal) -> None:
    known = old.ids()
    old.people.extend(m for m in new.people if key(m) not in known)
    old.place = old.place or new.place
    if old.inherited and not new.inherited:
        old.span, old.date, old.date_text, old.inherited = new.span, new.date, new.date_text, False
    elif (
        new.span.within(old.span)
        and new.span != old.span
        and not new.inherited
        and (new.span.days > 1 or old.kind != "visit")
    ):
        old.span, old.date = new.span, new.date  # "a three-day visit" makes "last week" exact; "on 18 December"
    elif (
        old.kind == "visit" and old.span.within(new.span) and old.span.days < new.span.days <= 14 and not new.inherited
    ):
        old.span, old.date, old.date_text = new.span, new.date, new.date_text  # the whole stay, once told
    if new.sentence not in old.evidence:
        old.evidence.append(new.sentence)


#: Who led a side: "led the Pakistani side", "headed their delegations", "Bangladesh's delegation was headed by".
_LED_SIDE = re.compile(
    r"\b(?:led|headed)\s+(?:the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}(?:side|delegation|team)s?\b|"
    r"\b(?:side|delegation|team)\s+(?:was|were)\s+(?:led|headed)\s+by\b"
)


def join_sides(proposals: list[Proposal], sentence: Sentence, mentions: list[Mention]) -> None:
    """ "X led the Pakistani side at the consultations, while Bangladesh's delegation was headed
    by Y": X and Y held the consultations the countries were said to hold, just before."""
    if not _LED_SIDE.search(sentence.text):
        return
    held = next((p for p in reversed(proposals) if p.kind == "consultation"), None)
    if held is None or held.people or held.delegation or sentence.paragraph - held.sentence.paragraph > 1:
        return
    held.people.extend(m for m in mentions if not m.organization and key(m) not in held.ids())
    if held.people and sentence not in held.evidence:
        held.evidence.append(sentence)


def join_delegations(proposals: list[Proposal]) -> None:
    """Give each delegation's visit still without its people those of its country and field whom
    the article shows, on overlapping days, doing something in the country visited."""
    for visit in proposals:
        if not (visit.kind == "visit" and visit.delegation and not visit.people):
            continue
        wanted = field_of(visit.delegation)
        for other in proposals:
            if other is visit or not other.span.overlaps(visit.span):
                continue
            if other.place and visit.place and other.place.country != visit.place.country:
                continue
            for person in other.people:
                same_country = visit.country is None or person.country == visit.country
                fits = same_country and person.country and field_spoken([person], other.sentence.text) == wanted
                if fits and key(person) not in visit.ids():
                    visit.people.append(person)


def field_of(delegation: str | None) -> str | None:
    """The field a delegation's name says: "Defence Ministry" → defence."""
    if delegation is None:
        return None
    words = set(fold(delegation).split())
    return next((name for name, vocabulary in FIELDS.items() if words & vocabulary), None)


def field_spoken(people: Iterable[Mention], context: str) -> str | None:
    """The field (defence, foreign affairs, trade) that people's titles and the sentence speak of most."""
    words = re.findall(r"[a-z]+", fold(" ".join([*(m.title or "" for m in people), context])))
    scores = {name: sum(w in vocabulary for w in words) for name, vocabulary in FIELDS.items()}
    best = max(scores, key=lambda name: scores[name])
    return best if scores[best] else None
