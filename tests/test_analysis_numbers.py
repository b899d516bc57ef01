"""find_numbers / parse_number_words over hand-written news-style sentences."""

from __future__ import annotations

import pytest

from newsfuse.analysis.numbers import find_numbers, parse_number_words


def _found(text):
    mentions = find_numbers(text)
    for m in mentions:
        assert text[m.start:m.end] == m.text
    return mentions


def _one(text):
    mentions = _found(text)
    assert len(mentions) == 1, [m.text for m in mentions]
    m = mentions[0]
    return m.text, m.value, m.qualifier, m.low, m.high


@pytest.mark.parametrize("text, expected", [
    ("At least 49 people died in the raid.", ("At least 49", 49, "at_least", 49, None)),
    ("No fewer than 5 boats sank.", ("No fewer than 5", 5, "at_least", 5, None)),
    ("Officials counted a minimum of 6 craters.", ("a minimum of 6", 6, "at_least", 6, None)),
    ("Nearly fifty homes burned.", ("Nearly fifty", 50, "about", None, 50)),
    ("Almost 200 families left.", ("Almost 200", 200, "about", None, 200)),
    ("About 20 trucks crossed.", ("About 20", 20, "about", None, None)),
    ("Around 30 guards were posted.", ("Around 30", 30, "about", None, None)),
    ("Roughly 40 shops closed.", ("Roughly 40", 40, "about", None, None)),
    ("Approximately 50 tents stood.", ("Approximately 50", 50, "about", None, None)),
    ("Some 50 villagers gathered.", ("Some 50", 50, "about", None, None)),
    ("They found close to 60 shells.", ("close to 60", 60, "about", None, 60)),
    ("An estimated 70 people fled.", ("An estimated 70", 70, "about", None, None)),
    ("Up to 300 residents fled.", ("Up to 300", 300, "at_most", None, 300)),
    ("As many as 49 may have died.", ("As many as 49", 49, "at_most", None, 49)),
    ("At most 7 buses ran.", ("At most 7", 7, "at_most", None, 7)),
    ("More than 100 rockets were fired.", ("More than 100", 100, "more_than", 100, None)),
    ("Over 2,000 troops arrived.", ("Over 2,000", 2000, "more_than", 2000, None)),
    ("Upwards of 300 prisoners escaped.", ("Upwards of 300", 300, "more_than", 300, None)),
    ("Fewer than 10 doctors remain.", ("Fewer than 10", 10, "fewer_than", None, 10)),
    ("Less than 20 wells work.", ("Less than 20", 20, "fewer_than", None, 20)),
    ("Under 30 buildings survived.", ("Under 30", 30, "fewer_than", None, 30)),
    ("Between 10 and 15 houses burned.", ("Between 10 and 15", 10, "range", 10, 15)),
    ("Between ten and fifteen houses burned.", ("Between ten and fifteen", 10, "range", 10, 15)),
    ("The raid left 10-15 wounded.", ("10-15", 10, "range", 10, 15)),
    ("Police made 10 to 15 arrests.", ("10 to 15", 10, "range", 10, 15)),
    ("Two or three cars burned.", ("Two or three", 2, "range", 2, 3)),
    ("Crowds grew from 10 to 15 thousand.", ("from 10 to 15 thousand", 10, "range", 10, 15000)),
    ("It took 2,000-3,000 sandbags.", ("2,000-3,000", 2000, "range", 2000, 3000)),
    ("They seized 50 or more rifles.", ("50 or more", 50, "at_least", 50, None)),
    ("They seized 50 or so rifles.", ("50 or so", 50, "about", None, None)),
    ("They seized 50-odd rifles.", ("50-odd", 50, "about", None, None)),
    ("They seized 50+ rifles.", ("50+", 50, "at_least", 50, None)),
    ("More than a dozen drones were downed.", ("More than a dozen", 12, "more_than", 12, None)),
    ("Some 6,500 troops moved.", ("Some 6,500", 6500, "about", None, None)),
    ("Some 6 500 troops moved.", ("Some 6 500", 6500, "about", None, None)),
    ("The post had 1.2k shares.", ("1.2k", 1200, "exact", 1200, 1200)),
    ("The clip drew 3 million views.", ("3 million", 3e6, "exact", 3e6, 3e6)),
    ("Aid reached 1.5 billion people.", ("1.5 billion", 1.5e9, "exact", 1.5e9, 1.5e9)),
    ("Forty-nine bodies were recovered.", ("Forty-nine", 49, "exact", 49, 49)),
    ("They dug twenty one graves.", ("twenty one", 21, "exact", 21, 21)),
    ("A hundred rockets fell.", ("A hundred", 100, "exact", 100, 100)),
    ("A dozen drones flew over.", ("A dozen", 12, "exact", 12, 12)),
    ("Half a dozen tanks rolled in.", ("Half a dozen", 6, "exact", 6, 6)),
    ("One hundred and five people were rescued.", ("One hundred and five", 105, "exact", 105, 105)),
    ("Two soldiers were wounded.", ("Two", 2, "exact", 2, 2)),
    ("One of its soldiers was killed.", ("One", 1, "exact", 1, 1)),
    ("One of the victims was a nurse.", ("One", 1, "exact", 1, 1)),
    ("The blast killed one and wounded none.", ("one", 1, "exact", 1, 1)),
])
def test_hedged_and_exact(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Dozens of civilians were hurt.", ("Dozens of", 24)),
    ("Scores of protesters marched.", ("Scores of", 40)),
    ("Hundreds were displaced.", ("Hundreds", 200)),
    ("Thousands of people fled.", ("Thousands of", 2000)),
    ("Tens of thousands fled.", ("Tens of thousands", 20000)),
    ("Hundreds of thousands of people fled.", ("Hundreds of thousands of", 200000)),
    ("Several were hurt.", ("Several", 3)),
    ("A few escaped.", ("A few", 2)),
    ("Many fled north.", ("Many", 3)),
    ("Some residents stayed.", ("Some", 2)),
    ("A couple of shells hit the school.", ("A couple of", 2)),
    ("A handful of guards remained.", ("A handful of", 2)),
    ("Several hundred remained.", ("Several hundred", 300)),
    ("A few thousand gathered.", ("A few thousand", 2000)),
    ("Several dozen cars burned.", ("Several dozen", 36)),
    ("At least dozens of people were hurt.", ("At least dozens of", 24)),
])
def test_vague(text, expected):
    got = _one(text)
    assert (got[0], got[3]) == expected
    assert got[1] is None and got[2] == "vague" and got[4] is None


@pytest.mark.parametrize("text", [
    "In 2020 the war began.",
    "The 2020 war changed everything.",
    "The group has fought since 1994.",
    "He said 2000 was a bad year.",
    "The curfew starts at 00:05 and ends at 22:05.",
    "The strike came at 5pm, not at 10.30 a.m.",
    "The raid on 13/9 was the worst.",
    "The raid on September 13 was the worst.",
    "The raid on 13 September 2022 was the worst.",
    "It was the 13th raid.",
    "The first and second waves hit, then a 3rd.",
    "Prices rose 5% and then 10 percent.",
    "Donors pledged $3 million and £5m.",
    "Call +44 20 7946 0958 for details.",
    "Call 020 7946 0958 for details.",
    "COVID-19 spread while F-16 jets and MH17 made news.",
    "It began in the 1990s.",
    "UN Resolution 2334 and Flight 752 were cited.",
    "No one knew.",
    "They blamed one another.",
    "One day he left.",
    "It is one of the most dangerous places.",
    "The one who left came back.",
    "Some say the town is safe.",
    "How many died is unclear.",
    "They won the Formula One race.",
    "It was a one-sided fight.",
])
def test_not_numbers(text):
    assert _found(text) == []


def test_year_hedged_or_counted_is_a_number():
    assert [m.text for m in _found("More than 2000 people protested in 2019.")] == ["More than 2000"]
    assert [m.text for m in _found("2000 soldiers marched.")] == ["2000"]


def test_mixed_paragraph_offsets_and_order():
    text = ("On Tuesday, at least 12 villagers were killed and dozens of others wounded, "
            "officials said; a 12-year-old was among the dead.\n"
            "The fighting, which began in 2019, has displaced more than 1,000 families "
            "(some 6,500 people), and two of the five clinics closed.")
    got = [(m.text, m.qualifier) for m in _found(text)]
    assert got == [("at least 12", "at_least"), ("dozens of", "vague"),  # "a 12-year-old" is an age
                   ("more than 1,000", "more_than"), ("some 6,500", "about"),
                   ("two", "exact"), ("five", "exact")]
    starts = [m.start for m in find_numbers(text)]
    assert starts == sorted(starts)


@pytest.mark.parametrize("phrase, value", [
    ("forty-nine", 49), ("twenty one", 21), ("a hundred", 100), ("a dozen", 12),
    ("half a dozen", 6), ("one hundred and five", 105), ("two and a half million", 2.5e6),
    ("two thousand five hundred", 2500), ("fifteen hundred", 1500),
    ("one hundred thousand", 1e5), ("6,500", 6500), ("6 500", 6500), ("1.2k", 1200),
    ("3 million", 3e6), ("2 dozen", 24), ("zero", 0), ("Seven", 7),
])
def test_parse_number_words(phrase, value):
    assert parse_number_words(phrase) == value


@pytest.mark.parametrize("phrase", ["five one", "twenty thirty", "a", "and", "hundred", "", "soldiers"])
def test_parse_number_words_rejects(phrase):
    assert parse_number_words(phrase) is None


def test_only_floor_hedges_join_a_vague_word():
    assert [(m.text, m.qualifier) for m in _found("Shelling went on over several days.")] == [
        ("several", "vague")]


@pytest.mark.parametrize("digits", ["9" * 309, "1" * 400, "7" * 5000])
def test_a_number_too_long_to_be_a_quantity_is_not_one(digits):
    """float() of 309+ digits is infinity, which broke JSON and SQLite downstream: such a run
    of digits is a code or an id, never a quantity (nor is anything above MAX_QUANTITY)."""
    text = f"Officials said {digits} people were killed, and 12 were hurt."
    assert [m.text for m in _found(text)] == ["12"]
    assert parse_number_words(digits) is None
    assert parse_number_words("1" * 300 + " thousand") is None


def test_quantities_stay_finite_and_below_the_cap():
    from newsfuse.analysis.numbers import MAX_QUANTITY

    text = ("Between 5 and " + "9" * 30 + " trucks; about 999 trillion litres; up to 1,000,000,000,000,000,000 "
            "grains; 2 billion people; 4" + "0" * 15 + " ants.")
    found = _found(text)
    assert [m.text for m in found] == ["5", "about 999 trillion", "2 billion"]
    for m in found:
        assert all(v is None or v <= MAX_QUANTITY for v in (m.value, m.low, m.high))


@pytest.mark.parametrize("text", [
    "A 12-year-old boy was killed", "a 35-year-old man was arrested", "two 17-year-olds were shot",
    "the 3-month-old baby", "Ana Ruiz, 41, of Lorca was hurt", "a man, 23, was shot", "aged 35",
])
def test_ages_are_not_counts(text):
    assert [m.value for m in find_numbers(text) if m.value not in (2.0,)] == []


def test_counts_beside_ages_and_commas_stay():
    assert [m.value for m in find_numbers("killed 3, 4 and 5 people")] == [3.0, 4.0, 5.0]
    assert [m.value for m in find_numbers("The toll rose to 27, officials said")] == [27.0]
    assert [m.value for m in find_numbers("two 17-year-olds were shot")] == [2.0]


def test_call_letters_ordinal_streets_and_distances_are_not_counts():
    from newsfuse.analysis import analyse_articles
    from newsfuse.models import Article

    def counts(text):
        article = Article(id="n1", path="n1.txt", source="s", title="", text=text, published="2021-05-02")
        analyse_articles([article])
        return [(c.category, c.number) for c in article.claims]

    assert [n.text for n in find_numbers("Viewers told 8 WKVX that a man was shot.")] == []
    assert [n.text for n in find_numbers("Two men were shot outside 1450 W. 63rd on Sunday.")] == ["Two"]
    assert counts("The driver was shot about 300 feet from the gas station.") == []


@pytest.mark.parametrize("text", [
    "A neighbour told 9 Eyewitness that she heard shots.",  # a station after the number
    "The caller told News 4 the door was open.", "He spoke to FOX 12 on Tuesday.",  # ... and before it
    "She asked her son to dial 911 after the shot.", "A 911 caller reported gunfire.",  # the emergency number
    "A 6 yo boy was hit.", "a 19 y/o man was arrested",  # ages written short
    "A father of five was wounded.", "the mother of 3 who died",  # children a parent has
])
def test_stations_emergency_number_short_ages_and_children_are_not_counts(text):
    assert [m.text for m in find_numbers(text)] == []


def test_nine_hundred_eleven_people_still_count():
    assert [m.value for m in find_numbers("Floods left 911 people homeless in the valley.")] == [911.0]


def test_an_age_bound_is_not_a_count():
    assert [m.text for m in find_numbers("Witnesses said a child younger than 10 was among those hurt.")] == []
    assert [m.text for m in find_numbers("children under the age of 5 were inside")] == []


def test_an_age_closing_a_phrase_is_not_a_count():
    assert [m.text for m in find_numbers("Neighbours mourn Kell Road boy, 7.\nThe vigil is on Friday.")] == []
    assert [m.value for m in find_numbers("Police found a man, 3 women and a child inside.")] == [3.0]
