"""The event's date from its reports' incident days (fictional reports)."""

from __future__ import annotations

from newsfuse.analysis.incident_day import report_incident_day
from newsfuse.event_dates import event_date

from .test_analysis_incident_day import _article  # one way to make a dated fictional report


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


def test_a_sentence_telling_the_incident_outvotes_plain_days_when_no_lead_tells_it():
    reports = [
        _article("Neighbours met on Pine Street. The mayor spoke. Crews swept up. "
                 "A courier was shot there early Sunday.", "2022-09-13"),
        _article("The couple entered a plea Tuesday. The judge set a date.", "2022-09-13"),
        _article("Crews cleaned Pine Street Tuesday. Traffic resumed.", "2022-09-13"),
    ]
    assert [report_incident_day(r).rank for r in reports] == [1, 6, 3]
    got = event_date(reports)
    assert (got.start, got.end) == ("2022-09-11", "2022-09-11")
