"""Benchmark: the cost of tf_timex (every date as a TIMEX3 fact) next to bare spaCy.

Run from the repository root:  python benchmarks/bench_timex.py [--articles 200]

Parses the seeds and our own test articles (repeated) once with the full pipeline, then times
tf_timex alone over the parsed docs (CPU time, best of 3) and bare spaCy's ``nlp.pipe`` over the
same texts. Prints per-article costs and the ratio; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's tradefacts
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import corpus  # noqa: E402


def cpu(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.process_time()
    fn()
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=200)
    args = ap.parse_args()

    import datetime as dt

    from tradefacts.pipeline.nlp import get_nlp, load_model
    from tradefacts.pipeline.timex import find_timexes

    pairs = corpus(args.articles)
    texts = [text for _, text in pairs]
    bare = load_model()
    list(bare.pipe(texts[:5]))
    spacy_cpu = cpu(lambda: list(bare.pipe(texts, batch_size=32)))

    nlp = get_nlp()
    docs = []
    for doc in nlp.pipe(texts, batch_size=32):
        doc._.reference_date = dt.date(2025, 4, 16)
        docs.append(doc)
    timex_cpu = min(cpu(lambda: [find_timexes(doc) for doc in docs]) for _ in range(3))
    n_found = sum(len(find_timexes(doc)) for doc in docs)
    chars = sum(len(t) for t in texts)
    print(f"articles: {len(texts)} ({chars / 1e6:.2f} M characters), expressions: {n_found}")
    per = 1000 / len(texts)
    print(f"bare spaCy nlp.pipe: {spacy_cpu:.2f} s CPU ({spacy_cpu * per:.1f} ms/article)")
    print(f"tf_timex alone:      {timex_cpu:.3f} s CPU ({timex_cpu * per:.2f} ms/article)")
    print(f"tf_timex / bare spaCy: {timex_cpu / spacy_cpu:.3f}x")


if __name__ == "__main__":
    main()
