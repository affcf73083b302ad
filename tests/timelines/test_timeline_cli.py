"""`tradefacts timeline` and `tradefacts view --timeline` on a folder of written articles."""

from __future__ import annotations

import json
import re

import tradefacts
from tradefacts.cli import main


def test_text_form_prints_each_lines_steps(nlp, corpus, capsys) -> None:
    assert main(["timeline", str(corpus), "--no-progress"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "USA -> JPN, all goods (7 points)"
    steps = [row.split()[:3] for row in out[1:8]]
    assert steps[0] == ["2025-04-03", "24%", "announced"]  # manifest dates as in `extract`
    assert ["2025-08-01", "25%", "in_effect"] in steps
    assert sum("CONFLICTING" in row for row in out) == 2


def test_filters_json_and_report(nlp, corpus, tmp_path, capsys) -> None:
    report = tmp_path / "t.html"
    argv = ["timeline", str(corpus), "--imposer", "usa", "--target", "JPN", "--json"]
    assert main([*argv, "-o", str(report)]) == 0
    dumped = capsys.readouterr().out
    found = tradefacts.validate(dumped, schema="Timeline")
    saved = tmp_path / "t.json"
    saved.write_text(dumped, encoding="utf-8")
    assert main(["validate", str(saved)]) == 0  # the schema is guessed from the keys
    assert capsys.readouterr().out.strip().endswith("valid Timeline")
    assert [(line.imposer, line.target) for line in found.lines] == [("USA", "JPN")]
    page = report.read_text(encoding="utf-8")
    assert page.count('class="tf-point') == len(found.lines[0].points)
    assert not re.search(r"<script|<link|@import|url\(|src=|https?://", page)


def test_rate_on_a_day_falls_back_to_all_goods(nlp, corpus, capsys) -> None:
    argv = ["timeline", str(corpus), "--imposer", "USA", "--product", "cars", "--on"]
    assert main([*argv, "2025-09-01"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("USA -> JPN, all goods: 2025-08-07    15%  in_effect")
    assert main([*argv, "2025-12-01"]) == 0
    assert capsys.readouterr().out.strip() == "USA -> JPN, all goods: no rate in force"


def test_unknown_filter_is_an_empty_result_with_a_note(nlp, corpus, capsys) -> None:
    assert main(["timeline", str(corpus), "--imposer", "XXX", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {"lines": []}
    assert captured.err.strip() == "tradefacts: note: no tariff line matches"


def test_bad_day_is_one_line_exit_2(nlp, corpus, capsys) -> None:
    assert main(["timeline", str(corpus), "--on", "2025-13-01"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "invalid --on date" in err


def test_view_timeline_writes_the_report(nlp, corpus, tmp_path, capsys) -> None:
    out = tmp_path / "view.html"
    assert main(["view", str(corpus), "--timeline", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Tariff timeline" in page
    assert page.count("<svg") == 1 and page.count('class="tf-point') == 7
    assert capsys.readouterr().out == ""
