"""The characters of user text that can act on a terminal or hide and reorder what a reader sees.

C0 and C1 controls (except tab and newline, which each destination handles), DEL, the bidi controls
that can reorder a line, and the invisible characters that can hide or disguise text: zero-width
spaces and joiners, word joiners, the BOM and the tag characters. Every destination, terminal or
export, and the TOML that ``rwpk add`` writes, treats exactly these as unsafe.
"""

from __future__ import annotations

import re

UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f]"
)
