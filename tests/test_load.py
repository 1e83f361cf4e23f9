"""Load: 200 briefs on 16 threads through the fault server, which rate-limits every 5th request (Retry-After: 0).

Each brief costs exactly one successful call (code reads the rest), so the server must see 200 answered
requests and, since every 5th request is a 429 that is retried once more, 249 requests in all; every article
comes back once.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from summarizer.api import Summarizer, summarize_many
from summarizer.articles import Article
from summarizer.contract import Brief
from summarizer.errors import ProviderError, SummarizerError
from summarizer.llm.backends import RetryPolicy

from fault_server import FaultServer

ARTICLES = 200
WORKERS = 16
PASSES = 1  # the summary: code reads names, figures and claims


def article(i: int) -> str:
    return (
        "WELLINGTON — The city council approved a new flood barrier on Tuesday after a long debate. "
        f"The project will cost {i + 10} million dollars and protect about 3,000 homes near the river. "
        "Mayor Tory Whanau said the barrier was overdue and would be finished within two years. "
        "Opponents argued that the money should go to public transport instead. "
        "Construction is expected to begin next spring."
    )


def every_fifth(index: int, body: dict[str, Any]) -> tuple[Any, ...] | None:
    return ("status", 429, {"Retry-After": "0"}) if index % 5 == 0 else None


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer(every_fifth) as fault:
        yield fault


def requests_for(answered: int) -> int:
    """The request count n at which `answered` requests have succeeded, the last one a success."""
    n = answered
    while n - n // 5 != answered or n % 5 == 0:
        n += 1
    return n


def test_200_briefs_on_16_threads_with_every_5th_request_rate_limited(
    server: FaultServer, tmp_path: Path
) -> None:
    texts = [article(i) for i in range(ARTICLES)]
    expected = Counter(Article.from_text(t).sha256 for t in texts)
    assert len(expected) == ARTICLES, "every article is distinct"
    runner = Summarizer.create(
        "openai:test",
        base_url=server.url,
        cache=False,
        db_path=tmp_path / "db.sqlite",
        retry=RetryPolicy(
            http_retries=8, timeout=10.0, backoff_base=0.01, backoff_max=0.05, retry_after_cap=1
        ),
    )
    started = time.monotonic()
    try:
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            results = list(pool.map(runner.summarize, texts))
        logged = runner.store.count_calls() if runner.store else 0
    finally:
        runner.close()
    elapsed = time.monotonic() - started

    assert len(results) == ARTICLES
    assert all(isinstance(b, Brief) for b in results)
    got = Counter(b.meta.article_sha256 for b in results)
    assert got == expected, "no brief lost, none duplicated"
    for text, brief in zip(texts, results, strict=True):
        assert brief.meta.article_sha256 == Article.from_text(text).sha256, "results come back in input order"
        assert brief.headline == "Test headline"
        assert brief.meta.attempts == PASSES, "a 429 is a transport retry, not a model attempt"
    # the figure that makes each article distinct survived, attached to the right brief
    assert [b.figures[0].value for b in results] == [float((i + 10) * 1_000_000) for i in range(ARTICLES)]

    answered = ARTICLES * PASSES
    statuses = Counter(r.action[0] for r in server.requests)
    assert statuses["smart"] == answered
    assert statuses["status"] == server.count // 5
    assert server.count == requests_for(answered) == 249
    assert logged == answered, "the call log has one row per answered call (a 429 raises below the transport)"
    assert elapsed < 60, f"took {elapsed:.1f}s"


def test_summarize_many_keeps_order_and_yields_errors_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`summarize_many` takes no retry policy: a 400 (never retried) for one article must not stop the rest."""
    monkeypatch.setenv("SUMMARIZER_DB", str(tmp_path / "many.sqlite"))
    texts = [article(i) for i in range(24)]
    poisoned = {5, 17}
    markers = {f"cost {i + 10} million" for i in poisoned}

    def script(index: int, body: dict[str, Any]) -> tuple[Any, ...] | None:
        user = body["messages"][-1]["content"]
        if any(m in user for m in markers):
            return ("status", 400, None, "scripted bad request")
        return every_fifth(index, body)

    with FaultServer(script) as fault:
        results = list(
            summarize_many(texts, model="openai:test", base_url=fault.url, concurrency=4, cache=False)
        )
        statuses = Counter(r.action[0] for r in fault.requests)
        codes = Counter(r.action[1] for r in fault.requests if r.action[0] == "status")
    assert len(results) == len(texts)
    for i, (text, result) in enumerate(zip(texts, results, strict=True)):
        if i in poisoned:
            assert isinstance(result, ProviderError) and "answered 400" in str(result)
        else:
            assert not isinstance(result, SummarizerError), result
            assert result.meta.article_sha256 == Article.from_text(text).sha256
    assert statuses["smart"] == (len(texts) - len(poisoned)) * PASSES
    # A 400 is never retried: one request per poisoned article.
    assert codes[400] == len(poisoned)
    assert codes[429] >= fault.count // 5 - len(poisoned)
    assert (tmp_path / "many.sqlite").exists(), "SUMMARIZER_DB kept the run off the user's real cache"
