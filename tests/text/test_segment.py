"""read_dump against hand-labelled dumps, and the line-accounting invariant."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediamon
import mediamon.text.segment
from mediamon.text.segment import DROP_REASONS, LineRole, phrase_key
from mediamon.text.settings import SegmentSettings
from tests.conftest import DUMPS, LABELLED, known_failures, load_benchmark


def _expected(name: str) -> dict:
    return json.loads((DUMPS / f"{name}.expected.json").read_text(encoding="utf-8"))


def _lines(name: str) -> list[str]:
    return (DUMPS / f"{name}.txt").read_text(encoding="utf-8").split("\n")


def accounted(corpus: mediamon.Corpus, lines: list[str]) -> list[int]:
    """Non-blank lines neither dropped nor used by the article whose range holds them (should be none).

    A line is used when it is the title or a body paragraph, or when it holds a header
    field's value (a byline holds its author, a date line its date text).
    """
    dropped = {d.line for d in corpus.dropped}
    missing = []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or number in dropped:
            continue
        owners = [a for a in corpus if a.origin and a.origin.first_line <= number <= a.origin.last_line]
        if len(owners) != 1:
            missing.append(number)
            continue
        a = owners[0]
        whole = {a.title, *a.body.split("\n\n")}
        parts = [a.date_text, a.author, a.source, *(str(v) for v in a.meta.values())]
        if text not in whole and not any(p and p.strip("[]'") in text for p in parts):
            missing.append(number)
    return missing


@pytest.mark.parametrize("name", LABELLED)
def test_articles_match_labels(name: str) -> None:
    expected = _expected(name)
    corpus = mediamon.read_dump(DUMPS / f"{name}.txt")
    lines = _lines(name)
    got = [
        {
            "first_line": a.origin.first_line,
            "last_line": a.origin.last_line,
            "title": a.title,
            "date": a.date.isoformat() if a.date else None,
            "date_text": a.date_text,
            "author": a.author,
            "source": a.source,
            "lang": a.lang,
            "body": a.body,
            "meta": dict(a.meta),
        }
        for a in corpus
        if a.origin is not None
    ]
    want = [
        {
            "first_line": e["first_line"],
            "last_line": e["last_line"],
            "title": e["title"],
            "date": e["date"],
            "date_text": e["date_text"],
            "author": e["author"],
            "source": e["source"],
            "lang": e["lang"],
            "body": "\n\n".join(lines[i - 1].strip() for i in e["body_lines"]),
            "meta": e.get("meta", {}),
        }
        for e in expected["articles"]
    ]
    assert got == want


@pytest.mark.parametrize("name", LABELLED)
def test_dropped_lines_match_labels(name: str) -> None:
    expected = {int(k): v for k, v in _expected(name)["dropped"].items()}
    corpus = mediamon.read_dump(DUMPS / f"{name}.txt")
    assert {d.line: d.reason for d in corpus.dropped} == expected
    assert all(d.reason in DROP_REASONS for d in corpus.dropped)


@pytest.mark.parametrize("name", LABELLED)
def test_every_line_is_accounted_for(name: str) -> None:
    corpus = mediamon.read_dump(DUMPS / f"{name}.txt")
    assert accounted(corpus, _lines(name)) == []


def test_dropped_lines_inside_articles_name_their_article() -> None:
    corpus = mediamon.read_dump(DUMPS / "sample_en_ar.txt")
    ids = {a.id for a in corpus}
    inside = [d for d in corpus.dropped if d.reason in ("caption", "repeated-title", "repeated-paragraph")]
    assert inside and all(d.article_id in ids for d in inside)
    between = [d for d in corpus.dropped if d.reason == "related-link"]
    assert between and all(d.article_id is None for d in between)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig", "cp1256"])
def test_reencoded_sample_gives_identical_articles(tmp_path: Path, encoding: str) -> None:
    text = (DUMPS / "sample_en_ar.txt").read_text(encoding="utf-8")
    if encoding == "cp1256":
        # cp1256 lacks a few typographic characters of the sample; compare on what it can hold.
        text = text.encode("cp1256", "replace").decode("cp1256")
    reference = mediamon.read_dump(text)
    path = tmp_path / f"sample.{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    corpus = mediamon.read_dump(path)
    assert [a.to_dict() | {"origin": None} for a in corpus] == [
        a.to_dict() | {"origin": None} for a in reference
    ]


def test_crlf_and_lone_cr_line_endings() -> None:
    text = (DUMPS / "sample_en_ar.txt").read_text(encoding="utf-8")
    reference = mediamon.read_dump(text)
    for ending in ("\r\n", "\r"):
        corpus = mediamon.read_dump(text.replace("\n", ending).encode("utf-8"))
        assert [(a.title, a.body, a.origin.first_line) for a in corpus] == [
            (a.title, a.body, a.origin.first_line) for a in reference
        ]


def test_day_first_is_configurable() -> None:
    text = "Some Headline About Iraq\n\n07/10/2021\n\nA body paragraph long enough to be a sentence here."
    assert mediamon.read_dump(text)[0].date.isoformat() == "2021-10-07"
    assert mediamon.read_dump(text, day_first=False)[0].date.isoformat() == "2021-07-10"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("MORE ON THE TOPIC:", "more on the topic"),
        ("اقرأ أيضاً", "اقرا ايضا"),
        ("Iraqi Resistance – Asaib\u00a0Leader", "iraqi resistance - asaib leader"),
    ],
)
def test_phrase_key(a: str, b: str) -> None:
    assert phrase_key(a) == phrase_key(b)


_PIECES = [
    *"ab cdXYZ.:,-–\n\n\n\u00a0\u200fالعراقبيروت١٢0123456789/",
    "By ",
    "Related News",
    "Source: ",
    "July 4, 2021",
    "أيلول 4 2021",
    "Visual search query image",
    "Jo says:",
    "3 Responses to “X”",
    "October 27, 2004 at 3:15 pm",
    "Posted on March 5, 2019 by Lina Saad",
    "-----",
    "politics",
    "BEIRUT (Reuters) - ",
    "All content is licensed under a licence.",
    "Reply",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_any_text_segments_without_error_and_accounts_every_line(text: str) -> None:
    corpus = mediamon.read_dump(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert accounted(corpus, lines) == []
    for article in corpus:
        assert article.origin is not None
        assert 1 <= article.origin.first_line <= article.origin.last_line <= len(lines)


def test_date_above_the_next_title_belongs_to_the_next_article() -> None:
    text = (
        "First Headline About Iraq\n\nJuly 4, 2021\n\nBy Jane Roe\n\n"
        "Body paragraph one is here and it is a sentence.\n\n"
        "July 5, 2021\n\nSecond Headline About Syria\n\n"
        "Another body paragraph which is long enough to be a sentence.\n"
    )
    corpus = mediamon.read_dump(text)
    assert [(a.title, str(a.date), a.origin.first_line if a.origin else 0) for a in corpus] == [
        ("First Headline About Iraq", "2021-07-04", 1),
        ("Second Headline About Syria", "2021-07-05", 9),
    ]


@pytest.mark.parametrize(
    ("header", "author"),
    [("Steven Sahiounie", "Steven Sahiounie"), ("ناصر قنديل", "ناصر قنديل"), ("Pentagon Says No", None)],
)
def test_bare_name_in_header_is_the_author(header: str, author: str | None) -> None:
    body = "A body paragraph long enough to be a sentence."
    text = f"Some Headline About Iraq\n\nJuly 4, 2021\n\n{header}\n\n{body}"
    (article,) = [a for a in mediamon.read_dump(text) if a.title == "Some Headline About Iraq"]
    assert article.author == author


# -- layout, furniture, comments, sections, datelines: each with text of no fixture ---------------

_PARA = "The council met on {day} and agreed a plan for the {thing} after a long debate, officials said."


def _page(titles: list[str], between: str = "\n\n", after_title: str = "\n\n", footer: str = "") -> str:
    parts = []
    for i, title in enumerate(titles):
        body = _PARA.format(day=f"day {i}", thing=f"thing {i}")
        more = f"A second paragraph about item {i} follows here and ends with a full stop."
        parts.append(f"{title}{after_title}{body}\n\n{more}" + (f"\n{footer}" if footer else ""))
    return between.join(parts) + "\n"


_TITLES = [
    "Port Reopens in Tartus",
    "Grain Prices Fall Again",
    "Mosul Library Rebuilt",
    "Rain Floods Old Souk",
]


def test_layout_titles_split_a_page_without_dates_or_bylines() -> None:
    corpus = mediamon.read_dump(_page(_TITLES))
    assert [a.title for a in corpus] == _TITLES
    assert all(len(a.body.split("\n\n")) == 2 for a in corpus)


_FOOTER = "Republished with permission of the Example Wire syndicate."
_BODIES = [
    "The council met on Monday and agreed a plan for the harbour after a long debate.",
    "Farmers in the north say the late rains have ruined much of this year's wheat.",
    "A new bus line links the university with the old city centre from next month.",
    "Doctors at the main hospital ask for more staff as winter infections rise again.",
]


def test_a_footer_repeated_after_every_article_closes_it_and_is_boilerplate() -> None:
    corpus = mediamon.read_dump("\n".join(f"{body}\n{_FOOTER}" for body in _BODIES))
    assert [a.body for a in corpus] == _BODIES
    assert [d.reason for d in corpus.dropped] == ["boilerplate"] * 4


def test_furniture_threshold_is_a_setting() -> None:
    text = "\n".join(f"{body}\n{_FOOTER}" for body in _BODIES)
    assert len(mediamon.read_dump(text, settings=SegmentSettings(furniture_min_count=5))) == 1


def test_lines_of_a_block_copied_twice_are_not_furniture() -> None:
    """An article copied into a dump three times with small edits: its unedited lines repeat, but
    with (nearly) the same neighbours each time, so they are no furniture."""
    copies = [
        f"Harbour Plan Agreed\n\nJuly {day}, 2021\n\n"
        + "\n\n".join(b if i % 2 else f"{b[:-1]}, reports said on day {day}." for i, b in enumerate(_BODIES))
        for day in (3, 4, 5)
    ]
    corpus = mediamon.read_dump("\n\n".join(copies))
    assert [len(a.body.split("\n\n")) for a in corpus] == [4, 4, 4]
    assert not corpus.dropped


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="furniture_min_count"):
        SegmentSettings(furniture_min_count=0)
    with pytest.raises(ValueError, match="footer_min_share"):
        SegmentSettings(footer_min_share=2.0)


def test_category_line_under_the_title_is_the_section() -> None:
    corpus = mediamon.read_dump(_page(_TITLES, between="\n\n", after_title="\nregional affairs\n\n"))
    assert [a.title for a in corpus] == _TITLES
    assert [a.meta.get("section") for a in corpus] == ["regional affairs"] * 4
    assert not [d for d in corpus.dropped if d.reason == "caption"]


def test_separator_lines_are_boundaries() -> None:
    text = _page(_TITLES[:2], between="\n\n~~~~~~\n\n") + "\n=======\n"
    corpus = mediamon.read_dump(text)
    assert [a.title for a in corpus] == _TITLES[:2]
    assert {d.text for d in corpus.dropped} == {"~~~~~~", "======="}


_POST = (
    "{title}\n\nPosted on March {day}, 2019 by Lina Saad\n\n"
    "The first paragraph of the post is long enough to be a body paragraph here.\n\n"
    "Filed in Notes. Bookmark the permalink.\n\n"
    "2 Responses to “{title}”\n\n"
    "Jo says:\nMarch {day}, 2019 at 9:15 am\n\nShort Comment Shaped Like A Headline\n\nReply\n\n"
    "Ahmad R. says:\nMarch {day}, 2019 at 11:00 pm\n\n"
    "I disagree with the whole post and I will write a long comment about it now.\n\nReply\n\n"
)


def test_blog_comment_sections_never_reach_a_body_and_posted_by_is_the_author() -> None:
    text = _POST.format(title="Notes From Erbil", day=3) + _POST.format(title="Notes From Basra", day=9)
    corpus = mediamon.read_dump(text)
    assert [a.title for a in corpus] == ["Notes From Erbil", "Notes From Basra"]
    assert [a.author for a in corpus] == ["Lina Saad", "Lina Saad"]
    assert all("says" not in a.body and "comment" not in a.body.lower() for a in corpus)
    comments = [d for d in corpus.dropped if d.reason == "comment"]
    assert len(comments) == 2 * 9 and all(d.article_id is not None for d in comments)


def test_a_site_account_posting_is_not_the_author() -> None:
    body = "A body paragraph long enough to be a sentence.\n"
    text = f"Notes From Erbil\n\nPosted on March 3, 2019 by admin\n\n{body}"
    (article,) = mediamon.read_dump(text)
    assert article.author is None and article.meta["posted_by"] == "admin"


def test_a_quoted_pair_of_short_lines_in_a_body_is_body_text() -> None:
    text = (
        "Some Headline About Iraq\n\nJuly 4, 2021\n\n"
        "A body paragraph long enough to be a sentence here.\n\n"
        "The slogan of the march\n“Bread and Water”\n\n"
        "Another body paragraph which is long enough to be a sentence.\n"
    )
    (article,) = mediamon.read_dump(text)
    assert "“Bread and Water”" in article.body and "The slogan of the march" in article.body
    assert not [d for d in mediamon.read_dump(text).dropped if d.reason == "caption"]


@pytest.mark.parametrize(
    ("opening", "dateline", "source"),
    [
        ("AMMAN, Jordan (AP) — ", "AMMAN, Jordan", "AP"),
        ("BASRA (Example Wire) - ", "BASRA", "Example Wire"),
        ("الدوحة (قنا) – ", "الدوحة", "قنا"),
        ("طرابلس – وال: ", "طرابلس", "وال"),
        ("الخرطوم - (سونا) - ", "الخرطوم", "سونا"),
        ("مسقط، عُمان (العمانية)-- ", "مسقط، عُمان", "العمانية"),
    ],
)
def test_a_dateline_opening_the_body_fills_dateline_and_source(
    opening: str, dateline: str, source: str
) -> None:
    text = (
        f"Some Headline About Iraq\n\nJuly 4, 2021\n\n{opening}the body paragraph is long enough to be one.\n"
    )
    (article,) = mediamon.read_dump(text)
    assert (article.meta.get("dateline"), article.source, article.author) == (dateline, source, None)
    assert article.body.startswith(opening.strip())


def test_a_dateline_line_between_title_and_body_is_source_not_author() -> None:
    body = "الفقرة الأولى من الخبر طويلة بما يكفي لتكون جملة كاملة هنا.\n"
    text = f"Some Headline About Iraq\n\nعمّان – بترا\n\n{body}"
    (article,) = mediamon.read_dump(text)
    assert (article.source, article.meta.get("dateline"), article.author) == ("بترا", "عمّان", None)


@pytest.mark.parametrize("name", LABELLED)
def test_explain_gives_every_non_blank_line_a_role_and_a_cue(name: str) -> None:
    roles = mediamon.explain_dump(DUMPS / f"{name}.txt")
    lines = _lines(name)
    assert [r.line for r in roles] == [i for i, line in enumerate(lines, 1) if line.strip()]
    assert all(r.role != "?" and r.cue for r in roles)
    dropped = {d.line: d.reason for d in mediamon.read_dump(DUMPS / f"{name}.txt").dropped}
    assert {
        r.line: r.role.removeprefix("dropped:") for r in roles if r.role.startswith("dropped:")
    } == dropped


def test_a_lead_in_ending_in_wrote_is_not_a_comment_section() -> None:
    text = (
        "Some Headline About Iraq\n\nJuly 4, 2021\n\n"
        "A body paragraph long enough to be a sentence here.\n\nThe minister wrote:\n\n"
        "We will not accept any delay in the talks, and we expect an answer soon.\n"
    )
    (article,) = mediamon.read_dump(text)
    assert "We will not accept" in article.body
    assert not [d for d in mediamon.read_dump(text).dropped if d.reason == "comment"]


_BLOGGER = (
    "{weekday}, March {day}, 2019\n\n{title}\n\n"
    "The first paragraph of the post is long enough to be a body paragraph here.\n\n"
    "Posted by Lina Saad at 3:15 PM\n\nLabels: notes, travel\n\n"
    "2 comments:\n\nJo said...\n\nShort Comment Shaped Like A Headline\n\nMarch {day}, 2019 at 9:15 PM\n\n"
    "Ahmad R. said...\n\nA longer comment that disagrees with every word of the post above.\n\n"
    "March {day}, 2019 at 11:00 PM\n\nPost a Comment\n\n"
)


def test_blogger_posts_with_dates_above_titles_and_comments() -> None:
    text = _BLOGGER.format(weekday="Sunday", day=3, title="Notes From Erbil") + _BLOGGER.format(
        weekday="Saturday", day=9, title="Notes From Basra"
    )
    corpus = mediamon.read_dump(text)
    assert [(a.title, str(a.date)) for a in corpus] == [
        ("Notes From Erbil", "2019-03-03"),
        ("Notes From Basra", "2019-03-09"),
    ]
    assert [a.author for a in corpus] == ["Lina Saad", "Lina Saad"]
    assert all(a.body.count("\n\n") == 0 for a in corpus)
    assert len([d for d in corpus.dropped if d.reason == "comment"]) == 2 * 8


def test_a_section_name_in_the_page_header_is_not_an_article() -> None:
    corpus = mediamon.read_dump("Politics\n\n" + _page(_TITLES))
    assert [a.title for a in corpus] == _TITLES


def test_a_repeated_bare_author_name_stays_the_author() -> None:
    text = "\n\n".join(
        f"Headline Number {i} About Iraq\n\nJuly {i + 1}, 2021\n\nSamir Khoury\n\n"
        f"A body paragraph number {i} long enough to be a sentence here."
        for i in range(4)
    )
    corpus = mediamon.read_dump(text)
    assert [a.author for a in corpus] == ["Samir Khoury"] * 4


def test_kubrick_style_post_footer_and_comments() -> None:
    footer = (
        "This entry was posted on Tuesday, March 5th, 2019 at 10:28 pm and is filed under Notes. "
        "You can follow any responses to this entry through the RSS 2.0 feed. You can leave a response, "
        "or trackback from your own site."
    )
    text = (
        "Notes From Erbil\n\nPosted on March 5, 2019 by Lina Saad\n\n"
        "The first paragraph of the post is long enough to be a body paragraph here.\n\n"
        f"{footer}\n\n3 Responses to “Notes From Erbil”\n\n"
        "Omar from Mosul Says:\nMarch 6th, 2019 at 3:15 pm\n\n"
        "Thanks for writing this, it was good to read.\n\n"
        "Leave a Reply\n\nYou must be logged in to post a comment.\n"
    )
    (article,) = mediamon.read_dump(text)
    assert article.body == "The first paragraph of the post is long enough to be a body paragraph here."
    reasons = {d.text[:20]: d.reason for d in mediamon.read_dump(text).dropped}
    assert reasons[footer[:20]] == "boilerplate" and reasons["Omar from Mosul Says"] == "comment"


@pytest.mark.parametrize("dated", [False, True])
def test_a_category_line_above_the_title_is_the_section(dated: bool) -> None:
    date = "\nJuly 3, 2021" if dated else ""
    text = "".join(
        f"{section}\n{title}{date}\n\n{body}\n\n"
        for section, title, body in zip(["World", "sport", "Energy"], _TITLES, _BODIES, strict=False)
    )
    corpus = mediamon.read_dump(text)
    assert [(a.title, a.meta.get("section"), a.body) for a in corpus] == [
        (_TITLES[0], "World", _BODIES[0]),
        (_TITLES[1], "sport", _BODIES[1]),
        (_TITLES[2], "Energy", _BODIES[2]),
    ]
    assert not corpus.dropped


HELDOUT = DUMPS / "heldout"
HELDOUT_NAMES = sorted(p.name.removesuffix(".expected.json") for p in HELDOUT.glob("*.expected.json"))
#: Held-out dumps read_dump does not yet get exactly right, and why (strict: a fix must drop them).
HELDOUT_KNOWN = {
    "ho_hardwrap_en": "hard-wrapped lines are compared as paragraphs: wrapped lines of a sentence "
    "the source prints twice are set aside as repeated-paragraph",
    # reserved dumps, measured once after the fixes (docs/evaluation.md section 5), not fixed:
    "ho4_aggregator_en": "'Top stories' is read as a related-content header, so the first item is "
    "set aside as related links; 'Full Coverage' after a one-sentence snippet stays in the body",
}


@pytest.mark.parametrize(
    "name",
    known_failures(HELDOUT_NAMES, HELDOUT_KNOWN),
)
def test_heldout_dumps_match_their_labels(name: str) -> None:
    """Real article text in layouts of other sites (tests/data/dumps/heldout/, see its builder)."""
    scores = load_benchmark("eval_segment").labelled(HELDOUT / f"{name}.expected.json")
    n, aside = scores["labelled"], scores["dropped_labelled"]
    assert (scores["found"], scores["starts_found"], scores["exact"]) == (n, n, n)
    assert (scores["dropped_right"], scores["dropped_extra"]) == (aside, 0)


def test_byline_with_a_date_gives_author_and_date() -> None:
    corpus = mediamon.read_dump(
        "Ministers Meet in Ankara\nBy Jane Doe | Oct 6, 2021\n\n"
        "The ministers met on Wednesday to discuss trade and tourism between the two countries.\n"
    )
    assert [(a.author, a.date_text, a.date.isoformat() if a.date else None) for a in corpus] == [
        ("Jane Doe", "Oct 6, 2021", "2021-10-06")
    ]


def test_a_menu_line_is_boilerplate_and_explained() -> None:
    roles = mediamon.explain_dump(
        "Home | World | Business | Sport\n\nMinisters Meet in Ankara\nOct 6, 2021\n\n"
        "The ministers met on Wednesday to discuss trade and tourism between the two countries.\n"
    )
    assert roles[0].role.startswith("dropped") and "menu line" in roles[0].cue


def test_lines_classified_before_give_the_same_articles_and_roles() -> None:
    """The memo of classified lines (per rules, settings and day_first) changes nothing."""
    from mediamon.text.segment import SegmentRules

    text = (DUMPS / "wordpress_repost.txt").read_text(encoding="utf-8")
    memo = SegmentRules.default().tables.memo
    memo.clear()
    cold = mediamon.read_dump(text), mediamon.explain_dump(text)
    assert memo
    warm = mediamon.read_dump(text), mediamon.explain_dump(text)
    assert [a.to_dict() for a in cold[0]] == [a.to_dict() for a in warm[0]]
    assert cold[0].dropped == warm[0].dropped and cold[1] == warm[1]
    # Other thresholds classify afresh: a line is not taken from another setting's memo.
    narrow = SegmentSettings(cue_max_chars=10)
    assert mediamon.explain_dump(text, settings=narrow) != cold[1]
    assert (narrow, True) in memo and (SegmentSettings(), True) in memo


_LEAD = "The ministers met on Wednesday to discuss trade and tourism between the two countries."


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("👁 1.2K", "boilerplate"),  # a channel post's view count
        ("Issue No. 16166", "boilerplate"),
        ("رقم العدد [16166]", "boilerplate"),
        ("مواضيع: لبنان، سوريا", "boilerplate"),  # a topics line
        ("Image source, Getty Images", "caption"),
        ("Image caption, Officials at the ceremony", "caption"),
        ("Copy Link copied", "boilerplate"),  # an agency's share row
        ("X", "boilerplate"),
        ("View comments", "boilerplate"),
        ("Editor: Lu Hui", "boilerplate"),  # a desk editor's credit, not the author
        ("Read more: https://example.com/story/1", "boilerplate"),
        ("اقرأ المزيد: https://example.com/ar/1", "boilerplate"),
        ("Unsubscribe | Update your preferences", "boilerplate"),
        ("You are receiving this email because you subscribed to our newsletter.", "boilerplate"),
        ("شارك: فيسبوك تويتر واتساب", "boilerplate"),
        ("Share: Facebook, Twitter, Email", "boilerplate"),
        ("Newer Posts Older Posts Home", "boilerplate"),
        ("❤️ 120 👍 45", "boilerplate"),  # reaction counts: symbols and numbers only
        ("🔥 3   💬 1.2K   🔁 17", "boilerplate"),
        ("★★★★☆ 4.5", "boilerplate"),
        ("Forwarded from Gaza Now", "boilerplate"),  # a channel export's forward note
        ("محولة من قناة الأخبار", "boilerplate"),
        ("A version of this article appeared in the print edition on March 5, 2023, page 2.", "boilerplate"),
        ("This story appeared in the print edition of Monday's paper.", "boilerplate"),
        ("نشر هذا المقال في النسخة الورقية بتاريخ 5 مارس 2023", "boilerplate"),
    ],
)
def test_header_and_footer_furniture_is_set_aside(line: str, reason: str) -> None:
    """Furniture of broadcaster, channel and daily pages, between a header and the body."""
    corpus = mediamon.read_dump(f"Ministers Meet in Ankara\nBy Jane Doe\n{line}\n\n{_LEAD}\n")
    assert [(a.title, a.author, a.body) for a in corpus] == [("Ministers Meet in Ankara", "Jane Doe", _LEAD)]
    assert [(d.line, d.reason) for d in corpus.dropped] == [(3, reason)]


@pytest.mark.parametrize("line", ["Updated 2 hours ago", "5 mins ago", "آخر تحديث: منذ ساعتين"])
def test_a_relative_time_is_the_date_line_only_on_an_undated_page(line: str) -> None:
    """No date without the crawl time: on a page with no absolute date the relative time is the
    date line (date_text, no date); beside an absolute date it is furniture."""
    corpus = mediamon.read_dump(f"Ministers Meet in Ankara\nBy Jane Doe\n{line}\n\n{_LEAD}\n")
    assert [(a.title, a.author, a.date_text, a.date, a.body) for a in corpus] == [
        ("Ministers Meet in Ankara", "Jane Doe", line, None, _LEAD)
    ]
    assert list(corpus.dropped) == []
    corpus = mediamon.read_dump(f"Ministers Meet in Ankara\nBy Jane Doe\nMay 4, 2025\n{line}\n\n{_LEAD}\n")
    assert [(a.date_text, a.body) for a in corpus] == [("May 4, 2025", _LEAD)]
    assert [(d.line, d.reason) for d in corpus.dropped] == [(4, "boilerplate")]


@pytest.mark.parametrize(
    ("line", "set_aside"),
    [
        ("Continue reading →", True),  # a blog archive's link under an excerpt
        ("Continue reading “Ministers Meet in Ankara” →", True),
        ("Keep reading…", True),
        ("Continue reading", True),
        ("Continue reading the statement below, the ministry said.", False),  # a sentence
    ],
)
def test_a_continue_reading_link_closes_an_excerpt(line: str, set_aside: bool) -> None:
    """An archive page's 'Continue reading' link (with or without the title, an arrow) is
    furniture; a sentence that starts with the same words is body text."""
    corpus = mediamon.read_dump(f"Ministers Meet in Ankara\nBy Jane Doe\n\n{_LEAD}\n\n{line}\n")
    body = _LEAD if set_aside else f"{_LEAD}\n\n{line}"
    assert [(a.title, a.body) for a in corpus] == [("Ministers Meet in Ankara", body)]
    assert [(d.line, d.reason) for d in corpus.dropped] == ([(6, "boilerplate")] if set_aside else [])


@pytest.mark.parametrize(
    ("line", "row"),
    [("👍 12 people", "👍 12"), ("Page 2 of 3 ➡️", "➡️ 2 3"), ("Top 10 ⭐", "⭐ 10"), ("1.2K", "1.2K 👁")],
)
def test_a_count_with_words_is_no_reaction_row(line: str, row: str) -> None:
    """Only symbols beside the counts make a reaction row: a word (or no symbol) makes it text."""
    from mediamon.text.segment import _count_line

    assert not _count_line(line)
    assert _count_line(row)


def test_channel_posts_with_two_digit_year_stamps_forwards_and_reactions() -> None:
    """A messaging-channel export: each '[dd.mm.yy hh:mm]' stamp starts an untitled post, also
    when a 'Forwarded from X' line stands between it and the text; reaction rows are set aside."""
    other = "Ministers from both countries signed three agreements on energy, transport and trade."
    corpus = mediamon.read_dump(
        f"[04.03.23 10:05]\n{_LEAD}\n❤️ 120 👍 45\n\n"
        f"[05.03.23 11:05]\nForwarded from Gaza Now\n{other}\n😢 7 🔥 2\n"
    )
    assert [(a.title, a.date_text, a.date.isoformat() if a.date else None, a.body) for a in corpus] == [
        ("", "[04.03.23 10:05]", "2023-03-04", _LEAD),
        ("", "[05.03.23 11:05]", "2023-03-05", other),
    ]
    assert [(d.line, d.reason) for d in corpus.dropped] == [(n, "boilerplate") for n in (3, 6, 8)]


def test_an_undated_article_after_a_print_edition_note_starts_anew() -> None:
    """Dailies close articles with a print-edition note; the undated headline after it is a new
    article, not part of the body before."""
    other = "Ministers from both countries signed three agreements on energy, transport and trade."
    note = "A version of this article appeared in the print edition of the paper on March 5, 2023, page 2."
    corpus = mediamon.read_dump(
        f"Ministers Meet in Ankara\nBy Jane Doe\n\n{_LEAD}\n\n{note}\n\n"
        f"Three Agreements Signed\n\n{other}\n\n{note}\n"
    )
    assert [(a.title, a.body) for a in corpus] == [
        ("Ministers Meet in Ankara", _LEAD),
        ("Three Agreements Signed", other),
    ]
    assert [d.reason for d in corpus.dropped] == ["boilerplate", "boilerplate"]


def test_a_share_row_between_headline_and_byline_keeps_the_headline() -> None:
    corpus = mediamon.read_dump(f"Ministers Meet in Ankara\n2 hours ago\nShare\n\nBy Jane Doe\n\n{_LEAD}\n")
    assert [(a.title, a.author) for a in corpus] == [("Ministers Meet in Ankara", "Jane Doe")]


def test_a_sign_off_naming_reporter_and_editor_fills_both() -> None:
    corpus = mediamon.read_dump(
        f"Ministers Meet in Ankara\nBy Jane Doe\nMarch 3, 2023\n\n{_LEAD}\n\n"
        "Reporting by Omid Karimi; Editing by Peter Novak\n"
    )
    assert [dict(a.meta) for a in corpus] == [{"reporting": "Omid Karimi", "editing": "Peter Novak"}]


def test_a_related_block_ends_at_a_headline_with_its_own_date() -> None:
    """'Read Next' lists headlines (one of them the next article's); the next article starts at
    the headline its byline or date follows, not at the related link."""
    other = "Tourism Talks Open in Damascus"
    corpus = mediamon.read_dump(
        f"Ministers Meet in Ankara\nMarch 3, 2023\n\n{_LEAD}\n\nRead Next\nOil Prices Rise Again\n{other}\n\n"
        f"{other}\nBy Laura Chen\nMarch 4, 2023\nShare\n\n{_LEAD.replace('ministers', 'officials')}\n"
    )
    assert [(a.title, a.author, a.origin.first_line if a.origin else 0) for a in corpus] == [
        ("Ministers Meet in Ankara", None, 1),
        (other, "Laura Chen", 10),
    ]
    assert [(d.line, d.reason) for d in corpus.dropped] == [
        (6, "boilerplate"),
        (7, "related-link"),
        (8, "related-link"),
        (13, "boilerplate"),
    ]


def test_a_blog_name_over_a_date_header_is_no_headline() -> None:
    """'Blog name / date / title / body': the date belongs to the headline under it."""
    corpus = mediamon.read_dump(
        f"The Levant Observer\nFriday, March 3, 2023\nMinisters Meet in Ankara\n\n{_LEAD}\n"
    )
    assert [(a.title, a.date_text) for a in corpus] == [("Ministers Meet in Ankara", "Friday, March 3, 2023")]
    assert [(d.line, d.reason) for d in corpus.dropped] == [(1, "boilerplate")]


def test_a_relative_date_is_the_date_line_without_a_date() -> None:
    """A page dated only relative to when it was read ('2 hours ago', 'منذ 3 ساعات'): each line
    is its article's date line -- date_text the line, date None (the crawl time is unknown) --
    and no line is set aside or lost."""
    page = (
        "Night buses to run on four routes\n2 hours ago\n\n"
        "The council approved a six-month trial of night buses on four routes across the city.\n\n"
        "انقطاع المياه عن أحياء في المدينة\nمنذ 3 ساعات\n\n"
        "انقطعت المياه عن عدد من أحياء المدينة بسبب عطل في أحد الخطوط الرئيسية والشركة تعمل عليه.\n"
    )
    corpus = mediamon.read_dump(page)
    assert [(a.title, a.date_text, a.date) for a in corpus] == [
        ("Night buses to run on four routes", "2 hours ago", None),
        ("انقطاع المياه عن أحياء في المدينة", "منذ 3 ساعات", None),
    ]
    assert list(corpus.dropped) == []
    roles: list[LineRole] = []
    mediamon.text.segment.segment_lines(page.split("\n"), path="page", explain=roles)
    assert [(r.line, r.role) for r in roles if r.kind == "date"] == [(2, "date"), (7, "date")]
