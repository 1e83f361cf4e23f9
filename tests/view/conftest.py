"""Fixtures for the view and export tests: the core suite's recorded eval run (the embedded model's real
answers, replayed from tests/recordings without a model call), and a brief with its article taken from it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SUITE = ROOT / "evals" / "suites" / "core.jsonl"
RECORDINGS = ROOT / "tests" / "recordings" / "local-brief.jsonl"


def load_recordings() -> list[dict[str, Any]]:
    lines = RECORDINGS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="session")
def recorded_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A run directory (run.json) of the core suite, replayed from the recordings; a live model call fails."""
    from summarizer.api import Summarizer
    from summarizer.evaluation.runner import run_suite
    from summarizer.llm.backends import LocalBackend
    from summarizer.llm.store import Store

    base = tmp_path_factory.mktemp("recorded")
    db = base / "replay.db"
    store = Store(db)
    store.import_cache(load_recordings())
    store.close()

    def no_live_calls(self: Any, request: dict[str, Any]) -> Any:
        raise AssertionError("a recorded test reached the model: re-record with `python tests/record.py`")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(LocalBackend, "send", no_live_calls)
        runner = Summarizer.create("local", db_path=db)
        try:
            run = run_suite(SUITE, runner, concurrency=2)
        finally:
            runner.close()
    failed = [(c.id, c.error) for c in run.per_case if c.error]
    assert not failed, f"recorded cases failed (do the recordings match the prompts?): {failed[:2]}"
    out = base / "run-a"
    out.mkdir()
    (out / "run.json").write_text(json.dumps(run.contract_dict(), ensure_ascii=False), encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def run_data(recorded_run: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((recorded_run / "run.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def seed_case(run_data: dict[str, Any]) -> dict[str, Any]:
    """The seed article's recorded case (figures from several sources, claims): brief, reference, article."""
    case: dict[str, Any] = next(c for c in run_data["per_case"] if c["id"] == "seed")
    assert case["brief"]["figures"] and case["brief"]["claims"], case.get("error")
    return case


@pytest.fixture
def brief_files(seed_case: dict[str, Any], tmp_path: Path) -> tuple[Path, Path]:
    """A brief JSON and its article file, as `summarizer brief --format json` and the user would have them."""
    brief = tmp_path / "brief.json"
    brief.write_text(json.dumps(seed_case["brief"], ensure_ascii=False), encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(seed_case["article"], encoding="utf-8")
    return brief, article


@pytest.fixture
def story_files(run_data: dict[str, Any], tmp_path: Path) -> tuple[Path, list[Path]]:
    """A story brief (CONTRACT §4) over two recorded cases, with their article files: one figure reported once
    by each article (the later-listed article dated earlier), and one claim from each."""
    from summarizer.articles import Article
    from summarizer.contract import StoryBrief

    cases = [
        c for c in run_data["per_case"] if c.get("brief") and c["brief"]["figures"] and c["brief"]["claims"]
    ]
    articles, files, reports, claims = [], [], [], []
    for number, case in enumerate(cases[:2]):
        article_id = f"a{number}"
        path = tmp_path / f"{case['id']}.txt"
        path.write_text(case["article"], encoding="utf-8")
        files.append(path)
        articles.append(
            {
                "id": article_id,
                "title": case["id"],
                "publisher": f"Outlet {number}",
                "date": f"2020-01-0{2 - number}",
                "url": None,
                "sha256": Article(case["article"]).sha256,
            }
        )
        fig = case["brief"]["figures"][0]
        keys = ("value", "upper", "approx", "text", "unit", "source", "evidence", "span")
        reports.append({**{k: fig[k] for k in keys}, "article": article_id})
        claims.append({**case["brief"]["claims"][0], "article": article_id})
    story = StoryBrief.model_validate(
        {
            "headline": "Two recorded articles as one story",
            "what": "A story brief made from two recorded briefs for the view's tests.",
            "articles": articles,
            "figures": [
                {
                    "counts": "things counted",
                    "kind": "count",
                    "reports": reports,
                    "latest": None,
                    "conflict": True,
                }
            ],
            "claims": claims,
            "meta": cases[0]["brief"]["meta"],
        }
    )
    out = tmp_path / "story.json"
    out.write_text(json.dumps(story.to_json_dict(), ensure_ascii=False), encoding="utf-8")
    return out, files
