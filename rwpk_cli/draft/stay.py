"""How long a visit lasted, when the article tells its end in a sentence apart from its start.

"Lula, who landed in Santiago on Sunday night and will remain in the country until midday on
Tuesday", "Modi left Port of Spain last night for Buenos Aires", "The chief adviser is scheduled to
return home on Saturday", "the state visit, which will last until Friday": each gives the last day
of a visit drafted from its arrival. The visit is the visitor's latest told before the sentence
(or the first, when the end is told first); a day more than two weeks after its start, or before
its end, is left alone. Visits of one visitor that the longer stay now covers are one visit.
"""

from __future__ import annotations

import re
from datetime import timedelta

from ..dates.parse import parse_date
from ..dates.span import DateSpan
from .cast import key
from .merge import Proposal
from .people import Mention
from .text import Sentence, quoted
from .when import Found, find_dates

#: A visitor's leaving, or a visit's lasting: the verb, and whether it is still to come.
_LEAVES = re.compile(
    r"\b(?P<plan>(?:is|are|was|were)\s+(?:scheduled|due|set|expected)\s+to\s+|(?:is|are)\s+to\s+|will\s+)?"
    r"(?P<verb>leav(?:e|es|ing)|left|depart(?:s|ed|ing)?|return(?:s|ed|ing)?\s+(?:home|to)|"
    r"fl(?:y|ies|ew|ying)\s+(?:out|home|back|on|to)|head(?:s|ed)?\s+(?:home|back)|"
    r"(?:remain|stay)(?:s|ed)?\b[^.;]{0,40}?\buntil)\b",
    re.I,
)
#: "the state visit, which will last until Friday", "a visit that ends on Thursday".
_LASTS = re.compile(
    r"\b(?:visit|trip|stay|tour)\b[^.;]{0,25}?\b(?P<plan>will\s+|is\s+to\s+)?"
    r"(?P<verb>last(?:s|ed)?\s+until|end(?:s|ed)?|conclud(?:e|es|ed))\b",
    re.I,
)
#: "before leaving for The Bahamas", "before returning to Dhaka": the sentence's own day.
_BEFORE = re.compile(r"\bbefore\s+(?:leaving|departing|returning|flying|heading)\b", re.I)
#: Who leaves when no one is named: "He", "She", "The royal couple", "The chief adviser".
_PRONOUN = re.compile(r"^(?:[A-Z]\w+,\s+)?(?:He|She|They|The\s+(?:[\w-]+\s+){0,3}[\w-]+)\b")
#: A visit's length told without its days: "During his three-day visit, Pezeshkian is to travel …".
_LENGTH = re.compile(
    r"\b(?:his|her|their|the)\s+(?P<n>two|three|four|five|six|seven)[- ]day\s+(?:[\w-]+\s+){0,2}?"
    r"(?:visit|stay|trip|tour)\b",
    re.I,
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_LONGEST = 14  # days: a stay longer than this is a posting, not a visit


def extend(proposals: list[Proposal], read: list[Sentence], reference: DateSpan | None,
           mentions: dict[int, list[Mention]]) -> None:  # fmt: skip
    """Give each visit the last day a later (or earlier) sentence tells of, then join the visits of
    one visitor that now lie within one another. ``mentions``: the people of each sentence read."""
    visits = [p for p in proposals if p.kind == "visit" and not p.planned and p.people]
    if not visits:
        return
    for number, sentence in enumerate(read):
        _length(visits, read, number, reference)
        leaving = _leaving(sentence.text, reference, mentions.get(number, []))
        if leaving is None:
            continue
        found, who = leaving
        visit = _whose(visits, read, number, who)
        if visit is None or found.span is None:
            continue
        if found.span.end < visit.span.start and found.relative:  # "a visit that concludes on Saturday"
            again = find_dates(sentence.text[found.start :], reference, True)
            found = again[0]._replace(start=found.start, end=found.end) if again and again[0].span else found
        if found.span is None:
            continue
        last = found.span.end
        if not visit.span.start <= last or last <= visit.span.end or (last - visit.span.start).days >= _LONGEST:
            continue
        whole = parse_date(f"{visit.span.start.isoformat()}/{last.isoformat()}")
        said = f"{visit.date_text} … {found.words}" if visit.date_text else found.words
        visit.span, visit.date, visit.date_text = whole, whole.canonical, said
        if sentence not in visit.evidence:
            visit.evidence.append(sentence)
    _join(proposals)


def _length(visits: list[Proposal], read: list[Sentence], number: int, reference: DateSpan | None) -> None:
    """ "During his three-day visit, …" in a sentence that gives no day: the visit told before,
    drafted from its first day alone, lasts that long."""
    text = read[number].text
    match = _LENGTH.search(text)
    if match is None or quoted(text, match.start()) or find_dates(text, reference):
        return
    told = [v for v in visits if _position(read, v) < number and v.span.days == 1 and not v.inherited]
    if not told:
        return
    visit = told[-1]
    last = visit.span.start + timedelta(days=_NUMBERS[match["n"].lower()] - 1)
    whole = parse_date(f"{visit.span.start.isoformat()}/{last.isoformat()}")
    visit.span, visit.date = whole, whole.canonical
    if read[number] not in visit.evidence:
        visit.evidence.append(read[number])


def _leaving(text: str, reference: DateSpan | None, people: list[Mention]) -> tuple[Found, list[Mention]] | None:
    """The day a sentence says someone leaves, and the people named before the verb (none: "He")."""
    for pattern in (_LEAVES, _LASTS):
        for match in pattern.finditer(text):
            if quoted(text, match.start()):
                continue
            dates = [
                f
                for f in find_dates(text, reference, bool(match["plan"]))
                if f.span and f.span.days <= 2 and not quoted(text, f.start)
            ]
            after = [f for f in dates if f.start >= match.end("verb") and f.start - match.end("verb") <= 60]
            before = [f for f in dates if f.end <= match.start()]
            chosen = after[0] if after else before[-1] if before and _BEFORE.search(text) else None
            if chosen is None:
                continue
            who = [m for m in people if m.end <= match.start() and not m.organization]
            if pattern is _LEAVES and not who and not _PRONOUN.match(text):
                continue
            return chosen, who[-1:] if pattern is _LEAVES else []
    ahead = _BEFORE.search(text)
    if ahead is not None and not quoted(text, ahead.start()):
        dates = [
            f
            for f in find_dates(text, reference)
            if f.span and f.span.days == 1 and f.end <= ahead.start() and not quoted(text, f.start)
        ]
        who = [m for m in people if m.end <= ahead.start() and not m.organization]
        if dates and (who or _PRONOUN.match(text)):
            return dates[-1], who[-1:]
    return None


def _whose(visits: list[Proposal], read: list[Sentence], number: int, who: list[Mention]) -> Proposal | None:
    """The visit a leaving is the end of: the named visitor's, or the latest told before it."""
    wanted = {key(m) for m in who}
    mine = [v for v in visits if v.ids() & wanted] if wanted else visits
    told = [v for v in mine if _position(read, v) <= number]
    return told[-1] if told else next(iter(mine), None)


def _position(read: list[Sentence], visit: Proposal) -> int:
    try:
        return read.index(visit.sentence)
    except ValueError:
        return len(read)


def _join(proposals: list[Proposal]) -> None:
    """Two visits of one visitor in the same place, one within the other or the arrival the day
    before the other, are one visit."""
    for later in list(proposals):
        if later.kind != "visit" or later not in proposals:
            continue
        for earlier in proposals:
            if earlier is later or earlier.kind != "visit" or earlier.planned != later.planned:
                continue
            if not (earlier.ids() & later.ids()) or not _same_place(earlier, later):
                continue
            if later.span.within(earlier.span) or earlier.span.within(later.span):
                _absorb(earlier, later)
                proposals.remove(later)
                break
            if _next_day(earlier.span, later.span) and _arrival(earlier, later):  # landed late on Thursday
                _absorb(earlier, later, union=True)
                proposals.remove(later)
                break


def _next_day(a: DateSpan, b: DateSpan) -> bool:
    return (b.start - a.end).days == 1 or (a.start - b.end).days == 1


def _arrival(a: Proposal, b: Proposal) -> bool:
    """Whether the earlier of two visits on following days is told as the arrival ("landed", "arrived")."""
    first = a if a.span.start < b.span.start else b
    return re.search(r"\b(?:arriv|land|touched down)", first.words, re.I) is not None


def _absorb(kept: Proposal, gone: Proposal, union: bool = False) -> None:
    if union:
        whole = parse_date(f"{min(kept.span.start, gone.span.start)}/{max(kept.span.end, gone.span.end)}")
        ordered = sorted((kept, gone), key=lambda p: p.span.start)
        said = " … ".join(p.date_text for p in ordered if p.date_text) or None
        kept.span, kept.date, kept.date_text = whole, whole.canonical, said
    elif kept.span.within(gone.span) and kept.span != gone.span:
        kept.span, kept.date, kept.date_text = gone.span, gone.date, gone.date_text
    known = kept.ids()
    kept.people.extend(m for m in gone.people if key(m) not in known)
    kept.place = kept.place if kept.place and kept.place.city else gone.place or kept.place
    kept.evidence.extend(s for s in gone.evidence if s not in kept.evidence)


def _same_place(a: Proposal, b: Proposal) -> bool:
    if a.place is None or b.place is None or a.place.name == b.place.name:
        return True
    return a.place.country == b.place.country and not (a.place.city and b.place.city)
