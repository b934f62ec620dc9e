"""Issue 7, hardening: the bad-input, fault and hostile-content cases not covered elsewhere.

docs/robustness.md lists every case with the test that backs it; most live beside the
code they exercise (test_readers, test_encoding, test_gazetteer, ...). This file holds
the rest: encodings mixed in one directory, files vanishing mid-run, every gazetteer
fault through the command line, a million-line gazetteer, runs killed by signals, a
dying worker at the command line, adversarial long lines, no code-executing loaders,
and property tests with the examples found so far kept as regression cases.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import mediamon
from mediamon.cli import main
from mediamon.errors import GazetteerError, Msg
from mediamon.io.inputs import _clean_text, split_lines
from mediamon.match.gazetteer import Gazetteer
from tests.conftest import DATA
from tests.match.test_gazetteer import BAD
from tests.text.test_segment import accounted

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "000_ee85a602ba24a7e5.txt"
RULES = DATA / "gazetteers" / "rules.jsonl"
IRAQ = DATA / "gazetteers" / "iraq.jsonl"
DUMP = "Some Headline About Iraq\n\n07/10/2021\n\nA body paragraph long enough to be a sentence here.\n"
DUMP2 = "Second Headline About Syria\n\n08/10/2021\n\nAnother body paragraph, long enough to be a sentence.\n"


def _articles(corpus: mediamon.Corpus) -> list[tuple[str, str]]:
    return [(a.title, a.body) for a in corpus]


# --- encodings mixed within one directory ------------------------------------------------


def test_mixed_encodings_within_a_directory(tmp_path: Path) -> None:
    """Each file's encoding is found on its own: one directory, seven encodings, the same articles."""
    mixed = (DATA / "encoding" / "dump_mixed.txt").read_text(encoding="utf-8")
    french = "Headline About Paris\n\n07/10/2021\n\nLe café, la façade « naïve » — über.\n"
    encoded = {
        "a_utf8.txt": mixed.encode("utf-8"),
        "b_utf8_bom.txt": b"\xef\xbb\xbf" + mixed.encode("utf-8"),
        "c_utf16le.txt": b"\xff\xfe" + mixed.encode("utf-16-le"),
        "d_utf16be.txt": b"\xfe\xff" + mixed.encode("utf-16-be"),
        "e_cp1256.txt": mixed.encode("cp1256"),
        "f_iso8859_6.txt": mixed.encode("iso-8859-6"),
    }
    for name, data in encoded.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "g_cp1252.txt").write_bytes(french.encode("cp1252"))
    corpus = mediamon.read(tmp_path)
    assert corpus.problems == ()
    expected = _articles(mediamon.read_dump(mixed))
    by_file: dict[str, list[tuple[str, str]]] = {}
    for article in corpus:
        assert article.origin is not None
        by_file.setdefault(Path(article.origin.path).name, []).append((article.title, article.body))
    for name in encoded:
        assert by_file[name] == expected, name
    assert by_file["g_cp1252.txt"] == _articles(mediamon.read_dump(french))


# --- directory inputs: files that vanish during the run ----------------------------------


def test_file_deleted_after_the_walk_listed_it(tmp_path: Path) -> None:
    """The walk lists a directory, then a file goes before it is reached: a problem names it."""
    (tmp_path / "a.txt").write_text(DUMP, encoding="utf-8")
    gone = tmp_path / "b.txt"
    gone.write_text(DUMP2, encoding="utf-8")
    (tmp_path / "c.txt").write_text(DUMP.replace("Iraq", "Lebanon"), encoding="utf-8")
    stream = mediamon.iter_articles(tmp_path)
    titles = [next(stream).title]  # a.txt read; b.txt and c.txt already listed
    gone.unlink()
    titles += [a.title for a in stream]
    assert titles == ["Some Headline About Iraq", "Some Headline About Lebanon"]
    assert [(p.path, p.line) for p in stream.problems] == [(str(gone), None)]
    assert "No such file or directory" in stream.problems[0].reason


def test_file_deleted_between_stat_and_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The narrower race: the file is still there when the walk checks it, gone when it is opened."""
    from mediamon.io import inputs

    (tmp_path / "a.txt").write_text(DUMP, encoding="utf-8")
    gone = tmp_path / "b.txt"
    gone.write_text(DUMP2, encoding="utf-8")
    real = inputs._load_bytes

    def load(name: str) -> bytes:
        if name == str(gone):
            raise FileNotFoundError(2, "No such file or directory", name)
        return real(name)

    monkeypatch.setattr(inputs, "_load_bytes", load)
    corpus = mediamon.read(tmp_path)
    assert [a.title for a in corpus] == ["Some Headline About Iraq"]
    assert [(p.path, p.reason) for p in corpus.problems] == [
        (str(gone), Msg.UNREADABLE.format(detail="No such file or directory"))
    ]


# --- gazetteers: every fault through the command line too --------------------------------


@pytest.mark.parametrize(("label", "fmt", "text", "line", "reason"), BAD, ids=[b[0] for b in BAD])
def test_gazetteer_check_names_file_line_and_reason(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    label: str,
    fmt: str,
    text: str,
    line: int,
    reason: str,
) -> None:
    path = tmp_path / f"bad.{fmt}"
    path.write_text(text, encoding="utf-8")
    assert main(["gazetteer", "check", str(IRAQ), str(path)]) == 1
    captured = capsys.readouterr()
    assert f"{IRAQ}: ok" in captured.out and str(path) not in captured.out
    errors = captured.err.splitlines()
    assert errors and all(e.startswith(f"mediamon: {path}:") for e in errors)
    assert any(e.startswith(f"mediamon: {path}:{line}: ") and reason in e for e in errors)
    assert "Traceback" not in captured.err


@pytest.fixture(scope="module")
def million_line_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A 1,000,000-line JSON Lines gazetteer, 10,000 entities spread through it (blank lines
    between keep the test fast: it is about line numbering, not speed), a bad line near the end."""
    total, bad = 1_000_000, 999_990
    lines = ["\n"] * total
    for number in range(1, total + 1, 100):
        lines[number - 1] = json.dumps(
            {"id": f"e{number}", "type": "LOC", "names": {"en": [f"Place {number}"]}}
        )
        lines[number - 1] += "\n"
    lines[bad - 1] = '{"id": "e-bad", "type": "LOC", "names": {"en": ["Good", ""]}}\n'
    path = tmp_path_factory.mktemp("gaz") / "million.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path, bad


def test_million_line_gazetteer_with_a_bad_line_near_the_end(
    million_line_gazetteer: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, bad = million_line_gazetteer
    with pytest.raises(GazetteerError) as info:
        Gazetteer.load(path)
    assert (info.value.path, info.value.line, info.value.reason) == (str(path), bad, Msg.GAZ_EMPTY_ALIAS)
    assert main(["gazetteer", "check", str(path)]) == 1
    assert capsys.readouterr().err.splitlines() == [f"mediamon: {path}:{bad}: {Msg.GAZ_EMPTY_ALIAS}"]


# --- faults: a run killed part-way -------------------------------------------------------


def _temporaries(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.*.tmp"))


@pytest.fixture(scope="module")
def big_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 copies of the sample dump (about 15 MB): annotating them takes several seconds."""
    directory = tmp_path_factory.mktemp("big")
    data = EXAMPLE.read_bytes()
    for i in range(200):
        (directory / f"{i:03d}.txt").write_bytes(data)
    return directory


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize(
    ("sig", "previous", "status"),
    [
        (signal.SIGINT, None, 130),
        (signal.SIGTERM, None, 143),
        (signal.SIGTERM, "the previous complete version\n", 143),
        (signal.SIGKILL, "the previous complete version\n", -signal.SIGKILL),
    ],
    ids=["sigint", "sigterm", "sigterm-previous", "sigkill-previous"],
)
def test_killed_run_leaves_no_partial_output(
    tmp_path: Path, big_input: Path, sig: signal.Signals, previous: str | None, status: int
) -> None:
    out = tmp_path / "out.jsonl"
    if previous is not None:
        out.write_text(previous, encoding="utf-8")
    # A suite started in the background from a non-interactive shell inherits SIGINT as
    # ignored, and so would the child, which then installs no Ctrl-C handler: while the
    # child starts, SIGINT is handled here (a handled signal is reset to its default by exec).
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)
    process = subprocess.Popen(
        [sys.executable, "-m", "mediamon", "annotate", str(big_input), "-o", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    signal.signal(signal.SIGINT, inherited)
    try:
        deadline = time.monotonic() + 120
        while not any(t.stat().st_size > 0 for t in _temporaries(out) if t.exists()):
            assert process.poll() is None, "the run ended before it started writing"
            assert time.monotonic() < deadline, "no temporary output file appeared"
            time.sleep(0.02)
        process.send_signal(sig)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == status
    if previous is None:
        assert not out.exists()
    else:
        assert out.read_text(encoding="utf-8") == previous
    if sig != signal.SIGKILL:  # nothing can clean up after SIGKILL; the rename never happened
        assert _temporaries(out) == []
        assert err.decode().splitlines()[-1] == "mediamon: interrupted"
        assert b"Traceback" not in err


def test_dying_worker_fails_the_cli_run_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``annotate --jobs 2``: a worker killed mid-run gives one line and status 1, and no output."""
    from mediamon.match import annotate

    real = annotate.Annotator.annotate

    def dying(self: mediamon.Annotator, article: mediamon.Article) -> mediamon.Article:
        if article.title.startswith("Die Here"):
            os._exit(3)
        return real(self, article)

    monkeypatch.setattr(annotate.Annotator, "annotate", dying)
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(DUMP.replace("Some", "Die Here" if i == 3 else "Some"), "utf-8")
    out = tmp_path / "out.jsonl"
    status = main(["annotate", str(tmp_path), "-o", str(out), "-g", str(IRAQ), "--no-default", "--jobs", "2"])
    err = capsys.readouterr().err
    assert status == 1
    assert "worker process died" in err and "Traceback" not in err
    assert not out.exists() and _temporaries(out) == []


# --- hostile content: adversarial long lines ---------------------------------------------

_ADVERSARIAL = {
    "spaces": "a" + " " * 200_000 + "b",
    "nbsp-dashes": "Al" + "\u00a0-\u00a0–" * 50_000 + "Kadhimi",
    "dashes-spaces": "- " * 100_000,
    "apostrophes": "A" + "'’" * 100_000 + "s",
    "digits-slashes": "1/2/" * 50_000,
    "dotted-capitals": "U." * 100_000,
    "arabic-diacritics": "بِّ" * 66_000 + " والعراق",
    "by": "By " + " " * 200_000 + "1",
    "source": "Source: " + "x " * 100_000,
    "posted-on": "Posted on " + " " * 200_000 + "x",
    "nested-quotes": "\"'«“‘" * 40_000 + ".",
    "al-particles": "Al " * 66_000 + "Kadhimi",
}


@pytest.mark.parametrize("line", list(_ADVERSARIAL.values()), ids=list(_ADVERSARIAL))
def test_adversarial_long_lines_complete(line: str) -> None:
    """No timing: a regex gone quadratic would hang here, and that is the signal."""
    corpus = mediamon.read_dump(f"Headline About Iraq\n\n07/10/2021\n\n{line}\n")
    assert corpus.problems == ()
    annotator = mediamon.Annotator([RULES], default=False)
    for mention in annotator.annotate_text(line):
        assert line[mention.start : mention.end] == mention.text


# --- data, not code ----------------------------------------------------------------------

#: Whatever turns bytes into running code: unpickling, eval/exec, YAML's object loader, marshal.
#: (``pickle.dumps`` only serialises, and is allowed.)
_CODE_LOADERS = re.compile(
    r"\bpickle\.loads?\(|\bUnpickler\b|\bcPickle\b|\bshelve\b|\beval\(|\bexec\("
    r"|\byaml\.(?:unsafe_|full_)?load\b|\bmarshal\b|\bjsonpickle\b|\bdill\b"
)


def test_no_code_executing_loaders_in_the_package() -> None:
    """Gazetteers, data and config files are parsed as data (json, csv), never as code."""
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "src" / "mediamon").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if _CODE_LOADERS.search(line)
    ]
    assert found == []


# --- properties, with the examples found so far kept ----------------------------------------

_MIXED = st.lists(
    st.sampled_from(
        [
            *"aZ 7٣-–—.,:;!?'’\"«»/\\|\t\n\r\u00a0",
            *"\x00\x01\x1b\x7f\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2069\ufeff",
            *"\ud800\udfff\ud83d\ude00",
            *("العراق", "بِّ", "e\u0301", "🇮🇶", "👨\u200d👩", "\ufffd"),
            *("Headline About Iraq", "07/10/2021", "أيلول 4 2021", "By ", "Source: ", "Posted on "),
            *("Related News", "Share this:", "صورة أرشيفية", "\n\n", "-", " - ", "\u00a0-\u00a0"),
        ]
    ),
    max_size=80,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_MIXED)
@example("-")  # a one-line '-' was once taken for standard input
@example("\ud800 lone \udfff surrogates")
@example("\ud83d\ude00 a surrogate pair")
@example("Al\u00a0-\u00a0–\u00a0Kadhimi")  # NBSP and dash runs
@example("Headline About Iraq\x00\n\n07/10/2021\n\nBody\u202e text.\n")
@example("\r\r\n\n\r")
def test_read_dump_of_any_text_never_raises_and_accounts_for_every_line(text: str) -> None:
    corpus = mediamon.read_dump(text)
    cleaned, _ = _clean_text(text, "<text>")
    lines = split_lines(cleaned)
    assert accounted(corpus, lines) == []
    for problem in corpus.problems:
        assert "\n" not in str(problem) and problem.path == "<text>"
    for article in corpus:
        for field in (article.title, article.body):
            assert not re.search("[\ud800-\udfff\x00]", field)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_MIXED, body=_MIXED, suffix=st.sampled_from([".jsonl", ".csv", ".tsv", ".json"]))
@example(title="-", body="\ud800", suffix=".jsonl")
@example(title="a\x00b", body="\u00a0-\u00a0", suffix=".csv")
@example(title='"', body="\r\n", suffix=".tsv")
@example(title="", body="\n\t", suffix=".tsv")
def test_read_of_any_record_never_raises(tmp_path: Path, title: str, body: str, suffix: str) -> None:
    path = tmp_path / f"records{suffix}"
    record = {"title": title, "body": body}
    if suffix == ".jsonl":
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    elif suffix == ".json":
        path.write_text(json.dumps([record]), encoding="utf-8")
    else:
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if suffix == ".csv" else "\t")
        writer.writerows([["title", "body"], [title, body]])
        path.write_bytes(buffer.getvalue().encode("utf-8", "surrogatepass"))
    corpus = mediamon.read(path)
    for problem in corpus.problems:
        assert problem.path == str(path) and "\n" not in str(problem)
    assert len(corpus) <= 1 or (suffix == ".tsv" and corpus.problems)  # TSV quotes are text unless shown
    for article in corpus:  # kept exactly (an escaped lone surrogate too), and written back
        assert article.title.strip() or article.body.strip()
        mediamon.Annotator([IRAQ], default=False).annotate(article)
    corpus.to_jsonl(tmp_path / "out.jsonl")
    assert mediamon.Corpus.from_jsonl(tmp_path / "out.jsonl").articles == corpus.articles
    clean = not re.search("[\ud800-\udfff\x00\r]", title + body)
    if suffix in (".jsonl", ".json") and clean and (title.strip() or body.strip()):
        assert len(corpus) == 1 and corpus.problems == ()
        assert (corpus[0].title.strip(), corpus[0].body.strip()) == (title.strip(), body.strip())


@settings(max_examples=300, deadline=None)
@given(_MIXED, st.sampled_from(["ar", "en"]))
@example("Al\u00a0-\u00a0–\u00a0Kadhimi", "en")
@example(" \u00a0- ", "en")
@example(" \u064e ", "ar")
@example("U.S.’s", "en")
@example("\ud800", "ar")
def test_normalisers_are_idempotent_and_map_back(text: str, code: str) -> None:
    normalizer = mediamon.ArabicNormalizer() if code == "ar" else mediamon.EnglishNormalizer()
    mapped = normalizer.normalize_with_map(text)
    assert normalizer.normalize(mapped.text) == mapped.text
    for pos in range(len(mapped.text)):
        start, end = mapped.span(pos, pos + 1)
        assert 0 <= start < end <= len(text)
