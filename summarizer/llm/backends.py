"""Model backends behind one small interface, chosen by the prefix of a model string from a registry.

`local` / `local:/path/model.gguf`: llama-cpp-python in-process. Its replies are free text that the pipeline
validates (mode `auto`): a llama.cpp grammar made from the JSON schema (`--mode json_schema`) costs 20-50% of a
brief's time on these machines, and a validation re-ask is rare.
`openai:MODEL`: the openai client against OpenAI or any OpenAI-compatible server (`--base-url`).

Each prefix is a `Provider` registered with `register_provider`: how to read the rest of the model string (and
the flags and environment) into a `ProviderSpec`, and how to make its `Backend`. `parse_model` and
`make_backend` only look providers up, so a new backend plugs in with one registration.

Every backend exposes `Backend.send(request) -> ChatCompletion`, the raw transport. Transport retries (tenacity:
429 with Retry-After, 408, 5xx, timeouts, connection errors) live here; validation re-asks live in the pipeline
(instructor) and are budgeted apart, so the cost of a brief in HTTP calls is
`passes x (1 + reasks) x (1 + http_retries)` at the very most.
"""

from __future__ import annotations

import math
import os
import random
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar, cast
from urllib.parse import urlsplit, urlunsplit

from summarizer.errors import (
    ConfigError,
    ContextLengthError,
    ProviderError,
    RateLimitedError,
    ServerUnreachableError,
    SummarizerError,
    TimeoutError_,
)
from summarizer.jsonl import json_object_text

__all__ = [
    "Backend",
    "LocalBackend",
    "ModelRequest",
    "OpenAIBackend",
    "Provider",
    "ProviderSpec",
    "RetryPolicy",
    "StructuredMode",
    "make_backend",
    "parse_model",
    "redact_url",
    "register_provider",
]

StructuredMode = Literal["auto", "tools", "json_schema", "json_object"]
_MODES: tuple[str, ...] = ("auto", "tools", "json_schema", "json_object")
T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """Transport retries. Never retried: 400, 401, 403, 404, 422 (the request itself is wrong)."""

    http_retries: int = 4
    """Tries after the first for a 429, a 5xx, a timeout or a dropped connection."""
    deadline: float | None = None
    """Seconds for all tries of one call together; None: only `http_retries` bounds them."""
    timeout: float = 60.0
    """Seconds one HTTP call may take."""
    retry_after_cap: float = 30.0
    """Retry-After is honoured up to this many seconds; a longer hint waits this long."""
    backoff_base: float = 0.5
    backoff_max: float = 8.0
    """Jittered exponential backoff between tries without a hint: `backoff_base` doubling up to this."""


@dataclass(frozen=True)
class ProviderSpec:
    """A parsed `--model` string; `kind` is the prefix of the provider that parsed it."""

    kind: str
    model: str
    path: Path | None = None
    base_url: str | None = None
    mode: StructuredMode = "auto"

    @property
    def label(self) -> str:
        return f"{self.kind}:{self.model}"


def redact_url(url: str | None) -> str | None:
    """Drop user:password@ from a URL so it can be logged, cached and shown."""
    if not url:
        return url
    parts = urlsplit(url)
    if parts.username or parts.password:
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
        return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    return url


@dataclass(frozen=True)
class ModelRequest:
    """A model string split at its prefix, with the flags and environment a provider may need to read it."""

    name: str  # after "prefix:"; empty for a bare prefix ("local")
    has_name: bool  # whether a colon followed the prefix
    base_url: str | None
    mode: StructuredMode
    env: Mapping[str, str]


@dataclass(frozen=True)
class Provider:
    """One model-string prefix: how to parse what follows it, and how to make its backend.

    `usage` is how the prefix is written, for error messages; `takes_names` marks a provider that serves any
    model name, suggested when a model string has no prefix at all ("gpt-4o" -> "openai:gpt-4o").
    """

    prefix: str
    usage: str
    parse: Callable[[ModelRequest], ProviderSpec]
    make: Callable[[ProviderSpec, RetryPolicy | None], Backend]
    takes_names: bool = False


_PROVIDERS: dict[str, Provider] = {}


def register_provider(provider: Provider) -> None:
    """Make `provider.prefix` a valid model-string prefix."""
    if provider.prefix in _PROVIDERS:
        raise ValueError(f"a provider is already registered for {provider.prefix!r}")
    _PROVIDERS[provider.prefix] = provider


def parse_model(
    model: str | None = None,
    *,
    base_url: str | None = None,
    mode: str | None = None,
    env: Mapping[str, str] | None = None,
) -> ProviderSpec:
    """Parse `local`, `local:/path.gguf` or `openai:NAME` (default: `$SUMMARIZER_MODEL`, else `local`)."""
    env = os.environ if env is None else env
    text = (model or env.get("SUMMARIZER_MODEL") or "local").strip()
    chosen_mode = (mode or env.get("SUMMARIZER_MODE") or "auto").strip()
    if chosen_mode not in _MODES:
        raise ConfigError(f"unknown --mode {chosen_mode!r}: use one of {', '.join(_MODES)}")
    prefix, sep, rest = text.partition(":")
    provider = _PROVIDERS.get(prefix)
    if provider is None:
        raise ConfigError(_unknown_model(text, bare=not sep))
    return provider.parse(ModelRequest(rest, bool(sep), base_url, cast(StructuredMode, chosen_mode), env))


def _unknown_model(text: str, bare: bool) -> str:
    named = [p.prefix for p in _PROVIDERS.values() if p.takes_names]
    hint = f" (did you mean {named[0]}:{text}?)" if bare and named else ""
    usages = [p.usage for p in _PROVIDERS.values()]
    choices = usages[0] if len(usages) == 1 else f"{', '.join(usages[:-1])} or {usages[-1]}"
    return f"unknown model {text!r}{hint}: use {choices}"


def make_backend(spec: ProviderSpec, retry: RetryPolicy | None = None) -> Backend:
    """The backend for a parsed model string, made by the provider registered for its prefix."""
    provider = _PROVIDERS.get(spec.kind)
    if provider is None:
        raise ConfigError(f"no provider is registered for {spec.kind!r} models")
    return provider.make(spec, retry)


def _parse_local(request: ModelRequest) -> ProviderSpec:
    if request.base_url:
        raise ConfigError("--base-url is for openai:MODEL; the local model runs in-process")
    if request.mode == "tools":
        raise ConfigError(
            "--mode tools is for openai:MODEL; the local model takes auto, json_schema or json_object"
        )
    if not request.has_name or not request.name:
        from summarizer.llm.embedded import EMBEDDED_NAME

        return ProviderSpec(kind="local", model=EMBEDDED_NAME, mode=request.mode)
    path = Path(request.name).expanduser()
    if path.suffix.lower() != ".gguf":
        raise ConfigError(f"local:{request.name} is not a .gguf file: use local:/path/to/model.gguf")
    if not path.is_file():
        raise ConfigError(f"model file not found: {path} (local:PATH takes a GGUF file)")
    return ProviderSpec(kind="local", model=path.stem, path=path, mode=request.mode)


def _parse_openai(request: ModelRequest) -> ProviderSpec:
    if not request.name:
        raise ConfigError("openai needs a model name: --model openai:gpt-4o-mini")
    env = request.env
    url = request.base_url or env.get("OPENAI_BASE_URL") or None
    if url and not url.startswith(("http://", "https://")):
        raise ConfigError(f"--base-url must start with http:// or https://, got {redact_url(url)!r}")
    if not url and not env.get("OPENAI_API_KEY"):
        raise ConfigError(
            "OPENAI_API_KEY is not set: export it for OpenAI, or pass --base-url (or OPENAI_BASE_URL) "
            "for a local OpenAI-compatible server"
        )
    return ProviderSpec(kind="openai", model=request.name, base_url=url, mode=request.mode)


@dataclass
class Backend:
    """A model endpoint. `send` takes chat-completion keyword arguments and returns an openai ChatCompletion."""

    spec: ProviderSpec
    retry: RetryPolicy = field(default_factory=RetryPolicy)

    @property
    def label(self) -> str:
        return self.spec.label

    @property
    def endpoint(self) -> str:
        return "in-process"

    @property
    def instructor_mode(self) -> str:
        return "json_schema"

    @property
    def parallel_calls(self) -> bool:
        """Whether calls may overlap usefully: a server serves them at once, an in-process model does not."""
        return False

    @property
    def context_tokens(self) -> int | None:
        return None

    def count_tokens(self, text: str) -> int:
        """A cheap estimate where the backend has no tokenizer: about four characters a token."""
        return max(1, len(text) // 4)

    def send(self, request: dict[str, Any]) -> Any:
        raise NotImplementedError

    def close(self) -> None:
        """Release what the backend holds (network clients); the in-process model stays loaded for reuse."""


# -- local -------------------------------------------------------------------------------------------------


class LocalBackend(Backend):
    """llama-cpp-python in-process. One lock per loaded model: a Llama object is not thread-safe."""

    def __init__(self, spec: ProviderSpec, retry: RetryPolicy | None = None, n_ctx: int = 8192) -> None:
        super().__init__(spec=spec, retry=retry or RetryPolicy())
        self.n_ctx = n_ctx
        self._llama: Any = None
        self._lock: threading.Lock | None = None

    @property
    def context_tokens(self) -> int | None:
        return self.n_ctx

    def _load(self) -> tuple[Any, threading.Lock]:
        if self._llama is not None and self._lock is not None:
            return self._llama, self._lock
        from summarizer.llm.embedded import ensure_model_file, shared_llama

        self._llama, self._lock = shared_llama(self.spec.path or ensure_model_file(), self.n_ctx)
        return self._llama, self._lock

    def count_tokens(self, text: str) -> int:
        llama, lock = self._load()
        with lock:
            return len(llama.tokenize(text.encode("utf-8"), add_bos=False))

    def send(self, request: dict[str, Any]) -> Any:
        llama, lock = self._load()
        kwargs = {k: v for k, v in request.items() if k not in {"model", "timeout", "stream"}}
        kwargs["response_format"] = _llama_format(kwargs.get("response_format"), self.spec.mode)
        with lock:
            try:
                completion = llama.create_chat_completion_openai_v1(**kwargs)
            except ValueError as exc:
                if "context window" in str(exc) or "exceed" in str(exc):
                    raise ContextLengthError(
                        f"the article is too long for the model's {self.n_ctx}-token context"
                    ) from None
                raise
        if kwargs["response_format"] is None:
            for choice in completion.choices:
                choice.message.content = json_object_text(choice.message.content or "")
        return completion


def _llama_format(response_format: Any, mode: StructuredMode) -> Any:
    """The grammar the mode asks of llama.cpp: none for `auto` (the prompt states the JSON and the pipeline
    validates it), any JSON for `json_object`, the schema's own for `json_schema` (llama.cpp's dialect:
    `{"type": "json_object", "schema": ...}`)."""
    if mode == "auto":
        return None
    if mode == "json_schema" and isinstance(response_format, dict):
        schema = response_format.get("json_schema", {}).get("schema")
        if response_format.get("type") == "json_schema" and schema:
            return {"type": "json_object", "schema": schema}
    return {"type": "json_object"}


# -- openai ------------------------------------------------------------------------------------------------


class OpenAIBackend(Backend):
    """The openai client with its own retries off: ours (tenacity) are the only ones."""

    def __init__(
        self, spec: ProviderSpec, retry: RetryPolicy | None = None, api_key: str | None = None
    ) -> None:
        super().__init__(spec=spec, retry=retry or RetryPolicy())
        import openai

        key = api_key or os.environ.get("OPENAI_API_KEY") or "not-needed"
        self._secret = key if key != "not-needed" else None
        self._client = openai.OpenAI(
            api_key=key, base_url=spec.base_url, max_retries=0, timeout=self.retry.timeout
        )
        self._json_object = spec.mode == "json_object"

    @property
    def endpoint(self) -> str:
        return redact_url(self.spec.base_url) or "https://api.openai.com/v1"

    @property
    def parallel_calls(self) -> bool:
        return True

    @property
    def instructor_mode(self) -> str:
        if self.spec.mode == "tools" or (self.spec.mode == "auto" and not self.spec.base_url):
            return "tools"
        return "json_schema"

    def close(self) -> None:
        self._client.close()

    def send(self, request: dict[str, Any]) -> Any:
        import openai

        kwargs = dict(request)
        kwargs.setdefault("model", self.spec.model)
        kwargs.setdefault("timeout", self.retry.timeout)
        as_object = self._json_object  # read once: calls on other threads may switch it meanwhile
        if as_object:
            kwargs["response_format"] = _llama_format(kwargs.get("response_format"), "json_schema")
        try:
            completion = _with_retries(
                lambda: self._client.chat.completions.create(**kwargs), self.retry, self.endpoint
            )
        except (
            ValueError
        ):  # a 200 whose body is not JSON, after our retries: the server's fault, not the model's
            raise ProviderError(
                f"{self.endpoint} answered with a body that is not JSON, {self.retry.http_retries + 1} times"
            ) from None
        except openai.APIStatusError as exc:
            if (
                self.spec.mode == "auto"
                and not as_object
                and "response_format" in kwargs
                and _format_rejected(exc)
            ):
                # A server without `json_schema` response formats (llama-cpp-python's): use its json_object
                # dialect from now on.
                self._json_object = True
                return self.send(request)
            raise _status_error(exc, self.endpoint, self._secret) from None
        if not getattr(completion, "choices", None):
            raise ProviderError(f"{self.endpoint} answered with no choices")
        return completion

    def api(self, call: Callable[[Any], T]) -> T:
        """Any other call on the openai client (files, batches), under the same retry policy and with the same
        one-line, key-free errors as `send`."""
        import openai

        try:
            return _with_retries(lambda: call(self._client), self.retry, self.endpoint)  # type: ignore[no-any-return]
        except openai.APIStatusError as exc:
            raise _status_error(exc, self.endpoint, self._secret) from None


def _format_rejected(exc: Any) -> bool:
    """A server that does not take our response format: 400 or 422, or a 500 (llama-cpp-python's server
    answers its own request-validation error with 500) whose message names the response format."""
    if getattr(exc, "status_code", None) not in (400, 422, 500):
        return False
    text = str(getattr(exc, "body", "") or "") + str(getattr(exc, "message", "") or "")
    return "response_format" in text or "json_schema" in text or "json_object" in text


def _status_error(exc: Any, endpoint: str, secret: str | None = None) -> SummarizerError:
    status = exc.status_code
    detail = " ".join(str(getattr(exc, "message", "") or "").split())
    if secret:
        detail = detail.replace(secret, "[redacted]")  # before the cut, so no prefix of the key survives
    detail = detail[:200]
    if status == 401:
        return ConfigError(f"{endpoint} rejected the API key (401): check OPENAI_API_KEY")
    if status == 403:
        return ProviderError(f"{endpoint} refused the request (403): {detail}")
    if status == 404:
        return ConfigError(f"{endpoint} has no such model or route (404): check --model and --base-url")
    if status == 429:
        return RateLimitedError(
            f"{endpoint} is still rate limiting (429) after our retries: try later or lower --concurrency"
        )
    if status in (400, 422) and (
        ("context" in detail.lower() and "length" in detail.lower()) or "too long" in detail.lower()
    ):
        return ContextLengthError(f"the article is too long for the model's context ({status}): {detail}")
    return ProviderError(f"{endpoint} answered {status}: {detail}")


def _retryable(exc: BaseException) -> bool:
    import openai

    if isinstance(exc, openai.APIStatusError):
        if _format_rejected(exc):
            return False  # deterministic: the same body gets the same answer; the backend switches dialect
        return exc.status_code in (408, 409, 429) or exc.status_code >= 500
    # Connection errors and timeouts; and a 200 whose body is not JSON (a proxy's error page) like a 502.
    return isinstance(exc, openai.APIConnectionError | ValueError)


def _retry_after(exc: BaseException, cap: float) -> float | None:
    """The server's hint in seconds, clamped to [0, cap]; None when absent or not a number (NaN, a date)."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if not headers:
        return None
    for name, scale in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = headers.get(name)
        if not value:
            continue
        try:
            seconds = float(value) / scale
        except ValueError:
            continue
        if math.isnan(seconds):
            continue
        return min(max(seconds, 0.0), cap)
    return None


def _with_retries(call: Callable[[], Any], policy: RetryPolicy, endpoint: str) -> Any:
    """Run `call` with our transport retry policy (jittered exponential backoff, Retry-After honoured)."""
    import openai
    from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, stop_after_delay

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        hinted = _retry_after(exc, policy.retry_after_cap) if exc else None
        if hinted is not None:
            return hinted
        ceiling = min(policy.backoff_max, policy.backoff_base * 2 ** (state.attempt_number - 1))
        return random.uniform(0, ceiling)

    attempts = 0

    def counted() -> Any:
        nonlocal attempts
        attempts += 1
        return call()

    stop: Any = stop_after_attempt(policy.http_retries + 1)
    if policy.deadline:
        stop = stop | stop_after_delay(policy.deadline)
    try:
        for attempt in Retrying(stop=stop, wait=wait, retry=retry_if_exception(_retryable), reraise=True):
            with attempt:
                return counted()
    except openai.APITimeoutError:
        raise TimeoutError_(
            f"{endpoint} did not answer within {policy.timeout:g}s, {attempts} times: "
            "raise --timeout or check the server"
        ) from None
    except openai.APIConnectionError:
        raise ServerUnreachableError(
            f"cannot reach {endpoint}: is the server running? check --base-url / OPENAI_BASE_URL"
        ) from None
    raise AssertionError("unreachable")  # pragma: no cover


register_provider(Provider("local", "local, local:/path/model.gguf", _parse_local, LocalBackend))
register_provider(Provider("openai", "openai:MODEL", _parse_openai, OpenAIBackend, takes_names=True))
