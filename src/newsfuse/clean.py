"""Remove boilerplate lines from already-scraped article text, keeping every real sentence.

Scraped news text arrives with the page's furniture still in it: comment prompts,
"read also" link lists, share bars and vote counters, author boxes, navigation
crumbs, cookie and subscription notices, publisher taglines. We judge each *line*
by general features rather than by a list of known phrases:

* shape: word count, whether it ends like a sentence, whether it addresses the
  reader ("you", imperative interface verbs), whether it is made only of counters
  ("5.5k", "34") and interface words ("shares", "comments", "menu");
* position: runs of short non-sentences after the last real paragraph are a
  footer; the lines under a "related"-type header form a link list;
* repetition: a short non-sentence line that occurs in several articles of the
  same outlet (or in many articles) is template text.

A small vocabulary of *interface* words (comment, share, subscribe, cookie...) is
part of the features: it describes web pages in general, not any one page.
Every dropped line is kept with the rule that dropped it, so users can audit.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .models import RemovedLine

_WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…:;][\"”’'»)\]]*$")
_COUNTER_TOKEN = re.compile(r"^\d+(?:[.,]\d+)?[kKmM]?$")

# Words naming parts of a web page's interface rather than the world.
UI_WORDS = {
    "comment", "comments", "reply", "replies", "share", "shares", "shared", "tweet",
    "like", "likes", "upvote", "downvote", "vote", "votes", "points", "views", "reads",
    "reactions", "subscribe", "subscribed", "subscription", "newsletter", "newsletters",
    "login", "log", "sign", "register", "account", "menu", "search", "home", "top",
    "mobile", "version", "print", "email", "e-mail", "link", "copy", "copied", "cookie",
    "cookies", "privacy", "policy", "terms", "advertisement", "advert", "ad", "ads",
    "sponsored", "promoted", "skip", "content", "navigation", "toggle", "close",
    "accept", "settings", "preferences", "notifications", "alerts", "app", "download",
    "follow", "whatsapp", "facebook", "twitter", "telegram", "linkedin", "reddit",
    "pinterest", "messenger", "instagram", "youtube", "tiktok", "rss", "feed",
    "next", "previous", "prev", "back", "more", "loading", "photo", "photos", "gallery",
    "video", "videos", "watch", "listen", "podcast", "click", "tap", "here", "page",
    "post", "posts", "name", "message", "feedback", "thoughts", "rating", "review",
}
SOCIAL_COUNTER_WORDS = {
    "points", "point", "shares", "share", "comments", "comment", "views", "view", "likes",
    "like", "votes", "vote", "upvote", "downvote", "upvotes", "downvotes", "reactions",
    "reads", "tweet", "tweets", "facebook", "twitter", "whatsapp", "telegram", "linkedin",
    "reddit", "pinterest", "email", "print", "messenger", "copy", "link", "x", "min",
    "read", "mins", "minute", "minutes", "pin", "save", "saved",
}
IMPERATIVE_UI_VERBS = {
    "leave", "post", "add", "enter", "write", "join", "sign", "log", "subscribe",
    "follow", "share", "click", "tap", "download", "accept", "register", "comment",
    "reply", "rate", "vote", "exit", "skip", "back", "continue", "load", "show", "view",
    "watch", "listen", "get", "install", "like", "submit", "send",
}
NAV_WORDS = {
    "home", "all", "news", "world", "politics", "business", "sport", "sports", "tech",
    "technology", "opinion", "menu", "latest", "video", "videos", "local", "national",
    "international", "entertainment", "lifestyle", "health", "science", "culture",
    "economy", "europe", "asia", "africa", "americas", "middle", "east", "us", "uk",
    "region", "regions", "analysis", "features", "live", "more", "sections", "top",
    "stories", "headlines", "breaking", "today", "search", "login", "subscribe",
}
STOPWORDS = {
    # English and French function words: enough to tell prose from labels.
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with",
    "by", "from", "as", "is", "was", "were", "are", "be", "been", "has", "have", "had",
    "that", "this", "these", "those", "it", "its", "their", "his", "her", "they", "he",
    "she", "we", "not", "no", "said", "says", "after", "before", "during", "over",
    "le", "la", "les", "de", "des", "du", "et", "en", "un", "une", "dans", "pour",
}
SECOND_PERSON = {"you", "your", "yours", "you're", "you’re", "you'll", "you’ll"}
_RELATED_HEADER = re.compile(
    r"^(?:read|see|watch)\s*also|^(?:read|see|watch)\s+(?:more|next)\b|^also\s+read\b|^related\b|^more\s+(?:from|on|stories|news)\b"
    r"|^you\s+(?:may|might|could)\s+(?:also\s+)?(?:like|enjoy|be\s+interested)|^recommended\b"
    r"|^(?:most\s+(?:read|popular|viewed)|trending|popular\s+(?:now|stories|posts))\b"
    r"|^(?:latest|top|other)\s+(?:news|stories|posts|articles)\b|^further\s+reading\b|^lire\s+aussi\b"
    r"|^à\s+lire\s+aussi\b|^voir\s+aussi\b"
    r"|^le[ae]\s+(?:también|además)\b|^te\s+puede\s+interesar\b|^noticias\s+relacionadas\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:by|written\s+by|posted\s+by|published\s+by|reporting\s+by|words\s+by|author:|par)\s+(?=\S)",
    re.IGNORECASE,
)
_AUTHOR_BOX_HEADER = re.compile(r"^(?:about\s+the\s+author|author\s+bio(?:graphy)?)\b", re.IGNORECASE)
_LEGAL = re.compile(
    r"©|\(c\)\s*\d{4}|\ball rights reserved\b|\bprivacy policy\b|\bterms of (?:use|service)\b"
    r"|\bcookies?\b.*\b(?:use|uses|accept|consent|policy|settings|preferences|browsing|experience|site|website)\b"
    r"|\b(?:use|uses|accept|consent|manage)\b.*\bcookies?\b",
    re.IGNORECASE,
)
_SUBSCRIBE = re.compile(r"\b(?:subscribe|newsletter|sign up|unsubscribe|paywall|premium content)\b", re.IGNORECASE)
_AD_LABEL = re.compile(r"^(?:advertisement|advertising|sponsored(?: content)?|ad|anzeige|publicité)$", re.IGNORECASE)
_BREADCRUMB_SEP = re.compile(r"\s[›»>/|·•]\s|^[›»>]|[›»>]$")
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|org|net|info|news|co|io|tv|fr|de|uk|ru|id|in|am|az|pk|tr)\b", re.IGNORECASE)


@dataclass
class LineInfo:
    """Features of one line that the rules read."""

    text: str
    words: list[str]
    lower: list[str]
    ends_sentence: bool

    @property
    def n(self) -> int:
        return len(self.words)

    @property
    def is_sentence(self) -> bool:
        """Prose: a line that ends like a sentence and is long enough to say something."""
        return (self.ends_sentence and self.n >= 5) or self.n >= 25


def line_info(text: str) -> LineInfo:
    words = _WORD.findall(text)
    return LineInfo(text, words, [w.lower() for w in words], bool(_SENTENCE_END.search(text.rstrip())))


MIN_SAME_SOURCE = 2  # a line in this many articles of one outlet is its template
MIN_ANY = 3  # ... or in this many articles of any outlets


def normalise_line(line: str) -> str:
    """The comparison key for repeated-line detection."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", line)).strip().lower()


# --- single-line rules: each returns a reason or None -------------------------------------------

def is_counter(info: LineInfo) -> str | None:
    """Share bars and vote/comment counters: only numbers and social words."""
    if info.n == 0 or info.n > 10 or (info.ends_sentence and info.text.rstrip()[-1] in ".?"):
        return None
    tokens = info.text.replace("|", " ").split()
    if all(_COUNTER_TOKEN.match(t) or t.lower().strip(":·•") in SOCIAL_COUNTER_WORDS for t in tokens):
        return "share/vote counter"
    return None


def is_reader_prompt(info: LineInfo) -> str | None:
    """Short lines that talk to the reader or are interface labels ("Leave a Reply")."""
    if info.n == 0 or info.n > 9:
        return None
    ui = sum(1 for w in info.lower if w in UI_WORDS)
    second_person = any(w in SECOND_PERSON for w in info.lower)
    imperative = info.lower[0] in IMPERATIVE_UI_VERBS or (
        info.lower[0] == "please" and info.n > 1 and info.lower[1] in IMPERATIVE_UI_VERBS
    )
    if second_person and (not info.ends_sentence or info.text.rstrip()[-1] in "!?" or ui):
        return "reader prompt"
    if imperative and ui:
        return "interface label"
    if info.n <= 4 and ui and not info.ends_sentence and ui * 2 >= info.n:
        return "interface label"
    return None


def is_legal_or_subscription(info: LineInfo) -> str | None:
    if _AD_LABEL.match(info.text.strip()):
        return "advertisement label"
    if _LEGAL.search(info.text) and info.n <= 40:
        return "cookie/legal notice"
    if _SUBSCRIBE.search(info.text) and info.n <= 15:
        return "subscription prompt"
    return None


def is_navigation(info: LineInfo, near_edge: bool) -> str | None:
    """Breadcrumbs ("Home › World") and menus, near the top or bottom of the text."""
    if info.n == 0 or info.ends_sentence or info.n > 12:
        return None
    if near_edge and _BREADCRUMB_SEP.search(info.text):
        parts = [p for p in re.split(r"[›»>/|·•]", info.text) if p.strip()]
        if len(parts) >= 2 and all(len(_WORD.findall(p)) <= 3 for p in parts):
            return "navigation"
    if near_edge and info.n <= 6 and all(w in NAV_WORDS for w in info.lower):
        return "navigation"
    return None


def is_byline(info: LineInfo) -> str | None:
    if info.n <= 8 and not info.ends_sentence and _BYLINE.match(info.text.strip()):
        return "byline"
    return None


# --- the cleaner ----------------------------------------------------------------------------------

def clean_text(
    text: str,
    *,
    from_html: bool = False,
    repeated: set[str] | None = None,
) -> tuple[str, list[RemovedLine]]:
    """Return the cleaned text and the lines removed from it, each with its reason.

    ``from_html`` says the text already went through an HTML extractor, which took
    the page structure into account; then only line-level rules run (no footer
    heuristic), because a missing sentence costs more than a stray label.
    ``repeated`` holds normalised lines seen across several articles of a batch.
    """
    lines = [ln.strip() for ln in unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    infos = [line_info(ln) for ln in lines]
    reasons: list[str | None] = [None] * len(lines)
    nonempty = [i for i, ln in enumerate(lines) if ln]
    if not nonempty:
        return "", []
    edge = set(nonempty[:3]) | set(nonempty[-3:])

    for i in nonempty:
        info = infos[i]
        reasons[i] = (
            is_counter(info)
            or is_legal_or_subscription(info)
            or is_byline(info)
            or is_reader_prompt(info)
            or is_navigation(info, i in edge)
        )
        if reasons[i] is None and repeated and not info.is_sentence and normalise_line(lines[i]) in repeated:
            reasons[i] = "repeated across articles"

    _mark_related_lists(lines, infos, reasons, nonempty)
    _mark_author_boxes(lines, infos, reasons, nonempty)
    if not from_html:
        _mark_footer(infos, reasons, nonempty)

    kept: list[str] = []
    removed: list[RemovedLine] = []
    for i, ln in enumerate(lines):
        if reasons[i]:
            removed.append(RemovedLine(ln, reasons[i] or ""))
        elif ln or (kept and kept[-1]):
            kept.append(ln)
    return "\n".join(kept).strip(), removed


def _is_link_like(info: LineInfo) -> bool:
    """A headline-shaped line: no full stop, not too long."""
    return 0 < info.n <= 22 and not (info.ends_sentence and info.text.rstrip()[-1] == ".")


def _mark_related_lists(lines: list[str], infos: list[LineInfo], reasons: list[str | None], nonempty: list[int]) -> None:
    """A "Read also"-type header and the headline-shaped lines under it are a link list."""
    for i in nonempty:
        info = infos[i]
        header = _RELATED_HEADER.match(lines[i])
        if not header or info.is_sentence and info.n > 12:
            continue
        reasons[i] = "related-links list"
        rest = lines[i][header.end():].strip(" :-–—")
        if rest and not rest.startswith(("(", "[")):
            continue  # a one-line link glued to its label ("READ ALSO Foo bar")
        j = i + 1
        while j < len(lines) and not lines[j]:
            j += 1  # a list may start after a blank line
        while j < len(lines) and lines[j] and _is_link_like(infos[j]):
            reasons[j] = reasons[j] or "related-links list"
            j += 1


def _mark_author_boxes(lines: list[str], infos: list[LineInfo], reasons: list[str | None], nonempty: list[int]) -> None:
    """The paragraph after a byline that starts with the author's name is the author's bio."""
    for k, i in enumerate(nonempty):
        header = _AUTHOR_BOX_HEADER.match(lines[i])
        if header and infos[i].n <= 6:
            reasons[i] = "author box"
            if k + 1 < len(nonempty):
                reasons[nonempty[k + 1]] = "author box"
            continue
        if reasons[i] != "byline" or k + 1 >= len(nonempty):
            continue
        byline = _BYLINE.match(lines[i])
        name = lines[i][byline.end():].strip() if byline else ""
        nxt = nonempty[k + 1]
        if name and lines[nxt].lower().startswith(name.lower()) and infos[nxt].n <= 60:
            reasons[nxt] = "author box"


def _mark_footer(infos: list[LineInfo], reasons: list[str | None], nonempty: list[int]) -> None:
    """After the last real paragraph, short non-sentences are page furniture.

    Only applies when something after that paragraph was already judged
    boilerplate, so a short article ending in a plain line is left alone.
    """
    last_prose = max((i for i in nonempty if reasons[i] is None and infos[i].is_sentence), default=None)
    if last_prose is None:
        return
    tail = [i for i in nonempty if i > last_prose]
    if not any(reasons[i] for i in tail):
        return
    for i in tail:
        if reasons[i] is None and not infos[i].is_sentence:
            reasons[i] = "footer"


def template_candidates(text: str) -> set[str]:
    """The lines of a raw text that could be template text: short non-sentence lines, normalised."""
    seen = set()
    for ln in text.split("\n"):
        ln = ln.strip()
        if ln and not line_info(ln).is_sentence:
            seen.add(normalise_line(ln))
    return seen


def repeated_lines(texts: Iterable[tuple[str | None, str]], min_same_source: int = MIN_SAME_SOURCE,
                   min_any: int = MIN_ANY) -> set[str]:
    """Short non-sentence lines shared by several articles: template text.

    ``texts`` yields (source, raw text). A line counts when it occurs in
    ``min_same_source`` articles of one outlet, or in ``min_any`` articles overall.
    """
    per_source: Counter[tuple[str | None, str]] = Counter()
    overall: Counter[str] = Counter()
    for source, text in texts:
        for key in template_candidates(text):
            overall[key] += 1
            if source:
                per_source[(source, key)] += 1
    out = {k for k, n in overall.items() if n >= min_any}
    out |= {k for (src, k), n in per_source.items() if n >= min_same_source}
    return out


def drop_template_lines(text: str, keys: set[str]) -> tuple[str, list[str]]:
    """``text`` without its non-sentence lines whose key is in ``keys`` (learned after the
    article was stored), and the lines removed."""
    kept, removed = [], []
    for ln in text.split("\n"):
        if ln.strip() and not line_info(ln.strip()).is_sentence and normalise_line(ln) in keys:
            removed.append(ln.strip())
        else:
            kept.append(ln)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip(), removed
