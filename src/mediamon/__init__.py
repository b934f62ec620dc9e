"""mediamon: bilingual (Arabic + English) media monitoring.

Scraped news dumps and crawler records become :class:`Article` objects in a
:class:`Corpus`; an :class:`Annotator` finds entity mentions with bilingual
gazetteers, linking Arabic and English names of one entity to one id.
"""

from typing import TYPE_CHECKING, Any

from mediamon.corpus import Corpus
from mediamon.errors import (
    BinaryInputError,
    DataFileError,
    DecodeError,
    GazetteerError,
    InputError,
    MediamonError,
    Problem,
    RecordError,
    UsageError,
    WorkerError,
)
from mediamon.io.inputs import explain_dump, iter_articles, read, read_dump
from mediamon.lang.ar import ArabicNormalizer
from mediamon.lang.en import EnglishNormalizer
from mediamon.match.annotate import Annotator
from mediamon.match.gazetteer import Entity, Gazetteer
from mediamon.model import Article, Dropped, Mention, Origin
from mediamon.text.langid import detect_language
from mediamon.text.normalize import NormalizedText
from mediamon.text.segment import LineRole
from mediamon.text.settings import SegmentSettings

if TYPE_CHECKING:
    from mediamon.store import Store

__version__ = "0.1.0"

__all__ = [
    "Annotator",
    "ArabicNormalizer",
    "Article",
    "BinaryInputError",
    "Corpus",
    "DataFileError",
    "DecodeError",
    "Dropped",
    "EnglishNormalizer",
    "Entity",
    "Gazetteer",
    "GazetteerError",
    "InputError",
    "LineRole",
    "MediamonError",
    "Mention",
    "NormalizedText",
    "Origin",
    "Problem",
    "RecordError",
    "SegmentSettings",
    "Store",
    "UsageError",
    "WorkerError",
    "__version__",
    "detect_language",
    "explain_dump",
    "iter_articles",
    "read",
    "read_dump",
]


def __getattr__(name: str) -> Any:
    """``Store`` on first use: the store (and sqlite3) is imported only by a program that uses it."""
    if name == "Store":
        from mediamon.store import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
