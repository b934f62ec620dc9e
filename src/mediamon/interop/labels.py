"""Label round trip: mentions out to Label Studio for correction, corrections back as a gazetteer patch.

Why Label Studio JSON rather than a spaCy DocBin: a reviewer needs a tool that shows the
article and lets them delete, move or add a span, and Label Studio does that on exact
character offsets; a DocBin holds token spans, which for Arabic would widen ``العراق`` to
the whole token ``والعراق`` (see docs/interop.md), and it is a binary file for training,
not for review.

- :func:`tasks` / :func:`write_tasks`: one task per article (``data.text`` is
  ``Article.text``), mediamon's mentions as *predictions* (a ``labels`` region with the
  type and a per-region ``textarea`` with the entity id), and the same mentions kept in
  ``data.mediamon`` so the import knows what was predicted. :func:`label_config` is the
  labelling interface to paste into the project.
- :func:`read_corrections`: the project's JSON export back. Against each task's
  predictions, a span deleted, trimmed or given another entity id *blocks* its text for
  its entity; a span added, widened or given another entity id *adds* its text as an
  alias of the entity in its box. The result,
  :class:`Patch`, is written as a JSON Lines gazetteer (``-g patch.jsonl`` applies it:
  ``names`` to add, ``meta.block_<lang>`` to block; see match/block.py).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from xml.sax.saxutils import quoteattr

import attrs

from mediamon.errors import InputError, Msg, Problem
from mediamon.interop.spans import text_spans
from mediamon.match.block import language_of
from mediamon.match.gazetteer import BLOCK_PREFIX, Gazetteer
from mediamon.model import Article

__all__ = ["Patch", "label_config", "read_corrections", "tasks", "write_tasks"]

#: The names the labelling interface and the regions share (``from_name`` / ``to_name``).
LABEL, ENTITY, TEXT = "label", "entity", "text"


def label_config(types: Iterable[str]) -> str:
    """Label Studio's labelling interface: the text, a label per entity type, an entity-id box per region."""
    labels = "".join(f"\n    <Label value={quoteattr(t)}/>" for t in sorted(set(types)))
    return (
        "<View>\n"
        f'  <Labels name="{LABEL}" toName="{TEXT}">{labels}\n  </Labels>\n'
        f'  <Text name="{TEXT}" value="$text"/>\n'
        f'  <TextArea name="{ENTITY}" toName="{TEXT}" perRegion="true" editable="true"'
        ' maxSubmissions="1" placeholder="entity id"/>\n'
        "</View>\n"
    )


def _regions(index: int, start: int, end: int, text: str, etype: str, entity_id: str) -> list[dict[str, Any]]:
    region = f"m{index}"
    where = {"start": start, "end": end}
    return [
        {"id": region, "from_name": LABEL, "to_name": TEXT, "type": "labels",
         "value": {**where, "text": text, "labels": [etype]}},
        {"id": region, "from_name": ENTITY, "to_name": TEXT, "type": "textarea",
         "value": {**where, "text": [entity_id]}},
    ]  # fmt: skip


def tasks(articles: Iterable[Article], *, model_version: str = "mediamon") -> list[dict[str, Any]]:
    """Label Studio tasks, one per article, its mentions as predictions (offsets into ``Article.text``)."""
    out = []
    for article in articles:
        predicted = []
        result: list[dict[str, Any]] = []
        for index, (start, end, m) in enumerate(text_spans(article)):
            predicted.append(
                {"start": start, "end": end, "text": m.text, "entity_id": m.entity_id,
                 "entity_type": m.entity_type, "entity_name": m.entity_name, "how": m.how}
            )  # fmt: skip
            result.extend(_regions(index, start, end, m.text, m.entity_type, m.entity_id))
        data = {
            "text": article.text,
            "article_id": article.id,
            "lang": article.lang,
            "source": article.source,
            "date": article.date.isoformat() if article.date else None,
            "url": article.url,
            "mediamon": predicted,
        }
        out.append({"data": data, "predictions": [{"model_version": model_version, "result": result}]})
    return out


def write_tasks(articles: Iterable[Article], path: str | os.PathLike[str]) -> int:
    """Write :func:`tasks` as one JSON array (what Label Studio imports), atomically; return how many."""
    from mediamon.io.atomic import atomic_write

    listed = tasks(articles)
    with atomic_write(path) as handle:
        json.dump(listed, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return len(listed)


@attrs.define
class _Edit:
    """What a patch does to one entity: its type and name, aliases to add, texts to block."""

    type: str
    name: str
    add: dict[str, list[str]] = attrs.field(factory=dict)
    block: dict[str, list[str]] = attrs.field(factory=dict)


def _put(bucket: dict[str, list[str]], text: str) -> None:
    lang = language_of(text).code
    texts = bucket.setdefault(lang, [])
    if text not in texts:
        texts.append(text)


@attrs.define
class Patch:
    """Gazetteer changes from corrected labels: per entity, aliases to add and texts to block."""

    edits: dict[str, _Edit] = attrs.field(factory=dict)
    #: Regions the reviewer kept as mediamon predicted them.
    confirmed: int = 0
    #: Tasks read, and those with a (not cancelled) annotation.
    tasks: int = 0
    reviewed: int = 0
    problems: list[Problem] = attrs.field(factory=list)

    def _edit(self, entity_id: str, etype: str, name: str) -> _Edit:
        return self.edits.setdefault(entity_id, _Edit(etype, name or entity_id))

    def add(self, entity_id: str, etype: str, name: str, text: str) -> None:
        _put(self._edit(entity_id, etype, name).add, text)

    def block(self, entity_id: str, etype: str, name: str, text: str) -> None:
        _put(self._edit(entity_id, etype, name).block, text)

    @property
    def added(self) -> int:
        return sum(len(v) for e in self.edits.values() for v in e.add.values())

    @property
    def blocked(self) -> int:
        return sum(len(v) for e in self.edits.values() for v in e.block.values())

    def lines(self) -> list[dict[str, Any]]:
        """The patch as gazetteer JSON Lines records, by entity id."""
        out = []
        for entity_id in sorted(self.edits):
            edit = self.edits[entity_id]
            line: dict[str, Any] = {"id": entity_id, "type": edit.type, "name": edit.name}
            if edit.add:
                line["names"] = edit.add
            if edit.block:
                line["meta"] = {f"{BLOCK_PREFIX}{lang}": texts for lang, texts in edit.block.items()}
            out.append(line)
        return out

    def write(self, path: str | os.PathLike[str]) -> int:
        """Write the patch as a JSON Lines gazetteer atomically; return how many entities."""
        from mediamon.io.atomic import atomic_write

        lines = self.lines()
        with atomic_write(path) as handle:
            for line in lines:
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        return len(lines)


def _annotation(task: Mapping[str, Any]) -> list[Any] | None:
    """The result of the task's last annotation that was not cancelled (None: not reviewed)."""
    kept = [a for a in task.get("annotations") or () if isinstance(a, Mapping) and not a.get("was_cancelled")]
    result = kept[-1].get("result") if kept else None
    return result if isinstance(result, list) else None


def _corrected(result: Sequence[Any]) -> dict[tuple[int, int], dict[str, str | None]]:
    """Span -> {"type", "entity_id", "text"} from an annotation's regions (label and id box joined
    by region id; ``text`` is the region's own copy of its text, when it has one)."""
    by_region: dict[str, dict[str, Any]] = {}
    for item in result:
        if not isinstance(item, Mapping) or not isinstance(item.get("value"), Mapping):
            continue
        value = item["value"]
        region = by_region.setdefault(str(item.get("id")), {})
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            region["span"] = (value["start"], value["end"])
        if item.get("type") == "labels" and isinstance(value.get("text"), str):
            region["text"] = value["text"]
        if item.get("type") == "labels" and value.get("labels"):
            region["type"] = str(value["labels"][0])
        elif item.get("type") == "textarea" and value.get("text"):
            texts = value["text"]
            region["entity_id"] = str(texts[0] if isinstance(texts, list) else texts).strip() or None
    return {
        r["span"]: {"type": r.get("type"), "entity_id": r.get("entity_id"), "text": r.get("text")}
        for r in by_region.values()
        if "span" in r and ("type" in r or "entity_id" in r)
    }


def read_corrections(path: str | os.PathLike[str], gazetteer: Gazetteer | None = None) -> Patch:
    """The :class:`Patch` of a Label Studio JSON export of tasks made by :func:`write_tasks`.

    ``gazetteer`` (e.g. the annotator's) names and types entity ids the reviewer typed; an
    id it does not know becomes a new entity of the region's label. Problems (a task that
    is not ours, an added span with no entity id or no label, a type that contradicts the
    gazetteer) are collected in ``patch.problems`` with the task's number; the rest is used.
    """
    name = os.fspath(path)
    try:
        with open(name, encoding="utf-8-sig") as handle:
            exported = json.load(handle)
    except OSError as exc:
        raise InputError(Msg.UNREADABLE.format(detail=exc.strerror or exc), path=name) from exc
    except UnicodeDecodeError as exc:
        raise InputError(Msg.UNREADABLE.format(detail="not UTF-8 text"), path=name) from exc
    except json.JSONDecodeError as exc:
        detail = f"{exc.msg} (column {exc.colno})"
        raise InputError(Msg.BAD_JSON.format(detail=detail), path=name, line=exc.lineno) from exc
    if isinstance(exported, Mapping):
        exported = [exported]
    if not isinstance(exported, list):
        raise InputError(Msg.LABELS_NOT_TASKS.format(kind=type(exported).__name__), path=name)
    patch = Patch()
    for number, task in enumerate(exported, start=1):
        patch.tasks += 1
        _read_task(patch, name, number, task, gazetteer)
    return patch


def _read_task(patch: Patch, path: str, number: int, task: Any, gazetteer: Gazetteer | None) -> None:
    data = task.get("data") if isinstance(task, Mapping) else None
    if not isinstance(data, Mapping) or not isinstance(data.get("text"), str):
        patch.problems.append(Problem(path, None, Msg.LABELS_NOT_OURS.format(number=number)))
        return
    result = _annotation(task)
    if result is None:
        return
    patch.reviewed += 1
    text: str = data["text"]
    predicted = {
        (p["start"], p["end"]): p
        for p in data.get("mediamon") or ()
        if isinstance(p, Mapping) and isinstance(p.get("start"), int) and isinstance(p.get("end"), int)
    }
    corrected = {}
    for span, region in _corrected(result).items():
        where = f"task {number} ({data.get('article_id')}), characters {span[0]}..{span[1]}"
        found = text[span[0] : span[1]] if 0 <= span[0] < span[1] <= len(text) else ""
        if not found.strip():
            patch.problems.append(Problem(path, None, Msg.LABELS_BAD_SPAN.format(where=where)))
        elif region["text"] is not None and region["text"] != found:  # offsets counted otherwise
            reason = Msg.LABELS_TEXT.format(where=where, given=region["text"], found=found)
            patch.problems.append(Problem(path, None, reason))
        else:
            corrected[span] = region
    for span, guess in predicted.items():
        kept = corrected.get(span)
        if kept is not None and kept["entity_id"] in (None, guess["entity_id"]):
            patch.confirmed += 1
            continue
        if kept is None and any(a <= span[0] and span[1] <= b for a, b in corrected):
            continue  # widened to a longer name (added below): the shorter one was not wrong
        name = guess.get("entity_name") or ""
        patch.block(guess["entity_id"], guess["entity_type"], name, text[span[0] : span[1]])
    for span, now in corrected.items():
        p = predicted.get(span)
        if p is not None and now["entity_id"] in (None, p["entity_id"]):
            continue
        where = f"task {number} ({data.get('article_id')}), characters {span[0]}..{span[1]}"
        entity_id = now["entity_id"]
        if not entity_id:
            patch.problems.append(Problem(path, None, Msg.LABELS_NO_ENTITY.format(where=where)))
            continue
        known = gazetteer.get(entity_id) if gazetteer is not None else None
        etype = known.type if known is not None else now["type"]
        if not etype:
            reason = Msg.LABELS_NO_TYPE.format(where=where, entity_id=entity_id)
            patch.problems.append(Problem(path, None, reason))
            continue
        if known is not None and now["type"] not in (None, known.type):
            given = now["type"]
            reason = Msg.LABELS_TYPE.format(where=where, entity_id=entity_id, known=known.type, given=given)
            patch.problems.append(Problem(path, None, reason))
        patch.add(entity_id, etype, known.name if known is not None else "", text[span[0] : span[1]].strip())
