"""Checking a log's parsed TOML: one module per record type, each collecting every problem with its line.

``fields`` reads typed values and reports them; ``actors`` (with roles), ``sources``, ``events``,
``trade`` and ``ids`` check their records; ``log`` runs them over one file. Checking never raises
on the first problem: it collects them all, and ``Validator.finish`` raises ``LogError`` with them.
"""
