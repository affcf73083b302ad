"""tradefacts.validate: models back for valid JSON, every failing path listed otherwise."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradefacts
from tradefacts.errors import (
    InputNotFoundError,
    MalformedJSONError,
    TradefactsError,
    UnknownSchemaError,
    ValidationError,
)
from tradefacts.models import ArticleFacts, CanonicalRecord, Evidence, TariffRate
from tradefacts.validation import guess_schema, json_path, validate


def article() -> dict[str, Any]:
    """A valid ArticleFacts document about Mexican steel (as JSON-ready data)."""
    text = "a 50% tariff"
    return {
        "doc_id": "mx-7",
        "published": "2025-06-04",
        "entities": [
            {
                "id": "country:MEX",
                "name": "Mexico",
                "type": "country",
                "country": None,
                "role": None,
                "aliases": ["Mexican"],
                "evidence": [{"doc_id": "mx-7", "start": 0, "end": 6, "text": "Mexico"}],
            }
        ],
        "quantities": [],
        "tariffs": [
            {
                "rate_percent": 50,
                "imposer": "USA",
                "target": "MEX",
                "products": ["steel"],
                "measure": "sectoral",
                "status": "in_effect",
                "qualifier": "exact",
                "evidence": [{"doc_id": "mx-7", "start": 40, "end": 52, "text": text}],
            }
        ],
        "statements": [],
        "events": [],
    }


def test_valid_dict_gives_the_model() -> None:
    facts = validate(article())
    assert isinstance(facts, ArticleFacts)
    assert facts.tariffs[0] == TariffRate(
        rate_percent=50,
        imposer="USA",
        target="MEX",
        products=("steel",),
        measure="sectoral",
        evidence=(Evidence(doc_id="mx-7", start=40, end=52, text="a 50% tariff"),),
    )


def test_json_string_and_path_and_pathlike_string(tmp_path: Path) -> None:
    text = json.dumps(article())
    path = tmp_path / "facts.json"
    path.write_text(text, encoding="utf-8")
    assert validate(text) == validate(path) == validate(str(path)) == validate(article())


def test_public_name_is_exported() -> None:
    assert tradefacts.validate is validate
    assert issubclass(tradefacts.ValidationError, TradefactsError)


def test_round_trip_of_a_model_dump() -> None:
    facts = validate(article())
    assert validate(facts.model_dump(mode="json")) == facts
    assert validate(facts) == facts


def test_message_lists_every_failing_path() -> None:
    doc = article()
    doc["tariffs"][0]["imposer"] = "XXX"
    doc["tariffs"][0]["status"] = "maybe"
    doc["entities"][0]["type"] = "planet"
    doc["published"] = "2025-13-45"
    del doc["doc_id"]
    with pytest.raises(ValidationError) as caught:
        validate(doc)
    message = str(caught.value)
    paths = {e["path"] for e in caught.value.errors}
    assert paths == {
        "$",
        "$.published",
        "$.entities[0].type",
        "$.tariffs[0].imposer",
        "$.tariffs[0].status",
    }
    assert "$.tariffs[0].imposer: 'XXX' is not one of" in message
    assert "'doc_id' is a required property" in message
    assert "5 errors" in message.splitlines()[0]


def test_unknown_field_is_reported_with_its_parent_path() -> None:
    doc = article()
    doc["tariffs"][0]["rate"] = 50
    with pytest.raises(ValidationError, match=r"\$\.tariffs\[0\]: unknown field.*'rate'"):
        validate(doc)


def test_model_only_rule_evidence_start_after_end() -> None:
    doc = article()
    doc["tariffs"][0]["evidence"][0].update(start=52, end=40, text="")
    with pytest.raises(ValidationError) as caught:
        validate(doc)
    assert caught.value.errors == [
        {"path": "$.tariffs[0].evidence[0]", "message": "evidence start 52 is after end 40"}
    ]


def test_schema_and_model_failures_are_listed_together() -> None:
    doc = article()
    doc["tariffs"][0]["evidence"][0].update(start=52, end=40, text="")
    doc["tariffs"][0]["imposer"] = "XXX"
    del doc["doc_id"]
    with pytest.raises(ValidationError) as caught:
        validate(doc)
    assert [e["path"] for e in caught.value.errors] == [
        "$",
        "$.tariffs[0].imposer",
        "$.tariffs[0].evidence[0]",
    ]


def test_other_schema_by_name() -> None:
    record = validate({"sources": ["a", "b"], "event": None}, schema="CanonicalRecord")
    assert isinstance(record, CanonicalRecord) and record.sources == ("a", "b")
    with pytest.raises(ValidationError, match=r"\$\.rate_percent"):
        validate({"rate_percent": -3, "imposer": "CHN"}, schema="TariffRate")


def test_json_array_gives_a_list_and_indexes_paths() -> None:
    good, bad = article(), article()
    bad["tariffs"][0]["target"] = "ZZZ"
    assert [f.doc_id for f in validate([good, good])] == ["mx-7", "mx-7"]
    with pytest.raises(ValidationError, match=r"\$\[1\]\.tariffs\[0\]\.target"):
        validate([good, bad])


def test_unknown_schema_name_raises_before_reading() -> None:
    with pytest.raises(UnknownSchemaError, match="known schemas"):
        validate("/no/such/file.json", schema="Articles")


@pytest.mark.parametrize("text", ['{"doc_id": ', "{'doc_id': 'x'}", "[1, 2,]", "{} {}", "", " "])
def test_malformed_json_is_a_one_line_validation_error(text: str) -> None:
    with pytest.raises(MalformedJSONError) as caught:
        validate(text)
    assert isinstance(caught.value, ValidationError)
    assert "\n" not in str(caught.value) and "malformed JSON" in str(caught.value)
    assert caught.value.errors[0]["path"] == "$"


@pytest.mark.parametrize("text", ["3", "null", '"x"', "-1.5e3"])
def test_json_scalars_are_parsed_not_taken_for_paths(text: str) -> None:
    with pytest.raises(ValidationError, match=r"\$: .* is not of type 'object'"):
        validate(text)


def test_missing_file() -> None:
    with pytest.raises(InputNotFoundError, match="no such file"):
        validate(Path("/definitely/not/here.json"))


def test_hundred_thousand_deep_array_is_a_validation_error_not_recursion() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(ValidationError, match="nested deeper"):
        validate(deep)


def test_deep_python_value_is_a_validation_error() -> None:
    value: Any = []
    for _ in range(5_000):
        value = [value]
    with pytest.raises(ValidationError, match="nested deeper"):
        validate({"doc_id": "x", "entities": value})


def test_wrong_top_level_type() -> None:
    with pytest.raises(ValidationError, match=r"^not a valid ArticleFacts \(1 error\):\n\$: "):
        validate('"just a string"')


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (article(), "ArticleFacts"),
        ([article()], "ArticleFacts"),
        ({"event": None, "sources": [], "conflicts": []}, "CanonicalRecord"),
        ({"doc_id": "a", "start": 0, "end": 1, "text": "x"}, "Evidence"),
        ({"rate_percent": 10, "imposer": "USA", "target": None}, "TariffRate"),
        ({"kind": "percent", "value": 3, "unit": "percent", "text": "3%"}, "Quantity"),
        ({"speaker": None, "text": "We will respond", "kind": "direct"}, "Statement"),
        ({"type": "visit", "date": None, "participants": []}, "TradeEvent"),
        ({"id": "country:IND", "name": "India", "type": "country"}, "Entity"),
    ],
)
def test_guess_schema(document: Any, expected: str) -> None:
    assert guess_schema(document) == expected


def test_json_path() -> None:
    assert json_path(["tariffs", 0, "imposer"]) == "$.tariffs[0].imposer"
    assert json_path([]) == "$"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None)
@given(json_values, st.sampled_from(["ArticleFacts", "CanonicalRecord", "TariffRate"]))
def test_any_json_value_gives_a_model_or_a_validation_error(value: Any, schema: str) -> None:
    try:
        validate(json.dumps(value) if isinstance(value, str) else value, schema=schema)
    except ValidationError as exc:
        assert exc.errors and all(e["path"].startswith("$") for e in exc.errors)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(article())), json_values, max_size=7))
def test_mutated_articles_never_crash(changes: dict[str, Any]) -> None:
    doc = article() | changes
    try:
        assert isinstance(validate(doc), ArticleFacts)
    except ValidationError as exc:
        assert str(exc).startswith("not a valid ArticleFacts")
