# ruff: noqa: E501 - the Arabic page lines are fixture text
"""Writes crawl.warc.gz, the WARC fixture of cases.json (written for mediamon's tests, same licence).

Run from this folder: ``python make_crawl.py``. The output is the same bytes every run (fixed
dates and record ids; gzip members carry no time stamp). One gzip member a record: a warcinfo,
a request, an English page sent with chunked transfer-encoding and gzip content-encoding, a
404 page, a PDF, a revisit of the first page, an Arabic page whose charset only the HTTP header
gives (windows-1256), and a metadata record.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).parent
EN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferry service to the islands resumes | Bay Observer</title>
<meta property="og:site_name" content="Bay Observer">
<meta name="author" content="Dana Whitfield">
<meta property="article:published_time" content="2024-03-08T07:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article><h1>Ferry service to the islands resumes</h1>
<p>The ferry linking the mainland with the three outer islands ran again on Friday after a
two-week halt caused by storm damage to the pier at the northern landing.</p>
<p>The operator said the morning and evening crossings would run as usual and that a midday
crossing would be added on weekends until the end of the school holidays.</p>
</article>
<footer>Bay Observer, all rights reserved</footer>
</body></html>
"""
AR_PAGE = """<html dir="rtl"><head><title>ارتفاع منسوب المياه في السدود بعد موسم أمطار وفير</title></head>
<body><div class="nav"><a href="/">الرئيسية</a> <a href="/economy">اقتصاد</a></div>
<div class="article"><h1>ارتفاع منسوب المياه في السدود بعد موسم أمطار وفير</h1>
<p>أعلنت وزارة الموارد المائية أن منسوب المياه في السدود الرئيسية ارتفع إلى أعلى مستوى له منذ عشر سنوات بعد موسم أمطار وفير.</p>
<p>وأوضحت الوزارة أن المخزون الحالي يكفي لتلبية حاجة الزراعة الصيفية ومياه الشرب في المدن الكبرى حتى نهاية العام المقبل.</p>
</div><div class="footer">جميع الحقوق محفوظة</div></body></html>
"""
NOT_FOUND = "<html><body><h1>404 Not Found</h1><p>The page you asked for does not exist.</p></body></html>"
DATE = "2024-03-08T09:00:00Z"


def _chunked(data: bytes, size: int = 300) -> bytes:
    out = b""
    for start in range(0, len(data), size):
        piece = data[start : start + size]
        out += f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def main() -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    count = 0

    def headers() -> dict[str, str]:
        nonlocal count
        count += 1
        return {"WARC-Date": DATE, "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{count:012d}>"}

    info = writer.create_warcinfo_record(
        "crawl.warc.gz",
        {"software": "mediamon tests", "description": "Written for mediamon's tests, same licence"},
    )
    info.rec_headers.replace_header("WARC-Date", DATE)
    info.rec_headers.replace_header("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000000>")
    writer.write_record(info)
    en_url = "https://bayobserver.example.com/local/ferry-resumes"
    request = StatusAndHeaders(
        "GET /local/ferry-resumes HTTP/1.1", [("Host", "bayobserver.example.com")], is_http_request=True
    )
    writer.write_record(
        writer.create_warc_record(en_url, "request", http_headers=request, warc_headers_dict=headers())
    )
    body = _chunked(gzip.compress(EN_PAGE.encode("utf-8"), mtime=0))
    http = StatusAndHeaders(
        "200 OK",
        [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Encoding", "gzip"),
            ("Transfer-Encoding", "chunked"),
        ],
        protocol="HTTP/1.1",
    )
    writer.write_record(
        writer.create_warc_record(
            en_url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=headers()
        )
    )
    missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://bayobserver.example.com/old-page",
            "response",
            payload=io.BytesIO(NOT_FOUND.encode()),
            http_headers=missing,
            warc_headers_dict=headers(),
        )
    )
    pdf = StatusAndHeaders("200 OK", [("Content-Type", "application/pdf")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://bayobserver.example.com/timetable.pdf",
            "response",
            payload=io.BytesIO(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"),
            http_headers=pdf,
            warc_headers_dict=headers(),
        )
    )
    revisit = writer.create_revisit_record(
        en_url,
        digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        refers_to_uri=en_url,
        refers_to_date=DATE,
        http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"),
    )
    for key, value in headers().items():
        revisit.rec_headers.replace_header(key, value)
    writer.write_record(revisit)
    ar = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=windows-1256")], protocol="HTTP/1.1"
    )
    writer.write_record(
        writer.create_warc_record(
            "https://rafidain.example.iq/economy/dams",
            "response",
            payload=io.BytesIO(AR_PAGE.encode("cp1256")),
            http_headers=ar,
            warc_headers_dict=headers(),
        )
    )
    writer.write_record(
        writer.create_warc_record(
            en_url,
            "metadata",
            payload=io.BytesIO(b"outlinks: https://bayobserver.example.com/local\n"),
            warc_content_type="application/warc-fields",
            warc_headers_dict=headers(),
        )
    )
    (HERE / "crawl.warc.gz").write_bytes(buffer.getvalue())


if __name__ == "__main__":
    main()
