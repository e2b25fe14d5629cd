"""Who is who across an article: the people each sentence names, however it names them.

The first mention of a new person carries a title ("Kenya's Cabinet Secretary for Foreign Affairs
Musalia Mudavadi"); later ones may not ("Mudavadi said"), or name them by what they are ("the
Kenyan minister", "the two leaders"), or by a pronoun at the head of the sentence ("He also met
…"). The cast remembers everyone named so far, so that each of these is the same person. Names in
quotations are left out: a person quoted about takes no part.
"""

from __future__ import annotations

import re

from ..log.model import Log
from ..log.names import fold, name_tokens
from .people import ORG_WORDS, ActorFinder, Mention, new_people, tokens
from .places import country_of_word

_PRONOUN = re.compile(
    r"^(?:He|She|They|The (?:minister|president|envoy|ambassador|general|two (?:sides|ministers|leaders|officials|"
    r"men|countries)))\b"
)
_DESCRIPTION = re.compile(
    r"\b(?:the|his|her)\s+(?P<two>two\s+)?(?P<adj>[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+)?"
    r"(?P<what>(?:foreign |prime |deputy )?(?:minister|ministers|president|presidents|leaders?|heads? of state|"
    r"heads? of government|king|emir|crown prince|chancellor|secretary|ambassador|envoy|premier|sides))\b",
    re.I,
)
_LEADER_WORDS = "president prime king emir crown chancellor premier sultan sheikh"
_LEADERS = frozenset(_LEADER_WORDS.split())
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_ORGANISATION = re.compile(
    r"(?:(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,4}(?:" + "|".join(w.capitalize() for w in sorted(ORG_WORDS)) + r")"
    r"(?:\s+(?:of|for|to|on|and)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4})*)"
)


def key(mention: Mention) -> str:
    """What makes two mentions one person: the log's actor id, else the name's words."""
    return mention.actor or " ".join(name_tokens(mention.name))


class Cast:
    """The people an article has named so far."""

    def __init__(self, log: Log | None) -> None:
        self.finder = ActorFinder(log.actors.values() if log else ())
        self.people: dict[str, Mention] = {}  # new people, by their name's words and by surname
        self.seen: list[Mention] = []  # everyone named so far, the latest last
        self.last: list[Mention] = []  # those named by the last sentence that named anyone

    def mentions(self, text: str) -> list[Mention]:
        """The people and organisations ``text`` names, in order, a pronoun at its head included."""
        outside = outside_quotes(text)
        known = self.finder.find(outside)
        result = sorted(known + new_people(outside, known), key=lambda m: m.start)
        for mention in result:
            words = name_tokens(mention.name)
            if mention.actor is None and words:
                self.people.setdefault(" ".join(words), mention)
                self.people.setdefault(words[-1], mention)
        for extra in [*self._renamed(outside, result), *self._described(outside)]:
            if key(extra) not in {key(m) for m in result}:
                result.append(extra)
        for organisation in _organisations(outside):
            if not any(_overlap(m, organisation) for m in result):
                result.append(organisation)
        pronoun = _PRONOUN.match(text)
        if pronoun and self.last:
            lead = [m for m in self.last if m.actor or m.title][: 2 if "two" in pronoun.group() else 1]
            result = lead + [m for m in result if key(m) not in {key(x) for x in lead}]
        for mention in result:
            if mention.actor or mention.title:
                self.seen = [m for m in self.seen if key(m) != key(mention)] + [mention]
        if result:
            self.last = result
        return sorted(result, key=lambda m: m.start)

    def _renamed(self, text: str, found: list[Mention]) -> list[Mention]:
        """New people met before, now named without their title ("Mudavadi said …")."""
        again: list[Mention] = []
        for token in tokens(text):
            person = self.people.get(re.sub(r"['’]s$", "", fold(token.text)))
            if person is None or not token.text[:1].isupper():
                continue
            if not any(m.start <= token.start < m.end for m in found):
                again.append(person._replace(start=token.start, end=token.end))
        return again

    def _described(self, text: str) -> list[Mention]:
        """People named by what they are: "the Malaysian Prime Minister", "the two leaders"."""
        found: list[Mention] = []
        for match in _DESCRIPTION.finditer(text):
            adjective, what = match["adj"], fold(match["what"])
            country = country_of_word(adjective) if adjective else None
            if adjective and country is None:
                continue
            words = set(what.split())
            fitting = [m for m in reversed(self.seen) if (country is None or m.country == country) and _fits(m, words)]
            for person in fitting[: 2 if match["two"] else 1]:
                found.append(person._replace(start=match.start(), end=match.end()))
        return found


def _fits(person: Mention, words: set[str]) -> bool:
    """Whether the person's title is what a description says: "the two leaders" are heads of state
    or government; "the Prime Minister" has those words in the title."""
    title = set(fold(person.title or "").replace("-", " ").split())
    if words & {"leader", "leaders", "heads", "head", "sides"}:
        return bool(title & _LEADERS) or "sides" in words
    wanted = {w.rstrip("s") for w in words} - {"of", "state", "government"}
    return bool(wanted) and wanted <= {w.rstrip("s") for w in title}


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start <= b.start < a.end or b.start <= a.start < b.end


def quoted(text: str, position: int) -> bool:
    """Whether ``position`` is inside a quotation."""
    return any(m.start() <= position < m.end() for m in _QUOTED.finditer(text))


def outside_quotes(text: str) -> str:
    """The sentence with quotations blanked (same length): a name in a quote takes no part."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def _organisations(text: str) -> list[Mention]:
    """Ministries, missions, embassies and the like, named with two words or more."""
    found = []
    for match in _ORGANISATION.finditer(text):
        name = re.sub(r"^the\s+", "", match.group()).strip()
        if len(name.split()) < 2:
            continue
        start = match.start() + match.group().find(name)
        country = next((c for c in (country_of_word(w) for w in name.split()) if c), None)
        found.append(Mention(name, start, start + len(name), None, country, None, True))
    return found
