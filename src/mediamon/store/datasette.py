"""A Datasette ``metadata.json`` for a store: titles, column descriptions, labels, facets, search.

Written beside the store (``corpus.db`` -> ``corpus.metadata.json``) whenever mediamon
writes one, so ``datasette corpus.db -m corpus.metadata.json`` opens it with readable
titles, facets on outlet, language, date, entity and rule, foreign keys shown by their
label (an article by its title, an entity by its name), the tables behind search hidden,
and ``?_search=`` on ``articles`` through ``articles_fts``. Datasette finds the index
without it too (the ``<table>_fts`` layout, store/schema.py); the file adds the rest.
Only a file this module wrote (``"source": "mediamon"``) is ever replaced.
"""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path
from typing import Any

from mediamon.store.schema import FTS_TABLE

__all__ = ["MARK", "datasette_metadata", "metadata_path", "write_metadata"]

#: The ``source`` key that marks a metadata file as mediamon's own (so it may be replaced).
MARK = "mediamon"

_ARTICLES = {
    "title": "Articles",
    "description": "One row per article; search with the box (Arabic-aware: the indexed text is normalised).",
    "label_column": "title",
    "facets": ["source", "lang", {"date": "date"}],
    "sortable_columns": ["date", "source", "lang", "title"],
    "fts_table": FTS_TABLE,
    "fts_pk": "pk",
    "columns": {
        "id": "stable article id (from its content)",
        "date": "publication date, ISO (null when unknown)",
        "date_text": "the date as written",
        "source": "the outlet as written",
        "source_key": "the outlet's MEDIA entity id when known, else its name folded",
        "lang": "ISO 639-1 language, und when unknown",
        "origin_path": "the input file",
        "origin_first_line": "first input line (1-based)",
        "origin_last_line": "last input line (inclusive)",
        "meta": "other fields, JSON",
    },
}
_MENTIONS = {
    "title": "Entity mentions",
    "description": "One row per mention; start/end are code-point offsets into the article's field.",
    "label_column": "text",
    "facets": ["entity_type", "entity_name", "how", "lang"],
    "sortable_columns": ["entity_id", "entity_type", "how", "lang"],
    "columns": {
        "article_pk": "the article (articles.pk)",
        "field": "title or body",
        "text": "the text as written",
        "entity_id": "one id across scripts",
        "alias": "the gazetteer alias that matched",
        "how": "the rule: exact, normalised, clitic, variant, surname, discovered",
        "support": "what let an ambiguous alias through",
    },
}
_ENTITIES = {
    "title": "Entities",
    "description": "The gazetteer entities of the store's mentions.",
    "label_column": "name",
    "facets": ["type"],
}
_ALIASES = {"title": "Aliases", "description": "Names per language, for entity search.", "facets": ["lang"]}
_HIDDEN = {"hidden": True}


def datasette_metadata(database: str) -> dict[str, Any]:
    """The metadata for a store Datasette serves as ``database`` (the file name without ``.db``)."""
    return {
        "title": f"mediamon store: {database}",
        "description": "Articles and entity mentions written by mediamon.",
        "source": MARK,
        "databases": {
            database: {
                "tables": {
                    "articles": _ARTICLES,
                    "mentions": _MENTIONS,
                    "entities": _ENTITIES,
                    "aliases": _ALIASES,
                    "search_text": _HIDDEN,
                    "store_info": _HIDDEN,
                }
            }
        },
    }


def metadata_path(store: str | os.PathLike[str]) -> Path:
    """Where the metadata of ``store`` goes: beside it, ``corpus.db`` -> ``corpus.metadata.json``."""
    path = Path(store)
    return path.with_name(f"{path.stem}.metadata.json")


def write_metadata(store: str | os.PathLike[str]) -> Path | None:
    """Write the metadata beside ``store`` atomically; return its path.

    A file of that name that mediamon did not write is left alone (with a warning, and None).
    """
    from mediamon.io.atomic import atomic_write

    target = metadata_path(store)
    if target.exists():
        try:
            ours = json.loads(target.read_text(encoding="utf-8")).get("source") == MARK
        except (OSError, ValueError, AttributeError):
            ours = False
        if not ours:
            warnings.warn(f"{target}: not mediamon's metadata; left as it is", stacklevel=2)
            return None
    with atomic_write(target) as handle:
        json.dump(datasette_metadata(Path(store).stem), handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return target
