"""read() and read_dump(): formats, directories, compression, stdin, line endings, and bad input.

Bad input never raises and never disappears: each case gives a one-line Problem naming
the file (and the line where there is one) while the rest of the input is still read.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mediamon
from mediamon.errors import InputError, Msg, UsageError
from mediamon.io import inputs
from tests.conftest import DATA

INPUTS = DATA / "inputs"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "000_ee85a602ba24a7e5.txt"

DUMP = "Some Headline About Iraq\n\n07/10/2021\n\nA body paragraph long enough to be a sentence here.\n"
DUMP2 = "Second Headline About Syria\n\n08/10/2021\n\nAnother body paragraph, long enough to be a sentence.\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inside.txt", DUMP)
    return buffer.getvalue()


def write(directory: Path, name: str, data: bytes | str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def titles(corpus: mediamon.Corpus) -> list[str]:
    return [a.title for a in corpus]


def reasons(corpus: mediamon.Corpus) -> list[str]:
    return [str(p) for p in corpus.problems]


def assert_one_line_problems(corpus: mediamon.Corpus, path: Path | str) -> None:
    """Every problem names the file and prints as one line."""
    assert corpus.problems
    for problem in corpus.problems:
        assert problem.path == str(path)
        assert "\n" not in str(problem) and "\r" not in str(problem)
        assert str(problem).startswith(str(path))


# --- formats ---------------------------------------------------------------------------------

RECORDS = [{"title": "First title", "body": "First body."}, {"title": "Second title", "body": "Second body."}]
FORMAT_CASES = {
    "dump.txt": DUMP + "\n" + DUMP2,
    "dump.text": DUMP + "\n" + DUMP2,
    "records.jsonl": "".join(json.dumps(r) + "\n" for r in RECORDS),
    "records.ndjson": "".join(json.dumps(r) + "\n" for r in RECORDS),
    "array.json": json.dumps(RECORDS, indent=2),
    "wrapped.json": json.dumps({"status": "ok", "articles": RECORDS}, indent=1),
    "items.json": json.dumps({"items": RECORDS}),
    "lines-in.json": "".join(json.dumps(r) + "\n" for r in RECORDS),
    "records.csv": "title,body\nFirst title,First body.\nSecond title,Second body.\n",
    "records.tsv": "title\tbody\nFirst title\tFirst body.\nSecond title\tSecond body.\n",
}
EXPECTED_TITLES = {
    "dump.txt": ["Some Headline About Iraq", "Second Headline About Syria"],
    "dump.text": ["Some Headline About Iraq", "Second Headline About Syria"],
}
COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    "": lambda b: b,
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
}


@pytest.mark.parametrize("compression", sorted(COMPRESSORS))
@pytest.mark.parametrize("name", sorted(FORMAT_CASES))
def test_every_format_and_compression(tmp_path: Path, name: str, compression: str) -> None:
    path = write(tmp_path, name + compression, COMPRESSORS[compression](FORMAT_CASES[name].encode()))
    corpus = mediamon.read(path)
    assert corpus.problems == ()
    assert titles(corpus) == EXPECTED_TITLES.get(name, ["First title", "Second title"])
    assert all(a.origin is not None and a.origin.path == str(path) for a in corpus)


def test_single_json_object_is_one_record(tmp_path: Path) -> None:
    path = write(tmp_path, "one.json", '{\n  "title": "Only",\n  "body": "One."\n}\n')
    corpus = mediamon.read(path)
    assert titles(corpus) == ["Only"]
    assert corpus[0].origin == mediamon.Origin(str(path), 1, 4)


def test_fixture_records_use_the_alternative_keys() -> None:
    corpus = mediamon.read([INPUTS / "records.jsonl", INPUTS / "records.csv"])
    assert corpus.problems == ()
    first = corpus[0]
    assert (first.id, first.title, first.body, first.author, first.source, first.url, first.lang) == (
        "r1",
        "Baghdad talks resume",
        "Negotiators met in Baghdad on Monday.",
        "Staff",
        "Example Wire",
        "https://example.org/1",
        "en",
    )
    assert first.date is not None and first.date.isoformat() == "2021-10-06"
    assert dict(first.meta) == {"section": "world"}
    assert corpus[1].lang == "ar" and corpus[1].source == "الأخبار"
    csv_rows = corpus[2:]
    assert titles(csv_rows) == ["Plain row", "Quoted, with comma", "Third row"]
    assert csv_rows[1].body == "A body\nover two lines."
    assert [(a.origin.first_line, a.origin.last_line) for a in csv_rows if a.origin] == [
        (2, 2),
        (3, 4),
        (5, 5),
    ]
    assert [a.meta["tags"] for a in csv_rows] == ["a", "b", "c"]


def test_json_array_records_know_their_lines(tmp_path: Path) -> None:
    text = '[\n  {"title": "a",\n   "body": "x"},\n  {"title": "b"}\n]\n'
    corpus = mediamon.read(write(tmp_path, "a.json", text))
    assert [(a.origin.first_line, a.origin.last_line) for a in corpus if a.origin] == [(2, 3), (4, 4)]


def test_plain_tsv_keeps_quote_marks_inside_text(tmp_path: Path) -> None:
    """TSV without quoting (as FIGNEWS is): a text starting with a quote mark keeps it."""
    text = 'id\ttext\n1\t"Quoted" start of a post\n2\tan unpaired " quote\n3\tlast\n'
    corpus = mediamon.read(write(tmp_path, "posts.tsv", text))
    assert corpus.problems == ()
    assert [a.body for a in corpus] == ['"Quoted" start of a post', 'an unpaired " quote', "last"]


def test_quoted_tsv_is_unquoted(tmp_path: Path) -> None:
    text = 'title\tbody\nA\t"line one\nline two"\nB\t"He said ""hi"""\n'
    corpus = mediamon.read(write(tmp_path, "q.tsv", text))
    assert corpus.problems == ()
    assert [a.body for a in corpus] == ["line one\nline two", 'He said "hi"']


def test_fignews_sample_reads_with_capitalised_headers() -> None:
    corpus = mediamon.read(DATA / "fignews_sample.tsv")
    assert corpus.problems == ()
    assert len(corpus) == 150
    assert all(a.body and a.id for a in corpus)
    assert corpus[0].meta["Source Language"] == "Arabic"


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_line_endings_give_the_same_articles_and_line_numbers(tmp_path: Path, ending: str) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    reference = mediamon.read(EXAMPLE)
    corpus = mediamon.read(write(tmp_path, "x.txt", text.replace("\n", ending)))
    assert [(a.title, a.body, a.origin and a.origin.first_line) for a in corpus] == [
        (a.title, a.body, a.origin and a.origin.first_line) for a in reference
    ]
    assert [(d.line, d.reason) for d in corpus.dropped] == [(d.line, d.reason) for d in reference.dropped]


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_line_endings_in_records(tmp_path: Path, ending: str) -> None:
    jsonl = ending.join(['{"title": "a"}', "{bad", '{"title": "c"}'])
    corpus = mediamon.read(write(tmp_path, "x.jsonl", jsonl))
    assert titles(corpus) == ["a", "c"]
    assert [(p.line) for p in corpus.problems] == [2]
    csv_text = ending.join(["title,body", "a,x", "b,y"])
    corpus = mediamon.read(write(tmp_path, "x.csv", csv_text))
    assert [(a.title, a.origin and a.origin.first_line) for a in corpus] == [("a", 2), ("b", 3)]


def test_sample_dump_gives_22_articles() -> None:
    corpus = mediamon.read(EXAMPLE)
    assert len(corpus) == 22
    assert corpus.problems == ()


# --- directories ----------------------------------------------------------------------------


def test_directory_is_read_recursively_in_sorted_order() -> None:
    tree = INPUTS / "tree"
    corpus = mediamon.read(tree)
    # b.jsonl, c.json, notes.md (reported), sub/a.csv: names sorted, directories in place.
    assert titles(corpus) == ["tree b", "tree c", "tree sub a"]
    assert [(p.path, p.reason) for p in corpus.problems] == [
        (str(tree / "notes.md"), Msg.UNSUPPORTED_SUFFIX.format(suffix=".md"))
    ]
    assert mediamon.read(tree) == corpus


def test_directory_order_interleaves_files_and_subdirectories(tmp_path: Path) -> None:
    for name in ("c.jsonl", "a.jsonl", "b/z.jsonl", "b/y/x.jsonl", "B.jsonl"):
        write(tmp_path, name, json.dumps({"title": name}) + "\n")
    assert titles(mediamon.read(tmp_path)) == ["B.jsonl", "a.jsonl", "b/y/x.jsonl", "b/z.jsonl", "c.jsonl"]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("README", Msg.UNSUPPORTED_NO_SUFFIX),
        ("image.png", Msg.UNSUPPORTED_SUFFIX.format(suffix=".png")),
        ("bundle.tar.gz", Msg.UNSUPPORTED_SUFFIX.format(suffix=".tar.gz")),
    ],
)
def test_unsupported_files_in_a_directory_are_reported(tmp_path: Path, name: str, reason: str) -> None:
    write(tmp_path, name, b"whatever")
    write(tmp_path, "good.txt", DUMP)
    corpus = mediamon.read(tmp_path)
    assert titles(corpus) == ["Some Headline About Iraq"]
    assert [(p.path, p.reason) for p in corpus.problems] == [(str(tmp_path / name), reason)]


def test_unknown_suffix_named_explicitly_is_read_as_a_dump(tmp_path: Path) -> None:
    assert titles(mediamon.read(write(tmp_path, "page.html.dump", DUMP))) == ["Some Headline About Iraq"]


@pytest.mark.parametrize("data", [PNG, _zip_bytes()], ids=["png", "zip"])
def test_binary_file_in_a_directory_is_reported_and_others_read(tmp_path: Path, data: bytes) -> None:
    write(tmp_path, "a.txt", DUMP)
    bad = write(tmp_path, "b.txt", data)
    write(tmp_path, "c.txt", DUMP2)
    corpus = mediamon.read(tmp_path)
    assert titles(corpus) == ["Some Headline About Iraq", "Second Headline About Syria"]
    assert len(corpus.problems) == 1
    assert corpus.problems[0].path == str(bad) and "not a text file" in corpus.problems[0].reason


def test_symlink_loop_is_reported_without_hanging(tmp_path: Path) -> None:
    write(tmp_path, "a/one.txt", DUMP)
    (tmp_path / "a" / "up").symlink_to(tmp_path, target_is_directory=True)
    corpus = mediamon.read(tmp_path)
    assert titles(corpus) == ["Some Headline About Iraq"]
    assert [(p.path, p.reason) for p in corpus.problems] == [(str(tmp_path / "a" / "up"), Msg.SYMLINK_LOOP)]


def test_self_referencing_symlink_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "one.txt", DUMP)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    corpus = mediamon.read(tmp_path)
    assert titles(corpus) == ["Some Headline About Iraq"]
    assert [p.reason for p in corpus.problems] == [Msg.SYMLINK_LOOP]


def test_second_link_to_a_directory_is_read_once(tmp_path: Path) -> None:
    write(tmp_path, "real/one.txt", DUMP)
    (tmp_path / "z_link").symlink_to(tmp_path / "real", target_is_directory=True)
    corpus = mediamon.read(tmp_path)
    assert titles(corpus) == ["Some Headline About Iraq"]
    assert [p.reason for p in corpus.problems] == [Msg.SYMLINK_DUPLICATE.format(other=tmp_path / "real")]


def test_broken_symlink_in_a_directory_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "one.txt", DUMP)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    corpus = mediamon.read(tmp_path)
    assert titles(corpus) == ["Some Headline About Iraq"]
    assert [(p.path, p.reason) for p in corpus.problems] == [(str(tmp_path / "gone.txt"), Msg.BROKEN_SYMLINK)]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need os.mkfifo")
def test_named_pipe_in_a_directory_is_reported_not_opened(tmp_path: Path) -> None:
    """Opening a FIFO blocks until a writer comes; inside a directory it is skipped instead."""
    write(tmp_path, "one.txt", DUMP)
    os.mkfifo(tmp_path / "pipe.txt")
    corpus = mediamon.read(tmp_path)
    assert titles(corpus) == ["Some Headline About Iraq"]
    assert [p.reason for p in corpus.problems] == [Msg.NOT_REGULAR.format(kind="a named pipe")]


def _read_fed_pipe(tmp_path: Path, data: bytes) -> mediamon.Corpus:
    """``mediamon.read`` of a named pipe a writer feeds ``data`` once (a process substitution's
    pipe); a reader that opens it a second time waits for a writer that never comes, which
    fails here instead of hanging the suite."""
    pipe = tmp_path / "fed"
    os.mkfifo(pipe)
    read: list[mediamon.Corpus] = []

    def feed() -> None:
        with open(pipe, "wb") as handle:
            handle.write(data)

    threads = [
        threading.Thread(target=feed, daemon=True),
        threading.Thread(target=lambda: read.append(mediamon.read(pipe)), daemon=True),
    ]
    for thread in threads:
        thread.start()
    threads[1].join(timeout=60)
    assert read, "the pipe was opened again after its writer had gone"
    return read[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize(
    ("data", "titles_read"),
    [
        (DUMP.encode(), ["Some Headline About Iraq"]),
        (b'{"title": "One", "text": "Baghdad."}\n{"title": "Two", "text": "Beirut."}\n', ["One", "Two"]),
        (gzip.compress(DUMP.encode()), ["Some Headline About Iraq"]),
    ],
    ids=["dump", "records sniffed", "gzip"],
)
def test_a_pipe_named_explicitly_is_read_once(tmp_path: Path, data: bytes, titles_read: list[str]) -> None:
    """``mediamon annotate <(zcat x.gz)``: the pipe (``/dev/fd/63``, no suffix) is read once, its
    format told by its content as standard input's is (it was opened twice: the second open saw
    nothing of a process substitution and waited for a new writer on a named pipe)."""
    corpus = _read_fed_pipe(tmp_path, data)
    assert titles(corpus) == titles_read
    assert not corpus.problems


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_warc_through_a_pipe_is_read_through_memory(tmp_path: Path) -> None:
    crawl = (DATA / "web" / "crawl.warc.gz").read_bytes()
    on_disk = mediamon.read(DATA / "web" / "crawl.warc.gz")
    corpus = _read_fed_pipe(tmp_path, crawl)
    assert titles(corpus) == titles(on_disk) and titles(corpus)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", DUMP)
    locked = write(tmp_path, "b.txt", DUMP2)
    locked.chmod(0)
    try:
        corpus = mediamon.read(tmp_path)
    finally:
        locked.chmod(0o644)
    assert titles(corpus) == ["Some Headline About Iraq"]
    assert [(p.path, p.reason) for p in corpus.problems] == [
        (str(locked), Msg.UNREADABLE.format(detail="Permission denied"))
    ]


def test_missing_path_is_reported_and_others_read(tmp_path: Path) -> None:
    good = write(tmp_path, "a.txt", DUMP)
    missing = tmp_path / "nope.jsonl"
    corpus = mediamon.read([missing, good])
    assert titles(corpus) == ["Some Headline About Iraq"]
    assert [(p.path, p.line, p.reason) for p in corpus.problems] == [(str(missing), None, Msg.NOT_FOUND)]


def test_unknown_encoding_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        mediamon.read(write(tmp_path, "a.txt", DUMP), encoding="no-such-codec")
    with pytest.raises(UsageError):
        mediamon.read(write(tmp_path, "a.txt", DUMP), encoding="base64")  # a bytes-to-bytes codec


def test_forced_encoding(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", DUMP.replace("Iraq", "Irāq").encode("utf-16-le"))
    assert titles(mediamon.read(path, encoding="utf-16-le")) == ["Some Headline About Irāq"]


# --- compression ----------------------------------------------------------------------------


def test_truncated_gzip_keeps_what_came_before(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"title": f"t{i}", "body": "x" * 50}) + "\n" for i in range(2000))
    data = gzip.compress(lines.encode())
    path = write(tmp_path, "cut.jsonl.gz", data[: len(data) // 2])
    corpus = mediamon.read(path)
    assert 0 < len(corpus) < 2000
    assert titles(corpus) == [f"t{i}" for i in range(len(corpus))]
    assert corpus.problems[0].reason.startswith(".gz data is damaged or truncated")
    assert_one_line_problems(corpus, path)  # the cut last line is reported too


def test_compression_suffix_without_compressed_data(tmp_path: Path) -> None:
    path = write(tmp_path, "plain.txt.gz", DUMP)
    corpus = mediamon.read(path)
    assert titles(corpus) == ["Some Headline About Iraq"]
    assert [p.reason for p in corpus.problems] == [Msg.NOT_COMPRESSED.format(compression=".gz")]


def test_compressed_data_without_suffix_is_decompressed(tmp_path: Path) -> None:
    corpus = mediamon.read(write(tmp_path, "dump.txt", gzip.compress(DUMP.encode())))
    assert titles(corpus) == ["Some Headline About Iraq"] and corpus.problems == ()


# --- standard input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (DUMP.encode(), ["Some Headline About Iraq"]),
        (b'{"title": "a"}\n{"title": "b"}\n', ["a", "b"]),
        (b'[{"title": "a"}, {"title": "b"}]', ["a", "b"]),
        (b'{\n "articles": [{"title": "a"}]\n}\n', ["a"]),
        (gzip.compress(b'{"title": "a"}\n'), ["a"]),
        (DUMP.encode("utf-16"), ["Some Headline About Iraq"]),
    ],
    ids=["dump", "jsonl", "json", "wrapped", "gzip", "utf16"],
)
def test_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, expected: list[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    corpus = mediamon.read("-")
    assert titles(corpus) == expected
    assert all(a.origin is not None and a.origin.path == "<stdin>" for a in corpus)


def test_stdin_without_a_byte_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(DUMP))
    assert titles(mediamon.read("-")) == ["Some Headline About Iraq"]


def test_empty_stdin_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    corpus = mediamon.read("-")
    assert [(p.path, p.reason) for p in corpus.problems] == [("<stdin>", Msg.EMPTY)]


def test_stdin_in_a_subprocess() -> None:
    code = "import mediamon; print([a.title for a in mediamon.read('-')])"
    result = subprocess.run(
        [sys.executable, "-c", code], input=EXAMPLE.read_bytes(), capture_output=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().strip() == str(titles(mediamon.read(EXAMPLE)))


# --- bad input: one problem, naming file and line; the rest still read ------------------------


def test_undecodable_bytes_name_file_and_offset(tmp_path: Path) -> None:
    good = (DUMP + "\nعنوان عربي في النص\n").encode()
    path = write(
        tmp_path, "bad.txt", good + b"Broken \xff\xfe byte line in the middle of text.\n" + DUMP2.encode()
    )
    corpus = mediamon.read(path)
    assert titles(corpus) == ["Some Headline About Iraq", "Second Headline About Syria"]
    assert len(corpus.problems) == 1
    assert f"first at byte offset {len(good) + 7}" in corpus.problems[0].reason
    assert_one_line_problems(corpus, path)
    assert any("\ufffd" in a.body for a in corpus) or any("\ufffd" in d.text for d in corpus.dropped)


@pytest.mark.parametrize("name", ["x.txt", "x.jsonl", "x.json", "x.csv", "x.tsv"])
@pytest.mark.parametrize("data", [PNG, _zip_bytes(), b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", bytes(range(256)) * 8])
def test_binary_files_are_refused_with_a_problem(tmp_path: Path, name: str, data: bytes) -> None:
    path = write(tmp_path, name, data)
    corpus = mediamon.read(path)
    assert len(corpus) == 0
    assert len(corpus.problems) == 1 and corpus.problems[0].reason.startswith("not a text file")
    assert_one_line_problems(corpus, path)


@pytest.mark.parametrize("name", ["x.txt", "x.jsonl", "x.json", "x.csv", "x.tsv", "x.txt.gz"])
@pytest.mark.parametrize("data", [b"", b"   \n\n\t\r\n", "\ufeff".encode()], ids=["empty", "blank", "bom"])
def test_empty_files_are_reported(tmp_path: Path, name: str, data: bytes) -> None:
    path = write(tmp_path, name, gzip.compress(data) if name.endswith(".gz") else data)
    corpus = mediamon.read(path)
    assert len(corpus) == 0
    assert [p.reason for p in corpus.problems] == [Msg.EMPTY]
    assert_one_line_problems(corpus, path)


def test_file_of_only_boilerplate_sets_every_line_aside(tmp_path: Path) -> None:
    lines = ["Share this:", "Related News", "%d bloggers like this:", "Share this:"]
    corpus = mediamon.read(write(tmp_path, "furniture.txt", "\n".join(lines)))
    assert len(corpus) == 0 and corpus.problems == ()
    assert [(d.line, d.text) for d in corpus.dropped] == list(enumerate(lines, start=1))
    assert {d.reason for d in corpus.dropped} == {"boilerplate"}


def test_one_megabyte_line(tmp_path: Path) -> None:
    line = ("word " * 210_000).strip()
    corpus = mediamon.read(write(tmp_path, "big.txt", DUMP + "\n" + line + "\n"))
    assert corpus.problems == ()
    assert any(line in a.body for a in corpus) or any(d.text == line for d in corpus.dropped)


def test_one_megabyte_record(tmp_path: Path) -> None:
    body = "كلمة " * 400_000
    path = write(tmp_path, "big.jsonl", json.dumps({"title": "big", "body": body}, ensure_ascii=False))
    corpus = mediamon.read(path)
    assert corpus.problems == () and corpus[0].body == body.strip() and corpus[0].lang == "ar"


def test_hundred_thousand_short_lines_are_all_accounted_for(tmp_path: Path) -> None:
    lines = [f"line {i} here." for i in range(100_000)]
    corpus = mediamon.read(write(tmp_path, "many.txt", "\n".join(lines)))
    assert corpus.problems == ()
    in_articles = sum(1 for line in lines for a in corpus if line == a.title or line in a.body.split("\n\n"))
    assert in_articles + len(corpus.dropped) == len(lines)


NESTED = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    ("name", "text", "kept", "line"),
    [
        ("n.jsonl", '{"title": "a"}\n' + NESTED + '\n{"title": "c"}\n', ["a", "c"], 2),
        ("n.json", NESTED, [], 1),
        ("n.json", '{"x":' * 100_000 + "1" + "}" * 100_000, [], 1),
        ("n.json", '[{"title": "a"},\n' + NESTED + ',\n{"title": "c"}]', ["a", "c"], 2),
        ("n.json", '[{"title": "a"},\n{"title": "b", "x": ' + NESTED + '},\n{"title": "c"}]', ["a", "c"], 2),
    ],
    ids=["jsonl", "json-array", "json-object", "json-element", "json-field"],
)
def test_deeply_nested_json_is_a_problem_not_a_crash(
    tmp_path: Path, name: str, text: str, kept: list[str], line: int
) -> None:
    path = write(tmp_path, name, text)
    corpus = mediamon.read(path)
    assert titles(corpus) == kept
    assert [p.line for p in corpus.problems] == [line]
    assert "nested too deeply" in corpus.problems[0].reason
    assert_one_line_problems(corpus, path)


def test_huge_integer_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = write(tmp_path, "n.jsonl", '{"title": "a", "n": ' + "9" * 5000 + '}\n{"title": "b"}\n')
    corpus = mediamon.read(path)
    assert titles(corpus) == ["b"] and [p.line for p in corpus.problems] == [1]


def test_jsonl_with_a_broken_line_in_the_middle(tmp_path: Path) -> None:
    text = '{"title": "one"}\n{"title": "two"}\n{"title": "three", \n{"title": "four"}\n'
    path = write(tmp_path, "x.jsonl", text)
    corpus = mediamon.read(path)
    assert titles(corpus) == ["one", "two", "four"]
    assert [(p.line, p.reason) for p in corpus.problems] == [
        (3, Msg.BAD_JSON.format(detail="Expecting property name enclosed in double quotes (column 20)"))
    ]


@pytest.mark.parametrize(
    ("text", "kept", "lines"),
    [
        ('[{"title": "a"},\n 42,\n {"title": "c"}]', ["a", "c"], [2]),
        ('[{"title": "a"},\n {bad},\n {"title": "c"}]', ["a", "c"], [2]),
        ('[{"title": "a"}, {bad}, {"title": "c"}, {"title": "d"}]', ["a", "c", "d"], [1]),
        ('[{"title": "a"},\n {"title": "b"}\n {"title": "c"}]', ["a", "b", "c"], [3]),
        ('[{"title": "a"},\n {"title": "b"', ["a"], [2]),
        ('[{"title": "a"}]\ntrailing', ["a"], [2]),
        ('{"meta": 1,\n "articles": [\n {"title": "a"},\n {bad},\n {"title": "c"}\n]}', ["a", "c"], [4]),
        ('{"data": [{"title": "a"}, "text", {"title": "c"}]}', ["a", "c"], [1]),
        ('{"title": "a"}\n{"title": "b",\n{"title": "c"}\n', ["a", "c"], [2]),
        ('"just a string"', [], [1]),
    ],
    ids=[
        "scalar-element",
        "bad-element",
        "bad-element-one-line",
        "missing-comma",
        "unterminated",
        "trailing-data",
        "wrapper-bad-element",
        "wrapper-scalar",
        "json-lines-in-json",
        "scalar-top",
    ],
)
def test_json_with_a_bad_element_keeps_the_others(
    tmp_path: Path, text: str, kept: list[str], lines: list[int]
) -> None:
    path = write(tmp_path, "x.json", text)
    corpus = mediamon.read(path)
    assert titles(corpus) == kept
    assert [p.line for p in corpus.problems] == lines
    assert_one_line_problems(corpus, path)


def test_csv_with_ragged_rows_and_quoted_newlines(tmp_path: Path) -> None:
    text = (
        "title,body,tag\n"  # 1
        'a,"body\nover\nthree lines",t1\n'  # 2-4
        "b,short row\n"  # 5
        "c,long row,t3,extra,more\n"  # 6
        "\n"  # 7
        'd,"quoted, comma",t4\n'  # 8
    )
    path = write(tmp_path, "x.csv", text)
    corpus = mediamon.read(path)
    assert [(a.title, a.origin and (a.origin.first_line, a.origin.last_line)) for a in corpus] == [
        ("a", (2, 4)),
        ("b", (5, 5)),
        ("c", (6, 6)),
        ("d", (8, 8)),
    ]
    assert corpus[0].body == "body\nover\nthree lines"
    assert corpus[2].meta == {"tag": "t3", "extra_fields": ["extra", "more"]}
    assert [(p.line, p.reason) for p in corpus.problems] == [
        (5, Msg.CSV_RAGGED.format(got=2, want=3, detail="missing fields left empty")),
        (6, Msg.CSV_RAGGED.format(got=5, want=3, detail="extra fields kept in meta")),
    ]


@pytest.mark.parametrize(
    ("cells", "names"),
    [
        (["x", "x", "x", "x.2", "x"], ["x", "x.2", "x.3", "x.2.2", "x.4"]),
        (["x.2", "x", "x", ""], ["x.2", "x", "x.3", "column_4"]),
        (["\ufeff a ", "a", " "], ["a", "a.2", "column_3"]),
    ],
)
def test_repeated_csv_column_names_are_numbered(cells: list[str], names: list[str]) -> None:
    from mediamon.io.record_files import _header

    assert _header(cells) == names


def test_a_csv_header_of_many_repeated_names_is_named_in_one_pass() -> None:
    """200,000 columns all named ``x`` (a forged header) are named without a search of the
    names so far per column (that was quadratic, and cubic in one name's repeats)."""
    from mediamon.io.record_files import _header

    names = _header(["x"] * 200_000)
    assert names[:3] == ["x", "x.2", "x.3"] and names[-1] == "x.200000" and len(set(names)) == 200_000


def test_csv_header_with_blank_and_repeated_names_loses_nothing(tmp_path: Path) -> None:
    corpus = mediamon.read(write(tmp_path, "x.csv", "title,title,,body\nA,B,C,D\n"))
    assert corpus[0].title == "A" and corpus[0].body == "D"
    assert corpus[0].meta == {"title.2": "B", "column_3": "C"}


@pytest.mark.parametrize(
    "record",
    [{}, {"author": "x"}, {"title": "", "body": "  "}, {"title": None}, {"url": "https://example.org"}],
)
def test_record_with_neither_title_nor_body_is_reported(tmp_path: Path, record: dict[str, object]) -> None:
    path = write(tmp_path, "x.jsonl", json.dumps({"title": "ok"}) + "\n" + json.dumps(record) + "\n")
    corpus = mediamon.read(path)
    assert titles(corpus) == ["ok"]
    assert [(p.line, p.reason) for p in corpus.problems] == [(2, Msg.NO_TEXT_FIELDS)]


@pytest.mark.parametrize(
    ("value", "kind"),
    [(["a", "b"], "list"), ({"a": 1}, "dict"), (True, "bool")],
)
def test_non_string_field_values_are_reported(tmp_path: Path, value: object, kind: str) -> None:
    path = write(tmp_path, "x.jsonl", json.dumps({"title": "t", "body": value}) + "\n" + '{"title": "u"}\n')
    corpus = mediamon.read(path)
    assert titles(corpus) == ["u"]
    assert [(p.line, p.reason) for p in corpus.problems] == [
        (1, Msg.BAD_FIELD.format(field="body", detail=f"expected text, got {kind}"))
    ]


def test_numbers_are_written_out_as_text(tmp_path: Path) -> None:
    corpus = mediamon.read(write(tmp_path, "x.jsonl", '{"id": 17, "title": 2021, "body": 1.5}\n'))
    assert (corpus[0].id, corpus[0].title, corpus[0].body) == ("17", "2021", "1.5")


TRICKY = [
    "\u202eevil override\u202c and \u200fRLM mark",  # bidi controls
    "family 👨\u200d👩\u200d👧 zero-width joiners",
    "combining e\u0301 and مُحَمَّد with harakat",
    "flags 🇮🇶 🇱🇧 and keycap 1\ufe0f\u20e3",
    "عنوان عربي with English فيه",
]


@pytest.mark.parametrize("text", TRICKY)
def test_unusual_text_is_kept_exactly_in_records(tmp_path: Path, text: str) -> None:
    record = {"title": text, "body": f"{text} — body."}
    path = write(tmp_path, "x.jsonl", json.dumps(record, ensure_ascii=False) + "\n")
    corpus = mediamon.read(path)
    assert corpus.problems == ()
    assert (corpus[0].title, corpus[0].body) == (text, f"{text} — body.")


@pytest.mark.parametrize("text", TRICKY)
def test_unusual_text_in_a_dump_is_kept_and_annotates(text: str) -> None:
    body = f"A body paragraph about Iraq, {text}, long enough here."
    dump = f"Headline About Iraq {text}\n\n07/10/2021\n\n{body}\n"
    corpus = mediamon.read_dump(dump)
    assert corpus.problems == ()
    assert corpus[0].title == f"Headline About Iraq {text}"
    annotator = mediamon.Annotator([DATA / "gazetteers" / "iraq.jsonl"], default=False)
    annotated = annotator.annotate(corpus[0])
    assert annotated.mentions
    for m in annotated.mentions:
        assert getattr(annotated, m.field)[m.start : m.end] == m.text


def test_nul_bytes_are_removed_and_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "x.jsonl", b'{"title": "a"}\n{"title": "b\x00c"}\n')
    corpus = mediamon.read(path)
    assert titles(corpus) == ["a", "bc"]
    assert len(corpus.problems) == 1 and "NUL" in corpus.problems[0].reason
    assert_one_line_problems(corpus, path)


def test_lone_surrogates_in_str_input_do_not_crash(tmp_path: Path) -> None:
    """Only a ``str`` can hold lone surrogates; they become U+FFFD (offsets kept) and are reported."""
    dump = DUMP.replace("A body", "A \ud800 body \udfff")
    corpus = mediamon.read_dump(dump)
    assert corpus[0].body == "A \ufffd body \ufffd paragraph long enough to be a sentence here."
    assert [(p.path, p.line, p.reason) for p in corpus.problems] == [
        ("<text>", 5, Msg.SURROGATES.format(count=2))
    ]
    corpus.to_jsonl(tmp_path / "out.jsonl")
    assert mediamon.Corpus.from_jsonl(tmp_path / "out.jsonl").articles == corpus.articles
    mediamon.Annotator([DATA / "gazetteers" / "iraq.jsonl"], default=False).annotate(corpus[0])


def test_nul_in_str_input_is_removed_and_reported() -> None:
    corpus = mediamon.read_dump(DUMP.replace("A body", "A\x00 body"))
    assert corpus[0].body.startswith("A body")
    assert [(p.line, p.reason) for p in corpus.problems] == [(5, Msg.NUL_REMOVED_TEXT.format(count=1))]


# --- read_dump ------------------------------------------------------------------------------


def test_read_dump_accepts_path_text_and_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, "d.txt", DUMP)
    by_path = mediamon.read_dump(path)
    by_name = mediamon.read_dump(str(path))
    by_text = mediamon.read_dump(DUMP)
    by_bytes = mediamon.read_dump(DUMP.encode("utf-16"))
    assert (
        titles(by_path)
        == titles(by_name)
        == titles(by_text)
        == titles(by_bytes)
        == ["Some Headline About Iraq"]
    )
    assert by_path[0].origin is not None and by_path[0].origin.path == str(path)
    assert by_text[0].origin is not None and by_text[0].origin.path == "<text>"


@pytest.mark.parametrize("suffix", [".gz", ".bz2", ".xz"])
def test_read_dump_reads_compressed_files(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path, "d.txt" + suffix, COMPRESSORS[suffix](DUMP.encode()))
    assert titles(mediamon.read_dump(path)) == ["Some Headline About Iraq"]


@pytest.mark.parametrize("name", ["missing.txt", "dir/missing.jsonl"])
def test_read_dump_of_a_missing_file_raises(tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError) as info:
        mediamon.read_dump(tmp_path / name)
    assert info.value.path == str(tmp_path / name) and info.value.reason == Msg.NOT_FOUND
    with pytest.raises(InputError):
        mediamon.read_dump(str(tmp_path / name))


def test_read_dump_of_a_directory_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        mediamon.read_dump(tmp_path)


def test_read_dump_of_a_binary_file_reports_it(tmp_path: Path) -> None:
    path = write(tmp_path, "x.txt", PNG)
    corpus = mediamon.read_dump(path)
    assert len(corpus) == 0 and corpus.problems[0].reason == Msg.BINARY.format(detail="PNG image")


def test_one_line_text_that_is_not_a_file_name_is_a_dump() -> None:
    assert len(mediamon.read_dump("A single line of text, not a path.")) <= 1


# --- invariants -----------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        b"{",
        b"}",
        b"[",
        b"]",
        b'"title"',
        b'"body"',
        b":",
        b",",
        b'"x"',
        b"\n",
        b"\r",
        b'"',
        b"\t",
        b"\x00",
        b"\xff",
        b"\xd8\xa7",
        b"1e999",
        b"title",
        b"Headline About Iraq",
        b"07/10/2021",
        b"\xef\xbb\xbf",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(st.binary(max_size=300), st.lists(_PIECES, max_size=60).map(b"".join)),
    suffix=st.sampled_from([".txt", ".jsonl", ".json", ".csv", ".tsv"]),
)
def test_any_bytes_read_without_error(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = write(tmp_path, "input" + suffix, data)
    corpus = mediamon.read(path)
    for problem in corpus.problems:
        assert problem.path == str(path) and "\n" not in str(problem)
        assert problem.line is None or problem.line >= 1
    for article in corpus:
        assert article.origin is not None and article.origin.first_line <= article.origin.last_line
    if suffix != ".txt":
        assert not corpus.dropped
        assert all(a.title.strip() or a.body.strip() for a in corpus)


def test_read_dump_of_a_dash_is_text_not_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)  # reading it would fail
    assert mediamon.read_dump("-").problems == ()


def test_surrogate_pair_in_str_input_becomes_its_character() -> None:
    corpus = mediamon.read_dump(DUMP.replace("A body", "A \ud83d\ude00 body"))
    assert corpus[0].body.startswith("A 😀 body") and corpus.problems == ()


BODY = "The president of Iraq visited Baghdad on Monday and met officials there for talks on the budget."


@pytest.mark.parametrize(
    ("data", "title"),
    [
        pytest.param(b"title,body\nT,The body of the record.\n", "T", id="csv"),
        pytest.param(b'"Title","Text"\n"T","The body, with a comma."\n', "T", id="csv quoted"),
        pytest.param(b"Title\tText\tDate\nT\tThe body of the record.\t2024-01-02\n", "T", id="tsv"),
        pytest.param('{"title": "T", "body": "The body."}\n'.encode("utf-16"), "T", id="utf-16 json lines"),
        pytest.param(
            f"Title, body and soul: a story\n\n{BODY}\n".encode(), "Title, body and soul: a story", id="dump"
        ),
        pytest.param(
            f"title,body\n\n{BODY}\n".encode(), "title,body", id="dump with no row under its first line"
        ),
    ],
)
def test_a_table_on_standard_input_is_read_as_one(
    monkeypatch: pytest.MonkeyPatch, data: bytes, title: str
) -> None:
    """A CSV or TSV piped in was read as a dump (its rows set aside); UTF-16 JSON Lines too."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    parsed = inputs.read_file("-")
    assert [a.title for a in parsed.articles] == [title] and parsed.problems == ()


def test_a_dump_over_the_line_cap_is_segmented_in_parts_with_its_own_line_numbers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 50 MB dump of 16 million short lines took 12 GB (a few hundred bytes a line while
    segmenting); now a dump is segmented ``ReadLimits.max_dump_lines`` lines at a time. Every
    line is still accounted for, at its own line number."""
    import attrs

    lines: list[str] = []
    for i in range(30):
        lines += [
            f"Rain floods the valley town number {i}",
            "",
            f"{BODY} Story {i}.",
            "",
            "Share | Tweet",
            "",
        ]
    source = "\n".join(lines) + "\n"
    whole = inputs.read_file("x.txt", data=source.encode())
    monkeypatch.setattr(inputs, "LIMITS", attrs.evolve(inputs.LIMITS, max_dump_lines=25))
    parts = inputs.read_file("x.txt", data=source.encode())
    assert [p.reason for p in parts.problems] == [Msg.DUMP_IN_PARTS.format(lines=181, limit=25)]
    assert whole.problems == () and len(parts.articles) >= 25
    seen: set[int] = set()
    for article in parts.articles:
        assert article.origin is not None
        first, last = article.origin.first_line, article.origin.last_line
        assert lines[first - 1] in (article.title, article.body.split("\n")[0])
        seen.update(n for n in range(first, last + 1) if lines[n - 1].strip())
    for dropped in parts.dropped:
        assert lines[dropped.line - 1].strip() == dropped.text
        seen.add(dropped.line)
    assert seen == {n for n, line in enumerate(lines, start=1) if line.strip()}
