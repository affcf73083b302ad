"""Fact store benchmarks: ingest overhead over extraction alone, and SQL over 100,000 articles.

    python benchmarks/bench_store.py --articles 48 --repeats 3 --query-articles 100000

Overhead: the seeds and our own test articles, repeated to ``--articles`` files (each copy
with a distinct last line, so each is a new article), extracted with ``extract_many`` (the
same batch size as ingest) and ingested into a new store, alternately, ``--repeats`` times;
the pipeline is built before timing. Query: a store holding ``--query-articles`` synthetic
articles (the seeds' facts under new doc_ids, as in bench_dask.py, published over 24 months)
answers "tariffs by imposer, target and month". Prints timings and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import string
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's tradefacts
PUBLISHED = "2025-04-17"
TARIFFS_BY_MONTH = """
SELECT t.imposer, t.target, date_trunc('month', a.published) AS month,
       count(*) AS tariffs, avg(t.rate_percent) AS mean_rate
FROM tariffs t JOIN articles a USING (doc_id)
GROUP BY ALL ORDER BY month, tariffs DESC
"""


def _tag(number: int) -> str:
    letters = string.ascii_lowercase
    out = ""
    while True:
        number, digit = divmod(number, 26)
        out += letters[digit]
        if not number:
            return out


def write_corpus(folder: Path, count: int) -> list[Path]:
    """``count`` article files: seeds and tests/gold/events texts, each copy made distinct."""
    sources = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "gold" / "events").glob("*.txt")
    )
    texts = [p.read_text(encoding="utf-8") for p in sources]
    paths = []
    for n in range(count):
        path = folder / f"a{n:05d}.txt"
        path.write_text(f"{texts[n % len(texts)]}\n\nArchive reference {_tag(n)}.\n", "utf-8")
        paths.append(path)
    return paths


def overhead(count: int, repeats: int) -> None:
    import tradefacts
    from tradefacts.pipeline.nlp import get_nlp
    from tradefacts.store import open_store
    from tradefacts.store.ingest import BATCH_SIZE

    get_nlp()
    list(tradefacts.extract_many([("warm", "Japan and the US met in Washington on Monday.")]))
    times: dict[str, list[tuple[float, float]]] = {"extract": [], "ingest": []}
    writing = _time_writes()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        paths = write_corpus(folder, count)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
        for run in range(repeats):
            wall, cpu = time.perf_counter(), time.process_time()
            facts = list(tradefacts.extract_many(paths, published=PUBLISHED, batch_size=BATCH_SIZE))
            times["extract"].append((time.perf_counter() - wall, time.process_time() - cpu))
            assert len(facts) == count
            wall, cpu = time.perf_counter(), time.process_time()
            with open_store(Path(tmp) / f"run{run}.duckdb") as store:
                summary = store.ingest([folder], progress=False, published=PUBLISHED)
            times["ingest"].append((time.perf_counter() - wall, time.process_time() - cpu))
            assert summary.new == count, summary
    print(f"corpus: {count} articles, {chars / 1e6:.2f} M characters, {repeats} runs each")
    for label, index in (("CPU", 1), ("wall-clock", 0)):
        extract = [t[index] for t in times["extract"]]
        ingest = [t[index] for t in times["ingest"]]
        pairs = ", ".join(f"{i / e - 1:+.1%}" for e, i in zip(extract, ingest, strict=True))
        e, i = statistics.median(extract), statistics.median(ingest)
        print(
            f"{label}: extract_many {' '.join(f'{t:.1f}' for t in extract)} s, ingest "
            f"{' '.join(f'{t:.1f}' for t in ingest)} s; medians {e:.1f} / {i:.1f} s: overhead "
            f"{i / e - 1:+.1%} ({(i - e) / count * 1000:.1f} ms/article; per run {pairs})"
        )
    extract_cpu = statistics.median(t[1] for t in times["extract"])
    per_run = writing["cpu"] / repeats
    print(
        f"time inside FactStore.write (all of the store's database work): {per_run:.2f} s CPU "
        f"({writing['wall'] / repeats:.2f} s wall) per ingest, {per_run / count * 1000:.1f} "
        f"ms/article, {per_run / extract_cpu:.1%} of extraction's CPU time"
    )


def _time_writes() -> dict[str, float]:
    """Wrap ``FactStore.write`` to add up the time spent in it."""
    from tradefacts.store.factstore import FactStore

    spent = {"cpu": 0.0, "wall": 0.0}
    write = FactStore.write

    def timed(self, batch):  # type: ignore[no-untyped-def]
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return write(self, batch)
        finally:
            spent["cpu"] += time.process_time() - cpu
            spent["wall"] += time.perf_counter() - wall

    FactStore.write = timed  # type: ignore[method-assign]
    return spent


def build_store(path: Path, count: int) -> float:
    """A store of ``count`` synthetic articles (seeds' facts renamed); returns the seconds."""
    import numpy as np
    import pyarrow as pa

    import tradefacts
    from tradefacts.store import open_store
    from tradefacts.store.tables import arrow_table, arrow_tables

    seeds = list(
        tradefacts.extract_many(sorted((ROOT / "seeds").glob("*.txt")), published=PUBLISHED)
    )
    templates = [arrow_tables([facts]) for facts in seeds]
    start = time.perf_counter()
    chunk = 20_000
    with open_store(path) as store:
        con = store.con
        for first in range(0, count, chunk):
            numbers = np.arange(first, min(first + chunk, count))
            con.execute("BEGIN TRANSACTION")
            for k, template in enumerate(templates):
                mine = numbers[numbers % len(templates) == k]
                names = np.array([f"s{n:07d}" for n in mine], dtype=object)
                for name, table in template.items():
                    if not table.num_rows:
                        continue
                    rows = pa.concat_tables([table] * len(mine))
                    docs = pa.array(np.repeat(names, table.num_rows), pa.string())
                    rows = rows.set_column(rows.schema.get_field_index("doc_id"), "doc_id", docs)
                    con.register("_rows", rows)
                    con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _rows")
            base = dt.date(2024, 1, 1)
            articles = arrow_table(
                "articles",
                [
                    {
                        "doc_id": f"s{n:07d}",
                        "published": base + dt.timedelta(days=int(n) % 730),
                        "version": tradefacts.__version__,
                        "status": "ok",
                    }
                    for n in numbers
                ],
            )
            con.register("_rows", articles)
            con.execute("INSERT INTO articles BY NAME SELECT * FROM _rows")
            con.execute("COMMIT")
    return time.perf_counter() - start


def query(count: int, repeats: int) -> None:
    from tradefacts.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.duckdb"
        built = build_store(path, count)
        size = path.stat().st_size / 1e6
        start = time.perf_counter()
        with open_store(path, read_only=True) as store:
            result = store.sql(TARIFFS_BY_MONTH)
            cold = time.perf_counter() - start
            warm = []
            for _ in range(repeats):
                start = time.perf_counter()
                store.sql(TARIFFS_BY_MONTH)
                warm.append(time.perf_counter() - start)
            rows = store.sql("SELECT count(*) AS n FROM tariffs")["n"][0]
            evidence = store.sql("SELECT count(*) AS n FROM evidence")["n"][0]
    print(
        f"store of {count:,} articles: {rows:,} tariffs, {evidence:,} evidence rows, "
        f"{size:.0f} MB, built in {built:.1f} s"
    )
    print(
        f"tariffs by imposer, target and month ({len(result)} groups): first query after "
        f"opening {cold:.3f} s (open included), then median {statistics.median(warm):.3f} s "
        f"(min {min(warm):.3f}, max {max(warm):.3f}, {repeats} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=48)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--query-articles", type=int, default=100_000)
    parser.add_argument("--skip-overhead", action="store_true")
    parser.add_argument("--skip-query", action="store_true")
    args = parser.parse_args()
    if not args.skip_overhead:
        overhead(args.articles, args.repeats)
    if not args.skip_query:
        query(args.query_articles, max(5, args.repeats))


if __name__ == "__main__":
    main()
