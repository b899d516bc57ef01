"""resolve_dates / find_date_spans / infer_year_for_weekday on hand-written sentences."""

from __future__ import annotations

import pytest

from newsfuse.analysis.dates import find_date_spans, infer_year_for_weekday, resolve_dates

PUB = "2022-09-14"  # a Wednesday


def _dates(text, published=PUB, spans=()):
    out = resolve_dates(text, list(spans), published)
    for m in out:
        assert text[m.start:m.end] == m.text
    return [(m.text, m.value, m.precision) for m in out]


@pytest.mark.parametrize("text, expected", [
    ("Troops entered on 13 September 2022.", ("13 September 2022", "2022-09-13", "day")),
    ("Troops entered on Sept. 13, 2022.", ("Sept. 13, 2022", "2022-09-13", "day")),
    ("Troops entered on 2022-09-13.", ("2022-09-13", "2022-09-13", "day")),
    ("Troops entered on September 13.", ("September 13", "2022-09-13", "day")),
    ("Troops entered on the 13th of September.", ("13th of September", "2022-09-13", "day")),
    ("Troops entered on 13/9.", ("13/9", "2022-09-13", "day")),
    ("Troops entered on 13/09/2021.", ("13/09/2021", "2021-09-13", "day")),
    ("Troops entered on Tuesday, September 13.", ("Tuesday, September 13", "2022-09-13", "day")),
    ("The town was shelled on Tuesday.", ("Tuesday", "2022-09-13", "day")),
    ("The town was shelled on Wednesday.", ("Wednesday", "2022-09-14", "day")),
    ("The town was shelled on Thursday.", ("Thursday", "2022-09-08", "day")),
    ("The town was shelled last Wednesday.", ("last Wednesday", "2022-09-07", "day")),
    ("Talks resume next Monday.", ("next Monday", "2022-09-19", "day")),
    ("Shots rang out in the early hours of Tuesday.", ("the early hours of Tuesday", "2022-09-13", "day")),
    ("Shots rang out on Tuesday night.", ("Tuesday night", "2022-09-13", "day")),
    ("Drones struck overnight.", ("overnight", "2022-09-14", "day")),
    ("Drones struck last night.", ("last night", "2022-09-13", "day")),
    ("Drones struck yesterday.", ("yesterday", "2022-09-13", "day")),
    ("Drones struck three days ago.", ("three days ago", "2022-09-11", "day")),
    ("Drones struck last week.", ("last week", "2022-09-05", "unknown")),
    ("Drones struck at the weekend.", ("the weekend", "2022-09-10", "unknown")),
    ("Drones struck last month.", ("last month", "2022-08-01", "month")),
    ("Drones struck in August.", ("August", "2022-08-01", "month")),
    ("Drones struck in October.", ("October", "2021-10-01", "month")),
    ("Drones struck in September 2021.", ("September 2021", "2021-09-01", "month")),
    ("Drones struck last year.", ("last year", "2021-01-01", "year")),
    ("Drones struck earlier this year.", ("earlier this year", "2022-01-01", "year")),
    ("The war started in 2020.", ("2020", "2020-01-01", "year")),
    ("The rebels have fought since 1994.", ("1994", "1994-01-01", "year")),
    ("Output fell in mid-2021.", ("mid-2021", "2021-01-01", "year")),
])
def test_resolves_against_publication(text, expected):
    assert _dates(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Troops entered on 13 September 2022.", ("13 September 2022", "2022-09-13", "day")),
    ("Troops entered on 2022-09-13.", ("2022-09-13", "2022-09-13", "day")),
    ("The war started in 2020.", ("2020", "2020-01-01", "year")),
    ("Drones struck in September 2021.", ("September 2021", "2021-09-01", "month")),
    ("Troops entered on September 13.", ("September 13", None, "unknown")),
    ("Troops entered on 13/9.", ("13/9", None, "unknown")),
    ("The town was shelled on Tuesday.", ("Tuesday", None, "unknown")),
    ("Drones struck last week.", ("last week", None, "unknown")),
    ("Drones struck yesterday.", ("yesterday", None, "unknown")),
    ("Drones struck overnight.", ("overnight", None, "unknown")),
    ("Drones struck in August.", ("August", None, "unknown")),
    ("Drones struck last year.", ("last year", None, "unknown")),
])
def test_without_publication_date_never_uses_today(text, expected):
    assert _dates(text, published=None) == [expected]


@pytest.mark.parametrize("text", [
    "The siege lasted six weeks.",
    "A 40-minute gun battle followed.",
    "The feud has gone on for decades.",
    "He served two years in prison.",
    "A 12-year-old boy was hurt.",
    "The clinic is open 24/7.",
    "Only 1/3 of the wells work.",
    "Trade boomed in the 1990s.",
    "Residents may march again.",
])
def test_not_dates(text):
    assert _dates(text) == []


def test_ner_spans_durations_skipped_and_longer_span_wins():
    text = "The raid lasted about 40 minutes in the early hours of Tuesday, six weeks after the last one."
    spans = [(text.index("about 40 minutes"), text.index(" in the early")),
             (text.index("Tuesday"), text.index(", six")),
             (text.index("six weeks"), text.index(" after"))]
    assert _dates(text, spans=spans) == [("the early hours of Tuesday", "2022-09-13", "day")]


def test_ner_span_is_trimmed_and_narrative_dates_kept_unresolved():
    text = "Two soldiers died. The previous day, a convoy was hit at 22:05."
    spans = [(text.index("The previous"), text.index(", a convoy")),
             (text.index("22:05"), len(text))]
    assert _dates(text, spans=spans) == [("The previous day", None, "unknown")]


def test_published_may_be_a_datetime_string():
    assert _dates("It happened yesterday.", published="2022-09-14T08:30:00Z") == [
        ("yesterday", "2022-09-13", "day")]


def test_find_date_spans_merges_overlaps():
    text = "On Tuesday, 13 September 2022, and again last week, then in August."
    got = [text[s:e] for s, e in find_date_spans(text)]
    assert got == ["Tuesday, 13 September 2022", "last week", "August"]


def test_several_dates_in_order():
    text = ("Fighting erupted on Monday and, by Tuesday night, had spread; "
            "a similar flare-up in March 2021 lasted two weeks.")
    assert _dates(text) == [("Monday", "2022-09-12", "day"), ("Tuesday night", "2022-09-13", "day"),
                            ("March 2021", "2021-03-01", "month")]


def test_infer_year_for_weekday():
    # 13 September was a Tuesday (weekday 1) in 2016 and 2022 within 2015-2029.
    assert infer_year_for_weekday(13, 9, 1, range(2015, 2030)) == [2016, 2022]
    # 29 February only exists in leap years.
    assert infer_year_for_weekday(29, 2, 3, range(2000, 2030)) == [2024]


def test_month_name_needs_date_context():
    assert _dates("Johnson and May met the envoys.") == []
    assert _dates("Johnson met May to discuss it.") == []


@pytest.mark.parametrize("published, text", [
    ("9999-12-31", "The convoy is due tomorrow."), ("9999-12-31", "Talks resume next week."),
    ("9999-12-31", "Elections are next year."), ("9999-12-30", "The vote is next Tuesday."),
    ("0001-01-01", "The bridge fell yesterday."), ("0001-01-01", "Rain fell last week."),
    ("0001-01-03", "Prices rose last month."), ("0001-01-01", "The market opened on Sunday."),
])
def test_a_date_off_the_calendar_is_unknown_not_a_crash(published, text):
    """A relative date next to 0001-01-01 or 9999-12-31 has no representable value:
    it is kept with value None (it used to raise and lose every date of the article)."""
    found = _dates(text, published)
    assert len(found) == 1 and found[0][1:] == (None, "unknown")


def _roles(text, published=PUB):
    return [(m.text, m.role) for m in resolve_dates(text, [], published)]


@pytest.mark.parametrize("text, expected", [
    ("A courier was shot Tuesday outside a bakery.", [("Tuesday", "incident")]),
    ("A courier was shot Tuesday, police said.", [("Tuesday", "incident")]),
    ("The gunfire rang out at 10:40 p.m. Tuesday near the depot.", [("Tuesday", "incident")]),
    ("Police said Tuesday that the courier had died.", [("Tuesday", "aftermath")]),
    ("A driver was arrested Tuesday in connection with a stabbing that wounded two over the weekend.",
     [("Tuesday", "aftermath"), ("the weekend", "incident")]),
    ("The clerk was in stable condition Tuesday after being shot.", [("Tuesday", "aftermath")]),
    ("The council met on Tuesday to discuss parking.", [("Tuesday", "")]),
    ("The stabbing was reported at 10:30 p.m. Tuesday outside a bar.", [("Tuesday", "incident")]),
    ("Flash floods forced 80 families from their homes on Tuesday, officials said.", [("Tuesday", "incident")]),
    ("Hundreds of growers protested on Tuesday outside the ministry.", [("Tuesday", "incident")]),
])
def test_role_comes_from_the_nearest_word_of_what_happened(text, expected):
    assert _roles(text) == expected


@pytest.mark.parametrize("text, stamp", [
    ("Posted: Wednesday, September 14, 2022 6:31 PM EDT\nA courier was shot Tuesday.",
     "Wednesday, September 14, 2022"),
    ("PORT ELLIS, Ore. (Sept. 14, 2022)— A courier was shot Tuesday.", "Sept. 14, 2022"),
    ("Shots fired downtown — Jo Reporter (@joreports) September 14, 2022\nA courier was shot Tuesday.",
     "September 14, 2022"),
    ("A courier was shot Tuesday. (Published Wednesday, Sept. 14, 2022)", "Wednesday, Sept. 14, 2022"),
    ("No one in custody Sept. 14, 2022 1:28 PM\nA courier was shot Tuesday.", "Sept. 14, 2022"),
])
def test_a_report_stamp_is_its_own_time_not_the_incident(text, stamp):
    roles = dict(_roles(text))
    assert roles[stamp] == "stamp" and roles["Tuesday"] == "incident"


def test_a_stamp_span_holding_its_clock_time_is_a_stamp():
    text = "No one in custody Sept. 14, 2022 1:28 PM\nA courier was shot Tuesday."
    span = (text.index("Sept."), text.index("\n"))  # as an NER DATE/TIME span takes it
    got = {m.text: m.role for m in resolve_dates(text, [span], PUB)}
    assert got == {"Sept. 14, 2022 1:28 PM": "stamp", "Tuesday": "incident"}


def test_a_dated_incident_clause_is_not_a_stamp():
    assert _roles("The courier was shot on Sept. 13, 2022, outside the depot.") == [
        ("Sept. 13, 2022", "incident")]


def test_an_undated_report_is_anchored_to_its_own_dateline():
    text = "PORT ELLIS, Ore. (Sept. 14, 2022) - A courier was shot on Tuesday. He died yesterday."
    assert _dates(text, published=None) == [("Sept. 14, 2022", "2022-09-14", "day"),
                                             ("Tuesday", "2022-09-13", "day"), ("yesterday", "2022-09-13", "day")]


def test_a_publication_date_beats_the_dateline_and_a_year_less_dateline_anchors_nothing():
    text = "PORT ELLIS, Ore. (Sept. 14, 2022) - A courier was shot on Tuesday."
    assert _dates(text, published="2022-09-16")[1] == ("Tuesday", "2022-09-13", "day")
    assert _dates("PORT ELLIS, Ore. (Sept. 14) - A courier was shot on Tuesday.", published=None)[1] == (
        "Tuesday", None, "unknown")
