"""Language identification of news paragraphs and articles.

The writing system decides most cases, fast and exactly: letters are counted per script
(:mod:`mediamon.lang.scripts`, one table for the whole package; the engine's
``script_tally``) and the majority script chosen. Only where a script is shared does
anything slower run. A script's common languages are recognised first by their function
words (English and French in Latin script, Hindi in Devanagari; the engine's
``word_tally``); the rest is left to langdetect's model: other Latin-script languages,
Persian/Urdu against Arabic, and languages sharing Devanagari or Cyrillic. On long text it
answers; on a short Latin sentence only when it is confident and the sentence has
lower-case words (dates, bylines and names alone stay "und": on them langdetect answers
de/et/ro/so).

langdetect's model is its installed profile files, read on first use in a fixed order (the
candidate languages only) into one matrix; the engine scores a text the way langdetect does
(``nb_grams``, ``nb_trials``: the same n-grams, the same seeded trials and random draws), so
the answer is langdetect's own with seed ``nb_seed``, the same in every run and process, at
C speed (langdetect's Python loop was most of the command's language-ID time). Detection
never raises on any text (a broken langdetect installation is a DataFileError).
"""

from __future__ import annotations

import array
import functools
import itertools
import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any, NoReturn

import attrs

from mediamon import engine
from mediamon.errors import DataFileError, Msg
from mediamon.lang import scripts
from mediamon.resources import data_path, load_json, string_list

__all__ = ["SETTINGS", "UNDETERMINED", "LangIdSettings", "ScriptCounts", "detect_language", "script_counts"]

UNDETERMINED = "und"


@attrs.frozen
class LangIdSettings:
    """The thresholds of :func:`detect_language` (letters are counted per script)."""

    min_letters: int = 3  # fewer letters than this: "und" whatever the script
    latin_langdetect_min: int = 60  # letters before langdetect may choose a Latin-script language
    script_langdetect_min: int = 40  # ... a language among those sharing another script
    other_langdetect_min: int = 10  # ... a language written in a script listed nowhere
    function_word_share: float = 0.10  # share of words that are a language's function words ...
    # ... or, for a language whose list leaves out its most frequent words (French: 'de', 'la',
    # 'les', 'et' are shared with its neighbours), a lower share.
    function_word_shares: Mapping[str, float] = attrs.field(factory=lambda: {"fr": 0.05})
    word_window: int = 5000  # characters looked at for function words
    runner_up_min_share: float = 0.25  # of weighted letters, for a second script to speak for short text
    over_latin_share: float = 0.40  # ... for a non-Latin script to speak before Latin (names, translations)
    short_min_lower_words: int = 3  # lower-case words a short Latin sentence needs for langdetect
    short_min_probability: float = 0.90  # langdetect's probability for its answer on a short sentence
    # langdetect's model as langdetect runs it (its defaults, so the answers are its own):
    nb_seed: int = attrs.field(default=0, validator=[attrs.validators.ge(0), attrs.validators.lt(2**32)])
    nb_trials: int = 7  # trials, each from equal probabilities, averaged
    nb_alpha: float = 0.5  # smoothing added to each n-gram probability (/ nb_base_freq) ...
    nb_alpha_width: float = 0.05  # ... varied per trial by this times a seeded normal draw
    nb_iteration_limit: int = 1000  # n-grams drawn per trial at most
    nb_converged: float = 0.99999  # a trial stops when one language's probability passes this
    nb_base_freq: float = 10000.0
    nb_min_probability: float = 0.1  # an answer must be more probable than this
    nb_max_text: int = 10000  # characters scored


SETTINGS = LangIdSettings()

# Links, e-mail addresses, @handles and #hashtags say little about a post's language
# (Hindi and Hebrew posts carry English hashtags; a URL can outweigh a short post).
# An e-mail address starts only where a run of non-spaces starts, and its local part cannot
# back off: each run is scanned a bounded number of times (``\S+@\S+`` was quadratic).
_LINKS = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)[^\s@]++@[^\s@]*\.\w+", re.IGNORECASE)
_TAGS = re.compile(r"[@#][\w\u200c\u200d]+")
_WORD = re.compile(r"[^\W\d_]+")

# The fields of ScriptCounts; letters of other listed scripts count under ``other`` there.
_FIELDS = ("arabic", "latin", "hebrew", "cyrillic", "greek", "devanagari", "cjk")
_SCRIPTS = (*_FIELDS, "other")


@attrs.frozen
class ScriptCounts:
    """Letters of a text counted by script (digits, punctuation and optional marks such
    as Arabic and Hebrew vowel points not counted; Devanagari vowel signs counted).

    A summary of :func:`mediamon.lang.scripts.letter_counts`: ``cjk`` is Hangul, kana and
    Han together; ``other`` holds every script without a field here (Thai, Georgian ...)."""

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


def script_counts(text: str) -> ScriptCounts:
    """Count the letters of ``text`` by script, in one pass of the engine."""
    fields = dict.fromkeys(_SCRIPTS, 0)
    members = {script: group for group, names in scripts.groups().items() for script in names}
    for script, n in scripts.letter_counts(text).items():
        name = members.get(script, script)
        fields[name if name in fields else "other"] += n
    return ScriptCounts(**fields)


def detect_language(text: str) -> str:
    """ISO 639-1 code, or "und" when unknown (no letters, too short to tell)."""
    maybe_link = "://" in text or "@" in text or "www." in text.lower()  # cheaper than the regex
    clean = _LINKS.sub(" ", text) if maybe_link else text
    untagged = _TAGS.sub(" ", clean) if "#" in clean or "@" in clean else clean
    counts = scripts.letter_counts(untagged)
    if sum(counts.values()) >= SETTINGS.min_letters:
        clean = untagged
    else:  # hashtags may be all there is; their words are still words
        clean = clean.replace("#", " ").replace("@", " ")
        counts = scripts.letter_counts(clean)
    if sum(counts.values()) < SETTINGS.min_letters:
        return UNDETERMINED
    data = _language_data()
    units = _units(counts, data)
    _, top, top_letters = units[0]
    total_weight = sum(weight for weight, _, _ in units)
    runner_up = units[1] if len(units) > 1 else None
    if runner_up is not None and runner_up[2] >= SETTINGS.min_letters:
        share = runner_up[0] / total_weight
        if top == "latin" and share >= SETTINGS.runner_up_min_share:
            # A post in another script with Latin names, tags or a translation: with >= 40 %
            # of the weighted letters that script speaks first; with less, the Latin part
            # speaks first if it has English or French words. A detector runs last.
            other = functools.partial(_unit_language, runner_up[1], clean, runner_up[2], counts, data)
            first, second = (
                (other, functools.partial(_function_word_language, "latin", clean, data))
                if share >= SETTINGS.over_latin_share
                else (functools.partial(_function_word_language, "latin", clean, data), other)
            )
            for decide in (first, second):
                lang = decide() or UNDETERMINED
                if lang != UNDETERMINED:
                    return lang
            return _latin_language(clean, top_letters, data, words_checked=True)
        lang = _unit_language(top, clean, top_letters, counts, data)
        if lang == UNDETERMINED and share >= SETTINGS.runner_up_min_share:
            # A short line whose majority script says nothing: its other script speaks.
            lang = _unit_language(runner_up[1], clean, runner_up[2], counts, data)
        return lang
    return _unit_language(top, clean, top_letters, counts, data)


def _units(counts: Mapping[str, int], data: _LanguageData) -> list[tuple[float, str, int]]:
    """(weighted letters, script or group, letters) of each script or script group present,
    heaviest first; ties go to the one listed first in the table."""
    letters: dict[str, int] = {}
    for script, n in counts.items():
        unit = data.group_of.get(script, script)
        letters[unit] = letters.get(unit, 0) + n
    units = [(n * data.letter_weights.get(unit, 1.0), unit, n) for unit, n in letters.items()]
    units.sort(key=lambda unit: (-unit[0], data.order[unit[1]]))
    return units


def _unit_language(unit: str, text: str, letters: int, counts: Mapping[str, int], data: _LanguageData) -> str:
    """The language of ``text`` taken as written in script (or script group) ``unit``."""
    if unit in data.groups:  # CJK: Hangul means Korean, else kana Japanese, else Chinese
        script = next(name for name in data.groups[unit] if counts.get(name))
        return data.defaults.get(script, UNDETERMINED)
    if unit == "latin":
        return _latin_language(text, letters, data)
    if unit == scripts.OTHER:
        found = _langdetect(text, None) if letters >= SETTINGS.other_langdetect_min else None
        return found or UNDETERMINED
    fast = _function_word_language(unit, text, data)
    if fast is not None:
        return fast
    default = data.defaults.get(unit, UNDETERMINED)
    if unit == "arabic":
        if letters >= SETTINGS.script_langdetect_min and data.non_arabic_letters.search(text):
            return _langdetect(text, data.candidates["arabic"]) or default
        return default
    if unit in data.candidates and letters >= SETTINGS.script_langdetect_min:
        return _langdetect(text, data.candidates[unit]) or default
    return default


def _function_word_language(script: str, text: str, data: _LanguageData) -> str | None:
    """Of ``script``'s listed languages whose function words make up enough of the words of
    ``text`` (its first ``word_window`` characters), the one with the most (the first listed
    on a tie); None if there is none.

    In a script with case, the share is taken of the lower-case words: capitalised names and
    headline words say nothing about the language, so they do not dilute the evidence."""
    languages = data.function_words.get(script)
    if not languages:
        return None
    core = engine.current()
    letters = engine.char_set(data.letters[script], core)
    words, lower, hits = core.word_tally(
        text, SETTINGS.word_window, letters, data.vocabularies[script], len(languages)
    )
    if not words:
        return None
    words_counted = lower or words
    best, best_hits = None, 0
    for (code, _), found in zip(languages, hits, strict=True):
        share = SETTINGS.function_word_shares.get(code, SETTINGS.function_word_share)
        if found > best_hits and found >= share * words_counted:
            best, best_hits = code, found
    return best


def _latin_language(text: str, letters: int, data: _LanguageData, *, words_checked: bool = False) -> str:
    """English or French by their function words (unless ``words_checked``: already done);
    other languages by langdetect on long text, or on a short sentence when it is confident."""
    fast = None if words_checked else _function_word_language("latin", text, data)
    if fast is not None:
        return fast
    if letters >= SETTINGS.latin_langdetect_min:
        return _langdetect(text, data.candidates.get("latin")) or UNDETERMINED
    lower_words = sum(1 for word in _WORD.findall(text) if word[0].islower())
    if lower_words >= SETTINGS.short_min_lower_words:
        return _langdetect(text, data.candidates.get("latin"), SETTINGS.short_min_probability) or UNDETERMINED
    return UNDETERMINED


# --- language data ---------------------------------------------------------------------------


@attrs.frozen
class _LanguageData:
    defaults: Mapping[str, str]
    candidates: Mapping[str, tuple[str, ...]]
    non_arabic_letters: re.Pattern[str]
    letter_weights: Mapping[str, float]
    # Per script, its languages recognised by function words, in order; its letters (the
    # characters of its words); each function word -> bit mask of those languages' positions.
    function_words: Mapping[str, tuple[tuple[str, frozenset[str]], ...]]
    letters: Mapping[str, str]
    vocabularies: Mapping[str, dict[str, int]]
    groups: Mapping[str, tuple[str, ...]]
    group_of: Mapping[str, str]
    order: Mapping[str, int]  # script or group -> tie-breaking rank


_CODE = re.compile(r"[a-z]{2}")


@functools.cache
def _language_data() -> _LanguageData:
    """Load and check ``data/scripts.json`` and the ``data/<code>/function_words.json`` it names."""
    source = data_path("scripts.json")
    raw = load_json("scripts.json")
    names = scripts.names()
    groups = scripts.groups()
    group_of = {script: group for group, members in groups.items() for script in members}
    units = [group_of.get(name, name) for name in names]
    order = {unit: rank for rank, unit in reversed(list(enumerate([*units, scripts.OTHER])))}
    defaults = _code_map(raw, "defaults", set(names), source)
    candidates_raw = raw.get("candidates", {})
    if not isinstance(candidates_raw, dict):
        _bad(source, "'candidates' must be an object")
    candidates: dict[str, tuple[str, ...]] = {}
    for script in candidates_raw:
        if script not in names or script in group_of:
            _bad(source, f"'candidates': unknown script {script!r}")
        codes = string_list(candidates_raw, script, source=source, required=True)
        for code in codes:
            _check_code(code, source)
        candidates[script] = codes
    weights = raw.get("letter_weights", {})
    if not isinstance(weights, dict) or not all(
        name in order and isinstance(value, int | float) and value > 0 for name, value in weights.items()
    ):
        _bad(source, "'letter_weights' must map script names to positive numbers")
    letters = raw.get("arabic_non_arabic_letters")
    if not isinstance(letters, str) or not letters:
        _bad(source, "'arabic_non_arabic_letters' must be a non-empty string")
    listed = raw.get("function_words", {})
    if not isinstance(listed, dict) or not all(script in names for script in listed):
        _bad(source, "'function_words' must map script names to lists of language codes")
    function_words: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {}
    for script in listed:
        codes = string_list(listed, script, source=source, required=True)
        function_words[script] = tuple((code, _function_words(code, script)) for code in codes)
    return _LanguageData(
        defaults=defaults,
        candidates=candidates,
        non_arabic_letters=re.compile(f"[{re.escape(letters)}]"),
        letter_weights={name: float(value) for name, value in weights.items()},
        function_words=function_words,
        letters={script: _letters(script) for script in function_words},
        vocabularies={script: _vocabulary(languages) for script, languages in function_words.items()},
        groups=groups,
        group_of=group_of,
        order=order,
    )


def _letters(script: str) -> str:
    """Every letter of ``script``, in code-point order."""
    return "".join(
        chr(code) for first, last in scripts.letter_ranges(script) for code in range(first, last + 1)
    )


def _vocabulary(languages: tuple[tuple[str, frozenset[str]], ...]) -> dict[str, int]:
    """Each function word of ``languages`` -> the bit mask of the positions of its languages."""
    masks: dict[str, int] = {}
    for position, (_, words) in enumerate(languages):
        for word in words:
            masks[word] = masks.get(word, 0) | 1 << position
    return masks


def _function_words(code: str, script: str) -> frozenset[str]:
    """``data/<code>/function_words.json``: lower-case words of letters of ``script``."""
    _check_code(code, data_path("scripts.json"))
    name = f"{code}/function_words.json"
    words = string_list(load_json(name), "words", source=data_path(name), required=True)
    for word in words:
        if word != word.lower() or any(scripts.script_of(char) != script for char in word):
            _bad(data_path(name), f"'words': {word!r} is not a lower-case word in {script} script")
    return frozenset(words)


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


# --- langdetect's model, scored by the engine ----------------------------------------------


@attrs.frozen
class _Profiles:
    """langdetect's profiles of some languages as one matrix: ``index`` maps an n-gram (one to
    three characters) to its row, ``probs`` holds per row each language's probability of
    the n-gram among the n-grams of its length (row-major, one column per language)."""

    languages: tuple[str, ...]
    index: dict[str, int]
    probs: array.array[float]


@functools.cache
def _profiles(candidates: tuple[str, ...] | None) -> _Profiles:
    """langdetect's installed profiles of ``candidates`` (all when None), in name order, as
    langdetect orders them when loaded that way (the order breaks ties). Fewer profiles
    load and score faster: the work per sampled n-gram is proportional to the languages."""
    folder = resources.files("langdetect").joinpath("profiles")
    names = sorted(entry.name for entry in folder.iterdir() if not entry.name.startswith("."))
    if candidates is not None:
        names = [name for name in names if name.split("-", maxsplit=1)[0] in candidates]
    loaded = []
    for name in names:
        try:
            raw = json.loads(folder.joinpath(name).read_text(encoding="utf-8"))
            freq, totals = raw["freq"], [int(n) for n in raw["n_words"]]
            if not isinstance(freq, dict) or len(totals) != 3 or min(totals) <= 0:
                raise TypeError("'freq' must be an object and 'n_words' three positive counts")
            loaded.append((str(raw["name"]), freq, totals, name))
        except (OSError, ValueError, KeyError, TypeError, OverflowError) as exc:
            _bad(str(folder.joinpath(name)), f"not a langdetect profile ({exc})")
    index = dict.fromkeys(itertools.chain.from_iterable(freq for _, freq, _, _ in loaded), 0)
    index.update(zip(index, range(len(index)), strict=True))  # rows in first-seen order
    width = len(loaded)
    probs = array.array("d", bytes(8 * width * len(index)))
    core = engine.current()
    for column, (_, freq, totals, name) in enumerate(loaded):
        try:  # a count that is not a number (or too big for a float) is found here
            core.nb_column(probs, width, column, index, freq, totals)
        except (TypeError, OverflowError) as exc:
            _bad(str(folder.joinpath(name)), f"not a langdetect profile ({exc})")
    return _Profiles(languages=tuple(lang for lang, _, _, _ in loaded), index=index, probs=probs)


class _Normalized(dict[int, str]):
    """langdetect's per-character normalisation as a ``str.translate`` table, filled on use."""

    def __missing__(self, code: int) -> str:
        from langdetect.utils.ngram import NGram

        value = str(NGram.normalize(chr(code)))
        self[code] = value
        return value


_NORMALIZED = _Normalized()
_SPACES = re.compile(" {2,}")
_ASCII_LETTERISH = re.compile("[A-z]")  # langdetect's test for Latin, [ \ ] ^ _ ` included
_FROM_COMBINING = re.compile("[\u0300-\U0010ffff]")


@functools.cache
def _ld_patterns() -> tuple[re.Pattern[str], re.Pattern[str], Any]:
    from langdetect.detector import Detector
    from langdetect.utils.ngram import NGram

    return Detector.URL_RE, Detector.MAIL_RE, NGram.normalize_vi


def _ld_text(text: str) -> str:
    """The text langdetect scores: links, addresses cut; Vietnamese marks composed; its first
    ``nb_max_text`` characters, runs of spaces as one; Latin letters dropped from text mostly
    in other scripts (counted as langdetect counts: every character from U+0300 is non-Latin);
    each character normalised."""
    url, mail, normalize_vi = _ld_patterns()
    text = normalize_vi(mail.sub(" ", url.sub(" ", text)))
    text = _SPACES.sub(" ", text[: SETTINGS.nb_max_text])
    if len(_ASCII_LETTERISH.findall(text)) * 2 < len(_FROM_COMBINING.findall(text)):
        text = _ASCII_LETTERISH.sub("", text)
    return text.translate(_NORMALIZED)


def _nb_probabilities(
    text: str, candidates: tuple[str, ...] | None
) -> tuple[tuple[str, ...], list[float]] | None:
    """langdetect's languages (of ``candidates``; all when None) and their probabilities for
    ``text``, as langdetect computes them with seed ``nb_seed`` (its model, its trials, the
    same random draws), by the engine's ``nb_grams`` and ``nb_trials``; None when the text
    has none of the model's n-grams."""
    profiles = _profiles(candidates)
    core = engine.current()
    rows = core.nb_grams(_ld_text(text), profiles.index)
    if not rows:
        return None  # langdetect: "No features in text"
    s = SETTINGS
    found = core.nb_trials(
        profiles.probs,
        len(profiles.languages),
        rows,
        s.nb_seed,
        s.nb_trials,
        s.nb_alpha,
        s.nb_alpha_width,
        s.nb_iteration_limit,
        s.nb_converged,
        s.nb_base_freq,
    )
    return profiles.languages, found


def _langdetect(text: str, candidates: tuple[str, ...] | None, min_probability: float = 0.0) -> str | None:
    """langdetect's best language for ``text`` among ``candidates`` (all its languages when
    None), or None when it finds nothing to go on or its probability is not above
    ``nb_min_probability`` or is below ``min_probability``."""
    scored = _nb_probabilities(text, candidates)
    if scored is None:
        return None
    best, best_prob = None, SETTINGS.nb_min_probability
    for lang, prob in zip(*scored, strict=True):
        if prob > best_prob:  # the first of equals, as langdetect's stable sort
            best, best_prob = lang, prob
    if best is None or best_prob < min_probability:
        return None
    return best.split("-", maxsplit=1)[0]  # zh-cn, zh-tw -> zh
