"""Issue 18: the report's pairs from an article of very many entities are bounded, and the page
says so (the timings are benchmarks/bench_scaling.py's, not a test's)."""

from __future__ import annotations

import re

from mediamon.analytics import cooccurrence
from mediamon.model import Article, Mention
from mediamon.report import render_report


def mention(body: str, start: int, end: int, ident: str) -> Mention:
    text = body[start:end]
    return Mention("body", start, end, text, ident, "PER", text, "en", text, "exact")


def test_pairs_of_a_crowded_article_are_its_most_mentioned() -> None:
    body = " ".join(f"N{i}" for i in range(30))
    spans = [(m.start(), m.end()) for m in re.finditer(r"N\d+", body)]
    # per:0 and per:1 are named three times, the rest once.
    mentions = [mention(body, s, e, f"per:{i}") for i, (s, e) in enumerate(spans)]
    mentions += [mention(body, *spans[0], "per:0"), mention(body, *spans[1], "per:1")] * 2
    article = Article(id="a", title="T", body=body, lang="en", mentions=tuple(mentions))
    assert len(cooccurrence([article])) == 30 * 29 // 2
    capped = cooccurrence([article], per_article=2)
    assert [(p.first, p.second) for p in capped] == [("per:0", "per:1")]
    assert len(cooccurrence([article], per_article=30)) == 30 * 29 // 2


def test_the_report_says_when_an_article_pairs_only_its_most_mentioned() -> None:
    body = " ".join(f"N{i}" for i in range(150))
    spans = [(m.start(), m.end()) for m in re.finditer(r"N\d+", body)]
    crowded = Article(
        id="a",
        title="T",
        body=body,
        lang="en",
        mentions=tuple(mention(body, s, e, f"per:{i}") for i, (s, e) in enumerate(spans)),
    )
    page = render_report([crowded])
    assert "1 article naming over 100 entities pairs only its 100 most-mentioned." in page
    small = Article(id="b", title="T", body="N1 N2", lang="en", mentions=crowded.mentions[1:3])
    assert "naming over 100 entities" not in render_report([small])
