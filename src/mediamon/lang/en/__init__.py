"""English (and Latin script generally): the normaliser (on unidecode) and transliteration keys.

The normaliser folds case, accents (Erdoğan -> erdogan), ligatures, apostrophes
(Kata’ib -> kataib; a possessive keeps a space so ``Iraq’s`` still holds the word
``iraq``), dashes (al-Kadhimi -> al kadhimi) and dotted capitals (U.S. -> us).

:func:`variant_key` maps a Latin transliteration of an Arabic name to a spelling key,
so Kadhimi/Kadhemi, Qasem/Qassim, Muhammad/Mohamed, Hezbollah/Hizbullah meet while
Hussein and Hassan, Fuad and Fahmi stay apart.
"""

from __future__ import annotations

import functools
import re
import string
import unicodedata
from collections.abc import Callable, Collection, Iterator
from typing import Any

from mediamon import engine as engines
from mediamon.engine import Engine
from mediamon.lang import scripts
from mediamon.resources import char_set, data_path, load_json, range_chars, string_list
from mediamon.text.normalize import ContextRule, TableNormalizer, build_table, hashtag_sign_rule

__all__ = ["LANGUAGE", "English", "EnglishNormalizer", "variant_key"]


@functools.cache
def _latin_letter() -> re.Pattern[str]:
    return re.compile(f"[{scripts.letter_class('latin')}]")


@functools.cache
def _latin_chars() -> str:
    return range_chars(scripts.letter_ranges("latin"))


@functools.cache
def _data() -> dict[str, tuple[str, ...]]:
    name = "en/charmap.json"
    data = load_json(name)
    source = data_path(name)
    out = {
        key: char_set(data, key, source=source)
        for key in (
            "fold",
            "apostrophes",
            "dashes",
            "quotes",
            "spaces",
            "combining",
            "controls",
            "hashtag_signs",
        )
    }
    out["particles"] = string_list(data, "particles", source=source)
    return out


@functools.cache
def _table() -> tuple[dict[str, str], dict[str, str]]:
    from unidecode import unidecode

    data = _data()
    fold = frozenset(data["fold"])
    apostrophes = frozenset(data["apostrophes"])
    dashes = frozenset(data["dashes"])
    quotes = frozenset(data["quotes"])
    spaces = frozenset(data["spaces"])
    combining = frozenset(data["combining"])
    controls = frozenset(data["controls"])

    def nfkc(c: str) -> str:
        return unicodedata.normalize("NFKC", c) if c in fold else c

    def accents(c: str) -> str:
        return str(unidecode(c)) if not c.isascii() and (c in fold or scripts.script_of(c) == "latin") else c

    def to(chars: frozenset[str], out: str) -> Callable[[str], str]:
        return lambda c: out if c in chars else c

    steps: list[tuple[str, Callable[[str], str]]] = [
        ("controls", to(controls, "")),
        ("diacritics", to(combining, "")),
        ("apostrophe", to(apostrophes, "")),
        ("dash", to(dashes, " ")),
        ("quotes", to(quotes, '"')),
        ("spaces", to(spaces, " ")),
        ("nfkc", nfkc),
        ("fold-accents", accents),
        ("lowercase", lambda c: c.lower() if c.isupper() else c),
    ]
    # Latin-script rules fold case in Greek and Cyrillic too (the side takes every non-Arabic script).
    greek_cyrillic = (
        chr(c) for name in ("greek", "cyrillic") for a, b in scripts.get(name).blocks for c in range(a, b + 1)
    )
    chars = {*fold, *apostrophes, *dashes, *quotes, *spaces, *combining, *controls, *greek_cyrillic}
    mapping, reasons = build_table(sorted(chars), steps)
    # A step's output may hold a character an earlier step folds (NFKC of U+0149 is U+02BC + n,
    # and U+02BC is an apostrophe): map to the fixed point, so that normalising is idempotent.
    for char, first in mapping.items():
        out = first
        for _ in range(len(steps)):
            again = "".join(mapping.get(c, c) for c in out)
            if again == out:
                break
            out = again
        mapping[char] = out
    return mapping, reasons


def _after_word(match: re.Match[str]) -> bool:
    start = match.start()
    return start > 0 and (match.string[start - 1].isalnum() or match.string[start - 1] == "_")


def _dotted(match: re.Match[str]) -> str:
    """``U.S.`` -> ``us``; left alone inside a longer word."""
    return match.group() if _after_word(match) else match.group().replace(".", "").lower()


def _possessive(match: re.Match[str]) -> str:
    """The apostrophe of ``Iraq's`` becomes a space; elsewhere it is deleted, as the table does."""
    return " " if _after_word(match) and match.string[match.start() - 1].isalpha() else ""


class EnglishNormalizer(TableNormalizer):
    """Latin-script normaliser: ``normalize(text)``, ``normalize_with_map(text)``, ``explain(text)``."""

    def __init__(self) -> None:
        mapping, reasons = _table()
        apostrophes = re.escape("".join(_data()["apostrophes"]))
        rules = (
            ContextRule(
                "dotted-capitals",
                r"[A-Z]\.(?:[A-Z]\.){1,3}(?![^\W_])",
                _dotted,
                trigger=(string.ascii_uppercase, "."),
                within=string.ascii_uppercase + ".",
            ),
            ContextRule(
                "possessive",
                rf"[{apostrophes}](?=[sS](?![^\W_]))",
                _possessive,
                trigger=("".join(_data()["apostrophes"]), "sS"),
                within="".join(_data()["apostrophes"]),
            ),
            hashtag_sign_rule(
                "".join(_data()["hashtag_signs"]), scripts.letter_class("latin"), _latin_chars(), mapping
            ),
        )
        super().__init__("en", mapping, reasons, rules)


_DIGRAPHS = (
    ("sh", "$"),
    ("ch", "$"),
    ("kh", "x"),
    ("gh", "g"),
    ("dh", "z"),
    ("th", "t"),
    ("ph", "f"),
)
_CONSONANT_MAP = str.maketrans({"q": "k", "c": "k", "v": "f", "p": "b"})
_VOWELS = frozenset("aeiouy")
_VOWEL_CLASS = {"a": "a", "e": "i", "i": "i", "y": "i", "o": "u", "u": "u"}


@functools.lru_cache(maxsize=200_000)
def variant_key(token: str) -> str:
    """A spelling key for one lower-case Latin token of a transliterated Arabic name.

    Digraphs fold to one letter (dh/z for ظ ض ذ, kh, sh, gh, th), q/k meet, doubled
    letters collapse, ``w``/``y`` after a vowel count as vowels; then only the first
    vowel's class (a / i-e / u-o) is kept, the other consonants in order, and the class
    of a final vowel. Kadhimi and Kadhemi give ``kazmi``; Hussein ``husn`` but Hassan
    ``hasn``.
    """
    word = token
    for digraph, letter in _DIGRAPHS:
        word = word.replace(digraph, letter)
    word = word.translate(_CONSONANT_MAP)
    collapsed: list[str] = []
    for char in word:
        if collapsed and collapsed[-1] == char:
            continue
        collapsed.append(char)
    letters: list[tuple[str, bool]] = []
    for i, char in enumerate(collapsed):
        vowel = char in _VOWELS
        if char in "wy" and i > 0 and collapsed[i - 1] in _VOWELS:
            vowel = True
        if char == "y" and i == 0:
            vowel = False
        if char == "h" and i == len(collapsed) - 1 and i > 0 and collapsed[i - 1] in _VOWELS:
            continue
        letters.append((char, vowel))
    out: list[str] = []
    first_vowel_seen = False
    for i, (char, vowel) in enumerate(letters):
        if not vowel:
            out.append(char)
            continue
        previous_vowel = i > 0 and letters[i - 1][1]
        if previous_vowel:
            continue
        if not first_vowel_seen:
            out.append(_VOWEL_CLASS.get(char, "a"))
            first_vowel_seen = True
    if letters and letters[-1][1] and len(letters) > 1:
        run_start = len(letters) - 1
        while run_start > 0 and letters[run_start - 1][1]:
            run_start -= 1
        if run_start > 0:
            last = letters[-1][0]
            out.append(_VOWEL_CLASS.get(last if last not in "wy" else letters[run_start][0], "i"))
    return "".join(out)


# A capitalised Latin word (the material of names): a capital, then letters and digits with
# single inner apostrophes; one that starts inside a word (iPhone) is not one (engine.words).
_CAP_RANGES = ((0x41, 0x5A), (0xC0, 0xDE), (0x100, 0x17F))
_CAP_CHARS = range_chars(_CAP_RANGES)
_CAP_JOINERS = "'’ʼ`"


# What may stand between two words of one name: spaces, a dash, an al-/el- particle.
_NAME_GAP = re.compile(r"(?:[^\S\n]|[-‐‑–])*(?:(?:al|el|ul|Al|El|AL|EL)(?:[^\S\n]|[-‐‑–])+)?")
_PARTICLE_BEFORE = re.compile(r"(?:(?<![^\W_])(?:al|el|ul|Al|El|AL|EL)[\-‐‑– ])$")
_POSSESSIVE = re.compile(r"['’ʼ`][sS]$")
#: A hit's first word and the gap after it
_FIRST_WORD = re.compile(r"([^\W\d_]+)[^\S\n]+")
_POSSESSIVE_ENDINGS = frozenset(a + s for a in "'’ʼ`" for s in "sS")
#: Entity types whose Latin names are transliterations worth matching by spelling key.
VARIANT_TYPES = frozenset({"PER", "ORG"})
VARIANT_MIN_KEY = 5
VARIANT_MIN_KEY_PER = 5
MIN_SURNAME_KEY = 3
WORD_KEYS_CACHE = 200_000


@functools.cache
def _names() -> tuple[frozenset[str], frozenset[str]]:
    name = "en/names.json"
    data = load_json(name)
    source = data_path(name)
    return (
        frozenset(string_list(data, "not_surnames", source=source)),
        frozenset(string_list(data, "nasab", source=source)),
    )


@functools.cache
def _not_name_starts() -> frozenset[str]:
    """Function words a transliteration-variant hit never starts with (``en/names.json``)."""
    name = "en/names.json"
    return frozenset(string_list(load_json(name), "not_name_starts", source=data_path(name)))


def _function_word_start(text: str, start: int, end: int) -> bool:
    """The hit opens with an English function word (``An Arab``), not an assimilated Arabic
    article, whose last letters open the next word (``An Najaf``, ``Ash Shatrah``)."""
    first = _FIRST_WORD.match(text, start, end)
    if first is None or first.group(1).lower() not in _not_name_starts():
        return False
    word, rest = first.group(1).lower(), text[first.end() : end].lower()
    return not rest.startswith(word[1:])


class English:
    """English / Latin-script language support (satisfies :class:`mediamon.typing.Language`)."""

    code = "en"
    name = "English"
    proclitics: frozenset[str] = frozenset()
    search_prefixes: frozenset[str] = frozenset()

    @functools.cached_property
    def normalizer(self) -> EnglishNormalizer:
        return EnglishNormalizer()

    @functools.cached_property
    def particles(self) -> frozenset[str]:
        """Name particles (``al``, ``el``) ignored by transliteration-variant matching."""
        return frozenset(_data()["particles"])

    def owns(self, text: str) -> bool:
        return _latin_letter().search(text) is not None

    def alias_forms(self, normalized_alias: str) -> Iterator[tuple[str, str]]:
        yield normalized_alias, "bare"

    def prefix_ok(self, prefix: str, form_how: str) -> bool:
        return not prefix

    # -- transliteration variants ---------------------------------------------------
    def __init__(self) -> None:
        self._word_keys: dict[str, tuple[str, ...]] = {}
        self._last_words: tuple[str, list[tuple[int, int, str]]] | None = None
        self._cap_sets: dict[str, tuple[Any, Any]] = {}

    @property
    def variants(self) -> English:
        """Latin-script names are matched by transliteration key too (this object does it)."""
        return self

    @property
    def starts(self) -> str:
        """Name runs start at a capitalised word: a text without a capital has no variant hits."""
        return _CAP_CHARS

    def cap_words(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of the capitalised words of ``text``; the last text's are kept.

        The variant pass and the surname pass both walk the same field's capitalised words.
        """
        last = self._last_words
        if last is not None and last[0] is text:
            return last[1]
        words = engines.current().words(text, engines.char_set(_CAP_CHARS), engines.char_set(_CAP_JOINERS))
        self._last_words = (text, words)
        return words

    def word_keys(self, word: str) -> tuple[str, ...]:
        """Variant keys of one written word (``Iraq’s`` gives the key of ``iraq``; particles none)."""
        found = self._word_keys.get(word)
        if found is None:
            if len(self._word_keys) >= WORD_KEYS_CACHE:
                self._word_keys.clear()
            found = self._word_keys[word] = self._compute_word_keys(word)
        return found

    def _compute_word_keys(self, word: str) -> tuple[str, ...]:
        pieces = self.normalizer.normalize(word).split()
        out = []
        for i, piece in enumerate(pieces):
            if (
                piece in self.particles
                or (piece == "s" and i > 0)
                or not piece.isascii()
                or not piece.isalpha()
            ):
                continue
            out.append(variant_key(piece))
        return tuple(out)

    def alias_key(self, normalized_alias: str, entity_type: str) -> str | None:
        """The variant key of an alias, when it is safe to match by key.

        People's and organisations' names are keyed; other names only when they have two
        words or more: one-word place names are too close to ordinary capitalised words
        (``Minister`` would meet ``El Menstir``).
        """
        tokens = normalized_alias.split()
        for token in tokens:  # a loop, not any() over a generator: once per alias of the gazetteer
            if not token.isalpha() or not token.isascii():
                return None
        particles = self.particles
        words = [t for t in tokens if t not in particles]
        if not words or (entity_type not in VARIANT_TYPES and len(words) < 2):
            return None
        key = " ".join(variant_key(w) for w in words)
        if len(words) == 1 and len(key) < (VARIANT_MIN_KEY_PER if entity_type == "PER" else VARIANT_MIN_KEY):
            return None
        return key

    def hits(self, text: str, table: Any, engine: Engine) -> list[tuple[int, int, int]]:
        """(start, end, value) of ``table``'s keys over the runs of capitalised words of ``text``.

        A run is capitalised words with keys, one space, a dash or an ``al-`` particle
        between them; a hit starts at its first word (an ``al-`` before it taken in) and
        ends at its last word, a possessive ending left out.
        """
        sets = self._cap_sets.get(engine.NAME)
        if sets is None:  # the engine's two character sets, looked up once per engine
            sets = self._cap_sets[engine.NAME] = (
                engines.char_set(_CAP_CHARS, engine),
                engines.char_set(_CAP_JOINERS, engine),
            )
        found: list[tuple[int, int, int]] = engine.name_hits(
            table,
            text,
            *sets,
            self._word_keys,
            self.word_keys,
            _NAME_GAP.fullmatch,
            _POSSESSIVE_ENDINGS,
        )
        if not found:
            return found
        return [
            (self.name_start(text, start), end, value)
            for start, end, value in found
            if not _function_word_start(text, start, end)
        ]

    def name_start(self, text: str, start: int) -> int:
        """Where a name found at ``start`` begins, taking in an ``al-`` or ``el-`` before it."""
        particle = _PARTICLE_BEFORE.search(text, max(0, start - 3), start)
        return particle.start() if particle else start

    # -- surnames -------------------------------------------------------------------
    def surname_key(self, alias: str) -> str | None:
        """The key under which a full-name alias's surname is found alone, if it has one."""
        words = alias.replace("-", " ").split()
        not_surnames, nasab = _names()
        if len(words) < 2 or words[-2].lower() in nasab:
            return None
        keys = self.word_keys(words[-1])
        if len(keys) != 1 or len(keys[0]) < MIN_SURNAME_KEY:
            return None
        if self.normalizer.normalize(words[-1]) in not_surnames:
            return None
        return keys[0]

    def surname_spans(self, text: str, keys: Collection[str]) -> Iterator[tuple[int, int, str]]:
        """(start, end, key) of capitalised words of ``text`` whose key is one of ``keys``."""
        for start, end, word in self.cap_words(text):
            found = self.word_keys(word)
            if len(found) != 1 or found[0] not in keys:
                continue
            name_end = end - 2 if _POSSESSIVE.search(word) else end
            yield self.name_start(text, start), name_end, found[0]


LANGUAGE = English()
