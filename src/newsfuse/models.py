"""Typed records that flow one way through the pipeline.

ingest -> RawArticle; clean -> Article (cleaned text + removed lines);
analyse fills the Article's span lists; cluster/reconcile/brief -> Event.

Every extracted thing is a character span into ``Article.text`` (the cleaned
text), so provenance comes for free: ``article.text[span.start:span.end]`` is
always the exact words the figure, date or name came from. One exception, marked
``via="translation"``: a fact read in the machine translation of a report
(:mod:`newsfuse.translate`) spans the whole original sentence it was read in (word
alignment is unknown), and its ``text`` holds the translation's words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

REPR_TITLE = 60  # characters of a title shown by a record's repr


def _short(text: str | None, limit: int = REPR_TITLE) -> str | None:
    """``text`` cut to ``limit`` characters, for reprs that fit on one line."""
    if text is None or len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


@dataclass(repr=False)
class RawArticle:
    """One article as a reader found it, before cleaning.

    ``path`` says where it came from: a file path, or ``file:LINE`` for a
    JSONL line, so a user can find it again.
    """

    path: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None: never invented
    source: str | None = None
    language: str | None = None
    external_id: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:  # the text can be megabytes: a repr shows its size
        return (f"RawArticle(path={_short(self.path)!r}, title={_short(self.title)!r}, "
                f"published={self.published!r}, chars={len(self.text or self.html or '')})")


@dataclass
class RemovedLine:
    """A line the cleaner dropped, and the rule that dropped it."""

    line: str
    reason: str


@dataclass
class Span:
    """A labelled stretch of the cleaned text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str
    label: str = ""
    via: str | None = None  # "translation": read in the machine translation; start/end: the original sentence


@dataclass
class NumberMention:
    """A number stated in the text, with its hedge ("at least", "about"...).

    ``value`` is None for vague quantities ("dozens") that have no number;
    ``low``/``high`` hold both ends of a range or a conservative floor.
    """

    start: int
    end: int
    text: str
    value: float | None
    qualifier: str = "exact"  # exact, at_least, at_most, about, more_than, fewer_than, range, vague
    low: float | None = None
    high: float | None = None
    via: str | None = None  # "translation": read in the machine translation; start/end: the original sentence


@dataclass
class DateMention:
    """A date expression resolved (when possible) against the publication date."""

    start: int
    end: int
    text: str
    value: str | None  # ISO date YYYY-MM-DD, or None when it cannot be resolved
    precision: str = "day"  # day, month, year, unknown
    role: str = ""  # incident, aftermath, stamp (the report's own time), or "" (analysis/dates.py)
    via: str | None = None  # "translation": read in the machine translation; start/end: the original sentence


@dataclass
class Claim:
    """One casualty figure as one report states it, with its words (``quote``) and offsets."""

    id: str
    category: str
    number: float | None
    qualifier: str
    whose: str | None
    side: str | None
    claimant: str | None
    article_id: str
    quote: str
    start: int
    end: int
    low: float | None = None  # both ends of a range, or a conservative floor for vague words
    high: float | None = None
    scope: str = "event"  # "event", or "background" (earlier wars, cumulative tolls): never reconciled
    provisional: bool = False  # "this is not the final number", "the toll may rise"
    regional: str | None = None  # a sub-total for this place ("three killed in Batken Region")
    claimant_side: str | None = None  # the country the claimant speaks for (ISO2), when known
    field: str = "text"  # "title": a headline's figure; start/end are then offsets into the title
    via: str | None = None  # "translation": read in the machine translation (``quote`` stays the original's)
    translated: str | None = None  # then the translation's words it was read in


@dataclass
class PlaceMention:
    """A toponym in the text, resolved (when possible) against the offline gazetteer."""

    start: int
    end: int
    text: str
    name: str | None = None  # the gazetteer's name for the place
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "unknown"  # town, district, province, country, region, unknown
    geonameid: int | None = None
    role: str = "mentioned"  # "event" where it happened, or "mentioned" (a capital where a ministry spoke)
    dateline: bool = False  # opens the report as its dateline ("SPRINGFIELD, Ohio —")
    in_title: bool = False  # also named in the report's title
    within: str | None = None  # for a street or a neighbourhood: the town it lies in (its point is the town's)
    field: str = "text"  # what start/end index: the text, or the title (a headline's town, analysis/place_titles.py)
    via: str | None = None  # "translation": read in the machine translation; start/end: the original sentence


@dataclass
class InferredDate:
    """When a report was written: its publication date, or what its own text implies."""

    value: str | None  # ISO date (day precision) or YYYY-01-01 (year precision)
    precision: str  # day, year, unknown
    evidence: str = ""


@dataclass
class ActionMention:
    """An action a sentence names ("opened fire", "shelled") and how much it counts: 1 for
    the sentence's own action, less under "after", 0 under "threatened to" or "condemned".
    ``start``/``end`` index the sentence's field (the text or the title)."""

    action: str
    start: int
    end: int
    factor: float


@dataclass
class ActorMention:
    """Words that name an actor, with what they say of it (analysis/actor_mentions.py,
    analysis/actions.py). ``label``: ``forces`` ("Tajik troops"); an NER label for a named
    actor (its country, state organ, kind, and whether its sentence urges or mediates); or
    ``agent``, ``target``, ``captor`` for the noun an action's parties are named by."""

    start: int
    end: int
    text: str
    label: str
    kind: str | None = None  # ACLED kind of its head noun (analysis/actor_kinds.py)
    country: str | None = None  # ISO2
    organ: str | None = None  # "state" or "police": a country or one of its state organs
    third_party: bool = False  # its sentence urges, mediates, condemns ("Russia urged restraint")
    field: str = "text"  # what start/end index: the text or the title
    via: str | None = None  # "translation": read in the machine translation; start/end: the original sentence


@dataclass
class SentenceActions:
    """One sentence (or the title) that names an action, with its actions and, when one of
    them counts, the kinds of people that act, are acted on or take territory in it."""

    start: int
    end: int
    actions: list[ActionMention] = field(default_factory=list)
    parties: list[ActorMention] = field(default_factory=list)  # agent, target, captor
    mob: bool = False  # names a mob or a lynching
    via: str | None = None  # "translation": read in the machine translation; start/end: the original sentence
    field: str = "text"  # what start/end index: the text or the title (declared last: it hides dataclasses.field)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SentenceActions:
        data = dict(data)
        data["actions"] = [ActionMention(**m) for m in data.get("actions", [])]
        data["parties"] = [ActorMention(**m) for m in data.get("parties", [])]
        return cls(**data)


@dataclass
class SpeakerRole:
    """A role given beside a name that places its speaker on a country's side: "X, a
    spokesman for the Kyrgyz defence ministry" (``position`` "after": the name ends at
    ``name_at``) or "the Kyrgyz defence ministry's spokesman, X" ("before": it starts there)."""

    start: int
    end: int
    text: str
    country: str
    name_at: int
    position: str
    via: str | None = None  # "translation": read in the machine translation; start/end: the original sentence


@dataclass
class TranslatedSentence:
    """One sentence of a report's machine translation: ``start``/``end`` are the original
    sentence's offsets in ``Article.text``, ``text`` the translation of it."""

    start: int
    end: int
    text: str


@dataclass
class Translation:
    """A report's machine translation, kept beside its original text (never instead of it).

    ``error`` set: the translation was asked for and failed (why); ``sentences`` is then
    empty and the report is analysed as if none had been asked for."""

    to: str
    model: str
    sentences: list[TranslatedSentence] = field(default_factory=list)
    title: str | None = None  # the title's translation
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.sentences or self.title)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Translation:
        data = dict(data)
        data["sentences"] = [TranslatedSentence(**s) for s in data.get("sentences", [])]
        return cls(**data)


_FACT_LISTS = ("sentences", "entities", "numbers", "dates", "places", "claims", "actions", "actor_mentions",
               "speaker_roles")


@dataclass(repr=False)
class Article:
    """The one document every stage reads and annotates (spaCy's ``Doc`` for us)."""

    id: str
    path: str
    source: str
    title: str
    text: str
    url: str | None = None
    published: str | None = None
    language: str | None = None
    removed: list[RemovedLine] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    # Filled by analyse components.
    sentences: list[Span] = field(default_factory=list)
    entities: list[Span] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    report_date: InferredDate | None = None  # analysis/undated.py, computed once
    # Read by the event stage; None: not analysed (an article stored before these existed),
    # then the event stage computes them on the fly (analysis.annotation).
    actions: list[SentenceActions] | None = None
    actor_mentions: list[ActorMention] | None = None
    speaker_roles: list[SpeakerRole] | None = None
    # Filled by clustering.
    derived_from: str | None = None
    # The optional machine translation (newsfuse.translate), asked for by ``run --translate``.
    translation: Translation | None = None

    def __repr__(self) -> str:  # its text and annotations would fill a screen
        return (f"Article(id={self.id!r}, source={_short(self.source, 30)!r}, title={_short(self.title)!r}, "
                f"published={self.published!r}, chars={len(self.text)}, claims={len(self.claims)})")

    def to_dict(self) -> dict[str, Any]:
        """The stored form. ``via`` is left out where it is None (nearly every fact): each
        stored report would otherwise carry it once per sentence, name and number."""
        data = asdict(self)
        for key in _FACT_LISTS:
            for item in data.get(key) or ():
                if item.get("via", 0) is None:
                    del item["via"]
        for sentence in data.get("actions") or ():
            for item in sentence.get("parties") or ():
                if item.get("via", 0) is None:
                    del item["via"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        data = dict(data)
        data["removed"] = [RemovedLine(**r) for r in data.get("removed", [])]
        data["sentences"] = [Span(**s) for s in data.get("sentences", [])]
        data["entities"] = [Span(**s) for s in data.get("entities", [])]
        data["numbers"] = [NumberMention(**n) for n in data.get("numbers", [])]
        data["dates"] = [DateMention(**d) for d in data.get("dates", [])]
        data["places"] = [PlaceMention(**p) for p in data.get("places", [])]
        data["claims"] = [Claim(**c) for c in data.get("claims", [])]
        data["report_date"] = InferredDate(**data["report_date"]) if data.get("report_date") else None
        if data.get("actions") is not None:
            data["actions"] = [SentenceActions.from_dict(x) for x in data["actions"]]
        if data.get("actor_mentions") is not None:
            data["actor_mentions"] = [ActorMention(**x) for x in data["actor_mentions"]]
        if data.get("speaker_roles") is not None:
            data["speaker_roles"] = [SpeakerRole(**x) for x in data["speaker_roles"]]
        if data.get("translation") is not None:
            data["translation"] = Translation.from_dict(data["translation"])
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class EventDate:
    """When the incident happened (event_dates.py)."""

    start: str | None = None
    end: str | None = None
    precision: str = "unknown"  # day, month, year, unknown
    basis: str = "unknown"  # text: the reports' words say it; publication: only when they were written; unknown


@dataclass
class Location:
    name: str  # as the reports spell it
    native_name: str | None = None  # the gazetteer's name, when it differs ("Laçın" for the reports' "Lachin")
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "unknown"  # town, district, province, country, region, unknown
    spans: list[dict[str, Any]] = field(default_factory=list)  # {article_id, start, end}
    role: str = "mentioned"  # "event": where it happened; "mentioned": named only


def event_point(locations: Iterable[Location]) -> Location | None:
    """Where the event happened, as one point: the first located place where it happened, in
    reconcile's order (the most specific first). A place only mentioned never is. Every
    one-point view (ACLED and CSV rows, DataFrames, the overview map, ``bench events``) uses it."""
    return next((x for x in locations if x.role == "event" and x.lat is not None and x.lon is not None), None)


@dataclass
class Actor:
    """One actor of an event (a country's names and forces are one), typed as ACLED codes actors."""

    name: str
    country: str | None = None
    role: str = "mentioned"  # participant, claimant, third_party, mentioned
    kind: str | None = None  # state_forces, police, rebels, political_militia, identity_militia, rioters, protesters, civilians, external
    inter: int | None = None  # ACLED inter code of the kind: 1 state forces ... 7 civilians, 8 external/other
    aliases: list[str] = field(default_factory=list)  # the names the reports use for it


@dataclass
class Casualty:
    category: str
    side: str | None
    whose: str | None
    best: float | None
    low: float | None
    high: float | None
    conflict: bool
    claim_ids: list[str] = field(default_factory=list)  # each claimant's current figure
    superseded_ids: list[str] = field(default_factory=list)  # earlier figures of the same claimants
    provisional: bool = False
    region: str | None = None  # a regional sub-total, never compared with the national figure


@dataclass
class Total:
    """An ACLED-style event total (``fatalities``, ``injured``): one whole number, how it
    was formed from the casualty rows, and the claims it rests on (totals.py)."""

    category: str
    value: int
    basis: str
    claim_ids: list[str] = field(default_factory=list)


@dataclass
class BriefSentence:
    """One sentence of the fused brief and the articles that state it."""

    text: str
    citations: list[str] = field(default_factory=list)
    # Where an extractive sentence comes from: {"article_id", "start", "end"} in the cleaned
    # text. Its words are that span's, except an opening pronoun replaced by a name copied
    # from the same article (brief/references.py). None for a rewritten sentence.
    source: dict[str, Any] | None = None


@dataclass
class Mention:
    """A passage of a report filed under another event that tells of this one ("weeks
    after a fire in Lorca killed three"): linked, never counted as a member."""

    article_id: str
    start: int
    end: int
    text: str
    day: str | None = None  # the date the passage gives


@dataclass
class FigureLine:
    """One line of the brief's "Figures and disputes" part, written from a reconciled
    casualty row: every number in ``text`` is a claim's number, cited by article id."""

    text: str
    citations: list[str]
    category: str
    side: str | None = None
    region: str | None = None
    conflict: bool = False
    provisional: bool = False


@dataclass(repr=False)
class Event:
    """A real-world event and everything known about it, with provenance."""

    id: str
    title: str
    event_type: str | None  # ACLED event type, or "accident" / "disaster" / "other" (docs/event-types.md)
    date: EventDate
    article_ids: list[str]
    locations: list[Location] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    brief: list[BriefSentence] = field(default_factory=list)
    independent_sources: int = 0  # reports that copy or rewrite no other report of the event
    sub_event_type: str | None = None  # ACLED sub-event type ("Armed clash", "Air/drone strike"...)
    brief_headline: BriefSentence | None = None  # an independent report's title, cited
    figures: list[FigureLine] = field(default_factory=list)  # "Figures and disputes"
    mentioned_in: list[Mention] = field(default_factory=list)  # passages of other events' reports about it
    fatalities: int | None = None  # ACLED-style totals (totals.py); None only in records from before them
    injured: int | None = None
    totals: list[Total] = field(default_factory=list)  # how fatalities and injured were formed
    edits: list[dict[str, Any]] = field(default_factory=list)  # corrections by hand it carries (edits.py)

    def __repr__(self) -> str:  # the whole record runs to tens of thousands of characters
        when = self.date.start if self.date.end in (None, self.date.start) else f"{self.date.start}..{self.date.end}"
        return (f"Event(id={self.id!r}, title={_short(self.title)!r}, date={when!r}, "
                f"reports={len(self.article_ids)}, claims={len(self.claims)}, "
                f"fatalities={self.fatalities}, injured={self.injured})")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            id=data["id"],
            title=data["title"],
            event_type=data.get("event_type"),
            date=EventDate(**data.get("date", {})),
            article_ids=list(data.get("article_ids", [])),
            locations=[Location(**x) for x in data.get("locations", [])],
            actors=[Actor(**x) for x in data.get("actors", [])],
            claims=[Claim(**x) for x in data.get("claims", [])],
            casualties=[Casualty(**x) for x in data.get("casualties", [])],
            brief=[BriefSentence(**x) for x in data.get("brief", [])],
            independent_sources=data.get("independent_sources", 0),
            sub_event_type=data.get("sub_event_type"),
            brief_headline=BriefSentence(**data["brief_headline"]) if data.get("brief_headline") else None,
            figures=[FigureLine(**x) for x in data.get("figures", [])],
            mentioned_in=[Mention(**x) for x in data.get("mentioned_in", [])],
            fatalities=data.get("fatalities"),
            injured=data.get("injured"),
            totals=[Total(**x) for x in data.get("totals", [])],
            edits=list(data.get("edits", [])),
        )
