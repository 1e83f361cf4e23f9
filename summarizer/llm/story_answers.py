"""What the model fills for a story (its headline and `what`), and the check that keeps its numbers honest.

The model sees the merged facts of several articles, not the articles, and is asked for one headline and a few
sentences. Its one way to mislead is a number: a toll nobody reported, two reports added up, a figure misread.
So every number it writes must be the value (or a range's end) of some reported figure; a number that is not is
fed back to it (a re-ask), and after the last re-ask the sentences that still carry one are cut.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pydantic import Field

from summarizer.llm.answers import MAX_HEADLINE_WORDS, Answer, Problem, headline_problems, short_headline
from summarizer.text.numbers import find_numbers, values_match

__all__ = ["StoryOut", "drop_stray_numbers", "stray_numbers"]

_LOOSE = frozenset({"one", "a", "an"})
""""one" is as often a pronoun or a determiner as a count: it is not held to the figures."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def stray_numbers(text: str, allowed: Sequence[float]) -> list[str]:
    """The numbers written in `text` that are no reported figure's value or range end, as written."""
    stray = []
    for mention in find_numbers(text):
        if mention.text.casefold() in _LOOSE:
            continue
        q = mention.quantity
        values = [v for v in (q.value, q.upper) if v is not None]
        if any(not any(values_match(v, a) for a in allowed) for v in values):
            stray.append(mention.text)
    return list(dict.fromkeys(stray))


MAX_STORY_WHAT_CHARS = 700


class StoryOut(Answer):
    """Lengths are checked in `problems`, not by `maxLength` in the schema (a slow grammar for llama.cpp)."""

    headline: str = Field(description="Neutral headline of at most 15 words for the story.")
    what: str = Field(description="One to three sentences: the event as the reports together establish it.")

    @classmethod
    def problems(cls, out: Any, ctx: dict[str, Any]) -> list[Problem]:
        found = headline_problems(out.headline)
        if not out.headline.strip() or not out.what.strip():
            found.append((None, "write both a headline and what happened"))
        stray = stray_numbers(f"{out.headline}\n{out.what}", ctx["values"])
        if stray:
            found.append(
                (
                    None,
                    f"these numbers are not among the reported figures: {', '.join(stray)}; "
                    "use only the figures listed, as listed",
                )
            )
        return found


def drop_stray_numbers(
    out: Any, problems: list[Problem], *, allowed: Sequence[float]
) -> tuple[Any, list[str]]:
    """After the last re-ask: cut each sentence of `what` and a headline that still states a number no report
    gives; cut a long headline to 15 words. An emptied headline is left empty for the caller to replace."""
    warnings = []
    kept: list[str] = []
    for sentence in _SENTENCE_END.split(out.what.strip()):
        stray = stray_numbers(sentence, allowed)
        if stray:
            warnings.append(
                f"story summary: cut a sentence with numbers no article reports ({', '.join(stray)})"
            )
        elif sentence and len(" ".join([*kept, sentence])) <= MAX_STORY_WHAT_CHARS:
            kept.append(sentence)
    headline = " ".join(out.headline.split())
    stray = stray_numbers(headline, allowed)
    if stray:
        warnings.append(f"story summary: cut the headline: numbers no article reports ({', '.join(stray)})")
        headline = ""
    elif len(headline.split()) > MAX_HEADLINE_WORDS:
        headline = short_headline(headline)
        warnings.append(f"story summary: cut the headline to {MAX_HEADLINE_WORDS} words")
    return StoryOut.model_construct(headline=headline, what=" ".join(kept)), warnings
