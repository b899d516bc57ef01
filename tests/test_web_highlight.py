"""Highlighting in one sweep gives exactly what testing every fact for every piece gave."""

from __future__ import annotations

import random

from markupsafe import Markup, escape

from newsfuse.web.highlight import Fact, highlight


def _reference(text: str, facts: list[Fact], anchors=()) -> Markup:
    """The former all-facts-per-piece version, kept here as the specification."""
    cuts = {0, len(text)} | {f.start for f in facts} | {f.end for f in facts} | set(anchors)
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    starts: dict[int, list[Fact]] = {}
    for f in facts:
        starts.setdefault(f.start, []).append(f)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        if a in set(anchors):
            out.append(f'<span class="anchor" id="s-{a}"></span>')
        for f in starts.get(a, []):
            if f.anchor:
                out.append(f'<span class="anchor" id="{escape(f.anchor)}"></span>')
        piece = escape(text[a:b])
        covering = [f for f in facts if f.start <= a and f.end >= b]
        if not covering:
            out.append(str(piece))
            continue
        kinds = " ".join(sorted({f"k-{f.kind}" for f in covering}))
        ids = " ".join(f.id for f in covering)
        title = "\n".join(f"{f.kind}: {f.description}" for f in covering)
        out.append(f'<span class="hl {kinds}" data-facts="{escape(ids)}" title="{escape(title)}">{piece}</span>')
    return Markup("".join(out))


TEXT = ("Rescuers in Velmora said on Monday that 12 people died & 30 were hurt when the <old> footbridge fell. "
        "The mayor, Irena Falk, asked for calm. ") * 3


def test_sweep_matches_the_reference_on_random_overlapping_facts():
    rng = random.Random(7)
    kinds = ["claim", "number", "date", "place", "entity", "cited"]
    for trial in range(200):
        facts = []
        for k in range(rng.randint(0, 25)):
            start = rng.randint(-5, len(TEXT) + 5)
            end = start + rng.randint(-3, 120)  # empty, reversed and out-of-text spans too
            facts.append(Fact(f"f{k + 1}", rng.choice(kinds), start, end, "", f"d{k}",
                              f"claim-{k}" if rng.random() < 0.2 else None))
        anchors = sorted(rng.sample(range(len(TEXT)), 5))
        assert str(highlight(TEXT, facts, anchors)) == str(_reference(TEXT, facts, anchors)), trial


def test_nested_and_touching_facts():
    facts = [Fact("f1", "claim", 0, 60, "", "a whole clause"), Fact("f2", "number", 39, 41, "", "12"),
             Fact("f3", "place", 12, 19, "", "Velmora"), Fact("f4", "date", 19, 30, "", "touches f3")]
    assert str(highlight(TEXT, facts, [0])) == str(_reference(TEXT, facts, [0]))
