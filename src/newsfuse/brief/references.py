"""Make a sentence stand on its own outside its article, or reject it.

Lifted out of a report, "He said the toll would rise" or "The ministry added
that…" leaves the reader guessing who spoke. We replace the opening reference
only with a name **copied from the same article**, earlier than the sentence
(the nearest fitting entity), so no word that carries a fact is invented. When
no such name exists the sentence is rejected (``None``). Openings that lean on
the previous sentence ("But", "However", "This") are rejected too.
"""

from __future__ import annotations

import re

from ..models import Article, Span

_PRONOUN = re.compile(r"^(He|She)\b(?!')")
_DEFINITE = re.compile(r"^The (ministry|governor|spokesman|spokeswoman|spokesperson|agency|army|military|"
                       r"police|president|prime minister|minister|mayor|official|group|militants?|rebels?|"
                       r"department|office|company|government|organi[sz]ation|committee|council)\b", re.I)
_LEANING = re.compile(r"^(But|However|Also|And|Meanwhile|Still|Yet|Moreover|Furthermore|In addition|"
                      r"This|That|These|Those|It|They|Its|Their|His|Her|Such|Other|Another|Both|"
                      r"Earlier|Later|Then|Instead|Nevertheless|Nonetheless|Besides|Otherwise)\b")
_PERSON_LABELS = {"PERSON"}
_BODY_LABELS = {"ORG", "NORP", "GPE", "PERSON", "FAC"}


def _earlier_entities(article: Article, span: Span, labels: set[str]) -> list[Span]:
    return [e for e in article.entities if e.end <= span.start and e.label in labels]


_OWNER = re.compile(r"(?:\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*['’]s\s+|\bthe\s+(?:[A-Z][\w-]*\s+)+)$")


def _with_owner(article: Article, entity: Span) -> str:
    """The entity with the owner the text gives it: "defence ministry" -> "Tajikistan's defence ministry"."""
    m = _OWNER.search(article.text[max(0, entity.start - 60): entity.start])
    return (m.group(0) if m else "") + entity.text


def resolve_opening(text: str, article: Article, span: Span) -> str | None:
    """``text`` with a dangling opening replaced by a name from the same article,
    unchanged when nothing dangles, or None when it dangles and cannot be resolved."""
    m = _PRONOUN.match(text)
    if m:
        people = _earlier_entities(article, span, _PERSON_LABELS)
        if not people:
            return None
        return people[-1].text + text[m.end():]
    m = _DEFINITE.match(text)
    if m:
        noun = m.group(1).lower()
        bodies = [e for e in _earlier_entities(article, span, _BODY_LABELS) if noun in e.text.lower()]
        if bodies:
            name = _with_owner(article, bodies[-1])
            if any(w[0].isupper() for w in name.split()[1:]) or name[0].isupper() and not name.startswith("The "):
                return name[0].upper() + name[1:] + text[m.end():]
        return text  # "The ministry said" without a named ministry: readable, but says less
    if _LEANING.match(text):
        return None
    return text
