"""WARC crawls (io/warc.py): written with warcio in the test itself, then read back."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import mediamon
from mediamon.errors import Msg

WEB = Path(__file__).parents[1] / "data" / "web"
PAGES = (
    ("ar_news.html", "https://www.assabah.com.tn/ar/article/12345", "text/html; charset=utf-8"),
    ("ar_cp1256.htm", "https://news.example.iq/rain", "text/html"),
    ("en_comments.html", "https://riverwatch.example.org/p/1", "text/html; charset=UTF-8"),
)


def _write(path: Path, *, gzip: bool = True, extra: bool = True) -> list[int]:
    """A crawl of our fixture pages, a request, an image and a redirect; the record offsets."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    offsets = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)

        def write(record: object) -> None:
            offsets.append(out.tell())
            writer.write_record(record)

        write(writer.create_warcinfo_record(path.name, {"software": "mediamon tests"}))
        for name, url, content_type in PAGES:
            if extra:
                request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example")], is_http_request=True)
                write(writer.create_warc_record(url, "request", http_headers=request))
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            payload = io.BytesIO((WEB / name).read_bytes())
            write(writer.create_warc_record(url, "response", payload=payload, http_headers=headers))
        if extra:
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            png = io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(64))
            write(
                writer.create_warc_record(
                    "https://x.example/a.png", "response", payload=png, http_headers=image
                )
            )
            moved = StatusAndHeaders("301 Moved Permanently", [("Location", "/b")], protocol="HTTP/1.1")
            write(
                writer.create_warc_record(
                    "https://x.example/a", "response", payload=io.BytesIO(b""), http_headers=moved
                )
            )
    return offsets


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_html_responses_become_articles_and_the_rest_is_counted(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    offsets = _write(path, gzip=gzip)
    corpus = mediamon.read(path)
    assert corpus.problems == ()
    assert [a.url for a in corpus] == [url for _, url, _ in PAGES]
    pages = {name: mediamon.read(WEB / name)[0] for name, _, _ in PAGES}
    for article, (name, _, _) in zip(corpus, PAGES, strict=True):
        page = pages[name]
        assert (article.title, article.body, article.date, article.author) == (
            page.title,
            page.body,
            page.date,
            page.author,
        )
        assert article.meta["format"] == "warc" and article.meta["fetched"].endswith("Z")
        assert article.meta["warc_offset"] in offsets
        assert (
            article.origin is not None
            and article.origin.first_line == offsets.index(article.meta["warc_offset"]) + 1
        )
    skipped = [d for d in corpus.dropped if d.reason in ("warc-record", "not-html")]
    # warcinfo, three requests, the image, the redirect
    assert len(skipped) == 6
    assert [d.reason for d in skipped].count("not-html") == 1
    assert any("301" in d.text for d in skipped)
    # The page's own furniture is set aside too, naming the record.
    comments = {d.line for d in corpus.dropped if d.reason == "comment"}
    assert comments == {7}  # warcinfo, then a request and a response per page: the third response


def test_warc_is_detected_by_content_whatever_the_name(tmp_path: Path) -> None:
    path = tmp_path / "crawl.dat"
    _write(path)
    assert len(mediamon.read(path)) == 3
    (tmp_path / "other.txt").write_text("Not a headline\n", encoding="utf-8")
    assert len(mediamon.read(tmp_path)) == 3  # the unknown suffix read by content in a directory


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_truncated_warc_keeps_what_was_read_and_names_the_offset(tmp_path: Path, gzip: bool) -> None:
    whole = tmp_path / "whole.warc"
    offsets = _write(whole, gzip=gzip, extra=False)
    data = whole.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    cut.write_bytes(data[: offsets[3] + (offsets[3] - offsets[2]) // 2])  # inside the last page
    corpus = mediamon.read(cut)
    assert [a.url for a in corpus][:2] == [PAGES[0][1], PAGES[1][1]]
    # The cut record is read as far as it goes (its page may give a problem of its own).
    assert {p.line for p in corpus.problems} == {4}
    assert corpus.problems[-1].reason == Msg.WARC_RECORD_CUT.format(number=4, offset=offsets[3])


def test_warc_cut_between_records_is_reported(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    offsets = _write(whole, extra=False)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[: offsets[2] + 20])
    corpus = mediamon.read(cut)
    assert [a.url for a in corpus] == [PAGES[0][1]]
    assert [p.reason for p in corpus.problems] == [Msg.WARC_CUT.format(offset=offsets[2], number=2)]


def test_warc_streams_one_record_at_a_time(tmp_path: Path) -> None:
    """The reader never holds the file: articles come before the file is read to its end."""
    path = tmp_path / "crawl.warc.gz"
    _write(path)
    stream = mediamon.iter_articles(path)
    first = next(stream)
    assert first.url == PAGES[0][1]
    assert stream.problems == []
    assert len(list(stream)) == 2


def test_warc_with_jobs_and_from_stdin_give_the_same_articles(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "crawl.warc.gz"
    _write(path)
    outputs = []
    for args, stdin in (([str(path)], None), (["--jobs", "2", str(path)], None), (["-"], path.read_bytes())):
        done = subprocess.run(
            [sys.executable, "-m", "mediamon", "annotate", "-q", *args],
            input=stdin,
            capture_output=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append([line for line in done.stdout.decode().splitlines()])
    first = [line.replace(str(path), "<stdin>") for line in outputs[0]]
    assert outputs[0] == outputs[1]
    assert len(first) == 3 and first == outputs[2]


def test_payload_read_only_when_it_may_be_a_page(tmp_path: Path) -> None:
    """A vague content type is sniffed; a clearly non-HTML one is skipped unread."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "vague.warc.gz"
    page = (WEB / "en_comments.html").read_bytes()
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, content_type, payload in (
            ("https://a.example/1", "text/plain", page),
            ("https://a.example/2", "application/octet-stream", b"\x00\x01binary"),
            ("https://a.example/3", "application/pdf", b"%PDF-1.4"),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
            )
    corpus = mediamon.read(path)
    assert [a.url for a in corpus] == ["https://a.example/1"]
    skipped = [d.text for d in corpus.dropped if d.reason == "not-html"]
    assert skipped == [
        "response https://a.example/2 (application/octet-stream)",
        "response https://a.example/3 (application/pdf)",
    ]


def test_a_warc_file_is_never_loaded_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mediamon.io import inputs

    path = tmp_path / "crawl.warc.gz"
    _write(path)

    def refuse(name: str) -> bytes:
        raise AssertionError(f"{name} loaded whole")

    monkeypatch.setattr(inputs, "_load_bytes", refuse)
    assert len(mediamon.read(path)) == 3
    assert len(mediamon.read(tmp_path)) == 3
    assert len(inputs.read_file(str(path)).articles) == 3


def test_a_record_warcio_cannot_read_is_named_by_its_headers(tmp_path: Path) -> None:
    """A response record without WARC-Target-URI makes warcio fail inside its own code; the
    problem names the record's headers, not warcio's internals, and nothing is raised."""
    path = tmp_path / "no_uri.warc"
    path.write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>"
    )
    corpus = mediamon.read(path)
    assert len(corpus) == 0
    (problem,) = corpus.problems
    assert problem.reason.startswith("WARC damaged at byte offset 0 (a record's headers are malformed")
    assert "NoneType" not in problem.reason


def test_a_page_whose_content_encoding_inflates_past_the_cap_is_cut_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A gzip ``Content-Encoding`` payload is a zip bomb in a small record: it is read only to
    ``ReadLimits.max_bytes`` once decoded, and the cut is a problem naming the record."""
    import gzip as gz

    import attrs
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from mediamon.io import inputs

    page = (
        b"<html><body><article><h1>Rain</h1><p>"
        + b"Rain fell on the city. " * 400
        + b"</p></article></body></html>"
    )
    body = gz.compress(page)
    path = tmp_path / "bomb.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        fields = [
            ("Content-Type", "text/html"),
            ("Content-Encoding", "gzip"),
            ("Content-Length", str(len(body))),
        ]
        headers = StatusAndHeaders("200 OK", fields, protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://x.example/r", "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    assert inputs.read_file(str(path)).problems == ()
    monkeypatch.setattr(inputs, "LIMITS", attrs.evolve(inputs.LIMITS, max_bytes=4000))
    parsed = inputs.read_file(str(path))
    assert [p.reason for p in parsed.problems] == [Msg.WARC_PAYLOAD_CUT.format(number=1, limit=4000)]
    assert [p.line for p in parsed.problems] == [1]
    assert len(parsed.articles) == 1 and parsed.articles[0].body.startswith("Rain fell on the city.")
    assert len(parsed.articles[0].body) < 4000


@pytest.mark.parametrize("delta", [-50, 50], ids=["too short", "too long"])
def test_a_wrong_content_length_is_a_problem_of_its_record_not_a_stray_warning(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], delta: int
) -> None:
    """warcio wrote ``WARNING: Record not followed by newline ...`` on standard error, naming no
    file, and the page was read cut short or the next record lost without a problem saying why."""
    whole = tmp_path / "whole.warc"
    offsets = _write(whole, gzip=False, extra=False)
    data = whole.read_bytes()
    head = data.index(b"Content-Length: ", offsets[2]) + len(b"Content-Length: ")
    digits = data.index(b"\r\n", head)
    wrong = str(int(data[head:digits]) + delta).encode()
    path = tmp_path / "wrong.warc"
    path.write_bytes(data[:head] + wrong + data[digits:])
    capfd.readouterr()
    corpus = mediamon.read(path)
    assert capfd.readouterr().err == ""
    slips = [p for p in corpus.problems if "Content-Length" in p.reason]
    assert [(p.path, p.line) for p in slips] == [(str(path), 3)]
    assert slips[0].reason.startswith("WARC record 3 does not end where its Content-Length says (byte")
    assert [a.url for a in corpus][:2] == [PAGES[0][1], PAGES[1][1]]
    # What follows the wrong length is not a record's start: the fourth record is named, after
    # the three read (was: named as the third, "kept the 2 record(s)").
    damaged = corpus.problems[-1]
    assert damaged.line == 4 and damaged.reason.endswith("kept the 3 record(s) before it")


def test_a_gzip_member_damaged_part_way_is_a_problem_not_a_stray_line(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """warcio wrote zlib's ``Error -3 while decompressing data: ...`` on standard error, naming
    no file, and read on; now that line is a problem of the record and standard error is clean."""
    import random

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    words = random.Random(7)
    body = " ".join(f"word{words.randrange(10**6)}" for _ in range(60_000))  # beyond warcio's 16 KB block
    path = tmp_path / "late.warc.gz"
    offsets = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number, text in enumerate(("Rain fell on the city all day. " * 40, body)):
            offsets.append(out.tell())
            page = f"<html><body><article><h1>Page {number}</h1><p>{text}</p></article></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            payload = io.BytesIO(page.encode())
            url = f"https://x.example/{number}"
            writer.write_record(
                writer.create_warc_record(url, "response", payload=payload, http_headers=headers)
            )
    data = bytearray(path.read_bytes())
    damage = offsets[1] + (len(data) - offsets[1]) * 4 // 5
    data[damage : damage + 20] = bytes(b ^ 0x5A for b in data[damage : damage + 20])
    path.write_bytes(bytes(data))
    capfd.readouterr()
    corpus = mediamon.read(path)
    assert capfd.readouterr().err == ""
    said = [p for p in corpus.problems if "the reader reports" in p.reason]
    assert [(p.path, p.line) for p in said] == [(str(path), 2)]
    assert "while decompressing data" in said[0].reason
    assert corpus.articles[0].url == "https://x.example/0"
