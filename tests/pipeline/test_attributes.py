"""The compiled attribute rules and cached lemmas annotate exactly as the model's stock ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from tradefacts.pipeline.attributes import compile_rules

ROOT = Path(__file__).resolve().parents[2]

#: Sentences written for the rules over several tokens and on dependency labels.
CONSTRUCTIONS = [
    "We're gonna get there, and we gotta keep talking, y'all.",
    "It ain't over: let's see what they offer. C'mon, nothin' changed.",
    "There is a deal. There are risks, and there were talks on tariffs.",
    "I told you it was done, but it did not stop them; did it help?",
    "Whether the talks resume depends on what Ottawa does, but officials said so.",
    "They had agreed, though the ministry has said nothing. Which one? That one.",
    "Tariffs\n\n  rose to 25%   on steel.\tOfficials  met in  Geneva.",
]

ANNOTATED = ("tag_", "pos_", "morph", "lemma_")


def _parsed(nlp, text: str) -> Doc:
    """``text`` through every component before the attribute rules."""
    doc = nlp.make_doc(text)
    for name in nlp.pipe_names[: nlp.pipe_names.index("tf_attribute_rules")]:
        doc = nlp.get_pipe(name)(doc)
    return doc


def _both(nlp, text: str) -> tuple[Doc, Doc]:
    stock, compiled = _parsed(nlp, text), _parsed(nlp, text)
    stock = nlp.get_pipe("attribute_ruler")(stock)
    compiled = nlp.get_pipe("tf_attribute_rules")(compiled)
    return nlp.get_pipe("lemmatizer")(stock), nlp.get_pipe("tf_lemmas")(compiled)


def _annotations(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, *(str(getattr(t, a)) for a in ANNOTATED)) for t in doc]


def test_the_pipeline_runs_the_compiled_rules_in_place_of_the_stock_ones(nlp) -> None:
    assert "tf_attribute_rules" in nlp.pipe_names and "tf_lemmas" in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    assert compile_rules(nlp.get_pipe("attribute_ruler")) is not None


@pytest.mark.parametrize("text", CONSTRUCTIONS)
def test_constructions_are_annotated_as_by_the_stock_ruler(nlp, text: str) -> None:
    stock, compiled = _both(nlp, text)
    assert _annotations(compiled) == _annotations(stock)


def test_the_rules_over_several_tokens_do_apply(nlp) -> None:
    _, compiled = _both(nlp, "We're gonna win.")
    assert [t.lemma_ for t in compiled if t.lower_ in {"gon", "na"}] == ["go", "to"]


def test_our_articles_are_annotated_as_by_the_stock_ruler(nlp) -> None:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/gold").rglob("*.txt"))
    assert paths
    for path in paths[:40]:
        stock, compiled = _both(nlp, path.read_text("utf-8"))
        assert _annotations(compiled) == _annotations(stock), path.name
    # a second pass answers from the caches
    for path in paths[:10]:
        stock, compiled = _both(nlp, path.read_text("utf-8"))
        assert _annotations(compiled) == _annotations(stock), path.name


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "gon",
                "na",
                "let",
                "'s",
                "there",
                "is",
                "ai",
                "n't",
                "y'",
                "all",
                "I",
                "it",
                "you",
                "did",
                "have",
                "that",
                "which",
                "but",
                "to",
                "the",
                "talks",
                "  ",
                "\n",
                ",",
                ".",
            ]
        ),
        min_size=1,
        max_size=20,
    )
)
def test_any_word_sequence_is_annotated_as_by_the_stock_ruler(nlp, words: list[str]) -> None:
    stock, compiled = _both(nlp, " ".join(words))
    assert _annotations(compiled) == _annotations(stock)


def test_a_ruler_with_an_operator_is_not_compiled(nlp) -> None:
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert compile_rules(ruler) is None
