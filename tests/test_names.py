"""Matching typed names to actors: ids, names, aliases, accents, honorifics and word prefixes."""

from __future__ import annotations

import pytest

from rwpk_cli.errors import AmbiguousNameError, UnknownNameError
from rwpk_cli.log.model import Actor
from rwpk_cli.log.names import NameIndex, name_tokens

ACTORS = [
    Actor("nduhungirehe", "Olivier Nduhungirehe", "RW", aliases=("Nduhungirehe",)),
    Actor("sanjrani", "Muhammad Sadiq Sanjrani", "PK"),
    Actor("muneer-ud-din", "Muneer-ud-Din", "PK"),
    Actor("mukeka", "Clémentine Mukeka", "RW"),
    Actor("ali-khan", "Ali Khan", "PK"),
    Actor("hamid-khan", "Hamid Asghar Khan", "PK"),
]
INDEX = NameIndex(ACTORS)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nduhungirehe", "nduhungirehe"),
        ("Nduhungirehe", "nduhungirehe"),
        ("olivier nduh", "nduhungirehe"),
        ("Minister Olivier Nduhungirehe", "nduhungirehe"),
        ("Sanjrani", "sanjrani"),
        ("sadiq sanj", "sanjrani"),
        ("Maj Gen Muneer-ud-Din", "muneer-ud-din"),
        ("muneer ud din", "muneer-ud-din"),
        ("clementine mukeka", "mukeka"),
        ("CLÉMENTINE", "mukeka"),
        ("Ali Khan", "ali-khan"),  # an exact name wins over a prefix match of another actor
        ("hamid khan", "hamid-khan"),
        ("HAMID-KHAN", "hamid-khan"),  # the id, in any case
    ],
)
def test_resolves(query: str, expected: str) -> None:
    assert INDEX.resolve(query).id == expected


def test_ambiguous_lists_every_candidate() -> None:
    with pytest.raises(AmbiguousNameError) as caught:
        INDEX.resolve("Khan")
    assert caught.value.candidates == ["Ali Khan (ali-khan)", "Hamid Asghar Khan (hamid-khan)"]


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [
        ("Nduhungirehi", "Olivier Nduhungirehe"),
        ("Sanjarani", "Muhammad Sadiq Sanjrani"),
        ("mukekka", "Clémentine Mukeka"),
    ],
)
def test_unknown_suggests_close_names(query: str, suggestion: str) -> None:
    with pytest.raises(UnknownNameError) as caught:
        INDEX.resolve(query)
    assert suggestion in caught.value.suggestions
    assert f"Did you mean '{suggestion}'" in str(caught.value) or suggestion in str(caught.value)


def test_unknown_with_nothing_close() -> None:
    with pytest.raises(UnknownNameError) as caught:
        INDEX.resolve("Zzyzx")
    assert caught.value.suggestions == []
    assert str(caught.value) == "no actor matches 'Zzyzx'. 'rwpk actors' lists them all."


def test_honorifics_alone_match_nobody() -> None:
    assert INDEX.candidates("Minister") == []
    assert name_tokens("Maj Gen Dr. Ali") == ("ali",)


def test_words_must_start_words_in_order() -> None:
    assert INDEX.candidates("ndu olivier") == []
    assert INDEX.candidates("hirehe") == []
