"""Annotation on a dask cluster (``pip install "mediamon[dask]"``).

``read_bag`` reads files into a ``dask.bag`` of Articles (one partition per file),
``annotate_bag`` maps a bag of records or Articles through one Annotator per worker
process, and ``to_dataframe`` turns annotated output into a dask DataFrame of mentions.
Only gazetteer *specifications* travel to the workers (file paths, or Gazetteer objects
as data); each worker process builds and compiles its Annotator once and keeps it in a
module-level cache keyed by that specification. ``annotate_partition`` is the plain
function underneath, for other engines (Spark's ``mapPartitions``).
"""

from __future__ import annotations

import glob
import importlib
import os
import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from mediamon.analytics import MENTION_COLUMNS, mention_rows
from mediamon.errors import InputError, Msg
from mediamon.model import Article

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe

    from mediamon.match.annotate import Annotator, GazetteerSpec

__all__ = ["MENTION_COLUMNS", "annotate_bag", "annotate_partition", "read_bag", "to_dataframe"]

#: Columns of :func:`to_dataframe`: the article's id, date, source and language, then the Mention fields.
_RECORDS_LABEL = "<records>"

#: One Annotator per worker process, keyed by its gazetteer specification.
_ANNOTATORS: dict[tuple[tuple[str | bytes, ...], bool], Annotator] = {}


def _spec(gazetteers: GazetteerSpec | Iterable[GazetteerSpec] | None) -> tuple[Any, ...]:
    """Gazetteer specs as they travel to workers: absolute paths, Gazetteer objects as they are."""
    from mediamon.match.gazetteer import Gazetteer

    if gazetteers is None:
        return ()
    if isinstance(gazetteers, Gazetteer | str | os.PathLike):
        gazetteers = [gazetteers]
    return tuple(g if isinstance(g, Gazetteer) else os.path.abspath(os.fspath(g)) for g in gazetteers)


def _gazetteer_key(gazetteer: Any) -> str:
    """A content key for a Gazetteer shipped to a worker (the same data gives the same key)."""
    import hashlib
    import json

    digest = hashlib.blake2b(digest_size=16)
    for entity in gazetteer:
        digest.update(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def _annotator(specs: Sequence[Any], default: bool) -> Annotator:
    """This process's Annotator for ``specs``, built (and compiled) on first use."""
    key = (tuple(s if isinstance(s, str) else _gazetteer_key(s) for s in specs), default)
    annotator = _ANNOTATORS.get(key)
    if annotator is None:
        from mediamon.match.annotate import Annotator

        annotator = _ANNOTATORS[key] = Annotator(list(specs), default=default)
    return annotator


def _as_article(item: Article | Mapping[str, Any], index: int) -> Article:
    if isinstance(item, Article):
        return item
    from mediamon.io.records import record_to_article

    article = record_to_article(item, path=_RECORDS_LABEL, line=index)
    # A position inside a partition says nothing about where the record came from.
    return article if item.get("origin") else article.evolve(origin=None)


def annotate_partition(
    items: Iterable[Article | Mapping[str, Any]],
    gazetteers: Sequence[Any] = (),
    default: bool = True,
) -> list[dict[str, Any]]:
    """Annotate one partition: records (dicts) or Articles in, the contract's output dicts out.

    ``gazetteers`` are specifications (paths each worker can read, or Gazetteer objects);
    the Annotator is built once per process and reused. A record that cannot become an
    article raises RecordError naming its position in the partition.
    """
    annotator = _annotator(gazetteers, default)
    return [annotator.annotate(_as_article(item, i)).to_dict() for i, item in enumerate(items, start=1)]


def annotate_bag(
    bag: dask.bag.Bag,
    gazetteers: GazetteerSpec | Iterable[GazetteerSpec] | None = None,
    default: bool = True,
) -> dask.bag.Bag:
    """A bag of the contract's output dicts: ``bag`` (records or Articles) annotated by partition."""
    source: Any = bag  # dask's methods are untyped
    annotated: dask.bag.Bag = source.map_partitions(annotate_partition, _spec(gazetteers), default)
    return annotated


def _expand(glob_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files named by a glob pattern, paths or directories (recursively, sorted)."""
    from mediamon.errors import Problem
    from mediamon.io.inputs import iter_inputs

    if isinstance(glob_or_paths, str | os.PathLike):
        glob_or_paths = [glob_or_paths]
    names: list[str] = []
    for raw in glob_or_paths:
        name = os.fspath(raw)
        matched = sorted(glob.glob(name, recursive=True)) if glob.has_magic(name) else [name]
        if not matched:
            raise InputError(Msg.NOT_FOUND, path=name)
        for item in iter_inputs(matched):
            if isinstance(item, Problem):
                warnings.warn(str(item), stacklevel=3)
            else:
                names.append(os.path.abspath(item))
    return names


def _read_partition(names: Sequence[str], encoding: str | None, day_first: bool) -> list[Article]:
    from mediamon.io.inputs import read_file

    articles: list[Article] = []
    for name in names:
        parsed = read_file(name, encoding=encoding, day_first=day_first)
        for problem in parsed.problems:
            warnings.warn(str(problem), stacklevel=2)
        articles.extend(parsed.articles)
    return articles


def read_bag(
    glob_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    encoding: str | None = None,
    day_first: bool = True,
) -> dask.bag.Bag:
    """A bag of Articles, one partition per input file (dumps or records; see :func:`mediamon.read`).

    Files must be readable at the same path on every worker. Problems with a file's
    content are emitted as warnings (in the worker's log on a cluster); the rest is read.
    """
    from mediamon.io.inputs import check_encoding

    db: Any = importlib.import_module("dask.bag")  # untyped

    check_encoding(encoding)
    names = _expand(glob_or_paths)
    if not names:
        empty: dask.bag.Bag = db.from_sequence([], npartitions=1)
        return empty
    bag: dask.bag.Bag = db.from_sequence(names, npartitions=len(names)).map_partitions(
        _read_partition, encoding, day_first
    )
    return bag


def _mention_rows(items: Iterable[Article | Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The same rows as ``Corpus.to_csv`` and ``to_pandas`` (:data:`MENTION_COLUMNS`), as dicts."""
    articles = (item if isinstance(item, Article) else Article.from_dict(item) for item in items)
    return [dict(zip(MENTION_COLUMNS, row, strict=True)) for row in mention_rows(articles)]


def to_dataframe(bag: dask.bag.Bag) -> dask.dataframe.DataFrame:
    """A dask DataFrame of mentions, one row each (:data:`MENTION_COLUMNS`), from output dicts or Articles."""
    pd: Any = importlib.import_module("pandas")  # untyped without pandas-stubs
    source: Any = bag  # dask's methods are untyped
    rows: Any = source.map_partitions(_mention_rows)
    meta = pd.DataFrame(
        {name: pd.Series(dtype="int64" if name in ("start", "end") else "object") for name in MENTION_COLUMNS}
    )
    frame: dask.dataframe.DataFrame = rows.to_dataframe(meta=meta)
    return frame
