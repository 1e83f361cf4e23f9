"""The keyed answers (names -> kinds, numbers -> what they count) are built without a pydantic field per key;
their schema and their verdicts must be exactly those of the pydantic models they replace."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from summarizer.text.attribution import proper_nouns
from summarizer.text.numbers import find_numbers
from summarizer.llm.answers import Kind, counts_model, kinds_model
from summarizer.text.segments import sentences

from conftest import ROOT


class _Reference(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


def reference_kinds(names: tuple[str, ...]) -> type[BaseModel]:
    fields: dict[str, Any] = {
        f"n{i}": (Kind, Field(alias=name, description=f"What {name} is in the article."))
        for i, name in enumerate(names)
    }
    return create_model("NameKinds", __base__=_Reference, **fields)


def reference_counts(keys: tuple[str, ...]) -> type[BaseModel]:
    fields: dict[str, Any] = {
        f"n{i}": (
            str,
            Field(alias=key, max_length=60, description="What this number counts, in a few words."),
        )
        for i, key in enumerate(keys)
    }
    return create_model("FigureCounts", __base__=_Reference, **fields)


def _candidates() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    found = []
    for path in sorted((ROOT / "evals" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        names = tuple(name for name, _ in proper_nouns(text, sentences(text), limit=32))
        keys = tuple(f"{i + 1}: {m.text}" for i, m in enumerate(find_numbers(text)[:40]))
        found.append((names, keys))
    odd = (
        "UN",
        "Afghanistan's Defense Ministry",
        "al_Qaeda",
        " spaced ",
        "Ünal Çelik",
        "O'Neil",
        "e.g.",
        "1: 3",
    )
    found.append((odd, odd))
    return found


@pytest.mark.parametrize("names,keys", _candidates())
def test_schemas_are_byte_for_byte_what_pydantic_generates(
    names: tuple[str, ...], keys: tuple[str, ...]
) -> None:
    assert json.dumps(kinds_model(names).model_json_schema()) == json.dumps(
        reference_kinds(names).model_json_schema()
    )
    assert json.dumps(counts_model(keys).model_json_schema()) == json.dumps(
        reference_counts(keys).model_json_schema()
    )


def _verdict(model: type[BaseModel], text: str) -> list[Any] | None:
    try:
        out = model.model_validate_json(text, strict=True)
    except ValidationError:
        return None
    answers = getattr(out, "answers", None)
    return answers() if answers else [getattr(out, f"n{i}") for i in range(len(type(out).model_fields))]


ANSWERS = [
    '{"A": "person", "B": "city"}',
    '{"B": "city", "A": "person"}',
    '{"A": "person", "B": "city", "C": "none"}',
    '{"A": "person"}',
    '{"A": "persons", "B": "city"}',
    '{"A": 3, "B": "city"}',
    '{"A": null, "B": "city"}',
    "[]",
    '"person"',
    '{"A": "' + "x" * 61 + '", "B": "ok"}',
    '{"A": "' + "x" * 60 + '", "B": "ok"}',
    '{"A": "two dead", "B": ""}',
    '{"a": "person", "B": "city"}',
]


@pytest.mark.parametrize("answer", ANSWERS)
def test_verdicts_match_the_pydantic_models(answer: str) -> None:
    keys = ("A", "B")
    assert _verdict(kinds_model(keys), answer) == _verdict(reference_kinds(keys), answer)
    assert _verdict(counts_model(keys), answer) == _verdict(reference_counts(keys), answer)


def test_answers_cached_in_the_older_n_index_form_still_read_and_dump_keyed() -> None:
    model = counts_model(("1: 50", "2: over 60"))
    old = model.model_validate_json('{"n0": "militants killed", "n1": "wounded"}')
    assert old.answers() == ["militants killed", "wounded"]
    assert json.loads(old.model_dump_json()) == {"1: 50": "militants killed", "2: over 60": "wounded"}
    assert model.model_validate_json(old.model_dump_json()).answers() == old.answers()
