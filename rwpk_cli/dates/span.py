"""Dates as rwpk holds them: an inclusive interval of days with a precision, EDTF flags and the
text the source wrote, and the readable and canonical forms of each. ``parse`` reads text into them.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from typing import Any, NamedTuple

__all__ = ["MAX_DAY", "MIN_DAY", "DateSpan", "Precision", "day_label", "day_span", "span_fields", "span_of_fields"]

MIN_DAY = date(1, 1, 1)
MAX_DAY = date(9999, 12, 31)
MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Precision(StrEnum):
    """How much of a date the source gave; it travels with the interval."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    RANGE = "range"


class DateSpan(NamedTuple):
    """A normalised date: inclusive start and end days, the precision, EDTF flags and the original text."""

    start: date
    end: date
    precision: Precision
    approximate: bool = False
    uncertain: bool = False
    text: str = ""
    open_start: bool = False
    open_end: bool = False

    @property
    def canonical(self) -> str:
        """The form used in JSON, which parses back to the same interval: 2024-01, 2025-W04, A/B."""
        flag = _qualifier(self.approximate, self.uncertain)
        p = self.precision
        if p is Precision.DAY:
            return self.start.isoformat() + flag
        if p is Precision.WEEK:
            year, week, _ = self.start.isocalendar()
            return f"{year:04d}-W{week:02d}{flag}"
        if p is Precision.MONTH:
            return f"{self.start.year:04d}-{self.start.month:02d}{flag}"
        if p is Precision.QUARTER:
            return f"{self.start.year:04d}-Q{(self.start.month - 1) // 3 + 1}{flag}"
        if p is Precision.YEAR:
            return f"{self.start.year:04d}{flag}"
        unit = _range_unit(self.start, self.end)
        left = ".." if self.open_start else _iso_at(self.start, unit) + flag
        right = ".." if self.open_end else _iso_at(self.end, unit) + flag
        return f"{left}/{right}"

    @property
    def label(self) -> str:
        """The readable form used in tables and Markdown: 3 Jan 2024, week of 20 Jan 2025, c. 2001."""
        p = self.precision
        if p is Precision.DAY:
            core = day_label(self.start)
        elif p is Precision.WEEK:
            core = f"week of {day_label(self.start)}"
        elif p is Precision.MONTH:
            core = f"{MONTH_ABBR[self.start.month]} {self.start.year}"
        elif p is Precision.QUARTER:
            core = f"Q{(self.start.month - 1) // 3 + 1} {self.start.year}"
        elif p is Precision.YEAR:
            core = str(self.start.year)
        else:
            core = _range_label(self)
        return ("c. " if self.approximate else "") + core + ("?" if self.uncertain else "")

    def known_parts(self) -> tuple[dict[str, int] | None, dict[str, int] | None]:
        """The year, month and day known at each end (None for an open end); the end is None
        when the start already says it all (a day, a month, a year)."""
        p = self.precision
        if p is Precision.DAY:
            return _parts(self.start, "day"), None
        if p is Precision.MONTH:
            return _parts(self.start, "month"), None
        if p is Precision.YEAR:
            return _parts(self.start, "year"), None
        if p is Precision.QUARTER:
            return _parts(self.start, "month"), _parts(self.end, "month")
        unit = "day" if p is Precision.WEEK else _range_unit(self.start, self.end)
        start = None if self.open_start else _parts(self.start, unit)
        end = None if self.open_end else _parts(self.end, unit)
        return start, end

    @property
    def days(self) -> int:
        """How many days the interval covers."""
        return (self.end - self.start).days + 1

    def overlaps(self, other: DateSpan) -> bool:
        """True when the two intervals share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def within(self, other: DateSpan) -> bool:
        """True when this interval lies wholly inside the other."""
        return other.start <= self.start and self.end <= other.end


def span_fields(span: DateSpan | None) -> list[Any] | None:
    """A span as plain JSON values (days as ordinals), for a cache; ``span_of_fields`` reads it back."""
    if span is None:
        return None
    return [span.start.toordinal(), span.end.toordinal(), span.precision.value, span.approximate, span.uncertain,
            span.text, span.open_start, span.open_end]  # fmt: skip


def span_of_fields(value: list[Any] | None) -> DateSpan | None:
    """The span that ``span_fields`` wrote."""
    if value is None:
        return None
    start, end, precision, approximate, uncertain, text, open_start, open_end = value
    return DateSpan(date.fromordinal(start), date.fromordinal(end), Precision(precision), approximate, uncertain, text,
                    open_start, open_end)  # fmt: skip


def day_span(day: date, text: str = "") -> DateSpan:
    """A single, exact day."""
    return DateSpan(day, day, Precision.DAY, text=text or day.isoformat())


def _qualifier(approximate: bool, uncertain: bool) -> str:
    return {(True, True): "%", (True, False): "~", (False, True): "?"}.get((approximate, uncertain), "")


def _is_month_end(day: date) -> bool:
    return day == MAX_DAY or (day + timedelta(days=1)).day == 1


def _range_unit(start: date, end: date) -> str:
    if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
        return "year"
    if start.day == 1 and _is_month_end(end):
        return "month"
    return "day"


def _parts(day: date, unit: str) -> dict[str, int]:
    if unit == "year":
        return {"year": day.year}
    if unit == "month":
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def _iso_at(day: date, unit: str) -> str:
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def day_label(day: date) -> str:
    """A day as tables show it: 3 Jan 2024."""
    return f"{day.day} {MONTH_ABBR[day.month]} {day.year}"


def _at_label(day: date, unit: str) -> str:
    if unit == "year":
        return str(day.year)
    if unit == "month":
        return f"{MONTH_ABBR[day.month]} {day.year}"
    return day_label(day)


def _range_label(span: DateSpan) -> str:
    start, end = span.start, span.end
    unit = _range_unit(start, end)
    if span.open_start:
        return f"until {_at_label(end, unit)}"
    if span.open_end:
        return f"since {_at_label(start, unit)}"
    if start == end:
        return day_label(start)
    if unit == "year":
        return f"{start.year}–{end.year}" if start.year != end.year else str(start.year)
    same_year = start.year == end.year
    if unit == "month":
        if not same_year:
            return f"{MONTH_ABBR[start.month]} {start.year} – {MONTH_ABBR[end.month]} {end.year}"
        if start.month == end.month:
            return f"{MONTH_ABBR[start.month]} {start.year}"
        return f"{MONTH_ABBR[start.month]}–{MONTH_ABBR[end.month]} {end.year}"
    if same_year and start.month == end.month:
        return f"{start.day}–{end.day} {MONTH_ABBR[end.month]} {end.year}"
    if same_year:
        return f"{start.day} {MONTH_ABBR[start.month]} – {day_label(end)}"
    return f"{day_label(start)} – {day_label(end)}"
