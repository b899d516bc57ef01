"""People counted without a numeral: the extra mentions :mod:`newsfuse.analysis.claims` links.

A press release often counts people with words, not digits:

* **indefinite singulars**: "captured a Taliban leader", "an Islamic Movement of
  Uzbekistan (IMU) facilitator", "another militant", "his deputy" in a list
  -> 1 each;
* **"both"**: "Both men were detained" -> 2;
* **named people**: "killed Taliban leader, Mahjur," / "the death of Mullah X"
  -> 1;
* **definite singulars**: "killing him", "the insurgent was killed" -> 1, but
  only while nothing of that category was counted before in the article: a
  definite phrase points back at someone already introduced ("one insurgent
  ... killing him"), so it is a new figure only when the earlier mention made
  no claim ("a male fired at the patrol ... killing him").

Each finder returns :class:`~newsfuse.models.NumberMention` objects whose
``text`` is the determiner ("a", "both", "him") or the name, so the
linking code in ``claims.py`` treats them like numbers.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..models import NumberMention
from .claims_index import Taken

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """Lines of ``data/<name>`` (comments and blanks dropped), longest first."""
    words = [w.strip() for w in (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
             if w.strip() and not w.startswith("#")]
    return tuple(sorted(words, key=len, reverse=True))


def _alt(name: str) -> str:
    return "|".join(re.escape(w) for w in word_list(name))


PERSON_SING = _alt("claims_person_nouns.txt") + r"|\d{1,3}-year-old(?!-)"  # "a 17-year-old was shot"
PERSON_WORDS = frozenset(w.split()[-1].lower() for w in word_list("claims_person_nouns.txt")) | {
    "men", "people", "males", "individuals"}
HONORIFICS = _alt("claims_honorifics.txt")
_MOD = (r"(?:(?!(?:an?|another|the|and|or|who|which|that|with|in|on|at|for|by|from|to|of|his|her|their|its)\b)"
        r"[\w'’\-]+|of(?=\s+[A-Z])|\([A-Z]{2,6}\))")
INDEF_RE = re.compile(rf"\b(?P<det>an?|another|his|her|their)\s+(?P<mods>(?:{_MOD}\s+){{0,7}}?)"
                      rf"(?P<noun>(?:{PERSON_SING}))\b(?!['’]s|-)", re.I)
BLOCK_MOD = re.compile(r"\b(?:and|or|of|the|who|which|that|with|in|on|at|for|by|from|to)\b", re.I)
_NAME_OF = re.compile(r"\b[A-Z][\w'’\-]*\s+of\s+(?:the\s+)?[A-Z]")  # "Movement of Uzbekistan": part of a name


def _mods_ok(mods: str) -> bool:
    if len(mods.split()) > 4 and not re.search(r"[A-Z(]", mods):
        return False  # long lower-case runs are clauses, not modifiers
    return not BLOCK_MOD.search(_NAME_OF.sub("X", mods))


def _one(text: str, s: int, e: int, value: float = 1.0) -> NumberMention:
    return NumberMention(s, e, text[s:e], value, "exact", value, value)


def indefinite_mentions(text: str, start: int, end: int, taken: list[NumberMention]) -> list[NumberMention]:
    """Singular "a/an/another X" person noun phrases as counts of 1.

    A possessive ("his deputy") counts only as a list member after another
    person ("a commander, his deputy and ..."), never on its own.
    """
    out = []
    index = Taken(taken)
    for m in INDEF_RE.finditer(text, start, end):
        if not _mods_ok(m.group("mods")):
            continue
        det = m.group("det").lower()
        if det in ("his", "her", "their") and not re.search(r"(?:,|\band)\s*$", text[max(start, m.start() - 4):m.start()]):
            continue
        s, e = m.start(), m.end("det")
        if index.overlaps(s, m.end()) or any(n.text[:1].isupper() for n in index.ending_before_comma(text, s)):
            continue  # "Mullah X, a Taliban leader": an apposition, not a second person
        out.append(_one(text, s, e))
    return out


PLURAL_PEOPLE = r"(?:men|males|insurgents|militants|suspects|fighters|individuals|detainees|facilitators|" \
                 r"leaders|commanders|brothers|occupants|attackers|gunmen)"
_BOTH = re.compile(rf"\b[Bb]oth\s+(?:of\s+)?(?:the\s+|these\s+|those\s+)?(?:[\w\-]+\s+){{0,2}}?{PLURAL_PEOPLE}\b")


def both_mentions(text: str, start: int, end: int, taken: list[NumberMention]) -> list[NumberMention]:
    """"Both men", "both of the suspects" -> 2."""
    out = []
    index = Taken(taken)
    for m in _BOTH.finditer(text, start, end):
        if not index.overlaps(m.start(), m.end()):
            out.append(_one(text, m.start(), m.start() + 4, 2.0))
    return out


_NAME = r"[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){0,3}"
_TITLE_NP = rf"(?:(?:[\w'’\-]+\s+){{0,4}}?(?:{PERSON_SING}),\s+)"
_NAMED = re.compile(
    rf"\b(?P<kw>killed|killing|captured|capturing|detained|detaining|arrested|arresting|"
    rf"(?:the\s+)?(?:death|capture|arrest|detention)\s+of)\s+"
    rf"(?P<who>{_TITLE_NP}{_NAME}|(?:{HONORIFICS})\s+{_NAME})(?=\s*[,.;]|\s+(?:along|and|as|during|in|on|who|was))")


_NAMED_SUBJECT = re.compile(  # "Sangari, an insurgent leader, was killed"
    rf"(?P<who>(?:(?:{HONORIFICS})\s+)?{_NAME}),\s+(?:an?|the)\s+(?:[\w'’\-]+\s+){{0,4}}?(?:{PERSON_SING})\b"
    r"[^,.;]{0,60},\s+(?:was|had been|has been)\s+(?:\w+\s+)?(?:killed|captured|detained|arrested)\b")


def named_mentions(text: str, start: int, end: int, taken: list[NumberMention]) -> list[NumberMention]:
    """A named person right after a casualty verb or noun, or named with an apposition as the subject of one:
    1 (the name is the mention's text)."""
    out = []
    index = Taken(taken)
    for m in _NAMED_SUBJECT.finditer(text, start, end):
        if re.match(r"(?:The|A|An|This|That|He|She|They|It)\b", m.group("who")):
            continue
        if not index.overlaps(m.start("who"), m.end("who")):
            out.append(_one(text, m.start("who"), m.end("who")))
    for n in out:
        index.add(n)
    for m in _NAMED.finditer(text, start, end):
        who = m.group("who")
        if re.match(r"(?:an?|another|the|his|her|their|one|two|three|several|multiple)\b", who, re.I):
            continue  # counted by the other finders
        s = m.start("who")
        if index.overlaps(s, m.end("who")):
            continue
        out.append(_one(text, s, m.end("who")))
        index.add(out[-1])
    return out


_DEF_PERSON = rf"(?:insurgent|individual|man|male|attacker|gunman|militant|shooter|suicide bomber|fighter|{PERSON_SING})"
_DIED = (r"(?:(?:was|had been|has been)\s+(?:\w+\s+)?(?:killed|shot dead|shot to death|fatally shot|shot and killed|"
         r"gunned down|murdered|pronounced dead)|(?:later\s+|also\s+|then\s+)?(?:died|has died|had died))\b")
_DEF_KILLED = re.compile(rf"\b(?:killing|killed)\s+(?P<m>him|the {_DEF_PERSON})\b|"
                         rf"(?P<m2>\b(?:He|he|She|she|The {_DEF_PERSON}|the {_DEF_PERSON}))\s+{_DIED}")


_UNSURE = re.compile(r"\b(?:if|whether)\s+$", re.I)


def definite_killed(text: str, start: int, end: int, taken: list[NumberMention]) -> list[NumberMention]:
    """One person killed, named by a pronoun or a definite singular ("killing him", "the insurgent was killed")."""
    out = []
    index = Taken(taken)
    for m in _DEF_KILLED.finditer(text, start, end):
        g = "m" if m.group("m") else "m2"
        if _UNSURE.search(text, max(start, m.start() - 12), m.start()):
            continue  # "not able to say if the man had died": no death stated
        s, e = m.start(g), m.start(g) + len(m.group(g).split()[0])
        if not index.overlaps(m.start(), m.end()):
            out.append(_one(text, s, e))
    return out


def is_definite(m: NumberMention) -> bool:
    """"him", "the insurgent", "both men", a name: people who may have been counted before."""
    return m.text.lower() in ("him", "he", "she", "the", "both") or is_named(m)


def is_named(m: NumberMention) -> bool:
    return m.text[:1].isupper() and m.text.lower() not in ("a", "an", "another", "both", "he", "she", "the", "his", "her",
                                                           "their")


_NP_ENDS = re.compile(  # where a noun phrase ends ("killing rival gang leaders" is no single gang member)
    r"\s*(?:[,.;:!?)\]—–-]|$)|\s+(?:in|on|at|with|while|during|after|before|and|as|near|outside|"
                      r"inside|to|for|from|by|who|that|early|late|last|this|twice|once|multiple|several|was|were|is|are|"
                      r"has|had|have|died|dies|remains|suffered|"
                      r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b", re.I)


_CASUALTY_VERB = (r"(?:shot|shoots|shooting|killed|kills|killing|wounded|wounds|wounding|injured|injures|injuring|"
                  r"stabbed|stabs|stabbing|fatally\s+shot|fatally\s+shoots|fatally\s+shooting|"
                  r"(?:fatal\s+shooting|shooting\s+death|death|murder|killing|slaying)\s+of)")
_OBJECT_PERSON = re.compile(
    rf"\b{_CASUALTY_VERB}\s+(?:and\s+(?:killed|wounded|injured)\s+)?"
    rf"(?P<det>his|her|their|(?=(?:[\w'’\-]+\s+){{0,2}}?(?:{PERSON_SING})\b))\s*"
    rf"(?:(?!(?:an?|the|another|and|or|in|on|at|by|that|who|which|{_CASUALTY_VERB})\b)[\w'’\-]+\s+){{0,2}}?"
    rf"(?P<noun>{PERSON_SING})\b(?!['’]s|-)(?={_NP_ENDS.pattern})", re.I)


def object_mentions(text: str, start: int, end: int, taken: list[NumberMention]) -> list[NumberMention]:
    """The one person a casualty verb acts on, named by a possessive or a bare noun:
    "shot his wife", "accidentally shoots cousin in arm", "injured 9-year-old girl" -> 1."""
    out = []
    index = Taken(taken)
    for m in _OBJECT_PERSON.finditer(text, start, end):
        s = m.start("det") if m.group("det") else m.start("noun")
        e = m.end("det") if m.group("det") else m.end("noun")
        if re.match(r"(?:a|an|the|another|one|two|three)\b", text[s:m.end()], re.I):
            continue  # counted by the other finders
        if not index.overlaps(m.start(), m.end()):  # "killed one insurgent": counted by its numeral
            out.append(_one(text, s, e))
            index.add(out[-1])
    return out


_VERB_CATEGORY = (("fatal", "killed"), ("death", "killed"), ("murder", "killed"), ("slaying", "killed"),
                  ("fatally", "killed"), ("kill", "killed"), ("shot", "shot"), ("shoot", "shot"), ("wound", "wounded"),
                  ("injur", "wounded"), ("stab", "wounded"))


def object_category(text: str, m: NumberMention) -> tuple[str, int] | None:
    """(category, distance) for a mention :func:`object_mentions` found: what its verb did to it."""
    for o in _OBJECT_PERSON.finditer(text, max(0, m.start - 80), m.end + 40):
        if m.start in (o.start("det"), o.start("noun")) and (o.group("det") or m.start == o.start("noun")):
            verb = text[o.start():m.start].lower()  # "shooting death of": a death, not a shot
            return next(((cat, 1) for stem, cat in _VERB_CATEGORY if stem in verb), None)
    return None
