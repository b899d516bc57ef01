"""How the gazetteer spells its keys, which names it reads, and how it measures distance: kept
apart from the index so ``gazetteer.py`` stays readable. All of it shapes the cached index, so
this file is part of the cache key (:meth:`newsfuse.geo.gazetteer.Gazetteer.cache_path`, :mod:`newsfuse.geo.cache`)."""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path

EARTH_RADIUS_KM = 6371.0
DEMONYMS_PATH = Path(__file__).resolve().parents[1] / "data" / "demonyms.tsv"

_TRANS = str.maketrans({"ı": "i", "’": "'", "‘": "'", "`": "'", "ʼ": "'", "-": " ", "–": " ", "ø": "o", "ł": "l",
                        "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ə": "a", "ǝ": "a"})


def normalize(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "Laçın" -> "lacin", "U.S." -> "us"."""
    s = name.casefold()
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s.translate(_TRANS))
        s = "".join(c for c in s if not unicodedata.combining(c))
    else:
        s = s.replace("-", " ")
    s = s.replace(".", "").replace("'", "")
    return " ".join(s.split())


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def read_demonyms(path: Path = DEMONYMS_PATH) -> list[tuple[str, str, list[str], list[str]]]:
    """Rows of the country-demonym table: (ISO2, country, demonyms, aliases).

    The one reader of ``data/demonyms.tsv``, used by the gazetteer (the demonyms) and by the
    claims (``analysis/claims_vocab.py``: every column). The first demonym names the side.
    """
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso, country, dems, *rest = line.split("\t")
        rows.append((iso.strip(), country.strip(), [d.strip() for d in dems.split(",") if d.strip()],
                     [a.strip() for a in (rest[0] if rest else "").split(",") if a.strip()]))
    return rows


def _is_code(alt: str, name: str) -> bool:
    """An airport or city code among a city's alternate names ("LON", "SHE" for Shenyang, "INC"
    for Yinchuan): writers use them for flights, not for places, and in capitals or as words
    ("Inc.", "MoD") they match what is no place. Initials stay ("NYC" for New York City)."""
    initials = "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isalpha()).upper()
    return alt.isupper() and len(alt) <= 4 and alt != initials
