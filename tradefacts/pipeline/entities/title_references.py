"""Title-only references ("the US president") resolved to a person the article names."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from ..document import Mention
from .lines import blocked
from .state import DocState, PersonRecord, TitlePhrase
from .titles import (
    holds_leader_role,
    is_country_leader,
    qualified,
    refers_to_person,
    role_matches,
)
from .tokens import char_range, in_ranges, token_at, token_table


def _roles_of(p: PersonRecord) -> list[str | None]:
    roles = [p.role] + ([p.official.role] if p.official else [])
    return roles + (list(p.official.roles) if p.official else [])


def _role_candidates(
    state: DocState, role: str, head: str, country: str | None
) -> list[PersonRecord]:
    out = []
    for p in state.persons.values():
        if not any(role_matches(r, role, head) for r in _roles_of(p)):
            continue
        if country and p.country and p.country != country:
            continue
        out.append(p)
    return out


def _leader_candidates(state: DocState, country: str) -> list[PersonRecord]:
    """The article's heads of state or government of ``country`` ("the Thai leader")."""
    return [
        p
        for p in state.persons.values()
        if p.country == country
        and holds_leader_role(state.g, [*_roles_of(p), *state.text_roles.get(p.id, [])])
    ]


def _title_only(state: DocState, phrase: TitlePhrase) -> bool:
    """A title phrase that refers by itself ("the US president"), not one before a name."""
    doc = state.doc
    if not refers_to_person(state.g, phrase):
        return False
    if phrase.end in state.person_starts or qualified(doc, phrase.end):
        return False
    if any(i in state.taken for i in range(phrase.start, phrase.end)):
        return False
    before = doc[phrase.start - 1] if phrase.start > 0 else None
    definite = before is not None and before.lower_ in ("the", "this")
    return definite or phrase.country is not None and not (before and before.lower_ in ("a", "an"))


def add_title_mentions(state: DocState, titles: list[TitlePhrase]) -> None:
    """Title-only phrases that name an article person get a ``title`` mention."""
    doc = state.doc
    state.index_persons()
    _drop_orgs_inside(
        state,
        [char_range(doc, p.start, p.end) for p in titles if p.head in state.g.person_heads],
    )
    for phrase in titles:
        if not _title_only(state, phrase):
            continue
        start_char, end_char = char_range(doc, phrase.start, phrase.end)
        if blocked(state, start_char, end_char):
            continue
        person = resolve_title(state, phrase, start_char)
        if person is not None:
            state.mentions.append(Mention(start_char, end_char, person.id, "title"))


def _drop_orgs_inside(state: DocState, ranges: list[tuple[int, int]]) -> None:
    """ "Treasury" in "Treasury Secretary Scott Bessent" is part of a title, not the org."""
    ents = state.entities
    ranges.sort()
    state.mentions = [
        m
        for m in state.mentions
        if ents[m.entity_id].type != "organization" or not in_ranges(ranges, m.start, m.end)
    ]


def resolve_title(state: DocState, phrase: TitlePhrase, at_char: int) -> PersonRecord | None:
    """The article person holding the phrase's role (most recent before, else first after)."""
    cands = _role_candidates(state, phrase.role, phrase.head, phrase.country)
    if not cands and phrase.country and is_country_leader(state.g, phrase):
        cands = _leader_candidates(state, phrase.country)
    if len(cands) > 1:
        cands = _not_clause_mates(state, phrase, cands) or cands
    if len(cands) > 1:
        titled = [
            p
            for p in cands
            if any(
                role_matches(r, phrase.role, phrase.head) for r in state.text_roles.get(p.id, [])
            )
        ]
        cands = titled or cands
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    best_before: tuple[int, PersonRecord] | None = None
    best_after: tuple[int, PersonRecord] | None = None
    for p in cands:
        starts = state.positions.get(p.id, [])
        k = bisect.bisect_left(starts, at_char)
        if k > 0 and (best_before is None or starts[k - 1] > best_before[0]):
            best_before = (starts[k - 1], p)
        if k < len(starts) and (best_after is None or starts[k] < best_after[0]):
            best_after = (starts[k], p)
    if best_before is not None:
        return best_before[1]
    return best_after[1] if best_after is not None else cands[0]


def _not_clause_mates(
    state: DocState, phrase: TitlePhrase, cands: list[PersonRecord]
) -> list[PersonRecord]:
    """The candidates not named in the title's own clause: in "Speaking alongside Mr Modi, the
    prime minister said" or "Modi met the prime minister", the title is someone else. A name
    in apposition to the title ("the prime minister, Keir Starmer,") stays."""
    doc = state.doc
    root = _phrase_root(doc, phrase)
    verb = _clause_verb(root)
    if verb is None:
        return cands
    sent_start, sent_end = root.sent.start, root.sent.end
    table = token_table(doc)
    first_char, end_char = table.starts[sent_start], table.starts[sent_end - 1] + 1
    kept = []
    for p in cands:
        starts = state.positions.get(p.id, [])
        k = bisect.bisect_left(starts, first_char)
        mates = False
        while k < len(starts) and starts[k] < end_char:
            tok = doc[token_at(doc, starts[k])]
            k += 1
            if phrase.start <= tok.i < phrase.end or not verb.is_ancestor(tok):
                continue
            mates = mates or not (root.is_ancestor(tok) or _in_reported_clause(verb, tok))
        if not mates:
            kept.append(p)
    return kept


#: Clauses that carry a verb's content, not its participants ("Trump's decision will stand,
#: the president said": a person named there may be the speaker).
CONTENT_DEPS = ("ccomp", "parataxis")


def _in_reported_clause(verb: Token, tok: Token) -> bool:
    """True when ``tok`` sits in a content clause of ``verb`` rather than in its own clause."""
    node = tok
    while node.head.i != verb.i and node.head.i != node.i:
        node = node.head
    return node.head.i == verb.i and node.dep_ in CONTENT_DEPS


def _phrase_root(doc: Doc, phrase: TitlePhrase) -> Token:
    """The syntactic head of a title phrase (the token whose head lies outside it)."""
    for i in range(phrase.start, phrase.end):
        head = doc[i].head
        if head.i == i or not phrase.start <= head.i < phrase.end:
            return doc[i]
    return doc[phrase.end - 1]


def _clause_verb(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` (the clause it is an argument of), or None."""
    node = tok
    for _ in range(40):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None
