"""The console entry point. ``rwpk --version`` answers here, before the command line is built."""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Run rwpk; Ctrl-C exits 130 and a closed pipe (``rwpk … | head``) exits quietly."""
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        sys.stdout.write(f"rwpk {__version__}\n")
        return
    try:
        from .cli import app

        app()
    except KeyboardInterrupt:
        sys.stderr.write("\nrwpk: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
