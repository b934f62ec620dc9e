"""Language identification of news paragraphs and articles.

The writing system decides most cases, fast and exactly: letters are counted per
script and the majority script chosen. Only where a script is shared does anything
slower run: English is recognised by its function words; other Latin-script
languages, Persian/Urdu against Arabic, and languages sharing Devanagari or Cyrillic
are left to langdetect, and only for text long enough for it to be reliable (on short
lines such as dates and bylines it answers de/et/ro/so). langdetect is loaded on first
use, with its profiles read in a fixed order and a fixed seed, so answers are the same
in every run and process; it never raises out of here.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from importlib import resources
from typing import Any, NoReturn

import attrs

from mediamon.errors import DataFileError, Msg
from mediamon.resources import data_path, load_json, string_list

__all__ = ["UNDETERMINED", "ScriptCounts", "detect_language", "script_counts"]

UNDETERMINED = "und"

_MIN_LETTERS = 3  # fewer letters than this: "und" whatever the script
_LATIN_LANGDETECT_MIN = 60  # letters before langdetect may choose a Latin-script language
_SCRIPT_LANGDETECT_MIN = 40  # ... a language among those sharing another script
_OTHER_LANGDETECT_MIN = 10  # ... a language written in a script listed nowhere here
_EN_MIN_SHARE = 0.10  # share of words that are English function words, for "en"
_RUNNER_UP_MIN_SHARE = 0.25  # of weighted letters, for a second script to speak for short text
_WORD_WINDOW = 5000  # characters looked at for function words

# Unicode blocks of each script; only the letters in them are counted.
_BLOCKS: dict[str, tuple[tuple[int, int], ...]] = {
    "arabic": (
        (0x0600, 0x06FF),
        (0x0750, 0x077F),
        (0x0870, 0x08FF),
        (0xFB50, 0xFDFF),
        (0xFE70, 0xFEFF),
    ),
    "latin": (
        (0x0041, 0x005A),
        (0x0061, 0x007A),
        (0x00AA, 0x00AA),
        (0x00BA, 0x00BA),
        (0x00C0, 0x02AF),
        (0x1D00, 0x1DBF),
        (0x1E00, 0x1EFF),
        (0x2C60, 0x2C7F),
        (0xA720, 0xA7FF),
        (0xAB30, 0xAB6F),
        (0xFB00, 0xFB06),
        (0xFF21, 0xFF3A),
        (0xFF41, 0xFF5A),
    ),
    "hebrew": ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
    "cyrillic": ((0x0400, 0x052F), (0x1C80, 0x1C8F), (0xA640, 0xA69F)),
    "greek": ((0x0370, 0x03FF), (0x1F00, 0x1FFF)),
    "devanagari": ((0x0900, 0x097F), (0xA8E0, 0xA8FF)),
    "cjk": (
        (0x1100, 0x11FF),
        (0x2E80, 0x2FDF),
        (0x3040, 0x31FF),
        (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF),
        (0xA960, 0xA97F),
        (0xAC00, 0xD7FF),
        (0xF900, 0xFAFF),
        (0xFF66, 0xFFDC),
        (0x20000, 0x3134F),
    ),
}
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff]")
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
# Scripts whose vowel signs (combining marks) are counted with their letters: without
# them a Devanagari word counts half the letters of its Latin transliteration.
_WITH_VOWEL_SIGNS = frozenset({"devanagari"})
# Numerals that ``\w`` matches but that are not letters.
_NUMERALS = "\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u209f\u2150-\u218f\u2460-\u24ff"
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
# Links, e-mail addresses, @handles and #hashtags say little about a post's language
# (Hindi and Hebrew posts carry English hashtags; a URL can outweigh a short post).
# An e-mail address starts only where a run of non-spaces starts, and its local part cannot
# back off: each run is scanned a bounded number of times (``\S+@\S+`` was quadratic).
_LINKS = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)[^\s@]++@[^\s@]*\.\w+", re.IGNORECASE)
_TAGS = re.compile(r"[@#][\w\u200c\u200d]+")
_LATIN_WORD = re.compile(r"[a-z\u00e0-\u024f]+")


@attrs.frozen
class ScriptCounts:
    """Letters of a text counted by script (digits, punctuation and optional marks such
    as Arabic and Hebrew vowel points not counted; Devanagari vowel signs counted)."""

    arabic: int
    latin: int
    other: int
    hebrew: int = 0
    cyrillic: int = 0
    greek: int = 0
    devanagari: int = 0
    cjk: int = 0

    @property
    def total(self) -> int:
        """All letters."""
        return sum(getattr(self, name) for name in _SCRIPTS)


_SCRIPTS = ("arabic", "latin", "hebrew", "cyrillic", "greek", "devanagari", "cjk", "other")


def script_counts(text: str) -> ScriptCounts:
    """Count the letters of ``text`` by script, with a few C-level regex passes."""
    if text.isascii():
        raw = text.encode("ascii")
        return ScriptCounts(arabic=0, latin=len(raw.translate(None, _ASCII_NON_LETTERS)), other=0)
    highest = ord(max(text))
    patterns, other = _script_patterns()
    counts = {
        name: sum(map(len, pattern.findall(text))) if lowest <= highest else 0
        for name, (lowest, pattern) in patterns.items()
    }
    return ScriptCounts(other=sum(map(len, other.findall(text))), **counts)


@functools.cache
def _script_patterns() -> tuple[dict[str, tuple[int, re.Pattern[str]]], re.Pattern[str]]:
    """Per script, its lowest code point and a regex matching runs of its letters; and a
    regex matching runs of letters of no listed script.

    Built on first use from the blocks, keeping the code points that are letters
    (``str.isalpha``), so digits, punctuation and marks in a block are left out.
    """
    patterns = {}
    for name, blocks in _BLOCKS.items():
        ranges: list[tuple[int, int]] = []
        for first, last in blocks:
            for code in range(first, last + 1):
                char = chr(code)
                if (
                    code > 0xFFFF  # CJK extensions: ideographs or unassigned
                    or char.isalpha()
                    or (name in _WITH_VOWEL_SIGNS and unicodedata.category(char) in ("Mn", "Mc"))
                ):
                    if ranges and ranges[-1][1] == code - 1:
                        ranges[-1] = (ranges[-1][0], code)
                    else:
                        ranges.append((code, code))
        patterns[name] = (blocks[0][0], re.compile(f"[{_char_class(ranges)}]+"))
    listed = _char_class([block for blocks in _BLOCKS.values() for block in blocks])
    other = re.compile(f"[^\\W\\d_{_NUMERALS}{listed}]+")
    return patterns, other


def _char_class(ranges: list[tuple[int, int]]) -> str:
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )


def detect_language(text: str) -> str:
    """ISO 639-1 code, or "und" when unknown (no letters, too short to tell)."""
    clean = _LINKS.sub(" ", text)
    untagged = _TAGS.sub(" ", clean)
    counts = script_counts(untagged)
    if counts.total >= _MIN_LETTERS:
        clean = untagged
    else:  # hashtags may be all there is; their words are still words
        clean = clean.replace("#", " ").replace("@", " ")
        counts = script_counts(clean)
    if counts.total < _MIN_LETTERS:
        return UNDETERMINED
    data = _language_data()
    weighted = sorted(
        ((getattr(counts, name) * data.letter_weights.get(name, 1.0), name) for name in _SCRIPTS),
        key=lambda pair: -pair[0],  # stable: ties go to the first script in _SCRIPTS
    )
    lang = _script_language(weighted[0][1], clean, counts, data)
    runner_up_weight, runner_up = weighted[1]
    total_weight = sum(weight for weight, _ in weighted)
    if (
        lang == UNDETERMINED
        and getattr(counts, runner_up) >= _MIN_LETTERS
        and runner_up_weight >= _RUNNER_UP_MIN_SHARE * total_weight
    ):
        # Latin names and tags in a short Hindi or Arabic line: the line's other script speaks.
        lang = _script_language(runner_up, clean, counts, data)
    return lang


def _script_language(script: str, text: str, counts: ScriptCounts, data: _LanguageData) -> str:
    """The language of ``text`` taken as written in ``script``."""
    letters: int = getattr(counts, script)
    if script == "latin":
        return _latin_language(text, letters, data)
    if script == "arabic":
        if letters >= _SCRIPT_LANGDETECT_MIN and data.non_arabic_letters.search(text):
            return _langdetect(text, data.candidates["arabic"]) or data.defaults["arabic"]
        return data.defaults["arabic"]
    if script == "cjk":
        if _HANGUL.search(text):
            return data.cjk["hangul"]
        return data.cjk["kana"] if _KANA.search(text) else data.cjk["han"]
    if script == "other":
        found = _langdetect(text, None) if letters >= _OTHER_LANGDETECT_MIN else None
        return found or UNDETERMINED
    default = data.defaults.get(script, UNDETERMINED)
    if script in data.candidates and letters >= _SCRIPT_LANGDETECT_MIN:
        return _langdetect(text, data.candidates[script]) or default
    return default


def _latin_language(text: str, letters: int, data: _LanguageData) -> str:
    """English by its function words; other languages by langdetect on long text."""
    words = _LATIN_WORD.findall(text[:_WORD_WINDOW].lower())
    hits = sum(1 for word in words if word in data.english_words)
    if hits and hits >= _EN_MIN_SHARE * len(words):
        return "en"
    if letters >= _LATIN_LANGDETECT_MIN:
        return _langdetect(text, None) or UNDETERMINED
    return UNDETERMINED


# --- language data ---------------------------------------------------------------------------


@attrs.frozen
class _LanguageData:
    defaults: Mapping[str, str]
    candidates: Mapping[str, tuple[str, ...]]
    non_arabic_letters: re.Pattern[str]
    cjk: Mapping[str, str]
    letter_weights: Mapping[str, float]
    english_words: frozenset[str]


_CODE = re.compile(r"[a-z]{2}")


@functools.cache
def _language_data() -> _LanguageData:
    """Load and check ``data/scripts.json`` and ``data/en/function_words.json``."""
    source = data_path("scripts.json")
    raw = load_json("scripts.json")
    defaults = _code_map(raw, "defaults", set(_SCRIPTS), source)
    cjk = _code_map(raw, "cjk", {"hangul", "kana", "han"}, source)
    if set(cjk) != {"hangul", "kana", "han"}:
        _bad(source, "'cjk' must name the languages for 'hangul', 'kana' and 'han'")
    candidates_raw = raw.get("candidates", {})
    if not isinstance(candidates_raw, dict):
        _bad(source, "'candidates' must be an object")
    candidates: dict[str, tuple[str, ...]] = {}
    for script in candidates_raw:
        if script not in _SCRIPTS:
            _bad(source, f"'candidates': unknown script {script!r}")
        codes = string_list(candidates_raw, script, source=source, required=True)
        for code in codes:
            _check_code(code, source)
        candidates[script] = codes
    weights = raw.get("letter_weights", {})
    if not isinstance(weights, dict) or not all(
        name in _SCRIPTS and isinstance(value, int | float) and value > 0 for name, value in weights.items()
    ):
        _bad(source, "'letter_weights' must map script names to positive numbers")
    letters = raw.get("arabic_non_arabic_letters")
    if not isinstance(letters, str) or not letters:
        _bad(source, "'arabic_non_arabic_letters' must be a non-empty string")
    words_source = data_path("en/function_words.json")
    words = string_list(load_json("en/function_words.json"), "words", source=words_source, required=True)
    if not all(word.isascii() and word.isalpha() and word.islower() for word in words):
        _bad(words_source, "'words' must be lower-case ASCII words")
    return _LanguageData(
        defaults=defaults,
        candidates=candidates,
        non_arabic_letters=re.compile(f"[{re.escape(letters)}]"),
        cjk=cjk,
        letter_weights={name: float(value) for name, value in weights.items()},
        english_words=frozenset(words),
    )


def _code_map(raw: Mapping[str, Any], key: str, allowed: set[str], source: str) -> dict[str, str]:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        _bad(source, f"{key!r} must be an object")
    for name, code in value.items():
        if name not in allowed:
            _bad(source, f"{key!r}: unknown key {name!r}")
        if not isinstance(code, str):
            _bad(source, f"{key!r}: {name!r} must be a language code")
        _check_code(code, source)
    return dict(value)


def _check_code(code: str, source: str) -> None:
    if not _CODE.fullmatch(code):
        _bad(source, f"{code!r} is not an ISO 639-1 language code")


def _bad(source: str, detail: str) -> NoReturn:
    raise DataFileError(Msg.DATA_FILE.format(detail=detail), path=source)


# --- langdetect ------------------------------------------------------------------------------


@functools.cache
def _factory() -> Any:
    """A langdetect DetectorFactory of our own (the module-level one and its global
    seed stay untouched), with profiles loaded in name order and seed 0."""
    from langdetect.detector_factory import DetectorFactory

    profiles = resources.files("langdetect").joinpath("profiles")
    names = sorted(entry.name for entry in profiles.iterdir() if not entry.name.startswith("."))
    factory = DetectorFactory()
    factory.load_json_profile([profiles.joinpath(name).read_text(encoding="utf-8") for name in names])
    factory.seed = 0
    return factory


def _langdetect(text: str, candidates: tuple[str, ...] | None) -> str | None:
    """langdetect's best language for ``text`` (among ``candidates`` if given), or None
    when it finds nothing to go on."""
    from langdetect.lang_detect_exception import LangDetectException

    factory = _factory()
    try:
        detector = factory.create()
        if candidates:
            known = set(factory.get_lang_list())
            detector.set_prior_map({code: 1.0 for code in candidates if code in known})
        detector.append(text)
        found = detector.get_probabilities()
    except LangDetectException:
        return None  # "No features in text" and the like
    except Exception:  # a third-party heuristic failing means "no answer", never a crash
        return None
    if not found:
        return None
    lang = str(found[0].lang)
    return lang.split("-", maxsplit=1)[0]  # zh-cn, zh-tw -> zh
