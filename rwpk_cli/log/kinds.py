"""The kinds of event a log records, apart from the model so that the command line can offer them cheaply."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["MEETING_KINDS", "Kind"]


class Kind(StrEnum):
    """What sort of event a record is."""

    MEETING = "meeting"
    VISIT = "visit"
    CONSULTATION = "consultation"
    AGREEMENT = "agreement"
    CALL = "call"
    STATEMENT = "statement"
    OTHER = "other"


#: The kinds in which officials meet their counterparts; ``rwpk meetings`` lists these.
MEETING_KINDS = frozenset({Kind.MEETING, Kind.VISIT, Kind.CONSULTATION, Kind.CALL, Kind.AGREEMENT})
