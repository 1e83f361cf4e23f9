"""JSON as this package reads it from files and from models.

JSON Lines: blank lines skipped, each other line a JSON object or nothing; one home for the rule, so suites,
batch outputs, Batch API result files and resumed runs treat a torn or foreign line the same way (each caller
decides whether such a line is an error or is skipped). A model's free-text reply: the object in it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["json_object_text", "json_objects"]


def json_objects(lines: Iterable[str | bytes]) -> Iterator[tuple[int, dict[str, Any] | None]]:
    """(1-based line number, the line's JSON object) for every non-blank line; None where the line is not a
    JSON object (bad JSON, a torn write, an array or a bare value)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError:
            value = None
        yield number, value if isinstance(value, dict) else None


def json_object_text(reply: str) -> str:
    """The JSON object in a model's free-text reply (without a grammar a small model may fence it in ```json
    or talk around it): from its first brace to its last, with quotation marks the model left unescaped
    inside a string escaped when that alone makes it valid JSON; the reply as it is when it has no braces."""
    start, end = reply.find("{"), reply.rfind("}")
    if not 0 <= start < end:
        return reply
    text = reply[start : end + 1]
    try:
        json.loads(text)
    except ValueError:
        repaired = _escape_inner_quotes(text)
        try:
            json.loads(repaired)
        except ValueError:
            return text  # not ours to guess further: validation reports it and the model is re-asked
        return repaired
    return text


def _escape_inner_quotes(text: str) -> str:
    """`"what": "won for their "courageous achievement." The team ..."` -> the inner quotes escaped. Inside
    a string, a quotation mark closes it only when what follows (spaces aside) can follow a JSON string: a
    comma, a colon, a closing bracket or the end; any other one is part of the text. Raw line breaks in a
    string become escapes too."""
    out: list[str] = []
    in_string = escaped = False
    for i, char in enumerate(text):
        if not in_string:
            in_string = char == '"'
            out.append(char)
            continue
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            rest = text[i + 1 :].lstrip()
            if not rest or rest[0] in ",:}]":
                in_string = False
            else:
                char = '\\"'
        elif char == "\n":
            char = "\\n"
        out.append(char)
    return "".join(out)
