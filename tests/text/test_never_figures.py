"""The contract's "never a figure" rule: phone, street, block, page, list, mile-marker, log and tip-line
numbers are dropped; real figures beside them are kept."""

from __future__ import annotations

import pytest

from summarizer.text.never_figures import never_a_figure
from summarizer.text.numbers import find_numbers

NEVER = [
    ("For tickets call 262-4000 before Friday.", "262-4000"),
    ("The shooting happened in the 700 block of Main Street.", "700"),
    ("He lives at 45 Oak Street with his family.", "45"),
    ("The rule is set out on page 4 of the report.", "4"),
    ("The details are in section 12 of the act.", "12"),
    ("Rules:\n1. Keep left.\n2. Stop at the line.", "1"),
    ("The crash closed the road near mile marker 14 for hours.", "14"),
    ("Anyone with information should call 101 quoting log 0743.", "101"),
    ("Anyone with information should call 101 quoting log 0743.", "0743"),
]


@pytest.mark.parametrize(("text", "number"), NEVER)
def test_phone_street_block_page_and_list_numbers_are_never_figures(text: str, number: str) -> None:
    # the number finder drops some of these itself; whatever it finds, the rule drops
    kept = [m for m in find_numbers(text) if m.text == number and not never_a_figure(m, text)]
    assert kept == []


def test_real_figures_beside_them_are_kept() -> None:
    text = "Police said 3 people were hurt in the 700 block of Main Street; call 262-4000 with tips."
    kept = [m.text for m in find_numbers(text) if not never_a_figure(m, text)]
    assert kept == ["3"]
