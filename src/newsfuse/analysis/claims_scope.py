"""Scope and place of a casualty figure: background cues (earlier wars, past dates) and regional sub-totals.

Split out of :mod:`newsfuse.analysis.claims`; see its docstring for the rules.
"""

from __future__ import annotations

import re

from ..models import Article, NumberMention, Span
from .claims_vocab import country_of

_SUPERLATIVE_SINCE = re.compile(r"\b(?:worst|deadliest|heaviest|biggest|largest|bloodiest|most \w+|"
                                r"first|major)\b[^.;]*?\bsince\b[^,.;]*", re.I)
_BACKGROUND = re.compile(
    r"\bso far\b|\bto date\b|\bthis (?:month|year|week) alone\b|\b(?:have|has) been \w+[^.;]{0,60}\bthis "
    r"(?:month|year)\b|\bsince (?:(?:19|20)\d\d|the (?:start|beginning|outbreak)|then)\b|"
    r"\blast (?:week|month|year|summer|spring|autumn|fall|winter)\b|\b(?:years?|months?|weeks?|decades?)"
    r" ago\b|\bearlier this (?:year|month)\b|\bin (?:the )?(?:past|previous|earlier)\b|\bprevious "
    r"(?:war|conflict|clashes|fighting)\b|\bcumulative\b|\bin total since\b|\bover the (?:past|last)\b|"
    r"\b(?:in|during) the (?:19|20)\d\d\b|\b(?:19|20)\d\d (?:war|conflict|fighting|clashes)\b|"
    r"\bfall of (?:19|20)\d\d\b|\bduring the (?:\w+[- ])*(?:war|conflict)\b|"
    r"\b(?:ensuing|earlier|previous|first|last) (?:war|conflict)\b|"
    r"\bwar\b[^.;]{0,40}?\b(?:which|that)\s+(?:killed|left|claimed)\b", re.I)
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def scope(article: Article, s: Span, m: NumberMention) -> str:
    sent = _SUPERLATIVE_SINCE.sub(" ", article.text[s.start:s.end])
    if _BACKGROUND.search(sent):
        return "background"
    pub = article.published or ""
    year = pub[:4]
    for y in re.findall(r"\b(?:19|20)\d\d\b", sent):
        if not year or y < year:
            return "background"
    month = int(pub[5:7]) if re.match(r"\d{4}-\d\d", pub) else None
    lead = re.match(r"\s*(?:In|On|Back in|Earlier in)\s+(" + "|".join(m.capitalize() for m in _MONTHS) + r")\b", sent)
    if lead and (month is None or _MONTHS.index(lead.group(1).lower()) + 1 != month):
        return "background"
    if re.search(r"\b[Ss]ince\s+(?:early\s+|late\s+|mid-)?(?:" + "|".join(m.capitalize() for m in _MONTHS)
                 + r")\b", sent):
        return "background"  # "Since June, forces have captured more than 125": a cumulative count
    return "event"


def regional(article: Article, s: Span, m: NumberMention, sents: list[Span], idx: int) -> str | None:
    text = article.text
    for e in article.entities:
        if e.label in _PLACE_LABELS and s.start <= e.start and e.end <= s.end and e.start > m.end:
            pre = text[max(s.start, e.start - 12):e.start]
            if re.search(r"\bin\s+(?:the\s+)?$", pre) and not country_of(e.text):
                return e.text
    if re.search(r"\bin\s+(?:his|her|their|its)\s+(?:area|region|province|district|city|town)\b",
                 text[m.end:s.end]):
        for prev in reversed(sents[max(0, idx - 4):idx + 1]):
            g = re.search(r"\b(?:governor|mayor|head|chief|administrator)\s+of\s+(?:the\s+)?"
                          r"([A-Z][\w\-’']+(?:\s+[A-Z][\w\-’']+)*)", text[prev.start:prev.end])
            if g:
                return g.group(1)
    return None


_RELEASE_HEAD = re.compile(r"\b\d{4}-\d{1,2}-[A-Z]{1,2}-\d{3}\b|For Immediate Release|\n-{3,}|\bUPDATE\b|"
                           r"\b[A-Z]{4,}(?:[ ,]+[A-Z]{3,})*,\s+[A-Z][a-z]+\s+\((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2})")


def second_release(text: str) -> int | None:
    """Where a second, appended release starts (a new release number, dateline or "UPDATE:" header block
    well after the first one), or None. Its figures belong to another report: background here."""
    heads = [m.start() for m in _RELEASE_HEAD.finditer(text)]
    last = None
    for p in heads:
        if last is not None and p - last >= 400 and len(text) - p > 150:
            return p
        last = p
    return None