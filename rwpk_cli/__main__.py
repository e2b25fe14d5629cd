"""``python -m rwpk_cli`` runs the command line."""

from .entry import main

main()
