"""One entity under several names: surnames, head words, body suffixes; never two different people."""

from __future__ import annotations

import pytest

from summarizer.text.entity_joins import same_entity


@pytest.mark.parametrize(
    ("short", "long", "same"),
    [
        ("Mujahid", "Zabihullah Mujahid", True),
        ("Ministry", "Defense Ministry", True),
        ("Odell Park Police", "Odell Park Police Department", True),
        ("Apple", "Apple Inc.", True),
        ("Police", "Odell Park Police Department", False),  # a head word that is not the last one
        ("Odell Park", "Odell Park Police Department", False),  # the town is not its police
        ("Hillary Clinton", "Bill Clinton", False),  # two people who share a surname
        ("Shivnagar", "Water Treatment Plant, Shivnagar", False),  # the plant lies in Shivnagar
    ],
)
def test_same_entity(short: str, long: str, same: bool) -> None:
    assert same_entity(short, long) is same
