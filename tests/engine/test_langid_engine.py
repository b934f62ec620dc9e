"""The engine's language-ID functions: both implementations give the same counts, n-grams and
probabilities, and the trials draw Python's own random numbers."""

from __future__ import annotations

import array
import random
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediamon import engine
from mediamon.engine import _python
from tests.strategies import hostile_text

native_only = pytest.mark.skipif(not engine.native_built(), reason="native core not built")


def _native() -> ModuleType:
    from mediamon.engine import _native

    return _native


def _implementations() -> list[ModuleType]:
    """The pure-Python engine, and the native core when it is built."""
    return [_python, _native()] if engine.native_built() else [_python]


@pytest.fixture(params=_implementations(), ids=lambda core: str(core.NAME))
def impl(request: pytest.FixtureRequest) -> ModuleType:
    """Each engine implementation in turn."""
    return request.param  # type: ignore[no-any-return]


# -- naive-Bayes trials -------------------------------------------------------------------


@st.composite
def _models(draw: st.DrawFn) -> tuple[array.array[float], int, list[int], int]:
    width = draw(st.integers(1, 6))
    height = draw(st.integers(1, 12))
    cells = st.floats(0.0, 0.05, allow_nan=False) | st.just(0.0)
    probs = array.array("d", draw(st.lists(cells, min_size=width * height, max_size=width * height)))
    rows = draw(st.lists(st.integers(0, height - 1), min_size=1, max_size=400))
    seed = draw(st.integers(0, 2**32 - 1))
    return probs, width, rows, seed


@native_only
@settings(max_examples=200, deadline=None)
@given(_models(), st.integers(1, 9), st.integers(0, 1200))
def test_trials_agree(model: tuple[array.array[float], int, list[int], int], trials: int, limit: int) -> None:
    probs, width, rows, seed = model
    args = (probs, width, rows, seed, trials, 0.5, 0.05, limit, 0.99999, 10000.0)
    assert _native().nb_trials(*args) == _python.nb_trials(*args)


def test_trials_draw_pythons_random_numbers(impl: ModuleType) -> None:
    """One language whose row is all that varies: the trial's alpha is exactly Python's
    gauss draw, and the drawn rows are exactly Python's ``choice`` sequence."""
    width, seed = 2, 20240601
    # Row r favours language 0 by r: the end probability depends on which rows were drawn.
    probs = array.array("d", [x for r in range(7) for x in (0.001 * (r + 1), 0.001)])
    rows = [0, 1, 2, 3, 4, 5, 6]
    got = impl.nb_trials(probs, width, rows, seed, 1, 0.5, 0.05, 10, 2.0, 10000.0)
    draw = random.Random(seed)
    weight = (0.5 + draw.gauss(0.0, 1.0) * 0.05) / 10000.0
    prob = [0.5, 0.5]
    for i in range(11):  # converged=2.0 never reached: draws 0..10, normalised every fifth
        r = draw.choice(rows)
        prob = [prob[0] * (weight + probs[2 * r]), prob[1] * (weight + probs[2 * r + 1])]
        if i % 5 == 0:
            total = prob[0] + prob[1]
            prob = [prob[0] / total, prob[1] / total]
    assert got == [prob[0] / 1, prob[1] / 1]


def test_trials_refuse_empty_input_and_bad_rows(impl: ModuleType) -> None:
    probs = array.array("d", [0.1, 0.2])
    with pytest.raises(ValueError, match="needs rows"):
        impl.nb_trials(probs, 2, [], 0, 7, 0.5, 0.05, 1000, 0.99999, 10000.0)
    with pytest.raises(IndexError):
        impl.nb_trials(probs, 2, [1], 0, 7, 0.5, 0.05, 1000, 0.99999, 10000.0)


_GRAM_ALPHABET = "abAB é Éz  "


@native_only
@settings(max_examples=400, deadline=None)
@given(
    st.text(st.sampled_from(_GRAM_ALPHABET), max_size=40) | hostile_text(),
    st.lists(st.text(st.sampled_from(_GRAM_ALPHABET), min_size=1, max_size=3), max_size=30),
)
def test_grams_agree(text: str, grams: list[str]) -> None:
    index = {gram: row for row, gram in enumerate(dict.fromkeys(grams))}
    assert _native().nb_grams(text, index) == _python.nb_grams(text, index)


def test_grams_restart_at_words_and_skip_runs_of_capitals(impl: ModuleType) -> None:
    index = {g: i for i, g in enumerate(["a", "b", " a", "ab", "ab ", "b ", "T", "Th", " T", "H", "E", " "])}
    # "ab": a, ' a', b, ab, then the space: 'b ', 'ab '; "THE": T, ' T', then capitals run.
    assert impl.nb_grams(" ab THE", index) == [0, 2, 1, 3, 5, 4, 6, 8]
    assert impl.nb_grams("   ", index) == []


def test_column_fill(impl: ModuleType) -> None:
    index = {"a": 0, "ab": 1, "abc": 2, "abcd": 3}
    probs = array.array("d", bytes(8 * 2 * 4))
    impl.nb_column(probs, 2, 1, index, {"a": 3, "ab": 1, "abc": 2, "abcd": 9}, [6, 4, 8])
    assert list(probs) == [0.0, 0.5, 0.0, 0.25, 0.0, 0.25, 0.0, 0.0]


# -- letters by script, function words ----------------------------------------------------------

_TABLE = bytes((c % 5) if chr(c).isalpha() else 0 for c in range(0x10000))
_TEXT = st.text(st.sampled_from("abcXYZ éÉß İ ǅ ﬁ ΣσςΑ аБ ابت 12.,!\U0001d400\U0001f600 \n"), max_size=60)


@native_only
@settings(max_examples=300, deadline=None)
@given(_TEXT | st.text(max_size=40) | hostile_text())
def test_script_tally_agrees(text: str) -> None:
    assert _native().script_tally(text, _TABLE, 5) == _python.script_tally(text, _TABLE, 5)


def test_script_tally_counts_slots_and_keeps_astral(impl: ModuleType) -> None:
    counts, astral = impl.script_tally("ab1 \U0001d400é", _TABLE, 5)
    assert sum(counts[1:]) == 3
    assert counts[0] == 2
    assert astral == [0x1D400]
    with pytest.raises(ValueError, match="slots"):
        impl.script_tally("ab", bytes([4]) * 0x10000, 3)


_VOCABULARY = {"the": 1, "de": 3, "la": 2, "ﬁ": 1, "i̇s": 1, "σας": 2}


@native_only
@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["the", "The", "THE", "de", "De", "la", "İs", "ǅe", "ﬁ", "ΣΑΣ", "σας", " ", ". ", "x"]
        )
    ).map("".join)
    | _TEXT
    | hostile_text(),
    st.integers(0, 80),
)
def test_word_tally_agrees(text: str, window: int) -> None:
    letters = "abcdefghilrstxzABCDEFGHILRSTXZéÉßİǅﬁΣσςΑ"
    found = [
        core.word_tally(text, window, core.CharSet(letters), _VOCABULARY, 2) for core in (_python, _native())
    ]
    assert found[0] == found[1]


def test_word_tally_lowers_words_and_counts_lower_case_ones(impl: ModuleType) -> None:
    letters = impl.CharSet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    assert impl.word_tally(
        "The cat of De la Rue, the end", 100, letters, {"the": 1, "de": 3, "la": 2}, 2
    ) == (
        8,
        5,
        [3, 2],
    )
    assert impl.word_tally("The cat", 3, letters, {"the": 1}, 1) == (1, 0, [1])
