"""`eval compare`: paired per-case statistics that flag a planted regression and nothing else."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.evaluation.compare import (
    BETTER,
    SAME,
    WORSE,
    bootstrap_interval,
    case_value,
    compare_runs,
)
from summarizer.evaluation.metrics import aggregate, scores_to_json
from summarizer.evaluation.runner import EvalRun, load_run
from summarizer.evaluation.scorers import score_case

from conftest import SUITE

cli = CliRunner()


def _run(out: Path) -> EvalRun:
    result = cli.invoke(app, ["eval", str(SUITE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return load_run(out)


def _plant(run: EvalRun, n: int, out: Path) -> list[str]:
    """Spoil `what` on the first n cases that score it (nothing else reads `what`); write the run to out."""
    spoiled = []
    for case in run.per_case:
        if len(spoiled) == n:
            break
        if case.brief is None or not (case.scores.get("what") or {}).get("similarity"):
            continue
        case.brief["what"] = "Nothing of note happened anywhere."
        case.scores = scores_to_json(score_case(case.brief, case.reference, case.article or ""))
        spoiled.append(case.id)
    run.scores = aggregate([c.scores for c in run.per_case])
    run.run_id += "-planted"
    out.mkdir()
    (out / "run.json").write_text(run.model_dump_json())
    return spoiled


def test_a_regression_planted_on_five_cases_is_worse_and_fails_the_gate(
    replay_db: Path, tmp_path: Path
) -> None:
    run = _run(tmp_path / "a")
    spoiled = _plant(run, 5, tmp_path / "b")
    assert len(spoiled) == 5
    a, b = str(tmp_path / "a"), str(tmp_path / "b")

    gated = cli.invoke(app, ["eval", "compare", a, b, "--fail-on-regression", "what"], env={"COLUMNS": "200"})
    assert gated.exit_code == 1, gated.output
    row = next(line for line in gated.stdout.splitlines() if "what.similarity" in line)
    assert WORSE in row and "0 5 20" in row
    assert "regression: what.similarity" in gated.output
    assert cli.invoke(app, ["eval", "compare", a, b, "--fail-on-regression", "all"]).exit_code == 1

    # Every other field: not distinguishable, so a gate on them does not fire.
    data = json.loads(cli.invoke(app, ["eval", "compare", a, b, "--json"]).stdout)
    verdicts = {m["metric"]: m["verdict"] for m in data["metrics"]}
    assert verdicts.pop("what.similarity") == WORSE
    assert set(verdicts.values()) == {SAME}, verdicts
    others = [
        "--fail-on-regression",
        "who",
        "--fail-on-regression",
        "figures.f1",
        "--fail-on-regression",
        "valid",
    ]
    assert cli.invoke(app, ["eval", "compare", a, b, *others]).exit_code == 0


def test_two_runs_of_the_same_recordings_are_not_distinguishable(replay_db: Path, tmp_path: Path) -> None:
    first, second = _run(tmp_path / "a"), _run(tmp_path / "b")
    assert first.run_id != second.run_id
    args = ["eval", "compare", str(tmp_path / "a"), str(tmp_path / "b"), "--fail-on-regression", "all"]
    result = cli.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(cli.invoke(app, [*args, "--json"]).stdout)
    assert data["metrics"] and {m["verdict"] for m in data["metrics"]} == {SAME}
    assert all(m["delta"] == 0 and m["paired"] > 0 for m in data["metrics"])
    assert data["only_a"] == data["only_b"] == []


def test_cases_in_one_run_only_are_listed_not_dropped(replay_db: Path, tmp_path: Path) -> None:
    run = _run(tmp_path / "a")
    run.per_case = [c for c in run.per_case if c.id != "seed"]
    (tmp_path / "b.json").write_text(run.model_dump_json())
    result = cli.invoke(app, ["eval", "compare", str(tmp_path / "a"), str(tmp_path / "b.json")])
    assert result.exit_code == 0, result.output
    assert "only in A (1, not compared): seed" in result.stdout
    comparison = compare_runs(load_run(tmp_path / "a"), run)
    assert comparison.only_a == ["seed"] and comparison.only_b == []
    assert all(m.paired <= 24 for m in comparison.metrics)


def test_an_unknown_gate_field_is_a_usage_error(replay_db: Path, tmp_path: Path) -> None:
    _run(tmp_path / "a")
    result = cli.invoke(
        app, ["eval", "compare", str(tmp_path / "a"), str(tmp_path / "a"), "--fail-on-regression", "wh0"]
    )
    assert result.exit_code == 2 and "unknown field 'wh0'" in result.output


def test_bootstrap_interval_is_seeded_and_brackets_the_mean() -> None:
    rng = random.Random(7)
    raw = [rng.uniform(-0.2, 0.2) for _ in range(30)]
    noise = [d - sum(raw) / len(raw) for d in raw]  # mean zero: the interval must straddle it
    low, high = bootstrap_interval(noise)
    assert (low, high) == bootstrap_interval(noise)
    assert low < 0 < high
    shifted = [d + 0.3 for d in noise]
    low, high = bootstrap_interval(shifted)
    assert 0 < low < 0.3 < high
    assert bootstrap_interval([0.0] * 12) == (0.0, 0.0)
    with pytest.raises(ValueError):
        bootstrap_interval([])


def test_verdicts_follow_the_interval() -> None:
    def run(values: list[float | None]) -> EvalRun:
        cases = [
            {"id": f"c{i}", "scores": {"what": None if v is None else {"similarity": v}}}
            for i, v in enumerate(values)
        ]
        return EvalRun.model_validate(
            {"suite": "s", "model": "m", "prompt": "p", "cases": len(values), "errors": 0,
             "scores": {}, "cost": {}, "per_case": cases}
        )  # fmt: skip

    base = [0.5] * 20
    better = compare_runs(run(base), run([0.6] * 20)).metrics[0]
    assert (better.verdict, better.improved, better.worse, better.same) == (BETTER, 20, 0, 0)
    one_up = compare_runs(run(base), run([0.9] + [0.5] * 19)).metrics[0]
    assert one_up.verdict == SAME and one_up.improved == 1 and one_up.same == 19
    unscored = compare_runs(run(base), run([None] * 5 + [0.5] * 15)).metrics[0]
    assert unscored.paired == 15 and unscored.verdict == SAME
    assert case_value({"figures": {"f1": 0.5}, "valid": 1.0}, "figures.f1") == 0.5
    assert case_value({"figures": None, "valid": 1.0}, "figures.f1") is None
    assert case_value({"valid": True}, "valid") is None
