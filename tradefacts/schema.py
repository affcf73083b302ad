"""JSON Schemas (draft 2020-12) generated from the pydantic models, for use outside Python.

``schema_for(name)`` gives one schema as a dict, ``write_schemas(dir)`` writes every shipped
schema as ``<Model>.schema.json`` (sorted keys, two-space indent, trailing newline), so the
files in ``schemas/`` are a deterministic function of ``tradefacts/models.py``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from .errors import UnknownSchemaError
from .models import SCHEMA_MODELS, country_codes

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_URI = "https://tradefacts.dev/schemas/"
COUNTRY_PATTERN = "^[A-Z]{3}$"
COUNTRY_DEF = "CountryCode"


def schema_names() -> list[str]:
    """Names of the shipped schemas, sorted."""
    return sorted(SCHEMA_MODELS)


def schema_id(name: str) -> str:
    """The stable ``$id`` URI of a schema (an identifier, never fetched)."""
    return f"{BASE_URI}{name}.schema.json"


def schema_filename(name: str) -> str:
    """File name of a schema in ``schemas/``."""
    return f"{name}.schema.json"


def schema_for(name: str) -> dict[str, Any]:
    """The JSON Schema of model ``name`` (a fresh copy); raises ``UnknownSchemaError``."""
    return json.loads(schema_text(name))


def schema_text(name: str) -> str:
    """The schema of ``name`` serialised exactly as shipped (sorted keys, trailing newline)."""
    return _schema_text(_known(name))


def _known(name: str) -> str:
    if not isinstance(name, str) or name not in SCHEMA_MODELS:
        raise UnknownSchemaError(
            f"unknown schema {name!r}; known schemas: {', '.join(schema_names())}"
        )
    return name


@cache
def _schema_text(name: str) -> str:
    model = SCHEMA_MODELS[name]
    body = model.model_json_schema(mode="serialization")
    body = _with_country_codes(body)
    doc = {"$schema": DRAFT, "$id": schema_id(name), "title": name, **body}
    doc["title"] = name
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _with_country_codes(schema: dict[str, Any]) -> dict[str, Any]:
    """Replace each inline ISO-3 pattern by a ``$ref`` to one enumerated ``CountryCode``."""
    found = False

    def rewrite(node: Any) -> Any:
        nonlocal found
        if isinstance(node, dict):
            if node.get("type") == "string" and node.get("pattern") == COUNTRY_PATTERN:
                found = True
                return {"$ref": f"#/$defs/{COUNTRY_DEF}"}
            return {key: rewrite(value) for key, value in node.items()}
        if isinstance(node, list):
            return [rewrite(item) for item in node]
        return node

    out = rewrite(schema)
    if found:
        defs = dict(out.get("$defs", {}))
        defs[COUNTRY_DEF] = {
            "description": "ISO 3166-1 alpha-3 country code, or EUU for the European Union",
            "enum": sorted(country_codes()),
            "title": COUNTRY_DEF,
            "type": "string",
        }
        out["$defs"] = defs
    return out


def write_schemas(directory: str | Path) -> list[Path]:
    """Write every shipped schema into ``directory`` (created if needed); returns the paths."""
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in schema_names():
        path = target / schema_filename(name)
        path.write_text(schema_text(name), encoding="utf-8", newline="\n")
        written.append(path)
    return written
