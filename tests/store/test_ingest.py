"""Incremental ingest: new, unchanged, replaced and failed articles, and the Dask path."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from store_support import EVENTS, PUBLISHED, comparable

import tradefacts
from tradefacts.store import open_store

pytest.importorskip("duckdb")


@pytest.fixture
def stored(articles_dir, tmp_path, nlp):
    store = open_store(tmp_path / "facts.duckdb")
    summary = store.ingest([articles_dir], progress=False, published=PUBLISHED)
    yield store, summary
    store.close()


def test_first_ingest_stores_what_extraction_gives(stored, articles_dir):
    store, summary = stored
    assert str(summary) == "3 new, 0 unchanged, 0 replaced, 0 failed"
    paths = sorted(articles_dir.iterdir())
    expected = list(tradefacts.extract_many(paths, published=PUBLISHED))
    assert list(store.all_facts()) == expected
    articles = store.articles()
    assert list(articles["doc_id"]) == [p.name for p in paths]
    assert set(articles["status"]) == {"ok"}
    assert set(articles["version"]) == {tradefacts.__version__}
    assert articles["sha256"].str.fullmatch("[0-9a-f]{64}").all()
    assert (articles["published"] == pd.Timestamp(PUBLISHED)).all()


def test_rerun_skips_stored_texts_under_any_path(stored, articles_dir, tmp_path):
    store, _ = stored
    before = {name: comparable(frame) for name, frame in store.frames().items()}
    elsewhere = tmp_path / "mirror"
    elsewhere.mkdir()
    shutil.copy(articles_dir / "uk_deal_a.txt", elsewhere / "same-text-other-name.txt")
    summary = store.ingest([articles_dir, elsewhere], progress=False, published=PUBLISHED)
    assert str(summary) == "0 new, 4 unchanged, 0 replaced, 0 failed"
    assert store.ingest(str(articles_dir), progress=False).unchanged == 3  # one folder as a str
    for name, frame in store.frames().items():
        pd.testing.assert_frame_equal(comparable(frame), before[name])


def test_changed_text_is_re_extracted_and_replaces_its_rows(stored, articles_dir):
    store, _ = stored
    changed = articles_dir / "uk_deal_a.txt"
    changed.write_text((EVENTS / "japan_deal_a.txt").read_text(encoding="utf-8"), encoding="utf-8")
    summary = store.ingest([articles_dir], progress=False, published=PUBLISHED)
    assert str(summary) == "0 new, 2 unchanged, 1 replaced, 0 failed"
    expected = tradefacts.extract(changed, published=PUBLISHED)
    assert store.facts("uk_deal_a.txt") == expected
    assert store.doc_ids().count("uk_deal_a.txt") == 1
    tariffs = store.sql("SELECT * FROM tariffs WHERE doc_id = 'uk_deal_a.txt'")
    assert len(tariffs) == len(expected.tariffs)


def test_same_name_in_another_folder_gets_its_own_doc_id(stored, tmp_path):
    store, _ = stored
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(EVENTS / "india_delhi_talks.txt", other / "uk_deal_a.txt")
    summary = store.ingest([other], progress=False, published=PUBLISHED)
    assert summary.new == 1
    ids = store.doc_ids()
    assert len(ids) == len(set(ids)) == 4
    (new_id,) = set(ids) - {"uk_deal_a.txt", "china_geneva_b.txt", "canada_retaliation.txt"}
    assert new_id.startswith("uk_deal_a-") and new_id.endswith(".txt")


def test_unreadable_files_are_recorded_as_failed_and_the_rest_land(articles_dir, tmp_path, nlp):
    (articles_dir / "scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    (articles_dir / "zeros.html").write_bytes(b"<p>a</p>\x00\x00\x00")
    with open_store(tmp_path / "facts.duckdb") as store:
        summary = store.ingest([articles_dir], progress=False, published=PUBLISHED)
        assert str(summary) == "3 new, 0 unchanged, 0 replaced, 2 failed"
        failed = store.sql("SELECT doc_id, error FROM articles WHERE status = 'failed'")
        assert sorted(failed["doc_id"]) == ["scan.txt", "zeros.html"]
        assert failed["error"].str.contains("not a text file").all()
        assert len(store.doc_ids()) == 3
        again = store.ingest([articles_dir], progress=False, published=PUBLISHED)
        assert str(again) == "0 new, 3 unchanged, 0 replaced, 2 failed"
        assert len(store.sql("SELECT * FROM articles WHERE status = 'failed'")) == 2


def test_force_re_extracts_and_stale_articles_are_counted(stored, articles_dir):
    store, _ = stored
    store.con.execute("UPDATE articles SET version = '0.0.1'")
    summary = store.ingest([articles_dir], progress=False, published=PUBLISHED)
    assert summary.stale == 3 and "3 stored articles are from another tradefacts version" in str(
        summary
    )
    forced = store.ingest([articles_dir], progress=False, published=PUBLISHED, force=True)
    assert (forced.replaced, forced.new, forced.stale) == (3, 0, 0)
    assert store.doc_ids() == sorted(p.name for p in articles_dir.iterdir())


def test_dask_path_writes_parquet_and_stores_the_same(stored, articles_dir, tmp_path):
    dask = pytest.importorskip("dask")
    from tradefacts.store.scale import write_parquet

    store, _ = stored
    parts = tmp_path / "parts"
    with dask.config.set(scheduler="synchronous"), open_store(tmp_path / "d.duckdb") as on_dask:
        summary = on_dask.ingest(
            [articles_dir], progress=False, published=PUBLISHED, dask=True, parquet_dir=parts
        )
        assert str(summary) == "3 new, 0 unchanged, 0 replaced, 0 failed"
        for name, frame in store.frames().items():
            pd.testing.assert_frame_equal(comparable(on_dask.frames()[name]), comparable(frame))
        assert write_parquet([], parts) == 0
    # one file per partition and table, readable by pandas
    with dask.config.set(scheduler="synchronous"):
        from tradefacts.reading import read_source
        from tradefacts.store.factstore import _meta

        items = [
            (read_source(p, published=PUBLISHED), _meta(p.name))
            for p in sorted(articles_dir.iterdir())
        ]
        assert write_parquet(items, tmp_path / "split", partition_size=2) == 3
    files = sorted((tmp_path / "split" / "tariffs").glob("*.parquet"))
    assert [f.name for f in files] == ["part-00000.parquet", "part-00001.parquet"]
    from_parquet = pd.read_parquet(tmp_path / "split" / "tariffs")
    assert list(from_parquet.columns) == list(store.frames()["tariffs"].columns)
    assert len(from_parquet) == len(store.frames()["tariffs"])


RICE = """TOKYO, May 6 (Wire) - Japan will not open its rice market to win a tariff deal,
Agriculture Minister Taku Eto said on Tuesday.

"We will not trade away our rice farmers for lower car tariffs," Eto told reporters in Tokyo.

The United States imposed a 25% tariff on Japanese cars in April.
"""

US_ON_JAPAN_BY_MONTH = """
SELECT strftime(a.published, '%Y-%m') AS month, t.rate_percent, t.status, count(*) AS reports
FROM tariffs t JOIN articles a USING (doc_id)
WHERE t.imposer = 'USA' AND t.target = 'JPN'
GROUP BY ALL ORDER BY month, reports DESC
"""

QUOTED_ON_RICE = """
SELECT coalesce(s.speaker_name, e.name, s.speaker) AS speaker, count(*) AS quotes,
       min(s.text) AS example
FROM statements s LEFT JOIN entities e ON e.doc_id = s.doc_id AND e.id = s.speaker
WHERE s.text ILIKE '%rice%'
GROUP BY ALL ORDER BY quotes DESC
"""


def test_the_readme_queries_answer_their_questions(tmp_path, nlp):
    (tmp_path / "rice.txt").write_text(RICE, encoding="utf-8")
    with open_store(":memory:") as store:
        store.ingest([tmp_path / "rice.txt"], progress=False, published="2025-05-06")
        by_month = store.sql(US_ON_JAPAN_BY_MONTH)
        assert by_month.to_dict("records") == [
            {"month": "2025-05", "rate_percent": 25.0, "status": "in_effect", "reports": 1}
        ]
        quoted = store.sql(QUOTED_ON_RICE)
        assert list(quoted["speaker"]) == ["Taku Eto"]
        assert "rice farmers" in quoted["example"][0]
