"""The tradefacts command line: exit codes, one-line errors, JSON outputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tradefacts import cli
from tradefacts.cli import main
from tradefacts.schema import schema_names

ROOT = Path(__file__).resolve().parent.parent

ARTICLE_A = (
    "Canada and Mexico hold talks\n\n"
    "By Jane Doe, Reuters\n\n"
    "OTTAWA - Canadian Prime Minister Mark Carney met Mexican President Claudia Sheinbaum "
    "in Ottawa on Tuesday to coordinate their response to US tariffs.\n\n"
    "The United States has imposed a 25% tariff on Canadian steel.\n\n"
    "Advertisement\n"
)
ARTICLE_B = (
    "Mexican President Claudia Sheinbaum said on Tuesday that talks with Canada had gone well.\n\n"
    "Washington has imposed a 25% tariff on Canadian steel, officials said.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str) -> None:
    assert err.startswith("tradefacts: error: ")
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    return folder


def valid_facts() -> dict[str, Any]:
    return {"doc_id": "x", "published": None, "tariffs": [{"rate_percent": 10, "imposer": "USA"}]}


# --- schema ---------------------------------------------------------------------------


def test_schema_lists_names(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0 and out.split() == schema_names()


def test_schema_prints_the_shipped_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema", "TariffRate")
    assert code == 0
    assert out == (ROOT / "schemas" / "TariffRate.schema.json").read_text(encoding="utf-8")


def test_schema_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema", "--write", str(tmp_path / "out"))
    assert code == 0 and len(out.splitlines()) == len(schema_names())
    for name in schema_names():
        written = (tmp_path / "out" / f"{name}.schema.json").read_bytes()
        assert written == (ROOT / "schemas" / f"{name}.schema.json").read_bytes()


def test_schema_unknown_name(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "schema", "Tariff")
    assert code == 2 and out == ""
    assert_one_line_error(err)
    assert "unknown schema 'Tariff'" in err


# --- validate -------------------------------------------------------------------------


def test_validate_valid_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(valid_facts()), encoding="utf-8")
    code, out, err = run(capsys, "validate", str(path))
    assert (code, err) == (0, "")
    assert "valid ArticleFacts" in out


def test_validate_invalid_file_lists_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = valid_facts()
    doc["tariffs"][0]["imposer"] = "XXX"
    doc["tariffs"].append({"rate_percent": "ten", "imposer": "CHN"})
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1 and out == ""
    assert "$.tariffs[0].imposer: 'XXX' is not one of" in err
    assert "$.tariffs[1].rate_percent: 'ten' is not of type 'number'" in err
    assert "Traceback" not in err


def test_validate_guesses_the_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "record.json"
    path.write_text(json.dumps({"event": None, "sources": ["a"], "conflicts": []}), "utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0 and "valid CanonicalRecord" in out
    code, _, err = run(capsys, "validate", str(path), "--schema", "ArticleFacts")
    assert code == 1 and "$: 'doc_id' is a required property" in err


@pytest.mark.parametrize("content", ['{"doc_id": ', "", "\x00\x01", "[" * 100_000])
def test_validate_malformed_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 2
    assert_one_line_error(err)


def test_validate_hundred_thousand_deep_array(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1 and "nested deeper" in err and "Traceback" not in err


def test_validate_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", "/no/such/facts.json")
    assert code == 2
    assert_one_line_error(err)
    assert "no such file" in err


def test_validate_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path))
    assert code == 2
    assert_one_line_error(err)


def test_validate_unknown_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(valid_facts()), encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path), "--schema", "Facts")
    assert code == 2
    assert_one_line_error(err)


# --- extract / merge -------------------------------------------------------------------


def test_extract_one_file_prints_one_valid_object(
    nlp: Any, articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "extract", str(articles / "a.txt"), "--published", "2025-03-11")
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, dict) and data["doc_id"] == "a.txt"
    assert data["published"] == "2025-03-11"
    from tradefacts import validate

    validate(data)
    for fact in data["tariffs"] + data["entities"]:
        for ev in fact["evidence"]:
            assert ARTICLE_A[ev["start"] : ev["end"]] == ev["text"]


def test_extract_folder_gives_a_list_and_writes_output(
    nlp: Any, articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "facts.json"
    code, out, err = run(capsys, "extract", str(articles), "-o", str(out_file))
    assert (code, out) == (0, ""), err
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert [d["doc_id"] for d in data] == ["a.txt", "b.txt"]
    assert all(d["published"] is None for d in data)


def test_extract_uses_manifest_dates_unless_told_not_to(
    nlp: Any, articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = {"articles": [{"file": "b.txt", "published": "2025-03-12"}]}
    (articles / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    _, out, _ = run(capsys, "extract", str(articles))
    assert [d["published"] for d in json.loads(out)] == [None, "2025-03-12"]
    _, out, _ = run(capsys, "extract", str(articles), "--no-manifest")
    assert [d["published"] for d in json.loads(out)] == [None, None]
    _, out, _ = run(capsys, "extract", str(articles / "b.txt"), "--published", "2025-01-01")
    assert json.loads(out)["published"] == "2025-01-01"


def test_extract_bad_date_and_missing_file(
    articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "extract", str(articles / "a.txt"), "--published", "2025-02-30")
    assert code == 2
    assert_one_line_error(err)
    code, _, err = run(capsys, "extract", str(articles / "missing.txt"))
    assert code == 2
    assert_one_line_error(err)


def test_extract_binary_file_named_directly_fails_in_folder_is_skipped(
    nlp: Any, articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (articles / "c.txt").write_bytes(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n" + bytes(range(32)) * 4
    )
    code, _, err = run(capsys, "extract", str(articles / "c.txt"))
    assert code == 2
    assert_one_line_error(err)
    code, out, err = run(capsys, "extract", str(articles))
    assert code == 0 and "skipped" in err and "c.txt" in err
    assert [d["doc_id"] for d in json.loads(out)] == ["a.txt", "b.txt"]


def test_merge_folder_prints_summary_and_writes_record(
    nlp: Any, articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "record.json"
    code, out, err = run(capsys, "merge", str(articles), "-o", str(out_file))
    assert code == 0, err
    assert "Sources: 2" in out
    record = json.loads(out_file.read_text(encoding="utf-8"))
    assert record["sources"] == ["a.txt", "b.txt"]
    code, out, _ = run(capsys, "validate", str(out_file))
    assert code == 0 and "valid CanonicalRecord" in out


def test_merge_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "merge", str(tmp_path))
    assert code == 2
    assert_one_line_error(err)


def test_output_into_missing_folder(
    nlp: Any, articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "extract", str(articles / "b.txt"), "-o", "/no/such/dir/out.json")
    assert code == 2
    assert_one_line_error(err)


# --- evaluate, usage, internal errors ----------------------------------------------------


def test_evaluate_delegates_its_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    import tradefacts.evaluation as evaluation

    seen: list[list[str]] = []

    def fake_main(argv: list[str] | None = None) -> int:
        seen.append(list(argv or []))
        return 0

    monkeypatch.setattr(evaluation, "main", fake_main)
    assert main(["evaluate", "gold/", "texts/", "--json"]) == 0
    assert seen == [["gold/", "texts/", "--json"]]


def test_no_command_and_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["frobnicate"]) == 2
    assert main(["validate"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_help_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "extract" in capsys.readouterr().out


def test_internal_error_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(args: Any) -> int:
        raise RuntimeError("unexpected\nstate")

    monkeypatch.setattr(cli, "cmd_schema", boom)
    code, _, err = run(capsys, "schema")
    assert code == 3
    assert_one_line_error(err)
    assert "internal error: RuntimeError: unexpected state" in err


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tradefacts", "schema"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.split() == schema_names()


def test_progress_bar_only_when_asked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Canada imposed a 25% tariff on US steel on Monday.", encoding="utf-8")
    out = tmp_path / "out.json"
    code, _, err = run(capsys, "extract", str(article), "--progress", "-o", str(out))
    assert code == 0 and "article" in err
    code, _, err = run(capsys, "extract", str(article), "--no-progress", "-o", str(out))
    assert code == 0 and err == ""
