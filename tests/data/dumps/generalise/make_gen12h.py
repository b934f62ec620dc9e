"""Write the ``gen12_*_held_out_*`` generalisation dumps (a fresh reserved set) and their labels.

Run:  python tests/data/dumps/generalise/make_gen12h.py

Same scheme as ``make_gen5.py`` (its ``build`` writes the files; the tags are documented there),
for site styles no development dump shows: two interview pages in question-and-answer form, a
daily's corrections and clarifications page, an Arabic regional TV station's page (the day's
programme schedule over its news items), an Arabic university's news centre (news cards under
faculty labels, an events column), a ports authority's media centre giving each item in Arabic
and then in English, and two photo-gallery pages (English and Arabic). Every page was written
for mediamon's tests (same licence as mediamon, no site's text; people, outlets and institutions
invented, real countries and cities), and labelled when it was written, before the segmenter
was run on it. The rows are marked ``reserved``: never used to write rules, measured once when
written (``docs/evaluation.md``, "heldout20"); the earlier reserved rows (``gen10_*``, heldout18)
were seen while fixing, so they now count as development rows.

Decisions (applied the same way on every page):

* an interview is one article: the interviewer's byline is its author, the introduction its
  first body line, and every question and every answer a body line in order (with their 'Q:' /
  'A:' when the site prints them); a portrait's caption and its photographer's credit are
  captions, and so is a pull quote (a sentence of an answer repeated in display type beside the
  text); the stock note 'This interview has been edited for length and clarity.' is
  boilerplate, while a closing line written for the article (the book's publisher) is body;
* a corrections page: each entry is an article, its 'Correction: ...' or 'Clarification: ...'
  heading its title and its date line its date; a readers' editor's column among the entries is
  an article with its byline; the dates and headlines of the corrected articles quoted in an
  entry are body; the page heading, the standing note on how to report an error, the 'View the
  corrected article' links, the archive months and 'Load more' are boilerplate;
* a TV station's page: the day's schedule (its heading with the date, a line per programme with
  its time) is boilerplate; each news item is an article; its 'watch the report' line with the
  video's length and its 'from programme' line are boilerplate; a 'most watched' box's titles are
  related links; the satellite frequency and the app links are boilerplate;
* a university's news list: each news card is an article (title, date, text); the faculty label
  above a card's title is boilerplate (a card's tag, printed before the article starts), as are
  'read more', the filter bar, the pagination, the address and phone lines; the events column's
  and the announcements box's headers are boilerplate, their entries (an event's date and title
  on one line, an announcement's title) related links;
* an item given in two languages one under the other: each version is an article of its own
  (its headline, date line and text), in the order printed; a tender's closing date on a line of
  its own is body (the notice's content), not a date line; bilingual menus, share rows and
  footers are boilerplate;
* a photo gallery is one article whose body is its introduction; each photo's counter ('1 / 5',
  'الصورة 1 من 4') is boilerplate, its caption and its credit line captions; the titles under
  'Next gallery' or 'ألبومات أخرى' are related links.
"""

# ruff: noqa: E501  (page text is one line per paragraph)
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_gen5

PAGES: dict[str, tuple[str, str]] = {}

PAGES["gen12_interview_held_out_en"] = (
    "Two interview pages copied into one file: a culture magazine's long interview (skip link, masthead, menu, section label, the headline quoting the interviewee, a byline, a date, a reading time, a portrait caption with its photographer, an introduction, the stock 'edited for length and clarity' note, then each question on a line of its own with the answer under it, blank lines between, a pull quote repeating a sentence of an answer, a closing line on the book's publisher, a share row and a topics line), then a business site's 'Q&A' page ('Q:' and 'A:' opening each turn, no blank lines, an 'Updated' date with a time, a 'Related interviews' block and a footer).",
    """
X | Skip to main content
X | The Meridian Review
X | Books | Film | Music | Ideas | Interviews | Podcasts | Subscribe
X | Interviews

T | 'A port city remembers everything': Salma Idrissi on her novel of Tangier
A | By Daniel Okonjo
D | 3 December 2026
X | 12 min read
P | Salma Idrissi at her flat in Rabat, November 2026. Photograph: Youssef Amrani for The Meridian Review

B | Salma Idrissi's third novel, The Salt Ledger, follows three generations of a family of customs clerks in Tangier, from the last years of the international zone to the building of the new container port. Written in Arabic and published in English this autumn, it was shortlisted last month for the Halcyon prize for fiction in translation. We met in Rabat, where she has lived since 2009.

X | This interview has been edited for length and clarity.

B | The book opens with an entry in a customs ledger from 1951. Where did it start for you?

B | With a real ledger, more or less. My grandfather worked at the port for thirty-one years, and when he died we found four of his notebooks in a suitcase under the bed. They were not diaries. They were lists: ships, cargoes, the names of men who owed him a favour. I read them for a year before I wrote a single sentence.

B | Your clerks are not heroes. They stamp papers, they take small gifts, they look away. Did you worry that readers would judge them?

B | I worried that I would judge them, which is worse. A port city remembers everything, even what it pretends to forget. The clerks are the ones who write it down, so they are guilty and they are witnesses at the same time. I wanted to keep both of those things in every chapter.

P | "A port city remembers everything, even what it pretends to forget."

B | The English translation keeps many words in Darija and in Spanish. Was that your decision or the translator's?

B | We decided together. Claire Dumont and I spent two weeks going through the manuscript line by line. Some words carry a whole neighbourhood inside them; if you translate them, the neighbourhood disappears.

B | What are you working on now?

B | A short book about my mother's village in the Rif, and how the road changed it. It is the opposite of Tangier: nobody there wrote anything down.

B | The Salt Ledger by Salma Idrissi, translated by Claire Dumont, is published by Harbour Lane Press.

X | Share: Facebook · X · WhatsApp · Email
X | Topics: Fiction, Morocco, Translation

X | Gulf Markets Daily
X | Markets | Economy | Energy | Companies | Opinion | Q&A
T | Q&A: Oman's new sovereign fund chief on where the money will go
A | By Priya Raman
D | Updated December 4, 2026 08:15 GMT
B | Nasser al-Kindi took over as chief executive of the Oman Horizon Fund in September. He spoke to Gulf Markets Daily in Muscat about the fund's first strategy under his leadership and its plans for local companies.
B | Q: The fund manages about $50 billion. How much of that will stay in Oman?
B | A: Our target is that a little under half is invested at home by 2030, mostly in logistics, fisheries and renewable energy. The rest stays abroad, because the fund also has to protect the country when oil prices fall.
B | Q: Some local businesses say the fund crowds them out. Is that fair?
B | A: It was a fair complaint five years ago. Today we take minority stakes and leave the management to the founders. We would rather own twenty per cent of a good company than all of a bad one.
B | Q: Will you list any of your holdings on the Muscat exchange?
B | A: Two of them next year, if the market is ready. I will not give you the names.
X | Related interviews
R | Q&A: Kuwait's port operator on the northern corridor
R | Q&A: The banker financing Bahrain's solar farms
X | About | Contact | Advertise | Terms of use
X | © 2026 Gulf Markets Daily
""",
)

PAGES["gen12_corrections_held_out_en"] = (
    "A daily's corrections and clarifications page copied whole: the masthead and menu, the page heading and a standing note on how to report an error (an e-mail address and a phone number), then one entry after another, each a heading opening 'Correction:' or 'Clarification:', a date line with a time ('Thu 4 Dec 2026 18.02 GMT'), one or two paragraphs saying what an earlier article said (quoting its headline and date) and what is right, and a 'View the corrected article' link; a readers' editor's column with a byline among the entries; the archive by month, 'Load more' and the footer at the end.",
    """
X | The Lakeside Herald
X | News | Politics | Business | Sport | Opinion | Corrections
X | Corrections and clarifications
X | The Herald corrects significant errors as quickly as possible. To report an error, email the readers' editor at corrections@lakesideherald.example or call 0161 496 0732.

T | Correction: harbour fee increase is 25%, not a third
D | Thu 4 Dec 2026 18.02 GMT
B | An article on 2 December ("Harbour fees to rise by a third from April") said that the port authority had approved a 33% rise in mooring fees. The increase approved by the board is 25%, and it applies only to vessels longer than 12 metres. The article has been amended.
X | View the corrected article

T | Clarification: figures on council housing waiting lists
D | Wed 3 Dec 2026 17.40 GMT
B | A report on 1 December about the council's housing plan gave the number of households on the waiting list as 4,800. That figure counts applications rather than households, and some households have made more than one application. The council says 3,950 households are waiting.
B | The report also said the plan had been approved. It was approved by the housing committee and will go to the full council on 15 December.
X | View the corrected article

T | Readers' editor: why we named the driver in the Millgate Road crash
A | By Helen Achebe
D | Wed 3 Dec 2026 09.00 GMT
B | Several readers wrote to ask why the Herald published the name of the driver charged after last week's crash on Millgate Road, in which a cyclist was seriously injured.
B | Our practice is to name adults once they have been charged and have appeared in court, as he had on the morning the story was published. Naming people who have not yet been tried is never comfortable, but it is how open justice works, and anonymous court reporting would make errors more likely, not less.
B | We did, however, get one detail wrong: the driver is 34, not 43. That has been corrected.

T | Correction: name of the hospital's chief executive
D | Tue 2 Dec 2026 16.15 GMT
B | A caption on a picture with our report on the opening of the new maternity wing misspelt the name of the chief executive of Lakeside General Hospital. She is Margaret Oduya, not Margret Oduyo. We apologise for the error.
X | View the corrected article

X | Earlier corrections
X | November 2026 | October 2026 | September 2026 | Archive
X | Load more
X | About us | Contact | Complaints | Privacy
X | © 2026 Lakeside Herald Media Ltd
""",
)

PAGES["gen12_tvstation_held_out_ar"] = (
    "صفحة موقع قناة تلفزيونية إقليمية منسوخة كاملة: اسم القناة وزر 'البث المباشر' والقائمة، جدول بث اليوم (عنوانه بتاريخ اليوم، ثم لكل برنامج ساعته واسمه)، ثم 'أخبار القناة': لكل خبر عنوانه وسطر التاريخ والساعة، وسطر 'شاهد التقرير' بمدة الفيديو (إلا خبرا واحدا)، والنص، وسطر 'من برنامج: ...' أو سطر المصدر؛ بين الأخبار صندوق 'الأكثر مشاهدة' بعناوينه؛ وفي آخر الصفحة تردد القناة على القمر الصناعي وروابط تطبيق القناة وسطر الحقوق.",
    """
X | قناة الواحة الفضائية
X | البث المباشر
X | الرئيسية | الأخبار | البرامج | جدول البث | مذيعونا | اتصل بنا
X | جدول البث - الجمعة 4 ديسمبر 2026
X | 06:00 القرآن الكريم
X | 07:00 صباح الواحة
X | 10:00 نشرة الأخبار
X | 12:30 الأرض والناس (إعادة)
X | 16:00 ملاعب الجنوب
X | 19:00 نشرة الأخبار الرئيسية
X | 21:00 مسلسل بيت الجد - الحلقة 12
X | أخبار القناة

T | افتتاح سوق الخضار المركزي الجديد بعد تأخر دام عامين
D | الجمعة 4 ديسمبر 2026 - 13:20
X | ▶ شاهد التقرير (02:45)
B | افتتح محافظ الإقليم صباح اليوم سوق الخضار والفواكه المركزي الجديد على الطريق الدائري، بعد تأخر في الأشغال دام نحو عامين بسبب خلاف بين البلدية والمقاول على كلفة التوسعة.
B | ويضم السوق مئة وعشرين محلا للبيع بالجملة ومستودعا مبردا، وقال رئيس البلدية إن نقل التجار من السوق القديم وسط المدينة سيخفف الازدحام في الشوارع المحيطة به.
B | واشتكى عدد من صغار التجار من ارتفاع بدل الإيجار في السوق الجديد، وطالبوا بإعفائهم منه في الأشهر الستة الأولى.
X | من برنامج: نشرة الأخبار

T | مزارعو النخيل يبدؤون موسم التلقيح مبكرا بسبب دفء الشتاء
D | الخميس 3 ديسمبر 2026 - 19:05
X | ▶ شاهد التقرير (04:10)
B | بدأ مزارعو النخيل في قرى الواحة موسم التلقيح قبل موعده المعتاد بأسابيع، بعد شتاء دافئ قال المزارعون إنه دفع الأشجار إلى الإزهار مبكرا.
B | ويخشى المزارعون أن يؤثر ذلك في جودة التمور إذا عادت موجة برد في الربيع، فيما دعت مديرية الزراعة إلى متابعة نشراتها الإرشادية.
X | من برنامج: الأرض والناس

X | الأكثر مشاهدة
R | حلقة خاصة عن سد الوادي الكبير
R | لقاء مع رئيس نادي شباب الواحة
R | ملاعب الجنوب: ملخص مباريات الأسبوع

T | تعليق الدراسة يوم الأحد في مدارس المناطق الصحراوية بسبب عاصفة رملية
D | الخميس 3 ديسمبر 2026 - 16:40
B | قررت مديرية التربية تعليق الدراسة يوم الأحد المقبل في مدارس المناطق الصحراوية، بعد تحذير من عاصفة رملية يتوقع أن تشتد صباحا وتحد من الرؤية على الطرق.
B | وقالت المديرية في بيان إن الدوام سيعود إلى طبيعته يوم الاثنين ما لم يصدر بيان جديد، ودعت أولياء الأمور إلى متابعة نشرات القناة.
S | المصدر: وكالة الأنباء الوطنية

X | تابعونا على التردد 11823 أفقي - نايل سات
X | حمّل تطبيق القناة: App Store | Google Play
X | جميع الحقوق محفوظة © 2026 قناة الواحة الفضائية
""",
)

PAGES["gen12_university_held_out_ar"] = (
    "صفحة أخبار المركز الإعلامي في موقع جامعة عربية منسوخة كاملة: اسم الجامعة ورابطا 'English' و'البوابة الإلكترونية'، القائمة، مسار التصفح، عنوان القسم وشريط التصفية بالكليات، ثم بطاقات الأخبار: فوق كل عنوان اسم الكلية، وتحته التاريخ بالأرقام العربية الهندية، ثم فقرة أو فقرتان و'اقرأ المزيد'؛ بين البطاقات عمود 'الفعاليات القادمة' (لكل فعالية تاريخها وعنوانها في سطر) وصندوق 'إعلانات'؛ وفي آخر الصفحة أرقام الصفحات وعنوان الجامعة وهاتفها وسطر الحقوق.",
    """
X | جامعة السهل الأهلية
X | English | البوابة الإلكترونية
X | الرئيسية | عن الجامعة | الكليات | القبول والتسجيل | البحث العلمي | المركز الإعلامي
X | الرئيسية › المركز الإعلامي › الأخبار
X | أخبار الجامعة
X | الكل | الهندسة | الطب | الآداب | العلوم الإدارية

X | كلية الهندسة
T | فريق من طلبة الهندسة يفوز بالمركز الأول في مسابقة الروبوت العربية
D | الأربعاء ٣ ديسمبر ٢٠٢٦
B | فاز فريق من طلبة قسم هندسة الحاسوب بالمركز الأول في المسابقة العربية للروبوتات التي استضافتها مدينة الدوحة الأسبوع الماضي، بمشاركة أربعين فريقا من اثنتي عشرة دولة.
B | وصمم الفريق المؤلف من خمسة طلاب روبوتا يفرز النفايات القابلة لإعادة التدوير بالاعتماد على الكاميرا، وقال مشرف الفريق الدكتور ماهر العبادي إن الجامعة ستدعم تطوير النموذج ليستخدم في مصانع المدينة.
X | اقرأ المزيد

X | كلية الطب
T | افتتاح مختبر المحاكاة السريرية بكلفة مليوني دينار
D | الثلاثاء ٢ ديسمبر ٢٠٢٦
B | افتتح رئيس الجامعة مختبر المحاكاة السريرية في كلية الطب، ويضم عشرين دمية تحاكي حالات طبية طارئة وغرفتي عمليات للتدريب، بتمويل من صندوق دعم البحث العلمي.
X | اقرأ المزيد

X | الفعاليات القادمة
R | ١٠ ديسمبر ٢٠٢٦ | ندوة: الأمن المائي في بلاد الشام
R | ١٤ ديسمبر ٢٠٢٦ | معرض التوظيف السنوي
R | ١٨ ديسمبر ٢٠٢٦ | حفل تخريج الفوج الخامس عشر
X | إعلانات
R | تمديد موعد تسليم طلبات المنح البحثية حتى نهاية الشهر
R | نتائج الامتحانات التكميلية للفصل الصيفي

X | كلية الآداب
T | مؤتمر دولي في كلية الآداب عن الترجمة والذكاء الاصطناعي
D | الاثنين ١ ديسمبر ٢٠٢٦
B | انطلقت أعمال المؤتمر الدولي الثالث للترجمة في كلية الآداب بمشاركة باحثين من الأردن ومصر وتونس والمغرب وإسبانيا، ويناقش على مدى يومين أثر أدوات الترجمة الآلية في تعليم اللغات.
B | وقالت عميدة الكلية الدكتورة سناء الربضي في كلمة الافتتاح إن المترجم لن يختفي لكن عمله سيتغير، وإن على أقسام اللغات أن تعلم طلبتها مراجعة النصوص المترجمة آليا وتدقيقها.
X | اقرأ المزيد

X | ١ ٢ ٣ ... ١٢ التالي »
X | جامعة السهل الأهلية - ص.ب ٣٣٠، إربد، الأردن
X | هاتف: ٠٠٩٦٢٢٧٢٥٥٠٠٠ | البريد الإلكتروني: media@sahel-uni.example
X | جميع الحقوق محفوظة © ٢٠٢٦ جامعة السهل الأهلية
""",
)

PAGES["gen12_parallel_held_out_mixed"] = (
    "A ports authority's bilingual media centre copied whole: the authority's name in both languages on one line, an Arabic and an English menu, the page heading in both languages ('المركز الإعلامي | Media Centre'), then each item twice, the Arabic version (headline, date, text) and right under it the English one (headline, date, text), with a bilingual share row after each pair; the third item a tender notice whose closing date ends each version on a line of its own; a bilingual footer.",
    """
X | سلطة موانئ الساحل الشرقي | Eastern Coast Ports Authority
X | الرئيسية | عن السلطة | الموانئ | الخدمات الإلكترونية | المركز الإعلامي
X | Home | About | Ports | e-Services | Media Centre
X | المركز الإعلامي | Media Centre
X | الأخبار | News

T | ميناء الساحل الشرقي يستقبل أكبر سفينة حاويات في تاريخه
D | 3 ديسمبر 2026
B | استقبل ميناء الساحل الشرقي أمس سفينة الحاويات "نجمة المحيط"، وهي أكبر سفينة ترسو في الميناء منذ افتتاحه، بطول ثلاثمئة وستين مترا وحمولة تزيد على أربعة عشر ألف حاوية نمطية.
B | وقال المدير العام للسلطة المهندس فيصل الزعابي إن تعميق الممر الملاحي العام الماضي جعل استقبال هذه الفئة من السفن ممكنا، وإن خطين ملاحيين جديدين سيبدآن التوقف في الميناء مطلع العام المقبل.
T | East Coast Port receives the largest container ship in its history
D | 3 December 2026
B | East Coast Port yesterday received the container ship Ocean Star, the largest vessel to berth at the port since it opened, with a length of 360 metres and a capacity of more than 14,000 TEU.
B | The Authority's Director General, Eng. Faisal Al Zaabi, said that last year's deepening of the navigation channel had made it possible to receive ships of this class, and that two new shipping lines would begin calling at the port early next year.
X | مشاركة | Share

T | تدشين خدمة الدفع الإلكتروني لرسوم الشحن
D | 1 ديسمبر 2026
B | دشنت السلطة خدمة جديدة تتيح لوكلاء الشحن دفع الرسوم والغرامات إلكترونيا عبر بوابة الخدمات، دون الحاجة إلى مراجعة مكاتب الميناء.
T | Authority launches online payment of shipping fees
D | 1 December 2026
B | The Authority has launched a new service that allows shipping agents to pay fees and fines online through the e-services portal, without visiting the port's offices.
X | مشاركة | Share

T | إعلان مناقصة رقم 14/2026: توريد وتركيب رافعتين جسريتين
D | 30 نوفمبر 2026
B | تعلن سلطة موانئ الساحل الشرقي عن طرح مناقصة عامة لتوريد وتركيب رافعتين جسريتين في رصيف الحاويات رقم 3، وعلى الشركات الراغبة في المشاركة شراء وثائق المناقصة من إدارة المشتريات مقابل 500 درهم غير مستردة.
B | آخر موعد لتقديم العطاءات: 21 ديسمبر 2026
T | Tender No. 14/2026: Supply and installation of two ship-to-shore cranes
D | 30 November 2026
B | Eastern Coast Ports Authority invites tenders for the supply and installation of two ship-to-shore cranes at container berth No. 3. Companies wishing to take part may obtain the tender documents from the Procurement Department for a non-refundable fee of AED 500.
B | Closing date for bids: 21 December 2026
X | مشاركة | Share

X | اتصل بنا | Contact us
X | جميع الحقوق محفوظة © 2026 سلطة موانئ الساحل الشرقي | All rights reserved
""",
)

PAGES["gen12_gallery_held_out_mixed"] = (
    "Two photo-gallery pages copied into one file: an English news site's 'In pictures' page (masthead, menu, section label, the headline, a byline, a date, a short introduction, then per photo a counter '1 / 5', its caption and a 'Photograph:' credit line, a 'Next gallery' link, a share line and the footer) and an Arabic site's 'بالصور' album (menu, section label, the headline, a date, an introduction, per photo a counter 'الصورة 1 من 4' and a caption ending with the photographer's credit '(تصوير: X)', 'ألبومات أخرى' with two album titles, the footer).",
    """
X | The Coastal Post
X | News | World | Business | Sport | In pictures | Video
X | In pictures

T | Snow reaches the High Atlas villages weeks early
A | By Nadia Benkirane
D | Tuesday 2 December 2026
B | Heavy snow fell on the High Atlas overnight on Sunday, weeks earlier than usual, cutting off several villages south of Marrakech and closing the Tizi n'Tichka pass for most of Monday. Our photographer spent two days in the valleys around Imlil.
X | 1 / 5
P | Children walk to school along a snow-covered track above Imlil on Monday morning.
P | Photograph: Karim Ouazzani / The Coastal Post
X | 2 / 5
P | A snowplough clears the road on the Tizi n'Tichka pass, which reopened on Monday evening.
P | Photograph: Karim Ouazzani / The Coastal Post
X | 3 / 5
P | Mules carry gas cylinders and flour to a village that the road does not reach.
P | Photograph: Karim Ouazzani / The Coastal Post
X | 4 / 5
P | A shepherd brings his flock down to lower pastures near Asni.
P | Photograph: Karim Ouazzani / The Coastal Post
X | 5 / 5
P | Visitors photograph the snow-covered slopes of Jbel Toubkal from the terrace of a guesthouse.
P | Photograph: Karim Ouazzani / The Coastal Post
X | Next gallery
R | The olive harvest in the Rif, in pictures
X | Share this gallery
X | © 2026 The Coastal Post

X | الرئيسية | أخبار | اقتصاد | رياضة | منوعات | صور وفيديو
X | صور وفيديو

T | بالصور.. مهرجان التمور يجمع مزارعي الواحة في سيوة
D | الأحد 30 نوفمبر 2026
B | اختتم مهرجان التمور السنوي في واحة سيوة أمس دورته العاشرة، بمشاركة أكثر من مئتي مزارع عرضوا أصنافا من التمور والمنتجات المصنوعة من النخيل، وسط إقبال كبير من الزوار.
X | الصورة 1 من 4
P | مزارع يعرض صناديق التمر السيوي في جناح الجمعية الزراعية (تصوير: هشام عبد الباقي)
X | الصورة 2 من 4
P | نساء من الواحة يصنعن سلالا من سعف النخيل في ركن الحرف التقليدية (تصوير: هشام عبد الباقي)
X | الصورة 3 من 4
P | لجنة التحكيم تتذوق الأصناف المشاركة في مسابقة أفضل تمر (تصوير: هشام عبد الباقي)
X | الصورة 4 من 4
P | فرقة شعبية تقدم عروضها في ختام المهرجان (تصوير: هشام عبد الباقي)
X | ألبومات أخرى
R | بالصور.. أول أيام موسم حصاد الأرز في كفر الشيخ
R | بالصور.. الإسكندرية تستقبل أول نوة في الشتاء
X | جميع الحقوق محفوظة © 2026
""",
)


def main() -> int:
    """Write the pages (``make_gen5.main``) and mark their ``cases.json`` rows reserved."""
    make_gen5.main(PAGES)
    path = make_gen5.HERE / "cases.json"
    cases = json.loads(path.read_text(encoding="utf-8"))
    files = {f"{name}.txt" for name in PAGES}
    cases["dumps"] = [
        {"file": c["file"], "reserved": True, **{k: v for k, v in c.items() if k != "file"}}
        if c["file"] in files
        else c
        for c in cases["dumps"]
    ]
    path.write_text(json.dumps(cases, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
