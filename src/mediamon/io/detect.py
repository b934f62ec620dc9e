"""What an input is, from its first bytes: one place decides, for named files, directories and stdin.

The order (docs/formats.md states it for users):

1. compression (gzip, bzip2, xz magic): the decompressed start is examined instead;
2. binary magic numbers (images, PDF, Office and other archives, executables, databases):
   refused, never decoded as text;
3. a WARC record header (``WARC/1.0``): a WARC crawl;
4. markup: after a byte-order mark, an XML declaration, comments and a doctype, the first
   element decides: ``rss``, ``feed``, ``rdf:RDF`` are feeds; ``urlset`` and
   ``sitemapindex`` a sitemap, ``opml`` a feed list (both refused); ``html`` (or an HTML
   doctype, or a ``<head>``/``<body>`` near the start) a web page; another root element
   after an XML declaration is an XML document mediamon does not read (refused);
5. otherwise the suffix decides (``.jsonl``, ``.json``, ``.csv``, ``.tsv``, ``.txt``, and
   ``.html``/``.htm``, ``.warc``, ``.rss``/``.atom``/``.xml`` when the start says nothing
   more); standard input is JSON when it starts with ``{`` or ``[``, else a dump.
"""

from __future__ import annotations

import os
import re
import stat

import attrs

__all__ = [
    "HEAD_SIZE",
    "WEB_FORMATS",
    "Verdict",
    "binary_kind",
    "declared_charset",
    "head_of",
    "regular_file",
    "sniff",
    "text_head",
]


def regular_file(path: str) -> bool:
    """Whether ``path`` is a regular file; a pipe named explicitly (``<(zcat x.jsonl.gz)``,
    ``/dev/fd/63``) has no suffix to go by, so its format is sniffed from its content. True when
    ``path`` cannot be read at all: the read that follows reports what is wrong."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True


#: How many bytes of a file's start are examined (decompressed, when the file is compressed).
HEAD_SIZE = 1 << 16
#: Formats read by the web readers (io/html.py, io/warc.py, io/feeds.py).
WEB_FORMATS = ("html", "warc", "feed")

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O executable"),
    (b"\x00asm", "WebAssembly module"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 document (old Microsoft Office)"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"ID3\x03", "MP3 audio"),
    (b"ID3\x04", "MP3 audio"),
    (b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
)
_RIFF = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
#: A ZIP archive's first member names what the archive is (Office Open XML, OpenDocument, EPUB).
_ZIP_MEMBERS: tuple[tuple[bytes, str], ...] = (
    (b"word/", "Word document (Office Open XML)"),
    (b"xl/", "Excel workbook (Office Open XML)"),
    (b"ppt/", "PowerPoint presentation (Office Open XML)"),
    (b"mimetypeapplication/vnd.oasis.opendocument", "OpenDocument file"),
    (b"mimetypeapplication/epub+zip", "EPUB book"),
)
_TAR_MAGIC_AT = 257


def binary_kind(data: bytes) -> str | None:
    """What a file's leading magic number says it is (``"PDF document"``), or None for text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            if kind == "ZIP archive":
                head = data[:2048]
                return next((k for member, k in _ZIP_MEMBERS if member in head), kind)
            return kind
    if data.startswith(b"RIFF") and data[8:12] in _RIFF:
        return _RIFF[data[8:12]]
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if data[_TAR_MAGIC_AT : _TAR_MAGIC_AT + 5] == b"ustar":
        return "tar archive"
    return None


_FEED = 4096


def _decompressed_head(data: bytes) -> bytes | None:
    """The start of compressed ``data`` decompressed (about HEAD_SIZE bytes, as far as the data
    goes), or None when ``data`` is not compressed. Fed in small pieces, so a small input that
    inflates hugely is not inflated whole."""
    from mediamon.io import compression

    kind = compression.by_magic(data)
    if kind is None:
        return None
    decompressor = compression.FORMATS[kind].decompressor()
    out: list[bytes] = []
    size = 0
    try:
        for start in range(0, len(data), _FEED):
            chunk = decompressor.decompress(data[start : start + _FEED])
            out.append(chunk)
            size += len(chunk)
            if size >= HEAD_SIZE or decompressor.eof:
                break
    except compression.ERRORS:
        pass
    return b"".join(out)


def head_of(path: str) -> bytes:
    """The first bytes of a file, decompressed when it is compressed (OSError when unreadable)."""
    with open(path, "rb") as handle:
        raw = handle.read(HEAD_SIZE)
    inner = _decompressed_head(raw)
    return raw if inner is None else inner


@attrs.frozen
class Verdict:
    """What the start of an input says: a ``format`` to read it as, or what it is when refused.

    ``format`` None with ``kind`` None means the start says nothing: the suffix decides.
    """

    format: str | None = None
    kind: str | None = None
    binary: bool = False

    @property
    def refused(self) -> bool:
        return self.kind is not None


_SKIP = re.compile(
    rb"(?:\s+|\xef\xbb\xbf|<\?xml[^>]*\?>|<!--.*?-->|<\?[^>]*\?>)*",
    re.DOTALL,
)
_DOCTYPE = re.compile(rb"<!doctype\s+([a-z:]+)[^>]*>", re.IGNORECASE)
_ELEMENT = re.compile(rb"<([a-z][a-z0-9]*(?::[a-z][a-z0-9]*)?)[\s>/]", re.IGNORECASE)
_PAGE_PARTS = re.compile(rb"<(?:head|body)[\s>]", re.IGNORECASE)
_FEED_ROOTS = frozenset({b"rss", b"feed", b"rdf:rdf", b"channel"})
_REFUSED_ROOTS = {
    b"urlset": "a sitemap (a list of page addresses, not pages)",
    b"sitemapindex": "a sitemap index (a list of sitemaps, not pages)",
    b"opml": "an OPML feed list (addresses of feeds, not a feed)",
    b"svg": "an SVG image",
}
_UTF16 = (b"\xff\xfe", b"\xfe\xff")


def text_head(head: bytes) -> bytes:
    """The head as ASCII-compatible bytes (UTF-16 with a byte-order mark re-encoded as UTF-8)."""
    if head.startswith(_UTF16):
        return head.decode("utf-16", "ignore").encode("utf-8")
    return head


def sniff(head: bytes, *, markup_suffix: bool = False) -> Verdict:
    """The verdict of an input's first bytes (already decompressed); see the module docstring.

    ``markup_suffix``: the file is named as a page (``.html``), so any leading HTML element
    counts; otherwise a page must show an HTML doctype, ``<html>``, or a head or body tag.
    """
    kind = binary_kind(head)
    if kind is not None:
        return Verdict(kind=kind, binary=True)
    head = text_head(head)
    if head.startswith(b"WARC/"):
        return Verdict(format="warc")
    start = _SKIP.match(head)
    pos = start.end() if start else 0
    prolog = b"<?xml" in head[:pos]
    doctype = _DOCTYPE.match(head, pos)
    if doctype is not None:
        if doctype.group(1).lower() == b"html":
            return Verdict(format="html")
        pos = _SKIP.match(head, doctype.end()).end()  # type: ignore[union-attr]
    element = _ELEMENT.match(head, pos)
    if element is None:
        return Verdict()
    name = element.group(1).lower()
    if name in _FEED_ROOTS:
        return Verdict(format="feed")
    if name in _REFUSED_ROOTS:
        return Verdict(kind=_REFUSED_ROOTS[name])
    if name == b"html" or markup_suffix or _PAGE_PARTS.search(head) is not None:
        return Verdict(format="html")
    if prolog:
        return Verdict(kind=f"an XML document (root element <{name.decode('ascii', 'replace')}>), not a feed")
    return Verdict()


_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([a-z0-9_:.\-]+)", re.IGNORECASE)


def declared_charset(head: bytes) -> str | None:
    """The character set a page declares in a ``<meta>`` tag of its first bytes, or None."""
    found = _CHARSET.search(head[:HEAD_SIZE])
    return found.group(1).decode("ascii").lower() if found else None
