"""Who issued a statement: a body, a spokesperson, a leader, or the countries that issued it together.

"In a statement, the ministry's spokesperson X said …" is X; "X said in a statement" is X; "…
stated the Permanent Mission" is the mission; "In a joint statement released on Sunday, India and
Kuwait said …" is both countries; a joint statement is everyone's the sentence names; else whoever
is named nearest the words that report it.
"""

from __future__ import annotations

import re

from .bodies import UPPER
from .kinds import Trigger
from .people import Mention
from .places import country_of_word


def issuer(text: str, mentions: list[Mention], trigger: Trigger) -> list[Mention]:
    """Who issued a statement: the subject of its reporting verb. "In a statement, the ministry's
    spokesperson X said …" is X; "X said in a statement" is X; "… stated the Permanent Mission" is
    the mission; a joint statement is everyone's the sentence names; else whoever is named nearest
    the words that report it."""
    if "joint" in trigger.words.lower() or _JOINT.search(text, 0, trigger.start):
        # "a joint declaration read out by X": X read it, the signatories issued it
        people = [m for m in mentions if not m.organization and not _READ_OUT.search(text, 0, m.start)]
        verb = _REPORTING.search(text, trigger.end)
        issued = [m for m in people if verb is None or m.start < verb.start()]
        reported = _REPORTING_BEFORE.search(text, 0, trigger.start)
        countries = _countries(text, 0, reported.start()) if reported else []
        if reported and countries and not any(m.start < reported.start() for m in people):
            return countries  # "Oman and Saudi Arabia said in a joint statement … that the two sides had agreed"
        if issued:  # "… Rubio and Waltz said Trump had discussed …": who said it, not whom it is about
            return issued
        after = _countries(text, trigger.end, verb.start()) if verb is not None and not people else []
        if after:  # "In a joint statement carried by the Saudi Press Agency, Saudi Arabia and Lebanon said …"
            return after
        if people:
            return people
    named = _BY_NAMED.search(text, 0, trigger.start)
    if named is not None and not any(m.start <= named.start("who") < m.end for m in mentions):
        # "The decision … was announced last night by Flavio Darío Espinal, legal consultant of …, in a statement"
        return [Mention(named["who"], named.start("who"), named.end("who"), None, None, None, False)]
    lead = _LEAD_SUBJECT.match(text)
    if lead is not None and not any(m.start < lead.end("who") for m in mentions):
        who = re.sub(r"^The\s+", "", lead["who"])  # "Villa Somalia, the Somali presidency, said in a statement"
        return [Mention(who, 0, len(who), None, None, None, True)]
    saying = [m for m in mentions if m.end <= trigger.start and _SAID_IN.fullmatch(text, m.end, trigger.start)]
    if saying:
        # "Japan's Ministry of Foreign Affairs said in a statement … that the two ministers had confirmed …"
        return saying[-1:]
    if trigger.words.lower().startswith("in "):  # "In a statement, …", "In its own statement, …"
        verb = _REPORTING.search(text, trigger.end)
        if verb is not None:
            before = [m for m in mentions if trigger.end <= m.start and m.end <= verb.start()]
            if before:
                return before[-1:]
            countries = _countries(text, trigger.end, verb.start())
            if countries:
                return countries
            subject = _SUBJECT.search(text[trigger.end : verb.start()] + " ")
            if subject is not None:
                start = trigger.end + subject.start("who")
                return [Mention(subject["who"], start, start + len(subject["who"]), None, None, None, True)]
    if _REPORTING.match(trigger.words) or trigger.words.endswith(
        (" by", " from")
    ):  # "a readout released by the ministry"
        after = [m for m in mentions if m.start >= trigger.end]
        if after:
            return after[:1]
    verb = _REPORTING_BEFORE.search(text, 0, trigger.start)
    countries = _countries(text, 0, verb.start()) if verb else []
    if countries:  # "India and Kuwait said in a joint statement"
        return countries
    said = [m for m in mentions if m.end <= trigger.start and _REPORTING.search(text, m.end, trigger.start + 1)]
    if said:
        return said[-1:]
    opening = next((m for m in mentions if m.start <= 4 and m.organization and m.end <= trigger.start), None)
    if opening is not None:  # "The Russian Foreign Ministry, for its part, described … in a statement"
        return [opening]
    if not mentions:
        return []
    return [min(mentions, key=lambda m: min(abs(m.start - trigger.end), abs(trigger.start - m.end)))]


def _countries(text: str, start: int, end: int) -> list[Mention]:
    """The countries named together just before ``end``, as the subject of a reporting verb:
    "…, India and Kuwait said", "Rwanda, Kenya and Uganda said"."""
    found = _COUNTRY_LIST.search(text, start, end)
    if found is None:
        return []
    mentions = []
    for part in re.finditer(rf"(?:the\s+)?[{UPPER}][\w’'-]*(?:\s+[{UPPER}][\w’'-]*)*", found["who"]):
        name = re.sub(r"^the\s+", "", part.group())
        country = country_of_word(name)
        if country is None:
            return []
        at = found.start("who") + part.start() + part.group().find(name)
        mentions.append(Mention(name, at, at + len(name), None, country, None, True))
    return mentions if len(mentions) >= 2 else []


_BY_NAMED = re.compile(
    rf"\b(?:announced|read(?: out)?|issued|released)\s+(?:\S+\s+){{0,3}}?by\s+"
    rf"(?P<who>(?-i:[{UPPER}])[\w’'-]+(?:\s+(?-i:[{UPPER}])[\w’'-]+){{1,3}}),\s+(?-i:[a-z])"
)
_READ_OUT = re.compile(r"\b(?:read(?: out)?|presented|announced) by\s+(?:\S+\s+){0,4}$")
_NAME = rf"(?:the\s+)?[{UPPER}][\w’'-]*(?:\s+[{UPPER}][\w’'-]*)*"
_COUNTRY_LIST = re.compile(rf"(?:^|,\s*)(?P<who>{_NAME}(?:\s*,\s*{_NAME})*\s+and\s+{_NAME})\s+$")
_LEAD_SUBJECT = re.compile(
    rf"^(?P<who>(?-i:[{UPPER}])[\w’'-]*(?:\s+(?-i:[{UPPER}])[\w’'-]*){{0,4}})(?:,[^,]{{1,60}},)?\s+"
    r"(?:said|stated|announced)\s+in\s+a\b"
)
_REPORTING = re.compile(r"\b(?:said|says|stated|states|confirmed|announced|noted|added|declared|wrote|explained)\b")
_JOINT = re.compile(r"\bjoint\s+$", re.I)  # "In a joint communiqué", whose words are "communiqué"
#: What is between the one who issued a statement and its words: "X said in a statement", "X, in a statement".
_SAID_IN = re.compile(r"\s*(?:(?:said|stated|announced|added|declared|noted)\s*)?")
_REPORTING_BEFORE = re.compile(rf"{_REPORTING.pattern}\s+(?:in\s+)?$")
#: The subject of the reporting verb, at the head of the words after "In a statement", or after
#: what the statement was ("In a statement released on Wednesday, the Royal Cabinet said").
_SUBJECT = re.compile(
    rf"(?:^|,)\s*(?:the\s+)?(?P<who>(?-i:[{UPPER}])[\w’'-]*(?:\s+(?-i:[{UPPER}])[\w’'-]*){{0,5}})\s+$"
)
