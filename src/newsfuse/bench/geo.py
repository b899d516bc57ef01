"""``newsfuse bench geo``: toponym recognition and resolution against gold spans.

Input: one JSON object per line with ``id``, ``text`` and the gold ``toponyms``
(``{start, end, name, lat, lon}``; see ``shared/bench/README.md`` section 4).
Each text becomes an :class:`~newsfuse.models.Article` as it is (no cleaning:
the gold offsets point into the original text), goes through
:func:`newsfuse.analysis.analyse_articles` and then
:func:`newsfuse.analysis.places.find_places`.

Metrics: precision/recall/F1 with exact span match; for matched toponyms with
gold coordinates, the share within 161 km (great-circle, R = 6371 km) and the
median error in km. ``country_acc`` is a separate, looser figure for the predictions that
are countries: the gold's point for a country is a reference point chosen by its gazetteer
(GeoNames' centre of the United States lies 230 km from another gazetteer's), so a
predicted country counts as right when the gold point lies inside it. "Inside" is read off
the offline gazetteer: the gold point's country is the country code of the nearest town
(GeoNames cities with 500+ people) within 100 km of it, else of the nearest country point.
The gold counts demonyms ("Russian") and place names inside
other names ("Kentucky" in "Kentucky State Police") as toponyms, so the benchmark
asks for both (``include_demonyms``, ``include_modifiers``); event records do not.
"""

from __future__ import annotations

import statistics
import time
from functools import partial
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..geo.coherence import country_at
from ..geo.gazetteer import get_gazetteer, haversine_km
from ..models import Article, PlaceMention
from .base import BenchReport, PredictionWriter, read_jsonl

ACC_KM = 161.0


def to_article(obj: dict[str, Any], n: int, name: str) -> Article:
    """The system's view of one line: its text only (no id, no gold)."""
    return Article(id=f"{name}:{n}", path=f"{name}:{n}", source="bench", title="", text=obj.get("text") or "")


def geo_metrics(pred: Sequence[Sequence[PlaceMention]], gold: Sequence[Sequence[dict[str, Any]]],
                country_of: Callable[[float, float], str | None] | None = None) -> dict[str, Any]:
    """Exact-span P/R/F1 and, over matched toponyms with gold coordinates, acc@161 km and median km;
    with ``country_of`` (a point's country code), also ``country_acc`` over matched country predictions."""
    tp = n_pred = n_gold = 0
    errors: list[float] = []
    unresolved = 0
    countries_right = countries = 0
    for p_doc, g_doc in zip(pred, gold):
        gold_by_span = {(g["start"], g["end"]): g for g in g_doc}
        n_gold += len(gold_by_span)
        spans = {(m.start, m.end): m for m in p_doc}
        n_pred += len(spans)
        for span, m in spans.items():
            g = gold_by_span.get(span)
            if g is None:
                continue
            tp += 1
            if g.get("lat") is None or g.get("lon") is None:
                continue
            if m.lat is None or m.lon is None:
                unresolved += 1
                errors.append(20037.5)  # half the earth's circumference: an unresolved place is a miss
                continue
            errors.append(haversine_km(m.lat, m.lon, g["lat"], g["lon"]))
            if country_of is not None and m.precision == "country" and m.country:
                countries += 1
                countries_right += country_of(g["lat"], g["lon"]) == m.country
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "acc_161km": sum(e <= ACC_KM for e in errors) / len(errors) if errors else None,
        "median_km": statistics.median(errors) if errors else None,
        "country_acc": countries_right / countries if countries else None,
        "country_matched": countries,
        "matched": tp,
        "matched_with_coords": len(errors),
        "unresolved_matched": unresolved,
        "predicted": n_pred,
        "gold": n_gold,
    }


def predict(items: Sequence[dict[str, Any]], *, name: str = "data", include_demonyms: bool = True,
            include_modifiers: bool = True, progress: Callable[[int], None] | None = None,
            ) -> tuple[list[list[PlaceMention]], dict[str, float]]:
    """Toponyms for each item, and timings (analysis, places, gazetteer and model load)."""
    from ..analysis import analyse_articles
    from ..analysis.entities import load_model
    from ..analysis.places import find_places

    t0 = time.perf_counter()
    load_model()
    model_load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    gz = get_gazetteer()
    gazetteer_load_s = time.perf_counter() - t0

    articles = [to_article(obj, n, name) for n, obj in enumerate(items, 1)]
    seconds_analyse = seconds_places = 0.0
    out: list[list[PlaceMention]] = []
    chunk = 32
    for i in range(0, len(articles), chunk):
        batch = articles[i:i + chunk]
        t0 = time.perf_counter()
        analyse_articles(batch)
        seconds_analyse += time.perf_counter() - t0
        t0 = time.perf_counter()
        for article in batch:
            out.append(find_places(article, include_demonyms=include_demonyms, include_modifiers=include_modifiers,
                                   gazetteer=gz))
        seconds_places += time.perf_counter() - t0
        if progress:
            progress(len(batch))
    return out, {"seconds_analyse": seconds_analyse, "seconds_places": seconds_places,
                 "model_load_s": model_load_s, "gazetteer_load_s": gazetteer_load_s}


def run(
    data: Path,
    *,
    limit: int | None = None,
    predictions: Path | None = None,
    progress: Callable[[int], None] | None = None,
    include_demonyms: bool = True,
    include_modifiers: bool = True,
) -> BenchReport:
    """Score toponym recognition and resolution on ``data``.

    With ``predictions``, writes one ``{id, toponyms: [{start, end, name, lat, lon}]}`` line per document.
    """
    data = Path(data)
    items = list(read_jsonl(data, limit=limit))
    pred, timing = predict(items, name=data.name, include_demonyms=include_demonyms,
                           include_modifiers=include_modifiers, progress=progress)
    metrics: dict[str, Any] = geo_metrics(pred, [obj.get("toponyms") or [] for obj in items],
                                          country_of=partial(country_at, get_gazetteer()))
    n = len(items)
    seconds = timing["seconds_analyse"] + timing["seconds_places"]
    metrics.update({
        "seconds_per_doc": seconds / n if n else None,
        "places_ms_per_doc": 1000 * timing["seconds_places"] / n if n else None,
        **timing,
    })
    with PredictionWriter(predictions) as writer:
        for obj, mentions in zip(items, pred):
            writer.write({"id": obj.get("id"), "toponyms": [
                {"start": m.start, "end": m.end, "name": m.text, "lat": m.lat, "lon": m.lon} for m in mentions]})
    notes = ["exact span match; acc_161km and median_km over matched toponyms with gold coordinates "
             "(an unresolved match counts as a miss)",
             "country_acc: matched country predictions whose country holds the gold point (the nearest "
             "gazetteer town within 100 km, else the nearest country point, gives the point's country)",
             "seconds_per_doc = (analyse + places) / docs; spaCy model and gazetteer load excluded",
             f"demonyms {'included' if include_demonyms else 'excluded'}, place names inside other names "
             f"{'included' if include_modifiers else 'excluded'} (the gold counts both as toponyms)"]
    return BenchReport("geo", str(data), n, metrics, seconds=seconds, notes=notes)
