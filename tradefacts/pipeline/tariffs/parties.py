"""Imposer and target countries a clause states for one tariff word.

Possessives and modifiers of the tariff word ("China's tariffs", "US duties"), subjects of
imposing verbs ("Canada imposed"), "on Japanese cars", "on imports from X", "exports to X"
(X imposes), subjects of "face" / passive "hit with" (targets), "criticised X for its tariff"
(X imposes), "an exemption from the levy" (the exempted is the target), "in a deal with X";
persons count for their country. A country that "is exempted from" or "was spared" the tariff
is no side of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..entities import resolve_person
from .context import Context, CountryMention
from .frame import Frame, clause_frame, relief_holders, subject_of
from .linking import rate_clause_role
from .partner_scope import all_goods, all_partners, example_of_all_partners, exempted_from
from .tokens import (
    change_noun_of,
    conjunct_head,
    in_parentheses,
    lemma,
    verb_in,
)
from .trade_flow import (
    ARRIVE_VERBS,
    ENTER_VERBS,
    admitted_goods,
    brings_goods,
    destination_in_scope,
    entering_goods,
    from_beside_on_goods,
    imports_from_elsewhere,
    in_frame,
    moves_goods,
    to_beside_on_goods,
)
from .vocabulary import tables

_DEAL_NOUNS = frozenset({"deal", "agreement", "pact", "accord", "talks", "negotiations", "truce"})


@dataclass
class Roles:
    """Imposer and target candidates found in a clause, strongest first."""

    imposers: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    role_tokens: set[int] = field(default_factory=set)
    tariff_index: int = -1  # the tariff word these roles are for
    all_partners: bool = False  # the scope names "other countries", "every nation" ...
    _weak: set[tuple[str, str]] = field(default_factory=set)  # (role kind, country)

    def add(self, role: str, mention: CountryMention) -> None:
        """Record ``role`` ("imposer"/"target", ":weak" when read off a subject or object)."""
        kind, _, weak = role.partition(":")
        bucket = self.imposers if kind == "imposer" else self.targets
        if mention.iso in bucket:
            return
        if weak:
            bucket.append(mention.iso)
        else:  # strong cues ("American tariffs", "on British cars") go before weak ones
            strong = sum(1 for iso in bucket if (kind, iso) not in self._weak)
            bucket.insert(strong, mention.iso)
        if weak:
            self._weak.add((kind, mention.iso))
        self.role_tokens.update(range(mention.start, mention.end))

    def settle_joint_subject(self, ctx: Context, subject: Token) -> None:
        """ "South Korea and the US set the rate at 15% on Korean goods": when one member of a
        joint subject is the target the scope names, another member is the imposer."""
        strong_targets = {iso for iso in self.targets if ("target", iso) not in self._weak}
        weak = [i for i in self.imposers if ("imposer", i) in self._weak and i in strong_targets]
        if not weak:
            return
        self.imposers = [i for i in self.imposers if i not in weak]
        for member in subject.conjuncts:
            m = ctx.by_token.get(member.i)
            if m is not None and m.iso not in strong_targets and m.iso not in self.imposers:
                self.imposers.append(m.iso)
                self._weak.add(("imposer", m.iso))


def clause_roles(
    ctx: Context, tariff: Token, pspan: Span, lo: int, hi: int, sent_lo: int | None = None
) -> Roles:
    """Imposer and target countries the clause [lo, hi) states for this tariff."""
    sent_lo = lo if sent_lo is None else sent_lo
    frame = clause_frame(ctx, tariff, pspan, lo, hi, sent_lo)
    roles = Roles(tariff_index=tariff.i)
    speaker_mentions = []
    holders = relief_holders(frame.relief) if frame.relief is not None else []
    for m in ctx.mentions_between(sent_lo, hi):
        if m.root >= hi or m.start < sent_lo:
            continue
        if example_of_all_partners(ctx.doc[m.root], frame.tariff):
            roles.all_partners = True  # "from countries, including Japan": one of all
            continue
        if any(_within(m, h) for h in holders):
            roles.add("target", m)  # "New Delhi is seeking an exemption from the 26% levy"
            continue
        if exempted_from(ctx.doc[m.root], frame.tariff):
            roles.role_tokens.update(range(m.start, m.end))  # no side, nor a fallback's
            continue
        in_subject = frame.subject is not None and _within(m, frame.subject)
        if (
            m.root < lo
            and not in_subject
            and not (frame.speaker is not None and _within(m, frame.speaker))
        ):
            continue
        if frame.speaker is not None and _within(m, frame.speaker):
            speaker_mentions.append(m)
            continue
        role = _mention_role(ctx.doc[m.root], m, frame)
        if role:
            roles.add(role, m)
    for role, m in _relative_antecedents(ctx, frame):
        if exempted_from(ctx.doc[m.root], frame.tariff):
            roles.role_tokens.update(range(m.start, m.end))
        else:
            roles.add(role, m)
    setter = _rate_set_for_owner(ctx, frame)
    if (
        setter is not None
    ):  # "Trump upped Canada's tariff rate to 35%": Canada's rate, set by the US
        actor, owner = setter
        roles.imposers = [actor] + [i for i in roles.imposers if i not in (actor, owner)]
        roles.targets = [owner] + [i for i in roles.targets if i not in (actor, owner)]
    if frame.subject is not None and frame.subject.conjuncts:
        roles.settle_joint_subject(ctx, frame.subject)
    scope = [i for i in frame.on_scope if lo <= i < hi]
    roles.all_partners = (
        roles.all_partners or any(all_partners(ctx.doc[i]) for i in scope) or all_goods(ctx, scope)
    )
    partner = _deal_partner(ctx, frame, lo, hi)
    if partner is not None and partner.iso not in roles.imposers + roles.targets:
        if roles.targets and not roles.imposers:
            roles.add("imposer:weak", partner)  # "Japan secured 15% rates in a deal with the US"
        elif roles.imposers and not roles.targets:
            roles.add("target:weak", partner)
    its_owner = _owner_of_its_goods(ctx, scope, sent_lo, roles) if not roles.targets else None
    if its_owner is not None:
        roles.add("target", its_owner)  # "a deal with Korea that would levy 15% on its exports"
    if not roles.imposers:
        iso = _clause_pronoun_imposer(ctx, tariff)
        if iso is not None:
            roles.add("imposer", CountryMention(tariff.i, tariff.i + 1, tariff.i, iso, True))
    if not roles.imposers and speaker_mentions and frame.verb is not None:
        if verb_in(frame.verb, tables().impose_verbs) and not frame.passive:
            roles.add("imposer", speaker_mentions[0])  # "Trump said he would hit Canada ..."
    speaker = _announcer(frame) if not roles.imposers else None
    if speaker is not None:  # "A 15% tariff will be imposed on coal, Beijing's ministry said"
        for m in ctx.mentions_between(speaker.left_edge.i, speaker.right_edge.i + 1):
            if _within(m, speaker) and m.iso not in roles.targets:
                roles.add("imposer", m)
                break
    return roles


def _announcer(frame: Frame) -> Token | None:
    """Who announces "a 15% tariff will be imposed ..." (a passive verb of imposing with the
    tariff as its subject and no agent) or "there will be 25% tariffs on ...", reported by a
    verb of saying: the one imposing."""
    verb = frame.verb
    if verb is None or verb.dep_ != "ccomp":
        return None
    imposed = (
        frame.tariff_is_subject
        and frame.passive
        and verb_in(verb, tables().impose_verbs)
        and not any(c.dep_ == "agent" for c in verb.children)
    )
    there_will_be = frame.tariff.dep_ == "attr" and any(c.dep_ == "expl" for c in verb.children)
    if not (imposed or there_will_be):
        return None
    speaker, _ = subject_of(verb.head)
    return speaker


_RELATIVE_SUBJECTS = frozenset({"which", "who", "that"})


def _relative_antecedents(ctx: Context, frame: Frame) -> list[tuple[str, CountryMention]]:
    """Roles of the countries a relative clause around the tariff is about: "accords with Chile
    and Peru, which will pay 12% tariffs" (which = Chile and Peru: they pay, they are targets);
    "Mexico and Canada, where Trump has imposed tariffs of 25%" (the place of imposing is hit)."""
    verb = frame.verb
    if verb is None or verb.dep_ != "relcl":
        return []
    t = tables()
    role = None
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ in _RELATIVE_SUBJECTS:
            if verb_in(verb, t.target_subject_verbs) or (
                child.dep_ == "nsubjpass" and verb_in(verb, t.target_passive_verbs)
            ):
                role = "target"
            elif verb_in(verb, t.impose_verbs) and child.dep_ == "nsubj":
                role = "imposer"
        elif child.lower_ == "where" and verb_in(verb, t.impose_verbs):
            role = "target"
    if role is None:
        return []
    antecedent = verb.head
    members = [antecedent, *antecedent.conjuncts]
    found = [ctx.by_token[tok.i] for tok in members if tok.i in ctx.by_token]
    if not found:
        found = _places_before_where(ctx, verb)
    return [(role, m) for m in found if not m.is_person or role == "imposer"]


def _places_before_where(ctx: Context, verb: Token) -> list[CountryMention]:
    """ "imports, mostly from Mexico and Canada where Trump has imposed tariffs": without a
    comma the parser may hang the clause on an earlier noun; "where" follows its places (and
    so does "which" in "agreements with Indonesia and the Philippines, which will face")."""
    words = {"where", "which", "who"}
    where = next((c for c in verb.children if c.lower_ in words and c.i < verb.i), None)
    if where is None or where.i == 0:
        return []
    before = ctx.doc[where.i - 1]
    if before.is_punct and before.i > 0:
        before = ctx.doc[before.i - 1]
    if before.i not in ctx.by_token:
        return []
    first = conjunct_head(before)
    members = [first, *first.conjuncts]
    return [ctx.by_token[t.i] for t in members if t.i in ctx.by_token]


def elliptic_roles(
    ctx: Context,
    own: Roles,
    tariff: Token,
    lo: int,
    hi: int,
    sent_lo: int,
    keep_subjects: bool = False,
) -> Roles:
    """Roles of a rate stated without its tariff word ("..., 35% on other goods"): what its own
    scope or aside says (a subject read off its verb only when ``keep_subjects``: the rate is
    what the subject faces), else what its tariff word's says."""
    inherited = clause_roles(
        ctx, tariff, ctx.doc[tariff.i : tariff.i + 1], min(lo, tariff.i), hi, sent_lo
    )
    out = Roles(tariff_index=own.tariff_index, all_partners=own.all_partners)
    out.role_tokens = set(own.role_tokens)
    out.imposers = [
        iso for iso in own.imposers if keep_subjects or ("imposer", iso) not in own._weak
    ] or inherited.imposers
    out.targets = [
        iso for iso in own.targets if keep_subjects or ("target", iso) not in own._weak
    ] or ([] if own.all_partners else inherited.targets)
    return out


def compared_roles(roles: Roles, compared: CountryMention, ranking: list[str]) -> Roles:
    """The compared rate keeps the first rate's imposer and swaps its target, or, when the
    first rate has no target (an average), belongs to the compared country."""
    out = Roles()
    if roles.targets:
        imposer = next((iso for iso in [*roles.imposers, *ranking] if iso != compared.iso), None)
        if imposer is not None:
            out.imposers.append(imposer)
        out.targets.append(compared.iso)
    else:
        out.imposers.append(compared.iso)
    out.role_tokens.update(range(compared.start, compared.end))
    return out


#: Verbs that set someone's rate: "Trump upped / cut / set Canada's tariff rate".
_SETTING_VERBS = frozenset(
    {"raise", "up", "hike", "increase", "cut", "lower", "reduce", "slash", "set", "double"}
)


def _rate_set_for_owner(ctx: Context, frame: Frame) -> tuple[str, str] | None:
    """(actor, owner) for "Trump upped Canada's tariff rate to 35%": a country's rate that
    another country's subject sets is the rate the owner faces."""
    tariff, verb, subject = frame.tariff, frame.verb, frame.subject
    if verb is None or subject is None or frame.passive or tariff.dep_ != "dobj":
        return None
    if tariff.head != verb or lemma(verb) not in _SETTING_VERBS:
        return None
    heads = [tariff, tariff.head] if tariff.dep_ == "compound" else [tariff]
    owner = next(
        (
            ctx.by_token[c.i]
            for h in heads
            for c in h.children
            if c.dep_ == "poss" and c.pos_ != "PRON" and c.i in ctx.by_token
        ),
        None,
    )
    if owner is None:
        return None
    actors = [
        m
        for m in ctx.mentions_between(subject.left_edge.i, subject.right_edge.i + 1)
        if subject.left_edge.i <= m.root <= subject.right_edge.i and m.iso != owner.iso
    ]
    return (actors[-1].iso, owner.iso) if actors else None


def _deal_partner(ctx: Context, frame: Frame, lo: int, hi: int) -> CountryMention | None:
    """The country of "in a deal with X" on the tariff's verb: the other side of the tariff."""
    verb = frame.verb
    if verb is None:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "under", "through", "via"}:
            continue
        for noun in prep.children:
            if lemma(noun) not in _DEAL_NOUNS and noun.lower_ not in _DEAL_NOUNS:
                continue
            for with_ in noun.children:
                if with_.lower_ != "with":
                    continue
                for i in range(max(lo, with_.i + 1), min(hi, with_.right_edge.i + 1)):
                    m = ctx.by_token.get(i)
                    if m is not None and not m.is_person:
                        return m
    return None


#: Words that make "X's tariff rate" the rate X charges ("Japan's average tariff rate").
_OWN_RATE_WORDS = frozenset(
    {"average", "effective", "applied", "mfn", "retaliatory", "counter", "bound", "own"}
)


def _rate_faced_by_owner(h: Token, m: CountryMention, f: Frame) -> bool:
    """True for a country's "tariff rate" that names no one it is on: the rate the country
    faces ("the Philippines' tariff rate was raised to 20%"), unlike "China's tariff rate on US
    goods" or "Japan's average tariff rate". The default imposer's own rate stays its own."""
    rate = f.tariff.head if f.tariff.dep_ == "compound" else f.tariff
    if h.dep_ != "poss" or h.head.i != rate.i or lemma(rate) != "rate" or m.is_person:
        return False
    if m.iso == tables().default_imposer:
        return False
    words = {w.lower_ for w in rate.subtree}
    on_a_country = any(h.doc[i].ent_type_ in {"GPE", "NORP"} for i in f.on_scope)
    return not (words & _OWN_RATE_WORDS) and not on_a_country


def _agent_of_scope_clause(h: Token, f: Frame) -> bool:
    """True for the agent of an imposing clause on the goods the tariff is on: "the 50% tariffs
    on steel imports introduced by the United States"."""
    by = h.head
    if h.dep_ != "pobj" or by.dep_ != "agent":
        return False
    clause = by.head
    goods = clause.head
    return (
        clause.dep_ in {"acl", "relcl"}
        and verb_in(clause, tables().impose_verbs)
        and goods.i in f.on_scope
        and goods.pos_ in {"NOUN", "PROPN"}
        and not goods.like_num
    )


def _within(m: CountryMention, token: Token) -> bool:
    """True when the mention's root lies in ``token``'s subtree."""
    return token.left_edge.i <= m.root <= token.right_edge.i


def _mention_role(h: Token, m: CountryMention, f: Frame) -> str | None:
    """'imposer', 'target' or None for one country mention relative to the tariff word."""
    t = tables()
    head = h.head
    tariff, verb = f.tariff, f.verb
    if tariff.pos_ == "VERB":  # "Thai rice is taxed at 30% by the Philippines"
        return _levied_role(m, tariff)
    # "exports to the United States": the destination imposes; "imports from X": X is hit.
    if tariff.dep_ == "appos" and tariff.head == h and in_parentheses(tariff):
        return "target"  # "partners including India (12% tariff), Mexico (8%)"
    goods_here = h.dep_ == "pobj" and in_frame(head.head, f)
    if goods_here and head.lower_ in {"to", "into"} and moves_goods(head.head):
        return "imposer"
    if to_beside_on_goods(h, tariff):
        return "imposer"  # "a tariff on beef exports to the US", "to" hung on the tariff
    if goods_here and head.lower_ == "in" and lemma(head.head) in ARRIVE_VERBS:
        return "imposer"  # "Chilean wine arriving in Mexico": the destination levies
    if goods_here and head.lower_ == "in" and head.head.lower_ in t.import_nouns:
        return "imposer"  # "tariffs on all Colombian products in the United States"
    if h.dep_ == "dobj" and lemma(head) in ENTER_VERBS and in_frame(head, f):
        return "imposer"  # "goods entering China from the US"
    if goods_here and head.lower_ == "from" and brings_goods(head.head):
        return "target"
    if from_beside_on_goods(h, tariff):
        return "target"  # "a 25% tariff on goods from X": the parser hangs "from" on the tariff
    if h.dep_ in {"compound", "amod", "nmod", "poss"} and imports_from_elsewhere(head):
        return "imposer"  # "US imports from Brazil were subject to a 10pc rate"
    if _nominal_agent(h, f):
        return "imposer"  # "the announcement of a 35% tariff on its coffee by President X"
    if _imposed_under(h, m):
        return "imposer"  # "the 100% tariff imposed under Prime Minister X in 2024"
    if _agent_of_scope_clause(h, f):
        return "imposer"  # "on steel imports introduced by the United States"
    if m.root in f.on_scope and _deal_counterpart(h):
        return None  # "on goods from countries without trade deals with Mexico"
    if m.root in f.on_scope and _owns_partners(h):
        return "imposer"  # "the 10% tariff on most US trading partners": the partners' owner
    if m.root in f.on_scope:
        return "target"
    # "Brazil's 26.5% tariff on beef exports to the US": the destination imposes, the owner of
    # the exports is hit
    if f.np_start <= m.root < tariff.i and destination_in_scope(f):
        return "target"
    if _rate_faced_by_owner(h, m, f):
        return "target"  # "Ecuador's tariff rate will remain at 15 percent"
    owner = head if h.dep_ in {"compound", "amod"} else h  # "the Trump administration's"
    if owner.dep_ == "poss" and owner.head == change_noun_of(tariff):
        return "imposer"  # "Uganda's cut of the tariff on tea to 3 percent"
    # "China's tariffs", "US duties", "Trump's 'reciprocal' tariff regime"
    if f.np_start <= m.root < tariff.i or (
        h.dep_ in {"poss", "compound", "amod", "nmod"}
        and (head == tariff or (tariff.dep_ == "compound" and head == tariff.head))
    ):
        return "imposer"
    if f.critic is not None and head == f.critic and h.dep_ in {"dobj", "pobj"}:
        return "imposer"
    phrase_heads = [tariff, tariff.head] if tariff.dep_ == "compound" else [tariff]
    clauses_on_tariff = [  # "the 50% tariff increase announced by X": the increase's clause
        c for head_noun in phrase_heads for c in head_noun.children if c.dep_ in {"acl", "relcl"}
    ]
    for clause_verb in clauses_on_tariff:
        if verb_in(clause_verb, t.impose_verbs) and any(
            c.dep_ == "nsubj" and _within(m, c) for c in clause_verb.children
        ):
            return "imposer"  # "the 10 per cent levy that the US applies"
    clause_role = rate_clause_role(tariff)
    if clause_role is not None and _within(m, clause_role[1]):
        return clause_role[0]  # "the 31% that Switzerland had been set to face"
    for clause_verb in clauses_on_tariff:
        if verb_in(clause_verb, t.target_subject_verbs) and any(
            c.dep_ == "agent" and _within(m, c) for c in clause_verb.children
        ):
            return "target"  # "the 15% rate secured by Peru": who secures a rate bears it
    agent = next(
        (
            c
            for c in (
                *(verb.children if verb is not None else ()),
                *tariff.children,
                *_children(clauses_on_tariff),
            )
            if c.lower_ == "by" and c.dep_ in {"agent", "prep"}
        ),
        None,
    )
    imposing_clause = agent is not None and any(
        agent.head == c and verb_in(c, t.impose_verbs) for c in clauses_on_tariff
    )
    if agent is not None and (f.passive or imposing_clause) and _within(m, agent):
        return "imposer"  # "hit with a 46 per cent duty by the Trump administration"
    if verb is None:
        return None
    if (
        h.dep_ == "pobj"
        and head.lower_ == "in"
        and (head.head == tariff or (head.head == verb and verb_in(verb, t.target_subject_verbs)))
    ):
        return "imposer"  # "face a 25% levy in the United States"
    admitted = admitted_goods(tariff)
    if admitted and f.subject is not None and _within(m, f.subject):
        return "imposer"  # "Canada will allow in 49,000 Chinese cars at a 6.1% tariff"
    if any(_within(m, goods) for goods in [*admitted, *entering_goods(tariff)]):
        return "target"  # "Chinese steel can enter the US at a 10% rate"
    subject_role = _subject_role(h, m, f)
    if subject_role:
        return subject_role + ":weak"
    if h.dep_ == "dobj" and head == verb and verb_in(verb, t.hit_object_verbs):
        return "target:weak"
    if h.dep_ in {"amod", "compound", "poss"} and _hit_goods(head, verb):
        return "target:weak"  # "Beijing hit Canadian canola oil with a 100% tariff"
    if f.tariff_is_subject and h.dep_ == "dobj" and head == verb:
        return "target:weak"  # "25% tariffs hit Canadian steel"
    if (
        h.dep_ in {"dobj", "dative"}
        and lemma(head) in _WARN_VERBS
        and verb.head == head
        and verb.dep_ == "ccomp"
        and verb_in(verb, t.impose_verbs)
    ):
        return "target"  # "Trump warned Canada he would impose a 100% tariff": the one warned
    return None


#: Nouns of a government a tariff can be imposed "under" ("under the Japanese government").
_GOVERNMENT_NOUNS = frozenset(
    {"government", "administration", "leadership", "presidency", "premiership", "cabinet"}
)


def _owner_of_its_goods(
    ctx: Context, scope: list[int], sent_lo: int, roles: Roles
) -> CountryMention | None:
    """The country "its" stands for in a tariff's scope ("duties on its exports"): the nearest
    country named before it in the sentence, when that is not the imposer."""
    doc = ctx.doc
    its = next((i for i in scope if doc[i].lower_ == "its" and doc[i].dep_ == "poss"), None)
    if its is None:
        return None
    before = [
        m
        for m in ctx.mentions_between(sent_lo, its)
        if sent_lo <= m.start and m.root < its and not m.is_person
    ]
    if not before:
        return None
    nearest = max(before, key=lambda m: m.root)
    return None if nearest.iso in roles.imposers else nearest


def _levied_role(m: CountryMention, verb: Token) -> str | None:
    """The role of a mention for a passive levying verb: its subject bears the rate, its agent
    levies it."""
    for child in verb.children:
        if child.dep_ == "nsubjpass" and _within(m, child):
            return "target"
        if child.dep_ == "agent" and _within(m, child):
            return "imposer"
    return None


def _owns_partners(h: Token) -> bool:
    """True for the country whose partners a phrase names ("US trading partners")."""
    return h.dep_ in {"compound", "amod", "poss", "nmod"} and lemma(h.head) in {"partner", "ally"}


def _deal_counterpart(h: Token) -> bool:
    """True for the country of "deals with X": it describes who is meant, it is no side."""
    prep = h.head
    noun = prep.head
    return (
        h.dep_ == "pobj"
        and prep.lower_ == "with"
        and (lemma(noun) in _DEAL_NOUNS or noun.lower_ in _DEAL_NOUNS)
    )


def _imposed_under(h: Token, m: CountryMention) -> bool:
    """True for a leader or government a tariff was imposed under: "imposed under former Prime
    Minister X", "introduced under the Japanese government" (not "under the deal with X")."""
    noun = h if h.dep_ == "pobj" else h.head
    under = noun.head
    if noun.dep_ != "pobj" or under.lower_ != "under":
        return False
    if not verb_in(under.head, tables().impose_verbs):
        return False
    if noun.i == h.i:
        return m.is_person or lemma(noun) in _GOVERNMENT_NOUNS
    return lemma(noun) in _GOVERNMENT_NOUNS and h.dep_ in {"amod", "compound", "poss", "nmod"}


#: Verbs of telling someone what will be done to them: "warned Canada he would impose ...".
_WARN_VERBS = frozenset({"warn", "tell", "inform", "notify", "remind", "caution", "threaten"})


def _nominal_agent(h: Token, f: Frame) -> bool:
    """True when ``h`` is the object of a "by" that hangs off a noun of the tariff phrase (the
    tariff, its scope, or the noun it is "of"): the agent of a nominalised imposing."""
    by = h.head
    if h.dep_ != "pobj" or by.lower_ != "by" or by.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    noun = by.head
    if noun == f.tariff or noun.i in f.on_scope:
        return True
    of = f.tariff.head
    return of.lower_ == "of" and of.head == noun


def _children(tokens: list[Token]) -> list[Token]:
    return [c for tok in tokens for c in tok.children]


def _hit_goods(noun: Token, verb: Token) -> bool:
    """True for the object of a hitting verb or one of its conjuncts ("hit Chilean grapes and
    Bolivian quinoa with a 40% tariff")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ == "dobj" and noun.head == verb and verb_in(verb, tables().hit_object_verbs)


def _subject_role(h: Token, m: CountryMention, f: Frame) -> str | None:
    """Role of a mention in the subject: the governing verb decides (face -> target ...)."""
    t = tables()
    subject, verb = f.subject, f.verb
    if subject is None or verb is None or f.tariff_is_subject:
        return None
    verbs = (verb, f.subject_verb)
    if _within(m, subject) and verb_in(verb, t.target_subject_verbs):
        agent = _agent_above(h, subject)
        if agent is not None:  # "products face 50% — the highest rates imposed by the U.S."
            return "imposer" if verb_in(agent.head, t.impose_verbs) else None
        return "target"  # "Key Japanese exports ... face duties of up to 25%"
    direct = h == subject or (h.head == subject and h.dep_ in {"poss", "compound", "amod", "nmod"})
    direct = direct or h in subject.conjuncts  # "Algeria and Libya will be subjected to 30%"
    if not direct:
        return None
    if f.passive:
        return "target" if any(verb_in(v, t.target_passive_verbs) for v in verbs) else None
    if h != subject and subject.lower_ in t.import_nouns:
        return "target"  # "Australian products had the lowest tariff rate": goods bear it
    if any(verb_in(v, t.impose_verbs) for v in verbs) and f.critic is None:
        return "imposer"
    return None


def _agent_above(h: Token, top: Token) -> Token | None:
    """The passive agent ("by ...") that ``h`` hangs in, below ``top``, if any."""
    cur = h
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ == "agent":
            return cur
        cur = cur.head
    return None


def _clause_pronoun_imposer(ctx: Context, tariff: Token) -> str | None:
    """Country of the person a pronoun subject stands for in "the rate he had threatened"."""
    t = tables()
    for clause_verb in tariff.children:
        if clause_verb.dep_ not in {"relcl", "acl"} or not verb_in(clause_verb, t.impose_verbs):
            continue
        for subject in clause_verb.children:
            if subject.dep_ != "nsubj" or subject.lower_ not in {"he", "she"}:
                continue
            person = resolve_person(ctx.doc, subject.idx, subject.idx + len(subject))
            info = (ctx.doc._.entities or {}).get(person) if person else None
            if info is not None and info.country:
                return str(info.country)
    return None
