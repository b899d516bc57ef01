"""brief/tfidf.py must give scikit-learn's TfidfVectorizer matrices to the last bit, so the
briefs do not change when scikit-learn is no longer imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from newsfuse.brief.tfidf import english_stop_words, tfidf

DEMO = Path(__file__).resolve().parents[1] / "demo"


def _sklearn(texts):
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    assert english_stop_words() == ENGLISH_STOP_WORDS
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=r"(?u)\b\w[\w'-]*\b")
    try:
        return vectorizer.fit_transform(texts)
    except ValueError:
        return None


def _demo_texts():
    texts = []
    for path in sorted(DEMO.glob("*")):
        if path.suffix in {".txt", ".html"}:
            body = path.read_text("utf-8")
            texts.append(body)
            texts.extend(line for line in body.splitlines() if line.strip())
    return texts


@pytest.mark.parametrize("texts", [
    ["Two soldiers were killed on Tuesday.", "The ministry said two soldiers were killed, killed, killed.",
     "Border guards' posts at Vorukh-2 were shelled", "the and of", "Ünïcode naïve café 3,000 troops"],
    ["only the and of", "it is"],
    [""],
    ["A", "word word word word word"],
])
def test_the_matrix_equals_scikit_learns_to_the_last_bit(texts):
    ours, theirs = tfidf(texts), _sklearn(texts)
    if theirs is None:
        assert ours is None
        return
    assert ours.shape == theirs.shape
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)
    assert np.array_equal(ours.data, theirs.data)  # exact, not approximately


def test_the_brief_products_equal_scikit_learns_on_the_demo_corpus():
    texts = _demo_texts()
    assert len(texts) > 100
    ours, theirs = tfidf(texts), _sklearn(texts)
    assert np.array_equal(ours.data, theirs.data) and np.array_equal(ours.indices, theirs.indices)
    n = len(texts) // 2  # sentences against documents, as brief.select.features does
    assert np.array_equal((ours[:n] @ ours[n:].T).toarray(), (theirs[:n] @ theirs[n:].T).toarray())
    assert np.array_equal((ours @ ours[3].T).toarray(), (theirs @ theirs[3].T).toarray())


def test_choosing_a_brief_does_not_import_scikit_learn():
    code = ("import sys; from newsfuse.brief.select import _vectors; "
            "m = _vectors(['Two soldiers were killed.', 'A ministry said so.']); "
            "print(m.shape, 'sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "(2, 4) False"  # soldiers, killed, ministry, said
