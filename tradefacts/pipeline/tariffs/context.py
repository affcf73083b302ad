"""What one doc offers every percent: tariff words, country mentions, sentences and clauses."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...models import country_codes
from ..document import EntityInfo, Mention, doc_text
from .tokens import lowers, verb_in
from .vocabulary import tables

#: How far (tokens) around a percent the component looks; bounds work on hostile input.
WINDOW = 40


@dataclass
class CountryMention:
    """A mention that stands for a country: a country name, demonym, capital or a person."""

    start: int  # token index
    end: int  # token index, exclusive
    root: int
    iso: str
    is_person: bool


def country_mentions(doc: Doc) -> list[CountryMention]:
    """The doc's mentions that carry a country, as token ranges (sorted)."""
    infos: dict[str, EntityInfo] = doc._.entities or {}
    codes = country_codes()
    out: list[CountryMention] = []
    for m in doc._.mentions or []:
        iso, is_person = _mention_country(m, infos)
        if iso is None or iso not in codes:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0 or _prefixed(doc, span.start):
            continue
        out.append(CountryMention(span.start, span.end, span.root.i, iso, is_person))
    out.sort(key=lambda c: (c.start, c.end))
    out.extend(_anaphoric_mentions(doc, out))
    out.extend(_union_goods(doc, codes))
    out.sort(key=lambda c: (c.start, c.end))
    return out


#: Nouns that, after "the" (and adjectives), stand for a country named before: "the country",
#: "the South Asian nation", "the Asian economy", "the bloc".
_COUNTRY_NOUNS = frozenset({"country", "nation", "economy", "bloc", "kingdom", "republic"})
#: How far back (tokens) a stand-in noun looks for the country it stands for.
_ANAPHOR_REACH = 80


#: Prefixes that make a country's name an attitude, not a party: "anti-American", "pro-EU".
_ATTITUDE_PREFIXES = frozenset({"anti", "pro", "non"})


def _prefixed(doc: Doc, start: int) -> bool:
    """True for a mention hyphenated to an attitude prefix ("their Anti-American tariff")."""
    return (
        start >= 2
        and doc[start - 1].text in {"-", "\u2011"}
        and doc[start - 2].lower_ in _ATTITUDE_PREFIXES
    )


def _anaphoric_mentions(doc: Doc, named: list[CountryMention]) -> list[CountryMention]:
    """Mentions for "the country"/"the nation" (the nearest country named before) and for a
    possessive "its"/"their" whose clause subject is a country ("Kenya ... its coffee")."""
    if not named or not doc.has_annotation("DEP"):
        return []
    places = [m for m in named if not m.is_person]
    by_root = {m.root: m for m in places}
    impose = tables().impose_verbs
    starts = [m.start for m in places]
    out: list[CountryMention] = []
    for tok in doc:
        if tok.lower_ in _COUNTRY_NOUNS and tok.pos_ == "NOUN" and tok.tag_ == "NN":
            det = next((c for c in tok.children if c.dep_ == "det"), None)
            if det is None or det.lower_ != "the" or any(c.dep_ == "prep" for c in tok.children):
                continue  # "the country's" is fine; "the country of origin" is not a stand-in
            k = bisect.bisect_left(starts, det.i) - 1
            bloc = tok.lower_ == "bloc"  # "the bloc" is a union of countries, "the country" not
            while k >= 0 and (places[k].iso in tables().bloc_codes) != bloc:
                k -= 1
            if k >= 0 and places[k].end <= det.i and det.i - places[k].end <= _ANAPHOR_REACH:
                out.append(CountryMention(det.i, tok.i + 1, tok.i, places[k].iso, False))
        elif tok.lower_ == "it" and tok.dep_ == "nsubj" and verb_in(tok.head, impose):
            antecedent = _previous_subject_country(doc, tok, named)  # "India ... Then it"
            if antecedent is not None:
                out.append(CountryMention(tok.i, tok.i + 1, tok.i, antecedent.iso, False))
        elif tok.lower_ in {"its", "their"} and tok.dep_ == "poss":
            subject = _clause_subject(tok)
            m = by_root.get(subject.i) if subject is not None else None
            if m is not None and m.root < tok.i:
                out.append(CountryMention(tok.i, tok.i + 1, tok.i, m.iso, False))
    return out


def _previous_subject_country(
    doc: Doc, pronoun: Token, named: list[CountryMention]
) -> CountryMention | None:
    """The country an "it" that imposes stands for: the one country that is the subject of the
    sentence before, when its own sentence names no country or person before it ("India has
    also levied tariffs of its own. Last month, it imposed 12% tariffs ...")."""
    sent = pronoun.sent
    if sent.start == 0 or any(sent.start <= m.start < pronoun.i for m in named):
        return None
    places = [m for m in named if not m.is_person]
    before = doc[sent.start - 1].sent
    subjects = {
        m.iso: m
        for m in places
        if before.start <= m.start < before.end
        and doc[m.root].dep_ in {"nsubj", "nsubjpass"}
        and doc[m.root].head.pos_ in {"VERB", "AUX"}
    }
    return next(iter(subjects.values())) if len(subjects) == 1 else None


def _union_goods(doc: Doc, codes: frozenset[str] | set[str]) -> list[CountryMention]:
    """ "European steel", "European products": a continent's adjective on goods names the
    union's goods (the entity stage leaves "European" out: it names a continent as often)."""
    t = tables()
    out = []
    for tok in doc:
        iso = t.union_adjectives.get(tok.text)
        if iso is None or iso not in codes or tok.dep_ not in {"amod", "compound"}:
            continue
        head = tok.head
        if (
            head.lower_ in t.import_nouns
            or head.lower_ in t.export_nouns
            or (head.lower_,) in t.products
        ):
            out.append(CountryMention(tok.i, tok.i + 1, tok.i, iso, False))
    return out


def _clause_subject(token: Token) -> Token | None:
    """The subject of the nearest verb above ``token`` that has one (at most 8 steps up)."""
    cur = token
    for _ in range(8):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        subject = next((c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and cur.pos_ in {"VERB", "AUX"}:
            return subject
    return None


def _mention_country(m: Mention, infos: dict[str, EntityInfo]) -> tuple[str | None, bool]:
    """The country a mention stands for, and whether it is a person's."""
    info = infos.get(m.entity_id)
    if m.entity_id.startswith("country:"):
        return m.entity_id.split(":", 1)[1], False
    if info is None:
        return None, False
    if info.type == "country":
        return info.id.split(":", 1)[1] if info.id.startswith("country:") else info.country, False
    return info.country, info.type == "person"


@dataclass(frozen=True)
class Percent:
    """A percent quantity located in this doc."""

    value: float
    start: int  # local char offsets
    end: int
    approximate: bool


def percents_in(doc: Doc) -> list[Percent]:
    """Percent quantities whose evidence falls inside this doc (local offsets)."""
    base = doc._.base_offset or 0
    size = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    seen: set[tuple[int, int]] = set()
    out: list[Percent] = []
    for q in doc._.quantities or []:
        if q.kind != "percent" or q.unit != "percent":
            continue  # "percentage points" are changes of a rate, not rates
        for ev in q.evidence:
            start, end = ev.start - base, ev.end - base
            if ev.doc_id != doc._.doc_id or start < 0 or end > size or (start, end) in seen:
                continue
            seen.add((start, end))
            out.append(Percent(float(q.value), start, end, bool(q.approximate)))
    out.sort(key=lambda p: (p.start, p.end))
    return out


@dataclass
class Context:
    """What one doc offers every percent: tariff words, country mentions, sentence bounds."""

    doc: Doc
    tariff: set[int]
    mentions: list[CountryMention]
    by_token: dict[int, CountryMention] = field(default_factory=dict)
    text: str = ""
    mention_starts: list[int] = field(default_factory=list)
    sent_start: list[int] = field(default_factory=list)
    sent_end: list[int] = field(default_factory=list)
    rated: frozenset[int] = frozenset()  # tariff words that some percent is the rate of
    percents: list[Percent] = field(default_factory=list)  # the doc's rates, in text order

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

    def mentions_between(self, lo: int, hi: int) -> list[CountryMention]:
        """Mentions starting in tokens [lo - 8, hi) (a long name may start before ``lo``)."""
        a = bisect.bisect_left(self.mention_starts, lo - 8)
        b = bisect.bisect_left(self.mention_starts, hi)
        return self.mentions[a:b]


def sentence_span(ctx: Context, span: Span) -> Span:
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


def clause_bounds(sent: Span, lo: int, hi: int) -> list[tuple[int, int]]:
    """The sentence (limited to token range [lo, hi)) cut into clauses at ';', ', though' ..."""
    t = tables()
    doc = sent.doc
    start = max(sent.start, lo)
    stop = min(sent.end, hi)
    cuts = [start]
    words = lowers(doc)
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
