"""The data model: Article, Mention, Origin, Dropped (immutable attrs classes).

These are the records users keep, so they serialise to plain JSON-ready dicts and
back without loss (``to_dict`` / ``from_dict``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = ["Article", "Dropped", "FrozenDict", "Mention", "Origin", "article_id"]

MENTION_HOWS = ("exact", "normalised", "clitic", "variant", "surname")
FIELDS = ("title", "body")


class FrozenDict(dict[str, Any]):
    """A read-only dict: hashable-free, picklable (unlike ``MappingProxyType``), JSON-serialisable."""

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("FrozenDict is read-only; use Article.evolve(meta=...)")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse  # type: ignore[assignment]
    __ior__ = _refuse  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenDict, (dict(self),))


def _freeze(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return value if isinstance(value, FrozenDict) else FrozenDict(value or {})


@attrs.frozen
class Origin:
    """Where an article came from: a file and its first and last line (1-based, inclusive).

    For record files (JSON Lines, CSV) both lines are the record's line.
    """

    path: str
    first_line: int
    last_line: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "first_line": self.first_line, "last_line": self.last_line}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Origin:
        return cls(str(data["path"]), int(data["first_line"]), int(data["last_line"]))


@attrs.frozen
class Mention:
    """One entity mention: ``getattr(article, field)[start:end] == text`` always holds.

    ``start``/``end`` are code-point offsets into the original field text, never into
    normalised text; ``alias`` is the gazetteer alias that matched and ``how`` the rule
    (``exact``, ``normalised``, ``clitic``, ``variant``, ``surname``).
    """

    field: str
    start: int
    end: int
    text: str
    entity_id: str
    entity_type: str
    entity_name: str
    lang: str
    alias: str
    how: str

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Mention:
        return cls(**{f.name: data[f.name] for f in attrs.fields(cls)})


@attrs.frozen
class Dropped:
    """A non-blank input line the parser set aside, with why (nothing is lost silently)."""

    path: str
    line: int
    text: str
    reason: str
    article_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


def article_id(title: str, date_text: str | None, body: str) -> str:
    """A stable id from content: the same article gets the same id in every run and file."""
    digest = hashlib.blake2b(digest_size=8)
    for part in (title, date_text or "", body):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def _mentions(value: Iterable[Mention]) -> tuple[Mention, ...]:
    return tuple(value)


@attrs.frozen
class Article:
    """One news article: text fields, metadata, entity mentions and where it came from."""

    id: str
    title: str
    body: str
    date: dt.date | None = None
    date_text: str | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None
    lang: str = "und"
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_mentions)
    origin: Origin | None = None
    meta: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze)

    @property
    def text(self) -> str:
        """Title and body as one text (title, blank line, body)."""
        return f"{self.title}\n\n{self.body}" if self.title and self.body else self.title or self.body

    def evolve(self, **changes: Any) -> Article:
        """A copy with some fields changed (attrs.evolve, re-exported for convenience)."""
        return attrs.evolve(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The output schema of the contract (JSON-ready)."""
        return {
            "id": self.id,
            "title": self.title,
            "body": self.body,
            "date": self.date.isoformat() if self.date else None,
            "date_text": self.date_text,
            "author": self.author,
            "source": self.source,
            "url": self.url,
            "lang": self.lang,
            "origin": self.origin.to_dict() if self.origin else None,
            "meta": dict(self.meta),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Inverse of :meth:`to_dict`."""
        date = data.get("date")
        origin = data.get("origin")
        return cls(
            id=str(data["id"]),
            title=data.get("title") or "",
            body=data.get("body") or "",
            date=dt.date.fromisoformat(date) if date else None,
            date_text=data.get("date_text"),
            author=data.get("author"),
            source=data.get("source"),
            url=data.get("url"),
            lang=data.get("lang") or "und",
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions") or ()),
            origin=Origin.from_dict(origin) if origin else None,
            meta=data.get("meta") or {},
        )
