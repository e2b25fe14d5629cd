"""Where a log's text may define event, actor, source or include in another way than rwpk's blocks."""

from __future__ import annotations

import pytest

from rwpk_cli.log.keys import defined_otherwise, may_include

CASES = [
    ('# Older logs used [[event]] tables.\nevent = [\n  { id = "one" },\n]\n', "event", True),
    ('[[event]]\nid = "x"\n[[ event ]]\n', "event", False),
    ('"\\u0065vent" = []\n', "event", True),
    ("[event]\nx = 1\n", "event", True),
    ("[[event.sub]]\n", "event", True),
    ('summary = "an event = big"\n', "event", False),
    ("events = 3\nsources = []\n", "event", False),
    ('[[event]]\nsummary = """\n[[event]]\n"""\n', "event", False),
    ('source = { paper = { title = "P" } }\n', "source", True),
    ('[source.paper]\ntitle = "x"\nsources = ["a"]\n', "source", False),
    ('[source."a b"]\n', "source", False),
    ("[[source]]\n", "source", True),
    ('actor = { alpha = { name = "Ada" } }\n', "actor", True),
    ('actor.alpha.name = "Ada"\n', "actor", True),
    ('[actor]\nalpha = { name = "x" }\n', "actor", True),
    ('[log]\ntitle = "x"\n[actor.a]\nname = "A"\n[[event]]\ndate = 2020-01-01\n', "actor", False),
]


@pytest.mark.parametrize(("text", "name", "otherwise"), CASES)
def test_a_name_defined_otherwise_is_told_from_rwpks_own_tables(text: str, name: str, otherwise: bool) -> None:
    assert defined_otherwise(text, name) is otherwise
    assert defined_otherwise(text.encode("utf-8"), name) is otherwise


@pytest.mark.parametrize(
    ("text", "include"),
    [('[log]\n"include" = ["o.toml"]', True), ('log.include = ["o"]', True), ("'include' = []", True),
     ('[log]\n"\\u0069nclude" = []', True), ('title = "we include = this"', False), ("included = 1", False)],
)  # fmt: skip
def test_an_include_key_is_found_however_it_is_spelt(text: str, include: bool) -> None:
    assert may_include(text) is include
    assert may_include(text.encode("utf-8")) is include
