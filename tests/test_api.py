"""The public API: names from the contract are callables, and importing the package is light."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import tradefacts


def test_contract_functions_stay_callable_after_every_submodule_is_imported() -> None:
    for info in pkgutil.iter_modules(tradefacts.__path__):
        if info.name != "__main__":
            importlib.import_module(f"tradefacts.{info.name}")
    for name in ("extract", "extract_text", "extract_many", "merge", "validate"):
        assert callable(getattr(tradefacts, name)), name


def test_import_does_not_load_heavy_libraries() -> None:
    heavy = ("spacy", "dateparser", "quantulum3", "jsonschema")
    code = f"import sys, tradefacts; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
