"""Tariff relations: rate, imposer, target, products, measure, status and qualifier."""

from .component import find_tariffs, tables, tariffs

__all__ = ["find_tariffs", "tables", "tariffs"]
