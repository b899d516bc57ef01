"""The library entry point: ``newsfuse.extract_events(items)``, in memory, no store.

What an item is, is decided by its type alone, never by guessing from its content:

- ``str``: the text of one report (never a path; a string naming an existing file draws a
  warning that says to pass a ``pathlib.Path``);
- ``dict``: one report with the JSON Lines fields (``title``, ``text`` or ``html``,
  ``published``, ``source``, ``url``, ``id``, ``language``; anything else is kept as metadata);
- :class:`~newsfuse.models.RawArticle`: as a reader would make it;
- ``pathlib.Path`` (any ``os.PathLike``): a file or a folder, read as ``newsfuse run`` reads it.

One item or an iterable of them. The heavy pipeline (spaCy, the gazetteer) is imported on the
first call, so ``import newsfuse`` stays quick.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from .llm import BASE_URL_VAR, LLMConfig
from .models import Article, Event, RawArticle

if TYPE_CHECKING:
    import pandas

    from .ingest import IngestIssue

Item = Union[str, dict, RawArticle, "os.PathLike[str]"]
ITEM_KINDS = "a str (the text of one report), a dict (JSON Lines fields), a RawArticle or a pathlib.Path"


@dataclass(repr=False)
class Result:
    """What :func:`extract_events` found: the events, and the articles their claims, briefs
    and places cite (by id: ``result.articles[claim.article_id]``).

    ``issues`` are items that could not be used (with why); ``warnings`` items used with a
    remark (an encoding guessed, a sidecar ignored, a brief rewrite refused)."""

    events: list[Event]
    articles: dict[str, Article]
    issues: list[IngestIssue] = field(default_factory=list)
    warnings: list[IngestIssue] = field(default_factory=list)

    def __repr__(self) -> str:
        return (f"Result(events={len(self.events)}, articles={len(self.articles)}, "
                f"issues={len(self.issues)}, warnings={len(self.warnings)})")

    def records(self) -> list[dict[str, Any]]:
        """The events as JSON-ready records, as ``newsfuse events --json`` prints them
        (docs/event-record.md)."""
        from .render.record import event_record

        return [event_record(event, self.articles) for event in self.events]

    def to_dataframe(self) -> pandas.DataFrame:
        """One row per event (:func:`newsfuse.to_dataframe`); needs ``newsfuse[pandas]``."""
        from .dataframes import to_dataframe

        return to_dataframe(self)

    def claims_dataframe(self) -> pandas.DataFrame:
        """One row per claim (:func:`newsfuse.claims_dataframe`); needs ``newsfuse[pandas]``."""
        from .dataframes import claims_dataframe

        return claims_dataframe(self)


def extract_events(items: Item | Iterable[Item], *, fatality_rule: str = "best", length: str = "standard",
                   translate: bool | LLMConfig = False) -> Result:
    """Turn reports into events with provenance, in memory.

    ``items`` is one item or an iterable of them: a ``str`` is the text of one report, a
    ``dict`` one report with the JSON Lines fields, a ``RawArticle`` a report as read, a
    ``pathlib.Path`` a file or folder to read (strings are never taken for paths).
    ``fatality_rule`` is ``best`` or ``conservative`` and ``length`` the brief's length
    (``short``, ``standard``, ``long``), as for ``newsfuse run``. ``translate=True``
    machine-translates reports not in English through the endpoint in
    ``$NEWSFUSE_LLM_BASE_URL`` (or pass an :class:`newsfuse.llm.LLMConfig`), as
    ``newsfuse run --translate`` does (docs/languages.md); off by default.

    An item of another type raises TypeError; an unknown option (or ``translate=True``
    without an endpoint) ValueError. A report that
    cannot be used (an empty text, a dict without ``text``, an unreadable file) is listed in
    ``Result.issues`` and the rest is analysed; a Python warning says how many there were.
    """
    from .brief import LENGTHS
    from .casualties import RULES
    from .pipeline import BriefOptions, RunSummary, analyse_raw

    if fatality_rule not in RULES:
        raise ValueError(f"unknown fatality_rule {fatality_rule!r}; choose one of {', '.join(RULES)}")
    if length not in LENGTHS:
        raise ValueError(f"unknown length {length!r}; choose one of {', '.join(LENGTHS)}")
    config = translate if isinstance(translate, LLMConfig) else LLMConfig.from_env() if translate else None
    if translate and config is None:
        raise ValueError(f"translate=True needs {BASE_URL_VAR} (an OpenAI-compatible endpoint) or an LLMConfig")
    summary = RunSummary()
    raws = list(_raw_articles(items, summary.issues))
    events, articles = analyse_raw(raws, summary, fatality_rule, BriefOptions(length=length), config)
    result = Result(events, {a.id: a for a in articles}, summary.issues, summary.warnings)
    if result.issues or result.warnings:
        warnings.warn(f"newsfuse: {len(result.issues)} inputs skipped, {len(result.warnings)} read with a warning; "
                      "see Result.issues and Result.warnings", stacklevel=2)
    return result


def analyse(items: Item | Iterable[Item]) -> list[Event]:
    """Deprecated: ``extract_events(items).events`` (which also gives the articles the
    events cite)."""
    warnings.warn("newsfuse.analyse is deprecated; use newsfuse.extract_events(items), whose result "
                  "holds the events and the articles they cite", DeprecationWarning, stacklevel=2)
    return extract_events(items).events


def _single(items: Any) -> bool:
    return isinstance(items, (str, dict, RawArticle, os.PathLike))


def _raw_articles(items: Item | Iterable[Item], issues: list[IngestIssue]) -> Iterator[RawArticle]:
    """Every item as RawArticles (a folder gives many); unusable ones become ``issues``."""
    from .ingest import IngestIssue, iter_inputs, scrub_article
    from .ingest.jsonl import article_from_object

    if isinstance(items, (bytes, bytearray)):
        raise TypeError(f"newsfuse.extract_events takes {ITEM_KINDS}; got bytes (decode them, or save them "
                        "to a file and pass its Path)")
    if not _single(items) and not isinstance(items, Iterable):
        raise TypeError(f"newsfuse.extract_events takes {ITEM_KINDS}, or an iterable of them; "
                        f"got {type(items).__name__}")
    for index, item in enumerate([items] if _single(items) else items):
        if isinstance(item, str):
            _warn_if_path(item, index)
            yield RawArticle(path=f"<text {index}>", text=item)
        elif isinstance(item, dict):
            try:
                yield scrub_article(article_from_object(item, f"<item {index}>"))
            except ValueError as exc:
                issues.append(IngestIssue(f"<item {index}>", f"{exc}; skipped"))
        elif isinstance(item, RawArticle):
            yield item
        elif isinstance(item, os.PathLike):
            for found in iter_inputs([os.fspath(item)]):
                if isinstance(found, IngestIssue):
                    issues.append(found)
                else:
                    yield found
        else:
            raise TypeError(f"item {index}: newsfuse.extract_events takes {ITEM_KINDS}; got {type(item).__name__}")


def _warn_if_path(text: str, index: int) -> None:
    """A short one-line string naming a file is most likely meant as one: say how to pass it."""
    if len(text) > 4096 or "\n" in text:
        return
    try:
        exists = Path(text).expanduser().exists()
    except (OSError, ValueError):  # a name too long, or with a NUL
        return
    if exists:
        warnings.warn(f"item {index} is the name of a file or folder but strings are read as report text; "
                      f"pass pathlib.Path({text!r}) to read it", stacklevel=4)
