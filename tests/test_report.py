"""The HTML report: structure, escaping of hostile input, the CLI, and a real browser reading it."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sys
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


def test_hostile_input_is_only_ever_text() -> None:
    corpus = hostile_corpus()
    assert any(m.entity_id == HOSTILE_ID for a in corpus for m in a.mentions)
    text = render_report(corpus, title="<script>alert('title')</script>")
    page = Page(text)
    # One script element, and it is ours, allowed by its hash in the page's policy.
    assert page.scripts == [SCRIPT]
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    policy = [a["content"] for a in page.tags("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    assert policy and f"'sha256-{digest}'" in (policy[0] or "") and "default-src 'none'" in (policy[0] or "")
    # No event handlers, no injected elements, no javascript: links, nothing loaded from anywhere.
    for tag, attrs, _ in page.elements:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert tag not in {"img", "iframe", "b", "textarea", "link", "object", "embed", "base"}, tag
        assert "src" not in attrs, (tag, attrs)
    assert [tag for tag, _, in_svg in page.elements if tag == "style" and not in_svg] == ["style"]
    assert [tag for tag, _, in_svg in page.elements if tag == "svg" and in_svg] == []
    hrefs = [a["href"] for a in page.tags("a")]
    # The quote in the second URL is escaped in the attribute, and the attribute reads back whole.
    assert hrefs == ["#articles", 'https://ok.example/a?x=1&y="2"', "https://good.example/path?a=1&b=2"]
    # Styles come from the style sheet (and the bars' widths), never from input.
    styles = [a["style"] for a in page.tags("span") + page.tags("article") + page.tags("p") if a.get("style")]
    assert all(re.fullmatch(r"(width: \d+%|background: #[0-9a-f]{6})", s or "") for s in styles)
    # What was hostile is shown as text.
    shown = "".join(page.text)
    for title in TITLES:
        assert title in shown
    assert "<script>alert('title')</script>" in shown
    assert "javascript:alert(5)" in shown  # shown, not linked
    assert "<img src=x onerror=alert(4)>Outlet" in shown
    assert 'Outlet" style="position:fixed;inset:0' in shown
    assert "{{script}}" in shown
    assert HOSTILE_NAME in shown
    # The hostile entity keeps its id and type, escaped, on its highlighted mentions.
    marks = [a for a in page.tags("mark") if a["data-entity"] == HOSTILE_ID]
    assert len(marks) == sum(m.entity_id == HOSTILE_ID for a in corpus for m in a.mentions) == 3
    assert all(m["data-type"] == HOSTILE_TYPE for m in marks)
    assert all(m["title"] == f"{HOSTILE_TYPE} · {HOSTILE_NAME}" for m in marks)
    assert "<script>alert" not in text.replace("<script>" + SCRIPT, "")


def test_structure_marks_directions_and_filters() -> None:
    corpus = hostile_corpus()
    page = Page(render_report(corpus))
    articles = page.tags("article")
    assert [(a["id"], a["lang"], a["dir"]) for a in articles] == [
        ("article-0", "en", "ltr"),
        ("article-1", "en", "ltr"),
        ("article-2", "ar", "rtl"),  # undated articles come last
    ]
    # Every article lists the keys of the entities it mentions; the buttons use the same keys.
    keys = {a["data-label"]: a["data-key"] for a in page.tags("button") if a.get("data-key")}
    assert set(keys) == {HOSTILE_NAME, "Iraq", "Mustafa al-Kadhimi"}
    kadhimi = keys["Mustafa al-Kadhimi"]
    assert [a["id"] for a in articles if kadhimi in (a["data-e"] or "").split()] == ["article-0", "article-2"]
    marks = page.tags("mark")
    assert Counter(m["data-entity"] for m in marks) == Counter(
        m.entity_id for a in corpus for m in a.mentions
    )
    assert all(m["title"] == f"{m['data-type']} · {m['data-label']}" for m in marks)


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
    page = Page(render_report([Article("x", "", body, lang=lang)]))
    paragraph = next(a for tag, a, _ in page.elements if tag == "p" and not a.get("class"))
    assert paragraph.get("dir") == wanted


def test_chart_is_inline_svg_with_matplotlib() -> None:
    pytest.importorskip("matplotlib", reason="matplotlib is not installed (pip install '.[report]')")
    text = render_report(hostile_corpus())
    page = Page(text)
    assert len(page.tags("svg")) == 1
    assert Msg.REPORT_NO_CHART not in " ".join(page.text)
    # Nothing outside the page is referred to: only XML namespaces name a URL.
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", text))
    assert urls <= {
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
        "https://good.example/path?a=1&amp;b=2",
        "https://ok.example/a?x=1&amp;y=&quot;2&quot;",
        "https://evil.example/&quot;&gt;&lt;/iframe&gt;",
    }
    assert all(ref.startswith("#") for ref in re.findall(r"url\(([^)]*)\)", text))  # the chart's clip paths
    assert "@import" not in text


def test_report_without_matplotlib_has_a_note_instead(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    text = render_report(hostile_corpus())
    assert Msg.REPORT_NO_CHART in " ".join(Page(text).text)
    assert "<svg" not in text
    assert "<details><summary>The numbers (2 days)</summary>" in text


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
    return {a["data-entity"] or "" for a in Page(path.read_text(encoding="utf-8")).tags("mark")}


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
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri())
    return page


def test_report_in_a_browser(browser: Any, tmp_path: Path) -> None:
    corpus = mediamon.read(EXAMPLE).annotate()
    path = tmp_path / "report.html"
    write_report(corpus, path, inputs=["examples/000_ee85a602ba24a7e5.txt"])
    requests: list[str] = []
    dialogs: list[str] = []
    page = open_page(browser, path, requests, dialogs)
    items = page.locator("#article-list .item")
    assert items.count() == len(corpus)
    assert page.locator("#article-list .item:visible").count() == len(corpus)

    # Arabic articles, their titles and paragraphs render right to left.
    arabic = page.locator('#article-list .item[lang="ar"]')
    assert arabic.count() == sum(1 for a in corpus if a.lang == "ar") > 0
    directions = page.evaluate(
        """() => [...document.querySelectorAll('#article-list .item[lang="ar"]')].map(item => [
            getComputedStyle(item).direction,
            getComputedStyle(item.querySelector('h3')).direction,
            getComputedStyle(item.querySelector('.text p')).direction])"""
    )
    assert directions and all(row == ["rtl", "rtl", "rtl"] for row in directions)
    english = page.evaluate(
        """() => getComputedStyle(
            document.querySelector('#article-list .item[lang="en"] .text p')).direction"""
    )
    assert english == "ltr"

    # Clicking an entity lists only the articles mentioning it; clicking again lists all.
    entity = "per:mustafa-al-kadhimi"
    expected = len(corpus.filter(entity=entity))
    assert 0 < expected < len(corpus)
    button = page.locator("#entities button.entity", has_text="Mustafa al-Kadhimi")
    button.click()
    assert page.locator("#article-list .item:visible").count() == expected
    assert button.get_attribute("aria-pressed") == "true"
    assert page.locator("#filter-status").inner_text() == (
        f"Showing {expected} of {len(corpus)} articles, those mentioning Mustafa al-Kadhimi"
    )
    visible_ids = page.evaluate(
        """() => [...document.querySelectorAll('#article-list .item')]
            .filter(item => !item.hidden).map(item => item.querySelector('.id').textContent)"""
    )
    assert sorted(visible_ids) == sorted(a.id for a in corpus.filter(entity=entity))
    shot = tmp_path / "report-filtered.png"
    page.screenshot(path=str(shot))
    print(f"screenshot (filtered): {shot}")
    button.click()
    assert page.locator("#article-list .item:visible").count() == len(corpus)
    # A highlighted mention filters too.
    page.locator(f'mark[data-entity="{entity}"]:visible').first.click()
    assert page.locator("#article-list .item:visible").count() == expected
    page.locator("#filter-clear").click()
    assert page.locator("#article-list .item:visible").count() == len(corpus)

    assert requests == [path.as_uri()]  # nothing fetched but the page itself
    assert dialogs == []
    page.evaluate("window.scrollTo(0, 0)")
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot))
    print(f"screenshot: {shot}")
    if os.environ.get("MEDIAMON_SCREENSHOT") == "1":
        page.set_viewport_size({"width": 1280, "height": 1560})  # down to the chart's legend
        page.screenshot(path=str(ROOT / "docs" / "report.png"))
        print(f"screenshot for the README: {ROOT / 'docs' / 'report.png'}")


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
    assert page.evaluate("document.scripts.length") == 1
    assert page.evaluate("document.querySelectorAll('img, iframe, textarea, b').length") == 0
    assert page.locator("h1").inner_text() == "<script>alert('title')</script>"
    assert page.locator("#article-0 h3").inner_text() == TITLES[1]
    assert requests == [path.as_uri()]
    assert page.evaluate("getComputedStyle(document.body).display") == "block"
    # The hostile entity filters like any other.
    page.locator("#entities button.entity", has_text="Evil Corp").click()
    assert page.locator("#article-list .item:visible").count() == 2


def test_dedupe_absorbs_near_copies_and_says_how_many() -> None:
    body = " ".join(f"word{i}" for i in range(40))
    copies = [Article(id=f"c{i}", title="Same story", body=body, lang="en") for i in range(3)]
    page = render_report(copies, dedupe=True)
    assert "3 articles" not in page
    assert "1 article (2 near-copies absorbed)" in page
    assert page.count('class="item"') == 1
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


def test_arabic_article_meta_chips_and_toggle_follow_its_direction() -> None:
    from mediamon.model import Mention

    paragraphs = "\n\n".join("العراق " + "كلمة " * 80 for _ in range(4))
    mention = Mention("body", 0, 6, "العراق", "country:irq", "LOC", "Iraq", "ar", "العراق", "exact")
    page = render_report([Article(id="a", title="عنوان", body=paragraphs, lang="ar", mentions=(mention,))])
    item = page[page.index('<article class="item"') :]
    assert item.startswith('<article class="item" id="article-0" data-e="e0" lang="ar" dir="rtl">')
    assert '<p class="meta">' in item and '<footer class="chips">' in item
    assert "<summary><bdi>Full text" in item
    assert 'dir="ltr"' not in item.split("</article>")[0]


def test_report_pages_long_lists_in_a_browser(browser: Any, tmp_path: Path) -> None:
    from mediamon.model import Mention

    def article(i: int) -> Article:
        body = f"Report number {i} on Iraq."
        start = body.index("Iraq")
        iraq = Mention("body", start, start + 4, "Iraq", "country:irq", "LOC", "Iraq", "en", "Iraq", "exact")
        return Article(
            id=f"a{i}", title=f"Story {i}", body=body, lang="en", mentions=(iraq,) if i % 2 else ()
        )

    path = tmp_path / "long.html"
    write_report([article(i) for i in range(120)], path)
    page = open_page(browser, path, [], [])
    visible = "#article-list .item:visible"
    assert page.locator(visible).count() == 50
    more = page.locator("#article-more")
    assert more.inner_text() == "Show 50 more (70 not listed)"
    more.click()
    assert page.locator(visible).count() == 100
    page.locator("#entities button.entity", has_text="Iraq").click()
    assert page.locator(visible).count() == 50
    assert page.locator("#filter-status").inner_text() == (
        "Showing 60 of 120 articles, those mentioning Iraq"
    )
    more.click()
    assert page.locator(visible).count() == 60 and more.is_hidden()
