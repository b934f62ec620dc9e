"""The review loop: discovered names gathered across a corpus, ranked, ready to become a gazetteer.

:func:`candidates` groups an annotated corpus's discovered mentions (``how="discovered"``)
by provisional id, pairs a name's Arabic and Latin spellings by their script-neutral
skeleton (each language's :meth:`~mediamon.typing.NameFinder.skeleton`), ranks them by
how many articles and outlets name them, and lists for each the existing gazetteer
entities it may be a variant of, so a reviewer merges rather than duplicates.
:func:`write_gazetteer` writes them in the contract's JSON Lines gazetteer format, which
``-g FILE`` then loads.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from mediamon import lang as languages
from mediamon.match.discover import DISCOVERED
from mediamon.match.gazetteer import Gazetteer
from mediamon.model import Article, Mention

__all__ = ["NameCandidate", "ReviewSettings", "candidates", "write_gazetteer"]

_SPACE = re.compile(r"\s+")


@attrs.frozen
class ReviewSettings:
    """How candidates are gathered: contexts kept, their width, likely variants listed, skeleton floor."""

    contexts: int = 3
    context_chars: int = 60
    similar: int = 5
    #: A skeleton shorter than this (letters) pairs nothing: too many names would meet.
    min_skeleton: int = 4
    #: Keep names seen only in titles and title-case lines (``Iraqi Resistance Lambasts FM``).
    headlines: bool = False


@attrs.frozen
class NameCandidate:
    """A discovered name for review: its spellings, counts, dates, contexts and likely existing entities."""

    id: str
    type: str
    name: str
    #: Spellings per language, most frequent first.
    names: Mapping[str, tuple[str, ...]]
    articles: int
    outlets: int
    mentions: int
    first_seen: dt.date | None
    last_seen: dt.date | None
    contexts: tuple[str, ...]
    #: Ids of gazetteer entities this name may be a spelling or a part of.
    similar: tuple[str, ...]

    def to_entity(self) -> dict[str, Any]:
        """The gazetteer JSONL object for this name (the review facts kept in ``meta``)."""
        meta: dict[str, Any] = {
            "source": DISCOVERED,
            "articles": self.articles,
            "outlets": self.outlets,
            "mentions": self.mentions,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            "contexts": list(self.contexts),
        }
        if self.similar:
            meta["may_be"] = list(self.similar)
        names = {lang: list(spellings) for lang, spellings in self.names.items()}
        return {"id": self.id, "type": self.type, "name": self.name, "names": names, "meta": meta}


@attrs.define
class _Group:
    id: str
    type: str
    spellings: dict[str, Counter[str]] = attrs.Factory(dict)
    articles: set[str] = attrs.Factory(set)
    outlets: set[str] = attrs.Factory(set)
    mentions: int = 0
    #: Mentions in a title or a title-case line (where capitals say little).
    in_headlines: int = 0
    dates: list[dt.date] = attrs.Factory(list)
    contexts: list[tuple[str, str]] = attrs.Factory(list)

    def absorb(self, other: _Group) -> None:
        for lang, counts in other.spellings.items():
            self.spellings.setdefault(lang, Counter()).update(counts)
        self.articles |= other.articles
        self.outlets |= other.outlets
        self.mentions += other.mentions
        self.in_headlines += other.in_headlines
        self.dates.extend(other.dates)
        self.contexts.extend(other.contexts)


def _context(text: str, m: Mention, width: int) -> str:
    start, end = max(0, m.start - width), min(len(text), m.end + width)
    before = ("…" if start else "") + text[start : m.start]
    after = text[m.end : end] + ("…" if end < len(text) else "")
    return _SPACE.sub(" ", f"{before}[{m.text}]{after}").strip()


def _in_headline(article: Article, m: Mention, cache: dict[tuple[str, str], list[tuple[int, int]]]) -> bool:
    """Whether a mention stands in the article's title or a title-case line of its field."""
    if m.field == "title":
        return True
    finder = languages.finder(m.lang) if m.lang in languages.CODES else None
    if finder is None:
        return False
    key = (m.field, m.lang)
    if key not in cache:
        cache[key] = finder.headlines(getattr(article, m.field))
    return any(s <= m.start and m.end <= e for s, e in cache[key])


def _skeleton(lang: str, name: str) -> str:
    finder = languages.finder(lang) if lang in languages.CODES else None
    return finder.skeleton(name) if finder is not None else ""


def _word_set(skeleton: str) -> str:
    """A skeleton's words in sorted order: ``Hussein Fuad`` and ``Fuad Hussein`` meet."""
    return " ".join(sorted(skeleton.split()))


def _similar_index(
    gazetteer: Gazetteer, settings: ReviewSettings
) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Gazetteer entity ids by alias skeleton (words in any order), and by last word of people's aliases."""
    by_skeleton: dict[str, set[str]] = {}
    by_last: dict[str, set[str]] = {}
    for entity in gazetteer:
        for lang, alias in entity.aliases():
            code = lang if lang in languages.CODES else languages.FALLBACK
            skel = _skeleton(code, alias)
            if len(skel.replace(" ", "")) >= settings.min_skeleton:
                by_skeleton.setdefault(_word_set(skel), set()).add(entity.id)
            words = languages.get(code).normalizer.normalize(alias).split()
            if entity.type == "PER" and len(words) > 1:
                by_last.setdefault(words[-1], set()).add(entity.id)
    return by_skeleton, by_last


def candidates(
    articles: Iterable[Article],
    gazetteer: Gazetteer | None = None,
    settings: ReviewSettings | None = None,
) -> list[NameCandidate]:
    """The discovered names of annotated ``articles``, most articles (then outlets, mentions) first.

    ``gazetteer`` (default: the bundled ones) is where likely existing entities are looked for.
    A name seen only in titles and title-case lines is left out (``settings.headlines``
    keeps it): there capitals mark every word, so the finder's runs there are mostly not names.
    """
    settings = settings or ReviewSettings()
    groups: dict[str, _Group] = {}
    for article in articles:
        headlines: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for m in article.mentions:
            if m.how != DISCOVERED:
                continue
            group = groups.setdefault(m.entity_id, _Group(m.entity_id, m.entity_type))
            group.spellings.setdefault(m.lang, Counter())[m.entity_name] += 1
            group.mentions += 1
            if _in_headline(article, m, headlines):
                group.in_headlines += 1
                if not settings.headlines:
                    continue  # counted, but neither an article, an outlet nor a context
            if article.id not in group.articles:
                group.articles.add(article.id)
                if article.date is not None:
                    group.dates.append(article.date)
                text = getattr(article, m.field)
                group.contexts.append((article.id, _context(text, m, settings.context_chars)))
            if article.source:
                group.outlets.add(article.source)
    merged = [g for g in _pair_scripts(groups, settings) if settings.headlines or g.mentions > g.in_headlines]
    index = _similar_index(gazetteer if gazetteer is not None else Gazetteer.default(), settings)
    out = [_finish(group, index, settings) for group in merged]
    out.sort(key=lambda c: (-c.articles, -c.outlets, -c.mentions, c.name))
    return out


def _pair_scripts(groups: Mapping[str, _Group], settings: ReviewSettings) -> list[_Group]:
    """Groups of the same type whose main spellings share a skeleton, merged (the most named keeps its id)."""
    ordered = sorted(groups.values(), key=lambda g: (-len(g.articles), -g.mentions, g.id))
    by_key: dict[tuple[str, str], _Group] = {}
    out: list[_Group] = []
    for group in ordered:
        lang, counts = next(iter(group.spellings.items()))
        skel = _skeleton(lang, counts.most_common(1)[0][0])
        key = (group.type, skel)
        owner = by_key.get(key) if len(skel.replace(" ", "")) >= settings.min_skeleton else None
        if owner is not None and not set(owner.spellings) & set(group.spellings):
            owner.absorb(group)
            continue
        if len(skel.replace(" ", "")) >= settings.min_skeleton:
            by_key.setdefault(key, group)
        out.append(group)
    return out


def _finish(
    group: _Group, index: tuple[dict[str, set[str]], dict[str, set[str]]], settings: ReviewSettings
) -> NameCandidate:
    by_skeleton, by_last = index
    names = {lang: tuple(s for s, _ in counts.most_common()) for lang, counts in group.spellings.items()}
    similar: Counter[str] = Counter()
    for lang, spellings in names.items():
        code = lang if lang in languages.CODES else languages.FALLBACK
        for spelling in spellings:
            for ident in by_skeleton.get(_word_set(_skeleton(code, spelling)), ()):
                similar[ident] += 2
            words = languages.get(code).normalizer.normalize(spelling).split()
            if group.type == "PER" and words:
                for ident in by_last.get(words[-1], ()):
                    similar[ident] += 1
    english = names.get("en") or ()
    name = english[0] if english else next(iter(names.values()))[0]
    seen: set[str] = set()
    contexts: list[str] = []
    for article_id, context in group.contexts:
        if article_id not in seen and len(contexts) < settings.contexts:
            seen.add(article_id)
            contexts.append(context)
    return NameCandidate(
        id=group.id,
        type=group.type,
        name=name,
        names=names,
        articles=len(group.articles),
        outlets=len(group.outlets),
        mentions=group.mentions,
        first_seen=min(group.dates) if group.dates else None,
        last_seen=max(group.dates) if group.dates else None,
        contexts=tuple(contexts),
        similar=tuple(ident for ident, _ in similar.most_common(settings.similar)),
    )


def write_gazetteer(found: Iterable[NameCandidate], path: str | os.PathLike[str]) -> int:
    """Write candidates as a JSON Lines gazetteer (one entity a line); returns how many were written."""
    from mediamon.io.atomic import atomic_write

    count = 0
    with atomic_write(os.fspath(path)) as fh:
        for candidate in found:
            fh.write(json.dumps(candidate.to_entity(), ensure_ascii=False) + "\n")
            count += 1
    return count
