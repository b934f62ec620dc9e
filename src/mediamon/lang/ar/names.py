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
import unicodedata
from collections.abc import Sequence
from typing import Any

from mediamon import engine
from mediamon.engine import Engine
from mediamon.match.discover import (
    CANDIDATE,
    DEMONYM_TYPE,
    SKIP,
    CrfFinder,
    Rules,
    Token,
    alias_words,
    band_numbers,
    given_names,
    join_key,
    known_aliases,
    lexicon_flags,
    load_rules,
    make_token,
    normalize,
    same_line,
    word_band,
    word_bands,
)
from mediamon.resources import data_path, load_json, string_list
from mediamon.typing import Language

__all__ = ["FINDER", "ArabicNameFinder"]

_WORD = re.compile(r"[^\W_]+|[^\w\s]")
#: Unicode categories of characters outside ``\w`` that the normaliser may delete inside a word.
_MARKS = frozenset({"Mn", "Me", "Cf"})
#: Forms whose normalisation is kept per finder (cleared when full).
FORM_CACHE = 200_000
_NISBA = ("ي", "يه", "يون", "يين", "ين", "ون")
_NISBA_LAST = frozenset(ending[-1] for ending in _NISBA)
_SKELETON = "ar/skeleton.json"
_LONG_VOWELS = frozenset("اويى")
#: The fewest letters a stem keeps when a bare proclitic is cut off.
MIN_STEM = 3
#: A found organisation or place of one word this short (letters), a full stop after or before
#: it, is a letter's name cut out of a spelled abbreviation (``اف. بي. اي``), not a name.
LETTER_NAME_MAX = 2
#: A word this frequent (Zipf band) that no bundled alias holds is never tagged.
FREQUENT_BAND = 5
#: A relative adjective this frequent (Zipf band) is an ordinary adjective, not a family name.
COMMON_NISBA_BAND = 5
#: Long vowels counted by the ``lv`` feature (:func:`long_vowels`); more count as this many.
MAX_LONG_VOWELS = 3
#: The small numbers the ``len`` and ``lv`` features spell (``str(n)``, made once).
_NUMBERS = tuple(str(n) for n in range(max(9, MAX_LONG_VOWELS + 1)))
#: A word this frequent (Zipf band) with the accusative alif after it is a noun, not a name.
ACCUSATIVE_BAND = 4
#: A word this frequent (Zipf band) that no bundled person's alias holds is a function word
#: (``او`` "or", ``لا`` "not"): never inside a person's name.
FUNCTION_BAND = 6


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
    firsts = _clitic_firsts()
    if firsts is not None and word[:1] not in firsts:
        return "", word  # most words: no proclitic starts with their first letter
    _, before_article, lam_article, before_bare = _clitic_lists()
    with_article, with_lam = _clitic_heads()
    if word.startswith(with_article):
        for prefix, head in zip(before_article, with_article, strict=True):
            if word.startswith(head) and len(word) > len(head) + 1:
                return prefix, word[len(prefix) :]
    if word.startswith(with_lam):
        for prefix, head in zip(lam_article, with_lam, strict=True):
            if word.startswith(head) and len(word) > len(head) + 1:
                return prefix, word[len(prefix) :]
    given = given_names("ar")
    if word in given or not word.startswith(before_bare):
        return "", word
    bands = band_numbers("ar")
    for prefix in before_bare:
        rest = word[len(prefix) :]
        if not word.startswith(prefix) or len(rest) < MIN_STEM:
            continue
        if rest in given or bands.get(rest, 0) > bands.get(word, 0):
            return prefix, rest
    return "", word


@functools.cache
def _clitic_heads() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """How a word :func:`split_clitic` cuts starts, by proclitic: each one before the article
    with the article, each one of ``لل`` with its ``ل`` (a word starting with none is looked
    at no further)."""
    article, before_article, lam_article, _ = _clitic_lists()
    return tuple(p + article for p in before_article), tuple(p + "ل" for p in lam_article)


@functools.cache
def _clitic_firsts() -> frozenset[str] | None:
    """The first letters of the starts :func:`split_clitic` looks for (its proclitics and
    their heads): a word starting with another letter keeps its whole form. None when an
    empty start is listed (every word may start with it)."""
    _, _, _, before_bare = _clitic_lists()
    with_article, with_lam = _clitic_heads()
    starts = (*with_article, *with_lam, *before_bare)
    return frozenset(start[:1] for start in starts) if all(starts) else None


@functools.cache
def _bare_firsts() -> frozenset[str]:
    """The first letters of the proclitics before a bare word (``before_bare``), for a test
    that rejects most words at once."""
    return frozenset(clitic[:1] for clitic in _clitic_lists()[3])


def lookup_forms(word: str) -> set[str]:
    """The forms under which a word is looked up in word lists: itself, its stem, and without a proclitic."""
    return _lookup_forms(word, split_clitic(word)[1])


def _lookup_forms(word: str, stem: str) -> set[str]:
    """:func:`lookup_forms` of a word whose :func:`split_clitic` stem is ``stem``."""
    forms = {word, stem}
    bare = _clitic_lists()[3]
    if word[:1] in _bare_firsts() and word.startswith(bare):
        for clitic in bare:
            if word.startswith(clitic) and len(word) - len(clitic) > 1:
                forms.add(word[len(clitic) :])
    return forms


def is_nisba(word: str) -> bool:
    """A relative adjective that describes a name and is not part of it: a demonym (الكيني,
    للكيني) or a frequent adjective of that shape (الاسلامي, الحالي). A rare one (العجيري,
    الدليمي) is a family name and stays."""
    prefix, stem = split_clitic(word)
    article = _clitic_lists()[0]
    if prefix and stem.startswith("ل") and not stem.startswith(article):
        stem = article + stem[1:]  # للكيني: the article's alef assimilated after ل
    if DEMONYM_TYPE in known_aliases("ar").get(stem, ()):
        return True
    return (
        stem.startswith(article)
        and stem.endswith("ي")
        and len(stem) > 4
        and stem not in given_names("ar")
        and word_band("ar", stem) >= COMMON_NISBA_BAND
    )


@functools.cache
def _marks() -> str:
    """The characters the normaliser deletes that may stand inside a word of the original text
    (diacritics, tatweel, joiners: Unicode categories ``_MARKS``)."""
    normalizer = _language().normalizer
    return "".join(
        chr(c)
        for c in range(0x10000)
        if unicodedata.category(chr(c)) in _MARKS and normalizer.normalize(chr(c)) == ""
    )


def long_vowels(bare: str) -> int:
    """How many long-vowel letters (``ا و ي ى``) a word without its article holds after its first
    letter, up to ``MAX_LONG_VOWELS``: a transliterated foreign name spells its vowels out
    (``اينشتاين`` 4, ``فرويد`` 2, ``نيستلروي`` 3), an Arabic word of its length mostly fewer."""
    count = 0
    for letter in bare[1:]:  # a loop over the few letters: cheaper than a count per vowel
        if letter in _LONG_VOWELS:
            count += 1
    return count if count < MAX_LONG_VOWELS else MAX_LONG_VOWELS


def is_accusative(word: str) -> bool:
    """An indefinite noun in the accusative (``موظفا``, ``نموذجا``, ``اجتماعا``): the alif of
    tanwin after a frequent word (Zipf band ``ACCUSATIVE_BAND``) that is more frequent than the
    whole (``دينا``, Dina, is as frequent as ``دين``), and no bundled alias or given name. Such a word after a
    name is the sentence going on (``عمل محفوظ موظفا``), not the family name."""
    if not word.endswith("ا") or len(word) < 4 or word.startswith(_clitic_lists()[0]):
        return False
    bare = word[:-1]
    band = word_band("ar", bare)
    return (
        band >= ACCUSATIVE_BAND
        and band > word_band("ar", word)
        and word not in alias_words("ar")
        and word not in given_names("ar")
        and bare not in given_names("ar")
    )


@functools.cache
def _joiners() -> frozenset[str]:
    """Arabic-only list of ``ar/name_rules.json``: words that chain a person's name to the next
    (``ولد`` "son of" in Mauritanian names), normalised."""
    name = "ar/name_rules.json"
    return frozenset(_normalize(w) for w in string_list(load_json(name), "joiners", source=data_path(name)))


def is_function_word(word: str) -> bool:
    """A word no person's name holds: of Zipf band ``FUNCTION_BAND`` or more, neither a given
    name nor a word of a bundled person's alias (``او``, ``لا``, ``ما``; ``بن``, ``الله``,
    ``عبد`` are in aliases). A tagged person across one is two (``برانسون او بيل غيتس``)."""
    return (
        word_band("ar", word) >= FUNCTION_BAND
        and "PER" not in alias_words("ar").get(word, ())
        and word not in given_names("ar")
    )


#: A word this frequent (Zipf band) or more, no name's word, is a common word (:func:`_common_word`).
COMMON_WORD_BAND = 3


@functools.cache
def _object_pronouns() -> frozenset[str]:
    """Arabic-only list of ``ar/name_rules.json``: ``لي``, ``له`` ... after a verb of saying
    (``قال لي`` "told me"), normalised."""
    name = "ar/name_rules.json"
    data = load_json(name)
    return frozenset(_normalize(w) for w in string_list(data, "object_pronouns", source=data_path(name)))


def _told(before: str, word: str) -> bool:
    """Whether ``word`` is an object pronoun right after ``before``, a verb of saying (a trigger)."""
    return word in _object_pronouns() and before in _rules().triggers


_LAST_TWO = re.compile(r"([^\W\d_]+)\s+([^\W\d_]+)\s*$")


def _after_told(text: str, start: int) -> bool:
    """Whether a verb of saying and its object pronoun stand right before ``start``."""
    found = _LAST_TWO.search(text, max(0, start - 40), start)
    return found is not None and _told(_normalize(found.group(1)), _normalize(found.group(2)))


def _common_word(word: str) -> bool:
    """A frequent word (Zipf band ``COMMON_WORD_BAND``, the article and clitics off) that is
    no given name nor a word of a bundled person's alias: no part of a name by itself."""
    stem = split_clitic(word)[1]
    return (
        max(word_band("ar", word), word_band("ar", stem)) >= COMMON_WORD_BAND
        and word not in given_names("ar")
        and stem not in given_names("ar")
        and "PER" not in alias_words("ar").get(word, frozenset())
    )


def _second_name(token: Token) -> bool:
    """Whether a token inside a tagged person starts a second one: the conjunction ``و`` cut off
    a known given name (``صالح عبد الغفور وبسام``, ``عمرو زكي وعبدالحليم``), the whole no given
    name itself (``وليد``); or a proclitic preposition (``ل``, ``ب``) cut off a known given name
    (``بديلا لناصر مسعود``: a preposition is no part of a name). A word whose rest is a
    frequent word (``وجدي``, ``ويلي``) or starts with the article (``والكين``) stays in the name."""
    form = token.form
    given = given_names("ar")
    if form in given:
        return False
    if form.startswith(_CONJUNCTION) and form[1:] in given:
        return True
    prefix, stem = split_clitic(form)
    return token.name_start > token.start and prefix[-1:] in _PREPOSITIONS and stem in given


#: The proclitic conjunction "and", which starts a second name inside a tagged person (:func:`_second_name`).
_CONJUNCTION = "و"
#: The proclitic prepositions ``ل`` "to, for" and ``ب`` "by, with": a word on one is no part of a name.
_PREPOSITIONS = frozenset("لب")


def split_persons(
    tokens: Sequence[Token], spans: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """(first, last, type) runs with each person cut at its function words (:func:`is_function_word`),
    which are dropped (``ريتشارد برانسون او بيل غيتس او ستيف جوبس`` is three persons), and before a
    given name with the conjunction (:func:`_second_name`), which starts the next one."""
    out: list[tuple[int, int, str]] = []
    for first, last, typ in spans:
        start = first
        if typ == "PER":
            for i in range(first, last + 1):
                if is_function_word(tokens[i].form):
                    if start < i:
                        out.append((start, i - 1, typ))
                    start = i + 1
                elif start < i and _second_name(tokens[i]):
                    out.append((start, i - 1, typ))
                    start = i
        if start <= last:
            out.append((start, last, typ))
    return out


def repeat_persons(
    text: str, tokens: Sequence[Token], spans: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """(first, last, type) runs and, for each person of two words or more, its other
    occurrences in the text that no run covers (the same words, one line each): the tagger
    read the name once and not again (in-text coreference of a discovered name)."""
    names = {
        tuple(t.form for t in tokens[first : last + 1])
        for first, last, typ in spans
        if typ == "PER" and last > first
    }
    if not names:
        return list(spans)
    covered = {i for first, last, _ in spans for i in range(first, last + 1)}
    out = list(spans)
    heads: dict[str, list[tuple[str, ...]]] = {}
    for name in names:
        heads.setdefault(name[0], []).append(name)
    for i, token in enumerate(tokens):
        for name in heads.get(token.form, ()):
            last = i + len(name) - 1
            if (
                last < len(tokens)
                and not covered.intersection(range(i, last + 1))
                and tuple(t.form for t in tokens[i : last + 1]) == name
                and all(same_line(text[tokens[k].end : tokens[k + 1].start]) for k in range(i, last))
            ):
                out.append((i, last, "PER"))
                covered.update(range(i, last + 1))
    return sorted(out)


class ArabicNameFinder(CrfFinder):
    """Arabic names no gazetteer lists, tagged by the CRF model (satisfies ``NameFinder``)."""

    lang = "ar"
    model_name = "ar/names.crfsuite"

    def __init__(self) -> None:
        super().__init__()
        self._forms: dict[str, tuple[str, int] | None] = {}

    def _form(self, written: str) -> tuple[str, int] | None:
        """(normalised word, where a name on it starts in ``written``), ``("", 0)`` for a word the
        normaliser deletes, None when normalising it does not give one word (cached per form)."""
        if written in self._forms:
            return self._forms[written]
        if len(self._forms) >= FORM_CACHE:
            self._forms.clear()
        normalizer = _language().normalizer
        norm = normalizer.normalize
        mapped = normalizer.char_by_char(written)  # most forms: one character for each
        word = norm(written) if mapped is None else mapped
        out: tuple[str, int] | None
        if not word:
            out = ("", 0)
        elif _WORD.fullmatch(word) is None:
            out = None
        else:
            prefix = len(split_clitic(word)[0])
            cut = 0
            if prefix and mapped is not None:
                cut = prefix  # the proclitic's letters are the first ``prefix`` of ``written``
            elif prefix:
                while cut < len(written) and len(norm(written[: cut + 1])) <= prefix:
                    cut += 1
                while cut < len(written) and not norm(written[cut]):
                    cut += 1  # marks of the proclitic's last letter stay with it
            out = (word, cut)
        self._forms[written] = out
        return out

    def tokens(self, text: str) -> list[Token]:
        """The words of ``text``, normalised, at their original offsets.

        Words are found in the original text (letters and digits with the marks the
        normaliser deletes inside them, or one other non-space character; the engine's
        ``marked_words``) and normalised one form at a time (forms repeat, so this is a
        look-up); a text with a form whose normalisation is not one word (a ligature of a
        phrase), or that a context rule of the normaliser changes (a word broken by tatweels,
        وـ ـو, is one word of the normal form), is tokenised on its normalised text instead.
        """
        if _language().normalizer.context_edits(text):
            return self._mapped_tokens(text)
        core, marks = self._scanner
        found = core.marked_words(text, marks, self._forms, self._form, make_token)
        return found if found is not None else self._mapped_tokens(text)

    @functools.cached_property
    def _scanner(self) -> tuple[Engine, Any]:
        """The engine that finds words (the one in use when first needed) and its set of marks."""
        current = engine.current()
        return current, engine.char_set(_marks(), current)

    def _mapped_tokens(self, text: str) -> list[Token]:
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
        prefix, stem = split_clitic(form)
        definite = stem[: len(article)] == article
        bare = stem[len(article) :] if definite and len(stem) > 3 else stem
        feats = {
            "w": form,
            "stem": stem,
            "pre": prefix or "-",
            "p2": bare[:2],
            "s2": stem[-2:],
            "s3": stem[-3:],
        }
        letter = form[0].isalpha()
        if not letter:
            feats["shape"] = "d" if form[0].isdigit() else "p" + form
        else:
            feats["shape"] = "a" if definite else "w"
            size = len(bare)
            feats["len"] = _NUMBERS[size if size < 8 else 8]
        feats.update(lexicon_flags("ar", _lookup_forms(form, stem)))
        if stem[-1:] in _NISBA_LAST and stem.endswith(_NISBA):
            feats["nisba"] = next(s for s in reversed(_NISBA) if stem.endswith(s))
        bands = word_bands("ar")
        feats["zf"] = bands.get(stem) or bands.get(form) or "0"
        if letter:
            feats["lv"] = _NUMBERS[long_vowels(bare)]
        return feats

    def kind(self, form: str) -> int:
        """Not a candidate: a form training saw outside names (the skip list), or a frequent word
        (Zipf band ``FREQUENT_BAND``) that no bundled alias or given name holds."""
        if form in self.skip:
            return SKIP
        stem = split_clitic(form)[1]
        if word_band("ar", stem) >= FREQUENT_BAND and not (
            lookup_forms(form) & alias_words("ar").keys() or stem in given_names("ar")
        ):
            return SKIP
        return CANDIDATE

    def join(
        self, text: str, tokens: Sequence[Token], spans: Sequence[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """The shared joins (:meth:`CrfFinder.join`), then a person chained on through joiners
        (:meth:`chain`), then cut at function words (:func:`split_persons`)."""
        return repeat_persons(
            text, tokens, split_persons(tokens, self.chain(text, tokens, super().join(text, tokens, spans)))
        )

    def chain(
        self, text: str, tokens: Sequence[Token], spans: Sequence[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """(first, last, type) runs with a person run on through a joiner (``ولد``) and the word
        after it, again and again: ``[محمد البشير] ولد المختار`` is one person. The joiner and
        the word after it carry no proclitic and stand on the same line; that word is one a
        name may stand on (not skipped, a letter first: ``فينسنزو ولد عام 1606`` "was born"
        stays) or starts the next tagged person, which the chain takes in; a name of another
        type there ends the chain."""
        joiners = _joiners()
        out: list[tuple[int, int, str]] = []
        k = 0
        while k < len(spans):
            first, last, typ = spans[k]
            k += 1
            while typ == "PER" and last + 2 < len(tokens):
                link, word = tokens[last + 1], tokens[last + 2]
                tagged_next = k < len(spans) and spans[k][0] <= last + 2
                if tagged_next and spans[k][2] != "PER":
                    break  # another name stands there
                if not (
                    link.form in joiners
                    and link.name_start == link.start
                    and word.name_start == word.start
                    and word.form[:1].isalpha()
                    and (tagged_next or self.kind(word.form) != SKIP)
                    and same_line(text[tokens[last].end : link.start])
                    and same_line(text[link.end : word.start])
                ):
                    break
                last += 2
                while k < len(spans) and spans[k][0] <= last and spans[k][2] == "PER":
                    last = max(last, spans[k][1])
                    k += 1
            out.append((first, last, typ))
        return out

    def trim(self, tokens: Sequence[Token], first: int, last: int, entity_type: str) -> tuple[int, int]:
        """A person's name without a relative adjective at either edge (``الكيني بونغي`` -> ``بونغي``)
        nor the object pronoun of a verb of saying before it (``قال لي X``: :func:`_told`)."""
        if entity_type == "PER":
            if first < last and first > 0 and _told(tokens[first - 1].form, tokens[first].form):
                first += 1
            while first < last and is_nisba(tokens[first].form):
                first += 1
            while last > first and (is_nisba(tokens[last].form) or is_accusative(tokens[last].form)):
                last -= 1
        return first, last

    def keep(self, text: str, start: int, end: int, entity_type: str) -> bool:
        """Not a person: one word that is an accusative noun (``ترك ديوانا``), what :meth:`trim`
        cuts off a longer name's end. (A lone relative adjective stays: ``كينيون`` is a
        demonym and a family name.) Not an organisation or place: one word that is a head
        alone (``مجلس`` of ``مجلس الوزراء``), or of at most ``LETTER_NAME_MAX`` letters with a
        full stop after or before it, a letter's name cut out of a spelled abbreviation (``اف.
        بي. اي``; ``شل``, Shell, and ``قم``, Qom, stay). Not a person: common
        words after a verb of saying and its object pronoun (``قال لي بائع`` "a seller told me")."""
        if not super().keep(text, start, end, entity_type):
            return False
        words = _normalize(text[start:end]).split()
        if entity_type == "PER" and _after_told(text, start) and all(_common_word(w) for w in words):
            return False
        if len(words) != 1:
            return True
        if entity_type == "PER":
            return not is_accusative(words[0])
        if words[0] in self.rules.org_heads or words[0] in self.rules.loc_heads:
            return False
        dotted = text[end : end + 1] == "." or text[max(0, start - 2) : start] == ". "
        return not (dotted and len(words[0]) <= LETTER_NAME_MAX)

    def may_contain(self, text: str, start: int, end: int, entity_type: str) -> bool:
        """As :meth:`CrfFinder.may_contain`, and a person too: a tagged Arabic person of more
        words than the places the gazetteer found inside it (``احمد ابو غزة``, ``مايكل بالاك``
        with ``الاك`` after the clitic ``ب``) is the name, the place a word of it."""
        return entity_type == "PER" or super().may_contain(text, start, end, entity_type)

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
