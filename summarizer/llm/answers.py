"""What the model is asked to fill, pass by pass, and the checks each answer must pass.

A small model asked for a whole brief at once loops or leaves fields empty. Code reads names, numbers, dates
and attributions; the model writes only what needs language (the headline and `what`), in a tiny schema whose
field descriptions are the text it reads. Each answer's `problems()` lists what is wrong with it; the
validators raise them so instructor feeds them back to the model (a re-ask), and after the last re-ask the
same function tells the pipeline what to repair or drop.
"""

from __future__ import annotations

import json
import re
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from instructor import ResponseSchema
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from summarizer.text.injection import words_only_in
from summarizer.text.lexicon import NUMBER_WORDS, TENS_WORDS
from summarizer.text.numbers import find_numbers

__all__ = [
    "MAX_HEADLINE_WORDS",
    "Answer",
    "Problem",
    "SummaryOut",
    "checking",
    "drop_items",
    "headline_problems",
    "salvage_summary",
    "short_headline",
    "trim_what",
]

Problem = tuple[int | None, str]
"""(index of the offending item or None for the whole answer, message for the model)."""

MAX_HEADLINE_WORDS = 15
"""A brief's or a story's headline: longer is re-asked, then cut."""


_CHECK_CONTEXT: ContextVar[dict[str, Any] | None] = ContextVar("summarizer_check_context", default=None)
_SCHEMAS: weakref.WeakKeyDictionary[type[BaseModel], str] = weakref.WeakKeyDictionary()


@contextmanager
def checking(context: dict[str, Any]) -> Iterator[None]:
    """Run the answer checks against `context` inside this block.

    The context reaches the validators this way, not through instructor's `context=` argument, because
    instructor also renders every message as a Jinja template with that argument: the article would be
    executed as a template ("{{ 7 * 7 }}" sent as "49"). Untrusted text is never a template."""
    token = _CHECK_CONTEXT.set(context)
    try:
        yield
    finally:
        _CHECK_CONTEXT.reset(token)


class Answer(ResponseSchema):
    """Base of every pass answer. It is instructor's `ResponseSchema` already, so instructor does not wrap it
    in a new class on every call, and its JSON schema is built once per class (a copy each time: callers
    edit what they get)."""

    model_config = ConfigDict(extra="ignore")

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        if args or kwargs:
            return super().model_json_schema(*args, **kwargs)
        schema = _SCHEMAS.get(cls)
        if schema is None:
            schema = _SCHEMAS[cls] = json.dumps(super().model_json_schema())
        result: dict[str, Any] = json.loads(schema)  # a fresh copy, faster than deepcopy
        return result

    @classmethod
    def problems(cls, out: Any, ctx: dict[str, Any]) -> list[Problem]:
        return []

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> Any:
        ctx = info.context or _CHECK_CONTEXT.get()
        if not ctx:
            return self
        found = type(self).problems(self, ctx)
        if found:
            raise ValueError("; ".join(message for _, message in found))
        return self


MAX_WHAT_CHARS = 600


class SummaryOut(Answer):
    """No `maxLength` in the JSON schema: it becomes a grammar rule that repeats a character class hundreds
    of times, and llama.cpp then samples about 1.7x slower. A long `what` is not worth a re-ask either (the
    model repeats itself): `trim_what` cuts it to whole sentences."""

    headline: str = Field(description="Neutral headline of at most 15 words.")
    what: str = Field(
        description="One to three sentences on the main event, using only facts from the article."
    )

    @classmethod
    def problems(cls, out: Any, ctx: dict[str, Any]) -> list[Problem]:
        found = headline_problems(out.headline)
        article: str = ctx["article"]
        digits = set(re.findall(r"\d[\d,.]*\d|\d", f"{out.headline} {out.what}"))
        unwritten = {d for d in digits if d not in article and d.replace(",", "") not in article}
        invented = sorted(unwritten - _in_words(unwritten, article)) if unwritten else []
        if invented:
            found.append(
                (None, f"these numbers are not in the article: {', '.join(invented)}; use the article's")
            )
        steered = words_only_in(f"{out.headline} {out.what}", article, ctx.get("injections") or [])
        if steered:
            found.append(
                (
                    None,
                    f"these words come only from text addressed to a model, not from the story: "
                    f"{', '.join(steered)}; describe the news event itself",
                )
            )
        return found


def _in_words(digits: set[str], article: str) -> set[str]:
    """The numbers the model wrote in digits that the article states in words ("three dozen" states 3 and
    36, "twenty-five" 25), since the prompt asks for digits. The article is read for numbers once."""
    words = set(re.findall(r"[a-z]+", article.lower()))
    stated: set[float] = {v for w, v in (*NUMBER_WORDS.items(), *TENS_WORDS.items()) if w in words}
    for mention in find_numbers(article):
        stated |= {q for q in (mention.quantity.value, mention.quantity.upper) if q is not None}
    found = set()
    for d in digits:
        try:
            if float(d.replace(",", "")) in stated:
                found.add(d)
        except ValueError:
            continue
    return found


def headline_problems(headline: str) -> list[Problem]:
    """The headline's length, checked for every answer that writes one."""
    words = len(headline.split())
    if words > MAX_HEADLINE_WORDS:
        return [(None, f"the headline has {words} words: use at most {MAX_HEADLINE_WORDS}")]
    return []


def short_headline(text: str) -> str:
    """`text` cut to the headline's word limit, its white space folded."""
    return " ".join(text.split()[:MAX_HEADLINE_WORDS])


def drop_items(out: Any, problems: list[Problem]) -> tuple[Any, list[str]]:
    """After the last re-ask: remove the items the checks still reject and say why, keep the rest."""
    warnings = [f"dropped: {message}" for _, message in problems]
    if isinstance(out, SummaryOut):
        return _repair_summary(out, problems), [f"repaired summary: {m}" for _, m in problems]
    return out, warnings


def _repair_summary(out: SummaryOut, problems: list[Problem]) -> SummaryOut:
    """Cut sentences that carry numbers the article lacks or words only an injected passage holds; cut a long
    headline to 15 words."""
    bad = [n for _, m in problems if "not in the article" in m for n in re.findall(r"[\d][\d,.]*", m)]
    bad += [w for _, m in problems if "addressed to a model" in m for w in _listed(m)]
    sentences = re.split(r"(?<=[.!?])\s+", out.what)
    what = " ".join(s for s in sentences if not any(n in s.casefold() for n in bad))
    what = trim_what(what)
    headline = out.headline
    if any(n in headline.casefold() for n in bad):
        headline = " ".join(what.split()[:12]).rstrip(".,;:")
    return SummaryOut.model_construct(headline=short_headline(headline), what=what)


_FIELD = r'"{name}"\s*:\s*"((?:[^"\\]|\\.)*)'


def salvage_summary(cut: str) -> str | None:
    """A summary reply cut at its token limit (a small model can loop on `what`): the headline and the whole
    sentences of `what` written before the cut, as a complete answer; None when there is no headline or no
    whole sentence."""
    found = {}
    for name in ("headline", "what"):
        match = re.search(_FIELD.format(name=name), cut)
        if match is None:
            return None
        try:
            found[name] = json.loads(f'"{match.group(1)}"')
        except ValueError:
            return None
    sentences = re.findall(r"[^.!?]+[.!?]", found["what"])
    if not sentences or not found["headline"].strip():
        return None
    return json.dumps({"headline": found["headline"], "what": "".join(sentences).strip()})


def trim_what(what: str, limit: int = MAX_WHAT_CHARS) -> str:
    """At most `limit` characters: whole sentences off the end, then words."""
    what = " ".join(what.split())
    while len(what) > limit and " " in what:
        kept = re.split(r"(?<=[.!?])\s+", what)
        what = " ".join(kept[:-1]) if len(kept) > 1 else what[:limit].rsplit(" ", 1)[0]
    return what


def _listed(message: str) -> list[str]:
    """The words a check listed after its colon ("...: a, b; describe ...")."""
    return [w.strip() for w in message.split(":", 1)[1].split(";")[0].split(",") if w.strip()]
