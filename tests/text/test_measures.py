"""A figure's unit decides whether it is a measure: percent, money, distance, duration; a plain count is not."""

from __future__ import annotations

import pytest

from summarizer.text.measures import measure_kind
from summarizer.text.numbers import find_numbers


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Turnout was 70 percent.", "percent"),
        ("The fine was $2 million.", "money"),
        ("The well is 40 km from the town.", "distance"),
        ("He was held for twelve years.", "duration"),
        ("Police arrested 12 people.", None),
    ],
)
def test_the_unit_decides_the_measure(text: str, kind: str | None) -> None:
    mentions = find_numbers(text)
    assert mentions and measure_kind(mentions[0]) == kind
