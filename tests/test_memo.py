"""The bounded memo (memo.py) and the memos that use it."""

from __future__ import annotations

import pytest

import mediamon
from mediamon import lang, memo


def test_make_room_empties_a_full_memo_only() -> None:
    held = {i: i for i in range(3)}
    memo.make_room(held, limit=4)
    assert len(held) == 3
    held[3] = 3
    memo.make_room(held, limit=4)
    assert held == {}


def test_support_memos_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stream of new words never grows the support stage's memos past the limit."""
    monkeypatch.setattr(memo, "LIMIT", 50)
    annotator = mediamon.Annotator()
    words = " ".join(f"Word{i} in Paris near Springfield{i}" for i in range(400))
    annotator.annotate_text(words)
    # the support stage keys words in the language's shared key cache (mediamon.lang.key)
    assert 0 < len(lang.key_cache("en")) <= 50  # 400 new words were keyed


def test_last_text_builds_once_per_text_and_again_for_another() -> None:
    built: list[str] = []
    lengths = memo.LastText(lambda text: built.append(text) or len(text))
    text = "one text " * 3
    assert lengths(text) == lengths(text) == 27
    assert built == [text]  # the same text object: read once
    other = "another"
    assert lengths(other) == 7 and built == [text, other]


def test_line_verdicts_ask_each_line_once_and_give_its_bounds() -> None:
    asked: list[str] = []

    def verdict(line: str) -> bool:
        asked.append(line)
        return line.isupper()

    lines = memo.LineVerdicts(verdict)
    text = "LOUD LINE\nquiet line\n\nLAST"
    assert lines(text, 0) and lines(text, 5) and lines(text, 9)  # the break belongs to its line
    assert not lines(text, 10) and not lines(text, 15)
    assert lines(text, text.index("LAST"))
    assert asked == ["LOUD LINE", "quiet line", "LAST"]
    assert lines.bounds(text, 12) == (10, 20)
    assert lines.bounds(text, 21) == (21, 21)  # the empty line
    assert lines.bounds(text, len(text)) == (22, 26)


@pytest.mark.parametrize(
    ("text", "word", "alone"),
    [
        ("the sorrel grows", "sorrel", True),
        ("see alt.religion.scientology now", "scientology", False),
        ("see alt.religion.scientology now", "religion", False),
        ("mail scientology@example.org", "scientology", False),
        ("a scientology-related site", "scientology", False),
        ("path /scientology/ here", "scientology", False),
        ("it ends with scientology.", "scientology", True),
        ("scientology.org is a site", "scientology", False),
        ("sorrel", "sorrel", True),
    ],
)
def test_a_word_alone_is_not_a_part_of_an_address(text: str, word: str, alone: bool) -> None:
    """The words :func:`lower_elsewhere` counts as the text's own use, read once per text."""
    from mediamon.lang.en import names

    assert (word in names._plain_words(text)) is alone
