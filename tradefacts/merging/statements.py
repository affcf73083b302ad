"""Statements: per speaker, the wordings of one quote cluster together (a shared five-word
run, or a short quote found whole in a longer one) and fuse into one statement whose
``variants`` keep every wording with its sources."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Hashable
from functools import lru_cache

from ..models import MergedStatement, Variant
from .atoms import Atom, cluster_by_keys
from .fusion import Fused, Fusion, best, votes
from .reports import construct
from .runs import in_order

_MAX_QUOTE_NGRAM = 5

_SPELLING_RULES = (
    (re.compile(r"(?<=\w{3})our\b"), "or"),  # honour -> honor, labour -> labor
    (re.compile(r"(?<=\w{2})is(e|es|ed|ing|ation|ations)\b"), r"iz\1"),  # organise -> organize
    (re.compile(r"(?<=\w{3})tre\b"), "ter"),  # centre -> center
    (re.compile(r"aluminium"), "aluminum"),
)


@lru_cache(maxsize=65536)
def quote_tokens(text: str) -> tuple[str, ...]:
    """Return the comparison tokens of a quote: folded case, accents, quotes and spelling."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    folded = folded.replace("'", "").replace("\u2019", "")
    for pattern, replacement in _SPELLING_RULES:
        folded = pattern.sub(replacement, folded)
    return tuple(re.findall(r"[a-z0-9]+", folded))


def _quote_keys(tokens: tuple[str, ...], short: set[tuple[str, ...]]) -> list[Hashable]:
    """Return keys two wordings of one quote share: a common 5-word run, or a short quote
    (2-4 words, one of ``short``) found whole inside the other."""
    if len(tokens) < 2:
        return [("short", tokens)]
    keys: list[Hashable] = [
        ("run", tokens[i : i + _MAX_QUOTE_NGRAM]) for i in range(len(tokens) - _MAX_QUOTE_NGRAM + 1)
    ]
    for size in range(2, min(_MAX_QUOTE_NGRAM, len(tokens) + 1)):
        for i in range(len(tokens) - size + 1):
            if tokens[i : i + size] in short:
                keys.append(("short", tokens[i : i + size]))
    return keys


def _cluster_wordings(atoms: list[Atom]) -> list[list[Atom]]:
    """Return clusters of one speaker's statements that are wordings of the same quote."""
    short = {
        quote_tokens(a.values["text"])
        for a in atoms
        if 2 <= len(quote_tokens(a.values["text"])) < _MAX_QUOTE_NGRAM
    }

    keys_by_text: dict[str, list[Hashable]] = {}

    def keys(atom: Atom) -> list[Hashable]:
        text = atom.values["text"]
        if text not in keys_by_text:
            tokens = quote_tokens(text)
            keys_by_text[text] = _quote_keys(tokens, short) if tokens else [("raw", text)]
        return keys_by_text[text]

    return cluster_by_keys(atoms, keys)


def cluster_statements(atoms: list[Atom]) -> list[list[Atom]]:
    """Return statement clusters: per speaker, wordings of the same quote."""
    by_speaker: dict[str, list[Atom]] = defaultdict(list)
    for atom in atoms:
        by_speaker[atom.values["speaker"] or ""].append(atom)
    clusters = []
    for speaker in sorted(by_speaker):
        clusters.extend(_cluster_wordings(by_speaker[speaker]))
    return clusters


def fuse_statement(atoms: list[Atom], names: dict[str, str]) -> Fused:
    """Return the statement of a cluster: its fullest wording, the speaker's display name from
    ``names`` (entity id -> name) when the speaker is a known entity."""
    fusion = Fusion()
    wordings = votes(atoms, "text")
    text = min(wordings, key=lambda t: (-len(quote_tokens(t)), -len(wordings[t]), -len(t), t))
    speaker = atoms[0].values["speaker"]
    speaker_name = names.get(speaker) if speaker else None
    if speaker_name is None:
        speaker_name = best(votes(atoms, "speaker_name"))
    statement = construct(
        MergedStatement,
        speaker=speaker,
        speaker_name=speaker_name,
        text=text,
        kind=fusion.choose(atoms, "kind"),
        **fusion.provenance(atoms, "statement"),
        variants=tuple(
            Variant(text=t, sources=in_order(s, fusion.sources(atoms)))
            for t, s in sorted(wordings.items())
        ),
    )
    return statement, fusion.conflicts
