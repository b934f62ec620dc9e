"""RSS 2.0, Atom and RDF (RSS 1.0) feeds to Articles, with feedparser.

Each entry is one Article: its title, its content (or else its summary) as the body
(markup reduced to paragraphs), the published (or else updated) date, the author, the
link as ``url`` and the feed's title as ``source``. A feed feedparser reads only in part
(malformed XML) keeps the entries it read and reports the first error with its line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from mediamon.errors import Msg, Problem
from mediamon.io.html import Item, html_text
from mediamon.io.records import language_code
from mediamon.model import Article, Origin, article_id
from mediamon.text.langid import detect_language

__all__ = ["feed_items"]

_ENTRY = re.compile(rb"<(?:[a-z0-9]+:)?(?:item|entry)[\s>/]", re.IGNORECASE)


def _entry_lines(raw: bytes) -> list[int]:
    """The line each ``<item>``/``<entry>`` starts on, in order (feedparser gives no positions)."""
    return [raw.count(b"\n", 0, m.start()) + 1 for m in _ENTRY.finditer(raw)]


def _date(entry: Any) -> tuple[dt.date | None, str | None]:
    for key in ("published", "updated", "created"):
        text = entry.get(key)
        parsed = entry.get(f"{key}_parsed")
        if text or parsed:
            date = dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
            return date, text or None
    return None, None


def _body(entry: Any) -> str:
    contents = entry.get("content") or []
    for content in contents:
        value = content.get("value")
        if value and value.strip():
            return html_text(value)
    summary = entry.get("summary") or entry.get("description") or ""
    return html_text(summary) if summary.strip() else ""


def feed_items(raw: bytes, *, path: str, day_first: bool = True) -> Iterator[Item]:
    """Articles and problems of one feed's bytes (feedparser decodes them by their declaration)."""
    import feedparser

    parsed = feedparser.parse(raw)
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        line = getattr(exc, "getLineNumber", lambda: None)()
        kind = type(exc).__name__
        if not kind.startswith("CharacterEncoding"):
            yield Problem(path, line, Msg.FEED_MALFORMED.format(detail=exc or kind))
    feed = parsed.get("feed", {})
    source = " ".join((feed.get("title") or "").split()) or None
    feed_lang = language_code(feed.get("language") or "") or None
    lines = _entry_lines(raw)
    total = raw.count(b"\n") + 1
    entries = parsed.get("entries", [])
    if not entries:
        yield Problem(path, None, Msg.FEED_EMPTY)
    for index, entry in enumerate(entries):
        title = " ".join((entry.get("title") or "").split())
        body = _body(entry)
        if not title and not body:
            yield Problem(path, lines[index] if index < len(lines) else None, Msg.FEED_ENTRY_EMPTY)
            continue
        date, date_text = _date(entry)
        first = lines[index] if index < len(lines) else 1
        last = lines[index + 1] - 1 if index + 1 < len(lines) else total
        meta: dict[str, Any] = {"format": "feed"}
        if entry.get("id"):
            meta["entry_id"] = entry["id"]
        tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
        if tags:
            meta["section"] = tags[0]
            meta["tags"] = tags
        if feed.get("link"):
            meta["feed_link"] = feed["link"]
        lang = language_code(entry.get("language") or "") or feed_lang or detect_language(f"{title}\n{body}")
        yield Article(
            id=article_id(title, date_text, body),
            title=title,
            body=body,
            date=date,
            date_text=date_text,
            author=" ".join(entry["author"].split()) if entry.get("author") else None,
            source=source,
            url=entry.get("link") or None,
            lang=lang,
            origin=Origin(path, first, max(first, last)),
            meta=meta,
        )
