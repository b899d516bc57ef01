"""Dating undated reports from their own words (fictional sentences)."""

from newsfuse.analysis.sentences import split_sentences
from newsfuse.analysis.undated import infer_report_date
from newsfuse.models import Article


def _article(text: str, published=None) -> Article:
    a = Article(id="x", path="x.txt", source="s", title="t", text=text, published=published)
    a.sentences = split_sentences(text)
    return a


def test_publication_date_wins():
    assert infer_report_date(_article("Nothing dated here.", "2024-05-14")).value == "2024-05-14"


def test_weekday_with_day_and_month_fits_one_year():
    text = "The dam failed on Friday (March 8th), officials said. The last flood was in 2020."
    got = infer_report_date(_article(text))
    assert (got.value, got.precision) == ("2024-03-08", "day")
    assert "Friday" in got.evidence


def test_weekday_that_fits_several_years_stays_unknown():
    text = "The dam failed on Friday, March 8, officials said. The last flood was in 1990."
    assert infer_report_date(_article(text)).precision == "unknown"  # 1991, 1996, 2002 all fit


def test_split_weekday_and_day_month():
    text = ("Rebels attacked the garrison on Friday, the army said. "
            "The governor mourned the soldiers who died on March 8. The previous raid was in 2020.")
    got = infer_report_date(_article(text))
    assert (got.value, got.precision) == ("2024-03-08", "day")


def test_relative_year_beside_explicit_year_of_same_war():
    text = ("The clashes were the worst since the neighbours went to war three years ago. "
            "The 2018 war between the neighbours killed hundreds of people.")
    got = infer_report_date(_article(text))
    assert (got.value, got.precision) == ("2021-01-01", "year")


def test_relative_year_with_nothing_to_anchor_it_is_unknown():
    text = "In last year's war, the army retook the valley. The region was seized by rebels in 1991 after independence."
    assert infer_report_date(_article(text)).value is None


def test_a_dateline_stamp_dates_an_undated_report():
    from newsfuse.analysis.dates import resolve_dates

    text = "PORT ELLIS, Ore. (March 8, 2024) - The dam failed on Friday, officials said."
    a = _article(text)
    a.dates = resolve_dates(text, [], None)
    got = infer_report_date(a)
    assert (got.value, got.precision) == ("2024-03-08", "day")


def test_weekdays_named_equally_often_go_to_the_first_named_every_run():
    # Friday 8 March fits 2024 alone; Monday 8 March fits 2021 and 2027: the first-named Friday
    # must win on every run, not by the order of a set of strings.
    text = ("Rebels attacked the garrison on Friday, the army said. Crews came on Monday. "
            "The governor mourned the soldiers who died on March 8. The previous raid was in 2020.")
    for _ in range(3):
        got = infer_report_date(_article(text))
        assert (got.value, got.precision) == ("2024-03-08", "day")
