"""SpanIndex answers as a scan over every span would."""

from __future__ import annotations

import random

from newsfuse.analysis.spans import SpanIndex


def test_covering_and_overlapping_agree_with_a_scan():
    rng = random.Random(7)
    index, spans = SpanIndex(), []
    for _ in range(300):
        start = rng.randrange(0, 5000)
        span = (start, start + rng.randrange(1, 60))
        index.add(span)
        spans.append(span)
    for pos in range(0, 5100, 7):
        covering = [s for s in spans if s[0] <= pos < s[1]]
        found = index.covering(pos)
        assert (found is None) == (not covering)
        assert found is None or found[0] == min(s for s, _ in covering)
        end = pos + rng.randrange(1, 40)
        assert index.overlapping(pos, end) == any(s < end and pos < e for s, e in spans)
