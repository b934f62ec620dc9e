"""Bytes to text: find a scraped file's encoding and decode it robustly.

Evidence is tried strongest first: magic numbers (binary files), byte-order marks,
the NUL pattern of BOM-less UTF-16/32, strict UTF-8, mostly-UTF-8 with a few bad
bytes, and only then single-byte code pages. The Arabic code pages are decided here
rather than by charset-normalizer, which (3.5.2) reads a mostly-Latin dump with
Windows-1256 Arabic paragraphs as cp1250 or mac_latin2 and turns the Arabic into
Latin-2 mojibake; charset-normalizer is asked only about text that is neither Arabic
nor Latin, and its answer is checked.

Everything on the UTF-8 path is a handful of C-level passes over the bytes, so a large
UTF-8 file decodes at close to the speed of ``bytes.decode``.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections import Counter

import attrs

from mediamon.errors import BinaryInputError, DecodeError, Msg, Problem

__all__ = ["LONE_SURROGATE", "Decoded", "decode", "replace_surrogates"]

# Statistics that only need a representative slice (binary sniffing, UTF-16 pattern,
# Latin plausibility) look at this many bytes, so their cost does not grow with the file.
_SAMPLE = 1 << 20
_WIDE_SAMPLE = 1 << 16
_CN_SAMPLE = 1 << 16

_CONTROL_LIMIT = 0.10  # more than this share of control bytes: binary
_CONTROL_LIMIT_LEGACY = 0.02  # ... or of data that is neither UTF nor Arabic nor Latin text
_CONTROL_MIN = 4  # fewer control bytes than this never make a file binary
_NUL_LIMIT = 0.01  # more NULs than this share (and not UTF-16/32): binary
_NUL_MIN = 4  # ... but a handful of stray NULs in a small file is still text


@attrs.frozen
class Decoded:
    """A file's text with the codec used and the non-fatal problems met on the way.

    ``text`` has any BOM removed and line endings normalised (CRLF and lone CR become
    ``"\\n"``), so line numbers mean the same thing whatever produced the file.
    """

    text: str
    encoding: str
    problems: tuple[Problem, ...]


def decode(data: bytes, *, path: str, encoding: str | None = None) -> Decoded:
    """Decode a file's bytes.

    Raises BinaryInputError (with path) for binary data (images, archives, executables:
    magic numbers, NUL-heavy content that is not UTF-16, mostly control bytes). Raises
    DecodeError for an unknown explicit encoding name. Never raises for text.
    """
    if not data:
        return Decoded(text="", encoding="utf-8", problems=())
    kind = _magic_kind(data)
    if kind is not None:
        raise BinaryInputError(Msg.BINARY.format(detail=kind), path=path)
    if encoding is not None:
        return _decode_explicit(data, encoding, path)
    bom = _bom(data)
    if bom is not None:
        codec, size = bom
        if codec == "utf-8-sig":
            _reject_binary_bytes(data[size:], path)
            return _decode_as(data, "utf-8", path, start=size, label=codec)
        return _decode_as(data, codec, path, start=size)
    wide = _wide_guess(data)
    if wide is not None:
        return _decode_as(data, wide, path, start=0)
    _reject_binary_bytes(data, path)
    decoded = _try_utf8(data, path)
    if decoded is not None:
        return decoded
    codec, certain = _guess_single_byte(data, path)
    return _decode_as(data, codec, path, start=0, uncertain=not certain)


# --- binary files --------------------------------------------------------------------


def _magic_kind(data: bytes) -> str | None:
    """What a file's leading magic number says it is, or None (the table lives in io/detect.py)."""
    from mediamon.io.detect import binary_kind

    return binary_kind(data)


# C0 controls other than tab, LF, VT, FF, CR; and DEL.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def _sample(data: bytes) -> bytes:
    """A bounded slice from the start, the middle and the end of the data."""
    if len(data) <= _SAMPLE:
        return data
    part = _SAMPLE // 4
    mid = len(data) // 2
    return data[: 2 * part] + data[mid : mid + part] + data[-part:]


def _reject_binary_bytes(data: bytes, path: str) -> None:
    """Raise BinaryInputError for ASCII-compatible data that is mostly control bytes or NULs."""
    sample = _sample(data)
    controls = _count_of(sample, _CONTROL_BYTES)
    if controls > _CONTROL_MIN and controls > _CONTROL_LIMIT * len(sample):
        share = round(100 * controls / len(sample))
        raise BinaryInputError(Msg.BINARY.format(detail=f"binary data, {share}% control bytes"), path=path)
    nuls = data.count(0)
    if nuls > _NUL_MIN and nuls > _NUL_LIMIT * len(data):
        raise BinaryInputError(
            Msg.BINARY.format(detail=f"binary data, {nuls} NUL bytes and not UTF-16"), path=path
        )


def _reject_binary_text(text: str, path: str, encoding: str) -> None:
    """Raise BinaryInputError when decoded text is mostly control characters."""
    sample = text[:_SAMPLE]
    controls = len(sample) - len(_CONTROL_CHARS.sub("", sample))
    if controls > _CONTROL_MIN and controls > _CONTROL_LIMIT * len(sample):
        share = round(100 * controls / len(sample))
        raise BinaryInputError(
            Msg.BINARY.format(detail=f"binary data, {share}% control characters as {encoding}"),
            path=path,
        )


# --- Unicode encoding forms --------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16-LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _bom(data: bytes) -> tuple[str, int] | None:
    """The codec named by a leading byte-order mark and the mark's length, or None."""
    for mark, codec in _BOMS:
        if data.startswith(mark):
            if codec == "utf-32-le" and len(data) % 4:
                continue  # FF FE 00 00 is also a UTF-16-LE BOM followed by U+0000
            return codec, len(mark)
    return None


def _wide_guess(data: bytes) -> str | None:
    """UTF-32 or UTF-16 without a BOM, recognised by where the NUL bytes fall.

    Text in UTF-16 has NULs in the high byte of every ASCII character (spaces, digits,
    punctuation even in Arabic text) and hardly ever in the low byte, and the high bytes
    take very few values (0x00 and the script's block, 0x06 for Arabic).
    """
    head = data[:_WIDE_SAMPLE]
    n4 = len(head) // 4
    if n4:
        units = n4 * 4
        if head[2:units:4].count(0) == n4 and head[3:units:4].count(0) == n4:
            return _verified_wide(head, "utf-32-le")
        if head[0:units:4].count(0) == n4 and head[1:units:4].count(0) == n4:
            return _verified_wide(head, "utf-32-be")
    half = len(head) // 2
    if not half:
        return None
    low_le, high_le = head[0 : 2 * half : 2], head[1 : 2 * half : 2]
    for low, high, codec in ((low_le, high_le, "utf-16-le"), (high_le, low_le, "utf-16-be")):
        nul_high, nul_low = high.count(0), low.count(0)
        if nul_high < min(2, half) or nul_high < 0.05 * half or nul_low * 10 > nul_high:
            continue
        common = Counter(high).most_common(2)
        top_nonzero = next((n for value, n in common if value), 0)
        if nul_high + top_nonzero >= 0.6 * half:
            return _verified_wide(head, codec)
    return None


def _verified_wide(head: bytes, codec: str) -> str | None:
    """``codec`` if the sample decodes as it (a unit cut at the sample's end aside)."""
    width = 4 if codec.startswith("utf-32") else 2
    usable = head[: len(head) // width * width]
    text = usable.decode(codec, "replace")
    if text.count("\ufffd") > 2 + len(text) // 100:
        return None
    return codec


def _decode_explicit(data: bytes, encoding: str, path: str) -> Decoded:
    """Decode with a caller-named codec (a BOM for that codec is still removed)."""
    name = _text_codec(encoding)
    if name is None:
        raise DecodeError(Msg.ENCODING_UNKNOWN.format(encoding=encoding), path=path)
    codec, start = name, 0
    if name in ("utf-16", "utf-32"):
        bom = _bom(data)
        if bom is not None and bom[0].startswith(name):
            codec, start = bom
        else:
            guess = _wide_guess(data)
            codec = guess if guess and guess.startswith(name) else f"{name}-le"
        name = codec
    elif name in ("utf-8", "utf-8-sig"):
        codec = "utf-8"
        start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    return _decode_as(data, codec, path, start=start, label=name, explicit=True)


# --- decoding and clean-up ---------------------------------------------------------------


def _text_codec(encoding: str) -> str | None:
    """The normalised name of a text codec (``Windows-1256`` -> ``cp1256``), or None."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    try:
        b"\x00\x00\x00\x00".decode(name)
    except UnicodeError:  # undecodable zeros (UTF-32), or a codec that reads only its own text (punycode)
        pass
    except LookupError:  # a bytes-to-bytes codec such as "base64"
        return None
    return name


@functools.cache
def _single_byte(codec: str) -> bool:
    """Whether every character of ``codec`` is one byte (Windows-1256, Latin-1), so a slice of
    its bytes decodes on its own; multibyte pages (Shift-JIS, GB18030) are never repaired."""
    try:
        sample = bytes(range(0x80, 0x100)).decode(codec, "replace")
    except LookupError:
        return False
    return len(sample) == 0x80 and not codec.startswith("utf")


def _is_wide(codec: str) -> bool:
    return codec.startswith(("utf-16", "utf-32"))


def _try_utf8(data: bytes, path: str) -> Decoded | None:
    """Decode as UTF-8 if the data is UTF-8, perhaps with a few damaged bytes; else None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = _utf8_bad_bytes(data)
        if not _utf8_plausible(data, bad, exc):
            return None
        text = data.decode("utf-8", "replace")
        problem = Msg.UNDECODABLE.format(count=bad, encoding="utf-8", offset=exc.start)
        line = _line_at(data, exc.start, "utf-8")
        return _finish(text, data, "utf-8", path, start=0, problems=[Problem(path, line, problem)])
    return _finish(text, data, "utf-8", path, start=0, problems=[])


def _decode_as(
    data: bytes,
    codec: str,
    path: str,
    *,
    start: int,
    label: str | None = None,
    uncertain: bool = False,
    explicit: bool = False,
) -> Decoded:
    """Decode ``data[start:]`` as ``codec``, replacing and reporting undecodable bytes.

    The bytes of ASCII-compatible guesses were already checked for binary content;
    UTF-16/32 and caller-named codecs are checked on the decoded text instead.
    """
    label = label or codec
    body = data[start:] if start else data
    problems: list[Problem] = []
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        try:
            text = body.decode(codec, "replace")
            bad = _utf8_bad_bytes(body) if codec == "utf-8" else _replacement_count(text, body, codec)
            line = _line_at(body, exc.start, codec)
        except UnicodeError as failed:  # a codec that cannot replace what it cannot read (idna)
            raise _codec_failed(failed, label, path) from failed
        problem = Msg.UNDECODABLE.format(count=bad, encoding=label, offset=start + exc.start)
        problems.append(Problem(path, line, problem))
    except UnicodeError as failed:  # the codec itself fails, on no byte in particular (punycode)
        raise _codec_failed(failed, label, path) from failed
    else:
        if not explicit and _single_byte(codec) and not body.isascii():
            # A page we guessed, not one the caller named (the caller is right by definition).
            text = _pasted_utf8(text, body, codec, path, label, start, problems)
    if uncertain:
        problems.append(Problem(path, None, Msg.ENCODING_UNCERTAIN.format(encoding=label)))
    if explicit or _is_wide(codec):
        _reject_binary_text(text, path, label)
    return _finish(text, body, codec, path, start=start, problems=problems, label=label)


def _codec_failed(failed: UnicodeError, label: str, path: str) -> DecodeError:
    """The problem of a file the named codec cannot read at all, in one line."""
    detail = (str(failed).strip().splitlines() or [type(failed).__name__])[0]
    return DecodeError(Msg.CODEC_FAILED.format(encoding=label, detail=detail), path=path)


#: Runs of UTF-8 multi-byte sequences in bytes otherwise read with a single-byte page.
_UTF8_RUN = re.compile(rb"(?:[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3})+")
#: One pasted accented Latin letter (``é`` read as ``Ã©``) is evidence enough in a Latin page;
#: in an Arabic page a pair can be its own letters (Persian ``عک``), so two or more are needed.
_LATIN_LETTER = re.compile("[\u00c0-\u024f]")
#: What pasted UTF-8 decodes to in the text we read: Arabic letters and marks, accented Latin
#: letters, typographic punctuation and spaces. A run of a legacy page's own characters that
#: happens to form UTF-8 (Persian "عک" in Windows-1256) rarely decodes to two of these in a row.
_PASTED = re.compile("[\u0600-\u06ff\u00c0-\u024f\u2000-\u206f\u00a0\u00ab\u00bb]+")


def _pasted_utf8(
    text: str, body: bytes, codec: str, path: str, label: str, start: int, problems: list[Problem]
) -> str:
    """``text`` (``body`` read as ``codec``) with runs of pasted UTF-8 read as UTF-8, reported.

    UTF-8 Arabic pasted into a Windows-1256 file reads as mojibake (``بغداد`` as
    ``ط¨ط؛ط¯ط§ط¯``); a run of bytes that is valid UTF-8 and decodes to Arabic or accented
    Latin letters is read as UTF-8 instead, and one problem says how many runs and where
    the first is, so nothing is guessed silently.
    """
    pieces: list[str] = []
    done = 0
    runs: list[int] = []
    for match in _UTF8_RUN.finditer(body):
        try:
            pasted = match.group().decode("utf-8")
        except UnicodeDecodeError:
            continue
        if not _PASTED.fullmatch(pasted) or pasted.isspace():
            continue
        if len(pasted) == 1 and (codec in _ARABIC_PAGES or not _LATIN_LETTER.fullmatch(pasted)):
            continue
        pieces.append(body[done : match.start()].decode(codec))
        pieces.append(pasted)
        done = match.end()
        runs.append(match.start())
    if not runs:
        return text
    pieces.append(body[done:].decode(codec))
    first = runs[0]
    shown = body[first : first + 12].decode(codec, "replace")
    reason = Msg.PASTED_UTF8.format(count=len(runs), encoding=label, offset=start + first, shown=shown)
    problems.append(Problem(path, _line_at(body, first, codec), reason))
    return "".join(pieces)


def _finish(
    text: str,
    body: bytes,
    codec: str,
    path: str,
    *,
    start: int,
    problems: list[Problem],
    label: str | None = None,
) -> Decoded:
    """Remove NULs and a leading BOM (and one opening any line: files joined together),
    normalise line endings, and package the result."""
    if "\x00" in text:
        count = text.count("\x00")
        text = text.replace("\x00", "")
        first = _first_nul(body, codec)
        reason = Msg.NUL_REMOVED.format(count=count, offset=start + first)
        problems.append(Problem(path, _line_at(body, first, codec), reason))
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            text = text.replace("\r", "\n")
    if not text.isascii():
        if "\n\ufeff" in text:  # files joined together: each one's BOM opens a line
            text = text.replace("\n\ufeff", "\n")
        # UTF-7 (``+2AA-``) and the escape codecs decode to lone surrogates, which no UTF-8
        # output can hold.
        text, surrogates = replace_surrogates(text, path)
        problems.extend(surrogates)
    return Decoded(text=text, encoding=label or codec, problems=tuple(problems))


#: one lone surrogate: text decoded with ``surrogateescape``/UTF-7 or made by hand can hold one, UTF-8 cannot
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _join_pair(match: re.Match[str]) -> str:
    return match.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le")


def replace_surrogates(text: str, path: str) -> tuple[str, list[Problem]]:
    """``text`` without lone surrogates, and the problem saying how many there were and where.

    A high and low surrogate side by side are one character in UTF-16 clothing (text from
    a JavaScript or Windows source, a UTF-7 file) and become that character; a lone one
    cannot be written as UTF-8 and becomes U+FFFD (same length, so offsets are kept).
    """
    if LONE_SURROGATE.search(text) is None:
        return text, []
    text = _SURROGATE_PAIR.sub(_join_pair, text)
    first = LONE_SURROGATE.search(text)
    if first is None:
        return text, []
    end = first.start()
    line = text.count("\n", 0, end) + text.count("\r", 0, end) - text.count("\r\n", 0, end) + 1
    count = len(LONE_SURROGATE.findall(text))
    return LONE_SURROGATE.sub("\ufffd", text), [Problem(path, line, Msg.SURROGATES.format(count=count))]


def _line_at(body: bytes, offset: int, codec: str) -> int:
    """The 1-based line (of the normalised text) holding byte ``offset`` of ``body``."""
    before = body[:offset].decode(codec, "replace")
    return before.count("\n") + before.count("\r") - before.count("\r\n") + 1


def _utf8_bad_bytes(body: bytes) -> int:
    """How many bytes of ``body`` are not part of a valid UTF-8 sequence.

    ``surrogateescape`` turns each such byte into one lone surrogate and encoding with
    ``ignore`` drops exactly those, so the length difference counts them in C.
    """
    escaped = body.decode("utf-8", "surrogateescape")
    return len(body) - len(escaped.encode("utf-8", "ignore"))


def _utf8_plausible(body: bytes, bad: int, exc: UnicodeDecodeError) -> bool:
    """Whether data that is not strictly UTF-8 is still UTF-8 with a few damaged bytes.

    True when bytes in valid multi-byte sequences are at least as many as the bad ones
    (a legacy code page almost never forms valid UTF-8 sequences by accident), and for
    a sequence cut off at the end of otherwise valid UTF-8 that has some (a lone "é" at
    the end of a cp1252 file also looks like a cut-off sequence).
    """
    valid = _count_of(body, _HIGH_BYTES) - bad
    if exc.reason == "unexpected end of data":
        return valid > 0
    return valid >= bad


def _replacement_count(text: str, body: bytes, codec: str) -> int:
    """U+FFFD characters that decoding added (not ones encoded in the data)."""
    try:
        genuine = body.count("\ufffd".encode(codec))
    except UnicodeEncodeError:
        genuine = 0
    return max(1, text.count("\ufffd") - genuine)


def _first_nul(body: bytes, codec: str) -> int:
    """Byte offset of the first NUL character (a whole aligned code unit in UTF-16/32)."""
    if not _is_wide(codec):
        return body.find(b"\x00")
    width = 4 if codec.startswith("utf-32") else 2
    unit = b"\x00" * width
    pos = body.find(unit)
    while pos >= 0 and pos % width:
        pos = body.find(unit, pos + 1)
    return pos


# --- single-byte code pages ----------------------------------------------------------------


def _undefined_bytes(codec: str) -> bytes:
    """High bytes that ``codec`` cannot decode."""
    undefined = bytearray()
    for value in range(0x80, 0x100):
        try:
            bytes([value]).decode(codec)
        except UnicodeDecodeError:
            undefined.append(value)
    return bytes(undefined)


_HIGH_BYTES = bytes(range(0x80, 0x100))
_HIGH_CLASS = bytes(0xFF if b >= 0x80 else 0x00 for b in range(256))

# Each Arabic page: its Arabic letters, its Arabic punctuation (comma, semicolon,
# question mark; NBSP), and the definite article "ال" (alef, lam).
_ARABIC_PAGES: dict[str, tuple[bytes, bytes, bytes]] = {
    "cp1256": (
        bytes([*range(0xC1, 0xD7), *range(0xD8, 0xE0), 0xE1, *range(0xE3, 0xE7), 0xEC, 0xED]),
        b"\xa0\xa1\xba\xbf",
        b"\xc7\xe1",
    ),
    "iso8859-6": (bytes([*range(0xC1, 0xDB), *range(0xE0, 0xEB)]), b"\xa0\xac\xbb\xbf", b"\xc7\xe4"),
}
# Word separators (tab, LF, CR, NBSP) mapped to a space.
_SPACES = bytes.maketrans(b"\t\n\r\xa0", b"    ")
_ARTICLE_MIN_SHARE = 0.03  # of Arabic-letter words starting with "ال"; real Arabic: ~0.2
_ARABIC_BYTES_MIN_SHARE = 0.9  # of high bytes, for short Arabic text without the article
_ALEF_LAM_MIN_SHARE = 0.1  # ... of which alef and lam (a quarter of Arabic letters)
# C1 controls are defined in ISO-8859-6 but never used in real text, while
# Windows-1256 puts punctuation and Persian letters there.
_ISO8859_6_INVALID = bytes(range(0x80, 0xA0)) + _undefined_bytes("iso8859-6")
_ISO8859_6_INVALID_MAX = 0.005  # share of high bytes

_LATIN_PAIR_MAX = 0.5  # share of high bytes next to another high byte in Latin text
_CP1252_UNDEFINED = _undefined_bytes("cp1252")
_IN_WORD_OK = "’‘·\xad–—\xa0"
_CP1252_SYMBOLS = bytes(
    b
    for b in range(0x80, 0x100)
    if b not in _CP1252_UNDEFINED
    and not (c := bytes([b]).decode("cp1252")).isalpha()
    and c not in _IN_WORD_OK
)
_SYMBOL_IN_WORD = re.compile(b"[A-Za-z][" + re.escape(_CP1252_SYMBOLS) + b"][A-Za-z]")
_SYMBOL_IN_WORD_MAX = 0.02  # share of high bytes
_CN_CHAOS_MAX = 0.2


def _guess_single_byte(data: bytes, path: str) -> tuple[str, bool]:
    """The single-byte (or legacy multi-byte) codec for data that is not UTF-8, and
    whether the choice is confident."""
    arabic = _arabic_page(data)
    if arabic is not None:
        return arabic, True
    sample = _sample(data)
    latin_like = _latin_like(sample)
    if latin_like and _cp1252_plausible(sample):
        return "cp1252", True
    if not latin_like:
        arabic = _arabic_letters_page(sample)
        if arabic is not None:
            return arabic, True
    # Text in legacy code pages has next to no control bytes; random bytes have 11%.
    controls = _count_of(sample, _CONTROL_BYTES)
    if controls > _CONTROL_MIN and controls > _CONTROL_LIMIT_LEGACY * len(sample):
        share = round(100 * controls / len(sample))
        detail = f"binary data, {share}% control bytes"
        raise BinaryInputError(Msg.BINARY.format(detail=detail), path=path)
    return _ask_charset_normalizer(data)


def _count_of(data: bytes, members: bytes) -> int:
    return len(data) - len(data.translate(None, members))


def _arabic_page(data: bytes) -> str | None:
    """cp1256 or iso8859-6 when the high bytes read as Arabic words in one of them.

    Arabic gives itself away by its article: about a fifth of Arabic words start with
    "ال", which is alef-lam in one page and alef-nun/alef-feh in the other, and which
    no Latin, Cyrillic, Greek or Hebrew page turns into a common word start.
    """
    spaced = data.translate(_SPACES)
    articles = {codec: spaced.count(b" " + article) for codec, (*_, article) in _ARABIC_PAGES.items()}
    codec = max(articles, key=lambda name: (articles[name], name == "cp1256"))
    if codec == "iso8859-6":
        high = _count_of(data, _HIGH_BYTES)
        if _count_of(data, _ISO8859_6_INVALID) > _ISO8859_6_INVALID_MAX * high:
            codec = "cp1256"
    if not articles[codec]:
        return None
    letters = _ARABIC_PAGES[codec][0]
    table = bytearray(256)
    table[0x20] = 0x20
    for value in letters:
        table[value] = 0xFF
    words = spaced.translate(bytes(table)).count(b"\x20\xff")
    return codec if articles[codec] >= _ARTICLE_MIN_SHARE * words else None


def _arabic_letters_page(sample: bytes) -> str | None:
    """cp1256 or iso8859-6 for short Arabic without the article ("مرحبا بكم"): when
    nearly all high bytes are Arabic letters or punctuation in one of the pages, and
    alef and lam, the commonest Arabic letters, are common.

    Cyrillic, Greek, Hebrew and CJK pages put their letters all over 0xC0-0xFF; KOI8-R
    lower case falls on Arabic letters, but not often on alef and lam.
    """
    high = _count_of(sample, _HIGH_BYTES)
    if not high:
        return None
    shares = {
        codec: _count_of(sample, letters + punctuation) / high
        for codec, (letters, punctuation, _) in _ARABIC_PAGES.items()
    }
    codec = max(shares, key=lambda name: (shares[name], name == "cp1256"))
    alef_lam = _count_of(sample, _ARABIC_PAGES[codec][2]) / high
    if shares[codec] >= _ARABIC_BYTES_MIN_SHARE and alef_lam >= _ALEF_LAM_MIN_SHARE:
        return codec
    return None


def _latin_like(sample: bytes) -> bool:
    """Whether high bytes stand alone among ASCII letters (é in café), as in Latin text,
    rather than forming runs, as in Cyrillic, Greek, Hebrew or CJK text."""
    marks = sample.translate(_HIGH_CLASS)
    high = marks.count(b"\xff")
    return 2 * marks.count(b"\xff\xff") <= _LATIN_PAIR_MAX * high


def _cp1252_plausible(sample: bytes) -> bool:
    """Whether Windows-1252 reads the sample without undefined bytes or symbols inside
    words (Polish "ł" in cp1250 is "³" in cp1252)."""
    if _count_of(sample, _CP1252_UNDEFINED):
        return False
    high = _count_of(sample, _HIGH_BYTES)
    return len(_SYMBOL_IN_WORD.findall(sample)) <= max(1, _SYMBOL_IN_WORD_MAX * high)


def _ask_charset_normalizer(data: bytes) -> tuple[str, bool]:
    """charset-normalizer's best guess on a bounded sample, checked against the data."""
    from charset_normalizer import from_bytes  # slow import, rarely needed

    head = data[:_CN_SAMPLE]
    if len(data) > _CN_SAMPLE:
        cut = head.rfind(b"\n")
        head = head[:cut] if cut > 0 else head
    best = from_bytes(head).best()
    if best is None:
        return "cp1252", False
    try:
        codec = codecs.lookup(best.encoding).name
    except LookupError:
        return "cp1252", False
    if codec in ("utf-8", "utf-8-sig", "ascii") or _is_wide(codec):
        return "cp1252", False
    text = head.decode(codec, "replace")
    if text.count("\ufffd") > len(text) // 100:
        return "cp1252", False
    return codec, float(best.chaos) <= _CN_CHAOS_MAX
