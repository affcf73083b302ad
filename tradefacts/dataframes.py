"""Facts as pandas DataFrames: one frame per fact type plus one of evidence.

``frames(x)`` takes an ``ArticleFacts``, a sequence of them, or a ``CanonicalRecord`` and
returns ``{"entities", "quantities", "tariffs", "statements", "events", "dates", "evidence"}`` (plus
``"conflicts"`` for a record), one row per fact. Columns and dtypes are fixed, also when a
frame is empty:

- text columns are pandas' ``string`` dtype (missing values ``<NA>``); numbers ``float64``,
  counts and offsets ``int64``, flags ``bool``, event dates ``datetime64[ns]`` (``NaT`` when
  unresolved);
- list fields (``products``, ``aliases``, ``participants``, ``sources``) are joined with
  ``"; "`` into one string (``""`` when empty), so frames filter and group without lists;
- ``fact_id`` (``"tariff-0"``, ...) numbers facts per type in their order; article frames
  carry ``doc_id`` (a fact is ``(doc_id, fact_id)``), record frames ``sources`` and
  ``n_sources`` instead, and the record's events frame a ``central`` flag;
- ``evidence`` has one row per evidence span: ``fact_type``, ``fact_id``, ``doc_id``,
  ``start``, ``end``, ``text``.

pandas is optional: ``pip install "tradefacts[pandas]"``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .errors import InputError, MissingDependencyError
from .models import ArticleFacts, CanonicalRecord, Conflict, Timeline

if TYPE_CHECKING:
    import pandas

JOIN = "; "
STR, FLOAT, INT, BOOL, DATE = "string", "float64", "int64", "bool", "datetime64[ns]"

#: Columns of each fact frame (after the leading ``fact_id`` and ``doc_id`` / ``sources``).
FACT_COLUMNS: dict[str, dict[str, str]] = {
    "entities": {
        "id": STR,
        "name": STR,
        "type": STR,
        "country": STR,
        "role": STR,
        "aliases": STR,
        "n_evidence": INT,
    },
    "quantities": {
        "kind": STR,
        "value": FLOAT,
        "unit": STR,
        "per_unit": STR,
        "approximate": BOOL,
        "text": STR,
        "n_evidence": INT,
    },
    "tariffs": {
        "rate_percent": FLOAT,
        "imposer": STR,
        "target": STR,
        "products": STR,
        "measure": STR,
        "status": STR,
        "qualifier": STR,
        "n_evidence": INT,
        "effective": DATE,
        "effective_text": STR,
    },
    "statements": {
        "speaker": STR,
        "speaker_name": STR,
        "text": STR,
        "kind": STR,
        "n_evidence": INT,
    },
    "events": {
        "type": STR,
        "date": DATE,
        "date_text": STR,
        "status": STR,
        "participants": STR,
        "location": STR,
        "n_evidence": INT,
    },
    # every date, time, duration and set (TIMEX3 value: "2025-04-16", "2025-Q2", "P90D", ...)
    "dates": {"text": STR, "type": STR, "value": STR, "n_evidence": INT},
}
EVIDENCE_COLUMNS = {
    "fact_type": STR,
    "fact_id": STR,
    "doc_id": STR,
    "start": INT,
    "end": INT,
    "text": STR,
}
CONFLICT_COLUMNS = {"fact": STR, "field": STR, "chosen": STR, "sides": STR}
#: Columns of ``frames(timeline)["timeline"]``: one row per point, dated first, in line order.
TIMELINE_COLUMNS = {
    "imposer": STR,
    "target": STR,
    "products": STR,
    "date": DATE,
    "rate_percent": FLOAT,
    "status": STR,
    "effective": DATE,
    "as_of": DATE,
    "conflicting": BOOL,
    "undated": BOOL,
    "sources": STR,
    "n_sources": INT,
    "n_evidence": INT,
}
_PREFIX = {
    "entities": "entity",
    "quantities": "quantity",
    "tariffs": "tariff",
    "statements": "statement",
    "events": "event",
    "dates": "date",
}

Row = dict[str, Any]


def frames(
    facts: ArticleFacts | Sequence[ArticleFacts] | CanonicalRecord | Timeline,
) -> dict[str, pandas.DataFrame]:
    """DataFrames of an article's facts, several articles' (stacked) or a merged record's;
    of a ``Timeline``, ``{"timeline": ...}`` with one row per point."""
    pd = _pandas()
    if isinstance(facts, CanonicalRecord):
        return _record_frames(pd, facts)
    if isinstance(facts, Timeline):
        return {"timeline": _frame(pd, _timeline_rows(facts), TIMELINE_COLUMNS)}
    articles = [facts] if isinstance(facts, ArticleFacts) else list(facts)
    if not all(isinstance(a, ArticleFacts) for a in articles):
        raise InputError(
            "frames expects ArticleFacts, a sequence of them, a CanonicalRecord or a Timeline"
        )
    lead = {"fact_id": STR, "doc_id": STR}
    rows: dict[str, list[Row]] = {name: [] for name in [*FACT_COLUMNS, "evidence"]}
    for article in articles:
        for name in FACT_COLUMNS:
            for index, fact in enumerate(getattr(article, name)):
                fact_id = f"{_PREFIX[name]}-{index}"
                rows[name].append({"fact_id": fact_id, "doc_id": article.doc_id, **_fields(fact)})
                rows["evidence"].extend(_evidence_rows(_PREFIX[name], fact_id, fact.evidence))
    out = {name: _frame(pd, rows[name], {**lead, **cols}) for name, cols in FACT_COLUMNS.items()}
    out["evidence"] = _frame(pd, rows["evidence"], EVIDENCE_COLUMNS)
    return out


def _record_frames(pd: Any, record: CanonicalRecord) -> dict[str, pandas.DataFrame]:
    lead = {"fact_id": STR, "sources": STR, "n_sources": INT}
    out: dict[str, pandas.DataFrame] = {}
    evidence: list[Row] = []
    for name, columns in FACT_COLUMNS.items():
        if name not in CanonicalRecord.model_fields:
            continue  # article-only facts (dates): a merged record does not carry them
        rows = []
        for index, fact in enumerate(getattr(record, name)):
            fact_id = f"{_PREFIX[name]}-{index}"
            row = {"fact_id": fact_id, "sources": JOIN.join(fact.sources), **_fields(fact)}
            row["n_sources"] = len(fact.sources)
            if name == "events":
                row["central"] = fact == record.event
            rows.append(row)
            evidence.extend(_evidence_rows(_PREFIX[name], fact_id, fact.evidence))
        extra = {"central": BOOL} if name == "events" else {}
        out[name] = _frame(pd, rows, {**lead, **columns, **extra})
    out["evidence"] = _frame(pd, evidence, EVIDENCE_COLUMNS)
    out["conflicts"] = _frame(pd, [_conflict_row(c) for c in record.conflicts], CONFLICT_COLUMNS)
    return out


def _timeline_rows(timeline: Timeline) -> list[Row]:
    rows = []
    for line in timeline.lines:
        for undated, points in ((False, line.points), (True, line.undated)):
            for point in points:
                rows.append(
                    {
                        "imposer": line.imposer,
                        "target": line.target,
                        "products": JOIN.join(line.products),
                        **_fields(point),
                        "undated": undated,
                        "sources": JOIN.join(point.sources),
                        "n_sources": len(point.sources),
                    }
                )
    return rows


def _fields(fact: Any) -> Row:
    """The fact's own fields, list fields joined, plus the number of evidence spans."""
    row: Row = {}
    for name, value in fact:
        if name in ("evidence", "sources", "unstated", "scopes", "variants", "reports"):
            continue
        row[name] = JOIN.join(value) if isinstance(value, tuple) else value
    row["n_evidence"] = len(fact.evidence)
    return row


def _evidence_rows(fact_type: str, fact_id: str, evidence: Iterable[Any]) -> list[Row]:
    return [
        {
            "fact_type": fact_type,
            "fact_id": fact_id,
            "doc_id": ev.doc_id,
            "start": ev.start,
            "end": ev.end,
            "text": ev.text,
        }
        for ev in evidence
    ]


def _conflict_row(conflict: Conflict) -> Row:
    sides = JOIN.join(f"{s.value} ({', '.join(s.sources)})" for s in conflict.sides)
    return {
        "fact": conflict.fact,
        "field": conflict.field,
        "chosen": conflict.chosen,
        "sides": sides,
    }


def _frame(pd: Any, rows: list[Row], columns: dict[str, str]) -> pandas.DataFrame:
    """A frame with exactly ``columns`` in order and dtype, whatever (or however few) the rows."""
    converters: dict[str, Callable[[list[Any]], Any]] = {
        DATE: lambda values: pd.to_datetime(pd.Series(values, dtype=object)),
    }
    data = {}
    for name, dtype in columns.items():
        values = [row.get(name) for row in rows]
        convert = converters.get(dtype)
        series = convert(values) if convert else pd.Series(values, dtype=object)
        data[name] = series.astype(dtype)
    return pd.DataFrame(data, columns=list(columns))


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingDependencyError(
            'tradefacts.frames needs pandas: pip install "tradefacts[pandas]"'
        ) from None
    return pandas


__all__ = ["frames"]
