"""Where a log's text may define a top-level name, found without parsing it.

Text appended to a log is checked on its own, against what the log declares, so rwpk must know that
the old text does not define the names the new text uses in another way: ``[[event]]`` tables cannot
extend an ``event = [...]`` array, ``[source.x]`` cannot add to a ``source = {...}`` table, and an
``include`` key, bare, quoted or dotted, makes the log a collection of files. These tests err one way
only: when they cannot tell, they say the name may be defined otherwise, and rwpk parses the whole
text. Each looks for the whole word with a regular expression that starts with it, which the engine
finds as fast as ``bytes.find`` (a third of a second over a 400 MB log), and checks the few lines it
is found on; they read ``str`` and ``bytes`` alike.
"""

from __future__ import annotations

import re
from typing import AnyStr

_ID = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_PATTERNS = {
    # the name as a whole word; an [[event]] header on a line of its own is skipped by the engine
    "event": r"event(?![A-Za-z0-9_-])(?:(?<!\n\[\[event)|(?!\]\]))",
    "actor": r"actor(?![A-Za-z0-9_-])",
    "source": r"source(?![A-Za-z0-9_-])",
    "include": r"include(?![A-Za-z0-9_-])",
    "escape": r"\\[uU]",
    # before a name: a key path (``log.``, ``"log".``) and an opening quote, or a header's bracket
    "path": rf"""[ \t]*(?:{_ID}[ \t]*\.[ \t]*)*["']?""",
    "end": r"""["']?[ \t]*[=.]""",
    "header": r"""[ \t]*\[\[?[ \t]*["']?""",
    # the headers that rwpk's own blocks write for each name
    "own event": r"[ \t]*\[\[[ \t]*event[ \t]*\]\]",
    "own actor": rf"[ \t]*\[[ \t]*actor[ \t]*\.[ \t]*{_ID}[ \t]*\]",
    "own source": rf"[ \t]*\[[ \t]*source[ \t]*\.[ \t]*{_ID}[ \t]*\]",
}
_TEXT = {name: re.compile(pattern) for name, pattern in _PATTERNS.items()}
_BYTES = {name: re.compile(pattern.encode()) for name, pattern in _PATTERNS.items()}


def may_include(data: AnyStr) -> bool:
    """Whether a line of the log may set an ``include`` key: bare, quoted or dotted (``include =``,
    ``"include" =``, ``log.include =``), or through a quoted key with an escape in it."""
    return any(kind == "key" for kind in _uses(data, "include")) or _escaped_key(data)


def defined_otherwise(data: AnyStr, name: str) -> bool:
    """Whether the text may define ``name`` (event, actor or source) other than by the headers
    rwpk's blocks write (``[[event]]``, ``[actor.ID]``, ``[source.ID]``): as a key (``event =
    [...]``, ``source.x = …``), under another header (``[event]``, ``[[source]]``), or through a
    quoted key with an escape in it."""
    return any(kind in ("key", "header") for kind in _uses(data, name)) or _escaped_key(data)


def _uses(data: AnyStr, name: str) -> list[str]:
    """How each line that names ``name`` as a whole word uses it: "key", "header" (another form),
    "own" (rwpk's header) or "text" (in a value or a comment), the lines in the file's order."""
    patterns: dict[str, re.Pattern[AnyStr]] = _BYTES if isinstance(data, bytes) else _TEXT
    newline: AnyStr = b"\n" if isinstance(data, bytes) else "\n"
    own = patterns.get(f"own {name}")
    found = []
    for match in patterns[name].finditer(data):
        at = match.start()
        start = data.rfind(newline, 0, at) + 1
        before = data[start:at]
        if patterns["path"].fullmatch(before) and patterns["end"].match(data, match.end()):
            found.append("key")  # name = …, name.x = …, "name" = …, log.name = …
        elif patterns["header"].fullmatch(before):
            found.append("own" if own is not None and own.match(data, start) else "header")
        else:
            found.append("text")
    return found


def _escaped_key(data: AnyStr) -> bool:
    """Whether a line starts with a quoted key that holds an escape, which may spell any name."""
    backslash: AnyStr = b"\\" if isinstance(data, bytes) else "\\"
    if backslash not in data:  # most logs: found at the speed of memchr, not of a regular expression
        return False
    patterns: dict[str, re.Pattern[AnyStr]] = _BYTES if isinstance(data, bytes) else _TEXT
    newline: AnyStr = b"\n" if isinstance(data, bytes) else "\n"
    quotes = (b'"', b"'") if isinstance(data, bytes) else ('"', "'")
    equals: AnyStr = b"=" if isinstance(data, bytes) else "="
    for match in patterns["escape"].finditer(data):
        start = data.rfind(newline, 0, match.start()) + 1
        line = data[start : match.start()].lstrip()
        if line[:1] in quotes and equals not in line:
            return True
    return False
