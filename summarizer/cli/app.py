"""The Typer app and what every command shares: the pipeline built from the flags, input, output and errors.

The shared flags themselves are in options.py.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from summarizer import __version__

__all__ = [
    "Format",
    "app",
    "default_format",
    "fail",
    "model_runner",
    "read_article",
    "write_output",
    "write_result",
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


@contextmanager
def model_runner(
    model: str | None,
    base_url: str | None,
    mode: str | None,
    prompt: str | None,
    no_cache: bool,
    timeout: float,
) -> Iterator[Any]:
    """The library's pipeline from the flags every model-running command shares, closed when the block ends."""
    from summarizer.api import Summarizer
    from summarizer.llm.backends import RetryPolicy

    runner = Summarizer.create(
        model,
        base_url=base_url,
        prompt=prompt,
        mode=mode,
        cache=not no_cache,
        retry=RetryPolicy(timeout=timeout),
    )
    try:
        yield runner
    finally:
        runner.close()


def read_article(article: str, date: str | None) -> Any:
    """The article a command names: a file, or `-` for standard input."""
    from summarizer.articles import load_article

    stdin = sys.stdin.buffer.read() if article == "-" else None
    return load_article(article, date=date, stdin=stdin)


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


def write_result(
    result: Any,
    chosen: str,
    out: Path | None,
    markdown: Callable[[Any], str],
    pretty: Callable[[Any, Any], None],
    csv: Callable[..., str] | None = None,
) -> None:
    """A brief or story brief as `chosen` (a format's name): the contract's JSON, Markdown, CSV (with a
    byte-order mark in a file) or the rich view, on the terminal or into `out` at 120 columns."""
    if chosen == Format.json:
        text = json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2) + "\n"
    elif chosen == Format.markdown:
        text = markdown(result)
    elif chosen == Format.csv and csv is not None:
        text = csv(result, bom=out is not None)
    else:
        _write_pretty(result, out, pretty)
        return
    write_output(text, out)


def _write_pretty(result: Any, out: Path | None, pretty: Callable[[Any, Any], None]) -> None:
    from rich.console import Console

    if out is None:
        pretty(result, Console())
        return
    with out.open("w", encoding="utf-8") as handle:
        pretty(result, Console(file=handle, width=120))
