"""The OpenAI Batch API path: same briefs as direct calls, one round, every request sent once, a kill resumes
from the submitted batches, failed lines become error lines or are sent again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from batch_server import BatchServer

from summarizer.api import Summarizer
from summarizer.batch import run_batch, run_batch_api
from summarizer.errors import ConfigError
from summarizer.llm.batch_api import BatchState

from conftest import ROOT, article_lines
from fault_server import FaultServer


def _records(path: Path) -> dict[str, dict[str, Any]]:
    records = [json.loads(line) for line in path.read_text().splitlines()]
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), "an id was written twice"
    return {r["id"]: r for r in records}


def _without_meta(brief: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in brief.items() if k != "meta"}


def test_batch_api_gives_the_direct_briefs_in_one_round_sending_each_request_once(tmp_path: Path) -> None:
    source = article_lines(tmp_path, 8, extra="not json\n")
    with FaultServer() as chat:
        direct = Summarizer.create(
            "openai:test", base_url=chat.url, db_path=tmp_path / "direct.db", cache=False
        )
        run_batch(source, tmp_path / "direct.jsonl", direct, concurrency=2)
        direct.close()
        direct_calls = chat.count
        with BatchServer(chat.url) as batches:
            runner = Summarizer.create("openai:test", base_url=batches.url, db_path=tmp_path / "b.db")
            notes: list[str] = []
            stats = run_batch_api(source, tmp_path / "out.jsonl", runner, poll_seconds=0, note=notes.append)
            runner.close()
            assert stats.briefed == 8 and stats.errors == 1
            # One round: every article's summary call (code reads the rest of a brief).
            assert len(batches.batches) == 1
            assert batches.lines_run == direct_calls == chat.count - direct_calls == 8
            (only,) = batches.batches.values()
            passes = {line["body"]["response_format"]["json_schema"]["name"] for line in only["_lines"]}
            assert passes == {"SummaryOut"}
            assert any("round 1" in n for n in notes)
    got, want = _records(tmp_path / "out.jsonl"), _records(tmp_path / "direct.jsonl")
    assert set(got) == set(want)
    for case_id, record in want.items():
        if "error" in record:
            assert got[case_id]["error"] == record["error"]
        else:
            assert _without_meta(got[case_id]["brief"]) == _without_meta(record["brief"])

    # Run again on the same output: nothing to do, nothing sent.
    with FaultServer() as chat, BatchServer(chat.url) as batches:
        runner = Summarizer.create("openai:test", base_url=batches.url, db_path=tmp_path / "b.db")
        stats = run_batch_api(source, tmp_path / "out.jsonl", runner, poll_seconds=0)
        runner.close()
        assert stats.briefed == 0 and stats.done_before == 9 and not batches.batches


def test_failed_lines_are_sent_again_or_become_that_articles_error(tmp_path: Path) -> None:
    source = article_lines(tmp_path, 4)
    seen: dict[str, int] = {}
    third_lead = (ROOT / "evals" / "articles").glob("*.txt")
    lead = sorted(third_lead)[2].read_text(encoding="utf-8").strip().splitlines()[0].strip()

    def fail(body: dict[str, Any]) -> int | None:
        name = body["response_format"]["json_schema"]["name"]
        text = body["messages"][-1]["content"]
        key = f"{name}:{hash(text)}"
        seen[key] = seen.get(key, 0) + 1
        if name == "SummaryOut" and lead in text:  # article a002 (its lead is what the model reads)
            return 400  # a request the API rejects: that article is an error line, the others go on
        if name == "SummaryOut" and seen[key] == 1:
            return 429  # every summary is rate limited once: sent again in the next round
        return None

    with FaultServer() as chat, BatchServer(chat.url, fail=fail) as batches:
        runner = Summarizer.create("openai:test", base_url=batches.url, db_path=tmp_path / "b.db")
        stats = run_batch_api(source, tmp_path / "out.jsonl", runner, poll_seconds=0)
        runner.close()
    records = _records(tmp_path / "out.jsonl")
    assert stats.briefed == 3 and stats.errors == 1
    assert "Batch API failed this request" in records["a002"]["error"]
    assert "injected status 400" in records["a002"]["error"]
    assert all("brief" in records[f"a00{i}"] for i in (0, 1, 3))
    state = BatchState(tmp_path / "out.jsonl.batch.sqlite")
    assert state.count("failed") == 1 and state.count("wanted") == 0
    state.close()


def test_a_local_model_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    source = article_lines(tmp_path, 1)
    runner = Summarizer.create("local", db_path=tmp_path / "b.db")
    with pytest.raises(ConfigError, match="openai:MODEL"):
        run_batch_api(source, tmp_path / "out.jsonl", runner)


def test_killed_while_waiting_then_restarted_polls_its_batch_and_briefs_each_article_once(
    tmp_path: Path,
) -> None:
    source = article_lines(tmp_path, 30)
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "SUMMARIZER_DB": str(tmp_path / "db.sqlite")}

    def start(url: str) -> subprocess.Popen[str]:
        command = [sys.executable, "-m", "summarizer", "batch", str(source), "--out", str(out)]
        command += ["--model", "openai:test", "--base-url", url, "--batch-api", "--poll", "0.05"]
        return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    with FaultServer() as chat, BatchServer(chat.url, polls=10**9) as batches:
        first = start(batches.url)
        deadline = time.monotonic() + 120
        while not batches.batches and time.monotonic() < deadline:
            time.sleep(0.05)
        assert batches.batches, "no batch was submitted"
        time.sleep(0.5)  # it is polling now
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        assert len(batches.batches) == 1 and batches.lines_run == 0
        batches.polls = 0  # the batch finishes while the job is down
        second = start(batches.url)
        _, err = second.communicate(timeout=300)
        assert second.returncode == 0, err
        # The restart polled the batch it had submitted and sent nothing new.
        assert len(batches.batches) == 1
        assert batches.lines_run == chat.count
        requests = [line["custom_id"] for b in batches.batches.values() for line in b["_lines"]]
        assert len(requests) == len(set(requests)), "a request was sent twice"
    records = _records(out)
    assert sorted(records) == [f"a{i:03d}" for i in range(30)]
    assert all("brief" in r for r in records.values())
    assert "30 briefed, 0 errors" in err
