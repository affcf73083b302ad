"""TimeML scoring: reading .tml files, relaxed and value F1, the command, TimeBank floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradefacts.cli import main as cli_main
from tradefacts.evaluation.gold import GoldError
from tradefacts.evaluation.timeml import (
    GoldTimex,
    PredictedTimex,
    evaluate_timeml,
    parse_timeml,
    read_timeml,
    score_document,
    timeml_files,
)

#: TimeBank (TempEval-3 TBAQ-cleaned, 183 files), copied into .corpus/timebank, never committed
#: (see README, "Dates"). Measured 2026-12-06 with `tradefacts evaluate --timeml
#: .corpus/timebank`, rounded down: DATE relaxed F1 (0.944) and value F1 (0.853).
TIMEBANK = Path(__file__).resolve().parents[2] / ".corpus" / "timebank"
TIMEBANK_FLOORS = {"relaxed": 0.94, "value": 0.845}

SAMPLE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-04-16"
  functionInDocument="CREATION_TIME">20250416</TIMEX3></DCT>
<TEXT>
Tokyo &amp; Washington <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE"
value="2025-04-15">yesterday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION"
value="PT50M">50 minutes</TIMEX3>; more talks <TIMEX3 tid="t3" type="DATE"
value="2025-W17">next week</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_parse_timeml_text_offsets_and_dct() -> None:
    doc = parse_timeml(SAMPLE, "t1.tml")
    assert doc.dct is not None and doc.dct.isoformat() == "2025-04-16"
    assert doc.text.strip().startswith("Tokyo & Washington met yesterday")
    found = [(doc.text[t.start : t.end], t.type, t.value) for t in doc.timexes]
    assert found == [
        ("yesterday", "DATE", "2025-04-15"),
        ("50 minutes", "DURATION", "PT50M"),
        ("next week", "DATE", "2025-W17"),
    ]


def test_relaxed_and_value_scores() -> None:
    gold = [GoldTimex(0, 10, "DATE", "2025-04-15"), GoldTimex(20, 30, "DATE", "2025-W17")]
    predicted = [
        PredictedTimex(5, 12, "DATE", "2025-04-15"),  # overlaps, same value
        PredictedTimex(25, 28, "DATE", "2025-W16"),  # overlaps, other value
        PredictedTimex(40, 45, "DATE", "2025"),  # no gold
        PredictedTimex(0, 3, "DURATION", "P1D"),  # another type: not a DATE prediction
    ]
    scores: dict = {}
    score_document(gold, predicted, scores)
    date = scores["DATE"]
    assert (date.gold, date.predicted, date.span_matched, date.value_matched) == (2, 3, 2, 1)
    assert date.relaxed == pytest.approx((2 / 3, 1.0, 0.8))
    assert date.value[2] == pytest.approx(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5))
    assert scores["DURATION"].predicted == 1 and scores["DURATION"].span_matched == 0
    # ALL ignores types: the duration now overlaps the first gold date
    assert scores["ALL"].gold == 2 and scores["ALL"].span_matched == 2


def test_one_prediction_matches_one_gold_expression() -> None:
    gold = [GoldTimex(0, 5, "DATE", "2025"), GoldTimex(6, 10, "DATE", "2025-04")]
    scores: dict = {}
    score_document(gold, [PredictedTimex(0, 10, "DATE", "2025-04")], scores)
    assert scores["DATE"].span_matched == 1 and scores["DATE"].value_matched == 1


def test_evaluate_timeml_on_a_folder(tmp_path: Path) -> None:
    (tmp_path / "t1.tml").write_text(SAMPLE, "utf-8")
    (tmp_path / "._t1.tml").write_bytes(b"\x00\x05\x16\x07 resource fork")  # macOS debris

    def predict(documents):
        for doc in documents:
            yield [PredictedTimex(t.start, t.end, t.type, t.value) for t in doc.timexes]

    scores = evaluate_timeml(tmp_path, predict=predict)
    assert scores["DATE"].value == (1.0, 1.0, 1.0)
    assert scores["DURATION"].relaxed == (1.0, 1.0, 1.0)


def test_bad_folders_and_files_are_gold_errors(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="no .tml files"):
        timeml_files(tmp_path)
    with pytest.raises(GoldError, match="not a folder"):
        timeml_files(tmp_path / "missing")
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML>no text element</TimeML>", "utf-8")
    with pytest.raises(GoldError, match="no <TEXT>"):
        read_timeml(bad)


def test_command_reports_and_fails_cleanly(tmp_path: Path, capsys) -> None:
    (tmp_path / "t1.tml").write_text(SAMPLE, "utf-8")
    assert cli_main(["evaluate", "--timeml", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("type")
    assert any(line.startswith("DATE") for line in out.splitlines())
    assert cli_main(["evaluate", "--timeml", str(tmp_path / "none")]) == 2
    assert "error" in capsys.readouterr().err
    assert cli_main(["evaluate", "--timeml", str(tmp_path), "--gold", str(tmp_path)]) == 2


@pytest.mark.skipif(
    not TIMEBANK.is_dir() or not any(TIMEBANK.glob("*.tml")),
    reason="TimeBank is not in .corpus/timebank (third-party data, never committed; see README)",
)
def test_timebank_date_floors() -> None:
    scores = evaluate_timeml(TIMEBANK)
    date = scores["DATE"]
    assert date.gold == 1016
    assert date.relaxed[2] >= TIMEBANK_FLOORS["relaxed"]
    assert date.value[2] >= TIMEBANK_FLOORS["value"]
