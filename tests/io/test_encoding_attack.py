"""Issue 18: decodings that would hide damage -- lone surrogates from UTF-7 and the escape codecs,
UTF-8 pasted into a Windows-1256 (or -1252) file -- are repaired where that is certain and
always reported with their line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediamon
from mediamon.io.encoding import decode

SOURCES = Path(__file__).parents[1] / "data" / "encoding"


def _read(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("data", "encoding", "count", "line"),
    [
        (b"title\n\nbad +2AA- here\n", "utf-7", 1, 3),
        (b"+2AA-\n+3AA- and +2AA-\n", "utf-7", 3, 1),
        (b"one\r\ntwo\r\nthree +2/8-\n", "utf-7", 1, 3),
        (b"a \\ud800 b\n", "unicode_escape", 1, 1),
        (b"line\nx \\udfff\n", "raw_unicode_escape", 1, 2),
    ],
)
def test_lone_surrogates_from_a_codec_are_replaced_and_reported(
    data: bytes, encoding: str, count: int, line: int
) -> None:
    decoded = decode(data, path="d.txt", encoding=encoding)
    assert "\ufffd" in decoded.text
    assert not any("\ud800" <= c <= "\udfff" for c in decoded.text)
    assert [(p.line, p.reason) for p in decoded.problems] == [
        (line, f"{count} lone surrogate code point(s) replaced with U+FFFD")
    ]


def test_a_surrogate_pair_from_utf7_is_its_character() -> None:
    decoded = decode("grin 😀 ok\n".encode("utf-7"), path="d.txt", encoding="utf-7")
    assert decoded.text == "grin 😀 ok\n" and decoded.problems == ()


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec="utf-16", exclude_categories=["Cc"]) | st.sampled_from("\n\ud800\udc00")))
def test_utf7_never_leaves_a_lone_surrogate(text: str) -> None:
    data = text.encode("utf-7", "surrogatepass") if text else b""
    decoded = decode(data, path="d.txt", encoding="utf-7")
    assert not any("\ud800" <= c <= "\udfff" for c in decoded.text)
    lone = sum(1 for c in decoded.text if c == "\ufffd") - text.count("\ufffd")
    assert bool(lone) == any("lone surrogate" in p.reason for p in decoded.problems)


def test_a_utf7_dump_read_by_name_reports_its_line(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_bytes(b"Baghdad talks resume\n\nOfficials met +2AA- in Baghdad on Monday.\n")
    corpus = mediamon.read(path, encoding="utf-7")
    assert [str(p) for p in corpus.problems] == [
        f"{path}:3: 1 lone surrogate code point(s) replaced with U+FFFD"
    ]


PASTES = {
    "arabic words": "وقال المتحدث في بغداد إن المحادثات ستستمر",
    "one word": "بغداد",
    "two letters": "في",
    "with curly quotes": "“العراق”",
}


@pytest.mark.parametrize("where", ["start", "middle", "end"])
@pytest.mark.parametrize("paste", PASTES)
def test_utf8_pasted_into_windows_1256_is_read_as_utf8_and_reported(paste: str, where: str) -> None:
    arabic = _read("dump_arabic.txt")
    lines = arabic.splitlines(keepends=True)
    at = {"start": 0, "middle": len(lines) // 2, "end": len(lines)}[where]
    before, after = "".join(lines[:at]), "".join(lines[at:])
    data = before.encode("cp1256") + PASTES[paste].encode("utf-8") + b"\n" + after.encode("cp1256")
    decoded = decode(data, path="d.txt")
    assert decoded.encoding == "cp1256"
    assert decoded.text == before + PASTES[paste] + "\n" + after
    (problem,) = decoded.problems
    assert problem.line == at + 1 and "UTF-8 inside cp1256 text" in problem.reason


FRENCH = [
    "« Le président a déclaré : “Nous sommes prêts à reprendre les négociations” », a rapporté l’agence.",
    "La façade du café, naïve et élégante, a été rénovée cet été à Besançon.",
    "Über la réunion de Genève, le ministre des Affaires étrangères n’a pas commenté.",
    "Les élèves ont célébré la fête à l’hôtel de ville, où l’on a servi du crème brûlée.",
]


def test_utf8_pasted_into_windows_1252_is_read_as_utf8_and_reported() -> None:
    head = "\n".join(FRENCH * 5) + "\n"
    pasted = "Le président à l’Élysée, déjà reçu\n"
    tail = "Fin du communiqué, signé à Besançon.\n"
    decoded = decode(head.encode("cp1252") + pasted.encode() + tail.encode("cp1252"), path="d.txt")
    assert decoded.encoding == "cp1252"
    assert decoded.text == head + pasted + tail
    (problem,) = decoded.problems
    assert problem.line == 21 and "UTF-8 inside cp1252 text" in problem.reason


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("dump_arabic.txt", "cp1256"),
        ("dump_mixed.txt", "cp1256"),
        ("\n".join(FRENCH * 10) + "\n", "cp1252"),
    ],
    ids=["arabic-1256", "mixed-1256", "french-1252"],
)
def test_genuine_single_byte_text_is_not_taken_for_pasted_utf8(text: str, codec: str) -> None:
    text = _read(text) if text.endswith(".txt") else text
    decoded = decode(text.encode(codec), path="d.txt")
    assert decoded.text == text and not any("UTF-8 inside" in p.reason for p in decoded.problems)


def test_persian_letters_in_windows_1256_are_not_pasted_utf8() -> None:
    # Persian letters sit at 0x80-0xBF in Windows-1256, so an Arabic letter before one is a valid
    # UTF-8 pair (عک = DA 98); one such pair alone is never taken for pasted UTF-8.
    persian = "اين عكس از سپاه پاسداران گرفته شده است و كشور گزارش داد كه پژوهش چگونه گچ پگاه ژاله سگ\n"
    decoded = decode((persian * 40).encode("cp1256"), path="d.txt")
    assert decoded.text == persian * 40 and decoded.problems == ()


def test_an_explicit_encoding_is_not_second_guessed() -> None:
    data = "بغداد".encode() + " x\n".encode("cp1256")
    decoded = decode(data, path="d.txt", encoding="cp1256")
    assert decoded.text == data.decode("cp1256") and decoded.problems == ()


#: Inputs of each kind a codec named with ``--encoding`` may be asked to read.
NAMED_CODEC_INPUTS = {
    "dump.txt": "A headline here\n\nThe minister met the delegation on Monday.\n",
    "arabic.txt": "عنوان الخبر هنا\n\nزار الرئيس بغداد يوم الاثنين والتقى المسؤولين.\n",
    "records.jsonl": '{"title": "T", "body": "The body of the record."}\n',
    "page.html": "<html><body><article><h1>Head</h1><p>Body text of the page.</p></article></body></html>",
}


@pytest.mark.parametrize("name", sorted(NAMED_CODEC_INPUTS))
@pytest.mark.parametrize("codec", ["punycode", "idna", "undefined"])
def test_a_named_codec_that_cannot_read_a_file_is_one_problem_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], codec: str, name: str
) -> None:
    """``--encoding punycode`` (or ``undefined``; ``idna`` on non-ASCII bytes) was a
    ``UnicodeError`` traceback: these codecs fail on no byte in particular, or cannot replace."""
    from mediamon.cli import main

    path = tmp_path / name
    path.write_text(NAMED_CODEC_INPUTS[name], encoding="utf-8")
    parsed = mediamon.io.inputs.read_file(str(path), encoding=codec)
    for problem in parsed.problems:
        assert problem.path == str(path) and "\n" not in problem.reason
    if not parsed.articles:
        assert any(p.reason.startswith(f"cannot be read as {codec} (") for p in parsed.problems)
    status = main(["segment", "-q", "--encoding", codec, str(path), "-o", str(tmp_path / "out.jsonl")])
    err = capsys.readouterr().err
    assert status in (0, 1) and "Traceback" not in err


def test_dumps_joined_together_lose_each_files_bom() -> None:
    """The second file's byte-order mark stayed in its first title (``\\ufeffBaghdad ...``), so
    the same article twice had two ids."""
    one = (
        "Baghdad talks resume after a long pause\n\nThe president of Iraq visited Baghdad on Monday"
        " and met officials there for talks about the budget and the oil law.\n\n"
    )
    for joined in (one + "\ufeff" + one, one + "\r\n\ufeff" + one):
        corpus = mediamon.read_dump(joined.encode("utf-8"))
        assert [a.title for a in corpus] == ["Baghdad talks resume after a long pause"] * 2
        assert len({a.id for a in corpus}) == 1
    kept = "a zero\ufeffwidth no-break space inside a line"  # not a file's start: kept
    assert kept in decode(("Title\n\n" + kept + "\n").encode("utf-8"), path="x").text
