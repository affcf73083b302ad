"""The model's attribute rules and lemmatizer, applied by lookup: same annotation, less time.

spaCy's ``attribute_ruler`` runs a ``Matcher`` over every token for ~180 patterns, nearly all
of them a single token compared on its tag, lower-case form or dependency label. That costs
about a tenth of the whole parse. ``compile_rules`` turns those patterns into dictionaries
keyed by the token's attributes, so a token costs one lookup; the few patterns over several
tokens are checked only where their first token fits. The result is the same annotation as the
stock component, rule for rule and in the same precedence (later rules win); a model whose
patterns use anything else (operators, other attributes) keeps its stock component.
``CachedLemmas`` does the same for the rule lemmatizer (about a twentieth of the parse).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

#: Pattern keys we can read from a token: the Token attribute each one compares.
_ATTRIBUTES: dict[str, str] = {
    "LOWER": "lower_",
    "TAG": "tag_",
    "DEP": "dep_",
    "ORTH": "text",
    "TEXT": "text",
    "NORM": "norm_",
    "IS_SPACE": "is_space",
    "IS_PUNCT": "is_punct",
}
#: Keys a token's rules are indexed by, most selective first.
_INDEX_KEYS = ("LOWER", "TAG", "DEP", "IS_SPACE")
#: Cached token kinds before the cache starts again (it holds one entry per kind of token).
_CACHE_SIZE = 200_000

Predicate = Callable[[Any], bool]


class Uncompilable(ValueError):
    """A pattern uses an operator or attribute the lookup does not implement."""


def _predicate(value: Any) -> tuple[Predicate, frozenset[Any] | None]:
    """A test on one attribute value, and the values it accepts when they are finite."""
    if isinstance(value, str | bool | int):
        return (lambda v, value=value: v == value), frozenset([value])
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "IN":
            accepted = frozenset(arg)
            return (lambda v: v in accepted), accepted
        if op == "NOT_IN":
            refused = frozenset(arg)
            return (lambda v: v not in refused), None
        if op == "REGEX":
            regex = re.compile(arg)
            return (lambda v: bool(regex.search(v))), None
    raise Uncompilable(f"unsupported predicate {value!r}")


@dataclass(frozen=True)
class _TokenTest:
    tests: tuple[tuple[Callable[[Token], Any], Predicate], ...]  # (read, test) pairs
    index_key: str | None
    index_values: frozenset[Any]

    def __call__(self, token: Token) -> bool:
        return all(test(read(token)) for read, test in self.tests)


def _token_test(spec: dict[str, Any]) -> _TokenTest:
    if not spec:
        raise Uncompilable("empty token pattern")
    tests, finite = [], {}
    for key, value in spec.items():
        if key not in _ATTRIBUTES:
            raise Uncompilable(f"unsupported key {key!r}")
        predicate, accepted = _predicate(value)
        tests.append((attrgetter(_ATTRIBUTES[key]), predicate))
        if accepted is not None:
            finite[key] = accepted
    index_key = next((k for k in _INDEX_KEYS if k in finite), None)
    accepted = finite[index_key] if index_key is not None else frozenset()
    return _TokenTest(tuple(tests), index_key, accepted)


@dataclass(frozen=True, eq=False)
class _Rule:
    order: int
    tokens: tuple[_TokenTest, ...]
    index: int
    attrs: dict[Any, Any]


class CompiledRules:
    """An ``AttributeRuler``'s rules, applied to a Doc by dictionary lookups."""

    def __init__(self, rules: list[_Rule], keys: set[str]) -> None:
        # A token's kind: the attributes the rules read, index keys first.
        self._kind = attrgetter(
            *(_ATTRIBUTES[k] for k in (*_INDEX_KEYS, *sorted(keys - set(_INDEX_KEYS))))
        )
        self._single: dict[tuple[str, Any], list[_Rule]] = {}
        self._single_unindexed: list[_Rule] = []
        self._sequences: list[_Rule] = []
        # Rules over several tokens, indexed by their first token.
        self._first: dict[tuple[str, Any], list[_Rule]] = {}
        self._first_unindexed: list[_Rule] = []
        for rule in rules:
            if len(rule.tokens) > 1:
                self._sequences.append(rule)
                index, unindexed = self._first, self._first_unindexed
            else:
                index, unindexed = self._single, self._single_unindexed
            first = rule.tokens[0]
            if first.index_key is None:
                unindexed.append(rule)
                continue
            for value in first.index_values:
                index.setdefault((first.index_key, value), []).append(rule)
        self._cache: dict[tuple[Any, ...], dict[Any, Any]] = {}
        self._first_cache: dict[tuple[Any, ...], list[_Rule]] = {}

    def __call__(self, doc: Doc) -> Doc:
        kinds = [self._kind(token) for token in doc]
        from_sequences = self._sequence_matches(doc, kinds) if self._sequences else {}
        cache = self._cache
        for token, kind in zip(doc, kinds, strict=True):
            merged = cache.get(kind)
            if merged is None:
                if len(cache) >= _CACHE_SIZE:
                    cache.clear()
                merged = cache[kind] = self._merge(self._single_rules(token, kind))
            extra = from_sequences.get(token.i)
            if extra:
                rules = {*self._single_rules(token, kind), *extra}
                merged = self._merge(sorted(rules, key=_order))
            if merged:
                set_token_attrs(token, merged)
        return doc

    def _single_rules(self, token: Token, kind: tuple[Any, ...]) -> list[_Rule]:
        return self._candidates(self._single, self._single_unindexed, token, kind)

    def _first_rules(self, token: Token, kind: tuple[Any, ...]) -> list[_Rule]:
        return self._candidates(self._first, self._first_unindexed, token, kind)

    @staticmethod
    def _candidates(
        index: dict[tuple[str, Any], list[_Rule]],
        unindexed: list[_Rule],
        token: Token,
        kind: tuple[Any, ...],
    ) -> list[_Rule]:
        """The rules of ``index`` and ``unindexed`` whose first token pattern ``token`` satisfies,
        in order."""
        found: set[_Rule] = set()
        for key, value in zip(_INDEX_KEYS, kind, strict=False):
            for rule in index.get((key, value), ()):
                if rule.tokens[0](token):
                    found.add(rule)
        found.update(r for r in unindexed if r.tokens[0](token))
        return sorted(found, key=_order)

    def _sequence_matches(self, doc: Doc, kinds: list[tuple[Any, ...]]) -> dict[int, list[_Rule]]:
        """For each token, the rules over several tokens that set its attributes."""
        matches: dict[int, list[_Rule]] = {}
        first_cache = self._first_cache
        for start, kind in enumerate(kinds):
            rules = first_cache.get(kind)
            if rules is None:
                if len(first_cache) >= _CACHE_SIZE:
                    first_cache.clear()
                rules = first_cache[kind] = self._first_rules(doc[start], kind)
            for rule in rules:
                size = len(rule.tokens)
                if start + size > len(doc):
                    continue
                if all(test(doc[start + k]) for k, test in enumerate(rule.tokens[1:], 1)):
                    target = start + (rule.index if rule.index >= 0 else size + rule.index)
                    matches.setdefault(target, []).append(rule)
        return matches

    @staticmethod
    def _merge(rules: Iterable[_Rule]) -> dict[Any, Any]:
        merged: dict[Any, Any] = {}
        for rule in rules:
            merged.update(rule.attrs)
        return merged


def _order(rule: _Rule) -> int:
    return rule.order


def compile_rules(ruler: AttributeRuler) -> CompiledRules | None:
    """``ruler``'s rules as lookups; None when a pattern uses what the lookup does not know."""
    rules: list[_Rule] = []
    keys: set[str] = set()
    try:
        for order, attrs in enumerate(ruler.attrs):
            _, patterns = ruler.matcher.get(ruler.vocab.strings[str(order)])
            index = ruler.indices[order]
            for pattern in patterns:
                tokens = tuple(_token_test(spec) for spec in pattern)
                keys.update(key for spec in pattern for key in spec)
                if not -len(tokens) <= index < len(tokens):
                    raise Uncompilable("index outside the pattern")
                rules.append(_Rule(order, tokens, index, attrs))
    except (Uncompilable, KeyError, TypeError):
        return None
    return CompiledRules(rules, keys)


@Language.factory("tf_attribute_rules")
def make_attribute_rules(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The model's ``attribute_ruler`` compiled to lookups (see ``use_compiled_rules``)."""
    ruler = nlp.get_pipe("attribute_ruler")
    compiled = compile_rules(ruler) if isinstance(ruler, AttributeRuler) else None
    if compiled is None:
        raise Uncompilable("the model's attribute rules cannot be compiled")
    return compiled


def use_compiled_rules(nlp: Language) -> None:
    """Run the compiled attribute rules in place of the stock ``attribute_ruler`` when possible."""
    if "attribute_ruler" not in nlp.pipe_names or "tf_attribute_rules" in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler) or compile_rules(ruler) is None:
        return
    nlp.add_pipe("tf_attribute_rules", before="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")


class CachedLemmas:
    """The model's lemmatizer with every result cached per (form, POS, morphology).

    A rule lemmatizer's answer depends on nothing else, but spaCy's caches only some answers
    (not base forms or spaces), so most tokens are lemmatised again in every document.
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self._lemmatizer = lemmatizer
        self._cache: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer, cache = self._lemmatizer, self._cache
        if not getattr(lemmatizer, "_validated", True):
            lemmatizer._validate_tables()  # the stock component's first-call check
        for token in doc:
            if not lemmatizer.overwrite and token.lemma != 0:
                continue
            key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
            lemma = cache.get(key)
            if lemma is None:
                lemma = lemmatizer.lemmatize(token)[0]
                if token.pos != 0:  # without a POS the stock component warns each time
                    if len(cache) >= _CACHE_SIZE:
                        cache.clear()
                    cache[key] = lemma
            token.lemma_ = lemma
        return doc


@Language.factory("tf_lemmas")
def make_lemmas(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The model's ``lemmatizer`` with its answers cached (see ``use_cached_lemmas``)."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode not in {"rule", "lookup"}:
        raise TypeError("the model's lemmatizer is not a rule or lookup lemmatizer")
    return CachedLemmas(lemmatizer)


def use_cached_lemmas(nlp: Language) -> None:
    """Run the lemmatizer with cached answers in place of the stock one when it is rule-based."""
    if "lemmatizer" not in nlp.pipe_names or "tf_lemmas" in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode not in {"rule", "lookup"}:
        return
    nlp.add_pipe("tf_lemmas", before="lemmatizer")
    nlp.disable_pipe("lemmatizer")
