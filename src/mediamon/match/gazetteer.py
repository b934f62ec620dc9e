"""Entities and gazetteers: loading, validating and merging bilingual name lists.

Formats (chosen by suffix): JSON Lines (one entity a line), CSV/TSV (``id,type,lang,alias``
and an optional ``name`` column, one alias a row), and the JRC-Names layout (tab-separated
``id type lang variant`` with ``+`` for spaces; ``.jrc``/``.jrc.tsv``, or a ``.tsv`` without
the contract's header). Compressed versions (``.gz``, ``.bz2``, ``.xz``) of each are read too.

A gazetteer file is data, parsed with ``json`` and ``csv`` only. A malformed file is
refused whole: :meth:`Gazetteer.load` raises the first problem, :func:`check_file` lists
them all, each with file, line and reason.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from importlib import metadata, resources
from typing import Any

import attrs

from mediamon.errors import GazetteerError, Msg, Problem
from mediamon.io import compression, detect
from mediamon.io.record_files import (
    JSON,
    numbered_lines,
    repeats_reason,
    table_rows,
    take_repeats,
    tsv_quoting,
    without_bom,
)
from mediamon.model import FrozenDict
from mediamon.resources import load_json, string_list

__all__ = ["BLOCK_PREFIX", "WIKIDATA_QID", "Entity", "Gazetteer", "check_file", "wikidata_of"]

_TYPE_OF_JRC = {"P": "PER", "O": "ORG", "L": "LOC", "T": "LOC", "U": "MISC"}
_CONTRACT_COLUMNS = ("id", "type", "lang", "alias")


@functools.cache
def _language_codes() -> frozenset[str]:
    return frozenset(
        string_list(load_json("languages.json"), "codes", source="languages.json", required=True)
    )


def _names(value: Mapping[str, Iterable[str]]) -> Mapping[str, tuple[str, ...]]:
    if isinstance(value, FrozenDict) and all(isinstance(v, tuple) for v in value.values()):
        return value
    return FrozenDict({sys.intern(lang): tuple(aliases) for lang, aliases in value.items()})


# Most entities have no meta: they share one empty (read-only) mapping.
_NO_META = FrozenDict()


def _meta(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return FrozenDict(value) if value else _NO_META


#: A Wikidata item id, as ``meta.wikidata`` holds it.
WIKIDATA_QID = re.compile(r"Q[1-9][0-9]*")


def wikidata_of(meta: Mapping[str, Any]) -> str | None:
    """The Wikidata QID in an entity's meta (``meta["wikidata"]``), or None when it has none."""
    qid = meta.get("wikidata")
    return qid if isinstance(qid, str) and WIKIDATA_QID.fullmatch(qid) else None


@attrs.frozen
class Entity:
    """A named thing with aliases per language; ``name`` is its display name (English when it has one)."""

    id: str
    type: str
    name: str
    names: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_names)
    meta: Mapping[str, Any] = attrs.field(factory=dict, converter=_meta)

    @classmethod
    def create(
        cls,
        id: str,
        type: str,
        names: Mapping[str, Iterable[str]],
        name: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> Entity:
        """An Entity whose ``name`` defaults to the first English alias, else the first alias."""
        frozen = FrozenDict({sys.intern(lang): tuple(aliases) for lang, aliases in names.items()})
        if not name:
            english = frozen.get("en") or ()
            name = english[0] if english else next((a for aliases in frozen.values() for a in aliases), id)
        return cls(id=id, type=sys.intern(type), name=name, names=frozen, meta=meta)

    def aliases(self) -> Iterator[tuple[str, str]]:
        """(language, alias) pairs in file order."""
        for lang, aliases in self.names.items():
            for alias in aliases:
                yield lang, alias

    def merged_with(self, other: Entity) -> Entity:
        """This entity with ``other``'s aliases added (same id and type; this one's name and meta win)."""
        names: dict[str, list[str]] = {lang: list(aliases) for lang, aliases in self.names.items()}
        for lang, alias in other.aliases():
            bucket = names.setdefault(lang, [])
            if alias not in bucket:
                bucket.append(alias)
        meta = {**other.meta, **self.meta}
        for key, value in other.meta.items():  # blocked texts add up: two patches both count
            mine = self.meta.get(key)
            if key.startswith(BLOCK_PREFIX) and isinstance(value, list) and isinstance(mine, list):
                meta[key] = [*mine, *(text for text in value if text not in mine)]
        # A patch entity with no aliases of its own (only blocked texts) keeps the other's name.
        name = self.name if self.names else other.name
        return attrs.evolve(self, name=name, names=names, meta=meta)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "type": self.type, "name": self.name}
        out["names"] = {lang: list(aliases) for lang, aliases in self.names.items()}
        if self.meta:
            out["meta"] = dict(self.meta)
        return out


class Gazetteer:
    """An ordered set of Entities keyed by id; earlier entities win alias conflicts when matching."""

    def __init__(self, entities: Iterable[Entity] = (), *, name: str = "gazetteer"):
        self.name = name
        self._entities: dict[str, Entity] = {}
        #: id -> (file, line) where the entity was first declared, for entities read from a file.
        self._places: dict[str, tuple[str, int | None]] = {}
        for entity in entities:
            self.add(entity)

    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._entities.values())

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def __getitem__(self, entity_id: str) -> Entity:
        return self._entities[entity_id]

    def __repr__(self) -> str:
        return f"<Gazetteer {self.name!r}: {len(self)} entities>"

    def __or__(self, other: Gazetteer) -> Gazetteer:
        return self.merge(other)

    def __getstate__(self) -> dict[str, Any]:
        return {"name": self.name, "entities": [e.to_dict() for e in self], "places": self._places}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.name = state["name"]
        self._entities = {}
        self._places = dict(state.get("places", {}))
        for item in state["entities"]:
            self.add(Entity.create(item["id"], item["type"], item["names"], item["name"], item.get("meta")))

    def get(self, entity_id: str) -> Entity | None:
        return self._entities.get(entity_id)

    def add(self, entity: Entity) -> None:
        """Add an entity; an existing id gains its aliases, a conflicting type is refused."""
        self._add(entity, None, "the entity added")

    def _add(self, entity: Entity, place: tuple[str, int | None] | None, source: str) -> None:
        """:meth:`add`, the entity read at ``place`` (file, line) of gazetteer ``source``: a type
        conflict names where the entity already here was read, and where the other was."""
        old = self._entities.get(entity.id)
        if old is None:
            self._entities[entity.id] = entity
            if place is not None:
                self._places[entity.id] = place
        elif old.type != entity.type:
            where = self._places.get(entity.id)
            other = _place_text(place) if place is not None else source
            reason = Msg.GAZ_DUP_ID.format(id=entity.id, new=entity.type, old=old.type, other=other)
            path, line = where if where is not None else (self.name, None)
            raise GazetteerError(reason, path=path, line=line)
        else:
            self._entities[entity.id] = old.merged_with(entity)

    def _absorb(self, other: Gazetteer) -> None:
        """Add ``other``'s entities, in its order, keeping where each was read."""
        for entity in other:
            self._add(entity, other._places.get(entity.id), f"gazetteer {other.name!r}")

    def merge(self, *others: Gazetteer) -> Gazetteer:
        """A new gazetteer: this one's entities first, then the others' (same ids merged)."""
        out = Gazetteer(name=" | ".join([self.name, *(o.name for o in others)]))
        for gazetteer in (self, *others):
            out._absorb(gazetteer)
        return out

    def alias_count(self) -> int:
        return sum(len(aliases) for e in self for aliases in e.names.values())

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, format: str | None = None) -> Gazetteer:
        """Load a gazetteer file; raise GazetteerError (file, line, reason) at the first problem."""
        loaded, problems = cls.checked(path, format=format)
        if loaded is None:
            first = problems[0]
            raise GazetteerError(first.reason, path=first.path, line=first.line)
        return loaded

    @classmethod
    def checked(
        cls, path: str | os.PathLike[str], *, format: str | None = None
    ) -> tuple[Gazetteer | None, list[Problem]]:
        """The gazetteer of a file and every problem in it (None when there is one), reading the
        file once: a pipe (``<(zcat g.jsonl.gz)``) can be read only once."""
        entities, problems, lines = _parse(os.fspath(path), format)
        if problems:
            return None, problems
        out = cls(entities, name=os.path.basename(os.fspath(path)))
        out._places = {entity.id: (os.fspath(path), lines.get(entity.id)) for entity in entities}
        return out, []

    @classmethod
    def bundled(cls, *, include: Iterable[str] | None = None) -> Gazetteer:
        """The gazetteers shipped with mediamon (``include`` names files; default: the default set)."""
        return _bundled(tuple(include) if include is not None else None)

    @classmethod
    def default(cls, *, plugins: bool = True) -> Gazetteer:
        """The bundled gazetteers, plus those of installed plugins (entry points ``mediamon.gazetteers``)."""
        gazetteer = cls.bundled()
        return gazetteer.merge(*cls.plugins()) if plugins else gazetteer

    @classmethod
    def plugins(cls) -> list[Gazetteer]:
        """Gazetteers from installed packages' ``mediamon.gazetteers`` entry points, by name."""
        out = []
        for entry in sorted(metadata.entry_points(group="mediamon.gazetteers"), key=lambda e: e.name):
            try:
                value = entry.load()()
                out.append(value if isinstance(value, Gazetteer) else cls.load(value))
            except GazetteerError:
                raise
            except Exception as exc:
                raise GazetteerError(Msg.GAZ_PLUGIN.format(name=entry.name, detail=exc)) from exc
        return out


@functools.cache
def _bundled(include: tuple[str, ...] | None) -> Gazetteer:
    folder = resources.files("mediamon").joinpath("data").joinpath("gazetteers")
    manifest = json.loads(folder.joinpath("MANIFEST.json").read_text(encoding="utf-8"))
    names = include if include is not None else tuple(manifest.get("default_files", ()))
    out = Gazetteer(name="bundled")
    for file_name in names:
        ref = folder.joinpath(file_name)
        with resources.as_file(ref) as real:
            out._absorb(Gazetteer.load(real))
    return out


def _place_text(place: tuple[str, int | None]) -> str:
    path, line = place
    return path if line is None else f"{path}:{line}"


def check_file(path: str | os.PathLike[str], *, format: str | None = None) -> list[Problem]:
    """Every problem in a gazetteer file (empty when it is valid)."""
    return _parse(os.fspath(path), format)[1]


def _detect_format(path: str, text: str) -> str:
    lower, compressed = path.lower(), compression.by_name(path)
    if compressed:
        lower = lower.removesuffix(compressed)
    if lower.endswith(".jsonl") or lower.endswith(".ndjson"):
        return "jsonl"
    if lower.endswith(".csv"):
        return "csv"
    if lower.endswith(".jrc") or lower.endswith(".jrc.tsv"):
        return "jrc"
    if lower.endswith(".tsv") or lower.endswith(".txt"):
        return "tsv" if _header_cells(text, "\t") == list(_CONTRACT_COLUMNS) else "jrc"
    if not detect.regular_file(path):  # a pipe (``-g <(zcat g.jsonl.gz)``) has no suffix: its content tells
        start = text.lstrip("\ufeff \t\r\n")[:1]
        if start in ("{", ""):
            return "jsonl"
        for delimiter, fmt in (("\t", "tsv"), (",", "csv")):
            if _header_cells(text, delimiter) == list(_CONTRACT_COLUMNS):
                return fmt
        if "\t" in text.split("\n", 1)[0]:
            return "jrc"
    raise GazetteerError(Msg.GAZ_SUFFIX.format(suffix=os.path.splitext(lower)[1] or lower), path=path)


def _header_cells(text: str, delimiter: str) -> list[str]:
    """The first four cells of the first line, trimmed and lower-cased."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].lower().split(delimiter)
    return [c.strip() for c in first[:4]]


def _inflate(raw: bytes, suffix: str) -> bytes:
    """``raw`` decompressed, every stream of it (a gazetteer is read whole, as when named ``.gz``)."""
    out: list[bytes] = []
    rest = raw
    while rest.strip(b"\x00"):
        decompressor = compression.FORMATS[suffix].decompressor()
        out.append(decompressor.decompress(rest))
        if not decompressor.eof:
            raise EOFError("compressed data ends before its end-of-stream marker")
        rest = decompressor.unused_data
    return b"".join(out)


def _parse(path: str, format: str | None) -> tuple[list[Entity], list[Problem], dict[str, int]]:
    """Entities, problems, and the line where each entity id is first declared."""
    try:
        from mediamon.io.inputs import LIMITS  # a cycle at import time: inputs reads through corpus

        with compression.open_read(path) as handle:
            raw = handle.read(LIMITS.max_bytes + 1)
        if len(raw) > LIMITS.max_bytes:  # a gazetteer is read whole: one over the cap is refused
            return [], [Problem(path, None, Msg.GAZ_TOO_BIG.format(limit=LIMITS.max_bytes))], {}
        packed = compression.by_magic(raw) if compression.by_name(path) is None else None
        if packed is not None:  # a pipe (``-g <(cat g.jsonl.gz)``) or a file misnamed: the content tells
            raw = _inflate(raw, packed)
        text = raw.decode("utf-8-sig")
    except compression.ERRORS as exc:
        detail = getattr(exc, "strerror", None) or exc
        return [], [Problem(path, None, Msg.UNREADABLE.format(detail=detail))], {}
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [], [Problem(path, line, Msg.UNREADABLE.format(detail="not UTF-8 text"))], {}
    try:
        fmt = format or _detect_format(path, text)
    except GazetteerError as exc:
        return [], [exc.problem], {}
    builder = _Builder(path)
    if fmt == "jsonl":
        builder.jsonl(text)
    elif fmt in ("csv", "tsv"):
        builder.table(text, "\t" if fmt == "tsv" else ",")
    elif fmt == "jrc":
        builder.jrc(text)
    else:
        return [], [Problem(path, None, Msg.GAZ_SUFFIX.format(suffix=fmt))], {}
    return builder.entities(), builder.problems, builder.lines()


class _Builder:
    """Collects entities from rows, validating as it goes; every problem is kept."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self._order: list[str] = []
        self._types: dict[str, tuple[str, int]] = {}
        # Aliases per entity and language, in file order (a dict: one entity may have very many).
        self._names: dict[str, dict[str, dict[str, None]]] = {}
        self._display: dict[str, str] = {}
        self._meta: dict[str, dict[str, Any]] = {}

    def _problem(self, line: int, reason: str) -> None:
        self.problems.append(Problem(self.path, line, reason))

    def _alias_ok(self, line: int, alias: Any) -> str | None:
        if not isinstance(alias, str):
            self._problem(
                line,
                Msg.GAZ_BAD_TYPE.format(field="alias", want="a string", got=type(alias).__name__),
            )
            return None
        alias = " ".join(alias.split())
        if not alias:
            self._problem(line, Msg.GAZ_EMPTY_ALIAS)
            return None
        if not any(_counts_as_letter(c) for c in alias):
            self._problem(line, Msg.GAZ_BAD_ALIAS.format(alias=alias))
            return None
        if alias.startswith('"') and alias.count('"') == 1:
            # A quote meant to open a field, read as a character (plain TSV, a CSV line re-read).
            self._problem(line, Msg.GAZ_QUOTE_ALIAS.format(alias=alias))
            return None
        return str(alias)

    def _lang_ok(self, line: int, lang: Any) -> bool:
        if not isinstance(lang, str) or lang.lower() not in _language_codes():
            self._problem(line, Msg.GAZ_BAD_LANG.format(lang=lang))
            return False
        return True

    def add(
        self, line: int, entity_id: Any, etype: Any, lang: str, alias: Any, name: Any = None
    ) -> str | None:
        """Add one alias of an entity (declared first); the entity's clean id, or None after a
        problem with its id or type."""
        clean_id = self.declare(line, entity_id, etype, name)
        if clean_id is not None:
            self._add_alias(line, clean_id, lang, alias)
        return clean_id

    def _add_alias(self, line: int, clean_id: str, lang: str, alias: Any) -> None:
        """Add one alias of an entity already declared."""
        if not self._lang_ok(line, lang):
            return
        clean = self._alias_ok(line, alias)
        if clean is None:
            return
        self._names[clean_id].setdefault(lang.lower(), {})[clean] = None

    def declare(self, line: int, entity_id: Any, etype: Any, name: Any = None) -> str | None:
        """Register an entity (its id, type and display name); its clean id, or None after a problem."""
        if not isinstance(entity_id, str) or not entity_id.strip():
            self._problem(line, Msg.GAZ_MISSING.format(field="id"))
            return None
        if not isinstance(etype, str) or not etype.strip():
            self._problem(line, Msg.GAZ_MISSING.format(field="type"))
            return None
        entity_id, etype = entity_id.strip(), etype.strip()
        seen = self._types.get(entity_id)
        if seen is None:
            self._types[entity_id] = (etype, line)
            self._order.append(entity_id)
            self._names[entity_id] = {}
        elif seen[0] != etype:
            self._problem(
                line,
                Msg.GAZ_TWO_TYPES.format(id=entity_id, new=etype, old=seen[0], old_line=seen[1]),
            )
            return None
        if isinstance(name, str) and name.strip() and entity_id not in self._display:
            self._display[entity_id] = name.strip()
        return str(entity_id)

    def jsonl(self, text: str) -> None:
        for number, raw in numbered_lines(text):
            if not raw.strip():
                continue
            take_repeats()
            try:
                item = JSON.decode(without_bom(raw))
            except (json.JSONDecodeError, RecursionError) as exc:
                self._problem(number, Msg.BAD_JSON.format(detail=getattr(exc, "msg", "nested too deeply")))
                continue
            for found, earlier in take_repeats():  # json would keep the last value without a word
                where = "the entry" if found is item else "an object inside the entry"
                self._problem(number, repeats_reason(earlier, where, "write each key once"))
            if not isinstance(item, dict):
                self._problem(number, Msg.NOT_A_RECORD.format(kind=type(item).__name__))
                continue
            names = item.get("names")
            if not names and _blocks(item.get("meta")):  # a patch line: texts to block, no aliases
                self.declare(number, item.get("id"), item.get("type"), item.get("name"))
                names = {}
            elif not isinstance(names, dict) or not names:
                self._problem(
                    number,
                    Msg.GAZ_MISSING.format(field="names")
                    if not names
                    else Msg.GAZ_BAD_TYPE.format(
                        field="names",
                        want="an object of language -> aliases",
                        got=type(names).__name__,
                    ),
                )
                if not isinstance(item.get("id"), str) or not item.get("id"):
                    self._problem(number, Msg.GAZ_MISSING.format(field="id"))
                continue
            before = len(self.problems)
            # Declaring the entity again once it was declared without a problem changes nothing
            # (same id, same type, its display name already kept): its other aliases skip it.
            declared: str | None = None
            for lang, value in names.items():
                aliases = value if isinstance(value, list) else [value]
                if not aliases:
                    self._problem(number, Msg.GAZ_EMPTY_ALIAS)
                for alias in aliases:
                    if declared is not None:
                        self._add_alias(number, declared, lang, alias)
                        continue
                    declared = self.add(
                        number, item.get("id"), item.get("type"), lang, alias, item.get("name")
                    )
                    if len(self.problems) > before and self.problems[-1].reason.startswith("missing"):
                        break
            meta = item.get("meta")
            if meta is not None and not isinstance(meta, dict):
                self._problem(
                    number,
                    Msg.GAZ_BAD_TYPE.format(field="meta", want="an object", got=type(meta).__name__),
                )
            elif isinstance(meta, dict) and isinstance(item.get("id"), str):
                qid = meta.get("wikidata")
                if qid is not None and wikidata_of(meta) is None:
                    self._problem(number, Msg.GAZ_BAD_QID.format(value=qid))
                    meta = {k: v for k, v in meta.items() if k != "wikidata"}
                self._meta.setdefault(item["id"].strip(), {}).update(meta)

    def table(self, text: str, delimiter: str) -> None:
        quoting = tsv_quoting(text) if delimiter == "\t" else csv.QUOTE_MINIMAL
        col: dict[str, int] | None = None
        broken = 0  # the line of the last unpaired quote: its row (re-read as it stands) is not added
        for item in table_rows(text, self.path, delimiter=delimiter, quoting=quoting):
            if isinstance(item, Problem):
                self.problems.append(item)
                broken = item.line or 0
                continue
            row, number, last = item
            if number == broken:
                continue
            if last > number:
                # No gazetteer field holds a line break: a quote opened here ran over later rows.
                self._problem(number, Msg.GAZ_ROW_LINES.format(last=last))
                continue
            if col is None:
                header = [h.strip().lstrip("\ufeff").strip().lower() for h in row]
                if any(c not in header for c in _CONTRACT_COLUMNS):
                    self._problem(number, Msg.GAZ_HEADER.format(found=", ".join(header) or "nothing"))
                    return
                col = {name: header.index(name) for name in header}
                continue
            if not any(cell.strip() for cell in row):
                continue
            if [h.strip().lstrip("\ufeff").strip().lower() for h in row] == header:
                continue  # the header again: files joined together (its "lang" is no language)
            if len(row) < len(_CONTRACT_COLUMNS):
                self._problem(
                    number,
                    Msg.CSV_RAGGED.format(got=len(row), want=len(header), detail="row refused"),
                )
                continue

            def cell(name: str, row: list[str] = row, col: dict[str, int] = col) -> str | None:
                index = col.get(name)
                return row[index] if index is not None and index < len(row) else None

            self.add(
                number,
                cell("id"),
                cell("type"),
                (cell("lang") or "").strip(),
                cell("alias") or "",
                cell("name"),
            )
        if col is None:
            self._problem(1, Msg.GAZ_HEADER.format(found="nothing"))

    def jrc(self, text: str) -> None:
        for number, raw in numbered_lines(text):
            if not raw.strip() or raw.startswith("#"):
                continue
            parts = raw.rstrip("\r").split("\t")
            if len(parts) < 4:
                self._problem(
                    number,
                    Msg.CSV_RAGGED.format(
                        got=len(parts), want=4, detail="JRC-Names rows are id, type, lang, variant"
                    ),
                )
                continue
            entity_id, etype, lang, variant = (
                parts[0].strip(),
                parts[1].strip(),
                parts[2].strip(),
                parts[3],
            )
            lang = "und" if lang in ("u", "") else lang
            self.add(
                number,
                f"jrc:{entity_id}" if entity_id else "",
                _TYPE_OF_JRC.get(etype, etype),
                lang,
                variant.replace("+", " "),
            )

    def lines(self) -> dict[str, int]:
        """Entity id -> the line declaring it first."""
        return {entity_id: line for entity_id, (_, line) in self._types.items()}

    def entities(self) -> list[Entity]:
        """The entities, in file order; the builder's own tables are emptied as they are used.

        (A million-alias file would otherwise hold its rows twice at the peak.)
        """
        out = []
        for entity_id in self._order:
            collected = self._names.pop(entity_id)
            names = {lang: list(aliases) for lang, aliases in collected.items() if aliases}
            if not names and not _blocks(self._meta.get(entity_id)):
                continue
            out.append(
                Entity.create(
                    entity_id,
                    self._types[entity_id][0],
                    names,
                    self._display.pop(entity_id, None),
                    self._meta.pop(entity_id, None),
                )
            )
        self._order = []
        return out


#: Meta keys ``block_<lang>`` list texts that are never mentions of the entity (match/block.py).
BLOCK_PREFIX = "block_"


def _blocks(meta: Any) -> bool:
    """Whether a meta object blocks texts: a patch entity may then have no aliases of its own."""
    return isinstance(meta, dict) and any(k.startswith(BLOCK_PREFIX) and v for k, v in meta.items())


def _counts_as_letter(char: str) -> bool:
    """A letter or digit an alias can match on: not a modifier letter such as tatweel (U+0640),
    which normalisation removes, so an alias made only of them could never match."""
    return char.isalnum() and unicodedata.category(char) != "Lm"
