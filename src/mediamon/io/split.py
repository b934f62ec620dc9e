"""Articles over the size cap split into parts at paragraph breaks, so memory stays bounded.

Annotating an article holds its text, its normalised copies and its mentions at once: on
news about 30 bytes of memory per character, and several hundred per character on text
dense with names. One record or one dump without article boundaries can be hundreds of
megabytes, so an article longer than :attr:`~mediamon.io.inputs.ReadLimits.max_article_chars`
is cut into consecutive articles of at most that many characters (at the last paragraph
break before the cap, else the last line break, else the last space, else at the cap).

Nothing is lost and nothing is silent: the parts together hold the body exactly, each part
names its place in ``meta`` (``part``, ``parts``; ``part_of``, the article's id, on the later
parts), the first keeps the article's id and title and the others add ``#k`` to the id,
mentions carried by a record move to the part holding them (no cut falls inside one), and
one problem names the file and line. A title as long as the cap (only a record can have one)
becomes the opening paragraph of the body, as it cannot be cut and stay a title.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate

import attrs

from mediamon.errors import Msg, Problem
from mediamon.model import TEXT_SEPARATOR, Article, Mention

__all__ = ["split_article"]

#: Where a part may end, best first: a paragraph break, a line break, a space.
_BREAKS = ("\n\n", "\n", " ")


def _cut(body: str, start: int, limit: int) -> int:
    """The end of the part starting at ``start``: after the last break within ``limit`` characters."""
    end = start + limit
    if end >= len(body):
        return len(body)
    for mark in _BREAKS:
        found = body.rfind(mark, start + 1, end)
        if found > start:
            return found + len(mark)
    return end


def _bounds(body: str, limit: int, held: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each part; a cut inside a held span (a mention) moves to its start,
    or to its end when the span opens the part.

    ``held`` is sorted by start. Only the spans that can hold a cut are visited: none whose
    end is at or before the part's start (found by bisection on the running maximum of the
    ends) and none starting at or after the cut, so the work is linear in the mentions.
    """
    reach = list(accumulate((last for _, last in held), max))
    spans = []
    start = 0
    while start < len(body):
        end = _cut(body, start, limit)
        for first, last in held[bisect_right(reach, start) :]:
            if first >= end:
                break
            if end < last:
                end = first if first > start else last
        spans.append((start, end))
        start = end
    return spans


def _title_into_body(article: Article) -> Article:
    """The article with its title as the body's first paragraph (title mentions moved with it)."""
    shift = len(article.title) + len(TEXT_SEPARATOR)
    mentions = [
        attrs.evolve(m, field="body")
        if m.field == "title"
        else attrs.evolve(m, start=m.start + shift, end=m.end + shift)
        for m in article.mentions
    ]
    return article.evolve(title="", body=article.title + TEXT_SEPARATOR + article.body, mentions=mentions)


def split_article(article: Article, limit: int, path: str) -> tuple[list[Article], Problem | None]:
    """``article`` as parts of at most ``limit`` characters each (itself when it fits), and the
    problem saying so."""
    if len(article.title) + len(article.body) <= limit:
        return [article], None
    moved = len(article.title) >= limit  # the first part must leave room for some body
    if moved:
        article = _title_into_body(article)
    held = sorted((m.start, m.end) for m in article.mentions if m.field == "body")
    spans = _bounds(article.body, limit - len(article.title), held)
    parts = list(_parts(article, spans))
    line = article.origin.first_line if article.origin is not None else None
    reason = Msg.ARTICLE_SPLIT.format(
        size=len(article.title) + len(article.body), limit=limit, parts=len(parts)
    ) + (Msg.ARTICLE_TITLE_MOVED if moved else "")
    return parts, Problem(path, line, reason)


def _parts(article: Article, spans: list[tuple[int, int]]) -> Iterator[Article]:
    starts = [start for start, _ in spans]
    inside: list[list[Mention]] = [[] for _ in spans]
    for m in article.mentions:  # each body mention to the part holding it, in the article's order
        if m.field == "body":
            k = bisect_right(starts, m.start) - 1
            start, end = spans[k]
            if m.end <= end:
                inside[k].append(attrs.evolve(m, start=m.start - start, end=m.end - start))
    for k, (start, end) in enumerate(spans, 1):
        mentions = inside[k - 1]
        meta = {**article.meta, "part": k, "parts": len(spans)}
        if k == 1:
            mentions[:0] = [m for m in article.mentions if m.field == "title"]
        else:
            meta["part_of"] = article.id
        yield article.evolve(
            id=article.id if k == 1 else f"{article.id}#{k}",
            title=article.title if k == 1 else "",
            body=article.body[start:end],
            mentions=mentions,
            meta=meta,
        )
