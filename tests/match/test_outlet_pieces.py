"""Issue 18: outlet names split at separators in linear time, exactly as the backtracking
pattern they replace split them (benchmarks/bench_scaling.py --kind outlet-spaces times it)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mediamon.match.outlets import _PIECES

#: The pattern before issue 18 (quadratic on a run of spaces), kept as the reference.
REFERENCE = re.compile(r"\s*(?:[()\[\]|/:،,؛;]|\s[\-–—]+\s|[\-–—]{2,}|^[\-–—]+|[\-–—]+$)\s*")


@settings(max_examples=2000, deadline=None)
@given(st.text(st.sampled_from(" \t\n\u00a0-–—|/:,،()[]ab"), max_size=20))
def test_pieces_split_as_before(text: str) -> None:
    assert _PIECES.split(text) == REFERENCE.split(text)


def test_outlet_names_still_split() -> None:
    assert _PIECES.split("Reuters - Baghdad") == ["Reuters", "Baghdad"]
    assert _PIECES.split("BBC News (Arabic) | بي بي سي") == ["BBC News", "Arabic", "", "بي بي سي"]
    assert _PIECES.split("Al-Mayadeen") == ["Al-Mayadeen"]
