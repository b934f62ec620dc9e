"""RSS 2.0, Atom and RDF (RSS 1.0) feeds to Articles, with feedparser.

Each entry is one Article: its title, its content (or else its summary) as the body
(markup reduced to paragraphs), the published (or else updated) date, the author, the
link as ``url`` and the feed's title as ``source``. A feed feedparser reads only in part
(malformed XML) keeps the entries it read and reports the first error with its line.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from mediamon.errors import Msg, Problem
from mediamon.io.html import Item, fragment_blocks, html_text, reads_markup, trim_edges
from mediamon.io.records import language_code
from mediamon.model import Article, Dropped, Origin, article_id
from mediamon.text.langid import detect_language

__all__ = ["feed_items"]

_ENTRY = re.compile(rb"<(?:[a-z0-9]+:)?(?:item|entry)[\s>/]", re.IGNORECASE)


def _entry_lines(raw: bytes) -> list[int]:
    """The line each ``<item>``/``<entry>`` starts on, in order (feedparser gives no positions)."""
    lines: list[int] = []
    line, at = 1, 0  # counted on from the last entry (from the start each time was quadratic)
    for match in _ENTRY.finditer(raw):
        line += raw.count(b"\n", at, match.start())
        at = match.start()
        lines.append(line)
    return lines


def _date(entry: Any) -> tuple[dt.date | None, str | None]:
    for key in ("published", "updated", "created"):
        text = entry.get(key)
        parsed = entry.get(f"{key}_parsed")
        if text or parsed:
            date = dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
            return date, text or None
    return None, None


def _body(entry: Any) -> tuple[list[str], list[str]]:
    """The entry's paragraphs (its content, else its summary) and its figure captions."""
    contents = entry.get("content") or []
    markup = next((c["value"] for c in contents if (c.get("value") or "").strip()), None)
    if markup is None:
        markup = entry.get("summary") or entry.get("description") or ""
    blocks = fragment_blocks(markup) if markup.strip() else []
    return [b.text for b in blocks if b.marker != "caption"], [
        b.text for b in blocks if b.marker == "caption"
    ]


def _title(entry: Any) -> str:
    """The entry's title as text: markup in a ``type="html"`` title is reduced to its text."""
    title = entry.get("title") or ""
    kind = (entry.get("title_detail") or {}).get("type") or ""
    return " ".join((html_text(title) if "html" in kind else title).split())


def _author(entry: Any) -> str | None:
    """The author's name (an Atom author's e-mail, which feedparser adds in brackets, left out)."""
    name = (entry.get("author_detail") or {}).get("name") or entry.get("author")
    return " ".join(name.split()) or None if name else None


def _entry_lang(entry: Any) -> str | None:
    """The language an entry declares on itself (``xml:lang`` on its content or title)."""
    details = [*(entry.get("content") or []), entry.get("title_detail") or {}]
    for detail in details:
        code = language_code(detail.get("language") or "")
        if code:
            return code
    return language_code(entry.get("language") or "") or None


_XML_ENCODING = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")


def _charset_override(raw: bytes, path: str) -> tuple[dict[str, str] | None, Problem | None]:
    """An HTTP header for feedparser naming the encoding mediamon detects, when the codec the
    feed's XML declaration names cannot read its markup (feedparser would garble the text with
    ``utf-7`` or ``unicode_escape``, or stop with an error on ``punycode``), and the problem
    saying so; else None."""
    from mediamon.errors import InputError
    from mediamon.io.encoding import decode

    found = _XML_ENCODING.match(raw[:1024])
    declared = found.group(1).decode("ascii", "replace").strip() if found else ""
    try:
        if not declared or reads_markup(codecs.lookup(declared).name):
            return None, None
    except LookupError:  # a name no codec has: feedparser tries others itself
        return None, None
    try:
        used = decode(raw, path=path).encoding
    except InputError:
        return None, None
    problem = Problem(path, 1, Msg.FEED_CHARSET.format(declared=declared, used=used))
    return {"content-type": f"application/xml; charset={used}"}, problem


def feed_items(raw: bytes, *, path: str, day_first: bool = True) -> Iterator[Item]:
    """Articles and problems of one feed's bytes (feedparser decodes them by their declaration)."""
    import feedparser

    headers, problem = _charset_override(raw, path)
    if problem is not None:
        yield problem
    try:
        parsed = feedparser.parse(raw, response_headers=headers)
    except Exception as failure:  # feedparser lets codec errors through (a declared 'punycode')
        detail = f"{type(failure).__name__}: {failure}"
        yield Problem(path, None, Msg.FEED_FAILED.format(detail=detail))
        return
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
        title = _title(entry)
        paragraphs, captions = _body(entry)
        trimmed = trim_edges(paragraphs, title, day_first=day_first)
        body = "\n\n".join(trimmed.paragraphs)
        if not title and not body:
            yield Problem(path, lines[index] if index < len(lines) else None, Msg.FEED_ENTRY_EMPTY)
            continue
        date, date_text = _date(entry)
        first = lines[index] if index < len(lines) else 1
        for text in trimmed.removed:
            yield Dropped(path, first, text, "boilerplate")
        for text in captions:
            yield Dropped(path, first, text, "caption")
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
        lang = _entry_lang(entry) or feed_lang or detect_language(f"{title}\n{body}")
        yield Article(
            id=article_id(title, date_text, body),
            title=title,
            body=body,
            date=date,
            date_text=date_text,
            author=_author(entry) or trimmed.author,
            source=source,
            url=entry.get("link") or None,
            lang=lang,
            origin=Origin(path, first, max(first, last)),
            meta=meta,
        )
