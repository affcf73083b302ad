"""Extract a folder of articles in several environments and compare the JSON byte for byte.

    python tools/environment_check.py /work/main/.corpus/dev --manifest ../shared/dev/manifest.json

Each environment is a fresh interpreter (imports and model loads happen inside the run) that
differs from the first in one way the library must not depend on: scikit-learn importable or
not, the time zone (including one tzlocal cannot resolve), the locale, the hash seed, and
today's date (with libfaketime's ``faketime`` command, ``apt-get install faketime``; those
environments are skipped, saying so, where it is missing). Prints
one line per environment: documents whose JSON differs from the baseline, warnings raised
during extraction, anything printed on stderr. Exit code 1 when any environment differs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

_BASE = {"PYTHONHASHSEED": "0", "TZ": "UTC"}

#: name -> (environment variables, scikit-learn hidden, today's date faked). First: baseline.
ENVIRONMENTS: dict[str, tuple[dict[str, str], bool, str | None]] = {
    "baseline": (_BASE, False, None),
    "no scikit-learn": (_BASE, True, None),
    "hash seed 4242": ({**_BASE, "PYTHONHASHSEED": "4242"}, False, None),
    "TZ Pacific/Kiritimati (UTC+14)": ({**_BASE, "TZ": "Pacific/Kiritimati"}, False, None),
    "TZ America/Adak (UTC-10)": ({**_BASE, "TZ": "America/Adak"}, False, None),
    "TZ unknown to tzlocal": ({**_BASE, "TZ": "Nowhere/Atlantis"}, False, None),
    "locale C": ({**_BASE, "LC_ALL": "C", "LANG": "C"}, False, None),
    # The C locale without UTF-8 coercion: Python's default file encoding becomes ASCII.
    "ASCII locale (no C coercion)": (
        {**_BASE, "LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"},
        False,
        None,
    ),
    "today 2019-06-15": (_BASE, False, "2019-06-15 23:59:30"),
    "today 2031-01-02": (_BASE, False, "2031-01-02 00:00:10"),
}

_SCRIPT = """
import json, sys, warnings
if sys.argv[1] == "hide":
    sys.modules["sklearn"] = None
jobs = json.loads(sys.argv[2])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    import tradefacts
    facts = {
        path: tradefacts.extract(path, published=published).model_dump(mode="json")
        for path, published in jobs
    }
warned = [f"{w.category.__name__}: {w.message}" for w in caught]
print(json.dumps({"facts": facts, "warnings": warned}))
"""


def jobs_of(folder: Path, manifest: Path | None) -> list[tuple[str, str | None]]:
    """(path, published) of every ``.txt``/``.html`` file in ``folder``, dates from the manifest."""
    dates: dict[str, str] = {}
    if manifest is not None:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        entries = data["articles"] if isinstance(data, dict) else data
        for entry in entries:
            name = entry.get("file") or f"{entry['id']}.txt"
            if entry.get("published"):
                dates[name] = entry["published"]
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".html", ".htm"))
    return [(str(p), dates.get(p.name)) for p in files]


def run(
    jobs: list[tuple[str, str | None]], variables: dict[str, str], hide: bool, today: str | None
) -> dict:
    """The facts (per path), warnings and stderr of one extraction in a fresh interpreter."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LANG", "TZ")}
    env.update(variables)
    root = Path(__file__).resolve().parent.parent
    prefix = ["faketime", "-f", f"@{today}"] if today else []
    done = subprocess.run(
        [*prefix, sys.executable, "-c", _SCRIPT, "hide" if hide else "keep", json.dumps(jobs)],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
    )
    if done.returncode != 0:
        raise SystemExit(f"extraction failed:\n{done.stderr}")
    result = json.loads(done.stdout)
    result["stderr"] = done.stderr
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--manifest", type=Path, help="JSON list of {id|file, published}")
    parser.add_argument("--out", type=Path, help="write each environment's JSON here")
    args = parser.parse_args(argv)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    jobs = jobs_of(args.folder, args.manifest)
    print(f"{len(jobs)} documents from {args.folder}")
    baseline: bytes | None = None
    base_facts: dict = {}
    differing_any = False
    for name, (variables, hide, today) in ENVIRONMENTS.items():
        if today and shutil.which("faketime") is None:
            print(f"{name:32} skipped: no faketime command (apt-get install faketime)")
            continue
        start = time.perf_counter()
        result = run(jobs, variables, hide, today)
        dump = json.dumps(result["facts"], sort_keys=True, ensure_ascii=False).encode()
        if args.out:
            slug = "".join(c if c.isalnum() else "_" for c in name).strip("_")
            (args.out / f"{slug}.json").write_bytes(dump)
        if baseline is None:
            baseline, base_facts = dump, result["facts"]
        differing = [p for p, f in result["facts"].items() if f != base_facts.get(p)]
        differing_any |= bool(differing) or dump != baseline
        print(
            f"{name:32} identical bytes: {dump == baseline!s:5}  differing docs: "
            f"{len(differing):2}  warnings: {len(result['warnings'])}  "
            f"stderr chars: {len(result['stderr'])}  ({time.perf_counter() - start:.0f}s)"
        )
        for path in differing:
            print(f"    differs: {Path(path).name}")
        for warning in sorted(set(result["warnings"]))[:5]:
            print(f"    warning: {warning[:160]}")
    return 1 if differing_any else 0


if __name__ == "__main__":
    sys.exit(main())
