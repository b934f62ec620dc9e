"""The one annotation interface: Annotator.

``Annotator(gazetteers=None, *, default=True)`` merges the user's gazetteers (objects or
paths, loaded first so they win alias clashes) with the bundled ones and installed
plugins, compiles them on first use, and finds mentions paragraph by paragraph: each
paragraph goes to every language side whose script it contains, so a mostly English
paragraph quoting Arabic is matched on both sides.

After the gazetteer pass, in-document coreference links a person's bare surname to the
person once their full name has matched in the same article (``how="surname"``).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from mediamon import lang as languages
from mediamon.gazetteer import Gazetteer
from mediamon.matcher import (
    CAP_WORD,
    PARTICLE_BEFORE,
    POSSESSIVE,
    Candidate,
    CompiledGazetteer,
    resolve,
    to_mentions,
    word_keys,
)
from mediamon.model import FIELDS, Article, Mention

__all__ = ["Annotator", "annotate_all"]

GazetteerSpec = Gazetteer | str | os.PathLike[str]
_ARABIC_WORD = re.compile(r"[^\W\d_]+")
MIN_SURNAME = 4
MAX_CLITIC = 4


class Annotator:
    """Finds entity mentions in articles and texts with bilingual gazetteers."""

    def __init__(
        self,
        gazetteers: GazetteerSpec | Iterable[GazetteerSpec] | None = None,
        *,
        default: bool = True,
    ):
        if gazetteers is None:
            specs: tuple[GazetteerSpec, ...] = ()
        elif isinstance(gazetteers, Gazetteer | str | os.PathLike):
            specs = (gazetteers,)
        else:
            specs = tuple(gazetteers)
        self._specs = specs
        self.default = default
        loaded = [g if isinstance(g, Gazetteer) else Gazetteer.load(g) for g in specs]
        if default:
            loaded.append(Gazetteer.default())
        merged = loaded[0].merge(*loaded[1:]) if loaded else Gazetteer(name="empty")
        self.gazetteer = merged

    def __repr__(self) -> str:
        return f"<Annotator {len(self.gazetteer)} entities, default={self.default}>"

    def __getstate__(self) -> dict[str, Any]:
        return {"specs": self._specs, "default": self.default}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["specs"], default=state["default"])  # type: ignore[misc]

    @functools.cached_property
    def compiled(self) -> CompiledGazetteer:
        """The gazetteer compiled into automata (built on first use)."""
        return CompiledGazetteer(self.gazetteer)

    def _field_candidates(self, text: str, sides: Sequence[str] | None) -> list[Candidate]:
        """Resolved candidates of one field.

        The field is scanned whole by every side whose script it contains: that is the
        same as routing each paragraph to the sides of its scripts (a side's automaton
        only holds aliases of its script, and no alias or name run crosses a line break),
        without paying the per-call costs once per paragraph.
        """
        return resolve(self.compiled.scan(text, sides=sides), len(text))

    def annotate_text(self, text: str, lang: str | None = None) -> list[Mention]:
        """Mentions in ``text`` (field ``"body"``); ``lang`` restricts matching to one side."""
        sides = None if lang is None else ([lang] if lang in languages.CODES else ["en"])
        found = self._field_candidates(text, sides)
        found = self._with_surnames({"body": text}, {"body": found})["body"]
        return to_mentions(found, self.compiled, text, "body")

    def annotate(self, article: Article) -> Article:
        """The article with ``mentions`` found in its title and body (replacing any it had)."""
        texts = {field: getattr(article, field) for field in FIELDS}
        found = {field: self._field_candidates(texts[field], None) for field in FIELDS}
        found = self._with_surnames(texts, found)
        mentions: list[Mention] = []
        for field in FIELDS:
            mentions.extend(to_mentions(found[field], self.compiled, texts[field], field))
        return article.evolve(mentions=tuple(mentions))

    # -- in-document surname coreference -------------------------------------------
    def _with_surnames(
        self, texts: dict[str, str], found: dict[str, list[Candidate]]
    ) -> dict[str, list[Candidate]]:
        compiled = self.compiled
        latin: dict[str, set[int]] = {}
        arabic: dict[str, set[int]] = {}
        alias_of: dict[int, tuple[str, str]] = {}
        ar_lang = languages.get("ar")
        for cands in found.values():
            for cand in cands:
                entity = compiled.entities[cand.entity]
                if entity.type != "PER" or cand.how == "surname":
                    continue
                words = cand.alias.replace("-", " ").split()
                if len(words) < 2:
                    continue
                alias_of.setdefault(cand.entity, (cand.alias, cand.lang))
                if ar_lang.owns(cand.alias):
                    surname = ar_lang.normalizer.normalize(words[-1])
                    if len(surname) >= MIN_SURNAME:
                        arabic.setdefault(surname, set()).add(cand.entity)
                else:
                    keys = word_keys(words[-1])
                    if keys and len(keys[-1]) >= MIN_SURNAME - 1:
                        latin.setdefault(keys[-1], set()).add(cand.entity)
        if not latin and not arabic:
            return found
        out = {}
        for field, text in texts.items():
            extra = list(self._latin_surnames(text, latin)) + list(self._arabic_surnames(text, arabic))
            if not extra:
                out[field] = found[field]
                continue
            merged = found[field] + [
                Candidate(s, e, "surname", entity, alias_of[entity][0], alias_of[entity][1])
                for s, e, entity in extra
            ]
            out[field] = resolve(merged, len(text))
        return out

    @staticmethod
    def _latin_surnames(text: str, surnames: dict[str, set[int]]) -> Iterator[tuple[int, int, int]]:
        if not surnames:
            return
        for match in CAP_WORD.finditer(text):
            keys = word_keys(match.group())
            if len(keys) != 1:
                continue
            owners = surnames.get(keys[0])
            if owners is None or len(owners) != 1:
                continue
            start, end = match.span()
            if POSSESSIVE.search(match.group()):
                end -= 2
            particle = PARTICLE_BEFORE.search(text, max(0, start - 3), start)
            yield (particle.start() if particle else start), end, next(iter(owners))

    @staticmethod
    def _arabic_surnames(text: str, surnames: dict[str, set[int]]) -> Iterator[tuple[int, int, int]]:
        if not surnames:
            return
        side = languages.get("ar")
        if not side.owns(text):
            return
        normalized = side.normalizer.normalize_with_map(text)
        for match in _ARABIC_WORD.finditer(normalized.text):
            word = match.group()
            for cut in range(min(MAX_CLITIC, len(word) - MIN_SURNAME) + 1):
                prefix, rest = word[:cut], word[cut:]
                if rest in surnames:
                    kind = "article" if rest.startswith("ال") else "bare"
                elif cut and rest.startswith("ل") and "ا" + rest in surnames:
                    kind, rest = "lam", "ا" + rest
                else:
                    continue
                owners = surnames[rest]
                if (not cut or side.prefix_ok(prefix, kind)) and len(owners) == 1:
                    start, end = normalized.span(match.start() + cut, match.end())
                    yield start, end, next(iter(owners))
                break


_WORKER: Annotator | None = None


def _init_worker(annotator: Annotator) -> None:
    global _WORKER  # noqa: PLW0603 - one annotator per worker process, built once
    _WORKER = annotator


def _annotate_chunk(articles: list[Article]) -> list[Article]:
    assert _WORKER is not None
    return [_WORKER.annotate(a) for a in articles]


def annotate_all(
    articles: Iterable[Article], annotator: Annotator, *, jobs: int = 1, chunk: int = 64
) -> Iterator[Article]:
    """Annotate articles in order; ``jobs > 1`` uses worker processes that each build the annotator once."""
    if jobs <= 1:
        for article in articles:
            yield annotator.annotate(article)
        return
    batch: list[list[Article]] = []
    current: list[Article] = []
    for article in articles:
        current.append(article)
        if len(current) >= chunk:
            batch.append(current)
            current = []
    if current:
        batch.append(current)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(annotator,)) as pool:
        for result in pool.map(_annotate_chunk, batch):
            yield from result
