"""The request pipeline: template -> (cache) -> call -> parse -> validate -> re-ask -> drop.

Stages are small functions. Instructor runs parse/validate/re-ask over a transport function of ours that
logs every raw exchange; transport retries happen below it (providers.py), re-asks above it, each with its
own budget. What still fails after the last re-ask is dropped item by item and reported in `warnings`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ValidationError

from summarizer.errors import (
    AnswerPending,
    InvalidOutputError,
    RefusalError,
    SummarizerError,
    TruncatedOutputError,
)
from summarizer.jsonl import json_object_text
from summarizer.llm.answers import checking
from summarizer.llm.backends import Backend
from summarizer.llm.prompts import Fence, Prompt
from summarizer.llm.store import CachedAnswer, Store

__all__ = ["CallOutcome", "Caller", "Usage"]

logging.getLogger("instructor").addHandler(logging.NullHandler())
logging.getLogger("instructor").propagate = False


@dataclass
class Usage:
    """Token and attempt counts summed over every model call of a brief, failed attempts included."""

    input_tokens: int = 0
    output_tokens: int = 0
    attempts: int = 0
    cached_calls: int = 0
    live_calls: int = 0

    def add(self, other: Usage) -> None:
        self.input_tokens += other.input_tokens
        self.output_tokens += other.output_tokens
        self.attempts += other.attempts
        self.cached_calls += other.cached_calls
        self.live_calls += other.live_calls


@dataclass
class CallOutcome:
    value: Any
    warnings: list[str] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)


@lru_cache(maxsize=1024)
def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema()


def _completion_text(completion: Any) -> str:
    """The JSON the model wrote, from message content or from the first tool call."""
    choice = completion.choices[0]
    message = choice.message
    calls = getattr(message, "tool_calls", None)
    if calls:
        return str(calls[0].function.arguments or "")
    return str(message.content or "")


@dataclass
class Caller:
    """Makes one structured call for a pass; shared by every pass of every brief of a run."""

    backend: Backend
    prompt: Prompt
    store: Store | None = None
    use_cache: bool = True
    reasks: int = 2
    temperature: float = 0.0

    def cache_key(
        self,
        pass_name: str,
        messages: list[dict[str, str]],
        fence: Fence,
        schema: dict[str, Any],
        max_tokens: int,
    ) -> str:
        masked = [{**m, "content": m["content"].replace(fence.token, "FENCE")} for m in messages]
        material = {
            "model": self.backend.label,
            "endpoint": self.backend.endpoint,
            "mode": f"{self.backend.instructor_mode}/{self.backend.spec.mode}",
            "prompt": self.prompt.id,
            "pass": pass_name,
            "schema": hashlib.sha256(json.dumps(schema, sort_keys=True).encode()).hexdigest(),
            "params": {"temperature": self.temperature, "max_tokens": max_tokens, "reasks": self.reasks},
            "messages": masked,
        }
        return hashlib.sha256(json.dumps(material, sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    def call(
        self,
        pass_name: str,
        messages: list[dict[str, str]],
        response_model: type[BaseModel],
        context: dict[str, Any],
        *,
        fence: Fence,
        max_tokens: int,
        article_sha256: str,
        drop: Callable[[Any, list[tuple[int | None, str]]], tuple[Any, list[str]]],
        grow: bool = True,
        salvage: Callable[[str], str | None] | None = None,
    ) -> CallOutcome:
        """One structured answer for a pass. `grow`: after a reply cut at `max_tokens`, try once with twice
        the room (a baseline that must not double its cost turns it off). `salvage`: instead, turn the cut
        reply into a complete answer (a summary cut mid-sentence keeps its whole sentences); None = cannot."""
        key = self.cache_key(pass_name, messages, fence, _schema(response_model), max_tokens)
        if self.store is not None and self.use_cache:
            hit = self.store.get(key)
            if hit is not None:
                value, warnings = self._finish(hit.answer, response_model, context, drop)
                return CallOutcome(
                    value, warnings, Usage(hit.input_tokens, hit.output_tokens, hit.attempts, 1, 0)
                )
        transport = _Transport(self, pass_name, article_sha256)
        answer = self._live(transport, _Ask(messages, response_model, context, max_tokens, grow, salvage))
        usage = transport.usage
        value, warnings = self._finish(answer, response_model, context, drop)
        if self.store is not None:
            self.store.put(
                key,
                CachedAnswer(answer, usage.input_tokens, usage.output_tokens, usage.attempts),
                model=self.backend.label,
                prompt=self.prompt.id,
                pass_name=pass_name,
            )
        return CallOutcome(value, warnings, usage)

    def _finish(
        self,
        answer: str,
        response_model: type[BaseModel],
        context: dict[str, Any],
        drop: Callable[[Any, list[tuple[int | None, str]]], tuple[Any, list[str]]],
    ) -> tuple[Any, list[str]]:
        """Validate the final answer; where checks still fail, drop the failing items and say so."""
        try:
            return response_model.model_validate_json(answer, context=context), []
        except ValidationError:
            pass
        try:
            unchecked = response_model.model_validate_json(answer)
        except ValidationError as exc:
            raise InvalidOutputError(
                f"the model's output is not valid for the {response_model.__name__} schema after "
                f"{self.reasks} re-asks ({exc.error_count()} errors)"
            ) from None
        problems = type(unchecked).problems(unchecked, context)  # type: ignore[attr-defined]
        return drop(unchecked, problems)

    def _live(self, transport: _Transport, ask: _Ask) -> str:
        """The answer's JSON, through instructor's parse/validate/re-ask loop over `transport`. A reply cut
        at `max_tokens` is asked once more with twice the room (when `ask.grow`), then is a clear error."""
        import instructor
        from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException

        mode = (
            instructor.Mode.TOOLS if self.backend.instructor_mode == "tools" else instructor.Mode.JSON_SCHEMA
        )
        create = instructor.patch(create=transport, mode=mode)
        budget = ask.max_tokens
        while True:
            try:
                with checking(ask.context):  # never `context=`: instructor would render the article as Jinja
                    value = create(
                        response_model=ask.response_model,
                        messages=ask.messages,
                        max_retries=self.reasks,
                        max_tokens=budget,
                        temperature=self.temperature,
                    )
                return str(value.model_dump_json())
            except IncompleteOutputException:
                saved = ask.salvage(transport.texts[-1]) if ask.salvage and transport.texts else None
                if saved is not None:
                    return saved
                if not ask.grow or budget >= ask.max_tokens * 2:
                    raise TruncatedOutputError(
                        f"the model's {transport.pass_name} answer was cut at {budget} tokens "
                        f"(finish_reason=length){', twice' if ask.grow else ''}"
                    ) from None
                budget = ask.max_tokens * 2
            except InstructorRetryException as exc:
                return _last_answer(exc, transport)


@dataclass(frozen=True)
class _Ask:
    """What instructor is asked for one pass. `grow`: a reply cut at `max_tokens` gets twice the room once."""

    messages: list[dict[str, str]]
    response_model: type[BaseModel]
    context: dict[str, Any]
    max_tokens: int
    grow: bool
    salvage: Callable[[str], str | None] | None = None


def _last_answer(exc: Any, transport: _Transport) -> str:
    """What is left when the re-asks ran out: our own error as it was raised, else the model's last reply
    (validated again by `_finish`: kept items stay, failing ones drop), else a refusal or a clear error."""
    cause = exc.__cause__
    if isinstance(cause, SummarizerError):
        raise cause from None
    if transport.texts and transport.texts[-1].strip():
        return json_object_text(transport.texts[-1])
    if _refused(exc):
        raise RefusalError(f"the model refused the {transport.pass_name} pass") from None
    raise InvalidOutputError(f"the model gave no usable {transport.pass_name} answer: {cause}") from None


_LOGGED_REQUEST_KEYS = ("messages", "max_tokens", "temperature", "response_format", "tools", "model")


@dataclass
class _Transport:
    """The function instructor calls for every attempt of one pass: sends through the backend, and is the one
    place that counts usage, keeps the raw replies and logs each exchange to the store."""

    caller: Caller
    pass_name: str
    article_sha256: str
    usage: Usage = field(default_factory=Usage)
    texts: list[str] = field(default_factory=list)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            completion = self.caller.backend.send(kwargs)
        except AnswerPending:
            raise  # not a call: the request waits for the next batch; nothing to count or log
        except BaseException as exc:
            self._record(kwargs, None, _error_text(exc), time.perf_counter() - started)
            raise
        self._record(kwargs, completion, None, time.perf_counter() - started)
        return completion

    def _record(self, request: dict[str, Any], completion: Any, error: str | None, latency: float) -> None:
        answered = completion is not None and bool(completion.choices)
        text = _completion_text(completion) if answered else None
        used = getattr(completion, "usage", None)
        if completion is not None:
            self.usage.attempts += 1
            self.usage.live_calls += 1
        self.usage.input_tokens += _tokens(used, "prompt_tokens") or 0
        self.usage.output_tokens += _tokens(used, "completion_tokens") or 0
        if text is not None:
            self.texts.append(text)
        caller = self.caller
        if caller.store is None:
            return
        caller.store.log_call(
            model=caller.backend.label,
            endpoint=caller.backend.endpoint,
            prompt=caller.prompt.id,
            article_sha256=self.article_sha256,
            request={k: v for k, v in request.items() if k in _LOGGED_REQUEST_KEYS},
            response=text,
            finish_reason=completion.choices[0].finish_reason if answered else None,
            input_tokens=_tokens(used, "prompt_tokens"),
            output_tokens=_tokens(used, "completion_tokens"),
            latency=latency,
            error=error,
            **{"pass": self.pass_name},
        )


def _tokens(used: Any, name: str) -> int | None:
    """A token count from a completion's `usage`; None when the reply had no usage at all."""
    return int(getattr(used, name, 0) or 0) if used else None


def _error_text(exc: BaseException) -> str | None:
    """How a failed call is logged: our errors as they read, anyone else's (a body that is not JSON, ...) with
    their type; an interrupt is not an error of the call."""
    if isinstance(exc, SummarizerError):
        return str(exc)
    if isinstance(exc, Exception):
        return f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
    return None


def _refused(exc: Any) -> bool:
    completion: Any = getattr(exc, "last_completion", None)
    try:
        choice = completion.choices[0]
        return bool(getattr(choice.message, "refusal", None)) or choice.finish_reason == "content_filter"
    except (AttributeError, IndexError, TypeError):
        return False
