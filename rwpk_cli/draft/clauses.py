"""Which part of a sentence tells of which event: a clause of its own for each of two events of
one kind ("met A on Monday, a day after his call with B"), the people listed one after another
("met A, B and C"), and the clauses of another time ("since X met Y on 25 November", "from
Pyongyang, where …"), which must give their own date to tell of an event.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..dates.span import DateSpan
from .cast import key
from .kinds import CLAUSE_BREAK, Trigger
from .people import Mention
from .when import Found

#: A clause of what came before, up to the event's words: "since Jokowi congratulated Anwar in a".
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:(?!\band\s+[a-z]+ed\b)[^,;()])*$")


_BEFORE_CLAUSE = re.compile(
    rf"{_SINCE_CLAUSE.pattern}|\bfrom\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*,\s+where\s+[^,;]*$|"
    # "his trip coming two months after the two countries signed a defense cooperation agreement"
    r"\b(?:weeks?|months?|years?|decades?)\s+(?:after|before)\s+[^,;()]*$"
)


_LAST_YEAR = re.compile(r"\blast\s+year$", re.I)

#: Reported words about a visit: "had said in a statement on Tuesday that the state visit": the
#: day is the saying's, not the visit's.
#: The words a statement reports, from their "that": "said in a statement on Friday that …".
_REPORTED = re.compile(r"\b(?:said|stated|announced|confirmed|noted)\b[^.;\"“]{0,80}?\bthat\b", re.I)
_SAID_THAT = re.compile(r"\b(?:said|announced|stated|confirmed)\b[^.;\"“]*?\bthat\s+(?:[\w-]+\s+){0,3}$", re.I)


_YEARS_AGO = 730  # a day given in full longer before publication than this is history


RECENT_DAYS = 62  # a month-or-year date ending longer before publication than this is background
#: A day without its year ("on February 7") longer before publication than this is history.
_DAY_OF_THE_SEASON = 120


#: How long before or after: "a day after", "two weeks after", "months before".
_DISTANCE = re.compile(r"\b(?:days?|weeks?|months?|years?|decades?)\s+$", re.I)
_SAME_DAY = re.compile(r"\b(?:hours|minutes|shortly|soon|just|moments|right|immediately)\s+$", re.I)


def usable_dates(text: str, dates: list[Found], asides: list[tuple[int, int]], trigger: Trigger, part: tuple[int, int],
            reference: DateSpan | None) -> list[Found] | None:  # fmt: skip
    """The dates that can date ``trigger``: those of its part of the sentence and of its clause, or
    the sentence's own where its clause has none; None for an event of another time that gives none."""
    own = [f for f in dates if part[0] <= f.start < part[1] and f.span is not None]
    # "travelled to Otesevo, becoming the first to set foot in the country since it declared independence
    # in 1991": since when, in a clause after the event's ("his first visit since 2019" is dated by it)
    own = [f for f in own if not _since_after(text, trigger, f)]
    if part[0] > 0 and (_SAME_DAY.search(text, 0, part[0]) or not (own or _DISTANCE.search(text, 0, part[0]))):
        # "…, hours after the Prime Minister held talks", "received on Wednesday, before the two held talks": that day
        own = [f for f in dates if f.span is not None]
    clause = clause_of(asides, trigger.start)
    usable = [f for f in own if clause_of(asides, f.start) == clause]
    if not usable and clause is not None:  # a clause without a date of its own: the sentence's
        usable = [f for f in own if clause_of(asides, f.start) is None]
    if not usable and clause is None:  # "Wong, who arrived on Jan 6, was hosted to dinner that evening"
        usable = [f for f in own if not old(reference, f)]
    content = _REPORTED.search(text) if trigger.kind == "statement" else None
    if content is not None:  # "Wang said that the call … on January 17 had set the tone": what it tells of
        usable = [f for f in usable if f.start < content.end()]
    before = _BEFORE_CLAUSE.search(text, 0, trigger.start)
    said = _SAID_THAT.search(text, 0, trigger.start) if trigger.kind == "visit" else None
    if before is None and said is not None and trigger.words.lower().endswith("visit"):
        return [f for f in usable if f.start > said.end()] or None
    if before is not None:  # "his first visit since the two countries signed a pact last year", "flew in from
        # Pyongyang, where he had signed a treaty": an event of its own time, told by its own date
        usable = [f for f in usable if f.start > before.start()]
        return usable or None
    return usable


def _since_after(text: str, trigger: Trigger, found: Found) -> bool:
    """Whether ``found`` says since when, in a "since" clause after a comma that follows the trigger."""
    if found.start < trigger.end:
        return False
    clause = _SINCE_CLAUSE.search(text, trigger.end, found.start)
    return clause is not None and "," in text[trigger.end : clause.start()]


def since(text: str, trigger: Trigger, people: list[Mention], aside: list[Mention]) -> list[Mention]:
    """ "… since Jokowi congratulated Anwar in a telephone call on November 25": an event of its day,
    whose people the sentence names only as what came before, takes them back."""
    since = _SINCE_CLAUSE.search(text, 0, trigger.start)
    if since is None:
        return people
    told = [m for m in aside if m.start > since.start() and key(m) not in {key(x) for x in people}]
    return sorted([*people, *told], key=lambda m: m.start)


def segment(text: str, triggers: list[Trigger], trigger: Trigger) -> tuple[int, int]:
    """The part of the sentence that tells of ``trigger``: all of it, unless it tells of another of
    the same kind too, each then in its own clause (from the comma or "after" before its words)."""
    same = sorted((t for t in triggers if t.kind == trigger.kind), key=lambda t: t.start)
    if len(same) < 2:
        return 0, len(text)
    bounds = [0]
    for before, after in pairwise(same):
        breaks = [m.start() for m in CLAUSE_BREAK.finditer(text, before.end, after.start)]
        bounds.append(breaks[-1] if breaks else after.start)
    bounds.append(len(text))
    at = same.index(trigger)
    return bounds[at], bounds[at + 1]


#: "… a day after his call with B": the one whose call it was is the subject of the sentence.
_HIS = re.compile(r"\b(?:(?:his|her|their)\s+(?:[\w-]+\s+){0,3}|(?:he|she|they)\s+(?:[\w-]+\s+){0,2})$", re.I)


def in_segment(text: str, mentions: list[Mention], lo: int, hi: int, trigger: Trigger) -> list[Mention]:
    """The people of the segment ``lo``..``hi``; in a later one, the sentence's subject too where
    the event is said to be theirs ("his call with B")."""
    if (lo, hi) == (0, len(text)):
        return mentions
    inside = [m for m in mentions if lo <= m.start < hi]
    part = text[lo:hi]
    # "Trump and Zelensky spoke …, a day after Trump's call with Putin": named again, once a sentence
    inside += [m for m in mentions if not lo <= m.start < hi and not m.organization and m.name.split()
               and re.search(rf"\b{re.escape(m.name.split()[-1])}\b", part)]  # fmt: skip
    inside.sort(key=lambda m: m.start if lo <= m.start < hi else lo + part.find(m.name.split()[-1]))
    subject = [m for m in mentions if m.start < lo][:1]
    alone = len({key(m) for m in inside}) < 2  # "…, before the two presidents held talks": the subject is one
    if (
        lo > 0
        and subject
        and (alone or _HIS.search(text, lo, trigger.start))
        and key(subject[0]) not in {key(m) for m in inside}
    ):
        inside = [*subject, *inside]
    return inside


#: Between two people of a list, their titles aside: "A, B and C", "A and Minister for Trade B",
#: "the Head of the Council, A, and the Minister of Foreign Affairs, B".
_LIST_GAP = re.compile(r",?\s*(?:(?:and|as well as)\s+)?(?:(?:then|later)\s+)?(?:[^,;.()]{0,70}?,?\s*)?")


#: Words that end a list: what follows is told of the meeting ("received A at the palace, with B …").
_LIST_END = re.compile(
    r"\b(?:with|at|in|by|during|where|who|which|before|after|while|when|on|to|from|said|attendance)\b"
)


def list_after(text: str, people: list[Mention], trigger: Trigger) -> list[Mention]:
    """The people listed right after the words of a meeting, each met in turn ("met A, B and C");
    not those named further on ("received A at the palace, with B in attendance"), nor a group
    described at once ("met the two ministers")."""
    after = [m for m in people if m.start >= trigger.end]
    lead = re.sub(r"^\s*(?:with|on|upon)\b", "", text[trigger.end : after[0].start]) if after else ""
    if not after or not _LIST_GAP.fullmatch(lead) or _LIST_END.search(lead):
        return []
    listed = after[:1]
    for mention in after[1:]:
        if mention.start == listed[-1].start:
            return []  # "the Japanese ministers": two at once
        gap = text[listed[-1].end : mention.start]
        if not _LIST_GAP.fullmatch(gap) or _LIST_END.search(gap):
            break
        listed.append(mention)
    return listed


def old(reference: DateSpan | None, found: Found) -> bool:
    """A month or a year that ended before publication ("in 2022, trade …"), a day without its year
    long before it ("during his visit from May 31"), or a day more than two years before
    ("signed on 17 April 2001"): background. A day given in full within them ("On January 3,
    2024" in an article of 2025) is an event."""
    span = found.span
    if reference is None or span is None:
        return False
    before = (reference.start - span.end).days
    if span.days <= 7 and (not found.relative or _LAST_YEAR.search(found.words)):
        return before > _YEARS_AGO  # "on October 17 last year" is a day given in full
    if span.days >= 28:  # "visited Moscow in March", "in January" of a 3 February, "last month", "in 2022": gone by;
        current = re.match(r"(?:earlier|this)\b", found.words, re.I)  # "earlier this year" runs to yesterday
        return before > (7 if current else 0)
    if span.days == 1 and found.relative:  # "Sisi called Erdogan on February 7", of a 13 April: news
        return before > _DAY_OF_THE_SEASON
    return before > RECENT_DAYS


def clause_of(asides: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    return next(((a, b) for a, b in asides if a <= position < b), None)
