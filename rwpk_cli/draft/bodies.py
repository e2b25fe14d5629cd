"""The bodies a sentence names: ministries, missions, embassies, and the seats of government that
stand for a government ("the Kremlin said", "according to the Élysée", "Downing Street announced").

A body is named by two words or more, one of them a word of organisations ("Ministry of Foreign
Affairs", "the Foreign Office", "Élysée Palace"), or by the name of a seat of government, which is
its country's government or presidency.
"""

from __future__ import annotations

import re

from .people import ORG_WORDS, Mention
from .places import country_of_word

#: A capital letter, accented ones included ("Élysée", "Świat").
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_CAP = rf"[{UPPER}][\w’'-]*"
_ORGANISATION = re.compile(
    rf"(?:(?:the\s+)?(?:{_CAP}\s+){{0,4}}(?:" + "|".join(w.capitalize() for w in sorted(ORG_WORDS)) + r")(?![\w’'-])"
    r"(?:\s+(?:(?:of|for|to|on)\s+(?:the\s+)?|and\s+)(?!(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    rf"{_CAP}(?:\s+{_CAP}){{0,4}})*"
    rf"(?:(?:,\s+(?-i:[{UPPER}])[\w’'-]*)*\s+and\s+(?-i:[{UPPER}])[\w’'-]*)?)"
)
#: Seats of government that news reports name for the government or presidency they house.
SEATS = {
    "Kremlin": "RU", "Élysée": "FR", "Elysee": "FR", "Élysée Palace": "FR", "Elysee Palace": "FR",
    "White House": "US", "Downing Street": "GB", "Quai d'Orsay": "FR", "Itamaraty": "BR", "Planalto": "BR",
    "Blue House": "KR", "Zhongnanhai": "CN", "Farnesina": "IT", "Moncloa": "ES", "Casa Rosada": "AR",
    "Villa Somalia": "SO", "Bundeskanzleramt": "DE", "Palazzo Chigi": "IT", "Malacañang": "PH",
}  # fmt: skip
_SEAT = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(s) for s in sorted(SEATS, key=len, reverse=True))
    + r")(?![\w-])(?!\s+(?-i:[A-Z]))"
)


#: A body named in lower case after its country: "the Chadian presidency", "the Cyprus presidency",
#: "the Chinese foreign ministry".
_COUNTRY_BODY = re.compile(
    rf"(?<![\w-])(?P<country>[{UPPER}][\w’'-]*)\s+(?:presidency|government|foreign office|embassy|"
    r"(?:foreign|defen[cs]e|interior|trade) ministry)(?![\w-])"
)

#: A body named in lower case after the one it serves: "the press service of the President of
#: Azerbaijan", "the press office of the Prime Minister".
_SERVICE_OF = re.compile(
    rf"(?<![\w-])(?:press|media|information|communications?)\s+(?:service|office|secretariat|department|unit)"
    rf"\s+of\s+(?:the\s+)?{_CAP}(?:\s+(?:(?:of|for)\s+(?:the\s+)?)?{_CAP}){{0,4}}"
)

#: A press service named in lower case after the seat or the office it speaks for: "the Akorda
#: press service", "the Kremlin press service" (the seat, found first, stands).
_SERVICE_AFTER = re.compile(
    rf"(?<![\w’'-])(?!(?:The|A|An|In|On|At|Its|His|Her|Their)\s){_CAP}(?:\s+{_CAP})?(?<!['’]s)\s+(?:press|media)\s+"
    r"(?:service|office)(?![\w-])"
)

#: A leader's office named in lower case after the office held: "the office of the Finnish
#: president", "the office of the supreme leader".
_OFFICE_OF = re.compile(
    rf"(?<![\w-])office\s+of\s+the\s+(?:[{UPPER}][\w’'-]*\s+)?(?:president|prime minister|supreme leader|"
    r"chancellor|premier|king|emir|sultan|crown prince)(?![\w-])"
)

#: A leader's own office, named after them in lower case: "Mr Bennett's office said".
HOLDERS_OFFICE = re.compile(
    rf"(?<![\w-])(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?P<who>{_CAP})['’]s\s+(?:press\s+)?office(?![\w-])"
)

_APPOSED = re.compile(r",\s*(?:the\s+)?")


def organisations(text: str) -> list[Mention]:
    """Ministries, missions, embassies and the like, named with two words or more, and seats of
    government ("the Kremlin"), in the order the text names them."""
    found = []
    for match in _ORGANISATION.finditer(text):
        name = re.sub(r"^the\s+", "", match.group(), flags=re.I).strip()
        owner = re.match(r"^(\S+)['’]s\s+", name)  # "Japan's Ministry of Economy, …": Japan's ministry
        country = country_of_word(owner.group(1)) if owner else None
        if owner and country:
            name = name[owner.end() :]
        if len(name.split()) < 2:
            continue
        start = match.start() + match.group().find(name)
        country = country or next((c for c in (country_of_word(w) for w in name.split()) if c), None)
        found.append(Mention(name, start, start + len(name), None, country, None, True))
    for match in _SEAT.finditer(text):
        if not any(m.start <= match.start() < m.end for m in found):
            found.append(Mention(match.group(), match.start(), match.end(), None, SEATS[match.group()], None, True))
    for match in _COUNTRY_BODY.finditer(text):
        country = country_of_word(match["country"])
        # "Villa Somalia, the Somali presidency, said": the body named just before, described
        described = any(_APPOSED.fullmatch(text, m.end, match.start()) for m in found)
        if country and not described and not any(m.start <= match.start() < m.end for m in found):
            found.append(Mention(match.group(), match.start(), match.end(), None, country, None, True))
    for match in [*_SERVICE_OF.finditer(text), *_OFFICE_OF.finditer(text), *_SERVICE_AFTER.finditer(text)]:
        if not any(m.start <= match.start() < m.end for m in found):
            country = next((c for c in (country_of_word(w) for w in match.group().split()) if c), None)
            found.append(Mention(match.group(), match.start(), match.end(), None, country, None, True))
    for match in HOLDERS_OFFICE.finditer(text):
        if country_of_word(match["who"]) is None and not any(m.start <= match.start() < m.end for m in found):
            name = text[match.start("who") : match.end()]
            found.append(Mention(name, match.start("who"), match.end(), None, None, None, True))
    return sorted(found, key=lambda m: m.start)
