"""The exceptions rwpk shows to its users; the CLI maps each to a message and an exit code."""

from __future__ import annotations

from typing import NamedTuple


class RwpkError(Exception):
    """Base of every error rwpk reports to the user instead of a traceback."""

    exit_code = 1


class UsageError(RwpkError):
    """A bad command-line value: an unknown official, an unreadable date option."""

    exit_code = 2


class DateError(RwpkError):
    """A date expression that cannot be normalised, with the reason and what to write instead."""

    exit_code = 2


class RelativeDateError(DateError):
    """A relative date ("last week") with no reference day to resolve it against."""


#: How many candidates a message about an ambiguous name lists before "and N more".
NAMES_LISTED = 10


class AmbiguousNameError(UsageError):
    """A name that fits more than one actor."""

    def __init__(self, name: str, candidates: list[str]) -> None:
        self.name = name
        self.candidates = candidates
        shown = candidates[:NAMES_LISTED]
        more = f" and {len(candidates) - len(shown)} more" if len(candidates) > len(shown) else ""
        listed = "; ".join(shown) + more
        super().__init__(f"'{name}' fits several actors: {listed}. Use more of the name or the actor id.")


class UnknownNameError(UsageError):
    """A name that fits no actor, with close names as suggestions."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f" Did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"no actor matches '{name}'.{hint} 'rwpk actors' lists them all.")


class Problem(NamedTuple):
    """One problem in a log file, located by file, line and (where known) column."""

    file: str
    line: int
    message: str
    column: int | None = None

    @property
    def where(self) -> str:
        """FILE:LINE, or FILE:LINE:COLUMN."""
        return f"{self.file}:{self.line}" + (f":{self.column}" if self.column else "")

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def as_warning(self) -> str:
        """The problem as a warning line: FILE:LINE: warning: message."""
        return f"{self.where}: warning: {self.message}"


class LogError(RwpkError):
    """The log is invalid; carries every problem found, each with its file and line."""

    exit_code = 65

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class InputError(LogError):
    """A file given to ``rwpk import`` has rows that cannot be read; carries every problem found."""

    def __init__(self, problems: list[Problem], display: str = "") -> None:
        super().__init__(problems)
        self.display = display or (problems[0].file if problems else "")


class ReadError(RwpkError):
    """The log cannot be read at all: missing, a directory, no permission, not UTF-8."""

    exit_code = 66


class OutputError(RwpkError):
    """Standard output is closed or cannot take what rwpk writes (a full disk)."""

    exit_code = 74  # EX_IOERR


class DamagedCacheError(RwpkError):
    """A cache that did not decode completely. The command line rebuilds it from the log and runs the
    command again; only if that fails too is this shown."""

    exit_code = 70  # EX_SOFTWARE

    def __init__(self, detail: str) -> None:
        super().__init__(f"the cache could not be read ({detail}); run with --no-cache, or remove $XDG_CACHE_HOME/rwpk")
