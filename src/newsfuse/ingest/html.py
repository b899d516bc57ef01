"""Read one HTML page into a :class:`~newsfuse.models.RawArticle` with trafilatura.

What comes out:

* ``text``: the main content as plain text, one paragraph (heading, list,
  quote, table...) per block, blocks separated by a blank line; a line break
  inside a paragraph (``<br>``) or between list items / table rows stays a
  single newline. A first paragraph that only repeats the headline is
  dropped (the headline is in ``title``). Comments are never included.
* ``title``: the page's ``<h1>`` headline when one agrees with the metadata
  title, else the first plausible ``<h1>``, else the metadata title with a
  trailing `` | Site name`` removed.
* ``published``: ISO ``YYYY-MM-DD`` only when the page states it (URL, meta
  tags, JSON-LD, ``<time>`` / date elements). htmldate's *extensive* search is
  switched off: it guesses from free text and falls back to the copyright
  year as ``YYYY-01-01``, which would invent dates. ``original_date=True``
  prefers the publication date over "last updated".
* ``source``: the site name (falls back to the host name), ``url``: the
  canonical URL the page declares, else the ``url`` given by the caller.
* ``language``: the primary subtag of ``<html lang>`` (or Content-Language).
* ``metadata``: ``author``, ``hostname``, ``description`` when found,
  ``extractor`` (which extraction won) and notes such as ``truncated``.

Extraction runs trafilatura twice on one parsed tree, in its balanced mode
and in its recall mode, and keeps the recall text only when it is clearly
longer: the balanced mode sometimes locks onto one block of a long article
(recall rescues it), while recall sometimes lands on a short teaser block
(balanced is kept). If both fail, ``trafilatura.baseline`` is used; if that
finds nothing either, :class:`ValueError` is raised.

Large pages: trafilatura's time grows with the amount of markup (about 3 s
per MB of dense paragraphs for the two passes), so a 20 MB page would take
minutes. Input longer than :data:`MAX_HTML_CHARS` (1.5 million characters) is
first stripped of ``<script>``/``<style>``/``<svg>``/``<noscript>``/
``<template>`` blocks and HTML comments (JSON-LD scripts are kept: they hold
the metadata); if it is still too long it is cut to that length (lxml closes
the open tags) and only the balanced pass is run. ``metadata["truncated"]``
then records the original size. A 20 MB page is read in a few seconds; the
article body of real pages sits well inside that (the largest page of the
WCXB dev set is 1.8 MB, but only 0.5 MB without its scripts and styles).

Deep pages: the parser stops at 256 levels of elements and drops what lies
below. A page that reaches that depth is flattened and parsed again
(:mod:`newsfuse.ingest.nesting`; ``metadata["flattened"]`` says so); if text is
still lost, ``metadata["warning"]`` (or the error for a page left without text)
says why.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from newsfuse.models import RawArticle

from .files import add_warning, detect_encoding
from .nesting import LIMITS, PARSER_DEPTH, flatten, too_deep

__all__ = ["read_html", "decode_html", "MAX_HTML_CHARS"]

#: Pages longer than this (in characters, after decoding) are slimmed, then truncated.
MAX_HTML_CHARS = 1_500_000

#: Drop paragraphs that repeat an earlier paragraph of the same page.
DEDUP_PARAGRAPHS = True

#: The recall-mode text replaces the balanced one when it has this many times more words.
RECALL_RATIO = 1.1

# Only what the page states: no free-text date guessing, no copyright-year fallback.
DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}

COMMON_OPTIONS: dict[str, Any] = {
    "include_comments": False,  # reader comments are not the report
    "include_tables": True,  # tables carry figures; +0.008 macro F1 on WCXB dev
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "deduplicate": False,  # uses a process-wide cache: results would depend on earlier pages
}

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_WORD_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s+")
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " • ")
_LANG_RE = re.compile(r"^([A-Za-z]{2,3})(?:[-_].*)?$")


def decode_html(data: bytes | str) -> str:
    """Bytes -> str: UTF-8 first, then the page's declared charset, then a sniff.

    Never fails: the last resort is UTF-8 with replacement characters.
    """
    return decode_html_noted(data)[0]


def decode_html_noted(data: bytes | str) -> tuple[str, str | None]:
    """:func:`decode_html`, and a note when the encoding had to be guessed (not UTF-8 and
    no charset declared): the page may read wrong, and the user should know which file."""
    if isinstance(data, str):
        return data, None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        failed_at = exc.start
    match = _CHARSET_RE.search(data[:4096])
    if match:
        declared = match.group(1).decode("ascii", "ignore").lower()
        if declared not in {"utf-8", "utf8"}:
            try:
                return data.decode(declared), None
            except (LookupError, UnicodeDecodeError):
                pass
    try:
        encoding = detect_encoding(data)
    except Exception:  # charset_normalizer confused: fall through
        encoding = None
    if encoding is not None:
        return (data.decode(encoding, errors="replace"),
                f"not valid UTF-8 and no charset declared; read as {encoding} (detected by charset-normalizer)")
    return (data.decode("utf-8", errors="replace"),
            f"invalid UTF-8 at byte {failed_at}; undecodable bytes replaced with U+FFFD")


def read_html(data: bytes | str, path: str, *, url: str | None = None) -> RawArticle:
    """Extract the article in one HTML page (bytes or str) found at ``path``.

    ``url`` is where the page was fetched from, if known (it helps with dates
    in URLs and is the fallback for ``RawArticle.url``).

    Raises :class:`ValueError` when the page holds no extractable text.
    """
    html, decode_note = decode_html_noted(data)
    metadata: dict[str, Any] = {"warning": decode_note} if decode_note else {}
    oversized = False
    if len(html) > MAX_HTML_CHARS:
        html = _strip_heavy_blocks(html)
        if len(html) > MAX_HTML_CHARS:
            oversized = True
            metadata["truncated"] = (
                f"page of {len(html)} characters (without scripts and styles) "
                f"cut to {MAX_HTML_CHARS} before extraction"
            )
            html = html[:MAX_HTML_CHARS]
    if not html.strip():
        raise ValueError("empty HTML page")

    tree = _parse(html)
    if tree is None:
        raise ValueError("could not parse the page as HTML")
    depth_note = ""
    if too_deep(tree):
        tree, depth_note = _parse_flattened(html, metadata)
        if tree is None:
            raise ValueError("could not parse the page as HTML")

    balanced = _bare(tree, url, with_metadata=True)
    recall = None if oversized else _bare(tree, url, favor_recall=True)

    paragraphs = _paragraphs(balanced.body) if balanced is not None else []
    recall_paragraphs = _paragraphs(recall.body) if recall is not None else []
    extractor = "trafilatura"
    if _n_words(recall_paragraphs) > RECALL_RATIO * _n_words(paragraphs):
        paragraphs, extractor = recall_paragraphs, "trafilatura-recall"
    if not paragraphs:
        paragraphs, extractor = _baseline(tree), "trafilatura-baseline"
    if not paragraphs:
        raise ValueError(f"no article text found in the HTML page{depth_note}")

    meta = balanced if balanced is not None else _metadata_only(tree, url)
    title = _choose_title(tree, meta.title if meta else None, meta.sitename if meta else None)
    paragraphs = _drop_headline(paragraphs, [title, meta.title if meta else None])
    if not paragraphs:  # the page was nothing but its headline: keep it
        paragraphs = [title] if title else []
    if not paragraphs:
        raise ValueError(f"no article text found in the HTML page{depth_note}")

    metadata["extractor"] = extractor
    metadata["format"] = "html"  # tells the cleaner the extractor already used the page structure
    if meta is not None:
        for key in ("author", "hostname", "description"):
            value = getattr(meta, key, None)
            if value:
                metadata[key] = value

    source = (meta.sitename or meta.hostname) if meta is not None else None
    return RawArticle(
        path=path,
        text="\n\n".join(paragraphs),
        html=None,
        title=title or None,
        url=(meta.url if meta is not None and meta.url else None) or url,
        published=_iso_date(meta.date if meta is not None else None),
        source=source or None,
        language=_language(tree),
        metadata=metadata,
    )


# -- internals ---------------------------------------------------------------


_HEAVY_RE = re.compile(r"<(script|style|noscript|svg|template)\b|<!--")


def _strip_heavy_blocks(html: str) -> str:
    """Remove script/style/svg/noscript/template blocks and comments in one linear pass.

    JSON-LD scripts stay (they carry title, date and author).
    """
    low = html.lower()
    out: list[str] = []
    pos = 0
    while (match := _HEAVY_RE.search(low, pos)) is not None:
        start = match.start()
        if match.group(0) == "<!--":
            close = low.find("-->", match.end())
            end = len(html) if close < 0 else close + 3
        else:
            tag = match.group(1)
            close = low.find("</" + tag, match.end())
            gt = low.find(">", close) if close >= 0 else -1
            end = len(html) if gt < 0 else gt + 1
            opening = low[start : low.find(">", start) + 1 or len(low)]
            if tag == "script" and "ld+json" in opening:
                start = end  # keep the whole block
        out.append(html[pos:start])
        pos = end
    out.append(html[pos:])
    return "".join(out)


def _parse(html: str) -> HtmlElement | None:
    tree = load_html(html)
    if tree is None:
        # load_html rejects single-fragment input; wrap it so fragments still parse
        tree = load_html(f"<html><body><div>{html}</div></body></html>")
    return tree


def _parse_flattened(html: str, metadata: dict[str, Any]) -> tuple[HtmlElement | None, str]:
    """Parse a page that reached the parser's depth limit again, flattened (see
    :mod:`newsfuse.ingest.nesting`); say what was done in ``metadata``, and return a
    note for the error message should the page still give no text."""
    tree = None
    for limit in LIMITS:
        flat, dropped, deepest = flatten(html, limit)
        tree = _parse(flat)
        if tree is not None and not too_deep(tree):
            metadata["flattened"] = (f"markup nested {deepest} levels deep: {dropped} wrapper tags below "
                                     f"level {limit} dropped, their text kept (the parser stops at {PARSER_DEPTH})")
            return tree, ""
    note = f"markup nested deeper than the parser's {PARSER_DEPTH} levels even after flattening: text below is lost"
    add_warning(metadata, note)
    return tree, f" ({note})"


def _bare(tree: HtmlElement, url: str | None, **kwargs: Any) -> Any:
    """trafilatura.bare_extraction on (a copy of) the parsed tree; None on failure."""
    try:
        return trafilatura.bare_extraction(
            tree,
            url=url,
            date_extraction_params=dict(DATE_PARAMS),
            **COMMON_OPTIONS,
            **kwargs,
        )
    except Exception:  # trafilatura bugs on odd markup must not stop a run
        return None


def _metadata_only(tree: HtmlElement, url: str | None) -> Any:
    try:
        return trafilatura.extract_metadata(tree, default_url=url, date_config=dict(DATE_PARAMS))
    except Exception:
        return None


def _paragraphs(body: etree._Element | None) -> list[str]:
    """One string per top-level block of trafilatura's output tree."""
    if body is None:
        return []
    out: list[str] = []
    for block in body:
        text = xmltotxt(block, False)
        if block.tag == "list":
            text = "\n".join(line[2:] if line.startswith("- ") else line for line in text.splitlines())
        elif block.tag == "table":
            text = "\n".join(line.strip().strip("|").strip() for line in text.splitlines())
        lines = [_SPACE_RE.sub(" ", line).strip() for line in text.splitlines()]
        text = "\n".join(line for line in lines if line)
        if text:
            out.append(text)
    return _dedup(out) if DEDUP_PARAGRAPHS else out


def _baseline(tree: HtmlElement) -> list[str]:
    try:
        body, text, _ = trafilatura.baseline(tree)
    except Exception:
        return []
    paragraphs = [_SPACE_RE.sub(" ", "".join(el.itertext())).strip() for el in body]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs and text and text.strip():
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    return paragraphs


def _n_words(paragraphs: list[str]) -> int:
    return sum(len(_WORD_RE.findall(p)) for p in paragraphs)


def _key(s: str | None) -> str:
    """Lower-cased words only, for comparing titles and lines."""
    return " ".join(_WORD_RE.findall(s.lower())) if s else ""


def _clean(s: str | None) -> str:
    return _SPACE_RE.sub(" ", s).strip() if s else ""


def _strip_site_suffix(title: str, sitename: str | None) -> str:
    """'Headline | Site' -> 'Headline' when the last segment names the site."""
    site = _key(sitename)
    if not site:
        return title
    for sep in _TITLE_SEPARATORS:
        if sep in title:
            head, _, tail = title.rpartition(sep)
            tail_key = _key(tail)
            if head.strip() and tail_key and (tail_key in site or site in tail_key):
                return head.strip()
    return title


def _choose_title(tree: HtmlElement, meta_title: str | None, sitename: str | None) -> str | None:
    """The visible headline (<h1>) when it agrees with the metadata title, else a fallback."""
    meta_title = _clean(meta_title)
    meta_key, site_key = _key(meta_title), _key(sitename)
    candidates = []
    for h1 in tree.iter("h1"):
        text = _clean(" ".join(h1.itertext()))
        key = _key(text)
        if not key or len(text) > 300:
            continue
        if site_key and f" {key} " in f" {site_key} ":  # the site's logo, not a headline
            continue
        candidates.append((text, key))
    for text, key in candidates:
        if key == meta_key or (len(key) >= 10 and key in meta_key) or (len(meta_key) >= 10 and meta_key in key):
            return text
    if candidates:
        return candidates[0][0]
    if meta_title:
        return _strip_site_suffix(meta_title, sitename)
    return None


def _drop_headline(paragraphs: list[str], titles: list[str | None]) -> list[str]:
    """Drop one of the first three paragraphs when it only repeats the headline."""
    keys = {_key(t) for t in titles if t and _key(t)}
    if not keys:
        return paragraphs
    for i, para in enumerate(paragraphs[:3]):
        if _key(para) in keys:
            return paragraphs[:i] + paragraphs[i + 1 :]
    return paragraphs


def _dedup(paragraphs: list[str]) -> list[str]:
    """Drop a paragraph that repeats an earlier one word for word (duplicated page blocks)."""
    seen: set[str] = set()
    out = []
    for para in paragraphs:
        key = _key(para)
        if key and key in seen:
            continue
        seen.add(key)
        out.append(para)
    return out


def _iso_date(value: str | None) -> str | None:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    return None


def _language(tree: HtmlElement) -> str | None:
    candidates = [tree.get("lang"), tree.get("xml:lang")]
    for meta in tree.iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "content-language":
            candidates.append(meta.get("content"))
    for value in candidates:
        if value:
            match = _LANG_RE.match(value.strip().split(",")[0].strip())
            if match:
                return match.group(1).lower()
    return None
