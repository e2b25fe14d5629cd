"""The console entry point. ``rwpk --version`` answers here, before the command line is built."""

from __future__ import annotations

import gc
import os
import signal
import sys


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
    gc.disable()
    signal.signal(signal.SIGTERM, _interrupted)  # like Ctrl-C: a write in progress cleans up after itself
    try:
        from .app import app

        app()
    except KeyboardInterrupt:
        sys.stderr.write("\nrwpk: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
