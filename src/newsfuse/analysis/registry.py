"""A registry of analysis components, after spaCy's ``Language.factory(requires=, assigns=)``.

Each component is a pure function of one Article: it reads the fields it ``requires`` and
returns the value of the field(s) it ``assigns``; the runner, not the component, writes
them. Because the order is declared, the registry checks it when a component is added
(a requirement nothing earlier assigns is an error then, not a silent empty field later),
and because components only read, articles can be analysed in other processes and the
results put back. One article that fails a component gets that field left as it was and
the error in ``article.metadata["analysis_errors"]``; the batch goes on. A component
declares the ``languages`` it reads (None: any); on an article in another language it
assigns an empty value instead of guessing (:meth:`Registry.skipped` names those).
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from ..models import Article
from .languages import language_of

# What the cleaner gives every Article: components may require these without an assigner.
GIVEN_FIELDS = ("id", "path", "source", "title", "text", "url", "published", "language", "removed", "metadata")
_ARTICLE_FIELDS = {f.name: str(f.type) for f in fields(Article)}
_log = logging.getLogger(__name__)


class RegistryError(ValueError):
    """A component declared out of order or twice (raised when it is added)."""


class ComponentError(TypeError):
    """A component returned something other than what it assigns (a bug, never skipped)."""


@dataclass(frozen=True)
class Component:
    """One analysis step: ``func(article)`` returns the value of its one assigned field, or
    a tuple in ``assigns`` order when it assigns several. ``pipe(articles, **options)``,
    when given, yields the same values for many articles at once (spaCy's ``nlp.pipe``)."""

    name: str
    func: Callable[[Article], Any]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    pipe: Callable[..., Iterable[Any]] | None = None
    languages: frozenset[str] | None = None  # the languages it reads; None: any
    empty: Callable[[Article], Any] | None = None  # its value for an article it does not read

    def __call__(self, article: Article) -> Any:
        return self.func(article) if self.reads(article) else self.nothing(article)

    def reads(self, article: Article) -> bool:
        return self.languages is None or language_of(article) in self.languages

    def nothing(self, article: Article) -> Any:
        """What it assigns to an article in a language it does not read: empty lists."""
        if self.empty is not None:
            return self.empty(article)
        values = tuple([] for _ in self.assigns)
        return values if len(values) > 1 else values[0]

    def assign(self, article: Article, result: Any) -> None:
        values = result if len(self.assigns) > 1 else (result,)
        if len(values) != len(self.assigns):
            raise ComponentError(f"E002 component {self.name!r} returned {len(values)} values for "
                                 f"{len(self.assigns)} fields {self.assigns}: return one per assigned field")
        for name, value in zip(self.assigns, values):
            if _ARTICLE_FIELDS[name].startswith("list") and not isinstance(value, list):
                raise ComponentError(f"E001 component {self.name!r} returned {type(value).__name__} for "
                                     f"article.{name}, a list: return the field's value, do not set it")
            setattr(article, name, value)

    def apply(self, article: Article) -> None:
        """Run on one article and write the result (the old mutating form, for scripts)."""
        self.assign(article, self(article))


class Registry:
    """Components in the order they run; adding one checks that order."""

    def __init__(self, given: Sequence[str] = GIVEN_FIELDS) -> None:
        self.given = tuple(given)
        self.components: list[Component] = []

    def add(self, name: str, func: Callable[[Article], Any], *, requires: Sequence[str] = (),
            assigns: Sequence[str], pipe: Callable[..., Iterable[Any]] | None = None,
            languages: Iterable[str] | None = None, empty: Callable[[Article], Any] | None = None) -> Component:
        assigned = {f: c.name for c in self.components for f in c.assigns}
        if any(c.name == name for c in self.components):
            raise RegistryError(f"E101 a component named {name!r} is already registered: choose another name")
        for field in (*requires, *assigns):
            if field not in _ARTICLE_FIELDS:
                raise RegistryError(f"E102 component {name!r} names article.{field}, which Article does not "
                                    "have: add the field to models.Article first")
        missing = [f for f in requires if f not in self.given and f not in assigned]
        if missing:
            raise RegistryError(f"E103 component {name!r} requires {', '.join(missing)}, which no earlier "
                                "component assigns: register the component that assigns it first")
        per_article = {f: c.name for c in self.components if c.pipe is None for f in c.assigns}
        if pipe is not None and any(f in per_article for f in requires):
            raise RegistryError(f"E105 batched component {name!r} runs before the per-article ones but requires "
                                f"{', '.join(f for f in requires if f in per_article)}: batch it only on given fields")
        taken = [f"{f} (by {assigned.get(f, 'the cleaner')!r})" for f in assigns if f in assigned or f in self.given]
        if taken or not assigns:
            raise RegistryError(f"E104 component {name!r} must assign at least one field no other component "
                                f"assigns; already assigned: {', '.join(taken) or 'nothing declared'}")
        component = Component(name, func, tuple(requires), tuple(assigns), pipe,
                              None if languages is None else frozenset(languages), empty)
        self.components.append(component)
        return component

    def component(self, name: str, *, requires: Sequence[str] = (), assigns: Sequence[str],
                  pipe: Callable[..., Iterable[Any]] | None = None) -> Callable[[Callable[[Article], Any]], Any]:
        """Decorator form of :meth:`add`; the function stays callable as it was."""
        def register(func: Callable[[Article], Any]) -> Callable[[Article], Any]:
            self.add(name, func, requires=requires, assigns=assigns, pipe=pipe)
            return func
        return register

    def assigner(self, field: str) -> Component:
        return next(c for c in self.components if field in c.assigns)

    def run(self, articles: Sequence[Article], **options: Any) -> None:
        """Annotate ``articles``: batched components over all of them first (with
        ``options`` their ``pipe`` accepts), then the others article by article."""
        batched = [c for c in self.components if c.pipe is not None]
        for component in batched:
            read = [a for a in articles if component.reads(a)]
            for article in articles:
                if not component.reads(article):
                    component.assign(article, component.nothing(article))
            try:
                results = list(component.pipe(read, **_accepted(component.pipe, options)))
            except Exception as exc:  # a model failure must not lose the articles
                for article in read:
                    record_error(article, component.name, exc)
                continue
            for article, result in zip(read, results):
                component.assign(article, result)
        for article in articles:
            for component in self.components:
                if component.pipe is None:
                    self._run_one(component, article)

    def needing(self, field: str) -> list[Component]:
        """The components that require ``field``, directly or through what another of
        them assigns, in order: those that must wait for it (the others need not)."""
        waited, out = {field}, []
        for component in self.components:
            if waited.intersection(component.requires):
                out.append(component)
                waited.update(component.assigns)
        return out

    def value(self, article: Article, name: str) -> Any:
        """``article.<name>``, or, when it is None (an article stored before the field
        existed), what its component returns now: computed, not written, so the event stage
        stays a reader and a stale copy can never outlive a change of the text. A failure
        gives an empty list and a warning."""
        found = getattr(article, name, None)
        if found is not None:
            return found
        component = self.assigner(name)
        try:
            result = component(article)
        except Exception as exc:  # one odd article never sinks an event
            _log.warning("analysis component %s failed on article %s: %s", component.name, article.id, exc)
            return []
        return result[component.assigns.index(name)] if len(component.assigns) > 1 else result

    def fill(self, article: Article, names: Sequence[str]) -> list[str]:
        """Write the named fields where they are None (for a store re-saving articles it
        kept from before they existed); the names filled."""
        missing = [n for n in names if getattr(article, n, None) is None]
        for name in missing:
            if not self._run_one(self.assigner(name), article):
                setattr(article, name, [])
        return missing

    def skipped(self, article: Article) -> list[str]:
        """The components that do not read this article's language (empty values instead)."""
        return [c.name for c in self.components if not c.reads(article)]

    @staticmethod
    def _run_one(component: Component, article: Article) -> bool:
        try:
            result = component(article)
        except Exception as exc:  # one odd article never sinks the batch
            record_error(article, component.name, exc)
            return False
        component.assign(article, result)
        return True

    def table(self) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
        """(name, requires, assigns) of every component, in order: for docs and tests."""
        return [(c.name, c.requires, c.assigns) for c in self.components]


def _accepted(func: Callable[..., Any], options: dict[str, Any]) -> dict[str, Any]:
    """The options ``func`` takes (``n_process`` only where the batch function has it)."""
    params = inspect.signature(func).parameters
    if any(p.kind is p.VAR_KEYWORD for p in params.values()):
        return dict(options)
    return {k: v for k, v in options.items() if k in params}


def record_error(article: Article, name: str, exc: Exception) -> None:
    """Note on the article that component ``name`` failed on it (the batch goes on)."""
    article.metadata.setdefault("analysis_errors", []).append(f"{name}: {exc}")
