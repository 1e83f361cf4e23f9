"""Injured without an injury verb: hospital, treatment, condition, suffered wounds; never the carer."""

from __future__ import annotations

import pytest

from summarizer.text.care import cared_for
from summarizer.text.nlp import parse


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("Two men were rushed to the district hospital.", "rushed", "injured"),
        ("Three passengers suffered fatal injuries.", "suffered", "killed"),
        ("Four of them are in a critical condition.", "are", "injured"),
        ("Seven people remained in serious condition.", "remained", "injured"),
        ("Three are still in hospital.", "are", "injured"),
        ("Two nurses were in the hospital canteen.", "were", None),
        ("The guests were treated to lunch.", "treated", None),
        ("Two doctors treated the victims.", "treated", None),  # the carer, as the subject below
        ("The team took the trophy to the hall.", "took", None),
    ],
)
def test_what_care_says(sentence: str, verb: str, expected: str | None) -> None:
    doc = parse(sentence)
    governor = next(t for t in doc if t.text == verb)
    subject = next((c for c in governor.children if c.dep_ == "nsubj"), None)
    care = cared_for(governor, subject)
    assert (care[0] if care else None) == expected, (sentence, care)
