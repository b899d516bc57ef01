"""Analysis components over one Article, declared in a registry (analysis/registry.py).

Like a spaCy pipeline, each component reads the Article and returns the value of the
field(s) it assigns, with character spans into the cleaned text; the runner writes them
and checks, when a component is registered, that what it requires is assigned earlier.
Entities run batched (spaCy is much faster over a stream); the rest run per article. A
component that fails on one article leaves that field as it was and records the error in
``article.metadata["analysis_errors"]``; the batch goes on. The event stage reads these
fields and no longer reads the text itself.

| component      | requires                                             | assigns        |
|----------------|------------------------------------------------------|----------------|
| entities       | text                                                 | entities       |
| sentences      | text                                                 | sentences      |
| numbers        | text                                                 | numbers        |
| dates          | text, published, entities                            | dates          |
| places         | text, title, entities, sentences                     | places         |
| claims         | text, title, published, entities, sentences, numbers | claims         |
| report_date    | text, published, sentences                           | report_date    |
| actions        | title, sentences                                     | actions        |
| actor_mentions | text, entities, sentences                            | actor_mentions |
| speaker_roles  | text                                                 | speaker_roles  |

Each component reads the languages it declares (``READS``): English everywhere; French and
Spanish through their own readers (``*_lang`` modules, word lists in ``data/lang/``) for
entities, numbers, dates, places, claims and the report date; every language for sentences.
On an article in a language a component does not read it assigns an empty value, and
:func:`coverage` says the analysis was partial (docs/languages.md). A report with a machine
translation (``run --translate``) gets those empty values from its translation instead
(:func:`analyse_translated`, :mod:`.translated`), each fact cited to its original sentence.

``tests/test_analysis_registry.py`` checks this table against the registry, and that
every component leaves the article as it found it. ``analyse_articles(articles,
batch_size, n_process=...)`` passes batch options to the entities' batch function where it
takes them. The event stage reads ``EVENT_ANNOTATIONS`` through :func:`annotation`, which
computes them on the fly (without storing them) for an article stored before they existed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..models import ActorMention, Article, Claim, DateMention, InferredDate, NumberMention, PlaceMention
from ..models import SentenceActions, Span, SpeakerRole
from .actions import find_actions
from .actor_mentions import find_actor_mentions
from .claims import find_claims
from .claims_lang import find_claims_lang, title_claims_lang
from .dates import resolve_dates
from .dates_lang import find_dates_lang
from .entities import find_entities, find_entities_batch
from .headline import headline_claims
from .languages import ENGLISH, language_of, lexicon_languages
from .numbers import find_numbers
from .numbers_lang import find_numbers_lang
from .places import find_places
from .places_lang import find_places_lang
from .registry import Component, Registry, _accepted
from .sentences import split_sentences
from .translated import moved, shadow, translated
from .speakers import find_speaker_roles
from .undated import infer_report_date

DATE_LABELS = {"DATE", "TIME"}
PIPELINE = Registry()
ENGLISH_ONLY = (ENGLISH,)
READS = (ENGLISH, *sorted(lexicon_languages()))  # English and the languages with a word list


def _english(article: Article) -> bool:
    return language_of(article) == ENGLISH


def _entities(article: Article) -> list[Span]:
    return find_entities(article.text, language_of(article))


def _entities_pipe(articles: Sequence[Article], batch_size: int = 32, **options: Any) -> Iterator[list[Span]]:
    """Each language's articles through its own model, given back in the articles' order."""
    found: dict[int, list[Span]] = {}
    for lang in dict.fromkeys(language_of(a) for a in articles):
        group = [n for n, a in enumerate(articles) if language_of(a) == lang]
        texts = (articles[n].text for n in group)
        results = find_entities_batch(texts, batch_size=batch_size, lang=lang,
                                      **_accepted(find_entities_batch, options))
        found.update(zip(group, results))
    return iter([found[n] for n in range(len(articles))])


def _sentences(article: Article) -> list[Span]:
    return split_sentences(article.text)


def _numbers(article: Article) -> list[NumberMention]:
    return find_numbers(article.text) if _english(article) else find_numbers_lang(article.text, language_of(article))


def _dates(article: Article) -> list[DateMention]:
    if not _english(article):
        return find_dates_lang(article.text, article.published, language_of(article))
    spans = [(e.start, e.end) for e in article.entities if e.label in DATE_LABELS]
    return resolve_dates(article.text, spans, article.published)


def _places(article: Article) -> list[PlaceMention]:
    return find_places(article) if _english(article) else find_places_lang(article)


def _claims(article: Article) -> list[Claim]:
    if not _english(article):
        return find_claims_lang(article) + title_claims_lang(article)
    return find_claims(article) + headline_claims(article, find_claims)


def _report_date(article: Article) -> InferredDate:
    if not _english(article):  # the text's own clues to its date are read in English only
        return _published_date(article)
    return infer_report_date(article)


def _published_date(article: Article) -> InferredDate:
    if article.published:
        return InferredDate(article.published[:10], "day", "publication date")
    return InferredDate(None, "unknown", "no date in metadata; the text is not read in its language")


def _actions(article: Article) -> list[SentenceActions]:
    return find_actions(article)


def _actor_mentions(article: Article) -> list[ActorMention]:
    return find_actor_mentions(article)


def _speaker_roles(article: Article) -> list[SpeakerRole]:
    return find_speaker_roles(article)


PIPELINE.add("entities", _entities, requires=["text"], assigns=["entities"], pipe=_entities_pipe, languages=READS)
PIPELINE.add("sentences", _sentences, requires=["text"], assigns=["sentences"])  # any language: punctuation
PIPELINE.add("numbers", _numbers, requires=["text"], assigns=["numbers"], languages=READS)
PIPELINE.add("dates", _dates, requires=["text", "published", "entities"], assigns=["dates"], languages=READS)
PIPELINE.add("places", _places, requires=["text", "title", "entities", "sentences"], assigns=["places"],
             languages=READS)
PIPELINE.add("claims", _claims, requires=["text", "title", "published", "entities", "sentences", "numbers"],
             assigns=["claims"], languages=READS)
PIPELINE.add("report_date", _report_date, requires=["text", "published", "sentences"],
             assigns=["report_date"], languages=READS, empty=_published_date)  # read by clustering, the event date
# Read by the event stage only (event_type, event_actors, casualties.speaker_sides): English words.
PIPELINE.add("actions", _actions, requires=["title", "sentences"], assigns=["actions"], languages=ENGLISH_ONLY)
PIPELINE.add("actor_mentions", _actor_mentions, requires=["text", "entities", "sentences"],
             assigns=["actor_mentions"], languages=ENGLISH_ONLY)
PIPELINE.add("speaker_roles", _speaker_roles, requires=["text"], assigns=["speaker_roles"],
             languages=ENGLISH_ONLY)

EVENT_ANNOTATIONS = ("actions", "actor_mentions", "speaker_roles")

# (name, fn(article)) pairs that write their field, in order, without the batched entities:
# the form scripts used before the registry (they re-run analysis over stored articles).
COMPONENTS: list[tuple[str, Callable[[Article], None]]] = [
    (c.name, c.apply) for c in PIPELINE.components if c.pipe is None
]


def analyse_articles(articles: Sequence[Article], batch_size: int = 32, **options: Any) -> None:
    """Annotate ``articles`` in place; ``options`` (e.g. ``n_process``) go to the entities'
    batch function where it accepts them."""
    PIPELINE.run(articles, batch_size=batch_size, **options)
    analyse_translated(articles, batch_size=batch_size, **options)


def analyse_translated(articles: Sequence[Article], **options: Any) -> None:
    """For the translated reports among ``articles`` (analysed in their own language first):
    the fields of every component that does not read their language, read in their English
    translation and cited to the original sentences. Other articles are left alone."""
    shadows = [(a, found) for a in articles if (found := shadow(a)) is not None]
    if not shadows:
        return
    PIPELINE.run([english for _, (english, _) in shadows], **options)
    for article, (english, alignment) in shadows:
        for component in PIPELINE.components:
            if component.reads(article):
                continue
            for name in component.assigns:
                setattr(article, name, moved(getattr(english, name), article, alignment))
        errors = english.metadata.get("analysis_errors", [])
        if errors:
            article.metadata.setdefault("analysis_errors", []).extend(f"translation: {e}" for e in errors)


def coverage(article: Article) -> str:
    """"full"; "partial (language xx)" when some component does not read the article's
    language (it was given empty values instead of a guess); "translated (language xx)"
    when those values were read in its machine translation instead."""
    if not PIPELINE.skipped(article):
        return "full"
    return f"{'translated' if translated(article) else 'partial'} (language {language_of(article)})"


def annotation(article: Article, name: str) -> Any:
    """``article.<name>`` for the event stage: computed on the fly (not stored) for an
    article analysed before the field existed, so older stores give the same events."""
    return PIPELINE.value(article, name)


def fill_annotations(article: Article) -> list[str]:
    """Write the event stage's annotations an older article lacks (a store re-saving it
    calls this; the event stage itself never writes); the names filled."""
    return PIPELINE.fill(article, EVENT_ANNOTATIONS)


__all__ = ["COMPONENTS", "Component", "EVENT_ANNOTATIONS", "PIPELINE", "Registry", "analyse_articles",
           "analyse_translated", "annotation", "coverage", "fill_annotations"]
