"""The openai path end to end: the same pipeline against llama-cpp-python's OpenAI-compatible server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app

from conftest import SEED, contract_keys


@pytest.mark.server
def test_seed_brief_through_an_openai_compatible_server(
    llama_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZER_DB", str(tmp_path / "server.db"))
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    result = CliRunner().invoke(
        app,
        [
            "brief",
            str(SEED),
            "--model",
            "openai:qwen-embedded",
            "--base-url",
            llama_server,
            "--format",
            "json",
            "--date",
            "2021-05-24",
            "--timeout",
            "300",
        ],
    )
    assert result.exit_code == 0, result.output[-2000:]
    brief = json.loads(result.stdout)
    assert contract_keys() <= set(brief)
    assert brief["meta"]["model"] == "openai:qwen-embedded"
    assert brief["meta"]["endpoint"] == llama_server
    assert brief["meta"]["attempts"] >= 1 and brief["meta"]["input_tokens"] > 0
    article = SEED.read_text(encoding="utf-8")
    assert any(f["text"] == "more than three dozen" and f["value"] == 36 for f in brief["figures"])
    assert any("Taliban" in w["name"] for w in brief["who"])
    for item in brief["figures"] + brief["claims"]:
        start, end = item["span"]
        assert article[start:end] == item["evidence"]
