"""`eval check` finds each planted reference error and passes the real suites; `eval draft` writes a flagged
skeleton that `eval check` refuses until a person has corrected it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.contract import Brief, Claim, Figure, Meta, Person, Place, When
from summarizer.evaluation.draft import draft_reference
from summarizer.evaluation.lint import check_suite

from conftest import ROOT, SUITE

cli = CliRunner()


def _cases() -> list[dict[str, Any]]:
    """The core suite's cases with article paths made absolute, so a copy can live anywhere."""
    cases = [json.loads(line) for line in SUITE.read_text(encoding="utf-8").splitlines() if line.strip()]
    for case in cases:
        case["article"]["path"] = str((SUITE.parent / case["article"]["path"]).resolve())
    return cases


def _write(path: Path, cases: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    return path


def _case(cases: list[dict[str, Any]], case_id: str) -> dict[str, Any]:
    return next(c for c in cases if c["id"] == case_id)


def test_the_real_suites_pass() -> None:
    for name in ("core.jsonl", "figures.jsonl"):
        result = cli.invoke(app, ["eval", "check", str(ROOT / "evals" / "suites" / name)])
        assert result.exit_code == 0, result.output
        assert result.stdout.strip().endswith("no problems")


def test_the_story_suite_passes() -> None:
    stories = ROOT / "evals" / "suites" / "stories.jsonl"
    if not (ROOT.parent / "shared" / "dev" / "giveme5w1h-dev.jsonl").is_file():
        pytest.skip("the story suite's articles live in ../shared/dev, which this checkout lacks")
    assert check_suite(stories) == []


def test_six_planted_errors_are_each_found(tmp_path: Path) -> None:
    cases = _cases()
    seed = _case(cases, "seed")["reference"]
    seed["who"][0] = {"name": "Angela Merkel", "aliases": ["Merkel"]}  # 1. a name the article lacks
    fifty = next(f for f in seed["figures"] if f.get("text") == "50")
    fifty["value"] = 500  # 2. a value the article does not state
    afghan = _case(cases, "afghan")["reference"]
    afghan["claims"][0]["source"] = "Vladimir Putin"  # 3. a claim source the article lacks
    afghan["when"][0]["date"] = "2017-02-30"  # 4. a day that does not exist
    _case(cases, "clock")["reference"]["where"] = {"name": "Geneva"}  # 5. a list field that is not a list
    cases.append(copy.deepcopy(_case(cases, "crane")))  # 6. a duplicate id
    suite = _write(tmp_path / "core-copy.jsonl", cases)

    problems = [str(p) for p in check_suite(suite)]
    expected = [
        "seed: who[0]: 'Angela Merkel' (nor an alias) does not occur in the article",
        "value 500 disagrees with the article's '50' (50)",
        "afghan: claims[0]: source 'Vladimir Putin' does not occur in the article",
        "afghan: when[0]: date '2017-02-30' is not a real day as YYYY-MM-DD",
        "clock: where: must be a list",
        "crane: duplicate id (first on line",
    ]
    for want in expected:
        assert [p for p in problems if want in p], (want, problems)
    assert len(problems) == 6, problems

    result = cli.invoke(app, ["eval", "check", str(suite)])
    assert result.exit_code == 1
    assert len([line for line in result.stdout.splitlines() if line.startswith(str(suite))]) == 6


def test_shape_problems_name_the_field(tmp_path: Path) -> None:
    cases = _cases()[:1]
    reference = cases[0]["reference"]
    reference["figures"][0]["value"] = "fifty"
    reference["figures"][1].pop("counts")
    reference["claims"][0] = "Zia said so"
    reference["figure"] = []
    problems = [p.message for p in check_suite(_write(tmp_path / "s.jsonl", cases))]
    assert 'figures[0]: value must be a number, not "fifty"' in problems
    assert "figures[1]: counts is missing" in problems
    assert "claims[0]: must be an object" in problems
    assert any(p.startswith("unknown reference field 'figure'") for p in problems)


def test_unreadable_lines_and_articles_are_problems(tmp_path: Path) -> None:
    suite = tmp_path / "s.jsonl"
    suite.write_text(
        "{not json\n"
        + json.dumps({"id": "gone", "article": {"path": "nowhere.txt"}, "reference": {}})
        + "\n"
        + json.dumps({"article": {"text": "x" * 40}, "reference": {}})
        + "\n"
    )
    problems = [str(p) for p in check_suite(suite)]
    assert problems[0].startswith("line 1: ?: not JSON")
    assert problems[1].startswith("line 2: gone: article:") and "nowhere.txt" in problems[1]
    assert problems[2] == "line 3: ?: id must be a non-empty string"


def _brief() -> Brief:
    text = "Officials said 50 people died in Laghman on Sunday."
    return Brief(
        headline="50 dead in Laghman",
        what="Fifty people died in Laghman.",
        who=[Person(name="Officials", kind="government", main=True)],
        where=[Place(name="Laghman", kind="region")],
        when=[When(text="Sunday", date="2021-05-23"), When(text="recently", date=None)],
        figures=[
            Figure(text="50", value=50.0, counts="people died", kind="killed", source="Officials",
                   evidence=text, span=(0, len(text))),
            Figure(text="some", value=None, counts="things", evidence=text, span=(0, len(text))),
        ],
        claims=[Claim(source="Officials", cue="said", statement="50 people died.", evidence=text, span=(0, len(text)))],
        meta=Meta(model="m", prompt="p", article_sha256="0" * 64),
    )  # fmt: skip


def test_a_draft_is_flagged_and_refused_until_corrected(tmp_path: Path) -> None:
    draft = draft_reference(_brief(), "laghman")
    assert list(draft)[:3] == ["_comment", "draft", "id"] and draft["draft"] is True
    assert "DRAFT" in draft["_comment"] and "correct" in draft["_comment"]
    assert draft["who"] == [{"name": "Officials", "aliases": [], "main": True}]
    assert draft["when"] == [{"date": "2021-05-23", "text": "Sunday"}]
    assert [f["value"] for f in draft["figures"]] == [50] and draft["figures"][0]["source"] == "Officials"
    assert draft["claims"] == [{"source": "Officials", "statement": "50 people died."}]

    reference = {k: v for k, v in draft.items() if k != "id"}
    line = {"id": "laghman", "article": {"text": "Officials said 50 people died in Laghman on Sunday."}}
    suite = _write(tmp_path / "s.jsonl", [{**line, "reference": reference}])
    assert [p.message for p in check_suite(suite)] == [
        "reference is still a draft: correct it against the article, then delete _comment and draft"
    ]
    corrected = {k: v for k, v in reference.items() if k not in ("_comment", "draft")}
    assert check_suite(_write(tmp_path / "s.jsonl", [{**line, "reference": corrected}])) == []


def test_eval_draft_writes_a_flagged_reference_from_the_recorded_brief(
    replay_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "seed.json"
    article = ROOT / "evals" / "articles" / "seed.txt"
    result = cli.invoke(app, ["eval", "draft", str(article), "--date", "2021-05-24", "--out", str(out)])
    assert result.exit_code == 0, result.output
    draft = json.loads(out.read_text())
    assert draft["draft"] is True and draft["id"] == "seed" and "DRAFT" in draft["_comment"]
    assert draft["what"] and draft["who"] and draft["figures"]
    assert all(isinstance(f["value"], int | float) for f in draft["figures"])
