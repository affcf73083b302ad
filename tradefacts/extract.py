"""Extraction: run the pipeline over a ``Source`` and assemble an ``ArticleFacts``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from spacy.tokens import Doc

from .document import in_clutter, register_extensions
from .errors import InputError, TradefactsError
from .models import ArticleFacts, Entity, Evidence, Quantity, Statement, TariffRate, TradeEvent
from .nlp import get_nlp
from .reading import Source, chunk_spans, parse_published, read_source

F = TypeVar("F", Quantity, TariffRate, Statement, TradeEvent)


def extract(
    path: str | Path, *, published: dt.date | str | None = None, doc_id: str | None = None
) -> ArticleFacts:
    """Facts of the article at ``path`` (``.txt`` or ``.html``); ``doc_id`` defaults to its name."""
    return extract_source(read_source(path, doc_id=doc_id, published=published))


def extract_text(
    text: str, *, doc_id: str, published: dt.date | str | None = None
) -> ArticleFacts:
    """Facts of an article given as a string."""
    if not isinstance(text, str):
        raise InputError(f"extract_text expects a str, got {type(text).__name__}")
    return extract_source(Source(text=text, doc_id=doc_id, published=parse_published(published)))


def extract_source(source: Source) -> ArticleFacts:
    """Facts of one ``Source``."""
    return assemble(source, list(_parse(source)))


def _parse(source: Source) -> Iterator[Doc]:
    nlp = get_nlp()
    return nlp.pipe(_prepared(nlp.make_doc, source))


def _prepared(make_doc: Callable[[str], Doc], source: Source) -> Iterator[Doc]:
    register_extensions()
    for start, end in chunk_spans(source.text):
        doc = make_doc(source.text[start:end])
        doc._.doc_id = source.doc_id
        doc._.base_offset = start
        doc._.reference_date = source.published
        yield doc


def assemble(source: Source, docs: list[Doc]) -> ArticleFacts:
    """Turn the annotated chunk docs of one source into an ``ArticleFacts``."""
    return ArticleFacts(
        doc_id=source.doc_id,
        published=source.published,
        entities=tuple(_entities(docs)),
        quantities=_facts(docs, "quantities"),
        tariffs=_facts(docs, "tariffs"),
        statements=_facts(docs, "statements"),
        events=_facts(docs, "events"),
    )


def _entities(docs: list[Doc]) -> list[Entity]:
    infos: dict[str, object] = {}
    evidence: dict[str, list[Evidence]] = {}
    from .document import evidence as make_evidence

    for doc in docs:
        for m in doc._.mentions or []:
            if in_clutter(doc, m.start, m.end) or m.entity_id not in (doc._.entities or {}):
                continue
            infos.setdefault(m.entity_id, doc._.entities[m.entity_id])
            evidence.setdefault(m.entity_id, []).append(make_evidence(doc, m.start, m.end))
    out = []
    for eid, info in infos.items():
        ev = _unique_sorted(evidence[eid])
        aliases = sorted({e.text for e in ev} | set(info.aliases) - {info.name})  # type: ignore[attr-defined]
        out.append(
            Entity(
                id=eid,
                name=info.name,  # type: ignore[attr-defined]
                type=info.type,  # type: ignore[attr-defined]
                country=info.country,  # type: ignore[attr-defined]
                role=info.role,  # type: ignore[attr-defined]
                aliases=tuple(aliases),
                evidence=ev,
            )
        )
    return sorted(out, key=lambda e: (e.evidence[0].start, e.id))


def _facts(docs: list[Doc], attr: str) -> tuple:  # type: ignore[type-arg]
    """Facts stored on ``doc._.<attr>``, read twice -> once with all evidence, in text order."""
    grouped: dict[object, list[Evidence]] = {}
    for doc in docs:
        for fact in getattr(doc._, attr) or []:
            if not fact.evidence:
                continue  # a fact we cannot ground we do not emit
            key = fact.model_copy(update={"evidence": ()})
            grouped.setdefault(key, []).extend(fact.evidence)
    facts = [k.model_copy(update={"evidence": _unique_sorted(ev)}) for k, ev in grouped.items()]
    return tuple(sorted(facts, key=lambda f: (f.evidence[0].start, f.evidence[0].end)))


def _unique_sorted(evidence: list[Evidence]) -> tuple[Evidence, ...]:
    return tuple(sorted(set(evidence), key=lambda e: (e.start, e.end, e.doc_id)))


__all__ = ["extract", "extract_text", "extract_source", "assemble", "TradefactsError"]
