"""The segmenter's shortcuts give what the plain tests they replace give (speed-only code)."""

from __future__ import annotations

import re
import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from mediamon.text import segment
from mediamon.text.settings import SegmentSettings

# The characters the shortcuts look at, and any other text around them.
_EDGES = st.sampled_from(list(".!?؟。…:;'\"”’»)]-–—ـً ــk5٣ aZ\u0301🔁❤️👍\u200d"))
_TEXT = st.lists(st.one_of(_EDGES, st.characters()), max_size=40).map("".join)
_ASCII = st.text(alphabet=st.characters(max_codepoint=127), max_size=60)

_SENTENCE_END = re.compile(r"[.!。]['\"”’»)\]]*$")
_PARAGRAPH_END = re.compile(r"[.!?؟。…:;'\"”’»)\]]$")


def _line(text: str) -> segment.Line:
    return segment.Line(1, text, segment.Kind.TEXT, 1, "", SegmentSettings())


def test_no_letter_outside_counts_is_a_count_mark() -> None:
    """``_NOT_COUNT`` turns a line down on a character ``_count_line`` would keep as no mark."""
    found = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if segment._NOT_COUNT.match(chr(code)) and unicodedata.category(chr(code)) in segment._COUNT_MARKS
    ]
    assert found == []


@given(_TEXT)
def test_count_line_as_without_the_shortcut(text: str) -> None:
    rest = segment._COUNT.sub(" ", text)
    marks = "".join(rest.split())
    symbols = all(unicodedata.category(c) in segment._COUNT_MARKS for c in marks)
    plain = rest != text and bool(marks) and symbols
    assert segment._count_line(text) == plain


@given(_TEXT)
def test_sentence_and_finished_as_the_regexes(text: str) -> None:
    stripped = text.strip()
    line = _line(stripped)
    assert line.sentence == bool(_SENTENCE_END.search(stripped))
    assert line.finished == bool(_PARAGRAPH_END.search(stripped))


@given(_ASCII)
def test_ascii_words_as_the_unicode_regex(text: str) -> None:
    assert segment._ASCII_WORD.findall(text) == segment._WORD.findall(text)


@given(st.one_of(_ASCII, st.text(alphabet="aZ5'-. \t|", max_size=40)))
def test_ascii_word_count_as_the_regex(text: str) -> None:
    assert segment._ascii_words(text) == len(segment._ASCII_WORD.findall(text))


def test_edge_punctuation_holds_no_word_character() -> None:
    """``_words`` trims ``_EDGE_PUNCT`` off a token's ends as marks that are no part of a word."""
    assert [c for c in segment._EDGE_PUNCT if re.match(r"[^\W_]", c)] == []


@given(st.one_of(_TEXT, st.text(alphabet="بك5٣aé\u0301'’-.،؛ \t()«»", max_size=40)))
def test_word_count_as_the_regex(text: str) -> None:
    assert segment._words(text) == len(segment._WORD.findall(text))


@given(st.one_of(_ASCII, _TEXT))
def test_phrase_key_ascii_as_the_general_path(text: str) -> None:
    folded = segment._MARKS.sub("", unicodedata.normalize("NFKD", segment._DASHES.sub("-", text.casefold())))
    assert segment.phrase_key(text) == " ".join(folded.strip(segment._EDGE_PUNCT).split())
