"""Web input quality: ``mediamon.read`` on the labelled web fixtures, scored field by field.

The fixtures are the pages, feeds and crawls of ``tests/data/web/`` and their labels are the
rows of ``tests/data/web/cases.json`` (what a user expects: per article its title, date,
author, outlet, url, language, paragraph count, the words its body starts and ends with,
text that must stay out of it and ``meta`` keys; per file the set-aside reasons and texts
expected, so that boilerplate is set aside and not lost, and the problems expected).

Each labelled value is one check, scored right or wrong; an article the reader did not
produce fails all its checks, and a wrong article count is one failed check. Printed as
Markdown tables (``docs/evaluation.md`` quotes them): per fixture, and per field for the
development fixtures and for the held-out ones (``held_out`` in cases.json, files named
``*_held_out*``: measured when written and once at the end, never used to write rules).

Only the public API is used, so the script also measures an older checkout:
``PYTHONPATH=OLD/src python benchmarks/eval_web.py``.

    python benchmarks/eval_web.py
    python benchmarks/eval_web.py --failures        # each failed check, for the development fixtures
    python benchmarks/eval_web.py --json out.json
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

import mediamon

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "tests" / "data" / "web"
ARTICLE_FIELDS = ("title", "date", "date_text", "author", "source", "url", "lang")


def _value(article: mediamon.Article, field: str) -> Any:
    if field == "date":
        return article.date.isoformat() if article.date else None
    return getattr(article, field)


def _article_checks(article: mediamon.Article | None, want: dict[str, Any]) -> list[tuple[str, bool, str]]:
    """(field, right, what was read) for each labelled value of one article."""
    checks: list[tuple[str, bool, str]] = []
    for field in ARTICLE_FIELDS:
        if field in want:
            got = _value(article, field) if article else "<no article>"
            checks.append((field, got == want[field], repr(got)))
    body = article.body if article else ""
    if "paragraphs" in want:
        got_n = len(body.split("\n\n")) if body else 0
        checks.append(("paragraphs", got_n == want["paragraphs"], str(got_n)))
    if "body_starts" in want:
        checks.append(("body_start", bool(article) and body.startswith(want["body_starts"]), repr(body[:60])))
    if "body_ends" in want:
        checks.append(("body_end", bool(article) and body.endswith(want["body_ends"]), repr(body[-60:])))
    for text in want.get("body_lacks", ()):
        checks.append(("body_lacks", bool(article) and text not in body, f"{text!r} in body"))
    for key, value in want.get("meta", {}).items():
        got_meta = article.meta.get(key) if article else None
        checks.append((f"meta.{key}", got_meta == value, repr(got_meta)))
    return checks


def score_case(case: dict[str, Any]) -> list[tuple[str, bool, str]]:
    """Every check of one labelled file: (field, right, detail)."""
    corpus = mediamon.read(WEB / case["file"])
    articles = list(corpus)
    checks: list[tuple[str, bool, str]] = [
        ("articles", len(articles) == len(case["articles"]), f"{len(articles)} read")
    ]
    for index, want in enumerate(case["articles"]):
        got = articles[index] if index < len(articles) else None
        checks.extend((f, ok, f"article {index + 1}: {d}") for f, ok, d in _article_checks(got, want))
    reasons = {d.reason for d in corpus.dropped}
    for reason in case["dropped"]:
        checks.append(("set_aside_reason", reason in reasons, reason))
    texts = {d.text for d in corpus.dropped}
    for text in case["dropped_texts"]:
        checks.append(("set_aside_text", text in texts, text))
    got_problems = [p.reason for p in corpus.problems]
    checks.append(("problems", len(got_problems) == len(case["problems"]), "; ".join(got_problems) or "none"))
    for want_problem in case["problems"]:
        checks.append(("problems", any(want_problem in p for p in got_problems), want_problem))
    return checks


def _group(case: dict[str, Any]) -> str:
    if case.get("held_out"):
        return "held out"
    return f"development ({case['round']})" if case.get("round") else "development (earlier)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list each failed check (not held out)")
    parser.add_argument("--json", type=Path, help="write the scores as JSON")
    args = parser.parse_args()
    data = json.loads((WEB / "cases.json").read_text(encoding="utf-8"))
    per_file: dict[str, tuple[int, int]] = {}
    by_field: dict[str, Counter[str]] = {}
    failures: list[str] = []
    print("| fixture | group | checks right |\n|---|---|---|")
    for case in data["cases"]:
        checks = score_case(case)
        group = _group(case)
        right = sum(ok for _, ok, _ in checks)
        per_file[case["file"]] = (right, len(checks))
        print(f"| {case['file']} | {group} | {right}/{len(checks)} |")
        for field, ok, detail in checks:
            counts = by_field.setdefault(group, Counter())
            counts[f"{field} total"] += 1
            counts[field] += ok
            if not ok and group != "held out":
                failures.append(f"{case['file']}: {field}: {detail}")
    for group, counts in by_field.items():
        fields = sorted({k.removesuffix(" total") for k in counts if k.endswith(" total")})
        right = sum(counts[f] for f in fields)
        total = sum(counts[f"{f} total"] for f in fields)
        print(f"\n**{group}** fixtures: {right}/{total} checks right ({100 * right / total:.1f} %)\n")
        print("| field | right |\n|---|---|")
        for field in fields:
            print(f"| {field} | {counts[field]}/{counts[f'{field} total']} |")
    if args.failures:
        print("\nFailed checks:")
        for line in failures:
            print(f"- {line}")
    if args.json:
        scores = {"files": per_file, "fields": {g: dict(c) for g, c in by_field.items()}}
        args.json.write_text(json.dumps(scores, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
