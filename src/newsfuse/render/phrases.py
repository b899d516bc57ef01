"""Shared wording of the renderers: a reconciled casualty row in words (terminal, Markdown,
HTML and the events CSV all say it the same way)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..wording import figure_words, number_text

_n = number_text


def casualty_phrase(c: dict[str, Any], claims: dict[str, dict[str, Any]] | None = None,
                    refs: dict[str, int] | None = None, esc: Callable[[Any], str] = str) -> str:
    """One reconciled row in words, with each claimant's figure and its report number:
    ``killed · Kyrgyz soldiers (KG): 27, provisional — Kyrgyzstan: at least 27 [2]``.
    ``esc`` is applied to every word that comes from the reports (``render.export.md_text`` for Markdown)."""
    who = esc(c.get("whose") or c.get("side") or "unspecified")
    if c.get("side") and c.get("whose"):
        who += f" ({esc(c['side'])})"
    if c.get("region"):
        who += f" in {esc(c['region'])}"
    text = f"{esc(c['category'])} · {who}: {_n(c.get('best'))}"
    if c.get("low") is not None and c.get("high") is not None and c["low"] != c["high"]:
        text += f" (range {_n(c['low'])}–{_n(c['high'])})"
    flags = [w for w, on in (("disputed", c.get("conflict")), ("provisional", c.get("provisional"))) if on]
    if flags:
        text += ", " + ", ".join(flags)
    if claims:
        voices = []
        for cid in c.get("claim_ids", []):
            claim = claims.get(cid)
            if not claim:
                continue
            figure = esc(figure_words(claim))  # a vague figure is quoted from the report
            ref = f" [{refs[claim['article_id']]}]" if refs and claim["article_id"] in refs else ""
            voices.append(f"{esc(claim['claimant'] or 'the outlet')}: {figure}{ref}")
        if voices:
            text += " — " + "; ".join(voices)
        if c.get("superseded_ids"):
            earlier = [claims[i] for i in c["superseded_ids"] if i in claims and
                       (claims[i]["number"] if claims[i]["number"] is not None else claims[i].get("low")) != c.get("best")]
            if earlier:
                text += " (also reported by them: " + ", ".join(sorted({_n(e["number"]) for e in earlier})) + ")"
    return text
