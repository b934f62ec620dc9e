"""The thresholds of dump segmentation, named in one place.

Every number the segmenter (:mod:`mediamon.text.segment`) compares a line with lives
here, so that a user can see and change what "short", "long" or "repeated" means for
their dumps: ``read_dump(text, settings=SegmentSettings(furniture_min_count=4))``.
The defaults are the values the bundled fixtures were labelled against.
"""

from __future__ import annotations

import attrs

__all__ = ["RecordChecks", "SegmentSettings"]


def _positive(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ValueError(f"SegmentSettings.{attribute.name} must be at least 1, got {value}")


def _share(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"SegmentSettings.{attribute.name} must be between 0 and 1, got {value}")


@attrs.frozen(kw_only=True)
class SegmentSettings:
    """Thresholds deciding a line's role from its shape and its neighbours."""

    #: Lines longer than this (characters) are body text: no cue phrase is looked for in them.
    cue_max_chars: int = attrs.field(default=200, validator=_positive)
    #: ... except the boilerplate patterns, which are tried up to this length (blog post footers
    #: such as "This entry was posted on ... You can follow any responses ..." run long).
    boilerplate_max_chars: int = attrs.field(default=400, validator=_positive)
    #: Lines longer than this are counted by whitespace rather than word by word (speed).
    word_count_max_chars: int = attrs.field(default=400, validator=_positive)
    #: A body paragraph: a sentence of at least this many words ...
    body_min_words: int = attrs.field(default=6, validator=_positive)
    #: ... or any line of at least this many words.
    body_long_words: int = attrs.field(default=30, validator=_positive)
    #: A headline has at most this many words and characters ...
    title_max_words: int = attrs.field(default=30, validator=_positive)
    title_max_chars: int = attrs.field(default=250, validator=_positive)
    #: ... and is not a finished sentence of more than this many words.
    title_sentence_max_words: int = attrs.field(default=3, validator=_positive)
    #: Two lines longer than this are never compared as the same title.
    same_title_max_chars: int = attrs.field(default=300, validator=_positive)
    #: A bare author-name line: at most this many words and characters.
    name_max_words: int = attrs.field(default=5, validator=_positive)
    name_max_chars: int = attrs.field(default=50, validator=_positive)
    #: A byline's name part with more words than this is a sentence, not a name.
    byline_max_words: int = attrs.field(default=8, validator=_positive)
    #: The same for a sign-off's credit ('Reporting by X in Cairo and Y in Dubai'), which may
    #: name several people and where each worked.
    credit_max_words: int = attrs.field(default=16, validator=_positive)
    #: The outlet a byline names after its author ('By NAME | OUTLET') has at most this many words.
    byline_source_max_words: int = attrs.field(default=6, validator=_positive)
    #: A bare name in Latin script has at least this many words (one capitalised word is no name).
    name_min_latin_words: int = attrs.field(default=2, validator=_positive)
    #: ... and at most this many (a longer run of capitalised Latin words is a headline).
    name_max_latin_words: int = attrs.field(default=4, validator=_positive)
    #: A trailing full stop is dropped from a byline name of at most this many words.
    byline_strip_stop_words: int = attrs.field(default=3, validator=_positive)
    #: Touching lines form a caption block when there are at most this many of them ...
    caption_block_max_lines: int = attrs.field(default=3, validator=_positive)
    #: The dump's opening block (lines with no blank line between) is a channel's profile or a
    #: newsletter's masthead when one of its lines has a masthead cue and it has at most this
    #: many lines (a longer one is an article laid out without blank lines).
    masthead_max_lines: int = attrs.field(default=8, validator=_positive)
    #: ... and the line with the cue has at most this many words (a sentence ending in 'issue 12'
    #: is an article's).
    masthead_line_max_words: int = attrs.field(default=8, validator=_positive)
    #: An advertisement label ('Sponsored') opening a block of at most this many lines makes the
    #: block's other lines the advertisement.
    ad_block_max_lines: int = attrs.field(default=4, validator=_positive)
    #: A line right after a page break inside a body, of at most this many words and made of the
    #: words of lines set aside before (the letterhead's), is the next page's running header.
    running_header_max_words: int = attrs.field(default=10, validator=_positive)
    #: ... of at most this many words each (with a caption cue among them) ...
    caption_max_words: int = attrs.field(default=30, validator=_positive)
    #: ... or exactly two lines, neither a sentence, of at most this many words.
    caption_pair_max_words: int = attrs.field(default=15, validator=_positive)
    #: How many lines after a headline are searched for its header cue (date, byline ...).
    header_lookahead: int = attrs.field(default=6, validator=_positive)
    #: How many lines after a headline under a related-content header are searched for body text.
    body_lookahead: int = attrs.field(default=10, validator=_positive)
    #: A line whose text recurs at least this many times in one dump is site furniture ...
    furniture_min_count: int = attrs.field(default=3, validator=_positive)
    #: ... when it is at most this long (characters); longer repeats are copied paragraphs.
    furniture_max_chars: int = attrs.field(default=200, validator=_positive)
    #: ... and stands in at least that many different surroundings: two occurrences whose lines
    #: above share at least this share of their words, and whose lines below do too, are in
    #: the same surroundings (a block copied whole, such as an article twice in one dump).
    furniture_context_similarity: float = attrs.field(default=0.5, validator=_share)
    #: A furniture line is a footer that closes its article when at least this share of its
    #: occurrences come right after body text.
    footer_min_share: float = attrs.field(default=0.75, validator=_share)
    #: Layout titles (headline shape, blank line, body; no date or byline) are used on a page
    #: when headlines with header cues are fewer than this share of the layout candidates.
    layout_max_cue_share: float = attrs.field(default=0.5, validator=_share)
    #: A separator line is at least this many separator symbols (``-``, ``=``, ``*`` ...) alone.
    separator_min_symbols: int = attrs.field(default=3, validator=_positive)
    #: A category/section line between title and body: at most this many words and characters.
    section_max_words: int = attrs.field(default=3, validator=_positive)
    section_max_chars: int = attrs.field(default=30, validator=_positive)
    #: A comment-section header opens a comment section only when a comment line
    #: ("X says:", a comment date) follows within this many lines.
    comment_lookahead: int = attrs.field(default=8, validator=_positive)
    #: A menu line (navigation or a widget row on one line): at least this many items between
    #: ``|``, ``·`` or ``•`` separators, of at most this many words each.
    menu_min_items: int = attrs.field(default=3, validator=_positive)
    menu_item_max_words: int = attrs.field(default=3, validator=_positive)
    #: A dateline's place and outlet parts: at most this many words each.
    dateline_max_words: int = attrs.field(default=4, validator=_positive)
    #: A social post's name line (a page's or account's display name, a feed's tab label) right
    #: above the post's header: at most this many words.
    post_name_max_words: int = attrs.field(default=10, validator=_positive)
    #: A forum signature under its separator line: at most this many lines.
    signature_max_lines: int = attrs.field(default=3, validator=_positive)


@attrs.frozen(kw_only=True)
class RecordChecks:
    """Thresholds of the checks on record files (a CSV header that is data, shifted columns)."""

    #: How many records at the start of a file are looked at.
    sample: int = attrs.field(default=20, validator=_positive)
    #: A date-shaped value is at most this long (characters).
    date_max_chars: int = attrs.field(default=40, validator=_positive)
    #: A value this long or longer is running text, not a date, language or name.
    long_text_min_chars: int = attrs.field(default=80, validator=_positive)
    #: A header cell longer than this, or with more words than this, is data.
    header_max_chars: int = attrs.field(default=60, validator=_positive)
    header_max_words: int = attrs.field(default=5, validator=_positive)
    #: Columns are judged only on at least this many values (one odd record proves nothing).
    min_values: int = attrs.field(default=3, validator=_positive)
    #: A column is reported when more than this share of the sampled values has the wrong shape.
    wrong_shape_share: float = attrs.field(default=0.5, validator=_share)
