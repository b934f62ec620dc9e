"""mediamon.io.encoding: bytes of scraped dumps to text, with the encoding found or honoured.

Fixtures are generated here from two UTF-8 sources in tests/data/encoding (a
mostly-English dump with Arabic paragraphs, and a mostly-Arabic one), encoded in each
encoding under test.
"""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mediamon.errors import BinaryInputError, DecodeError, Msg
from mediamon.io.encoding import Decoded, decode

SOURCES = Path(__file__).parents[1] / "data" / "encoding"
PATH = "dump.txt"

# Windows-1252 and Windows-1256 share these: curly quotes, guillemets, French accents.
FRENCH = (
    "« Le président a déclaré : “Nous sommes prêts à reprendre les négociations” », "
    "a rapporté l’agence. Le café, la façade, naïve, über."
)


def _read(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def mixed() -> str:
    """Mostly English, two Arabic paragraphs; ASCII punctuation (fits ISO-8859-6)."""
    return _read("dump_mixed.txt")


@pytest.fixture(scope="module")
def arabic() -> str:
    """Mostly Arabic, with a Latin source line."""
    return _read("dump_arabic.txt")


@pytest.fixture(scope="module")
def latin_heavy(mixed: str) -> str:
    """Many English paragraphs, French with curly quotes, and one Arabic paragraph.

    In Windows-1256 charset-normalizer 3.5.2 reads this as mac_latin2 (Arabic as
    Latin-2 mojibake): the trap the Arabic code-page check exists for.
    """
    paragraphs = mixed.split("\n\n")
    english = [p for p in paragraphs if p.isascii()]
    arabic = [p for p in paragraphs if not p.isascii()]
    return "\n\n".join([*english * 8, FRENCH, arabic[0], *english])


# --- Unicode -----------------------------------------------------------------------------


def test_empty_input() -> None:
    assert decode(b"", path=PATH) == Decoded(text="", encoding="utf-8", problems=())


@pytest.mark.parametrize("source", ["mixed", "arabic"])
def test_utf8(source: str, request: pytest.FixtureRequest) -> None:
    text: str = request.getfixturevalue(source)
    assert decode(text.encode("utf-8"), path=PATH) == Decoded(text, "utf-8", ())


@pytest.mark.parametrize("source", ["mixed", "arabic"])
def test_utf8_bom_is_removed(source: str, request: pytest.FixtureRequest) -> None:
    text: str = request.getfixturevalue(source)
    assert decode(text.encode("utf-8-sig"), path=PATH) == Decoded(text, "utf-8-sig", ())


@pytest.mark.parametrize("source", ["mixed", "arabic"])
@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_utf16_utf32_with_bom(source: str, bom: bytes, codec: str, request: pytest.FixtureRequest) -> None:
    text: str = request.getfixturevalue(source)
    assert decode(bom + text.encode(codec), path=PATH) == Decoded(text, codec, ())


@pytest.mark.parametrize("source", ["mixed", "arabic"])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_found_by_its_nul_pattern(
    source: str, codec: str, request: pytest.FixtureRequest
) -> None:
    text: str = request.getfixturevalue(source)
    assert decode(text.encode(codec), path=PATH) == Decoded(text, codec, ())


def test_utf16_without_bom_single_character() -> None:
    assert decode("a".encode("utf-16-be"), path=PATH).text == "a"
    assert decode("hi".encode("utf-16-le"), path=PATH).text == "hi"


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "utf-16-be", "cp1256"])
def test_line_endings_are_normalised(mixed: str, codec: str) -> None:
    crlf = mixed.replace("\n", "\r\n")
    assert decode(crlf.encode(codec), path=PATH).text == mixed
    lone_cr = mixed.replace("\n", "\r")
    assert decode(lone_cr.encode(codec), path=PATH).text == mixed


# --- legacy code pages ---------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["cp1256", "iso8859-6"])
@pytest.mark.parametrize("source", ["mixed", "arabic"])
def test_arabic_code_pages(codec: str, source: str, request: pytest.FixtureRequest) -> None:
    text: str = request.getfixturevalue(source)
    assert decode(text.encode(codec), path=PATH) == Decoded(text, codec, ())


def test_mostly_latin_dump_with_arabic_in_cp1256_is_not_read_as_latin2(latin_heavy: str) -> None:
    decoded = decode(latin_heavy.encode("cp1256"), path=PATH)
    assert decoded == Decoded(latin_heavy, "cp1256", ())
    assert "أعلنت وزارة الخارجية" in decoded.text
    assert "“Nous sommes prêts" in decoded.text


def test_mostly_latin_dump_with_arabic_in_iso8859_6() -> None:
    paragraphs = _read("dump_mixed.txt").split("\n\n")
    english = [p for p in paragraphs if p.isascii()]
    arabic = [p for p in paragraphs if not p.isascii()]
    text = "\n\n".join([*english * 8, arabic[1], *english])
    assert decode(text.encode("iso8859-6"), path=PATH) == Decoded(text, "iso8859-6", ())


def test_cp1252_english_and_french() -> None:
    text = (
        "The minister’s statement was “clear”, aides said — and final.\n\n"
        f"{FRENCH}\n\nDie Brücke in Zürich wurde für den Verkehr gesperrt.\n\nNoël à l’Élysée.\n"
    )
    assert decode(text.encode("cp1252"), path=PATH) == Decoded(text, "cp1252", ())


def test_single_latin1_byte_in_ascii_is_cp1252() -> None:
    assert decode(b"hello caf\xe9 world", path=PATH) == Decoded("hello café world", "cp1252", ())
    # A lone high byte at the very end looks like a cut-off UTF-8 sequence, but with no
    # valid UTF-8 sequence anywhere it is a legacy code page.
    assert decode(b"hello caf\xe9", path=PATH) == Decoded("hello café", "cp1252", ())


@pytest.mark.parametrize("text", ["مرحبا بكم", "شكرا", "Hello مرحبا", "بيروت - وكالات", "قوي يقول\n"])
def test_short_arabic_without_the_article_in_cp1256(text: str) -> None:
    assert decode(text.encode("cp1256"), path=PATH) == Decoded(text, "cp1256", ())


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Правительство объявило о новых мерах безопасности в среду.\n" * 3, "cp1251"),
        ("Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα ασφαλείας για την πόλη.\n" * 3, "cp1253"),
        ("הממשלה הודיעה היום על צעדים חדשים. שר החוץ אמר כי המשא ומתן יימשך.\n" * 3, "cp1255"),
        ("Rząd ogłosił w środę nowe środki bezpieczeństwa. Zażółć gęślą jaźń.\n" * 3, "cp1250"),
        ("Правительство объявило о новых мерах безопасности в среду.\n" * 3, "koi8-r"),
    ],
)
def test_other_code_pages_go_to_charset_normalizer(text: str, codec: str) -> None:
    decoded = decode(text.encode(codec), path=PATH)
    assert decoded.text == text
    assert decoded.encoding == codec


# --- explicit encodings --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "codec"),
    [("cp1256", "cp1256"), ("windows-1256", "cp1256"), ("ISO-8859-6", "iso8859-6"), ("utf8", "utf-8")],
)
def test_explicit_encoding_is_honoured(arabic: str, name: str, codec: str) -> None:
    assert decode(arabic.encode(codec), path=PATH, encoding=name) == Decoded(arabic, codec, ())


def test_explicit_encoding_wins_over_detection() -> None:
    # Valid UTF-8, but the caller says Latin-1: the caller is right by definition.
    decoded = decode("café".encode(), path=PATH, encoding="latin-1")
    assert decoded == Decoded("cafÃ©", "iso8859-1", ())


def test_explicit_utf16_uses_the_bom_or_the_nul_pattern(mixed: str) -> None:
    assert decode(mixed.encode("utf-16"), path=PATH, encoding="utf-16").text == mixed
    assert decode(mixed.encode("utf-16-be"), path=PATH, encoding="utf-16").text == mixed


def test_explicit_utf8_removes_a_bom(mixed: str) -> None:
    assert decode(mixed.encode("utf-8-sig"), path=PATH, encoding="utf-8").text == mixed


def test_explicit_encoding_reports_undecodable_bytes() -> None:
    decoded = decode(b"x\r\ny\rabc \xdb\xdc def", path=PATH, encoding="iso8859-6")
    assert decoded.text == "x\ny\nabc \ufffd\ufffd def"
    assert [(p.line, p.reason) for p in decoded.problems] == [
        (3, Msg.UNDECODABLE.format(count=2, encoding="iso8859-6", offset=9))
    ]


@pytest.mark.parametrize("name", ["no-such-codec", "base64", "rot13"])
def test_unknown_explicit_encoding(name: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode(b"text", path=PATH, encoding=name)
    assert info.value.path == PATH
    assert info.value.reason == Msg.ENCODING_UNKNOWN.format(encoding=name)


# --- damaged text --------------------------------------------------------------------------


def test_truncated_sequence_inside_utf8(mixed: str) -> None:
    data = mixed.encode("utf-8")
    cut = data.index("وزارة".encode())  # drop the second byte of the first Arabic letter
    damaged = data[: cut + 1] + data[cut + 2 :]
    decoded = decode(damaged, path=PATH)
    assert decoded.encoding == "utf-8"
    assert decoded.text == damaged.decode("utf-8", "replace")
    assert decoded.text.count("\ufffd") == 1
    assert [p.reason for p in decoded.problems] == [
        Msg.UNDECODABLE.format(count=1, encoding="utf-8", offset=cut)
    ]
    assert decoded.problems[0].path == PATH
    assert decoded.problems[0].line == data[:cut].count(b"\n") + 1
    assert decoded.text.splitlines()[decoded.problems[0].line - 1].startswith("أعلنت \ufffd")


def test_truncated_sequence_at_end_of_utf8(mixed: str) -> None:
    data = mixed.rstrip("\n").encode("utf-8") + "ل".encode()[:1]
    decoded = decode(data, path=PATH)
    assert decoded.encoding == "utf-8"
    assert decoded.text == mixed.rstrip("\n") + "\ufffd"
    assert decoded.problems[0].reason == Msg.UNDECODABLE.format(
        count=1, encoding="utf-8", offset=len(data) - 1
    )


def test_stray_latin1_bytes_in_utf8_are_not_mojibake(latin_heavy: str) -> None:
    data = latin_heavy.encode("utf-8")
    damaged = data[:100] + b"\xe9\xe8" + data[100:]
    decoded = decode(damaged, path=PATH)
    assert decoded.encoding == "utf-8"
    assert decoded.text == latin_heavy[:100] + "\ufffd\ufffd" + latin_heavy[100:]
    assert decoded.problems[0].reason == Msg.UNDECODABLE.format(count=2, encoding="utf-8", offset=100)


def test_lone_nuls_are_removed(mixed: str) -> None:
    data = mixed.encode("utf-8")
    decoded = decode(data[:50] + b"\x00" + data[50:70] + b"\x00" + data[70:], path=PATH)
    assert decoded.text == mixed
    assert [p.reason for p in decoded.problems] == [Msg.NUL_REMOVED.format(count=2, offset=50)]
    assert decoded.problems[0].line == data[:50].count(b"\n") + 1


def test_lone_nul_in_a_short_text() -> None:
    decoded = decode(b"hello\x00world", path=PATH)
    assert decoded.text == "helloworld"
    assert decoded.problems[0].reason == Msg.NUL_REMOVED.format(count=1, offset=5)


def test_nul_characters_in_utf16_are_removed() -> None:
    data = codecs.BOM_UTF16_LE + "ab\x00cd".encode("utf-16-le")
    decoded = decode(data, path=PATH)
    assert decoded.text == "abcd"
    assert decoded.problems[0].reason == Msg.NUL_REMOVED.format(count=1, offset=6)


# --- binary files --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP archive"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip archive"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF executable"),
    ],
)
def test_binary_by_magic_number(data: bytes, kind: str) -> None:
    with pytest.raises(BinaryInputError) as info:
        decode(data + bytes(range(256)), path=PATH)
    assert str(info.value) == f"{PATH}: not a text file ({kind})"
    assert info.value.path == PATH


def test_magic_number_wins_over_an_explicit_encoding() -> None:
    with pytest.raises(BinaryInputError, match="PNG image"):
        decode(b"\x89PNG\r\n\x1a\n" + bytes(64), path=PATH, encoding="utf-8")


def test_random_bytes_are_binary() -> None:
    data = random.Random(7).randbytes(20_000)
    with pytest.raises(BinaryInputError, match="control bytes"):
        decode(data, path=PATH)


def test_control_heavy_data_is_binary() -> None:
    data = b"MZ" + bytes(300) + b"This program cannot be run in DOS mode." + bytes(300)
    with pytest.raises(BinaryInputError, match="not a text file"):
        decode(data, path=PATH)


def test_nul_heavy_text_that_is_not_utf16_is_binary(mixed: str) -> None:
    rng = random.Random(3)
    data = bytearray(mixed.encode("utf-8"))
    for _ in range(len(data) // 20):
        data.insert(rng.randrange(len(data)), 0)
    with pytest.raises(BinaryInputError, match="NUL"):
        decode(bytes(data), path=PATH)


def test_control_heavy_explicit_decoding_is_binary() -> None:
    with pytest.raises(BinaryInputError):
        decode(bytes(range(32)) * 20, path=PATH, encoding="cp1252")


# --- properties and speed -----------------------------------------------------------------

# Text without C0 controls (other than tab and line breaks), which would make it binary.
TEXT = st.text(
    st.characters(
        blacklist_categories=("Cs",), blacklist_characters=[chr(c) for c in range(32) if c not in (9, 10, 13)]
    )
)


def _expected(text: str) -> str:
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_utf8_round_trip(text: str) -> None:
    decoded = decode(text.encode("utf-8"), path=PATH)
    assert decoded.text == _expected(text)
    assert decoded.problems == ()


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_utf16_with_bom_round_trip(text: str) -> None:
    assert decode(text.encode("utf-16"), path=PATH).text == _expected(text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([None, "utf-8", "cp1256", "utf-16"]))
@example(b"\xa6\xe0\xc3\x83\x80", None)  # guessed as Shift-JIS: no pasted-UTF-8 repair on a multibyte page
def test_only_documented_errors(data: bytes, encoding: str | None) -> None:
    try:
        decoded = decode(data, path=PATH, encoding=encoding)
    except BinaryInputError:
        return
    assert "\r" not in decoded.text
    assert "\x00" not in decoded.text
