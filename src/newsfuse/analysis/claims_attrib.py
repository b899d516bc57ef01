"""Who states a casualty figure: attributions ("X said", "according to X") in a sentence.

Split out of :mod:`newsfuse.analysis.claims`; see its docstring for the rules.
"""

from __future__ import annotations

import re

from ..models import Article, Span
from .claims_vocab import KW_RE as _KW_RE

_PARTICIPLE_ATTR = {"saying", "adding", "claiming", "reporting", "announcing", "confirming"}
_ATTR_VERB = re.compile(r"\b(?:saying|adding|claiming|reporting|announcing|confirming|said|says|say|told|tells|announced|announces|reported|reports|confirmed|"
                        r"confirms|stated|states|claimed|claims|admits|admitted|added|adds|noted|"
                        r"declared|acknowledged|insisted)\b")
_ACCORDING = re.compile(r"\b(?:according to|citing|cited by)\s+(?P<who>[^,.;:“”\"]+)", re.I)
PRONOUN = {"it", "he", "she", "they", "we", "the ministry", "the statement", "the report"}


def attributions(article: Article, s: Span) -> list[tuple[int, str]]:
    """(position, claimant) for each attribution in sentence ``s``."""
    text, out = article.text, []
    for m in _ACCORDING.finditer(text, s.start, s.end):
        out.append((m.start(), m.group("who").strip()))
    for v in _ATTR_VERB.finditer(text, s.start, s.end):
        head = text[s.start:v.start()]
        if re.search(r"\b(?:were|was|been|being|is|are)\s+$", head) or _KW_RE.match(text, v.end() + 1):
            continue  # "were reported killed": not an attribution
        if v.group() in ("claimed", "claims") and re.match(
                r"\s+(?:an?\s+estimated|the lives|\d|about|some|at least|more than|over|[\w\-]+ lives)",
                text[v.end():]):
            continue  # "the war claimed 30,000 lives"
        if v.group() in _PARTICIPLE_ATTR:
            lead = re.match(r"\s*((?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)", head)
            if lead:
                out.append((v.start(), lead.group(1)))
            continue
        cut = max(head.rfind(x) for x in (", while ", " while ", " but ", "; ", "“", "\"", " and ", ": "))
        subj = head[cut + 1:] if cut >= 0 else head
        subj = re.sub(r"^\s*(?:while|but|and|“|\"|:)\s+", "", subj)
        subj = re.sub(r"\s+(?:on|late|early|last)\s+\w+(?:\s+\w+)?\s*$", "", subj.strip(" ,"))
        subj = re.sub(r"\s+(?:has|have|had|also|later|then|earlier|previously)\s*$", "", subj)
        appos = re.search(r"((?:[Tt]he|[Ii]ts|[Hh]is)\s+\w+(?:\s+\w+){0,2},\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*,?)$", subj)
        if appos:
            who = appos.group(1).rstrip(",")
        else:
            parts = re.split(r",\s*", subj)
            who = parts[-1] if parts else ""
            who = re.sub(r"^.*\b(?:that|which)\s+", "", who)
        who = " ".join(who.split()[-8:]).strip()
        if re.search(r"\d", who):
            continue
        if not who or not re.search(r"[A-Za-z]", who) or who.lower() in ("i",):
            tail = re.match(r"\s*([A-Z][\w.\-’']*(?:\s+(?:[A-Z][\w.\-’']*|of|the|for))*)", text[v.end():s.end])
            if not tail:
                continue
            who = tail.group(1)
        out.append((v.start(), who))
    return sorted(out)


_SPEAKER_NOUN = re.compile(
    r"\b(?:ministry|ministries|government|officials?|police|army|military|forces|spokes(?:man|woman|person)|"
    r"governor|president|minister|authorities|commander|sources?|witnesses|residents|organi[sz]ers|agency|"
    r"office|service|committee|council|mayor|chief|statement|report|media|doctors|hospital|group)\b", re.I)


def _is_speaker(who: str) -> bool:
    """A claimant names someone: a proper name or a speaking body, not "for their part"."""
    return bool(re.search(r"[A-Z]", who) or _SPEAKER_NOUN.search(who) or who.lower() in PRONOUN)


def claimant(article: Article, s: Span, pos: int, last: str | None) -> str | None:
    atts = [a for a in attributions(article, s) if _is_speaker(a[1])]
    if not atts:
        return None
    before = [a for a in atts if a[0] <= pos]
    who = before[-1][1] if before else atts[0][1]
    if who.lower() in PRONOUN or who.lower().split()[0] in ("it", "he", "she", "they"):
        return last or who
    return who
