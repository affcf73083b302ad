"""Parsed annotated articles for tariff work: texts under ``.corpus/``, gold from ``../shared``.

Used by ``tools/train_tariff_roles.py`` (training and cross-validation) and for scoring the
tariff field of a fold quickly: parsing is done once and cached under ``.corpus/cache/``.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / ".corpus"
#: (set name, manifest folder, texts folder)
SETS = {
    "train": (SHARED / "train", CORPUS / "train"),
    "dev": (SHARED / "dev", CORPUS / "dev"),
    # our own real articles, annotated for training (tests/gold/real_train/README.md)
    "real": (ROOT / "tests" / "gold" / "real_train", CORPUS / "real_train"),
}


#: Files that only the role re-ranker reads: it is re-run on the cached docs, so retraining
#: it does not re-parse the corpus.
_NOT_PARSING = frozenset({"roles_model.py", "tariff_roles.json"})


@dataclass
class Article:
    """One annotated article: its id, set, fold, gold and text."""

    id: str
    set: str
    fold: str
    gold: dict[str, Any]
    text: str


def articles(names: Iterable[str] = ("train", "dev", "real")) -> list[Article]:
    """Every annotated article of the named sets whose text is present and matches its sha256."""
    out = []
    for name in names:
        meta_dir, text_dir = SETS[name]
        for entry in _manifest(meta_dir):
            path = text_dir / f"{entry['id']}.txt"
            if not path.is_file():
                continue
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest() != entry["sha256"]:
                continue
            gold = json.loads((meta_dir / "gold" / f"{entry['id']}.gold.json").read_text("utf-8"))
            fold = entry.get("fold") or name
            out.append(Article(entry["id"], name, fold, gold, data.decode("utf-8")))
    return out


def _manifest(folder: Path) -> list[dict[str, Any]]:
    """The entries of every ``manifest*.json`` (a set that grew in parts has several)."""
    entries: list[dict[str, Any]] = []
    for path in sorted(folder.glob("manifest*.json")):
        entries.extend(json.loads(path.read_text(encoding="utf-8")))
    return entries


def parse(items: list[Article]) -> dict[str, list[Any]]:
    """The pipeline's annotated chunk docs of each article (cached by text and code version)."""
    from tradefacts.extraction import _chunk_docs
    from tradefacts.pipeline.nlp import get_nlp
    from tradefacts.reading import Source, parse_published

    nlp = get_nlp()
    out: dict[str, list[Any]] = {}
    code = hashlib.sha256()
    for path in sorted((ROOT / "tradefacts" / "pipeline").rglob("*")):
        if path.suffix in {".py", ".json"} and path.name not in _NOT_PARSING:
            code.update(path.read_bytes())
    cache_dir = CORPUS / "cache"
    cache_dir.mkdir(parents=True, exist_ok=True)
    for art in items:
        key = hashlib.sha256(
            (art.text + "|" + str(art.gold.get("published")) + code.hexdigest()).encode()
        ).hexdigest()
        cached = cache_dir / f"{art.id}-{key[:16]}.pkl"
        if cached.is_file():
            out[art.id] = pickle.loads(cached.read_bytes())
            continue
        src = Source(
            text=art.text, doc_id=art.id, published=parse_published(art.gold.get("published"))
        )
        docs = list(nlp.pipe(_chunk_docs(nlp.make_doc, src)))
        cached.write_bytes(pickle.dumps(docs))
        out[art.id] = docs
    return out


def source_of(art: Article) -> Any:
    from tradefacts.reading import Source, parse_published

    return Source(
        text=art.text, doc_id=art.id, published=parse_published(art.gold.get("published"))
    )


def tariff_scores(
    items: list[Article], docs: dict[str, list[Any]], find: Callable[[Any], list[Any]] | None = None
) -> tuple[float, float, float, dict[str, Any]]:
    """(precision, recall, F1, per-article TypeScore) of the tariff field, tariffs re-found
    on the cached docs with ``find`` (default: the pipeline's ``find_tariffs``)."""
    from tradefacts.evaluation.scoring import score_article
    from tradefacts.extraction import assemble
    from tradefacts.pipeline.tariffs import find_tariffs

    find = find or find_tariffs
    tp = fp = fn = 0
    per: dict[str, Any] = {}
    for art in items:
        for doc in docs[art.id]:
            doc._.tariffs = find(doc)
        facts = assemble(source_of(art), docs[art.id])
        score = score_article(art.gold, facts)["tariffs"]
        per[art.id] = score
        tp, fp, fn = tp + score.tp, fp + score.fp, fn + score.fn
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, per
