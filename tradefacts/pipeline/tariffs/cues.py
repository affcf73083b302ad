"""Status, qualifier and measure of a rate, from the cue words of ``data/tariffs.json`` scoped
to its clause (status), the words before the rate (qualifier) or the tariff phrase (measure)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..tense import governing_verb, verb_tense
from .tokens import lemma, phrase_hits, phrases_in
from .vocabulary import tables


def _status_in(doc: Doc, lo: int, hi: int) -> str | None:
    """The highest-priority status cued in tokens [lo, hi), if any. A verb that cues a rate in
    effect ("imposed", "face") in a future clause announces it ("will face 25%", "will see
    tariffs imposed")."""
    found = {
        "announced" if kind == "in_effect" and _in_future_clause(doc[i]) else kind
        for kind, i in phrase_hits(doc, lo, hi, tables().status_cues)
    }
    return next((s for s in tables().status_priority if s in found), None)


def _in_future_clause(token: Token) -> bool:
    """True for a verb (or a participle modifying a noun) whose clause is in the future."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    verb = governing_verb(token.head) if token.dep_ == "acl" else token
    return verb is not None and verb_tense(verb) == "future"


def status_for(doc: Doc, clauses: list[tuple[int, int]], k: int) -> tuple[str, bool]:
    """Status for the percent in clause ``k`` and whether a cue (not the default) gave it."""
    t = tables()
    lo, hi = clauses[k]
    own = _status_in(doc, lo, hi)
    if own is None and doc[lo].lower_ == "as" and k > 0:
        own = _status_in(doc, *clauses[k - 1])
    if (own is None or own == "in_effect") and k + 1 < len(clauses):
        nlo, nhi = clauses[k + 1]
        head_words = {doc[i].lower_ for i in range(nlo, min(nhi, nlo + 4))}
        if head_words & t.anaphoric:
            follow = _status_in(doc, nlo, nhi)
            if follow in {"paused", "removed", "claimed"}:
                return follow, True
    return (own, True) if own else ("in_effect", False)


def replaced_rate_status(doc: Doc, pspan: Span) -> str | None:
    """For the rate a change starts from ("raised to 50%, up from 25%", "cut from 39% to 15%",
    "will be reduced to 15% from 39%"): removed when the change has happened, in effect while
    it is still to come; None for any other rate ("tariffs ranging from 10% to 50%")."""
    before = pspan.start - 1
    if before >= 0 and doc[before].lower_ in {"the", "a"}:
        before -= 1
    if before < 0 or doc[before].lower_ != "from":
        return None
    origin = doc[before]
    if before > 0 and doc[before - 1].lower_ in {"up", "down"}:
        verb = governing_verb(doc[before - 1])
    else:
        verb = governing_verb(origin)
        if verb is None or lemma(verb) not in tables().rate_change_verbs:
            return None
    if verb is None:
        return None
    return "in_effect" if verb_tense(verb) in {"future", "near"} else "removed"


def qualifier_for(doc: Doc, pspan: Span, tariff: Token, approximate: bool) -> str:
    """ "up_to", "average" or "approximately" from the words around the rate, else "exact"."""
    t = tables()
    before = [doc[i].lower_ for i in range(max(0, pspan.start - 4), pspan.start)]
    for kind, words in t.qualifiers:
        n = len(words)
        if n <= len(before) and tuple(before[-n:]) == words:
            return kind
        if (
            n + 1 <= len(before)
            and before[-1] in {"of", "at", "a", "an"}
            and tuple(before[-n - 1 : -1]) == words
        ):
            return kind
    if any(lemma(c) == "average" or c.lower_ == "average" for c in tariff.children):
        return "average"
    return "approximately" if approximate else "exact"


def measure_for(
    doc: Doc,
    pspan: Span,
    tariff: Token,
    clause: tuple[int, int],
    qualifier: str,
    products: tuple[str, ...],
    has_target: bool,
) -> str:
    """retaliatory / average / baseline / reciprocal from cues, else sectoral (products) or
    other."""
    t = tables()
    lo, hi = clause
    clause_kinds = set(phrases_in(doc, lo, hi, t.measure_cues))
    a = max(lo, min(pspan.start, tariff.i) - 4)
    b = min(hi, max(pspan.end, tariff.i + 1) + 4)
    near = set(phrases_in(doc, a, b, t.measure_cues))
    sub_lo = max(lo, tariff.left_edge.i)
    sub_hi = min(hi, tariff.right_edge.i + 1, sub_lo + 30)
    near |= set(phrases_in(doc, sub_lo, sub_hi, t.measure_cues))
    if "retaliatory" in clause_kinds:
        return "retaliatory"
    if qualifier == "average" or "average" in near:
        return "average"
    words = {doc[i].lower_ for i in range(a, b)}
    if "baseline" in near:
        return "baseline"
    if "reciprocal" in near:
        across = "board" in words and "reciprocal" not in words and "liberation" not in words
        return "baseline" if across and not has_target else "reciprocal"
    return "sectoral" if products else "other"


def has_word_near(doc: Doc, pspan: Span, tariff: Token, word: str) -> bool:
    """True when ``word`` is within four tokens of the rate or the tariff word."""
    a, b = min(pspan.start, tariff.i) - 4, max(pspan.end, tariff.i + 1) + 4
    return any(doc[i].lower_ == word for i in range(max(0, a), min(len(doc), b)))
