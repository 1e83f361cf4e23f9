"""`summarizer schema`: the JSON Schema of what the commands print, generated from the pydantic models.

Why generated: the models in `summarizer/contract.py` (and the eval run's in `evaluation/runner.py`) are the
contract's one home, so the schema files under `schemas/` are their output, never written by hand; a test keeps
the committed files identical to it. docs/CONTRACT.md describes the same shapes for people.
"""

from __future__ import annotations

import importlib
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from summarizer.cli.app import app, write_output

__all__ = ["SCHEMAS", "Target", "schema", "schema_text"]


class Target(StrEnum):
    brief = "brief"
    story = "story"
    run = "run"


SCHEMAS: dict[Target, tuple[str, str]] = {
    Target.brief: (
        "summarizer.contract:Brief",
        "A brief: `summarizer brief ARTICLE --format json` (CONTRACT §1).",
    ),
    Target.story: (
        "summarizer.contract:StoryBrief",
        "A story brief: `summarizer story ... --format json` (§4).",
    ),
    Target.run: ("summarizer.evaluation.runner:EvalRun", "An eval run: `summarizer eval SUITE --json` (§3)."),
}
"""Each schema: the model it is generated from (module:class, imported only when asked) and what prints it."""

_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _model(name: Target) -> Any:
    module, _, attribute = SCHEMAS[name][0].partition(":")
    return getattr(importlib.import_module(module), attribute)


def schema_text(name: Target) -> str:
    """The JSON Schema of `name` as the committed `schemas/NAME.schema.json` holds it (2-space JSON)."""
    generated = _model(name).model_json_schema(mode="serialization")
    document = {"$schema": _DIALECT, "$comment": SCHEMAS[name][1], **generated}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


@app.command()
def schema(
    target: Annotated[Target, typer.Argument(help="Which object: brief, story or run.")] = Target.brief,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to FILE instead of stdout.")] = None,
) -> None:
    """Print the JSON Schema of a brief, a story brief or an eval run (generated from the models)."""
    write_output(schema_text(target), out)
