"""Arabic side of name discovery: tokens with their proclitics, features, keys.

Words are taken from the normalised text (so spelling variants share features) and
mapped back to original offsets. A word that starts with a proclitic chain before the
article (``وال``, ``بال``), or the assimilated ``لل``, or ``و`` before a known given
name, has the proclitic cut off where a name on it starts, as gazetteer matching does.
The model (``data/ar/names.crfsuite``) is trained on NewsFANE (CC BY-SA 3.0, Alotaibi
& Lee 2014) by ``tools/names/train.py``; see docs/models.md.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from mediamon.match.discover import (
    CrfFinder,
    Rules,
    Token,
    given_names,
    join_key,
    lexicon_flags,
    load_rules,
    normalize,
    word_bands,
)
from mediamon.resources import data_path, load_json, string_list
from mediamon.typing import Language

__all__ = ["FINDER", "ArabicNameFinder"]

_WORD = re.compile(r"[^\W_]+|[^\w\s]")
_NISBA = ("ي", "يه", "يون", "يين", "ين", "ون")
_SKELETON = "ar/skeleton.json"
_LONG_VOWELS = frozenset("اويى")
#: The fewest letters a stem keeps when a bare proclitic is cut off.
MIN_STEM = 3


@functools.cache
def _language() -> Language:
    from mediamon import lang

    return lang.get("ar")


def _normalize(text: str) -> str:
    return normalize("ar", text)


def _rules() -> Rules:
    return load_rules("ar")


@functools.cache
def _skeleton_map() -> dict[str, str]:
    data = load_json(_SKELETON)
    letters = data.get("letters")
    if not isinstance(letters, dict):
        from mediamon.errors import DataFileError, Msg

        raise DataFileError(
            Msg.DATA_FILE.format(detail="'letters' must be an object"), path=data_path(_SKELETON)
        )
    return {str(k): str(v) for k, v in letters.items()}


@functools.cache
def _clitic_lists() -> tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    name = "ar/clitics.json"
    data = load_json(name)
    source = data_path(name)
    by_length = functools.partial(sorted, key=len, reverse=True)
    return (
        str(data.get("article", "ال")),
        tuple(by_length(string_list(data, "before_article", source=source, required=True))),
        tuple(by_length(string_list(data, "lam_article", source=source, required=True))),
        tuple(by_length(string_list(data, "before_bare", source=source, required=True))),
    )


@functools.lru_cache(maxsize=100_000)
def split_clitic(word: str) -> tuple[str, str]:
    """(proclitic, stem) of a normalised word; the proclitic is ``""`` unless it is safe to cut.

    Before the article (``وال``, ``بال``) and as ``لل`` a proclitic is certain; before a
    bare word it is cut when the rest is a known given name or a more frequent word
    than the whole (``وتايوان``, ``بطوكيو``), not when the whole is itself a name
    (``وليد``, ``فيصل``).
    """
    article, before_article, lam_article, before_bare = _clitic_lists()
    for prefix in before_article:
        if word.startswith(prefix + article) and len(word) > len(prefix) + len(article) + 1:
            return prefix, word[len(prefix) :]
    for prefix in lam_article:
        if word.startswith(prefix + "ل") and len(word) > len(prefix) + 2:
            return prefix, word[len(prefix) :]
    given = given_names("ar")
    if word in given:
        return "", word
    bands = word_bands("ar")
    for prefix in before_bare:
        rest = word[len(prefix) :]
        if not word.startswith(prefix) or len(rest) < MIN_STEM:
            continue
        if rest in given or int(bands.get(rest, "0")) > int(bands.get(word, "0")):
            return prefix, rest
    return "", word


def lookup_forms(word: str) -> set[str]:
    """The forms under which a word is looked up in word lists: itself, its stem, and without a proclitic."""
    stem = split_clitic(word)[1]
    forms = {word, stem}
    for clitic in _clitic_lists()[3]:
        if word.startswith(clitic) and len(word) - len(clitic) > 1:
            forms.add(word[len(clitic) :])
    return forms


def is_nisba(word: str) -> bool:
    """A relative adjective with the article (الكيني, الاذري): it describes a name, it is not part of it."""
    article = _clitic_lists()[0]
    return word.startswith(article) and word.endswith("ي") and len(word) > 4 and word not in given_names("ar")


class ArabicNameFinder(CrfFinder):
    """Arabic names no gazetteer lists, tagged by the CRF model (satisfies ``NameFinder``)."""

    lang = "ar"
    model_name = "ar/names.crfsuite"

    def tokens(self, text: str) -> list[Token]:
        normalized = _language().normalizer.normalize_with_map(text)
        norm = normalized.text
        out = []
        for match in _WORD.finditer(norm):
            start, end = normalized.span(match.start(), match.end())
            word = match.group()
            prefix, _ = split_clitic(word)
            name_start = normalized.span(match.start() + len(prefix), match.end())[0] if prefix else start
            out.append(Token(start, end, name_start, word))
        return out

    def word_features(self, form: str) -> dict[str, str]:
        article = _clitic_lists()[0]
        word = form
        prefix, stem = split_clitic(word)
        bare = stem[len(article) :] if stem.startswith(article) and len(stem) > 3 else stem
        feats = {
            "w": word,
            "stem": stem,
            "pre": prefix or "-",
            "p2": bare[:2],
            "s2": stem[-2:],
            "s3": stem[-3:],
        }
        if not word[0].isalpha():
            feats["shape"] = "d" if word[0].isdigit() else "p" + word
        else:
            feats["shape"] = "a" if stem.startswith(article) else "w"
            feats["len"] = str(min(len(bare), 8))
        feats.update(lexicon_flags("ar", lookup_forms(word)))
        if stem.endswith(_NISBA):
            feats["nisba"] = next(s for s in reversed(_NISBA) if stem.endswith(s))
        bands = word_bands("ar")
        feats["zf"] = bands.get(stem) or bands.get(word) or "0"
        return feats

    def trim(self, tokens: Sequence[Token], first: int, last: int, entity_type: str) -> tuple[int, int]:
        """A person's name without a relative adjective at either edge (``الكيني بونغي`` -> ``بونغي``)."""
        if entity_type == "PER":
            while first < last and is_nisba(tokens[first].form):
                first += 1
            while last > first and is_nisba(tokens[last].form):
                last -= 1
        return first, last

    def name_key(self, name: str) -> str:
        """The normalised name, words joined by ``-`` (``مقتدى الصدر`` -> ``مقتدي-الصدر``)."""
        return join_key(_normalize(name).split())

    def skeleton(self, name: str) -> str:
        """Consonants in Latin letters, long vowels and the article dropped (``جاكوب زوما`` -> ``jkb zm``)."""
        letters = _skeleton_map()
        article = _clitic_lists()[0]
        words = []
        for written in _normalize(name).split():
            word = (
                written[len(article) :]
                if written.startswith(article) and len(written) > len(article) + 1
                else written
            )
            if word.endswith("ه") and len(word) > 2:
                word = word[:-1]  # teh marbuta, silent in transliteration
            head = letters.get(word[0], "") if word[0] in "وي" else ""
            body = word[1:] if head else word
            words.append(_collapse(head + "".join(letters.get(c, "") for c in body if c not in _LONG_VOWELS)))
        return " ".join(w for w in words if w)


def _collapse(skel: str) -> str:
    out: list[str] = []
    for char in skel:
        if not out or out[-1] != char:
            out.append(char)
    return "".join(out)


FINDER = ArabicNameFinder()
