"""Lookups that keep claim extraction linear in the numbers of a sentence.

:mod:`newsfuse.analysis.claims` asks the same questions for every number of a
sentence: which mention comes next, what did earlier claims of this category
count, does the text just before end with "another". Answered by scanning the
sentence or every earlier claim each time, a scraped score table or a list of
2,000 figures in one sentence took minutes. Here each answer is a bisection or
a look at the few characters it needs, and gives exactly what the scan gave.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from ..models import Claim, NumberMention, Span
from .claims_vocab import KW as _KW


def numbers_in(numbers: list[NumberMention], starts: list[int] | None, s: Span) -> list[NumberMention]:
    """The mentions lying wholly inside sentence ``s``.

    ``starts`` are the mentions' starts when they are in order and do not overlap
    (as :func:`~newsfuse.analysis.numbers.find_numbers` returns them): then the
    answer is one slice. Otherwise (``starts`` None) every mention is checked.
    """
    if starts is None:
        return [n for n in numbers if s.start <= n.start and n.end <= s.end]
    lo = bisect_left(starts, s.start)
    out = []
    for n in numbers[lo:]:
        if n.start >= s.end:
            break
        if n.end <= s.end:
            out.append(n)
    return out


def ordered_starts(numbers: list[NumberMention]) -> list[int] | None:
    """Starts of ``numbers`` when they are sorted and do not overlap, else None."""
    for a, b in zip(numbers, numbers[1:]):
        if b.start < a.end:
            return None
    return [n.start for n in numbers]


class Neighbours:
    """For one mention of a sentence: where the mention before it ends and the one after it starts."""

    def __init__(self, mentions: list[NumberMention], s_start: int, s_end: int):
        self.starts = sorted(m.start for m in mentions)
        self.ends = sorted(m.end for m in mentions)
        self.s_start, self.s_end = s_start, s_end

    def next_start(self, m: NumberMention) -> int:
        k = bisect_left(self.starts, m.end)
        return min(self.starts[k], self.s_end) if k < len(self.starts) else self.s_end

    def previous_end(self, m: NumberMention) -> int:
        k = bisect_right(self.ends, m.start)
        return max(self.ends[k - 1], self.s_start) if k else self.s_start


class Family:
    """What the claims of one category family counted so far, for the repeat checks.

    ``earlier_*`` cover the sentences before the current one; :meth:`new_sentence`
    moves the line. Sums are added in claim order, as ``sum()`` over the claims did.
    """

    def __init__(self) -> None:
        self.count = 0
        self.values: Counter = Counter()  # numbers of the non-vague claims
        self.ones = 0  # claims with the number 1
        self.earlier = 0
        self.earlier_numbered = 0  # earlier non-vague claims with a number
        self.earlier_sum: float = 0
        self._numbered, self._sum = 0, 0

    def add(self, c: Claim) -> None:
        self.count += 1
        if c.qualifier != "vague":
            self.values[c.number] += 1
            if c.number is not None:
                self._numbered += 1
                self._sum += c.number
        if c.number == 1:
            self.ones += 1

    def new_sentence(self) -> None:
        self.earlier, self.earlier_numbered, self.earlier_sum = self.count, self._numbered, self._sum


def ends_with_word(pattern: re.Pattern[str], text: str, lo: int, hi: int, width: int) -> bool:
    """Does ``text[lo:hi]`` end with a word matched by ``pattern`` (anchored with ``\\Z``,
    at most ``width`` characters) and then whitespace?

    The same as searching ``pattern-without-\\Z`` + ``\\s+$`` in the slice, but it reads only
    the end of the slice, plus one character before the word for a ``\\b``.
    """
    k = hi
    while k > lo and text[k - 1].isspace():
        k -= 1
    if k == hi:
        return False
    return bool(pattern.search(text[max(lo, k - width - 1):k]))


_JOINERS = ("along with", "together with", "as well as")


def ends_with_joiner(text: str, lo: int, hi: int) -> bool:
    """``re.search(r",\\s*(?:along with|together with|as well as)\\s+$", text[lo:hi])``, reading the end only."""
    k = hi
    while k > lo and text[k - 1].isspace():
        k -= 1
    if k == hi:
        return False
    for joiner in _JOINERS:
        if k - len(joiner) >= lo and text.startswith(joiner, k - len(joiner)):
            j = k - len(joiner)
            while j > lo and text[j - 1].isspace():
                j -= 1
            return j > lo and text[j - 1] == ","
    return False


class Taken:
    """Spans already taken by mentions of a sentence, for overlap questions in O(log n).

    Kept as their union: a span overlaps some taken span exactly when it overlaps the union.
    """

    def __init__(self, mentions: list[NumberMention] = ()):  # type: ignore[assignment]
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.by_end: dict[int, list[NumberMention]] = {}
        for m in sorted(mentions, key=lambda m: m.start):
            self.add(m)

    def add(self, m: NumberMention) -> None:
        self.by_end.setdefault(m.end, []).append(m)
        s, e = m.start, m.end
        if s >= e:
            return
        lo = bisect_left(self.ends, s)  # the first interval that ends at or after s
        hi = bisect_right(self.starts, e)  # intervals starting at or before e
        if lo < hi:
            s, e = min(s, self.starts[lo]), max(e, self.ends[hi - 1])
        self.starts[lo:hi] = [s]
        self.ends[lo:hi] = [e]

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect_right(self.ends, s)
        return k < len(self.starts) and self.starts[k] < e

    def ending_before_comma(self, text: str, pos: int) -> list[NumberMention]:
        """Mentions ``n`` with ``re.fullmatch(r"\\s*,\\s*", text[n.end:pos])``."""
        j = pos
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j == 0 or text[j - 1] != ",":
            return []
        i = j - 1
        while i > 0 and text[i - 1].isspace():
            i -= 1
        return [n for p in range(i, j) for n in self.by_end.get(p, ())]


_AUX = (r"(?:were|was|are|is|have|has|had|been|being|be|got|reportedly|reported|confirmed|later|also|now|"
        r"all|subsequently|believed|thought|to|feared|said|killed and|found|critically|seriously|allegedly|"
        r"apparently|eventually|both|accidentally|accidently|mistakenly|unintentionally|inadvertently|"
        r"(?:who|that)(?=\s+(?:was|were|had|has|have|is|are)\b))")
# Up to six words, auxiliaries, then the casualty word: "49 soldiers were killed". Written as one
# regex, r"^(?P<np>(?:\s*[\w'’\-]+){0,6}?)" + _AFTER_REST, it tried every way of cutting a long word
# into six pieces (minutes for a 60-letter word); after_keyword asks the same question word by word.
_AFTER_REST = re.compile(rf"\s*(?P<aux>(?:\s*\b{_AUX}\b)*)\s*(?P<kw>\b(?:{_KW})\b)", re.I)
_RUN = re.compile(r"\s*([\w'’\-]+)")


def after_keyword(after: str) -> tuple[str, str, str, str] | None:
    """(np, aux, kw, text before kw) for a casualty word after a number, as the one-regex
    form above found it: the noun phrase may end after any of the first six words (in
    order), else inside one, after a hyphen or apostrophe (last words first)."""
    runs: list[tuple[int, int]] = []
    while len(runs) < 6 and (r := _RUN.match(after, runs[-1][1] if runs else 0)):
        runs.append(r.span(1))
    inner = [p for s, e in reversed(runs) for p in range(e - 1, s, -1) if after[p - 1] in "-'’"]
    for q in [0, *(e for _, e in runs), *inner]:
        m = _AFTER_REST.match(after, q)
        if m:
            return after[:q], m.group("aux"), m.group("kw"), after[:m.start("kw")]
    return None


_NP_RE = re.compile(r"(?:\s*(?:of\s+(?:its|their|his|her|them|these|those|the)\b|\([A-Z]{2,6}\)|(?:[A-Z]\.){2,}|"
                    r"[\w'’\-]+))*")
_NP_WINDOW = 256


def np_words(text: str, end: int, limit: int) -> list[str]:
    """Words of the noun-phrase run after ``end``, at least the first six exactly as reading up to
    ``limit`` gives them. Reads a window first: after a number in a long sentence the run may go
    on for the whole sentence, and only its start is used."""
    stop = min(limit, end + _NP_WINDOW)
    m = _NP_RE.match(text, end, stop)
    if m is None:  # limit before end
        return []
    words = m.group().split()
    if stop == limit or len(words) > 6:
        return words
    q = m.end()
    while q < stop and text[q].isspace():
        q += 1
    if q + 9 <= stop:  # the run stopped at a character well inside the window: as with the whole text
        return words
    return _NP_RE.match(text, end, limit).group().split()
