"""Name candidates (attribution.proper_nouns): what code proposes for the model to label."""

from __future__ import annotations

from summarizer.text.attribution import proper_nouns
from summarizer.text.segments import sentences


def names(text: str) -> list[str]:
    return [name for name, _ in proper_nouns(text, sentences(text), limit=32)]


def test_possessives_are_the_name_itself() -> None:
    text = "Sweden's coach praised the team. Sweden won 3-0. The Church of Scientology's lawyers declined."
    found = names(text)
    assert "Sweden" in found and "Sweden's" not in found
    assert "Church of Scientology" in found


def test_words_capitalised_only_by_position_are_not_names_when_the_article_uses_them_lower_case() -> None:
    text = (
        "Hundreds of people gathered in Mecca on Friday. Officials said the crowd was calm. "
        "Police arrived later, and officials from the ministry spoke. \u201cParents were worried,\u201d she said. "
        "Many parents left early. Zia said the roads were open. Later, Zia left Mecca."
    )
    found = names(text)
    assert "Officials" not in found and "Parents" not in found and "Hundreds" not in found
    assert "Police" in found, "never written in lower case here: it stays a candidate"
    assert "Zia" in found and "Mecca" in found


def test_contractions_and_count_words_are_not_names() -> None:
    text = "I'm sure, said Ann Lee. It's late. Six people died in Lagos. \u201cI'll go,\u201d Lee said."
    found = names(text)
    assert not {"I'm", "It's", "I'll", "Six"} & set(found)
    assert "Ann Lee" in found and "Lagos" in found
