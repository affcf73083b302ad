"""Tariff words: the nouns a rate can belong to (tariff, levy, duty, import tax, tariff rate)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from .tokens import lemma, lowers, phrases_in
from .vocabulary import tables


def is_tariff_word(token: Token, sentence_has_tariff: bool = False) -> bool:
    """True when ``token`` is a tariff noun (tariff, levy, duty, import tax, tariff rate ...)."""
    t = tables()
    lower = token.lower_
    base = lemma(token)
    prev = token.nbor(-1).lower_ if token.i > 0 else ""
    if base in t.tariff_lemmas or lower in t.tariff_lemmas or lower.rstrip("s") in t.tariff_lemmas:
        if base == "duty" or lower.startswith("dut"):
            nxt = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
            return prev not in t.duty_blockers and nxt not in {"-", "free"}
        return token.pos_ != "VERB" or _levied_at_rate(token)
    if base == "tax" and token.pos_ == "VERB":
        return _levied_at_rate(token)
    if lower.endswith("ies") and lower[:-3] + "y" in t.tariff_lemmas:
        return True
    heads = t.tariff_phrase_heads.get(base) or t.tariff_phrase_heads.get(lower)
    if heads and prev in heads and base not in {"rate"}:
        return True
    if base == "rate" or lower in {"rate", "rates"}:
        return _is_tariff_rate(token, sentence_has_tariff)
    return False


def _levied_at_rate(verb: Token) -> bool:
    """True for a levying verb in the passive with its rate: "Tunisian goods will be taxed at
    25%" (the verb stands for the tariff)."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    t = tables()
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or not any(  # traded goods: "Thai rice", "imports", "foreign goods"
        tok.ent_type_ in {"NORP", "GPE"} or tok.lower_ in t.import_nouns for tok in subject.subtree
    ):
        return False  # "income is taxed at 20%": no tariff
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "at"
        and any(obj.dep_ == "pobj" and obj.ent_type_ == "PERCENT" for obj in prep.children)
        for prep in verb.children
    )


def _is_tariff_rate(token: Token, sentence_has_tariff: bool) -> bool:
    """True for a "rate" that is a tariff's: "tariff rate", a rate in a tariff sentence ..."""
    t = tables()
    doc = token.doc
    left = [doc[i].lower_ for i in range(max(token.left_edge.i, token.i - 4), token.i)]
    if any(w in t.rate_blockers for w in left[-2:]) and not any(
        w in {"import", "tariff", "customs"} for w in left
    ):
        return False
    if any(w in t.rate_modifiers for w in left):
        return True
    return sentence_has_tariff or _rate_on_goods(token) or _goods_subject_to(token)


def _goods_subject_to(token: Token) -> bool:
    """True for "US imports from Brazil were subject to a 10pc rate": goods bear the rate."""
    t = tables()
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "to" or prep.head.lower_ != "subject":
        return False
    verb = prep.head.head
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in t.import_nouns for c in verb.children
    )


def _rate_on_goods(token: Token) -> bool:
    """True for "the rate on Korean cars", "15% rates for their cars": a rate charged on goods."""
    t = tables()
    doc = token.doc
    i = token.i + 1
    if i >= len(doc) or doc[i].lower_ not in {"on", "for"}:
        return False
    words = lowers(doc)
    stop = min(len(doc), i + 6)
    for j in range(i + 1, stop):
        if (
            words[j] in t.import_nouns
            or words[j] in _FOREIGN
            or doc[j].ent_type_ in {"NORP", "GPE"}
        ):
            return True
        if doc[j].is_punct or doc[j].pos_ in {"VERB", "AUX"}:
            break
    return any(True for _ in phrases_in(doc, i + 1, stop, t.products))


#: Modifiers that make goods someone else's: "the rate on imported sofas".
_FOREIGN = frozenset({"imported", "foreign", "overseas"})
#: Pronouns that stand for tariffs named before when they have their own scope: "the rate on
#: sofas will rise to 25%, while those on vanities will jump to 40%".
_STAND_IN_PRONOUNS = frozenset({"those", "that"})


def _stands_for_tariff(token: Token) -> bool:
    """True for "those on vanities" / "that on steel": a pronoun with its own goods phrase."""
    return token.pos_ == "PRON" and any(
        c.dep_ == "prep"
        and c.lower_ in {"on", "for", "from"}
        and any(g.dep_ == "pobj" for g in c.children)
        for c in token.children
    )


@lru_cache(maxsize=1)
def candidate_words() -> frozenset[str]:
    """Every lower-case form a tariff word can take (a cheap pre-filter)."""
    t = tables()
    words = set(t.tariff_lemmas) | set(t.tariff_phrase_heads) | {"rate", "rates"}
    words |= {w + "s" for w in words} | {w[:-1] + "ies" for w in words if w.endswith("y")}
    return frozenset(words)


def tariff_tokens(doc: Doc) -> set[int]:
    """Indices of the tariff words of ``doc``."""
    found: set[int] = set()
    candidates = candidate_words()
    texts = lowers(doc)
    strings = doc.vocab.strings
    lemmas = [strings[int(h)].lower() for h in doc.to_array("LEMMA")] if len(doc) else []
    rates: list[int] = []
    stand_ins: list[int] = []
    for i, (lower, base) in enumerate(zip(texts, lemmas, strict=False)):
        if lower in _STAND_IN_PRONOUNS:
            stand_ins.append(i)
            continue
        if lower not in candidates and base not in candidates:
            continue
        if base == "rate" or lower in {"rate", "rates"}:
            rates.append(i)
        elif is_tariff_word(doc[i], False):
            found.add(i)
    if rates or stand_ins:
        ctx_sents = _sentence_index(doc)
        with_tariff = {ctx_sents[i] for i in found}
        for i in rates:  # a rate in a sentence about tariffs, or "That rate" right after one
            sent = ctx_sents[i]
            near = sent in with_tariff or (sent - 1 in with_tariff and _refers_back(doc[i]))
            if is_tariff_word(doc[i], near):
                found.add(i)
        for i in stand_ins:
            if any(j < i and ctx_sents[j] == ctx_sents[i] for j in found):
                if _stands_for_tariff(doc[i]):
                    found.add(i)
    return found


def _refers_back(rate: Token) -> bool:
    """True for "That rate", "the new rate", "higher rates": a definite rate, or one compared
    with the rates just named, of nothing named ("the rate of inflation" is not)."""
    marked = any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or (c.dep_ == "amod" and c.tag_ == "JJR")
        for c in rate.children
    )
    return marked and not any(c.dep_ == "prep" and c.lower_ == "of" for c in rate.children)


_DEFINITE = frozenset({"the", "that", "this", "these", "those"})


def _sentence_index(doc: Doc) -> list[int]:
    """For each token, the index of its sentence (all 0 without sentence boundaries)."""
    index = [0] * len(doc)
    if doc.has_annotation("SENT_START"):
        for n, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                index[i] = n
    return index
