"""`summarizer view`: open a brief, story brief or eval run (or two) as a local web page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summarizer.cli.app import app

__all__ = ["view"]


@app.command()
def view(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="A brief JSON, a story brief JSON, or an eval run (directory or run.json). "
            "Default: the newest runs/*/run.json."
        ),
    ] = None,
    article: Annotated[
        list[Path] | None,
        typer.Option(
            "--article",
            "-a",
            help="The article a brief was made from; for a story, each article (repeat the option).",
        ),
    ] = None,
    suite: Annotated[
        Path | None,
        typer.Option("--suite", help="Find a brief's article in this eval suite, by its sha256."),
    ] = None,
    compare: Annotated[
        Path | None, typer.Option("--compare", help="A second eval run: compare PATH (A) with it (B).")
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(
            "--port", "-p", min=0, max=65535, help="Port on 127.0.0.1 (default 8765, else a free one)."
        ),
    ] = None,
) -> None:
    """Serve a page on 127.0.0.1 showing a brief over its article, a story's reports, or eval runs."""
    from summarizer.view import load_target, serve

    target = load_target(path, articles=article or [], suite=suite, compare=compare)

    def announce(url: str) -> None:
        typer.echo(f"summarizer view: {target.kind} {target.label} at {url} (Ctrl-C stops it)")

    serve(target, port, announce)
