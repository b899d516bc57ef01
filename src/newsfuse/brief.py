"""A short extractive brief: whole sentences copied from the reports, each cited.

This first version takes the lead sentence of up to three independent reports
(never a copy or rewrite), earliest first, skipping near-repeats. Because sentences are copied verbatim from the
article they cite, the brief never states anything its sources do not.
"""

from __future__ import annotations

import re

from .models import Article, BriefSentence

MAX_SENTENCES = 3


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def build_brief(articles: list[Article], max_sentences: int = MAX_SENTENCES) -> list[BriefSentence]:
    brief: list[BriefSentence] = []
    seen: list[set[str]] = []
    for article in [a for a in articles if not a.derived_from]:  # copies and rewrites add no facts
        lead = next((s for s in article.sentences if len(s.text.split()) >= 6), None)
        if lead is None:
            continue
        words = _words(lead.text)
        if any(len(w & words) / max(len(w | words), 1) > 0.5 for w in seen):
            continue  # a near-repeat adds nothing; citing it would claim more than we checked
        brief.append(BriefSentence(lead.text, [article.id]))
        seen.append(words)
        if len(brief) >= max_sentences:
            break
    return brief
