"""The whole run over JSON Lines (Hypothesis): ``newsfuse.pipeline.run(['-'], store, stdin=...)``.

Whatever the lines hold, the run finishes, no analysis component fails on an
article, every event record is JSON with ``allow_nan=False``, and running the
same lines again adds nothing (ids are stable). Each example loads spaCy's pipeline on real text, so the budget is a
fraction of the other properties' (PIPELINE_EXAMPLES; see tests/conftest.py).
"""

from __future__ import annotations

import io
import json
import os

from hypothesis import example, given, settings, strategies as st

from newsfuse.pipeline import run
from newsfuse.render.record import all_records
from newsfuse.store import open_store
from tests.test_fuzz import NEWSY, PUBLISHED, TEXT
from tests.test_fuzz_ingest import HTML

PIPELINE_EXAMPLES = 2_000 if os.environ.get("NEWSFUSE_FUZZ") == "1" else 6

_LEAD = ("Police in the river town of Varnek said {n} people were killed and {m} wounded on {day} when a "
         "truck struck a market stall, according to the regional governor.")


@st.composite
def _article(draw) -> dict:
    """A report: a plausible lead (so clustering, claims and briefs run) and news-shaped noise."""
    lead = _LEAD.format(n=draw(st.sampled_from(["two", "12", "at least 40", "dozens of", "9" * 400, "1,200"])),
                        m=draw(st.sampled_from(["three", "7", "several", "1e999"])),
                        day=draw(st.sampled_from(["Monday", "13 September 2022", "yesterday", "the 31st"])))
    obj = {"text": lead + draw(st.sampled_from([" ", "\n\n", ""])) + draw(NEWSY)}
    for key, value in (("title", st.one_of(NEWSY, TEXT)), ("source", TEXT), ("url", TEXT),
                       ("published", PUBLISHED), ("tags", st.lists(TEXT, max_size=3))):
        if draw(st.booleans()):
            obj[key] = draw(value)
    if draw(st.integers(0, 5)) == 0:
        obj = {k: v for k, v in obj.items() if k != "text"} | {"html": f"<p>{lead}</p>" + draw(HTML)}
    return obj


LINES = st.lists(_article(), min_size=1, max_size=4).map(
    lambda objs: b"".join(json.dumps(o).encode("ascii") + b"\n" for o in objs))


@settings(max_examples=PIPELINE_EXAMPLES)
@given(LINES)
@example(json.dumps({"text": _LEAD.format(n="9" * 400, m="two", day="Monday"), "title": "x\udc00",
                     "tags": {"k\udc00": [float("nan"), 10 ** 30]}}).encode() + b"\n")
def test_a_run_over_any_lines_stores_valid_json_and_is_stable(lines):
    store = open_store(":memory:")
    try:
        first = run(["-"], store, stdin=io.BytesIO(lines))
        records = all_records(store)
        for record in records:
            json.dumps(record, allow_nan=False, ensure_ascii=False).encode("utf-8")
        for article in store.iter_articles():
            json.dumps(article.to_dict(), allow_nan=False, ensure_ascii=False).encode("utf-8")
            assert not article.metadata.get("analysis_errors")  # a component that raised lost its field
        again = run(["-"], store, stdin=io.BytesIO(lines))
        assert again.added == 0 and again.already_stored + again.duplicates_in_batch == first.processed
        assert len(all_records(store)) == len(records)
    finally:
        store.close()
