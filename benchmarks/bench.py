"""Benchmark: tradefacts extraction against bare spaCy and a naive composition; merge scaling.

Run from the repository root:  python benchmarks/bench.py [--articles 200] [--naive-sample 20]

Prints timings and ratios; asserts nothing (speed is measured here, never in the test suite).
"""

from __future__ import annotations

import argparse
import itertools
import resource
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(n: int) -> list[tuple[str, str]]:
    """``n`` (doc_id, text) pairs: the seeds and our own test articles, repeated."""
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "gold").rglob("*.txt")
    )
    texts = [(p.name, p.read_text("utf-8")) for p in paths]
    cycle = itertools.cycle(texts)
    return [(f"{i:04d}-{name}", text) for i, (name, text) in zip(range(n), cycle, strict=False)]


#: CPU seconds of the last ``timed`` call (less sensitive than wall time to a busy machine).
LAST_CPU = [0.0]


def timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    start, cpu = time.perf_counter(), time.process_time()
    result = fn(*args, **kwargs)
    LAST_CPU[0] = time.process_time() - cpu
    return result, time.perf_counter() - start


def import_time() -> float:
    code = "import time; t=time.perf_counter(); import tradefacts; print(time.perf_counter()-t)"
    runs = [
        float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(3)
    ]
    return min(runs)


def bare_spacy(texts: list[str]) -> float:
    from tradefacts.pipeline.nlp import load_model

    nlp = load_model()
    list(nlp.pipe(texts[:5]))  # warm up
    _, seconds = timed(lambda: list(nlp.pipe(texts, batch_size=32)))
    return seconds


def interleaved_cpu(items: list[tuple[str, str]], rounds: int) -> tuple[float, float]:
    """CPU seconds of bare spaCy and of tradefacts over ``items``, in alternating slices.

    Each slice is parsed by both, one after the other, so a machine busy with other work
    slows both alike; the ratio of these sums is the steadiest figure on a shared machine.
    """
    import tradefacts
    from tradefacts.pipeline.nlp import load_model

    bare_nlp = load_model()
    list(bare_nlp.pipe([t for _, t in items[:5]]))
    step = max(1, len(items) // max(1, rounds))
    bare_cpu = ours_cpu = 0.0
    for start in range(0, len(items), step):
        part = items[start : start + step]
        timed(lambda part=part: list(bare_nlp.pipe([t for _, t in part], batch_size=32)))
        bare_cpu += LAST_CPU[0]
        timed(lambda part=part: list(tradefacts.extract_many(part, batch_size=32)))
        ours_cpu += LAST_CPU[0]
    return bare_cpu, ours_cpu


def library_warm_up() -> tuple[float, float]:
    """Seconds for the first use of quantulum3 (unit tables) and of dateparser (English data).

    Extraction loads both lazily, on the first span that needs them; timed apart here so the
    throughput below is steady state.
    """
    from tradefacts.pipeline.dateparsing import parse_span
    from tradefacts.pipeline.measures import warm_up

    _, quantulum_s = timed(warm_up)
    _, dateparser_s = timed(parse_span, "April 16, 2025", None)
    return quantulum_s, dateparser_s


def ours(items: list[tuple[str, str]]) -> tuple[list, float]:  # type: ignore[type-arg]
    import tradefacts
    from tradefacts.pipeline.nlp import get_nlp

    get_nlp()
    list(tradefacts.extract_many(items[:5]))  # warm up
    return timed(lambda: list(tradefacts.extract_many(items, batch_size=32)))


def naive(texts: list[str]) -> float:
    """spaCy NER + quantulum3 over the whole text + dateparser.search_dates over the whole text."""
    from dateparser.search import search_dates

    from tradefacts.pipeline.measures import classifier_free_parse
    from tradefacts.pipeline.nlp import load_model

    nlp = load_model()
    search_dates("warm up on Monday", languages=["en"])
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for doc in nlp.pipe(texts, batch_size=32):
            [(e.text, e.label_) for e in doc.ents]
            classifier_free_parse(doc.text)  # quantulum3's stock classifier fails to unpickle
            # with recent scikit-learn; its classifier-free mode is what tradefacts uses too
            search_dates(doc.text, languages=["en"])
    return time.perf_counter() - start


def merge_scaling(facts: list, sizes: tuple[int, ...]) -> list[tuple[int, float]]:  # type: ignore[type-arg]
    import tradefacts

    rows = []
    for size in sizes:
        batch = [
            f.model_copy(update={"doc_id": f"m{i}"})
            for i, f in zip(range(size), itertools.cycle(facts), strict=False)
        ]
        _, seconds = timed(tradefacts.merge, batch)
        rows.append((size, seconds))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--naive-sample", type=int, default=20, help="articles for the naive run")
    ap.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="runs of bare spaCy and of tradefacts, alternated; the fastest of each counts "
        "(a busy machine slows single runs unevenly)",
    )
    args = ap.parse_args()

    items = corpus(args.articles)
    texts = [t for _, t in items]
    print(f"corpus: {len(items)} articles, {sum(map(len, texts)) / 1e6:.2f} M characters")
    print(f"import tradefacts: {import_time():.3f} s")
    bare, bare_cpu = float("inf"), float("inf")
    quantulum_s, dateparser_s = library_warm_up()
    print(f"warm-up quantulum3:       {quantulum_s:8.2f} s  (unit tables, on the first measure)")
    print(f"warm-up dateparser:       {dateparser_s:8.2f} s  (on the first date span)")
    ours_s, ours_cpu = float("inf"), float("inf")
    for _ in range(max(1, args.repeat)):
        bare, bare_cpu = min(bare, bare_spacy(texts)), min(bare_cpu, LAST_CPU[0])
        facts, seconds = ours(items)
        ours_s, ours_cpu = min(ours_s, seconds), min(ours_cpu, LAST_CPU[0])
    print(f"bare spaCy nlp.pipe:      {bare:8.2f} s  ({len(texts) / bare:6.1f} articles/s)")
    print(f"tradefacts.extract_many:  {ours_s:8.2f} s  ({len(texts) / ours_s:6.1f} articles/s)")
    print(f"ratio ours / bare spaCy:  {ours_s / bare:8.2f}x")
    cpu_pair = f"({bare_cpu:.1f} s / {ours_cpu:.1f} s)"
    print(f"  same, CPU time:         {ours_cpu / bare_cpu:8.2f}x  {cpu_pair}")
    bare_cpu, ours_cpu = interleaved_cpu(items, rounds=10)
    cpu_pair = f"({bare_cpu:.1f} s / {ours_cpu:.1f} s"
    print(
        f"  CPU, interleaved:       {ours_cpu / bare_cpu:8.2f}x  {cpu_pair};"
        " both on each tenth in turn: the figure to trust on a busy machine)"
    )
    sample = texts[: args.naive_sample]
    naive_s = naive(sample) * len(texts) / len(sample)
    print(f"naive composition:        {naive_s:8.2f} s  (from {len(sample)} articles, scaled)")
    print(f"ratio naive / ours:       {naive_s / ours_s:8.2f}x")
    rows = merge_scaling(facts, (250, 500, 1000))
    for (n, s), prev in zip(rows, [None, *rows[:-1]], strict=False):
        growth = f"  x{s / prev[1]:.2f} for x{n / prev[0]:.0f} input" if prev else ""
        print(f"merge of {n:5d} articles:   {s:8.2f} s{growth}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS):        {peak:8.0f} MB")


if __name__ == "__main__":
    main()
