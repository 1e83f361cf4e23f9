"""Batch briefs: killed half way through 500 articles and restarted, every article is briefed exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import article_lines
from fault_server import FaultServer


def _batch(source: Path, out: Path, url: str, db: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "SUMMARIZER_DB": str(db)}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "summarizer",
            "batch",
            str(source),
            "--out",
            str(out),
            "--model",
            "openai:test",
            "--base-url",
            url,
            "--no-cache",
            "-j",
            "8",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def test_killed_half_way_then_restarted_briefs_each_article_once(tmp_path: Path) -> None:
    source = article_lines(tmp_path, 500)
    out = tmp_path / "out.jsonl"
    with FaultServer() as server:
        first = _batch(source, out, server.url, tmp_path / "db.sqlite")
        deadline = time.monotonic() + 300
        while _lines(out) < 150:
            assert first.poll() is None, first.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the batch did not get going"
            time.sleep(0.05)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        cut_at = _lines(out)
        assert 150 <= cut_at < 500
        second = _batch(source, out, server.url, tmp_path / "db.sqlite")
        _, err = second.communicate(timeout=600)
        assert second.returncode == 0, err[-2000:]
        assert f"already in {out}" in err
    records = [json.loads(line) for line in out.read_text().splitlines()]
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)) == 500
    assert set(ids) == {f"a{i:03d}" for i in range(500)}
    assert all("brief" in r and r["brief"]["schema_version"] == "1" for r in records)


def test_bad_lines_are_error_lines_and_the_job_goes_on(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    good = "The council said on Monday that 40 roads were closed after the storm hit the town of Riverton."
    source.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok", "text": good}),
                "{broken",
                json.dumps({"id": "empty", "text": "  "}),
                json.dumps({"id": "missing", "path": "nowhere.txt"}),
                json.dumps({"id": "ok", "text": good + " Again."}),
                json.dumps({"id": "ok2", "text": good, "date": "2020-01-01"}),
            ]
        )
        + "\n"
    )
    out = tmp_path / "out.jsonl"
    with FaultServer() as server:
        done = _batch(source, out, server.url, tmp_path / "db.sqlite")
        _, err = done.communicate(timeout=120)
    assert done.returncode == 0, err
    records = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert set(records) == {"ok", "line-2", "empty", "missing", "ok#line-5", "ok2"}
    assert "brief" in records["ok"] and "brief" in records["ok2"]
    assert "empty" in records["empty"]["error"] and "no such file" in records["missing"]["error"]
    assert "duplicate id" in records["ok#line-5"]["error"]
    assert "2 briefed, 4 errors" in err
