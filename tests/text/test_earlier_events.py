"""Tolls of earlier events name their year; the event's own day, even across New Year, does not."""

from __future__ import annotations

import pytest

from summarizer.articles import Article
from summarizer.briefing.reading import read_article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2019, a fire at the same mill killed two workers.", [(2.0, "workers killed in 2019")]),
        ("It was the deadliest since 2015, when 12 people died.", [(12.0, "people killed in 2015")]),
        ("Last year's attack on the market left 12 dead.", [(12.0, "people killed in 2025")]),
        # a date that only bounds a comparison, or the event's own day, leaves the toll the event's
        ("The attack, the worst since 2019, killed five people on Monday.", [(5.0, "people killed")]),
        (
            "The worst remains the 2009 sinking of the Aster Light, in which more than 300 people died.",
            [(300.0, "people killed in 2009")],
        ),
        (
            "In 2017, the ferry Kalani Dawn sank in the strait, killing 214 people.",
            [(214.0, "people killed in 2017")],
        ),
        ("The financial toll of the strike rose to 2 billion.", []),
        # a span of earlier years: its last year
        (
            "State records show 61 people died on the road between 2020 and 2024.",
            [(61.0, "people killed in 2024")],
        ),
        (
            "A bomb killed five people on Monday, a year after 30 people were killed in 2025 at the market.",
            [(5.0, "people killed"), (30.0, "people killed in 2025")],
        ),
        # a year that dates the clause's subject; a day or month of this year weeks before the article
        ("A lorry crash at the same spot in 2020 killed one man.", [(1.0, "man killed in 2020")]),
        (
            "In 2017 a seismic event at the same shaft killed five mineworkers.",
            [(5.0, "mineworkers killed in 2017")],
        ),
        ("A Jan. 3 blaze at an apartment killed one person.", [(1.0, "person killed on Jan. 3")]),
        ("In January, three children died in a shack fire.", [(3.0, "children killed in January")]),
        # days ago: the event itself
        ("On Feb. 27, three children died in a shack fire.", [(3.0, "children killed")]),
        # a running count over a period that holds the event; the event's own weekend is the event's
        ("Since January, 412 people have been shot in the city.", [(412.0, "people injured since January")]),
        (
            "The violence pushed the number of people shot in the city this month to 64.",
            [(64.0, "people injured this month")],
        ),
        ("Three people were shot this weekend.", [(3.0, "people injured")]),
        # a relative day before the event; a clause of time takes its main clause's year
        (
            "The previous weekend, 12 people were shot, two of them fatally.",
            [(12.0, "people injured the previous weekend"), (2.0, "people killed the previous weekend")],
        ),
        (
            "I wrote it in 2019, after a gunman killed six people at a warehouse.",
            [(6.0, "people killed in 2019")],
        ),
        # the date of the noun a clause hangs on; a part of a year that is a running count; a rate
        (
            "The group has carried out attacks this year, including a bombing at a centre in January that killed 27.",
            [(27.0, "people killed in January")],
        ),
        (
            "It revived memories of the 2016 Sunfield fire in the same belt, which killed 63 workers.",
            [(63.0, "workers killed in 2016")],
        ),
        (
            "Militant attacks killed 61 people in the province in the first two months of this year.",
            [(61.0, "people killed in the first two months of this year"), (2.0, "time killed")],
        ),
        (
            "Reckless driving and bad roads kill about 2,300 people each year, the ministry says.",
            [(2300.0, "people killed a year")],
        ),
        (
            "The toll rose to 27 on Monday, up from 19 a day earlier.",
            [(27.0, "people killed"), (19.0, "people killed")],
        ),
        ("The health ministry said 802 people have been injured since Tuesday.", [(802.0, "people injured")]),
    ],
)
def test_a_toll_of_an_earlier_event_names_its_year(text: str, expected: list[tuple[float, str]]) -> None:
    figures = read_article(Article.from_text(text, date="2026-03-02")).figures
    assert [(f.value, f.counts) for f in figures] == expected


def test_the_event_of_last_new_year_is_the_event() -> None:
    text = "On Dec. 31, 2025, a gunman killed five people at a New Year's Eve party."
    figures = read_article(Article.from_text(text, date="2026-01-01")).figures
    assert [(f.value, f.counts) for f in figures] == [(5.0, "people killed")]
