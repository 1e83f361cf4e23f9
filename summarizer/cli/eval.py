"""`summarizer eval`: run a suite (or a model x prompt matrix), compare runs, draft and check references.

`eval SUITE ...` is short for `eval run SUITE ...`: the group runs `run` when its first word is not one of its
commands, so the commands the README shows keep working.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from summarizer.cli import options as opt
from summarizer.cli.app import app, fail, model_runner, read_article, write_output

__all__ = ["check", "compare", "draft", "eval_app", "run"]


class _RunByDefault(TyperGroup):
    """A group whose first argument, when it is not a command name, is the suite of `run`."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # ctx: the Context of typer's own click
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


eval_app = typer.Typer(
    cls=_RunByDefault,
    no_args_is_help=True,
    help="Score a model on an eval suite (`eval SUITE` = `eval run SUITE`); compare runs; draft and check "
    "references.",
)
app.add_typer(eval_app, name="eval")

ModelsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--model", "-m", help="Model (as for `brief`); repeat it to run a matrix. Env: SUMMARIZER_MODEL."
    ),
]
PromptsOpt = Annotated[
    list[str] | None, typer.Option("--prompt", help="Prompt template; repeat it to run a matrix.")
]


@eval_app.command("run")
def run(
    suite: Annotated[str, typer.Argument(help="Suite file (JSONL, CONTRACT §2).")],
    model: ModelsOpt = None,
    base_url: opt.BaseUrl = None,
    mode: opt.Mode = None,
    prompt: PromptsOpt = None,
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-j", min=1, help="Cases in flight at once.")
    ] = 1,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N cases.")] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Directory for run.json and report.html (a matrix: one folder per run)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run (or matrix) JSON.")] = False,
    fail_under: Annotated[
        list[str] | None,
        typer.Option("--fail-under", help="FIELD=VALUE, e.g. figures.f1=0.5: exit 1 if below."),
    ] = None,
    no_cache: opt.NoCache = False,
    timeout: opt.Timeout = 60.0,
) -> None:
    """Run a model over an eval suite and score every field.

    Several --model or --prompt values run every combination into one --out directory, with a table of
    fields by combination and the statistics of each against the first.
    """
    from summarizer.evaluation.matrix import combinations

    gates = _parse_gates(fail_under or [])
    combos = combinations(model or [], prompt or [])
    settings = (base_url, mode, concurrency, limit, no_cache, timeout)
    runs = []
    for combo in combos:
        run_ = _run_eval(suite, combo.model, combo.prompt, settings, quiet=as_json)
        runs.append((combo, run_))
        if out is not None:
            _write_run(run_, out / combo.directory if len(combos) > 1 else out)
    if len(runs) == 1:
        _show_run(runs[0][1], out, as_json)
    else:
        _show_matrix(runs, out, as_json)
    failed = [
        f"{combo.label}: {line}" if len(runs) > 1 else line
        for combo, run_ in runs
        for line in _check_gates(run_.scores, gates)
    ]
    for line in failed:
        typer.echo(f"summarizer: gate failed: {line}", err=True)
    if failed:
        raise typer.Exit(1)


def _show_run(run_: Any, out: Path | None, as_json: bool) -> None:
    from rich.console import Console

    from summarizer.evaluation.report import render_table

    if as_json:
        sys.stdout.write(json.dumps(run_.contract_dict(), ensure_ascii=False) + "\n")
        return
    render_table(run_, Console())
    if out is not None:
        typer.echo(f"wrote {out / 'run.json'} and {out / 'report.html'}")


def _show_matrix(runs: list[Any], out: Path | None, as_json: bool) -> None:
    from rich.console import Console

    from summarizer.evaluation.matrix import matrix, matrix_markdown, render_matrix

    data = matrix(runs)
    if out is not None:
        _write(out / "matrix.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        _write(out / "matrix.md", matrix_markdown(data))
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return
    render_matrix(data, Console())
    if out is not None:
        typer.echo(f"wrote {len(runs)} runs, {out / 'matrix.md'} and {out / 'matrix.json'}")


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror}")


def _write_run(run_: Any, folder: Path) -> None:
    from summarizer.evaluation.report import render_html

    _write(folder / "run.json", json.dumps(run_.contract_dict(), ensure_ascii=False, indent=1) + "\n")
    _write(folder / "report.html", render_html(run_))


def _run_eval(
    suite: str, model: str | None, prompt: str | None, settings: tuple[Any, ...], quiet: bool
) -> Any:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

    from summarizer.evaluation.runner import run_suite
    from summarizer.evaluation.suite import load_suite

    base_url, mode, concurrency, limit, no_cache, timeout = settings
    total = len(load_suite(suite))
    progress = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=quiet,
    )
    with model_runner(model, base_url, mode, prompt, no_cache, timeout) as runner, progress:
        task = progress.add_task("briefing", total=min(total, limit) if limit else total)

        def tick(case: Any) -> None:
            progress.update(task, advance=1, description=f"{case.id}{' (error)' if case.error else ''}")

        return run_suite(suite, runner, concurrency=concurrency, limit=limit, progress=tick)


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
    from summarizer.evaluation.metrics import flat_scores

    flat = flat_scores(scores)
    failed = []
    for name, floor in gates:
        value = flat.get(name)
        if name not in flat:
            failed.append(f"{name} is not a score (known: {', '.join(flat)})")
        elif value is None or value < floor:
            failed.append(f"{name} = {value} < {floor}")
    return failed


@eval_app.command("compare")
def compare(
    run_a: Annotated[str, typer.Argument(help="The baseline run (run.json or its directory).")],
    run_b: Annotated[str, typer.Argument(help="The run to judge against it.")],
    fail_on_regression: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-on-regression",
            help="FIELD (who, figures.f1, ... or all): exit 1 when it is worse beyond its 95% interval.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON.")] = False,
) -> None:
    """Compare two runs case by case, with a verdict per field.

    Per field: the delta, its paired bootstrap 95% interval, how many cases improved, got worse or stayed,
    and better / worse / not distinguishable. Cases in one run only are listed.
    """
    from rich.console import Console

    from summarizer.errors import SummarizerError
    from summarizer.evaluation.compare import WORSE, compare_runs
    from summarizer.evaluation.report import render_comparison, signed
    from summarizer.evaluation.runner import load_run

    a, b = load_run(run_a), load_run(run_b)
    comparison = compare_runs(a, b)
    try:
        gated = comparison.select(fail_on_regression or [])
    except SummarizerError as exc:
        fail(f"bad --fail-on-regression: {exc}", 2)
    if as_json:
        sys.stdout.write(json.dumps(comparison.to_json(), ensure_ascii=False) + "\n")
    else:
        title = f"A: {a.model} {a.prompt} ({a.run_id})  →  B: {b.model} {b.prompt} ({b.run_id})"
        render_comparison(comparison, Console(), title)
    worse = [m for m in gated if m.verdict == WORSE]
    for m in worse:
        typer.echo(
            f"summarizer: regression: {m.metric} {signed(m.delta)} "
            f"(95% interval [{signed(m.low)}, {signed(m.high)}], {m.worse} of {m.paired} cases worse)",
            err=True,
        )
    if worse:
        raise typer.Exit(1)


@eval_app.command("draft")
def draft(
    article: opt.Article,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the draft here, not to stdout.")
    ] = None,
    case_id: Annotated[
        str | None, typer.Option("--id", help="The case id (default: the article's file name).")
    ] = None,
    date: opt.Date = None,
    model: opt.Model = None,
    base_url: opt.BaseUrl = None,
    mode: opt.Mode = None,
    prompt: opt.Prompt = None,
    no_cache: opt.NoCache = False,
    timeout: opt.Timeout = 60.0,
) -> None:
    """Write a reference skeleton from a brief of ARTICLE, for a person to correct.

    The file is marked as a draft at the top; `eval check` refuses it until the marks are removed.
    """
    from summarizer.evaluation.draft import draft_reference

    loaded = read_article(article, date)
    with model_runner(model, base_url, mode, prompt, no_cache, timeout) as runner:
        brief = runner.summarize(loaded)
    ident = case_id or ("draft" if article == "-" else Path(article).stem)
    write_output(json.dumps(draft_reference(brief, ident), ensure_ascii=False, indent=2) + "\n", out)
    if out is not None:
        typer.echo(f"wrote the draft reference {out}: correct it against the article before use", err=True)


@eval_app.command("check")
def check(suite: Annotated[Path, typer.Argument(help="Suite file (JSONL) to lint.")]) -> None:
    """Lint a suite's references; one line per problem, exit 1 when there is any.

    Names, figure values and sources occur in the article, dates parse, ids are unique, fields have the
    contract's shape, and no reference is still a draft.
    """
    from summarizer.evaluation.lint import check_suite

    problems = check_suite(suite)
    for problem in problems:
        typer.echo(f"{suite}: {problem}")
    if problems:
        typer.echo(f"summarizer: {len(problems)} problems in {suite}", err=True)
        raise typer.Exit(1)
    typer.echo(f"{suite}: no problems")
