"""Matching the names people type ("Gen Muganga", "olivier nduh") to the actors of a log."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from ..errors import AmbiguousNameError, UnknownNameError
from .model import Actor

#: Words that come before a name but are not part of it; a query may include or omit them.
_HONORIFIC_WORDS = """
    gen general maj major lt lieutenant col colonel brig brigadier capt captain cpt adm admiral
    air marshal vice rear amb ambassador minister dr mr mrs ms miss prof professor hon honourable
    honorable he excellency his her sen senator president pm sir dame rt
"""
HONORIFICS = frozenset(_HONORIFIC_WORDS.split())
_SPLIT = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case text without accents, for comparisons that ignore both."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_tokens(text: str) -> tuple[str, ...]:
    """The words of a name, folded, without honorifics: "Maj Gen Muneer-ud-Din" → (muneer, ud, din)."""
    return tuple(t for t in _SPLIT.split(fold(text)) if t and t not in HONORIFICS)


def _prefix_subsequence(query: tuple[str, ...], candidate: tuple[str, ...]) -> bool:
    """Each query word starts a candidate word, in order (greedy earliest match is optimal)."""
    position = 0
    for word in query:
        while position < len(candidate) and not candidate[position].startswith(word):
            position += 1
        if position == len(candidate):
            return False
        position += 1
    return True


class _Entry(NamedTuple):
    actor: Actor
    names: tuple[tuple[str, ...], ...]


class NameIndex:
    """Finds actors by id, name or alias, ignoring case, accents and honorifics."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self._entries = [
            _Entry(a, tuple(t for t in (name_tokens(n) for n in (a.name, *a.aliases)) if t)) for a in actors
        ]
        self._by_id = {e.actor.id: e.actor for e in self._entries}
        # Actors by their exact name words, each once, in order: dicts keyed by id rather than lists,
        # so that 100,000 actors of one name are indexed in linear time.
        by_name: dict[tuple[str, ...], dict[str, Actor]] = {}
        words: dict[str, set[int]] = {}
        for index, entry in enumerate(self._entries):
            for tokens in entry.names:
                by_name.setdefault(tokens, {}).setdefault(entry.actor.id, entry.actor)
                for token in tokens:
                    words.setdefault(token, set()).add(index)
        self._by_name = {tokens: list(found.values()) for tokens, found in by_name.items()}
        self._words = sorted(words)
        self._holders = [words[w] for w in self._words]

    def candidates(self, query: str) -> list[Actor]:
        """The actors that fit best: an exact id, else an exact name or alias, else a word-prefix match."""
        exact_id = self._by_id.get(query.strip().lower())
        if exact_id is not None:
            return [exact_id]
        words = name_tokens(query)
        if not words:
            return []
        exact = self._by_name.get(words)
        if exact:
            return list(exact)
        # Only actors with a word that starts like the query's first word can match at all.
        first = bisect.bisect_left(self._words, words[0])
        possible: set[int] = set()
        for position in range(first, len(self._words)):
            if not self._words[position].startswith(words[0]):
                break
            possible |= self._holders[position]
        return [
            self._entries[i].actor
            for i in sorted(possible)
            if any(_prefix_subsequence(words, n) for n in self._entries[i].names)
        ]

    def resolve(self, query: str) -> Actor:
        """The one actor that ``query`` names; raises when it fits none or several."""
        found = self.candidates(query)
        if len(found) == 1:
            return found[0]
        if found:
            raise AmbiguousNameError(query, [f"{a.name} ({a.id})" for a in found])
        raise UnknownNameError(query, self.suggest(query))

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """Close names, for a "did you mean"."""
        wanted = " ".join(name_tokens(query)) or fold(query)
        choices: dict[str, str] = {}
        for entry in self._entries:
            choices.setdefault(entry.actor.id, entry.actor.name)
            for words in entry.names:
                choices.setdefault(" ".join(words), entry.actor.name)
                for word in words:
                    choices.setdefault(word, entry.actor.name)
        import difflib  # only for a name that matched nothing

        close = difflib.get_close_matches(wanted, list(choices), n=limit * 3, cutoff=0.6)
        return list(dict.fromkeys(choices[c] for c in close))[:limit]
