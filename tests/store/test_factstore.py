"""FactStore: tables like frames(), exact round trip, replacement, read-only SQL, Parquet."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_support import comparable

import tradefacts
from tradefacts.errors import InputError, MissingDependencyError
from tradefacts.models import ArticleFacts, Entity, Evidence, TariffRate, TradeEvent
from tradefacts.store import (
    ReadOnlyQueryError,
    StoreError,
    StoreNotInstalledError,
    UnknownArticleError,
    open_store,
)

duckdb = pytest.importorskip("duckdb")


@pytest.fixture
def store(seed_facts):
    with open_store(":memory:") as opened:
        opened.add(seed_facts)
        yield opened


def test_tables_have_the_columns_and_dtypes_of_frames(store, seed_facts):
    expected = tradefacts.frames(seed_facts)
    got = store.frames()
    assert list(got) == list(expected)
    for name, frame in expected.items():
        pd.testing.assert_frame_equal(got[name], frame, obj=name)
        described = store.con.execute(f"DESCRIBE {name}").fetchall()
        assert [row[0] for row in described] == list(frame.columns)


def test_empty_store_frames_keep_their_dtypes():
    with open_store(":memory:") as empty:
        got = empty.frames()
    for name, frame in tradefacts.frames([]).items():
        pd.testing.assert_frame_equal(got[name], frame, obj=name)


def test_facts_come_back_equal(store, seed_facts):
    for facts in seed_facts:
        assert store.facts(facts.doc_id) == facts
        assert store.facts(facts.doc_id).published == facts.published
    assert list(store.all_facts()) == seed_facts
    assert store.doc_ids() == [f.doc_id for f in seed_facts]


def _article(doc_id: str, aliases: list[str], products: list[str]) -> ArticleFacts:
    text = "Tokyo"
    ev = (Evidence(doc_id=doc_id, start=0, end=len(text), text=text),)
    return ArticleFacts(
        doc_id=doc_id,
        entities=(
            Entity(
                id="place:tokyo", name="Tokyo", type="place", aliases=tuple(aliases), evidence=ev
            ),
        ),
        tariffs=(
            TariffRate(rate_percent=24.0, imposer="USA", products=tuple(products), evidence=ev),
        ),
        events=(TradeEvent(type="meeting", participants=("country:JPN",), evidence=ev),),
    )


ITEMS = st.lists(
    st.sampled_from(["", "steel", "cars; parts", "a;b", " ", "; ", "rice"]), max_size=3
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ITEMS, ITEMS)
def test_list_fields_round_trip_whatever_their_items(aliases, products):
    facts = _article("d1", aliases, products)
    with open_store(":memory:") as opened:
        opened.add(facts)
        assert opened.facts("d1") == facts


WRITES = st.lists(
    st.lists(
        st.tuples(st.sampled_from(["d1", "d2", "d3"]), ITEMS), max_size=3, unique_by=lambda w: w[0]
    ),
    max_size=3,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(WRITES)
def test_the_store_holds_the_last_version_of_each_article_once(calls):
    latest: dict[str, ArticleFacts] = {}
    with open_store(":memory:") as opened:
        for call in calls:
            batch = [_article(doc, [], products) for doc, products in call]
            opened.add(batch)
            latest.update((facts.doc_id, facts) for facts in batch)
        assert sorted(opened.doc_ids()) == sorted(latest)
        stored = list(opened.all_facts())
        assert {facts.doc_id: facts for facts in stored} == latest
        expected = tradefacts.frames(stored)
        for name, frame in opened.frames().items():
            pd.testing.assert_frame_equal(comparable(frame), comparable(expected[name]))


def test_add_replaces_an_article_under_the_same_doc_id(store, seed_facts):
    first = max(seed_facts, key=lambda f: len(f.tariffs))
    assert len(first.tariffs) > 1 and first.statements
    shorter = first.model_copy(update={"tariffs": first.tariffs[:1], "statements": ()})
    before = {name: len(frame) for name, frame in store.frames().items()}
    store.add(shorter)
    after = store.frames()
    assert len(after["tariffs"]) == before["tariffs"] - len(first.tariffs) + 1
    assert len(after["statements"]) == before["statements"] - len(first.statements)
    assert store.facts(first.doc_id) == shorter
    assert store.doc_ids().count(first.doc_id) == 1


def test_evidence_from_another_article_is_refused():
    ev = (Evidence(doc_id="other", start=0, end=5, text="Tokyo"),)
    facts = ArticleFacts(
        doc_id="d1", entities=(Entity(id="place:tokyo", name="Tokyo", type="place", evidence=ev),)
    )
    with open_store(":memory:") as opened, pytest.raises(InputError, match="evidence from 'other'"):
        opened.add(facts)


def test_unknown_doc_id_is_a_typed_error(store):
    with pytest.raises(UnknownArticleError, match="no article 'nope'"):
        store.facts("nope")


def test_sql_refuses_writes_and_changes_nothing(store):
    count = len(store.sql("SELECT * FROM tariffs"))
    for statement in ("DROP TABLE tariffs", "DELETE FROM tariffs", "SELECT 1; DROP TABLE tariffs"):
        with pytest.raises(ReadOnlyQueryError, match="read-only"):
            store.sql(statement)
    assert len(store.sql("SELECT * FROM tariffs")) == count


def test_bad_sql_is_a_one_line_store_error(store):
    with pytest.raises(StoreError) as caught:
        store.sql("SELEC imposer FROM tariffs")
    assert "\n" not in str(caught.value)
    with pytest.raises(InputError):
        store.sql("   ")


def test_closing_twice_is_safe_and_a_closed_store_says_so(seed_facts):
    opened = open_store(":memory:")
    opened.close()
    opened.close()
    with pytest.raises(StoreError, match="closed"):
        opened.frames()


def test_merge_equals_merging_the_facts(store, seed_facts):
    assert store.merge() == tradefacts.merge(seed_facts)
    assert store.merge(by_event=True) == tradefacts.group(seed_facts)


def test_stale_lists_articles_of_another_version(store, seed_facts):
    assert store.stale() == []
    store.con.execute(
        "UPDATE articles SET version = '0.0.1' WHERE doc_id = ?", [seed_facts[1].doc_id]
    )
    assert store.stale() == [seed_facts[1].doc_id]


def test_export_parquet_reads_back_in_pandas_and_duckdb(store, tmp_path):
    written = store.export_parquet(tmp_path / "pq")
    assert sorted(p.parent.name for p in written) == sorted([*store.frames(), "articles"])
    for name, frame in store.frames().items():
        folder = tmp_path / "pq" / name
        from_pandas = pd.read_parquet(folder).astype(frame.dtypes.to_dict())
        pd.testing.assert_frame_equal(from_pandas, frame, obj=name)
        from_duckdb = duckdb.sql(f"SELECT * FROM read_parquet('{folder}/*.parquet')").df()
        assert list(from_duckdb.columns) == list(frame.columns)
        assert len(from_duckdb) == len(frame)
    with pytest.raises(StoreError, match="already holds Parquet"):
        store.export_parquet(tmp_path / "pq")


def test_load_parquet_rebuilds_the_store(store, seed_facts, tmp_path):
    store.export_parquet(tmp_path / "pq")
    with open_store(tmp_path / "copy.duckdb") as copy:
        assert copy.load_parquet(tmp_path / "pq") == len(seed_facts)
        assert list(copy.all_facts()) == seed_facts
        copy.load_parquet(tmp_path / "pq")  # loading again replaces, never doubles
        assert copy.doc_ids() == [f.doc_id for f in seed_facts]


def test_a_table_from_an_older_store_gains_new_columns(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE tariffs (fact_id VARCHAR, doc_id VARCHAR, rate_percent DOUBLE)")
    con.close()
    with open_store(path) as opened:
        assert list(opened.frames()["tariffs"].columns) == list(
            tradefacts.frames([])["tariffs"].columns
        )


def test_missing_duckdb_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(StoreNotInstalledError, match=r'pip install "tradefacts\[store\]"'):
        tradefacts.open_store(":memory:")
    assert issubclass(StoreNotInstalledError, MissingDependencyError)


def test_import_tradefacts_stays_light():
    code = (
        "import sys, tradefacts; tradefacts.open_store; import tradefacts.store; "
        "print(sorted(m for m in ('duckdb', 'pyarrow', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_timeline_of_the_store_equals_the_timeline_of_its_articles(tmp_path):
    import tradefacts

    text = (
        "Washington said on Monday that the United States will impose a 25% tariff on "
        "Canadian lumber from August 1."
    )
    facts = tradefacts.extract_text(text, doc_id="lumber", published="2025-07-14")
    with tradefacts.open_store(tmp_path / "t.duckdb") as store:
        store.add(facts)
        assert store.timeline() == tradefacts.timeline([facts])
        assert store.timeline(imposer="usa", target="can").lines
        assert not store.timeline(imposer="JPN").lines


def test_a_store_from_before_dates_reads_read_only(tmp_path, seed_facts):
    path = tmp_path / "old.duckdb"
    with open_store(path) as store:
        store.add(seed_facts)
        store.con.execute("DROP TABLE dates")  # as written by a version without dates
    with open_store(path, read_only=True) as store:
        read = list(store.all_facts())
    assert [f.tariffs for f in read] == [f.tariffs for f in seed_facts]
    assert all(f.dates == () for f in read) and any(f.dates for f in seed_facts)
