"""The clause around one tariff word: its governing verb, that verb's subject (or the speaker
a pronoun subject stands in for), passive voice, a criticising verb, the "on ..." scope and
an "exemption from" noun."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .context import Context
from .scope import on_window, prep_scope, scope_preps
from .tokens import ancestors, lemma, verb_in
from .vocabulary import tables

#: Dependencies through which a verb without a subject borrows the subject of its head.
_BORROW_DEPS = {"xcomp", "conj", "advcl", "pcomp", "prep"}
_STAND_IN_SUBJECTS = {"he", "she", "it", "they", "we", "government", "administration", "country"}
#: Nouns whose "from" phrase names a tariff someone is spared ("an exemption from the levy").
_RELIEF_NOUNS = frozenset(
    {
        "exemption",
        "relief",
        "reprieve",
        "waiver",
        "exclusion",
        "carve-out",
        "carveout",
        "respite",
        "break",
        "shield",
        "protection",
        "immunity",
        "escape",
    }
)


@dataclass
class Frame:
    """The clause around one tariff word: its verb, that verb's subject, the "on ..." scope."""

    tariff: Token
    verb: Token | None
    subject: Token | None
    subject_verb: Token
    passive: bool
    critic: Token | None
    tariff_is_subject: bool
    np_start: int
    on_scope: set[int]
    speaker: Token | None = None
    relief: Token | None = None  # "exemption" in "seeking an exemption from the 26% levy"


def clause_frame(ctx: Context, tariff: Token, pspan: Span, lo: int, hi: int, sent_lo: int) -> Frame:
    """The frame of ``tariff`` (rate ``pspan``) in the clause [lo, hi) of a sentence from
    ``sent_lo``."""
    t = tables()
    verb = governing_verb(tariff)
    subject, subject_verb = subject_of(verb) if verb is not None else (None, tariff)
    if verb is not None and (subject is None or subject.i < sent_lo):
        subject, subject_verb = _surface_subject(ctx, verb, lo), verb
    speaker = _speaker_subject(subject, subject_verb) if subject is not None else None
    critic = next((a for a in ancestors(tariff, 7) if verb_in(a, t.criticize_verbs)), None)
    passive = verb is not None and (
        any(c.dep_ == "auxpass" for c in verb.children)
        or any(c.dep_ == "agent" for c in verb.children)
    )  # "with Chile struck by a 30% levy": a verb with an agent is passive, auxiliary or not
    on_scope: set[int] = set()
    preps = scope_preps(tariff, pspan, verb)
    for prep in preps:
        on_scope.update(prep_scope(ctx.doc, prep, lo, hi))
    if not any(prep.i == tariff.i + 1 for prep in preps):  # the parse attached "on" away
        on_scope.update(on_window(ctx.doc, tariff, hi))
    relief = relief_noun(tariff)
    return Frame(
        tariff=tariff,
        verb=verb,
        subject=subject,
        subject_verb=subject_verb,
        passive=passive or (subject is not None and subject.dep_ == "nsubjpass"),
        critic=critic,
        tariff_is_subject=tariff.dep_ in {"nsubj", "nsubjpass"},
        np_start=min(tariff.left_edge.i, pspan.start),
        on_scope=on_scope,
        speaker=speaker,
        relief=relief,
    )


def governing_verb(tariff: Token) -> Token | None:
    """The first verb above the tariff word (at most five steps up)."""
    for anc in ancestors(tariff, 5):
        if anc.pos_ in {"VERB", "AUX"}:
            return anc
    return None


def subject_of(verb: Token) -> tuple[Token | None, Token]:
    """The subject of ``verb`` (borrowed from the verb it hangs off for xcomp/conj/advcl), and
    the verb it was found on."""
    cur = verb
    for _ in range(4):
        for child in cur.children:
            if child.dep_ in {"nsubj", "nsubjpass", "csubj"}:
                return child, cur
        have = _stranded_have(cur)
        if have is not None:
            return subject_of(have)
        if cur.dep_ == "acl" and cur.head.pos_ == "NOUN":  # "X's decision to impose ..."
            owner = next((c for c in cur.head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner, cur
            noun = cur.head  # "the US adopted a measure imposing ...": who adopted it
            if noun.dep_ == "dobj" and verb_in(noun.head, tables().impose_verbs):
                cur = noun.head
                continue
        if cur.dep_ not in _BORROW_DEPS or cur.head.i == cur.i:
            break
        if cur.dep_ in {"advcl", "pcomp"} and cur.tag_ not in {"VBG", "VBN"}:
            break
        cur = cur.head
    return None, verb


def _stranded_have(participle: Token) -> Token | None:
    """The "had" the parser made a main verb when adverbials split it from its participle:
    "after the bloc had earlier in the day imposed a 20% tariff" (the participle then hangs
    off another verb, whose subject is not its own)."""
    if participle.tag_ not in {"VBN", "VBD"} or any(
        c.dep_ in {"aux", "auxpass"} for c in participle.children
    ):
        return None
    doc = participle.doc
    for i in range(participle.i - 1, max(participle.sent.start, participle.i - 12) - 1, -1):
        tok = doc[i]
        if lemma(tok) == "have" and tok.pos_ in {"VERB", "AUX"}:
            objects = any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in tok.children)
            adjacent = tok.right_edge.i == participle.i - 1
            return tok if adjacent and not objects else None
        if tok.pos_ in {"VERB", "AUX"} or tok.is_punct:
            return None
    return None


def _speaker_subject(subject: Token, subject_verb: Token) -> Token | None:
    """For "her government would impose" / "he would hit", the subject of the verb of saying."""
    if subject.lower_ not in _STAND_IN_SUBJECTS and lemma(subject) not in _STAND_IN_SUBJECTS:
        return None
    if subject_verb.dep_ != "ccomp":
        return None
    speaker, _ = subject_of(subject_verb.head)
    return speaker


def _surface_subject(ctx: Context, verb: Token, lo: int) -> Token | None:
    """A country mention right before the verb ("Japan has long maintained"), for bad parses."""
    nouns = 0
    for i in range(verb.i - 1, max(lo, verb.i - 6) - 1, -1):
        tok = ctx.doc[i]
        if i in ctx.by_token:
            return ctx.doc[ctx.by_token[i].root]
        if tok.text == ",":
            return None  # "... over its purchase of Russian oil, effectively doubling ..."
        if tok.pos_ in {"NOUN", "ADJ"} and nouns < 2:
            nouns += 1  # "Vietnamese goods will face": the country modifies the subject noun
            continue
        if tok.pos_ not in {"AUX", "ADV", "PART", "PUNCT", "SPACE"} or nouns:
            return None
    return None


def relief_noun(tariff: Token) -> Token | None:
    """The noun of "exemption/relief/reprieve from <the tariff>", if the tariff is its object."""
    for anc in ancestors(tariff, 4):
        if anc.pos_ in {"VERB", "AUX"}:
            return None
        if anc.lower_ == "from" and anc.dep_ == "prep":
            head = anc.head
            if head.pos_ in {"VERB", "AUX"}:  # "seeking relief from the levy" (from on the verb)
                return next((c for c in head.children if c.dep_ == "dobj" and _is_relief(c)), None)
            return head if _is_relief(head) else None
    return None


def _is_relief(token: Token) -> bool:
    return lemma(token) in _RELIEF_NOUNS or token.lower_ in _RELIEF_NOUNS


def relief_holders(relief: Token) -> list[Token]:
    """Who is spared: the relief noun's possessor, or the subject of the verb that governs it."""
    holders = [c for c in relief.children if c.dep_ == "poss"]
    verb = governing_verb(relief)
    if verb is not None:  # active, or passive: "Mexico was granted relief from ..."
        subject, _ = subject_of(verb)
        if subject is not None:
            holders.append(subject)
    return holders
