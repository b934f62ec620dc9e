"""Splitting a plain-text scraped dump into articles.

A dump is a page where articles follow one another: a title, some header lines (date,
byline, outlet, image captions), body paragraphs, then site furniture (related-content
lists, share widgets, footers) before the next title. The parser works in two passes:

1. every non-blank line is classified on its own (boilerplate, related-content header,
   date, byline, poster, source, caption, or text with its shape) from the per-language
   cue files ``mediamon/data/<lang>/segment.json``, their patterns tried through the tables of
   :mod:`mediamon.text.patterns`; a line seen again takes its class from a memo;
2. per dump, lines whose text recurs (licence footers, share widgets, slogans) are learnt
   as site furniture by frequency; a furniture line that comes right after body text in
   most of its occurrences is a footer and closes its article;
3. a walk over the lines finds titles -- a headline-shaped line followed within a few
   lines by a header cue (date, byline, source, a repeat of itself), or, right after a
   separator, by body paragraphs, or, on a page without such cues, a headline-shaped line
   standing between blank lines above body paragraphs (layout) -- and assigns every other
   line to a field of the current article or to ``dropped`` with a reason. Blog comment
   sections are set aside whole as ``comment``.

Every non-blank line ends up in exactly one place; nothing is lost silently. Every number
compared is a field of :class:`~mediamon.text.settings.SegmentSettings`, and every line's
role is recorded with the cue that decided it (:class:`LineRole`, ``explain``).
"""

from __future__ import annotations

import enum
import functools
import operator
import re
import unicodedata
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from typing import Any, TypeAlias

import attrs

from mediamon import lang
from mediamon.errors import DataFileError, Msg
from mediamon.memo import make_room
from mediamon.model import Article, Dropped, Origin, article_id
from mediamon.resources import compile_patterns, data_path, load_json, string_list
from mediamon.text.dates import DateMatch, match_date_line, match_relative_date
from mediamon.text.langid import detect_language
from mediamon.text.patterns import PatternList
from mediamon.text.settings import SegmentSettings

__all__ = ["DROP_REASONS", "LineRole", "SegmentRules", "classify_line", "segment_lines"]

#: Why a line was set aside (``Dropped.reason``).
DROP_REASONS = (
    "boilerplate",
    "related-link",
    "caption",
    "repeated-title",
    "repeated-paragraph",
    "extra-date",
    "orphan-header",
    "comment",
)

_EDGE_PUNCT = " \t\u00a0:;.,!?؟،؛…|-–—*#•►▶»«→←➔➜›‹\"'“”‘’()[]{}<>/\\"
_SENTENCE_END = re.compile(r"[.!。]['\"”’»)\]]*$")
# A line ends a sentence (``_SENTENCE_END``) or is a finished paragraph (one of
# ``_PARAGRAPH_MARKS`` last, so a following line does not continue it): tested on a stripped
# line at its end rather than searched for along it.
_CLOSERS = "'\"”’»)]"
#: A post's place in a thread after its last sentence ('... on Sunday. 2/3').
_THREAD_COUNTER = re.compile(r"\s+\d{1,2}/\d{1,2}$")
_SENTENCE_MARKS = ".!。"
_PARAGRAPH_MARKS = ".!?؟。…:;" + _CLOSERS


@functools.cache
def _separator(min_symbols: int) -> re.Pattern[str]:
    """A line made of separator symbols only: ``-----``, ``=====``, ``* * *``."""
    return re.compile(rf"(?:[-=_*~•·#+]\s*){{{min_symbols},}}")


# Quotation marks opening and closing a quoted line (a quoted tweet, a slogan).
_OPENING_QUOTES = "\"“«„‘'"
_CLOSING_QUOTES = "\"”»’'"
_WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*")
# _WORD on an ASCII line: the same matches there (a class of code points is cheaper than
# the Unicode category test).
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:['\-.][A-Za-z0-9]+)*")
# _ASCII_WORD's matches counted on an ASCII line without making them: each character turned into
# its class (``a`` a letter or digit, ``s`` one of the joiners ``'-.``, a space anything else),
# a word opens at an ``a`` that no ``a`` + joiner stands before (tests/text/test_segment_fast.py).
_WORD_CLASSES = bytes.maketrans(
    bytes(range(128)),
    bytes(
        ord("a") if chr(code).isalnum() else ord("s") if chr(code) in "'-." else ord(" ")
        for code in range(128)
    ),
)


def _ascii_words(text: str) -> int:
    """``len(_ASCII_WORD.findall(text))`` for an ASCII ``text``."""
    classes = text.encode("ascii").translate(_WORD_CLASSES)
    opened = classes.count(b" a") + classes.count(b" sa") + classes.count(b"ssa")
    return opened + classes.startswith(b"a") + classes.startswith(b"sa")


def _words(text: str) -> int:
    """``len(_WORD.findall(text))``, read token by token: a word never spans whitespace, and a
    whitespace-separated token that is letters and digits only, once the non-alphanumeric marks
    of ``_EDGE_PUNCT`` are trimmed from its ends, is one word (no joiner stands between two
    letters); only the other tokens are searched (tests/text/test_segment_fast.py)."""
    count = 0
    for token in text.split():
        if token.isalnum() or token.strip(_EDGE_PUNCT).isalnum():
            count += 1
        else:
            count += len(_WORD.findall(token))
    return count


_HAS_DIGIT = re.compile(r"\d")
_LIST_ITEM = re.compile(r"^\(?\d{1,2}[.)]\s")
_MENU_SEPARATOR = re.compile(r"\s+[|·•]\s+")
#: An end mark ('-ENDS-', '# # #', an e-mail's 'Unsubscribe | Update your preferences') is a
#: few words.
_END_MARK_MAX_WORDS = 6
_NAME_STOP = re.compile(r"[:;,.!?؟|·•@#()\[\]\"“”«»/\\]")
# A count in a reaction or view line: 120, 1.2K, 3,4M.
_COUNT = re.compile(r"(?<![^\W\d_])\d+(?:[.,]\d+)?[kKmM]?(?![^\W_])")
# Unicode categories of the marks beside counts: symbols (emoji, ★, ♥), combining and format
# characters (variation selectors, the zero-width joiner, skin tones, keycaps).
_COUNT_MARKS = frozenset({"So", "Sk", "Mn", "Me", "Cf"})
# A letter that no count consumes (the k/M suffixes aside): none of them is of a category in
# _COUNT_MARKS (tests/text/test_segment_fast.py checks every code point), so a line holding one
# is no count line; most lines are turned down by this one search.
_NOT_COUNT = re.compile(r"[^\W\d_kKmM]")


# Dashes unified to "-" (a regex: str.translate with a dict is several times slower on non-ASCII text).
_DASHES = re.compile("[‐‑‒–—―−]")


# Combining marks (Latin accents, Arabic harakat and Quranic marks) and tatweel.
_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u0640\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u08d3-\u08ff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)


@functools.lru_cache(maxsize=8192)
def phrase_key(text: str) -> str:
    """A key for comparing cue phrases: case-folded, marks and tatweel removed, dashes unified, trimmed."""
    if text.isascii():  # no marks, tatweel or dashes to change; NFKD leaves ASCII as it is
        return " ".join(text.casefold().strip(_EDGE_PUNCT).split())
    folded = _MARKS.sub("", unicodedata.normalize("NFKD", _DASHES.sub("-", text.casefold())))
    return " ".join(folded.strip(_EDGE_PUNCT).split())


_PATTERN_GROUPS: dict[str, Callable[[set[str]], bool]] = {
    # one role ('name' the author; a 'date' or, with 'name', a 'source' beside it), or several
    # roles none of them 'name' (a wire sign-off)
    "byline_patterns": lambda groups: (
        len(groups - {"date"}) == 1
        or groups in ({"name", "source"}, {"name", "source", "date"})
        or (len(groups) > 1 and "name" not in groups and "source" not in groups)
    ),
    "poster_patterns": lambda groups: "name" in groups and groups <= {"name", "date"},
    "source_patterns": lambda groups: groups == {"name"},
    "dateline_patterns": lambda groups: groups == {"place", "name"},
    "body_dateline_patterns": lambda groups: groups == {"place", "name"},
    "commenter_patterns": lambda groups: groups == {"name"},
    "title_patterns": lambda groups: groups == {"title"},
    "print_header_patterns": lambda groups: groups == {"title"},
    # a date with a header around it: a post's 'Name @handle · DATE', a wire item's own
    # dateline 'PLACE DATE AGENCY' (its 'name' a known outlet)
    "dated_header_patterns": lambda groups: groups in ({"date"}, {"date", "name"}),
}


#: A count in an engagement line: '134', '1.2k', '12,300', '3 ألف' (on a phrase key: case folded).
_ENGAGEMENT_COUNT = r"[\d٠-٩][\d٠-٩.,٬]*\s*(?:k|m|ألف|الف|مليون)?"


@attrs.frozen
class SocialRules:
    """The cues of social, forum and results pages (``segment.json``, the keys ``_doc_social``
    describes): quote labels, reply markers, reply titles, a user card's profile lines and the
    nouns an engagement line counts."""

    #: Labels over a quoted post ('Quote', 'اقتباس'): the post under one is another account's.
    quote_labels: frozenset[str] = frozenset()
    #: A reply's marker under its post header ('Replying to @x'), whole-line patterns.
    reply_markers: tuple[re.Pattern[str], ...] = ()
    #: A forum reply's title ('Re: TITLE', 'رد: TITLE'), group 'title'.
    reply_titles: tuple[re.Pattern[str], ...] = ()
    #: A forum user card's profile lines ('Join Date: Mar 2019', 'المشاركات: 2,431').
    profile_patterns: tuple[re.Pattern[str], ...] = ()
    #: A post's counter in a thread ('#2', 'المشاركة رقم 2'), whole-line patterns.
    post_counters: tuple[re.Pattern[str], ...] = ()
    #: A discussion post's header line over its text ('Posted by u/x 5h ago'), group 'date'.
    post_header_dates: tuple[re.Pattern[str], ...] = ()
    #: A discussion post's line under its title ('231 points by x 6 hours ago | ...'), group 'date'.
    subtext_dates: tuple[re.Pattern[str], ...] = ()
    #: Labels of a pop-up box whose lines under it are furniture (a translator's 'Original text').
    box_labels: frozenset[str] = frozenset()
    #: What an engagement line counts ('comments', 'shares', 'views', 'مشاركة'), phrase keys.
    engagement_words: frozenset[str] = frozenset()
    #: An engagement line: two counts or more, each with its noun ('47 comments  19 shares').
    engagement: re.Pattern[str] | None = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        pattern = None
        if self.engagement_words:
            words = "|".join(re.escape(w) for w in sorted(self.engagement_words, key=len, reverse=True))
            item = rf"{_ENGAGEMENT_COUNT}\s*(?:{words})(?![^\W\d_])"
            pattern = re.compile(rf"{item}(?:(?:\s*[·•|,،]\s*|\s+){item})+")
        object.__setattr__(self, "engagement", pattern)

    @classmethod
    def default(cls) -> SocialRules:
        """The social cues of the bundled ``segment.json`` of every language in the registry."""
        phrases: dict[str, list[str]] = {"quote_labels": [], "engagement_words": [], "box_labels": []}
        patterns: dict[str, list[re.Pattern[str]]] = {
            "reply_marker_patterns": [],
            "reply_title_patterns": [],
            "profile_patterns": [],
            "post_counter_patterns": [],
            "post_header_date_patterns": [],
            "subtext_date_patterns": [],
        }
        for code in lang.CODES:
            name = f"{code}/segment.json"
            data, source = load_json(name), data_path(name)
            for key, found in phrases.items():
                found.extend(phrase_key(p) for p in string_list(data, key, source=source))
            for key, compiled in patterns.items():
                listed = string_list(data, key, source=source)
                compiled.extend(compile_patterns(listed, source=source, key=key))
        for key, group in (
            ("reply_title_patterns", "title"),
            ("post_header_date_patterns", "date"),
            ("subtext_date_patterns", "date"),
        ):
            for pattern in patterns[key]:
                if group not in pattern.groupindex:
                    raise DataFileError(
                        Msg.DATA_FILE.format(detail=f"{key!r}: {pattern.pattern!r} lacks {group!r}"),
                        path=data_path("en/segment.json"),
                    )
        return cls(
            quote_labels=frozenset(phrases["quote_labels"]),
            reply_markers=tuple(patterns["reply_marker_patterns"]),
            reply_titles=tuple(patterns["reply_title_patterns"]),
            profile_patterns=tuple(patterns["profile_patterns"]),
            post_counters=tuple(patterns["post_counter_patterns"]),
            post_header_dates=tuple(patterns["post_header_date_patterns"]),
            subtext_dates=tuple(patterns["subtext_date_patterns"]),
            box_labels=frozenset(phrases["box_labels"]),
            engagement_words=frozenset(phrases["engagement_words"]),
        )

    def engaged(self, key: str) -> bool:
        """A phrase key that is an engagement line: counts of comments, shares, views ..."""
        return self.engagement is not None and self.engagement.fullmatch(key) is not None

    def post_date(self, text: str, day_first: bool) -> tuple[DateMatch, bool] | None:
        """The date of a discussion post's header ('Posted by u/x 5h ago': True, its text under it)
        or of its line under the title ('N points by x 6 hours ago | ...': False), absolute or
        relative."""
        for patterns, header in ((self.post_header_dates, True), (self.subtext_dates, False)):
            for pattern in patterns:
                if (match := pattern.fullmatch(text)) is None:
                    continue
                found = match.group("date").strip()
                date = match_date_line(found, day_first=day_first) or match_relative_date(found)
                if date is not None:
                    return date, header
        return None

    def reply_marker(self, text: str) -> bool:
        return any(p.fullmatch(text) for p in self.reply_markers)

    def reply_title(self, text: str) -> str | None:
        """The thread title a reply's title line repeats ('Re: TITLE'), or None."""
        for pattern in self.reply_titles:
            if (match := pattern.fullmatch(text)) is not None:
                return match.group("title").strip()
        return None


#: Languages with no ``lang/`` module whose page furniture (menus, share bars, widget headers,
#: footers, account links: ``data/<code>/segment.json``) is still read: bilingual Maghreb and
#: Lebanese sites print it in French over Arabic articles.
FURNITURE_ONLY_LANGUAGES: tuple[str, ...] = ("fr",)


@attrs.frozen
class SegmentRules:
    """The cue phrases and patterns of every supported language, compiled."""

    related_headers: frozenset[str]
    boilerplate: frozenset[str]
    boilerplate_patterns: tuple[re.Pattern[str], ...]
    caption_patterns: tuple[re.Pattern[str], ...]
    byline_patterns: tuple[re.Pattern[str], ...]
    poster_patterns: tuple[re.Pattern[str], ...]
    source_patterns: tuple[re.Pattern[str], ...]
    dateline_patterns: tuple[re.Pattern[str], ...]
    outlets: frozenset[str]
    not_name_words: frozenset[str] = frozenset()
    body_dateline_patterns: tuple[re.Pattern[str], ...] = ()
    comment_headers: tuple[re.Pattern[str], ...] = ()
    commenter_patterns: tuple[re.Pattern[str], ...] = ()
    comment_phrases: frozenset[str] = frozenset()
    comment_date_patterns: tuple[re.Pattern[str], ...] = ()
    sections: frozenset[str] = frozenset()
    accounts: frozenset[str] = frozenset()
    #: Titles opening a personal name ('Dr', 'د.', 'الدكتور'): a line they open is a name.
    honorifics: frozenset[str] = frozenset()
    #: Openings a given name never has (Arabic ``ال``; categories and headlines often do).
    not_name_openings: tuple[str, ...] = ()
    title_patterns: tuple[re.Pattern[str], ...] = ()
    #: Related-content headers naming a section or topic ('More from Science'), as patterns.
    related_patterns: tuple[re.Pattern[str], ...] = ()
    #: End marks closing a release or a wire story ('-ENDS-', '###', '-انتهى-'), whole-line patterns.
    end_mark_patterns: tuple[re.Pattern[str], ...] = ()
    #: The marks a page break of a print-out leaves ('Page 2 of 3', a page URL and '1/2'): boilerplate
    #: that neither closes nor separates the article it interrupts.
    page_break_patterns: tuple[re.Pattern[str], ...] = ()
    #: The actions under each comment ('Reply', 'Like', '12 likes' once its count is set aside).
    comment_replies: frozenset[str] = frozenset()
    #: A browser's print header: the page title (group 'title') after a time stamp ('12/3/25,
    #: 9:41 AM Headline | Site') or before the page's URL ('Headline | Site https://...').
    print_header_patterns: tuple[re.Pattern[str], ...] = ()
    #: Lines that make the dump's opening block a channel's profile or a newsletter's masthead
    #: (a subscriber count, an invite link, 'Issue 212', 'View this email in your browser').
    masthead_patterns: tuple[re.Pattern[str], ...] = ()
    #: Advertisement labels ('Sponsored', 'إعلان'): the short block they open is an advertisement.
    ad_labels: frozenset[str] = frozenset()
    #: Author bio box headers ('About the author', 'عن الكاتب'): the lines under one in its block
    #: are the writer's bio and links, not the article's body.
    bio_labels: frozenset[str] = frozenset()
    #: A line that is itself a link to another article ('Read more: HEADLINE', 'اقرأ أيضا:
    #: HEADLINE'), whole-line patterns: set aside as a related link; the body goes on after it.
    related_link_patterns: tuple[re.Pattern[str], ...] = ()
    #: A session or meeting line ('Session of 4 December 2026', 'الجلسة الثانية عشرة'): under a
    #: date line below a headline it is a header line of the report, not the next headline.
    session_patterns: tuple[re.Pattern[str], ...] = ()
    #: A date line with a header around its date (group 'date'): a social post's 'Name @handle ·
    #: Dec 4, 2026', a wire item's dateline 'PLACE DATE AGENCY' (group 'name', a known outlet).
    dated_header_patterns: tuple[re.Pattern[str], ...] = ()
    #: Monitoring layouts (see :data:`_MONITORING_KEYS`): a press review's item head 'OUTLET
    #: (PLACE), DATE:' (groups 'name' and 'date'), a transcript's time codes ('[07:01]', '12:03
    #: GMT'), an e-mail's header fields ('From: X') and the lines opening a forwarded or quoted
    #: message ('---------- Forwarded message ---------', 'On DATE, X wrote:').
    digest_head_patterns: tuple[re.Pattern[str], ...] = ()
    time_code_patterns: tuple[re.Pattern[str], ...] = ()
    mail_header_patterns: tuple[re.Pattern[str], ...] = ()
    mail_rule_patterns: tuple[re.Pattern[str], ...] = ()
    mail_quote_patterns: tuple[re.Pattern[str], ...] = ()
    #: The cues of social, forum and results pages (quote labels, reply markers, user cards).
    social: SocialRules = attrs.field(factory=SocialRules)
    #: The boilerplate patterns anchored at the line start, tried on lines too long for the others,
    #: as a table (:class:`~mediamon.text.patterns.PatternList` joins them into one regex tried at
    #: position 0, those a line's first character allows).
    long_boilerplate: PatternList = attrs.field(init=False, eq=False, repr=False)
    #: The pattern groups as tables (keyword guards, one regex for the anchored patterns) and
    #: the memo of classified lines.
    tables: _Tables = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        anchored = tuple(p for p in self.boilerplate_patterns if p.pattern.startswith("^"))
        object.__setattr__(self, "long_boilerplate", PatternList(anchored))
        object.__setattr__(self, "tables", _Tables.of(self))

    @classmethod
    @functools.cache
    def default(cls) -> SegmentRules:
        """Rules from the bundled ``segment.json`` of every language in the registry, and the
        furniture of :data:`FURNITURE_ONLY_LANGUAGES`."""
        merged: dict[str, list[Any]] = {}
        for code in (*lang.CODES, *FURNITURE_ONLY_LANGUAGES):
            name = f"{code}/segment.json"
            data = load_json(name)
            source = data_path(name)
            for key in (
                "related_headers",
                "boilerplate",
                "outlets",
                "not_name_words",
                "comment_phrases",
                "sections",
                "accounts",
                "honorifics",
                "not_name_openings",
                "comment_reply_phrases",
                "ad_labels",
                "bio_labels",
            ):
                merged.setdefault(key, []).extend(
                    phrase_key(p) for p in string_list(data, key, source=source)
                )
            for key in (
                "boilerplate_patterns",
                "page_break_patterns",
                "caption_patterns",
                "comment_headers",
                "comment_date_patterns",
                "related_patterns",
                "end_mark_patterns",
                "masthead_patterns",
                "related_link_patterns",
                "session_patterns",
            ):
                merged.setdefault(key, []).extend(
                    compile_patterns(string_list(data, key, source=source), source=source, key=key)
                )
            for key, needs in _PATTERN_GROUPS.items():
                patterns = compile_patterns(string_list(data, key, source=source), source=source, key=key)
                for pattern in patterns:
                    if not needs(set(pattern.groupindex)):
                        raise DataFileError(
                            Msg.DATA_FILE.format(
                                detail=f"{key!r}: pattern {pattern.pattern!r} lacks its named group"
                            ),
                            path=source,
                        )
                merged.setdefault(key, []).extend(patterns)
        return cls(
            related_headers=frozenset(merged["related_headers"]),
            boilerplate=frozenset(merged["boilerplate"]) | frozenset(merged["related_headers"]),
            boilerplate_patterns=tuple(merged["boilerplate_patterns"]),
            caption_patterns=tuple(merged["caption_patterns"]),
            byline_patterns=tuple(merged["byline_patterns"]),
            poster_patterns=tuple(merged["poster_patterns"]),
            source_patterns=tuple(merged["source_patterns"]),
            dateline_patterns=tuple(merged["dateline_patterns"]),
            outlets=frozenset(merged["outlets"]),
            not_name_words=frozenset(merged["not_name_words"]),
            body_dateline_patterns=tuple(merged["body_dateline_patterns"]),
            comment_headers=tuple(merged["comment_headers"]),
            commenter_patterns=tuple(merged["commenter_patterns"]),
            comment_phrases=frozenset(merged["comment_phrases"]),
            comment_date_patterns=tuple(merged["comment_date_patterns"]),
            sections=frozenset(merged["sections"]),
            accounts=frozenset(merged["accounts"]),
            honorifics=frozenset(merged["honorifics"]),
            not_name_openings=tuple(merged["not_name_openings"]),
            title_patterns=tuple(merged["title_patterns"]),
            related_patterns=tuple(merged["related_patterns"]),
            end_mark_patterns=tuple(merged["end_mark_patterns"]),
            page_break_patterns=tuple(merged["page_break_patterns"]),
            comment_replies=frozenset(merged["comment_reply_phrases"]),
            print_header_patterns=tuple(merged["print_header_patterns"]),
            masthead_patterns=tuple(merged["masthead_patterns"]),
            ad_labels=frozenset(merged["ad_labels"]),
            bio_labels=frozenset(merged["bio_labels"]),
            related_link_patterns=tuple(merged["related_link_patterns"]),
            session_patterns=tuple(merged["session_patterns"]),
            dated_header_patterns=tuple(merged["dated_header_patterns"]),
            **_monitoring_rules(),
            social=SocialRules.default(),
        )


#: The ``segment.json`` keys of the monitoring layouts (press reviews, broadcast transcripts,
#: e-mail chains), with the named groups their patterns need.
_MONITORING_KEYS: dict[str, frozenset[str]] = {
    "digest_head_patterns": frozenset({"name", "date"}),
    "time_code_patterns": frozenset(),
    "mail_header_patterns": frozenset(),
    "mail_rule_patterns": frozenset(),
    "mail_quote_patterns": frozenset(),
}


def _monitoring_rules() -> dict[str, tuple[re.Pattern[str], ...]]:
    """The monitoring layouts' patterns of every language (keys absent from a file: none)."""
    merged: dict[str, list[re.Pattern[str]]] = {key: [] for key in _MONITORING_KEYS}
    for code in lang.CODES:
        name = f"{code}/segment.json"
        data, source = load_json(name), data_path(name)
        for key, groups in _MONITORING_KEYS.items():
            for pattern in compile_patterns(string_list(data, key, source=source), source=source, key=key):
                if set(pattern.groupindex) != groups:
                    raise DataFileError(
                        Msg.DATA_FILE.format(
                            detail=f"{key!r}: pattern {pattern.pattern!r} needs groups {sorted(groups)}"
                        ),
                        path=source,
                    )
                merged[key].append(pattern)
    return {key: tuple(patterns) for key, patterns in merged.items()}


@attrs.frozen
class _Tables:
    """Every pattern group of :class:`SegmentRules` as a :class:`PatternList`, and ``cues``: the
    groups a line is classified by, as one list (a line none of them matches skips them all)."""

    comment_headers: PatternList
    commenter: PatternList
    boilerplate: PatternList
    comment_date: PatternList
    source: PatternList
    poster: PatternList
    byline: PatternList
    title: PatternList
    caption: PatternList
    dateline: PatternList
    body_dateline: PatternList
    related: PatternList
    related_links: PatternList
    end_marks: PatternList
    print_headers: PatternList
    page_breaks: PatternList
    dated_headers: PatternList
    mail_headers: PatternList
    mail_rules: PatternList
    mail_quotes: PatternList
    cues: PatternList
    #: Classified lines, by (settings, day_first) and text: lines repeat within and across dumps.
    memo: dict[tuple[SegmentSettings, bool], dict[str, _Cue]] = attrs.field(factory=dict, eq=False)

    @classmethod
    def of(cls, rules: SegmentRules) -> _Tables:
        classify = (
            rules.comment_headers,
            rules.commenter_patterns,
            rules.boilerplate_patterns,
            rules.source_patterns,
            rules.poster_patterns,
            rules.byline_patterns,
            rules.title_patterns,
            rules.caption_patterns,
            rules.dateline_patterns,
            rules.end_mark_patterns,
        )
        # The groups are consulted only on the lines ``cues`` lets through, but in a chain of up
        # to nine on each: tables (their guards are the union's, parsed once). The comment-date
        # and body-dateline groups hold a few patterns each: plain loops.
        return cls(
            comment_headers=PatternList(patterns=rules.comment_headers),
            commenter=PatternList(patterns=rules.commenter_patterns),
            boilerplate=PatternList(patterns=rules.boilerplate_patterns),
            comment_date=PatternList(tables=False, patterns=rules.comment_date_patterns),
            source=PatternList(patterns=rules.source_patterns),
            poster=PatternList(patterns=rules.poster_patterns),
            byline=PatternList(patterns=rules.byline_patterns),
            title=PatternList(patterns=rules.title_patterns),
            caption=PatternList(patterns=rules.caption_patterns),
            dateline=PatternList(patterns=rules.dateline_patterns),
            body_dateline=PatternList(tables=False, patterns=rules.body_dateline_patterns),
            related=PatternList(tables=False, patterns=rules.related_patterns),
            related_links=PatternList(tables=False, patterns=rules.related_link_patterns),
            end_marks=PatternList(tables=False, patterns=rules.end_mark_patterns),
            print_headers=PatternList(tables=False, patterns=rules.print_header_patterns),
            page_breaks=PatternList(tables=False, patterns=rules.page_break_patterns),
            dated_headers=PatternList(tables=False, patterns=rules.dated_header_patterns),
            mail_headers=PatternList(tables=False, patterns=rules.mail_header_patterns),
            mail_rules=PatternList(tables=False, patterns=rules.mail_rule_patterns),
            mail_quotes=PatternList(tables=False, patterns=rules.mail_quote_patterns),
            cues=PatternList.union(*classify),
        )


class Kind(enum.Enum):
    """What a line is on its own, before context."""

    BOILERPLATE = "boilerplate"
    SEPARATOR = "separator"
    FURNITURE = "furniture"
    RELATED = "related"
    LINK = "related-link"
    COMMENT_HEAD = "comment-header"
    COMMENT = "comment"
    DATE = "date"
    BYLINE = "byline"
    POSTER = "poster"
    SOURCE = "source"
    OUTLET = "outlet"
    SECTION = "section"
    CAPTION = "caption"
    TEXT = "text"


@attrs.frozen
class LineRole:
    """Why one input line got its role: what it is on its own (``kind``), where it went
    (``role``: ``title``, ``date``, ``author``, ``source``, ``section``, ``dateline``,
    ``meta``, ``body`` or ``dropped:<reason>``) and the cue that decided it."""

    path: str
    line: int
    text: str
    kind: str
    role: str
    cue: str

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.define
class Line:
    """One non-blank input line with its classification and shape."""

    number: int
    text: str
    kind: Kind
    words: int
    key: str
    settings: SegmentSettings
    name: str | None = None
    byline_role: str = "name"
    credits: tuple[tuple[str, str], ...] = ()
    #: The outlet a byline names after its author ("By NAME | OUTLET").
    byline_source: str | None = None
    place: str | None = None
    date: DateMatch | None = None
    nameish: bool = False
    adjacent_block: int = 0
    block_size: int = 1
    block_caption: bool = False
    comment_date: bool = False
    #: A page break's mark ('Page 2 of 3', a print header): the article goes on after it.
    page_break: bool = False
    #: An action under a comment ('Reply', 'Like (4)'): evidence of a comment section.
    reply: bool = False
    #: The page title in a browser's print header ('12/3/25, 9:41 AM Headline', 'Headline https://...').
    print_title: str | None = None
    #: The headline of a labelled title line ("Title: X" gives "X").
    title_text: str | None = None
    #: A DATE line that is a byline too ("By NAME | DATE"): its name is the author.
    byline_date: bool = False
    dateline: tuple[str, str] | None = None
    footer: bool = False
    #: A social post's header: a date line naming its account ('Name @handle · DATE') or carrying
    #: an audience icon ('DATE · 🌍'): its post's text is under it, its account's name above.
    post_header: bool = False
    #: Counts of comments, shares, views ... ('47 comments  19 shares'): furniture.
    engagement: bool = False
    #: Set aside by a pass over the page before the walk: (reason, cue) -- a quoted post, a
    #: reply's header (which opens a comment section), a user card, a signature.
    aside: tuple[str, str] | None = None
    #: A headline by the page's layout, found before the walk (a search result's title over its
    #: dated snippet, a video's title over its channel block): the cue.
    headline_cue: str | None = None
    repeats: int = 1
    role: str = ""
    cue: str = ""
    #: The outlet a press review's item head names ('1. Al-Quds al-Arabi (London), DATE:').
    head_source: str | None = None
    #: A transcript's time code: 'bare' (the line is one: '12:03 GMT') or 'opening' ('[07:01]
    #: Presenter: ...'); '' for none.
    time_code: str = ""

    @property
    def sentence(self) -> bool:
        text = self.text
        if text[-1:].isdigit() and (counter := _THREAD_COUNTER.search(text)) is not None:
            text = text[: counter.start()]  # a thread's post counter after the sentence ('... 2/3')
        end = text.rstrip(_CLOSERS)
        return bool(end) and end[-1] in _SENTENCE_MARKS

    @property
    def finished(self) -> bool:
        """Ends like a finished paragraph, so that a next line does not continue it."""
        return self.kind is not Kind.TEXT or (bool(self.text) and self.text[-1] in _PARAGRAPH_MARKS)

    @property
    def quoted(self) -> bool:
        """Opens or closes with a quotation mark (closing punctuation after it allowed)."""
        end = self.text.rstrip(" .,;:!?؟،…")
        return self.text[:1] in _OPENING_QUOTES or (bool(end) and end[-1] in _CLOSING_QUOTES)

    @property
    def body_like(self) -> bool:
        """A body paragraph: a sentence of some length, or simply long."""
        s = self.settings
        return self.kind is Kind.TEXT and (
            (self.sentence and self.words >= s.body_min_words) or self.words >= s.body_long_words
        )

    @property
    def title_like(self) -> bool:
        """Shaped like a headline: short, not a finished sentence, not a lead-in ending in a colon."""
        s = self.settings
        return (
            self.kind is Kind.TEXT
            and 1 <= self.words <= s.title_max_words
            and len(self.text) <= s.title_max_chars
            and not (self.sentence and self.words > s.title_sentence_max_words)
            and not self.text.endswith(":")
        )

    @property
    def name_like(self) -> bool:
        """Shaped like a bare personal name (an author line)."""
        return self.kind is Kind.TEXT and self.nameish and _name_shape(self.text, self.words, self.settings)

    @property
    def section_like(self) -> bool:
        """A known section name, or shaped like one: a few words, no digits, not a sentence."""
        if self.kind is Kind.SECTION:
            return True
        s = self.settings
        return (
            self.kind is Kind.TEXT
            and 1 <= self.words <= s.section_max_words
            and len(self.text) <= s.section_max_chars
            and not _HAS_DIGIT.search(self.text)
            and not _NAME_STOP.search(self.text)
        )


def _classify(
    number: int,
    text: str,
    rules: SegmentRules,
    day_first: bool,
    settings: SegmentSettings,
    memo: dict[str, _Cue] | None = None,
) -> Line:
    """Line ``number`` classified on its own; ``memo`` holds lines already classified with the
    same rules, settings and ``day_first`` (a line's class depends on its text alone)."""
    if memo is None:
        return _classify_text(number, text, rules, day_first, settings)
    found = memo.get(text)
    if found:
        return Line(number, text, *found)
    line = _classify_text(number, text, rules, day_first, settings)
    if len(text) <= settings.cue_max_chars:
        make_room(memo, _MEMO_MAX)
        # A line is remembered the second time it is seen (most lines are seen once).
        memo[text] = _SEEN if found is None else _LINE_VALUES(line)
    return line


#: A classified line's fields after ``number`` and ``text`` (what :func:`_classify` remembers).
_Cue: TypeAlias = tuple[Any, ...]
#: The memo's value for a line seen once (classified, not remembered yet).
_SEEN: _Cue = ()
_LINE_VALUES = operator.attrgetter(*(field.name for field in attrs.fields(Line)[2:] if field.init))
#: How many classified lines a memo holds before it starts again (bounded memory on any input),
#: and how many memos (settings and ``day_first``) are kept: some 10 MB at most each.
_MEMO_MAX = 1 << 14
_MEMO_SETTINGS = 4


def _classify_text(
    number: int, text: str, rules: SegmentRules, day_first: bool, settings: SegmentSettings
) -> Line:
    # Long lines are body text whatever their exact word count: count them cheaply.
    if len(text) > settings.word_count_max_chars:
        words = len(text.split())
    else:
        words = _ascii_words(text) if text.isascii() else _words(text)
    short = len(text) <= settings.cue_max_chars
    key = phrase_key(text) if short else ""
    line = Line(number=number, text=text, kind=Kind.TEXT, words=words, key=key, settings=settings)
    if not short:
        if len(text) <= settings.boilerplate_max_chars and rules.long_boilerplate.any(text):
            line.kind, line.cue = Kind.BOILERPLATE, "boilerplate pattern (a long post footer)"
        else:
            line.cue = "long line: body text"
            line.time_code = _time_code(text, rules)  # a long transcript turn '[07:01] Presenter: ...'
        return line
    tables = rules.tables
    line.nameish = words <= settings.name_max_words and rules.not_name_words.isdisjoint(key.split())
    # One table lookup rules out every pattern group for most lines (they match none): the
    # groups are asked only when it lets the line through.
    cued = tables.cues.any(text)
    if words <= _REPLY_MAX_WORDS:
        line.reply = _reply_key(key) in rules.comment_replies
    if (text[:1].isdigit() or "://" in text) and (
        header := tables.print_headers.first(text, "title")
    ) is not None:
        line.print_title = header[1]
    if cued and words <= _END_MARK_MAX_WORDS and tables.end_marks.any(text):
        # boilerplate that closes the article (like a footer): a contact block under it stays out
        line.kind, line.footer = Kind.BOILERPLATE, True
        line.cue = "end mark ('-ENDS-', '###'): closes the article"
    elif _separator(settings.separator_min_symbols).fullmatch(text):
        line.kind, line.cue = Kind.SEPARATOR, "separator line"
    elif key in rules.related_headers:
        line.kind, line.cue = Kind.RELATED, "related-content header phrase"
    elif tables.related.any(text):
        line.kind, line.cue = Kind.RELATED, "related-content header pattern ('More from X')"
    elif _HAS_DIGIT.search(text) is not None and rules.social.engaged(key):
        line.kind, line.engagement = Kind.BOILERPLATE, True
        line.cue = "engagement counts ('47 comments  19 shares')"
    elif cued and tables.comment_headers.any(text):
        line.kind, line.cue = Kind.COMMENT_HEAD, "comment-section header pattern"
    elif cued and (found := tables.commenter.first(text)) is not None:
        line.kind, line.name, line.cue = Kind.COMMENT, found[1], "commenter line ('X says:')"
    elif key in rules.comment_phrases:
        line.kind, line.cue = Kind.COMMENT, "comment-section phrase"
    elif (
        (_HAS_DIGIT.search(text) is not None or "://" in text)
        and len(text.split()) <= _PAGE_BREAK_MAX_TOKENS
        and tables.page_breaks.any(text)
    ):
        line.kind, line.page_break = Kind.BOILERPLATE, True
        line.cue = "page break of a print-out ('Page 2 of 3', the page URL and '1/2')"
    elif key in rules.boilerplate or not key or (cued and tables.boilerplate.any(text)):
        line.kind, line.cue = Kind.BOILERPLATE, "boilerplate phrase or pattern"
        if tables.comment_date.any(text):
            line.comment_date = True  # a relative time ('2 hours ago'): a comment's, in a comment section
    elif tables.related_links.any(text):
        line.kind, line.cue = Kind.LINK, "a link to another article ('Read more: HEADLINE')"
    elif line.reply:
        line.kind, line.cue = Kind.COMMENT, "an action under a comment ('Reply', 'Like (4)', '12 likes')"
    elif _breadcrumb(text, rules, settings):
        line.kind, line.cue = Kind.BOILERPLATE, "breadcrumb trail from the home page ('Home > World')"
    elif _count_line(text):
        line.kind, line.cue = Kind.BOILERPLATE, "reaction or view counts (symbols and numbers only)"
    elif (head := _digest_head(text, rules, day_first)) is not None:
        line.kind, (line.date, line.head_source) = Kind.DATE, head
        line.cue = "a press review's item head ('OUTLET (PLACE), DATE:'): its date and outlet"
    elif (date := match_date_line(text, day_first=day_first)) is not None:
        line.kind, line.date, line.cue = Kind.DATE, date, "date line"
        if tables.comment_date.any(text):
            line.comment_date, line.cue = True, "date line with a time (comment date form)"
    elif _HAS_DIGIT.search(text) is not None and (posted := rules.social.post_date(text, day_first)):
        (line.date, line.post_header), line.kind = posted, Kind.DATE
        line.cue = "a discussion post's date line ('Posted by u/x 5h ago', 'N points by x 6 hours ago')"
    elif cued and (found := tables.source.first(text)) is not None:
        line.kind, line.name, line.cue = Kind.SOURCE, found[1], "source pattern"
    elif cued and (found := tables.poster.first(text)) is not None:
        match, name = found
        date_text = match.groupdict().get("date")
        if date_text is not None:
            date = match_date_line(date_text, day_first=day_first)
            if date is None:
                return line
            line.kind, line.date, line.cue = Kind.DATE, date, "'posted on DATE by NAME' line"
        else:
            line.kind, line.cue = Kind.POSTER, "'posted by NAME' line"
        line.name = name
    elif (date := _date_with_furniture(text, rules, day_first)) is not None:
        line.kind, line.date = Kind.DATE, date
        line.cue = "date line with furniture after it ('DATE · 3 min read')"
        line.post_header = _icon_tail(text)
    elif (date := _dated_header(text, rules, day_first)) is not None:
        line.kind, line.date = Kind.DATE, date
        line.cue = "a date in a post's or wire item's header ('Name @handle · DATE', 'PLACE DATE AGENCY')"
        line.post_header = any(
            "name" not in p.groupindex and p.search(text) for p in rules.dated_header_patterns
        )
    elif cued and (byline := _byline(tables.byline, text, settings, rules)) is not None:
        line.kind, line.byline_role, line.name, line.credits, line.byline_source = Kind.BYLINE, *byline
        line.cue = "byline pattern"
        found = tables.byline.first(text)
        date_text = found[0].groupdict().get("date") if found is not None else None
        if date_text is not None:
            date = match_date_line(date_text.strip(), day_first=day_first)
            if date is not None:
                line.kind, line.date, line.byline_date = Kind.DATE, date, True
                line.cue = "byline with a date ('By NAME | DATE')"
            elif (tail := _byline_tail(date_text.strip(), rules, settings)) is None:
                line.kind, line.name = Kind.TEXT, None
                return line
            elif tail[0] == "source":
                line.byline_source, line.cue = tail[1], "byline naming its outlet ('By NAME - OUTLET')"
            elif tail[0] == "place":
                line.place, line.cue = tail[1], "byline naming a place ('By NAME - PLACE')"
            else:
                line.cue = "byline with furniture after it ('By NAME · 4 min read')"
    elif (pair := _name_and_outlet(text, rules, settings)) is not None:
        line.kind, line.name, line.byline_source = Kind.BYLINE, *pair
        line.cue = "a name and a known outlet ('NAME | OUTLET', 'NAME, OUTLET')"
    elif cued and (found := tables.title.first(text, "title")) is not None:
        line.title_text, line.cue = found[1], "labelled title line ('Title: ...')"
    elif _menu_line(text, settings):
        line.kind, line.cue = Kind.BOILERPLATE, "menu line (short items between | · • separators)"
    elif _widget_row(text, rules.boilerplate):
        line.kind, line.cue = Kind.BOILERPLATE, "widget row (boilerplate items between | · • separators)"
    elif cued and tables.caption.any(text):
        line.kind, line.cue = Kind.CAPTION, "caption pattern (image credit)"
    elif key in rules.outlets:
        line.kind, line.name, line.cue = Kind.OUTLET, text, "known outlet name"
    elif cued and (found := tables.dateline.first(text)) is not None:
        place = found[0].group("place").strip()
        if phrase_key(found[1]) in rules.outlets:
            line.kind, line.name, line.place = Kind.SOURCE, found[1], place
            line.cue = "dateline 'PLACE - OUTLET' with a known outlet"
        elif max(len(place.split()), len(found[1].split())) <= settings.dateline_max_words:
            line.dateline = (place, found[1])
    elif key in rules.sections:
        line.kind, line.cue = Kind.SECTION, "known section name"
    if line.kind in (Kind.TEXT, Kind.BOILERPLATE):
        line.time_code = _time_code(text, rules)
    return line


# --- monitoring layouts: press reviews, broadcast transcripts, e-paper, e-mail chains --------


def _digest_head(text: str, rules: SegmentRules, day_first: bool) -> tuple[DateMatch, str] | None:
    """A press review's item head ('1. Al-Quds al-Arabi (London), 4 December 2026:', '1- صحيفة
    الأهرام (القاهرة) - 4 ديسمبر 2026:'): its date and its outlet."""
    for pattern in rules.digest_head_patterns:
        match = pattern.search(text)
        if match is not None:
            date = match_date_line(match.group("date").strip(), day_first=day_first)
            if date is not None:
                return date, match.group("name").strip()
    return None


def _time_code(text: str, rules: SegmentRules) -> str:
    """'bare' when the line is a transcript's time code ('12:03 GMT'), 'opening' when one opens
    it ('[07:01] Presenter: ...'), else ''."""
    for pattern in rules.time_code_patterns:
        match = pattern.match(text)
        if match is not None:
            return "bare" if not text[match.end() :].strip() else "opening"
    return ""


#: A press review has items: at least this many item heads.
_DIGEST_MIN_HEADS = 2
#: A covering note above a forwarded or quoted message has at most this many lines.
_MAIL_NOTE_MAX_LINES = 6
#: An e-mail's header block has at least this many header-field lines ('From:', 'To:', ...).
_MAIL_HEADER_MIN_LINES = 2
#: A printed column's paragraph: this many touching lines, all but the last unfinished (and at
#: most the second many: a longer run is read no further).
_WRAPPED_MIN_LINES = 3
_WRAPPED_MAX_LINES = 40


def _mark_digest(lines: list[Line], settings: SegmentSettings) -> None:
    """A press review (item heads 'OUTLET (PLACE), DATE:' above each item): the lines above its
    first item are the review's own header (its name, issue date, how it was compiled), and a
    short line standing alone right above an item's head is a heading grouping items ('EGYPT',
    'أولا: الصحف المصرية'): furniture, no headline."""
    heads = [k for k, line in enumerate(lines) if line.head_source is not None]
    if len(heads) < _DIGEST_MIN_HEADS:
        return
    for line in lines[: heads[0]]:
        line.kind, line.date = Kind.BOILERPLATE, None
        line.cue = "a press review's header, above its first item"
    for k in heads[1:]:
        above = lines[k - 1]
        alone = k < 2 or lines[k - 2].number + 1 < above.number
        if (
            above.kind is Kind.TEXT
            and alone
            and above.number + 1 < lines[k].number
            and not above.body_like
            and not above.sentence
            and above.words <= settings.section_max_words
        ):
            above.kind, above.cue = Kind.BOILERPLATE, "a heading grouping a press review's items"


def _mark_mail(lines: list[Line], rules: SegmentRules) -> None:
    """An e-mail chain (a block of header fields 'From:', 'Date:', 'Subject:', 'To:'): the header
    blocks, the lines opening a forwarded or quoted message ('Forwarded message', 'Original
    Message', 'On DATE, X wrote:'), the quoted lines ('> ...') and the covering notes (a few lines
    between a header block, or the top, and a forwarded or quoted message: a greeting, a note, a
    signature) are e-mail furniture; a press release under a header block stays an article."""
    if not rules.mail_header_patterns:
        return
    tables = rules.tables
    header = [tables.mail_headers.any(line.text) for line in lines]
    blocks: list[tuple[int, int]] = []  # header blocks as [start, end) indexes
    k = 0
    while k < len(lines):
        end = k
        while end < len(lines) and header[end] and (end == k or _touching(lines, end - 1)):
            end += 1
        if end - k >= _MAIL_HEADER_MIN_LINES:
            blocks.append((k, end))
            k = end
        else:
            k += 1
    if not blocks:
        return
    for start, end in blocks:
        for line in lines[start:end]:
            line.kind, line.date = Kind.BOILERPLATE, None
            line.cue = "an e-mail's header block ('From:', 'Date:', 'Subject:', 'To:')"
    ends = {end for _, end in blocks}
    opening, quoted = tables.mail_rules, tables.mail_quotes
    after = 0  # where the current message's text begins
    for k, line in enumerate(lines):
        if k in ends:
            after = k
        if opening.any(line.text):
            line.kind, line.date = Kind.BOILERPLATE, None
            line.cue = "opens a forwarded or quoted message ('Forwarded message', 'X wrote:')"
            note = lines[after:k]
            if len(note) <= _MAIL_NOTE_MAX_LINES and not any(m.kind is Kind.DATE or m.footer for m in note):
                for m in note:
                    m.kind, m.date = Kind.BOILERPLATE, None
                    m.cue = "a covering note above a forwarded or quoted message"
            after = k + 1
        elif quoted.any(line.text):
            line.kind, line.date = Kind.BOILERPLATE, None
            line.cue = "a quoted line of an earlier message ('> ...')"


def _opens_paragraph(text: str) -> bool:
    """Opens like a paragraph: a capital or a letter of a script without case, a digit or an
    opening quote (a line going on from the one above opens in lower case; a comment line with
    '#', a list with '-')."""
    first = text[:1]
    return (first.isalpha() and not first.islower()) or first.isdigit() or first in _OPENING_QUOTES


#: A relative date line is a few words ('Updated 5 hours ago', 'نشر منذ 3 ساعات').
_RELATIVE_MAX_WORDS = 6
#: A comment action is a word or three ('Reply', 'Like (4)', 'Report comment'), its count aside.
_REPLY_MAX_WORDS = 6  # 'Like · Reply · 3h', 'أعجبني · رد · 3 س': an action bar under a comment
_REPLY_COUNT = re.compile(r"\d+")
_REPLY_BRACKETS = re.compile(r"[()\[\]]")


def _reply_key(key: str) -> str:
    """A line's phrase key with each count written ``#`` and brackets dropped ('Like (4)' gives
    'like #', '12 likes' '# likes'): how comment actions are listed in the data."""
    return " ".join(_REPLY_COUNT.sub(" # ", _REPLY_BRACKETS.sub(" ", key)).split())


#: The marks between the steps of a breadcrumb trail ('Home > World > Middle East').
_CRUMB_SEPARATOR = re.compile(r"\s+[>›»<‹«/]\s+")


def _breadcrumb(text: str, rules: SegmentRules, settings: SegmentSettings) -> bool:
    """A breadcrumb trail: short steps between ``>`` (or ``›``, ``»``, ``/``) marks, one end of
    it the home page (a boilerplate phrase: 'Home', 'الرئيسية'; right to left it is the last)."""
    if ">" not in text and "›" not in text and "»" not in text and "<" not in text and "/" not in text:
        return False
    if "‹" not in text and "«" not in text and _CRUMB_SEPARATOR.search(text) is None:
        return False
    steps = _CRUMB_SEPARATOR.split(text)
    if len(steps) < 2 or not all(
        1 <= len(step.split()) <= settings.menu_item_max_words and not _SENTENCE_END.search(step)
        for step in steps
    ):
        return False
    return phrase_key(steps[0]) in rules.boilerplate or phrase_key(steps[-1]) in rules.boilerplate


#: A page break's mark is a few tokens ('1 of 3 12/3/25, 9:41 AM', a URL and '1/2').
_PAGE_BREAK_MAX_TOKENS = 12
#: A page counter: 'N of M', 'N/M', 'N من M' (a short word or a slash between two numbers).
_PAGE_COUNTER = re.compile(r"(?<!\d)(\d{1,3})\s*(?:/|[^\W\d_]{1,4})\s*(\d{1,3})(?!\d)")


def _last_page(text: str) -> bool:
    """A page break's mark counting the last page ('Page 2 of 2', 'https://... 3/3'); the URL's
    own numbers are not read."""
    rest = " ".join(token for token in text.split() if "://" not in token and not token.startswith("www."))
    found = _PAGE_COUNTER.search(rest)
    return found is not None and int(found[1]) == int(found[2])


def _count_line(text: str) -> bool:
    """A reaction or view-count row ("❤️ 120 👍 45", "🔁 3 💬 1.2K"): counts and symbol
    characters only, at least one of each. Read by character class, so no emoji is listed."""
    if _NOT_COUNT.search(text) is not None:
        return False
    rest = _COUNT.sub(" ", text)
    if rest == text:
        return False
    marks = "".join(rest.split())
    return bool(marks) and all(unicodedata.category(char) in _COUNT_MARKS for char in marks)


def _widget_row(text: str, boilerplate: frozenset[str]) -> bool:
    """A row of widget buttons on one line, each a boilerplate phrase ("Print | Email",
    "طباعة | إرسال لصديق"): furniture however few its items."""
    if "|" not in text and "·" not in text and "•" not in text:
        return False
    items = _MENU_SEPARATOR.split(text)
    return len(items) > 1 and all(phrase_key(item) in boilerplate for item in items)


def _menu_line(text: str, settings: SegmentSettings) -> bool:
    """A navigation menu or widget row written on one line ("Home | World | Sport",
    "Like · Reply · Share"): several short items between separator marks."""
    if settings.menu_min_items > 1 and "|" not in text and "·" not in text and "•" not in text:
        return False  # one item only (the split below needs a separator mark)
    items = _MENU_SEPARATOR.split(text)
    return len(items) >= settings.menu_min_items and all(
        1 <= len(item.split()) <= settings.menu_item_max_words and not _SENTENCE_END.search(item)
        for item in items
    )


#: What may follow a byline's name or a date on one line: ' | ', ' · ', ' - ' ...
_TAIL_SEPARATOR = re.compile(r"\s+[|·•–—-]\s+")
#: A bare name and its outlet: ' | ', ' · ' or a comma ('PLACE - OUTLET' is a dateline).
_NAME_TAIL = re.compile(r"\s+[|·•]\s+|\s*[,،]\s+")


def _furniture(text: str, rules: SegmentRules) -> bool:
    """A boilerplate phrase or a match of a boilerplate pattern ('3 min read', 'طباعة'), or
    symbols only (a post's audience icon: 'DATE · 🌍')."""
    if text.strip() and all(unicodedata.category(c) in _ICON_MARKS for c in "".join(text.split())):
        return True
    return phrase_key(text) in rules.boilerplate or rules.tables.boilerplate.any(text)


#: The character classes of an icon standing for a word (symbols, their joiners and variation
#: selectors).
_ICON_MARKS = frozenset({"So", "Sk", "Mn", "Cf"})


def _byline_tail(tail: str, rules: SegmentRules, settings: SegmentSettings) -> tuple[str, str] | None:
    """What a byline's text after its name is when it is no date: a known outlet ('source'),
    furniture such as a reading time ('furniture'), or a place of a few words ('place');
    None for anything else (the line is then no byline)."""
    key = phrase_key(tail)
    if key in rules.outlets:
        return "source", tail
    if _furniture(tail, rules):
        return "furniture", tail
    if (
        len(tail.split()) <= settings.dateline_max_words
        and not _HAS_DIGIT.search(tail)
        and not _NAME_STOP.search(tail)
        and key not in rules.sections
    ):
        return "place", tail
    return None


def _date_with_furniture(text: str, rules: SegmentRules, day_first: bool) -> DateMatch | None:
    """A date line with furniture after it on the same line ('May 2, 2025 · 3 min read',
    '2 مايو 2025 | طباعة'): the date, when every other part is boilerplate."""
    if _TAIL_SEPARATOR.search(text) is None:
        return None
    parts = _TAIL_SEPARATOR.split(text)
    if all(_furniture(part, rules) for part in parts[1:]):
        return match_date_line(parts[0], day_first=day_first)
    # furniture before the date ('38K views · Dec 1, 2026'): the last part the date
    if len(parts) > 1 and all(_furniture(part, rules) for part in parts[:-1]):
        return match_date_line(parts[-1], day_first=day_first)
    return None


def _icon_tail(text: str) -> bool:
    """A date line's furniture after it is an icon ('DATE · 🌍', a social post's audience)."""
    tail = _TAIL_SEPARATOR.split(text)[-1]
    return bool(tail.strip()) and all(unicodedata.category(c) in _ICON_MARKS for c in "".join(tail.split()))


def _dated_header(text: str, rules: SegmentRules, day_first: bool) -> DateMatch | None:
    """The date of a header line around it (``dated_header_patterns``): its 'date' group a date
    line, its 'name' group (when the pattern has one) a known outlet."""
    for pattern in rules.dated_header_patterns:
        match = pattern.search(text)
        if match is None:
            continue
        if "name" in pattern.groupindex and phrase_key(match.group("name")) not in rules.outlets:
            continue
        date = match_date_line(match.group("date").strip(), day_first=day_first)
        if date is None:
            date = _date_with_furniture(match.group("date").strip(), rules, day_first)
        if date is not None:
            return date
    return None


def _name_shape(text: str, words: int, settings: SegmentSettings) -> bool:
    """Shaped like a bare personal name, ``words`` long: a few words, no digit or stop mark,
    Latin words capitalised and not too many of them ("Iraqi Ulama Facing Tough Task" is a
    headline in title case)."""
    s = settings
    if not 1 <= words <= s.name_max_words or len(text) > s.name_max_chars:
        return False
    if _HAS_DIGIT.search(text) or _NAME_STOP.search(text):
        return False
    latin = [w for w in text.split() if w[:1].isascii() and w[:1].isalpha()]
    if latin and not all(w[0].isupper() for w in latin):
        return False
    if len(latin) > s.name_max_latin_words:
        return False
    return words >= s.name_min_latin_words or not latin


def _name_shaped(text: str, rules: SegmentRules, settings: SegmentSettings) -> bool:
    """A bare personal name by its shape alone, no word of it one a name never has (the test of
    :attr:`Line.name_like` on a part of a line)."""
    return rules.not_name_words.isdisjoint(phrase_key(text).split()) and _name_shape(
        text, len(text.split()), settings
    )


def _name_and_outlet(text: str, rules: SegmentRules, settings: SegmentSettings) -> tuple[str, str] | None:
    """A bare byline naming the author and then a known outlet ('Jane Doe | Reuters',
    'سلمى يوسف | رويترز', 'Jane Doe, Reuters'): (name, outlet)."""
    mark = _NAME_TAIL.search(text, 1)
    if mark is None or mark.start() > settings.name_max_chars:
        return None
    name, outlet = text[: mark.start()], text[mark.end() :]
    if len(outlet) > settings.name_max_chars or _NAME_TAIL.search(outlet) is not None:
        return None
    if phrase_key(outlet) not in rules.outlets or not _name_shaped(name, rules, settings):
        return None
    return name, outlet


def _byline(
    patterns: PatternList, text: str, settings: SegmentSettings, rules: SegmentRules
) -> tuple[str, str, tuple[tuple[str, str], ...], str | None] | None:
    """(role, name, further credits, outlet) from a byline: role ``name`` is the author, others
    fill meta when an author exists; a sign-off naming several roles ('Reporting by X; Editing
    by Y') gives the first as (role, name), the rest as credits (always meta); a ``source``
    group is the outlet named after the author ('By NAME | OUTLET'), at most
    ``byline_source_max_words`` words, no sentence and no section name ('By NAME | Opinion')."""
    found = patterns.first(text)
    if found is None:
        return None
    match, name = found
    if name.endswith(".") and len(name.split()) <= settings.byline_strip_stop_words:
        name = name[:-1]
    role = next(group for group in match.re.groupindex if group not in ("date", "source"))
    most = settings.byline_max_words if role == "name" else settings.credit_max_words
    if len(name.split()) > most or _SENTENCE_END.search(name):
        return None
    source = (match.groupdict().get("source") or "").strip() or None
    if source is not None and (
        len(source.split()) > settings.byline_source_max_words
        or _SENTENCE_END.search(source)
        or phrase_key(source) in rules.sections
    ):
        return None
    if source is None and role == "name" and "," in name:
        head, _, tail = name.rpartition(",")
        if phrase_key(tail) in rules.outlets:  # 'By Jane Doe, Reuters'
            name, source = head.strip(), tail.strip()
    credits = tuple(
        (group, value.strip())
        for group, value in match.groupdict().items()
        if group not in ("date", "source", role) and value and value.strip()
    )
    return role, name, credits, source


def _mark_blocks(lines: list[Line], settings: SegmentSettings) -> None:
    """Group lines that touch (no blank line between) and flag short caption-like blocks.

    A block of two or three lines holding a caption cue makes its short lines captions;
    a block of exactly two short lines neither of which is a sentence is a caption
    (image alt text above its caption, an author box) -- unless one of them is quoted
    (a quoted tweet or slogan is body text) or it is a headline with a section line over or
    under it.
    """
    block = 0
    for i, line in enumerate(lines):
        if i == 0 or line.number != lines[i - 1].number + 1:
            block += 1
        line.adjacent_block = block
    by_block: dict[int, list[Line]] = {}
    for line in lines:
        by_block.setdefault(line.adjacent_block, []).append(line)
    for members in by_block.values():
        size = len(members)
        for line in members:
            line.block_size = size
        if size < 2 or size > settings.caption_block_max_lines:
            continue
        if any(m.kind not in (Kind.TEXT, Kind.CAPTION, Kind.SECTION) for m in members):
            continue
        if any(m.kind is Kind.CAPTION for m in members):
            for m in members:
                if m.kind is Kind.TEXT and m.words <= settings.caption_max_words:
                    m.kind, m.cue = Kind.CAPTION, "short line in a block with a caption cue"
        elif (
            size == 2
            and all(m.words <= settings.caption_pair_max_words and not m.sentence for m in members)
            and not any(m.quoted for m in members)
            and not (members[0].title_like and members[1].section_like and not members[1].name_like)
            and not (members[0].section_like and not members[0].name_like and members[1].title_like)
        ):
            for m in members:
                m.block_caption = True
                m.cue = "two touching short lines (image alt text and caption)"


_HEADER_CUES = (Kind.DATE, Kind.BYLINE, Kind.POSTER, Kind.SOURCE, Kind.OUTLET)
#: A running header has a few words (one or two letterhead words may be a subheading's).
_RUNNING_HEADER_MIN_WORDS = 3


def _mark_relative_dates(lines: list[Line], rules: SegmentRules) -> None:
    """On a page that dates nothing absolutely, its relative date lines ('2 hours ago', 'منذ 3
    ساعات', 'أمس') are its date lines: each gives its article a date_text and no date (the day
    depends on when the page was read). Where any line gives a date, relative times are the
    furniture of lists and comments around the dated articles, classified as before."""
    if any(line.kind is Kind.DATE for line in lines):
        return
    for line in lines:
        if line.words > _RELATIVE_MAX_WORDS or line.kind not in _RELATIVE_KINDS:
            continue
        if (date := match_relative_date(line.text)) is not None:
            line.kind, line.date = Kind.DATE, date
            line.comment_date = rules.tables.comment_date.any(line.text)
            line.cue = "relative date line on a page with no absolute date: the day is unknown"


#: What a relative date line is on its own: boilerplate ('2 hours ago') or text ('Yesterday').
_RELATIVE_KINDS = frozenset({Kind.BOILERPLATE, Kind.TEXT})


def _mark_masthead(lines: list[Line], rules: SegmentRules, settings: SegmentSettings) -> None:
    """The dump's opening block is a channel's profile or a newsletter's masthead (its name,
    description, subscriber count, invite link, issue date and number, greeting) when one of
    its short lines has a masthead cue: every line of it is furniture, none a headline or a date."""
    if not lines or not rules.masthead_patterns:
        return
    block = [line for line in lines if line.adjacent_block == lines[0].adjacent_block]
    long_block = len(block) > settings.masthead_max_lines
    if long_block:
        block = block[: settings.masthead_max_lines]
    cued = [
        line
        for line in block
        if line.words <= settings.masthead_line_max_words
        and any(p.search(line.text) for p in rules.masthead_patterns)
    ]
    if not cued:
        return
    if long_block:
        # A menu under the masthead with no blank line between: the masthead is the block's
        # lines down to its last masthead line ('Sign in | Subscribe'), the menu stays as it is.
        block = block[: block.index(cued[-1]) + 1]
    last_cued = max(block.index(line) for line in cued)
    if any(line.kind in _HEADER_CUES and line not in cued and i > last_cued for i, line in enumerate(block)):
        return  # an article's header (a date or byline of its own): a page header over an article
    # A date above the block's account links ('Friday, December 4, 2026' over 'Sign in |
    # Subscribe') is the date of the day in the masthead, not an article's.
    for line in block:
        line.kind, line.date = Kind.BOILERPLATE, None
        line.cue = (
            "the dump's opening block with a masthead line (a channel's profile, a newsletter's masthead)"
        )


def _mark_ads(lines: list[Line], rules: SegmentRules, settings: SegmentSettings) -> None:
    """An advertisement label ('Sponsored') opening a short block: the block's other lines are
    the advertisement (its blurb and 'Learn more'), unless one is an article's header line.
    An author bio label ('About the author') marks the lines under it in its block the same way."""
    for i, line in enumerate(lines):
        if line.key in rules.bio_labels:
            _mark_bio(lines, i, settings)
            continue
        if line.key not in rules.ad_labels or (i > 0 and lines[i - 1].adjacent_block == line.adjacent_block):
            continue
        block = _box_under(lines, i, settings)
        if block is None or line.block_size > settings.ad_block_max_lines:
            continue
        line.kind = Kind.BOILERPLATE
        for m in block:
            m.kind, m.cue = Kind.BOILERPLATE, "in the short block an advertisement label opens"


#: Lines that make a block an article's header, not a box of furniture under a label.
_BOX_BREAKERS = (Kind.DATE, Kind.BYLINE, Kind.POSTER, Kind.SOURCE)


def _box_under(lines: list[Line], i: int, settings: SegmentSettings) -> list[Line] | None:
    """The lines under a box's label (line ``i``: an advertisement or author bio label) in its
    block, at most ``ad_block_max_lines`` of them; None when there are none or one is an
    article's header line (a date, byline, poster or source: the box is then no box)."""
    block = [
        m
        for m in lines[i + 1 : i + settings.ad_block_max_lines + 1]
        if m.adjacent_block == lines[i].adjacent_block
    ]
    if not block or any(m.kind in _BOX_BREAKERS for m in block):
        return None
    return block


def _mark_bio(lines: list[Line], i: int, settings: SegmentSettings) -> None:
    """The bio box an author bio label (line ``i``) heads: it and the lines under it in its
    block (the writer's bio, 'Follow X'), at most ``ad_block_max_lines`` of them, are boilerplate
    -- unless one is an article's header line (the box is then no box)."""
    label = lines[i]
    block = _box_under(lines, i, settings)
    if block is None:
        return
    label.kind, label.cue = Kind.BOILERPLATE, "author bio label ('About the author')"
    for m in block:
        m.kind, m.cue = Kind.BOILERPLATE, "in the author bio box under its label"


def _above_start(lines: list[Line], i: int) -> bool:
    """Line ``i`` stands above an article's first line: the next line but set-aside ones is a date
    line with a headline-shaped line under it (a channel's name over each of its posts)."""
    j = i + 1
    while j < len(lines) and lines[j].kind is Kind.BOILERPLATE:
        j += 1
    return j + 1 < len(lines) and lines[j].kind is Kind.DATE and lines[j + 1].title_like


def _mark_social(lines: list[Line], rules: SegmentRules, settings: SegmentSettings) -> None:
    """Social, forum and results pages: set aside what a post's or a reply's layout says it is
    before the walk (:attr:`Line.aside`): a quoted post under its label, a reply's header (it
    opens a comment section), an account's name over a post's header, a forum user card and a
    signature under its separator."""
    social = rules.social
    n = len(lines)
    keys: set[str] = set()
    # each rule is asked only about the lines a cheap test lets through (most lines are none)
    for i, line in enumerate(lines):
        touching = i + 1 < n and lines[i + 1].number == line.number + 1
        if line.kind is Kind.TEXT and touching:
            below = lines[i + 1]
            if (
                line.words <= _COUNTER_MAX_WORDS
                and below.kind is Kind.DATE
                and any(p.fullmatch(line.text) for p in social.post_counters)
            ):
                line.aside = ("boilerplate", "a post's counter in a thread ('#2') over its date line")
                continue
            if below.kind is Kind.BOILERPLATE or ":" in below.text:
                _mark_user_card(lines, i, social)
        if line.aside is None:
            if line.kind is Kind.DATE or line.text.find(":", 0, _REPLY_LABEL_MAX_CHARS) >= 0:
                _mark_reply(lines, i, social, keys)
            if line.key in social.quote_labels:
                _mark_quoted_post(lines, i, social)
            if i + 1 < n and lines[i + 1].post_header:
                _mark_post_name(lines, i, settings)
        if line.key:
            keys.add(line.key)
    for i, line in enumerate(lines):
        if line.kind is Kind.SEPARATOR:
            _mark_signature(lines, i, settings)
        elif line.kind is Kind.DATE:
            _mark_video_title(lines, i, rules, settings)
        elif line.kind is Kind.TEXT and i + 1 < n and lines[i + 1].number == line.number + 1:
            below = lines[i + 1]
            if below.kind is Kind.DATE or (
                below.text.find(" — ", 0, _SNIPPET_DATE_MAX_CHARS + 3) >= 0
                or below.text.find(" - ", 0, _SNIPPET_DATE_MAX_CHARS + 3) >= 0
            ):
                _mark_result(lines, i, rules, settings)
        if line.key in social.box_labels:
            _mark_box(lines, i, social, settings)
        if line.text[0] in "0(":
            _mark_chapters(lines, i)


#: A post counter is a word or three ('#2', 'المشاركة رقم 2'); a reply's title opens with a
#: label of a few characters before its colon ('Re:', 'رد:').
_COUNTER_MAX_WORDS = 3
_REPLY_LABEL_MAX_CHARS = 10


def _mark_box(lines: list[Line], i: int, social: SocialRules, settings: SegmentSettings) -> None:
    """A pop-up box's label ('Original text', a translator's) and the lines under it in its block."""
    if lines[i].key not in social.box_labels or lines[i].aside is not None:
        return
    block = _box_under(lines, i, settings)
    if block is None:
        return
    for m in (lines[i], *block):
        m.aside = ("boilerplate", "a translator's pop-up box ('Original text') and its lines")


#: A time code opening a chapter line ('00:00 Intro', '1:02:15 Q&A', '(03:20) ...').
_CHAPTER = re.compile(r"\(?(?:\d{1,2}:)?\d{1,2}:\d{2}\)?\s+\S.{0,80}")
_FIRST_CHAPTER = re.compile(r"\(?(?:0{1,2}:)?0{1,2}:00\)?\s")


def _mark_chapters(lines: list[Line], i: int) -> None:
    """A video's or episode's chapter list: touching lines, each a time code and a title, the
    first at 00:00 (chapters start at the beginning), at least two: navigation, not body."""
    if not _FIRST_CHAPTER.match(lines[i].text) or (i > 0 and _CHAPTER.fullmatch(lines[i - 1].text)):
        return
    run = [lines[i]]
    while _touching(lines, i + len(run) - 1) and _CHAPTER.fullmatch(lines[i + len(run)].text):
        run.append(lines[i + len(run)])
    if len(run) < 2 or not _CHAPTER.fullmatch(lines[i].text):
        return
    for m in run:
        m.aside = ("boilerplate", "a chapter list (time codes from 00:00)")


def _dated_snippet(line: Line) -> str | None:
    """A result's snippet opening with its time ('3 hours ago — ...', 'منذ 3 ساعات — ...',
    'Dec 3, 2026 — ...'): a date, a dash, then text of a body's length. ``relative`` or
    ``absolute`` (the date's kind), None for any other line."""
    head, dash, rest = line.text.partition(" — ")
    if not dash:
        head, dash, rest = line.text.partition(" - ")
    if not dash or len(head) > _SNIPPET_DATE_MAX_CHARS:
        return None
    if len(rest.split()) < line.settings.body_min_words:
        return None
    if match_relative_date(head) is not None:
        return "relative"
    return "absolute" if match_date_line(head) is not None else None


#: A snippet's opening date is a few words ('3 hours ago', 'Dec 3, 2026').
_SNIPPET_DATE_MAX_CHARS = 30


def _mark_result(lines: list[Line], i: int, rules: SegmentRules, settings: SegmentSettings) -> None:
    """A search or aggregator result: a headline-shaped line over its dated snippet is its
    title; the short lines right over it (the site's name, its URL breadcrumb) are furniture,
    and so is a short line standing alone a blank line above them after furniture (a section
    label between results)."""
    title = lines[i]
    if title.kind is not Kind.TEXT or not title.title_like or title.aside is not None:
        return
    if not _touching(lines, i):
        return
    below = lines[i + 1]
    if below.kind is Kind.DATE and below.date is not None and below.date.date is None:
        # an aggregator's item: its time of its own under the title ('منذ ساعتين'); a known
        # outlet's name right over the title is the item's site line
        if i > 0 and lines[i - 1].kind is Kind.OUTLET and lines[i - 1].number + 1 == title.number:
            lines[i - 1].aside = ("boilerplate", "a result's site name over its title and its time")
        return
    snippet = _dated_snippet(below)
    if snippet is None:
        return
    title.headline_cue = "a result's title over its dated snippet ('3 hours ago — ...')"
    # a news lead may open with its date too ('Dec 3, 2026 — ...'): a category line over such a
    # headline is no site name unless a URL line stands with it (a relative time is a result's)
    above = [m for m in lines[max(0, i - 2) : i] if m.number + 2 >= title.number]
    if snippet == "absolute" and not any(m.kind is Kind.BOILERPLATE for m in above):
        return
    j = i
    while j > 0 and i - j < 2 and lines[j - 1].number + 1 == lines[j].number:
        head = lines[j - 1]
        short = head.kind in (Kind.TEXT, Kind.OUTLET) and not head.sentence
        if not (short and head.words <= settings.post_name_max_words) and head.kind is not Kind.BOILERPLATE:
            break
        head.aside = ("boilerplate", "a result's site name or URL over its title")
        j -= 1
    label = lines[j - 1] if j > 0 else None
    if (
        label is not None
        and label.kind is Kind.TEXT
        and label.words <= settings.section_max_words
        and not label.sentence
        and label.number + 1 < lines[j].number
        and j > 1
        and lines[j - 2].number + 1 < label.number
        and lines[j - 2].kind is Kind.BOILERPLATE
    ):
        label.aside = ("boilerplate", "a section label standing alone between results")


def _mark_video_title(lines: list[Line], i: int, rules: SegmentRules, settings: SegmentSettings) -> None:
    """A video page's header: a date line carrying furniture before its date ('38K views · Dec 1,
    2026') under a block of the channel's furniture (name, subscriber count, buttons): the
    headline-shaped line opening that block is the title, the short lines in it are furniture."""
    line = lines[i]
    if line.kind is not Kind.DATE or line.date is None or line.byline_date or line.name is not None:
        return
    parts = _TAIL_SEPARATOR.split(line.text)
    if len(parts) < 2 or not all(_furniture(part, rules) for part in parts[:-1]):
        return  # not furniture before the date ('38K views · DATE'; a byline's 'NAME | DATE' is not)
    j, short = i, list[Line]()
    while j > 0 and lines[j - 1].number + 1 == lines[j].number and i - j <= settings.ad_block_max_lines * 2:
        above = lines[j - 1]
        if above.kind is Kind.BOILERPLATE or above.aside is not None:
            j -= 1
            continue
        if above.kind is not Kind.TEXT or above.sentence:
            return
        if j - 1 == 0 or lines[j - 2].number + 1 < above.number:
            if above.title_like and short:
                above.headline_cue = "a video's title over its channel's block and its 'N views · DATE' line"
                for m in short:
                    m.aside = ("boilerplate", "in a video page's channel block (name, counts)")
            return
        if above.words > settings.post_name_max_words:
            return
        short.append(above)
        j -= 1


def _touching(lines: list[Line], i: int) -> bool:
    """Line ``i + 1`` exists and stands right under line ``i`` (no blank line between)."""
    return i + 1 < len(lines) and lines[i + 1].number == lines[i].number + 1


def _mark_quoted_post(lines: list[Line], i: int, social: SocialRules) -> None:
    """A quote label ('Quote') right over a post's header: the label, the header and the text
    under it (up to its counts or a blank line) are another account's post shown as an embed."""
    label = lines[i]
    if label.key not in social.quote_labels or not _touching(lines, i) or not lines[i + 1].post_header:
        return
    if label.kind is Kind.TEXT:
        label.kind, label.cue = Kind.BOILERPLATE, "quote label over a quoted post"
    j = i + 1
    while j < len(lines) and (j == i + 1 or lines[j].kind is Kind.TEXT):
        lines[j].aside = ("boilerplate", "a quoted post under its label ('Quote'): another account's")
        if not _touching(lines, j):
            break
        j += 1


def _mark_reply(lines: list[Line], i: int, social: SocialRules, keys: set[str]) -> None:
    """A reply: a post's header with a reply marker under it ('Replying to @x'), or a forum
    post titled as a reply to an earlier line ('Re: TITLE', the date line right above it too):
    its first line opens a comment section (the reply and those after it are comments)."""
    line = lines[i]
    cue = None
    if line.kind is Kind.DATE and _touching(lines, i) and social.reply_marker(lines[i + 1].text):
        cue = "a reply's header: a reply marker ('Replying to @x') under it"
        lines[i + 1].aside = ("comment", "a reply marker ('Replying to @x')")
    elif (title := social.reply_title(line.text)) is not None and phrase_key(title) in keys:
        # a forum post's header: its date line right above the title, or its date or poster
        # line right under it ('Re: TITLE', 'by x » DATE')
        above = lines[i - 1] if i > 0 else None
        if above is not None and above.kind is Kind.DATE and above.number + 1 == line.number:
            above.aside = ("comment", "the date line of a reply ('Re: TITLE' under it)")
        elif not (_touching(lines, i) and lines[i + 1].kind in (Kind.DATE, Kind.POSTER, Kind.BYLINE)):
            return
        cue = "a reply's title ('Re: TITLE'): a reply to an earlier post"
    if cue is not None:
        line.aside = ("comment", cue)


def _mark_post_name(lines: list[Line], i: int, settings: SegmentSettings) -> None:
    """The short line over a social post's header (an account's or page's display name, or a
    feed's tab label between furniture and the post) is no headline: the post's text is under
    its header. It must touch the header, or stand after furniture a blank line above it."""
    if i + 1 >= len(lines) or not lines[i + 1].post_header:
        return
    line = lines[i]
    if line.kind is not Kind.TEXT or line.sentence or line.words > settings.post_name_max_words:
        return
    if not _touching(lines, i) and (i == 0 or lines[i - 1].kind is not Kind.BOILERPLATE):
        return
    line.aside = ("boilerplate", "an account's name or a tab label over a social post's header")


def _mark_user_card(lines: list[Line], i: int, social: SocialRules) -> None:
    """A forum user card: a name right over furniture lines (a rank, 'Join Date: ...'), two of
    them or more profile lines ('Posts: 2,431'): the poster's card, not the post's author line."""
    line, most = lines[i], lines[i].settings.name_max_words
    if line.kind is not Kind.TEXT or line.sentence or line.words > most or not social.profile_patterns:
        return
    card: list[Line] = []
    while _touching(lines, i + len(card)):
        below = lines[i + 1 + len(card)]
        if below.kind is not Kind.BOILERPLATE and not (
            below.kind is Kind.TEXT and any(p.search(below.text) for p in social.profile_patterns)
        ):
            break
        card.append(below)
    if sum(1 for m in card if any(p.search(m.text) for p in social.profile_patterns)) < 2:
        return
    line.aside = ("boilerplate", "a poster's name over their profile lines (a forum's user card)")
    for m in card:
        if m.kind is Kind.TEXT:
            m.kind, m.cue = Kind.BOILERPLATE, "a profile line of a forum's user card"


#: A forum signature's separator: a line of underscores (vBulletin's).
_SIGNATURE_SEPARATOR = re.compile(r"_{5,}")


def _mark_signature(lines: list[Line], i: int, settings: SegmentSettings) -> None:
    """A signature: a few short lines right under a separator line that itself stands right under
    a post's text, with furniture (the next post's counter) or the page's end after them."""
    line = lines[i]
    if line.kind is not Kind.SEPARATOR or not _SIGNATURE_SEPARATOR.fullmatch(line.text):
        return
    if i == 0 or lines[i - 1].number + 1 != line.number or not _touching(lines, i):
        return
    block = [lines[i + 1]]
    while _touching(lines, i + len(block)) and len(block) <= settings.signature_max_lines:
        block.append(lines[i + 1 + len(block)])
    after = i + 1 + len(block)
    if len(block) > settings.signature_max_lines or any(
        m.kind is not Kind.TEXT or m.body_like for m in block
    ):
        return
    if after < len(lines) and lines[after].kind is not Kind.BOILERPLATE and lines[after].aside is None:
        return
    for m in block:
        m.aside = ("boilerplate", "a signature under its separator at a post's end")


def _learn_furniture(lines: list[Line], settings: SegmentSettings) -> None:
    """Lines whose text recurs in this dump are site furniture; most often after body text, footers.

    Furniture stands among different text each time (a footer after each article's own last
    paragraph, a slogan before each title); a line whose neighbours repeat with it, verbatim
    or nearly, is part of a copied block (the same article twice in one dump) and is left to
    the walk.
    """
    seen: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line.kind is not Kind.TEXT or not line.key or len(line.text) > settings.furniture_max_chars:
            continue
        if i > 0 and line.section_like and lines[i - 1].title_like:
            continue  # a category line under a headline repeats by nature
        if (
            line.name_like
            and any(
                other.kind in (Kind.DATE, Kind.BYLINE, Kind.POSTER) for other in lines[max(0, i - 2) : i + 3]
            )
            and not _above_start(lines, i)
        ):
            continue  # an author's name in article headers repeats by nature
        seen.setdefault(line.key, []).append(i)
    for where in seen.values():
        if len(where) < settings.furniture_min_count:
            continue
        if _distinct_contexts(lines, where, settings) < settings.furniture_min_count:
            continue
        after_body = sum(
            1 for i in where if i > 0 and lines[i - 1].kind is Kind.TEXT and lines[i - 1].body_like
        )
        footer = after_body >= settings.footer_min_share * len(where)
        for i in where:
            line = lines[i]
            line.kind, line.repeats, line.footer = Kind.FURNITURE, len(where), footer
            what = "a footer (after body text)" if footer else "furniture"
            line.cue = f"repeated {len(where)} times in this dump: {what}"


def _key_words(key: str) -> set[str]:
    """The words of a phrase key (no lone dashes or symbols)."""
    return {w for w in key.split() if any(c.isalnum() for c in w)}


def _similar(a: frozenset[str], b: frozenset[str], threshold: float) -> bool:
    if not a and not b:
        return True
    return len(a & b) >= threshold * len(a | b)


def _distinct_contexts(lines: list[Line], where: list[int], settings: SegmentSettings) -> int:
    """In how many different surroundings a repeated line stands (counted up to the minimum).

    Two occurrences stand in the same surroundings when the lines above are alike and the
    lines below are alike (word overlap at least ``furniture_context_similarity``).
    """
    words: dict[int, frozenset[str]] = {}

    def around(j: int) -> frozenset[str]:
        if not 0 <= j < len(lines):
            return frozenset()
        if j not in words:
            words[j] = frozenset(lines[j].text[: settings.cue_max_chars].casefold().split())
        return words[j]

    seen: list[int] = []
    threshold = settings.furniture_context_similarity
    for i in where:
        above, below = around(i - 1), around(i + 1)
        if not any(
            _similar(above, around(j - 1), threshold) and _similar(below, around(j + 1), threshold)
            for j in seen
        ):
            seen.append(i)
            if len(seen) >= settings.furniture_min_count:
                break
    return len(seen)


def _same_title(a: str, b: str, settings: SegmentSettings) -> bool:
    if len(a) > settings.same_title_max_chars or len(b) > settings.same_title_max_chars:
        return False
    key = phrase_key(a)
    return bool(key) and key == phrase_key(b)


@attrs.define
class _Draft:
    """An article being assembled."""

    first_line: int
    title: str = ""
    title_line: int | None = None
    date: DateMatch | None = None
    author: str | None = None
    author_from_poster: bool = False
    source: str | None = None
    source_from_dateline: bool = False
    meta: dict[str, Any] = attrs.Factory(dict)
    paragraphs: list[str] = attrs.Factory(list)
    seen: set[str] = attrs.Factory(set)
    lines: list[int] = attrs.Factory(list)
    dropped: list[tuple[Line, str]] = attrs.Factory(list)
    in_body: bool = False


#: A time of day in a date line ('15 November 2025 09:12', '... - ١١:٢٠').
_TIME_OF_DAY = re.compile(r"(?<!\d)\d{1,2}[:٫]\d{2}(?!\d)")
#: The count in a comment heading ('Reader comments (2)', 'تعليقات الزوار (٣)'), digits made ASCII,
#: and how many of the comments it counts must show (a name over a dated line) to open the section.
_COUNT_IN = re.compile(r"[0-9]+")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NAMED_COMMENTS = 2
_PRINT_HEADER_CUE = "browser print header: the page's title with a time stamp or its URL"
#: A print header's page title cut short by the browser still names the headline from this many
#: characters on.
_CUT_TITLE_MIN = 20


class _Walker:
    """The second pass: find titles, fill articles, account for every line."""

    def __init__(self, lines: list[Line], path: str, rules: SegmentRules, settings: SegmentSettings):
        self.lines = lines
        self.path = path
        self.rules = rules
        self.settings = settings
        self.articles: list[_Draft] = []
        self.loose: list[tuple[Line, str]] = []
        self.current: _Draft | None = None
        self.separator = True
        self.related = False
        self.comments = False
        self.leading: Line | None = None
        self.kicker: Line | None = None
        #: The words of the short lines set aside as site furniture so far (a letterhead's).
        self.aside_words: set[str] = set()
        self.writer: Line | None = None
        #: Whether a writer's name opened by an honorific stands above a headline on this page.
        self._writers_page: bool | None = None
        self.layout = self._layout_page()

    # -- look-ahead cues ------------------------------------------------------------
    def _skippable(self, line: Line) -> bool:
        return (
            line.kind in (Kind.CAPTION, Kind.SECTION)
            or line.block_caption
            or line.name_like
            or line.aside is not None
        )

    def _header_cue(self, k: int) -> Line | None:
        """The first header cue after line ``k``, skipping captions, name lines and share rows.

        Furniture (a share row, a relative time) may stand between a headline and its
        byline, but a date after furniture starts the next post of a feed, so it is no cue --
        unless headline, furniture and date touch, one header block without a blank line
        (``N minute read`` between a wire headline and its date).
        """
        furniture = False
        for offset, line in enumerate(self._window(k), start=1):
            if line.kind in _HEADER_CUES:
                block = line.number - self.lines[k].number == offset
                return None if furniture and line.kind is Kind.DATE and not block else line
            if line.kind is Kind.BOILERPLATE:
                furniture = True
            elif not self._skippable(line):
                return None
        return None

    def _window(self, k: int) -> list[Line]:
        return self.lines[k + 1 : k + 1 + self.settings.header_lookahead]

    def _date_above_next(self, j: int) -> bool:
        """Date line ``j`` stands directly above another headline that body follows: it is that
        headline's date (a blog's date header), not a cue for the line above it (a blog name)."""
        if j + 1 >= len(self.lines):
            return False
        below = self.lines[j + 1]
        if self._session(below) and self._headline_above(j):
            return False  # a session line under a headline's date: the report's header goes on
        return (
            below.number == self.lines[j].number + 1
            and below.kind is Kind.TEXT
            and below.title_like
            and not below.name_like
            and not below.block_caption
            and self._weak(j + 1)
        )

    def _session(self, line: Line) -> bool:
        """A session or meeting line ('Session of 4 December 2026', 'الجلسة الثانية عشرة')."""
        return (
            line.kind in (Kind.TEXT, Kind.OUTLET, Kind.SECTION)
            and line.words <= self.settings.masthead_line_max_words
            and any(p.search(line.text) for p in self.rules.session_patterns)
        )

    def _headline_above(self, j: int) -> bool:
        """A headline-shaped text line touches line ``j`` from above."""
        if j == 0:
            return False
        above = self.lines[j - 1]
        return above.number + 1 == self.lines[j].number and above.kind is Kind.TEXT and above.title_like

    def _strong(self, k: int) -> bool:
        title = self.lines[k]
        for j, line in enumerate(self._window(k), start=k + 1):
            if line.kind in _HEADER_CUES:
                if line.kind is Kind.DATE and (self._date_above_next(j) or line.post_header):
                    return False  # another headline's date; a post's header (its text is under it)
                return not (self.comments and line.comment_date)
            if line.kind is Kind.TEXT and _same_title(line.text, title.text, self.settings):
                return True
            if self._skippable(line):
                continue
            cue = self._header_cue(k)
            if cue is None:
                return False
            # a date over furniture above another headline is that headline's (a channel's name,
            # 'Forwarded from X', then the forwarded post's date and first line)
            at = next(i for i, other in enumerate(self._window(k), start=k + 1) if other is cue)
            return not (cue.kind is Kind.DATE and (self._date_above_next(at) or cue.post_header))
        return False

    def _next_cue(self, k: int) -> Line | None:
        """The first header cue after line ``k``, skipping captions and name lines."""
        for line in self._window(k):
            if line.kind in _HEADER_CUES:
                return line
            if not self._skippable(line):
                return self._header_cue(k)
        return None

    def _weak(self, k: int) -> bool:
        for j, line in enumerate(self._window(k), start=k + 1):
            body = line.body_like or self._wrapped(j)
            if (self._skippable(line) or line.section_like) and not body:
                continue
            return body
        return False

    def _wrapped(self, j: int) -> bool:
        """Line ``j`` opens a paragraph wrapped over touching lines, as a printed column reads in
        a PDF or an OCR'd e-paper: it opens like a paragraph, and it and the touching text lines
        under it are unfinished up to one that ends a sentence, at least
        :data:`_WRAPPED_MIN_LINES` lines that joined read as a body paragraph (a headline above
        it is followed by body, though no line of it is long)."""
        line = self.lines[j]
        if line.kind is not Kind.TEXT or line.finished or not _opens_paragraph(line.text):
            return False
        words = line.words
        for i in range(j + 1, min(j + _WRAPPED_MAX_LINES, len(self.lines))):
            below = self.lines[i]
            if below.kind is not Kind.TEXT or below.number != self.lines[i - 1].number + 1:
                return False
            words += below.words
            if below.finished:
                return (
                    below.sentence
                    and i - j + 1 >= _WRAPPED_MIN_LINES
                    and words >= self.settings.body_min_words
                )
        return False

    def _body_ahead(self, k: int) -> bool:
        for line in self.lines[k + 1 : k + 1 + self.settings.body_lookahead]:
            if line.body_like:
                return True
            if line.kind in (Kind.BOILERPLATE, Kind.RELATED):
                return False
        return False

    def _layout_title(self, k: int) -> bool:
        """A headline by layout: not continuing the paragraph above, then an optional section
        line, a blank line and a body paragraph."""
        line = self.lines[k]
        if not line.title_like:
            return False
        if k > 0:
            before = self.lines[k - 1]
            if before.number == line.number - 1 and before.section_like and not before.name_like and k > 1:
                before = self.lines[k - 2]  # a category line above the headline
            if not before.finished and (
                before.number == line.number - 1 or before.words >= self.settings.body_min_words
            ):
                return False  # it would continue an unfinished paragraph
        last, j = line, k + 1
        if j < len(self.lines) and self.lines[j].section_like and not self.lines[j].body_like:
            last, j = self.lines[j], j + 1
        if j >= len(self.lines):
            return False
        body = self.lines[j]
        return body.number > last.number + 1 and body.body_like

    def _layout_page(self) -> bool:
        """Whether this page marks its articles by layout only: headlines with header cues are
        rare against headlines standing between blank lines above body text."""
        candidates = cued = 0
        for k, line in enumerate(self.lines):
            if line.kind is not Kind.TEXT or not line.title_like:
                continue
            if self._strong(k):
                cued += 1
            elif self._layout_title(k):
                candidates += 1
        return candidates > 0 and cued < self.settings.layout_max_cue_share * candidates

    def _comments_ahead(self, k: int, *, commenters: bool = True) -> bool:
        """Whether comments follow line ``k``: a comment date (or, when ``commenters``, a commenter line)."""
        for line in self.lines[k + 1 : k + 1 + self.settings.comment_lookahead]:
            if commenters and ((line.kind is Kind.COMMENT and line.name is not None) or line.reply):
                return True
            if line.comment_date and line.kind is Kind.DATE:
                return True
            if line.kind in (Kind.BYLINE, Kind.POSTER):
                return False  # the next article's header
        return False

    def _comment_dated(self, date: Line, k: int) -> bool:
        """In a comment section, date line ``date`` (the header cue of line ``k``, or line ``k``)
        is a comment's: in a comment date form, or with a time of day and no byline near line
        ``k`` (an article's header names its writer; a comment's name stands above its date)."""
        if date.comment_date:
            return True
        if _TIME_OF_DAY.search(date.text) is None:
            return False
        return not any(line.kind in (Kind.BYLINE, Kind.POSTER) for line in self._window(k))

    def _named_comments(self, k: int) -> bool:
        """After comment heading ``k`` that counts its comments, comments follow within
        ``comment_lookahead`` lines: as many as it counts (two at most) short lines each over a
        date with a time of day (a commenter's name and the comment's date), before any byline."""
        count = _COUNT_IN.search(self.lines[k].text.translate(_DIGITS))
        if count is None or int(count[0]) < 1:
            return False
        wanted, found = min(int(count[0]), _NAMED_COMMENTS), 0
        for j in range(k + 2, min(len(self.lines), k + 1 + self.settings.comment_lookahead)):
            line, above = self.lines[j], self.lines[j - 1]
            if line.kind in (Kind.BYLINE, Kind.POSTER):
                return False
            found += (
                line.kind is Kind.DATE
                and _TIME_OF_DAY.search(line.text) is not None
                and above.kind is Kind.TEXT
                and above.title_like
                and above.number + 1 == line.number
            )
            if found >= wanted:
                return True
        return False

    def _post_below(self, k: int) -> bool:
        """Date line ``k`` heads a post, not a comment, even with a time of day: it carries
        furniture after its date (a social post's audience icon, 'DATE · 🌍'), a headline stands
        right under it and a body paragraph right under that (a comment has no headline)."""
        if k + 2 >= len(self.lines):
            return False
        line, title, body = self.lines[k], self.lines[k + 1], self.lines[k + 2]
        return (
            line.date is not None
            and len(line.date.text) < len(line.text.strip())
            and title.number == line.number + 1
            and body.number == title.number + 1
            and title.kind is Kind.TEXT
            and title.title_like
            and body.kind is Kind.TEXT
            and body.words >= self.settings.body_min_words
        )

    def _reply_ahead(self, k: int) -> bool:
        """An action under a comment ('Reply') follows line ``k`` within a header's reach: line
        ``k`` is a commenter's name or a comment's date, not the next article's -- unless a
        comment-section heading comes first ('add comment', '87 comments'): the actions are then
        those of the comments under a new post (a thread after another's comments)."""
        for line in self._window(k):
            if line.reply:
                return True
            if line.kind is Kind.COMMENT_HEAD:
                return False
        return False
        return False

    def _continues(self, k: int) -> bool:
        """Line ``k`` goes on from the line right above it (no blank line between): the next
        item of a numbered list, or the next line of a hard-wrapped paragraph."""
        line, above = self.lines[k], self.lines[k - 1]
        if above.number + 1 != line.number or above.kind is not Kind.TEXT:
            return False
        if _LIST_ITEM.match(line.text) and _LIST_ITEM.match(above.text):
            return True
        return above.words >= self.settings.body_min_words and not above.finished and line.text[:1].islower()

    def _is_title(self, k: int) -> str | None:
        """The cue that makes line ``k`` a headline, or None."""
        if self.lines[k].title_text is not None:
            return "labelled title line ('Title: ...')"
        if self.lines[k].headline_cue is not None:
            return self.lines[k].headline_cue
        if k > 0 and self._continues(k):
            return None
        line = self.lines[k]
        if not line.title_like or line.block_caption:
            return None
        if self.current is not None and not self.current.in_body and line.name_like:
            # A bare name in a header is the author -- unless a byline or, when this article
            # already has its date, a date follows it: then it heads the next article.
            cue = self._next_cue(k)
            if cue is None or cue.kind not in (Kind.BYLINE, Kind.POSTER, Kind.DATE):
                return None
            if cue.kind is Kind.DATE and self.current.date is None:
                return None
        if self.related and self._next_cue(k) is None and (not self._body_ahead(k) or self._in_list(k)):
            return None  # a related headline -- unless a date or byline of its own follows
        listed = self.related and self._in_list(k)
        if listed and (cue := self._next_cue(k)) is not None and cue.kind is Kind.OUTLET:
            return None  # the next item of a list: a tag naming an outlet under it is no header cue
        if self._strong(k):
            cue_line = self._next_cue(k)
            what = cue_line.kind.value if cue_line is not None else "repeat of itself"
            return f"headline shape, header cue follows ({what})"
        if self.separator and self._weak(k):
            return "headline shape after a separator (page start, separator line, furniture), body follows"
        if self.layout and (self.current is None or self.current.in_body) and self._layout_title(k):
            return "layout: headline shape between blank lines, body follows (page without header cues)"
        return None

    def _in_list(self, k: int) -> bool:
        """Line ``k`` touches a related link right above it: the next item of that list."""
        above = self.lines[k - 1] if k > 0 else None
        return (
            above is not None
            and above.number + 1 == self.lines[k].number
            and above.role in ("dropped:related-link", "dropped:boilerplate")
            and above.kind in (Kind.TEXT, Kind.RELATED)
        )

    def _resumes(self, k: int) -> bool:
        """After a related-links block inside an article's body, a paragraph standing apart
        (a blank line above it, a finished sentence of some length) is that body going on."""
        line, draft = self.lines[k], self.current
        return (
            draft is not None
            and draft.in_body
            and line.body_like
            and line.sentence
            and k > 0
            and self.lines[k - 1].number + 1 < line.number
        )

    # -- assignment -----------------------------------------------------------------
    def _say(self, line: Line, role: str, cue: str | None = None) -> None:
        line.role = role
        if cue is not None:
            line.cue = cue

    def _set_aside(self, draft: _Draft, line: Line, reason: str, cue: str | None = None) -> None:
        draft.dropped.append((line, reason))
        self._say(line, f"dropped:{reason}", cue)

    def _drop(self, line: Line, reason: str, cue: str | None = None) -> None:
        """Set a line aside; site furniture and related links belong to no article."""
        if self.current is not None and reason not in ("boilerplate", "related-link"):
            self.current.dropped.append((line, reason))
        else:
            self.loose.append((line, reason))
            if reason == "boilerplate":
                self.aside_words.update(_key_words(line.key))
        self._say(line, f"dropped:{reason}", cue)

    def _running_header(self, k: int, draft: _Draft | None) -> bool:
        """Line ``k`` right after a page break inside a body, short, no sentence, and made of
        words of lines already set aside (the letterhead's): the next page's running header."""
        line = self.lines[k]
        if draft is None or not draft.in_body or k == 0 or not self.lines[k - 1].page_break:
            return False
        if line.kind is not Kind.TEXT or line.sentence or line.words > self.settings.running_header_max_words:
            return False
        after = self.lines[k + 1] if k + 1 < len(self.lines) else None
        if (
            after is None
            or after.kind is not Kind.TEXT
            or after.words < self.settings.body_min_words
            or self._next_cue(k) is not None
        ):
            return False  # a headline after the break: its article's text or header follows
        words = _key_words(line.key)
        return len(words) >= _RUNNING_HEADER_MIN_WORDS and words <= self.aside_words

    def _closing(self, k: int) -> bool:
        """Furniture ``k`` is a footer right after the body of the open article: it closes that
        article, even when the next headline's header cues follow (``Print | Send to a friend``
        under each story); a repeated line after body text is no headline."""
        draft = self.current
        return (
            self.lines[k].footer
            and draft is not None
            and draft.in_body
            and k > 0
            and self.lines[k - 1].body_like
        )

    def _writer(self, k: int) -> bool:
        """A writer's name standing apart directly above a headline it touches (an opinion
        column: ``Dr Jane Doe`` over the title, the date under it). The line must be shaped like
        a name and, since a headline may be too, be one: opened by an honorific (``Dr``,
        ``الدكتور``), or, on a page where such a line stands above another headline, in a script
        without capitals over a headline that is no name (a short headline over its deck is
        name-shaped too: ``غزة تحت الحصار``)."""
        draft = self.current
        if draft is not None and not draft.in_body:
            return False  # in an article's header: the author under its title
        shape = self._writer_shape(k)
        if shape == "uncased":
            if self._writers_page is None:
                honorifics = self.rules.honorifics
                self._writers_page = any(
                    self._writer_shape(j) == "honorific"
                    for j, other in enumerate(self.lines)
                    if other.kind is Kind.TEXT and phrase_key(other.text.partition(" ")[0]) in honorifics
                )
            return self._writers_page
        return shape == "honorific"

    def _writer_shape(self, k: int) -> str | None:
        """``honorific`` or ``uncased`` when line ``k`` is shaped like a writer's name standing
        apart above a headline with its header cues (see :meth:`_writer`), else None."""
        line = self.lines[k]
        if (
            line.kind is not Kind.TEXT
            or k + 1 >= len(self.lines)
            or self.lines[k + 1].number != line.number + 1
            or line.words > self.settings.name_max_words + 1
        ):
            return None
        head, _, rest = line.text.partition(" ")
        honorific = phrase_key(head) in self.rules.honorifics
        if honorific:  # 'Dr.' / 'د.': the stop after the title is no sentence mark
            s = self.settings
            honorific = 1 <= len(rest.split()) <= s.name_max_words and not (
                _HAS_DIGIT.search(rest) or _NAME_STOP.search(rest) or len(line.text) > s.name_max_chars
            )
        if not (honorific or line.name_like):
            return None
        title = self.lines[k + 1]
        if not title.title_like:
            return None
        if k > 0 and self.lines[k - 1].number == line.number - 1 and self.lines[k - 1].kind is Kind.TEXT:
            return None  # part of a block of text, not a line standing apart
        honorific = honorific and phrase_key(title.text.split()[0]) not in self.rules.honorifics
        # In a script without capitals a category line has a name's shape too: two words at
        # least, the first no category's (``ال`` opens categories, not given names).
        uncased = (
            len(line.text.split()) >= 2
            and not any(char.isascii() and char.isalpha() for char in line.text)
            and not phrase_key(head).startswith(self.rules.not_name_openings)
            and not title.name_like
        )
        if not (honorific or uncased) or not self._strong(k + 1):
            return None
        return "honorific" if honorific else "uncased"

    def _kicker(self, k: int) -> bool:
        """A category line standing apart above a headline it touches (``World`` over the title)."""
        line = self.lines[k]
        if not line.section_like or line.body_like or k + 1 >= len(self.lines):
            return False
        title = self.lines[k + 1]
        if title.number != line.number + 1 or title.kind is not Kind.TEXT:
            return False
        if line.name_like and title.name_like:
            return False  # a headline over its author's name ('Gaza Talks' / 'Jane Doe')
        if k > 0 and self.lines[k - 1].number == line.number - 1:
            return False  # part of a block of text, not a line standing apart
        return self._is_title(k + 1) is not None

    def _leading_date(self, k: int) -> bool:
        """A date line standing above the next article's title rather than in this one's header.

        Only when the current article cannot take it (it has a date, or its body has
        begun) and a headline follows that is itself followed by body or header cues.
        """
        draft = self.current
        if draft is not None and not draft.in_body and draft.date is None:
            return False
        if k + 1 >= len(self.lines):
            return False
        title = self.lines[k + 1]
        if not title.title_like or title.block_caption or title.name_like:
            return False
        if draft is not None and _same_title(title.text, draft.title, self.settings):
            return False
        return self._strong(k + 1) or self._weak(k + 1)

    def _start(self, line: Line, cue: str) -> _Draft:
        draft = _Draft(first_line=line.number, title=line.title_text or line.text, title_line=line.number)
        if self.leading is not None:
            draft.first_line = self.leading.number
            draft.date = self.leading.date
            draft.lines.append(self.leading.number)
            self._head_source(draft, self.leading)
            if self.leading.name is not None:
                draft.meta["posted_by"] = self.leading.name
            self.leading = None
        if self.kicker is not None:
            draft.first_line = self.kicker.number
            draft.meta["section"] = self.kicker.text
            draft.lines.append(self.kicker.number)
            self.kicker = None
        if self.writer is not None:
            draft.first_line = min(draft.first_line, self.writer.number)
            self._author(draft, self.writer.text)
            draft.lines.append(self.writer.number)
            self.writer = None
        draft.lines.append(line.number)
        self._say(line, "title", cue)
        self.articles.append(draft)
        self.current = draft
        self.separator = False
        self.related = False
        self.comments = False
        return draft

    def _paragraph(self, draft: _Draft, line: Line) -> None:
        if line.text in draft.seen:
            self._set_aside(draft, line, "repeated-paragraph", "same text as an earlier paragraph")
            return
        if draft.title and _same_title(line.text, draft.title, self.settings):
            self._set_aside(draft, line, "repeated-title", "same text as the title")
            return
        if not draft.paragraphs and "dateline" not in draft.meta:
            found = self.rules.tables.body_dateline.first(line.text)
            if found is not None:
                place = found[0].group("place").strip()
                # the date a dateline may carry ('ABU DHABI, 4th December, 2026') is no place word
                words = sum(1 for w in place.split() if not any(c.isdigit() for c in w))
                if max(words, len(found[1].split())) <= self.settings.dateline_max_words:
                    draft.meta["dateline"] = place
                    if draft.source is None:
                        draft.source, draft.source_from_dateline = found[1], True
                    line.cue = "body paragraph opening with a dateline 'PLACE (OUTLET) -'"
        draft.seen.add(line.text)
        draft.paragraphs.append(line.text)
        draft.lines.append(line.number)
        draft.in_body = True
        self._say(line, "body", line.cue or "text after the article's header")

    def _head_source(self, draft: _Draft, line: Line) -> None:
        """A press review's item head names the item's outlet."""
        if line.head_source is not None and (draft.source is None or draft.source_from_dateline):
            draft.source, draft.source_from_dateline = line.head_source, False
            self._say(line, "date+source")

    def _time_coded(self, draft: _Draft | None, line: Line) -> bool:
        """A transcript's time code outside any headline's article (under a headline it marks a
        live blog's entry): it closes the item before it; a bare one is set aside, a line it
        opens starts the next (untitled) item."""
        if draft is not None and draft.title:
            return False
        self.current = None
        if line.time_code == "bare":
            self._drop(line, "boilerplate", "a transcript's time code: the next item starts under it")
            self.separator = True
        elif line.kind is not Kind.TEXT:  # a time-coded sign-off ('[07:09] ... end of the news')
            self._drop(line, "boilerplate", f"{line.cue}; after a time code: ends the item before it")
            self.separator = True
        else:
            self._outside(line)
            line.cue = "a time code opens a transcript's item (untitled: no headline)"
        return True

    def _poster(self, draft: _Draft, name: str) -> None:
        """``Posted ... by NAME`` is the author when the article has none and NAME is no site account."""
        if draft.author is None and phrase_key(name) not in self.rules.accounts:
            draft.author, draft.author_from_poster = name, True

    def _author(self, draft: _Draft, name: str) -> None:
        draft.author, draft.author_from_poster = name, False

    def _after_boilerplate(self, k: int) -> Line | None:
        """The first line from ``k`` on that is not boilerplate; None at the end."""
        while k < len(self.lines) and self.lines[k].kind is Kind.BOILERPLATE:
            k += 1
        return self.lines[k] if k < len(self.lines) else None

    def _header_field(self, draft: _Draft, line: Line) -> bool:
        """Fill a header field from a cue line; False when the line is not one."""
        if line.kind is Kind.DATE:
            if draft.date is None:
                draft.date = line.date
                draft.lines.append(line.number)
                self._say(line, "date")
                self._head_source(draft, line)
                if line.name is not None and line.byline_date:
                    if draft.author is None or draft.author_from_poster:
                        self._author(draft, line.name)
                        self._say(line, "date+author")
                elif line.name is not None:
                    draft.meta.setdefault("posted_by", line.name)
                    self._poster(draft, line.name)
                    if draft.author_from_poster and draft.author == line.name:
                        self._say(line, "date+author")
            else:
                self._set_aside(draft, line, "extra-date", "a second date line")
            return True
        if line.kind is Kind.SOURCE:
            if draft.source is None or draft.source_from_dateline:
                # An explicit source line wins over the agency named in a dateline.
                draft.source, draft.source_from_dateline = line.name, False
                draft.lines.append(line.number)
                self._say(line, "source")
                if line.place is not None:
                    draft.meta.setdefault("dateline", line.place)
                return True
            return False
        if line.kind is Kind.BYLINE:
            for key, value in line.credits:
                draft.meta.setdefault(key, value)
            if line.byline_source is not None and (draft.source is None or draft.source_from_dateline):
                draft.source, draft.source_from_dateline = line.byline_source, False
            if line.place is not None:
                draft.meta.setdefault("dateline", line.place)
            if draft.author is None or draft.author_from_poster:
                self._author(draft, line.name or "")
                draft.lines.append(line.number)
                self._say(line, "author")
            elif line.name == draft.author:
                self._set_aside(draft, line, "repeated-paragraph", "the author's byline again")
            else:
                key = "bylines" if line.byline_role == "name" else line.byline_role
                if key == "bylines":
                    draft.meta.setdefault(key, []).append(line.name)
                else:
                    draft.meta.setdefault(key, line.name)
                draft.lines.append(line.number)
                self._say(line, f"meta:{key}")
            return True
        if line.kind is Kind.POSTER:
            if "posted_by" not in draft.meta:
                draft.meta["posted_by"] = line.name
                draft.lines.append(line.number)
                self._say(line, "meta:posted_by")
                self._poster(draft, line.name or "")
            else:
                self._set_aside(draft, line, "repeated-paragraph", "a second 'posted by' line")
            return True
        return False

    def _in_comments(self, k: int, line: Line) -> bool:
        """A line inside a comment section: a new post ends it; furniture stays furniture.

        False when the line ends the section without being handled (a post's date standing
        above its headline): the normal walk takes it.
        """
        if line.post_header:
            # a post's header that no reply marker follows (those are set aside): the next post
            self.comments, self.separator = False, True
            return False
        if line.key in self.rules.social.quote_labels:
            self._drop(line, "comment", "a quote label inside a comment: the comment quotes")
            return True
        if line.kind is Kind.TEXT and line.title_like and self._strong(k):
            cue = self._next_cue(k)
            if (
                cue is not None
                and (
                    cue.kind in (Kind.POSTER, Kind.BYLINE)
                    or (cue.kind is Kind.DATE and not self._comment_dated(cue, k))
                )
                and not self._reply_ahead(k)
            ):
                self._start(line, "headline shape, a post's header cue follows (ends the comment section)")
                return True
        if (
            line.kind is Kind.DATE
            and (not self._comment_dated(line, k) or self._post_below(k))
            and k + 1 < len(self.lines)
            and not self._reply_ahead(k)
        ):
            title = self.lines[k + 1]
            if title.kind is Kind.TEXT and title.title_like and (self._strong(k + 1) or self._weak(k + 1)):
                self.comments = False
                return False
        if line.kind is Kind.BOILERPLATE and line.comment_date:
            self._drop(line, "comment", "a relative time inside a comment section: a comment's time")
        elif line.kind in (Kind.BOILERPLATE, Kind.SEPARATOR, Kind.FURNITURE):
            self._drop(line, "boilerplate")
        elif line.kind is Kind.RELATED:
            self._drop(line, "boilerplate")
            self.comments = False
            self.separator = self.related = True
        else:
            self._drop(line, "comment", "inside a comment section")
        return True

    def _aside(self, line: Line) -> None:
        """A line set aside before the walk (:func:`_mark_social`); a comment opens a comment section."""
        reason, cue = line.aside or ("boilerplate", "")
        self._drop(line, reason, cue)
        if reason == "comment":
            self.comments = True
        else:
            self.separator = True

    def _engagement(self, k: int, line: Line) -> None:
        """Engagement counts under a post are furniture; comments under them open a comment section."""
        if self._comments_ahead(k):
            self.comments = True
            self._drop(line, "boilerplate", f"{line.cue}; comments follow")
        else:
            self._drop(line, "boilerplate")
            self.separator = True

    def _page_break(self, draft: _Draft | None, line: Line) -> None:
        """A page break's mark: inside a body the article goes on (a subheading after it is no
        headline), unless it counts the last page ('2 of 2', '3/3'); elsewhere it separates like
        other furniture."""
        if draft is None or not draft.in_body or _last_page(line.text):
            self.separator = True

    def _print_header(self, k: int) -> bool:
        """Line ``k`` is a browser's print header: the page title beside a time stamp or the page's
        URL, the title opening with the headline of the article it interrupts or of one a few
        lines below."""
        title = self.lines[k].print_title
        if title is None:
            return False
        key = phrase_key(title)
        heads = [self.current.title] if self.current is not None else []
        heads += [line.text for line in self._window(k) if line.title_like]
        for head in heads:
            head_key = phrase_key(head)
            if head_key and (
                key.startswith(head_key) or (len(key) >= _CUT_TITLE_MIN and head_key.startswith(key))
            ):
                return True
        return False

    def run(self) -> None:
        for k, line in enumerate(self.lines):
            draft = self.current
            if line.aside is not None:
                self._aside(line)
                continue
            if self.comments and self._in_comments(k, line):
                continue
            if line.engagement:
                self._engagement(k, line)
                continue
            if line.print_title is not None and self._print_header(k):
                self._drop(line, "boilerplate", _PRINT_HEADER_CUE)
                line.page_break = True
                self._page_break(draft, line)
                continue
            if line.kind is Kind.RELATED:
                self._drop(line, "boilerplate")
                self.separator = self.related = True
                continue
            if line.kind is Kind.LINK:
                self._drop(line, "related-link")  # inside a body or not: the body goes on
                continue
            if line.kind is Kind.COMMENT_HEAD or (line.kind is Kind.COMMENT and line.name is not None):
                # A commenter line ("X says:", also a lead-in to a quotation) needs a comment date.
                heading = line.kind is Kind.COMMENT_HEAD
                if self._comments_ahead(k, commenters=heading) or (heading and self._named_comments(k)):
                    self.comments = True
                    self._drop(line, "comment", f"{line.cue}; opens a comment section")
                else:
                    self._drop(line, "boilerplate", f"{line.cue}; no comment follows")
                    self.separator = True
                continue
            if line.time_code and self._time_coded(draft, line):
                continue
            if line.kind in (Kind.BOILERPLATE, Kind.SEPARATOR, Kind.COMMENT) or (
                line.kind is Kind.FURNITURE and (not self._strong(k) or self._closing(k))
            ):
                self._drop(line, "boilerplate")
                if line.page_break:
                    self._page_break(draft, line)
                else:
                    self.separator = True
                if line.footer and draft is not None and draft.in_body:
                    self.current = None  # a footer that ends every article closes this one
                    self.related = False  # and the related list in it
                continue
            if line.kind is Kind.FURNITURE:
                line.kind = Kind.TEXT
            if self._running_header(k, draft):
                self._drop(line, "boilerplate", "running header after a page break (the letterhead's words)")
                continue
            if draft is not None and not draft.in_body and _same_title(line.text, draft.title, self.settings):
                self._set_aside(draft, line, "repeated-title", "same text as the title")
                continue
            if self.leading is not None:
                self._start(line, "first line after a date standing above a headline")
                continue
            if self.kicker is not None:
                self._start(line, self._is_title(k) or "headline under a category line")
                continue
            if self.writer is not None:
                self._start(line, "headline under its writer's name")
                continue
            if self._writer(k):
                self.writer = line
                self._say(line, "author", "a name standing directly above the next headline")
                continue
            if self._kicker(k):
                self.kicker = line
                self._say(line, "section", "category line directly above the next headline")
                continue
            if line.kind is Kind.DATE and self._leading_date(k):
                self.leading = line
                self._say(line, "date", "date line standing above the next headline")
                continue
            if line.kind is Kind.TEXT and (why := self._is_title(k)) is not None:
                self._start(line, why)
                continue
            if self.related and self._resumes(k):
                self.related = False
                line.cue = "paragraph after a related-links block inside the body: the body goes on"
            if draft is None or self.related:
                self._outside(line)
                continue
            if (
                line.kind is Kind.DATE
                and self.separator
                and draft.in_body
                and draft.date is not None
                and (after := self._after_boilerplate(k + 1)) is not None
                and after.kind is Kind.TEXT
                and after.words >= self.settings.body_min_words
            ):
                # After furniture closing a dated article, a new date over body text (perhaps
                # under a 'Forwarded from X' line) is the next (untitled) post, not a second
                # date of this one.
                self.current = None
                line.cue = "date line after furniture that follows a dated article"
                self._outside(line)
                continue
            if self._header_field(draft, line):
                continue
            if line.kind is Kind.CAPTION or (line.block_caption and not line.body_like):
                self._set_aside(draft, line, "caption")
                continue
            if not draft.in_body and _same_title(line.text, draft.title, self.settings):
                self._set_aside(draft, line, "repeated-title", "same text as the title")
                continue
            if not draft.in_body and line.kind is Kind.OUTLET and draft.source is None:
                draft.source = line.name
                draft.lines.append(line.number)
                self._say(line, "source")
                continue
            if (
                not draft.in_body
                and line.dateline is not None
                and draft.source is None
                and k + 1 < len(self.lines)
                and self.lines[k + 1].body_like
            ):
                place, draft.source = line.dateline
                draft.source_from_dateline = True
                draft.meta.setdefault("dateline", place)
                draft.lines.append(line.number)
                self._say(line, "source", "dateline 'PLACE - OUTLET' in the header")
                continue
            if (
                not draft.in_body
                and line.name_like
                and (draft.author is None or draft.author_from_poster)
                and not line.body_like
                and not self._session(line)
            ):
                self._author(draft, line.text)
                draft.lines.append(line.number)
                self._say(line, "author", "bare name in the header")
                continue
            if (
                not draft.in_body
                and draft.title
                and "section" not in draft.meta
                and line.section_like
                and not line.body_like
                and self._section_position(k)
            ):
                draft.meta["section"] = line.text
                draft.lines.append(line.number)
                self._say(line, "section", line.cue or "short line between title and body")
                continue
            self._paragraph(draft, line)
            self.separator = False

    def _section_position(self, k: int) -> bool:
        """A category line: right under the title, or followed by body text."""
        line = self.lines[k]
        if line.kind is Kind.SECTION:
            return True
        above = self.lines[k - 1]
        return above.role == "title" and k + 1 < len(self.lines) and self.lines[k + 1].body_like

    def _outside(self, line: Line) -> None:
        """A line outside any article: furniture, a related link, or an untitled article."""
        if line.block_caption and not self.articles:
            self._drop(line, "boilerplate", "short lines above the first article (page header)")
        elif line.kind is Kind.CAPTION or (line.block_caption and not self.related):
            self._drop(line, "caption")
        elif self.related:
            self._drop(line, "related-link", "listed under a related-content header")
        elif (
            self.current is None
            and not line.body_like
            and line.kind in (Kind.TEXT, Kind.OUTLET, Kind.SECTION)
        ):
            self._drop(line, "boilerplate", "short line outside any article")
        else:
            draft = _Draft(first_line=line.number)
            self.articles.append(draft)
            self.current = draft
            self.separator = False
            if not self._header_field(draft, line):
                self._paragraph(draft, line)
                line.cue = f"{line.cue or 'text'}; starts an untitled article (no headline before it)"

    def explain(self) -> list[LineRole]:
        return [
            LineRole(self.path, ln.number, ln.text, ln.kind.value, ln.role or "?", ln.cue or "-")
            for ln in self.lines
        ]


def segment_lines(
    raw_lines: Sequence[str],
    *,
    path: str,
    day_first: bool = True,
    rules: SegmentRules | None = None,
    settings: SegmentSettings | None = None,
    explain: list[LineRole] | None = None,
    jobs: int = 1,
) -> tuple[list[Article], list[Dropped]]:
    """Split the lines of one dump into Articles and the lines set aside (1-based numbers).

    When ``explain`` is a list, it receives one :class:`LineRole` per non-blank line. With
    ``jobs > 1``, a dump of at least :data:`PARALLEL_MIN_LINES` non-blank lines has its lines
    classified and its articles' languages detected in ``jobs`` worker processes: both are
    functions of one line's or one article's text, so the result is the same as with one job.
    """
    given_rules = rules
    rules = rules or SegmentRules.default()
    settings = settings or SegmentSettings()
    numbered = [(i, stripped) for i, raw in enumerate(raw_lines, start=1) if (stripped := raw.strip())]
    pool = (
        _pool(jobs, given_rules, day_first, settings)
        if jobs > 1 and len(numbered) >= PARALLEL_MIN_LINES
        else None
    )
    try:
        if pool is not None:
            lines = _classify_in(pool, numbered, settings)
        else:
            memo = _memo(rules, settings, day_first)
            lines = [_classify(i, text, rules, day_first, settings, memo) for i, text in numbered]
        return _segment(lines, path, rules, settings, explain, pool)
    finally:
        if pool is not None:
            pool.shutdown()


def classify_line(text: str, *, day_first: bool = True) -> Line:
    """One line classified on its own with the bundled rules and settings (what a line is
    before context: a byline, a date line, a footer, body text); the web readers use it on
    the paragraphs at a body's edges."""
    rules = SegmentRules.default()
    settings = _DEFAULT_SETTINGS
    return _classify(0, _squash_line(text), rules, day_first, settings, _memo(rules, settings, day_first))


_DEFAULT_SETTINGS = SegmentSettings()


def _squash_line(text: str) -> str:
    return " ".join(text.split())


def _memo(rules: SegmentRules, settings: SegmentSettings, day_first: bool) -> dict[str, _Cue]:
    memos = rules.tables.memo
    if (settings, day_first) not in memos and len(memos) >= _MEMO_SETTINGS:
        memos.clear()  # many settings in one process: keep the memory bounded
    return memos.setdefault((settings, day_first), {})


def _segment(
    lines: list[Line],
    path: str,
    rules: SegmentRules,
    settings: SegmentSettings,
    explain: list[LineRole] | None,
    pool: Executor | None,
) -> tuple[list[Article], list[Dropped]]:
    """The passes after classification (see the module docstring)."""
    _mark_relative_dates(lines, rules)
    _mark_blocks(lines, settings)
    _mark_masthead(lines, rules, settings)
    _mark_ads(lines, rules, settings)
    _mark_mail(lines, rules)
    _mark_digest(lines, settings)
    _mark_social(lines, rules, settings)
    _learn_furniture(lines, settings)
    walker = _Walker(lines, path, rules, settings)
    walker.run()
    articles: list[Article] = []
    dropped: list[Dropped] = []
    by_number = {line.number: line for line in lines}
    kept = [draft for draft in walker.articles if draft.title or draft.paragraphs]
    texts = [_article_text(draft) for draft in kept]
    if pool is not None:
        languages = iter(pool.map(_language, texts, chunksize=_CHUNK_ARTICLES))
    else:
        languages = map(detect_language, texts)
    for draft in walker.articles:
        _post_title(walker, draft, by_number, settings)
        if not draft.title and not draft.paragraphs:
            # Header lines (a date, a byline) with no article to belong to.
            for n in draft.lines:
                dropped.append(Dropped(path, n, by_number[n].text, "orphan-header"))
                walker._say(by_number[n], "dropped:orphan-header", "a header line with no article")
            dropped.extend(Dropped(path, ln.number, ln.text, reason) for ln, reason in draft.dropped)
            continue
        article = _finish(draft, path, next(languages))
        articles.append(article)
        dropped.extend(Dropped(path, ln.number, ln.text, reason, article.id) for ln, reason in draft.dropped)
    dropped.extend(Dropped(path, ln.number, ln.text, reason) for ln, reason in walker.loose)
    dropped.sort(key=lambda d: d.line)
    if explain is not None:
        explain.extend(walker.explain())
    return articles, dropped


def _post_title(
    walker: _Walker, draft: _Draft, by_number: dict[int, Line], settings: SegmentSettings
) -> None:
    """A post with no headline (a channel's, a feed's: its date line opens it) is titled by its
    first line when that is one sentence of a headline's length and more text follows it."""
    if draft.title or draft.date is None or len(draft.paragraphs) < 2 or not draft.lines:
        return
    if by_number[draft.lines[0]].kind is not Kind.DATE:
        return
    first = next((n for n in draft.lines if by_number[n].text == draft.paragraphs[0]), None)
    if first is None:
        return
    line = by_number[first]
    head = line.text.rstrip(".!")
    if (
        line.words > settings.title_max_words
        or len(line.text) > settings.title_max_chars
        or _SENTENCE_END.search(head)
    ):
        return
    if re.search(r"[.!?؟]\s", head):
        return  # more than one sentence
    draft.title, draft.title_line = draft.paragraphs.pop(0), first
    draft.seen.discard(line.text)
    walker._say(line, "title", "first line of an untitled post (a date line opens it): its title")


def _article_text(draft: _Draft) -> str:
    """The text an article's language is detected on: its title and body."""
    body = "\n\n".join(draft.paragraphs)
    return f"{draft.title}\n{body}" if draft.title else body


def _finish(draft: _Draft, path: str, language: str) -> Article:
    body = "\n\n".join(draft.paragraphs)
    date_text = draft.date.text if draft.date else None
    return Article(
        id=article_id(draft.title, date_text, body),
        title=draft.title,
        body=body,
        date=draft.date.date if draft.date else None,
        date_text=date_text,
        author=draft.author,
        source=draft.source,
        lang=language,
        origin=Origin(path, draft.first_line, max(draft.lines)),
        meta=draft.meta,
    )


# --- classifying a large dump in worker processes (``segment_lines(jobs=N)``) -----------------

#: A dump of at least this many non-blank lines is classified in worker processes when ``jobs > 1``
#: (below it, starting the workers costs more than they save).
PARALLEL_MIN_LINES = 4_096
#: Lines and articles sent to a worker at a time.
_CHUNK_LINES = 2_048
_CHUNK_ARTICLES = 64
#: A worker's rules (None: the bundled ones), settings and ``day_first`` (see :func:`_pool`).
_WORKER: tuple[SegmentRules | None, SegmentSettings, bool] | None = None


def _pool(jobs: int, rules: SegmentRules | None, day_first: bool, settings: SegmentSettings) -> Executor:
    """``jobs`` worker processes holding the rules (the bundled ones are built here first, so that
    forked workers inherit them, and the date and language tables too)."""
    from concurrent.futures import ProcessPoolExecutor

    if rules is None:
        SegmentRules.default()
    match_date_line("1 January 2021", day_first=day_first)
    detect_language("The ministers met on Friday.")
    return ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(rules, settings, day_first)
    )


def _init_worker(rules: SegmentRules | None, settings: SegmentSettings, day_first: bool) -> None:
    global _WORKER  # noqa: PLW0603 - this worker process's rules
    _WORKER = (rules, settings, day_first)


def _classify_chunk(numbered: list[tuple[int, str]]) -> list[_Cue]:
    """In a worker: the classified lines' fields after ``number`` and ``text`` (:data:`_LINE_VALUES`)."""
    assert _WORKER is not None  # set by _init_worker
    given, settings, day_first = _WORKER
    rules = given or SegmentRules.default()
    memo = _memo(rules, settings, day_first)
    return [_LINE_VALUES(_classify(i, text, rules, day_first, settings, memo)) for i, text in numbered]


def _language(text: str) -> str:
    """In a worker: :func:`detect_language` (looked up when called, as in the parent)."""
    return detect_language(text)


def _classify_in(pool: Executor, numbered: list[tuple[int, str]], settings: SegmentSettings) -> list[Line]:
    """The lines classified by the pool's workers, in order, holding the caller's ``settings``."""
    chunks = [numbered[k : k + _CHUNK_LINES] for k in range(0, len(numbered), _CHUNK_LINES)]
    lines: list[Line] = []
    for chunk, values in zip(chunks, pool.map(_classify_chunk, chunks), strict=True):
        for (number, text), cue in zip(chunk, values, strict=True):
            line = Line(number, text, *cue)
            line.settings = settings
            lines.append(line)
    return lines
