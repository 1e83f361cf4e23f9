"""The story's headline call with a scripted backend: a number no article reports is re-asked, then cut."""

from __future__ import annotations

from pathlib import Path

from summarizer.briefing.story_figures import FigureInput, group_figures
from summarizer.briefing.story_names import merge_places, merge_when, merge_who
from summarizer.briefing.story_summary import StoryFacts, allowed_values, facts_text, summarize_facts
from summarizer.llm.call import Caller
from summarizer.llm.prompts import load_prompt
from summarizer.llm.store import Store
from summarizer.llm.story_answers import stray_numbers

from scripted import ScriptedBackend
from story_helpers import Fig, Story, person, place

ARTICLES = [
    Story(
        id="a",
        date="2021-05-23",
        headline="Fighting in Mihtarlam",
        what="Fighting broke out in Mihtarlam.",
        sentences=["Dozens of people were injured in Mihtarlam on Sunday, police said."],
        who=[person("Taliban", kind="group", main=True)],
        where=[place("Mihtarlam")],
        figures=[Fig(0, "Dozens", 24, "people injured", "injured", approx="at_least", source="police")],
    ),
    Story(
        id="b",
        date="2021-05-24",
        headline="Seven killed in Mihtarlam",
        what="Seven people were killed.",
        sentences=["Seven people were killed and 51 injured in Mihtarlam, the ministry said."],
        who=[person("Taliban", kind="group")],
        where=[place("Mihtarlam")],
        figures=[
            Fig(0, "Seven", 7, "people killed", "killed", source="ministry"),
            Fig(0, "51", 51, "people injured", "injured", source="ministry"),
        ],
    ),
]


def _facts() -> StoryFacts:
    digests = [s.digest() for s in ARTICLES]
    who, _ = merge_who([(d.id, d.brief.who) for d in digests])
    items = [FigureInput(d.id, d.date, f) for d in digests for f in d.brief.figures]
    figures = group_figures(items, lambda it: it.figure.source, lambda r: r.source or r.article)
    return StoryFacts(
        digests,
        who,
        merge_places([(d.id, d.brief.where) for d in digests]),
        merge_when([(d.id, d.brief.when) for d in digests]),
        figures,
    )


def _caller(backend: ScriptedBackend, tmp_path: Path) -> Caller:
    return Caller(backend, load_prompt("story"), store=Store(tmp_path / "db.sqlite"), reasks=2)


def _story_calls(backend: ScriptedBackend) -> list[str]:
    return [r["messages"][-1]["content"] for r in backend.requests]


def test_only_reported_values_are_allowed_numbers() -> None:
    allowed = allowed_values(_facts().figures)
    assert allowed == [7, 24, 51]
    assert stray_numbers("Seven people were killed and 51 injured.", allowed) == []
    assert stray_numbers("At least 24 were hurt; 58 in all.", allowed) == ["58"]
    assert stray_numbers("Nine people died in one attack.", allowed) == ["Nine"]


def test_the_facts_are_fenced_and_hold_every_report(tmp_path: Path) -> None:
    backend = ScriptedBackend(
        ['{"headline": "Seven killed in Mihtarlam", "what": "Seven people were killed."}']
    )
    summary = summarize_facts(_caller(backend, tmp_path), _facts(), "sha")
    assert (summary.headline, summary.what) == ("Seven killed in Mihtarlam", "Seven people were killed.")
    sent = _story_calls(backend)[0]
    text = facts_text(_facts())
    assert text in sent and "<<<ARTICLE " in sent and "<<<END ARTICLE " in sent
    assert (
        "people injured (injured): latest 51; reported: at least 24 (police, 2021-05-23); 51 (ministry"
        in text
    )


def test_an_unreported_number_is_reasked_with_the_problem_named(tmp_path: Path) -> None:
    backend = ScriptedBackend(
        [
            '{"headline": "Nine killed in Mihtarlam", "what": "Nine people were killed."}',
            '{"headline": "Seven killed in Mihtarlam", "what": "Seven were killed and 51 injured."}',
        ]
    )
    summary = summarize_facts(_caller(backend, tmp_path), _facts(), "sha")
    assert summary.headline == "Seven killed in Mihtarlam"
    assert summary.what == "Seven were killed and 51 injured."
    calls = _story_calls(backend)
    assert len(calls) == 2 and "Nine" in calls[1] and "not among the reported figures" in calls[1]
    assert summary.usage.attempts == 2 and not summary.warnings


def test_a_number_still_unreported_after_the_reasks_is_cut_with_its_sentence(tmp_path: Path) -> None:
    bad = (
        '{"headline": "Nine killed in Mihtarlam", '
        '"what": "Nine people were killed. Dozens were injured in Mihtarlam."}'
    )
    backend = ScriptedBackend([bad, bad, bad])
    summary = summarize_facts(_caller(backend, tmp_path), _facts(), "sha")
    assert summary.what == "Dozens were injured in Mihtarlam."
    assert summary.headline == "Dozens were injured in Mihtarlam"  # from the kept sentence
    assert "Nine" not in summary.headline + summary.what
    assert any("Nine" in w and "cut" in w for w in summary.warnings)
    assert len(_story_calls(backend)) == 3


def test_a_cached_story_call_costs_no_request(tmp_path: Path) -> None:
    backend = ScriptedBackend(
        ['{"headline": "Seven killed in Mihtarlam", "what": "Seven people were killed."}']
    )
    caller = _caller(backend, tmp_path)
    first = summarize_facts(caller, _facts(), "sha")
    second = summarize_facts(caller, _facts(), "sha")
    assert len(backend.requests) == 1 and second.usage.live_calls == 0
    assert (first.headline, first.what) == (second.headline, second.what)


def test_a_failing_model_falls_back_to_the_latest_brief_with_a_warning(tmp_path: Path) -> None:
    backend = ScriptedBackend(["not json at all", "still not json", "nope"])
    summary = summarize_facts(_caller(backend, tmp_path), _facts(), "sha")
    assert summary.what == "Seven people were killed."
    assert summary.headline == "Seven people were killed"
    assert any(w.startswith("story summary: the model gave none") for w in summary.warnings)
