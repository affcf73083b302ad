"""Tariff timelines: when each rate was announced, took effect, paused or ended.

``timeline(items)`` puts the tariffs of articles, merged records or timelines on a time axis;
``Timeline.line`` / ``Timeline.rate_on`` read it; ``Timeline._repr_html_`` draws it.
"""

from __future__ import annotations

from .build import point_status, timeline
from .products import product_group
from .query import find_line, in_force, rate_on

__all__ = ["find_line", "in_force", "point_status", "product_group", "rate_on", "timeline"]
