"""Which way goods cross a border, read from a tariff's phrase: goods "imported into X" or
"shipped to X" (X levies the tariff), goods "from X" (X is hit), goods let in or entering "at"
a tariff. Helpers of ``parties``' mention roles."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .frame import Frame
from .tokens import conjunct_head, lemma, own_phrase
from .vocabulary import tables

#: Verbs of letting goods in: their subject charges the tariff the goods come in "at".
_ADMIT_VERBS = frozenset({"allow", "let", "admit", "accept", "import", "welcome"})


def admitted_goods(tariff: Token) -> list[Token]:
    """The goods a verb of letting in takes "at" the tariff: "allow in 49,000 Chinese cars at a
    tariff of 6.1%", "import US beef at a 10% rate" (none for other tariffs)."""
    at = tariff.head
    if tariff.dep_ != "pobj" or at.lower_ != "at" or lemma(at.head) not in _ADMIT_VERBS:
        return []
    verb = at.head
    goods = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "into"}:
            goods += [c for c in prep.children if c.dep_ == "pobj"]
    return goods


def entering_goods(tariff: Token) -> list[Token]:
    """The goods that enter or arrive "at" the tariff: "300,000 tonnes of coated steel can enter
    Brazil at a 9% duty rate" (none for other tariffs)."""
    at = tariff.head
    if tariff.dep_ != "pobj" or at.lower_ != "at" or lemma(at.head) not in ARRIVE_VERBS:
        return []
    return [c for c in at.head.children if c.dep_ in {"nsubj", "nsubjpass"}]


#: Verbs of goods crossing a border: "imported into X" / "shipped to X" (X imposes), "imported
#: from X" / "coming from X" (X is hit).
_INTO_VERBS = frozenset({"import", "export", "ship", "sell", "send", "bring"})
_FROM_VERBS = frozenset(
    {"import", "ship", "come", "arrive", "originate", "source", "buy", "enter", "send", "export"}
)
#: Verbs of goods reaching a market: "arriving in X", "sold in X", "entering X" (X levies).
ARRIVE_VERBS = frozenset({"arrive", "land", "sell", "enter", "import", "ship", "deliver"})
ENTER_VERBS = frozenset({"enter", "reach"})


def moves_goods(token: Token) -> bool:
    return token.lower_ in tables().export_nouns or lemma(token) in _INTO_VERBS


def brings_goods(token: Token) -> bool:
    return token.lower_ in tables().import_nouns or lemma(token) in _FROM_VERBS


def destination_in_scope(f: Frame) -> bool:
    """True when the tariff's "on ..." scope sends goods to a place: "on exports to the US"
    (also with "to the US" hung on the tariff word)."""
    tariff = f.tariff
    doc = tariff.doc
    tos = [
        doc[i] for i in f.on_scope if doc[i].lower_ in {"to", "into"} and moves_goods(doc[i].head)
    ]
    if _on_exports(tariff):
        tos += [c for c in tariff.children if c.lower_ in {"to", "into"}]
    return any(c.dep_ == "pobj" and c.ent_type_ == "GPE" for to in tos for c in to.children)


def _on_object(tariff: Token, test: Callable[[Token], bool]) -> bool:
    """True when the tariff word has an "on" whose object passes ``test``."""
    return any(
        on.lower_ == "on" and any(o.dep_ == "pobj" and test(o) for o in on.children)
        for on in tariff.children
    )


def _on_exports(tariff: Token) -> bool:
    """True when the tariff word has "on <exports>" ("a tariff on beef exports")."""
    return _on_object(tariff, lambda o: o.lower_ in {"export", "exports", "shipments"})


def _beside_on(obj: Token, tariff: Token, preps: set[str]) -> bool:
    """True when ``obj`` is the object of one of ``preps`` that the parser hung on the tariff
    word, or on the verb whose object the tariff is, instead of on the goods of its "on"."""
    prep = obj.head
    hangs_on = {tariff, tariff.head} if tariff.dep_ == "dobj" else {tariff}
    return obj.dep_ == "pobj" and prep.lower_ in preps and prep.head in hangs_on


def to_beside_on_goods(h: Token, tariff: Token) -> bool:
    """True for Y in "a tariff on exports to Y" / "tariffs on most imports into Y": the
    destination of the goods."""
    return _beside_on(h, tariff, {"to", "into"}) and _on_object(tariff, moves_goods)


def from_beside_on_goods(h: Token, tariff: Token) -> bool:
    """True for X (or a conjunct of it) in "a tariff on goods from X" / "on all vehicles from
    X": the origin of the goods."""
    return _beside_on(conjunct_head(h), tariff, {"from"}) and _on_object(tariff, lambda o: True)


def in_frame(token: Token, f: Frame) -> bool:
    """True when ``token`` belongs to the tariff phrase, its scope or its verb's subject."""
    tariff = f.tariff
    start, end = own_phrase(tariff)
    if token.i in f.on_scope or start <= token.i <= end:
        return True
    subject = f.subject
    if (
        subject is None
        or f.tariff_is_subject
        or subject.left_edge.i <= tariff.i <= subject.right_edge.i
    ):
        return False  # the tariff is part of the subject ("A's tariffs on imports from B, and
    return subject.left_edge.i <= token.i <= subject.right_edge.i  # the 10% tariffs exceed")


def imports_from_elsewhere(noun: Token) -> bool:
    """True for "imports" that have their own "from X": their modifier is the importer (also
    when the parser hangs the "from" on the tariff: "a tariff on U.S. imports from Kia")."""
    if noun.lower_ not in {"imports", "purchases"}:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in noun.children):
        return True
    on = noun.head
    return (
        noun.dep_ == "pobj"
        and on.lower_ == "on"
        and any(c.dep_ == "prep" and c.lower_ == "from" and c.i > noun.i for c in on.head.children)
    )
