"""Dated trade events: triggers, participants, place, date and status."""

from ..quotes import quoted_ranges
from .component import make_events

__all__ = ["make_events", "quoted_ranges"]
