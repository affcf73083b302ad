"""Pipeline component tf_tariffs: numeric tariff rates with imposer, target, products, status.

For every percent quantity (``doc._.quantities``, kind ``percent``) outside page clutter, the
component looks for a tariff word (tariff, levy, duty, import tax, tariff/universal rate,
surcharge, countermeasures ...) linked to it through the dependency tree or a tight window in
the same sentence. Linked percents become ``TariffRate`` facts:

- imposer / target from the clause: possessives and modifiers of the tariff word ("China's
  tariffs", "US duties"), subjects of imposing verbs ("Canada imposed"), "on Japanese cars",
  "on imports from X", "exports to X" (X imposes), subjects of "face" / passive "hit with"
  (targets), "criticised X for its tariff" (X imposes); persons count for their country.
  Without an explicit imposer the article's dominant imposer (most explicit cases) is used.
- products from ``data/products.json``, only in the tariff phrase's scope.
- status, qualifier and measure from cue words in ``data/tariffs.json``, scoped to the clause.

Evidence is the sentence that states the rate (trimmed); when that is overly long or touches
page clutter, the clause, else the stretch from the rate to the tariff word.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...models import Evidence, TariffRate, country_codes
from ..document import EntityInfo, Mention, doc_text, evidence, in_clutter, register_extensions
from ..entities import resolve_person

#: How far (tokens) around a percent the component looks; bounds work on hostile input.
WINDOW = 40
#: Longest evidence sentence kept whole (characters).
MAX_EVIDENCE_CHARS = 600
#: At most this many tariff words are examined for the article's dominant imposer.
MAX_DOMINANCE_WORDS = 200
#: At most this many percents per doc chunk are examined (news has dozens; bounds hostile input).
MAX_PERCENTS = 200

_PERCENT_TAIL = {"%", "percent", "cent", "pc", "per", "pct", "percentage"}
_CLAUSE_PUNCT = {";", ".", "!", "?"}


@dataclass(frozen=True)
class _Tables:
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
    clause_conjunctions: frozenset[str]
    measure_cues: dict[tuple[str, ...], str]
    products: dict[tuple[str, ...], str]
    default_imposer: str | None
    max_phrase: int
    first_words: frozenset[str]


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


def _load(name: str) -> Any:
    text = resources.files("tradefacts.pipeline").joinpath(f"data/{name}").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def tables() -> _Tables:
    """The tariff word tables, loaded once per process."""
    data = _load("tariffs.json")
    products_data = _load("products.json")
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
    return _Tables(
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
        clause_conjunctions=frozenset(data["clause_conjunctions"]),
        measure_cues=measure,
        products=products,
        default_imposer=data.get("default_imposer"),
        max_phrase=max((len(p) for p in phrases), default=1),
        first_words=frozenset(p[0] for p in phrases if p),
    )


# --------------------------------------------------------------------------- tariff words


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def is_tariff_word(token: Token, sentence_has_tariff: bool = False) -> bool:
    """True when ``token`` is a tariff noun (tariff, levy, duty, import tax, tariff rate ...)."""
    t = tables()
    lower = token.lower_
    lemma = _lemma(token)
    prev = token.nbor(-1).lower_ if token.i > 0 else ""
    if lemma in t.tariff_lemmas or lower in t.tariff_lemmas or lower.rstrip("s") in t.tariff_lemmas:
        if lemma == "duty" or lower.startswith("dut"):
            nxt = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
            return prev not in t.duty_blockers and nxt not in {"-", "free"}
        return token.pos_ != "VERB"
    if lower.endswith("ies") and lower[:-3] + "y" in t.tariff_lemmas:
        return True
    heads = t.tariff_phrase_heads.get(lemma) or t.tariff_phrase_heads.get(lower)
    if heads and prev in heads and lemma not in {"rate"}:
        return True
    if lemma == "rate" or lower in {"rate", "rates"}:
        return _is_tariff_rate(token, sentence_has_tariff)
    return False


def _is_tariff_rate(token: Token, sentence_has_tariff: bool) -> bool:
    t = tables()
    doc = token.doc
    left = [doc[i].lower_ for i in range(max(token.left_edge.i, token.i - 4), token.i)]
    if any(w in t.rate_blockers for w in left[-2:]) and not any(
        w in {"import", "tariff", "customs"} for w in left
    ):
        return False
    if any(w in t.rate_modifiers for w in left):
        return True
    return sentence_has_tariff or _rate_on_goods(token)


def _rate_on_goods(token: Token) -> bool:
    """True for "the rate on Korean cars", "15% rates for their cars": a rate charged on goods."""
    t = tables()
    doc = token.doc
    i = token.i + 1
    if i >= len(doc) or doc[i].lower_ not in {"on", "for"}:
        return False
    words = _lowers(doc)
    stop = min(len(doc), i + 6)
    for j in range(i + 1, stop):
        if words[j] in t.import_nouns or doc[j].ent_type_ in {"NORP", "GPE"}:
            return True
        if doc[j].is_punct or doc[j].pos_ in {"VERB", "AUX"}:
            break
    return any(True for _ in _phrases_in(doc, i + 1, stop, t.products))


def _lowers(doc: Doc) -> list[str]:
    """Lower-case token texts of ``doc``, computed once per doc (Token objects are costly)."""
    key = "tradefacts.tariffs.lowers"
    cached = doc.user_data.get(key)
    if cached is None or len(cached) != len(doc):
        strings = doc.vocab.strings
        cached = [strings[int(h)] for h in doc.to_array("LOWER")] if len(doc) else []
        doc.user_data[key] = cached
    return cached


@lru_cache(maxsize=1)
def _candidate_words() -> frozenset[str]:
    t = tables()
    words = set(t.tariff_lemmas) | set(t.tariff_phrase_heads) | {"rate", "rates"}
    words |= {w + "s" for w in words} | {w[:-1] + "ies" for w in words if w.endswith("y")}
    return frozenset(words)


def _tariff_tokens(doc: Doc) -> set[int]:
    """Indices of the tariff words of ``doc``."""
    found: set[int] = set()
    candidates = _candidate_words()
    lowers = _lowers(doc)
    strings = doc.vocab.strings
    lemmas = [strings[int(h)].lower() for h in doc.to_array("LEMMA")] if len(doc) else []
    rates: list[int] = []
    for i, (lower, lemma) in enumerate(zip(lowers, lemmas, strict=False)):
        if lower not in candidates and lemma not in candidates:
            continue
        if lemma == "rate" or lower in {"rate", "rates"}:
            rates.append(i)
        elif is_tariff_word(doc[i], False):
            found.add(i)
    if rates:
        ctx_sents = _sentence_index(doc)
        with_tariff = {ctx_sents[i] for i in found}
        for i in rates:
            if is_tariff_word(doc[i], ctx_sents[i] in with_tariff):
                found.add(i)
    return found


def _sentence_index(doc: Doc) -> list[int]:
    """For each token, the index of its sentence (all 0 without sentence boundaries)."""
    index = [0] * len(doc)
    if doc.has_annotation("SENT_START"):
        for n, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                index[i] = n
    return index


# --------------------------------------------------------------------------- country mentions


@dataclass
class _CountryMention:
    """A mention that stands for a country: a country name, demonym, capital or a person."""

    start: int  # token index
    end: int  # token index, exclusive
    root: int
    iso: str
    is_person: bool


def _country_mentions(doc: Doc) -> list[_CountryMention]:
    """The doc's mentions that carry a country, as token ranges (sorted)."""
    infos: dict[str, EntityInfo] = doc._.entities or {}
    codes = country_codes()
    out: list[_CountryMention] = []
    for m in doc._.mentions or []:
        iso, is_person = _mention_country(m, infos)
        if iso is None or iso not in codes:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        out.append(_CountryMention(span.start, span.end, span.root.i, iso, is_person))
    out.sort(key=lambda c: (c.start, c.end))
    return out


def _mention_country(m: Mention, infos: dict[str, EntityInfo]) -> tuple[str | None, bool]:
    info = infos.get(m.entity_id)
    if m.entity_id.startswith("country:"):
        return m.entity_id.split(":", 1)[1], False
    if info is None:
        return None, False
    if info.type == "country":
        return info.id.split(":", 1)[1] if info.id.startswith("country:") else info.country, False
    return info.country, info.type == "person"


# --------------------------------------------------------------------------- percents


@dataclass(frozen=True)
class _Percent:
    """A percent quantity located in this doc."""

    value: float
    start: int  # local char offsets
    end: int
    approximate: bool


def _percents(doc: Doc) -> list[_Percent]:
    """Percent quantities whose evidence falls inside this doc (local offsets)."""
    base = doc._.base_offset or 0
    size = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    seen: set[tuple[int, int]] = set()
    out: list[_Percent] = []
    for q in doc._.quantities or []:
        if q.kind != "percent" or q.unit != "percent":
            continue  # "percentage points" are changes of a rate, not rates
        for ev in q.evidence:
            start, end = ev.start - base, ev.end - base
            if ev.doc_id != doc._.doc_id or start < 0 or end > size or (start, end) in seen:
                continue
            seen.add((start, end))
            out.append(_Percent(float(q.value), start, end, bool(q.approximate)))
    out.sort(key=lambda p: (p.start, p.end))
    return out


# --------------------------------------------------------------------------- clause analysis


@dataclass
class _Context:
    """What one doc offers every percent: tariff words, country mentions, sentence bounds."""

    doc: Doc
    tariff: set[int]
    mentions: list[_CountryMention]
    by_token: dict[int, _CountryMention] = field(default_factory=dict)
    text: str = ""
    mention_starts: list[int] = field(default_factory=list)
    sent_start: list[int] = field(default_factory=list)
    sent_end: list[int] = field(default_factory=list)
    rated: frozenset[int] = frozenset()  # tariff words that some percent is the rate of

    def __post_init__(self) -> None:
        self.text = doc_text(self.doc)
        for m in self.mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m
        self.mention_starts = [m.start for m in self.mentions]
        n = len(self.doc)
        self.sent_start, self.sent_end = [0] * n, [n] * n
        if self.doc.has_annotation("SENT_START"):
            for sent in self.doc.sents:
                for i in range(sent.start, sent.end):
                    self.sent_start[i], self.sent_end[i] = sent.start, sent.end

    def mentions_between(self, lo: int, hi: int) -> list[_CountryMention]:
        """Mentions starting in tokens [lo - 8, hi) (a long name may start before ``lo``)."""
        a = bisect.bisect_left(self.mention_starts, lo - 8)
        b = bisect.bisect_left(self.mention_starts, hi)
        return self.mentions[a:b]


def _sentence(ctx: _Context, span: Span) -> Span:
    """The sentence of ``span`` (at most WINDOW tokens each side), cut to its line."""
    doc = ctx.doc
    s = max(ctx.sent_start[span.start], span.start - WINDOW)
    e = min(ctx.sent_end[span.end - 1], span.end + WINDOW)
    sent = doc[s:e]
    text = ctx.text
    line_start = text.rfind("\n", sent.start_char, span.start_char) + 1
    line_end = text.find("\n", span.end_char, sent.end_char)
    if line_start <= sent.start_char and line_end < 0:
        return sent
    end_char = sent.end_char if line_end < 0 else line_end
    line = doc.char_span(max(line_start, sent.start_char), end_char, alignment_mode="contract")
    if line is None or not (line.start <= span.start and span.end <= line.end):
        return sent
    return line


_AS_AUXILIARIES = {"does", "do", "did", "is", "are", "was", "were", "has", "have"}


def _clause_bounds(sent: Span, lo: int, hi: int) -> list[tuple[int, int]]:
    """The sentence (limited to token range [lo, hi)) cut into clauses at ';', ', though' ..."""
    t = tables()
    doc = sent.doc
    start = max(sent.start, lo)
    stop = min(sent.end, hi)
    cuts = [start]
    words = _lowers(doc)
    for i in range(start + 1, stop):
        word = words[i]
        if word == ";":
            cuts.append(i + 1)
        elif word in t.clause_conjunctions and words[i - 1] == ",":
            cuts.append(i)
        elif word == "as" and i + 1 < stop and words[i + 1] in _AS_AUXILIARIES:
            cuts.append(i)
    cuts.append(stop)
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _ancestors(token: Token, limit: int) -> Iterator[Token]:
    cur = token
    for _ in range(limit):
        if cur.head is cur:
            return
        cur = cur.head
        yield cur


def _link(ctx: _Context, pspan: Span, lo: int, hi: int) -> Token | None:
    """The tariff word the percent ``pspan`` is the rate of, or None."""
    doc = ctx.doc
    t = tables()
    after = pspan.end
    if after < hi and doc[after].lower_ == "of" and pspan.root.i not in ctx.tariff:
        return None  # "1.8% of its GDP", "25% of imports": a share, not a rate
    root = pspan.root
    via = root
    for anc in [root, *_ancestors(root, 4)]:
        if anc.i in ctx.tariff and not (pspan.start <= anc.i < pspan.end):
            return anc
        if anc.pos_ in {"VERB", "AUX"}:
            level = _lemma(anc) in _LEVEL_VERBS
            if _rate_slot(via) or (level and via.dep_ == "dobj"):
                for child in anc.children:
                    if child.i in ctx.tariff and child.dep_ in _TARIFF_ARG_DEPS:
                        return child
                if anc.dep_ == "relcl" and anc.head.i in ctx.tariff:
                    return anc.head  # "the levy, which stands at 25 per cent, ..."
            if _lemma(anc) in t.market_verbs:
                return None  # "the dollar rose 0.5%"
            if via is root and via.dep_ in {"dobj", "npadvmod"} and not level:
                return None  # "tariffs could shave 0.5% off growth"
            if via.lower_ == "by":
                return None  # "raise prices by 5%": a change, not a rate
            break
        via = anc
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "on"}:
            for grand in child.children:
                if grand.i in ctx.tariff:
                    return grand
    return _window_link(ctx, pspan, lo, hi)


_LIST_BREAK_POS = {"DET", "PRON", "VERB", "AUX", "SCONJ", "ADV", "ADP"}
_LEFT_OK_POS = {"ADP", "ADV", "ADJ", "DET", "PART", "NUM", "SYM", "CCONJ", "PUNCT"}
_LEFT_OK_WORDS = {"averaging", "averaged", "estimated", "capped", "set", "rate", "rates"}


_LEVEL_VERBS = {"hit", "reach", "average", "total", "top", "exceed", "touch", "be", "stand"}
_TARIFF_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "oprd"}


def _rate_slot(via: Token) -> bool:
    """True when the percent hangs off its verb as a level ("to 25%", "at 10%", "is 25%")."""
    if via.dep_ in {"attr", "oprd", "acomp"}:
        return True
    return via.dep_ == "prep" and via.lower_ in {"to", "at", "of", "from", "between"}


def _window_link(ctx: _Context, pspan: Span, lo: int, hi: int) -> Token | None:
    """A tariff word right after the percent ("24% levies") or just before ("tariffs of 25%")."""
    doc = ctx.doc
    for i in range(pspan.end, min(hi, pspan.end + 6)):
        tok = doc[i]
        if i in ctx.tariff:
            return None if _modifies_other_noun(ctx, tok) else tok
        if tok.text in _CLAUSE_PUNCT or tok.text == "," or tok.like_num or tok.lower_ == "of":
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
            return tok
        if tok.text in _CLAUSE_PUNCT:
            break
        if tok.lower_ in _PERCENT_TAIL or tok.like_num:
            continue
        if tok.lower_ in {"by", "than"}:
            break
        if tok.pos_ not in _LEFT_OK_POS and tok.lower_ not in _LEFT_OK_WORDS:
            break
    return None


def _modifies_other_noun(ctx: _Context, tariff: Token) -> bool:
    """True for "tariff talks", "tariff fears": the tariff word only qualifies another noun."""
    head = tariff.head
    return (
        tariff.dep_ == "compound"
        and head.i not in ctx.tariff
        and head.pos_ in {"NOUN", "PROPN"}
        and _lemma(head) not in _TARIFF_CHANGE_NOUNS
    )


_TARIFF_CHANGE_NOUNS = {"hike", "increase", "rise", "cut", "reduction", "rate", "level", "wall"}


def _governing_verb(tariff: Token) -> Token | None:
    """The first verb above the tariff word (at most five steps up)."""
    for anc in _ancestors(tariff, 5):
        if anc.pos_ in {"VERB", "AUX"}:
            return anc
    return None


def _verb_in(token: Token, table: frozenset[str]) -> bool:
    """True when the verb's lemma (or a plain de-inflection; the lemmatiser errs) is listed."""
    lower = token.lower_
    forms = {_lemma(token), lower, lower[:-1], lower[:-2], lower[:-3], lower[:-3] + "e"}
    return not forms.isdisjoint(table)


_BORROW_DEPS = {"xcomp", "conj", "advcl", "pcomp", "prep"}
_STAND_IN_SUBJECTS = {"he", "she", "it", "they", "we", "government", "administration", "country"}


def _subject(verb: Token) -> tuple[Token | None, Token]:
    """The subject of ``verb`` (borrowed from the verb it hangs off for xcomp/conj/advcl)."""
    cur = verb
    for _ in range(4):
        for child in cur.children:
            if child.dep_ in {"nsubj", "nsubjpass", "csubj"}:
                return child, cur
        if cur.dep_ not in _BORROW_DEPS or cur.head is cur:
            break
        if cur.dep_ in {"advcl", "pcomp"} and cur.tag_ not in {"VBG", "VBN"}:
            break
        cur = cur.head
    return None, verb


def _speaker_subject(subject: Token, subject_verb: Token) -> Token | None:
    """For "her government would impose" / "he would hit", the subject of the verb of saying."""
    if subject.lower_ not in _STAND_IN_SUBJECTS and _lemma(subject) not in _STAND_IN_SUBJECTS:
        return None
    if subject_verb.dep_ != "ccomp":
        return None
    speaker, _ = _subject(subject_verb.head)
    return speaker


def _surface_subject(ctx: _Context, verb: Token, lo: int) -> Token | None:
    """A country mention right before the verb ("Japan has long maintained"), for bad parses."""
    nouns = 0
    for i in range(verb.i - 1, max(lo, verb.i - 6) - 1, -1):
        tok = ctx.doc[i]
        if i in ctx.by_token:
            return ctx.doc[ctx.by_token[i].root]
        if tok.pos_ in {"NOUN", "ADJ"} and nouns < 2:
            nouns += 1  # "Vietnamese goods will face": the country modifies the subject noun
            continue
        if tok.pos_ not in {"AUX", "ADV", "PART", "PUNCT", "SPACE"} or nouns:
            return None
    return None


@dataclass
class _Frame:
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


def _frame(ctx: _Context, tariff: Token, pspan: Span, lo: int, hi: int, sent_lo: int) -> _Frame:
    t = tables()
    verb = _governing_verb(tariff)
    subject, subject_verb = _subject(verb) if verb is not None else (None, tariff)
    if verb is not None and (subject is None or subject.i < sent_lo):
        subject, subject_verb = _surface_subject(ctx, verb, lo), verb
    speaker = _speaker_subject(subject, subject_verb) if subject is not None else None
    critic = next((a for a in _ancestors(tariff, 7) if _verb_in(a, t.criticize_verbs)), None)
    passive = verb is not None and any(c.dep_ == "auxpass" for c in verb.children)
    on_scope: set[int] = set()
    for prep in _scope_preps(tariff, pspan, verb):
        on_scope.update(_prep_scope(ctx.doc, prep, lo, hi))
    on_scope.update(_on_window(ctx.doc, tariff, hi))
    relief = _relief_noun(tariff)
    return _Frame(
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


_SCOPE_PREPS = {"on", "against", "upon", "for", "targeting", "covering"}
_VERB_SCOPE_PREPS = {"on", "against", "upon"}
#: Verbs whose "to" phrase names the goods a tariff is put on ("a 15% tariff added to US corn").
_ADD_TO_VERBS = frozenset({"add", "apply", "extend", "impose", "levy", "attach"})


def _scope_preps(tariff: Token, pspan: Span, verb: Token | None) -> list[Token]:
    """The prepositions whose objects a tariff applies to ("on X", "against X").

    Besides the tariff word's own "on" phrase: the governing verb's "on" phrase after the tariff
    word, the "to" phrase of "added to"/"applied to", and an "on" phrase hanging off the rate in
    "duties of 25 per cent on British steel" (the parser attaches it to the percent).
    """
    preps = [c for c in tariff.children if c.dep_ == "prep" and c.lower_ in _SCOPE_PREPS]
    if verb is not None and _verb_in(verb, _ADD_TO_VERBS):
        preps += [c for c in tariff.children if c.dep_ == "prep" and c.lower_ == "to"]
    if verb is not None:
        for c in verb.children:
            if c.dep_ != "prep" or c.i < tariff.i:
                continue
            if c.lower_ in _VERB_SCOPE_PREPS or (
                c.lower_ == "to" and _verb_in(verb, _ADD_TO_VERBS)
            ):
                preps.append(c)
    rate_tokens = [pspan.root, *(c for c in pspan.root.children if c.dep_ == "conj")]
    for anc in _ancestors(pspan.root, 3):
        if anc == tariff or anc.pos_ in {"VERB", "AUX"}:
            break
        rate_tokens.append(anc)
    if any(a == tariff for a in _ancestors(pspan.root, 4)):
        for tok in rate_tokens:
            preps.extend(
                c
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in _VERB_SCOPE_PREPS and c.i > pspan.start
            )
    return preps


def _prep_scope(doc: Doc, prep: Token, lo: int, hi: int) -> range:
    """Tokens of a prepositional phrase, cut before an appositive or clause after a comma/dash."""
    start, end = max(lo, prep.left_edge.i), min(hi, prep.right_edge.i + 1)
    for j in range(prep.i + 1, end):
        tok = doc[j]
        if tok.text in {"-", "\u2013", "\u2014", "(", ";"}:
            return range(start, j)
        if (
            tok.text == ","
            and j + 1 < end
            and (doc[j + 1].pos_ in _LIST_BREAK_POS or doc[j + 1].pos_ == "NUM")
        ):
            return range(start, j)
    return range(start, end)


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


def _relief_noun(tariff: Token) -> Token | None:
    """The noun of "exemption/relief/reprieve from <the tariff>", if the tariff is its object."""
    for anc in _ancestors(tariff, 4):
        if anc.pos_ in {"VERB", "AUX"}:
            return None
        if anc.lower_ == "from" and anc.dep_ == "prep":
            head = anc.head
            if head.pos_ in {"VERB", "AUX"}:  # "seeking relief from the levy" (from on the verb)
                return next((c for c in head.children if c.dep_ == "dobj" and _is_relief(c)), None)
            return head if _is_relief(head) else None
    return None


def _is_relief(token: Token) -> bool:
    return _lemma(token) in _RELIEF_NOUNS or token.lower_ in _RELIEF_NOUNS


def _relief_holders(relief: Token) -> list[Token]:
    """Who is spared: the relief noun's possessor, or the subject of the verb that governs it."""
    holders = [c for c in relief.children if c.dep_ == "poss"]
    verb = _governing_verb(relief)
    if verb is not None and not any(c.dep_ == "auxpass" for c in verb.children):
        subject, _ = _subject(verb)
        if subject is not None:
            holders.append(subject)
    elif verb is not None:  # "Mexico was granted relief from ..."
        subject, _ = _subject(verb)
        if subject is not None:
            holders.append(subject)
    return holders


@dataclass
class _Roles:
    """Imposer and target candidates found in a clause, strongest first."""

    imposers: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    role_tokens: set[int] = field(default_factory=set)

    def add(self, role: str, mention: _CountryMention) -> None:
        """Record ``role`` ("imposer"/"target", ":weak" when read off a subject or object)."""
        kind, _, weak = role.partition(":")
        bucket = self.imposers if kind == "imposer" else self.targets
        if mention.iso in bucket:
            return
        if weak:
            bucket.append(mention.iso)
        else:  # strong cues ("American tariffs", "on British cars") go before weak ones
            strong = sum(1 for iso in bucket if iso not in self._weak)
            bucket.insert(strong, mention.iso)
        if weak:
            self._weak.add(mention.iso)
        self.role_tokens.update(range(mention.start, mention.end))

    _weak: set[str] = field(default_factory=set)


def _roles(
    ctx: _Context, tariff: Token, pspan: Span, lo: int, hi: int, sent_lo: int | None = None
) -> _Roles:
    """Imposer and target countries the clause [lo, hi) states for this tariff."""
    sent_lo = lo if sent_lo is None else sent_lo
    frame = _frame(ctx, tariff, pspan, lo, hi, sent_lo)
    roles = _Roles()
    speaker_mentions = []
    holders = _relief_holders(frame.relief) if frame.relief is not None else []
    for m in ctx.mentions_between(sent_lo, hi):
        if m.root >= hi or m.start < sent_lo:
            continue
        if any(_within(m, h) for h in holders):
            roles.add("target", m)  # "New Delhi is seeking an exemption from the 26% levy"
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
    partner = _deal_partner(ctx, frame, lo, hi)
    if partner is not None and partner.iso not in roles.imposers + roles.targets:
        if roles.targets and not roles.imposers:
            roles.add("imposer:weak", partner)  # "Japan secured 15% rates in a deal with the US"
        elif roles.imposers and not roles.targets:
            roles.add("target:weak", partner)
    if not roles.imposers:
        iso = _clause_pronoun_imposer(ctx, tariff)
        if iso is not None:
            roles.add("imposer", _CountryMention(tariff.i, tariff.i + 1, tariff.i, iso, True))
    if not roles.imposers and speaker_mentions and frame.verb is not None:
        if _verb_in(frame.verb, tables().impose_verbs) and not frame.passive:
            roles.add("imposer", speaker_mentions[0])  # "Trump said he would hit Canada ..."
    return roles


_DEAL_NOUNS = frozenset({"deal", "agreement", "pact", "accord", "talks", "negotiations", "truce"})


def _deal_partner(ctx: _Context, frame: _Frame, lo: int, hi: int) -> _CountryMention | None:
    """The country of "in a deal with X" on the tariff's verb: the other side of the tariff."""
    verb = frame.verb
    if verb is None:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "under", "through", "via"}:
            continue
        for noun in prep.children:
            if _lemma(noun) not in _DEAL_NOUNS and noun.lower_ not in _DEAL_NOUNS:
                continue
            for with_ in noun.children:
                if with_.lower_ != "with":
                    continue
                for i in range(max(lo, with_.i + 1), min(hi, with_.right_edge.i + 1)):
                    m = ctx.by_token.get(i)
                    if m is not None and not m.is_person:
                        return m
    return None


def _within(m: _CountryMention, token: Token) -> bool:
    return token.left_edge.i <= m.root <= token.right_edge.i


def _on_window(doc: Doc, tariff: Token, hi: int) -> set[int]:
    """Tokens of an "on ..." phrase right after the tariff word, when the parse attached it away."""
    i = tariff.i + 1
    if i >= hi or doc[i].lower_ not in {"on", "against", "upon"}:
        return set()
    out: set[int] = set()
    for j in range(i + 1, min(hi, i + 14)):
        tok = doc[j]
        if tok.text in _CLAUSE_PUNCT or (tok.pos_ in {"VERB", "AUX"} and tok.dep_ != "amod"):
            break
        if tok.like_num or tok.lower_ in _candidate_words():
            break  # "on auto parts and the 50% duty on steel": the next tariff's scope
        if tok.text == "," and j + 1 < hi and doc[j + 1].pos_ in _LIST_BREAK_POS:
            break  # "on rice, a figure Tokyo disputes": the list of goods has ended
        out.add(j)
    return out


def _mention_role(h: Token, m: _CountryMention, f: _Frame) -> str | None:
    """'imposer', 'target' or None for one country mention relative to the tariff word."""
    t = tables()
    head = h.head
    tariff, verb = f.tariff, f.verb
    # "exports to the United States": the destination imposes; "imports from X": X is hit.
    if h.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ in t.export_nouns:
        return "imposer"
    if h.dep_ == "pobj" and head.lower_ == "from" and head.head.lower_ in t.import_nouns:
        return "target"
    if m.root in f.on_scope:
        return "target"
    # "China's tariffs", "US duties", "Trump's 'reciprocal' tariff regime"
    if f.np_start <= m.root < tariff.i or (
        h.dep_ in {"poss", "compound", "amod", "nmod"}
        and (head == tariff or (tariff.dep_ == "compound" and head == tariff.head))
    ):
        return "imposer"
    if f.critic is not None and head == f.critic and h.dep_ in {"dobj", "pobj"}:
        return "imposer"
    clauses_on_tariff = [c for c in tariff.children if c.dep_ in {"acl", "relcl"}]
    for clause_verb in clauses_on_tariff:
        if _verb_in(clause_verb, t.impose_verbs) and any(
            c.dep_ == "nsubj" and _within(m, c) for c in clause_verb.children
        ):
            return "imposer"  # "the 10 per cent levy that the US applies"
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
    if agent is not None and (f.passive or agent.head in clauses_on_tariff) and _within(m, agent):
        return "imposer"  # "hit with a 46 per cent duty by the Trump administration"
    if verb is None:
        return None
    if (
        h.dep_ == "pobj"
        and head.lower_ == "in"
        and (head.head == tariff or (head.head == verb and _verb_in(verb, t.target_subject_verbs)))
    ):
        return "imposer"  # "face a 25% levy in the United States"
    subject_role = _subject_role(h, m, f)
    if subject_role:
        return subject_role + ":weak"
    if h.dep_ == "dobj" and head == verb and _verb_in(verb, t.hit_object_verbs):
        return "target:weak"
    if f.tariff_is_subject and h.dep_ == "dobj" and head == verb:
        return "target:weak"  # "25% tariffs hit Canadian steel"
    return None


def _children(tokens: list[Token]) -> list[Token]:
    return [c for tok in tokens for c in tok.children]


def _subject_role(h: Token, m: _CountryMention, f: _Frame) -> str | None:
    """Role of a mention in the subject: the governing verb decides (face -> target ...)."""
    t = tables()
    subject, verb = f.subject, f.verb
    if subject is None or verb is None or f.tariff_is_subject:
        return None
    verbs = (verb, f.subject_verb)
    if _within(m, subject) and _verb_in(verb, t.target_subject_verbs):
        return "target"  # "Key Japanese exports ... face duties of up to 25%"
    direct = h == subject or (h.head == subject and h.dep_ in {"poss", "compound", "amod", "nmod"})
    if not direct:
        return None
    if f.passive:
        return "target" if any(_verb_in(v, t.target_passive_verbs) for v in verbs) else None
    if any(_verb_in(v, t.impose_verbs) for v in verbs) and f.critic is None:
        return "imposer"
    return None


# --------------------------------------------------------------------------- cues


def _phrases_in(doc: Doc, lo: int, hi: int, table: dict[tuple[str, ...], str]) -> Iterator[str]:
    """Kinds of the table phrases found in tokens [lo, hi) (longest match at each position)."""
    t = tables()
    limit = t.max_phrase
    words = _lowers(doc)[lo:hi]
    i = 0
    while i < len(words):
        if words[i] not in t.first_words:
            i += 1
            continue
        for n in range(min(limit, len(words) - i), 0, -1):
            kind = table.get(tuple(words[i : i + n]))
            if kind is not None:
                yield kind
                i += n
                break
        else:
            i += 1


def _status_in(doc: Doc, lo: int, hi: int) -> str | None:
    found = set(_phrases_in(doc, lo, hi, tables().status_cues))
    return next((s for s in tables().status_priority if s in found), None)


def _status(doc: Doc, clauses: list[tuple[int, int]], k: int) -> tuple[str, bool]:
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


def _qualifier(doc: Doc, pspan: Span, tariff: Token, approximate: bool) -> str:
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
    if any(_lemma(c) == "average" or c.lower_ == "average" for c in tariff.children):
        return "average"
    return "approximately" if approximate else "exact"


def _measure(
    doc: Doc,
    pspan: Span,
    tariff: Token,
    clause: tuple[int, int],
    qualifier: str,
    products: tuple[str, ...],
    has_target: bool,
) -> str:
    t = tables()
    lo, hi = clause
    clause_kinds = set(_phrases_in(doc, lo, hi, t.measure_cues))
    a = max(lo, min(pspan.start, tariff.i) - 4)
    b = min(hi, max(pspan.end, tariff.i + 1) + 4)
    near = set(_phrases_in(doc, a, b, t.measure_cues))
    sub_lo = max(lo, tariff.left_edge.i)
    sub_hi = min(hi, tariff.right_edge.i + 1, sub_lo + 30)
    near |= set(_phrases_in(doc, sub_lo, sub_hi, t.measure_cues))
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


def _products(
    ctx: _Context, tariff: Token, pspan: Span, verb: Token | None, lo: int, hi: int
) -> tuple[str, ...]:
    """Product categories in the tariff phrase's scope (sorted; empty = all goods)."""
    t = tables()
    doc = ctx.doc
    ranges: list[tuple[int, int]] = [(max(lo, tariff.left_edge.i), tariff.i)]
    preps = _scope_preps(tariff, pspan, verb)
    if verb is not None and tariff.dep_ == "dobj":  # "secured 15% rates for their cars"
        preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"]
    for prep in preps:
        scope = _prep_scope(doc, prep, lo, hi)
        ranges.append((scope.start, scope.stop))
    if verb is not None:
        subject, _ = _subject(verb)
        if (
            subject is not None
            and _verb_in(verb, t.target_subject_verbs)
            and tariff.dep_ not in {"nsubj", "nsubjpass"}
        ):
            ranges.append((subject.left_edge.i, subject.right_edge.i + 1))
    window = sorted(_on_window(doc, tariff, hi))
    if window:
        ranges.append((window[0], window[-1] + 1))
    found: set[str] = set()
    for a, b in ranges:
        a, b = max(a, lo), min(b, hi, a + 40)
        if a < b:
            found.update(_phrases_in(doc, a, b, t.products))
    return tuple(sorted(found))


# --------------------------------------------------------------------------- dominance


def imposer_ranking(ctx: _Context, rated: frozenset[int] = frozenset()) -> list[str]:
    """Countries whose tariffs the doc discusses, most explicit cases first (ties: earliest).

    A tariff word that states a rate (index in ``rated``) counts twice: the article's numbers
    say more about whose tariffs it is about than passing mentions ("Vietnam charges no tariffs").
    """
    return _dominance(ctx, rated)[0]


def _dominance(ctx: _Context, rated: frozenset[int]) -> tuple[list[str], dict[str, str]]:
    """The imposer ranking, and for each imposer its one most frequent explicit target.

    The partner fills the target of that imposer's product tariffs stated without one ("India
    will cut its tariff on whisky to 75%" in an article about India's tariffs on British goods).
    """
    counts: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    first: dict[str, int] = {}
    doc = ctx.doc
    for n, i in enumerate(sorted(ctx.tariff)):
        if n >= MAX_DOMINANCE_WORDS:
            break
        if in_clutter(doc, doc[i].idx, doc[i].idx + len(doc[i])):
            continue  # "Toyota sees profit squeezed by U.S. tariffs" in a headline list
        sent = _sentence(ctx, doc[i : i + 1])
        lo, hi = max(sent.start, i - WINDOW), min(sent.end, i + WINDOW)
        roles = _roles(ctx, doc[i], doc[i : i + 1], lo, hi)
        weight = 2 if i in rated else 1
        for iso in roles.imposers[:1]:
            counts[iso] += weight
            first.setdefault(iso, i)
            for target in roles.targets[:1]:
                if target != iso:
                    pairs[(iso, target)] += weight
    ranking = sorted(counts, key=lambda iso: (-counts[iso], first[iso]))
    partners: dict[str, str] = {}
    for imposer in ranking:
        options = sorted(((c, t) for (i, t), c in pairs.items() if i == imposer), reverse=True)
        if options and (len(options) == 1 or options[0][0] > options[1][0]):
            partners[imposer] = options[0][1]
    return ranking, partners


# --------------------------------------------------------------------------- facts


@dataclass
class _Found:
    """A tariff fact before consolidation, with whether its status came from a cue."""

    fact: TariffRate
    status_from_cue: bool


def _fact_for(
    ctx: _Context, pct: _Percent, ranking: list[str], partners: dict[str, str]
) -> list[_Found]:
    doc = ctx.doc
    pspan = doc.char_span(pct.start, pct.end, alignment_mode="expand")
    if pspan is None or len(pspan) == 0:
        return []
    sent = _sentence(ctx, pspan)
    lo = max(sent.start, pspan.start - WINDOW)
    hi = min(sent.end, pspan.end + WINDOW)
    clauses = _clause_bounds(sent, lo, hi)
    k = next((n for n, (a, b) in enumerate(clauses) if a <= pspan.root.i < b), 0)
    clo, chi = clauses[k]
    tariff = _link(ctx, pspan, lo, hi)
    compared: _CountryMention | None = None
    if tariff is None:
        tariff, compared = _comparison_link(ctx, pspan, lo)
        if tariff is None or compared is None:
            return []
    if not clo <= tariff.i < chi:
        clo, chi = min(clo, tariff.i), max(chi, tariff.i + 1)
    roles = _roles(ctx, tariff, pspan, clo, chi, lo)
    if compared is not None:
        first_roles = _roles(ctx, tariff, doc[tariff.i : tariff.i + 1], lo, pspan.start, lo)
        roles = _compared_roles(first_roles, compared, ranking)
    first = _first_conjunct(ctx, tariff)
    if not (roles.imposers or roles.targets) and first is not None:
        # "a 15% tariff added to US corn, and a 10% tariff to soybeans": the same sides
        roles = _roles(ctx, first, ctx.doc[first.i : first.i + 1], min(clo, first.i), chi, lo)
    verb = _governing_verb(tariff)
    products = _products(ctx, tariff, pspan, verb, clo, chi)
    qualifier = _qualifier(doc, pspan, tariff, pct.approximate)
    if roles.imposers:
        imposer: str | None = roles.imposers[0]
    else:  # an imposer named earlier in the sentence, else the article's dominant one
        imposer = _earlier_imposer(ctx, tariff, lo, roles.targets)
        if imposer is None:
            imposer = next((iso for iso in ranking if iso not in roles.targets), None)
        if imposer is None and roles.targets:
            imposer = _default_imposer(ctx, roles.targets)
    targets: list[str | None] = [iso for iso in roles.targets if iso != imposer]
    measure = _measure(doc, pspan, tariff, (clo, chi), qualifier, products, bool(targets))
    if not targets and imposer is not None and measure not in {"baseline", "average"}:
        others = sorted(
            {
                m.iso
                for m in ctx.mentions_between(sent.start, sent.end)
                if sent.start <= m.root < sent.end
                and not m.is_person
                and m.iso != imposer
                and m.start not in roles.role_tokens
            }
        )
        if len(others) == 1:
            targets = [*others]
    if not targets and products and imposer in partners and measure == "sectoral":
        targets = [partners[imposer]]  # the article's trading partner of this imposer
    if measure == "reciprocal" and not targets:
        measure = "baseline" if _has_word(doc, pspan, tariff, "board") else measure
    status, cued = _status(doc, clauses, k)
    if status in {"proposed", "announced"} and _relief_noun(tariff) is not None:
        status = "in_effect"  # "seeking relief from the 25% tariff": the seeking is not the levy's
    ev = _evidence_span(ctx, sent, (clauses[k][0], clauses[k][1]), pspan, tariff)
    out = []
    for target in [*targets] or [None]:
        fact = TariffRate(
            rate_percent=pct.value,
            imposer=imposer,
            target=target,
            products=products,
            measure=measure,  # type: ignore[arg-type]
            status=status,  # type: ignore[arg-type]
            qualifier=qualifier,  # type: ignore[arg-type]
            evidence=(ev,),
        )
        out.append(_Found(fact, cued))
    return out


_COMPARE_PREPS = {"above", "below", "than", "versus", "vs", "vs.", "over", "under"}


def _comparison_link(
    ctx: _Context, pspan: Span, lo: int
) -> tuple[Token | None, _CountryMention | None]:
    """For "..., compared with 3.3% for the US" / "far above the 15% agreed by the EU": the
    tariff word stated earlier in the sentence, and the country the compared rate belongs to."""
    root = pspan.root
    prep = root.head
    if root.dep_ != "pobj" or not (
        prep.lower_ in _COMPARE_PREPS
        or (prep.lower_ in {"with", "to"} and _lemma(prep.head) == "compare")
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


def _compared_roles(roles: _Roles, compared: _CountryMention, ranking: list[str]) -> _Roles:
    """The compared rate keeps the first rate's imposer and swaps its target, or, when the
    first rate has no target (an average), belongs to the compared country."""
    out = _Roles()
    if roles.targets:
        imposer = next((iso for iso in [*roles.imposers, *ranking] if iso != compared.iso), None)
        if imposer is not None:
            out.imposers.append(imposer)
        out.targets.append(compared.iso)
    else:
        out.imposers.append(compared.iso)
    out.role_tokens.update(range(compared.start, compared.end))
    return out


def _first_conjunct(ctx: _Context, tariff: Token) -> Token | None:
    """The tariff word an elliptical conjunct follows ("..., and a 10% tariff to soybeans")."""
    if tariff.dep_ != "conj":
        return None
    head = tariff.head
    if head.i in ctx.tariff:
        return head
    if head.pos_ in {"VERB", "AUX"}:
        return next(
            (c for c in head.children if c.i in ctx.tariff and c.dep_ in _TARIFF_ARG_DEPS), None
        )
    return None


def _clause_pronoun_imposer(ctx: _Context, tariff: Token) -> str | None:
    """Country of the person a pronoun subject stands for in "the rate he had threatened"."""
    t = tables()
    for clause_verb in tariff.children:
        if clause_verb.dep_ not in {"relcl", "acl"} or not _verb_in(clause_verb, t.impose_verbs):
            continue
        for subject in clause_verb.children:
            if subject.dep_ != "nsubj" or subject.lower_ not in {"he", "she"}:
                continue
            person = resolve_person(ctx.doc, subject.idx, subject.idx + len(subject))
            info = (ctx.doc._.entities or {}).get(person) if person else None
            if info is not None and info.country:
                return str(info.country)
    return None


def _earlier_imposer(ctx: _Context, tariff: Token, lo: int, targets: list[str]) -> str | None:
    """The explicit imposer of the nearest earlier tariff word in the same sentence."""
    doc = ctx.doc
    for i in range(tariff.i - 1, lo - 1, -1):
        if i in ctx.tariff:
            found = _roles(ctx, doc[i], doc[i : i + 1], lo, tariff.i, lo).imposers
            found = [iso for iso in found if iso not in targets]
            if found:
                return found[0]
    return None


def _default_imposer(ctx: _Context, targets: list[str]) -> str | None:
    """The data file's default imposer (the US, in today's news) when the doc names it."""
    default = tables().default_imposer
    if default is None or default in targets:
        return None
    return default if any(m.iso == default for m in ctx.mentions) else None


def _has_word(doc: Doc, pspan: Span, tariff: Token, word: str) -> bool:
    a, b = min(pspan.start, tariff.i) - 4, max(pspan.end, tariff.i + 1) + 4
    return any(doc[i].lower_ == word for i in range(max(0, a), min(len(doc), b)))


def _evidence_span(
    ctx: _Context, sent: Span, clause: tuple[int, int], pspan: Span, tariff: Token
) -> Evidence:
    """Evidence: the sentence, else the clause, else the rate-to-tariff-word stretch."""
    doc = ctx.doc
    last = doc[clause[1] - 1]
    candidates = [
        (sent.start_char, sent.end_char),
        (doc[clause[0]].idx, last.idx + len(last)),
        (min(pspan.start_char, tariff.idx), max(pspan.end_char, tariff.idx + len(tariff))),
    ]
    for a, b in candidates:
        text = ctx.text[a:b]
        a += len(text) - len(text.lstrip())
        b -= len(text) - len(text.rstrip())
        if a < b and b - a <= MAX_EVIDENCE_CHARS and not in_clutter(doc, a, b):
            return evidence(ctx.doc, a, b)
    return evidence(ctx.doc, *candidates[-1])


def _resolve_back_references(found: list[_Found]) -> list[_Found]:
    """A vague "the duties of 25 percent" joins the one fuller fact at that rate, if any."""
    fuller: dict[tuple[float, str | None], set[tuple[str | None, tuple[str, ...]]]] = {}
    for f in found:
        if f.fact.target is not None:
            key = (f.fact.rate_percent, f.fact.imposer)
            fuller.setdefault(key, set()).add((f.fact.target, f.fact.products))
    out = []
    for f in found:
        fact = f.fact
        options = fuller.get((fact.rate_percent, fact.imposer), set())
        vague = fact.target is None and not fact.products
        if vague and fact.measure not in {"baseline", "average"} and len(options) == 1:
            target, products = next(iter(options))
            fact = fact.model_copy(update={"target": target, "products": products})
        out.append(_Found(fact, f.status_from_cue))
    return out


def _consolidate(found: list[_Found]) -> list[TariffRate]:
    """One fact per rate+imposer+target+products: cue statuses beat defaults; evidence joined."""
    t = tables()
    groups: dict[tuple[Any, ...], list[_Found]] = {}
    for f in _resolve_back_references(found):
        key = (f.fact.rate_percent, f.fact.imposer, f.fact.target, f.fact.products)
        groups.setdefault(key, []).append(f)
    out = []
    for items in groups.values():
        cued = [f.fact.status for f in items if f.status_from_cue]
        status = next((s for s in t.status_priority if s in cued), items[0].fact.status)
        measures = [f.fact.measure for f in items if f.fact.measure != "other"]
        qualifiers = [f.fact.qualifier for f in items if f.fact.qualifier != "exact"]
        evidences = sorted(
            {e for f in items for e in f.fact.evidence}, key=lambda e: (e.start, e.end)
        )
        out.append(
            items[0].fact.model_copy(
                update={
                    "status": status,
                    "measure": measures[0] if measures else "other",
                    "qualifier": qualifiers[0] if qualifiers else "exact",
                    "evidence": tuple(evidences),
                }
            )
        )
    return out


def _rated_tariff_words(ctx: _Context, percents: list[_Percent]) -> frozenset[int]:
    """Indices of the tariff words some percent is the rate of."""
    doc = ctx.doc
    out: set[int] = set()
    for pct in percents:
        pspan = doc.char_span(pct.start, pct.end, alignment_mode="expand")
        if pspan is None or len(pspan) == 0:
            continue
        sent = _sentence(ctx, pspan)
        lo, hi = max(sent.start, pspan.start - WINDOW), min(sent.end, pspan.end + WINDOW)
        tariff = _link(ctx, pspan, lo, hi)
        if tariff is not None:
            out.add(tariff.i)
    return frozenset(out)


def find_tariffs(doc: Doc) -> list[TariffRate]:
    """The numeric tariffs stated in ``doc`` (needs quantities, and mentions for countries)."""
    percents = [p for p in _percents(doc) if not in_clutter(doc, p.start, p.end)][:MAX_PERCENTS]
    if not percents or len(doc) == 0:
        return []
    ctx = _Context(doc, _tariff_tokens(doc), _country_mentions(doc))
    if not ctx.tariff:
        return []
    ctx.rated = _rated_tariff_words(ctx, percents)
    ranking, partners = _dominance(ctx, ctx.rated)
    found: list[_Found] = []
    for pct in percents:
        found.extend(_fact_for(ctx, pct, ranking, partners))
    return _consolidate(found)


@Language.component("tf_tariffs")
def tariffs(doc: Doc) -> Doc:
    """Store the doc's numeric tariffs on ``doc._.tariffs``."""
    register_extensions()
    try:
        doc._.tariffs = find_tariffs(doc)
    except (ValueError, IndexError) as err:  # never let odd text crash extraction
        doc._.tariffs = []
        doc.user_data.setdefault("tradefacts_warnings", []).append(f"tf_tariffs: {err}")
    return doc
