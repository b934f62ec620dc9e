"""The outlet pass reads a body's ends without splitting it whole (annospeed12): the lines it
reads, and whether a lead can be a dateline, are those of the whole-body reading they replace."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mediamon.match.outlets import _LEAD, _end_lines


def reference_end_lines(body: str, reach: int) -> list[str]:
    """The first and last ``reach`` non-blank lines of ``body.split("\\n")``, stripped (as before)."""
    lines = body.split("\n")
    head = [i for i, line in enumerate(lines) if line.strip()][:reach]
    last = head[-1] if len(head) == reach else len(lines)
    tail = [i for i in range(len(lines) - 1, last, -1) if lines[i].strip()][:reach]
    return [lines[i].strip() for i in head + tail[::-1]]


@settings(max_examples=1500, deadline=None)
@given(st.text(st.sampled_from("ab \t\n\r\u00a0"), max_size=24), st.integers(1, 4))
def test_end_lines_as_whole_split(body: str, reach: int) -> None:
    assert _end_lines(body, reach) == reference_end_lines(body, reach)


def test_end_lines_reads_both_ends() -> None:
    body = "\n\n one\ntwo\n\nthree\nfour\n middle \nfive\nsix\n\nseven \n"
    assert _end_lines(body, 3) == ["one", "two", "three", "five", "six", "seven"]
    assert _end_lines("a\n\nb\n", 3) == ["a", "b"]


@settings(max_examples=1500, deadline=None)
@given(st.text(st.sampled_from("ab -–—\t"), max_size=24))
def test_no_dash_after_two_characters_no_lead(line: str) -> None:
    # the outlet pass skips _LEAD on a line with no dash at index 2 or later
    if all(line.find(dash, 2) < 0 for dash in "-–—"):
        assert _LEAD.match(line) is None
