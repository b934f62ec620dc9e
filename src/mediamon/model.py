"""The data model: Article, Mention, Origin, Dropped (immutable attrs classes).

These are the records users keep, so they serialise to plain JSON-ready dicts and
back without loss (``to_dict`` / ``from_dict``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import operator
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = [
    "ARTICLE_FIELDS",
    "FIELDS",
    "MENTION_COLUMNS",
    "MENTION_FIELDS",
    "TEXT_SEPARATOR",
    "Article",
    "Dropped",
    "FrozenDict",
    "Mention",
    "Origin",
    "article_id",
]

#: The text fields of an article that mentions are found in.
FIELDS = ("title", "body")
#: An article's fields in output order: the keys of ``Article.to_dict`` (the contract's JSON
#: Lines keys) and the columns of CSV output.
ARTICLE_FIELDS = (
    "id",
    "title",
    "body",
    "date",
    "date_text",
    "author",
    "source",
    "url",
    "lang",
    "origin",
    "meta",
    "mentions",
)
#: What joins title and body in ``Article.text`` (so body offsets there shift by the title and it).
TEXT_SEPARATOR = "\n\n"
#: Article fields that hold text or null.
_OPTIONAL_TEXT = ("date", "date_text", "author", "source", "url", "lang")


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
    (``exact``, ``normalised``, ``clitic``, ``variant``, ``surname``, ``discovered``).
    ``support`` says what in the article let an *ambiguous* alias through (``alias``: the
    entity is named unambiguously too; ``country``: a place of its country is named;
    ``cue``: a place cue stands next to it; ``list``: it is a conjunct of a list of places; see
    docs/gazetteers.md for all); None for the rest.
    ``wikidata`` is the entity's Wikidata QID when its gazetteer entry carries one
    (``meta.wikidata``), so mentions join with other datasets; None when unknown.
    ``role`` is what a place's name stands for in its sentence when that is not the place
    itself: ``"team"``, a national team or a club named by its country or city (``Sweden
    defeated South Korea``; match/roles.py). ``entity_type`` stays the entity's type.
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
    support: str | None = None
    wikidata: str | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's ten keys, and ``support``, ``wikidata`` and ``role`` when they are set."""
        # The same as attrs.asdict for the ten (every one a str or an int), several times faster.
        out = dict(zip(MENTION_FIELDS, _mention_values(self), strict=True))
        if self.support is not None:
            out["support"] = self.support
        if self.wikidata is not None:
            out["wikidata"] = self.wikidata
        if self.role is not None:
            out["role"] = self.role
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Mention:
        """Inverse of :meth:`to_dict`; KeyError for a missing key, TypeError for a wrong type."""
        if not isinstance(data, Mapping):
            raise TypeError(f"a mention must be an object, not {type(data).__name__}")
        values = {name: data[name] for name in MENTION_FIELDS}
        for name, value in values.items():
            want = int if name in ("start", "end") else str
            if not isinstance(value, want) or isinstance(value, bool):
                raise TypeError(f"mention {name!r} must be {want.__name__}, not {type(value).__name__}")
        support, wikidata, role = data.get("support"), data.get("wikidata"), data.get("role")
        for name, value in (("support", support), ("wikidata", wikidata), ("role", role)):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"mention {name!r} must be str or null, not {type(value).__name__}")
        return cls(**values, support=support, wikidata=wikidata, role=role)

    def check(self, article: Article) -> str | None:
        """Why this mention does not fit ``article`` (field, offsets, text), or None when it does."""
        if self.field not in FIELDS:
            return f"field must be 'title' or 'body', not {self.field!r}"
        text: str = getattr(article, self.field)
        if not 0 <= self.start <= self.end <= len(text):
            return f"offsets {self.start}..{self.end} outside the {self.field} ({len(text)} characters)"
        found = text[self.start : self.end]
        if found != self.text:
            return f"offsets {self.start}..{self.end} hold {found!r:.40}, not {self.text!r:.40}"
        return None


#: A mention's contract fields in order: the keys ``Mention.to_dict`` always has.
MENTION_FIELDS = tuple(
    field.name for field in attrs.fields(Mention) if field.name not in ("support", "wikidata", "role")
)
#: Every field of a mention, as columns of tables (the contract's, then the optional ones).
MENTION_COLUMNS = (*MENTION_FIELDS, "support", "wikidata", "role")
_mention_values = operator.attrgetter(*MENTION_FIELDS)


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


_INIT_NAMES: dict[type, tuple[tuple[str, str], ...]] = {}


def _init_names(cls: type) -> tuple[tuple[str, str], ...]:
    """(attribute, ``__init__`` name) of an attrs class's init fields, as ``attrs.evolve`` reads them."""
    found = _INIT_NAMES.get(cls)
    if found is None:
        found = _INIT_NAMES[cls] = tuple((f.name, f.alias) for f in attrs.fields(cls) if f.init)
    return found


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
    # meta is left out of the hash (a dict is unhashable) so articles can go in sets and dict keys.
    meta: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze, hash=False)

    @property
    def text(self) -> str:
        """Title and body as one text (title, blank line, body)."""
        return (
            f"{self.title}{TEXT_SEPARATOR}{self.body}"
            if self.title and self.body
            else self.title or self.body
        )

    def to_displacy(self) -> dict[str, Any]:
        """displaCy's manual-mode dict of :attr:`text` and the mentions (RTL for Arabic); see
        :func:`mediamon.interop.spans.to_displacy`."""
        from mediamon.interop.spans import to_displacy

        return to_displacy(self)

    def _repr_html_(self) -> str:
        """The article with its mentions highlighted, right-to-left for Arabic, for notebooks."""
        from mediamon.interop.notebook import article_html

        return article_html(self)

    def evolve(self, **changes: Any) -> Article:
        """A copy with some fields changed (as ``attrs.evolve``: unknown names raise ``TypeError``,
        converters run; the field names are read once per class, not on every call)."""
        for name, alias in _init_names(type(self)):
            if alias not in changes:
                changes[alias] = getattr(self, name)
        return type(self)(**changes)

    def to_dict(self) -> dict[str, Any]:
        """The output schema of the contract (JSON-ready)."""
        out = {name: getattr(self, name) for name in ARTICLE_FIELDS}
        out["date"] = self.date.isoformat() if self.date else None
        out["origin"] = self.origin.to_dict() if self.origin else None
        out["meta"] = dict(self.meta)
        out["mentions"] = [m.to_dict() for m in self.mentions]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Inverse of :meth:`to_dict`.

        Raises KeyError for a missing ``id``, TypeError or ValueError for a value of the
        wrong type, a bad date, or a mention whose offsets do not fit its text.
        """
        if not isinstance(data, Mapping):
            raise TypeError(f"an article must be an object, not {type(data).__name__}")
        for name in FIELDS:
            if not isinstance(data.get(name) or "", str):
                raise TypeError(f"{name!r} must be text, not {type(data[name]).__name__}")
        for name in _OPTIONAL_TEXT:
            if data.get(name) is not None and not isinstance(data[name], str):
                raise TypeError(f"{name!r} must be text or null, not {type(data[name]).__name__}")
        meta = data.get("meta") or {}
        if not isinstance(meta, Mapping):
            raise TypeError(f"'meta' must be an object, not {type(meta).__name__}")
        raw_mentions = data.get("mentions") or ()
        if not isinstance(raw_mentions, list | tuple):
            raise TypeError(f"'mentions' must be a list, not {type(raw_mentions).__name__}")
        date = data.get("date")
        origin = data.get("origin")
        article = cls(
            id=str(data["id"]),
            title=data.get("title") or "",
            body=data.get("body") or "",
            date=dt.date.fromisoformat(date) if date else None,
            date_text=data.get("date_text"),
            author=data.get("author"),
            source=data.get("source"),
            url=data.get("url"),
            lang=data.get("lang") or "und",
            origin=Origin.from_dict(origin) if origin else None,
            meta=meta,
        )
        mentions = tuple(Mention.from_dict(m) for m in raw_mentions)
        for index, mention in enumerate(mentions):
            reason = mention.check(article)
            if reason is not None:
                raise ValueError(f"mention {index}: {reason}")
        return attrs.evolve(article, mentions=mentions) if mentions else article
