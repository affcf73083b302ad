"""Merging many articles' facts into one ``CanonicalRecord`` (pure functions, no spaCy).

Every input fact is first cut into *atoms*: one fact as one source states it (a merged record is
cut back into atoms from its facts' ``reports``, each distinct stated value with its sources, so
merging records gives exactly what merging their articles gives: ``merge`` is a monoid, whatever
the partition and order of a tree reduction; see ``reports``). Atoms are bucketed by a key and
linked inside a bucket (union-find), then each cluster is fused: a field with one voice keeps
it, a disputed field keeps the best-supported value and records a ``Conflict``. Every choice is
by support, then by a fixed order, and every list is sorted by a canonical key, so the record
does not depend on the order of the input.

Scaling (many outlets reporting one fact make clusters of hundreds of atoms): nothing compares
atoms pairwise. Clusters come from shared keys (union-find); quote keys are computed once per
distinct wording; a loose event is compared with per-cluster summaries built once, and alike
loose events decide once; a merged record is cut back into one atom per report holding every
source that states it (evidence sliced per source only where a fact has several reports, and
kept with a report where one source states a fact two ways), so re-merging a record costs its
distinct variants, not its sources times its facts; a merged fact keeps its evidence and sources
sorted, and a later merge joins those sorted runs (``runs``) end to end where they cover
separate documents, as the records of a tree reduction's partitions mostly do; fused facts are
built without re-validating their evidence, and the JSON tie-break of the canonical order is
made only for facts that tie.

Dates resolved across articles (``anchoring``) depend on every article merged; reports keep
the dates as stated, so each merge resolves them again from all its articles. Partial merges
of a tree reduction pass ``resolve_dates=False`` to skip that work, and
``resolve_dates(record)`` then dates the events of the whole record (the same as merging it
once more, at the cost of its events).

Modules: ``canonical`` (``merge``), ``inputs`` (facts and records into atoms), ``atoms``
(atoms, union-find), ``reports`` (what a merged fact keeps of each source's statement),
``runs`` (unions of sorted runs), ``fusion`` (fusing one field: votes,
conflicts, silence), ``entities``,
``quantities``, ``tariffs``, ``statements``, ``events`` (clustering and fusing each kind),
``date_texts`` and ``anchoring`` (dating events across articles), ``grouping`` and
``main_event`` (articles grouped by the event each mainly reports), ``labels`` (conflict labels,
canonical order), ``summary`` (``format_summary``).
"""

from .canonical import merge, resolve_dates
from .statements import quote_tokens
from .summary import format_summary

__all__ = ["format_summary", "merge", "quote_tokens", "resolve_dates"]
