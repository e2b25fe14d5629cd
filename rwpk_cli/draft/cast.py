"""Who is who across an article: the people each sentence names, however it names them.

The first mention of a new person carries a title ("Kenya's Cabinet Secretary for Foreign Affairs
Musalia Mudavadi"); later ones may not ("Mudavadi said"), or name them by what they are ("the
Kenyan minister", "the two leaders"), or by a pronoun at the head of the sentence ("He also met
…"). The cast remembers everyone named so far, so that each of these is the same person. Names in
quotations are left out: a person quoted about takes no part.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..log.model import Log
from ..log.names import fold, name_tokens
from .bodies import HOLDERS_OFFICE, organisations
from .people import ActorFinder, Mention, is_cap, new_people, small_word, tokens
from .places import country_of_word
from .text import outside_quotes

_PRONOUN = re.compile(
    r"^(?:[A-Z][^,]{0,40},\s+(?:[^,]{0,40},\s+)?|"
    r"(?:Yesterday|Today|Later|Earlier|Then|Meanwhile|Separately|On \w+day)\s+)?"
    r"(?:[Hh]e|[Ss]he|[Tt]hey|The (?:[a-z-]+\s+){0,3}?(?:minister|president|president-elect|"
    r"envoy|ambassador|general|economist|politician|leader|diplomat|premier|monarch)|The two "
    r"(?:sides|ministers|leaders|officials|men|countries))\b"
)
_DESCRIPTION = re.compile(
    r"\b(?:the|his|her)\s+(?P<two>two\s+)?(?P<adj>(?!(?:prime|foreign|deputy)\s)(?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]{2,3})\s+)?"
    r"(?P<what>(?:foreign |prime |deputy )?(?:minister|ministers|president|presidents|leaders?|heads? of state|"
    r"heads? of government|king|emir|crown prince|chancellor|secretary|ambassador|envoy|premier|sides|"
    r"counterpart|guest(?![ -]?house)|visitor|host|pair|duo|officials|majesty|highness|sultan|amir|emir|monarch|"
    r"sovereign))\b|"
    r"\b(?P<both>[Bb]oth (?:leaders|ministers|officials|presidents|sides))\b",
    re.I,
)
#: A name right after a description, which is then its title: "counterpart Sergei Aleinik", "the
#: Minister of Foreign Affairs, Najla Elmangoush".
_NAMED_AFTER = re.compile(r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s*(?:and\s+)?){1,5})?,?\s+(?-i:[A-Z])[a-z]")
_THE_BODY = re.compile(r"\b[Tt]he (?P<what>ministry|embassy|mission|department|foreign office|office)\b(?!\s+of)")
#: Someone named only as the one a message, greeting or invitation came from, or as the late so-and-so.
_ASIDE = re.compile(
    r"(?:greetings|message|letter|wishes|regards|invitation|behalf|condolences|congratulations)\s+(?:of|from)\s+"
    r"(?:the\s+)?(?:\S+\s+){0,6}$|\b(?:the late|predecessor)\s+(?:\S+\s+){0,4}$|\binvited by\s+(?:\S+\s+){0,6}$|"
    r"\bsince\s+(?:\S+\s+){0,2}$|\b(?:tribute|homage)\s+to\s+(?:\S+\s+){0,6}$|"
    r"\b(?:death|funeral|passing|killing|assassination|memory)\s+of\s+(?:the\s+)?(?:\S+\s+){0,4}$|"
    r"\b(?:to prepare for|in preparation for|paving the way for)\s+(?:\S+\s+){0,6}$|"
    r"\bin what\s+(?:\S+\s+){0,6}$|"
    r"\b(?:guidelines|instructions?|directives?|orders)\s+(?:of|from)\s+(?:the\s+)?(?:\S+\s+){0,6}$|"
    r"\b(?:results?|outcome|details)\s+of\s+(?:the|his|her|their)\s+(?:\S+\s+){0,4}$|"
    r"\b(?:delegations?|entourage|retinue),?\s+(?:which|that|who)\s+(?:includes?|included|comprises?|comprised)\s+"
    r"(?:\S+\s+){0,10}$",
    re.I,
)
#: Someone only sent greetings or introduced, who is no one "the two sides" or "he" may mean later:
#: "conveyed his greetings and good wishes to … King Salman", "introduced to Cabinet members, among them X".
_GREETINGS_TO = re.compile(
    r"\b(?:greetings|wishes|regards)\s+to\s+(?:the\s+)?(?:\S+\s+){0,8}$|\bintroduced to\b[^.;]{0,80}$", re.I
)
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:\S+\s+){0,2}$", re.I)
#: "he" or "she" opening a clause of place or time, before anyone is named: "The tour began in Senegal
#: on Sunday, where he held talks with …".
_CLAUSE_PRONOUN = re.compile(r",\s+(?:where|when)\s+(?P<who>he|she)\s+(?!was\b|is\b|had been\b)")
#: After "He" or "She": what continues the sentence before ("She also called on …").
_ALSO_DID = re.compile(r"\s+also\b")
#: "In its own statement, it said …": a body, the one last named, says something.
_IT_SAID = re.compile(r"(?:^|,\s+)(?P<it>[Ii]t)\s+(?:said|stated|added|noted|announced|declared|warned)\b")
_ATTRIBUTIVE = re.compile(r"\s+(?:administration|government|cabinet|campaign|era|presidency|regime|doctrine)\b")
#: Between a description and a name: "the", "the Prime" … (the title of the one named).
_TITLED = re.compile(r"\s*(?:the\s+)?")
#: What "the two …" are, where that says whom: "The two leaders", "The two ministers".
_TWO_WHAT = re.compile(r"\b(?:leaders|ministers|presidents)$")
_LED_BY = re.compile(r"(?:\b[A-Z][\w'’-]+\s+)?\bdelegations?\b[^.;]{0,80}?\b(?:led|headed) by\b")
_THE_DELEGATION = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:visiting\s+|[\w-]+-member\s+|high-level\s+)*(?P<adj>[A-Z][a-z]+\s+)?"
    r"(?:visiting\s+)?delegation\b"
)
_AMONG = re.compile(r"\b(?:among|one of)\s+$", re.I)
_GONE = re.compile(r"\b(?:the late|predecessor)\s+(?:\S+\s+){0,4}$", re.I)
_AND = re.compile(r"\s*and\s+(?:(?-i:[A-Z])[\w’'-]*\s+)?")
_THEN_WILL = re.compile(r"\s+(?:will|would|should|could|are to|must)\b")
_LEADER_WORDS = "president prime king emir amir crown chancellor premier sultan sheikh majesty highness"
_LEADERS = frozenset(_LEADER_WORDS.split())


def key(mention: Mention) -> str:
    """What makes two mentions one person: the log's actor id, else the name's words."""
    return mention.actor or " ".join(name_tokens(mention.name))


class Cast:
    """The people an article has named so far."""

    def __init__(self, log: Log | None, is_place: Callable[[str], bool] = lambda name: False) -> None:
        self.is_place = is_place
        self.finder = ActorFinder(log.actors.values() if log else ())
        self.people: dict[str, Mention] = {}  # new people, by their name's words and by surname
        self.seen: list[Mention] = []  # everyone named so far, the latest last
        self.recent: list[list[Mention]] = []  # the people of the last three sentences that named any
        self.counts: dict[str, int] = {}  # how often each person has been named
        self.first: dict[str, int] = {}  # the order in which people were first named
        self.heads: dict[str | None, Mention] = {}  # who leads the delegation of a country
        self.bodies: list[Mention] = []  # the organisations named so far
        self.equivalent: dict[str, str] = {}  # a counterpart's title, as that of the one they met
        self.aside: list[Mention] = []  # those the last sentence named only in passing ("since X met Y")

    def mentions(self, text: str) -> list[Mention]:
        """The people and organisations ``text`` names, in order, a pronoun at its head included."""
        outside = outside_quotes(text)
        known = self.finder.find(outside)
        new = [m for m in new_people(outside, known) if not self.is_place(m.name)]  # "in Rio de Janeiro"
        result = [self._known(m) for m in sorted(known + new, key=lambda m: m.start)]
        for n, mention in enumerate(result):
            words = name_tokens(mention.name)
            if mention.actor is None and (len(words) > 1 or (mention.title is not None and not mention.organization)):
                stored = self.people.get(" ".join(words))
                if stored is not None and stored.title is not None and mention.title is None:
                    result[n] = mention = stored._replace(start=mention.start, end=mention.end)  # named again
                if stored is not None and stored.title is None and mention.title is not None:
                    # "Shehbaz Sharif arrived …", then "Prime Minister Shehbaz Sharif": the title comes later
                    for word, person in list(self.people.items()):
                        if person is stored:
                            self.people[word] = mention
                self.people.setdefault(" ".join(words), mention)
                written = [re.sub(r"['’]s$", "", fold(w)) for w in mention.name.split()]  # "Sa'ar"
                for word in [*words, *written]:  # "Dr Kalinda", "Mudavadi", "Dar", "Cho": the name's words
                    if (len(word) >= 2 or word == words[-1]) and not small_word(word):  # not "To" of "To Lam"
                        self.people.setdefault(word, mention)
        renamed = self._renamed(outside, result)
        described = self._described(outside, [*result, *renamed])
        for extra in [*renamed, *described]:
            if key(extra) not in {key(m) for m in result}:
                result.append(extra)
        for organisation in organisations(outside):
            # "the Office of the President of the Republic", "the Prime Minister's Office": the body, not
            # the office holder it is named after
            # "Mr Bennett's office": the office, not Bennett
            holders = HOLDERS_OFFICE.fullmatch(organisation.name) is not None
            result = [
                m
                for m in result
                if not (
                    (m in described or holders)
                    and _overlap(m, organisation)
                    and (m.end < organisation.end or m.start > organisation.start)
                )  # "Office of the President"
            ]
            if not any(_overlap(m, organisation) for m in result):
                result.append(organisation)
                self.bodies.append(organisation)
        for match in _THE_BODY.finditer(outside):
            body = next((b for b in reversed(self.bodies) if match["what"].lower() in b.name.lower()), None)
            if body is not None and not any(m.start <= match.start() < m.end for m in result):
                result.append(body._replace(start=match.start(), end=match.end()))
        said = _IT_SAID.search(outside)
        if said is not None and self.bodies and not any(m.organization and m.start < said.start() for m in result):
            result.append(self.bodies[-1]._replace(start=said.start("it"), end=said.end("it")))  # the body last named
        result = self._delegation(outside, result)
        self._counterparts(result)
        if self.recent:
            result = _with_lead(text, result, self.recent[-1], self._lead)
        gone = [m for m in result if _GONE.search(outside[max(0, m.start - 40) : m.start])]  # "the late President"
        aside, greeted = _asides(outside, result)
        for mention in result:  # who "the two sides" or "he" may be next: not one sent greetings
            if (mention.actor or mention.title) and mention not in gone and mention not in greeted:
                self.seen = [m for m in self.seen if key(m) != key(mention)] + [mention]
                self.counts[key(mention)] = self.counts.get(key(mention), 0) + 1
                self.first.setdefault(key(mention), len(self.first))
        self.aside = sorted(aside, key=lambda m: m.start)
        result = [m for m in result if m not in aside]
        named = [m for m in result if (m.actor or m.title) and not m.organization]
        if named:
            self.recent = [*self.recent, named][-3:]
        return sorted(result, key=lambda m: m.start)

    def _counterparts(self, found: list[Mention]) -> None:
        """ "Her Kenyan counterpart Uhuru Kenyatta" holds what she holds: remember that title for
        "the two presidents" (the role written stays the text's "Counterpart")."""
        titled = [m for m in found if m.title and "counterpart" not in m.title.lower()]
        for mention in found:
            if mention.title and "counterpart" in mention.title.lower() and titled:
                self.equivalent[key(mention)] = titled[0].title or ""

    def _lead(self, count: int, words: str) -> list[Mention]:
        """Who "he" or "the two" are: of the people of the last sentences, the article's most
        named (a report's "he" is its protagonist), then the latest; "the two leaders" are two
        whose titles make them leaders, where there are two."""
        people: dict[str, Mention] = {}
        for sentence in self.recent:
            for mention in sentence:
                people[key(mention)] = mention
        order = sorted(people.values(), key=lambda m: (-self.counts.get(key(m), 0), self.first.get(key(m), 0)))
        what = _TWO_WHAT.search(words)
        if what is not None:
            fitting = [m for m in order if _fits(m, self.equivalent.get(key(m)), {what.group()})]
            order = fitting if len(fitting) >= count else order
        return order[:count]

    def _known(self, mention: Mention) -> Mention:
        """A one-word name ("Dr Kalinda") of someone named in full before is that person, even when
        the log has an actor of that surname: "Prime Minister Khan", after "Imran Khan", is not the
        log's Hamid Asghar Khan."""
        words = name_tokens(mention.name)
        earlier = self.people.get(words[0]) if len(words) == 1 else None
        if earlier is None or (mention.actor is not None and earlier.actor is not None):
            return mention
        return earlier._replace(start=mention.start, end=mention.end)

    def _renamed(self, text: str, found: list[Mention]) -> list[Mention]:
        """New people met before, now named without their title ("Mudavadi said …")."""
        again: list[Mention] = []
        for token in tokens(text):
            person = self.people.get(re.sub(r"['’]s$", "", fold(token.text)))
            if person is None or not is_cap(token.text):
                continue
            if not any(m.start <= token.start < m.end for m in found):
                again.append(person._replace(start=token.start, end=token.end))
        return again

    def _delegation(self, text: str, found: list[Mention]) -> list[Mention]:
        """ "a delegation … led by X": X heads it; "the Rwandan delegation" later is X."""
        led = _LED_BY.search(text)
        if led is not None:
            head = next((m for m in found if m.start >= led.end() and not m.organization), None)
            if head is not None:
                country = head.country or next(
                    (c for c in (country_of_word(w) for w in re.findall(r"[A-Z][\w’'-]*", led.group())) if c), None
                )
                head = head._replace(country=country)
                found = [head if key(m) == key(head) else m for m in found]
                for word, person in list(self.people.items()):
                    if key(person) == key(head):
                        self.people[word] = person._replace(country=country)
                self.heads[country] = head
                self.heads[None] = head
            return found
        for match in _THE_DELEGATION.finditer(text):
            country = country_of_word(match["adj"]) if match["adj"] else None
            head = self.heads.get(country) or (None if match["adj"] and country else self.heads.get(None))
            if head is not None and key(head) not in {key(m) for m in found}:
                found.append(head._replace(start=match.start(), end=match.end()))
        return found

    def _described(self, text: str, named: list[Mention]) -> list[Mention]:
        """People named by what they are: "the Malaysian Prime Minister", "the two leaders"; not
        "the two sides" after the sentence has named two ("Zardari met Raisi, where the two sides …")."""
        found: list[Mention] = []
        for match in _DESCRIPTION.finditer(text):
            if _NAMED_AFTER.match(text, match.end()):
                continue  # "his counterpart Sergei Aleinik", "the Minister of Foreign Affairs, X": the name says who
            if _AMONG.search(text, 0, match.start()):
                continue  # "X was among the heads of state who …": a group X belongs to, no one else in particular
            before = {key(m) for m in [*named, *found] if m.end <= match.start() and not m.organization}
            if (match["two"] or match["both"]) and len(before) >= 2:
                continue
            if any(_TITLED.fullmatch(text, match.end(), m.start) for m in named if m.start >= match.end()):
                continue  # "His Highness the Prime Minister Sheikh Ahmad": the form of address of the one named
            adjective, what = match["adj"], fold(match["what"] or match["both"])
            if adjective and fold(adjective.strip()) == "royal" and what in ("highness", "majesty"):
                adjective = None  # "His Royal Highness": a form of address, not a country's
            country = country_of_word(adjective) if adjective else None
            if adjective and country is None:
                continue
            words = set(what.split())
            if words & {"sides", "both"} and _THEN_WILL.match(text, match.end()):
                continue  # "both sides will strive to …": a plan, no one in particular
            fitting = [
                m
                for m in reversed(self.seen)
                if (country is None or m.country == country) and _fits(m, self.equivalent.get(key(m)), words)
            ]
            if not fitting and country is not None:  # "the Argentine president": the one whose country went unsaid
                unsaid = [m for m in self.seen if m.country is None and _fits(m, self.equivalent.get(key(m)), words)]
                fitting = unsaid if len(unsaid) == 1 else []
            if country is None and words & {"head", "heads", "leader", "leaders", "guest", "visitor"}:
                # "the Head of State", "the leaders": the report's principals, the most named first
                fitting.sort(key=lambda m: (-self.counts.get(key(m), 0), self.first.get(key(m), 0)))
            plural = match["two"] or what.endswith(("ministers", "presidents", "leaders", "sides", "pair", "duo"))
            if not plural:  # "the Sovereign and President Macron": someone other than the one named by name
                taken = {key(m) for m in named}
                fitting = [m for m in fitting if key(m) not in taken] + [m for m in fitting if key(m) in taken]
            for person in fitting[: 2 if plural else 1]:
                found.append(person._replace(start=match.start(), end=match.end()))
        return found


def _with_lead(
    text: str, result: list[Mention], last: list[Mention], lead_of: Callable[[int, str], list[Mention]]
) -> list[Mention]:
    """The sentence's people, with whom its pronoun stands for first: "He" or "The two leaders" at its
    head, or a "he" opening a clause of place or time before anyone is named ("The tour began in
    Senegal on Sunday, where he held talks with …"). ``last``: the people of the sentence before;
    ``lead_of``: who "he" or "the two" are (``Cast._lead``)."""
    pronoun = _PRONOUN.match(text)
    within = None if pronoun else _CLAUSE_PRONOUN.search(text)
    if within is not None and not any(m.start < within.start() and not m.organization for m in result):
        lead = [m._replace(start=within.start("who"), end=within.end("who")) for m in lead_of(1, "he")]
        return lead + [m for m in result if key(m) not in {key(x) for x in lead}]
    if pronoun is None:
        return result
    # "She also paid a call on …": the one who did what the sentence before told
    also = _ALSO_DID.match(text, pronoun.end()) and pronoun.group().lower() in ("he", "she")
    leads = [min(last, key=lambda m: m.start)] if also else None
    lead = [
        m._replace(start=pronoun.start(), end=pronoun.end())
        for m in leads
        or lead_of(2 if "two" in pronoun.group() or pronoun.group() in ("They", "they") else 1, pronoun.group())
    ]
    return lead + [m for m in result if key(m) not in {key(x) for x in lead}]


def _fits(person: Mention, equivalent: str | None, words: set[str]) -> bool:
    """Whether the person's title is what a description says: "the two leaders" are heads of state
    or government; "the Prime Minister" has those words in the title."""
    title = set(fold(f"{person.title or ''} {equivalent or ''}").replace("-", " ").split())
    if words & {"counterpart", "guest", "visitor", "host", "pair", "duo", "both", "officials"}:
        return True  # anyone with a title, of the country the description gives
    if words & {"leader", "leaders", "heads", "head", "sides", "majesty", "highness", "monarch", "sovereign"}:
        return bool(title & _LEADERS) or "sides" in words
    wanted = {w.rstrip("s") for w in words} - {"of", "state", "government"}
    held = {w.rstrip("s") for w in title}
    if {"prime", "minister"} <= held:  # "the Italian premier" is the prime minister
        held.add("premier")
    return bool(wanted) and wanted <= held


def _asides(outside: str, result: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Who the sentence names but who takes no part in what it tells, and of them who is no one
    "the two sides" or "he" may mean later (one sent greetings, one recalled "since")."""
    # named as the one who invited or sent greetings: known from now on, but no part of this
    greeted = [m for m in result if _GREETINGS_TO.search(outside, max(0, m.start - 80), m.start)]
    greeted += [m for m in result if _SINCE_CLAUSE.search(outside, max(0, m.start - 30), m.start)]
    aside = [m for m in result if _aside(outside, m) or m in greeted]
    # "since Chinese President Xi Jinping and US President Joe Biden held a summit": both aside
    aside += [m for m in result if any(0 <= m.start - a.end <= 16 and _AND.fullmatch(outside, a.end, m.start)
                                       for a in aside)]  # fmt: skip
    # "under a programme set up by the Trump administration": a name that qualifies a government
    aside += [m for m in result if not m.organization and _ATTRIBUTIVE.match(outside, m.end)]
    aside += [m for m in result if _spouse(outside, m)]
    aside += [m for m in result if not m.organization and _COMPANION.search(outside, 0, m.start)]
    # "… held talks, with Moon's adviser, Chung Eui-yong, and spy chief Suh Hoon … in attendance": a
    # list of those who sat in (one named so, "with Tuggar in attendance", may be a side of the talks)
    present = [m for m in result if _WITH.search(outside, 0, m.start) and _IN_ATTENDANCE.match(outside, m.end)]
    sides = {key(m) for m in result if m not in present}  # "They held talks, with Moon's adviser …": Moon holds them
    aside += [m for m in present if key(m) not in sides] if len(present) >= 2 else []
    return aside, greeted


def _aside(text: str, mention: Mention) -> bool:
    """Whether the sentence names the person only as the sender of greetings, the one who invited,
    or someone late or former ("greetings from Prime Minister Narendra Modi")."""
    return bool(_ASIDE.search(text[max(0, mention.start - 120) : mention.start]))


#: A leader's spouse, there beside the leader: "First Lady Jill Biden", "his wife, Emine Erdogan".
_SPOUSE = re.compile(
    r"(?:\b(?:First|Second)\s+(?:Lady|Gentleman)|\b(?:his|her|the)\s+(?:wife|husband|spouse)),?\s*$", re.I
)


def _spouse(text: str, mention: Mention) -> bool:
    """Whether the sentence names the person as a leader's spouse, who is no party to the talks."""
    spoken = text[mention.start : mention.end]
    at = max(spoken.find(mention.name), 0)
    before = text[max(0, mention.start - 30) : mention.start] + spoken[:at]
    first = mention.name.split()[0] if mention.name.split() else ""
    if first in ("Lady", "Gentleman"):
        before = before + first
    return bool(_SPOUSE.search(before))


#: Those listed after "with" and before "in attendance": there, but no side of the talks.
_WITH = re.compile(r"\bwith\b[^;.]{0,200}$")
_IN_ATTENDANCE = re.compile(r"[^;.]{0,200}?\bin attendance\b")
#: Those beside the parties, not parties themselves: "flanked by Prime Minister X", "teaming up with Y and Z".
_COMPANION = re.compile(
    r"\b(?:flanked by|who (?:is|was) accompanied by|team(?:ing|ed) up with|partner(?:ing|ed) with|"
    r"in a (?:foursome|threesome) with)\b"
    r"(?:(?!\b(?:met|meets|held|holds|received|receives|signed|signs|said|says)\b)[^;:.()])*$",
    re.I,
)


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start <= b.start < a.end or b.start <= a.start < b.end
