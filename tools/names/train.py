"""Train the name finder's CRF model of one language from entity gold (JSON Lines).

    python tools/names/train.py ar [--gold FILE ...] [--holdout 5] [--heldout-out FILE.jsonl]
    python tools/names/train.py en [--gold FILE ...]
    python tools/names/train.py en --cv-docs en_gum_news_dev.jsonl   # measure only
    python tools/names/train.py en --cv-docs en_gum_news_dev.jsonl --cv-unit doc

Each gold line is ``{"text", "entities": [{"start", "end", "type"}]}`` (the format of
``shared/data/eval/gold``). Features are exactly what the package computes at run time
(``FINDER.features``), gazetteer hits from the bundled gazetteers included, so a model
matches the code and data it ships with. With ``--holdout N`` every N-th line is left
out of training, scored here (discovery alone, strict spans) and, with
``--heldout-out``, written out for ``score_gold.py``. With ``--cv-docs FILE`` nothing is
shipped: each document of FILE is left out in turn, a model is trained on the other gold
files and FILE's other documents, and the left-out document is annotated by
``Annotator(discover=True)`` with that model and scored (strict, line by line, the
scoring of ``benchmarks/eval_gold.py``; with ``--cv-unit doc`` each document as one text,
its lines joined by line breaks, as an article is annotated); the counts are summed over the documents (the
figure of a model trained on files that include FILE). Training is L-BFGS for a fixed
number of iterations over the lines in file order: the same inputs give the same
model file. The model goes to ``src/mediamon/data/<lang>/names.crfsuite`` with its
provenance in ``names_model.json`` next to it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import pycrfsuite

from mediamon import Annotator
from mediamon import lang as languages
from mediamon.match.discover import NAME_TYPES, CrfFinder

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path("/work/shared/data/eval/gold")
DEFAULT_GOLD = {
    "ar": (GOLD / "ar_newsfane_dev.jsonl",),
    "en": (GOLD / "en_gum_train.jsonl", GOLD / "en_gum_news_dev.jsonl"),
}
SOURCES = {
    "ar": {
        "data": "NewsFANE Gold 2014 (ANERcorp newswire re-annotated), DEV part, ar_newsfane_dev.jsonl",
        "licence": "CC BY-SA 3.0 Unported (the model is an adaptation of the annotated text)",
        "attribution": "Alotaibi & Lee, COLING 2014, 'A Hybrid Approach to Features Representation "
        "for Fine-grained Arabic Named Entity Recognition'",
    },
    "en": {
        "data": "GUM, 144 non-news documents (academic, bio, conversation, court, interview, speech, "
        "textbook, vlog, voyage), en_gum_train.jsonl, and 12 Wikinews documents, en_gum_news_dev.jsonl",
        "licence": "CC BY-SA 3.0 (bio and voyage texts are Wikipedia/Wikivoyage; news CC BY 2.5); "
        "annotations CC BY 4.0",
        "attribution": "Zeldes (2017), 'The GUM Corpus', LRE 51(3); Lin & Zeldes (2021), WikiGUM",
    },
}


#: L1 weight and feature cut-off per language, chosen on the held-out figures (docs/evaluation.md,
#: "Name discovery"): Arabic keeps more, rarer features (c1 0.5 -> 0.2, every feature: 5-fold
#: PER F1 74.9 -> 75.9); English as before.
L1_DEFAULT = {"ar": 0.2, "en": 0.5}
MIN_FREQ_DEFAULT = {"ar": 1, "en": 2}
#: Skip list (``skip_list``): forms seen this often in training and (almost) never in a name;
#: Arabic from 5 sightings, not 3 (5-fold PER P 81.1 -> 81.9 at R 71.8 -> 71.9).
SKIP_COUNT_DEFAULT = {"ar": 5, "en": 3}


#: The one label of every unscored kind (GROUP, FAC, PRO, MISC ...): fewer labels, faster tagging.
OTHER = "X"


def labels_for(tokens: list[Any], entities: list[dict[str, Any]]) -> list[str]:
    """BIO labels: a token overlapping a gold span gets its type (``B-`` on the span's first token),
    ``X`` for the kinds that are not scored."""
    out = ["O"] * len(tokens)
    for ent in sorted(entities, key=lambda e: (e["start"], -e["end"])):
        first = True
        typ = ent["type"] if ent["type"] in NAME_TYPES else OTHER
        for i, tok in enumerate(tokens):
            if tok.start < ent["end"] and ent["start"] < tok.end and out[i] == "O":
                out[i] = ("B-" if first else "I-") + typ
                first = False
    return out


def skip_list(finder: CrfFinder, lines: list[dict[str, Any]], min_count: int, max_share: float) -> list[str]:
    """Token forms seen at least ``min_count`` times and inside a name at most ``max_share`` of them."""
    seen: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for line in lines:
        tokens = finder.tokens(line["text"])
        for token, label in zip(tokens, labels_for(tokens, line["entities"]), strict=True):
            seen[token.form] += 1
            inside[token.form] += label != "O"
    return sorted(w for w, n in seen.items() if n >= min_count and inside[w] <= max_share * n)


def known_spans(annotator: Annotator, text: str) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.entity_type) for m in annotator.annotate_text(text)]


def score(
    gold: list[list[dict[str, Any]]], found: list[list[tuple[int, int, str]]]
) -> dict[str, dict[str, float]]:
    """Strict P/R/F1 per type and micro over PER/ORG/LOC (finds on unscored gold only are left out)."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for ents, preds in zip(gold, found, strict=True):
        scored = {(e["start"], e["end"], e["type"]) for e in ents if e["type"] in NAME_TYPES}
        unscored = [(e["start"], e["end"]) for e in ents if e["type"] not in NAME_TYPES]
        for pred in preds:
            if pred in scored:
                tp[pred[2]] += 1
            elif not any(s < pred[1] and pred[0] < e for s, e in unscored) or any(
                s < pred[1] and pred[0] < e for s, e, _ in scored
            ):
                fp[pred[2]] += 1
        for g in scored:
            if g not in preds:
                fn[g[2]] += 1
    out = {}
    for typ in (*sorted(NAME_TYPES), "micro"):
        t = sum(tp.values()) if typ == "micro" else tp[typ]
        p_ = sum(fp.values()) if typ == "micro" else fp[typ]
        n = sum(fn.values()) if typ == "micro" else fn[typ]
        prec = t / (t + p_) if t + p_ else 0.0
        rec = t / (t + n) if t + n else 0.0
        out[typ] = {
            "p": round(prec, 4),
            "r": round(rec, 4),
            "f1": round(2 * prec * rec / (prec + rec), 4) if t else 0.0,
        }
    return out


@attrs.frozen
class Params:
    """What training is given besides the lines (recorded in ``names_model.json``)."""

    c1: float
    c2: float
    iterations: int
    min_freq: int
    skip_count: int
    skip_share: float


def fit(
    finder: CrfFinder, annotator: Annotator, lines: list[dict[str, Any]], out: Path, params: Params
) -> list[str]:
    """Train a model of ``lines`` into ``out`` and return its skip list (set on ``finder`` first:
    training sees the tokens tagging will)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(
        {
            "c1": params.c1,
            "c2": params.c2,
            "max_iterations": params.iterations,
            "feature.minfreq": params.min_freq,
            "feature.possible_transitions": True,
        }
    )
    skip = skip_list(finder, lines, params.skip_count, params.skip_share)
    finder.use_skip(skip)
    for line in lines:
        tokens, keep, items = finder.features(line["text"], known_spans(annotator, line["text"]))
        if items:
            labels = labels_for(tokens, line["entities"])
            trainer.append(items, [labels[i] for i in keep])
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return skip


def doc_units(held: list[dict[str, Any]]) -> tuple[list[tuple[str, str]], list[tuple[int, dict[str, Any]]]]:
    """One document's lines as one text (joined by line breaks, as an article is annotated) and
    its gold spans moved to that text's offsets, each with its unit index (0)."""
    texts, gold, offset = [], [], 0
    for line in held:
        gold.extend(
            (0, {**e, "start": e["start"] + offset, "end": e["end"] + offset}) for e in line["entities"]
        )
        texts.append(line["text"])
        offset += len(line["text"]) + 1
    return [("\n".join(texts), held[0].get("lang") or "")], gold


def cross_validate(
    finder: CrfFinder,
    annotator: Annotator,
    base: list[dict[str, Any]],
    docs_file: Path,
    params: Params,
    unit: str = "line",
) -> dict[str, dict[str, float]]:
    """Leave-one-document-out over ``docs_file`` (module doc): summed strict counts per type,
    each line scored alone (``unit="line"``) or each document as one text (``"doc"``)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import eval_gold

    lines = read_lines(docs_file)
    docs = list(dict.fromkeys(str(line.get("doc", "")) for line in lines))
    total: dict[str, Counter[str]] = {t: Counter() for t in ("PER", "ORG", "LOC", "micro")}
    discovering = Annotator(discover=True)
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "names.crfsuite"
        for doc in docs:
            held = [line for line in lines if line.get("doc", "") == doc]
            train = base + [line for line in lines if line.get("doc", "") != doc]
            finder.use(str(model), fit(finder, annotator, train, model, params))
            if unit == "doc":
                units, spans = doc_units(held)
            else:
                units = [(line["text"], line.get("lang") or "") for line in held]
                spans = [(u, e) for u, line in enumerate(held) for e in line["entities"]]
            gold = [eval_gold.Span(u, e["start"], e["end"], e["type"]) for u, e in spans]
            rows = eval_gold.score(units, gold, eval_gold.predict(discovering, units)).rows
            for typ, row in rows.items():
                total[typ].update({k: int(row[k]) for k in ("gold", "pred", "tp")})
            print(f"{doc}: micro F1 {rows['micro']['F1']:.3f}", file=sys.stderr)
    out = {}
    for typ, c in total.items():
        p_ = c["tp"] / c["pred"] if c["pred"] else 0.0
        r_ = c["tp"] / c["gold"] if c["gold"] else 0.0
        out[typ] = {
            **c,
            "p": round(p_, 4),
            "r": round(r_, 4),
            "f1": round(2 * p_ * r_ / (p_ + r_), 4) if c["tp"] else 0.0,
        }
    return out


def read_lines(path: Path) -> list[dict[str, Any]]:
    """The gold lines of one JSON Lines file, in file order."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lang", choices=languages.CODES)
    parser.add_argument("--gold", type=Path, nargs="+", help="training files, read in this order")
    parser.add_argument("--holdout", type=int, default=0, help="leave every N-th line out (0: none)")
    parser.add_argument("--heldout-out", type=Path, help="write the held-out lines here (JSON Lines)")
    parser.add_argument("--cv-docs", type=Path, help="measure only: leave each document of this file out")
    parser.add_argument(
        "--cv-unit", choices=("line", "doc"), default="line", help="--cv-docs: score lines or whole documents"
    )
    parser.add_argument("--out", type=Path, help="model file (default: the package data file)")
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--c1", type=float, help="L1 weight (default: the language's, L1_DEFAULT)")
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument(
        "--min-freq",
        type=int,
        help="drop features seen fewer times (default: the language's, MIN_FREQ_DEFAULT)",
    )
    parser.add_argument(
        "--skip-count", type=int, help="skip list: forms seen this often (default: SKIP_COUNT_DEFAULT) ..."
    )
    parser.add_argument("--skip-share", type=float, default=0.005, help="... and this rarely in a name")
    args = parser.parse_args(argv)
    c1 = L1_DEFAULT[args.lang] if args.c1 is None else args.c1
    min_freq = MIN_FREQ_DEFAULT[args.lang] if args.min_freq is None else args.min_freq
    skip_count = SKIP_COUNT_DEFAULT[args.lang] if args.skip_count is None else args.skip_count
    params = Params(c1, args.c2, args.iterations, min_freq, skip_count, args.skip_share)
    gold_paths = args.gold or DEFAULT_GOLD[args.lang]
    out = args.out or ROOT / "src" / "mediamon" / "data" / args.lang / "names.crfsuite"
    finder = languages.finder(args.lang)
    assert isinstance(finder, CrfFinder)
    annotator = Annotator()
    started = time.process_time()
    if args.cv_docs:
        docs = args.cv_docs.resolve()
        base = [line for path in gold_paths if path.resolve() != docs for line in read_lines(path)]
        print(json.dumps(cross_validate(finder, annotator, base, docs, params, args.cv_unit)))
        print(f"cross-validated: {time.process_time() - started:.1f}s CPU", file=sys.stderr)
        return 0
    lines = [line for path in gold_paths for line in read_lines(path)]
    held = [line for n, line in enumerate(lines) if args.holdout and n % args.holdout == args.holdout - 1]
    train = [
        line for n, line in enumerate(lines) if not (args.holdout and n % args.holdout == args.holdout - 1)
    ]
    skip = fit(finder, annotator, train, out, params)
    print(f"trained: {time.process_time() - started:.1f}s CPU, {len(train)} lines -> {out}", file=sys.stderr)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    provenance: dict[str, Any] = {
        **SOURCES[args.lang],
        "trained_by": "tools/names/train.py",
        "command": " ".join(["python tools/names/train.py", *(argv if argv is not None else sys.argv[1:])]),
        "lines": len(train),
        "held_out": f"every {args.holdout}th line" if args.holdout else "none",
        "params": attrs.asdict(params),
        "sha256": digest,
        "bytes": out.stat().st_size,
    }
    if held:
        finder.use(str(out), skip)
        found = [finder.find(line["text"], known_spans(annotator, line["text"])) for line in held]
        provenance["held_out_discovery_only"] = score([line["entities"] for line in held], found)
        print(json.dumps(provenance["held_out_discovery_only"]), file=sys.stderr)
        if args.heldout_out:
            with args.heldout_out.open("w", encoding="utf-8") as fh:
                for line in held:
                    fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    skip_doc = {
        "_doc": "Token forms the name finder never tags: seen at least skip_count times in the "
        "model's training text and inside a name at most skip_share of those times. Made by "
        "tools/names/train.py with the model (same data and licence, see names_model.json).",
        "skip_count": skip_count,
        "skip_share": args.skip_share,
        "words": skip,
    }
    (out.parent / "names_skip.json").write_text(
        json.dumps(skip_doc, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
    )
    if args.out is None:
        (out.parent / "names_model.json").write_text(
            json.dumps(provenance, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
