"""Model strings are parsed in one place; every mistake is a one-line error that names the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from openai.types.chat import ChatCompletion

from summarizer.errors import ConfigError
from summarizer.llm import backends
from summarizer.llm.backends import (
    Backend,
    ModelRequest,
    Provider,
    ProviderSpec,
    RetryPolicy,
    _llama_format,
    make_backend,
    parse_model,
    redact_url,
    register_provider,
)


def test_default_is_the_embedded_model() -> None:
    spec = parse_model(None, env={})
    assert spec.kind == "local"
    assert spec.path is None
    assert spec.label.startswith("local:qwen2.5")


def test_summarizer_model_env_sets_the_default() -> None:
    spec = parse_model(None, env={"SUMMARIZER_MODEL": "openai:gpt-4o-mini", "OPENAI_API_KEY": "sk-test"})
    assert (spec.kind, spec.model, spec.base_url) == ("openai", "gpt-4o-mini", None)


def test_openai_needs_a_key_without_base_url() -> None:
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        parse_model("openai:gpt-4o-mini", env={})


def test_base_url_makes_the_key_optional_and_env_base_url_counts() -> None:
    spec = parse_model("openai:qwen", env={"OPENAI_BASE_URL": "http://127.0.0.1:9/v1"})
    assert spec.base_url == "http://127.0.0.1:9/v1"
    spec = parse_model("openai:qwen", base_url="http://localhost:8080/v1", env={})
    assert spec.base_url == "http://localhost:8080/v1"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("gpt-4o", "did you mean openai:gpt-4o"),
        ("anthropic:claude", "unknown model"),
        ("openai:", "needs a model name"),
        ("local:/nope/model.gguf", "model file not found"),
        ("local:/tmp/model.bin", "not a .gguf"),
    ],
)
def test_bad_model_strings(text: str, fragment: str) -> None:
    with pytest.raises(ConfigError, match=fragment) as info:
        parse_model(text, env={"OPENAI_API_KEY": "x"})
    assert "\n" not in str(info.value)


def test_local_path(tmp_path: Path) -> None:
    model = tmp_path / "tiny.gguf"
    model.write_bytes(b"GGUF")
    spec = parse_model(f"local:{model}", env={})
    assert spec.path == model and spec.model == "tiny"


def test_base_url_is_not_for_local_and_must_be_http() -> None:
    with pytest.raises(ConfigError, match="--base-url is for openai"):
        parse_model("local", base_url="http://x/v1", env={})
    with pytest.raises(ConfigError, match="http://"):
        parse_model("openai:m", base_url="ftp://x", env={})


def test_unknown_mode() -> None:
    with pytest.raises(ConfigError, match="unknown --mode"):
        parse_model("openai:m", base_url="http://x/v1", mode="xml", env={})


def test_credentials_in_urls_are_redacted() -> None:
    assert redact_url("https://user:sekrit@example.test:8443/v1") == "https://example.test:8443/v1"
    assert redact_url("http://127.0.0.1:8080/v1") == "http://127.0.0.1:8080/v1"


def test_threads_share_one_in_process_model_one_call_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """llama.cpp contexts are not thread-safe: every call into the loaded model is serialised by one lock."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    from summarizer.llm import embedded
    from summarizer.llm.backends import LocalBackend, ProviderSpec

    inside = 0
    overlap = False
    loads = 0

    class FakeLlama:
        def create_chat_completion_openai_v1(self, **kwargs: object) -> ChatCompletion:
            nonlocal inside, overlap
            inside += 1
            overlap = overlap or inside > 1
            time.sleep(0.005)
            inside -= 1
            return _completion('Here it is:\n```json\n{"done": true}\n```')

    def fake_load(path: Path, **kwargs: object) -> FakeLlama:
        nonlocal loads
        loads += 1
        return FakeLlama()

    model = tmp_path / "fake.gguf"
    model.write_bytes(b"GGUF")
    monkeypatch.setattr(embedded, "load_llama", fake_load)
    monkeypatch.setattr(embedded, "_shared", {})
    backends = [LocalBackend(ProviderSpec(kind="local", model="fake", path=model)) for _ in range(4)]
    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(lambda i: backends[i % 4].send({"messages": []}), range(200)))
    # no grammar in mode auto: the backend hands on the JSON object from the model's free text
    assert [r.choices[0].message.content for r in results] == ['{"done": true}'] * 200
    assert not overlap and loads == 1
    assert threading.active_count() >= 1


def _completion(content: str) -> ChatCompletion:
    return ChatCompletion.model_validate(
        {
            "id": "fake",
            "object": "chat.completion",
            "created": 0,
            "model": "fake",
            "choices": [
                {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}
            ],
        }
    )


def test_local_modes_choose_the_grammar() -> None:
    """auto: no grammar (the prompt states the JSON, the pipeline validates it); json_schema: the schema's."""
    schema = {"type": "object", "properties": {"a": {"type": "string"}}}
    asked = {"type": "json_schema", "json_schema": {"name": "A", "schema": schema}}
    assert _llama_format(asked, "auto") is None
    assert _llama_format(asked, "json_schema") == {"type": "json_object", "schema": schema}
    assert _llama_format(asked, "json_object") == {"type": "json_object"}
    with pytest.raises(ConfigError, match="--mode tools is for openai"):
        parse_model("local", mode="tools", env={})


def test_a_new_backend_plugs_in_with_one_registration(monkeypatch: pytest.MonkeyPatch) -> None:
    """parse_model and make_backend know providers only through the registry."""
    monkeypatch.setattr(backends, "_PROVIDERS", dict(backends._PROVIDERS))
    seen: list[ModelRequest] = []

    class EchoBackend(Backend):
        def send(self, request: dict[str, object]) -> object:
            return request

    def parse(request: ModelRequest) -> ProviderSpec:
        seen.append(request)
        return ProviderSpec(kind="echo", model=request.name or "default", base_url=request.base_url)

    def make(spec: ProviderSpec, retry: RetryPolicy | None) -> Backend:
        return EchoBackend(spec, retry or RetryPolicy())

    register_provider(Provider("echo", "echo:NAME", parse, make))
    spec = parse_model("echo:loud", base_url="http://h/v1", mode="json_object", env={})
    assert (spec.kind, spec.model, spec.base_url) == ("echo", "loud", "http://h/v1")
    assert seen[-1].mode == "json_object" and seen[-1].has_name
    backend = make_backend(spec, RetryPolicy(http_retries=1))
    assert isinstance(backend, EchoBackend) and backend.retry.http_retries == 1
    assert backend.send({"messages": []}) == {"messages": []}
    with pytest.raises(ConfigError, match="echo:NAME"):
        parse_model("nope:x", env={})  # the error lists every registered way to name a model
    with pytest.raises(ValueError, match="already registered"):
        register_provider(Provider("echo", "echo:NAME", parse, make))


def test_the_built_in_providers_make_their_backends(tmp_path: Path) -> None:
    model = tmp_path / "tiny.gguf"
    model.write_bytes(b"GGUF")
    local = make_backend(parse_model(f"local:{model}", env={}))
    assert type(local) is backends.LocalBackend and local.endpoint == "in-process"
    remote = make_backend(parse_model("openai:m", base_url="http://127.0.0.1:9/v1", env={}))
    try:
        assert type(remote) is backends.OpenAIBackend and remote.endpoint == "http://127.0.0.1:9/v1"
    finally:
        remote.close()


def test_a_spec_without_a_registered_provider_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="no provider"):
        make_backend(ProviderSpec(kind="gone", model="m"))
