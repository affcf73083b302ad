"""Pipeline component ``tf_entities``: persons, countries, organisations and places.

Runs the steps in order (lines, gazetteer matches, titles, persons, title-only references,
the model's organisations and places) and stores ``doc._.mentions`` and ``doc._.entities``
(see the package docstring).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..document import doc_text, register_extensions
from .gazetteer import gazetteer
from .lines import mark_lines
from .persons import add_persons
from .places import add_gazetteer_mentions, add_ner_orgs_and_places
from .state import TEXT_ROLES_KEY, DocState, GazMatch
from .title_references import add_title_mentions
from .titles import title_phrases


@Language.factory("tf_entities")
def make_entities(nlp: Language, name: str) -> EntityRecognizer:
    """Factory: the entity component, with its matchers built once."""
    return EntityRecognizer(nlp)


class EntityRecognizer:
    """Finds person/country/org/place mentions and stores them on the Doc."""

    def __init__(self, nlp: Language) -> None:
        register_extensions()
        self.g = gazetteer()
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        make = nlp.make_doc
        groups: dict[str, Iterable[str]] = {
            "COUNTRY": self.g.country_names,
            "PLACE": self.g.places,
            "ORG": self.g.orgs,
            "OFFICIAL": self.g.official_by_form,
        }
        for label, forms in groups.items():
            for form in forms:
                patterns = [make(form)]
                if "'" in form:  # "People's Bank of China" with a curly apostrophe
                    patterns.append(make(form.replace("'", "’")))
                self.exact.add(f"{label}|{form}", patterns)
        self.lower.add("TITLE", [make(h) for h in self.g.heads | self.g.plural_heads])

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        doc._.mentions = []
        doc._.entities = {}
        if not doc_text(doc).strip():
            return doc
        state = DocState(doc=doc, g=self.g)
        state.ents = list(doc.ents)
        state.ent_of = _entity_index(doc, state.ents)
        mark_lines(state)
        gaz = self._gazetteer_spans(doc)
        add_gazetteer_mentions(state, gaz)
        titles = title_phrases(state, self.lower(doc))
        add_persons(state, gaz, titles)
        add_title_mentions(state, titles)
        add_ner_orgs_and_places(state)
        doc._.mentions = sorted(state.mentions, key=lambda m: (m.start, m.end, m.entity_id))
        doc._.entities = state.entities
        doc.user_data[TEXT_ROLES_KEY] = state.text_roles
        return doc

    def _gazetteer_spans(self, doc: Doc) -> list[GazMatch]:
        """Non-overlapping gazetteer matches (longest wins), in text order."""
        found = []
        for match_id, s, e in self.exact(doc):
            label, form = doc.vocab.strings[match_id].split("|", 1)
            found.append(GazMatch(label, form, Span(doc, s, e)))
        priority = {"OFFICIAL": 0, "ORG": 1, "PLACE": 2, "COUNTRY": 3}
        found.sort(key=lambda x: (-(x.span.end - x.span.start), priority[x.label], x.span.start))
        used: set[int] = set()
        kept: list[GazMatch] = []
        for match in found:
            if any(i in used for i in range(match.span.start, match.span.end)):
                continue
            used.update(range(match.span.start, match.span.end))
            kept.append(match)
        return sorted(kept, key=lambda x: x.span.start)


def _entity_index(doc: Doc, ents: list[Span]) -> list[Span | None]:
    """For each token, the model entity covering it (built once per doc)."""
    index: list[Span | None] = [None] * len(doc)
    for ent in ents:
        for i in range(ent.start, ent.end):
            index[i] = ent
    return index
