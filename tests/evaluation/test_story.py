"""Story cases: the suite loader (articles inline or taken from another suite file), the story scorers on
hand-built story briefs, and a run that briefs a story case with `summarize_story`."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from summarizer.api import Summarizer
from summarizer.articles import Article
from summarizer.briefing.briefer import Briefer
from summarizer.contract import StoryBrief
from summarizer.evaluation.metrics import scores_to_json
from summarizer.evaluation.runner import run_suite
from summarizer.evaluation.story import score_story_case
from summarizer.evaluation.suite import load_suite
from summarizer.llm.call import Caller
from summarizer.llm.prompts import load_prompt
from summarizer.llm.store import Store

from conftest import ROOT
from scripted import ScriptedBackend

EARLY = (
    "Police said at least 5 people were killed and 20 injured when a tram left the rails in Croydon on "
    "Wednesday. The tram driver was arrested."
)
LATE = (
    "Seven people were killed in the Croydon tram crash, British Transport Police said on Thursday. "
    "The union blamed the speed of the tram, while the operator said the track was at fault."
)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _report(article: str, text: str, phrase: str, value: float, source: str | None = None) -> dict[str, Any]:
    body = EARLY if article == "a1" else LATE
    start = body.index(phrase)
    evidence = body[start : start + len(phrase)]
    return {"value": value, "approx": "exact", "text": text, "unit": None, "source": source,
            "article": article, "evidence": evidence, "span": [start, start + len(evidence)]}  # fmt: skip


def story_dict() -> dict[str, Any]:
    """A story brief (CONTRACT §4) of the two articles, as `to_json_dict` gives it."""
    killed = [
        _report("a1", "5", "at least 5 people were killed", 5, "Police"),
        _report("a2", "Seven", "Seven people were killed", 7, "British Transport Police"),
    ]
    story = StoryBrief.model_validate(
        {
            "headline": "Seven killed in Croydon tram crash",
            "what": "A tram left the rails in Croydon, killing seven people and injuring 20.",
            "articles": [
                {"id": "a1", "title": "Tram crash", "publisher": "Daily", "date": "2016-11-09", "sha256": _sha(EARLY)},
                {"id": "a2", "title": "Seven dead", "publisher": "Weekly", "date": "2016-11-10", "sha256": _sha(LATE)},
            ],
            "who": [
                {"name": "British Transport Police", "kind": "organization", "aliases": ["Police"], "main": False,
                 "articles": ["a1", "a2"]},
                {"name": "The tram driver", "kind": "person", "main": True, "articles": ["a1"]},
            ],
            "where": [{"name": "Croydon", "kind": "city", "articles": ["a1", "a2"]}],
            "when": [{"text": "Wednesday", "date": "2016-11-09", "articles": ["a1"]}],
            "figures": [
                {"counts": "people killed", "kind": "killed", "reports": killed,
                 "latest": {"value": 7, "approx": "exact"}, "conflict": False},
                {"counts": "people injured", "kind": "injured",
                 "reports": [_report("a1", "20", "20 injured", 20)], "latest": {"value": 20}, "conflict": False},
            ],
            "claims": [],
            "disputes": [{"topic": "the cause of the crash", "sources": ["union", "operator"], "claims": []}],
            "meta": {"model": "m", "prompt": "p", "article_sha256": "0" * 64},
        }
    )  # fmt: skip
    return story.to_json_dict()


REFERENCE: dict[str, Any] = {
    "what": "A tram derailed in Croydon; seven people were killed and 20 injured.",
    "who": [
        {"name": "tram driver", "aliases": ["The tram driver"], "main": True},
        {"name": "British Transport Police", "aliases": ["Police"], "main": False},
    ],
    "where": [{"name": "Croydon"}],
    "when": [{"date": "2016-11-09"}],
    "figures": [
        {"counts": "people killed", "kind": "killed", "values": [5, 7], "latest": 7,
         "reports": [{"value": 5, "article": "a1"}, {"value": 7, "article": "a2"}]},
        {"counts": "people injured", "kind": "injured", "values": [20], "latest": 20},
    ],
    "conflicts": [{"topic": "what caused the crash"}],
}  # fmt: skip


def _scores(story: dict[str, Any] | None, reference: dict[str, Any] = REFERENCE) -> dict[str, Any]:
    return scores_to_json(score_story_case(story, reference, [EARLY, LATE]))


def test_a_story_matching_its_reference_scores_full_marks() -> None:
    scores = _scores(story_dict())
    assert scores["figures"] == {"recall": 1.0, "latest": 1.0, "reported": 1.0, "reports": 1.0}
    assert scores["who"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "main_recall": 1.0}
    assert scores["where"]["f1"] == 1.0 and scores["when"]["f1"] == 1.0
    assert scores["conflicts"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert scores["grounding"] == 1.0 and scores["valid"] == 1.0
    assert 0.0 < scores["what"]["similarity"] < 1.0


def test_each_figure_error_moves_its_own_metric() -> None:
    story = story_dict()
    story["figures"][0]["latest"] = {"value": 5, "upper": None, "approx": "exact"}
    assert _scores(story)["figures"] == {"recall": 1.0, "latest": 0.5, "reported": 1.0, "reports": 1.0}
    story = story_dict()
    story["figures"][0]["reports"][1]["article"] = "a1"  # the right value, credited to the wrong article
    assert _scores(story)["figures"]["reports"] == 0.5
    story = story_dict()
    del story["figures"][0]["reports"][0]  # the early "5" is lost
    figures = _scores(story)["figures"]
    assert figures["reported"] == pytest.approx(2 / 3) and figures["reports"] == 0.5
    story = story_dict()
    story["figures"][1]["kind"] = "people"  # no longer the reference's injured figure
    assert _scores(story)["figures"] == {
        "recall": 0.5,
        "latest": 0.5,
        "reported": pytest.approx(2 / 3),
        "reports": 1.0,
    }


def test_conflicts_are_matched_by_topic_with_precision_and_recall() -> None:
    story = story_dict()
    story["figures"][0]["conflict"] = True  # a second conflict the reference does not list
    scores = _scores(story)["conflicts"]
    assert scores == {"precision": 0.5, "recall": 1.0, "f1": pytest.approx(2 / 3)}
    story["disputes"] = []
    assert _scores(story)["conflicts"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    no_conflicts = {**REFERENCE, "conflicts": []}
    assert _scores(story, no_conflicts)["conflicts"] == {"precision": 0.0, "recall": None, "f1": 0.0}


def test_a_main_actor_not_marked_main_counts_for_who_but_not_for_main_recall() -> None:
    story = story_dict()
    story["who"][1]["main"] = False
    who = _scores(story)["who"]
    assert who["recall"] == 1.0 and who["main_recall"] == 0.0
    unmarked = {**REFERENCE, "who": [{**w, "main": False} for w in REFERENCE["who"]]}
    assert _scores(story_dict(), unmarked)["who"]["main_recall"] is None


def test_grounding_checks_each_item_in_its_own_article() -> None:
    story = story_dict()
    story["figures"][1]["reports"][0]["article"] = "a2"  # the "20 injured" span is in a1, not a2
    assert _scores(story)["grounding"] == pytest.approx(2 / 3)
    story = story_dict()
    story["articles"][1]["sha256"] = "f" * 64  # an article the case does not have
    assert _scores(story)["grounding"] == pytest.approx(2 / 3)


def test_absent_reference_fields_and_a_failed_story_score_none() -> None:
    scores = _scores(story_dict(), {"where": [{"name": "Croydon"}]})
    assert scores["where"]["f1"] == 1.0
    assert all(scores[name] is None for name in ("who", "when", "figures", "conflicts", "what"))
    failed = _scores(None)
    assert failed["valid"] == 0.0 and all(v is None for k, v in failed.items() if k != "valid")
    broken = copy.deepcopy(story_dict())
    del broken["headline"]
    assert _scores(broken)["valid"] == 0.0


# --- The loader and the runner -------------------------------------------------------------------------


def _story_suite(tmp_path: Path) -> Path:
    other = tmp_path / "elsewhere" / "articles.jsonl"
    other.parent.mkdir()
    (other.parent / "late.txt").write_text(LATE)
    other.write_text(
        json.dumps({"id": "early", "article": {"text": EARLY, "date": "2016-11-09", "publisher": "Daily"}}) + "\n"
        + json.dumps({"id": "late", "article": {"path": "late.txt", "date": "2016-11-10"}}) + "\n"
    )  # fmt: skip
    lines = [
        {"id": "croydon", "articles": [{"from": "elsewhere/articles.jsonl", "id": "early"},
                                       {"from": "elsewhere/articles.jsonl", "id": "late"}], "reference": REFERENCE},
        {"id": "inline", "articles": [{"text": EARLY, "date": "2016-11-09", "id": "first"}], "reference": {}},
        {"id": "missing", "articles": [{"from": "elsewhere/articles.jsonl", "id": "early"},
                                       {"from": "elsewhere/articles.jsonl", "id": "nope"}], "reference": {}},
        {"id": "empty", "articles": [], "reference": {}},
        {"id": "single", "article": {"text": EARLY}, "reference": {}},
    ]  # fmt: skip
    suite = tmp_path / "stories.jsonl"
    suite.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return suite


def test_the_loader_resolves_articles_from_another_suite_file(tmp_path: Path) -> None:
    samples = {s.id: s for s in load_suite(_story_suite(tmp_path))}
    croydon = samples["croydon"]
    assert croydon.story and croydon.error is None and croydon.article is None
    assert [a.text for a in croydon.articles or []] == [EARLY, LATE]
    assert croydon.article_ids == ["early", "late"]
    assert [str(a.date) for a in croydon.articles or []] == ["2016-11-09", "2016-11-10"]
    if hasattr(Article, "publisher"):
        assert [getattr(a, "publisher", None) for a in croydon.articles or []] == ["Daily", None]
    assert samples["inline"].article_ids == ["first"]
    assert samples["missing"].error is not None and "article 2 of the story" in samples["missing"].error
    assert "no case with id 'nope'" in samples["missing"].error and samples["missing"].story
    assert samples["empty"].error == "the story case's articles is not a non-empty list"
    assert not samples["single"].story and samples["single"].article is not None


def test_the_story_suite_of_the_repository_loads() -> None:
    if not (ROOT.parent / "shared" / "dev" / "giveme5w1h-dev.jsonl").is_file():
        pytest.skip("the story suite's articles live in ../shared/dev, which this checkout lacks")
    samples = load_suite(ROOT / "evals" / "suites" / "stories.jsonl")
    assert len(samples) >= 5 and all(s.story and s.error is None for s in samples)
    assert all(len(s.articles or []) >= 2 for s in samples)


def test_a_run_briefs_story_cases_with_summarize_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = ScriptedBackend()
    store = Store(tmp_path / "db.sqlite")
    runner = Summarizer(
        backend=backend, briefer=Briefer(Caller(backend, load_prompt("brief"), store=store)), store=store
    )
    given: list[list[str]] = []

    def summarize_story(articles: list[Article]) -> StoryBrief:
        given.append([a.text for a in articles])
        return StoryBrief.model_validate(story_dict())

    monkeypatch.setattr(runner, "summarize_story", summarize_story, raising=False)
    run = run_suite(_story_suite(tmp_path), runner)
    cases = {c.id: c for c in run.per_case}
    assert given == [[EARLY, LATE], [EARLY]]
    croydon = cases["croydon"]
    assert croydon.story and croydon.error is None and croydon.brief is not None
    assert croydon.scores["figures"]["latest"] == 1.0 and croydon.scores["grounding"] == 1.0
    assert [a["id"] for a in croydon.articles or []] == ["early", "late"]
    assert cases["missing"].error and cases["missing"].scores["valid"] == 0.0
    assert run.scores["conflicts"]["recall"] == 1.0 and run.errors == 2
    data = run.contract_dict()
    assert {"suite", "model", "prompt", "cases", "errors", "scores", "cost", "per_case"} <= set(data)
