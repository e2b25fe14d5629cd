"""rwpk: a diplomatic timeline from a plain-text TOML log of meetings, visits, agreements and trade.

Data flows one way, and the folders show it: ``dates`` (date expressions as intervals) → ``log``
(read, check and cache a log) → ``views`` (filters, summaries, analysis, warnings) → ``render``
(one module per output format) and ``write`` (appending without losing a byte) → ``cli`` (the
command line, the only place that prints or exits). ``errors`` holds the exceptions every layer raises.
"""

__version__ = "0.1.0"
