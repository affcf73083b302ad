"""Train the tariff-role re-ranker (``tradefacts/pipeline/tariffs/roles_model.py``).

Every annotated real article with its text under ``.corpus/`` (``../shared/train`` and the dev
set) is parsed once; the tariff component runs with the rules only and records, for every
rate, the candidate (imposer, target) pairs and their features. A candidate is positive when
the gold tariff its mention refers to (``tools/tariff_mentions.json``, see
``tools/TARIFF_ROLES.md``) has that imposer and target. Two learners, both numpy only and
deterministic: logistic regression (Newton's method, L2 penalty) and gradient-boosted trees
(Newton steps on the logistic loss). Every setting (learner, mode, threshold for further
targets, margin over the rules' pair, which sides the model may change) is chosen by
by-article cross-validation on tariff F1. The model is written, rounded, to
``tradefacts/pipeline/data/tariff_roles.json``: the same command gives the same bytes.

    python tools/train_tariff_roles.py              # cross-validate, report, write the model
    python tools/train_tariff_roles.py --report     # figures only
    python tools/train_tariff_roles.py --curve      # also the learning curve on fold B
    python tools/train_tariff_roles.py --label      # re-derive the mention labels
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tariff_corpus import Article, articles, parse, tariff_scores  # noqa: E402

from tradefacts.pipeline.tariffs import roles_model  # noqa: E402
from tradefacts.pipeline.tariffs.component import find_tariffs  # noqa: E402

MODEL_PATH = Path(__file__).resolve().parent.parent / "tradefacts/pipeline/data/tariff_roles.json"
MENTIONS_PATH = Path(__file__).resolve().parent / "tariff_mentions.json"
MODES = ("fill", "full")
#: Fitted models tried: ("logistic", L2 penalty) or ("trees", (count, depth, learning rate)).
LEARNERS: tuple[tuple[str, Any], ...] = (
    ("logistic", 1.0),
    ("logistic", 10.0),
    ("trees", (100, 2, 0.1)),
    ("trees", (100, 3, 0.1)),
)
THRESHOLDS = (0.5, 0.9, 1.0)
MARGINS = (0.0, 0.25, 0.5, 0.7, 0.9)
#: A margin no probability difference reaches: the rules' reading always stands.
NEVER = 2.0
FIELDS = ("both", "imposer", "target")
#: Measures whose every-partner reading the model keeps in mode "fill" (none, the baseline,
#: the baseline and sectoral rates).
KEPT_MEASURES: tuple[tuple[str, ...], ...] = ((), ("baseline",), ("baseline", "sectoral"))
#: Whether a fallback target named in the rate's sentence stays in mode "fill".
KEEP_SENTENCE_FALLBACK = (False, True)
CV_FOLDS = 4
#: The held-out dev-fold runs: train on the training set and one fold, test on the other.
FOLD_RUNS = ("train+A -> B", "train+B -> A")
#: Trained on every article the rules were tuned on, tested on our real articles.
UNSEEN_RUN = "train+dev -> real"
SEED = 20251206
#: Tree fitting: L2 penalty on leaf values, least hessian per leaf, thresholds per feature.
TREE_LAMBDA = 1.0
TREE_MIN_HESSIAN = 1.0
TREE_BINS = 16


@dataclass
class Rate:
    """One rate the rules found, its candidates and their labels."""

    article: str
    candidates: list[roles_model.Candidate]
    labels: list[int]
    reading: roles_model.Reading


@dataclass
class Mention:
    """One rate mention of an article: where it is, the gold tariffs at its rate, the
    countries and words of its sentence (what the labels are derived from)."""

    article: str
    at: int  # character offset of the rate in the article's text
    rate: str  # the rate as written
    gold: list[int]  # indices of the article's gold tariffs at that rate
    named: set[str]  # countries named in the sentence
    words: str  # the sentence, lower-case


def _target_ok(gold_target: Any, target: str | None) -> bool:
    if isinstance(gold_target, list):
        return target in gold_target
    return gold_target == target


def _targets(gold_target: Any) -> list[str | None]:
    return list(gold_target) if isinstance(gold_target, list) else [gold_target]


def derive_label(art: Article, m: Mention) -> tuple[list[int], str]:
    """The gold tariffs a mention refers to, and how that was decided: "only" (one gold tariff
    has the rate), "same" (all of them have the same sides), "named" (the ones whose countries
    and products the sentence names most), "all" (no way to tell them apart)."""
    gold = art.gold.get("tariffs", [])
    if len(m.gold) <= 1:
        return list(m.gold), "only"
    sides = {(gold[i]["imposer"], json.dumps(gold[i]["target"])) for i in m.gold}
    if len(sides) == 1:
        return list(m.gold), "same"

    def fit(i: int) -> int:
        g = gold[i]
        score = int(g["imposer"] in m.named)
        score += int(any(t in m.named for t in _targets(g["target"]) if t is not None))
        words = [w.rstrip("s") for p in g.get("products") or [] for w in p.split()]
        score += int(any(w and w in m.words for w in words))
        return score

    best = max(fit(i) for i in m.gold)
    chosen = [i for i in m.gold if fit(i) == best]
    if all(gold[i].get("optional") for i in chosen):  # an optional reading names a country the
        chosen = sorted(
            {*chosen, *(i for i in m.gold if not gold[i].get("optional"))}
        )  # rule keeps
    return chosen, ("all" if len(chosen) == len(m.gold) else "named")


def load_mentions() -> dict[str, dict[str, Any]]:
    """The mention labels kept in ``tools/tariff_mentions.json``, by article and offset."""
    if not MENTIONS_PATH.is_file():
        return {}
    data = json.loads(MENTIONS_PATH.read_text(encoding="utf-8"))
    return {art: {f"{e['at']}": e for e in entries} for art, entries in data["mentions"].items()}


def collect(
    items: list[Article], docs: dict[str, list[Any]], labels: dict[str, dict[str, Any]] | None
) -> tuple[list[Rate], list[Mention]]:
    """The recorded candidates of every rate whose value some gold tariff has, labelled by the
    mention labels (``labels``; None: every gold tariff at the rate counts), and the mentions."""
    from tradefacts.pipeline.tariffs.context import sentence_span

    rates: list[Rate] = []
    mentions: list[Mention] = []
    current: dict[str, Any] = {}

    def record(ctx: Any, pspan: Any, reading: Any, candidates: list[Any]) -> None:
        art: Article = current["art"]
        CANDIDATES[_key(ctx, pspan)] = candidates
        READINGS.setdefault(art.id, []).append((reading, candidates))
        value = _rate_value(pspan, ctx)
        gold = art.gold.get("tariffs", [])
        at_rate = [i for i, g in enumerate(gold) if abs(float(g["rate"]) - value) <= 0.01]
        if not at_rate or not candidates:
            return
        sent = sentence_span(ctx, pspan)
        named = {m.iso for m in ctx.mentions_between(sent.start, sent.end)}
        at = ctx.doc._.base_offset + pspan.start_char
        m = Mention(art.id, at, pspan.text, at_rate, named, sent.text.lower())
        mentions.append(m)
        entry = (labels or {}).get(art.id, {}).get(f"{at}")
        chosen = entry["gold"] if entry is not None else at_rate
        # the scoring rewards required gold only: an optional reading is right when no
        # required one is
        refs = [gold[i] for i in chosen if not gold[i].get("optional")]
        refs = refs or [gold[i] for i in chosen]
        labels_ = [
            int(any(g["imposer"] == c.imposer and _target_ok(g["target"], c.target) for g in refs))
            for c in candidates
        ]
        rates.append(Rate(art.id, candidates, labels_, reading))

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
    return rates, mentions


def write_mentions(items: list[Article], mentions: list[Mention]) -> None:
    """Write the mention labels: derived ones afresh, those decided by reading ("read") kept."""
    kept = load_mentions()
    by_id = {a.id: a for a in items}
    out: dict[str, list[dict[str, Any]]] = {}
    for m in sorted(mentions, key=lambda m: (m.article, m.at)):
        old = kept.get(m.article, {}).get(f"{m.at}")
        if old is not None and old.get("by") == "read" and old.get("rate") == m.rate:
            entry = old
        else:
            chosen, how = derive_label(by_id[m.article], m)
            entry = {"at": m.at, "rate": m.rate, "gold": chosen, "by": how}
        out.setdefault(m.article, []).append(entry)
    data = {
        "_doc": "Which gold tariffs each rate mention refers to (tools/TARIFF_ROLES.md): "
        "article id -> mentions; at: character offset of the rate in the text; gold: indices "
        "into the article's gold tariffs; by: only | same | named | all | read.",
        "mentions": out,
    }
    MENTIONS_PATH.write_text(_compact_entries(data), encoding="utf-8")


def _compact_entries(data: dict[str, Any]) -> str:
    """JSON with one mention a line: short and diff-friendly."""
    lines = ["{", f' "_doc": {json.dumps(data["_doc"])},', ' "mentions": {']
    arts = list(data["mentions"].items())
    for n, (art, entries) in enumerate(arts):
        lines.append(f"  {json.dumps(art)}: [")
        for k, e in enumerate(entries):
            comma = "," if k < len(entries) - 1 else ""
            lines.append("   " + json.dumps(e, ensure_ascii=False) + comma)
        lines.append("  ]" + ("," if n < len(arts) - 1 else ""))
    lines += [" }", "}"]
    return "\n".join(lines) + "\n"


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
            if reading.stated_imposers and roles_model.target_stated(reading):
                continue  # the rules' explicit reading stands
            pairs = [(c, lab) for c, lab in pairs if roles_model.keeps_stated_sides(c, reading)]
        out.extend(pairs)
    return out


def _matrix(
    pairs: list[tuple[roles_model.Candidate, int]],
) -> tuple[list[str], np.ndarray, np.ndarray]:
    names = sorted({k for c, _ in pairs for k in c.features})
    index = {k: n for n, k in enumerate(names)}
    x = np.zeros((len(pairs), len(names)))
    for i, (c, _) in enumerate(pairs):
        for k, v in c.features.items():
            x[i, index[k]] = v
    y = np.array([lab for _, lab in pairs], dtype=float)
    return names, x, y


def fit(rates: list[Rate], penalty: float, mode: str = "fill") -> tuple[dict[str, float], float]:
    """Logistic regression (L2 ``penalty``) over the decided candidates: (weights, bias)."""
    names, feats, y = _matrix(decided(rates, mode))
    x = np.hstack([feats, np.ones((len(y), 1))])
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
    weights = {k: round(float(w[n]), 6) for n, k in enumerate(names) if abs(w[n]) >= 5e-7}
    return weights, round(float(w[-1]), 6)


def fit_trees(
    rates: list[Rate], count: int, depth: int, rate: float, mode: str = "fill"
) -> tuple[list[roles_model.Tree], float]:
    """Gradient-boosted regression trees on the logistic loss (Newton steps, L2 on leaves),
    over the decided candidates: (trees, bias). Deterministic: every split is the best by gain,
    ties to the first feature in name order and the lowest threshold."""
    names, x, y = _matrix(decided(rates, mode))
    n, d = x.shape
    cuts: list[np.ndarray] = []
    for j in range(d):
        values = np.unique(x[:, j])
        mids = (values[:-1] + values[1:]) / 2.0
        if len(mids) > TREE_BINS:
            mids = mids[np.linspace(0, len(mids) - 1, TREE_BINS).round().astype(int)]
        cuts.append(np.round(mids, 6))
    nbins = TREE_BINS + 1
    binned = (
        np.stack([np.searchsorted(cuts[j], x[:, j], side="left") for j in range(d)], axis=1)
        + np.arange(d) * nbins
    )  # bin <= k  <=>  x <= cuts[j][k]
    prior = float(np.clip(y.mean(), 1e-6, 1 - 1e-6))
    bias = float(np.log(prior / (1 - prior)))
    score = np.full(n, bias)
    trees: list[roles_model.Tree] = []

    step = np.zeros(n)

    def grow(rows: np.ndarray, g: np.ndarray, h: np.ndarray, level: int) -> roles_model.Tree:
        gs, hs = float(g[rows].sum()), float(h[rows].sum())
        leaf = round(-rate * gs / (hs + TREE_LAMBDA), 6)
        step[rows] = leaf
        if level == depth or len(rows) < 2:
            return leaf
        gsum = np.bincount(binned[rows].ravel(), np.repeat(g[rows], d), d * nbins)
        hsum = np.bincount(binned[rows].ravel(), np.repeat(h[rows], d), d * nbins)
        gl = np.cumsum(gsum.reshape(d, nbins), axis=1)[:, :-1]
        hl = np.cumsum(hsum.reshape(d, nbins), axis=1)[:, :-1]
        gr, hr = gs - gl, hs - hl
        gain = gl**2 / (hl + TREE_LAMBDA) + gr**2 / (hr + TREE_LAMBDA) - gs**2 / (hs + TREE_LAMBDA)
        valid = (hl >= TREE_MIN_HESSIAN) & (hr >= TREE_MIN_HESSIAN)
        for j in range(d):
            valid[j, len(cuts[j]) :] = False
        gain = np.where(valid, gain, -np.inf)
        flat = int(np.argmax(gain))
        if not np.isfinite(gain.flat[flat]) or gain.flat[flat] <= 1e-9:
            return leaf
        j, k = divmod(flat, nbins - 1)
        left = rows[binned[rows, j] - j * nbins <= k]
        right = rows[binned[rows, j] - j * nbins > k]
        return [
            names[j],
            float(cuts[j][k]),
            grow(left, g, h, level + 1),
            grow(right, g, h, level + 1),
        ]

    everything = np.arange(n)
    for _ in range(count):
        p = 1.0 / (1.0 + np.exp(-np.clip(score, -30, 30)))
        g, h = p - y, np.maximum(p * (1 - p), 1e-6)
        tree = grow(everything, g, h, 0)
        trees.append(tree)
        score += step
    return trees, round(bias, 6)


def model_for(
    rates: list[Rate], learner: tuple[str, Any], mode: str, **decoding: Any
) -> roles_model.RolesModel:
    """The model ``learner`` fits on ``rates`` in ``mode``, with the given decoding settings
    (threshold, margin, fields)."""
    kind, setting = learner
    decoding.setdefault("threshold", 1.0)
    if kind == "logistic":
        weights, bias = fit(rates, setting, mode)
        return roles_model.RolesModel(weights, bias, mode=mode, **decoding)
    trees, bias = fit_trees(rates, *setting, mode=mode)
    return roles_model.RolesModel({}, bias, mode=mode, trees=tuple(trees), **decoding)


#: Every rate's candidates, recorded by ``collect`` (they do not depend on the model).
CANDIDATES: dict[tuple[str, int, int], list[roles_model.Candidate]] = {}


#: Every article's rates in text order: (the rules' reading, the candidates).
READINGS: dict[str, list[tuple[roles_model.Reading, list[roles_model.Candidate]]]] = {}
#: Tariff scores of an article by the roles decided for its rates (most settings of the
#: cross-validation decide the same roles for most articles: they are scored once).
_SCORED: dict[tuple[str, tuple[Any, ...]], tuple[int, int, int]] = {}


def _key(ctx: Any, pspan: Any) -> tuple[str, int, int]:
    return (ctx.doc._.doc_id, ctx.doc._.base_offset, pspan.start_char)


def _cached(ctx: Any, pspan: Any, tariff: Any, sent: Any, reading: Any) -> Any:
    found = CANDIDATES.get(_key(ctx, pspan))
    if found is None:
        return roles_model.candidate_pairs(ctx, pspan, tariff, sent, reading)
    return found


@contextmanager
def _using(model: roles_model.RolesModel | None) -> Iterator[None]:
    """The tariff component runs with ``model`` (None: the rules alone) inside the block."""
    roles_model.active_model = model
    roles_model.use_model = model is not None
    roles_model.candidate_source = _cached
    try:
        yield
    finally:
        roles_model.active_model = None
        roles_model.use_model = True
        roles_model.candidate_source = None


def scored(
    model: roles_model.RolesModel | None,
    items: list[Article],
    docs: dict[str, list[Any]],
) -> tuple[float, float, float]:
    """Tariff (P, R, F1) of ``items`` with ``model`` (None: the rules alone)."""
    with _using(model):
        p, r, f, _ = tariff_scores(items, docs)
    return p, r, f


def cv_folds(items: list[Article]) -> list[set[str]]:
    """The article ids of each by-article cross-validation fold (a fixed shuffle)."""
    ids = sorted({a.id for a in items})
    random.Random(SEED).shuffle(ids)
    return [set(ids[k::CV_FOLDS]) for k in range(CV_FOLDS)]


def choose_settings(
    train: list[Article], rates: list[Rate], docs: dict[str, list[Any]]
) -> dict[str, Any]:
    """The settings (learner, mode, threshold, margin, fields) with the best by-article
    cross-validated tariff F1 on ``train``, that F1, and the rules' F1 on the same folds.
    Ties go to the earlier setting in the grid order (simpler learner, smaller margin...)."""
    folds = cv_folds(train)
    held_out = [[a for a in train if a.id in held] for held in folds]
    best: dict[str, Any] = {"cv_f1": -1.0}
    by_fields: dict[str, float] = {}  # the best cross-validated F1 with each side choice
    sources = sorted({a.fold for a in train})
    rules_counts = [_counts(None, items, docs) for items in held_out]
    rules_by_source = {s: _f1(_of_source(None, held_out, s, docs)) for s in sources}
    for mode in MODES:
        for learner in LEARNERS:
            fitted = [
                model_for([r for r in rates if r.article not in held], learner, mode)
                for held in folds
            ]
            for fields in FIELDS:
                for margin, threshold, kept, keep_fallback in itertools.product(
                    MARGINS,
                    THRESHOLDS,
                    KEPT_MEASURES if mode == "fill" else ((),),
                    KEEP_SENTENCE_FALLBACK if mode == "fill" else (False,),
                ):
                    decoding = {
                        "threshold": threshold,
                        "margin": margin,
                        "fields": fields,
                        "kept_measures": kept,
                        "keep_sentence_fallback": keep_fallback,
                    }
                    counts = [
                        _counts(replace(model, **decoding), items, docs)
                        for model, items in zip(fitted, held_out, strict=True)
                    ]
                    f1 = _f1(counts)
                    by_fields[fields] = max(by_fields.get(fields, 0.0), round(f1, 3))
                    # robust: no source of the pool (the training set, our real articles,
                    # a dev fold) may lose against the rules
                    fitted_decoding = [replace(m, **decoding) for m in fitted]
                    if any(
                        _f1(_of_source(fitted_decoding, held_out, s, docs))
                        < rules_by_source[s] - 1e-9
                        for s in sources
                    ):
                        continue
                    if f1 > best["cv_f1"] + 1e-9:
                        best = {"mode": mode, "learner": list(learner), **decoding}
                        best["cv_f1"] = f1
    if best["cv_f1"] < 0:  # no setting holds on every source: the rules' reading stands
        best = {"mode": "fill", "learner": list(LEARNERS[0]), "threshold": 1.0}
        best.update({"margin": NEVER, "fields": "both", "kept_measures": ()})
        best["keep_sentence_fallback"] = False
        best["cv_f1"] = _f1(rules_counts)
    best["cv_rules_f1"] = _f1(rules_counts)
    best["cv_f1"] = round(best["cv_f1"], 3)
    best["cv_rules_f1"] = round(best["cv_rules_f1"], 3)
    best["cv_f1_by_fields"] = by_fields
    return best


def _of_source(
    models: list[roles_model.RolesModel] | None,
    held_out: list[list[Article]],
    source: str,
    docs: dict[str, list[Any]],
) -> list[tuple[int, int, int]]:
    """Counts over the held-out articles of one source (a fold name: "T" the training set,
    "R" our real articles, "A"/"B" a dev fold), each with its CV fold's model (None: rules)."""
    per_fold = models or [None] * len(held_out)
    return [
        _counts(m, [a for a in items if a.fold == source], docs)
        for m, items in zip(per_fold, held_out, strict=True)
    ]


def _f1(counts: list[tuple[int, int, int]]) -> float:
    tp = sum(c[0] for c in counts)
    fp = sum(c[1] for c in counts)
    fn = sum(c[2] for c in counts)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _counts(
    model: roles_model.RolesModel | None, items: list[Article], docs: dict[str, list[Any]]
) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of the tariff field of ``items``."""
    tp = fp = fn = 0
    for art in items:
        decisions = tuple(
            _decision(model, reading, candidates)
            for reading, candidates in READINGS.get(art.id, [])
        )
        key = (art.id, decisions)
        if key not in _SCORED:
            with _using(model):
                _, _, _, per = tariff_scores([art], docs)
            _SCORED[key] = (per[art.id].tp, per[art.id].fp, per[art.id].fn)
        a, b, c = _SCORED[key]
        tp, fp, fn = tp + a, fp + b, fn + c
    return tp, fp, fn


def _decision(
    model: roles_model.RolesModel | None,
    reading: roles_model.Reading,
    candidates: list[roles_model.Candidate],
) -> tuple[str | None, tuple[str | None, ...]]:
    if model is None:
        return reading.imposer, tuple(reading.targets)
    imposer, targets = roles_model.decode(model, reading, candidates)
    return imposer, tuple(targets)


def _settled(rates: list[Rate], settings: dict[str, Any]) -> roles_model.RolesModel:
    learner = (settings["learner"][0], _tupled(settings["learner"][1]))
    decoding = {k: settings[k] for k in ("threshold", "margin", "fields")}
    decoding["kept_measures"] = tuple(settings.get("kept_measures", ()))
    decoding["keep_sentence_fallback"] = bool(settings.get("keep_sentence_fallback", False))
    return model_for(rates, learner, settings["mode"], **decoding)


def _tupled(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def train_and_test(
    train: list[Article], test: list[Article], rates: list[Rate], docs: dict[str, list[Any]]
) -> dict[str, Any]:
    """Settings chosen by cross-validation on ``train``, the model fitted on it, and the
    tariff (P, R, F1) of the rules and of the model on ``test``."""
    ids = {a.id for a in train}
    mine = [r for r in rates if r.article in ids]
    settings = choose_settings(train, mine, docs)
    model = _settled(mine, settings)
    settings["rules"] = [round(v, 3) for v in scored(None, test, docs)]
    settings["model"] = [round(v, 3) for v in scored(model, test, docs)]
    return settings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report", action="store_true", help="figures only, do not write the model")
    ap.add_argument("--curve", action="store_true", help="also the learning curve")
    ap.add_argument(
        "--label", action="store_true", help="(re)derive tools/tariff_mentions.json and stop"
    )
    ap.add_argument(
        "--no-mentions", action="store_true", help="label by rate only (no mention labels)"
    )
    ap.add_argument(
        "--unseen",
        action="store_true",
        help="also train on the training set and the dev set, test on our real articles (the "
        "articles no rule was tuned on)",
    )
    args = ap.parse_args(argv)
    items = articles()
    print(f"{len(items)} annotated articles with texts", file=sys.stderr)
    docs = parse(items)
    labels = None if args.no_mentions else load_mentions()
    rates, mentions = collect(items, docs, labels)
    if args.label:
        write_mentions(items, mentions)
        print(f"wrote {MENTIONS_PATH}", file=sys.stderr)
        return 0
    print(f"{len(rates)} rates, {sum(len(r.labels) for r in rates)} candidates", file=sys.stderr)
    by_fold = {f: [a for a in items if a.fold == f and a.set == "dev"] for f in ("A", "B")}
    by_fold["train"] = [a for a in items if a.set in ("train", "real")]
    report: dict[str, Any] = {}
    for name, train, test in (
        (FOLD_RUNS[0], by_fold["train"] + by_fold["A"], by_fold["B"]),
        (FOLD_RUNS[1], by_fold["train"] + by_fold["B"], by_fold["A"]),
    ):
        report[name] = train_and_test(train, test, rates, docs)
        print(name, report[name], file=sys.stderr)
    if args.unseen:
        real = [a for a in items if a.set == "real"]
        tuned = [a for a in items if a.set != "real"]
        report[UNSEEN_RUN] = train_and_test(tuned, real, rates, docs)
        print(UNSEEN_RUN, report[UNSEEN_RUN], file=sys.stderr)
    settings = choose_settings(items, rates, docs)
    report["all"] = settings
    print("all", settings, file=sys.stderr)
    if args.curve:
        pool = by_fold["train"] + by_fold["A"]
        order = sorted(pool, key=lambda a: a.id)
        random.Random(SEED).shuffle(order)
        for size in (14, 28, 56, len(order)):
            ids = {a.id for a in order[:size]}
            model = _settled([r for r in rates if r.article in ids], report[FOLD_RUNS[0]])
            figures = [round(v, 3) for v in scored(model, by_fold["B"], docs)]
            report[f"curve {size} -> B"] = figures
            print(f"curve {size} -> B", figures, file=sys.stderr)
    if not args.report:
        model = _settled(rates, settings)
        data = {
            "_doc": "Tariff-role re-ranker; written by tools/train_tariff_roles.py. enabled: "
            "whether its cross-validated tariff F1 beats the rules' on the same folds and it "
            "beats them on each dev fold it was not trained on (folds). trees: "
            "[feature, threshold, subtree if <=, subtree if >] or a leaf value.",
            "version": 2,
            # on only when it wins by cross-validation and on each dev fold it was not
            # trained on (issue 24's bar)
            "enabled": settings["cv_f1"] > settings["cv_rules_f1"]
            and all(report[name]["model"][2] > report[name]["rules"][2] for name in FOLD_RUNS),
            "trained_on": sorted(a.id for a in items),
            "learner": settings["learner"],
            "mode": settings["mode"],
            "threshold": settings["threshold"],
            "margin": settings["margin"],
            "fields": settings["fields"],
            "kept_measures": list(settings.get("kept_measures", ())),
            "keep_sentence_fallback": bool(settings.get("keep_sentence_fallback", False)),
            "cv_f1": settings["cv_f1"],
            "cv_rules_f1": settings["cv_rules_f1"],
            "folds": {
                name: {"rules_f1": report[name]["rules"][2], "model_f1": report[name]["model"][2]}
                for name in FOLD_RUNS
            },
            "bias": model.bias,
            "weights": dict(sorted(model.weights.items())),
            "trees": list(model.trees),
        }
        MODEL_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}", file=sys.stderr)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
