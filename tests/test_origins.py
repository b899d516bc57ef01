"""Copies and rewrites are marked derived_from their original; independent reports are not."""

from newsfuse.analysis import analyse_articles
from newsfuse.models import Article
from newsfuse.origins import find_origins, independent_sources

ORIGINAL = (
    "Floods swept through the Riverton valley on Monday, killing 12 people, the regional governor said.\n"
    "Rescue boats reached the villages of Millbrook and Ashford by the afternoon, officials said.\n"
    "About 3,000 residents left their homes as the river rose two metres overnight.\n"
    "The governor asked the national government for emergency funds on Tuesday morning.\n"
    "Schools in the valley will stay closed until Friday, the education office said."
)
REWRITE = (
    "Deadly floods tore across the Riverton valley on Monday, leaving 12 people dead, said the regional governor.\n"
    "Rescue boats got to the villages of Millbrook and Ashford in the afternoon, according to officials.\n"
    "Some 3,000 residents fled their homes as the river climbed two metres during the night.\n"
    "The governor requested emergency funds from the national government on Tuesday morning.\n"
    "Valley schools are to remain shut until Friday, according to the education office."
)
INDEPENDENT = (
    "In Ashford, the baker Tomas Wren spent the night on his roof waiting for help.\n"
    "Volunteers from the football club carried sandbags to the church, which became a shelter.\n"
    "The river last broke its banks in 1998, older residents recalled, but never this fast.\n"
    "Insurers said claims could take months, and farmers fear the loss of the spring harvest."
)


def _article(aid, text, published):
    a = Article(id=aid, path=aid, source=aid, title="Floods", text=text, published=published)
    analyse_articles([a])
    return a


def test_rewrite_is_derived_from_the_earlier_report():
    original = _article("orig", ORIGINAL, "2024-04-08")
    rewrite = _article("farm", REWRITE, "2024-04-09")
    independent = _article("indy", INDEPENDENT, "2024-04-09")
    origins = find_origins([rewrite, independent, original])
    assert origins == {"farm": "orig"}


def test_verbatim_copy_is_derived():
    original = _article("orig", ORIGINAL, "2024-04-08")
    copy = _article("copy", ORIGINAL + "\nShared from the wire.", "2024-04-08")
    assert find_origins([original, copy]) == {"copy": "orig"}


def test_independent_sources_counts_origins():
    a = _article("a", ORIGINAL, None)
    b = _article("b", REWRITE, None)
    b.derived_from = "a"
    assert independent_sources([a, b]) == 1
