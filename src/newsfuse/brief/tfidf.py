"""TF-IDF vectors for the brief, computed as scikit-learn's ``TfidfVectorizer`` does.

The brief used ``TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=...)``.
Importing scikit-learn costs about a second, a tenth of a whole run on one long report, for
twenty lines of arithmetic. This module does the same arithmetic in the same order (the
vocabulary numbered by first appearance, rows' entries kept in that order, columns renumbered
alphabetically, sublinear counts times smoothed idf, each row divided by its L2 norm summed
entry by entry), so the matrices are equal to the last bit and the briefs do not change
(``tests/test_brief_tfidf.py`` compares them with scikit-learn's).

The English stop words are scikit-learn's own list, read from its file without importing the
package (so nothing is copied here and the list stays the installed one).
"""

from __future__ import annotations

import functools
import importlib.util
import math
import re
from pathlib import Path

TOKEN = re.compile(r"(?u)\b\w[\w'-]*\b")


@functools.lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """scikit-learn's ``ENGLISH_STOP_WORDS``, loaded from its one file (no package import)."""
    spec = importlib.util.find_spec("sklearn")  # locates the package; does not run it
    if spec is not None and spec.submodule_search_locations:
        path = Path(list(spec.submodule_search_locations)[0]) / "feature_extraction" / "_stop_words.py"
        if path.is_file():
            file_spec = importlib.util.spec_from_file_location("_newsfuse_english_stop_words", path)
            if file_spec is not None and file_spec.loader is not None:
                module = importlib.util.module_from_spec(file_spec)
                file_spec.loader.exec_module(module)
                words = getattr(module, "ENGLISH_STOP_WORDS", None)
                if isinstance(words, frozenset):
                    return words
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # another layout: import it

    return frozenset(ENGLISH_STOP_WORDS)


def tfidf(texts: list[str]):
    """A ``scipy.sparse.csr_matrix`` of L2-normalised, sublinear, smoothed TF-IDF rows, or
    None when the texts hold no word but stop words (scikit-learn raises then)."""
    import numpy as np
    import scipy.sparse

    stop = english_stop_words()
    vocabulary: dict[str, int] = {}
    indices: list[int] = []
    counts: list[int] = []
    indptr = [0]
    for text in texts:
        row: dict[int, int] = {}
        for token in TOKEN.findall(text.lower()):
            if token in stop:
                continue
            j = vocabulary.setdefault(token, len(vocabulary))
            row[j] = row.get(j, 0) + 1
        for j in sorted(row):  # scikit-learn sorts each row by first-appearance number
            indices.append(j)
            counts.append(row[j])
        indptr.append(len(indices))
    if not vocabulary:
        return None
    renumber = np.empty(len(vocabulary), dtype=np.int32)
    for new, (_, old) in enumerate(sorted(vocabulary.items())):
        renumber[old] = new
    columns = renumber.take(np.asarray(indices, dtype=np.int32))  # rows keep their order
    n_docs = len(texts)
    df = np.bincount(columns, minlength=len(vocabulary)).astype(np.float64) + 1.0
    idf = np.full_like(df, fill_value=n_docs + 1, dtype=np.float64)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    data = np.asarray(counts, dtype=np.float64)
    np.log(data, data)
    data += 1.0
    data *= idf[columns]
    values = data.tolist()
    for start, end in zip(indptr, indptr[1:]):  # the norm summed entry by entry, as scikit-learn does
        total = 0.0
        for k in range(start, end):
            total += values[k] * values[k]
        if total != 0.0:
            norm = math.sqrt(total)
            for k in range(start, end):
                values[k] /= norm
    matrix = scipy.sparse.csr_matrix(
        (np.asarray(values, dtype=np.float64), columns, np.asarray(indptr, dtype=np.int32)),
        shape=(n_docs, len(vocabulary)))
    return matrix
