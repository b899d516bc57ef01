"""Character spans looked up by position, for passes that must not test every word of
an article against every span found before it."""

from __future__ import annotations

import bisect


class SpanIndex:
    """Character spans, found by position in logarithmic time: an article with thousands
    of names must not test every word against every span taken before it."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._spans: list[tuple[int, int]] = []
        self._longest = 0

    def add(self, span: tuple[int, int]) -> None:
        start, end = span
        i = bisect.bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._spans.insert(i, (start, end))
        self._longest = max(self._longest, end - start)

    def covering(self, pos: int) -> tuple[int, int] | None:
        """The first span (by start) holding ``pos``, or None."""
        lo = bisect.bisect_left(self._starts, pos - self._longest)
        hi = bisect.bisect_right(self._starts, pos)
        return next(((s, e) for s, e in self._spans[lo:hi] if s <= pos < e), None)

    def overlapping(self, start: int, end: int) -> bool:
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return any(s < end and start < e for s, e in self._spans[lo:hi])

    def spans(self) -> list[tuple[int, int]]:
        """All spans, by start."""
        return list(self._spans)
