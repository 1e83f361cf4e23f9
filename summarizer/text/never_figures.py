"""Numbers the contract says are never figures: phone numbers, street and block numbers, list numbering, page,
section, mile-marker, log and tip-line numbers. They are dropped before counting.py reads what a number
counts."""

from __future__ import annotations

import re

from summarizer.text.numbers import NumberMention

__all__ = ["never_a_figure"]

_NOT_BEFORE = re.compile(
    r"(?:\b(?:page|pages|p\.|section|sections|chapter|article|articles|no\.|number|room|flight|route|highway|"
    r"interstate|channel|episode|season|verse|rule|clause|paragraph|item|step|part|volume|vol\.|issue|"
    r"platform|gate|exit|line|bus|apartment|apt\.|suite|unit|box|ext\.|extension|marker|markers|milepost|log|"
    r"reference|ref\.|badge|docket)\s*#?)$",
    re.I,
)

_PHONE = re.compile(r"^\(?\d{3}\)?[\s.-]?\d{3,4}(?:[\s.-]\d{4})?$")

_STREET = re.compile(
    r"^\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Drive|Dr\.?|"
    r"Way|Place|Court|Highway|Hwy)\b"
)


def never_a_figure(mention: NumberMention, text: str) -> bool:
    """Phone numbers, street and block numbers, list numbering, page and section numbers (the contract)."""
    if (_PHONE.match(mention.text) and "-" in mention.text) or re.match(
        r"\s*[-.]\d{4}\b", text[mention.end :]
    ):
        return True
    before = text[max(0, mention.start - 20) : mention.start]
    if _NOT_BEFORE.search(before.rstrip()) and not mention.quantity.unit:
        return True
    if re.search(r"\b(?:call|calling|called|dial|dialling|dialing|text)\s+$", before, re.I) and re.fullmatch(
        r"\d{3,}", mention.text
    ):
        return True  # "call 101", "dial 911": a number to call
    after = text[mention.end : mention.end + 60]
    if re.match(r"\s+block\b", after, re.I) or _STREET.match(after):
        return True
    line_start = text.rfind("\n", 0, mention.start) + 1
    return bool(re.fullmatch(r"\s*", text[line_start : mention.start])) and bool(re.match(r"[.)]\s", after))
