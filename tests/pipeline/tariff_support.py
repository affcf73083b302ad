"""Test support for tf_tariffs: run the pipeline, filling stage inputs that are not built yet.

While tf_entities / tf_quantities are placeholders (they store nothing), ``annotate`` sets
``doc._.mentions`` / ``doc._.quantities`` from a tiny hand-made gazetteer and percent pattern,
then re-runs tf_tariffs. Once the real stages produce output, their output is used untouched.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from tradefacts.models import Evidence, Quantity
from tradefacts.pipeline.document import EntityInfo, Mention
from tradefacts.pipeline.tariffs import tariffs as tariffs_component

_COUNTRIES = {
    "JPN": ["Japan", "Japanese", "Tokyo"],
    "USA": ["United States", "U.S.", "US", "USA", "America", "American", "Washington"],
    "CHN": ["China", "Chinese", "Beijing"],
    "EUU": ["European Union", "EU", "Brussels"],
    "CAN": ["Canada", "Canadian", "Ottawa"],
    "MEX": ["Mexico", "Mexican"],
    "IND": ["India", "Indian", "New Delhi", "Delhi"],
    "GBR": ["United Kingdom", "Britain", "British", "UK", "London"],
    "KOR": ["South Korea", "Korea", "Korean", "Seoul"],
    "VNM": ["Vietnam", "Vietnamese", "Hanoi"],
    "DEU": ["Germany", "German"],
    "ITA": ["Italy", "Italian"],
    "MYS": ["Malaysia", "Malaysian"],
    "KHM": ["Cambodia"],
    "BRA": ["Brazil", "Brazilian"],
    "AUS": ["Australia", "Australian"],
}
_PERSONS = {
    "donald-trump": ("Donald Trump", "USA", ["Donald Trump", "Trump"]),
    "shigeru-ishiba": ("Shigeru Ishiba", "JPN", ["Shigeru Ishiba", "Ishiba"]),
    "mark-carney": ("Mark Carney", "CAN", ["Mark Carney", "Carney"]),
    "xi-jinping": ("Xi Jinping", "CHN", ["Xi Jinping", "Xi"]),
    "keir-starmer": ("Keir Starmer", "GBR", ["Keir Starmer", "Starmer"]),
    "narendra-modi": ("Narendra Modi", "IND", ["Narendra Modi", "Modi"]),
}
_PERCENT = re.compile(
    r"(?<![\w.])(\d{1,6}(?:\.\d{1,4})?)\s?(%|per\s?cent\b|percent\b|pc\b|pct\b)", re.IGNORECASE
)


def _alias_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for iso, names in _COUNTRIES.items():
        for name in names:
            table[name] = f"country:{iso}"
    for slug, (_, _, names) in _PERSONS.items():
        for name in names:
            table[name] = f"person:{slug}"
    alternatives = "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])"), table


_ALIASES, _ALIAS_IDS = _alias_pattern()


def stub_mentions(doc: Doc) -> None:
    """Set ``doc._.mentions`` / ``doc._.entities`` from the small gazetteer above."""
    mentions, infos = [], {}
    for m in _ALIASES.finditer(doc.text[:2_000_000]):
        eid = _ALIAS_IDS[m.group(0)]
        mentions.append(Mention(m.start(), m.end(), eid, "name"))
        if eid.startswith("country:"):
            iso = eid.split(":")[1]
            infos[eid] = EntityInfo(eid, iso, "country", iso)
        else:
            name, iso, _ = _PERSONS[eid.split(":")[1]]
            infos[eid] = EntityInfo(eid, name, "person", iso)
    doc._.mentions = mentions
    doc._.entities = infos


def stub_percents(doc: Doc) -> None:
    """Set ``doc._.quantities`` to the percents the small pattern above finds."""
    found = []
    text = doc.text
    for m in _PERCENT.finditer(text):
        ev = Evidence(doc_id=doc._.doc_id, start=m.start(), end=m.end(), text=m.group(0))
        found.append(
            Quantity(
                kind="percent",
                value=float(m.group(1)),
                unit="percent",
                text=ev.text,
                evidence=(ev,),
            )
        )
    doc._.quantities = found


def annotate(nlp: Language, text: str, doc_id: str = "test") -> Doc:
    """``text`` through the pipeline, with stub inputs where a stage is still a placeholder."""
    doc = nlp.make_doc(text)
    doc._.doc_id = doc_id
    doc._.base_offset = 0
    doc = nlp(doc)
    refill = False
    if not doc._.quantities and _PERCENT.search(text):
        stub_percents(doc)
        refill = True
    if not doc._.mentions and _ALIASES.search(text):
        stub_mentions(doc)
        refill = True
    return tariffs_component(doc) if refill else doc
