"""What the model is asked to fill, pass by pass, and the checks each answer must pass.

A small model asked for a whole brief at once loops or leaves fields empty. Here every call has a tiny schema
(its field descriptions are the text the model reads), and code does what code can: it finds the names, the
numbers and the attributed sentences; the model only labels one item per call. Each pass's `problems()` lists what is wrong with an
answer; the validators raise them so instructor feeds them back to the model (a re-ask), and after the last
re-ask the same function tells the pipeline which items to drop.
"""

from __future__ import annotations

import json
import re
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Any, ClassVar, Literal, get_args

from instructor import ResponseSchema
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_serializer, model_validator

__all__ = [
    "Answer",
    "DisputeOut",
    "DisputesOut",
    "Kind",
    "Problem",
    "SummaryOut",
    "checking",
    "counts_model",
    "drop_items",
    "kinds_model",
]

Problem = tuple[int | None, str]
"""(index of the offending item or None for the whole answer, message for the model)."""


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


class SummaryOut(Answer):
    headline: str = Field(max_length=160, description="Neutral headline of at most 15 words.")
    what: str = Field(
        max_length=600,
        description="One to three sentences on the main event, using only facts from the article.",
    )

    @classmethod
    def problems(cls, out: Any, ctx: dict[str, Any]) -> list[Problem]:
        found: list[Problem] = []
        if len(out.headline.split()) > 15:
            found.append((None, f"the headline has {len(out.headline.split())} words: use at most 15"))
        article: str = ctx["article"]
        digits = set(re.findall(r"\d[\d,.]*\d|\d", f"{out.headline} {out.what}"))
        invented = sorted(d for d in digits if d not in article and d.replace(",", "") not in article)
        if invented:
            found.append(
                (None, f"these numbers are not in the article: {', '.join(invented)}; use the article's")
            )
        return found


Kind = Literal["person", "organization", "group", "government", "country", "region", "city", "site", "none"]


_MISSING = object()


class _Keyed(Answer):
    """An answer with one required key per listed item, in order: the grammar writes each key, the model only
    fills its value right after reading it, so answers cannot drift out of step with the list.

    A brief has its own keys, so each brief has its own class; building a pydantic field per key cost ~5 ms a
    class (and the JSON schema as much again). Here the class is bare, the schema is written out directly (the
    very schema pydantic would generate for those fields: tests/test_passes.py compares them) and the values
    are checked by a plain function."""

    model_config = ConfigDict(extra="ignore")
    keys: ClassVar[tuple[str, ...]] = ()
    values: list[Any] = Field(default_factory=list)

    @classmethod
    def value_schema(cls, key: str) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def value_problem(cls, value: Any) -> str | None:
        raise NotImplementedError

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        properties = {}
        for key in cls.keys:
            # pydantic's title rule for a field named `key` (GenerateJsonSchema.get_title_from_name)
            properties[key] = {**cls.value_schema(key), "title": key.title().replace("_", " ").strip()}
            properties[key] = dict(sorted(properties[key].items()))
        return {"properties": properties, "required": list(cls.keys), "title": cls.__name__, "type": "object"}

    @model_validator(mode="before")
    @classmethod
    def _read_keys(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            raise ValueError("the answer must be a JSON object with one key per listed item")
        problems, values = [], []
        for i, key in enumerate(cls.keys):
            # "n0", "n1", ...: how answers cached before this class existed name their values
            value = data[key] if key in data else data.get(f"n{i}", _MISSING)
            if value is _MISSING:
                problems.append(f"{key!r}: missing")
            elif (problem := cls.value_problem(value)) is not None:
                problems.append(f"{key!r}: {problem}")
            values.append(value)
        if problems:
            raise ValueError("; ".join(problems))
        return {"values": values}

    @model_serializer
    def _as_keys(self) -> dict[str, Any]:
        """Serialised as the model wrote it: one key per item."""
        return dict(zip(type(self).keys, self.values, strict=True))

    def answers(self) -> list[Any]:
        """The values in the order of the keys."""
        return list(self.values)


_KINDS: tuple[str, ...] = get_args(Kind)


class _NameKinds(_Keyed):
    @classmethod
    def value_schema(cls, key: str) -> dict[str, Any]:
        return {"description": f"What {key} is in the article.", "enum": list(_KINDS), "type": "string"}

    @classmethod
    def value_problem(cls, value: Any) -> str | None:
        return None if value in _KINDS else f"must be one of {', '.join(_KINDS)}"


class _FigureCounts(_Keyed):
    @classmethod
    def value_schema(cls, key: str) -> dict[str, Any]:
        return {"description": "What this number counts, in a few words.", "maxLength": 60, "type": "string"}

    @classmethod
    def value_problem(cls, value: Any) -> str | None:
        if not isinstance(value, str):
            return "must be a string"
        return None if len(value) <= 60 else "must be at most 60 characters"


@lru_cache(maxsize=512)
def kinds_model(names: tuple[str, ...]) -> type[_Keyed]:
    """One required key per name (its value: the kind of thing the name is)."""
    return type("NameKinds", (_NameKinds,), {"keys": names, "__module__": __name__})


@lru_cache(maxsize=512)
def counts_model(keys: tuple[str, ...]) -> type[_Keyed]:
    """One required key per listed number ("3: over 60"), each a short phrase saying what it counts."""
    return type("FigureCounts", (_FigureCounts,), {"keys": keys, "__module__": __name__})


class DisputeOut(BaseModel):
    topic: str = Field(max_length=80, description="The matter in dispute, in a few words.")
    claims: list[int] = Field(description="Ids of the statements that contradict each other.")


class DisputesOut(Answer):
    disputes: list[DisputeOut] = Field(max_length=5, description="Empty when no statements contradict.")

    @classmethod
    def problems(cls, out: Any, ctx: dict[str, Any]) -> list[Problem]:
        sources: dict[int, str] = ctx["sources"]
        found: list[Problem] = []
        for i, dispute in enumerate(out.disputes):
            ids = [c for c in dispute.claims if c in sources]
            if len(ids) != len(dispute.claims):
                found.append((i, f"dispute {i} names ids that are not listed"))
            elif len(set(ids)) != 2:
                found.append((i, f"dispute {i} must name exactly two statements that contradict each other"))
            elif len({sources[c].casefold() for c in ids}) < 2:
                found.append((i, f"dispute {i} needs statements from two different sources"))
        return found


def drop_items(out: Any, problems: list[Problem]) -> tuple[Any, list[str]]:
    """After the last re-ask: remove the items the checks still reject and say why, keep the rest."""
    warnings = [f"dropped: {message}" for _, message in problems]
    bad = {index for index, _ in problems if index is not None}
    if isinstance(out, DisputesOut):
        return out.model_copy(
            update={"disputes": [d for i, d in enumerate(out.disputes) if i not in bad]}
        ), warnings
    if isinstance(out, SummaryOut):
        return _repair_summary(out, problems), [f"repaired summary: {m}" for _, m in problems]
    return out, warnings


def _repair_summary(out: SummaryOut, problems: list[Problem]) -> SummaryOut:
    """Cut sentences that carry numbers the article lacks; cut a long headline to 15 words."""
    bad_numbers = [n for _, m in problems if "not in the article" in m for n in re.findall(r"[\d][\d,.]*", m)]
    sentences = re.split(r"(?<=[.!?])\s+", out.what)
    what = " ".join(s for s in sentences if not any(n in s for n in bad_numbers))
    headline = out.headline
    if any(n in headline for n in bad_numbers):
        headline = " ".join(what.split()[:12]).rstrip(".,;:")
    return SummaryOut.model_construct(headline=" ".join(headline.split()[:15]), what=what)
