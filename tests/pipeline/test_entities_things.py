"""Names the model calls PERSON whose context makes them companies, brands or papers.

Each sentence is checked to be one where the model does tag the name PERSON, so the test
shows that the context, not the model, decides.
"""

from __future__ import annotations

import pytest


def _model_persons(doc) -> set[str]:
    return {e.text for e in doc.ents if e.label_ == "PERSON"}


def _person_names(doc) -> set[str]:
    return {e.name for e in doc._.entities.values() if e.type == "person"}


THINGS = [
    # examples of a noun for things
    ("Shoppers turned to discount sites like Julia Voss for cheaper goods.", "Julia Voss"),
    ("Budget platforms such as Marco Quist gained from the loophole.", "Marco Quist"),
    (
        "The levy covers British cars, including Jaguar, Bentley, Marco Finch and Lotus.",
        "Marco Finch",
    ),
    ("Sites like Julia Voss gained.", "Julia Voss"),
    # an apposition in the plural
    (
        "Marco Crane and Julia Bright, two major chipmakers, are also said to be exempt.",
        "Julia Bright",
    ),
    # "-based"
    ("Ohio-based Marco Reeve also warned of higher prices on Tuesday.", "Marco Reeve"),
    # a "which" clause right after the name
    (
        "Investors looked to Marco Lindqvist, which also cut its forecast on Tuesday.",
        "Marco Lindqvist",
    ),
    # a name hung on a person's name by "of" / "at": where they work
    ('"Rates will rise," said Marco Huang of Julia Berman, noting the risk.', "Julia Berman"),
    # the name's own definite article
    ("Readers of The Marco Herald wrote in.", "Marco Herald"),
    # a common noun for things right before the name labels it
    ("Beijing spared wine producers Marco Ferrand from the new duties.", "Marco Ferrand"),
    ("Exports fell 4%, according to industry group Marco Lindell.", "Marco Lindell"),
]

PEOPLE = [
    ("Prices will rise, Zacks director of research Ivo Marr told Axios.", "Ivo Marr"),
    ("Prices will rise, trade minister Marco Voss told reporters.", "Marco Voss"),
    ("Officials met the wife of Marco Huang on Friday.", "Marco Huang"),
    ("Leaders such as Marco Voss welcomed the truce.", "Marco Voss"),
    ("Economists like Julia Quist expect prices to rise.", "Julia Quist"),
    ("Judge Julia Bright, a Reagan appointee, wrote the opinion.", "Julia Bright"),
    ("Marco Crane, who runs a steel mill in Ohio, said the tariff would hurt.", "Marco Crane"),
    (
        "It is hard to negotiate with him, said Ivo Marr, head of the Federation of Valley "
        "Enterprises, which groups companies in the west.",
        "Ivo Marr",
    ),
]


@pytest.mark.parametrize(("text", "name"), THINGS)
def test_a_thing_context_overrules_the_model(nlp, text: str, name: str) -> None:
    doc = nlp(text)
    assert any(name in ent for ent in _model_persons(doc)), "the model must call it PERSON"
    assert not any(name.split()[-1] in person for person in _person_names(doc))


@pytest.mark.parametrize(("text", "name"), PEOPLE)
def test_people_in_similar_constructions_stay_persons(nlp, text: str, name: str) -> None:
    assert name in _person_names(nlp(text))


def test_a_thing_name_is_dropped_everywhere_in_the_article(nlp) -> None:
    doc = nlp(
        "Ohio-based Marco Reeve also warned of higher prices. "
        "Marco Reeve expects sales to fall this year."
    )
    assert "Marco Reeve" in _model_persons(doc)
    assert "Marco Reeve" not in _person_names(doc)
