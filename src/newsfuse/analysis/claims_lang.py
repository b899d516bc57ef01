"""Casualty figures in French and Spanish text, with who gives them.

A figure is a count of people followed, within a few words and in the same clause, by a
casualty word of the language's list ("cinq personnes ont été tuées", "12 muertos", "des
dizaines de blessés"); the word right after the count must be a people noun or the
casualty word itself, since a toll counts people ("45 ans", "3 000 maisons" are no
figure). The claimant is the source a sentence names: after "selon"/"según", or the
speaker of a reporting verb (a named person or body in the sentence, else the noun phrase
before the verb, or after it when inverted: "a indiqué le préfet"). A figure in a sentence
naming an earlier year is background (a cumulative toll of another war), never reconciled;
a provisional-toll phrase marks it provisional. Sides and "whose" are left empty: the
demonym readings are English only.
"""

from __future__ import annotations

import re

from ..models import Article, Claim, NumberMention, Span
from .languages import CASUALTY_KINDS, Lexicon, language_of, lexicon

GAP_WORDS = 5  # words allowed between a count and its casualty word ("12 soldats arméniens ont été tués")
CLAIMANT_WORDS = 7
_WORD = re.compile(r"[\w'’-]+")
_STOP = re.compile(r"[.;:!?«»\"“”()]|,\s")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_LEAD_ARTICLE = re.compile(r"^(?:le|la|les|l['’]|el|los|las)\s*", re.I)


def find_claims_lang(article: Article) -> list[Claim]:
    """The casualty figures of a French or Spanish article (sentences and numbers filled)."""
    lex = lexicon(language_of(article))
    casualty = lex.pattern(*CASUALTY_KINDS)
    people = lex.pattern("people")
    text = article.text
    year = int(article.published[:4]) if article.published else None
    claims: list[Claim] = []
    for sent in article.sentences or [Span(0, len(text), text)]:
        nums = [n for n in article.numbers if sent.start <= n.start < sent.end]
        for n in nums:
            category = _category(text, n, sent.end, lex, casualty, people)
            if category is None:
                continue
            quote = text[sent.start:sent.end]
            background = year is not None and any(int(y) < year for y in _YEAR.findall(quote))
            claims.append(Claim(
                id=f"{article.id}-c{len(claims) + 1}", category=category, number=n.value, qualifier=n.qualifier,
                whose=None, side=None, claimant=claimant(article, sent, lex), article_id=article.id,
                quote=quote, start=sent.start, end=sent.end, low=n.low, high=n.high,
                scope="background" if background else "event",
                provisional=bool(lex.pattern("provisional").search(quote))))
    return claims


def _category(text: str, n: NumberMention, limit: int, lex: Lexicon, casualty: re.Pattern[str],
              people: re.Pattern[str]) -> str | None:
    """The casualty category the words after count ``n`` give it, or None."""
    after = text[n.end:limit]
    first = re.match(r"\s*(?:de\s+|d['’]\s*)?", after)
    rest = after[first.end():] if first else after
    if not (people.match(rest) or casualty.match(rest)):
        return None
    hit = casualty.search(after)
    if hit is None or _STOP.search(after[:hit.start()]) or re.search(r"\d", after[:hit.start()]):
        return None
    if len(_WORD.findall(after[:hit.start()])) > GAP_WORDS:
        return None
    return lex.category(re.sub(r"\s+", " ", hit.group()))


def claimant(article: Article, sent: Span, lex: Lexicon) -> str | None:
    """Who the sentence says gives its figures (see the module docstring)."""
    text = article.text
    quote = text[sent.start:sent.end]
    source = lex.pattern("source").search(quote)
    if source:
        return _phrase(quote[source.end():])
    verb = lex.pattern("say").search(quote)
    if verb is None:
        return None
    named = [e for e in article.entities if e.label in ("PERSON", "ORG") and sent.start <= e.start < sent.end]
    if named:
        at = sent.start + verb.start()
        return min(named, key=lambda e: abs(e.start - at)).text
    after = _phrase(quote[verb.end():])
    if after and _LEAD_ARTICLE.match(quote[verb.end():].lstrip()):
        return after  # inverted: "..., a indiqué le préfet"
    clause = re.split(r"[,«»\"“”]", quote[:verb.start()])[-1].strip()
    words = _WORD.findall(clause)
    return clause if 0 < len(words) <= CLAIMANT_WORDS and _LEAD_ARTICLE.match(clause) else None


def _phrase(s: str) -> str | None:
    """The noun phrase opening ``s``, up to punctuation or ``CLAIMANT_WORDS`` words."""
    s = _STOP.split(s.lstrip(), 1)[0].strip()
    words = s.split()
    return " ".join(words[:CLAIMANT_WORDS]) or None


def title_claims_lang(article: Article) -> list[Claim]:
    """The figures of the title, as the English headline reader gives them (``field: "title"``)."""
    from .numbers_lang import find_numbers_lang

    title = (article.title or "").strip()
    if not title or article.text.lstrip().startswith(title[:60]):
        return []
    lang = language_of(article)
    probe = Article(id=f"{article.id}-title", path=article.path, source=article.source, title="", text=title,
                    published=article.published, language=lang)
    probe.sentences = [Span(0, len(title), title)]
    probe.numbers = find_numbers_lang(title, lang)
    out = []
    for i, claim in enumerate(find_claims_lang(probe), 1):
        claim.id, claim.article_id, claim.field = f"{article.id}-t{i}", article.id, "title"
        out.append(claim)
    return out
