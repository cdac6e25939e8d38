"""jxs: compiles 积石山县's standard catalogs of grassroots government-affairs disclosure."""

__version__ = "0.1.0"
