"""he/she pronouns resolved to the most recent compatible person, preferring sentence subjects."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from ..document import Mention
from .doc_index import DocIndex, sentence_of
from .tokens import token_at, token_range, token_table

PRONOUNS_MALE = {"he", "him", "his", "himself"}
PRONOUNS_FEMALE = {"she", "her", "hers", "herself"}

#: How many preceding person mentions a pronoun looks back over.
PRONOUN_LOOKBACK = 40

#: How many sentences back a pronoun looks for a subject person before taking the latest
#: mention, and how long a chain of pronouns ("Kato ... He said ... He added") it follows.
PRONOUN_SENTENCES = 3
PRONOUN_CHAIN = 3


def resolve_pronoun(
    doc: Doc, index: DocIndex, start: int, gender: str, depth: int = 0
) -> str | None:
    """The person a he/she pronoun at ``start`` refers to: a subject person earlier in its own
    sentence, else the subject of the nearest earlier sentence that has one (objects and
    names inside relative clauses are weaker), else the latest gender-compatible mention."""
    k = bisect.bisect_left(index.starts, start)
    before = [
        m
        for m in index.person_mentions[max(0, k - PRONOUN_LOOKBACK) : k]
        if m.end <= start and m.kind != "pronoun"
    ]
    people = index.persons
    governor = _governing_verb(doc, start)
    compatible = [
        m
        for m in before
        if m.entity_id in people
        and people[m.entity_id].gender in (gender, None)
        and not _inside_clause(doc, index, governor, m)
    ]
    if not compatible:
        return None
    sent_end = _sentence_start(doc, index, start)
    current = [m for m in compatible if m.start >= sent_end and _is_subject(doc, m)]
    if current:
        return current[-1].entity_id
    # the nearest earlier sentence with a subject person (named, or a pronoun resolved in turn)
    for _ in range(PRONOUN_SENTENCES):
        if sent_end <= 0:
            break
        sent_start = _sentence_start(doc, index, sent_end - 1)
        subjects = [
            (m.start, m.entity_id)
            for m in compatible
            if sent_start <= m.start < sent_end and _is_subject(doc, m)
        ]
        if depth < PRONOUN_CHAIN:
            subjects += _pronoun_subjects(doc, index, sent_start, sent_end, gender, depth)
        if subjects:
            return max(subjects)[1]
        sent_end = sent_start
    return compatible[-1].entity_id


def _pronoun_subjects(
    doc: Doc, index: DocIndex, start: int, end: int, gender: str, depth: int
) -> list[tuple[int, str]]:
    """(offset, person) of the subject pronouns of ``gender`` in the char range, resolved."""
    table = token_table(doc)
    forms = PRONOUNS_FEMALE if gender == "f" else PRONOUNS_MALE
    found = []
    for i in range(bisect.bisect_left(table.starts, start), len(table.starts)):
        if table.starts[i] >= end:
            break
        if table.texts[i].lower() in forms and doc[i].dep_ in ("nsubj", "nsubjpass"):
            pid = resolve_pronoun(doc, index, table.starts[i], gender, depth + 1)
            if pid is not None:
                found.append((table.starts[i], pid))
    return found


def _governing_verb(doc: Doc, char: int) -> Token | None:
    """The verb a subject pronoun at ``char`` belongs to ("..., he said" -> said)."""
    tok = doc[token_at(doc, char)]
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i != tok.i:
        return tok.head
    return None


def _inside_clause(doc: Doc, index: DocIndex, verb: Token | None, m: Mention) -> bool:
    """True when the mention sits in the verb's own clause ("Kato will go, he said": Kato)."""
    if verb is None:
        return False
    i = token_at(doc, m.start)
    same_sentence = sentence_of(doc, index, i) == sentence_of(doc, index, verb.i)
    return same_sentence and verb.is_ancestor(doc[i])


def _sentence_start(doc: Doc, index: DocIndex, char: int) -> int:
    """Char offset where the sentence containing ``char`` starts (0 without sentences)."""
    if char <= 0 or not index.has_sents:
        return 0
    first = sentence_of(doc, index, token_at(doc, char))
    return token_table(doc).starts[first]


def _is_subject(doc: Doc, m: Mention) -> bool:
    first, last = token_range(doc, m.start, m.end)
    return any(doc[i].dep_ in ("nsubj", "nsubjpass") for i in range(first, last))
