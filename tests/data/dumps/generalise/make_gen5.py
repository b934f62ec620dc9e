"""Write the ``gen5_*`` generalisation dumps and their labels from the annotated pages below.

Run:  python tests/data/dumps/generalise/make_gen5.py

Every page here was written for mediamon's tests (same licence as mediamon, no site's text):
browser print-outs of news pages, reader comment sections under articles and text-only
("lite") pages, in English and Arabic. Each source line is ``TAG | text`` (or empty for a blank
line), the tag giving the line's role, decided when the page was written, before the
segmenter was run on it:

    T title   D date line (or right above a title)   A author line ('By X', 'كتب: X')   S source line ('Source: X')
    BS a first body line opening with a dateline 'PLACE (OUTLET) --' (body and source line, meta dateline)
    DS a digest item's head 'OUTLET (PLACE), DATE:' right above its title (date and source line)
    BU a body line opening an untitled article (a transcript item: no headline)
    B body    M:key meta line (meta[key] = the line)   M meta line read by check_labels.meta_from
    X boilerplate   C comment   R related-link   P caption   XD extra-date

For each page it writes ``NAME.txt``, ``NAME.expected.json`` (the line-by-line schema of
``../check_labels.py``) and the page's row in ``cases.json`` (title, date, author, outlet,
language, the first words of the first body paragraph and the last words of the last, and as
furniture every line set aside), replacing an earlier row of the same file.
"""

# ruff: noqa: E501  (page text is one line per paragraph)
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from check_labels import ARTICLE_KEYS, candidates, meta_from, parse_date, relative_date  # noqa: E402

REASONS = {
    "X": "boilerplate",
    "C": "comment",
    "R": "related-link",
    "P": "caption",
    "XD": "extra-date",
}

PAGES: dict[str, tuple[str, str]] = {}

PAGES["gen5_printout_en"] = (
    "Two news pages printed from a browser into one text file: the browser's running header "
    "(print time and page title) and footer (page URL and 'n/N') at each page break, even "
    "between two body paragraphs, the site's masthead and one-line menu, 'Print' and 'Close "
    "window' buttons, a 'Printed on' line, 'Page 1 of 2' marks and a copyright line at the end "
    "of each print-out; the site's printer-friendly version of the second page says 'This "
    "article was printed from' and gives its URL.",
    """
X | 12/3/25, 9:41 AM Port workers end strike after pay deal | The Harbour Times
X | The Harbour Times
X | Home | News | Business | Sport | Opinion | Weather
X | Print
X | Close window

T | Port workers end strike after pay deal
A | By Helen Marsh
D | 2 December 2025

B | Dock workers at the city's container terminal returned to work on Tuesday after their union accepted a pay offer that ends a strike of nine days.

B | The agreement raises basic pay by six per cent this year and by four per cent next year, and limits night shifts to three a week for each worker.

X | https://www.harbourtimes.example/news/2025/12/02/port-workers-end-strike-after-pay-deal 1/2
X | 12/3/25, 9:41 AM Port workers end strike after pay deal | The Harbour Times

B | Shipping lines had diverted more than forty vessels to other ports during the dispute, and the backlog of containers is expected to take two weeks to clear.

B | "Nobody wanted this to go on into the holidays," the union's regional secretary told reporters outside the terminal gates.

X | Printed on 3 December 2025 at 09:41
X | © 2025 The Harbour Times. All rights reserved.
X | https://www.harbourtimes.example/news/2025/12/02/port-workers-end-strike-after-pay-deal 2/2

X | Printer-friendly version
X | Page 1 of 2

T | City council approves new cycle lanes on the ring road
D | Published: 1 December 2025
A | By Owen Price

B | The city council voted on Monday to build protected cycle lanes along the full length of the ring road, a project that campaigners have sought for a decade.

B | Work on the first section, between the railway station and the university, is due to begin in the spring and to last about eight months.

X | Page 2 of 2

B | Shop owners on the eastern stretch said they feared losing parking spaces, and the council promised to consult them on where loading bays will go.

B | The plan will cost an estimated 14 million, most of it from a national fund for safer streets.

X | This article was printed from www.harbourtimes.example
X | URL: https://www.harbourtimes.example/news/2025/12/01/council-approves-cycle-lanes
X | Copyright © 2025 The Harbour Times
X | Close window
""",
)

PAGES["gen5_printout_ar"] = (
    "صفحتا أخبار عربيتان في نسخة الطباعة: أزرار 'طباعة' و'إغلاق النافذة' واسم الموقع وقائمته "
    "في الأعلى، وعلامات 'الصفحة 1 من 2' بين الفقرات، وفي آخر كل مقال تاريخ الطباعة ورابط المقال "
    "وسطر الحقوق، ورأس المتصفح وتذييله (رابط الصفحة ورقمها) عند فاصل الصفحة.",
    """
X | طباعة
X | إغلاق النافذة
X | صحيفة الساحل
X | الرئيسية | محليات | اقتصاد | رياضة | ثقافة

T | وزارة الصحة تطلق حملة تطعيم موسمية في المدارس
D | الثلاثاء 2 ديسمبر 2025
A | كتب: سامر الحلبي

B | أطلقت وزارة الصحة اليوم حملة التطعيم الموسمية ضد الإنفلونزا في المدارس الحكومية، وتستمر الحملة ثلاثة أسابيع في جميع المحافظات.

B | وقال مدير الرعاية الأولية إن الفرق الطبية ستزور أكثر من ألف ومئتي مدرسة، وإن اللقاح مجاني للطلاب والمعلمين.

X | الصفحة 1 من 2

B | ودعت الوزارة أولياء الأمور إلى تعبئة استمارة الموافقة قبل موعد زيارة الفريق الطبي لمدرسة أبنائهم.

B | وأشارت إلى أن نسبة الإقبال في العام الماضي بلغت سبعين في المئة، وأنها تأمل رفعها هذا العام.

X | تاريخ الطباعة: 03/12/2025 10:15
X | رابط المقال: https://www.alsahil.example/news/48213
X | جميع الحقوق محفوظة © 2025 صحيفة الساحل

X | طباعة
X | إغلاق النافذة

T | افتتاح سوق جديدة للمزارعين في الحي القديم
D | الأربعاء 3 ديسمبر 2025
A | كتبت: هالة يوسف

B | افتتحت البلدية صباح اليوم سوقا أسبوعية للمزارعين في ساحة الحي القديم، يبيع فيها صغار المزارعين منتجاتهم مباشرة للسكان.

X | https://www.alsahil.example/news/48240 1/2
X | 3/12/2025 11:02 ص افتتاح سوق جديدة للمزارعين في الحي القديم - صحيفة الساحل

B | وتفتح السوق أبوابها كل يوم جمعة من السابعة صباحا حتى الظهر، وتضم في مرحلتها الأولى ستين كشكا.

B | وقال رئيس البلدية إن السوق ستخفف عن المزارعين كلفة النقل إلى سوق الجملة في طرف المدينة.

X | تاريخ الطباعة: 03/12/2025 11:02
X | رابط المقال: https://www.alsahil.example/news/48240
X | جميع الحقوق محفوظة © 2025 صحيفة الساحل
X | https://www.alsahil.example/news/48240 2/2
""",
)

PAGES["gen5_comments_en"] = (
    "A news site (not a blog) whose articles each have a reader comment section: a comment "
    "count ('24 Comments'), 'Leave a comment', a sort control, then per comment the username, "
    "a relative time or a date and time, the comment (some short and shaped like headlines), "
    "'Reply' and a likes count; 'Load more comments' and the comment form ('Your email address "
    "will not be published.', 'Post comment') close a section. Every line from the comment count "
    "to the next article's headline is a comment; share buttons above it are boilerplate.",
    """
X | World | Business | Sport | Culture

T | Ferry service to the islands resumes after storm
A | By Clare Dunn
D | Published 14 November 2025

B | The ferry between the mainland and the northern islands sailed again on Friday morning, four days after a storm damaged the pier at the island harbour.

B | Engineers worked through the night to repair the mooring posts, and the operator said the full timetable would run from Saturday.

B | Islanders had relied on a single small boat to bring in bread, medicine and post while the service was suspended.

X | Share
X | Facebook
X | Twitter

C | 24 Comments
C | Leave a comment
C | Sort by: Newest
C | marcus_b
C | 2 hours ago
C | Finally, about time
C | Reply
C | 12 likes
C | PeteR77
C | 3 hours ago
C | The timetable on the website is still wrong. Nobody has fixed it since October.
C | Reply
C | Like (4)
C | islander_jo
C | 5 hours ago
C | Good news for the farmers on Ness
C | Reply
C | Load more comments

T | New library opens on the waterfront
A | By Sam Okafor
D | Published 13 November 2025

B | A new public library with a children's floor and a café opened on the waterfront on Thursday, replacing a branch that closed in 2019.

B | The building was paid for by the sale of the old site and by a grant from the national lottery, the council said.

X | Share
X | Facebook
X | Twitter

C | 3 Comments
C | Leave a comment
C | Ann Whitfield
C | 13 November 2025, 6:02 PM
C | Beautiful building
C | Reply
C | 7 likes
C | d.kerr
C | 13 November 2025, 7:45 PM
C | Will it open on Sundays? My kids would love the reading room.
C | Reply
C | Your email address will not be published. Required fields are marked *
C | Post comment

X | © 2025 The Island Herald
""",
)

PAGES["gen5_comments_ar"] = (
    "موقع أخبار عربي تحت كل خبر فيه قسم تعليقات القراء: عدد التعليقات ('التعليقات (3)'، '4 تعليقات')، "
    "'أضف تعليقك'، ثم لكل تعليق اسم المعلّق ووقته ('منذ ساعتين' أو تاريخ وساعة) ونصه (بعضه قصير على "
    "هيئة عنوان) و'رد' وعدد الإعجابات، ثم 'عرض المزيد من التعليقات'. كل سطر من عدد التعليقات إلى عنوان "
    "الخبر التالي تعليق؛ وأزرار المشاركة فوقه من أثاث الموقع.",
    """
X | الرئيسية | سياسة | اقتصاد | رياضة | منوعات

T | افتتاح جسر جديد يربط ضفتي النهر في العاصمة
D | 14 نوفمبر 2025
A | كتبت: ليلى منصور

B | افتتح وزير النقل اليوم الجسر الجديد الذي يربط ضفتي النهر في وسط العاصمة، بعد ثلاث سنوات من الأعمال.

B | ويبلغ طول الجسر ثمانمئة متر، ويضم أربعة مسارات للسيارات وممرا للمشاة والدراجات الهوائية.

B | وتتوقع الوزارة أن يخفف الجسر الازدحام على الجسرين القديمين بنحو الثلث في ساعات الذروة.

X | شارك
X | فيسبوك
X | واتساب

C | التعليقات (3)
C | أضف تعليقك
C | أبو خالد
C | منذ ساعتين
C | مشروع ممتاز طال انتظاره
C | رد
C | إعجاب (12)
C | سارة م.
C | منذ 5 ساعات
C | نتمنى أن ينتهي الازدحام أخيرا على الجسر القديم، فقد صار عبوره يستغرق ساعة كاملة كل صباح.
C | رد
C | مواطن غيور
C | منذ 6 ساعات
C | أين ممر الحافلات؟
C | رد
C | عرض المزيد من التعليقات

T | المنتخب الوطني يفوز على ضيفه في تصفيات كأس آسيا
D | 13 نوفمبر 2025
A | كتب: عمر الزين

B | فاز المنتخب الوطني لكرة القدم على ضيفه بهدفين مقابل هدف في المباراة التي أقيمت مساء أمس ضمن تصفيات كأس آسيا.

B | وسجل هدفي المنتخب لاعب الوسط في الشوط الأول ومهاجمه البديل قبل نهاية المباراة بخمس دقائق.

X | شارك
X | فيسبوك
X | واتساب

C | 4 تعليقات
C | أضف تعليقك
C | فهد العلي
C | 13/11/2025 الساعة 23:10
C | مبروك للجميع
C | رد
C | إعجاب (30)
C | ريم
C | 14/11/2025 الساعة 08:45
C | أداء الدفاع ما زال ضعيفا ويحتاج المدرب إلى حلول قبل المباراة القادمة.
C | رد
C | عرض المزيد من التعليقات

X | جميع الحقوق محفوظة © 2025
""",
)

PAGES["gen5_lite_mixed"] = (
    "Text-only ('lite') pages of a news site, English and Arabic versions saved into one file: "
    "a 'Text-only version' / 'Go to full site' bar, breadcrumbs ('Home > World'), the headline, "
    "a byline, an 'Updated' date with a time, a source line, the body, then '< Back to home' and "
    "a footer of links; the Arabic page has the same bar ('النسخة النصية', 'الانتقال إلى الموقع "
    "الكامل') and breadcrumbs ('الرئيسية > اقتصاد').",
    """
X | Text-only version
X | Go to full site
X | Home > World

T | Ministers agree to extend grain export corridor
A | By Tom Hale
D | Updated 4:12 PM GMT, Monday, 10 March 2025
S | Source: Daily Courier

B | Ministers from the three countries agreed on Monday to keep the grain export corridor open for another year, easing fears of a new rise in bread prices.

B | The deal keeps inspections at the current two ports and adds a third, which traders said would cut waiting times for ships.

X | < Back to home
X | Home > Business

T | Central bank holds rates for a third month
A | By Priya Nair
D | Updated 9:30 AM GMT, Tuesday, 11 March 2025

B | The central bank left its main interest rate unchanged on Tuesday for the third month in a row, saying inflation was falling more slowly than it had expected.

B | Most economists had forecast the decision, though two of the bank's nine policy makers voted for a cut.

X | < Back to home
X | Terms of use | Privacy | Contact

X | النسخة النصية
X | الانتقال إلى الموقع الكامل
X | الرئيسية > اقتصاد

T | ارتفاع صادرات الفوسفات في الربع الأول
A | كتب: نادر سليمان
D | آخر تحديث: 12 مارس 2025 - 10:20

B | ارتفعت صادرات الفوسفات في الربع الأول من العام بنسبة اثني عشر في المئة مقارنة بالفترة نفسها من العام الماضي، وفق بيانات رسمية.

B | وعزت الشركة الوطنية الزيادة إلى طلب قوي من أسواق آسيا وإلى تشغيل خط إنتاج جديد في الجنوب.

X | < العودة إلى الرئيسية
X | شروط الاستخدام | الخصوصية | اتصل بنا
""",
)


PAGES["gen5_reader_comments_mixed"] = (
    "Reader comments with no 'Reply' under them, in an English and an Arabic site saved into one "
    "file: a heading with the count ('Reader comments (2)', 'تعليقات الزوار (3)'), then per comment "
    "a name (numbered '1 - NAME' on the Arabic site), a date with a time and the comment, some "
    "short and shaped like headlines; a moderation notice and the comment form (Arabic) close a "
    "section. The articles' own dates carry a time too; their bylines tell them from comments.",
    """
T | Council to plant 5,000 trees along the canal
A | By Rachel Moss
D | 15 November 2025 08:00

B | The city council will plant five thousand trees along the canal towpath over the next two winters, starting with the stretch between the two locks.

B | Volunteers will be asked to help with the planting in December, and local schools will each adopt a section of the path.

C | Reader comments (2)
C | GreenLeeds
C | 15 November 2025 09:12
C | Wonderful news
C | Mark T
C | 15 November 2025 10:47
C | Who will water them in the summer? The last lot died within a year.
C | Comments are moderated and may take a few minutes to appear.

X | الرئيسية > مجتمع

T | البلدية تفتتح حديقة عمومية جديدة في حي النخيل
D | الأحد 16 نوفمبر 2025 - 09:30
A | كتب: يوسف بنعلي

B | افتتحت البلدية صباح اليوم حديقة عمومية جديدة في حي النخيل على مساحة هكتارين، تضم ملاعب للأطفال ومسارا للمشي.

B | وقال نائب رئيس البلدية إن الحديقة ستفتح أبوابها يوميا من الثامنة صباحا حتى العاشرة ليلا.

X | الوسوم: حدائق، بلدية، بيئة

C | تعليقات الزوار (3)
C | 1 - مغربي حر
C | الأحد 16 نوفمبر 2025 - 11:20
C | قرار صائب ونتمنى المزيد
C | 2 - ابن الحي
C | الأحد 16 نوفمبر 2025 - 12:05
C | نريد حدائق في الأحياء الشعبية أيضا وليس في الأحياء الراقية وحدها، فالأطفال هناك لا يجدون مكانا للعب.
C | 3 - سلوى
C | الأحد 16 نوفمبر 2025 - 13:40
C | شكرا للبلدية
C | المرجو الالتزام بآداب الحوار وعدم نشر التعليقات المسيئة.
C | أضف تعليقا
C | الاسم
C | البريد الإلكتروني
C | إرسال التعليق

T | انطلاق التسجيل في المخيمات الصيفية للأطفال
D | الاثنين 17 نوفمبر 2025 - 08:15
A | كتبت: نجاة العمراني

B | أعلنت وزارة الشباب انطلاق التسجيل في المخيمات الصيفية للأطفال بين الثامنة والرابعة عشرة من العمر، عبر منصة إلكترونية جديدة.

B | وتستقبل المخيمات هذا العام أكثر من ثلاثين ألف طفل في اثنتي عشرة مدينة ساحلية وجبلية.

C | تعليقات الزوار (2)
C | 1 - متتبع
C | الاثنين 17 نوفمبر 2025 - 10:02
C | خبر مفرح
C | 2 - رشيد
C | الاثنين 17 نوفمبر 2025 - 10:45
C | متى يبدأ التسجيل؟

X | جميع الحقوق محفوظة © 2025
""",
)


def _blank_article(lang: str) -> dict[str, Any]:
    art: dict[str, Any] = dict.fromkeys(ARTICLE_KEYS)
    art.update(title="", lang=lang, body_lines=[], meta={}, meta_lines=[])
    return art


def _lang(text: str) -> str:
    arabic = sum("\u0600" <= c <= "\u06ff" for c in text)
    latin = sum(c.isascii() and c.isalpha() for c in text)
    return "ar" if arabic > latin else "en"


def build(name: str, notes: str, source: str) -> tuple[list[str], dict[str, Any]]:
    lines: list[str] = []
    articles: list[dict[str, Any]] = []
    dropped: dict[str, str] = {}
    art: dict[str, Any] | None = None
    rows = source.strip("\n").split("\n")
    above: tuple[int, str] | None = None  # a date line right above the next title
    for k, raw in enumerate(rows):
        if not raw.strip():
            lines.append("")
            continue
        tag, _, text = raw.partition(" | ")
        lines.append(text)
        n = len(lines)
        if tag in REASONS:
            dropped[str(n)] = REASONS[tag]
            continue
        if tag in ("D", "DS") and k + 1 < len(rows) and rows[k + 1].startswith("T | "):
            above = (n, text)
            if tag == "DS":  # a digest item's head: the outlet and the date
                (above_source,) = candidates("source", text)
                (date_text,) = candidates("date_text", text)
                above = (n, date_text)
            else:
                above_source = None
            continue
        if tag == "BU":  # a body line opening an untitled article
            art = _blank_article(_lang(text))
            articles.append(art)
            art.update(first_line=n)
            art["body_lines"].append(n)
            art["last_line"] = n
            continue
        if tag == "T":
            art = _blank_article(_lang(text))
            articles.append(art)
            art.update(first_line=n, title=text, title_line=n)
            if above is not None:
                parsed = parse_date(above[1])
                date_text = (candidates("date_text", above[1]) or {above[1]}).pop()
                assert parsed is not None or relative_date(date_text), above[1]
                date = parsed.isoformat() if parsed else None  # relative: unknown
                art.update(first_line=above[0], date=date, date_text=date_text)
                art["date_line"], above = above[0], None
                if above_source is not None:
                    art.update(source=above_source, source_line=art["date_line"])
        else:
            assert art is not None, raw
            if tag == "D":
                parsed = parse_date(text)
                (date_text,) = candidates("date_text", text)  # 'Posted by u/x 5h ago' gives '5h ago'
                assert parsed is not None or relative_date(date_text), text
                date = parsed.isoformat() if parsed else None  # relative: unknown
                art.update(date=date, date_text=date_text, date_line=n)
            elif tag == "A":
                (art["author"],) = candidates("author", text)
                art["author_line"] = n
                if text.lstrip("(").lower().startswith("reporting by"):  # a wire sign-off
                    credits = meta_from(text)
                    credits.pop("reporting", None)  # the author
                    art["meta"].update(credits)
            elif tag == "S":
                (art["source"],) = candidates("source", text)
                art["source_line"] = n
            elif tag == "B":
                art["body_lines"].append(n)
            elif tag == "BS":  # a body line opening with a dateline 'PLACE (OUTLET) --'
                (art["source"],) = candidates("source", text)
                art["source_line"] = n
                art["body_lines"].append(n)
                art["meta"]["dateline"] = meta_from(text)["dateline"]
            elif tag == "M":  # a meta line whose values check_labels.meta_from reads
                art["meta"].update(meta_from(text))
                art["meta_lines"].append(n)
            elif tag.startswith("M:"):
                art["meta"][tag[2:]] = text
                art["meta_lines"].append(n)
            else:
                raise ValueError(f"unknown tag {tag!r} in {name}")
        art["last_line"] = n
    # the language of an article is its body's
    for a in articles:
        a["lang"] = _lang(" ".join(lines[i - 1] for i in a["body_lines"]))
    return lines, {"file": f"{name}.txt", "notes": notes, "articles": articles, "dropped": dropped}


def _words(text: str, n: int, last: bool) -> str:
    words = text.split()
    return " ".join(words[-n:] if last else words[:n])


def case_row(lines: list[str], data: dict[str, Any], layout: str) -> dict[str, Any]:
    articles = []
    for a in data["articles"]:
        first, last = lines[a["body_lines"][0] - 1], lines[a["body_lines"][-1] - 1]
        articles.append(
            {
                "title": a["title"],
                "date": a["date"],
                "author": a["author"],
                "source": a["source"],
                "lang": a["lang"],
                "body_start": _words(first, 6, last=False),
                "body_end": _words(last, 5, last=True),
            }
        )
    furniture = list(dict.fromkeys(lines[int(n) - 1].strip() for n in data["dropped"]))
    return {"file": data["file"], "layout": layout, "articles": articles, "furniture": furniture}


def main(pages: dict[str, tuple[str, str]] = PAGES) -> int:
    """Write the pages' dumps, labels and ``cases.json`` rows (``make_gen6.py`` passes its own)."""
    cases_path = HERE / "cases.json"
    cases = json.loads(cases_path.read_text(encoding="utf-8"))
    for name, (notes, source) in pages.items():
        lines, data = build(name, notes, source)
        (HERE / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (HERE / f"{name}.expected.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        row = case_row(lines, data, notes)
        rows = cases["dumps"]
        at = next((i for i, c in enumerate(rows) if c["file"] == row["file"]), None)
        if at is None:
            rows.append(row)
        else:
            rows[at] = row
    cases_path.write_text(json.dumps(cases, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
