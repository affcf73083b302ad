"""TimeML scoring of ``ArticleFacts.dates``: TIMEX3 spans and values, the TempEval-3 way.

``read_timeml(path)`` reads one ``.tml`` file (the text inside ``<TEXT>``, its TIMEX3 tags as
character offsets into that text, and the document creation time from ``<DCT>``);
``evaluate_timeml(folder)`` extracts every file's text with its DCT as ``published`` and scores
the predicted ``dates`` per TIMEX3 type (DATE, TIME, DURATION, SET):

- relaxed span F1: a prediction matches a gold expression of the same type when the two
  overlap (one-to-one, in text order);
- value F1: the same, counting only matched pairs whose values are equal.

The ``ALL`` row ignores types (a gold DURATION matched by a predicted date counts), as the
TempEval-3 span and value figures do.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .gold import GoldError

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
#: The row that ignores types (TempEval-3's span figures: any TIMEX3 against any prediction).
ALL_TYPES = "ALL"

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTR = re.compile(r"([A-Za-z_:]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_DCT = re.compile(r"<DCT>.*?</DCT>", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


@dataclass(frozen=True)
class GoldTimex:
    """One TIMEX3 of a TimeML text: offsets into ``TimeMLDocument.text``."""

    start: int
    end: int
    type: str
    value: str | None


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML file: its id, plain text, creation date and TIMEX3 expressions."""

    doc_id: str
    text: str
    dct: dt.date | None
    timexes: tuple[GoldTimex, ...]


@dataclass(frozen=True)
class PredictedTimex:
    """One predicted expression: offsets into the same text, type in TIMEX3 upper case."""

    start: int
    end: int
    type: str
    value: str | None


@dataclass
class TimexScore:
    """Counts and F1 of one TIMEX3 type (relaxed span and value)."""

    gold: int = 0
    predicted: int = 0
    span_matched: int = 0
    value_matched: int = 0
    misses: list[str] = field(default_factory=list)

    def _f1(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.predicted if self.predicted else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def relaxed(self) -> tuple[float, float, float]:
        """(precision, recall, F1) of overlapping spans."""
        return self._f1(self.span_matched)

    @property
    def value(self) -> tuple[float, float, float]:
        """(precision, recall, F1) of overlapping spans with the same value."""
        return self._f1(self.value_matched)


def _attrs(raw: str) -> dict[str, str]:
    return {m[1]: m[2] if m[2] is not None else m[3] for m in _ATTR.finditer(raw)}


def _dct(markup: str) -> dt.date | None:
    block = _DCT.search(markup)
    if block is None:
        return None
    for m in _TAG.finditer(block.group(0)):
        if m[2] == "TIMEX3" and not m[1]:
            value = _attrs(m[3]).get("value", "")
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                return None
    return None


def parse_timeml(markup: str, doc_id: str) -> TimeMLDocument:
    """A ``TimeMLDocument`` from the markup of a ``.tml`` file; raises ``GoldError``."""
    body = _TEXT.search(markup)
    if body is None:
        raise GoldError(f"{doc_id}: no <TEXT> element (not a TimeML file?)")
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes = []
    pos = 0
    inner = body.group(1)
    for m in _TAG.finditer(inner):
        chunk = html.unescape(inner[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m[2] != "TIMEX3":
            continue
        if not m[1]:
            open_timex = (length, _attrs(m[3]))
        elif open_timex is not None:
            start, attrs = open_timex
            value = attrs.get("value") or None
            timexes.append(GoldTimex(start, length, attrs.get("type", "DATE").upper(), value))
            open_timex = None
    parts.append(html.unescape(inner[pos:]))
    return TimeMLDocument(doc_id, "".join(parts), _dct(markup), tuple(timexes))


def read_timeml(path: str | Path) -> TimeMLDocument:
    """The ``TimeMLDocument`` of a ``.tml`` file; raises ``GoldError`` when unreadable."""
    path = Path(path)
    try:
        markup = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"cannot read {path}: {exc}") from exc
    return parse_timeml(markup, path.name)


def timeml_files(folder: str | Path) -> list[Path]:
    """The ``.tml`` files of ``folder``, sorted by name; raises ``GoldError`` when none."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError(f"not a folder: {folder}")
    files = sorted(p for p in folder.glob("*.tml") if not p.name.startswith("._"))
    if not files:
        raise GoldError(f"no .tml files in {folder}")
    return files


def score_document(
    gold: Sequence[GoldTimex],
    predicted: Sequence[PredictedTimex],
    scores: dict[str, TimexScore],
    text: str = "",
) -> None:
    """Add one document's counts to ``scores`` (keyed by TIMEX3 type, and ``ALL``)."""
    for kind in (*TIMEX_TYPES, ALL_TYPES):
        score = scores.setdefault(kind, TimexScore())
        golds = sorted(
            (g for g in gold if kind in (g.type, ALL_TYPES)), key=lambda g: (g.start, g.end)
        )
        preds = sorted(
            (p for p in predicted if kind in (p.type, ALL_TYPES)), key=lambda p: (p.start, p.end)
        )
        score.gold += len(golds)
        score.predicted += len(preds)
        used: set[int] = set()
        pairs: dict[int, int] = {}  # gold index -> prediction index
        for same_value in (True, False):  # pairs with equal values first, then any overlap
            for gi, g in enumerate(golds):
                if gi in pairs:
                    continue
                for pi, p in enumerate(preds):
                    if pi in used or not (p.start < g.end and g.start < p.end):
                        continue
                    if same_value and p.value != g.value:
                        continue
                    pairs[gi] = pi
                    used.add(pi)
                    break
        for gi, g in enumerate(golds):
            if gi not in pairs:
                score.misses.append(f"miss {text[g.start : g.end]!r} {g.value}")
                continue
            p = preds[pairs[gi]]
            score.span_matched += 1
            if p.value == g.value:
                score.value_matched += 1
            else:
                score.misses.append(
                    f"value {text[p.start : p.end]!r} {p.value} != {g.value}"
                    f" ({text[g.start : g.end]!r})"
                )
        for pi, p in enumerate(preds):
            if pi not in used:
                score.misses.append(f"false {text[p.start : p.end]!r} {p.value}")


Predictor = Callable[[Sequence[TimeMLDocument]], Iterable[Sequence[PredictedTimex]]]


def extract_timexes(documents: Sequence[TimeMLDocument]) -> Iterable[Sequence[PredictedTimex]]:
    """Each document's predicted expressions: ``extract_many`` with the DCT as ``published``."""
    from ..extraction import extract_many
    from ..reading import Source

    sources = (Source(text=d.text, doc_id=d.doc_id, published=d.dct) for d in documents)
    for facts in extract_many(sources):
        yield [
            PredictedTimex(ev.start, ev.end, expr.type.upper(), expr.value)
            for expr in facts.dates
            for ev in expr.evidence
        ]


def evaluate_timeml(
    folder: str | Path,
    *,
    files: Sequence[Path] | None = None,
    predict: Predictor = extract_timexes,
) -> dict[str, TimexScore]:
    """Scores per TIMEX3 type of the ``.tml`` files of ``folder`` (or of ``files``)."""
    paths = list(files) if files is not None else timeml_files(folder)
    documents = [read_timeml(p) for p in paths]
    scores: dict[str, TimexScore] = {}
    for doc, predicted in zip(documents, predict(documents), strict=True):
        score_document(doc.timexes, predicted, scores, doc.text)
    return scores


def format_timeml_report(scores: dict[str, TimexScore], *, verbose: bool = False) -> str:
    """A plain-text table: per type, gold and predicted counts, relaxed and value P/R/F1."""
    lines = [
        "type      gold  pred  | relaxed P    R     F1   | value P      R     F1",
    ]
    for kind in (*TIMEX_TYPES, ALL_TYPES):
        s = scores.get(kind, TimexScore())
        rp, rr, rf = s.relaxed
        vp, vr, vf = s.value
        lines.append(
            f"{kind:<9}{s.gold:>5} {s.predicted:>5}  |  {rp:.3f} {rr:.3f} {rf:.3f}"
            f"  |  {vp:.3f} {vr:.3f} {vf:.3f}"
        )
    if verbose:
        for kind in TIMEX_TYPES:
            for line in scores.get(kind, TimexScore()).misses:
                lines.append(f"{kind} {line}")
    return "\n".join(lines)


def timeml_report_dict(scores: dict[str, TimexScore]) -> dict[str, dict[str, float | int]]:
    """The scores as JSON-ready dicts."""
    out: dict[str, dict[str, float | int]] = {}
    for kind, s in scores.items():
        rp, rr, rf = s.relaxed
        vp, vr, vf = s.value
        out[kind] = {
            "gold": s.gold,
            "predicted": s.predicted,
            "relaxed_precision": round(rp, 4),
            "relaxed_recall": round(rr, 4),
            "relaxed_f1": round(rf, 4),
            "value_precision": round(vp, 4),
            "value_recall": round(vr, 4),
            "value_f1": round(vf, 4),
        }
    return out
