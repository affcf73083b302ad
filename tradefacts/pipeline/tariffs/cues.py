"""Status, qualifier and measure of a rate, from the cue words of ``data/tariffs.json`` scoped
to its clause (status), the words before the rate (qualifier) or the tariff phrase (measure)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..tense import governing_verb, verb_tense
from .tariff_words import is_tariff_word
from .tokens import lemma, phrase_hits, phrases_in
from .vocabulary import tables


def _status_in(doc: Doc, lo: int, hi: int, skip: range = range(0)) -> str | None:
    """The highest-priority status cued in tokens [lo, hi) outside ``skip``, if any. A verb
    that cues a rate in effect ("imposed", "face") in a future clause announces it ("will face
    25%", "will see tariffs imposed")."""
    found = {
        _refined(doc, kind, i)
        for kind, i in phrase_hits(doc, lo, hi, tables().status_cues)
        if i not in skip
    }
    return next((s for s in tables().status_priority if s in found), None)


def _replaced_phrase(doc: Doc, pspan: Span) -> range:
    """The tokens of the "from" phrase of another rate in ``pspan``'s clause ("15%, down from the
    25% rate Washington had threatened"): its cues are that rate's, not this one's."""
    sent = doc[pspan.start].sent
    for token in sent:
        if token.lower_ != "from" or token.i in range(pspan.start, pspan.end):
            continue
        objects = [c for c in token.children if c.dep_ == "pobj"]
        if not objects:
            continue
        phrase = range(token.i, objects[0].right_edge.i + 1)
        if pspan.start not in phrase and any(
            doc[i].like_num and _percent_after(doc, i) for i in phrase
        ):
            return phrase
    return range(0)


def _percent_after(doc: Doc, i: int) -> bool:
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return nxt in {"%", "percent", "per", "pc"} or doc[i].text.endswith("%")


def _refined(doc: Doc, kind: str, i: int) -> str:
    """The status a cue at token ``i`` gives: a verb of a rate in effect in a future clause
    announces it ("will face 25%"); "would levy" in a clause of an agreement states the agreed
    rate ("an agreement that would levy 15%"), announced rather than threatened; so does "now"
    in a future clause ("will now face 20%")."""
    if kind == "in_effect" and _in_future_clause(doc[i]):
        return "announced"
    adverb = doc[i]
    if kind == "in_effect" and adverb.lower_ in tables().change_adverbs and adverb.dep_ == "advmod":
        if _in_future_clause(adverb.head):
            return "announced"  # "will now face a 20% tariff": new, to come
    if kind == "threatened" and doc[i].lower_ == "would" and _of_a_deal(doc[i].head):
        return "announced"
    return kind


def _of_a_deal(verb: Token) -> bool:
    """True when ``verb``'s clause belongs to an agreement: a relative clause of a deal noun
    ("a deal under which the US would impose") or a deal noun as its subject."""
    deals = tables().deal_nouns
    if verb.dep_ == "relcl" and lemma(verb.head) in deals:
        return True
    return any(c.dep_ == "nsubj" and lemma(c) in deals for c in verb.children)


def _in_future_clause(token: Token) -> bool:
    """True for a verb (or a participle modifying a noun) whose clause is in the future."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    verb = governing_verb(token.head) if token.dep_ == "acl" else token
    return verb is not None and verb_tense(verb) == "future"


def status_for(doc: Doc, clauses: list[tuple[int, int]], k: int, pspan: Span) -> tuple[str, bool]:
    """Status for the percent ``pspan`` in clause ``k`` and whether a cue (not the default)
    gave it."""
    t = tables()
    lo, hi = clauses[k]
    own = _status_in(doc, lo, hi, _replaced_phrase(doc, pspan))
    if own is None and doc[lo].lower_ == "as" and k > 0:
        own = _status_in(doc, *clauses[k - 1])
    if (own is None or own == "in_effect") and k + 1 < len(clauses):
        nlo, nhi = clauses[k + 1]
        head_words = {doc[i].lower_ for i in range(nlo, min(nhi, nlo + 4))}
        if head_words & t.anaphoric:
            follow = _status_in(doc, nlo, nhi)
            if follow in {"paused", "removed", "claimed"}:
                return follow, True
    if own is None and _will_clause(pspan):
        return "announced", True  # "Libya will also be subjected to a 30% rate": no cue word
    return (own, True) if own else ("in_effect", False)


_WILL = frozenset({"will", "shall", "'ll", "’ll"})
#: Verbs whose future leaves the rate they act on in place until then ("Britain will axe
#: tariffs of 20%", "the 10% rate will continue"); their "to" phrase names the new rate.
_ENDING_VERBS = frozenset({"axe", "scrap", "eliminate", "remove", "end", "abolish", "continue"})


def _will_clause(pspan: Span) -> bool:
    """True when the verb that governs the rate is in the future with "will" ("will also be
    subjected to 30%", "will go up to 50%"), unless the rate is the one a change or an ending
    acts on ("will axe tariffs of 20%", "the 12% tariff will go to zero": its subject or
    object; "from 150%" is left to ``replaced_rate_status``)."""
    verb = governing_verb(pspan.root)
    if verb is None or not any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in _WILL for c in verb.children
    ):
        return False
    base = lemma(verb)
    if base in _ENDING_VERBS:
        return False
    if base in tables().impose_verbs and any(c.dep_ == "neg" for c in verb.children):
        return False  # "will not impose a 25% tariff" announces nothing ("will not exceed" does)
    if base in tables().rate_change_verbs:  # the rate acted on is the subject or the object
        branch = next((c for c in verb.children if pspan.root in c.subtree), None)
        return branch is None or branch.dep_ not in ("nsubj", "nsubjpass", "dobj")
    return True


def replaced_rate_status(doc: Doc, pspan: Span) -> str | None:
    """For the rate a change starts from ("raised to 50%, up from 25%", "cut from 39% to 15%",
    "will be reduced to 15% from 39%"): what its own phrase says ("down from the 46% rate he
    had threatened"), else removed when the change has happened and in effect while it is
    still to come or only intended ("has proposed raising tariffs to 50% from 20%"); None for
    any other rate ("tariffs ranging from 10% to 50%")."""
    before = pspan.start - 1
    for _ in range(3):  # "from the current 84%", "from the original 10 percent"
        if before >= 0 and doc[before].pos_ in ("DET", "ADJ") and doc[before].lower_ != "from":
            before -= 1
    if before < 0 or doc[before].lower_ != "from":
        return _changed_subject_status(pspan)
    origin = doc[before]
    if before > 0 and doc[before - 1].lower_ in {"up", "down"}:
        verb = governing_verb(doc[before - 1])
    else:
        verb = governing_verb(origin)
        if verb is None or lemma(verb) not in tables().rate_change_verbs:
            return None
    if verb is None:
        return None
    phrase = pspan.root.head if pspan.root.head.dep_ == "pobj" else pspan.root
    if phrase.dep_ == "pobj" and phrase.head.i == origin.i:
        own = _status_in(doc, phrase.left_edge.i, phrase.right_edge.i + 1)
        if own not in (None, "in_effect", "announced"):
            return own  # "down from the 46% he had threatened": never in effect
    intended = verb.tag_ in ("VB", "VBG") and lemma(verb.head) in tables().intent_verbs
    return "in_effect" if intended or verb_tense(verb) in {"future", "near"} else "removed"


def _changed_subject_status(pspan: Span) -> str | None:
    """For a rate in the subject of a change to a new rate ("The 25% tariff has been reduced to
    15%", "the tariffs, which were to take effect at 25%, have been cut to 15%"): removed once
    the change has happened, in effect while it is to come; None for any other rate."""
    node = pspan.root
    while node.dep_ not in ("nsubj", "nsubjpass") and node.head.i != node.i:
        node = node.head
    verb = node.head
    if node.dep_ not in ("nsubj", "nsubjpass") or lemma(verb) not in tables().rate_change_verbs:
        return None
    new_rate = any(
        prep.dep_ == "prep"
        and prep.lower_ == "to"
        and any(t.like_num and _percent_after(t.doc, t.i) for t in prep.subtree)
        for prep in verb.children
    )
    if not new_rate:
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
    clause_kinds = {
        kind
        for kind, i in phrase_hits(doc, lo, hi, t.measure_cues)
        if not _modifies_other_tariff(doc[i], tariff)
    }
    a = max(lo, min(pspan.start, tariff.i) - 4)
    b = min(hi, max(pspan.end, tariff.i + 1) + 4)
    near = set(phrases_in(doc, a, b, t.measure_cues))
    sub_lo = max(lo, tariff.left_edge.i)
    sub_hi = min(hi, tariff.right_edge.i + 1, sub_lo + 30)
    near |= {
        kind
        for kind, i in phrase_hits(doc, sub_lo, sub_hi, t.measure_cues)
        if (doc[i].lower_,) not in t.measure_cues
        or not _describes_other_noun(doc[i], tariff, pspan)
    }
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


def _modifies_other_tariff(cue: Token, tariff: Token) -> bool:
    """True when the cue word modifies a tariff noun other than the rate's ("the bloc would
    implement retaliatory tariffs ... following the decision to impose 25% duties on steel"):
    the cue is that tariff's measure."""
    head = cue.head
    return cue.dep_ in {"amod", "compound"} and head.i != tariff.i and is_tariff_word(head)


def _describes_other_noun(cue: Token, tariff: Token, pspan: Span) -> bool:
    """True when the (one-word) cue modifies a noun of its own, with no tariff word or rate between
    them ("the 39% levy - among the highest under Trump's global trade reset -"); "the global
    tariff regime" keeps its cue."""
    head = cue.head
    if cue.dep_ not in {"amod", "compound"} or head.i == tariff.i:
        return False
    lo, hi = min(cue.i, head.i), max(cue.i, head.i) + 1
    return not any(
        i == tariff.i or pspan.start <= i < pspan.end or is_tariff_word(cue.doc[i])
        for i in range(lo, hi)
    )


def has_word_near(doc: Doc, pspan: Span, tariff: Token, word: str) -> bool:
    """True when ``word`` is within four tokens of the rate or the tariff word."""
    a, b = min(pspan.start, tariff.i) - 4, max(pspan.end, tariff.i + 1) + 4
    return any(doc[i].lower_ == word for i in range(max(0, a), min(len(doc), b)))
