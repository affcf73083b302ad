"""Which partners a tariff covers, read from its phrase: every partner ("other countries",
"on all steel imports", "foreign-made cars"), an example of every partner ("countries
including Japan"), or not a country at all (one exempted or spared). Helpers of ``parties``."""

from __future__ import annotations

from spacy.tokens import Token

from .context import Context
from .tariff_words import candidate_words
from .tokens import ancestors, conjunct_head, lemma

#: Predicates whose subject does not bear the tariff they take ("X was exempted from the 50%
#: tariff", "X is exempt from the levy", "X was spared the 30% tariff").
_EXEMPT_LEMMAS = frozenset({"exempt", "spare", "exclude", "excuse"})
#: Dependencies by which a predicate describes its head's subject ("the UK will be exempt",
#: "the only country to be exempted", "which was exempted").
_DESCRIBING_DEPS = frozenset({"acomp", "xcomp", "attr", "oprd", "acl", "relcl"})
_SPARE_WORDS = frozenset({"spare", "spared", "spares", "sparing"})  # the tagger's lemma: "spar"


def all_partners(token: Token) -> bool:
    """True for "other countries", "every nation", "the world"; not "both countries" or
    "the country" (a stand-in for one country named before)."""
    word = token.lower_
    if word in {"world", "planet", "globe"}:
        return True
    if word in {"country", "nation"}:
        return any(c.lower_ in {"every", "each", "any"} for c in token.children)
    if word not in {"countries", "nations", "partners", "economies"}:
        return False
    return not any(
        c.lower_ in {"both", "two", "these", "those", "its", "their"} for c in token.children
    )


def example_of_all_partners(token: Token, tariff: Token) -> bool:
    """True for Japan in "a tariff on cars from countries, including Japan" / "partners such
    as Japan": an example of every partner, not the one target (but "countries including the
    UK (10% tariff)" gives the UK its own rate)."""
    first = conjunct_head(token)
    marker = first.head
    if first.dep_ != "pobj" or marker.lower_ not in {"including", "like", "as"}:
        return False
    noun = (
        marker.head.head if marker.lower_ == "as" and marker.head.lower_ == "such" else marker.head
    )
    if noun.left_edge.i <= tariff.i <= noun.right_edge.i:
        return False
    return all_partners(noun) or noun.lower_ in {"countries", "nations", "partners", "economies"}


def all_goods(ctx: Context, scope: list[int]) -> bool:
    """True for "on all steel imports", "on every imported bicycle", "on foreign films": goods
    from everywhere (the scope names no country; "added to any existing rates" names rates,
    not goods)."""
    doc = ctx.doc
    if not scope or any(i in ctx.by_token and not _destination(doc[i]) for i in scope):
        return False
    return any(
        (
            doc[i].lower_ in {"all", "every", "any"}
            or (doc[i].lower_ == "foreign" and doc[i].dep_ == "amod")
        )
        and doc[i].head.pos_ in {"NOUN", "PROPN"}
        and doc[i].head.lower_ not in candidate_words()
        or _foreign_made(doc[i])
        for i in scope
    )


def _destination(token: Token) -> bool:
    """True for the country goods are brought "into" ("cars imported into the US")."""
    return token.dep_ == "pobj" and token.head.lower_ == "into"


def _foreign_made(token: Token) -> bool:
    """True for "foreign" in "foreign-made cars", "foreign-built ships"."""
    made = token.head
    return (
        token.lower_ == "foreign"
        and made.lower_ in {"made", "built", "produced", "manufactured", "sourced"}
        and made.head.pos_ in {"NOUN", "PROPN"}
    )


def exempted_from(token: Token, tariff: Token) -> bool:
    """True when ``token`` is who an exemption predicate spares from ``tariff``: "the UK is the
    only country to be exempted from the global tariff", "The EU, which was exempted from the
    duty", "Mexico was spared the 30% tariff"."""
    predicate = None
    for anc in [tariff, *ancestors(tariff, 5)]:
        head = anc.head
        if anc.dep_ == "prep" and anc.lower_ == "from" and _exempts(head):
            predicate = head
        elif anc.dep_ in {"dobj", "dative"} and head.lower_ in _SPARE_WORDS:
            predicate = head
        if predicate is not None or anc.pos_ == "VERB" and anc.i != tariff.i:
            break
    if predicate is None:
        return False
    if predicate.left_edge.i <= token.i <= predicate.right_edge.i:
        return token.head.i == predicate.i and token.dep_ in {"nsubj", "nsubjpass"}
    a = predicate
    for _ in range(4):  # up through the clause the predicate describes, not beyond it
        if token.head.i == a.i and token.dep_ in {"nsubj", "nsubjpass"}:
            return True  # the predicate's subject, or that of the clause it describes
        if token.i == a.i and predicate.dep_ in {"relcl", "acl"}:
            return True  # "The EU, which was exempted from ..."
        if a.dep_ not in _DESCRIBING_DEPS or a.head.i == a.i:
            return False
        a = a.head
    return False


def _exempts(token: Token) -> bool:
    return lemma(token) in _EXEMPT_LEMMAS or token.lower_ in _SPARE_WORDS
