"""Casualty claims: every killed/wounded/captured/... figure, traced to its sentence.

:func:`find_claims` reads one analysed :class:`~newsfuse.models.Article`
(``sentences``, ``entities`` and ``numbers`` filled) and turns each number that
counts casualties into a :class:`~newsfuse.models.Claim`. The numbers come from
:mod:`newsfuse.analysis.numbers` (hedges, vague floors); this module only links a
number to what it counts:

* **category** from the casualty word next to the number in the same sentence,
  either after it ("49 soldiers were killed", "4 dead", "ten insurgent deaths",
  "left 43 wounded") or before it ("killing 12", "detained two insurgents",
  "the death toll rose to 27", "hurt another 43"). Nothing but a few modifier
  words may stand between them: no other number, no "and"/"who"/"which", no
  comma. Objects ("seized two IEDs", "captured several areas") are not people
  and make no claim. A singular "a/an/another X" with a person noun ("captured a
  Taliban leader") is a count of 1 (qualifier ``exact``); "both", names and
  definite references are found in :mod:`newsfuse.analysis.claims_people`.
  Definite references count only when nothing of that category was counted
  before ("one insurgent ... killing him"), and "the commander and two
  associates" is either 2 more or a 3 restating the lead (see
  ``docs/claims-conventions.md``).
* **whose/side** from the noun phrase after the number, with a demonym table
  (``data/demonyms.tsv``); "its/their soldiers" takes the claimant's country.
* **claimant**: the nearest attribution ("X said", "according to X", "said X")
  in the sentence; a pronoun subject ("It said") is the last claimant named.
* **size**: a figure above :data:`MAX_COUNT` (10**10, more people than are
  alive) is never a casualty count: it is a misread id, code or sum of money,
  and makes no claim (sums of such figures would also overflow downstream).
* **scope** ``background`` for earlier wars, cumulative tolls and past dates;
  **provisional** only for explicit wording ("not the final number", "may rise");
  **regional** for sub-totals of a place ("in Batken Region").
"""

from __future__ import annotations

import re

from ..models import Article, Claim, NumberMention, Span
from . import claims_index as index
from . import claims_people as people
from .claims_attrib import PRONOUN as _PRONOUN, POSSESSIVE as _POSSESSIVE, SentenceAttributions, own_toll, \
    own_toll_match, owner_before
from .claims_groups import group_phrase
from .claims_parts import merge_lists
from .claims_implied import fatal_incidents, nobody, self_inflicted
from .claims_scope import Regions, scope as _scope, second_release
from .claims_vocab import CATEGORY_WORDS, KW as _KW, KW_RE as _KW_RE, country_of  # noqa: F401 (country_of re-exported)


MAX_COUNT = 1e10  # see "size" in the module docstring

# Words that never sit inside the noun phrase between a number and its casualty word.
_NP_BLOCK = {"and", "or", "but", "while", "who", "which", "that", "whom", "after", "before", "when",
             "during", "in", "on", "at", "for", "from", "by", "said", "says", "say", "than", "as",
             "fired", "engaged", "attacked", "leads", "led", "used", "found", "were", "was", "into",
             "if", "not", "no", "the", "with", "along", "including", "during", "near"}
_BEFORE_BLOCK = _NP_BLOCK - {"the", "to", "at", "as", "than", "with", "along", "including"} | {"had", "have", "has", "is", "are"}
_TOLL_FILLER = {"rose", "risen", "has", "had", "to", "at", "stands", "stood", "reached", "climbed",
                "is", "was", "of", "now", "increased", "jumped", "toll"}
_NOT_PEOPLE = set("""ied ieds weapon weapons round rounds grenade grenades rifle rifles kilogram kilograms
kg kgs pound pounds lbs rocket rockets mortar mortars vehicle vehicles motorcycle motorcycles car cars
truck trucks area areas village villages cache caches bomb bombs shell shells mine mines landmine
landmines km kilometres kilometers mile miles tonne tonnes ton tons position positions post posts tank
tanks drone drones aircraft helicopter helicopters home homes house houses building buildings compound
compounds acre acres hectare hectares hour hours day days week weeks month months year years minute
minutes time times percent dollars magazine magazines ammunition material materials device devices
launcher launchers firearm firearms pistol pistols machine guns gun boosters kalashnikovs barrels bags
sacks items pieces heads sheep cattle animals documents phones radios computers afghanis operation operations
raid raids mission missions strike strikes airstrike airstrikes attack attacks search searches patrol patrols
shura shuras letters boxes cartons crates feet foot yards yard meters metres inches inch shots bullets casings
block blocks families households""".split())
_PROVISIONAL = re.compile(
    r"\bnot (?:yet )?(?:the )?final\b|\b(?:may|might|could|is expected to|are expected to|is likely to|"
    r"likely to|expected to|will likely|set to) (?:further )?(?:rise|increase|climb|grow|go up)\b|"
    r"\bpreliminary (?:figure|toll|count|data|information|number)s?\b", re.I)


def _words(s: str) -> list[str]:
    return re.findall(r"[\w'’\-]+", s.lower())


def _sentences(article: Article) -> list[Span]:
    if article.sentences:
        return article.sentences
    return [Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^.!?\n]+[.!?]?", article.text)]


def _np_after(text: str, end: int, limit: int) -> str:
    """The noun phrase right after a number: "of its soldiers", "suspected insurgents"."""
    words, out = index.np_words(text, end, limit), []
    for w in words:
        lw = w.lower()
        if lw in CATEGORY_WORDS or lw in (_NP_BLOCK - {"the"}) or lw in ("have", "had", "has", "are",
                                                                       "being", "been", "reportedly"):
            break
        out.append(w)
        if len(out) >= 6:
            break
    return " ".join(out)


_DEF_LIST = re.compile(  # "detained the leader and", "the commander, facilitator and": people named before
    r"^\s*(?:the|his|their)\s+(?:[\w'’\-]+\s+){0,3}?[\w'’\-]+(?:\s*,\s*(?:the\s+)?[\w'’\-]+){0,2}\s*,?\s*"
    r"(?:and|along with|as well as|together with|plus)\s+$", re.I)
_WOUNDED_HELD = re.compile(r"^\s+(?:wounded|injured)\s+(?:insurgents?\s+|men\s+)?(?:were|was)\s+(?:later\s+|also\s+)?"
                           r"(?:detained|captured|arrested|taken into custody)\b", re.I)


_REDUCED_REL = re.compile(  # "several men associated with the compound were detained"
    r"(?<=\w)\s+(?:associated with|linked to|affiliated with|belonging to|loyal to|tied to)\s+(?:the\s+|an?\s+)?"
    r"[\w'’\-]+(?:\s+(?:network|group|cell|compound|movement))?(?=\s+(?:were|was|had been|have been)\b)")


_VP_AND_KW = re.compile(
    rf"^\s*(?:[\w'’\-]+\s+){{0,2}}?(?:{people.PLURAL_PEOPLE})\b[^,.;:]{{0,80}}?\band\s+(?:were|was)\s+(?:\w+\s+)?"
    r"(?P<kw>killed|detained|captured|arrested)\b", re.I)


_OBJECT = re.compile(  # a verb's object right after it: the phrase before the verb is its agent, not its toll
    r"\s+(?:an?|another|the|his|her|their|its|two|three|four|five|six|seven|eight|nine|ten|\d+|both|him|her|them|"
    r"himself|herself|themselves|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|In|On|At|"
    r"After|During|Near|Outside|Inside)\b)[A-Z][a-z]+)\b")
_SHOT_THEN_DIED = re.compile(r"(?:\s+[\w'’\-]+){0,3}?\s+(?:(?:who|that)\s+(?:was|had\s+been|has\s+been)\s+)?"
                             r"(?:shot|wounded|injured|hospitalized|hospitalised)\b"
                             r"[^,.;]{0,70}?\s(?:has\s+|have\s+|had\s+|later\s+)?(?:died|dies|passed\s+away)\b", re.I)
_PARTITIVE = re.compile(r"\b(?:one|two|three|\d+)\s+of\s+(?:the\s+)?$", re.I)  # "one of the three men hurt … has died"
_FATALLY = re.compile(r"\s*(?:of (?:them|those|the victims)\s+)?(?:fatally|mortally)\b(?!\s+(?:shot|wounded|injured|struck))",
                      re.I)


def _counts_people(np: str) -> bool:
    """Is the noun phrase after a number a plural of people ("people", "other men", "young children")?"""
    for w in _words(np)[:3]:
        if w in ("people", "persons", "others", "men", "women", "children") or \
                (w.endswith("s") and w[:-1] in people.PERSON_WORDS):
            return True
    return False


def _link(text: str, m: NumberMention, prv: int, nxt: int, pseudo: bool = False):
    """(category, distance) of the casualty word this number counts, or None.

    ``prv``/``nxt``: where the mention before ``m`` ends and the one after it starts
    (else the sentence's start and end)."""
    after = text[m.end:nxt]
    np_after = _np_after(text, m.end, nxt)
    if re.search(r"\b(?:took|take|takes|taking)\s+(?:the\s+)?$", text[prv:m.start], re.I) \
            and re.match(r"[^,;.]{0,40}?\binto custody\b", after):
        return ("captured", 1)  # "took the two occupants of the vehicle into custody"
    if not pseudo and any(w in _NOT_PEOPLE for w in _words(np_after)[:4]):
        return None
    vp = _VP_AND_KW.match(after)
    if vp and not pseudo:
        return (CATEGORY_WORDS[vp.group("kw").lower()], 6)  # "several insurgents fired at the patrol and were killed"
    if pseudo and people.is_named(m):
        ap = re.match(rf"\s*,[^,.;]{{1,80}},\s+(?:was|had been|has been)\s+(?:\w+\s+)?(?P<kw>{_KW})\b", after, re.I)
        if ap:
            return (CATEGORY_WORDS[ap.group("kw").lower()], 2)  # "Sangari, an insurgent leader, was killed"
    if _SHOT_THEN_DIED.match(text, m.end, nxt) and not _PARTITIVE.search(text, max(0, m.start - 20), m.start):
        return ("killed", 3)  # "a boy shot in the chest on Friday has died": shot, then died of it
    if _FATALLY.match(after):
        return ("killed", 1)  # "four people were shot, one fatally": the part of the shot who died
    if _WOUNDED_HELD.match(after):
        return ("captured", 2)  # "the two wounded were detained": held, counted as captured
    best = None
    am = index.after_keyword(_REDUCED_REL.sub(lambda r: "x" * len(r.group()), after, count=1))
    if am and not (set(_words(am[0])) & (_NP_BLOCK - {"the"})):
        active = not am[1].strip() and _OBJECT.match(text, m.end + len(am[3]) + len(am[2]))
        if not re.search(r"[,;:()\[\]“”\"]", am[3]) and not active:  # "a man fatally shot his wife": the agent
            kw = am[2].lower()
            if kw == "shoots":
                return None  # "a man shoots ...": the shooter, not a victim
            if kw in ("wounds", "wound") and not am[1].strip():
                return None  # "suffered three gunshot wounds" counts wounds, not people
            if kw == "die" and not am[1].strip() and _counts_people(am[0]):
                return ("killed", len(_words(am[0])))  # a headline's present: "Two Ashvale teens die"
            if not (kw in ("lost", "lose", "lives", "toll", "bodies", "death", "prisoners", "detainees",
                           "arrest", "arrests", "capture", "captures", "detention", "detentions",
                           "kill", "kills", "die", "detain",
                           "detains", "in custody")
                    and not am[1].strip() and kw not in ("lives", "bodies", "death")):
                best = (CATEGORY_WORDS[kw], len(_words(am[0] + am[1])))
    before = text[prv:m.start]
    kws = list(_KW_RE.finditer(before))
    if kws:
        k = kws[-1]
        kw = k.group().lower()
        gap = before[k.end():]
        if _DEF_LIST.match(gap) and not _KW_RE.search(gap):
            gap = " "  # "detained the leader and two associates": the leader was counted already
        gw = _words(gap)
        ok = not re.search(r"[,;:()\[\]“”\"]", gap) and len(gw) <= 6
        if kw in ("toll", "death toll", "death", "deaths", "casualties", "fatalities"):
            ok = ok and all(w in _TOLL_FILLER for w in gw) and kw != "deaths"
        elif kw in ("wounded", "injured", "shoots") and not gw and (
                _counts_people(np_after) or (pseudo and m.text.lower() in ("a", "an", "another"))):
            pass  # the active verb: "the blast injured three people", "wounded a 9-year-old", "shoots 3 men"
        elif kw == "shoots":
            ok = False  # "shoots" counts only the people named after it
        elif kw in ("dead", "wounded", "injured", "missing", "displaced", "homeless", "injuries", "lives",
                    "bodies", "detainees", "prisoners", "hurt") and kw != "hurt":
            ok = False
        else:
            ok = ok and not (set(gw) & _BEFORE_BLOCK)
        if re.search(r"(?<!addition )\b(?:to|attempt(?:ing|ed)? to|in order to|sought to|trying to|plan(?:ned)? to)\s+$",
                     before[:k.start()]):
            ok = False  # "an operation to detain a leader": an aim, not a result
        if kw in ("lost", "lose") and not re.search(r"soldier|troop|servicem|men\b|fighter|of (its|their)",
                                                    np_after, re.I):
            ok = False
        if ok and (best is None or len(gw) < best[1]):
            best = (CATEGORY_WORDS[kw], len(gw))
    if best and best[0] == "captured" and re.search(r"\b(?:seized|seizing)\b", text[prv:nxt], re.I) \
            and not re.search(r"\b(?:insurgent|militant|suspect|fighter|soldier|troop|men|people|"
                              r"person|of (?:its|their|them))", np_after, re.I):
        return None  # "seized two" of something unnamed: not people
    return best


_LIST_GAP = re.compile(r"\s*((?:[\w'’\-]+\s+){0,4}?)[\w'’\-]*\s*(?:,\s*and|and|,|along with|as well as|plus|"
                       r"together with)\s+")


def _coordinated(text: str, m: NumberMention, last: tuple[Claim, NumberMention] | None):
    """A list member: "captured a leader and several associates" -> the category of "a leader"
    (``last``: the sentence's last claim so far, with its mention)."""
    if last is None:
        return None
    c, pm = last
    g = _LIST_GAP.fullmatch(text, pm.end, m.start)
    if any(w in _NOT_PEOPLE for w in _words(_np_after(text, m.end, len(text)))[:4]):
        return None  # "detained several insurgents and multiple weapons"
    if g and not (set(_words(g.group(1))) & _NP_BLOCK) and not _KW_RE.search(text[pm.end:m.start]):
        return (c.category, 0)
    if index.ends_with_joiner(text, pm.end, m.start):
        gap = text[pm.end:m.start]
        if not _KW_RE.search(gap) and not re.search(r"[;:“”\"]", gap):
            return (c.category, 1)  # "captured a facilitator who ..., along with more than 10 of his associates"
    return None


def _whose(np: str, claimant: str | None) -> tuple[str | None, str | None]:
    words = np.split()
    if not words:
        return None, None
    poss = re.match(r"(?i)(?:of\s+)?(its|their|his|her|our)\s+(.+)", np)
    if poss:
        noun = poss.group(2)
        c = country_of(claimant) if poss.group(1).lower() in ("its", "their", "our") else None
        if c and not country_of(noun):
            return f"{c[1]} {noun}", c[0]
        c2 = country_of(noun)
        return (noun, c2[0] if c2 else None)
    np = re.sub(r"(?i)^(?:of\s+(?:the|them|these|those)\s*|other\s+|additional\s+|more\s+|another\s+)", "", np)
    np = re.sub(r"(?i)^of\s+", "", np)  # "of Tajikistan's soldiers"
    np = re.sub(r"(?i)^(?:the|an?)\s+", "", np).strip()
    np = re.sub(r"(?i)\s+(?:today|yesterday|tonight|overnight|last night|this morning)$", "", np)
    if not np:
        return None, None
    c = country_of(np)
    return np, (c[0] if c else None)


def _self_is_counted(text: str, pairs: list[tuple[Claim, NumberMention]], own: Claim) -> bool:
    """Is the person who shot himself the sentence's counted subject already ("A man shot himself
    and later died": one dead, not a victim and an attacker)? A counted object ("killed a woman
    before killing himself") is somebody else."""
    for c, m in pairs:
        if c.start == own.start and c.number == 1 and c.category in ("killed", "shot") \
                and not _KW_RE.search(text, c.start, m.start):
            return True
    return False


_NEGATED = re.compile(r"\b(?:without|not|never)\s+(?:giving|providing|specifying|saying|give|provide|specify|say)"
                      r"(?:\s+\w+){0,3}\s*$", re.I)  # "without giving several deaths": no figure at all


def find_claims(article: Article) -> list[Claim]:
    """Every casualty figure of ``article`` as a Claim (see module docstring)."""
    pairs = [(c, m) for c, m in claims_with_mentions(article)
             if not (m.value is None and _NEGATED.search(article.text[max(0, m.start - 40):m.start]))]
    merged = merge_lists(article.text, pairs)
    claims = [c for c, _ in merged]
    own_tolls: dict[int, re.Match[str] | None] = {}  # one search per sentence, not per claim
    starts = [s.start for s in article.sentences]
    ordered = all(a <= b for a, b in zip(starts, starts[1:]))
    for claim in claims:
        if claim.whose is None and claim.side is None:
            if claim.start not in own_tolls:
                own_tolls[claim.start] = own_toll_match(claim.quote)
            own_toll(claim, own_tolls[claim.start])
        speaks_for = country_of(claim.claimant)
        if speaks_for is None and claim.claimant and _POSSESSIVE.match(claim.claimant):
            speaks_for = owner_before(article, claim.start, starts if ordered else None)
            if speaks_for:  # "Its defence ministry" after "Tajikistan gave…" -> "the Tajik defence ministry"
                claim.claimant = f"the {speaks_for[1]} {_POSSESSIVE.sub('', claim.claimant)}"
        claim.claimant_side = speaks_for[0] if speaks_for else None
        claim.whose = group_phrase(claim.whose, claim.side)
    ctx = _Sentences(article, _sentences(article))
    next_id = 1 + max((int(c.id.rsplit("-c", 1)[1]) for c, _ in pairs), default=0)  # merged ids stay unused
    claimant_of = lambda idx, pos: ctx.attributions(idx).claimant(pos, None)  # noqa: E731
    scope_of = lambda idx, pos: ctx.scope(idx, NumberMention(pos, pos, "", None))  # noqa: E731
    claims += [c for c in self_inflicted(article, next_id, claimant_of, scope_of)
               if not _self_is_counted(article.text, merged, c)]
    if not any(c.category == "killed" and c.scope == "event" for c in claims):  # only where no figure is stated
        claims += fatal_incidents(article, next_id + len(claims), claimant_of, scope_of)
    claims += nobody(article, next_id + len(claims), claimant_of, scope_of)
    return claims


_FAMILY = {"arrested": "captured"}
_COMPANIONS = re.compile(
    r"(?:^|[\s,])(?P<list>the\s+(?:[\w'’\-]+\s+){0,3}?[\w'’\-]+(?:\s*,\s*(?:the\s+)?[\w'’\-]+){0,2})"
    r"\s*,?\s*(?:and|along with|as well as|together with)\s+$", re.I)


def _companions(text: str, lo: int, m: NumberMention) -> int:
    """How many definite people are listed right before ``m``: "the commander, facilitator and two ..." -> 2."""
    g = _COMPANIONS.search(text, lo, m.start)
    if not g or set(_words(g.group("list"))) & (_NP_BLOCK - {"the"}) or _KW_RE.search(g.group("list")):
        return 0
    heads = [_words(x)[-1] for x in g.group("list").split(",") if _words(x)]
    if not all(h in people.PERSON_WORDS or h.rstrip("s") in people.PERSON_WORDS for h in heads):
        return 0  # "during the operation and one civilian ...": not people
    return 1 + g.group("list").count(",")


def _with_companions(m: NumberMention, extra: int) -> NumberMention:
    return NumberMention(m.start, m.end, m.text, (m.value or 0) + extra, m.qualifier,
                         None if m.low is None else m.low + extra, None if m.high is None else m.high + extra)


_OF_THEM = re.compile(r"\s+of\s+(?:the|these|those|them)\b")
_INCLUDING = re.compile(r"[^.;]{0,60}?\bincluding\s+(?:the|their|his|both)\b")


def _repeats(text: str, s: Span, n: NumberMention, pseudo: bool, same: index.Family) -> bool:
    """Does ``n`` name people already counted (``same``: earlier claims of its category)?

    "killing him", "both men", a name after a figure in an earlier sentence, "one of the insurgents
    killed", "the five suspects" after an exact five, and "two militants were detained, including the
    commander" after people adding up to two all point back at counted people.
    """
    if pseudo and people.is_named(n):
        return same.earlier > 0
    if pseudo and people.is_definite(n):
        return same.count > 0
    if same.count and _OF_THEM.match(text, n.end, s.end):
        return True
    if same.earlier_numbered and n.value == same.earlier_sum and _INCLUDING.match(text, n.end, s.end):
        return True  # "two militants were detained, including the commander" after "a commander and a militant"
    return n.qualifier == "exact" and bool(re.search(r"\b(?:the|these|those)\s+$",
                                                     text[max(s.start, n.start - 7):n.start], re.I)) \
        and n.value in same.values


def _subject_list(text: str, pending: list[NumberMention], m: NumberMention) -> list[NumberMention]:
    """Unlinked list members right before ``m`` that share its verb ("a leader and a suspect were captured")."""
    out: list[NumberMention] = []
    nxt = m
    for p in reversed(pending):
        gap = text[p.end:nxt.start]
        g = re.fullmatch(r"\s*((?:[\w'’\-]+\s+){0,5}?)[\w'’\-]+\s*(?:,\s*and|and|,)\s+", gap)
        if not g or set(_words(g.group(1))) & _NP_BLOCK or _KW_RE.search(gap):
            break
        out.insert(0, p)
        nxt = p
    return out


_ANOTHER = re.compile(r"\b(?:another|other|a further)\Z")


class _Sentences:
    """What the claims of one sentence share, worked out once per sentence (not once per figure)."""

    def __init__(self, article: Article, sents: list[Span]):
        self.article, self.sents = article, sents
        self.regions = Regions(article, sents)
        self._quote: dict[int, str] = {}
        self._attributions: dict[int, SentenceAttributions] = {}
        self._scope: dict[int, str] = {}
        self._provisional: dict[int, bool] = {}

    def quote(self, idx: int) -> str:
        if idx not in self._quote:
            s = self.sents[idx]
            self._quote[idx] = self.article.text[s.start:s.end]
        return self._quote[idx]

    def attributions(self, idx: int) -> SentenceAttributions:
        if idx not in self._attributions:
            self._attributions[idx] = SentenceAttributions(self.article, self.sents[idx])
        return self._attributions[idx]

    def scope(self, idx: int, m: NumberMention) -> str:
        if idx not in self._scope:  # the scope rules read the sentence, not the figure
            self._scope[idx] = _scope(self.article, self.sents[idx], m)
        return self._scope[idx]

    def provisional(self, idx: int) -> bool:
        if idx not in self._provisional:
            nxt = self.quote(idx + 1) if idx + 1 < len(self.sents) else ""
            self._provisional[idx] = bool(_PROVISIONAL.search(self.quote(idx)) or _PROVISIONAL.search(nxt))
        return self._provisional[idx]


def _make_claim(ctx: _Sentences, idx: int, m: NumberMention, category: str, n_claims: int,
                prev: Claim | None, last_claimant: str | None) -> Claim:
    """The claim of mention ``m`` in sentence ``idx`` (``prev``: the sentence's last claim so far)."""
    article = ctx.article
    text, s = article.text, ctx.sents[idx]
    claimant = ctx.attributions(idx).claimant(m.start, last_claimant)
    np = _np_after(text, m.end, s.end)
    indef = people.INDEF_RE.match(text, m.start) if m.text.lower() in ("a", "an", "another") else None
    if indef:
        np = f"{indef.group('mods')}{indef.group('noun')}"  # "a senior IMU (IMU) leader": up to the noun
    elif m.text[:1].islower() and re.fullmatch(people.PERSON_SING, m.text, re.I):
        np = m.text  # a bare object noun: "shoots cousin in arm"
    whose, side = _whose(np, claimant)
    regional = ctx.regions.of(idx, m)
    if prev and index.ends_with_word(_ANOTHER, text, s.start, m.start, 9):  # "... another 12 ..."
        whose, side = whose or prev.whose, side or prev.side
        regional = regional or prev.regional
    return Claim(
        id=f"{article.id}-c{n_claims + 1}", category=category, number=m.value,
        qualifier=m.qualifier, whose=whose, side=side, claimant=claimant,
        article_id=article.id, quote=ctx.quote(idx), start=s.start, end=s.end,
        low=m.low, high=m.high, scope=ctx.scope(idx, m), provisional=ctx.provisional(idx),
        regional=regional)


def claims_with_mentions(article: Article) -> list[tuple[Claim, NumberMention]]:
    """Like :func:`find_claims`, each claim with the number mention it was made from
    (a mention with ``text`` "a"/"an"/"another"/"both"/"him" or a name stands for people counted without a
    numeral; see :mod:`newsfuse.analysis.claims_people`).

    Linear in the mentions of a sentence: neighbours, earlier counts and sentence-wide
    readings come from :mod:`newsfuse.analysis.claims_index` and per-sentence caches."""
    text, sents = article.text, _sentences(article)
    ctx = _Sentences(article, sents)
    claims: list[tuple[Claim, NumberMention]] = []
    families: dict[str, index.Family] = {}
    last_claimant: str | None = None
    pseudo: set[int] = set()
    objects: set[int] = set()  # mentions people.object_mentions found: their verb gives the category
    appended = second_release(text)
    number_starts = index.ordered_starts(article.numbers)
    for idx, s in enumerate(sents):
        for fam in families.values():
            fam.new_sentence()
        mentions = index.numbers_in(article.numbers, number_starts, s)
        for finder in (people.both_mentions, people.named_mentions, people.indefinite_mentions,
                       people.definite_killed, people.object_mentions):
            found = finder(text, s.start, s.end, mentions)
            pseudo.update(id(n) for n in found)
            if finder is people.object_mentions:
                objects.update(id(n) for n in found)
            mentions = mentions + found
        mentions.sort(key=lambda n: n.start)
        near = index.Neighbours(mentions, s.start, s.end)
        here: list[tuple[Claim, NumberMention]] = []  # this sentence's claims

        def add(c: Claim, cm: NumberMention) -> None:
            claims.append((c, cm))
            here.append((c, cm))
            families.setdefault(_FAMILY.get(c.category, c.category), index.Family()).add(c)

        pending: list[NumberMention] = []
        for m in mentions:
            if any(v is not None and (v > MAX_COUNT or (v != int(v) and v < 1000)) for v in (m.value, m.low, m.high)):
                continue  # not a count of people ("12.5 deaths per 100,000"); still a neighbour of the figures around it
            prv = near.previous_end(m)
            linked = _link(text, m, prv, near.next_start(m), id(m) in pseudo) \
                or _coordinated(text, m, here[-1] if here else None) \
                or (people.object_category(text, m) if id(m) in objects else None)
            if not linked:
                pending.append(m)
                continue
            same = families.setdefault(_FAMILY.get(linked[0], linked[0]), index.Family())  # earlier claims
            for p in _subject_list(text, pending, m):  # "a leader and a suspect were captured"
                if not _repeats(text, s, p, id(p) in pseudo, same):
                    add(_make_claim(ctx, idx, p, linked[0], len(claims), here[-1][0] if here else None,
                                    last_claimant), p)
            pending = []
            if _repeats(text, s, m, id(m) in pseudo, same):
                continue
            defs = _companions(text, prv, m)
            if defs and m.qualifier != "vague" and m.value and not same.ones:
                # "the commander and three additional suspects" when the commander was not counted on his
                # own before: the figure is the whole group (it restates "four suspects, including a commander")
                m = _with_companions(m, defs)
            add(_make_claim(ctx, idx, m, linked[0], len(claims), here[-1][0] if here else None, last_claimant), m)
        atts = ctx.attributions(idx).speakers  # "it said" points back to a speaker, never to "data"
        if atts:
            who = atts[-1][1]
            if who.lower() not in _PRONOUN and who.lower().split()[0] not in ("it", "he", "she", "they"):
                last_claimant = who
    if appended is not None:
        for c, cm in claims:
            if cm.start >= appended:
                c.scope = "background"
    return claims
