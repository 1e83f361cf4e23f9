"""The shared English vocabulary of the text readers: number words, calendar names.

Why one module: the number finder, the date finder and the scorers all read "three", "dozen" or "May", and a
word list kept in three places drifts (one list learns "ninety", another never does). Every reader imports its
words from here and derives what it needs (a regular expression, a `Decimal` table). Only plain data: all keys
are lowercase, and each table is immutable.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = [
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "NUMBER_WORDS",
    "ORDINAL_WORDS",
    "ROUGH_SCALE_WORDS",
    "SCALE_ABBREVIATIONS",
    "SCALE_WORDS",
    "TENS_WORDS",
    "VAGUE_NUMBER_WORDS",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
]


def _numbered(words: str, start: int = 0, step: int = 1) -> Mapping[str, int]:
    return MappingProxyType({word: start + step * i for i, word in enumerate(words.split())})


NUMBER_WORDS: Final = _numbered(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
)
"""The one-word numbers below twenty, in order: "zero" -> 0 ... "nineteen" -> 19."""

TENS_WORDS: Final = _numbered("twenty thirty forty fifty sixty seventy eighty ninety", start=20, step=10)
"""The tens: "twenty" -> 20 ... "ninety" -> 90."""

SCALE_WORDS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "dozen": 12,
        "hundred": 100,
        "thousand": 10**3,
        "lakh": 10**5,
        "lakhs": 10**5,
        "million": 10**6,
        "crore": 10**7,
        "crores": 10**7,
        "billion": 10**9,
        "trillion": 10**12,
    }
)
"""Words that multiply the number before them ("three dozen", "1.2 million"; lakh and crore from South Asian
English)."""

ROUGH_SCALE_WORDS: Final = frozenset({"dozen", "hundred", "thousand", "million", "billion"})
"""The scale words that "several" and "a few" multiply in news copy ("several hundred", "a few million")."""

SCALE_ABBREVIATIONS: Final[Mapping[str, int]] = MappingProxyType(
    {"bn": 10**9, "bln": 10**9, "mn": 10**6, "mln": 10**6, "tn": 10**12, "trn": 10**12}
)
"""Abbreviated scale words that need no currency before them ("3bn", "40 mln")."""

VAGUE_NUMBER_WORDS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "tens": 10,
        "dozens": 24,
        "scores": 40,
        "hundreds": 100,
        "thousands": 1000,
        "millions": 10**6,
        "billions": 10**9,
        "trillions": 10**12,
    }
)
"""Plural number words, each with the least it can mean: "dozens" is at least two dozen, "hundreds" at least one
hundred (a news figure's lower bound, shared/CONTRACT.md `approx` "at_least")."""

ORDINAL_WORDS: Final = _numbered(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth", start=1
)
"""Ordinals as words: positions, never figures ("the first"), and "thirty-first" is a day, not 30."""

MONTHS: Final = _numbered(
    "january february march april may june july august september october november december", start=1
)
"""Month names -> month number."""

MONTH_ABBREVIATIONS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "jan": 1,
        "feb": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sept": 9,
        "sep": 9,
        "oct": 10,
        "nov": 11,
        "dec": 12,
    }
)
"""Month abbreviations as news copy writes them (with or without a full stop); "sept" before "sep", so a
regular expression built from them in this order tries the longer one first."""

WEEKDAYS: Final = _numbered("monday tuesday wednesday thursday friday saturday sunday")
"""Weekday names -> `datetime.date.weekday()` (Monday 0)."""

WEEKDAY_ABBREVIATIONS: Final[Mapping[str, int]] = MappingProxyType(
    {"mon": 0, "tues": 1, "tue": 1, "wed": 2, "thurs": 3, "thur": 3, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
)
"""Weekday abbreviations, longest first for each day."""
