"""Validation of JSON documents against the shipped schemas, with every failing path listed.

``validate(data, schema="ArticleFacts")`` accepts a dict (or list of dicts), a JSON string,
or a path to a JSON file. It checks the document against ``schemas/<schema>.schema.json``
(JSON Schema 2020-12) and then builds the pydantic model, which also checks what a JSON
Schema cannot say (evidence ``start <= end``). It returns the model (a list of models for a
JSON array) or raises ``ValidationError`` whose message names each failing JSON path, e.g.
``$.tariffs[0].imposer: 'XXX' is not one of the 250 allowed values``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pydantic
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError

from .errors import InputError, InputNotFoundError, MalformedJSONError, ValidationError
from .models import SCHEMA_MODELS
from .schema import schema_for, schema_names

#: Deeper JSON than this is refused before any recursive code sees it (the models nest ~6).
MAX_DEPTH = 64
#: At most this many failures are spelled out in the message (all are kept on ``errors``).
MAX_LISTED = 20
_ENUM_SHOWN = 8
_JSON_SCALAR = re.compile(r"-?\d{1,400}(?:\.\d{1,400})?(?:[eE][+-]?\d{1,4})?|true|false|null")


def validate(data: Any, schema: str = "ArticleFacts") -> Any:
    """The model ``schema`` built from ``data``; raises ``ValidationError`` listing each failure.

    ``data``: a dict, a list of dicts (gives a list of models), a JSON string, a
    ``pathlib.Path`` or a path string to a ``.json`` file. Unknown ``schema`` names raise
    ``UnknownSchemaError``; text that is not JSON raises ``MalformedJSONError`` (a
    ``ValidationError``); a missing file raises ``InputNotFoundError``.
    """
    model = SCHEMA_MODELS.get(schema) if isinstance(schema, str) else None
    validator = _validator(schema)  # raises UnknownSchemaError first for a bad name
    document = load_document(data)
    if isinstance(document, list):
        failures = [
            f for i, item in enumerate(document) for f in _failures(validator, item, f"$[{i}]")
        ]
    else:
        failures = list(_failures(validator, document, "$"))
    if failures:
        raise _error(schema, failures)
    assert model is not None
    if isinstance(document, list):
        return [model.model_validate(item) for item in document]
    return model.model_validate(document)


def load_document(data: Any) -> Any:
    """The JSON value behind ``data`` (a value, a JSON string, or a path to a JSON file)."""
    if isinstance(data, pydantic.BaseModel):
        return data.model_dump(mode="json")
    if isinstance(data, Path):
        return parse_json(_read(data), source=str(data))
    if isinstance(data, bytes | bytearray):
        return parse_json(bytes(data).decode("utf-8", errors="replace"), source="<bytes>")
    if isinstance(data, str):
        return _load_string(data)
    _check_depth(data, "<value>")
    return data


def _load_string(data: str) -> Any:
    """A ``str`` is JSON text when it looks like JSON and names no existing file, else a path."""
    stripped = data.strip()
    if not stripped or stripped[0] in '{["' or "\n" in stripped:
        return parse_json(data, source="<string>")
    path = Path(stripped)
    if path.exists() or not _JSON_SCALAR.fullmatch(stripped):
        return parse_json(_read(path), source=stripped)
    return parse_json(data, source="<string>")


def parse_json(text: str, *, source: str = "<string>") -> Any:
    """Parse JSON text; raises ``MalformedJSONError`` with a one-line message."""
    _check_text_depth(text, source)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _malformed(source, f"{exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise _too_deep(source) from None
    except ValueError as exc:  # e.g. integers with too many digits
        raise _malformed(source, str(exc)) from None


def _malformed(source: str, reason: str) -> MalformedJSONError:
    message = f"malformed JSON: {' '.join(reason.split())}"
    return MalformedJSONError(f"{source}: {message}", errors=[{"path": "$", "message": message}])


def _read(path: Path) -> str:
    if not path.exists():
        raise InputNotFoundError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a JSON file")
    try:
        return path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _check_text_depth(text: str, source: str) -> None:
    """Refuse JSON text nested deeper than ``MAX_DEPTH`` (one scan that skips strings).

    Too deep but balanced is a ``ValidationError`` (valid JSON, not a tradefacts document);
    too deep and unbalanced is a ``MalformedJSONError``.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth, deepest, in_string, escaped = 0, 0, False, False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
            if depth < 0:
                break
    if deepest > MAX_DEPTH:
        if depth != 0 or in_string:
            raise _malformed(source, f"unbalanced brackets nested over {MAX_DEPTH} levels deep")
        raise _too_deep(source)


def _too_deep(source: str) -> ValidationError:
    message = f"nested deeper than {MAX_DEPTH} levels: not a tradefacts document"
    return ValidationError(f"{source}: {message}", errors=[{"path": "$", "message": message}])


def _check_depth(value: Any, source: str) -> None:
    """Refuse Python values nested deeper than ``MAX_DEPTH`` (iterative, no recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list | tuple):
            if depth > MAX_DEPTH:
                raise _too_deep(source)
            children: Iterable[Any] = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children)


@cache
def _validator(name: str) -> Draft202012Validator:
    schema = schema_for(name)  # raises UnknownSchemaError
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _failures(validator: Draft202012Validator, document: Any, root: str) -> list[dict[str, str]]:
    """Every failure as ``{"path", "message"}``: the schema's, then the model's own checks
    (such as evidence ``start <= end``) at paths the schema did not already cover."""
    found: list[dict[str, str]] = []
    covered: set[str] = set()
    for error in sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.path]):
        for failure in _describe(error, root):
            found.append(failure)
            covered.update(_covered_paths(error, failure["path"]))
    model = SCHEMA_MODELS[validator.schema["title"]]
    try:
        model.model_validate(document)
    except pydantic.ValidationError as exc:
        for item in exc.errors(include_url=False):
            loc = [part for part in item["loc"] if not _is_union_tag(part)]
            path = json_path(loc, root)
            if not any(path == c or path.startswith((c + ".", c + "[")) for c in covered):
                found.append({"path": path, "message": _pydantic_message(item)})
                covered.add(path)
    return found


def _covered_paths(error: SchemaError, path: str) -> list[str]:
    """Paths a schema error speaks for: the fields it names for object-level errors."""
    if error.validator == "required" and isinstance(error.instance, dict):
        return [f"{path}.{name}" for name in error.validator_value if name not in error.instance]
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        return [f"{path}.{name}" for name in error.instance if name not in allowed]
    return [path]


def _is_union_tag(part: Any) -> bool:
    """pydantic's names for union branches in a location (``function-after[...]``, ``str``)."""
    return isinstance(part, str) and ("[" in part or part in ("str", "none", "int", "float"))


def _describe(error: SchemaError, root: str) -> Iterator[dict[str, str]]:
    """One line per real cause: ``anyOf`` failures are unpacked to their informative branch."""
    if error.context:
        informative = [e for e in error.context if e.validator != "type"] or list(error.context)
        seen = set()
        for sub in informative:
            key = (tuple(sub.absolute_path), sub.message)
            if key not in seen:
                seen.add(key)
                yield from _describe(sub, root)
        return
    yield {"path": json_path(error.absolute_path, root), "message": _schema_message(error)}


def _schema_message(error: SchemaError) -> str:
    if error.validator == "enum" and isinstance(error.validator_value, list):
        allowed = error.validator_value
        if len(allowed) > _ENUM_SHOWN:
            return (
                f"{_short(error.instance)} is not one of the {len(allowed)} allowed values "
                f"({', '.join(map(repr, allowed[:3]))}, ...)"
            )
        return f"{_short(error.instance)} is not one of {', '.join(map(repr, allowed))}"
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown field(s)")
    return _one_line(error.message)


def _pydantic_message(item: Any) -> str:
    message = str(item.get("msg", "invalid"))
    return _one_line(message.removeprefix("Value error, "))


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _one_line(message: str) -> str:
    line = " ".join(message.split())
    return line if len(line) <= 300 else line[:297] + "..."


def json_path(parts: Iterable[Any], root: str = "$") -> str:
    """``$.tariffs[0].imposer`` style path of a location."""
    out = root
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _error(schema: str, failures: list[dict[str, str]]) -> ValidationError:
    lines = [f"{f['path']}: {f['message']}" for f in failures[:MAX_LISTED]]
    if len(failures) > MAX_LISTED:
        lines.append(f"... and {len(failures) - MAX_LISTED} more")
    noun = "error" if len(failures) == 1 else "errors"
    header = f"not a valid {schema} ({len(failures)} {noun}):"
    return ValidationError("\n".join([header, *lines]), errors=failures)


def guess_schema(document: Any) -> str:
    """The shipped schema whose fields best match ``document``'s keys (first item of a list)."""
    if isinstance(document, list):
        document = next((item for item in document if isinstance(item, dict)), None)
    if not isinstance(document, dict):
        return "ArticleFacts"
    keys = set(document)
    best, best_score = "ArticleFacts", (-1, 0)
    for name in schema_names():
        fields = set(SCHEMA_MODELS[name].model_fields)
        score = (len(keys & fields) - len(keys - fields), -len(fields - keys))
        if score > best_score:
            best, best_score = name, score
    return best
