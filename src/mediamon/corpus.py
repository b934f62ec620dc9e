"""Corpus: an ordered, immutable collection of Articles with what the reader set aside."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

import attrs

from mediamon.errors import Msg, Problem, RecordError
from mediamon.model import Article, Dropped

if TYPE_CHECKING:
    from mediamon.annotate import Annotator

__all__ = ["Corpus"]

_TOKEN = re.compile(r"[^\W_]+")


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _articles(value: Iterable[Article]) -> tuple[Article, ...]:
    return tuple(value)


def _dropped(value: Iterable[Dropped]) -> tuple[Dropped, ...]:
    return tuple(value)


def _problems(value: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(value)


@attrs.frozen
class Corpus(Sequence[Article]):
    """Articles in input order, plus ``dropped`` lines and input ``problems``.

    Operations return new corpora; nothing is modified in place.
    """

    articles: tuple[Article, ...] = attrs.field(default=(), converter=_articles)
    dropped: tuple[Dropped, ...] = attrs.field(default=(), converter=_dropped)
    problems: tuple[Problem, ...] = attrs.field(default=(), converter=_problems)

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    @overload
    def __getitem__(self, index: int) -> Article: ...
    @overload
    def __getitem__(self, index: slice) -> Corpus: ...
    def __getitem__(self, index: int | slice) -> Article | Corpus:
        if isinstance(index, slice):
            return attrs.evolve(self, articles=self.articles[index])
        return self.articles[index]

    def __add__(self, other: Corpus) -> Corpus:
        return Corpus(
            self.articles + other.articles,
            self.dropped + other.dropped,
            self.problems + other.problems,
        )

    def filter(
        self,
        predicate: Callable[[Article], bool] | None = None,
        *,
        lang: str | Iterable[str] | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        source: str | Iterable[str] | None = None,
        entity: str | Iterable[str] | None = None,
        type: str | Iterable[str] | None = None,
    ) -> Corpus:
        """Articles matching every given condition (dates inclusive; undated articles fail date filters)."""
        langs = {lang} if isinstance(lang, str) else set(lang) if lang is not None else None
        sources = {source} if isinstance(source, str) else set(source) if source is not None else None
        entities = {entity} if isinstance(entity, str) else set(entity) if entity is not None else None
        types = {type} if isinstance(type, str) else set(type) if type is not None else None
        start, end = _as_date(since), _as_date(until)

        def keep(a: Article) -> bool:
            if langs is not None and a.lang not in langs:
                return False
            if sources is not None and a.source not in sources:
                return False
            if start is not None and (a.date is None or a.date < start):
                return False
            if end is not None and (a.date is None or a.date > end):
                return False
            if entities is not None and not any(m.entity_id in entities for m in a.mentions):
                return False
            if types is not None and not any(m.entity_type in types for m in a.mentions):
                return False
            return predicate is None or predicate(a)

        return attrs.evolve(self, articles=tuple(a for a in self.articles if keep(a)))

    def dedupe(self, *, threshold: float = 0.8, shingle: int = 5) -> Corpus:
        """Drop exact and near duplicates, keeping the first; the kept article lists the rest.

        Duplicates: the same id, the same normalised title and date, or bodies whose word
        ``shingle``-grams overlap with Jaccard similarity >= ``threshold``. Candidates are
        found through a bottom-k sketch, so the cost stays near-linear. The kept article's
        ``meta["duplicates"]`` lists the ids it absorbed.
        """
        kept: list[Article] = []
        absorbed: dict[int, list[str]] = {}
        by_id: dict[str, int] = {}
        by_title: dict[tuple[str, dt.date | None], int] = {}
        sketch_index: dict[int, list[int]] = {}
        shingles: list[frozenset[int]] = []
        for article in self.articles:
            tokens = _TOKEN.findall(article.body.casefold())
            grams = (
                frozenset(
                    zlib.crc32(" ".join(tokens[i : i + shingle]).encode("utf-8", "surrogatepass"))
                    for i in range(max(1, len(tokens) - shingle + 1))
                )
                if tokens
                else frozenset()
            )
            title_key = (" ".join(_TOKEN.findall(article.title.casefold())), article.date)
            match = by_id.get(article.id)
            if match is None and title_key[0]:
                match = by_title.get(title_key)
            if match is None and grams:
                sketch = sorted(grams)[:16]
                candidates = sorted({c for h in sketch for c in sketch_index.get(h, ())})
                for c in candidates:
                    other = shingles[c]
                    if len(grams & other) / len(grams | other) >= threshold:
                        match = c
                        break
            if match is not None:
                absorbed.setdefault(match, []).append(article.id)
                continue
            index = len(kept)
            kept.append(article)
            shingles.append(grams)
            by_id.setdefault(article.id, index)
            if title_key[0]:
                by_title.setdefault(title_key, index)
            for h in sorted(grams)[:16]:
                sketch_index.setdefault(h, []).append(index)
        out = [
            a.evolve(meta={**a.meta, "duplicates": [*a.meta.get("duplicates", ()), *absorbed[i]]})
            if i in absorbed
            else a
            for i, a in enumerate(kept)
        ]
        return attrs.evolve(self, articles=tuple(out))

    def annotate(self, annotator: Annotator | None = None, *, jobs: int = 1) -> Corpus:
        """A new Corpus with every article's mentions found (order kept, deterministic)."""
        from mediamon.annotate import Annotator, annotate_all

        return attrs.evolve(
            self, articles=tuple(annotate_all(self.articles, annotator or Annotator(), jobs=jobs))
        )

    def entity_counts(self, *, by: str | None = None) -> Counter[Any]:
        """Mentions per entity id; ``by="lang"|"source"|"type"`` counts (entity_id, value) pairs."""
        counts: Counter[Any] = Counter()
        for article in self.articles:
            for m in article.mentions:
                if by is None:
                    counts[m.entity_id] += 1
                elif by == "lang":
                    counts[(m.entity_id, m.lang)] += 1
                elif by == "source":
                    counts[(m.entity_id, article.source)] += 1
                elif by == "type":
                    counts[(m.entity_id, m.entity_type)] += 1
                else:
                    raise ValueError(f"by must be None, 'lang', 'source' or 'type', not {by!r}")
        return counts

    def write(self, path: str | os.PathLike[str] | None = None) -> int:
        """Write the articles to ``path`` (format by suffix, atomically; stdout for ``-``/None)."""
        from mediamon.output import write_articles

        return write_articles(self.articles, path)

    def to_jsonl(self, path: str | os.PathLike[str]) -> int:
        """Write the articles as JSON Lines (the contract's output schema), atomically."""
        from mediamon.atomic import atomic_write
        from mediamon.output import write_stream

        with atomic_write(path) as handle:
            return write_stream(self.articles, handle, "jsonl")

    @classmethod
    def from_jsonl(cls, path: str | os.PathLike[str]) -> Corpus:
        """Read back what :meth:`to_jsonl` wrote; a malformed line raises RecordError with its line."""
        name = os.fspath(path)
        articles = []
        with open(name, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    articles.append(Article.from_dict(json.loads(line)))
                except json.JSONDecodeError as exc:
                    raise RecordError(Msg.BAD_JSON.format(detail=exc.msg), path=name, line=number) from exc
                except (KeyError, TypeError, ValueError) as exc:
                    raise RecordError(
                        Msg.BAD_FIELD.format(field=str(exc.args[0]) if exc.args else "?", detail="invalid"),
                        path=name,
                        line=number,
                    ) from exc
        return cls(tuple(articles))
