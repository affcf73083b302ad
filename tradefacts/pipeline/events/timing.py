"""When an event happens and whether it has yet: its date and its status.

The date is the ``doc._.dates`` mention inside the clause nearest the trigger in the tree, else
one modifying a governing clause of the same sentence (not for planned events), else the date a
trigger phrase names by itself ("Liberation Day"). The status is ``planned`` for modals,
planning verbs and modifiers and dates after the reference date or worded as future; else
``occurred``.
"""

from __future__ import annotations

import re
from datetime import date as Date

from spacy.tokens import Doc, Token

from ..document import DateMention
from .clause import clause_head, subjects
from .context import ArticleContext
from .tables import event_data
from .triggers import Trigger, opens_date

#: A year written out ("2025"): the date of a start marker is then as written.
WRITTEN_YEAR = re.compile(r"\b\d{4}\b")
#: A month written out or abbreviated ("6 August", "Oct. 1"): a calendar day, not a weekday.
MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.I)

#: A weekday written out ("Monday", "Tues.").
WEEKDAY_NAME = re.compile(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\b", re.I)

#: Dependencies of noun modifiers: a date in one times that noun ("the April 2 announcement").
NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod", "poss", "nummod"})


def tree_distance(a: Token, b: Token) -> int:
    """Number of edges between two tokens of one sentence."""
    up_a = [a, *a.ancestors]
    depth = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in depth:
            return n + depth[t.i]
    return 99


def attach_date(
    ctx: ArticleContext,
    trigger: Token,
    head: Token,
    inside: set[int],
    planned: bool,
    others: set[int] = frozenset(),  # type: ignore[assignment]
) -> DateMention | None:
    """The date mention of the clause nearest the trigger, else one on a governing clause.

    A date that modifies another trigger's noun ("the April 2 tariff announcement") belongs
    to that trigger (``others``), not to this one.
    """
    opened = _opened_by_marker(ctx, others)
    local = [
        (d, r)
        for d, r in ctx.date_roots
        if r.i in inside and not _times_other(r, others) and id(d) not in opened
    ]
    if local:
        nearest = min(
            local, key=lambda dr: (tree_distance(trigger, dr[1]), abs(dr[1].i - trigger.i))
        )
        return nearest[0]
    adjunct = _same_time_adjunct_date(ctx, head, others)
    if adjunct is not None:
        return adjunct
    adjacent = ctx.date_starts.get(trigger.i + 1)
    if adjacent is not None and trigger.pos_ == "VERB":
        # "said on Monday it had ...": the parser often hangs the date on the reported clause
        return adjacent
    if planned:
        return None
    governing = _date_lenders(head)
    lent = [
        (d, root)
        for d, root in ctx.date_roots
        if ctx.sentence_of[root.i][0] == ctx.sentence_of[head.i][0]
        and clause_head(root).i in governing
    ]
    # "With the July 9 cutoff approaching, X revealed on Wednesday ...": a date that labels a
    # thing gives way to one that times the clause
    timing = [d for d, root in lent if not _times_other(root, others)]
    return timing[0] if timing else (lent[0][0] if lent else None)


def same_time_adjuncts(head: Token, others: set[int]) -> set[int]:
    """Tokens of the subjectless present participles that set the scene of the clause
    ("Speaking at a forum in Jakarta on Monday, the minister said ..."): same time."""
    out: set[int] = set()
    for child in head.children:
        if child.dep_ != "advcl" or child.tag_ != "VBG" or child.i in others:
            continue
        if subjects(child) or any(c.dep_ in ("mark", "advmod") for c in child.children):
            continue  # "after meeting X on Monday", "before leaving on Friday"
        out.update(t.i for t in child.subtree)
    return out


def _same_time_adjunct_date(
    ctx: ArticleContext, head: Token, others: set[int]
) -> DateMention | None:
    """The date of a scene-setting participle of the clause (``same_time_adjuncts``)."""
    span = same_time_adjuncts(head, others)
    dated = [d for d, r in ctx.date_roots if r.i in span and not _times_other(r, others)]
    return dated[0] if dated else None


def _opened_by_marker(ctx: ArticleContext, others: set[int]) -> set[int]:
    """``id()`` of the dates another trigger's start marker opens ("a tariff effective
    January 1", and its conjuncts: "..., and 30% on January 1, 2028"), whatever the parser
    hangs them on."""
    markers = event_data().start_markers
    doc = ctx.doc
    opened = {
        id(d)
        for i, d in ctx.date_starts.items()
        for j in range(max(0, i - 4), i)
        if j in others and doc[j].lower_ in markers and opens_date(doc[j], {i})
    }
    roots = {r.i for d, r in ctx.date_roots if id(d) in opened}
    for d, r in ctx.date_roots:
        if any(a.i in roots for a in r.ancestors):
            opened.add(id(d))
    return opened


def _times_other(root: Token, others: set[int]) -> bool:
    """True when a date (its root token) times something else than the clause's trigger: a
    date modifying another trigger's noun ("the April 2 tariff announcement") or a non-event
    noun ("Trump's 'Liberation Day' tariffs", "the August 1 deadline"), or governed by another
    trigger's verb or start marker ("tariffs beginning Oct. 1", "take effect on March 12")."""
    data = event_data()
    head = root.head
    if root.dep_ in NOUN_MODIFIER_DEPS and head.i != root.i:
        if head.i in others:
            return True
        # a label of a thing, not of an occasion ("at a Monday roundtable"), a time of day
        # ("yesterday evening") nor an adverb misread ("for the first time next Monday")
        occasion = head.dep_ == "pobj" and head.head.lower_ in ("at", "during", "in")
        adverbial = head.dep_ in ("npadvmod", "tmod")
        labels = root.dep_ in ("compound", "nmod", "poss") and not (occasion or adverbial)
        if labels and head.pos_ in ("NOUN", "PROPN") and head.lower_ not in data.nouns:
            return True
    governor = head.head if root.dep_ == "pobj" else head
    return governor.i in others and (
        governor.pos_ in ("VERB", "AUX") or governor.lower_ in data.start_markers
    )


def _date_lenders(head: Token) -> set[int]:
    """Clause heads above ``head`` whose date also times it. A reporting tag ("..., the
    ministry said") is not timed by the words it reports, nor is a conjunct with a subject of
    its own ("X was announced last month, and Japan has held six rounds") by its sibling."""
    lenders: set[int] = set()
    current = head
    for _ in range(40):
        if current.head.i == current.i or current.dep_ == "parataxis":
            break
        if current.dep_ == "conj" and subjects(current):
            break
        current = current.head
        lenders.add(current.i)
    return lenders


def is_planned(
    ctx: ArticleContext, trigger: Token, head: Token, path: set[int], when: DateMention | None
) -> bool:
    """True for future, modal or intended happenings."""
    data = event_data()
    doc = ctx.doc
    for i in path | {head.i}:
        token = doc[i]
        lemma = token.lemma_.lower()
        plans_other = token.i != trigger.i  # "agreed to cut duties": the agreeing happened
        if (
            lemma in data.planned_verbs
            and plans_other
            and any(c.dep_ == "xcomp" for c in token.children)
        ):
            return True
        if lemma in ("schedule", "set", "slate", "due") and token.tag_ == "VBN":
            return True
        if lemma == "invite":
            return True
        for child in token.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in data.planned_modals:
                return True
            if child.dep_ == "aux" and child.lower_ == "to" and token.i != head.i:
                continue
            if child.dep_ in ("amod", "compound") and child.lower_ in data.planned_modifiers:
                return True
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in data.planned_verbs:
        return True
    if when is not None:
        reference = doc._.reference_date
        if when.date is not None and reference is not None:
            return bool(when.date > reference)
        lowered = when.text.lower()
        return any(word in lowered for word in data.planned_date_words)
    return False


def named_date(doc: Doc, group: list[Trigger]) -> tuple[Date | None, str | None]:
    """The date a trigger phrase names by itself ("Liberation Day"), else (None, None)."""
    named = event_data().named_dates
    for trig in group:
        span = doc[trig.start : trig.end]
        if span.text.lower() in named:
            return named[span.text.lower()], span.text
    return None, None


def names_a_day(when: DateMention | None) -> bool:
    """True for a day expression ("Monday", "on Tuesday night") even when no reference date
    resolves it: merge can pin it from other articles."""
    return when is not None and (when.weekday is not None or when.granularity == "day")


def past_tense(tokens: list[Token], trigger: Token) -> bool:
    """True when the trigger or a verb governing it is in a past form ("met", "has held")."""
    chain = [trigger, *trigger.ancestors]
    inside = {t.i for t in tokens}
    for token in chain:
        if token.i not in inside:
            break
        if token.tag_ == "VBD" or any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in token.children
        ):
            return True
    return False


def start_day(when: DateMention, reference: Date | None) -> Date | None:
    """The day a measure starts on ("effective 6 August", "beginning Oct. 1"): a month and day
    written without a year are the nearest such day to the reference date, whatever the tense
    of the clause ("signed an order effective 6 August" in a July paper is this August)."""
    day = when.date
    if day is None or reference is None or when.granularity != "day":
        return day
    if WRITTEN_YEAR.search(when.text) or not MONTH_NAME.search(when.text):
        return day
    options = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            options.append(day.replace(year=year))
        except ValueError:  # 29 February
            continue
    return min(options, key=lambda d: abs((d - reference).days), default=day)


def names_a_weekday_only(when: DateMention) -> bool:
    """True for a bare weekday ("Monday", "on Tuesday night"): no month, no day number."""
    return (
        not MONTH_NAME.search(when.text)
        and not any(ch.isdigit() for ch in when.text)
        and (WEEKDAY_NAME.search(when.text) is not None)
    )
