"""Which `who` entry a source names: the rule every brief uses, model-written or read by code."""

from __future__ import annotations

import pytest

from summarizer.briefing.grounding import match_person, source_for
from summarizer.contract import Person

PEOPLE = [
    Person(name="Daniel Reyes", kind="person", role="Police Chief", aliases=["Police Chief Daniel Reyes"]),
    Person(name="Defense Ministry", kind="government", role=None, aliases=["Ministry"]),
    Person(name="Zabihullah Mujahid", kind="person", role="Taliban Spokesman", aliases=["Mujahid"]),
]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Daniel Reyes", "Daniel Reyes"),
        ("Reyes", "Daniel Reyes"),
        ("Police Chief Daniel Reyes", "Daniel Reyes"),
        ("the police chief", "Daniel Reyes"),  # a title word names the person who holds it
        ("Mujahid", "Zabihullah Mujahid"),
        ("Ministry", "Defense Ministry"),
        ("police", None),  # a body is not its chief: "police said" stays police
    ],
)
def test_a_source_names_the_entry_by_its_name_or_its_title(source: str, expected: str | None) -> None:
    person = match_person(source, PEOPLE)
    assert (person.name if person else None) == expected


def test_a_source_no_entry_names_keeps_the_articles_spelling() -> None:
    article = "Two suspects were arrested overnight, police said."
    assert source_for("police", article, PEOPLE) == "police"
