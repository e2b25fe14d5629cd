"""The date expressions in a sentence of running text, each read by rwpk's own date parser.

The finder only locates candidate words ("On January 3, 2024", "last week", "on Sunday",
"January 9 and 10", "earlier this month"); what they mean is always ``parse_date``'s answer
against the article's publication day, so a draft reads dates exactly as the log does. A phrase
the parser refuses (an ambiguous 03/01/2024) is kept with its error, to be reported, never guessed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from ..dates.parse import parse_date
from ..dates.span import DateSpan, day_span
from ..errors import DateError, RelativeDateError

_MONTH_WORD = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH = _MONTH_WORD + r"\.?"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?!\d)"
_PAIR = r"\s*(?:-|–|—|and|&|to)\s*"
_NUMBER = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

_UNTIL = r"\s*(?:-|–|—|to|until|through)\s*"
_PATTERNS = [
    # two days of two months: "28 February to 2 March", "February 28 - March 2, 2023"
    rf"{_DAY}\s+(?:of\s+)?{_MONTH}{_UNTIL}{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
    rf"{_MONTH}\s+{_DAY}{_UNTIL}{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?",
    # written days, with a year, a weekday in front or not
    rf"(?:(?:on\s+)?{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}{_PAIR}{_DAY},?\s+{_YEAR}",
    rf"(?:(?:on\s+)?{_WEEKDAY},?\s+)?{_DAY}{_PAIR}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",
    rf"(?:(?:on\s+)?{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    rf"(?:(?:on\s+)?{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",
    r"\d{4}-\d{2}-\d{2}",
    r"\d{1,2}/\d{1,2}/\d{4}",
    # a day of the year before, said so: "October 17 last year", "24 November last year"
    rf"(?:(?:on\s+)?{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY},?\s+last\s+year",
    rf"(?:(?:on\s+)?{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+last\s+year",
    # without a year
    rf"{_MONTH}\s+{_DAY}{_PAIR}{_DAY}",
    rf"{_DAY}{_PAIR}{_DAY}\s+(?:of\s+)?{_MONTH}",
    rf"(?:(?:on\s+)?{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}",
    rf"(?:(?:on\s+)?{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}",
    # months, years, parts of them
    rf"(?:early|mid|late)[\s-]+{_MONTH}(?:,?\s+{_YEAR})?",
    rf"(?:early|mid|late)[\s-]+{_YEAR}",
    rf"{_MONTH},?\s+{_YEAR}",
    # relative
    r"(?:earlier|later)\s+this\s+(?:week|month|year)",
    r"(?:this|last|next)\s+(?:week|month|quarter|year)",
    rf"(?:this|last|next)\s+(?-i:{_MONTH_WORD})(?![\w-])(?!\.?\s+\d)",  # "last March"; not "last march", "next March 3"
    rf"{_NUMBER}\s+(?:day|week|month|year)s?\s+ago",
    r"(?:this|last|yesterday|tomorrow)\s+(?:morning|afternoon|evening|night)|tonight",
    r"yesterday|today|tomorrow",
    rf"(?:(?:last|next|this|on)\s+)?{_WEEKDAY}",
]
_FINDER = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.I)
_MONTH_ALONE = re.compile(
    rf"\b(?:in|during|since|until|by|from)\s+(?P<month>{_MONTH})(?![\w-])(?!\s+\d)"
    r"(?:\s+(?P<which>last|next|this)\s+year\b)?",
    re.I,
)
_YEAR_ALONE = re.compile(rf"\b(?i:in|since|of|from|during)\s+(?:the\s+year\s+)?(?P<year>{_YEAR})\b(?!-)")
_MAY = re.compile(r"^may\b", re.I)
_PART_OF_MONTH = re.compile(rf"^(?:early|mid|late)[\s-]+(?P<month>{_MONTH})$", re.I)
_LAST_YEAR = re.compile(r",?\s+last\s+year$", re.I)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NAMED_DAY = re.compile(rf"^(?P<weekday>{_WEEKDAY}),?\s+(?P<day>.+)$", re.I)
_NO_YEAR = re.compile(rf"^(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?:{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})$", re.I)


class Found(NamedTuple):
    """A date expression as the sentence writes it, where it is, and what it means (or why not)."""

    words: str  # the expression, as written ("last week", "On January 3, 2024" without the "On")
    start: int
    end: int
    span: DateSpan | None
    relative: bool  # it needs the publication day: "last week", "on Sunday", "January 3"
    error: str | None = None  # the parser's refusal, quoted to the user


def find_dates(sentence: str, reference: DateSpan | None, future: bool = False) -> list[Found]:
    """Every date expression of ``sentence``, left to right. ``future``: the sentence speaks of what
    is to come, so a bare weekday or a day without a year is the next such day, not the last."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for match in _FINDER.finditer(sentence):
        words = match.group()
        if re.match(r"on\s+\w+day\b,?\s+.*\d", words, re.I):  # "on Wednesday, January 8, 2025": the date, not "on"
            words = words[3:].lstrip()
        if _MAY.match(words) and not re.search(r"\d", words):
            continue
        taken.append(match.span())
        found.append(_read(words, match.start(), match.end(), reference, future))
    for pattern, group in ((_MONTH_ALONE, "month"), (_YEAR_ALONE, "year")):
        for match in pattern.finditer(sentence):
            start, end = match.span(group)
            if any(a <= start < b for a, b in taken) or (
                group == "month" and _not_the_month(sentence, match[group], end)
            ):
                continue
            taken.append((start, end))
            words = match[group].rstrip(".")
            end = start + len(words)
            if group == "year":
                found.append(_read(words, start, end, reference, future))
            else:
                found.append(_month(words, start, end, reference, future, match["which"]))
    return sorted(found, key=lambda f: f.start)


def _not_the_month(sentence: str, words: str, end: int) -> bool:
    """ "in May" is the month when written so ("signed … in May, during a visit"), not "in May's
    government" or "by May Sotelo"; every other month name after its preposition is the month."""
    if not _MAY.match(words):
        return False
    return words != "May" or re.match(r"['’]|\s+(?-i:[A-Z])", sentence[end:]) is not None


def _read(words: str, start: int, end: int, reference: DateSpan | None, future: bool) -> Found:
    last = _LAST_YEAR.search(words)
    if last is not None:  # "October 17 last year": that day of the year before the publication's
        day = _read(words[: last.start()], start, end, reference, future)
        if day.span is None or reference is None:
            return day._replace(words=words)
        try:
            year = reference.start.year - 1
            shifted = parse_date(day.span.start.replace(year=year).isoformat())
        except (ValueError, DateError):
            return day._replace(words=words)
        return Found(words, start, end, shifted, True)
    named = _NAMED_DAY.match(words)
    if named is not None and not re.search(_YEAR, words):  # "Friday, August 23": the day, checked against it
        found = _read(named["day"], start, end, reference, future)
        if found.span is not None and found.span.start.strftime("%A").lower() != named["weekday"].lower():
            said = f"'{words}': {found.span.start:%d %B %Y} is a {found.span.start:%A}, not a {named['weekday']}"
            return Found(words, start, end, None, True, f"{said}; fix the day or the weekday")
        return found._replace(words=words)
    part = _PART_OF_MONTH.match(words)
    if part is not None and reference is not None:  # "in early January": of the year "in January" would be
        month = _month(part["month"], start, end, reference, future).span
        if month is not None:
            return Found(words, start, end, parse_date(f"{words.rstrip('.')} {month.start.year}"), True)
    try:
        absolute = parse_date(words)
    except RelativeDateError:
        absolute = None
    except DateError as error:
        return Found(words, start, end, None, False, str(error))
    if absolute is not None:
        return Found(words, start, end, absolute, False)
    if reference is None:
        return Found(words, start, end, None, True, "needs the day the article was published")
    if future and (_NO_YEAR.match(words) or re.fullmatch(rf"(?:on\s+)?{_WEEKDAY}", words, re.I)):
        return Found(words, start, end, _ahead(words, reference), True)
    try:
        return Found(words, start, end, parse_date(words, reference), True)
    except DateError as error:
        return Found(words, start, end, None, True, str(error))


def _ahead(words: str, reference: DateSpan) -> DateSpan:
    """A weekday or a day without a year in a sentence about the future: the first such day on or
    after the publication day (parse_date reads the last one on or before it, as a report means)."""
    past = parse_date(words, reference.end)
    if re.search(_WEEKDAY, words, re.I) and not re.search(r"\d", words):
        day = past.start
        while day < reference.end:
            day += timedelta(days=7)
        return day_span(day)
    if past.start >= reference.end:
        return past
    try:
        return DateSpan(
            past.start.replace(year=past.start.year + 1), past.end.replace(year=past.end.year + 1), past.precision
        )
    except ValueError:  # 29 February: there is none next year
        return past


def _month(
    words: str, start: int, end: int, reference: DateSpan | None, future: bool, which: str | None = None
) -> Found:
    """ "in March": the month of the publication year, or of the year before (after, in a sentence
    about the future) when that March has not come yet (has passed); "in February last year" (next
    year, this year): the month of the year the words name."""
    if reference is None:
        return Found(words, start, end, None, True, "needs the day the article was published")
    number = _MONTHS.index(words[:3].lower()) + 1
    today: date = reference.end if not future else reference.start
    year = today.year
    if not future and number > today.month:
        year -= 1
    elif future and number < today.month:
        year += 1
    if which:
        year = today.year + {"last": -1, "this": 0, "next": 1}[which.lower()]
    return Found(words, start, end, parse_date(f"{year}-{number:02d}"), True)


def is_relative(words: str) -> bool:
    """Whether an expression needs a reference day to mean anything."""
    try:
        parse_date(words)
    except RelativeDateError:
        return True
    except DateError:
        return False
    return False
