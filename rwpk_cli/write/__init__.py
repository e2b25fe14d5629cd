"""Writing files without losing a byte: atomic replacement, and appending a record to a log.

``atomic`` replaces a file whole or not at all; ``blocks`` renders a new record as TOML; ``append``
adds it to the log under a lock, after checking that the result loads and that nobody changed the
file meanwhile. It decides nothing about what to write, and prints nothing.
"""
