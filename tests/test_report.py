"""The HTML report: structure, escaping of hostile input, the CLI, and a real browser reading it."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import mediamon
from mediamon import Article, Corpus, Entity, Gazetteer
from mediamon.cli import main
from mediamon.errors import Msg
from mediamon.report import render_report, write_report

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "000_ee85a602ba24a7e5.txt"
SCRIPT = resources.files("mediamon").joinpath("data", "report", "report.js").read_text(encoding="utf-8")


class Page(HTMLParser):
    """Every element of a page: (tag, attributes, inside <svg>?), and the text of each <script>."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None], bool]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._svg = 0
        self._in_script = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs), self._svg > 0))
        if tag == "svg":
            self._svg += 1
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs), self._svg > 0))

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._svg -= 1
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs, _ in self.elements if tag == name]


HOSTILE_ID = 'org:"><script>alert("id")</script>'
HOSTILE_TYPE = "ORG\" onmouseover=\"alert('type')"
HOSTILE_NAME = "<img src=x onerror=alert('name')>Evil Corp"
HOSTILE_NAMES = {"en": ["Evil Corp"], "ar": ["الشركة الشريرة"]}
HOSTILE = Entity.create(HOSTILE_ID, HOSTILE_TYPE, HOSTILE_NAMES, name=HOSTILE_NAME)
IRAQ = Entity.create("country:irq", "LOC", {"en": ["Iraq"], "ar": ["العراق"]})
KADHIMI = Entity.create(
    "per:mustafa-al-kadhimi",
    "PER",
    {"en": ["Mustafa al-Kadhimi", "Kadhimi"], "ar": ["مصطفى الكاظمي", "الكاظمي"]},
)
GAZETTEER = Gazetteer([HOSTILE, IRAQ, KADHIMI], name="test")

TITLES = [
    "<script>alert(1)</script> Evil Corp buys Iraq",
    '" onmouseover="alert(2)" x="',
    "<style>body{display:none}</style>Iraq",
]


def hostile_corpus() -> Corpus:
    articles = [
        Article(
            "h1",
            TITLES[0],
            'Evil Corp said <b onclick="alert(3)">hi</b> in Iraq.\n\n<iframe src="https://evil.example/"></iframe>',
            date=dt.date(2021, 7, 1),
            source="<img src=x onerror=alert(4)>Outlet",
            url="javascript:alert(5)",
            author='"><svg onload=alert(6)>',
            lang="en",
        ),
        Article(
            "h2",
            TITLES[1],
            "Iraq </textarea><script>alert(7)</script>\n\nKadhimi.",
            date=dt.date(2021, 7, 2),
            source='Outlet" style="position:fixed;inset:0',
            url=' https://ok.example/a?x=1&y="2" ',
            lang="en",
        ),
        Article(
            "h3",
            TITLES[2],
            "قالت الشركة الشريرة إن العراق <script>alert(8)</script> والكاظمي",
            source="{{script}}",  # a template placeholder in the input stays text
            url="https://good.example/path?a=1&b=2",
            lang="ar",
        ),
    ]
    return Corpus(articles).annotate(mediamon.Annotator([GAZETTEER], default=False))


def page_data(text: str) -> dict[str, Any]:
    """The page's JSON data block, as the page's script reads it."""
    blocks = Page(text).scripts
    assert len(blocks) == 2 and blocks[1] == SCRIPT
    data: dict[str, Any] = json.loads(blocks[0])
    return data


def marks_of(article: dict[str, Any], field: str = "m") -> list[tuple[int, int, int]]:
    flat = article.get(field, [])
    return [(flat[i], flat[i + 1], flat[i + 2]) for i in range(0, len(flat), 3)]


def pairs(flat: list[int]) -> list[tuple[int, int]]:
    return [(flat[i], flat[i + 1]) for i in range(0, len(flat), 2)]


NEGATIVE = Msg.BAD_LIMIT.format(value=-1)


def test_hostile_input_is_only_ever_text() -> None:
    corpus = hostile_corpus()
    assert any(m.entity_id == HOSTILE_ID for a in corpus for m in a.mentions)
    text = render_report(corpus, title="<script>alert('title')</script>")
    page = Page(text)
    # Two script elements: the data block (never run) and ours, allowed by its hash in the policy.
    assert [a.get("type") for a in page.tags("script")] == ["application/json", None]
    assert page.scripts[1] == SCRIPT
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    policy = [a["content"] for a in page.tags("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    assert policy and f"'sha256-{digest}'" in (policy[0] or "") and "default-src 'none'" in (policy[0] or "")
    # No input can end the data block or open a comment in it: it holds no <, > or &.
    assert not set("<>&") & set(page.scripts[0])
    # No event handlers, no injected elements, no javascript: links, nothing loaded from anywhere.
    for tag, attrs, _ in page.elements:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert tag not in {"img", "iframe", "b", "textarea", "link", "object", "embed", "base"}, tag
        assert "src" not in attrs, (tag, attrs)
    assert [tag for tag, _, in_svg in page.elements if tag == "style" and not in_svg] == ["style"]
    assert [a["href"] for a in page.tags("a")] == ["#articles"]
    styles = [a["style"] for a in page.tags("span") + page.tags("article") + page.tags("p") if a.get("style")]
    assert all(re.fullmatch(r"width: \d+%", s or "") for s in styles)
    shown = "".join(page.text)
    assert "<script>alert('title')</script>" in shown
    assert HOSTILE_NAME in shown
    assert "<script>alert" not in text.replace("<script>" + SCRIPT, "")
    # The data gives back every hostile string exactly, for the script to set as text.
    data = page_data(text)
    articles = {a["id"]: a for a in data["articles"]}
    assert sorted(a["t"] for a in articles.values()) == sorted(TITLES)
    assert articles["h1"]["src"] == "<img src=x onerror=alert(4)>Outlet"
    assert articles["h1"]["by"] == '"><svg onload=alert(6)>'
    assert (articles["h1"].get("url"), articles["h1"]["raw"]) == (
        None,
        "javascript:alert(5)",
    )  # shown, not linked
    assert articles["h2"]["url"] == 'https://ok.example/a?x=1&y="2"'
    assert articles["h3"]["src"] == "{{script}}"
    assert {a.id: a.body for a in corpus} == {key: a["b"] for key, a in articles.items()}
    # The hostile entity keeps its id, type and name, and its mentions are marked by its key.
    key = [row[0] for row in data["entities"]].index(HOSTILE_ID)
    assert data["entities"][key][1:3] == [HOSTILE_TYPE, HOSTILE_NAME]
    marked = [m for a in articles.values() for f in ("m", "tm") for m in marks_of(a, f) if m[2] == key]
    assert len(marked) == sum(m.entity_id == HOSTILE_ID for a in corpus for m in a.mentions) == 3


def test_structure_marks_directions_and_filters() -> None:
    corpus = hostile_corpus()
    text = render_report(corpus)
    data = page_data(text)
    assert [(a["id"], a.get("lang"), a["dir"]) for a in data["articles"]] == [
        ("h2", "en", "ltr"),
        ("h1", "en", "ltr"),
        ("h3", "ar", "rtl"),  # undated articles come last
    ]
    # Buttons in the page and the data name entities by the same key numbers.
    keys = {a["data-label"]: a["data-key"] for a in Page(text).tags("button") if a.get("data-key")}
    assert keys == {row[2]: f"e{index}" for index, row in enumerate(data["entities"])}
    kadhimi = int(keys["Mustafa al-Kadhimi"][1:])
    assert [a["id"] for a in data["articles"] if kadhimi in a["n"][::2]] == ["h2", "h3"]
    # Every mention is marked where it is, and counted once.
    by_id = {a.id: a for a in corpus}
    for article in data["articles"]:
        source = by_id[article["id"]]
        marks = [(source.body, m) for m in marks_of(article)] + [
            (source.title, m) for m in marks_of(article, "tm")
        ]
        assert Counter(data["entities"][k][0] for _, (_, _, k) in marks) == Counter(
            m.entity_id for m in source.mentions
        )
        texts = {m.text for m in source.mentions}
        assert all(text[start:end] in texts for text, (start, end, _) in marks)
        counts = Counter(m.entity_id for m in source.mentions)
        assert {data["entities"][k][0]: n for k, n in pairs(article["n"])} == counts


@pytest.mark.parametrize(
    ("body", "lang", "wanted"),
    [
        ("قال الكاظمي إن العراق", "ar", None),  # Arabic paragraph in an Arabic article: inherits rtl
        ("Kadhimi said so", "ar", "ltr"),
        ("Kadhimi قال الكاظمي إن العراق and Iraq agreed on more", "en", "auto"),  # mixed
        ("قال الكاظمي إن العراق", "en", "rtl"),
        ("12345", "en", None),
    ],
)
def test_paragraph_directions(body: str, lang: str, wanted: str | None) -> None:
    (article,) = page_data(render_report([Article("x", "", body, lang=lang)]))["articles"]
    assert article["g"] == [0, len(body), [None, "ltr", "rtl", "auto"].index(wanted)]


def test_offsets_are_those_the_browser_slices_by() -> None:
    """Past an emoji (two UTF-16 units, one code point) marks still cover their mention."""
    body = "Emoji 🇮🇶 first.\n\nThen Iraq 😀 and Iraq."
    corpus = Corpus([Article("e", "🙂 Iraq", body, lang="en")]).annotate(
        mediamon.Annotator([GAZETTEER], default=False)
    )
    (article,) = page_data(render_report(corpus))["articles"]
    units = article["b"].encode("utf-16-le")

    def sliced(start: int, end: int) -> str:
        return units[2 * start : 2 * end].decode("utf-16-le")

    assert [sliced(s, e) for s, e, _ in marks_of(article)] == ["Iraq", "Iraq"]
    assert [sliced(*article["g"][i : i + 2]) for i in (0, 3)] == body.split("\n\n")
    title = article["t"].encode("utf-16-le")
    assert [title[2 * s : 2 * e].decode("utf-16-le") for s, e, _ in marks_of(article, "tm")] == ["Iraq"]


def test_long_bodies_fold_after_the_lead() -> None:
    paragraphs = ["word " * 20, "word " * 80, "word " * 10, "word " * 10]
    (article,) = page_data(render_report([Article("x", "t", "\n\n".join(paragraphs), lang="en")]))["articles"]
    assert (len(article["g"]) // 3, article["lead"]) == (4, 2)  # two paragraphs pass 320 characters
    short = "\n\n".join(paragraphs[:3])
    (article,) = page_data(render_report([Article("x", "t", short, lang="en")]))["articles"]
    assert "lead" not in article  # one paragraph more is shown, not folded


def test_chart_data_covers_articles_not_listed() -> None:
    corpus = hostile_corpus()
    text = render_report(corpus, max_articles=1)
    data = page_data(text)
    assert (data["unit"], data["periods"]) == ("day", ["2021-07-01", "2021-07-02"])
    assert [a["id"] for a in data["articles"]] == ["h2"]
    assert [row[0] for row in data["unlisted"]] == [0, -1]  # period numbers; -1: undated
    total = Counter[str]()
    for counts in [a["n"] for a in data["articles"]] + [row[1] for row in data["unlisted"]]:
        total.update({data["entities"][k][0]: n for k, n in pairs(counts)})
    assert total == Counter(m.entity_id for a in corpus for m in a.mentions)
    assert "The 1 newest of 3 articles are listed." in text


def test_counts_in_the_header() -> None:
    corpus = hostile_corpus()
    page = Page(render_report(corpus))
    shown = " ".join(" ".join(page.text).split())
    assert "Articles 3" in shown and f"Mentions {sum(len(a.mentions) for a in corpus)}" in shown
    assert "2021-07-01 – 2021-07-02" in shown and "1 undated article" in shown
    assert "English en 2" in shown and "Arabic ar 1" in shown


def test_write_report_is_atomic(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    write_report(hostile_corpus(), path)
    before = path.read_bytes()

    def broken() -> Any:
        yield Article("x", "t", "b")
        raise RuntimeError("reader failed")

    with pytest.raises(RuntimeError):
        write_report(broken(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def marked_ids(path: Path) -> set[str]:
    data = page_data(path.read_text(encoding="utf-8"))
    marks = [m for a in data["articles"] for f in ("m", "tm") for m in marks_of(a, f)]
    return {data["entities"][k][0] for _, _, k in marks}


def test_cli_report_annotates_dumps_but_not_annotated_inputs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "report", EXAMPLE, "-o", tmp_path / "dump.html")
    assert status == 0 and "report of 22 articles" in err
    assert "country:irq" in marked_ids(tmp_path / "dump.html")
    gaz = tmp_path / "gaz.jsonl"
    gaz.write_text(
        '{"id": "test:iraq", "type": "LOC", "names": {"en": ["Iraq"], "ar": ["العراق"]}}\n', encoding="utf-8"
    )
    # Already annotated JSON Lines and stores keep their mentions, however few.
    only = hostile_corpus()
    jsonl, db = tmp_path / "ours.jsonl", tmp_path / "ours.db"
    only.to_jsonl(jsonl)
    only.to_sqlite(db)
    expected = {m.entity_id for a in only for m in a.mentions}
    for source in (jsonl, db):
        status, _, err = run(capsys, "report", source, "-o", tmp_path / "kept.html", "-g", gaz, "-q")
        assert status == 0, err
        assert marked_ids(tmp_path / "kept.html") == expected
        assert err == f"mediamon: {source}: note: already annotated; its mentions are kept\n"
    # A dump with a gazetteer of our own and no bundled ones.
    own = tmp_path / "own.html"
    status, _, _ = run(capsys, "report", EXAMPLE, "-o", own, "-g", gaz, "--no-default", "-q")
    assert status == 0 and marked_ids(own) == {"test:iraq"}


def test_cli_report_lists_max_articles(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    status, _, err = run(capsys, "report", EXAMPLE, "-o", out, "--max-articles", "5", "-q")
    assert (status, err) == (0, "")
    text = out.read_text(encoding="utf-8")
    data = page_data(text)
    assert (len(data["articles"]), len(data["unlisted"])) == (5, 17)
    assert "The 5 newest of 22 articles are listed." in text


def test_cli_report_to_standard_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "in.db"
    hostile_corpus().to_sqlite(db)
    status, out, err = run(capsys, "report", db, "-o", "-")
    assert (status, err) == (0, "")
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert "الشركة الشريرة" in out


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["report", "{example}"], 2, "-o/--output"),
        (["report", "{example}", "-o", "{tmp}/r.html", "--no-default"], 2, Msg.USAGE_NO_DEFAULT),
        (["report", "{example}", "-o", "{tmp}/r.html", "--top", "0"], 2, Msg.BAD_LIMIT.format(value=0)),
        (["report", "{example}", "-o", "{tmp}/r.html", "--max-articles", "-1"], 2, NEGATIVE),
        (["report", "{tmp}/missing.db", "-o", "{tmp}/r.html"], 2, Msg.NOT_FOUND),
        (["report", "{tmp}/missing.txt", "-o", "{tmp}/r.html"], 1, Msg.NOT_FOUND),
    ],
)
def test_cli_report_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], status: int, message: str
) -> None:
    got, _, err = run(capsys, *(a.format(example=EXAMPLE, tmp=tmp_path) for a in argv))
    assert got == status
    assert message in err and "Traceback" not in err


# -- in a browser --------------------------------------------------------------------------

BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """The machine's Chromium: $MEDIAMON_CHROMIUM, else chromium on PATH or in /usr/bin."""
    for candidate in (
        os.environ.get("MEDIAMON_CHROMIUM"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        "/usr/bin/chromium",
    ):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture
def browser() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install '.[test]'); the browser test needs it")
    executable = chromium_path()
    if executable is None:
        pytest.skip("Chromium not found (apt-get install chromium, or set MEDIAMON_CHROMIUM to its path)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def open_page(browser: Any, path: Path, requests: list[str], dialogs: list[str]) -> Any:
    page = browser.new_page(viewport={"width": 1280, "height": 1400})
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    assert errors == []
    return page


LISTED = "#article-list .item"

# Each listed article's paragraphs as text (<br> as a line break), folded ones included.
PARAGRAPHS = """() => [...document.querySelectorAll('#article-list .item')].map(item =>
    [...item.querySelectorAll('.text p')].map(p => [...p.childNodes]
        .map(node => node.nodeName === 'BR' ? '\\n' : node.textContent).join('')).join('\\n\\n'))"""

# Where the lines of an article end: its content box's edges and each part's start edge.
EDGES = """(item) => {
    const box = item.getBoundingClientRect(), style = getComputedStyle(item);
    const left = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
    const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    const rtl = style.direction === 'rtl';
    const edge = (node) => {
        const r = node.getBoundingClientRect(); return rtl ? right - r.right : r.left - left; };
    return {rtl: rtl, meta: edge(item.querySelector('.meta > :first-child')),
        chip: edge(item.querySelector('.chips > :first-child')),
        toggle: edge(item.querySelector('details.more > summary')),
        title: edge(item.querySelector('h3').firstChild.nodeType === 1
            ? item.querySelector('h3').firstChild : item.querySelector('h3'))};
}"""


def chart_numbers(page: Any) -> dict[str, list[int]]:
    """The chart's table (built when opened): each charted entity's counts per period."""
    if not page.locator("#chart-numbers").evaluate("details => details.open"):
        page.locator("#chart-numbers > summary").click()
        page.wait_for_function("() => document.querySelector('#chart-numbers tbody tr') !== null")
    columns: dict[str, list[int]] = page.evaluate(
        """() => { const heads = [...document.querySelectorAll('#chart-numbers thead th.num')];
        const rows = [...document.querySelectorAll('#chart-numbers tbody tr')];
        return Object.fromEntries(heads.map((th, i) => [th.textContent,
            rows.map(row => Number(row.querySelectorAll('td')[i].textContent))])); }"""
    )
    return columns


def test_report_in_a_browser(browser: Any, tmp_path: Path) -> None:
    corpus = mediamon.read(EXAMPLE).annotate()
    path = tmp_path / "report.html"
    write_report(corpus, path, inputs=["examples/000_ee85a602ba24a7e5.txt"])
    requests: list[str] = []
    dialogs: list[str] = []
    page = open_page(browser, path, requests, dialogs)
    assert page.locator(f"{LISTED}:visible").count() == len(corpus) < 50

    # Arabic articles, their titles and paragraphs render right to left.
    arabic = page.locator(f'{LISTED}[lang="ar"]')
    assert arabic.count() == sum(1 for a in corpus if a.lang == "ar") > 0
    directions = page.evaluate(
        """() => [...document.querySelectorAll('#article-list .item[lang="ar"]')].map(item => [
            getComputedStyle(item).direction,
            getComputedStyle(item.querySelector('h3')).direction,
            getComputedStyle(item.querySelector('.text p')).direction])"""
    )
    assert directions and all(row == ["rtl", "rtl", "rtl"] for row in directions)
    english = page.evaluate(
        f"() => getComputedStyle(document.querySelector('{LISTED}[lang=\"en\"] .text p')).direction"
    )
    assert english == "ltr"

    # The chart starts with the most-mentioned entities that have dated mentions.
    dated = Corpus([a for a in corpus if a.date is not None])
    freq = {"day": "D", "week": "W", "month": "M"}[page_data(path.read_text(encoding="utf-8"))["unit"]]
    top = [row for row in corpus.entity_table() if dated.timeline(row.id, freq).dated][:5]
    numbers = chart_numbers(page)
    assert list(numbers) == [row.name for row in top]
    assert [sum(column) for column in numbers.values()] == [dated.timeline(row.id, freq).dated for row in top]
    assert page.locator("#chart svg polyline").count() == len(top)

    # Clicking an entity lists only the articles mentioning it, and the chart follows: the
    # entity first, then those most named with it, counted in those articles only.
    entity = "per:mustafa-al-kadhimi"
    mentioning = corpus.filter(entity=entity)
    expected = len(mentioning)
    assert 0 < expected < len(corpus)
    button = page.locator("#entities button.entity", has_text="Mustafa al-Kadhimi")
    button.click()
    assert page.locator(f"{LISTED}:visible").count() == expected
    assert button.get_attribute("aria-pressed") == "true"
    assert page.locator("#filter-status").inner_text() == (
        f"Showing {expected} of {len(corpus)} articles, those mentioning Mustafa al-Kadhimi"
    )
    visible_ids = page.evaluate(
        f"() => [...document.querySelectorAll('{LISTED}')].map(item => item.querySelector('.id').textContent)"
    )
    assert sorted(visible_ids) == sorted(a.id for a in mentioning)
    numbers = chart_numbers(page)
    assert next(iter(numbers)) == "Mustafa al-Kadhimi"
    dated_mentioning = Corpus([a for a in mentioning if a.date is not None])
    named = {row.name: row.id for row in corpus.entity_table()}
    assert {name: sum(column) for name, column in numbers.items()} == {
        name: dated_mentioning.timeline(named[name], freq).dated for name in numbers
    }
    assert page.locator("#chart-legend button").first.get_attribute("aria-pressed") == "true"
    assert page.locator("#chart-scope").inner_text().startswith(f"In the {expected} articles mentioning")
    shot = tmp_path / "report-filtered.png"
    page.screenshot(path=str(shot))
    print(f"screenshot (filtered): {shot}")
    button.click()
    assert page.locator(f"{LISTED}:visible").count() == len(corpus)
    assert list(chart_numbers(page)) == [row.name for row in top]
    assert page.locator("#chart-scope").is_hidden()
    # A highlighted mention filters too, and so does a chip.
    page.locator(f'mark[data-entity="{entity}"]:visible').first.click()
    assert page.locator(f"{LISTED}:visible").count() == expected
    page.locator("#filter-clear").click()
    assert page.locator(f"{LISTED}:visible").count() == len(corpus)
    page.locator(f'{LISTED} .chips button[data-label="Mustafa al-Kadhimi"]').first.click()
    assert page.locator(f"{LISTED}:visible").count() == expected
    page.locator("#filter-clear").click()

    # Opening every "Full text" builds the folded paragraphs: then each body is whole.
    for summary in page.locator(f"{LISTED} details.more > summary").all():
        summary.click()
    shown = page.evaluate(PARAGRAPHS)
    assert [" ".join(text.split()) for text in shown] == [" ".join(a.body.split()) for a in _listed(corpus)]

    assert requests == [path.as_uri()]  # nothing fetched but the page itself
    assert dialogs == []
    page.evaluate("window.scrollTo(0, 0)")
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot))
    print(f"screenshot: {shot}")
    if os.environ.get("MEDIAMON_SCREENSHOT") == "1":
        page.reload()
        page.set_viewport_size({"width": 1280, "height": 1560})  # down to the chart's legend
        page.screenshot(path=str(ROOT / "docs" / "report.png"))
        print(f"screenshot for the README: {ROOT / 'docs' / 'report.png'}")


def _listed(corpus: Corpus) -> list[Article]:
    """The articles in the order the report lists them: dated newest first, then undated."""
    dated = sorted(
        (a for a in corpus if a.date is not None), key=lambda a: a.date or dt.date.min, reverse=True
    )
    return dated + [a for a in corpus if a.date is None]


def test_arabic_articles_align_right_in_a_browser(browser: Any, tmp_path: Path) -> None:
    body = "\n\n".join("قال الكاظمي إن العراق " + "كلمة " * 60 for _ in range(4))
    english = "\n\n".join("Kadhimi said Iraq " + "word " * 60 for _ in range(4))
    corpus = Corpus(
        [
            Article("ar", "العراق والكاظمي", body, lang="ar", source="الجزيرة", date=dt.date(2021, 7, 2)),
            Article("en", "Iraq and Kadhimi", english, lang="en", source="Reuters", date=dt.date(2021, 7, 1)),
        ]
    ).annotate(mediamon.Annotator([GAZETTEER], default=False))
    path = tmp_path / "arabic.html"
    write_report(corpus, path)
    page = open_page(browser, path, [], [])
    arabic, latin = (page.locator(f"#article-{i}").evaluate(EDGES) for i in (0, 1))
    # Each part starts at its line's start edge: the right one in Arabic, the left in English.
    assert arabic.pop("rtl") is True and latin.pop("rtl") is False
    assert all(abs(offset) < 3 for offset in arabic.values()), arabic  # a chip's margin is 1.5 px
    assert all(abs(offset) < 3 for offset in latin.values()), latin


def test_bodies_are_built_when_opened_in_a_browser(browser: Any, tmp_path: Path) -> None:
    lead = "Kadhimi met the press. " * 20
    tail = ["The talks on Iraq went on. 😀 Iraq again.", "Then Kadhimi left\nfor Iraq.", "The end."]
    corpus = Corpus([Article("x", "Talks", "\n\n".join([lead, *tail]), lang="en")]).annotate(
        mediamon.Annotator([GAZETTEER], default=False)
    )
    path = tmp_path / "lazy.html"
    write_report(corpus, path)
    page = open_page(browser, path, [], [])
    item = page.locator("#article-0")
    toggle = item.locator("details.more > summary")
    assert toggle.inner_text() == "Full text (3 more paragraphs)"
    # Folded paragraphs are not in the document until opened.
    assert item.locator(".text p").count() == 1
    assert "went on" not in (item.text_content() or "")
    assert item.locator("mark").count() == 20
    toggle.click()
    assert item.locator(".text p").count() == 4
    assert page.evaluate(PARAGRAPHS) == ["\n\n".join([lead, *tail])]
    assert item.locator("details mark").all_inner_texts() == ["Iraq", "Iraq", "Kadhimi", "Iraq"]
    toggle.click()
    toggle.click()  # closed and opened again: built once
    assert item.locator(".text p").count() == 4
    # A mark in the folded text filters like any other.
    item.locator('details mark[data-entity="country:irq"]').first.click()
    assert page.locator("#filter-status").inner_text() == "Showing 1 of 1 articles, those mentioning Iraq"


def test_hostile_report_in_a_browser(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    write_report(hostile_corpus(), path, title="<script>alert('title')</script>")
    requests: list[str] = []
    dialogs: list[str] = []
    page = open_page(browser, path, requests, dialogs)
    for mark in page.locator("mark").all():
        mark.hover()
    page.locator("h3").first.hover()
    assert dialogs == []
    assert page.evaluate("[...document.scripts].map(s => s.type)") == ["application/json", ""]
    injected = "img, iframe, textarea, b, :not(#chart) > svg"
    assert page.evaluate(f"document.querySelectorAll('{injected}').length") == 0
    assert page.evaluate("document.querySelectorAll('style').length") == 2  # the sheet, the highlight rule
    assert page.locator("h1").inner_text() == "<script>alert('title')</script>"
    assert page.locator("#article-0 h3").inner_text() == TITLES[1]
    assert page.locator("#article-1 .meta .author").inner_text() == '"><svg onload=alert(6)>'
    assert page.locator("#article-1 .meta .url").inner_text() == "javascript:alert(5)"
    assert page.locator("#article-list a").evaluate_all("links => links.map(a => a.href)") == [
        "https://ok.example/a?x=1&y=%222%22",
        "https://good.example/path?a=1&b=2",
    ]
    marks = page.evaluate(
        "(id) => [...document.querySelectorAll('mark')]"
        ".filter(m => m.dataset.entity === id).map(m => m.title)",
        HOSTILE_ID,
    )
    assert marks == [f"{HOSTILE_TYPE} · {HOSTILE_NAME}"] * 3
    assert requests == [path.as_uri()]
    assert page.evaluate("getComputedStyle(document.body).display") == "block"
    # The hostile entity filters like any other.
    page.locator("#entities button.entity", has_text="Evil Corp").click()
    assert page.locator(f"{LISTED}:visible").count() == 2


def test_dedupe_absorbs_near_copies_and_says_how_many() -> None:
    body = " ".join(f"word{i}" for i in range(40))
    copies = [Article(id=f"c{i}", title="Same story", body=body, lang="en") for i in range(3)]
    page = render_report(copies, dedupe=True)
    assert "3 articles" not in page
    assert "1 article (2 near-copies absorbed)" in page
    assert len(page_data(page)["articles"]) == 1
    assert "absorbed" not in render_report(copies)


def test_cli_report_dedupes_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = " ".join(f"token{i}" for i in range(40))
    dump = tmp_path / "copies.jsonl"
    dump.write_text(
        "".join(json.dumps({"title": "T", "body": body}) + "\n" for _ in range(2)), encoding="utf-8"
    )
    out = tmp_path / "r.html"
    assert main(["report", "-q", "-o", str(out), str(dump)]) in (0, 1)
    assert "(1 near-copy absorbed)" in out.read_text(encoding="utf-8")
    assert main(["report", "-q", "--no-dedupe", "-o", str(out), str(dump)]) in (0, 1)
    assert "absorbed" not in out.read_text(encoding="utf-8")


def test_report_pages_long_lists_in_a_browser(browser: Any, tmp_path: Path) -> None:
    from mediamon.model import Mention

    def article(i: int) -> Article:
        body = f"Report number {i} on Iraq."
        start = body.index("Iraq")
        iraq = Mention("body", start, start + 4, "Iraq", "country:irq", "LOC", "Iraq", "en", "Iraq", "exact")
        return Article(
            id=f"a{i}",
            title=f"Story {i}",
            body=body,
            lang="en",
            mentions=(iraq,) if i % 2 else (),
            date=dt.date(2021, 7, 1) + dt.timedelta(days=i % 30),
        )

    path = tmp_path / "long.html"
    write_report([article(i) for i in range(120)], path)
    page = open_page(browser, path, [], [])
    # Only the page shown is in the document.
    assert page.locator(LISTED).count() == page.locator(f"{LISTED}:visible").count() == 50
    more = page.locator("#article-more")
    assert more.inner_text() == "Show 50 more (70 not listed)"
    more.click()
    assert page.locator(LISTED).count() == 100
    ids = page.evaluate(f"() => [...document.querySelectorAll('{LISTED} .id')].map(n => n.textContent)")
    assert len(set(ids)) == 100
    page.locator("#entities button.entity", has_text="Iraq").click()
    assert page.locator(LISTED).count() == 50
    assert page.locator("#filter-status").inner_text() == "Showing 60 of 120 articles, those mentioning Iraq"
    assert sum(chart_numbers(page)["Iraq"]) == 60
    more.click()
    assert page.locator(LISTED).count() == 60 and more.is_hidden()
    ids = page.evaluate(f"() => [...document.querySelectorAll('{LISTED} .id')].map(n => n.textContent)")
    assert sorted(ids) == sorted(f"a{i}" for i in range(1, 120, 2))


EDGE_CORPORA = {
    "no articles": [],
    "no mentions": [Article("a", "A title", "Some words.", lang="en", date=dt.date(2021, 7, 1))],
    "undated only": [Article("a", "Iraq", "Iraq and Iraq.", lang="en")],
    "the calendar's edges": [
        Article("a", "Iraq", "Iraq.", lang="en", date=dt.date(1, 1, 1)),
        Article("b", "Iraq", "Iraq.", lang="en", date=dt.date(9999, 12, 31)),
    ],
}


@pytest.mark.parametrize("name", list(EDGE_CORPORA))
def test_edge_corpora_draw_without_script_errors(browser: Any, tmp_path: Path, name: str) -> None:
    corpus = Corpus(EDGE_CORPORA[name]).annotate(mediamon.Annotator([GAZETTEER], default=False))
    path = tmp_path / "edge.html"
    write_report(corpus, path)
    page = open_page(browser, path, [], [])  # asserts the page's script raised nothing
    assert page.locator(LISTED).count() == len(corpus)
    dated = [a for a in corpus if a.date is not None and a.mentions]
    assert page.locator("#chart svg").count() == (1 if dated else 0)
    if not dated:
        assert page.locator("#chart").inner_text() == "No dated mentions to chart."
    if any(a.mentions for a in corpus):
        page.locator("#entities button.entity").first.click()
        assert page.locator("#filter-status").inner_text().startswith("Showing ")
