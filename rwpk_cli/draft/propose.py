"""From an article's sentences to proposed events: who, what kind, when, where, and from which words.

Sentence by sentence, an event is proposed where a kind's words (``kinds``) meet the people who
took part (``cast``): two sides for a meeting, a visitor for a visit (the side that is not of the
place visited), the issuer of a statement. Its date is the sentence's own date expression; a
sentence without one ("During the visit, …") takes the date of the event before it, and says so. A
later sentence about the same event (the same kind, days that overlap, a participant in common, or
the same delegation) adds to it instead of proposing it twice (``merge``). A delegation named without
its people ("delegations from Pakistan's Defence and Foreign Ministries visited Kigali") is one visit
per ministry.
"""

from __future__ import annotations

import re
from datetime import date

from ..dates.span import DateSpan
from ..log.model import Log
from ..log.names import fold
from .cast import Cast, key
from .clauses import RECENT_DAYS, clause_of, in_segment, list_after, old, segment, since, usable_dates
from .issuer import issuer
from .kinds import Trigger, background, recalled, repeated, triggers
from .merge import Proposal, add, join_delegations, join_sides
from .people import Mention
from .places import Gazetteer, Place, country_of_word
from .stay import extend
from .text import Sentence, quoted
from .when import Found, find_dates

_DELEGATIONS = re.compile(
    r"\bdelegations?\b(?:\s+(?:from|of)\s+(?P<who>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*?))?"
    r"(?:\s+(?P<a>[A-Z]\w+)(?:\s+and\s+(?P<b>[A-Z]\w+))?\s+(?:Ministr(?:y|ies)|Departments?))?",
)
_TIED = re.compile(
    r"^(?P<words>(?:during|on|in|at|over|throughout|later|earlier)\s+(?:the\s+)?(?:same|that|this|his|her|their|"
    r"the)\s+(?:week|day|visit|trip|meeting|occasion|talks|month|evening|morning)|(?:on|at)\s+the\s+sidelines)\b",
    re.I,
)
_PLACE = re.compile(
    r"\b(?:in|at|to|visit|visits|visited|visiting)\s+(?:the\s+)?(?P<place>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})"
)
#: Words that refer back to an event already reported ("after the talks", "before the signing").
_REFERENCES = (
    ("signing", "agreement"), ("talks", "meeting"), ("meeting", "meeting"), ("meeting", "consultation"),
    ("discussions", "meeting"),
    ("call", "call"), ("conversation", "call"), ("consultations", "consultation"), ("visit", "visit"),
)  # fmt: skip
#: A meeting of several at once, not one after another: "a three-way meeting", "met jointly".
_TOGETHER = re.compile(r"\b(?:together|jointly|trilateral|three-way|four-way|joint meeting|delegations?)\b", re.I)
_TELLS = re.compile(
    r"(?:['’]s)?\s+(?:told|said|says|noted|added|reported|confirmed|wrote|tweeted)\b(?:\s+[\w-]+){0,3}\s*[.!?\"”]*$"
)
_GENERIC = re.compile(
    r"\s+(?:with\s+)?(?:\w+\s+){0,2}?(?:officials|lawmakers|legislators|leaders|businesspeople|students|journalists|"
    r"members|representatives|diplomats|investors|executives|people|survivors|residents|families|veterans|"
    r"troops|soldiers|refugees|workers|volunteers|community)\b"
)
_UNNAMED = re.compile(r"\b(?:counterparts?|delegation)\b(?!,?\s+(?-i:[A-Z]))")
#: "The proclamation was announced by Trump following a phone call with King Mohammed VI": what came before.
_FOLLOWING = re.compile(r"\w\s+(?:following|after)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+)?$", re.I)
_FOLLOWING_IN = re.compile(r"\b(?:following|after|since)\b", re.I)
#: "Earlier on the trip, Tsai held talks with …": an earlier stop, told without its day.
_EARLIER_ON = re.compile(r"^Earlier (?:on|in|during) (?:the|his|her|their) (?:trip|tour|visit|journey)\b")
_STAYING = re.compile(r"\b(?:staying|stays|stayed)\s+(?:at|with|in)\b", re.I)
_HAD_MET = re.compile(r"\b(?:where|after)\s+(?:he|she|they)\s+had\b", re.I)
#: A place a visitor is shown: "visited the Yad Vashem Holocaust memorial", "the John XXIII Peace Lab migrant centre".
_SIGHT = re.compile(
    r"\s+the\s+(?:[\w'’-]+\s+){0,6}?(?:memorial|museum|mausoleum|monument|shrine|cemetery|exhibition|factory|"
    r"plant|centre|center|site|temple|mosque|church|cathedral|basilica|school|hospital|university|farm|park)\b",
    re.I,
)
#: The next thing the subject did, the same day: "met A at the ministry, and then called on B".
_BEFORE = re.compile(r",?\s*before\s+(?:sitting|heading|going|holding|meeting|travelling|traveling)\b")
_AND_THEN = re.compile(r",?\s*and\s+(?:then|later)\b")
#: A date that only says since when: "since 2017", "since the devastating earthquakes in Turkey in February".
_SINCE = re.compile(r"\bsince\s+(?:the\s+(?:(?![\w'’-]+ed\b)[\w'’-]+\s+){1,8})?$")
#: A clause about someone or something named: "…, who became minister in June, …", or one that runs
#: to the end ("received by President X, who was sworn in last month after …").
_ASIDE = re.compile(
    r",\s*(?:who|which|whose)\b[^,]*(?:,|[.!?]?[\"”’]?$)|"
    # "the recovery from the cyber-attack that crippled government systems last month": the thing's day
    r"\b(?:the|a|an)\s+(?:[\w-]+\s+)?(?!said\b|says\b|agreed\b)[a-z][\w-]*\s+that\s+(?:\w+ed|had|was|were)\b[^,]*(?:,|[.!?]?$)"
)
_WHO_IS = re.compile(
    r"(?:['’]s)?(?:,[^,]{0,80})?,\s+who\s+(?:is|was|are|were|has been)\s+(?:on\s+(?:an?\s+)?(?:\w+\s+)?)?"
)
_ATTENDED_BY = re.compile(r"\b(?:was|were)\s+(?:also\s+)?attended\s+by\b", re.I)
_WITNESSES = re.compile(
    r"\b(?:in the presence of|witnessed by)\b[^;]*|\bas \S+ looked on\b|\bwith\s+(?:[^,;\s]+\s+){1,6}?(?:witnessing|"
    r"looking on)\b"
)


def _countries(text: str, end: int) -> int:
    """How many countries the words before ``end`` name ("Pakistan and Bangladesh on Thursday")."""
    return len({c for c in (country_of_word(w) for w in re.findall(r"[A-Z][\w’'-]*", text[:end])) if c})


def _within_day(current: tuple[DateSpan, str, str | None] | None, text: str, trigger: Trigger,
                chosen: Found | None) -> Found | None:  # fmt: skip
    """None for a long span that holds the day last told of when the event follows it ("Erdogan
    and Sisi later co-chaired the council, a mechanism agreed earlier this year"): the event is
    of that day, the span of something else."""
    if (
        chosen is not None
        and chosen.span is not None
        and chosen.span.days > 7
        and current is not None
        and current[0].within(chosen.span)
        and _SEQUENCE.search(text, 0, trigger.start)
    ):
        return None
    return chosen


#: An event told as following the one before: "… later co-chaired", "then held talks".
_SEQUENCE = re.compile(r"\b(?:later|then|afterwards|subsequently|thereafter)\b[^,.;]{0,20}$", re.I)
#: "The king and the president also signed …", "Ministers … also inked …": another document.
_ALSO = re.compile(r"\balso\s+$")
#: One after another: "spoke by phone with A and then with B", "met A and later B".
_IN_TURN = re.compile(
    r"\band\s+(?:then|later|afterwards|subsequently)\s+(?:(?:spoke|met)\s+)?(?:(?:with|to)\s+)?(?:his\s+|her\s+)?(?-i:[A-Z])|"
    r"\bbefore\s+(?:speaking|meeting)\s+(?:(?:with|to)\s+)?(?:his\s+|her\s+)?(?-i:[A-Z])"
)
#: Words that meet each person listed after them in turn: "met A, B and C", "called on A and B",
#: "paid courtesy calls on A and B", "received A and B".
_ONE_BY_ONE = re.compile(r"met|called on|courtesy calls?|receiv(?:ed|es)|hosted", re.I)
_SIGNED_BY = re.compile(r"\bsigned\s+(?:\w+\s+)?by\b")


class Drafter:
    """Reads an article's sentences in order, keeping what earlier sentences established."""

    def __init__(self, log: Log | None, reference: DateSpan | None, phrases: set[str], planned: bool) -> None:
        known = {fold(e.place): e.place for e in (log.events if log else ()) if e.place}
        self.places = Gazetteer(phrases, known)
        self.cast = Cast(log, lambda name: self.places.place(name) is not None)
        self.reference = reference
        self.planned = planned
        self.proposals: list[Proposal] = []
        self.problems: list[tuple[Sentence, Found]] = []
        self.current: tuple[DateSpan, str, str | None] | None = None  # the day the last sentence told of
        self.read_so_far: list[Sentence] = []
        self.people_of: dict[int, list[Mention]] = {}  # each sentence's people, by its place in read_so_far

    # --- one sentence --------------------------------------------------------------------------

    def read(self, sentence: Sentence) -> None:
        if sentence.heading:
            return
        text = sentence.text
        kinds = [t for t in triggers(text) if not _spoke(t, text) or any(p.kind == "call" for p in self.proposals)]
        mentions = self.cast.mentions(text)
        self.people_of[len(self.read_so_far)] = mentions
        self.read_so_far.append(sentence)
        came = recalled(text)  # "The visit comes after X met Y": the people of the earlier event
        mentions = [m for m in mentions if m.start >= came]
        join_sides(self.proposals, sentence, mentions)
        ahead = bool(kinds) and all(t.future for t in kinds)  # a sentence only of plans reads "on Monday" forwards
        dates = [
            f
            for f in find_dates(text, self.reference, ahead)
            if not quoted(text, f.start) and not _SINCE.search(text, 0, f.start)  # "first visit since 2017"
        ]
        # "Fidan, who became minister in June, is … on a visit": a clause's date is its own events'
        asides = [m.span() for m in _ASIDE.finditer(text)]
        if not kinds:
            self._remember(text, dates, asides, ahead)
            return
        for found in dates:
            if found.error is not None:
                self.problems.append((sentence, found))
        place = _place(self.places, text)
        for trigger in sorted(kinds, key=lambda t: t.kind != "visit"):  # a meeting during a visit takes its days
            lo, hi = segment(text, kinds, trigger)  # "met A on Monday, a day after his call with B": each its own
            usable = usable_dates(text, dates, asides, trigger, (lo, hi), self.reference)
            if usable is None:
                continue
            if _told_again(text, trigger, self.proposals):
                continue  # "In the communiqué, the Government of Honduras recognizes …": the one told before
            if trigger.kind == "statement" and _referred(self.proposals, text, self.current) is not None:
                # "In a declaration at the end of the talks, … including the Geneva Agreement of 1966":
                # what it recalls is no date of the statement, issued at the talks it refers to
                usable = [f for f in usable if not (f.start > trigger.end and old(self.reference, f))]
            chosen = _within_day(self.current, text, trigger, _chosen(usable, self.reference))
            if chosen is None and _MONTH_ONLY.search(text, lo, hi):
                continue  # "visited Mali at the end of May": dated by its month alone, not by the day told before
            again = chosen is None and _VISIT_AGAIN.search(text, 0, trigger.end) is not None
            if again and any(p.kind == "visit" for p in self.proposals):
                continue  # "expressed his gratitude for the visit", "The Foreign Secretary's visit is": the one told
            one_day = chosen is not None and chosen.span is not None and chosen.span.days == 1
            if background(text, trigger.kind, chosen is not None) and (not one_day or repeated(text)):
                return
            if chosen is not None and old(self.reference, chosen):
                continue
            if chosen is None and (came or _earlier(text, trigger, lo)):
                continue  # an earlier event the news came after, not dated: history, not an event of the log
            if _loosely_past(self.reference, chosen):
                continue  # "visited India earlier this month", "met in May": an earlier event, dated only loosely
            future = trigger.future or _ahead_of(self.reference, chosen)
            people = _not_recalled(text, in_segment(text, mentions, lo, hi, trigger), asides, trigger)
            if chosen is not None and chosen.span is not None and chosen.span.days <= 7:
                people = since(text, trigger, people, self.cast.aside)
            if not future or self.planned:
                self._propose(sentence, trigger, people, chosen, place, future)
        self._remember(text, dates, asides, ahead)

    def _remember(self, text: str, dates: list[Found], asides: list[tuple[int, int]], ahead: bool) -> None:
        """The day the sentence tells of, for the next sentence that gives none."""
        main = _chosen([f for f in dates if f.span is not None and clause_of(asides, f.start) is None])
        if (
            main is not None
            and main.span is not None
            and main.span.days <= 31
            and not old(self.reference, main)
            and not ahead
        ):
            span, date, said, _ = self._when(text, main, "", [])
            if span is not None and not _holds(span, self.current):
                self.current = (span, date, said)
        elif main is None:  # "During the talks, …": the day is the talks' again
            self.current = _reopened(text, self.proposals) or self.current

    # --- proposals -----------------------------------------------------------------------------

    def _propose(self, sentence: Sentence, trigger: Trigger, mentions: list[Mention], chosen: Found | None,
                 place: Place | None, future: bool) -> None:  # fmt: skip
        text, people = sentence.text, _taking_part(sentence.text, mentions, trigger)
        kind = _leaders_round(trigger, people)
        delegations = _delegations(text) if kind in ("visit", "meeting", "consultation") else []
        witnessed = _WITNESSES.search(text)
        if kind == "agreement" and witnessed:  # "signed by A and B in the presence of C": C did not sign
            signing = [m for m in people if not witnessed.start() <= m.start < witnessed.end()]
            bodies = _SIGNED_BY.search(text) and any(m.organization for m in mentions)
            people = signing or ([] if bodies else people)  # "the parties signed … in the presence of Modi"
        signers = _SIGNED_BY.search(text) if kind == "agreement" else None
        if signers is not None and not people:  # "signed by Kenya's Ministry of Energy and …": bodies signed
            end = witnessed.start() if witnessed else len(text)
            people = [m for m in mentions if m.organization and signers.end() <= m.start < end
                      and not re.search(r"\b(?:at|in)\s+$", text[: m.start])]  # fmt: skip
        if kind == "statement":
            issued = _issued(text, mentions, trigger, self.proposals, self.current)
            if issued is None:
                return
            people = issued
        elif kind == "visit" and _SIGHT.match(text, trigger.end):
            return  # "visited the Yad Vashem Holocaust memorial with Lapid": a stop of the visit, not one of its own
        elif kind == "visit":
            people = _visitors(people, place, text, trigger)
            if not people:  # "The French President, accompanied by his wife, arrived": the one named before
                earlier = [m for n in range(len(self.read_so_far) - 1) for m in self.people_of.get(n, [])]
                people = _described(text, trigger, earlier)
        elif kind == "meeting" and len(people) < 2 and not _UNNAMED.search(text, trigger.end):
            return  # one person meets someone only when the other side is named ("his Rwandan counterpart")
        elif kind == "meeting" and _GENERIC.match(text, trigger.end) and not any(m.start > trigger.end for m in people):
            return  # "a delegation that met officials, lawmakers and business leaders": no one in particular
        if kind == "agreement" and not people:  # "At the end of the talks, the two countries exchanged …"
            people = _sides(text, trigger, self.proposals, self.current)
        signed = kind == "agreement" and chosen is not None  # "Rwanda and Guinea-Bissau on Monday signed …"
        # "Pakistan and Bangladesh on Thursday held consultations": who led the sides may come next
        held = kind == "consultation" and chosen is not None and _countries(text, trigger.start) >= 2
        if not people and not (kind == "visit" and delegations) and not signed and not held:
            return
        if not people and chosen is not None and _long_ago(self.reference, chosen):
            return  # "after Ethiopia signed an MoU with Somaliland on 1 January 2024": the countries' past
        span, date, date_text, inherited = self._when(text, chosen, kind, people)
        if span is None:
            return
        if kind == "visit":
            ending = chosen is not None and _ENDING.search(text, 0, chosen.start) is not None
            span, date = _lasting(text, span, date, ending)
        if kind in ("meeting", "call", "consultation", "agreement") and place is None and _TIED.match(text):
            visit = next((p for p in reversed(self.proposals) if p.kind == "visit" and p.span.overlaps(span)), None)
            place = visit.place if visit else None
        made = [Proposal(kind, span, date, date_text, [], place, sentence, future, inherited, delegation, country,
                         trigger.words) for delegation, country in delegations]  # fmt: skip
        if people or not made:
            made = [Proposal(kind, span, date, date_text, people, place, sentence, future, inherited, None, None,
                             trigger.words)]  # fmt: skip
        # "held separate calls with", "spoke separately by phone with", "spoke with A and then with B"
        separate = kind in ("call", "meeting") and bool(
            re.search(r"\bseparate(?:ly)?\b", text[max(0, trigger.start - 30) : trigger.end])
            or _IN_TURN.search(text, trigger.end)
        )
        listed = kind == "meeting" and _ONE_BY_ONE.fullmatch(trigger.words) is not None and not _TOGETHER.search(text)
        apart = kind == "meeting" and _APART.match(text, trigger.end) is not None  # "A and B met C and D separately"
        if (separate or listed or apart) and len(people) > 2:  # "held separate calls with Abbas, …", "met A, B and C"
            host = [m for m in people if m.end <= trigger.start][: None if apart else 1]
            separate = separate or apart
            others = [m for m in people if m.start >= trigger.end] if separate else list_after(text, people, trigger)
            if host and len(others) >= 2:
                made = [Proposal(kind, span, date, date_text, [*host, other], place, sentence, future, inherited,
                                 None, None, trigger.words) for other in others]  # fmt: skip
        another = kind == "agreement" and _ALSO.search(text, 0, trigger.start) is not None
        for proposal in made:
            proposal.another = another
            add(self.proposals, proposal)

    def _when(self, text: str, chosen: Found | None, kind: str,
              people: list[Mention]) -> tuple[DateSpan | None, str, str | None, bool]:  # fmt: skip
        if chosen is not None and chosen.span is not None:
            words = chosen.words.strip()
            date = (
                words if chosen.relative and _reads_back(words, chosen.span, self.reference) else chosen.span.canonical
            )
            return chosen.span, date, words, False
        tied = _TIED.match(text)
        keys = {key(m) for m in people}
        during = re.search(r"\b(?:during|on|in the course of)\s+(?:his|her|their|the|its)\b[^.]*\bvisit\b", text, re.I)
        visit = next((p for p in reversed(self.proposals) if p.kind == "visit" and p.ids() & keys), None)
        if during and visit is not None and kind != "visit" and not re.search(r"\bday\s+of\b", during.group()):
            return visit.span, visit.date, visit.date_text, True
        earlier = [p for p in reversed(self.proposals) if not p.planned]
        before = _referred(self.proposals, text, self.current)
        if before is None and self.current is not None:  # "The pair then held a tête-à-tête": the day last told
            span, date, said = self.current
            return span, date, tied["words"] if tied else said, True
        before = before or next((p for p in earlier if p.ids() & keys), None) or next(iter(earlier), None)
        if before is None:
            return None, "", None, False
        return before.span, before.date, tied["words"] if tied else before.date_text, True

    def finish(self) -> list[Proposal]:
        """The proposals, with delegations joined by the people of their field seen elsewhere; the
        countries' consultations that no one was said to hold are left out."""
        join_delegations(self.proposals)
        extend(self.proposals, self.read_so_far, self.reference, self.people_of)
        self.proposals = [p for p in self.proposals if p.people or p.delegation or p.kind != "consultation"]
        return self.proposals


#: A sentence that opens on an event told before: "During the talks, …", "At the meeting, …".
_OPENS_ON = re.compile(r"(?:During|At|After|Following|In the course of)\s+(?:the|their)\s+(?:\w+\s+)?"
                       r"(?:talks|meeting|discussions|visit|call)\b")  # fmt: skip
#: The sides of talks, named as such: "the two countries exchanged …", "the two delegations signed …".
_THE_SIDES = re.compile(r"\bthe\s+two\s+(?:countries|sides|delegations|governments|nations)\s+(?:\w+\s+)?$", re.I)
#: A person joined to the one before: "Foreign Minister X and Defence Minister Y".
_JOINED = re.compile(r",?\s+and\s+")


def _place(places: Gazetteer, text: str) -> Place | None:
    """The place the sentence's "in/at PLACE" phrases name: a city first, else the first found."""
    found: list[Place] = []
    for match in _PLACE.finditer(text):
        words = match["place"].rstrip(".").split()
        for size in range(len(words), 0, -1):
            candidate = " ".join(words[:size])
            candidate = re.sub(r"['’]s$", "", candidate)
            if len(candidate) < 3 or re.fullmatch(r"[A-Z]{2,4}", candidate):
                continue  # "UN", "AU": an organisation, not a place
            joined = re.match(r"\s+(?:de|del|da|do)\s+[A-Z][\w’'.-]*", text[match.end("place") :])
            if size == len(words) and joined:  # "Rio de Janeiro" is a city; "the Palacio de La Moneda" no town
                candidate = candidate + joined.group()
                if places.place(candidate) is None:
                    continue
            place = places.place(candidate)
            if place is not None:
                found.append(place._replace(name=candidate))
                break
    cities = [p for p in found if p.city]
    return cities[0] if cities else found[0] if found else None


def _leaders_round(trigger: Trigger, people: list[Mention]) -> str:
    """The trigger's kind, but a round of talks that only leaders hold is their meeting: "They held
    their first round of talks" of two presidents is a summit's, not officials' consultations."""
    leaders = len(people) >= 2 and all(
        set(fold(m.title or "").replace("-", " ").split()) & _LEADER_TITLES for m in people
    )
    return "meeting" if trigger.kind == "consultation" and leaders and _ROUND.search(trigger.words) else trigger.kind


_LEADER_TITLES = frozenset(
    ["president", "prime", "king", "queen", "emir", "amir", "sultan", "chancellor", "premier", "leader"]
)
_ROUND = re.compile(r"\brounds? of talks\b", re.I)


def _holds(span: DateSpan, current: tuple[DateSpan, str, str | None] | None) -> bool:
    """Whether ``span`` is a coarser date holding the day told before ("… under a deal brokered this
    month" between a call on Friday and the statement about it): that day then stays the day."""
    told = current[0] if current is not None else None
    return told is not None and span.days > told.days and span.start <= told.start <= told.end <= span.end


def _reopened(text: str, proposals: list[Proposal]) -> tuple[DateSpan, str, str | None] | None:
    """The day of the event a sentence opens on ("During the talks, …"), if it does."""
    told = _referred(proposals, text) if _OPENS_ON.match(text) else None
    return (told.span, told.date, told.date_text) if told else None


def _ahead_of(reference: DateSpan | None, chosen: Found | None) -> bool:
    """Whether the date is after the day of publication: a plan."""
    return (
        reference is not None and chosen is not None and chosen.span is not None and chosen.span.start > reference.end
    )


def _sides(text: str, trigger: Trigger, proposals: list[Proposal],
           current: tuple[DateSpan, str, str | None] | None) -> list[Mention]:  # fmt: skip
    """ "At the end of the talks, the two countries exchanged three MoUs": those who held the talks."""
    if not _THE_SIDES.search(text, 0, trigger.start):
        return []
    talks = _referred(proposals, text, current)
    return list(talks.people) if talks and talks.kind in ("meeting", "consultation") else []


#: A person told by nationality and office: "The Brazilian president", "the French Prime Minister".
_DESCRIBED = re.compile(
    r"^(?:[^,]*,\s+)?[Tt]he\s+(?P<adjective>[A-Z][\w-]+)\s+(?P<office>president|prime minister|chancellor|king|queen|"
    r"premier|foreign minister|head of state|leader)\b(?:,[^,]*,)?\s+(?:\w+\s+)?$",
    re.I,
)
#: The titles of those who speak for others, and take no part in what they tell of.
_SPEAKS_FOR = re.compile(r"spokes|press\s+(?:secretary|officer|wing|attach)", re.I)


def _speaks_for(text: str, mention: Mention) -> bool:
    return bool(
        _SPEAKS_FOR.search(mention.title or "") or _SPEAKS_FOR.search(text, max(0, mention.start - 25), mention.end)
    )


#: The host's verb: whom it takes is the one who came.
_HOSTED = re.compile(r"\b(?:received|welcomed|hosted|greeted)\b")
#: Those who came with the visitor ("accompanied by his wife and Foreign Minister Mauro Vieira"), and
#: those who met the visitor on arrival ("was met at the airport by Prime Minister X").
_WITH_HIM = re.compile(
    r"\b(?:accompanied|joined|escorted|(?:was|were)\s+(?:met|received|welcomed|greeted)(?:\s+(?:at|on|upon)\b[^,;]{0,60}?)?)"
    r"\s+by\b[^;]*",
    re.I,
)


def _described(text: str, trigger: Trigger, earlier: list[Mention]) -> list[Mention]:
    """The person a description before the event's words stands for: "The French President" is the
    French person titled president in an earlier sentence, when only one was."""
    found = _DESCRIBED.search(text, 0, trigger.start)
    if found is None:
        return []
    country, office = country_of_word(found["adjective"]), found["office"].lower()
    seen = {
        key(m): m for m in earlier if not m.organization and m.country == country and office in (m.title or "").lower()
    }
    return list(seen.values()) if len(seen) == 1 and country else []


def _visitors(people: list[Mention], place: Place | None, text: str, trigger: Trigger) -> list[Mention]:
    elsewhere = _HAD_MET.search(text, trigger.end) or _STAYING.search(text, trigger.end)
    # "flying in from London, where he had met Sunak", "staying at the residence of Pakistan's ambassador"
    people = [m for m in people if elsewhere is None or m.start < elsewhere.start()]
    company = [(m.start(), trigger.start if m.start() < trigger.start else m.end()) for m in _WITH_HIM.finditer(text)]
    people = [m for m in people if not any(a <= m.start < b for a, b in company)]  # they came along
    who = next((m for m in people if _WHO_IS.fullmatch(text, m.end, trigger.start)), None)
    if who is not None:  # "Kamikawa, Minister for Foreign Affairs of Japan, who is visiting Rio"
        return [who]
    if place is not None and place.country:
        away = [m for m in people if m.country and m.country != place.country]
        joined = [
            m
            for m in people
            if m.country is None
            and m.end <= trigger.start
            and any(_JOINED.fullmatch(text, a.end, m.start) for a in away)
        ]
        subject = [m for m in people if m.end <= trigger.start and m.country != place.country]
        if subject and away and all(m.start >= trigger.end for m in away):
            # "The Prime Minister arrived in Kyiv …, met by the UK's Ambassador X": the one who came
            return subject[-1:]
        if away:  # "Japanese Foreign Minister X and Defense Minister Y arrived": Y came with X
            return sorted([*away, *joined], key=lambda m: m.start)
        if any(m.country == place.country for m in people) and len(people) > 1:
            return [m for m in people if m.country != place.country]
    host = _HOSTED.search(text, 0, trigger.start)
    guests = [m for m in people if host and host.end() <= m.start < trigger.start]
    if guests:  # "President Boric received his Brazilian counterpart, Lula, … on his state visit": the guest
        return guests[:1]
    before = text[max(0, trigger.start - 30) : trigger.start].lower()
    if re.search(r"\b(?:his|her)\b[^,]*$", before) and people:
        return people[:1]
    subject = [m for m in people if m.end <= trigger.start]
    if subject and not any(m.country for m in people):  # "Mondino and Cabinet Chief Posse travelled to …"
        return subject
    if re.search(r"\bvisiting\b", trigger.words.lower()) and people:
        after = [m for m in people if m.start > trigger.start]
        return after[:1] or people[:1]
    return people[:1]


#: A signing named again, by itself: "who witnessed the signing," (not "the signing of four MoUs").
_THE_SIGNING = re.compile(r"\bwitness(?:ed|ing)? the signing$", re.I)
_OF = re.compile(r"\s+of\b")
#: A visit named again: "In a joint communiqué issued at the end of the visit, …".
_THE_VISIT = re.compile(r"\b(?:at the (?:end|close|conclusion) of|towards the end of) the visit$", re.I)
#: The ones met, then "separately": "Borrell and Lajcak first met Vucic and Kurti separately before …".
_APART = re.compile(r"[^,.;]{1,80}?\bseparately\b")
#: Part of a month, which the date parser does not read: "at the end of May", "in late March".
_MONTH_ONLY = re.compile(r"\b(?:at\s+the\s+(?:end|start|beginning|turn)\s+of|(?:early|late|mid-?)|in\s+the\s+"
                         r"(?:first|second|third|last)\s+(?:week|half)\s+of)\s*(?:January|February|March|April|May|"
                         r"June|July|August|September|October|November|December)\b(?!\s+\d)"
                         # "visited Beirut later that month": the month told before, no day of its own
                         r"|\b(?:later|earlier) (?:that|the same) (?:month|year)\b")  # fmt: skip
#: A visit named again by itself, with no day of its own: "for the visit", "the Foreign Secretary's visit".
_VISIT_AGAIN = re.compile(r"\b(?:the|this|that|his|her|their|its|[\w-]+['’]s)\s+visit$", re.I)
#: A document named again: "In the communiqué, …", "…, the press release stated".
_SAME_DOCUMENT = re.compile(r"\bthe\s+(?:joint\s+)?(?P<what>communiqu[eé]|press release|readout)$", re.I)


def _taking_part(text: str, mentions: list[Mention], trigger: Trigger) -> list[Mention]:
    """The people the sentence names who may take part in what ``trigger`` tells."""
    people = [m for m in mentions if not m.organization]
    if trigger.kind != "statement":  # "…, Spokesman Dmitry Peskov told reporters": the one who tells is no party
        people = [m for m in people if not (m.start > trigger.end and _TELLS.match(text, m.end))]
        people = [m for m in people if not _speaks_for(text, m)]  # "Press Secretary X told reporters"
    if trigger.kind != "visit":  # "discussing President Erdogan's planned visit": Erdogan is only talked about
        people = [m for m in people if not _possessive(text, m)]
    attended = _ATTENDED_BY.search(text) if trigger.kind == "meeting" else None
    return [m for m in people if attended is None or m.start < attended.start()]  # "was attended by X": X sat in


def _issued(text: str, mentions: list[Mention], trigger: Trigger, proposals: list[Proposal],
            current: tuple[DateSpan, str, str | None] | None) -> list[Mention] | None:  # fmt: skip
    """Who issued a statement (``issuer``); for a joint one that names no one, the sides of the talks
    it follows; None for a minister who "stated" something at a meeting, which is no statement."""
    people = issuer(text, mentions, trigger)
    if not people and "joint" in trigger.words.lower():  # "In a joint statement issued after the meeting"
        talks = _referred(proposals, text, current) or next(
            (p for p in reversed(proposals) if p.kind in ("meeting", "consultation")), None
        )
        people = list(talks.people) if talks else []
    if trigger.words.lower() == "stated" and not any(m.organization for m in people):
        return None  # a body's "stated" is a statement
    return people


def _told_again(text: str, trigger: Trigger, proposals: list[Proposal]) -> bool:
    """ "In the communiqué, …", "…, the press release stated": a statement that names again the
    communiqué, press release or readout already proposed; "A and B, who witnessed the signing, …":
    the signing already proposed."""
    if trigger.kind == "visit":  # "In a joint communiqué issued at the end of the visit, …": the visit told
        return _THE_VISIT.search(text, 0, trigger.end) is not None and any(p.kind == "visit" for p in proposals)
    if trigger.kind == "agreement":
        alone = _THE_SIGNING.search(trigger.words) is not None and not _OF.match(text, trigger.end)
        return alone and any(p.kind == "agreement" for p in proposals)
    if trigger.kind != "statement":
        return False
    same = _SAME_DOCUMENT.search(text, 0, trigger.end) or _SAME_DOCUMENT.search(text, 0, trigger.start)
    if same is None:
        return False
    what = same["what"].lower()[:8]
    return any(what in fold(p.words) for p in proposals)  # "signed the joint communiqué", "said in a press release"


def _earlier(text: str, trigger: Trigger, lo: int) -> bool:
    """Whether an undated event is one the news came after: a later clause that is not what came
    next that day ("…, and then …", "before sitting down with …"), an earlier stop of the trip, or
    what something followed ("announced by Trump following a phone call with …")."""
    later = lo > 0 and (_AND_THEN.match(text, lo) or _BEFORE.match(text, lo))
    after = trigger.start > 0 and _FOLLOWING.search(text, max(0, trigger.start - 40), trigger.start) is not None
    return (lo > 0 and not later) or _EARLIER_ON.match(text) is not None or after


def _not_recalled(text: str, people: list[Mention], asides: list[tuple[int, int]], trigger: Trigger) -> list[Mention]:
    """The people, less those of an event a which-clause recalls ("…, which was revived following the
    meeting between Modi and Xi in Kazan"): their own event, not this one."""
    recalled_in = [(a, b) for a, b in asides if _FOLLOWING_IN.search(text, a, b) and not a <= trigger.start < b]
    return [m for m in people if not any(a <= m.start < b for a, b in recalled_in)]


def _referred(proposals: list[Proposal], text: str,
              current: tuple[DateSpan, str, str | None] | None = None) -> Proposal | None:  # fmt: skip
    """The event the sentence refers back to ("after the talks", "at the end of the call"): the
    latest of its kind, one told in the same word first ("the talks" are those "held talks", not the
    reception at the airport after them)."""
    named = [
        (word, k)
        for word, k in _REFERENCES
        if re.search(rf"\b(?:the|this|that|their|his|her)\s+(?:\w+\s+)?{word}", text, re.I)
    ]
    if not named:
        return None
    ordered = [p for p in reversed(proposals) if not p.planned]
    told = [p for p in ordered for word, k in named if p.kind == k and word in p.words.lower()]
    told = told or [p for p in ordered if p.kind in {k for _, k in named}]
    # the latest told of the day last told of: the news, not an earlier one it came after ("a day after his call")
    today = [p for p in told if current is not None and p.span.overlaps(current[0])]
    return next(iter(today or told), None)


def _spoke(trigger: Trigger, text: str) -> bool:
    """ "spoke with X", no phone said: a call only in an article that has told of one ("Trump said he
    later spoke with Zelenskiy"); else it may be talks in person, or words with reporters. "spoke with
    X on the phone" says it."""
    if trigger.kind != "call" or not trigger.words.lower().startswith("spoke") or "phone" in trigger.words:
        return False
    return _ON_THE_PHONE.match(text, trigger.end) is None


#: A call said after the one called: "spoke with Ukrainian Foreign Minister Dmytro Kuleba on the phone".
_ON_THE_PHONE = re.compile(r"[^,;.]{0,100}?\b(?:on|by|over) the (?:tele)?phone\b", re.I)


def _loosely_past(reference: DateSpan | None, found: Found | None) -> bool:
    """A date of a fortnight or more, or part of a month, that ended before the day of publication
    ("earlier this month", "in May", "in early January", "last year"): what it dates is background
    to the news, not its event."""
    span = found.span if found is not None else None
    loose = span is not None and (span.days >= 14 or (span.approximate and span.days >= 7))
    return reference is not None and span is not None and loose and span.end < reference.start


def _long_ago(reference: DateSpan | None, found: Found) -> bool:
    span = found.span
    return reference is not None and span is not None and (reference.start - span.end).days > RECENT_DAYS


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


def _possessive(text: str, mention: Mention) -> bool:
    """ "President Erdogan's planned visit", "Modi's government": a person named as the owner of
    something other than the meeting itself ("Fidan's first meeting … was with" keeps Fidan)."""
    owned = text[mention.start : mention.end].endswith(("'s", "’s")) or text[mention.end : mention.end + 2] in (
        "'s",
        "’s",
    )
    return owned and not _OWN_EVENT.match(text, mention.end + (0 if text[mention.end : mention.end + 1] == " " else 2))


_OWN_EVENT = re.compile(r"\s+(?:\w+\s+){0,2}?(?:meeting|talks|call|conversation|consultations)\b")


_LASTING = re.compile(
    r"\b(?:(?P<n>two|three|four|five|six|seven|\d)[- ]day|(?P<week>week)[- ]long|"
    r"(?:visit|stay|trip)\s+of\s+(?P<of>two|three|four|five|six|seven|\d)\s+days)\b",
    re.I,
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
#: Which day of the visit the date is: "on the second day of their three-day visit".
_NTH_DAY = re.compile(r"\b(?P<nth>first|second|third|fourth|fifth|sixth|final|last)\s+day\s+of\s+[^,;.]*$", re.I)
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
#: The day told is the one a visit ended on: "left Cyprus on Monday after a two-day visit", "ended on Thursday".
_ENDING = re.compile(
    r"\b(?:(?:left|departed)\b(?![^,;]*\bfor\b)|(?:ended|concluded|wrapped up|wound up|rounded off)\b)"
    r"(?:\s+[\w’'.()-]+){0,6}?\s+(?:on\s+)?$",
    re.I,
)


def _lasting(text: str, span: DateSpan, date: str, ending: bool = False) -> tuple[DateSpan, str]:
    """ "a three-day visit that began on Monday": the visit's days, when the start is one day; the
    days up to it when the day is the one the visit ended on ("left on Monday after a two-day visit")."""
    match = _LASTING.search(text)
    if match is None or span.days != 1:
        return span, date
    from datetime import timedelta

    from ..dates.parse import parse_date

    raw = (match["n"] or match["of"] or "7").lower()  # "a week-long visit": seven days
    days = int(raw) if raw.isdigit() else _NUMBERS[raw]
    nth = _NTH_DAY.search(text, 0, match.start())
    which = (_NTH.get(nth["nth"].lower(), days) if nth else 1) if not ending else days
    if which > days:
        return span, date
    first = span.start - timedelta(days=which - 1)
    end = first + timedelta(days=days - 1)
    whole = parse_date(f"{first.isoformat()}/{end.isoformat()}")
    return whole, whole.canonical


def _chosen(found: list[Found], reference: DateSpan | None = None) -> Found | None:
    """The sentence's date: its first expression that is a day or a span of days near publication,
    else its first; never a year or a quarter the article is written in ("60 years of relations in
    2025"), which dates no one event."""
    if reference is not None and any(f.span and f.span.days > 92 and reference.within(f.span) for f in found):
        found = [f for f in found if f.span is None or f.span.days <= 92]  # years used loosely: none dates it
    if not found:
        return None
    precise = [f for f in found if f.span is not None and f.span.days <= 31]
    return (precise or found)[0]


def _reads_back(words: str, span: DateSpan, reference: DateSpan | None) -> bool:
    """Whether the log, reading ``words`` against the source's day as it reads every relative date,
    finds ``span``: "on Tuesday" of a plan is the Tuesday after publication, which the log would read
    as the one before, so such a date is written as its days."""
    from ..dates.parse import parse_date
    from ..errors import DateError

    try:
        read = parse_date(words, reference if reference is not None else date(2025, 1, 15))
    except DateError:
        return False
    return reference is None or (read.start, read.end) == (span.start, span.end)
