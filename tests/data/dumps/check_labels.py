"""Check the hand-labelled dump fixtures in this folder.

Run:  /work/venv/bin/python tests/data/dumps/check_labels.py  [NAME.expected.json ...]

For every ``*.expected.json`` here (or the ones named) it checks, against the
``.txt`` dump it labels:

* the file is plain UTF-8 (no BOM, no CR) and the JSON has exactly the agreed keys;
* every non-blank line is listed exactly once: as an article's title/date/author/
  source line, body line or meta line, or as a ``dropped`` key; blank lines are
  never listed;
* ``title``/``date_text``/``author``/``source`` equal the stripped text of their
  line, or the documented part of it ("By X", "Source: X", "Posted on D by X", ...);
* ``date`` is what ``date_text`` means (day first for numeric dates);
* every ``meta`` value comes from the article's meta lines (or its date/source line
  for the two documented combined forms, or its author line when that is a wire
  sign-off) and every meta line yields a value;
* ``first_line`` is the title line or a date line right above it (an untitled
  article -- title "" and title_line null -- starts at its first labelled line), ``last_line`` the largest
  labelled line, and the articles are in order without overlapping;
* a line is listed once, except a "Posted on D by X" (or "By X | D") line that is both
  date and author line, a first body line opening with a dateline "PLACE (OUTLET) -" that is also
  the source line, and a monitoring digest's item head "OUTLET (PLACE), DATE:" that is both the
  date line and the source line;
* dropped reasons are from the fixed vocabulary, and ``repeated-title``,
  ``repeated-paragraph`` and ``extra-date`` lines really are what they say.

Line numbers are 1-based, like ``awk '{print NR}'`` (a last line without a final
newline still counts). "Blank" means ``line.strip() == ""`` (Python's strip, which
also removes no-break spaces).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

TOP_KEYS = ["file", "notes", "articles", "dropped"]
ARTICLE_KEYS = [
    "first_line",
    "last_line",
    "title",
    "title_line",
    "date",
    "date_text",
    "date_line",
    "author",
    "author_line",
    "source",
    "source_line",
    "lang",
    "body_lines",
    "meta",
    "meta_lines",
]
REASONS = {
    "boilerplate",
    "related-link",
    "caption",
    "repeated-title",
    "repeated-paragraph",
    "extra-date",
    "comment",
}
LANGS = {"en", "ar"}
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"

# ---------------------------------------------------------------- dates

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)

EN_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
# French and Spanish month names, as bilingual Maghreb, Lebanese and Gulf sites print date lines
# ('Publié le 4 décembre 2026 à 10h32', 'Actualizado el 4 de diciembre de 2026').
FR_ES_MONTHS = {
    **dict.fromkeys(["janvier", "janv", "enero", "ene"], 1),
    **dict.fromkeys(["février", "fevrier", "févr", "fev", "febrero", "feb"], 2),
    **dict.fromkeys(["mars", "marzo"], 3),
    **dict.fromkeys(["avril", "avr", "abril", "abr"], 4),
    **dict.fromkeys(["mai", "mayo"], 5),
    **dict.fromkeys(["juin", "junio"], 6),
    **dict.fromkeys(["juillet", "juil", "julio"], 7),
    **dict.fromkeys(["août", "aout", "agosto", "ago"], 8),
    **dict.fromkeys(["septembre", "sept", "septiembre", "setiembre"], 9),
    **dict.fromkeys(["octobre", "octubre"], 10),
    **dict.fromkeys(["novembre", "noviembre"], 11),
    **dict.fromkeys(["décembre", "decembre", "déc", "diciembre", "dic"], 12),
}
AR_MONTHS = {
    # Levantine / Iraqi (Syriac) names
    "كانون الثاني": 1,
    "شباط": 2,
    "آذار": 3,
    "اذار": 3,
    "نيسان": 4,
    "أيار": 5,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "آب": 8,
    "أيلول": 9,
    "ايلول": 9,
    "تشرين الأول": 10,
    "تشرين الاول": 10,
    "تشرين الثاني": 11,
    "كانون الأول": 12,
    "كانون الاول": 12,
    # Egyptian / Gulf (transliterated) names
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "أبريل": 4,
    "ابريل": 4,
    "إبريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "أغسطس": 8,
    "اغسطس": 8,
    "سبتمبر": 9,
    "أكتوبر": 10,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
}

HIJRI = ["محرم", "صفر", "ربيع الأول", "ربيع الثاني", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة"]
HIJRI += ["رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]
HIJRI_DATE = r"\d{1,2}\s+(?:" + "|".join(HIJRI) + r")\s+\d{3,4}\s*هـ"


def _year(token: str) -> int:
    year = int(token)
    return year + 2000 if len(token) == 2 else year


# A date given only relative to the crawl ("2 hours ago", "منذ 3 ساعات", "أمس"): the article's
# date_text is the line (its date line) and its date is None -- it cannot be resolved here.
RELATIVE_DATE = re.compile(
    r"^(?:(?:last\s+)?(?:updated|published|posted)(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|yesterday|today)$"
    r"|^\d+\s*(?:[smhdw]|min|hr\.?|yr\.?)\s+ago$"  # compact: '5h ago', '3d ago', '5 hr. ago'
    r"|^(?:(?:آخر\s+)?تحديث|نشر(?:\s+في)?)?\s*:?\s*"
    r"(?:منذ\s+(?:[\d٠-٩]+\s+)?(?:دقيقة|دقائق|دقيقتين|ساعة|ساعات|ساعتين|يوم|أيام|يومين|أسبوع|أسابيع)|أمس|الأمس|اليوم)$",
    re.I,
)


# A view count opening a date line ('1.2M views · 3 days ago', '38 ألف مشاهدة · منذ 3 أيام'): not
# part of the date.
VIEWS = re.compile(r"^[\d٠-٩][\d٠-٩.,٬]*\s*(?:[KkMm]|ألف|مليون)?\s*(?:views?|مشاهدة|مشاهدات)\s*[·•|]?\s*")


def relative_date(text: str) -> bool:
    """Whether a date line gives its date only relative to the crawl time."""
    return bool(RELATIVE_DATE.match(VIEWS.sub("", text.strip())))


def parse_date(text: str) -> dt.date | None:
    """The date a date line means, or None. Numeric dates are day first."""
    s = VIEWS.sub("", text.strip().translate(_DIGITS))
    s = re.sub(HIJRI_DATE, " ", s)  # a Hijri date printed beside the Gregorian one
    if m := re.search(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b", s):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.search(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b", s):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.search(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b", s):
        return dt.date(_year(m[3]), int(m[2]), int(m[1]))
    if m := re.search(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b", s):  # "04-12-2026, 10:15 AM" (forums)
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    s = re.sub(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?", " ", s)  # drop times
    s = re.sub(r"\b\d{1,2}\s?h\s?\d{2}\b", " ", s)  # French times: '10h32'

    s = re.sub(r"\b\d{1,2}\.\d{2}\s+(?:GMT|UTC|BST|CET|EET)\b", " ", s)  # "10.05 GMT"
    month = None
    for name in sorted(AR_MONTHS, key=len, reverse=True):
        m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", s)
        if m:
            month, s = AR_MONTHS[name], s[: m.start()] + " " + s[m.end() :]
            break
    if month is None:
        for m in re.finditer(r"[^\W\d_]+", s):
            word = m[0].lower()
            if word in EN_MONTHS or word in FR_ES_MONTHS:
                month = EN_MONTHS.get(word) or FR_ES_MONTHS[word]
                s = s[: m.start()] + " " + s[m.end() :]
                break
    if month is None:
        return None
    numbers = re.findall(r"\d+", s)
    years = [n for n in numbers if len(n) == 4]
    if len(years) == 1:
        days = [n for n in numbers if n != years[0] and len(n) <= 2]
        year = _year(years[0])
    elif not years and len(numbers) == 2:  # "22 Jul 21": day first, two-digit year last
        days, year = [numbers[0]], _year(numbers[1])
    else:
        return None
    if len(days) != 1:
        return None
    return dt.date(year, month, int(days[0]))


# ---------------------------------------------------------------- extraction


# A monitoring digest's item head: "1. Al-Quds al-Arabi (London), 4 December 2026:",
# "1- صحيفة الأهرام (القاهرة) - 4 ديسمبر 2026:" -- the outlet (source) and the date (date_text),
# the item's date line and source line at once.
DIGEST_HEAD = re.compile(
    r"^(?:[\d٠-٩]{1,2}\s*[.)\-]\s*)?(?P<source>[^()\d:]+?)\s*\([^()]+\)\s*[,،]?\s*"
    rf"(?:[{DASHES}]\s*)?(?P<date>[^()]*[\d٠-٩][^()]*?)\s*:$"
)


def candidates(field: str, text: str) -> set[str]:
    """Values a labelled field may take when it comes from a line with this text.

    The whole stripped line, unless the line has one of the documented labelled
    forms, in which case only the documented part is allowed ("By X" -> "X").
    """
    s = text.strip()
    patterns = {
        "author": [
            r"^By\s+(.+?)\s+[|\u00b7\u2022]\s+.+$",
            r"^By\s+(.+)$",
            r"^بقلم\s*[:：]?\s*(.+)$",
            r"^(?:كتب|كتبت)\s*[:：]\s*(.+)$",
            r"^\(?Reporting by\s+([^;()]+?)(?:\s*;[^()]*)?\.?\)?$",  # a wire sign-off
            r"^Reporting by\s+(.+?)\.?$",
            r"^Posted on\s+.+?\s+by\s+(.+)$",
            r"^Posted by\s+(.+?)\s+(?:on|at)\b.*$",
        ],
        "source": [
            r"^[^()]+?\s*\(([^()]+)\)\s*(?:[-\u2013\u2014]+|:)",  # "BEIRUT (Reuters) -" opening a body line
            r"^Source\s*:\s*(.+)$",
            r"^المصدر\s*:\s*(.+)$",
            rf"^.+?\s+[{DASHES}]\s+(.+)$",
        ],  # dateline "بيروت – المنار" -> "المنار"
        "title": [r"^Title\s*:\s*(.+)$"],
        "date_text": [
            r"^Posted on\s+(.+?)\s+by\s+.+$",
            r"^Posted by\s+\S+\s+(\S.*\bago)$",  # a discussion's 'Posted by u/x 5h ago'
            r"^\d[\d.,]*[km]?\s+points?\s+by\s+\S+\s+(\S.*?\bago)\b.*$",  # 'N points by x 6 hours ago | ...'
            r"^By\s+.+?\s+[|\u00b7\u2022]\s+(.+)$",
        ],
    }.get(field, [])
    if field in ("source", "date_text") and (m := DIGEST_HEAD.match(s)):
        return {m["source" if field == "source" else "date"].strip()}
    for pat in patterns:
        if m := re.match(pat, s, re.I):
            return {m[1].strip()}
    return {s}


def meta_from(text: str) -> dict[str, str]:
    """Meta values a line can give (key -> value)."""
    s = text.strip()
    found = {}
    if m := re.match(r"^Posted by\s+(.+?)\s+(?:on|at)\b.*$", s, re.I):
        found["posted_by"] = m[1].strip()
    if m := re.match(r"^Posted on\s+.+?\s+by\s+(.+)$", s, re.I):
        found["posted_by"] = m[1].strip()
    if m := re.match(r"^Reporting by\s+(.+?)\.?$", s, re.I):
        found["reporting"] = m[1].strip()
    if m := re.match(r"^\(Reporting by\s+(.+?)\s*;\s*Editing by\s+(.+?)\.?\)$", s, re.I):
        found["reporting"], found["editing"] = m[1].strip(), m[2].strip()  # in brackets
    if m := re.match(r"^Reporting by\s+(.+?)\s*;\s*Editing by\s+(.+?)\.?$", s, re.I):
        found["reporting"], found["editing"] = m[1].strip(), m[2].strip()  # wire sign-off
    if m := re.match(rf"^(.+?)\s+[{DASHES}]\s+(.+)$", s):
        found["dateline"] = m[1].strip()
    if m := re.match(r"^([^()]+?)\s*\(([^()]+)\)\s*(?:[-\u2013\u2014]+|:)", s):
        found["dateline"] = m[1].strip().rstrip(DASHES).strip()  # "PLACE - (AFP) -": the place
    if len(s.split()) <= 3 and not re.search(r"[\d:.]", s):
        found["section"] = s  # a category line between title and body
    return found


def norm_title(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    s = re.sub(f"[{DASHES}]", "-", s)
    s = re.sub(r"\s*-\s*", " - ", s)
    return re.sub(r"\s+", " ", s).strip().casefold()


# ---------------------------------------------------------------- checking


class Checker:
    def __init__(self, json_path: Path):
        self.json_path = json_path
        self.errors: list[str] = []

    def err(self, msg: str) -> None:
        self.errors.append(f"{self.json_path.name}: {msg}")

    def run(self) -> tuple[int, Counter]:
        data = json.loads(self.json_path.read_text(encoding="utf-8"))
        if list(data) != TOP_KEYS:
            self.err(f"top-level keys {list(data)} != {TOP_KEYS}")
        expected_name = self.json_path.name.removesuffix(".expected.json") + ".txt"
        if data.get("file") != expected_name:
            self.err(f"file is {data.get('file')!r}, expected {expected_name!r}")
        if not isinstance(data.get("notes"), str):
            self.err("notes must be a string")
        raw = (self.json_path.parent / expected_name).read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            self.err("dump starts with a BOM")
        if b"\r" in raw:
            self.err("dump contains CR characters")
        text = raw.decode("utf-8")  # strict: raises on bad bytes
        lines = text.split("\n")
        if text.endswith("\n"):
            lines.pop()
        self.lines = lines
        nonblank = {i for i, line in enumerate(lines, 1) if line.strip()}

        seen: Counter = Counter()

        articles = data.get("articles", [])
        prev_last = 0
        for k, art in enumerate(articles):
            used = self.check_article(k, art)
            for n in used:
                seen[n] += 1
            if art.get("first_line", 0) <= prev_last:
                self.err(f"article {k} starts at {art.get('first_line')} before previous ends ({prev_last})")
            prev_last = art.get("last_line", prev_last)

        starts = [a["first_line"] for a in articles]

        def article_at(n: int) -> int | None:
            idx = None
            for k, start in enumerate(starts):
                if start <= n:
                    idx = k
            return idx

        dropped = data.get("dropped", {})
        reasons: Counter = Counter()
        keys = list(dropped)
        if keys != sorted(keys, key=int):
            self.err("dropped keys are not in line order")
        for key, reason in dropped.items():
            if not re.fullmatch(r"[1-9]\d*", key):
                self.err(f"dropped key {key!r} is not a line number")
                continue
            n = int(key)
            seen[n] += 1
            reasons[reason] += 1
            if reason not in REASONS:
                self.err(f"line {n}: unknown reason {reason!r}")
            if not 1 <= n <= len(lines):
                continue
            here = lines[n - 1].strip()
            k = article_at(n)
            art = articles[k] if k is not None else None
            inside = art is not None and n <= art["last_line"]
            if reason == "repeated-title":
                if art is None or norm_title(here) != norm_title(art["title"]):
                    self.err(f"line {n}: repeated-title does not match its article's title")
                elif n > art["last_line"]:
                    self.err(f"line {n}: repeated-title after its article's last line")
            elif reason == "repeated-paragraph":
                earlier = [m for m in (art["body_lines"] + art["meta_lines"] if art else []) if m < n]
                if not any(lines[m - 1].strip() == here for m in earlier):
                    self.err(f"line {n}: repeated-paragraph has no earlier identical line in its article")
            elif reason == "extra-date":
                if parse_date(here) is None:
                    self.err(f"line {n}: extra-date line does not parse as a date")
                if not inside or art["date_line"] is None:
                    self.err(f"line {n}: extra-date is not inside an article that has a date")

        for n, count in sorted(seen.items()):
            if count > 1:
                self.err(f"line {n} is listed {count} times")
            if n not in nonblank:
                self.err(f"line {n} is blank or out of range but is listed")
        missing = sorted(nonblank - set(seen))
        if missing:
            self.err(f"non-blank lines not accounted for: {missing}")
        return len(articles), reasons

    def text(self, n) -> str | None:
        if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= len(self.lines):
            return None
        return self.lines[n - 1]

    def check_article(self, k: int, art: dict) -> list[int]:
        where = f"article {k} (line {art.get('title_line')})"
        if list(art) != ARTICLE_KEYS:
            self.err(f"{where}: keys {list(art)} != {ARTICLE_KEYS}")
            return []
        used: list[int] = []

        untitled = art["title_line"] is None
        if untitled:
            if art["title"] != "":
                self.err(f"{where}: a title without a title_line")
        else:
            t = self.text(art["title_line"])
            if t is None:
                self.err(f"{where}: bad title_line")
            elif art["title"] not in candidates("title", t) or not art["title"]:
                self.err(f"{where}: title {art['title']!r} != line text {t.strip()!r}")
            used.append(art["title_line"])
            date_above = art["date_line"] is not None and art["date_line"] == art["title_line"] - 1
            if art["first_line"] != art["title_line"] and not (
                date_above and art["first_line"] == art["date_line"]
            ):
                self.err(f"{where}: first_line != title_line (nor the date line right above it)")

        for field, line_key in (
            ("date_text", "date_line"),
            ("author", "author_line"),
            ("source", "source_line"),
        ):
            value, n = art[field], art[line_key]
            if (value is None) != (n is None):
                self.err(f"{where}: {field} and {line_key} must both be null or both set")
                continue
            if n is None:
                continue
            t = self.text(n)
            if t is None:
                self.err(f"{where}: bad {line_key} {n}")
                continue
            if value not in candidates(field, t):
                self.err(f"{where}: {field} {value!r} is not (a documented part of) line {n} {t.strip()!r}")
            used.append(n)

        if art["date_text"] is None:
            if art["date"] is not None:
                self.err(f"{where}: date without date_text")
        else:
            parsed = parse_date(art["date_text"])
            if parsed is None and art["date"] is None and relative_date(art["date_text"]):
                pass  # a relative date: the line is the date line, the date unknown
            elif parsed is None or art["date"] != parsed.isoformat():
                self.err(
                    f"{where}: date {art['date']!r} but date_text {art['date_text']!r} parses as {parsed}"
                )

        body = art["body_lines"]
        if not body:
            self.err(f"{where}: no body lines")
        if body != sorted(set(body)):
            self.err(f"{where}: body_lines not strictly increasing")
        for n in body:
            if self.text(n) is None:
                self.err(f"{where}: bad body line {n}")
        used.extend(body)

        meta, meta_lines = art["meta"], art["meta_lines"]
        if not isinstance(meta, dict):
            self.err(f"{where}: meta is not an object")
            meta = {}
        if meta_lines != sorted(set(meta_lines)):
            self.err(f"{where}: meta_lines not strictly increasing")
        derived: dict[str, set[str]] = {}
        for n in meta_lines:
            t = self.text(n)
            got = meta_from(t) if t is not None else {}
            if not any(meta.get(key) == value for key, value in got.items()):
                self.err(f"{where}: meta line {n} {t!r} gives nothing found in meta")
            for key, value in got.items():
                derived.setdefault(key, set()).add(value)
        # combined lines, documented forms; an author line that is a wire sign-off
        # ('Reporting by X; Editing by Y': X the author, Y meta.editing)
        for n in (art["date_line"], art["source_line"], art["author_line"]):
            if n is not None and self.text(n) is not None:
                for key, value in meta_from(self.text(n)).items():
                    derived.setdefault(key, set()).add(value)
        for key, value in meta.items():
            if value not in derived.get(key, set()):
                self.err(f"{where}: meta {key}={value!r} does not come from its meta/date/source lines")
        used.extend(meta_lines)

        if art["lang"] not in LANGS:
            self.err(f"{where}: lang {art['lang']!r}")
        if used and art["last_line"] != max(used):
            self.err(f"{where}: last_line {art['last_line']} != max labelled line {max(used)}")
        if used and min(used) != art["first_line"]:
            self.err(f"{where}: a labelled line comes before the first line")
        shared = set()
        if art["date_line"] is not None and art["date_line"] == art["author_line"]:
            shared.add(art["date_line"])  # "Posted on D by X", "By X | D"
        if art["source_line"] is not None and body and art["source_line"] == body[0]:
            shared.add(art["source_line"])  # a dateline opening the first body line
        if art["date_line"] is not None and art["date_line"] == art["source_line"]:
            shared.add(art["date_line"])  # a digest item's head "OUTLET (PLACE), DATE:"
        if art["author_line"] is not None and art["author_line"] in meta_lines:
            shared.add(art["author_line"])  # "Posted by X at T": meta posted_by and the author
        for n in shared:
            used.remove(n)  # listed once in the accounting
        return used


def main(argv: list[str]) -> int:
    paths = [HERE / a for a in argv] if argv else sorted(HERE.glob("*.expected.json"))
    if not paths:
        print("no fixtures found")
        return 1
    failed = False
    for path in paths:
        checker = Checker(path)
        try:
            count, reasons = checker.run()
        except Exception as exc:  # malformed JSON, bad UTF-8, missing keys ...
            checker.err(f"crashed: {type(exc).__name__}: {exc}")
            count, reasons = 0, Counter()
        status = "FAIL" if checker.errors else "ok"
        print(f"{status:4} {path.name}: {count} articles, dropped {dict(sorted(reasons.items()))}")
        for e in checker.errors:
            print("     " + e)
        failed |= bool(checker.errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
