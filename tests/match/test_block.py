"""Blocked texts (``meta.block_<lang>``): a patch gazetteer fixes false hits of any rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mediamon import Annotator, Entity, Gazetteer
from mediamon.match.gazetteer import check_file

IRAQ = Entity.create("country:irq", "LOC", {"en": ["Iraq"], "ar": ["العراق"]})
BAGHDAD = Entity.create("loc:baghdad", "LOC", {"en": ["Baghdad"], "ar": ["بغداد"]})
OUTLET = Entity.create("media:baghdad-today", "MEDIA", {"en": ["Baghdad Today"], "ar": ["بغداد اليوم"]})
BUSH = Entity.create("per:george-w-bush", "PER", {"en": ["George W. Bush"]}, meta={"prominent": False})
BASE = Gazetteer([IRAQ, BAGHDAD, OUTLET, BUSH], name="base")


def write(tmp_path: Path, *lines: dict[str, object]) -> Path:
    path = tmp_path / "patch.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), "utf-8")
    return path


def found(annotator: Annotator, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entity_id) for m in annotator.annotate_text(text)]


def test_a_patch_line_without_aliases_loads_and_checks_clean(tmp_path: Path) -> None:
    path = write(
        tmp_path, {"id": "media:baghdad-today", "type": "MEDIA", "meta": {"block_ar": ["بغداد اليوم"]}}
    )
    assert check_file(path) == []
    (entity,) = Gazetteer.load(path)
    assert entity.names == {} and entity.meta["block_ar"] == ["بغداد اليوم"]


def test_a_line_with_neither_aliases_nor_blocks_is_still_refused(tmp_path: Path) -> None:
    path = write(tmp_path, {"id": "x", "type": "LOC", "meta": {"block_en": []}})
    assert [p.reason for p in check_file(path)] == ["missing 'names'"]


def test_blocked_longer_name_lets_the_shorter_one_under_it_match(tmp_path: Path) -> None:
    text = "زار الكاظمي وبغداد اليوم"
    before = Annotator([BASE], default=False)
    assert found(before, text) == [("بغداد اليوم", "media:baghdad-today")]
    patch = write(
        tmp_path, {"id": "media:baghdad-today", "type": "MEDIA", "meta": {"block_ar": ["بغداد اليوم"]}}
    )
    after = Annotator([patch, BASE], default=False)
    assert found(after, text) == [("بغداد", "loc:baghdad")]
    assert after.gazetteer["media:baghdad-today"].name == "Baghdad Today"  # the patch takes the name
    assert found(after, "Baghdad Today reported") == [("Baghdad Today", "media:baghdad-today")]


@pytest.mark.parametrize(
    ("text", "blocked", "left"),
    [
        ("والعراق يفاوض", "العراق", []),  # the clitic form is blocked through the name it covers
        ("IRAQ talks", "iraq", []),  # compared normalised: case
        ("العراق يفاوض", "العراق", []),
        ("Iraq and Baghdad", "Iraq", [("Baghdad", "loc:baghdad")]),  # other entities untouched
    ],
)
def test_blocked_text_is_compared_normalised_whatever_the_rule(
    tmp_path: Path, text: str, blocked: str, left: list[tuple[str, str]]
) -> None:
    lang = "ar" if blocked[0] > "z" else "en"
    patch = write(tmp_path, {"id": "country:irq", "type": "LOC", "meta": {f"block_{lang}": [blocked]}})
    assert found(Annotator([patch, BASE], default=False), text) == left


def test_a_surname_link_is_blocked_too(tmp_path: Path) -> None:
    text = "George W. Bush spoke. Later Bush left."
    assert [t for t, _ in found(Annotator([BASE], default=False), text)] == ["George W. Bush", "Bush"]
    patch = write(tmp_path, {"id": "per:george-w-bush", "type": "PER", "meta": {"block_en": ["Bush"]}})
    assert [t for t, _ in found(Annotator([patch, BASE], default=False), text)] == ["George W. Bush"]


def test_blocked_texts_of_two_patches_add_up() -> None:
    one = Gazetteer([Entity.create("country:irq", "LOC", {}, name="Iraq", meta={"block_en": ["Iraq"]})])
    two = Gazetteer(
        [Entity.create("country:irq", "LOC", {}, name="Iraq", meta={"block_en": ["IRQ", "Iraq"]})]
    )
    merged = (one | two | BASE)["country:irq"]
    assert merged.meta["block_en"] == ["Iraq", "IRQ"] and merged.names == IRAQ.names
