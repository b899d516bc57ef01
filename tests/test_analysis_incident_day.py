"""The day one report puts its incident on (fictional reports)."""

from __future__ import annotations

from datetime import date

from newsfuse.analysis.dates import resolve_dates
from newsfuse.analysis.incident_day import report_incident_day
from newsfuse.analysis.sentences import split_sentences
from newsfuse.analysis.undated import infer_report_date
from newsfuse.models import Article

TUESDAY = "2022-09-13"


def _article(text: str, published: str | None = TUESDAY, title: str = "Courier hurt") -> Article:
    a = Article(id=text[:20], path="x.txt", source="s", title=title, text=text, published=published)
    a.sentences = split_sentences(text)
    a.dates = resolve_dates(text, [], published)
    a.report_date = infer_report_date(a)
    return a


def _day(text: str, published: str | None = TUESDAY) -> tuple[date | None, str]:
    got = report_incident_day(_article(text, published))
    return got.day, got.basis


def test_the_incident_sentence_beats_what_came_after():
    text = ("A man was arrested Monday in the shooting of a courier late Saturday. "
            "He appeared in court on Tuesday.")
    assert _day(text) == (date(2022, 9, 10), "text")


def test_attribution_after_the_date_does_not_make_it_aftermath():
    assert _day("A courier was shot Sunday night, police said.") == (date(2022, 9, 11), "text")


def test_a_report_stamp_is_not_the_incident():
    text = "Posted: Tuesday, September 13, 2022 6:31 PM\nA courier was shot Sunday near the depot."
    assert _day(text) == (date(2022, 9, 11), "text")


def test_a_follow_up_names_its_incident_day():
    text = "A teenager was charged Friday in the Aug. 29 shooting that killed a courier."
    assert _day(text, "2022-09-24") == (date(2022, 8, 29), "text")


def test_a_weekday_six_days_back_yields_to_a_clear_day():
    # Wednesday in a Tuesday report: last week's, or the day after a lagging stamp.
    text = "Two couriers were shot on Pine Street, one on Wednesday and one on Monday."
    assert _day(text) == (date(2022, 9, 12), "text")


def test_a_weekday_six_days_back_is_still_taken_alone():
    got = report_incident_day(_article("A courier was shot on Pine Street on Wednesday."))
    assert (got.day, got.basis) == (date(2022, 9, 7), "text") and "ambiguous" in got.evidence


def test_no_date_in_the_text_falls_back_to_publication():
    assert _day("A courier was shot on Pine Street.") == (date(2022, 9, 13), "publication")


def test_an_undated_report_without_a_date_in_its_words_is_unknown():
    assert _day("A courier was shot on Pine Street.", None) == (None, "unknown")


def test_an_incident_sentence_further_down_beats_a_plain_date_of_the_lead():
    text = ("Neighbours on Pine Street gathered Monday. The mayor spoke. The street was quiet. "
            "A courier was shot there late Saturday.")
    got = report_incident_day(_article(text))
    assert (got.day, got.rank) == (date(2022, 9, 10), 1)


def test_a_plain_date_of_the_lead_stands_when_no_sentence_tells_the_incident():
    got = report_incident_day(_article("Neighbours on Pine Street gathered Monday. The mayor spoke."))
    assert (got.day, got.basis, got.rank) == (date(2022, 9, 12), "text", 3)


def test_what_came_after_still_beats_the_publication_date():
    # a report that only dates the arrest: nearer the incident than its own date
    got = report_incident_day(_article("A suspect was arrested Sunday in Pine Street."))
    assert (got.day, got.basis, got.rank) == (date(2022, 9, 11), "text", 6)


def test_an_undated_report_falls_back_to_its_dateline_as_its_publication():
    text = "PORT ELLIS, Ore. (Sept. 14, 2022) - A courier was hurt on Pine Street."
    got = report_incident_day(_article(text, None))
    assert (got.day, got.basis) == (date(2022, 9, 14), "publication")


def test_a_court_date_named_by_weekday_is_not_last_week():
    # "Wednesday" in a Tuesday report's aftermath is tomorrow's hearing, not the incident
    text = "A suspect was charged in the killing of a courier. He is due in court Wednesday."
    got = report_incident_day(_article(text))
    assert (got.day, got.basis) == (date(2022, 9, 13), "publication")
