"""The people and organisations a sentence names: the log's actors, and new people by their titles.

The log's actors are found by their names and aliases, word for word (case, accents and honorifics
aside), and by a surname that only one of them has. A new person is a name that a title introduces,
in front ("Defence Minister Juvenal Marizamunda", "Pakistan's UN Permanent
Representative-Ambassador Munir Akram", "Maj Gen Muneer-ud-Din") or set off by commas ("Maj Gen
Muneer-ud-Din, Director General of Foreign Military Cooperation, …", "Pakistan's envoy to Rwanda,
Hamid Asghar Khan, …"); their country is the one the title names ("Pakistan's", "Rwandan", "of
Kenya"). A capitalised name with no title that the log does not know is left alone: it may be a
place, a newspaper or a person only quoted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from ..log.model import Actor
from ..log.names import HONORIFICS, fold, name_tokens
from .places import country_of_word

_TITLE_WORDS_TEXT = """
    minister ministers prime president vice deputy foreign affairs defence defense secretary secretaries
    general gen maj major lt lieutenant col colonel brig brigadier admiral adm air marshal chief chiefs
    chairman chairperson chair director directors ambassador ambassadors envoy envoys permanent representative
    representatives special high commissioner counsellor counselor consul spokesperson spokesman spokeswoman
    state cabinet external home interior trade commerce finance economy economic industry investment health
    education energy agriculture information justice security national adviser advisor chancellor king queen
    prince princess crown emir sultan sheikh governor mayor senator speaker mp staff army navy naval force
    forces armed joint committee commander head officer executive ceo dr mr mrs ms excellency hon honourable
    honorable un eu au first second assistant additional under undersecretary charge chargé d'affaires
    affaires designate acting caretaker federal union tourism culture transport labour labor water mining
    petroleum environment youth sports women science technology ict digital infrastructure housing planning
    cooperation international regional integration minister-counsellor secretary-general director-general
    commander-in-chief leader opposition counterpart counterparts top senior military political principal
    diplomat diplomats official officials delegation delegate delegates capt captain cdr commodore gov sen rep
    amb his her he former incoming outgoing fellow then ag acting-president vice-president deputy-minister
    state-minister lord foreign-minister emeritus supreme tan sri datuk dato seri diraja tun h.h. h.e. h.r.h.
    h.h h.e h.r.h
    highness majesty royal elect development relations councilor councillor taoiseach tanaiste premier republic amir
    kingdom sir dame interim transitional presidential administrator mufti imam pope cardinal archbishop
    patriarch bishop rabbi presidents premiers chancellors kings
"""
_TITLE_WORDS = frozenset(_TITLE_WORDS_TEXT.split())
_STOP_TEXT = """
    the this that these those last next on in at during after before according however meanwhile both a an and
    but while with from for of to as by it its he she they we i you following speaking addressing earlier
    later also since recent today yesterday tomorrow there here when where what which who whose his her their
    our my mr speaking under over upon between among within without monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october november december jan
    feb mar apr jun jul aug sep sept oct nov dec if once though although thanks through via amid despite like
    earlier photo file read more related source parliamentarians lawmakers legislators senators officials
    members representatives meeting meetings commission talks agreement agreements memorandum treaty accord
    consultations mou pact protocol program programme plan summit forum conference agenda framework initiative
    declaration
"""
_STOP = frozenset(_STOP_TEXT.split())
#: The words after which a full name is someone met, with no title needed.
_MEETS = frozenset(["with", "met", "meets", "received", "hosted", "receives", "hosts", "told"])
#: The words a title is a title of: "Minister", not "Union" or "Cooperation".
_HEAD_WORDS = """
    minister ministers secretary president ambassador envoy director chief chairman chairperson commissioner
    spokesperson spokesman spokeswoman adviser advisor governor head counsellor counselor consul representative
    deputy officer leader king queen prince emir sultan chancellor premier mayor speaker senator mufti pope
    cardinal archbishop patriarch imam
"""
_HEADS = frozenset(_HEAD_WORDS.split())
#: Titles that are a rank or a form of address: a title after the name says more.
_RANKS_TEXT = """
    gen general maj major lt lieutenant col colonel brig brigadier admiral adm air marshal capt captain cdr
    commodore dr mr mrs ms hon honourable honorable excellency his her h.e h.e. h.h. h.r.h. highness majesty
    royal tan sri datuk dato sheikh seri diraja tun sir dame
"""
_RANKS = frozenset(_RANKS_TEXT.split())
#: Titles whose bearers are named by one name: "Pope Francis", "King Philippe", "Queen Mathilde".
_SOVEREIGNS = frozenset(["pope", "king", "queen", "emperor", "empress", "prince", "princess", "sultan", "emir"])
_PARTICLES_TEXT = """
    bin bint al el ul ud ibn abu de da du del della der den van von la le di dos das y e
"""
_PARTICLES = frozenset(_PARTICLES_TEXT.split())
_ORG_WORDS_TEXT = """
    ministry mission embassy office department government council commission forces agency union organisation
    organization bank parliament assembly senate secretariat authority board corporation company institute
    university administration congress guesthouse hotel hall centre center building headquarters residence airport
    roundtable ministries missions embassies offices departments governments councils
    presidency palace directorate bureau service services state house cabinet
"""
ORG_WORDS = frozenset(_ORG_WORDS_TEXT.split())
#: The last word of the name of a company, a party, an event, an outlet ("told Al Jazeera"), a
#: document or a joint body ("a Joint Vision Statement", "the Joint Technical Team").
_FIRMS_TEXT = """
    corporation company bank group holdings authority party expo forum summit conference festival games league
    movement front mosques news jazeera times post radio television tv channel network
    statement declaration communique communiqué roadmap team agreement accord treaty memorandum charter
    framework protocol mechanism
"""
_FIRMS = frozenset(_FIRMS_TEXT.split())
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s)|(?:Amb|Gen|Maj|Lt|Col|Brig|Capt|Adm|Dr|Mr|Mrs|Ms|Prof|Hon|Sen|Gov|Rep)\.(?=\s)|\w+(?:[-'’]\w+)*(?:['’]s)?|[^\w\s]"
)
_POSSESSIVE = re.compile(r"['’]s$")
#: Words that make a capitalised name a place: "Capital Territory", "Pacific Island".
_AREAS_TEXT = "territory territories province provinces region regions district districts island islands"
_AREAS = frozenset(_AREAS_TEXT.split())
_GROUP_AFTER = re.compile(r"\s+(?:leaders|officials|ministers|nations|countries|states|delegates|delegations)\b")


class Mention(NamedTuple):
    """A person or organisation a sentence names."""

    name: str  # as the text writes it, without the title: "Juvenal Marizamunda"
    start: int  # where the mention (its title included) begins in the sentence
    end: int
    title: str | None = None  # "Defence Minister", "Director General of Foreign Military Cooperation"
    country: str | None = None
    actor: str | None = None  # the log's actor, when it is one
    organization: bool = False


class _Token(NamedTuple):
    text: str
    start: int
    end: int


def tokens(sentence: str) -> list[_Token]:
    return [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]


def _bare(word: str) -> str:
    return _POSSESSIVE.sub("", word)


def _is_title(word: str) -> bool:
    low = fold(_bare(word)).rstrip(".")
    return low in _TITLE_WORDS or all(part in _TITLE_WORDS for part in low.split("-") if part)


def _is_cap(word: str) -> bool:
    """A capitalised word, an initial, or a name after an Arabic article ("al-Sisi", "el-Sheikh")."""
    return word[:1].isupper() or bool(re.fullmatch(r"(?:[A-Z]\.)+", word)) or bool(_ARTICLE.match(word))


def is_cap(word: str) -> bool:
    """Whether a word can be part of a name: capitalised, an initial, or "al-Sisi"."""
    return _is_cap(word)


def small_word(word: str) -> bool:
    """A word too common to stand for a name on its own: "to", "on", "al", "de"."""
    return fold(word) in _STOP or fold(word) in _PARTICLES


#: The Arabic article in front of a name, written in lower case: "al-Sisi", "el-Sheikh", "ash-Shaibani".
_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ud|ul)-(?=[A-Z])")


class ActorFinder:
    """The log's actors by the words of their names and aliases, and by surnames only one has."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.by_words: dict[tuple[str, ...], set[str]] = {}
        self.actors = {a.id: a for a in actors}
        surnames: dict[str, set[str]] = {}
        for actor in self.actors.values():
            for name in (actor.name, *actor.aliases):
                words = name_tokens(name)
                if words:
                    self.by_words.setdefault(words, set()).add(actor.id)
            words = name_tokens(actor.name)
            if len(words) >= 2 and actor.type != "organization" and len(words[-1]) >= 4:
                surnames.setdefault(words[-1], set()).add(actor.id)
        self.surnames: set[tuple[str, ...]] = set()  # the one-word keys that are a surname only
        for surname, ids in surnames.items():
            if len(ids) == 1:
                if (surname,) not in self.by_words:
                    self.surnames.add((surname,))
                self.by_words.setdefault((surname,), set()).update(ids)
        self.longest = max((len(w) for w in self.by_words), default=0)

    def find(self, sentence: str) -> list[Mention]:
        """The actors named in the sentence, longest name first where two overlap. A surname alone is
        not taken after another name's word ("Imran Khan", "Nur Khan Airbase" are not the log's
        Hamid Asghar Khan)."""
        every = tokens(sentence)
        words = [
            (part, t)
            for t in every
            if t.text[:1].isalnum()
            for part in re.split(r"[^0-9a-z]+", _bare(fold(t.text)))
            if part and part not in HONORIFICS
        ]
        found: list[Mention] = []
        position = 0
        while position < len(words):
            for size in range(min(self.longest, len(words) - position), 0, -1):
                run = words[position : position + size]
                key = tuple(w for w, _ in run)
                ids = self.by_words.get(key)
                if key in self.surnames and _after_a_name(every, run[0][1]):
                    continue
                if ids and len(ids) == 1 and (size > 1 or _is_cap(run[0][1].text)):
                    ident = next(iter(ids))
                    actor = self.actors[ident]
                    start, end = run[0][1].start, run[-1][1].end
                    found.append(Mention(sentence[start:end], start, end, None, actor.country, ident,
                                         actor.type == "organization"))  # fmt: skip
                    position += size
                    break
            else:
                position += 1
        return found


def _after_a_name(every: list[_Token], word: _Token) -> bool:
    """Whether ``word`` follows a capitalised word that is no title, honorific or initial: the word
    before is then another name's ("Imran Khan") or a place's ("Nur Khan Airbase")."""
    at = every.index(word)
    if at == 0:
        return False
    before = every[at - 1].text
    bare = _bare(before)
    return (
        _is_cap(before)
        and len(bare.rstrip(".")) > 1
        and not _is_title(before)
        and fold(bare) not in HONORIFICS | _STOP
        and not _POSSESSIVE.search(before)
        and not _CALENDAR.fullmatch(fold(bare))
    )


_CALENDAR = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|"
    r"october|november|december"
)


def new_people(sentence: str, taken: list[Mention]) -> list[Mention]:
    """People the sentence introduces with a title, outside the spans of ``taken`` (the log's actors,
    whose titles are then read too)."""
    words = tokens(sentence)
    found: list[Mention] = []
    index = 0
    while index < len(words):
        if not _is_cap(words[index].text) or (fold(words[index].text) in _STOP and not _is_title(words[index].text)):
            index += 1
            continue
        end = index
        while end < len(words) and (
            _is_cap(words[end].text)
            or (words[end].text.lower() in _PARTICLES and end + 1 < len(words) and _is_cap(words[end + 1].text))
        ):
            end += 1
        chunk = words[index:end]
        index = max(end, index + 1)
        mention = _person(sentence, words, chunk)
        if mention is None:
            mention = _sharing(sentence, words, chunk, found)
        if mention is None:
            continue
        if any(t.start <= mention.start < t.end or mention.start <= t.start < mention.end for t in taken):
            continue
        found.append(mention)
    return found


#: A title that two or more names share, in the plural: "Presidents X and Y", "Foreign Ministers X and Y".
_SINGULAR = {"presidents": "President", "ministers": "Minister", "premiers": "Premier", "chancellors": "Chancellor",
             "kings": "King", "secretaries": "Secretary"}  # fmt: skip


def _singular(title: str) -> tuple[str, bool]:
    """A title as one person holds it, and whether it was written in the plural."""
    words = title.split()
    last = _SINGULAR.get(words[-1].lower()) if words else None
    if last is None:
        return title, False
    return " ".join([*words[:-1], last]), True


class _Shared(Mention):
    """A mention whose title was written in the plural, which the next name shares."""


def _sharing(sentence: str, words: list[_Token], chunk: list[_Token], found: list[Mention]) -> Mention | None:
    """The second name after a plural title ("Presidents Shavkat Mirziyoyev and Kassym-Jomart Tokayev"):
    a full name right after the "and" that follows the first, with the same title."""
    if not found or not isinstance(found[-1], _Shared):
        return None
    position = words.index(chunk[0])
    between = [t.text for t in words if found[-1].end <= t.start < chunk[0].start]
    if between not in (["and"], [","], [",", "and"]) or position == 0:
        return None
    if len(chunk) < 2 or any(_is_title(t.text) or _is_country(t.text) or fold(_bare(t.text)) in _STOP for t in chunk):
        return None
    return _Shared(_POSSESSIVE.sub("", sentence[chunk[0].start : chunk[-1].end]), chunk[0].start, chunk[-1].end,
                   found[-1].title, None)  # fmt: skip


def _person(sentence: str, words: list[_Token], chunk: list[_Token]) -> Mention | None:
    prefix: list[_Token] = []
    rest = list(chunk)
    while rest and (_is_title(rest[0].text) or fold(rest[0].text) in _STOP or _is_country(rest[0].text)
                    or _acronym_before_title(rest) or fold(_bare(rest[0].text)) in ORG_WORDS):  # fmt: skip
        prefix.append(rest.pop(0))  # "Senate President", "Speaker National Assembly": an office's name is a title
    kept = _name_word(prefix, rest)
    if kept:  # "President To Lam": after a title, a capitalised small word begins a name
        rest.insert(0, prefix.pop())
    if rest and re.match(r"\s+[A-Z]?\d", sentence[rest[-1].end :]):
        return None  # "aboard an Air China Boeing 747": a make and its model, not a name
    if rest and fold(rest[-1].text) in _FIRMS:
        # "the China National Offshore Oil Corporation", "the Shanghai Communist Party", "the Two Holy
        # Mosques": a company, a party, an event or a place, none of its words a name
        return None
    while rest and (_is_title(rest[-1].text) or fold(_bare(rest[-1].text)) in ORG_WORDS):
        rest.pop()
    while len(rest) > 2 and re.fullmatch(r"[A-Z]", rest[0].text) and re.fullmatch(r"[A-Z]", rest[1].text):
        prefix, rest = [*prefix, *rest[:2]], rest[2:]  # "H H Sheikh Tamim", "H E Recep Tayyip Erdogan"
    if rest and all(len(t.text.rstrip(".")) == 1 for t in rest):
        return None
    last = max(
        (
            i
            for i, t in enumerate(rest)
            if _is_title(t.text) and _is_cap(t.text) and fold(t.text) not in _RANKS and not (kept and i == 0)
        ),
        default=None,
    )  # "Hassan Sheikh Mohamud": a form of address inside a name stays in it
    if last is not None and last + 1 < len(rest):  # "East African Cooperation Amb. Liberata Mulamula",
        prefix, rest = prefix + rest[: last + 1], rest[last + 1 :]  # "European Commission President Ursula …"
    if any(_POSSESSIVE.search(t.text) for t in rest[:-1]):
        return None  # "Queen Elizabeth II's Platinum Jubilee": something of someone's, not a name
    position = words.index(chunk[0])
    placed = (position >= 1 and words[position - 1].text.lower() in ("at", "in")) or (
        position >= 2 and words[position - 1].text.lower() == "the" and words[position - 2].text.lower() in ("at", "in")
    )
    seat = max((i for i, t in enumerate(prefix) if fold(_bare(t.text)) in ORG_WORDS), default=-1)
    if placed and seat >= 0 and any(_is_title(t.text) for t in prefix[seat + 1 :]):
        prefix = prefix[seat + 1 :]  # "received at the Carthage Palace Italian Prime Minister X": the place ends
    elif placed:
        return None  # "at the Col du Tourmalet": a place
    if not rest or any(_is_country(t.text) or fold(_bare(t.text)) in ORG_WORDS | _AREAS for t in rest):
        return None  # "the Federal Capital Territory", "Pacific Island leaders": a place, not a person
    if _GROUP_AFTER.match(sentence, rest[-1].end):
        return None  # "Pacific Island leaders", "Gulf officials": people of a place, not someone named
    if any("-" in t.text and all(country_of_word(part) for part in t.text.split("-")) for t in rest):
        return None  # "Philippines-Japan": two countries, not a name
    if country_of_word(sentence[rest[0].start : rest[-1].end]) or country_of_word(
        sentence[chunk[0].start : rest[-1].end]
    ):
        return None  # "South African golf great …", "New Zealand", "Sri Lankan": a country or its people
    if any(
        not (kept and n == 0)  # "Vice-Premier He Lifeng": the small word that begins the name
        and ((fold(_bare(t.text)) in _STOP) or (_is_title(t.text) and fold(t.text) not in _RANKS))
        for n, t in enumerate(rest)
    ):
        return None
    name = sentence[rest[0].start : rest[-1].end]
    name = _POSSESSIVE.sub("", name)
    titled = [t for t in prefix if _is_title(t.text) and fold(t.text) not in ("his", "her", "he", "mr", "mrs", "ms")]
    title = _prefix_title(sentence, words, prefix, titled)
    if title is not None and not titled:
        titled = prefix[:1]
    country = next((c for c in (country_of_word(t.text) for t in prefix) if c), None) or (
        _country_in(title) if title else None
    )
    if country is None and title:  # "Ghana's Minister for Foreign Affairs and …": the country owns the title
        owner = _OWNER.search(sentence, 0, max(sentence.rfind(title, 0, rest[0].start), 0))
        country = country_of_word(owner["country"]) if owner else None
    after = _apposition(sentence, rest[-1].end)
    if after is not None:
        ranked = title is None or all(fold(t.text) in _RANKS for t in titled)
        title = after[0] if ranked else title
        country = country or after[1]
    before = _preposed(sentence, chunk[0].start) if not titled else None
    if before is not None:
        title = title or before[0]
        country = country or before[1]
    if title is None and not prefix:
        lower = _lowercase_title(words, chunk[0])
        if lower is not None:
            title, country, titled = lower[0], country or lower[1], [chunk[0]]
    single = len(rest) == 1 and "-" not in rest[0].text
    position = words.index(chunk[0])
    met = position > 0 and words[position - 1].text.lower() in _MEETS and not prefix and len(rest) >= 2
    acts = position == 0 and not prefix and len(rest) in (2, 3) and _ACTS.match(sentence, rest[-1].end) is not None
    met = met or acts  # "Keir Starmer has signed …", "Mark Carney spoke …": a full name that opens on a deed
    if met and title is None:  # "spoke by phone with Vladimir Zelensky": a full name the verb takes is a person
        return Mention(_POSSESSIVE.sub("", sentence[rest[0].start : rest[-1].end]), rest[0].start, rest[-1].end)
    if title is None or (single and not titled):
        return None
    if single and not any(fold(t.text).rstrip(".") in _RANKS | _SOVEREIGNS for t in titled):
        return None  # "President Ruto" was named in full before; "CEO Roundtable" is no one
    if single and len(rest[0].text) < 3:
        return None
    start = titled[0].start if titled else rest[0].start
    title, plural = _singular(title)
    if plural:
        return _Shared(name, start, rest[-1].end, title, country)
    return Mention(name, start, rest[-1].end, title, country)


#: What a person does, right after a full name that opens a sentence.
_ACTS = re.compile(r"\s+(?:(?:has|have|had)\s+)?(?:met|signed|held|visited|arrived|travel(?:l)?ed|spoke|telephoned|"
                   r"received|hosted|welcomed|paid)\b")  # fmt: skip


def _name_word(prefix: list[_Token], rest: list[_Token]) -> bool:
    """Whether the last word taken as the prefix is the first of the name: a small word written with
    a capital after a title and before the rest of a name ("President To Lam", not "Minister Of
    State" or "President The Hon")."""
    if len(prefix) < 2 or not rest:
        return False
    word, before = prefix[-1].text, prefix[-2].text
    return (
        word[:1].isupper()
        and fold(word) in _STOP
        and _is_title(before)
        and fold(before) not in _STOP
        and _is_cap(rest[0].text)
        and not _is_title(rest[0].text)
        and fold(_bare(rest[0].text)) not in _STOP
    )


def _acronym_before_title(rest: list[_Token]) -> bool:
    """ "UN Permanent Representative": an acronym in front of a title is part of it; "SOSA Lunda" is a
    name written in capitals."""
    return bool(re.fullmatch(r"[A-Z]{2,5}", rest[0].text)) and len(rest) > 1 and _is_title(rest[1].text)


def _lowercase_title(words: list[_Token], first: _Token) -> tuple[str, str | None] | None:
    """ "her Senegalese counterpart Yassine Fall", "State Department spokesperson Tommy Pigott": a
    title in lower case just before the name, with the country or office in front of it."""
    position = words.index(first)
    back = position
    while back > 0 and position - back < 6:
        word = words[back - 1].text
        if not (_is_title(word) or _is_cap(word) or fold(_bare(word)) in ORG_WORDS) or fold(word) in _STOP:
            break
        back -= 1
    span = words[back:position]
    if not span or not any(_is_title(t.text) and t.text[:1].islower() for t in span):
        return None
    text = " ".join(t.text for t in span)
    return _tidy(_without_country(text)), _country_in(text)


def _joins_title(word: str) -> bool:
    """A word between a title and the country it is of: "of the Republic of the" (Congo)."""
    return word in ("of", "the", "for", "and") or (_is_cap(word) and not _is_title(word))


def _prefix_title(sentence: str, words: list[_Token], prefix: list[_Token], titled: list[_Token]) -> str | None:
    """The title in front of a name, with an "of …"/"for …" before it ("Minister of Foreign Affairs
    Ishaq Dar" is read as one chunk after "of"; "President of the Republic of the Congo Denis
    Sassou Nguesso" as one after "the")."""
    if not titled and prefix:
        position = words.index(prefix[0])
        back = position - 1
        while back >= 0 and position - back <= 8 and _joins_title(words[back].text):
            back -= 1
        if back >= 0 and back < position - 1 and _is_title(words[back].text) and words[back].text[:1].isupper():
            return _tidy(sentence[words[_title_start(words, back)].start : prefix[-1].end])
        return None
    if not titled:
        return None
    first = next(i for i, t in enumerate(prefix) if t in titled)
    text = sentence[prefix[first].start : prefix[-1].end]
    position = words.index(prefix[0])
    back = _title_start(words, position)
    if back != position:
        text = sentence[words[back].start : prefix[-1].end]
    return _tidy(text)


def _title_start(words: list[_Token], position: int) -> int:
    """Where a title that goes on at ``position`` begins: back over "of", "of the", "for" and the
    title words before them ("President of the Republic of Turkiye H E …", "Minister of Foreign
    Affairs …")."""
    back = position
    while True:
        at = back - 1 if back >= 1 and words[back - 1].text == "the" else back
        joined = at >= 2 and words[at - 1].text == "and" and at == back and words[at - 2].text[:1].isupper()
        if not (at >= 2 and (words[at - 1].text in ("of", "for") or joined) and _is_title(words[at - 2].text)):
            return back  # "Minister for Foreign Affairs and Regional Integration": "and" joins two portfolios
        back = at - 2
        while back > 0 and _is_title(words[back - 1].text):
            back -= 1


_CLAUSE = re.compile(
    r"^\s*,\s*(?:the\s+|a\s+|an\s+)?(?P<title>[^,;()]{3,120}?)\s*(?:\([^)]*\)\s*)?(?=,|;|$|\s+and\s+h)"
)


def _apposition(sentence: str, end: int) -> tuple[str, str | None] | None:
    """ ", Director General of Foreign Military Cooperation for the Pakistan Armed Forces (PAF), …" """
    found = _CLAUSE.match(sentence[end:])
    if not found:
        return None
    title = found["title"]
    first = title.split()[0] if title.split() else ""
    if not (_is_title(first) or _is_country(first)) or not first[:1].isupper():
        return None
    if len(title.split()) > 16 or re.search(r"\b(?:said|says|told|met|held|is|was|has|had|will)\b", title):
        return None
    return _tidy(_without_country(title)), _country_in(title)


def _preposed(sentence: str, start: int) -> tuple[str, str | None] | None:
    """ "Pakistan's envoy to Rwanda, Hamid Asghar Khan, …": a title set off before the name."""
    head = sentence[:start].rstrip()
    if not head.endswith(","):
        return None
    clauses = re.split(
        r"([,;:]|\band\s+(?=(?:the|his|her|their)\b|[A-Z]\w*['’]s\b)|"
        r"\b(?:with|by|including|presence of|met|meets)\b|"
        r"\b(?:received|receives|welcomed|hosted|greeted)(?=\s+(?:his|her)\b))",
        head[:-1],
    )
    # "Spain's Minister of Foreign Affairs, European Union and Cooperation, Jose Manuel Albares": a
    # title can hold a comma; go back over clauses without a title word to the one that has one
    clause = clauses[-1].strip()
    back = len(clauses) - 1
    while back >= 2 and not any(fold(w) in _HEADS for w in clause.split()) and clauses[back - 1] == ",":
        back -= 2
        clause = f"{clauses[back].strip()}, {clause}"
    words = clause.split()
    whole = clause
    if len(words) > 12:  # "The First Secretary of the Central Committee of … and President of the Republic, X"
        clause = re.split(r"\s+and\s+", clause)[-1]
        words = clause.split()
        if not words or not _is_title(words[0]):
            return None
    if not words or len(words) > 12 or not any(_is_title(w) for w in words):
        return None
    if words[0][:1].islower() and words[0].lower() not in ("the", "his", "her", "its", "their", "a", "an"):
        return None  # "conveying the good wishes of his own prime minister, Narendra Modi": no title
    if re.search(r"\b(?:said|says|told|met|held|is|was|has|had|will|visited)\b", clause):
        return None
    clause = re.sub(r"^(?:the|a|an)\s+", "", clause, flags=re.I)
    return _tidy(_without_country(clause)), _country_in(clause) or _country_in(whole)


def _without_country(title: str) -> str:
    """ "Pakistan's envoy to Rwanda" → "envoy to Rwanda"; a leading possessive or demonym goes to
    the actor's country instead."""
    words = title.split()
    while len(words) > 1 and _is_country(words[0]):
        words.pop(0)
    return " ".join(words)


_OWNER = re.compile(r"\b(?P<country>[A-Z][\w'’-]*)['’]s\s+$")


def _country_in(text: str) -> str | None:
    for word in re.findall(r"[A-Z][\w'’-]*", text):
        code = country_of_word(word)
        if code:
            return code
    return None


def _is_country(word: str) -> bool:
    return word[:1].isupper() and country_of_word(word) is not None


def _tidy(title: str) -> str:
    title = re.sub(r"\s*\([^)]*\)", "", title).strip(" ,.")
    return title[:1].upper() + title[1:]
