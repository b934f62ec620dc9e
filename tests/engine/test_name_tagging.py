"""The engine functions of name discovery: both implementations agree, and the decoder is the argmax."""

from __future__ import annotations

import array
import itertools
import re
import unicodedata
from types import ModuleType

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mediamon import engine
from mediamon.engine import _python
from tests.strategies import hostile_text

native_only = pytest.mark.skipif(not engine.native_built(), reason="native core not built")


def _native() -> ModuleType:
    from mediamon.engine import _native

    return _native


#: The implementations to run each test on: the pure-Python one, and the native one when built.
IMPLEMENTATIONS = [_python, *([_native()] if engine.native_built() else [])]


@pytest.fixture(scope="module", params=IMPLEMENTATIONS, ids=lambda module: module.NAME)
def impl(request: pytest.FixtureRequest) -> ModuleType:
    return request.param  # type: ignore[no-any-return]


@st.composite
def crf_problem(
    draw: st.DrawFn, max_items: int = 6
) -> tuple[list[float], list[float], int, list[int], list[int]]:
    """A small random model (weights per attribute row and label, transitions) and items."""
    labels = draw(st.integers(1, 4))
    rows = draw(st.integers(1, 6))
    # Few distinct weights, so equal scores (ties) happen and their breaking is compared too.
    weight = st.sampled_from([-2.5, -1.0, -0.125, 0.0, 0.5, 1.0, 3.75]) | st.floats(-5, 5)
    weights = draw(st.lists(weight, min_size=rows * labels, max_size=rows * labels))
    trans = draw(st.lists(weight, min_size=labels * labels, max_size=labels * labels))
    items = draw(st.lists(st.lists(st.integers(0, rows - 1), max_size=5), min_size=1, max_size=max_items))
    ids = [row for item in items for row in item]
    ends = list(itertools.accumulate(len(item) for item in items))
    return weights, trans, labels, ids, ends


def _score(
    weights: list[float],
    trans: list[float],
    labels: int,
    ids: list[int],
    ends: list[int],
    path: tuple[int, ...],
) -> float:
    total = 0.0
    start = 0
    for t, stop in enumerate(ends):
        total += sum(weights[row * labels + path[t]] for row in ids[start:stop])
        if t:
            total += trans[path[t - 1] * labels + path[t]]
        start = stop
    return total


@settings(max_examples=300, deadline=None)
@given(crf_problem())
def test_crf_viterbi_finds_the_best_path(
    problem: tuple[list[float], list[float], int, list[int], list[int]],
) -> None:
    """The decoded path scores as high as any other (brute force over every path)."""
    weights, trans, labels, ids, ends = problem
    path = tuple(_python.crf_viterbi(weights, trans, labels, ids, ends))
    best = max(_score(*problem, p) for p in itertools.product(range(labels), repeat=len(ends)))
    assert _score(*problem, path) == pytest.approx(best, abs=1e-9)


@native_only
@settings(max_examples=500, deadline=None)
@given(crf_problem(max_items=12))
def test_crf_viterbi_agrees(problem: tuple[list[float], list[float], int, list[int], list[int]]) -> None:
    weights, trans, labels, ids, ends = problem
    native = _native().crf_viterbi(array.array("d", weights), array.array("d", trans), labels, ids, ends)
    assert native == _python.crf_viterbi(weights, trans, labels, ids, ends)


def test_crf_viterbi_refuses_bad_shapes(impl: ModuleType) -> None:
    weights, trans = array.array("d", [0.0] * 4), array.array("d", [0.0] * 4)
    assert impl.crf_viterbi(weights, trans, 2, [], []) == []
    with pytest.raises(ValueError):
        impl.crf_viterbi(weights, array.array("d", [0.0] * 3), 2, [0], [1])
    with pytest.raises(ValueError):
        impl.crf_viterbi(weights, trans, 2, [2], [1])  # row 2 of a two-row table
    with pytest.raises(ValueError):
        impl.crf_viterbi(weights, trans, 2, [0], [2])  # an item past the rows


def _rows(values: list[int]) -> bytes:
    return array.array("i", values).tobytes()


@st.composite
def crf_words(
    draw: st.DrawFn,
) -> tuple[
    list[float],
    list[float],
    int,
    list[tuple[object, ...]],
    list[int],
    dict[int, bytes],
    tuple[int, int, int, int],
]:
    """A random model and text as ``crf_window`` takes them: cached word rows, kept tokens, extras."""
    labels = draw(st.integers(1, 4))
    count = draw(st.integers(1, 8))
    weights = draw(st.lists(st.floats(-5, 5), min_size=count * labels, max_size=count * labels))
    trans = draw(st.lists(st.floats(-5, 5), min_size=labels * labels, max_size=labels * labels))
    row = st.integers(0, count - 1)
    rows = st.lists(row, max_size=4).map(_rows)
    forms = [b"a", b"b", b"|", b"c|d"]
    size = draw(st.integers(1, 10))
    words: list[tuple[object, ...]] = []
    for _ in range(size):
        after = draw(st.dictionaries(st.sampled_from(forms), row, max_size=2))
        words.append(
            (draw(rows), tuple(draw(rows) for _ in range(4)), draw(st.sampled_from(forms)), after, 0)
        )
    keep = sorted(draw(st.sets(st.integers(0, size - 1), min_size=1)))
    extra = draw(st.dictionaries(st.sampled_from(keep), rows))
    fixed = tuple(draw(st.integers(-1, count - 1)) for _ in range(4))
    return weights, trans, labels, words, keep, extra, fixed  # type: ignore[return-value]


@native_only
@settings(max_examples=400, deadline=None)
@given(crf_words())
def test_crf_window_agrees(problem: tuple) -> None:  # type: ignore[type-arg]
    weights, trans, labels, words, keep, extra, fixed = problem
    native = _native().crf_window(
        array.array("d", weights), array.array("d", trans), labels, words, keep, extra, fixed
    )
    assert native == _python.crf_window(weights, trans, labels, words, keep, extra, fixed)


def test_crf_window_refuses_malformed_words(impl: ModuleType) -> None:
    weights, trans = array.array("d", [0.0] * 4), array.array("d", [0.0] * 4)
    good = (_rows([0]), (_rows([]),) * 4, b"a", {}, 0)
    assert impl.crf_window(weights, trans, 2, [good, good], [0, 1], {}, (-1, -1, -1, -1)) == [0, 0]
    with pytest.raises(IndexError):
        impl.crf_window(weights, trans, 2, [good], [1], {}, (-1, -1, -1, -1))
    with pytest.raises((TypeError, ValueError)):
        impl.crf_window(weights, trans, 2, [(_rows([0]),)], [0], {}, (-1, -1, -1, -1))


#: Letters, digits, marks the Arabic normaliser deletes (fathatan, shadda, tatweel is a letter-like
#: Lm so not here, zero-width joiner), punctuation, spaces and ``_``.
_MARKS = "\u064b\u0651\u200d\u0670"
_PIECES = [*"بسم ا", "الله", "وال", *_MARKS, "7", "٣", "_", ".", "،", "\n", " ", "\u00a0", "a", "Ab"]


def _reference(text: str, marks: str) -> list[tuple[int, int, str]]:
    pattern = re.compile(f"(?:[{re.escape(marks)}]*+[^\\W_])++[{re.escape(marks)}]*+|[^\\w\\s]")
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.sampled_from(_PIECES), max_size=20).map("".join) | st.text(max_size=20) | hostile_text()
)
@example(
    text=" \u064b\u0651\u200d. \u064b\u0651a\u0651 \u0670"
)  # found: a run of marks before no word was rescanned from each of its characters (quadratic)
def test_marked_words_are_the_regex_words(impl: ModuleType, text: str) -> None:
    """Words with marks inside, or single other non-space characters; each form looked up once."""
    computed: list[str] = []

    def compute(form: str) -> tuple[str, int]:
        computed.append(form)
        cache[form] = out = (form.upper(), min(1, len(form) - 1))
        return out

    cache: dict[str, tuple[str, int] | None] = {}
    found = impl.marked_words(text, engine.char_set(_MARKS, impl), cache, compute, tuple)
    expect = [(s, e, s + min(1, e - s - 1), w.upper()) for s, e, w in _reference(text, _MARKS)]
    assert found == expect
    assert len(computed) == len(set(computed))


def test_marked_words_skip_empty_forms_and_stop_on_none(impl: ModuleType) -> None:
    marks = engine.char_set(_MARKS, impl)
    cache: dict[str, tuple[str, int] | None] = {"ab": ("", 0), "cd": None}
    assert impl.marked_words("ab x", marks, cache, lambda f: (f, 0), tuple) == [(3, 4, 3, "x")]
    assert impl.marked_words("x cd y", marks, cache, lambda f: (f, 0), tuple) is None


def test_marks_of_the_arabic_finder_are_not_word_characters() -> None:
    """The tokeniser's rule (a mark alone is a one-character token) needs marks outside ``\\w``."""
    from mediamon.lang.ar import names

    assert not any(c.isalnum() or c == "_" or c.isspace() for c in names._marks())
    assert all(unicodedata.category(c) in {"Mn", "Me", "Cf"} for c in names._marks())


_LATIN_PIECES = [
    *"U.S.A. ",
    "Trump",
    "'s",
    "’S",
    "'sa",
    "O'Neil",
    "-",
    "‐",
    "_",
    "x",
    "2",
    "É",
    "\n",
    "s_",
    "Bank-of",
]


@settings(max_examples=400, deadline=None)
@given(
    text=st.lists(st.sampled_from(_LATIN_PIECES), max_size=20).map("".join)
    | st.text(max_size=20)
    | hostile_text()
)
def test_latin_words_agree(impl: ModuleType, text: str) -> None:
    """Both engines give the tokens of the pure-Python regex (the possessive, ``U.S.``, hyphens)."""
    assert impl.latin_words(text, tuple) == _python.latin_words(text, tuple)


def test_latin_words_split_possessives_and_keep_initials() -> None:
    words = [form for _, _, _, form in _python.latin_words("U.S. Trump's O’Neil well-known _x", tuple)]
    assert words == ["U.S.", "Trump", "'s", "O’Neil", "well-known", "x"]


@st.composite
def feature_tables(
    draw: st.DrawFn,
) -> tuple[dict[str, str], dict[str, dict[str, tuple[bytes, ...]]], tuple[tuple[int, tuple[str, ...]], ...]]:
    """A word's features, a model's rows by key and value (some missing, some ``b""``), and slots."""
    keys = st.sampled_from(["w", "stem", "pre", "s2", "kw", "zf", "=", ""])
    values = st.sampled_from(["a", "b", "", "\u0627\u0644", "\ud800"])
    row = st.just(b"") | st.integers(0, 50).map(lambda n: _rows([n]))
    feats = draw(st.dictionaries(keys, values, max_size=8))
    table = draw(
        st.dictionaries(keys, st.dictionaries(values, st.tuples(row, row, row, row, row), max_size=4))
    )
    slots = tuple(
        draw(st.lists(st.tuples(st.integers(0, 4), st.lists(keys, max_size=5).map(tuple)), max_size=4))
    )
    return feats, table, slots


@native_only
@settings(max_examples=400, deadline=None)
@given(feature_tables())
def test_feature_rows_agree(problem: tuple) -> None:  # type: ignore[type-arg]
    assert _native().feature_rows(*problem) == _python.feature_rows(*problem)


def test_feature_rows_in_order(impl: ModuleType) -> None:
    """Own rows in the features' order, a slot's rows in its keys' order; unknown ones add nothing."""
    table = {
        "w": {"x": (_rows([1]), _rows([2]))},
        "s2": {"y": (_rows([3]), b"")},
        "zf": {"0": (b"", _rows([4]))},
    }
    feats = {"zf": "0", "s2": "y", "w": "x", "pre": "-"}
    assert impl.feature_rows(feats, table, ((1, ("w", "zf", "s2")), (1, ()))) == (
        _rows([3, 1]),
        (_rows([2, 4]), b""),
    )


def test_feature_rows_past_the_buffer(impl: ModuleType) -> None:
    """A word with more rows than the native core joins in place gets them all the same."""
    table = {f"k{n}": {"v": (_rows([n]), _rows([-n]))} for n in range(3000)}
    feats = dict.fromkeys(table, "v")
    own, near = impl.feature_rows(feats, table, ((1, tuple(table)),))
    assert own == _rows(list(range(3000)))
    assert near == (_rows([-n for n in range(3000)]),)


def test_feature_rows_refuse_malformed_rows(impl: ModuleType) -> None:
    with pytest.raises(IndexError):
        impl.feature_rows({"w": "x"}, {"w": {"x": (_rows([1]),)}}, ((3, ("w",)),))
    with pytest.raises((TypeError, IndexError)):
        impl.feature_rows({"w": "x"}, {"w": {"x": ()}}, ())


@st.composite
def token_problem(draw: st.DrawFn) -> tuple:  # type: ignore[type-arg]
    """Tokens of a text (forms from a few, some cached with a kind), gazetteer spans over them."""
    forms = draw(st.lists(st.sampled_from("abcdefgh"), max_size=14))
    tokens, at = [], 0
    for form in forms:
        at += draw(st.integers(0, 2))
        tokens.append((at, at + 1, at, form))
        at += 1
    spans, start = [], 0
    while True:
        start += draw(st.integers(0, 3))
        if start >= at or draw(st.booleans()):
            break
        end = start + draw(st.integers(1, 4))
        spans.append((start, end, draw(st.sampled_from(["LOC", "PER"]))))
        start = end
    kinds = {form: draw(st.integers(0, 2)) for form in "abcdefgh"}
    cached = draw(st.sets(st.sampled_from("abcdefgh")))
    return tokens, spans, kinds, cached


def _token_words(module: ModuleType, problem: tuple) -> tuple:  # type: ignore[type-arg]
    tokens, spans, kinds, cached = problem
    calls: list[tuple[str, str]] = []
    cache = {form: ("own", form, kinds[form]) for form in cached}

    def kind(form: str) -> int:
        calls.append(("kind", form))
        return kinds[form]

    def word(form: str) -> tuple[str, str, int]:
        calls.append(("word", form))
        return ("made", form, kinds[form])

    return module.token_words(tokens, spans, cache, 2, kind, word), calls


@settings(max_examples=400, deadline=None)
@given(token_problem())
def test_token_words_agree(impl: ModuleType, problem: tuple) -> None:  # type: ignore[type-arg]
    """Both engines give the same words, tags and kept tokens, asking for the same kinds and
    words in the same order."""
    assert _token_words(impl, problem) == _token_words(_python, problem)


@settings(max_examples=300, deadline=None)
@given(token_problem())
def test_token_words_read_only_what_items_read(problem: tuple) -> None:  # type: ignore[type-arg]
    """A token's word is made exactly when an item reads it (a kept token or one up to two
    away) and its form is not cached; its tag is the span's over it; kept: the candidates,
    tagged tokens and a joiner between two of them."""
    tokens, spans, kinds, cached = problem
    (words, gz, keep), _ = _token_words(_python, problem)
    read = {j for i in keep for j in range(i - 2, i + 3)}
    for i, (start, end, _, form) in enumerate(tokens):
        if form in cached:
            assert words[i] == ("own", form, kinds[form])
        else:
            assert words[i] == (("made", form, kinds[form]) if i in read else None)
        over = [s for s in spans if s[0] < end and start < s[1]]
        assert gz[i] == ((("B-" if over[0][0] >= start else "I-") + over[0][2]) if over else "")
    may = [kinds[t[3]] == 2 or bool(gz[i]) for i, t in enumerate(tokens)]
    joins = [
        i
        for i, t in enumerate(tokens)
        if kinds[t[3]] == 1 and 0 < i < len(tokens) - 1 and may[i - 1] and may[i + 1]
    ]
    assert keep == sorted({i for i, m in enumerate(may) if m} | set(joins))


def test_token_words_of_an_english_line() -> None:
    """``Bank of England said the talks``: the joiner between two candidates is kept, the rest
    not; ``talks``, three tokens after the last one kept, is the one word never made."""
    tokens = [
        (0, 4, 0, "Bank"),
        (5, 7, 5, "of"),
        (8, 15, 8, "England"),
        (16, 20, 16, "said"),
        (21, 24, 21, "the"),
        (25, 30, 25, "talks"),
    ]
    kinds = {"Bank": 2, "of": 1, "England": 2, "said": 0, "the": 1, "talks": 1}
    words, gz, keep = _python.token_words(
        tokens, [(8, 15, "LOC")], {}, 0, kinds.__getitem__, lambda f: (kinds[f], f)
    )
    assert keep == [0, 1, 2]
    assert gz == ["", "", "B-LOC", "", "", ""]
    assert [w is not None for w in words] == [True, True, True, True, True, False]


def test_token_words_refuse_malformed_tokens(impl: ModuleType) -> None:
    """A token that is not a tuple of four, or a cached word without its kind, is refused."""
    with pytest.raises((TypeError, IndexError)):
        impl.token_words([(0, 1)], [], {}, 0, lambda f: 0, lambda f: ())
    with pytest.raises((TypeError, IndexError)):
        impl.token_words([(0, 1, 0, "a")], [], {"a": ()}, 0, lambda f: 0, lambda f: ())
