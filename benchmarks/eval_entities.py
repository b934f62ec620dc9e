"""Entity-mention quality of the bundled gazetteers, measured on hand-labelled and real text.

Four measurements, each printed as Markdown tables (``docs/evaluation.md`` quotes them):

1. **Hand-labelled sample** (``tests/data/eval/sample_entities.json``: 10 articles of
   ``tests/data/dumps/sample_en_ar.txt``, 7 English and 3 Arabic): ``Annotator()`` (bundled
   gazetteers, default settings) annotates the articles; recall and precision per type,
   language and scope. *Overlap* scoring: a predicted mention is correct when it overlaps a
   gold span of the same field with the same entity id, and a gold mention is found when a
   correct prediction overlaps it. *Exact*: same field, start, end and id. Gold ids
   ``missing:<slug>`` (entities the bundled data lacks) are always misses. Every miss and
   every false hit is listed.
2. **FIGNEWS cross-lingual agreement**: each post's ``English MT`` and ``Arabic MT`` are
   annotated (``annotate_text`` with ``lang="en"`` / ``"ar"``); agreement is the micro
   Jaccard of the two entity-id sets, sum |A ∩ B| / sum |A ∪ B| over the posts, with the ids
   most often found on one side only. The full file
   ``../shared/data/eval/fignews/FIGNEWS-2024-TEXT-IAA.tsv`` (relative to the repository
   root) is used when present, and ``tests/data/fignews_sample.tsv`` always.
3. **False hits in ordinary text**: mentions per 100 KB (UTF-8) of text that names nothing
   a gazetteer should find: English, the standard library's ``pydoc_data.topics.topics``;
   Arabic, ``tests/data/eval/ordinary_ar.txt``.

    python benchmarks/eval_entities.py                 # everything
    python benchmarks/eval_entities.py --only sample   # or fignews, ordinary
    python benchmarks/eval_entities.py --json out.json # the figures, machine-readable
    python benchmarks/eval_entities.py --only fignews --what-if   # agreement with causes removed

``tests/match/test_bundled_gazetteers.py`` imports this file for the same scoring.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "data" / "eval"
GOLD = EVAL / "sample_entities.json"
DUMP = ROOT / "tests" / "data" / "dumps" / "sample_en_ar.txt"


def shared_data() -> Path:
    """``../shared/data`` of the checkout (or of a worktree's checkout one level further up)."""
    for base in ROOT.parents:
        if (base / "shared" / "data").is_dir():
            return base / "shared" / "data"
    return ROOT.parent / "shared" / "data"


FIGNEWS_FULL = shared_data() / "eval" / "fignews" / "FIGNEWS-2024-TEXT-IAA.tsv"
FIGNEWS_SAMPLE = ROOT / "tests" / "data" / "fignews_sample.tsv"
ORDINARY_AR = EVAL / "ordinary_ar.txt"

try:
    import mediamon
    from mediamon.model import Article, Mention
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))
    import mediamon
    from mediamon.model import Article, Mention

# Scope of a *predicted* mention that overlaps no gold mention (gold mentions carry their
# own scope): the labelling rule of sample_entities.json applied to the entity's data.
GREAT_POWERS = {"US", "RU", "CN", "GB", "FR"}
REGION = {
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA",
    "SA", "SO", "SD", "SY", "TN", "AE", "YE", "IR", "TR", "IL",
}  # fmt: skip
GLOBAL_ROLE = re.compile(
    r"^(President|Prime Minister|Premier|King|Emir|Sultan|Chancellor|Foreign Minister|"
    r"Foreign Secretary|Secretary of State|Crown Prince|Supreme Leader)|Secretary-General|Director General"
)


def entity_scope(entity: Any) -> str:
    """'global' or 'regional' for a bundled entity (see the labelling conventions)."""
    meta = entity.meta or {}
    kind = meta.get("kind")
    if entity.type == "LOC":
        is_global = entity.id.startswith("country:") or bool(meta.get("capital")) or kind == "continent"
    elif entity.type == "PER":
        is_global = bool(GLOBAL_ROLE.search(str(meta.get("role", ""))))
    elif entity.type == "ORG":
        is_global = kind in ("intergovernmental", "company") or (
            meta.get("country") in GREAT_POWERS
            and kind in ("government", "legislature", "intelligence", "military")
        )
    else:
        is_global = kind == "platform" or meta.get("country") not in REGION
    return "global" if is_global else "regional"


# -- the hand-labelled sample ---------------------------------------------------------


@dataclass(frozen=True)
class Gold:
    field: str
    start: int
    end: int
    text: str
    entity_id: str
    type: str
    scope: str


@dataclass
class Item:
    """One gold or predicted mention with its verdicts."""

    article: int
    lang: str
    field: str
    start: int
    end: int
    text: str
    entity_id: str
    type: str
    scope: str
    overlap_ok: bool = False
    exact_ok: bool = False
    other: list[str] = dataclasses.field(default_factory=list)  # ids on the other side over this span


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    """The gold articles: ``index``, ``title``, ``lang`` and ``mentions`` (as Gold)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    articles = []
    for art in data["articles"]:
        mentions = [Gold(**{k: m[k] for k in Gold.__dataclass_fields__}) for m in art["mentions"]]
        articles.append({**art, "mentions": mentions})
    return articles


def sample_articles(gold: Sequence[Mapping[str, Any]]) -> list[Article]:
    """The labelled articles of the sample dump, in gold order (titles checked)."""
    corpus = mediamon.read_dump(DUMP)
    out = []
    for art in gold:
        article = corpus[art["index"]]
        if article.title != art["title"]:
            raise ValueError(f"article {art['index']} is now {article.title!r}, not {art['title']!r}")
        out.append(article)
    return out


def _overlaps(a: Item | Gold | Mention, b: Item | Gold | Mention) -> bool:
    return a.field == b.field and a.start < b.end and b.start < a.end


def score_sample(
    annotator: mediamon.Annotator, gold: Sequence[Mapping[str, Any]] | None = None
) -> tuple[list[Item], list[Item]]:
    """(gold items, predicted items), each with its overlap/exact verdict."""
    gold = load_gold() if gold is None else gold
    articles = sample_articles(gold)
    entities = annotator.gazetteer
    gold_items: list[Item] = []
    pred_items: list[Item] = []
    for art, article in zip(gold, articles, strict=True):
        done = annotator.annotate(article)
        golds = [
            Item(art["index"], art["lang"], *(getattr(g, f) for f in Gold.__dataclass_fields__))
            for g in art["mentions"]
        ]
        preds = []
        for m in done.mentions:
            over = [g for g in golds if _overlaps(g, m)]
            if over:
                scope = over[0].scope
            elif m.how == "discovered":  # a provisional id: no bundled entity to ask
                scope = "discovered"
            else:
                scope = entity_scope(entities[m.entity_id])
            preds.append(
                Item(
                    art["index"],
                    art["lang"],
                    m.field,
                    m.start,
                    m.end,
                    m.text,
                    m.entity_id,
                    m.entity_type,
                    scope,
                )
            )
        for g in golds:
            for p in preds:
                if _overlaps(g, p):
                    same = g.entity_id == p.entity_id
                    exact = same and (g.start, g.end) == (p.start, p.end)
                    g.overlap_ok |= same
                    p.overlap_ok |= same
                    g.exact_ok |= exact
                    p.exact_ok |= exact
                    if not same:
                        g.other.append(p.entity_id)
                        p.other.append(g.entity_id)
        gold_items += golds
        pred_items += preds
    return gold_items, pred_items


@dataclass
class Rate:
    n: int = 0
    overlap: int = 0
    exact: int = 0

    def add(self, item: Item) -> None:
        self.n += 1
        self.overlap += item.overlap_ok
        self.exact += item.exact_ok

    def ratio(self, exact: bool = False) -> float:
        return (self.exact if exact else self.overlap) / self.n if self.n else float("nan")


def rates(items: Iterable[Item], key: Any) -> dict[Any, Rate]:
    """Rates grouped by ``key(item)`` (a tuple; None drops the item), plus ``("all",)``."""
    out: dict[Any, Rate] = {}
    for item in items:
        out.setdefault(("all",), Rate()).add(item)
        k = key(item)
        if k is not None:
            out.setdefault(k, Rate()).add(item)
    return out


def sample_tables(gold_items: list[Item], pred_items: list[Item]) -> dict[str, Any]:
    """Recall and precision by every grouping the report shows."""
    groupings = {
        "type": lambda i: (i.type,),
        "lang": lambda i: (i.lang,),
        "scope": lambda i: (i.scope,),
        "type x lang": lambda i: (i.type, i.lang),
        "scope x lang": lambda i: (i.scope, i.lang),
    }
    out: dict[str, Any] = {}
    for name, key in groupings.items():
        rec = rates(gold_items, key)
        pre = rates(pred_items, key)
        out[name] = {k: (rec.get(k, Rate()), pre.get(k, Rate())) for k in sorted(set(rec) | set(pre))}
    return out


def _pct(r: Rate, exact: bool = False) -> str:
    return "–" if not r.n else f"{100 * r.ratio(exact):.1f}"


def print_sample(gold_items: list[Item], pred_items: list[Item]) -> dict[str, Any]:
    tables = sample_tables(gold_items, pred_items)
    n_articles = len({i.article for i in gold_items})
    print(
        f"## Hand-labelled sample: {n_articles} articles, {len(gold_items)} gold mentions, "
        f"{len(pred_items)} predicted\n"
    )
    figures: dict[str, Any] = {}
    for name, rows in tables.items():
        print(f"### by {name}\n")
        print("| group | gold | recall | recall (exact) | predicted | precision | precision (exact) |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for k, (rec, pre) in rows.items():
            if k == ("all",) and name != "type":
                continue
            label = " / ".join(k)
            cells = [label, rec.n, _pct(rec), _pct(rec, True), pre.n, _pct(pre), _pct(pre, True)]
            print("| " + " | ".join(map(str, cells)) + " |")
            figures[f"{name}:{label}"] = {
                "gold": rec.n, "recall": rec.ratio(), "recall_exact": rec.ratio(True),
                "predicted": pre.n, "precision": pre.ratio(), "precision_exact": pre.ratio(True),
            }  # fmt: skip
        print()
    misses = [g for g in gold_items if not g.overlap_ok]
    false_hits = [p for p in pred_items if not p.overlap_ok]
    print(f"### misses ({len(misses)}; grouped by gold id and text)\n")
    for (eid, text, other), n in Counter(
        (g.entity_id, g.text, ",".join(g.other)) for g in misses
    ).most_common():
        print(f"- {n}× `{text}` → {eid}" + (f" (got {other})" if other else ""))
    print(f"\n### false hits ({len(false_hits)}; grouped by predicted id and text)\n")
    for (eid, text, other), n in Counter(
        (p.entity_id, p.text, ",".join(p.other)) for p in false_hits
    ).most_common():
        print(f"- {n}× `{text}` → {eid}" + (f" (gold {other})" if other else " (no gold mention)"))
    print()
    return figures


# -- FIGNEWS cross-lingual agreement --------------------------------------------------


def read_fignews(path: Path) -> list[dict[str, str]]:
    """The TSV's rows; fields are never quoted (a post's own quotes are text)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@dataclass
class Agreement:
    posts: int
    inter: int
    union: int
    only_en: Counter[str]
    only_ar: Counter[str]
    both: Counter[str]
    surfaces: dict[str, Counter[str]]  # id -> matched texts (English and Arabic), for the report

    @property
    def jaccard(self) -> float:
        return self.inter / self.union if self.union else float("nan")


FIGNEWS_SIDES = (("English MT", "en"), ("Arabic MT", "ar"))


def post_mentions(
    annotator: mediamon.Annotator, row: Mapping[str, str], *, lang_hint: bool = True
) -> tuple[list[Mention], list[Mention]]:
    """A post's mentions in its English MT and in its Arabic MT (see ``fignews_agreement``)."""
    en, ar = (
        annotator.annotate_text(row[c] or "", lang=lang if lang_hint else None) for c, lang in FIGNEWS_SIDES
    )
    return en, ar


def fignews_agreement(
    annotator: mediamon.Annotator,
    rows: Iterable[Mapping[str, str]],
    *,
    lang_hint: bool = True,
    canonical: Callable[[str], str] | None = None,
) -> Agreement:
    """Micro Jaccard of the entity-id sets of each post's English and Arabic MT.

    With ``lang_hint`` the English MT is matched with English aliases only and the Arabic MT
    with Arabic ones (``annotate_text(text, lang=...)``), so Latin hashtags and URLs left in
    the Arabic translation do not count as agreement; without it each column is annotated
    as a whole, as a user would. ``canonical`` maps ids before comparing (the what-if runs).
    """
    inter = union = posts = 0
    only_en: Counter[str] = Counter()
    only_ar: Counter[str] = Counter()
    both: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = {}
    for row in rows:
        found = post_mentions(annotator, row, lang_hint=lang_hint)
        for m in found[0] + found[1]:
            surfaces.setdefault(m.entity_id, Counter())[m.text] += 1
        canon = canonical or (lambda entity_id: entity_id)
        en, ar = ({canon(m.entity_id) for m in mentions} for mentions in found)
        posts += 1
        inter += len(en & ar)
        union += len(en | ar)
        only_en.update(en - ar)
        only_ar.update(ar - en)
        both.update(en & ar)
    return Agreement(posts, inter, union, only_en, only_ar, both, surfaces)


def print_fignews(annotator: mediamon.Annotator, top: int = 40) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    print("## FIGNEWS cross-lingual agreement (English MT vs Arabic MT, micro Jaccard of entity ids)\n")
    print("| file | matching | posts | sum of intersections | sum of unions | agreement |")
    print("|---|---|---:|---:|---:|---:|")
    first: tuple[Path, Agreement] | None = None
    for path in (FIGNEWS_FULL, FIGNEWS_SAMPLE):
        rel = Path(os.path.relpath(path, ROOT))
        if not path.exists():
            print(f"| {rel} | not present | | | | |")
            continue
        rows = read_fignews(path)
        for hint in (True, False):
            agreement = fignews_agreement(annotator, rows, lang_hint=hint)
            how = "one side per column" if hint else "whole column"
            print(
                f"| {rel} | {how} | {agreement.posts} | {agreement.inter} | {agreement.union} | "
                f"{100 * agreement.jaccard:.1f}% |"
            )
            figures[f"{path.name}:{'lang_hint' if hint else 'no_hint'}"] = {
                "posts": agreement.posts, "inter": agreement.inter, "union": agreement.union,
                "agreement": agreement.jaccard,
            }  # fmt: skip
            if hint and first is None:
                first = (path, agreement)
    print()
    if first is not None:
        path, agreement = first
        names = {e.id: e.name for e in annotator.gazetteer}
        print(
            f"### most frequent disagreements on {path.name} (one side per column): "
            "posts where the id is found on one side only\n"
        )
        print("| entity | only English | only Arabic | both | matched texts (most frequent) |")
        print("|---|---:|---:|---:|---|")
        one_side = agreement.only_en + agreement.only_ar
        for eid, _ in one_side.most_common(top):
            texts = ", ".join(f"{t} ({n})" for t, n in agreement.surfaces.get(eid, Counter()).most_common(4))
            print(
                f"| {eid} ({names.get(eid, '?')}) | {agreement.only_en[eid]} | {agreement.only_ar[eid]} | "
                f"{agreement.both[eid]} | {texts} |"
            )
        print()
    return figures


def homonym_groups(gazetteer: Any) -> Callable[[str], str]:
    """Maps each id to one representative of its ``meta.homonyms`` group (what-if runs)."""
    parent: dict[str, str] = {}

    def find(entity_id: str) -> str:
        while parent.get(entity_id, entity_id) != entity_id:
            entity_id = parent[entity_id]
        return entity_id

    for entity in gazetteer:
        for other in (entity.meta or {}).get("homonyms", ()):
            a, b = find(entity.id), find(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return find


def without_ambiguity_marks(annotator: mediamon.Annotator) -> mediamon.Annotator:
    """The same gazetteer with every ``ambiguous*`` meta key removed (what-if runs)."""
    from mediamon.match.gazetteer import Entity, Gazetteer

    entities = [
        Entity(
            e.id, e.type, e.name, e.names, {k: v for k, v in e.meta.items() if not k.startswith("ambiguous")}
        )
        for e in annotator.gazetteer
    ]
    return mediamon.Annotator([Gazetteer(entities, name="no-ambiguity-marks")], default=False)


def print_fignews_what_if(annotator: mediamon.Annotator) -> dict[str, Any]:
    """Agreement if the two largest causes of disagreement were removed (one side per column)."""
    path = FIGNEWS_FULL if FIGNEWS_FULL.exists() else FIGNEWS_SAMPLE
    rows = read_fignews(path)
    plain = without_ambiguity_marks(annotator)
    groups = homonym_groups(annotator.gazetteer)
    runs = [
        ("as bundled", annotator, None),
        ("homonyms (meta.homonyms) counted as one id", annotator, groups),
        ("ambiguity marks ignored (every ambiguous alias matched)", plain, None),
        ("both", plain, groups),
    ]
    print(f"### what-if on {path.name} (one side per column)\n")
    print("| run | agreement |")
    print("|---|---:|")
    figures = {}
    for name, ann, canon in runs:
        agreement = fignews_agreement(ann, rows, canonical=canon)
        print(f"| {name} | {100 * agreement.jaccard:.1f}% |")
        figures[name] = agreement.jaccard
    print()
    return figures


# -- false hits in ordinary text --------------------------------------------------------


def english_ordinary_text() -> str:
    """English technical prose that names no entity a news gazetteer should find."""
    from pydoc_data.topics import topics

    return "\n\n".join(topics[k] for k in sorted(topics))


def arabic_ordinary_text() -> str:
    return ORDINARY_AR.read_text(encoding="utf-8")


def ordinary_hits(annotator: mediamon.Annotator, text: str) -> tuple[float, Counter[tuple[str, str]], int]:
    """(mentions per 100 KB of UTF-8, Counter of (text, id), KB) for paragraphs of ``text``."""
    hits: Counter[tuple[str, str]] = Counter()
    for paragraph in text.split("\n\n"):
        for m in annotator.annotate_text(paragraph):
            hits[(m.text, m.entity_id)] += 1
    size = len(text.encode("utf-8"))
    return sum(hits.values()) * 100_000 / size, hits, size // 1000


def print_ordinary(annotator: mediamon.Annotator, top: int = 30) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    print("## False hits in ordinary text (mentions per 100 KB of UTF-8)\n")
    print("| text | KB | mentions | per 100 KB |")
    print("|---|---:|---:|---:|")
    found = {}
    for name, text in (
        ("English: pydoc_data.topics", english_ordinary_text()),
        ("Arabic: tests/data/eval/ordinary_ar.txt", arabic_ordinary_text()),
    ):
        per, hits, kb = ordinary_hits(annotator, text)
        print(f"| {name} | {kb} | {sum(hits.values())} | {per:.1f} |")
        figures[name] = {"kb": kb, "mentions": sum(hits.values()), "per_100kb": per}
        found[name] = hits
    print()
    for name, hits in found.items():
        print(f"### what fired in {name}\n")
        for (text, eid), n in hits.most_common(top):
            print(f"- {n}× `{text}` → {eid}")
        print()
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=["sample", "fignews", "ordinary"], action="append")
    parser.add_argument("--what-if", action="store_true", help="FIGNEWS agreement with causes removed")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    parts = args.only or ["sample", "fignews", "ordinary"]
    annotator = mediamon.Annotator()
    print(f"<!-- {annotator!r}, mediamon {getattr(mediamon, '__version__', '?')} -->\n")
    figures: dict[str, Any] = {}
    if "sample" in parts:
        figures["sample"] = print_sample(*score_sample(annotator))
    if "fignews" in parts:
        figures["fignews"] = print_fignews(annotator)
        if args.what_if:
            figures["fignews_what_if"] = print_fignews_what_if(annotator)
    if "ordinary" in parts:
        figures["ordinary"] = print_ordinary(annotator)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
