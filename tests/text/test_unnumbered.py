"""Counts said without a numeral: an ordinal on a casualty, one person counted by "a", zero by "no one"."""

from __future__ import annotations

import pytest

from summarizer.text.nlp import parse
from summarizer.text.unnumbered import single_casualties, victim_ordinals


def test_an_ordinal_on_a_casualty_is_at_least_that_many() -> None:
    text = "The fourth victim, a 22-year-old man, was pronounced dead at the hospital. He finished third in 2019."
    found = victim_ordinals(parse(text))
    assert [(m.text, m.quantity.value, m.quantity.approx, c.counts, c.kind) for m, c in found] == [
        ("fourth", 4.0, "at_least", "people killed", "killed")
    ]
    assert text[found[0][0].start : found[0][0].end] == "fourth"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A woman, 34, died at the scene.", [("A woman", "woman killed", "killed")]),
        ("The gunman killed a man and fled.", [("a man", "man killed", "killed")]),
        ("A passenger was hurt when the bus hit a wall.", [("A passenger", "passenger injured", "injured")]),
        ("A 17-year-old boy and a 19-year-old man were killed.", []),  # two, not one
        ("A man walked into the bank.", []),
        ("A MAN has died after a crash on the motorway.", [("A MAN", "man killed", "killed")]),
        ("A man killed his wife at their home on Sunday.", []),  # the killer is no casualty
        ("A neighbour took him to hospital.", []),
        ("No one was killed, police said.", [("No one", "people killed", "killed")]),
        ("No injuries were reported.", [("No injuries", "people injured", "injured")]),
        ("No one else was hurt.", []),
        ("A gunman opened fire.", []),
    ],
)
def test_one_person_counted_by_a_is_one(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = single_casualties(parse(text))
    assert [(m.text, c.counts, c.kind) for m, c in found] == expected
    assert all(m.quantity.value in {0.0, 1.0} and text[m.start : m.end] == m.text for m, _ in found)
