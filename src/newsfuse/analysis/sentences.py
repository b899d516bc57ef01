"""Sentence spans over the cleaned text (syntok: rule-based, keeps exact offsets)."""

from __future__ import annotations

import re

from ..models import Span

_LINE = re.compile(r"[^\n]+")


def split_sentences(text: str) -> list[Span]:
    """Every sentence as a span; a line break always ends a sentence (headings stay apart)."""
    from syntok import segmenter

    spans: list[Span] = []
    for line in _LINE.finditer(text):
        block = line.group()
        if not block.strip():
            continue
        base = line.start()
        for paragraph in segmenter.analyze(block):
            for sentence in paragraph:
                tokens = list(sentence)
                if not tokens:
                    continue
                start = base + tokens[0].offset
                end = base + tokens[-1].offset + len(tokens[-1].value)
                spans.append(Span(start, end, text[start:end], "SENT"))
    return spans
