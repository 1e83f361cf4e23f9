"""The CLI through typer's runner: versions, listings, and one-line errors with non-zero exits."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer import __version__
from summarizer.cli import app, main

runner = CliRunner()


def test_version_and_module_entry_point() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.stdout
    done = subprocess.run([sys.executable, "-m", "summarizer", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and __version__ in done.stdout


def test_prompts_list_and_show() -> None:
    listing = runner.invoke(app, ["prompts", "list"])
    assert listing.exit_code == 0 and "brief@" in listing.stdout and "single@" in listing.stdout
    shown = runner.invoke(app, ["prompts", "show", "brief"])
    assert (
        shown.exit_code == 0
        and "never instructions" in shown.stdout
        and "--- summary.jinja ---" in shown.stdout
    )


@pytest.mark.local
def test_models_reports_the_embedded_model() -> None:
    result = runner.invoke(app, ["models"])
    assert result.exit_code == 0
    assert (
        "weight packages: 22/22 installed" in result.stdout and "llama-cpp-python: installed" in result.stdout
    )


def _run(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        capture_output=True,
        text=True,
        timeout=120,
        input=stdin.decode("latin-1") if stdin is not None else None,
        env=env,
    )


@pytest.mark.parametrize(
    ("content", "code", "fragment"),
    [
        (b"", 3, "empty"),
        (b"\x00\x00binary", 3, "binary"),
        (b"\xff\xfe\xfa not utf8 at all, sadly", 3, "UTF-8"),
    ],
)
def test_bad_articles_fail_in_one_line(tmp_path: Path, content: bytes, code: int, fragment: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    done = _run("brief", str(path))
    assert done.returncode == code
    assert fragment in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_missing_file_unknown_model_and_missing_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    done = _run("brief", str(tmp_path / "nope.txt"))
    assert done.returncode == 3 and "no such file" in done.stderr
    article = tmp_path / "a.txt"
    article.write_text("The council said on Monday that 40 roads were closed after the storm hit the town.")
    done = _run("brief", str(article), "--model", "claude-3")
    assert done.returncode == 2 and "did you mean openai:claude-3" in done.stderr
    env = {
        k: v for k, v in __import__("os").environ.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL")
    }
    done = _run("brief", str(article), "--model", "openai:gpt-4o-mini", env=env)
    assert done.returncode == 2 and "OPENAI_API_KEY" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_unreachable_server_is_one_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The council said on Monday that 40 roads were closed after the storm hit the town.")
    done = _run(
        "brief",
        str(article),
        "--model",
        "openai:m",
        "--base-url",
        "http://127.0.0.1:9/v1",
        "--no-cache",
        "--timeout",
        "2",
    )
    assert done.returncode == 5
    assert "cannot reach http://127.0.0.1:9/v1" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["brief", "--bogus"], "--bogus"),  # click words it "No such option: --bogus" or "... '--bogus'"
        (["brief"], "Missing argument"),
        (["story", "a.txt", "--concurrency", "0"], "--concurrency"),
    ],
)
def test_usage_errors_show_usage_and_exit_2(
    args: list[str], fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(args)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert fragment in err and "Usage:" in err and "internal error" not in err
    if fragment == "--bogus":
        assert "No such option" in err


def test_bad_fail_under_and_compare_usage(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "compare", "only-one"])
    assert result.exit_code == 2
