"""The support stage: an ambiguous alias counts only where the article supports it.

Applied to the scan's candidates before overlaps are resolved (``Annotator`` calls
:meth:`SupportModel.apply`). An alias is *ambiguous* for one of these reasons, decided
from data, never from a list of cases:

- ``marked``: the entity's ``meta.ambiguous_<lang>`` lists it (the gazetteer's own word);
- ``word``: the matched text is one word that is also an ordinary word, by its frequency
  (wordfreq's Zipf value, baked into ``data/<lang>/word_frequency.json``) and the
  entity's weight (``SupportSettings``): a country, capital, region, organisation or person
  is never ambiguous by frequency, a division or a place of a million from Zipf 4.2, a place
  of 100,000 (or of unknown size) from Zipf 3.8, a smaller one from Zipf 3.0, and only when
  the word also shows its grammar: a form with the article toggled, a proclitic or verb
  prefix removed, or an inflection (``data/<lang>/support.json``: ``forms``) is nearly as
  frequent (سلالة / السلالة, ينقل / نقل, sale / sales), which a frequent place name's forms
  are not (غزة / الغزة, Iraq / iraqs); for a place below 100,000 people any form of Zipf 3.0
  counts, whatever the word's own frequency (هون "make easy" / يهون: no town of 24,000 is
  named as often as a verb); a minor place abroad (``meta.strict``) from Zipf 3.0
  on another script's side, grammar or not; and an alias that reads as a proclitic + a word
  ``clitic_margin`` Zipf commoner than itself (ووهن: و + وهن "weakness"); below its
  weight's threshold, a big place's or city's word of Zipf 3.8 whose inflections are at
  least as frequent as itself (خفي "hidden": تخفي);
- ``article``: in a language with an article, one word of Zipf 3.0 naming a place below a
  country's weight whose form with the article toggled is as frequent (within the forms'
  margin) though the weight's threshold is not reached (الحلة / حلة "a pot", السند / سند
  "support", جنان / الجنان "gardens"): a place cue supports it, a preposition only for a
  division or a place of a million or where its country is named, the country alone not;
- ``definite``: in a language with an article, one word with the article naming a town or
  city below a million or a first-level division (العريش "the trellis", الخروب "the carob",
  النعامة "the ostrich"): how a common noun is written, which frequency cannot tell from a
  name (the bare nouns are as rare as names'): a place cue, a preposition, its country, a noun
  naming a thing after a place (``named_after``: اتفاق الطائف), a place noun (حي القادسية) or
  a naming cue after one supports it;
- ``frequent``: outside Latin script, one word of Zipf 3.3 naming a town below 100,000
  people, grammar or not (تلا "recited"): a preposition supports it;
- ``abroad``: such a minor place abroad whose word shows no grammar and whose English name
  is as frequent in English as a city's word (Geneva, جنيف): a preposition supports it;
- ``case``: a Latin-script place written in lower case in running prose (a turkey), and
  then the same word with a capital anywhere in that text (a title-case heading), unless it
  is a country's, a capital's or a region phrase's (only at a sentence start or, for one
  word, in a title-case heading there: *Growing Chile Peppers*);
- ``name``: the matched text is one word that is also a word of a person's name in the
  gazetteer (``Hassan``, ``جاسم``) and the entity is a place below a million people; or, in
  Latin script, one word of Zipf 3.0 naming a town or a minor place abroad (``meta.strict``:
  Gilbert, Eugene, Kara; or a form of one: the Rosas), whose frequency a given name
  explains better than the place.

A Latin-script place below a country's or capital's weight that reads as a person is no
mention (:meth:`SupportModel._person_reading`: a person or naming cue, ``who``, a verb only a
person does, a possessive with a kin word, an apposition ``, my colleague``), and a word so
read is that person wherever else the text writes it without a place cue (his wife Adelaide
... Adelaide says). In a script without capitals (Arabic) a place's word after a title or kin
word or a naming cue is a person likewise (:meth:`SupportModel._cued_person`: العم حماه, اسمه
الزبير), one sense per text too.

An ambiguous candidate is dropped when the language's writing says it is not this entity
(Latin script: not written with a capital, or inside a longer capitalised name such as
``Joaquin Phoenix`` or ``Golden Globes``). Otherwise it is kept only with *support* in the
article, named in the mention's ``support`` (its ``how`` stays the matching rule):

- ``alias``: the same entity is named by an unambiguous alias in the article;
- ``country``: a place of the same country is named unambiguously and confidently (places
  only): a country, capital or region, a phrase, a word rarer than Zipf 3.0, or a place with a
  place cue of its own or after a comma that follows a name (Irving, Texas); a place named by
  one frequent word alone (تلا "recited", الحلة "the pot", Indiana, which may be a girl's
  name) names no country;
- ``cue``: a place cue stands right before it (``مدينة``, ``city of``; places
  only); a preposition (``في``, ``وفي``, ``in``) counts only for the ``name``, ``abroad``,
  ``frequent`` and ``definite`` reasons.

An organisation's or outlet's candidate names no body right after a person's title
(``support.json: titles``: وزيرة الخارجية الاميركية is the Secretary of State) nor, in
Latin script, when its alias is made of ordinary words and ends a longer capitalised name
(the British Red Cross). After resolution (:meth:`SupportModel.join`) a country's mention
starts at a state-form word before it (جمهورية فنزويلا), a descriptive alias right before
the same entity's name is dropped (العاصمة العراقية بغداد), and an organisation's two
names side by side are one mention (حركة المقاومة الاسلامية حماس).

``marked`` aliases of organisations, media and people take ``alias`` support (unless the
word is very common or an adjective), ``cue`` from a word of their kind right before them
(``مراسل الجزيرة``, ``مدرب الكويت``) or from another alias of theirs right before them
(``وكالة الانباء القطرية قنا``) and, for outlets, ``credit``: a news credit in parentheses
(``(الفرنسية)``) or in a dateline (``الدوحة - قنا:``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any, NamedTuple

import attrs

from mediamon import lang as languages
from mediamon import resources
from mediamon.errors import DataFileError, Msg
from mediamon.match.compile import (
    CASE_SENSITIVE_MAX,
    Candidate,
    CompiledGazetteer,
    Side,
    case_letters,
    resolve,
)
from mediamon.match.discover import given_names, load_rules
from mediamon.match.gazetteer import Entity, Gazetteer
from mediamon.match.roles import role_cues
from mediamon.memo import LineVerdicts, make_room
from mediamon.model import Mention

__all__ = ["SUPPORTS", "Ambiguity", "SupportModel", "SupportSettings", "word_frequencies"]

# Id prefixes of places that are never small: countries, first-level divisions, regions.
HEAVY_PREFIXES = frozenset({"country", "adm", "geo"})
# ... of which never ambiguous by frequency (a division named by a word, البحيرة "the lake", is)
NEVER_WORD_PREFIXES = frozenset({"country", "geo"})
SENTENCE_ENDS = frozenset({"", ".", "!", "?", ":", '"', "“", "\n"})
SUPPORTS = ("alias", "country", "cue", "credit", "context", "tag", "title", "trigger", "register")
_WORD_PATTERN = r"[^\W_]+(?:['’.-][^\W_]+)*"
_WORD = re.compile(_WORD_PATTERN)
#: A possessive ending (Regev's), left off a word before it is read as a surname
_POSSESSIVE_END = re.compile(r"['’]s$")
#: Where a sentence ends (as :meth:`SupportModel._sentence_text` cuts one; the register model's)
_SENTENCE_CUT = re.compile(r"[.!?؟\n]")
#: The last two words before a point, read on the reversed text (a word reads the same
#: either way: runs of letters and digits joined by single marks), so only they are scanned.
#: How far before an alias another alias of its entity is looked for (characters)
_NAMED_BEFORE_REACH = 60
#: A dateline's credit: an outlet between a dash after the place and a colon or dash
#: (استنبول - قنا - ا ف ب:, الدوحة - قنا:)
_DATELINE_BEFORE = re.compile(r"\w[ \t]*[-–—][ \t]*$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?::|[-–—][ \t])")


def _dateline(text: str, start: int, end: int) -> bool:
    """The alias sits in a dateline between a dash after the place and a colon or a dash."""
    return bool(_DATELINE_BEFORE.search(text, max(0, start - 30), start)) and bool(
        _DATELINE_AFTER.match(text, end)
    )


#: Quotation marks that may open a name right after the word that starts it (صحيفة "بابل")
_OPEN_QUOTES = frozenset('"«“')
_LAST_WORDS = re.compile(rf"\s+({_WORD_PATTERN})(?:\s+({_WORD_PATTERN}))?")
#: The word right after a place (a verb: Denver accepted), and a possessive with one or two
#: words after it (Indiana's older brother)
_NEXT_WORD = re.compile(rf" ({_WORD_PATTERN})")
#: ``who`` after a place (Gaza who ...), and a word and a comma before a place (his sisters, Montana)
_WHO = re.compile(r",? who\b")
_COMMA_WORD = re.compile(r"(\w+),\s+$")
_APPOSED = re.compile(rf", ({_WORD_PATTERN}) ({_WORD_PATTERN})")
_POSSESSED = re.compile(rf"['’]s ({_WORD_PATTERN})(?: ({_WORD_PATTERN}))?")
#: A container's or a measure's noun and ``of`` right before a point (a cup of Assam)
_MEASURE_OF = re.compile(r"(?<![^\W\d_])([^\W\d_]+) of $")


@attrs.frozen
class SupportSettings:
    """Thresholds of the ambiguity model (see the module docstring)."""

    heavy_population: int = 1_000_000
    city_population: int = 100_000
    big_zipf: float = 4.2
    city_zipf: float = 3.8
    town_zipf: float = 3.0
    min_name_letters: int = 3
    country_support_max_zipf: float = 4.1
    #: a word this common (العالم "the world", العربية "Arabic") is not an outlet's or club's
    #: name because the outlet is named elsewhere in the article: only a cue or credit is
    alias_support_max_zipf: float = 5.5
    #: an alias that reads as a proclitic + a word (ووهن "and weakness") is that word when the
    #: word is this much more frequent (in Zipf) than the alias (بعقوبة / عقوبة: 0.8, a city)
    clitic_margin: float = 1.0
    #: a town's one word this frequent (in a script with grammar to show) needs support even
    #: when its forms are rare; a preposition is enough (``frequent``)
    town_word_zipf: float = 3.3
    #: how many capitalised words after a Latin place may lead to an organisation head
    #: (``support.json: org_heads``: United States National Security Council)
    org_head_reach: int = 4
    #: an organisation's Latin alias made only of words this common (Red Cross, Security
    #: Council) ends no longer capitalised name (the British Red Cross); Hamas (3.6) may
    org_word_zipf: float = 4.5
    #: how many words before a place (in its clause) a naming cue may stand in a script without
    #: capitals (سمتها أختي الصغيرة سيدني: the verb, its subject, an adjective)
    naming_reach: int = 3
    #: a capitalised word after a Latin place's word rarer than this may be a surname (Cali
    #: Brandreth, Nevada Halifax): the place's word is then a given name
    surname_zipf: float = 4.2
    #: a word this common after a region's name of an adjective's form is no noun it describes
    #: (Pacific and, Arctic is, since; states 5.5 is one: :meth:`SupportModel._adjective_form`)
    adjective_next_max_zipf: float = 5.6


@attrs.frozen
class Ambiguity:
    """Why an alias is ambiguous: ``reason`` (marked, word, article, definite, abroad, frequent, name,
    case) and the evidence."""

    reason: str
    evidence: str


#: Why a Latin place written in lower case needs its entity named elsewhere in the text
LOWER_CASE = Ambiguity("case", "written in lower case in running text")
#: ... and the same word written with a capital only where any word has one (a title, a
#: sentence start) in a text that also writes it in lower case: the text uses it as a noun
LOWER_ELSEWHERE = Ambiguity("case", "written with a capital, and in lower case elsewhere in the text")
#: Why a place's word needs a place cue (or its entity named by another alias) where the text
#: also writes it as a product's mass noun (a cup of Assam: :meth:`SupportModel._product_name`)
PRODUCT_ELSEWHERE = Ambiguity("product", "named as a product elsewhere in the text (a cup of it)")
#: A place's bare word read as a construct head (حلب الماعز): :meth:`SupportModel._construct_head`
CONSTRUCT = Ambiguity("construct", "a frequent word right before a noun with the article (a construct head)")
#: A weighty place's word that is also an ordinary word (``data/<lang>/weighty_words.json``) in a
#: position only the ordinary word takes: :meth:`SupportModel._weighty_reading`
WEIGHTY = Ambiguity(
    "weighty",
    "a country's, capital's or big place's word that is also an ordinary word, read as the word here",
)
#: A weighty place's word that is also an ordinary word (the class of ``WEIGHTY``) where its
#: sentence's grammar tells neither reading: the sense model decides (:meth:`SupportModel._sense`)
SENSE = Ambiguity(
    "sense",
    "a country's, capital's or big place's word that is also an ordinary word, no grammar telling which",
)
#: A place's word read as a measure's accusative before من (كوبا من): ``_measure_accusative``
MEASURE = Ambiguity("measure", "a measure's noun in the accusative before the partitive (a cup of)")
#: A place's word of a comparative's form before من (أبين من): ``_predicate_word``
ELATIVE = Ambiguity("elative", "a comparative's form right before 'than' (clearer than)")
#: A place's bare word right after the negation of a kind (لا حائل): ``_predicate_word``
NEGATED = Ambiguity("negated", "an indefinite noun right after the negation of a kind (no barrier)")
#: A definite comparative's form after a noun with a pronoun (مستواه الأقصى): ``_possessed_adjective``
POSSESSED = Ambiguity("possessed", "a comparative's form after a noun with a pronoun (its highest level)")
#: A Latin place's word written in capitals, short as an acronym, where its alias is a word
#: (``NIS 2,000``, the shekel, for Niš): an acronym of something else unless the text names
#: the place or its country otherwise, or writes it as a hashtag
ACRONYM = Ambiguity("acronym", "written in capitals as an acronym, where the place's name is a word")
#: The longest such acronym (three letters: a wire dateline writes a city of four in capitals)
ACRONYM_MAX = 3
#: Why a place's alias is ambiguous when its ordinary reading is a word of the language: for
#: such a place a hashtag is no support (#صور "pictures", #وقف "stop": a topic may be a word)
WORD_REASONS = frozenset(
    {"marked", "word", "article", "frequent", "verb", "definite", "construct", "weighty", "measure"}
    | {"elative", "negated", "possessed"}
)
#: Not yet decided (the memo of :meth:`SupportModel.ambiguity` holds None for "not ambiguous")
_UNDECIDED = Ambiguity("", "")
#: What may stand between an addressee proclitic and the outlet's name (لـ"الشرق الأوسط", لـ«...»)
_ADDRESSEE_MARKS = frozenset("ـ\"«“'")
#: How many distinct sport words (``roles.json``) make a sentence without a score a match report
_MATCH_WORDS = 2
#: Currency signs a country code is glued to as a prefix (US$, HK$)
_CURRENCY_SIGNS = frozenset("$£€¥")
#: A word written with the indefinite accusative's tanwin (خاصاً, خاصًا): an indefinite word
_TANWIN_END = re.compile("[\u064b][\u0627\u0649]?$|[\u0627\u0649][\u064b]$")
#: Arabic proclitics that are prepositions (ب "in", ل "to", ك "like"): a place after one is placed
_PREPOSITION_CLITICS = frozenset("بلك")
#: Characters that join a word into a hashtag, handle, address or compound token
TOKEN_JOINERS = frozenset("#@/_-.")


#: Words of a heading that stay in lower case in title case (a, of, and): not counted
_TITLE_MIN_LETTERS = 4


def _title_case_span(line: str) -> bool:
    """Whether ``line`` is a title-case heading: one sentence, no closing full stop, at least
    two words of four letters or more, all of them capitalised."""
    line = line.strip()
    if not line or line[-1] in ".!?" or ". " in line:
        return False
    words = [w for w in _WORD.findall(line) if len(w) >= _TITLE_MIN_LETTERS and w[:1].isalpha()]
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


#: What ends a clause for _clause_words (the naming cues' reach)
_CLAUSE_MARK = re.compile('[.!?؟\n:،,;؛()"«»]')
#: What ends a clause for _addressed (the verb of saying's reach)
_ADDRESS_CLAUSE_MARK = re.compile("[.!?؟\n:،,()]")


#: alias -> _side_of(alias): the tables built on first use walk the same aliases again and again
_SIDES: dict[str, str] = {}


def _side_of(alias: str) -> str:
    """The code of the side whose script an alias is written in (the fallback side for the rest)."""
    found = _SIDES.get(alias)
    if found is None:
        make_room(_SIDES)
        found = languages.FALLBACK
        for code, owns in _owners():  # a loop, not next() over a generator: once per alias
            if owns(alias):
                found = code
                break
        _SIDES[alias] = found
    return found


@functools.cache
def _owners() -> tuple[tuple[str, Callable[[str], bool]], ...]:
    """Each side's code and its ``owns`` test, in the order of ``lang.CODES``."""
    return tuple((code, languages.get(code).owns) for code in languages.CODES)


@functools.cache
def word_frequencies(code: str) -> Mapping[str, float]:
    """Normalised word -> Zipf frequency for a language (empty when it ships none)."""
    name = f"{code}/word_frequency.json"
    data = resources.optional_json(name)
    table = data.get("zipf", {})
    if not isinstance(table, dict) or not (
        # the types seen once each (a JSON file's own), else every entry asked
        (set(map(type, table)) <= {str} and set(map(type, table.values())) <= {int, float, bool})
        or all(isinstance(k, str) and isinstance(v, int | float) for k, v in table.items())
    ):
        raise DataFileError(
            Msg.DATA_FILE.format(detail="'zipf' must map words to numbers"), path=resources.data_path(name)
        )
    return table


@functools.cache
def weighty_words(code: str) -> frozenset[str]:
    """Normalised one-word aliases of countries, regions, capitals and big places that are also
    ordinary words written both with and without the article (``data/<lang>/weighty_words.json``,
    derived by ``tools/wordfreq/weighty_words.py``; empty when the language ships none)."""
    name = f"{code}/weighty_words.json"
    data = resources.optional_json(name)
    words = data.get("words", {})
    if not isinstance(words, dict) or not all(isinstance(k, str) and " " not in k for k in words):
        raise DataFileError(
            Msg.DATA_FILE.format(detail="'words' must map one-word keys to their derivation"),
            path=resources.data_path(name),
        )
    return frozenset(words)


@attrs.frozen
class Register:
    """A language's register model (``data/<lang>/register.json``, trained by
    ``tools/sense/register.py``): each word's log-odds of a news sentence over a sentence of
    ordinary prose, the ``threshold`` a sentence's sum must reach to read as news, the
    ``min_news_share`` of a text's sentences that must read as news for the text to, and the
    ``min_sentences`` a text needs for that verdict (a shorter text is left to its sentences)."""

    weights: Mapping[str, float]
    threshold: float
    min_news_share: float
    min_sentences: int
    sentence_threshold: float

    def score(self, words: AbstractSet[str]) -> float:
        """The log-odds of news of a sentence of these (distinct, normalised) words."""
        weights = self.weights
        return sum(weights.get(w, 0.0) for w in words)


@functools.cache
def register_model(code: str) -> Register | None:
    """The register model of a language, or None when it ships none."""
    name = f"{code}/register.json"
    data = resources.optional_json(name)
    if not data:
        return None
    weights = data.get("weights")
    threshold = data.get("threshold")
    share = data.get("min_news_share")
    least = data.get("min_sentences")
    sentence = data.get("sentence_threshold")
    if (
        not isinstance(least, int)
        or not isinstance(sentence, int | float)
        or not isinstance(weights, dict)
        or not all(isinstance(k, str) and isinstance(v, int | float) for k, v in weights.items())
        or not isinstance(threshold, int | float)
        or not isinstance(share, int | float)
        or not 0.0 <= share <= 1.0
    ):
        raise DataFileError(
            Msg.DATA_FILE.format(
                detail="'weights' must map words to numbers, 'threshold' be a number, "
                "'min_news_share' a number from 0 to 1, 'min_sentences' an integer and "
                "'sentence_threshold' a number"
            ),
            path=resources.data_path(name),
        )
    return Register(weights, float(threshold), float(share), least, float(sentence))


@functools.cache
def _weighty_cues(code: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """``support.json: weighty``, normalised: ``adjectives`` (indefinite adjectives of a thing:
    رفيع "thin", متين "strong") and ``not_adjectives`` (words of a nisba's form that follow a
    name as often as a noun: ثاني "second", قطر ثاني أكبر منتج) and ``units`` (of length or
    size after a number: سم, ملم)."""
    name = f"{code}/support.json"
    data = resources.optional_json(name).get("weighty", {})
    if not isinstance(data, dict):
        raise DataFileError(
            Msg.DATA_FILE.format(detail="'weighty' must be an object"), path=resources.data_path(name)
        )
    normalize = languages.get(code).normalizer.normalize
    source = resources.data_path(name)

    def words(key: str) -> frozenset[str]:
        return frozenset(normalize(w).strip() for w in resources.string_list(data, key, source=source))

    return words("adjectives"), words("not_adjectives"), words("units")


@attrs.frozen
class Cues:
    """A language's place cues (``support.json``), normalised: see the module docstring."""

    strong: frozenset[str] = frozenset()
    weak: frozenset[str] = frozenset()
    joiners: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()
    descriptors: frozenset[str] = frozenset()
    org_starters: frozenset[str] = frozenset()
    feature_starters: frozenset[str] = frozenset()
    #: a person's title or kin word (الملكة, ابو): a place right after it is a person's name
    person_starters: frozenset[str] = frozenset()
    directions: frozenset[str] = frozenset()
    org_heads: frozenset[str] = frozenset()
    #: a person's title (وزير "minister"): an organisation right after it is part of the title
    #: (وزيرة الخارجية الاميركية "the US Secretary of State"), not a mention of the body
    titles: frozenset[str] = frozenset()
    #: a word of a descriptive alias (العاصمة العراقية "the Iraqi capital"): right before the
    #: entity's name (العاصمة العراقية بغداد) the description is no second mention
    appositive: frozenset[str] = frozenset()
    #: words that, right before a country's name, make the country's formal name with it
    #: (جمهورية فنزويلا): the mention starts at the word
    state_forms: frozenset[str] = frozenset()
    #: words that, right before (English: National) or after (Arabic: القومي) an alias of a
    #: body of one of ``national_kinds`` (intergovernmental), name a country's own body of that
    #: name (the National Security Council, مجلس الامن القومي): no mention of the body
    national_before: frozenset[str] = frozenset()
    national_after: frozenset[str] = frozenset()
    national_kinds: frozenset[str] = frozenset()
    #: entity type or ``meta.kind`` -> words right before an alias that say it is that kind
    kinds: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    #: entity type or ``meta.kind`` -> words anywhere in the alias's sentence that say so
    contexts: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    #: a last word left out of a mention of these kinds when the rest is an alias (العربي الكويتي)
    trailing: re.Pattern[str] | None = None
    trailing_kinds: frozenset[str] = frozenset()
    #: the trailing word must also be a country's demonym (الكويتي; not البيضاوي "of Casablanca",
    #: which is part of the club's name: الرجاء البيضاوي)
    trailing_demonym: bool = False
    #: ``meta.kind`` -> descriptor words (نادي, شركة) left out of a mention of that kind before
    #: a one-word name even where the word alone is no alias (نادي النصر -> النصر, شركة شل -> شل:
    #: the newswire convention, docs/evaluation.md round arorg10)
    kind_descriptors: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    #: the form of an adjective (الفرنسية "the French"): never supported by ``alias``
    adjective: re.Pattern[str] | None = None
    #: marks of an indefinite noun (Arabic tanwin): a word ending in one is no place name
    indefinite: frozenset[str] = frozenset()
    #: two-word phrases (normalised) whose second word, a place's name, is an ordinary word there
    idioms: frozenset[str] = frozenset()
    #: two-word phrases (normalised) whose first word, a place's name, is an ordinary word there
    #: (النيل من "to harm"); a second word of one letter is a proclitic (طوبى ل: طوبى لمن)
    idioms_after: frozenset[str] = frozenset()
    #: fixed phrases ending in a place's word with one word left open (``*``: sent * to coventry,
    #: "shunned")
    idiom_gaps: frozenset[str] = frozenset()
    #: the words that may fill an ``idiom_gaps`` phrase's gap (me, them, his)
    idiom_gap_words: frozenset[str] = frozenset()
    #: the form of an elative (أطول "longest"): after an ``idioms_after`` phrase, the place's
    #: reading (النيل من أطول الأنهار "the Nile is one of the longest rivers")
    superlative: re.Pattern[str] | None = None
    #: words right before a capitalised word that make it a person's name (aunt, neighbour)
    person_cues: frozenset[str] = frozenset()
    #: ``meta.kind`` of names (a club's) that a sentence about a match (``roles.json`` cues)
    #: supports where they are shared with a place
    match_kinds: frozenset[str] = frozenset()
    #: an outlet's alias after one of these proclitics (ل "to") with a verb of saying among the
    #: ``addressee_reach`` words before it is the outlet told something (قال للشرق الاوسط)
    addressee_proclitics: frozenset[str] = frozenset()
    addressee_verbs: frozenset[str] = frozenset()
    addressee_reach: int = 0
    #: the ending of a feminine word with the article after which a one-word place name of
    #: the ``adjective`` form agrees with it as an adjective (العائلة المالكة السعودية)
    definite_adjective: tuple[str, ...] = ()
    #: words that give a name (called, named): the capitalised word after one is a person's
    #: name unless a place noun stands before the cue (a town called Milan)
    naming_cues: frozenset[str] = frozenset()
    #: nouns of places (town, village): before a naming cue the name is a place's
    place_nouns: frozenset[str] = frozenset()
    #: verbs only a person does (walked, washed, smiled, says): a one-word place right before
    #: one, not after a preposition, is a person's name (Denver accepted the ribbon)
    person_verbs: frozenset[str] = frozenset()
    #: people a person has (wife, brother, friend): after a possessive (Indiana's older
    #: brother) the possessor is a person
    kin: frozenset[str] = frozenset()
    #: (a name's last letter, an attached pronoun's letter the normaliser makes it): بريده "his
    #: mail" is بريد + ه, not بريدة
    pronoun_spelling: tuple[str, str] | None = None
    #: possessive determiners (my, his): ``Houston, my colleague`` is a person
    determiners: frozenset[str] = frozenset()
    #: joiners that join two names (and, or): the only ones after which a place may still read
    #: as a person by its verb (Dudley and Irving washed up; the mayor of Mosul said stays)
    coordinators: frozenset[str] = frozenset()
    #: a conjunction between two conjuncts of a list (Arabic و, glued to the next one): a
    #: place's ambiguous alias next to a confident place with only one between is a place
    list_conjunctions: frozenset[str] = frozenset()
    #: a proclitic "of" glued to a country's name (Arabic ل): a division's alias right before
    #: it describes that country when the division is another country's (الحدود الشمالية
    #: لإسرائيل "Israel's northern border", not Saudi Arabia's Northern Borders province)
    genitive_proclitics: frozenset[str] = frozenset()
    #: adjectives without the article (قديمة "old"): a place's bare word before one is an
    #: indefinite common noun (فأس قديمة "an old axe"), as a name's adjective takes the article
    indefinite_adjectives: frozenset[str] = frozenset()
    #: words that open a nominal sentence (إن, كانت): a place after one is its subject
    copulas: frozenset[str] = frozenset()
    #: prepositions that take a person as often as a place (from, to): after one, a word the
    #: text reads as a person elsewhere stays that person (tickets are available from Cali)
    person_prepositions: frozenset[str] = frozenset()
    #: kin words that name a person only with an attached pronoun (أمي "my mother", ابنها; أم
    #: alone is also "or", ابن غزة "a native of Gaza"): a place's word right after one is a name
    owned_kin: frozenset[str] = frozenset()
    #: endings of a hollow verb's perfect in the first or second person (سرت "I walked", سرنا):
    #: a place's bare word of two letters and one of them, whose two letters with ``hollow_long``
    #: between them are a frequent verb (سار), may be that verb
    hollow_endings: frozenset[str] = frozenset()
    hollow_long: frozenset[str] = frozenset()
    #: words right before a verb (a subject pronoun, a particle: أنا, قد, عندما): such a form
    #: after one is the verb
    verb_openers: frozenset[str] = frozenset()
    #: prepositions a verb of motion or a verb-first clause goes on with (على, في, عن): such a
    #: form that opens its clause before one, or a place's word before a given name and one, is
    #: a verb (سرت على الرصيف "I walked on the platform", سلا رامي عن لعبته "Rami forgot his toy")
    verb_prepositions: frozenset[str] = frozenset()
    #: a motion's prepositions (على, إلى, نحو): a hollow verb's form opening its clause before
    #: one is the verb (not في or من, which a headline's place opens as often)
    hollow_after: frozenset[str] = frozenset()
    #: relative pronouns (الذي, التي) and verbs of making or handling a thing (حفر "dug", صنع,
    #: اشترى): a place's word before a relative and such a verb with its object's pronoun
    #: (النقب الذي حفره الكلب "the hole the dog dug") is that thing
    relatives: frozenset[str] = frozenset()
    #: verbs only a person does, as the first word of a verb-first clause (قالت "she said",
    #: ضحك, تبتسم): a place's word right after one, below a country's or a capital's weight, is
    #: its subject, a person's name
    subject_verbs: frozenset[str] = frozenset()
    thing_verbs: frozenset[str] = frozenset()
    #: the indefinite article (a, an) and the word after (of): a place's word between them is a
    #: common noun, a figure of speech (a Babylon of spare parts)
    metaphor: frozenset[str] = frozenset()
    metaphor_after: frozenset[str] = frozenset()
    #: words of a place's feature after its name (Harbour, Bay): no surname (Sydney Harbour)
    place_heads: frozenset[str] = frozenset()
    #: endings of a word of an adjective's form (Antarctic, Caribbean, Caspian): a region's, a
    #: sea's or a continent's one-word name of that form before a noun is the adjective
    adjective_endings: tuple[str, ...] = ()
    #: words after which such a name is the noun (the Atlantic coast: the ocean's coast)
    adjective_noun_after: frozenset[str] = frozenset()
    #: words a whole hashtag of labels a post's kind (#الأخبار "the news", #Breaking): such a
    #: hashtag names nothing, so it is no support (``tag``) for an outlet of that name
    genre_tags: frozenset[str] = frozenset()


@functools.cache
def demonyms(code: str) -> frozenset[str]:
    """Normalised demonyms of the bundled ``demonyms.jsonl`` written in the side's script
    (الكويتي, Kuwaiti): language data, whatever gazetteers the annotator was given."""
    language = languages.get(code)
    return frozenset(
        language.normalizer.normalize(alias).strip()
        for entity in Gazetteer.bundled(include=("demonyms.jsonl",))
        for _lang, alias in entity.aliases()
        if _side_of(alias) == code
    )


@functools.cache
def _name_starters(code: str) -> frozenset[str]:
    """Words that start an organisation's, a feature's or a person's name (``_in_longer_name``),
    united once."""
    cues = _cues(code)
    return cues.org_starters | cues.feature_starters | cues.person_starters


@functools.cache
def _person_triggers(code: str) -> frozenset[str]:
    """The name finder's trigger and speech words (``name_rules.json``), united once: a word
    beside a bare surname that stands by people (:meth:`SupportModel.prominent_cue`)."""
    rules = load_rules(code)
    return rules.triggers | rules.speech


@functools.cache
def _not_in_name_run(code: str) -> frozenset[str]:
    """Capitalised words that make no run of a longer name before a person's alias: cues,
    joiners, triggers and titles (:meth:`SupportModel._name_run_before`), united once."""
    return _not_name_words(code) | _person_triggers(code) | load_rules(code).titles


@functools.cache
def _not_after_surname(code: str) -> frozenset[str]:
    """Capitalised words after a bare surname that make it no first name: cues, joiners and
    verbs of saying (:meth:`SupportModel._name_follows`), united once."""
    return _not_name_words(code) | load_rules(code).speech


@functools.cache
def _never_bare(code: str) -> frozenset[str]:
    """Given names and demonyms: never a prominent person's bare surname, united once."""
    return given_names(code) | demonyms(code)


@attrs.frozen
class CompoundHeads:
    """The word classes of ``<code>/compound_heads.json``, normalised: the nouns after a place's
    word that make it a modifier in lower case only (``lower``: Jamaica pepper), in any case
    (``either``: Maine Coon), only with an article before the place (``after_article``: a Bronx
    cheer), and the ``measures`` before ``of`` that make it a product's name (a cup of Assam)."""

    lower: frozenset[str] = frozenset()
    either: frozenset[str] = frozenset()
    after_article: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    measures: frozenset[str] = frozenset()


@functools.cache
def _compound_data(code: str) -> CompoundHeads:
    """``<code>/compound_heads.json`` read and checked once (empty for a language without one)."""
    name = f"{code}/compound_heads.json"
    data = resources.optional_json(name)
    source = resources.data_path(name)
    classes = data.get("classes", {})
    if not isinstance(classes, dict):
        raise DataFileError(Msg.DATA_FILE.format(detail="'classes' must be an object"), path=source)
    groups = {
        key: set(resources.string_list(data, key, source=source)) for key in ("any_case", "after_article")
    }
    for key, kinds in groups.items():
        if not kinds <= set(classes):
            raise DataFileError(
                Msg.DATA_FILE.format(detail=f"{key!r} names a class not in 'classes'"), path=source
            )
    if groups["any_case"] & groups["after_article"]:
        raise DataFileError(
            Msg.DATA_FILE.format(detail="a class is in both 'any_case' and 'after_article'"), path=source
        )
    normalize = languages.get(code).normalizer.normalize
    found: dict[str, set[str]] = {"lower": set(), "either": set(), "after_article": set()}
    for kind in classes:
        words = {normalize(w).strip() for w in resources.string_list(classes, kind, source=source)}
        group = (
            "either"
            if kind in groups["any_case"]
            else "after_article"
            if kind in groups["after_article"]
            else "lower"
        )
        found[group].update(words)

    def listed(key: str) -> frozenset[str]:
        return frozenset(normalize(w).strip() for w in resources.string_list(data, key, source=source))

    if found["after_article"] and not data.get("articles"):
        raise DataFileError(Msg.DATA_FILE.format(detail="'after_article' needs 'articles'"), path=source)
    return CompoundHeads(
        lower=frozenset(found["lower"]),
        either=frozenset(found["either"]),
        after_article=frozenset(found["after_article"]),
        articles=listed("articles"),
        measures=listed("measures"),
    )


def compound_heads(code: str) -> tuple[frozenset[str], frozenset[str]]:
    """The nouns that make a place's word a modifier (``<code>/compound_heads.json``: Jamaica
    pepper), normalised: (in lower case only, in any case)."""
    heads = _compound_data(code)
    return heads.lower, heads.either


@functools.cache
def _listed_given_names(code: str) -> frozenset[str]:
    """Given names, normalised: the language's list (``<code>/given_names.json``, whole: a
    place's word there, Nevada, is what the support stage asks about) and the first words of
    the bundled people's names."""
    name = f"{code}/given_names.json"
    listed = resources.string_list(resources.optional_json(name), "words", source=resources.data_path(name))
    normalize = languages.get(code).normalizer.normalize
    return frozenset(normalize(w).strip() for w in listed) | given_names(code)


@functools.cache
def _idiom_gap_ends(code: str) -> frozenset[str]:
    """The last words of the side's ``idiom_gaps`` phrases (``_gapped_idiom``), gathered once."""
    return frozenset(word for pattern in _cues(code).idiom_gaps for word in pattern.split()[-1:])


@functools.cache
def _not_name_words(code: str) -> frozenset[str]:
    """Capitalised words that make no longer name (``_inside_longer_name``), united once."""
    cues = _cues(code)
    return cues.strong | cues.weak | cues.joiners | cues.after


@functools.cache
def _cues(code: str) -> Cues:
    name = f"{code}/support.json"
    data = resources.optional_json(name)
    normalize = languages.get(code).normalizer.normalize
    sets = {
        key: frozenset(
            normalize(w).strip() for w in resources.string_list(data, key, source=resources.data_path(name))
        )
        for key in (
            "strong",
            "weak",
            "joiners",
            "after",
            "descriptors",
            "org_starters",
            "feature_starters",
            "person_starters",
            "directions",
            "org_heads",
            "idioms",
            "idioms_after",
            "idiom_gaps",
            "idiom_gap_words",
            "titles",
            "appositive",
            "state_forms",
            "national_before",
            "national_after",
            "person_cues",
            "naming_cues",
            "place_nouns",
            "person_verbs",
            "kin",
            "determiners",
            "coordinators",
            "list_conjunctions",
            "genitive_proclitics",
            "place_heads",
            "person_prepositions",
            "owned_kin",
            "hollow_endings",
            "hollow_long",
            "verb_openers",
            "verb_prepositions",
            "hollow_after",
            "relatives",
            "subject_verbs",
            "thing_verbs",
            "metaphor",
            "metaphor_after",
            "indefinite_adjectives",
            "copulas",
            "genre_tags",
            "adjective_noun_after",
        )
    }
    source = resources.data_path(name)
    kinds = data.get("kind_cues", {})
    contexts = data.get("kind_context", {})
    kind_descriptors = data.get("kind_descriptors", {})
    if not all(isinstance(table, dict) for table in (kinds, contexts, kind_descriptors)):
        raise DataFileError(
            Msg.DATA_FILE.format(detail="'kind_cues', 'kind_context' and 'kind_descriptors' must be objects"),
            path=source,
        )
    trailing = data.get("trailing", {})
    if (
        not isinstance(trailing, dict)
        or not isinstance(trailing.get("pattern", ""), str)
        or not isinstance(trailing.get("demonym", False), bool)
    ):
        raise DataFileError(
            Msg.DATA_FILE.format(
                detail="'trailing' must be an object with a 'pattern' string and a boolean 'demonym'"
            ),
            path=source,
        )
    addressee = data.get("addressee", {})
    if not isinstance(addressee, dict) or not isinstance(addressee.get("reach", 0), int):
        raise DataFileError(
            Msg.DATA_FILE.format(detail="'addressee' must be an object with an integer 'reach'"), path=source
        )
    spelling = resources.string_list(data, "pronoun_spelling", source=source)
    if spelling and len(spelling) != 2:
        raise DataFileError(
            Msg.DATA_FILE.format(detail="'pronoun_spelling' must be [name letter, pronoun letter]"),
            path=source,
        )
    adjective = data.get("adjective", "")
    superlative = data.get("superlative", "")
    if not isinstance(adjective, str) or not isinstance(superlative, str):
        raise DataFileError(
            Msg.DATA_FILE.format(detail="'adjective' and 'superlative' must be strings"), path=source
        )
    try:
        pattern = re.compile(trailing["pattern"]) if trailing.get("pattern") else None
        adjective_pattern = re.compile(adjective) if adjective else None
        superlative_pattern = re.compile(superlative) if superlative else None
    except re.error as exc:
        raise DataFileError(Msg.DATA_FILE.format(detail=f"bad pattern: {exc}"), path=source) from None
    return Cues(
        **sets,
        kinds={
            kind: frozenset(normalize(w).strip() for w in resources.string_list(kinds, kind, source=source))
            for kind in kinds
        },
        contexts={
            kind: frozenset(
                normalize(w).strip() for w in resources.string_list(contexts, kind, source=source)
            )
            for kind in contexts
        },
        kind_descriptors={
            kind: frozenset(
                normalize(w).strip() for w in resources.string_list(kind_descriptors, kind, source=source)
            )
            for kind in kind_descriptors
            if not kind.startswith("_")
        },
        trailing=pattern,
        trailing_kinds=frozenset(resources.string_list(trailing, "kinds", source=source)),
        trailing_demonym=bool(trailing.get("demonym", False)),
        adjective=adjective_pattern,
        superlative=superlative_pattern,
        indefinite=frozenset(resources.string_list(data, "indefinite", source=source)),
        match_kinds=frozenset(resources.string_list(data, "match_kinds", source=source)),
        national_kinds=frozenset(resources.string_list(data, "national_kinds", source=source)),
        addressee_proclitics=frozenset(resources.string_list(addressee, "proclitics", source=source)),
        addressee_verbs=frozenset(
            normalize(w).strip() for w in resources.string_list(addressee, "verbs", source=source)
        ),
        addressee_reach=int(addressee.get("reach", 0)),
        definite_adjective=tuple(
            normalize(w).strip() for w in resources.string_list(data, "definite_adjective", source=source)
        ),
        pronoun_spelling=(spelling[0], spelling[1]) if spelling else None,
        adjective_endings=tuple(
            normalize(w).strip() for w in resources.string_list(data, "adjective_endings", source=source)
        ),
    )


@attrs.frozen
class DefiniteCues:
    """What tells a definite noun from a town's name (``support.json``), normalised."""

    #: nouns that name a thing after a place (اتفاق "agreement"): a ``definite`` place's word
    #: right after one is the place (اتفاق الطائف), also with a proclitic (باتفاق)
    named_after: frozenset[str] = frozenset()
    #: adjectives with the article of a thing's size, shape or state (الصغيرة, المكسورة): a
    #: ``definite`` place's word right before one is the noun it describes
    thing_adjectives: frozenset[str] = frozenset()
    #: two-word phrases whose second word, a place's name, is an ordinary word when the clause
    #: ends right after it (قبل المغرب، "before sunset"; a time word before the evening)
    idioms_at_end: frozenset[str] = frozenset()
    #: words that open a new clause (لأن "because", ثم, حين): an ``idioms_at_end`` phrase right
    #: before one ends its clause there (قبل المغرب لأنه ... "before sunset, because ...")
    clause_openers: frozenset[str] = frozenset()
    not_construct: frozenset[str] = frozenset()
    #: nouns of a container, a measure or a piece (كوب "a cup", ملعقة, قطعة): with the
    #: ``partitive_of`` word after them they measure out a substance
    measures: frozenset[str] = frozenset()
    #: the partitive preposition (من "of") and the ending of an indefinite accusative written
    #: without its tanwin mark (كوبا "a cup", for كوباً)
    partitive_of: frozenset[str] = frozenset()
    accusative: str = ""
    #: the word after a comparative (من "than": أبين من "clearer than")
    comparative_than: frozenset[str] = frozenset()
    #: the negation of a whole kind (لا "no"), which an indefinite noun follows: لا حائل "no barrier"
    negation: frozenset[str] = frozenset()


#: What may end a clause right after an ``idioms_at_end`` phrase (or the text's end)
_CLAUSE_ENDS = frozenset(".،,؛;!?؟:\n)")


@functools.cache
def _definite_cues(code: str) -> DefiniteCues:
    name = f"{code}/support.json"
    data = resources.optional_json(name)
    normalize = languages.get(code).normalizer.normalize

    def words(key: str) -> frozenset[str]:
        return frozenset(
            normalize(w).strip() for w in resources.string_list(data, key, source=resources.data_path(name))
        )

    accusative = data.get("accusative", "")
    if not isinstance(accusative, str):
        raise DataFileError(
            Msg.DATA_FILE.format(detail="'accusative' must be a string"), path=resources.data_path(name)
        )
    return DefiniteCues(
        named_after=words("named_after"),
        idioms_at_end=words("idioms_at_end"),
        clause_openers=words("clause_openers"),
        thing_adjectives=words("thing_adjectives"),
        not_construct=words("not_construct"),
        measures=words("measures"),
        partitive_of=words("partitive_of"),
        comparative_than=words("comparative_than"),
        negation=words("negation"),
        accusative=normalize(accusative).strip() if accusative else "",
    )


@attrs.frozen
class Forms:
    """A language's grammatical forms of a word (``support.json``: ``forms``)."""

    article: str = ""
    suffixes: tuple[str, ...] = ()
    margin: float = 0.0
    min_stem: int = 3
    #: letters that attach to the next word (Arabic و ف ب ك ل): بحركة is ب + حركة "movement",
    #: الخصوص has بخصوص "regarding"
    prefixes: tuple[str, ...] = ()
    #: letters that mark a verb's person (Arabic ي ت ن): ينقل "transports" is a form of نقل, and
    #: (a word without the article) يهون "becomes easy" one of هون
    verb_prefixes: tuple[str, ...] = ()
    #: attached pronouns (Arabic ك ها نا ...): a word without the article ending in one has the
    #: other pronouns' forms (ربك "your Lord": ربه, ربنا); ``pronoun_forms`` are only added
    pronouns: tuple[str, ...] = ()
    pronoun_forms: tuple[str, ...] = ()
    #: suffixes only added, never removed, and not to a word with the article (Arabic ي: the
    #: indefinite معان "meanings" has معاني; الطائف has الطائفي "sectarian", another word)
    added: tuple[str, ...] = ()
    #: (ending, feminine ending): an adjective (مركزي "central") has a frequent feminine (مركزية)
    feminine: tuple[str, str] | None = None
    #: letters of a long vowel: a name's variant with one more inside (موصول for موصل)
    long_vowels: frozenset[str] = frozenset()
    #: letters that write a hamza (أ إ آ): one the text writes where the alias has another letter
    #: spells another word (فأس "an axe" is not فاس, Fes)
    hamza_letters: frozenset[str] = frozenset()

    def bare(self, word: str) -> str:
        """``word`` without a proclitic glued to its start (والعلاقات -> العلاقات), or ``word``."""
        return word[1:] if word[:1] in self.prefixes else word

    def among(self, word: str, words: AbstractSet[str]) -> bool:
        """Whether ``word`` is one of ``words``, as written or without a proclitic (وفي, فمن)."""
        return word in words or self.bare(word) in words

    def stripped(self, key: str, form: str) -> bool:
        """Whether ``form`` is ``key`` with a proclitic or a verb prefix taken off (بعقوبة, عقوبة)."""
        return any(key == p + form for p in (*self.prefixes, *self.verb_prefixes))

    def of(self, key: str) -> list[str]:
        """The word with its article toggled, each suffix added or removed, without a prefix, and
        (a word with the article) with a proclitic in the article's place."""
        stem = self.min_stem
        out = [
            key[len(p) :]
            for p in (*self.prefixes, *self.verb_prefixes)
            if key.startswith(p) and len(key) - len(p) >= stem
        ]
        if self.article:
            bare = key.removeprefix(self.article)
            out.append(bare if bare != key else self.article + key)
            if bare != key and len(bare) >= stem:
                out.extend(p + bare for p in self.prefixes)
        for suffix in self.suffixes:
            out.append(key + suffix)
            if key.endswith(suffix) and len(key) - len(suffix) >= self.min_stem:
                out.append(key[: -len(suffix)])
        if not (self.article and key.startswith(self.article)):
            out.extend(key + suffix for suffix in self.added)
            out.extend(p + key for p in self.verb_prefixes)
            others = (*self.pronouns, *self.pronoun_forms)
            for pronoun in self.pronouns:
                root = key.removesuffix(pronoun)
                if root != key and len(root) >= 2:
                    out.extend(root + other for other in others if other != pronoun)
        return out

    def feminine_of(self, key: str) -> str | None:
        """The feminine form of an adjective-shaped word (مركزي -> مركزية), or None."""
        if self.feminine is None or not key.endswith(self.feminine[0]) or len(key) <= self.min_stem:
            return None
        return key + self.feminine[1]


@functools.cache
def _forms(code: str) -> Forms:
    name = f"{code}/support.json"
    forms = resources.optional_json(name).get("forms", {})
    source = resources.data_path(name)
    if not isinstance(forms, dict) or not isinstance(forms.get("margin", 0.0), int | float):
        raise DataFileError(
            Msg.DATA_FILE.format(detail="'forms' must be an object with a numeric 'margin'"), path=source
        )
    article = forms.get("article", "")
    if not isinstance(article, str):
        raise DataFileError(Msg.DATA_FILE.format(detail="'forms.article' must be a string"), path=source)
    feminine = resources.string_list(forms, "feminine", source=source)
    if feminine and len(feminine) != 2:
        raise DataFileError(
            Msg.DATA_FILE.format(detail="'forms.feminine' must be [ending, feminine ending]"), path=source
        )
    normalize = languages.get(code).normalizer.normalize
    return Forms(
        article,
        resources.string_list(forms, "suffixes", source=source),
        float(forms.get("margin", 0.0)),
        prefixes=resources.string_list(forms, "prefixes", source=source),
        verb_prefixes=resources.string_list(forms, "verb_prefixes", source=source),
        pronouns=resources.string_list(forms, "pronouns", source=source),
        pronoun_forms=resources.string_list(forms, "pronoun_forms", source=source),
        added=resources.string_list(forms, "added", source=source),
        feminine=(normalize(feminine[0]), normalize(feminine[1])) if feminine else None,
        long_vowels=frozenset(resources.string_list(forms, "long_vowels", source=source)),
        hamza_letters=frozenset(resources.string_list(forms, "hamza_letters", source=source)),
    )


def entity_weight(entity: Entity, settings: SupportSettings) -> str:
    """``heavy`` (never ambiguous by frequency), ``big``, ``city`` or ``town``.

    Heavy: anything but a place, a capital, a country or region (by id prefix); big: a
    first-level division or a place of ``heavy_population`` (ambiguous only as a very common
    word: المدينة "the city" is not Medina, هوية "identity" not Hue, البحيرة "the lake" not the
    governorate); a place of unknown size is a ``city``.
    """
    meta = entity.meta or {}
    prefix = entity.id.split(":")[0]
    if entity.type != "LOC" or meta.get("capital") or prefix in NEVER_WORD_PREFIXES:
        return "heavy"
    if prefix in HEAVY_PREFIXES:
        return "big"
    population = meta.get("population")
    if not isinstance(population, int):
        return "city"  # size unknown (a user's place): the middle threshold
    if population >= settings.heavy_population:
        return "big"
    return "city" if population >= settings.city_population else "town"


class SupportModel:
    """Decides which candidates are ambiguous and which of those the article supports."""

    def __init__(self, compiled: CompiledGazetteer, settings: SupportSettings | None = None):
        self.compiled = compiled
        self.settings = settings or SupportSettings()
        self._reasons: dict[tuple[int, str, str], Ambiguity | None] = {}
        #: the text _words_before last read, and its answers there by (start, side): the rules
        #: of one candidate ask at the same place, and the person pass asks before the others
        self._before_text: str | None = None
        self._before: dict[tuple[int, str], tuple[str, ...]] = {}
        entities = compiled.entities
        self.countries: list[str | None] = [
            c if isinstance(c := (e.meta or {}).get("country"), str) else None for e in entities
        ]
        self.places = bytes(e.type == "LOC" for e in entities)
        self.prefixes = [e.id.split(":")[0] for e in entities]
        self.strict = bytes(e.type == "LOC" and e.meta.get("strict") is True for e in entities)
        self.kinds = [(str(e.meta.get("kind", "")), e.type) for e in entities]
        self.names = [e.name for e in entities]
        self.weights = [entity_weight(e, self.settings) for e in entities]
        self.towns = bytes(
            e.type == "LOC" and not (e.meta or {}).get("capital") and e.id.split(":")[0] not in HEAVY_PREFIXES
            for e in entities
        )
        self._name_words: dict[str, frozenset[str]] = {}
        self._big_words: dict[tuple[str, bool], frozenset[str]] = {}
        #: the last text's words written with tanwin (_tanwin_words)
        self._tanwin: tuple[str | None, frozenset[str]] = (None, frozenset())
        self._own_name: dict[int, bool] = {}
        self._alias_keys: dict[tuple[int, str], dict[str, tuple[str, str]]] = {}
        #: (side, kind, type) -> (its cue words, its context words): see _kind_support
        self._kind_cues: dict[tuple[str, str, str], tuple[frozenset[str], frozenset[str]]] = {}
        self.prominent = [
            i for i, e in enumerate(entities) if e.type == "PER" and e.meta.get("prominent") is True
        ]
        self._prominent: tuple[dict[tuple[str, str], list[int]], dict[str, set[int]]] | None = None
        self._cue_keys: dict[str, dict[str, int]] | None = None
        # whether the line around a position is a title-case heading, each line read once
        self._title_case = LineVerdicts(_title_case_span)
        self._surname_index: tuple[dict[str, Side], dict[tuple[str, int], str]] | None = None
        self._marks: dict[int, tuple[str, ...]] | None = None
        self._sole: dict[int, list[tuple[str, str]]] | None = None
        self._keys: dict[str, dict[str, str]] = {}
        self._stems: dict[tuple[str, str], frozenset[str]] = {}  # _cue_stem
        #: the last text read by _written_with_article, and its answers by (surface, side)
        self._articled: tuple[str | None, dict[tuple[str, str], bool]] = (None, {})
        #: the last text :meth:`_news_share` read, and its share of sentences that read as news
        self._register_text: tuple[str | None, float] = (None, 0.0)

    # -- ambiguity ---------------------------------------------------------------------
    def key(self, side: str, surface: str) -> str:
        """The side's normalised form of a surface text (cached)."""
        keys = self._keys.get(side)
        if keys is None:  # the shared cache of the side (one dict for its life), looked up once
            keys = self._keys[side] = languages.key_cache(side)
        found = keys.get(surface)
        return languages.key(side, surface) if found is None else found

    def name_words(self, side: str) -> frozenset[str]:
        """Normalised words of the side's person aliases (a place named like a person)."""
        words = self._name_words.get(side)
        if words is None:
            language = languages.get(side)
            found = set()
            for entity in self.compiled.entities:
                if entity.type != "PER":
                    continue
                for _lang, alias in entity.aliases():
                    if side == languages.FALLBACK or language.owns(alias):
                        for word in self.key(side, alias).split():
                            if len(word) >= self.settings.min_name_letters:
                                found.add(word)
            words = self._name_words[side] = frozenset(found)
        return words

    def ambiguity(self, cand: Candidate, surface: str) -> Ambiguity | None:
        """Why ``cand`` (matched as ``surface``) is ambiguous, or None."""
        side = cand.side or languages.FALLBACK
        memo = (cand.entity, side, surface)
        found = self._reasons.get(memo, _UNDECIDED)
        if found is not _UNDECIDED:
            return found
        found = self._decide(cand, side, surface)
        make_room(self._reasons)
        self._reasons[memo] = found
        return found

    def _decide(self, cand: Candidate, side: str, surface: str) -> Ambiguity | None:
        if cand.ambiguous:
            return Ambiguity("marked", f"meta.ambiguous_{cand.lang} lists {cand.alias!r}")
        weight = self.weights[cand.entity]
        # the heavy places that are neither a country nor a region are the capitals (entity_weight)
        capital = (
            weight == "heavy"
            and self.places[cand.entity]
            and self.prefixes[cand.entity] not in NEVER_WORD_PREFIXES
        )
        if weight == "heavy" and not capital:
            return None  # a country's, a region's or an organisation's name (بيرو, البيرو: Peru)
        key = self.key(side, surface)
        if cand.how == "clitic" and key not in self.alias_keys(cand.entity, side):
            # after a proclitic the written form may be no alias (للمثنى: ل + المثنى, its alif
            # dropped): the alias's own word is the one whose frequency counts
            key = self.key(side, cand.alias)
        if surface.isupper() and len(surface) <= ACRONYM_MAX and case_letters(cand.alias) is None:
            return ACRONYM if side == languages.FALLBACK else None  # NIS for Nis: an acronym
        if " " in key or (surface.isupper() and len(surface) <= CASE_SENSITIVE_MAX):
            return None  # a phrase, or a short all-capital alias (matched case-sensitively: US)
        table = word_frequencies(side)
        zipf = table.get(key, 0.0)
        forms = _forms(side)
        if (
            forms.article
            and not key.startswith(forms.article)
            and zipf >= self.settings.town_zipf
            and self._named_with_article(cand.entity, side, key)
        ):
            # a place whose name takes the article (الموصل) written without it as a frequent
            # word is that word, indefinite (موصل "a conductor"), as a name is never written;
            # so is a variant of such a place's name (موصول "connected", an alias of Mosul).
            # A capital's too (رياض "gardens", منامة "a dormitory", رباط "a bond"): the weight
            # that makes its name firm is the name's, not the indefinite word's.
            return Ambiguity("word", f"{key!r} Zipf {zipf}: the place is named with the article")
        if capital:
            return None  # firm for every other reason
        glued = self._proclitic_word(key, zipf, forms, table)
        if glued is not None:
            return glued
        if zipf >= self.settings.town_zipf and _other_hamza(surface, cand.alias, forms.hamza_letters):
            # the text writes a hamza where the name has another letter (فأس "an axe" for فاس, أجرا
            # "a reward" for آجرا): the writer spelt another word, which the normaliser folds
            return Ambiguity("word", f"{key!r} Zipf {zipf}: written with a hamza the name has not")
        abroad = self.strict[cand.entity] and side != languages.FALLBACK and zipf >= self.settings.town_zipf
        limit = {"big": self.settings.big_zipf, "city": self.settings.city_zipf}.get(
            weight, self.settings.town_zipf
        )
        best = max(((table.get(f, 0.0), f) for f in forms.of(key)), default=(0.0, ""))
        if zipf >= limit or abroad:
            # An ordinary word shows its grammar: it is about as frequent with the article
            # toggled (Arabic سلالة / السلالة) or with an inflection (nice / nicely, sale /
            # sales); a place name is not (غزة, never الغزة; Iraq, no "iraqs").
            floor = (
                self.settings.town_zipf
                if weight == "town"
                else max(self.settings.town_zipf, zipf - forms.margin)
            )
            if best[0] >= floor:
                return Ambiguity("word", f"{key!r} Zipf {zipf}, {best[1]!r} Zipf {best[0]} (>= {floor:.1f})")
        inflected = max(
            ((table.get(f, 0.0), f) for f in forms.of(key) if not forms.stripped(key, f)),
            default=(0.0, ""),
        )
        if weight != "town" and zipf >= self.settings.city_zipf and inflected[0] >= zipf:
            # below its weight's threshold, a word whose inflections (the article toggled, a
            # verb prefix or a suffix added; not a proclitic taken off: بعقوبة / عقوبة is the
            # clitic rule's) are at least as frequent as itself is an inflected word (خفي
            # "hidden": تخفي, يخفي; العصابة "the gang": عصابة), which a big place's name is not
            return Ambiguity(
                "word", f"{key!r} Zipf {zipf}, {inflected[1]!r} Zipf {inflected[0]} (>= the word)"
            )
        if abroad:
            # a minor place abroad (meta.strict) named by a word of this language: فوجئ "was
            # surprised" is no Fuji, كورونا the virus, not the Californian town. One that English
            # names as often as a city's word (Geneva) and whose word here shows no grammar is a
            # name after a preposition (في جنيف): reason "abroad", which a weak cue supports.
            evidence = f"{key!r} Zipf {zipf}, a minor place abroad (meta.strict)"
            fame = word_frequencies(languages.FALLBACK).get(
                self.key(languages.FALLBACK, self.names[cand.entity]), 0.0
            )
            return Ambiguity("abroad" if fame >= self.settings.city_zipf else "word", evidence)
        if forms.article and zipf >= self.settings.town_zipf:
            # below its weight's threshold, a word whose form with the article toggled is about
            # as frequent (الحلة "the pot" / حلة, السند / سند "support", جنان "gardens" / الجنان)
            # is an ordinary noun: a place name is written one way (غزة, never الغزة; الموصل 4.7,
            # موصل 3.4). Its mention needs a place cue (``article``), not only its country.
            toggled = (
                key.removeprefix(forms.article) if key.startswith(forms.article) else forms.article + key
            )
            other = table.get(toggled, 0.0)
            if other >= max(self.settings.town_zipf, zipf - forms.margin):
                return Ambiguity("article", f"{key!r} Zipf {zipf}, {toggled!r} Zipf {other}")
        feminine = forms.feminine_of(key)
        if feminine is not None and zipf >= self.settings.town_zipf:
            # an adjective at any weight below a country's: مركزي "central" is no province
            other = table.get(feminine, 0.0)
            if other >= max(self.settings.town_zipf, zipf - forms.margin):
                return Ambiguity("word", f"{key!r} Zipf {zipf}, an adjective: {feminine!r} Zipf {other}")
        if key in self.name_words(side):
            return Ambiguity("name", f"{key!r} is a word of a person's name in the gazetteer")
        if side != languages.FALLBACK and weight == "town" and zipf >= self.settings.town_word_zipf:
            # a town's one word as frequent as an ordinary word, though it shows no grammar
            # (تلا "recited", قربة "a waterskin", العقيق "agate"): no town of 70,000 is named
            # that often, so it needs support, and a preposition counts (في رفح)
            return Ambiguity(
                "frequent", f"{key!r} Zipf {zipf}, a town below {self.settings.city_population:,}"
            )
        verb = self._verb_form(key, zipf, weight, forms, table)
        if side != languages.FALLBACK and verb is not None:
            return verb
        definite = self._definite_noun(cand, side, surface, key, weight)
        if definite is not None:
            return definite
        if (
            side == languages.FALLBACK
            and max(zipf, best[0]) >= self.settings.town_zipf
            and (weight == "town" or self.strict[cand.entity])
        ):
            # English has no grammar to show for a name (Gilbert, Eugene, Kara): a town's or
            # a minor foreign place's word this frequent is as likely a given name
            # (or a form of one: the Rosas, a family, of rosa)
            return Ambiguity(
                "name",
                f"{key!r} Zipf {zipf} ({best[1]!r} {best[0]}), a town or a minor place abroad named "
                "by a frequent word",
            )
        return None

    def _definite_noun(
        self, cand: Candidate, side: str, surface: str, key: str, weight: str
    ) -> Ambiguity | None:
        """A town's or city's one word with the article (``definite``): the article + a noun is how
        a common noun is written (العريش "the trellis", الخروب "the carob", الحديدة "the iron bar"),
        and frequency cannot tell the two apart: the bare nouns (عريش 2.8, حديدة 2.7) are as rare
        in wordfreq as real names' (منامة 2.4, نجف 2.8), and the names' definite forms are frequent
        in news. So such a place needs support, and a preposition counts (في الحديدة). Also a
        first-level division's (النعامة "the ostrich"), not a place of a million's (البصرة,
        الاسكندرية stay firm), a region's or a capital's. The text or the alias must write the
        article's letters: إلعاد (Elad) normalises to them but has none; الاك in a text for ألاك
        (Aleg) has them, and so has للعريش (ل + العريش, its alif dropped)."""
        article = _forms(side).article
        if not article or not key.startswith(article):
            return None
        if not (surface.startswith(article) or cand.alias.startswith(article)):
            return None
        if weight not in ("town", "city") and not (weight == "big" and self.prefixes[cand.entity] == "adm"):
            return None
        return Ambiguity("definite", f"{key!r}: the article and a noun, a town, city or division")

    def _verb_form(
        self, key: str, zipf: float, weight: str, forms: Forms, table: Mapping[str, float]
    ) -> Ambiguity | None:
        """A town's or city's one word of Zipf at least ``town_zipf`` that starts with a verb
        prefix (``forms.verb_prefixes``) and is as frequent, within ``town_zipf``, with another
        one is an imperfect verb (تعز "she is dear", يعز "he is dear"; ينبع "it springs", تنبع):
        ``verb``, which a preposition supports (في تعز). A place's name keeps its first letter."""
        if (
            weight not in ("town", "city")
            or zipf < self.settings.town_zipf
            or key[:1] not in forms.verb_prefixes
        ):
            return None
        best = max((table.get(p + key[1:], 0.0), p + key[1:]) for p in forms.verb_prefixes if p != key[0])
        if best[0] < self.settings.town_zipf:
            return None
        return Ambiguity("verb", f"{key!r} Zipf {zipf}, {best[1]!r} Zipf {best[0]}: an imperfect verb")

    def _named_with_article(self, entity: int, side: str, key: str) -> bool:
        """Whether a place's alias without the article stands beside its name with it: the same
        word with the article (الموصل for موصل), or that word spelt with one long vowel more
        (``support.json: forms.long_vowels``: موصول, an alias of Mosul, is the word "connected")."""
        forms = _forms(side)
        article = forms.article
        keys = self.alias_keys(entity, side)
        if article + key in keys:
            return True
        shorter = {key[:i] + key[i + 1 :] for i in range(1, len(key) - 1) if key[i] in forms.long_vowels}
        return any(article + word in keys for word in shorter)

    def _proclitic_word(
        self, key: str, zipf: float, forms: Forms, table: Mapping[str, float]
    ) -> Ambiguity | None:
        """An alias that reads as a proclitic + a frequent word much commoner than the alias:
        ووهن (a Wuhan variant) is و + وهن "weakness"."""
        if key[:1] not in forms.prefixes or len(key) - 1 < self.settings.min_name_letters:
            return None
        rest = table.get(key[1:], 0.0)
        if rest >= self.settings.city_zipf and round(rest - zipf, 6) >= self.settings.clitic_margin:
            return Ambiguity("word", f"{key!r} Zipf {zipf}: {key[0]!r} + {key[1:]!r} Zipf {rest}")
        return None

    def alias_ambiguity(self, index: int) -> list[tuple[str, str, Ambiguity]]:
        """(lang, alias, why) for each ambiguous alias of the entity at ``index``, as if matched alone."""
        entity = self.compiled.entities[index]
        marked = {
            (key.removeprefix("ambiguous_"), alias)
            for key, value in (entity.meta or {}).items()
            if key.startswith("ambiguous_") and isinstance(value, list)
            for alias in value
        }
        out = []
        for lang, alias in entity.aliases():
            side = _side_of(alias)
            cand = Candidate(0, len(alias), "exact", index, alias, lang, side, (lang, alias) in marked)
            why = self._decide(cand, side, alias)
            if why is not None:
                out.append((lang, alias, why))
        return out

    # -- surnames ------------------------------------------------------------------------
    def other_first_name(self, text: str, start: int, entity: int, side: str) -> bool:
        """True when the word before a bare surname is another person's name (Saeid al-Hakim).

        Latin script: a capitalised word that is not a title, cue or a word of the person's
        own aliases; other scripts: a word of some person's name in the gazetteer that is
        not one of this person's.
        """
        before = self._words_before(text, start, side, 1)
        if not before:
            return False
        word = before[-1]
        own = {w for key in self.alias_keys(entity, side) for w in key.split()}
        if word in own:
            return False
        if side == languages.FALLBACK:
            raw = _word_before(text, start)
            if raw.endswith(_NAME_RUN_ENDS):
                return False  # a clause's end or a possessive (Iraq's Abadi), no first name
            cues = _cues(side)
            skip = cues.strong | cues.weak | cues.joiners | cues.descriptors
            # a hyphenated word reads as its last part (Secretary-General: general)
            common = word_frequencies(side).get(word.rpartition(" ")[2], 0.0) >= self.settings.city_zipf
            return raw[:1].isupper() and not raw.isupper() and word not in skip and not common
        return word in self.name_words(side)

    def _in_other_persons_name(self, text: str, cand: Candidate) -> bool:
        """A person's one-word alias (a bare surname listed as a name: ``Abadi``) right after
        another person's first words, as a bare surname's mention would be (``Dorri Najaf
        Abadi`` is no Haider al-Abadi, ``Laura Bush`` no George W. Bush)."""
        if not self.compiled.persons[cand.entity] or " " in text[cand.start : cand.end].strip():
            return False
        side = cand.side or languages.FALLBACK
        if side == languages.FALLBACK:
            return self.other_first_name(text, cand.start, cand.entity, side) or self._name_run_before(
                text, cand.start, cand.entity
            )
        if not self.other_first_name(text, cand.start, cand.entity, side):
            return False
        # a script without capitals: a name's word that is also a frequent word (كان "was",
        # على "on", ولد "was born", باسم "in the name of") says nothing of a name
        word = self._words_before(text, cand.start, side, 1)[-1]
        return word_frequencies(side).get(word, 0.0) < self.settings.city_zipf

    def _name_run_before(self, text: str, start: int, entity: int) -> bool:
        """Latin script: the two words before ``start`` are capitalised words of no cue, title
        or joiner and neither is one of the person's own (``Dorri Dallas Abadi``): a longer
        name ends there, however frequent its words are."""
        side = languages.FALLBACK
        own = {w for key in self.alias_keys(entity, side) for w in key.split()}
        skip = _not_in_name_run(side)
        frequent = word_frequencies(side)
        pos = start
        for _ in range(2):
            raw = _word_before(text, pos)
            word = self.key(side, raw)
            if not raw[:1].isupper() or raw.isupper() or raw.endswith(_NAME_RUN_ENDS):
                return False
            if word in own or word in skip:
                return False
            pos = _end_before(text, pos) - len(raw)
            opens = text[: _end_before(text, pos)][-1:] in SENTENCE_ENDS
            if opens and frequent.get(word, 0.0) >= self.settings.city_zipf:
                return False  # a frequent word opening its sentence (On Monday Abadi)
        return True

    def prominent_owners(self, found: Mapping[str, list[Candidate]]) -> dict[str, dict[str, int]]:
        """Side -> surname key -> person, for ``meta.prominent`` people the article supports.

        Support: their country (``meta.country``) or an entity of ``meta.related`` named
        in the article. A key shared by two prominent people links neither.
        """
        sole = self._sole_keys(self._prominent_table()[0]) if self.prominent else {}
        out: dict[str, dict[str, int]] = {}
        for person in self.prominent_backed(found):
            for side, key in sole.get(person, ()):
                out.setdefault(side, {})[key] = person
        return out

    def prominent_backed(self, found: Mapping[str, list[Candidate]]) -> frozenset[int]:
        """The ``meta.prominent`` people the article supports (:meth:`prominent_owners`: a
        person is the owner of each surname key only they hold)."""
        if not self.prominent:
            return frozenset()
        supporters = self._prominent_table()[1]
        marks = self._supporter_marks(supporters)
        named = {c.entity for cands in found.values() for c in cands}
        keys = {key for i in named if i in marks for key in marks[i]}
        return frozenset(person for key in keys for person in supporters[key])

    def prominent_owns(self, backed: AbstractSet[int], side: str, key: str, person: int) -> bool:
        """Whether ``person`` owns ``key`` on ``side`` by :meth:`prominent_owners` (``backed``:
        :meth:`prominent_backed`), without building the article's whole table."""
        return person in backed and (side, key) in self._sole_keys(self._prominent_table()[0]).get(person, ())

    def _sole_keys(self, table: Mapping[tuple[str, str], list[int]]) -> dict[int, list[tuple[str, str]]]:
        """Prominent person -> the (side, surname key) pairs of the table only they hold (built once:
        an article's backed people then look up their keys instead of walking the table)."""
        if self._sole is None:
            self._sole = {}
            for where, owners in table.items():
                if len(owners) == 1:
                    self._sole.setdefault(owners[0], []).append(where)
        return self._sole

    def prominent_keys(self) -> dict[str, dict[str, int]]:
        """Side -> surname key -> person: the bare surnames of ``meta.prominent`` people that may
        link on a cue (:meth:`prominent_cue`) where the article does not support them.

        A key shared by two people of the gazetteer (Cohen), a given name or a demonym
        (السوداني "Sudanese" for Mohammed Shia al-Sudani) is never linked alone.
        """
        if self._cue_keys is None:
            table, _ = self._prominent_table()
            shared = self._surname_owners()
            out: dict[str, dict[str, int]] = {}
            for (side, key), owners in table.items():
                plain = {key, key.removeprefix(_forms(side).article)}  # (an empty article removes nothing)
                if shared.get((side, key), 0) == 1 and not plain & _never_bare(side):
                    out.setdefault(side, {})[key] = owners[0]
            self._cue_keys = out
        return self._cue_keys

    def _surname_owners(self) -> dict[tuple[str, str], int]:
        """(side, surname key) -> how many people of the gazetteer have it (Cohen: several)."""
        compiled = self.compiled
        owners: dict[tuple[str, str], set[int]] = {}
        for index, entity in enumerate(compiled.entities):
            if entity.type != "PER":
                continue
            for _lang, alias in entity.aliases():
                side = _side_of(alias)
                key = compiled.surname_key(side, alias)
                if key is not None:
                    owners.setdefault((side, key), set()).add(index)
        return {where: len(people) for where, people in owners.items()}

    def prominent_key(self, side: str, entity: int) -> str:
        """The surname key of a prominent person on a side (one of :meth:`prominent_keys`)."""
        return self._prominent_index()[1][(side, entity)]

    def prominent_hits(self, text: str, sides: Sequence[str] | None = None) -> list[Candidate]:
        """Candidates of prominent people's bare surnames in ``text`` (the last words of their
        aliases, with the side's proclitics; in Latin script only capitalised), found by the
        engine's scan of a side holding only them; the caller checks their cues."""
        out: list[Candidate] = []
        for code, side in self._prominent_index()[0].items():
            if (sides is not None and code not in sides) or not side.size:
                continue
            if (code != languages.FALLBACK and not side.language.owns(text)) or not side.may_match(text):
                continue
            for cand in side.candidates(text):
                if code == languages.FALLBACK and not text[cand.start : cand.start + 1].isupper():
                    continue
                out.append(cand)
        return out

    def _prominent_index(self) -> tuple[dict[str, Side], dict[tuple[str, int], str]]:
        """Per side, the engine tables of prominent people's bare surnames; (side, person) -> key."""
        if self._surname_index is None:
            compiled = self.compiled
            tables: dict[str, dict[str, dict[int, list[tuple[str, str]]]]] = {}
            keys: dict[tuple[str, int], str] = {}
            for code, table in self.prominent_keys().items():
                language = languages.get(code)
                for key, index in table.items():
                    keys[(code, index)] = key
                    for lang, alias in compiled.entities[index].aliases():
                        if _side_of(alias) != code or compiled.surname_key(code, alias) != key:
                            continue
                        last = alias.replace("-", " ").split()[-1]
                        form = language.normalizer.normalize(last).strip()
                        if form:
                            entry = tables.setdefault(code, {}).setdefault(form, {}).setdefault(index, [])
                            if (last, lang) not in entry:
                                entry.append((last, lang))
            sides: dict[str, Side] = {}
            for code, forms in tables.items():
                side = sides[code] = Side(languages.get(code), compiled.engine)
                for form, people in sorted(forms.items()):
                    (index, aliases), *rest = people.items()
                    kinds = side.language.alias_forms(form)
                    others = tuple((i, tuple(a), None, False) for i, a in rest)
                    for key, kind in kinds:
                        side.add(key, index, tuple(aliases), kind, None, False, others)
                side.finish()
            self._surname_index = (sides, keys)
        return self._surname_index

    def prominent_cue(
        self, text: str, start: int, end: int, side: str, key: str, entity: int, *, supported: bool = False
    ) -> str | None:
        """What lets a prominent person's bare surname at [start, end) link, or None.

        ``title``: one of the language's person titles stands right before it (الرئيس مبارك,
        President Bush), or before a demonym right before it (الرئيس المصري مبارك); ``trigger``:
        a word that stands by people (a verb of saying or meeting: وقال انان, التقى عنان, Rice
        said) is right before or after it; ``country``:
        the article supports the person (``supported``, see :meth:`prominent_owners`). Only a
        title lets a surname that is a frequent word through (مبارك "blessed", العربي "Arab";
        in Latin script, at a sentence start: a capital inside a sentence already marks a
        name), and none a surname followed by another name word, which makes it another
        person's first name (Hamdullah Mohib, رانيا فريد), nor one written otherwise than in
        the person's aliases (a spelling key meets People and Beblawi: only full names are
        matched by their variants). The lists are the name finder's
        (``data/<lang>/name_rules.json``: titles; triggers and speech).
        """
        if self._name_follows(text, end, side) or not self._own_surname(text[start:end], side, entity):
            return None
        rules = load_rules(side)
        before = self._words_before(text, start, side, 2)
        word = before[-1] if before else ""
        forms = _forms(side)
        if forms.among(word, rules.titles):
            return "title"
        if len(before) == 2 and word in demonyms(side) and forms.among(before[0], rules.titles):
            return "title"  # the title, then the person's nationality: الرئيس المصري مبارك
        frequent = word_frequencies(side).get(self.key(side, text[start:end]), 0.0) >= self.settings.big_zipf
        # in Latin script a capital inside a sentence already says "a name" (Bush, Rice)
        if frequent and (side != languages.FALLBACK or _char_before(text, start) in SENTENCE_ENDS):
            return None
        if supported:
            return "country"
        triggers = _person_triggers(side)
        if forms.among(word, triggers):
            return "trigger"
        following = _word_after(text, end)
        if following is not None and self.key(side, following.group()) in triggers:
            return "trigger"
        return None

    def _own_surname(self, surface: str, side: str, entity: int) -> bool:
        """Whether ``surface`` (normalised) is the last word of one of the person's aliases."""
        word = self.key(side, surface).split()[-1:]
        return bool(word) and any(key.split()[-1] == word[0] for key in self.alias_keys(entity, side))

    def _name_follows(self, text: str, end: int, side: str) -> bool:
        """A word of a person's name right after ``end``: in Latin script a capitalised word that
        is no cue, elsewhere a word of a gazetteer person's name or a given name."""
        following = _word_after(text, end)
        if following is None:
            return False
        word = self.key(side, following.group())
        if side == languages.FALLBACK:
            raw = following.group()
            return raw[:1].isupper() and word not in _not_after_surname(side)
        return word in self.name_words(side) or word in given_names(side)

    def _supporter_marks(self, supporters: Mapping[str, set[int]]) -> dict[int, tuple[str, ...]]:
        """Entity index -> the supporters it is (its id; ``country:<CC>`` for a place), only
        for entities that are one (built once: an article's supporters are then a few look-ups)."""
        if self._marks is None:
            self._marks = {}
            for i, entity in enumerate(self.compiled.entities):
                country = f"country:{self.countries[i]}" if self.places[i] and self.countries[i] else None
                found = tuple(key for key in (entity.id, country) if key is not None and key in supporters)
                if found:
                    self._marks[i] = found
        return self._marks

    def _prominent_table(self) -> tuple[dict[tuple[str, str], list[int]], dict[str, set[int]]]:
        """(side, surname key) -> prominent people; supporter -> people it supports (built once).

        A supporter is ``country:<CC>`` for a person's country or a ``meta.related`` id.
        """
        if self._prominent is None:
            table: dict[tuple[str, str], list[int]] = {}
            supporters: dict[str, set[int]] = {}
            for index in self.prominent:
                entity = self.compiled.entities[index]
                for _lang, alias in entity.aliases():
                    side = _side_of(alias)
                    key = self.compiled.surname_key(side, alias)
                    if key is not None and index not in table.setdefault((side, key), []):
                        table[(side, key)].append(index)
                related = entity.meta.get("related", [])
                marks = [f"country:{self.countries[index]}"] if self.countries[index] else []
                for mark in marks + [r for r in related if isinstance(r, str)]:
                    supporters.setdefault(mark, set()).add(index)
            self._prominent = (table, supporters)
        return self._prominent

    # -- support -------------------------------------------------------------------------
    def apply(
        self, texts: Mapping[str, str], raw: Mapping[str, list[Candidate]]
    ) -> dict[str, list[Candidate]]:
        """Resolved candidates per field: ambiguous ones only with support, descriptors trimmed."""
        found = self._supported(texts, raw)
        return {
            field: self.join([self.trim(c, texts[field]) for c in cands], texts[field])
            for field, cands in found.items()
        }

    def join(self, cands: list[Candidate], text: str) -> list[Candidate]:
        """Resolved candidates (by start) with neighbours of one entity made one mention.

        A country's mention starts at a state-form word right before it (جمهورية فنزويلا);
        a descriptive alias right before the same entity's name is left out (العاصمة العراقية
        بغداد: the name is the mention); an organisation's or outlet's two names side by side
        are one mention (حركة المقاومة الاسلامية حماس, هيئة الاذاعة البريطانية بي بي سي). Side
        by side: only spaces between, so a parenthesis (الامم المتحدة (يونيفيل)) keeps two.
        """
        if not cands:
            return cands
        out: list[Candidate] = []
        for found in cands:
            side = found.side or languages.FALLBACK
            cues = _cues(side)
            cand = found
            if cues.state_forms and self.prefixes[cand.entity] == "country":
                cand = self._with_state_form(cand, text, side, cues.state_forms)
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.entity == cand.entity
                and prev.end < cand.start
                and text[prev.end : cand.start].strip(" ") == ""
            ):
                if cues.appositive and cues.appositive & set(self.key(side, prev.alias).split()):
                    out[-1] = cand
                    continue
                if not self.places[cand.entity]:
                    out[-1] = prev._replace(end=cand.end)
                    continue
            out.append(cand)
        return out

    def _with_state_form(self, cand: Candidate, text: str, side: str, forms: frozenset[str]) -> Candidate:
        """The country's mention from a state-form word right before it (after a proclitic on it)."""
        before = self._words_before(text, cand.start, side, 1)
        if not before:
            return cand
        word = before[-1]
        bare = _forms(side).bare(word)
        bare = bare if bare in forms else word
        if bare not in forms:
            return cand
        end = _end_before(text, cand.start)
        start = end - len(bare)  # the normalised word keeps the raw word's length (letters only)
        raw = text[start:end]
        if self.key(side, raw) != bare:
            return cand
        return cand._replace(start=start)

    def trim(self, cand: Candidate, text: str) -> Candidate:
        """The candidate without a leading descriptor word (مدينة مشهد -> مشهد, قناة الجزيرة -> الجزيرة),
        or, for the kinds ``support.json: trailing`` names, a trailing word of its pattern (a club's
        nationality: العربي الكويتي -> العربي).

        Only where the rest is itself an alias of the same entity, so a feature word that
        is part of the name (قناة السويس, the canal, not the city) stays.
        """
        surface = text[cand.start : cand.end]
        if " " not in surface:
            return cand  # one word: no descriptor before it, no trailing word after it
        side = cand.side or languages.FALLBACK
        cues = _cues(side)
        first, space, rest = surface.partition(" ")
        if space and cues.descriptors and self.key(side, first) in cues.descriptors:
            key = self.key(side, rest)
            alias = self.alias_keys(cand.entity, side).get(key)
            if alias is not None:
                while len(rest) > 1 and self.key(side, rest[1:]) == key:
                    rest = rest[1:]  # what the key leaves out starts no mention (#, a bidi mark)
                return cand._replace(start=cand.end - len(rest), alias=alias[0], lang=alias[1])
            own = cues.kind_descriptors
            if " " not in rest.strip() and any(
                self.key(side, first) in own.get(kind, ()) for kind in self.kinds[cand.entity]
            ):
                return cand._replace(start=cand.end - len(rest))  # the matched alias stays the alias
        head, space, last = surface.rpartition(" ")
        last_key = self.key(side, last)
        if space and cues.trailing is not None and cues.trailing.match(last_key):
            if not cues.trailing_kinds & set(self.kinds[cand.entity]):
                return cand
            if cues.trailing_demonym and last_key not in demonyms(side):
                return cand
            alias = self.alias_keys(cand.entity, side).get(self.key(side, head))
            if alias is not None:
                return cand._replace(end=cand.start + len(head), alias=alias[0], lang=alias[1])
        return cand

    def alias_keys(self, index: int, side: str) -> dict[str, tuple[str, str]]:
        """Normalised key -> (alias, lang) of the entity's aliases on one side (cached)."""
        found = self._alias_keys.get((index, side))
        if found is None:
            found = {}
            for lang, alias in self.compiled.entities[index].aliases():
                found.setdefault(self.key(side, alias), (alias, lang))
            self._alias_keys[(index, side)] = found
        return found

    def _supported(
        self, texts: Mapping[str, str], raw: Mapping[str, list[Candidate]]
    ) -> dict[str, list[Candidate]]:
        """Resolved candidates per field, ambiguous ones kept only with support (named in ``support``)."""
        plain: dict[str, list[Candidate]] = {}
        unsure: dict[str, list[tuple[Candidate, Ambiguity]]] = {}
        place_spans: dict[str, dict[tuple[int, int], list[int]]] = {}
        lowered: set[tuple[int, str]] = set()  # (place, alias key) written in lower case
        products: set[tuple[int, str]] = set()  # (place, alias key) written as a product's name
        readings = self._person_words(texts, raw)
        persons = {key for key, reason in readings.items() if reason == "person"}
        things = {key for key, reason in readings.items() if reason == "thing"}
        words_read, weighty_readings = self._weighty_words_read(texts, raw)
        raw = self._homonyms_by_country(raw)
        for field, cands in raw.items():
            text = texts[field]
            plain[field] = []
            unsure[field] = []
            places = place_spans[field] = {}
            place_at: dict[int, list[int]] = {}  # start -> its places' entities
            org_ends = set()
            is_place, kind_of = self.places, self.kinds
            for cand in cands:
                if is_place[cand.entity]:
                    places.setdefault((cand.start, cand.end), []).append(cand.entity)
                    place_at.setdefault(cand.start, []).append(cand.entity)
                elif kind_of[cand.entity][1] in ("ORG", "MEDIA"):
                    org_ends.add(cand.end)
            clubs = self._club_spans(text, cands, places)
            # where a place's name of a name's length starts (not a stray letter: ا)
            starts = {start for start, end in places if end - start >= self.settings.min_name_letters}
            for cand in cands:
                if is_place[cand.entity]:
                    rules = _place_rules(cand.side or languages.FALLBACK)  # the rules its side can match
                    if (
                        (cand.start, cand.end) in clubs
                        or self._in_longer_name(text, cand)
                        or (rules.org_of_place and self._org_of_place(text, cand, places))
                        or (rules.feature_name and self._feature_name(text, cand))
                        or self._part_of_place(text, cand, places)
                        or self._of_another_country(text, cand, place_at)
                        or self._not_a_place_word(text, cand)
                        or (rules.definite_adjective and self._definite_adjective(text, cand))
                        or (rules.partitive and self._partitive(text, cand))
                        or self._currency_prefix(text, cand)
                        or (rules.adjective_form and self._adjective_form(text, cand))
                        or self._product_name(text, cand, products)
                        or (rules.construct_before_place and self._construct_before_place(text, cand, starts))
                        or (field, cand.start, cand.end, cand.entity) in readings
                        or self._named_person(text, cand, persons)
                        or (rules.verb and (self._hollow_verb(text, cand) or self._verb_first(text, cand)))
                        or (rules.verb and self._things_listed(text, cand, starts))
                        or (things and self._named_thing(text, cand, things))
                    ):
                        continue
                elif self._not_an_organisation(text, cand, org_ends) or self._in_other_persons_name(
                    text, cand
                ):
                    continue
                why = self.ambiguity(cand, text[cand.start : cand.end])
                lower = (self.places[cand.entity] or self._capitalised_body(cand)) and self._lower_case_word(
                    text, cand
                )
                if why is None and lower:
                    why = LOWER_CASE
                if (
                    is_place[cand.entity]
                    and (why is None or why is CONSTRUCT)
                    and ((field, cand) in weighty_readings or self._weighty_word_read(text, cand, words_read))
                ):
                    why = WEIGHTY
                elif why is None and is_place[cand.entity] and self._construct_head(text, cand):
                    why = CONSTRUCT
                if is_place[cand.entity] and self._measure_accusative(text, cand):
                    why = MEASURE
                if why is None and is_place[cand.entity]:
                    why = self._predicate_word(text, cand) or self._possessed_adjective(text, cand)
                if (
                    why is None
                    and is_place[cand.entity]
                    and self._toggled_weighty(text, cand, cand.side or languages.FALLBACK)
                ):
                    why = SENSE
                if lower and self.places[cand.entity]:
                    lowered.add((cand.entity, self.key(cand.side or languages.FALLBACK, cand.alias)))
                if why is SENSE:
                    # decided by its sentence (a dateline, a place cue, the register) before the
                    # rest, so that it vouches like a plain name (الصويرة after المغرب, a list)
                    local = self._sense(text, cand)
                    if local is not None:
                        plain[field].append(cand._replace(support=local))
                        continue
                if why is None:
                    # A town or city is never the end of a longer capitalised name (Joaquin
                    # Phoenix, Judy Garland); only an ambiguous alias must not start one either
                    # (title-case headlines put capitals after real place names).
                    if (
                        self.towns[cand.entity]
                        and cand.side == languages.FALLBACK
                        and self._inside_longer_name(text, cand.start, cand.end, cand.side, after=False)
                    ):
                        continue
                    plain[field].append(cand)
                else:
                    unsure[field].append((cand, why))
        if lowered:
            self._move_lowered(texts, plain, unsure, lowered)
        if products:
            self._move_products(plain, unsure, products)
        if not any(unsure.values()):
            return {
                field: resolve(cands, len(texts[field]), self.compiled.engine)
                for field, cands in plain.items()
            }
        named: set[int] = set()
        countries: set[str] = set()
        firm = {
            field: resolve(cands, len(texts[field]), self.compiled.engine) for field, cands in plain.items()
        }
        for field, cands in firm.items():
            for cand in cands:
                named.add(cand.entity)
                code = self.countries[cand.entity]
                if code is not None and self.places[cand.entity] and self._names_country(cand, texts[field]):
                    countries.add(code)
        out: dict[str, list[Candidate]] = {}
        vouched: tuple[set[int], dict[str, set[int]], set[int], set[str]] | None = None
        for field, pairs in unsure.items():
            if not pairs:
                out[field] = firm[field]
                continue
            text = texts[field]
            kept: dict[tuple[int, int, int], str] = {}
            extra = []
            for cand, why in pairs:
                span_places = place_spans[field].get((cand.start, cand.end), [])
                weighty = is_place[cand.entity] and self._toggled_weighty(text, cand, cand.side or "")
                if weighty and vouched is None:
                    vouched = self._vouched(texts, firm, named)
                # in a text that does not read as news, a weighty word is the place only by its
                # sentence's grammar, whatever made it ambiguous (في الجوف "in the abdomen")
                if vouched is not None and (
                    why is WEIGHTY
                    or why is SENSE
                    or (weighty and not self._reads_as_news(text, cand.side or languages.FALLBACK))
                ):
                    support = self._weighty_support(text, cand, vouched[0], vouched[1])
                else:
                    # a weighty word's own forms vouch for it no more under another reason
                    # (خرطوم "a hose", named with the article: a firm الخرطوم is no alias support)
                    support = self.support(
                        cand,
                        why,
                        text,
                        vouched[2] if weighty and vouched else named,
                        vouched[3] if weighty and vouched else countries,
                        shared=bool(span_places),
                        shared_country=any(self.prefixes[i] == "country" for i in span_places),
                    )
                if support is None and self._listed_with_place(text, cand, why, firm[field]):
                    support = "list"  # a conjunct of a list of places (دمشق ومشهد)
                if support is not None:
                    kept[(cand.start, cand.end, cand.entity)] = support
                    extra.append(cand)
            if not extra:
                out[field] = firm[field]
                continue
            extra = self._club_or_other(text, extra, kept)
            # A cue or credit of the entity's kind (مدرب الكويت: the club) outweighs a plain
            # alias of another entity on the same span (the country).
            kinds = {
                (c.start, c.end)
                for c in extra
                if not self.places[c.entity]
                and kept[(c.start, c.end, c.entity)] in ("cue", "credit", "context")
            }
            rest = [c for c in plain[field] if (c.start, c.end) not in kinds] if kinds else plain[field]
            if kinds:
                # ... and a place on that span that got through on its own support (الخور
                # after الدوحة was named: country support) no more than a plain one
                extra = [c for c in extra if not (self.places[c.entity] and (c.start, c.end) in kinds)]
            done = resolve(rest + extra, len(text), self.compiled.engine)
            out[field] = [
                c._replace(support=kept[(c.start, c.end, c.entity)])
                if (c.start, c.end, c.entity) in kept
                else c
                for c in done
            ]
        return out

    def _of_another_country(self, text: str, cand: Candidate, place_at: Mapping[int, list[int]]) -> bool:
        """A division's or town's alias of several words right before a genitive proclitic
        glued to another country's name (``support.json: genitive_proclitics``) describes that
        country: الحدود الشمالية لإسرائيل is Israel's northern border, no Saudi province."""
        proclitics = _cues(cand.side or languages.FALLBACK).genitive_proclitics
        if (
            not proclitics
            or self.prefixes[cand.entity] == "country"
            or " " not in text[cand.start : cand.end]
        ):
            return False
        at = cand.end + 1
        if text[cand.end : at] != " " or text[at : at + 1] not in proclitics:
            return False
        own = self.countries[cand.entity]
        return any(
            self.prefixes[e] == "country" and self.countries[e] != own for e in place_at.get(at + 1, ())
        )

    def _homonyms_by_country(self, raw: Mapping[str, list[Candidate]]) -> Mapping[str, list[Candidate]]:
        """Of places sharing a span (``Samara``: the Russian city and Iraq's Samarra, one
        alias), keep those whose country the article names by a country's alias, when some
        are and others of a known country are not: the article about Iraq means Samarra.
        Without such a country, or with every one named, all stay (the first loaded wins);
        a span one of whose places is a country (عمان) is left to the support stage."""
        countries, places, prefixes = self.countries, self.places, self.prefixes
        spans: dict[tuple[str, int, int], set[int]] = {}
        for field, cands in raw.items():
            for cand in cands:
                if places[cand.entity] and countries[cand.entity] is not None:
                    spans.setdefault((field, cand.start, cand.end), set()).add(cand.entity)
        # a country among them (عمان: Oman and Amman) is the support stage's to decide
        shared = {
            span: entities
            for span, entities in spans.items()
            if len(entities) > 1 and all(prefixes[e] != "country" for e in entities)
        }
        if not shared:
            return raw
        # the countries named on a span of their own
        named = {
            countries[e]
            for entities in spans.values()
            if len(entities) == 1
            for e in entities
            if prefixes[e] == "country"
        }
        drop: set[tuple[str, int, int, int]] = set()
        for (field, start, end), entities in shared.items():
            home = {e for e in entities if countries[e] in named}
            if home and len(home) < len(entities):
                drop.update((field, start, end, e) for e in entities - home)
        if not drop:
            return raw
        return {
            field: [c for c in cands if (field, c.start, c.end, c.entity) not in drop]
            for field, cands in raw.items()
        }

    def _listed_with_place(
        self, text: str, cand: Candidate, why: Ambiguity, firm: Sequence[Candidate]
    ) -> bool:
        """A place's ambiguous alias that is one conjunct of a list of places: a confident place
        (``firm``) right before it or right after it with only a list conjunction between
        (``support.json: list_conjunctions``; Arabic و glued to the next conjunct: دمشق ومشهد,
        للشام وفلسطين, الشارقة وراس الخيمة ومسقط). Not for a capital written in lower case (the
        ``case`` reason: the writing rules it out)."""
        side = cand.side or languages.FALLBACK
        conjunctions = _cues(side).list_conjunctions
        if not conjunctions or why.reason == "case" or not self.places[cand.entity]:
            return False
        normalizer = languages.get(side).normalizer
        longest = max(map(len, conjunctions))
        for other in firm:
            if other.entity == cand.entity or not self.places[other.entity]:
                continue
            if other.end <= cand.start:
                between = text[other.end : cand.start]
            elif cand.end <= other.start:
                between = text[cand.end : other.start]
            else:
                continue
            if (
                between[:1].isspace()
                and not normalizer.keeps(between, longest + 1)  # far apart: never a conjunction
                and self.key(side, between.strip()) in conjunctions
            ):
                return True
        return False

    def _person_words(self, texts: Mapping[str, str], raw: Mapping[str, list[Candidate]]) -> dict[Any, str]:
        """The place candidates that read as a person (:meth:`_person_reading`), by (field, start,
        end, entity) -> reason, and the words (side, key) -> ``"person"`` that some candidate
        reads as a person by evidence about the person (a cue, a verb, ``who``, kin)."""
        out: dict[Any, str] = {}
        for field, cands in raw.items():
            text = texts[field]
            first_starts: dict[int, int] | None = None  # built when a candidate first needs it
            for cand in cands:
                if not self.places[cand.entity]:
                    continue
                if cand.side == languages.FALLBACK:
                    reason = self._person_reading(text, cand) or self._metaphor(text, cand)
                elif _cues(cand.side or languages.FALLBACK).person_cues:
                    if first_starts is None:
                        first_starts = self._first_place_starts(cands)
                    reason = self._cued_person(text, cand, first_starts)
                else:
                    continue
                if reason is None and cand.side != languages.FALLBACK:
                    if self._made_thing(text, cand):
                        out[(field, cand.start, cand.end, cand.entity)] = "thing"
                        out.setdefault(self._sense_key(text, cand), "thing")
                        continue
                    if self._thing_noun(text, cand):
                        out.setdefault(self._sense_key(text, cand), "thing")  # no person's reading there
                        continue
                if reason is not None:
                    out[(field, cand.start, cand.end, cand.entity)] = reason
                    if reason in ("person", "noun"):
                        out[self._sense_key(text, cand)] = "person"
            for cand in cands:  # two sisters, Montana and Brooklyn: a person's conjunct is a person
                if (
                    self.places[cand.entity]
                    and (field, cand.start, cand.end, cand.entity) not in out
                    and self._joined_to_person(text, cand, out)
                ):
                    out[(field, cand.start, cand.end, cand.entity)] = "person"
                    out[self._sense_key(text, cand)] = "person"
        return out

    def _metaphor(self, text: str, cand: Candidate) -> str | None:
        """Latin script: ``"noun"`` for a place's capitalised word, below a country's or a
        capital's weight, between the indefinite article and ``of`` (``support.json:
        metaphor``: our workshop has become a Babylon of spare parts): a common noun, here and,
        one sense per text, wherever else the text writes it without a place cue."""
        side = cand.side or languages.FALLBACK
        cues = _cues(side)
        if not cues.metaphor or self.weights[cand.entity] == "heavy" or " " in cand.alias.strip():
            return None
        if not text[cand.start : cand.start + 1].isupper():
            return None
        before = _word_before(text, cand.start)
        after = _word_after(text, cand.end)
        if after is None or self.key(side, before) not in cues.metaphor:
            return None
        return "noun" if self.key(side, after.group()) in cues.metaphor_after else None

    def _joined_to_person(self, text: str, cand: Candidate, readings: Mapping[Any, str]) -> bool:
        """Latin script: a place's capitalised word right after a coordinator (``support.json:
        coordinators``: and, or) whose left conjunct, one word, reads as a person (two sisters,
        Montana and Brooklyn Reid); below a country's or a capital's weight."""
        side = cand.side or languages.FALLBACK
        if side != languages.FALLBACK or (self.weights[cand.entity] == "heavy"):
            return False
        if not text[cand.start : cand.start + 1].isupper():
            return False
        pair = self._words_before(text, cand.start, side, 2)
        return (
            len(pair) == 2
            and pair[1] in _cues(side).coordinators
            and readings.get((cand.side, pair[0])) == "person"
        )

    def _sense_key(self, text: str, cand: Candidate) -> tuple[str | None, str]:
        """What one sense per text is kept under: the word as written in Latin script (a capital
        matters there), the alias's key elsewhere (a proclitic's form, للزبير, is الزبير)."""
        side = cand.side or languages.FALLBACK
        surface = text[cand.start : cand.end] if side == languages.FALLBACK else cand.alias
        return (cand.side, self.key(side, surface))

    def _first_place_starts(self, cands: Sequence[Candidate]) -> dict[int, int]:
        """Where the earliest place candidate ending at each end starts (end -> start): whether
        another place's name starts before a candidate and ends with it is one look-up."""
        out: dict[int, int] = {}
        for c in cands:
            if self.places[c.entity] and c.start < out.get(c.end, c.start + 1):
                out[c.end] = c.start
        return out

    def _cued_person(self, text: str, cand: Candidate, first_starts: Mapping[int, int]) -> str | None:
        """A script without capitals (Arabic): ``"person"`` when a place's one word below a
        country's or a capital's weight reads as a person's name by a cue before it: a title or
        kin word (``support.json: person_cues``: السيدة منصورة, العم حماه, قريبتنا مونتانا, with
        an attached pronoun or a proclitic; or two words back across one adjective with the
        article: أختي الصغيرة سيدني), or a naming cue among the ``naming_reach`` words before it
        in its clause (``naming_cues``: اسمه الزبير, سمتها أختي الصغيرة سيدني), unless a place
        noun stands right before the naming cue (قرية اسمها ...: ``place_nouns``). A region only
        after a kin word. Not when another place's name starts before it and ends with it (a
        place named after a person, ابن سليمان)."""
        side = cand.side or languages.FALLBACK
        weight = self.weights[cand.entity]
        region = weight == "heavy" and self.prefixes[cand.entity] == "geo"
        if (weight == "heavy" and not region) or " " in cand.alias.strip():
            return None
        if first_starts.get(cand.end, cand.start) < cand.start:
            return None  # (first_starts: the field's _first_place_starts)
        cues = _cues(side)
        words = self._clause_words(text, cand.start, side, self.settings.naming_reach)
        if not words:
            return None
        last = self._cue_stem(words[-1], side)
        if last & cues.person_cues or self._owned(words[-1], side, cues.owned_kin):
            return "person"  # السيدة منصورة; أمي جيهان "my mother Jihan", ابنها
        if weight != "heavy" and last & cues.subject_verbs:
            return "person"  # وتقول جيهان "and Jihan says": a verb only a person does, then its subject
        if self._owned(words[-1], side, cues.copulas) and self._clause_ends(text, cand.end, side):
            return "person"  # إنه باتمان، "that he is Batman": a pronoun's predicate ending its clause
        forms = _forms(side)
        if (
            len(words) >= 2
            and words[-1].startswith(forms.article)
            and self._cue_stem(words[-2], side) & cues.person_cues
        ):
            return "person"  # أختي الصغيرة سيدني: a kin word, an adjective, the name
        if region:
            return None
        for i in range(len(words) - 1, -1, -1):
            if self._cue_stem(words[i], side) & cues.naming_cues:
                nouns = cues.place_nouns | cues.strong
                placed = any(self._cue_stem(w, side) & nouns for w in words[max(0, i - 2) : i])
                return None if placed else "person"
        return None

    def _owned(self, word: str, side: str, stems: AbstractSet[str]) -> bool:
        """Whether ``word`` is one of ``stems`` with an attached pronoun (أمي, ابنها; إنه, كأنها),
        a proclitic before it allowed (وأمي)."""
        if not stems:
            return False
        bare = {word, word[1:]} if word[:1] in _forms(side).prefixes else {word}
        return bool((self._cue_stem(word, side) - bare) & stems)

    def _clause_ends(self, text: str, end: int, side: str) -> bool:
        """Whether the clause ends at ``end``: punctuation, a line's or the text's end, or a word
        that opens a new clause (``clause_openers``) after the spaces."""
        after = end
        while text[after : after + 1] == " ":
            after += 1
        return after >= len(text) or text[after] in _CLAUSE_ENDS or self._clause_opens(text, end, side)

    def _cue_stem(self, word: str, side: str) -> frozenset[str]:
        """A cue word's readings: as written, without a proclitic, without an attached pronoun
        (أختي, قريبتنا: its teh marbuta written ت before the pronoun); remembered per word."""
        found = self._stems.get((word, side))
        if found is None:
            make_room(self._stems)
            found = self._stems[(word, side)] = frozenset(self._read_stems(word, side))
        return found

    def _read_stems(self, word: str, side: str) -> set[str]:
        """:meth:`_cue_stem` worked out."""
        forms = _forms(side)
        out = {word}
        if word[:1] in forms.prefixes and len(word) > 3:
            out.add(word[1:])
        spelling = _cues(side).pronoun_spelling
        for w in list(out):
            for pronoun in (*forms.pronouns, *forms.pronoun_forms):
                root = w.removesuffix(pronoun)
                if root != w and len(root) >= 2:
                    out.add(root)
                    if spelling is not None and root.endswith("ت"):
                        out.add(root[:-1] + spelling[1])
        return out

    def _clause_words(self, text: str, start: int, side: str, n: int) -> list[str]:
        """The last ``n`` words (normalised) before ``start`` in its clause, nearest last; none
        when the candidate is glued to the word before it (a proclitic)."""
        if start <= 0 or not text[start - 1].isspace():
            return []
        head = text[max(0, start - 20 * n) : start]
        last = _CLAUSE_MARK.search(head[::-1])  # the clause's last mark, read on the reversed head
        cut = -1 if last is None else len(head) - 1 - last.start()
        return [self.key(side, w) for w in _WORD.findall(head[cut + 1 :])[-n:]]  # only the last n keyed

    def _thing_noun(self, text: str, cand: Candidate) -> bool:
        """A script without capitals: an ambiguous place's word that reads as a thing's noun by
        an adjective of a thing's size, shape or state after it (``thing_adjectives``: في
        الديوانية الصغيرة "in the small sitting room"), no strong place cue before it; below a
        country's or a capital's weight."""
        side = cand.side or languages.FALLBACK
        if self.weights[cand.entity] == "heavy" or not self._thing_described(text, cand, side):
            return False
        if _strong_in(self._words_before(text, cand.start, side, 2), _cues(side).strong):
            return False
        return self.ambiguity(cand, text[cand.start : cand.end]) is not None

    def _made_thing(self, text: str, cand: Candidate) -> bool:
        """A place's one word (below a country's or a capital's weight; a region's too) right
        before a relative pronoun (``support.json: relatives``: الذي, التي) and a verb of making
        or handling a thing with an attached pronoun, its object (``thing_verbs``: حفره "dug it",
        صنعها, اشتراه): the thing so made or handled (النقب الذي حفره الكلب "the hole the dog
        dug"), here and, one sense per text, wherever else the text writes it without a strong
        place cue. Nobody digs, sews or buys a town."""
        side = cand.side or languages.FALLBACK
        cues = _cues(side)
        if not cues.thing_verbs or " " in cand.alias.strip():
            return False
        if self.weights[cand.entity] == "heavy" and self.prefixes[cand.entity] != "geo":
            return False
        relative = _word_after(text, cand.end)
        if relative is None or self.key(side, relative.group()) not in cues.relatives:
            return False
        verb = _word_after(text, relative.end())
        if verb is None:
            return False
        return self._owned(self.key(side, verb.group()), side, cues.thing_verbs)

    def _named_thing(self, text: str, cand: Candidate, things: set[Any]) -> bool:
        """One sense per text for a thing's noun (:meth:`_thing_noun`): the same word elsewhere
        in the text is that noun too, after a preposition as well (وفي الديوانية يسمع "and in
        the sitting room he hears"), unless a strong place cue stands before it (مدينة)."""
        if self._sense_key(text, cand) not in things:
            return False
        if self.weights[cand.entity] == "heavy" and self.prefixes[cand.entity] != "geo":
            return False
        side = cand.side or languages.FALLBACK
        return not _strong_in(self._words_before(text, cand.start, side, 2), _cues(side).strong)

    def _hollow_verb(self, text: str, cand: Candidate) -> bool:
        """A place's bare word that is a hollow verb's perfect in the first or second person
        (``support.json: hollow_endings``: سرت "I walked", سرنا "we walked": two letters and an
        ending, the two letters with ``hollow_long`` between them a verb of Zipf ``city_zipf``,
        سار) where its clause reads it as that verb: after a subject pronoun or a particle that
        goes before a verb (``verb_openers``: أنا سرت, عندما سرنا), or opening its clause before
        a motion's preposition (``hollow_after``: سرت على الرصيف "I walked on the platform"); not a
        country's or a capital's, nor after a proclitic (في سرت, بسرت stay the city)."""
        side = cand.side or languages.FALLBACK
        cues = _cues(side)
        if not cues.hollow_endings or self.weights[cand.entity] == "heavy" or cand.how == "clitic":
            return False
        key = self.key(side, text[cand.start : cand.end])
        table = word_frequencies(side)
        stems = [key.removesuffix(e) for e in cues.hollow_endings if key.endswith(e)]
        if not any(
            len(stem) == 2 and table.get(stem[0] + long + stem[1], 0.0) >= self.settings.city_zipf
            for stem in stems
            for long in cues.hollow_long
        ):
            return False
        if cand.start > 0 and not text[cand.start - 1].isspace():
            return False
        words = self._clause_words(text, cand.start, side, 1)
        if words:
            return words[-1] in cues.verb_openers
        after = _word_after(text, cand.end)
        return after is not None and self.key(side, after.group()) in cues.hollow_after

    def _bare_key(self, text: str, cand: Candidate, side: str) -> str | None:
        """The key of a candidate written as one word without the article or a proclitic, else None."""
        article = _forms(side).article
        key = self.key(side, text[cand.start : cand.end])
        if cand.how == "clitic" or " " in key or (article and key.startswith(article)):
            return None
        return key

    def _verb_first(self, text: str, cand: Candidate) -> bool:
        """A verb-first clause: a place's bare frequent word (Zipf ``town_zipf``, below a
        country's or a capital's weight, not after a place cue or a preposition) right before a
        given name (``given_names.json``, no place's word) and a preposition after it
        (``verb_prepositions``) is a verb and its subject (سلا رامي عن لعبته "Rami forgot his
        toy"): a place is not followed by a person and a preposition."""
        side = cand.side or languages.FALLBACK
        cues = _cues(side)
        key = self._bare_key(text, cand, side) if cues.verb_prepositions else None
        if key is None or self.weights[cand.entity] == "heavy":
            return False
        if word_frequencies(side).get(key, 0.0) < self.settings.town_zipf:
            return False
        name = _word_after(text, cand.end)
        if name is None:
            return False
        person = self.key(side, name.group())
        if person not in _listed_given_names(side) or person in self._place_words(side, big=False):
            return False
        after = _word_after(text, name.end())
        if after is None or self.key(side, after.group()) not in cues.verb_prepositions:
            return False
        before = self._words_before(text, cand.start, side, 2)
        return not (_strong_in(before, cues.strong) or (before and self._weak_cue(before[-1], side)))

    def _things_listed(self, text: str, cand: Candidate, starts: AbstractSet[int]) -> bool:
        """A place's bare word (no article, no proclitic; not a country's) that opens a list of
        three indefinite nouns, the two after it frequent words (Zipf ``town_zipf``) joined by
        the list's conjunction (``list_conjunctions``: و) with no article, no place's candidate
        (``starts``: where the field's places start), no given name and no word with an attached
        pronoun of two letters among them (غزة وأهلها وشبابها: its people) (علبة فيها
        براغ وسلوك ومسامير "a box of screws, wires and nails"), is one of those things: a list
        of places names places."""
        side = cand.side or languages.FALLBACK
        cues = _cues(side)
        forms = _forms(side)
        if not cues.list_conjunctions or self.prefixes[cand.entity] == "country":
            return False
        if self._bare_key(text, cand, side) is None:
            return False
        table = word_frequencies(side)
        given = _listed_given_names(side)
        end = cand.end
        for _ in range(2):
            following = _word_after(text, end)
            if following is None:
                return False
            word = self.key(side, following.group())
            joined = word[:1]
            rest = word[1:]
            if (
                joined not in cues.list_conjunctions
                or (forms.article and rest.startswith(forms.article))
                or table.get(rest, 0.0) < self.settings.town_zipf
                or rest in given
                or any(len(p) > 1 and rest.endswith(p) for p in forms.pronouns)
                or following.start() in starts
                or following.start() + 1 in starts
            ):
                return False
            end = following.end()
        return True

    def _named_person(self, text: str, cand: Candidate, persons: set[Any]) -> bool:
        """A place's word that the text reads as a person elsewhere (his wife Adelaide ...
        Adelaide says) is that person here too, unless a place cue stands with it (moved to
        Adelaide; not ``support.json: person_prepositions``, which take people as often: a
        letter from Adelaide); a country or a capital keeps its reading (Jordan)."""
        if not persons:
            return False
        if self.weights[cand.entity] == "heavy" and self.prefixes[cand.entity] != "geo":
            return False
        side = cand.side or languages.FALLBACK
        surface = text[cand.start : cand.end]
        if self._sense_key(text, cand) not in persons:
            return False
        if side == languages.FALLBACK and not surface[:1].isupper():
            return False
        before = self._words_before(text, cand.start, side, 1)
        if before and before[-1] in _cues(side).person_prepositions:
            return True  # tickets are available from Cali (the treasurer named before)
        return not self._has_place_cue(text, cand, side)

    def _has_place_cue(self, text: str, cand: Candidate, side: str) -> bool:
        """A place cue right before ``cand`` (a strong one, or a preposition) or a place word after it."""
        cues = _cues(side)
        before = self._words_before(text, cand.start, side, 2)
        if _strong_in(before, cues.strong):
            return True
        if before and self._weak_cue(before[-1], side):
            return True
        after = _word_after(text, cand.end)
        return after is not None and self.key(side, after.group()) in cues.after

    def _names_country(self, cand: Candidate, text: str) -> bool:
        """Whether a firm place names its country for ``country`` support: only a confident one.

        A country, a capital or a region does; so does a place named by a phrase or by a word too
        rare to be an ordinary word or a given name (Zipf below ``town_zipf``). A place named by
        one frequent word (تلا "recited", الحلة "the pot", Indiana, Denver: each may be a word or
        a person's name) names its country only with a place cue of its own (في الحلة, in
        Indiana) or after a comma that follows another name (Irving, Texas). Otherwise places
        that are words or given names would support one another in a text naming no place.
        """
        if self.weights[cand.entity] == "heavy":
            return True
        side = cand.side or languages.FALLBACK
        key = self.key(side, text[cand.start : cand.end])
        if " " in key or word_frequencies(side).get(key, 0.0) < self.settings.town_zipf:
            return True
        return self._has_place_cue(text, cand, side) or _after_name_comma(text, cand.start)

    def support(
        self,
        cand: Candidate,
        why: Ambiguity,
        text: str,
        named: set[int],
        countries: set[str],
        *,
        shared: bool = False,
        shared_country: bool = False,
    ) -> str | None:
        """The support that lets ``cand`` through, or None (also None when its writing rules it out).

        ``shared``: a place is a candidate on the same span (a club named by its city);
        ``shared_country``: that place is a country (a national team's name too: a match
        report does not make الكويت the club).
        """
        side = cand.side or languages.FALLBACK
        latin = side == languages.FALLBACK
        if why is PRODUCT_ELSEWHERE:
            return "alias" if cand.entity in named else self._place_cue(text, cand, side, why, weak=True)
        if why is ACRONYM:
            if cand.entity in named:
                return "alias"
            if self.countries[cand.entity] in countries:
                return "country"
            return "tag" if self._hashtag(text, cand.start, cand.end) else None
        if why.reason == "case":
            if cand.entity in named:
                return "alias"
            # a capital the text also writes in lower case may still have a place cue (city of)
            if why is not LOWER_ELSEWHERE or self._not_a_name(text, cand.start, cand.end, side):
                return None
            return self._place_cue(text, cand, side, why)
        if latin and self._not_a_name(text, cand.start, cand.end, side):
            return None
        if not self.places[cand.entity] and self._named_right_before(text, cand, side):
            return "cue"  # its full name right before it: the name's acronym (وكالة الانباء القطرية قنا)
        if cand.entity in named and (self.places[cand.entity] or self._names_it(side, text, cand)):
            return "alias"
        if (
            self._hashtag(text, cand.start, cand.end)
            and not (self.places[cand.entity] and why.reason in WORD_REASONS)
            and self.key(side, text[cand.start : cand.end]) not in _cues(side).genre_tags
        ):
            return "tag"
        if not self.places[cand.entity]:
            return self._kind_support(cand, text, side, shared=shared, shared_country=shared_country)
        if why.reason == "marked" and self.compiled.entities[cand.entity].type != "LOC":
            return None
        code = self.countries[cand.entity]
        if why.reason == "article":
            # an ordinary noun with the article (الحلة "the pot"): a place cue; a preposition (في
            # البقاع) for a division or a place of a million, else only where its country is named
            weak = self.weights[cand.entity] == "big" or (code is not None and code in countries)
            return self._place_cue(text, cand, side, why, weak=weak)
        if self._thing_described(text, cand, side) and not _strong_in(
            self._words_before(text, cand.start, side, 2), _cues(side).strong
        ):
            return None  # an ambiguous place's word before a thing's adjective (الرملة الناعمة)
        if why.reason == "definite" and self._definite_cue(text, cand, side):
            return "cue"
        surface = self.key(side, text[cand.start : cand.end])
        common = word_frequencies(side).get(surface, 0.0) >= self.settings.country_support_max_zipf
        if code is not None and code in countries and not common:
            # A word as common as وأن ("and that") is no town because Turkey is named.
            return "country"
        return self._place_cue(text, cand, side, why)

    def _place_cue(
        self, text: str, cand: Candidate, side: str, why: Ambiguity, *, weak: bool = False
    ) -> str | None:
        """``cue`` when a place cue stands right before (or a place word right after) ``cand``; a
        preposition counts for the ``name``, ``abroad``, ``frequent``, ``definite``,
        ``construct`` and ``verb`` reasons (or with ``weak``)."""
        cues = _cues(side)
        before = self._words_before(text, cand.start, side, 2)
        if _strong_in(before, cues.strong) and not self._direction_of_noun(text, cand, side, before):
            return "cue"
        weak = weak or why.reason in ("name", "abroad", "frequent", "definite", "construct", "verb")
        if weak and before and self._weak_cue(before[-1], side):
            return "cue"
        after = _word_after(text, cand.end)
        if after is not None and self.key(side, after.group()) in cues.after:
            return "cue"
        return None

    def _definite_cue(self, text: str, cand: Candidate, side: str) -> bool:
        """A ``definite`` place's own cues beside the place cues: a noun that names a thing after
        a place (``support.json: named_after``: اتفاق الطائف, باتفاق الطائف) or a place noun
        (``place_nouns``: حي القادسية "the Qadisiyyah quarter") right before it, or
        a naming cue right before it after a place noun (قرية صغيرة اسمها الزبير: ``naming_cues``,
        ``place_nouns`` within the two words before the cue)."""
        words = self._clause_words(text, cand.start, side, 4)
        if not words:
            return False
        cues = _cues(side)
        if self._cue_stem(words[-1], side) & (_definite_cues(side).named_after | cues.place_nouns):
            return True
        if not self._cue_stem(words[-1], side) & cues.naming_cues:
            return False
        nouns = cues.place_nouns | cues.strong
        return any(self._cue_stem(w, side) & nouns for w in words[-3:-1])

    def _partitive(self, text: str, cand: Candidate) -> bool:
        """A place's one word (below a country's weight) right after a measure's noun and the
        partitive ``من`` (``support.json: measures``, ``partitive_of``; a proclitic, a pronoun or
        an indefinite adjective allowed: بقطعة قديمة من الحديدة "with an old piece of the iron")
        is the substance measured out, no place."""
        side = cand.side or languages.FALLBACK
        cues = _definite_cues(side)
        if not cues.measures or " " in cand.alias.strip() or self.weights[cand.entity] == "heavy":
            return False
        words = self._clause_words(text, cand.start, side, 3)
        if len(words) < 2 or words[-1] not in cues.partitive_of:
            return False
        head = words[-2]
        if head in _cues(side).indefinite_adjectives and len(words) > 2:
            head = words[-3]
        return bool(self._cue_stem(head, side) & cues.measures)

    def _measure_accusative(self, text: str, cand: Candidate) -> bool:
        """A place's one word, a country's too, that is a measure's noun (``support.json:
        measures``) in the indefinite accusative written without its tanwin (``accusative``:
        كوبا for كوباً "a cup") right before the partitive ``من`` reads as that measure (اسكبي
        كوبا من الحليب "pour a cup of milk"): ``measure``, supported by the place's name or its
        country firm elsewhere in the text, or a place cue (زار الرئيس كوبا من جديد, in a text
        that names Cuba nowhere else, is lost). Not after a preposition, which no accusative follows (إلى
        كوبا من المكسيك), nor with one glued to it."""
        side = cand.side or languages.FALLBACK
        cues = _definite_cues(side)
        if not cues.accusative or not cues.measures or cand.how == "clitic" or " " in cand.alias.strip():
            return False
        key = self.key(side, text[cand.start : cand.end])
        if not key.endswith(cues.accusative) or key.removesuffix(cues.accusative) not in cues.measures:
            return False
        after = _word_after(text, cand.end)
        if after is None or self.key(side, after.group()) not in cues.partitive_of:
            return False
        return not any(self._weak_cue(w, side) for w in self._words_before(text, cand.start, side, 1))

    def _predicate_word(self, text: str, cand: Candidate) -> Ambiguity | None:
        """A place's bare one word (below a country's weight, Zipf at least ``town_zipf``) that
        the words around it read as an adjective or a common noun: of a comparative's form
        (``superlative``) right before ``comparative_than`` (فالحق أبين من أن يخفى "the truth is
        clearer than to be hidden": ``elative``; not after a preposition, إلى إربد من عمان), or
        right after the negation of a kind (``negation``, a conjunction allowed: ولا حائل بينها
        "and no barrier between them": ``negated``), which an indefinite noun follows. Either
        needs its name or country firm elsewhere in the text, or a place cue."""
        side = cand.side or languages.FALLBACK
        cues = _definite_cues(side)
        if self.weights[cand.entity] == "heavy" or cand.how == "clitic" or " " in cand.alias.strip():
            return None
        key = self.key(side, text[cand.start : cand.end])
        if not self._bare_and_frequent(side, key):
            return None
        before = self._words_before(text, cand.start, side, 1)
        if before and cues.negation and _forms(side).among(before[-1], cues.negation):
            return NEGATED
        superlative = _cues(side).superlative
        if superlative is None or not superlative.match(key) or not cues.comparative_than:
            return None
        after = _word_after(text, cand.end)
        if after is None or self.key(side, after.group()) not in cues.comparative_than:
            return None
        return None if before and self._weak_cue(before[-1], side) else ELATIVE

    def _possessed_adjective(self, text: str, cand: Candidate) -> Ambiguity | None:
        """A place's one word with the article whose rest has a comparative's form
        (``superlative``: الأقصى "the farthest", الأدنى; the rest a word of Zipf at least
        ``city_zipf``) right after a noun with an attached pronoun (``forms.pronouns``,
        ``pronoun_forms``; not a word with the article, nor a stem shorter than three letters:
        على, في) agrees with that noun, made definite by its pronoun: ما زال بعيدا عن مستواه
        الأقصى "far from his highest level". It may still be the noun's object (اقتحامه الأقصى
        "his storming of al-Aqsa"), so ``possessed`` needs the place's name or country firm
        elsewhere in the text, or a place cue; a country's or a region's too."""
        side = cand.side or languages.FALLBACK
        forms = _forms(side)
        superlative = _cues(side).superlative
        if superlative is None or not forms.article or " " in cand.alias.strip() or cand.how == "clitic":
            return None
        key = self.key(side, text[cand.start : cand.end])
        rest = key.removeprefix(forms.article)
        if not key.startswith(forms.article) or not superlative.match(rest):
            return None
        if word_frequencies(side).get(rest, 0.0) < self.settings.city_zipf:
            return None  # الأردن: اردن (3.2) is no comparative in use, أقصى (4.6) is
        before = self._words_before(text, cand.start, side, 1)
        if not before or before[-1].startswith(forms.article):
            return None
        word = before[-1]
        stems = [word.removesuffix(p) for p in (*forms.pronouns, *forms.pronoun_forms) if word.endswith(p)]
        if not any(len(stem) >= 3 for stem in stems) or self._weak_cue(word, side):
            return None
        return POSSESSED

    def _bare_and_frequent(self, side: str, key: str) -> bool:
        """Whether a one-word key is written without the article and is a word of Zipf at least
        ``town_zipf`` (what the construct, elative and negation readings ask of a place's word)."""
        article = _forms(side).article
        if article and key.startswith(article):
            return False
        return word_frequencies(side).get(key, 0.0) >= self.settings.town_zipf

    def _weighty_key(self, text: str, cand: Candidate, side: str) -> str | None:
        """The weighty-word key of a one-word place of a country's, capital's, region's or big
        place's weight (``data/<lang>/weighty_words.json``), or None."""
        if self.weights[cand.entity] not in ("heavy", "big") or " " in cand.alias.strip():
            return None
        words = weighty_words(side)
        if not words:
            return None
        key = self.key(side, text[cand.start : cand.end])
        if key in words:
            return key
        alias = self.key(side, cand.alias)
        return alias if cand.how == "clitic" and alias in words else None

    def _weighty_reading(self, text: str, cand: Candidate) -> bool:
        """A weighty place's word that is also an ordinary word written both ways (قطر / القطر
        "the diameter", رياض / الرياض "gardens", كابل "a cable", خرطوم "a hose": the class
        ``tools/wordfreq/weighty_words.py`` derives) where its grammar is the ordinary word's, not
        a name's (``weighty``): written without the article, right before a noun with the
        article it heads as a construct (قطر الدائرة "the circle's diameter", كابل المطبخ) or
        right before an indefinite adjective agreeing with it (قطر واحد "one diameter", كابل
        بحري "a marine cable", written with tanwin or listed in ``indefinite_adjectives``, or a
        nisba whose feminine is a frequent word, not one of ``weighty.not_adjectives``; also with
        a preposition glued to it, برباط متين "with a strong strap", which the construct reading
        leaves to the name, بقطر الشقيقة): a name is definite, and its adjective takes the article
        (قطر الشقيقة); or bare before a number and a unit (قطر 5 سم: :meth:`_measured`); or with
        the article right before a thing's adjective with it
        (``thing_adjectives``, or one of ``weighty.adjectives`` with the article: الخرطوم الملفوف
        "the coiled hose"). Support: see :meth:`_weighty_support`."""
        side = cand.side or languages.FALLBACK
        forms = _forms(side)
        if not forms.article:
            return False
        key = self._weighty_form(text, cand, side)
        if key is None:
            return False
        adjectives, not_adjectives, _units = _weighty_cues(side)
        if key.startswith(forms.article):
            # with the article, before a thing's adjective with it (الخرطوم الملفوف "the coiled
            # hose", الرباط المتين): a name takes other adjectives (الخرطوم الكبرى)
            described = _word_after(text, cand.end)
            word = self.key(side, described.group()) if described is not None else ""
            return word in _definite_cues(side).thing_adjectives or (
                word.startswith(forms.article) and word.removeprefix(forms.article) in adjectives
            )
        glued = text[cand.start - 1 : cand.start] in _PREPOSITION_CLITICS  # بقطر: a name's, as often
        if not glued and self._construct_after(text, cand, side, forms):
            return True
        after = _word_after(text, cand.end)
        if after is None:
            return False
        if self._measured(text, after, side):
            return True
        word = self.key(side, after.group())
        if word.startswith(forms.article) or word in self.name_words(side):
            return False
        if (
            word in adjectives
            or word in _cues(side).indefinite_adjectives
            or _TANWIN_END.search(after.group())
        ):
            return True
        feminine = forms.feminine_of(word)
        return (
            feminine is not None
            and len(word) > self.settings.min_name_letters
            and word not in not_adjectives
            and word_frequencies(side).get(feminine, 0.0) >= self.settings.city_zipf
        )

    def _measured(self, text: str, number: re.Match[str], side: str) -> bool:
        """Whether ``number`` is a number in digits followed by a unit of length or size
        (``support.json: weighty.units``): قطر 5 سم "a diameter of 5 cm", كابل 2.5 ملم; a year
        after a name (قطر 2022) has no unit."""
        if not number.group().replace(".", "").replace(",", "").isdigit():
            return False
        unit = _word_after(text, number.end())
        return unit is not None and self.key(side, unit.group()) in _weighty_cues(side)[2]

    def _weighty_form(self, text: str, cand: Candidate, side: str) -> str | None:
        """``cand``'s weighty-word key as written: the class's word, or its form with the article
        toggled (الخرطوم, its bare form a weighty word); None for any other word."""
        key = self._weighty_key(text, cand, side)
        if key is None and self._toggled_weighty(text, cand, side):
            key = self.key(side, text[cand.start : cand.end])
        return key

    def _weighty_base(self, text: str, cand: Candidate, side: str) -> str | None:
        """``cand``'s weighty-word key without the article (قطر for القطر), or None."""
        key = self._weighty_form(text, cand, side)
        return None if key is None else key.removeprefix(_forms(side).article)

    def _weighty_words_read(
        self, texts: Mapping[str, str], raw: Mapping[str, Sequence[Candidate]]
    ) -> tuple[frozenset[tuple[int, str]], frozenset[tuple[str, Candidate]]]:
        """(entity, weighty word without the article) of the places the article writes at least
        once in the ordinary word's grammar (:meth:`_weighty_reading`): one sense per text, so
        its other mentions by that word, with or without the article, need the same support
        (``القطر ... قطر الدائرة``: a lesson on the circle); and the (field, candidate) pairs
        so read, which the caller then looks up rather than reading each again."""
        found: set[tuple[int, str]] = set()
        readings: set[tuple[str, Candidate]] = set()
        for field, cands in raw.items():
            text = texts[field]
            for cand in cands:
                if self.places[cand.entity] and self._weighty_reading(text, cand):
                    readings.add((field, cand))
                    base = self._weighty_base(text, cand, cand.side or languages.FALLBACK)
                    if base is not None:
                        found.add((cand.entity, base))
        return frozenset(found), frozenset(readings)

    def _weighty_word_read(self, text: str, cand: Candidate, read: AbstractSet[tuple[int, str]]) -> bool:
        """Whether the article reads ``cand``'s weighty word as the ordinary word elsewhere."""
        if not read:
            return False
        base = self._weighty_base(text, cand, cand.side or languages.FALLBACK)
        return base is not None and (cand.entity, base) in read

    def _vouched(
        self, texts: Mapping[str, str], firm: Mapping[str, Sequence[Candidate]], named: set[int]
    ) -> tuple[set[int], dict[str, set[int]], set[int], set[str]]:
        """The places the article names firmly by a word that is no weighty word nor one with its
        article toggled (such a word read as a name vouches for nothing: the text may use it as
        the word throughout), those places by country code, ``named`` with no other place in it,
        and those codes."""
        entities: set[int] = set()
        by_country: dict[str, set[int]] = {}
        for field, cands in firm.items():
            text = texts[field]
            for cand in cands:
                side = cand.side or languages.FALLBACK
                if not self.places[cand.entity] or self._toggled_weighty(text, cand, side):
                    continue
                entities.add(cand.entity)
                code = self.countries[cand.entity]
                if code is not None and self._names_country(cand, text):
                    by_country.setdefault(code, set()).add(cand.entity)
        others = {e for e in named if not self.places[e]} | entities
        return entities, by_country, others, set(by_country)

    def _toggled_weighty(self, text: str, cand: Candidate, side: str) -> bool:
        """Whether ``cand`` is a weighty word or such a word with the article toggled (الخرطوم
        for خرطوم "a hose": the two forms are what makes it an ordinary word)."""
        if self._weighty_key(text, cand, side) is not None:
            return True
        article = _forms(side).article
        if not article or self.weights[cand.entity] not in ("heavy", "big") or " " in cand.alias.strip():
            return False
        key = self.key(side, text[cand.start : cand.end])
        if cand.how == "clitic" and key not in self.alias_keys(cand.entity, side):
            key = self.key(side, cand.alias)  # للخرطوم: the alias's own word
        toggled = key.removeprefix(article) if key.startswith(article) else article + key
        return toggled in weighty_words(side)

    def _weighty_support(
        self, text: str, cand: Candidate, entities: set[int], by_country: Mapping[str, set[int]]
    ) -> str | None:
        """What lets a ``weighty`` reading be the place: a place cue or a preposition right
        before it (في قطر الشقيقة, إلى رياض), a dateline, the entity named firmly by another word
        (``alias``), or another place of its country named firmly (``country``); never the
        same word elsewhere, nor another weighty word. The entity's or its country's name elsewhere
        counts only in a text that reads as news (:meth:`_reads_as_news`), and so does a bare
        preposition: in a sermon or a recipe a place of its country named once is no evidence
        for the word's sense, nor is في الجوف "in the abdomen" (a place noun is: مدينة الرياض)."""
        side = cand.side or languages.FALLBACK
        if _dateline(text, cand.start, cand.end):
            return "context"
        news = self._reads_as_news(text, side)
        if news:
            if cand.entity in entities:
                return "alias"
            code = self.countries[cand.entity]
            if code is not None and by_country.get(code, set()) - {cand.entity}:
                return "country"
        return self._place_cue(text, cand, side, WEIGHTY, weak=news)

    def _sense(self, text: str, cand: Candidate) -> str | None:
        """What lets a ``sense`` reading be the place (a weighty word that is also an ordinary
        word, with no grammar telling the readings apart) from its own sentence: a dateline
        (``context``), a place cue before it (``cue``; a bare preposition only in a text that
        reads as news: :meth:`_reads_as_news`), or ``register`` when the sentence reads as news in
        a text that does (``data/<lang>/register.json``: the words of the sentence, the name left
        out, sum to at least ``threshold``); else None: the ordinary word (a sermon's الرباط "the
        bond", a story's الرياض "the gardens") unless the text names the entity or its country
        by another word (:meth:`_weighty_support`, in a text that reads as news)."""
        side = cand.side or languages.FALLBACK
        if _dateline(text, cand.start, cand.end):
            return "context"
        news = self._reads_as_news(text, side)
        cue = self._place_cue(text, cand, side, SENSE, weak=news)
        model = register_model(side)
        if cue is not None or model is None or not news:
            return cue
        words = self._sentence_words(text, cand.start, cand.end, side)
        return "register" if model.score(words) >= model.sentence_threshold else None

    def _reads_as_news(self, text: str, side: str) -> bool:
        """Whether ``text`` reads as news: at least ``min_news_share`` of its sentences do
        (``data/<lang>/register.json``). True for a language with no register model and for a
        text of fewer than ``min_sentences`` sentences (too short to tell: its sentence decides)."""
        model = register_model(side)
        return model is None or self._news_share(text, side, model) >= model.min_news_share

    def ordinary_word(self, text: str, mention: Mention) -> bool:
        """Whether a discovered place ``mention`` is a weighty class's word (``weighty_words.json``,
        with the article toggled too: الريف "the countryside", مشهد "a scene") in a text that does
        not read as news: the word the support stage reads there as the ordinary word, which the
        name finder must not propose as a new place either."""
        if mention.entity_type != "LOC" or " " in mention.text.strip():
            return False
        side = mention.lang
        words = weighty_words(side)
        article = _forms(side).article if words else ""
        if not article:
            return False
        key = self.key(side, mention.text)
        toggled = key.removeprefix(article) if key.startswith(article) else article + key
        return (key in words or toggled in words) and not self._reads_as_news(text, side)

    def _news_share(self, text: str, side: str, model: Register) -> float:
        """The share of ``text``'s sentences that read as news, 1.0 for a text of fewer than
        ``min_sentences`` (cached for the last text)."""
        last, share = self._register_text
        if last is text:
            return share
        scores = [
            model.score({self.key(side, w.group()) for w in _WORD.finditer(piece)})
            for piece in _SENTENCE_CUT.split(text)
            if piece.strip()
        ]
        if len(scores) < model.min_sentences:
            share = 1.0
        else:
            share = sum(s >= model.threshold for s in scores) / len(scores)
        self._register_text = (text, share)
        return share

    def _construct_head(self, text: str, cand: Candidate) -> bool:
        """A place's bare one word (below a country's, region's or capital's weight, Zipf at least
        ``town_zipf``; a weighty word is :meth:`_weighty_reading`'s) right before a noun with the
        article reads as that noun's construct head (``construct``): حلب الماعز "the milking of
        goats", خصب التربة "the soil's fertility", غور البحر "the sea's depth". Such a place needs
        support (a preposition, a place cue, its country or its name elsewhere), as a name after a
        preposition has (في حلب القديمة). Not with a preposition glued to it (بنيويورك الاسبوع), nor
        before a word with the article's letters that is no noun a head could govern
        (``support.json: not_construct``: a relative pronoun, إلى, a time word, an adjective names
        take: مكة التي, جباليا الليلة, مراكش العتيقة) or before a nisba adjective (معبر غزة الحدودي:
        the crossing's)."""
        side = cand.side or languages.FALLBACK
        forms = _forms(side)
        if not forms.article or " " in cand.alias.strip():
            return False
        if text[cand.start - 1 : cand.start] in _PREPOSITION_CLITICS:
            return False  # بنيويورك: a preposition glued to it
        key = self.key(side, text[cand.start : cand.end])
        if self.weights[cand.entity] == "heavy" or not self._bare_and_frequent(side, key):
            return False
        return self._construct_after(text, cand, side, forms)

    def _construct_after(self, text: str, cand: Candidate, side: str, forms: Forms) -> bool:
        """Whether the word after ``cand`` is a noun with the article it may head as a construct:
        not a ``not_construct`` word, nor a nisba adjective."""
        after = _word_after(text, cand.end)
        if after is None:
            return False
        word = self.key(side, after.group())
        if not word.startswith(forms.article) or word in _definite_cues(side).not_construct:
            return False
        adjective = _cues(side).adjective
        if adjective is None:
            return True
        feminine = forms.feminine_of(word)  # الحدودي: its feminine is the nisba's form
        return not (adjective.match(word) or (feminine is not None and adjective.match(feminine)))

    def _thing_described(self, text: str, cand: Candidate, side: str) -> bool:
        """An ambiguous place's word (any reason: ``definite``, ``frequent`` as في الرملة
        الناعمة "in the soft sand") right before an adjective of a thing's size, shape or state
        (``support.json: thing_adjectives``: في الديوانية الصغيرة "in the small sitting room",
        الحديدة الطويلة "the long iron bar") is the noun it describes, whatever else supports it
        but a strong place cue right before it (مدينة تلا الصغيرة: the adjective is the city's);
        a name takes other adjectives (الموصل القديمة "old Mosul")."""
        after = _word_after(text, cand.end)
        return after is not None and self.key(side, after.group()) in _definite_cues(side).thing_adjectives

    def _idiom_at_end(self, text: str, cand: Candidate, side: str) -> bool:
        """A two-word phrase of ``support.json: idioms_at_end`` ending in the place's word, with
        its clause ending right after it: قبل المغرب، "before sunset", حتى المغرب. "until evening"
        (a time word before the evening prayer's name), not Morocco; a phrase that goes on (قبل
        المغرب في الترتيب "ahead of Morocco in the table") keeps the country."""
        phrases = _definite_cues(side).idioms_at_end
        if not phrases or " " in cand.alias.strip():
            return False
        after = cand.end  # the first character after the spaces (``text[cand.end:].lstrip(" ")[:1]``),
        while text[after : after + 1] == " ":  # read without copying the rest of the text
            after += 1
        if (
            after < len(text)
            and text[after] not in _CLAUSE_ENDS
            and not self._clause_opens(text, cand.end, side)
        ):
            return False
        before = self._words_before(text, cand.start, side, 1)
        return bool(before) and f"{before[-1]} {self.key(side, text[cand.start : cand.end])}" in phrases

    def _clause_opens(self, text: str, end: int, side: str) -> bool:
        """Whether the word right after ``end`` opens a new clause (``support.json:
        clause_openers``: لأنه "because it", ثم "then", حين "when"; a proclitic or an attached
        pronoun on it allowed): a phrase before it ends its clause there."""
        openers = _definite_cues(side).clause_openers
        following = _word_after(text, end) if openers else None
        return following is not None and bool(
            self._cue_stem(self.key(side, following.group()), side) & openers
        )

    def _direction_of_noun(self, text: str, cand: Candidate, side: str, before: list[str]) -> bool:
        """A compass word before a place whose name is a place cue's noun with the article
        (المدينة "the city", a name of Medina) reads "east of the city" (شرق المدينة), no cue."""
        cues = _cues(side)
        forms = _forms(side)
        if not before or before[-1] not in cues.directions or not forms.article:
            return False
        key = self.key(side, text[cand.start : cand.end])
        return key.startswith(forms.article) and key.removeprefix(forms.article) in cues.strong

    @staticmethod
    def _weak_cue(word: str, side: str) -> bool:
        """A preposition, also after a proclitic (وفي, فمن: ``forms.prefixes``)."""
        return _forms(side).among(word, _cues(side).weak)

    def _names_it(self, side: str, text: str, cand: Candidate) -> bool:
        """Whether an outlet's, organisation's or person's ambiguous alias can take ``alias`` support:
        not a word as common as ``alias_support_max_zipf`` nor an adjective (الفرنسية)."""
        surface = self.key(side, text[cand.start : cand.end])
        adjective = _cues(side).adjective
        if adjective is not None and adjective.match(surface):
            return False
        return word_frequencies(side).get(surface, 0.0) < self.settings.alias_support_max_zipf

    def _kind_support(
        self, cand: Candidate, text: str, side: str, *, shared: bool = False, shared_country: bool = False
    ) -> str | None:
        """An ambiguous organisation, outlet or person alias: a cue word of its kind right before it
        (``مراسل الجزيرة``, ``فريق الجزيرة``), an outlet's credit in parentheses (``(الفرنسية)``)
        or in a dateline (``الدوحة - قنا:``),
        or, for a name shared with a place, a word of its kind in the sentence (``context``: a
        match report names the club برشلونة, not the city)."""
        kind, type_ = self.kinds[cand.entity]
        if type_ == "MEDIA" and (
            self._credit(text, cand.start, cand.end) or _dateline(text, cand.start, cand.end)
        ):
            return "credit"
        if type_ == "MEDIA" and self._addressed(text, cand.start, cand.end, side):
            return "cue"
        all_cues = _cues(side)
        memo = (side, kind, type_)
        found = self._kind_cues.get(memo)
        if found is None:  # the kind's and the type's cue words, joined once (large sets)
            found = self._kind_cues[memo] = (
                all_cues.kinds.get(kind, frozenset()) | all_cues.kinds.get(type_, frozenset()),
                all_cues.contexts.get(kind, frozenset()) | all_cues.contexts.get(type_, frozenset()),
            )
        cues, words = found
        before = self._words_before(text, cand.start, side, 1)
        if before and before[-1] in cues:
            return "cue"
        placed = bool(before) and (before[-1] in all_cues.strong or self._weak_cue(before[-1], side))
        if not shared or not words or placed or shared_country:
            # Only a name shared with a place (a club named by its city) takes its sentence as
            # support, and not after a place cue (في برشلونة); a word (النجم "the star") never;
            # nor a country's name: in a sentence about a match it is the national team (يخوض
            # منتخب الكويت مباراة), which is the country's mention, not the club of that name.
            return None
        if words & self._sentence_words(text, cand.start, cand.end, side):
            return "context"
        return "context" if self._match_report(cand, text, side) else None

    def _club_or_other(
        self, text: str, extra: list[Candidate], kept: Mapping[tuple[int, int, int], str]
    ) -> list[Candidate]:
        """On a span where a club (``support.json: match_kinds``) and another entity that is no
        club both got through (الجزيرة: the channel and Al Jazira Club), the club only in a
        sentence about sport or after a cue of its kind (``_kind_support``), else the other:
        which entity was loaded first decides nothing."""
        spans: dict[tuple[int, int], list[Candidate]] = {}
        for cand in extra:
            spans.setdefault((cand.start, cand.end), []).append(cand)
        dropped: set[tuple[int, int, int]] = set()
        for cands in spans.values():
            if len({c.entity for c in cands}) < 2:
                continue
            side = cands[0].side or languages.FALLBACK
            match_kinds = _cues(side).match_kinds
            clubs = [c for c in cands if self.kinds[c.entity][0] in match_kinds]
            if not clubs or len(clubs) == len(cands):
                continue
            sport = any(
                kept[(c.start, c.end, c.entity)] in ("cue", "context")
                or self._kind_support(c, text, side, shared=True) in ("cue", "context")
                for c in clubs
            )
            losers = [c for c in cands if c not in clubs] if sport else clubs
            dropped.update((c.start, c.end, c.entity) for c in losers)
        return [c for c in extra if (c.start, c.end, c.entity) not in dropped] if dropped else extra

    def _club_spans(
        self, text: str, cands: list[Candidate], places: Mapping[tuple[int, int], list[int]]
    ) -> set[tuple[int, int]]:
        """Spans where a club's own (unmarked) name is also a place's, not a country's, in a
        sentence about a match (:meth:`_match_report`) and not after a place cue: the club
        (اندرلخت, both the club and the Brussels municipality). A marked name (its city's
        bare name) takes ``context`` support instead."""
        found: set[tuple[int, int]] = set()
        for cand in cands:
            span = (cand.start, cand.end)
            if cand.ambiguous or self.places[cand.entity] or span not in places or span in found:
                continue
            if any(self.prefixes[i] == "country" for i in places[span]):
                continue
            side = cand.side or languages.FALLBACK
            before = self._words_before(text, cand.start, side, 1)
            if before and (before[-1] in _cues(side).strong or self._weak_cue(before[-1], side)):
                continue
            if self._match_report(cand, text, side):
                found.add(span)
        return found

    def _match_report(self, cand: Candidate, text: str, side: str) -> bool:
        """A name of a kind ``support.json: match_kinds`` lists (a club) shared with a place, in
        a sentence about a match by the role cues (``roles.json``: a ``score``, or two distinct
        ``sport`` words, as one may be an ordinary word: حارس "a guard"): ``ليل (فرنسا) - ميلان
        (ايطاليا) صفر - صفر``."""
        if not _cues(side).match_kinds & set(self.kinds[cand.entity]):
            return False
        cues = role_cues(side)
        if not cues:
            return False
        sentence = self._sentence_text(text, cand.start, cand.end)
        if cues.score is not None and cues.score.search(sentence):
            return True
        # the words as written: with a proclitic, a sport word may be another (بهدف "with the
        # aim"); and two of them, as one may be an ordinary word (حارس "a guard", لقاء "a meeting")
        words = {self.key(side, w.group()) for w in _WORD.finditer(sentence)}
        return len(words & cues.sport) >= _MATCH_WORDS

    @staticmethod
    def _sentence_text(text: str, start: int, end: int) -> str:
        """The sentence around [start, end) (at most 300 characters each way), the name left out."""
        head = text[max(0, start - 300) : start]
        cut = max(head.rfind(c) for c in ".!?؟\n")
        tail = text[end : end + 300]
        stops = [i for i in (tail.find(c) for c in ".!?؟\n") if i >= 0]
        return head[cut + 1 :] + " " + tail[: min(stops) if stops else len(tail)]

    def _sentence_words(self, text: str, start: int, end: int, side: str) -> set[str]:
        """The normalised words of the sentence around [start, end) (:meth:`_sentence_text`)."""
        return {self.key(side, w.group()) for w in _WORD.finditer(self._sentence_text(text, start, end))}

    def _addressed(self, text: str, start: int, end: int, side: str) -> bool:
        """An outlet told something: its alias right after the proclitic ``support.json:
        addressee.proclitics`` (Arabic ل "to", glued, or written لـ before a quote) with a verb
        of saying (``addressee.verbs``) among the ``addressee.reach`` words before it: قال
        لـ"الشرق الأوسط", وكشف بيرت للشرق الاوسط, قال لرويترز; or, in a headline's form, a colon
        right after it, the words told following (وزير الخارجية للجزيرة: ...)."""
        cues = _cues(side)
        if not cues.addressee_verbs:
            return False
        pos = start
        while pos > 0 and text[pos - 1] in _ADDRESSEE_MARKS:
            pos -= 1
        if pos == 0 or text[pos - 1] not in cues.addressee_proclitics:
            return False
        pos -= 1
        if pos > 0 and not text[pos - 1].isspace():
            return False  # inside a word (the ل of قبل), not a proclitic
        if text[end : end + 3].lstrip("\"'”» ")[:1] == ":":
            return True
        head = text[max(0, pos - 80) : pos]
        last = _ADDRESS_CLAUSE_MARK.search(head[::-1])  # the clause's last mark, on the reversed head
        cut = -1 if last is None else len(head) - 1 - last.start()
        words = [self.key(side, w) for w in _WORD.findall(head[cut + 1 :])[-cues.addressee_reach :]]
        return any(w in cues.addressee_verbs for w in words)

    @staticmethod
    def _hashtag(text: str, start: int, end: int) -> bool:
        """The alias is a whole hashtag (``#الجزيرة``, ``#Gaza``): a name, never an ordinary word."""
        return (
            start > 0
            and text[start - 1] == "#"
            and not (end < len(text) and (text[end].isalnum() or text[end] == "_"))
        )

    @staticmethod
    def _credit(text: str, start: int, end: int) -> bool:
        """The alias opens a parenthesis that closes soon after it: a news credit, ``(الفرنسية)``,
        ``(AFP - Reuters)``."""
        if text[max(0, start - 2) : start].strip()[-1:] != "(":
            return False
        rest = text[end : end + 40]
        close = rest.find(")")
        return close >= 0 and not any(c in rest[:close] for c in "(\n.!?؟")

    def _named_right_before(self, text: str, cand: Candidate, side: str) -> bool:
        """Another alias of the same organisation or outlet ends right before the alias, only
        spaces between (وكالة الانباء القطرية قنا: the acronym after the full name)."""
        if not text[cand.start - 1 : cand.start].isspace():
            return False
        head = self.key(side, text[max(0, cand.start - _NAMED_BEFORE_REACH) : cand.start].rstrip())
        own = self.key(side, cand.alias)
        for name, (alias, _lang) in self.alias_keys(cand.entity, side).items():
            if _side_of(alias) != side:
                continue
            if name and name != own and head.endswith(name):
                rest = head[: len(head) - len(name)]
                if not rest or not rest[-1].isalnum():
                    return True
        return False

    def _part_of_place(self, text: str, cand: Candidate, places: Mapping[tuple[int, int], list[int]]) -> bool:
        """A compass word before a country or continent (جنوب لبنان, north east Syria, شرق افريقيا):
        the inner name wins.

        Not when the candidate is a country itself (جنوب افريقيا, North Korea), nor when the
        inner name is a city's or a region's (northern Gaza, شمال قطاع غزة: the governorate) or
        another country's (Northern Ireland), nor for a region with a name of its own (شرق اسيا,
        East Asia, also آسيا الشرقية), unless another compass word stands right before it (جنوب
        شرق اسيا is South-East Asia, not a part of East Asia: the continent).
        """
        if self.prefixes[cand.entity] == "country":
            return False
        side = cand.side or languages.FALLBACK
        directions = _cues(side).directions
        pos = cand.start
        for _ in range(2):
            word = _WORD.match(text, pos, cand.end)
            if word is None or self.key(side, word.group()) not in directions:
                break
            pos = word.end()
            while pos < cand.end and text[pos] in " -":
                pos += 1
        if pos == cand.start or pos >= cand.end:
            return False
        before = self._words_before(text, cand.start, side, 1)
        compound = bool(before) and before[-1] in directions  # جنوب + شرق اسيا: not East Asia
        if not compound and self._has_own_name(cand.entity):
            return False
        country = self.countries[cand.entity]
        return any(
            (self.prefixes[inner] == "country" or self.kinds[inner][0] == "continent")
            and self.countries[inner] == country
            for inner in places.get((pos, cand.end), ())
        )

    def _move_lowered(
        self,
        texts: Mapping[str, str],
        plain: dict[str, list[Candidate]],
        unsure: dict[str, list[tuple[Candidate, Ambiguity]]],
        lowered: set[tuple[int, str]],
    ) -> None:
        """A place's word that the text also writes in lower case (a phoenix) is not proven a name by
        a capital (the story's title *Phoenix and the cloud*, a title-case heading *Salt, Jam and
        Mango*, *The Arctic Tern*): such a candidate moves from ``plain`` to ``unsure``
        (``LOWER_ELSEWHERE``). A country's, a capital's or a region's phrase (Middle East) written
        with capitals, or any word in all capitals (IRAQ), counts except at a sentence or line
        start (a turkey and Turkey), or, for one word, in a title-case heading (*Growing Chile
        Peppers*, *A Classic Victoria Sponge* in a text that writes chile and victoria)."""
        for field, cands in plain.items():
            text = texts[field]
            keep = []
            for cand in cands:
                side = cand.side or languages.FALLBACK
                key = self.key(side, cand.alias)
                anywhere = not text[cand.start : cand.end].isupper() and (
                    self.weights[cand.entity] != "heavy"
                    or (self.prefixes[cand.entity] == "geo" and " " not in key)
                    or (" " not in key and self._title_case(text, cand.start))
                )
                if (cand.entity, key) in lowered and (
                    anywhere or _char_before(text, cand.start) in SENTENCE_ENDS
                ):
                    unsure[field].append((cand, LOWER_ELSEWHERE))
                else:
                    keep.append(cand)
            plain[field] = keep
        for field, pairs in unsure.items():
            # an ambiguous place's word written in lower case elsewhere (hail) and here with a
            # capital only at a sentence or line start or in a title-case heading (Hail is not
            # unusual) has only the support a lowered word has: its place named, a place cue
            text = texts[field]
            unsure[field] = [
                (cand, LOWER_ELSEWHERE)
                if (cand.entity, self.key(cand.side or languages.FALLBACK, cand.alias)) in lowered
                and why.reason != "case"
                and not text[cand.start : cand.end].isupper()
                and (_char_before(text, cand.start) in SENTENCE_ENDS or self._title_case(text, cand.start))
                else (cand, why)
                for cand, why in pairs
            ]

    def _adjective_form(self, text: str, cand: Candidate) -> bool:
        """A region's, a sea's or a continent's one-word name of an adjective's form
        (``support.json: adjective_endings``: Antarctic, Atlantic, Caribbean, Caspian) right before
        a noun in lower case is that adjective, no mention of the place: Antarctic summers,
        Atlantic salmon, in Arctic waters (gold leaves GUM's ``the beautiful Caribbean panorama``
        unlabelled). Not after ``adjective_noun_after`` or a compass word,
        where it is the noun (the Atlantic coast, the eastern Mediterranean), nor before a word
        as common as ``adjective_next_max_zipf`` (Pacific and, Arctic is)."""
        side = cand.side or languages.FALLBACK
        cues = _cues(side)
        if not cues.adjective_endings or self.prefixes[cand.entity] != "geo" or " " in cand.alias.strip():
            return False
        surface = text[cand.start : cand.end]
        if not surface[:1].isupper() or not self.key(side, surface).endswith(cues.adjective_endings):
            return False
        following = _word_after(text, cand.end)
        if following is None or not following.group().islower():
            return False
        common = word_frequencies(side).get(self.key(side, following.group()), 0.0)
        if common >= self.settings.adjective_next_max_zipf:
            return False
        before = self._words_before(text, cand.start, side, 1)
        return not before or not (before[-1] in cues.adjective_noun_after or before[-1] in cues.directions)

    def _product_name(self, text: str, cand: Candidate, products: set[tuple[int, str]]) -> bool:
        """:meth:`_compound_modifier`. Where the place's word is the product a container holds
        (:meth:`_measure_of`: a cup of Assam), the text uses it as the product's mass noun: its
        (entity, alias key) is added to ``products`` (:meth:`_move_products`). A modifier (a
        Colorado beetle) leaves the word's other uses alone (the governor of Colorado)."""
        if not self._compound_modifier(text, cand):
            return False
        side = cand.side or languages.FALLBACK
        heads = _compound_data(side)
        if heads.measures and self._measure_of(text, cand, heads, _word_after(text, cand.end)):
            products.add((cand.entity, self.key(side, cand.alias)))
        return True

    def _move_products(
        self,
        plain: dict[str, list[Candidate]],
        unsure: dict[str, list[tuple[Candidate, Ambiguity]]],
        products: set[tuple[int, str]],
    ) -> None:
        """One sense in a text: a place's word that the text also writes as a product's mass
        noun (a cup of Assam) names that product elsewhere in it too (Tea of the month is
        Assam), unless a place cue, a preposition
        included, stands by it (grown in Assam) or its entity is named by another alias
        (``PRODUCT_ELSEWHERE``). Not a country's, a capital's or a region's name (``heavy``),
        which a text with a pinch of Jamaica in it may well name as the country too."""

        def named_as_product(cand: Candidate) -> bool:
            if self.weights[cand.entity] == "heavy":
                return False
            return (cand.entity, self.key(cand.side or languages.FALLBACK, cand.alias)) in products

        for field, cands in plain.items():
            keep = []
            for cand in cands:
                if named_as_product(cand):
                    unsure[field].append((cand, PRODUCT_ELSEWHERE))
                else:
                    keep.append(cand)
            plain[field] = keep
        for field, pairs in unsure.items():
            unsure[field] = [
                (cand, PRODUCT_ELSEWHERE) if named_as_product(cand) else (cand, why) for cand, why in pairs
            ]

    def _capitalised_body(self, cand: Candidate) -> bool:
        """An organisation's or outlet's alias that the gazetteer writes with a capital (Amnesty):
        written all in lower case in running prose it is the ordinary word (amount to amnesty), so
        it needs the entity named elsewhere in the text, as a place in lower case does."""
        return self.kinds[cand.entity][1] in ("ORG", "MEDIA") and cand.alias.lower() != cand.alias

    @staticmethod
    def _lower_case_word(text: str, cand: Candidate) -> bool:
        """A Latin-script place written all in lower case in running prose (a turkey, fine china).

        Not in a hashtag, handle, address or compound token (``#gaza``, ``gaza-strip``,
        ``aljazeera.net/gaza``), where names are written in lower case.
        """
        if cand.side != languages.FALLBACK:
            return False
        surface = text[cand.start : cand.end]
        if surface.lower() != surface or not any(c.isalpha() for c in surface):
            return False
        before = text[cand.start - 1 : cand.start]
        after = text[cand.end : cand.end + 1]
        # a full stop or hyphen joins only where a word goes on (aljazeera.net, gaza-strip), not
        # at the end of a sentence (there lived a phoenix.)
        joined = after in TOKEN_JOINERS and (after not in ".-" or text[cand.end + 1 : cand.end + 2].isalnum())
        return before not in TOKEN_JOINERS and not joined

    def _construct_before_place(self, text: str, cand: Candidate, starts: set[int]) -> bool:
        """A one-word name without the article right before another place's name, whose form
        with the article is an ordinary word's (Zipf >= ``town_zipf``), is a noun in construct
        with that place: بورصة نيويورك "the New York stock exchange" (البورصة), not Bursa. A
        name does not take the article (فرنسا, لندن), so lists without commas (لندن دبي) stay;
        nor a country's or a capital's name (قطر, though القطر is "the diameter")."""
        side = cand.side or languages.FALLBACK
        forms = _forms(side)
        if not forms.article or text[cand.end : cand.end + 1] != " " or cand.end + 1 not in starts:
            return False
        if self.prefixes[cand.entity] == "country" or self.compiled.entities[cand.entity].meta.get("capital"):
            return False  # القطر "the diameter": a country's or capital's name is never that word
        key = self.key(side, text[cand.start : cand.end])
        if " " in key or key.startswith(forms.article):
            return False
        return word_frequencies(side).get(forms.article + key, 0.0) >= self.settings.town_zipf

    def _compound_modifier(self, text: str, cand: Candidate) -> bool:
        """A place's one-word name right before a noun of a kind named after places
        (``<lang>/compound_heads.json``: a plant, a food, a colour, a material, an ailment, an
        animal, a breed, a saying) is a modifier of that noun, no mention of the place: a teaspoon
        of Jamaica pepper, the Oregon grape, Naples yellow, Portland cement, a Colorado beetle, a
        Maine Coon, a Bronx cheer. The noun in lower case (a breed's also with a capital; a
        saying's only after an article, ``after_article``), or its plural. So is the name right
        after a container's or a measure's noun and ``of`` (:meth:`_measure_of`: a cup of Assam)."""
        side = cand.side or languages.FALLBACK
        if " " in cand.alias.strip():
            return False
        if side == languages.FALLBACK and not text[cand.start : cand.start + 1].isupper():
            # a place's word in lower case is the case rule's (a text that writes victoria sponge)
            return False
        heads = _compound_data(side)
        following = _word_after(text, cand.end)
        if heads.measures and self._measure_of(text, cand, heads, following):
            return True
        if following is None or not (heads.lower or heads.either or heads.after_article):
            return False
        word = following.group()
        keys = self._plural_keys(side, word)
        if keys & heads.either:
            return True
        if not word.islower():
            return False
        if keys & heads.lower:
            return True
        return bool(keys & heads.after_article) and _word_before(text, cand.start).lower() in heads.articles

    def _plural_keys(self, side: str, word: str) -> set[str]:
        """The normalised forms of ``word`` as itself or as a plural (s, es)."""
        return {self.key(side, w) for w in {word, word.removesuffix("s"), word.removesuffix("es")} if w}

    def _measure_of(
        self, text: str, cand: Candidate, heads: CompoundHeads, following: re.Match[str] | None
    ) -> bool:
        """A place's one-word name right after a container's or a measure's noun in lower case
        and ``of`` (``compound_heads.json: measures``, or its plural) names what the container
        holds, a product named after the place: a cup of Assam, two glasses of Madeira, a pinch
        of Cayenne. Not when a capitalised word follows (a longer name starts there)."""
        if not text.endswith(" of ", 0, cand.start) and not text.endswith(" of \n", 0, cand.start):
            return False  # where _MEASURE_OF can end (its ``$``: the end, or before a last line break)
        found = _MEASURE_OF.search(text, max(0, cand.start - 40), cand.start)
        if found is None or not found.group(1).islower():
            return False
        if following is not None and following.group()[:1].isupper():
            return False
        return bool(self._plural_keys(cand.side or languages.FALLBACK, found.group(1)) & heads.measures)

    @staticmethod
    def _currency_prefix(text: str, cand: Candidate) -> bool:
        """A country's code in capitals glued to a currency sign is the currency's prefix, no
        mention of the place: ``US$ 20,000``, ``HK$``, ``NZ$``."""
        surface = text[cand.start : cand.end]
        return surface.isupper() and text[cand.end : cand.end + 1] in _CURRENCY_SIGNS

    def _indefinite_adjective(self, text: str, cand: Candidate, key: str, side: str) -> bool:
        """The same without the article: a name of the adjective's form (with the article it
        would match ``support.json: adjective``: تركية) right after a word of the adjective's
        form without it agrees with it: اتصالات اوروبية تركية "European-Turkish contacts", اصول
        قبرصية تركية "Turkish Cypriot origins". Not with a proclitic on the name (عربية وسورية:
        the country as often as the adjective) nor after a ``weak`` or ``strong`` cue."""
        cues = _cues(side)
        forms = _forms(side)
        if cues.adjective is None or not cues.adjective.match(forms.article + key):
            return False
        before = self._words_before(text, cand.start, side, 1)
        if not before or before[-1].startswith(forms.article):
            return False
        word = before[-1]
        if word in cues.weak or word in cues.strong:
            return False
        # not after any feminine word: a noun before a name is as often its construct
        # (ماساة بلنسية "the tragedy of Valencia") as its adjective (اسرة تركية)
        return bool(cues.adjective.match(forms.article + word))

    def _word_with_article(self, cand: Candidate, key: str, side: str, forms: Forms) -> bool:
        """Whether a place's name with the article is an ordinary word's form: not a country's or
        a capital's, and the word without the article nearly as frequent (``forms.margin``) as
        with it (الجليل / جليل "venerable", المنزلة / منزلة), which a name's is not (الرباط /
        رباط is a capital's; الكويت / كويت 3.5 against 5.4)."""
        if self.prefixes[cand.entity] == "country" or self.compiled.entities[cand.entity].meta.get("capital"):
            return False
        table = word_frequencies(side)
        bare = table.get(key.removeprefix(forms.article), 0.0)
        return bare >= self.settings.town_zipf and bare >= table.get(key, 0.0) - forms.margin

    def _definite_adjective(self, text: str, cand: Candidate) -> bool:
        """A one-word place name of an adjective's form (``support.json: adjective``, the
        feminine nisba: السعودية) right after a feminine word or a plural of things with the
        article (``definite_adjective``: their endings) agrees with it: العائلة المالكة السعودية
        "the Saudi royal family", العلاقات السعودية الأردنية "Saudi-Jordanian relations". A name
        after a masculine word is its object (زار الوزير السعودية "the minister visited Saudi
        Arabia"), and one of another form is a name (وصلت الطائرة الدوحة), unless the name with
        the article is an ordinary word's form (:meth:`_word_with_article`), which agrees with
        any word with the article: الصحابي الجليل "the venerable companion", الصناع المهرة "the
        skilled craftsmen". Not after a preposition written with the article's letters (الى,
        اليها: ``weak`` cues, a pronoun allowed), an ``appositive`` word or a place cue, nor
        across punctuation or a proclitic on the name; a proclitic on the word before is
        passed over (فالصحابي الجليل)."""
        side = cand.side or languages.FALLBACK
        cues = _cues(side)
        if not cues.definite_adjective or cues.adjective is None:
            return False
        surface = text[cand.start : cand.end]
        key = self.key(side, surface)
        forms = _forms(side)
        if " " in surface.strip() or not forms.article:
            return False
        if not key.startswith(forms.article):
            return self._indefinite_adjective(text, cand, key, side)
        before = self._words_before(text, cand.start, side, 1)
        word = before[-1] if before else ""
        if forms.bare(word).startswith(forms.article):
            word = forms.bare(word)  # a proclitic on the noun: فالصحابي الجليل, والعلاقات السعودية
        if not word.startswith(forms.article):
            return False
        if not cues.adjective.match(key):
            if not self._word_with_article(cand, key, side, forms):
                return False
        elif not word.endswith(cues.definite_adjective):
            return False
        bare = {word, *(word.removesuffix(p) for p in (*forms.pronouns, *forms.pronoun_forms))}
        return not bare & (cues.weak | cues.strong | cues.appositive)

    def _not_a_place_word(self, text: str, cand: Candidate) -> bool:
        """The word's grammar says it is no name: a fixed phrase of two words (``support.json:
        idioms``: أذان المغرب is the sunset prayer's call), an indefinite ending (``support.json:
        indefinite``, كوباً "a cup" is not Cuba), a frequent word with an attached pronoun spelt
        as the name's last letter normalises (``pronoun_spelling``: بريده "his mail" is not
        بريدة; below a country's weight, and only where the stem is commoner than the name), or,
        after a proclitic, a whole word more common than the name inside it (بنوا "they built" is
        not ب + نوا, لمعان "shine" not ل + معان; also after a conjunction, وبنوا)."""
        side = cand.side or languages.FALLBACK
        cues = _cues(side)
        marks = cues.indefinite
        if marks and (text[cand.end : cand.end + 1] in marks or text[cand.end - 1 : cand.end] in marks):
            return True
        if cues.indefinite_adjectives and self._before_indefinite_adjective(text, cand, side):
            return True
        if marks and self._indefinite_elsewhere(text, cand, side):
            return True
        spelling = cues.pronoun_spelling
        if (
            spelling is not None
            and cand.alias.endswith(spelling[0])
            and text[cand.end - 1 : cand.end] == spelling[1]
            and " " not in cand.alias
        ):
            table = word_frequencies(side)
            stem = table.get(self.key(side, text[cand.start : cand.end - 1]), 0.0)
            word = table.get(self.key(side, text[cand.start : cand.end]), 0.0)
            if self.weights[cand.entity] != "heavy" and stem >= self.settings.city_zipf and stem > word:
                # بريده "his mail" (بريد 4.4 + ه), not بريدة (3.9); سوريه is Syria (سوري 4.5 < 5.0)
                return True
        if cues.idioms and " " not in cand.alias:
            before = self._words_before(text, cand.start, side, 1)
            if before and f"{before[0]} {self.key(side, text[cand.start : cand.end])}" in cues.idioms:
                return True  # a fixed phrase in which the word is no place (أذان المغرب: sunset)
        if self._idiom_at_end(text, cand, side) or self._article_elsewhere(text, cand, side):
            return True
        if cues.idiom_gaps and " " not in cand.alias and self._gapped_idiom(text, cand, side):
            return True
        if cues.idioms_after and " " not in cand.alias and self._idiom_after(text, cand, side):
            return True
        if cand.how != "clitic":
            return False
        start = cand.start
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        table = word_frequencies(side)
        whole = table.get(self.key(side, text[start : cand.end]), 0.0)
        if cand.start - start >= 2 and text[start] in _forms(side).prefixes:
            # a conjunction before the chain: وبنوا "and they built" is و + بنوا, not و + ب + نوا
            whole = max(whole, table.get(self.key(side, text[start + 1 : cand.end]), 0.0))
        return whole >= self.settings.town_zipf and whole >= table.get(self.key(side, cand.alias), 0.0)

    def _indefinite_elsewhere(self, text: str, cand: Candidate, side: str) -> bool:
        """A place's one word (below a country's or a capital's weight) that the text also writes
        as an indefinite noun, with tanwin (``support.json: indefinite``), is that noun here too,
        with or without the article (أصناماً ... وإن الأصنام ليست حجارة: the idols, not Chlef);
        not with a place cue before it (في الأصنام)."""
        if self.weights[cand.entity] == "heavy" or " " in cand.alias.strip():
            return False
        nouns = self._tanwin_words(text, side)
        if not nouns:
            return False
        key = self.key(side, text[cand.start : cand.end])
        if key.removeprefix(_forms(side).article) not in nouns:
            return False
        return not self._has_place_cue(text, cand, side)

    def _article_elsewhere(self, text: str, cand: Candidate, side: str) -> bool:
        """A place's one word without the article (below a country's or a capital's weight) that
        the text also writes with it, as a whole word (a proclitic allowed), is a common noun
        there too: a name is written one way (الحمص ... حمص حزين "the chickpeas ... sad
        chickpeas", not Homs). Not when the form with the article is an alias of the same place,
        nor after a place cue (في حمص)."""
        article = _forms(side).article
        surface = text[cand.start : cand.end]
        if not article or self.weights[cand.entity] == "heavy" or " " in surface or cand.how == "clitic":
            return False
        key = self.key(side, surface)
        if key.startswith(article) or article + key in self.alias_keys(cand.entity, side):
            return False
        return self._written_with_article(text, surface, side) and not self._has_place_cue(text, cand, side)

    def _written_with_article(self, text: str, surface: str, side: str) -> bool:
        """Whether ``text`` writes ``surface`` with the article as a whole word (a proclitic
        allowed): :meth:`_article_elsewhere`; remembered per surface for the text last read."""
        if self._articled[0] is not text:
            self._articled = (text, {})
        memo = self._articled[1]
        found = memo.get((surface, side))
        if found is None:
            forms = _forms(side)
            written = forms.article + surface
            if written not in text:
                found = False
            else:
                clitics = "".join(forms.prefixes)
                pattern = rf"(?<!\w)[{clitics}]?{re.escape(written)}(?!\w)"
                found = re.search(pattern, text) is not None
            memo[(surface, side)] = found
        return found

    def _tanwin_words(self, text: str, side: str) -> frozenset[str]:
        """The words ``text`` writes with tanwin, normalised, the accusative's alif left off
        (أصناماً, أصنامًا -> اصنام); one text remembered."""
        if self._tanwin[0] is text:
            return self._tanwin[1]
        marks = "".join(_cues(side).indefinite)
        found: set[str] = set()
        if marks and any(m in text for m in marks):
            for run in _marked_runs(text, marks):
                word = self.key(side, run)
                found.add(word.removesuffix("ا") if len(word) > self.settings.min_name_letters else word)
        words = frozenset(found)
        self._tanwin = (text, words)
        return words

    def _gapped_idiom(self, text: str, cand: Candidate, side: str) -> bool:
        """A fixed phrase ending in the place's word with one word left open (``support.json:
        idiom_gaps``, ``*``: sent me to Coventry, "shunned", not the city; met his Waterloo), the
        open word a pronoun or a possessive (``idiom_gap_words``: they sent aid to Coventry is the
        city), read on the words before it in its clause."""
        key = self.key(side, text[cand.start : cand.end])
        if key not in _idiom_gap_ends(side):
            return False  # no phrase ends in the word: its clause is not read
        words = [*self._clause_words(text, cand.start, side, 5), key]
        cues = _cues(side)
        for pattern in cues.idiom_gaps:
            parts = pattern.split()
            if parts[-1] != key:
                continue
            head, _, tail = " ".join(parts).partition(" * ")
            tail_words = tail.split()
            if not tail or words[-len(tail_words) :] != tail_words:
                continue
            rest = words[: -len(tail_words)]
            head_words = head.split()
            if (
                len(rest) > len(head_words)
                and rest[-1] in cues.idiom_gap_words
                and rest[-1 - len(head_words) : -1] == head_words
            ):
                return True
        return False

    def _idiom_after(self, text: str, cand: Candidate, side: str) -> bool:
        """A fixed phrase whose first word is the place's word, told by the word after it
        (``support.json: idioms_after``: النيل من "to harm", طوبى لمن "blessed is he who"); not
        after a place cue, a preposition or a feature's word (نهر النيل من ...: the river), nor
        before an elative (``superlative``: النيل من أطول الأنهار)."""
        cues = _cues(side)
        following = _word_after(text, cand.end)
        if following is None:
            return False
        key = self.key(side, text[cand.start : cand.end])
        after = self.key(side, following.group())
        if f"{key} {after}" not in cues.idioms_after and f"{key} {after[:1]}" not in cues.idioms_after:
            return False
        third = _word_after(text, following.end())
        if (
            third is not None
            and cues.superlative is not None
            and cues.superlative.match(self.key(side, third.group()))
        ):
            return False  # النيل من أطول الأنهار: the river is one of the longest
        before = self._words_before(text, cand.start, side, 1)
        if not before:
            return True
        word = before[-1]
        return not (word in cues.strong or word in cues.feature_starters or self._weak_cue(word, side))

    def _before_indefinite_adjective(self, text: str, cand: Candidate, side: str) -> bool:
        """A place's one word without the article right before an adjective without it
        (``support.json: indefinite_adjectives``) is the indefinite common noun the adjective
        describes: فأس قديمة "an old axe", شجرة عرعر يابسة "a dry juniper", سوسة واحدة "one
        weevil". A name's adjective takes the article (غزة القديمة). Below a country's or a
        capital's weight (عراق جديد, "a new Iraq", is still the country)."""
        if self.weights[cand.entity] == "heavy" or " " in cand.alias.strip():
            return False
        article = _forms(side).article
        if article and self.key(side, text[cand.start : cand.end]).startswith(article):
            return False
        cues = _cues(side)
        if text[cand.start - 1 : cand.start] in _PREPOSITION_CLITICS:
            return False  # بغزة: a preposition glued to it
        before = self._words_before(text, cand.start, side, 1)
        if not before and cand.how != "clitic":
            return False  # a clause's first word is its subject, the adjective its predicate
        word = before[-1] if before else ""
        if before and (
            self._weak_cue(word, side) or word in cues.strong or _forms(side).among(word, cues.copulas)
        ):
            return False  # في غزة كبيرة, إن برشلونة جميلة: the adjective is a predicate
        following = _word_after(text, cand.end)
        return following is not None and self.key(side, following.group()) in cues.indefinite_adjectives

    def _not_an_organisation(self, text: str, cand: Candidate, org_ends: set[int]) -> bool:
        """An organisation's or outlet's alias that names no body here: right after a person's
        title (وزيرة الخارجية الاميركية, ``support.json: titles``); a one-word alias right after
        a word that starts a person's name (``person_starters``: السيناتور آفي is a senator Avi,
        not the agency EFE, الشيخ, السيد); in Latin script, an alias
        made of ordinary words only (each of Zipf >= ``org_word_zipf``, not all in capitals)
        ending a longer capitalised name (the British Red Cross, the United
        States National Security Council; not after a possessive, Iraq's Popular Mobilization
        Units, nor after another organisation's alias, the United Nations Security Council)."""
        if self.kinds[cand.entity][1] not in ("ORG", "MEDIA"):
            return False
        side = cand.side or languages.FALLBACK
        if self._national_body(text, cand, side):
            return True
        cues = _cues(side)
        if cues.titles or cues.person_starters:
            before = self._words_before(text, cand.start, side, 1)
            if before:
                word = before[-1]
                if _forms(side).among(word, cues.titles):
                    return True
                if word in cues.person_starters and " " not in self.key(side, text[cand.start : cand.end]):
                    return True  # a person's title before a one-word name: السيناتور آفي, no EFE
        if side != languages.FALLBACK:
            return False
        surface = text[cand.start : cand.end]
        if self._outlet_in_longer_name(text, cand, surface):
            return True
        table = word_frequencies(side)
        words = self.key(side, surface).split()
        if surface.isupper() or not all(table.get(w, 0.0) >= self.settings.org_word_zipf for w in words):
            return False  # an acronym, or a name not made of ordinary words (Hamas, Daesh)
        # a possessive is no part of the name: Iraq's Popular Mobilization Units
        if _word_before(text, cand.start).endswith(("'s", "’s")) or _end_before(text, cand.start) in org_ends:
            return False  # ... nor another body's name: the United Nations Security Council
        return self._inside_longer_name(text, cand.start, cand.end, side, after=False)

    def _outlet_in_longer_name(self, text: str, cand: Candidate, surface: str) -> bool:
        """Latin script: an outlet's one-word name (not an acronym, not a platform's) right after
        a capitalised word of no cue, title, demonym or possessive ends a longer name (the
        Golden Globes, no paper Globes); after a demonym it is the outlet (the Israeli Haaretz)."""
        kind, kind_type = self.kinds[cand.entity]
        if kind_type != "MEDIA" or kind == "platform" or surface.isupper() or " " in surface.strip():
            return False  # a platform after a name is where the name posts (Al-Qassam Telegram)
        side = languages.FALLBACK
        raw = _word_before(text, cand.start)
        if raw.endswith(_NAME_RUN_ENDS):
            return False
        word = self.key(side, raw)
        if (
            word in demonyms(side)
            or word in load_rules(side).titles
            or word in self.alias_keys(cand.entity, side)
        ):
            return False  # a demonym, a title, or its own name again (in Haaretz Haaretz)
        return self._inside_longer_name(text, cand.start, cand.end, side, after=False)

    def _national_body(self, text: str, cand: Candidate, side: str) -> bool:
        """An intergovernmental body's alias (``national_kinds``) with a word of a country's own
        body right before (the National Security Council) or after it (مجلس الامن القومي
        السعودي): a national council of that name, not the UN's."""
        cues = _cues(side)
        if self.kinds[cand.entity][0] not in cues.national_kinds:
            return False
        before = self._words_before(text, cand.start, side, 1)
        if before and before[-1] in cues.national_before:
            return True
        after = _word_after(text, cand.end)
        return after is not None and self.key(side, after.group()) in cues.national_after

    def _has_own_name(self, index: int) -> bool:
        """Whether a region has an alias that is not a compass word and a name (Maghreb for North
        Africa, المغرب العربي for شمال أفريقيا): then the compass phrase is its name too."""
        found = self._own_name.get(index)
        if found is None:
            found = False
            for _lang, alias in self.compiled.entities[index].aliases():
                side = _side_of(alias)
                first = _WORD.match(alias)
                if first is not None and self.key(side, first.group()) not in _cues(side).directions:
                    found = True
                    break
            self._own_name[index] = found
        return found

    def _in_longer_name(self, text: str, cand: Candidate) -> bool:
        """A place inside another name: after a word that starts one, an organisation's (اتحاد
        طنجة, منتخب فرنسا, University of Texas, a paper's صحيفة "بابل": a quotation mark may
        open the name, and compass words may stand between, منتخب جنوب افريقيا), a river's, a
        mountain's, a university's (نهر النيجر, جامعة القاهرة) or a person's (الملكة صوفيا, احمد
        ابو غزة); or, in Latin script, before
        a capitalised organisation head (Irving Police, UK Government: ``support.json:
        org_heads``)."""
        side = cand.side or languages.FALLBACK
        cues = _cues(side)
        starters = _name_starters(side)
        latin = side == languages.FALLBACK
        at = cand.start
        if text[at - 1 : at] in _OPEN_QUOTES and text[at - 2 : at - 1].isspace():
            at -= 1  # a quoted name after its starter: صحيفة "بابل", نادي "الوحدة"
        for _ in range(2):  # compass words between: منتخب جنوب افريقيا, رابطة جنوب شرق اسيا
            word = self._words_before(text, at, side, 1) if starters and cues.directions else []
            if not word or word[-1] not in cues.directions:
                break
            at = _word_start(text, _end_before(text, at))
        before = self._words_before(text, at, side, 2) if starters else []
        if before:
            forms = _forms(side)
            for n in (1, 2):
                phrase = " ".join(before[-n:])
                # a proclitic on the starter (واولمبيك خريبكة "and Olympic Khouribga", بجامعة شيامن "at
                # Xiamen University") changes nothing
                if (
                    len(before) >= n
                    and forms.among(phrase, starters)
                    and (not latin or self._capitalised_before(text, cand.start, n))
                ):
                    return True
        if latin and cues.org_heads:
            # the head may close a run of capitalised words (United States National Security
            # Council, US National Park Service, Irving Independent School District)
            pos = cand.end
            for _ in range(self.settings.org_head_reach):
                following = _word_after(text, pos)
                if following is None or not following.group()[:1].isupper():
                    break
                if self.key(side, following.group()) in cues.org_heads:
                    return True
                pos = following.end()
        return False

    def _feature_name(self, text: str, cand: Candidate) -> bool:
        """Latin script: a place's name before a run of capitalised words that ends in a place's
        feature word (``support.json: place_heads``: Bay, Castle, River, Avenue, Airport) is part
        of the feature's name, no mention of the place: Manila Bay, Auckland Castle, the Arkansas
        River, Isfahan International Airport (as ``org_heads`` make Irving Police Department).
        Not in a title-case line, where any word has a capital."""
        side = cand.side or languages.FALLBACK
        cues = _cues(side)
        if side != languages.FALLBACK or not cues.place_heads or self._title_case(text, cand.start):
            return False
        pos = cand.end
        for _ in range(self.settings.org_head_reach):
            following = _word_after(text, pos)
            if following is None or not following.group()[:1].isupper():
                return False
            if self.key(side, following.group()) in cues.place_heads:
                return True
            pos = following.end()
        return False

    def _org_of_place(self, text: str, cand: Candidate, places: Mapping[tuple[int, int], list[int]]) -> bool:
        """Latin script: a place after ``of`` or ``of the`` (compass words between) that follows
        a capitalised organisation head (``support.json: org_heads``) is the end of that
        organisation's name, no mention: the University of Sheffield of the UK, the Society of
        the Cincinnati, the University of Southern California. So is a place inside a longer
        place's name that is (the Government of the Republic of Albania: Albania too). Not after
        a head whose phrase with ``of`` is a place cue (``strong``: City of, County of), which
        names the place itself."""
        side = cand.side or languages.FALLBACK
        if side != languages.FALLBACK or not _cues(side).org_heads:
            return False
        if self._after_org_head(text, cand.start, side):
            return True
        if self._words_before(text, cand.start, side, 1) != ["of"]:
            return False
        return any(
            start < cand.start and end == cand.end and self._after_org_head(text, start, side)
            for start, end in places
        )

    def _after_org_head(self, text: str, at: int, side: str) -> bool:
        """Whether ``at`` follows a capitalised organisation head and ``of`` or ``of the``, compass
        words allowed between (:meth:`_org_of_place`)."""
        cues = _cues(side)
        for _ in range(2):  # compass words between: University of Southern California
            word = self._words_before(text, at, side, 1)
            if not word or word[-1] not in cues.directions:
                break
            at = _word_start(text, _end_before(text, at))
        before = self._words_before(text, at, side, 2)
        if before[-1:] == ["the"]:
            at = _word_start(text, _end_before(text, at))
            before = self._words_before(text, at, side, 2)
        if len(before) < 2 or before[-1] != "of":
            return False
        head = before[0]
        return (
            head in cues.org_heads
            and f"{head} of" not in cues.strong
            and self._capitalised_before(text, at, 2)
        )

    def _person_reading(self, text: str, cand: Candidate) -> str | None:
        """Latin script: why a place below a country's or a capital's weight reads as a person's
        name (a given name or a surname that is also a state or a city: Virginia, Dallas,
        Hamilton), or None.

        ``"person"`` (evidence about the person, which holds for the same word elsewhere in the
        text, :meth:`_person_words`): after a person cue (``support.json: person_cues``: aunt,
        neighbour, twins) or a naming cue (``naming_cues``: a baker called Milan; not after a
        place noun, a town called Milan), followed by ``who``, by a verb only a person does
        (``person_verbs``: Denver accepted the ribbon, Adelaide says; not after a preposition),
        or by a possessive and a word of ``kin`` (Indiana's older brother). A region (Asia) too,
        after a ``kin`` word (his bride, Asia). ``"name"``: after a capitalised word (Cary
        Hamilton, Lincoln Durham), or, when the word is a word of a person's name in the
        gazetteer, before one (Victoria Toensing), except in a title-case heading, where any
        word has a capital."""
        side = cand.side or languages.FALLBACK
        if side != languages.FALLBACK:
            return None
        weight = self.weights[cand.entity]
        surface = text[cand.start : cand.end]
        if not surface[:1].isupper() or surface.isupper() or " " in surface.strip():
            return None
        cues = _cues(side)
        region = weight == "heavy" and self.prefixes[cand.entity] == "geo"
        if weight == "heavy" and not region:
            if self._capital_surname(text, cand, side):
                return "name"
            # a capital's word that is also a given name, before a surname (Paris Hilton,
            # Victoria Toensing; not Paris Agreement). Not a country's: its name opens too many
            # names of other things (Israel Embassy, Israel Hamas War)
            given = self.key(side, surface) in _listed_given_names(side)
            return (
                "name"
                if given
                and self.prefixes[cand.entity] != "country"
                and not self._title_case(text, cand.start)
                and self._surname_follows(text, cand, side)
                else None
            )
        pair = self._words_before(text, cand.start, side, 2)
        before = pair[-1:]
        if not before:  # a cue before a comma (his sisters, Montana and Brooklyn)
            head = text[max(0, cand.start - 30) : cand.start]
            comma = _COMMA_WORD.search(head)
            before = [self.key(side, comma.group(1))] if comma else []
        if region:
            return "person" if before and before[0] in cues.kin else None
        if before and before[0] in cues.person_cues:
            return "person"
        if (
            len(pair) == 2
            and pair[1] in cues.naming_cues
            and pair[0] not in cues.place_nouns
            and pair[0] not in cues.strong
        ) or (len(pair) == 1 and pair[0] in cues.naming_cues):
            return "person"
        placed = bool(before) and (before[0] in cues.weak or before[0] in cues.joiners)
        rest = text[cand.end : cand.end + 40]
        if not placed and _WHO.match(rest):
            return "person"  # "residents of Gaza who flee": after a preposition it is the place
        linked = bool(before) and before[0] in cues.joiners and before[0] not in cues.coordinators
        if not (before and before[0] in cues.weak) and not linked:  # and Irving washed up; not of Mosul
            verb = _NEXT_WORD.match(rest)
            if verb is not None and self.key(side, verb.group(1)) in cues.person_verbs:
                return "person"
        apposed = _APPOSED.match(rest)
        if (
            apposed is not None
            and self.key(side, apposed.group(1)) in cues.determiners
            and self.key(side, apposed.group(2)) in cues.person_cues | cues.kin
        ):
            return "person"  # Houston, my colleague on the night shift
        owned = _POSSESSED.match(rest)
        if owned is not None and any(w is not None and self.key(side, w) in cues.kin for w in owned.groups()):
            return "person"
        # a capital after it makes a longer name only for a word of a person's name (Victoria
        # Toensing): after other places it is a name of their own (Gaza Envelope, Volgograd Arena)
        if weight == "heavy":
            return None
        if (
            not (before and (before[0] in cues.weak or before[0] in cues.strong or linked))
            and text[cand.start - 1 : cand.start] != "#"  # #Gaza Ils tuent: a tag, then the text
            and not self._inside_longer_name(text, cand.start, cand.end, side, after=False)
            and self._surname_follows(text, cand, side)
            and not self._title_case(text, cand.start)
        ):
            # the treasurer, Cali Brandreth; Tennessee Whitlow, six, rides a bicycle; the first word
            # of a name only (Dorri Najaf Abadi is a person, but the place keeps its other sense)
            return "person"
        after = self.key(side, surface) in self.name_words(side) and not self._title_case(text, cand.start)
        return "name" if self._inside_longer_name(text, cand.start, cand.end, side, after=after) else None

    def _capital_surname(self, text: str, cand: Candidate, side: str) -> bool:
        """A capital's one-word name right after a capitalised given name (``data/<lang>/given_names.json``,
        the gazetteer's first names) is a surname: Mary Hamilton, Jack London, Cary Hamilton; not
        after a cue (In Paris) or a country's, capital's or division's name (Jordan Amman)."""
        if self.prefixes[cand.entity] == "country" or not self.compiled.entities[cand.entity].meta.get(
            "capital"
        ):
            return False
        before = self._words_before(text, cand.start, side, 1)
        raw = _word_before(text, cand.start)
        if not before or not raw[:1].isupper() or raw.isupper() or self._title_case(text, cand.start):
            return False
        word = before[-1]
        if word in _not_name_words(side) or word in self._place_words(side, big=True):
            return False  # In Paris (a sentence's first word), Jordan Amman
        return word in _listed_given_names(side)

    def _surname_follows(self, text: str, cand: Candidate, side: str) -> bool:
        """A capitalised word right after a place's word that reads as its surname, so the place's
        word is a given name: not a cue or joiner, no organisation's head or a place's feature word
        (``support.json: org_heads``, ``place_heads``: Harbour, Bay) and no country's, region's or
        division's name (Austin Texas, Portland Maine are two places); and either the place's
        word is a given name (``data/<lang>/given_names.json`` or a first word of a gazetteer
        person: Nevada, Salvador) and the word is rarer than an ordinary word (Zipf below
        ``surname_zipf``: Halifax, Lancaster; not Street, Monday), or the word is rare (below
        ``town_zipf``: Brandreth, Whitlow), no compound (Brampton Spider-Gwen) and no place's."""
        end = cand.end
        following = _word_after(text, end)
        if following is None:
            return False
        word = _POSSESSIVE_END.sub("", following.group())  # Miri Regev's question
        if not word[:1].isupper() or word.isupper() or len(word) < self.settings.min_name_letters:
            return False
        key = self.key(side, word)
        cues = _cues(side)
        if key in _not_name_words(side) or key in cues.org_heads or key in cues.place_heads:
            return False
        if key in self._place_words(side, big=True):
            return False
        zipf = word_frequencies(side).get(key, 0.0)
        if self.key(side, text[cand.start : end]) in _listed_given_names(side):
            return zipf < self.settings.surname_zipf
        plain = word.isalpha()
        return plain and zipf < self.settings.town_zipf and key not in self._place_words(side, big=False)

    def _place_words(self, side: str, *, big: bool) -> frozenset[str]:
        """Normalised one-word aliases, on a side, of places (``big``: only of countries,
        capitals, regions and divisions)."""
        found = self._big_words.get((side, big))
        if found is None:
            words: set[str] = set()
            heavy: set[str] = set()  # both sets in one pass: each alias keyed and placed once
            latin = side == languages.FALLBACK
            places, weights, prefixes, key_of = self.places, self.weights, self.prefixes, self.key
            for index, entity in enumerate(self.compiled.entities):
                if not places[index]:
                    continue
                weighty = weights[index] == "heavy" or prefixes[index] in HEAVY_PREFIXES
                for aliases in entity.names.values():  # entity.aliases(), without its generator
                    for alias in aliases:
                        if latin or _side_of(alias) == side:
                            key = key_of(side, alias)
                            if " " not in key:
                                words.add(key)
                                if weighty:
                                    heavy.add(key)
            self._big_words[(side, False)] = frozenset(words)
            self._big_words[(side, True)] = frozenset(heavy)
            found = self._big_words[(side, big)]
        return found

    @staticmethod
    def _capitalised_before(text: str, start: int, n: int) -> bool:
        """Whether the ``n``-th word before ``start`` is written with a capital (University of)."""
        words = text[max(0, start - 60) : start].split()
        return len(words) >= n and words[-n][:1].isupper()

    def _words_before(self, text: str, start: int, side: str, n: int) -> list[str]:
        """The last ``n`` words before ``start`` (normalised), nearest last; none across punctuation."""
        assert n <= 2, "at most two words before"
        if text is not self._before_text:
            self._before_text, self._before = text, {}
        words = self._before.get((start, side))
        if words is None:
            words = self._before[(start, side)] = self._two_words_before(text, start, side)
        return [words[-1]] if n < len(words) else list(words)  # list(words[-n:]): at most two words

    def _two_words_before(self, text: str, start: int, side: str) -> tuple[str, ...]:
        """The (at most) two words ``_words_before`` reads, nearest last."""
        if start <= 0 or not text[start - 1].isspace():
            return ()  # at the start, or glued to a word (an Arabic proclitic): no cue word
        found = _LAST_WORDS.match(text[max(0, start - 60) : start][::-1])
        if found is None:
            return ()
        last, previous = found.groups()
        keys = languages.key_cache(side)  # read here, not through self.key: two calls fewer a word
        last = last[::-1]
        near = keys.get(last)
        if near is None:
            near = languages.key(side, last)
        if previous is None:
            return (near,)
        previous = previous[::-1]
        far = keys.get(previous)
        if far is None:
            far = languages.key(side, previous)
        return (far, near)

    def _not_a_name(self, text: str, start: int, end: int, side: str) -> bool:
        """Latin script: not capitalised, or a capitalised word right before or after it."""
        return not text[start:end][:1].isupper() or self._inside_longer_name(text, start, end, side)

    def _inside_longer_name(self, text: str, start: int, end: int, side: str, *, after: bool = True) -> bool:
        """A capitalised word (not a cue or joiner) right before (or, with ``after``, after) the span."""
        skip = _not_name_words(side)
        following = _word_after(text, end) if after else None
        if (
            following is not None
            and following.group()[:1].isupper()
            and self.key(side, following.group()) not in skip
        ):
            return True
        before = text[max(0, start - 40) : start]
        if before.endswith(" "):
            # the word right before the space, read on the reversed window (a word reads the
            # same either way, as in _two_words_before), so only it is scanned
            last = _WORD.match(before[::-1], 1)
            if last is not None:
                word = last.group()[::-1]
                # At a sentence start a capital proves nothing for an ordinary word (The,
                # Yesterday): only a word too rare to be one (Joaquin) makes a longer name.
                sentence_start = before[: len(before) - last.end()].rstrip()[-1:] in SENTENCE_ENDS and (
                    word_frequencies(side).get(self.key(side, word), 0.0) >= self.settings.city_zipf
                )
                # Hamas-run is not part of a name, nor an all-capital word (a headline, IRAQ)
                capital = word.split("-")[-1][:1].isupper() and not word.isupper()
                if capital and not sentence_start and self.key(side, word) not in skip:
                    return True
        return False


#: How far back from a tanwin mark its word is read at once (a longer run is read from the text)
_RUN_REACH = 64
_LETTER_RUN = re.compile(r"[^\W\d_]+")


@functools.cache
def _mark_patterns(marks: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The pattern of one of ``marks``, and of a whole run of letters (a word's start) ending in one."""
    escaped = re.escape(marks)
    return re.compile(f"[{escaped}]"), re.compile(rf"(?<![^\W\d_])([^\W\d_]+)[{escaped}]")


def _marked_runs(text: str, marks: str) -> list[str]:
    """Every run of letters (``[^\\W\\d_]``) from a word's start that ends right before one of
    ``marks``, in text order: the matches of ``(?<![^\\W\\d_])([^\\W\\d_]+)[marks]``, found from
    the marks back (few in a text) instead of from every word's start. A mark that is itself
    a letter (never a tanwin) leaves it to that pattern."""
    one, whole = _mark_patterns(marks)
    if _LETTER_RUN.search(marks):
        return [match.group(1) for match in whole.finditer(text)]
    out = []
    for match in one.finditer(text):
        at = match.start()
        low = max(0, at - _RUN_REACH)
        run = _LETTER_RUN.match(text[low:at][::-1])
        if run is None:
            continue
        if low and run.end() == at - low:  # the run goes on past the window: read it whole
            start = at - run.end()
            while start > 0 and _LETTER_RUN.match(text, start - 1, start):
                start -= 1
            out.append(text[start:at])
        else:
            out.append(text[at - run.end() : at])
    return out


class _PlaceRules(NamedTuple):
    """Which of the place rules of :meth:`SupportModel._supported` a side's data lets match
    at all (each the rule's own first test of its side and data): the others are not asked."""

    org_of_place: bool
    feature_name: bool
    definite_adjective: bool
    partitive: bool
    adjective_form: bool
    construct_before_place: bool
    #: the verb readings and the list of things (:meth:`SupportModel._hollow_verb`, ``_verb_first``,
    #: ``_things_listed``): a script whose data has verb prepositions
    verb: bool


@functools.cache
def _place_rules(side: str) -> _PlaceRules:
    """The side's :class:`_PlaceRules`, from its data files (read once)."""
    cues = _cues(side)
    latin = side == languages.FALLBACK
    return _PlaceRules(
        org_of_place=latin and bool(cues.org_heads),
        feature_name=latin and bool(cues.place_heads),
        definite_adjective=bool(cues.definite_adjective) and cues.adjective is not None,
        partitive=bool(_definite_cues(side).measures),
        adjective_form=bool(cues.adjective_endings),
        construct_before_place=bool(_forms(side).article),
        verb=not latin and bool(cues.verb_prepositions),
    )


def _word_start(text: str, end: int) -> int:
    """Where the run of non-space characters ending at ``end`` starts."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start


def _other_hamza(surface: str, alias: str, hamza: frozenset[str]) -> bool:
    """Whether ``surface`` writes a hamza letter where ``alias`` has another letter (diacritics
    and tatweel left out of both): فأس against فاس, أجرا against آجرا; not ايران against إيران."""
    if not hamza or not any(c in hamza for c in surface):
        return False
    written = [c for c in surface if not unicodedata.combining(c) and c != "ـ"]
    name = [c for c in alias if not unicodedata.combining(c) and c != "ـ"]
    return len(written) == len(name) and any(
        a in hamza and a != b for a, b in zip(written, name, strict=True)
    )


def _end_before(text: str, pos: int) -> int:
    """Where the spaces before ``pos`` start: ``len(text[:pos].rstrip())``, read backwards from
    ``pos`` without copying the text before it (once per candidate, that copy made a long
    text quadratic)."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _after_name_comma(text: str, pos: int) -> bool:
    """Whether a comma stands right before ``pos`` after a word written with a capital or in a
    script without capitals (Irving, Texas; الحلة، بابل): a place's larger place in apposition."""
    end = _end_before(text, pos)
    if text[end - 1 : end] not in (",", "،"):
        return False
    word = _word_before(text, end - 1)
    return bool(word) and word[:1].isalpha() and (word[:1].isupper() or not word[:1].islower())


def _char_before(text: str, pos: int) -> str:
    """The last non-space character before ``pos`` ("" at the start): ``text[:pos].rstrip()[-1:]``."""
    end = _end_before(text, pos)
    return text[end - 1 : end]


#: Last characters of a word that ends a clause, or a possessive's: no word of a name run
_NAME_RUN_ENDS = (".", ",", ";", ":", "!", "?", ")", '"', "”", "'s", "’s")


def _word_before(text: str, pos: int) -> str:
    """The whitespace-delimited word before ``pos`` ("" if none): ``text[:pos].rstrip().rsplit(None, 1)[-1]``
    read backwards from ``pos``."""
    end = _end_before(text, pos)
    return text[_word_start(text, end) : end]


def _strong_in(before: Sequence[str], strong: frozenset[str]) -> bool:
    """Whether the last word or the last two words of ``before`` (the words right before a name)
    are a strong place cue (``support.json: strong``: مدينة, city of)."""
    return any(" ".join(before[i:]) in strong for i in range(len(before)))


def _word_after(text: str, end: int) -> re.Match[str] | None:
    """The word (``_WORD``) right after ``end`` across one space, None when ``end`` is not
    followed by a space and a word (the place's next word: Denver accepted, النيل من)."""
    return _WORD.match(text, end + 1) if text[end : end + 1] == " " else None


def explain(model: SupportModel, cand: Candidate, text: str) -> dict[str, Any]:
    """What the stage thinks of one candidate: its ambiguity (reason, evidence) or None."""
    why = model.ambiguity(cand, text[cand.start : cand.end])
    return {"ambiguous": why is not None, **(attrs.asdict(why) if why else {})}
