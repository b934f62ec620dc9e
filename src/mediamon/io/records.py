"""Records (one JSON object or CSV row) to Articles, with the contract's key mapping.

Which keys fill which field is the data file ``mediamon/data/records.json`` (the contract's
keys first, then the names real crawlers write). The first present key wins for each
field; keys that map to no field go to ``meta``; ``columns`` says what is what for one run.
Key names also match in another case or with spaces around (``Title``, ``Text``, as CSV
headers often are); an exact name wins over those.
A record with neither title nor body is reported, not guessed at. mediamon's own output
(JSON Lines, or CSV with ``origin``/``meta``/``mentions`` as JSON text) reads back with
its ``date_text``, ``origin``, ``meta`` and ``mentions``.
"""

from __future__ import annotations

import array
import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from mediamon.errors import DataFileError, Msg, Problem, RecordError, UsageError
from mediamon.model import Article, Mention, Origin, article_id
from mediamon.resources import data_path, load_json, string_list
from mediamon.text.dates import parse_date
from mediamon.text.langid import detect_language
from mediamon.text.settings import RecordChecks

__all__ = [
    "FIELDS",
    "FIELD_KEYS",
    "Columns",
    "check_columns",
    "header_like",
    "language_code",
    "parse_columns",
    "record_to_article",
    "records_to_articles",
]

#: The Article fields a record fills.
FIELDS = ("title", "body", "date", "author", "source", "url", "lang", "id")
#: What ``columns=`` may be: names of the columns in order (CSV/TSV), or record key -> field.
Columns = Sequence[str] | Mapping[str, str]
_RECORDS_FILE = "records.json"


@functools.cache
def _field_keys() -> Mapping[str, tuple[str, ...]]:
    """The bundled field map, validated: every field, each a list of key names."""
    data = load_json(_RECORDS_FILE)
    source = data_path(_RECORDS_FILE)
    fields = data.get("fields")
    if not isinstance(fields, Mapping) or set(fields) != set(FIELDS):
        raise DataFileError(
            Msg.DATA_FILE.format(detail=f"'fields' must map exactly {', '.join(FIELDS)}"), path=source
        )
    return {field: tuple(string_list(fields, field, source=source, required=True)) for field in FIELDS}


class _FieldKeys(Mapping[str, tuple[str, ...]]):
    """Article field -> record keys, first present wins; read from the data file when first used."""

    def __getitem__(self, field: str) -> tuple[str, ...]:
        return _field_keys()[field]

    def __iter__(self) -> Iterator[str]:
        return iter(_field_keys())

    def __len__(self) -> int:
        return len(_field_keys())


#: Article field -> record keys, first present wins (``data/records.json``).
FIELD_KEYS: Mapping[str, tuple[str, ...]] = _FieldKeys()
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$", re.IGNORECASE)
#: Keys of mediamon's own output schema, understood when reading it back.
_OWN_KEYS = ("date_text", "origin", "meta", "mentions")
#: Language names and three-letter codes seen in crawler records, for the two core languages.
_LANGUAGE_NAMES = {
    "arabic": "ar",
    "ara": "ar",
    "arb": "ar",
    "العربية": "ar",
    "عربي": "ar",
    "english": "en",
    "eng": "en",
    "und": "und",
}
_SUBTAG = re.compile(r"[-_\s]")


@functools.cache
def _iso_codes() -> frozenset[str]:
    return frozenset(string_list(load_json("languages.json"), "codes", source="languages.json"))


def language_code(value: str) -> str | None:
    """An ISO 639-1 code for a record's language value (``ar``, ``AR``, ``ar-IQ``, ``Arabic``), or None."""
    folded = value.strip().casefold()
    if folded in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[folded]
    primary = _SUBTAG.split(folded, maxsplit=1)[0]
    if primary in _iso_codes():
        return primary
    return _LANGUAGE_NAMES.get(primary)


def _text(value: Any, key: str, path: str, line: int, *, names: bool = False) -> str:
    """A field value as text: strings as they are, numbers written out, a list of names joined
    (``authors``) when ``names``, anything else refused."""
    if isinstance(value, str):
        return value
    if names and isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return ", ".join(v.strip() for v in value if v.strip())
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RecordError(
            Msg.BAD_FIELD.format(field=key, detail=f"expected text, got {type(value).__name__}"),
            path=path,
            line=line,
        )
    return str(value)


def _own_value(value: Any) -> Any:
    """A value of an own-output key; CSV output holds ``origin``/``meta``/``mentions`` as JSON text."""
    if isinstance(value, str) and value[:1] in ("{", "["):
        try:
            return json.loads(value)
        except (ValueError, RecursionError):
            return value
    return value


def record_to_article(
    record: Mapping[str, Any],
    *,
    path: str,
    line: int,
    last_line: int | None = None,
    day_first: bool = True,
    on_problem: Callable[[Problem], None] | None = None,
    columns: Mapping[str, str] | None = None,
) -> Article:
    """Map one record to an Article; raise RecordError (with path and line) when it cannot be.

    ``columns`` (record key -> field) comes before the field map. Problems that leave the
    article usable (a mention that does not fit the text) go to ``on_problem`` when given,
    and are raised as RecordError otherwise.
    """
    used: dict[str, str] = {}  # field -> the record key that filled it
    values: dict[str, str | None] = dict.fromkeys(FIELDS)
    for field, actual in _resolve(record, columns):
        if values[field] is not None or actual in used.values():
            continue
        value = _text(record[actual], actual, path, line, names=field == "author")
        if field == "source" and _URL.match(value.strip()):
            # trafilatura writes the page's URL under "source": it is the url, not the outlet.
            if not _has_field(record, "url", columns):
                values["url"], used["url"] = value, actual
            continue
        values[field], used[field] = value, actual
    own = {key: _own_value(record[key]) for key in _OWN_KEYS if key in record}
    mentions = own.get("mentions")
    # Mention offsets refer to the text as written, so text carrying mentions is not trimmed.
    trim = (lambda s: s) if mentions else str.strip
    title = trim(values["title"] or "")
    body = trim(values["body"] or "")
    if not title.strip() and not body.strip():
        raise RecordError(Msg.NO_TEXT_FIELDS, path=path, line=line)
    date_value = (values["date"] or "").strip()
    date_text = date_value or None
    if isinstance(own.get("date_text"), str) and own["date_text"]:
        date_text = own["date_text"]
    date = parse_date(date_value, day_first=day_first) if date_value else None
    keys_used = set(used.values())
    meta: dict[str, Any] = {
        k: v for k, v in record.items() if k not in keys_used and k not in _OWN_KEYS and not _null_field(k, v)
    }
    own_meta = own.get("meta")
    if isinstance(own_meta, Mapping):
        meta.update(own_meta)
    elif own_meta is not None:
        meta["meta"] = record["meta"]
    origin = _origin(own.get("origin")) or Origin(path, line, last_line or line)
    if "origin" in own and _origin(own["origin"]) is None and own["origin"] not in (None, ""):
        meta["origin"] = record["origin"]
    lang = None
    if values["lang"]:
        lang = language_code(values["lang"])
        if lang is None:  # keep what the record said; detect from the text instead
            meta[used["lang"]] = record[used["lang"]]
    article = Article(
        id=(values["id"] or "").strip() or article_id(title, date_text, body),
        title=title,
        body=body,
        date=date,
        date_text=date_text,
        author=(values["author"] or "").strip() or None,
        source=(values["source"] or "").strip() or None,
        url=(values["url"] or "").strip() or None,
        lang=lang or detect_language(f"{title}\n{body}"),
        origin=origin,
        meta=meta,
    )
    if mentions:
        report = on_problem or _raise
        article = article.evolve(mentions=_mentions(article, mentions, path, line, report))
    return article


@functools.cache
def _mapped() -> frozenset[str]:
    return frozenset(key for keys in FIELD_KEYS.values() for key in keys)


def _folded_keys(record: Mapping[str, Any]) -> dict[str, str]:
    """Mapped key names written in another case or with spaces around (``Title``, ``TEXT ``) -> as written.

    Exact names win over these; among differently written ones, the first in the record does.
    """
    mapped = _mapped()
    out: dict[str, str] = {}
    for key in record:
        if isinstance(key, str) and key not in mapped:
            name = key.strip().casefold()
            if name in mapped and name not in record:
                out.setdefault(name, key)
    return out


@functools.lru_cache(maxsize=32)
def _plan(columns: tuple[tuple[str, str], ...] = ()) -> tuple[tuple[str, str], ...]:
    """(field, record key) in the order they are tried: per field, the ``columns`` keys naming it,
    then the field map's keys. Cached: a run reads every record with the same ``columns``."""
    out: list[tuple[str, str]] = []
    for field in FIELDS:
        named = [key for key, want in columns if want == field]
        out.extend((field, key) for key in (*named, *FIELD_KEYS[field]))
    return tuple(out)


@functools.lru_cache(maxsize=256)
def _shape_keys(keys: tuple[Any, ...], columns: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """(field, key as a record of these keys writes it) for every key :func:`_plan` tries that
    such a record has, in the order tried. The records of one file nearly always have the
    same keys, so this is worked out once per set of keys, not once per record."""
    present = dict.fromkeys(keys)
    folded = _folded_keys(present)
    out = []
    for field, key in _plan(columns):
        actual = key if key in present else folded.get(key)
        if actual is not None:
            out.append((field, actual))
    return tuple(out)


def _resolve(record: Mapping[str, Any], columns: Mapping[str, str] | None) -> list[tuple[str, str]]:
    """(field, record key) candidates holding a value, best first for each field."""
    found = _shape_keys(tuple(record), tuple(columns.items()) if columns else ())
    return [(field, actual) for field, actual in found if record[actual] is not None]


def _has_field(record: Mapping[str, Any], field: str, columns: Mapping[str, str] | None) -> bool:
    return any(f == field for f, _ in _resolve(record, columns))


def _null_field(key: str, value: Any) -> bool:
    """A mapped key holding null: nothing to keep, so it does not go to meta."""
    return value is None and isinstance(key, str) and key.strip().casefold() in _mapped()


def _raise(problem: Problem) -> None:
    raise RecordError(problem.reason, path=problem.path, line=problem.line)


def _origin(value: Any) -> Origin | None:
    if not isinstance(value, Mapping):
        return None
    try:
        origin = Origin.from_dict(value)
    except (KeyError, TypeError, ValueError):
        return None
    return origin if 1 <= origin.first_line <= origin.last_line else None


def _mentions(
    article: Article, raw: Any, path: str, line: int, report: Callable[[Problem], None]
) -> tuple[Mention, ...]:
    """Mentions carried by a record of mediamon's own output, each checked against the text."""
    if not isinstance(raw, list):
        report(
            Problem(path, line, Msg.BAD_FIELD.format(field="mentions", detail="expected a list; left out"))
        )
        return ()
    out = []
    for index, item in enumerate(raw):
        try:
            mention = Mention.from_dict(item)
        except KeyError as exc:
            reason: str | None = f"missing {exc.args[0]!r}"
        except TypeError as exc:
            reason = str(exc)
        else:
            reason = mention.check(article)
        if reason is not None:
            report(Problem(path, line, Msg.BAD_MENTION.format(index=index, detail=reason)))
            continue
        out.append(mention)
    return tuple(out)


# --- a record file as a whole ----------------------------------------------------------------

_Item = tuple[dict[str, Any], int, int]


def parse_columns(value: str | Columns | None) -> Columns | None:
    """``columns=`` checked: ``"title,date,body"`` or a sequence names the columns in order;
    ``"story=body,when=date"`` or a mapping says which record key fills which field."""
    if value is None:
        return None
    if isinstance(value, str):
        parts = [part.strip() for part in value.split(",")]
        if any("=" in part for part in parts):
            pairs = [part.partition("=") for part in parts if part]
            if any(not sep or not key.strip() for key, sep, _ in pairs):
                raise UsageError(
                    Msg.USAGE_COLUMNS.format(detail=f"mix of names and key=field pairs in {value!r}")
                )
            value = {key.strip(): field.strip() for key, _, field in pairs}
        else:
            value = parts
    if isinstance(value, Mapping):
        bad = sorted(str(f) for f in value.values() if f not in FIELDS)
        if bad:
            raise UsageError(
                Msg.USAGE_COLUMNS.format(detail=f"unknown field {bad[0]!r} (use {', '.join(FIELDS)})")
            )
        return dict(value)
    names = [str(name) for name in value]
    if not any(name in FIELDS for name in names):
        raise UsageError(
            Msg.USAGE_COLUMNS.format(detail=f"no field named among {names} (use {', '.join(FIELDS)})")
        )
    return names


def _date_shaped(value: str, checks: RecordChecks) -> bool:
    text = value.strip()
    return bool(text) and len(text) <= checks.date_max_chars and parse_date(text) is not None


def header_like(row: Sequence[str], checks: RecordChecks | None = None) -> bool:
    """Whether a CSV row reads as column names: short cells, none a date or running text."""
    checks = checks or RecordChecks()
    cells = [cell.strip() for cell in row if cell.strip()]
    return bool(cells) and not any(
        len(cell) > checks.header_max_chars
        or len(cell.split()) > checks.header_max_words
        or _date_shaped(cell, checks)
        for cell in cells
    )


def check_columns(
    records: Sequence[Mapping[str, Any]],
    columns: Mapping[str, str] | None,
    checks: RecordChecks | None = None,
) -> str | None:
    """What looks wrong with the columns of these records (a date-shaped title, a body-length
    date ...), or None."""
    checks = checks or RecordChecks()

    def dates(value: str) -> bool:
        return _date_shaped(value, checks)

    def long_text(value: str) -> bool:
        return len(value.strip()) >= checks.long_text_min_chars

    def no_language(value: str) -> bool:
        return language_code(value) is None

    shapes: tuple[tuple[str, str, Callable[[str], bool]], ...] = (
        ("title", "dates", dates),
        ("body", "dates", dates),
        ("date", "long text", long_text),
        ("lang", "long text", long_text),
        ("lang", "no language codes", no_language),
        ("author", "long text", long_text),
    )
    wrong: list[str] = []
    for field, what, bad_shape in shapes:
        values = []
        key = None
        for record in records:
            for f, actual in _resolve(record, columns):
                if f == field and isinstance(record[actual], str) and record[actual].strip():
                    values.append(record[actual])
                    key = actual
                    break
        if len(values) < checks.min_values or any(w.startswith(f"{field} column") for w in wrong):
            continue
        if sum(bad_shape(v) for v in values) > checks.wrong_shape_share * len(values):
            wrong.append(f"{field} column {key!r} holds {what}")
    return "; ".join(wrong) or None


def _text_key(record: Mapping[str, Any], columns: Mapping[str, str] | None) -> bool:
    folded = _folded_keys(record)
    named = [key for key, field in (columns or {}).items() if field in ("title", "body")]
    return any(key in record or key in folded for key in (*named, *FIELD_KEYS["title"], *FIELD_KEYS["body"]))


#: How many of the keys seen, and how much of each, a "no title or body" problem lists.
_KEYS_SHOWN = 20
_KEY_SHOWN_CHARS = 60


def _shown_key(key: str) -> str:
    return repr(key) if len(key) <= _KEY_SHOWN_CHARS else f"{key[:_KEY_SHOWN_CHARS]!r}..."


def records_to_articles(
    items: Iterable[_Item | Problem],
    *,
    path: str,
    on_problem: Callable[[Problem], None],
    day_first: bool = True,
    columns: Columns | None = None,
    checks: RecordChecks | None = None,
) -> Iterator[Article]:
    """The Articles of one record file, with its problems; the file is also judged as a whole.

    When no record has a title or body key at all, that is ONE problem naming the keys seen
    (not one per record); columns that look shifted are reported once.
    """
    checks = checks or RecordChecks()
    mapping = columns if isinstance(columns, Mapping) else None
    keys_seen: dict[str, None] = {}
    text_key = False
    # Lines of records with neither title nor body, held until a record shows a text key (then
    # each is reported) or the end (then one problem names the keys): 8 bytes each, not a Problem.
    pending = array.array("q")
    sample: list[Mapping[str, Any]] = []
    checked = False

    def check() -> None:
        detail = check_columns(sample, mapping, checks)
        if detail is not None:
            on_problem(Problem(path, None, Msg.COLUMNS_SHIFTED.format(detail=detail)))

    for item in items:
        if isinstance(item, Problem):
            on_problem(item)
            continue
        record, first, last = item
        keys_seen.update(dict.fromkeys(str(key) for key in record))
        text_key = text_key or _text_key(record, mapping)
        if not checked:
            sample.append(record)
            if len(sample) >= checks.sample:
                check()
                checked = True
        try:
            yield record_to_article(
                record,
                path=path,
                line=first,
                last_line=last,
                day_first=day_first,
                on_problem=on_problem,
                columns=mapping,
            )
        except RecordError as exc:
            if text_key or exc.problem.reason != Msg.NO_TEXT_FIELDS:
                on_problem(exc.problem)
            else:
                pending.append(exc.problem.line or 0)
        if text_key and pending:
            for line in pending:
                on_problem(Problem(path, line or None, Msg.NO_TEXT_FIELDS))
            del pending[:]
    if not checked and sample:
        check()
    if pending:
        keys = [key for key in keys_seen if key not in _OWN_KEYS]
        # The example names a key as a user would type it; keys with spaces or controls are only listed.
        example = next(
            (
                key
                for key in keys
                if key.isprintable() and key.strip() and " " not in key and len(key) <= _KEY_SHOWN_CHARS
            ),
            "KEY",
        )
        shown = ", ".join(_shown_key(key) for key in keys[:_KEYS_SHOWN]) or "none"
        if len(keys) > _KEYS_SHOWN:  # a line a reader can take in, however many keys the records have
            shown += f" and {len(keys) - _KEYS_SHOWN:,} more"
        on_problem(Problem(path, None, Msg.NO_TEXT_KEYS.format(keys=shown, example=example)))
