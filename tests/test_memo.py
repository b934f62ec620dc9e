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
