"""A tariff's scope: the token ranges naming what it is put on ("on Japanese cars", "against
US goods", "added to US corn"). Targets and products are both read from these ranges."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .tariff_words import candidate_words
from .tokens import CLAUSE_PUNCT, LIST_BREAK_POS, ancestors, change_noun_of, verb_in
from .vocabulary import tables

_NOUNISH = {"NOUN", "PROPN", "ADJ"}
#: Words after a comma that go on naming the goods: "on Korean goods, including cars".
_EXAMPLE_WORDS = frozenset({"including", "notably", "especially", "particularly", "such"})
_START_WORDS = {"beginning", "starting", "effective", "from"}
_SCOPE_PREPS = {"on", "against", "upon", "for", "targeting", "covering"}
_VERB_SCOPE_PREPS = {"on", "against", "upon"}
#: Prepositions on the rate itself that name what it is put on ("to 10 percent for potash").
_RATE_SCOPE_PREPS = _VERB_SCOPE_PREPS | {"for"}
#: Verbs whose "to" phrase names the goods a tariff is put on ("a 15% tariff added to US corn").
_ADD_TO_VERBS = frozenset({"add", "apply", "extend", "impose", "levy", "attach"})


def scope_preps(tariff: Token, pspan: Span, verb: Token | None) -> list[Token]:
    """The prepositions whose objects a tariff applies to ("on X", "against X").

    Besides the tariff word's own "on" phrase: the governing verb's "on" phrase after the tariff
    word, the "to" phrase of "added to"/"applied to", and an "on" phrase hanging off the rate in
    "duties of 25 per cent on British steel" (the parser attaches it to the percent).
    """
    preps = [c for c in tariff.children if c.dep_ == "prep" and c.lower_ in _SCOPE_PREPS]
    for holder in _holders(tariff):
        preps += [c for c in holder.children if c.dep_ == "prep" and c.lower_ in _SCOPE_PREPS]
    for aside in tariff.children:  # "50% tariffs — twice the current rate — on all steel"
        if aside.dep_ == "appos":
            preps += [
                c
                for c in aside.children
                if c.dep_ == "prep"
                and c.lower_ in _SCOPE_PREPS
                and tariff.doc[c.i - 1].text in _ASIDE_CLOSERS
            ]
    impose = tables().impose_verbs
    for clause_verb in tariff.children:  # "the global 50% tariff applied by the US to steel"
        if clause_verb.dep_ in {"acl", "relcl"} and verb_in(clause_verb, _ADD_TO_VERBS):
            preps += [
                c for c in clause_verb.children if c.dep_ == "prep" and c.lower_ in {"to", "on"}
            ]
        elif clause_verb.dep_ in {"acl", "relcl"} and verb_in(clause_verb, impose):
            preps += [  # "25% tariffs introduced by the US on European steel"
                c
                for c in clause_verb.children
                if c.dep_ == "prep" and c.lower_ in _VERB_SCOPE_PREPS
            ]
    if verb is not None and verb_in(verb, _ADD_TO_VERBS):
        preps += [c for c in tariff.children if c.dep_ == "prep" and c.lower_ == "to"]
    if verb is not None:  # "a 40% tariff beginning Nov. 1 on boats": the start phrase's "on"
        for start in verb.children:
            if start.lower_ in _START_WORDS and start.i > tariff.i:
                preps += [c for c in start.children if c.dep_ == "prep" and c.lower_ == "on"]
    if verb is not None:
        object_of_verb = tariff.head == verb and tariff.dep_ == "dobj"
        for c in verb.children:
            if c.dep_ != "prep" or (c.i < tariff.i and not object_of_verb):
                continue  # "imposing on refined copper a 15% tariff": the verb's own object
            if c.lower_ in _VERB_SCOPE_PREPS or (c.lower_ == "to" and verb_in(verb, _ADD_TO_VERBS)):
                preps.append(c)
    rate_tokens = [  # not a conjunct rate of its own: "10 percent on X and 25 percent on Y"
        pspan.root,
        *(
            c
            for c in pspan.root.children
            if c.dep_ == "conj" and not any(k.dep_ == "nummod" for k in c.children)
        ),
    ]
    for anc in ancestors(pspan.root, 3):
        if anc == tariff or anc.pos_ in {"VERB", "AUX"}:
            break
        rate_tokens.append(anc)
    heads = {tariff.i}
    if verb is not None and tariff.dep_ == "dobj" and tariff.head == verb:
        heads.add(verb.i)  # "cut the tariff to 10 percent on copper"
    if verb is not None and tariff.dep_ in {"nsubj", "nsubjpass"}:
        heads.add(verb.i)  # the level's verb, or the one an auxiliary holding the subject serves
        heads.add(verb.head.i if verb.dep_ in {"aux", "auxpass"} else verb.i)
    if any(a.i in heads for a in ancestors(pspan.root, 4)):  # "duties fell to 30% on X"
        for tok in rate_tokens:
            preps.extend(
                c
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in _RATE_SCOPE_PREPS and c.i > pspan.start
            )
    return preps


#: Marks that close an aside, after which a preposition is the tariff's again.
_ASIDE_CLOSERS = frozenset({"\u2014", "\u2013", "-", "--", ")"})


def _holders(tariff: Token) -> list[Token]:
    """Words whose "on ..." phrase is the tariff's: the collective noun of "a package of tariffs
    on X", the change noun of "the cut of the tariff on X", the tariff a change verb moves "to a
    rate of 15%" ("lower tariffs on X to a rate")."""
    if tariff.dep_ != "pobj":
        return []
    prep, head = tariff.head, tariff.head.head
    if prep.lower_ == "of" and head.pos_ == "NOUN" and head.lower_ in _COLLECTIVE_NOUNS:
        return [head]
    change = change_noun_of(tariff)
    if change is not None:
        return [change]  # "the cut (in May) of the tariff on tea to 3 percent"
    if prep.lower_ in {"to", "from"} and head.pos_ == "VERB":
        words = candidate_words()
        return [
            c
            for c in head.children
            if c.dep_ in {"dobj", "nsubj", "nsubjpass"} and c.lower_ in words and c.i != tariff.i
        ]
    return []


#: Nouns that hold a set of tariffs: "the first package of tariffs of 25% on ...".
_COLLECTIVE_NOUNS = frozenset(
    {"package", "round", "wave", "set", "series", "list", "slate", "batch", "raft", "tranche"}
)


#: Prepositions that give a tariff's reason, not its scope.
_REASON_PREPS = frozenset({"over", "amid"})


def prep_scope(doc: Doc, prep: Token, lo: int, hi: int) -> range:
    """Tokens of a prepositional phrase, cut before an appositive or clause after a comma/dash."""
    start, end = max(lo, prep.left_edge.i), min(hi, prep.right_edge.i + 1)
    j = prep.i
    while j + 1 < end:
        j += 1
        tok = doc[j]
        if tok.text == "(":
            close = next((k for k in range(j + 1, min(end, j + 8)) if doc[k].text == ")"), None)
            if close is not None and close + 1 < end and doc[close + 1].pos_ in _NOUNISH:
                j = close  # "on Heavy (Big!) Trucks": an aside inside the noun phrase
                continue
        if tok.text in {"-", "\u2013", "\u2014", "(", ";"}:
            return range(start, j)
        if tok.dep_ == "prep" and tok.lower_ in _REASON_PREPS:
            return range(start, j)  # "on Indian exports over Russian oil purchases": the reason
        if tok.pos_ == "CCONJ" and j + 1 < end and doc[j + 1].like_num:
            return range(start, j)  # "on canola oil and 25 percent on pork": the next rate
        if (
            tok.text == ","
            and j + 1 < end
            and (doc[j + 1].pos_ in LIST_BREAK_POS or doc[j + 1].pos_ == "NUM")
            and doc[j + 1].lower_ not in _EXAMPLE_WORDS
        ):
            return range(start, j)
    return range(start, end)


_POSSESSIVES = frozenset({"its", "their", "his", "her"})


def on_window(doc: Doc, tariff: Token, hi: int) -> set[int]:
    """Tokens of an "on ..." phrase right after the tariff word, when the parse attached it away."""
    i = tariff.i + 1
    if i >= hi or doc[i].lower_ not in {"on", "against", "upon"}:
        return set()
    out: set[int] = set()
    for j in range(i + 1, min(hi, i + 14)):
        tok = doc[j]
        if tok.text in CLAUSE_PUNCT or (tok.pos_ in {"VERB", "AUX"} and tok.dep_ != "amod"):
            break
        if tok.like_num or tok.lower_ in candidate_words():
            break  # "on auto parts and the 50% duty on steel": the next tariff's scope
        if tok.lower_ in {"for", "over"} and j + 1 < hi and doc[j + 1].lower_ in _POSSESSIVES:
            break  # "on goods from India for its purchases of Russian oil": a reason
        if tok.dep_ == "prep" and tok.lower_ in _REASON_PREPS:
            break  # "on Indian exports over Russian oil purchases"
        if tok.text == "," and j + 1 < hi and doc[j + 1].pos_ in LIST_BREAK_POS:
            break  # "on rice, a figure Tokyo disputes": the list of goods has ended
        out.add(j)
    return out


def goods_named_before(tariff: Token, pspan: Span, verb: Token | None) -> bool:
    """True when the tariff's scope names its goods by pointing back: "on those industries",
    "on these products", "on the same goods"."""
    for prep in scope_preps(tariff, pspan, verb):
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.pos_ != "NOUN":
                continue
            words = {c.lower_ for c in obj.children if c.dep_ in {"det", "amod"}}
            if words & {"those", "these"} or {"the", "same"} <= words:
                return True
    return False
