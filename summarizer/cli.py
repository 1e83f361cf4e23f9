"""The command line, thin over the library: parse flags, call it, print. Errors are one line and an exit code."""

from __future__ import annotations

import json
import os
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from . import __version__
from .errors import SummarizerError

__all__ = ["app", "main"]

app = typer.Typer(
    name="summarizer",
    help="Turn a news article into a grounded brief; score briefs against references.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
prompts_app = typer.Typer(help="List and show prompt templates.", no_args_is_help=True)
app.add_typer(prompts_app, name="prompts")


class Format(StrEnum):
    pretty = "pretty"
    json = "json"
    markdown = "markdown"


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


@app.command()
def brief(
    article: Annotated[str, typer.Argument(help="Article file (.txt, .md, .html) or - for standard input.")],
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    date: Annotated[
        str | None, typer.Option("--date", help="Article date YYYY-MM-DD (else from the text).")
    ] = None,
    prompt: PromptOpt = None,
    fmt: Annotated[
        Format | None, typer.Option("--format", "-f", help="pretty (terminal default), json, markdown.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")
    ] = None,
    no_cache: NoCacheOpt = False,
    timeout: TimeoutOpt = 60.0,
) -> None:
    """Make a brief of one article."""
    from .articles import load_article
    from .render import render_markdown, render_pretty

    stdin = sys.stdin.buffer.read() if article == "-" else None
    loaded = load_article(article, date=date, stdin=stdin)
    runner = _runner(model, base_url, mode, prompt, no_cache, timeout)
    try:
        result = runner.summarize(loaded)
    finally:
        runner.close()
    chosen = fmt or _default_format(out)
    if chosen is Format.json:
        text = json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2) + "\n"
    elif chosen is Format.markdown:
        text = render_markdown(result)
    else:
        from rich.console import Console

        if out is None:
            render_pretty(result, Console())
            return
        with out.open("w", encoding="utf-8") as handle:
            render_pretty(result, Console(file=handle, width=120))
        return
    _write(text, out)


def _runner(
    model: str | None,
    base_url: str | None,
    mode: str | None,
    prompt: str | None,
    no_cache: bool,
    timeout: float,
) -> Any:
    """The library's pipeline from the flags every model-running command shares."""
    from .api import Summarizer
    from .providers import RetryPolicy

    return Summarizer.create(
        model,
        base_url=base_url,
        prompt=prompt,
        mode=mode,
        cache=not no_cache,
        retry=RetryPolicy(timeout=timeout),
    )


def _default_format(out: Path | None) -> Format:
    if out is not None:
        return {".json": Format.json, ".md": Format.markdown}.get(out.suffix.lower(), Format.markdown)
    return Format.pretty if sys.stdout.isatty() else Format.markdown


def _write(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror}")


@app.command()
def models() -> None:
    """Say which model is configured and whether the embedded one is installed and assembled."""
    from .embedded import PART_COUNT, embedded_status
    from .providers import parse_model

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


@app.command("eval")
def eval_(
    suite: Annotated[str, typer.Argument(help="Suite file (JSONL), or `compare` followed by two runs.")],
    runs: Annotated[
        list[str] | None, typer.Argument(help="With `compare`: RUN_A RUN_B (run.json files or dirs).")
    ] = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    prompt: PromptOpt = None,
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-j", min=1, help="Cases in flight at once.")
    ] = 1,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N cases.")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Directory for run.json and report.html.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run JSON instead of tables.")] = False,
    fail_under: Annotated[
        list[str] | None,
        typer.Option("--fail-under", help="FIELD=VALUE, e.g. figures.f1=0.5: exit 1 if below."),
    ] = None,
    no_cache: NoCacheOpt = False,
    timeout: TimeoutOpt = 60.0,
) -> None:
    """Run a model over an eval suite and score every field; or `eval compare RUN_A RUN_B`."""
    from rich.console import Console

    from .evaluation.report import render_compare, render_html, render_table
    from .evaluation.runner import load_run

    if suite == "compare":
        if not runs or len(runs) != 2:
            fail("usage: summarizer eval compare RUN_A RUN_B", 2)
        render_compare(load_run(runs[0]), load_run(runs[1]), Console())
        return
    if runs:
        fail(f"unexpected arguments: {' '.join(runs)}", 2)
    gates = _parse_gates(fail_under or [])
    run = _run_eval(
        suite, model, base_url, mode, prompt, concurrency, limit, no_cache, timeout, quiet=as_json
    )
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
            (out / "run.json").write_text(
                json.dumps(run.contract_dict(), ensure_ascii=False, indent=1) + "\n"
            )
            (out / "report.html").write_text(render_html(run), encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write the run to {out}: {exc.strerror}")
    if as_json:
        sys.stdout.write(json.dumps(run.contract_dict(), ensure_ascii=False) + "\n")
    else:
        render_table(run, Console())
        if out is not None:
            typer.echo(f"wrote {out / 'run.json'} and {out / 'report.html'}")
    failed = _check_gates(run.scores, gates)
    for line in failed:
        typer.echo(f"summarizer: gate failed: {line}", err=True)
    if failed:
        raise typer.Exit(1)


def _run_eval(
    suite: str,
    model: str | None,
    base_url: str | None,
    mode: str | None,
    prompt: str | None,
    concurrency: int,
    limit: int | None,
    no_cache: bool,
    timeout: float,
    quiet: bool,
) -> Any:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

    from .evaluation.runner import run_suite

    runner = _runner(model, base_url, mode, prompt, no_cache, timeout)
    progress = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=quiet,
    )
    try:
        with progress:
            task = progress.add_task("briefing", total=None)

            def tick(case: Any) -> None:
                progress.update(task, advance=1, description=f"{case.id}{' (error)' if case.error else ''}")

            from .evaluation.suite import load_suite

            total = len(load_suite(suite))
            progress.update(task, total=min(total, limit) if limit else total)
            return run_suite(suite, runner, concurrency=concurrency, limit=limit, progress=tick)
    finally:
        runner.close()


def _parse_gates(items: list[str]) -> list[tuple[str, float]]:
    gates = []
    for item in items:
        name, sep, value = item.partition("=")
        try:
            gates.append((name.strip(), float(value)))
        except ValueError:
            fail(f"bad --fail-under {item!r}: use FIELD=VALUE, e.g. figures.f1=0.5", 2)
        if not sep:
            fail(f"bad --fail-under {item!r}: use FIELD=VALUE, e.g. figures.f1=0.5", 2)
    return gates


def _check_gates(scores: dict[str, Any], gates: list[tuple[str, float]]) -> list[str]:
    from .evaluation.report import flat_scores

    flat = flat_scores(scores)
    failed = []
    for name, floor in gates:
        if name not in flat:
            failed.append(f"{name} is not a score (known: {', '.join(flat)})")
        elif flat[name] is None or flat[name] < floor:  # type: ignore[operator]
            failed.append(f"{name} = {flat[name]} < {floor}")
    return failed


@app.command()
def batch(
    source: Annotated[
        Path, typer.Argument(help='JSONL input: {"id", "text"|"path"|"url", "date"?} per line.')
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="JSONL output; restarting on it skips finished ids.")
    ],
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    prompt: PromptOpt = None,
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-j", min=1, help="Articles in flight at once.")
    ] = 4,
    no_cache: NoCacheOpt = False,
    timeout: TimeoutOpt = 60.0,
    batch_api: Annotated[
        bool,
        typer.Option(
            "--batch-api",
            help="Send the model calls through OpenAI's Batch API (openai: models): cheaper, answers within "
            "24 h. Run the same command again after a stop: it picks up its batches.",
        ),
    ] = False,
    poll: Annotated[
        float, typer.Option("--poll", min=0.0, help="Seconds between Batch API status checks.")
    ] = 30.0,
) -> None:
    """Brief every article of a JSONL file into a JSONL of briefs (resumable; one bad article is one error line)."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TimeElapsedColumn, TimeRemainingColumn

    from .batch import run_batch, run_batch_api

    runner = _runner(model, base_url, mode, prompt, no_cache, timeout)
    progress = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        TaskProgressColumn(),
        "{task.completed} done",
        "[dim]{task.fields[rate]}[/dim]",
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    )
    try:
        total = (
            sum(1 for line in source.open(encoding="utf-8", errors="replace") if line.strip())
            if source.is_file()
            else None
        )
        with progress:
            task = progress.add_task("briefing", total=total, rate="")
            started = time.perf_counter()

            def tick(case_id: str, failed: bool) -> None:
                done = progress.tasks[0].completed + 1
                rate = done / max(1e-9, time.perf_counter() - started)
                progress.update(task, advance=1, description=case_id[:24], rate=f"{rate:.2f}/s")

            if batch_api:
                stats = run_batch_api(
                    source, out, runner, poll_seconds=poll, progress=tick, note=progress.log
                )
            else:
                stats = run_batch(source, out, runner, concurrency=concurrency, progress=tick)
    finally:
        runner.close()
    typer.echo(
        f"{stats.briefed} briefed, {stats.errors} errors, {stats.done_before} already in {out} before this run",
        err=True,
    )


@prompts_app.command("list")
def prompts_list() -> None:
    """List the prompt templates with their versions."""
    from .prompts import list_prompts

    for p in list_prompts():
        typer.echo(f"{p.id:<12} passes: {', '.join(p.passes)}\n             {p.description}")


@prompts_app.command("show")
def prompts_show(name: Annotated[str, typer.Argument(help="Prompt name, e.g. brief")]) -> None:
    """Print a prompt's templates."""
    from .prompts import load_prompt

    p = load_prompt(name)
    typer.echo(f"# {p.id}: {p.description}\n")
    for part in ("system", "article", *p.passes):
        typer.echo(f"--- {part}.jinja ---\n{p.templates[part].rstrip()}\n")


def main(argv: list[str] | None = None) -> Any:
    """Entry point: turn our errors into one line and a non-zero exit, never a traceback."""
    import logging

    logging.basicConfig(format="summarizer: warning: %(message)s", level=logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.ERROR)
    try:
        code = app(args=argv, standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
        return None
    except SummarizerError as exc:
        typer.echo(f"summarizer: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("summarizer: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # click usage errors and anything unexpected
        import click

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Abort):
            sys.exit(1)
        if os.environ.get("SUMMARIZER_DEBUG"):
            raise
        typer.echo(
            f"summarizer: internal error: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}", err=True
        )
        sys.exit(70)
