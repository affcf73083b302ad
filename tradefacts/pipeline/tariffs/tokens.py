"""Token helpers shared by the tariff modules: lemmas, cached lower-case texts, tree walks,
verb-table tests and longest-match phrase lookup."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .vocabulary import tables

#: Tokens that end a clause for the word windows.
CLAUSE_PUNCT = {";", ".", "!", "?"}
#: Parts of speech that, after a comma, end a list of goods ("on rice, a figure ...").
LIST_BREAK_POS = {"DET", "PRON", "VERB", "AUX", "SCONJ", "ADV", "ADP"}

#: Lemmas of buying: a country named in what is bought is the reason for a tariff, not its
#: target ("an additional 25% over its purchases of Russian oil").
BUYING_LEMMAS = frozenset({"buy", "purchase", "purchasing", "buying"})


def lemma(token: Token) -> str:
    """The token's lower-case lemma (its text when the lemmatiser gave none)."""
    return (token.lemma_ or token.text).lower()


def lowers(doc: Doc) -> list[str]:
    """Lower-case token texts of ``doc``, computed once per doc (Token objects are costly)."""
    key = "tradefacts.tariffs.lowers"
    cached = doc.user_data.get(key)
    if cached is None or len(cached) != len(doc):
        strings = doc.vocab.strings
        cached = [strings[int(h)] for h in doc.to_array("LOWER")] if len(doc) else []
        doc.user_data[key] = cached
    return cached


def ancestors(token: Token, limit: int) -> Iterator[Token]:
    """The token's heads, nearest first, at most ``limit`` of them."""
    cur = token
    for _ in range(limit):
        if cur.head.i == cur.i:
            return
        cur = cur.head
        yield cur


def conjunct_head(token: Token) -> Token:
    """The first member of the coordination ``token`` is in ("Canada" for "Mexico" in
    "Canada and Mexico"); the token itself when it is no later conjunct."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def in_parentheses(token: Token) -> bool:
    """True when the token's phrase opens right after "(" (an aside on the word before)."""
    start = token.left_edge.i
    return start > 0 and token.doc[start - 1].text == "("


def own_phrase(token: Token) -> tuple[int, int]:
    """First and last token index of ``token``'s phrase without the list members or appositions
    that follow it: "a 30% levy on imports from China, 25% tariffs on goods from Mexico" ends
    at "China" for "levy" (each tariff keeps its own prepositional phrases)."""
    end = token.right_edge.i
    for child in token.children:
        if child.dep_ in {"conj", "appos", "cc"} and child.i > token.i:
            end = min(end, child.left_edge.i - 1)
    return token.left_edge.i, end


def verb_in(token: Token, table: frozenset[str]) -> bool:
    """True when the verb's lemma (or a plain de-inflection; the lemmatiser errs) is listed."""
    lower = token.lower_
    forms = {lemma(token), lower, lower[:-1], lower[:-2], lower[:-3], lower[:-3] + "e"}
    return not forms.isdisjoint(table)


def phrases_in(doc: Doc, lo: int, hi: int, table: dict[tuple[str, ...], str]) -> Iterator[str]:
    """Kinds of the table phrases found in tokens [lo, hi) (longest match at each position)."""
    return (kind for kind, _ in phrase_hits(doc, lo, hi, table))


def phrase_hits(
    doc: Doc, lo: int, hi: int, table: dict[tuple[str, ...], str]
) -> Iterator[tuple[str, int]]:
    """(kind, first token index) of the table phrases found in tokens [lo, hi)."""
    t = tables()
    limit = t.max_phrase
    words = lowers(doc)[lo:hi]
    i = 0
    while i < len(words):
        if words[i] not in t.first_words:
            i += 1
            continue
        for n in range(min(limit, len(words) - i), 0, -1):
            kind = table.get(tuple(words[i : i + n]))
            if kind is not None:
                yield kind, lo + i
                i += n
                break
        else:
            i += 1


def in_purchased_goods(token: Token) -> bool:
    """True when the mention names what someone buys ("purchases of Russian oil", "countries
    buying Venezuelan crude"), not the buyer ("India's purchases")."""
    prev, cur = token, token.head
    for _ in range(4):
        if cur.lemma_.lower() in BUYING_LEMMAS or cur.lower_ in BUYING_LEMMAS:
            return prev.dep_ not in {"nsubj", "poss", "nsubjpass", "agent"}
        if cur.head.i == cur.i:
            return False
        prev, cur = cur, cur.head
    return False


#: Nouns of a change whose "to" / "from" phrase is the level of the tariff they are "of", and
#: whose "on" phrase is that tariff's scope: "the increase of the tariff on cars to 27.5%".
CHANGE_NOUNS = frozenset(
    {"increase", "hike", "rise", "raise", "cut", "reduction", "lowering", "jump", "doubling"}
)


def change_noun_of(tariff: Token) -> Token | None:
    """The change noun a tariff word is "of" or "in": "the increase (in April) of the tariff",
    "the increase in tariffs" (None for any other tariff word)."""
    prep = tariff.head
    if tariff.dep_ != "pobj" or prep.lower_ not in {"of", "in"}:
        return None
    noun = prep.head.head.head if prep.head.ent_type_ == "DATE" else prep.head
    return noun if noun.pos_ == "NOUN" and lemma(noun) in CHANGE_NOUNS else None
