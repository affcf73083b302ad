"""The store's tables: the columns of ``tradefacts.frames`` as SQL, and facts rebuilt from rows.

Each fact kind of ``ArticleFacts`` (``FACT_COLUMNS``) is a table led by ``fact_id`` and
``doc_id``; ``evidence`` has one row per span; ``articles`` one row per article (or failed
file). Rows rebuild the facts exactly: list fields are split on ``"; "``, and an article
whose list items contain that separator keeps its JSON in ``articles.facts_json``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, get_args, get_origin

from ..dataframes import (
    _PREFIX,
    BOOL,
    DATE,
    EVIDENCE_COLUMNS,
    FACT_COLUMNS,
    FLOAT,
    INT,
    JOIN,
    STR,
    _evidence_rows,
    _fields,
)
from ..models import ArticleFacts, Evidence

SQL_TYPES = {STR: "VARCHAR", FLOAT: "DOUBLE", INT: "BIGINT", BOOL: "BOOLEAN", DATE: "TIMESTAMP"}
LEAD = {"fact_id": STR, "doc_id": STR}

#: Columns (pandas dtype) of every fact table, as ``tradefacts.frames`` gives them.
TABLES: dict[str, dict[str, str]] = {
    **{name: {**LEAD, **columns} for name, columns in FACT_COLUMNS.items()},
    "evidence": dict(EVIDENCE_COLUMNS),
}

#: One row per article file: ``status`` is ``"ok"`` or ``"failed"`` (``error`` says why).
ARTICLE_COLUMNS: dict[str, str] = {
    "doc_id": "VARCHAR",
    "sha256": "VARCHAR",
    "published": "DATE",
    "path": "VARCHAR",
    "version": "VARCHAR",
    "extracted_at": "TIMESTAMP",
    "status": "VARCHAR",
    "error": "VARCHAR",
    "facts_json": "VARCHAR",
}


def arrow_tables(facts: Sequence[ArticleFacts]) -> dict[str, Any]:
    """The rows ``tradefacts.frames(facts)`` holds, as pyarrow Tables (much cheaper to build
    and to hand to DuckDB than DataFrames, for the few rows of one article)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for article in facts:
        for name in FACT_COLUMNS:
            for index, fact in enumerate(getattr(article, name)):
                fact_id = f"{_PREFIX[name]}-{index}"
                rows[name].append({"fact_id": fact_id, "doc_id": article.doc_id, **_fields(fact)})
                rows["evidence"].extend(_evidence_rows(_PREFIX[name], fact_id, fact.evidence))
    return {name: arrow_table(name, found) for name, found in rows.items()}


_ARROW = {STR: "string", FLOAT: "float64", INT: "int64", BOOL: "bool_", DATE: "date32"}
_ARROW_SQL = {"VARCHAR": "string", "DATE": "date32", "TIMESTAMP": "timestamp"}


def arrow_table(name: str, rows: list[dict[str, Any]]) -> Any:
    """A pyarrow Table of ``rows`` with the columns of table ``name`` (``"docs"``: doc_id)."""
    import pyarrow as pa

    if name == "docs":
        types = {"doc_id": pa.string()}
    elif name == "articles":
        types = {
            c: pa.timestamp("us") if t == "TIMESTAMP" else getattr(pa, _ARROW_SQL[t])()
            for c, t in ARTICLE_COLUMNS.items()
        }
    else:
        types = {c: getattr(pa, _ARROW[t])() for c, t in TABLES[name].items()}
    schema = pa.schema(list(types.items()))
    return pa.Table.from_pylist(rows, schema=schema)


def table_columns(name: str) -> dict[str, str]:
    """SQL type of each column of table ``name``."""
    if name == "articles":
        return dict(ARTICLE_COLUMNS)
    return {column: SQL_TYPES[dtype] for column, dtype in TABLES[name].items()}


def create_statements() -> list[str]:
    """``CREATE TABLE IF NOT EXISTS`` of every table."""
    out = []
    for name in ["articles", *TABLES]:
        columns = ", ".join(f'"{c}" {t}' for c, t in table_columns(name).items())
        out.append(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
    return out


def model_of(kind: str) -> Any:
    """The pydantic model of the facts of kind ``kind`` (``"tariffs"`` -> ``TariffRate``)."""
    return get_args(ArticleFacts.model_fields[kind].annotation)[0]


def list_fields(model: Any) -> list[str]:
    """Fields of ``model`` that are tuples of strings (joined with ``"; "`` in the tables)."""
    return [
        name
        for name, field in model.model_fields.items()
        if name != "evidence" and get_origin(field.annotation) is tuple
    ]


def split_list(value: str | None) -> tuple[str, ...]:
    return () if not value else tuple(value.split(JOIN))


def lossless(facts: ArticleFacts) -> bool:
    """Whether the joined list fields of ``facts`` split back into the same tuples."""
    for kind in FACT_COLUMNS:
        fields = list_fields(model_of(kind))
        for fact in getattr(facts, kind):
            for name in fields:
                value = getattr(fact, name)
                if split_list(JOIN.join(value)) != value:
                    return False
    return True


def rebuild(
    doc_id: str,
    published: dt.date | None,
    rows: Mapping[str, Sequence[dict[str, Any]]],
    evidence: Iterable[dict[str, Any]],
) -> ArticleFacts:
    """The ``ArticleFacts`` whose frames are ``rows`` (table -> rows in fact order)."""
    spans: dict[tuple[str, str], list[Evidence]] = {}
    for row in evidence:
        span = Evidence(doc_id=row["doc_id"], start=row["start"], end=row["end"], text=row["text"])
        spans.setdefault((row["fact_type"], row["fact_id"]), []).append(span)
    kinds: dict[str, Any] = {}
    for kind in FACT_COLUMNS:
        model = model_of(kind)
        lists = set(list_fields(model))
        facts = []
        for row in sorted(rows.get(kind, ()), key=fact_number):
            prefix = row["fact_id"].rsplit("-", 1)[0]
            values = {
                name: _value(row[name], name in lists)
                for name in model.model_fields
                if name in row and name != "evidence"
            }
            values["evidence"] = tuple(spans.get((prefix, row["fact_id"]), ()))
            facts.append(model.model_validate(values))
        kinds[kind] = tuple(facts)
    return ArticleFacts(doc_id=doc_id, published=published, **kinds)


def fact_number(row: dict[str, Any]) -> int:
    return int(row["fact_id"].rsplit("-", 1)[1])


def _value(value: Any, is_list: bool) -> Any:
    if is_list:
        return split_list(value)
    if isinstance(value, dt.datetime):
        return value.date()
    return value
