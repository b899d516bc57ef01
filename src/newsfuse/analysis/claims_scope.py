"""Scope and place of a casualty figure: background cues (earlier wars, past dates, counts over
several incidents such as a weekend's shootings) and regional sub-totals.

Split out of :mod:`newsfuse.analysis.claims`; see its docstring for the rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

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


_AGGREGATE = re.compile(  # a count over several incidents is no one incident's count
    r"\b(?:separate|unrelated|different|several|multiple|other|two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"\s+(?:incidents|shootings|attacks|crashes|cases)\b|"
    r"\b(?:shootings|incidents|violence|gunfire)\s+(?:across|around|throughout|in)\s+(?:the\s+)?(?:city|state|country|"
    r"region|area|district|county)\b|"
    r"\bweekend\s+(?:gunfire|violence|shootings)\b|\b(?:in|from)\s+(?:[\w'’\-]+\s+){0,3}?shootings\b|"
    r"\bshootings\s+(?:since|this|over|during|kill|killed|kills|leave|left|leaves|wound|wounded)\b|"
    r"\b(?:series|spate|string|wave|rash|spree)\s+of\s+(?:[\w'’\-]+\s+)?(?:shootings|attacks|killings)\b|"
    r"\bsuch\s+(?:shootings|attacks|incidents)\b|"
    r"\b(?:in|over|during)\s+(?:the\s+)?(?:past\s+|last\s+)?[\w\-]+\s+(?:years|months)\b|"
    # a roundup of a stretch of time: "three hurt on a violent weekend", "nine wounded within 12 hours"
    r"\b(?:violent|bloody|deadly|busy)\s+(?:night|weekend|day|week|holiday|stretch|start|24|48)\b|"
    r"\b(?:in|within|over|during)\s+(?:the\s+)?(?:past\s+|last\s+|first\s+)?(?:\d+|[a-z]+)[- ]hours?"
    r"(?:\s+(?:span|period|stretch))?\b(?!\s+(?:of|after|before|later)\b)", re.I)


# A link to another story on the page ("Related: Two hurt in ...", "READ MORE: ..."): not this incident's figure.
_LINK = re.compile(r"^\W{0,3}(?:related(?:\s+(?:stories|story|coverage|content))?|read\s+more|see\s+also|also\s+read|"
                   r"recommended|trending)\s*[:|»>]", re.I)


def scope(article: Article, s: Span, m: NumberMention) -> str:
    sent = _SUPERLATIVE_SINCE.sub(" ", article.text[s.start:s.end])
    if _LINK.match(sent) or _BACKGROUND.search(sent) or _AGGREGATE.search(sent):
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


_IN_THE = re.compile(r"\bin\s+(?:the\s+)?\Z")
_AREA = re.compile(r"(?=in\s+(?:his|her|their|its)\s+(?:area|region|province|district|city|town)\b)")
_HEAD_OF = re.compile(r"\b(?:governor|mayor|head|chief|administrator)\s+of\s+(?:the\s+)?"
                      r"([A-Z][\w\-’']+(?:\s+[A-Z][\w\-’']+)*)")


def regional(article: Article, s: Span, m: NumberMention, sents: list[Span], idx: int) -> str | None:
    """The place a figure is a sub-total of ("12 killed in Batken Region"), or None."""
    return Regions(article, sents).of(idx, m)


class Regions:
    """:func:`regional` for every figure of an article, with what a sentence gives worked out once."""

    def __init__(self, article: Article, sents: list[Span]):
        self.article, self.sents = article, sents
        places = [(e.start, i, e) for i, e in enumerate(article.entities) if e.label in _PLACE_LABELS]
        places.sort(key=lambda p: (p[0], p[1]))
        self.place_starts = [p[0] for p in places]
        self.places = places
        self._cache: dict[int, tuple] = {}

    def _sentence(self, idx: int) -> tuple:
        if idx in self._cache:
            return self._cache[idx]
        text, s = self.article.text, self.sents[idx]
        lo, hi = bisect_left(self.place_starts, s.start), bisect_left(self.place_starts, s.end + 1)
        # "in (the) <place>" that is not a country, in start order; the first in entity order wins
        named = [(start, i, e) for start, i, e in self.places[lo:hi]
                 if e.end <= s.end and _IN_THE.search(text[max(s.start, start - 12):start])
                 and not country_of(e.text)]
        first: list[tuple[int, Span]] = []  # suffix minima of the entity order
        for start, i, e in reversed(named):
            first.append((i, e) if not first or i < first[-1][0] else first[-1])
        first.reverse()
        area = [p.start() for p in _AREA.finditer(text, s.start, s.end)]
        bounded = [p for p in area if p == 0 or not (text[p - 1].isalnum() or text[p - 1] == "_")]
        self._cache[idx] = ([n[0] for n in named], first, set(area), bounded, None)
        return self._cache[idx]

    def _head_of(self, idx: int) -> str | None:
        """The place of the governor, mayor... named in this or the four sentences before."""
        text = self.article.text
        for prev in reversed(self.sents[max(0, idx - 4):idx + 1]):
            g = _HEAD_OF.search(text[prev.start:prev.end])
            if g:
                return g.group(1)
        return None

    def of(self, idx: int, m: NumberMention) -> str | None:
        starts, first, area, bounded, _ = self._sentence(idx)
        k = bisect_right(starts, m.end)
        if k < len(first):
            return first[k][1].text
        # "in their area" after the figure: \b as in the text after the figure (its start counts as one)
        if m.end in area or (bounded and bounded[-1] >= m.end):
            key = ("head", idx)
            if key not in self._cache:
                self._cache[key] = self._head_of(idx)  # type: ignore[index]
            return self._cache[key]  # type: ignore[index]
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