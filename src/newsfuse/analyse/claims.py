"""Casualty claims: every killed/wounded/captured/... figure, traced to its sentence.

:func:`find_claims` reads one analysed :class:`~newsfuse.models.Article`
(``sentences``, ``entities`` and ``numbers`` filled) and turns each number that
counts casualties into a :class:`~newsfuse.models.Claim`. The numbers come from
:mod:`newsfuse.analyse.numbers` (hedges, vague floors); this module only links a
number to what it counts:

* **category** from the casualty word next to the number in the same sentence,
  either after it ("49 soldiers were killed", "4 dead", "ten insurgent deaths",
  "left 43 wounded") or before it ("killing 12", "detained two insurgents",
  "the death toll rose to 27", "hurt another 43"). Nothing but a few modifier
  words may stand between them: no other number, no "and"/"who"/"which", no
  comma. Objects ("seized two IEDs", "captured several areas") are not people
  and make no claim. A singular "a/an/another X" with a person noun ("captured a
  Taliban leader") is a count of 1 (qualifier ``exact``).
* **whose/side** from the noun phrase after the number, with a demonym table
  (``data/demonyms.tsv``); "its/their soldiers" takes the claimant's country.
* **claimant**: the nearest attribution ("X said", "according to X", "said X")
  in the sentence; a pronoun subject ("It said") is the last claimant named.
* **scope** ``background`` for earlier wars, cumulative tolls and past dates;
  **provisional** only for explicit wording ("not the final number", "may rise");
  **regional** for sub-totals of a place ("in Batken Region").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..models import Article, Claim, NumberMention, Span

DATA = Path(__file__).resolve().parents[1] / "data" / "demonyms.tsv"

CATEGORY_WORDS: dict[str, str] = {}
for _cat, _words in {
    "killed": "killed|killing|kill|kills|dead|died|die|dies|death|deaths|death toll|toll|slain|"
              "perished|fatalities|fatality|lost|lose|lives|bodies",
    "wounded": "wounded|wounding|wounds|injured|injuring|injuries|injury|hurt|hurting|casualties",
    "captured": "captured|capturing|capture|captures|detained|detaining|detain|detains|abducted|"
                "abducting|kidnapped|kidnapping|taken prisoner|taken captive|seized|seizing|"
                "taken into custody|in custody|taken hostage|held hostage|prisoners|prisoners of war|"
                "detainees|apprehended|apprehending",
    "arrested": "arrested|arresting|arrest|arrests",
    "missing": "missing|unaccounted for",
    "displaced": "displaced|displacing|fled their homes|homeless|evacuated",
}.items():
    for _w in _words.split("|"):
        CATEGORY_WORDS[_w] = _cat
_KW = "|".join(sorted((re.escape(w) for w in CATEGORY_WORDS), key=len, reverse=True))
_KW_RE = re.compile(rf"\b(?:{_KW})\b", re.I)
_AFTER_RE = re.compile(
    r"^(?P<np>(?:\s*[\w'’\-]+){0,6}?)\s*(?P<aux>(?:\s*\b(?:were|was|are|is|have|has|had|been|being|"
    r"be|got|reportedly|reported|confirmed|later|also|now|all|subsequently|believed|thought|to|"
    rf"feared|said|killed and)\b)*)\s*(?P<kw>\b(?:{_KW})\b)", re.I)
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
sacks items pieces heads sheep cattle animals documents phones radios computers afghanis""".split())
_PERSON_SING = ("leader|commander|sub-commander|facilitator|insurgent|militant|suspect|man|member|"
                "individual|associate|fighter|soldier|serviceman|servicemember|civilian|person|operative|"
                "financier|emir|chief|official|bomb-maker|bomber|expert|courier|deputy|gunman|"
                "attacker|policeman|officer|terrorist|rebel|smuggler|trafficker|supplier|recruiter|"
                "trainer|accomplice|cell member|planner|coordinator|specialist|affiliate|militia member")
_INDEF_RE = re.compile(rf"\b(?P<det>an?|another)\s+(?P<mods>(?:[\w'’\-]+\s+){{0,3}}?)"
                       rf"(?P<noun>(?:{_PERSON_SING}))\b(?!['’]s)", re.I)
_PARTICIPLE_ATTR = {"saying", "adding", "claiming", "reporting", "announcing", "confirming"}
_ATTR_VERB = re.compile(r"\b(?:saying|adding|claiming|reporting|announcing|confirming|said|says|say|told|tells|announced|announces|reported|reports|confirmed|"
                        r"confirms|stated|states|claimed|claims|admits|admitted|added|adds|noted|"
                        r"declared|acknowledged|insisted)\b")
_ACCORDING = re.compile(r"\b(?:according to|citing|cited by)\s+(?P<who>[^,.;:“”\"]+)", re.I)
_PRONOUN = {"it", "he", "she", "they", "we", "the ministry", "the statement", "the report"}
_SUPERLATIVE_SINCE = re.compile(r"\b(?:worst|deadliest|heaviest|biggest|largest|bloodiest|most \w+|"
                                r"first|major)\b[^.;]*?\bsince\b[^,.;]*", re.I)
_BACKGROUND = re.compile(
    r"\bso far\b|\bto date\b|\bsince (?:(?:19|20)\d\d|the (?:start|beginning|outbreak)|then)\b|"
    r"\blast (?:week|month|year|summer|spring|autumn|fall|winter)\b|\b(?:years?|months?|weeks?|decades?)"
    r" ago\b|\bearlier this (?:year|month)\b|\bin (?:the )?(?:past|previous|earlier)\b|\bprevious "
    r"(?:war|conflict|clashes|fighting)\b|\bcumulative\b|\bin total since\b|\bover the (?:past|last)\b|"
    r"\b(?:in|during) the (?:19|20)\d\d\b|\b(?:19|20)\d\d (?:war|conflict|fighting|clashes)\b|"
    r"\bfall of (?:19|20)\d\d\b|\bduring the (?:\w+[- ])*(?:war|conflict)\b|"
    r"\b(?:ensuing|earlier|previous|first|last) (?:war|conflict)\b|"
    r"\bwar\b[^.;]{0,40}?\b(?:which|that)\s+(?:killed|left|claimed)\b", re.I)
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]
_PROVISIONAL = re.compile(
    r"\bnot (?:yet )?(?:the )?final\b|\b(?:may|might|could|is expected to|are expected to|is likely to|"
    r"likely to|expected to|will likely|set to) (?:further )?(?:rise|increase|climb|grow|go up)\b|"
    r"\bpreliminary (?:figure|toll|count|data|information|number)s?\b", re.I)
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


@lru_cache(maxsize=1)
def demonyms() -> dict[str, tuple[str, str]]:
    """lower-cased name/demonym/alias -> (ISO2, demonym) from ``data/demonyms.tsv``."""
    table: dict[str, tuple[str, str]] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso, country, dems, *rest = line.split("\t")
        dem_list = [d.strip() for d in dems.split(",") if d.strip()]
        main = dem_list[0] if dem_list else country
        for name in [country, *dem_list, *(rest[0].split(",") if rest else [])]:
            if name.strip():
                table[name.strip().lower()] = (iso, main)
    return table


def country_of(text: str | None) -> tuple[str, str] | None:
    """(ISO2, demonym) of the first country, demonym or capital named in ``text``."""
    if not text:
        return None
    table = demonyms()
    for m in re.finditer(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*", text):
        words = m.group().replace("’s", "").replace("'s", "").split()
        for n in range(len(words), 0, -1):  # longest first: "South Sudan" before "Sudan"
            for i in range(len(words) - n + 1):
                hit = table.get(" ".join(words[i:i + n]).lower().rstrip("."))
                if hit:
                    return hit
    return None


def _words(s: str) -> list[str]:
    return re.findall(r"[\w'’\-]+", s.lower())


def _sentences(article: Article) -> list[Span]:
    if article.sentences:
        return article.sentences
    return [Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^.!?\n]+[.!?]?", article.text)]


def _pseudo_mentions(text: str, start: int, end: int, taken: list[NumberMention]) -> list[NumberMention]:
    """Singular "a/an/another X" person noun phrases as counts of 1."""
    out = []
    for m in _INDEF_RE.finditer(text, start, end):
        if _BLOCK_MOD.search(m.group("mods")):
            continue
        s, e = m.start(), m.end("det")
        if any(n.start < m.end() and s < n.end for n in taken):
            continue
        out.append(NumberMention(s, e, text[s:e], 1.0, "exact", 1.0, 1.0))
    return out


_DEF_PERSON = r"(?:insurgent|individual|man|male|attacker|gunman|militant|shooter|suicide bomber|fighter)"
_DEF_KILLED = re.compile(rf"\b(?:killing|killed)\s+(?P<m>him|the {_DEF_PERSON})\b|"
                         rf"(?P<m2>\b(?:He|he|The {_DEF_PERSON}|the {_DEF_PERSON}))\s+(?:was|had been)\s+"
                         rf"(?:\w+\s+)?killed\b")


def _definite_killed(text: str, start: int, end: int, taken: list[NumberMention]) -> list[NumberMention]:
    """One person killed, named by a pronoun or a definite singular ("killing him", "the insurgent was killed")."""
    out = []
    for m in _DEF_KILLED.finditer(text, start, end):
        g = "m" if m.group("m") else "m2"
        s, e = m.start(g), m.start(g) + len(m.group(g).split()[0])
        if not any(n.start < m.end() and m.start() < n.end for n in taken):
            out.append(NumberMention(s, e, text[s:e], 1.0, "exact", 1.0, 1.0))
    return out


_BLOCK_MOD = re.compile(r"\b(?:and|or|of|the|who|which|that|with|in|on|at|for|by)\b", re.I)


def _np_after(text: str, end: int, limit: int) -> str:
    """The noun phrase right after a number: "of its soldiers", "suspected insurgents"."""
    m = re.match(r"(?:\s*(?:of\s+(?:its|their|his|her|the|them|these|those)\b|[\w'’\-]+))*", text[end:limit])
    words, out = (m.group() if m else "").split(), []
    for w in words:
        lw = w.lower()
        if lw in CATEGORY_WORDS or lw in (_NP_BLOCK - {"the"}) or lw in ("have", "had", "has", "are",
                                                                       "being", "been", "reportedly"):
            break
        out.append(w)
        if len(out) >= 6:
            break
    return " ".join(out)


def _link(text: str, m: NumberMention, s_start: int, s_end: int, others: list[NumberMention]):
    """(category, distance) of the casualty word this number counts, or None."""
    nxt = min([o.start for o in others if o.start >= m.end] + [s_end])
    prv = max([o.end for o in others if o.end <= m.start] + [s_start])
    after = text[m.end:nxt]
    np_after = _np_after(text, m.end, nxt)
    if any(w in _NOT_PEOPLE for w in _words(np_after)[:4]):
        return None
    best = None
    am = _AFTER_RE.match(after)
    if am and not (set(_words(am.group("np"))) & (_NP_BLOCK - {"the"})):
        if not re.search(r"[,;:()\[\]“”\"]", am.group(0)[:am.start("kw")]):
            kw = am.group("kw").lower()
            if not (kw in ("lost", "lose", "lives", "toll", "bodies", "death", "prisoners", "detainees",
                           "arrest", "arrests", "capture", "captures", "kill", "kills", "die", "detain",
                           "detains", "in custody")
                    and not am.group("aux").strip() and kw not in ("lives", "bodies", "death")):
                best = (CATEGORY_WORDS[kw], len(_words(am.group("np") + am.group("aux"))))
    before = text[prv:m.start]
    kws = list(_KW_RE.finditer(before))
    if kws:
        k = kws[-1]
        kw = k.group().lower()
        gap = before[k.end():]
        gw = _words(gap)
        ok = not re.search(r"[,;:()\[\]“”\"]", gap) and len(gw) <= 6
        if kw in ("toll", "death toll", "death", "deaths", "casualties", "fatalities"):
            ok = ok and all(w in _TOLL_FILLER for w in gw) and kw != "deaths"
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


def _coordinated(text: str, m: NumberMention, prev: list[tuple[Claim, NumberMention]]):
    """A list member: "captured a leader and several associates" -> the category of "a leader"."""
    if not prev:
        return None
    c, pm = prev[-1]
    gap = text[pm.end:m.start]
    g = re.fullmatch(r"\s*((?:[\w'’\-]+\s+){0,4}?)[\w'’\-]*\s*(?:,\s*and|and|,|along with|as well as|plus|"
                     r"together with)\s+", gap)
    if g and not (set(_words(g.group(1))) & _NP_BLOCK) and not _KW_RE.search(gap):
        return (c.category, 0)
    return None


def _attributions(article: Article, s: Span) -> list[tuple[int, str]]:
    """(position, claimant) for each attribution in sentence ``s``."""
    text, out = article.text, []
    for m in _ACCORDING.finditer(text, s.start, s.end):
        out.append((m.start(), m.group("who").strip()))
    for v in _ATTR_VERB.finditer(text, s.start, s.end):
        head = text[s.start:v.start()]
        if re.search(r"\b(?:were|was|been|being|is|are)\s+$", head) or _KW_RE.match(text, v.end() + 1):
            continue  # "were reported killed": not an attribution
        if v.group() in ("claimed", "claims") and re.match(
                r"\s+(?:an?\s+estimated|the lives|\d|about|some|at least|more than|over|[\w\-]+ lives)",
                text[v.end():]):
            continue  # "the war claimed 30,000 lives"
        if v.group() in _PARTICIPLE_ATTR:
            lead = re.match(r"\s*((?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)", head)
            if lead:
                out.append((v.start(), lead.group(1)))
            continue
        cut = max(head.rfind(x) for x in (", while ", " while ", " but ", "; ", "“", "\"", " and ", ": "))
        subj = head[cut + 1:] if cut >= 0 else head
        subj = re.sub(r"^\s*(?:while|but|and|“|\"|:)\s+", "", subj)
        subj = re.sub(r"\s+(?:on|late|early|last)\s+\w+(?:\s+\w+)?\s*$", "", subj.strip(" ,"))
        subj = re.sub(r"\s+(?:has|have|had|also|later|then|earlier|previously)\s*$", "", subj)
        appos = re.search(r"((?:[Tt]he|[Ii]ts|[Hh]is)\s+\w+(?:\s+\w+){0,2},\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*,?)$", subj)
        if appos:
            who = appos.group(1).rstrip(",")
        else:
            parts = re.split(r",\s*", subj)
            who = parts[-1] if parts else ""
            who = re.sub(r"^.*\b(?:that|which)\s+", "", who)
        who = " ".join(who.split()[-8:]).strip()
        if re.search(r"\d", who):
            continue
        if not who or not re.search(r"[A-Za-z]", who) or who.lower() in ("i",):
            tail = re.match(r"\s*([A-Z][\w.\-’']*(?:\s+(?:[A-Z][\w.\-’']*|of|the|for))*)", text[v.end():s.end])
            if not tail:
                continue
            who = tail.group(1)
        out.append((v.start(), who))
    return sorted(out)


_SPEAKER_NOUN = re.compile(
    r"\b(?:ministry|ministries|government|officials?|police|army|military|forces|spokes(?:man|woman|person)|"
    r"governor|president|minister|authorities|commander|sources?|witnesses|residents|organi[sz]ers|agency|"
    r"office|service|committee|council|mayor|chief|statement|report|media|doctors|hospital|group)\b", re.I)


def _is_speaker(who: str) -> bool:
    """A claimant names someone: a proper name or a speaking body, not "for their part"."""
    return bool(re.search(r"[A-Z]", who) or _SPEAKER_NOUN.search(who) or who.lower() in _PRONOUN)


def _claimant(article: Article, s: Span, pos: int, last: str | None) -> str | None:
    atts = [a for a in _attributions(article, s) if _is_speaker(a[1])]
    if not atts:
        return None
    before = [a for a in atts if a[0] <= pos]
    who = before[-1][1] if before else atts[0][1]
    if who.lower() in _PRONOUN or who.lower().split()[0] in ("it", "he", "she", "they"):
        return last or who
    return who


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


def _scope(article: Article, s: Span, m: NumberMention) -> str:
    sent = _SUPERLATIVE_SINCE.sub(" ", article.text[s.start:s.end])
    if _BACKGROUND.search(sent):
        return "background"
    pub = article.published or ""
    year = pub[:4]
    for y in re.findall(r"\b(?:19|20)\d\d\b", sent):
        if not year or y < year:
            return "background"
    month = int(pub[5:7]) if re.match(r"\d{4}-\d\d", pub) else None
    lead = re.match(r"\s*(?:In|On|Back in|Earlier in)\s+(" + "|".join(m.capitalize() for m in _MONTHS) + r")\b", sent)
    if lead and (month is None or _MONTHS.index(lead.group(1).lower()) + 1 != month):
        return "background"
    return "event"


def _regional(article: Article, s: Span, m: NumberMention, sents: list[Span], idx: int) -> str | None:
    text = article.text
    for e in article.entities:
        if e.label in _PLACE_LABELS and s.start <= e.start and e.end <= s.end and e.start > m.end:
            pre = text[max(s.start, e.start - 12):e.start]
            if re.search(r"\bin\s+(?:the\s+)?$", pre) and not country_of(e.text):
                return e.text
    if re.search(r"\bin\s+(?:his|her|their|its)\s+(?:area|region|province|district|city|town)\b",
                 text[m.end:s.end]):
        for prev in reversed(sents[max(0, idx - 4):idx + 1]):
            g = re.search(r"\b(?:governor|mayor|head|chief|administrator)\s+of\s+(?:the\s+)?"
                          r"([A-Z][\w\-’']+(?:\s+[A-Z][\w\-’']+)*)", text[prev.start:prev.end])
            if g:
                return g.group(1)
    return None


_NEGATED = re.compile(r"\b(?:without|not|never)\s+(?:giving|providing|specifying|saying|give|provide|specify|say)"
                      r"(?:\s+\w+){0,3}\s*$", re.I)  # "without giving several deaths": no figure at all


def find_claims(article: Article) -> list[Claim]:
    """Every casualty figure of ``article`` as a Claim (see module docstring)."""
    claims = [c for c, m in claims_with_mentions(article)
              if not (m.value is None and _NEGATED.search(article.text[max(0, m.start - 40):m.start]))]
    for claim in claims:
        if claim.whose is None and claim.side is None:
            _own_toll(claim)
        speaks_for = country_of(claim.claimant)
        claim.claimant_side = speaks_for[0] if speaks_for else None
    return claims


_OWN_TOLL = re.compile(
    r"(?P<subj>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)\s+(?:has\s+|had\s+)?(?:raised|revised|put|updated|increased|"
    r"lowered|gave)\s+(?:its|their)\s+(?P<adj>military\s+|army\s+|civilian\s+)?(?:death\s+)?toll")


def _own_toll(claim: Claim) -> None:
    """"Kyrgyzstan raised its military death toll to 27": the figure counts the subject's own dead."""
    m = _OWN_TOLL.search(claim.quote)
    found = country_of(m.group("subj")) if m else None
    if not found:
        return
    iso, demonym = found
    noun = {"military": "soldiers", "army": "soldiers", "civilian": "civilians"}.get((m.group("adj") or "").strip(), "people")
    claim.whose, claim.side = f"{demonym} {noun}", iso
    claim.claimant = claim.claimant or m.group("subj")


def claims_with_mentions(article: Article) -> list[tuple[Claim, NumberMention]]:
    """Like :func:`find_claims`, each claim with the number mention it was made from
    (a mention with ``text`` "a"/"an"/"another" stands for a singular noun phrase)."""
    text, sents = article.text, _sentences(article)
    claims: list[tuple[Claim, NumberMention]] = []
    last_claimant: str | None = None
    for idx, s in enumerate(sents):
        nums = [n for n in article.numbers if s.start <= n.start and n.end <= s.end]
        mentions = nums + _pseudo_mentions(text, s.start, s.end, nums)
        mentions = sorted(mentions + _definite_killed(text, s.start, s.end, mentions), key=lambda n: n.start)
        nxt_sent = text[sents[idx + 1].start:sents[idx + 1].end] if idx + 1 < len(sents) else ""
        for m in mentions:
            linked = _link(text, m, s.start, s.end, [o for o in mentions if o is not m]) \
                or _coordinated(text, m, [(c, cm) for c, cm in claims if c.start == s.start])
            if not linked:
                continue
            category = linked[0]
            claimant = _claimant(article, s, m.start, last_claimant)
            np = _np_after(text, m.end, s.end)
            whose, side = _whose(np, claimant)
            regional = _regional(article, s, m, sents, idx)
            prev = [c for c, _ in claims if c.start == s.start]
            if prev and re.search(r"\b(?:another|other|a further)\s+$", text[s.start:m.start]):
                whose, side = whose or prev[-1].whose, side or prev[-1].side
                regional = regional or prev[-1].regional
            sentence = text[s.start:s.end]
            provisional = bool(_PROVISIONAL.search(sentence) or _PROVISIONAL.search(nxt_sent))
            claims.append((Claim(
                id=f"{article.id}-c{len(claims) + 1}", category=category, number=m.value,
                qualifier=m.qualifier, whose=whose, side=side, claimant=claimant,
                article_id=article.id, quote=sentence, start=s.start, end=s.end,
                low=m.low, high=m.high, scope=_scope(article, s, m), provisional=provisional,
                regional=regional), m))
        atts = _attributions(article, s)
        if atts:
            who = atts[-1][1]
            if who.lower() not in _PRONOUN and who.lower().split()[0] not in ("it", "he", "she", "they"):
                last_claimant = who
    return claims
