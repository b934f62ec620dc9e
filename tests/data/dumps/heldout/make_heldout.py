"""Build the held-out dumps of this folder from real text nobody here wrote.

Run:  python tests/data/dumps/heldout/make_heldout.py [SHARED_DATA_DIR]

Each dump arranges excerpts of real articles (Tehran Times, CC BY 4.0; NewsFANE Arabic
newswire, CC BY-SA 3.0; FIGNEWS posts, MIT) the way pages of other sites lay them out, and
writes the labels of every line beside it (``NAME.expected.json``, the format of
``../check_labels.py``). The labels follow from the arrangement: the builder knows which line
it wrote as a title, a date, a byline, a body paragraph or site furniture. The layout lines
(menus, banners, dates, bylines, tags, subheadings) are ours; the article text is not.
"""

# ruff: noqa: E501  (the notes of each dump are one line of label prose each)
from __future__ import annotations

import csv
import json
import re
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from check_labels import parse_date  # noqa: E402

SHARED = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/data")


class Page:
    """A dump being written, with the role of each line it gets."""

    def __init__(self, name: str, notes: str) -> None:
        self.name, self.notes = name, notes
        self.lines: list[str] = []
        self.articles: list[dict] = []
        self.dropped: dict[str, str] = {}
        self.art: dict | None = None

    def _add(self, text: str) -> int:
        self.lines.append(text)
        return len(self.lines)

    def blank(self) -> None:
        self._add("")

    def drop(self, text: str, reason: str = "boilerplate") -> None:
        self.dropped[str(self._add(text))] = reason

    def start(self, lang: str, title: str | None = None) -> None:
        self.end()
        self.art = {
            "first_line": None,
            "last_line": None,
            "title": "",
            "title_line": None,
            "date": None,
            "date_text": None,
            "date_line": None,
            "author": None,
            "author_line": None,
            "source": None,
            "source_line": None,
            "lang": lang,
            "body_lines": [],
            "meta": {},
            "meta_lines": [],
        }
        if title is not None:
            n = self._add(title)
            self.art.update(first_line=n, title=title.strip(), title_line=n)

    def _mark(self, n: int) -> None:
        assert self.art is not None
        if self.art["first_line"] is None:
            self.art["first_line"] = n
        self.art["last_line"] = n

    def title_line(self, line: str, title: str) -> None:
        assert self.art is not None
        n = self._add(line)
        self.art.update(first_line=n, title=title, title_line=n, last_line=n)

    def date(self, line: str, date_text: str | None = None, author: str | None = None) -> None:
        assert self.art is not None
        n = self._add(line)
        text = date_text or line.strip()
        parsed = parse_date(text)
        assert parsed is not None, text
        self.art.update(date=parsed.isoformat(), date_text=text, date_line=n)
        if author:
            self.art.update(author=author, author_line=n)
        self._mark(n)

    def body(self, text: str) -> None:
        assert self.art is not None
        n = self._add(text)
        self.art["body_lines"].append(n)
        self._mark(n)

    def bodies(self, paras: list[str], *, spaced: bool = False) -> None:
        """Body paragraphs, one a line; ``spaced``: a blank line after each."""
        for para in paras:
            self.body(para)
            if spaced:
                self.blank()

    def article(self, lang: str, title: str, date: str, paras: list[str]) -> None:
        """Title, date line, blank line, paragraphs with blank lines between."""
        self.start(lang, title)
        self.date(date)
        self.blank()
        self.bodies(paras, spaced=True)

    def end(self) -> None:
        if self.art is not None:
            self.articles.append(self.art)
            self.art = None

    def write(self) -> None:
        self.end()
        (HERE / f"{self.name}.txt").write_text("\n".join(self.lines) + "\n", encoding="utf-8")
        data = {
            "file": f"{self.name}.txt",
            "notes": self.notes,
            "articles": self.articles,
            "dropped": self.dropped,
        }
        (HERE / f"{self.name}.expected.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


# ---------------------------------------------------------------- real text


def _sentences(text: str, n: int) -> str:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text.strip())
    return " ".join(parts[:n])


def tehran() -> list[tuple[str, list[str]]]:
    """(title from the file name, first paragraphs cut to three sentences) per article."""
    out = []
    for f in sorted((SHARED / "dumps" / "tehrantimes" / "files").iterdir()):
        title = f.stem.split("_", 3)[3].replace("-", " ")
        paras = [
            line.strip()
            for line in f.read_text(encoding="utf-8").split("\n")
            if line.strip() and "Creative Commons" not in line
        ]
        cut = list(dict.fromkeys(_sentences(p, 3) for p in paras))  # a paragraph printed twice once
        out.append((title, cut[:3]))
    return out


def newsfane(starts: list[int]) -> list[tuple[str, list[str]]]:
    """Arabic articles: three paragraphs of two consecutive sentences from each start; the
    title is the first eight words of the first sentence after its dateline."""
    rows = [
        json.loads(line)["text"]
        for line in (SHARED / "eval" / "gold" / "ar_newsfane_dev.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    out = []
    for s in starts:
        paras = [" ".join(rows[s + 2 * k : s + 2 * k + 2]) for k in range(3)]
        first = re.sub(r"^\S+(?: \S+)? \([^)]*\)\s*-?\s*", "", rows[s])
        words = re.sub(r"[^\w\s]", " ", first).split()[:8]
        out.append((" ".join(words), paras))
    return out


def fignews(lang: str, n: int) -> list[str]:
    with (SHARED / "eval" / "fignews" / "FIGNEWS-2024-TEXT-IAA.tsv").open(encoding="utf-8") as fh:
        rows = [
            r
            for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            if r["Source Language"] == lang and len(r["Text"]) > 60 and "\n" not in r["Text"]
        ]
    step = len(rows) // n
    return [re.sub(r"\s+", " ", rows[i * step]["Text"]).strip() for i in range(n)]


EN = tehran()
AR = newsfane([0, 1427, 1539, 1723, 2577, 3300])
EN_DATES = [
    "2021-10-06T08:15:00Z",
    "2021-10-07T11:40:00Z",
    "2021-10-09T06:05:00+03:30",
    "2021-10-11T19:20:00Z",
    "2021-10-12T07:00:00Z",
]
AR_DATES = ["٦ تشرين الأول ٢٠٢١", "٧ تشرين الأول ٢٠٢١", "٩ تشرين الأول ٢٠٢١", "١١ تشرين الأول ٢٠٢١"]
NAMES = ["Jane Doe", "Samir Haddad", "Laura Chen", "Omid Karimi", "Peter Novak"]


def nav(page: Page) -> None:
    for item in ["Home", "World", "Middle East", "Business", "Sport", "Opinion"]:
        page.drop(item)
    page.drop(
        "We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies."
    )
    page.drop("Accept")
    page.blank()


def build() -> None:
    p = Page(
        "ho_iso_dates_en",
        "Navigation menu (one item a line) and a cookie banner at the top; each article: title, ISO 8601 timestamp line, blank line, paragraphs. Tehran Times text (CC BY 4.0).",
    )
    nav(p)
    for (title, paras), d in zip(EN[0:5], EN_DATES, strict=False):
        p.article("en", title, d, paras)
    p.write()

    p = Page(
        "ho_date_above_en",
        "The date line stands ABOVE each title ('Wednesday 6 October 2021'); title; paragraphs without blank lines. Tehran Times text.",
    )
    days = [
        "Wednesday 6 October 2021",
        "Thursday 7 October 2021",
        "Saturday 9 October 2021",
        "Monday 11 October 2021",
    ]
    for (title, paras), d in zip(EN[5:9], days, strict=False):
        p.start("en")
        p.date(d)
        p.title_line(title, title)
        p.art["first_line"] = p.art["date_line"]  # type: ignore[index]
        p.bodies(paras)
        p.blank()
    # an untitled-first-line article is not allowed by the format: title line must be first.
    p.write()

    p = Page(
        "ho_byline_pipe_en",
        "Title, then byline and date on one line ('By Jane Doe | Oct 6, 2021'), paragraphs. Tehran Times text; the names are invented.",
    )
    days = ["Oct 6, 2021", "Oct 7, 2021", "Oct 9, 2021", "Oct 11, 2021"]
    for (title, paras), d, name in zip(EN[0:4], days, NAMES, strict=False):
        p.start("en", title)
        p.date(f"By {name} | {d}", d, name)
        p.bodies(paras)
        p.blank()
    p.write()

    p = Page(
        "ho_bilingual_ar_en",
        "A bilingual page alternating Arabic (NewsFANE, CC BY-SA 3.0; title = first words of the first sentence) and English (Tehran Times) articles; Arabic dates in Arabic-Indic digits with Levantine months, English dates as 06.10.2021.",
    )
    for k in range(4):
        t, paras = AR[k]
        p.article("ar", t, AR_DATES[k], paras)
        t, paras = EN[4 + k]
        p.article("en", t, f"{6 + k:02d}.10.2021", paras)
    p.write()

    p = Page(
        "ho_share_blocks_en",
        "No dates or bylines: title, paragraphs, then a 'Share this article' widget block (Facebook / Twitter / Email lines) between articles. Tehran Times text.",
    )
    for title, paras in EN[7:12]:
        p.start("en", title)
        p.blank()
        p.bodies(paras, spaced=True)
        p.drop("Share this article")
        for w in ["Facebook", "Twitter", "Email"]:
            p.drop(w)
        p.blank()
    p.write()

    p = Page(
        "ho_read_also_ar",
        "Arabic, no dates: title, blank line, paragraphs; after each article an 'اقرأ أيضا' block listing two headlines of other articles (related links). NewsFANE text.",
    )
    for k, (title, paras) in enumerate(AR[:5]):
        p.start("ar", title)
        p.blank()
        p.bodies(paras, spaced=True)
        if k < 4:
            p.drop("اقرأ أيضا", "boilerplate")
            for j in (k + 1, k + 2):
                p.drop(AR[j % len(AR) if j < len(AR) else 5][0] + " (فيديو)", "related-link")
            p.blank()
    p.write()

    p = Page(
        "ho_tags_en",
        "Each article: title, date 'Oct 6, 2021', paragraphs, and a closing 'Tags: a, b, c' line (different tags each time; set aside as boilerplate). Tehran Times text.",
    )
    tags = ["Iran, Iraq, energy", "Syria, Turkey, tourism", "Iraq, pilgrims", "Iran, Syria, MOU, tourism"]
    for (title, paras), d, tg in zip(
        [EN[i] for i in (3, 6, 10, 11)],
        ["Oct 6, 2021", "Oct 8, 2021", "Oct 10, 2021", "Oct 12, 2021"],
        tags,
        strict=True,
    ):
        p.start("en", title)
        p.date(d)
        p.bodies(paras)
        p.drop(f"Tags: {tg}")
        p.blank()
    p.write()

    p = Page(
        "ho_hardwrap_en",
        "Plain-text mail/newsletter style: title, date '6 October 2021', blank line, paragraphs hard-wrapped at 72 columns with blank lines between paragraphs. Labels list every wrapped line as a body line (the label format has one paragraph per line). Tehran Times text.",
    )
    for (title, paras), d in zip(
        EN[0:4], ["6 October 2021", "7 October 2021", "9 October 2021", "11 October 2021"], strict=True
    ):
        p.start("en", title)
        p.date(d)
        p.blank()
        for para in paras:
            for line in textwrap.wrap(para, 72):
                p.body(line)
            p.blank()
    p.write()

    p = Page(
        "ho_numbered_en",
        "Title, date '06/10/2021', a lead paragraph, then the article's later sentences as numbered list items '1. ...'. Tehran Times text.",
    )
    for (title, paras), d in zip(
        [EN[i] for i in (1, 2, 7)], ["06/10/2021", "08/10/2021", "10/10/2021"], strict=False
    ):
        p.start("en", title)
        p.date(d)
        p.blank()
        p.body(paras[0])
        p.blank()
        rest = re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(paras[1:]))[:4]
        for i, s in enumerate(rest, 1):
            p.body(f"{i}. {s}")
        p.blank()
    p.write()

    p = Page(
        "ho_subheads_en",
        "A long article with subheadings ('Background', 'Economic ties', 'What comes next'; ours) between paragraph groups, and two shorter ones; title, date 'October 6, 2021', blank lines between paragraphs. The subheadings are body lines. Tehran Times text.",
    )
    full = [
        line.strip()
        for line in sorted((SHARED / "dumps" / "tehrantimes" / "files").iterdir())[7]
        .read_text(encoding="utf-8")
        .split("\n")
        if line.strip() and "Creative Commons" not in line
    ]
    heads = ["Background", "Economic ties", "What comes next"]
    p.start("en", EN[7][0])
    p.date("October 6, 2021")
    p.blank()
    for i, para in enumerate(full[:9]):
        if i in (2, 5, 8):
            p.body(heads[i // 3])
            p.blank()
        p.body(_sentences(para, 3))
        p.blank()
    for (title, paras), d in zip([EN[0], EN[4]], ["October 7, 2021", "October 8, 2021"], strict=False):
        p.article("en", title, d, paras)
    p.write()

    p = Page(
        "ho_feed_posts",
        "A social feed page: untitled posts (FIGNEWS, MIT), English and Arabic, each a date line then the post text, with a 'Like · Reply · Share' line after each post.",
    )
    posts = [("en", t) for t in fignews("English", 4)] + [("ar", t) for t in fignews("Arabic", 4)]
    posts = [posts[i] for i in (0, 4, 1, 5, 2, 6, 3, 7)]
    for k, (lang, text) in enumerate(posts):
        p.start(lang)
        p.date(f"2023-10-{10 + k:02d} 14:0{k}")
        p.body(text)
        p.drop("Like · Reply · Share")
        p.blank()
    p.write()

    p = Page(
        "ho_rss_en",
        "An RSS-like text dump: 'Title:' and 'Published:' labelled lines, a 'Link:' line (set aside as boilerplate), then the paragraphs. Tehran Times text.",
    )
    stamps = [
        "Wed, 06 Oct 2021 08:15:00 GMT",
        "Thu, 07 Oct 2021 11:40:00 GMT",
        "Sat, 09 Oct 2021 06:05:00 GMT",
    ]
    for k, ((title, paras), d) in enumerate(zip([EN[i] for i in (2, 5, 9)], stamps, strict=True)):
        p.start("en")
        p.title_line(f"Title: {title}", title)
        p.date(f"Published: {d}")  # date_text is the whole line, as for "Updated: ..." lines
        p.drop(f"Link: https://www.tehrantimes.com/news/{100000 + k}")
        p.bodies(paras)
        p.blank()
    p.write()

    p = Page(
        "ho_ar_bylines_tags",
        "Arabic articles: title, 'بقلم: NAME' byline (names invented), a date with a weekday ('الأربعاء 6 أكتوبر 2021'), paragraphs, a 'الوسوم: …' tags line (boilerplate) and a share line. NewsFANE text.",
    )
    ar_names = ["محمد علي", "سارة خليل", "أحمد يوسف", "ليلى حسن"]
    ar_days = [
        "الأربعاء 6 أكتوبر 2021",
        "الخميس 7 أكتوبر 2021",
        "السبت 9 أكتوبر 2021",
        "الاثنين 11 أكتوبر 2021",
    ]
    ar_tags = ["ألمانيا، سيارات", "لبنان، الحريري", "الولايات المتحدة، كلينتون", "العراق"]
    for (title, paras), name, d, tg in zip(
        [AR[i] for i in (0, 1, 2, 5)], ar_names, ar_days, ar_tags, strict=True
    ):
        p.start("ar", title)
        n = p._add(f"بقلم: {name}")
        p.art.update(author=name, author_line=n)  # type: ignore[union-attr]
        p._mark(n)
        p.date(d)
        p.blank()
        p.bodies(paras, spaced=True)
        p.drop(f"الوسوم: {tg}")
        p.drop("شارك هذا المقال")
        p.blank()
    p.write()


if __name__ == "__main__":
    build()
