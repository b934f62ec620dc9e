"""The one annotation interface: Annotator.

``Annotator(gazetteers=None, *, default=True)`` merges the user's gazetteers (objects or
paths, loaded first so they win alias clashes) with the bundled ones and installed
plugins, compiles them on first use, and finds mentions paragraph by paragraph: each
paragraph goes to every language side whose script it contains, so a mostly English
paragraph quoting Arabic is matched on both sides.

After the gazetteer pass, in-document coreference links a person's bare surname to the
person once their full name has matched in the same article (``how="surname"``).
With ``discover=True`` (off by default), names no gazetteer matched are added by each
language's name finder (:mod:`mediamon.match.discover`, ``how="discovered"``);
gazetteer mentions win where the two overlap, unless the discovered name contains them.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar, cast

from mediamon import lang as languages
from mediamon.errors import Msg, WorkerError
from mediamon.match.block import Blocklist
from mediamon.match.compile import Candidate, CompiledGazetteer, resolve, to_mentions
from mediamon.match.discover import DISCOVERED
from mediamon.match.discover import discover as discover_names
from mediamon.match.gazetteer import Gazetteer
from mediamon.match.outlets import OutletIndex
from mediamon.match.roles import RoleModel
from mediamon.match.support import SupportModel
from mediamon.match.webspans import outside, web_spans
from mediamon.model import FIELDS, Article, Mention

__all__ = ["Annotator", "annotate_all", "chunked", "map_with_annotator", "worker_annotator"]

GazetteerSpec = Gazetteer | str | os.PathLike[str]


class Annotator:
    """Finds entity mentions in articles and texts with bilingual gazetteers."""

    def __init__(
        self,
        gazetteers: GazetteerSpec | Iterable[GazetteerSpec] | None = None,
        *,
        default: bool = True,
        discover: bool = False,
    ):
        if gazetteers is None:
            specs: tuple[GazetteerSpec, ...] = ()
        elif isinstance(gazetteers, Gazetteer | str | os.PathLike):
            specs = (gazetteers,)
        else:
            specs = tuple(gazetteers)
        self._specs = specs
        self.default = default
        #: Whether names no gazetteer lists are proposed too (``how="discovered"``, ids ``new:...``).
        self.discover = discover
        loaded = [g if isinstance(g, Gazetteer) else Gazetteer.load(g) for g in specs]
        if default:
            loaded.append(Gazetteer.default())
        merged = loaded[0].merge(*loaded[1:]) if loaded else Gazetteer(name="empty")
        self.gazetteer = merged

    def __repr__(self) -> str:
        return f"<Annotator {len(self.gazetteer)} entities, default={self.default}, discover={self.discover}>"

    def __getstate__(self) -> dict[str, Any]:
        return {"specs": self._specs, "default": self.default, "discover": self.discover}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["specs"], default=state["default"], discover=state.get("discover", False))  # type: ignore[misc]

    @functools.cached_property
    def compiled(self) -> CompiledGazetteer:
        """The gazetteer compiled into automata (built on first use)."""
        return CompiledGazetteer(self.gazetteer)

    @functools.cached_property
    def outlets(self) -> OutletIndex:
        """The gazetteer's outlets (MEDIA names and domains) and places, for ``meta.source_id``."""
        return OutletIndex(self.gazetteer)

    @functools.cached_property
    def blocked(self) -> Blocklist:
        """Texts entities' ``meta.block_<lang>`` lists never match (match/block.py)."""
        return Blocklist(self.compiled.entities)

    @functools.cached_property
    def support(self) -> SupportModel:
        """The ambiguity model and support stage over the compiled gazetteer (match/support.py)."""
        return SupportModel(self.compiled)

    @functools.cached_property
    def roles(self) -> RoleModel:
        """Which place mentions stand for a sports side (``Mention.role``; match/roles.py)."""
        return RoleModel(self.compiled.entities)

    def _candidates(
        self, texts: dict[str, str], sides: Sequence[str] | None, masks: dict[str, list[tuple[int, int]]]
    ) -> dict[str, list[Candidate]]:
        """Resolved candidates of each field of one article, surnames included, none inside
        the field's web or e-mail addresses (``masks``; match/webspans.py).

        Each field is scanned whole by every side whose script it contains: that is the
        same as routing each paragraph to the sides of its scripts (a side's automaton
        holds only aliases of its script, and no alias or name run crosses a line break),
        without paying the per-call costs once per paragraph. An alias marked ambiguous in
        its entity's meta (a place named like a common word) counts only when the same
        entity is also named unambiguously in the article.
        """
        raw = {field: self.compiled.scan(text, sides=sides) for field, text in texts.items()}
        masked = any(masks.values())
        if masked:  # an address neither names nor supports an entity
            raw = {field: outside(found, masks[field]) for field, found in raw.items()}
        if self.blocked:
            raw = {field: self.blocked.keep(texts[field], found) for field, found in raw.items()}
        found = self._with_surnames(texts, self.support.apply(texts, raw), sides)
        if masked:  # nor holds a surname
            found = {field: outside(cands, masks[field]) for field, cands in found.items()}
        if self.blocked:
            found = {field: self.blocked.keep(texts[field], cands) for field, cands in found.items()}
        return found

    def annotate_text(self, text: str, lang: str | None = None) -> list[Mention]:
        """Mentions in ``text`` (field ``"body"``); ``lang`` restricts matching to one side."""
        sides = None if lang is None else ([lang] if lang in languages.CODES else [languages.FALLBACK])
        masks = {"body": web_spans(text)}
        found = self._candidates({"body": text}, sides, masks)["body"]
        mentions = self.roles.apply(text, to_mentions(found, self.compiled, text, "body"))
        if self.discover:
            found_names = discover_names({"body": text}, {"body": mentions}, sides)["body"]
            mentions = self._sense_checked(text, outside(found_names, masks["body"]))
        return mentions

    def _sense_checked(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` less the discovered places that are a weighty class's ordinary word in a
        text that does not read as news (:meth:`SupportModel.ordinary_word`)."""
        support = self.support
        return [m for m in mentions if m.how != DISCOVERED or not support.ordinary_word(text, m)]

    def annotate(self, article: Article) -> Article:
        """The article with ``mentions`` found in its title and body (replacing any it had), and its
        outlet linked to a MEDIA entity (``meta.source_id``; see :mod:`mediamon.match.outlets`)."""
        texts = {field: getattr(article, field) for field in FIELDS}
        masks = {field: web_spans(text) for field, text in texts.items()}
        found = self._candidates(texts, None, masks)
        mentions: list[Mention] = []
        by_field = {
            field: self.roles.apply(
                texts[field], to_mentions(found[field], self.compiled, texts[field], field)
            )
            for field in FIELDS
        }
        if self.discover:
            found_names = discover_names(texts, by_field, None)
            by_field = {
                field: self._sense_checked(texts[field], outside(found_names[field], masks[field]))
                for field in FIELDS
            }
        for field in FIELDS:
            mentions.extend(by_field[field])
        return self.outlets.link(article.evolve(mentions=tuple(mentions)))

    # -- in-document surname coreference -------------------------------------------
    def _with_surnames(
        self, texts: dict[str, str], found: dict[str, list[Candidate]], sides: Sequence[str] | None
    ) -> dict[str, list[Candidate]]:
        """Add bare-surname mentions of people whose full name matched in the same article,
        and of ``meta.prominent`` people where a cue or the article supports them
        (match/support.py); never right after another person's first name."""
        compiled = self.compiled
        persons = compiled.persons
        owners: dict[str, dict[str, set[int]]] = {}
        alias_of: dict[int, tuple[str, str]] = {}
        for cands in found.values():
            for cand in cands:
                if not persons[cand.entity] or cand.how == "surname":
                    continue
                key = compiled.surname_key(cand.side, cand.alias)
                if key is None:
                    continue
                owners.setdefault(cand.side, {}).setdefault(key, set()).add(cand.entity)
                alias_of.setdefault(cand.entity, (cand.alias, cand.lang))
        supported: frozenset[int] | None = None  # the backed prominent people, asked once when a hit needs it
        out = {}
        for field, text in texts.items():
            extra = []
            for code, keys in owners.items():
                language = languages.get(code)
                if (sides is not None and code not in sides) or not language.owns(text):
                    continue
                for start, end, key in language.surname_spans(text, keys):
                    if len(keys[key]) == 1:
                        entity = next(iter(keys[key]))
                        if self.support.other_first_name(text, start, entity, code):
                            continue  # Seyyed Saeid al-Hakim is not Abdul Aziz al-Hakim
                        alias, lang = alias_of[entity]
                        extra.append(Candidate(start, end, "surname", entity, alias, lang, code))
            for hit in self.support.prominent_hits(text, sides):
                key = self.support.prominent_key(hit.side, hit.entity)
                if key in owners.get(hit.side, {}):
                    continue  # the full-name path above decides
                if supported is None:
                    supported = self.support.prominent_backed(found)
                backed = self.support.prominent_owns(supported, hit.side, key, hit.entity)
                cue = self.support.prominent_cue(
                    text, hit.start, hit.end, hit.side, key, hit.entity, supported=backed
                )
                if cue is None or self.support.other_first_name(text, hit.start, hit.entity, hit.side):
                    continue
                extra.append(hit._replace(how="surname", support=cue))
            out[field] = resolve(found[field] + extra, len(text), compiled.engine) if extra else found[field]
        return out


_WORKER: Annotator | None = None

_T = TypeVar("_T")
_NONE = object()  # no first item
_R = TypeVar("_R")


def _warm(annotator: Annotator) -> None:
    """Build the annotator's tables now rather than on its first article."""
    annotator.compiled, annotator.outlets, annotator.support, annotator.roles  # noqa: B018 - built on first use


def _init_worker(annotator: Annotator) -> None:
    """Keep the worker's annotator and build its tables now, before the first task arrives."""
    global _WORKER  # noqa: PLW0603 - one annotator per worker process, built once
    _WORKER = annotator
    _warm(annotator)


def _started() -> None:
    """A task that does nothing: submitted first, it starts the workers (see map_with_annotator)."""


def worker_annotator() -> Annotator:
    """The annotator of this worker process (see :func:`map_with_annotator`)."""
    assert _WORKER is not None, "not in a worker of map_with_annotator"
    return _WORKER


def map_with_annotator(
    func: Callable[[_T], _R], items: Iterable[_T], annotator: Annotator, *, jobs: int
) -> Iterator[_R]:
    """``func`` over ``items`` in ``jobs`` worker processes that each hold ``annotator``; results in order.

    The first item is done here, before the workers start: whatever it builds on first use
    (the annotator's tables and word lists, the readers' and language ID's tables, numpy)
    is built once, and forked workers inherit it (copy-on-write) instead of each building
    its own. Workers started otherwise receive the annotator's gazetteer specification and
    build its tables as soon as the pool starts (:func:`worker_annotator` gives the
    annotator to ``func``). At most ``2 * jobs`` items are in flight, so a stream larger
    than memory stays bounded. A worker that dies fails the run with an error rather than
    leaving the output short.
    """
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor  # the pool's modules: only with --jobs
    from concurrent.futures.process import BrokenProcessPool

    global _WORKER  # noqa: PLW0603 - this process's annotator while it does the first item
    pending: deque[Future[_R]] = deque()
    stream = iter(items)
    first = next(stream, _NONE)
    if first is _NONE:
        return
    if multiprocessing.get_start_method() == "fork":
        _warm(annotator)
    kept, _WORKER = _WORKER, annotator
    try:
        done = func(cast(_T, first))
    finally:
        _WORKER = kept
    yield done
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(annotator,))
    try:
        pool.submit(_started)
        for item in stream:
            pending.append(pool.submit(func, item))
            while len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool as exc:
        raise WorkerError(Msg.WORKER_DIED.format(detail=exc)) from exc
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _annotate_chunk(articles: list[Article]) -> list[Article]:
    annotator = worker_annotator()
    return [annotator.annotate(a) for a in articles]


def chunked(articles: Iterable[Article], size: int, characters: int | None = None) -> Iterator[list[Article]]:
    """``articles`` in lists of at most ``size``, a list also ending once its articles hold
    ``characters`` of text (title and body) or more; the order kept."""
    chunk: list[Article] = []
    held = 0
    for article in articles:
        chunk.append(article)
        held += len(article.title) + len(article.body)
        if len(chunk) >= size or (characters is not None and held >= characters):
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def annotate_all(
    articles: Iterable[Article], annotator: Annotator, *, jobs: int = 1, chunk: int = 64
) -> Iterator[Article]:
    """Annotate articles lazily, in order; ``jobs > 1`` annotates chunks in worker processes.

    The result is identical to ``jobs=1`` (see :func:`map_with_annotator`).
    """
    if jobs <= 1:
        for article in articles:
            yield annotator.annotate(article)
        return
    for done in map_with_annotator(_annotate_chunk, chunked(articles, chunk), annotator, jobs=jobs):
        yield from done
