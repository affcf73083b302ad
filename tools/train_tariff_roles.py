"""Train the tariff-role re-ranker (``tradefacts/pipeline/tariffs/roles_model.py``).

Every annotated real article with its text under ``.corpus/`` (``../shared/train`` and the dev
set) is parsed once; the tariff component runs with the rules only and records, for every
rate, the candidate (imposer, target) pairs and their features. A candidate is positive when
the article's gold has a tariff of that rate with that imposer and target (labels:
``tools/TARIFF_ROLES.md``). A logistic model (Newton's method with an L2 penalty, numpy only,
deterministic) is fitted; every setting (penalty, threshold for further targets) is chosen by
by-article cross-validation on tariff F1. The weights are written, rounded, to
``tradefacts/pipeline/data/tariff_roles.json``: the same command gives the same bytes.

    python tools/train_tariff_roles.py              # cross-validate, report, write the model
    python tools/train_tariff_roles.py --report     # figures only (folds, learning curve)
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tariff_corpus import Article, articles, parse, tariff_scores  # noqa: E402

from tradefacts.pipeline.tariffs import roles_model  # noqa: E402
from tradefacts.pipeline.tariffs.component import find_tariffs  # noqa: E402

MODEL_PATH = Path(__file__).resolve().parent.parent / "tradefacts/pipeline/data/tariff_roles.json"
MODES = ("fill", "full")
PENALTIES = (0.3, 1.0, 3.0, 10.0)
THRESHOLDS = (0.3, 0.5, 0.7, 0.9)
CV_FOLDS = 4
SEED = 20251206


@dataclass
class Rate:
    """One rate the rules found, its candidates and their labels."""

    article: str
    candidates: list[roles_model.Candidate]
    labels: list[int]
    reading: roles_model.Reading


def _target_ok(gold_target: Any, target: str | None) -> bool:
    if isinstance(gold_target, list):
        return target in gold_target
    return gold_target == target


def collect(items: list[Article], docs: dict[str, list[Any]]) -> list[Rate]:
    """The recorded candidates of every rate whose value some gold tariff has."""
    rates: list[Rate] = []
    current: dict[str, Any] = {}

    def record(ctx: Any, pspan: Any, reading: Any, candidates: list[Any]) -> None:
        art: Article = current["art"]
        value = _rate_value(pspan, ctx)
        gold = [g for g in art.gold.get("tariffs", []) if abs(float(g["rate"]) - value) <= 0.01]
        if not gold or not candidates:
            return
        labels = [
            int(any(g["imposer"] == c.imposer and _target_ok(g["target"], c.target) for g in gold))
            for c in candidates
        ]
        rates.append(Rate(art.id, candidates, labels, reading))

    roles_model.recorder = record
    roles_model.use_model = False
    try:
        for art in items:
            current["art"] = art
            for doc in docs[art.id]:
                find_tariffs(doc)
    finally:
        roles_model.recorder = None
        roles_model.use_model = True
    return rates


def _rate_value(pspan: Any, ctx: Any) -> float:
    from tradefacts.pipeline.tariffs.context import percents_in

    for p in percents_in(ctx.doc):
        if p.start <= pspan.start_char < p.end or pspan.start_char <= p.start < pspan.end_char:
            return p.value
    return float("nan")


def decided(rates: list[Rate], mode: str) -> list[tuple[roles_model.Candidate, int]]:
    """The (candidate, label) pairs the model decides among in ``mode`` (what decoding sees)."""
    out = []
    for r in rates:
        pairs = list(zip(r.candidates, r.labels, strict=True))
        if mode == "fill":
            reading = r.reading
            stated_targets = [t for t in reading.targets if t in reading.stated_targets]
            if reading.stated_imposers and stated_targets:
                continue  # the rules' explicit reading stands
            pairs = [(c, lab) for c, lab in pairs if roles_model.keeps_stated_sides(c, reading)]
        out.extend(pairs)
    return out


def fit(rates: list[Rate], penalty: float, mode: str = "fill") -> tuple[dict[str, float], float]:
    """Logistic regression (L2 ``penalty``) over the decided candidates: (weights, bias)."""
    pairs = decided(rates, mode)
    names = sorted({k for c, _ in pairs for k in c.features})
    index = {k: n for n, k in enumerate(names)}
    rows = [c.features for c, _ in pairs]
    y = np.array([lab for _, lab in pairs], dtype=float)
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0
    for i, feats in enumerate(rows):
        for k, v in feats.items():
            x[i, index[k]] = v
    w = np.zeros(len(names) + 1)
    reg = np.full(len(names) + 1, penalty)
    reg[-1] = 1e-6
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.max(np.abs(step))) < 1e-9:
            break
    weights = {k: round(float(w[n]), 6) for k, n in index.items() if abs(w[n]) >= 5e-7}
    return weights, round(float(w[-1]), 6)


def model_for(
    rates: list[Rate], penalty: float, threshold: float, mode: str = "fill"
) -> roles_model.RolesModel:
    weights, bias = fit(rates, penalty)
    return roles_model.RolesModel(weights, bias, threshold, mode)


@contextmanager
def _using(model: roles_model.RolesModel | None) -> Iterator[None]:
    """The tariff component runs with ``model`` (None: the rules alone) inside the block."""
    roles_model.active_model = model
    roles_model.use_model = model is not None
    try:
        yield
    finally:
        roles_model.active_model = None
        roles_model.use_model = True


def scored(
    model: roles_model.RolesModel | None,
    items: list[Article],
    docs: dict[str, list[Any]],
) -> tuple[float, float, float]:
    """Tariff (P, R, F1) of ``items`` with ``model`` (None: the rules alone)."""
    with _using(model):
        p, r, f, _ = tariff_scores(items, docs)
    return p, r, f


def choose_settings(
    train: list[Article], rates: list[Rate], docs: dict[str, list[Any]]
) -> dict[str, Any]:
    """The settings (mode, penalty, threshold) with the best by-article cross-validated tariff
    F1 on ``train``, that F1, and the rules' F1 on the same folds."""
    ids = sorted({a.id for a in train})
    random.Random(SEED).shuffle(ids)
    folds = [set(ids[k::CV_FOLDS]) for k in range(CV_FOLDS)]
    held_out = [[a for a in train if a.id in held] for held in folds]
    best: dict[str, Any] = {"cv_f1": -1.0}
    for mode in MODES:
        for penalty in PENALTIES:
            fitted = [
                fit([r for r in rates if r.article not in held], penalty, mode) for held in folds
            ]
            for threshold in THRESHOLDS:
                counts = [
                    _counts(roles_model.RolesModel(w, b, threshold, mode), items, docs)
                    for (w, b), items in zip(fitted, held_out, strict=True)
                ]
                f1 = _f1(counts)
                if f1 > best["cv_f1"] + 1e-9:
                    best = {"mode": mode, "penalty": penalty, "threshold": threshold, "cv_f1": f1}
    best["cv_rules_f1"] = _f1([_counts(None, items, docs) for items in held_out])
    best["cv_f1"] = round(best["cv_f1"], 3)
    best["cv_rules_f1"] = round(best["cv_rules_f1"], 3)
    return best


def _f1(counts: list[tuple[int, int, int]]) -> float:
    tp = sum(c[0] for c in counts)
    fp = sum(c[1] for c in counts)
    fn = sum(c[2] for c in counts)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _counts(
    model: roles_model.RolesModel | None, items: list[Article], docs: dict[str, list[Any]]
) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of the tariff field of ``items``."""
    with _using(model):
        _, _, _, per = tariff_scores(items, docs)
    return (
        sum(s.tp for s in per.values()),
        sum(s.fp for s in per.values()),
        sum(s.fn for s in per.values()),
    )


def train_and_test(
    train: list[Article], test: list[Article], rates: list[Rate], docs: dict[str, list[Any]]
) -> dict[str, Any]:
    """Settings chosen by cross-validation on ``train``, the model fitted on it, and the
    tariff (P, R, F1) of the rules and of the model on ``test``."""
    ids = {a.id for a in train}
    mine = [r for r in rates if r.article in ids]
    settings = choose_settings(train, mine, docs)
    model = model_for(mine, settings["penalty"], settings["threshold"], settings["mode"])
    settings["rules"] = [round(v, 3) for v in scored(None, test, docs)]
    settings["model"] = [round(v, 3) for v in scored(model, test, docs)]
    return settings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report", action="store_true", help="figures only, do not write the model")
    ap.add_argument("--curve", action="store_true", help="also the learning curve")
    args = ap.parse_args(argv)
    items = articles()
    print(f"{len(items)} annotated articles with texts", file=sys.stderr)
    docs = parse(items)
    rates = collect(items, docs)
    print(f"{len(rates)} rates, {sum(len(r.labels) for r in rates)} candidates", file=sys.stderr)
    by_fold = {f: [a for a in items if a.fold == f and a.set == "dev"] for f in ("A", "B")}
    by_fold["train"] = [a for a in items if a.set == "train"]
    report: dict[str, Any] = {}
    for name, train, test in (
        ("train+A -> B", by_fold["train"] + by_fold["A"], by_fold["B"]),
        ("train+B -> A", by_fold["train"] + by_fold["B"], by_fold["A"]),
    ):
        report[name] = train_and_test(train, test, rates, docs)
        print(name, report[name], file=sys.stderr)
    if args.curve:
        pool = by_fold["train"] + by_fold["A"]
        order = sorted(pool, key=lambda a: a.id)
        random.Random(SEED).shuffle(order)
        for size in (10, 20, 40, len(order)):
            sub = order[:size]
            ids = {a.id for a in sub}
            model = model_for([r for r in rates if r.article in ids], 1.0, 0.5)
            print(
                f"curve {size} -> B",
                [round(v, 3) for v in scored(model, by_fold["B"], docs)],
                file=sys.stderr,
            )
    settings = choose_settings(items, rates, docs)
    report["all"] = settings
    print("all", settings, file=sys.stderr)
    if not args.report:
        weights, bias = fit(rates, settings["penalty"], settings["mode"])
        data = {
            "_doc": "Tariff-role re-ranker weights; written by tools/train_tariff_roles.py. "
            "enabled: whether its cross-validated tariff F1 beats the rules' on the same folds.",
            "version": 1,
            "enabled": settings["cv_f1"] > settings["cv_rules_f1"],
            "trained_on": sorted(a.id for a in items),
            "mode": settings["mode"],
            "penalty": settings["penalty"],
            "threshold": settings["threshold"],
            "cv_f1": settings["cv_f1"],
            "cv_rules_f1": settings["cv_rules_f1"],
            "bias": bias,
            "weights": dict(sorted(weights.items())),
        }
        MODEL_PATH.write_text(json.dumps(data, indent=1, sort_keys=False) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}", file=sys.stderr)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
