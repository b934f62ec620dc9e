"""What a page says about itself outside its visible text: the ``<title>``'s parts, the site
name (``og:site_name``, a JSON-LD ``WebSite``), the article's address in JSON-LD, and the
article itself in a page's JSON data (a JSON-LD ``articleBody``, a client-rendered page's
``__NEXT_DATA__``), for pages whose visible text holds too little of it.

Read from the parsed tree before trafilatura prunes it. The JSON keys looked at are data
(``json_*`` in ``src/mediamon/data/html.json``); a script that is not valid JSON, or is too
large or too deep, is skipped (a page never stops a run).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from typing import Any

import attrs

from mediamon.resources import load_json, string_list

__all__ = ["JsonArticle", "PageFacts", "page_facts"]

_SOURCE = "html.json"
#: A ``<title>`` split into its parts: a headline and the site's name between spaced separators.
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—:·•»«/]|::)\s+")
#: A JSON script larger than this is not read (bytes of text), nor are values nested deeper.
_MAX_SCRIPT = 4_000_000
_MAX_DEPTH = 40


@attrs.frozen
class _Keys:
    types: frozenset[str]
    site_types: frozenset[str]
    title: tuple[str, ...]
    body: tuple[str, ...]
    date: tuple[str, ...]
    author: tuple[str, ...]
    section: tuple[str, ...]
    url: tuple[str, ...]


@functools.cache
def _keys() -> _Keys:
    data = load_json(_SOURCE)
    lists = {
        name: string_list(data, f"json_{name}_keys", source=_SOURCE, required=True)
        for name in ("title", "body", "date", "author", "section", "url")
    }
    kinds = {
        name: frozenset(string_list(data, f"json_{name}_types", source=_SOURCE, required=True))
        for name in ("article", "site")
    }
    return _Keys(types=kinds["article"], site_types=kinds["site"], **lists)


@attrs.frozen
class JsonArticle:
    """An article found in a page's JSON data (its body as HTML or text)."""

    title: str | None
    body: str
    date_text: str | None
    author: str | None
    section: str | None
    url: str | None


@attrs.frozen
class PageFacts:
    title_parts: tuple[str, ...]
    site_name: str | None
    article: JsonArticle | None


def _squash(text: str) -> str:
    return " ".join(text.split())


def _walk(data: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in ``data``, outermost first, to a bounded depth."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > _MAX_DEPTH:
            continue
        if isinstance(item, dict):
            yield item
            stack.extend((v, depth + 1) for v in reversed(list(item.values())) if isinstance(v, list | dict))
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in reversed(item) if isinstance(v, list | dict))


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    values = kind if isinstance(kind, list) else [kind]
    return {v for v in values if isinstance(v, str)}


def _text(value: Any, depth: int = 0) -> str | None:
    """A value as one line: a string, an object's ``name``, a list of these joined by ``; ``
    (to the same bounded depth as :func:`_walk`: a page's data never exhausts the stack)."""
    if isinstance(value, str):
        return _squash(value) or None
    if depth >= _MAX_DEPTH:
        return None
    if isinstance(value, dict):
        return _text(value.get("name"), depth + 1)
    if isinstance(value, list):
        names = [t for t in (_text(v, depth + 1) for v in value) if t]
        return "; ".join(dict.fromkeys(names)) or None
    return None


def _first(item: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        found = _text(item.get(key))
        if found:
            return found
    return None


def _url(item: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = item.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return value.split("#")[0]
    return None


def _scripts(root: Any) -> Iterator[Any]:
    for script in root.iter("script"):
        kind = (script.get("type") or "").lower()
        text = script.text
        if not text or len(text) > _MAX_SCRIPT or not (kind.endswith("json") or kind.endswith("ld+json")):
            continue
        try:
            yield json.loads(text)
        except (ValueError, RecursionError):
            continue


def page_facts(root: Any) -> PageFacts:
    """The facts of a parsed page (see the module docstring)."""
    keys = _keys()
    title_element = root.find(".//title")
    raw_title = _squash(title_element.text_content()) if title_element is not None else ""
    parts = tuple(p for p in _TITLE_SEPARATOR.split(raw_title) if p)
    site: str | None = None
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:site_name":
            site = _squash(meta.get("content") or "") or None
            break
    best: JsonArticle | None = None
    article_url: str | None = None
    for data in _scripts(root):
        for item in _walk(data):
            types = _types(item)
            if site is None and types & keys.site_types:
                site = _text(item.get("name"))
            if types & keys.types and article_url is None:
                article_url = _url(item, keys.url)
            body = next((v for k in keys.body if isinstance(v := item.get(k), str) and v.strip()), None)
            title = _first(item, keys.title)
            if body is None or title is None or (best is not None and len(body) <= len(best.body)):
                continue
            best = JsonArticle(
                title=title,
                body=body,
                date_text=_first(item, keys.date),
                author=_first(item, keys.author),
                section=_first(item, keys.section),
                url=_url(item, keys.url),
            )
    if best is not None and best.url is None and article_url:
        best = attrs.evolve(best, url=article_url)
    if best is None and article_url:
        best = JsonArticle(None, "", None, None, None, article_url)
    return PageFacts(parts, site, best)


def title_site(parts: tuple[str, ...], headlines: set[str]) -> tuple[str | None, str | None]:
    """The headline and the site's name in a ``<title>`` of two parts or more: the part at one
    end that is one of ``headlines`` (texts the page shows) and the part at the other end."""
    if len(parts) < 2:
        return None, None
    keys = {_squash(h).casefold() for h in headlines if h}
    for index, other in ((0, -1), (-1, 0)):
        if parts[index].casefold() in keys and parts[other].casefold() not in keys:
            return parts[index], parts[other]
    return None, None
