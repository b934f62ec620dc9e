"""The HTML Jupyter shows for mediamon objects (their ``_repr_html_``).

Every value that comes from input (titles, bodies, outlets, ids, names, types) is
HTML-escaped, in element text and in attributes alike: an article is data, never markup.
Tables are compact (the first rows, then how many more); an article shows its mentions
highlighted, right-to-left for Arabic.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from mediamon.interop.spans import OTHER_COLOUR, TYPE_COLOURS, direction
from mediamon.model import Article, Mention

if TYPE_CHECKING:
    from mediamon.analytics import EntityRow, Timeline
    from mediamon.corpus import Corpus

__all__ = ["article_html", "corpus_html", "entity_table_html", "timeline_html"]

#: Rows a table shows before saying how many more there are.
MAX_ROWS = 20
#: Characters of a body an article shows before saying how many more there are.
MAX_BODY = 3000
_TABLE = 'style="border-collapse:collapse;font-size:90%"'
_CELL = 'style="padding:2px 6px;text-align:left;vertical-align:top"'
_NOTE = 'style="color:#666;font-size:85%"'


def esc(value: object) -> str:
    """``value`` as text safe in HTML element content and double-quoted attributes."""
    return html.escape("" if value is None else str(value), quote=True)


def _table(head: Sequence[str], rows: Iterable[Sequence[str]], note: str) -> str:
    """A table of already-escaped cells, with a note (escaped here) under it."""
    header = "".join(f"<th {_CELL}>{esc(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td {_CELL}>{c}</td>" for c in row) + "</tr>" for row in rows)
    table = f"<table {_TABLE}><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"
    return f"{table}<div {_NOTE}>{esc(note)}</div>"


def _more(shown: int, total: int, noun: str) -> str:
    return f"{total:,} {noun}" + (f", the first {shown:,} shown" if shown < total else "")


def corpus_html(corpus: Corpus) -> str:
    """A table of the first articles: date, outlet, language, title, mentions."""
    rows = [
        (
            esc(a.date.isoformat() if a.date else a.date_text or ""),
            esc(a.source or ""),
            esc(a.lang),
            f'<span dir="auto">{esc(a.title or a.body[:80])}</span>',
            esc(len(a.mentions)),
        )
        for a in corpus.articles[:MAX_ROWS]
    ]
    note = _more(len(rows), len(corpus), "articles")
    note += f"; {len(corpus.dropped):,} lines dropped, {len(corpus.problems):,} problems"
    return _table(("date", "source", "lang", "title", "mentions"), rows, note)


def _marked(text: str, mentions: Sequence[Mention], limit: int | None = None) -> str:
    """``text`` escaped, each mention wrapped in ``<mark>`` (overlaps after the first left plain)."""
    shown = text if limit is None else text[:limit]
    out: list[str] = []
    at = 0
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < at or m.end > len(shown):
            continue
        tip = f"{m.entity_type} {m.entity_id} ({m.how})"
        colour = TYPE_COLOURS.get(m.entity_type, OTHER_COLOUR)
        out.append(esc(shown[at : m.start]))
        out.append(f'<mark title="{esc(tip)}" style="background:{colour}">{esc(m.text)}</mark>')
        at = m.end
    out.append(esc(shown[at:]))
    if len(shown) < len(text):
        out.append(f"<span {_NOTE}> … ({len(text) - len(shown):,} more characters)</span>")
    return "".join(out)


def article_html(article: Article) -> str:
    """Title and body with the mentions highlighted (hover: type, id, rule), and a line of metadata."""
    way = direction(article)
    parts = [article.date.isoformat() if article.date else article.date_text, article.source, article.lang]
    meta = " · ".join(esc(p) for p in parts if p)
    meta += f" · {len(article.mentions):,} mentions · id {esc(article.id)}"
    by_field = {f: [m for m in article.mentions if m.field == f] for f in ("title", "body")}
    return (
        f'<div dir="{way}" lang="{esc(article.lang)}" style="max-width:50em">'
        f'<div style="font-weight:bold">{_marked(article.title, by_field["title"])}</div>'
        f"<div {_NOTE}>{meta}</div>"
        f'<div style="white-space:pre-wrap">{_marked(article.body, by_field["body"], MAX_BODY)}</div>'
        "</div>"
    )


def entity_table_html(rows: Sequence[EntityRow]) -> str:
    """The first rows: id, type, name, mentions, articles, languages and the top outlets."""
    cells = [
        (
            esc(r.id),
            esc(r.type),
            f'<span dir="auto">{esc(r.name)}</span>',
            esc(r.mentions),
            esc(r.articles),
            esc(", ".join(f"{lang} {n}" for lang, n in r.by_lang)),
            esc(", ".join(f"{source or '(unknown)'} {n}" for source, n in r.by_source[:3])),
        )
        for r in rows[:MAX_ROWS]
    ]
    note = _more(len(cells), len(rows), "entities")
    return _table(("id", "type", "name", "mentions", "articles", "languages", "top outlets"), cells, note)


_PERIOD = {"D": "day", "W": "week", "M": "month"}
_CHART_W, _CHART_H = 600, 60  # the chart's width (for a few periods) and height, in pixels
_BAR_MIN, _BAR_MAX = 3, 24
#: Bars drawn at most: a longer timeline (daily from year 1 to 9999 is 3.65 million periods) is
#: drawn one bar per run of consecutive periods, so the markup stays small whatever the span.
MAX_BARS = 1000


def timeline_html(timeline: Timeline) -> str:
    """A bar chart (inline SVG, a tooltip per bar) and a line of totals: peak, dated, undated.

    At most :data:`MAX_BARS` bars: past that, each bar sums a run of consecutive periods
    (its tooltip names the run) and the line of totals says how many periods a bar holds.
    """
    periods = timeline.periods
    per_bar = -(-len(periods) // MAX_BARS) if periods else 1
    runs = [periods[i : i + per_bar] for i in range(0, len(periods), per_bar)]
    sums = [sum(n for _, n in run) for run in runs]
    peak = max(sums, default=0)
    bar = min(max(_CHART_W // max(len(runs), 1), _BAR_MIN), _BAR_MAX)
    bars = []
    for i, (run, n) in enumerate(zip(runs, sums, strict=True)):
        height = round(_CHART_H * n / peak) if peak else 0
        label = (
            run[0][0].isoformat() if len(run) == 1 else f"{run[0][0].isoformat()} to {run[-1][0].isoformat()}"
        )
        bars.append(
            f'<rect x="{i * bar}" y="{_CHART_H - height}" width="{bar - 1}" height="{height}" '
            f'fill="#3b82f6"><title>{esc(label)}: {n:,}</title></rect>'
        )
    width = max(len(runs) * bar, 1)
    svg = f'<svg width="{width}" height="{_CHART_H}" role="img">{"".join(bars)}</svg>'
    span = f"{periods[0][0].isoformat()} to {periods[-1][0].isoformat()}, " if periods else ""
    top = max(periods, key=lambda p: p[1]) if periods else None
    peak_text = f"peak {top[1]:,} ({top[0].isoformat()}), " if top else ""
    unit = _PERIOD.get(timeline.freq, timeline.freq)
    grouped = f" (a bar per {per_bar:,} {unit}s)" if per_bar > 1 else ""
    note = (
        f"{timeline.unit} per {unit}: {span}{len(periods):,} periods{grouped}, "
        f"{peak_text}{timeline.dated:,} dated, {timeline.undated:,} undated"
    )
    return f"<div>{svg}<div {_NOTE}>{esc(note)}</div></div>"
