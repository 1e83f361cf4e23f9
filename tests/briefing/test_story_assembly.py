"""A story from hand-built briefs (no model): order, bad input, grounding, timeline, disputes, rendering."""

from __future__ import annotations

import json
import random
from collections.abc import Callable

import pytest

from summarizer.articles import Article
from summarizer.briefing.story import StorySource, assemble, in_memory, run_story
from summarizer.contract import Brief, StoryBrief
from summarizer.errors import ArticleError, SummarizerError
from summarizer.text.dates import find_dates

from story_helpers import Fig, Said, Story, person, place

REUTERS = Story(
    id="reuters-1",
    date="2021-05-23",
    publisher="Reuters",
    headline="Taliban attack Mihtarlam",
    what="Taliban fighters attacked Mihtarlam.",
    sentences=[
        "Fierce fighting erupted late Sunday in Mihtarlam, the capital of Laghman Province.",
        "Dozens of people were injured, police said.",
        "Taliban Spokesman Zabihullah Mujahid said the militants captured three checkpoints.",
    ],
    who=[
        person("Taliban Spokesman Zabihullah Mujahid", aliases=("Mujahid",), main=True),
        person("Taliban", kind="group", main=True),
    ],
    where=[place("Mihtarlam"), place("Laghman Province", "region")],
    figures=[
        Fig(1, "Dozens", 24, "people injured", "injured", approx="at_least", source="police"),
        Fig(2, "three", 3, "checkpoints captured", "count", source="Taliban Spokesman Zabihullah Mujahid"),
    ],
    claims=[Said(2, "Taliban Spokesman Zabihullah Mujahid", "the militants captured three checkpoints")],
)
AP = Story(
    id="ap-1",
    date="2021-05-24",
    publisher="AP",
    headline="Seven killed in Mihtarlam fighting",
    what="Seven people were killed and 51 injured.",
    sentences=[
        "Seven people were killed and 51 injured in Mihtarlam on Sunday, the Defense Ministry said.",
        "Mujahid said the attack on the city had succeeded.",
        "The Defense Ministry said the assault was repelled on Monday.",
    ],
    who=[
        person("Defense Ministry", kind="government", main=True),
        person("Zabihullah Mujahid", aliases=("Mujahid",)),
    ],
    where=[place("Mihtarlam")],
    figures=[
        Fig(0, "Seven", 7, "people killed", "killed", source="Defense Ministry"),
        Fig(0, "51", 51, "people injured", "injured", source="Defense Ministry"),
    ],
    claims=[
        Said(1, "Zabihullah Mujahid", "the attack on the city had succeeded"),
        Said(2, "Defense Ministry", "the assault was repelled"),
    ],
)
ALJAZEERA = Story(
    id="aljazeera-1",
    date="2021-05-24",
    publisher="Al Jazeera",
    headline="Taliban claim twelve dead in Laghman",
    what="The Taliban said twelve people died.",
    sentences=[
        "Twelve people were killed in the Laghman fighting, according to a Taliban statement.",
        "The fighting in Laghman began on Sunday night.",
    ],
    who=[person("Taliban", kind="group", main=True)],
    where=[place("Laghman", "region")],
    figures=[Fig(0, "Twelve", 12, "people killed", "killed", source="Taliban")],
    claims=[Said(0, "Taliban", "twelve people were killed in the Laghman fighting")],
)
SPORTS = Story(
    id="sports-1",
    date="2021-06-10",
    publisher="Sports Daily",
    sentences=["Real Madrid won the cup final in Lisbon on Saturday, after extra time and penalties."],
    who=[person("Real Madrid", kind="organization")],
    where=[place("Lisbon")],
)
EVENT = [REUTERS, AP, ALJAZEERA]


def _summarize(stories: list[Story]) -> Callable[[Article], Brief]:
    briefs = {s.id: s.brief() for s in stories}
    return lambda article: briefs[article.id or ""]


def _story(
    stories: list[Story], sources: list[StorySource] | None = None, concurrency: int = 2
) -> StoryBrief:
    given = sources if sources is not None else [in_memory(s.article()) for s in stories]
    return run_story(given, _summarize(stories), None, concurrency=concurrency)


def _json(story: StoryBrief) -> str:
    data = story.to_json_dict()
    data.pop("meta")
    return json.dumps(data, sort_keys=True)


def test_any_order_of_the_articles_gives_the_same_story() -> None:
    first = _json(_story(EVENT))
    for seed in range(4):
        shuffled = random.Random(seed).sample(EVENT, len(EVENT))
        assert _json(_story(shuffled, concurrency=1 + seed)) == first
    digests = [s.digest() for s in EVENT]
    assert _json(assemble(list(reversed(digests)), None)) == first


def test_every_evidence_is_its_own_articles_text_at_its_span() -> None:
    story = _story(EVENT)
    texts = {s.id: s.article().text for s in EVENT}
    items = [*(r for f in story.figures for r in f.reports), *story.claims, *story.timeline]
    assert len(items) >= 10
    for item in items:
        assert texts[item.article][item.span[0] : item.span[1]] == item.evidence
    for figure in story.figures:
        for report in figure.reports:
            assert report.text in report.evidence


def test_merged_story_fields() -> None:
    story = _story(EVENT)
    assert [a.id for a in story.articles] == ["reuters-1", "aljazeera-1", "ap-1"]  # by date, then id
    who = {p.name: p for p in story.who}
    assert who["Zabihullah Mujahid"].articles == ["ap-1", "reuters-1"] and who["Zabihullah Mujahid"].main
    assert who["Taliban"].articles == ["aljazeera-1", "reuters-1"]
    where = {p.name: p.articles for p in story.where}
    assert where["Mihtarlam"] == ["ap-1", "reuters-1"]
    assert any(set(articles) == {"aljazeera-1", "reuters-1"} for articles in where.values())
    killed = next(f for f in story.figures if f.kind == "killed")
    assert [(r.value, r.article, r.source) for r in killed.reports] == [
        (12, "aljazeera-1", "Taliban"),
        (7, "ap-1", "Defense Ministry"),
    ]
    assert killed.conflict  # 7 and 12 on one day
    injured = next(f for f in story.figures if f.kind == "injured")
    assert [r.value for r in injured.reports] == [24, 51] and not injured.conflict
    assert injured.latest is not None and injured.latest.value == 51
    claims = {(c.source, c.article) for c in story.claims}
    assert ("Zabihullah Mujahid", "reuters-1") in claims  # the source under its merged name
    assert ("Zabihullah Mujahid", "ap-1") in claims
    assert not any("share no name" in w for w in story.warnings)


def test_conflicting_reports_from_two_sources_in_two_articles_are_a_dispute() -> None:
    story = _story(EVENT)
    disputes = [d for d in story.disputes if d.topic.startswith("people killed")]
    assert len(disputes) == 1
    dispute = disputes[0]
    assert dispute.sources == ["Defense Ministry", "Taliban"]
    assert "Seven" in dispute.topic and "Twelve" in dispute.topic
    held = [story.claims[i] for i in dispute.claims]
    assert [(c.source, c.article) for c in held] == [("Taliban", "aljazeera-1")]


def test_timeline_resolves_each_articles_dates_against_its_own_date() -> None:
    story = _story(EVENT)
    entries = [(t.date, t.text, t.article) for t in story.timeline]
    assert entries == sorted(entries, key=lambda e: (e[0] or "", e[2]))
    assert ("2021-05-23", "late Sunday", "reuters-1") in entries
    assert ("2021-05-23", "Sunday", "ap-1") in entries  # AP is dated the 24th: its "Sunday" is the 23rd
    assert ("2021-05-24", "Monday", "ap-1") in entries
    found = {m.text for m in find_dates(AP.article().text, AP.article().date)}
    assert {"Sunday", "Monday"} <= found


def test_an_unreadable_article_is_left_out_with_a_warning_naming_it() -> None:
    def broken() -> Article:
        raise ArticleError("broken.txt looks binary (it has NUL bytes)")

    sources = [in_memory(s.article()) for s in EVENT] + [("broken.txt", broken)]
    story = _story(EVENT, sources)
    assert [a.id for a in story.articles] == ["reuters-1", "aljazeera-1", "ap-1"]
    assert any(w.startswith("broken.txt was left out") and "NUL bytes" in w for w in story.warnings)


def test_a_story_with_no_readable_article_raises_the_first_error() -> None:
    def broken() -> Article:
        raise ArticleError("a.txt: no such file")

    with pytest.raises(SummarizerError, match="no such file"):
        _story([], [("a.txt", broken)])


def test_articles_with_nothing_in_common_get_a_warning() -> None:
    story = _story([*EVENT, SPORTS])
    assert any(w.startswith("sports-1 share no name, place or date") for w in story.warnings)
    two = _story([REUTERS, SPORTS])
    assert any("the 2 articles share no name, place or date" in w for w in two.warnings)


def test_the_same_text_twice_is_counted_once() -> None:
    copy = Story(**{**AP.__dict__, "id": "ap-copy"})
    story = _story([*EVENT, copy])
    assert "ap-copy" not in [a.id for a in story.articles]
    assert any(w.startswith("ap-copy: the same text as ap-1") for w in story.warnings)


def test_without_a_model_headline_and_what_come_from_the_latest_brief() -> None:
    story = _story(EVENT)
    assert story.what in {AP.what, ALJAZEERA.what}
    assert story.headline and len(story.headline.split()) <= 15


def test_markdown_shows_each_figures_reports_by_date() -> None:
    from summarizer.cli.render_story import render_story_markdown, render_story_pretty

    story = _story(EVENT)
    text = render_story_markdown(story)
    section = text[text.index("### people killed") :]
    table = section[: section.index("\n\n", section.index("| date"))]
    rows = [line for line in table.splitlines() if line.startswith("| 2021")]
    assert [row.split("|")[2].strip() for row in rows] == ["aljazeera-1", "ap-1"]
    assert "reports conflict" in section.splitlines()[0]
    from rich.console import Console

    console = Console(record=True, width=140)
    render_story_pretty(story, console)
    shown = console.export_text()
    assert "people killed" in shown and "Al Jazeera" in shown


def test_thirty_articles_run_a_few_at_a_time_with_progress_for_each() -> None:
    """Articles are read only as briefs free up: at most 2 x concurrency are in memory at once."""
    import threading
    import time

    lock = threading.Lock()
    alive = [0, 0]  # now, most
    stories = [
        Story(
            id=f"s{n:02}",
            date="2021-05-24",
            sentences=[f"Police in Mihtarlam said {n + 2} people were hurt."],
        )
        for n in range(30)
    ]
    briefs = {s.id: s.brief() for s in stories}

    def load(story: Story) -> Callable[[], Article]:
        def read() -> Article:
            with lock:
                alive[0] += 1
                alive[1] = max(alive)
            return story.article()

        return read

    def summarize(article: Article) -> Brief:
        time.sleep(0.002)
        with lock:
            alive[0] -= 1
        return briefs[article.id or ""]

    seen: list[tuple[str, bool]] = []
    story = run_story(
        ((s.id, load(s)) for s in stories),
        summarize,
        None,
        concurrency=3,
        progress=lambda name, failed: seen.append((name, failed)),
    )
    assert len(story.articles) == 30 and alive[1] <= 6
    assert sorted(seen) == [(s.id, False) for s in stories]


def test_two_outlets_own_words_that_conflict_are_a_conflict_but_no_dispute() -> None:
    first = Story(
        id="x",
        date="2021-05-24",
        sentences=["Seven people were killed in Mihtarlam on Sunday."],
        where=[place("Mihtarlam")],
        figures=[Fig(0, "Seven", 7, "people killed", "killed")],
    )
    second = Story(
        id="y",
        date="2021-05-24",
        sentences=["Nine people were killed in Mihtarlam on Sunday."],
        where=[place("Mihtarlam")],
        figures=[Fig(0, "Nine", 9, "people killed", "killed")],
    )
    story = _story([first, second])
    assert story.figures[0].conflict and story.disputes == []
