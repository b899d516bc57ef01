"""Where the clusterer keeps its incidents and candidate index.

The clusterer only ever asks for one incident by number, the newest entries of one
posting list, and a number for a new incident, so the state can live in memory (one
batch, :class:`MemoryState`) or in a store that loads what is asked for and writes back
what changed (:class:`newsfuse.engine.StoredState`). Incidents are stored as plain JSON
(:func:`incident_to_dict`), so a stream of millions keeps only the incidents a batch
touches in memory.
"""

from __future__ import annotations

import dataclasses
import typing
from collections import Counter, defaultdict
from datetime import date
from typing import Any

from .incidents import Incident

_FIELDS = {f.name: f for f in dataclasses.fields(Incident)}
_HINTS = typing.get_type_hints(Incident)


@dataclasses.dataclass(frozen=True)
class IncidentTime:
    """What :func:`~.incidents.timing` reads of an incident: enough to leave aside a candidate
    of another day without loading (decoding) the whole incident."""

    day: date | None
    first_report: date | None
    years: frozenset[int]

    @classmethod
    def of(cls, incident: Incident) -> IncidentTime:
        return cls(incident.day, incident.first_report, frozenset(incident.years))

    def encode(self) -> str:
        """``day|first_report|year,year`` (ISO days, empty when unknown)."""
        return "|".join((self.day.isoformat() if self.day else "",
                         self.first_report.isoformat() if self.first_report else "",
                         ",".join(map(str, sorted(self.years)))))

    @classmethod
    def decode(cls, text: str) -> IncidentTime:
        day, first, years = text.split("|")
        return cls(date.fromisoformat(day) if day else None, date.fromisoformat(first) if first else None,
                   frozenset(int(y) for y in years.split(",") if y))


class MemoryState:
    """Incidents by number (None once merged into another) and posting lists, in memory."""

    def __init__(self) -> None:
        self.incidents: dict[int, Incident | None] = {}
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.next_number = 0

    def incident(self, number: int) -> Incident | None:
        return self.incidents.get(number)

    def load(self, numbers: list[int]) -> None:
        """Everything is in memory already."""

    def times(self, numbers: list[int]) -> dict[int, IncidentTime]:
        """Nothing to spare: the incidents are in memory (the caller reads their time itself)."""
        return {}

    def posting(self, key: str, scan: int) -> list[int]:
        """The newest ``scan`` entries of a posting list, oldest first (the caller may append)."""
        return self.postings.get(key, [])[-scan:]

    def append_posting(self, key: str, number: int) -> None:
        posting = self.postings[key]
        if not posting or posting[-1] != number:
            posting.append(number)

    def new_incident(self) -> int:
        number = self.next_number
        self.next_number += 1
        self.incidents[number] = Incident()
        return number

    def drop(self, number: int) -> None:
        self.incidents[number] = None

    def alive(self) -> list[int]:
        return [n for n, i in self.incidents.items() if i is not None and i.members]


def _encode(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Counter):
        return [[_encode(k), n] for k, n in value.items()]
    if isinstance(value, (set, frozenset)):
        return sorted((_encode(v) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    return value


def _decoder(hint: Any):
    """A function turning stored JSON back into a value of type ``hint`` (built once per field:
    reading thousands of incidents per batch must not ask ``typing`` each time)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Union or (origin is not None and type(None) in args):  # X | None
        inner = [a for a in args if a is not type(None)]
        decode = _decoder(inner[0]) if inner else (lambda v: v)
        return lambda v: None if v is None else decode(v)
    if hint is date:
        return date.fromisoformat
    if origin is Counter:
        key = _decoder(args[0])
        return lambda v: Counter({key(k): n for k, n in v})
    if origin in (set, list):
        item = _decoder(args[0])
        if item is _same:
            return origin
        return lambda v: origin(item(x) for x in v)
    if origin is tuple:
        items = [_decoder(a) for a in args]
        return lambda v: tuple(f(x) for f, x in zip(items, v))
    if origin is dict:
        value = _decoder(args[1])
        return dict if value is _same else (lambda v: {k: value(x) for k, x in v.items()})
    return _same


def _same(value: Any) -> Any:
    return value


_DECODERS = {name: _decoder(_HINTS[name]) for name in _FIELDS}


def incident_to_dict(incident: Incident) -> dict[str, Any]:
    """Every field of the incident as JSON-ready values (dates as ISO days, sets sorted)."""
    return {name: _encode(getattr(incident, name)) for name in _FIELDS}


def incident_from_dict(data: dict[str, Any]) -> Incident:
    """The incident back; fields the data lacks (stored by an older version) keep their defaults."""
    incident = Incident()
    for name, value in data.items():
        decode = _DECODERS.get(name)
        if decode is not None:
            setattr(incident, name, None if value is None else decode(value))
    return incident
