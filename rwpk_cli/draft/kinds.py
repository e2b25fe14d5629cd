"""What kind of event a sentence reports, from its verbs and nouns, and whether it reports one at all.

Each kind has the words that report it ("met", "held talks", "received" → meeting; "visited",
"arrived in", "visit" → visit; "signed … memorandum" → agreement; "spoke by telephone" → call;
"consultations" → consultation; "said in a statement" → statement). A sentence can report several
("held consultations, resulting in the signing of an MoU"). Words that speak of the future ("will
visit", "is expected to sign") make a plan, not an event; words of background ("established
relations", "have enjoyed") make no event.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .text import outside_quotes

_AGREEMENT_NOUNS = (
    r"(?:mou|mous|memorand(?:um|a)(?: of understanding)?|understandings?|agreements?|accords?|treat(?:y|ies)|"
    r"deals?|protocols?|pacts?|conventions?|charters?|letters? of intent|framework|roadmap|(?:joint )?declarations?|"
    r"joint statement|joint communiqu[eé]|"
    r"(?:cooperation|action|work|executive) program(?:me)?s?|plans? of action|action plans?)"
)
#: What follows "received" or "hosted" when it reports a meeting: someone, not "a 21-gun salute".
_GUEST = (
    r"(?=(?:,?\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today))?"
    r"(?:,?\s+(?:at|in)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w’'-]*\s+){1,4}?(?:Palace|House|Hall|Office|Residence|Building|"
    r"Palais|Palacio|Palazzo)\b,?)?"
    r"\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+|visiting\s+)*"
    # "welcomed Thursday's announcement", "welcomed Trump's decision": something of someone's, no guest
    r"(?!(?:(?-i:[A-Z])[\w’'-]*\s+){0,3}(?-i:[A-Z])[\w’'-]*['’]s\s+(?-i:[a-z]))"
    r"(?:(?-i:[A-Z])|(?-i:a[l-z]?-[A-Z])|delegation|"
    r"counterpart|guest))"
)
_TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.I))
    for kind, pattern in (
        ("agreement", rf"\b(?:sign(?:ed|s|ing)?|ink(?:ed|s|ing)?|seal(?:ed|s|ing)?|conclud(?:ed|es|ing)|exchanged|"
                      rf"initial(?:l)?ed)\b,?(?:\s+\S+){{0,12}}?\s+(?:the\s+|an?\s+)?(?:\S+\s+){{0,4}}?{_AGREEMENT_NOUNS}\b"
                      rf"|\b(?:{_AGREEMENT_NOUNS}|(?:the|these|both)\s+documents?)\s+(?:\S+\s+){{0,8}}?"
                      rf"(?:was|were|had been|has been)\s+"
                      rf"(?:signed|concluded|inked)\b"
                      # "After the talks, agreements and memoranda of understanding on …, … were signed"
                      rf"|(?:^|(?<=,\s))(?:the\s+)?{_AGREEMENT_NOUNS}\s+(?:[^\s.;]+\s+){{9,24}}?(?:were|was)\s+signed\b"
                      rf"|\bsign(?:ed|s|ing)\s+the\s+(?-i:[A-Z])[\w’'-]*(?:\s+(?:(?:and|of|for|on)\s+)?"
                      rf"(?!Book\b)(?-i:[A-Z])[\w’'-]*){{1,7}}"
                      rf"|\bsigning (?:ceremony )?of\b|\b(?:was|were)\s+signed\s+by\b|"
                      rf"\bwitness(?:ed|ing)? the signing\b|"
                      rf"\bput (?:their|his|her) (?:names|signatures?) to\b(?:\s+\S+){{0,4}}?\s+{_AGREEMENT_NOUNS}\b|"
                      rf"\bwitness(?:ed|ing)? the exchange of\b(?:\s+\S+){{0,8}}?\s+(?:the\s+)?(?:\S+\s+){{0,4}}?"
                      rf"(?:{_AGREEMENT_NOUNS}|(?:cooperation )?documents)\b"),
        ("call", r"\b(?:tele)?phone (?:calls?|conversations?|talks?)\b|"
                 r"\bspok(?:e|en) (?:(?:with|to) (?:\S+ ){1,4}?)?(?:by|on the|over the) (?:tele)?phone\b|"
                 r"\bvideo (?:call|conference|link)\b|\btelephoned\b|\bphoned\b|\bvirtual (?:meeting|talks|summit)\b|"
                 r"\b(?:held|had) a call\b|\bcall with\b|"
                 r"\bspoke\b(?:\s+(?!with\b)[\w-]+){0,3}?\s+with\b"
                 r"(?=\s+(?:his\s+|her\s+|(?:acting|interim|caretaker|outgoing|incoming)\s+)?(?-i:[A-Z]))"),
        ("consultation", r"\bconsultations?\b|\bco-?chair(?:ed|ing)\b(?!\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}summit\b)|"
                         r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|"
                         r"eighth|ninth|tenth) (?:meeting|session) of the "
                         r"(?!United Nations|UN\b|General Assembly|Human Rights)(?-i:[A-Z])|"
                         r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|"
                         r"eighth|ninth|tenth|new|another|latest|fresh|final|last|a|an|the) (?:[\w-]+ )?rounds? of "
                         r"(?:[\w-]+ ){0,3}?(?:talks|consultations|dialogue|negotiations)\b|"
                         r"\b(?:political|strategic) dialogue\b|"
                         r"\b2\s?\+\s?2\s+(?:ministerial\s+)?(?:dialogue|session|meeting|talks|consultations?)\b|"
                         r"\b(?:held|holds?|holding|convened)\s+(?:the|their|its)\s+(?:\d+(?:st|nd|rd|th)|first|second|"
                         r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|inaugural)\s+"
                         r"(?-i:(?:(?!Leaders)[A-Z0-9][\w+&'’-]*\s+(?:and\s+)?){1,8}(?:Meeting|Dialogue|Consultations?|"
                         r"Session))\b|"
                         r"\bjoint (?:permanent |ministerial |economic |trade )?(?:commission|committee)\b|"
                         r"\b(?:held|holds?|holding|convened|co-?chaired)\s+(?:the|their|its)\s+(?:\d+(?:st|nd|rd|th)|"
                         r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|annual|inaugural)\s+"
                         r"(?-i:(?:[A-Z0-9][\w+&'’-]*\s+){0,6}Retreat)\b"),
        ("visit", r"\bvisit(?:ed)?\b(?!\s+(?:a|an|the|several|two|three)\s+(?-i:[a-z]))|\btouched down in\b|"
                  r"\b(?:is|are|was|were|been|while|when)\s+visiting\b|"
                  r"\barriv(?:ed|es|ing|al)\s+(?:in|at)\b|\btrip to\b|\btour of\b|"
                  r"\btravel(?:l)?ed to\b|\bflew (?:in)?to\b|\blanded (?:in|at)\b|"
                  r"\bcrossed (?:the border |the frontier )?into\b|\bwas in\b(?=[^.]*\bvisit)|"
                  r"\b(?:was|were) in\b(?=\s+(?-i:[A-Z])[^.;]*?\bfor\s+(?:the|a|an|talks|consultations)\b)|"
                  r"\battended\b(?=[^.;]{0,60}\b(?:inauguration|swearing-in|investiture|coronation|funeral)\b"
                  r"[^.;]{0,40}\bin\s+(?-i:[A-Z]))"),
        ("meeting", r"\bmet\b|\bmeet(?:s|ing|ings)?\b|\bheld (?:talks|discussions|a meeting|bilateral)|\btalks\b|"
                    r"\b(?:during|after|following) their (?:[\w-]+ )?summit\b|\bbilateral summit\b|"
                    r"\bsummit (?:talks|with)\b|"
                    r"\b(?:held|hold|holds) (?:a |their )?summit\b|"
                    rf"\bdiscussions\b|\b(?:was|were) received\b|\breceived by\b|\breceiv(?:ed|es|ing)\b{_GUEST}|"
                    rf"\bhost(?:ed|s)\b{_GUEST}|\bcourtesy calls?\b|"
                    rf"\bcalled on\b(?=\s+(?:(?:(?-i:[a-z-]+)\s+){{0,2}}(?:adviser|advisor|minister|president|"
                    rf"secretary|speaker|premier|governor|chairman|chairperson)\s+)?(?-i:[A-Z]))|\bconferred with\b|"
                    r"\baudience\b|\bengaged in\b[^.]{0,30}\bdiscussions\b|"
                    r"\btalked with\b|\bheld a meeting\b|\bheld (?:\w+ )?negotiations\b|"
                    rf"\bnegotiations (?:with|between)\b|\bwelcomed\b{_GUEST}|"
                    r"\btold (?:the |a )?(?:visiting |\w+ )?delegation\b|\bhosted (?:\w+ )?(?:to|for|at) (?:a )?"
                    r"(?:dinner|lunch|luncheon|banquet|breakfast)\b|"
                    r"\b(?:held|had|hosted|attended) (?:a |an )?(?:working|official|private|state) "
                    r"(?:dinner|lunch|luncheon|breakfast)\b|"
                    r"\bt[eê]te-[aà]-t[eê]te\b|\b(?:came|got|sat|sitting|sits) (?:together|down) with\b"),
        ("statement", r"\bin (?:a|an|its|their) (?:[\w-]+\s+){0,3}?(?:statement|note|readout)\b"
                      r"(?!\s+to\s+(?:the\s+)?(?:press|reporters|journalists|media)\b)|\bstated\b|"
                      r"\bissued a (?:joint )?(?:[\w-]+\s+){0,2}?statement\b|\bstatement\b[^.]{0,60}?\bwas issued\b|"
                      r"\b(?:joint )?statement (?:issued|released)\b|\bpress release\b|"
                      r"\b(?:a|the) readout (?:issued|released|published) by\b|"
                      r"\bin (?:a|an|their) (?:[\w-]+\s+){0,2}?joint declaration\b|"
                      r"\bjoint declaration (?:issued|released)\b|"
                      r"\baccording to (?:a|the|its) (?:[\w-]+\s+){0,2}?(?:statement|readout|communiqu[eé]|"
                      r"press release) (?:issued|released|published) by\b|"
                      r"\baccording to (?:a|the|its) (?:[\w-]+\s+){0,2}?statement from\b|"
                      r"\bcommuniqu[eé]\b"),
    )
)  # fmt: skip
#: Words that make what follows in their clause a plan: "is due to travel … on his state visit".
_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|(?:was|were) (?:also )?to (?!be\b)|due (?:to|in|at)|"
    r"(?:is|are)(?: also)? expected to|expect(?:s|ed)? (?:[A-Z]\S* (?:and )?){0,6}to|"
    r"(?:is|are|was|were)(?: also)? scheduled|"
    r"(?:is|are)(?: also)? set to|plans? to|planned|(?:flies|travels|heads|departs|leaves) (?:on )?(?:to|for)\b|"
    r"(?<!had )proposed|postpon\w+|cancel(?:l?ed|s)|called off|"
    r"intends? to|intention (?:to|of)|once (?:it|they|this|that|the)|"
    r"is planning|are planning|upcoming|forthcoming|"
    r"to be held|to be (?:received|welcomed|hosted)|would|next (?:round|session|meeting)|"
    r"(?:agenda|itinerary|programme|schedule)\b[^.]{0,30}\binclud\w*|"
    r"according to the (?:official |visit's )?(?:programme|program|schedule|itinerary))\b",
    re.I,
)
#: Words that make a plan, a purpose or a wish of the words right after them: "agreed to meet",
#: "invited Cho to visit", "to attend the meeting", "with the aim of concluding an agreement".
_INTENDED = re.compile(
    r"\b(?:should|could|might|must|can|ready for|readiness for|prepared for|agreed to|"
    r"to (?:hold|attend|take part|participate|continue)(?: in)?|"
    r"aim(?:s|ed)? (?:of|to)|in order to|so as to|"
    r"seek(?:s|ing)? to|hope[sd]? to|want(?:s|ed)? to|called for|urged|look(?:s|ed|ing)? forward to|"
    r"(?:invit|direct|instruct|ask|task|designat|appoint|mandat|call(?:ed|s|ing)? on\b)\w*(?:\s+\S+){0,5}?\s+to|"
    r"organi[sz](?:ation|ing|e)\s+of|(?:establishment|setting up|creation)\s+of|"
    r"including(?:\s+through)?|prospects?\s+(?:of|for))"
    r"(?:\s+\S+){0,4}\s*$",
    re.I,
)
_BACKGROUND = re.compile(
    r"\b(?:established|dat(?:es|ed|ing) back|last (?:\w+ )?trip abroad|"
    r"have enjoyed|has enjoyed|have shared|share[sd]? a|longstanding|long-standing|historic(?:al)? "
    r"ties|since (?:19|20)\d\d|since last (?:year|month)|dating back|over the years|traditionally|in the past|"
    r"for decades|last (?:held|met|"
    r"visited|spoke|signed)|in recent (?:years|months|weeks)|on (?:several|many|numerous|various) occasions|"
    r"(?:several|many|numerous|multiple|two|three|four|five|six) times|ha(?:s|ve) been (?:leading|holding|negotiating)|"
    r"at (?:several|many|numerous|various) (?:meetings|levels|occasions)|in the (?:19|20)\d0s|"
    r"as a (?:child|student|boy|girl|young man|young woman)|in (?:his|her) youth|"
    r"since (?:taking|assuming|coming to) (?:office|power)|since (?:his|her) (?:election|inauguration)|"
    r"(?:during|in) (?:his|her|their) (?:previous|earlier|former|first|last) (?:term|tenure|stint|mandate)|"
    r"the last (?:[\w-]+ ){0,4}to (?:visit|travel to|meet|make (?:an? )?(?:[\w-]+ )?visit)|"
    r"ha(?:s|ve) (?:already |also )?(?:spoken|met|talked|held talks)\b[^.;]{0,40}\bsince)\b",
    re.I,
)
#: "the first held since 2016", "his first visit since 2017": news measured against the past, not background.
_FIRST_SINCE = re.compile(
    r"\bfirst\b[^,.;]{0,40}?\bsince (?:(?:19|20)\d\d|(?:taking|assuming|coming to) (?:office|power)|"
    r"(?:his|her) (?:election|inauguration))\b",
    re.I,
)
#: "had visited", "had met": an earlier past, though not of a statement, which says what had happened.
_PLUPERFECT = re.compile(r"\bhad\s+(?:\w+\s+)?(?:visited|travelled|traveled|met|held|signed|spoken|discussed)\b", re.I)


class Trigger(NamedTuple):
    """A kind, and the words that report it."""

    kind: str
    start: int
    end: int
    words: str
    future: bool


def _reports(kind: str, sentence: str, match: re.Match[str]) -> bool:
    """Whether the words report an event: not one referred back to ("after the visit"), and not the
    name of one ("the G20 Foreign Ministers' Meeting")."""
    if _REFERRED.search(sentence[: match.end()]) or _BROKERED.search(
        sentence[max(0, match.start() - 25) : match.end() + 25]
    ):
        return False
    if kind == "call" and "video" in match.group().lower() and _CEREMONY.search(sentence, 0, match.start()):
        return False  # "reopened the checkpoints by video link": a ceremony held from afar, no call
    if kind == "agreement" and _CONCLUDED_TALKS.match(match.group()):
        return False  # "concluded two days of negotiations on the draft agreement": talks ended, nothing signed
    if kind == "meeting" and _GREETED.match(sentence, match.end()):
        return False  # "was met at the station by the ambassador": a welcome on arrival, no talks
    if kind == "meeting" and _WELCOMED_BY.match(sentence, match.start()) and _ON_ARRIVAL.search(sentence):
        return False  # "arrived at the airport on Saturday and was received by the minister": a welcome
    if (
        kind == "meeting"
        and _GREETING.search(match.group())
        and (
            _AIRPORT.search(sentence)
            or (_WELCOME_CEREMONY.search(sentence) and not _TALKS.search(sentence, match.end()))
        )
    ):
        return False  # "was welcomed at the airport by X", "received with military honours": part of the visit
    if kind == "meeting" and _OCCASION.search(sentence, 0, match.start()) and match.group().lower() in _NOUNS:
        return False  # "signed … on the sidelines of the Forum leaders' meeting": where, not what was done
    if _SUBJECT_BEFORE.fullmatch(sentence, 0, match.start()) and _FOLLOWS.match(sentence, match.end()):
        return False  # "The visit follows a telephone call between …": the event told, as what came after
    return not (kind in ("meeting", "visit") and match.start() > 0 and match.group()[:1].isupper())


_CONCLUDED_TALKS = re.compile(
    r"(?i)(?:conclud|wrap|end)\w*\s+(?:\S+\s+){0,4}?(?:negotiations|talks|discussions|consultations)\b"
)
#: The gathering an event was held beside: "on the sidelines of the Pacific Islands Forum leaders' meeting".
_OCCASION = re.compile(r"\b(?:on|at|in) the (?:sidelines|side-lines|margins) of (?:the\s+)?(?:[\w'’-]+\s+){0,6}$", re.I)
_GREETED = re.compile(
    r"(?<=met)\s+(?:on arrival\s+)?at\s+the\s+(?:[\w-]+\s+){0,2}(?:airport|station|tarmac|port|steps)\b"
    r"[^,.;]{0,30}\bby\b",
    re.I,
)
#: A welcome on arrival: "arrived at … Airport on Saturday night …, and was received by the Minister".
_AIRPORT_WORDS = r"\b(?:airport|airbase|air base|air force (?:station|base)|airfield|tarmac)\b"
#: Where a visitor is greeted on arrival, and the words that greet.
_AIRPORT = re.compile(_AIRPORT_WORDS, re.I)
_GREETING = re.compile(r"\b(?:received|welcomed|greeted|met)\b", re.I)
#: A welcome that is a ceremony: "accorded a ceremonial welcome …, where he was received by …".
_WELCOME_CEREMONY = re.compile(
    r"\b(?:ceremonial welcome|welcome ceremony|welcoming ceremony|military honou?rs|guard of honou?r|honou?r guard|"
    r"red carpet|on the steps of|gun salute)\b",
    re.I,
)
_TALKS = re.compile(r"\b(?:talks|meeting|discussions|conversation|held)\b", re.I)
_ON_ARRIVAL = re.compile(rf"\b(?:arriv\w+|landed|touched down)\b[^.;]{{0,80}}{_AIRPORT_WORDS}", re.I)
_WELCOMED_BY = re.compile(r"(?:was|were)\s+(?:received|welcomed|greeted|met)\s+by\b", re.I)
_CEREMONY = re.compile(
    r"\b(?:(?:re)?open(?:ed|s|ing)|inaugurat(?:ed|es|ing)|launch(?:ed|es|ing)|unveil(?:ed|s|ing)|"
    r"commission(?:ed|s|ing)|laid|lay(?:s|ing)?)\b[^.;]*?\b(?:by|via|through|over)\s+(?:a\s+)?$",
    re.I,
)
_NOUNS = frozenset(["meeting", "meetings", "talks", "discussions", "summit"])
#: An event named as the subject, by what it was: "The visit", "Sunday's talks", "Her trip".
_SUBJECT_BEFORE = re.compile(r"(?:The|This|That|His|Her|Their|\w+['’]s)\s+(?:[\w-]+\s+){0,2}?")
_FOLLOWS = re.compile(r"(?:\s+(?:to|in|with)\s+(?-i:[A-Z])[\w’'-]*)?\s+(?:follows|followed|comes|came)\b")


def triggers(sentence: str) -> list[Trigger]:
    """The kinds the sentence reports, each once, in the order the text gives them."""
    sentence = outside_quotes(sentence)  # what a quotation says did not happen here
    came = recalled(sentence)
    if came:  # "The trip came two weeks after Zelensky paid a visit to Helsinki on March 19": that earlier event
        return [t._replace(start=t.start + came, end=t.end + came) for t in triggers(sentence[came:])]
    if _LOOKING_BACK.search(sentence):
        return []
    found: list[Trigger] = []
    for kind, pattern in _TRIGGERS:
        for match in _each(kind, pattern, sentence):
            found.append(_trigger(kind, match, sentence))
    return _sorted_out(sentence, found)


def _each(kind: str, pattern: re.Pattern[str], sentence: str) -> list[re.Match[str]]:
    """The words of ``kind`` that report an event: the first, and for a meeting, a call or a visit
    each later one in a clause of its own ("met A on Monday, a day after his call with B")."""
    kept: list[re.Match[str]] = []
    for match in pattern.finditer(sentence):
        if not _reports(kind, sentence, match):
            continue
        if not kept or (
            kind in _SEVERAL
            and CLAUSE_BREAK.search(sentence, kept[-1].end(), match.start())
            and not (_TOLD_AGAIN.search(sentence, 0, match.start()) and not _DONE.match(match.group()))
        ):
            kept.append(match)
        if kind not in _SEVERAL:
            break
    return kept


#: The kinds a sentence can tell more than one of, each in its own clause.
_SEVERAL = frozenset(["meeting", "call"])
#: Where a clause of another time begins: "…; ", "…, a day after …", "… and later …".
CLAUSE_BREAK = re.compile(r";|\b(?:after|before|following)\b|,\s+and\b|\band\s+(?:then|later)\b")
#: The same event named again: "…, the first such meeting in five years", "…, and the talks …".
_DONE = re.compile(r"(?:held|had|met|spoke|received|hosted|called|paid|telephoned|phoned|talked|conferred)\b", re.I)
_TOLD_AGAIN = re.compile(r"\b(?:the|this|that|these|such)\s+(?:[\w-]+\s+){0,2}$", re.I)


#: A day set off after a date, named by the visit it belongs to: ", the second and final day of his".
_DAY_OF = re.compile(r"\s*the\s+(?:[\w-]+\s+){0,4}day\s+of\s+(?:his|her|their|the)\s+(?:[\w-]+\s+)?", re.I)


#: A participle that goes on with its sentence: "is expected to leave later on Monday, concluding the visit".
_PARTICIPLE = re.compile(
    r"\s*(?:concluding|ending|wrapping up|rounding off|completing|capping)\s+(?:\S+\s+){0,3}", re.I
)
#: A clause with no verb of its own, which hangs on the one before and takes its tense: "X and Y
#: will hold talks on Friday in Brisbane with Z, in the annual Ministerial Consultations".
_HANGING = re.compile(r"\s*(?:in|at|during)\s+(?:the|an?|their|its)\s+(?:[\w'’-]+\s+){0,6}", re.I)
#: A modal that ends a clause, the verb it governs coming after an aside: "will, in the near future, hold".
_ENDS_MODAL = re.compile(r"\b(?:will|would|shall|(?:is|are) (?:also )?(?:to|expected to|set to|due to))\s*$", re.I)
#: An infinitive that goes on with the one before: "is scheduled to call on X this evening, and to meet …".
_AND_TO = re.compile(r"\s*and\s+to\s+", re.I)
#: What comes before or after the clause's own event, in its tense: "is scheduled to hold talks with X
#: later on Monday, before taking part on Tuesday in a summit".
_BEFORE_ING = re.compile(r"\s*(?:before|after)\s+\w+ing\b(?:\s+\S+){0,6}?\s+", re.I)
#: What someone comes or is hosted for: "for talks", "for a meeting".
_FOR = re.compile(r"\bfor\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?$", re.I)


def _trigger(kind: str, match: re.Match[str], sentence: str) -> Trigger:
    """The trigger of ``match``, and whether its clause speaks of the future."""
    clause = max(sentence.rfind(mark, 0, match.start()) for mark in ",;:(")
    day_of = clause > 0 and _DAY_OF.fullmatch(sentence, clause + 1, match.start())
    hanging = clause > 0 and _HANGING.fullmatch(sentence, clause + 1, match.start())
    aside = max(sentence.rfind(mark, 0, clause) for mark in ",;:(") if clause > 0 else -1
    # "The two sides will, in the near future, hold consultations": the modal before a short aside
    modal = aside > 0 and clause - aside <= 40 and _ENDS_MODAL.search(sentence, 0, aside) is not None
    and_to = clause > 0 and _AND_TO.fullmatch(sentence, clause + 1, match.start())
    if and_to:  # "is set to visit the fair, where Israel marks its day, and to meet X": the first infinitive's tense
        clause = sentence.rfind(";", 0, clause)
    elif clause > 0 and (
        day_of
        or hanging
        or _PARTICIPLE.fullmatch(sentence, clause + 1, match.start())
        or _BEFORE_ING.fullmatch(sentence, clause + 1, match.start())
    ):
        # "… is expected to perform the umrah on Monday, the second and final day of his visit": the
        # visit is told of by the clause the day belongs to
        clause = max(sentence.rfind(mark, 0, clause) for mark in ",;:(")
    if _FOR.search(sentence, 0, match.start()):  # "will host A and his counterpart, B, for talks": the host's tense
        clause = sentence.rfind(";", 0, match.start())
    reach = 0 if hanging or and_to else match.start() - 120  # the clause it hangs on, whole
    before = sentence[max(0, clause + 1, reach) : match.end()]
    near = sentence[max(0, match.start() - 60) : match.start()]
    then = kind != "statement" and (_THEN_AGREED if kind == "agreement" else _THEN).match(sentence, match.end())
    future = bool(_FUTURE.search(before) or _INTENDED.search(near) or then or modal)
    if day_of and sentence.startswith(",", match.end()):
        # "On Friday, the last day of the visit, X is expected to hold a press conference": the visit
        # is told of in passing, and the day is that of the clause after it
        future = future or bool(_FUTURE.search(re.split(r"[,;:(]", sentence[match.end() + 1 :], maxsplit=1)[0]))
    if _SINCE_DONE.search(sentence, 0, match.start()) and _PAST.match(sentence, match.start()):
        future = False  # "… would be paused after he spoke with Trump": a clause of its own, in the past
    return Trigger(kind, match.start(), match.end(), match.group(), future)


def _sorted_out(sentence: str, found: list[Trigger]) -> list[Trigger]:
    """The triggers that stand: the talks of a call are the call, the talks of a round are the consultations, …"""
    kinds = {t.kind for t in found}
    if "call" in kinds:  # "held phone talks": the talks are the call
        found = [t for t in found if t.kind != "meeting"]
    if any(
        t.kind == "consultation" and re.search(r"\brounds? of\b", t.words) for t in found
    ):  # "the 23rd round of talks"
        found = [t for t in found if t.kind != "meeting"]
    # "held the 2+2 talks": the talks are the consultation the words name
    found = [t for t in found if not (t.kind == "meeting" and any(c.kind == "consultation" and c.start <= t.start
                                                                     and t.end <= c.end for c in found))]  # fmt: skip
    # "signed the joint communiqué": a document signed is an agreement, not a statement besides
    signed = [t for t in found if t.kind == "agreement"]
    found = [t for t in found if t.kind != "statement" or not any(a.start <= t.start <= t.end <= a.end for a in signed)]
    held = [t for t in found if t.kind == "consultation" and _FOR_THE.search(sentence, 0, t.start)]
    if held:  # "met Blinken and Austin on Tuesday for the 34th … Consultations": the meeting is the consultations
        found = [t for t in found if not (t.kind == "meeting" and t.end <= held[0].start)]
    found = [
        t
        for t in found
        if not (
            t.kind in ("meeting", "consultation")
            and _MENTIONED.search(sentence[: t.end])
            and not _TOOK_PLACE.match(sentence, t.end)  # "The first meeting of the trip took place on Tuesday"
        )
    ]
    found = [
        t
        for t in found
        if not (t.kind == "consultation" and _SUBJECT_OF.search(sentence[max(0, t.start - 40) : t.end + 30]))
    ]
    found = [t for t in found if not _REACTED_TO.search(sentence, max(0, t.start - 80), t.start)]
    found = [t for t in found if not (t.kind == "agreement" and _HAS_SIGNED.search(sentence, 0, t.start))]
    return sorted(found, key=lambda t: t.start)


#: A signing a relative clause recalls, with no day: "…, where Egypt has signed a maritime deal with Greece".
_HAS_SIGNED = re.compile(r",\s+(?:where|which)\s+(?:[\w’'-]+\s+){0,3}(?:has|have)\s+(?:already\s+|also\s+)?$", re.I)
#: An event that others speak of: "did not immediately comment on the Netanyahu visit".
_REACTED_TO = re.compile(
    r"\b(?:comment(?:ed|s|ing)?|react(?:ed|s|ing)?|respond(?:ed|s|ing)?)\s+(?:on|to)\s+"
    r"(?:the|a|this|that|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}$",
    re.I,
)


#: A clause that tells what had been done before the rest: "after he", "when the two leaders".
_SINCE_DONE = re.compile(
    r"\b(?:after|when|once|because)\s+(?:he|she|they|it|we|the\s+(?:two\s+)?\w+|"
    r"(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,3})\s+$",
    re.I,
)
_PAST = re.compile(r"(?:spoke|met|held|had|took|made|paid|flew|went|came|\w+ed)\b", re.I)
#: Consultations as what an agreement is about or called: "an MoU on political consultations",
#: "the Political Consultations Agreement".
_SUBJECT_OF = re.compile(
    r"(?:\b(?:on|cover|covers|covering|including|for|establishing)\s+(?:\w+\s+){0,3}consultations?\b|"
    r"\bconsultations?\s+(?:Agreement|Memorandum|MoU|Mechanism|Protocol)\b|"
    r"\b(?:establish\w*|launch\w*|set up|setting up|create|creating)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:dialogue|consultations|commission|committee)\b)",
)
#: "Erdogan's visit would take relations …", "his first meeting with Putin would likely take place"; not
#: a clause that describes it ("signed an agreement that will allow …")
_TENSE_AHEAD = r"\s+(?:would|will|is to|was to|(?:is|are|was|were) (?:scheduled|planned|due)\b)\b"
_THEN = re.compile(r"(?!\s+that\b)(?:\s+(?!and\b|but\b|which\b|who\b|where\b)[\w'’-]+){0,5}?" + _TENSE_AHEAD)
#: What an agreement will do is what it says, at any distance: "signed an agreement Wednesday that will …".
_THEN_AGREED = re.compile(r"(?:\s+(?!and\b|but\b|which\b|who\b|where\b|that\b)[\w'’-]+){0,5}?" + _TENSE_AHEAD)
#: A visit the sentence only refers to: "had announced the visit", "welcomed the visit".
_REFERRED = re.compile(
    r"\b(?:announced|welcomed|hailed|praised|described|said|says|"
    r"(?<!days )(?<!day )(?<!weeks )(?<!week )after|before|ahead of|"
    r"since|following|follow-up to|calling|called|against|protest(?:ed|ing)?|criticis(?:ed|ing)|criticiz(?:ed|ing)|"
    r"reference to|recalled|recalling) (?:the|this|that|his|her|their|(?-i:[A-Z])[\w-]+['’]s) (?:\S+ )?"
    r"(?:visit|call|trip|talks|meeting|session|summit|communiqu[eé]|statement)\b[^,.]{0,20}$|"
    r"\bduring (?:the|that|this|the rest of (?:the|his|her|their)) (?:\S+ )?visit$|"
    r"\bsaid (?:the|his|her) (?:\S+ ){1,2}visit$|"  # "said the prime minister's visit was aimed at …"
    r"\b(?:programme|program|agenda|itinerary|schedule) of (?:the|his|her|their) (?:\S+ )?visit$|"
    r"\bthe (?:communiqu[eé]|statement) "
    r"(?:read|said|says|added|noted)$",
    re.I,
)
#: Talks named as what led to something else: "announced … following talks hosted by China".
_BROKERED = re.compile(r"\bfollowing (?:[\w-]+ )?talks (?:hosted|held|mediated|brokered|facilitated) by\b")
#: A sentence about an event already reported: "The visit comes weeks after …", "welcomed the visit".
_LOOKING_BACK = re.compile(
    r"^(?:The|This|That|His|Her|Their|Today's|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's)\s+(?:\w+\s+){0,2}?"
    r"(?:visit|call|meeting|talks|trip|conversation)\b(?:\s+with\s+\S+)?\s+(?:comes|came|is|was|"
    r"marks|marked|took|takes|had|has)\b|^(?:They|These|The (?:agreements|documents|accords|instruments)) include\b|"
    r"^[^,]{0,40}\bwelcomed the (?:\S+\s+)?visit\b|^In an? (?:[\w-]+\s+){0,3}?post\b|"
    r"^(?:The|This|That|Their|His|Her) (?:previous|last|earlier|first-ever|"
    r"previous\s+\w+)\s+(?:[\w-]+\s+){0,2}?(?:visit|call|meeting|talks|trip|conversation)\b"
)
#: "The Florida trip came less than two weeks after", "Sisi's trip came seven months after", "The
#: visit follows": what follows is an earlier event, told as such, whoever took part in it.
_CAME_AFTER = re.compile(
    r"^(?:The|This|That|His|Her|Their|Today's|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}['’]s)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:visit|trip|call|meeting|talks|summit|conversation|tour|signing)\b(?:\s+(?:to|in|with)\s+(?:[A-Z][\w’'.-]*\s+){1,3})?"
    r"\s*(?:comes|came|follows|followed)\s+(?:(?:[\w-]+\s+){0,5}?(?:after|since|on the heels of)\s+)?"
)


def recalled(sentence: str) -> int:
    """Where the earlier event begins in a sentence that tells it as what the news came after ("The
    visit comes two weeks after X visited Damascus on January 16 and met Y"); 0 in any other."""
    came = _CAME_AFTER.match(outside_quotes(sentence))
    return came.end() if came is not None and came.end() < len(sentence) else 0


#: A meeting the sentence only refers back to: "At the end of the talks", "after the meeting".
_MENTIONED = re.compile(
    r"\b(?:as|while|when)\s+(?:\S+\s+){0,4}(?:were|was)\s+meeting$|"
    r"\b(?:the|this|that|these|those)\s+(?:\w+\s+)?(?:talks|meeting|discussions|meetings|consultations)$",
    re.I,
)


#: What a meeting was held for: "for the 34th Ministerial Consultations", "for their third dialogue".
_FOR_THE = re.compile(r"\bfor\s+(?:the|their|its)\s+(?:[\w+&'’-]+\s+){0,6}$", re.I)
#: What makes "the meeting" the news itself, not a reference back: it "took place", it "was held".
_TOOK_PLACE = re.compile(r"(?:\s+(?:of|in|with|between)\s+(?:[^,.;]{1,40}?|[^.;]{1,240}?\s+and\s+[^.;]{1,120}?))?"
                         r"\s+(?:took place|was held|were held)\b")  # fmt: skip


def background(sentence: str, kind: str = "", dated: bool = False) -> bool:
    """The sentence gives background (relations, history) rather than news of ``kind``. Words inside
    a quotation ("a ceasefire to be established") do not count, nor, for a statement, what it says
    had happened ("said in a statement that he had held a long meeting"), nor, for an event the
    sentence dates (``dated``), the tense of reported words ("said X had visited Islamabad from
    November 25 to 27")."""
    text = _FIRST_SINCE.sub("", outside_quotes(sentence))
    if _BACKGROUND.search(text):
        return True
    if kind == "statement":
        return False
    earlier = [m for m in _PLUPERFECT.finditer(text) if not (dated and _REPORTED.search(text, 0, m.start()))]
    return bool(earlier)


#: A reporting verb and its subject's last words, right before a pluperfect: "spokesperson Baloch said
#: President Lukashenko had visited".
_REPORTED = re.compile(r"\b(?:said|told reporters|announced|confirmed)\s+(?:that\s+)?(?:[\w.'’-]+\s+){0,3}$")


def repeated(sentence: str) -> bool:
    """Contacts told as many, over a time ("spoke by phone three times in recent weeks to prepare
    for Thursday's meeting"): history, whatever day the sentence also names."""
    return _REPEATED.search(outside_quotes(sentence)) is not None


_REPEATED = re.compile(
    r"\b(?:several|many|numerous|multiple|two|three|four|five|six) times\b|\bin recent (?:years|months|weeks)\b", re.I
)


def future(sentence: str) -> bool:
    return bool(_FUTURE.search(sentence))
