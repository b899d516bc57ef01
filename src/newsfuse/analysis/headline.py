"""Figures in a report's headline.

Headlines state the toll more plainly than any sentence of the body ("2 dead, 4
hurt in Elm Street shooting", "Teen fatally shot outside store"), and a short
report's body may never repeat it. Headline grammar drops articles and copulas
("Teen killed" for "a teen was killed") and writes ages as appositions ("Boy, 15,
shot"), so the title is first rewritten as a plain sentence, then read by the
same claims finder as the body. Its claims say ``field: "title"``: their
``start``/``end`` are offsets into the title, never into the text.
A title the text already begins with is not read twice.
"""

from __future__ import annotations

import re

from ..models import Article, Claim, Span
from .claims_people import PERSON_SING
from .numbers import find_numbers

_OUTLET_SUFFIX = re.compile(r"\s+(?:[-|–—:]\s+[^-|–—]{2,60}|\|.*)$")
_BARE_PERSON = re.compile(rf"(?:(?:\d+-year-old|teenage|young|elderly|local|unarmed|pregnant|off-duty|former|area|county|"
                          rf"[A-Z][a-z]+)\s+){{0,3}}"  # "Ashvale area girl", "Retired Fenwick teacher"
                          rf"(?:{PERSON_SING})\b(?!['’]s)", re.I)
_ATTRIBUTION = re.compile(r"(?:[A-Z][\w.'’]*\s*){1,3}:\s+")
_AGE = re.compile(r",\s*\d{1,3}\s*,")


def plain_sentence(title: str) -> tuple[str, list[int]]:
    """The headline as a sentence, and for each of its characters the title offset it came from."""
    title = _OUTLET_SUFFIX.sub("", title.strip())
    chars = list(range(len(title)))
    text = title
    age = _AGE.search(text[:60])
    if age:  # "Boy, 15, shot in Englewood" -> "Boy shot in Englewood"
        text = text[:age.start()] + " " + text[age.end():]
        chars = chars[:age.start()] + [age.start()] + chars[age.end():]
    lead = _ATTRIBUTION.match(text)  # "Police: Man dies after ...": the sentence starts after the source
    at = lead.end() if lead else 0
    if _BARE_PERSON.match(text, at) and not re.match(r"(?:an?|the|another)\s", text[at:], re.I):
        text, chars = text[:at] + "A " + text[at:], chars[:at] + [at, at] + chars[at:]  # "Teen killed"
    return text, chars


def headline_claims(article: Article, find_claims) -> list[Claim]:
    """Claims of ``article``'s title (see module docstring); ``find_claims`` reads a sentence's claims."""
    title = (article.title or "").strip()
    if not title or article.text.lstrip().startswith(_OUTLET_SUFFIX.sub("", title)[:60]):
        return []
    text, chars = plain_sentence(title)
    if not text:
        return []
    probe = Article(id=f"{article.id}-title", path=article.path, source=article.source, title="", text=text,
                    published=article.published)
    probe.sentences = [Span(0, len(text), text)]
    probe.numbers = find_numbers(text)
    out = []
    for i, claim in enumerate(find_claims(probe), 1):
        claim.id, claim.article_id = f"{article.id}-t{i}", article.id
        claim.field, claim.quote, claim.start, claim.end = "title", title, 0, len(title)
        out.append(claim)
    return out
