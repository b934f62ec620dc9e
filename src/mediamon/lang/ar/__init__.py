"""Arabic: the normaliser (on camel-tools) and the proclitic rules.

The normaliser folds what Arabic sources disagree on -- diacritics, tatweel, alef
forms, alef maqsura / ya, teh marbuta / heh, hamza seats, Persian look-alike letters,
presentation forms, Arabic-Indic digits, bidi and zero-width controls -- so aliases
and text meet. camel-tools decides which characters are diacritics and how alef, alef
maqsura and teh marbuta fold; the table is built from it once, on first use, and then
applied with ``str.translate``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import Any

from mediamon import engine
from mediamon.cache import cached
from mediamon.lang import scripts
from mediamon.resources import char_map, char_set, data_path, load_json, range_chars, range_class, string_list
from mediamon.text.normalize import ContextRule, TableNormalizer, build_table, hashtag_sign_rule

__all__ = ["LANGUAGE", "Arabic", "ArabicNormalizer"]


@functools.cache
def _letter_ranges() -> tuple[tuple[int, int], ...]:
    """Arabic letters (base letters and presentation forms), from the one script table."""
    return scripts.letter_ranges("arabic")


@functools.cache
def _letter_chars() -> str:
    return range_chars(_letter_ranges())


@functools.cache
def _arabic_run() -> re.Pattern[str]:
    """A run of base Arabic letters (what normalised text holds: no presentation forms)."""
    base = tuple(r for r in _letter_ranges() if r[1] < _PRESENTATION_FORMS)
    return re.compile(f"[{range_class(base)}]+")


_PRESENTATION_FORMS = 0xFB50


@functools.lru_cache(maxsize=65536)
def _arabic_word(key: str) -> bool:
    """Whether a surname key is one run of base Arabic letters (checked once per key, not per text)."""
    return bool(key) and _arabic_run().fullmatch(key) is not None


def _arabic_chars() -> Iterator[str]:
    for first, last in scripts.get("arabic").blocks:
        for code in range(first, last + 1):
            yield chr(code)


@functools.cache
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """The character table and each change's step name, from the cache when it is current."""
    import hashlib
    from importlib.metadata import PackageNotFoundError, version

    try:
        camel = version("camel-tools")
    except PackageNotFoundError:
        camel = "unknown"
    charmap = hashlib.sha256(Path(data_path("ar/charmap.json")).read_bytes()).hexdigest()
    blocks = ",".join(f"{first:X}-{last:X}" for first, last in scripts.get("arabic").blocks)
    key = {"camel-tools": camel, "charmap": charmap, "unicode": unicodedata.unidata_version, "blocks": blocks}
    return cached("ar-table", key, _build_table, encode=list, decode=_decode_table)


def _decode_table(data: Any) -> tuple[dict[str, str], dict[str, str]] | None:
    """A cached (mapping, reasons) pair, or None if the data is not one."""
    if not isinstance(data, list) or len(data) != 2:
        return None
    mapping, reasons = data
    for table in (mapping, reasons):
        if not isinstance(table, dict) or not all(
            isinstance(k, str) and len(k) == 1 and isinstance(v, str) for k, v in table.items()
        ):
            return None
    return mapping, reasons


def _build_table() -> tuple[dict[str, str], dict[str, str]]:
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    name = "ar/charmap.json"
    data = load_json(name)
    source = data_path(name)
    variants = char_map(data, "letter-variants", source=source)
    hamza = char_map(data, "hamza-seat", source=source)
    diacritics = frozenset(char_set(data, "diacritics", source=source))
    tatweel = frozenset(char_set(data, "tatweel", source=source))
    controls = frozenset(char_set(data, "controls", source=source))
    digits = char_map(data, "digits", source=source)
    punctuation = char_map(data, "punctuation", source=source)

    def presentation(c: str) -> str:
        if ("\ufb50" <= c <= "\ufeff" and c != "\ufeff") or "\u0675" <= c <= "\u0678":
            return str(normalize_unicode(c))
        return c

    def delete(chars: frozenset[str]) -> Callable[[str], str]:
        return lambda c: "" if c in chars else c

    steps: list[tuple[str, Callable[[str], str]]] = [
        ("presentation-forms", presentation),
        ("letter-variants", lambda c: variants.get(c, c)),
        ("hamza-seat", lambda c: hamza.get(c, c)),
        ("alef", normalize_alef_ar),
        ("alef-maqsura", normalize_alef_maksura_ar),
        ("teh-marbuta", normalize_teh_marbuta_ar),
        ("diacritics", lambda c: "" if c in diacritics else dediac_ar(c)),
        ("tatweel", delete(tatweel)),
        ("controls", delete(controls)),
        ("digits", lambda c: digits.get(c, c)),
        ("punctuation", lambda c: punctuation.get(c, c)),
    ]
    chars = {*_arabic_chars(), *controls, *digits, *punctuation}
    return build_table(sorted(chars), steps)


@functools.cache
def _hashtag_rule() -> ContextRule:
    """``hashtag-sign`` (signs of ``ar/charmap.json``) before an Arabic letter: ``قطاع #غزة`` ->
    ``قطاع غزة`` (:func:`mediamon.text.normalize.hashtag_sign_rule`)."""
    name = "ar/charmap.json"
    signs = "".join(char_set(load_json(name), "hashtag-sign", source=data_path(name)))
    return hashtag_sign_rule(signs, range_class(_letter_ranges()), _letter_chars(), _table()[0])


@functools.cache
def _broken_word_rule() -> ContextRule:
    """``broken-word``: between two Arabic letters, a run of tatweels and dots (or spaces inside
    it) that holds both, and starts and ends with no space (حمـ.ـاس, حـ.ماس, للقــ ـتال: a word
    broken to hide it), is deleted. Linear: a run is tried once, from the letter before it, and
    its quantifiers are possessive. Every match holds a tatweel (``needs``: a text without one,
    most, is not searched)."""
    name = "ar/charmap.json"
    data = load_json(name)
    source = data_path(name)
    dots = "".join(char_set(data, "broken-word", source=source))
    tatweels = "".join(char_set(data, "tatweel", source=source))
    d, t = re.escape(dots), re.escape(tatweels)
    letter = f"[{range_class(_letter_ranges())}]"
    pattern = f"(?<={letter})(?<![{t}])(?=[{d} ]*+[{t}])(?=[{t}]*+[{d} ])(?! )[{t}{d} ]++(?<! )(?={letter})"
    first = tatweels + dots
    return ContextRule(
        "broken-word",
        pattern,
        lambda m: "",
        trigger=(first, first + " " + _letter_chars()),
        needs=tatweels,
        within=first + " ",
    )


class ArabicNormalizer(TableNormalizer):
    """Arabic normaliser: ``normalize(text)``, ``normalize_with_map(text)``, ``explain(text)``."""

    def __init__(self) -> None:
        mapping, reasons = _table()
        super().__init__("ar", mapping, reasons, (_hashtag_rule(), _broken_word_rule()))


MIN_SURNAME = 4
MAX_CLITIC = 4


def _letterish(char: str) -> bool:
    """A character the pattern ``[^\\W\\d_]`` matches: a letter, or a number other than a decimal digit."""
    return char.isalnum() and not char.isdecimal()


@functools.cache
def _names() -> tuple[frozenset[str], frozenset[str]]:
    name = "ar/names.json"
    data = load_json(name)
    source = data_path(name)
    normalize = ArabicNormalizer().normalize
    return (
        frozenset(normalize(w) for w in string_list(data, "not_surnames", source=source)),
        frozenset(normalize(w) for w in string_list(data, "nasab", source=source)),
    )


@functools.cache
def _clitics() -> tuple[str, frozenset[str], frozenset[str], frozenset[str]]:
    name = "ar/clitics.json"
    data = load_json(name)
    source = data_path(name)
    article = data.get("article")
    if not isinstance(article, str) or not article:
        from mediamon.errors import DataFileError, Msg

        raise DataFileError(Msg.DATA_FILE.format(detail="'article' must be a non-empty string"), path=source)
    return (
        article,
        frozenset(string_list(data, "before_article", source=source, required=True)),
        frozenset(string_list(data, "lam_article", source=source, required=True)),
        frozenset(string_list(data, "before_bare", source=source, required=True)),
    )


@functools.cache
def _split_words() -> tuple[str, ...]:
    """``clitics.json: split_words``: words glued to a name or written apart (نيويورك, نيو يورك)."""
    name = "ar/clitics.json"
    return tuple(string_list(load_json(name), "split_words", source=data_path(name)))


#: Letters a split word must leave after it (نيو + يورك; not نيو + ن)
_SPLIT_REST = 3


class Arabic:
    """Arabic language support (satisfies :class:`mediamon.typing.Language`)."""

    code = "ar"
    name = "Arabic"
    #: Arabic-script names are not matched by transliteration key.
    variants = None

    @functools.cached_property
    def proclitics(self) -> frozenset[str]:
        """Every proclitic chain in the data (before the article, before its lam, before bare names)."""
        _, before_article, lam_article, before_bare = _clitics()
        return before_article | lam_article | before_bare

    @functools.cached_property
    def search_prefixes(self) -> frozenset[str]:
        """The article with every chain that may precede it (``ال``, ``بال``, ``وال`` ...), and
        the assimilated ``لل`` forms (``لل``, ``ولل`` ...): what a search word loses."""
        article, before_article, lam_article, _ = _clitics()
        return frozenset(
            {article} | {p + article for p in before_article} | {p + article[-1] for p in lam_article}
        )

    @functools.cached_property
    def normalizer(self) -> ArabicNormalizer:
        return ArabicNormalizer()

    def owns(self, text: str) -> bool:
        return bool(engine.char_set(_letter_chars()).any_in(text))

    def alias_forms(self, normalized_alias: str) -> Iterator[tuple[str, str]]:
        """The alias itself, and for ``ال...`` names the assimilated ``ل...`` form of ``لل...``;
        an alias glued to a ``split_words`` word (نيويورك) also written apart (نيو يورك)."""
        article = _clitics()[0]
        if normalized_alias.startswith(article) and len(normalized_alias) > len(article) + 1:
            yield normalized_alias, "article"
            yield "ل" + normalized_alias[len(article) :], "lam"
            return
        yield normalized_alias, "bare"
        for word in _split_words():
            rest = normalized_alias[len(word) :]
            if normalized_alias.startswith(word) and len(rest) >= _SPLIT_REST and rest.isalpha():
                yield f"{word} {rest}", "bare"

    def prefix_ok(self, prefix: str, form_how: str) -> bool:
        """Whether the letters before a hit, within its word, are a proclitic chain for it."""
        _, before_article, lam_article, before_bare = _clitics()
        if form_how == "lam":
            return prefix in lam_article
        if not prefix:
            return True
        if form_how == "strict":
            return False
        if form_how == "article":
            return prefix in before_article
        return prefix in before_bare

    # -- surnames -------------------------------------------------------------------
    def surname_key(self, alias: str) -> str | None:
        """The normalised last word of a full-name alias, when it can stand for the person alone."""
        words = self.normalizer.normalize(alias).split()
        not_surnames, nasab = _names()
        if len(words) < 2 or words[-2] in nasab:
            return None
        surname = words[-1]
        if len(surname) < MIN_SURNAME or surname in not_surnames:
            return None
        return surname

    def surname_spans(self, text: str, keys: Collection[str]) -> Iterator[tuple[int, int, str]]:
        """(start, end, key) of words of ``text`` that are a surname, with proclitics allowed.

        A word is a run of Arabic letters with no other letter next to it; it holds a
        surname when, after cutting at most ``MAX_CLITIC`` letters (the fewest that work),
        the rest is a key (or, after ``ل``, a key whose article assimilated), and the cut
        letters are a proclitic that may stand before it. Each key is looked for with
        ``str.find`` and only its occurrences are checked.
        """
        normalized = self.normalizer.normalize_with_map(text)
        norm = normalized.text
        size = len(norm)
        article = _clitics()[0]
        arabic_run = _arabic_run()  # surnames are words of Arabic letters, no other letter beside
        best: dict[int, tuple[int, int, int, str, str]] = {}
        for key in keys:
            if not _arabic_word(key):
                continue
            forms = [(key, 0, "article" if key.startswith(article) else "bare")]
            if key[0] == article[0] and key[1:2] == "ل":
                forms.append((key[1:], 1, "lam"))
            for form, rank, kind in forms:
                pos = norm.find(form)
                while pos >= 0:
                    end = pos + len(form)
                    if end == size or not _letterish(norm[end]):
                        word_start = pos
                        while word_start > 0 and arabic_run.match(norm, word_start - 1, word_start):
                            word_start -= 1
                        cut = pos - word_start
                        fits = cut <= min(MAX_CLITIC, end - word_start - MIN_SURNAME)
                        if (
                            fits
                            and (word_start == 0 or not _letterish(norm[word_start - 1]))
                            and (cut > 0 or rank == 0)
                            and (word_start not in best or (cut, rank) < best[word_start][:2])
                        ):
                            best[word_start] = (cut, rank, end, kind, key)
                    pos = norm.find(form, pos + 1)
        for word_start in sorted(best):
            cut, _, end, kind, key = best[word_start]
            if not cut or self.prefix_ok(norm[word_start : word_start + cut], kind):
                start, stop = normalized.span(word_start + cut, end)
                yield start, stop, key


LANGUAGE = Arabic()
