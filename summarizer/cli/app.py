"""The Typer app and what every command shares: flags, the pipeline built from them, output and errors."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from summarizer import __version__

__all__ = [
    "BaseUrlOpt",
    "Format",
    "ModeOpt",
    "ModelOpt",
    "NoCacheOpt",
    "PromptOpt",
    "TimeoutOpt",
    "app",
    "default_format",
    "fail",
    "make_runner",
    "write_output",
]

app = typer.Typer(
    name="summarizer",
    help="Turn a news article into a grounded brief; score briefs against references.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    pretty = "pretty"
    json = "json"
    markdown = "markdown"
    csv = "csv"


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"summarizer: error: {' '.join(message.split())}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summarizer {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """summarizer: news article -> brief (who, what, where, when, figures and who claims them)."""


ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model", "-m", help="local (default), local:/path/model.gguf or openai:NAME. Env: SUMMARIZER_MODEL."
    ),
]
BaseUrlOpt = Annotated[
    str | None,
    typer.Option(
        "--base-url", help="OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1. Env: OPENAI_BASE_URL."
    ),
]
ModeOpt = Annotated[
    str | None,
    typer.Option(
        "--mode", help="Structured output for openai:MODEL: auto, tools, json_schema or json_object."
    ),
]
PromptOpt = Annotated[
    str | None, typer.Option("--prompt", help="Prompt template name (see `summarizer prompts list`).")
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Ignore cached answers (calls are still logged).")
]
TimeoutOpt = Annotated[float, typer.Option("--timeout", help="Seconds per HTTP call to the model server.")]


def make_runner(
    model: str | None,
    base_url: str | None,
    mode: str | None,
    prompt: str | None,
    no_cache: bool,
    timeout: float,
) -> Any:
    """The library's pipeline from the flags every model-running command shares."""
    from summarizer.api import Summarizer
    from summarizer.llm.backends import RetryPolicy

    return Summarizer.create(
        model,
        base_url=base_url,
        prompt=prompt,
        mode=mode,
        cache=not no_cache,
        retry=RetryPolicy(timeout=timeout),
    )


def default_format(out: Path | None) -> Format:
    if out is not None:
        suffixes = {".json": Format.json, ".md": Format.markdown, ".csv": Format.csv}
        return suffixes.get(out.suffix.lower(), Format.markdown)
    return Format.pretty if sys.stdout.isatty() else Format.markdown


def write_output(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror}")
