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
    #: For an interval of two written ends, each end's unit and qualifier, as "year/month~": the
    #: units are day, week, month, quarter and year, "open" (..) and "unknown" (an empty end). An
    #: empty value leaves both to be inferred from the days.
    ends: str = ""

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
        if self.ends:
            (su, sf), (eu, ef) = _split_ends(self.ends)
            return f"{_end_form(self.start, su, sf)}/{_end_form(self.end, eu, ef)}"
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
        elif self.ends:
            (su, sf), (eu, ef) = _split_ends(self.ends)
            if su != eu or sf != ef or su not in ("day", "month", "year"):
                return _ends_label(self.start, self.end, (su, sf), (eu, ef))
            core = _range_label(self, su)
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
            span.text, span.open_start, span.open_end, span.ends]  # fmt: skip


def span_of_fields(value: list[Any] | None) -> DateSpan | None:
    """The span that ``span_fields`` wrote."""
    if value is None:
        return None
    start, end, precision, approximate, uncertain, text, open_start, open_end, ends = value
    return DateSpan(date.fromordinal(start), date.fromordinal(end), Precision(precision), approximate, uncertain, text,
                    open_start, open_end, str(ends))  # fmt: skip


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


def _range_label(span: DateSpan, unit: str | None = None) -> str:
    start, end = span.start, span.end
    unit = unit or _range_unit(start, end)
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


_UNITS = ("day", "week", "month", "quarter", "year")


def joined(
    a: DateSpan | None, b: DateSpan | None, text: str = "", gaps: tuple[str, str] = ("open", "open")
) -> DateSpan:
    """The interval from ``a`` to ``b``, each end keeping its own precision and qualifier. A missing
    end is ``gaps``' "open" (``..``, no bound) or "unknown" (an empty end: there is one, not known)."""

    def end(span: DateSpan | None, gap: str) -> str:
        if span is None:
            return gap
        unit = span.precision.value if span.precision.value in _UNITS else ""
        return unit and unit + _qualifier(span.approximate, span.uncertain)

    left, right = end(a, gaps[0]), end(b, gaps[1])
    return DateSpan(
        MIN_DAY if a is None else a.start,
        MAX_DAY if b is None else b.end,
        Precision.RANGE,
        approximate=any(s.approximate for s in (a, b) if s),
        uncertain=any(s.uncertain for s in (a, b) if s),
        text=text,
        open_start=a is None,
        open_end=b is None,
        ends=f"{left}/{right}" if left and right else "",
    )


def approximate_ends(ends: str) -> str:
    """``ends`` with both known ends marked approximate ("circa 2001/2003" is 2001~/2003~)."""
    if not ends:
        return ends
    marked = {"": "~", "?": "%", "~": "~", "%": "%"}
    parts = [(u, f if u in ("open", "unknown") else marked[f]) for u, f in _split_ends(ends)]
    return "/".join(u + f for u, f in parts)


def _split_ends(ends: str) -> tuple[tuple[str, str], tuple[str, str]]:
    left, _, right = ends.partition("/")
    return (left.rstrip("~?%"), left[len(left.rstrip("~?%")) :]), (
        right.rstrip("~?%"),
        right[len(right.rstrip("~?%")) :],
    )


def _endpoint(day: date, unit: str) -> DateSpan:
    """The day, week, month, quarter or year that holds ``day``."""
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return DateSpan(monday, monday + timedelta(days=6), Precision.WEEK)
    if unit == "month":
        return DateSpan(day.replace(day=1), day, Precision.MONTH)
    if unit == "quarter":
        return DateSpan(date(day.year, (day.month - 1) // 3 * 3 + 1, 1), day, Precision.QUARTER)
    if unit == "year":
        return DateSpan(date(day.year, 1, 1), date(day.year, 12, 31), Precision.YEAR)
    return day_span(day)


def _end_form(day: date, unit: str, flag: str) -> str:
    if unit == "open":
        return ".."
    if unit == "unknown":
        return ""
    return _endpoint(day, unit).canonical + flag


def _end_label(day: date, unit: str, flag: str) -> str:
    return (
        _endpoint(day, unit)
        ._replace(approximate=flag in "~%" and bool(flag), uncertain=flag in "?%" and bool(flag))
        .label
    )


def _ends_label(start: date, end: date, left: tuple[str, str], right: tuple[str, str]) -> str:
    """An interval whose ends differ in precision or qualifier, each end as it was written."""
    if left[0] in ("open", "unknown"):
        return f"until {_end_label(end, *right)}" + (", start unknown" if left[0] == "unknown" else "")
    if right[0] in ("open", "unknown"):
        return (
            f"since {_end_label(start, *left)}"
            if right[0] == "open"
            else f"from {_end_label(start, *left)}, end unknown"
        )
    return f"{_end_label(start, *left)} – {_end_label(end, *right)}"
