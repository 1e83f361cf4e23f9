"""A casualty story read by code alone: four outlets over three days report a bombing whose counts grow and
conflict. The latest killed, injured and arrested counts, every stated value with its article, the attacker
and the place must come out of the merge, grounded in each article (tests/data/casualty_story)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from summarizer.articles import Article
from summarizer.briefing.reading import read_article
from summarizer.briefing.story import assemble
from summarizer.briefing.story_digest import article_id, digest
from summarizer.contract import Meta, StoryBrief, StoryFigure
from summarizer.evaluation.story import story_grounding

DATA = Path(__file__).resolve().parents[1] / "data" / "casualty_story"


def _articles() -> list[Article]:
    articles = []
    for path in sorted(DATA.glob("*.txt")):
        date, publisher = path.stem[:10], path.stem[11:]
        articles.append(Article.from_text(path.read_text(encoding="utf-8"), date=date, publisher=publisher))
    return articles


def _story(articles: list[Article]) -> StoryBrief:
    meta = Meta(model="code", prompt="code", article_sha256="")
    digests = [digest(a, read_article(a).brief("", "", meta), article_id(a)) for a in articles]
    return assemble(digests, None)


@pytest.fixture(scope="module")
def story() -> StoryBrief:
    return _story(_articles())


def _figure(story: StoryBrief, kind: str) -> StoryFigure:
    """The count of that kind. A part of it ("two of the injured died") and an increment ("two more suspects")
    are groups of their own, named so."""
    figures = [
        f
        for f in story.figures
        if f.kind == kind and " among those " not in f.counts and not f.counts.startswith("more ")
    ]
    assert len(figures) == 1, [(f.counts, f.kind) for f in story.figures]
    return figures[0]


def _publisher(story: StoryBrief, aid: str) -> str | None:
    return next(a.publisher for a in story.articles if a.id == aid)


@pytest.mark.parametrize(("kind", "latest"), [("killed", 9), ("injured", 49), ("arrested", 3)])
def test_the_latest_reports_settle_each_casualty_count(story: StoryBrief, kind: str, latest: int) -> None:
    figure = _figure(story, kind)
    assert figure.latest is not None and figure.latest.value == latest


def test_every_stated_value_is_reported_with_its_outlet(story: StoryBrief) -> None:
    expected = {
        "killed": {(7, "herald"), (9, "times"), (9, "wire"), (20, "wire")},
        "injured": {(24, "daily"), (51, "herald"), (49, "times"), (49, "wire")},
    }
    for kind, pairs in expected.items():
        reported = {(r.value, _publisher(story, r.article)) for r in _figure(story, kind).reports}
        assert pairs <= reported, (kind, sorted(reported, key=str))


def test_the_claimed_toll_conflicts_with_the_polices(story: StoryBrief) -> None:
    killed = _figure(story, "killed")
    assert killed.conflict
    sources = {r.source for r in killed.reports if r.value == 20}
    assert sources and all(s is not None and "group" in s.casefold() for s in sources), sources


def test_the_attacker_and_the_place_are_found(story: StoryBrief) -> None:
    assert "Eastern Front" in {p.name for p in story.who}
    assert "Northtown" in {p.name for p in story.where}
    reyes = next(p for p in story.who if p.name.endswith("Daniel Reyes"))
    assert len(reyes.articles) == 4


def test_a_source_said_in_the_lead_is_not_a_main_actor(story: StoryBrief) -> None:
    assert "officials" not in {p.name for p in story.who if p.main}


def test_every_report_is_grounded_in_its_own_article_in_any_order(story: StoryBrief) -> None:
    articles = _articles()
    grounding = story_grounding(story.to_json_dict(), [a.text for a in articles])
    assert grounding is not None and grounding.values["grounding"] == 1.0
    random.Random(7).shuffle(articles)
    shuffled = _story(articles).to_json_dict()
    same = story.to_json_dict()
    shuffled.pop("meta")
    same.pop("meta")
    assert shuffled == same
