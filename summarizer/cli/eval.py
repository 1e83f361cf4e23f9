"""`summarizer eval`: run a suite, score it, gate on it, compare runs."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from summarizer.errors import SummarizerError

from summarizer.cli.app import (
    BaseUrlOpt,
    ModelOpt,
    ModeOpt,
    NoCacheOpt,
    PromptOpt,
    TimeoutOpt,
    app,
    fail,
    make_runner,
)

__all__ = ["eval_"]


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

    from summarizer.evaluation.report import render_compare, render_html, render_table
    from summarizer.evaluation.runner import load_run

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

    from summarizer.evaluation.runner import run_suite

    runner = make_runner(model, base_url, mode, prompt, no_cache, timeout)
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

            from summarizer.evaluation.suite import load_suite

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
    from summarizer.evaluation.report import flat_scores

    flat = flat_scores(scores)
    failed = []
    for name, floor in gates:
        if name not in flat:
            failed.append(f"{name} is not a score (known: {', '.join(flat)})")
        elif flat[name] is None or flat[name] < floor:  # type: ignore[operator]
            failed.append(f"{name} = {flat[name]} < {floor}")
    return failed


