"""Reports of eval runs on the terminal: a run's table, and the comparison of two runs with its statistics.

The static HTML page of a run is html_report.py (re-exported here as `render_html`).
"""

from __future__ import annotations

from typing import Any

from summarizer.evaluation.compare import BETTER, WORSE, RunComparison, compare_runs
from summarizer.evaluation.html_report import render_html
from summarizer.evaluation.metrics import flat_scores
from summarizer.evaluation.runner import CaseResult, EvalRun

__all__ = ["flat_scores", "render_compare", "render_comparison", "render_html", "render_table", "signed"]


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _case_total(case: CaseResult) -> float:
    values = [v for v in flat_scores(case.scores).values() if v is not None]
    return sum(values) / len(values) if values else 0.0


def render_table(run: EvalRun, console: Any, worst: int = 5) -> None:
    from rich.table import Table

    table = Table(title=f"{run.model} · {run.prompt} · {run.cases} cases, {run.errors} errors")
    for column in ("field", "precision", "recall", "f1", "other"):
        table.add_column(column, justify="right" if column != "field" else "left")
    for name, value in run.scores.items():
        if isinstance(value, dict):
            others = {k: v for k, v in value.items() if k not in ("precision", "recall", "f1")}
            table.add_row(
                name,
                _fmt(value.get("precision")),
                _fmt(value.get("recall")),
                _fmt(value.get("f1")),
                ", ".join(f"{k} {_fmt(v)}" for k, v in others.items()),
            )
        else:
            table.add_row(name, "", "", "", _fmt(value))
    console.print(table)
    cost = run.cost
    console.print(
        f"cost: {cost.get('input_tokens', 0):,} input + {cost.get('output_tokens', 0):,} output tokens, "
        f"{cost.get('seconds', 0):.1f}s, {cost.get('model_calls', 0)} model calls, "
        f"{cost.get('cached_cases', 0)} cases from cache"
    )
    ranked = sorted(run.per_case, key=lambda c: (c.error is None, _case_total(c)))[:worst]
    if ranked:
        low = Table(title="worst cases")
        low.add_column("case")
        low.add_column("mean score", justify="right")
        low.add_column("error or weakest field")
        for case in ranked:
            flat = {k: v for k, v in flat_scores(case.scores).items() if v is not None}
            weakest = min(flat, key=lambda k: flat[k]) if flat else ""
            low.add_row(
                case.id, _fmt(_case_total(case)), case.error or f"{weakest} {_fmt(flat.get(weakest))}"
            )
        console.print(low)


def signed(value: float | None) -> str:
    """A difference with its sign; no sign on zero (a change of nothing is neither up nor down)."""
    if value is None:
        return "—"
    if abs(value) < 0.0005:
        return "0.000"
    return f"{value:+.3f}"


def _verdict_style(verdict: str) -> str:
    return {BETTER: "green", WORSE: "red"}.get(verdict, "")


def render_comparison(comparison: RunComparison, console: Any, title: str = "", top: int = 10) -> None:
    """Per metric: both runs' scores, the paired delta with its interval, cases up/down/same, the verdict;
    then the cases present in one run only, and the cases that moved most."""
    from rich.table import Table

    table = Table(title=title or f"A: {comparison.a}  →  B: {comparison.b}")
    for column in ("metric", "A", "B", "Δ", "95% interval", "cases ↑ ↓ =", "verdict"):
        table.add_column(column, justify="left" if column in ("metric", "verdict") else "right")
    for m in comparison.metrics:
        style = _verdict_style(m.verdict)
        interval = "" if m.low is None else f"[{signed(m.low)}, {signed(m.high)}]"
        table.add_row(
            m.metric,
            _fmt(m.a),
            _fmt(m.b),
            f"[{style}]{signed(m.delta)}[/{style}]" if style else signed(m.delta),
            interval,
            f"{m.improved} {m.worse} {m.same}",
            f"[{style}]{m.verdict}[/{style}]" if style else m.verdict,
        )
    console.print(table)
    console.print(
        f"Δ: mean per-case change over the cases scored in both runs; 95% interval: paired bootstrap, "
        f"{comparison.resamples:,} resamples, random state {comparison.seed}; a verdict needs the whole "
        "interval on one side of zero"
    )
    for side, ids in (("A", comparison.only_a), ("B", comparison.only_b)):
        if ids:
            console.print(f"only in {side} ({len(ids)}, not compared): {', '.join(ids)}")
    if comparison.moved:
        cases = Table(title="cases that moved most")
        cases.add_column("case")
        cases.add_column("total |Δ|", justify="right")
        cases.add_column("changes")
        for case_id, total, changes in comparison.moved[:top]:
            text = ", ".join(f"{metric} {_fmt(x)}→{_fmt(y)}" for metric, x, y in changes[:6])
            cases.add_row(case_id, f"{total:.3f}", text)
        console.print(cases)


def render_compare(a: EvalRun, b: EvalRun, console: Any, top: int = 10) -> RunComparison:
    """Compare two runs (compare.py) and print it; returns the comparison for gates."""
    comparison = compare_runs(a, b)
    title = f"A: {a.model} {a.prompt} ({a.run_id})  →  B: {b.model} {b.prompt} ({b.run_id})"
    render_comparison(comparison, console, title, top)
    return comparison
