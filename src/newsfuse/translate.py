"""Optional machine translation of reports into English, through the OpenAI-compatible
endpoint of :mod:`newsfuse.llm` (``newsfuse run --translate``). Off by default, never
required.

Why sentence by sentence: the English analysis finds a fact at some words of the
translation, and the only alignment we can trust back to the original is the sentence
both come from (a model's word alignment is not given and would be a guess). So each
original sentence is sent as one numbered line, the answer must give exactly one line per
number, and a fact read in translated sentence *n* is cited to original sentence *n*
(:mod:`newsfuse.analysis.translated`). A batch whose answer has a line missing, merged or
extra fails, and so does the whole report: it stays analysed in part, with the reason in
``article.translation.error`` (asked again by the next ``--translate`` run).

Every report not in English is translated when asked, French and Spanish included: their
figures, dates and places are still read natively in their own words; the translation
adds only what is read in English alone (event type, actors, speaker sides).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .analysis.languages import ENGLISH, language_of
from .analysis.sentences import split_sentences
from .llm import LLMConfig, LLMError, chat
from .models import Article, TranslatedSentence, Translation

TARGET = ENGLISH
BATCH_SENTENCES = 40  # numbered lines per request
BATCH_CHARS = 6000  # and at most about this many characters
PROMPT = (
    "Translate each numbered sentence of a news report from {language} into English. "
    "Translate faithfully: keep every number, name, date and place; add nothing, explain nothing. "
    "Answer with exactly one line per sentence, in the same order, each starting with its number "
    "and a full stop, like:\n1. First sentence in English.\n2. Second sentence in English."
)
_NUMBERED = re.compile(r"^\s*(\d+)\s*[.):]\s*(.*?)\s*$")
_SPACE = re.compile(r"\s+")


class TranslationFailed(Exception):
    """A batch's answer cannot be used: the report keeps its original analysis only."""


def needs_translation(article: Article) -> bool:
    """A report not in English that has no usable translation yet (a failed one is retried)."""
    if language_of(article) == TARGET or not article.text.strip():
        return False
    return article.translation is None or not article.translation.ok


def parse(answer: str, count: int) -> list[str]:
    """The ``count`` translated lines of ``answer``, by number; anything but exactly one
    non-empty line for each of 1..count is :class:`TranslationFailed`."""
    found: dict[int, str] = {}
    for line in answer.splitlines():
        if not line.strip() or line.strip().startswith("```"):
            continue
        m = _NUMBERED.match(line)
        if not m:
            raise TranslationFailed(f"a line without its sentence number: {line.strip()[:60]!r}")
        n, text = int(m.group(1)), m.group(2)
        if not 1 <= n <= count:
            raise TranslationFailed(f"a line numbered {n}, for {count} sentences")
        if n in found:
            raise TranslationFailed(f"two lines numbered {n}")
        if not text:
            raise TranslationFailed(f"line {n} is empty")
        found[n] = text
    if len(found) != count:
        missing = [n for n in range(1, count + 1) if n not in found]
        raise TranslationFailed(f"{len(found)} lines for {count} sentences (missing {missing[:5]})")
    return [found[n] for n in range(1, count + 1)]


def _batches(lines: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last+1) index ranges of at most BATCH_SENTENCES lines and about BATCH_CHARS."""
    out, start, size = [], 0, 0
    for i, line in enumerate(lines):
        if i > start and (i - start >= BATCH_SENTENCES or size + len(line) > BATCH_CHARS):
            out.append((start, i))
            start, size = i, 0
        size += len(line)
    if start < len(lines):
        out.append((start, len(lines)))
    return out


def _translate_lines(lines: Sequence[str], language: str, config: LLMConfig) -> list[str]:
    system = PROMPT.format(language=_language_name(language))
    out: list[str] = []
    for n, (first, last) in enumerate(_batches(lines), start=1):
        numbered = "\n".join(f"{i}. {line}" for i, line in enumerate(lines[first:last], start=1))
        try:
            out.extend(parse(chat(config, system, numbered), last - first))
        except (LLMError, TranslationFailed) as exc:
            raise TranslationFailed(f"batch {n} (sentences {first + 1}-{last}): {exc}") from exc
    return out


def translate_article(article: Article, config: LLMConfig) -> Translation:
    """The report's translation, sentence by sentence (its title first), or a Translation
    carrying the ``error`` that stopped it. Never raises for the endpoint's failures."""
    sentences = [s for s in split_sentences(article.text) if s.text.strip()]
    title = _one_line(article.title)
    lines = ([title] if title else []) + [_one_line(s.text) for s in sentences]
    try:
        done = _translate_lines(lines, language_of(article), config)
    except TranslationFailed as exc:
        return Translation(TARGET, config.model, error=str(exc))
    translated_title = done.pop(0) if title else None
    return Translation(TARGET, config.model,
                       [TranslatedSentence(s.start, s.end, t) for s, t in zip(sentences, done)],
                       title=translated_title)


def _one_line(text: str) -> str:
    """A sentence on one line (a numbered line must not break)."""
    return _SPACE.sub(" ", text or "").strip()


def _language_name(code: str) -> str:
    try:
        from babel import Locale

        return Locale.parse(code).english_name or code
    except Exception:  # an unknown or odd code: the model is told the code itself
        return f"the language with code {code!r}"


def relocated(translation: Translation, old_text: str, new_text: str) -> Translation:
    """The translation of a report whose text the cleaner shortened since (template lines
    taken out): each sentence found again in order in ``new_text``; one not found is dropped."""
    kept, cursor = [], 0
    for sentence in translation.sentences:
        words = old_text[sentence.start:sentence.end]
        at = new_text.find(words, cursor)
        if at < 0:
            continue
        kept.append(TranslatedSentence(at, at + len(words), sentence.text))
        cursor = at + len(words)
    return replace(translation, sentences=kept)
