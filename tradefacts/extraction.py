"""Extraction: run the pipeline over a ``Source`` and assemble an ``ArticleFacts``."""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from spacy.tokens import Doc

from .errors import InputError, TradefactsError
from .models import (
    ArticleFacts,
    Entity,
    Evidence,
    Quantity,
    Statement,
    TariffRate,
    TimeExpression,
    TradeEvent,
)
from .pipeline.document import EntityInfo, doc_text, in_clutter, register_extensions
from .pipeline.document import evidence as make_evidence
from .pipeline.nlp import get_nlp, one_blas_thread
from .reading import Source, chunk_spans, parse_published, read_source

#: Characters parsed in one ``nlp.pipe`` batch (spaCy's peak memory follows this).
MAX_BATCH_CHARS = 100_000

Fact = TypeVar("Fact", Quantity, TariffRate, Statement, TradeEvent, TimeExpression)


def extract(
    path: str | Path, *, published: dt.date | str | None = None, doc_id: str | None = None
) -> ArticleFacts:
    """Facts of the article at ``path`` (``.txt`` or ``.html``); ``doc_id`` defaults to its name."""
    return extract_source(read_source(path, doc_id=doc_id, published=published))


def extract_text(text: str, *, doc_id: str, published: dt.date | str | None = None) -> ArticleFacts:
    """Facts of an article given as a string."""
    if not isinstance(text, str):
        raise InputError(f"extract_text expects a str, got {type(text).__name__}")
    return extract_source(Source(text=text, doc_id=doc_id, published=parse_published(published)))


def extract_source(source: Source) -> ArticleFacts:
    """Facts of one ``Source``."""
    return next(_extract_sources(iter([source]), batch_size=1))


@dataclass(frozen=True)
class ItemError:
    """An input of ``extract_many`` that could not be extracted, and why."""

    index: int
    doc_id: str
    error: TradefactsError

    @property
    def message(self) -> str:
        return str(self.error)


Item = str | Path | Source | tuple[str, str]


def extract_many(
    items: Iterable[Item],
    *,
    published: dt.date | str | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    errors: list[ItemError] | None = None,
    progress: bool = False,
) -> Iterator[ArticleFacts]:
    """ArticleFacts for many inputs, in input order, parsed in batches with ``nlp.pipe``.

    An item is a path (``Path``, or a ``str`` naming a file: no newline and an existing file or
    a ``.txt``/``.html``/``.htm`` suffix), a ``(doc_id, text)`` pair, a ``Source``, or else a
    ``str`` taken as the text itself (doc_id ``text-<digest of the text>``: ``text_doc_id``).
    An item that fails (missing, binary...) does not stop the batch: it is skipped and an
    ``ItemError`` is appended to ``errors`` when given, otherwise reported with
    ``warnings.warn``. ``n_process > 1`` runs that many worker processes, each with its own
    pipeline. An article's facts depend only on its text, doc_id and reference date, never on
    the batch it is parsed in (``tests/test_determinism.py``).
    """
    ref = parse_published(published)
    sources = _sources(items, ref, errors)
    if progress:
        sources = _with_progress(sources, items)
    if n_process > 1:
        yield from _extract_parallel(sources, n_process, batch_size)
        return
    yield from _extract_sources(sources, batch_size)


def _extract_sources(sources: Iterator[Source], batch_size: int) -> Iterator[ArticleFacts]:
    """Parse the chunks of every source in batches; yield each source's facts once complete."""
    nlp = get_nlp()
    chunked = ((doc, src) for src in sources for doc in _chunk_docs(nlp.make_doc, src))
    pending: list[_Digest] = []
    for batch in _char_batches(chunked, batch_size, MAX_BATCH_CHARS):
        with one_blas_thread():
            parsed = list(nlp.pipe(batch, as_tuples=True, batch_size=len(batch)))
        for doc, src in parsed:
            pending.append(_digest(doc))
            if doc._.base_offset + len(doc_text(doc)) >= len(src.text):
                yield _assemble(src, pending)
                pending = []


def _char_batches(
    pairs: Iterator[tuple[Doc, Source]], max_docs: int, max_chars: int
) -> Iterator[list[tuple[Doc, Source]]]:
    """Batches of at most ``max_docs`` docs and about ``max_chars`` characters: the parser's
    working memory grows with the characters in a batch, not the number of docs."""
    batch: list[tuple[Doc, Source]] = []
    chars = 0
    for pair in pairs:
        size = len(doc_text(pair[0]))
        if batch and (len(batch) >= max_docs or chars + size > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(pair)
        chars += size
    if batch:
        yield batch


def _sources(
    items: Iterable[Item], published: dt.date | None, errors: list[ItemError] | None
) -> Iterator[Source]:
    for index, item in enumerate(items):
        try:
            yield _to_source(item, index, published)
        except TradefactsError as exc:
            failure = ItemError(index=index, doc_id=_item_name(item, index), error=exc)
            if errors is None:
                warnings.warn(f"skipped item {index}: {exc}", stacklevel=3)
            else:
                errors.append(failure)


def _to_source(item: Item, index: int, published: dt.date | None) -> Source:
    if isinstance(item, Source):
        return item
    if isinstance(item, tuple) and len(item) == 2:
        doc_id, text = item
        if not isinstance(text, str):
            raise InputError(f"item {index}: text must be a str, got {type(text).__name__}")
        return Source(text=text, doc_id=str(doc_id), published=published)
    if isinstance(item, Path) or (isinstance(item, str) and _looks_like_path(item)):
        return read_source(item, published=published)
    if isinstance(item, str):
        return Source(text=item, doc_id=text_doc_id(item), published=published)
    raise InputError(f"item {index}: expected a path, a text or (doc_id, text), got {item!r:.60}")


def text_doc_id(text: str) -> str:
    """The doc_id of an article given only as its text: the same whatever batch, Dask
    partition or position it arrives in (an index would repeat across partitions)."""
    digest = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
    return f"text-{digest[:16]}"


def _looks_like_path(value: str) -> bool:
    if "\n" in value or len(value) > 1024:
        return False
    return Path(value).suffix.lower() in (".txt", ".html", ".htm") or Path(value).exists()


def _item_name(item: object, index: int) -> str:
    if isinstance(item, Path):
        return item.name
    if isinstance(item, str):
        return Path(item).name if _looks_like_path(item) else text_doc_id(item)
    return f"item-{index}"


def _with_progress(sources: Iterator[Source], items: Iterable[Item]) -> Iterator[Source]:
    from tqdm import tqdm

    total = len(items) if isinstance(items, Sized) else None
    yield from tqdm(sources, total=total, file=sys.stderr, unit="article", leave=False)


def _extract_parallel(
    sources: Iterator[Source], n_process: int, batch_size: int
) -> Iterator[ArticleFacts]:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=n_process) as pool:
        batches = _batched(sources, batch_size)
        for batch in pool.map(_extract_batch, batches):
            yield from batch


def _extract_batch(sources: list[Source]) -> list[ArticleFacts]:
    return list(extract_many(sources, batch_size=len(sources) or 1))


def _batched(sources: Iterator[Source], size: int) -> Iterator[list[Source]]:
    batch: list[Source] = []
    for src in sources:
        batch.append(src)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _chunk_docs(make_doc: Callable[[str], Doc], source: Source) -> Iterator[Doc]:
    register_extensions()
    for start, end in chunk_spans(source.text):
        doc = make_doc(source.text[start:end])
        doc._.doc_id = source.doc_id
        doc._.base_offset = start
        doc._.reference_date = source.published
        yield doc


@dataclass
class _Digest:
    """What assembly needs from one parsed chunk, so the ``Doc`` itself can be dropped."""

    entities: dict[str, EntityInfo]
    named: list[tuple[str, Evidence]]
    pronouns: list[tuple[str, Evidence]]
    facts: dict[str, list[Any]]


_FACT_ATTRS = ("quantities", "tariffs", "statements", "events", "timexes")


def _digest(doc: Doc) -> _Digest:
    known = doc._.entities or {}
    named: list[tuple[str, Evidence]] = []
    pronouns: list[tuple[str, Evidence]] = []
    for m in doc._.mentions or []:
        if m.entity_id in known and not in_clutter(doc, m.start, m.end):
            bucket = pronouns if m.kind == "pronoun" else named
            bucket.append((m.entity_id, make_evidence(doc, m.start, m.end)))
    facts = {
        attr: list(getattr(doc._, attr) or []) if doc.has_extension(attr) else []
        for attr in _FACT_ATTRS
    }
    return _Digest(dict(known), named, pronouns, facts)


def assemble(source: Source, docs: Iterable[Doc]) -> ArticleFacts:
    """Turn the annotated chunk docs of one source into an ``ArticleFacts``."""
    return _assemble(source, [_digest(doc) for doc in docs])


def _assemble(source: Source, digests: list[_Digest]) -> ArticleFacts:
    return ArticleFacts(
        doc_id=source.doc_id,
        published=source.published,
        entities=tuple(_entities(digests)),
        quantities=_facts(digests, "quantities", Quantity),
        tariffs=_facts(digests, "tariffs", TariffRate),
        statements=_facts(digests, "statements", Statement),
        events=_facts(digests, "events", TradeEvent),
        dates=_facts(digests, "timexes", TimeExpression),
    ).with_source_text(source.text)  # kept for display, never in the JSON


def _entities(digests: list[_Digest]) -> list[Entity]:
    """Entities with evidence from their mentions outside clutter (pronouns as a last resort)."""
    infos: dict[str, EntityInfo] = {}
    named: dict[str, list[Evidence]] = {}
    pronouns: dict[str, list[Evidence]] = {}
    for dg in digests:
        for bucket, mentions in ((named, dg.named), (pronouns, dg.pronouns)):
            for eid, found in mentions:
                infos.setdefault(eid, dg.entities[eid])
                bucket.setdefault(eid, []).append(found)
    out = []
    for eid, info in infos.items():
        ev = _unique_sorted(named.get(eid) or pronouns[eid])
        seen = {e.text for e in named.get(eid, [])} | set(info.aliases)
        out.append(
            Entity(
                id=eid,
                name=info.name,
                type=info.type,  # type: ignore[arg-type]
                country=info.country,
                role=info.role,
                aliases=tuple(sorted(seen - {info.name})),
                evidence=ev,
            )
        )
    return sorted(out, key=lambda e: (e.evidence[0].start, e.id))


def _facts(digests: list[_Digest], attr: str, _kind: type[Fact]) -> tuple[Fact, ...]:
    """Facts stored on ``doc._.<attr>``, read twice -> once with all evidence, in text order."""
    grouped: dict[Fact, list[Evidence]] = {}
    exact: set[Fact] = set()
    for dg in digests:
        for fact in dg.facts[attr]:
            if not fact.evidence:
                continue  # a fact we cannot ground we do not emit
            # one amount stated "up to $800" and "$800" is one quantity, exact if once exact
            approximate = bool(getattr(fact, "approximate", False))
            update: dict[str, Any] = {"evidence": ()}
            if isinstance(fact, Quantity):
                update["approximate"] = False
            key = fact.model_copy(update=update)
            grouped.setdefault(key, []).extend(fact.evidence)
            if not approximate:
                exact.add(key)
    facts = [
        k.model_copy(update={"evidence": _unique_sorted(ev)})
        if not isinstance(k, Quantity) or k in exact
        else k.model_copy(update={"evidence": _unique_sorted(ev), "approximate": True})
        for k, ev in grouped.items()
    ]
    return tuple(sorted(facts, key=lambda f: (f.evidence[0].start, f.evidence[0].end)))


def _unique_sorted(evidence: list[Evidence]) -> tuple[Evidence, ...]:
    return tuple(sorted(set(evidence), key=lambda e: (e.start, e.end, e.doc_id)))


__all__ = ["ItemError", "assemble", "extract", "extract_many", "extract_source", "extract_text"]
