"""Hypothesis strategies the tests share: texts that exercise matching and normalisation, articles.

Pieces are chosen where the rules have edges: proclitics, diacritics, tatweel, bidi and
zero-width controls, dotted capitals, possessives, ligatures, case folding that changes
length (``İ``), astral characters, lone surrogates.
"""

from __future__ import annotations

import re

from hypothesis import strategies as st

from mediamon.model import Article, Mention, Origin

__all__ = [
    "HOSTILE_PIECES",
    "MATCHING_PIECES",
    "NORMALISING_PIECES",
    "articles",
    "hostile_text",
    "json_values",
    "matching_text",
    "normalising_text",
]

#: Pieces of text around the matching rules (aliases of tests/data/gazetteers/rules.jsonl among them).
MATCHING_PIECES = [
    *"ab XY.’'-\u200f\u064e\u0640 \t\n",
    "  ",
    " - ",
    "Iraq",
    "Iraq’s",
    "U.S.",
    "US",
    "العراق",
    "بالعراق",
    "للعراق",
    "ﻻَ",
    "ﻻ",
    "Æ",
    "ﬁ",
    "ß",
    "İ",
    "\u0301",
    "\u00a0",
    "\ufeff",
    "Kadhimi",
    "Mustafa al-",
    "Kata’ib",
    "Baghdad International Airport",
    "Qassim Soleimani",
    "١٢",
    "\U0001d400",
]

#: Pieces of text around the normalisers' steps, in both scripts.
NORMALISING_PIECES = [
    *"aAbZ .’'-_\u064e\u0651\u0640\u200f\u200c\u00a0\t",
    *("أ", "إ", "آ", "ى", "ة", "ؤ", "ئ", "ک", "ی", "١", "۲", "ﻻ", "ﺍ", "ß", "İ", "Œ", "ﬁ", "é", "e\u0301"),
    *("U.S.", "Iraq’s", "العراق", "\ufeff", "😀", "🇮🇶", "al - Kadhimi", " ’ ", "–"),
]


def matching_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """Texts made of :data:`MATCHING_PIECES`."""
    return st.lists(st.sampled_from(MATCHING_PIECES), max_size=max_size).map("".join)


def normalising_text() -> st.SearchStrategy[str]:
    """Any text, or text made of :data:`NORMALISING_PIECES`."""
    return st.one_of(
        st.text(max_size=80), st.lists(st.sampled_from(NORMALISING_PIECES), max_size=30).map("".join)
    )


#: Pieces of hostile text around the language ID, tokenisers and tagger: lone surrogates, NUL,
#: combining marks alone, bidi marks, tatweel runs, a letter under fifty diacritics, digits of
#: other scripts, words of both scripts side by side, names the finders tag.
HOSTILE_PIECES = [
    *MATCHING_PIECES,
    *("\ud800", "\udfff", "\x00", "\u0301\u0301", "\u200e", "\u200f\u200e", "\u0640" * 5, "\u064e"),
    *("ب" + "\u064e\u0651" * 25, "١٢٣", "۴۵", "५६", "\u0e51", "\U0001d7d9", "a\u0301", "ﷺ", "ـ"),
    *("President Joe Biden", "Mr. Smith said", "محمد بن سلمان", "وزير الخارجية", "U.S.-Iraq", "'s"),
    *(" ", " ", "\n", ".", ",", "A", "z", "بن", "ال"),
]


def hostile_text(max_size: int = 30) -> st.SearchStrategy[str]:
    """Text made of :data:`HOSTILE_PIECES`, or any text at all (lone surrogates included)."""
    return st.one_of(
        st.lists(st.sampled_from(HOSTILE_PIECES), max_size=max_size).map("".join),
        st.text(max_size=max_size),
    )


_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_PIECES = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from([*"العراقبغدادمُحَمَّدـ٠١٢", "\u202e", "\u200f", "\u200d", "\x00", "\r", "\u2028", "🇮🇶"]),
    st.sampled_from(["\ud800", "\udfff"]),  # lone surrogates (only a hand-made str can hold them)
)
# A high surrogate followed by a low one is a UTF-16 pair: JSON reads it back as one character.
_TEXT = st.lists(_PIECES, max_size=30).map("".join).filter(lambda t: not _PAIR.search(t))
# Non-finite floats are not JSON: they are written as the strings "NaN", "Infinity" (test_attack.py).
_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    title, body = draw(_TEXT), draw(_TEXT)
    mentions = []
    for _ in range(draw(st.integers(0, 3))):
        field = draw(st.sampled_from(["title", "body"]))
        text = title if field == "title" else body
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        mentions.append(
            Mention(
                field,
                start,
                end,
                text[start:end],
                draw(_TEXT),
                "LOC",
                draw(_TEXT),
                "en",
                draw(_TEXT),
                "exact",
            )
        )
    optional = st.none() | _TEXT
    first = draw(st.integers(1, 10**6))
    return Article(
        id=draw(_TEXT),
        title=title,
        body=body,
        date=draw(st.none() | st.dates()),
        date_text=draw(optional),
        author=draw(optional),
        source=draw(optional),
        url=draw(optional),
        lang=draw(st.sampled_from(["en", "ar", "und"])),
        mentions=tuple(mentions),
        origin=draw(st.none() | st.builds(Origin, _TEXT, st.just(first), st.integers(first, first + 100))),
        meta=draw(st.dictionaries(_TEXT, _JSON_VALUES, max_size=4)),
    )


def json_values() -> st.SearchStrategy[object]:
    """JSON-ready values: nested lists and objects of text (lone surrogates included), numbers, null."""
    return _JSON_VALUES
