"""Where articles and events live. SQLite is the embedded default; another backend
(PostgreSQL) implements the same small :class:`Store` interface."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from ..models import Article, Event


class Store(Protocol):
    """Everything the pipeline, CLI and web need from storage."""

    def has_article(self, article_id: str) -> bool: ...
    def add_articles(self, articles: Iterable[Article]) -> int: ...
    def get_article(self, article_id: str) -> Article | None: ...
    def iter_articles(self) -> Iterator[Article]: ...
    def count_articles(self) -> int: ...
    def replace_events(self, events: Iterable[Event]) -> None: ...
    def get_event(self, event_id: str) -> Event | None: ...
    def list_events(self) -> list[Event]: ...
    def close(self) -> None: ...


def open_store(location: str) -> Store:
    """Open the store at ``location`` (a file path, or ``:memory:``)."""
    from .sqlite import SQLiteStore

    return SQLiteStore(location)
