"""Facts read in a report's machine translation, cited to its original sentences.

A translated report (``article.translation``, :mod:`newsfuse.translate`) is read twice:
in its own language as always, and through an English *shadow* article whose text is its
translated sentences, kept in order with the original's line breaks. The English
components read the shadow; for every component that does not read the original's language,
its values come from the shadow, each moved to the span of the original sentence (or the
title) it was read in: word alignment is unknown, the sentence is what we can vouch for.
Each moved fact says ``via="translation"``; a claim keeps the original sentence as its
``quote`` and the translation's in ``translated``. This module only builds the shadow and
moves values; :func:`newsfuse.analysis.analyse_translated` runs the pipeline on shadows.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, is_dataclass, replace
from typing import Any

from ..models import Article, Claim, InferredDate, SentenceActions, SpeakerRole

VIA = "translation"


def translated(article: Article) -> bool:
    """The report has a usable machine translation."""
    return article.translation is not None and article.translation.ok


@dataclass(frozen=True)
class Alignment:
    """Where each translated sentence lies in the shadow text and in the original."""

    shadow_starts: tuple[int, ...]
    original: tuple[tuple[int, int], ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the sentences a shadow span ``[start, end)`` touches."""
        first = max(0, bisect.bisect_right(self.shadow_starts, start) - 1)
        last = max(first, bisect.bisect_left(self.shadow_starts, max(start + 1, end)) - 1)
        return self.original[first][0], self.original[min(last, len(self.original) - 1)][1]


def shadow(article: Article) -> tuple[Article, Alignment] | None:
    """The English shadow of a translated report and how its text maps back; None when
    the report has no usable translation."""
    if not translated(article):
        return None
    assert article.translation is not None
    parts: list[str] = []
    starts, original = [], []
    pos, previous_end = 0, None
    for sentence in article.translation.sentences:
        if previous_end is not None:
            gap = article.text[previous_end:sentence.start]
            separator = "\n\n" if "\n\n" in gap else "\n" if "\n" in gap else " "
            parts.append(separator)
            pos += len(separator)
        parts.append(sentence.text)
        starts.append(pos)
        pos += len(sentence.text)
        original.append((sentence.start, sentence.end))
        previous_end = sentence.end
    metadata = {k: v for k, v in article.metadata.items() if k != "analysis_errors"}
    english = Article(id=article.id, path=article.path, source=article.source,
                      title=article.translation.title or "", text="".join(parts), url=article.url,
                      published=article.published, language="en", metadata=metadata)
    return english, Alignment(tuple(starts), tuple(original) or ((0, 0),))


def moved(value: Any, article: Article, alignment: Alignment) -> Any:
    """A shadow's value for one field, with every span moved to the original (see module doc)."""
    if isinstance(value, list):
        return [moved(item, article, alignment) for item in value]
    if isinstance(value, InferredDate):
        return replace(value, evidence=f"{value.evidence} (read in the machine translation)".strip())
    if not is_dataclass(value) or not hasattr(value, "start"):
        return value
    if getattr(value, "field", "text") == "title":
        start, end = 0, len(article.title)
    else:
        start, end = alignment.span(value.start, value.end)
    changes: dict[str, Any] = {"start": start, "end": end}
    if hasattr(value, "via"):
        changes["via"] = VIA
    if isinstance(value, Claim):
        words = article.title if value.field == "title" else article.text
        changes.update(quote=words[start:end], translated=value.quote, article_id=article.id)
    elif isinstance(value, SpeakerRole):
        changes["name_at"] = start  # the name is in the translation's words, not the original's
    elif isinstance(value, SentenceActions):
        changes["actions"] = [replace(a, start=start, end=end) for a in value.actions]
        changes["parties"] = moved(value.parties, article, alignment)
    return replace(value, **changes)
