"""One long article analysed on several cores: its NER pieces in worker processes while
this process runs the components that do not need entities, then the components that do,
side by side.

The registry knows from the declarations which components wait for ``entities``
(directly or through another component's output). The others (sentences, numbers, ...)
run here while the workers read the NER pieces; then this process reads the pieces no
worker has started yet. Once the entities are merged (offsets shifted per piece, as in
:func:`~newsfuse.analysis.entities.find_entities_batch`), the waiting components whose
inputs are all there go to the workers the same way, this process taking those no worker
has started, from the last back. Wall time is about max(NER / cores, the entity-free
components) plus the slowest entity-dependent one, instead of the sum of all. Each
component reads only what it requires and the results are written here in the registry's
order (errors too), so the article is the one a single process gives.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future
from functools import partial
from typing import Any

from ..models import Article, Span
from . import PIPELINE
from .entities import RawEntity, piece_entities, read_pieces, text_pieces
from .languages import language_of
from .registry import GIVEN_FIELDS, Component, record_error

PIECES_PER_TASK = 1  # NER pieces (~10 KB each) per task: one, so the cores end together (no faster in batches)

# submit(function, *args) -> Future, e.g. a ProcessPoolExecutor's submit (workers forked with the model)
Submit = Callable[..., "Future[Any]"]


def read_piece_texts(texts: list[str], lang: str = "en") -> list[list[RawEntity]]:
    """A worker's NER task: the kept entities of each piece (a list, to send back)."""
    return list(read_pieces(texts, lang=lang))


def run_component(name: str, article: Article) -> Any:
    """A worker's component task: what component ``name`` returns for ``article`` (nothing
    in a language it does not read, as the registry's runner gives)."""
    component = next(c for c in PIPELINE.components if c.name == name)
    return component.func(article) if component.reads(article) else component.nothing(article)


def analyse_spread(article: Article, submit: Submit) -> None:
    """Annotate ``article`` in place, sending work to other processes with ``submit``."""
    entities = PIPELINE.assigner("entities")
    later = PIPELINE.needing("entities")
    errors: dict[str, Exception] = {}
    pieces = text_pieces(article.text) if entities.reads(article) else []
    groups = [pieces[i : i + PIECES_PER_TASK] for i in range(0, len(pieces), PIECES_PER_TASK)]
    tasks = [(read_piece_texts, [p.text for p in group], language_of(article)) for group in groups]
    futures = [submit(*task) for task in tasks]
    for component in PIPELINE.components:
        if component is not entities and component not in later:
            _assign(component, article, partial(run_component, component.name, article), errors)

    def merge() -> list[Span]:
        if not entities.reads(article):
            return entities.nothing(article)
        found = [outcome() for outcome in _gather(futures, tasks)]
        return [span for group, raws in zip(groups, found) for piece, raw in zip(group, raws)
                for span in piece_entities(piece, raw)]

    if not _assign(entities, article, merge, errors):
        for future in futures:
            future.cancel()
    _run_side_by_side(later, article, submit, errors)
    for component in PIPELINE.components:  # noted in the order one process notes them
        if component.name in errors:
            record_error(article, component.name, errors[component.name])


def _run_side_by_side(components: Sequence[Component], article: Article, submit: Submit,
                      errors: dict[str, Exception]) -> None:
    """Run ``components`` in rounds: all whose inputs are there at once (in the workers and
    here), their results written in order, until none is left."""
    have = set(GIVEN_FIELDS) | {f for c in PIPELINE.components if c not in components for f in c.assigns}
    left = list(components)
    while left:
        ready = [c for c in left if have.issuperset(c.requires)] or left[:1]
        tasks = [(run_component, c.name, article) for c in ready]
        futures = [submit(*task) for task in tasks] if len(tasks) > 1 else []
        for component, outcome in zip(ready, _gather(futures, tasks)):
            _assign(component, article, outcome, errors)
            have.update(component.assigns)
        left = [c for c in left if c not in ready]


def _gather(futures: list[Future[Any]], tasks: list[tuple[Any, ...]]) -> list[Callable[[], Any]]:
    """Each task's outcome, in order, as a call that returns its result or raises its error.
    The tasks no worker has started yet run here first, from the last back (the workers take
    them from the front); without futures every task runs here."""
    here: dict[int, Callable[[], Any]] = {}
    for k in reversed(range(len(tasks))):
        if k < len(futures) and not futures[k].cancel():
            break
        here[k] = _capture(*tasks[k])
    return [here[k] if k in here else futures[k].result for k in range(len(tasks))]


def _capture(function: Callable[..., Any], *args: Any) -> Callable[[], Any]:
    try:
        result = function(*args)
    except Exception as exc:  # kept for the caller, as a worker's future keeps it
        def failed() -> Any:
            raise exc
        return failed
    return lambda: result


def _assign(component: Component, article: Article, compute: Callable[[], Any], errors: dict[str, Exception]) -> bool:
    """Write what ``compute()`` gives as ``component``'s result; a failure is kept in
    ``errors`` (the field left as it was), as the registry's runner does."""
    try:
        result = compute()
    except Exception as exc:  # one odd article never sinks the batch
        errors[component.name] = exc
        return False
    component.assign(article, result)
    return True
