"""Format detection by content (io/detect.py): the same verdict named directly or in a directory."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest

import mediamon
from mediamon.errors import Msg
from mediamon.io.detect import sniff

WEB = Path(__file__).parents[1] / "data" / "web"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "fmt", "kind"),
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html", None),
        (b"\xef\xbb\xbf  <html lang='ar'><head></head>", "html", None),
        (b"<?xml version='1.0'?>\n<!-- c -->\n<rss version='2.0'><channel>", "feed", None),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed", None),
        (b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>", "feed", None),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc", None),
        (b"<?xml version='1.0'?><urlset xmlns='x'><url>", None, "a sitemap"),
        (b"<sitemapindex>", None, "a sitemap index"),
        (b"<?xml version='1.0'?><opml version='2.0'>", None, "an OPML feed list"),
        (
            b"<?xml version='1.0'?><library><book/></library>",
            None,
            "an XML document (root element <library>)",
        ),
        (b"%PDF-1.7\n", None, "PDF document"),
        (_docx(), None, "Word document"),
        (b"\x89PNG\r\n\x1a\n....", None, "PNG image"),
        (b"Headline\n\nBody text.\n", None, None),
        (b"<< Breaking >> not markup\n", None, None),
        (b"<p>a fragment in a dump</p>\n", None, None),
    ],
)
def test_sniff(data: bytes, fmt: str | None, kind: str | None) -> None:
    verdict = sniff(data)
    assert verdict.format == fmt
    assert (verdict.kind or "").startswith(kind or "") and (kind is None) == (verdict.kind is None)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("sitemap.xml", (WEB / "sitemap.xml").read_bytes(), "unsupported input: a sitemap"),
        ("report.pdf", b"%PDF-1.4\n%...", "not a text file (PDF document)"),
        ("notes.docx", _docx(), "not a text file (Word document"),
        ("map.xml.gz", gzip.compress((WEB / "sitemap.xml").read_bytes()), "unsupported input: a sitemap"),
        ("library.xml", b"<?xml version='1.0'?><library/>", "unsupported input: an XML document"),
    ],
)
def test_unsupported_formats_are_refused_the_same_way_everywhere(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / name
    path.write_bytes(data)
    direct = mediamon.read(path)
    walked = mediamon.read(folder)
    assert len(direct) == len(walked) == 0
    assert [p.reason for p in direct.problems] == [p.reason for p in walked.problems]
    assert len(direct.problems) == 1 and direct.problems[0].reason.startswith(reason)
    assert direct.problems[0].path == str(path) and direct.dropped == ()


def test_plain_text_with_an_unknown_suffix_keeps_the_old_rules(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("Not read in a directory\n", encoding="utf-8")
    corpus = mediamon.read(tmp_path)
    assert [p.reason for p in corpus.problems] == [Msg.UNSUPPORTED_SUFFIX.format(suffix=".md")]
