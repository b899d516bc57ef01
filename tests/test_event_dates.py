"""The incident's day from one report and from an event's reports (fictional reports)."""

from __future__ import annotations

from datetime import date

from newsfuse.analysis.dates import resolve_dates
from newsfuse.analysis.sentences import split_sentences
from newsfuse.analysis.undated import infer_report_date
from newsfuse.event_dates import event_date, report_incident_day
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


def test_event_day_is_the_day_most_reports_give_from_their_text():
    reports = [
        _article("A courier was shot early Sunday on Pine Street.", "2022-09-11"),
        _article("A courier shot on Sunday has died.", "2022-09-12"),
        _article("The courier was hurt on Pine Street.", "2022-09-12"),  # no day in its words
        _article("A man was charged Friday in the Sept. 11 shooting of a courier.", "2022-09-24"),
    ]
    got = event_date(reports)
    assert (got.start, got.end, got.precision, got.basis) == ("2022-09-11", "2022-09-11", "day", "text")


def test_publication_dates_only_vote_when_no_text_dates_the_incident():
    reports = [_article("A courier was hurt on Pine Street.", "2022-09-12"),
               _article("The courier hurt on Pine Street is recovering.", "2022-09-12")]
    got = event_date(reports)
    assert (got.start, got.precision, got.basis) == ("2022-09-12", "day", "publication")


def test_no_date_anywhere_is_unknown():
    got = event_date([_article("A courier was hurt on Pine Street.", None)])
    assert (got.start, got.precision, got.basis) == (None, "unknown", "unknown")


def test_reports_whose_lead_tells_the_incident_outvote_passing_mentions():
    reports = [
        _article("A courier was shot early Sunday on Pine Street.", "2022-09-12"),
        _article("Neighbours met Tuesday on Pine Street. The mayor spoke.", "2022-09-13"),
        _article("Crews cleaned Pine Street Tuesday. Traffic resumed.", "2022-09-13"),
    ]
    assert [report_incident_day(r).rank for r in reports] == [0, 3, 3]
    got = event_date(reports)
    assert (got.start, got.end) == ("2022-09-11", "2022-09-11")
