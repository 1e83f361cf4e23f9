"""Counts said without a numeral: "a fourth victim died" (a toll), one person counted by "a" or "the fourth
victim", zero by "no one"."""

from __future__ import annotations

import pytest

from summarizer.text.nlp import parse
from summarizer.text.unnumbered import single_casualties, victim_ordinals


@pytest.mark.parametrize(
    "text",
    [
        "A fourth victim has died in hospital, police said. He finished third in 2019.",
        "The fourth victim of last week's pile-up was pronounced dead on Monday. He finished third in 2019.",
    ],
)
def test_the_nth_of_an_events_dead_is_a_toll_of_at_least_that_many(text: str) -> None:
    found = victim_ordinals(parse(text))
    assert [(m.text, m.quantity.value, m.quantity.approx, c.counts, c.kind) for m, c in found] == [
        ("fourth", 4.0, "at_least", "people killed", "killed")
    ]
    assert text[found[0][0].start : found[0][0].end] == "fourth"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one of the victims the article lists ("The victims, ages 28, 27, 25 and 22, ..."), not a toll of four
        (
            "The fourth victim, a 22-year-old man, was pronounced dead at the hospital.",
            [("The fourth victim", 1.0, "victim killed")],
        ),
        ("The second victim was wounded in the arm.", [("The second victim", 1.0, "victim injured")]),
        # "a second man" after a first victim is one more person, not two of his kind
        (
            "A second man, aged 19, was taken to hospital with life-threatening injuries.",
            [("A second man", 1.0, "man injured")],
        ),
    ],
)
def test_an_ordinal_victim_is_one_person(text: str, expected: list[tuple[str, float, str]]) -> None:
    doc = parse(text)
    assert victim_ordinals(doc) == []
    assert [(m.text, m.quantity.value, c.counts) for m, c in single_casualties(doc)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A woman, 34, died at the scene.", [("A woman", "woman killed", "killed")]),
        ("The gunman killed a man and fled.", [("a man", "man killed", "killed")]),
        ("A passenger was hurt when the bus hit a wall.", [("A passenger", "passenger injured", "injured")]),
        ("A 17-year-old boy and a 19-year-old man were killed.", []),  # two, not one
        ("A man walked into the bank.", []),
        (
            "His passenger was thrown from the bike and suffered injuries.",
            [("His passenger", "passenger injured", "injured")],
        ),
        ("His wife called police.", []),
        ("The homeopath decided to treat his daughter himself.", []),  # family care, no casualty
        ("A Cubs fan holds up a sign during the game.", []),  # holding a sign is no arrest
        ("A MAN has died after a crash on the motorway.", [("A MAN", "man killed", "killed")]),
        # the killer is no casualty; his wife is one
        ("A man killed his wife at their home on Sunday.", [("his wife", "wife killed", "killed")]),
        ("A neighbour took him to hospital.", [("him", "person injured", "injured")]),  # not the neighbour
        ("No one was killed, police said.", [("No one", "people killed", "killed")]),
        ("No injuries were reported.", [("No injuries", "people injured", "injured")]),
        ("No one else was hurt.", []),
        ("A gunman opened fire.", []),
        # a life claimed; "the" and a name count only a victim; a denied event counts no one
        (
            "The fire claimed the life of a 78-year-old woman.",
            [("a 78-year-old woman", "woman killed", "killed")],
        ),
        (
            "The driver of the Toyota was taken to hospital with injuries.",
            [("The driver", "driver injured", "injured")],
        ),
        (
            "Travis Dwayne Hebert, 33, died from his injuries.",
            [("Travis Dwayne Hebert", "person killed", "killed")],
        ),
        ("The suspect was arrested on Monday.", [("The suspect", "suspect arrested", "arrested")]),
        ("A man was not injured.", []),
        ("Senator Ann Cole was hurt by the decision.", []),
        # two people without a numeral
        ("An elderly couple has died in a house fire.", [("An elderly couple", "couple killed", "killed")]),
        ("Both were pronounced dead at the scene.", [("Both", "people killed", "killed")]),
        ("A couple of men were arrested.", []),
        # a victim named before: a participle of the person's own, a pronoun
        ("The woman killed in the attack has been named.", [("The woman", "woman killed", "killed")]),
        (
            "Hundreds mourned her, a day after the attack that killed her.",
            [("her", "person killed", "killed")],
        ),
        ("He died in hospital on Tuesday.", [("He", "person killed", "killed")]),
        (
            "A man died after he was shot late Friday.",
            [("A man", "man killed", "killed")],
        ),  # one death, no wound
        ("She was taken to hospital and treated.", [("She", "person injured", "injured")]),
        # taken to hospital and dead there: one killed, counted once
        (
            "The victim was rushed to hospital but was pronounced dead on arrival.",
            [("The victim", "victim killed", "killed")],
        ),
        (
            "A man shot by officers was taken to a hospital where he was pronounced dead.",
            [("A man", "man killed", "killed")],
        ),
        (
            "A woman was taken by ambulance to University Hospital Lisnagree with serious injuries.",
            [("A woman", "woman injured", "injured")],
        ),
        ("The church imprisoned her for twelve years.", []),
    ],
)
def test_one_person_counted_by_a_is_one(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = single_casualties(parse(text))
    assert [(m.text, c.counts, c.kind) for m, c in found] == expected
    assert all(m.quantity.value in {0.0, 1.0, 2.0} and text[m.start : m.end] == m.text for m, _ in found)


def test_a_person_the_sentence_adds_is_listed_beside_a_numeral_of_the_same_kind() -> None:
    text = "Three were taken to hospitals. A firefighter also suffered a minor burn. A woman was treated for smoke."
    found = single_casualties(parse(text), frozenset({"injured"}))
    assert [(m.text, c.kind) for m, c in found] == [("A firefighter", "injured")]


def test_in_separate_incidents_each_person_counts_beside_the_total() -> None:
    text = (
        "Seven people were shot, two fatally, in four separate incidents this weekend. "
        "A 22-year-old man was fatally shot outside a store. A woman was shot in the leg in a park."
    )
    found = single_casualties(parse(text), frozenset({"killed", "injured"}))
    assert [(m.text, c.kind) for m, c in found] == [("A 22-year-old man", "killed"), ("A woman", "injured")]
