"""The line cleaner, on junk we wrote ourselves (fictional outlet and events)."""

from newsfuse.clean import clean_text, repeated_lines

ARTICLE = """Home › World › Asia
By Staff Reporter

Flooding swept through three villages in the valley on Sunday, officials said.
At least 12 people were missing after the river burst its banks overnight, the district chief told reporters.

Rescue teams arrive

Boats from the neighbouring province reached the area by noon, according to the civil defence office.
1.2k Shares
Facebook Twitter WhatsApp
Related:
Valley farmers count losses after dry spring
Dam inspection ordered for northern reservoir

The regional governor said relief funds would be released on Monday.
Subscribe to our newsletter
We use cookies to improve your experience. Accept
Leave a comment
About the author
Mira Osei covers the northern provinces for the Courier.
© 2024 The Valley Courier. All rights reserved.
Back to top
"""


def clean(text: str, **kw):
    cleaned, removed = clean_text(text, **kw)
    return cleaned, {r.line: r.reason for r in removed}


def test_every_sentence_and_heading_kept():
    cleaned, _ = clean(ARTICLE)
    for line in (
        "Flooding swept through three villages in the valley on Sunday, officials said.",
        "At least 12 people were missing after the river burst its banks overnight, the district chief told reporters.",
        "Rescue teams arrive",
        "Boats from the neighbouring province reached the area by noon, according to the civil defence office.",
        "The regional governor said relief funds would be released on Monday.",
    ):
        assert line in cleaned.split("\n")


def test_each_kind_of_junk_removed_with_reason():
    cleaned, removed = clean(ARTICLE)
    expected = {
        "Home › World › Asia": "navigation",
        "By Staff Reporter": "byline",
        "1.2k Shares": "share/vote counter",
        "Facebook Twitter WhatsApp": "share/vote counter",
        "Related:": "related-links list",
        "Valley farmers count losses after dry spring": "related-links list",
        "Dam inspection ordered for northern reservoir": "related-links list",
        "Subscribe to our newsletter": "subscription prompt",
        "We use cookies to improve your experience. Accept": "cookie/legal notice",
        "Leave a comment": "interface label",
        "About the author": "author box",
        "Mira Osei covers the northern provinces for the Courier.": "author box",
        "© 2024 The Valley Courier. All rights reserved.": "cookie/legal notice",
        "Back to top": "interface label",
    }
    assert removed == expected
    for line in expected:
        assert line not in cleaned


def test_read_also_glued_to_link_is_one_line():
    text = "The talks resumed in the capital on Friday, both delegations said.\nREAD ALSOHarvest festival draws record crowds\nThe next round is due in June, the mediator added."
    cleaned, removed = clean(text)
    assert list(removed) == ["READ ALSOHarvest festival draws record crowds"]
    assert "The next round is due in June, the mediator added." in cleaned


def test_footer_link_run_after_last_paragraph():
    text = (
        "Protesters marched through the old town on Saturday, police said.\n"
        "Organisers said the march would be repeated next week.\n\n"
        "Leave a Reply\n\n"
        "   Storm damages coastal road near the harbour\n"
        "   Council approves new budget for schools\n"
    )
    cleaned, removed = clean(text)
    assert removed["Storm damages coastal road near the harbour"] == "footer"
    assert cleaned.endswith("Organisers said the march would be repeated next week.")


def test_short_article_ending_in_plain_line_left_alone():
    text = "Two ferries collided off the northern cape on Monday, the coast guard said.\nNo injuries reported"
    cleaned, removed = clean(text)
    assert removed == {}
    assert cleaned.endswith("No injuries reported")


def test_from_html_skips_footer_rule():
    text = "The bridge reopened on Tuesday after repairs, the ministry said.\nAdvertisement\nNew lanes planned"
    cleaned, removed = clean(text, from_html=True)
    assert removed == {"Advertisement": "advertisement label"}
    assert "New lanes planned" in cleaned


def test_real_sentence_that_addresses_reader_in_quotes_is_kept():
    line = "\u201cYou cannot live here any more,\u201d the village elder told the visiting officials on Thursday."
    cleaned, removed = clean(line)
    assert cleaned == line and not removed


def test_repeated_template_lines_across_articles_of_one_outlet():
    a = "Valley Courier — independent news since 1998\nThe mayor resigned on Friday, the council said."
    b = "Valley Courier — independent news since 1998\nA new bridge opened on Monday, engineers said."
    repeated = repeated_lines([("Valley Courier", a), ("Valley Courier", b)])
    cleaned, removed = clean(a, repeated=repeated)
    assert removed == {"Valley Courier — independent news since 1998": "repeated across articles"}
    assert cleaned == "The mayor resigned on Friday, the council said."


def test_sentences_shared_by_syndicated_copies_are_not_template():
    sentence = "The mayor resigned on Friday, the council said."
    assert repeated_lines([("A", sentence), ("B", sentence), ("C", sentence)]) == set()


def test_empty_text():
    assert clean_text("") == ("", [])


def test_news_sentence_about_cookies_is_kept():
    line = "The bakery sold 4,000 cookies at the fair on Saturday, organisers said."
    assert clean(line) == (line, {})


def test_cookie_banner_removed():
    _, removed = clean("The ferry sank near the pier, the coast guard said.\nThis site uses cookies. Accept all")
    assert removed == {"This site uses cookies. Accept all": "cookie/legal notice"}
