"""Atomic swaps and no-clobber renames, where the platform has them (Linux's ``renameat2``).

``os.replace`` cannot say what it replaced. Swapping the new file with the old one in one step
(``RENAME_EXCHANGE``) can: afterwards the old file sits at the temporary name, where rwpk checks it is
exactly what it read, and swaps back when another program saved the log in the meantime.
"""

from __future__ import annotations

import ctypes
import errno
import os
from functools import cache
from pathlib import Path
from typing import Any

_AT_FDCWD = -100
_RENAME_NOREPLACE = 1
_RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


@cache
def _renameat2() -> Any | None:
    """The C library's ``renameat2``, or None where there is none (macOS, old glibc, musl before 1.2.5)."""
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def _rename(source: Path, destination: Path, flags: int) -> bool:
    """Rename with ``flags``; False when this platform or filesystem cannot, OSError for a real failure."""
    function = _renameat2()
    if function is None:
        return False
    if function(_AT_FDCWD, os.fsencode(source), _AT_FDCWD, os.fsencode(destination), flags) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(destination))


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing files in one step. False when the platform cannot (nothing was changed)."""
    return _rename(first, second, _RENAME_EXCHANGE)


def create(source: Path, destination: Path) -> bool:
    """Rename ``source`` to ``destination`` only if nothing is there: FileExistsError when something
    is, False when the platform cannot tell (nothing was changed)."""
    return _rename(source, destination, _RENAME_NOREPLACE)
