"""The HTML report: one self-contained page a person reads in a browser.

Counts, the top entities by type (each a filter), the entity pairs named together, and
the articles with their mentions highlighted, Arabic right-to-left. The articles travel
as one compact JSON data block that the page's script draws from: only a page of
articles (50) is in the document at a time, an article's folded paragraphs are built
when its "Full text" is opened, and the timeline chart (an SVG the script draws) follows
the entity filter. The template, style sheet and script are data files under
``mediamon/data/report/``.

Scraped text is hostile: what the page's markup holds goes through :func:`html.escape`,
the data block escapes ``<``, ``>`` and ``&`` so no input can end it, and the script
sets text with ``textContent`` only. URLs become links only when they are plain
``http(s)``, and a Content Security Policy lets only the page's own script run and
nothing load from the network.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources

from mediamon.analytics import EntityRow, cooccurrence, entity_table, outlet_key, period_range, period_start
from mediamon.lang import scripts
from mediamon.model import Article, Mention

__all__ = ["render_report", "write_report"]

_TYPE_LABELS = {"PER": "People", "ORG": "Organisations", "LOC": "Places", "MEDIA": "Media"}
_LANGUAGES = {
    "ar": "Arabic",
    "en": "English",
    "fr": "French",
    "fa": "Persian",
    "ku": "Kurdish",
    "tr": "Turkish",
    "he": "Hebrew",
    "ur": "Urdu",
    "und": "undetermined",
}
_RTL_LANGS = frozenset({"ar", "fa", "ur", "he", "ps", "ckb", "yi", "dv", "sd", "ug", "ku"})


def _letters(text: str) -> tuple[int, int]:
    """How many right-to-left (Arabic, Hebrew) and Latin letters ``text`` holds, by the one script table."""
    counts = scripts.letter_counts(text)
    return counts.get("arabic", 0) + counts.get("hebrew", 0), counts.get("latin", 0)


_LANG_CODE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_SAFE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)
_BLOCK = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_MIXED = 0.2  # a paragraph whose minority script has at least this share of letters is "mixed"
_LEAD_CHARS = 320  # paragraphs shown before "Full text" until this much text is shown
_TIMELINE_SERIES = 5
_PAIRS = 15
_PAIR_ENTITIES = 100  # an article's most-mentioned entities that form its pairs (k² pairs otherwise)
_CHIPS = 8
_OUTLETS = 10
_PAGE = 50  # articles listed at a time ("Show more" adds the next page)


def esc(value: object) -> str:
    """HTML-escaped text, safe in element content and in double-quoted attribute values."""
    return html.escape(str(value), quote=True)


def _data(name: str) -> str:
    return resources.files("mediamon").joinpath("data", "report", name).read_text(encoding="utf-8")


def _fill(template: str, values: Mapping[str, str]) -> str:
    """Replace each ``{{name}}`` once; inserted text is never scanned again for placeholders."""
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


_PLURALS = {"entity": "entities", "near-copy": "near-copies"}


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun if n == 1 else _PLURALS.get(noun, noun + 's')}"


def _direction(text: str, inherited: str) -> str | None:
    """The ``dir`` a block needs inside a block of direction ``inherited`` (None: inherit).

    Arabic-script text is right-to-left, Latin left-to-right; a block with a fair share of
    both is ``auto`` (the browser follows its first strong character).
    """
    arabic, latin = _letters(text)
    letters = arabic + latin
    if not letters:
        return None
    if min(arabic, latin) >= _MIXED * letters:
        return "auto"
    wanted = "rtl" if arabic > latin else "ltr"
    return None if wanted == inherited else wanted


def _article_direction(article: Article) -> str:
    lang = article.lang.split("-")[0].lower()
    if lang in _RTL_LANGS:
        return "rtl"
    if lang == "und":
        arabic, latin = _letters(article.title + " " + article.body[:2000])
        return "rtl" if arabic > latin else "ltr"
    return "ltr"


def _dir_attr(direction: str | None) -> str:
    return f' dir="{direction}"' if direction else ""


def _safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address (no spaces or control characters), else None."""
    if not url:
        return None
    candidate = url.strip()
    return candidate if _SAFE_URL.fullmatch(candidate) else None


class _Page:
    """What the page's parts share: entity keys (``e0``, ``e1``, ...), names and types."""

    def __init__(self, rows: Sequence[EntityRow]):
        self.rows = {row.id: row for row in rows}
        self.numbers = {row.id: index for index, row in enumerate(rows)}
        self.keys = {entity_id: f"e{n}" for entity_id, n in self.numbers.items()}

    def button(self, entity_id: str, css: str = "chip", *, count: int | None = None) -> str:
        """A filter button for an entity: its name (and a count), the id and type in its tooltip."""
        row = self.rows[entity_id]
        counts = f"{_plural(row.mentions, 'mention')} in {_plural(row.articles, 'article')}"
        tip = f"{row.type} · {row.id} · {counts}"
        number = f'<span class="count">{count:,}</span>' if count is not None else ""
        return (
            f'<button type="button" class="{css}" data-key="{self.keys[entity_id]}"'
            f' data-label="{esc(row.name)}" aria-pressed="false" title="{esc(tip)}">'
            f'<span class="name" dir="auto">{esc(row.name)}</span>'
            f"{number}</button>"
        )


def _stats(articles: Sequence[Article], rows: Sequence[EntityRow]) -> str:
    dates = sorted(a.date for a in articles if a.date is not None)
    undated = len(articles) - len(dates)
    span = " – ".join(sorted({dates[0].isoformat(), dates[-1].isoformat()})) if dates else "none"
    extra = f"<small>{_plural(undated, 'undated article')}</small>" if undated else ""
    mentions = sum(len(a.mentions) for a in articles)
    cells = [
        ("Articles", f"{len(articles):,}"),
        ("Mentions", f"{mentions:,}"),
        ("Entities", f"{len(rows):,}"),
        ("Dates", f'<span class="range">{span}</span>{extra}'),
    ]
    body = "".join(f"<div><dt>{name}</dt><dd>{value}</dd></div>" for name, value in cells)
    return f'<dl class="stats">{body}</dl>'


def _count_table(caption: str, rows: Sequence[tuple[str, int]], more: int = 0) -> str:
    body = "".join(f'<tr><th scope="row">{label}</th><td class="num">{n:,}</td></tr>' for label, n in rows)
    if more:
        body += f'<tr><th scope="row" class="note">{_plural(more, "other")}</th><td></td></tr>'
    return f'<table class="counts"><caption>{caption}</caption><tbody>{body}</tbody></table>'


def _languages(articles: Sequence[Article]) -> str:
    counts = Counter(a.lang for a in articles)
    rows = [
        (f'{esc(_LANGUAGES.get(code, code))} <span class="code">{esc(code)}</span>', n)
        for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return _count_table("Articles by language", rows)


def _outlets(articles: Sequence[Article]) -> str:
    # Counted by outlet id when linked (one outlet whatever script its name is written in),
    # shown by the name most of its articles give.
    counts: Counter[str] = Counter()
    names: dict[str, Counter[str]] = {}
    for article in articles:
        key = (outlet_key(article) or "").strip()
        counts[key] += 1
        names.setdefault(key, Counter())[(article.source or "").strip() or key] += 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] == "", kv[0]))
    rows = [
        (
            f'<span dir="auto">{esc(names[key].most_common(1)[0][0])}</span>'
            if key
            else '<span class="note">unknown outlet</span>',
            n,
        )
        for key, n in ordered[:_OUTLETS]
    ]
    return _count_table("Articles by outlet", rows, more=max(0, len(ordered) - _OUTLETS))


def _entities(page: _Page, rows: Sequence[EntityRow], top: int) -> str:
    if not rows:
        return '<p class="note">No entity mentions in these articles.</p>'
    by_type: dict[str, list[EntityRow]] = {}
    for row in rows:
        by_type.setdefault(row.type, []).append(row)
    order = sorted(by_type, key=lambda t: (-sum(r.mentions for r in by_type[t]), t))
    groups = []
    for etype in order:
        members = by_type[etype]
        most = members[0].mentions or 1
        items = []
        for row in members[:top]:
            width = round(100 * row.mentions / most)
            button = page.button(row.id, "entity", count=row.mentions)
            # The bar sits inside the button, behind the text; its width is the only inline style.
            button = button.replace(
                "</button>", f'<span class="fill" style="width: {width}%"></span></button>'
            )
            items.append(f"<li>{button}</li>")
        label = _TYPE_LABELS.get(etype)
        heading = f"{esc(label)} <small>{esc(etype)} · " if label else f"{esc(etype)} <small>"
        groups.append(
            f'<section class="type" data-type="{esc(etype)}"><h3>{heading}'
            f"{_plural(len(members), 'entity')}</small></h3>"
            f'<ol class="entity-list">{"".join(items)}</ol></section>'
        )
    return f'<div class="types">{"".join(groups)}</div>'


def _entities_apart(page: _Page, rows: Sequence[EntityRow], top: int) -> str:
    """Gazetteer entities, then discovered names (provisional ``new:`` ids) in a section of their own."""
    from mediamon.match.discover import is_discovered

    known = [r for r in rows if not is_discovered(r.id)]
    found = [r for r in rows if is_discovered(r.id)]
    html = _entities(page, known, top)
    if found:
        html += (
            '<h3 class="discovered">Discovered names <small>not in any gazetteer; review with '
            "<code>mediamon candidates</code></small></h3>" + _entities(page, found, top)
        )
    return html


def _frequency(articles: Sequence[Article]) -> str:
    dates = [a.date for a in articles if a.date is not None]
    if not dates:
        return "D"
    days = (max(dates) - min(dates)).days
    return "D" if days <= 45 else "W" if days <= 2 * 366 else "M"


_FREQ_WORDS = {"D": "day", "W": "week", "M": "month"}


def _periods(articles: Sequence[Article]) -> tuple[str, list[dt.date]]:
    """The chart's unit (day, week or month) and every period from the first dated article to the last.

    The axis is the whole corpus's, whatever the filter, so charts of two entities compare.
    """
    freq = _frequency(articles)
    dates = [a.date for a in articles if a.date is not None]
    periods = list(period_range(min(dates), max(dates), freq)) if dates else []
    return freq, periods


def _pairs(page: _Page, articles: Sequence[Article]) -> str:
    pairs = cooccurrence(articles, per_article=_PAIR_ENTITIES)[:_PAIRS]
    if not pairs:
        return '<p class="note">No two entities are mentioned in the same article.</p>'
    crowded = sum(len({m.entity_id for m in a.mentions}) > _PAIR_ENTITIES for a in articles)
    note = ""
    if crowded:
        note = (
            f'<p class="note">{_plural(crowded, "article")} naming over {_PAIR_ENTITIES} entities'
            f" {'pairs only its' if crowded == 1 else 'pair only their'} {_PAIR_ENTITIES} most-mentioned.</p>"
        )
    body = "".join(
        f"<tr><td>{page.button(p.first)}</td><td>{page.button(p.second)}</td>"
        f'<td class="num">{p.articles:,}</td></tr>'
        for p in pairs
    )
    return (
        '<table class="pairs"><thead><tr><th>Entity</th><th>Entity</th><th class="num">Articles</th></tr>'
        f"</thead><tbody>{body}</tbody></table>{note}"
    )


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_DIRECTIONS = {None: 0, "ltr": 1, "rtl": 2, "auto": 3}  # report.js reads the codes back


def _utf16(text: str) -> Callable[[int], int]:
    """Code-point offsets in ``text`` -> the UTF-16 offsets a script slices the text by."""
    if not _ASTRAL.search(text):
        return int
    table = [0]
    for char in text:
        table.append(table[-1] + (2 if char > "\uffff" else 1))
    return table.__getitem__


def _marks(page: _Page, text: str, mentions: Iterable[Mention]) -> list[tuple[int, int, int]]:
    """The mentions that can be highlighted in ``text``: ``(start, end, key number)``, in order.

    An overlapping mention, or one not where it says it is, is shown as plain text.
    """
    out: list[tuple[int, int, int]] = []
    position = 0
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < position or m.end > len(text) or m.start >= m.end or text[m.start : m.end] != m.text:
            continue
        out.append((m.start, m.end, page.numbers[m.entity_id]))
        position = m.end
    return out


def _flat_marks(marks: Iterable[tuple[int, int, int]], js: Callable[[int], int]) -> list[int]:
    return [value for start, end, key in marks for value in (js(start), js(end), key)]


def _body(page: _Page, article: Article, direction: str) -> dict[str, object]:
    """The body's paragraphs (blank-line separated) as ``[start, end, direction code]`` triples,
    how many show before "Full text", and the marks that lie inside a paragraph.

    One pass over paragraphs and marks together: time linear in the body and its mentions.
    """
    body = article.body
    js = _utf16(body)
    marks = _marks(page, body, (m for m in article.mentions if m.field == "body"))
    paragraphs: list[int] = []
    kept: list[tuple[int, int, int]] = []
    lead, shown, at = 0, 0, 0
    for match in _BLOCK.finditer(body):
        start, end = match.span()
        while at < len(marks) and marks[at][0] < start:
            at += 1  # a mark across a paragraph break is shown as plain text
        while at < len(marks) and marks[at][1] <= end:
            kept.append(marks[at])
            at += 1
        paragraphs += (js(start), js(end), _DIRECTIONS[_direction(match.group(), direction)])
        if shown < _LEAD_CHARS:
            lead += 1
            shown += end - start
    count = len(paragraphs) // 3
    out: dict[str, object] = {"b": body, "g": paragraphs, "m": _flat_marks(kept, js)}
    if count - lead > 1:  # one paragraph more is shown rather than folded
        out["lead"] = lead
    return out


def _counts(page: _Page, article: Article) -> list[int]:
    """``[key number, mentions, ...]`` for every entity the article mentions, most first."""
    counts = Counter(m.entity_id for m in article.mentions)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [value for entity_id, n in ordered for value in (page.numbers[entity_id], n)]


def _article(page: _Page, article: Article, period: int) -> dict[str, object]:
    """One article as report.js draws it (keys left out when empty, to keep the page small).

    Text is data here, never markup: the script sets it with ``textContent``.
    """
    direction = _article_direction(article)
    out: dict[str, object] = {"id": article.id, "dir": direction}
    if _LANG_CODE.fullmatch(article.lang) and article.lang != "und":
        out["lang"] = article.lang
    out["ln"] = _LANGUAGES.get(article.lang, article.lang)
    if article.title:
        out["t"] = article.title
        marks = _marks(page, article.title, (m for m in article.mentions if m.field == "title"))
        if marks:
            out["tm"] = _flat_marks(marks, _utf16(article.title))
        title_dir = _direction(article.title, direction)
        if title_dir:
            out["td"] = title_dir
    optional = {
        "date": article.date.isoformat() if article.date else None,
        "src": article.source,
        "by": article.author,
        "url": _safe_url(article.url),
    }
    out.update((key, value) for key, value in optional.items() if value)
    if article.url and "url" not in out:
        out["raw"] = article.url  # shown as text, not linked
    if period >= 0:
        out["p"] = period
    out.update(_body(page, article, direction))
    out["n"] = _counts(page, article)
    return out


def _json_block(value: object) -> str:
    """``value`` as JSON that is safe inside a ``<script type="application/json">`` element.

    ``<``, ``>`` and ``&`` become ``\\u`` escapes, so no input can close the element or open
    a comment; the browser's ``JSON.parse`` reads them back as the characters they were.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(_JSON_ESCAPES)


_JSON_ESCAPES = {ord(c): f"\\u{ord(c):04x}" for c in "<>&\u2028\u2029"}


def _page_data(page: _Page, listed: Sequence[Article], shown: Sequence[Article]) -> dict[str, object]:
    """What report.js draws the article list and the chart from: the entities (by key number),
    the chart's periods, the listed articles whole, and the rest as period and counts only
    (the chart covers every article, the list the ``shown`` ones)."""
    freq, periods = _periods(listed)
    number = {period: index for index, period in enumerate(periods)}

    def period(article: Article) -> int:
        return number[period_start(article.date, freq)] if article.date is not None else -1

    listed_ids = {id(article) for article in shown}
    return {
        "entities": [[row.id, row.type, row.name, row.mentions, row.articles] for row in page.rows.values()],
        "unit": _FREQ_WORDS[freq],
        "periods": [p.isoformat() for p in periods],
        "page": _PAGE,
        "chips": _CHIPS,
        "series": _TIMELINE_SERIES,
        "articles": [_article(page, article, period(article)) for article in shown],
        "unlisted": [[period(a), _counts(page, a)] for a in listed if id(a) not in listed_ids],
    }


def _newest_first(articles: Sequence[Article]) -> list[Article]:
    """Dated articles newest first, then undated ones, each in input order."""
    dated = sorted(
        (a for a in articles if a.date is not None), key=lambda a: a.date or dt.date.min, reverse=True
    )
    return dated + [a for a in articles if a.date is None]


def render_report(
    articles: Iterable[Article],
    *,
    title: str = "mediamon report",
    inputs: Sequence[str] = (),
    top: int = 10,
    max_articles: int = 1000,
    dedupe: bool = False,
) -> str:
    """The report page as HTML text.

    ``top`` entities are listed per type; at most ``max_articles`` articles are shown
    (newest first; counts, entities and charts cover them all). ``inputs`` names what the
    articles came from, for the page's header. ``dedupe`` keeps one of each group of
    near-copies (:meth:`Corpus.dedupe`) and says in the header how many were absorbed.
    """
    from mediamon import __version__

    listed = list(articles)
    absorbed = 0
    if dedupe:
        from mediamon.corpus import Corpus

        before = len(listed)
        listed = list(Corpus(listed).dedupe())
        absorbed = before - len(listed)
    rows = entity_table(listed)
    page = _Page(rows)
    shown = _newest_first(listed)[: max(max_articles, 0)]
    freq, _ = _periods(listed)
    script = _data("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    sources = ", ".join(inputs[:3]) + (f" and {len(inputs) - 3} more" if len(inputs) > 3 else "")
    lede = f"{_plural(len(listed), 'article')}" + (f" from {sources}" if sources else "")
    if dedupe:
        lede += f" ({_plural(absorbed, 'near-copy')} absorbed)"
    note = ""
    if len(shown) < len(listed):
        note = f'<p class="note">The {len(shown):,} newest of {len(listed):,} articles are listed.</p>'
    word = _FREQ_WORDS[freq]
    values = {
        "csp": esc(csp),
        "generator": esc(f"mediamon {__version__}"),
        "title": esc(title),
        "css": _data("report.css"),
        "showing": "Showing the one article" if len(shown) == 1 else f"Showing all {len(shown)} articles",
        "lede": esc(lede),
        "stats": _stats(listed, rows),
        "languages": _languages(listed),
        "outlets": _outlets(listed),
        "entities": _entities_apart(page, rows, top),
        "timeline_title": esc(f"Mentions per {word}" + (" (weeks start on Monday)" if freq == "W" else "")),
        "cooccurrence": _pairs(page, listed),
        "articles_note": note,
        "data": _json_block(_page_data(page, listed, shown)),
        "script": script,
    }
    return _fill(_data("report.html"), values)


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def write_report(
    articles: Iterable[Article],
    path: str | os.PathLike[str],
    *,
    title: str = "mediamon report",
    inputs: Sequence[str] = (),
    top: int = 10,
    max_articles: int = 1000,
    dedupe: bool = False,
) -> int:
    """Write :func:`render_report`'s page to ``path`` atomically (``-``: standard output);
    return its size in characters."""
    from mediamon.io.atomic import atomic_write

    page = render_report(
        articles, title=title, inputs=inputs, top=top, max_articles=max_articles, dedupe=dedupe
    )
    # A lone surrogate (a JSON "\\ud800" escape, --encoding utf-7) has no UTF-8 form and HTML
    # has no escape for it: the page shows U+FFFD, as a browser would.
    page = page.encode("utf-8", "surrogatepass").decode("utf-8", "replace") if _has_surrogate(page) else page
    if os.fspath(path) == "-":
        # UTF-8 whatever the locale says (the page declares it).
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(page)
        else:
            buffer.write(page.encode("utf-8"))
            buffer.flush()
        return len(page)
    with atomic_write(path) as handle:
        handle.write(page)
    return len(page)
