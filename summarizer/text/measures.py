"""Figures whose unit decides their kind: percent, money, distance, duration. Counting reads these before any
casualty rule: "for twelve years", "70 percent" and "120 km" are measures, never counts of people."""

from __future__ import annotations

from summarizer.text.numbers import NumberMention

__all__ = ["DISTANCE_UNITS", "DURATION_UNITS", "measure_kind"]

DURATION_UNITS = {"years", "year", "days", "day", "hours", "hour", "months", "month", "weeks", "week"}
DURATION_UNITS |= {"minutes", "minute", "seconds", "second", "decades", "decade"}
DISTANCE_UNITS = {"km", "miles", "mile", "m", "metres", "meters", "feet", "ft", "kilometres", "kilometers"}


def measure_kind(mention: NumberMention) -> str | None:
    """The kind of a figure its unit decides: percent, money (a currency code or sign), distance, duration."""
    written = mention.quantity.unit or ""
    unit = written.lower()
    if unit == "%":
        return "percent"
    if written.isupper() or unit in {"usd", "eur", "gbp"} or mention.text[:1] in "$€£¥":
        return "money"
    if unit in DISTANCE_UNITS:
        return "distance"
    if unit in DURATION_UNITS:
        return "duration"
    return None
