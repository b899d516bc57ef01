"""What every backend raises when the store cannot be opened, read or written."""

from __future__ import annotations

import sqlite3


class StoreError(Exception):
    """The store cannot be opened, read or written (a message for the user, no traceback)."""


def database_errors() -> tuple[type[BaseException], ...]:
    """The database drivers' own error classes (psycopg's only when it is installed), for
    the places that turn a failed read into one line."""
    errors: tuple[type[BaseException], ...] = (StoreError, sqlite3.DatabaseError)
    try:
        import psycopg
    except ImportError:
        return errors
    return (*errors, psycopg.Error)
