"""Language rules checked against their plain, word-by-word statements."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st


def _surname_spans_reference(text: str, keys: set[str]) -> list[tuple[int, int, str]]:
    """The surname rule word by word, as it was first written: the specification of the fast search."""
    import re

    from mediamon.lang import ar

    arabic = ar.LANGUAGE
    normalized = arabic.normalizer.normalize_with_map(text)
    article = "ال"
    letters = "\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9"
    word_re = re.compile(f"(?<![^\\W\\d_])[{letters}]+(?![^\\W\\d_])")
    out = []
    for match in word_re.finditer(normalized.text):
        word = match.group()
        for cut in range(min(ar.MAX_CLITIC, len(word) - ar.MIN_SURNAME) + 1):
            prefix, rest = word[:cut], word[cut:]
            if rest in keys:
                kind, key = ("article" if rest.startswith(article) else "bare"), rest
            elif cut and rest.startswith("ل") and article[0] + rest in keys:
                kind, key = "lam", article[0] + rest
            else:
                continue
            if not cut or arabic.prefix_ok(prefix, kind):
                out.append((*normalized.span(match.start() + cut, match.end()), key))
            break
    return out


_SURNAME_PIECES = [
    *" .،x1",
    "الكاظمي",
    "كاظمي",
    "والكاظمي",
    "للكاظمي",
    "بالكاظمي",
    "لكاظمي",
    "الصدر",
    "وللصدر",
    "فالصدر",
    "صدر",
    "ليبيا",
    "الْكَاظِمِيّ",
    "abc",
    "٣",
    "ـ",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_SURNAME_PIECES), max_size=12).map("".join),
    st.sets(st.sampled_from(["الكاظمي", "كاظمي", "الصدر", "ليبيا", "لكاظمي", "صدر"]), min_size=1),
)
def test_arabic_surname_search_matches_word_by_word_rule(text: str, keys: set[str]) -> None:
    from mediamon.lang import ar

    assert list(ar.LANGUAGE.surname_spans(text, keys)) == _surname_spans_reference(text, keys)
