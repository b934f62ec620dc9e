"""Write the ``gen11_*`` generalisation dumps and their labels from the annotated pages below.

Run:  python tests/data/dumps/generalise/make_gen11.py

Same scheme as ``make_gen5.py`` (its ``build``/``main`` write the files; the tags are documented
there), for six failure classes a reserved set showed (segment19): French and Spanish date lines
on bilingual sites; numbered section headings inside one long report; a site's masthead block;
runs of short link lines (menus, widgets, tag clouds, footer columns, share bars) between
articles; a list of short notices; a session line under a date line. Every page was written for
mediamon's tests (same licence as mediamon, no site's text), and labelled when it was written,
before the segmenter was run on it.

Decisions (applied the same way on every page):

* a French or Spanish date line ('Publié le 4 décembre 2026 à 10h32', 'Mis à jour le ...', 'Le
  04/12/2026', 'Actualizado el 4 de diciembre de 2026') is a date line like an English one, over
  an Arabic or an English article; a second date line of the same article ('Mis à jour le ...'
  under 'Publié le ...') is an extra date;
* a numbered section heading of a report ('1. Introduction', 'II. Background', 'ثالثاً:
  التوصيات') is a body line of the report it is in;
* the masthead (site name, tagline, the date of the day, 'Connexion', 'Subscribe') is
  boilerplate, as are menus, share bars, tag clouds, footer columns and widget headers ('Most
  read', 'الأكثر قراءة'); a widget's story links are related links;
* a page of short notices (obituaries, announcements) is one article per notice: its name line
  is its title, its date line its date, its lines its body; the page's heading is boilerplate;
* a session line under a date line ('Session of 4 December 2026', 'الجلسة الثانية عشرة') is the
  first body line of the report under a headline.
"""

# ruff: noqa: E501  (page text is one line per paragraph)
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_gen5

PAGES: dict[str, tuple[str, str]] = {}

PAGES["gen11_maghreb_mixed"] = (
    "A Maghreb Arabic daily's web page with French furniture: the masthead (site name, tagline, the date of the day in French, 'Connexion | S'abonner'), a French menu, two Arabic articles each with a French date line ('Publié le 4 décembre 2026 à 10h32', then 'Mis à jour le ...'; 'Le 03/12/2026 à 18h05') and a French share bar under the body, a 'Les plus lus' widget between them, and footer columns in French.",
    """
X | الصباح المغاربي
X | Le quotidien du Maghreb
X | Vendredi 4 décembre 2026
X | Connexion | S'abonner
X | Accueil
X | Politique
X | Économie
X | Société
X | Sport

T | الحكومة تصادق على مشروع قانون المالية لسنة 2027
D | Publié le 4 décembre 2026 à 10h32
XD | Mis à jour le 4 décembre 2026 à 14h05
B | صادق مجلس الحكومة أمس على مشروع قانون المالية لسنة 2027، الذي يتوقع نموا بنسبة ثلاثة ونصف في المائة وعجزا في الميزانية لا يتجاوز أربعة في المائة من الناتج الداخلي.
B | وقال الناطق الرسمي باسم الحكومة إن المشروع يرفع ميزانية التعليم والصحة، ويخصص اعتمادات جديدة لدعم الشباب الباحثين عن عمل في المدن الصغيرة.
X | Partager
X | Facebook
X | Twitter
X | WhatsApp

X | Les plus lus
R | ارتفاع أسعار الخضر في الأسواق الشعبية
R | المنتخب الوطني يستعد لمباراة الحسم
R | تساقطات مطرية مرتقبة نهاية الأسبوع

T | افتتاح معرض الكتاب الدولي بمشاركة أربعين دولة
D | Le 03/12/2026 à 18h05
B | افتتح وزير الثقافة مساء أمس الدورة الجديدة لمعرض الكتاب الدولي، بمشاركة ناشرين من أربعين دولة وبرنامج ثقافي يمتد عشرة أيام.
B | وتحل فرنسا ضيف شرف على هذه الدورة، ويخصص المعرض جناحا لكتب الأطفال وآخر للمخطوطات النادرة.
X | Partager
X | Imprimer

X | À propos
X | Contact
X | Publicité
X | Mentions légales
X | © 2026 الصباح المغاربي. Tous droits réservés.
""",
)

PAGES["gen11_briefing_en"] = (
    "A think-tank's policy brief saved as text: the site header (name, tagline, 'Research | Events | About', 'Log in | Subscribe'), one long brief with its title, date and author, and numbered sections ('1. Introduction' ... '4. Recommendations') each with paragraphs, then a share bar, a 'Most read' widget with story links, a tag cloud and footer columns.",
    """
X | Centre for Maritime Policy
X | Independent research on ports and shipping
X | Research | Events | Publications | About
X | Log in | Subscribe

T | Port congestion in the Gulf: causes and remedies
D | 4 December 2026
A | By Nadia Haddad
B | This brief looks at why ships wait longer at the region's container terminals than they did five years ago, and what port authorities can do about it.
B | 1. Introduction
B | Waiting times at the three largest terminals rose from under a day in 2021 to almost three days this year, while the number of ship calls grew by a tenth.
B | 2. Background
B | Most terminals were built for smaller ships. The new generation of vessels needs deeper berths and taller cranes, and each call takes longer to handle.
B | Gate appointments for trucks were introduced at only one terminal, so lorries queue for hours and slow the yard.
B | 3. Findings
B | Berth productivity fell by a fifth where crane fleets are oldest. Terminals that publish weekly berth windows had the shortest queues.
B | 4. Recommendations
B | Port authorities should publish berth windows a week ahead, require truck appointments at every terminal and tie concession renewals to crane investment.
B | A regional data exchange on ship arrivals would let terminals plan shifts before vessels arrive.
X | Share
X | Email
X | Print
X | Most read
R | Shipping insurance after the strait incidents
R | Why feeder lines are losing money
R | The new rules for port fees explained
X | Ports
X | Shipping
X | Gulf
X | Trade
X | About us
X | Careers
X | Contact
X | Privacy
X | © 2026 Centre for Maritime Policy
""",
)

PAGES["gen11_report_ar"] = (
    "صفحة مركز دراسات عربي محفوظة نصا: رأس الموقع (الاسم والشعار وتاريخ اليوم و'تسجيل الدخول | اشترك')، تقرير طويل واحد بعنوانه وتاريخه وكاتبه وأقسامه المرقمة ('أولاً: المقدمة' ... 'ثالثاً: التوصيات')، ثم شريط المشاركة وقائمة 'الأكثر قراءة' وسحابة الوسوم وأعمدة التذييل.",
    """
X | مركز الخليج للدراسات
X | دراسات وتحليلات مستقلة
X | الجمعة 4 ديسمبر 2026
X | تسجيل الدخول | اشترك
X | الرئيسية | دراسات | تقارير | فعاليات | من نحن

T | الأمن المائي في المنطقة: التحديات والحلول
D | 3 ديسمبر 2026
A | بقلم: سامي العتيبي
B | يتناول هذا التقرير أسباب تراجع الموارد المائية في دول المنطقة خلال العقد الأخير، ويقترح سياسات لتقليل الهدر وتنويع المصادر.
B | أولاً: المقدمة
B | تراجع نصيب الفرد من المياه العذبة بنحو الربع منذ عام 2015، في حين ارتفع الاستهلاك الزراعي والمنزلي مع زيادة السكان.
B | ثانياً: الخلفية
B | تعتمد معظم دول المنطقة على تحلية مياه البحر والمياه الجوفية، وتستهلك محطات التحلية كميات كبيرة من الطاقة.
B | وتفقد شبكات التوزيع القديمة ما يصل إلى ثلث المياه المنقولة قبل وصولها إلى المستهلكين.
B | ثالثاً: التوصيات
B | يوصي التقرير بإصلاح شبكات التوزيع، وإعادة استخدام المياه المعالجة في الري، وربط أسعار المياه بكميات الاستهلاك.
B | كما يدعو إلى إنشاء قاعدة بيانات إقليمية مشتركة عن الموارد المائية تتيح التخطيط المشترك بين الدول.
X | مشاركة
X | فيسبوك
X | تويتر
X | الأكثر قراءة
R | أسعار النفط وأثرها على موازنات المنطقة
R | مستقبل الطاقة الشمسية في الخليج
R | التعليم الرقمي بعد الجائحة
X | المياه
X | البيئة
X | الخليج
X | من نحن
X | اتصل بنا
X | سياسة الخصوصية
X | جميع الحقوق محفوظة © 2026
""",
)

PAGES["gen11_notices_ar"] = (
    "صفحة وفيات وإعلانات في صحيفة عربية محفوظة نصا: رأس الصفحة وقائمتها، عنوان القسم، ثم إعلانات قصيرة، لكل منها سطر الاسم وسطر التاريخ وسطران أو ثلاثة من النص، ثم التذييل. كل إعلان مقال (سطر الاسم عنوانه).",
    """
X | جريدة النهار الجديد
X | الرئيسية | محليات | وفيات | إعلانات | اتصل بنا
X | وفيات وإعلانات

T | الحاج محمود يوسف الخطيب
D | 3 ديسمبر 2026
B | انتقل إلى رحمة الله تعالى عن عمر ناهز ثمانين عاما.
B | تقبل التعازي في دار العائلة في حي الزيتون يومي الجمعة والسبت من الرابعة حتى الثامنة مساء.

T | السيدة فاطمة علي الحسن
D | 2 ديسمبر 2026
B | انتقلت إلى رحمة الله تعالى بعد مرض لم يمهلها طويلا.
B | يصلى على جثمانها بعد صلاة الظهر في المسجد الكبير، وتقبل التعازي في قاعة البلدية.

T | المهندس خالد عبد الرحمن سليم
D | 2 ديسمبر 2026
B | يعلن مكتب المهندس خالد سليم للاستشارات عن انتقاله إلى مقره الجديد في شارع الجامعة، ويستقبل مراجعيه ابتداء من الأحد المقبل.

T | الدكتورة سلمى إبراهيم النجار
D | 1 ديسمبر 2026
B | تعلن عيادة الدكتورة سلمى النجار لطب الأطفال عن تغيير مواعيد الدوام لتصبح من التاسعة صباحا حتى الثالثة عصرا.
B | للاستفسار الاتصال على رقم العيادة.

X | لنشر إعلان اتصل بقسم الإعلانات
X | جميع الحقوق محفوظة © 2026 جريدة النهار الجديد
""",
)

PAGES["gen11_council_mixed"] = (
    "A Lebanese municipal council's bilingual news page saved as text: the site header (name, tagline, 'Sign in'), a menu, an English session report with a headline, a date line and a session line under it ('Session of 3 December 2026'), and Roman-numbered parts ('I. Opening', 'II. Budget debate', 'III. Decisions'); an Arabic report with its headline, date and session line ('الجلسة الثانية عشرة'); an English notice from a partner city's office dated in Spanish ('Actualizado el 2 de diciembre de 2026'); share bars and footer.",
    """
X | Beirut Coast Municipality
X | Serving our residents since 1925
X | Sign in
X | Home | Council | Services | News | العربية

T | Council approves the 2027 municipal budget
D | 3 December 2026
B | Session of 3 December 2026
B | The municipal council approved next year's budget by eleven votes to three after a debate that lasted most of the afternoon.
B | I. Opening
B | The mayor opened the session by presenting the main figures: spending rises by six per cent, most of it for road repairs and street lighting.
B | II. Budget debate
B | Three members objected to the cut in cultural grants and asked for the old level to be restored from the reserve.
B | III. Decisions
B | The council adopted the budget as presented and agreed to review the cultural grants in the spring.
X | Share | Print

T | المجلس البلدي يقر خطة لتنظيم حركة السير في وسط المدينة
D | الخميس 3 ديسمبر 2026
B | الجلسة الثانية عشرة
B | أقر المجلس البلدي في جلسته اليوم خطة لتنظيم حركة السير في وسط المدينة تشمل شوارع للمشاة ومواقف جديدة للسيارات.
B | وقال رئيس البلدية إن الخطة ستنفذ على مراحل تبدأ مطلع العام المقبل.
X | مشاركة

T | Partner city office opens in the old town
D | Actualizado el 2 de diciembre de 2026
B | The office of our partner city of Valencia opened in the old town this week, offering help to students and businesses who want to work with Spanish partners.
B | It is open every weekday morning in the former post office building.
X | Share | Print

X | Contact | Privacy | Accessibility
X | © 2026 Beirut Coast Municipality
""",
)

PAGES["gen11_gulf_en"] = (
    "A Gulf daily's English edition saved as text: the masthead (name, tagline, 'Friday, December 4, 2026', 'Sign in | Subscribe'), the menu on one line, an article with a date line in French above the byline on this bilingual site ('Le 04/12/2026'), a 'Most Read' widget and a 'Trending' tag cloud between the articles, a second article with 'Published: Thursday, December 3, 2026', a share bar and footer columns.",
    """
X | The Gulf Courier
X | News you can trust
X | Friday, December 4, 2026
X | Sign in | Subscribe
X | Home | UAE | World | Business | Sport | Opinion

T | Dubai metro extension to open in March
D | Le 04/12/2026
A | By Omar Saleh
B | The new metro line linking the airport with the southern districts will open to passengers in March, the transport authority said on Thursday.
B | The line has fourteen stations and is expected to carry two hundred thousand passengers a day in its first year.
X | Share
X | Tweet
X | Email

X | Most Read
R | Fuel prices for December announced
R | School holidays extended by a week
R | New visa rules for visitors explained
X | Trending
X | Metro
X | Fuel prices
X | Visas
X | Weather

T | Desalination plant doubles output
D | Published: Thursday, December 3, 2026
A | By Priya Menon
B | The country's largest desalination plant has doubled its output after a new solar-powered unit was connected to the grid this week.
B | The operator said the plant can now supply water to half a million homes and uses a third less energy per cubic metre.
X | Share
X | Tweet
X | Email

X | About Us
X | Advertise
X | Careers
X | Terms of Use
X | © 2026 The Gulf Courier
""",
)


if __name__ == "__main__":
    sys.exit(make_gen5.main(PAGES))
