"""The console entry point. ``rwpk --version`` answers here, before the command line is built."""

from __future__ import annotations

import gc
import os
import sys


def _not_utf8(argument: str) -> bool:
    """Whether a command-line argument held bytes that are not UTF-8 (Python keeps them as surrogates)."""
    try:
        argument.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _interrupted(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    """Run rwpk; Ctrl-C exits 130 and a closed pipe (``rwpk … | head``) exits quietly."""
    if sys.argv[1:] == ["--version"]:
        from .. import __version__

        sys.stdout.write(f"rwpk {__version__}\n")
        return
    # A run lasts a moment and frees what it made by reference counting; the cycle collector would
    # only rescan the log's objects, over and over as a large log is read.
    bad = next((a for a in sys.argv[1:] if _not_utf8(a)), None)
    if bad is not None:
        shown = os.fsencode(bad).decode("utf-8", "backslashreplace")
        sys.stderr.write(f"rwpk: the argument '{shown}' is not UTF-8; write it in UTF-8\n")
        sys.exit(2)
    gc.disable()
    import signal  # here, not at the top: it imports enum, and --version answers without it

    signal.signal(signal.SIGTERM, _interrupted)  # like Ctrl-C: a write in progress cleans up after itself
    try:
        from .app import app

        try:
            app()
        finally:  # the command has ended: a signal now could only turn its exit code into a lie
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    except KeyboardInterrupt:
        sys.stderr.write("\nrwpk: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
