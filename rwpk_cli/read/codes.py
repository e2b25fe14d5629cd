"""The one table that turns an event dataset's codes into rwpk's kinds, and its countries into
rwpk's two-letter codes.

CAMEO (ICEWS, GDELT), by event code:

==========================  =============================================  ============
CAMEO                       meaning                                        rwpk kind
==========================  =============================================  ============
010–019                     make a public statement                        statement
020–028                     appeal                                         statement
030–039                     express intent to cooperate                    statement
040                         consult                                        meeting
041                         discuss by telephone                           call
042, 043                    make a visit, host a visit                     visit
044, 045, 046               meet at a third location, mediate, negotiate   meeting
050–053, 055, 056           praise, defend, rally support, apologise,      statement
                            forgive
054                         grant diplomatic recognition                   other
057                         sign a formal agreement                        agreement
060–204 (roots 06–20)       material cooperation, aid, conflict            skipped
==========================  =============================================  ============

PLOVER (and POLECAT), by event type: CONSULT by its mode (``visit`` → visit, ``phone`` → call,
``third-party``, ``multilateral`` or none → meeting), AGREE → agreement, SUPPORT → statement; the
other types (material cooperation and conflict, and verbal conflict, as CAMEO 06–20) are skipped.
Skipped rows are counted, never dropped silently.
"""

from __future__ import annotations

import re
from functools import cache

CAMEO_CODE = re.compile(r"^\d{2,4}$")
OUTSIDE = "outside the diplomatic range (CAMEO 06–20)"
PLOVER_OUTSIDE = "outside the diplomatic range (PLOVER types other than AGREE, CONSULT and SUPPORT)"

_CAMEO_EXACT = {"040": "meeting", "041": "call", "042": "visit", "043": "visit", "044": "meeting",
                "045": "meeting", "046": "meeting", "054": "other", "057": "agreement"}  # fmt: skip
_CAMEO_ROOTS = {"01": "statement", "02": "statement", "03": "statement", "05": "statement"}
_PLOVER_MODES = {"visit": "visit", "phone": "call", "third-party": "meeting", "multilateral": "meeting"}
PLOVER_KINDS = {"AGREE": "agreement", "SUPPORT": "statement"}
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "DEMAND", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
                "INVESTIGATE", "DISAPPROVE", "FIGHT", "CRIME")  # fmt: skip


def cameo_kind(code: str) -> str | None:
    """The kind of a CAMEO event code ("040", "0431"), None when it is outside the diplomatic range.
    ValueError for what is not a CAMEO code."""
    if not CAMEO_CODE.match(code) or not 1 <= int(code[:2]) <= 20:
        raise ValueError(code)
    if len(code) == 2:
        code += "0"
    return _CAMEO_EXACT.get(code[:3]) or _CAMEO_ROOTS.get(code[:2])


def plover_kind(event_type: str, modes: list[str]) -> str | None:
    """The kind of a PLOVER event type and its modes; None outside the diplomatic range. ValueError for
    what is not a PLOVER type."""
    upper = event_type.strip().upper()
    if upper not in PLOVER_TYPES:
        raise ValueError(event_type)
    if upper == "CONSULT":
        return next((_PLOVER_MODES[m] for m in (x.strip().lower() for x in modes) if m in _PLOVER_MODES), "meeting")
    return PLOVER_KINDS.get(upper)


@cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    import pycountry

    by_code: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for country in pycountry.countries:
        by_code[country.alpha_3] = by_code[country.alpha_2] = country.alpha_2
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if name:
                by_name[name.casefold()] = country.alpha_2
    return by_code, by_name


@cache
def country_code(text: str | None) -> str | None:
    """rwpk's two-letter code for a dataset's country: an ISO/CAMEO three-letter code (RWA), a
    two-letter code, or an English name (Rwanda, Russian Federation). None when it is none of these."""
    if not text or text.strip().upper() in ("", "NA", "NONE", "NULL"):
        return None
    by_code, by_name = _countries()
    clean = text.strip()
    if len(clean) in (2, 3) and clean.isalpha():
        return by_code.get(clean.upper())
    return by_name.get(clean.casefold()) or _searched(clean)


_FILLERS = frozenset({"the", "of", "and"})


def _words(name: str) -> frozenset[str]:
    from ..log.names import fold

    return frozenset(re.findall(r"[a-z]+", fold(name))) - _FILLERS


@cache
def _by_words() -> dict[frozenset[str], str]:
    import pycountry

    found: dict[frozenset[str], str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if name:
                found.setdefault(_words(name), country.alpha_2)
    return found


@cache
def _searched(name: str) -> str | None:
    """A country name in another wording: pycountry's lookup (accents, "Cote d'Ivoire"), then the same
    words in another order ("Congo, Democratic Republic of" for "Congo, The Democratic Republic of
    the"). Never a guess: a name that fits neither is no country."""
    import pycountry

    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        return _by_words().get(_words(name))


def country_name(code: str) -> str | None:
    """The common name of a country code (RWA → Rwanda), for an actor a dataset gives only as a code."""
    import pycountry

    countries = pycountry.countries
    found = countries.get(alpha_3=code.upper()) if len(code) == 3 else countries.get(alpha_2=code.upper())
    return str(getattr(found, "common_name", None) or found.name) if found is not None else None


def is_country_name(name: str) -> bool:
    """Whether a dataset's actor name is a country's own name (the state, not a person)."""
    return _countries()[1].get(name.strip().casefold()) is not None


#: The CAMEO names of the codes rwpk imports (CAMEO 1.1b3), for titles when a dataset gives no text.
CAMEO_NAMES = {
    "01": "Make public statement", "010": "Make statement", "011": "Decline comment",
    "012": "Make pessimistic comment", "013": "Make optimistic comment", "014": "Consider policy option",
    "015": "Acknowledge or claim responsibility", "016": "Deny responsibility", "017": "Engage in symbolic act",
    "018": "Make empathetic comment", "019": "Express accord", "02": "Appeal", "020": "Make an appeal or request",
    "021": "Appeal for material cooperation", "022": "Appeal for diplomatic cooperation", "023": "Appeal for aid",
    "024": "Appeal for political reform", "025": "Appeal to yield", "026": "Appeal to others to meet or negotiate",
    "027": "Appeal to others to settle dispute", "028": "Appeal to engage in or accept mediation",
    "03": "Express intent to cooperate", "030": "Express intent to cooperate",
    "031": "Express intent to engage in material cooperation",
    "032": "Express intent to engage in diplomatic cooperation", "033": "Express intent to provide material aid",
    "034": "Express intent to institute political reform", "035": "Express intent to yield",
    "036": "Express intent to meet or negotiate", "037": "Express intent to settle dispute",
    "038": "Express intent to accept mediation", "039": "Express intent to mediate", "04": "Consult",
    "040": "Consult", "041": "Discuss by telephone", "042": "Make a visit", "043": "Host a visit",
    "044": "Meet at a third location", "045": "Mediate", "046": "Engage in negotiation",
    "05": "Engage in diplomatic cooperation", "050": "Engage in diplomatic cooperation", "051": "Praise or endorse",
    "052": "Defend verbally", "053": "Rally support on behalf of", "054": "Grant diplomatic recognition",
    "055": "Apologize", "056": "Forgive", "057": "Sign formal agreement",
}  # fmt: skip


def cameo_name(code: str) -> str:
    """The CAMEO name of a code rwpk imports (a four-digit code by its three-digit parent)."""
    return CAMEO_NAMES.get(code[:3]) or CAMEO_NAMES.get(code[:2]) or f"CAMEO {code}"
