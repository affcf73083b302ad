"""How far any tariff-role re-ranker can lift tariff F1 over the rules, set by set.

The oracle decodes every rate as its mention labels say (``tools/tariff_mentions.json``): when
some candidate pair is labelled right, it takes the rules' pair if that is one of them, else the
labelled pairs of the most often labelled imposer; otherwise the rules' reading stands. It sees
the same candidates as the re-ranker, so its F1 is the ceiling of re-ranking them: what is
left below it are rates the rules do not find, products, or readings no candidate holds.

    python tools/roles_ceiling.py        # rules and oracle (P, R, F1) per set
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import train_tariff_roles as trainer  # noqa: E402
from tariff_corpus import articles, parse  # noqa: E402

from tradefacts.pipeline.tariffs import roles_model  # noqa: E402

SETS = (
    ("fold A", lambda a: a.set == "dev" and a.fold == "A"),
    ("fold B", lambda a: a.set == "dev" and a.fold == "B"),
    ("training set", lambda a: a.set == "train"),
    ("our real articles", lambda a: a.set == "real"),
)


def oracle_decoder(labels: dict[int, list[int]]) -> Any:
    """A ``roles_model.decode`` stand-in that reads the labels of each rate's candidates
    (keyed by the identity of the candidate list the trainer recorded)."""

    def decode(
        model: Any, reading: roles_model.Reading, candidates: list[roles_model.Candidate]
    ) -> tuple[str | None, list[str | None]]:
        rules = (reading.imposer, reading.targets)
        marks = labels.get(id(candidates)) or [0] * len(candidates)
        right = [c for c, lab in zip(candidates, marks, strict=True) if lab]
        if not right:
            return rules
        ruled = reading.targets or [roles_model.EVERY_PARTNER]
        if any(c.imposer == reading.imposer and c.target in ruled for c in right):
            return rules
        imposer = Counter(c.imposer for c in right).most_common(1)[0][0]
        return imposer, [c.target for c in right if c.imposer == imposer]

    return decode


def main() -> int:
    items = articles()
    docs = parse(items)
    rates, _ = trainer.collect(items, docs, trainer.load_mentions())
    labels = {id(r.candidates): r.labels for r in rates}
    roles_model.decode = oracle_decoder(labels)  # type: ignore[assignment]
    oracle = roles_model.RolesModel({}, 0.0, 1.0, mode="full")  # any model: decode is replaced
    for name, keep in SETS:
        chosen = [a for a in items if keep(a)]
        rules = [round(v, 3) for v in trainer.scored(None, chosen, docs)]
        best = [round(v, 3) for v in trainer.scored(oracle, chosen, docs)]
        print(f"{name} ({len(chosen)} articles): rules {rules}, oracle re-ranking {best}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
