"""tradefacts.dask on a two-process LocalCluster: same results as one process, bad items
reported, a killed worker neither loses nor duplicates an article."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import tradefacts
from tradefacts.errors import DaskNotInstalledError

distributed = pytest.importorskip("distributed")
tfdask = pytest.importorskip("tradefacts.dask")

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "tests" / "gold" / "events"
PUBLISHED = "2025-05-09"


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


@pytest.fixture(scope="module")
def paths(seed_paths) -> list[str]:
    own = ["uk_deal_a.txt", "uk_deal_b.txt", "china_geneva_a.txt", "canada_retaliation.txt"]
    return [str(p) for p in seed_paths] + [str(EVENTS / name) for name in own]


@pytest.fixture(scope="module")
def single(paths, nlp) -> list[tradefacts.ArticleFacts]:
    return list(tradefacts.extract_many(paths, published=PUBLISHED))


def test_same_results_as_one_process(client, paths, single):
    bag = tfdask.extract_bag(paths, published=PUBLISHED, partition_size=3)
    assert bag.compute() == single
    assert tfdask.merge_bag(bag, split_every=2).compute() == tradefacts.merge(single)
    assert tfdask.group_bag(bag, split_every=2) == tradefacts.group(single)


def test_bad_item_is_reported_and_the_rest_completes(client, paths, single, tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 50)
    missing = str(tmp_path / "missing.txt")
    items = [paths[0], missing, paths[1], str(binary), paths[2]]
    results = tfdask.extract_bag(
        items, published=PUBLISHED, partition_size=2, with_errors=True
    ).compute()
    facts, errors = tfdask.split_results(results)
    assert facts == single[:3]
    assert [(e.index, e.doc_id) for e in errors] == [(1, missing), (3, str(binary))]


def test_killed_worker_loses_and_duplicates_nothing(client, seed_paths, nlp):
    texts = [p.read_text(encoding="utf-8") for p in seed_paths]
    items = [(f"copy-{n:02d}", texts[n % len(texts)]) for n in range(12)]
    # one article per partition, so compare with one article per extract_many call
    expected = [f for item in items for f in tradefacts.extract_many([item], published=PUBLISHED)]
    parts = tfdask.extract_bag(items, published=PUBLISHED, partition_size=1).to_delayed()
    futures = client.compute(parts)
    next(iter(distributed.as_completed(futures)))  # the workers are busy now
    pid = sorted(client.run(os.getpid).values())[0]
    os.kill(pid, signal.SIGKILL)
    got = [facts for part in client.gather(futures) for facts in part]
    assert [f.doc_id for f in got] == [doc_id for doc_id, _ in items]
    assert got == expected


def test_without_dask_a_clear_error(monkeypatch):
    for name in ("dask", "dask.bag"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(DaskNotInstalledError, match=r"tradefacts\[dask\]"):
        tfdask.extract_bag(["a.txt"])
    assert issubclass(DaskNotInstalledError, tradefacts.TradefactsError)


def test_import_tradefacts_does_not_import_dask():
    code = "import sys, tradefacts; tradefacts.group; print('dask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False"
