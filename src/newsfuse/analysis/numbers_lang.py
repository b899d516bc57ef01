"""Numbers in French and Spanish text: digits and number words, with their hedges.

Number words are read by ``text2num`` (which knows fr, es, pt, de, it, nl); digits may
group thousands with a space or a dot ("3 000", "3.000"), as both languages write them.
A year, a time ("22h05"), a day of a month ("13 septembre") or an amount followed by a unit
("45 ans") is no count. The singular article ("un", "une", "uno", "una") is read as one
only before a casualty word ("un mort"): otherwise it is the article.
"""

from __future__ import annotations

import re

from text_to_num import text2num

from ..models import NumberMention
from .languages import CASUALTY_KINDS, lexicon

_DIGITS = re.compile(r"(?<![\w.,:/])(\d{1,3}(?:(?:[ \u00a0\u202f]|\.)\d{3})+|\d+)(?:,\d+)?(?![\w]|[.:/]\d)")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ARTICLES = {"un", "une", "uno", "una"}
_CONNECTORS = {"et", "y"}
_MAX_WORDS = 6


def find_numbers_lang(text: str, lang: str) -> list[NumberMention]:
    """Every count in ``text`` (a French or Spanish text), in text order."""
    lex = lexicon(lang)
    found = _digit_numbers(text, lex) + _word_numbers(text, lang, lex)
    found += _vague_numbers(text, lex, found)
    found.sort(key=lambda m: m.start)
    return [_hedged(text, m, lex) for m in found]


def _digit_numbers(text: str, lex) -> list[NumberMention]:
    months = lex.pattern("month")
    units = lex.pattern("unit")
    out = []
    for m in _DIGITS.finditer(text):
        digits = re.sub(r"[ \u00a0\u202f.]", "", m.group(1))
        value = float(digits)
        after = text[m.end():m.end() + 25]
        if len(m.group(1)) == 4 and 1900 <= value <= 2100:
            continue  # a year
        date_word = re.sub(r"^\s*(?:de\s+|er\s+)?", "", after)  # "5 de mayo", "1er mai"
        if re.match(r"\s*h\s*\d", after) or months.match(date_word) or units.match(after.lstrip()):
            continue  # a time, a day of a month, an amount
        if months.search(text[max(0, m.start() - 12):m.start()]):
            continue  # "septembre 13"
        out.append(NumberMention(m.start(), m.end(), m.group(), value))
    return out


def _word_numbers(text: str, lang: str, lex) -> list[NumberMention]:
    casualty = lex.pattern(*CASUALTY_KINDS)
    units = lex.pattern("unit")
    words = list(_WORD.finditer(text))
    out, i = [], 0
    while i < len(words):
        best = None
        for j in range(i, min(i + _MAX_WORDS, len(words))):
            if j > i and text[words[j - 1].end():words[j].start()].strip():
                break  # words of one number are only spaced apart
            phrase = text[words[i].start():words[j].end()].lower()
            if words[j].group().lower() in _CONNECTORS:
                continue
            try:
                best = (j, float(text2num(phrase, lang)))
            except (ValueError, TypeError):
                if j == i:
                    break
        if best is None:
            i += 1
            continue
        j, value = best
        start, end = words[i].start(), words[j].end()
        after = text[end:end + 30].lstrip()
        single_article = i == j and words[i].group().lower() in _ARTICLES
        if (not single_article or casualty.match(after)) and not units.match(after):
            out.append(NumberMention(start, end, text[start:end], value))
        i = j + 1
    return out


def _vague_numbers(text: str, lex, found: list[NumberMention]) -> list[NumberMention]:
    taken = [(m.start, m.end) for m in found]
    out = []
    for m in lex.pattern("vague").finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        floor = float(lex.of("vague")[re.sub(r"\s+", " ", m.group().lower())])
        out.append(NumberMention(m.start(), m.end(), m.group(), None, "vague", floor, None))
    return out


def _hedged(text: str, m: NumberMention, lex) -> NumberMention:
    """The hedge right before a number ("au moins 12", "más de 30") becomes its qualifier."""
    if m.qualifier != "exact":
        return m
    before = text[max(0, m.start - 30):m.start]
    for hit in lex.pattern("hedge").finditer(before):
        if not before[hit.end():].strip():
            qual = lex.of("hedge")[re.sub(r"\s+", " ", hit.group().lower())]
            m.start, m.text, m.qualifier = m.start - len(before) + hit.start(), text[
                m.start - len(before) + hit.start():m.end], qual
            if qual in ("at_least", "more_than"):
                m.low = m.value
            elif qual in ("at_most", "fewer_than"):
                m.high = m.value
    return m
