"""The command line: parse options, call the core, pick a renderer, print, map errors to exit codes.

``entry`` is the console script; ``app`` is the root command, which builds each command only when it
runs; ``options`` and ``support`` hold what the commands share; ``events``, ``analysis``, ``check`` and
``add`` are the command groups. Only this folder prints or exits.
"""
