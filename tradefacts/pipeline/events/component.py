"""Pipeline component tf_events: trade events (meetings, talks rounds, speeches, lawsuits...).

How an event is read (one module per step):

1. **Triggers** (``triggers``, tables in ``data/events.json`` via ``tables``): verb lemmas
   ("meet", "sue"), nouns ("talks", "summit", "lawsuit") and phrases ("second round", "spoke to
   reporters", "by phone", "Liberation Day"). Weak triggers ("said", "posted", "stated",
   "discussions") only count when a date attaches to them. Triggers inside quotations of four
   or more words (``..quotes``) are skipped (the speaker's tense and dates, not the article's).
   Object verbs count only with their object ("signed an executive order", "clinched a deal",
   "heard arguments"); start markers with a date name a measure taking effect ("effective
   August 1"); negated verbs and named days that only label a thing ("'Liberation Day'
   tariffs") are no triggers.
2. **Clause** (``clause``). From the trigger we climb the dependency tree through nouns,
   prepositions and ``xcomp`` verbs up to the clause head (a root, ``ccomp``, ``advcl``,
   ``relcl``, ``conj`` verb...). The clause is the head's subtree on the trigger's line, minus
   embedded clauses that do not contain the trigger ("flanked by" participles stay). Triggers of
   one type family sharing a clause head make one event; a purpose infinitive of another
   trigger ("will travel to Ottawa to meet Carney") joins it (``candidates``). A trigger noun
   that only frames another clause ("After the meeting, X told reporters", "advantage from its
   negotiations") reads only its own phrase.
3. **Participants** (``participants``) are the person and country mentions (``doc._.mentions``)
   of the clause, minus prepositional phrases that frame or comment ("according to", "on
   tariffs", "of ..."), minus the location (``places``), minus country words that only modify a
   non-party noun ("EU tariffs"). Announcements and speeches take only the verb's subject (the
   announcer). Subjects and possessives without a mention (pronouns, titles) go through
   ``entities.resolve_person``; "the two sides" -> the article's two most-mentioned countries,
   as does a participant-less "next round" / "second meeting". A clause without its own subject
   borrows the governing clause's subject ("Speaking to reporters, Ishiba said..."; relative
   clauses take their head).
4. **Date** (``timing``) is the ``doc._.dates`` mention inside the clause (or a participle on
   its nouns: "a letter posted on Wednesday") nearest the trigger in the tree, else one
   modifying a governing clause of the same sentence (not for planned events; a weak trigger
   needs a date of its own clause). A date that modifies another trigger's noun, a non-event
   noun ("the August 1 deadline") or hangs on another trigger's verb or start marker belongs to
   that one; page-header and dateline dates time no event. ``date_text`` is the date
   mention's text.
5. **Status** (``timing``) is ``planned`` for modals (will, would), planning verbs ("set to",
   "scheduled", "invited", "agreed to hold"), planning modifiers ("next round") and dates after
   the reference date or worded as future ("next week"); else ``occurred``.
6. **Clustering** (``clustering``) inside the article: mentions of one happening become one
   event (same type family, agreeing status and dates, a shared person, or shared countries
   when one side names no person; an undated, untimed mention of talks joins the dated talks of
   the same countries). Participants are united and every mention is kept as evidence.
7. **Kept** are events with a participant that are placed in time (a date or date words finer
   than a year) or planned, and undated past happenings told with a strong trigger ("met",
   "held talks", "announced", "presented a joint statement"; ``candidates.reported_happening``)
   unless they describe someone ("who led the talks"), are a point of reference ("since X
   announced"), a running tally ("six rounds so far"), a framing noun ("after the meeting") or
   a speech. Other undated past mentions are background. Possibilities ("could impose") are no
   triggers. A measure's planned start ("will take effect August 1") is left to the tariffs
   stage.

Evidence is the clause span (its first to its last token), so two events of one sentence keep
separate evidence. Triggers inside page clutter never give evidence, but a clutter mention
(a photo caption) may lend its date to the event it clusters with.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ...models import TradeEvent
from ..document import register_extensions
from .candidates import candidates
from .clustering import cluster_candidates, cluster_event
from .context import sentence_starts
from .triggers import build_phrase_matcher, find_triggers


def extract_events(doc: Doc, matcher: PhraseMatcher) -> list[TradeEvent]:
    """The trade events of ``doc`` (clustered within the doc), in text order."""
    if not doc.has_annotation("DEP") or not len(doc):
        return []
    sentence_of = sentence_starts(doc)
    triggers = find_triggers(doc, matcher, sentence_of)
    if not triggers:
        return []
    clusters = cluster_candidates(candidates(doc, triggers, sentence_of))
    events = [cluster_event(doc, c) for c in clusters]
    found = [e for e in events if e is not None]
    return sorted(found, key=lambda e: (e.evidence[0].start, e.evidence[0].end))


class EventsComponent:
    """The ``tf_events`` pipe: stores ``doc._.events``."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = build_phrase_matcher(nlp)

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        doc._.events = extract_events(doc, self.matcher)
        return doc


@Language.factory("tf_events")
def make_events(nlp: Language, name: str) -> EventsComponent:
    """Factory for the ``tf_events`` pipe."""
    return EventsComponent(nlp)
