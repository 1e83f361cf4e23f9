"""`summarizer batch`: a JSONL of articles into a JSONL of briefs, resumable."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from summarizer.cli import options as opt
from summarizer.cli.app import app, model_runner
from summarizer.cli.export import BatchFormat, BatchFormatOpt, batch_csv

__all__ = ["batch"]


@app.command()
def batch(
    source: Annotated[
        Path, typer.Argument(help='JSONL input: {"id", "text"|"path"|"url", "date"?} per line.')
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="JSONL output; restarting on it skips finished ids.")
    ],
    model: opt.Model = None,
    base_url: opt.BaseUrl = None,
    mode: opt.Mode = None,
    prompt: opt.Prompt = None,
    concurrency: opt.Concurrency = 4,
    no_cache: opt.NoCache = False,
    timeout: opt.Timeout = 60.0,
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
    fmt: BatchFormatOpt = BatchFormat.jsonl,
) -> None:
    """Brief every article of a JSONL file into a JSONL of briefs (resumable; one bad article is one error line)."""
    from summarizer.batch import run_batch, run_batch_api

    with (
        model_runner(model, base_url, mode, prompt, no_cache, timeout) as runner,
        _progress(_count(source)) as (tick, log),
    ):
        if batch_api:
            stats = run_batch_api(source, out, runner, poll_seconds=poll, progress=tick, note=log)
        else:
            stats = run_batch(source, out, runner, concurrency=concurrency, progress=tick)
    typer.echo(
        f"{stats.briefed} briefed, {stats.errors} errors, {stats.done_before} already in {out} before this run",
        err=True,
    )
    if fmt is BatchFormat.csv:
        sys.stdout.write(batch_csv(out))


def _count(source: Path) -> int | None:
    """How many articles the input holds (its non-blank lines), for the bar; None when it is not a file."""
    if not source.is_file():
        return None
    with source.open(encoding="utf-8", errors="replace") as lines:
        return sum(1 for line in lines if line.strip())


@contextmanager
def _progress(total: int | None) -> Iterator[tuple[Callable[[str, bool], None], Callable[[str], None]]]:
    """A bar on standard error (the article in hand, briefs done, rate, time); yields the callback that
    counts a finished article and the one that logs a line above the bar."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TimeElapsedColumn, TimeRemainingColumn

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
    with progress:
        task = progress.add_task("briefing", total=total, rate="")
        started = time.perf_counter()

        def tick(case_id: str, failed: bool) -> None:
            done = progress.tasks[0].completed + 1
            rate = done / max(1e-9, time.perf_counter() - started)
            progress.update(task, advance=1, description=case_id[:24], rate=f"{rate:.2f}/s")

        yield tick, progress.log
