"""Corpus: an ordered, immutable collection of Articles with what the reader set aside."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

import attrs

from mediamon.errors import Msg, Problem, RecordError
from mediamon.model import Article, Dropped
from mediamon.text.dates import as_date

if TYPE_CHECKING:
    from mediamon.analytics import EntityTable, Pair, Timeline
    from mediamon.match.annotate import Annotator
    from mediamon.match.candidates import NameCandidate
    from mediamon.match.gazetteer import Gazetteer

__all__ = ["Corpus"]

_TOKEN = re.compile(r"[^\W_]+")


def _choices(value: str | Iterable[str] | None, fold: bool = False) -> set[str] | None:
    """A filter's accepted values as a set (one string or several), case-folded when asked."""
    if value is None:
        return None
    values = {value} if isinstance(value, str) else set(value)
    return {v.strip().casefold() for v in values} if fold else values


_TATWEEL = str.maketrans(dict.fromkeys("\u0640", ""))


def _words(text: str) -> list[str]:
    """Words for comparing texts: case-folded, diacritics and tatweel removed (NFKD, marks dropped)."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c for c in folded if not unicodedata.combining(c)).translate(_TATWEEL)
    return _TOKEN.findall(kept)


def _articles(value: Iterable[Article]) -> tuple[Article, ...]:
    return tuple(value)


def _dropped(value: Iterable[Dropped]) -> tuple[Dropped, ...]:
    return tuple(value)


def _problems(value: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(value)


_SKETCH = 16
#: Kept articles a sketch hash lists as candidates, at most. A hash that more distinct
#: articles share is boilerplate of their site (a disclaimer in every body), not evidence of
#: a duplicate: listing every article under it made each new one a candidate of all the
#: others (quadratic: 4,000 articles sharing most of their words took 186 s). A near
#: duplicate still meets its original through the hashes they alone share.
_POSTING_CAP = 64
_MIN_SHINGLES = 3  # bodies shorter than this many shingle lengths are not compared by overlap


def _shingles(tokens: Sequence[str], size: int) -> frozenset[int]:
    """Hashes of the word ``size``-grams of a text (one gram for a text shorter than that)."""
    if not tokens:
        return frozenset()
    return frozenset(
        zlib.crc32(" ".join(tokens[i : i + size]).encode("utf-8", "surrogatepass"))
        for i in range(max(1, len(tokens) - size + 1))
    )


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
        """Articles matching every given condition, in order.

        ``lang``, ``source``, ``entity`` and ``type`` take one value or several (any of
        them matches); ``source`` compares case-insensitively. ``since``/``until`` are
        inclusive dates (``date``, ``datetime`` or ISO text); undated articles fail them.
        ``entity``/``type`` keep articles with at least one such mention. ``dropped`` and
        ``problems`` are kept as they are.
        """
        langs = _choices(lang, fold=True)
        sources = _choices(source, fold=True)
        entities = _choices(entity)
        types = _choices(type)
        start, end = as_date(since, "since"), as_date(until, "until")

        def keep(a: Article) -> bool:
            if langs is not None and a.lang.casefold() not in langs:
                return False
            if sources is not None and (a.source or "").strip().casefold() not in sources:
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

        Duplicates: the same id; the same title and body (compared case-folded, without
        diacritics or tatweel); the same title and the same date; or bodies whose word
        ``shingle``-grams overlap with Jaccard similarity >= ``threshold`` (bodies of at
        least ``3 * shingle`` words; shorter ones say too little). Candidates for the last
        test are found through a bottom-k sketch, each of its hashes naming at most 64
        earlier articles (a hash more share is site boilerplate), so the cost stays linear.
        The kept article's ``meta["duplicates"]`` lists the ids it absorbed (and those its
        duplicates had absorbed before), in input order.
        """
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {threshold!r}")
        if shingle < 1:
            raise ValueError(f"shingle must be at least 1, not {shingle!r}")
        kept: list[Article] = []
        absorbed: dict[int, list[str]] = {}
        by_id: dict[str, int] = {}
        by_content: dict[tuple[str, str], int] = {}
        by_title: dict[tuple[str, dt.date], int] = {}
        sketch_index: dict[int, list[int]] = {}
        shingles: list[frozenset[int]] = []
        for article in self.articles:
            tokens = _words(article.body)
            # Short bodies ("Watch the video") say too little to call two articles the same.
            grams = _shingles(tokens, shingle) if len(tokens) >= _MIN_SHINGLES * shingle else frozenset()
            title = " ".join(_words(article.title))
            content = (title, " ".join(tokens))
            match = by_id.get(article.id)
            if match is None and (title or tokens):
                match = by_content.get(content)
            if match is None and title and article.date is not None:
                match = by_title.get((title, article.date))
            sketch = sorted(grams)[:_SKETCH]
            if match is None and grams:
                for c in sorted({c for h in sketch for c in sketch_index.get(h, ())}):
                    other = shingles[c]
                    shared = len(grams & other)  # |A ∪ B| = |A| + |B| - |A ∩ B|, no union built
                    if shared >= threshold * (len(grams) + len(other) - shared):
                        match = c
                        break
            if match is not None:
                absorbed.setdefault(match, []).extend([article.id, *article.meta.get("duplicates", ())])
                continue
            index = len(kept)
            kept.append(article)
            shingles.append(grams)
            by_id.setdefault(article.id, index)
            if title or tokens:
                by_content.setdefault(content, index)
            if title and article.date is not None:
                by_title.setdefault((title, article.date), index)
            for h in sketch:
                posting = sketch_index.setdefault(h, [])
                if len(posting) < _POSTING_CAP:
                    posting.append(index)
        out = [
            a.evolve(meta={**a.meta, "duplicates": [*a.meta.get("duplicates", ()), *absorbed[i]]})
            if i in absorbed
            else a
            for i, a in enumerate(kept)
        ]
        return attrs.evolve(self, articles=tuple(out))

    def annotate(
        self, annotator: Annotator | None = None, *, jobs: int = 1, progress: bool = False
    ) -> Corpus:
        """A new Corpus with every article's mentions found (order kept, deterministic).

        ``jobs > 1`` annotates in worker processes; ``progress`` shows a bar on stderr.
        """
        import sys

        from tqdm import tqdm

        from mediamon.match.annotate import Annotator, annotate_all

        done = annotate_all(self.articles, annotator or Annotator(), jobs=jobs)
        bar = tqdm(
            done, total=len(self), desc="annotating", unit="article", disable=not progress, file=sys.stderr
        )
        return attrs.evolve(self, articles=tuple(bar))

    def candidates(
        self, annotator: Annotator | None = None, *, top: int | None = None
    ) -> list[NameCandidate]:
        """Discovered names for review, most articles and outlets first (:mod:`mediamon.match.candidates`).

        The corpus's own discovered mentions are used when it has any; otherwise (or when
        ``annotator`` is given) it is annotated first, with ``Annotator(discover=True)`` by
        default. Likely existing entities are looked for in the annotator's gazetteers.
        """
        from mediamon.match.annotate import Annotator
        from mediamon.match.candidates import candidates

        articles: Sequence[Article] = self.articles
        if annotator is None and not any(m.how == "discovered" for a in articles for m in a.mentions):
            annotator = Annotator(discover=True)
        if annotator is not None:
            articles = self.annotate(annotator).articles
        found = candidates(articles, annotator.gazetteer if annotator is not None else None)
        return found[:top] if top is not None else found

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

    def stats(self, top: int = 20) -> dict[str, Any]:
        """Articles, mentions, date range, languages, outlets and the ``top`` entities (``mediamon stats``).

        See :func:`mediamon.analytics.summary`.
        """
        from mediamon.analytics import summary

        return summary(self.articles, top)

    def entity_table(self, *, type: str | Iterable[str] | None = None, top: int | None = None) -> EntityTable:
        """A row per entity: id, type, name, mentions, articles, per-language and per-outlet counts.

        Most-mentioned first; see :func:`mediamon.analytics.entity_table`.
        """
        from mediamon.analytics import entity_table

        return entity_table(self.articles, type=type, top=top)

    def timeline(
        self, entity_id: str | Iterable[str] | None = None, freq: str = "D", *, unit: str = "mentions"
    ) -> Timeline:
        """Mentions per day (``"D"``), ISO week from Monday (``"W"``) or month (``"M"``), gaps as zeros.

        ``entity_id`` counts one entity (or several); undated articles' counts are in
        ``undated``. ``unit="articles"`` counts articles instead of mentions.
        """
        from mediamon.analytics import timeline

        return timeline(self.articles, entity_id, freq, unit=unit)

    def cooccurrence(self, min_count: int = 1) -> list[Pair]:
        """Entity pairs mentioned in the same article (once per article), most frequent first."""
        from mediamon.analytics import cooccurrence

        return cooccurrence(self.articles, min_count)

    def to_pandas(self) -> tuple[Any, Any]:
        """(articles DataFrame, mentions DataFrame); needs the ``[pandas]`` extra."""
        from mediamon.analytics import to_pandas

        return to_pandas(self.articles)

    def to_arrow(self) -> tuple[Any, Any]:
        """(articles, mentions) as pyarrow Tables; needs the ``[arrow]`` extra."""
        from mediamon.analytics import to_arrow

        return to_arrow(self.articles)

    def to_parquet(self, folder: str | os.PathLike[str]) -> tuple[Any, Any]:
        """Write ``articles.parquet`` and ``mentions.parquet`` in ``folder``; return their paths."""
        from mediamon.analytics import write_parquet

        return write_parquet(self.articles, folder)

    def to_polars(self) -> tuple[Any, Any]:
        """(articles, mentions) as polars DataFrames, where polars is installed."""
        from mediamon.analytics import to_polars

        return to_polars(self.articles)

    def to_spacy(self, nlp: Any = None) -> Iterator[Any]:
        """A spaCy Doc per article with its mentions on it (``doc.spans["mediamon"]``, ``doc.ents``);
        ``nlp``: a pipeline, a mapping language -> pipeline, or None for blank ones by language.
        Needs the ``[spacy]`` extra; see :func:`mediamon.interop.spacy_pipe.to_docs`."""
        from mediamon.interop.spacy_pipe import to_docs

        return to_docs(self.articles, nlp)

    def to_docbin(self, path: str | os.PathLike[str], nlp: Any = None) -> int:
        """Write the :meth:`to_spacy` Docs as a spaCy DocBin (``.spacy``) atomically; return how many."""
        from mediamon.interop.spacy_pipe import write_docbin

        return write_docbin(self.articles, path, nlp)

    def to_csv(self, path: str | os.PathLike[str]) -> int:
        """Write the *mentions* as CSV, one row each with its article's id, date, source and language.

        Written atomically; returns the number of rows. (``write("x.csv")`` writes articles.)
        """
        from mediamon.analytics import write_mentions_csv

        return write_mentions_csv(self.articles, path)

    def to_sqlite(
        self, path: str | os.PathLike[str], *, append: bool = False, gazetteer: Gazetteer | None = None
    ) -> int:
        """Write the articles to an SQLite store (see :class:`mediamon.Store`); return how many.

        By default ``path`` is replaced atomically by a store of exactly these articles;
        ``append=True`` adds them to an existing store instead (upserting by id). The
        ``gazetteer`` that annotated them lends its aliases to entity search.
        """
        from mediamon.store import write_store

        return write_store(self.articles, path, gazetteer=gazetteer, replace=not append)

    @classmethod
    def from_sqlite(cls, path: str | os.PathLike[str]) -> Corpus:
        """Every article of a store, in the order first added, exactly as written; what a damaged
        row held that could not be read is in ``problems`` (one a row, the article still read)."""
        from mediamon.store import read_store

        found: list[Problem] = []
        return cls(read_store(path, on_problem=found.append), problems=found)

    def write(self, path: str | os.PathLike[str] | None = None) -> int:
        """Write the articles to ``path`` (format by suffix, atomically; stdout for ``-``/None)."""
        from mediamon.io.output import write_articles

        return write_articles(self.articles, path)

    def to_jsonl(self, path: str | os.PathLike[str]) -> int:
        """Write the articles as JSON Lines (the contract's output schema), atomically; ``-`` is stdout.

        The format is JSON Lines whatever the suffix, compressed for ``.gz``/``.bz2``/``.xz``.
        Returns how many articles were written.
        """
        from mediamon.io.output import write_articles

        return write_articles(self.articles, path, format="jsonl")

    @classmethod
    def from_jsonl(cls, path: str | os.PathLike[str]) -> Corpus:
        """Read back what :meth:`to_jsonl` wrote, exactly (compressed too).

        Strict, unlike :func:`mediamon.read`: a malformed line raises RecordError naming
        the file and line. Use ``read()`` to read other JSON Lines files leniently.
        """
        name = os.fspath(path)
        articles: list[Article] = []
        from mediamon.io.compression import open_read

        with open_read(name) as handle:
            for number, raw in enumerate(handle, start=1):
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    reason = Msg.UNREADABLE.format(detail=f"not UTF-8 text (column {exc.start + 1})")
                    raise RecordError(reason, path=name, line=number) from exc
                cls._read_line(articles, line, name, number)
        return cls(tuple(articles))

    @staticmethod
    def _read_line(articles: list[Article], line: str, name: str, number: int) -> None:
        """Append the article on one line of JSON Lines (nothing for a blank line)."""
        if not line.strip():
            return
        try:
            articles.append(Article.from_dict(json.loads(line)))
        except json.JSONDecodeError as exc:
            detail = f"{exc.msg} (column {exc.colno})"
            raise RecordError(Msg.BAD_JSON.format(detail=detail), path=name, line=number) from exc
        except KeyError as exc:
            detail = f"missing {exc.args[0]!r}"
            raise RecordError(Msg.BAD_ARTICLE.format(detail=detail), path=name, line=number) from exc
        except (TypeError, ValueError, RecursionError) as exc:
            raise RecordError(Msg.BAD_ARTICLE.format(detail=exc), path=name, line=number) from exc

    def _repr_html_(self) -> str:
        """A compact table of the first articles, for notebooks (everything escaped)."""
        from mediamon.interop.notebook import corpus_html

        return corpus_html(self)

    def __repr__(self) -> str:
        counts = f"{len(self.articles)} articles, {len(self.dropped)} dropped, {len(self.problems)} problems"
        return f"<Corpus: {counts}>"
