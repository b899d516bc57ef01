"""The store on each backend: content-addressed articles, events replaced whole; SQLite's migrations."""

from newsfuse.models import Article, Event, EventDate
from newsfuse.store import open_store
from newsfuse.store.sqlite import SQLiteStore, StoreError


def _article(i: str, published=None) -> Article:
    return Article(id=i, path=f"{i}.txt", source="S", title=f"T{i}", text=f"Text {i}.", published=published)


def test_adding_the_same_article_twice_is_a_no_op(fresh_store):
    assert fresh_store.add_articles([_article("a"), _article("b")]) == 2
    assert fresh_store.add_articles([_article("a")]) == 0
    assert fresh_store.count_articles() == 2
    assert fresh_store.get_article("a").title == "Ta"


def test_articles_come_back_in_time_order_undated_last(fresh_store):
    fresh_store.add_articles([_article("u"), _article("late", "2024-05-02"), _article("early", "2024-05-01")])
    assert [a.id for a in fresh_store.iter_articles()] == ["early", "late", "u"]


def test_events_replaced_and_listed_newest_first(fresh_store):
    fresh_store.add_articles([_article("a"), _article("b")])
    old = Event("ev-000000000001", "old", None, EventDate("2023-01-01", "2023-01-01", "day"), ["a"])
    new = Event("ev-000000000002", "new", None, EventDate("2024-01-01", "2024-01-02", "day"), ["b"])
    undated = Event("ev-000000000003", "undated", None, EventDate(), ["a"])
    fresh_store.replace_events([old, undated, new])
    assert [e.title for e in fresh_store.list_events()] == ["new", "old", "undated"]
    fresh_store.replace_events([new])
    assert [e.id for e in fresh_store.list_events()] == ["ev-000000000002"]
    assert fresh_store.get_event("ev-000000000002").date.end == "2024-01-02"
    assert fresh_store.find_events("ev-00000000000") == ["ev-000000000002"]


def test_migrations_run_once(tmp_path):
    path = str(tmp_path / "s.db")
    SQLiteStore(path).close()
    store = SQLiteStore(path)
    assert [r[0] for r in store.conn.execute("SELECT name FROM migrations")] == ["001_initial", "002_settings", "003_search",
                                                                                  "004_generations", "005_engine", "006_template_lines",
                                                                                  "007_incident_times", "008_fts_rowids", "009_event_articles_by_article",
                                                                                  "010_edits"]
    store.close()


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100)
    try:
        open_store(str(path))
    except StoreError as exc:
        assert "not a usable newsfuse database" in str(exc)
    else:
        raise AssertionError("expected StoreError")
