"""Small metric helpers shared by benchmark tasks.

``word_prf`` is the WCXB bag-of-words metric: lower-cased ``\\w+`` tokens
compared as multisets, so a word counts as matched as many times as it occurs
in both texts.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


def words(text: str | None) -> list[str]:
    """The metric's tokens: ``re.findall(r"\\w+", text.lower())``."""
    return _WORD.findall(text.lower()) if text else []


def word_prf(pred: str | None, gold: str | None) -> tuple[float, float, float]:
    """Word-level (precision, recall, F1) of ``pred`` against ``gold``.

    Both empty (no tokens) -> (1, 1, 1): nothing to find and nothing found.
    Exactly one empty -> (0, 0, 0).
    """
    p_tokens = Counter(words(pred))
    g_tokens = Counter(words(gold))
    n_pred = sum(p_tokens.values())
    n_gold = sum(g_tokens.values())
    if n_pred == 0 and n_gold == 0:
        return 1.0, 1.0, 1.0
    if n_pred == 0 or n_gold == 0:
        return 0.0, 0.0, 0.0
    common = sum((p_tokens & g_tokens).values())
    if common == 0:
        return 0.0, 0.0, 0.0
    precision = common / n_pred
    recall = common / n_gold
    return precision, recall, 2 * precision * recall / (precision + recall)


def normalise_title(s: str | None) -> str:
    """Strip and collapse whitespace (the title exact-match normalisation)."""
    return _SPACE.sub(" ", s).strip() if s else ""


def date_matches(pred: str | None, gold: str) -> bool:
    """True when ``pred`` agrees with ``gold`` to gold's precision.

    ``gold`` may be ``YYYY-MM-DD`` or ``YYYY-MM``; the prediction is compared
    on its prefix of gold's length (``2024-05-17`` matches gold ``2024-05``).
    """
    if not pred or not gold:
        return False
    gold = gold.strip()
    return pred.strip()[: len(gold)] == gold


def mean(values: list[float]) -> float | None:
    """Arithmetic mean, or None for no values."""
    return sum(values) / len(values) if values else None
