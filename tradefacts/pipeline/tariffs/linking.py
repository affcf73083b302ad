"""Which tariff word a percent is the rate of: through the dependency tree, a tight word window,
a comparison ("compared with 3.3% for the US") or an elliptical conjunct."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .context import WINDOW, Context, CountryMention, Percent, sentence_span
from .tokens import CHANGE_NOUNS, CLAUSE_PUNCT, ancestors, in_parentheses, lemma, verb_in
from .vocabulary import tables

#: Verbs a rate is the level of ("reach 25%", "stands at 10%").
_LEVEL_VERBS = {"hit", "reach", "average", "total", "top", "exceed", "touch", "be", "stand"}
#: Dependencies by which a tariff word is an argument of the verb the rate hangs off.
_TARIFF_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "oprd"}
#: Nouns a tariff word may modify and still carry the rate ("a 25% tariff hike").
_TARIFF_CHANGE_NOUNS = {"hike", "increase", "rise", "cut", "reduction", "rate", "level", "wall"}
_PERCENT_TAIL = {"%", "percent", "cent", "pc", "per", "pct", "percentage"}
_LEFT_OK_POS = {"ADP", "ADV", "ADJ", "DET", "PART", "NUM", "SYM", "CCONJ", "PUNCT"}
_LEFT_OK_WORDS = {"averaging", "averaged", "estimated", "capped", "set", "rate", "rates"}
_COMPARE_PREPS = {"above", "below", "than", "versus", "vs", "vs.", "over", "under"}


#: Nouns of a change: a percent that measures one is no rate ("a 30% reduction").
_CHANGE_AMOUNT_NOUNS = frozenset(
    {"reduction", "cut", "increase", "rise", "drop", "decrease", "jump", "hike", "fall", "decline"}
)


def _change_amount(rate: Token) -> bool:
    """True for "from 49% to 19%, a 30% reduction": the percent sizes a change noun that is no
    tariff word's ("a 25% tariff hike" is the tariff's)."""
    head = rate.head
    if rate.dep_ not in {"compound", "amod", "nummod", "npadvmod"} or head.pos_ != "NOUN":
        return False
    if lemma(head) not in _CHANGE_AMOUNT_NOUNS and head.lower_ not in _CHANGE_AMOUNT_NOUNS:
        return False
    return not any(c.dep_ == "compound" and c.i != rate.i for c in head.children)


def linked_tariff(ctx: Context, pspan: Span, lo: int, hi: int) -> Token | None:
    """The tariff word the percent ``pspan`` is the rate of, or None."""
    doc = ctx.doc
    t = tables()
    if _change_amount(pspan.root):
        return None
    after = pspan.end
    if after < hi and doc[after].lower_ == "of" and pspan.root.i not in ctx.tariff:
        return None  # "1.8% of its GDP", "25% of imports": a share, not a rate
    root = pspan.root
    previous = _previous_level_of(ctx, root)
    if previous is not None:
        return previous  # "raised the duties to 50%, up from the 25% imposed in March"
    via = root
    # "cut tariffs by 17.5% to 10%": the parser makes "17.5% to 10%" one phrase under "by";
    # the percent after "to" is the level
    to_level = pspan.start > 0 and doc[pspan.start - 1].lower_ == "to"
    to_level = to_level and doc[pspan.start - 1].head.i in range(pspan.start, pspan.end)
    for anc in [root, *ancestors(root, 4)]:
        if anc.i in ctx.tariff and not (pspan.start <= anc.i < pspan.end):
            if via is root and root.dep_ == "conj" and own_scope(ctx, root):
                return None  # "a 25% duty on cars and 10% on other goods": a rate of its own
            return anc
        if anc.pos_ == "NOUN" and lemma(anc) in CHANGE_NOUNS and _rate_slot(via):
            changed = _changed_tariff(ctx, anc)
            if changed is not None:
                return changed  # "the increase of the tariff on cars to 27.5 percent"
        if anc.pos_ in {"VERB", "AUX"}:
            level = lemma(anc) in _LEVEL_VERBS
            if _rate_slot(via) or to_level or (level and via.dep_ in {"dobj", "npadvmod"}):
                for child in _chain_arguments(anc):
                    found = _tariff_in_argument(ctx, child)
                    if found is not None:
                        return found
                changed = _change_phrase_before(ctx, via)
                if changed is not None:
                    return changed  # "mitigating the increase of the tariff on X to 27.5%"
                clause = _clause_top(anc)  # "which remain in place and went up to 35%"
                if clause.dep_ in {"relcl", "acl"}:
                    owner = _relative_owner(ctx, clause.head)
                    if owner is not None:
                        return (
                            owner  # "the levy, which stands at 25 per cent", "tariffs reaching 90%"
                        )
            if lemma(anc) in t.market_verbs:
                return None  # "the dollar rose 0.5%"
            if via is root and via.dep_ == "dobj" and lemma(anc) in _ADD_VERBS:
                added_to = _added_to_tariff(ctx, anc)
                if added_to is not None:
                    return added_to  # "add another 25 per cent to Canada's tariffs on steel"
            if via is root and via.dep_ == "dobj" and not level:
                # "reduce the current 27.5 per cent U.S. tariffs" (parsed as two objects)
                return _window_link(ctx, pspan, lo, hi)
            if via is root and via.dep_ == "npadvmod" and not level:
                return None  # "tariffs could shave 0.5% off growth"
            if via.lower_ == "by" and not to_level:
                return None  # "raise prices by 5%": a change, not a rate
            break
        via = anc
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "on"}:
            for grand in child.children:
                if grand.i in ctx.tariff:
                    return grand
    return _window_link(ctx, pspan, lo, hi)


#: Dependencies through which a verb without its own arguments takes those of its head:
#: "Duties on rice were due to climb to 18%" (climb -> due -> were, whose subject is "Duties").
_CHAIN_DEPS = frozenset({"xcomp", "acomp"})


def _changed_tariff(ctx: Context, change: Token) -> Token | None:
    """The tariff word of a change noun: "the increase (in April) of the tariff on cars", "the
    increase in tariffs"."""
    for token in change.subtree:
        if token.i in ctx.tariff and token.head.lower_ in {"of", "in"} and token.i > change.i:
            return token
    return None


def _change_phrase_before(ctx: Context, prep: Token) -> Token | None:
    """The tariff word of a change noun whose phrase ends right before ``prep`` ("to", "from")
    when the parser hung ``prep`` on a verb above it: "mitigating [the increase of the tariff
    on cars] to 27.5 percent"."""
    if prep.dep_ != "prep" or prep.lower_ not in {"to", "from"}:
        return None
    doc = prep.doc
    end = prep.i  # skip scope phrases hung on the verb too: "the hike of the duty [on cocoa] to"
    while end > 0 and doc[end - 1].head.i < end - 1:
        start = _scope_phrase_start(doc[end - 1], prep.head)
        if start is None:
            break
        end = start
    if end == 0:
        return None
    cur = doc[end - 1]
    for _ in range(8):
        if cur.pos_ == "NOUN" and lemma(cur) in CHANGE_NOUNS and cur.right_edge.i == end - 1:
            return _changed_tariff(ctx, cur)
        if cur.head.i == cur.i or cur.head.i > prep.i:
            return None
        cur = cur.head
    return None


def _scope_phrase_start(last: Token, verb: Token) -> int | None:
    """The start of an "on X" phrase ending at ``last`` that the parser hung on ``verb``."""
    for anc in [last, *last.ancestors]:
        if anc.dep_ == "prep" and anc.lower_ == "on" and anc.head.i == verb.i:
            return anc.i if anc.right_edge.i == last.i else None
        if anc.i == verb.i:
            return None
    return None


def _chain_arguments(verb: Token) -> list[Token]:
    """The verb's subject and object arguments; for a verb in a chain ("were due to climb",
    "is set to rise") without a subject of its own, those of the chain's verbs above it."""
    cur = verb
    args: list[Token] = []
    for _ in range(3):
        args += [c for c in cur.children if c.dep_ in _TARIFF_ARG_DEPS]
        for aux in (c for c in cur.children if c.dep_ in {"aux", "auxpass"}):
            # "The duties have, for now, fallen to 30%": the subject hung on the auxiliary
            args += [c for c in aux.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in args) or cur.dep_ not in _CHAIN_DEPS:
            break
        cur = cur.head
    return args


def _previous_level_of(ctx: Context, rate: Token) -> Token | None:
    """For "up from 84%" / "down from the 25% imposed in March": the tariff word a rate was
    stated for earlier in the sentence (the rate it changed from belongs to the same tariff)."""
    prep = rate.head
    if rate.dep_ != "pobj" or prep.lower_ != "from" or prep.head.lower_ not in {"up", "down"}:
        return None
    sent_lo = ctx.sent_start[rate.i]
    earlier = [i for i in sorted(ctx.tariff) if sent_lo <= i < rate.i]
    return ctx.doc[earlier[-1]] if earlier else None


#: Verbs whose object rate goes onto the tariff of their "to" phrase.
_ADD_VERBS = {"add", "apply", "attach", "tack"}


def _added_to_tariff(ctx: Context, verb: Token) -> Token | None:
    """The tariff word of the verb's "to" phrase ("add 10% to the existing duties")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"to", "onto"}:
            for noun in prep.children:
                if noun.i in ctx.tariff:
                    return noun
    return None


#: Nouns that stand for the tariffs they are of or compound with: "a set of broad tariffs ...
#: will be lowered to 15%", "doubling the tariff burden to 50 per cent".
_CARRIER_NOUNS = frozenset(
    {"set", "series", "package", "raft", "slew", "round", "wave", "burden", "bill", "level"}
)


#: Object pronouns that stand for a tariff named before in the sentence ("raising those to 50%").
_OBJECT_PRONOUNS = frozenset({"it", "them", "those", "these"})


def _tariff_in_argument(ctx: Context, arg: Token) -> Token | None:
    """The tariff word a verb's argument is, or stands for (see ``_CARRIER_NOUNS``)."""
    if arg.i in ctx.tariff:
        return arg
    if lemma(arg) in CHANGE_NOUNS:
        return _changed_tariff(ctx, arg)  # "soften the increase of the tariff ... to 27.5%"
    if arg.dep_ == "dobj" and arg.pos_ == "PRON" and arg.lower_ in _OBJECT_PRONOUNS:
        # "25% fees on steel in March, before raising those to 50%": the tariff word before
        sent_lo = ctx.sent_start[arg.i]
        earlier = [i for i in ctx.tariff if sent_lo <= i < arg.i]
        return ctx.doc[max(earlier)] if earlier else None
    if lemma(arg) not in _CARRIER_NOUNS:
        return None
    for child in arg.children:
        if child.dep_ == "compound" and child.i in ctx.tariff:
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if g.i in ctx.tariff), None)
    return None


def _clause_top(verb: Token) -> Token:
    """The verb that heads ``verb``'s clause through coordination and open complements
    ("remain" of "remain in place and went up", "scheduled" of "scheduled to take effect")."""
    cur = verb
    for _ in range(4):
        if cur.dep_ not in {"conj", "xcomp"} or cur.head.pos_ not in {"VERB", "AUX"}:
            break
        cur = cur.head
    return cur


def _relative_owner(ctx: Context, noun: Token) -> Token | None:
    """The tariff word a relative clause's noun is, or belongs to through a preposition: "levies
    on the UK's steel industry, which remain at 25%" (the clause attached to "industry")."""
    cur = noun
    for _ in range(4):
        if cur.i in ctx.tariff:
            return cur
        if cur.dep_ not in {"pobj", "prep"} or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _rate_slot(via: Token) -> bool:
    """True when the percent hangs off its verb as a level ("to 25%", "at 10%", "is 25%")."""
    if via.dep_ in {"attr", "oprd", "acomp"}:
        return True
    return via.dep_ == "prep" and via.lower_ in {"to", "at", "of", "from", "between"}


def _window_link(ctx: Context, pspan: Span, lo: int, hi: int) -> Token | None:
    """A tariff word right after the percent ("24% levies") or just before ("tariffs of 25%")."""
    doc = ctx.doc
    for i in range(pspan.end, min(hi, pspan.end + 6)):
        tok = doc[i]
        if i in ctx.tariff:
            return None if _modifies_other_noun(ctx, tok) else tok
        if tok.text in CLAUSE_PUNCT or tok.text == "," or tok.like_num or tok.lower_ == "of":
            break
        if tok.pos_ in {"SCONJ", "CCONJ", "PRON"} or (
            tok.pos_ == "ADP" and (i + 1 >= hi or doc[i + 1].text != "-")
        ):
            break  # "4.5% while tariff talks continue"; "across-the-board" may pass
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"amod", "compound"}:
            break
    for i in range(pspan.start - 1, max(lo, pspan.start - 8) - 1, -1):
        tok = doc[i]
        if i in ctx.tariff:
            if own_scope(ctx, pspan.root) and _rated_elsewhere(tok, pspan):
                return None  # "a 25% tariff on fentanyl, 25% on cars": a rate of its own
            return tok
        if tok.text in CLAUSE_PUNCT:
            break
        if tok.lower_ in _PERCENT_TAIL or tok.like_num:
            continue
        if tok.lower_ in {"by", "than"}:
            break
        if tok.pos_ not in _LEFT_OK_POS and tok.lower_ not in _LEFT_OK_WORDS:
            break
    return None


def _rated_elsewhere(tariff: Token, pspan: Span) -> bool:
    """True when the tariff word's phrase states a number of its own before ``pspan``."""
    return any(
        t.like_num and t.i < pspan.start and not (pspan.start <= t.i < pspan.end)
        for t in tariff.subtree
    )


def _modifies_other_noun(ctx: Context, tariff: Token) -> bool:
    """True for "tariff talks", "tariff fears": the tariff word only qualifies another noun."""
    head = tariff.head
    return (
        tariff.dep_ == "compound"
        and head.i not in ctx.tariff
        and head.pos_ in {"NOUN", "PROPN"}
        and lemma(head) not in _TARIFF_CHANGE_NOUNS
    )


def comparison_link(
    ctx: Context, pspan: Span, lo: int
) -> tuple[Token | None, CountryMention | None]:
    """For "..., compared with 3.3% for the US" / "far above the 15% agreed by the EU": the
    tariff word stated earlier in the sentence, and the country the compared rate belongs to."""
    root = pspan.root
    prep = root.head
    if root.dep_ != "pobj" or not (
        prep.lower_ in _COMPARE_PREPS
        or (prep.lower_ in {"with", "to"} and lemma(prep.head) == "compare")
    ):
        return None, None
    before = [i for i in range(prep.i - 1, lo - 1, -1) if i in ctx.tariff]
    rated = [i for i in before if i in ctx.rated]  # the tariff word a rate was stated for
    tariff = ctx.doc[(rated or before)[0]] if before else None
    if tariff is None:
        return None, None
    for i in range(pspan.end, min(len(ctx.doc), root.right_edge.i + 1)):
        m = ctx.by_token.get(i)
        if m is not None and not m.is_person:
            return tariff, m
    return tariff, None


def first_conjunct(ctx: Context, tariff: Token) -> Token | None:
    """The tariff word an elliptical conjunct follows ("..., and a 10% tariff to soybeans")."""
    if tariff.dep_ != "conj":
        return None
    head = tariff.head
    if head.i in ctx.tariff:
        return head
    if head.pos_ not in {"VERB", "AUX"} and head.dep_ == "npadvmod":
        head = head.head  # "a 15% tariff effective January 1, and 30% tariff on ...": the date's
    if head.pos_ in {"VERB", "AUX"}:
        return next(
            (c for c in head.children if c.i in ctx.tariff and c.dep_ in _TARIFF_ARG_DEPS), None
        )
    return None


def rated_tariff_words(ctx: Context, percents: list[Percent]) -> frozenset[int]:
    """Indices of the tariff words some percent is the rate of."""
    doc = ctx.doc
    out: set[int] = set()
    for pct in percents:
        pspan = doc.char_span(pct.start, pct.end, alignment_mode="expand")
        if pspan is None or len(pspan) == 0:
            continue
        sent = sentence_span(ctx, pspan)
        lo, hi = max(sent.start, pspan.start - WINDOW), min(sent.end, pspan.end + WINDOW)
        tariff = linked_tariff(ctx, pspan, lo, hi)
        if tariff is not None:
            out.add(tariff.i)
    return frozenset(out)


#: Prepositions of a rate's own scope: "35% on other goods", "10% for Vietnamese shoes".
_OWN_SCOPE_PREPS = frozenset({"on", "for", "against"})


def own_scope(ctx: Context, rate: Token) -> bool:
    """True when the rate token has its own "on ..." phrase naming goods or a country."""
    t = tables()
    for prep in rate.children:
        if prep.dep_ != "prep" or prep.lower_ not in _OWN_SCOPE_PREPS:
            continue
        for tok in prep.subtree:
            if tok.i in ctx.by_token or tok.lower_ in t.import_nouns or tok.lower_ == "imported":
                return True
            if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head == prep:
                return True  # "35% on lumber": the object noun is what the rate is put on
    return False


def elliptical_link(ctx: Context, pspan: Span, lo: int) -> Token | None:
    """The tariff word a rate stated without one belongs to, in a list or an aside: "a 25%
    tariff on lumber, 35% on other goods and 50% on aluminum", "Mexico (8%)", "the levy fell
    to 30% on Chinese goods, and 10% on goods from the US". The rate needs its own scope or to
    be an aside on a country or what a country faces ("..., and Chile will see 35%"); its
    tariff word is the nearest one some rate was stated for
    earlier in the sentence, else (with its own scope) the nearest tariff word in the sentence
    or the one before."""
    root = pspan.root
    scoped = own_scope(ctx, root)
    aside = root.dep_ == "appos" and root.head.i in ctx.by_token and in_parentheses(root)
    faced = rate_clause_role(root) is not None or bool(faced_by_subject(ctx, root))
    imposed = imposed_rate(root)
    if not (scoped or aside or faced or imposed) or _change_amount(root):
        return None
    if any(anc.lower_ == "by" for anc in ancestors(root, 3)):
        return None  # "cut by 5% on ...": a change, not a rate
    sent_lo = ctx.sent_start[root.i]
    earlier = [i for i in sorted(ctx.tariff) if sent_lo <= i < pspan.start]
    rated = [i for i in earlier if i in ctx.rated]
    if rated:
        return ctx.doc[rated[-1]]
    if aside and earlier:  # "far above those imposed on the EU (15%) and the UK (10%)"
        return ctx.doc[earlier[-1]]
    if faced:  # "the 31% that Chile had faced when ... tariffs": the sentence's tariff word
        in_sentence = [i for i in sorted(ctx.tariff) if sent_lo <= i < ctx.sent_end[root.i]]
        if in_sentence:
            return ctx.doc[min(in_sentence, key=lambda i: abs(i - root.i))]
        if _named_for(ctx, root):  # "... tariffs on Peru and Chile. For Peru it will be 30%."
            prev_lo = ctx.sent_start[sent_lo - 1] if sent_lo > 0 else sent_lo
            before = [i for i in sorted(ctx.tariff) if prev_lo <= i < sent_lo]
            return ctx.doc[before[-1]] if before else None
    market = tables().market_verbs
    if not (scoped or imposed) or (
        not imposed  # its own verb imposes: "..., while Thailand will charge 20% on ..."
        and any(anc.pos_ in {"VERB", "AUX"} and lemma(anc) in market for anc in ancestors(root, 4))
    ):
        return None  # "shares fell 2% on weak exports": no tariff rate
    if earlier:
        return ctx.doc[earlier[-1]]
    prev_lo = ctx.sent_start[sent_lo - 1] if sent_lo > 0 else sent_lo
    before = [i for i in sorted(ctx.tariff) if prev_lo <= i < sent_lo]
    return ctx.doc[before[-1]] if before else None


#: Verbs a country "continues at" a rate with: "while Chile will continue at 10 percent".
_STAY_VERBS = frozenset({"continue", "remain", "stay", "stand", "sit"})


def faced_by_subject(ctx: Context, rate: Token) -> list[CountryMention]:
    """The country subject of a rate it faces, sees or stays at, with no tariff word of its own:
    "Indonesia will face a rate of 32 percent, and Chile will see 35 percent", "..., while Peru
    and Chile will continue at 10 percent" (none for other rates)."""
    named_for = _named_for(ctx, rate)
    if named_for:
        return named_for
    verb = rate.head
    if rate.dep_ == "pobj" and verb.lower_ == "at" and lemma(verb.head) in _STAY_VERBS:
        verb = verb.head
    elif rate.dep_ not in {"dobj", "attr", "oprd"} or not verb_in(
        verb, tables().target_subject_verbs
    ):
        return []
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return [ctx.by_token[tok.i] for s in subjects for tok in s.subtree if tok.i in ctx.by_token]


def imposed_rate(rate: Token) -> bool:
    """True for a rate an imposing verb puts "on" something with no tariff word of its own:
    "..., while the US will charge 20% on Vietnamese products"."""
    verb = rate.head
    if rate.dep_ not in {"dobj", "npadvmod"} or not verb_in(verb, tables().impose_verbs):
        return False
    return any(c.dep_ == "prep" and c.lower_ in _VERB_SCOPE and c.i > rate.i for c in verb.children)


_VERB_SCOPE = frozenset({"on", "against"})


def _named_for(ctx: Context, rate: Token) -> list[CountryMention]:
    """The countries of "for X it will be 30%" / "for X it will be as high as 40 percent": a
    clause whose subject stands for the tariff named before, its "for" phrase naming whom the
    rate is for."""
    verb = rate.head
    if rate.dep_ == "pobj" and verb.lower_ == "as" and verb.head.dep_ == "acomp":
        verb = verb.head.head  # "as high as 40 percent"
    elif rate.dep_ != "attr":
        return []
    if lemma(verb) != "be" or not any(
        c.dep_ == "nsubj" and c.lower_ in {"it", "that", "this"} for c in verb.children
    ):
        return []
    return [
        ctx.by_token[tok.i]
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "for"
        for tok in prep.subtree
        if tok.i in ctx.by_token
    ]


def rate_clause_role(rate: Token) -> tuple[str, Token] | None:
    """For "the 31% that Chile had been set to face" / "the 20% the EU imposed": the role of
    the subject of the clause on the rate ("target" for face/pay, "imposer" for impose) and that
    subject."""
    t = tables()
    for clause in rate.children:
        if clause.dep_ not in {"relcl", "acl"}:
            continue
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.lower_ in {"that", "which"}:
            continue
        chain = [clause, *(c for c in clause.children if c.dep_ in {"xcomp", "advcl"})]
        if any(verb_in(v, t.target_subject_verbs) for v in chain):
            return "target", subject
        if subject.dep_ == "nsubj" and verb_in(clause, t.impose_verbs):
            return "imposer", subject
    return None
