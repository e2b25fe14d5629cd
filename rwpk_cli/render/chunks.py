"""A rendered view written a piece at a time, so that a large one is never held whole."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


class Chunks:
    """Text in pieces, to be written in order (once): a renderer returns it instead of a ``str``
    when a view can be tens of megabytes, so that neither the text nor its UTF-8 bytes are held
    whole. ``str()`` joins it, for a caller that needs the text."""

    def __init__(self, pieces: Iterable[str]) -> None:
        self._pieces = pieces

    def __iter__(self) -> Iterator[str]:
        return iter(self._pieces)

    def __str__(self) -> str:
        return "".join(self._pieces)
