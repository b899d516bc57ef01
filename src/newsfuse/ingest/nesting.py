"""Markup nested deeper than the HTML parser will go, flattened so its text survives.

libxml2 (under lxml and trafilatura) stops building the tree at 256 levels of
elements and silently drops everything below: an article wrapped in 300 ``<div>``s
lost its paragraphs and was reported as having no text. lxml's ``huge_tree``
option would lift the limit, but with it every other safety limit of the parser
(text node size, entity expansion), and the tree walks after it (trafilatura,
``itertext``) recurse once per level: a hostile page could then cost unbounded
memory or overflow the stack. Instead, pages that reach the limit are rewritten
before a second parse: wrapper tags below :data:`LIMITS` levels are dropped,
their content kept. Pages within the limit are never touched.
"""

from __future__ import annotations

import re

from lxml import etree

#: The depth at which libxml2 stops (a tree this deep has most likely lost its bottom).
PARSER_DEPTH = 256
#: Depths to flatten to, tried in turn until the parsed tree fits (auto-closed elements
#: such as table rows still add levels the scan below does not count).
LIMITS = (200, 100, 50)

_VOID = frozenset("area base basefont bgsound br col command embed frame hr img input isindex keygen link "
                  "meta param source track wbr".split())
# Closed implicitly by their siblings or parents: never counted, never dropped.
_AUTO = frozenset("p li dt dd option optgroup tr td th tbody thead tfoot colgroup caption rb rt rp rtc "
                  "html head body".split())
_RAW = frozenset("script style textarea title xmp iframe noembed noframes plaintext".split())
_TAG = re.compile(r"<!--.*?(?:-->|\Z)|<(/?)([A-Za-z][^\s/>]*)(?:[^>\"']|\"[^\"]*\"|'[^']*'){0,2000}>", re.S)


def tree_depth(tree: etree._Element) -> int:
    """Levels of elements in ``tree`` (without recursion: the tree may be deep)."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def too_deep(tree: etree._Element | None) -> bool:
    return tree is not None and tree_depth(tree) >= PARSER_DEPTH


def flatten(html: str, limit: int) -> tuple[str, int, int]:
    """``html`` without the wrapper tags opened below ``limit`` levels (their closing tags
    too), and how many were dropped and how deep the page went, in one linear pass.

    Levels count the elements that nest (not void, not implicitly closed); a closing
    tag closes the last open element of its name and any left open inside it, as
    parsers do; script, style and the like are skipped whole.
    """
    low = html.lower()
    out: list[str] = []
    stack: list[tuple[str, bool]] = []
    where: dict[str, list[int]] = {}  # name -> its positions in the stack
    keep_from = pos = dropped = deepest = 0
    while (m := _TAG.search(html, pos)) is not None:
        pos = m.end()
        if m.group(2) is None:
            continue  # a comment
        name = m.group(2).lower()
        if name in _VOID or name in _AUTO:
            continue
        if m.group(1):  # a closing tag
            positions = where.get(name)
            if not positions:
                continue  # closes nothing: the parser ignores it
            i = positions[-1]
            for open_name, _ in stack[i:]:
                where[open_name].pop()
            was_dropped = stack[i][1]
            del stack[i:]
        elif name in _RAW:
            close = low.find(f"</{name}", pos)
            pos = len(html) if close < 0 else close
            continue
        else:
            was_dropped = len(stack) >= limit
            where.setdefault(name, []).append(len(stack))
            stack.append((name, was_dropped))
            deepest = max(deepest, len(stack))
            dropped += was_dropped
        if was_dropped:
            out.append(html[keep_from:m.start()])
            keep_from = m.end()
    out.append(html[keep_from:])
    return "".join(out), dropped, deepest
