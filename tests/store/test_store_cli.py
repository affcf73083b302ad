"""``tradefacts ingest / query / export``: output formats, read-only queries, a second writer,
damaged files left untouched, and an ingest killed with SIGKILL that resumes without loss."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from store_support import EVENTS, PUBLISHED, comparable

from tradefacts.cli import main
from tradefacts.store import StoreLockedError, open_store

pytest.importorskip("duckdb")

ROOT = Path(__file__).resolve().parents[2]
BY_PAIR = "SELECT imposer, target, count(*) AS n FROM tariffs GROUP BY ALL ORDER BY n DESC, imposer"


@pytest.fixture
def db(tmp_path, seed_facts) -> Path:
    path = tmp_path / "facts.duckdb"
    with open_store(path) as store:
        store.add(seed_facts)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_query_prints_a_table_json_or_csv(db, capsys):
    code, table, _ = run_cli(capsys, "query", "--db", str(db), BY_PAIR)
    assert code == 0
    assert table.split("\n")[0].split() == ["imposer", "target", "n"]
    assert re.search(r"USA\s+JPN\s+8", table)
    code, out, _ = run_cli(capsys, "query", "--db", str(db), BY_PAIR, "--json")
    records = json.loads(out)
    assert records[0] == {"imposer": "USA", "target": "JPN", "n": 8}
    code, out, _ = run_cli(capsys, "query", "--db", str(db), BY_PAIR, "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0] == {"imposer": "USA", "target": "JPN", "n": "8"}
    code, out, _ = run_cli(capsys, "query", "--db", str(db), "SELECT * FROM tariffs WHERE false")
    assert code == 0 and out.splitlines()[-1] == "(0 rows)"


def test_query_is_read_only_and_changes_nothing(db, capsys):
    before = digest(db)
    code, out, err = run_cli(capsys, "query", "--db", str(db), "DROP TABLE tariffs")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "read-only" in err and "DROP" in err
    assert digest(db) == before
    with open_store(db, read_only=True) as store:
        assert len(store.sql("SELECT * FROM tariffs")) == 14


def test_bad_sql_is_one_line(db, capsys):
    code, _, err = run_cli(capsys, "query", "--db", str(db), "SELECT nope FROM tariffs")
    assert code == 2 and err.count("\n") == 1 and "nope" in err


def test_export_writes_parquet_once(db, tmp_path, capsys):
    target = tmp_path / "pq"
    code, out, _ = run_cli(capsys, "export", "--db", str(db), "--parquet", str(target))
    assert code == 0 and "wrote 8 tables" in out  # articles, evidence and six fact kinds
    assert len(pd.read_parquet(target / "tariffs")) == 14
    code, _, err = run_cli(capsys, "export", "--db", str(db), "--parquet", str(target))
    assert code == 2 and "already holds Parquet files" in err


def _damaged(tmp_path: Path, db: Path) -> dict[str, Path]:
    data = db.read_bytes()
    files = {
        "text": b"doc_id,rate\nx,24\n" * 100,
        "empty": b"",
        "damaged block": data[:4096] + b"\x5a" * 8192 + data[12288:],
        "truncated": data[: len(data) // 3],
    }
    out = {}
    for name, blob in files.items():
        path = tmp_path / f"{name.replace(' ', '_')}.duckdb"
        path.write_bytes(blob)
        out[name] = path
    return out


def test_corrupt_or_foreign_files_fail_in_one_line_and_stay_unchanged(db, tmp_path, capsys):
    article = str(EVENTS / "uk_deal_b.txt")
    for name, path in _damaged(tmp_path, db).items():
        before = digest(path)
        for argv in (
            ["ingest", article, "--db", str(path), "--no-progress"],
            ["query", "--db", str(path), BY_PAIR],
            ["export", "--db", str(path), "--parquet", str(tmp_path / "out" / path.stem)],
        ):
            code, out, err = run_cli(capsys, *argv)
            assert code == 2, (name, argv[0], err)
            assert err.count("\n") == 1 and "Traceback" not in err, (name, argv[0], err)
            assert str(path) in err
            assert digest(path) == before, (name, argv[0])
            assert not Path(f"{path}.wal").exists()


def test_missing_store_or_article_is_exit_2(tmp_path, capsys):
    code, _, err = run_cli(capsys, "query", "--db", str(tmp_path / "none.duckdb"), "SELECT 1")
    assert code == 2 and "no such fact store" in err
    assert not (tmp_path / "none.duckdb").exists()
    code, _, err = run_cli(capsys, "ingest", str(tmp_path / "gone.txt"), "--db", "x.duckdb")
    assert code == 2 and "no such file" in err


HOLDER = """
import sys
from tradefacts.models import ArticleFacts
from tradefacts.store import open_store
store = open_store(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
store.add(ArticleFacts(doc_id="written-after.txt"))
store.close()
print("done", flush=True)
"""


def test_a_second_writer_gets_a_typed_error_while_the_first_goes_on(db, capsys):
    first = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stdout is not None and first.stdin is not None
        assert first.stdout.readline().strip() == "ready"
        with pytest.raises(
            StoreLockedError, match=rf"in use by another process \(PID {first.pid}\)"
        ):
            open_store(db)
        code, _, err = run_cli(capsys, "ingest", str(EVENTS / "uk_deal_b.txt"), "--db", str(db))
        assert code == 2 and err.count("\n") == 1 and "in use by another process" in err
        first.stdin.write("go\n")
        first.stdin.flush()
        assert first.stdout.readline().strip() == "done"
        assert first.wait(timeout=60) == 0
    finally:
        if first.poll() is None:
            first.kill()
    with open_store(db, read_only=True) as store:
        assert "written-after.txt" in store.doc_ids()


def _tables(path: Path) -> dict[str, pd.DataFrame]:
    with open_store(path, read_only=True) as store:
        found = {name: comparable(frame) for name, frame in store.frames().items()}
        found["articles"] = comparable(store.articles())
    return found


def _wait_for_progress(proc: subprocess.Popen, total: int, timeout: float = 300) -> int:
    """Read the progress bar on stderr until at least one article is stored."""
    assert proc.stderr is not None
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stderr], [], [], 1.0)
        if ready:
            chunk = os.read(proc.stderr.fileno(), 4096)
            if not chunk:
                break
            seen += chunk
            done = [int(n) for n in re.findall(rb"(\d+)/%d\b" % total, seen)]
            if done and max(done) >= 1:
                return max(done)
    raise AssertionError(f"no progress before the ingest ended: {seen[-500:]!r}")


def test_ingest_killed_mid_run_resumes_without_loss_or_duplicates(tmp_path, nlp):
    folder = tmp_path / "articles"
    folder.mkdir()
    sources = sorted(EVENTS.glob("*.txt"))
    for number, source in enumerate(sources):
        shutil.copy(source, folder / f"{number:02d}-{source.name}")
    total = len(sources)
    with open_store(tmp_path / "whole.duckdb") as whole:
        whole.ingest([folder], progress=False, published=PUBLISHED)
    expected = _tables(tmp_path / "whole.duckdb")

    killed = tmp_path / "killed.duckdb"
    argv = [sys.executable, "-m", "tradefacts", "ingest", str(folder), "--db", str(killed)]
    argv += ["--published", PUBLISHED]
    env = {**os.environ, "TQDM_MININTERVAL": "0"}
    proc = subprocess.Popen(
        [*argv, "--progress"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        _wait_for_progress(proc, total)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL

    # every article in the store is whole, none is there twice
    partial = _tables(killed)
    stored = list(partial["articles"]["doc_id"])
    assert 0 < len(stored) < total and len(set(stored)) == len(stored)
    for name, frame in expected.items():
        mine = frame[frame["doc_id"].isin(stored)].reset_index(drop=True)
        pd.testing.assert_frame_equal(partial[name], mine, obj=name)

    rerun = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert (
        rerun.stdout.strip()
        == f"{total - len(stored)} new, {len(stored)} unchanged, 0 replaced, 0 failed"
    )
    resumed = _tables(killed)
    for name, frame in expected.items():
        pd.testing.assert_frame_equal(resumed[name], frame, obj=name)


def test_ingest_dask_option_extracts_on_dask_and_loads_the_parts(
    tmp_path, capsys, monkeypatch, nlp
):
    dask = pytest.importorskip("dask")
    import tradefacts.dask as tfdask

    closed = []

    class SynchronousClient:
        """What ``--dask ADDRESS`` connects to; Dask's synchronous scheduler runs the work."""

        def close(self) -> None:
            closed.append(True)

    monkeypatch.setattr(tfdask, "connect", lambda address: SynchronousClient())
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("uk_deal_b.txt", "china_geneva_b.txt"):
        shutil.copy(EVENTS / name, folder / name)
    db, parts = tmp_path / "facts.duckdb", tmp_path / "parts"
    argv = ["ingest", str(folder), "--db", str(db), "--published", PUBLISHED]
    with dask.config.set(scheduler="synchronous"):
        code, out, err = run_cli(capsys, *argv, "--dask", "local", "--parquet", str(parts))
    assert code == 0, err
    assert out.strip() == "2 new, 0 unchanged, 0 replaced, 0 failed"
    assert closed == [True]
    assert [p.name for p in (parts / "tariffs").glob("*.parquet")] == ["part-00000.parquet"]
    with open_store(db, read_only=True) as store:
        assert store.doc_ids() == ["china_geneva_b.txt", "uk_deal_b.txt"]
    code, _, err = run_cli(capsys, *argv, "--parquet", str(parts))
    assert code == 2 and "--parquet goes with --dask" in err
