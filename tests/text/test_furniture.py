"""Page furniture: other stories' headlines under a "Related:" heading are never the story's figures."""

from __future__ import annotations

import pytest

from summarizer.articles import Article
from summarizer.briefing.reading import read_article
from summarizer.text.furniture import find_furniture

PAGE = (
    "Three people were killed and four others were wounded in a shooting on Saturday, police said.\n"
    "Anyone with information is asked to call police.\n"
    "Related:\n"
    "2 dead, 1 hurt in Eastside crash\n"
    "\n"
    "Police: 6 arrested after downtown brawl outside arena\n"
    "Copyright 2026 Nexline Media Inc. All rights reserved.\n"
)


def test_related_headlines_are_other_stories_and_their_figures_are_left_out() -> None:
    furniture = find_furniture(PAGE)
    crash = PAGE.index("2 dead")
    brawl = PAGE.index("Police: 6")
    assert furniture.in_other_story(crash, crash + 6) and furniture.in_other_story(brawl, brawl + 9)
    assert not furniture.in_other_story(0, 5)
    figures = read_article(Article.from_text(PAGE, date="2026-03-14")).figures
    assert sorted((f.value, f.kind) for f in figures) == [(3.0, "killed"), (4.0, "injured")]


def test_the_list_ends_at_the_story_and_an_inline_related_line_is_one_headline() -> None:
    text = (
        "Related: 4 hurt after bus and van collide\n"
        "Two men were shot on Friday night, police said.\n"
        "Read more:\n"
        "Officers said the gunman fled on foot.\n"
    )
    furniture = find_furniture(text)
    assert furniture.in_other_story(text.index("4 hurt"), text.index("4 hurt") + 6)
    two = text.index("Two men")
    fled = text.index("Officers")
    assert not furniture.in_other_story(two, two + 3) and not furniture.in_other_story(fled, fled + 8)


@pytest.mark.parametrize("heading", ["Also read", "ALSO READ", "See also", "Read more"])
def test_an_inline_also_read_line_is_another_story(heading: str) -> None:
    text = f"Three people died when a coach overturned.\n{heading}: Two hurt as van ploughs into shop front\n"
    furniture = find_furniture(text)
    two = text.index("Two hurt")
    assert furniture.in_other_story(two, two + 3)
    assert not furniture.in_other_story(0, 5)


def test_a_kicker_is_furniture_and_no_name() -> None:
    text = "Explainer: How the vote works\nThe motion needs 76 votes to pass, the speaker said."
    furniture = find_furniture(text)
    assert furniture.covers(0, len("Explainer")) and not furniture.covers(
        text.index("How"), text.index("How") + 3
    )
    assert "Explainer" not in {p.name for p in read_article(Article.from_text(text)).who}
