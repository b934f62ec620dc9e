"""The HTML report: one self-contained page a person reads in a browser.

Counts, the top entities by type (each a filter for the article list), a timeline chart
(matplotlib, drawn as inline SVG; a note instead when matplotlib is missing), the
entity pairs named together, and every article with its mentions highlighted, Arabic
right-to-left. The template, style sheet and script are data files under
``mediamon/data/report/``.

Scraped text is hostile until escaped: every piece of input (titles, bodies, outlets,
entity ids, names and types, URLs) goes through :func:`html.escape` before it reaches
the page, URLs become links only when they are plain ``http(s)``, and a Content
Security Policy lets only the page's own script run and nothing load from the network.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import html
import importlib
import io
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources

from mediamon.analytics import EntityRow, Timeline, cooccurrence, entity_table, outlet_key, timeline
from mediamon.errors import Msg
from mediamon.lang import scripts
from mediamon.model import Article, Mention

__all__ = ["render_report", "write_report"]

_PALETTE = ("#1f6fb4", "#d1495b", "#2a9d5c", "#e08a16", "#7b57b5", "#8c564b", "#c2408f", "#178a99")
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


@functools.cache
def _rtl_letters() -> re.Pattern[str]:
    """Letters of the right-to-left scripts (Arabic, Hebrew), from the one script table."""
    return re.compile(f"[{scripts.letter_class('arabic')}{scripts.letter_class('hebrew')}]")


@functools.cache
def _latin_letters() -> re.Pattern[str]:
    return re.compile(f"[{scripts.letter_class('latin')}]")


_LANG_CODE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_SAFE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)
_BLOCK = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_SVG_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)
_MIXED = 0.2  # a paragraph whose minority script has at least this share of letters is "mixed"
_LEAD_CHARS = 320  # paragraphs shown before "Full text" until this much text is shown
_TIMELINE_SERIES = 5
_FEW_PERIODS = 8
_PAIRS = 15
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
    arabic = len(_rtl_letters().findall(text))
    latin = len(_latin_letters().findall(text))
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
        text = article.title + " " + article.body[:2000]
        return "rtl" if len(_rtl_letters().findall(text)) > len(_latin_letters().findall(text)) else "ltr"
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
        self.keys = {row.id: f"e{index}" for index, row in enumerate(rows)}

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

    def marked(self, text: str, mentions: Iterable[Mention], offset: int = 0) -> str:
        """``text`` escaped, each mention in it (offsets relative to ``offset``) wrapped in ``<mark>``."""
        out: list[str] = []
        position = 0
        for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
            start, end = m.start - offset, m.end - offset
            if start < position or end > len(text) or start >= end or text[start:end] != m.text:
                continue  # overlapping, or not where it says it is: shown as plain text
            out.append(esc(text[position:start]))
            title = f"{m.entity_type} · {m.entity_name}"
            out.append(
                f'<mark data-entity="{esc(m.entity_id)}" data-key="{self.keys.get(m.entity_id, "")}"'
                f' data-type="{esc(m.entity_type)}" data-label="{esc(m.entity_name)}" title="{esc(title)}">'
                f"{esc(m.text)}</mark>"
            )
            position = end
        out.append(esc(text[position:]))
        return "".join(out)


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


def _timeline(page: _Page, articles: Sequence[Article], rows: Sequence[EntityRow]) -> tuple[str, str]:
    """The timeline section's title and body: the chart (or a note), its legend and a table."""
    freq = _frequency(articles)
    word = _FREQ_WORDS[freq]
    title = f"Mentions per {word}" + (" (weeks start on Monday)" if freq == "W" else "")
    dates = [a.date for a in articles if a.date is not None]
    dated_ids = {m.entity_id for a in articles if a.date is not None for m in a.mentions}
    chosen = [row for row in rows if row.id in dated_ids][:_TIMELINE_SERIES]
    if not dates or not chosen:
        return title, '<p class="note">No dated mentions to chart.</p>'
    series = [(row, timeline(articles, row.id, freq, first=min(dates), last=max(dates))) for row in chosen]
    colors = dict(zip((row.id for row in chosen), _PALETTE, strict=False))
    try:
        svg = _chart_svg([(colors[row.id], line) for row, line in series], word)
    except (ValueError, OverflowError):  # dates at the edge of the calendar (year 1, 9999)
        svg = ""
    if svg is None:
        chart = f'<p class="note">{esc(Msg.REPORT_NO_CHART)}</p>'
    elif not svg:
        chart = f'<p class="note">{esc(Msg.REPORT_CHART_RANGE)}</p>'
    else:
        label = f"Line chart: mentions per {word} of the {len(series)} most-mentioned entities"
        chart = f'<figure class="chart" role="img" aria-label="{esc(label)}">{svg}</figure>'
    legend = "".join(
        f'<li><span class="swatch" style="background: {colors[row.id]}"></span> {page.button(row.id)}</li>'
        for row, _ in series
    )
    undated = sum(line.undated for _, line in series)
    note = ""
    if undated:
        note = f'<p class="note">{_plural(undated, "mention")} of these entities in undated articles'
        note += " are not charted.</p>"
    return title, f'{chart}<ul class="legend">{legend}</ul>{note}{_timeline_table(series, word)}'


def _timeline_table(series: Sequence[tuple[EntityRow, Timeline]], word: str) -> str:
    heads = "".join(f'<th class="num" dir="auto">{esc(row.name)}</th>' for row, _ in series)
    periods = [p for p, _ in series[0][1].periods]
    lines = []
    for index, period in enumerate(periods):
        cells = "".join(f'<td class="num">{line.periods[index][1]}</td>' for _, line in series)
        lines.append(f'<tr><th scope="row">{period.isoformat()}</th>{cells}</tr>')
    return (
        f"<details><summary>The numbers ({_plural(len(periods), word)})</summary>"
        f"<table><thead><tr><th>{word.title()} from</th>{heads}</tr></thead>"
        f"<tbody>{''.join(lines)}</tbody></table></details>"
    )


def _chart_svg(series: Sequence[tuple[str, Timeline]], word: str) -> str | None:
    """The lines as an inline SVG element (text as text, no external references), or None
    when matplotlib is not installed."""
    try:
        matplotlib = importlib.import_module("matplotlib")
        figure = importlib.import_module("matplotlib.figure")
        mdates = importlib.import_module("matplotlib.dates")
        ticker = importlib.import_module("matplotlib.ticker")
    except ImportError:
        return None
    settings = {
        "svg.fonttype": "none",
        "svg.hashsalt": "mediamon",
        "font.size": 9,
        "font.family": "sans-serif",
    }
    with matplotlib.rc_context(settings):
        fig = figure.Figure(figsize=(10, 3), layout="constrained")
        axes = fig.add_subplot()
        for color, line in series:
            xs = [dt.datetime.combine(p, dt.time()) for p, _ in line.periods]
            size = 3 if len(xs) > _FEW_PERIODS else 5
            axes.plot(
                xs, [n for _, n in line.periods], color=color, linewidth=1.8, marker="o", markersize=size
            )
        periods = [p for p, _ in series[0][1].periods]
        if len(periods) <= _FEW_PERIODS:
            # Few periods: a tick on each (left alone, the locator would count hours).
            axes.set_xticks([dt.datetime.combine(p, dt.time()) for p in periods])
            axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m" if word == "month" else "%d %b %Y"))
        else:
            locator = mdates.AutoDateLocator()
            axes.xaxis.set_major_locator(locator)
            axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        axes.yaxis.set_major_locator(ticker.MaxNLocator(integer=True))
        axes.set_ylim(bottom=0)
        axes.set_ylabel(f"mentions per {word}")
        axes.grid(axis="y", color="#dde2e8")
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    # From the <svg> element on (no XML prolog or doctype), without the RDF metadata block.
    return _SVG_METADATA.sub("", text[text.index("<svg") :]).strip()


def _pairs(page: _Page, articles: Sequence[Article]) -> str:
    pairs = cooccurrence(articles)[:_PAIRS]
    if not pairs:
        return '<p class="note">No two entities are mentioned in the same article.</p>'
    body = "".join(
        f"<tr><td>{page.button(p.first)}</td><td>{page.button(p.second)}</td>"
        f'<td class="num">{p.articles:,}</td></tr>'
        for p in pairs
    )
    return (
        '<table class="pairs"><thead><tr><th>Entity</th><th>Entity</th><th class="num">Articles</th></tr>'
        f"</thead><tbody>{body}</tbody></table>"
    )


def _paragraphs(page: _Page, article: Article, direction: str) -> str:
    """The body as paragraphs (blank-line separated), mentions marked; the tail folded away."""
    mentions = [m for m in article.mentions if m.field == "body"]
    blocks: list[str] = []
    for match in _BLOCK.finditer(article.body):
        start, end = match.span()
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        text = page.marked(match.group(), inside, offset=start).replace("\n", "<br>")
        blocks.append(f"<p{_dir_attr(_direction(match.group(), direction))}>{text}</p>")
    lead, shown = 0, 0
    for match in _BLOCK.finditer(article.body):
        lead += 1
        shown += len(match.group())
        if shown >= _LEAD_CHARS:
            break
    if len(blocks) - lead <= 1:
        return "".join(blocks)
    rest = len(blocks) - lead
    return (
        "".join(blocks[:lead])
        + f'<details class="more"><summary><bdi>Full text ({_plural(rest, "more paragraph")})</bdi></summary>'
        + "".join(blocks[lead:])
        + "</details>"
    )


def _article(page: _Page, index: int, article: Article, *, hidden: bool = False) -> str:
    direction = _article_direction(article)
    keys = sorted({page.keys[m.entity_id] for m in article.mentions}, key=lambda k: int(k[1:]))
    lang = article.lang if _LANG_CODE.fullmatch(article.lang) and article.lang != "und" else ""
    lang_attr = f' lang="{esc(lang)}"' if lang else ""
    title_mentions = [m for m in article.mentions if m.field == "title"]
    if article.title:
        title = page.marked(article.title, title_mentions)
        title_dir = _dir_attr(_direction(article.title, direction))
    else:
        title, title_dir = '<span class="untitled">(untitled)</span>', ""
    # Each part is a span (the separators go between them); text from the input sits in <bdi>,
    # so an Arabic outlet or byline keeps its own direction without reordering its neighbours.
    meta = [
        f'<span><time datetime="{article.date.isoformat()}">{article.date.isoformat()}</time></span>'
        if article.date
        else '<span class="note">undated</span>',
        f'<span class="outlet"><bdi>{esc(article.source)}</bdi></span>'
        if article.source
        else '<span class="note">unknown outlet</span>',
        f"<span><bdi>{esc(_LANGUAGES.get(article.lang, article.lang))}</bdi></span>",
    ]
    if article.author:
        meta.append(f'<span class="author"><bdi>{esc(article.author)}</bdi></span>')
    url = _safe_url(article.url)
    if url is not None:
        meta.append(
            f'<span><a href="{esc(url)}" rel="noopener noreferrer nofollow" target="_blank">link</a></span>'
        )
    elif article.url:
        meta.append(f'<span class="url"><bdi>{esc(article.url)}</bdi></span>')
    meta.append(f'<span class="id"><bdi>{esc(article.id)}</bdi></span>')
    counts = Counter(m.entity_id for m in article.mentions)
    chips = "".join(
        page.button(entity_id, count=n)
        for entity_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:_CHIPS]
    )
    # Meta line, chips and the "Full text" toggle follow the article's direction (right-aligned
    # in Arabic); their English words and input text sit in <bdi>, so they read as written.
    chips_html = f'<footer class="chips">{chips}</footer>' if chips else ""
    return (
        f'<article class="item" id="article-{index}" data-e="{" ".join(keys)}"{lang_attr} dir="{direction}"'
        f"{' hidden' if hidden else ''}>"
        f"<h3{title_dir}>{title}</h3>"
        f'<p class="meta">{"".join(meta)}</p>'
        f'<div class="text">{_paragraphs(page, article, direction)}</div>'
        f"{chips_html}</article>"
    )


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
    timeline_title, timeline_body = _timeline(page, listed, rows)
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
        "timeline_title": esc(timeline_title),
        "timeline": timeline_body,
        "cooccurrence": _pairs(page, listed),
        "articles_note": note,
        # Past the first page articles start hidden, so the first layout is one page long.
        "articles": "\n".join(_article(page, i, a, hidden=i >= _PAGE) for i, a in enumerate(shown)),
        "page": str(_PAGE),
        "more": esc(f"Show {min(_PAGE, len(shown) - _PAGE)} more ({len(shown) - _PAGE} not listed)")
        if len(shown) > _PAGE
        else "",
        "more_hidden": "" if len(shown) > _PAGE else " hidden",
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
