"""Event candidates: one reading of an event per clause that holds triggers (before clustering)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date as Date

from spacy.tokens import Doc, Token

from ..document import DateMention, in_clutter
from .clause import (
    clause_head,
    clause_tokens,
    participant_tokens,
    participle_tokens,
    path_to,
    same_line,
    subjects,
    under_framing_prep,
)
from .context import ArticleContext, build_context
from .participants import (
    SPEAKER_TYPES,
    borrowed_subject,
    collect_participants,
    governing_subjects,
    is_round,
    speaker_tokens,
    subject_ids,
)
from .places import find_location
from .tables import TYPE_PRIORITY, event_data, family
from .timing import (
    attach_date,
    is_planned,
    named_date,
    names_a_day,
    names_a_weekday_only,
    past_tense,
    same_time_adjuncts,
    start_day,
)
from .triggers import Trigger


@dataclass
class Candidate:
    """One reading of an event from one clause, before within-article clustering."""

    type: str
    start: int  # local character span of the clause (the evidence)
    end: int
    participants: list[str]
    date: Date | None
    date_text: str | None
    status: str
    location: str | None
    clutter: bool
    weak: bool = False
    tentative: bool = False  # "occurred" only by default: no date, no past tense
    background: bool = False  # an undated past happening the article may still report
    yearly: bool = False  # timed only by a year ("in 2024", "last year"): history, not news
    persons: set[str] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)  # countries, also those of the persons
    distinct: bool = False  # "a separate meeting", "another call": not one told before


def candidates(
    doc: Doc, triggers: list[Trigger], sentence_of: list[tuple[int, int]] | None = None
) -> list[Candidate]:
    """One candidate per clause that holds triggers and names at least one participant."""
    data = event_data()
    ctx = build_context(doc, sentence_of)
    trigger_tokens = {i for t in triggers for i in range(t.start, t.end)} | {
        t.token.i for t in triggers
    }
    by_token = {t.token.i: t for t in triggers}
    grouped: dict[tuple[int, str], list[Trigger]] = {}
    isolated: list[Trigger] = []
    for trig in triggers:
        if trig.token.pos_ in ("NOUN", "PROPN") and under_framing_prep(trig.token, data):
            isolated.append(trig)
            continue
        grouped.setdefault(_group_key(trig, by_token), []).append(trig)
    out: list[Candidate] = []
    for (head_i, _), group in grouped.items():
        cand = _candidate(ctx, doc[head_i], group, trigger_tokens)
        if cand is not None:
            out.append(cand)
    for trig in isolated:
        cand = _isolated_candidate(ctx, trig, trigger_tokens)
        if cand is not None:
            out.append(cand)
    return out


def _group_key(trig: Trigger, by_token: dict[int, Trigger]) -> tuple[int, str]:
    """(clause head, type family) of a trigger; a purpose infinitive of another trigger
    ("will travel to Edinburgh to meet producers") joins that trigger's event."""
    head = clause_head(trig.token)
    governor = by_token.get(head.head.i)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    is_purpose = head.dep_ in ("advcl", "xcomp") and infinitive
    if not is_purpose and _purpose_phrase(head, infinitive):
        governor = _trigger_above(head, by_token)  # "a trip aimed at striking a deal"
        is_purpose = True
    if is_purpose and governor is not None and governor is not trig:
        return clause_head(governor.token).i, family(governor.type)
    return head.i, family(trig.type)


def _purpose_phrase(head: Token, infinitive: bool) -> bool:
    """True for a purpose phrase: a gerund after "at"/"to" ("aimed at striking", "with a view to
    concluding") or an infinitive of a noun ("in a bid to strike")."""
    gerund = head.dep_ == "pcomp" and head.tag_ == "VBG" and head.head.lower_ in ("at", "to")
    return gerund or (infinitive and head.dep_ == "acl" and head.head.pos_ == "NOUN")


def _trigger_above(head: Token, by_token: dict[int, Trigger]) -> Trigger | None:
    """The first trigger among the (at most four) tokens above ``head``."""
    cur = head
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        found = by_token.get(cur.i)
        if found is not None:
            return found
    return None


def _candidate(
    ctx: ArticleContext, head: Token, group: list[Trigger], trigger_tokens: set[int]
) -> Candidate | None:
    """The candidate of the triggers of one clause (one type family), or None."""
    main = min(group, key=lambda t: (TYPE_PRIORITY.index(t.type), t.start))
    data = event_data()
    keep: set[int] = set()
    for trig in group:
        keep |= path_to(head, trig.token)
    tokens = same_line(clause_tokens(head, keep | _reported(group)), main.token, ctx.newlines)
    inside = {t.i for t in tokens}
    location, place_tokens = find_location(ctx.places, tokens)
    inclusive = main.type in data.inclusive_types
    if inclusive:  # a measure taking effect: its imposer and its target ("tariffs on X")
        allowed = inside - place_tokens
    else:
        allowed = participant_tokens(tokens, keep, trigger_tokens) - place_tokens
    if main.type in SPEAKER_TYPES and main.token.pos_ == "VERB":
        allowed = speaker_tokens(main.token, allowed)
    participants, _ = collect_participants(
        ctx, tokens, allowed, trigger_tokens, head, inclusive=inclusive
    )
    reported = {t.i for i in _reported(group) for t in ctx.doc[i].subtree} & allowed
    for token in sorted(reported):  # "ruled that Canada's duties were illegal": Canada
        for entity_id, etype in ctx.mention_tokens.get(token, []):
            if etype in ("person", "country") and entity_id not in participants:
                participants.append(entity_id)
    lent = borrowed_subject(ctx, head)
    if inclusive and not participants and not lent:
        lent = governing_subjects(ctx, head)  # "the ministry said the duty starts Monday"
    for entity_id in lent:
        if entity_id not in participants:
            participants.append(entity_id)
    planned = is_planned(ctx, main.token, head, keep, None)
    own = {i for t in group for i in range(t.start, t.end)}
    dated_inside = inside | participle_tokens(tokens, inside) | same_time_adjuncts(head, set())
    when = attach_date(ctx, main.token, head, dated_inside, planned, trigger_tokens - own)
    if not planned:
        planned = is_planned(ctx, main.token, head, keep, when)
    if not participants and is_round(main) and (planned or when is not None):
        # "the next round of negotiations will take place by the end of the month": the
        # article's own negotiation, between its two main countries
        participants = list(ctx.main_countries) if len(ctx.main_countries) == 2 else []
    if not participants:
        return None
    cand = _make_candidate(ctx, main, tokens, participants, when, planned, location, group)
    if inclusive and when is not None:
        _schedule_start(ctx, cand, when)
    if when is not None and planned and main.type == "announcement":
        _own_time_of_subject_noun(ctx, cand, main.token, head, when)
    if when is not None and not _date_is_own(ctx, when, dated_inside, main.token):
        # a weak trigger ("imposed", "said") needs a date of its own clause: one lent by a
        # governing clause times that clause ("to discuss the tariffs he imposed, on Monday"),
        # unless the trigger's clause is that clause's time ("surged on Wednesday as X
        # announced ...")
        if not _timed_by_main_clause(ctx, head, when):
            cand.weak = cand.weak or all(t.weak for t in group)
    return cand


def _schedule_start(ctx: ArticleContext, cand: Candidate, when: DateMention) -> None:
    """A measure's start day without a year is the nearest one ("effective 6 August"); after
    the reference date it is planned."""
    day = start_day(when, ctx.doc._.reference_date)
    if day is None or day == cand.date:
        return
    cand.date = day
    if day > ctx.doc._.reference_date:
        cand.status, cand.tentative, cand.background = "planned", False, False


def _own_time_of_subject_noun(
    ctx: ArticleContext, cand: Candidate, noun: Token, head: Token, when: DateMention
) -> None:
    """An act noun that is the subject of a future clause keeps its own time: "Trump's
    decision on Monday will simplify the tariffs" (the decision is done; "Monday" is the past
    one, read as the next by the future verb). Not a meeting: "Friday's meeting will decide"."""
    reference = ctx.doc._.reference_date
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("nsubj", "nsubjpass"):
        return
    if noun.head.i != head.i or reference is None or cand.date is None:
        return
    own = {t.i for t in noun.subtree}
    if not any(d is when and r.i in own for d, r in ctx.date_roots):
        return  # the date is the clause's, not the noun's
    if is_planned(ctx, noun, noun, {noun.i}, None) or not names_a_weekday_only(when):
        return
    day = cand.date
    while day >= reference:
        day -= dt.timedelta(days=7)
    cand.date, cand.status, cand.tentative = day, "occurred", False


#: Conjunctions of a clause that happens at the time of the clause it modifies.
_SAME_TIME_MARKS = frozenset({"when", "as"})


def _timed_by_main_clause(ctx: ArticleContext, head: Token, when: DateMention) -> bool:
    """True for "stocks surged on Wednesday when Trump announced a pause": a "when/as"
    clause takes the day of the clause it modifies, and so does an "after" clause of a market
    move ("stocks surged on Wednesday after Trump announced a pause": markets react within the
    day; not "Mexico was reeling on Friday after Trump slapped a tariff")."""
    if head.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in head.children if c.dep_ in {"mark", "advmod"}}
    market = "after" in marks and _market_move(head.head)
    if not (marks & _SAME_TIME_MARKS or market):
        return False
    governing = {head.head.i, clause_head(head.head).i}  # "vowed to fight on Wednesday as"
    return any(d is when and clause_head(r).i in governing for d, r in ctx.date_roots)


def _market_move(verb: Token) -> bool:
    """True when the clause's subject is a market ("U.S. stocks surged", "the peso fell")."""
    nouns = event_data().market_nouns
    return any(s.lemma_.lower() in nouns or s.lower_ in nouns for s in subjects(verb))


def _date_is_own(ctx: ArticleContext, when: DateMention, inside: set[int], trigger: Token) -> bool:
    """True when the date lies in the clause (or right after its trigger verb)."""
    if ctx.date_starts.get(trigger.i + 1) is when:
        return True
    return any(d is when and r.i in inside for d, r in ctx.date_roots)


def _reported(group: list[Trigger]) -> set[int]:
    """Reported clauses that name the parties of a content verb: "the court ruled that
    Ottawa's levies were illegal" (kept in the clause for participants only)."""
    verbs = event_data().content_verbs
    return {
        c.i
        for t in group
        if t.token.lemma_.lower() in verbs
        for c in t.token.children
        if c.dep_ == "ccomp"
    }


def _isolated_candidate(
    ctx: ArticleContext, trig: Trigger, trigger_tokens: set[int]
) -> Candidate | None:
    """A trigger noun under a temporal preposition: only what its own phrase says; "during a
    speech" also takes the subject of the clause it frames (who spoke)."""
    tokens = same_line(clause_tokens(trig.token, {trig.token.i}), trig.token, ctx.newlines)
    inside = {t.i for t in tokens}
    allowed = participant_tokens(tokens, {trig.token.i}, trigger_tokens)
    participants, _ = collect_participants(ctx, tokens, allowed, trigger_tokens, trig.token)
    framed = _framed_clause(trig.token) if trig.type in SPEAKER_TYPES else None
    if framed is not None:
        participants += [p for p in subject_ids(ctx, framed) if p not in participants]
    if not participants:
        return None
    local = [(d, r) for d, r in ctx.date_roots if r.i in inside]
    when = local[0][0] if local else None
    planned = is_planned(ctx, trig.token, trig.token, {trig.token.i}, when)
    cand = _make_candidate(ctx, trig, tokens, participants, when, planned, None, [trig])
    # "after the meeting" frames another happening; "during a speech" tells one of its own
    cand.background = framed is not None and _told_with(ctx, cand, trig.token, framed, planned)
    if trig.token.head.lower_ in _SINCE_HAPPENED and cand.date is None and not planned:
        # "following the announcement of a 30% tariff by Trump": a happening the article
        # reports, undated (unless it frames a dated clause: "after a meeting with Laos,
        # Cambodia raised its duties on Monday" times it by that day, not as unknown)
        framing = clause_head(trig.token.head)
        dated = any(clause_head(r).i == framing.i for _, r in ctx.date_roots)
        cand.background = not dated and cand.type in event_data().background_types
    cand.tentative = cand.tentative and not cand.background
    return cand


def _told_with(
    ctx: ArticleContext, cand: Candidate, noun: Token, framed: Token, planned: bool
) -> bool:
    """True when an undated "during <noun>" happened with its past clause ("has singled out
    beef during a speech"), not planned ("had planned to focus on trade during these talks")."""
    if cand.date is not None or planned:
        return False
    anchor = noun.head.head
    if is_planned(ctx, anchor, framed, path_to(framed, anchor), None):
        return False
    return past_tense([framed], framed)


#: Prepositions whose trigger noun has happened before the clause it frames ("following
#: the announcement of ...", "after talks with ...").
_SINCE_HAPPENED = frozenset({"after", "following"})
#: Prepositions whose trigger noun happens with the clause it frames ("during a speech").
_DURING = frozenset({"during"})


def _framed_clause(noun: Token) -> Token | None:
    """The clause head a "during <trigger noun>" phrase frames, else None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _DURING or prep.head.i == prep.i:
        return None
    head = clause_head(prep.head)
    return head if head.pos_ in ("VERB", "AUX") else None


def _make_candidate(
    ctx: ArticleContext,
    main: Trigger,
    tokens: list[Token],
    participants: list[str],
    when: DateMention | None,
    planned: bool,
    location: str | None,
    group: list[Trigger],
) -> Candidate:
    doc = ctx.doc
    start, end = _trimmed_span(doc, tokens)
    etype = main.type
    if etype == "negotiation" and any(
        c.dep_ == "prep" and c.lower_ in ("with", "between") for c in main.token.children
    ):
        etype = "meeting"
    persons = {p for p in participants if p.startswith("person:")}
    infos = doc._.entities or {}
    parties = {p for p in participants if p.startswith("country:")}
    for person in persons:
        country = getattr(infos.get(person), "country", None)
        if country:
            parties.add(f"country:{country}")
    day, day_text = (when.date, when.text) if when is not None else named_date(doc, group)
    past = past_tense(tokens, main.token)
    background = (
        past
        and not _running_tally(tokens)
        and not planned
        and day is None
        and not names_a_day(when)
        and (when is None or when.granularity != "year")  # "last year": history, not news
        and reported_happening(main, group)
    )
    return Candidate(
        type=etype,
        start=start,
        end=end,
        participants=participants,
        date=day,
        date_text=day_text,
        status="planned" if planned else "occurred",
        location=location,
        clutter=any(in_clutter(doc, doc[t.start].idx, doc[t.end - 1].idx + 1) for t in group),
        weak=all(t.weak for t in group)
        and day is None
        and not names_a_day(when)
        and not background,
        tentative=not planned and day is None and not past,
        background=background,
        yearly=when is not None and when.granularity == "year",
        parties=parties,
        persons=persons,
        distinct=any(
            c.dep_ == "amod" and c.lower_ in event_data().distinct_modifiers
            for t in group
            for c in t.token.children
        ),
    )


def reported_happening(main: Trigger, group: list[Trigger]) -> bool:
    """True when an undated past mention may still be an event the article reports: a strong
    trigger of a decisive type ("met", "held talks", "sued", "announced"), not a relative
    clause that describes someone ("Ahn, who led the talks")."""
    data = event_data()
    if main.type not in data.background_types:
        return False
    strong = [
        t
        for t in group
        if not t.weak
        or t.token.lemma_.lower() in data.background_verbs
        or (t.end - t.start > 1 and t.token.pos_ == "VERB")  # "held talks", "filed suit"
    ]
    if not strong and not _names_its_act(group):
        return False
    head = clause_head(main.token)
    if any(c.dep_ == "mark" and c.lower_ in data.reference_marks for c in head.children):
        return False  # "the first shift since the US announced a levy": a point of reference
    return not (head.dep_ == "relcl" and head.head.i not in {t.token.i for t in group})


def _running_tally(tokens: list[Token]) -> bool:
    """True for a count kept so far ("has held six rounds of talks so far"), not a happening."""
    text = " " + " ".join(t.lower_ for t in tokens) + " "
    return any(f" {words} " in text for words in event_data().tally_words)


def _names_its_act(group: list[Trigger]) -> bool:
    """True when a verb's object is itself a trigger noun: "presented a joint statement",
    "issued a proclamation" (the act, not a mere "said")."""
    verbs = {t.token.i for t in group if t.token.pos_ == "VERB"}
    return any(
        t.token.pos_ == "NOUN" and t.token.dep_ == "dobj" and t.token.head.i in verbs for t in group
    )


def _trimmed_span(doc: Doc, tokens: list[Token]) -> tuple[int, int]:
    """Character span from the first to the last token, without edge punctuation."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)] or tokens
    first, last = words[0], words[-1]
    return first.idx, last.idx + len(last.text)
