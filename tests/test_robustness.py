"""Bad input and invariants: typed errors, odd text, hostile text, property tests."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tradefacts
from tradefacts.errors import (
    BinaryInputError,
    InputNotFoundError,
    InvalidDateError,
    IsADirectoryInputError,
    TradefactsError,
)

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"

ARTICLE = (
    "Britain's trade secretary Jonathan Reynolds met Indian commerce minister Piyush Goyal "
    "in New Delhi on Tuesday. \u201cWe are close to a deal,\u201d Reynolds said. India imposes "
    "a 150% tariff on whisky, a figure London wants cut to 75 per cent.\n"
)


def all_evidence(facts: tradefacts.ArticleFacts):
    for group in (facts.entities, facts.quantities, facts.tariffs, facts.statements, facts.events):
        for fact in group:
            yield from fact.evidence


def assert_grounded(facts: tradefacts.ArticleFacts, text: str) -> None:
    for ev in all_evidence(facts):
        assert text[ev.start : ev.end] == ev.text
        assert ev.doc_id == facts.doc_id


def schema_validator(name: str) -> jsonschema.Draft202012Validator:
    path = SCHEMAS / f"{name}.schema.json"
    schema = json.loads(path.read_text()) if path.exists() else None
    if schema is None:  # schemas not generated yet: fall back to the model's own schema
        model = getattr(tradefacts, name)
        schema = model.model_json_schema()
    return jsonschema.Draft202012Validator(schema)


# --- 1. typed errors -----------------------------------------------------------------------


def test_missing_file_is_typed(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError, match="no such file"):
        tradefacts.extract(tmp_path / "absent.txt")


def test_directory_points_to_batch_extraction(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryInputError, match="merge"):
        tradefacts.extract(tmp_path)


@pytest.mark.parametrize(
    "payload",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n" + b"\x00" * 64,
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00\x01" * 100,
    ],
    ids=["png", "pdf", "zip"],
)
def test_binary_renamed_txt_is_typed(tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(payload)
    with pytest.raises(BinaryInputError, match="article.txt"):
        tradefacts.extract(path)


@pytest.mark.parametrize("bad", ["2025-13-45", "yesterday", "", "17/04/2025", 20250417])
def test_invalid_published_is_typed(bad: object) -> None:
    with pytest.raises(InvalidDateError, match="published"):
        tradefacts.extract_text("Some text.", doc_id="x", published=bad)  # type: ignore[arg-type]


def test_all_errors_derive_from_base() -> None:
    for name in tradefacts.__all__:
        obj = getattr(tradefacts, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, TradefactsError)


# --- 2. odd but valid input ----------------------------------------------------------------

ODD_TEXTS = {
    "empty": "",
    "whitespace": " \n\t\n  \r\n",
    "no_sentences": "--- *** ---\n\n...\n",
    "crlf": ARTICLE.replace("\n", "\r\n") * 2,
    "zero_width": "Ja\u200bpan\u200d imposed a 25% tariff\u200c on U.S.\u2060 cars.",
    "combining": "Cafe\u0301 owners in Me\u0301xico face a 30% duty, Sheinbaum said.",
    "emoji": "\U0001f6a8 Trump \U0001f4c8 touts \u201cbig progress\u201d \U0001f1ef\U0001f1f5 "
    "with a 24% tariff",
    "rtl": "\u0627\u0644\u0633\u0639\u0648\u062f\u064a\u0629 Saudi Arabia "
    "\u202ewill talk\u202c on Monday.",
    "unbalanced": 'He said "this is not over. She said \u201cnever. "And 10% more',
    "one_long_line": ("Canada hit U.S. steel with a 25% levy and talks resumed. " * 3600)[:200_000],
}


@pytest.mark.parametrize("name", sorted(ODD_TEXTS))
def test_odd_text_gives_clean_result(name: str) -> None:
    text = ODD_TEXTS[name]
    facts = tradefacts.extract_text(text, doc_id=name, published="2025-04-17")
    assert facts.doc_id == name
    assert_grounded(facts, text)
    assert schema_validator("ArticleFacts").is_valid(facts.model_dump(mode="json"))


def test_empty_file_gives_no_facts(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    facts = tradefacts.extract(path)
    assert (facts.entities, facts.tariffs, facts.statements, facts.events) == ((), (), (), ())


def test_bom_and_cp1252_decode(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    cp = tmp_path / "cp.txt"
    cp.write_bytes(ARTICLE.encode("cp1252"))
    a, b = tradefacts.extract(bom, doc_id="x"), tradefacts.extract(cp, doc_id="x")
    assert a == b
    assert any(s.text.startswith("We are close") for s in a.statements)


# --- 3. large input ------------------------------------------------------------------------


def test_three_megabyte_article_bounded_memory(tmp_path: Path) -> None:
    """Run in a child process so its peak RSS is its own."""
    script = textwrap.dedent(
        f"""
        import resource, json, tradefacts
        para = {ARTICLE!r} + "\\n"
        text = para * (3_000_000 // len(para) + 1)
        facts = tradefacts.extract_text(text, doc_id="big", published="2025-04-17")
        bad = [e for g in (facts.entities, facts.quantities, facts.tariffs, facts.statements,
               facts.events) for f in g for e in f.evidence if text[e.start:e.end] != e.text]
        tail = max(e.end for f in facts.tariffs for e in f.evidence)
        print(json.dumps({{"chars": len(text), "bad": len(bad), "tail": tail,
              "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=900, check=True
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["chars"] >= 3_000_000
    assert result["bad"] == 0
    assert result["tail"] > 2_900_000  # facts found in the last chunk, offsets into the whole text
    assert result["rss_mb"] < 2048


def test_deeply_nested_json_is_validation_error() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(tradefacts.ValidationError):
        tradefacts.validate(deep)


# --- 4. no catastrophic backtracking -------------------------------------------------------

HOSTILE = {
    "quotes": '"' * 200_000,
    "curly_quotes": "\u201c\u201d\u2019" * 60_000,
    "digits_percent": "9" * 100_000 + "%",
    "nested_parens": "(" * 50_000 + "tariff" + ")" * 50_000,
    "tariff_words": "tariff " * 30_000,
    "money_run": "$1.4bn " * 20_000,
    "measure_run": "2 million barrels a day at $60 a barrel; " * 4_000,
    "distinct_dates": " ".join(
        f"the {d}th of April {y}, {m} {d} and in {d} days;"
        for y in range(1990, 2030)
        for d in range(4, 29, 3)
        for m in ("May", "Sept.")
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_finishes(name: str) -> None:
    text = HOSTILE[name]
    start = time.perf_counter()
    facts = tradefacts.extract_text(text, doc_id=name)
    elapsed = time.perf_counter() - start
    assert_grounded(facts, text)
    assert elapsed < 120, f"{name} took {elapsed:.0f}s"


# --- 5. properties -------------------------------------------------------------------------

WORDS = [
    "Trump",
    "Ishiba",
    "Sheinbaum",
    "Mr Carney",
    "the commerce secretary",
    "she",
    "said",
    "told reporters",
    "tariff",
    "tariffs",
    "levy",
    "on steel",
    "Japan",
    "China's",
    "the EU",
    "U.S.",
    "Mexican",
    "imposed",
    "paused",
    "threatened",
    "talks",
    "met",
    "on Wednesday",
    "next week",
    "April 2",
    "24%",
    "25 per cent",
    "7.5 percent",
    "$1.4bn",
    "\u20ac600bn",
    "\u00a5211 billion",
    "90 days",
    '"',
    "\u201c",
    "\u201d",
    "'",
    "\u2019",
    ",",
    ".",
    ":",
    "\n",
    "\n\n",
    "\u00e9",
    "\u200b",
    "\U0001f4c8",
    "(",
    ")",
    "—",
]

article_text = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=article_text)
def test_extract_text_properties(text: str) -> None:
    try:
        facts = tradefacts.extract_text(text, doc_id="gen", published="2025-04-17")
    except TradefactsError:
        return
    assert_grounded(facts, text)
    data = facts.model_dump(mode="json")
    errors = list(schema_validator("ArticleFacts").iter_errors(data))
    assert not errors, errors[0].message
    again = tradefacts.extract_text(text, doc_id="gen", published="2025-04-17")
    assert again.model_dump_json() == facts.model_dump_json()
    record = tradefacts.merge([facts, again.model_copy(update={"doc_id": "gen2"})])
    record_errors = list(
        schema_validator("CanonicalRecord").iter_errors(record.model_dump(mode="json"))
    )
    assert not record_errors, record_errors[0].message


ODD_DATE_SPANS = [
    "31/02/2025",
    "99/99/9999",
    "April 99",
    "the 0th",
    "in 99999999999 days",
    "999999999 weeks ago",
    "\x00 Monday",
    "Monday " * 40,
    "\u200bApril\u200b 2",
    "ago ago ago",
    "",
]
ODD_MEASURE_SPANS = [
    "1e400 tonnes",
    "99999999999999999999 barrels per day",
    "0 tonnes",
    "- tonnes",
    "NaN litres",
    "\x00 kg",
    "1/0 barrels",
    "tonnes " * 30,
    "",
]


@pytest.mark.parametrize("span", ODD_DATE_SPANS)
def test_dateparser_on_odd_spans_never_raises(span: str) -> None:
    import datetime as dt

    from tradefacts.pipeline.dateparsing import parse_span
    from tradefacts.pipeline.dates import resolve_expression

    for ref in (None, dt.date(2025, 4, 17), dt.date(1, 1, 1), dt.date(9999, 12, 31)):
        for tense in ("past", "future", "near"):
            date, _ = parse_span(span, ref, tense)
            assert date is None or isinstance(date, dt.date)
            resolve_expression(span, ref, tense)


@pytest.mark.parametrize("span", ODD_MEASURE_SPANS)
def test_quantulum3_on_odd_spans_never_raises(span: str) -> None:
    from tradefacts.pipeline.measures import read_measure
    from tradefacts.pipeline.quantities import find_in_text

    read_measure(span)
    for found in find_in_text(span):
        assert 0 <= found.start < found.end <= len(span)


DATE_AND_UNIT_WORDS = [
    "the 16th of April",
    "16/04/2025",
    "two weeks ago",
    "in 90 days",
    "Apr. 16th",
    "August 1",
    "tonnes",
    "metric tons",
    "barrels a day",
    "per day",
    "a barrel",
    "$60",
    "1.2m",
    "770,000",
    "two million",
    "kg",
    "/",
    "-",
    " ",
]
odd_spans = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(DATE_AND_UNIT_WORDS), max_size=8).map(" ".join),
    st.lists(st.sampled_from(DATE_AND_UNIT_WORDS), max_size=8).map("".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(span=odd_spans, days=st.integers(min_value=-3000, max_value=3000))
def test_date_and_measure_libraries_never_leak(span: str, days: int) -> None:
    import datetime as dt

    from tradefacts.pipeline.dates import resolve_expression
    from tradefacts.pipeline.quantities import find_in_text

    ref = dt.date(2025, 4, 17) + dt.timedelta(days=days)
    found = resolve_expression(span, ref, "past")
    assert found is None or isinstance(found, dt.date)
    assert resolve_expression(span, None, "near") in (None, resolve_expression(span, ref, "near"))
    for quantity in find_in_text(span):
        assert quantity.value == quantity.value  # not NaN
        assert quantity.kind in ("money", "percent", "duration", "measure")


# --- 6. nothing lost or altered ------------------------------------------------------------


def test_file_untouched_and_same_as_text(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    raw = ARTICLE.encode("utf-8")
    path.write_bytes(raw)
    before = path.stat().st_mtime_ns
    from_file = tradefacts.extract(path, published="2025-04-17")
    assert path.read_bytes() == raw and path.stat().st_mtime_ns == before
    from_text = tradefacts.extract_text(ARTICLE, doc_id="article.txt", published="2025-04-17")
    assert from_file == from_text


def test_extract_many_keeps_order_and_collects_errors(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    errors: list = []
    out = list(
        tradefacts.extract_many(
            [good, tmp_path / "missing.txt", ("second", ARTICLE)],
            published="2025-04-17",
            errors=errors,
        )
    )
    assert [f.doc_id for f in out] == ["good.txt", "second"]
    assert [(e.index, type(e.error)) for e in errors] == [(1, InputNotFoundError)]
    assert len(out[0].tariffs) == len(out[1].tariffs) >= 1
