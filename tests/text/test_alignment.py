"""Tests for summarizer.alignment: evidence must be pinned to real article text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.text.alignment import (
    FUZZY_THRESHOLD,
    Alignment,
    align,
    normalize_with_map,
    search_after,
    stands_alone,
)

SEED = Path(__file__).resolve().parents[2] / "evals" / "articles" / "seed.txt"

ARTICLE = (
    "Afghanistan\u2019s Defense Ministry says 50 militants have been killed.\n"
    "Zia said the assault had been \u201ccompletely foiled\u201d and repelled.\n"
    "The two\u2013decade war  has failed to bring peace to the\n"
    "war-torn country\u2026 Officials said\u200b talks would resume."
)


def _text(a: Alignment, article: str = ARTICLE) -> str:
    return article[a.start : a.end]


def test_exact_match() -> None:
    a = align("50 militants have been killed", ARTICLE)
    start = ARTICLE.index("50 militants")
    assert a == Alignment(start, start + len("50 militants have been killed"), "exact", 1.0)


def test_exact_prefers_occurrence_nearest_hint() -> None:
    article = "peace talks. More text here. peace talks. Even more text. peace talks."
    assert align("peace talks", article) == Alignment(0, 11, "exact", 1.0)
    last = article.rindex("peace talks")
    a = align("peace talks", article, hint=len(article))
    assert a is not None and a.start == last
    middle = article.index("peace talks", 1)
    a = align("peace talks", article, hint=middle + 3)
    assert a is not None and a.start == middle


def test_curly_quotes_vs_straight() -> None:
    a = align("Afghanistan's Defense Ministry", ARTICLE)
    assert a is not None and a.method == "normalized" and a.score == 1.0
    assert _text(a) == "Afghanistan\u2019s Defense Ministry"
    b = align('had been "completely foiled" and', ARTICLE)
    assert b is not None and _text(b) == "had been \u201ccompletely foiled\u201d and"


def test_single_for_double_quotes() -> None:
    a = align("'completely foiled'", ARTICLE)
    assert a is not None and _text(a) == "\u201ccompletely foiled\u201d"


def test_line_break_inside_span() -> None:
    a = align("peace to the war-torn country", ARTICLE)
    assert a is not None and a.method == "normalized"
    assert _text(a) == "peace to the\nwar-torn country"


def test_doubled_spaces() -> None:
    a = align("decade war has failed", ARTICLE)
    assert a is not None and _text(a) == "decade war  has failed"
    b = align("two-decade  war   has", ARTICLE)
    assert b is not None and _text(b) == "two\u2013decade war  has"


def test_case_difference() -> None:
    a = align("DEFENSE MINISTRY SAYS", ARTICLE)
    assert a is not None and a.method == "normalized"
    assert _text(a) == "Defense Ministry says"


def test_en_dash_vs_hyphen() -> None:
    a = align("The two-decade war", ARTICLE)
    assert a is not None and _text(a) == "The two\u2013decade war"
    b = align("war\u2014torn country", ARTICLE)
    assert b is not None and _text(b) == "war-torn country"
    c = align("war--torn", ARTICLE)
    assert c is not None and _text(c) == "war-torn"


def test_ellipsis_and_zero_width() -> None:
    a = align("country... Officials said talks", ARTICLE)
    assert a is not None and _text(a) == "country\u2026 Officials said\u200b talks"


def test_normalized_span_is_trimmed() -> None:
    a = align("  \n Defense   ministry\t", ARTICLE)
    assert a is not None and _text(a) == "Defense Ministry"


def test_slightly_misspelled_long_span_is_fuzzy() -> None:
    needle = "Zia said the asault had been completly foiled and repeled"
    a = align(needle, ARTICLE)
    assert a is not None and a.method == "fuzzy"
    assert FUZZY_THRESHOLD <= a.score < 1.0
    assert _text(a) == "Zia said the assault had been \u201ccompletely foiled\u201d and repelled"


def test_fuzzy_handles_missing_space_in_source() -> None:
    article = SEED.read_text(encoding="utf-8")
    needle = "from the Afghan capital. Fierce fighting erupted late Sunday"
    a = align(needle, article)
    assert a is not None and a.method == "fuzzy"
    assert _text(a, article) == "from the Afghan capital.Fierce fighting erupted late Sunday"


def test_fuzzy_rejects_changed_number() -> None:
    assert align("Defense Ministry says 60 militants have been killed", ARTICLE) is None


def test_paraphrase_fails() -> None:
    assert align("The defence ministry reported that fifty insurgents died", ARTICLE) is None
    assert align("Zia stated the attack was fully thwarted and pushed back", ARTICLE) is None


def test_short_needle_not_in_text_fails() -> None:
    assert align("Militans", ARTICLE) is None  # one typo, but too short to trust
    assert align("Kabul", ARTICLE) is None


def test_short_needle_normalized_still_matches() -> None:
    a = align("ZIA", ARTICLE)
    assert a is not None and a.method == "normalized" and _text(a) == "Zia"


@pytest.mark.parametrize("needle", ["", " ", "\n\t ", "\u200b", " \u200b\u00a0"])
def test_empty_or_blank_needle(needle: str) -> None:
    assert align(needle, ARTICLE) is None


def test_threshold_is_respected() -> None:
    needle = "Zia said the asault had been completly foiled and repeled"
    assert align(needle, ARTICLE, threshold=0.99) is None


def test_needle_longer_than_article() -> None:
    assert align("completely foiled and then some extra words", "completely foiled") is None


def test_normalize_with_map() -> None:
    text = "A\u2019b  \n\u201cC\u201d\u2026\u200bd\u2014e"
    norm, index = normalize_with_map(text)
    assert norm == "a'b 'c'...d-e"
    assert len(index) == len(norm)
    assert [text[i] for i in index][:4] == ["A", "\u2019", "b", " "]
    assert all(0 <= i < len(text) for i in index)
    assert index == sorted(index)


# Plain letters plus every kind of character normalisation touches.
_alphabet = st.sampled_from(
    list("abcAB xyz.,'\"-\n\t7\u2019\u201c\u2013\u2014\u2026\u200b\u00a0\u0130\u00df")
)
_texts = st.text(alphabet=_alphabet, max_size=120) | st.text(max_size=80)


@settings(max_examples=300, deadline=None)
@given(article=_texts, data=st.data())
def test_any_substring_aligns_exactly(article: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(article)))
    j = data.draw(st.integers(i, len(article)))
    needle = article[i:j]
    hint = data.draw(st.none() | st.integers(-10, len(article) + 10))
    a = align(needle, article, hint=hint)
    if not normalize_with_map(needle)[0].strip():
        assert a is None
        return
    assert a is not None and a.method == "exact" and a.score == 1.0
    assert article[a.start : a.end] == needle


@settings(max_examples=300, deadline=None)
@given(
    needle=_texts,
    article=_texts,
    threshold=st.floats(0.0, 1.0),
    hint=st.none() | st.integers(-(10**6), 10**6),
)
def test_any_needle_stays_in_bounds(needle: str, article: str, threshold: float, hint: int | None) -> None:
    a = align(needle, article, threshold=threshold, hint=hint)
    if a is not None:
        assert 0 <= a.start <= a.end <= len(article)
        assert 0.0 <= a.score <= 1.0
        if a.method != "exact":
            assert article[a.start : a.end] == article[a.start : a.end].strip()


@settings(max_examples=200, deadline=None)
@given(text=_texts)
def test_normalize_map_is_monotone_and_in_bounds(text: str) -> None:
    norm, index = normalize_with_map(text)
    assert len(norm) == len(index)
    assert all(0 <= i < len(text) for i in index)
    assert index == sorted(index)


_SMALL = st.text(alphabet="ab -,(X)é_\n", max_size=40)
_AFTER = [
    re.compile(r",\s+(?:a|an|the)\s+([^,.;]{3,60}),"),
    re.compile(r"\s*\(([A-Z][A-Za-z.]{1,9})\)"),
    re.compile(r"\s+(?:has\s+|have\s+|had\s+)?[a-z]+ed\b"),
    re.compile(r"[ab]+"),
]


@settings(max_examples=300, deadline=None)
@given(text=_SMALL, literal=st.text(alphabet="ab -X", min_size=1, max_size=4), which=st.integers(0, 3))
def test_search_after_finds_what_one_compiled_regex_finds(text: str, literal: str, which: int) -> None:
    pattern = _AFTER[which]
    mine = search_after(text, literal, pattern)
    theirs = re.search(re.escape(literal) + pattern.pattern, text)
    assert (mine is None) == (theirs is None)
    if mine is not None and theirs is not None:
        assert mine.end() == theirs.end() and mine.groups() == theirs.groups()


@settings(max_examples=300, deadline=None)
@given(text=_SMALL, word=st.text(alphabet="ab-é_X", min_size=1, max_size=3))
def test_stands_alone_agrees_with_the_lookaround_regex(text: str, word: str) -> None:
    expected = re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text) is not None
    assert stands_alone(text, word) == expected


def test_search_after_examples() -> None:
    text = "Zia said. Zia, a former Army Chief of Staff, said so."
    found = search_after(text, "Zia", re.compile(r",\s+(?:a|an|the)\s+([^,.;]{3,60}),"))
    assert found is not None and found.group(1) == "former Army Chief of Staff"
    assert stands_alone("the Ministry said", "Ministry")
    assert not stands_alone("the Ministry-run site", "Ministry")
