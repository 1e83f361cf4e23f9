"""The shared vocabulary: right against the standard library's calendar, read by every reader, declared once."""

from __future__ import annotations

import ast
import calendar
import datetime
import re
from pathlib import Path

import pytest

from summarizer.text import lexicon
from summarizer.text.dates import find_dates
from summarizer.text.numbers import find_numbers

PACKAGE = Path(__file__).resolve().parents[2] / "summarizer"
NUMBER_VOCABULARY = frozenset(
    {
        *lexicon.NUMBER_WORDS,
        *lexicon.TENS_WORDS,
        *lexicon.SCALE_WORDS,
        *lexicon.VAGUE_NUMBER_WORDS,
        *lexicon.ORDINAL_WORDS,
    }
)


def test_months_and_weekdays_match_the_calendar() -> None:
    assert {name.casefold(): n for n, name in enumerate(calendar.month_name) if name} == dict(lexicon.MONTHS)
    assert {name.casefold(): n for n, name in enumerate(calendar.day_name)} == dict(lexicon.WEEKDAYS)


@pytest.mark.parametrize(
    ("abbreviations", "names"),
    [(lexicon.MONTH_ABBREVIATIONS, lexicon.MONTHS), (lexicon.WEEKDAY_ABBREVIATIONS, lexicon.WEEKDAYS)],
)
def test_abbreviations_are_prefixes_of_the_name_they_stand_for(
    abbreviations: dict[str, int], names: dict[str, int]
) -> None:
    by_number = {n: name for name, n in names.items()}
    for abbreviation, n in abbreviations.items():
        assert by_number[n].startswith(abbreviation) and by_number[n] != abbreviation


def test_number_words_count_up() -> None:
    assert list(lexicon.NUMBER_WORDS.values()) == list(range(len(lexicon.NUMBER_WORDS)))
    tens = list(lexicon.TENS_WORDS.values())
    assert tens == list(range(20, 20 + 10 * len(tens), 10))
    assert list(lexicon.ORDINAL_WORDS.values()) == list(range(1, len(lexicon.ORDINAL_WORDS) + 1))
    assert lexicon.ROUGH_SCALE_WORDS.issubset(lexicon.SCALE_WORDS)


def test_tables_are_read_only() -> None:
    with pytest.raises(TypeError):
        lexicon.NUMBER_WORDS["eleventy"] = 110  # type: ignore[index]


@pytest.mark.parametrize("word", [*lexicon.NUMBER_WORDS, *lexicon.TENS_WORDS])
def test_the_number_finder_reads_every_number_word(word: str) -> None:
    found = find_numbers(f"Officials said {word} people were hurt.")
    expected = {**lexicon.NUMBER_WORDS, **lexicon.TENS_WORDS}[word]
    assert [(m.text, m.quantity.value) for m in found] == [(word, expected)]


@pytest.mark.parametrize("word", sorted(lexicon.SCALE_WORDS))
def test_the_number_finder_reads_every_scale_word(word: str) -> None:
    (found,) = find_numbers(f"It cost 3 {word} rupees.")
    assert found.quantity.value == 3 * lexicon.SCALE_WORDS[word]


@pytest.mark.parametrize("name", [*lexicon.MONTHS, *lexicon.MONTH_ABBREVIATIONS])
def test_the_date_finder_reads_every_month(name: str) -> None:
    month = {**lexicon.MONTHS, **lexicon.MONTH_ABBREVIATIONS}[name]
    (found,) = find_dates(f"It happened on {name.capitalize()} 3, 2020.", None)
    assert found.date == datetime.date(2020, month, 3)


@pytest.mark.parametrize("name", [*lexicon.WEEKDAYS, *lexicon.WEEKDAY_ABBREVIATIONS])
def test_the_date_finder_reads_every_weekday_before_a_date(name: str) -> None:
    day = datetime.date(2021, 5, 24)  # a Monday
    wanted = day + datetime.timedelta(days={**lexicon.WEEKDAYS, **lexicon.WEEKDAY_ABBREVIATIONS}[name])
    text = f"It happened {name.capitalize()}, {wanted:%B} {wanted.day}, 2021."
    (found,) = find_dates(text, None)
    assert found.date == wanted and found.text.startswith(name.capitalize())


_WORD_LIST = re.compile(r"[^\W\d_][\w\s|'’-]*")  # words and separators only: a docstring has punctuation


def _number_word_tables(path: Path) -> list[int]:
    """Lines of literals (a string of words, or a collection of strings) holding four or more number words."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        words: set[str] = set()
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and _WORD_LIST.fullmatch(node.value)
        ):
            words = set(node.value.casefold().replace("|", " ").split())
        elif isinstance(node, ast.Dict | ast.Set | ast.List | ast.Tuple):
            items = node.keys if isinstance(node, ast.Dict) else node.elts
            words = {
                i.value.casefold() for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)
            }
        if len(words & NUMBER_VOCABULARY) >= 4:
            lines.append(node.lineno)
    return lines


def test_number_words_are_declared_only_in_the_lexicon() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "lexicon.py" and (lines := _number_word_tables(path))
    }
    assert offenders == {}, "import number words from summarizer.text.lexicon instead"


def test_the_guard_sees_a_table(tmp_path: Path) -> None:
    declared = tmp_path / "declared.py"
    declared.write_text('WORDS = "one two three four".split()\nOTHER = {"dozen": 12, "hundred": 100}\n')
    assert _number_word_tables(declared) == [1]
