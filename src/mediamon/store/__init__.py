"""An embedded SQLite store of articles and mentions, with bilingual full-text and entity search.

One file holds everything (see :mod:`mediamon.store.schema` and docs/formats.md). Articles
are upserted by id, so adding the same article again replaces it and its mentions; each
batch is one transaction, so an interrupted run leaves the store as it was before that
batch. Search (:mod:`mediamon.store.search`) runs over *normalised* text -- Arabic and
English normalisers applied alike to documents and queries -- so spelling variants meet
(``الكاظمى``/``الكاظمي``, ``Kata’ib``/``Kataib``), and a query that is an alias of a stored
entity also finds the articles mentioning that entity, in either script.
"""

from mediamon.store.schema import SCHEMA_VERSION, STORE_SUFFIXES, fts5_available
from mediamon.store.search import Hit, search_form
from mediamon.store.store import Store, read_store, write_store

__all__ = [
    "SCHEMA_VERSION",
    "STORE_SUFFIXES",
    "Hit",
    "Store",
    "fts5_available",
    "read_store",
    "search_form",
    "write_store",
]
