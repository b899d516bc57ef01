"""The five seed reports, checked as a user would: junk gone, every real line kept.

The seed text never enters the repository: we refer to lines by number, with the
kind of boilerplate each one is, and read the files at run time.
"""

from __future__ import annotations

from pathlib import Path

from newsfuse.ingest import iter_inputs
from newsfuse.pipeline import RunSummary, prepare_batch

# file prefix -> {line number (1-based): kind of boilerplate}
BOILERPLATE = {
    "000": {17: "comment prompt"},
    "001": {1: "navigation crumb", 30: "read-also header", 31: "related link", 32: "related link",
            33: "related link", 34: "related link", 35: "related link", 38: "comment prompt",
            39: "comment prompt"},
    "002": {3: "byline", 16: "read-also link", 20: "read-also link", 30: "read-also link",
            34: "read-also link", 39: "related header", 41: "comment prompt"},
    "003": {45: "mobile-version link"},
    "004": {19: "reader prompt", 21: "vote counter", 22: "vote buttons", 24: "author byline",
            26: "author bio", 29: "comment prompt", 31: "related link", 33: "related link",
            35: "related link"},
}
TITLE_LINE = {"000": 1, "001": 3, "002": 1, "003": 1, "004": 1}


def _articles(seeds: Path):
    raws = [x for x in iter_inputs([str(seeds)])]
    return prepare_batch(raws, RunSummary())


def test_seed_boilerplate_removed_and_sentences_kept(seeds: Path):
    articles = {Path(a.path).name[:3]: a for a in _articles(seeds)}
    assert sorted(articles) == sorted(BOILERPLATE)
    for prefix, article in articles.items():
        path = next(seeds.glob(f"{prefix}_*.txt"))
        lines = path.read_text(encoding="utf-8").split("\n")
        kept = set(article.text.split("\n"))
        for number, line in enumerate(lines, start=1):
            if not line.strip() or number == TITLE_LINE[prefix]:
                continue
            if number in BOILERPLATE[prefix]:
                assert line.strip() not in kept, f"{path.name}:{number} ({BOILERPLATE[prefix][number]}) survived"
            else:
                assert line.strip() in kept, f"{path.name}:{number} is real text and was removed"
        removed = {r.line for r in article.removed}
        assert removed == {lines[n - 1].strip() for n in BOILERPLATE[prefix]}
        assert all(r.reason for r in article.removed)


def test_seed_titles_and_sources(seeds: Path):
    for article in _articles(seeds):
        prefix = Path(article.path).name[:3]
        path = Path(article.path)
        title_line = path.read_text(encoding="utf-8").split("\n")[TITLE_LINE[prefix] - 1].strip()
        assert title_line.startswith(article.title)
        assert "|" not in article.title
        assert article.published is None  # plain text states no publication date
        assert article.language == "en"


def test_seeds_make_two_events_the_earlier_clash_alone(seeds: Path):
    from newsfuse.pipeline import run
    from newsfuse.store import open_store

    store = open_store(":memory:")
    run([str(seeds)], store)
    by_file = {Path(a.path).name[:3]: a.id for a in store.iter_articles()}
    groups = sorted(sorted(k for k, v in by_file.items() if v in e.article_ids) for e in store.list_events())
    assert groups == [["000", "001", "002", "003"], ["004"]]
    september = next(e for e in store.list_events() if by_file["001"] in e.article_ids)
    assert (september.date.start, september.date.precision) == ("2022-09-13", "day")
    store.close()


# Approximate coordinates of the places the September 2022 reports name (public facts).
BATTLE_PLACES = {
    "Goris": (39.51, 46.34), "Sotk": (40.20, 45.87), "Jermuk": (39.84, 45.67),
    "Kalbajar": (40.11, 46.04), "Lachin": (39.64, 46.55), "Dashkesan": (40.52, 46.08),
}


def _events(seeds: Path):
    from newsfuse.pipeline import run
    from newsfuse.store import open_store

    store = open_store(":memory:")
    run([str(seeds)], store)
    by_file = {Path(a.path).name[:3]: a for a in store.iter_articles()}
    events = store.list_events()
    september = next(e for e in events if by_file["001"].id in e.article_ids)
    november = next(e for e in events if by_file["004"].id in e.article_ids)
    return store, by_file, september, november


def test_seed_casualties_by_side_and_claimant(seeds: Path):
    store, by_file, september, november = _events(seeds)
    rows = {(c.category, c.side, c.region): c for c in september.casualties}
    armenian = rows[("killed", "AM", None)]
    assert armenian.best == 49 and armenian.provisional
    claims = {c.id: c for c in september.claims}
    assert any(claims[i].claimant_side == "AM" and claims[i].qualifier == "at_least" for i in armenian.claim_ids)
    azerbaijani = rows[("killed", "AZ", None)]
    assert azerbaijani.best == 50
    assert any(claims[i].number == 1 for i in azerbaijani.superseded_ids)  # the earlier "one soldier"
    regional = {c.category: c.best for c in september.casualties if c.region}
    assert regional == {"killed": 4, "wounded": 43}
    assert any(c.best == 100 and c.side is None for c in september.casualties)  # the outlet's estimate
    background = {c.number for c in september.claims if c.scope == "background"}
    assert {6500, 6600, 30000} <= background
    assert not {6500, 6600, 30000} & {c.best for c in september.casualties}
    november_rows = {(c.category, c.side): c.best for c in november.casualties}
    assert november_rows[("killed", "AM")] == 15 and november_rows[("captured", "AM")] == 12
    store.close()


def test_seed_battle_places_on_the_map(seeds: Path):
    from newsfuse.geo import haversine_km

    store, _, september, _ = _events(seeds)
    located = [loc for loc in september.locations if loc.lat is not None]
    for name, (lat, lon) in BATTLE_PLACES.items():
        nearest = min(haversine_km(lat, lon, loc.lat, loc.lon) for loc in located)
        assert nearest <= 25, f"{name}: nearest event place is {nearest:.0f} km away"
    assert september.event_type == "Battles"
    store.close()


def test_seed_brief_gives_both_governments_figures_cited_and_nothing_from_the_earlier_clash(seeds: Path):
    store, by_file, september, november = _events(seeds)
    earlier = by_file["004"].id
    assert september.brief and all(s.citations for s in september.brief)
    assert september.brief_headline and september.brief_headline.citations
    cited = {c for part in (september.brief, september.figures, [september.brief_headline]) for s in part
             for c in s.citations}
    assert cited <= set(september.article_ids) and earlier not in cited
    killed = {f.side: f.text for f in september.figures if f.category == "killed" and not f.region}
    assert "at least 49 according to Armenia" in killed["AM"] and "provisional" in killed["AM"]
    assert "50 according to Azerbaijan" in killed["AZ"] and "Earlier reports gave 1" in killed["AZ"]
    for line in september.figures:  # every figure a line states is a claim's, cited
        assert line.citations and set(line.citations) <= set(september.article_ids)
    store.close()


def test_seed_grouping_does_not_depend_on_order_or_company(seeds: Path):
    """The seeds alone, with the demo corpus stored too, and in shuffled orders: the
    same two events for the seeds (the November 2021 report stays alone)."""
    import random

    from newsfuse.analysis import analyse_articles
    from newsfuse.cluster import cluster_articles

    from .conftest import DEMO

    seed_articles = _articles(seeds)
    demo_articles = prepare_batch(list(iter_inputs([str(DEMO)])), RunSummary())
    analyse_articles(seed_articles + demo_articles)
    names = {a.id: Path(a.path).name[:3] for a in seed_articles}

    def seed_groups(articles):
        return sorted(sorted(names[a.id] for a in group if a.id in names)
                      for group in cluster_articles(articles) if any(a.id in names for a in group))

    expected = [["000", "001", "002", "003"], ["004"]]
    assert seed_groups(seed_articles) == expected
    assert seed_groups(seed_articles + demo_articles) == expected
    everything = seed_articles + demo_articles
    for seed in range(3):
        shuffled = everything[:]
        random.Random(seed).shuffle(shuffled)
        assert seed_groups(shuffled) == expected


def test_seed_clash_type_and_one_typed_actor_per_country(seeds: Path):
    """The September clash is an armed clash between two states, each one actor (its names,
    people and forces together) typed as state forces; a mediator is no participant."""
    store, _, september, november = _events(seeds)
    for event in (september, november):
        assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
        for country in ("AM", "AZ"):
            entries = [a for a in event.actors if a.country == country]
            assert len(entries) == 1, [a.name for a in entries]
            assert (entries[0].role, entries[0].kind, entries[0].inter) == ("participant", "state_forces", 1)
        participants = {a.country for a in event.actors if a.role == "participant" and a.country}
        assert participants == {"AM", "AZ"}
    armenia = next(a for a in september.actors if a.country == "AM")
    assert {"Armenia", "Armenian"} <= set(armenia.aliases)
    assert any(a.country == "RU" and a.role == "third_party" for a in september.actors)
    store.close()


def test_seed_places_spelt_as_the_reports_once_each_and_mentioned_ones_not_where_it_happened(seeds: Path):
    from newsfuse.geo.gazetteer import normalize

    store, by_file, september, november = _events(seeds)
    texts = {a.id: a.text for a in store.iter_articles()}
    for event in (september, november):
        keys = [normalize(loc.name) for loc in event.locations]
        assert len(keys) == len(set(keys)), f"a place listed twice: {[x.name for x in event.locations]}"
        for loc in event.locations:
            written = {texts[s["article_id"]][s["start"]:s["end"]] for s in loc.spans}
            assert loc.name in written, f"{loc.name} is not how the reports write it ({written})"
        russia = [loc for loc in event.locations if loc.country == "RU"]
        assert russia and all(loc.role == "mentioned" for loc in russia)  # the mediator, not a battlefield
    named = {normalize(loc.name) for loc in september.locations}
    assert {"kalbajar", "kelbajar"} & named and not {"kalbajar", "kelbajar"} <= named
    assert "lachin" in named
    store.close()


def test_seed_totals_are_stated_figures_never_sums_of_a_total_and_its_parts(seeds: Path):
    store, _, september, november = _events(seeds)
    claims = {c.id: c for c in september.claims}
    fatalities, injured = september.totals
    # the outlets' "nearly 100" across both sides is the total; 49 Armenian + 50 Azerbaijani are its parts
    assert (september.fatalities, fatalities.basis) == (100, "stated total (troops)")
    assert all(claims[i].number == 100 for i in fatalities.claim_ids)
    assert september.injured == 43  # the only wounded figure, a regional one, is a floor
    assert november.fatalities == 15 and november.injured == 0
    for row in september.casualties + november.casualties:
        assert row.best == int(row.best)
    store.close()
