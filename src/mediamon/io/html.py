"""Saved web pages to Articles, with trafilatura; what it leaves out is set aside, not lost.

trafilatura (a maintained main-text extractor) finds the article in a page: title, body
paragraphs, date, author, site name, canonical URL, language and the comment section.
This module adds what a monitoring run needs around it: the page's own text blocks (as a
browser breaks lines) that trafilatura did not keep are set aside as ``Dropped`` with a
reason (``boilerplate``, ``related-link``, ``comment``, ``repeated-title``) and their source
line; a page holding several ``<article>`` elements with text of their own gives one
Article each, and a page that plainly holds several articles it cannot separate (a live
blog, a front page) gives one Article and a problem saying so. Dates trafilatura misses
are looked for in ``<time>`` and date-marked elements with mediamon's date parser (Arabic
month names, Eastern Arabic digits).
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from mediamon.errors import Msg, Problem
from mediamon.io.pagedata import page_facts, title_site
from mediamon.io.records import language_code
from mediamon.model import Article, Dropped, Origin, article_id
from mediamon.resources import load_json, string_list
from mediamon.text.dates import parse_date
from mediamon.text.langid import detect_language

__all__ = ["HtmlSettings", "Item", "decode_page", "html_items", "html_text"]

Item = Article | Dropped | Problem
_SOURCE = "html.json"


@attrs.frozen
class HtmlSettings:
    """Thresholds of the HTML reader.

    ``min_article_chars``: an ``<article>`` element needs this much text to be read as an
    article of its own when a page holds several. ``several_articles``: this many
    ``<article>`` elements (or a live-blog type) mark a page of several articles.
    ``date_candidates``: how many ``<time>``/date-marked elements are tried for a date.
    ``menu_max_words``: a block of links only this long at a body's edge is a menu, set aside.
    """

    min_article_chars: int = 200
    several_articles: int = 3
    date_candidates: int = 8
    menu_max_words: int = 12


DEFAULT_SETTINGS = HtmlSettings()


@attrs.frozen
class _Rules:
    block_tags: frozenset[str]
    skip_tags: frozenset[str]
    related: re.Pattern[str]
    comment: re.Pattern[str]
    date: re.Pattern[str]
    live_blog_types: frozenset[str]
    caption_tags: frozenset[str]


def _markers(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)


@functools.cache
def _rules() -> _Rules:
    data = load_json(_SOURCE)

    def words(key: str) -> tuple[str, ...]:
        return string_list(data, key, source=_SOURCE, required=True)

    return _Rules(
        block_tags=frozenset(words("block_tags")),
        skip_tags=frozenset(words("skip_tags")),
        related=_markers(words("related_markers")),
        comment=_markers(words("comment_markers")),
        date=_markers(words("date_markers")),
        live_blog_types=frozenset(words("live_blog_types")),
        caption_tags=frozenset(words("caption_tags")),
    )


_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


@attrs.frozen
class _Block:
    """One block of a page's text: its line in the source and what marks it (related, comment)."""

    line: int
    text: str
    marker: str | None
    #: Every letter and digit of the block is link text (a menu line, a list of links).
    links_only: bool = False


def _blocks(root: Any) -> list[_Block]:
    """The page's text as blocks, in document order, the way a browser breaks it into lines."""
    from lxml import etree

    rules = _rules()
    blocks: list[_Block] = []
    parts: list[str] = []
    first_line = 0
    markers: list[str | None] = [None]
    in_link = 0
    plain = False  # the block has letters or digits outside links

    def add(text: str | None, line: int) -> None:
        # Inline pieces are joined as a browser shows them: "<a>X</a>." is "X.", and the
        # space between two links is kept.
        nonlocal first_line, plain
        if text and (parts or text.strip()):
            if not parts:
                first_line = line
            parts.append(text)
            plain = plain or (not in_link and _has_word(text))

    def flush() -> None:
        nonlocal plain
        if parts:
            text = _squash("".join(parts))
            if _has_word(text):
                blocks.append(_Block(first_line, text, markers[-1], not plain))
            parts.clear()
        plain = False

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        line = element.sourceline or 0
        if event == "start":
            if not tag or tag.lower() in rules.skip_tags:
                walker.skip_subtree()
                markers.append(markers[-1])
                continue
            if tag.lower() in rules.block_tags:
                flush()
            label = f"{element.get('class', '')} {element.get('id', '')}"
            marker = markers[-1]
            if label.strip():
                if rules.comment.search(label):
                    marker = "comment"
                elif rules.related.search(label):
                    marker = "related-link"
            if tag.lower() in rules.caption_tags:
                marker = "caption"
            markers.append(marker)
            in_link += tag.lower() == "a"
            add(element.text, line)
        else:
            if tag and tag.lower() in rules.block_tags:
                flush()  # before its marker goes: a block carrying a marker itself keeps it
            markers.pop()
            in_link -= tag.lower() == "a"
            parent = element.getparent()
            add(element.tail, parent.sourceline if parent is not None and parent.sourceline else line)
    flush()
    return blocks


def html_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content): one paragraph a block, blank lines between."""
    return "\n\n".join(block.text for block in fragment_blocks(fragment))


def fragment_blocks(fragment: str) -> list[_Block]:
    """The text blocks of an HTML fragment, with their markers (``caption`` for a figure caption)."""
    from lxml import etree, html

    try:
        root = html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        text = _squash(fragment)
        return [_Block(1, text, None)] if text else []
    return _blocks(root)


#: What a paragraph at a body's edge is, when it is not body text: furniture read into a
#: field (a byline, a date line) or set aside (a menu line, a footer, a share widget).
_LEAD_KINDS = frozenset(
    {"boilerplate", "furniture", "separator", "date", "byline", "poster", "caption", "section"}
)
_TAIL_KINDS = frozenset({"boilerplate", "furniture", "separator", "related", "caption", "comment-header"})


@attrs.frozen
class Trimmed:
    """A body's paragraphs without the furniture at its edges, and the fields that furniture gave."""

    paragraphs: list[str]
    removed: list[str]
    author: str | None = None
    date: tuple[dt.date, str] | None = None


def trim_edges(
    paragraphs: Sequence[str], title: str, *, day_first: bool = True, menus: frozenset[str] = frozenset()
) -> Trimmed:
    """Furniture at the start and end of a body, told by the dump segmenter's line classes
    (a menu line, a repeated title, a byline, a date line, a copyright or syndication footer):
    taken out, the byline's name and the date line's date kept as fields; so is a paragraph
    among ``menus`` (the page's blocks of links only). Body text (long paragraphs) is never
    taken, nor the last paragraph left."""
    from mediamon.text.segment import classify_line

    kept = list(paragraphs)
    removed: list[str] = []
    author: str | None = None
    date: tuple[dt.date, str] | None = None
    title_key = _squash(title).casefold()
    for _ in range(HTML_EDGE_PARAGRAPHS):
        if len(kept) < 2:
            break
        first = kept[0]
        line = classify_line(first, day_first=day_first)
        if (
            first not in menus
            and _squash(first).casefold() != title_key
            and line.kind.value not in _LEAD_KINDS
        ):
            break
        if line.name and author is None and line.kind.value in ("byline", "poster", "date"):
            author = line.name
        if line.date is not None and line.date.date is not None and date is None:
            date = (line.date.date, line.date.text)
        removed.append(kept.pop(0))
    for _ in range(HTML_EDGE_PARAGRAPHS):
        if len(kept) < 2 or (
            kept[-1] not in menus
            and classify_line(kept[-1], day_first=day_first).kind.value not in _TAIL_KINDS
        ):
            break
        removed.append(kept.pop())
    return Trimmed(kept, removed, author, date)


#: How many paragraphs at each edge of a body are looked at by :func:`trim_edges`.
HTML_EDGE_PARAGRAPHS = 4


def decode_page(
    raw: bytes, *, path: str, encoding: str | None = None, charset: str | None = None
) -> tuple[str, list[Problem]]:
    """A page's text: the user's encoding, else the charset its HTTP header or ``<meta>`` declares
    (when the bytes decode with it), else mediamon's detection. Raises InputError for binary data."""
    from mediamon.io.detect import declared_charset
    from mediamon.io.encoding import decode

    if encoding is None:
        for name in (charset, declared_charset(raw)):
            if not name:
                continue
            try:
                codec = codecs.lookup(name).name
                if not reads_markup(codec):
                    continue
                text = raw.decode(codec)
            except (LookupError, UnicodeError, ValueError):
                continue
            return text.lstrip("\ufeff").replace("\x00", ""), []
    decoded = decode(raw, path=path, encoding=encoding)
    return decoded.text, list(decoded.problems)


#: Markup, in ASCII, as a page's declared charset must read it: the declaration was found in the
#: page's bytes read as ASCII, so a codec that reads them otherwise (UTF-16 or UTF-32, EBCDIC,
#: ``punycode``; ``utf-7`` and ``unicode_escape``, which turn ``+...-`` and ``\\u`` into other text)
#: is not the page's (HTML's rule: a ``<meta>`` saying UTF-16 means UTF-8); mediamon's detection reads it.
_MARKUP = b"<meta charset=\"x\"><p class='a' id=b>+AGE- \\u0041 &amp;&#65; Az09.,:/-</p>\n"


@functools.lru_cache(maxsize=64)
def reads_markup(codec: str) -> bool:
    """Whether the codec named ``codec`` decodes ASCII markup as ASCII (:data:`_MARKUP`): the one
    test a charset a page or feed declares must pass to be used."""
    try:
        return _MARKUP.decode(codecs.lookup(codec).name) == _MARKUP.decode("ascii")
    except (LookupError, UnicodeError, ValueError):
        return False


# --- trafilatura ---------------------------------------------------------------------


def _paragraphs(body: Any, title: str) -> list[str]:
    """Body paragraphs from trafilatura's body element (headings, paragraphs, list items, table rows)."""
    out: list[str] = []
    if body is None:
        return out
    for element in body:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "list":
            out.extend(_squash(" ".join(item.itertext())) for item in element if isinstance(item.tag, str))
        elif tag == "table":
            for row in element:
                elements = [cell for cell in row if isinstance(cell.tag, str)]
                if _layout_row(elements):
                    out.extend(text for cell in elements for text in _broken(cell))
                    continue
                cells = [_squash(" ".join(cell.itertext())) for cell in elements]
                out.append(" | ".join(c for c in cells if c))
        else:
            out.extend(_broken(element))
    paragraphs = [p for p in out if p]
    if paragraphs and title and _squash(paragraphs[0]) == _squash(title):
        paragraphs = paragraphs[1:]
    return paragraphs


#: trafilatura's elements that are paragraphs of their own inside a table cell.
_CELL_BLOCKS = frozenset({"p", "head", "list", "quote", "table"})


def _broken(element: Any) -> list[str]:
    """A trafilatura element's text, one paragraph a piece between its line breaks (``<lb/>``,
    the page's ``<br>``) and its paragraph-like children: a page laid out with ``<br>`` or in
    a layout table's cell has no ``<p>`` of its own for each paragraph."""
    pieces: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "lb":
            pieces.append(child.tail or "")
        elif tag in _CELL_BLOCKS:
            pieces.extend(["".join(child.itertext()), child.tail or ""])
        else:
            pieces[-1] += "".join(child.itertext()) + (child.tail or "")
    return [text for text in (_squash(p) for p in pieces) if text]


def _layout_row(cells: list[Any]) -> bool:
    """A table row laid out as page columns: a cell holds paragraphs, not a value."""
    return any(isinstance(c.tag, str) and c.tag in _CELL_BLOCKS for cell in cells for c in cell)


#: libxml2's advice to the programmer in a limit's message (the limits are already raised)
_PARSER_ADVICE = re.compile(r",?\s*use XML_PARSE_HUGE option", re.IGNORECASE)


def _parser() -> Any:
    """lxml's HTML parser without libxml2's default limits (a text node of 10 MB, 255 nested
    elements), under which everything after the limit was lost without a word: unclosed
    ``<div>`` or ``<font>`` tags nest a scraped page that deep. The input is already bounded
    (``ReadLimits.max_bytes``); a page nested deeper still (2,048) is cut there, and the cut
    is reported (``Msg.HTML_CUT``). One parser a page: lxml's parsers are not shared
    between threads."""
    from lxml import html

    return html.HTMLParser(huge_tree=True)


def _extract(page: Any, url: str | None) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=True,
        include_tables=True,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )


def _fallback_date(root: Any, settings: HtmlSettings, day_first: bool) -> tuple[dt.date, str] | None:
    """A date from ``<time>`` elements or date-marked elements, read with mediamon's date parser."""
    rules = _rules()
    tried = 0
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        label = f"{element.get('class', '')} {element.get('id', '')} {element.get('itemprop', '')}"
        if element.tag != "time" and not rules.date.search(label):
            continue
        for text in (element.get("datetime"), _squash(element.text_content())):
            if text:
                found = parse_date(text, day_first=day_first)
                if found is not None:
                    return found, text
        tried += 1
        if tried >= settings.date_candidates:
            break
    return None


def _json_ld_types(root: Any) -> set[str]:
    """The schema.org ``@type`` values of a page's JSON-LD blocks."""
    found: set[str] = set()
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                found.update(kind if isinstance(kind, list) else [kind] if isinstance(kind, str) else [])
                stack.extend(v for v in item.values() if isinstance(v, list | dict))
    return found


def _heading(element: Any) -> str | None:
    """The first heading inside an element (an update's own headline in a live blog)."""
    for child in element.iter("h1", "h2", "h3", "h4"):
        text = _squash(child.text_content())
        if text:
            return text
    return None


def _top_articles(root: Any) -> list[Any]:
    """``<article>`` elements not inside another one."""
    return [a for a in root.iter("article") if not any(p.tag == "article" for p in a.iterancestors())]


def _teaser_cards(root: Any, blocks: list[_Block], settings: HtmlSettings) -> int:
    """How many teaser cards a listing page holds (0 when it is not one): at least
    ``several_articles`` sibling elements of one tag and class, each short and headed by a
    linked heading, outside any related-links list, holding more of the page's text than
    everything else does (an article page with a row of related cards holds less)."""
    best: list[Any] = []
    for parent in root.iter():
        groups: dict[tuple[str, str], list[Any]] = {}
        for child in parent:
            if isinstance(child.tag, str):
                groups.setdefault((child.tag, child.get("class") or ""), []).append(child)
        for group in groups.values():
            if len(group) > len(best) and all(_teaser(card, settings) for card in group):
                best = group
    if len(best) < settings.several_articles:
        return 0
    inside = {_squash(t) for card in best for t in card.itertext() if _squash(t)}
    card_chars = sum(len(b.text) for b in blocks if b.text in inside)
    other_chars = sum(len(b.text) for b in blocks if b.text not in inside and b.marker is None)
    return len(best) if card_chars > other_chars else 0


def _teaser(card: Any, settings: HtmlSettings) -> bool:
    label = f"{card.get('class', '')} {card.get('id', '')}"
    if _rules().related.search(label) or len(_squash(card.text_content())) >= settings.min_article_chars:
        return False
    return any(h.find(".//a") is not None for h in card.iter("h2", "h3", "h4"))


def _last_line(element: Any) -> int:
    last = element.sourceline or 1
    for child in element.iter():
        if child.sourceline and child.sourceline > last:
            last = child.sourceline
    return int(last)


def html_items(
    text: str,
    *,
    path: str,
    url: str | None = None,
    meta: dict[str, Any] | None = None,
    day_first: bool = True,
    settings: HtmlSettings = DEFAULT_SETTINGS,
    record: int | None = None,
) -> Iterator[Item]:
    """Articles, set-aside blocks and problems of one page's text.

    ``url`` (a WARC record's target URI) wins over the page's canonical link, which is then
    kept in ``meta.canonical_url``; ``meta`` is added to each article's meta. ``record``
    (a WARC record's number) stands for every line number: origins and set-aside blocks
    then name the record, not a line of the page.
    """
    from lxml import etree, html

    try:
        parser = _parser()
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        yield Problem(path, record, Msg.HTML_UNREADABLE.format(detail=exc))
        return
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT":  # what follows the limit is not in the tree
            detail = _PARSER_ADVICE.sub("", " ".join(error.message.split()))
            yield Problem(path, record or error.line, Msg.HTML_CUT.format(detail=detail))
            break
    page_lang = language_code(root.get("lang") or root.get("xml:lang") or "") or None
    blocks = _blocks(root.find("body") if root.find("body") is not None else root)
    parts = _top_articles(root)
    substantial = [a for a in parts if len(_squash(a.text_content())) >= settings.min_article_chars]
    live = bool(_json_ld_types(root) & _rules().live_blog_types)
    pieces: list[tuple[Any, int, int, Any]] = []  # (page text, first line, last line, <article> or None)
    if len(substantial) >= 2:
        head = root.find("head")
        head_html = etree.tostring(head, encoding="unicode") if head is not None else ""
        for part in substantial:
            inner = etree.tostring(part, encoding="unicode")
            page = f"<html><head>{head_html}</head><body>{inner}</body></html>"
            pieces.append((page, part.sourceline or 1, _last_line(part), part))
    else:
        # One article: trafilatura gets the tree already parsed (it prunes it, so what is
        # read from the tree afterwards is read now).
        pieces.append((root, 1, text.count("\n") + 1, None))
        cards = 0 if live or parts else _teaser_cards(root, blocks, settings)
        if live or len(parts) >= settings.several_articles or cards:
            what = (
                "a live blog"
                if live
                else f"{cards} teaser cards"
                if cards
                else f"{len(parts)} <article> elements"
            )
            yield Problem(path, record, Msg.HTML_SEVERAL.format(what=what))
    page_date = _fallback_date(root, settings, day_first)
    facts = page_facts(root)
    shown = {block.text for block in blocks}
    menus = frozenset(
        b.text for b in blocks if b.links_only and len(b.text.split()) <= settings.menu_max_words
    )
    kept: list[str] = []
    #: the kept paragraphs one by one: most blocks are one of them, told by a set look-up
    kept_parts: set[str] = set()
    comments: list[str] = []
    titles: list[str] = []
    found_any = False
    for page, first, last, part in pieces:
        try:
            doc = _extract(page, url)
        except Exception as exc:  # a page must never stop a run; trafilatura's failures vary
            detail = " ".join(str(exc).split())  # one line, whatever the library's message holds
            yield Problem(path, record, Msg.HTML_UNREADABLE.format(detail=f"trafilatura: {detail}"))
            continue
        if doc is None:
            continue
        # One of several articles: its own heading and date, not the page's.
        heading = _heading(part) if part is not None else None
        title = heading or _squash(doc.title or "")
        paragraphs = _paragraphs(doc.body, title)
        data = facts.article if part is None else None
        from_data = False
        if data is not None and data.body and len(" ".join(paragraphs)) < settings.min_article_chars:
            # Too little visible text (a client-rendered page): the article in the page's JSON data.
            found = _data_paragraphs(data.body)
            if len(" ".join(found)) > len(" ".join(paragraphs)):
                paragraphs, from_data = found, True
                title = title or data.title or ""
        site_part: str | None = None
        if part is None:
            headline, site_part = title_site(
                facts.title_parts, shown | ({data.title} if data and data.title else set())
            )
            if headline and (not title or title in facts.title_parts or title == " ".join(facts.title_parts)):
                title = headline
        trimmed = trim_edges(
            [p for p in paragraphs if _squash(p) != _squash(title)] or paragraphs,
            title,
            day_first=day_first,
            menus=menus,
        )
        paragraphs = trimmed.paragraphs
        body = "\n\n".join(paragraphs)
        if not title and not body:
            continue
        found_any = True
        date: dt.date | None = None
        date_text: str | None = None
        own = _fallback_date(part, settings, day_first) if part is not None else None
        data_date = _iso_date(data.date_text, day_first) if from_data and data and data.date_text else None
        if own is not None:
            date, date_text = own
        elif doc.date:
            try:
                date = dt.date.fromisoformat(doc.date[:10])
                date_text = doc.date
            except ValueError:
                date_text = doc.date
        if date is None:
            own = data_date or trimmed.date or page_date
            if own is not None:
                date, date_text = own
        if own is not None and _squash(own[1]) in paragraphs[:2]:
            # The date line read as the body's first paragraph: it is the article's date, not text.
            paragraphs.remove(_squash(own[1]))
            body = "\n\n".join(paragraphs)
        extra: dict[str, Any] = {"format": "html", **(meta or {})}
        canonical = doc.url or None
        if url and canonical and canonical != url:
            extra["canonical_url"] = canonical
        if doc.categories:
            extra["section"] = doc.categories[0]
            extra["categories"] = list(doc.categories)
        elif from_data and data and data.section:
            extra["section"] = data.section
        if doc.tags:
            extra["tags"] = list(doc.tags)
        if doc.description:
            extra["description"] = doc.description
        if doc.hostname:
            extra["hostname"] = doc.hostname
        lang = language_code(doc.language or "") or page_lang or detect_language(f"{title}\n{body}")
        article = Article(
            id=article_id(title, date_text, body),
            title=title,
            body=body,
            date=date,
            date_text=date_text,
            author=_squash(doc.author)
            if doc.author
            else (data.author if from_data and data else trimmed.author),
            source=facts.site_name or (_squash(doc.sitename) if doc.sitename else site_part),
            url=url or canonical or (data.url if data else None),
            lang=lang,
            origin=Origin(path, record or first, record or last),
            meta=extra,
        )
        yield article
        kept.append(_squash(f"{title} {date_text or ''} {' '.join(paragraphs)}"))
        kept_parts.update(_squash(p) for p in paragraphs)
        titles.append(title)
        comment_text = _squash(" ".join(doc.commentsbody.itertext())) if doc.commentsbody is not None else ""
        comments.append(comment_text)
    if not found_any:
        yield Problem(path, record, Msg.HTML_NO_ARTICLE)
    yield from _set_aside(blocks, kept, kept_parts, comments, titles, path, record)


def _data_paragraphs(body: str) -> list[str]:
    """The paragraphs of an article body found in JSON data: HTML, or text with line breaks."""
    if "<" in body and ">" in body:
        return [p for p in html_text(body).split("\n\n") if p]
    return [p for p in (_squash(line) for line in body.splitlines()) if p]


def _iso_date(text: str, day_first: bool) -> tuple[dt.date, str] | None:
    try:
        return dt.date.fromisoformat(text[:10]), text
    except ValueError:
        found = parse_date(text, day_first=day_first)
        return (found, text) if found is not None else None


#: A run of letters and digits: a text found as whole words (:func:`_contains`) has each of its
#: runs among the haystack's, so a block with a run the kept text lacks is not searched for.
_ALNUM_RUN = re.compile(r"[^\W_]+")


def _contains(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as whole words (``اقتصاد`` is not in ``الاقتصادية``)."""
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        before = haystack[start - 1] if start else " "
        after = haystack[end] if end < len(haystack) else " "
        if not (before.isalnum() or after.isalnum()):
            return True
        start = haystack.find(needle, start + 1)
    return False


def _set_aside(
    blocks: list[_Block],
    kept: list[str],
    kept_parts: set[str],
    comments: list[str],
    titles: list[str],
    path: str,
    record: int | None,
) -> Iterator[Dropped]:
    """Each block of the page that no article kept, with why. A block that is a kept paragraph
    is found by a set look-up, and only a block whose words are all in the kept text is searched
    for in it (a search per block made the pass quadratic in a page's blocks)."""
    kept_text = "\n".join(kept)
    kept_words = set(_ALNUM_RUN.findall(kept_text))
    comment_text = "\n".join(comments)
    title_keys = {t.casefold() for t in titles if t}
    for block in blocks:
        if block.text in kept_parts or (
            kept_words.issuperset(_ALNUM_RUN.findall(block.text)) and _contains(kept_text, block.text)
        ):
            continue
        if block.text.casefold() in title_keys:
            reason = "repeated-title"
        elif block.marker == "comment" or _contains(comment_text, block.text):
            reason = "comment"
        elif block.marker == "related-link":
            reason = "related-link"
        else:
            reason = "boilerplate"
        yield Dropped(path, record or block.line, block.text, reason)
