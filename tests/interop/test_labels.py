"""The label round trip: Label Studio tasks out, a corrected export back as a gazetteer patch."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from mediamon import Annotator, Article, Corpus, Entity, Gazetteer
from mediamon.errors import InputError
from mediamon.interop.labels import label_config, read_corrections, tasks

BASE = Gazetteer(
    [
        Entity.create("country:irq", "LOC", {"en": ["Iraq"], "ar": ["العراق"]}),
        Entity.create("loc:baghdad", "LOC", {"en": ["Baghdad"], "ar": ["بغداد"]}),
        Entity.create("media:baghdad-today", "MEDIA", {"en": ["Baghdad Today"], "ar": ["بغداد اليوم"]}),
        Entity.create("per:kadhimi", "PER", {"en": ["Mustafa al-Kadhimi"], "ar": ["مصطفى الكاظمي"]}),
    ],
    name="base",
)
ANNOTATOR = Annotator([BASE], default=False)
CORPUS = Corpus(
    [
        Article(id="ar1", title="الكاظمي في بغداد", body="زار الوفد العراق وبغداد اليوم", lang="ar"),
        Article(id="en1", title="Talks", body="PM Kadhimi met officials in Iraq.", lang="en"),
    ]
).annotate(ANNOTATOR)


def region(rid: str, start: int, end: int, label: str | None, entity: str | None) -> list[dict[str, Any]]:
    out = []
    if label is not None:
        out.append({"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
                    "value": {"start": start, "end": end, "labels": [label]}})  # fmt: skip
    if entity is not None:
        out.append({"id": rid, "from_name": "entity", "to_name": "text", "type": "textarea",
                    "value": {"start": start, "end": end, "text": [entity]}})  # fmt: skip
    return out


def reviewed(
    task: dict[str, Any], drop: frozenset[str] = frozenset(), add: list[Any] | None = None
) -> dict[str, Any]:
    """A task as Label Studio exports it after review: predictions accepted less ``drop``, plus ``add``."""
    out = copy.deepcopy(task)
    text = task["data"]["text"]
    kept = [
        r
        for r in out["predictions"][0]["result"]
        if text[r["value"]["start"] : r["value"]["end"]] not in drop
    ]
    out["annotations"] = [
        {"id": 1, "was_cancelled": False, "result": kept + [r for x in add or () for r in x]}
    ]
    return out


def export(tmp_path: Path, items: list[dict[str, Any]]) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    return path


def test_tasks_carry_text_predictions_and_what_was_predicted() -> None:
    first = tasks(CORPUS)[0]
    text = first["data"]["text"]
    assert text == CORPUS[0].text and first["data"]["article_id"] == "ar1"
    spans = [(p["start"], p["end"]) for p in first["data"]["mediamon"]]
    assert [text[a:b] for a, b in spans] == ["بغداد", "العراق", "بغداد اليوم"]
    result = first["predictions"][0]["result"]
    assert {r["type"] for r in result} == {"labels", "textarea"} and len(result) == 2 * len(spans)
    assert result[1]["value"]["text"] == ["loc:baghdad"]


def test_label_config_is_xml_with_a_label_per_type() -> None:
    root = ET.fromstring(label_config(["PER", "LOC", 'A"B']))
    assert [e.get("value") for e in root.iter("Label")] == ['A"B', "LOC", "PER"]
    assert root.find("TextArea").get("perRegion") == "true"  # type: ignore[union-attr]


def test_corrections_become_a_patch_that_fixes_the_false_hit_and_the_miss(tmp_path: Path) -> None:
    ar, en = tasks(CORPUS)
    start = en["data"]["text"].index("Kadhimi")
    at = ar["data"]["text"].index("بغداد اليوم")
    items = [
        reviewed(ar, drop=frozenset({"بغداد اليوم"}), add=[region("n1", at, at + 5, "LOC", "loc:baghdad")]),
        reviewed(en, add=[region("n2", start, start + 7, "PER", "per:kadhimi")]),
        {**copy.deepcopy(en), "annotations": [{"was_cancelled": True, "result": []}]},  # skipped
    ]
    patch = read_corrections(export(tmp_path, items), BASE)
    assert (patch.tasks, patch.reviewed, patch.problems) == (3, 2, [])
    assert patch.lines() == [
        {"id": "loc:baghdad", "type": "LOC", "name": "Baghdad", "names": {"ar": ["بغداد"]}},
        {"id": "media:baghdad-today", "type": "MEDIA", "name": "Baghdad Today",
         "meta": {"block_ar": ["بغداد اليوم"]}},
        {"id": "per:kadhimi", "type": "PER", "name": "Mustafa al-Kadhimi", "names": {"en": ["Kadhimi"]}},
    ]  # fmt: skip
    path = tmp_path / "patch.jsonl"
    assert patch.write(path) == 3
    fixed = Corpus([a.evolve(mentions=()) for a in CORPUS]).annotate(Annotator([path, BASE], default=False))
    assert [(m.text, m.entity_id) for m in fixed[0].mentions][-1] == ("بغداد", "loc:baghdad")
    assert ("Kadhimi", "per:kadhimi") in [(m.text, m.entity_id) for m in fixed[1].mentions]


def test_a_changed_entity_id_blocks_the_old_and_adds_the_new(tmp_path: Path) -> None:
    en = tasks(CORPUS)[1]
    text = en["data"]["text"]
    start = text.index("Iraq")
    items = [
        reviewed(en, drop=frozenset({"Iraq"}), add=[region("n", start, start + 4, None, "loc:iraq-province")])
    ]
    patch = read_corrections(export(tmp_path, items))
    assert [p.reason for p in patch.problems] == [
        f"task 1 (en1), characters {start}..{start + 4}: no label (entity type) for 'loc:iraq-province'"
    ]
    items = [
        reviewed(
            en, drop=frozenset({"Iraq"}), add=[region("n", start, start + 4, "LOC", "loc:iraq-province")]
        )
    ]
    lines = read_corrections(export(tmp_path, items)).lines()
    assert lines == [
        {"id": "country:irq", "type": "LOC", "name": "Iraq", "meta": {"block_en": ["Iraq"]}},
        {"id": "loc:iraq-province", "type": "LOC", "name": "loc:iraq-province", "names": {"en": ["Iraq"]}},
    ]


def test_a_widened_span_adds_the_longer_name_and_blocks_nothing(tmp_path: Path) -> None:
    en = tasks(CORPUS)[1]
    text = en["data"]["text"]
    start = text.index("officials in Iraq")
    items = [
        reviewed(en, drop=frozenset({"Iraq"}), add=[region("w", start, start + 17, "LOC", "country:irq")])
    ]
    assert read_corrections(export(tmp_path, items)).lines() == [
        {"id": "country:irq", "type": "LOC", "name": "country:irq", "names": {"en": ["officials in Iraq"]}}
    ]


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        (region("x", 0, 5, "PER", None), "no entity id in the region's box"),
        (region("x", 0, 999, "PER", "per:x"), "the span is outside the text or blank"),
        (region("x", 0, 4, "PER", "loc:baghdad"), "'loc:baghdad' is LOC, not PER; added as LOC"),
        (  # offsets counted in other units than code points (UTF-16, as old Label Studio did)
            [
                {
                    **region("x", 1, 4, "PER", "per:x")[0],
                    "value": {"start": 1, "end": 4, "text": "abc", "labels": ["PER"]},
                }
            ],
            "the region's text 'abc' is not the article's 'لكا' there",
        ),
    ],
)
def test_problems_name_the_task_and_span_and_the_rest_is_used(
    tmp_path: Path, extra: list[dict[str, Any]], reason: str
) -> None:
    ar = tasks(CORPUS)[0]
    patch = read_corrections(export(tmp_path, [reviewed(ar, drop=frozenset({"العراق"}), add=[extra])]), BASE)
    assert [p.reason.split(": ", 1)[1] for p in patch.problems] == [reason]
    assert patch.blocked == 1


def test_not_an_export_is_one_error_naming_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('[\n{"data": }\n]', "utf-8")
    with pytest.raises(InputError) as caught:
        read_corrections(bad)
    assert (caught.value.path, caught.value.line) == (str(bad), 2)
    bad.write_text('"tasks"', "utf-8")
    with pytest.raises(InputError, match="JSON array of tasks, not str"):
        read_corrections(bad)
    bad.write_text('[{"id": 3}]', "utf-8")
    assert [p.reason for p in read_corrections(bad).problems] == [
        "task 1: no data.text (not a task mediamon exported)"
    ]
