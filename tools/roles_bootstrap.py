"""How sure the role model's gain is: the shipped settings against the rules, article by article.

Runs the trainer's 4-fold by-article cross-validation over every annotated article with the
settings of `tradefacts/pipeline/data/tariff_roles.json` (each article scored by a model not
trained on it), prints the tariff F1 of rules and model per source of articles, the articles
whose counts move, and a paired bootstrap over articles of the F1 gain.

    python tools/roles_bootstrap.py [--resamples 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from typing import Any

import train_tariff_roles as trainer
from tariff_corpus import Article, articles

#: (tp, fp, fn) of the rules, then of the model, for one article.
Counts = tuple[tuple[int, int, int], tuple[int, int, int]]


def f1(rows: list[Counts], side: int) -> float:
    """Micro F1 of ``side`` (0 rules, 1 model) over the articles ``rows``."""
    return trainer._f1([r[side] for r in rows])


def paired_bootstrap(
    rows: list[Counts], resamples: int = 2000, seed: int = 7
) -> tuple[float, float, float]:
    """(model F1 - rules F1, 2.5th and 97.5th percentile of that gain over ``resamples``
    resamplings of the articles with replacement)."""
    rng = random.Random(seed)
    gains = []
    for _ in range(resamples):
        sample = [rows[rng.randrange(len(rows))] for _ in rows]
        gains.append(f1(sample, 1) - f1(sample, 0))
    gains.sort()
    low = gains[int(0.025 * resamples)]
    high = gains[min(resamples - 1, int(0.975 * resamples))]
    return f1(rows, 1) - f1(rows, 0), low, high


def cross_validated(items: list[Article], settings: dict[str, Any]) -> dict[str, Counts]:
    """Article id -> (rules counts, model counts) under the trainer's 4-fold split."""
    docs = trainer.parse(items)
    rates, _ = trainer.collect(items, docs, trainer.load_mentions())
    out: dict[str, Counts] = {}
    for held in trainer.cv_folds(items):
        model = trainer._settled([r for r in rates if r.article not in held], settings)
        for art in (a for a in items if a.id in held):
            out[art.id] = (
                trainer._counts(None, [art], docs),
                trainer._counts(model, [art], docs),
            )
    return out


def _score(c: tuple[int, int, int]) -> int:
    return 2 * c[0] - c[1] - c[2]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--resamples", type=int, default=2000)
    args = ap.parse_args(argv)
    shipped = json.loads(trainer.MODEL_PATH.read_text(encoding="utf-8"))
    keys = ("learner", "mode", "threshold", "margin", "fields", "kept_measures")
    settings = {k: shipped[k] for k in keys}
    settings["keep_sentence_fallback"] = shipped.get("keep_sentence_fallback", False)
    items = articles()
    per = cross_validated(items, settings)
    source = {a.id: a.fold for a in items}
    rows = list(per.values())
    print(f"{len(rows)} articles, settings {settings}")
    print(f"all: rules {f1(rows, 0):.3f}, model {f1(rows, 1):.3f}")
    for name in sorted(set(source.values())):
        group = [per[i] for i in per if source[i] == name]
        print(f"  {name} ({len(group)}): rules {f1(group, 0):.3f}, model {f1(group, 1):.3f}")
    moved = {i: c for i, c in per.items() if c[0] != c[1]}
    better = sorted(i for i, c in moved.items() if _score(c[1]) > _score(c[0]))
    worse = sorted(i for i, c in moved.items() if _score(c[1]) < _score(c[0]))
    print(f"articles whose counts move: {len(moved)}; better {better}; worse {worse}")
    gain, low, high = paired_bootstrap(rows, args.resamples)
    print(f"gain {gain:+.3f}, 95% bootstrap interval [{low:+.3f}, {high:+.3f}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
