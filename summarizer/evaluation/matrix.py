"""A matrix of runs: every model x prompt combination over one suite, one table of metrics by combination.

Each combination after the first is compared with the first one case by case (compare.py), so a cell shows the
score, its paired difference from the first combination and whether that difference is distinguishable from
noise on this suite.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from summarizer.evaluation.compare import BETTER, WORSE, MetricComparison, compare_runs
from summarizer.evaluation.metrics import flat_scores
from summarizer.evaluation.runner import EvalRun

__all__ = ["Combination", "combinations", "matrix", "matrix_markdown", "render_matrix"]

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MARK = {BETTER: "▲", WORSE: "▼"}


@dataclass(frozen=True)
class Combination:
    """One model and one prompt (None: the default); ``directory`` is its run's folder under ``--out``."""

    model: str | None
    prompt: str | None
    directory: str

    @property
    def label(self) -> str:
        return f"{self.model or 'default model'} · {self.prompt or 'default prompt'}"


def combinations(models: Sequence[str], prompts: Sequence[str]) -> list[Combination]:
    """Every model with every prompt, model by model, each with a distinct folder name."""
    chosen: list[Combination] = []
    taken: set[str] = set()
    model_list: list[str | None] = [*dict.fromkeys(models)] or [None]
    prompt_list: list[str | None] = [*dict.fromkeys(prompts)] or [None]
    for model, prompt in itertools.product(model_list, prompt_list):
        base = _UNSAFE.sub("-", f"{model or 'default'}__{prompt or 'default'}").strip("-.") or "run"
        name = base
        for n in itertools.count(2):
            if name not in taken:
                break
            name = f"{base}-{n}"
        taken.add(name)
        chosen.append(Combination(model, prompt, name))
    return chosen


def _cell(value: float | None, against: MetricComparison | None) -> dict[str, Any]:
    cell: dict[str, Any] = {"value": value}
    if against is not None:
        cell.update(
            delta=against.delta,
            low=against.low,
            high=against.high,
            verdict=against.verdict,
            improved=against.improved,
            worse=against.worse,
            same=against.same,
        )
    return cell


def matrix(runs: Sequence[tuple[Combination, EvalRun]]) -> dict[str, Any]:
    """The table as data: the combinations, and per metric one cell per combination (score, and for every
    combination after the first its paired delta, interval and verdict against the first)."""
    if not runs:
        raise ValueError("a matrix needs at least one run")
    first = runs[0][1]
    against: list[dict[str, MetricComparison]] = [{}]
    for _, run in runs[1:]:
        against.append({m.metric: m for m in compare_runs(first, run).metrics})
    flats = [flat_scores(run.scores) for _, run in runs]
    names = [
        name
        for name in dict.fromkeys(n for flat in flats for n in flat)
        if any(f.get(name) is not None for f in flats)
    ]
    return {
        "suite": first.suite,
        "combinations": [
            {
                "model": combo.model,
                "prompt": combo.prompt,
                "label": combo.label,
                "directory": combo.directory,
                "run_id": run.run_id,
                "run_model": run.model,
                "run_prompt": run.prompt,
                "cases": run.cases,
                "errors": run.errors,
            }
            for combo, run in runs
        ],
        "metrics": [
            {
                "metric": name,
                "cells": [_cell(flat.get(name), against[k].get(name)) for k, flat in enumerate(flats)],
            }
            for name in names
        ],
    }


def _signed(value: float | None) -> str:
    if value is None:
        return "—"
    return "0.000" if abs(value) < 0.0005 else f"{value:+.3f}"


def _cell_text(cell: dict[str, Any], interval: bool) -> str:
    value = "—" if cell["value"] is None else f"{cell['value']:.3f}"
    if "verdict" not in cell or cell.get("delta") is None:
        return value
    text = f"{value} ({_signed(cell['delta'])}"
    if interval:
        text += f" [{_signed(cell['low'])}, {_signed(cell['high'])}]"
    return f"{text}) {_MARK.get(cell['verdict'], '≈')}"


def matrix_markdown(data: dict[str, Any]) -> str:
    """The matrix as a Markdown table (the file `matrix.md`), with a legend."""
    labels = [c["label"] for c in data["combinations"]]
    lines = [
        f"# Eval matrix: {data['suite']}",
        "",
        "Each cell: the score; after the first column, in brackets, the paired difference from the first column "
        "and its 95% bootstrap interval; ▲ better, ▼ worse, ≈ not distinguishable on this suite.",
        "",
        "| metric | " + " | ".join(labels) + " |",
        "|---|" + "---|" * len(labels),
    ]
    for row in data["metrics"]:
        lines.append(f"| {row['metric']} | " + " | ".join(_cell_text(c, True) for c in row["cells"]) + " |")
    lines.append("")
    for combo in data["combinations"]:
        lines.append(
            f"- {combo['label']}: `{combo['directory']}/run.json` ({combo['run_model']}, {combo['run_prompt']}, "
            f"{combo['cases']} cases, {combo['errors']} errors)"
        )
    return "\n".join(lines) + "\n"


def render_matrix(data: dict[str, Any], console: Any) -> None:
    """The matrix on the terminal: metrics by combination, differences against the first combination."""
    from rich.table import Table

    table = Table(
        title=f"{data['suite']}: metrics by combination (Δ against the first; ▲ better ▼ worse ≈ noise)"
    )
    table.add_column("metric")
    for combo in data["combinations"]:
        table.add_column(combo["label"], justify="right")
    for row in data["metrics"]:
        table.add_row(row["metric"], *(_cell_text(c, False) for c in row["cells"]))
    console.print(table)
