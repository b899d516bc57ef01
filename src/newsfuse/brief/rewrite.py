"""Optional abstractive rewrite of the extractive brief through an OpenAI-compatible endpoint.

Off by default, and never required: newsfuse works fully offline. When asked
for (``newsfuse run --rewrite``) and configured through the environment (the endpoint
and model of :mod:`newsfuse.llm`, shared with the translation), the model
receives the numbered extractive sentences and must answer one
sentence per line, each ending with the numbers of the sentences it rests on,
e.g. ``Both sides reported heavy losses. [1, 3]``. Each rewritten sentence
cites the articles of those sentences and must pass the same faithfulness gate
against them. Any failure — network, format, a single gated sentence — falls
back to the extractive brief, and the reason is recorded.
"""

from __future__ import annotations

import re

from ..llm import LLMConfig, LLMError, chat
from ..models import Article, BriefSentence
from .gate import check

PROMPT = (
    "Rewrite these numbered sentences from news reports into a short, neutral, fluent account. "
    "Use only facts stated in the sentences; never add numbers, dates or names. Keep who said what. "
    "Answer with one sentence per line, each ending with the numbers of the sentences it uses in brackets, "
    "like: Fighting broke out overnight. [1, 2]"
)
_LINE = re.compile(r"^\s*(?:[-*•]\s*)?(?P<text>.+?)\s*\[(?P<refs>\d+(?:\s*,\s*\d+)*)\]\s*$")

RewriteConfig = LLMConfig  # the name this module has always used for the endpoint


class RewriteFailed(Exception):
    """The rewrite cannot be used; the extractive brief stands."""


def _ask(config: RewriteConfig, sentences: list[BriefSentence]) -> str:
    numbered = "\n".join(f"{n}. {s.text}" for n, s in enumerate(sentences, start=1))
    try:
        return chat(config, PROMPT, numbered)
    except LLMError as exc:
        raise RewriteFailed(str(exc)) from exc


def parse(answer: str, sentences: list[BriefSentence]) -> list[BriefSentence]:
    """Rewritten sentences with citations taken from the extractive sentences they name."""
    out = []
    for line in answer.splitlines():
        if not line.strip():
            continue
        m = _LINE.match(line)
        if not m:
            raise RewriteFailed(f"a line without sentence numbers: {line[:60]!r}")
        refs = [int(x) for x in re.findall(r"\d+", m.group("refs"))]
        if not refs or any(not 1 <= r <= len(sentences) for r in refs):
            raise RewriteFailed(f"a line cites sentences that do not exist: {refs}")
        citations = list(dict.fromkeys(c for r in refs for c in sentences[r - 1].citations))
        out.append(BriefSentence(m.group("text").strip(), citations))
    if not out:
        raise RewriteFailed("empty answer")
    return out


def rewrite(sentences: list[BriefSentence], articles: dict[str, Article],
            config: RewriteConfig) -> tuple[list[BriefSentence], str | None]:
    """``(brief, None)`` when the rewrite passed the gate, else ``(sentences, reason)``."""
    if not sentences:
        return sentences, None
    try:
        rewritten = parse(_ask(config, sentences), sentences)
        for s in rewritten:
            sources = [articles[c].title + "\n" + articles[c].text for c in s.citations if c in articles]
            result = check(s.text, sources)
            if not result.passed:
                raise RewriteFailed(f"unsupported in rewrite: {', '.join(result.unsupported[:3])}")
    except RewriteFailed as exc:
        return sentences, str(exc)
    return rewritten, None
