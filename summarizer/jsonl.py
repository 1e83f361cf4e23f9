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
    or talk around it): from its first brace to its last; the reply as it is when it has no braces."""
    start, end = reply.find("{"), reply.rfind("}")
    return reply[start : end + 1] if 0 <= start < end else reply
