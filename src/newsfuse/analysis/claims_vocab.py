"""Casualty words by category, shared by the claims modules."""

from __future__ import annotations

import re
from functools import lru_cache

from ..geo.gazetteer import read_demonyms

CATEGORY_WORDS: dict[str, str] = {}
for _cat, _words in {
    "killed": "killed|killing|kill|kills|dead|died|die|dies|death|deaths|death toll|toll|slain|"
              "perished|fatalities|fatality|lost|lose|lives|bodies|"
              # how news says someone was killed with a weapon (the manner is not a second figure)
              "shot dead|shot to death|shot and killed|shooting and killing|fatally shot|fatally shooting|"
              "fatally wounded|fatally injured|fatally struck|fatally stabbed|stabbed to death|beaten to death|"
              "gunned down|murdered|slaying|pronounced dead|found dead|succumbed|"
              "murder of|killing of|slaying of|fatal shooting of|shooting death of",
    "wounded": "wounded|wounding|wounds|injured|injuring|injuries|injury|hurt|hurting|casualties|"
               "shot and wounded|shot and injured|hospitalized|hospitalised",
    # hit by gunfire, dead or alive: "four people were shot, one fatally" (casualties.py keeps the parts apart)
    "shot": "shot|shoots|shooting victims|gunshot victims|hit by a stray bullet|hit by stray bullets|hit by a bullet|"
            "hit by gunfire|struck by a stray bullet|struck by a bullet|struck by gunfire|struck by stray gunfire",
    "captured": "captured|capturing|capture|captures|detained|detaining|detain|detains|abducted|"
                "abducting|kidnapped|kidnapping|taken prisoner|taken captive|seized|seizing|"
                "taken into custody|in custody|taken hostage|held hostage|prisoners|prisoners of war|"
                "detainees|apprehended|apprehending|detention|detentions|surrendered|turned himself in|"
                "turned themselves in|gave himself up|gave themselves up",
    "arrested": "arrested|arresting|arrest|arrests",
    "missing": "missing|unaccounted for",
    "displaced": "displaced|displacing|fled their homes|homeless|evacuated",
}.items():
    for _w in _words.split("|"):
        CATEGORY_WORDS[_w] = _cat
KW = "|".join(sorted((re.escape(w) for w in CATEGORY_WORDS), key=len, reverse=True))
KW_RE = re.compile(rf"\b(?:{KW})\b", re.I)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, tuple[str, str]]:
    """lower-cased name/demonym/alias -> (ISO2, demonym) from ``data/demonyms.tsv``."""
    table: dict[str, tuple[str, str]] = {}
    for iso, country, dems, aliases in read_demonyms():
        main = dems[0] if dems else country
        for name in [country, *dems, *aliases]:
            if name:
                table[name.lower()] = (iso, main)
    return table


@lru_cache(maxsize=1)
def _longest_name() -> int:
    return max((len(name.split()) for name in demonyms()), default=1)


@lru_cache(maxsize=8192)
def country_of(text: str | None) -> tuple[str, str] | None:
    """(ISO2, demonym) of the first country, demonym or capital named in ``text``.

    Cached: the claims of one sentence ask about the same claimant again and again.
    A run of capitalised words is tried in pieces no longer than the longest name
    in the table (trying every piece of a 1,000-word run was cubic)."""
    if not text:
        return None
    table = demonyms()
    for m in re.finditer(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*", text):
        words = m.group().replace("’s", "").replace("'s", "").split()
        for n in range(min(len(words), _longest_name()), 0, -1):  # longest first: "South Sudan" before "Sudan"
            for i in range(len(words) - n + 1):
                name = " ".join(words[i:i + n]).lower()
                hit = table.get(name) or table.get(name.rstrip("."))  # "U.S." as written, "Kyrgyz." at an end
                if hit:
                    return hit
    return None
