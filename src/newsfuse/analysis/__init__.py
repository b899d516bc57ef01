"""Analysis components over one Article: sentences, entities, numbers, dates, places, claims.

Like a spaCy pipeline, each component reads the Article and fills one field,
with character spans into the cleaned text. Entities run batched (spaCy is much
faster over a stream); the rest run per article. A component that fails on one
article leaves that field empty and records the error in ``article.metadata``;
the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..models import Article
from .claims import find_claims
from .dates import resolve_dates
from .entities import find_entities_batch
from .headline import headline_claims
from .numbers import find_numbers
from .places import find_places
from .sentences import split_sentences
from .undated import infer_report_date

DATE_LABELS = {"DATE", "TIME"}


def _sentences(article: Article) -> None:
    article.sentences = split_sentences(article.text)


def _numbers(article: Article) -> None:
    article.numbers = find_numbers(article.text)


def _dates(article: Article) -> None:
    spans = [(e.start, e.end) for e in article.entities if e.label in DATE_LABELS]
    article.dates = resolve_dates(article.text, spans, article.published)


def _places(article: Article) -> None:
    article.places = find_places(article)


def _claims(article: Article) -> None:
    article.claims = find_claims(article) + headline_claims(article, find_claims)


def _report_date(article: Article) -> None:
    article.report_date = infer_report_date(article)


# Order matters: dates read the entities found before them; claims read sentences,
# entities and numbers; the report date reads sentences.
COMPONENTS: list[tuple[str, Callable[[Article], None]]] = [
    ("sentences", _sentences),
    ("numbers", _numbers),
    ("dates", _dates),
    ("places", _places),
    ("claims", _claims),
    ("report_date", _report_date),  # read by clustering and by the event date
]


def analyse_articles(articles: Sequence[Article], batch_size: int = 32) -> None:
    """Annotate ``articles`` in place."""
    try:
        batches = list(find_entities_batch((a.text for a in articles), batch_size=batch_size))
    except Exception as exc:  # a model failure must not lose the articles
        batches = [[] for _ in articles]
        for article in articles:
            article.metadata.setdefault("analysis_errors", []).append(f"entities: {exc}")
    for article, entities in zip(articles, batches):
        article.entities = entities
        for name, component in COMPONENTS:
            try:
                component(article)
            except Exception as exc:  # one odd article never sinks the batch
                article.metadata.setdefault("analysis_errors", []).append(f"{name}: {exc}")
