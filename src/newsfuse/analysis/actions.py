"""The actions each sentence names and who takes part in them, as spans (``article.actions``).

Read once per article so the event stage never re-reads text: the event's type
(event_type.py) votes with the actions of its reports' core sentences, and its unnamed
parties (event_actors.py) are the agents and targets found here. An action named under a
statement, a plan or a negation ("condemned the attack", "threatened to shell") counts 0,
one named as what led to something else ("after a shooting") counts less. Vocabulary:
data/event_actions.tsv; the rules: docs/event-types.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..models import ActionMention, ActorMention, Article, SentenceActions, Span
from .actor_kinds import kinds_in
from .sentences import split_sentences

PRIOR_FACTOR = 0.3
# a clause ends at these marks; a comma before three digits separates thousands ("15,000")
_CLAUSE_PUNCT = re.compile(r"[;:(]|,(?!\d{3}\b)")
SCOPE_CHARS = 60  # how far a "threatened to" or an "after" reaches forward in its clause
# Outcomes and follow-ups: what came of an incident, not what it was (no agent is read for them).
WEAK_ACTIONS = frozenset({"kill", "arrest", "follow_up"})


@dataclass(frozen=True)
class _Lexicon:
    actions: dict[str, re.Pattern[str]]
    any_action: re.Pattern[str]  # matches wherever one of ``actions`` does: skips most sentences at once
    block: re.Pattern[str]
    prior: re.Pattern[str]
    past: re.Pattern[str]
    brk: re.Pattern[str]
    charge: re.Pattern[str]


def _compile(patterns: list[str]) -> re.Pattern[str]:  # longest first: "bomb attack" before "bomb"
    ordered = sorted(patterns, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(ordered) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    rows: dict[str, list[str]] = {}
    text = resources.files("newsfuse.data").joinpath("event_actions.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        action, pattern = line.split("\t", 1)
        rows.setdefault(action, []).append(pattern.strip())
    scope = {k: rows.pop(k) for k in ("_block", "_prior", "_past", "_break", "_charge")}
    return _Lexicon({a: _compile(p) for a, p in rows.items()}, _compile([p for ps in rows.values() for p in ps]),
                    _compile(scope["_block"]), _compile(scope["_prior"]), _compile(scope["_past"]),
                    _compile(scope["_break"]), _compile(scope["_charge"]))


def sentence_actions(sentence: str) -> list[ActionMention]:
    """The actions a sentence names, longest wording first, each with how much it counts
    (offsets into ``sentence``)."""
    return list(_sentence_actions(sentence))


@lru_cache(maxsize=4096)  # copies of one wire report repeat the same sentences
def _sentence_actions(sentence: str) -> tuple[ActionMention, ...]:
    lex = lexicon()
    if not lex.any_action.search(sentence):
        return ()
    found = [(m.start(), m.end(), action) for action, rx in lex.actions.items() for m in rx.finditer(sentence)]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str]] = []
    for start, end, action in found:  # "exchange of gunfire" is a clash, not also a shooting
        if any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in kept):
            continue
        if any(s == start and e == end for s, e, _ in kept):
            continue
        kept.append((start, end, action))
    punct = [m.end() for m in _CLAUSE_PUNCT.finditer(sentence)]
    words = [(m.start(), m.end(), m.group().lower()) for m in lex.brk.finditer(sentence)]
    # a statement reaches into its "that" clause ("denied that troops shelled"); nothing else does
    block_breaks = [0] + punct + [e for _, e, w in words if w != "that"]
    breaks = [0] + punct + [e for _, e, _ in words]
    # a scope word inside an action's own wording ("seized control", "confiscated") scopes nothing
    blocks = [(m.start(), m.end()) for m in lex.block.finditer(sentence)
              if not any(s <= m.start() and m.end() <= e for s, e, _ in kept)]
    priors = [(m.start(), m.end()) for m in lex.prior.finditer(sentence)]
    pasts = [(m.start(), m.end()) for m in lex.past.finditer(sentence)]
    charges = [(m.start(), m.end()) for m in lex.charge.finditer(sentence)]
    mentions, charged = [], set()
    for start, end, action in kept:
        if any(s <= start < e for s, e in blocks):
            continue

        def governs(spans: list[tuple[int, int]], stops: list[int]) -> bool:
            clause = max(b for b in stops if b <= start)
            return any(clause <= s and e <= start and start - e <= SCOPE_CHARS for s, e in spans)

        later = [b for b in breaks if b > end]
        clause_end = min(later) if later else len(sentence)
        past = any(end <= s < min(clause_end, end + SCOPE_CHARS) for s, _ in pasts)
        factor = 0.0 if governs(blocks, block_breaks) else PRIOR_FACTOR if governs(priors, breaks) or past else 1.0
        if action == "blockade" and _by_the_state(sentence[max(b for b in breaks if b <= start):start]):
            factor = 0.0  # "police blocked the roads to the square": a measure, not a protest
        if charges and governs(charges, breaks):
            charged.add(len(mentions))
        mentions.append(ActionMention(action, start, end, factor))
    return tuple(_background_alone(_charged_acts(mentions, charged)))


def _charged_acts(mentions: list[ActionMention], charged: set[int]) -> list[ActionMention]:
    """What someone is arrested, charged or convicted for is the incident the arrest follows
    ("arrested a man accused of shooting two neighbours"): it counts as what came before when
    the sentence's own event is the arrest or trial, not at all under a mere accusation."""
    follow_up = any(m.factor == 1.0 and m.action in ("arrest", "follow_up") and i not in charged
                    for i, m in enumerate(mentions))
    if not follow_up:
        return mentions
    return [ActionMention(m.action, m.start, m.end, PRIOR_FACTOR) if i in charged and m.action not in WEAK_ACTIONS
            else m for i, m in enumerate(mentions)]


def _by_the_state(before: str) -> bool:
    """Is the last actor named before the verb in its clause police or troops?"""
    nouns = kinds_in(before)
    return bool(nouns) and nouns[-1][2] in ("state_forces", "police")


def _background_alone(mentions: list[ActionMention]) -> list[ActionMention]:
    """An action named as what came before counts when the sentence's own event is its
    outcome or follow-up ("died after being shot", "charged after the shooting"); when the
    sentence's own event is something else ("lifted a curfew after riots"), it does not."""
    own = [m for m in mentions if m.factor == 1.0]
    if own:
        return mentions
    return [ActionMention(m.action, m.start, m.end, 0.0) for m in mentions]


# Who an attack is done to: the object of an active verb, or the subject of a passive one.
_ACTIVE = re.compile(r"\b(?:shot|shoot|attack(?:ed|ing)?|ambush(?:ed|ing)?|fired (?:at|on|upon)|"
                     r"opened fire (?:at|on)|killed|wounded|stabbed|gunned down|targeted)\s+((?:[^\s,;:]+\s+){0,3}[^\s,;:]+)",
                     re.I)
_PASSIVE = re.compile(r"((?:[^\s,;:]+\s+){0,2}?[^\s,;:]+)\s+(?:was|were|had been|have been|has been|being)\s+(?:\w+ly\s+)?"
                      r"(?:shot|attacked|ambushed|killed|wounded|stabbed|gunned down|targeted|fired (?:at|on|upon))\b",
                      re.I)
_AUXILIARY = re.compile(r"\s(?:was|were|been|being)\s", re.I)  # a passive cannot match without one
_REPORTED = re.compile(r"\b(?:say|says|said|told|reported|believe|believed|according to)\b", re.I)
_SUSPECT = re.compile(r"\bsuspect", re.I)
_NO_OBJECT = re.compile(r"\s*(?:$|[,.;:]|(?:in|on|outside|near|during|while|after|early|late|overnight|"
                        r"dead|to death|and (?:killed|wounded|injured))\b)", re.I)
_NOT_OBJECT = re.compile(r"(?:by|in|while|after|during|near|outside|at|to|and|when|as|with|on|from|into)\b", re.I)
_TAKES = re.compile(r"((?:\S+\s+){0,4}?\S+)\s+(?:have |has |had )?(?:re)?(?:took|taken|retake|retaken|"
                    r"recaptured|captured|overran|overrun|seized)\b", re.I)
_TAKING = re.compile(r"(?:took|taken|retake|captured|overran|overrun|seized)\b", re.I)  # _TAKES needs one
_MOB = re.compile(r"\b(?:mobs?|lynch\w*)\b", re.I)


def _party(label: str, base: int, field: str, sentence: str, start: int, end: int, kind: str) -> ActorMention:
    return ActorMention(base + start, base + end, sentence[start:end], label, kind=kind, field=field)


def _targets(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the people attacked ("opened fire on protesters" -> protesters)."""
    found: list[tuple[int, int, str]] = []
    passive = _AUXILIARY.search(sentence)  # cheap: the passive pattern is slow where it cannot match
    for rx, head in ((_ACTIVE, 0), (_PASSIVE, -1)):  # the object's head comes first, the subject's last
        for m in rx.finditer(sentence) if rx is _ACTIVE or passive else ():
            phrase = _REPORTED.split(m.group(1))[-1]  # "women police say were shot": the women
            if rx is _ACTIVE and _NOT_OBJECT.match(phrase):
                continue  # "shot by a deputy", "shot in the leg": no object
            nouns = kinds_in(phrase)
            noun = nouns[head] if nouns else None
            if noun and not (noun[2] == "political_militia" and _SUSPECT.search(phrase)):
                offset = m.end(1) - len(phrase)  # a suspect is not known to be armed
                found.append((offset + noun[0], offset + noun[1], noun[2]))
    return found


def _last_words(text: str, offset: int, n: int) -> tuple[str, list[tuple[int, int]]]:
    """The last ``n`` words of ``text`` joined by single spaces, and (position in the joined
    phrase, position in the sentence) of each word, to map a noun back to its offsets."""
    words = list(re.finditer(r"\S+", text))[-n:]
    places, at = [], 0
    for w in words:
        places.append((at, offset + w.start()))
        at += len(w.group()) + 1
    return " ".join(w.group() for w in words), places


def _in_sentence(places: list[tuple[int, int]], position: int) -> int:
    joined, original = max(p for p in places if p[0] <= position)
    return original + position - joined


def _agents(sentence: str, mentions: list[ActionMention]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of who does each counted action ("police said a gunman opened fire
    on four men": a gunman); a headline passive ("Four men shot outside bar") has no agent."""
    found: list[tuple[int, int, str]] = []
    for m in mentions:
        if m.factor < 1 or m.action in WEAK_ACTIONS:
            continue
        window = max(0, m.start - 50)
        before = re.split(r"[,;:()]", sentence[window:m.start])[-1]
        passive = re.search(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", before)
        if not passive and _NO_OBJECT.match(sentence[m.end:]):
            continue
        if passive:
            by = re.match(r"\s*(?:\S+\s+){0,3}?by\s+((?:\S+\s+){0,2}\S+)", sentence[m.end:m.end + 50])
            phrase = by.group(1) if by else ""
            places = [(0, m.end + by.start(1))] if by else []
        else:
            phrase, places = _last_words(before, m.start - len(before), 4)
        nouns = kinds_in(phrase) if phrase else []
        if nouns:
            start, end, kind, _ = nouns[-1]
            found.append((_in_sentence(places, start), _in_sentence(places, end - 1) + 1, kind))
    return found


def _captor(sentence: str) -> tuple[int, int, str] | None:
    """(start, end, kind) of who took territory ("rebels captured the town" -> rebels)."""
    m = _TAKES.search(sentence) if _TAKING.search(sentence) else None  # _TAKES alone is slow
    nouns = kinds_in(m.group(1)) if m else []
    if not m or not nouns:
        return None
    start, end, kind, _ = nouns[-1]
    return m.start(1) + start, m.start(1) + end, kind


def read_sentence(sentence: str, start: int = 0, field: str = "text") -> SentenceActions | None:
    """The actions of one sentence at ``start`` of ``field``, and when one counts, its parties."""
    mentions = sentence_actions(sentence)
    if not mentions:
        return None
    shifted = [ActionMention(m.action, start + m.start, start + m.end, m.factor) for m in mentions]
    record = SentenceActions(start, start + len(sentence), actions=shifted, field=field)
    if any(m.factor > 0 for m in mentions):  # only counted sentences are read for parties
        for label, spans in (("agent", _agents(sentence, mentions)), ("target", _targets(sentence)),
                             ("captor", [c] if (c := _captor(sentence)) else [])):
            record.parties += [_party(label, start, field, sentence, s, e, kind) for s, e, kind in spans]
        record.mob = bool(_MOB.search(sentence))
    return record


def find_actions(article: Article) -> list[SentenceActions]:
    """The title's and every sentence's actions, for the sentences that name one."""
    sentences: list[Span] = article.sentences or split_sentences(article.text)
    found = [read_sentence(article.title, 0, "title")] if article.title else []
    found += [read_sentence(s.text, s.start) for s in sentences]
    return [f for f in found if f is not None]
