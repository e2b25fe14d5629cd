"""Where things are in TOML text: the line of each table and key, so errors can say FILE:LINE.

tomllib gives values but no positions. This scanner walks the text once, tracking strings,
comments and brackets, and records the line of every table header, every top-level key of a
table and every inline table inside an array (the roles of an actor).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

TableKey = tuple[str, str | int]
DEEP = 50  # levels of nesting past which a value is reported as nested too deeply

_HEADER = re.compile(r"^\s*(\[\[?)\s*(?P<name>[^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*(?P<key>"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*(?:\.|=)""")


def _split_dotted(name: str) -> list[str]:
    if "." not in name and '"' not in name and "'" not in name:
        return [name.strip()]
    parts = re.findall(r""""[^"]*"|'[^']*'|[^.\s]+""", name)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


class LineIndex:
    """Line numbers (1-based) of tables, keys and array items in one TOML text."""

    def __init__(self, text: str) -> None:
        self.tables: dict[TableKey, int] = {}
        self.keys: dict[tuple[TableKey, str], int] = {}
        self.items: dict[tuple[TableKey, str], list[int]] = {}
        #: Where a multi-line string that is never closed begins, and where the first value nested
        #: more than DEEP levels begins: the lines to report when the TOML cannot be read.
        self.unclosed: int | None = None
        self.deep: int | None = None
        self._peak = 0  # the deepest nesting reached on the line being scanned
        self._scan(text)

    def table(self, table: TableKey) -> int:
        """The line of a table's header, or 1 when it has none."""
        return self.tables.get(table, 1)

    def key(self, table: TableKey, key: str) -> int:
        """The line of ``key`` inside ``table``, falling back to the table's header."""
        line = self.keys.get((table, key))
        return line if line is not None else self.tables.get(table, 1)

    def item(self, table: TableKey, key: str, index: int) -> int:
        """The line of the ``index``-th inline table in the array ``key``, falling back to the key."""
        lines = self.items.get((table, key), [])
        return lines[index] if index < len(lines) else self.key(table, key)

    def _scan(self, text: str) -> None:
        counts: Counter[str] = Counter()
        current: TableKey = ("", "")
        depth = 0
        open_string: str | None = None  # the delimiter of a multi-line string we are inside
        value_key = ""
        opened = 0  # the line where the open multi-line string began
        began = 0  # the line where the value now open at depth 1 began
        # Lines end at "\n" alone, as TOML's do: splitlines() would also break at U+2028, U+0085 and
        # the like inside strings and comments, and shift every line number after them.
        for number, line in enumerate(text.split("\n"), start=1):
            line = line.removesuffix("\r")
            if open_string is None and depth == 0:
                header = _HEADER.match(line)
                if header:
                    parts = _split_dotted(header["name"])
                    if line.lstrip().startswith("[["):
                        current = (parts[0], counts[parts[0]])
                        counts[parts[0]] += 1
                    else:
                        current = (parts[0], parts[1] if len(parts) > 1 else "")
                    self.tables.setdefault(current, number)
                    continue
                key = _KEY.match(line)
                if key:
                    value_key = key["key"].strip("\"'")
                    self.keys.setdefault((current, value_key), number)
            was_open, was_depth = open_string, depth
            self._peak = depth
            depth, open_string = self._walk(line, number, current, value_key, depth, open_string)
            if open_string is not None and was_open is None:
                opened = number
            if was_depth == 0 and self._peak > 0:
                began = number
            if self._peak > DEEP and self.deep is None:
                self.deep = began
        if open_string is not None:
            self.unclosed = opened

    def _walk(
        self, line: str, number: int, table: TableKey, key: str, depth: int, open_string: str | None
    ) -> tuple[int, str | None]:
        i = 0
        while i < len(line):
            if open_string is not None:
                end = line.find(open_string, i)
                if end < 0:
                    return depth, open_string
                i, open_string = end + 3, None
                continue
            char = line[i]
            if char == "#":
                break
            if line.startswith('"""', i) or line.startswith("'''", i):
                open_string = line[i : i + 3]
                i += 3
                continue
            if char in "\"'":
                i = self._skip_string(line, i)
                continue
            if char in "[{":
                if char == "{" and depth == 1:
                    self.items.setdefault((table, key), []).append(number)
                depth += 1
                self._peak = max(self._peak, depth)
            elif char in "]}":
                depth = max(depth - 1, 0)
            i += 1
        return depth, open_string

    @staticmethod
    def _skip_string(line: str, start: int) -> int:
        quote = line[start]
        i = start + 1
        while i < len(line):
            if quote == '"' and line[i] == "\\":
                i += 2
                continue
            if line[i] == quote:
                return i + 1
            i += 1
        return i


_FAST_LINE = re.compile(r"^(?:(\[\[?)[ \t]*([^\[\]\n]+?)[ \t]*\]|(participants)[ \t]*=)", re.M)


class FastLineIndex(LineIndex):
    """Lines of table headers and ``participants`` keys that start their line, for large logs.

    It does not follow strings and brackets, and it skips indented headers; it is only used to
    locate records in a log that parsed (the loader checks it found every event), and the exact
    scanner is used whenever a problem has to be reported.
    """

    def __init__(self, text: str, first_line: int = 1) -> None:
        """Index ``text``, which starts on line ``first_line`` of its file."""
        self.tables = {}
        self.keys = {}
        self.items = {}
        counts: Counter[str] = Counter()
        current: TableKey = ("", "")
        line, position = first_line, 0
        for match in _FAST_LINE.finditer(text):
            line += text.count("\n", position, match.start())
            position = match.start()
            if match.group(3):
                self.keys.setdefault((current, "participants"), line)
                continue
            parts = _split_dotted(match.group(2))
            if match.group(1) == "[[":
                current = (parts[0], counts[parts[0]])
                counts[parts[0]] += 1
            else:
                current = (parts[0], parts[1] if len(parts) > 1 else "")
            self.tables.setdefault(current, line)
        self.counts = counts


_PARTICIPANTS_KEY = re.compile(r"participants[ \t]*=")


class EventLines(LineIndex):
    """Lines of a run of ``[[event]]`` tables with nothing else between them, found from where each
    header begins: the header's line and the line of its ``participants`` key, as FastLineIndex
    records them, for a fraction of the cost."""

    def __init__(self, text: str, starts: Sequence[int], end: int, first_line: int) -> None:
        """``starts`` are the offsets in ``text`` of the headers, the first on line ``first_line``;
        the last table ends at offset ``end``."""
        self.tables = {}
        self.keys = {}
        self.items = {}
        line, previous = first_line, starts[0]
        for index, start in enumerate(starts):
            line += text.count("\n", previous, start)
            previous = start
            self.tables[("event", index)] = line
            stop = starts[index + 1] if index + 1 < len(starts) else end
            found = text.find("\nparticipants", start, stop)
            while found >= 0:
                if _PARTICIPANTS_KEY.match(text, found + 1):
                    self.keys[(("event", index), "participants")] = line + text.count("\n", start, found + 1)
                    break
                found = text.find("\nparticipants", found + 1, stop)
        self.counts = Counter({"event": len(starts)})


class KeyFinder:
    """Finds the line of a key below a table's header in text that a quick index recorded only the
    headers of; used for warnings, which do not send a log to the exact scanner."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def line(self, header: int, key: str, reach: int = 200) -> int:
        """The line of ``key`` in the table whose header is on line ``header``, or ``header``."""
        name = re.escape(key)
        pattern = re.compile(rf"""[ \t]*(?:{name}|"{name}"|'{name}')[ \t]*[=.]""")
        text, starts = self._text, self._starts
        for number in range(header, min(header + reach, len(starts)) + 1):
            offset = starts[number - 1]
            if number > header and text.startswith("[", offset):
                break
            if pattern.match(text, offset):
                return number
        return header
