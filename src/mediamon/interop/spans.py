"""Mentions as spans of ``Article.text`` (title, blank line, body) and as displaCy dicts.

A mention's offsets are into its field (``title`` or ``body``); tools that see one text
per article (spaCy, displaCy, Label Studio) need them in ``Article.text``. These
functions need no optional package.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

from mediamon.model import TEXT_SEPARATOR, Article, Mention

__all__ = [
    "TYPE_COLOURS",
    "WIKIDATA_URL",
    "direction",
    "displacy_options",
    "field_offset",
    "text_spans",
    "to_displacy",
]

#: Where a mention's ``kb_url`` points when its entity has a Wikidata QID.
WIKIDATA_URL = "https://www.wikidata.org/wiki/{qid}"
#: Highlight colours of the bundled entity types (notebook marks, displaCy); others get ``OTHER_COLOUR``.
TYPE_COLOURS = {"PER": "#fde2e4", "ORG": "#dbeafe", "LOC": "#dcfce7", "MEDIA": "#fef3c7"}
OTHER_COLOUR = "#e5e7eb"


def displacy_options() -> dict[str, Any]:
    """displaCy ``options`` colouring mediamon's types as notebooks do (its defaults lack PER, MEDIA)."""
    return {"colors": dict(TYPE_COLOURS)}


def field_offset(article: Article, field: str) -> int:
    """Where ``field`` starts in ``article.text``: 0 for the title, the body after title and blank line."""
    if field == "body" and article.title and article.body:
        return len(article.title) + len(TEXT_SEPARATOR)
    return 0


def text_spans(article: Article) -> Iterator[tuple[int, int, Mention]]:
    """(start, end, mention) for each mention, offsets into ``article.text``, in text order."""
    found = [
        (m.start + field_offset(article, m.field), m.end + field_offset(article, m.field), m)
        for m in article.mentions
    ]
    found.sort(key=lambda item: (item[0], -item[1]))
    yield from found


def direction(article: Article) -> str:
    """``"rtl"`` for an article in a right-to-left language (or, undetermined, mostly in such a
    script), else ``"ltr"``: the one rule the report uses too."""
    from mediamon.report import _article_direction

    return _article_direction(article)


def to_displacy(article: Article) -> dict[str, Any]:
    """displaCy's manual-mode dict for ``article``: ``displacy.render(d, style="ent", manual=True)``.

    ``text`` is ``article.text``; ``ents`` are the exact mention spans (displaCy needs no
    token boundaries), sorted, overlaps left out (the first, longest wins); ``label`` is the
    entity type, ``kb_id`` the entity id, ``kb_url`` its Wikidata page when known.
    ``settings`` carries the language and ``direction`` (``rtl`` for Arabic), which displaCy
    reads from the first dict it renders. displaCy inserts labels and ids into its HTML
    unescaped, so they are HTML-escaped here (the text it escapes itself).
    """
    ents: list[dict[str, Any]] = []
    end = 0
    for start, stop, mention in text_spans(article):
        if start < end:
            continue
        end = stop
        url = WIKIDATA_URL.format(qid=mention.wikidata) if mention.wikidata else "#"
        ents.append(
            {
                "start": start,
                "end": stop,
                "label": html.escape(mention.entity_type),
                "kb_id": html.escape(mention.entity_id),
                "kb_url": html.escape(url),
            }
        )
    return {
        "text": article.text,
        "ents": ents,
        "title": None,
        "settings": {"lang": article.lang, "direction": direction(article)},
    }
