"""English (Latin-script) side of name discovery: tokens, features, keys.

Tokens keep their case (capitalisation is the strongest cue in English); lexicon
features compare the normalised, lower-cased form. A possessive ``'s`` is its own
token, so ``Trump's`` gives the name ``Trump``. The model (``data/en/names.crfsuite``)
is trained on GUM's openly licensed genres and its English dev news by ``tools/names/train.py``; see
docs/models.md.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from mediamon import engine
from mediamon.engine import Engine
from mediamon.match.discover import (
    CANDIDATE,
    DEMONYM_TYPE,
    JOINER,
    SKIP,
    WORD_CACHE,
    CrfFinder,
    Rules,
    Token,
    alias_words,
    finder_given_names,
    join_key,
    known_aliases,
    lexicon_flags,
    load_rules,
    make_token,
    normalize,
    same_line,
    shape,
    word_band,
    word_bands,
)
from mediamon.match.support import compound_heads
from mediamon.model import Mention
from mediamon.resources import data_path, load_json, string_list
from mediamon.typing import Language

__all__ = ["FINDER", "EnglishNameFinder"]

#: ``Mention.how`` of a gazetteer match by a spelling variant (``match/compile.py``).
_VARIANT = "variant"
#: A one-word English find this frequent (Zipf band) is an ordinary word, not a new name.
COMMON_BAND = 5
#: A lower-case word this frequent (Zipf band) hyphened to the last word of an organisation or
#: place is a modifier, not part of the name (Scientology-related, Hamas-led, Iran-backed).
MODIFIER_BAND = 4
#: A headline: a line whose long words (this many letters) are mostly capitalised (this share, this many).
HEADLINE_MIN_LETTERS = 4
HEADLINE_SHARE = 0.9
HEADLINE_WORDS = 3
#: A capitalised word before a verb of saying is taken for a person only when rarer than this Zipf band.
SPEECH_MAX_BAND = 4
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


#: Token form -> (its normalised form, whether that is a generic word): :func:`person_runs`
#: asks this of every capitalised token of every text (bounded like the finders' word caches).
_FORMS: dict[str, tuple[str, bool]] = {}


def _form(form: str) -> tuple[str, bool]:
    """A token form's normalised form and whether it is :func:`_generic` (cached per form)."""
    found = _FORMS.get(form)
    if found is None:
        if len(_FORMS) >= WORD_CACHE:
            _FORMS.clear()
        low = _normalize(form)
        found = _FORMS[form] = (low, _generic(low))
    return found


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


def _capital_run(text: str, tokens: Sequence[Token], first: int, covered: set[int]) -> int:
    """The last token of the run of untagged capitalised words from ``first``, spaces between."""
    last = first
    while (
        last + 1 < len(tokens)
        and tokens[last + 1].form[:1].isupper()
        and last + 1 not in covered
        and same_line(text[tokens[last].end : tokens[last + 1].start])
    ):
        last += 1
    return last


@functools.cache
def _predicates() -> tuple[frozenset[str], tuple[str, ...]]:
    """English-only lists of ``en/name_rules.json``: auxiliaries and past-tense endings after a person."""
    name = "en/name_rules.json"
    data = load_json(name)
    words = string_list(data, "predicates", source=data_path(name), required=True)
    endings = string_list(data, "predicate_endings", source=data_path(name), required=True)
    return frozenset(words), endings


def _verb_after(tokens: Sequence[Token], i: int) -> str:
    """The word after token ``i``, or the one after that when it is an adverb (``Memon also
    said``: a lower-case word ending in ``-ly`` or one of ``adverbs``)."""
    word = tokens[i + 1].form
    if i + 2 < len(tokens) and word.islower() and (word in _listed("adverbs") or word.endswith("ly")):
        return tokens[i + 2].form
    return word


@functools.cache
def _listed(key: str) -> frozenset[str]:
    """An English-only word list of ``en/name_rules.json`` (required), as written: ``adverbs``
    stand between a name and its verb (``Memon also said``); after one of the ``determiners``
    a capitalised word alone is a modifier (``the Brazilian team``), not a person;
    ``state_forms`` end a state's name (``Korea Republic``), never a person's; ``styles`` are
    the titles that belong to the name (``Lady Cassandra``, ``Saint Paul``); ``place_cues`` and
    ``coordinators`` keep a discovered place (:func:`place_cue`)."""
    name = "en/name_rules.json"
    return frozenset(string_list(load_json(name), key, source=data_path(name), required=True))


def _before_predicate(verb: str, low: str) -> bool:
    """Whether a capitalised word (normalised ``low``) alone before ``verb`` is taken for a person:
    before a verb of saying when rarer than Zipf band ``SPEECH_MAX_BAND``, before an auxiliary
    or a past tense (``contacted``) when in no frequency list (``Iodine released``, ``Tasmania
    was`` are ordinary words); never a word of a bundled place or organisation."""
    if alias_words("en").get(low, frozenset()) & {"LOC", "ORG", "MEDIA"}:
        return False
    band = word_band("en", low)
    if verb in _rules().speech:
        return band < SPEECH_MAX_BAND
    words, endings = _predicates()
    return band == 0 and verb.islower() and (verb in words or verb.endswith(endings))


def _capitals(tokens: Sequence[Token]) -> list[int]:
    """Indexes of the tokens that start with a capital letter."""
    return [k for k, t in enumerate(tokens) if t[3][:1].isupper()]  # t[3]: the form


def person_runs(
    text: str,
    tokens: Sequence[Token],
    spans: Sequence[tuple[int, int, str]],
    capitals: Sequence[int] | None = None,
) -> list[tuple[int, int, str]]:
    """``spans`` with the persons the tagger missed where the words around say so:

    - a run of capitalised words after a title word (``Professor Eastman``, ``Captain Harry Kane``;
      not after a lower-case role noun, :func:`after_role`: ``captain Harry Kane``);
    - a rare capitalised word alone (untagged, or tagged a place or organisation by itself) just
      before a verb of saying (``Rathbun wrote``, ``Whitmore stated``), or a word that no
      frequency list holds before a verb in the past or an auxiliary (``Montalvo contacted``,
      ``Montalvo was``), unless it is a word of a bundled place or organisation (``Google said``).
    """
    rules = _rules()
    covered = {i for first, last, _ in spans for i in range(first, last + 1)}
    alone = {first: typ for first, last, typ in spans if first == last}
    out = list(spans)
    retyped: set[int] = set()
    size = len(tokens)
    following = 0  # the first token not yet read (a run after a title reads several)
    for i in _capitals(tokens) if capitals is None else capitals:
        if i < following:
            continue
        token = tokens[i]
        low, generic = _form(token.form)
        if i not in covered:
            before = tokens[i - 1] if i > 0 else None
            if (
                before is not None
                and same_line(text[before.end : token.start])
                and _form(before.form)[0] in rules.titles
                and not role_noun(before.form)
                and not generic
            ):
                last = _capital_run(text, tokens, i, covered)
                out.append((i, last, "PER"))
                following = last + 1
                continue
        if (
            i + 1 < size
            and token.form.isalpha()
            and (i not in covered or alone.get(i) in {"LOC", "ORG"})
            and (i == 0 or not tokens[i - 1].form[:1].isalnum() or tokens[i - 1].form.islower())
            and not generic
            and _before_predicate(_verb_after(tokens, i), low)
        ):
            if i in covered:
                retyped.add(i)
            else:
                out.append((i, i, "PER"))
    if retyped:
        out = [(a, b, "PER" if a == b and a in retyped else t) for a, b, t in out]
    return sorted(out)


#: A role noun before a name (:func:`role_noun`) has this many letters or more and is of at
#: most this Zipf band (``member``, ``musician``; ``after``, ``other`` are function words).
ROLE_MIN_LETTERS = 5
ROLE_MAX_BAND = 5


@functools.cache
def _role_endings() -> tuple[str, ...]:
    """The ``role_endings`` of ``en/name_rules.json`` (``-er``, ``-ist``, ``-ian``: agent nouns)."""
    return tuple(sorted(_listed("role_endings")))


@functools.cache
def _function_words() -> frozenset[str]:
    """English function words (``en/function_words.json``: ``after``, ``under``): no role noun."""
    name = "en/function_words.json"
    return frozenset(string_list(load_json(name), "words", source=data_path(name), required=True))


@functools.lru_cache(maxsize=20_000)
def role_noun(form: str) -> bool:
    """Whether a token is a lower-case role noun that may stand before a person's name: a title
    (``captain``, ``minister``) or an agent noun, ending in one of ``role_endings``, of
    ``ROLE_MIN_LETTERS`` letters or more and Zipf band ``ROLE_MAX_BAND`` or less, neither a
    function word nor an adverb (``member``, ``musician``, ``co-founder``; not ``after``,
    ``under``, ``later``). The tagger's ``role`` feature (:meth:`EnglishNameFinder.context`)."""
    if not form.islower() or not form.replace("-", "").isalpha():
        return False
    if form in _rules().titles:
        return True
    return (
        len(form) >= ROLE_MIN_LETTERS
        and form.endswith(_role_endings())
        and word_band("en", form) <= ROLE_MAX_BAND
        and form not in _function_words()
        and form not in _listed("adverbs")
    )


def after_role(text: str, tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` stands right after a lower-case role noun on its line (:func:`role_noun`:
    ``musician Tiziano Lugli``): the tagger weighed the ``role`` feature there, so the rules
    after tagging add no person it left out."""
    return i > 0 and role_noun(tokens[i - 1].form) and same_line(text[tokens[i - 1].end : tokens[i].start])


#: A rare word (Zipf band at most this) may be a given name before a person (``Dries Mertens``)
#: or the given name of two rare words alone (``Lydia Buchtmann``); persons' words are rare.
RARE_BAND = 3
#: A known given name alone, no capitalised word either side, is a person up to this Zipf band
#: (``Twitter gave Mohamed the option``; not ``Mark``, band 5).
GIVEN_ALONE_BAND = 4


def _capital(form: str) -> bool:
    """A capitalised word of letters written as a name is (at most two capitals: ``McCain``,
    not ``IStandWithAhmed`` nor an acronym)."""
    return form[:1].isupper() and form.isalpha() and sum(c.isupper() for c in form) <= 2 and len(form) > 1


#: Token form -> (:func:`_capital` and not generic, also no word of a bundled place or
#: organisation: a person's word by itself, its Zipf band): what :func:`word_runs` asks of
#: every capitalised token (bounded like :data:`_FORMS`).
_INFO: dict[str, tuple[bool, bool, int]] = {}


def _info(form: str) -> tuple[bool, bool, int]:
    """A form's :data:`_INFO` entry (cached per form)."""
    found = _INFO.get(form)
    if found is None:
        if len(_INFO) >= WORD_CACHE:
            _INFO.clear()
        low, generic = _form(form)
        plain = _capital(form) and not generic
        own = plain and not alias_words("en").get(low, frozenset()) & {"LOC", "ORG", "MEDIA"}
        found = _INFO[form] = (plain, own, word_band("en", low))
    return found


def _touches(text: str, tokens: Sequence[Token], i: int, j: int) -> bool:
    """Whether token ``j`` is a capitalised word or a number next to token ``i`` on its line."""
    if not 0 <= j < len(tokens) or not tokens[j].form[:1].isalnum() or tokens[j].form.islower():
        return False
    a, b = (i, j) if i < j else (j, i)
    return same_line(text[tokens[a].end : tokens[b].start])


def word_runs(
    text: str,
    tokens: Sequence[Token],
    spans: Sequence[tuple[int, int, str]],
    skip: frozenset[str],
    capitals: Sequence[int] | None = None,
) -> list[tuple[int, int, str]]:
    """``spans`` (after :func:`person_runs`) mended from the words around them:

    - a person grows by an untagged capitalised word just before it, on its line, that is a
      known given name or rare (``Dries Mertens``, the tagger had ``Mertens``), not a skip-list
      or generic word, or a style (``Lady Cassandra``: :func:`_listed`);
    - a run after an untagged ``<head> of [the]`` is, with it, an organisation (``Church of
      Scientology``, the tagger had ``Scientology``; ``University of Sheffield``, a place),
      and an organisation that starts with a head word grows over the untagged
      capitalised words before it (``U.S. Environmental Protection Agency``);
    - an organisation ending in a head word and two rare capitalised words is that
      organisation and a person (``Refugee Council Enver Solomon``);
    - two untagged rare name words alone, the first a given name or rare, the second in no
      frequency list, are a person (``Lydia Buchtmann``), and so is one word alone that is in
      no frequency list (``with Devocht``) or a known given name of Zipf band
      ``GIVEN_ALONE_BAND`` or less (``Twitter gave Mohamed the option``);
    - an unscored run (``X``) of two or more capitalised words starting with a known given
      name, none of them generic, is a person (``the Tom Cruise video``; not ``George
      Washington Bridge``).

    ``capitals``: the indexes of the capitalised tokens, when the caller has them.
    """
    if capitals is None:
        capitals = _capitals(tokens)
    covered = {i for first, last, _ in spans for i in range(first, last + 1)}
    out: list[tuple[int, int, str]] = []
    for span in spans:
        mended = _mend(text, tokens, span, covered, skip)
        out += mended
        covered.update(i for first, last, _ in mended for i in range(first, last + 1))
    given = finder_given_names("en")
    for i in capitals:
        if i in covered or _touches(text, tokens, i, i - 1) or after_role(text, tokens, i):
            continue
        _, own, band = _info(tokens[i].form)
        if not own:
            continue
        if not _touches(text, tokens, i, i + 1):
            if (band == 0 or (band <= GIVEN_ALONE_BAND and _form(tokens[i].form)[0] in given)) and not (
                i > 0 and tokens[i - 1].form in _listed("determiners")
            ):
                out.append((i, i, "PER"))
            continue
        j = i + 1
        _, second, second_band = _info(tokens[j].form)
        if (
            second
            and second_band == 0
            and j not in covered
            and (band <= RARE_BAND or _form(tokens[i].form)[0] in given)
            and not _touches(text, tokens, j, j + 1)
        ):
            out.append((i, j, "PER"))
            covered.update((i, j))
    return sorted(out)


def _mend(
    text: str, tokens: Sequence[Token], span: tuple[int, int, str], covered: set[int], skip: frozenset[str]
) -> list[tuple[int, int, str]]:
    """One tagged run as :func:`word_runs` mends it (one run, or an organisation and a person)."""
    first, last, typ = span
    heads = _rules().org_heads
    head = _head_of(text, tokens, first, covered, heads)
    if head < first:
        first, typ = head, "ORG"
    elif typ == "PER" and first > 0 and first - 1 not in covered:
        word = tokens[first - 1].form
        low = _form(word)[0]
        if same_line(text[tokens[first - 1].end : tokens[first].start]) and (
            (word[:1].isupper() and low in _listed("styles"))
            or (
                _info(word)[0]
                and word not in skip
                and (low in finder_given_names("en") or word_band("en", low) <= RARE_BAND)
            )
        ):
            first -= 1
    elif typ == "ORG":
        first = _words_before_head(text, tokens, first, covered, heads, skip)
    if typ == "ORG" and last - first >= 2 and _form(tokens[last - 2].form)[0] in heads:
        rest = (tokens[last - 1].form, tokens[last].form)
        if all(_info(w)[0] and _info(w)[2] <= RARE_BAND for w in rest):
            return [(first, last - 2, "ORG"), (last - 1, last, "PER")]
    if (
        typ == "X"
        and last > first
        and _form(tokens[first].form)[0] in finder_given_names("en")
        and all(tokens[i].form[:1].isupper() and not _form(tokens[i].form)[1] for i in range(first, last + 1))
    ):
        typ = "PER"
    return [(first, last, typ)]


def _head_of(text: str, tokens: Sequence[Token], first: int, covered: set[int], heads: frozenset[str]) -> int:
    """The untagged head word before ``<head> of [the]`` and a name from ``first``
    (``Church of Scientology``), on one line, or ``first`` when there is none."""
    k = first - 1
    if k > 0 and tokens[k].form == "the":
        k -= 1
    head = k - 1
    if not (head >= 0 and tokens[k].form == "of" and head not in covered and tokens[head].form[:1].isupper()):
        return first
    if _form(tokens[head].form)[0] not in heads:
        return first
    if all(same_line(text[tokens[n].end : tokens[n + 1].start]) for n in range(head, first)):
        return head
    return first


def _words_before_head(
    text: str,
    tokens: Sequence[Token],
    first: int,
    covered: set[int],
    heads: frozenset[str],
    skip: frozenset[str],
) -> int:
    """Where an organisation starting with a head word starts: over the untagged capitalised
    words before it on its line, not skip-list words (``The``)."""
    if _form(tokens[first].form)[0] not in heads:
        return first
    while (
        first > 0
        and first - 1 not in covered
        and tokens[first - 1].form[:1].isupper()
        and tokens[first - 1].form not in skip
        and same_line(text[tokens[first - 1].end : tokens[first].start])
    ):
        first -= 1
    return first


#: A date word before a name is written out, this many letters or more (``Monday``, not ``Sun``).
DATE_WORD_LETTERS = 5


@functools.cache
def _date_words() -> frozenset[str]:
    """The one-word relative dates and weekdays of ``en/dates.json``, written out
    (``yesterday``, ``monday``; not ``Sun``, a surname, nor the months, given names too:
    ``May``, ``June``)."""
    name = "en/dates.json"
    data = load_json(name)
    words = [*string_list(data, "relative", source=data_path(name), required=True), *data["weekdays"]]
    return frozenset(w for w in words if w.isalpha() and len(w) >= DATE_WORD_LETTERS)


def date_lead(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i``, the first of a person, is a date word before the name
    (``Yesterday Mohamed received``, ``Monday Obama said``): :func:`_date_words`."""
    return _form(tokens[i].form)[0] in _date_words()


#: A head word ends a compound (``Wikinews``, ``Chinatown``) when it has this many letters or
#: more and this many letters or more stand before it.
COMPOUND_HEAD_LETTERS = 4
COMPOUND_LEAD_LETTERS = 3


def _head_compound(low: str) -> str:
    """``ORG`` or ``LOC`` when the one word ``low`` is a compound ending in an organisation or
    place head (``Wikinews``, ``Chinatown``: no person of GUM's 1,545 has such a word), else ``""``."""
    rules = _rules()
    for heads, typ in ((rules.org_heads, "ORG"), (rules.loc_heads, "LOC")):
        for head in heads:
            if (
                len(head) >= COMPOUND_HEAD_LETTERS
                and len(low) >= len(head) + COMPOUND_LEAD_LETTERS
                and low.endswith(head)
            ):
                return typ
    return ""


def _acronym(form: str) -> bool:
    """An acronym of two capitals or more (``VR``, ``LA``), not a roman numeral (``VIII``)."""
    return len(form) > 1 and form.isupper() and form.isalpha() and not _ROMAN.fullmatch(form)


def _acronym_end(words: Sequence[str]) -> bool:
    """Whether a name of two words or more ends in an acronym and holds no given name nor a
    word of a bundled person's alias: a product or an organisation (``Arkham VR``), not a person
    (``Daniel Bernoulli FRS`` is one)."""
    if len(words) < 2 or not _acronym(words[-1]):
        return False
    return not any(_person_word(_form(w)[0]) for w in words)


def _person_word(low: str) -> bool:
    """Whether a word (lower case) is a given name or a word of a bundled person's alias."""
    return low in finder_given_names("en") or "PER" in alias_words("en").get(low, frozenset())


#: Roman numerals a person's name ends in (``Henry VIII``): capitals that are no acronym.
_ROMAN = re.compile(r"[IVX]+")


def not_person(tokens: Sequence[Token], first: int, last: int) -> str:
    """The type a tagged person of two words or more has instead, or ``""``: a place when its
    last word is a state form (``Korea Republic``: :func:`_listed`), an organisation
    when one of its words is an acronym of a bundled place or organisation (``LA Weekly``,
    ``BBC Radio``; not a roman numeral, ``Henry VIII``), its other words are common ones
    (Zipf band above ``RARE_BAND``: ``AS Heagle`` is initials and a surname) and none is a
    given name or a word of a bundled person's alias (``US Senator Jon Tester``)."""
    if last == first:
        return _head_compound(_form(tokens[first].form)[0])
    if _form(tokens[last].form)[0] in _listed("state_forms"):
        return "LOC"
    kinds = alias_words("en")
    lows = [_form(tokens[i].form)[0] for i in range(first, last + 1)]
    if any(_person_word(low) for low in lows):
        return ""
    forms = [tokens[i].form for i in range(first, last + 1)]
    if any(not _acronym(f) and word_band("en", low) <= RARE_BAND for f, low in zip(forms, lows, strict=True)):
        return ""
    if any(
        _acronym(f) and kinds.get(low, frozenset()) & _PLACE_OR_ORG
        for f, low in zip(forms, lows, strict=True)
    ):
        return "ORG"
    return ""


_PLACE_OR_ORG = frozenset({"LOC", "ORG", "MEDIA"})


#: A hyphenated word ending in a lower-case word of this many letters or more, of Zipf band
#: ``WORD_TAIL_BAND`` or more, is a compound of a common word (``Prize-winner``,
#: ``Oscar-nominated``), not a person's name (``Hau Lung-bin``: short syllables).
WORD_TAIL_LETTERS = 5
WORD_TAIL_BAND = 4


def _word_tail(word: str) -> bool:
    """Whether ``word`` is a compound ending in a common lower-case word (:data:`WORD_TAIL_LETTERS`)."""
    head, dash, tail = word.rpartition("-")
    return (
        bool(head and dash)
        and len(tail) >= WORD_TAIL_LETTERS
        and tail.isalpha()
        and tail.islower()
        and word_band("en", tail) >= WORD_TAIL_BAND
    )


#: A word this frequent (Zipf band) or more is a common word in a title-case line
#: (:func:`common_title`): ``A Short Guide to Tidy Sheds``.
TITLE_COMMON_BAND = 3
_TITLE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _line_of(text: str, start: int, end: int) -> str:
    """The line of ``text`` that holds ``start:end``."""
    return text[text.rfind("\n", 0, start) + 1 : (text.find("\n", end) + 1 or len(text) + 1) - 1]


def _title_line(line: str) -> bool:
    """A line in title case, short ones too: no full stop at its end, and every word of
    ``HEADLINE_MIN_LETTERS`` letters or more capitalised (``The Tidy Shed``)."""
    if line.rstrip().endswith("."):
        return False
    words = _LONG_WORD.findall(line)
    return bool(words) and all(w[0].isupper() for w in words)


def _known_word(low: str) -> bool:
    """Whether a word (normalised) is a known given name, a word of a bundled person's alias
    or a state form (``Korea Republic``)."""
    return _person_word(low) or low in _listed("state_forms")


def common_title(text: str, start: int, end: int) -> bool:
    """Whether the find ``start:end`` is a run of common words on a title-case line: every word
    of Zipf band ``TITLE_COMMON_BAND`` or more, none a letter, a given name, a word of a
    bundled person's alias nor a state form (``A Short Guide to Tidy Sheds``: a heading's
    capitals say nothing of names; ``Darwin's Finches`` keeps its person, ``Group B`` its
    letter, ``Korea Republic`` its state). A line that is the find alone (a caption, a
    byline) is no heading of common words."""
    line = _line_of(text, start, end)
    if line.strip() == text[start:end] or not _title_line(line):
        return False
    words = [_normalize(w) for w in _TITLE_WORD.findall(text[start:end])]
    return bool(words) and all(
        len(w) > 1 and word_band("en", w) >= TITLE_COMMON_BAND and not _known_word(w) for w in words
    )


def lower_elsewhere(text: str, start: int, end: int) -> bool:
    """Whether the one-word find ``start:end`` is written in lower case elsewhere in ``text``
    (``Sorrel grows fast`` before ``pick the sorrel``): the text's own use makes it a common
    word, not a name; a part of an address is no such use (``alt.religion.scientology``)."""
    form = text[start:end]
    if not form.isalpha() or " " in form:
        return False
    low = form.lower()
    if low == form:
        return False
    # The regex ``(?<![\w./@-])<low>(?![\w/@-]|\.\w)`` tested at each place ``low`` stands
    # (no pattern compiled for each new word).
    size, n = len(low), len(text)
    at = text.find(low)
    while at >= 0:
        before = text[at - 1] if at else ""
        after = at + size
        if not (before and (_word_char(before) or before in "./@-")) and not (
            after < n
            and (
                _word_char(text[after])
                or text[after] in "/@-"
                or (text[after] == "." and after + 1 < n and _word_char(text[after + 1]))
            )
        ):
            return True
        at = text.find(low, at + 1)
    return False


def _word_char(char: str) -> bool:
    """Whether one character is a regex word character (``\\w``: alphanumeric, or ``_``)."""
    return char.isalnum() or char == "_"


_CUE_TOKEN = re.compile(r"[^\W\d_]+|[,.!?;:]")
_WORD_AFTER = re.compile(r"[^\S\n]+([^\W\d_]+)")
#: How far back :func:`place_cue` looks for a cue before a place, on its line (characters),
#: and over how many words (passing over determiners, capitalised words and the commas and
#: ``coordinators`` of a list: ``at the Kazan Arena``, ``from Ontario, Manitoba and
#: Saskatchewan``).
_BEFORE_WINDOW = 80
_CUE_WORDS = 16


def place_cue(text: str, start: int, end: int) -> bool:
    """Whether the discovered place ``start:end`` has a cue of a place: a word of
    ``place_cues`` (``en/name_rules.json``: ``in``, ``from``) before it on its line (with only
    determiners, capitalised words and a list's commas and conjunctions between), or a
    place head among its words (``Sutton Island``). A person named after a place (``my
    cousin, Geneva, says``: the gazetteer's place there had no support) and a title-case
    phrase typed a place (``Next Spring``) have none."""
    line_start = text.rfind("\n", 0, start) + 1
    words = _CUE_TOKEN.findall(text, max(line_start, start - _BEFORE_WINDOW), start)
    for word in reversed(words[-_CUE_WORDS:]):
        low = _normalize(word)
        if low in _listed("place_cues"):
            return True
        if low in _rules().titles or not (
            low in _listed("determiners") or low in _listed("coordinators") or word[:1].isupper()
        ):
            break
    rules = _rules()
    words = [_form(w)[0] for w in _PARTS.split(text[start:end]) if w]
    return any(w in rules.loc_heads for w in words)


def place_modifier(text: str, start: int, end: int) -> bool:
    """Whether the one-word find ``start:end`` stands before a noun that makes a place's word
    a modifier (``compound_heads.json``, the support stage's classes: ``Jamaica pepper``,
    ``Oregon grape``): the name of a kind of thing, not a new name."""
    after = _WORD_AFTER.match(text, end)
    if after is None or " " in text[start:end]:
        return False
    word = after.group(1)
    lower, either = compound_heads("en")
    low = _normalize(word)
    stems = {low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("es") else low}
    return bool(stems & either) or (word.islower() and bool(stems & lower))


_SENTENCE_GAP = re.compile(r"(?:^|[.!?:;\n][\"'“”‘’)\]]*)[^\S\n]*[\"'“‘(\[]*$")


def _sentence_start(text: str, start: int) -> bool:
    """Whether ``start`` begins a sentence or a line (only quotes and brackets between)."""
    return _SENTENCE_GAP.search(text, max(0, start - 8), start) is not None


def clause_word(text: str, start: int, end: int) -> bool:
    """Whether the one-word find ``start:end`` is an ordinary word that begins a sentence: an
    instruction (the word after it one of ``imperative_objects``, ``en/name_rules.json``: an
    article, an object pronoun, a number: ``Season it well``, ``Beat two eggs``) or an
    adverb in ``-ly`` of a frequency list (``Oddly, ...``); not a given name nor a word of a
    bundled person's alias (``Dana the cook won``). A person at the start of a sentence is
    its subject, a verb after it."""
    form = text[start:end]
    if not form.isalpha() or not _sentence_start(text, start):
        return False
    low = _form(form)[0]
    if _person_word(low):
        return False
    if low.endswith("ly") and word_band("en", low) >= TITLE_COMMON_BAND:
        return True
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group(1) in _listed("imperative_objects")


class EnglishNameFinder(CrfFinder):
    """Latin-script names no gazetteer lists, tagged by the CRF model (satisfies ``NameFinder``)."""

    lang = "en"
    model_name = "en/names.crfsuite"

    def tokens(self, text: str) -> list[Token]:
        """Words (hyphenated parts and inner apostrophes kept), ``U.S.``, a possessive ``'s``
        alone, other characters one by one: the engine's ``latin_words``."""
        return self._core.latin_words(text, make_token)

    @functools.cached_property
    def _core(self) -> Engine:
        """The engine that finds the tokens (the one in use when first needed)."""
        return engine.current()

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
        ``hl``: a word of a line in title case (a headline: its capitals say little too);
        ``role``: a capitalised word right after a lower-case role noun (:func:`role_noun`:
        ``team member Rodaba Noori``), where annotators who mark only names headed by a proper
        noun leave the person out: how often is the model's to learn."""
        out: dict[int, dict[str, str]] = {}
        headlines = self.headlines(text)
        for i in keep if headlines else ():
            if _inside(headlines, tokens[i].start, tokens[i].end):
                out[i] = {"hl": "1"}
        for i in keep:
            if not tokens[i].form[:1].isupper():
                continue
            if i == 0 or tokens[i - 1].form in _SENTENCE_END:
                out.setdefault(i, {})["first"] = "1"
            elif after_role(text, tokens, i):
                out.setdefault(i, {})["role"] = "1"
        return out

    def trim(self, tokens: Sequence[Token], first: int, last: int, entity_type: str) -> tuple[int, int]:
        """A name without lower-case words or punctuation at its edges (``Kadhim al-Fartousi warns``);
        a person without a date word before it (:func:`date_lead`: ``Yesterday Mohamed received``)."""
        while first < last and not tokens[first].form[:1].isupper():
            first += 1
        while last > first and not tokens[last].form[:1].isupper() and not tokens[last].form[:1].isdigit():
            last -= 1
        if entity_type == "PER" and first < last and date_lead(tokens, first):
            first += 1
        return first, last

    def join(
        self, text: str, tokens: Sequence[Token], spans: Sequence[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """The runs of :meth:`CrfFinder.join` (cut at line breaks, persons side by side joined);
        then a capitalised run the tagger left untagged after a title word (``Professor
        Eastman``) made a person, and a rare capitalised word alone before a verb of saying
        (``Rathbun wrote``) too (:func:`person_runs`); then the runs mended from the words
        around them (:func:`word_runs`: ``Dries Mertens``, ``Church of Scientology``, a rare
        word alone)."""
        capitals = _capitals(tokens)
        runs = person_runs(text, tokens, super().join(text, tokens, spans), capitals)
        return word_runs(text, tokens, runs, self.skip, capitals)

    def retype(self, tokens: Sequence[Token], first: int, last: int, entity_type: str) -> str:
        """A place or organisation the tagger found is a person when it is two words or more
        starting with a known given name (``Mark Rathbun``)."""
        if entity_type == "PER":
            return not_person(tokens, first, last) or entity_type
        if last > first and _form(tokens[first].form)[0] in finder_given_names("en"):
            return "PER"
        return entity_type

    def name_end(self, text: str, start: int, end: int, entity_type: str) -> int:
        """An organisation or place ends before a frequent lower-case word hyphened to its last
        word (``Scientology-related``, ``Hamas-led``); a person's name keeps it (``Kai-shek``)."""
        if entity_type == "PER":
            return end
        head, hyphen, tail = text[start:end].rpartition("-")
        modifier = hyphen and tail.isalpha() and tail.islower() and head[-1:].isalpha()
        if modifier and word_band("en", _normalize(tail)) >= MODIFIER_BAND:
            return start + len(head)
        return end

    def may_replace(
        self, text: str, start: int, end: int, entity_type: str, inner: Sequence[Mention]
    ) -> bool:
        """As :meth:`CrfFinder.may_replace`, and a person its gazetteer person matched by a
        spelling variant (not exactly), when the words around that match are capitalised name
        words (``Mohamed El-Hassan Mohamed`` is not the bundled ``Mohammed al-Hassan``)."""
        if entity_type == "PER" and all(m.entity_type == "PER" and m.how == _VARIANT for m in inner):
            outside = text[start : inner[0].start] + " " + text[inner[-1].end : end]
            words = [w for w in outside.split() if w]
            if words and all(_info(w)[0] for w in words):
                return True
        return super().may_replace(text, start, end, entity_type, inner)

    def headlines(self, text: str) -> list[tuple[int, int]]:
        """The title-case lines of ``text`` (:func:`headline_spans`)."""
        return headline_spans(text)

    def keep(self, text: str, start: int, end: int, entity_type: str) -> bool:
        """Spans with a capitalised word (a lower-case run is not a proper name); one word alone
        must not be a title, trigger or head word, nor a frequent word (``Talks``, ``Sheikh``);
        a name of titles and demonyms alone is none (``Deputy-Commander``, ``Afghan Ambassador``);
        a person holds no compound of a common word (``Booker Prize-winner``: :func:`_word_tail`)
        and ends in no acronym unless a word is a given name (``Arkham VR``: :func:`_acronym_end`)."""
        words = text[start:end].split()
        if not any(w[:1].isupper() for w in words):
            return False
        if len(words) == 1 and word_band("en", _form(words[0])[0]) >= COMMON_BAND:
            return False
        if entity_type == "PER" and (any(_word_tail(w) for w in words) or _acronym_end(words)):
            return False
        if len(words) == 1 and (
            lower_elsewhere(text, start, end)
            or place_modifier(text, start, end)
            or clause_word(text, start, end)
        ):
            return False
        if common_title(text, start, end) or (entity_type == "LOC" and not place_cue(text, start, end)):
            return False
        return not all(_form(w)[1] for w in _PARTS.split(text[start:end]) if w)

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
