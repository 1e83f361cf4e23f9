"""`eval SUITE --prompt p --prompt q`: every combination into one directory, one table of fields by combination.

The recordings hold the answers to one prompt, so the second prompt is a copy of it under another folder name
(its prompt.toml keeps the name, so the cache keys and thus the recorded answers are the same): both columns
score the same briefs, and every difference must come out as "not distinguishable".
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.evaluation.compare import SAME
from summarizer.evaluation.matrix import combinations
from summarizer.evaluation.runner import load_run
from summarizer.llm.prompts import DEFAULT_PROMPT, load_prompt, prompts_dir

from conftest import SUITE


@pytest.fixture
def two_prompts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    folder = tmp_path / "prompts"
    source = prompts_dir() / DEFAULT_PROMPT
    shutil.copytree(source, folder / DEFAULT_PROMPT)
    shutil.copytree(source, folder / "brief-copy")
    monkeypatch.setenv("SUMMARIZER_PROMPTS", str(folder))
    load_prompt.cache_clear()
    yield DEFAULT_PROMPT, "brief-copy"
    load_prompt.cache_clear()


def test_matrix_over_two_prompts_writes_one_table(
    replay_db: Path, tmp_path: Path, two_prompts: tuple[str, str]
) -> None:
    first, second = two_prompts
    out = tmp_path / "matrix"
    args = ["eval", str(SUITE), "--prompt", first, "--prompt", second, "--out", str(out)]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "220"})
    assert result.exit_code == 0, result.output
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert folders == ["default__brief", "default__brief-copy"]
    runs = [load_run(out / name) for name in folders]
    assert [r.cases for r in runs] == [25, 25] and all(r.cost["model_calls"] == 0 for r in runs)
    assert all((out / name / "report.html").is_file() for name in folders)

    table = (out / "matrix.md").read_text()
    rows = [line for line in table.splitlines() if line.startswith("| ")]
    assert rows[0] == "| metric | default model · brief | default model · brief-copy |"
    assert any(row.startswith("| figures.f1 |") for row in rows) and any(
        row.startswith("| valid |") for row in rows
    )
    assert all(row.rstrip(" |").endswith("≈") for row in rows[1:]), rows
    data = json.loads((out / "matrix.json").read_text())
    for row in data["metrics"]:
        first_cell, second_cell = row["cells"]
        assert first_cell["value"] == second_cell["value"] and "verdict" not in first_cell
        assert second_cell["verdict"] == SAME and second_cell["delta"] == 0
    assert "metrics by combination" in result.stdout and "brief-copy" in result.stdout


def test_combinations_are_every_model_with_every_prompt() -> None:
    combos = combinations(["local", "openai:gpt-4o-mini", "local"], ["brief", "single"])
    assert [(c.model, c.prompt) for c in combos] == [
        ("local", "brief"),
        ("local", "single"),
        ("openai:gpt-4o-mini", "brief"),
        ("openai:gpt-4o-mini", "single"),
    ]
    assert len({c.directory for c in combos}) == 4 and combos[2].directory == "openai-gpt-4o-mini__brief"
    assert [(c.model, c.prompt) for c in combinations([], [])] == [(None, None)]
