"""The labelled facts at the top of an article page: outlet, date, address, language,
length, and what the reader noted while reading the file.

Metadata keys are the readers' internal names (``source_from_path``, ``extractor``…);
a reader of the page gets labels instead, and never the local path the article was
read from (it can name the user's folders): the file's name at most."""

from __future__ import annotations

import re
from typing import Any

from ..analysis import coverage
from ..models import Article
from ..render.html import safe_url

LANGUAGES = {"ar": "Arabic", "az": "Azerbaijani", "de": "German", "en": "English", "es": "Spanish",
             "fa": "Persian", "fr": "French", "hy": "Armenian", "it": "Italian", "ka": "Georgian",
             "kk": "Kazakh", "ky": "Kyrgyz", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese",
             "ru": "Russian", "tg": "Tajik", "tr": "Turkish", "uk": "Ukrainian", "uz": "Uzbek", "zh": "Chinese"}
FORMATS = {"html": "web page (HTML)", "text": "plain text"}
LABELS = {"author": "Author", "hostname": "Site", "description": "Description", "published_raw": "Date as given",
          "warning": "Reading note", "truncated": "Reading note", "flattened": "Reading note"}
HIDDEN = {"source_from_path", "extractor", "format", "input"}  # said by other fields, or internal


def language_name(code: str | None) -> str:
    if not code:
        return "unknown"
    name = LANGUAGES.get(code.lower().split("-")[0])
    return f"{name} ({code})" if name else code


def file_name(path: str) -> str:
    """The last part of a path (either slash), never the folders above it."""
    return re.split(r"[\\/]", path.rstrip("\\/"))[-1] if path else ""


def label_for(key: str) -> str:
    """A metadata key as a label: a known one by name, another (a JSON Lines field) in words."""
    return LABELS.get(key) or key.replace("_", " ").strip().capitalize()


def translation_rows(article: Article) -> list[dict[str, Any]]:
    """``[{start, original, text}]``: each original sentence beside its machine translation."""
    t = article.translation
    if t is None or not t.ok:
        return []
    return [{"start": s.start, "original": article.text[s.start:s.end], "text": s.text} for s in t.sentences]


def article_fields(article: Article) -> list[dict[str, Any]]:
    """``[{label, text, href?, note?}]`` in reading order; ``href`` only for http(s) addresses."""
    meta = article.metadata or {}
    outlet = {"label": "Outlet", "text": article.source or "unknown"}
    if meta.get("source_from_path"):
        outlet["note"] = "named after the file: the report names no outlet"
    fields: list[dict[str, Any]] = [outlet, {"label": "Published", "text": article.published or "undated"}]
    if meta.get("author"):
        fields.append({"label": "Author", "text": str(meta["author"])})
    link = safe_url(article.url)
    if link:
        fields.append({"label": "URL", "text": link, "href": link})
    elif article.url:
        fields.append({"label": "URL", "text": article.url, "note": "not a web address; not linked"})
    fields.append({"label": "Language", "text": language_name(article.language)})
    analysis = coverage(article)
    t = article.translation
    if analysis.startswith("translated") and t is not None:
        fields.append({"label": "Analysis", "text": analysis,
                       "note": f"facts read in a machine translation (model {t.model}), each cited to the whole "
                               "original sentence it was read in"})
    elif analysis != "full":
        why = f"; machine translation failed: {t.error}" if t is not None and t.error else ""
        fields.append({"label": "Analysis", "text": analysis,
                       "note": f"this language is read only in part: some facts are missing, none guessed{why}"})
    fields.append({"label": "Words", "text": f"{len(article.text.split()):,}"})
    kind = "JSON Lines record" if meta.get("input") == "jsonl" else FORMATS.get(str(meta.get("format")))
    name = file_name(article.path)
    if kind or name:
        fields.append({"label": "Read from", "text": " · ".join(x for x in (kind, name) if x)})
    for key, value in sorted(meta.items()):
        if key in HIDDEN or key == "author" or not isinstance(value, (str, int, float)) or isinstance(value, bool):
            continue
        fields.append({"label": label_for(key), "text": str(value)})
    return fields
