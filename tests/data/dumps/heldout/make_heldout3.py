"""Build the third set of held-out dumps (``ho4_*``): an aggregator list, a blog archive page
of excerpts and Arabic agency copy with agency tags and Hijri dates.

Run:  python tests/data/dumps/heldout/make_heldout3.py [SHARED_DATA_DIR]

Same text sources, licences and label format as ``make_heldout.py`` (whose ``Page`` writer it
uses): the article text is real (Tehran Times CC BY 4.0, NewsFANE CC BY-SA 3.0), every layout
line (headers, outlet names, relative times, ``Full Coverage`` links, ``Posted on`` lines with
invented names, ``Continue reading`` links, agency tags, ``/انتهى/`` end marks, footers) is ours.
All three were built and labelled after the fixes for ``ho3_*`` and before anything was run on
them: all reserved, measured once (``benchmarks/eval_segment.py`` lists them in ``RESERVED``).
"""

# ruff: noqa: E501  (the notes of each dump are one line of label prose each)
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_heldout import EN, Page, _sentences, newsfane
from make_heldout2 import dateline_body, source_line

AR_AGENCY = newsfane([400, 2200, 3400, 900])


def build() -> None:
    # ------------------------------------------------------------ news aggregator list
    p = Page(
        "ho4_aggregator_en",
        "A news-aggregator list: a 'Top stories' header, then items each a headline, the outlet name on its own line (source), a relative time ('3 hours ago', boilerplate) or a date ('Mar 4, 2023'), a one-sentence snippet of the story (body) and a 'Full Coverage' link (boilerplate); a 'More headlines' link at the end. Tehran Times text (CC BY 4.0).",
    )
    p.drop("Top stories")
    p.blank()
    outlets = ["Tehran Times", "Reuters", "Al Jazeera", "Press TV", "AP"]
    for k, (title, paras) in enumerate([EN[i] for i in (1, 4, 7, 10, 0)]):
        p.start("en", title)
        source_line(p, outlets[k], outlets[k])
        if k % 2 == 0:
            p.drop(f"{3 + k} hours ago")
        else:
            p.date(f"Mar {4 + k}, 2023")
        p.body(_sentences(paras[0], 1))
        p.drop("Full Coverage")
        p.blank()
    p.drop("More headlines")
    p.write()

    # ------------------------------------------------------------ blog archive page of excerpts
    p = Page(
        "ho4_wp_archive_en",
        "A blog's category archive: site name and 'Category Archives: Middle East' (boilerplate), then per post a title, 'Posted on March 3, 2023 by NAME' (date and author, meta posted_by; one by the site account 'admin': no author), an excerpt of two sentences ending ' […]' (body), a 'Continue reading →' link (boilerplate) and a 'Posted in X | N Comments' line (boilerplate); 'Older posts' and a 'Proudly powered by WordPress' footer. Tehran Times text; names invented.",
    )
    p.drop("The Levant Desk")
    p.drop("Category Archives: Middle East")
    p.blank()
    names = ["Jane Doe", "admin", "Omid Karimi", "Laura Chen"]
    cats = ["Iran, Politics", "Iraq", "Syria, Tourism", "Iran, Iraq"]
    for k, (title, paras) in enumerate([EN[i] for i in (2, 5, 8, 11)]):
        p.start("en", title)
        line = f"Posted on March {3 + k}, 2023 by {names[k]}"
        p.date(line, date_text=f"March {3 + k}, 2023", author=None if names[k] == "admin" else names[k])
        p.art["meta"]["posted_by"] = names[k]  # type: ignore[index]
        p.blank()
        p.body(f"{_sentences(paras[0], 2)} […]")
        p.blank()
        p.drop("Continue reading →" if k % 2 == 0 else f"Continue reading “{title}” →")
        p.drop(
            f"Posted in {cats[k]} | {['Leave a comment', '3 Comments', '1 Comment', 'Leave a comment'][k]}"
        )
        p.blank()
    p.drop("← Older posts")
    p.drop("Proudly powered by WordPress")
    p.write()

    # ------------------------------------------------------------ Arabic agency copy, Hijri dates
    p = Page(
        "ho4_agency_ar",
        "Arabic national-agency copy: a 'آخر الأخبار' header (boilerplate), then per item a title, a date line with weekday, Hijri and Gregorian dates joined by 'الموافق' ('السبت 12 شعبان 1444 هـ الموافق 4 مارس 2023 م'), a first paragraph opening 'PLACE (واس) -' / '(قنا)' / '(وام)' (source, meta dateline), paragraphs, an end mark '/انتهى/' (boilerplate) and a 'طباعة' print link (boilerplate); the agency's copyright footer. NewsFANE text (CC BY-SA 3.0).",
    )
    p.drop("آخر الأخبار")
    p.blank()
    days = ["السبت", "الأحد", "الاثنين", "الثلاثاء"]
    places = ["الرياض", "الدوحة", "أبوظبي", "جدة"]
    tags = ["واس", "قنا", "وام", "واس"]
    for k, (title, paras) in enumerate(AR_AGENCY):
        p.start("ar", title)
        p.date(f"{days[k]} {12 + k} شعبان 1444 هـ الموافق {4 + k} مارس 2023 م")
        p.blank()
        dateline_body(p, f"{places[k]} ({tags[k]}) - {paras[0]}", tags[k], places[k])
        p.blank()
        for para in paras[1:]:
            p.body(para)
            p.blank()
        p.drop("/انتهى/")
        p.drop("طباعة")
        p.blank()
    p.drop("جميع الحقوق محفوظة لوكالة الأنباء © 2023")
    p.write()


if __name__ == "__main__":
    build()
