"""English (Latin-script) side of name discovery: tokens, features, keys.

Tokens keep their case (capitalisation is the strongest cue in English); lexicon
features compare the normalised, lower-cased form. A possessive ``'s`` is its own
token, so ``Trump's`` gives the name ``Trump``. The model (``data/en/names.crfsuite``)
is trained on GUM's openly licensed non-news genres by ``tools/names/train.py``; see
docs/models.md.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from mediamon.match.discover import (
    CANDIDATE,
    DEMONYM_TYPE,
    JOINER,
    SKIP,
    CrfFinder,
    Rules,
    Token,
    given_names,
    join_key,
    known_aliases,
    lexicon_flags,
    load_rules,
    normalize,
    shape,
    word_bands,
)
from mediamon.typing import Language

__all__ = ["FINDER", "EnglishNameFinder"]

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:[-‐][^\W_]+)*(?:['’](?![sS]\b)[^\W_]+)*|['’][sS]\b|[^\w\s]")
#: A one-word English find this frequent (Zipf band) is an ordinary word, not a new name.
COMMON_BAND = 5
#: A headline: a line whose long words (this many letters) are mostly capitalised (this share, this many).
HEADLINE_MIN_LETTERS = 4
HEADLINE_SHARE = 0.9
HEADLINE_WORDS = 3
_SENTENCE_END = frozenset('.!?:;"“”')
_DIGRAPHS = (("sh", "$"), ("ch", "$"), ("kh", "x"), ("gh", "g"), ("dh", "z"), ("th", "t"), ("ph", "f"))
_CONSONANTS = str.maketrans(
    {"q": "k", "c": "k", "v": "f", "p": "b", "e": "", "a": "", "i": "", "o": "", "u": ""}
)


@functools.cache
def _language() -> Language:
    from mediamon import lang

    return lang.get("en")


def _normalize(text: str) -> str:
    return normalize("en", text)


def _rules() -> Rules:
    return load_rules("en")


_LINE = re.compile(r"[^\n]+")
_LONG_WORD = re.compile(rf"[^\W\d_]{{{HEADLINE_MIN_LETTERS},}}")


def headline_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines of ``text`` written in title case (headlines).

    A line not ending in a full stop whose words of ``HEADLINE_MIN_LETTERS`` letters or more,
    after the first, are at least ``HEADLINE_SHARE`` capitalised, with at least
    ``HEADLINE_WORDS`` such words: ``Iraqi Resistance Lambasts FM Over Remarks``. Their
    capitals say little about names (a sentence full of names has lower-case verbs).
    """
    out = []
    for line in _LINE.finditer(text):
        if line.group().rstrip().endswith("."):
            continue
        words = _LONG_WORD.findall(line.group())[1:]
        capitals = sum(1 for w in words if w[0].isupper())
        if len(words) >= HEADLINE_WORDS and capitals >= HEADLINE_SHARE * len(words):
            out.append(line.span())
    return out


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


_PARTS = re.compile(r"[\s\-‐]+")


def _generic(word: str) -> bool:
    """A title, trigger, organisation or place head, or demonym (normalised): no name by itself."""
    rules = _rules()
    return (
        word in rules.titles
        or word in rules.triggers
        or word in rules.org_heads
        or word in rules.loc_heads
        or DEMONYM_TYPE in known_aliases("en").get(word, ())
    )


class EnglishNameFinder(CrfFinder):
    """Latin-script names no gazetteer lists, tagged by the CRF model (satisfies ``NameFinder``)."""

    lang = "en"
    model_name = "en/names.crfsuite"

    def tokens(self, text: str) -> list[Token]:
        return [Token(m.start(), m.end(), m.start(), m.group()) for m in _WORD.finditer(text)]

    def word_features(self, form: str) -> dict[str, str]:
        word = form
        low = _normalize(word).replace(" ", "")
        feats = {"w": low, "shape": shape(word)[:4], "p3": low[:3], "s2": low[-2:], "s3": low[-3:]}
        if word[:1].isupper():
            feats["cap"] = "A" if word.isupper() and len(word) > 1 else "T"
        feats.update(lexicon_flags("en", (low,)))
        feats["zf"] = word_bands("en").get(low, "0")
        return feats

    def kind(self, form: str) -> int:
        """A capitalised word or a number may be (part of) a name; a lower-case word only joins
        two of them (``of``, ``de``), unless training never saw it inside a name."""
        if form[:1].isupper() or form[:1].isdigit():
            return CANDIDATE
        return SKIP if form in self.skip else JOINER

    def context(self, text: str, tokens: Sequence[Token], keep: Sequence[int]) -> dict[int, dict[str, str]]:
        """``first``: a capitalised word at the start of a sentence (capitals there say little);
        ``hl``: a word of a line in title case (a headline: its capitals say little too)."""
        out: dict[int, dict[str, str]] = {}
        headlines = self.headlines(text)
        for i in keep if headlines else ():
            if _inside(headlines, tokens[i].start, tokens[i].end):
                out[i] = {"hl": "1"}
        for i in keep:
            if tokens[i].form[:1].isupper() and (i == 0 or tokens[i - 1].form in _SENTENCE_END):
                out.setdefault(i, {})["first"] = "1"
        return out

    def trim(self, tokens: Sequence[Token], first: int, last: int, entity_type: str) -> tuple[int, int]:
        """A name without lower-case words or punctuation at its edges (``Kadhim al-Fartousi warns``)."""
        while first < last and not tokens[first].form[:1].isupper():
            first += 1
        while last > first and not tokens[last].form[:1].isupper() and not tokens[last].form[:1].isdigit():
            last -= 1
        return first, last

    def retype(self, tokens: Sequence[Token], first: int, last: int, entity_type: str) -> str:
        """A place or organisation the tagger found is a person when it is two words or more
        starting with a known given name (``Mark Rathbun``)."""
        if entity_type == "PER":
            return entity_type
        if last > first and _normalize(tokens[first].form) in given_names("en"):
            return "PER"
        return entity_type

    def headlines(self, text: str) -> list[tuple[int, int]]:
        """The title-case lines of ``text`` (:func:`headline_spans`)."""
        return headline_spans(text)

    def keep(self, text: str, start: int, end: int, entity_type: str) -> bool:
        """Spans with a capitalised word (a lower-case run is not a proper name); one word alone
        must not be a title, trigger or head word, nor a frequent word (``Talks``, ``Sheikh``);
        a name of titles and demonyms alone is none (``Deputy-Commander``, ``Afghan Ambassador``)."""
        words = text[start:end].split()
        if not any(w[:1].isupper() for w in words):
            return False
        if len(words) == 1 and int(word_bands("en").get(_normalize(words[0]), "0")) >= COMMON_BAND:
            return False
        parts = [_normalize(w) for w in _PARTS.split(text[start:end]) if w]
        return not all(_generic(p) for p in parts)

    def name_key(self, name: str) -> str:
        """The transliteration-variant keys of the name's words (``Kadhemi``, ``Kadhimi`` -> ``kazmi``).

        Words the variant keys skip (digits, non-ASCII) keep their normalised form.
        """
        language = _language()
        parts: list[str] = []
        for word in name.split():
            keys = language.word_keys(word)  # type: ignore[attr-defined]
            parts.extend(keys if keys else _normalize(word).split())
        return join_key(parts)

    def skeleton(self, name: str) -> str:
        """Consonants, digraphs as one letter, particles dropped (``Moqtada al-Sadr`` -> ``mktd sdr``)."""
        language = _language()
        particles = language.particles  # type: ignore[attr-defined]
        words = []
        for word in _normalize(name).split():
            if word in particles or not word.isalpha():
                continue
            head = word[0] if word[0] in "wy" else ""
            body = word[1:] if head else word
            for digraph, letter in _DIGRAPHS:
                body = body.replace(digraph, letter)
            body = body.translate(_CONSONANTS).replace("y", "").replace("w", "")
            if body.endswith("h") and len(body) > 1:
                body = body[:-1]
            out: list[str] = []
            for char in head + body:
                if not out or out[-1] != char:
                    out.append(char)
            words.append("".join(out))
        return " ".join(w for w in words if w)


FINDER = EnglishNameFinder()
