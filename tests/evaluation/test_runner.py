"""The runner: broken cases are reported and the run goes on; a killed run resumes from what it finished."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizer.api import Summarizer
from summarizer.briefing.briefer import Briefer
from summarizer.evaluation.runner import run_suite
from summarizer.llm.call import Caller
from summarizer.llm.prompts import load_prompt
from summarizer.llm.store import Store

from scripted import ScriptedBackend

TEXT = (
    "The {n} council said on Tuesday that {k} roads were closed after the storm in Riverton, officials said."
)


def _suite(tmp_path: Path, n: int, broken: bool = True) -> Path:
    lines = [
        json.dumps(
            {
                "id": f"case{i}",
                "article": {"text": TEXT.format(n=f"Town{i}", k=10 + i), "date": "2022-03-09"},
                "reference": {"figures": [{"value": 10 + i, "counts": "roads closed", "source": None}]},
            }
        )
        for i in range(n)
    ]
    if broken:
        lines.insert(1, "{not json")
        lines.insert(2, json.dumps({"id": "missing", "article": {"path": "nowhere.txt"}, "reference": {}}))
        lines.insert(3, json.dumps({"id": "empty", "article": {"text": "   "}, "reference": {}}))
    suite = tmp_path / "suite.jsonl"
    suite.write_text("\n".join(lines) + "\n")
    return suite


def _runner(backend: ScriptedBackend, db: Path) -> Summarizer:
    store = Store(db)
    return Summarizer(
        backend=backend, briefer=Briefer(Caller(backend, load_prompt("brief"), store=store)), store=store
    )


def test_broken_cases_are_errors_and_the_rest_run(tmp_path: Path) -> None:
    run = run_suite(_suite(tmp_path, 3), _runner(ScriptedBackend(), tmp_path / "db.sqlite"), concurrency=2)
    assert run.cases == 6 and run.errors == 3
    errors = {c.id: c.error for c in run.per_case if c.error}
    assert "line 2 is not a JSON object" in errors["line-2"]
    assert "no such file" in errors["missing"] and "empty" in errors["empty"]
    good = [c for c in run.per_case if not c.error]
    assert len(good) == 3 and all(c.scores["figures"]["recall"] == 1.0 for c in good)
    assert run.scores["valid"] == pytest.approx(0.5)


def test_a_killed_run_resumes_from_the_cases_it_finished(tmp_path: Path) -> None:
    suite = _suite(tmp_path, 4, broken=False)
    db = tmp_path / "db.sqlite"
    first = ScriptedBackend(fail_after=2)  # one model call a case: two cases finish, the third is cut
    with pytest.raises(KeyboardInterrupt):
        run_suite(suite, _runner(first, db), concurrency=1)
    assert len(first.requests) == 2
    second = ScriptedBackend()
    run = run_suite(suite, _runner(second, db), concurrency=1)
    assert run.errors == 0 and run.cases == 4
    cached = [c.id for c in run.per_case if c.cached]
    assert cached == ["case0", "case1"]
    assert len(second.requests) == 2  # only the two cases that had not finished
