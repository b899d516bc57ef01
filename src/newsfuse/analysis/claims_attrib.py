"""Who states a casualty figure: attributions ("X said", "according to X") in a sentence.

Split out of :mod:`newsfuse.analysis.claims`; see its docstring for the rules.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..models import Article, Claim, Span
from . import claims_index as index
from .claims_vocab import KW_RE as _KW_RE, country_of

_PARTICIPLE_ATTR = {"saying", "adding", "claiming", "reporting", "announcing", "confirming"}
_ATTR_VERB = re.compile(r"\b(?:saying|adding|claiming|reporting|announcing|confirming|said|says|say|told|tells|announced|announces|reported|reports|confirmed|"
                        r"confirms|stated|states|claimed|claims|admits|admitted|added|adds|noted|"
                        r"declared|acknowledged|insisted)\b")
_ACCORDING = re.compile(r"\b(?:according to|citing|cited by)\s+(?P<who>[^,.;:“”\"]+)", re.I)
PRONOUN = {"it", "he", "she", "they", "we", "the ministry", "the statement", "the report"}


_PASSIVE_END = re.compile(r"\b(?:were|was|been|being|is|are)\Z")
_CLAIMED_TOLL = re.compile(r"\s+(?:an?\s+estimated|the lives|\d|about|some|at least|more than|over|[\w\-]+ lives)")
_LEAD = re.compile(r"\s*((?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)")
_TAIL = re.compile(r"\s*([A-Z][\w.\-’']*(?:\s+(?:[A-Z][\w.\-’']*|of|the|for))*)")
_CUTS = (", while ", " while ", " but ", "; ", "“", "\"", " and ", ": ")
#: Where a claimant's name has ended: a figure, or a clause of its own.
_FIGURE_STARTS = re.compile(r"\s+(?=\d|(?:more|fewer|less) than\b|at least\b|about\b|nearly\b|almost\b|"
                            r"up to\b|some\s+\d|that\b|who\b|which\b)", re.I)
#: Auxiliaries and adverbs between a speaker and its verb ("had initially", "has also now").
_AUXILIARY_TAIL = re.compile(r"(?:\s+(?:has|have|had|also|later|then|earlier|previously|now|again|already|"
                             r"first|since|further|initially|originally|officially|separately|publicly|"
                             r"subsequently|repeatedly|reportedly|recently|finally|immediately|formally|"
                             r"jointly|briefly|privately|quickly|only))+\s*$")
#: How far before its verb an attribution's subject is read. A speaker is named next to the
#: verb; reading back to the sentence's start for every verb made long lists quadratic.
LOOKBACK = 400


def attributions(article: Article, s: Span) -> list[tuple[int, str]]:
    """(position, claimant) for each attribution in sentence ``s``."""
    text, out = article.text, []
    for m in _ACCORDING.finditer(text, s.start, s.end):
        who = _FIGURE_STARTS.split(m.group("who"), 1)[0].strip()  # "according to data more than 50 ..."
        if who:  # "according to  ," names no one
            out.append((m.start(), who))
    for v in _ATTR_VERB.finditer(text, s.start, s.end):
        if index.ends_with_word(_PASSIVE_END, text, s.start, v.start(), 5) or _KW_RE.match(text, v.end() + 1):
            continue  # "were reported killed": not an attribution
        if v.group() in ("claimed", "claims") and _CLAIMED_TOLL.match(text, v.end()):
            continue  # "the war claimed 30,000 lives"
        if v.group() in _PARTICIPLE_ATTR:
            lead = _LEAD.match(text, s.start, v.start())
            if lead:
                out.append((v.start(), lead.group(1)))
            continue
        lo = max(s.start, v.start() - LOOKBACK)
        cut = max(text.rfind(x, lo, v.start()) for x in _CUTS)
        subj = text[cut + 1 if cut >= 0 else lo:v.start()]
        subj = re.sub(r"^\s*(?:while|but|and|“|\"|:)\s+", "", subj)
        subj = re.sub(r"\s+(?:on|late|early|last)\s+\w+(?:\s+\w+)?\s*$", "", subj.strip(" ,"))
        subj = _AUXILIARY_TAIL.sub("", subj)  # "the ministry had initially (said)"
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
            tail = _TAIL.match(text, v.end(), s.end)
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


class SentenceAttributions:
    """The attributions of one sentence, read once and asked for each of its figures."""

    def __init__(self, article: Article, s: Span):
        self.all = attributions(article, s)
        self.speakers = [a for a in self.all if _is_speaker(a[1])]
        self.positions = [p for p, _ in self.speakers]

    def claimant(self, pos: int, last: str | None) -> str | None:
        """The speaker of a figure at ``pos``: the nearest attribution before it, else the first after."""
        if not self.speakers:
            return None
        k = bisect_right(self.positions, pos)
        who = self.speakers[k - 1][1] if k else self.speakers[0][1]
        if who.lower() in PRONOUN or who.lower().split()[0] in ("it", "he", "she", "they"):
            return last or who
        return who


def claimant(article: Article, s: Span, pos: int, last: str | None) -> str | None:
    return SentenceAttributions(article, s).claimant(pos, last)


POSSESSIVE = re.compile(r"^(?:its|their)\s+", re.I)


def owner_before(article: Article, pos: int, starts: list[int] | None = None) -> tuple[str, str] | None:
    """The country a sentence-initial "its"/"their" points back to: the first one named
    in the sentence before (the subject, in news prose), else earlier in its own.
    ``starts``: the sentences' starts when they are in order (found by bisection)."""
    if starts is not None:
        k = bisect_right(starts, pos)
        sentences = article.sentences[max(0, k - 2):k]
    else:
        sentences = [s for s in article.sentences if s.start <= pos]
    if not sentences:
        return None
    own = sentences[-1]
    previous = sentences[-2].text if len(sentences) > 1 else ""
    return country_of(previous) or country_of(article.text[own.start:pos])


_OWN_TOLL = re.compile(
    r"(?P<subj>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)\s+(?:has\s+|had\s+)?(?:raised|revised|put|updated|increased|"
    r"lowered|gave)\s+(?:its|their)\s+(?P<adj>military\s+|army\s+|civilian\s+)?(?:death\s+)?toll")


_OWN_TOLL_VERB = re.compile(r"(?:raised|revised|put|updated|increased|lowered|gave)\s+(?:its|their)\s+"
                            r"(?:military\s+|army\s+|civilian\s+)?(?:death\s+)?toll")


def own_toll_match(quote: str) -> re.Match[str] | None:
    """_OWN_TOLL in ``quote``; its verb is looked for first (the subject part is slow on long runs of capitals)."""
    return _OWN_TOLL.search(quote) if _OWN_TOLL_VERB.search(quote) else None


def own_toll(claim: Claim, m: re.Match[str] | None) -> None:
    """"Kyrgyzstan raised its military death toll to 27": the figure counts the subject's own dead
    (``m``: :func:`own_toll_match` of the claim's quote)."""
    found = country_of(m.group("subj")) if m else None
    if not found:
        return
    iso, demonym = found
    noun = {"military": "soldiers", "army": "soldiers", "civilian": "civilians"}.get((m.group("adj") or "").strip(), "people")
    claim.whose, claim.side = f"{demonym} {noun}", iso
    claim.claimant = claim.claimant or m.group("subj")
