"""The log: from a file's bytes to validated, frozen values, and the cache that answers for them.

``model`` and ``kinds`` are the values; ``text`` names the unsafe characters of user text; ``files``
finds and reads a log; ``lines`` locates tables and keys in TOML text; ``check/`` validates each record
type; ``parse`` turns one file's text into a ``Log``; ``store`` is what a view queries; ``cache`` keeps
one file's SQLite cache; ``includes`` makes one log of several files; ``open`` is the one way in, from a
location to a store.
It never prints, never exits, and never imports the views, renderers or the command line.
"""
