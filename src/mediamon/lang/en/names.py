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
    CrfFinder,
    Rules,
    Token,
    join_key,
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

    def context_features(self, tokens: Sequence[Token], i: int) -> dict[str, str]:
        """``first``: a capitalised word at the start of a sentence (capitals there say little)."""
        if tokens[i].form[:1].isupper() and (i == 0 or tokens[i - 1].form in _SENTENCE_END):
            return {"first": "1"}
        return {}

    def trim(self, tokens: Sequence[Token], first: int, last: int, entity_type: str) -> tuple[int, int]:
        """A name without lower-case words or punctuation at its edges (``Kadhim al-Fartousi warns``)."""
        while first < last and not tokens[first].form[:1].isupper():
            first += 1
        while last > first and not tokens[last].form[:1].isupper() and not tokens[last].form[:1].isdigit():
            last -= 1
        return first, last

    def keep(self, text: str, start: int, end: int, entity_type: str) -> bool:
        """Spans with a capitalised word (a lower-case run is not a proper name); one word alone
        must not be a title, trigger or head word, nor a frequent word (``Talks``, ``Sheikh``)."""
        words = text[start:end].split()
        if not any(w[:1].isupper() for w in words):
            return False
        if len(words) == 1:
            low = _normalize(words[0])
            rules = _rules()
            if (
                low in rules.titles
                or low in rules.triggers
                or low in rules.org_heads
                or low in rules.loc_heads
            ):
                return False
            if int(word_bands("en").get(low, "0")) >= COMMON_BAND:
                return False
        return True

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
