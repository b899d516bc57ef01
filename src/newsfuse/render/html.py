"""A standalone HTML report of events (``newsfuse export --format html``).

One file, no scripts, no external requests: it can be mailed or archived. Every
string from an article goes through Jinja2's autoescaping, so a report built
from hostile pages renders their markup as text. Citations are footnote
numbers that link to the article list at the end of each event, and from
there to the original URL when one is known.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from .phrases import casualty_phrase

_env = Environment(loader=PackageLoader("newsfuse", "render/templates"),
                   autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)


def safe_url(url: str | None) -> str | None:
    """Only http(s) addresses become links; a ``javascript:`` URL from a page stays text."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _view(r: dict[str, Any]) -> dict[str, Any]:
    refs = {a["id"]: n for n, a in enumerate(r["articles"], start=1)}
    claims = {c["id"]: c for c in r["claims"]}
    return {
        "record": r,
        "refs": refs,
        "rows": [casualty_phrase(c, claims, refs) for c in r["casualties"]],
        "articles": [dict(a, n=refs[a["id"]], link=safe_url(a.get("url"))) for a in r["articles"]],
    }


def to_html(records: list[dict[str, Any]], title: str = "newsfuse events") -> str:
    return _env.get_template("report.html.j2").render(title=title, events=[_view(r) for r in records])
