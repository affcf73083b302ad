"""Reported speech: "X said (that) <clause>" with a person subject and no quote in the clause."""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from ...models import Statement
from ..document import evidence, in_clutter
from .cues import Cues
from .frame import Frame
from .speakers import subject_speaker

CLAUSE_SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl")
MAX_CLAUSE_TOKENS = 80


def indirect_statements(frame: Frame, c: Cues, paras: list[tuple[int, int]]) -> list[Statement]:
    """Reported speech "X said (that) <clause>" with a person subject and no quote in the clause."""
    doc = frame.doc
    ents = doc._.entities or {}
    line_starts = [a for a, _ in paras]
    found = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in c.indirect_verbs:
            continue
        clause = _complement_range(verb, frame)
        subject = next((t for t in verb.lefts if t.dep_ == "nsubj"), None)
        if clause is None or subject is None or frame.quoted[verb.i]:
            continue
        if subject.pos_ != "PROPN" and subject.lower_ not in c.pronouns:
            continue  # "the administration said ...": too vague for reported speech
        start, end = clause
        if len(frame.text[start:end].split()) < c.indirect_min_words:
            continue
        line = bisect.bisect_right(line_starts, subject.idx) - 1
        if line < 0 or end > paras[line][1] or in_clutter(doc, subject.idx, end):
            continue
        speaker = subject_speaker(doc, subject, c.pronouns, frame, institutions=False)
        if speaker is None or not speaker.startswith("person:") or speaker not in ents:
            continue
        found.append(
            Statement(
                speaker=speaker,
                speaker_name=ents[speaker].name,
                text=frame.text[start:end],
                kind="indirect",
                evidence=(evidence(doc, start, end),),
            )
        )
    return found


def _complement_range(verb: Token, frame: Frame) -> tuple[int, int] | None:
    """Char range of the verb's complement clause without "that" and end punctuation."""
    clause = next((t for t in verb.rights if t.dep_ == "ccomp"), None)
    if clause is None:
        return None
    if not any(t.dep_ in CLAUSE_SUBJECT_DEPS and t.i < clause.i for t in clause.lefts):
        return None  # a clause without its own subject is a misparse ("what he said was ...")
    left, right = clause.left_edge.i, clause.right_edge.i
    if right - left > MAX_CLAUSE_TOKENS:
        return None  # reported speech this long is a misparse
    doc = frame.doc
    while left <= right and doc[left].dep_ == "mark":
        left += 1
    while right >= left and doc[right].is_punct:
        right -= 1
    if right < left or left <= verb.i or any(frame.quoted[left : right + 1]):
        return None
    return doc[left].idx, doc[right].idx + len(doc[right])
