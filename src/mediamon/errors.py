"""One exception hierarchy, and every user-facing message in one place.

Every error carries the file, the line (1-based, when there is one) and the
reason, and prints as ``path:line: reason`` so a user sees one line saying what
went wrong and where.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs

__all__ = [
    "BinaryInputError",
    "DataFileError",
    "DecodeError",
    "GazetteerError",
    "InputError",
    "MediamonError",
    "Msg",
    "Problem",
    "RecordError",
    "UsageError",
    "WorkerError",
]


class Msg:
    """Message templates, formatted with ``str.format``; kept together so they stay consistent."""

    WORKER_DIED = "a worker process died ({detail}); no output was written for the unfinished part"
    BINARY = "not a text file ({detail})"
    EMPTY = "empty input"
    ARTICLE_SPLIT = (
        "article of {size:,} characters is over the {limit:,}-character cap (ReadLimits.max_article_chars);"
        " split into {parts} articles at paragraph breaks, nothing left out"
    )
    DUMP_IN_PARTS = (
        "dump of {lines:,} lines is over {limit:,} (ReadLimits.max_dump_lines): segmented in parts of"
        " about that many lines, each cut after a blank line where one is near"
    )
    ARTICLE_TITLE_MOVED = "; its title, too long to stay one, opens the body"
    UNDECODABLE = (
        "{count} undecodable byte(s) in {encoding}, first at byte offset {offset}; replaced with U+FFFD"
    )
    ENCODING_UNKNOWN = "unknown encoding {encoding!r}"
    CODEC_FAILED = "cannot be read as {encoding} ({detail}); nothing read from it"
    ENCODING_UNCERTAIN = "encoding not recognised with confidence; decoded as {encoding}, text may be garbled"
    NUL_REMOVED = "{count} NUL character(s) removed, first at byte offset {offset}"
    NOT_FOUND = "no such file or directory"
    UNREADABLE = "cannot read: {detail}"
    SYMLINK_LOOP = "symbolic link loop, skipped"
    UNSUPPORTED_SUFFIX = (
        "unsupported input format {suffix!r} (use .txt, .jsonl, .ndjson, .json, .csv, .tsv,"
        " .html, .htm, .warc, .rss, .atom or .xml)"
    )
    UNSUPPORTED_KIND = "unsupported input: {kind}"
    # Web inputs (io/html.py, io/warc.py, io/feeds.py).
    HTML_UNREADABLE = "not a readable HTML page ({detail})"
    HTML_NO_ARTICLE = "no article text found in the page; its text is set aside"
    HTML_CUT = "the page is read only to this line, where its HTML parser stopped ({detail})"
    HTML_SEVERAL = "page holds several articles ({what}) that could not be separated; read as one"
    WARC_RECORD_CUT = (
        "WARC truncated inside record {number} (byte offset {offset}); kept the records before it"
        " and what was read of this one"
    )
    WARC_CUT = (
        "WARC truncated at byte offset {offset}, after record {number}; kept the {number} record(s) read"
    )
    WARC_DAMAGED = "WARC damaged at byte offset {offset} ({detail}); kept the {count} record(s) before it"
    WARC_EMPTY = "no WARC records found"
    WARC_READER_SAID = "WARC record {number}: the reader reports {detail!r}; the record may be cut short"
    WARC_LENGTH = (
        "WARC record {number} does not end where its Content-Length says (byte offset {offset} holds"
        " {found}); the length is likely wrong: its page may be cut short or run into the next record"
    )
    WARC_PAYLOAD_CUT = (
        "WARC record {number}'s page is over {limit} bytes once its content encoding is undone;"
        " kept the first {limit}"
    )
    FEED_MALFORMED = "malformed feed ({detail}); kept the entries read"
    FEED_EMPTY = "feed has no entries"
    FEED_CHARSET = "the feed declares the encoding {declared!r}, which cannot read it; read as {used}"
    FEED_FAILED = "the feed reader failed ({detail}); nothing read from it"
    FEED_ENTRY_EMPTY = "feed entry has neither a title nor text"
    BAD_JSON = "bad JSON: {detail}"
    NOT_A_RECORD = "record is a JSON {kind}, expected an object"
    JSON_REPEATED_KEYS = "{where} names {keys}; {outcome}"
    NO_TEXT_FIELDS = "record has neither a title nor a body"
    NO_TEXT_KEYS = (
        "no record has a title or body field (keys seen: {keys}); say which is which with"
        " columns= / --columns (e.g. --columns {example}=body) or add the names to data/records.json"
    )
    CSV_HEADER_AGAIN = "the header row again (files joined together?); read as a header, not as a record"
    CSV_NO_HEADER = (
        "the first row looks like data, not a header ({detail}); if the file has no header row,"
        " name the columns in order with columns= / --columns (e.g. --columns title,date,body)"
    )
    COLUMNS_SHIFTED = "the columns look shifted ({detail}); say what is what with columns= / --columns"
    USAGE_COLUMNS = "--columns: {detail}"
    NOT_A_DUMP = "a records file, not a dump: --explain shows how dump lines are split"
    BAD_FIELD = "field {field!r}: {detail}"
    CSV_RAGGED = "row has {got} fields, header has {want}; {detail}"
    CSV_ERROR = "bad CSV: {detail}"
    CONTROL_CHARS = "{count} control character(s) removed"
    DATA_FILE = "invalid data file: {detail}"
    GAZ_MISSING = "missing {field!r}"
    GAZ_EMPTY_ALIAS = "empty alias"
    GAZ_ROW_LINES = (
        "a quoted field runs from this line to line {last} (no gazetteer field holds a line break)"
    )
    GAZ_QUOTE_ALIAS = "alias {alias!r} starts with a quote that nothing closes (a broken quoted field?)"
    GAZ_BAD_ALIAS = "alias {alias!r} has no letters or digits (tatweel and other modifiers do not count)"
    GAZ_BAD_LANG = "unknown language code {lang!r} (use an ISO 639-1 code such as 'en' or 'ar')"
    GAZ_TWO_TYPES = "id {id!r} has type {new!r} here but {old!r} at line {old_line}"
    GAZ_BAD_TYPE = "{field!r} must be {want}, not {got}"
    GAZ_BAD_QID = "meta.wikidata must be a Wikidata QID such as 'Q796', not {value!r}; left out"
    GAZ_HEADER = "header must name the columns id, type, lang, alias (found {found})"
    GAZ_SUFFIX = "unknown gazetteer format {suffix!r} (use .jsonl, .csv, .tsv or .jrc.tsv)"
    GAZ_DUP_ID = "entity {id!r} has type {old!r} here but {new!r} in {other}"
    GAZ_PLUGIN = "gazetteer plugin {name!r} failed: {detail}"
    GAZ_TOO_BIG = (
        "more than {limit:,} bytes (after decompression; ReadLimits.max_bytes); a gazetteer is read"
        " whole, so it is refused: split it into files of at most that size"
    )
    GAZ_DIRECTORY = "is a directory; a gazetteer is a file (-g FILE, once for each)"
    USAGE_OUTPUT = (
        "unsupported output format {suffix!r} (use .jsonl, .ndjson, .json, .csv, .tsv, or .db for a store)"
    )
    # Readers, records, corpus, output and the command line.
    UNSUPPORTED_NO_SUFFIX = (
        "unsupported input: the file name has no suffix (use .txt, .jsonl, .json, .csv, .tsv, .html,"
        " .warc or .xml)"
    )
    NOT_REGULAR = "not a regular file ({kind}), skipped"
    BROKEN_SYMLINK = "broken symbolic link, skipped"
    SYMLINK_DUPLICATE = "same directory as {other} (reached through a symbolic link), skipped"
    IS_DIRECTORY = "is a directory (use read() for directories)"
    TOO_BIG = "more than {limit} bytes (after decompression); only the first {limit} were read"
    TRUNCATED = "{compression} data is damaged or truncated ({detail}); kept the {size} byte(s) before it"
    NOT_COMPRESSED = "no {compression} header: read as uncompressed data"
    NUL_REMOVED_TEXT = "{count} NUL character(s) removed"
    SURROGATES = "{count} lone surrogate code point(s) replaced with U+FFFD"
    PASTED_UTF8 = (
        "{count} run(s) of UTF-8 inside {encoding} text (first at byte offset {offset}, which reads"
        " as {shown!r}): read as UTF-8, not as mojibake"
    )
    JSON_SKIPPED = "bad JSON: {detail}; skipped to the next record at line {line}"
    JSON_REST_SKIPPED = "bad JSON: {detail}; the rest of the array is skipped"
    JSON_TRAILING = "bad JSON: unexpected data after the end of the array (column {column}), ignored"
    JSON_TRAILING_DOC = "bad JSON: unexpected data after the end of the document (column {column}), ignored"
    CSV_UNPAIRED_QUOTE = (
        "unpaired quote: a quoted field opened on this line does not close properly ({detail});"
        " the line is read as it stands, the lines after it on their own"
    )
    BAD_MENTION = "mention {index}: {detail}; mention left out"
    BAD_ARTICLE = "not an article: {detail}"
    USAGE_JOBS = "--jobs must be at least 1 (got {jobs})"
    USAGE_NO_DEFAULT = "--no-default needs at least one gazetteer (-g FILE)"
    USAGE_DATE = "{name}: not an ISO date (YYYY-MM-DD): {value!r}"
    USAGE_SINCE = "--since: not a run number or an ISO date or time: {value!r}"
    USAGE_NEEDS_STORE = "{option} needs a store as output (-o corpus.db)"
    WATCH_UNKNOWN = "no entity {entity!r} in the gazetteers; watched all the same"
    WATCH_EMPTY = "the watch list names no entity ids"
    WATCH_NO_RUNS = "no runs recorded in this store (write to it with annotate -o FILE.db first)"
    CANNOT_WRITE = "cannot write: {detail}"
    OUTPUT_IS_INPUT = "{option} names the input {input!r} (the same file); refused, nothing read or written"
    OUTPUT_IS_OUTPUT = "{option} names the same file as {other} {name!r}; refused, nothing read or written"
    CANDIDATES_SUFFIX = "candidates are written as a JSON Lines gazetteer; name a .jsonl file"
    # Analytics, the store and the report.
    BAD_FREQ = "freq must be 'D' (day), 'W' (ISO week) or 'M' (month), not {freq!r}"
    BAD_UNIT = "unit must be one of {units}, not {unit!r}"
    BAD_MIN_COUNT = "min_count must be at least 1, not {value!r}"
    BAD_LIMIT = "limit must be at least 1, not {value!r}"
    LABELS_NOT_TASKS = "a Label Studio export is a JSON array of tasks, not {kind}"
    LABELS_NOT_OURS = "task {number}: no data.text (not a task mediamon exported)"
    LABELS_BAD_SPAN = "{where}: the span is outside the text or blank"
    LABELS_TEXT = "{where}: the region's text {given!r:.40} is not the article's {found!r:.40} there"
    LABELS_NO_ENTITY = "{where}: no entity id in the region's box"
    LABELS_NO_TYPE = "{where}: no label (entity type) for {entity_id!r}"
    LABELS_TYPE = "{where}: {entity_id!r} is {known}, not {given}; added as {known}"
    NEEDS_EXTRA = "{what} needs {module}, which is not installed: pip install 'mediamon[{extra}]'"
    STORE_COMPRESSED = "a store cannot be compressed ({suffix!r}); write a plain .db file"
    STORE_STDOUT = "a store is a file; name one with -o (e.g. -o corpus.db)"
    STORE_NOT_DB = "not an SQLite database ({detail})"
    STORE_NOT_OURS = "an SQLite database, but not a mediamon store (no store_info table)"
    STORE_SCHEMA = "store schema version {found!r}; this mediamon reads version {want!r}"
    STORE_UPGRADE = (
        "store schema version {found!r}, opened read-only; open it writable once"
        " (mediamon.Store(path)) to upgrade it to version {want!r}"
    )
    STORE_ERROR = "store error: {detail}"
    STORE_LOCKED = "the store is locked by another process (a run writing to it?); try again when it ends"
    STORE_BAD_ROW = "row {pk} (article {id!r}): {detail}"
    STORE_ID_TAKEN = (
        "id {id!r} is also the id of a different article ({first}); both kept, this one stored as {new!r}"
        " (meta.crawler_id keeps the id)"
    )
    STORE_NEEDS_FTS5 = (
        "this store has a full-text index, but this Python's sqlite3 lacks FTS5; open it read-only to search"
    )
    NO_FTS5 = (
        "no FTS5 full-text index (this sqlite3 lacks FTS5, or the store was made without it);"
        " searching falls back to LIKE (slower, matches inside words)"
    )
    SEARCH_EMPTY = "empty query: give words to search for"
    SEARCH_TOO_LONG = "query of {length:,} characters: a query holds at most {limit:,}"


class MediamonError(Exception):
    """Base of every mediamon error: a reason, and where (file and line) when known."""

    def __init__(self, reason: str, *, path: str | Path | None = None, line: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        return str(self.problem)

    @property
    def problem(self) -> Problem:
        """This error as a :class:`Problem` record."""
        return Problem(path=self.path, line=self.line, reason=self.reason)


class InputError(MediamonError):
    """Input content that cannot be used as it is (the rest of the input still is)."""


class DecodeError(InputError):
    """Bytes that do not decode as text."""


class BinaryInputError(InputError):
    """A file that is not text at all (an image, an archive)."""


class RecordError(InputError):
    """A malformed record in a JSON Lines, JSON or CSV file."""


class DataFileError(MediamonError):
    """A bundled or user data file (month names, boilerplate phrases, ...) that fails validation."""


class GazetteerError(DataFileError):
    """A gazetteer file, or a merge of gazetteers, that fails validation."""


class WorkerError(MediamonError):
    """A worker process of a parallel run died; the run fails rather than come out short."""


class UsageError(MediamonError):
    """A caller's mistake in arguments (not in input content)."""


@attrs.frozen
class Problem:
    """A reported, non-fatal problem with input: where it is and what is wrong."""

    path: str | None
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "reason": self.reason}
