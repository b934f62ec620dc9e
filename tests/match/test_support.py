"""The support stage (match/support.py): its rules as a table of cases, and the ambiguity model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediamon
from mediamon.cli import main
from mediamon.match.compile import HOW_RANK
from mediamon.match.support import SUPPORTS, word_frequencies
from tests.conftest import DATA

GAZETTEER = DATA / "gazetteers" / "support.jsonl"
CASES = json.loads((DATA / "support_cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def annotator() -> mediamon.Annotator:
    return mediamon.Annotator(GAZETTEER, default=False)


def _case_params() -> list[object]:
    """The cases, a known failure (an ``xfail`` reason) as a strict xfail."""
    return [
        pytest.param(
            case,
            id=f"{case['rule']}:{case['text'][:24]}",
            marks=[pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else [],
        )
        for case in CASES
    ]


@pytest.mark.parametrize("case", _case_params())
def test_support_rule(annotator: mediamon.Annotator, case: dict) -> None:
    found = annotator.annotate_text(case["text"])
    got = [[m.text, m.entity_id, m.how, *([m.support] if m.support else [])] for m in found]
    assert got == case["expect"], case["why"]


def test_cases_cover_every_support_and_a_refusal() -> None:
    supports = {m[3] for case in CASES if "xfail" not in case for m in case["expect"] if len(m) > 3}
    assert set(SUPPORTS) <= supports
    assert any(case["expect"] == [] for case in CASES)
    assert {m[2] for case in CASES for m in case["expect"]} <= set(HOW_RANK)


def test_mentions_keep_the_invariant(annotator: mediamon.Annotator) -> None:
    for case in CASES:
        for m in annotator.annotate_text(case["text"]):
            assert case["text"][m.start : m.end] == m.text


def test_word_frequencies_are_baked_with_provenance() -> None:
    for code in ("ar", "en"):
        table = word_frequencies(code)
        assert len(table) > 10_000
        assert all(3.0 <= z <= 8.0 for z in list(table.values())[:1000])
    assert word_frequencies("en")["the"] > 7
    data = json.loads(
        Path(mediamon.__file__).with_name("data").joinpath("en", "word_frequency.json").read_text()
    )
    assert "CC BY-SA 4.0" in data["licence"] and "wordfreq" in data["source"]


def test_gazetteer_check_ambiguity_warns_with_evidence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "mine.jsonl"
    mine.write_text(
        '{"id": "loc:dynasty", "type": "LOC", "name": "Salalah", "names": {"ar": ["سلالة", "صلالة"]},'
        ' "meta": {"population": 163000}}\n'
        '{"id": "org:acme", "type": "ORG", "name": "Acme", "names": {"en": ["Acme Corporation"]}}\n',
        encoding="utf-8",
    )
    assert main(["gazetteer", "check", "--ambiguity", str(mine)]) == 0
    err = capsys.readouterr().err
    assert "loc:dynasty alias 'سلالة' (ar) is ambiguous (word:" in err
    assert "Zipf" in err
    assert "صلالة" not in err and "Acme" not in err
    assert main(["gazetteer", "check", str(mine)]) == 0
    assert "ambiguous" not in capsys.readouterr().err


_BEFORE_PIECES = [
    *"ab1_ -'’.,\n\t#(",
    "\u00a0",
    "\u200b",
    "\u064b",
    "مدينة",
    "جامعة",
    "University",
    "of",
    "U.S.",
]


def _words_before_by_tokens(text: str, start: int, n: int) -> list[str]:
    """The words before ``start`` as the support stage defines them: the text's last 60
    characters cut into words left to right, the last ``n`` taken while only spaces part them."""
    import re

    head = text[max(0, start - 60) : start]
    if not head or not head[-1].isspace():
        return []
    words: list[str] = []
    pos = len(head)
    for match in reversed(list(re.finditer(r"[^\W_]+(?:['’.-][^\W_]+)*", head))):
        if head[match.end() : pos].strip():
            break
        words.insert(0, match.group())
        pos = match.start()
        if len(words) == n:
            break
    return words


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_BEFORE_PIECES), max_size=40).map("".join),
    st.integers(0, 200),
    st.sampled_from([1, 2]),
)
def test_words_before_read_backwards_are_the_tokenised_ones(text: str, start: int, n: int) -> None:
    """The support stage reads only the last words before a point (on the reversed text); they
    are the words a left-to-right tokenisation of the same 60 characters ends with."""
    start = min(start, len(text))
    model = mediamon.Annotator(GAZETTEER, default=False).support
    got = model._words_before(text, start, "en", n)
    assert got == [model.key("en", w) for w in _words_before_by_tokens(text, start, n)]


@settings(max_examples=500, deadline=None)
@given(
    st.text(st.sampled_from(" \t\n\u00a0\u2003.Ab"), max_size=30),
    st.integers(0, 40),
)
def test_the_character_and_word_before_a_point_read_backwards(text: str, pos: int) -> None:
    """The support stage reads the last character and word before a candidate backwards from
    it; they are what stripping the whole text before it gives (which copied that text once
    per candidate: a long text was quadratic)."""
    from mediamon.match.support import _char_before, _word_before

    pos = min(pos, len(text))
    assert _char_before(text, pos) == text[:pos].rstrip()[-1:]
    words = text[:pos].rstrip().rsplit(None, 1)
    assert _word_before(text, pos) == (words[-1] if words else "")


@given(st.text(alphabet="Ab c.\nD", max_size=60), st.lists(st.integers(0, 60), max_size=10))
def test_title_case_memo_answers_as_the_line_itself(text: str, positions: list[int]) -> None:
    """The support stage's title-case memo (``memo.LineVerdicts``) reads each line once; any
    order of questions gets the line's own verdict and bounds."""
    from mediamon.match.support import _title_case_span
    from mediamon.memo import LineVerdicts

    memo = LineVerdicts(_title_case_span)
    for pos in (p for p in positions if p <= len(text)):
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        end = end if end >= 0 else len(text)
        assert memo(text, pos) == _title_case_span(text[start:end])
        assert memo.bounds(text, pos) == (start, end)


def testcompound_heads_are_word_classes_of_lower_and_any_case() -> None:
    """data/en/compound_heads.json: a breed's noun counts with a capital (Maine Coon), a food's only
    in lower case (Jamaica pepper); the file lists no noun of a place's part or a traded good."""
    from mediamon.match.support import compound_heads

    lower, either = compound_heads("en")
    assert "pepper" in lower and "coon" in either and "pepper" not in either
    assert not (lower | either) & {"coast", "border", "valley", "oil", "gas", "wheat", "cotton", "coffee"}
    assert compound_heads("ar") == (frozenset(), frozenset())


def testcompound_heads_keep_sayings_apart_and_list_measures() -> None:
    """A saying's noun (cheer: also a verb) counts only after an article, so it is in no other
    group; the measures are containers, not a figure of speech's nouns (a slice of Paris)."""
    from mediamon.match.support import CompoundHeads, _compound_data

    heads = _compound_data("en")
    assert "cheer" in heads.after_article and "cheer" not in heads.lower | heads.either
    assert {"a", "the"} <= heads.articles
    assert {"cup", "glass", "bottle"} <= heads.measures
    assert not heads.measures & {"slice", "piece", "taste", "part", "bit"}
    assert _compound_data("ar") == CompoundHeads()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_BEFORE_PIECES), max_size=40).map("".join),
    st.lists(st.tuples(st.integers(0, 200), st.sampled_from([1, 2])), max_size=12),
)
def test_words_before_memo_answers_as_a_fresh_model(text: str, asks: list[tuple[int, int]]) -> None:
    """``_words_before`` keeps its answers for the text last read: any order of questions
    (the person pass asks before the other rules) gets the words read there afresh."""
    model = mediamon.Annotator(GAZETTEER, default=False).support
    for at, n in asks:
        start = min(at, len(text))
        fresh = list(model._two_words_before(text, start, "en")[-n:])
        assert model._words_before(text, start, "en", n) == fresh
        assert model._words_before(text + " ", start, "en", n) == fresh  # another text: read anew


def test_prominent_owners_are_the_sole_keys_of_backed_people() -> None:
    """``prominent_owners`` (each backed person's sole surname keys, indexed once) is the walk
    of the whole surname table it replaced, for an article naming each supporter in turn."""
    from mediamon.match.compile import Candidate

    model = mediamon.Annotator().support
    table, supporters = model._prominent_table()
    marks = model._supporter_marks(supporters)
    assert marks
    linked = 0
    for entity, keys in marks.items():
        found = {"body": [Candidate(0, 1, "exact", entity, "x", "en", "en")]}
        backed = {person for key in keys for person in supporters[key]}
        expected: dict[str, dict[str, int]] = {}
        for (side, key), owners in table.items():
            if len(owners) == 1 and owners[0] in backed:
                expected.setdefault(side, {})[key] = owners[0]
        assert model.prominent_owners(found) == expected
        backed_people = model.prominent_backed(found)  # the annotator's look-up: the same answers
        for (side, key), owners in table.items():
            for person in owners:
                owned = expected.get(side, {}).get(key) == person
                assert model.prominent_owns(backed_people, side, key, person) == owned
        linked += bool(expected)
    assert linked  # some supporter links someone


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="كتاب 1_\u064b\u064c\u064dx.\n", max_size=200),
    st.sampled_from(["\u064b\u064c\u064d", "\u064b", "ab"]),
)
def test_marked_runs_are_the_word_pattern_matches(text: str, marks: str) -> None:
    """``_marked_runs`` (read back from each mark) finds what the word-start pattern finds,
    long runs past its window and marks that are letters included."""
    import re

    from mediamon.match import support

    text = text.replace("x", "ب" * (support._RUN_REACH + 3))
    pattern = re.compile(rf"(?<![^\W\d_])([^\W\d_]+)[{re.escape(marks)}]")
    assert support._marked_runs(text, marks) == [m.group(1) for m in pattern.finditer(text)]
