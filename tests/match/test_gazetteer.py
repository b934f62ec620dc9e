"""Gazetteer formats, validation (file, line, reason), merging and plugins."""

from __future__ import annotations

import gzip
import json
import lzma
import os
import pickle
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

import mediamon
from mediamon.cli import main
from mediamon.errors import GazetteerError, Msg
from mediamon.match.gazetteer import Entity, Gazetteer, check_file
from tests.conftest import DATA

IRAQ = DATA / "gazetteers" / "iraq.jsonl"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_jsonl_loads_with_defaults(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "g.jsonl",
        '{"id": "org:kh", "type": "ORG", "names": {"ar": ["كتائب حزب الله"], "en": ["Kata\'ib Hezbollah"]},'
        ' "meta": {"source": "curated"}}\n\n'
        '{"id": "x:1", "type": "MISC", "name": "Shown", "names": {"en": ["a b"]}}\n',
    )
    gaz = Gazetteer.load(path)
    assert len(gaz) == 2
    kh = gaz["org:kh"]
    assert kh.name == "Kata'ib Hezbollah"  # first English alias
    assert kh.names == {"ar": ("كتائب حزب الله",), "en": ("Kata'ib Hezbollah",)}
    assert kh.meta == {"source": "curated"}
    assert gaz["x:1"].name == "Shown"


@pytest.mark.parametrize("delimiter,suffix", [(",", ".csv"), ("\t", ".tsv")])
def test_table_formats(tmp_path: Path, delimiter: str, suffix: str) -> None:
    rows = [
        ["id", "type", "lang", "alias", "name"],
        ["loc:bgw", "LOC", "en", "Baghdad", "Baghdad"],
        ["loc:bgw", "LOC", "ar", "بغداد", ""],
        ["per:x", "PER", "en", "Jane Roe", ""],
    ]
    path = _write(tmp_path / f"g{suffix}", "\n".join(delimiter.join(r) for r in rows) + "\n")
    gaz = Gazetteer.load(path)
    assert [e.id for e in gaz] == ["loc:bgw", "per:x"]
    assert gaz["loc:bgw"].names == {"en": ("Baghdad",), "ar": ("بغداد",)}


def test_jrc_names_layout(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "entities.jrc.tsv", "1\tP\tu\tSaddam+Hussein\n1\tP\tar\tصدام+حسين\n2\tO\ten\tArab+League\n"
    )
    gaz = Gazetteer.load(path)
    assert gaz["jrc:1"].type == "PER" and gaz["jrc:1"].names == {
        "und": ("Saddam Hussein",),
        "ar": ("صدام حسين",),
    }
    assert gaz["jrc:2"].type == "ORG"
    found = mediamon.Annotator(gaz, default=False).annotate_text("قال صدام حسين and the Arab League")
    assert [(m.text, m.entity_id) for m in found] == [("صدام حسين", "jrc:1"), ("Arab League", "jrc:2")]


def test_gzip_compressed(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl.gz"
    path.write_bytes(gzip.compress(IRAQ.read_bytes()))
    assert len(Gazetteer.load(path)) == len(Gazetteer.load(IRAQ))


BAD = [
    (
        "bad json",
        "jsonl",
        '{"id": "a", "type": "LOC", "names": {"en": ["A"]}}\n{"id": "b", oops}\n',
        2,
        "bad JSON",
    ),
    ("missing id", "jsonl", '{"type": "LOC", "names": {"en": ["A"]}}\n', 1, "missing 'id'"),
    ("missing names", "jsonl", '{"id": "a", "type": "LOC"}\n', 1, "missing 'names'"),
    ("empty alias", "jsonl", '{"id": "a", "type": "LOC", "names": {"en": ["A", "  "]}}\n', 1, "empty alias"),
    ("punctuation alias", "jsonl", '{"id": "a", "type": "LOC", "names": {"en": ["--!"]}}\n', 1, "no letters"),
    (
        "unknown language",
        "jsonl",
        '{"id": "a", "type": "LOC", "names": {"english": ["A"]}}\n',
        1,
        "unknown language",
    ),
    (
        "two types",
        "jsonl",
        '{"id": "a", "type": "LOC", "names": {"en": ["A"]}}\n'
        '{"id": "a", "type": "ORG", "names": {"en": ["B"]}}\n',
        2,
        "has type 'ORG' here but 'LOC' at line 1",
    ),
    ("not an object", "jsonl", '["a"]\n', 1, "expected an object"),
    ("csv header", "csv", "name,alias\nx,y\n", 1, "header"),
    ("csv empty alias", "csv", "id,type,lang,alias\na,LOC,en,\n", 2, "empty alias"),
    ("csv missing id", "csv", "id,type,lang,alias\n,LOC,en,A\n", 2, "missing 'id'"),
    ("csv unknown language", "csv", "id,type,lang,alias\na,LOC,xx,A\n", 2, "unknown language"),
]


@pytest.mark.parametrize(("label", "fmt", "text", "line", "reason"), BAD, ids=[b[0] for b in BAD])
def test_malformed_file_refused_whole(
    tmp_path: Path, label: str, fmt: str, text: str, line: int, reason: str
) -> None:
    path = _write(tmp_path / f"bad.{fmt}", text)
    with pytest.raises(GazetteerError) as info:
        Gazetteer.load(path)
    assert info.value.path == str(path) and info.value.line == line
    assert reason in info.value.reason
    assert str(info.value).startswith(f"{path}:{line}: ")
    assert any(p.line == line and reason in p.reason for p in check_file(path))


def test_check_lists_every_problem(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "bad.jsonl", '{"id": "a"}\n{"id": "b", "type": "LOC", "names": {"en": [""]}}\nnot json\n'
    )
    assert [p.line for p in check_file(path)] == [1, 2, 3]


def test_unknown_suffix_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="unknown gazetteer format"):
        Gazetteer.load(_write(tmp_path / "g.yaml", "a: b\n"))


def test_cli_gazetteer_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(tmp_path / "bad.jsonl", '{"id": "a", "type": "LOC", "names": {"en": [""]}}\n')
    assert main(["gazetteer", "check", str(IRAQ)]) == 0
    assert "ok, " in capsys.readouterr().out
    assert main(["gazetteer", "check", str(IRAQ), str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:1: empty alias" in err and "Traceback" not in err


def test_merge_and_add() -> None:
    a = Gazetteer([Entity.create("x", "LOC", {"en": ["Alpha"]})], name="a")
    b = Gazetteer(
        [Entity.create("x", "LOC", {"ar": ["ألفا"]}), Entity.create("y", "ORG", {"en": ["Beta"]})], name="b"
    )
    merged = a | b
    assert [e.id for e in merged] == ["x", "y"]
    assert merged["x"].names == {"en": ("Alpha",), "ar": ("ألفا",)}
    assert len(a) == 1  # merging does not change its operands
    with pytest.raises(GazetteerError, match="has type 'LOC' here but 'ORG' in gazetteer 'gazetteer'"):
        a.merge(Gazetteer([Entity.create("x", "ORG", {"en": ["X"]})]))
    a.add(Entity.create("z", "PER", {"en": ["Zed Zed"]}))
    assert "z" in a and a.alias_count() == 2


def test_an_id_of_two_types_in_two_files_names_both_files_and_lines(tmp_path: Path) -> None:
    first = _write(tmp_path / "a.jsonl", '\n{"id": "x", "type": "LOC", "names": {"en": ["Alpha"]}}\n')
    second = _write(
        tmp_path / "b.jsonl",
        '{"id": "y", "type": "ORG", "names": {"en": ["Beta"]}}\n'
        '{"id": "x", "type": "ORG", "names": {"en": ["X"]}}\n',
    )
    loaded = Gazetteer.load(first)
    with pytest.raises(GazetteerError) as caught:
        loaded.merge(Gazetteer.load(second))
    assert str(caught.value) == f"{first}:2: entity 'x' has type 'LOC' here but 'ORG' in {second}:2"
    again = pickle.loads(pickle.dumps(loaded))  # what a worker process gets keeps the places
    with pytest.raises(GazetteerError, match=f"{second}:2"):
        again.merge(Gazetteer.load(second))


def test_a_user_id_colliding_with_a_bundled_one_names_the_users_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Was ``mediamon: <input>: entity ... in the other gazetteer``: no file, no line."""
    bundled = next(iter(Gazetteer.bundled()))
    other = "PER" if bundled.type != "PER" else "ORG"
    mine = _write(
        tmp_path / "mine.jsonl",
        json.dumps({"id": bundled.id, "type": other, "names": {"en": ["Someone Else"]}}) + "\n",
    )
    dump = _write(tmp_path / "in.txt", "A headline\n\nA body of text long enough to be read as one.\n")
    assert main(["annotate", "-q", "-g", str(mine), str(dump), "-o", str(tmp_path / "out.jsonl")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"mediamon: {mine}:1: entity {bundled.id!r} has type {other!r} here but ")
    assert "gazetteers" in err.split(" but ")[1] and err.count("\n") == 1 and "<input>" not in err


def test_gazetteer_pickles() -> None:
    gaz = Gazetteer.load(IRAQ)
    again = pickle.loads(pickle.dumps(gaz))
    assert [e.to_dict() for e in again] == [e.to_dict() for e in gaz]


def test_annotator_takes_objects_and_paths() -> None:
    gaz = Gazetteer.load(IRAQ)
    by_object = mediamon.Annotator([gaz], default=False).annotate_text("Iraq")
    by_path = mediamon.Annotator([IRAQ], default=False).annotate_text("Iraq")
    assert by_object == by_path and by_path[0].entity_id == "country:irq"


def test_bundled_default_loads() -> None:
    bundled = Gazetteer.bundled()
    assert len(bundled) > 200
    assert "country:irq" in bundled
    assert {"en", "ar"} <= set(bundled["country:irq"].names)


def test_plugin_entry_point(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A tiny installed package adds a gazetteer through the ``mediamon.gazetteers`` entry point."""
    (tmp_path / "mediamon_testplugin.py").write_text(
        "from mediamon import Gazetteer\nfrom mediamon.match.gazetteer import Entity\n\n"
        "def gazetteer():\n"
        "    names = {'en': ['Zebulon Plugin'], 'ar': ['زبولون']}\n"
        "    return Gazetteer([Entity.create('per:plugin', 'PER', names)])\n",
        encoding="utf-8",
    )
    dist = tmp_path / "mediamon_testplugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: mediamon-testplugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(
        "[mediamon.gazetteers]\ntest = mediamon_testplugin:gazetteer\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    plugins = Gazetteer.plugins()
    assert [e.id for g in plugins for e in g] == ["per:plugin"]
    annotator = mediamon.Annotator()
    assert [m.entity_id for m in annotator.annotate_text("Zebulon Plugin met زبولون")] == ["per:plugin"] * 2
    assert not any(
        m.entity_id == "per:plugin" for m in mediamon.Annotator(default=False).annotate_text("Zebulon Plugin")
    )


def test_broken_plugin_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mediamon_brokenplugin.py").write_text("def gazetteer():\n    raise RuntimeError('boom')\n")
    dist = tmp_path / "mediamon_brokenplugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: mediamon-brokenplugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(
        "[mediamon.gazetteers]\nbroken = mediamon_brokenplugin:gazetteer\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(GazetteerError, match="plugin 'broken' failed: boom"):
        Gazetteer.plugins()


def test_conflicts_reported_first_entity_wins() -> None:
    gaz = Gazetteer(
        [
            Entity.create("loc:oman", "LOC", {"ar": ["عمان"]}),
            Entity.create("loc:amman", "LOC", {"ar": ["عمّان"]}),
        ]
    )
    annotator = mediamon.Annotator(gaz, default=False)
    assert [m.entity_id for m in annotator.annotate_text("عمان")] == ["loc:oman"]
    assert [(c.kept, c.lost) for c in annotator.compiled.conflicts] == [("loc:oman", "loc:amman")]


def test_entity_to_dict_round_trip() -> None:
    entity = Entity.create("x", "LOC", {"en": ["A"], "ar": ["ب"]}, meta={"source": "curated"})
    line = json.dumps(entity.to_dict(), ensure_ascii=False)
    assert json.loads(line) == {
        "id": "x",
        "type": "LOC",
        "name": "A",
        "names": {"en": ["A"], "ar": ["ب"]},
        "meta": {"source": "curated"},
    }


def _fifo_with(path: Path, text: str | bytes) -> threading.Thread:
    """A named pipe at ``path`` that one reader gets ``text`` from (a ``<(zcat ...)`` stand-in)."""
    os.mkfifo(path)

    def feed() -> None:
        with open(path, "wb") as pipe:
            pipe.write(text.encode("utf-8") if isinstance(text, str) else text)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    return writer


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        pytest.param('{"id": "x:1", "type": "PER", "names": {"en": ["Zorro Zed"]}}\n', "x:1", id="jsonl"),
        pytest.param("id,type,lang,alias\nx:1,PER,en,Zorro Zed\n", "x:1", id="csv"),
        pytest.param("id\ttype\tlang\talias\nx:1\tPER\ten\tZorro Zed\n", "x:1", id="tsv"),
        pytest.param("1\tP\ten\tZorro+Zed\n", "jrc:1", id="jrc"),
    ],
)
def test_a_gazetteer_through_a_pipe_is_read_once_by_its_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, entity: str
) -> None:
    """``-g <(zcat g.jsonl.gz)`` was refused as ``no such file or directory``; ``gazetteer check``
    read the file twice, so a pipe gave ``ok, 0 entities``."""
    writer = _fifo_with(tmp_path / "check", text)
    assert main(["gazetteer", "check", str(tmp_path / "check")]) == 0
    writer.join(5)
    assert "ok, 1 entities, 1 aliases" in capsys.readouterr().out
    dump = _write(
        tmp_path / "in.txt", "Zorro Zed spoke\n\nZorro Zed spoke in the city on Monday at length.\n"
    )
    out = tmp_path / "out.jsonl"
    writer = _fifo_with(tmp_path / "annotate", text)
    assert (
        main(["annotate", "-q", "--no-default", "-g", str(tmp_path / "annotate"), str(dump), "-o", str(out)])
        == 0
    )
    writer.join(5)
    (article,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {m["entity_id"] for m in article["mentions"]} == {entity}


def test_a_directory_given_as_a_gazetteer_is_named_as_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Was ``no such file or directory`` for a directory that is there."""
    dump = _write(tmp_path / "in.txt", "A headline\n\nA body of text long enough to be read as one.\n")
    assert main(["annotate", "-q", "-g", str(tmp_path), str(dump)]) == 2
    assert capsys.readouterr().err == f"mediamon: {tmp_path}: {Msg.GAZ_DIRECTORY}\n"


@pytest.mark.parametrize("sep", [",", "\t"], ids=["csv", "tsv"])
def test_gazetteer_tables_joined_together_read_the_repeated_header_as_a_header(
    tmp_path: Path, sep: str
) -> None:
    """Was refused: the header row again read as an entity ``id`` of language ``lang``."""
    header = sep.join(("id", "type", "lang", "alias"))
    rows = [
        header,
        sep.join(("x:1", "PER", "en", "Zorro Zed")),
        "\ufeff" + header,
        sep.join(("x:2", "PER", "en", "Abel Abe")),
    ]
    path = _write(tmp_path / ("g.csv" if sep == "," else "g.tsv"), "\n".join(rows) + "\n")
    assert check_file(path) == []
    assert [e.id for e in Gazetteer.load(path)] == ["x:1", "x:2"]


def test_json_lines_gazetteers_joined_with_a_bom_on_each_line_load(tmp_path: Path) -> None:
    """Was refused: ``bad JSON: Unexpected UTF-8 BOM`` at the second file's first line."""
    entries = [{"id": f"x:{i}", "type": "PER", "names": {"en": [f"Name{i} Zed"]}} for i in (1, 2)]
    lines = ["\ufeff" + json.dumps(entry) for entry in entries]
    path = _write(tmp_path / "g.jsonl", "\n".join(lines) + "\n")
    assert check_file(path) == [] and [e.id for e in Gazetteer.load(path)] == ["x:1", "x:2"]


@pytest.mark.parametrize("packed", [gzip.compress, lzma.compress], ids=["gzip", "xz"])
def test_a_compressed_gazetteer_without_its_suffix_is_told_by_its_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], packed: Callable[[bytes], bytes]
) -> None:
    """``-g <(cat g.jsonl.gz)``, or ``g.jsonl`` that is gzip inside, was ``not UTF-8 text``."""
    data = packed(b'{"id": "x:1", "type": "PER", "names": {"en": ["Zorro Zed"]}}\n')
    misnamed = tmp_path / "g.jsonl"
    misnamed.write_bytes(data)
    assert [e.id for e in Gazetteer.load(misnamed)] == ["x:1"]
    writer = _fifo_with(tmp_path / "pipe", data)
    assert main(["gazetteer", "check", str(tmp_path / "pipe")]) == 0
    writer.join(5)
    assert "ok, 1 entities, 1 aliases" in capsys.readouterr().out
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(data[: len(data) // 2])
    assert [p.reason.startswith("cannot read: ") for p in check_file(cut)] == [True]


def test_a_gazetteer_over_the_size_cap_is_refused_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 200 KB ``.jsonl.gz`` of 200 MB of newlines took 2.1 GB; a gazetteer is now read to
    ``ReadLimits.max_bytes`` (after decompression) and one over it refused in one line."""
    import attrs

    from mediamon.io import inputs

    path = tmp_path / "bomb.jsonl.gz"
    entry = b'{"id": "x:1", "type": "PER", "names": {"en": ["Zorro Zed"]}}\n'
    path.write_bytes(gzip.compress(entry + b"\n" * 5000))
    assert [e.id for e in Gazetteer.load(path)] == ["x:1"]
    monkeypatch.setattr(inputs, "LIMITS", attrs.evolve(inputs.LIMITS, max_bytes=4000))
    assert [(p.path, p.reason) for p in check_file(path)] == [(str(path), Msg.GAZ_TOO_BIG.format(limit=4000))]
