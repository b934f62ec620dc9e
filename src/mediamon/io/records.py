"""Records (one JSON object or CSV row) to Articles, with the contract's key mapping.

The first present key wins for each field; keys that map to no field go to ``meta``.
Key names also match in another case or with spaces around (``Title``, ``Text``, as CSV
headers often are); an exact name wins over those.
A record with neither title nor body is reported, not guessed at. mediamon's own output
(JSON Lines, or CSV with ``origin``/``meta``/``mentions`` as JSON text) reads back with
its ``date_text``, ``origin``, ``meta`` and ``mentions``.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from mediamon.errors import Msg, Problem, RecordError
from mediamon.model import Article, Mention, Origin, article_id
from mediamon.resources import load_json, string_list
from mediamon.text.dates import parse_date
from mediamon.text.langid import detect_language

__all__ = ["FIELD_KEYS", "language_code", "record_to_article"]

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
#: Language names and three-letter codes seen in crawler records, for the two core languages.
_LANGUAGE_NAMES = {
    "arabic": "ar",
    "ara": "ar",
    "arb": "ar",
    "العربية": "ar",
    "عربي": "ar",
    "english": "en",
    "eng": "en",
    "und": "und",
}
_SUBTAG = re.compile(r"[-_\s]")


@functools.cache
def _iso_codes() -> frozenset[str]:
    return frozenset(string_list(load_json("languages.json"), "codes", source="languages.json"))


def language_code(value: str) -> str | None:
    """An ISO 639-1 code for a record's language value (``ar``, ``AR``, ``ar-IQ``, ``Arabic``), or None."""
    folded = value.strip().casefold()
    if folded in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[folded]
    primary = _SUBTAG.split(folded, maxsplit=1)[0]
    if primary in _iso_codes():
        return primary
    return _LANGUAGE_NAMES.get(primary)


def _text(value: Any, key: str, path: str, line: int) -> str:
    """A field value as text: strings as they are, numbers written out, anything else refused."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RecordError(
            Msg.BAD_FIELD.format(field=key, detail=f"expected text, got {type(value).__name__}"),
            path=path,
            line=line,
        )
    return str(value)


def _own_value(value: Any) -> Any:
    """A value of an own-output key; CSV output holds ``origin``/``meta``/``mentions`` as JSON text."""
    if isinstance(value, str) and value[:1] in ("{", "["):
        try:
            return json.loads(value)
        except (ValueError, RecursionError):
            return value
    return value


def record_to_article(
    record: Mapping[str, Any],
    *,
    path: str,
    line: int,
    last_line: int | None = None,
    day_first: bool = True,
    on_problem: Callable[[Problem], None] | None = None,
) -> Article:
    """Map one record to an Article; raise RecordError (with path and line) when it cannot be.

    Problems that leave the article usable (a mention that does not fit the text) go to
    ``on_problem`` when given, and are raised as RecordError otherwise.
    """
    used: set[str] = set()
    values: dict[str, str | None] = {}
    folded = _folded_keys(record)
    for field, keys in FIELD_KEYS.items():
        values[field] = None
        for key in keys:
            actual = key if key in record else folded.get(key)
            if actual is not None and record[actual] is not None:
                used.add(actual)
                values[field] = _text(record[actual], actual, path, line)
                break
    own = {key: _own_value(record[key]) for key in _OWN_KEYS if key in record}
    mentions = own.get("mentions")
    # Mention offsets refer to the text as written, so text carrying mentions is not trimmed.
    trim = (lambda s: s) if mentions else str.strip
    title = trim(values["title"] or "")
    body = trim(values["body"] or "")
    if not title.strip() and not body.strip():
        raise RecordError(Msg.NO_TEXT_FIELDS, path=path, line=line)
    date_value = (values["date"] or "").strip()
    date_text = date_value or None
    if isinstance(own.get("date_text"), str) and own["date_text"]:
        date_text = own["date_text"]
    date = parse_date(date_value, day_first=day_first) if date_value else None
    meta: dict[str, Any] = {
        k: v for k, v in record.items() if k not in used and k not in _OWN_KEYS and not _null_field(k, v)
    }
    own_meta = own.get("meta")
    if isinstance(own_meta, Mapping):
        meta.update(own_meta)
    elif own_meta is not None:
        meta["meta"] = record["meta"]
    origin = _origin(own.get("origin")) or Origin(path, line, last_line or line)
    if "origin" in own and _origin(own["origin"]) is None and own["origin"] not in (None, ""):
        meta["origin"] = record["origin"]
    lang = None
    if values["lang"]:
        lang = language_code(values["lang"])
        if lang is None:  # keep what the record said; detect from the text instead
            key = next(k for k in used if k.strip().casefold() in FIELD_KEYS["lang"])
            meta[key] = record[key]
    article = Article(
        id=(values["id"] or "").strip() or article_id(title, date_text, body),
        title=title,
        body=body,
        date=date,
        date_text=date_text,
        author=(values["author"] or "").strip() or None,
        source=(values["source"] or "").strip() or None,
        url=(values["url"] or "").strip() or None,
        lang=lang or detect_language(f"{title}\n{body}"),
        origin=origin,
        meta=meta,
    )
    if mentions:
        report = on_problem or _raise
        article = article.evolve(mentions=_mentions(article, mentions, path, line, report))
    return article


_MAPPED = frozenset(key for keys in FIELD_KEYS.values() for key in keys)


def _folded_keys(record: Mapping[str, Any]) -> dict[str, str]:
    """Mapped key names written in another case or with spaces around (``Title``, ``TEXT ``) -> as written.

    Exact names win over these; among differently written ones, the first in the record does.
    """
    out: dict[str, str] = {}
    for key in record:
        if isinstance(key, str) and key not in _MAPPED:
            name = key.strip().casefold()
            if name in _MAPPED and name not in record:
                out.setdefault(name, key)
    return out


def _null_field(key: str, value: Any) -> bool:
    """A mapped key holding null: nothing to keep, so it does not go to meta."""
    return value is None and isinstance(key, str) and key.strip().casefold() in _MAPPED


def _raise(problem: Problem) -> None:
    raise RecordError(problem.reason, path=problem.path, line=problem.line)


def _origin(value: Any) -> Origin | None:
    if not isinstance(value, Mapping):
        return None
    try:
        origin = Origin.from_dict(value)
    except (KeyError, TypeError, ValueError):
        return None
    return origin if 1 <= origin.first_line <= origin.last_line else None


def _mentions(
    article: Article, raw: Any, path: str, line: int, report: Callable[[Problem], None]
) -> tuple[Mention, ...]:
    """Mentions carried by a record of mediamon's own output, each checked against the text."""
    if not isinstance(raw, list):
        report(
            Problem(path, line, Msg.BAD_FIELD.format(field="mentions", detail="expected a list; left out"))
        )
        return ()
    out = []
    for index, item in enumerate(raw):
        try:
            mention = Mention.from_dict(item)
        except KeyError as exc:
            reason: str | None = f"missing {exc.args[0]!r}"
        except TypeError as exc:
            reason = str(exc)
        else:
            reason = mention.check(article)
        if reason is not None:
            report(Problem(path, line, Msg.BAD_MENTION.format(index=index, detail=reason)))
            continue
        out.append(mention)
    return tuple(out)
