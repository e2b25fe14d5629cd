"""rwpk: a diplomatic timeline from a plain-text TOML log of meetings, visits, agreements and trade."""

__version__ = "0.1.0"
