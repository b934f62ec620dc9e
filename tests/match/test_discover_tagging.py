"""Name discovery's fast tagging path gives exactly what CRFsuite's tagger gives on the same items.

The finders tag with :class:`CrfModel` (the model file read once, items as attribute rows
built by the engine); CRFsuite's own tagger over :meth:`CrfFinder.features` (the items
training sees) is the oracle.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import mediamon
from mediamon import engine
from mediamon import lang as languages
from mediamon.errors import DataFileError
from mediamon.match.discover import (
    CrfFinder,
    CrfModel,
    bigram_rows,
    bio_spans,
    context_rows,
)
from tests.conftest import DUMPS

LINES = [
    line
    for path in sorted(DUMPS.glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.fixture(scope="module")
def annotator() -> mediamon.Annotator:
    return mediamon.Annotator()


def _finders() -> Iterator[CrfFinder]:
    for code in languages.CODES:
        finder = languages.finder(code)
        if isinstance(finder, CrfFinder):
            yield finder


@pytest.mark.parametrize("finder", list(_finders()), ids=lambda f: f.lang)
def test_model_is_read_as_crfsuite_reads_it(finder: CrfFinder) -> None:
    """Labels, attribute ids and weights as CRFsuite's dump gives them (printed to 6 decimals)."""
    info = finder.tagger.info()
    model = finder.model
    assert {label: str(i) for i, label in enumerate(model.labels)} == info.labels
    assert {name.decode(): str(i) for name, i in model.ids.items()} == info.attributes
    size = len(model.labels)
    for (name, label), weight in info.state_features.items():
        row = model.ids[name.encode()]
        assert model.weights[row * size + int(info.labels[label])] == pytest.approx(weight, abs=1e-6)
    for (before, after), weight in info.transitions.items():
        assert model.trans[int(info.labels[before]) * size + int(info.labels[after])] == pytest.approx(
            weight, abs=1e-6
        )


@pytest.mark.parametrize("finder", list(_finders()), ids=lambda f: f.lang)
def test_tags_are_crfsuites_on_real_text(finder: CrfFinder, annotator: mediamon.Annotator) -> None:
    """Every line of the test dumps: the same labels as CRFsuite's tagger on the training items."""
    language = languages.get(finder.lang)
    tagged = 0
    for line in LINES:
        if not language.owns(line):
            continue
        known = [(m.start, m.end, m.entity_type) for m in annotator.annotate_text(line)]
        _, keep, items = finder.features(line, known)
        if not items:
            continue
        expect = finder.tagger.tag(items)
        _, words, kept, context = finder._prepare(line, known, finder._tag_words, finder._tag_word)
        assert kept == keep
        assert finder.model.tag_window(words, kept, context_rows(finder.model, context, kept)) == expect
        assert finder.model.tag(*_rows(finder.model, items)) == expect
        tagged += any(label != "O" for label in expect)
    assert tagged > 5


@pytest.mark.parametrize("finder", list(_finders()), ids=lambda f: f.lang)
def test_word_rows_are_the_known_rows_of_the_feature_strings(finder: CrfFinder) -> None:
    """A word's tagging rows (looked up by feature key and value in ``CrfModel.word_rows``) are
    the rows of its spelt-out feature strings that the model knows, in their order, for every
    form of the test dumps."""
    forms = {t.form for line in LINES for t in finder.tokens(line)}
    assert len(forms) > 500
    for form in sorted(forms):
        _assert_same_rows(finder, form)


@pytest.mark.parametrize("finder", list(_finders()), ids=lambda f: f.lang)
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("=:+-1|aZ\u0627\u0644\u0648\ud800 "), min_size=1, max_size=8))
@example("w=-1:x")
@example("=")
@example("+1:")
@example("\ud800")
def test_word_rows_of_odd_forms(finder: CrfFinder, form: str) -> None:
    """The same for forms with the characters feature names are made of (``=``, ``:``, an
    offset's sign) and a lone surrogate (no model attribute spells one)."""
    _assert_same_rows(finder, form)


def _assert_same_rows(finder: CrfFinder, form: str) -> None:
    model = finder.model
    finder._tag_words.pop(form, None)
    word, tag = finder._word(form), finder._tag_word(form)
    assert tag.own == model.known(word.own), form
    assert tag.near == tuple(model.known(near) for near in word.near), form
    assert (tag.form, tag.kind) == (word.form, word.kind), form


def _rows(model: CrfModel, items: list[list[bytes]]) -> tuple[list[int], list[int]]:
    """The items as one list of the model's attribute rows and where each item ends in it."""
    ids: list[int] = []
    ends = []
    for item in items:
        ids += memoryview(model.known(item)).cast("i")
        ends.append(len(ids))
    return ids, ends


@pytest.mark.parametrize("finder", list(_finders()), ids=lambda f: f.lang)
def test_pure_python_engine_tags_the_same(finder: CrfFinder, annotator: mediamon.Annotator) -> None:
    """A finder built on the pure-Python engine finds the same names as the native one."""
    old = engine.use_native(False)
    try:
        pure = type(finder)()
        found = [pure.find(line, []) for line in LINES[:150]]
    finally:
        engine.use_native(old)
    assert found == [type(finder)().find(line, []) for line in LINES[:150]]


_LABELS = st.sampled_from(["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "I-LOC", "B-X"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.booleans(), _LABELS), max_size=14))
def test_bio_spans_of_tagged_tokens_are_those_of_the_whole_sequence(tokens: list[tuple[bool, str]]) -> None:
    """Runs from the tagged tokens' labels (``at``) are the runs of the sequence with ``O``
    on every untagged token; ``O`` itself acts as any label that is neither ``B-`` nor ``I-``."""
    labels = [label if tagged else "O" for tagged, label in tokens]
    at = [i for i, (tagged, _) in enumerate(tokens) if tagged]
    expect = bio_spans(labels)
    assert bio_spans([labels[i] for i in at], at) == expect
    assert bio_spans([label if label != "O" else "Z" for label in labels]) == expect


def test_bigram_rows_file_every_split() -> None:
    """``bi=a|b|c`` is found both as (``a``, ``b|c``) and as (``a|b``, ``c``)."""

    model = SimpleNamespace(ids={b"bi=a|b|c": 3, b"bi=x|y": 4, b"w=x": 5})
    rows = bigram_rows(model)  # type: ignore[arg-type]
    assert rows == {b"b|c": {b"a": 3}, b"c": {b"a|b": 3}, b"y": {b"x": 4}}


def test_a_damaged_model_is_a_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.crfsuite"
    path.write_bytes(b"lCRF" + b"\0" * 60)
    with pytest.raises(DataFileError):
        CrfModel(str(path))
    with pytest.raises(DataFileError):
        CrfModel(str(path.with_name("missing.crfsuite")))


def test_use_tags_with_the_given_model_not_the_bundled_one(tmp_path: Path) -> None:
    """``CrfFinder.use`` (training, held-out and cross-validated figures) switches every cache
    to the given model: a model that knows only ORG finds only ORG names, where the bundled
    one finds a person (the cached bundled model had once been kept, so the measurement of a
    left-out document was made with a model trained on it)."""
    import pycrfsuite

    text = "Yesterday Professor Lorimer Quenbatt told reporters that Halvard Ostrin had resigned."
    bundled = type(languages.finder("en"))()
    assert any(kind == "PER" for _, _, kind in bundled.find(text))
    finder = type(languages.finder("en"))()
    _, keep, items = finder.features(text, ())
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.append(items, ["B-ORG"] * len(keep))
    model = tmp_path / "org-only.crfsuite"
    trainer.train(str(model))
    finder.use(str(model), [])
    found = finder.find(text)
    assert found and {kind for _, _, kind in found} == {"ORG"}
    assert finder.skip == frozenset()


_MODEL = Path(mediamon.__file__).parent / "data" / "en" / "names.crfsuite"


@settings(max_examples=60, deadline=None)
@given(data=st.data())
@example(data=None)  # found: a feature beyond the attributes raised IndexError
def test_a_truncated_or_corrupt_model_reads_or_is_a_data_file_error(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject | None
) -> None:
    """Cut anywhere or with bytes overwritten, the model file reads or is a ``DataFileError``,
    never a ``struct.error``, an ``IndexError`` or weights written outside their rows."""
    raw = bytearray(_MODEL.read_bytes())
    header = CrfModel._HEADER.unpack_from(raw)
    features = header[7]
    if data is None:  # the first feature's attribute set past the attributes
        raw[features + 12 + 4 : features + 12 + 8] = (0xFFFFFF00).to_bytes(4, "little")
    else:
        cut = data.draw(st.integers(0, len(raw)), label="cut")
        for _ in range(data.draw(st.integers(0, 4), label="edits")):
            at = data.draw(st.integers(0, len(raw) - 4), label="at")
            raw[at : at + 4] = data.draw(st.binary(min_size=4, max_size=4), label="bytes")
        del raw[cut:]
    path = tmp_path_factory.mktemp("model") / "names.crfsuite"
    path.write_bytes(bytes(raw))
    try:
        model = CrfModel(str(path))
    except DataFileError as exc:
        assert str(path) in str(exc)
        return
    size = len(model.labels)
    assert len(model.weights) == size * len(model.ids) and len(model.trans) == size * size


def test_a_model_asking_for_more_weights_than_its_file_holds_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The weight table is allocated from the header's counts: a file whose dictionaries
    claim more label x attribute cells than it has bytes is a ``DataFileError`` before any
    allocation (a crafted 1 MB file could otherwise ask for gigabytes)."""
    path = str(next(_finders()).model_name)
    from mediamon.resources import data_path

    real = data_path(path)
    strings = CrfModel._strings
    calls: list[int] = []

    def inflated(data: bytes, offset: int) -> list[bytes]:
        found = strings(data, offset)
        calls.append(len(found))
        return found if len(calls) == 1 else found * (len(data) // max(1, len(found)))

    CrfModel(real)  # the real file is within the bound
    monkeypatch.setattr(CrfModel, "_strings", staticmethod(inflated))
    with pytest.raises(DataFileError, match="more weights than its file holds"):
        CrfModel(real)


@pytest.mark.parametrize("finder", list(_finders()), ids=lambda f: f.lang)
def test_words_no_item_reads_are_not_made(finder: CrfFinder, annotator: mediamon.Annotator) -> None:
    """A form's word is made only where an item reads it (a kept token or one of its two
    neighbours either side): every line of the test dumps, with empty word caches, gives the
    kept tokens and labels it gives when every form's word is cached, and makes no word more."""
    language = languages.get(finder.lang)
    lines = [line for line in LINES if language.owns(line)]
    known = [[(m.start, m.end, m.entity_type) for m in annotator.annotate_text(line)] for line in lines]
    finder.use_skip(finder.skip)  # empty caches
    lazy, read = [], set()
    for line, found in zip(lines, known, strict=True):
        tokens, words, kept, context = finder._prepare(line, found, finder._tag_words, finder._tag_word)
        read.update(tokens[j].form for i in kept for j in range(max(i - 2, 0), min(i + 3, len(tokens))))
        lazy.append((kept, finder.model.tag_window(words, kept, context_rows(finder.model, context, kept))))
    assert set(finder._tag_words) == read
    for line in lines:
        for token in finder.tokens(line):
            finder._tag_word(token.form)
    for (kept, labels), line, found in zip(lazy, lines, known, strict=True):
        _, words, full_kept, context = finder._prepare(line, found, finder._tag_words, finder._tag_word)
        assert None not in words and full_kept == kept
        assert finder.model.tag_window(words, kept, context_rows(finder.model, context, kept)) == labels
