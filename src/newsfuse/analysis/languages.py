"""Which language an article is read in, and the word lists read for it.

English has the full analysis. French and Spanish have their own (smaller) readers, driven
by one data file per language, ``data/lang/xx.tsv`` (like spaCy's ``lang/xx/`` folders):
casualty words, hedges, people nouns, reporting verbs, event words, place prepositions,
months, weekdays and the capitalised words that are never a place or an actor. Every other
language is refused: its analysis components return nothing rather than read it as
English (docs/languages.md). An article whose language is unknown is read as English, as
it always was: detection says nothing only for very short or mixed texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..models import Article

ENGLISH = "en"
LEXICON_DIR = Path(__file__).resolve().parents[1] / "data" / "lang"
ALL = None  # a component that reads any language (structure, not words)


def language_of(article: Article) -> str:
    """The primary subtag of the article's language ("zh-Hant" -> "zh"); English when unknown."""
    code = (article.language or ENGLISH).strip().lower().replace("_", "-").split("-")[0]
    return code or ENGLISH


@lru_cache(maxsize=1)
def lexicon_languages() -> frozenset[str]:
    """The languages with a word list (beside English, which has its own modules)."""
    return frozenset(p.stem for p in LEXICON_DIR.glob("*.tsv"))


def supported_languages() -> frozenset[str]:
    return frozenset({ENGLISH}) | lexicon_languages()


@dataclass
class Lexicon:
    """One language's word lists: ``words[kind]`` maps a lower-case phrase to its value
    (the qualifier of a hedge, the floor of a vague word, a month's number...)."""

    lang: str
    words: dict[str, dict[str, str]] = field(default_factory=dict)

    def of(self, kind: str) -> dict[str, str]:
        return self.words.get(kind, {})

    def category(self, phrase: str) -> str | None:
        """The casualty category of a phrase ("tués" -> "killed")."""
        low = phrase.lower()
        return next((k for k in CASUALTY_KINDS if low in self.of(k)), None)

    def pattern(self, *kinds: str) -> re.Pattern[str]:
        """A case-insensitive regex of the phrases of ``kinds``, longest first, on word bounds."""
        return _pattern(self.lang, kinds)


CASUALTY_KINDS = ("killed", "wounded", "missing", "captured", "arrested")


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The word lists of ``lang`` (empty for a language without a file)."""
    lex = Lexicon(lang)
    path = LEXICON_DIR / f"{lang}.tsv"
    if not path.exists():
        return lex
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        kind, phrase = parts[0], parts[1].strip().lower()
        lex.words.setdefault(kind, {})[phrase] = parts[2].strip() if len(parts) > 2 else ""
    return lex


@lru_cache(maxsize=None)
def _pattern(lang: str, kinds: tuple[str, ...]) -> re.Pattern[str]:
    lex = lexicon(lang)
    phrases = sorted({p for k in kinds for p in lex.of(k)}, key=len, reverse=True)
    if not phrases:
        return re.compile(r"(?!)")
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    # an elided article or preposition ("d'", "l'") ends with an apostrophe: no word bound after it
    return re.compile(rf"(?<!\w)(?:{body})(?:(?<=['’])|(?!\w))", re.I)
