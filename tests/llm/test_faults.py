"""Fault injection through the real library: Summarizer -> OpenAIBackend -> openai client -> a scripted server.

Every test counts the exact HTTP requests the server saw. With the article below a brief costs four calls, one
per pass (summary, entities, figures, disputes); a transport retry or a re-ask adds exactly one more.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.api import Summarizer
from summarizer.contract import Brief
from summarizer.errors import (
    ConfigError,
    InvalidOutputError,
    ProviderError,
    RateLimitedError,
    RefusalError,
    ServerUnreachableError,
    SummarizerError,
    TimeoutError_,
    TruncatedOutputError,
)
from summarizer.llm.backends import RetryPolicy

from fault_server import DEFAULT_USAGE, FaultServer

ARTICLE = (
    "WELLINGTON — The city council approved a new flood barrier on Tuesday after a long debate. "
    "The project will cost 45 million dollars and protect about 3,000 homes near the river. "
    "Mayor Tory Whanau said the barrier was overdue and would be finished within two years. "
    "Opponents argued that the money should go to public transport instead. "
    "Construction is expected to begin next spring."
)
PASSES = ["SummaryOut"]  # code reads the rest of the brief: one model call
N = len(PASSES)
IN, OUT = DEFAULT_USAGE
SECRET = "sk-test-SECRET-123"

Factory = Callable[..., Summarizer]


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as fault:
        yield fault


@pytest.fixture
def make(server: FaultServer, tmp_path: Path) -> Iterator[Factory]:
    """Build a Summarizer against the fault server; every one is closed at teardown."""
    made: list[Summarizer] = []

    def factory(http_retries: int = 2, timeout: float = 2.0, **policy: Any) -> Summarizer:
        retry = RetryPolicy(
            http_retries=http_retries,
            timeout=timeout,
            backoff_base=policy.pop("backoff_base", 0.01),
            backoff_max=policy.pop("backoff_max", 0.05),
            retry_after_cap=policy.pop("retry_after_cap", 2.0),
            **policy,
        )
        # One call at a time: these tests script each call's faults in order (parallel calls: see below).
        runner = Summarizer.create(
            "openai:test",
            base_url=server.url,
            cache=False,
            db_path=tmp_path / "db.sqlite",
            retry=retry,
        )
        made.append(runner)
        return runner

    yield factory
    for runner in made:
        runner.close()


def fail(runner: Summarizer) -> SummarizerError:
    """Brief ARTICLE and return the error it raises (the test fails if it does not raise)."""
    with pytest.raises(SummarizerError) as info:
        runner.summarize(ARTICLE)
    error = info.value
    assert "\n" not in str(error), "errors are one line"
    return error


def assert_smart_brief(brief: Brief) -> None:
    assert brief.headline == "Test headline"
    assert brief.what == "A test summary."
    assert "Tory Whanau" in [p.name for p in brief.who]
    assert [f.text for f in brief.figures] == ["45 million dollars", "about 3,000", "two years"]
    assert [f.kind for f in brief.figures] == ["money", "count", "duration"]
    assert brief.claims and brief.claims[0].source == "Tory Whanau"


# -- the stub itself -------------------------------------------------------------------------------------------


def test_smart_default_answers_every_pass(server: FaultServer, make: Factory) -> None:
    brief = make().summarize(ARTICLE)
    assert_smart_brief(brief)
    assert server.passes() == PASSES
    assert all(b["response_format"]["type"] == "json_schema" for b in server.bodies)
    assert (brief.meta.attempts, brief.meta.input_tokens, brief.meta.output_tokens) == (N, N * IN, N * OUT)
    assert brief.warnings == []


# -- transport retries ---------------------------------------------------------------------------------------


def test_429_with_retry_after_is_honoured_then_succeeds(server: FaultServer, make: Factory) -> None:
    server.set_script([("status", 429, {"Retry-After": "1"})])
    runner = make(http_retries=2)
    started = time.monotonic()
    brief = runner.summarize(ARTICLE)
    elapsed = time.monotonic() - started
    assert_smart_brief(brief)
    assert server.count == N + 1
    assert server.passes() == ["SummaryOut", *PASSES]
    gap = server.requests[1].at - server.requests[0].at
    assert gap >= 0.95, f"Retry-After: 1 not honoured, retried after {gap:.3f}s"
    assert elapsed >= 0.95
    assert gap < 1.9, "the wait should be the hint, not the hint plus backoff"
    assert brief.meta.attempts == N, "a 429 carries no completion: it is not a model attempt"


def test_retry_after_is_capped(server: FaultServer, make: Factory) -> None:
    server.set_script([("status", 429, {"Retry-After": "30"})])
    brief = make(retry_after_cap=0.3).summarize(ARTICLE)
    gap = server.requests[1].at - server.requests[0].at
    assert 0.25 <= gap < 3.0
    assert brief.headline == "Test headline"
    assert server.count == N + 1


def test_retry_after_ms_is_honoured(server: FaultServer, make: Factory) -> None:
    server.set_script([("status", 429, {"retry-after-ms": "300", "Retry-After": "9"})])
    make().summarize(ARTICLE)
    gap = server.requests[1].at - server.requests[0].at
    assert 0.28 <= gap < 2.0, "retry-after-ms takes precedence over Retry-After"
    assert server.count == N + 1


@pytest.mark.parametrize("hint", ["-5", "nan"])
def test_bogus_retry_after_ms_falls_back_to_backoff(server: FaultServer, make: Factory, hint: str) -> None:
    """A server's nonsense hint must not break the retry: it should be ignored (or clamped to 0)."""
    server.set_script([("status", 429, {"retry-after-ms": hint})])
    brief = make().summarize(ARTICLE)
    assert brief.headline == "Test headline"
    assert server.count == N + 1


def test_http_date_retry_after_falls_back_to_backoff(server: FaultServer, make: Factory) -> None:
    server.set_script([("status", 429, {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})])
    started = time.monotonic()
    make().summarize(ARTICLE)
    assert time.monotonic() - started < 1.5
    assert server.count == N + 1


def test_429_forever_is_a_rate_limited_error(server: FaultServer, make: Factory) -> None:
    server.set_script(lambda i, body: ("status", 429, {"Retry-After": "0"}))
    error = fail(make(http_retries=3))
    assert type(error) is RateLimitedError
    assert "429" in str(error)
    assert server.count == 4


@pytest.mark.parametrize("status", [408, 409, 500, 502, 503, 504])
def test_retryable_status_once_then_success(server: FaultServer, make: Factory, status: int) -> None:
    server.set_script([("status", status)])
    brief = make(http_retries=1).summarize(ARTICLE)
    assert_smart_brief(brief)
    assert server.count == N + 1
    assert server.passes() == ["SummaryOut", *PASSES]


@pytest.mark.parametrize("http_retries", [0, 3])
def test_500_forever_makes_exactly_http_retries_plus_one_calls(
    server: FaultServer, make: Factory, http_retries: int
) -> None:
    server.set_script(lambda i, body: ("status", 500))
    error = fail(make(http_retries=http_retries))
    assert type(error) is ProviderError
    assert "answered 500" in str(error)
    assert server.count == http_retries + 1
    assert set(server.passes()) == {"SummaryOut"}, "the brief stops at the first pass"


def test_deadline_stops_retrying_early(server: FaultServer, make: Factory) -> None:
    server.set_script(lambda i, body: ("status", 503))
    started = time.monotonic()
    error = fail(make(http_retries=1000, deadline=0.3, backoff_base=0.05, backoff_max=0.05))
    assert time.monotonic() - started < 2.0
    assert type(error) is ProviderError and "503" in str(error)
    assert 2 <= server.count < 100


def test_stall_past_the_timeout_is_a_timeout_error(server: FaultServer, make: Factory) -> None:
    server.set_script(lambda i, body: ("stall", 1.5))
    started = time.monotonic()
    error = fail(make(http_retries=2, timeout=0.2))
    elapsed = time.monotonic() - started
    assert type(error) is TimeoutError_
    assert "0.2s, 3 times" in str(error)
    assert server.count == 3
    assert 0.55 <= elapsed < 1.5, "three 0.2 s timeouts plus small backoffs"


def test_slow_answer_within_the_timeout_is_fine(server: FaultServer, make: Factory) -> None:
    server.set_script([("stall", 0.2)])
    brief = make(timeout=2.0).summarize(ARTICLE)
    assert_smart_brief(brief)
    assert server.count == N


def test_stall_once_then_success(server: FaultServer, make: Factory) -> None:
    server.set_script([("stall", 1.0)])
    brief = make(http_retries=1, timeout=0.2).summarize(ARTICLE)
    assert_smart_brief(brief)
    assert server.count == N + 1


def test_reset_connection_then_success(server: FaultServer, make: Factory) -> None:
    server.set_script([("reset",)])
    brief = make(http_retries=1).summarize(ARTICLE)
    assert_smart_brief(brief)
    assert server.count == N + 1
    assert server.passes() == ["SummaryOut", *PASSES]
    assert brief.meta.attempts == N


def test_reset_forever_is_server_unreachable(server: FaultServer, make: Factory) -> None:
    server.set_script(lambda i, body: ("reset",))
    error = fail(make(http_retries=2))
    assert type(error) is ServerUnreachableError
    assert server.url in str(error)
    assert server.count == 3


def test_nothing_listening_is_server_unreachable(tmp_path: Path) -> None:
    with FaultServer() as gone:
        url = gone.url
    runner = Summarizer.create(
        "openai:test",
        base_url=url,
        cache=False,
        db_path=tmp_path / "db.sqlite",
        retry=RetryPolicy(http_retries=1, timeout=1.0, backoff_base=0.01, backoff_max=0.02),
    )
    try:
        with pytest.raises(ServerUnreachableError, match="cannot reach"):
            runner.summarize(ARTICLE)
    finally:
        runner.close()


# -- never retried -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "kind", "fragment"),
    [
        (401, ConfigError, "rejected the API key (401)"),
        (400, ProviderError, "answered 400"),
        (403, ProviderError, "refused the request (403)"),
        (404, ConfigError, "no such model or route (404)"),
        (422, ProviderError, "answered 422"),
    ],
)
def test_client_errors_are_never_retried(
    server: FaultServer, make: Factory, status: int, kind: type[Exception], fragment: str
) -> None:
    server.set_script(lambda i, body: ("status", status, {"Retry-After": "0"}, "the request is wrong"))
    started = time.monotonic()
    error = fail(make(http_retries=4))
    assert type(error) is kind
    assert fragment in str(error)
    assert server.count == 1
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize("status", [400, 422, 500])
def test_format_rejection_switches_to_json_object_once(
    server: FaultServer, make: Factory, status: int
) -> None:
    server.set_script([("status", status, None, "response_format type json_schema is not supported")])
    brief = make(http_retries=0).summarize(ARTICLE)
    assert_smart_brief(brief)
    assert server.count == N + 1
    first, retried = server.bodies[0], server.bodies[1]
    assert first["response_format"]["type"] == "json_schema"
    assert retried["response_format"] == {
        "type": "json_object",
        "schema": first["response_format"]["json_schema"]["schema"],
    }
    assert retried["messages"] == first["messages"]
    assert all(b["response_format"]["type"] == "json_object" for b in server.bodies[1:]), "the switch sticks"


def test_format_rejection_is_not_retried_twice(server: FaultServer, make: Factory) -> None:
    """Not by the transport retries either: the same body would get the same answer."""
    server.set_script(lambda i, body: ("status", 422, None, "response_format is not supported"))
    error = fail(make(http_retries=3))
    assert type(error) is ProviderError and "answered 422" in str(error)
    assert server.count == 2
    assert [b["response_format"]["type"] for b in server.bodies] == ["json_schema", "json_object"]


# -- bad answers: validation re-asks (instructor), separate from transport retries --------------------------


def test_malformed_json_is_reasked_and_usage_sums_both_attempts(server: FaultServer, make: Factory) -> None:
    server.set_script([("json", '{"headline": "Test', "stop", (7, 3))])
    brief = make().summarize(ARTICLE)
    assert_smart_brief(brief)
    assert server.count == N + 1
    assert server.passes() == ["SummaryOut", *PASSES]
    reask = server.bodies[1]["messages"]
    assert len(reask) == len(server.bodies[0]["messages"]) + 2, "the bad answer and the correction follow"
    assert reask[-2] == {"role": "assistant", "content": '{"headline": "Test'}
    assert brief.meta.attempts == N + 1
    assert brief.meta.input_tokens == 7 + N * IN
    assert brief.meta.output_tokens == 3 + N * OUT


def test_malformed_json_every_time_is_invalid_output(server: FaultServer, make: Factory) -> None:
    server.set_script(lambda i, body: ("json", '{"headline": "Test', "stop"))
    error = fail(make(http_retries=3))
    assert type(error) is InvalidOutputError
    assert "SummaryOut" in str(error) and "2 re-asks" in str(error)
    assert server.count == 3, "1 + reasks calls; transport retries are not spent on bad output"


def test_two_json_objects_in_one_reply_are_reasked(server: FaultServer, make: Factory) -> None:
    doubled = '{"headline": "First", "what": "One."}{"headline": "Second", "what": "Two."}'
    server.set_script([("json", doubled, "stop", (5, 5))])
    brief = make().summarize(ARTICLE)
    # Observed: instructor rejects the concatenation as invalid JSON and re-asks; neither object is used.
    assert brief.headline == "Test headline"
    assert server.count == N + 1
    assert server.bodies[1]["messages"][-2]["content"] == doubled
    assert brief.meta.attempts == N + 1
    assert (brief.meta.input_tokens, brief.meta.output_tokens) == (5 + N * IN, 5 + N * OUT)


def test_truncated_reply_is_retried_once_with_twice_the_tokens(server: FaultServer, make: Factory) -> None:
    server.set_script([("json", '{"headline": "Te', "length", (9, 200))])
    brief = make().summarize(ARTICLE)
    assert_smart_brief(brief)
    assert server.count == N + 1
    first, second = server.bodies[0], server.bodies[1]
    assert second["max_tokens"] == 2 * first["max_tokens"]
    assert second["messages"] == first["messages"], "a cut answer is not a re-ask: the request is the same"
    assert (brief.meta.input_tokens, brief.meta.output_tokens) == (9 + N * IN, 200 + N * OUT)
    assert brief.meta.attempts == N + 1


def test_truncated_twice_is_truncated_output_error(server: FaultServer, make: Factory) -> None:
    server.set_script(lambda i, body: ("json", '{"headline": "Te', "length"))
    error = fail(make())
    assert type(error) is TruncatedOutputError
    first = server.bodies[0]["max_tokens"]
    assert f"cut at {2 * first} tokens" in str(error)
    assert server.count == 2
    assert [b["max_tokens"] for b in server.bodies] == [first, 2 * first]


def test_refusal_every_time_is_a_refusal_error(server: FaultServer, make: Factory) -> None:
    server.set_script(lambda i, body: ("refusal", "I can't help with that."))
    error = fail(make())
    assert type(error) is RefusalError
    assert "summary" in str(error)
    assert server.count == 3, "instructor re-asks a refusal like any invalid answer (2 re-asks)"


def test_refusal_once_then_answer(server: FaultServer, make: Factory) -> None:
    server.set_script([("refusal", "I can't help with that.")])
    brief = make().summarize(ARTICLE)
    assert_smart_brief(brief)
    assert server.count == N + 1
    assert brief.meta.attempts == N + 1


def test_non_json_http_body_then_success(server: FaultServer, make: Factory) -> None:
    server.set_script([("raw", b"<html>bad gateway</html>")])
    brief = make().summarize(ARTICLE)
    assert_smart_brief(brief)
    # A 200 whose body is not JSON (a proxy's error page) is retried like a 502 by the transport policy;
    # there was no completion, so it is not a counted model attempt.
    assert server.count == N + 1
    assert server.bodies[1]["messages"] == server.bodies[0]["messages"]
    assert brief.meta.attempts == N


def test_non_json_http_body_forever_is_a_provider_error(server: FaultServer, make: Factory) -> None:
    server.set_script(lambda i, body: ("raw", b"<html>bad gateway</html>"))
    error = fail(make(http_retries=3))
    assert type(error) is ProviderError
    assert "not JSON, 4 times" in str(error)
    assert server.count == 4


def test_completion_without_choices_is_a_provider_error(server: FaultServer, make: Factory) -> None:
    body = {"id": "x", "object": "chat.completion", "created": 1, "model": "test", "choices": []}
    server.set_script([("raw", json.dumps(body).encode())])
    error = fail(make())
    assert type(error) is ProviderError and "no choices" in str(error)
    assert server.count == 1


# -- the API key ---------------------------------------------------------------------------------------------


def _stored_bytes(tmp_path: Path) -> bytes:
    files = sorted(tmp_path.glob("db.sqlite*"))
    assert files, "the call log database was written"
    return b"".join(p.read_bytes() for p in files)


def test_api_key_never_leaks(
    server: FaultServer, make: Factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    runner = make(http_retries=1, timeout=0.2)
    brief = runner.summarize(ARTICLE)
    errors: list[str] = []
    for script in (
        lambda i, body: ("status", 500),
        lambda i, body: ("status", 401),
        lambda i, body: ("status", 400),
        lambda i, body: ("stall", 1.0),
        lambda i, body: ("reset",),
        lambda i, body: ("json", "not json", "stop"),
        lambda i, body: ("json", '{"headline": "x', "length"),
        lambda i, body: ("refusal", "no"),
    ):
        server.set_script(script)
        error = fail(runner)
        errors.append(f"{type(error).__name__}: {error} {error!r}")
    server.set_script(None)
    runner.close()

    # The test is live: the key did go over the wire, on every request.
    assert server.count > 10
    assert all(h.get("authorization") == f"Bearer {SECRET}" for h in server.headers)
    assert SECRET not in json.dumps(brief.to_json_dict())
    assert SECRET not in brief.model_dump_json()
    for message in errors:
        assert SECRET not in message
    stored = _stored_bytes(tmp_path)
    assert b"Test headline" in stored, "the call log holds the exchanges"
    assert SECRET.encode() not in stored
    assert b"SECRET" not in stored


def test_api_key_echoed_in_a_server_error_does_not_leak(
    server: FaultServer, make: Factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some proxies echo the credentials they reject; the library knows the key and should redact it."""
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    runner = make(http_retries=0)
    server.set_script(lambda i, body: ("status", 403, None, f"Incorrect API key provided: {SECRET}"))
    error = fail(runner)
    runner.close()
    assert server.headers[0].get("authorization") == f"Bearer {SECRET}"
    assert type(error) is ProviderError and "403" in str(error)
    assert SECRET not in str(error)
    assert SECRET.encode() not in _stored_bytes(tmp_path)


def test_api_key_never_reaches_eval_reports_or_batch_output(
    server: FaultServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The eval run JSON, its HTML report, batch output and the CLI's output hold no trace of the key."""
    from typer.testing import CliRunner

    from summarizer.cli import app

    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("SUMMARIZER_DB", str(tmp_path / "db.sqlite"))
    suite = tmp_path / "suite.jsonl"
    suite.write_text(
        json.dumps({"id": "one", "article": {"text": ARTICLE}, "reference": {"what": "A storm."}})
        + "\n"
        + json.dumps({"id": "bad", "article": {"text": " "}, "reference": {}})
        + "\n"
    )
    batch_in = tmp_path / "in.jsonl"
    batch_in.write_text(json.dumps({"id": "b1", "text": ARTICLE}) + "\n")
    runner = CliRunner()
    flags = ["--model", "openai:test", "--base-url", server.url]
    results = [
        runner.invoke(app, ["eval", str(suite), *flags, "--out", str(tmp_path / "run")]),
        runner.invoke(app, ["batch", str(batch_in), "--out", str(tmp_path / "out.jsonl"), *flags]),
        runner.invoke(app, ["brief", "-", *flags, "--format", "json"], input=ARTICLE),
    ]
    server.set_script(lambda i, body: ("status", 500))
    results.append(
        runner.invoke(app, ["brief", "-", *flags, "--no-cache", "--timeout", "0.5"], input=ARTICLE + " x")
    )
    assert [r.exit_code for r in results[:3]] == [0, 0, 0]
    assert isinstance(results[3].exception, ProviderError)  # main() would print it as one line, exit 5
    assert all(h.get("authorization") == f"Bearer {SECRET}" for h in server.headers)
    outputs = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and p != suite)
    outputs += "".join(r.output + repr(r.exception) for r in results).encode()
    assert (tmp_path / "run" / "report.html").exists() and (tmp_path / "out.jsonl").exists()
    assert SECRET.encode() not in outputs


def test_format_rejection_of_calls_in_flight_together_switches_every_one(tmp_path: Path) -> None:
    """llama-cpp-python's server rejects `json_schema` with a 500; the three calls that went out together are
    each rejected, and each is sent again as json_object (found by the real-server test)."""

    def script(index: int, body: dict[str, Any]) -> tuple[Any, ...] | None:
        if body.get("response_format", {}).get("type") == "json_schema":
            return (
                "stall",
                0.2,
                ("status", 500, None, "response_format type: Input should be 'json_object'"),
            )
        return None

    with FaultServer(script) as server:
        runner = Summarizer.create(
            "openai:test",
            base_url=server.url,
            cache=False,
            db_path=tmp_path / "db",
            retry=RetryPolicy(http_retries=0, timeout=5.0),
        )
        brief = runner.summarize(ARTICLE)
        runner.close()
        types = [b["response_format"]["type"] for b in server.bodies]
    assert_smart_brief(brief)
    assert types == ["json_schema", "json_object"], "rejected once, then sent in the server's dialect"
