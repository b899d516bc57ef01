"""Casualty words by category, shared by the claims modules."""

from __future__ import annotations

import re

CATEGORY_WORDS: dict[str, str] = {}
for _cat, _words in {
    "killed": "killed|killing|kill|kills|dead|died|die|dies|death|deaths|death toll|toll|slain|"
              "perished|fatalities|fatality|lost|lose|lives|bodies",
    "wounded": "wounded|wounding|wounds|injured|injuring|injuries|injury|hurt|hurting|casualties",
    "captured": "captured|capturing|capture|captures|detained|detaining|detain|detains|abducted|"
                "abducting|kidnapped|kidnapping|taken prisoner|taken captive|seized|seizing|"
                "taken into custody|in custody|taken hostage|held hostage|prisoners|prisoners of war|"
                "detainees|apprehended|apprehending|detention|detentions",
    "arrested": "arrested|arresting|arrest|arrests",
    "missing": "missing|unaccounted for",
    "displaced": "displaced|displacing|fled their homes|homeless|evacuated",
}.items():
    for _w in _words.split("|"):
        CATEGORY_WORDS[_w] = _cat
KW = "|".join(sorted((re.escape(w) for w in CATEGORY_WORDS), key=len, reverse=True))
KW_RE = re.compile(rf"\b(?:{KW})\b", re.I)
