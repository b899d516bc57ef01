"""read_html on small hand-written (fictional) pages."""

from __future__ import annotations

import time

import pytest

from newsfuse.ingest.html import MAX_HTML_CHARS, decode_html, read_html

BODY_1 = (
    "Heavy rain flooded the harbour district of Valemont on Tuesday night, "
    "forcing the evacuation of about 40 families from homes near the old quay."
)
BODY_2 = (
    "Harbour master Ilse Vandrin said at least 12 fishing boats had been damaged "
    "and three warehouses would stay closed while engineers inspected the sea wall."
)
BODY_3 = (
    "The town council said repairs to the sea wall would begin next week, once "
    "the water had receded from the lower streets and the quay was safe again."
)

PAGE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Storm floods Valemont harbour | The Coastline Gazette</title>
  <meta property="og:site_name" content="The Coastline Gazette">
  <meta property="og:title" content="Storm floods Valemont harbour">
  <meta property="article:published_time" content="2023-05-04T08:30:00+00:00">
  <meta name="author" content="Mira Tolland">
  <link rel="canonical" href="https://gazette.example.org/news/storm-floods-valemont-harbour">
</head>
<body>
  <div id="cookie-banner" class="cookie-consent">
    <p>We use cookies to improve your experience. Accept all cookies or manage your preferences.</p>
    <button>Accept</button>
  </div>
  <header><nav><ul>
    <li><a href="/">Home</a></li><li><a href="/news">News</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li>
  </ul></nav></header>
  <main>
    <article>
      <h1>Storm floods Valemont harbour</h1>
      <p class="byline">By Mira Tolland</p>
      <p>{BODY_1}</p>
      <p>{BODY_2}<br>Residents were asked to avoid the quay until further notice.</p>
      <p>{BODY_3}</p>
    </article>
    <aside class="related-articles">
      <h3>Related stories</h3>
      <ul>
        <li><a href="/news/a">Lighthouse keeper retires after forty years</a></li>
        <li><a href="/news/b">Ferry timetable changes for the summer season</a></li>
        <li><a href="/news/c">Fish market reopens after renovation works</a></li>
      </ul>
    </aside>
  </main>
  <footer>
    <p>Copyright 2021 The Coastline Gazette. All rights reserved.</p>
    <a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a>
  </footer>
</body>
</html>
"""


def undated_page() -> str:
    """The same page without any date markup (a copyright year must not become a date)."""
    return PAGE.replace('<meta property="article:published_time" content="2023-05-04T08:30:00+00:00">', "")


def test_body_kept_and_junk_removed() -> None:
    raw = read_html(PAGE.encode("utf-8"), "pages/storm.html")
    text = raw.text
    assert raw.path == "pages/storm.html"
    for sentence in (BODY_1, BODY_2, BODY_3):
        assert sentence in text
    for junk in ("cookies", "Home", "Lighthouse keeper", "Ferry timetable", "Privacy policy", "All rights reserved"):
        assert junk not in text, junk
    # paragraphs are separated by blank lines; a <br> stays a single line break
    paragraphs = text.split("\n\n")
    assert BODY_1 in paragraphs
    assert any(p.startswith(BODY_2 + "\nResidents were asked") for p in paragraphs)
    # the headline is in the title, not repeated as the first paragraph
    assert not text.startswith("Storm floods Valemont harbour")


def test_metadata_extracted() -> None:
    raw = read_html(PAGE, "pages/storm.html")
    assert raw.title == "Storm floods Valemont harbour"
    assert raw.published == "2023-05-04"
    assert raw.source == "The Coastline Gazette"
    assert raw.url == "https://gazette.example.org/news/storm-floods-valemont-harbour"
    assert raw.language == "en"
    assert raw.metadata["author"] == "Mira Tolland"


def test_no_date_is_none_not_invented() -> None:
    raw = read_html(undated_page(), "pages/undated.html", url="https://gazette.example.org/news/storm")
    assert raw.published is None
    assert BODY_1 in raw.text


def test_url_argument_is_the_fallback_url() -> None:
    page = undated_page().replace(
        '<link rel="canonical" href="https://gazette.example.org/news/storm-floods-valemont-harbour">', ""
    )
    raw = read_html(page, "x.html", url="https://gazette.example.org/2022/03/09/storm")
    assert raw.url == "https://gazette.example.org/2022/03/09/storm"
    assert raw.published == "2022-03-09"  # stated in the URL


def test_invalid_utf8_bytes_are_handled() -> None:
    data = PAGE.encode("utf-8").replace(b"about 40 families", b"about 40 fam\xffilies\xfe")
    raw = read_html(data, "broken.html")
    assert "forcing the evacuation" in raw.text
    assert raw.title == "Storm floods Valemont harbour"


def test_declared_legacy_charset_is_used() -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        "Ilse Vandrin", "Ilse Vandrìn"
    )
    raw = read_html(page.encode("cp1252"), "legacy.html")
    assert "Ilse Vandrìn" in raw.text


def test_decode_html() -> None:
    assert decode_html("already text") == "already text"
    assert decode_html("caf\u00e9".encode("utf-8")) == "caf\u00e9"
    assert decode_html(b"\xef\xbb\xbf<p>x</p>") == "<p>x</p>"
    assert isinstance(decode_html(b"\xff\xfe\xfa broken"), str)


@pytest.mark.parametrize("data", [b"", "", "   \n ", "<html><head></head><body></body></html>"])
def test_empty_page_raises_value_error(data: bytes | str) -> None:
    with pytest.raises(ValueError, match="empty HTML page|no article text"):
        read_html(data, "empty.html")


def test_page_without_text_raises_value_error() -> None:
    with pytest.raises(ValueError, match="no article text"):
        read_html(
            "<html><head><style>p {color: red}</style></head>"
            "<body><script>var a = 1;</script><img src='x.png'><div> </div></body></html>",
            "empty.html",
        )


def test_fragment_without_html_wrapper() -> None:
    raw = read_html(f"<p>{BODY_1}</p><p>{BODY_2}</p>", "fragment.html")
    assert BODY_1 in raw.text


def test_duplicated_block_kept_once() -> None:
    page = PAGE.replace(f"<p>{BODY_3}</p>", f"<p>{BODY_3}</p><p>{BODY_3}</p>")
    raw = read_html(page, "dup.html")
    assert raw.text.count(BODY_3) == 1


def test_huge_page_finishes_and_says_it_was_truncated() -> None:
    filler = "<div class='c'><p>Reader note {i} about the weather and the sea wall repairs near the quay.</p></div>"
    parts = [PAGE.split("</main>")[0], "<section>"]
    size = sum(map(len, parts))
    i = 0
    while size < 20 * 1024 * 1024:
        chunk = "".join(filler.format(i=i + k) for k in range(1000))
        parts.append(chunk)
        size += len(chunk)
        i += 1000
    parts.append("</section></main></body></html>")
    data = "".join(parts).encode("utf-8")
    assert len(data) >= 20 * 1024 * 1024
    start = time.process_time()
    raw = read_html(data, "huge.html")
    elapsed = time.process_time() - start
    assert elapsed < 120, f"20 MB page took {elapsed:.0f}s"
    assert "truncated" in raw.metadata
    assert str(MAX_HTML_CHARS) in raw.metadata["truncated"]
    assert raw.title == "Storm floods Valemont harbour"
    assert raw.text


def test_huge_page_of_scripts_is_slimmed_not_truncated() -> None:
    script = "<script>var blob = '" + "x" * (3 * MAX_HTML_CHARS) + "';</script>"
    page = PAGE.replace("</head>", script + "</head>")
    raw = read_html(page, "scripts.html")
    assert "truncated" not in raw.metadata
    assert BODY_3 in raw.text
    assert raw.published == "2023-05-04"


def test_logo_h1_is_not_the_title() -> None:
    page = PAGE.replace("<header>", "<header><h1>Coastline Gazette</h1>").replace(
        "<h1>Storm floods Valemont harbour</h1>", "<h2>Storm floods Valemont harbour</h2>"
    )
    raw = read_html(page, "logo.html")
    assert raw.title == "Storm floods Valemont harbour"


def _nested(depth: int, *, headline: bool = True, tag: str = "div") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in (BODY_1, BODY_2, BODY_3))
    h1 = "<h1>Storm floods Valemont harbour</h1>" if headline else ""
    return ("<!DOCTYPE html><html><head><title>Storm floods Valemont harbour</title></head><body><article>"
            f"{h1}{f'<{tag} class=wrap>' * depth}{paragraphs}{f'</{tag}>' * depth}</article></body></html>")


@pytest.mark.parametrize("depth", [300, 5000])
@pytest.mark.parametrize("headline", [True, False])
def test_paragraphs_nested_beyond_the_parsers_limit_are_kept(depth, headline):
    """lxml stops building the tree at 256 levels: the paragraphs below were lost (the article
    became its headline, or "no article text found"). Wrappers past the limit are dropped first."""
    raw = read_html(_nested(depth, headline=headline), "deep.html")
    assert [BODY_1, BODY_2, BODY_3] == [p for p in raw.text.split("\n\n") if p != "Storm floods Valemont harbour"]
    assert "nested" in raw.metadata["flattened"] and str(depth) not in raw.metadata.get("warning", "")


def test_deep_unclosed_and_mixed_wrappers_keep_their_text():
    opening = "".join(f"<{t}>" for t in ["div", "span", "section", "font", "b"] * 80)  # never closed
    page = ("<html><head><title>Storm floods Valemont harbour</title></head><body>"
            f"{opening}<p>{BODY_1}</p><p>{BODY_2}</p><p>{BODY_3}</p></body></html>")
    raw = read_html(page, "deep.html")
    assert BODY_1 in raw.text and BODY_3 in raw.text


def test_a_normal_page_is_not_flattened():
    raw = read_html(_nested(40), "shallow.html")
    assert "flattened" not in raw.metadata and BODY_2 in raw.text


def test_when_text_is_still_lost_the_error_says_why(monkeypatch):
    import newsfuse.ingest.html as html_module

    monkeypatch.setattr(html_module, "LIMITS", (1000,))  # flattening that cannot get under the limit
    with pytest.raises(ValueError, match="nested deeper than the parser's 256 levels"):
        read_html(_nested(5000, headline=False), "deep.html")
    raw = read_html(_nested(5000), "deep.html")
    assert "text below is lost" in raw.metadata["warning"]
