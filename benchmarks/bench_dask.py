"""Dask benchmarks: extraction throughput with 1 and 2 workers, and the tree-reduction merge.

    python benchmarks/bench_dask.py --articles 48            # both parts
    python benchmarks/bench_dask.py --merge-only --sizes 10000 100000

Throughput runs on ``LocalCluster(n_workers=k, processes=True, threads_per_worker=1)`` after
each worker has built its pipeline (``--templates FILE`` reuses facts saved by an earlier run
instead of extracting the seeds). The merge part uses synthetic facts (the seeds' facts
with renamed doc_ids, made inside the partitions so no step holds them all) merged with
``merge_bag`` on the synchronous scheduler, one subprocess per size so peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = "2025-04-17"


def corpus(count: int) -> list[tuple[str, str]]:
    """``count`` (doc_id, text) pairs: the seeds and tests/gold/events articles, repeated."""
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "gold" / "events").glob("*.txt")
    )
    texts = [p.read_text(encoding="utf-8") for p in paths]
    return [(f"a{n:06d}", texts[n % len(texts)]) for n in range(count)]


def throughput(workers: int, items: list[tuple[str, str]]) -> float:
    """Articles per second on a LocalCluster of ``workers`` single-threaded processes."""
    from distributed import Client, LocalCluster

    from tradefacts.dask import extract_bag
    from tradefacts.pipeline.nlp import get_nlp

    with (
        LocalCluster(
            n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(get_nlp)  # build each worker's pipeline before timing
        start = time.perf_counter()
        facts = extract_bag(items, published=PUBLISHED, partition_size=4).compute()
        elapsed = time.perf_counter() - start
    assert len(facts) == len(items)
    return len(items) / elapsed


def _seed_facts() -> list[str]:
    import tradefacts

    paths = sorted((ROOT / "seeds").glob("*.txt"))
    facts = tradefacts.extract_many(paths, published=PUBLISHED)
    return [f.model_dump_json() for f in facts]


def _synthetic(numbers, templates: list[str]):
    """The facts of articles ``numbers``: templates (validated once per partition) with the
    doc_id renamed in the facts and their evidence (built with ``model_construct`` from
    validated parts, so making them costs little next to the merge)."""
    from tradefacts.models import ArticleFacts, Evidence

    parsed = [ArticleFacts.model_validate_json(t) for t in templates]
    kinds = ("entities", "quantities", "tariffs", "statements", "events")

    def renamed(facts: ArticleFacts, doc_id: str) -> ArticleFacts:
        def fact_copy(fact):
            evidence = tuple(
                Evidence.model_construct(doc_id=doc_id, start=e.start, end=e.end, text=e.text)
                for e in fact.evidence
            )
            return type(fact).model_construct(**{**fact.__dict__, "evidence": evidence})

        update = {kind: tuple(map(fact_copy, getattr(facts, kind))) for kind in kinds}
        return ArticleFacts.model_construct(**{**facts.__dict__, "doc_id": doc_id, **update})

    return [renamed(parsed[n % len(parsed)], f"s{n:07d}") for n in numbers]


def merge_run(size: int, templates_file: str) -> dict[str, float]:
    """Merge ``size`` synthetic articles' facts with merge_bag; time and peak RSS."""
    import dask
    import dask.bag as db

    import tradefacts.dask as tf_dask

    templates = json.loads(Path(templates_file).read_text(encoding="utf-8"))
    bag = db.range(size, npartitions=max(1, size // 500)).map_partitions(_synthetic, templates)
    in_merge = [0.0]

    def timed(step):
        def run(*args):
            started = time.process_time()
            try:
                return step(*args)
            finally:
                in_merge[0] += time.process_time() - started

        return run

    # the merge steps alone, without making the synthetic facts (synchronous scheduler:
    # every step runs in this process, one at a time)
    for name in ("_merge_partition", "_resolve_dates"):
        setattr(tf_dask, name, timed(getattr(tf_dask, name)))
    start, cpu_start = time.perf_counter(), time.process_time()
    with dask.config.set(scheduler="synchronous"):
        record = tf_dask.merge_bag(bag, split_every=8).compute()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    assert len(record.sources) == size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": size,
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "merge_cpu_seconds": in_merge[0],
        "peak_mb": peak,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=48)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--merge-only", action="store_true")
    parser.add_argument(
        "--templates", help="JSON list of ArticleFacts JSON to reuse (default: extract the seeds)"
    )
    parser.add_argument("--one-merge", nargs=2, metavar=("SIZE", "TEMPLATES"), help="internal")
    args = parser.parse_args()
    if args.one_merge:
        print(json.dumps(merge_run(int(args.one_merge[0]), args.one_merge[1])))
        return
    if not args.merge_only:
        items = corpus(args.articles)
        one, two = throughput(1, items), throughput(2, items)
        print(f"throughput: 1 worker {one:.2f} art/s, 2 workers {two:.2f} art/s, x{two / one:.2f}")
    if args.templates:
        templates = Path(args.templates)
    else:
        templates = Path("/tmp/tradefacts_bench_templates.json")
        templates.write_text(json.dumps(_seed_facts()), encoding="utf-8")
    results = []
    for size in args.sizes:
        cmd = [sys.executable, __file__, "--one-merge", str(size), str(templates)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
        r = results[-1]
        print(
            f"merge {r['articles']:>7} articles: merge steps {r['merge_cpu_seconds']:.1f} s CPU; "
            f"whole run with the synthetic facts {r['seconds']:.1f} s ({r['cpu_seconds']:.1f} s "
            f"CPU), peak {r['peak_mb']:.0f} MB"
        )
    pairs = list(zip(results, results[1:], strict=False))
    if len(results) > 2:
        pairs.append((results[0], results[-1]))  # the average over the whole range
    for small, big in pairs:
        doublings = math.log2(big["articles"] / small["articles"])
        merge_growth, time_growth, mem_growth = (
            (big[key] / small[key]) ** (1 / doublings)
            for key in ("merge_cpu_seconds", "seconds", "peak_mb")
        )
        print(
            f"growth per doubling {small['articles']}->{big['articles']}: merge steps "
            f"x{merge_growth:.2f}, whole run x{time_growth:.2f}, peak memory x{mem_growth:.2f}"
        )


if __name__ == "__main__":
    main()
