"""Names the model calls PERSON that their context shows to be a company, a brand or a paper.

"sites like Shein and Temu", "Samsung and SK Hynix, two major firms", "Richfield-based Best
Buy, which also reported earnings", "farmers who spoke with The Gazette", "said Yusuf Huang of
Neuberger Berman", "cognac producers Pernod Ricard": each context says
*thing*, whatever the name. Read from the parse, so it holds for names no list has; used
only for names nothing else marks as a person (no title, honorific or known official).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .gazetteer import Gazetteer

#: Words introducing examples of the noun they follow ("platforms like X", "cars, including X").
EXAMPLE_MARKERS = {"like", "including", "as", "notably", "especially"}


def thing_context(doc: Doc, start: int, end: int, g: Gazetteer) -> str | None:
    """Why the name at tokens ``[start, end)`` is not a person, or None when nothing says so."""
    root = doc[start:end].root
    if _determiner_before(doc, start, end):
        return "determiner"
    if _based_before(doc, start):
        return "based"
    if _which_clause(doc, root, end):
        return "which"
    if _affiliation(root):
        return "affiliation"
    head = _kind_noun(root)
    if head is not None and not _person_noun(head, g):
        return f"kind:{head.lower_}"
    label = _noun_before(doc, start, root)
    if label is not None and not any(
        _person_noun(t, g) for t in doc[max(0, label.i - 3) : label.i + 1]
    ):  # not "director of research Sheraz Mian"
        return f"kind:{label.lower_}"
    return None


def _noun_before(doc: Doc, start: int, root: Token) -> Token | None:
    """ "cognac producers Pernod Ricard", "industry group Instituto Aco": a lower-case common
    noun right before the name that labels it (a compound of the name, or a second object
    the parser hung beside it)."""
    while root.dep_ == "conj" and root.head.i < root.i:  # "... Pernod Ricard and Remy Cointreau"
        root = root.head
        start = root.left_edge.i
    if start == 0:
        return None
    noun = doc[start - 1]
    if not _common_noun(noun) or noun.is_sent_start:
        return None
    labels = noun.head == root and noun.dep_ == "compound"
    beside = noun.head == root.head and noun.dep_ == root.dep_ and noun.head.i != noun.i
    return noun if labels or beside else None


def _determiner_before(doc: Doc, start: int, end: int) -> bool:
    """ "The Gazette": a definite article of the name itself (not "the Trump administration")."""
    if start == 0:
        return False
    before = doc[start - 1]
    return before.lower_ == "the" and start <= before.head.i < end


def _based_before(doc: Doc, start: int) -> bool:
    """ "Richfield-based Best Buy", "a Seoul-based company"."""
    if start == 0:
        return False
    before = doc[start - 1]
    return before.lower_.endswith("-based") or (
        before.lower_ == "based" and start >= 2 and doc[start - 2].text in {"-", "‐"}
    )


def _which_clause(doc: Doc, root: Token, end: int) -> bool:
    """ "Best Buy, which also reported earnings": a "which" clause right after the name (one
    further away is as often the parser attaching another noun's clause to the name)."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ != "which":
        return False
    return any(
        child.dep_ == "relcl" and min(t.i for t in child.subtree) == end + 1
        for child in root.children
    )


def _affiliation(root: Token) -> bool:
    """ "Yusuf Huang of Neuberger Berman", "Ana Ruiz at Carver Lindqvist": a name hung on a
    person's name by "of" or "at" is where that person works."""
    marker = root.head
    if root.dep_ != "pobj" or marker.lower_ not in {"of", "at"} or marker.i > root.i:
        return False
    person = marker.head
    return person.ent_type_ == "PERSON" and person.i < marker.i and person.i != root.i


def _kind_noun(root: Token) -> Token | None:
    """The common noun the name is an example or apposition of, through conjunctions."""
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    # appositions only in the plural ("Samsung and SK Hynix, two major firms"): a singular one
    # describes a person too often, and is often attached to the wrong noun
    for child in first.children:
        if child.dep_ == "appos" and _common_noun(child, plural=True):
            return child
    if first.dep_ == "appos" and _common_noun(first.head, plural=True):
        return first.head
    if first.dep_ == "pobj":
        marker = first.head
        if marker.lower_ in EXAMPLE_MARKERS:  # "platforms like Shein"; "such as"; "including"
            noun = marker.head
            if noun.lower_ == "such" and noun.head.i != noun.i:
                noun = noun.head
            if _common_noun(noun):
                return noun
    return None


def _common_noun(token: Token, plural: bool = False) -> bool:
    tags = {"NNS"} if plural else {"NNS", "NN"}
    starts_sentence = bool(token.is_sent_start) and token.text[1:].islower()
    return token.pos_ == "NOUN" and token.tag_ in tags and (token.is_lower or starts_sentence)


def _person_noun(noun: Token, g: Gazetteer) -> bool:
    """ "leaders", "officials", "economists", "Democrats": nouns for people."""
    words = {noun.lower_, noun.lemma_.lower()}
    if words & (g.person_heads | g.plural_heads | g.person_nouns):
        return True
    return any(w.endswith(suffix) for w in words for suffix in g.person_noun_suffixes)
