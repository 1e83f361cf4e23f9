"""The embedded model's real answers, replayed: every brief of the core suite is grounded, and the eval harness
runs, reports and gates on them without a model call."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.api import Summarizer
from summarizer.briefing.grounding import check_brief
from summarizer.cli import app
from summarizer.evaluation.runner import EvalRun, run_suite
from summarizer.evaluation.suite import load_suite

from conftest import SUITE

RUN_SUMMARY = Path(__file__).resolve().parent / "recordings" / "run-summary.json"


@pytest.fixture
def replay_runner(replay_db: Path) -> Iterator[Summarizer]:
    runner = Summarizer.create("local", db_path=replay_db)
    yield runner
    runner.close()


def test_every_core_brief_keeps_the_contract_invariants(replay_runner: Summarizer) -> None:
    samples = load_suite(SUITE)
    assert len(samples) == 25
    figures = claims = 0
    for sample in samples:
        assert sample.article is not None, sample.error
        text = sample.article.text
        brief = replay_runner.summarize(sample.article)
        assert brief.meta.cached, sample.id
        assert check_brief(brief, text) == [], sample.id
        for fig in brief.figures:
            start, end = fig.span
            assert text[start:end] == fig.evidence and fig.text in fig.evidence
            assert fig.value is None or fig.text in text  # the number is the article's own
        for claim in brief.claims:
            assert text[claim.span[0] : claim.span[1]] == claim.evidence
            assert claim.quote is None or claim.quote in claim.evidence
            assert claim.source.split()[-1].strip("’'s") in text
        figures += len(brief.figures)
        claims += len(brief.claims)
    assert figures > 100 and claims > 50


def test_eval_run_from_the_cache_is_complete_and_fast(replay_runner: Summarizer, tmp_path: Path) -> None:
    run = run_suite(SUITE, replay_runner, concurrency=4)
    data = run.contract_dict()
    assert {"suite", "model", "prompt", "cases", "errors", "scores", "cost", "per_case"} <= set(data)
    assert (run.cases, run.errors) == (25, 0)
    assert run.cost["model_calls"] == 0 and run.cost["cached_cases"] == 25
    for name in ("who", "where", "when", "figures", "claims"):
        assert set(data["scores"][name]) >= {"precision", "recall", "f1"}
    assert data["scores"]["grounding"] == 1.0 and data["scores"]["valid"] == 1.0
    for value in [v for field in data["scores"].values() if isinstance(field, dict) for v in field.values()]:
        assert value is None or 0.0 <= value <= 1.0
    recorded = json.loads(RUN_SUMMARY.read_text())
    assert _flat(run.scores) == pytest.approx(_flat(recorded["scores"]))
    assert run.cost["seconds"] * 20 < recorded["cost"]["seconds"], (run.cost, recorded["cost"])


def _flat(scores: dict) -> dict:
    from summarizer.evaluation.report import flat_scores

    return {k: (-1.0 if v is None else v) for k, v in flat_scores(scores).items()}


def test_cli_eval_writes_reports_and_gates(replay_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "run-a"
    result = runner.invoke(app, ["eval", str(SUITE), "--out", str(out), "--fail-under", "valid=1"])
    assert result.exit_code == 0, result.output
    run = EvalRun.model_validate_json((out / "run.json").read_text())
    assert run.cases == 25 and "figures" in result.stdout
    page = (out / "report.html").read_text()
    assert "<table id='scores'>" in page and "<mark>" in page and "<script" not in page
    gated = runner.invoke(app, ["eval", str(SUITE), "--json", "--fail-under", "figures.f1=0.99"])
    assert gated.exit_code == 1 and "figures.f1" in gated.output
    assert json.loads(gated.stdout.splitlines()[-1])["cases"] == 25
    bad = runner.invoke(app, ["eval", str(SUITE), "--fail-under", "figures.f1"])
    assert bad.exit_code == 2


def test_compare_points_at_a_planted_regression(replay_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    a_dir = tmp_path / "a"
    assert runner.invoke(app, ["eval", str(SUITE), "--out", str(a_dir)]).exit_code == 0
    run = EvalRun.model_validate_json((a_dir / "run.json").read_text())
    # Plant a regression in one field of one case: the seed brief loses its figures.
    from summarizer.evaluation.metrics import aggregate, scores_to_json
    from summarizer.evaluation.scorers import score_case

    case = next(c for c in run.per_case if c.id == "seed")
    assert case.brief is not None and case.brief["figures"]
    case.brief["figures"] = []
    case.scores = scores_to_json(score_case(case.brief, case.reference, case.article or ""))
    run.scores = aggregate([c.scores for c in run.per_case])
    b_dir = tmp_path / "b"
    b_dir.mkdir()
    (b_dir / "run.json").write_text(run.model_dump_json())
    result = runner.invoke(app, ["eval", "compare", str(a_dir), str(b_dir)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    lines = [line.replace("│", " ").replace("┃", " ").strip() for line in result.stdout.splitlines()]
    moved = [line for line in lines if "seed" in line]
    assert moved and "figures.recall" in moved[0]
    changed = [line for line in lines if line.strip().startswith("figures.recall")]
    assert changed and "-0.0" in changed[0]
    assert not [
        line for line in lines if line.strip().startswith("who.f1") and ("+" in line or "-0." in line)
    ]


def test_html_report_renders_in_headless_chromium(replay_db: Path, tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "chromium is needed (`apt-get install chromium`; .ci/run installs it)"
    out = tmp_path / "run"
    assert CliRunner().invoke(app, ["eval", str(SUITE), "--limit", "3", "--out", str(out)]).exit_code == 0
    shot = tmp_path / "report.png"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            "--window-size=1400,1000",
            (out / "report.html").as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


STORIES = SUITE.parent / "stories.jsonl"
DEV = SUITE.parents[3] / "shared" / "dev" / "giveme5w1h-dev.jsonl"


@pytest.mark.skipif(not DEV.exists(), reason="the story suite reads its articles from ../shared/dev/")
def test_story_cases_replay_grounded_and_the_same_in_any_order(replay_runner: Summarizer) -> None:
    run = run_suite(STORIES, replay_runner)
    assert (run.cases, run.errors) == (6, 0), [c.error for c in run.per_case if c.error]
    assert run.scores["grounding"] == 1.0
    sample = next(s for s in load_suite(STORIES) if s.articles and len(s.articles) >= 5)
    assert sample.articles is not None
    forward = replay_runner.summarize_story(sample.articles)
    backward = replay_runner.summarize_story(list(reversed(sample.articles)))
    assert forward.meta.cached and backward.meta.cached
    a, b = forward.to_json_dict(), backward.to_json_dict()
    a.pop("meta"), b.pop("meta")
    assert a == b
    ids = {x["id"] for x in a["articles"]}
    texts = {x.id: x.text for x in sample.articles} if hasattr(sample.articles[0], "id") else {}
    for figure in forward.figures:
        for report in figure.reports:
            assert report.article in ids
            if report.article in texts:
                assert texts[report.article][report.span[0] : report.span[1]] == report.evidence
