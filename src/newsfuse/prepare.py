"""Turn a RawArticle into a cleaned Article: clean the text, find title and outlet,
detect the language and give it a stable content id."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace
from pathlib import PurePath

from .clean import STOPWORDS, clean_text, line_info
from .ingest import scrub_article
from .models import Article, RawArticle, RemovedLine

_TITLE_SUFFIX = re.compile(r"^(?P<title>.{8,}?)\s+[|]\s+(?P<site>[^|]{2,60})$")
_DOMAIN_LEAD = re.compile(
    r"^(?P<site>[A-Z][\w-]*(?:\.[a-z]{2,}){1,2})\s*[–—-]\s", re.UNICODE
)  # "Example.com – The army said..."
_COPYRIGHT_OWNER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})",
    re.IGNORECASE,
)
_DOMAINISH = re.compile(r"\b[\w-]+\.[a-z]{2,}\b", re.IGNORECASE)


def content_id(title: str | None, text: str) -> str:
    """A stable id from the article's prose, insensitive to junk lines and spacing.

    Only sentence-shaped lines count, so the same article scraped twice with a
    different vote counter or comment prompt gets the same id.
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    prose = [ln for ln in lines if line_info(ln).is_sentence] or lines or [title or ""]
    norm = unicodedata.normalize("NFKC", " ".join(prose)).lower()
    norm = re.sub(r"\s+", " ", norm).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code from CLD2, or None when it is not reliable."""
    try:
        import pycld2

        reliable, _, details = pycld2.detect(text[:20000])
    except Exception:  # pycld2 raises on rare byte sequences; language is optional
        return None
    code = details[0][1] if details else "un"
    return code if reliable and code not in ("un", "xxx") else None


def split_title(text: str) -> tuple[str | None, str, list[RemovedLine]]:
    """For plain text, find the headline among the lines above the first paragraph.

    The headline is the headline-shaped line sharing most content words with
    the opening paragraphs (site names, taglines and menus share few); lines
    above it are the page's masthead and are removed as such.
    """
    lines = text.split("\n")
    first_prose = next((i for i, ln in enumerate(lines) if line_info(ln).is_sentence and line_info(ln).n > 12), len(lines))
    candidates = [i for i in range(first_prose) if 3 <= line_info(lines[i]).n <= 30]
    if not candidates:
        candidates = [i for i in range(first_prose) if line_info(lines[i]).n > 0]
    if not candidates:
        return None, text, []
    lead_words = _content_words(" ".join(lines[first_prose : first_prose + 4]))
    best = max(candidates, key=lambda i: (len(_content_words(lines[i]) & lead_words), -i))
    rest = "\n".join(lines[best + 1 :]).strip()
    if not rest:  # a one-line text is its own body; the headline is a copy of it
        return lines[best].strip(), text.strip(), []
    removed = [RemovedLine(ln.strip(), "page header (above headline)") for ln in lines[:best] if ln.strip()]
    return lines[best].strip(), rest, removed


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]{4,}", text.lower()) if w not in STOPWORDS}


def site_from_title(title: str) -> tuple[str, str | None]:
    """Split 'Headline | outlet.com' into the headline and the outlet."""
    match = _TITLE_SUFFIX.match(title)
    if match and (_DOMAINISH.search(match["site"]) or len(match["site"].split()) <= 4):
        return match["title"].strip(), match["site"].strip()
    return title, None


def outlet_from_removed(removed: list[RemovedLine]) -> str | None:
    """The outlet named in the page's copyright line ("© 2024 The Daily Ledger.")."""
    for r in removed:
        match = _COPYRIGHT_OWNER.search(r.line)
        if match and match["name"][0].isupper():
            name = re.split(r"\.(?:\s|$)", match["name"])[0]
            name = re.sub(r"\s+(?:Ltd|Inc|LLC|GmbH|All)$", "", name).strip(" .")
            if name and name.lower() not in {"all", "the"}:
                return name
    return None


def source_from_path(path: str) -> str:
    """The outlet of last resort: the file (or JSONL file) name without extension."""
    base = re.sub(r"(?::\d+|\[\d+\])$", "", path)
    return PurePath(base).stem or "unknown"


def prepare_article(raw: RawArticle, repeated: set[str] | None = None) -> Article:
    """Clean ``raw`` and build the Article every later stage annotates.

    Raises ValueError when nothing but boilerplate is left. Strings are scrubbed
    (:func:`~newsfuse.ingest.scrub_article`) as the readers do, for articles built
    by hand (``newsfuse.analyse``) rather than read.
    """
    raw = scrub_article(replace(raw))
    from_html = raw.metadata.get("format") == "html"
    cleaned, removed = clean_text(raw.text or "", from_html=from_html, repeated=repeated)
    title = (raw.title or "").strip() or None
    if title is None:
        title, cleaned, masthead = split_title(cleaned)
        removed = masthead + removed
    site = None
    if title:
        title, site = site_from_title(title)
    if not cleaned.strip():
        raise ValueError("no article text left after removing boilerplate")
    if site is None:
        lead = _DOMAIN_LEAD.match(cleaned)
        site = lead["site"] if lead else outlet_from_removed(removed)
    if not title:
        first = cleaned.split("\n", 1)[0]
        title = first[:120] + ("…" if len(first) > 120 else "")
    source = raw.source or site or source_from_path(raw.path)
    language = raw.language or detect_language(f"{title}\n{cleaned}")
    metadata = dict(raw.metadata)
    if not (raw.source or site):
        metadata["source_from_path"] = True  # no outlet named: say "the report", not a file name
    if raw.external_id:
        metadata["external_id"] = raw.external_id
    return Article(
        id=content_id(title, cleaned),
        path=raw.path,
        source=source,
        title=title,
        text=cleaned,
        url=raw.url,
        published=raw.published,
        language=language,
        removed=removed,
        metadata=metadata,
    )
