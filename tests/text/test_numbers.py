"""Tests for summarizer.numbers: figures parsed by code, never trusted from a model."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.text.numbers import NumberMention, Quantity, _Scanner, find_numbers, values_match

ARTICLES = Path(__file__).resolve().parents[2] / "evals" / "articles"
SEED = ARTICLES / "seed.txt"


def parse_quantity(text: str) -> Quantity | None:
    """How a phrase already meant as a figure reads: the scanner out of article mode (no year rule, no "a
    serious one.", a bare "scores"), first figure only."""
    found = _Scanner(text, strict=False).scan()
    return found[0].quantity if found else None


# phrase -> (value, upper, approx, unit)
PHRASES: list[tuple[str, tuple[float | None, float | None, str, str | None]]] = [
    # digits, separators, decimals, multipliers
    ("50", (50, None, "exact", None)),
    ("1,200", (1200, None, "exact", None)),
    ("140,000", (140_000, None, "exact", None)),
    ("12,000,000", (12_000_000, None, "exact", None)),
    ("1.200.000", (1_200_000, None, "exact", None)),
    ("0.5", (0.5, None, "exact", None)),
    ("1.2 million", (1_200_000, None, "exact", None)),
    ("3bn", (3e9, None, "exact", None)),
    ("3.5bn", (3.5e9, None, "exact", None)),
    ("10k", (10_000, None, "exact", None)),
    ("3m people", (3e6, None, "exact", None)),  # UK style: glued "m" before a plural noun is million
    ("2021", (2021, None, "exact", None)),  # a figure phrase: not second-guessed as a year
    # money
    ("$3bn", (3e9, None, "exact", "USD")),
    ("€40m", (40e6, None, "exact", "EUR")),
    ("£2.5 billion", (2.5e9, None, "exact", "GBP")),
    ("£1.5m", (1.5e6, None, "exact", "GBP")),
    ("US$ 20,000", (20_000, None, "exact", "USD")),
    ("NZ $ 26 million", (26e6, None, "exact", "NZD")),
    ("USD 20", (20, None, "exact", "USD")),
    ("¥500", (500, None, "exact", "JPY")),
    ("Rs 500", (500, None, "exact", "INR")),
    ("20 euros", (20, None, "exact", "EUR")),
    ("5 million dollars", (5e6, None, "exact", "USD")),
    ("2 million pounds", (2e6, None, "exact", "GBP")),
    ("422,000 euros", (422_000, None, "exact", "EUR")),
    # percentages
    ("45%", (45, None, "exact", "%")),
    ("45 percent", (45, None, "exact", "%")),
    ("45 per cent", (45, None, "exact", "%")),
    ("forty percent", (40, None, "exact", "%")),
    ("0.5%", (0.5, None, "exact", "%")),
    ("3 percentage points", (3, None, "exact", "percentage points")),
    # number words
    ("fifty", (50, None, "exact", None)),
    ("twenty-one", (21, None, "exact", None)),
    ("twenty five", (25, None, "exact", None)),
    ("a hundred", (100, None, "exact", None)),
    ("one hundred and twenty", (120, None, "exact", None)),
    ("three dozen", (36, None, "exact", None)),
    ("a dozen", (12, None, "exact", None)),
    ("half a million", (500_000, None, "exact", None)),
    ("half a dozen", (6, None, "exact", None)),
    ("two thousand", (2000, None, "exact", None)),
    ("a thousand", (1000, None, "exact", None)),
    ("one and a half million", (1_500_000, None, "exact", None)),
    ("ninety-nine thousand nine hundred and ninety-nine", (99_999, None, "exact", None)),
    ("zero", (0, None, "exact", None)),
    ("one", (1, None, "exact", None)),
    ("Seventeen", (17, None, "exact", None)),
    # vague quantities: documented lower bounds
    ("hundreds", (100, None, "at_least", None)),
    ("dozens", (24, None, "at_least", None)),
    ("scores", (40, None, "at_least", None)),
    ("scores of people", (40, None, "at_least", None)),
    ("thousands", (1000, None, "at_least", None)),
    ("tens of thousands", (10_000, None, "at_least", None)),
    ("hundreds of thousands", (100_000, None, "at_least", None)),
    ("tens of millions", (10_000_000, None, "at_least", None)),
    ("millions", (1e6, None, "at_least", None)),
    ("billions", (1e9, None, "at_least", None)),
    ("several hundred", (300, None, "at_least", None)),
    ("a few thousand", (2000, None, "at_least", None)),
    ("millions of dollars", (1e6, None, "at_least", "USD")),
    # qualifiers
    ("more than 50", (50, None, "more_than", None)),
    ("over 60", (60, None, "more_than", None)),
    ("Over 900", (900, None, "more_than", None)),
    ("upwards of 70", (70, None, "more_than", None)),
    ("in excess of 80", (80, None, "more_than", None)),
    ("just over 24 hours", (24, None, "more_than", "hours")),
    ("above 95%", (95, None, "more_than", "%")),
    ("more than three dozen", (36, None, "more_than", None)),
    ("more than a thousand", (1000, None, "more_than", None)),
    ("at least 5", (5, None, "at_least", None)),
    ("no fewer than 6", (6, None, "at_least", None)),
    ("107 or more", (107, None, "at_least", None)),
    ("one or more", (1, None, "at_least", None)),
    ("100+", (100, None, "at_least", None)),
    ("about 7", (7, None, "approximate", None)),
    ("around 140,000", (140_000, None, "approximate", None)),
    ("approximately 9", (9, None, "approximate", None)),
    ("roughly 10", (10, None, "approximate", None)),
    ("some 12,000", (12_000, None, "approximate", None)),
    ("nearly 12", (12, None, "approximate", None)),
    ("almost 15 years", (15, None, "approximate", "years")),
    ("close to 14", (14, None, "approximate", None)),
    ("an estimated 15", (15, None, "approximate", None)),
    ("40 or so", (40, None, "approximate", None)),
    ("~50", (50, None, "approximate", None)),
    ("approx. 50", (50, None, "approximate", None)),
    (">50", (50, None, "more_than", None)),
    ("<5", (5, None, "fewer_than", None)),
    ("40-odd", (40, None, "approximate", None)),
    ("nearly a decade", (1, None, "approximate", "decades")),
    ("up to 16", (16, None, "at_most", None)),
    ("at most 17", (17, None, "at_most", None)),
    ("no more than 18", (18, None, "at_most", None)),
    ("as many as 300", (300, None, "at_most", None)),
    ("fewer than 19", (19, None, "fewer_than", None)),
    ("less than one percent", (1, None, "fewer_than", "%")),
    ("under 21", (21, None, "fewer_than", None)),
    # ranges
    ("50-60", (50, 60, "range", None)),
    ("50–60", (50, 60, "range", None)),
    ("50 to 60", (50, 60, "range", None)),
    ("between 50 and 60", (50, 60, "range", None)),
    ("from 50 to 60", (50, 60, "range", None)),
    ("50-60%", (50, 60, "range", "%")),
    ("between 5% and 10%", (5, 10, "range", "%")),
    ("$3-4bn", (3e9, 4e9, "range", "USD")),
    ("3 to 4 million", (3e6, 4e6, "range", None)),
    ("aged 8–10 years", (8, 10, "range", "years")),
    ("from ten to 32 pages", (10, 32, "range", None)),
    ("two or three days", (2, 3, "range", "days")),
    ("about 50-60", (50, 60, "range", None)),
    # units
    ("120 km", (120, None, "exact", "km")),
    ("about 120 kilometers", (120, None, "approximate", "km")),
    ("120 kilometres", (120, None, "exact", "km")),
    ("500 miles", (500, None, "exact", "miles")),
    ("15 m", (15, None, "exact", "m")),
    ("40m", (40, None, "exact", "m")),  # metres: "m" means million only after money
    ("70 metres", (70, None, "exact", "m")),
    ("10 kg", (10, None, "exact", "kg")),
    ("5 tonnes", (5, None, "exact", "tonnes")),
    ("300 pounds", (300, None, "exact", "lb")),
    ("240,000 square meter", (240_000, None, "exact", "m2")),
    ("100 mph", (100, None, "exact", "mph")),
    ("-5 °C", (-5, None, "exact", "°C")),
    ("minus 10 degrees", (-10, None, "exact", "degrees")),
    ("30 years", (30, None, "exact", "years")),
    ("a 14-year-old", (14, None, "exact", "years")),
    ("19 year old", (19, None, "exact", "years")),
    ("nine-month-old", (9, None, "exact", "months")),
    ("two-decade", (2, None, "exact", "decades")),
    ("two and a half years", (2.5, None, "exact", "years")),
    ("half an hour", (0.5, None, "exact", "hours")),
    ("48 hours", (48, None, "exact", "hours")),
    ("10 days", (10, None, "exact", "days")),
    ("20-minute", (20, None, "exact", "minutes")),
    ("73 seconds", (73, None, "exact", "seconds")),
]


@pytest.mark.parametrize(("phrase", "expected"), PHRASES, ids=[p for p, _ in PHRASES])
def test_parse_quantity(phrase: str, expected: tuple[float | None, float | None, str, str | None]) -> None:
    value, upper, approx, unit = expected
    q = parse_quantity(phrase)
    assert q is not None
    assert q.value == pytest.approx(value)
    assert q.upper == (None if upper is None else pytest.approx(upper))
    assert (q.approx, q.unit) == (approx, unit)


def test_the_table_is_large_enough() -> None:
    assert len(PHRASES) >= 60


@pytest.mark.parametrize(
    "phrase",
    ["", "no figures here", "the first time", "2nd", "May 1", "September 11", "2021-05-24", "10:30", "5 p.m.",
     "G20", "COVID-19", "F-16", "no one", "Windows 7", "24/7", "#3", "500 BC", "the 1960s"],
)  # fmt: skip
def test_parse_quantity_none(phrase: str) -> None:
    assert parse_quantity(phrase) is None


def test_parse_quantity_takes_the_first_figure_and_skips_pronoun_one() -> None:
    assert parse_quantity("50 killed and 60 injured") == Quantity(50.0, None, "exact", None)
    assert parse_quantity("one of the five pillars") == Quantity(5.0, None, "exact", None)


def _texts(text: str) -> list[str]:
    return [m.text for m in find_numbers(text)]


def _assert_well_formed(text: str, mentions: list[NumberMention]) -> None:
    last_end = -1
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert m.text == text[m.start : m.end]
        assert m.start >= last_end
        last_end = m.end
        q = m.quantity
        assert q.value is not None and math.isfinite(q.value)
        assert (q.upper is None) == (q.approx != "range")
        if q.upper is not None:
            assert q.value < q.upper


# ---- the seed article ----------------------------------------------------------------------------


def test_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    mentions = find_numbers(text)
    _assert_well_formed(text, mentions)
    got = {m.text: m.quantity for m in mentions}
    assert got["50"] == Quantity(50.0, None, "exact", None)
    assert got["over 60"] == Quantity(60.0, None, "more_than", None)
    assert got["about 120 kilometers"] == Quantity(120.0, None, "approximate", "km")
    assert got["around 140,000"] == Quantity(140_000.0, None, "approximate", None)
    assert got["hundreds"] == Quantity(100.0, None, "at_least", None)
    assert got["more than three dozen"] == Quantity(36.0, None, "more_than", None)
    assert got["two-decade"] == Quantity(2.0, None, "exact", "decades")


def test_seed_article_skips_dates() -> None:
    text = SEED.read_text(encoding="utf-8")
    mentions = find_numbers(text)
    dates = re.finditer(r"(?:May|September) ([0-9]+)", text)
    date_digits = [(m.start(1), m.end(1)) for m in dates]
    date_digits += [(m.start(), m.end()) for m in re.finditer(r"2021", text)]
    assert len(date_digits) >= 4
    for s, e in date_digits:
        assert all(m.end <= s or m.start >= e for m in mentions), text[s:e]
    assert not {"1", "11", "2021"} & {m.text for m in mentions}


# ---- find_numbers in context ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a city of around 140,000 people", ["around 140,000"]),
        ("the two-decade war", ["two-decade"]),
        ("captured more than three dozen checkpoints", ["more than three dozen"]),
        ("it is one of the five pillars", ["five"]),
        ("no one came, and the new one failed; a serious one.", []),
        ("In 1991 the war ended; since 2007 the program grew.", []),
        ("by May 1, and then September 11 and 1 May 2020", []),
        ("the 2014 protests and the 1991 Hajj", []),
        ("over 2000 - 2050 and from 1980 to 2012 [...] and 2014-15", []),
        ("a survey of 1709 schoolchildren", ["1709"]),
        ("between 1500 and 2000 people fled", ["between 1500 and 2000"]),
        ("a 2000 year old tradition", ["2000 year old"]),
        ("opened at 10:30, closed at 5 p.m., reopened at 6:00am", []),
        ("the 2nd and 20th and first and 501st", []),
        ("the G20, COVID-19 and F-16 jets, IE9 and 4chan", []),
        ("Windows 7 and Internet Explorer 6 and Studio 54", []),
        ("posts 542 and 543 and other 15 shells", ["15"]),
        ("day five of the cup", []),
        ("the 747, which flew", []),
        ("call 555-123-4567 or see #3 and No. 10", []),
        ("it ran 24/7 in the 1980s and the '90s", []),
        ("killing 107 or more and wounding 238", ["107 or more", "238"]),
        ("located about 500 miles (800 km) away", ["about 500 miles", "800 km"]),
        ("released on US$ 20,000 bail", ["US$ 20,000"]),
        ("Tunisia lost 1 – 2 to England", ["1", "2"]),
        ("scored one or two points", ["one or two"]),
        ("after nearly half an hour", ["nearly half an hour"]),
        ("about a 20 minute walk", ["about a 20 minute"]),
        ("hundreds of thousands of people", ["hundreds of thousands"]),
        ("it rose 3.5% to $1.2bn.", ["3.5%", "$1.2bn"]),
        ("Daniel Montalvo, 19, a member", ["19"]),
    ],
)
def test_find_numbers_in_context(text: str, expected: list[str]) -> None:
    mentions = find_numbers(text)
    _assert_well_formed(text, mentions)
    assert [m.text for m in mentions] == expected


def test_find_numbers_gives_spans() -> None:
    text = "Officials said over 60 militants were injured."
    [m] = find_numbers(text)
    assert (m.start, m.end) == (text.index("over"), text.index(" militants"))


def test_score_is_two_figures_not_a_range() -> None:
    assert [m.quantity for m in find_numbers("Sweden 1 – 0 Korea")] == [
        Quantity(1.0, None, "exact", None),
        Quantity(0.0, None, "exact", None),
    ]


# ---- the whole corpus ----------------------------------------------------------------------------

ARTICLE_FILES = sorted(ARTICLES.glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=[p.name for p in ARTICLE_FILES])
def test_every_article(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    mentions = find_numbers(text)
    _assert_well_formed(text, mentions)
    for m in mentions:
        q = m.quantity
        # a year is never reported on its own as a figure
        assert not (q.unit is None and q.approx == "exact" and re.fullmatch(r"(19|20)[0-9]{2}", m.text)), m
        assert parse_quantity(m.text) == q, m  # the article's reading and the phrase's reading agree


def test_corpus_spot_checks() -> None:
    def texts(name: str) -> list[str]:
        return _texts((ARTICLES / name).read_text(encoding="utf-8"))

    assert "107 or more" in texts("crane.txt")
    assert "over 422,000 euros" in texts("taxes.txt")
    assert "NZ $ 26 million" in texts("flag.txt")
    assert "8–10 years" in texts("iodine.txt")
    warming = ["10%", "50 percent", "49 percent", "27 percent", "46 percent", "25 percent"]
    assert texts("warming.txt") == warming  # no "2000 - 2050", "by 2050", "2000 levels", "from 1980 to 2012"
    assert "2018 day" not in texts("soccer.txt")


# ---- properties ----------------------------------------------------------------------------------

FRAGMENTS = [
    "50", "1,200", "2021", "1991", "2000", "-", "–", " - ", "to", "and", "or", "more", "than", "over",
    "about", "a", "an", "half", "one", "of", "hundred", "dozen", "three", "twenty", "million", "bn", "m",
    "k", "$", "US$", "€", "£", "%", "per", "cent", "km", "year", "-year-old", "between", "from", "May",
    "September", "11", "1st", ":", "30", "p.m.", "G", "COVID-19", "Windows", "7", "the", ",", ".", "(", ")",
    "hundreds", "of", "thousands", "tens", "scores", "several", "few", "at", "least", "up", "no", "fewer",
    "−", "minus", "+", "odd", "/", "#", "No.", "'90s", "\n", "1.2", "0", "9999999999999999999999999999999",
    "second", "twenty-one", "Rs", "NZ",
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(FRAGMENTS), max_size=40),
    st.lists(st.sampled_from(["", " ", "  ", "-"]), max_size=40),
)
def test_property_on_figure_like_text(parts: list[str], seps: list[str]) -> None:
    text = "".join(p + (seps[i] if i < len(seps) else " ") for i, p in enumerate(parts))
    _assert_well_formed(text, find_numbers(text))
    parse_quantity(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_property_on_arbitrary_text(text: str) -> None:
    _assert_well_formed(text, find_numbers(text))
    parse_quantity(text)


# ---- values_match --------------------------------------------------------------------------------


def test_values_match() -> None:
    assert values_match(1_200_000, 1.2e6)
    assert values_match(33.3, 33.33)
    assert values_match(0.0, 0.0)
    assert values_match(1000, 1004)
    assert not values_match(1000, 1006)
    assert not values_match(50, 60)
    assert not values_match(1, -1)
    assert not values_match(float("nan"), float("nan"))
    assert values_match(100, 110, rel=0.1)
    with pytest.raises(ValueError):
        values_match(1, 1, rel=-0.1)
