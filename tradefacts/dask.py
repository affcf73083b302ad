"""Extract, merge and group large corpora on Dask (``pip install "tradefacts[dask]"``).

``extract_bag`` parses partitions of articles with ``extract_many`` on the workers (each
worker process builds its spaCy pipeline once and reuses it); ``merge_bag`` merges with a
tree reduction, relying on ``merge`` accepting ``CanonicalRecord`` inputs, so no step holds
every article's facts; ``group_bag`` clusters small per-article profiles on the client and
merges each group on the workers. Works with any scheduler: the default one, a
``distributed.Client`` on a ``LocalCluster`` or an existing cluster.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DaskNotInstalledError, TradefactsError
from .models import ArticleFacts, CanonicalRecord

if TYPE_CHECKING:
    from dask.bag import Bag

    from .extraction import Item, ItemError

#: Articles per partition: small enough to spread work, large enough for ``nlp.pipe``.
PARTITION_SIZE = 8
#: How many partial records one reduction step merges.
SPLIT_EVERY = 8


def _bag_module() -> Any:
    try:
        import dask.bag as db
    except ImportError as exc:
        raise DaskNotInstalledError(
            'Dask is not installed: pip install "tradefacts[dask]" (dask[bag] and distributed)'
        ) from exc
    return db


def extract_bag(
    paths_or_bag: Iterable[Item] | Bag,
    *,
    published: dt.date | str | None = None,
    partition_size: int = PARTITION_SIZE,
    with_errors: bool = False,
) -> Bag:
    """A lazy ``dask.bag.Bag`` of the ``ArticleFacts`` of each input, in input order.

    Inputs are what ``extract_many`` accepts (paths readable by the workers, ``(doc_id,
    text)`` pairs, ``Source`` objects) or a Bag of them. A bad item is skipped; with
    ``with_errors=True`` the bag also holds an ``ItemError`` for it whose ``doc_id`` is the
    path as given and whose ``index`` is its position in the input.
    """
    from .reading import parse_published

    db = _bag_module()
    ref = parse_published(published)
    if isinstance(paths_or_bag, db.Bag):
        indexed = paths_or_bag.map_partitions(_number_partition)
    else:
        items = list(paths_or_bag)
        indexed = db.from_sequence(list(enumerate(items)), partition_size=max(1, partition_size))
    results = indexed.map_partitions(_extract_partition, ref)
    return results if with_errors else results.filter(_is_facts)


def _number_partition(items: Iterable[Any]) -> list[tuple[int, Any]]:
    # Positions inside the partition only: the bag's own order is kept by Dask.
    return list(enumerate(items))


def _is_facts(item: object) -> bool:
    return isinstance(item, ArticleFacts)


def _extract_partition(
    pairs: Iterable[tuple[int, Item]], published: dt.date | None
) -> list[ArticleFacts | ItemError]:
    """Runs on a worker: ``extract_many`` over one partition, errors kept in place."""
    from .extraction import ItemError, extract_many

    indexed = list(pairs)
    errors: list[ItemError] = []
    # extract_many fills ``errors`` as it goes: run it to the end first.
    facts = iter(list(extract_many([i for _, i in indexed], published=published, errors=errors)))
    failed = {error.index: error for error in errors}
    out: list[ArticleFacts | ItemError] = []
    for local, (index, item) in enumerate(indexed):
        if local in failed:
            name = str(item) if isinstance(item, str | Path) else failed[local].doc_id
            out.append(ItemError(index=index, doc_id=name, error=failed[local].error))
        else:
            out.append(next(facts))
    return out


def _merge_partition(items: Iterable[ArticleFacts | CanonicalRecord]) -> CanonicalRecord:
    from .merging import merge

    # dates are resolved once, from every article, in _resolve_dates
    return merge(list(items), resolve_dates=False)


def _resolve_dates(record: CanonicalRecord) -> CanonicalRecord:
    from .merging import resolve_dates

    return resolve_dates(record)


def merge_bag(bag: Bag, *, split_every: int = SPLIT_EVERY) -> Bag | Any:
    """A lazy Dask object (``.compute()`` it) of the ``CanonicalRecord`` of a bag of facts.

    Each partition is merged on its worker, then partial records are merged ``split_every`` at
    a time up a tree; weekday dates are resolved across articles only in a last merge of the
    whole record, so the result equals ``tradefacts.merge`` of all the facts also when
    articles have no reference date.
    """
    _bag_module()
    unresolved = bag.reduction(
        _merge_partition, _merge_partition, split_every=split_every, name="tradefacts-merge"
    )
    return unresolved.apply(_resolve_dates)


def group_bag(bag: Bag, *, split_every: int = SPLIT_EVERY) -> list[CanonicalRecord]:
    """``tradefacts.group`` of a bag of ``ArticleFacts``, computed on the bag's scheduler.

    Profiles (small) are computed on the workers and clustered here; each group's records are
    merged on the workers with a tree reduction per group, and each group's dates are resolved
    in a last merge here. Returns the records, largest first.
    """
    from .merging import resolve_dates
    from .merging.grouping import cluster_profiles, profile, record_order

    _bag_module()
    profiles = sorted(bag.map(profile).compute(), key=lambda p: p.key)
    labels: dict[str, int] = {}
    for number, members in enumerate(cluster_profiles(profiles)):
        for index in members:
            labels[profiles[index].key] = number
    if not labels:
        return []
    from dask import delayed

    # One copy of the labels in the graph, not one per partition.
    keyed = bag.map_partitions(_merge_by_group, delayed(labels, traverse=False))
    merged = keyed.foldby(
        _first,
        _merge_pair,
        None,
        _merge_pair,
        None,
        split_every=split_every,
    ).compute()
    # partial merges leave relative dates open: resolve them from the whole group
    return sorted((resolve_dates(record) for _, (_, record) in merged), key=record_order)


def _timeline_partition(items: Iterable[Any]) -> Any:
    from .timelines import timeline

    return timeline(list(items))


def timeline_bag(bag: Bag, *, split_every: int = SPLIT_EVERY) -> Bag | Any:
    """A lazy Dask object (``.compute()`` it) of the ``Timeline`` of a bag of ``ArticleFacts``
    (or records, or timelines): each partition's timeline is built on its worker, then
    timelines are folded ``split_every`` at a time, so no step holds every article's facts.
    Equals ``tradefacts.timeline`` of all the items."""
    _bag_module()
    return bag.reduction(
        _timeline_partition,
        _timeline_partition,
        split_every=split_every,
        name="tradefacts-timeline",
    )


def _first(pair: tuple[int, CanonicalRecord]) -> int:
    return pair[0]


def _merge_by_group(
    items: Iterable[ArticleFacts], labels: dict[str, int]
) -> list[tuple[int, CanonicalRecord]]:
    """Runs on a worker: one merged record per group present in this partition."""
    from .merging import merge
    from .merging.grouping import profile_key

    by_group: dict[int, list[ArticleFacts]] = defaultdict(list)
    for facts in items:
        by_group[labels[profile_key(facts)]].append(facts)
    return [
        (number, merge(found, resolve_dates=False)) for number, found in sorted(by_group.items())
    ]


def _merge_pair(
    first: tuple[int, CanonicalRecord] | None, second: tuple[int, CanonicalRecord] | None
) -> tuple[int, CanonicalRecord] | None:
    from .merging import merge

    if first is None:
        return second
    if second is None:
        return first
    return first[0], merge(first[1], second[1], resolve_dates=False)


def split_results(results: Sequence[Any]) -> tuple[list[ArticleFacts], list[ItemError]]:
    """Split a computed ``extract_bag(..., with_errors=True)`` into facts and errors."""
    facts = [item for item in results if isinstance(item, ArticleFacts)]
    errors = [item for item in results if not isinstance(item, ArticleFacts)]
    return facts, errors


def connect(address: str) -> Any:
    """A ``distributed.Client``: ``"local"`` starts a LocalCluster of this machine's cores
    (one single-threaded worker process per core), anything else is a scheduler address."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise DaskNotInstalledError(
            'dask.distributed is not installed: pip install "tradefacts[dask]"'
        ) from exc
    if address == "local":
        import os

        cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True)
        return Client(cluster)
    try:
        return Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise TradefactsError(f"cannot reach the Dask scheduler at {address}: {exc}") from None


def persist_extraction(
    client: Any, items: Sequence[Item], *, progress: bool = False
) -> tuple[Bag, list[ItemError]]:
    """Extract ``items`` on ``client``'s cluster; the facts stay there as a persisted Bag.

    Returns that Bag and the items that failed. ``progress`` draws a bar on stderr as
    partitions finish (nothing is fetched to draw it).
    """
    import sys

    from distributed import as_completed, futures_of

    _bag_module()
    results = client.persist(extract_bag(items, with_errors=True))
    if progress:
        from tqdm import tqdm

        futures = futures_of(results)
        with tqdm(total=len(futures), file=sys.stderr, unit="partition", leave=False) as bar:
            for _ in as_completed(futures):
                bar.update(1)
    errors = results.filter(lambda item: not _is_facts(item)).compute()
    return results.filter(_is_facts), errors
