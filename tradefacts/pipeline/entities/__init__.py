"""People, countries, organisations and places: gazetteer, NER clean-up and mention resolution."""

from .component import (
    countries_in,
    country_code,
    gazetteer,
    make_entities,
    person_slug,
    resolve_person,
)

__all__ = [
    "countries_in",
    "country_code",
    "gazetteer",
    "make_entities",
    "person_slug",
    "resolve_person",
]
