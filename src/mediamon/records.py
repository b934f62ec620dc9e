"""Records (one JSON object or CSV row) to Articles, with the contract's key mapping.

The first present key wins for each field; keys that map to no field go to ``meta``.
A record with neither title nor body is reported, not guessed at.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mediamon.dates import parse_date
from mediamon.errors import Msg, RecordError
from mediamon.langid import detect_language
from mediamon.model import Article, Mention, Origin, article_id

__all__ = ["FIELD_KEYS", "record_to_article"]

#: Article field -> record keys, first present wins (the contract's table).
FIELD_KEYS: Mapping[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "body": ("body", "text", "content", "article"),
    "date": ("date", "published", "published_at", "pubdate"),
    "author": ("author", "byline"),
    "source": ("source", "outlet", "site", "publisher"),
    "url": ("url", "link"),
    "lang": ("lang", "language"),
    "id": ("id",),
}
#: Keys of mediamon's own output schema, understood when reading it back.
_OWN_KEYS = ("date_text", "origin", "meta", "mentions")


def _text(value: Any, field: str, path: str, line: int) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RecordError(
            Msg.BAD_FIELD.format(field=field, detail=f"expected text, got {type(value).__name__}"),
            path=path,
            line=line,
        )
    return str(value)


def record_to_article(
    record: Mapping[str, Any],
    *,
    path: str,
    line: int,
    last_line: int | None = None,
    day_first: bool = True,
) -> Article:
    """Map one record to an Article; raise RecordError (with path and line) when it cannot be."""
    used: set[str] = set()
    values: dict[str, str | None] = {}
    for field, keys in FIELD_KEYS.items():
        values[field] = None
        for key in keys:
            if key in record and record[key] is not None:
                used.add(key)
                values[field] = _text(record[key], key, path, line)
                break
    title = values["title"] or ""
    body = values["body"] or ""
    if not title and not body:
        raise RecordError(Msg.NO_TEXT_FIELDS, path=path, line=line)
    date_text = values["date"] or None
    if isinstance(record.get("date_text"), str) and record["date_text"]:
        date_text = record["date_text"]
    date = parse_date(values["date"], day_first=day_first) if values["date"] else None
    meta: dict[str, Any] = {k: v for k, v in record.items() if k not in used and k not in _OWN_KEYS}
    own_meta = record.get("meta")
    if isinstance(own_meta, Mapping):
        meta.update(own_meta)
    elif own_meta is not None:
        meta["meta"] = own_meta
    origin = Origin(path, line, last_line or line)
    lang = (values["lang"] or "").lower() or detect_language(f"{title}\n{body}")
    article = Article(
        id=values["id"] or article_id(title, date_text, body),
        title=title,
        body=body,
        date=date,
        date_text=date_text,
        author=values["author"] or None,
        source=values["source"] or None,
        url=values["url"] or None,
        lang=lang,
        origin=origin,
        meta=meta,
    )
    mentions = record.get("mentions")
    if mentions:
        article = article.evolve(mentions=_mentions(article, mentions, path, line))
    return article


def _mentions(article: Article, raw: Any, path: str, line: int) -> tuple[Mention, ...]:
    """Mentions carried by a record of mediamon's own output, checked against the text."""
    if not isinstance(raw, list):
        raise RecordError(
            Msg.BAD_FIELD.format(field="mentions", detail="expected a list"), path=path, line=line
        )
    out = []
    for item in raw:
        try:
            mention = Mention.from_dict(item)
        except (KeyError, TypeError) as exc:
            raise RecordError(
                Msg.BAD_FIELD.format(field="mentions", detail=f"bad mention {item!r:.80}"),
                path=path,
                line=line,
            ) from exc
        if getattr(article, mention.field, None) is None or (
            getattr(article, mention.field)[mention.start : mention.end] != mention.text
        ):
            raise RecordError(
                Msg.BAD_FIELD.format(
                    field="mentions", detail=f"offsets do not match the text: {mention.text!r:.40}"
                ),
                path=path,
                line=line,
            )
        out.append(mention)
    return tuple(out)
