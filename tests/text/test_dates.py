"""Tests for summarizer.dates: date phrases must resolve to the right calendar day."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.text.dates import DateMention, dateline, find_dates

ARTICLES = Path(__file__).resolve().parents[2] / "evals" / "articles"
D = datetime.date
MONDAY = D(2021, 5, 24)  # the seed article's date


def resolve_date(phrase: str, article_date: datetime.date | None) -> datetime.date | None:
    """The day `find_dates` gives a phrase that is one date phrase and nothing else (a leading "on" and
    trailing punctuation tolerated), else None."""
    cleaned = " ".join(phrase.split())
    variants = [cleaned, cleaned.rstrip(",;:!?"), cleaned.rstrip(",;:!?.")]
    variants += [re.sub(r"^on\s+", "", v, flags=re.IGNORECASE) for v in variants]
    for variant in dict.fromkeys(variants):
        found = find_dates(variant, article_date)
        if len(found) == 1 and found[0].text == variant:
            return found[0].date
    return None


PHRASES: list[tuple[str, datetime.date | None]] = [
    # absolute
    ("2021-05-24", D(2021, 5, 24)),
    ("2020-02-29", D(2020, 2, 29)),
    ("May 1, 2020", D(2020, 5, 1)),
    ("May 1 2020", D(2020, 5, 1)),
    ("1st of May 2020", D(2020, 5, 1)),
    ("12 January 2006", D(2006, 1, 12)),
    ("Thursday, January 12, 2006", D(2006, 1, 12)),
    ("Thursday 12 January 2006", D(2006, 1, 12)),
    # month and day, year from the article
    ("May 1", D(2021, 5, 1)),
    ("May 1st", D(2021, 5, 1)),
    ("1 May", D(2021, 5, 1)),
    ("the 1st of May", D(2021, 5, 1)),
    ("Jan. 12", D(2021, 1, 12)),
    ("Sept. 11", D(2021, 9, 11)),
    ("September 11", D(2021, 9, 11)),
    ("on May 23.", D(2021, 5, 23)),
    ("Sunday, May 23", D(2021, 5, 23)),
    # weekdays: most recent on or before the article date
    ("Sunday night", D(2021, 5, 23)),
    ("late Sunday", D(2021, 5, 23)),
    ("Sunday", D(2021, 5, 23)),
    ("early on Thursday", D(2021, 5, 20)),
    ("Saturday morning", D(2021, 5, 22)),
    ("Tuesday", D(2021, 5, 18)),
    ("on Monday", D(2021, 5, 24)),
    ("Monday", D(2021, 5, 24)),
    ("this Monday", D(2021, 5, 24)),
    ("last Monday", D(2021, 5, 17)),
    ("last Friday", D(2021, 5, 21)),
    ("this past Friday", D(2021, 5, 21)),
    ("next Monday", D(2021, 5, 31)),
    ("next Tuesday", D(2021, 5, 25)),
    # day words
    ("today", D(2021, 5, 24)),
    ("tonight", D(2021, 5, 24)),
    ("this morning", D(2021, 5, 24)),
    ("earlier today", D(2021, 5, 24)),
    ("yesterday", D(2021, 5, 23)),
    ("Yesterday afternoon", D(2021, 5, 23)),
    ("last night", D(2021, 5, 23)),
    ("late yesterday", D(2021, 5, 23)),
    ("tomorrow", D(2021, 5, 25)),
    ("the day before yesterday", D(2021, 5, 22)),
    ("the day after tomorrow", D(2021, 5, 26)),
    ("3 days ago", D(2021, 5, 21)),
    ("two days ago", D(2021, 5, 22)),
    # no single day
    ("last month", None),
    ("in recent weeks", None),
    ("last year", None),
    ("earlier this month", None),
    ("2019", None),
    ("in 2019", None),
    ("May 2020", None),
    ("in May", None),
    ("last week", None),
    ("two weeks ago", None),
    ("May 1-3", None),
    ("February 30", None),
    ("2021-02-30", None),
    ("", None),
    ("the militants attacked", None),
]


@pytest.mark.parametrize(("phrase", "expected"), PHRASES)
def test_resolve_table(phrase: str, expected: datetime.date | None) -> None:
    assert resolve_date(phrase, MONDAY) == expected


def test_table_is_large_enough() -> None:
    assert len(PHRASES) >= 30
    assert MONDAY.weekday() == 0


@pytest.mark.parametrize(
    ("phrase", "article_date", "expected"),
    [
        ("December 30", D(2021, 1, 5), D(2020, 12, 30)),  # more than 10 months ahead
        ("January 3", D(2021, 12, 28), D(2022, 1, 3)),  # more than 10 months back
        ("December 25", D(2021, 5, 24), D(2021, 12, 25)),  # within 10 months: same year
        ("Thursday, January 12", D(2006, 1, 20), D(2006, 1, 12)),
        ("Friday, December 31", D(2022, 1, 3), D(2021, 12, 31)),  # weekday picks the year
        ("February 29", D(2021, 3, 1), D(2020, 2, 29)),  # no Feb 29 in 2021
        ("Sunday", D(2021, 5, 23), D(2021, 5, 23)),
        ("last Sunday", D(2021, 5, 23), D(2021, 5, 16)),
        ("next Sunday", D(2021, 5, 23), D(2021, 5, 30)),
    ],
)
def test_resolve_relative_to_other_dates(
    phrase: str, article_date: datetime.date, expected: datetime.date
) -> None:
    assert resolve_date(phrase, article_date) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("2021-05-24", D(2021, 5, 24)),
        ("May 1, 2020", D(2020, 5, 1)),
        ("Thursday, January 12, 2006", D(2006, 1, 12)),
        ("May 1", None),
        ("Sunday night", None),
        ("today", None),
        ("3 days ago", None),
    ],
)
def test_without_article_date_only_absolute_dates_resolve(
    phrase: str, expected: datetime.date | None
) -> None:
    assert resolve_date(phrase, None) == expected


def test_out_of_range_dates_do_not_raise() -> None:
    assert resolve_date("tomorrow", D.max) is None
    assert resolve_date("9999 days ago", D.min) is None
    assert resolve_date("January 3", D.max) is not None


def test_find_dates_in_seed() -> None:
    text = (ARTICLES / "seed.txt").read_text(encoding="utf-8")
    mentions = find_dates(text, MONDAY)
    found = {(m.text, m.date) for m in mentions}
    assert ("Sunday night", D(2021, 5, 23)) in found
    assert ("late Sunday", D(2021, 5, 23)) in found
    assert ("May 1", D(2021, 5, 1)) in found
    assert ("September 11", D(2021, 9, 11)) in found
    assert ("last month", None) in found
    assert ("earlier this month", None) in found
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert not any(m.text == "Sunday" for m in mentions)  # spans are maximal


def test_find_dates_spans_are_maximal_and_ordered() -> None:
    text = "Thursday, January 12, 2006\nOn Sunday night, and again late Sunday, in May and on May 1."
    mentions = find_dates(text, D(2006, 1, 12))
    assert [m.text for m in mentions] == [
        "Thursday, January 12, 2006",
        "Sunday night",
        "late Sunday",
        "May",
        "May 1",
    ]
    assert mentions[0] == DateMention("Thursday, January 12, 2006", 0, 26, D(2006, 1, 12))
    assert mentions[1].date == D(2006, 1, 8)
    assert mentions[3].date is None


def test_find_dates_ignores_verbs_and_names() -> None:
    text = "Militants may 1 day return. Theresa May spoke. The Sundays were quiet."
    assert find_dates(text, MONDAY) == []


def test_find_dates_drops_contradicting_weekday_prefix() -> None:
    text = "Edmonton Sun, August 16, 2008"
    [mention] = find_dates(text, None)
    assert mention.text == "August 16, 2008" and mention.date == D(2008, 8, 16)


def test_dateline_of_seed_and_stampede() -> None:
    seed = (ARTICLES / "seed.txt").read_text(encoding="utf-8")
    stampede = (ARTICLES / "stampede.txt").read_text(encoding="utf-8")
    assert seed.startswith(" date 2021-05-24")
    assert dateline(seed) == D(2021, 5, 24)
    assert dateline(stampede) == D(2006, 1, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\n\nPublished: January 12, 2006\n\nBody.", D(2006, 1, 12)),
        ("Title\nThursday, May 7, 2015  On Tuesday, the ...", D(2015, 5, 7)),
        ("Headline\nOfficials said on May 1, 2020, that talks failed.", None),
        ("No date here at all.", None),
        ("", None),
        ("x" * 400 + "\n2021-05-24", None),  # too far down
    ],
)
def test_dateline_variants(text: str, expected: datetime.date | None) -> None:
    assert dateline(text) == expected


_fragments = st.sampled_from(
    [
        "May 1",
        "late Sunday",
        "Sunday night",
        "2021-05-24",
        "last month",
        "Thursday, January 12, 2006",
        "1st of May 2020",
        "in 2019",
        " ",
        "\n",
        ",",
        "the day before yesterday",
        "3 days ago",
        "\u0130",
        "\u017f",
    ]
)
_texts = st.lists(_fragments | st.text(max_size=12), max_size=12).map("".join) | st.text(max_size=200)
_dates = st.none() | st.dates()


@settings(max_examples=300, deadline=None)
@given(text=_texts, article_date=_dates)
def test_find_dates_spans_index_text(text: str, article_date: datetime.date | None) -> None:
    mentions = find_dates(text, article_date)
    previous_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= previous_end  # ordered, non-overlapping
        previous_end = m.end


@settings(max_examples=300, deadline=None)
@given(text=_texts, article_date=_dates)
def test_resolve_and_dateline_never_raise(text: str, article_date: datetime.date | None) -> None:
    result = resolve_date(text, article_date)
    assert result is None or isinstance(result, datetime.date)
    head = dateline(text)
    assert head is None or isinstance(head, datetime.date)
