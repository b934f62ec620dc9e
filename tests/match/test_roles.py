"""Roles of place mentions (match/roles.py): the rules as a table of cases, and the data files."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mediamon
from mediamon.match import roles
from mediamon.match.roles import ROLES, role_cues
from tests.conftest import DATA

GAZETTEER = DATA / "gazetteers" / "roles.jsonl"
CASES = json.loads((DATA / "role_cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def annotator() -> mediamon.Annotator:
    return mediamon.Annotator(GAZETTEER, default=False)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['rule']}:{c['text'][:24]}")
def test_role_rule(annotator: mediamon.Annotator, case: dict) -> None:
    found = annotator.annotate_text(case["text"])
    assert [[m.text, m.role] for m in found] == case["expect"], case["why"]


def test_cases_have_both_verdicts_in_both_languages() -> None:
    for script in ("ascii", "arabic"):
        cases = [c for c in CASES if c["text"].isascii() == (script == "ascii")]
        roles = {role for c in cases for _text, role in c["expect"]}
        assert roles == {None, *ROLES}, script


def test_role_keeps_the_entity_type(annotator: mediamon.Annotator) -> None:
    (m, _) = annotator.annotate_text("Brazil defeated Chile 2 – 0.")
    assert (m.entity_type, m.role) == ("LOC", "team")
    assert m.to_dict()["role"] == "team"
    assert mediamon.Mention.from_dict(m.to_dict()) == m


def test_annotate_sets_roles_in_articles(annotator: mediamon.Annotator) -> None:
    article = mediamon.Article(id="a", title="Ghana 2 – 1 Chile", body="Talks in Ghana.", lang="en")
    roles = [(m.field, m.text, m.role) for m in annotator.annotate(article).mentions]
    assert roles == [("title", "Ghana", "team"), ("title", "Chile", "team"), ("body", "Ghana", None)]


def test_languages_without_cues_set_no_role() -> None:
    assert not role_cues("fr")
    assert role_cues("en") and role_cues("ar")


@given(st.text(alphabet=" .!?\n\u061fab", max_size=60), st.lists(st.integers(0, 60), max_size=12))
def test_sentence_ends_memo_answers_as_a_fresh_search(text: str, positions: list[int]) -> None:
    """``_Ends`` remembers its last answer: any order of queries gets what a fresh search gets."""
    ends = roles._Ends(text)
    for pos in positions:
        fresh = roles._SENTENCE_END.search(text, pos)
        assert ends.after(pos) == (fresh.start() if fresh else None)


@given(st.text(alphabet=" .!?\n\u061f\tab", max_size=900), st.lists(st.integers(0, 900), max_size=12))
def test_sentence_begin_answers_as_a_windowed_search(text: str, positions: list[int]) -> None:
    """``_Ends.begin`` (the text's sentence ends found once) gives what the search of the
    400 characters before each position gives."""
    ends = roles._Ends(text)
    for at in positions:
        pos = min(at, len(text))
        begin = 0
        for found in roles._SENTENCE_END.finditer(text, max(0, pos - 400), pos):
            begin = found.end()
        assert ends.begin(pos) == begin


@given(st.text(alphabet=" -–—:./,0123456789abصفر\n", max_size=40))
def test_score_tests_skip_windows_without_an_opening_character(window: str) -> None:
    """The score tests next to a name skip a window with no character a score opens with
    (``RoleCues.score_first``); they answer as the pattern's own search does."""
    for code in ("en", "ar"):
        cues = role_cues(code)
        assert cues.score is not None and cues.score_first is not None
        last = window.rstrip()[-20:]
        ends = any(found.end() == len(last) for found in cues.score.finditer(last))
        starts = cues.score.search(window[:20])
        assert roles._ends_with(cues.score, window, cues.score_first) == ends
        assert roles._starts_with(cues.score, window, cues.score_first) == (
            starts is not None and not window[:20][: starts.start()].strip()
        )
