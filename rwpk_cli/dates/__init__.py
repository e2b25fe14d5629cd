"""Dates: date expressions as sources write them, normalised to an interval of days with a precision.

``span`` holds the value (``DateSpan``) and its readable and canonical forms; ``parse`` reads text
into it. This folder does no I/O, prints nothing, and knows nothing of logs.
"""
