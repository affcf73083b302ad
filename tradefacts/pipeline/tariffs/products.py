"""Products a tariff covers, read from the tariff phrase's scope (its modifiers, its "on ..."
phrases, the subject of "face").

Two sources: categories of ``data/products.json`` ("cars" -> automobiles), and, for goods the
table does not know, the head nouns the scope names with their modifiers ("on kitchen
cabinets", "on refined copper", "on canola oil, canola meal and peas"). A table word that is
only the head of a longer noun ("canola oil" is not the table's "oil") gives the open phrase,
not the category.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from .context import Context
from .frame import subject_of
from .scope import on_window, prep_scope, scope_preps
from .tariff_words import candidate_words
from .tokens import lemma, lowers, verb_in
from .trade_flow import admitted_goods, entering_goods
from .vocabulary import tables

#: Longest stretch (tokens) of one scope range searched for products.
_MAX_SCOPE_TOKENS = 40
#: Entity labels of spaCy's NER that never name a product.
_NOT_PRODUCT_ENTS = frozenset(
    {"GPE", "NORP", "PERSON", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "LOC"}
)
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_LIST_DEPS = frozenset({"conj"})  # not "appos": "cars, a mainstay of its economy"
_SPACES = re.compile(r"\s+")
#: Nouns of those who make or sell goods, named by their goods ("car manufacturers").
_PRODUCER_NOUNS = frozenset(
    {"manufacturers", "makers", "producers", "exporters", "growers", "sellers", "suppliers"}
)
#: Verbs whose subject's goods go "under" or "at" a tariff ("can export under a 10% tariff").
_SELLING_VERBS = frozenset({"export", "sell", "ship"})
#: Nouns of an amount whose "of" phrase names the goods ("300,000 tonnes of coated steel").
_AMOUNT_NOUNS = frozenset(
    {"tonne", "ton", "tonnage", "barrel", "unit", "volume", "kilogram", "pound", "bushel", "lot"}
    | {"range", "variety", "array", "host", "basket", "raft", "slew", "swath"}  # "a range of"
    | {"number", "handful", "portion", "fraction", "majority", "bulk"}  # "a small number of"
)
#: Words that list examples of the goods ("a 30% tariff, including coffee and beef").
_EXAMPLE_PREPS = frozenset({"including", "like", "such"})


def products_in_scope(
    ctx: Context, tariff: Token, pspan: Span, verb: Token | None, lo: int, hi: int
) -> tuple[str, ...]:
    """Product names in the tariff phrase's scope (sorted; empty = all goods)."""
    t = tables()
    doc = ctx.doc
    ranges: list[tuple[int, int]] = [(max(lo, tariff.left_edge.i), tariff.i)]
    heads: list[Token] = []
    preps = scope_preps(tariff, pspan, verb)
    if verb is not None and tariff.dep_ == "dobj":  # "secured 15% rates for their cars"
        preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"]
    for prep in preps:
        if prep.lower_ == "for" and _names_a_reason(prep):
            continue  # "a 25% tariff on India for its purchases of Russian oil"
        scope = prep_scope(doc, prep, lo, hi)
        ranges.append((scope.start, scope.stop))
        heads.extend(c for c in prep.children if c.dep_ == "pobj" and c.i in scope)
    for prep in tariff.children:  # "a 40% tariff on Brazilian food products, including coffee"
        if prep.dep_ == "prep" and prep.lower_ in _EXAMPLE_PREPS and prep.i > tariff.i:
            heads.extend(c for c in prep.subtree if c.dep_ == "pobj" and lo <= c.i < hi)
    heads.extend(_purpose_goods(verb))
    subject_to = _subject_to(tariff)
    if subject_to == "noun":  # "derivative products subject to additional duties"
        noun = doc[tariff.head.head.i - 1]  # the noun right before: the parser may hang it higher
        if noun.pos_ == "NOUN":
            ranges.append((noun.left_edge.i, noun.i + 1))
            heads.append(noun)
    if (  # "plans to hit pharmaceuticals with a 100% import tax": the goods hit
        verb is not None
        and tariff.head.lower_ == "with"
        and tariff.head.head.i == verb.i
        and verb_in(verb, t.hit_object_verbs)
    ):
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i):
            ranges.append((obj.left_edge.i, obj.right_edge.i + 1))
            heads.append(obj)
    # "allow in 49,000 Chinese cars at a 6.1% tariff", "coated steel can enter Brazil at a 9% rate"
    for goods in [*admitted_goods(tariff), *entering_goods(tariff)]:
        ranges.append((goods.left_edge.i, goods.right_edge.i + 1))
        heads.append(goods)
    if verb is not None:
        subject, _ = subject_of(verb)
        exporting = (  # "UK car manufacturers can export to the US under a 10% tariff"
            tariff.head.lower_ in {"under", "at", "with"}
            and tariff.head.head.i == verb.i
            and lemma(verb) in _SELLING_VERBS
        )
        if (
            subject is not None
            and (
                verb_in(verb, t.target_subject_verbs)
                or subject_to == "clause"
                or exporting
                or (subject.dep_ == "nsubjpass" and verb_in(verb, t.target_passive_verbs))
            )
            and tariff.dep_ not in {"nsubj", "nsubjpass"}
        ):
            if subject.lower_ in {"which", "that"} and subject.head.dep_ == "relcl":
                subject = subject.head.head  # "energy, which faces a 10 per cent tariff"
            ranges.append((subject.left_edge.i, subject.right_edge.i + 1))
            heads.append(subject)
    window = sorted(on_window(doc, tariff, hi))
    if window:
        ranges.append((window[0], window[-1] + 1))
    found: set[str] = set()
    for a, b in ranges:
        a, b = max(a, lo), min(b, hi, a + _MAX_SCOPE_TOKENS)
        if a < b:
            found.update(_table_products(doc, a, b))
    for head in _listed(heads, lo, hi):
        phrase = _open_phrase(ctx, head)
        for name in [phrase] if phrase is not None else _coordinated_modifiers(ctx, head):
            found.add(t.products.get(tuple(name.split()), name))  # a category by its name
    return tuple(sorted(found))


def _coordinated_modifiers(ctx: Context, head: Token) -> list[str]:
    """The goods a generic head's coordinated modifiers name, one by one: "food and drinks
    products" -> food, drinks; "agricultural and industrial goods" -> agricultural goods,
    industrial goods (an adjective keeps the head)."""
    if head.lower_ not in tables().generic_goods:
        return []
    first = next(
        (
            c
            for c in head.children
            if c.dep_ in _MODIFIER_DEPS
            and c.i < head.i
            and any(k.dep_ in _LIST_DEPS for k in c.children)
        ),
        None,
    )
    if first is None:
        return []
    names = []
    for mod in [first, *(k for k in first.children if k.dep_ in _LIST_DEPS)]:
        if mod.i > head.i or not mod.is_alpha or _not_product(ctx, mod):
            continue
        if mod.lower_ in tables().product_stop_modifiers:
            continue
        names.append(mod.lower_ if mod.pos_ == "NOUN" else f"{mod.lower_} {head.lower_}")
    return names


def _names_a_reason(prep: Token) -> bool:
    """True for a "for" phrase whose object names no goods ("for its purchases of oil", "for
    its role in ..."): a reason, not what the tariff is on."""
    return any(
        c.dep_ == "pobj" and (c.lower_ in tables().not_products or lemma(c) in _REASON_NOUNS)
        for c in prep.children
    )


#: Nouns of conduct a tariff is imposed for ("for its role in", "for its prosecution of").
_REASON_NOUNS = frozenset(
    {"role", "support", "failure", "refusal", "treatment", "prosecution", "policy", "practice"}
    | {"behavior", "behaviour", "action", "decision", "violation", "purchase", "reason"}
)


def _purpose_goods(verb: Token | None) -> list[Token]:
    """The imports a purpose clause of the imposing verb names ("imposed 12% tariffs to curb
    imports of cheap steel"): their "of" phrase names the goods."""
    if verb is None:
        return []
    out: list[Token] = []
    for clause in verb.children:
        if clause.dep_ not in {"advcl", "xcomp"} or clause.i < verb.i:
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        out.extend(
            c for c in clause.children if c.dep_ == "dobj" and c.lower_ in tables().import_nouns
        )
    return out


def _subject_to(tariff: Token) -> str | None:
    """How goods are "subject to" the tariff: "clause" for "Cars will be subject to the 15%
    tariff" (the clause's subject), "noun" for "products subject to duties of 25%" (the noun
    the adjective describes), None otherwise."""
    to = tariff.head
    if tariff.dep_ != "pobj" or to.lower_ != "to" or to.head.lower_ != "subject":
        return None
    subject = to.head
    if subject.dep_ == "acomp":
        return "clause"
    return "noun" if subject.dep_ == "amod" else None


def _table_products(doc: Doc, lo: int, hi: int) -> Iterator[str]:
    """Categories of table phrases in tokens [lo, hi) (longest match at each position), except
    a one-word match that heads a longer noun ("canola oil", "soybean meal")."""
    t = tables()
    words = lowers(doc)
    i = lo
    while i < hi:
        if words[i] not in t.first_words:
            i += 1
            continue
        for n in range(min(t.max_phrase, hi - i), 0, -1):
            kind = t.products.get(tuple(words[i : i + n]))
            if kind is not None:
                if not (n == 1 and _has_noun_modifier(doc[i])):
                    yield kind
                i += n
                break
        else:
            i += 1


def _has_noun_modifier(token: Token) -> bool:
    """True for a head noun with a noun compound right before it ("canola oil")."""
    return any(
        c.dep_ in {"compound", "nmod"}
        and c.i == token.i - 1
        and c.pos_ == "NOUN"
        and not c.ent_type_
        for c in token.children
    )


def _listed(heads: list[Token], lo: int, hi: int) -> Iterator[Token]:
    """The scope's head nouns and the nouns listed with them ("cabinets, vanities and ...")."""
    seen: set[int] = set()
    todo = list(heads)
    while todo and len(seen) < 24:
        tok = todo.pop()
        if tok.i in seen or not lo <= tok.i < hi:
            continue
        seen.add(tok.i)
        yield tok
        generic = tok.lower_ in tables().generic_goods or lemma(tok) in _AMOUNT_NOUNS
        generic = generic or tok.lower_ in _PRODUCER_NOUNS  # "exporters of shrimp"
        todo.extend(c for c in tok.children if c.dep_ in _LIST_DEPS)

        # "goods including engines", "items worth over $100, including personal gifts"
        for prep in _example_preps(tok):
            todo.extend(c for c in prep.subtree if c.dep_ == "pobj")
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of" and generic:
                todo.extend(c for c in prep.children if c.dep_ == "pobj")  # "imports of buses"


#: Modifiers of goods whose own "including ..." phrase lists the goods ("worth over $100, ...").
_EXAMPLE_CARRIERS = frozenset({"amod", "npadvmod", "quantmod"})


def _example_preps(head: Token) -> Iterator[Token]:
    """The "including"/"like"/"such as" phrases of a noun, also those hung on its own modifiers
    ("items worth over $100, including personal gifts"), not those of a clause inside it."""
    todo = [head]
    while todo:
        tok = todo.pop()
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in _EXAMPLE_PREPS:
                yield c
            elif c.dep_ in _EXAMPLE_CARRIERS or (tok.i != head.i and c.pos_ == "NUM"):
                todo.append(c)


#: Participles of origin the parser may take for the head noun of goods.
_ORIGIN_PARTICIPLES = frozenset(
    {"originating", "coming", "arriving", "sourced", "shipped", "made", "produced"}
)


def _open_phrase(ctx: Context, head: Token) -> str | None:
    """The product a head noun names with its modifiers, lower-case ("refined copper"); for a
    generic head ("citrus exports") or a maker ("car manufacturers") its modifiers alone; None
    when it names no product."""
    t = tables()
    if head.pos_ not in {"NOUN", "PROPN"} or not head.is_alpha:
        return None
    producer = head.lower_ in _PRODUCER_NOUNS  # "car manufacturers": the modifiers are goods
    if not producer and (
        _not_product(ctx, head)
        or head.lower_ in t.not_products
        or head.lower_ in candidate_words()
        or lemma(head) in _AMOUNT_NOUNS
    ):
        return None  # "added to previous tariffs of 25%": a tariff is not a product
    modifiers = _modifiers(ctx, head)
    # "bourbon whiskey originating from X", the participle parsed as the head noun
    if producer or head.lower_ in t.generic_goods or head.lower_ in _ORIGIN_PARTICIPLES:
        if not modifiers:
            return None
        tokens = modifiers
    else:
        tokens = [*modifiers, head]
    doc = head.doc
    text = doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]
    if "(" in text:  # an aside was stepped over: the kept words alone
        text = " ".join(tok.text for tok in tokens)
    phrase = _SPACES.sub(" ", text).strip().lower()
    if not phrase or len(phrase) > 60 or phrase in t.not_products:
        return None
    return phrase


def _modifiers(ctx: Context, head: Token) -> list[Token]:
    """The contiguous run of product-naming modifiers right before ``head`` (hyphens kept)."""
    t = tables()
    doc = head.doc
    kept: list[Token] = []
    allowed = {
        tok.i
        for c in head.children
        if c.dep_ in _MODIFIER_DEPS and c.i < head.i
        for tok in c.subtree
        if tok.i < head.i
    }
    i = head.i - 1
    while i >= 0 and i in allowed:
        tok = doc[i]
        if tok.text in {"-", "\u2011"}:
            i -= 1
            continue
        if tok.text == ")":  # "Heavy (Big!) Trucks": step over the aside
            opening = next(
                (k for k in range(i - 1, max(-1, i - 8), -1) if doc[k].text == "("), None
            )
            if opening is not None:
                i = opening - 1
                continue
        if (
            not tok.is_alpha
            or tok.pos_ == "CCONJ"
            or tok.dep_ in {"cc", "conj"}
            or tok.lower_ in t.product_stop_modifiers
            or tok.lower_ in candidate_words()
            or _not_product(ctx, tok)
        ):
            break
        kept.insert(0, tok)
        i -= 1
    while kept and kept[0].i > 0 and doc[kept[0].i - 1].text in {"-", "\u2011"}:
        kept.pop(0)  # a hyphen whose left part was dropped ("U.S.-made")
    return kept


def _not_product(ctx: Context, token: Token) -> bool:
    """True for a country, demonym, person or number token."""
    return token.i in ctx.by_token or token.ent_type_ in _NOT_PRODUCT_ENTS or token.like_num
