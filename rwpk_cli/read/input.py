"""The file to import, read safely: a regular file or stdin, within the size limit, as UTF-8."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..errors import ReadError
from ..log.files import LogLocation, read_bytes

WHAT = "a file to import"


class Input(NamedTuple):
    """A file's text, with the name users know it by (``display``) and the name its records are keyed
    on (``name``: the file's own name, so that a newer export of the same sheet matches)."""

    display: str
    name: str
    text: str


def read_input(argument: str) -> Input:
    """The file named on the command line (``-`` is stdin); ReadError (exit 66) when it cannot be read
    or is not UTF-8 text."""
    path = None if argument == "-" else Path(argument)
    display = "<stdin>" if path is None else argument
    data = read_bytes(LogLocation(path, display), WHAT)
    return Input(display, "stdin" if path is None else path.name, decode_text(data, display))


def decode_text(data: bytes, display: str) -> str:
    """UTF-8 text (a byte-order mark is dropped); anything else names the line of the first bad byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(f"{display}: is UTF-16 text; save it as UTF-8 (in a spreadsheet: CSV UTF-8)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise ReadError(
            f"{display}:{line}:{column}: not UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8, "
            "or convert it, e.g. iconv -f latin1 -t utf-8"
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        hint = "export or save it as text (CSV, JSON or .ics) first"
        raise ReadError(f"{display}:{line}: holds a NUL byte, so it is not a text file; {hint}")
    return text.removeprefix("\ufeff")
