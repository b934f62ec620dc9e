"""A large, deterministic, synthetic bilingual gazetteer for the annotation benchmark.

People, organisations and places are put together from small hand-written word lists,
each word as a (Latin transliteration, Arabic script) pair, so every synthetic entity has
one English and one Arabic alias that name the same thing:

- PER: given + family (``Mustafa al-Kadhimi`` / ``مصطفى الكاظمي``), or given + father's
  given + family (``Mustafa Abdullah al-Kadhimi`` / ``مصطفى عبدالله الكاظمي``);
- ORG: adjective + noun + kind, Arabic in its own order with the adjective agreeing with
  the noun (``Islamic Resistance Movement`` / ``حركة المقاومة الإسلامية``), optionally
  ``in <city>`` (``في <city>``);
- LOC: prefix + root (+ direction) (``Tal al-Shammari al-Sharqi`` / ``تل الشمري الشرقي``).

The same arguments always give the same file (a seeded ``random.Random``; no hash
ordering anywhere). The bundled gazetteer's entities are written first, so real names in
the sample dump resolve to the curated entities, as a user's own list would sit beside
them; synthetic names that happen to equal a curated alias lose it (mediamon reports these
as conflicts, the other engines just keep whichever pattern they see first).

    python benchmarks/make_gazetteer.py --entities 100000 -o /tmp/gaz.jsonl
    python benchmarks/make_gazetteer.py --aliases 1000000 -o /tmp/gaz-1m.jsonl

Without ``-o`` the file goes to ``$TMPDIR/mediamon-bench/`` and its path is printed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

# fmt: off
GIVEN = [
    ("Mohammed", "محمد"), ("Ahmed", "أحمد"), ("Ali", "علي"), ("Hassan", "حسن"), ("Hussein", "حسين"),
    ("Mahmoud", "محمود"), ("Mustafa", "مصطفى"), ("Omar", "عمر"), ("Khaled", "خالد"), ("Youssef", "يوسف"),
    ("Ibrahim", "إبراهيم"), ("Abdullah", "عبدالله"), ("Abdulrahman", "عبدالرحمن"),
    ("Abdulaziz", "عبدالعزيز"), ("Abdelkarim", "عبدالكريم"), ("Saeed", "سعيد"), ("Salem", "سالم"),
    ("Samir", "سمير"), ("Tariq", "طارق"), ("Walid", "وليد"), ("Yasser", "ياسر"), ("Ziad", "زياد"),
    ("Nabil", "نبيل"), ("Nasser", "ناصر"), ("Faisal", "فيصل"), ("Fahd", "فهد"), ("Fadi", "فادي"),
    ("Hamza", "حمزة"), ("Haidar", "حيدر"), ("Jaafar", "جعفر"), ("Jamal", "جمال"), ("Kamal", "كمال"),
    ("Karim", "كريم"), ("Majid", "ماجد"), ("Marwan", "مروان"), ("Mazen", "مازن"), ("Moataz", "معتز"),
    ("Munir", "منير"), ("Nizar", "نزار"), ("Osama", "أسامة"), ("Qasim", "قاسم"), ("Rami", "رامي"),
    ("Riyad", "رياض"), ("Saad", "سعد"), ("Sabah", "صباح"), ("Salah", "صلاح"), ("Sami", "سامي"),
    ("Sultan", "سلطان"), ("Talal", "طلال"), ("Wael", "وائل"), ("Yahya", "يحيى"), ("Zaid", "زيد"),
    ("Adel", "عادل"), ("Adnan", "عدنان"), ("Akram", "أكرم"), ("Amer", "عامر"), ("Amin", "أمين"),
    ("Anas", "أنس"), ("Anwar", "أنور"), ("Ayman", "أيمن"), ("Badr", "بدر"), ("Bassam", "بسام"),
    ("Bilal", "بلال"), ("Dawood", "داود"), ("Emad", "عماد"), ("Fares", "فارس"), ("Fouad", "فؤاد"),
    ("Ghassan", "غسان"), ("Hadi", "هادي"), ("Hamid", "حامد"), ("Hani", "هاني"), ("Harith", "حارث"),
    ("Hatem", "حاتم"), ("Hisham", "هشام"), ("Ismail", "إسماعيل"), ("Issa", "عيسى"), ("Jawad", "جواد"),
    ("Jihad", "جهاد"), ("Kazem", "كاظم"), ("Louay", "لؤي"), ("Maher", "ماهر"), ("Mansour", "منصور"),
    ("Moussa", "موسى"), ("Muhannad", "مهند"), ("Murad", "مراد"), ("Naji", "ناجي"), ("Nouri", "نوري"),
    ("Qais", "قيس"), ("Raed", "رائد"), ("Rashid", "راشد"), ("Ridha", "رضا"), ("Saif", "سيف"),
    ("Shaker", "شاكر"), ("Suleiman", "سليمان"), ("Taha", "طه"), ("Thamer", "ثامر"), ("Wissam", "وسام"),
    ("Yazan", "يزن"), ("Younis", "يونس"), ("Zuhair", "زهير"), ("Abbas", "عباس"), ("Aziz", "عزيز"),
    ("Bashar", "بشار"), ("Firas", "فراس"), ("Ghazi", "غازي"), ("Habib", "حبيب"), ("Iyad", "إياد"),
    ("Jalal", "جلال"), ("Khalil", "خليل"), ("Luqman", "لقمان"), ("Mahdi", "مهدي"), ("Muayad", "مؤيد"),
    ("Nadim", "نديم"), ("Omran", "عمران"), ("Rafiq", "رفيق"), ("Sadiq", "صادق"), ("Shadi", "شادي"),
    ("Tamer", "تامر"), ("Wahid", "وحيد"), ("Yaqub", "يعقوب"), ("Zakaria", "زكريا"), ("Fatima", "فاطمة"),
    ("Aisha", "عائشة"), ("Maryam", "مريم"), ("Zainab", "زينب"), ("Khadija", "خديجة"), ("Layla", "ليلى"),
    ("Noor", "نور"), ("Huda", "هدى"), ("Amal", "أمل"), ("Rana", "رنا"), ("Reem", "ريم"),
    ("Salma", "سلمى"), ("Samira", "سميرة"), ("Hanan", "حنان"), ("Dalia", "داليا"), ("Lina", "لينا"),
    ("Maha", "مها"), ("Nadia", "نادية"), ("Rania", "رانيا"), ("Sawsan", "سوسن"), ("Widad", "وداد"),
    ("Yasmin", "ياسمين"), ("Zahraa", "زهراء"), ("Asma", "أسماء"), ("Basma", "بسمة"), ("Dina", "دينا"),
    ("Ghada", "غادة"), ("Hind", "هند"), ("Iman", "إيمان"), ("Jumana", "جمانة"), ("Lubna", "لبنى"),
]

# Fathers' names in three-part names are men's names only.
FEMALE_FROM = GIVEN.index(("Fatima", "فاطمة"))

FAMILY = [
    ("al-Kadhimi", "الكاظمي"), ("al-Sadr", "الصدر"), ("al-Hakim", "الحكيم"), ("al-Maliki", "المالكي"),
    ("al-Abadi", "العبادي"), ("al-Jubouri", "الجبوري"), ("al-Dulaimi", "الدليمي"),
    ("al-Shammari", "الشمري"), ("al-Tamimi", "التميمي"), ("al-Obeidi", "العبيدي"),
    ("al-Zubaidi", "الزبيدي"), ("al-Khazali", "الخزعلي"), ("al-Amiri", "العامري"),
    ("al-Fayyadh", "الفياض"), ("al-Muhandis", "المهندس"), ("al-Kaabi", "الكعبي"),
    ("al-Husseini", "الحسيني"), ("al-Moussawi", "الموسوي"), ("al-Hashimi", "الهاشمي"),
    ("al-Qurashi", "القرشي"), ("al-Ansari", "الأنصاري"), ("al-Masri", "المصري"), ("al-Shami", "الشامي"),
    ("al-Halabi", "الحلبي"), ("al-Baghdadi", "البغدادي"), ("al-Basri", "البصري"),
    ("al-Mosuli", "الموصلي"), ("al-Najafi", "النجفي"), ("al-Karbalai", "الكربلائي"),
    ("al-Tikriti", "التكريتي"), ("al-Anbari", "الأنباري"), ("al-Rubaie", "الربيعي"),
    ("al-Saadi", "السعدي"), ("al-Jaberi", "الجابري"), ("al-Khafaji", "الخفاجي"), ("al-Asadi", "الأسدي"),
    ("al-Bayati", "البياتي"), ("al-Janabi", "الجنابي"), ("al-Mashhadani", "المشهداني"),
    ("al-Samarrai", "السامرائي"), ("al-Azzawi", "العزاوي"), ("al-Dabbagh", "الدباغ"),
    ("al-Haddad", "الحداد"), ("al-Najjar", "النجار"), ("al-Khatib", "الخطيب"), ("al-Sayegh", "الصايغ"),
    ("al-Attar", "العطار"), ("al-Kurdi", "الكردي"), ("al-Turkmani", "التركماني"),
    ("al-Yemeni", "اليمني"), ("al-Otaibi", "العتيبي"), ("al-Qahtani", "القحطاني"),
    ("al-Ghamdi", "الغامدي"), ("al-Zahrani", "الزهراني"), ("al-Harbi", "الحربي"),
    ("al-Mutairi", "المطيري"), ("al-Dosari", "الدوسري"), ("al-Shehri", "الشهري"), ("al-Anazi", "العنزي"),
    ("al-Shahrani", "الشهراني"), ("al-Sabah", "الصباح"), ("al-Thani", "الثاني"),
    ("Al Nahyan", "آل نهيان"), ("Al Saud", "آل سعود"), ("Al Khalifa", "آل خليفة"),
    ("Al Maktoum", "آل مكتوم"), ("al-Assad", "الأسد"), ("al-Hariri", "الحريري"),
    ("Gemayel", "الجميل"), ("Nasrallah", "نصرالله"), ("Berri", "بري"), ("Jumblatt", "جنبلاط"),
    ("Frangieh", "فرنجية"), ("Aoun", "عون"), ("Mikati", "ميقاتي"), ("Karami", "كرامي"),
    ("Haniyeh", "هنية"), ("al-Barghouti", "البرغوثي"), ("Dahlan", "دحلان"), ("Mashal", "مشعل"),
    ("al-Zahhar", "الزهار"), ("al-Sinwar", "السنوار"), ("al-Houthi", "الحوثي"), ("al-Ahmar", "الأحمر"),
    ("al-Iryani", "الإرياني"), ("al-Alimi", "العليمي"), ("bin Mubarak", "بن مبارك"),
    ("al-Sisi", "السيسي"), ("Mubarak", "مبارك"), ("Morsi", "مرسي"), ("Shoukry", "شكري"),
    ("Madbouly", "مدبولي"), ("al-Burhan", "البرهان"), ("Dagalo", "دقلو"), ("Hamdok", "حمدوك"),
    ("al-Bashir", "البشير"), ("Haftar", "حفتر"), ("al-Dbeibah", "الدبيبة"), ("al-Sarraj", "السراج"),
    ("Ghannouchi", "الغنوشي"), ("Bouteflika", "بوتفليقة"), ("Tebboune", "تبون"),
    ("Belhadj", "بلحاج"), ("Benkirane", "بنكيران"), ("el-Othmani", "العثماني"), ("Zarif", "ظريف"),
    ("Raisi", "رئيسي"), ("Rouhani", "روحاني"), ("Khamenei", "خامنئي"), ("Soleimani", "سليماني"),
    ("Larijani", "لاريجاني"), ("Velayati", "ولايتي"), ("Erdogan", "أردوغان"),
    ("Barzani", "البارزاني"), ("Talabani", "الطالباني"), ("al-Halbousi", "الحلبوسي"),
    ("al-Khanjar", "الخنجر"), ("al-Nujaifi", "النجيفي"), ("al-Mutlaq", "المطلك"),
    ("al-Issawi", "العيساوي"), ("al-Alusi", "الآلوسي"), ("al-Jaafari", "الجعفري"),
    ("Allawi", "علاوي"), ("al-Sudani", "السوداني"), ("al-Araji", "الأعرجي"), ("al-Hilali", "الهلالي"),
    ("al-Fatlawi", "الفتلاوي"), ("al-Gharawi", "الغراوي"), ("al-Ghanemi", "الغانمي"),
    ("al-Shaibani", "الشيباني"), ("al-Kubaisi", "الكبيسي"), ("al-Rawi", "الراوي"),
    ("al-Hadithi", "الحديثي"), ("al-Ani", "العاني"), ("al-Duri", "الدوري"), ("al-Nuaimi", "النعيمي"),
    ("al-Mansouri", "المنصوري"), ("al-Marri", "المري"), ("al-Kuwari", "الكواري"),
    ("al-Suwaidi", "السويدي"), ("al-Falasi", "الفلاسي"), ("al-Ketbi", "الكتبي"),
    ("al-Balushi", "البلوشي"), ("al-Busaidi", "البوسعيدي"), ("al-Hinai", "الهنائي"),
    ("al-Mulla", "الملا"), ("al-Sharif", "الشريف"), ("al-Idrisi", "الإدريسي"), ("al-Fassi", "الفاسي"),
    ("al-Majali", "المجالي"), ("al-Rifai", "الرفاعي"), ("al-Tarawneh", "الطراونة"),
    ("al-Khasawneh", "الخصاونة"), ("al-Fayez", "الفايز"), ("al-Zoubi", "الزعبي"),
    ("al-Momani", "المومني"), ("al-Rantisi", "الرنتيسي"), ("Abu Marzouk", "أبو مرزوق"),
    ("Abu Zaid", "أبو زيد"), ("Abu Hamdan", "أبو حمدان"), ("Khoury", "خوري"), ("Saliba", "صليبا"),
    ("Sfeir", "صفير"), ("Chamoun", "شمعون"), ("Geagea", "جعجع"), ("Bassil", "باسيل"), ("Raad", "رعد"),
    ("Fadlallah", "فضل الله"), ("Shaaban", "شعبان"), ("Hamadeh", "حمادة"), ("Moghnieh", "مغنية"),
]

# (English, Arabic masculine, Arabic feminine)
ADJECTIVES = [
    ("Islamic", "الإسلامي", "الإسلامية"), ("National", "الوطني", "الوطنية"),
    ("Popular", "الشعبي", "الشعبية"), ("Democratic", "الديمقراطي", "الديمقراطية"),
    ("Arab", "العربي", "العربية"), ("Iraqi", "العراقي", "العراقية"), ("Syrian", "السوري", "السورية"),
    ("Lebanese", "اللبناني", "اللبنانية"), ("Palestinian", "الفلسطيني", "الفلسطينية"),
    ("Yemeni", "اليمني", "اليمنية"), ("Kurdish", "الكردي", "الكردية"),
    ("Revolutionary", "الثوري", "الثورية"), ("Socialist", "الاشتراكي", "الاشتراكية"),
    ("Liberal", "الليبرالي", "الليبرالية"), ("Civil", "المدني", "المدنية"),
    ("Progressive", "التقدمي", "التقدمية"), ("Unified", "الموحد", "الموحدة"), ("Free", "الحر", "الحرة"),
    ("Supreme", "الأعلى", "العليا"), ("Central", "المركزي", "المركزية"), ("Sunni", "السني", "السنية"),
    ("Shiite", "الشيعي", "الشيعية"), ("Christian", "المسيحي", "المسيحية"),
    ("Tribal", "العشائري", "العشائرية"), ("Egyptian", "المصري", "المصرية"),
    ("Jordanian", "الأردني", "الأردنية"), ("Libyan", "الليبي", "الليبية"),
    ("Sudanese", "السوداني", "السودانية"), ("Gulf", "الخليجي", "الخليجية"),
    ("Independent", "المستقل", "المستقلة"),
]

# (English, Arabic with the article, feminine?)
NOUNS = [
    ("Resistance", "المقاومة", True), ("Unity", "الوحدة", True), ("Liberation", "التحرير", False),
    ("Reform", "الإصلاح", False), ("Salvation", "الإنقاذ", False), ("Dignity", "الكرامة", True),
    ("Justice", "العدالة", True), ("Construction", "البناء", False), ("Development", "التنمية", True),
    ("Future", "المستقبل", False), ("Renaissance", "النهضة", True), ("Change", "التغيير", False),
    ("Victory", "النصر", False), ("Jihad", "الجهاد", False), ("Struggle", "النضال", False),
    ("Solidarity", "التضامن", False), ("Peace", "السلام", False), ("Progress", "التقدم", False),
    ("Revolution", "الثورة", True), ("Awakening", "الصحوة", True), ("Nation", "الأمة", True),
    ("Homeland", "الوطن", False), ("Call", "الدعوة", True), ("Sovereignty", "السيادة", True),
    ("Loyalty", "الوفاء", False),
]

KINDS = [
    ("Movement", "حركة"), ("Party", "حزب"), ("Brigades", "كتائب"), ("Front", "جبهة"),
    ("Council", "مجلس"), ("Coalition", "ائتلاف"), ("Alliance", "تحالف"), ("Bloc", "كتلة"),
    ("Association", "جمعية"), ("Union", "اتحاد"), ("Foundation", "مؤسسة"), ("Forces", "قوات"),
    ("Gathering", "تجمع"), ("Organization", "منظمة"), ("Committee", "لجنة"), ("Army", "جيش"),
    ("Companies", "سرايا"),
]

CITIES = [
    ("Baghdad", "بغداد"), ("Basra", "البصرة"), ("Mosul", "الموصل"), ("Kirkuk", "كركوك"),
    ("Najaf", "النجف"), ("Karbala", "كربلاء"), ("Erbil", "أربيل"), ("Sulaymaniyah", "السليمانية"),
    ("Anbar", "الأنبار"), ("Diyala", "ديالى"), ("Nineveh", "نينوى"), ("Damascus", "دمشق"),
    ("Aleppo", "حلب"), ("Homs", "حمص"), ("Idlib", "إدلب"), ("Deir ez-Zor", "دير الزور"),
    ("Beirut", "بيروت"), ("Tripoli", "طرابلس"), ("Sidon", "صيدا"), ("Tyre", "صور"),
    ("Gaza", "غزة"), ("Jenin", "جنين"), ("Nablus", "نابلس"), ("Hebron", "الخليل"),
    ("Sanaa", "صنعاء"), ("Aden", "عدن"), ("Taiz", "تعز"), ("Hodeidah", "الحديدة"),
    ("Cairo", "القاهرة"), ("Alexandria", "الإسكندرية"), ("Khartoum", "الخرطوم"),
    ("Benghazi", "بنغازي"), ("Amman", "عمان"), ("Zarqa", "الزرقاء"), ("Tunis", "تونس"),
    ("Algiers", "الجزائر"), ("Rabat", "الرباط"), ("Riyadh", "الرياض"), ("Jeddah", "جدة"),
    ("Doha", "الدوحة"),
]

LOC_PREFIXES = [
    ("Tal", "تل"), ("Wadi", "وادي"), ("Jabal", "جبل"), ("Ain", "عين"), ("Bir", "بئر"), ("Kafr", "كفر"),
    ("Deir", "دير"), ("Khirbet", "خربة"), ("Ras", "رأس"), ("Umm", "أم"), ("Beit", "بيت"),
    ("Qasr", "قصر"), ("Nahr", "نهر"), ("Marj", "مرج"), ("Hayy", "حي"), ("Souq", "سوق"), ("Bab", "باب"),
    ("Sahl", "سهل"), ("Hawsh", "حوش"), ("Mazraat", "مزرعة"), ("Jisr", "جسر"), ("Qalaat", "قلعة"),
]

DIRECTIONS = [
    ("", ""), ("al-Sharqi", "الشرقي"), ("al-Gharbi", "الغربي"), ("al-Shamali", "الشمالي"),
    ("al-Janoubi", "الجنوبي"), ("al-Fouqani", "الفوقاني"), ("al-Tahtani", "التحتاني"),
    ("al-Kabir", "الكبير"), ("al-Saghir", "الصغير"), ("al-Jadid", "الجديد"), ("al-Qadim", "القديم"),
    ("al-Wusta", "الوسطى"),
]
# fmt: on

#: Shares of the synthetic entities by type; a type whose combinations run out is topped up with PER.
SHARES = (("PER", 0.70), ("ORG", 0.15), ("LOC", 0.15))


def _person(rng: random.Random) -> tuple[str, str]:
    given = GIVEN[rng.randrange(len(GIVEN))]
    family = FAMILY[rng.randrange(len(FAMILY))]
    if rng.random() < 0.3:
        return f"{given[0]} {family[0]}", f"{given[1]} {family[1]}"
    father = GIVEN[rng.randrange(FEMALE_FROM)]
    return f"{given[0]} {father[0]} {family[0]}", f"{given[1]} {father[1]} {family[1]}"


def _organisation(rng: random.Random) -> tuple[str, str]:
    adj_en, adj_m, adj_f = ADJECTIVES[rng.randrange(len(ADJECTIVES))]
    noun_en, noun_ar, feminine = NOUNS[rng.randrange(len(NOUNS))]
    kind_en, kind_ar = KINDS[rng.randrange(len(KINDS))]
    en = f"{adj_en} {noun_en} {kind_en}"
    ar = f"{kind_ar} {noun_ar} {adj_f if feminine else adj_m}"
    if rng.random() < 0.8:
        city_en, city_ar = CITIES[rng.randrange(len(CITIES))]
        en, ar = f"{en} in {city_en}", f"{ar} في {city_ar}"
    return en, ar


def _place(rng: random.Random) -> tuple[str, str]:
    prefix = LOC_PREFIXES[rng.randrange(len(LOC_PREFIXES))]
    roots = FAMILY if rng.random() < 0.5 else GIVEN
    root = roots[rng.randrange(len(roots))]
    direction = DIRECTIONS[rng.randrange(len(DIRECTIONS))]
    en = " ".join(p for p in (prefix[0], root[0], direction[0]) if p)
    ar = " ".join(p for p in (prefix[1], root[1], direction[1]) if p)
    return en, ar


MAKERS = {"PER": _person, "ORG": _organisation, "LOC": _place}
CAPACITY = {
    "PER": len(GIVEN) * len(FAMILY) + len(GIVEN) * FEMALE_FROM * len(FAMILY),
    "ORG": len(ADJECTIVES) * len(NOUNS) * len(KINDS) * (len(CITIES) + 1),
    "LOC": len(LOC_PREFIXES) * (len(GIVEN) + len(FAMILY)) * len(DIRECTIONS),
}


def synthetic(count: int, seed: int = 0) -> Iterator[dict[str, object]]:
    """``count`` distinct synthetic entities (JSON-ready dicts), the same ones for the same seed."""
    rng = random.Random(seed)
    quotas = {etype: round(count * share) for etype, share in SHARES}
    quotas["PER"] += count - sum(quotas.values())
    for etype in ("ORG", "LOC"):
        # Stay well below a type's capacity so rejection sampling stays quick.
        limit = CAPACITY[etype] // 2
        if quotas[etype] > limit:
            quotas["PER"] += quotas[etype] - limit
            quotas[etype] = limit
    if quotas["PER"] > CAPACITY["PER"] // 2:
        raise SystemExit(
            f"at most {CAPACITY['PER'] // 2 + CAPACITY['ORG'] // 2 + CAPACITY['LOC'] // 2} entities"
        )
    seen: set[str] = set()
    serial = 0
    # Interleave the types (one PER, ORG or LOC at a time, in proportion) so a prefix of the
    # file has the same mix as the whole.
    remaining = dict(quotas)
    order = [etype for etype, _ in SHARES]
    while any(remaining.values()):
        pick = rng.random() * sum(remaining.values())
        for etype in order:
            if pick < remaining[etype]:
                break
            pick -= remaining[etype]
        make = MAKERS[etype]
        while True:
            en, ar = make(rng)
            key = en.lower()
            if key not in seen:
                seen.add(key)
                break
        serial += 1
        remaining[etype] -= 1
        yield {
            "id": f"syn:{etype.lower()}:{serial:07d}",
            "type": etype,
            "name": en,
            "names": {"en": [en], "ar": [ar]},
        }


def bundled_entities() -> list[dict[str, object]]:
    """The bundled (default) gazetteer's entities, as JSON-ready dicts."""
    from mediamon import Gazetteer

    return [entity.to_dict() for entity in Gazetteer.bundled()]


def alias_count(entity: dict[str, object]) -> int:
    names = entity["names"]
    assert isinstance(names, dict)
    return sum(len(aliases) for aliases in names.values())


def write(
    path: Path,
    *,
    entities: int | None = None,
    aliases: int | None = None,
    bundled: bool = True,
    seed: int = 0,
) -> dict[str, int]:
    """Write the gazetteer; ``entities`` counts synthetic entities, ``aliases`` all aliases."""
    head = bundled_entities() if bundled else []
    head_aliases = sum(alias_count(e) for e in head)
    if aliases is not None:
        # Every synthetic entity has exactly two aliases.
        entities = max(0, -(-(aliases - head_aliases) // 2))
    assert entities is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    totals = {"bundled": len(head), "synthetic": 0, "entities": 0, "aliases": 0}
    with tmp.open("w", encoding="utf-8") as out:
        for entity in [*head, *synthetic(entities, seed)]:
            out.write(json.dumps(entity, ensure_ascii=False) + "\n")
            totals["entities"] += 1
            totals["aliases"] += alias_count(entity)
    totals["synthetic"] = totals["entities"] - len(head)
    tmp.replace(path)
    return totals


def bundled_digest() -> str:
    """A short hash of the bundled gazetteer files, so a cached file follows changes to them."""
    import hashlib
    from importlib import resources

    digest = hashlib.sha256()
    folder = resources.files("mediamon").joinpath("data").joinpath("gazetteers")
    for item in sorted(folder.iterdir(), key=lambda f: f.name):
        if item.name.endswith((".jsonl", ".json")):
            digest.update(item.name.encode())
            digest.update(item.read_bytes())
    return digest.hexdigest()[:8]


def default_path(entities: int | None, aliases: int | None, bundled: bool, seed: int) -> Path:
    """Where the cached file for these arguments lives (the bundled data's hash is in the name)."""
    size = f"a{aliases}" if aliases is not None else f"e{entities}"
    tag = f"-b{bundled_digest()}" if bundled else "-nobundled"
    return Path(tempfile.gettempdir()) / "mediamon-bench" / f"gazetteer-{size}-s{seed}{tag}.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--entities", type=int, help="synthetic entities (default 100000)")
    size.add_argument("--aliases", type=int, help="total aliases, bundled ones included")
    parser.add_argument("--no-bundled", action="store_true", help="leave out the bundled entities")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)
    if args.entities is None and args.aliases is None:
        args.entities = 100_000
    bundled = not args.no_bundled
    path = args.output or default_path(args.entities, args.aliases, bundled, args.seed)
    totals = write(path, entities=args.entities, aliases=args.aliases, bundled=bundled, seed=args.seed)
    print(path)
    print(", ".join(f"{k} {v}" for k, v in totals.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
