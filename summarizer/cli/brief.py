"""`summarizer brief`, `models` and `prompts`: one article, and what is configured."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from summarizer.cli import options as opt
from summarizer.cli.app import Format, app, default_format, model_runner, read_article, write_result
from summarizer.errors import SummarizerError

__all__ = ["brief", "models", "prompts_list", "prompts_show"]

prompts_app = typer.Typer(help="List and show prompt templates.", no_args_is_help=True)
app.add_typer(prompts_app, name="prompts")


@app.command()
def brief(
    article: opt.Article,
    model: opt.Model = None,
    base_url: opt.BaseUrl = None,
    mode: opt.Mode = None,
    date: opt.Date = None,
    prompt: opt.Prompt = None,
    fmt: Annotated[
        Format | None, typer.Option("--format", "-f", help="pretty (terminal default), json, markdown, csv.")
    ] = None,
    out: opt.Out = None,
    no_cache: opt.NoCache = False,
    timeout: opt.Timeout = 60.0,
) -> None:
    """Make a brief of one article."""
    from summarizer.cli.export import brief_csv
    from summarizer.cli.render import render_markdown, render_pretty

    loaded = read_article(article, date)
    from rich.console import Console

    # A spinner on stderr while the brief is made (a terminal only: piped output stays clean).
    status = Console(stderr=True).status("briefing: reading the article, then the model writes the headline")
    with model_runner(model, base_url, mode, prompt, no_cache, timeout) as runner, status:
        result = runner.summarize(loaded)
    write_result(result, fmt or default_format(out), out, render_markdown, render_pretty, brief_csv)


@app.command()
def models() -> None:
    """Say which model is configured and whether the embedded one is installed and assembled."""
    from summarizer.llm.backends import parse_model
    from summarizer.llm.embedded import PART_COUNT, embedded_status

    configured = os.environ.get("SUMMARIZER_MODEL") or "local"
    typer.echo(
        f"default model: {configured}"
        + (" (from SUMMARIZER_MODEL)" if "SUMMARIZER_MODEL" in os.environ else "")
    )
    try:
        spec = parse_model(None)
        typer.echo(f"  resolves to: {spec.label}" + (f" at {spec.base_url}" if spec.base_url else ""))
    except SummarizerError as exc:
        typer.echo(f"  not usable: {exc}")
    status = embedded_status()
    typer.echo("embedded model (local): Qwen2.5-Coder-1.5B-Instruct Q4_K_M, run by llama-cpp-python")
    typer.echo(f"  llama-cpp-python: {'installed' if status.llama_cpp_installed else 'missing'}")
    typer.echo(f"  weight packages: {status.parts_installed}/{PART_COUNT} installed")
    typer.echo(
        f"  model file: {status.path} ({'assembled and verified' if status.assembled else 'not assembled yet'})"
    )
    if status.parts_installed < PART_COUNT or not status.llama_cpp_installed:
        typer.echo("  install it with: pip install 'summarizer[local]'")
    base = os.environ.get("OPENAI_BASE_URL")
    typer.echo(
        f"openai: OPENAI_API_KEY {'set' if os.environ.get('OPENAI_API_KEY') else 'not set'}"
        + (f", OPENAI_BASE_URL={base}" if base else "")
    )


@prompts_app.command("list")
def prompts_list() -> None:
    """List the prompt templates with their versions."""
    from summarizer.llm.prompts import list_prompts

    for p in list_prompts():
        typer.echo(f"{p.id:<12} passes: {', '.join(p.passes)}\n             {p.description}")


@prompts_app.command("show")
def prompts_show(name: Annotated[str, typer.Argument(help="Prompt name, e.g. brief")]) -> None:
    """Print a prompt's templates."""
    from summarizer.llm.prompts import load_prompt

    p = load_prompt(name)
    typer.echo(f"# {p.id}: {p.description}\n")
    for part in ("system", "article", *p.passes):
        typer.echo(f"--- {part}.jinja ---\n{p.templates[part].rstrip()}\n")
