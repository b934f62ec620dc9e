"""Write the ``gen10_*`` generalisation dumps (heldout18's reserved set, now development rows).

Run:  python tests/data/dumps/generalise/make_gen10h.py

Same scheme as ``make_gen5.py`` (its ``build`` writes the files; the tags are documented there),
for site styles no development dump showed when they were written: a regional paper's sports
results page with its match reports, a Maghreb paper in Arabic with French site furniture, a
think-tank briefing with numbered sections, an Arabic paper's obituaries and announcements page,
a parliament's bilingual session reports, and a Gulf paper's English edition with its widgets
and a court report. Every page was written for mediamon's tests (same licence as mediamon, no
site's text), and labelled when it was written, before the segmenter was run on it. They were
written as a reserved set (heldout18, files ``gen10_*_held_out_*``, measured once when written,
``docs/evaluation.md``); segment19 then fixed their failure classes, so they were no longer a
clean measure, and heldout20 made them development rows (files renamed, rows no longer
``reserved``; ``make_gen12h.py`` writes the reserved set that replaced them).

Decisions (applied the same way on every page):

* a results page: the fixtures list ('FT Harbour United 2-1 Castle Rovers'), the league table and
  its header, the competition and date heading over them are boilerplate; each match report is
  an article (headline, byline, date); the score line with the scorers, the line-ups, the
  referee and attendance lines under a report are its body (the report's facts, which a monitor
  keeps); 'Player of the match' widgets and share buttons are boilerplate;
* a page whose furniture is in another language than its articles (French menus, 'Publié le',
  'Partager', 'Lire aussi' over Arabic articles): the furniture is what it would be in the
  articles' language ('Publié le 04/12/2026 à 09h30' is the date line, 'Lire aussi' a
  related-content header and its headlines related links, 'Commentaires (0)' and the comment
  form comments);
* a briefing paper: one article; the summary, numbered section headings ('1. Background',
  '2.1 Insurance') and their text are its body; the institute's masthead, the series number, the
  'Download PDF' link, the authors' biographies, the citation line and 'Related publications'
  (its titles related links) are boilerplate;
* an obituaries/announcements page: each notice is an article, its heading its title (a short
  heading, 'شكر على تعزية', too); the page's date at the top, the section headings ('وفيات
  اليوم', 'إعلانات') and the 'send condolences' buttons are boilerplate; a notice without a date
  line has no date;
* a parliament's session reports: each report is an article; the session line ('Session 14 —
  Second ordinary term') under the headline is boilerplate, the vote tallies and the agenda items
  are body; 'Watch the session', 'Download the minutes (PDF)', the language switch and 'Back to
  news' are boilerplate;
* a newspaper edition's widgets (prayer times, weather, currency rates, 'Most read' with its
  headlines as related links) are boilerplate; 'Last updated: ...' under the date line is an extra
  date; a report opening 'Dubai: ...' has no outlet (the place is part of the first body line).
"""

# ruff: noqa: E501  (page text is one line per paragraph)
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_gen5

PAGES: dict[str, tuple[str, str]] = {}
#: Opens each page's notes (and so its ``cases.json`` layout), as the gen4 rows' layouts say it.
SEEN = "Written as reserved (heldout18), seen while fixing (segment19), a development row since heldout20: "

PAGES["gen10_results_en"] = (
    "A regional paper's football results page copied whole: the sport menu, the day's fixtures with 'FT' and the scores, a postponed match, the league table (header row and one row per club), 'Full table', then the match reports, each a headline, a byline and a date, the report, the score line with the scorers, the line-ups, the referee and the attendance; a 'Player of the match' widget and share buttons under a report, the paper's footer at the end.",
    """
X | The Northern Courier
X | Sport | Football | Cricket | Rugby | Athletics | Results
X | Premier Division results - Saturday 29 November 2026
X | FT Harbour United 2-1 Castle Rovers
X | FT Eastfield Town 0-0 Mill Lane Athletic
X | FT St Brendan's 3-2 Riverside
X | P-P Kilncroft v Old Quay (waterlogged pitch)
X | Pos Team P W D L GD Pts
X | 1 Harbour United 15 11 2 2 +19 35
X | 2 St Brendan's 15 10 3 2 +14 33
X | 3 Eastfield Town 15 8 5 2 +9 29
X | Full table
X | Match reports

T | Late Okafor header keeps Harbour United top
A | By Tom Reilly
D | Saturday 29 November 2026
B | Harbour United stayed two points clear at the top of the Premier Division after Sam Okafor rose at the far post two minutes from time to head in a corner and beat a stubborn Castle Rovers side.
B | Kwame Mensah had given the leaders the lead just after the half hour with a low shot from the edge of the box, but Rovers were level when Liam Doyle scored from the spot after a handball.
B | United manager Pat Gorman said his side had been second best for long spells. "We will not win many games playing like that, but the lads never stopped running," he said.
B | Harbour United 2 (Mensah 34, Okafor 88) Castle Rovers 1 (Doyle pen 61)
B | Harbour United: Byrne; Walsh, Okafor, Keane, Duffy; Mensah, Lynch, Carroll; Boyle, Farrell, Nolan.
B | Castle Rovers: Hughes; Dunne, Quinn, Power, Kelly; Doyle, Moran, Ryan; Burke, Coyle, Hayes.
B | Referee: M. Gallagher. Attendance: 4,312.
X | Player of the match
X | Sam Okafor (Harbour United)
X | Share this report

T | Ten-man St Brendan's edge five-goal thriller
A | By Niamh Carey
D | Saturday 29 November 2026
B | St Brendan's played the last twenty minutes with ten men and still came from behind twice to beat Riverside at Abbey Park and move into second place.
B | Riverside led through Conor Tierney's volley and again after the break, but Eoin Flood equalised with a free kick and the substitute Ben Kavanagh won it with a shot that went in off the post.
B | St Brendan's 3 (Flood 52, 71, Kavanagh 84) Riverside 2 (Tierney 18, Murray 58)
B | Sent off: D. Brady (St Brendan's) 70.
B | Referee: A. Costello. Attendance: 2,960.
X | Share this report

X | Contact the sports desk | Advertise | Terms
X | © 2026 The Northern Courier
""",
)

PAGES["gen10_maghreb_ar"] = (
    "صفحة من موقع صحيفة مغاربية بالعربية أثاثها بالفرنسية: القائمة ('Accueil' وأقسام بالعربية)، سطر العدد ('Édition du jeudi 4 décembre 2026')، 'Se connecter | S'abonner'، ثم مقالان: العنوان، سطر النشر بالفرنسية ('Publié le 04/12/2026 à 09h30') أو بالعربية، كاتب المقال، النص، أزرار المشاركة بالفرنسية، 'Lire aussi' وعناوينها، 'Commentaires (0)' واستمارة التعليق؛ في آخر الصفحة 'Mentions légales' وسطر الحقوق بالفرنسية.",
    """
X | Accueil | الوطني | الدولي | اقتصاد | رياضة | ثقافة | Contact
X | Édition du jeudi 4 décembre 2026
X | الأطلس اليوم
X | Se connecter | S'abonner
X | Dernières infos

T | الحكومة تصادق على مشروع قانون المالية التكميلي لسنة 2026
D | Publié le 04/12/2026 à 09h30
A | بقلم: كريمة بن علي
B | صادق مجلس الحكومة، أمس الأربعاء، على مشروع قانون المالية التكميلي لسنة 2026، الذي يتضمن اعتمادات إضافية لدعم أسعار المواد الأساسية وتمويل مشاريع الماء الصالح للشرب في المناطق القروية.
B | وأوضح الناطق الرسمي باسم الحكومة، في ندوة صحفية عقب الاجتماع، أن المشروع يرفع مخصصات صندوق دعم الأسعار بنحو ثلاثة مليارات درهم، دون اللجوء إلى اقتراض خارجي جديد.
B | وينتظر أن يحال النص على البرلمان الأسبوع المقبل، حيث تطالب أحزاب المعارضة بإدراج إجراءات لفائدة الطبقة المتوسطة.
X | Partager sur Facebook
X | Partager sur X
X | Imprimer
X | Lire aussi
R | ارتفاع أسعار الخضر في أسواق الجملة مع موجة البرد
R | البرلمان يشرع في مناقشة مشروع قانون الإضراب
C | Commentaires (0)
C | Ajouter un commentaire
C | Votre adresse e-mail ne sera pas publiée.
C | Envoyer

T | وهران: انطلاق أشغال توسعة ميناء الصيد البحري
D | الخميس 4 ديسمبر 2026
B | انطلقت صباح اليوم أشغال توسعة ميناء الصيد البحري بوهران، في مشروع يمتد على ثمانية عشر شهرا ويضيف رصيفا جديدا يتسع لستين قاربا.
B | وقال مدير الموانئ بالولاية إن التوسعة ستنهي الاكتظاظ الذي يعرفه الميناء في موسم صيد السردين، وستوفر نحو مئتي منصب شغل مباشر.
S | المصدر: وكالة الأنباء
X | Partager sur Facebook
X | Partager sur X
X | Imprimer

X | Mentions légales | Publicité | Nous contacter
X | © 2026 Al-Atlas Al-Yawm - Tous droits réservés
""",
)

PAGES["gen10_briefing_en"] = (
    "A think-tank's policy briefing page copied whole: the institute's name and menu, the series number ('Policy Briefing No. 27'), the title, the authors and date, 'Download PDF', then the briefing: a summary, numbered sections with sub-sections ('1. Background', '2.1 Insurance') and lettered scenarios; under it 'About the authors' with their biographies, a 'Cite this briefing' line, 'Related publications' with two titles, and a newsletter sign-up.",
    """
X | Centre for Maritime and Regional Studies
X | Research | Publications | Events | Experts | About us
X | Policy Briefing No. 27

T | Red Sea shipping after the ceasefire: three scenarios for 2027
A | By Leila Haddad and James Whitfield
D | 3 December 2026
X | Download PDF (420 KB)

B | Summary
B | Container traffic through the southern Red Sea has recovered to about half of its level before the attacks on shipping began. Whether it recovers further in 2027 depends less on the ceasefire itself than on insurers, on the large carriers' network planning and on the state of the ports on both shores.
B | 1. Background
B | From late 2023 most of the large container lines sent their ships around the Cape of Good Hope, adding ten to fourteen days to voyages between Asia and Europe. Bulk carriers and tankers kept using the route in larger numbers, at higher insurance cost.
B | 2. What has changed since June
B | 2.1 Insurance
B | War-risk premiums for a transit have fallen by roughly two thirds since the summer, but underwriters still price each voyage separately and several refuse cover for ships with links to particular flag states.
B | 2.2 Carrier networks
B | Carriers plan their networks months ahead. Two of the four largest alliances have announced a partial return in the second quarter; the others say they will wait for a full season without incidents.
B | 3. Three scenarios
B | (a) Steady return: transits reach three quarters of their old level by the end of 2027 and freight rates between Asia and Europe fall back towards their long-run average.
B | (b) Stalled return: bulk traffic recovers but container lines keep most services on the Cape route, and ports on the Red Sea coast keep losing transhipment business.
B | (c) Relapse: a single serious incident ends the ceasefire in practice, and traffic falls back to its 2024 low within weeks.
B | 4. Recommendations
B | Governments of the coastal states should publish a joint incident reporting procedure, fund the repair of navigation aids, and agree with insurers on a common standard for the information a ship must file before a transit.
X | About the authors
X | Leila Haddad is a senior fellow in the centre's maritime security programme.
X | James Whitfield is a research analyst working on trade and ports.
X | Cite this briefing: Haddad, L. and Whitfield, J. (2026), Red Sea shipping after the ceasefire, Policy Briefing No. 27.
X | Related publications
R | Ports of the Horn of Africa: capacity and competition
R | Insuring the Gulf of Aden: a short history of war-risk cover
X | Sign up for our monthly newsletter
X | Email address
X | Subscribe
""",
)

PAGES["gen10_notices_ar"] = (
    "صفحة الوفيات والإعلانات في موقع صحيفة محلية عربية منسوخة كاملة: اسم الصحيفة وقائمتها، عنوان القسم ('وفيات اليوم') وتاريخ اليوم، ثم نعي بعد نعي (عنوان النعي، نصه، مواعيد العزاء، 'إنا لله وإنا إليه راجعون')، تحت كل نعي زر 'أرسل تعزية'؛ ثم قسم 'إعلانات' بإعلان شكر على تعزية وتهنئة بالتخرج، وسطر الاتصال لنشر الإعلانات وسطر الحقوق.",
    """
X | صحيفة الوادي
X | الرئيسية | محليات | وفيات | إعلانات | خدمات
X | وفيات اليوم
X | الخميس 4 ديسمبر 2026

T | الحاج عبد الرحمن سليمان الخطيب في ذمة الله
B | انتقل إلى رحمة الله تعالى صباح أمس الحاج عبد الرحمن سليمان الخطيب عن عمر ناهز اثنين وثمانين عاما، بعد حياة قضى أكثر من ثلاثين عاما منها مدرسا ثم مديرا لمدرسة البلدة الثانوية.
B | وشيع جثمانه بعد صلاة العصر إلى مقبرة البلدة، وتقبل التعازي في ديوان العائلة بحي الزيتون لمدة ثلاثة أيام من الخامسة حتى التاسعة مساء.
B | إنا لله وإنا إليه راجعون
X | أرسل تعزية

T | السيدة فاطمة أحمد النجار (أم خالد)
B | توفيت إلى رحمة الله تعالى السيدة فاطمة أحمد النجار، زوجة المرحوم محمود عيسى، ووالدة كل من خالد وسامي ومنى، عن عمر ناهز خمسة وسبعين عاما.
B | تقبل التعازي للرجال في قاعة الجمعية الخيرية وللنساء في منزل ابنها خالد قرب مسجد النور، يومي الخميس والجمعة بعد صلاة المغرب.
X | أرسل تعزية

X | إعلانات

T | شكر على تعزية
B | تتقدم عائلة الخطيب بجزيل الشكر والعرفان إلى كل من واساها في مصابها بوفاة فقيدها الحاج عبد الرحمن سليمان الخطيب، بالحضور أو الاتصال أو البرقيات، سائلين الله ألا يريهم مكروها في عزيز.

T | تهنئة بالتخرج
B | يتقدم الأهل والأصدقاء بأحر التهاني إلى المهندسة ريم سامي النجار بمناسبة تخرجها من كلية الهندسة في جامعة اليرموك بتقدير امتياز، متمنين لها دوام التوفيق.

X | لنشر إعلانات الوفيات والتهاني: هاتف 06 555 1234 أو عبر البريد الإلكتروني للصحيفة
X | جميع الحقوق محفوظة © 2026 صحيفة الوادي
""",
)

PAGES["gen10_parliament_mixed"] = (
    "A parliament's news pages in English and in Arabic copied into one file: the language switch ('English | العربية'), the chamber's name and menu, then each session report: the headline, the date, the session line ('Session 14 — Second ordinary term', 'الجلسة الرابعة عشرة - دور الانعقاد العادي الثاني'), the report with its agenda items and the vote tallies, 'Watch the session', 'Download the minutes (PDF)' and 'Back to news'.",
    """
X | English | العربية
X | National Assembly
X | Home | Members | Committees | Sessions | Legislation | News

T | Assembly passes amended water law after a six-hour debate
D | Tuesday 2 December 2026
X | Session 14 - Second ordinary term
B | The National Assembly passed the amended water resources law on Tuesday by 41 votes to 12, with 3 abstentions, after a debate that lasted more than six hours.
B | The amendments oblige farms using more than a set volume of groundwater to fit meters within two years, and give the water authority the power to suspend licences of wells drilled without a permit.
B | Members also approved the second item on the agenda, a loan agreement for the rehabilitation of the northern irrigation canals, and referred a bill on rural roads back to the public works committee.
B | The Speaker adjourned the session until Tuesday 9 December.
X | Watch the session
X | Download the minutes (PDF)
X | Back to news

T | المجلس يقر قانون المياه المعدل بعد نقاش استمر ست ساعات
D | الثلاثاء 2 ديسمبر 2026
X | الجلسة الرابعة عشرة - دور الانعقاد العادي الثاني
B | أقر مجلس الأمة في جلسته اليوم مشروع القانون المعدل لقانون الموارد المائية بأغلبية 41 صوتا مقابل 12 صوتا وامتناع 3 أعضاء، بعد نقاش استمر أكثر من ست ساعات.
B | وتلزم التعديلات المزارع التي تتجاوز حدا معينا في استهلاك المياه الجوفية بتركيب عدادات خلال سنتين، وتمنح هيئة المياه صلاحية وقف تراخيص الآبار المحفورة دون ترخيص.
B | كما وافق المجلس على البند الثاني من جدول الأعمال، وهو اتفاقية قرض لإعادة تأهيل قنوات الري الشمالية، وأعاد مشروع قانون الطرق الريفية إلى لجنة الأشغال العامة.
X | مشاهدة الجلسة
X | تحميل المحضر (PDF)
X | العودة إلى الأخبار
""",
)

PAGES["gen10_gulf_en"] = (
    "A Gulf paper's English edition copied whole: the edition switch ('Arabic edition'), the date bar with the Hijri date, the prayer times, the weather and the currency rates, the menu, then the stories: a headline, a byline ('By Staff Reporter'), 'Published: December 04, 2026 10:20' and 'Last updated: ...' on lines of their own, the story opening with the place ('Dubai: ...'); a court report from the criminal court; a 'Most read' box with its headlines between the stories, the footer at the end.",
    """
X | Arabic edition
X | Thursday, December 4, 2026 | 13 Jumada Al Akhirah 1448
X | Fajr 5:21 | Dhuhr 12:15 | Asr 3:13 | Maghrib 5:34 | Isha 6:52
X | Dubai 24°C Partly cloudy
X | USD 3.67 | EUR 4.28 | GBP 4.96 | INR 0.044
X | UAE | Business | World | Sport | Opinion | Lifestyle

T | Dubai to add 30 new bus routes in 2027 network overhaul
A | By Staff Reporter
D | Published: December 04, 2026 10:20
XD | Last updated: December 04, 2026 14:05
B | Dubai: The Roads and Transport Authority will add 30 bus routes next year and redraw a quarter of the existing ones, so that most homes in the city are within a ten-minute walk of a stop.
B | The new routes will link the metro's outer stations with residential districts that grew up in the last five years, the authority said in a statement on Thursday.
B | Bus fares will not change, and the routes will be introduced in three phases from March.
X | Most read
R | Schools announce dates for the winter break
R | New visa rules for visitors from 12 countries
R | Fuel prices for December announced

T | Man jailed for three years over fake investment scheme
A | By Aisha Rahman
D | Published: December 03, 2026 18:45
B | Dubai: A 41-year-old man has been sentenced to three years in prison and deportation by the Dubai Criminal Court for running a fake investment scheme that took more than Dh2 million from 23 people.
B | According to court records, the man promised monthly returns of ten per cent from trading in gold and paid the first investors with money from later ones.
B | The court also ordered him to repay the victims. The verdict can be appealed within 15 days.

X | About us | Advertise | Contact | Privacy policy
X | Copyright © 2026 The Gulf Observer. All rights reserved.
""",
)


def main() -> int:
    """Write the pages (``make_gen5.main``), their notes saying what the rows were."""
    return make_gen5.main({name: (SEEN + notes, page) for name, (notes, page) in PAGES.items()})


if __name__ == "__main__":
    sys.exit(main())
