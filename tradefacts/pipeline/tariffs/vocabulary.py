"""The tariff word tables of ``data/tariffs.json`` and ``data/products.json``, as lookups."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..data_files import read_table


@dataclass(frozen=True)
class Tables:
    """The word lists of ``data/tariffs.json`` and ``data/products.json``, as lookups."""

    tariff_lemmas: frozenset[str]
    tariff_phrase_heads: dict[str, frozenset[str]]  # head word -> allowed preceding words
    rate_modifiers: frozenset[str]
    rate_blockers: frozenset[str]
    duty_blockers: frozenset[str]
    market_verbs: frozenset[str]
    impose_verbs: frozenset[str]
    target_subject_verbs: frozenset[str]
    target_passive_verbs: frozenset[str]
    hit_object_verbs: frozenset[str]
    criticize_verbs: frozenset[str]
    export_nouns: frozenset[str]
    import_nouns: frozenset[str]
    qualifiers: tuple[tuple[str, tuple[str, ...]], ...]
    status_cues: dict[tuple[str, ...], str]
    status_priority: tuple[str, ...]
    anaphoric: frozenset[str]
    rate_change_verbs: frozenset[str]  # "cut from 39% to 15%": the rate changed from
    intent_verbs: frozenset[str]  # "has proposed raising ... from 20%": no change yet
    deal_nouns: frozenset[str]  # "an agreement that would levy 15%": agreed, not threatened
    change_adverbs: frozenset[str]  # "will now face 20%": a new rate to come, not one in effect
    clause_conjunctions: frozenset[str]
    measure_cues: dict[tuple[str, ...], str]
    products: dict[tuple[str, ...], str]
    generic_goods: frozenset[str]  # heads that name no product ("US goods", "citrus exports")
    product_stop_modifiers: frozenset[str]  # modifiers dropped from open product phrases
    not_products: frozenset[str]  # heads that are never products ("other countries")
    default_imposer: str | None
    bloc_codes: frozenset[str]
    union_adjectives: dict[str, str]
    max_phrase: int  # longest cue/product phrase, in tokens
    first_words: frozenset[str]  # first tokens of all cue/product phrases


def _words(text: str) -> tuple[str, ...]:
    """A cue phrase as the lower-case token texts spaCy's English tokenizer would give."""
    out: list[str] = []
    for part in text.lower().split():
        piece = ""
        for ch in part:
            if ch in "-'’,.":
                if piece:
                    out.append(piece)
                out.append(ch)
                piece = ""
            else:
                piece += ch
        if piece:
            out.append(piece)
    return tuple(out)


@lru_cache(maxsize=1)
def tables() -> Tables:
    """The tariff word tables, loaded once per process."""
    data = read_table("tariffs.json")
    products_data = read_table("products.json")
    phrase_heads: dict[str, set[str]] = {}
    for phrase in data["tariff_phrases"]:
        words = phrase.lower().split()
        phrase_heads.setdefault(words[-1], set()).add(words[-2])
    status = {
        _words(cue): kind
        for kind in reversed(data["status_priority"])
        for cue in data["status_cues"][kind]
    }
    measure = {_words(cue): kind for kind, cues in data["measure_cues"].items() for cue in cues}
    products = {
        _words(word): category
        for category, words in products_data.items()
        if not category.startswith("_")
        for word in words
    }
    phrases = [*status, *measure, *products]
    return Tables(
        tariff_lemmas=frozenset(data["tariff_lemmas"]),
        tariff_phrase_heads={k: frozenset(v) for k, v in phrase_heads.items()},
        rate_modifiers=frozenset(data["rate_tariff_modifiers"]),
        rate_blockers=frozenset(data["rate_blockers"]),
        duty_blockers=frozenset(data["duty_blockers"]),
        market_verbs=frozenset(data["market_verbs"]),
        impose_verbs=frozenset(data["impose_verbs"]),
        target_subject_verbs=frozenset(data["target_subject_verbs"]),
        target_passive_verbs=frozenset(data["target_passive_verbs"]),
        hit_object_verbs=frozenset(data["hit_object_verbs"]),
        criticize_verbs=frozenset(data["criticize_verbs"]),
        export_nouns=frozenset(data["export_nouns"]),
        import_nouns=frozenset(data["import_nouns"]),
        qualifiers=tuple(
            (kind, tuple(words))
            for kind, options in data["qualifiers"].items()
            for words in sorted(options, key=len, reverse=True)
        ),
        status_cues=status,
        status_priority=tuple(data["status_priority"]),
        anaphoric=frozenset(data["anaphoric_words"]),
        rate_change_verbs=frozenset(data["rate_change_verbs"]),
        deal_nouns=frozenset(data["deal_nouns"]),
        change_adverbs=frozenset(data["change_adverbs"]),
        intent_verbs=frozenset(data["intent_verbs"]),
        clause_conjunctions=frozenset(data["clause_conjunctions"]),
        measure_cues=measure,
        products=products,
        generic_goods=frozenset(data["generic_goods"]),
        product_stop_modifiers=frozenset(data["product_stop_modifiers"]),
        not_products=frozenset(data["not_products"]),
        default_imposer=data.get("default_imposer"),
        bloc_codes=frozenset(data.get("bloc_codes", [])),
        union_adjectives=dict(data.get("union_adjectives", {})),
        max_phrase=max((len(p) for p in phrases), default=1),
        first_words=frozenset(p[0] for p in phrases if p),
    )
