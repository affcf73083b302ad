"""Pipeline component tf_dates (placeholder until implemented: stores nothing)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .document import register_extensions


@Language.component("tf_dates")
def dates(doc: Doc) -> Doc:
    register_extensions()
    doc._.dates = []
    return doc
