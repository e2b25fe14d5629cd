"""Date expressions: every accepted form, every refusal, and properties over arbitrary input."""

from __future__ import annotations

import contextlib
from datetime import date, datetime, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from rwpk_cli.dates.parse import parse_date
from rwpk_cli.dates.span import DateSpan, Precision
from rwpk_cli.errors import DateError, RelativeDateError

REF = date(2025, 1, 24)  # a Friday, in ISO week 2025-W04

# expression, start, end, precision, canonical, label
CASES = [
    ("2024-01-03", "2024-01-03", "2024-01-03", "day", "2024-01-03", "3 Jan 2024"),
    ("2024-01", "2024-01-01", "2024-01-31", "month", "2024-01", "Jan 2024"),
    ("2024", "2024-01-01", "2024-12-31", "year", "2024", "2024"),
    ("2025-W04", "2025-01-20", "2025-01-26", "week", "2025-W04", "week of 20 Jan 2025"),
    ("2025-W04-3", "2025-01-22", "2025-01-22", "day", "2025-01-22", "22 Jan 2025"),
    ("2024-Q1", "2024-01-01", "2024-03-31", "quarter", "2024-Q1", "Q1 2024"),
    ("Q3 2023", "2023-07-01", "2023-09-30", "quarter", "2023-Q3", "Q3 2023"),
    ("2024-02-29T10:30:00Z", "2024-02-29", "2024-02-29", "day", "2024-02-29", "29 Feb 2024"),
    # written dates: the precision is what was written
    ("January 3, 2024", "2024-01-03", "2024-01-03", "day", "2024-01-03", "3 Jan 2024"),
    ("3 Jan 2024", "2024-01-03", "2024-01-03", "day", "2024-01-03", "3 Jan 2024"),
    ("Jan 2024", "2024-01-01", "2024-01-31", "month", "2024-01", "Jan 2024"),
    ("September 2023", "2023-09-01", "2023-09-30", "month", "2023-09", "Sep 2023"),
    ("13/01/2024", "2024-01-13", "2024-01-13", "day", "2024-01-13", "13 Jan 2024"),
    ("2024/01/03", "2024-01-03", "2024-01-03", "day", "2024-01-03", "3 Jan 2024"),
    ("07/2024", "2024-07-01", "2024-07-31", "month", "2024-07", "Jul 2024"),
    # EDTF level 1
    ("2024?", "2024-01-01", "2024-12-31", "year", "2024?", "2024?"),
    ("2024-01~", "2024-01-01", "2024-01-31", "month", "2024-01~", "c. Jan 2024"),
    ("2024-01-03%", "2024-01-03", "2024-01-03", "day", "2024-01-03%", "c. 3 Jan 2024?"),
    ("201X", "2010-01-01", "2019-12-31", "range", "2010/2019", "2010–2019"),
    ("20XX", "2000-01-01", "2099-12-31", "range", "2000/2099", "2000–2099"),
    ("2024-XX", "2024-01-01", "2024-12-31", "year", "2024", "2024"),
    ("2024-01-XX", "2024-01-01", "2024-01-31", "month", "2024-01", "Jan 2024"),
    ("2024-21", "2024-03-01", "2024-05-31", "range", "2024-03/2024-05", "Mar–May 2024"),
    ("2025-01-20/2025-01-22", "2025-01-20", "2025-01-22", "range", "2025-01-20/2025-01-22", "20–22 Jan 2025"),
    ("2024-01/2024-03", "2024-01-01", "2024-03-31", "range", "2024-01/2024-03", "Jan–Mar 2024"),
    ("2024-12-30/2025-01-02", "2024-12-30", "2025-01-02", "range", "2024-12-30/2025-01-02", "30 Dec 2024 – 2 Jan 2025"),
    ("2024-01-20/2024-02-03", "2024-01-20", "2024-02-03", "range", "2024-01-20/2024-02-03", "20 Jan – 3 Feb 2024"),
    ("../2024-01-03", "0001-01-01", "2024-01-03", "range", "../2024-01-03", "until 3 Jan 2024"),
    ("2024/..", "2024-01-01", "9999-12-31", "range", "2024/..", "since 2024"),
    ("2024-01..2024-03", "2024-01-01", "2024-03-31", "range", "2024-01/2024-03", "Jan–Mar 2024"),
    # fuzzy and approximate
    ("early 2024", "2024-01-01", "2024-04-30", "range", "2024-01~/2024-04~", "c. Jan–Apr 2024"),
    ("mid 2024", "2024-05-01", "2024-08-31", "range", "2024-05~/2024-08~", "c. May–Aug 2024"),
    ("late 2024", "2024-09-01", "2024-12-31", "range", "2024-09~/2024-12~", "c. Sep–Dec 2024"),
    ("early January 2024", "2024-01-01", "2024-01-10", "range", "2024-01-01~/2024-01-10~", "c. 1–10 Jan 2024"),
    ("mid-Feb 2024", "2024-02-11", "2024-02-20", "range", "2024-02-11~/2024-02-20~", "c. 11–20 Feb 2024"),
    ("late February 2024", "2024-02-21", "2024-02-29", "range", "2024-02-21~/2024-02-29~", "c. 21–29 Feb 2024"),
    ("circa 2001", "2001-01-01", "2001-12-31", "year", "2001~", "c. 2001"),
    ("c. 2001", "2001-01-01", "2001-12-31", "year", "2001~", "c. 2001"),
    ("about March 2024", "2024-03-01", "2024-03-31", "month", "2024-03~", "c. Mar 2024"),
    # relative to REF, Friday 24 January 2025
    ("today", "2025-01-24", "2025-01-24", "day", "2025-01-24", "24 Jan 2025"),
    ("yesterday", "2025-01-23", "2025-01-23", "day", "2025-01-23", "23 Jan 2025"),
    ("tomorrow", "2025-01-25", "2025-01-25", "day", "2025-01-25", "25 Jan 2025"),
    ("this morning", "2025-01-24", "2025-01-24", "day", "2025-01-24", "24 Jan 2025"),
    ("last night", "2025-01-23", "2025-01-23", "day", "2025-01-23", "23 Jan 2025"),
    ("yesterday evening", "2025-01-23", "2025-01-23", "day", "2025-01-23", "23 Jan 2025"),
    ("tonight", "2025-01-24", "2025-01-24", "day", "2025-01-24", "24 Jan 2025"),
    ("this week", "2025-01-20", "2025-01-26", "week", "2025-W04", "week of 20 Jan 2025"),
    ("last week", "2025-01-13", "2025-01-19", "week", "2025-W03", "week of 13 Jan 2025"),
    ("next week", "2025-01-27", "2025-02-02", "week", "2025-W05", "week of 27 Jan 2025"),
    ("this month", "2025-01-01", "2025-01-31", "month", "2025-01", "Jan 2025"),
    ("last month", "2024-12-01", "2024-12-31", "month", "2024-12", "Dec 2024"),
    ("next quarter", "2025-04-01", "2025-06-30", "quarter", "2025-Q2", "Q2 2025"),
    ("last quarter", "2024-10-01", "2024-12-31", "quarter", "2024-Q4", "Q4 2024"),
    ("last year", "2024-01-01", "2024-12-31", "year", "2024", "2024"),
    # a named month: "last" the latest before the reference's month, "next" the first after it
    ("last March", "2024-03-01", "2024-03-31", "month", "2024-03", "Mar 2024"),
    ("last January", "2024-01-01", "2024-01-31", "month", "2024-01", "Jan 2024"),
    ("last Dec.", "2024-12-01", "2024-12-31", "month", "2024-12", "Dec 2024"),
    ("next January", "2026-01-01", "2026-01-31", "month", "2026-01", "Jan 2026"),
    ("next June", "2025-06-01", "2025-06-30", "month", "2025-06", "Jun 2025"),
    ("this June", "2025-06-01", "2025-06-30", "month", "2025-06", "Jun 2025"),
    ("3 days ago", "2025-01-21", "2025-01-21", "day", "2025-01-21", "21 Jan 2025"),
    ("two weeks ago", "2025-01-06", "2025-01-12", "week", "2025-W02", "week of 6 Jan 2025"),
    ("14 months ago", "2023-11-01", "2023-11-30", "month", "2023-11", "Nov 2023"),
    ("a year ago", "2024-01-01", "2024-12-31", "year", "2024", "2024"),
    ("last Monday", "2025-01-20", "2025-01-20", "day", "2025-01-20", "20 Jan 2025"),
    ("last Friday", "2025-01-17", "2025-01-17", "day", "2025-01-17", "17 Jan 2025"),
    ("next Friday", "2025-01-31", "2025-01-31", "day", "2025-01-31", "31 Jan 2025"),
    ("next Saturday", "2025-01-25", "2025-01-25", "day", "2025-01-25", "25 Jan 2025"),
    ("this Monday", "2025-01-20", "2025-01-20", "day", "2025-01-20", "20 Jan 2025"),
    ("this Sunday", "2025-01-26", "2025-01-26", "day", "2025-01-26", "26 Jan 2025"),
    ("on Friday", "2025-01-24", "2025-01-24", "day", "2025-01-24", "24 Jan 2025"),
    ("on Monday", "2025-01-20", "2025-01-20", "day", "2025-01-20", "20 Jan 2025"),
    # as a news report of REF writes them: a bare weekday or a day without its year is the latest
    # one on or before the report's day
    ("Sunday", "2025-01-19", "2025-01-19", "day", "2025-01-19", "19 Jan 2025"),
    ("Thursday", "2025-01-23", "2025-01-23", "day", "2025-01-23", "23 Jan 2025"),
    ("January 3", "2025-01-03", "2025-01-03", "day", "2025-01-03", "3 Jan 2025"),
    ("3 January", "2025-01-03", "2025-01-03", "day", "2025-01-03", "3 Jan 2025"),
    ("Jan. 3rd", "2025-01-03", "2025-01-03", "day", "2025-01-03", "3 Jan 2025"),
    ("December 30", "2024-12-30", "2024-12-30", "day", "2024-12-30", "30 Dec 2024"),
    ("25 January", "2024-01-25", "2024-01-25", "day", "2024-01-25", "25 Jan 2024"),
    ("January 9 and 10", "2025-01-09", "2025-01-10", "range", "2025-01-09/2025-01-10", "9–10 Jan 2025"),
    ("9-10 January", "2025-01-09", "2025-01-10", "range", "2025-01-09/2025-01-10", "9–10 Jan 2025"),
    ("January 9–10, 2025", "2025-01-09", "2025-01-10", "range", "2025-01-09/2025-01-10", "9–10 Jan 2025"),
    ("9 and 10 January 2025", "2025-01-09", "2025-01-10", "range", "2025-01-09/2025-01-10", "9–10 Jan 2025"),
    # two days of two months: without a year, the first takes the year a lone day would; a year
    # written at the end is the last day's
    ("January 20 to February 3", "2025-01-20", "2025-02-03", "range", "2025-01-20/2025-02-03", "20 Jan – 3 Feb 2025"),
    (
        "28 February to 2 March 2024",
        "2024-02-28",
        "2024-03-02",
        "range",
        "2024-02-28/2024-03-02",
        "28 Feb – 2 Mar 2024",
    ),
    (
        "28 December to 2 January",
        "2024-12-28",
        "2025-01-02",
        "range",
        "2024-12-28/2025-01-02",
        "28 Dec 2024 – 2 Jan 2025",
    ),
    (
        "December 30 - January 2, 2025",
        "2024-12-30",
        "2025-01-02",
        "range",
        "2024-12-30/2025-01-02",
        "30 Dec 2024 – 2 Jan 2025",
    ),
    ("earlier this month", "2025-01-01", "2025-01-23", "range", "2025-01-01/2025-01-23", "1–23 Jan 2025"),
    ("later this month", "2025-01-25", "2025-01-31", "range", "2025-01-25/2025-01-31", "25–31 Jan 2025"),
    ("earlier this week", "2025-01-20", "2025-01-23", "range", "2025-01-20/2025-01-23", "20–23 Jan 2025"),
    ("c. last year", "2024-01-01", "2024-12-31", "year", "2024~", "c. 2024"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision", "canonical", "label"), CASES)
def test_each_form_normalises(text: str, start: str, end: str, precision: str, canonical: str, label: str) -> None:
    span = parse_date(text, REF)
    assert (span.start.isoformat(), span.end.isoformat()) == (start, end)
    assert span.precision is Precision(precision)
    assert span.canonical == canonical
    assert span.label == label
    assert span.text == text


@pytest.mark.parametrize(
    ("value", "canonical"),
    [(date(2024, 1, 3), "2024-01-03"), (datetime(2024, 1, 3, 23, 59), "2024-01-03")],
)
def test_toml_dates_and_datetimes_are_days(value: date, canonical: str) -> None:
    span = parse_date(value)
    assert span.precision is Precision.DAY
    assert span.canonical == canonical


# expression, a fragment the message must contain
REFUSALS = [
    ("03/01/2024", "reads two ways: 3 Jan 2024 (day first) or 1 Mar 2024 (month first)"),
    ("01/03/2024", "write 2024-01-03 or 2024-03-01"),
    ("03/01/24", "two-digit year"),
    ("January 31 and 30", "the second day comes before the first"),
    ("March 2 to February 28, 2024", "the second day comes before the first"),
    ("February 30", "is not a day of the calendar"),
    ("the other day", "cannot read 'the other day' as a date"),
    ("2024-13", "there is no month 13"),
    ("2024-02-30", "'2024-02-30' is not a day of the calendar"),
    ("2025-W53", "2025 has no ISO week 53"),
    ("2024-03/2024-01", "ends before it starts"),
    ("../..", "has no start and no end"),
    ("2020/2021/2022", "nests one interval inside another"),
    ("early 2024-01-03", "early, mid and late apply to a year or a month"),
    ("", "the date is empty"),
    ("   ", "the date is empty"),
    ("x" * 500, "too long"),
    ("10000", "cannot read '10000'"),
    ("0000", "outside the years 1 to 9999"),
]


@pytest.mark.parametrize(("text", "fragment"), REFUSALS)
def test_refuses_with_a_message_quoting_the_text(text: str, fragment: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, REF)
    assert fragment in str(caught.value)


@pytest.mark.parametrize(
    "text", ["today", "last week", "3 days ago", "next Monday", "this year", "c. last month", "Sunday",
             "earlier this month"],
)  # fmt: skip
def test_relative_without_reference_is_refused_never_today(text: str) -> None:
    with pytest.raises(RelativeDateError, match="relative"):
        parse_date(text)


@pytest.mark.parametrize("text", ["3 Jan", "January 9 and 10"])
def test_a_day_without_its_year_needs_a_reference_day(text: str) -> None:
    with pytest.raises(RelativeDateError, match=f"'{text}' has no year; add one"):
        parse_date(text)


def test_non_text_values_are_refused() -> None:
    with pytest.raises(DateError, match="not a date expression"):
        parse_date(2024)


def test_imprecise_reference_covers_every_reading_and_is_uncertain() -> None:
    published = parse_date("2025-01-22/2025-01-31")
    span = parse_date("last week", published)
    assert (span.start, span.end) == (date(2025, 1, 13), date(2025, 1, 26))
    assert span.uncertain
    assert span.precision is Precision.RANGE
    # when both ends of the reference give the same answer, the answer is exact
    same = parse_date("last month", published)
    assert (same.canonical, same.uncertain) == ("2024-12", False)


def test_overlap_and_within() -> None:
    year = parse_date("2024")
    assert parse_date("2024-06").overlaps(year)
    assert parse_date("2023-12-31/2024-01-01").overlaps(year)
    assert not parse_date("2023-12-31/2024-01-01").within(year)
    assert not parse_date("2025").overlaps(year)


# --- properties ----------------------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "2024", "2024-01", "2024-01-03", "W04", "-", "/", "..", "?", "~", "%", "X", "Q1", "early", "mid",
        "late", "c.", "circa", "about", "last", "next", "this", "on", "week", "month", "Monday", "ago",
        "3", "31", "Jan", "January", "Feb", "March", "2025-W04", " ", "00", "99", "12/", "/2024", "today",
    ]
)  # fmt: skip
DATE_ISH = st.lists(WORDS, min_size=1, max_size=6).map("".join) | st.lists(WORDS, min_size=1, max_size=6).map(" ".join)


@given(st.text(max_size=60) | DATE_ISH)
@example("Jan 2024 30 12")
@example("February 30 2024")
@example("January 0, 2024")
@example("\x00")
def test_any_text_raises_only_the_projects_date_error(text: str) -> None:
    try:
        span = parse_date(text, REF)
    except DateError:
        return
    assert span.start <= span.end


@given(st.text(max_size=60) | DATE_ISH)
def test_without_reference_raises_only_date_errors(text: str) -> None:
    with contextlib.suppress(DateError):
        parse_date(text)


DAYS = st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 31))
FLAGS = st.sampled_from(["", "~", "?", "%"])


@st.composite
def expressions(draw: st.DrawFn) -> str:
    """Valid expressions of every exact shape, with optional EDTF flags."""
    day = draw(DAYS)
    shape = draw(st.sampled_from(["day", "month", "year", "week", "quarter", "range", "open"]))
    if shape == "day":
        text = day.isoformat()
    elif shape == "month":
        text = f"{day.year:04d}-{day.month:02d}"
    elif shape == "year":
        text = f"{day.year:04d}"
    elif shape == "week":
        year, week, _ = day.isocalendar()
        text = f"{year:04d}-W{week:02d}"
    elif shape == "quarter":
        text = f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    elif shape == "range":
        later = day + timedelta(days=draw(st.integers(0, 2000)))
        text = f"{day.isoformat()}/{later.isoformat()}"
    else:
        text = draw(st.sampled_from([f"../{day.isoformat()}", f"{day.isoformat()}/.."]))
    return text + draw(FLAGS)


@given(expressions())
def test_canonical_form_parses_back_to_the_same_interval(text: str) -> None:
    try:
        span = parse_date(text)
    except DateError:
        return  # e.g. an ISO week of year 9999 that ends past the calendar
    again = parse_date(span.canonical)
    assert _interval(again) == _interval(span)


@given(st.text(max_size=40) | DATE_ISH)
def test_canonical_round_trip_for_anything_accepted(text: str) -> None:
    try:
        span = parse_date(text, REF)
    except DateError:
        return
    assert _interval(parse_date(span.canonical)) == _interval(span)


def _interval(span: DateSpan) -> tuple[object, ...]:
    return (span.start, span.end, span.precision, span.approximate, span.uncertain)


_FULL = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December")  # fmt: skip


@given(
    day=st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)),
    form=st.sampled_from(["{M} {d}, {y}", "{M} {d} {y}", "{d} {M} {y}", "{M}. {d}, {y}", "{M} {y}", "{M}, {y}"]),
    name=st.sampled_from(["full", "short", "upper", "lower"]),
)
def test_common_written_dates_read_as_dateutil_reads_them(day: date, form: str, name: str) -> None:
    """rwpk reads "July 7, 2017" and its kin without dateutil; the answer must be dateutil's."""
    from dateutil import parser

    month = _FULL[day.month - 1]
    month = {"full": month, "short": month[:3], "upper": month.upper(), "lower": month.lower()}[name]
    text = form.format(M=month, d=day.day, y=day.year)
    first = parser.parse(text, default=datetime(4, 1, 1))
    second = parser.parse(text, default=datetime(8, 2, 2))
    span = parse_date(text)
    if first.day != second.day:  # dateutil read a month
        assert (span.precision, span.start, span.end.month) == (Precision.MONTH, first.date(), first.month)
    else:
        assert (span.precision, span.start, span.end) == (Precision.DAY, first.date(), first.date())


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("February 29, 2024", date(2024, 2, 29), date(2024, 2, 29)),
        ("Sept 3, 2019", date(2019, 9, 3), date(2019, 9, 3)),
        ("Monday, July 7, 2025", date(2025, 7, 7), date(2025, 7, 7)),  # not the common form: dateutil reads it
        ("May 2024", date(2024, 5, 1), date(2024, 5, 31)),
    ],
)
def test_written_dates(text: str, start: date, end: date) -> None:
    span = parse_date(text)
    assert (span.start, span.end, span.text) == (start, end, text)


def test_an_impossible_written_day_is_refused() -> None:
    with pytest.raises(DateError, match="February 30, 2024"):
        parse_date("February 30, 2024")


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("24-Jan-05", "24 Jan 2005 or 5 Jan 2024"),
        ("05-Jan-24", "5 Jan 2024 or 24 Jan 2005"),
        ("Mar 10 11", "10 Mar 2011"),
        ("5 Jan 24", "5 Jan 2024 or 24 Jan 2005"),
        ("January 5, 24", "5 Jan 2024"),
        ("Wed, July 10, '96", "10 Jul 1996"),
        ("31-Dec-00", "31 Dec 2000"),
    ],
)
def test_a_two_digit_year_is_refused_naming_its_readings(text: str, readings: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert str(caught.value) == f"'{text}' has a two-digit year: it reads as {readings}; write the year in full"


@pytest.mark.parametrize(
    ("text", "real"),
    [("Monday 3 January 2025", "3 Jan 2025 is a Friday, not a Monday"),
     ("Tue, 10 July 1996", "10 Jul 1996 is a Wednesday, not a Tuesday")],
)  # fmt: skip
def test_a_weekday_that_contradicts_the_date_is_refused(text: str, real: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert str(caught.value) == f"'{text}': {real}; fix the day or the weekday"


@pytest.mark.parametrize("text", ["Friday 3 January 2025", "Sunday, March 2, 2025", "Wed 10 July 1996"])
def test_a_weekday_that_agrees_is_read(text: str) -> None:
    assert parse_date(text).precision is Precision.DAY


def test_a_slashed_day_with_a_month_name_is_one_day() -> None:
    span = parse_date("25/Sep/2003")
    assert (span.start, span.end, span.precision) == (date(2003, 9, 25), date(2003, 9, 25), Precision.DAY)
