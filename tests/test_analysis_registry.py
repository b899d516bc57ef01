"""The registry of analysis components: declared order checked when added, results written by
the runner, one failing article skipped, annotations computed for articles stored before them."""

import copy
import re

import pytest

import newsfuse.analysis as analysis
from newsfuse.analysis import COMPONENTS, PIPELINE, analyse_articles, annotation, fill_annotations
from newsfuse.analysis.registry import ComponentError, Registry, RegistryError
from newsfuse.event_type import classify
from newsfuse.models import Article


def _article(text="Police said a gunman opened fire on two men outside a bar on Quarry Lane on Friday.",
             title="Two men shot outside Quarry Lane bar"):
    return Article(id="a1", path="p", source="The Fictional Courier", title=title, text=text,
                   published="2031-03-07")


def _count_words(article):
    return len(article.text.split())


def test_a_requirement_no_earlier_component_assigns_is_an_error_when_added():
    registry = Registry()
    with pytest.raises(RegistryError, match="E103.*requires sentences"):
        registry.add("actions", lambda a: [], requires=["title", "sentences"], assigns=["actions"])
    registry.add("sentences", lambda a: [], requires=["text"], assigns=["sentences"])
    registry.add("actions", lambda a: [], requires=["title", "sentences"], assigns=["actions"])  # now in order


def test_names_fields_and_assignments_are_checked():
    registry = Registry()
    registry.add("sentences", lambda a: [], requires=["text"], assigns=["sentences"])
    with pytest.raises(RegistryError, match="E101"):
        registry.add("sentences", lambda a: [], assigns=["numbers"])
    with pytest.raises(RegistryError, match="E102.*no_such_field"):
        registry.add("odd", lambda a: [], assigns=["no_such_field"])
    with pytest.raises(RegistryError, match="E104.*sentences"):
        registry.add("splitter", lambda a: [], assigns=["sentences"])
    with pytest.raises(RegistryError, match="E104"):
        registry.add("retitle", lambda a: "x", assigns=["title"])  # given by the cleaner


def test_a_batched_component_cannot_wait_for_a_per_article_one():
    registry = Registry()  # batched components run first, over the whole batch
    registry.add("sentences", lambda a: [], requires=["text"], assigns=["sentences"])
    with pytest.raises(RegistryError, match="E105"):
        registry.add("entities", lambda a: [], requires=["sentences"], assigns=["entities"],
                     pipe=lambda articles: [[] for _ in articles])


def test_what_waits_for_a_field_is_known_from_the_declarations():
    registry = Registry()
    registry.add("entities", lambda a: [], requires=["text"], assigns=["entities"])
    registry.add("sentences", lambda a: [], requires=["text"], assigns=["sentences"])
    registry.add("dates", lambda a: [], requires=["entities"], assigns=["dates"])
    registry.add("numbers", lambda a: [], requires=["sentences"], assigns=["numbers"])
    registry.add("claims", lambda a: [], requires=["numbers", "dates"], assigns=["claims"])  # through dates
    assert [c.name for c in registry.needing("entities")] == ["dates", "claims"]
    assert [c.name for c in PIPELINE.needing("entities")] == ["dates", "places", "claims", "actor_mentions"]


def test_the_runner_writes_what_a_component_returns():
    registry = Registry()
    registry.add("sentences", lambda a: a.text.split(". "), requires=["text"], assigns=["sentences"])
    article = _article("One. Two")
    registry.run([article])
    assert article.sentences == ["One", "Two"]


def test_a_component_that_sets_the_field_itself_is_a_coded_error():
    registry = Registry()

    def mutating(article):
        article.numbers = []  # returns None: the old, mutating form

    registry.add("numbers", mutating, requires=["text"], assigns=["numbers"])
    with pytest.raises(ComponentError, match="E001"):
        registry.run([_article()])


def test_one_article_that_fails_is_skipped_and_the_batch_goes_on():
    registry = Registry()

    def picky(article):
        if "boom" in article.text:
            raise ValueError("cannot read this one")
        return [article.text]

    registry.add("sentences", picky, requires=["text"], assigns=["sentences"])
    bad, good = _article("boom"), _article("fine")
    registry.run([bad, good])
    assert bad.sentences == [] and bad.metadata["analysis_errors"] == ["sentences: cannot read this one"]
    assert good.sentences == ["fine"]


def test_batch_options_reach_only_a_batch_function_that_takes_them():
    seen = {}

    def with_processes(articles, batch_size=32, n_process=1):
        seen["with"] = (batch_size, n_process)
        return [[] for _ in articles]

    def without(articles, batch_size=32):
        seen["without"] = batch_size
        return [[] for _ in articles]

    registry = Registry()
    registry.add("entities", lambda a: [], requires=["text"], assigns=["entities"], pipe=with_processes)
    registry.add("numbers", lambda a: [], requires=["text"], assigns=["numbers"], pipe=without)
    registry.run([_article()], batch_size=8, n_process=2)
    assert seen == {"with": (8, 2), "without": 8}


def test_the_documented_table_is_the_registry():
    """analysis/__init__.py's docstring lists every component with what it requires and assigns."""
    rows = re.findall(r"^\| (\w+)\s+\| ([\w, ]+?)\s+\| (\w+)\s+\|$", analysis.__doc__, re.M)
    documented = [(name, tuple(requires.split(", ")), (assigns,)) for name, requires, assigns in rows[1:]]
    assert documented == PIPELINE.table()


def test_components_view_keeps_the_old_name_and_mutating_function_pairs():
    names = [name for name, _ in COMPONENTS]
    assert names == [c.name for c in PIPELINE.components if c.name != "entities"]
    article = _article()
    for name, component in COMPONENTS:
        component(article)
    assert article.sentences and article.actions and article.speaker_roles == []


def test_components_only_read_the_article():
    """Each component is a function of the article: running it changes nothing on it."""
    article = _article()
    analyse_articles([article])
    assert not article.metadata.get("analysis_errors")
    for component in PIPELINE.components:
        before = copy.deepcopy(article.to_dict())
        result = component(article)
        assert article.to_dict() == before, component.name
        assert result == getattr(article, component.assigns[0]), component.name


def test_an_article_stored_before_the_annotations_gives_the_same_event_type():
    article = _article()
    analyse_articles([article])
    stored = article.to_dict()
    for name in ("actions", "actor_mentions", "speaker_roles"):
        del stored[name]
    old = Article.from_dict(stored)
    assert old.actions is None
    assert annotation(old, "actions") == article.actions
    assert old.actions is None  # computed, not written: the event stage only reads
    assert classify([old]) == classify([article]) == ("Violence against civilians", "Attack")


def test_a_store_can_fill_what_an_older_article_lacks():
    article = _article()
    analyse_articles([article])
    old = Article.from_dict({k: v for k, v in article.to_dict().items() if k != "speaker_roles"})
    assert fill_annotations(old) == ["speaker_roles"]
    assert old.to_dict() == article.to_dict()
    assert fill_annotations(old) == []


def test_a_component_gives_nothing_for_a_language_it_does_not_read():
    registry = Registry()
    registry.add("entities", lambda a: ["name"], requires=["text"], assigns=["entities"], languages=["en"],
                 pipe=lambda articles: (["name"] for _ in articles))
    registry.add("sentences", lambda a: ["s"], requires=["text"], assigns=["sentences"])
    registry.add("numbers", lambda a: ["n"], requires=["text"], assigns=["numbers"], languages=["en", "fr"])
    english, french, russian = _article(), _article(), _article()
    french.language, russian.language = "fr", "ru-RU"
    registry.run([english, french, russian])
    assert (english.entities, english.numbers, english.sentences) == (["name"], ["n"], ["s"])
    assert (french.entities, french.numbers) == ([], ["n"])
    assert (russian.entities, russian.numbers, russian.sentences) == ([], [], ["s"])
    assert registry.skipped(russian) == ["entities", "numbers"] and registry.skipped(english) == []
    assert registry.value(russian, "numbers") == []  # computed on the fly: refused the same way
    assert "analysis_errors" not in russian.metadata
