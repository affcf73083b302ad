"""Scoring extraction and merge against gold annotations (``tradefacts evaluate``)."""

from .scoring import *  # noqa: F403
from .scoring import __all__ as __all__
