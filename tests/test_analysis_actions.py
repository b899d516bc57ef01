"""Each sentence's actions and their parties, as spans of the article (fictional reports)."""

from newsfuse.analysis.actions import find_actions, read_sentence, sentence_actions
from newsfuse.models import Article, Span


def _article(text, title=""):
    sentences, start = [], 0
    for part in text.split(". "):
        sentences.append(Span(start, start + len(part), part, "SENT"))
        start += len(part) + 2
    return Article(id="a1", path="p", source="s", title=title, text=text, sentences=sentences)


def _words(article, record, spans):
    source = article.title if record.field == "title" else article.text
    return [source[s.start:s.end] for s in spans]


def test_actions_are_spans_of_the_text_and_of_the_title():
    a = _article("The council met on Monday. Troops shelled the village of Dunmore overnight",
                 title="Village shelled overnight")
    records = find_actions(a)
    assert [(r.field, r.start) for r in records] == [("title", 0), ("text", 27)]  # the meeting names no action
    title, lead = records
    assert _words(a, title, title.actions) == ["shelled"]
    assert [m.action for m in lead.actions] == ["shelling"] and _words(a, lead, lead.actions) == ["shelled"]


def test_parties_of_a_counted_action():
    sentence = "Two police officers were ambushed by militants near the border post"
    record = read_sentence(sentence, 100)
    parties = [(p.label, p.kind, p.text) for p in record.parties]
    assert parties == [("agent", "rebels", "militants"), ("target", "police", "police officers")]
    assert all(sentence[p.start - 100:p.end - 100] == p.text for p in record.parties)


def test_who_takes_territory_and_a_mob():
    taken = read_sentence("Rebel fighters captured the hill town of Varno after two days of fighting")
    assert [(p.label, p.kind) for p in taken.parties if p.label == "captor"] == [("captor", "rebels")]
    assert read_sentence("A mob attacked the police station and set it on fire").mob


def test_an_action_that_does_not_count_gets_no_parties():
    record = read_sentence("The minister condemned the attack on the convoy")
    assert record.actions and all(m.factor == 0 for m in record.actions)
    assert record.parties == [] and not record.mob


def test_a_sentence_without_an_action_is_not_kept():
    assert read_sentence("The weather was mild and the market was busy") is None
    assert sentence_actions("The weather was mild and the market was busy") == []


def test_agents_keep_their_offsets_across_runs_of_spaces():
    sentence = "Two men were shot by a  masked   rebel fighter near the station"
    agent, = [p for p in read_sentence(sentence).parties if p.label == "agent"]
    assert (agent.kind, agent.text, sentence.index("rebel")) == ("rebels", "rebel", agent.start)
    sentence = "Witnesses said the  rebel   fighters shelled the market on Monday"
    agent, = read_sentence(sentence).parties
    assert (agent.label, agent.text, agent.start) == ("agent", "fighters", sentence.index("fighters"))
