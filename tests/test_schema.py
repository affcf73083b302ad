"""The models keep the contract's JSON names; the shipped schemas match the models exactly."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from pydantic import BaseModel
from pydantic import ValidationError as PydanticError

from tradefacts import models
from tradefacts.errors import UnknownSchemaError
from tradefacts.models import (
    ArticleFacts,
    CanonicalRecord,
    Conflict,
    ConflictSide,
    Entity,
    Evidence,
    MergedStatement,
    MergedTariffRate,
    MergedTradeEvent,
    Quantity,
    Statement,
    TariffLine,
    TariffRate,
    TimeExpression,
    Timeline,
    TimelinePoint,
    TradeEvent,
    Variant,
)
from tradefacts.schema import (
    DRAFT,
    schema_for,
    schema_id,
    schema_names,
    schema_text,
    write_schemas,
)

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"

#: The field names fixed by the public contract (shared/design/CONTRACT.md).
CONTRACT_FIELDS = {
    "Evidence": {"doc_id", "start", "end", "text"},
    "Entity": {"id", "name", "type", "country", "role", "aliases", "evidence"},
    # per_unit: an added field ("$60 a barrel"); the contract allows additions
    "Quantity": {"kind", "value", "unit", "per_unit", "approximate", "text", "evidence"},
    "TariffRate": {
        "rate_percent",
        "imposer",
        "target",
        "products",
        "measure",
        "status",
        "qualifier",
        "evidence",
        # added: when the rate applies ("from August 1"); the contract allows additions
        "effective",
        "effective_text",
    },
    "Statement": {"speaker", "speaker_name", "text", "kind", "evidence"},
    "TradeEvent": {"type", "date", "date_text", "status", "participants", "location", "evidence"},
    "ArticleFacts": {
        "doc_id",
        "published",
        "entities",
        "quantities",
        "tariffs",
        "statements",
        "events",
        # added: every date, time, duration and set (TIMEX3); the contract allows additions
        "dates",
    },
    # added with ArticleFacts.dates
    "TimeExpression": {"text", "type", "value", "evidence"},
    "CanonicalRecord": {
        "event",
        "entities",
        "quantities",
        "tariffs",
        "statements",
        "events",
        "conflicts",
        "sources",
    },
    # added with tariff timelines (tradefacts.timeline)
    "Timeline": {"lines"},
}

EV = Evidence(doc_id="kr-1", start=10, end=18, text="25% duty")


def samples() -> dict[str, BaseModel]:
    """One filled-in instance of each shipped model (Korea / Canada / EU facts)."""
    entity = Entity(
        id="person:ahn-duk-geun",
        name="Ahn Duk-geun",
        type="person",
        country="KOR",
        role="Trade Minister",
        aliases=("Ahn",),
        evidence=(EV,),
    )
    quantity = Quantity(kind="money", value=3.5e11, unit="USD", text="$350bn", evidence=(EV,))
    tariff = TariffRate(
        rate_percent=25,
        imposer="USA",
        target="CAN",
        products=("steel",),
        measure="sectoral",
        status="in_effect",
        evidence=(EV,),
    )
    statement = Statement(
        speaker="person:maros-sefcovic",
        speaker_name="Maroš Šefčovič",
        text="We are ready to negotiate",
        evidence=(EV,),
    )
    event = TradeEvent(
        type="meeting",
        date=dt.date(2025, 7, 27),
        date_text="on Sunday",
        participants=("country:EUU", "country:USA"),
        location="Turnberry",
        evidence=(EV,),
    )
    facts = ArticleFacts(
        doc_id="kr-1",
        published=dt.date(2025, 7, 28),
        entities=(entity,),
        quantities=(quantity,),
        tariffs=(tariff,),
        statements=(statement,),
        events=(event,),
    )
    record = CanonicalRecord(
        event=MergedTradeEvent(**event.model_dump(), sources=("kr-1", "eu-2")),
        tariffs=(MergedTariffRate(**tariff.model_dump(), sources=("kr-1",)),),
        statements=(
            MergedStatement(
                **statement.model_dump(),
                sources=("kr-1",),
                variants=(Variant(text="We are ready to negotiate", sources=("kr-1",)),),
            ),
        ),
        conflicts=(
            Conflict(
                fact="tariff 25% USA->CAN",
                field="status",
                chosen="in_effect",
                sides=(
                    ConflictSide(value="in_effect", sources=("kr-1",)),
                    ConflictSide(value="paused", sources=("eu-2",)),
                ),
            ),
        ),
        sources=("eu-2", "kr-1"),
    )
    point = TimelinePoint(
        date=dt.date(2025, 8, 1),
        rate_percent=25,
        status="in_effect",
        effective=dt.date(2025, 8, 1),
        as_of=dt.date(2025, 7, 8),
        sources=("kr-1",),
        evidence=(EV,),
    )
    timeline = Timeline(
        lines=(TariffLine(imposer="USA", target="CAN", products=("steel",), points=(point,)),)
    )
    return {
        "Evidence": EV,
        "Entity": entity,
        "Quantity": quantity,
        "TariffRate": tariff,
        "Statement": statement,
        "TradeEvent": event,
        "TimeExpression": TimeExpression(text="April 16", type="date", value="2025-04-16"),
        "ArticleFacts": facts,
        "CanonicalRecord": record,
        "Timeline": timeline,
    }


def test_every_contract_model_ships_a_schema() -> None:
    assert set(schema_names()) == set(CONTRACT_FIELDS)


@pytest.mark.parametrize("name", sorted(CONTRACT_FIELDS))
def test_json_dump_has_exactly_the_contract_field_names(name: str) -> None:
    assert set(samples()[name].model_dump(mode="json")) == CONTRACT_FIELDS[name]


def test_merged_facts_add_sources_next_to_evidence() -> None:
    dumped = samples()["CanonicalRecord"].model_dump(mode="json")
    assert set(dumped["tariffs"][0]) >= CONTRACT_FIELDS["TariffRate"] | {"sources"}
    # a merged fact's sources are kept sorted (merging joins them as sorted runs)
    assert dumped["event"]["sources"] == ["eu-2", "kr-1"]


@pytest.mark.parametrize("name", sorted(CONTRACT_FIELDS))
def test_models_are_frozen_and_hashable(name: str) -> None:
    instance = samples()[name]
    assert hash(instance) == hash(instance.model_copy())
    assert len({instance, instance.model_copy()}) == 1
    first_field = next(iter(type(instance).model_fields))
    with pytest.raises(PydanticError):
        setattr(instance, first_field, None)


@pytest.mark.parametrize("code", ["XXX", "usa", "US", "JAPAN", ""])
def test_bad_country_codes_are_rejected(code: str) -> None:
    with pytest.raises(PydanticError):
        TariffRate(rate_percent=10, imposer=code)
    with pytest.raises(PydanticError):
        Entity(id="person:x", name="X", type="person", country=code)


def test_eu_and_real_codes_are_accepted() -> None:
    assert TariffRate(rate_percent=10, imposer="EUU", target="VNM").target == "VNM"


def test_evidence_start_after_end_is_rejected() -> None:
    with pytest.raises(PydanticError, match="after end"):
        Evidence(doc_id="d", start=9, end=3, text="")


def test_evidence_text_must_have_the_span_length() -> None:
    with pytest.raises(PydanticError):
        Evidence(doc_id="d", start=0, end=5, text="abc")


@pytest.mark.parametrize("name", sorted(CONTRACT_FIELDS))
def test_shipped_schema_has_not_drifted_from_the_models(name: str) -> None:
    shipped = (SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text(name), (
        f"schemas/{name}.schema.json is out of date: run `tradefacts schema --write schemas/`"
    )


def test_regenerated_schema_folder_equals_the_shipped_one(tmp_path: Path) -> None:
    written = write_schemas(tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in SCHEMAS.glob("*.json"))
    for path in written:
        assert path.read_bytes() == (SCHEMAS / path.name).read_bytes(), path.name


def test_schema_files_are_deterministic_sorted_and_end_with_newline(tmp_path: Path) -> None:
    first = {p.name: p.read_bytes() for p in write_schemas(tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in write_schemas(tmp_path / "b")}
    assert first == second
    for raw in first.values():
        text = raw.decode("utf-8")
        assert text.endswith("}\n") and not text.endswith("\n\n")
        assert (
            text
            == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        )


@pytest.mark.parametrize("name", sorted(CONTRACT_FIELDS))
def test_schema_is_valid_2020_12_with_id_and_title(name: str) -> None:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == schema_id(name) == f"https://tradefacts.dev/schemas/{name}.schema.json"
    assert schema["title"] == name


@pytest.mark.parametrize("name", sorted(CONTRACT_FIELDS))
def test_model_json_validates_against_its_schema(name: str) -> None:
    validator = jsonschema.Draft202012Validator(schema_for(name))
    assert list(validator.iter_errors(samples()[name].model_dump(mode="json"))) == []


def test_schema_rejects_what_the_model_rejects() -> None:
    validator = jsonschema.Draft202012Validator(schema_for("TariffRate"))
    bad = samples()["TariffRate"].model_dump(mode="json") | {"imposer": "XXX", "status": "maybe"}
    paths = sorted(".".join(map(str, e.absolute_path)) for e in validator.iter_errors(bad))
    assert paths == ["imposer", "status"]


def test_country_codes_are_enumerated_once_in_defs() -> None:
    schema = schema_for("ArticleFacts")
    assert "EUU" in schema["$defs"]["CountryCode"]["enum"]
    assert set(schema["$defs"]["CountryCode"]["enum"]) == models.country_codes()
    assert "^[A-Z]{3}$" not in json.dumps(schema)


def test_unknown_schema_name() -> None:
    with pytest.raises(UnknownSchemaError, match="known schemas: ArticleFacts"):
        schema_for("Article")


def test_schema_for_returns_an_independent_copy() -> None:
    first = schema_for("Evidence")
    first["title"] = "changed"
    assert schema_for("Evidence")["title"] == "Evidence"
