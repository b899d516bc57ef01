"""What the words around a capitalised name say about it being a place.

News writing marks places and non-places in a few fixed ways, the same on any desk:
- a **street** is a name with a street word after it ("Houston Street", "Main St.") or after
  "the 4100 block of": the name is the street's, not the town's;
- a **person** is a name with an age after it ("Dunlap, 18,") or a rank or title before it
  ("Officer Carew", "Sgt. Tyler");
- a **dateline** opens a report with the town it was filed from ("SPRINGFIELD, Ohio (AP) —",
  "KANSAS CITY —"): the town is a place even when small, and a strong hint of where it happened;
- a **residence** is where a named person lives ("Julian Johnson, 29, of Dayton", "a Dayton
  man"): a place only mentioned, not where it happened;
- an **interface label** opens a line with a word and a colon ("Reading time: 3 minutes");
- a **quarter** of a city ("Northeast", "the South Side") is no town of that name elsewhere;
- a **subject** place that says, brokers or urges something is an actor ("Russia brokered a
  ceasefire"), not the site of the event.
"""

from __future__ import annotations

import re

STREET_WORDS = (r"Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.|Lane|Ln\.?|Place|Pl\.|"
                r"Pike|Highway|Hwy\.?|Way|Circle|Cir\.|Parkway|Pkwy\.?|Terrace|Trail|Expressway|Freeway|Turnpike")
# a street word ends the name unless another name follows ("Highway Patrol", "Fort St. John")
STREET_END = r"(?:[ ]+(?:North|South|East|West|NE|NW|SE|SW)\b)?(?![\w-])(?!\.?[ ]+[A-Z][a-z])"
STREET_AFTER_RE = re.compile(rf"^ (?:{STREET_WORDS}){STREET_END}")
BLOCK_BEFORE_RE = re.compile(r"\b(?:\d+\s+)?block\s+of\s+(?:(?:North|South|East|West|[NSEW]\.?)\s+)?$", re.I)
# a whole street name: optional direction, one to three capitalised words, the street word
STREET_NAME_RE = re.compile(
    rf"\b(?:(?:North|South|East|West|Old|New)[ ]+)?(?:[A-Z][\w'’-]*(?<!['’]s)[ ]+){{1,3}}(?:{STREET_WORDS}){STREET_END}")

PERSON_AFTER_RE = re.compile(r"^,\s+\d{1,3}(?:,|;|\s+of\b|\s+and\b|\s*$)")
TITLES = ("Officer", "Officers", "Sgt", "Sergeant", "Lt", "Lieutenant", "Det", "Detective", "Deputy", "Trooper",
          "Cpl", "Corporal", "Capt", "Captain", "Chief", "Sheriff", "Judge", "Mr", "Mrs", "Ms", "Miss", "Dr",
          "Rep", "Sen", "Gov", "Mayor", "Pastor", "Rev", "Coach", "Attorney", "Prosecutor", "Spc", "Pvt", "Col",
          "Gen", "Maj", "Agent", "Patrolman", "Constable", "Inspector", "Superintendent", "Commissioner")
TITLE_BEFORE_RE = re.compile(rf"\b(?:{'|'.join(TITLES)})\.?\s+(?:[A-Z][\w'’-]*\.?\s+)?$")

# "SPRINGFIELD, Ohio (AP) —", "KANSAS CITY —", "Bishkek, May 14 (Reuters) -"
DATELINE_RE = re.compile(
    r"(?:^|\n)[ \t]*(?P<name>[A-Z][A-Za-z.'’ -]{1,40}?)"
    r"(?:,[ \t]+[A-Z][A-Za-z. ]{1,25}?)?(?:,?[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?"
    r"[ \t]*(?:\([A-Za-z0-9 .&/-]{1,25}\))?[ \t]*(?:—|–|--|-)[ \t]")
DATELINE_MAX_START = 400  # a dateline opens the report (after a headline or a caption at most)

RESIDENCE_BEFORE_RE = re.compile(r"(?:,\s+\d{1,3},?\s+|\b(?:resident|native|man|woman|teen|boy|girl|couple|family)"
                                 r"\s+)of\s+$")
RESIDENCE_AFTER_RE = re.compile(r"^(?:\s+|-)(?:man|woman|men|women|teen|teenager|boy|girl|resident|residents|"
                                r"native|couple|family)\b")

QUARTERS = {"Northeast", "Northwest", "Southeast", "Southwest", "Downtown", "Midtown", "Uptown", "Eastside",
            "Westside", "Northside", "Southside", "East Side", "West Side", "North Side", "South Side",
            "Near North Side", "Near West Side", "Far South Side", "Lower East Side", "Upper East Side",
            "Upper West Side", "North End", "South End", "East End", "West End"}
NEIGHBOURHOOD_AFTER_RE = re.compile(r"^\s+(?:neighbou?rhoods?|section of|community area|subdivision)\b", re.I)

SUBJECT_AFTER_RE = re.compile(
    r"^(?:'s|’s)?\s+(?:has\s+|had\s+|have\s+|also\s+|on\s+\w+day\s+)?(?:said|says|say|brokered|mediated|urged|"
    r"called|condemned|welcomed|warned|denied|accused|announced|expressed|offered|proposed|demanded|criticised|"
    r"criticized|insisted|blamed|pledged|promised|hosted|sent|dispatched|signed|voted|recognised|recognized)\b")


LINE_START_RE = re.compile(r"(?:^|\n)[ \t]*$")
LABEL_AFTER_RE = re.compile(r"^[ \t]+[a-z]+(?:[ \t]+[a-z]+)?[ \t]*:")


def is_label(text: str, start: int, end: int) -> bool:
    """The first word of an interface label that opens a line ("Reading time: 3 minutes",
    "Sign up:"): a page's furniture, not a place."""
    return bool(LABEL_AFTER_RE.match(text[end:end + 30]) and LINE_START_RE.search(text[max(0, start - 10):start]))


# "at 3140 Pine Hill": a house number before a name makes it a street's (not "in 2015 Boston")
HOUSE_NUMBER_BEFORE_RE = re.compile(r"\b(?:at|on|of|to|near|outside)\s+(\d{3,6})\s+(?:[NSEW]\.?\s+)?$")
NOUN_AFTER_RE = re.compile(r"\s+(?!(?:in|on|at|near|and|or|off|between|when|where|after|before)\b)[a-z]")
YEAR_RE = re.compile(r"1[89]\d\d|20\d\d")
# "near Troy and Salem streets", "at Elm, Oak and Pine avenues": every name of the list is a street
STREET_LIST_AFTER_RE = re.compile(r"^(?:(?:,|,? and|,? &) [A-Z][\w'’.]*(?: [A-Z][\w'’.]*)?)* (?:,? and |,? & )?"
                                  r"[A-Z]?[\w'’.]*[ ]?(?:streets|avenues|roads|boulevards|drives|lanes)\b")
STREET_PLURAL_AFTER_RE = re.compile(r"^ (?:streets|avenues|roads|boulevards|drives|lanes)\b")


def is_street(text: str, start: int, end: int) -> bool:
    """Is text[start:end] (part of) a street's name: "Houston Street", "the 4100 block of Quincy",
    "Troy and Salem streets", "at 3140 Pine Hill"?"""
    after = text[end:end + 80]
    if STREET_AFTER_RE.match(after[:14]) or STREET_PLURAL_AFTER_RE.match(after) or (
            re.match(r"^,? (?:and|&) ", after) and STREET_LIST_AFTER_RE.match(after)):
        return True
    if BLOCK_BEFORE_RE.search(text[max(0, start - 40):start]):
        return True
    house = HOUSE_NUMBER_BEFORE_RE.search(text[max(0, start - 30):start])
    return bool(house and not YEAR_RE.fullmatch(house.group(1)) and not NOUN_AFTER_RE.match(text[end:end + 12]))
    # (not "of 300 Chicago officers": a count before a name that qualifies a noun)


def street_spans(text: str) -> list[tuple[int, int]]:
    """Every street name written out in full ("North Capitol Street", "Dixie Hwy")."""
    return [(m.start(), m.end()) for m in STREET_NAME_RE.finditer(text)
            if not m.group().split()[0] in ("The", "A", "An", "In", "On", "At", "Of")]


def is_person(text: str, start: int, end: int) -> bool:
    """A name with an age after it or a rank before it is a person's."""
    return bool(PERSON_AFTER_RE.match(text[end:end + 12]) or TITLE_BEFORE_RE.search(text[max(0, start - 40):start]))


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """The place-name part of a dateline near the top of the report."""
    out = []
    for m in DATELINE_RE.finditer(text[:DATELINE_MAX_START]):
        name = m.group("name").rstrip(" .")
        if len(name.split()) <= 4 and (name.isupper() or "," in m.group() or "(" in m.group()):
            out.append((m.start("name"), m.start("name") + len(name)))
    return out


CREDIT_RE = re.compile(r"\(([A-Za-z0-9 .&/-]{1,25})\)")


def own_dateline(text: str, source: str) -> tuple[str, str | None] | None:
    """The town and its qualifier of a dateline credited to the report's own outlet
    ("SALEM, Ore. (KXYZ) —" on kxyz.com -> ("SALEM", "Ore.")), or None. A station puts
    its own city there even for a story from a town nearby: the town is the outlet's home,
    not where the report was filed from (unlike an agency's "(AP)")."""
    host = {label for label in source.lower().split("//")[-1].split("/")[0].split(".") if len(label) > 2}
    for m in DATELINE_RE.finditer(text[:DATELINE_MAX_START]):
        credit = CREDIT_RE.search(m.group())
        if not credit:
            continue
        letters = re.sub(r"[^a-z0-9]", "", credit.group(1).lower())
        if len(letters) >= 3 and any(letters == label or label.startswith(letters) for label in host):
            qualifier = QUALIFIER_RE.match(m.group()[m.end("name") - m.start():])
            return m.group("name").rstrip(" ."), qualifier.group(1) if qualifier else None
        return None
    return None


QUALIFIER_RE = re.compile(r",[ \t]+([A-Z][A-Za-z. ]{1,25}?)[ \t]*[(,]")


def is_residence(text: str, start: int, end: int) -> bool:
    return bool(RESIDENCE_BEFORE_RE.search(text[max(0, start - 30):start])
                or RESIDENCE_AFTER_RE.match(text[end:end + 14]))


def is_quarter(name: str, text: str, end: int) -> bool:
    """A quarter of a city, or a name followed by "neighborhood"."""
    return name in QUARTERS or bool(NEIGHBOURHOOD_AFTER_RE.match(text[end:end + 30]))


COUNTRY_SITE_BEFORE_RE = re.compile(r"\b(?:in|into|inside|across|near|at|on|onto|throughout|within|of|from)\s+"
                                    r"(?:the\s+)?(?:[A-Z][\w'’]*-)?$")
COUNTRY_SITE_AFTER_RE = re.compile(r"^(?:-[A-Z][\w'’]*)?(?:'s|’s)?\s+(?:territory|territories|soil|border|borders|"
                                   r"frontier|side|positions|villages|towns|regions?|provinces?|airspace)\b")

COUNTRY_ASKED_BEFORE_RE = re.compile(r"\b(?:call\w*|rel(?:y|ies|ied|ying)|depend\w*|sanctions?|pressure\w*|"
                                     r"impos\w+|pressed)\s+on\s+$", re.I)


def is_country_site(text: str, start: int, end: int) -> bool:
    """A country is where something happened only as a place ("in Armenia", "on Armenian
    territory", "Armenia's border"), not as the party that speaks, brokers or is asked."""
    before = text[max(0, start - 30):start]
    return bool((COUNTRY_SITE_BEFORE_RE.search(before) and not COUNTRY_ASKED_BEFORE_RE.search(before))
                or COUNTRY_SITE_AFTER_RE.match(text[end:end + 30]))


def is_subject(text: str, end: int) -> bool:
    """The place is the subject of a speech or diplomacy verb: an actor, not a site."""
    return bool(SUBJECT_AFTER_RE.match(text[end:end + 40]))


TITLE_WORDS = {t.casefold() for t in TITLES}


def is_title_word(name: str) -> bool:
    """A rank or title ("Officer", "Sgt."): part of a person's name, never a place by itself."""
    return name.rstrip(".").casefold() in TITLE_WORDS


SHOUT_WINDOW, SHOUT_MIN_LETTERS, SHOUT_SHARE = 120, 40, 0.8


def is_shouted(text: str, start: int, end: int) -> bool:
    """Is the text around written in capitals (a caption, a broadcast transcript)? There a
    capital says nothing about a name: "NO ONE WAS HURT", "SOUTHWEST OF THE CITY"."""
    window = text[max(0, start - SHOUT_WINDOW):end + SHOUT_WINDOW]
    letters = [c for c in window if c.isalpha()]
    return len(letters) >= SHOUT_MIN_LETTERS and sum(c.isupper() for c in letters) >= SHOUT_SHARE * len(letters)


CAP_BEFORE_RE = re.compile(r"(?:^|[^\w.])([A-Z][\w'’]*) $")


def in_longer_name(text: str, start: int, is_plain) -> bool:
    """Is the word at ``start`` the second word of a longer capitalised name ("Red Lantern Bar
    and Grill", "Elm Grove Park")? True when the word right before is capitalised and
    ``is_plain(word)`` (neither a common capitalised word nor a place) holds. (A word after
    says less: "Greene County Sheriff", "York Police" are places naming an institution.)"""
    before = CAP_BEFORE_RE.search(text[max(0, start - 30):start])
    return bool(before and is_plain(before.group(1)))


def is_persons_town(text: str, start: int, person_ends: set[int]) -> bool:
    """"Rhea Lomax of Indianapolis", "Ann Lee, of Dayton": where a named person lives
    (``person_ends``: where the report's PERSON entities end)."""
    for gap in (" of ", ", of "):
        if text[max(0, start - len(gap)):start] == gap and start - len(gap) in person_ends:
            return True
    return False


def after_a_place(places: list[tuple[int, int]], text: str, start: int) -> bool:
    """Does one of ``places`` (spans found so far) end right before ``start``, with a list's comma
    or "and" between?"""
    return any(text[end:start] in (", ", " and ", ", and ", " or ") for _, end in places if end <= start)
