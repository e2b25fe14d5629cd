"""Rows of a delimited text file (CSV, TSV), each with the line it starts on.

The csv module reads quoted cells across lines; the line of a row is where it starts. The delimiter
is the one given, or, when none is, the one of ``,`` ``;`` and tab that the header line uses most
(spreadsheets in many locales save CSV with semicolons), which the caller tells the user.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..errors import InputError, Problem
from .input import Input

DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}


def sniff(first_line: str) -> str:
    """The delimiter a header line uses most (a comma when it uses none)."""
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def rows(source: Input, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Each row with the line it starts on; InputError on a row the csv module cannot read."""
    reader = csv.reader(io.StringIO(source.text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            name = DELIMITERS.get(delimiter, repr(delimiter))
            reason = "a quote opened in this row is never closed" if "end of data" in str(error) else str(error)
            message = f"cannot be read as {name}-separated text: {reason}"
            raise InputError([Problem(source.display, start, message)]) from None
        yield start, row
        start = reader.line_num + 1


def first_line(text: str, number: int = 1) -> str:
    """The ``number``-th line of ``text`` (1 is the first)."""
    lines = text.split("\n", number)
    return lines[number - 1] if len(lines) >= number else ""
