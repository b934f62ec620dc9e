"""Write the ``gen9s_*`` generalisation dumps and their labels from the annotated pages below.

Run:  python tests/data/dumps/generalise/make_gen9s.py

Same scheme as ``make_gen5.py`` (its ``build``/``main`` write the files; the tags are documented
there), for layouts media monitors collect that the suite lacked: a search engine's results page
and a news aggregator's, copied as text; a news page read through a browser's translator; a
video page and a podcast episode page; a Reddit-style and a Hacker-News-style discussion. Every
page was written for mediamon's tests (same licence as mediamon, no site's text), and labelled
when it was written, before the segmenter was run on it.

Decisions (applied the same way on every page):

* a search or aggregator result is an article: its title line is its title and its snippet its
  body (for a monitor the snippet is the only text of the story there is); the site name and
  URL lines over the title, 'Full coverage', the results count ('About 12,300 results'), the
  tabs, the pagination and the footer are boilerplate; 'People also ask' and 'Related searches'
  are related-content headers (boilerplate) and their questions and queries related links. A
  snippet's leading date ('3 hours ago — ...', 'منذ 3 ساعات — ...') is part of the snippet line,
  so the result has no date line (the labels have no part-of-line date); a time line of its own
  under the title ('منذ ساعتين') is its date line;
* a page read through a translator is an article as the page is: the translator's bar ('Translated
  from Arabic by Google', 'Show original', 'Rate this translation', 'Original text' and the
  source sentence it shows) is boilerplate; a paragraph left in the source language inside the
  body is body (it is the article's text); the site's furniture, translated or not, is what it
  would be untranslated;
* a video or podcast episode page is an article: the title, the date line (a view count before
  the date, '38K views · Dec 1, 2026', is part of that line), the description its body; the
  channel's name, subscriber count, buttons, the chapter list ('00:00 Intro') and hashtags are
  boilerplate; the comment count and everything under it are comments;
* in a discussion the opening post is the article (its title, its 'Posted by u/x 5h ago' or 'N
  points by x 6 hours ago | ...' line its date line, its text its body); the points, the action
  bar under it and the community's header are boilerplate; the comment count and every reply
  under it ('level 1', 'user · 4h', the reply text, its points, 'Reply Share Report') are
  comments.
"""

# ruff: noqa: E501  (page text is one line per paragraph)
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_gen5

PAGES: dict[str, tuple[str, str]] = {}

PAGES["gen9s_search_en"] = (
    "A search engine's results page copied as text: the query, the tabs on lines of their own, the results count, then per result the site name, its URL breadcrumb, the result's title and its snippet opening with the time ('3 hours ago — ...'); a 'People also ask' box of questions between the results, 'Related searches' and the pagination at the end. Each result is an article (title and snippet); the rest is boilerplate or related links.",
    """
X | port fees ministry
X | All
X | News
X | Images
X | Videos
X | More
X | About 12,300 results (0.42 seconds)

X | The Harbour Times
X | https://www.harbourtimes.example › news › 2026/12/04
T | Ministry approves new port fees for 2027 - The Harbour Times
B | 3 hours ago — The transport ministry on Thursday approved new fees for ships calling at the country's ports, the first rise in six years, and said the money would pay for new cranes ...

X | Gulf Shipping Review
X | https://gulfshipping.example › ports
T | Port fees: what shipping lines will pay from January
B | Dec 3, 2026 — Lines calling at the two main container terminals will pay a higher berth fee for each hour alongside, while feeder vessels get a discount of a fifth ...

X | People also ask
R | When do the new port fees take effect?
R | How much are berth fees per hour?
R | Who sets port fees in the country?
X | Feedback

X | Maritime Daily
X | https://www.maritimedaily.example › opinion
T | Opinion: Higher port fees will not fix the berth queue
B | 1 day ago — Raising fees may shorten the queue for a few weeks, but the real problem is the lack of cranes at the older terminal, writes our shipping correspondent ...

X | Related searches
R | port fees 2027 list
R | berth fee per hour container ship
R | transport ministry decisions today
X | Previous
X | 1 2 3 4 5 6 7 8 9 10
X | Next
X | Help · Send feedback · Privacy · Terms
""",
)

PAGES["gen9s_aggregator_ar"] = (
    "صفحة مجمع أخبار عربي منسوخة نصا: قائمة الأقسام، 'أهم الأخبار'، ثم لكل خبر اسم المصدر وعنوان الخبر وسطر الوقت ('منذ ساعتين') أو مقتطف يبدأ بالوقت ('منذ 5 ساعات — ...') و'التغطية الكاملة'؛ قسم 'المحلية'، ثم عدد النتائج و'أسئلة ذات صلة' والتنقل بين الصفحات. كل خبر مقال (عنوانه ومقتطفه)، وما عدا ذلك نص ثابت أو روابط ذات صلة.",
    """
X | أخبار
X | الرئيسية | العالم | المحلية | الأعمال | العلوم والتكنولوجيا | الرياضة
X | أهم الأخبار

X | الجزيرة نت
T | وزارة النقل تقر رسوما جديدة على السفن في موانئ البلاد
D | منذ ساعتين
B | أقرت وزارة النقل اليوم رسوما جديدة على السفن التي ترسو في موانئ البلاد، هي الأولى منذ ست سنوات، وقالت إن عائدها سيمول شراء رافعات جديدة.
X | التغطية الكاملة

X | صحيفة الخليج
T | شركات الشحن تطالب بمهلة قبل تطبيق الرسوم الجديدة
B | منذ 5 ساعات — طالبت شركات الشحن العاملة في الموانئ بمهلة ثلاثة أشهر قبل تطبيق الرسوم، وقالت إن عقودها مع العملاء موقعة بالأسعار القديمة ...
X | التغطية الكاملة

X | المحلية

X | العربية نت
T | افتتاح محطة حاويات جديدة في الميناء الشمالي
B | منذ يوم — افتتح وزير النقل محطة حاويات جديدة في الميناء الشمالي بطاقة مليون حاوية سنويا، وقال إنها ستخفف الازدحام على المحطة القديمة ...

X | حوالي 12,300 نتيجة (0.38 ثانية)
X | أسئلة ذات صلة
R | متى تطبق الرسوم الجديدة على السفن؟
R | كم تبلغ رسوم الرسو في الساعة؟
X | السابق
X | 1 2 3 4 5
X | التالي
""",
)

PAGES["gen9s_translated_en"] = (
    "An Arabic news site read through a browser's translator and saved as text: the translator's bar ('Translated from Arabic by Google', 'Show original', 'Options'), the site's masthead and menu in English, two articles with a headline, date and byline, one paragraph left in Arabic, a left-over Arabic 'Read also' box with its links, the translator's 'Rate this translation' prompt, and an 'Original text' pop-up showing the Arabic source of a headline.",
    """
X | Translated from Arabic by Google
X | Show original
X | Options
X | Al-Sahil Newspaper
X | Home | Local | Economy | Sports | Culture

T | The Minister of Health opens a new children's hospital in the Eastern Province
D | Thursday, December 4, 2026
A | By Salem Al-Otaibi
B | The Minister of Health opened today a new hospital for children in the Eastern Province with a capacity of three hundred beds, including an emergency department and an intensive care unit for newborns.
B | The minister said that the hospital will relieve pressure on public hospitals, and that work is under way on two similar hospitals in the north and the south.
B | وأضاف الوزير أن المستشفى سيبدأ استقبال المرضى مطلع الشهر المقبل بعد اكتمال تجهيز غرف العمليات.
X | Share
X | اقرأ أيضا
R | The opening of a new farmers' market in the old quarter
R | وزارة التعليم تعلن موعد الاختبارات النهائية
X | Rate this translation
X | Your feedback will be used to help improve Google Translate

T | Ministry of Education announces the date of the final exams
D | Wednesday, December 3, 2026
A | By Hala Youssef
B | The Ministry of Education announced today that the final exams of the first semester will begin on the eleventh of January and last for two weeks in all schools.
B | The ministry called on students and parents to check the schedule on its website, and said that results will be announced at the end of January.
X | Original text
X | وزارة التعليم تعلن موعد الاختبارات النهائية
X | Contribute a better translation
X | All rights reserved © 2026 Al-Sahil Newspaper
""",
)

PAGES["gen9s_video_mixed"] = (
    "A video page and a podcast episode page saved as text: the video's title, channel name, subscriber count and buttons, the view count with the date ('38K views · Dec 1, 2026'), the description with its chapter list ('00:00 Intro'), hashtags and 'Show less', then the comments (count, sort control, '@user 2 days ago', text, likes, 'Reply'); the Arabic podcast page: the show's name, the episode title, its date, duration and buttons, the description, the chapters, the 'Listen on' line and two comments.",
    """
X | Skip navigation
X | Search
X | Sign in

T | Port strike ends: what the new pay deal means | Morning Brief
X | Harbour News Network
X | 245K subscribers
X | Subscribe
X | 1.2K
X | Share
X | Download
D | 38K views · Dec 1, 2026
B | Dock workers went back to work on Monday after nine days on strike. We look at what the deal changes for pay and night shifts, and what it means for the shipping lines that diverted their ships.
B | Guests: the union's regional secretary and a port economist from the university.
X | 00:00 Intro
X | 01:12 What the deal says
X | 04:30 Night shifts
X | 07:45 What comes next
X | #ports #strike
X | Show less
C | 214 Comments
C | Sort by
C | @dockside_dave
C | 2 days ago
C | Good summary, the night shift part was what we all wanted to know.
C | 45
C | Reply
C | @feeder_ops
C | 1 day ago
C | What about the feeder berths?
C | Reply

X | بودكاست الميناء
T | الحلقة 42: كيف تغيرت موانئ الخليج في عشر سنوات
D | 2 ديسمبر 2026
X | 38 دقيقة
X | تشغيل
X | اشترك
B | في هذه الحلقة نتحدث مع خبير النقل البحري سامي الحداد عن التغيرات التي شهدتها موانئ الخليج خلال العقد الماضي، من أتمتة المحطات إلى المنافسة على خطوط الشحن.
B | ويشرح الحداد لماذا تتجه الموانئ إلى تحديد مواعيد الرسو أسبوعيا، وما الذي يعنيه ذلك لشركات الشحن الصغيرة.
X | 00:00 مقدمة
X | 03:20 الأتمتة في المحطات
X | 15:10 المنافسة بين الموانئ
X | استمع على: Spotify | Apple Podcasts | Google Podcasts
C | التعليقات (2)
C | أبو سالم
C | منذ 3 أيام
C | حلقة مفيدة جدا
C | رد
C | مريم
C | منذ يومين
C | نريد حلقة عن ميناء صلالة
C | رد
""",
)

PAGES["gen9s_discussion_en"] = (
    "Two discussion threads saved as text: a Reddit-style thread (the community's header, 'Posted by u/x 5h ago' above the title, the post's text, its points and action bar, the comment count, 'Sort by: Best', replies with 'level 1'/'level 2', 'user · 4h', their points and 'Reply Share Report'), and a Hacker-News-style 'Ask HN' thread (the menu, the title, 'N points by x 6 hours ago | hide | past | favorite | N comments', the text, 'add comment', replies with 'user 5 hours ago | next [–]' and 'reply').",
    """
X | r/shipping
X | Search Reddit
X | Log In

D | Posted by u/harbour_watch 5h ago
T | Port authority to fix berth windows weekly from January
B | The authority posted the notice this morning. Lines that miss their window twice in a month lose priority for the next month. Anyone here on the agents' side know how this will be enforced?
X | 1.4k
X | Share
X | Save
C | 212 comments
C | Sort by: Best
C | level 1
C | dockside_dave · 4h
C | They already do this at the east terminal. It works if the gate system is updated the same week.
C | 87
C | Reply Share Report
C | level 2
C | harbour_watch OP · 3h
C | Good to know, thanks.
C | 12
C | Reply Share Report
C | level 1
C | feeder_ops · 2h
C | Feeder lines will be hit hardest, our schedules change every day.
C | 41
C | Reply Share Report

X | Hacker News new | past | comments | ask | show | jobs | submit
T | Ask HN: Has anyone worked with berth-window booking systems?
D | 231 points by maritime_nerd 6 hours ago | hide | past | favorite | 87 comments
B | Our port moves from daily to weekly berth windows in January. I am looking for experiences with booking software that handles this well, especially for feeder lines whose schedules change often.
C | add comment
C | dockside_dave 5 hours ago | next [–]
C | We built ours in house. The hard part is not the booking, it is the gate appointments that have to follow it.
C | reply
C | portdev 4 hours ago | prev | next [–]
C | Look at how the Rotterdam terminals publish their windows, the format is simple and well documented.
C | reply
""",
)


if __name__ == "__main__":
    sys.exit(make_gen5.main(PAGES))
