"""Numbers and casualty figures in words, said one way everywhere.

The brief's figure lines, the Markdown/HTML/terminal exports and the web pages all
show a claim's figure; a reader comparing them must see the same words: "at least
49", "about 100", "3–5", "dozens". Works on a :class:`~newsfuse.models.Claim` or
on its exported dict.
"""

from __future__ import annotations

from typing import Any

HEDGES = {"at_least": "at least", "at_most": "at most", "about": "about", "more_than": "more than",
          "fewer_than": "fewer than", "range": "range", "vague": "vague", "exact": "exact"}


def number_text(x: float | None) -> str:
    """27 → "27", 12000 → "12,000", 2.5 → "2.5", None → "?"."""
    return "?" if x is None else f"{x:,.0f}" if float(x).is_integer() else f"{x:g}"


def _get(claim: Any, name: str) -> Any:
    return claim.get(name) if isinstance(claim, dict) else getattr(claim, name, None)


def figure_words(claim: Any) -> str:
    """The claim's figure with its own hedge: "at least 49", "3–5", "dozens", "27"."""
    qualifier, number, low, high = (_get(claim, k) for k in ("qualifier", "number", "low", "high"))
    if qualifier == "range" and low is not None and high is not None:
        return f"{number_text(low)}–{number_text(high)}"
    if qualifier == "vague" and number is None:
        quote = _get(claim, "quote") or ""
        return quote if quote and len(quote.split()) <= 3 else f"at least {number_text(low)}"
    value = number if number is not None else low
    if qualifier in (None, "exact", "range", "vague"):
        return number_text(value)
    return f"{HEDGES.get(qualifier, qualifier)} {number_text(value)}"
