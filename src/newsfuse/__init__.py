"""newsfuse: news reports in, event records with provenance out.

>>> import newsfuse
>>> events = newsfuse.analyse(["First report text...", "Second report text..."])
"""

__version__ = "0.1.0"


def analyse(items):
    """Turn raw articles (RawArticle records or plain strings) into events, in memory."""
    from .pipeline import analyse as _analyse

    return _analyse(items)
