"""Gazetteer matching speed: mediamon's Annotator against spaCy's PhraseMatcher and a bare automaton.

One run, the same text and the same gazetteer for every engine:

- **mediamon**: ``Annotator(gazetteer, default=False)``; ``annotate_text`` on each paragraph,
  and ``annotate`` on whole articles (``read_dump`` of the sample, repeated to the same size);
- **spaCy** 3.8 ``PhraseMatcher(attr="LOWER")`` on blank ``en`` and ``ar`` pipelines, each
  paragraph routed to one of them by script (more Arabic than Latin letters: ``ar``), the
  patterns tokenised by a *second* tokenizer on the same vocab (so the tokenizer that later
  reads the text keeps a small cache), one match key per entity type, overlapping matches
  reduced with ``spacy.util.filter_spans``; tokenisation is included in the timing;
- **bare**: one pyahocorasick automaton of all lower-cased aliases, ``iter`` over
  ``text.lower()``, hits counted; no boundaries, no normalisation, no offsets map.

Text: ``examples/000_ee85a602ba24a7e5.txt`` (English and Arabic news), its non-blank lines
(paragraphs) repeated until ``--mb`` megabytes (10^6 bytes of UTF-8). Gazetteer: the
bundled entities plus ``--entities`` synthetic ones from ``make_gazetteer.py`` (written once
to ``$TMPDIR/mediamon-bench/``). Each engine runs in a fresh subprocess so its build time is
cold and its peak RSS (``ru_maxrss``) is its own.

    python benchmarks/bench_annotate.py                    # 4 MB, 100k synthetic entities
    python benchmarks/bench_annotate.py --quick            # 1 MB, 20k entities, one pass
    python benchmarks/bench_annotate.py --build-only --aliases 1000000
    python benchmarks/bench_annotate.py --profile          # where mediamon's annotate time goes

Throughput is MB/s of paragraph text (mediamon's article row: title + body); "build" is
from a loaded gazetteer to a ready matcher (mediamon: ``Annotator(...)`` + ``.compiled``;
spaCy: blank pipelines, pattern tokenisation, ``PhraseMatcher.add``; bare: ``add_word`` +
``make_automaton``); "load" is reading the gazetteer file (mediamon: ``Gazetteer.load``
with validation; the others: ``json.loads`` per line).
"""

from __future__ import annotations

import argparse
import collections
import datetime
import gc
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLE = ROOT / "examples" / "000_ee85a602ba24a7e5.txt"
ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
RESULT = "RESULT "

# Targets from the issue.
TARGET_VS_SPACY = 2.0
AIM_VS_SPACY = 3.0
TARGET_VS_BARE = 0.5
TARGET_BIG_BUILD_S = 30.0
TARGET_BIG_BUILD_RSS_MB = 1536.0
TARGET_BUNDLED_S = 2.0

sys.path.insert(0, str(HERE))


# ---------------------------------------------------------------------------------------
# shared by the workers
# ---------------------------------------------------------------------------------------
def paragraphs(megabytes: float) -> list[str]:
    """The sample's non-blank lines, cycled until their UTF-8 size reaches ``megabytes``."""
    lines = [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    target = megabytes * 1e6
    out: list[str] = []
    size = 0
    while size < target:
        for line in lines:
            out.append(line)
            size += len(line.encode("utf-8"))
            if size >= target:
                break
    return out


def SAMPLE_TEXTS() -> list[str]:  # noqa: N802 - reads like the constant it stands for
    """One copy of the sample's paragraphs."""
    return [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def sample_paragraph_count() -> int:
    return len(SAMPLE_TEXTS())


def utf8_size(texts: list[str]) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


def is_arabic(text: str) -> bool:
    return ARABIC_LETTER.search(text) is not None


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_aliases(path: str) -> list[tuple[str, str, str]]:
    """(entity id, type, alias) for every alias of the gazetteer file, plainly with json."""
    out = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            entity = json.loads(line)
            for aliases in entity["names"].values():
                for alias in aliases:
                    out.append((entity["id"], entity["type"], alias))
    return out


def emit(result: dict[str, Any]) -> None:
    result["rss_peak_mb"] = round(rss_mb(), 1)
    print(RESULT + json.dumps(result), flush=True)


#: The clock of every measurement in the workers: CPU time of the process by default, so
#: that other work on a small shared machine does not land in one engine's figures; the
#: engines are single-threaded, so on an idle machine CPU and wall time agree.
CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
clock = CLOCKS["cpu"]


def timed_passes(run: Any, repeat: int) -> tuple[float, float, Any]:
    """Best time (by ``clock``) and best wall time of ``repeat`` calls of ``run()``, and the last result."""
    best = best_wall = float("inf")
    value = None
    for _ in range(repeat):
        gc.collect()
        wall = time.perf_counter()
        start = clock()
        value = run()
        best = min(best, clock() - start)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return best, best_wall, value


# ---------------------------------------------------------------------------------------
# workers: one engine each, in a fresh process
# ---------------------------------------------------------------------------------------
def articles_of(megabytes: float) -> tuple[list[Any], int]:
    """``read_dump`` of the sample, its articles cycled until title + body reach ``megabytes``."""
    import mediamon

    base = list(mediamon.read_dump(SAMPLE))
    articles: list[Any] = []
    size = 0
    while size < megabytes * 1e6:
        for article in base:
            articles.append(article)
            size += len(article.title.encode("utf-8")) + len(article.body.encode("utf-8"))
            if size >= megabytes * 1e6:
                break
    return articles, size


def mediamon_runs(annotator: Any, texts: list[str], articles: list[Any]) -> dict[str, Any]:
    """The three ways of calling mediamon that are timed (and profiled)."""
    whole = "\n".join(texts)
    return {
        # one call per paragraph: the unit spaCy gets
        "para": lambda: [annotator.annotate_text(text) for text in texts],
        # one call for the whole text
        "whole": lambda: annotator.annotate_text(whole),
        # one call per article (title + body), as Corpus.annotate does
        "article": lambda: [annotator.annotate(a) for a in articles],
    }


def worker_mediamon(args: argparse.Namespace) -> None:
    start = clock()
    from mediamon import Annotator, Gazetteer

    imported = clock() - start
    start = clock()
    gazetteer = Gazetteer.load(args.gazetteer)
    load = clock() - start
    rss_loaded = rss_mb()
    start = clock()
    annotator = Annotator(gazetteer, default=False)
    compiled = annotator.compiled
    build = clock() - start
    result: dict[str, Any] = {
        "engine": "mediamon",
        "import_s": imported,
        "load_s": load,
        "build_s": build,
        "rss_loaded_mb": round(rss_loaded, 1),
        "entities": len(gazetteer),
        "aliases": gazetteer.alias_count(),
        "keys": {code: side.size for code, side in compiled.sides.items()},
        "conflicts": len(compiled.conflicts),
    }
    if args.build_only:
        emit(result)
        return

    texts = paragraphs(args.mb)
    size = utf8_size(texts)
    articles, article_bytes = articles_of(args.mb)
    # Warm-up on one copy of the sample, every way of calling: lazy imports (numpy for
    # long texts) and first-use tables are not part of the throughput.
    for run in mediamon_runs(annotator, SAMPLE_TEXTS(), articles_of(0.001)[0]).values():
        run()
    runs = mediamon_runs(annotator, texts, articles)

    seconds, wall, found = timed_passes(runs["para"], args.repeat)
    counts: collections.Counter[str] = collections.Counter()
    for mentions in found:
        for m in mentions:
            side = "ar" if is_arabic(m.text) else "en"
            counts[f"{side}:{m.how}"] += 1
            counts["total"] += 1
    first = sample_paragraph_count()
    spans = [[i, m.start, m.end, m.how] for i, mentions in enumerate(found[:first]) for m in mentions]
    result.update(text_bytes=size, text_s=seconds, text_mbps=size / 1e6 / seconds, counts=dict(counts))
    result.update(text_wall_mbps=size / 1e6 / wall)

    seconds, wall, whole = timed_passes(runs["whole"], args.repeat)
    result.update(whole_s=seconds, whole_mbps=size / 1e6 / seconds, whole_mentions=len(whole))
    result.update(whole_wall_mbps=size / 1e6 / wall)
    del whole

    seconds, wall, done = timed_passes(runs["article"], args.repeat)
    result.update(
        article_wall_mbps=article_bytes / 1e6 / wall,
        article_bytes=article_bytes,
        article_count=len(articles),
        article_s=seconds,
        article_mbps=article_bytes / 1e6 / seconds,
        article_mentions=sum(len(a.mentions) for a in done),
    )

    # annotate_text on one long text: how its cost grows with the text's length.
    scaling = []
    sample = SAMPLE.read_text(encoding="utf-8")
    for copies in args.scaling:
        text = "\n".join([sample] * copies)
        start = clock()
        n = len(annotator.annotate_text(text))
        elapsed = clock() - start
        scaling.append([copies, len(text.encode("utf-8")), elapsed, n])
    result["scaling"] = scaling
    Path(args.spans).write_text(json.dumps(spans), encoding="utf-8")
    emit(result)


def worker_spacy(args: argparse.Namespace) -> None:
    start = clock()
    try:
        import spacy
        from spacy.matcher import PhraseMatcher
        from spacy.util import filter_spans
    except ImportError:
        emit({"engine": "spacy", "missing": True})
        return
    imported = clock() - start
    start = clock()
    aliases = read_aliases(args.gazetteer)
    load = clock() - start
    rss_loaded = rss_mb()

    start = clock()
    pipelines = {code: spacy.blank(code) for code in ("en", "ar")}
    matchers = {}
    entity_of: dict[str, dict[tuple[str, ...], str]] = {}
    patterns_per_side = {}
    for code, nlp in pipelines.items():
        side = [(eid, etype, a) for eid, etype, a in aliases if is_arabic(a) == (code == "ar")]
        # A second tokenizer on the same vocab: the text's tokenizer keeps a small cache.
        pattern_tokenizer = spacy.blank(code, vocab=nlp.vocab).tokenizer
        docs = list(pattern_tokenizer.pipe([a for _, _, a in side]))
        by_type: dict[str, list[Any]] = {}
        lookup: dict[tuple[str, ...], str] = {}
        for (eid, etype, _), doc in zip(side, docs, strict=True):
            if not len(doc):
                continue
            by_type.setdefault(etype, []).append(doc)
            lookup.setdefault(tuple(t.lower_ for t in doc), eid)
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for etype, type_docs in by_type.items():
            matcher.add(etype, type_docs)
        matchers[code] = matcher
        entity_of[code] = lookup
        patterns_per_side[code] = len(docs)
    build = clock() - start
    result: dict[str, Any] = {
        "engine": "spacy",
        "version": spacy.__version__,
        "import_s": imported,
        "load_s": load,
        "build_s": build,
        "rss_loaded_mb": round(rss_loaded, 1),
        "aliases": len(aliases),
        "keys": patterns_per_side,
    }
    if args.build_only:
        emit(result)
        return

    texts = paragraphs(args.mb)
    size = utf8_size(texts)

    def route(text: str) -> str:
        return "ar" if len(ARABIC_LETTER.findall(text)) > len(LATIN_LETTER.findall(text)) else "en"

    def run(texts: list[str] = texts) -> tuple[list[list[tuple[int, int, str]]], collections.Counter[str]]:
        counts: collections.Counter[str] = collections.Counter()
        groups: dict[str, list[int]] = {"en": [], "ar": []}
        for i, text in enumerate(texts):
            groups[route(text)].append(i)
        out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        for code, indexes in groups.items():
            nlp, matcher, lookup = pipelines[code], matchers[code], entity_of[code]
            for i, doc in zip(indexes, nlp.pipe(texts[i] for i in indexes), strict=True):
                spans = matcher(doc, as_spans=True)
                counts[f"{code}:raw"] += len(spans)
                kept = filter_spans(spans)
                counts[f"{code}:kept"] += len(kept)
                out[i] = [
                    (s.start_char, s.end_char, lookup.get(tuple(t.lower_ for t in s), "")) for s in kept
                ]
        return out, counts

    run(SAMPLE_TEXTS())  # warm-up on one copy of the sample, as for the other engines
    seconds, wall, (found, counts) = timed_passes(run, args.repeat)
    first = sample_paragraph_count()
    spans = [[i, s, e, "en" if not is_arabic(texts[i][s:e]) else "ar"] for i in range(first) for s, e, _ in found[i]]
    Path(args.spans).write_text(json.dumps(spans), encoding="utf-8")
    result.update(text_bytes=size, text_s=seconds, text_mbps=size / 1e6 / seconds, counts=dict(counts))
    result.update(text_wall_mbps=size / 1e6 / wall)
    emit(result)


def worker_bare(args: argparse.Namespace) -> None:
    start = clock()
    import ahocorasick

    imported = clock() - start
    start = clock()
    aliases = read_aliases(args.gazetteer)
    load = clock() - start
    rss_loaded = rss_mb()
    start = clock()
    automaton = ahocorasick.Automaton()
    index_of: dict[str, int] = {}
    for eid, _, alias in aliases:
        key = alias.lower()
        if key not in index_of:
            index_of[key] = len(index_of)
            automaton.add_word(key, index_of[key])
    automaton.make_automaton()
    build = clock() - start
    result: dict[str, Any] = {
        "engine": "bare",
        "import_s": imported,
        "load_s": load,
        "build_s": build,
        "rss_loaded_mb": round(rss_loaded, 1),
        "aliases": len(aliases),
        "keys": {"all": len(index_of)},
    }
    if args.build_only:
        emit(result)
        return
    texts = paragraphs(args.mb)
    size = utf8_size(texts)
    text = "\n".join(texts)

    def run(text: str = text) -> int:
        hits = 0
        for _ in automaton.iter(text.lower()):
            hits += 1
        return hits

    run("\n".join(SAMPLE_TEXTS()))  # warm-up, as for the other engines

    seconds, wall, hits = timed_passes(run, args.repeat)
    result.update(text_bytes=size, text_s=seconds, text_mbps=size / 1e6 / seconds, counts={"hits": hits})
    result.update(text_wall_mbps=size / 1e6 / wall)
    emit(result)


def worker_bundled(args: argparse.Namespace) -> None:
    """Cold: import mediamon, load the bundled gazetteers, compile them."""
    start = clock()
    from mediamon import Annotator, Gazetteer

    imported = clock() - start
    start = clock()
    gazetteer = Gazetteer.bundled()
    load = clock() - start
    start = clock()
    Annotator(gazetteer, default=False).compiled  # noqa: B018 - compiling is what is timed
    build = clock() - start
    emit(
        {
            "engine": "bundled",
            "import_s": imported,
            "load_s": load,
            "build_s": build,
            "entities": len(gazetteer),
            "aliases": gazetteer.alias_count(),
        }
    )


def worker_profile(args: argparse.Namespace) -> None:
    """One of mediamon's timed loops, for a sampling profiler attached from outside."""
    from mediamon import Annotator, Gazetteer

    annotator = Annotator(Gazetteer.load(args.gazetteer), default=False)
    annotator.compiled  # noqa: B018
    texts = paragraphs(args.mb)
    articles = articles_of(args.mb)[0] if args.mode == "article" else []
    for run in mediamon_runs(annotator, SAMPLE_TEXTS(), articles_of(0.001)[0]).values():
        run()  # warm-up, as in the timed runs
    profile_target(mediamon_runs(annotator, texts, articles)[args.mode])


def profile_target(run: Any) -> None:
    """The frame the profile is cut to: every sample under it is annotation time."""
    run()


WORKERS = {
    "mediamon": worker_mediamon,
    "spacy": worker_spacy,
    "bare": worker_bare,
    "bundled": worker_bundled,
    "profile": worker_profile,
}


# ---------------------------------------------------------------------------------------
# the driver
# ---------------------------------------------------------------------------------------
def run_worker(engine: str, args: argparse.Namespace, gazetteer: Path, spans: Path | None = None) -> dict[str, Any]:
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        engine,
        "--gazetteer",
        str(gazetteer),
        "--mb",
        str(args.mb),
        "--repeat",
        str(args.repeat),
        "--scaling",
        ",".join(str(c) for c in args.scaling),
        "--spans",
        str(spans or os.devnull),
    ]
    command += ["--clock", args.clock]
    if args.build_only:
        command.append("--build-only")
    print(f"  running {engine} ...", file=sys.stderr, flush=True)
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    for line in proc.stdout.splitlines():
        if line.startswith(RESULT):
            result: dict[str, Any] = json.loads(line[len(RESULT) :])
            result["wall_s"] = wall
            return result
    sys.stderr.write(proc.stderr)
    return {"engine": engine, "failed": proc.returncode, "error": proc.stderr.strip().splitlines()[-1:]}


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = "?"
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no", "src"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if dirty:
            commit += f" + uncommitted changes in src/ (src digest {source_digest()})"
    except OSError:
        pass
    return (
        f"{datetime.date.today()}  {platform.machine()} {cpu}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, mediamon {commit}"
    )


def source_digest() -> str:
    """A short hash of every file under src/mediamon, to tell apart runs on an uncommitted tree."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted((ROOT / "src" / "mediamon").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def fmt(value: Any, spec: str = ".2f", missing: str = "-") -> str:
    return missing if value is None else format(value, spec)


def ensure_gazetteer(args: argparse.Namespace) -> tuple[Path, dict[str, int] | None]:
    import make_gazetteer

    if args.gazetteer:
        return Path(args.gazetteer), None
    path = make_gazetteer.default_path(args.entities, args.aliases, not args.no_bundled, 0)
    if path.exists() and not args.regenerate:
        return path, None
    print(f"  writing {path} ...", file=sys.stderr, flush=True)
    totals = make_gazetteer.write(path, entities=args.entities, aliases=args.aliases, bundled=not args.no_bundled)
    return path, totals


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def report_build_only(args: argparse.Namespace, gazetteer: Path) -> int:
    print(f"# mediamon build benchmark — {machine()}")
    print(f"# command: {' '.join(sys.argv)}")
    print(f"# gazetteer: {gazetteer}; clock: {args.clock} time")
    print(f"# load average before: {load_average()}", flush=True)
    rows = [run_worker(engine, args, gazetteer) for engine in args.engines]
    bundled = run_worker("bundled", args, gazetteer)
    print(f"# load average after: {load_average()}\n")
    header = f"{'engine':<28} {'aliases':>9} {'keys':>9} {'load s':>7} {'build s':>8} {'RSS loaded':>10} {'peak RSS':>9}"
    print(header)
    print("-" * len(header))
    for r in rows:
        if r.get("missing") or r.get("failed") is not None:
            print(f"{BUILD_NAMES[r['engine']]:<28} {'not installed' if r.get('missing') else 'failed: ' + str(r.get('error'))}")
            continue
        keys = sum(r.get("keys", {}).values())
        print(
            f"{BUILD_NAMES[r['engine']]:<28} {r['aliases']:>9} {keys:>9} {r['load_s']:>7.2f} {r['build_s']:>8.2f} "
            f"{r['rss_loaded_mb']:>7.0f} MB {r['rss_peak_mb']:>6.0f} MB"
        )
    print()
    by = {r["engine"]: r for r in rows}
    mm = by.get("mediamon")
    if mm and "build_s" in mm:
        big = mm["aliases"] >= 1_000_000
        scope = "" if big else f" (only {mm['aliases']} aliases: the target is for 1M)"
        print(
            f"target: 1M aliases build <= {TARGET_BIG_BUILD_S:.0f} s: {mm['build_s']:.1f} s, "
            f"load + build {mm['load_s'] + mm['build_s']:.1f} s -> {verdict(mm['build_s'] <= TARGET_BIG_BUILD_S)}{scope}"
        )
        print(
            f"target: within {TARGET_BIG_BUILD_RSS_MB / 1024:.1f} GB: peak RSS {mm['rss_peak_mb']:.0f} MB "
            f"-> {verdict(mm['rss_peak_mb'] <= TARGET_BIG_BUILD_RSS_MB)}{scope}"
        )
        sp = by.get("spacy")
        if sp and "build_s" in sp:
            print(f"mediamon / spaCy build time: {mm['build_s'] / sp['build_s']:.2f}x ({mm['build_s']:.2f} s vs "
                  f"{sp['build_s']:.2f} s; target <= 1x) -> {verdict(mm['build_s'] <= sp['build_s'])}")
            print(f"mediamon / spaCy peak RSS: {mm['rss_peak_mb'] / sp['rss_peak_mb']:.2f}x")
    report_bundled(bundled)
    return 0


def report_bundled(bundled: dict[str, Any]) -> None:
    if "build_s" not in bundled:
        print(f"bundled: failed {bundled.get('error')}")
        return
    total = bundled["load_s"] + bundled["build_s"]
    print(
        f"target: bundled gazetteers ({bundled['entities']} entities, {bundled['aliases']} aliases) load + compile "
        f"< {TARGET_BUNDLED_S:.0f} s, cold process: load {bundled['load_s']:.2f} s + compile {bundled['build_s']:.2f} s "
        f"= {total:.2f} s (import mediamon {bundled['import_s']:.2f} s not included) -> {verdict(total < TARGET_BUNDLED_S)}"
    )


MODES = {
    "para": "annotate_text per paragraph",
    "whole": "annotate_text on the whole text in one call",
    "article": "annotate per article",
}

BUILD_NAMES = {
    "mediamon": "mediamon Annotator.compiled",
    "spacy": "spaCy PhraseMatcher LOWER",
    "bare": "bare pyahocorasick",
}

NAMES = {
    "mediamon": "mediamon annotate_text/para",
    "mediamon-articles": "mediamon annotate/article",
    "spacy": "spaCy PhraseMatcher LOWER",
    "bare": "bare pyahocorasick scan",
}


def short_capitals(gazetteer: Path) -> set[str]:
    """Lower-cased forms of the gazetteer's short all-capital aliases (``US``, ``WHO``)."""
    out = set()
    for _, _, alias in read_aliases(str(gazetteer)):
        letters = "".join(c for c in alias if c.isalpha())
        if letters and len(letters) <= 5 and letters.isupper() and letters.isascii():
            out.add(alias.lower())
    return out


def agreement(mm_spans: Path, sp_spans: Path, gazetteer: Path) -> dict[str, Any] | None:
    """Latin-side spans of mediamon and spaCy compared on the first copy of the sample."""
    try:
        mm = json.loads(mm_spans.read_text(encoding="utf-8"))
        sp = json.loads(sp_spans.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    texts = SAMPLE_TEXTS()
    mm_latin = {(i, s, e) for i, s, e, how in mm if not is_arabic(texts[i][s:e]) and how not in ("surname", "variant")}
    mm_any: dict[int, list[tuple[int, int]]] = {}
    for i, s, e, _ in mm:
        mm_any.setdefault(i, []).append((s, e))
    sp_latin = {(i, s, e) for i, s, e, side in sp if side == "en"}
    sp_by: dict[int, list[tuple[int, int]]] = {}
    for i, s, e in sp_latin:
        sp_by.setdefault(i, []).append((s, e))

    def overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in spans)

    same = mm_latin & sp_latin
    sp_overlap = sorted(x for x in sp_latin - same if overlaps(mm_any.get(x[0], []), x[1], x[2]))
    sp_alone = sorted(x for x in sp_latin - same if not overlaps(mm_any.get(x[0], []), x[1], x[2]))
    mm_alone = sorted(x for x in mm_latin - same if not overlaps(sp_by.get(x[0], []), x[1], x[2]))
    capitals = short_capitals(gazetteer)
    # spaCy hits on a short all-capital alias written otherwise ("who" for WHO, "us" for US):
    # mediamon's case rule rejects them on purpose.
    case_rule = [x for x in sp_alone if texts[x[0]][x[1] : x[2]].lower() in capitals
                 and texts[x[0]][x[1] : x[2]] != texts[x[0]][x[1] : x[2]].upper()]

    def examples(spans: list[tuple[int, int, int]]) -> str:
        counted = collections.Counter(texts[i][s:e] for i, s, e in spans).most_common(8)
        return ", ".join(f"{t!r} x{n}" for t, n in counted) or "none"

    return {
        "paragraphs": len(texts),
        "mediamon": len(mm_latin),
        "spacy": len(sp_latin),
        "same": len(same),
        "other_extent": len(sp_overlap),
        "spacy_only": len(sp_alone),
        "spacy_only_case_rule": len(case_rule),
        "mediamon_only": len(mm_alone),
        "spacy_only_examples": examples(sp_alone),
        "mediamon_only_examples": examples(mm_alone),
        "other_extent_examples": examples(sp_overlap),
    }


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def report(args: argparse.Namespace, gazetteer: Path, totals: dict[str, int] | None) -> int:
    print(f"# mediamon annotation benchmark — {machine()}")
    print(f"# command: {' '.join(sys.argv)}")
    print(f"# text: {SAMPLE.name} paragraphs repeated to {args.mb} MB; best of {args.repeat} pass(es) "
          f"after a warm-up on one copy; clock: {args.clock} time")
    print(f"# gazetteer: {gazetteer}" + (f" ({totals})" if totals else ""))
    print(f"# load average before: {load_average()}", flush=True)
    scratch = Path(tempfile.mkdtemp(prefix="mediamon-bench-"))
    try:
        results = {}
        for engine in args.engines:
            results[engine] = run_worker(engine, args, gazetteer, scratch / f"{engine}.json")
        bundled = run_worker("bundled", args, gazetteer)
        agree = agreement(scratch / "mediamon.json", scratch / "spacy.json", gazetteer)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"# load average after: {load_average()}\n")

    rows = []
    for engine in args.engines:
        r = results[engine]
        if r.get("missing"):
            rows.append((NAMES[engine], None, None, None, None, None, None, "not installed"))
            continue
        if r.get("failed") is not None:
            rows.append((NAMES[engine], None, None, None, None, None, None, f"failed: {r.get('error')}"))
            continue
        common = (r["build_s"], r["load_s"])
        if engine == "mediamon":
            rows.append((NAMES[engine], *common, r["text_mbps"], r["text_wall_mbps"], r["counts"].get("total", 0),
                         r["rss_peak_mb"], f"{len(paragraphs(args.mb))} calls"))
            rows.append(("mediamon annotate_text/whole", *common, r["whole_mbps"], r["whole_wall_mbps"],
                         r["whole_mentions"], r["rss_peak_mb"], "1 call"))
            rows.append(("mediamon annotate/article", *common, r["article_mbps"], r["article_wall_mbps"],
                         r["article_mentions"], r["rss_peak_mb"], f"{r['article_count']} articles"))
        elif engine == "spacy":
            c = r["counts"]
            kept = c.get("en:kept", 0) + c.get("ar:kept", 0)
            raw = c.get("en:raw", 0) + c.get("ar:raw", 0)
            rows.append((NAMES[engine], *common, r["text_mbps"], r["text_wall_mbps"], kept, r["rss_peak_mb"],
                         f"{raw} before filter_spans"))
        else:
            rows.append((NAMES[engine], *common, r["text_mbps"], r["text_wall_mbps"], r["counts"]["hits"],
                         r["rss_peak_mb"], "raw hits, no filtering"))
    aliases = next((r.get("aliases") for r in results.values() if r.get("aliases")), "?")
    entities = results.get("mediamon", {}).get("entities", "?")
    print(f"gazetteer: {entities} entities, {aliases} aliases; text: {args.mb} MB\n")
    header = (f"{'engine':<28} {'build s':>8} {'load s':>7} {'MB/s':>7} {'wall MB/s':>9} {'mentions':>9} "
              f"{'peak RSS':>9}  note")
    print(header)
    print("-" * len(header))
    for name, build, load, mbps, wall, mentions, rss, note in rows:
        print(
            f"{name:<28} {fmt(build):>8} {fmt(load):>7} {fmt(mbps):>7} {fmt(wall):>9} {fmt(mentions, 'd'):>9} "
            f"{fmt(rss, '.0f'):>6} MB  {note}"
        )
    print(f"\n(times are {args.clock} seconds; MB/s = 10^6 bytes of UTF-8 per second; build excludes load)\n")

    mm, sp, bare = results.get("mediamon", {}), results.get("spacy", {}), results.get("bare", {})
    modes = (("text_mbps", "para"), ("whole_mbps", "whole"), ("article_mbps", "article"))
    if "text_mbps" in mm and "text_mbps" in sp:
        for key, label in modes:
            ratio = mm[key] / sp["text_mbps"]
            print(f"mediamon / spaCy throughput, {MODES[label]}: {ratio:.2f}x "
                  f"(target >= {TARGET_VS_SPACY:.0f}x, aim {AIM_VS_SPACY:.0f}x) -> {verdict(ratio >= TARGET_VS_SPACY)}")
        print(f"mediamon / spaCy build time: {mm['build_s'] / sp['build_s']:.2f}x "
              f"({mm['build_s']:.2f} s vs {sp['build_s']:.2f} s; target <= 1x) -> {verdict(mm['build_s'] <= sp['build_s'])}")
        print(f"mediamon / spaCy peak RSS: {mm['rss_peak_mb'] / sp['rss_peak_mb']:.2f}x")
    elif sp.get("missing"):
        print("spaCy: not installed (pip install -r benchmarks/requirements.txt); its ratios are skipped")
    if "text_mbps" in mm and "text_mbps" in bare:
        for key, label in modes:
            ratio = mm[key] / bare["text_mbps"]
            print(f"mediamon / bare scan throughput, {MODES[label]}: {ratio:.2f}x "
                  f"(target >= {TARGET_VS_BARE}x) -> {verdict(ratio >= TARGET_VS_BARE)}")
        print(f"mediamon / bare build time: {mm['build_s'] / bare['build_s']:.2f}x")
    print()
    if "counts" in mm:
        c = mm["counts"]
        latin = c.get("en:exact", 0) + c.get("en:normalised", 0)
        print("mediamon mentions (per paragraph) by side:rule: "
              + ", ".join(f"{k} {v}" for k, v in sorted(c.items()) if k != "total"))
        if "counts" in sp:
            spc = sp["counts"]
            print(f"Latin side, whole {args.mb} MB: mediamon {latin} exact + normalised "
                  f"(+{c.get('en:variant', 0)} variant, +{c.get('en:surname', 0)} surname), "
                  f"spaCy {spc.get('en:kept', 0)} after filter_spans")
            print(f"Arabic side, whole {args.mb} MB: mediamon {sum(v for k, v in c.items() if k.startswith('ar:'))} "
                  f"(of which clitic {c.get('ar:clitic', 0)}), spaCy {spc.get('ar:kept', 0)}")
        print(f"mediamon automaton keys {mm['keys']}, {mm['conflicts']} alias conflicts (first entity kept)")
    if agree:
        a = agree
        print(
            f"\nLatin side, one copy of the sample ({a['paragraphs']} paragraphs), span by span: "
            f"mediamon {a['mediamon']}, spaCy {a['spacy']}; same offsets {a['same']}; spaCy span overlapping "
            f"a mediamon mention with other offsets {a['other_extent']}; spaCy only {a['spacy_only']} "
            f"(of which {a['spacy_only_case_rule']} break the capitals rule); mediamon only {a['mediamon_only']}"
        )
        print(f"  spaCy only:      {a['spacy_only_examples']}")
        print(f"  mediamon only:   {a['mediamon_only_examples']}")
        print(f"  other extent (spaCy's span): {a['other_extent_examples']}")
        real_spacy = a["spacy"] - a["spacy_only_case_rule"]
        print(
            f"target: mediamon finds at least as many Latin whole-word matches as spaCy: {a['mediamon']} vs "
            f"{a['spacy']} ({real_spacy} without the capitals-rule hits) -> "
            f"{verdict(a['mediamon'] >= real_spacy)}{'' if a['mediamon'] >= a['spacy'] else ' (raw count: fewer)'}"
        )
    print()
    if mm.get("scaling"):
        print("annotate_text on copies of the sample joined into ONE text (linearity check):")
        for copies, size, seconds, n in mm["scaling"]:
            print(f"  {copies:>3} copies  {size / 1e6:6.2f} MB  {seconds:7.3f} s  {size / 1e6 / seconds:6.2f} MB/s  "
                  f"{n} mentions")
        print()
    report_bundled(bundled)
    return 0


def profile(args: argparse.Namespace, gazetteer: Path) -> int:
    """Sample mediamon's paragraph loop with py-spy and print where the time goes."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(spy).exists():
        print("py-spy is not installed (pip install py-spy)", file=sys.stderr)
        return 2
    out = Path(tempfile.mkdtemp(prefix="mediamon-prof-")) / "stacks.txt"
    command = [
        spy, "record", "--format", "raw", "--rate", str(args.rate), "--output", str(out), "--",
        sys.executable, str(Path(__file__).resolve()), "--worker", "profile",
        "--gazetteer", str(gazetteer), "--mb", str(args.mb), "--mode", args.mode,
    ]  # fmt: skip
    print(f"# profile of mediamon, {MODES[args.mode]}, {args.mb} MB — {machine()}")
    print(f"# command: {' '.join(sys.argv)}  (py-spy record --rate {args.rate})\n")
    proc = subprocess.run(command, check=False, capture_output=True, text=True)
    if proc.returncode != 0 or not out.exists():
        sys.stderr.write(proc.stdout + proc.stderr)
        print("profiling failed", file=sys.stderr)
        return 1
    self_time: collections.Counter[str] = collections.Counter()
    inclusive: collections.Counter[str] = collections.Counter()
    lines: collections.Counter[str] = collections.Counter()
    total = 0
    for row in out.read_text(encoding="utf-8").splitlines():
        stack, _, count = row.rpartition(" ")
        if not stack or "profile_target" not in stack:
            continue
        frames = stack.split(";")
        cut = next(i for i, f in enumerate(frames) if f.startswith("profile_target "))
        frames = frames[cut + 1 :]
        n = int(count)
        total += n
        if not frames:
            continue
        self_time[function_name(frames[-1])] += n
        lines[short(frames[-1])] += n
        for name in {function_name(f) for f in frames}:
            inclusive[name] += n
    shutil.rmtree(out.parent, ignore_errors=True)
    if not total:
        print("no samples under profile_target", file=sys.stderr)
        return 1
    print(f"{total} samples while annotating (100%)\n")
    print("self time (the function itself, C calls it makes included):")
    for name, n in self_time.most_common(args.top):
        print(f"  {100 * n / total:5.1f}%  {name}")
    print("\ninclusive time (the function and everything it calls):")
    for name, n in inclusive.most_common(args.top):
        print(f"  {100 * n / total:5.1f}%  {name}")
    print("\nhottest lines:")
    for name, n in lines.most_common(args.top):
        print(f"  {100 * n / total:5.1f}%  {name}")
    return 0


def function_name(frame: str) -> str:
    """``resolve (mediamon/matcher.py:115)`` -> ``matcher.py:resolve``."""
    name, _, where = frame.partition(" (")
    path = where.rstrip(")").rsplit(":", 1)[0]
    return f"{short_path(path)}:{name}"


def short(frame: str) -> str:
    name, _, where = frame.partition(" (")
    path, _, line = where.rstrip(")").rpartition(":")
    return f"{short_path(path)}:{line} {name}"


def short_path(path: str) -> str:
    for marker in ("/mediamon/", "/site-packages/", "/lib/python3"):
        if marker in path:
            return path.split(marker, 1)[1]
    return os.path.basename(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=4.0, help="megabytes of text (default 4)")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--entities", type=int, help="synthetic entities added to the bundled ones (default 100000)")
    size.add_argument("--aliases", type=int, help="total aliases instead (e.g. 1000000 for the build target)")
    parser.add_argument("--no-bundled", action="store_true", help="synthetic entities only")
    parser.add_argument("--gazetteer", help="use this gazetteer file instead of generating one")
    parser.add_argument("--regenerate", action="store_true", help="rewrite the cached synthetic gazetteer")
    parser.add_argument("--quick", action="store_true", help="1 MB, 20000 entities, one pass")
    parser.add_argument("--build-only", action="store_true", help="build time and memory only, no text")
    parser.add_argument("--profile", action="store_true", help="profile mediamon's annotate_text with py-spy")
    parser.add_argument("--rate", type=int, default=500, help="py-spy samples per second (--profile)")
    parser.add_argument("--mode", choices=sorted(MODES), default="para", help="mediamon loop to profile")
    parser.add_argument("--top", type=int, default=15, help="rows per profile table")
    parser.add_argument("--repeat", type=int, default=None, help="timed passes per engine, best kept (default 2)")
    parser.add_argument("--engines", default="mediamon,spacy,bare", help="comma-separated subset")
    parser.add_argument(
        "--scaling", default=None, help="copies of the sample for the one-call annotate_text rows (default 1,2,4,8)"
    )
    parser.add_argument(
        "--clock", choices=sorted(CLOCKS), default="cpu", help="time measure: process CPU time (default) or wall"
    )
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--spans", default=os.devnull, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.quick:
        if args.entities is None and args.aliases is None:
            args.entities = 20_000
        if "--mb" not in (argv if argv is not None else sys.argv):
            args.mb = 1.0
        args.repeat = args.repeat or 1
        args.scaling = args.scaling or "1,2,4"
    if args.entities is None and args.aliases is None:
        args.entities = 100_000
    args.repeat = args.repeat or 2
    if isinstance(args.scaling, str):
        args.scaling = [int(c) for c in args.scaling.split(",") if c]
    elif args.scaling is None:
        args.scaling = [1, 2, 4, 8]
    args.engines = [e for e in args.engines.split(",") if e]

    global clock  # noqa: PLW0603 - chosen once, before any measurement
    clock = CLOCKS[args.clock]
    if args.worker:
        WORKERS[args.worker](args)
        return 0
    gazetteer, totals = ensure_gazetteer(args)
    if args.profile:
        return profile(args, gazetteer)
    if args.build_only:
        return report_build_only(args, gazetteer)
    return report(args, gazetteer, totals)


if __name__ == "__main__":
    raise SystemExit(main())
