"""Write the ``gen9_*`` generalisation dumps and their labels from the annotated pages below.

Run:  python tests/data/dumps/generalise/make_gen9.py

Same scheme as ``make_gen5.py`` (its ``build``/``main`` write the files; the tags are documented
there: ``DS`` is a digest item's head, ``BU`` a line opening an untitled item), for the layouts
media monitors collect that the suite lacked: a monitoring service's daily press review in
English and in Arabic, broadcast transcripts (a radio bulletin in English, a TV bulletin in
Arabic), an OCR'd e-paper page in English and in Arabic, and a forwarded e-mail chain carrying
press releases. Every page was written for mediamon's tests (same licence as mediamon, no
site's text), and labelled when it was written, before the segmenter was run on it.

Decisions (applied the same way on every page):

* press review: each paper's item is an article; its numbered head ("1. Al-Quds al-Arabi
  (London), 4 December 2026:", "1- صحيفة الأهرام (القاهرة) - 4 ديسمبر 2026:") is its date line
  and its source line (the outlet, without the city), the headline under it its title, the
  summary its body; the digest's header (service name, issue date, the note on how it was
  compiled), the country headings ("EGYPT", "أولا: الصحف المصرية") and the footer (end mark,
  subscription and copyright lines) are boilerplate;
* broadcast transcript: each story is an untitled article (title ""), opened by its time code
  ("[07:01] Presenter: ..." opens the item's first body line; a time code alone on its line,
  "12:03 GMT", is boilerplate and the next line opens the item); speaker labels stay in the
  body lines they open; the programme header (channel, programme, broadcast time), the
  jingle/music/break marks, the sign-off ("And that is the end of the news", "إلى هنا نصل
  إلى ختام النشرة") and "Transcript ends" are boilerplate;
* OCR'd e-paper: as in gen6_pdf_paper_en, each printed line is a body line (a hyphenated word
  stays split across two lines); the running head and foot (page number, paper name, date,
  page section), the jump lines ("Continued on page 5", "From page 1", "التتمة ص 5",
  "تتمة المنشور ص 1"), column rules and stray OCR characters ("|", "■", ".,", one letter) are
  boilerplate; a continuation carries its story's headline and is an article of its own;
* forwarded e-mail chain: each press release is an article (its own headline its title, its
  date line its date line); the e-mail furniture (the "Forwarded message" and "Original
  Message" rules, From/Date/Subject/To/Cc headers, "On ... wrote:" and the "> " quoted lines of
  an earlier message, the forwarder's covering notes, greetings and signatures, the
  confidentiality disclaimer) and the release's own furniture ("FOR IMMEDIATE RELEASE",
  "بيان صحفي", "-ENDS-", "-انتهى-", the media-contact lines) are boilerplate.
"""

# ruff: noqa: E501  (page text is one line per paragraph)
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_gen5

PAGES: dict[str, tuple[str, str]] = {}

PAGES["gen9_digest_en"] = (
    "A media-monitoring service's daily review of the Arab press, received as plain text: the digest's header (service, issue date, how it was compiled), country headings in capitals, then numbered items, each a head 'N. Outlet (City), 4 December 2026:' (its date and outlet line), a headline and a summary of one or two paragraphs, one with a 'By X' line; an end mark, a subscription line and a copyright line close it.",
    """
X | GULF MONITORING SERVICE
X | Arab press review, Thursday 4 December 2026
X | Selected and summarised from the morning editions by the service's Arabic desk. Quotes are translated.

X | LEBANON

DS | 1. Al-Akhbar (Beirut), 4 December 2026:
T | Ministers split over plan to raise electricity tariffs
B | The paper says the cabinet failed for a second week to agree on the energy minister's plan to raise tariffs for households that use more than 300 kilowatt-hours a month.
B | It quotes a minister as saying that the finance ministry wants the rise to start in January, while two parties in the government want it put off until the summer.

DS | 2. An-Nahar (Beirut), 4 December 2026:
T | Banks and depositors: a new draft, the same deadlock
A | By Rana Saad
B | In an opinion piece, the writer argues that the new draft on depositors' losses repeats the mistakes of the last one, because it leaves open who pays first.

X | EGYPT

DS | 3. Al-Ahram (Cairo), 4 December 2026:
T | Government promises cheaper fertiliser before the planting season
B | The state-owned daily reports that the agriculture ministry will sell fertiliser to cooperatives at a fixed price from next week, and that factories have been told to supply the local market before exporting.

DS | 4. Al-Shorouk (Cairo), 4 December 2026:
T | Metro line three extension to open in stages
B | The paper says the first four stations of the extension to the western districts will open in February and the rest by the end of the year, citing officials of the tunnel authority.
B | It adds that ticket prices on the new stretch will be the same as on the rest of the line.

X | GULF

DS | 5. Al-Quds al-Arabi (London), 4 December 2026:
T | Gulf states weigh a joint rail timetable
B | The London-based daily says transport ministers will discuss a common timetable for the cross-border rail link at their meeting next week, and that two states still disagree over customs checks on trains.

X | End of review
X | To change your selection of countries or unsubscribe, reply to this message with the word STOP.
X | © 2026 Gulf Monitoring Service. For subscribers only; not for redistribution.
""",
)

PAGES["gen9_digest_ar"] = (
    "نشرة رصد صحفي يومية بالعربية كما تصل بالبريد نصا: رأس النشرة (اسمها وتاريخ العدد وسطر عن طريقة إعدادها)، عناوين الأقسام ('أولا: الصحف المصرية')، ثم بنود مرقمة لكل منها رأس 'N- صحيفة X (المدينة) - 4 ديسمبر 2026:' (سطر التاريخ والمصدر) ثم عنوان ثم ملخص من فقرة أو اثنتين؛ وفي آخرها 'انتهى العرض'، سطر الاشتراك وحقوق النشر.",
    """
X | نشرة الرصد الصحفي اليومية
X | العدد 1412 - الخميس 4 ديسمبر 2026
X | عرض لأبرز ما نشرته الصحف العربية صباح اليوم، من إعداد قسم الرصد

X | أولا: الصحف المصرية

DS | 1- صحيفة الأهرام (القاهرة) - 4 ديسمبر 2026:
T | الحكومة تتعهد بتوفير الأسمدة للمزارعين قبل الموسم الشتوي
B | نقلت الصحيفة عن وزير الزراعة أن الوزارة ستبيع الأسمدة للجمعيات التعاونية بسعر ثابت اعتبارا من الأسبوع المقبل، وأن المصانع ملزمة بتلبية حاجة السوق المحلية قبل التصدير.

DS | 2- صحيفة المصري اليوم (القاهرة) - 4 ديسمبر 2026:
T | جدل في البرلمان حول تعديلات قانون الإيجار القديم
B | ذكرت الصحيفة أن لجنة الإسكان في مجلس النواب أرجأت التصويت على التعديلات للمرة الثانية، بعد اعتراض نواب على مدة المرحلة الانتقالية المقترحة.
B | وأضافت أن الحكومة تقترح مرحلة انتقالية من خمس سنوات، بينما يطالب نواب بسبع سنوات على الأقل.

X | ثانيا: الصحف الخليجية

DS | 3- صحيفة الرياض (الرياض) - 4 ديسمبر 2026:
T | خطة لرفع طاقة الموانئ على البحر الأحمر
B | أفادت الصحيفة بأن هيئة الموانئ تعتزم طرح مناقصتين لتوسعة محطتي الحاويات في ميناءين على البحر الأحمر مطلع العام المقبل، بكلفة تتجاوز ملياري ريال.

DS | 4- صحيفة الخليج (الشارقة) - 4 ديسمبر 2026:
T | المدارس تستعد لتطبيق نظام التقويم الجديد
B | قالت الصحيفة إن وزارة التربية أبلغت المدارس بجدول الفصل الدراسي الثاني وفق التقويم الجديد، الذي يقصر الإجازة الشتوية إلى أسبوعين.

X | انتهى العرض الصحفي
X | للاشتراك في النشرة أو إلغاء الاشتراك يرجى الرد على هذه الرسالة
X | جميع الحقوق محفوظة © 2026 مركز الرصد الإعلامي
""",
)

PAGES["gen9_broadcast_mixed"] = (
    "Two broadcast transcripts as a monitoring desk files them: an English radio bulletin (header with channel, language, time and date; '[Jingle]'; each story opened by a time code '[07:01]' before the speaker's label 'Presenter:', then turns of 'Correspondent X:' or a recorded voice; a sign-off and 'Transcript ends') and an Arabic TV bulletin (header, a time code '12:03 GMT' alone on a line above each story, labels 'المذيع:', 'المراسل من الدوحة:', '[فاصل]', a sign-off and 'انتهى النص'). Each story is an untitled article.",
    """
X | GULF MONITORING SERVICE - BROADCAST TRANSCRIPT
X | Gulf Radio (Doha), in English, 07:00 GMT, Thursday 4 December 2026
X | Programme: Morning News Bulletin
X | [Jingle]

BU | [07:01] Presenter: The cabinet has approved a draft law that would cap rents in the capital for three years. Ministers said the cap was needed after rents rose by a fifth this year.
B | Correspondent Yusuf Amin: The draft now goes to the Shura Council, which is expected to debate it before the end of the month. Landlords' associations say the cap will discourage new building.

BU | [07:04] Presenter: Talks between the two port operators and the dockworkers' union resumed on Wednesday evening after a break of a week.
B | Union spokesman (recorded): We are ready to sign if night-shift pay is settled. We are not asking for more than we were promised last year.
B | Presenter: Both sides are due to meet again on Saturday.

BU | [07:07] Presenter: In sport, the national football team has named its squad for next month's regional championship, with three uncapped players.
B | Coach (in Arabic, voice-over in English): The young players earned their place in the league. We will go there to win.

X | [07:09] Presenter: And that is the end of the news. The weather is next.
X | [Music]
X | Transcript ends

X | قناة الخليج الإخبارية (الدوحة)، بالعربية، نشرة الظهيرة، الخميس 4 ديسمبر 2026
X | البرنامج: نشرة أخبار الظهيرة
X | 12:00 GMT
BU | المذيع: وافق مجلس الوزراء في جلسته اليوم على مشروع قانون يحدد سقفا للإيجارات في العاصمة لمدة ثلاث سنوات.
B | المراسل من الدوحة: يحال مشروع القانون الآن إلى مجلس الشورى، ومن المتوقع أن يناقشه قبل نهاية الشهر، فيما تقول جمعيات الملاك إن السقف سيحد من البناء الجديد.

X | 12:03 GMT
BU | المذيعة: وفي الشأن الاقتصادي، أعلن البنك المركزي إبقاء أسعار الفائدة دون تغيير للمرة الثالثة على التوالي.
B | محلل اقتصادي (عبر الهاتف): القرار كان متوقعا، فالتضخم تراجع لكنه لم يصل بعد إلى المستوى الذي يستهدفه البنك.

X | 12:06 GMT
BU | المذيع: رياضيا، تأهل المنتخب الوطني لكرة اليد إلى الدور نصف النهائي من البطولة العربية بعد فوزه مساء أمس.
X | [فاصل]
X | المذيع: إلى هنا نصل إلى ختام هذه النشرة، شكرا لمتابعتكم.
X | انتهى النص
""",
)

PAGES["gen9_epaper_mixed"] = (
    "Two pages of e-paper editions run through OCR: an English daily's page (running head 'Page N | THE GULF DAILY | date | section', its foot, hyphenated words split over lines, 'Continued on page 5', a continuation headed by its story's headline under 'From page 1', column rules, stray characters the OCR made of rules and dots) and an Arabic daily's page (running head with page number, paper name and date, 'التتمة ص 5', 'تتمة المنشور ص 1', stray characters); each printed line is its own body line.",
    """
X | Page 4 | THE GULF DAILY | Thursday, December 4, 2026 | LOCAL
X | ■

T | Desalination plant opens on east coast
A | By Karim Saleh
B | The largest desalination plant on the east
B | coast opened yesterday, with a daily ca-
B | pacity of 600,000 cubic metres, enough
B | for about one million people.
X | |
B | The energy minister told guests that the
B | plant runs partly on solar power and that
B | the cost of each cubic metre would fall by
B | a quarter once the second phase is com-
X | Continued on page 5

T | Airport taxi fares to rise in January
B | Taxi fares from the airport will rise by
B | ten per cent from January 1, the trans-
B | port authority said, the first rise since
B | 2021. Drivers had asked for twenty.
X | .,
X | ----------------------------------------

X | From page 1
T | Budget puts schools and hospitals first
B | A further 1.2 billion riyals will go to
B | the school building programme, and
B | three new hospitals are due to open in
B | the north before the end of 2028.
X | l
X | 4 THE GULF DAILY Thursday, December 4, 2026

X | 5 الخليج اليومية الخميس 4 ديسمبر 2026 محليات
T | افتتاح أكبر محطة لتحلية المياه على الساحل الشرقي
A | كتب: سامر عيسى
B | افتتح وزير الطاقة والمياه أمس أكبر محطة
B | لتحلية المياه على الساحل الشرقي بطاقة
B | ستمئة ألف متر مكعب يوميا، تكفي نحو
B | مليون نسمة من مياه الشرب.
X | ■ ■
B | وقال الوزير إن المحطة تعمل جزئيا بالطاقة
B | الشمسية، وإن كلفة إنتاج المتر المكعب
X | التتمة ص 7

X | تتمة المنشور ص 1
T | الميزانية تمنح الأولوية للتعليم والصحة
B | وتخصص الميزانية مليارا ومئتي مليون ريال
B | لبرنامج بناء المدارس، على أن تفتتح ثلاثة
B | مستشفيات جديدة في الشمال قبل نهاية 2028.
X | ا
X | الصفحة 5 - الخليج اليومية
""",
)

PAGES["gen9_email_mixed"] = (
    "A forwarded e-mail chain saved as text, as a monitoring desk receives press releases: a covering note and its signature, 'Forwarded message' rules with From/Date/Subject/To headers, an English release ('FOR IMMEDIATE RELEASE', headline, date line, body, '-ENDS-', media contact), a confidentiality disclaimer, an 'Original Message' block from Outlook (From/Sent/To/Cc/Subject) with a reply and an 'On ... wrote:' line over a quoted '> ' note, then an Arabic release ('بيان صحفي', 'للنشر الفوري', headline, date line, body, '-انتهى-', contact line, an Arabic disclaimer).",
    """
X | Hi all,
X | Two releases for tomorrow's file below, the second one is in Arabic.
X | Thanks,
X | Omar Khalil
X | Desk editor, Gulf Monitoring Service

X | ---------- Forwarded message ---------
X | From: Ports Authority Media Office <media@ports-authority.example>
X | Date: Thu, 4 Dec 2026 at 09:12
X | Subject: PRESS RELEASE: Night pilot service extended to all ports
X | To: <newsdesk@monitor.example>

X | FOR IMMEDIATE RELEASE
T | Ports authority extends night-time pilot service to all five ports
D | 4 December 2026
B | The Ports Authority will extend its night-time pilot service to all five commercial ports from 1 January, cutting waiting times for ships that arrive after dark.
B | The service now runs only at the two largest ports, where ships arriving at night wait on average six hours for a pilot to board.
B | "Shipping lines have asked for this for years, and we now have enough trained pilots to do it," the authority's director of marine services said.
X | -ENDS-
X | Media contact: Layla Nasser, +974 0000 0000, media@ports-authority.example
X | This e-mail and any files transmitted with it are confidential and intended solely for the addressee. If you have received it in error, please notify the sender and delete it.

X | -----Original Message-----
X | From: Sara Haddad <sara@monitor.example>
X | Sent: Wednesday, December 3, 2026 5:05 PM
X | To: Omar Khalil <omar@monitor.example>
X | Cc: Arabic Desk <arabic@monitor.example>
X | Subject: RE: Health ministry release
X | Yes, please include it. The Arabic text is below.
X | Sara
X | On Wed, 3 Dec 2026 at 16:52, Omar Khalil <omar@monitor.example> wrote:
X | > Sara, should the health ministry's release go in tomorrow's file?
X | > Omar

X | ---------- Forwarded message ---------
X | From: المكتب الإعلامي - وزارة الصحة <media@moh.example>
X | Date: Wed, 3 Dec 2026 at 16:40
X | Subject: بيان صحفي | إطلاق حملة التطعيم الموسمية
X | To: <newsdesk@monitor.example>

X | بيان صحفي
X | للنشر الفوري
T | وزارة الصحة تطلق حملة التطعيم الموسمية ضد الإنفلونزا
D | الأربعاء 3 ديسمبر 2026
B | أطلقت وزارة الصحة اليوم حملة التطعيم الموسمية ضد الإنفلونزا في جميع المراكز الصحية، وتستمر الحملة ثمانية أسابيع.
B | وأوضحت الوزارة أن اللقاح مجاني لكبار السن والحوامل والمصابين بأمراض مزمنة، وأن بقية الفئات يمكنها الحصول عليه برسوم رمزية.
X | -انتهى-
X | للتواصل الإعلامي: إدارة الإعلام والعلاقات العامة، هاتف 0000 0000
X | تنويه: هذه الرسالة ومرفقاتها سرية ومخصصة للمرسل إليه فقط، وإذا وصلتك خطأ فيرجى إبلاغ المرسل وحذفها.
""",
)


if __name__ == "__main__":
    sys.exit(make_gen5.main(PAGES))
