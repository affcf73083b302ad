"""People, countries, organisations and places: gazetteer, NER clean-up and mention resolution.

The pipeline component ``tf_entities`` (``component.py``) stores (LOCAL char offsets, see
``document.Mention``):

- ``doc._.mentions``: every mention, sorted by start. ``kind`` is ``name`` (a full name or a
  place/org/country name), ``surname`` (one part of a person's name, or "Mr X"), ``alias``
  (an officials-table alias such as "Xi"), ``title`` (a title-only phrase such as "the US
  president" resolved to a person), ``demonym`` ("Japanese") or ``code`` ("U.S.", "EU").
  Pronouns are not stored by the component (``resolve_person`` resolves them on demand).
- ``doc._.entities``: id -> ``EntityInfo``. Ids: ``person:<slug of canonical full name>``,
  ``country:<ISO3>`` (EU = ``EUU``), ``org:<slug>``, ``place:<slug>``.

Helpers other components call:

- ``resolve_person(doc, start, end) -> str | None``: the person a speaker/subject span refers
  to: a name, surname, "Mr X", a title phrase ("the US president", "Japan's prime minister",
  "the commerce secretary") or a pronoun (he/she/him/her: the most recent compatible person,
  preferring sentence subjects; "they" is never resolved). A title phrase that names nobody in
  the article resolves to None by default: a title-only reference is not a named person, and
  who holds an office depends on the date. With ``use_officials=True`` it may resolve through
  the officials table (country + role, valid at the doc's reference date, or currently in
  office when the date is unknown); the person is then ADDED to ``doc._.entities`` with a
  ``title`` mention over the phrase, so a returned id always exists in the doc. The component
  itself never creates a person from a title alone.
- ``countries_in(doc, start, end) -> list[str]``: ISO3 codes mentioned in the range by name,
  short form, demonym, adjectival compound ("U.S.-Japan") or a government metonym (capital,
  "White House", "Downing Street"), in text order, without duplicates.
- ``country_code(text) -> str | None``: the ISO3 code of one surface form ("U.S.", "Japanese").
- ``person_slug(name)`` / ``slugify(text)``: the id scheme.

Modules, in dependency order (each imports only modules above it): ``tokens`` (token table,
char offsets), ``gazetteer`` (data tables, ids, ``country_code``), ``state`` (per-doc working
state), ``lines`` (headlines, bylines), ``organizations``, ``places`` (countries, places),
``titles`` (title phrases, roles), ``person_names`` (name candidates), ``roles`` (a person's
role from a title or apposition), ``persons`` (people and their mentions),
``title_references`` ("the US president"), ``doc_index`` (lookups for the helpers,
``countries_in``), ``pronouns``, ``resolution`` (``resolve_person``), ``component``.
"""

from .component import EntityRecognizer, make_entities
from .doc_index import countries_in, iter_entities, person_mentions
from .gazetteer import country_code, gazetteer, person_slug, slugify
from .resolution import resolve_person

__all__ = [
    "EntityRecognizer",
    "countries_in",
    "country_code",
    "gazetteer",
    "iter_entities",
    "make_entities",
    "person_mentions",
    "person_slug",
    "resolve_person",
    "slugify",
]
