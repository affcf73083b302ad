"""Dated trade events: triggers, participants, place, date and status."""

from .component import make_events, quoted_ranges

__all__ = ["make_events", "quoted_ranges"]
