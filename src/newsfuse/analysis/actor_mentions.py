"""Words that name actors, and what they say of them (``article.actor_mentions``).

Two readings, both of one article, so the event's actors (event_actors.py) are put
together from spans without reading text again:

- a country's forces acting ("Tajik forces fired", "Kyrgyz border guards"): ``forces``
  with the country;
- each named actor the NER found (NORP, ORG, PERSON, GPE): the country it names, whether
  it *is* that country or one of its state organs ("the Armenian Ministry of Defense" is
  the state; "the Armenian Apostolic Church" is not), the ACLED kind of its head noun, and
  whether its sentence urges, mediates or condemns (a third party's words). A name that
  says none of these is left out: its absence means "nothing known".
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import ActorMention, Article, Span
from .actor_kinds import kind_at
from .claims_vocab import country_of, demonyms
from .sentences import split_sentences
from .spans import SpanIndex

ACTOR_LABELS = {"NORP", "ORG", "PERSON"}
STATE_LABELS = ACTOR_LABELS | {"GPE"}  # a country is an actor; a town is a place

_THIRD_PARTY = re.compile(
    r"\b(?:urged|called (?:on|for)|mediat\w*|brokered|talks|ceasefire|restraint|condemned|concerned|appealed)\b", re.I)
_FORCES = re.compile(r"\b([A-Z][\w-]+)\s+(?:armed\s+)?(?:forces|troops|army|military(?!\s+base)|soldiers|servicemen|units|"
                     r"artillery|drones|border guards)\b")
# Words that name a state's organs rather than something else of the country ("Armenian
# troops" is the state; "Armenian Apostolic Church" is not).
_ORGAN_WORDS = set("""forces force troops army military soldiers servicemen border guards guard government
authorities officials ministry defence defense foreign affairs president presidency side armed national
security state republic interior leadership command general staff service services committee
agency office of the and s""".split())
_POLICE_WORDS = {"police", "policemen", "officers"}


@lru_cache(maxsize=1)
def _country_words() -> re.Pattern[str]:
    names = sorted(demonyms(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.I)


@lru_cache(maxsize=8192)
def state_of(name: str) -> tuple[str, str] | None:
    """("state"|"police", ISO2) when ``name`` is a country or one of its state organs."""
    found = country_of(name)
    if not found:
        return None
    rest = re.findall(r"[\w-]+", _country_words().sub(" ", name.replace("’s", "").replace("'s", "")).lower())
    if any(w not in _ORGAN_WORDS | _POLICE_WORDS for w in rest):
        return None
    return ("police" if set(rest) & _POLICE_WORDS else "state"), found[0]


def _forces(text: str) -> list[ActorMention]:
    out = []
    for m in _FORCES.finditer(text):
        found = country_of(m.group(1))
        if found:
            out.append(ActorMention(m.start(), m.end(), m.group(), "forces", country=found[0]))
    return out


def _named(article: Article) -> list[ActorMention]:
    sentences: list[Span] = article.sentences or split_sentences(article.text)
    index = SpanIndex()  # thousands of names in a long article: no scan of every sentence for each
    text_of: dict[tuple[int, int], str] = {}
    for s in sentences:
        index.add((s.start, s.end))
        text_of.setdefault((s.start, s.end), s.text)
    out = []
    for e in article.entities:
        if e.label not in STATE_LABELS:
            continue
        state = state_of(e.text)
        country = country_of(e.text)
        kind = kind_at(e.text)
        found = index.covering(e.start)
        context = text_of[found] if found else ""
        third_party = bool(_THIRD_PARTY.search(context))
        if state or country or kind or third_party:
            out.append(ActorMention(e.start, e.end, e.text, e.label, kind=kind[0] if kind else None,
                                    country=country[0] if country else None,
                                    organ=state[0] if state else None, third_party=third_party))
    return out


def find_actor_mentions(article: Article) -> list[ActorMention]:
    """Forces by country, then the named actors the entities hold, in text order each."""
    return _forces(article.text) + _named(article)
