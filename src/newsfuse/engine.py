"""The incremental engine: place newly stored articles in events, touching only those events.

A run stores articles (each also marked *pending*), then :func:`place_pending` takes the
pending articles in chunks of ``CLUSTER_CHUNK``, in the order they were stored:

1. each outlet's home region is updated with the chunk's reports and they are read again
   with it (:mod:`newsfuse.outlet_homes`);
2. the chunk's words are added to the stored document frequencies and each report is
   placed, in the order of the day it tells of, into a stored incident or a new one
   (:class:`newsfuse.cluster.IncidentClusterer` over a :class:`StoredState`, which loads
   only the incidents and posting lists it is asked for); touched incidents that now look
   like another of the same day are merged;
3. only the touched incidents' events are rebuilt (origins, figures, brief), with links to
   passages of other events' reports; an event merged into another leaves its id behind as
   an alias, and an event whose record came out the same is not rewritten;
4. all of it is written in one transaction, which also removes the chunk from *pending*.

Nothing needs every stored article: memory is bounded by the chunk and the touched events.
If another process commits a chunk in between, the commit is refused and the chunk is
built again from the new state, so concurrent runs never place an article twice.
One run over a set of articles (up to ``CLUSTER_CHUNK``) places them exactly as the
in-memory clusterer does; runs that add the same articles in several parts can differ
where a later part brings reports older than the incidents already formed (see
docs/clustering.md, "Incremental events").
"""

from __future__ import annotations

import os
import signal

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from .analysis import fill_annotations
from .brief import RewriteConfig, build_brief
from .cluster import ClusterConfig, IncidentClusterer, TermStats, report_key
from .cluster import arrival_order
from .cluster.incidents import Incident, bar, score, timing
from .cluster.mentions import event_passages, mentions_of, window
from .cluster.state import IncidentTime, incident_from_dict, incident_to_dict
from .edits import Edit, apply_edits
from .ingest import IngestIssue
from .models import Article, Event
from .origins import find_origins, independent_sources
from .outlet_homes import OutletEvidence, gather_evidence, place_by_outlet_home
from .reconcile import build_event

CLUSTER_CHUNK = 5000  # pending articles placed per transaction
REBUILD_CHUNK = 200  # events rebuilt per transaction when the options change

Progress = Callable[[str, int, int], None]
CRASH_AT = "NEWSFUSE_CRASH_AT"  # tests only: die by SIGKILL at the named point, to prove recovery


def crash_point(name: str) -> None:
    if os.environ.get(CRASH_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)


@dataclass
class ChunkCommit:
    """Everything one chunk changes, written by the store in one transaction."""

    # number -> (event id, incident as JSON, its time encoded); (None, None, None): merged away
    incidents: dict[int, tuple[str | None, dict | None, str | None]] = field(default_factory=dict)
    postings: list[tuple[str, int]] = field(default_factory=list)
    df: Counter = field(default_factory=Counter)
    docs: int = 0
    arrivals: dict[int, str] = field(default_factory=dict)
    evidence: dict[str, dict] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)  # new or changed records
    removed_events: list[str] = field(default_factory=list)
    passages: dict[str, list[tuple[str, str, dict]]] = field(default_factory=dict)  # event id -> its passages
    aliases: dict[str, str] = field(default_factory=dict)  # merged event id -> the event that took it
    articles: list[Article] = field(default_factory=list)  # records that changed (places re-read, origins)
    placed: list[str] = field(default_factory=list)  # article ids no longer pending
    settings: dict[str, str] = field(default_factory=dict)


class StoredState:
    """The clusterer's state read from a store on demand; new postings are kept for the commit."""

    def __init__(self, store, next_number: int, scan: int, stats: TermStats, known: set[str]):
        self.store = store
        self.scan = scan
        self.stats = stats  # today's word counts (for the reports placed again)
        self.known = known  # words whose counts ``stats`` holds
        self.next_number = next_number
        self.cache: dict[int, Incident | None] = {}
        self.event_ids: dict[int, str | None] = {}
        self.tails: dict[str, list[int]] = {}
        self.new_postings: list[tuple[str, int]] = []
        self.founders: dict[int, int] = {}  # stored incident -> its founding report's arrival number

    def learn_words(self, words: set[str]) -> None:
        """Load the stored counts of words not known yet (they are not counted again)."""
        words = words - self.known
        self.stats.df.update(self.store.term_df(words))
        self.known |= words

    def incident(self, number: int) -> Incident | None:
        if number not in self.cache:
            self.load([number])
        return self.cache[number]

    def load(self, numbers: list[int]) -> None:
        found = self.store.load_incidents([n for n in numbers if n not in self.cache])
        for n in numbers:
            if n not in self.cache:
                event_id, data = found.get(n, (None, None))
                self.cache[n] = incident_from_dict(data) if data is not None else None
                self.event_ids[n] = event_id
                if self.cache[n] is not None:
                    self.founders[n] = min(self.cache[n].members)

    def times(self, numbers: list[int]) -> dict[int, IncidentTime]:
        """The time of each incident asked for that is alive (from the cache, else from its
        stored column; an incident stored without one is left out: it must be loaded)."""
        out = {n: IncidentTime.of(i) for n in numbers if (i := self.cache.get(n)) is not None}
        stored = self.store.incident_times([n for n in numbers if n not in self.cache])
        out.update((n, IncidentTime.decode(text)) for n, text in stored.items() if text)
        return out

    def posting(self, key: str, scan: int) -> list[int]:
        if key not in self.tails:
            self.tails[key] = self.store.posting_tail(key, self.scan)
        return self.tails[key][-scan:]

    def append_posting(self, key: str, number: int) -> None:
        tail = self.posting(key, self.scan)
        if not tail or tail[-1] != number:
            self.tails[key].append(number)
            self.new_postings.append((key, number))

    def new_incident(self) -> int:
        number = self.next_number
        self.next_number += 1
        self.cache[number] = Incident()
        self.event_ids[number] = None
        return number

    def drop(self, number: int) -> None:
        self.cache[number] = None


@dataclass
class Options:
    """How events are built: the fatality rule and the brief (length, optional rewrite)."""

    fatality_rule: str = "best"
    length: str = "standard"
    rewrite_with: RewriteConfig | None = None
    reader: str = "en"  # the language briefs quote first (docs/languages.md)

    @property
    def settings(self) -> dict[str, str]:
        """As the store records them, to tell when a run asks for other options (the reader
        only when not English, so stores written before it need no rebuild)."""
        rewrite = "on" if self.rewrite_with else "off"
        reader = f";lang={self.reader}" if self.reader != "en" else ""
        return {"fatality_rule": self.fatality_rule, "brief": f"{self.length};rewrite={rewrite}{reader}"}


def build_one(members: list[Article], options: Options, notes: list[IngestIssue] | None) -> Event:
    """One event from its reports in arrival order: origins, record, sources, brief."""
    origins = find_origins(members)
    for article in members:
        article.derived_from = origins.get(article.id)
    event = build_event(members, options.fatality_rule)
    event.independent_sources = independent_sources(members)
    written = build_brief(members, event, options.length, options.rewrite_with, reader=options.reader)
    event.brief, event.brief_headline, event.figures = written.sentences, written.headline, written.figures
    if written.rewrite_note and notes is not None:
        notes.append(IngestIssue(event.id, f"brief rewrite not used, extractive brief kept: {written.rewrite_note}"))
    return event


def place_pending(store, options: Options, notes: list[IngestIssue] | None = None, progress: Progress | None = None,
                  config: ClusterConfig | None = None, chunk: int | None = None, attempts: int = 5) -> bool:
    """Place every pending article; True when none is left (False: other writers kept
    committing first, ``attempts`` times in a row)."""
    total = store.count_pending()
    done = 0
    if progress and total:
        progress("cluster", 0, total)
    while True:
        for _ in range(attempts):
            with store.snapshot():  # one state of the store for every read of the chunk
                counters = store.cluster_counters()
                ids = store.pending_ids(chunk or CLUSTER_CHUNK)
                commit = build_chunk(store, ids, options, notes, config, counters) if ids else None
            if commit is None or store.commit_chunk(commit, counters["version"]):
                break
        else:
            return False
        if not ids:
            return True
        done += len(ids)
        if progress:
            progress("cluster", min(done, total), max(total, done))


def build_chunk(store, ids: list[str], options: Options, notes: list[IngestIssue] | None,
                config: ClusterConfig | None, counters: dict[str, int]) -> ChunkCommit:
    """What placing the pending articles ``ids`` writes, read from the store's state at
    ``counters`` (the caller holds a :meth:`Store.snapshot` and commits at their version)."""
    articles = [a for a in (store.get_article(i) for i in ids) if a is not None]
    for article in articles:  # a store from before the event-stage annotations gets them once, here,
        fill_annotations(article)  # before the events read them (not computed on the fly, then again)
    commit = ChunkCommit(placed=list(ids), settings=options.settings)
    _read_with_homes(store, articles, commit)  # 1. outlets' homes, with this chunk's votes
    # 2. words, then the stored incidents the new reports may belong to are taken apart and
    # all their reports placed again, in the order of the days they tell of
    keys = [report_key(a) for a in articles]
    stats = TermStats()
    stats.docs = counters["docs"]
    known = {t for k in keys for t in (*k.terms, *k.names)}
    stats.df = Counter(store.term_df(known))
    placed = store.placed_in(ids)  # analysed again since they were placed: placed again, counted once
    for article, key in zip(articles, keys):
        if article.id not in placed:
            stats.add(key.terms)
            commit.df.update(key.terms.keys())
            commit.docs += 1
    for key in keys:
        stats.weigh(key)
    clusterer = IncidentClusterer(config)
    state = StoredState(store, counters["next_incident"], clusterer.config.posting_scan, stats, known)
    clusterer.state = state
    taken_apart = neighbourhood(clusterer, keys) | {n for n in placed.values() if state.incident(n) is not None}
    old_seqs = {seq for n in taken_apart for seq in state.cache[n].members}
    chunk_ids = {a.id for a in articles}
    apart_ids = store.arrival_articles(old_seqs)
    again = [store.get_article(aid) for _, aid in sorted(apart_ids.items()) if aid not in chunk_ids]
    unchanged_if = {frozenset(apart_ids[m] for m in state.cache[n].members): state.event_ids[n] for n in taken_apart
                    if not chunk_ids & {apart_ids[m] for m in state.cache[n].members}}
    again_keys = [report_key(a) for a in again]
    state.learn_words({t for k in again_keys for t in (*k.terms, *k.names)})
    for key in again_keys:
        stats.weigh(key)
    for n in taken_apart:
        state.drop(n)
    everyone, every_key = articles + again, keys + again_keys
    order = arrival_order(every_key, everyone)
    pins = Pins(store, [a.id for a in everyone])  # corrections by hand: placed after the others
    order = [i for i in order if everyone[i].id not in pins] + sorted(
        (i for i in order if everyone[i].id in pins), key=lambda i: not pins.alone(everyone[i].id))
    by_arrival = {}
    for n, i in enumerate(order):
        seq = counters["next_arrival"] + n
        by_arrival[seq] = everyone[i]
        commit.arrivals[seq] = everyone[i].id
        pins.placed[everyone[i].id] = clusterer.add(seq, every_key[i], pins.into(everyone[i].id, state))
    if clusterer.config.merge_pass:
        clusterer.repair(sorted(clusterer.touched))
    # 3. the touched incidents' events
    touched = sorted(n for n in clusterer.touched if state.cache.get(n) is not None)
    seq_article = store.arrival_articles(
        {m for n in touched for m in state.cache[n].members} - set(by_arrival) | set(state.founders.values()))
    seq_article.update(commit.arrivals)
    chunk_articles = {a.id: a for a in articles}
    loaded: dict[str, Article] = {a.id: a for a in everyone}
    derived_before = {a.id: a.derived_from for a in again}
    built: dict[int, Event] = {}
    event_of_article: dict[str, str] = {}
    for n in touched:
        group = []
        for seq in sorted(state.cache[n].members):
            article = by_arrival.get(seq) or loaded.get(seq_article[seq])
            if article is None:
                article = loaded[seq_article[seq]] = store.get_article(seq_article[seq])
            derived_before.setdefault(article.id, article.derived_from)
            group.append(article)
        same = unchanged_if.get(frozenset(a.id for a in group))
        kept = store.get_events([same]).get(same) if same else None
        built[n] = kept or build_one(group, options, notes)  # taken apart and formed again as it was
        event_of_article.update({a.id: built[n].id for a in group})
    commit.articles = list(chunk_articles.values()) + [
        a for aid, a in loaded.items() if aid not in chunk_articles and a.derived_from != derived_before.get(aid)]
    for n, incident in state.cache.items():
        if incident is not None and n in built:
            commit.incidents[n] = (built[n].id, incident_to_dict(incident), IncidentTime.of(incident).encode())
        elif incident is None and n in state.event_ids:
            commit.incidents[n] = (None, None, None)  # taken apart or merged into another
    commit.postings = state.new_postings
    _retire_ids(state, built, event_of_article, seq_article, commit)
    _with_edits(store, built, commit.aliases)
    _link(store, list(built.values()), loaded, commit)
    crash_point("built")
    return commit


class Pins:
    """Where corrections put the reports of a chunk (see :mod:`newsfuse.edits`): a pinned
    report goes, by hand, to the incident holding its anchor, or alone to a new one."""

    def __init__(self, store, article_ids: list[str]):
        self.store = store
        self.pins = store.pins(article_ids)
        self.asked = set(article_ids)  # reports whose pin (or none) is known: never asked again
        self.placed: dict[str, int] = {}  # article -> the incident it was put in, in this chunk

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.pins

    def alone(self, article_id: str) -> bool:
        return self.root(article_id) == article_id

    def root(self, article_id: str) -> str:
        """The anchor at the end of the chain (an anchor may itself be pinned elsewhere)."""
        seen = {article_id}
        anchor = self.pins.get(article_id, article_id)
        while anchor not in seen:
            seen.add(anchor)
            if anchor not in self.asked:
                self.pins.update(self.store.pins([anchor]))
                self.asked.add(anchor)
            anchor = self.pins.get(anchor, anchor)
        return anchor

    def into(self, article_id: str, state) -> int | None:
        """The incident the report goes to (-1: a new one); None: not pinned, or its anchor is
        in no incident any more (the clusterer places it)."""
        if article_id not in self.pins:
            return None
        anchor = self.root(article_id)
        if anchor == article_id:
            return -1
        if anchor in self.placed:
            return self.placed[anchor]
        number = self.store.placed_in([anchor]).get(anchor)
        return number if number is not None and state.incident(number) is not None else None


def _with_edits(store, built: dict[int, Event], aliases: dict[str, str]) -> None:
    """Apply the corrections of the built events (and of ids now merged into them)."""
    found = store.edits_for([e.id for e in built.values()], aliases)
    for event in built.values():
        if event.id in found or event.edits:
            apply_edits(event, [Edit.from_dict(d) for d in found.get(event.id, [])])


def _read_with_homes(store, articles: list[Article], commit: ChunkCommit) -> None:
    """Add the chunk's votes to its outlets' homes (kept in the commit) and read the chunk's
    reports again with the homes."""
    sources = {a.source for a in articles if a.source}
    evidence = {s: OutletEvidence.from_dict(d) for s, d in store.outlet_evidence(sources).items()}
    evidence = gather_evidence(articles, evidence)
    commit.evidence = {s: e.to_dict() for s, e in evidence.items() if s in sources}
    homes = {s: h for s, h in ((s, e.home()) for s, e in evidence.items()) if h is not None}
    place_by_outlet_home(articles, homes)


def _retire_ids(state: StoredState, built: dict[int, Event], event_of_article: dict[str, str],
                seq_article: dict[int, str], commit: ChunkCommit) -> None:
    """An event keeps its id while its founding report does; an event whose founding report now
    sits under another id leaves its id behind as an alias of that event."""
    now_built = {e.id for e in built.values()}
    for n, old in state.event_ids.items():
        if old is None or old in now_built or state.cache.get(n) is not None:
            continue  # new, or an event still there under its own id
        now = event_of_article.get(seq_article.get(state.founders.get(n)))
        if now:
            commit.aliases[old] = now
        commit.removed_events.append(old)


MAX_TAKEN_APART = 50  # a bigger incident is not taken apart: new reports join it as they come
NEAR_MARGIN = 0.10  # incidents scoring this far under the bar may still be a new report's


def neighbourhood(clusterer: IncidentClusterer, keys: list) -> set[int]:
    """Stored incidents a new report could belong to (a candidate of compatible time scoring
    near its bar): placing their reports again with the new ones gives what one run over all
    of them gives, where an incident formed before all its reports had come."""
    config, found = clusterer.config, set()
    for key in keys:
        for cid in clusterer.candidates(key):
            incident = clusterer.state.incident(cid)
            if cid in found or len(incident.members) > MAX_TAKEN_APART:
                continue
            when = timing(key, incident, config)
            needed = bar(when, config)
            if needed is not None and score(key, incident, when, config) >= needed - NEAR_MARGIN:
                found.add(cid)
    return found


def _shift(day: str, n: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=n)).isoformat()


def _intervals(days, pad: int) -> list[tuple[str, str]]:
    """The days (ISO), each widened by ``pad`` days, as few ranges as cover them."""
    return _merge([(_shift(d, -pad), _shift(d, pad)) for d in days])


def _merge(ranges) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for first, last in sorted(ranges):
        if out and first <= _shift(out[-1][1], 1):
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


def rebuild_all(store, options: Options, notes: list[IngestIssue] | None = None,
                progress: Progress | None = None, attempts: int = 5) -> bool:
    """Rebuild every event from its incident (the options changed), ``REBUILD_CHUNK`` events
    per transaction; the placement of reports is kept."""
    numbers = store.incident_numbers()
    for start in range(0, len(numbers), REBUILD_CHUNK):
        part = numbers[start : start + REBUILD_CHUNK]
        for _ in range(attempts):
            if _rebuild(store, part, options, notes):
                break
        else:
            return False
        if progress:
            progress("rebuild", min(start + REBUILD_CHUNK, len(numbers)), len(numbers))
    return True


def _rebuild(store, numbers: list[int], options: Options, notes: list[IngestIssue] | None) -> bool:
    with store.snapshot():
        version = store.cluster_counters()["version"]
        commit = _rebuilt(store, numbers, options, notes)
    return store.commit_chunk(commit, version)


def _rebuilt(store, numbers: list[int], options: Options, notes: list[IngestIssue] | None) -> ChunkCommit:
    commit = ChunkCommit(settings=options.settings)
    found = store.load_incidents(numbers)
    incidents = {n: incident_from_dict(data) for n, (_, data) in found.items()}
    members = store.arrival_articles({m for i in incidents.values() for m in i.members})
    loaded: dict[str, Article] = {}
    before = {}
    events = []
    for n, incident in sorted(incidents.items()):
        group = [store.get_article(members[seq]) for seq in sorted(incident.members)]
        for a in group:
            loaded[a.id] = a
            before[a.id] = a.derived_from
        events.append(build_one(group, options, notes))
    commit.articles = [a for a in loaded.values() if a.derived_from != before[a.id]]
    _with_edits(store, {n: e for n, e in enumerate(events)}, {})
    _link(store, events, loaded, commit)
    return commit


def _link(store, events: list[Event], articles: dict[str, Article], commit: ChunkCommit) -> None:
    """Passages and mentions: the rebuilt events' passages replace their old ones, and every
    event on a day those passages (old or new) name gets its mentions again. Events whose
    record did not change are left out of the commit. Only the days concerned are read, so
    a chunk spread over years reads no more than its days."""
    rebuilt = {e.id for e in events} | set(commit.removed_events)
    for event in events:
        commit.passages[event.id] = event_passages(event, articles)
    days = store.passage_days(rebuilt) | {d for rows in commit.passages.values() for _, d, _ in rows}
    near: dict[str, Event] = {}
    for first, last in _intervals(days, 1):
        near.update((e.id, e) for e in store.events_between(first, last) if e.id not in rebuilt)
    stored = store.get_events([e.id for e in events])
    windows = [w for e in [*events, *near.values()] if (w := window(e))]
    passages = [p for first, last in _merge(windows) for p in store.passages_between(first, last)
                if p[0] not in rebuilt]
    passages += [(eid, *p) for eid, rows in commit.passages.items() for p in rows]
    changed = []
    for event in events:
        event.mentioned_in = mentions_of(event, passages)
        old = stored.get(event.id)
        if old is None or old.to_dict() != event.to_dict():
            changed.append(event)
    for event in near.values():
        found = mentions_of(event, passages)
        if [m.__dict__ for m in found] != [m.__dict__ for m in event.mentioned_in]:
            event.mentioned_in = found
            changed.append(event)
    commit.events = changed
