"""Text helpers shared by the gazetteer build scripts (build-time only, standard library).

``clean_*`` produce the written form that goes into the files; ``*_key`` produce the
comparison key used for de-duplication and stoplist look-ups.  The keys mirror what the
matcher is documented to normalise by itself (alef forms, ta marbuta/ha, alef maqsura/ya
in Arabic; case, accents, hyphens and apostrophes in Latin script), so two aliases with the
same key are redundant and only one is kept.
"""

from __future__ import annotations

import re
import unicodedata

# Arabic harakat, Quranic annotation marks, superscript alef, tatweel.
AR_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Invisible format characters that GeoNames and CLDR sometimes carry.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
# Letters allowed in an Arabic-language alias: the Arabic block's base letters
# (hamza..yeh minus the harakat range) plus VEH (ڤ, used in Arabic for /v/).
AR_LETTERS = set(chr(c) for c in range(0x0621, 0x063B)) | set(chr(c) for c in range(0x0641, 0x064B))
AR_LETTERS |= {"\u06a4"}  # ڤ
# Letters that mark Persian, Kurdish, Urdu, Pashto, Sindhi, Uyghur ... spellings.
NON_ARABIC_LETTERS = set("پچژگکیەڵۆێڕےۇۋېھںٹڈڑګړښځڅډږڼۍئ")
NON_ARABIC_LETTERS.discard("ئ")  # ئ is ordinary Arabic (hamza on ya)
AR_PUNCT_OK = set(" -'") | set("0123456789٠١٢٣٤٥٦٧٨٩")

APOSTROPHES = "'’‘`´ʼʻʿʾ"
HYPHENS = "-‐‑‒–—―"


def collapse(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def strip_ar_marks(s: str) -> str:
    return AR_MARKS.sub("", s)


def clean_ar(s: str) -> str:
    """Arabic written form: NFC, no diacritics/tatweel/invisibles, wasla alef as plain alef."""
    s = unicodedata.normalize("NFC", s)
    s = INVISIBLE.sub("", s)
    s = strip_ar_marks(s)
    s = s.replace("\u0671", "\u0627")  # ٱ -> ا
    s = s.replace("\u060c", "،")
    return collapse(s)


def ar_key(s: str) -> str:
    s = clean_ar(s)
    s = re.sub("[أإآٱ]", "ا", s)
    s = s.replace("ة", "ه").replace("ى", "ي")
    s = s.replace("-", " ")
    return collapse(s)


def fold_latin(s: str) -> str:
    """Remove accents (NFKD, drop combining marks); keep letters' case."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    for a, b in (
        ("ı", "i"),
        ("ł", "l"),
        ("Ł", "L"),
        ("ø", "o"),
        ("Ø", "O"),
        ("đ", "d"),
        ("Đ", "D"),
        ("ß", "ss"),
        ("æ", "ae"),
        ("Æ", "AE"),
        ("œ", "oe"),
        ("Œ", "OE"),
        ("ð", "d"),
        ("þ", "th"),
    ):
        s = s.replace(a, b)
    return s


def clean_en(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    s = INVISIBLE.sub("", s)
    for a in APOSTROPHES:
        s = s.replace(a, "'")
    return collapse(s)


def en_key(s: str) -> str:
    s = fold_latin(clean_en(s)).casefold()
    for a in APOSTROPHES:
        s = s.replace(a, "")
    for h in HYPHENS:
        s = s.replace(h, " ")
    return collapse(s)


def key(lang: str, s: str) -> str:
    return ar_key(s) if lang == "ar" else en_key(s)


def is_arabic_text(s: str) -> bool:
    """Only Arabic-language letters (no Persian/Kurdish/Urdu letters), spaces, hyphen, apostrophe."""
    return (
        bool(s)
        and all(ch in AR_LETTERS or ch in AR_PUNCT_OK for ch in s)
        and any(ch in AR_LETTERS for ch in s)
    )


def has_non_arabic_letters(s: str) -> bool:
    return any(ch in NON_ARABIC_LETTERS for ch in s)


def is_latin_text(s: str) -> bool:
    """Latin letters (any accents), digits, spaces and name punctuation only."""
    if not s:
        return False
    letters = 0
    for ch in s:
        if ch.isalpha():
            if "LATIN" not in unicodedata.name(ch, ""):
                return False
            letters += 1
        elif ch.isdigit() or ch in " .,&'-()/" or ch in APOSTROPHES or ch in HYPHENS:
            continue
        else:
            return False
    return letters > 0


def letters_only(s: str) -> str:
    return "".join(ch for ch in s if ch.isalpha())


def is_acronym(s: str) -> bool:
    """All-capital acronym such as UN, EU, U.S., PMU, SDF, G7, G20 (2..6 characters,
    capitals and digits, at least one capital, optional dots/ampersand)."""
    core = s.replace(".", "").replace("&", "")
    return (
        2 <= len(core) <= 6
        and core.isalnum()
        and core.isascii()
        and core.isupper()
        and any(ch.isalpha() for ch in core)
    )


def slug(s: str) -> str:
    s = fold_latin(clean_en(s)).lower()
    for a in APOSTROPHES:
        s = s.replace(a, "")
    s = re.sub(r"[^a-z0-9]+", "-", s)
    return s.strip("-")
