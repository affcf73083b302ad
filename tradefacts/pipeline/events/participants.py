"""Participants of an event: the person and country mentions of its clause.

Framing prepositional phrases ("according to", "on tariffs"), the location and country words
that only modify a non-party noun ("EU tariffs") are left out. Announcements and speeches take
only the verb's subject. Subjects and possessives without a mention (pronouns, titles) go
through ``entities.resolve_person``; government-like subjects ("Beijing", "the ministry") stand
for their country; "the two sides" and a participant-less "next round" are the article's two
main countries; a clause without a subject of its own borrows the governing clause's subject.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from .clause import EMBEDDED_DEPS, SUBJECT_DEPS, clause_head, clause_tokens, subjects
from .context import ArticleContext
from .tables import EventData, event_data
from .triggers import Trigger

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
#: Subject pronouns of an adverbial or conjoined clause that stand for the governing clause's
#: subject ("Beijing vowed to fight on Wednesday as it announced new duties").
REFERRING_PRONOUNS = frozenset({"it", "they", "he", "she"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "i", "we", "his"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her"})
#: Words that make a talks trigger a session of the article's own ongoing talks ("next round",
#: "a second meeting", "the joint review of the pact"): their parties are its main countries.
ROUND_WORDS = frozenset(
    {"round", "next", "second", "third", "further", "another", "new", "joint", "review"}
)
#: Types whose participants are the verb's subject only (the announcer, the speaker).
SPEAKER_TYPES = frozenset({"announcement", "speech"})


def collect_participants(
    ctx: ArticleContext,
    tokens: list[Token],
    allowed: set[int],
    triggers: set[int],
    head: Token,
    inclusive: bool = False,
) -> tuple[list[str], set[int]]:
    """Participant entity ids in ``allowed`` tokens (text order) and the tokens they came from;
    ``inclusive``: every country word counts, also one modifying a non-party noun."""
    data = event_data()
    found: list[str] = []
    used: set[int] = set()
    for token in tokens:
        if token.i not in allowed:
            continue
        for entity_id, etype in ctx.mention_tokens.get(token.i, []):
            if etype == "person" or (
                etype == "country"
                and (inclusive or _country_takes_part(token, triggers, ctx, data))
            ):
                if entity_id not in found:
                    found.append(entity_id)
                used.add(token.i)
    text = " ".join(t.lower_ for t in tokens if t.i in allowed)
    if any(phrase in text for phrase in data.two_sides):
        for code in ctx.main_countries:
            if code not in found:
                found.append(code)
    unresolved = [s for s in subjects(head) if s.i in allowed and not _names_party(ctx, s)]
    unresolved += [
        t
        for t in tokens
        if t.i in allowed
        and t.i not in ctx.mention_tokens
        and t.dep_ == "poss"
        and t.lower_ in POSSESSIVE_PRONOUNS
        and (t.head.i in triggers or t.head.dep_ in SUBJECT_DEPS)
    ]
    for subject in unresolved:
        person = _resolve(ctx, subject)
        ids = [person] if person else institution_countries(ctx, subject, head)
        found.extend(i for i in ids if i not in found)
    return found, used


def _names_party(ctx: ArticleContext, token: Token) -> bool:
    """True when ``token`` itself is (part of) a person or country mention."""
    return any(etype in ("person", "country") for _, etype in ctx.mention_tokens.get(token.i, []))


def institution_countries(ctx: ArticleContext, subject: Token, head: Token) -> list[str]:
    """Countries a government-like subject stands for: "Beijing", "the Chinese commerce
    ministry", "the European Commission"; an unqualified "the government" / "the ministry" is
    the government of the person whose words report it, else of the article's home country."""
    data = event_data()
    phrase = clause_tokens(subject, {subject.i})
    infos = ctx.doc._.entities or {}
    countries: list[str] = []
    institutional = any(t.lemma_.lower() in data.institution_nouns for t in phrase)
    heads = {subject.i} | {c.i for c in subject.conjuncts}  # "Washington and Hanoi have agreed"
    for token in phrase:
        for entity_id, etype in ctx.mention_tokens.get(token.i, []):
            info = infos.get(entity_id)
            country = getattr(info, "country", None)
            metonym = etype == "place" and token.i in heads
            if country and (institutional or metonym) and etype in ("organization", "place"):
                code = f"country:{country}"
                if code not in countries:
                    countries.append(code)
    if not countries and any(t.lemma_.lower() in data.bloc_nouns for t in phrase):
        return _named_blocs(ctx)  # "the 27-nation bloc announced"
    if countries or not institutional:
        return countries
    reporter = _reporting_person_country(ctx, head)
    home = reporter or home_country(ctx, subject.idx)
    return [home] if home else []


def _named_blocs(ctx: ArticleContext) -> list[str]:
    """The unions of countries (``bloc_countries``) the article names, as ``country:XXX``."""
    named = {entity_id for ids in ctx.mention_tokens.values() for entity_id, _ in ids}
    return [f"country:{c}" for c in event_data().bloc_countries if f"country:{c}" in named][:1]


def _reporting_person_country(ctx: ArticleContext, head: Token) -> str | None:
    """``country:XXX`` of the person whose reported words the clause ``head`` is:
    "Parmelin said the government would convene ..." -> Parmelin's country."""
    infos = ctx.doc._.entities or {}
    current = head
    for _ in range(3):
        if current.dep_ not in ("ccomp", "parataxis") or current.head.i == current.i:
            return None
        current = current.head
        for subject in subjects(current):
            for entity_id, etype in ctx.mention_tokens.get(subject.i, []):
                country = getattr(infos.get(entity_id), "country", None)
                if etype == "person" and country:
                    return f"country:{country}"
    return None


def _country_takes_part(
    token: Token, triggers: set[int], ctx: ArticleContext, data: EventData
) -> bool:
    """A country word counts unless it only modifies a non-party noun ("EU tariffs")."""
    if token.dep_ not in ("compound", "amod", "poss", "nmod"):
        return True
    head = token.head
    for _ in range(3):
        if head.i in triggers or head.lower_ in data.party_nouns:
            return True
        if head.lemma_.lower() in data.institution_nouns:  # "Mexico's Senate approved"
            return True
        if any(etype == "person" for _, etype in ctx.mention_tokens.get(head.i, [])):
            return True
        if token.dep_ == "poss" and any(  # "the UK's Royal Mail will halt shipments"
            etype == "organization" for _, etype in ctx.mention_tokens.get(head.i, [])
        ):
            return True
        if head.dep_ not in ("compound", "amod") or head.head.i == head.i:
            return False
        head = head.head
    return False


def _resolve(ctx: ArticleContext, token: Token) -> str | None:
    """Person id for a pronoun or title subject, via ``entities.resolve_person``."""
    if ctx.resolve_person is None:
        return None
    span = ctx.doc[token.left_edge.i : token.right_edge.i + 1]
    if token.lower_ in PERSONAL_PRONOUNS:
        span = ctx.doc[token.i : token.i + 1]
    try:
        person = ctx.resolve_person(ctx.doc, span.start_char, span.end_char)
    except Exception:  # a helper stage failing must not lose the event
        return None
    return person if person and person.startswith("person:") else None


def borrowed_subject(ctx: ArticleContext, head: Token) -> list[str]:
    """Participants of the governing clause's subject, for clauses without one of their own
    (or whose subject is a pronoun of an adverbial or conjoined clause)."""
    own = subjects(head)
    referring = head.dep_ in ("advcl", "conj") and all(s.lower_ in REFERRING_PRONOUNS for s in own)
    if own and not referring and not all(s.lower_ in RELATIVE_PRONOUNS for s in own):
        return []
    if head.dep_ == "acl" and head.tag_ == "VBN":
        # "a letter posted on Wednesday": the noun is what was posted; the poster is the
        # subject of the clause that names the letter
        return subject_ids(ctx, clause_head(head.head))
    if head.dep_ in ("relcl", "acl"):
        antecedent = head.head
        ids = _entity_ids_at(ctx, antecedent)
        if not ids:  # "a committee that is due to meet": the government behind the body
            ids = institution_countries(ctx, antecedent, clause_head(antecedent))
        return ids
    stranded = _stranded_subject(ctx, head)
    if stranded:
        return stranded
    current = head
    for _ in range(3):
        if current.dep_ not in ("advcl", "xcomp", "conj", "pcomp") or current.head.i == current.i:
            return []
        current = current.head
        if subjects(current):
            return subject_ids(ctx, current)
    return []


#: Conjunctions the parser may read as prepositions, stranding the subject of their clause:
#: "This comes after the US, on July 30, withdrew the exemption".
STRANDING_CONJUNCTIONS = frozenset({"after", "before", "since", "until", "as", "because"})


def _stranded_subject(ctx: ArticleContext, head: Token) -> list[str]:
    """The party a misparse hung on a conjunction read as a preposition, for a subjectless
    adverbial clause right after it ("comes after the US, on July 30, withdrew ...")."""
    if head.dep_ != "advcl" or subjects(head):
        return []
    for prep in head.head.children:
        if prep.dep_ != "prep" or prep.lower_ not in STRANDING_CONJUNCTIONS or prep.i > head.i:
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        between = prep.doc[prep.i + 1 : head.i]
        if len(objects) != 1 or any(t.pos_ in ("VERB", "AUX") for t in between):
            continue
        ids = _entity_ids_at(ctx, objects[0])
        if ids:
            return ids
    return []


def governing_subjects(ctx: ArticleContext, head: Token) -> list[str]:
    """Parties named by the subjects of the clauses above ``head`` (nearest first): who
    reports or decides a measure ("the Finance Ministry announced the duty starts Monday")."""
    current = head
    for _ in range(3):
        current = clause_head(current.head) if current.head.i != current.i else current
        found: list[str] = []
        for s in subjects(current):
            found += _entity_ids_at(ctx, s) or institution_countries(ctx, s, current)
        if found:
            return list(dict.fromkeys(found))
        if current.head.i == current.i:
            break
    return []


def subject_ids(ctx: ArticleContext, head: Token) -> list[str]:
    """Person/country ids of the subjects of clause ``head`` (pronouns and titles resolved,
    government-like subjects standing for their country: "Beijing", "the ministry")."""
    ids: list[str] = []
    for s in subjects(head):
        found = _entity_ids_at(ctx, s) or ([p] if (p := _resolve(ctx, s)) else [])
        ids.extend(found or institution_countries(ctx, s, head))
    return ids


def _entity_ids_at(ctx: ArticleContext, token: Token) -> list[str]:
    """Person/country ids of mentions on the phrase headed by ``token`` (its name, not clauses)."""
    ids: list[str] = []
    stack = [token]
    while stack:
        t = stack.pop()
        for entity_id, etype in ctx.mention_tokens.get(t.i, []):
            if etype in ("person", "country") and entity_id not in ids:
                ids.append(entity_id)
        stack.extend(c for c in t.children if c.dep_ not in EMBEDDED_DEPS and c.dep_ != "prep")
    return ids


def home_country(ctx: ArticleContext, char: int) -> str | None:
    """The country of the last dateline before ``char``, else the article's main country."""
    k = bisect.bisect_right(ctx.datelines, (char, "~")) - 1
    if k >= 0:
        return ctx.datelines[k][1]
    return ctx.main_countries[0] if ctx.main_countries else None


def speaker_tokens(verb: Token, allowed: set[int]) -> set[int]:
    """For "X announced ... to Y": only the subject's tokens (whoever announces or speaks);
    all ``allowed`` tokens when the verb has no subject."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "agent"]
    if not subjects and verb.dep_ == "xcomp":  # object control: "led Ishiba to declare"
        subjects = [c for c in verb.head.children if c.dep_ == "dobj"]
    if not subjects:
        return allowed
    return {t.i for s in subjects for t in s.subtree} & allowed


def is_round(trig: Trigger) -> bool:
    """A further session of the ongoing talks: "next round", "a second meeting"."""
    if trig.type not in ("negotiation", "meeting"):
        return False
    words = {t.lower_ for t in trig.token.doc[trig.start : trig.end]}
    words |= {c.lower_ for c in trig.token.children if c.dep_ in ("amod", "compound")}
    return bool(words & ROUND_WORDS)
