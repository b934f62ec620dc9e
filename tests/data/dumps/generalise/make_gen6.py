"""Write the ``gen6_*`` generalisation dumps and their labels from the annotated pages below.

Run:  python tests/data/dumps/generalise/make_gen6.py

Same scheme as ``make_gen5.py`` (its ``build``/``main`` write the files; the tags are documented
there), for layouts media monitors collect that no earlier fixture imitates: Telegram channel
exports saved as plain text, PDF-to-text of a printed newspaper page and of a press release,
an e-mail newsletter digest and live-updates / ticker pages, in English and Arabic. Every page
was written for mediamon's tests (same licence as mediamon, no site's text), and labelled when
it was written, before the segmenter was run on it.
"""

# ruff: noqa: E501  (page text is one line per paragraph)
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_gen5

PAGES: dict[str, tuple[str, str]] = {}

PAGES["gen6_telegram_en"] = (
    "A Telegram channel exported as plain text: the channel's name, description, subscriber count and invite link at the top, then one post after another, each a '[D/M/YYYY h:mm PM]' line, the post's first line (its title: posts have no other), the text, a line of hashtags and a view count ('👁 12.3K'); one post is forwarded from another channel ('Forwarded from X' above its date) and ends with that channel's 'Join us: t.me/...' link.",
    """
X | Harbour Watch
X | Shipping, ports and trade news from the Gulf, around the clock.
X | 18,540 subscribers
X | Join us: t.me/harbourwatch_example

D | [4/12/2026 9:02 AM]
T | 🚢 Berth 4 at Khalid Bay reopens after crane repairs
B | The berth had been closed since October, when a gantry crane collapsed during a storm. The port operator says two container ships were worked overnight and a third is due this afternoon.
X | #KhalidBay #Ports
X | 👁 12.3K

D | [4/12/2026 11:47 AM]
T | Fuel surcharge on feeder routes to rise from January.
B | Three feeder lines told customers they will add between 40 and 65 dollars a box on routes inside the Gulf, blaming higher bunker prices.
B | The shippers' council called the rise "hard to justify" and asked the regulator to look at it 👀
X | 👁 8.1K

X | Forwarded from Gulf Ports Authority
D | [4/12/2026 2:30 PM]
T | NOTICE: Northern channel closed to vessels over 200 m on 6 December
B | Dredging works will close the northern approach channel to large vessels from 06:00 to 18:00 local time. Pilots will route traffic through the southern channel.
X | Join us: t.me/gulfports_example
X | 👁 5.4K

D | [4/12/2026 6:11 PM]
T | ⚡️ Dock workers' union calls a two-hour stoppage for Monday
B | The union says talks on night-shift pay broke down this afternoon. Management has not commented yet.
B | We will update this post.
X | #Strike #Labour
X | 👁 21K
""",
)

PAGES["gen6_telegram_ar"] = (
    "A Telegram channel exported as plain text, in Arabic: the channel's name, description and invite link ('انضموا إلينا: t.me/...') at the top, then each post under a line with the channel's name and a 'DD.MM.YYYY HH:MM' line; the post's first line is its title, then its text, hashtags and a view count ('👁 9.8K'); one post is forwarded ('معاد توجيهه من X').",
    """
X | قناة الرصد الاقتصادي
X | أخبار الاقتصاد والأسواق لحظة بلحظة، تابعونا.
X | انضموا إلينا: t.me/rasd_eco_example

X | الرصد الاقتصادي
D | 04.12.2026 08:15
T | 🔴 البنك المركزي يثبت سعر الفائدة للمرة الثالثة على التوالي
B | قرر البنك المركزي في اجتماعه اليوم الإبقاء على سعر الفائدة الرئيسي دون تغيير عند ستة ونصف في المئة، مشيرا إلى أن التضخم يتراجع بوتيرة أبطأ من المتوقع.
X | #الفائدة #البنك_المركزي
X | 👁 9.8K

X | الرصد الاقتصادي
D | 04.12.2026 12:40
T | ارتفاع أسعار الذهب في السوق المحلية
B | سجل سعر غرام الذهب عيار 21 ارتفاعا جديدا صباح اليوم، وسط إقبال على الشراء قبل موسم الأعراس.
B | ويتوقع تجار أن تستمر الأسعار في الصعود حتى نهاية الشهر 📈
X | 👁 4.1K

X | الرصد الاقتصادي
X | معاد توجيهه من وزارة المالية
D | 04.12.2026 17:05
T | تمديد مهلة تقديم الإقرارات الضريبية حتى نهاية يناير
B | أعلنت وزارة المالية تمديد المهلة المحددة لتقديم الإقرارات الضريبية للشركات الصغيرة والمتوسطة شهرا إضافيا، استجابة لطلبات غرف التجارة.
X | انضموا إلينا: t.me/mof_example
X | 👁 12K
""",
)

PAGES["gen6_pdf_paper_en"] = (
    "A printed newspaper page turned into text by a PDF converter: the paper's running header (name, date and page number) at the top of each page and again where page 3 ends and page 4 begins, in the middle of an article; lines wrapped as printed, words broken with a hyphen at a line's end, a blank line between paragraphs, a 'Continued on page 9' jump line ending the last story, a photo caption and a page footer.",
    """
X | THE COASTAL HERALD   Thursday, December 4, 2026   Page 3

T | Water tariff rise approved despite protests
A | By Samir Haddad

B | The city council voted on Wednesday to raise
B | household water tariffs by nine per cent from
B | January, after a four-hour debate that was in-
B | terrupted twice by protesters in the gallery.

B | Councillors who backed the rise said the utility
B | could not pay for repairs to the eastern pipeline
B | without it. Opponents said families already spend
B | too much of their income on bills.

T | Fishing fleet returns early as storm nears
A | By Lina Farouk

B | Most of the port's fishing boats were back at their
B | moorings by Wednesday evening, two days before the
B | end of the season, after the weather office warned
B | of gusts of up to 110 kilometres an hour.

X | 3   THE COASTAL HERALD   Thursday, December 4, 2026
X | THE COASTAL HERALD   Thursday, December 4, 2026   Page 4

B | Harbour officials said the breakwater had been in-
B | spected and was in good condition, but asked owners
B | to double the lines on smaller vessels.

P | Boats moored in the inner harbour on Wednesday. Photo: Karim Saleh

T | New school year to start a week later
A | By Omar Nassar

B | Schools in the district will open on September 14
B | next year instead of September 7, the education
B | office announced, to give contractors time to finish
B | work on eleven buildings.

X | Continued on page 9
X | 4   THE COASTAL HERALD   Thursday, December 4, 2026
""",
)

PAGES["gen6_pdf_release_ar"] = (
    "Two Arabic press releases of a ministry turned into text by a PDF converter: the letterhead (ministry, department, 'بيان صحفي') at the top of each, the title, the date, lines wrapped as printed, a running header ('وزارة النقل والمواصلات – بيان صحفي') and footer ('الصفحة 1 من 2') where a page ends inside the text, the end mark '-انتهى-' and a media-contact line.",
    """
X | وزارة النقل والمواصلات
X | إدارة الإعلام والعلاقات العامة
X | بيان صحفي

T | الوزارة تطلق المرحلة الثانية من مشروع النقل الذكي
D | الخميس 4 ديسمبر 2026

B | أطلقت وزارة النقل والمواصلات اليوم المرحلة الثانية من مشروع
B | النقل الذكي، التي تشمل تركيب أنظمة مراقبة حديثة على الطرق
B | السريعة الثلاثة المؤدية إلى العاصمة.

B | وقال وكيل الوزارة إن المرحلة الجديدة ستخفض زمن الرحلات في ساعات
B | الذروة بنحو الخمس، وإن العمل فيها سيستمر ثمانية عشر شهرا.

X | الصفحة 1 من 2
X | وزارة النقل والمواصلات – بيان صحفي

B | وأضاف أن الوزارة ستنشر تقريرا شهريا عن سير الأعمال على موقعها
B | الإلكتروني، وستفتح خطا هاتفيا لتلقي ملاحظات السائقين.

X | -انتهى-
X | للاستفسارات الإعلامية: هاتف 4567 123 – البريد الإلكتروني media@mot.example
X | الصفحة 2 من 2

X | وزارة النقل والمواصلات
X | إدارة الإعلام والعلاقات العامة
X | بيان صحفي

T | تحويلات مرورية مؤقتة على طريق الميناء
D | الخميس 4 ديسمبر 2026

B | تعلن الوزارة عن تحويلات مرورية مؤقتة على طريق الميناء ابتداء من
B | يوم السبت المقبل ولمدة أسبوعين، لتنفيذ أعمال صيانة الجسر الشمالي.

B | وتدعو الوزارة السائقين إلى استخدام الطريق الدائري والالتزام
B | بالإرشادات المرورية.

X | -انتهى-
X | الصفحة 1 من 1
""",
)

PAGES["gen6_newsletter_en"] = (
    "An e-mail newsletter digest saved as text: 'View this email in your browser', the newsletter's name, the issue's date and number, a greeting, then several items each with a headline, a one-paragraph summary and a 'Read more' link, a sponsored box between items, and a footer (why you get it, 'Unsubscribe | Update your preferences', the sender's address).",
    """
X | View this email in your browser
X | The Morning Brief
X | Thursday 4 December 2026 · Issue 212
X | Good morning. Here are the stories our editors are following today.

T | Ports: Khalid Bay berth reopens after repairs
B | Berth 4 at Khalid Bay is working again two months after a gantry crane collapsed in a storm, and the operator expects the backlog of ships to clear by the weekend.
X | Read more

T | Energy: Refinery restart pushed back to January
B | The coastal refinery will stay shut for another five weeks while engineers replace a cracked heat exchanger, its owner said on Wednesday, keeping fuel imports high through the holidays.
X | Read more →

X | SPONSORED
X | Travel smarter this winter with 20% off airport parking.
X | Learn more

T | Courts: Appeal hearing in land case set for March
B | The supreme court will hear the government's appeal against a ruling that returned farmland on the northern plain to three villages, lawyers for the villagers said.
X | Read more

X | You are receiving this email because you signed up at morningbrief.example.
X | Unsubscribe | Update your preferences
X | Morning Brief Media, 12 Harbour Road, Khalid Bay
""",
)

PAGES["gen6_live_mixed"] = (
    "Live-updates pages, Arabic and English: each one article whose entries are short paragraphs under a time stamp; on the Arabic page the time ('18:40') is a line of its own above each entry, on the English ticker it opens the entry's line ('18:05 Police reopen ...'), so those lines are body; menus, a share row and a 'Load more updates' button around them.",
    """
X | الرئيسية | أخبار | اقتصاد | رياضة

T | مباشر: تطورات الإضراب في ميناء خليج خالد
D | آخر تحديث: 4 ديسمبر 2026 - 18:40

X | 18:40
B | نقابة عمال الموانئ تعلن تعليق الإضراب مؤقتا بعد دعوة وزير العمل إلى اجتماع مساء الغد.
X | 18:05
B | وصول وفد من إدارة الميناء إلى مقر النقابة لاستئناف المفاوضات.
X | 17:32
B | توقف الحركة في المحطة الشمالية بالكامل، وانتظار ست سفن في المرسى الخارجي.
X | شارك
X | تحميل المزيد من التحديثات

X | Home | News | Live | Weather

T | Live updates: Storm Dara reaches the coast
D | Last updated 4 December 2026, 18:20

B | 18:20 The weather office says gusts of 120 km/h were measured at the harbour mouth.
B | 18:05 Police have reopened the coast road between the two ports after clearing fallen trees.
B | 17:48 Ferry services are cancelled until Friday morning, the operator says.
B | 17:30 Schools in three districts will stay closed tomorrow.
X | Load more updates
X | Share this page
""",
)


if __name__ == "__main__":
    sys.exit(make_gen5.main(PAGES))
