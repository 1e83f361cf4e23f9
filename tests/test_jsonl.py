"""The JSON object in a small model's free-text reply: fences and chatter dropped, inner quotation marks the
model left unescaped repaired only when that alone makes the reply valid JSON."""

from __future__ import annotations

import json

import pytest

from summarizer.jsonl import json_object_text, json_objects


def test_fences_and_chatter_around_the_object_are_dropped() -> None:
    reply = 'Here is the brief:\n```json\n{"headline": "Floods", "what": "Rivers rose."}\n```\nDone.'
    assert json.loads(json_object_text(reply)) == {"headline": "Floods", "what": "Rivers rose."}


def test_quotation_marks_left_unescaped_inside_a_string_are_escaped() -> None:
    # the embedded model's own reply for one core article, recorded when the grammar was dropped
    reply = (
        '{   "headline": "Afghan Girls Team Wins Robotics Prize",   "what": "The team won for their '
        '"courageous achievement. " The team was awarded a silver medal. " }'
    )
    fixed = json.loads(json_object_text(reply))
    assert fixed["what"] == (
        'The team won for their "courageous achievement. " The team was awarded a silver medal. '
    )
    assert json.loads(json_object_text('{"what": "line one\nline two"}')) == {"what": "line one\nline two"}


@pytest.mark.parametrize(
    "reply",
    [
        '{"what": "he said "yes", then left"}',  # a quote before a comma looks like the string's end
        '{"what": "cut short',
        "no object at all",
    ],
)
def test_a_reply_repair_cannot_make_valid_is_passed_on_as_it_is(reply: str) -> None:
    text = json_object_text(reply)
    assert text in reply  # validation reports it and the model is re-asked; nothing is invented


def test_json_lines_skip_blanks_and_mark_bad_lines() -> None:
    lines = ['{"a": 1}', "", "not json", "[1, 2]", '{"b": 2}']
    assert list(json_objects(lines)) == [(1, {"a": 1}), (3, None), (4, None), (5, {"b": 2})]
