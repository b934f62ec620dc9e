"""mediamon.text.langid: script counts and language identification."""

from __future__ import annotations

import csv
import functools
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediamon.text.langid import UNDETERMINED, ScriptCounts, detect_language, script_counts

SAMPLE = Path(__file__).parents[1] / "data" / "fignews_sample.tsv"
SOURCE_LANG = {"Arabic": "ar", "English": "en", "French": "fr", "Hebrew": "he", "Hindi": "hi"}


def _sample_rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _sample_rows()


def _post(source: str, post_id: str) -> str:
    return next(row["Text"] for row in ROWS if row["Source Language"] == source and row["ID"] == post_id)


ARABIC_PARAGRAPH = (
    "أعلنت وزارة الخارجية اليوم أن الوفد الرسمي سيصل إلى العاصمة يوم الأحد المقبل لبحث "
    "الأوضاع الإنسانية في المنطقة."
)
ENGLISH_PARAGRAPH = (
    "Secretary General of the movement said the country's next prime minister must terminate "
    "all agreements reached under the dictates of the United States."
)

CASES = [
    # Dates and other lines without letters, or too short to tell.
    ("", UNDETERMINED),
    ("   \n\t", UNDETERMINED),
    ("18/07/2021", UNDETERMINED),
    ("12:30 GMT+3", UNDETERMINED),
    ("October 6, 2021", UNDETERMINED),
    ("27 Jul 2021", UNDETERMINED),
    ("MARCH 30, 2021", UNDETERMINED),
    ("أيلول 4 2021", "ar"),  # Arabic script: Arabic unless Persian/Urdu letters say otherwise
    ("١٨/٠٧/٢٠٢١", UNDETERMINED),
    ("https://www.youtube.com/watch?v=trm0IFwsz-o", UNDETERMINED),
    # Bylines and boilerplate.
    ("By Staff, Agencies", "en"),
    ("ناصر قنديل", "ar"),
    ("بيروت - وكالات", "ar"),
    ("Source: Al Mayadeen", UNDETERMINED),
    ("Related Videos", UNDETERMINED),
    ("manar-01165340016322259843", UNDETERMINED),
    # Paragraphs.
    (ARABIC_PARAGRAPH, "ar"),
    (ENGLISH_PARAGRAPH, "en"),
    ("The minister said that the talks would resume next week.", "en"),
    (_post("French", "49"), "fr"),
    (_post("French", "1978"), "fr"),
    (_post("Hebrew", "15"), "he"),
    (_post("Hebrew", "34"), "he"),
    (_post("Hindi", "805"), "hi"),
    (_post("Hindi", "26"), "hi"),  # Devanagari with a Latin "LIVE"
    # Mixed Arabic and English: the majority script decides.
    ("قال الرئيس التنفيذي لشركة Google إن الشركة ستفتتح مكتبا جديدا في دبي خلال العام المقبل", "ar"),
    ('The crowd chanted "الشعب يريد" as the minister arrived at the building on Tuesday morning.', "en"),
    (f"{ENGLISH_PARAGRAPH}\n\n{ARABIC_PARAGRAPH}\n\n{ENGLISH_PARAGRAPH}", "en"),
    (f"{ARABIC_PARAGRAPH}\n\n{ENGLISH_PARAGRAPH[:60]}\n\n{ARABIC_PARAGRAPH}", "ar"),
    # Hashtags and links do not decide, unless they are all there is.
    ("#غزة_تحت_القصف", "ar"),
    ("इजरायल ने हमास पर हमला तेज किया #Israel #Hamas #IsraelPalestineWar #Gaza #WorldNews", "hi"),
    (f"{ARABIC_PARAGRAPH[:40]} https://www.example.com/a-very-long-english-looking-address-here", "ar"),
    # Arabic script: Persian and Urdu only on long text with their letters.
    (
        "وزارت امور خارجه ایران روز یکشنبه اعلام کرد که هیئت دیپلماتیک این کشور برای گفتگو "
        "درباره همکاری‌های اقتصادی به پایتخت سفر خواهد کرد.",
        "fa",
    ),
    (
        "پاکستان کی وزارت خارجہ نے اتوار کو کہا کہ وفد اقتصادی تعاون پر بات چیت کے لیے "
        "دارالحکومت کا دورہ کرے گا۔",
        "ur",
    ),
    ("رئيس الوزراء پوتين", "ar"),
    # Other Latin-script languages: langdetect, on long enough text only.
    (
        "Die Regierung hat am Mittwoch neue Sicherheitsmaßnahmen angekündigt. Der Außenminister "
        "sagte, die Gespräche würden nächste Woche fortgesetzt.",
        "de",
    ),
    (
        "El gobierno anunció el miércoles nuevas medidas de seguridad. El ministro dijo que las "
        "conversaciones continuarán la próxima semana.",
        "es",
    ),
    # Short Latin sentences: French function words, or langdetect when it is confident and
    # the sentence has lower-case words (names, dates and bylines alone stay "und").
    ("Elle est poursuivie pour apologie du terrorisme", "fr"),  # was "und": too short for langdetect
    ("Départ pour Rafah, à la frontière de Gaza.", "fr"),
    ('"He was a real hero."', "en"),
    ("Hamas deputy leader among four members killed", "en"),
    ("Mahmoud Abbas", UNDETERMINED),
    ("Photo: Reuters", UNDETERMINED),
    ("Benjamin Netanyahu met Tehran Times", UNDETERMINED),
    # Other scripts.
    ("הממשלה הודיעה היום על צעדים חדשים.", "he"),
    ("Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα ασφαλείας.", "el"),
    ("Правительство объявило", "ru"),
    (
        "Уряд оголосив про нові заходи безпеки. Міністр закордонних справ заявив, що переговори "
        "продовжаться наступного тижня.",
        "uk",
    ),
    ("東京で会議が開かれ、政府は新しい安全対策を発表した。", "ja"),
    ("政府今天宣布了新的安全措施。", "zh"),
    ("정부는 오늘 새로운 안전 대책을 발표했다.", "ko"),
    ("รัฐบาลประกาศมาตรการรักษาความปลอดภัยใหม่ในวันพุธ", "th"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


# --- script counts ---------------------------------------------------------------------------


def test_script_counts_of_mixed_text() -> None:
    counts = script_counts("Gaza غزة 2023! שלום Мир αβ 東京 हमास")
    assert counts == ScriptCounts(
        arabic=3, latin=4, other=0, hebrew=4, cyrillic=3, greek=2, devanagari=4, cjk=2
    )
    assert counts.total == 22


def test_script_counts_leave_out_digits_punctuation_and_vowel_points() -> None:
    assert script_counts("١٢٣ 123 ،؛؟ «»").total == 0
    assert script_counts("كَتَبَ") == ScriptCounts(arabic=3, latin=0, other=0)  # harakat are optional
    assert script_counts("x²½").latin == 1


def test_script_counts_include_devanagari_vowel_signs() -> None:
    # हिंदी: ह, ि (vowel sign), ं (anusvara), द, ी (vowel sign)
    assert script_counts("हिंदी").devanagari == 5


def test_script_counts_of_ascii_text() -> None:
    assert script_counts("By Staff, Agencies -- 2021") == ScriptCounts(arabic=0, latin=15, other=0)
    assert script_counts("") == ScriptCounts(arabic=0, latin=0, other=0)


def test_script_counts_other_scripts() -> None:
    assert script_counts("ქართული") == ScriptCounts(arabic=0, latin=0, other=7)


_FIELDS = ("arabic", "latin", "hebrew", "cyrillic", "greek", "devanagari", "cjk")


def _reference_script(char: str) -> str | None:
    """Per-character reference: the script a letter belongs to by its Unicode name."""
    name = unicodedata.name(char, "")
    category = unicodedata.category(char)
    if name.startswith("DEVANAGARI") and category in ("Mn", "Mc", "Lo", "Lm"):
        return "devanagari"
    if not char.isalpha():
        return None
    for prefix, script in (
        ("ARABIC", "arabic"),
        ("LATIN", "latin"),
        ("HEBREW", "hebrew"),
        ("CYRILLIC", "cyrillic"),
        ("GREEK", "greek"),
        ("CJK", "cjk"),
        ("HIRAGANA", "cjk"),
        ("KATAKANA", "cjk"),
        ("HANGUL", "cjk"),
    ):
        if name.startswith(prefix):
            return script
    return "other"


ALPHABET = "abcXYZéüßŁ ءابتثجحخپچکی ًٌٍ ١٢ אבגדשת ְ абвгджЁ αβγΩ हमासिंदी ् 東京日本かなカナ한국 ქართ ㄱ ¹²½ 9_.,!"
LETTERS_OF_MANY_SCRIPTS = st.text(st.sampled_from(ALPHABET))


@settings(max_examples=300, deadline=None)
@given(LETTERS_OF_MANY_SCRIPTS)
def test_script_counts_match_a_per_character_count(text: str) -> None:
    counts = script_counts(text)
    expected = dict.fromkeys((*_FIELDS, "other"), 0)
    for char in text:
        script = _reference_script(char)
        if script is not None:
            expected[script] += 1
    assert {name: getattr(counts, name) for name in expected} == expected
    assert counts.total == sum(expected.values())


# --- robustness and determinism --------------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_never_raises(text: str) -> None:
    code = detect_language(text)
    assert code == UNDETERMINED or (len(code) == 2 and code.isalpha() and code.islower())


@settings(max_examples=100, deadline=None)
@given(st.text(st.sampled_from(ALPHABET + "abcdefghij klmnop"), min_size=60, max_size=300))
def test_never_raises_on_long_mixed_text(text: str) -> None:
    detect_language(text)


def _texts_for_determinism() -> list[str]:
    return [row[column] for row in ROWS[::5] for column in ("Text", "English MT")]


def test_deterministic_within_a_process() -> None:
    texts = _texts_for_determinism()
    assert [detect_language(t) for t in texts] == [detect_language(t) for t in texts]


def test_deterministic_across_processes() -> None:
    texts = _texts_for_determinism()
    here = [detect_language(t) for t in texts]
    script = (
        "import json, sys\n"
        "from mediamon.text.langid import detect_language\n"
        "texts = json.load(sys.stdin)\n"
        "print(json.dumps([detect_language(t) for t in texts]))\n"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        assert json.loads(result.stdout) == here


def test_langdetect_is_loaded_lazily_and_its_global_seed_left_alone() -> None:
    script = (
        "import sys\n"
        "import mediamon.text.langid as langid\n"
        "assert 'langdetect' not in sys.modules, 'langdetect imported at import time'\n"
        "langid.detect_language('Die Regierung hat am Mittwoch neue Sicherheitsmaßnahmen angekündigt, "
        "sagte der Minister in Berlin.')\n"
        "assert 'langdetect' in sys.modules\n"
        "from langdetect import DetectorFactory\n"
        "assert DetectorFactory.seed is None\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


# --- accuracy on real posts ----------------------------------------------------------------

# Measured on tests/data/fignews_sample.tsv (30 posts per source language): originals
# 148/150 (98.7%; was 143/150 before French and Hindi function words, the short-sentence
# rule and Hebrew by script), English MT 149/150, Arabic MT 150/150. The misses: a French
# post of names only (`Israël/Gaza: Macron s'exprime`) and a Hindi headline whose Latin
# names outweigh its Devanagari. Bounds: measured minus ~2 points.
ACCURACY_BOUNDS = {"Text": 0.96, "English MT": 0.97, "Arabic MT": 0.98}


@pytest.mark.parametrize("column", list(ACCURACY_BOUNDS))
def test_accuracy_on_fignews_sample(column: str) -> None:
    assert len(ROWS) == 150
    right = 0
    for row in ROWS:
        want = {"English MT": "en", "Arabic MT": "ar"}.get(column, SOURCE_LANG[row["Source Language"]])
        right += detect_language(row[column]) == want
    assert right / len(ROWS) >= ACCURACY_BOUNDS[column]


@pytest.mark.parametrize("source", list(SOURCE_LANG))
def test_accuracy_per_source_language(source: str) -> None:
    rows = [row for row in ROWS if row["Source Language"] == source]
    right = sum(detect_language(row["Text"]) == SOURCE_LANG[source] for row in rows)
    assert right >= len(rows) - 2  # measured: 29-30 of 30


# --- langdetect's model, scored by the engine ------------------------------------------------


@functools.cache
def _langdetect_factory(candidates: tuple[str, ...] | None) -> Any:
    """langdetect itself, its profiles of ``candidates`` loaded in name order, seed 0."""
    from importlib import resources

    from langdetect.detector_factory import DetectorFactory

    folder = resources.files("langdetect").joinpath("profiles")
    names = sorted(e.name for e in folder.iterdir() if not e.name.startswith("."))
    if candidates is not None:
        names = [n for n in names if n.split("-")[0] in candidates]
    factory = DetectorFactory()
    factory.load_json_profile([folder.joinpath(n).read_text(encoding="utf-8") for n in names])
    factory.seed = 0
    return factory


def _langdetect_own(text: str, candidates: tuple[str, ...] | None) -> tuple[list[str], list[float]] | None:
    from langdetect.lang_detect_exception import LangDetectException

    factory = _langdetect_factory(candidates)
    detector = factory.create()
    detector.append(text)
    try:
        detector.get_probabilities()
    except LangDetectException:
        return None
    return list(factory.langlist), list(detector.langprob)


_LANGDETECT_TEXTS = [
    *(row["Text"] for row in ROWS[::6]),
    "Die Regierung hat am Mittwoch neue Sicherheitsmaßnahmen angekündigt, sagte der Minister.",
    "El gobierno anunció el miércoles nuevas medidas de seguridad, dijo el ministro en Madrid.",
    "Chính phủ đã công bố các biện pháp an ninh mới vào thứ Tư",  # Vietnamese: composed marks
    "Visit https://example.com/a?b=c or write to desk@example.org — ÇA VA, Monsieur? “Oui”…",
    "دولت ایران روز چهارشنبه اعلام کرد که گفتگوها ادامه خواهد یافت. Tehran TIMES 2024",
    "THE PRIME MINISTER said   nothing    at all",
    "12 34 ,,, !!!",
]


@pytest.mark.parametrize("engine_name", ["python", "native"])
@pytest.mark.parametrize("candidates", [("de", "en", "es", "fr", "vi"), ("ar", "fa", "ur"), None])
def test_scores_are_langdetects_own(engine_name: str, candidates: tuple[str, ...] | None) -> None:
    """The same languages in the same order and the same probabilities, to the last bit
    (on Python 3.11: from 3.12 ``sum`` of floats is compensated, and langdetect adds with it)."""
    from mediamon import engine
    from mediamon.text import langid

    if engine_name == "native" and not engine.native_built():
        pytest.skip("native core not built")
    old = engine.use_native(engine_name == "native")
    try:
        for text in _LANGDETECT_TEXTS:
            ours = langid._nb_probabilities(text, candidates)
            theirs = _langdetect_own(text, candidates)
            assert (ours is None) == (theirs is None), text
            if ours is None or theirs is None:
                continue
            assert list(ours[0]) == theirs[0]
            if sys.version_info < (3, 12):
                assert ours[1] == theirs[1], text
            else:
                assert ours[1] == pytest.approx(theirs[1], rel=1e-9, abs=1e-12), text
    finally:
        engine.use_native(old)


def test_langdetect_settings_are_checked() -> None:
    from mediamon.text.langid import LangIdSettings

    with pytest.raises(ValueError, match="nb_seed"):
        LangIdSettings(nb_seed=-1)
    with pytest.raises(ValueError, match="nb_seed"):
        LangIdSettings(nb_seed=2**32)


def test_profile_matrix_is_langdetects_own() -> None:
    """Every n-gram of langdetect's map, the same probability per language and order."""
    from mediamon.text import langid

    candidates = ("ar", "fa", "ur")
    profiles = langid._profiles(candidates)
    factory = _langdetect_factory(candidates)
    width = len(profiles.languages)
    assert list(profiles.languages) == factory.langlist
    grams = {gram for gram in factory.word_lang_prob_map if 1 <= len(gram) <= 3}
    assert grams == set(profiles.index)
    for gram in grams:
        row = profiles.index[gram]
        assert list(profiles.probs[row * width : (row + 1) * width]) == factory.word_lang_prob_map[gram]


_GOOD_PROFILE = '{"name": "xx", "freq": {"a": 1, "ab": 2}, "n_words": [1, 2, 3]}'


@pytest.mark.parametrize(
    "profile",
    [
        '{"name": "xx", "freq": {"a": 1}}',
        _GOOD_PROFILE[:30],  # cut short
        _GOOD_PROFILE.replace('"ab": 2', '"ab": "2"'),  # found: TypeError from nb_column
        _GOOD_PROFILE.replace('"ab": 2', '"ab": 1' + "0" * 400),  # found: OverflowError from nb_column
        _GOOD_PROFILE.replace("[1, 2, 3]", "[1, 2, 1e400]"),  # found: OverflowError (int of infinity)
        _GOOD_PROFILE.replace("{", "[", 1),
    ],
    ids=["no n_words", "truncated", "text count", "huge count", "infinite total", "not an object"],
)
@pytest.mark.parametrize("native", [True, False], ids=["native", "python"])
def test_a_broken_profile_is_a_data_file_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, profile: str, native: bool
) -> None:
    from importlib import resources

    from mediamon import engine
    from mediamon.errors import DataFileError
    from mediamon.text import langid

    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "xx").write_text(profile, encoding="utf-8")
    monkeypatch.setattr(engine, "current", lambda: engine._load(native))
    monkeypatch.setattr(resources, "files", lambda _: tmp_path)
    langid._profiles.cache_clear()
    try:
        with pytest.raises(DataFileError, match="not a langdetect profile"):
            langid._profiles(None)
    finally:
        monkeypatch.undo()
        langid._profiles.cache_clear()
