"""TIMEX3 tagging: every date, time, duration and set of a text, with its normalised value.

``patterns`` finds the spans (regular expressions built from ``data/timex.json``), ``values``
computes TIMEX3 values against the document date and the clause tense, ``component`` is the
spaCy component ``tf_timex`` storing ``TimeExpression``s on ``doc._.timexes``.
"""

from .component import find_timexes, register_extension, time_expressions, timex
from .patterns import RawTimex, recognise
from .values import Resolver

__all__ = [
    "RawTimex",
    "Resolver",
    "find_timexes",
    "recognise",
    "register_extension",
    "time_expressions",
    "timex",
]
