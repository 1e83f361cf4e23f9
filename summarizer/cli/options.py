"""The flags several commands share, as annotated types: `model: opt.Model = None`.

Imported as a module (`from summarizer.cli import options as opt`), so a command names what it takes where it
takes it, and a flag's name and help are written once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = [
    "Article",
    "BaseUrl",
    "Concurrency",
    "Date",
    "Mode",
    "Model",
    "NoCache",
    "Out",
    "Prompt",
    "Timeout",
]

Model = Annotated[
    str | None,
    typer.Option(
        "--model", "-m", help="local (default), local:/path/model.gguf or openai:NAME. Env: SUMMARIZER_MODEL."
    ),
]
BaseUrl = Annotated[
    str | None,
    typer.Option(
        "--base-url", help="OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1. Env: OPENAI_BASE_URL."
    ),
]
Mode = Annotated[
    str | None,
    typer.Option(
        "--mode",
        help="Structured output: auto, tools (openai: only), json_schema or json_object (a grammar, for local).",
    ),
]
Prompt = Annotated[
    str | None, typer.Option("--prompt", help="Prompt template name (see `summarizer prompts list`).")
]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Ignore cached answers (calls are still logged).")]
Timeout = Annotated[float, typer.Option("--timeout", help="Seconds per HTTP call to the model server.")]
Concurrency = Annotated[
    int,
    typer.Option(
        "--concurrency",
        "-j",
        min=1,
        help="Articles briefed at once; the local model answers one call at a time.",
    ),
]

Article = Annotated[str, typer.Argument(help="Article file (.txt, .md, .html) or - for standard input.")]
Date = Annotated[str | None, typer.Option("--date", help="Article date YYYY-MM-DD (else from the text).")]
Out = Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")]
