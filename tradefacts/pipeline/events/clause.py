"""The clause of a trigger: its head, its tokens (embedded clauses cut out) and its subjects.

From the trigger we climb the dependency tree through nouns, prepositions and ``xcomp`` verbs up
to the clause head (a root, ``ccomp``, ``advcl``, ``relcl``, ``conj`` verb...). The clause is
the head's subtree on the trigger's line, minus embedded clauses that do not contain the trigger
("flanked by" participles stay).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from .tables import EventData, event_data

#: Dependency labels at which the climb from a trigger to its clause head stops.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "parataxis", "acl", "csubj", "pcomp"})
#: Children whose subtree is a separate clause, cut out of a clause they do not lead to.
EMBEDDED_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "acl", "csubj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def clause_head(token: Token) -> Token:
    """The head of the clause ``token`` belongs to (stops at clause-level dependencies)."""
    current = token
    for _ in range(40):
        if current.dep_ in CLAUSE_DEPS or current.head.i == current.i:
            return current
        if current.dep_ == "conj" and current.pos_ in ("VERB", "AUX"):
            return current
        current = current.head
    return current


def under_framing_prep(token: Token, data: EventData) -> bool:
    """True when a trigger noun only frames another clause: "after the meeting", "ahead of
    talks", "advantage from its negotiations"."""
    current = token
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return False
        if current.dep_ in ("pobj", "pcomp") and head.lower_ in data.framing_preps:
            return True
        if current.dep_ in ("pobj", "pcomp") and head.lower_ in ("of", "to"):
            if head.head.lower_ in data.framing_preps:
                return True
        if current.dep_ not in ("pobj", "pcomp", "prep", "compound", "amod"):
            return False
        current = head
    return False


def path_to(head: Token, token: Token) -> set[int]:
    """Indices of the tokens from ``token`` up to ``head`` (inclusive)."""
    path = {token.i}
    current = token
    for _ in range(60):
        if current.i == head.i or current.head.i == current.i:
            break
        current = current.head
        path.add(current.i)
    return path


def clause_tokens(head: Token, keep: set[int]) -> list[Token]:
    """Subtree of ``head`` without embedded clauses that hold none of the ``keep`` tokens."""
    out: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        out.append(token)
        for child in token.children:
            if child.i not in keep and _is_embedded_clause(child) and not _companion(child):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _companion(token: Token) -> bool:
    """A participle that adds participants: "flanked by X", "accompanied by Y"."""
    return token.dep_ == "acl" and token.lemma_.lower() in event_data().companion_verbs


def _is_embedded_clause(token: Token) -> bool:
    if token.dep_ in EMBEDDED_DEPS:
        return True
    return token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")


def same_line(tokens: list[Token], anchor: Token, newlines: list[int]) -> list[Token]:
    """The tokens on the anchor's line: a parse that runs across a line break (a headline
    glued to the next paragraph) must not join them. ``newlines``: sorted newline offsets."""
    k = bisect.bisect_left(newlines, anchor.idx)
    start = newlines[k - 1] + 1 if k > 0 else 0
    end = newlines[k] if k < len(newlines) else 1 << 62
    return [t for t in tokens if start <= t.idx < end]


def participant_tokens(tokens: list[Token], keep: set[int], triggers: set[int]) -> set[int]:
    """Clause tokens that may name participants: framing prepositional phrases removed."""
    data = event_data()
    inside = {t.i for t in tokens}
    dropped: set[int] = set()
    for token in tokens:
        if token.i in keep or token.dep_ != "prep":
            continue
        word = token.lower_
        members = word == "of" and (
            token.head.i in triggers or token.head.lemma_.lower() in data.collective_nouns
        )
        if word in data.excluded_preps and not members:
            dropped.update(t.i for t in token.subtree)
    return inside - dropped


def subjects(head: Token) -> list[Token]:
    """The subjects of the clause headed by ``head``."""
    return [c for c in head.children if c.dep_ in SUBJECT_DEPS]


def participle_tokens(tokens: list[Token], inside: set[int]) -> set[int]:
    """Tokens of participles on the clause's nouns: "a letter posted on Wednesday" (not on a
    noun that only frames the clause: "following an investigation launched last year")."""
    data = event_data()
    out: set[int] = set()
    for token in tokens:
        for child in token.children:
            if child.dep_ == "acl" and child.i not in inside and child.tag_ == "VBN":
                if not under_framing_prep(token, data):
                    out.update(t.i for t in child.subtree)
    return out
