"""Copies and rewrites are marked derived_from their original; independent reports are not."""

from newsfuse.analysis import analyse_articles
from newsfuse.models import Article
from newsfuse.origins import alignment, find_origins, independent_sources

ORIGINAL = (
    "Floods swept through the Riverton valley on Monday, killing 12 people, the regional governor said.\n"
    "Rescue boats reached the villages of Millbrook and Ashford by the afternoon, officials said.\n"
    "About 3,000 residents left their homes as the river rose two metres overnight.\n"
    "The governor asked the national government for emergency funds on Tuesday morning.\n"
    "Schools in the valley will stay closed until Friday, the education office said."
)
REWRITE = (
    "Deadly floods tore across the Riverton valley on Monday, leaving 12 people dead, said the regional governor.\n"
    "Rescue boats got to the villages of Millbrook and Ashford in the afternoon, according to officials.\n"
    "Some 3,000 residents fled their homes as the river climbed two metres during the night.\n"
    "The governor requested emergency funds from the national government on Tuesday morning.\n"
    "Valley schools are to remain shut until Friday, according to the education office."
)
INDEPENDENT = (
    "In Ashford, the baker Tomas Wren spent the night on his roof waiting for help.\n"
    "Volunteers from the football club carried sandbags to the church, which became a shelter.\n"
    "The river last broke its banks in 1998, older residents recalled, but never this fast.\n"
    "Insurers said claims could take months, and farmers fear the loss of the spring harvest."
)


def _article(aid, text, published):
    a = Article(id=aid, path=aid, source=aid, title="Floods", text=text, published=published)
    analyse_articles([a])
    return a


def test_rewrite_is_derived_from_the_earlier_report():
    original = _article("orig", ORIGINAL, "2024-04-08")
    rewrite = _article("farm", REWRITE, "2024-04-09")
    independent = _article("indy", INDEPENDENT, "2024-04-09")
    origins = find_origins([rewrite, independent, original])
    assert origins == {"farm": "orig"}


def test_verbatim_copy_is_derived():
    original = _article("orig", ORIGINAL, "2024-04-08")
    copy = _article("copy", ORIGINAL + "\nShared from the wire.", "2024-04-08")
    assert find_origins([original, copy]) == {"copy": "orig"}


def test_independent_sources_counts_origins():
    a = _article("a", ORIGINAL, None)
    b = _article("b", REWRITE, None)
    b.derived_from = "a"
    assert independent_sources([a, b]) == 1


# -- the indexed search decides exactly as scoring every pair of sentences did ---------

from newsfuse.origins import (  # noqa: E402
    OriginConfig, _longest_increasing, _sentence_features, _similarity, _typicality, minhash, profile,
)


def _reference_alignment(original, later, config):
    """The all-pairs alignment the index replaced, kept here as the specification."""
    src = [_sentence_features(original, s) for s in original.sentences]
    dst = [_sentence_features(later, s) for s in later.sentences if len(s.text.split()) >= 5]
    if len(dst) < config.min_sentences or not src:
        return 0.0, 0.0
    matched = []
    for feats in dst:
        scores = [_similarity(feats, s) for s in src]
        best = max(range(len(src)), key=scores.__getitem__)
        if scores[best] >= config.sentence_match:
            matched.append(best)
    if not matched:
        return 0.0, 0.0
    return len(matched) / len(dst), _longest_increasing(matched) / len(matched)


def _reference_origins(articles, config):
    words = [profile(a).vocabulary for a in articles]
    typical = [len(w & set().union(*(v for j, v in enumerate(words) if j != i))) / len(w) if w else 0.0
               for i, w in enumerate(words)]
    ordered = sorted(range(len(articles)), key=lambda i: (
        articles[i].published is None, articles[i].published or "", -typical[i], i))
    origins = {}
    for k, j in enumerate(ordered):
        best, best_score = None, 0.0
        for i in ordered[:k]:
            if origins.get(articles[i].id) == articles[j].id:
                continue
            copy = minhash(articles[i]).jaccard(minhash(articles[j]))
            if copy >= config.copy_jaccard:
                score = 1.0 + copy
            else:
                aligned, in_order = _reference_alignment(articles[i], articles[j], config)
                if aligned < config.aligned_share or in_order < config.order_share:
                    continue
                score = aligned * in_order
            if score > best_score:
                best, best_score = articles[i].id, score
        if best:
            origins[articles[j].id] = best
    return origins


SHUFFLED = "\n".join(reversed(REWRITE.split("\n")))  # same facts, other order: not a rewrite
PARTIAL = "\n".join(REWRITE.split("\n")[:3]) + "\n" + INDEPENDENT


def _event():
    return [
        _article("orig", ORIGINAL, "2024-04-08"), _article("farm", REWRITE, "2024-04-09"),
        _article("indy", INDEPENDENT, "2024-04-09"), _article("copy", ORIGINAL + "\nFrom the wire.", "2024-04-10"),
        _article("shuf", SHUFFLED, "2024-04-09"), _article("part", PARTIAL, None),
        _article("und1", REWRITE + "\nMore later.", None), _article("und2", INDEPENDENT, None),
    ]


def test_indexed_alignment_equals_scoring_every_pair():
    event = _event()
    for config in (OriginConfig(), OriginConfig(sentence_match=0.2, aligned_share=0.5),
                   OriginConfig(sentence_match=0.0, min_sentences=1), OriginConfig(sentence_match=0.9)):
        for a in event:
            for b in event:
                assert alignment(a, b, config) == _reference_alignment(a, b, config), (a.id, b.id, config)
        assert find_origins(event, config) == _reference_origins(event, config), config


def test_find_origins_on_a_known_event():
    assert find_origins(_event()) == _reference_origins(_event(), OriginConfig())
    assert find_origins(_event())["farm"] == "orig" and find_origins(_event())["copy"] == "orig"


def test_typicality_counts_words_other_reports_use():
    assert _typicality([{"a", "b"}, {"b", "c"}, {"d"}, set()]) == [0.5, 0.5, 0.0, 0.0]
    assert _typicality([{"a"}]) == [0.0]


def test_profiles_are_kept_for_the_caller_and_reused():
    event = _event()
    kept: dict = {}
    first = find_origins(event, profiles=kept)
    assert set(kept) == {a.id for a in event}
    saved = dict(kept)
    assert find_origins(event, profiles=kept) == first and all(kept[k] is saved[k] for k in saved)


def test_sentence_features_by_bisection_equal_the_full_scan():
    a = _article("orig", ORIGINAL, "2024-04-08")
    ordered = sorted(a.numbers, key=lambda n: n.start)
    numbers = ([n.start for n in ordered], ordered)
    assert any(n.value is not None for n in a.numbers)
    for s in a.sentences:
        assert _sentence_features(a, s, numbers) == _sentence_features(a, s)
