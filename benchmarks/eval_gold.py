"""Entity quality on public gold nobody here wrote, plus the in-project checks, in one run.

Prints Markdown tables (``docs/evaluation.md`` quotes them):

1. **Public gold** (``../shared/data/eval/gold/*_dev.jsonl`` relative to the repository
   root, or ``--gold DIR``; files not present are reported as such): ``Annotator()`` runs
   ``annotate_text(line, lang=None)`` on each line; precision, recall and F1 per type
   (PER, ORG, LOC, micro), *strict*: same type, start and end (an Arabic start that
   follows the gold start by a proclitic chain inside the gold's first word counts as the
   same). mediamon's MEDIA counts as ORG. A prediction that overlaps only unscored gold
   (MISC, GROUP, FAC ...) is left out of precision. The ten commonest false hits and
   misses are listed per file, and the false LOC hits whose span the gold types ORG (the
   role convention: a national team, a government) are counted separately.
2. **False place hits in ordinary prose**: LOC mentions per 100 KB of UTF-8 in text that
   names no place (``tests/data/eval/ordinary_*.txt`` and Python's ``pydoc_data`` topics).
   Files named ``*_held_out*`` or ``*_trap_g*`` are marked *held out*: the support rules must
   not be tuned on them (``*_trap_a*`` to ``*_trap_f*`` are tuned on, written with other trap
   words; G is plain prose of its genre). With ``--discover`` a second table gives the
   discovered PER/ORG/LOC mentions per 100 KB of each text, summed per language over the
   development traps (A-F) and over the held-out ones.
3. **FIGNEWS** English-vs-Arabic agreement and 4. **sample-dump recall**: the figures of
   ``benchmarks/eval_entities.py`` (reused, not recomputed differently).

    python benchmarks/eval_gold.py                     # everything
    python benchmarks/eval_gold.py --only gold         # or ordinary, fignews, sample
    python benchmarks/eval_gold.py --discover          # Annotator(discover=True) if accepted
    python benchmarks/eval_gold.py --json out.json
    python benchmarks/eval_gold.py --roles             # a place with role "team" counts as ORG

``--roles`` scores a place mention whose ``Mention.role`` is ``"team"`` (a national team or
a club named by its country or city, match/roles.py) as ORG, the way gold that types by
role does; without it every mention is scored by its ``entity_type``, as the contract has it.

The scoring functions take plain data, so ``tests/benchmarks`` can check them on small
hand-made cases without ``../shared``.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

sys.path.insert(0, str(HERE))
import eval_entities  # noqa: E402  (the sibling script: one place for the shared figures)

GOLD_DIR = eval_entities.shared_data() / "eval" / "gold"
GOLD_FILES = ("ar_newsfane_dev.jsonl", "en_gum_news_dev.jsonl")
EVAL = ROOT / "tests" / "data" / "eval"

mediamon = eval_entities.mediamon

SCORED = ("PER", "ORG", "LOC")
TYPE_MAP = {"PER": "PER", "ORG": "ORG", "MEDIA": "ORG", "LOC": "LOC"}
PROCLITICS = frozenset("وفبكل")


@dataclass(frozen=True)
class Span:
    """One gold or predicted name in line ``unit``: [start, end) with a scored-family type."""

    unit: int
    start: int
    end: int
    type: str


@dataclass
class Scores:
    """Counts and the matched pairs of one gold file."""

    rows: dict[str, dict[str, float]]
    misses: Counter[tuple[str, str]] = field(default_factory=Counter)
    false_hits: Counter[tuple[str, str]] = field(default_factory=Counter)
    confused: Counter[tuple[str, str]] = field(default_factory=Counter)
    convention_loc: int = 0  # false LOC hits on a span the gold types ORG
    #: every false hit: (type, class, unit, start, end), class one of FALSE_CLASSES
    false_list: list[tuple[str, str, int, int, int]] = field(default_factory=list)

    def by_class(self, type_: str) -> Counter[str]:
        """How many false hits of ``type_`` fall in each of ``FALSE_CLASSES``."""
        return Counter(c for t, c, *_ in self.false_list if t == type_)


#: Why a false hit is false, from the gold around it (the first three are the gold's
#: conventions or omissions rather than a wrong name; see :func:`false_class`):
#: ``bounds``: it overlaps a gold name of its type with other bounds (a descriptor word
#: such as حركة or شركة, a demonym after a club, an acronym in apposition, in or out);
#: ``other type``: the gold gives the same span another scored type (a team as ORG, a
#: place as LOC, an error of the gold's such as Taliban as PER);
#: ``typed elsewhere``: no gold here, but the gold gives the same text this type elsewhere
#: in the file (the gold left this one out);
#: ``overlap``: it overlaps a gold name of another type with other bounds;
#: ``unlabelled``: no gold here and never this type in the file: a wrong name, or one
#: the gold never labels (read them: ``--list TYPE``).
FALSE_CLASSES = ("bounds", "other type", "typed elsewhere", "overlap", "unlabelled")
CONVENTION_CLASSES = frozenset(FALSE_CLASSES[:3])


def false_class(
    text: str, lang: str, pred: Span, over: Sequence[Span], typed: Iterable[tuple[str, str]]
) -> str:
    """The class (``FALSE_CLASSES``) of the false hit ``pred`` in ``text``: ``over`` the scored
    gold spans it overlaps, ``typed`` the (type, text) pairs the file's gold holds."""
    surface = text[pred.start : pred.end]
    if not over:
        return "typed elsewhere" if (pred.type, surface) in typed else "unlabelled"
    if any(g.type == pred.type for g in over):
        return "bounds"
    if any(g.end == pred.end and same_start(text, lang, g, pred) for g in over):
        return "other type"
    return "overlap"


def same_start(text: str, lang: str, gold: Span, pred: Span) -> bool:
    """Same start, or (Arabic) a start after a proclitic chain of the gold's first word."""
    if pred.start == gold.start:
        return True
    lead = text[gold.start : pred.start]
    return lang == "ar" and gold.start < pred.start and 0 < len(lead) <= 3 and set(lead) <= PROCLITICS


def _overlap(a: Span, b: Span) -> bool:
    return a.unit == b.unit and a.start < b.end and b.start < a.end


def score(units: Sequence[tuple[str, str]], gold: Sequence[Span], pred: Sequence[Span]) -> Scores:
    """Strict P/R/F1 per scored type and micro; misses and false hits by (type, text)."""
    gold_by: dict[int, list[int]] = defaultdict(list)
    pred_by: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(gold):
        gold_by[g.unit].append(i)
    for j, p in enumerate(pred):
        pred_by[p.unit].append(j)
    neutral: set[int] = set()
    for j, p in enumerate(pred):
        over = [gold[i].type for i in gold_by[p.unit] if _overlap(gold[i], p)]
        if over and not any(t in SCORED for t in over):
            neutral.add(j)
    matched: dict[int, int] = {}
    used: set[int] = set()
    for i, g in enumerate(gold):
        if g.type not in SCORED:
            continue
        text, lang = units[g.unit]
        for j in pred_by[g.unit]:
            p = pred[j]
            if j not in used and p.type == g.type and p.end == g.end and same_start(text, lang, g, p):
                matched[i] = j
                used.add(j)
                break
    out = Scores(rows={})
    for t in (*SCORED, "micro"):
        types = SCORED if t == "micro" else (t,)
        n_gold = sum(g.type in types for g in gold)
        n_pred = sum(p.type in types and j not in neutral for j, p in enumerate(pred))
        tp = sum(gold[i].type in types for i in matched)
        p_ = tp / n_pred if n_pred else 0.0
        r_ = tp / n_gold if n_gold else 0.0
        f_ = 2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0
        out.rows[t] = {"gold": n_gold, "pred": n_pred, "tp": tp, "P": p_, "R": r_, "F1": f_}
    for i, g in enumerate(gold):
        if g.type in SCORED and i not in matched:
            out.misses[(g.type, units[g.unit][0][g.start : g.end])] += 1
    typed = {(g.type, units[g.unit][0][g.start : g.end]) for g in gold if g.type in SCORED}
    for j, p in enumerate(pred):
        if j in used or j in neutral:
            continue
        text, lang = units[p.unit]
        out.false_hits[(p.type, text[p.start : p.end])] += 1
        over = [gold[i] for i in gold_by[p.unit] if gold[i].type in SCORED and _overlap(gold[i], p)]
        out.false_list.append((p.type, false_class(text, lang, p, over, typed), p.unit, p.start, p.end))
        for i in gold_by[p.unit]:
            g = gold[i]
            if g.type in SCORED and g.type != p.type and g.end == p.end and same_start(text, lang, g, p):
                out.confused[(g.type, p.type)] += 1
                out.convention_loc += g.type == "ORG" and p.type == "LOC"
                break
    return out


def load_gold(path: Path) -> tuple[list[tuple[str, str]], list[Span]]:
    """Lines (text, lang) and gold spans of one JSON Lines file (offsets checked)."""
    units: list[tuple[str, str]] = []
    gold: list[Span] = []
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
                text = record["text"]
                for e in record["entities"]:
                    if "text" in e and text[e["start"] : e["end"]] != e["text"]:
                        raise ValueError(f"entity {e['text']!r} is not text[{e['start']}:{e['end']}]")
                    gold.append(Span(len(units), e["start"], e["end"], e["type"]))
            except (ValueError, KeyError, TypeError) as exc:
                raise SystemExit(f"{path}:{number}: bad line: {exc}") from None
            units.append((text, record.get("lang") or ""))
    return units, gold


def scored_type(mention: Any, *, roles: bool = False) -> str | None:
    """The scored family of a mention: MEDIA as ORG; with ``roles``, a sports side as ORG."""
    if roles and getattr(mention, "role", None) == "team":
        return "ORG"
    return TYPE_MAP.get(mention.entity_type)


def predict(annotator: Any, units: Sequence[tuple[str, str]], *, roles: bool = False) -> list[Span]:
    """mediamon's PER/ORG/LOC mentions (MEDIA as ORG) on each line, both script sides."""
    out = []
    for u, (text, _lang) in enumerate(units):
        for m in annotator.annotate_text(text):
            t = scored_type(m, roles=roles)
            if t is not None:
                out.append(Span(u, m.start, m.end, t))
    return out


def print_gold(
    annotator: Any, gold_dir: Path, top: int = 10, *, roles: bool = False, listed: str | None = None
) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    how = "; a place with role `team` as ORG" if roles else ""
    print(f"## Public gold (strict spans and types, one line per text{how})\n")
    print("| file | type | gold | predicted | TP | P | R | F1 |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    details = []
    units_of: dict[str, list[tuple[str, str]]] = {}
    for name in GOLD_FILES:
        path = gold_dir / name
        if not path.exists():
            print(f"| {name} | not present | | | | | | |")
            continue
        units, gold = load_gold(path)
        scores = score(units, gold, predict(annotator, units, roles=roles))
        units_of[path.stem] = units
        for t, row in scores.rows.items():
            print(
                f"| {path.stem} | {t} | {row['gold']} | {row['pred']} | {row['tp']} | "
                f"{100 * row['P']:.1f} | {100 * row['R']:.1f} | {100 * row['F1']:.1f} |"
            )
        figures[path.stem] = {
            "rows": scores.rows,
            "convention_loc": scores.convention_loc,
            "false_by_class": {t: dict(scores.by_class(t)) for t in SCORED},
        }
        details.append((path.stem, scores))
    print()
    for stem, scores in details:
        loc = scores.rows["LOC"]
        fp_loc = loc["pred"] - loc["tp"]
        print(f"### {stem}\n")
        if fp_loc:
            share = 100 * scores.convention_loc / fp_loc
            print(
                f"- false LOC hits: {int(fp_loc)}, of which {scores.convention_loc} ({share:.0f} %) "
                "sit on a span the gold types ORG (the role convention); LOC precision without them: "
                f"{100 * loc['tp'] / max(1, loc['pred'] - scores.convention_loc):.1f}"
            )
        print(f"- false hits by class ({', '.join(FALSE_CLASSES)}; P without the first three):")
        for t in SCORED:
            row, classes = scores.rows[t], scores.by_class(t)
            conv = sum(classes[c] for c in CONVENTION_CLASSES)
            parts = ", ".join(f"{c} {classes[c]}" for c in FALSE_CLASSES)
            print(
                f"  {t} {int(row['pred'] - row['tp'])}: {parts}; "
                f"P {100 * row['tp'] / max(1, row['pred'] - conv):.1f}"
            )
        if scores.confused:
            pairs = ", ".join(f"{a}→{b} {n}" for (a, b), n in scores.confused.most_common())
            print(f"- same span, other type (gold→mediamon): {pairs}")
        hits = "; ".join(f"{t} `{x}` ×{n}" for (t, x), n in scores.false_hits.most_common(top))
        misses = "; ".join(f"{t} `{x}` ×{n}" for (t, x), n in scores.misses.most_common(top))
        print(f"- commonest false hits: {hits}")
        print(f"- commonest misses: {misses}\n")
        if listed:
            print_false_list(scores, listed, units_of[stem])
    return figures


def print_false_list(scores: Scores, type_: str, units: Sequence[tuple[str, str]], width: int = 40) -> None:
    """Every false hit of ``type_``, by class, with ``width`` characters of its line either side."""
    print(f"#### every false {type_} hit, by class\n")
    rows = sorted(
        (FALSE_CLASSES.index(c), units[u][0][s:e], u, s, e)
        for t, c, u, s, e in scores.false_list
        if t == type_
    )
    for rank, surface, u, s, e in rows:
        text = units[u][0]
        left, right = text[max(0, s - width) : s], text[e : e + width]
        print(
            f"- {FALSE_CLASSES[rank]}: `{surface}` (line {u + 1}) …{left}【{surface}】{right}…".replace(
                "\n", " "
            )
        )
    print()


#: Name parts of the ordinary-prose files no rule was tuned on (reported as held out)
HELD_OUT = ("_trap_g", "_held_out")


def ordinary_texts() -> list[tuple[str, str]]:
    """(name, text) of the ordinary prose: every ``tests/data/eval/ordinary_*.txt`` and pydoc."""
    out = [
        (
            f"tests/data/eval/{p.name}" + (" (held out)" if any(h in p.stem for h in HELD_OUT) else ""),
            p.read_text(encoding="utf-8"),
        )
        for p in sorted(EVAL.glob("ordinary_*.txt"))
    ]
    out.append(("English: pydoc_data.topics", eval_entities.english_ordinary_text()))
    return out


def place_hits(
    annotator: Any, text: str, discovered: Counter[str] | None = None
) -> tuple[Counter[tuple[str, str]], int]:
    """LOC mentions in the paragraphs of ``text`` by (text, id), and the text's UTF-8 size.

    ``discovered``, when given, also counts the discovered mentions (``how="discovered"``)
    of every scored type, by type (MEDIA as ORG).
    """
    hits: Counter[tuple[str, str]] = Counter()
    for paragraph in text.split("\n\n"):
        for m in annotator.annotate_text(paragraph):
            if m.entity_type == "LOC":
                hits[(m.text, m.entity_id)] += 1
            if discovered is not None and m.how == "discovered":
                type_ = scored_type(m)
                if type_ is not None:
                    discovered[type_] += 1
    return hits, len(text.encode("utf-8"))


def _per_100kb(n: int, size: int) -> float:
    return n * 100_000 / size if size else 0.0


def _ordinary_group(name: str) -> str | None:
    """``"ar traps A-F"``, ``"en held out"`` ...: the summary row a trap file counts in."""
    stem = Path(name.split(" ", maxsplit=1)[0]).stem
    if "_trap_" not in stem:
        return None
    lang = stem.split("_")[1]
    return f"{lang} held out" if any(h in stem for h in HELD_OUT) else f"{lang} traps A-F"


def print_discovered(rows: Sequence[tuple[str, int, Counter[str]]]) -> dict[str, Any]:
    """Discovered PER/ORG/LOC per 100 KB, per text and summed per language over the traps."""
    print("## Discovered names in ordinary prose (discovered mentions per 100 KB of UTF-8)\n")
    print("| text | KB | " + " | ".join(SCORED) + " | all |")
    print("|---|---:|" + "---:|" * (len(SCORED) + 1))
    groups: dict[str, tuple[int, Counter[str]]] = {}
    figures: dict[str, Any] = {}

    def row(label: str, size: int, counts: Counter[str]) -> None:
        cells = [f"{_per_100kb(counts[t], size):.2f}" for t in SCORED]
        total = sum(counts[t] for t in SCORED)
        print(f"| {label} | {size / 1000:.1f} | " + " | ".join(cells) + f" | {_per_100kb(total, size):.2f} |")
        figures[label] = {t: _per_100kb(counts[t], size) for t in SCORED} | {"bytes": size}

    for name, size, counts in rows:
        row(name, size, counts)
        group = _ordinary_group(name)
        if group is not None:
            before_size, before_counts = groups.get(group, (0, Counter()))
            groups[group] = (before_size + size, before_counts + counts)
    for group in sorted(groups):
        row(f"**{group}**", *groups[group])
    print()
    return figures


def print_ordinary(annotator: Any, top: int = 10, *, discover: bool = False) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    discovered: list[tuple[str, int, Counter[str]]] = []
    print("## False place hits in ordinary prose (LOC mentions per 100 KB of UTF-8)\n")
    print("| text | KB | place hits | per 100 KB | commonest |")
    print("|---|---:|---:|---:|---|")
    for name, text in ordinary_texts():
        counts: Counter[str] = Counter()
        hits, size = place_hits(annotator, text, counts if discover else None)
        n = sum(hits.values())
        common = ", ".join(f"`{t}`→{e} ×{k}" for (t, e), k in hits.most_common(top))
        print(f"| {name} | {size / 1000:.1f} | {n} | {n * 100_000 / size:.2f} | {common} |")
        figures[name] = {"bytes": size, "hits": n, "per_100kb": n * 100_000 / size}
        discovered.append((name, size, counts))
    print()
    if discover:
        figures["discovered"] = print_discovered(discovered)
    return figures


def make_annotator(discover: bool) -> Any:
    """``Annotator()``, with ``discover=True`` when asked and the Annotator accepts it."""
    if discover:
        if "discover" in inspect.signature(mediamon.Annotator).parameters:
            return mediamon.Annotator(discover=True)
        print("<!-- --discover: this Annotator has no discover parameter; running without -->\n")
    return mediamon.Annotator()


def print_sample(annotator: Any) -> dict[str, Any]:
    gold_items, pred_items = eval_entities.score_sample(annotator)
    rec = eval_entities.rates(gold_items, lambda i: (i.type,))
    pre = eval_entities.rates(pred_items, lambda i: (i.type,))
    print("## Sample dump (hand-labelled, overlap scoring with entity ids; eval_entities.py)\n")
    print("| type | gold | recall | predicted | precision |")
    print("|---|---:|---:|---:|---:|")
    figures = {}
    for key in sorted(set(rec) | set(pre)):
        r, p = rec.get(key, eval_entities.Rate()), pre.get(key, eval_entities.Rate())
        print(f"| {key[0]} | {r.n} | {eval_entities._pct(r)} | {p.n} | {eval_entities._pct(p)} |")
        figures[key[0]] = {"recall": r.ratio(), "precision": p.ratio()}
    print()
    return figures


def print_fignews(annotator: Any) -> dict[str, Any]:
    path = eval_entities.FIGNEWS_FULL
    if not path.exists():
        path = eval_entities.FIGNEWS_SAMPLE
    agreement = eval_entities.fignews_agreement(annotator, eval_entities.read_fignews(path))
    print("## FIGNEWS English MT vs Arabic MT (micro Jaccard of entity ids; eval_entities.py)\n")
    print(f"- {path.name}: {agreement.posts} posts, agreement {100 * agreement.jaccard:.1f} %")
    one_side = agreement.only_en + agreement.only_ar
    print(
        "- commonest one-sided ids: "
        + ", ".join(
            f"{e} (en {agreement.only_en[e]}, ar {agreement.only_ar[e]})" for e, _ in one_side.most_common(10)
        )
        + "\n"
    )
    return {"file": path.name, "agreement": agreement.jaccard}


PARTS = ("gold", "ordinary", "fignews", "sample")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=PARTS, action="append")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR, help="folder of the gold files")
    parser.add_argument("--discover", action="store_true", help="Annotator(discover=True) when accepted")
    parser.add_argument("--top", type=int, default=10, help="false hits and misses listed per file")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--roles", action="store_true", help="score a place with role 'team' as ORG")
    parser.add_argument(
        "--list", choices=SCORED, help="list every false hit of this type, by class, in context"
    )
    args = parser.parse_args(None if argv is None else list(argv))
    annotator = make_annotator(args.discover)
    print(f"<!-- {annotator!r}, mediamon {getattr(mediamon, '__version__', '?')} -->\n")
    figures: dict[str, Any] = {}
    for part in args.only or PARTS:
        if part == "gold":
            figures[part] = print_gold(annotator, args.gold, args.top, roles=args.roles, listed=args.list)
        elif part == "ordinary":
            figures[part] = print_ordinary(annotator, args.top, discover=args.discover)
        elif part == "fignews":
            figures[part] = print_fignews(annotator)
        else:
            figures[part] = print_sample(annotator)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
