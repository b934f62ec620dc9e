"""``segment_lines(jobs=N)``: the lines classified and the languages detected in worker processes
give the same articles, set-aside lines and line roles as one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediamon.io.inputs import split_lines
from mediamon.text import segment
from mediamon.text.segment import LineRole, SegmentRules
from mediamon.text.settings import SegmentSettings

DUMPS = Path(__file__).resolve().parents[1] / "data" / "dumps"
SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "000_ee85a602ba24a7e5.txt"


def _dumps() -> str:
    """Every labelled dump and the sample, one after another: one large dump of many sites."""
    paths = [*sorted(DUMPS.rglob("*.txt")), SAMPLE]
    return "\n\n".join(path.read_text(encoding="utf-8") for path in paths)


def _segmented(text: str, jobs: int, **options: object) -> tuple[object, object, list[LineRole]]:
    roles: list[LineRole] = []
    articles, dropped = segment.segment_lines(
        split_lines(text), path="dump.txt", explain=roles, jobs=jobs, **options
    )
    return articles, dropped, roles


@pytest.mark.parametrize("day_first", [True, False])
def test_jobs_give_the_same_articles(monkeypatch: pytest.MonkeyPatch, day_first: bool) -> None:
    monkeypatch.setattr(segment, "PARALLEL_MIN_LINES", 1)
    monkeypatch.setattr(segment, "_CHUNK_LINES", 97)  # many chunks: their order matters
    monkeypatch.setattr(segment, "_CHUNK_ARTICLES", 5)
    text = _dumps()
    serial = _segmented(text, 1, day_first=day_first)
    assert serial[0], "the fixture dumps hold articles"
    assert _segmented(text, 2, day_first=day_first) == serial


def test_jobs_with_given_rules_and_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rules and settings of the caller's reach the workers (not the bundled defaults)."""
    monkeypatch.setattr(segment, "PARALLEL_MIN_LINES", 1)
    default = SegmentRules.default()
    rules = SegmentRules(
        related_headers=default.related_headers,
        boilerplate=default.boilerplate,
        boilerplate_patterns=default.boilerplate_patterns[:3],
        caption_patterns=default.caption_patterns,
        byline_patterns=default.byline_patterns,
        poster_patterns=default.poster_patterns,
        source_patterns=default.source_patterns,
        dateline_patterns=default.dateline_patterns,
        outlets=default.outlets,
    )
    settings = SegmentSettings(cue_max_chars=60, furniture_min_count=2)
    text = _dumps()
    options = {"rules": rules, "settings": settings}
    serial = _segmented(text, 1, **options)
    assert serial != _segmented(text, 1), "the rules and settings change the result"
    assert _segmented(text, 2, **options) == serial


def test_small_dump_stays_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("no worker processes for a small dump")

    monkeypatch.setattr(segment, "_pool", refuse)
    text = SAMPLE.read_text(encoding="utf-8")
    assert _segmented(text, 2) == _segmented(text, 1)
