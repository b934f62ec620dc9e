"""Finding names no gazetteer lists: the language-agnostic part of discovery.

Each language side (``mediamon.lang.<code>.names``) exposes ``FINDER``, a
:class:`mediamon.typing.NameFinder`: it splits a text into tokens, describes each token
by features (its shape, affixes, clitics, whether a gazetteer matched it, whether a
title, trigger word, organisation head or known given name stands there or next to it)
and tags the sequence with a CRF model shipped as a package data file (trained by
``tools/names/train.py``; see docs/models.md). This module holds what both sides share:
the feature window, BIO decoding, the CRF model (read from its file and decoded by the
engine's ``crf_window``, labels identical to CRFsuite's tagger, from per-word cached
attribute rows: the cost of discovery is per token), provisional entity ids, and
:func:`discover`, which turns a side's finds into mentions (``how="discovered"``),
links later bare surnames of a discovered person to them (in-document coreference)
and lets gazetteer mentions win wherever they overlap.
"""

from __future__ import annotations

import array
import bisect
import functools
import re
import struct
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar, cast

import attrs

from mediamon import engine
from mediamon import lang as languages
from mediamon.engine._python import kept_tokens
from mediamon.errors import DataFileError, Msg
from mediamon.memo import make_room
from mediamon.model import Mention
from mediamon.resources import data_path, load_json, optional_json, string_list

__all__ = [
    "DISCOVERED",
    "NAME_TYPES",
    "CrfFinder",
    "CrfModel",
    "Rules",
    "Token",
    "band_numbers",
    "bio_spans",
    "discover",
    "entity_id",
    "finder_given_names",
    "given_names",
    "gives_surname",
    "is_discovered",
    "join_persons",
    "lexicon_flags",
    "load_rules",
    "make_token",
    "normalize",
    "same_line",
    "shape",
    "skip_words",
    "split_lines",
    "tagged",
    "word_band",
    "word_bands",
]

#: The ``how`` of a discovered mention and the prefix of its provisional entity id.
DISCOVERED = "discovered"
ID_PREFIX = "new:"
#: The bundled file of demonyms (not matched by default, but never a new name).
DEMONYMS = "demonyms.jsonl"
DEMONYM_TYPE = "DEMONYM"
#: The bundled people, whose first names are a feature.
PEOPLE = "people.jsonl"
#: The types discovery proposes (the model also knows unscored kinds, never reported).
NAME_TYPES = frozenset({"PER", "ORG", "LOC"})
_KEY_JUNK = re.compile(r"[^\w]+")


class Token(NamedTuple):
    """One token of a text: its span in the original text, where a name on it would start, its form."""

    start: int
    end: int
    #: Where a name beginning on this token starts (after a proclitic the language strips).
    name_start: int
    form: str


#: ``Token._make`` without its Python frame, for the engine's tokenisers (a token per word:
#: building them is most of tokenising).
make_token: Callable[[tuple[int, int, int, str]], Token] = functools.partial(tuple.__new__, Token)


@attrs.frozen
class Rules:
    """Word lists around names (titles, trigger words, organisation and place heads), normalised."""

    titles: frozenset[str]
    triggers: frozenset[str]
    org_heads: frozenset[str]
    loc_heads: frozenset[str]
    #: Verbs of saying after a person's name (``Rathbun wrote``); optional, empty when absent.
    speech: frozenset[str] = frozenset()


def normalize(code: str, text: str) -> str:
    """``text`` normalised by a language's normaliser."""
    return str(languages.get(code).normalizer.normalize(text))


@functools.cache
def load_rules(code: str) -> Rules:
    """A language's rule lists (``<code>/name_rules.json``), normalised by its normaliser."""
    name = f"{code}/name_rules.json"
    data = load_json(name)
    source = data_path(name)

    def words(key: str, required: bool = True) -> frozenset[str]:
        return frozenset(normalize(code, w) for w in string_list(data, key, source=source, required=required))

    return Rules(
        words("titles"), words("triggers"), words("org_heads"), words("loc_heads"), words("speech", False)
    )


@functools.cache
def given_names(code: str) -> frozenset[str]:
    """First words of the bundled people's full names in a language, normalised."""
    from mediamon.match.gazetteer import Gazetteer

    out = set()
    for entity in Gazetteer.load(data_path(f"gazetteers/{PEOPLE}")):
        for alias in entity.names.get(code, ()):
            words = normalize(code, alias).split()
            if len(words) > 1 and len(words[0]) > 1:
                out.add(words[0])
    return frozenset(out)


@functools.cache
def finder_given_names(code: str) -> frozenset[str]:
    """The given names the rules after tagging know: :func:`given_names` and the words of
    the language's given-name list (``<code>/given_names.json``, optional) that are neither
    frequent (Zipf band above ``GIVEN_LIST_BAND``: ``Will``, ``Hope``) nor a word of a
    bundled place, organisation or outlet (``Georgia``, ``Austin``). Not a CRF feature (that
    is :func:`given_names`: the English list as a feature lost a person hit when retrained),
    nor the support stage's (a prominent surname that is a listed given name still links)."""
    name = f"{code}/given_names.json"
    listed = string_list(optional_json(name), "words", source=data_path(name))
    if not listed:
        return given_names(code)
    out = set(given_names(code))
    places = alias_words(code)
    for listed_word in listed:
        word = normalize(code, listed_word)
        if word_band(code, word) <= GIVEN_LIST_BAND and not places.get(word, frozenset()) & _NOT_PERSONS:
            out.add(word)
    return frozenset(out)


#: A word of a given-name list more frequent than this Zipf band is an ordinary word first.
GIVEN_LIST_BAND = 4
_NOT_PERSONS = frozenset({"LOC", "ORG", "MEDIA"})


def lexicon_flags(code: str, forms: Iterable[str]) -> Mapping[str, str]:
    """``title``, ``trig``, ``org``, ``loc``, ``given``: ``"1"`` when one of ``forms`` is in that
    list; ``kw``: the types of the bundled aliases that hold one of them, ``|``-joined.

    Shared and never to be written: the same few flag sets answer every word (one per set of
    lists and types), so each is made once."""
    table = _lexicon(code)
    lists = 0
    types: frozenset[str] = frozenset()
    for form in forms:
        hit = table.get(form)
        if hit is not None:
            lists |= hit[0]
            if hit[1]:
                types = types | hit[1] if types else hit[1]
    if not lists and not types:
        return _NO_FLAGS
    found = _FLAGS.get((lists, types))
    if found is None:
        found = {key: "1" for n, key in enumerate(LEXICON_KEYS) if lists >> n & 1}
        if types:
            found["kw"] = "|".join(sorted(types))
        _FLAGS[lists, types] = found
    return found


_NO_FLAGS: Mapping[str, str] = {}
#: :func:`lexicon_flags`' answers by (the lists' bits, the types): a few dozen at most.
_FLAGS: dict[tuple[int, frozenset[str]], dict[str, str]] = {}


#: The word lists :func:`lexicon_flags` reports, in the order of its features.
LEXICON_KEYS = ("title", "trig", "org", "loc", "given")


@functools.cache
def _lexicon(code: str) -> dict[str, tuple[int, frozenset[str]]]:
    """Each word of :data:`LEXICON_KEYS`' lists or of a bundled alias on one side -> (a bit per
    list that holds it, in :data:`LEXICON_KEYS` order; the types of :func:`alias_words`): one
    look-up per form for :func:`lexicon_flags`, which every new word of a stream asks."""
    rules = load_rules(code)
    lists = (rules.titles, rules.triggers, rules.org_heads, rules.loc_heads, given_names(code))
    types = alias_words(code)
    words = set(types).union(*lists)
    return {
        word: (sum(1 << n for n, listed in enumerate(lists) if word in listed), types.get(word, frozenset()))
        for word in words
    }


@functools.cache
def alias_words(code: str) -> Mapping[str, frozenset[str]]:
    """Each word of the bundled aliases on one side -> the types of the entities whose aliases
    hold it: a word of a known person's name (``Mohamed``) or of a known organisation."""
    out: dict[str, set[str]] = {}
    for alias, types in known_aliases(code).items():
        for word in alias.split():
            out.setdefault(word, set()).update(types)
    return {word: frozenset(types) for word, types in out.items()}


@functools.cache
def word_bands(lang: str) -> dict[str, str]:
    """Normalised word -> its whole Zipf band (``"3"`` .. ``"7"``); rare words are absent.

    From ``<lang>/word_frequency.json`` (wordfreq's Zipf values, the table the support
    stage reads too): names are mostly rare words, ordinary words frequent ones.
    """
    name = f"{lang}/word_frequency.json"
    table = load_json(name).get("zipf")
    if not isinstance(table, dict) or not all(isinstance(v, int | float) for v in table.values()):
        raise DataFileError(
            Msg.DATA_FILE.format(detail="'zipf' must map words to numbers"), path=data_path(name)
        )
    return {str(word): str(int(zipf)) for word, zipf in table.items()}


def word_band(lang: str, word: str) -> int:
    """A normalised word's whole Zipf band in ``lang`` (:func:`word_bands`; 0: a rare word)."""
    return band_numbers(lang).get(word, 0)


@functools.cache
def band_numbers(lang: str) -> dict[str, int]:
    """:func:`word_bands` as numbers (each band read once, not at every look-up of a new word)."""
    return {word: int(band) for word, band in word_bands(lang).items()}


def shape(word: str) -> str:
    """A word's shape with repeats collapsed: ``Zuma`` -> ``Xx``, ``U.S`` -> ``X.X``, ``2002`` -> ``d``."""
    if word.isascii() and word.isalpha():  # most words: ASCII letters, every one cased (no loop)
        if word.isupper():
            return "X"
        if word.islower():
            return "x"
        if word[0].isupper() and word[1:].islower():
            return "Xx"
    out: list[str] = []
    for char in word:
        mark = "X" if char.isupper() else "x" if char.isalpha() else "d" if char.isdigit() else char
        if not out or out[-1] != mark:
            out.append(mark)
    return "".join(out)


def entity_id(entity_type: str, key: str) -> str:
    """The provisional id of a discovered name: ``new:<type>:<key>`` (``new:per:jakb-zuma``)."""
    return f"{ID_PREFIX}{entity_type.lower()}:{key}"


def is_discovered(entity_id_: str) -> bool:
    """Whether an entity id is a provisional one given by discovery."""
    return entity_id_.startswith(ID_PREFIX)


def join_key(parts: Iterable[str]) -> str:
    """Key parts joined by ``-`` with anything but letters and digits dropped."""
    cleaned = (_KEY_JUNK.sub("", p) for p in parts)
    return "-".join(p for p in cleaned if p)


def bio_spans(labels: Sequence[str], at: Sequence[int] | None = None) -> list[tuple[int, int, str]]:
    """(first token, last token, type) of the BIO runs in ``labels`` (a stray ``I-`` starts a run).

    With ``at``, ``labels[k]`` is the label of token ``at[k]`` (rising) and every token not
    in ``at`` is ``O``: the runs of the whole sequence from the tagged tokens alone.
    """
    out: list[tuple[int, int, str]] = []
    current: list[Any] | None = None
    for k, label in enumerate(labels):
        i = k if at is None else at[k]
        if current is not None and (label == "O" or i != current[1] + 1):
            out.append((current[0], current[1], current[2]))  # an O, or untagged tokens between
            current = None
        if label == "O":
            continue
        kind, _, typ = label.partition("-")
        if kind == "I" and current is not None and current[2] == typ:
            current[1] = i
            continue
        if current is not None:
            out.append((current[0], current[1], current[2]))
            current = None
        if kind in {"B", "I"}:
            current = [i, i, typ]
    if current is not None:
        out.append((current[0], current[1], current[2]))
    return out


#: Word features a token's neighbours see too, by offset (``-1:w=...``); ``gz`` is added per text.
NEIGHBOUR_KEYS = ("w", "stem", "title", "trig", "org", "loc", "cap", "given", "shape", "pre", "zf")
FAR_KEYS = ("w", "title", "trig")
OFFSETS = ((-1, NEIGHBOUR_KEYS), (1, NEIGHBOUR_KEYS), (-2, FAR_KEYS), (2, FAR_KEYS))
#: Per-word feature strings kept (cleared when full): words repeat, and building them is the cost.
WORD_CACHE = 200_000
#: What a token's form says about tagging it: a name may start on it, it may join two such
#: tokens (``of`` in ``Bank of England``), or it is never part of a name (``NAME_SKIP``).
CANDIDATE, JOINER, SKIP = 2, 1, 0


class _Word(NamedTuple):
    """A word's cached feature strings (UTF-8, as the CRF takes them without converting): its
    own, what its neighbours see at each offset of ``OFFSETS``, its form as the bigram feature
    uses it, and its ``CANDIDATE``/``JOINER``/``SKIP`` kind."""

    own: list[bytes]
    near: tuple[list[bytes], ...]
    form: bytes
    kind: int


class _TagWord(NamedTuple):
    """A word's cached features as tagging uses them (the engine's ``crf_window`` reads the
    first four): :class:`_Word`'s lists as the rows the model knows
    (:meth:`CrfModel.known`), the others dropped (they add nothing to a score)."""

    own: bytes
    near: tuple[bytes, ...]
    form: bytes
    #: The rows of the bigram features this word ends, by the previous word's form.
    after: Mapping[bytes, int]
    kind: int


_W = TypeVar("_W", _Word, _TagWord)
#: Where a word's kind stands in :class:`_Word` and in :class:`_TagWord`.
_WORD_KIND, _TAG_KIND = _Word._fields.index("kind"), _TagWord._fields.index("kind")
#: The bigram rows of a word that ends none the model knows (shared, never written).
_NO_BIGRAMS: dict[bytes, int] = {}
#: (slot in :attr:`CrfModel.word_rows`' rows, the keys its neighbours see) per offset of ``OFFSETS``.
_SLOTS = tuple((slot, keys) for slot, (_, keys) in enumerate(OFFSETS, 1))


@functools.cache
def skip_words(code: str) -> frozenset[str]:
    """Words that are never part of a name in a language (``<code>/names_skip.json``, made by training).

    A word seen at least ``min_count`` times in the training text and inside a name at most
    ``max_share`` of those times: it is not tagged (the cost of discovery is the tagging).
    """
    name = f"{code}/names_skip.json"
    return frozenset(string_list(load_json(name), "words", source=data_path(name), required=True))


def tagged(words: Sequence[_Word | _TagWord], gz: Sequence[str]) -> list[int]:
    """Indexes of the tokens worth tagging: candidates, gazetteer hits, and a joiner between two
    of them (the engine's ``token_words`` keeps these, from the tokens' kinds)."""
    return kept_tokens([word.kind for word in words], gz)


def _utf8(feature: str) -> bytes:
    """A feature's name as CRFsuite reads it (UTF-8). A lone surrogate, which only a ``str``
    holds (records keep ``"\\ud800"``), is kept as its code unit: bytes that are no valid
    UTF-8, so no model attribute has them and the feature adds nothing."""
    return feature.encode("utf-8", "surrogatepass")


def window(
    words: Sequence[_Word], context: Mapping[int, Mapping[str, str]], keep: Sequence[int]
) -> list[list[bytes]]:
    """CRF items of the tokens ``keep``: each one's own features plus its neighbours' (one and two away).

    ``words`` are all the tokens' cached word features; ``context`` what depends on the text
    around them (the gazetteer tag ``gz``, a sentence start), by token, which neighbours see
    too. A kept token whose previous token is not kept gets ``gap`` (the sequence the CRF
    sees skips the tokens between).
    """
    out = []
    size = len(words)
    last = size - 1
    previous = -2
    empty: list[bytes] = []
    no_context: Mapping[str, str] = {}
    for i in keep:
        word = words[i]
        item = [
            b"bias",
            *word.own,
            *(words[i - 1].near[0] if i > 0 else empty),
            *(words[i + 1].near[1] if i < last else empty),
            *(words[i - 2].near[2] if i > 1 else empty),
            *(words[i + 2].near[3] if i < last - 1 else empty),
            b"bi=" + words[i - 1].form + b"|" + word.form if i > 0 else b"BOS",
        ]
        if i == last:
            item.append(b"EOS")
        if previous != i - 1:
            item.append(b"gap")
        previous = i
        if context:
            item.extend(_utf8(f"{k}={v}") for k, v in context.get(i, no_context).items())
            for offset in (-1, 1, -2, 2):
                gz = context.get(i + offset, no_context).get("gz")
                if gz:
                    item.append(_utf8(f"{offset:+d}:gz={gz}"))
        out.append(item)
    return out


def same_line(gap: str) -> bool:
    """Whether the text between two tokens is spaces on one line (no line break): a name never
    runs on into the next line (a caption, a headline, the next paragraph)."""
    return gap.isspace() and "\n" not in gap


def split_lines(
    text: str, tokens: Sequence[Token], spans: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """(first, last, type) runs cut where a line break falls between two of their tokens.

    The tagger reads an article's lines as one sequence and may run a name on into the next
    line (``Nick Moreau.`` / ``The ...`` in an image credit); such a run would also give a
    wrong surname (``The``) to every later mention it links.
    """
    out: list[tuple[int, int, str]] = []
    for first, last, typ in spans:
        start = first
        for i in range(first, last):
            if "\n" in text[tokens[i].end : tokens[i + 1].start]:
                out.append((start, i, typ))
                start = i + 1
        out.append((start, last, typ))
    return out


def join_persons(
    text: str, tokens: Sequence[Token], spans: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """(first, last, type) runs with each person that follows another person on the next
    token, with only spaces between and no proclitic on it (``وعبد الله``), joined to it:
    the tagger often starts a name anew at its family name (``B-PER B-PER`` on ``فرناندو
    الونسو``); two names side by side are written with a comma or a conjunction between."""
    out: list[tuple[int, int, str]] = []
    for first, last, typ in spans:
        if out:
            p_first, p_last, p_typ = out[-1]
            if (
                typ == p_typ == "PER"
                and first == p_last + 1
                and tokens[first].name_start == tokens[first].start
                and same_line(text[tokens[p_last].end : tokens[first].start])
            ):
                out[-1] = (p_first, last, typ)
                continue
        out.append((first, last, typ))
    return out


def context_rows(
    model: CrfModel, context: Mapping[int, Mapping[str, str]], keep: Sequence[int]
) -> dict[int, bytes]:
    """The rows of the features :func:`window` adds from ``context`` to the kept tokens' items
    (their own, then the gazetteer tags of their neighbours), for the tokens that have any."""
    if not context:
        return {}
    near = {j + d for j in context for d in (-2, -1, 0, 1, 2)}.intersection(keep)
    out = {}
    for i in near:
        own = context.get(i)
        names = [f"{k}={v}" for k, v in own.items()] if own else []
        for offset in (-1, 1, -2, 2):
            gz = context.get(i + offset)
            if gz and "gz" in gz:
                names.append(f"{offset:+d}:gz={gz['gz']}")
        rows = model.rows(tuple(names))
        if rows:
            out[i] = rows
    return out


def bigram_rows(model: CrfModel) -> dict[bytes, dict[bytes, int]]:
    """The model's bigram features (``bi=<previous form>|<form>``, see :func:`window`) by form,
    then by previous form. A name with several ``|`` is filed under each split: every split
    spells the same feature, so a look-up by the actual pair finds its row."""
    out: dict[bytes, dict[bytes, int]] = {}
    for name, row in model.ids.items():
        if name.startswith(b"bi="):
            body = name[3:]
            for k, char in enumerate(body):
                if char == ord("|"):
                    out.setdefault(body[k + 1 :], {})[body[:k]] = row
    return out


class CrfModel:
    """A CRFsuite model read for tagging by the engine's ``crf_viterbi`` (the same labels as
    CRFsuite's tagger, without converting every feature string of every item).

    Read from the model file itself (CRFsuite's ``lCRF``/``FOMC`` layout: a header, the
    features with their exact weights, the label and attribute dictionaries): ``ids``
    maps an attribute's UTF-8 name to its row in ``weights`` (one score per label);
    attributes the model does not know add nothing, so items keep only known ones.
    """

    _HEADER = struct.Struct("<4sI4s9I")
    _FEATURE = struct.Struct("<IIId")
    _STATE, _TRANSITION = 0, 1

    def __init__(self, path: str) -> None:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
            magic, _, kind, _, _, size, _, features, labels, attributes, _, _ = self._HEADER.unpack_from(data)
            if magic != b"lCRF" or kind != b"FOMC":
                raise ValueError("not a CRFsuite linear-chain model")
            chunk, _, count = struct.unpack_from("<4sII", data, features)
            if chunk != b"FEAT":
                raise ValueError("no feature table")
            self.labels = [name.decode() for name in self._strings(data, labels)]
            names = self._strings(data, attributes)
            if len(self.labels) != size:
                raise ValueError("the name model's labels do not match")
            # Memory bounded by the file: a real model holds far fewer weight cells than bytes
            # (the bundled ones about 0.1 per byte); a crafted header could ask for gigabytes.
            if size * (len(names) + size) > len(data):
                raise ValueError("the name model asks for more weights than its file holds")
            self.weights = array.array("d", bytes(8 * size * len(names)))
            self.trans = array.array("d", bytes(8 * size * size))
            for n in range(count):
                typ, source, target, weight = self._FEATURE.unpack_from(
                    data, features + 12 + n * self._FEATURE.size
                )
                if target >= size or source >= (len(names) if typ == self._STATE else size):
                    raise ValueError(f"feature {n} is out of range")
                if typ == self._STATE:
                    self.weights[source * size + target] = weight
                elif typ == self._TRANSITION:
                    self.trans[source * size + target] = weight
        except (OSError, ValueError, struct.error, UnicodeDecodeError) as exc:
            raise DataFileError(
                Msg.DATA_FILE.format(detail=f"cannot read the name model: {exc}"), path=path
            ) from exc
        self.ids: dict[bytes, int] = {name: i for i, name in enumerate(names)}
        self.engine = engine.current()
        self._rows: dict[tuple[str, ...], bytes] = {}

    @staticmethod
    def _strings(data: bytes, offset: int) -> list[bytes]:
        """The keys of a CQDB dictionary by id (its backward array: id -> record)."""
        chunk, _, _, _, count, backward = struct.unpack_from("<4s5I", data, offset)
        if chunk != b"CQDB":
            raise ValueError("no string dictionary")
        out = []
        for i in range(count):
            (record,) = struct.unpack_from("<I", data, offset + backward + 4 * i)
            value, length = struct.unpack_from("<II", data, offset + record)
            start = offset + record + 8
            if value != i or length < 1 or start + length > len(data):
                raise ValueError("a damaged string dictionary")
            out.append(data[start : start + length - 1])
        return out

    def known(self, features: Iterable[bytes]) -> bytes:
        """The rows of the features the model knows, in their order (bytes of C ints, as the
        engine's ``crf_window`` reads them)."""
        ids = self.ids
        return array.array("i", [ids[f] for f in features if f in ids]).tobytes()

    @functools.cached_property
    def word_rows(self) -> dict[str, dict[str, tuple[bytes, ...]]]:
        """The attributes the model knows read as word features: key -> value -> the row of
        ``key=value`` as a word's own feature, then as its neighbours see it at each offset
        of ``OFFSETS`` (``-1:key=value`` ...), each as the bytes of a C int, ``b""`` where the
        model lacks one (rows are joined, so a missing one adds nothing). A name is read back
        as :func:`_utf8` spelt it (a name no string spells is left out)."""
        slots = {f"{offset:+d}:": slot for slot, (offset, _) in enumerate(OFFSETS, 1)}
        table: dict[str, dict[str, list[bytes]]] = {}
        for name, row in self.ids.items():
            try:
                text = name.decode("utf-8", "surrogatepass")
            except UnicodeDecodeError:
                continue
            slot = slots.get(text[:3], 0)
            key, sep, value = text[3 if slot else 0 :].partition("=")
            if sep:
                rows = table.setdefault(key, {}).setdefault(value, [b""] * (len(OFFSETS) + 1))
                rows[slot] = array.array("i", [row]).tobytes()
        return {key: {value: tuple(rows) for value, rows in values.items()} for key, values in table.items()}

    def rows(self, names: tuple[str, ...]) -> bytes:
        """:meth:`known` of features named in text (cached: the same few recur)."""
        found = self._rows.get(names)
        if found is None:
            make_room(self._rows, WORD_CACHE)
            found = self._rows[names] = self.known(_utf8(n) for n in names)
        return found

    def tag(self, ids: list[int], ends: list[int]) -> list[str]:
        """Labels of the items whose attribute rows are ``ids`` up to each of ``ends``."""
        labels = self.labels
        decoded = self.engine.crf_viterbi(self.weights, self.trans, len(labels), ids, ends)
        return [labels[i] for i in decoded]

    @functools.cached_property
    def _fixed(self) -> tuple[int, int, int, int]:
        return tuple(self.ids.get(name, -1) for name in (b"bias", b"BOS", b"EOS", b"gap"))  # type: ignore[return-value]

    def tag_window(self, words: list[_TagWord], keep: list[int], extra: dict[int, bytes]) -> list[str]:
        """Labels of the kept tokens' :func:`window` items, built by the engine from cached
        word rows (``extra``: :func:`context_rows`)."""
        labels = self.labels
        decoded = self.engine.crf_window(
            self.weights, self.trans, len(labels), words, keep, extra, self._fixed
        )
        return [labels[i] for i in decoded]


_V = TypeVar("_V")


def _memo(cache: dict[str, _V], form: str, make: Callable[[str], _V]) -> _V:
    """``cache[form]``, made by ``make(form)`` on a miss (the cache emptied when it holds ``WORD_CACHE``)."""
    found = cache.get(form)
    if found is None:
        make_room(cache, WORD_CACHE)
        found = cache[form] = make(form)
    return found


class CrfFinder:
    """A name finder that tags tokens with a CRF model; a language side supplies tokens and features.

    Subclasses set ``lang`` and ``model_name`` (a data file under ``mediamon/data/``) and
    implement :meth:`tokens`, :meth:`word_features`, :meth:`name_key` and :meth:`skeleton`
    (and :meth:`context` when a feature depends on the text around).
    """

    lang = ""
    model_name = ""

    def __init__(self) -> None:
        self._words: dict[str, _Word] = {}
        self._tag_words: dict[str, _TagWord] = {}
        #: Kinds of forms whose word :meth:`_prepare` did not need (:meth:`_kind`).
        self._kinds: dict[str, int] = {}

    def tokens(self, text: str) -> list[Token]:
        raise NotImplementedError

    def word_features(self, form: str) -> dict[str, str]:
        """Features of a token's form alone (cached per form)."""
        raise NotImplementedError

    def context(self, text: str, tokens: Sequence[Token], keep: Sequence[int]) -> dict[int, dict[str, str]]:
        """Features of the tokens ``keep`` that depend on the text around them (none by default)."""
        return {}

    @functools.cached_property
    def skip(self) -> frozenset[str]:
        """Token forms never tagged (:func:`skip_words`; training sets its own)."""
        return skip_words(self.lang)

    def kind(self, form: str) -> int:
        """Whether a name may stand on a token of this form (``CANDIDATE``), or not (``SKIP``)."""
        return SKIP if form in self.skip else CANDIDATE

    def _word_items(self, form: str) -> _Word:
        return _memo(self._words, form, self._word)

    def _word(self, form: str) -> _Word:
        """A word's feature strings, its own and what each neighbour offset sees (uncached)."""
        feats = self.word_features(form)
        own = [_utf8(f"{k}={v}") for k, v in feats.items()]
        near = tuple(
            [_utf8(f"{offset:+d}:{k}={feats[k]}") for k in keys if k in feats] for offset, keys in OFFSETS
        )
        return _Word(own, near, _utf8(feats.get("w", form)), self._kind(form))

    def name_key(self, name: str) -> str:
        raise NotImplementedError

    def skeleton(self, name: str) -> str:
        raise NotImplementedError

    def trim(self, tokens: Sequence[Token], first: int, last: int, entity_type: str) -> tuple[int, int]:
        """The tokens of a tagged span worth keeping (a side may cut, e.g., an adjective off its edge)."""
        return first, last

    def join(
        self, text: str, tokens: Sequence[Token], spans: Sequence[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """Tagged token runs cut at line breaks (:func:`split_lines`), then two persons side by
        side made one (:func:`join_persons`)."""
        return join_persons(text, tokens, split_lines(text, tokens, spans))

    def retype(self, tokens: Sequence[Token], first: int, last: int, entity_type: str) -> str:
        """The type of a kept span (a side may correct the tagger's guess from the words around)."""
        return entity_type

    def name_end(self, text: str, start: int, end: int, entity_type: str) -> int:
        """Where a kept span ends (a side may cut a modifier glued to its last word)."""
        return end

    def headlines(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the headline lines of ``text``, where capitals say little (none by default)."""
        return []

    @property
    def rules(self) -> Rules:
        """The language's rule lists (titles, triggers, heads)."""
        return load_rules(self.lang)

    def may_contain(self, text: str, start: int, end: int, entity_type: str) -> bool:
        """Whether a found name may replace the gazetteer's places inside it: an organisation or
        place whose first or last word is an organisation or place head (``University of Texas``)."""
        if entity_type not in {"ORG", "LOC"}:
            return False
        words = [w.strip(".,;:()\"'") for w in self.normalize(text[start:end]).split()]
        heads = self.rules.org_heads | self.rules.loc_heads
        return len(words) > 1 and (words[0] in heads or words[-1] in heads)

    def may_replace(
        self, text: str, start: int, end: int, entity_type: str, inner: Sequence[Mention]
    ) -> bool:
        """Whether a found name may replace the gazetteer mentions ``inner`` it holds (each with
        a word more around it): places, when :meth:`may_contain` allows."""
        return all(m.entity_type == "LOC" for m in inner) and self.may_contain(text, start, end, entity_type)

    def normalize(self, text: str) -> str:
        """``text`` normalised by the language's normaliser."""
        return normalize(self.lang, text)

    def keep(self, text: str, start: int, end: int, entity_type: str) -> bool:
        """Whether a tagged span is worth reporting (a side may refuse, e.g. lower-case English)."""
        return any(c.isalpha() for c in text[start:end])

    def features(
        self, text: str, known: Sequence[tuple[int, int, str]]
    ) -> tuple[list[Token], list[int], list[list[bytes]]]:
        """The tokens of ``text``, the indexes of those tagged and their CRF items (what training
        and tagging both see): tokens a name cannot stand on are left out (:func:`tagged`)."""
        tokens, words, keep, context = self._prepare(text, known, self._words, self._word_items)
        return tokens, keep, window(words, context, keep)

    def _prepare(
        self,
        text: str,
        known: Sequence[tuple[int, int, str]],
        cache: dict[str, _W],
        word: Callable[[str], _W],
    ) -> tuple[list[Token], list[_W], list[int], dict[int, dict[str, str]]]:
        """The tokens of ``text``, their words (from ``cache``, else ``word(form)``), the tokens
        tagged and the features that depend on the text around them (the gazetteer's tags among them).

        A form not in ``cache`` has its word made only when an item reads it (a kept token or
        one of those one and two away from it); its kind alone (:meth:`_kind`) decides what is
        kept. Elsewhere its word is None: no item reads it, so the items are those of every
        word made (a lower-case word far from any capitalised one in English, a text with no
        candidate: nothing is described). One engine call per text (``token_words``)."""
        tokens = self.tokens(text)
        kind_at = _TAG_KIND if cache is self._tag_words else _WORD_KIND
        found, gz, keep = self._engine.token_words(tokens, sorted(known), cache, kind_at, self._kind, word)
        words = cast(list[_W], found)  # None where no item reads it
        context: dict[int, dict[str, str]] = {i: {"gz": tag} for i, tag in enumerate(gz) if tag}
        for i, feats in self.context(text, tokens, keep).items():
            context.setdefault(i, {}).update(feats)
        return tokens, words, keep, context

    def _kind(self, form: str) -> int:
        """:meth:`kind` of a form, cached per form like the words: :meth:`_prepare` asks it of a
        form not yet cached before it knows whether the form's word is needed, and the word,
        when made, takes it from here."""
        return _memo(self._kinds, form, self.kind)

    def _tag_word(self, form: str) -> _TagWord:
        """A word's features as the model's attribute rows (cached per form; see :class:`_TagWord`).

        The rows are looked up by feature key and value (:attr:`CrfModel.word_rows`), in the
        order :meth:`_word`'s lists have them (the scores are added in that order): no feature
        string is spelt out, and most of a new word's features are unknown to the model."""
        found = self._tag_words.get(form)
        if found is None:
            make_room(self._tag_words, WORD_CACHE)
            feats = self.word_features(form)
            model = self.model
            own, near = model.engine.feature_rows(feats, model.word_rows, _SLOTS)
            spelt = _utf8(feats.get("w", form))
            found = self._tag_words[form] = _TagWord(
                own, near, spelt, self._bigrams.get(spelt, _NO_BIGRAMS), self._kind(form)
            )
        return found

    @functools.cached_property
    def _engine(self) -> engine.Engine:
        """The engine that reads a text's tokens (the one in use when first needed)."""
        return engine.current()

    @functools.cached_property
    def model(self) -> CrfModel:
        """The CRF model read for tagging (``DataFileError`` if it is missing or damaged)."""
        return CrfModel(data_path(self.model_name))

    @functools.cached_property
    def _bigrams(self) -> dict[bytes, dict[bytes, int]]:
        return bigram_rows(self.model)

    @functools.cached_property
    def tagger(self) -> Any:
        """CRFsuite's own tagger on the model, opened on first use (``DataFileError`` if it is
        missing): the oracle of :attr:`model`, which :meth:`find` tags with, over the items of
        :meth:`features` (tests/match/test_discover_tagging.py). A change to :func:`window`'s
        items must be made in the engine's ``crf_window`` too; that test fails until it is."""
        return self._open_tagger(data_path(self.model_name))

    def use(self, path: str, skip: Iterable[str]) -> None:
        """Tag with the model file at ``path`` and never tag the forms in ``skip``, in this
        process only (training, held-out and cross-validated measurement): every cache made
        from the bundled model or skip list is dropped, so no figure is measured on the
        bundled model by mistake."""
        self.__dict__["model"] = CrfModel(path)
        self.__dict__["tagger"] = self._open_tagger(path)
        self.__dict__.pop("_bigrams", None)
        self.use_skip(skip)

    def use_skip(self, skip: Iterable[str]) -> None:
        """Never tag the forms in ``skip`` (in this process only: training computes its skip
        list first), dropping every word cache made with the one before."""
        self.__dict__["skip"] = frozenset(skip)
        self._words.clear()
        self._tag_words.clear()
        self._kinds.clear()

    @staticmethod
    def _open_tagger(path: str) -> Any:
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(path)
        except (OSError, ValueError) as exc:
            raise DataFileError(
                Msg.DATA_FILE.format(detail=f"cannot open the name model: {exc}"), path=path
            ) from exc
        return tagger

    def find(self, text: str, known: Sequence[tuple[int, int, str]] = ()) -> list[tuple[int, int, str]]:
        """(start, end, type) of the PER/ORG/LOC names the model tags in ``text``."""
        tokens, words, keep, context = self._prepare(text, known, self._tag_words, self._tag_word)
        if not keep:
            return []
        labels = self.model.tag_window(words, keep, context_rows(self.model, context, keep))
        out = []
        for tagged_first, tagged_last, tagged_type in self.join(text, tokens, bio_spans(labels, keep)):
            if tagged_type not in NAME_TYPES:
                continue
            first, last = self.trim(tokens, tagged_first, tagged_last, tagged_type)
            typ = self.retype(tokens, first, last, tagged_type)
            start, end = (
                tokens[first].name_start,
                self.name_end(text, tokens[first].name_start, tokens[last].end, typ),
            )
            if start < end and self.keep(text, start, end, typ):
                out.append((start, end, typ))
        return out


# -- from finds to mentions ------------------------------------------------------------
class _Crossing:
    """Mentions by start, for those crossing a span without a scan of all (an article of
    thousands of mentions): one that crosses ``start:end`` starts before ``end`` and after
    ``start`` less the longest mention, so a bisection bounds the few to test."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = mentions
        self.order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
        self.starts = [mentions[i].start for i in self.order]
        self.longest = max((m.end - m.start for m in mentions), default=0)
        self.removed: set[int] = set()

    def crossed(self, start: int, end: int) -> list[int]:
        """Indexes of the mentions not removed that overlap ``start:end``."""
        lo = bisect.bisect_right(self.starts, start - max(self.longest, 0))
        hi = bisect.bisect_left(self.starts, end)
        mentions, removed = self.mentions, self.removed
        return [
            i
            for i in self.order[lo:hi]
            if i not in removed and mentions[i].start < end and start < mentions[i].end
        ]

    def kept(self) -> list[Mention]:
        """The mentions not removed, in their order."""
        return [m for i, m in enumerate(self.mentions) if i not in self.removed]


def _overlaps_sorted(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``start:end`` overlaps one of ``spans``: non-empty, disjoint and sorted, so
    only the last one starting before ``end`` can."""
    at = bisect.bisect_left(spans, (end,))
    return at > 0 and spans[at - 1][1] > start


@functools.cache
def known_aliases(code: str) -> Mapping[str, frozenset[str]]:
    """Normalised aliases of the bundled gazetteers and demonyms on one side, with their entities' types.

    A discovered name equal to a demonym (``Iraqi``) or to an alias of an entity of the
    same type is a name the gazetteers know and did not match here on purpose (an
    ambiguous alias without support), so it is not proposed as a new name; ``برشلونة``
    found as an organisation (the club) is kept though the gazetteer knows the city.
    """
    from mediamon.match.gazetteer import Gazetteer

    language = languages.get(code)
    others = [languages.get(c) for c in languages.CODES if c != code]
    out: dict[str, set[str]] = {}
    for gazetteer in (Gazetteer.bundled(), Gazetteer.bundled(include=(DEMONYMS,))):
        for entity in gazetteer:
            for _, alias in entity.aliases():
                fallback = code == languages.FALLBACK and not any(o.owns(alias) for o in others)
                if language.owns(alias) or fallback:
                    out.setdefault(language.normalizer.normalize(alias), set()).add(entity.type)
    return {alias: frozenset(types) for alias, types in out.items()}


def _contains(text: str, start: int, end: int, inner: Mention) -> bool:
    """Whether ``start:end`` holds ``inner`` and at least one more word (not just a clitic)."""
    if not (start <= inner.start and inner.end <= end):
        return False
    return any(c.isspace() for c in text[start : inner.start]) or any(
        c.isspace() for c in text[inner.end : end]
    )


def discover(
    texts: Mapping[str, str],
    found: Mapping[str, Sequence[Mention]],
    sides: Sequence[str] | None = None,
) -> dict[str, list[Mention]]:
    """One article's mentions per field: the gazetteer's ``found`` and the discovered ones, by start.

    A gazetteer mention wins any overlap, except that a discovered organisation or place
    headed by an organisation or place word, which strictly contains gazetteer places
    (and crosses none), replaces them, as the longer match does between aliases:
    ``University of Texas`` over ``Texas``, ``جامعة بغداد`` over ``بغداد`` (the finder's
    ``may_replace``, which may allow more: an English person around a spelling-variant
    match of a person). A name gets the
    provisional id of its language's key; a discovered person's bare surname later in
    the article (found by the language's surname pass, or tagged alone) takes the full
    name's id when only one discovered person has that surname.
    """
    per_field: dict[str, list[Mention]] = {}
    kept: dict[str, list[Mention]] = {}
    surnames: dict[tuple[str, str], set[tuple[str, str, str]]] = {}
    for field, text in texts.items():
        gazetteer = list(found.get(field, ()))
        known = [(m.start, m.end, m.entity_type) for m in gazetteer]
        crossing = _Crossing(gazetteer)
        made: list[Mention] = []
        spans: list[tuple[int, int]] = []  # of ``made``, sorted
        for code in languages.CODES:
            finder = languages.finder(code)
            language = languages.get(code)
            if finder is None or (sides is not None and code not in sides) or not language.owns(text):
                continue
            for start, end, typ in finder.find(text, known):
                crossed = crossing.crossed(start, end)
                inner = [gazetteer[i] for i in crossed]
                if (
                    inner
                    and not (
                        all(_contains(text, start, end, m) for m in inner)
                        and finder.may_replace(text, start, end, typ, inner)
                    )
                ) or _overlaps_sorted(start, end, spans):
                    continue
                surface = text[start:end]
                alias = language.normalizer.normalize(surface)
                key = finder.name_key(surface)
                if not key or (typ != "ORG" and DEMONYM_TYPE in known_aliases(code).get(alias, ())):
                    continue
                crossing.removed.update(crossed)
                ident = entity_id(typ, key)
                made.append(Mention(field, start, end, surface, ident, typ, surface, code, alias, DISCOVERED))
                bisect.insort(spans, (start, end))
                if typ == "PER" and gives_surname(surface, alias):
                    skey = language.surname_key(surface)
                    if skey:
                        surnames.setdefault((code, skey), set()).add((ident, surface, alias))
        per_field[field] = made
        kept[field] = crossing.kept()
    if surnames:
        _link_surnames(texts, kept, per_field, surnames, sides)
    return {field: sorted([*kept[field], *made], key=lambda m: m.start) for field, made in per_field.items()}


def gives_surname(surface: str, alias: str) -> bool:
    """Whether a discovered person's later bare surname may link to it: two words or more as
    written and normalised (``Helena Brandt``); one hyphenated word is not a given name and a
    surname (``Anti-American`` would give every later ``American`` its id)."""
    return len(alias.split()) > 1 and len(surface.split()) > 1


def _link_surnames(
    texts: Mapping[str, str],
    found: Mapping[str, Sequence[Mention]],
    per_field: dict[str, list[Mention]],
    surnames: Mapping[tuple[str, str], set[tuple[str, str, str]]],
    sides: Sequence[str] | None,
) -> None:
    """In-document coreference: bare surnames of discovered people take the full name's id."""
    for field, text in texts.items():
        made = per_field[field]
        made.sort(key=lambda m: m.start)  # disjoint, so their ends rise too: clashes by bisection
        starts, ends = [m.start for m in made], [m.end for m in made]
        gazetteer = _Crossing(found.get(field, ()))
        for code in {c for c, _ in surnames}:
            language = languages.get(code)
            if (sides is not None and code not in sides) or not language.owns(text):
                continue
            keys = {k: owners for (c, k), owners in surnames.items() if c == code and len(owners) == 1}
            for start, end, key in language.surname_spans(text, keys):
                ident, name, alias = next(iter(keys[key]))
                if gazetteer.crossed(start, end):
                    continue
                lo, hi = bisect.bisect_right(ends, start), bisect.bisect_left(starts, end)
                if any(m.end - m.start > end - start for m in made[lo:hi]):
                    continue  # inside a longer discovered name (the full name itself)
                made[lo:hi] = [
                    Mention(field, start, end, text[start:end], ident, "PER", name, code, alias, DISCOVERED)
                ]
                starts[lo:hi], ends[lo:hi] = [start], [end]
