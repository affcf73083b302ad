"""A learned re-ranker for tariff roles: which (imposer, target) pairs one rate states.

The rules (``parties``, ``implicit``) give one reading per rate. The re-ranker scores every
candidate pair: the countries of the sentence and the one before, the default imposer, the
article's two most-named countries, the rules' own sides, and "every partner" as a target.
Features say what the rules concluded (and how: explicitly or by a fallback), where each side
is named (preposition, dependency, before or after the rate, distance), how often the article
names it, and the trade-flow words around it. A logistic model (``data/tariff_roles.json``,
trained by ``tools/train_tariff_roles.py``) scores the pairs; the best pair wins and further
targets of the same imposer are kept when they score above the model's threshold.

The model is plain data (feature names and weights) applied with Python arithmetic: no
learning library at run time, the same output everywhere.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Span, Token

from .context import Context, CountryMention
from .tokens import in_purchased_goods, lowers
from .vocabulary import tables

#: The target that stands for every partner ("a 10% tariff on all imports").
EVERY_PARTNER = None
#: Prepositions whose object side is read as a feature.
_PREPS = ("on", "from", "to", "into", "with", "against", "by", "in", "for", "of", "between")
#: Dependency labels of a side's mention that are read as a feature.
_DEPS = ("poss", "compound", "amod", "nsubj", "nsubjpass", "pobj", "dobj", "conj", "appos")
_EXPORT_WORDS = frozenset({"export", "exports", "exporter", "exporters", "shipments", "sold"})
_IMPORT_WORDS = frozenset({"import", "imports", "importer", "importers", "imported"})
_RETALIATION_WORDS = frozenset(
    {"retaliate", "retaliated", "retaliation", "retaliatory", "counter", "countermeasures", "hit"}
)
#: Words that say a rate applies to every partner ("the global 50% tariff") ...
_EVERY_PARTNER_WORDS = frozenset(
    {"global", "universal", "worldwide", "baseline", "blanket", "across-the-board", "world"}
)
#: ... and quantifiers that do before these nouns ("on all imports", "other countries").
_EVERY_PARTNER_QUANTIFIERS = frozenset({"all", "every", "other", "most", "any"})
_EVERY_PARTNER_NOUNS = frozenset(
    {"countries", "country", "nations", "partners", "imports", "trading", "economies"}
)
#: Words that take a country out of a rate's scope ("exempted from", "spared").
_EXEMPTION_WORDS = frozenset(
    {
        "exempt",
        "exempted",
        "exemption",
        "exemptions",
        "spared",
        "excluded",
        "except",
        "excluding",
        "only",
    }
)
_SECOND_PERSON = frozenset({"you", "your", "yours"})
_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "\u2018", "\u2019", "'"})


@dataclass
class Reading:
    """What the rules concluded for one rate, and how."""

    imposer: str | None
    targets: list[str | None]
    stated_imposers: list[str] = field(default_factory=list)  # the clause names them
    stated_targets: list[str] = field(default_factory=list)
    all_partners: bool = False
    ranking: list[str] = field(default_factory=list)  # the article's explicit imposers, most first
    partners: dict[str, str] = field(default_factory=dict)  # each imposer's usual target
    products: tuple[str, ...] = ()  # the products the rules found in the rate's scope
    measure: str = "other"  # retaliatory / average / baseline / reciprocal / sectoral / other


@dataclass
class Candidate:
    """One (imposer, target) pair for a rate, with its features."""

    imposer: str
    target: str | None
    features: dict[str, float]


#: Called with (ctx, rate span, reading, candidates) for every rate when set (training data).
recorder: Callable[[Context, Span, Reading, list[Candidate]], None] | None = None


#: A regression tree as plain data: a leaf is its value; a split is
#: ``[feature, threshold, subtree if value <= threshold, subtree otherwise]``.
Tree = float | list[Any]


@dataclass(frozen=True)
class RolesModel:
    """Scores over named features (logistic weights, or boosted trees when ``trees`` is set),
    with the rules kept unless the model's best pair beats theirs by ``margin``."""

    weights: dict[str, float]
    bias: float
    threshold: float
    #: "fill": the model only decides the sides the clause leaves out (the rules' fallbacks);
    #: "full": it may overrule any side.
    mode: str = "fill"
    #: How much more probable than the rules' pair the model's best pair must be to replace it.
    margin: float = 0.0
    #: Which sides the model may change: "both", "imposer" or "target".
    fields: str = "both"
    trees: tuple[Tree, ...] = ()
    #: Measures whose every-partner reading (a rate with no country in its clause) counts as
    #: stated in mode "fill": "a 10% baseline tariff", "50% tariffs on steel".
    kept_measures: tuple[str, ...] = ()
    #: Mode "fill": a fallback target the rate's sentence names stays (only the imposer may
    #: change); otherwise it gives way to every partner or another country of the sentence.
    keep_sentence_fallback: bool = False

    def probability(self, features: dict[str, float]) -> float:
        if self.trees:
            z = self.bias + sum(_leaf(tree, features) for tree in self.trees)
        else:
            z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RolesModel:
        return cls(
            weights={str(k): float(v) for k, v in data.get("weights", {}).items()},
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            mode=str(data.get("mode", "fill")),
            margin=float(data.get("margin", 0.0)),
            fields=str(data.get("fields", "both")),
            trees=tuple(data.get("trees", ())),
            kept_measures=tuple(str(m) for m in data.get("kept_measures", ())),
            keep_sentence_fallback=bool(data.get("keep_sentence_fallback", False)),
        )


def _leaf(tree: Tree, features: dict[str, float]) -> float:
    """The value of the leaf ``features`` reach in ``tree`` (a missing feature is 0)."""
    node = tree
    while isinstance(node, list):
        node = node[2] if features.get(node[0], 0.0) <= node[1] else node[3]
    return float(node)


@lru_cache(maxsize=1)
def shipped_model() -> RolesModel | None:
    """The model shipped in ``data/tariff_roles.json`` (None when absent or disabled)."""
    ref = resources.files("tradefacts.pipeline").joinpath("data/tariff_roles.json")
    if not ref.is_file():
        return None
    data = json.loads(ref.read_text(encoding="utf-8"))
    return RolesModel.from_json(data) if data.get("enabled", True) else None


#: Overrides the shipped model when set (cross-validation in tools/train_tariff_roles.py).
active_model: RolesModel | None = None
use_model = True
#: Builds the candidates instead of ``candidate_pairs`` when set (the trainer's cache).
candidate_source: Callable[[Context, Span, Token, Span, Reading], list[Candidate]] | None = None


def choose_roles(
    ctx: Context, pspan: Span, tariff: Token, sent: Span, reading: Reading
) -> tuple[str | None, list[str | None]]:
    """The imposer and targets of one rate: the rules' reading re-ranked by the model."""
    model = active_model or shipped_model() if use_model else None
    if recorder is None and model is None:
        return reading.imposer, reading.targets  # the rules decide: no candidates to build
    build = candidate_source or candidate_pairs
    candidates = build(ctx, pspan, tariff, sent, reading)
    # the next rate's features read the rules' reading of this one (never the model's)
    first = reading.targets[0] if reading.targets else None
    ctx._roles_last = (reading.imposer, first, sent.start)  # type: ignore[attr-defined]
    if recorder is not None:
        recorder(ctx, pspan, reading, candidates)
    if model is None:
        return reading.imposer, reading.targets
    return decode(model, reading, candidates)


def decode(
    model: RolesModel, reading: Reading, candidates: list[Candidate]
) -> tuple[str | None, list[str | None]]:
    """The pairs ``model`` picks among ``candidates``: its best pair when that beats the rules'
    pair by the margin (else the rules' reading), with further targets of the same imposer
    that reach the threshold."""
    rules = (reading.imposer, reading.targets)
    named_here = {c.target for c in candidates if c.features.get("target_in_sentence")}
    candidates = [c for c in candidates if allowed(c, reading, model, named_here)]
    stated = target_stated(reading, model.kept_measures)
    if not candidates or (model.mode == "fill" and reading.stated_imposers and stated):
        return rules  # the clause states both sides (or the model may change none)
    scored = sorted(
        ((model.probability(c.features), n, c) for n, c in enumerate(candidates)),
        key=lambda s: (-s[0], s[1]),
    )
    best = scored[0][2]
    ruled = reading.targets or [EVERY_PARTNER]  # no target: the fact says every partner
    rules_p = max(
        (p for p, _, c in scored if c.imposer == reading.imposer and c.target in ruled),
        default=0.0,
    )
    keeps_rules = best.imposer == reading.imposer and best.target in ruled
    if not keeps_rules and scored[0][0] < rules_p + model.margin:
        return rules  # the rules' reading stands unless the model is surer by the margin
    targets: list[str | None] = list(reading.targets) if keeps_rules else [best.target]
    for p, _, c in scored[1:]:
        if c.imposer == best.imposer and c.target is not None and best.target is not None:
            if p >= model.threshold and c.target not in targets and _named_nearby(c):
                targets.append(c.target)
    return best.imposer, targets


def _named_nearby(candidate: Candidate) -> bool:
    """True when the candidate's target is named in the rate's sentence or the one before: a
    rate with several targets names them ("25% on Canada and Mexico")."""
    f = candidate.features
    return bool(f.get("target_in_sentence") or f.get("target_prev_sentence"))


def allowed(
    candidate: Candidate, reading: Reading, model: RolesModel, named_here: set[str | None]
) -> bool:
    """True when ``model`` may choose the pair: it keeps the sides the clause states (mode
    "fill"); a fallback target named in the sentence stays (``keep_sentence_fallback``) or gives
    way only to every partner or to another country of the sentence (mode "fill"); and the side
    the model may not change (``fields``) stays."""
    if model.mode == "fill":
        if not keeps_stated_sides(candidate, reading, model.kept_measures):
            return False
        fallback = reading.targets[0] if reading.targets else EVERY_PARTNER
        if fallback in named_here:
            if model.keep_sentence_fallback and candidate.target != fallback:
                return False
            if candidate.target not in named_here | {EVERY_PARTNER}:
                return False
    if model.fields == "target":
        return candidate.imposer == reading.imposer
    if model.fields == "imposer":
        return candidate.target == (reading.targets[0] if reading.targets else None)
    return True


def keeps_stated_sides(
    candidate: Candidate, reading: Reading, kept_measures: tuple[str, ...] = ()
) -> bool:
    """True when the pair keeps the sides the clause states (the rules' explicit reading)."""
    if reading.stated_imposers and candidate.imposer != reading.imposer:
        return False
    if _every_partner_stated(reading, kept_measures):
        return candidate.target is EVERY_PARTNER  # "on all imports": the clause says so
    stated_targets = [t for t in reading.targets if t in reading.stated_targets]
    return not stated_targets or candidate.target in stated_targets


def _every_partner_stated(reading: Reading, kept_measures: tuple[str, ...]) -> bool:
    """True when the rules read every partner from the clause itself: its scope says so ("on
    all imports"), its measure is one the model keeps ("a 10% baseline tariff"), or it is an
    average that names no partner ("Japan's average tariff of 1.9%": over all imports)."""
    kept = reading.all_partners or reading.measure in (*kept_measures, "average")
    return not reading.targets and kept


def target_stated(reading: Reading, kept_measures: tuple[str, ...] = ()) -> bool:
    """True when the clause names the rules' target: a country, or every partner."""
    if _every_partner_stated(reading, kept_measures):
        return True
    return any(t in reading.stated_targets for t in reading.targets)


def candidate_pairs(
    ctx: Context, pspan: Span, tariff: Token, sent: Span, reading: Reading
) -> list[Candidate]:
    """Every (imposer, target) pair worth scoring for this rate, with features."""
    stats = _article_stats(ctx)
    prev_lo = ctx.sent_start[sent.start - 1] if sent.start > 0 else sent.start
    here = _side_mentions(ctx, sent.start, sent.end)
    before = _side_mentions(ctx, prev_lo, sent.start)
    countries: list[str] = []
    for iso in [
        *(reading.imposer and [reading.imposer] or []),
        *[t for t in reading.targets if t is not None],
        *here,
        *before,
        *stats.top[:2],
        *([tables().default_imposer] if tables().default_imposer in stats.counts else []),
    ]:
        if iso is not None and iso not in countries:
            countries.append(iso)
    ruled = {reading.imposer, *reading.targets}
    countries = [c for c in countries if c in ruled or not _only_what_is_bought(ctx, here.get(c))]
    out = []
    for imposer in countries:
        for target in [*countries, EVERY_PARTNER]:
            if target == imposer:
                continue
            feats = _pair_features(
                ctx, pspan, tariff, reading, stats, (here, before, sent.start), imposer, target
            )
            out.append(Candidate(imposer, target, feats))
    return out


_PAIR_FEATURES = (
    "rule_imposer rule_target rule_pair stated_imposer stated_imposer_first stated_target "
    "imposer_stated_as_target target_stated_as_imposer rules_all_partners imposer_default "
    "target_default imposer_top target_top imposer_second target_second imposer_share "
    "target_share target_every_partner few_countries_sentence "
    "retaliation_cue_imposer_not_default imposer_ranked_first imposer_ranked "
    "imposer_unranked_with_ranking target_usual_partner same_imposer_as_last_rate "
    "same_target_as_last_rate same_pair_as_rate_before_in_sentence "
    "swapped_pair_of_rate_before_in_sentence rule_pair_both_stated rule_pair_imposer_stated "
    "rule_pair_target_stated rule_pair_nothing_stated every_partner_products "
    "every_partner_scope_words every_partner_no_country_nearby every_partner_addressed "
    "every_partner_in_quote target_focus target_focus_no_country_nearby target_focus_addressed "
    "target_focus_in_quote target_exempted target_antecedent_of_rate_clause rate_ten"
).split()
_MEASURES = ("retaliatory", "average", "baseline", "reciprocal", "sectoral", "other")
_SIDE_FEATURES = (
    "prev_sentence not_named in_sentence before_rate distance person before_tariff_word "
    "in_tariff_phrase near_export near_import mentions_sentence only_in_purchased_goods"
).split()


def feature_names() -> frozenset[str]:
    """Every feature a candidate can have (the model's vocabulary)."""
    names = set(_PAIR_FEATURES)
    names.update(f"every_partner_measure_{m}" for m in _MEASURES)
    for side in ("imposer", "target"):
        names.update(f"{side}_{name}" for name in _SIDE_FEATURES)
        names.update(f"{side}_dep_{dep}" for dep in (*_DEPS, "other"))
        names.update(f"{side}_prep_{prep}" for prep in _PREPS)
    return frozenset(names)


@dataclass
class _Stats:
    counts: Counter[str]
    top: list[str]


def _article_stats(ctx: Context) -> _Stats:
    cached = getattr(ctx, "_roles_stats", None)
    if cached is None:
        counts: Counter[str] = Counter(m.iso for m in ctx.mentions)
        top = sorted(counts, key=lambda iso: (-counts[iso], iso))
        cached = _Stats(counts, top)
        ctx._roles_stats = cached  # type: ignore[attr-defined]
    return cached


def _only_what_is_bought(ctx: Context, mentions: list[CountryMention] | None) -> bool:
    """True when the sentence names the country only in what someone buys ("over its purchases
    of Russian oil"): the seller of those goods is neither side of the rate (no annotated
    article has such a side)."""
    if not mentions:
        return False
    return all(in_purchased_goods(ctx.doc[m.root]) for m in mentions)


def _side_mentions(ctx: Context, lo: int, hi: int) -> dict[str, list[CountryMention]]:
    """Country mentions rooted in tokens [lo, hi), by country, in text order."""
    out: dict[str, list[CountryMention]] = {}
    for m in ctx.mentions_between(lo, hi):
        if lo <= m.root < hi:
            out.setdefault(m.iso, []).append(m)
    return out


def _pair_features(
    ctx: Context,
    pspan: Span,
    tariff: Token,
    reading: Reading,
    stats: _Stats,
    where: tuple[dict[str, list[CountryMention]], dict[str, list[CountryMention]], int],
    imposer: str,
    target: str | None,
) -> dict[str, float]:
    here, before, sent_start = where  # mentions in the sentence, the one before; its start
    default = tables().default_imposer
    most = stats.counts[stats.top[0]] if stats.top else 1
    f: dict[str, float] = {
        "rule_imposer": float(imposer == reading.imposer),
        "rule_target": float(target in (reading.targets or [EVERY_PARTNER])),
        "rule_pair": float(
            imposer == reading.imposer and target in (reading.targets or [EVERY_PARTNER])
        ),
        "stated_imposer": float(imposer in reading.stated_imposers),
        "stated_imposer_first": float(reading.stated_imposers[:1] == [imposer]),
        "stated_target": float(target is not None and target in reading.stated_targets),
        "imposer_stated_as_target": float(imposer in reading.stated_targets),
        "target_stated_as_imposer": float(target is not None and target in reading.stated_imposers),
        "rules_all_partners": float(reading.all_partners and target is EVERY_PARTNER),
        "imposer_default": float(imposer == default),
        "target_default": float(target == default),
        "imposer_top": float(bool(stats.top) and stats.top[0] == imposer),
        "target_top": float(bool(stats.top) and stats.top[0] == target),
        "imposer_second": float(stats.top[1:2] == [imposer]),
        "target_second": float(target is not None and stats.top[1:2] == [target]),
        "imposer_share": stats.counts[imposer] / most,
        "target_share": stats.counts[target] / most if target is not None else 0.0,
        "target_every_partner": float(target is EVERY_PARTNER),
        "few_countries_sentence": float(len(here) <= 1),
    }
    last = getattr(ctx, "_roles_last", None)
    f["imposer_ranked_first"] = float(reading.ranking[:1] == [imposer])
    f["imposer_ranked"] = float(imposer in reading.ranking)
    f["imposer_unranked_with_ranking"] = float(
        bool(reading.ranking) and imposer not in reading.ranking
    )
    f["target_usual_partner"] = float(
        target is not None and reading.partners.get(imposer) == target
    )
    f["same_imposer_as_last_rate"] = float(last is not None and last[0] == imposer)
    f["same_target_as_last_rate"] = float(last is not None and last[1] == target)
    before_here = last if last is not None and last[2] == sent_start else (None, None, None)
    f["same_pair_as_rate_before_in_sentence"] = float(
        before_here[0] == imposer and before_here[1] == target
    )
    f["swapped_pair_of_rate_before_in_sentence"] = float(
        before_here[1] == imposer and before_here[0] == target
    )
    stated_i = bool(reading.stated_imposers) and reading.stated_imposers[0] == imposer
    stated_t = target is not None and reading.stated_targets[:1] == [target]
    f["rule_pair_both_stated"] = float(f["rule_pair"] and stated_i and stated_t)
    f["rule_pair_imposer_stated"] = float(f["rule_pair"] and stated_i)
    f["rule_pair_target_stated"] = float(f["rule_pair"] and stated_t)
    f["rule_pair_nothing_stated"] = float(
        f["rule_pair"] and not reading.stated_imposers and not reading.stated_targets
    )
    _side_features(f, "imposer", ctx, pspan, tariff, here.get(imposer), before.get(imposer))
    if target is not None:
        _side_features(f, "target", ctx, pspan, tariff, here.get(target), before.get(target))
    words = lowers(ctx.doc)[max(0, pspan.start - 40) : pspan.end + 40]
    f["retaliation_cue_imposer_not_default"] = float(
        imposer != default and any(w in _RETALIATION_WORDS for w in words)
    )
    _scope_features(f, ctx, pspan, tariff, reading, stats, where, imposer, target)
    return f


def _scope_features(
    f: dict[str, float],
    ctx: Context,
    pspan: Span,
    tariff: Token,
    reading: Reading,
    stats: _Stats,
    where: tuple[dict[str, list[CountryMention]], dict[str, list[CountryMention]], int],
    imposer: str,
    target: str | None,
) -> None:
    """Every partner or one country: what the rate's own words, its sentence and the article
    say about the scope of the rate."""
    here, before, _ = where
    doc = ctx.doc
    sent = doc[pspan.start].sent
    clues = _rate_clues(ctx, pspan, tariff)
    nearby = bool(here) or bool(before)
    focus = next((iso for iso in stats.top if iso not in {imposer, tables().default_imposer}), None)
    if target is EVERY_PARTNER:
        f["every_partner_products"] = float(bool(reading.products))
        f["every_partner_scope_words"] = float(clues["scope"])
        f["every_partner_no_country_nearby"] = float(not nearby)
        f["every_partner_addressed"] = float(clues["addressed"])
        f["every_partner_in_quote"] = float(clues["quoted"])
        measure = reading.measure if reading.measure in _MEASURES else "other"
        f[f"every_partner_measure_{measure}"] = 1.0
    else:
        is_focus = target == focus
        f["target_focus"] = float(is_focus)
        f["target_focus_no_country_nearby"] = float(is_focus and not nearby)
        f["target_focus_addressed"] = float(is_focus and clues["addressed"])
        f["target_focus_in_quote"] = float(is_focus and clues["quoted"])
        mentions = here.get(target, [])
        f["target_exempted"] = float(any(_exempted(doc, m, sent) for m in mentions))
        f["target_antecedent_of_rate_clause"] = float(
            any(_antecedent_of(doc[m.root], pspan) for m in mentions)
        )
    f["rate_ten"] = float(abs(_value(pspan) - 10.0) < 0.01)


def _rate_clues(ctx: Context, pspan: Span, tariff: Token) -> dict[str, bool]:
    """Scope words around the rate and its tariff phrase, a second person in the sentence, and
    whether the rate sits inside a quotation (computed once per rate)."""
    cache: dict[int, dict[str, bool]] = ctx.__dict__.setdefault("_roles_clues", {})
    found = cache.get(pspan.start)
    if found is not None:
        return found
    doc = ctx.doc
    sent = doc[pspan.start].sent
    lo = max(sent.start, min(pspan.start, tariff.left_edge.i) - 2)
    hi = min(sent.end, max(pspan.end, tariff.right_edge.i + 1, tariff.i + 5))
    words = lowers(doc)[lo:hi]
    scope = any(w in _EVERY_PARTNER_WORDS for w in words) or any(
        w in _EVERY_PARTNER_QUANTIFIERS
        and any(x in _EVERY_PARTNER_NOUNS for x in words[n + 1 : n + 3])
        for n, w in enumerate(words)
    )
    sent_words = lowers(doc)[sent.start : sent.end]
    addressed = any(w in _SECOND_PERSON for w in sent_words)
    marks = sum(1 for t in doc[sent.start : pspan.start] if t.text in _QUOTE_MARKS)
    found = {"scope": scope, "addressed": addressed, "quoted": marks % 2 == 1}
    cache[pspan.start] = found
    return found


def _exempted(doc: Any, mention: CountryMention, sent: Span) -> bool:
    """True when an exemption word stands within three tokens of the mention ("the UK is the
    only country to be exempted", "spared Canada")."""
    lo, hi = max(sent.start, mention.start - 3), min(sent.end, mention.end + 6)
    return any(doc[i].lower_ in _EXEMPTION_WORDS for i in range(lo, hi))


def _antecedent_of(token: Token, pspan: Span) -> bool:
    """True when a relative clause of the mention (or of a conjunct it heads or joins) holds
    the rate: "Indonesia and the Philippines, which will face 19% tariffs"."""
    heads = [token, *token.conjuncts]
    for head in heads:
        for child in head.children:
            if child.dep_ == "relcl" and child.left_edge.i <= pspan.start < child.right_edge.i + 1:
                return True
    return False


def _value(pspan: Span) -> float:
    for token in pspan:
        if token.like_num:
            try:
                return float(token.text.replace(",", ""))
            except ValueError:
                return float("nan")
    return float("nan")


def _side_features(
    f: dict[str, float],
    side: str,
    ctx: Context,
    pspan: Span,
    tariff: Token,
    here: list[CountryMention] | None,
    before: list[CountryMention] | None,
) -> None:
    """Where one side is named: in this sentence or the one before, how, and how near."""
    if not here:
        f[f"{side}_prev_sentence"] = float(bool(before))
        f[f"{side}_not_named"] = float(not before)
        return
    f[f"{side}_in_sentence"] = 1.0
    nearest = min(here, key=lambda m: abs(m.root - pspan.root.i))
    doc = ctx.doc
    root = doc[nearest.root]
    f[f"{side}_before_rate"] = float(nearest.root < pspan.start)
    f[f"{side}_distance"] = min(abs(nearest.root - pspan.root.i), 30) / 30.0
    f[f"{side}_person"] = float(all(m.is_person for m in here))
    f[f"{side}_before_tariff_word"] = float(nearest.root < tariff.i)
    f[f"{side}_in_tariff_phrase"] = float(tariff.left_edge.i <= nearest.root <= tariff.right_edge.i)
    dep = root.dep_ if root.dep_ in _DEPS else "other"
    f[f"{side}_dep_{dep}"] = 1.0
    prep = _governing_prep(root)
    if prep is not None:
        f[f"{side}_prep_{prep}"] = 1.0
    window = lowers(doc)[max(0, nearest.start - 3) : nearest.end + 3]
    f[f"{side}_near_export"] = float(any(w in _EXPORT_WORDS for w in window))
    f[f"{side}_near_import"] = float(any(w in _IMPORT_WORDS for w in window))
    f[f"{side}_mentions_sentence"] = min(len(here), 3) / 3.0
    f[f"{side}_only_in_purchased_goods"] = float(_only_what_is_bought(ctx, here))


def _governing_prep(token: Token) -> str | None:
    """The preposition whose object the mention is (through conjuncts and modifiers)."""
    cur = token
    for _ in range(3):
        if cur.dep_ == "pobj" and cur.head.lower_ in _PREPS:
            return cur.head.lower_
        if cur.dep_ not in {"conj", "compound", "amod", "poss", "appos"} or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None
