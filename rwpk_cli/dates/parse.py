"""Reading date expressions: text as sources write it, normalised to an inclusive interval with a precision.

One parser serves event dates, tenures, source dates and every date option on the command line.
It reads exact ISO and TOML dates, written dates (through python-dateutil), EDTF level 1, fuzzy
forms ("early 2024", "c. 2001") and relative forms ("last week") against a reference day. It refuses
rather than guesses: an all-numeric date that reads two ways, a date with no year, or text it cannot
read raises :class:`DateError` quoting the text and saying what to write instead.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from ..errors import DateError, RelativeDateError
from .span import MAX_DAY, MIN_DAY, DateSpan, Precision, approximate_ends, day_label, day_span, joined

__all__ = ["HINT", "parse_date"]

MAX_TEXT = 200
HINT = "write it as e.g. 2024-01-03, 'January 3, 2024', 2024-01, 2024, 2025-W04 or 2024-Q1"


def parse_date(value: object, ref: date | DateSpan | None = None) -> DateSpan:
    """Normalise a date expression (a string, or a TOML date or datetime) to a :class:`DateSpan`.

    ``ref`` is the reference day for relative forms ("last week"). When the reference is itself
    imprecise (a source published "2025-01"), a relative date is resolved against both ends of it;
    if the two readings differ, the result covers both and is marked uncertain.
    """
    if isinstance(value, datetime):
        return day_span(value.date(), value.isoformat())
    if isinstance(value, date):
        return day_span(value)
    if not isinstance(value, str):
        raise DateError(f"{value!r} is not a date expression; {HINT}")
    text = " ".join(value.split())
    if not text:
        raise DateError(f"the date is empty; {HINT}")
    if len(text) > MAX_TEXT:
        raise DateError(f"the date '{text[:40]}…' is too long to be a date; {HINT}")
    try:
        span = _resolved(text, ref)
    except OverflowError:  # a relative date at the calendar's edge: yesterday of 1 Jan 1, tomorrow of 9999
        raise DateError(f"'{text}' falls outside the years 1 to 9999") from None
    return span._replace(text=value)


def _resolved(text: str, ref: date | DateSpan | None) -> DateSpan:
    if ref is None or isinstance(ref, date):
        return _parse(text, ref)
    if ref.start == ref.end:
        return _parse(text, ref.start)
    try:
        return _parse(text, None)
    except RelativeDateError:
        early, late = _parse(text, ref.start), _parse(text, ref.end)
        return early if early == late else _union(early, late, uncertain=True)


# --- parsing -----------------------------------------------------------------------------------

_CIRCA = re.compile(r"^(?:circa|ca\.|c\.|about|approx\.|approximately)\s*(?P<rest>.+)$", re.I)
_FUZZY = re.compile(r"^(?P<part>early|mid|late)[\s-]+(?P<rest>.+)$", re.I)
_ISO_DAY = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$"
)
_ISO_MONTH = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})$")
_YEAR = re.compile(r"^\d{4}$")
_WEEK = re.compile(r"^(?P<y>\d{4})-?W(?P<w>\d{2})(?:-?(?P<d>[1-7]))?$", re.I)
_QUARTER = re.compile(r"^(?:(?P<y>\d{4})-?Q(?P<q>[1-4])|Q(?P<q2>[1-4])\s*(?P<y2>\d{4}))$", re.I)
_UNSPEC_YEAR = re.compile(r"^(?P<digits>\d{2,3})(?P<xs>X{1,2})$", re.I)
_UNSPEC_MONTH = re.compile(r"^(?P<y>\d{4})-XX(?:-XX)?$", re.I)
_UNSPEC_DAY = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-XX$", re.I)
_NUMERIC = re.compile(r"^(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})$")
_MONTH_YEAR = re.compile(r"^(?P<m>\d{1,2})[./](?P<y>\d{4})$")
_SLASHED_DAY = re.compile(r"^\d{1,2}/[a-z]+\.?/\d{4}$", re.I)  # 25/Sep/2003: one day, as web logs write it
_MONTH_NAMES = ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july", "aug august",
                "sep sept september", "oct october", "nov november", "dec december")  # fmt: skip
_MONTH_NUMBERS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names.split()}
_WRITTEN_DAY = re.compile(
    r"^(?:(?P<m1>[a-z]+)\.?\s+(?P<d1>\d{1,2}),?|(?P<d2>\d{1,2})\s+(?P<m2>[a-z]+)\.?,?)\s+(?P<y>[1-9]\d{3})$", re.I
)
_WRITTEN_MONTH = re.compile(r"^(?P<m>[a-z]+)\.?,?\s+(?P<y>[1-9]\d{3})$", re.I)
_MONTH_WORD = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])", re.I)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DIGIT_RUNS = re.compile(r"\d+")
_FAR_YEAR = re.compile(r"^(?:Y-?\d{5,}(?:E\d+)?|-\d{4}(?:-\d{2}){0,2})$", re.I)  # EDTF Y170000002, -1985
_NAMED_WEEKDAY = re.compile(
    r"\b(?P<day>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|"
    r"sun(?:day)?)\b\.?",
    re.I,
)
_WEEKDAY = re.compile(
    r"^(?:(?P<which>last|next|this|on)\s+)?(?P<day>mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"(?:day|sday|nesday|rsday|urday)?$",
    re.I,
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEARLESS_DAY = re.compile(
    rf"^(?:(?P<m1>[a-z]+)\.?\s+(?P<d1>\d{{1,2}}){_ORDINAL}|(?P<d2>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<m2>[a-z]+)\.?)$",
    re.I,
)
_DAY_PAIR = re.compile(
    rf"^(?:(?P<m1>[a-z]+)\.?\s+(?P<a1>\d{{1,2}}){_ORDINAL}\s*(?:-|–|and|&|to)\s*(?P<b1>\d{{1,2}}){_ORDINAL}"
    rf"|(?P<a2>\d{{1,2}}){_ORDINAL}\s*(?:-|–|and|&|to)\s*(?P<b2>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<m2>[a-z]+)\.?)"
    r"(?:,?\s+(?P<y>[1-9]\d{3}))?$",
    re.I,
)
#: Two days of two months: "28 February to 2 March", "February 28 - March 2, 2023".
_MONTHS_PAIR = re.compile(
    rf"^(?:(?P<m1>[a-z]+)\.?\s+(?P<a1>\d{{1,2}}){_ORDINAL}\s*(?:-|–|to|until|through)\s*(?P<n1>[a-z]+)\.?\s+(?P<b1>\d{{1,2}}){_ORDINAL}"
    rf"|(?P<a2>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<m2>[a-z]+)\.?\s*(?:-|–|to|until|through)\s*"
    rf"(?P<b2>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<n2>[a-z]+)\.?)"
    r"(?:,?\s+(?P<y>[1-9]\d{3}))?$",
    re.I,
)
_EARLIER = re.compile(r"^(?P<which>earlier|later)\s+this\s+(?P<unit>week|month|year)$", re.I)
_SHIFT = re.compile(r"^(?P<which>this|last|next)\s+(?P<unit>week|month|quarter|year)$", re.I)
#: A named month near the reference: "last March" (the latest March before the reference's month),
#: "next June" (the first after it), "this May" (the reference's year's).
_NAMED_SHIFT = re.compile(r"^(?P<which>this|last|next)\s+(?P<month>[a-z]+)\.?$", re.I)
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
#: A part of a day near the reference: "this morning", "last night", "yesterday evening", "tonight".
_PART_OF_DAY = re.compile(
    r"^(?:(?P<which>this|last|yesterday|tomorrow)\s+(?:morning|afternoon|evening|night)|tonight)$", re.I
)
_AGO = re.compile(r"^(?P<n>\d{1,4}|[a-z]+)\s+(?P<unit>day|week|month|quarter|year)s?\s+ago$", re.I)
_SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}  # EDTF: spring, summer, autumn, winter


def _parse(text: str, ref: date | None) -> DateSpan:
    circa = _CIRCA.match(text)
    if circa:
        inner = _parse(circa["rest"], ref)
        return inner._replace(approximate=True, ends=approximate_ends(inner.ends))
    # An interval first: a qualifier at its end belongs to its last date (EDTF: 1984/2004-06~).
    if "/" in text and not _NUMERIC.match(text) and not _MONTH_YEAR.match(text) and not _SLASHED_DAY.match(text):
        left, _, right = text.partition("/")
        return _interval(text, left.strip(), right.strip(), ref)
    if text[-1] in "?~%" and len(text) > 1:
        inner = _parse(text[:-1].rstrip(), ref)
        return inner._replace(
            approximate=inner.approximate or text[-1] in "~%",
            uncertain=inner.uncertain or text[-1] in "?%",
        )
    if ".." in text:
        left, _, right = text.partition("..")
        if left.strip() and right.strip():
            return _interval(text, left.strip(), right.strip(), ref)
    return _single(text, ref)


def _interval(text: str, left: str, right: str, ref: date | None) -> DateSpan:
    open_start = left in ("", "..")
    open_end = right in ("", "..")
    if open_start and open_end:
        raise DateError(f"the interval '{text}' has no start and no end; give at least one of them")
    if "/" in right or ".." in left.strip(".") or ".." in right.strip("."):
        raise DateError(f"'{text}' nests one interval inside another; write a single START/END")
    a = None if open_start else _parse(left, ref)
    b = None if open_end else _parse(right, ref)
    start = MIN_DAY if a is None else a.start
    end = MAX_DAY if b is None else b.end
    if end < start:
        raise DateError(f"the interval '{text}' ends before it starts; put the earlier date first")
    # EDTF: ".." is an open end (no bound); an empty end is an unknown one (there is an end, not known).
    gaps = ("open" if left == ".." else "unknown", "open" if right == ".." else "unknown")
    return joined(a, b, gaps=gaps)


def _single(text: str, ref: date | None) -> DateSpan:
    for parse in (_exact, _unspecified, _numeric, _relative, _fuzzy, _written):
        span = parse(text, ref)
        if span is not None:
            return span
    if _FAR_YEAR.match(text):
        raise DateError(f"'{text}': rwpk reads the years 1 to 9999; EDTF's long and negative years are not supported")
    raise DateError(f"cannot read '{text}' as a date; {HINT}")


def _exact(text: str, ref: date | None) -> DateSpan | None:
    if m := _ISO_DAY.match(text):
        return day_span(_day(int(m["y"]), int(m["m"]), int(m["d"]), text))
    if m := _ISO_MONTH.match(text):
        year, month = int(m["y"]), int(m["m"])
        if month in _SEASONS:
            first, last = _SEASONS[month]
            return DateSpan(_month_start(year, first, text), _month_end(year, last, text), Precision.RANGE)
        return _month(year, month, text)
    if _YEAR.match(text):
        return _year(int(text), text)
    if m := _WEEK.match(text):
        year, week = int(m["y"]), int(m["w"])
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError:
            raise DateError(f"'{text}': {year} has no ISO week {week}; weeks run from W01 to W52 or W53") from None
        if m["d"]:
            return day_span(monday + timedelta(days=int(m["d"]) - 1))
        return DateSpan(monday, monday + timedelta(days=6), Precision.WEEK)
    if m := _QUARTER.match(text):
        year, quarter = int(m["y"] or m["y2"]), int(m["q"] or m["q2"])
        return _quarter(year, quarter, text)
    return None


def _unspecified(text: str, ref: date | None) -> DateSpan | None:
    if m := _UNSPEC_YEAR.match(text):
        width = 10 ** len(m["xs"])
        first = int(m["digits"]) * width
        if len(m["digits"]) + len(m["xs"]) != 4:
            return None
        return DateSpan(_year(max(first, 1), text).start, date(first + width - 1, 12, 31), Precision.RANGE)
    if m := _UNSPEC_MONTH.match(text):
        return _year(int(m["y"]), text)
    if m := _UNSPEC_DAY.match(text):
        return _month(int(m["y"]), int(m["m"]), text)
    return None


def _numeric(text: str, ref: date | None) -> DateSpan | None:
    if m := _MONTH_YEAR.match(text):
        return _month(int(m["y"]), int(m["m"]), text)
    m = _NUMERIC.match(text)
    if not m:
        return None
    a, b, c = m["a"], m["b"], m["c"]
    if len(a) == 4:
        return day_span(_day(int(a), int(b), int(c), text))
    if len(c) != 4:
        raise DateError(f"'{text}' has a two-digit year, which could be any century; write it as 2024-01-03")
    readings = {}
    for order, day_, month_ in (("day first", a, b), ("month first", b, a)):
        try:
            readings[order] = date(int(c), int(month_), int(day_))
        except ValueError:
            continue
    if not readings:
        raise DateError(f"'{text}' is not a day of the calendar; {HINT}")
    found = sorted(set(readings.values()))
    if len(found) > 1:
        both = " or ".join(f"{day_label(d)} ({order})" for order, d in readings.items())
        iso = " or ".join(d.isoformat() for d in found)
        raise DateError(f"'{text}' reads two ways: {both}; write {iso} instead")
    return day_span(found[0])


def _relative(text: str, ref: date | None) -> DateSpan | None:
    low = text.lower()
    if low in ("today", "yesterday", "tomorrow"):
        today = _need(ref, text)
        return day_span(today + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[low]))
    if m := _PART_OF_DAY.match(text):  # "this morning", "last night", "tonight": a part of a day, that day
        shift = {"this": 0, "to": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[(m["which"] or "to").lower()]
        return day_span(_need(ref, text) + timedelta(days=shift))
    if m := _SHIFT.match(text):
        step = {"this": 0, "last": -1, "next": 1}[m["which"].lower()]
        return _unit_span(_need(ref, text), m["unit"].lower(), step, text)
    if (m := _NAMED_SHIFT.match(text)) and m["month"].lower() in _MONTH_NUMBERS:
        today, month = _need(ref, text), _MONTH_NUMBERS[m["month"].lower()]
        which = m["which"].lower()
        year = today.year
        if which == "last" and month >= today.month:
            year -= 1
        elif which == "next" and month <= today.month:
            year += 1
        return _month(year, month, text)
    if m := _AGO.match(text):
        raw = m["n"].lower()
        count = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)
        if count is None:
            return None
        return _unit_span(_need(ref, text), m["unit"].lower(), -count, text)
    if m := _WEEKDAY.match(text):
        today = _need(ref, text)
        target = _WEEKDAYS.index(m["day"][:3].lower())
        which = (m["which"] or "on").lower()
        back = (today.weekday() - target) % 7
        if which == "last":
            day = today - timedelta(days=back or 7)
        elif which == "next":
            day = today + timedelta(days=(target - today.weekday()) % 7 or 7)
        elif which == "this":
            day = today + timedelta(days=target - today.weekday())
        else:  # "on Sunday", or "Sunday": a news report's weekday is the latest one on or before its day
            day = today - timedelta(days=back)
        return day_span(day)
    if m := _EARLIER.match(text):
        return _earlier(_need(ref, text), m["which"].lower(), m["unit"].lower())
    return _month_days(text, ref)


def _earlier(today: date, which: str, unit: str) -> DateSpan:
    """ "earlier this month": from the month's first day to the day before the reference (the
    reference itself on the first); "later this month": from the day after to the month's end."""
    span = _unit_span(today, unit, 0, f"{which} this {unit}")
    if which == "earlier":
        return DateSpan(span.start, max(span.start, today - timedelta(days=1)), Precision.RANGE)
    return DateSpan(min(span.end, today + timedelta(days=1)), span.end, Precision.RANGE)


def _month_days(text: str, ref: date | None) -> DateSpan | None:
    """A day, or two days ("January 9 and 10, 2025", "9-10 January"), of a named month. Without a
    year it takes the latest year that puts the first day on or before the reference day, as a
    news report means "January 3" written in its own January (or in the February after it)."""
    months = _MONTHS_PAIR.match(text)
    if months is not None:
        return _across_months(text, months, ref)
    pair = _DAY_PAIR.match(text)
    single = None if pair else _YEARLESS_DAY.match(text)
    found = pair or single
    if found is None:
        return None
    month = _MONTH_NUMBERS.get((found["m1"] or found["m2"]).lower())
    if month is None:
        return None
    if pair:
        first, last = int(pair["a1"] or pair["a2"]), int(pair["b1"] or pair["b2"])
        if last <= first:
            raise DateError(f"'{text}': the second day comes before the first; write the earlier day first")
    else:
        first = last = int(found["d1"] or found["d2"])
    year = int(pair["y"]) if pair and pair["y"] else None
    if year is None:
        if ref is None:
            raise RelativeDateError(
                f"'{text}' has no year; add one, e.g. '{text} 2024', or give a reference day (as_of) to read it against"
            )
        year = ref.year if _day(ref.year, month, first, text) <= ref else ref.year - 1
    start, end = _day(year, month, first, text), _day(year, month, last, text)
    return day_span(start) if start == end else DateSpan(start, end, Precision.RANGE)


def _across_months(text: str, found: re.Match[str], ref: date | None) -> DateSpan | None:
    """ "28 February to 2 March": the days from one to the other. A year written at the end is the
    last day's ("30 December to 2 January 2024" starts in 2023); without one, the first day takes
    the year a lone "28 February" would, and the last day the first one after it."""
    first_month = _MONTH_NUMBERS.get((found["m1"] or found["m2"]).lower())
    last_month = _MONTH_NUMBERS.get((found["n1"] or found["n2"]).lower())
    if first_month is None or last_month is None:
        return None
    first, last = int(found["a1"] or found["a2"]), int(found["b1"] or found["b2"])
    wraps = (last_month, last) < (first_month, first)  # December to January: into the next year
    if found["y"]:
        end_year = int(found["y"])
        start_year = end_year - 1 if wraps else end_year
    elif ref is None:
        raise RelativeDateError(
            f"'{text}' has no year; add one, e.g. '{text} 2024', or give a reference day (as_of) to read it against"
        )
    else:
        start_year = ref.year if _day(ref.year, first_month, first, text) <= ref else ref.year - 1
        end_year = start_year + 1 if wraps else start_year
    start, end = _day(start_year, first_month, first, text), _day(end_year, last_month, last, text)
    if wraps and (end - start).days > 62:
        raise DateError(f"'{text}': the second day comes before the first; write the earlier day first")
    return DateSpan(start, end, Precision.RANGE) if start != end else day_span(start)


def _fuzzy(text: str, ref: date | None) -> DateSpan | None:
    m = _FUZZY.match(text)
    if not m:
        return None
    inner = _parse(m["rest"], ref)
    third = ("early", "mid", "late").index(m["part"].lower())
    if inner.precision is Precision.YEAR:
        year = inner.start.year
        start = date(year, 1 + 4 * third, 1)
        end = _month_end(year, 4 + 4 * third, text)
    elif inner.precision is Precision.MONTH:
        start = inner.start + timedelta(days=10 * third)
        end = inner.end if third == 2 else start + timedelta(days=9)
    else:
        raise DateError(f"'{text}': early, mid and late apply to a year or a month, such as 'early 2024'")
    return DateSpan(start, end, Precision.RANGE, approximate=True, uncertain=inner.uncertain)


def _written(text: str, ref: date | None) -> DateSpan | None:
    if not _MONTH_WORD.search(text):
        return None
    common = _common_written(text)
    if common is not None:
        return common
    from dateutil import parser as dateutil_parser  # imported here: most dates never need it

    try:
        first = dateutil_parser.parse(text, default=datetime(4, 1, 1))
        second = dateutil_parser.parse(text, default=datetime(8, 2, 2))
    except (ValueError, OverflowError):
        return None
    if first.year != second.year:
        raise DateError(f"'{text}' has no year; add one, e.g. '{text} 2024'")
    if f"{first.year:04d}" not in _DIGIT_RUNS.findall(text):
        raise DateError(f"'{text}' has a two-digit year: it reads as {_readings(text)}; write the year in full")
    if first.month != second.month:
        return _year(first.year, text)
    if first.day != second.day:
        return _month(first.year, first.month, text)
    named = _NAMED_WEEKDAY.search(text)
    written = _WEEKDAYS.index(named["day"][:3].lower()) if named is not None else first.weekday()
    if written != first.weekday():
        real, said = calendar.day_name[first.weekday()], calendar.day_name[written]
        raise DateError(f"'{text}': {day_label(first.date())} is a {real}, not a {said}; fix the day or the weekday")
    return day_span(first.date())


def _readings(text: str) -> str:
    """The days a date with a two-digit year can be read as, by the ways dateutil can order it."""
    from dateutil import parser as dateutil_parser

    found = []
    for dayfirst, yearfirst in ((False, False), (True, False), (False, True), (True, True)):
        try:
            day = dateutil_parser.parse(text, dayfirst=dayfirst, yearfirst=yearfirst).date()
        except (ValueError, OverflowError):
            continue
        if day not in found:
            found.append(day)
    return " or ".join(day_label(d) for d in found) or "several dates"


def _common_written(text: str) -> DateSpan | None:
    """ "July 7, 2017", "7 July 2017" and "July 2017" read directly, as dateutil reads them; anything
    else (or an impossible day) is left to dateutil."""
    if m := _WRITTEN_DAY.match(text):
        month = _MONTH_NUMBERS.get((m["m1"] or m["m2"]).lower())
        if month is not None:
            try:
                return day_span(date(int(m["y"]), month, int(m["d1"] or m["d2"])))
            except ValueError:
                return None
    elif m := _WRITTEN_MONTH.match(text):
        month = _MONTH_NUMBERS.get(m["m"].lower())
        if month is not None:
            return _month(int(m["y"]), month, text)
    return None


# --- helpers -----------------------------------------------------------------------------------


def _need(ref: date | None, text: str) -> date:
    if ref is None:
        raise RelativeDateError(
            f"'{text}' is relative and there is no reference day to resolve it against; write the date "
            "itself, or (for an event) give it an as_of day or a first source with a published date"
        )
    return ref


def _unit_span(ref: date, unit: str, step: int, text: str) -> DateSpan:
    try:
        if unit == "day":
            return day_span(ref + timedelta(days=step))
        if unit == "week":
            monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
            return DateSpan(monday, monday + timedelta(days=6), Precision.WEEK)
    except OverflowError:
        raise DateError(f"'{text}' falls outside the years 1 to 9999") from None
    if unit == "year":
        return _year(ref.year + step, text)
    size = 3 if unit == "quarter" else 1
    index = ref.year * 12 + (ref.month - 1) // size * size + step * size
    year, month0 = divmod(index, 12)
    if unit == "quarter":
        return _quarter(year, month0 // 3 + 1, text)
    return _month(year, month0 + 1, text)


def _check_year(year: int, text: str) -> None:
    if not 1 <= year <= 9999:
        raise DateError(f"'{text}' falls outside the years 1 to 9999")


def _day(year: int, month: int, day: int, text: str) -> date:
    _check_year(year, text)
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(f"'{text}' is not a day of the calendar; {HINT}") from None


def _month_start(year: int, month: int, text: str) -> date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    _check_year(year, text)
    return date(year, month, 1)


def _month_end(year: int, month: int, text: str) -> date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    _check_year(year, text)
    return date(year, month, calendar.monthrange(year, month)[1])


def _month(year: int, month: int, text: str) -> DateSpan:
    if not 1 <= month <= 12:
        raise DateError(f"'{text}': there is no month {month}; months run from 01 to 12")
    return DateSpan(_month_start(year, month, text), _month_end(year, month, text), Precision.MONTH)


def _quarter(year: int, quarter: int, text: str) -> DateSpan:
    first = 3 * quarter - 2
    return DateSpan(_month_start(year, first, text), _month_end(year, first + 2, text), Precision.QUARTER)


def _year(year: int, text: str) -> DateSpan:
    _check_year(year, text)
    return DateSpan(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)


def _union(a: DateSpan, b: DateSpan, *, uncertain: bool) -> DateSpan:
    return DateSpan(
        min(a.start, b.start),
        max(a.end, b.end),
        Precision.RANGE,
        approximate=a.approximate or b.approximate,
        uncertain=uncertain or a.uncertain or b.uncertain,
    )
