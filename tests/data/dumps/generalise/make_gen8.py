"""Write the ``gen8_*`` generalisation dumps and their labels from the annotated pages below.

Run:  python tests/data/dumps/generalise/make_gen8.py

Same scheme as ``make_gen5.py`` (its ``build``/``main`` write the files; the tags are documented
there), for layouts media monitors collect that the suite lacked: Gulf and Arab state
news-agency wire copy (a dateline opening the body, "الرياض 14 جمادى الآخرة 1448 هـ الموافق 4
ديسمبر 2026 م واس" on its own line or "أبوظبي في 4 ديسمبر / وام /" opening the first paragraph,
closing marks "/انتهى/", "(وام)" and desk initials "ع م / ر ج", English wire versions "ABU DHABI,
4th December, 2026 (WAM) --"), an X/Twitter thread export, a Facebook page export and an Arabic
forum thread. Every page was written for mediamon's tests (same licence as mediamon, no site's
text), and labelled when it was written, before the segmenter was run on it.

Decisions (applied the same way on every page):

* a wire item's own dateline line (place, date, agency) is its date line; a dateline opening
  the first paragraph stays body; closing agency marks and desk initials are boilerplate;
* a post of an X thread or a Facebook page is an article (as a Telegram post in gen6): its
  header line (name, handle and date: "Name @handle · Dec 4, 2026") or its date line
  is its date line, its first line is its title, the rest its body; the counts, the action
  bar ("Like · Reply · 3h", "أعجبني · تعليق · مشاركة"), "Show this thread", "See more" and
  the page's name are boilerplate; a reply by another account and a comment under a post are
  comments; a quoted post inside a post is boilerplate (it is another account's text, shown
  as an embed);
* in a forum thread the opening post is the article (the thread title its title, its date
  line its date line); every reply is a comment, with its quotes, and signature lines are
  boilerplate.
"""

# ruff: noqa: E501  (page text is one line per paragraph)
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_gen5

PAGES: dict[str, tuple[str, str]] = {}

PAGES["gen8_wire_ar"] = (
    "صفحة أخبار من مواقع وكالات أنباء خليجية وعربية منسوخة نصا: خبر بأسلوب واس (سطر الرأسية 'الرياض 14 جمادى الآخرة 1448 هـ الموافق 4 ديسمبر 2026 م واس' ثم النص وعلامة '//انتهى//')، خبر بأسلوب وام (سطر التاريخ ثم 'أبوظبي في 4 ديسمبر / وام /' في أول الفقرة وختام 'وام/ع م/ر ج')، خبر بأسلوب كونا (رأسية 'الكويت - 4 - 12 (كونا) --' في أول الفقرة، وختام 'ع م / ر ج' و'كونا041015 جمت ديس 26')، وخبر بأسلوب قنا ('الدوحة في 04 ديسمبر /قنا/' في أول الفقرة وختام '/انتهى/').",
    """
X | وكالة الأنباء
X | الرئيسية | محليات | دولي | اقتصاد | رياضة

T | مجلس الوزراء يوافق على نظام جديد للنقل البحري
D | الرياض 14 جمادى الآخرة 1448 هـ الموافق 4 ديسمبر 2026 م واس
B | وافق مجلس الوزراء في جلسته التي عقدها اليوم على نظام النقل البحري الجديد، الذي ينظم تسجيل السفن وتراخيص الوكلاء الملاحيين ويحدد مسؤوليات الموانئ عن سلامة البضائع.
B | وأوضح وزير النقل أن النظام يمنح الهيئة العامة للموانئ صلاحية فرض غرامات على السفن المخالفة لاشتراطات السلامة، ويلزم الوكلاء بإبلاغ الهيئة بمواعيد الوصول قبل ثمان وأربعين ساعة.
X | //انتهى//
X | 10:15ت م
X | 0045

T | الإمارات تستضيف مؤتمرا دوليا للأمن الغذائي الشهر المقبل
D | الخميس 04 ديسمبر 2026
B | أبوظبي في 4 ديسمبر / وام / تستضيف الدولة في الخامس عشر من يناير المقبل مؤتمرا دوليا حول الأمن الغذائي، بمشاركة وزراء ومسؤولين من أكثر من أربعين دولة.
B | وقال رئيس اللجنة المنظمة إن المؤتمر سيناقش سبل تقليل الفاقد من الغذاء وتطوير الزراعة في البيئات الجافة وتمويل مشاريع تحلية المياه للري.
X | وام/ع م/ر ج

T | الكويت تطلق منصة إلكترونية موحدة لتراخيص البناء
D | 04/12/2026
B | الكويت - 4 - 12 (كونا) -- أطلقت بلدية الكويت اليوم الخميس منصة إلكترونية موحدة لإصدار تراخيص البناء، تختصر مدة إنجاز المعاملة من أسابيع إلى أيام.
B | وقال مدير عام البلدية في تصريح لوكالة الأنباء إن المنصة تربط البلدية بالجهات الحكومية المعنية، وتتيح للمواطنين متابعة طلباتهم دون مراجعة المكاتب.
X | ع م / ر ج
X | كونا041015 جمت ديس 26

T | قطر تفتتح أكبر محطة للطاقة الشمسية في البلاد
D | 04/12/2026
B | الدوحة في 04 ديسمبر /قنا/ افتتح وزير الدولة لشؤون الطاقة اليوم محطة للطاقة الشمسية بقدرة ثمانمئة ميغاواط، هي الأكبر في البلاد، وتغطي احتياجات نحو مئة ألف منزل.
B | وأوضح الوزير أن المحطة جزء من خطة لرفع حصة الطاقة المتجددة في إنتاج الكهرباء إلى عشرين في المئة بحلول عام 2030.
X | /انتهى/

X | جميع الحقوق محفوظة لوكالة الأنباء 2026
""",
)

PAGES["gen8_wire_en"] = (
    "An English news-agency page saved as text, in the styles of WAM, KUNA, Petra and MENA: each item is a headline, a date line, then a first paragraph opening with the agency's dateline ('ABU DHABI, 4th December, 2026 (WAM) --', 'KUWAIT, Dec 4 (KUNA) --', 'Amman, Dec. 4 (Petra) --', 'CAIRO, Dec 4 (MENA) -'), whose agency is the item's source; an item closes with the desk mark ('WAM/Esraa Ismail', 'aa.gb', 'KUNA 041215 GMT Dec 26', '(END)'), which is boilerplate.",
    """
X | News Agency | English
X | Home | UAE | World | Business | Sports

T | UAE, Jordan sign agreement on renewable energy projects
D | Thu 04/12/2026 14:20
BS | ABU DHABI, 4th December, 2026 (WAM) -- The UAE and Jordan on Thursday signed an agreement to develop solar and wind projects with a combined capacity of two gigawatts, the energy ministry said.
B | The agreement covers the financing and building of the plants over five years and the training of Jordanian engineers to run them.
X | WAM/Esraa Ismail

T | Kuwait's parliament committee approves draft housing law
D | 04/12/2026
BS | KUWAIT, Dec 4 (KUNA) -- A parliamentary committee approved on Thursday a draft law that would speed up the allocation of state housing to families on the waiting list, its chairman said.
B | The draft would let the housing authority partner with private developers to build units on state land. It now goes to the full assembly.
X | aa.gb
X | KUNA 041215 GMT Dec 26

T | Jordan's exports rise 7 percent in ten months
D | 4 December 2026
BS | Amman, Dec. 4 (Petra) -- Jordan's national exports rose by 7 percent in the first ten months of the year compared with the same period last year, the Department of Statistics said on Thursday.
B | Exports of clothing, potash and phosphates led the increase, while imports rose by 2 percent.
X | (END)

T | Egypt opens new terminal at Sokhna port
D | 04 December 2026
BS | CAIRO, Dec 4 (MENA) - Egypt on Thursday opened a new container terminal at Ain Sokhna port on the Red Sea with a yearly capacity of 1.7 million containers, the transport ministry said.
B | The terminal is run by an international operator under a 30-year concession.

X | © 2026 News Agency. All rights reserved.
""",
)

PAGES["gen8_x_thread_en"] = (
    "An X/Twitter thread copied from the browser, then a search results export: each post's header line ('Name @handle · Dec 4, 2026') above its text, whose first line is the post's title; the reply/repost/like/view counts line, 'Show this thread', a quoted post ('Quote' and the quoted account's header and text) set aside as boilerplate; a reply from another account is a comment.",
    """
X | Post
X | Thread

D | Gulf Ports Authority @gulfports_example · Dec 4, 2026
T | THREAD: What changes for ships calling at our ports from 1 January 🧵
B | New rules on pilot booking and berth windows take effect at all five ports. Here is what shipping lines and agents need to know. 1/3
X | 24 118 402 31K

D | Gulf Ports Authority @gulfports_example · Dec 4, 2026
T | Pilot bookings must be made 24 hours before arrival, up from 12 hours.
B | Late bookings will be served only if a pilot is free and will pay a surcharge. 2/3
X | 8 41 150 12K

D | Gulf Ports Authority @gulfports_example · Dec 4, 2026
T | Berth windows will be fixed weekly, not daily.
B | Lines that miss their window twice in a month lose priority for the next month. Full notice on our website. 3/3
X | Quote
X | Maritime Daily @maritimedaily_example · Dec 3, 2026
X | Ports authority to publish new berth rules this week, sources say
X | 5 33 97 9.4K
X | Show this thread

C | Hassan Agent @hassan_shipping_example · Dec 4, 2026
C | Replying to @gulfports_example
C | Will the surcharge apply to coastal feeders too?
X | 1 0 3 640

X | Search results
X | Latest

D | Port Workers Union @portunion_example · Dec 3, 2026
T | Union and port operator agree to resume talks on night-shift pay on Monday.
B | We thank members for their patience. Details at the general meeting on Sunday.
X | 12 65 210 18K
""",
)

PAGES["gen8_facebook_ar"] = (
    "صفحة فيسبوك لجهة حكومية منسوخة نصا: اسم الصفحة وسطر المتابعين، ثم كل منشور تحت اسم الصفحة وسطر التاريخ ('4 ديسمبر 2026 الساعة 10:15 ص · 🌍' أو '3 ديسمبر 2026 الساعة 8:40 م · 🌍')، أول سطر من المنشور عنوانه، ثم النص و'عرض المزيد'، عدد التفاعلات والتعليقات والمشاركات، شريط 'أعجبني · تعليق · مشاركة'، وتعليقات القراء بأسمائهم وسطر 'أعجبني · رد · 3 س' تحت كل تعليق؛ منشور بالإنجليزية ينتهي بـ'See more' و'Like · Reply · 3h'.",
    """
X | وزارة البلديات والإسكان
X | 125 ألف متابع
X | المنشورات

X | وزارة البلديات والإسكان
D | 4 ديسمبر 2026 الساعة 10:15 ص · 🌍
T | بدء استقبال طلبات الدعم السكني للدفعة الجديدة
B | تعلن الوزارة عن بدء استقبال طلبات الدعم السكني للدفعة الجديدة عبر المنصة الإلكترونية اعتبارا من الأحد المقبل ولمدة ثلاثين يوما.
B | ويشترط أن يكون المتقدم قد أتم الخامسة والعشرين وألا يملك مسكنا باسمه أو باسم زوجته... عرض المزيد
X | 👍❤️ 1.2 ألف
X | 134 تعليقًا  56 مشاركة
X | أعجبني · تعليق · مشاركة
C | أحمد الشمري
C | هل يشمل الدعم المتقاعدين؟
C | أعجبني · رد · 3 س
C | نورة العتيبي
C | متى تظهر نتائج الدفعة السابقة؟
C | أعجبني · رد · 2 س

X | وزارة البلديات والإسكان
D | 3 ديسمبر 2026 الساعة 8:40 م · 🌍
T | تنبيه: توقف المنصة الإلكترونية للصيانة مساء اليوم
B | تتوقف المنصة الإلكترونية عن العمل من العاشرة مساء حتى الثانية فجرا لأعمال الصيانة الدورية، ونعتذر عن أي إزعاج.
X | 👍 342
X | 21 تعليقًا
X | أعجبني · تعليق · مشاركة

X | Ministry of Municipalities and Housing
D | December 4, 2026 at 9:00 AM · 🌍
T | Applications for the new round of housing support open on Sunday.
B | Citizens can apply on the online platform for thirty days. Applicants must be at least 25 and must not own a home... See more
X | 👍❤️ 860
X | 47 comments  19 shares
X | Like · Comment · Share
C | Daniel Roy
C | Can residents apply as well?
C | Like · Reply · 3h
""",
)

PAGES["gen8_forum_ar"] = (
    "موضوع في منتدى عربي منسوخ نصا: عنوان الموضوع ثم المشاركة الأولى (رقمها وتاريخها وكاتبها وعدد مشاركاته، نص خبر منقول، 'المصدر: ...' والتوقيع تحت خط)، ثم الردود ('رد: ...'، اقتباس 'المشاركة الأصلية كتبت بواسطة X'، التوقيع)؛ المشاركة الأولى مقال، والردود تعليقات، والتوقيعات وأرقام المشاركات وبيانات الأعضاء نص ثابت.",
    """
X | منتديات الخليج > المنتدى العام > الأخبار المحلية
X | تسجيل الدخول | التسجيل | البحث

X | #1
D | 04-12-2026, 10:15 AM
T | افتتاح مستشفى جديد للأطفال في المنطقة الشرقية
X | أبو فهد
X | عضو مميز
X | تاريخ التسجيل: Mar 2019
X | المشاركات: 2,431
B | افتتح وزير الصحة اليوم مستشفى جديدا للأطفال في المنطقة الشرقية بسعة ثلاثمئة سرير، يضم قسما للطوارئ ووحدة للعناية المركزة لحديثي الولادة.
B | وقال الوزير إن المستشفى سيخفف الضغط عن المستشفيات العامة، وإن العمل جار على إنشاء مستشفيين مماثلين في الشمال والجنوب.
S | المصدر: صحيفة الشرق
X | __________________
X | اللهم اغفر لوالدي وارحمهما كما ربياني صغيرا

X | #2
C | 04-12-2026, 11:02 AM
C | رد: افتتاح مستشفى جديد للأطفال في المنطقة الشرقية
C | سارة
C | اقتباس:
C | المشاركة الأصلية كتبت بواسطة أبو فهد
C | افتتح وزير الصحة اليوم مستشفى جديدا للأطفال
C | خبر جميل، نتمنى أن يفتح قسم العيادات الخارجية قريبا.
X | __________________
X | لا إله إلا الله

X | #3
C | 04-12-2026, 12:40 PM
C | رد: افتتاح مستشفى جديد للأطفال في المنطقة الشرقية
C | مشرف المنتدى
C | تم نقل الموضوع إلى قسم الأخبار المحلية.

X | جميع الأوقات بتوقيت GMT +3. الساعة الآن 01:05 PM.
X | Powered by vBulletin
""",
)


if __name__ == "__main__":
    sys.exit(make_gen5.main(PAGES))
