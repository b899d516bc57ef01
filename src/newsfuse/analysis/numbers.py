"""Find every quantity a news report states, each tied to its exact characters.

Casualty and displacement claims are only as good as the numbers under them,
and in news those numbers are hedged: "at least 49", "nearly fifty", "dozens
of". A mention keeps the hedge inside its span (``text[start:end]`` is the
hedge plus the number, never the counted noun) so a reader can check the
wording, and turns the hedge into a ``qualifier`` plus ``low``/``high`` bounds:

==========  ==========================================  ====================
qualifier   hedges                                      value / low / high
==========  ==========================================  ====================
exact       (none)                                      N / N / N
at_least    at least, no fewer/less than, a minimum of, N / N / None
            as few as, "N or more", "N+", "N-plus"
at_most     at most, up to, no more than, a maximum of, N / None / N
            as many as, "N or fewer"
about       about, around, some, roughly, approximately N / None / None
            (an) estimated, circa, "N or so", "N-odd";  (nearly, almost,
            nearly, almost, close to                     close to: high = N)
more_than   more than, over, above, upwards of, in      N / N / None
            excess of, well/just over
fewer_than  fewer/less than, under, below, just under   N / None / N
range       between X and Y, from X to Y, X-Y, X to Y,  X / X / Y
            X or Y ("two or three")
vague       dozens, scores of, hundreds, several...     None / floor / None
==========  ==========================================  ====================

"As many as 49" is read as an upper bound: reporters use it for the top of an
uncertain estimate ("as many as 49 may have died"), so it must not be summed as
a firm count. "More than N" keeps ``low = N`` (not N+1): a floor, not a claim.

Vague floors are the smallest number the words can literally mean, so that a
floor never overstates a toll (conservative, in the spirit of ACLED's coding of
vague reports): several 3, many 3, numerous 3, a few 2, some 2, multiple 2,
a handful 2, a number of 2, dozens 24 (two dozen), scores 40 (two score),
hundreds 200, thousands 2000, tens of thousands 20000, hundreds of thousands
200000, millions 2e6. A vague word before a scale multiplies: "several hundred"
-> 300, "a few thousand" -> 2000, "several dozen" -> 36.

Magnitudes: a value above :data:`MAX_QUANTITY` (10**15) is not a quantity here.
No count a report states comes near it (trillion is the largest scale word);
a longer run of digits is an id, a code or garbage, and read as a float it
overflows to infinity from 309 digits on, which no JSON or SQLite consumer
accepts. So every value, low and high of a mention is finite.

Not numbers here: years ("in 2020", "since 1994"; a bare 1900-2099 stays a
year unless hedged by a bound or followed by a counted plural noun), times
("22:05", "5pm"), dates ("13/9", "13 September", "13th"), ordinals, percents,
money, phone numbers, codes glued to letters ("COVID-19", "F-16", "MH17",
"1990s"), labels ("Resolution 2334", "Flight 752") and ages ("a 12-year-old
boy", "two 17-year-olds" keeps only the two, "aged 35", "John Doe, 23, of Tulsa"),
which casualty claims used to read as tolls. The pronoun "one" ("no
one", "one another", "one day", "one of the most") is skipped; "one of its
soldiers" and "one of the victims" are kept as a count of 1.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..models import NumberMention

MAX_QUANTITY = 1e15  # see "Magnitudes" above

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "k": 1e3, "mn": 1e6, "bn": 1e9}
_MULTIPLIERS = {"hundred", "dozen", *_SCALES}
_NUMBER_WORDS = {*_UNITS, *_TENS, *_MULTIPLIERS, "and", "a", "an", "half"}
_DIGITS = re.compile(r"\d+(?:\.\d+)?")

_HEDGES: dict[str, str] = {}
for _qual, _phrases in {
    "at_least": "at least|at the very least|no fewer than|not fewer than|no less than|"
                "not less than|a minimum of|as few as",
    "at_most": "at most|up to|as many as|as much as|no more than|not more than|a maximum of",
    "about": "about|around|some|roughly|approximately|approx|an estimated|estimated|circa|"
             "nearly|almost|close to|just shy of|roughly around",
    "more_than": "more than|over|above|upwards of|in excess of|well over|just over|"
                 "greater than|well above|just above",
    "fewer_than": "fewer than|less than|under|below|just under|just below|well under",
    "range": "between|from",
}.items():
    for _p in _phrases.split("|"):
        _HEDGES[_p] = _qual
_BELOW_N = {"nearly", "almost", "close to", "just shy of"}  # "about", but never above N
_MAX_HEDGE = max(len(p.split()) for p in _HEDGES)

# Vague quantity words -> conservative floor (see module docstring).
_VAGUE_Q = {"several": 3, "many": 3, "numerous": 3, "a few": 2, "some": 2, "multiple": 2,
            "a handful": 2, "a number": 2, "a couple": 2}
_VAGUE_PLURAL = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
                 "millions": 2e6, "billions": 2e9, "tens of thousands": 2e4,
                 "tens of millions": 2e7, "hundreds of thousands": 2e5,
                 "hundreds of millions": 2e8}
_SCALE_UNIT = {"dozen": 12, "dozens": 12, "hundred": 100, "hundreds": 100, "thousand": 1e3,
               "thousands": 1e3, "million": 1e6, "millions": 1e6}
_NEEDS_OF = {"scores", "a number"}

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_ORD = r"(?:st|nd|rd|th)?"
_I = "(?i:{})"
_BLOCKED = re.compile("|".join([
    r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b",                   # ISO-ish dates
    r"\b\d+(?:/\d+)+\b", r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b",  # 13/9, 13.09.2022, 24/7
    r"\b\d{1,2}:\d{2}(?::\d{2})?\b",                        # 22:05
    _I.format(r"\b\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\b\.?"),  # 5pm, 10.30 a.m.
    _I.format(r"\b\d{1,2}\s*o['’]clock"),
    r"\b\d{3,4}\s*(?:GMT|UTC|BST|CET|EET|hrs|local time)\b",
    rf"\b{_MONTH}\s+\d{{1,2}}{_ORD}\b(?:,?\s+\d{{4}})?",    # September 13(, 2022)
    rf"\b\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?",  # 13(th) (of) September
    rf"\b{_MONTH}\s+\d{{4}}\b",                             # September 2022
    r"\b\d+(?:st|nd|rd|th)\b",                              # ordinals
    r"\+\d[\d\s().-]{6,}\d", r"\b0\d{2,4}[\s.-]\d{3,4}[\s.-]?\d{3,4}\b",  # phones
    r"\b\d{3}[.-]\d{3}[.-]\d{4}\b",
]))
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![.,]?\d)"
                    r"|\d+(?:\.\d+)?|[A-Za-z]+(?:['’][A-Za-z]+)*|\S")
_AFTER_EXCLUDE = re.compile(
    r"\s*(?:%|per\s?cent\b|pc\b|percentage\b|dollars?\b|euros?\b|pounds\b|rupees\b|yuan\b|"
    r"shekels?\b|naira\b|dinars?\b|roubles?\b|rubles?\b|yen\b|cents\b|USD\b|EUR\b|GBP\b)", re.I)
_AGE_AFTER = re.compile(r"[-\s]+(?:years?|yrs?|months?|weeks?|days?)[-\s]+olds?\b"
                        r"|[-\s]?(?:y/o|y\.o\.|yo)(?![\w/])", re.I)  # "a 6 yo boy", "a 30 y/o man"
_COMPOUND_MODIFIER = re.compile(r"-(?!(?:and|or|to|odd|plus)\b)(?!(?:%s)\b)[A-Za-z]" % "|".join(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]), re.I)  # "three-hour", "12-gauge"
_BROADCASTER = re.compile(r"\s+(?:News|TV|Action|Eyewitness|Alive|On Your Side|Investigates|NOW|Live|[KW][A-Z]{2,3})\b")
_ADDRESS_AFTER = re.compile(  # "at 2417 Larch St.", "the 900 block of": a street number, not a count
    r"\s+(?:block\b|[NSEW]\.?\s+\d+(?:st|nd|rd|th)\b|(?:[NSEW]\.?\s+|(?:North|South|East|West)\s+)?(?:[A-Z0-9][\w'’.\-]*\s+){1,3}"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Blvd|Boulevard|Ln|Lane|Way|Ct|Court|Pl|Place|Pkwy|Parkway|"
    r"Hwy|Highway|Ter|Terrace|Cir|Circle|Trl|Trail|Pike|Loop)\b)")
_BROADCASTER_BEFORE = re.compile(r"\b(?:News|Channel|FOX|Fox|CBS|NBC|ABC|CW|PIX|KARE)[ \t]*$")  # "told News 12", "FOX 31"
_AGE_COMPARED = re.compile(r"\b(?:younger|older)\s+than\s+$|\b(?:under|over|above|below)\s+the\s+ages?\s+of\s+$", re.I)
_EMERGENCY = re.compile(r"\b(?:call(?:s|ed|ing)?|dial(?:s|ed|led|ing)?|to)\s+$", re.I)  # "called 911": a phone number
_EMERGENCY_AFTER = re.compile(r"\s+(?:call|calls|caller|callers|dispatch\w*|operators?|cent(?:er|re)s?|system)\b", re.I)
_PARENT_OF = re.compile(r"\b(?:father|mother|dad|mom|mum|parent|grand(?:father|mother|parent|ma|pa))s?\s+of\s+$", re.I)
_AGE_NOUN_BEFORE = re.compile(r"\b(?:boy|girl|man|woman|teen|teenager|child|toddler|baby|son|daughter|student|mother|"
                              r"father|victim|suspect)[ \t]*,[ \t]*$", re.I)
_AGE_LAST = re.compile(r"[ \t]*(?:[.;:!?)\]\n]|$)")
_AGE_APPOSITION = re.compile(r"[A-Za-z][A-Za-z.'’]*,[ \t]*$")  # "John Doe, 23, of Tulsa"; "a man, 23,"
_BEFORE_EXCLUDE = re.compile(r"(?:[$£€¥₹]|\b(?:US|USD|EUR|GBP|Rs\.?|INR|NIS|AED))\s*$")
_LABELS = {"resolution", "route", "article", "flight", "highway", "road", "no", "nos", "number",
           "page", "chapter", "section", "paragraph", "clause", "unit", "block", "gate", "room",
           "terminal", "platform", "phase", "category", "level", "channel", "decree", "code",
           "tel", "box", "suite", "floor", "ward", "zone", "sector", "district", "apollo", "ref"}
_YEAR_CONTEXT = {"in", "since", "of", "the", "by", "until", "till", "from", "during", "before",
                 "after", "early", "late", "mid", "year", "between", "and", "to", "through",
                 "throughout", "spring", "summer", "autumn", "winter", "fall", "circa", "'s"}
_COUNT_NOUNS = {"people", "men", "women", "children", "police", "personnel", "staff", "dead",
                "wounded", "injured", "killed", "troops", "civilians", "soldiers", "others"}
_ONE_AFTER = {"another", "day", "time", "way", "point", "hand", "side", "by", "thing", "such",
              "sided", "off", "on", "liner", "stop", "size"}
_ONE_BEFORE = {"no", "the", "this", "that", "which", "any", "every", "each", "little", "anyone", "by"}
_SCALE_SUFFIX = re.compile(r"(?:k|K|bn|mn)(?![A-Za-z])")
_ODD_PLUS = re.compile(r"-(?:odd|plus)\b")
_PLUS = re.compile(r"\+(?!\d)")
_NOT_COUNTED_AFTER_ONE_OF = {"most", "least", "best", "worst", "few", "main", "key", "first",
                             "last", "world", "only", "largest", "biggest", "deadliest"}


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    low: str
    num: bool


def _tokenize(text: str) -> list[_Tok]:
    toks = []
    for m in _TOKEN.finditer(text):
        s, e, t = m.start(), m.end(), m.group()
        if t[0].isdigit():
            suf = _SCALE_SUFFIX.match(text, e)
            if suf:  # "1.2k", "3bn": the scale is part of the number
                e = suf.end()
                t = text[s:e]
        toks.append(_Tok(t, s, e, t.lower(), t[0].isdigit()))
    return toks


def parse_number_words(s: str) -> float | None:
    """Value of a number phrase: "forty-nine", "a dozen", "half a dozen",
    "one hundred and five", "two and a half million", "6,500", "6 500", "1.2k",
    "3 million". None when the phrase is not one well-formed number ("five one") or is
    above :data:`MAX_QUANTITY` (a 400-digit id, which float() would make infinite)."""
    s = s.strip().lower()
    s = re.sub(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)", "", s)
    s = re.sub(r"(?<=\d)(k|bn|mn)\b", r" \1", s)
    words = [w for w in re.split(r"[\s\-\u2010-\u2013]+", s) if w]
    return _parse_words(words)


def _parse_words(words: list[str]) -> float | None:
    """A strict little grammar, so "two one-year terms" never reads as 21."""
    total, cur, last, cap, i = 0.0, None, None, float("inf"), 0
    while i < len(words):
        w, nxt = words[i], (words[i + 1] if i + 1 < len(words) else None)
        if w in ("a", "an") and nxt in _MULTIPLIERS and last in (None, "half"):
            cur, last = (1.0 if last is None else cur), "a"
        elif w == "half" and last is None and nxt in ("a", "an"):
            cur, last = 0.5, "half"
        elif w == "and" and words[i + 1:i + 3] == ["a", "half"] and last in ("unit", "teen", "ten", "digit"):
            cur, last = cur + 0.5, "frac"
            i += 3
            continue
        elif w == "and" and last in ("hundred", "scale") and (nxt in _UNITS or nxt in _TENS):
            last = "and"
        elif _DIGITS.fullmatch(w) and last is None:
            cur, last = float(w), "digit"
        elif w in _UNITS or w in _TENS:
            v = _UNITS.get(w, _TENS.get(w))
            if last in (None, "hundred", "scale", "and"):
                cur = (cur or 0) + v
            elif last == "ten" and 0 < v < 10:
                cur += v
            else:
                return None
            last = "ten" if w in _TENS else ("unit" if v < 10 else "teen")
        elif w == "hundred" and last in ("unit", "teen", "a", "digit") and 0 < cur < 100:
            cur, last = cur * 100, "hundred"
        elif w == "dozen" and last in ("unit", "teen", "ten", "a", "digit", "frac"):
            cur, last = cur * 12, "dozen"
        elif w in _SCALES and cur and last in ("unit", "teen", "ten", "hundred", "a", "digit", "frac") \
                and _SCALES[w] < cap and (last == "digit" or w not in ("k", "mn", "bn")):
            total, cur, last, cap = total + cur * _SCALES[w], None, "scale", _SCALES[w]
        else:
            return None
        i += 1
    if last in (None, "and", "a", "half"):
        return None
    value = total + (cur or 0)
    return value if value <= MAX_QUANTITY else None  # also rejects inf (309+ digits)


class _Ctx:
    """One text being scanned: its tokens and the stretches that are never counts.

    Every lookup is local (a few tokens, a bisection into the blocked stretches):
    a scan is linear in the text, also for tables of thousands of numbers.
    """

    def __init__(self, text: str):
        self.text = text
        self.toks = _tokenize(text)
        blocked = [m.span() for m in _BLOCKED.finditer(text)]  # in order, not overlapping
        self.blocked_starts = [s for s, _ in blocked]
        self.blocked_ends = [e for _, e in blocked]
        toks = self.toks
        # joined[k]: tokens k and k+1 are neighbours in one phrase (gap_ok without the hyphen)
        self.joined = [_spaced(text[toks[k].end:toks[k + 1].start]) for k in range(len(toks) - 1)]

    def is_blocked(self, start: int, end: int) -> bool:
        """Does [start, end) overlap a date, time, phone number...?"""
        k = bisect_right(self.blocked_ends, start)  # the first stretch ending after start
        return k < len(self.blocked_starts) and self.blocked_starts[k] < end

    def low(self, k: int) -> str:
        return self.toks[k].low if 0 <= k < len(self.toks) else ""

    def gap_ok(self, a: int, b: int, hyphen_ok: bool = False) -> bool:
        """Tokens a and b are neighbours in one phrase (space, or glued when allowed)."""
        if b >= len(self.toks):
            return False
        gap = self.text[self.toks[a].end:self.toks[b].start]
        return (gap.isspace() and "\n\n" not in gap) or (hyphen_ok and gap == "")

    def phrase(self, i: int, table: dict) -> tuple[str | None, int]:
        """Longest phrase of ``table`` starting at token i (only tokens that can start one
        are looked at, and only as far as the phrase's words run on)."""
        if i >= len(self.toks) or self.toks[i].low not in _first_words(table):
            return None, i
        run = 1
        while run < _MAX_HEDGE and i + run < len(self.toks) and self.joined[i + run - 1]:
            run += 1
        for n in range(run, 0, -1):
            key = " ".join(t.low for t in self.toks[i:i + n])
            if key in table:
                return key, i + n
        return None, i


def _spaced(gap: str) -> bool:
    return gap.isspace() and "\n\n" not in gap


_FIRST_WORDS: dict[int, frozenset[str]] = {}


def _first_words(table: dict) -> frozenset[str]:
    """The words the phrases of a table start with (the tables are module constants)."""
    words = _FIRST_WORDS.get(id(table))
    if words is None:
        words = _FIRST_WORDS[id(table)] = frozenset(k.split()[0] for k in table)
    return words


def _is_hyphen(t: _Tok) -> bool:
    return t.text in ("-", "\u2010", "\u2011")


def _core(c: _Ctx, j: int) -> tuple[float, int] | None:
    """Longest well-formed number starting at token j: digits or number words."""
    toks = c.toks
    if j >= len(toks) or not (toks[j].num or toks[j].low in _NUMBER_WORDS):
        return None
    k = j + 1
    while k < len(toks) and k - j < 14:
        t, prev = toks[k], toks[k - 1]
        if _is_hyphen(t) and prev.low in _UNITS.keys() | _TENS.keys() and c.gap_ok(k - 1, k, True) \
                and c.gap_ok(k, k + 1, True):
            k += 1  # "forty-nine"
            continue
        if t.num or t.low not in _NUMBER_WORDS or not c.gap_ok(k - 1, k, hyphen_ok=_is_hyphen(prev)):
            break
        k += 1
    for end in range(k, j, -1):
        if _is_hyphen(toks[end - 1]):
            continue
        value = parse_number_words(" ".join(t.low for t in toks[j:end] if not _is_hyphen(t)))
        if value is not None:
            return value, end
    return None


def _vague(c: _Ctx, i: int) -> tuple[float, int] | None:
    """A vague quantity ("dozens of", "several hundred", "a few") -> (floor, end)."""
    q, j = c.phrase(i, _VAGUE_Q)
    plural, k = c.phrase(j, _VAGUE_PLURAL)
    nxt = c.low(j)
    if q and not plural and nxt in _SCALE_UNIT and c.gap_ok(j - 1, j):
        floor, end, last = _VAGUE_Q[q] * _SCALE_UNIT[nxt], j + 1, nxt
    elif q and plural:
        floor, end, last = _VAGUE_Q[q] * _VAGUE_PLURAL[plural] / 2, k, plural
    elif plural:
        floor, end, last = _VAGUE_PLURAL[plural], k, plural
    elif q:
        floor, end, last = _VAGUE_Q[q], j, q
        if q == "many" and c.low(i - 1) in ("how", "as", "so", "too"):
            return None
        if q == "some" and (nxt == "of" or not (nxt in _COUNT_NOUNS or (len(nxt) > 3 and nxt.endswith("s")))):
            return None  # "some" alone is too often not a count ("some say")
    else:
        return None
    has_of = c.low(end) == "of" and c.gap_ok(end - 1, end)
    if last in _NEEDS_OF and not has_of:
        return None
    if has_of and (last in _VAGUE_PLURAL or last in ("a handful", "a number", "a couple")):
        end += 1
    return float(floor), end


def _year_like(tok: _Tok) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", tok.text))


def _excluded(c: _Ctx, j: int, end: int, qual: str | None) -> bool:
    """Is the number in tokens [j, end) a year, time, date, code, percent, money or pronoun?"""
    text, toks = c.text, c.toks
    first, last = toks[j], toks[end - 1]
    if c.is_blocked(first.start, last.end):
        return True
    before = c.low(j - 2) if c.low(j - 1) == "." else c.low(j - 1)
    after = c.low(end)
    pre, post = text[max(0, first.start - 2):first.start], text[last.end:last.end + 2]
    if first.num:
        if pre[-1:].isalpha() or pre[-1:] in ("#", "'", "’") or (pre[-1:] == "-" and pre[:1].isalpha()):
            return True  # F-16, COVID-19, MH17, '90s
        if len(first.text) > 1 and first.text[0] == "0" and first.text[1] != ".":
            return True
        if before in _LABELS:
            return True  # Resolution 2334, Flight 752, No. 10
    if post[:1].isalpha() or (post[:1] in ("/", ":") and post[1:2].isdigit()):
        return True  # 1990s, 3D, 5G, 4x4
    if first is last and first.num and len(first.text) <= 2 and _AGE_LAST.match(text, last.end) \
            and _AGE_NOUN_BEFORE.search(text, max(0, first.start - 20), first.start):
        return True  # an age closing a phrase: "... in the shooting of an Elm Park boy, 6."
    if _AGE_AFTER.match(text, last.end) or before in ("aged", "age", "ages") or (
            first is last and first.num and post[:1] == "," and len(first.text) <= 2
            and _AGE_APPOSITION.search(text, max(0, first.start - 40), first.start)):
        return True  # an age, not a count: "a 12-year-old boy", "aged 35", "John Doe, 23, of Tulsa"
    if _AGE_COMPARED.search(text, max(0, first.start - 30), first.start):
        return True  # an age bound, not a count: "a girl younger than 10", "children under the age of 5"
    if first.num and (_BROADCASTER.match(text, last.end) or _BROADCASTER_BEFORE.search(text, max(0, first.start - 10),
                                                                                        first.start)):
        return True  # a station's name: "Channel 9 News", "7 Action News", "told News 12"
    if first.text == "911" and (_EMERGENCY.search(text, max(0, first.start - 12), first.start)
                                or _EMERGENCY_AFTER.match(text, last.end)):
        return True  # the emergency number: "asked a neighbour to dial 911", "a 911 call"
    if _PARENT_OF.search(text, max(0, first.start - 20), first.start):
        return True  # children a parent has, not people hurt: "a mother of three was hurt"
    if first.num and _ADDRESS_AFTER.match(text, last.end):
        return True  # a street address: "at 2417 Larch St.", "the 900 block of Dell Road"
    if _COMPOUND_MODIFIER.match(text, last.end):
        return True  # a compound modifier counts hours, storeys or gauge, not people: "a two-hour standoff"
    if _AFTER_EXCLUDE.match(text, last.end) or \
            _BEFORE_EXCLUDE.search(text, max(0, first.start - 5), first.start):
        return True  # percentages and money
    if end == j + 1 and _year_like(first) and qual in (None, "about", "range"):
        counted = after in _COUNT_NOUNS or (len(after) > 3 and after.isalpha() and after.islower()
                                            and after.endswith("s") and not after.endswith(("ss", "us")))
        if before in _YEAR_CONTEXT or not counted:
            return True
    if end == j + 1 and first.low == "one" and qual is None:
        w3 = c.low(end + 2)
        if after == "-" and c.gap_ok(end - 1, end, True):
            after = c.low(end + 1)  # one-sided, one-off
        if before in _ONE_BEFORE or after in _ONE_AFTER or (
                after == "of" and c.low(end + 1) in ("the", "these", "those")
                and (w3 in _NOT_COUNTED_AFTER_ONE_OF or w3.endswith("est"))):
            return True  # no one, one another, one day, one of the most...
    if not first.num and first.text[0].isupper() and j and toks[j - 1].text[:1].isupper() \
            and toks[j - 1].text.isalpha() and not _sentence_start(text, toks[j - 1].start):
        return True  # Formula One, Channel Four
    return False


def _sentence_start(text: str, pos: int) -> bool:
    k = pos
    while k and text[k - 1].isspace():  # only the characters just before: no copy of the text
        k -= 1
    return not k or text[k - 1] in ".!?\n\"“:"


def _range(c: _Ctx, j: int, end: int, value: float, hedge: str | None):
    """Second number of "between X and Y", "from X to Y", "X-Y", "X to Y", "two or three".

    Returns (high, end), None when there is no range, or False when the range
    is there but is not a count (a year span, a percentage)."""
    joiners = {"between": ("and",), "from": ("to", "-", "–")}.get(hedge, ("-", "–", "to", "or"))
    sep = c.toks[end] if end < len(c.toks) else None
    if sep is None or sep.low not in joiners:
        return None
    if sep.low in ("-", "–"):
        spaced = c.gap_ok(end - 1, end) and c.gap_ok(end, end + 1)
        if not (spaced and sep.low == "–" or c.gap_ok(end - 1, end, True) and c.gap_ok(end, end + 1, True)
                and c.text[c.toks[end - 1].end:c.toks[end + 1].start] == sep.text):
            return None
    elif not (c.gap_ok(end - 1, end) and c.gap_ok(end, end + 1)):
        return None
    second = _core(c, end + 1)
    if second is None or second[0] <= value:
        return None
    if _excluded(c, end + 1, second[1], "range") or (_year_like(c.toks[j]) and _year_like(c.toks[end + 1])):
        return False
    return second


_TRAIL = {("or", "more"): "at_least", ("or", "above"): "at_least", ("or", "so"): "about",
          ("or", "fewer"): "at_most", ("or", "less"): "at_most"}


def _mention(c: _Ctx, i: int, end: int, value, qual, low, high) -> NumberMention:
    s, e = c.toks[i].start, c.toks[end - 1].end
    return NumberMention(s, e, c.text[s:e], value, qual, low, high)


def _match(c: _Ctx, i: int) -> tuple[NumberMention, int] | None:
    hedge, j = c.phrase(i, _HEDGES)
    qual = _HEDGES.get(hedge) if hedge else None
    if hedge == "some" and not _core(c, j):
        hedge, qual, j = None, None, i  # "some" as a vague word, not "some 50"
    if hedge and not c.gap_ok(j - 1, j):
        return None
    core = _core(c, j)
    if core is None:
        vague = _vague(c, j)
        if vague is None or qual == "range":
            return None
        start = i if qual == "at_least" else j  # "at least dozens of"; not "over several"
        return _mention(c, start, vague[1], None, "vague", vague[0], None), vague[1]
    value, end = core
    if _excluded(c, j, end, qual):
        return None
    if qual in (None, "range"):
        second = _range(c, j, end, value, hedge)
        if second is False or (second is None and qual == "range"):
            return None
        if second:
            return _mention(c, i, second[1], value, "range", value, second[0]), second[1]
    if qual is None:  # trailing hedges: "50 or more", "50 or so", "50-odd", "50+"
        tail = c.toks[end - 1].end
        if (c.low(end), c.low(end + 1)) in _TRAIL and c.gap_ok(end - 1, end) and c.gap_ok(end, end + 1):
            qual = _TRAIL[(c.low(end), c.low(end + 1))]
            end += 2
        elif _ODD_PLUS.match(c.text, tail):
            qual, end = ("about" if c.text.startswith("-odd", tail) else "at_least"), end + 2
        elif _PLUS.match(c.text, tail):
            qual, end = "at_least", end + 1
    qual = qual or "exact"
    low, high = {"exact": (value, value), "at_least": (value, None), "more_than": (value, None),
                 "at_most": (None, value), "fewer_than": (None, value),
                 "about": (None, value if hedge in _BELOW_N else None)}[qual]
    return _mention(c, i, end, value, qual, low, high), end


def find_numbers(text: str) -> list[NumberMention]:
    """Every stated quantity in ``text``, in order, non-overlapping, with
    ``text[m.start:m.end] == m.text`` (hedge + number, without the noun)."""
    c = _Ctx(text)
    out: list[NumberMention] = []
    i = 0
    while i < len(c.toks):
        found = _match(c, i)
        if found is None:
            i += 1
            continue
        out.append(found[0])
        i = found[1]
    return out
