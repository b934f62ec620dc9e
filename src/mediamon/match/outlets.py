"""Outlets as entities: an article's outlet linked to a MEDIA entity of the gazetteers in use.

The Annotator calls :meth:`OutletIndex.link` on every article, since that is where the
gazetteers are known (bundled and the user's). The outlet is looked for, in this order:

1. the ``source`` field (a name or alias of a MEDIA entity, or a domain; words that say
   what an outlet is, ``Website``, ``قناة``, listed in ``data/<lang>/outlets.json``, are
   dropped from its ends when the whole names nothing);
2. the ``url``'s domain (or a parent domain) among the domains in MEDIA entities'
   ``meta.domains``;
3. the dateline (``meta.dateline``, such as ``بيروت – المنار`` or ``WASHINGTON (Reuters)``;
   when there is none, a dateline opening the body, ``WASHINGTON (Reuters) - ...``, all of
   whose parts are gazetteer places or outlets, which is then kept as ``meta.dateline``):
   a part naming a MEDIA entity;
4. a ``Source:`` / ``المصدر:`` line at the start or end of the body (the cue patterns of
   ``data/<lang>/segment.json``).

The entity id goes to ``meta.source_id`` and the step that found it to
``meta.source_from`` (``source``, ``url``, ``dateline``, ``author``, ``source-line``); ``source`` stays the
display string (filled with what was found when the article had none). A dateline part
naming a gazetteer place gives ``meta.dateline_place_id``. An ``author`` that is an outlet's
name (a dateline's agency, ``واس``) is an outlet, not an author: it becomes the source.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

from mediamon import lang as languages
from mediamon.match.gazetteer import Gazetteer
from mediamon.model import Article
from mediamon.resources import compile_patterns, load_json, string_list

__all__ = ["OutletIndex"]

_SEPARATOR = r"[()\[\]|/:،,؛;]|[\-–—]{2,}|^[\-–—]+|[\-–—]+$"
# Spaces before a separator are taken only from the start of their run, and never given back,
# so a long run of spaces costs its length once (``\s*`` retried at each of its positions was
# quadratic: 20,000 spaces in a record's source took 20 s to annotate). A single dash separates
# only between spaces, as before.
_PIECES = re.compile(rf"(?:(?<!\s)\s++(?:[\-–—]+(?=\s)|{_SEPARATOR})|{_SEPARATOR})\s*+")
_EDGE = " \t\u00a0.-–—:;,،؛|()[]\"'«»“”"
#: A dateline opening a paragraph: up to 80 characters, then a dash with a space after it.
_LEAD = re.compile(r"(?P<lead>[^\n]{2,80}?)\s*[\-–—]{1,2}\s+\S")
#: Lines of the body, from each end, where a ``Source:`` line is looked for.
_SOURCE_LINE_REACH = 3


def _end_lines(body: str, reach: int) -> list[str]:
    """The first ``reach`` and the last ``reach`` non-blank lines of ``body``, stripped, each
    once (a short body's lines are not read twice), without stripping the lines between.

    The lines of ``body.split("\n")``, found by searching for line breaks from each end: the
    lines between are never copied (a long body is read at its ends only)."""
    head: list[tuple[int, int]] = []  # (start, end) of each line kept from the front
    start = 0
    while len(head) < reach:
        stop = body.find("\n", start)
        end = len(body) if stop < 0 else stop
        if not body[start:end].isspace() and start < end:
            head.append((start, end))
        if stop < 0:
            break
        start = stop + 1
    tail: list[tuple[int, int]] = []
    if len(head) == reach:  # else every non-blank line is in head
        floor = head[-1][0]  # only lines after the last one of head
        end = len(body)
        while len(tail) < reach:
            stop = body.rfind("\n", 0, end)
            start = stop + 1
            if start <= floor:
                break
            if not body[start:end].isspace() and start < end:
                tail.append((start, end))
            end = stop
    return [body[start:end].strip() for start, end in head + tail[::-1]]


@functools.cache
def _source_patterns() -> tuple[re.Pattern[str], ...]:
    patterns: list[re.Pattern[str]] = []
    for code in languages.CODES:
        name = f"{code}/segment.json"
        found = string_list(load_json(name), "source_patterns", source=name)
        patterns.extend(compile_patterns(found, source=name, key="source_patterns"))
    return tuple(patterns)


@functools.cache
def _generic_words() -> frozenset[str]:
    """Keys of the words that say what an outlet is, not which (``Website``, ``قناة``)."""
    words: set[str] = set()
    for code in languages.CODES:
        name = f"{code}/outlets.json"
        words.update(
            _key(w) for w in string_list(load_json(name), "generic_words", source=name, required=True)
        )
    return frozenset(words)


def _trimmed(key: str) -> Iterator[str]:
    """``key`` with generic words dropped from its ends, one at a time (``al-manar english website``
    gives ``al-manar english``, then ``al-manar``); never empty."""
    generic = _generic_words()
    words = key.split()
    while len(words) > 1:
        for size in (2, 1):
            if len(words) > size and " ".join(words[-size:]) in generic:
                words = words[:-size]
                break
            if len(words) > size and " ".join(words[:size]) in generic:
                words = words[size:]
                break
        else:
            return
        yield " ".join(words)


def _key(text: str) -> str:
    """A lookup key: each language's normalisation for its script, case folded, spaces squashed."""
    text = " ".join(text.split()).strip(_EDGE)
    for language in languages.languages():
        if language.owns(text):
            text = language.normalizer.normalize(text)
    return " ".join(text.casefold().split())


def _host(url: str) -> str | None:
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    return host.lower().removeprefix("www.") if host else None


class OutletIndex:
    """MEDIA aliases, MEDIA domains and place aliases of one gazetteer, for linking outlets."""

    def __init__(self, gazetteer: Gazetteer):
        self.media: dict[str, str] = {}
        self.domains: dict[str, str] = {}
        self.places: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for entity in gazetteer:
            if entity.type == "MEDIA":
                self.names[entity.id] = entity.name
                for alias in (entity.name, *(alias for _, alias in entity.aliases())):
                    self.media.setdefault(_key(alias), entity.id)
                for domain in entity.meta.get("domains") or ():
                    if isinstance(domain, str) and domain.strip():
                        self.domains.setdefault(domain.strip().lower().removeprefix("www."), entity.id)
            elif entity.type == "LOC":
                for _, alias in entity.aliases():
                    self.places.setdefault(_key(alias), entity.id)

    def outlet(self, text: str) -> str | None:
        """The MEDIA id a name, alias or domain stands for (generic words like ``Website`` aside), or None."""
        key = _key(text)
        found = self.media.get(key)
        if found is None and "." in text and " " not in text.strip():
            found = self.by_domain(text)
        if found is None:
            found = next((self.media[k] for k in _trimmed(key) if k in self.media), None)
        return found

    def by_domain(self, url: str) -> str | None:
        """The MEDIA id of a URL's host or its nearest parent domain (``english.almayadeen.net``)."""
        host = _host(url)
        if host is None:
            return None
        path = urlsplit(url if "//" in url else f"//{url}").path.strip("/").split("/")[0]
        if path and f"{host}/{path}" in self.domains:  # an outlet living under a path (bbc.com/arabic)
            return self.domains[f"{host}/{path}"]
        parts = host.split(".")
        for start in range(len(parts) - 1):
            found = self.domains.get(".".join(parts[start:]))
            if found is not None:
                return found
        return None

    def _pieces(self, text: str) -> Iterable[str]:
        yield text
        for raw in _PIECES.split(text):
            piece = raw.strip(_EDGE)
            if piece:
                yield piece

    def _lead_dateline(self, body: str) -> str | None:
        """A dateline opening the body (``WASHINGTON (Reuters) -``, ``بيروت –``): the text before
        the first spaced dash of the first paragraph, when every part of it is a gazetteer place
        or outlet."""
        body = body.lstrip()
        stop = body.find("\n")  # the first line, the rest of the body not copied
        line = body if stop < 0 else body[:stop]
        if line.find("-", 2) < 0 and line.find("–", 2) < 0 and line.find("—", 2) < 0:
            return None  # no dash after a lead's two characters: _LEAD cannot match
        match = _LEAD.match(line)
        if match is None:
            return None
        lead = match.group("lead").strip()
        pieces = [p.strip(_EDGE) for p in _PIECES.split(lead) if p.strip(_EDGE)]
        if not pieces or not all(_key(p) in self.media or _key(p) in self.places for p in pieces):
            return None
        return lead

    def _source_line(self, body: str) -> tuple[str, str] | None:
        for line in _end_lines(body, _SOURCE_LINE_REACH):
            for pattern in _source_patterns():
                match = pattern.search(line)
                if match is not None:
                    name = match.group("name").strip(_EDGE)
                    found = self.outlet(name)
                    if found is not None:
                        return found, name
        return None

    def link(self, article: Article) -> Article:
        """The article with ``meta.source_id`` (and a dateline's place) set where the gazetteer knows them."""
        meta: dict[str, Any] = dict(article.meta)
        changes: dict[str, Any] = {}
        found: tuple[str, str, str | None] | None = None  # (id, step, display text)
        if article.source:
            outlet = self.outlet(article.source)
            if outlet is None:
                outlet = next((o for p in self._pieces(article.source) if (o := self.outlet(p))), None)
            if outlet is not None:
                found = (outlet, "source", None)
        if found is None and article.url:
            outlet = self.by_domain(article.url)
            if outlet is not None:
                found = (outlet, "url", self.names.get(outlet))
        dateline = meta.get("dateline")
        if not (isinstance(dateline, str) and dateline.strip()) and article.body:
            dateline = self._lead_dateline(article.body)
            if dateline is not None:
                meta["dateline"] = dateline
        if isinstance(dateline, str) and dateline.strip():
            place = None
            for piece in self._pieces(dateline):
                if found is None and (outlet := self.media.get(_key(piece))) is not None:
                    found = (outlet, "dateline", piece)
                elif place is None and (place := self.places.get(_key(piece))) is not None:
                    meta["dateline_place_id"] = place
        if article.author and (outlet := self.media.get(_key(article.author))) is not None:
            changes["author"] = None
            if found is None:
                found = (outlet, "author", article.author)
        if found is None and article.body:
            line = self._source_line(article.body)
            if line is not None:
                found = (line[0], "source-line", line[1])
        if found is not None:
            outlet, step, display = found
            meta["source_id"] = outlet
            meta["source_from"] = step
            if not article.source and display:
                changes["source"] = display
        if meta == article.meta and not changes:
            return article
        return article.evolve(meta=meta, **changes)
