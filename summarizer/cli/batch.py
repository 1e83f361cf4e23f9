"""`summarizer batch`: a JSONL of articles into a JSONL of briefs, resumable."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from summarizer.cli.app import (
    BaseUrlOpt,
    ModelOpt,
    ModeOpt,
    NoCacheOpt,
    PromptOpt,
    TimeoutOpt,
    app,
    make_runner,
)
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
    fmt: BatchFormatOpt = BatchFormat.jsonl,
) -> None:
    """Brief every article of a JSONL file into a JSONL of briefs (resumable; one bad article is one error line)."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TimeElapsedColumn, TimeRemainingColumn

    from summarizer.batch import run_batch, run_batch_api

    runner = make_runner(model, base_url, mode, prompt, no_cache, timeout)
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
    if fmt is BatchFormat.csv:
        sys.stdout.write(batch_csv(out))
