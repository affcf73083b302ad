"""Pipeline component tf_statements (placeholder until implemented: stores nothing)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .document import register_extensions


@Language.component("tf_statements")
def statements(doc: Doc) -> Doc:
    register_extensions()
    doc._.statements = []
    return doc
