"""Splitting a plain-text scraped dump into articles.

A dump is a page where articles follow one another: a title, some header lines (date,
byline, outlet, image captions), body paragraphs, then site furniture (related-content
lists, share widgets, footers) before the next title. The parser works in two passes:

1. every non-blank line is classified on its own (boilerplate, related-content header,
   date, byline, poster, source, caption, or text with its shape) from the per-language
   cue files ``mediamon/data/<lang>/segment.json``;
2. a walk over the lines finds titles -- a headline-shaped line followed within a few
   lines by a header cue (date, byline, source, a repeat of itself), or, right after a
   separator, by body paragraphs -- and assigns every other line to a field of the
   current article or to ``dropped`` with a reason.

Every non-blank line ends up in exactly one place; nothing is lost silently.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from mediamon import lang
from mediamon.errors import DataFileError, Msg
from mediamon.model import Article, Dropped, Origin, article_id
from mediamon.resources import compile_patterns, data_path, load_json, string_list
from mediamon.text.dates import DateMatch, match_date_line
from mediamon.text.langid import detect_language

__all__ = ["DROP_REASONS", "SegmentRules", "segment_lines"]

#: Why a line was set aside (``Dropped.reason``).
DROP_REASONS = (
    "boilerplate",
    "related-link",
    "caption",
    "repeated-title",
    "repeated-paragraph",
    "extra-date",
    "orphan-header",
)

_EDGE_PUNCT = " \t\u00a0:;.,!?؟،؛…|-–—*#•►▶»«\"'“”‘’()[]{}<>/\\"
_SENTENCE_END = re.compile(r"[.!。]['\"”’»)\]]*$")
_WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*")
_HAS_DIGIT = re.compile(r"\d")
_NAME_STOP = re.compile(r"[:;,.!?؟|@#()\[\]\"“”«»/\\]")


_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))


# Combining marks (Latin accents, Arabic harakat and Quranic marks) and tatweel.
_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u0640\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u08d3-\u08ff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
_TITLE_MAX = 300


@functools.lru_cache(maxsize=8192)
def phrase_key(text: str) -> str:
    """A key for comparing cue phrases: case-folded, marks and tatweel removed, dashes unified, trimmed."""
    folded = _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold().translate(_DASHES)))
    return " ".join(folded.strip(_EDGE_PUNCT).split())


_PATTERN_GROUPS: dict[str, Callable[[set[str]], bool]] = {
    "byline_patterns": lambda groups: len(groups) == 1,
    "poster_patterns": lambda groups: "name" in groups and groups <= {"name", "date"},
    "source_patterns": lambda groups: groups == {"name"},
    "dateline_patterns": lambda groups: groups == {"place", "name"},
}


@attrs.frozen
class SegmentRules:
    """The cue phrases and patterns of every supported language, compiled."""

    related_headers: frozenset[str]
    boilerplate: frozenset[str]
    boilerplate_patterns: tuple[re.Pattern[str], ...]
    caption_patterns: tuple[re.Pattern[str], ...]
    byline_patterns: tuple[re.Pattern[str], ...]
    poster_patterns: tuple[re.Pattern[str], ...]
    source_patterns: tuple[re.Pattern[str], ...]
    dateline_patterns: tuple[re.Pattern[str], ...]
    outlets: frozenset[str]
    not_name_words: frozenset[str] = frozenset()

    @classmethod
    @functools.cache
    def default(cls) -> SegmentRules:
        """Rules from the bundled ``segment.json`` of every language in the registry."""
        merged: dict[str, list[Any]] = {}
        for code in lang.CODES:
            name = f"{code}/segment.json"
            data = load_json(name)
            source = data_path(name)
            for key in ("related_headers", "boilerplate", "outlets", "not_name_words"):
                merged.setdefault(key, []).extend(
                    phrase_key(p) for p in string_list(data, key, source=source)
                )
            for key in ("boilerplate_patterns", "caption_patterns"):
                merged.setdefault(key, []).extend(
                    compile_patterns(string_list(data, key, source=source), source=source, key=key)
                )
            for key, needs in _PATTERN_GROUPS.items():
                patterns = compile_patterns(string_list(data, key, source=source), source=source, key=key)
                for pattern in patterns:
                    if not needs(set(pattern.groupindex)):
                        raise DataFileError(
                            Msg.DATA_FILE.format(
                                detail=f"{key!r}: pattern {pattern.pattern!r} lacks its named group"
                            ),
                            path=source,
                        )
                merged.setdefault(key, []).extend(patterns)
        return cls(
            related_headers=frozenset(merged["related_headers"]),
            boilerplate=frozenset(merged["boilerplate"]) | frozenset(merged["related_headers"]),
            boilerplate_patterns=tuple(merged["boilerplate_patterns"]),
            caption_patterns=tuple(merged["caption_patterns"]),
            byline_patterns=tuple(merged["byline_patterns"]),
            poster_patterns=tuple(merged["poster_patterns"]),
            source_patterns=tuple(merged["source_patterns"]),
            dateline_patterns=tuple(merged["dateline_patterns"]),
            outlets=frozenset(merged["outlets"]),
            not_name_words=frozenset(merged["not_name_words"]),
        )


class Kind(enum.Enum):
    """What a line is on its own, before context."""

    BOILERPLATE = "boilerplate"
    RELATED = "related"
    DATE = "date"
    BYLINE = "byline"
    POSTER = "poster"
    SOURCE = "source"
    OUTLET = "outlet"
    CAPTION = "caption"
    TEXT = "text"


@attrs.define
class Line:
    """One non-blank input line with its classification and shape."""

    number: int
    text: str
    kind: Kind
    words: int
    key: str
    name: str | None = None
    role: str = "name"
    place: str | None = None
    date: DateMatch | None = None
    nameish: bool = False
    adjacent_block: int = 0
    block_size: int = 1
    block_caption: bool = False

    @property
    def sentence(self) -> bool:
        return bool(_SENTENCE_END.search(self.text))

    @property
    def body_like(self) -> bool:
        """A body paragraph: a sentence of some length, or simply long."""
        return self.kind is Kind.TEXT and ((self.sentence and self.words >= 6) or self.words >= 30)

    @property
    def title_like(self) -> bool:
        """Shaped like a headline: short, not a finished sentence, not a lead-in ending in a colon."""
        return (
            self.kind is Kind.TEXT
            and 1 <= self.words <= 30
            and len(self.text) <= 250
            and not (self.sentence and self.words > 3)
            and not self.text.endswith(":")
        )

    @property
    def name_like(self) -> bool:
        """Shaped like a bare personal name (an author line)."""
        if self.kind is not Kind.TEXT or not self.nameish or not 1 <= self.words <= 5 or len(self.text) > 50:
            return False
        if _HAS_DIGIT.search(self.text) or _NAME_STOP.search(self.text):
            return False
        latin = [w for w in self.text.split() if w[:1].isascii() and w[:1].isalpha()]
        if latin and not all(w[0].isupper() for w in latin):
            return False
        return self.words >= 2 or not latin


def _classify(number: int, text: str, rules: SegmentRules, day_first: bool) -> Line:
    # Long lines are body text whatever their exact word count: count them cheaply.
    words = len(_WORD.findall(text)) if len(text) <= 400 else len(text.split())
    short = len(text) <= 200
    key = phrase_key(text) if short else ""
    line = Line(number=number, text=text, kind=Kind.TEXT, words=words, key=key)
    if not short:
        return line
    line.nameish = words <= 5 and not any(w in rules.not_name_words for w in key.split())
    if key in rules.related_headers:
        line.kind = Kind.RELATED
    elif key in rules.boilerplate or not key or any(p.search(text) for p in rules.boilerplate_patterns):
        line.kind = Kind.BOILERPLATE
    elif (date := match_date_line(text, day_first=day_first)) is not None:
        line.kind, line.date = Kind.DATE, date
    elif (found := _match(rules.source_patterns, text)) is not None:
        line.kind, line.name = Kind.SOURCE, found[1]
    elif (found := _match(rules.poster_patterns, text)) is not None:
        match, name = found
        date_text = match.groupdict().get("date")
        if date_text is not None:
            date = match_date_line(date_text, day_first=day_first)
            if date is None:
                return line
            line.kind, line.date = Kind.DATE, date
        else:
            line.kind = Kind.POSTER
        line.name = name
    elif (byline := _byline(rules.byline_patterns, text)) is not None:
        line.kind, line.role, line.name = Kind.BYLINE, *byline
    elif any(p.search(text) for p in rules.caption_patterns):
        line.kind = Kind.CAPTION
    elif key in rules.outlets:
        line.kind, line.name = Kind.OUTLET, text
    elif (found := _match(rules.dateline_patterns, text)) is not None and phrase_key(
        found[1]
    ) in rules.outlets:
        line.kind, line.name, line.place = Kind.SOURCE, found[1], found[0].group("place").strip()
    return line


def _match(
    patterns: Sequence[re.Pattern[str]], text: str, group: str = "name"
) -> tuple[re.Match[str], str] | None:
    """The first pattern match with a non-empty ``group``, and that group cleaned."""
    for pattern in patterns:
        match = pattern.search(text)
        if match is None:
            continue
        name = (match.group(group) if group in pattern.groupindex else match.group(1)).strip(" \t:،,-–|")
        if name:
            return match, name
    return None


def _byline(patterns: Sequence[re.Pattern[str]], text: str) -> tuple[str, str] | None:
    """(role, name) from a byline: role ``name`` is the author, others fill meta when an author exists."""
    found = _match(patterns, text)
    if found is None:
        return None
    match, name = found
    if name.endswith(".") and len(name.split()) <= 3:
        name = name[:-1]
    if len(name.split()) > 8 or _SENTENCE_END.search(name):
        return None
    role = next(iter(match.re.groupindex))
    return role, name


def _mark_blocks(lines: list[Line]) -> None:
    """Group lines that touch (no blank line between) and flag short caption-like blocks.

    A block of two or three lines holding a caption cue makes its short lines captions;
    a block of exactly two short lines neither of which is a sentence is a caption
    (image alt text above its caption, an author box).
    """
    block = 0
    for i, line in enumerate(lines):
        if i == 0 or line.number != lines[i - 1].number + 1:
            block += 1
        line.adjacent_block = block
    by_block: dict[int, list[Line]] = {}
    for line in lines:
        by_block.setdefault(line.adjacent_block, []).append(line)
    for members in by_block.values():
        size = len(members)
        for line in members:
            line.block_size = size
        if size < 2 or size > 3 or any(m.kind not in (Kind.TEXT, Kind.CAPTION) for m in members):
            continue
        if any(m.kind is Kind.CAPTION for m in members):
            for m in members:
                if m.kind is Kind.TEXT and m.words <= 30:
                    m.kind = Kind.CAPTION
        elif size == 2 and all(m.words <= 15 and not m.sentence for m in members):
            for m in members:
                m.block_caption = True


def _same_title(a: str, b: str) -> bool:
    if len(a) > _TITLE_MAX or len(b) > _TITLE_MAX:
        return False
    key = phrase_key(a)
    return bool(key) and key == phrase_key(b)


@attrs.define
class _Draft:
    """An article being assembled."""

    first_line: int
    title: str = ""
    title_line: int | None = None
    date: DateMatch | None = None
    author: str | None = None
    source: str | None = None
    meta: dict[str, Any] = attrs.Factory(dict)
    paragraphs: list[str] = attrs.Factory(list)
    seen: set[str] = attrs.Factory(set)
    lines: list[int] = attrs.Factory(list)
    dropped: list[tuple[Line, str]] = attrs.Factory(list)
    in_body: bool = False


class _Walker:
    """The second pass: find titles, fill articles, account for every line."""

    HEADER_LOOKAHEAD = 6
    BODY_LOOKAHEAD = 10

    def __init__(self, lines: list[Line], path: str):
        self.lines = lines
        self.path = path
        self.articles: list[_Draft] = []
        self.loose: list[tuple[Line, str]] = []
        self.current: _Draft | None = None
        self.separator = True
        self.related = False
        self.leading: Line | None = None

    # -- look-ahead cues ------------------------------------------------------------
    def _skippable(self, line: Line) -> bool:
        return line.kind is Kind.CAPTION or line.block_caption or line.name_like

    def _strong(self, k: int) -> bool:
        title = self.lines[k]
        for line in self.lines[k + 1 : k + 1 + self.HEADER_LOOKAHEAD]:
            if line.kind in (Kind.DATE, Kind.BYLINE, Kind.POSTER, Kind.SOURCE, Kind.OUTLET):
                return True
            if line.kind is Kind.TEXT and _same_title(line.text, title.text):
                return True
            if self._skippable(line):
                continue
            return False
        return False

    def _next_cue(self, k: int) -> Line | None:
        """The first header cue after line ``k``, skipping captions and name lines."""
        for line in self.lines[k + 1 : k + 1 + self.HEADER_LOOKAHEAD]:
            if line.kind in (Kind.DATE, Kind.BYLINE, Kind.POSTER, Kind.SOURCE, Kind.OUTLET):
                return line
            if not self._skippable(line):
                return None
        return None

    def _weak(self, k: int) -> bool:
        for line in self.lines[k + 1 : k + 1 + self.HEADER_LOOKAHEAD]:
            if self._skippable(line) and not line.body_like:
                continue
            return line.body_like
        return False

    def _body_ahead(self, k: int) -> bool:
        for line in self.lines[k + 1 : k + 1 + self.BODY_LOOKAHEAD]:
            if line.body_like:
                return True
            if line.kind in (Kind.BOILERPLATE, Kind.RELATED):
                return False
        return False

    def _is_title(self, k: int) -> bool:
        line = self.lines[k]
        if not line.title_like or line.block_caption:
            return False
        if self.current is not None and not self.current.in_body and line.name_like:
            # A bare name in a header is the author -- unless a byline or, when this article
            # already has its date, a date follows it: then it heads the next article.
            cue = self._next_cue(k)
            if cue is None or cue.kind not in (Kind.BYLINE, Kind.POSTER, Kind.DATE):
                return False
            if cue.kind is Kind.DATE and self.current.date is None:
                return False
        if self.related and not self._body_ahead(k):
            return False
        if self._strong(k):
            return True
        return self.separator and self._weak(k)

    # -- assignment -----------------------------------------------------------------
    def _drop(self, line: Line, reason: str) -> None:
        """Set a line aside; site furniture and related links belong to no article."""
        if self.current is not None and reason not in ("boilerplate", "related-link"):
            self.current.dropped.append((line, reason))
        else:
            self.loose.append((line, reason))

    def _leading_date(self, k: int) -> bool:
        """A date line standing above the next article's title rather than in this one's header.

        Only when the current article cannot take it (it has a date, or its body has
        begun) and a headline follows that is itself followed by body or header cues.
        """
        draft = self.current
        if draft is not None and not draft.in_body and draft.date is None:
            return False
        if k + 1 >= len(self.lines):
            return False
        title = self.lines[k + 1]
        if not title.title_like or title.block_caption or title.name_like:
            return False
        if draft is not None and _same_title(title.text, draft.title):
            return False
        return self._strong(k + 1) or self._weak(k + 1)

    def _start(self, line: Line) -> _Draft:
        draft = _Draft(first_line=line.number, title=line.text, title_line=line.number)
        if self.leading is not None:
            draft.first_line = self.leading.number
            draft.date = self.leading.date
            draft.lines.append(self.leading.number)
            if self.leading.name is not None:
                draft.meta["posted_by"] = self.leading.name
            self.leading = None
        draft.lines.append(line.number)
        self.articles.append(draft)
        self.current = draft
        self.separator = False
        self.related = False
        return draft

    def _paragraph(self, draft: _Draft, line: Line) -> None:
        if line.text in draft.seen:
            draft.dropped.append((line, "repeated-paragraph"))
            return
        if draft.title and _same_title(line.text, draft.title):
            draft.dropped.append((line, "repeated-title"))
            return
        draft.seen.add(line.text)
        draft.paragraphs.append(line.text)
        draft.lines.append(line.number)
        draft.in_body = True

    def _header_field(self, draft: _Draft, line: Line) -> bool:
        """Fill a header field from a cue line; False when the line is not one."""
        if line.kind is Kind.DATE:
            if draft.date is None:
                draft.date = line.date
                draft.lines.append(line.number)
                if line.name is not None:
                    draft.meta.setdefault("posted_by", line.name)
            else:
                draft.dropped.append((line, "extra-date"))
            return True
        if line.kind is Kind.SOURCE:
            if draft.source is None:
                draft.source = line.name
                draft.lines.append(line.number)
                if line.place is not None:
                    draft.meta.setdefault("dateline", line.place)
                return True
            return False
        if line.kind is Kind.BYLINE:
            if draft.author is None:
                draft.author = line.name
                draft.lines.append(line.number)
            elif line.name == draft.author:
                draft.dropped.append((line, "repeated-paragraph"))
            else:
                key = "bylines" if line.role == "name" else line.role
                if key == "bylines":
                    draft.meta.setdefault(key, []).append(line.name)
                else:
                    draft.meta.setdefault(key, line.name)
                draft.lines.append(line.number)
            return True
        if line.kind is Kind.POSTER:
            if "posted_by" not in draft.meta:
                draft.meta["posted_by"] = line.name
                draft.lines.append(line.number)
            else:
                draft.dropped.append((line, "repeated-paragraph"))
            return True
        return False

    def run(self) -> None:
        for k, line in enumerate(self.lines):
            draft = self.current
            if line.kind is Kind.RELATED:
                self._drop(line, "boilerplate")
                self.separator = self.related = True
                continue
            if line.kind is Kind.BOILERPLATE:
                self._drop(line, "boilerplate")
                self.separator = True
                continue
            if draft is not None and not draft.in_body and _same_title(line.text, draft.title):
                draft.dropped.append((line, "repeated-title"))
                continue
            if self.leading is not None:
                self._start(line)
                continue
            if line.kind is Kind.DATE and self._leading_date(k):
                self.leading = line
                continue
            if line.kind is Kind.TEXT and self._is_title(k):
                self._start(line)
                continue
            if draft is None or self.related:
                self._outside(line)
                continue
            if self._header_field(draft, line):
                continue
            if line.kind is Kind.CAPTION or (line.block_caption and not line.body_like):
                draft.dropped.append((line, "caption"))
                continue
            if not draft.in_body and _same_title(line.text, draft.title):
                draft.dropped.append((line, "repeated-title"))
                continue
            if not draft.in_body and line.kind is Kind.OUTLET and draft.source is None:
                draft.source = line.name
                draft.lines.append(line.number)
                continue
            if not draft.in_body and line.name_like and draft.author is None and not line.body_like:
                draft.author = line.text
                draft.lines.append(line.number)
                continue
            self._paragraph(draft, line)
            self.separator = False

    def _outside(self, line: Line) -> None:
        """A line outside any article: furniture, a related link, or an untitled article."""
        if line.kind is Kind.CAPTION or (line.block_caption and not self.related):
            self._drop(line, "caption")
        elif self.related:
            self._drop(line, "related-link")
        elif self.current is None and not line.body_like and line.kind in (Kind.TEXT, Kind.OUTLET):
            self._drop(line, "boilerplate")
        else:
            draft = _Draft(first_line=line.number)
            self.articles.append(draft)
            self.current = draft
            self.separator = False
            if not self._header_field(draft, line):
                self._paragraph(draft, line)


def segment_lines(
    raw_lines: Sequence[str],
    *,
    path: str,
    day_first: bool = True,
    rules: SegmentRules | None = None,
) -> tuple[list[Article], list[Dropped]]:
    """Split the lines of one dump into Articles and the lines set aside (1-based numbers)."""
    rules = rules or SegmentRules.default()
    lines = [
        _classify(i, stripped, rules, day_first)
        for i, raw in enumerate(raw_lines, start=1)
        if (stripped := raw.strip())
    ]
    _mark_blocks(lines)
    walker = _Walker(lines, path)
    walker.run()
    articles: list[Article] = []
    dropped: list[Dropped] = []
    texts = {line.number: line.text for line in lines}
    for draft in walker.articles:
        if not draft.title and not draft.paragraphs:
            # Header lines (a date, a byline) with no article to belong to.
            dropped.extend(Dropped(path, n, texts[n], "orphan-header") for n in draft.lines)
            dropped.extend(Dropped(path, ln.number, ln.text, reason) for ln, reason in draft.dropped)
            continue
        article = _finish(draft, path)
        articles.append(article)
        dropped.extend(Dropped(path, ln.number, ln.text, reason, article.id) for ln, reason in draft.dropped)
    dropped.extend(Dropped(path, ln.number, ln.text, reason) for ln, reason in walker.loose)
    dropped.sort(key=lambda d: d.line)
    return articles, dropped


def _finish(draft: _Draft, path: str) -> Article:
    body = "\n\n".join(draft.paragraphs)
    date_text = draft.date.text if draft.date else None
    text = f"{draft.title}\n{body}" if draft.title else body
    return Article(
        id=article_id(draft.title, date_text, body),
        title=draft.title,
        body=body,
        date=draft.date.date if draft.date else None,
        date_text=date_text,
        author=draft.author,
        source=draft.source,
        lang=detect_language(text),
        origin=Origin(path, draft.first_line, max(draft.lines)),
        meta=draft.meta,
    )
