"""Where something happened and where it was only named: the role of a place mention.

A place is where the event happened when its sentence tells of something happening (an
event word); it is only mentioned where officials spoke or were based ("the ministry in
Kyiv said"). A national capital is usually where governments speak, so it needs the event
word right before it ("shelling of Kyiv").
"""

from __future__ import annotations

import bisect
import re

from ..models import Article
from .languages import ENGLISH, language_of, lexicon

EVENT_RE = re.compile(r"\b(?:shell(?:ed|ing|s)?|fight(?:ing|s)?|fought|attack(?:ed|s|ing)?|kill(?:ed|ing|s)?|clash(?:ed|es)?|"
                      r"bombard\w*|artillery|shells|gunfire|firing|protest(?:ed|s|ers)?|flood(?:ed|s|ing)?|strikes?|struck|bomb(?:ed|ing|ings|s)?|explosions?|"
                      r"blasts?|fire[ds]?|shot|shooting|died|dead|deaths?|wounded|injur(?:ed|ies|y)|battles?|offensive|"
                      r"raids?|air ?strikes?|missiles?|drones?|rockets?|destroy(?:ed|s)?|damag(?:ed|e)|evacuat\w*|"
                      r"earthquake|quake|storm|hurricane|crash(?:ed)?|collaps\w*|captur(?:ed|e)|seiz(?:ed|e)|"
                      r"hostilities|ceasefire violations?|casualt(?:y|ies)|victims?|arrest(?:ed|s)?|rall(?:y|ies)|"
                      r"occurred|happened|took place|erupted|broke out|outbreak|wildfires?|landslides?|accident|"
                      r"murder(?:ed|s)?|homicides?|stabb(?:ed|ing)|slain|gunm[ae]n|robb(?:ed|ery)|detained)\b", re.I)
MENTION_BEFORE_RE = re.compile(r"\b(?:ministry|government|officials?|authorities|spokes(?:wo)?(?:man|person)|statement|"
                               r"reporters|journalists|press conference|told|said|says|announced|leaders?|talks|summit|"
                               r"embassy|envoys?|diplomats?|meeting|visit(?:ed|ing)?|based|headquartered)"
                               r"[\w\s,’']{0,25}\b(?:in|from|at)\s+(?:the\s+)?$", re.I)
_TARGET_PREP = re.compile(r"\b(?:on|of|in|near|at|against|toward|towards|into|outside)\s+(?:the\s+)?$", re.I)


class SentenceEvents:
    """Whether each sentence tells of something happening, found once per sentence (a
    sentence naming a thousand places is searched once, not a thousand times)."""

    def __init__(self, article: Article) -> None:
        self.text = article.text
        self.sentences = article.sentences
        self.starts = [x.start for x in article.sentences]
        self.cache: dict[tuple[int, int], bool] = {}
        lang = language_of(article)  # another language's event words (data/lang/xx.tsv)
        self.pattern = EVENT_RE if lang == ENGLISH else lexicon(lang).pattern("event")

    def around(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        sent = self.sentences[i] if i >= 0 and start < self.sentences[i].end else None
        span = (sent.start, sent.end) if sent else (max(0, start - 200), min(len(self.text), end + 200))
        if span not in self.cache:
            self.cache[span] = self.pattern.search(self.text, *span) is not None
        return self.cache[span]


def place_role(article: Article, start: int, end: int, capital: bool = False,
          events: SentenceEvents | None = None) -> str:
    """"event" when the sentence tells of something happening there; "mentioned" where
    officials speak from ("the ministry in Kyiv said"), and for a national capital, which
    needs the event word right before it ("shelling of Kyiv", "strikes on Kyiv"); "named"
    when the sentence tells of nothing happening (a place merely named: an event with no
    place of its own may still be there, :mod:`newsfuse.event_places`)."""
    text = article.text
    if MENTION_BEFORE_RE.search(text[max(0, start - 60):start]):
        return "mentioned"
    if capital:
        before = text[max(0, start - 40):start]
        return "event" if EVENT_RE.search(before) and _TARGET_PREP.search(before) else "mentioned"
    return "event" if (events or SentenceEvents(article)).around(start, end) else "named"


