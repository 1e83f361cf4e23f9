"""`summarizer story` inputs: files, JSONL of articles, stdin; read lazily; unreadable ones named."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.cli.story import story_sources
from summarizer.errors import ArticleError

TEXT = "The council said on Monday that 40 roads were closed after the storm in Riverton."


def test_jsonl_lines_become_articles_with_their_metadata(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(TEXT + " A second report.", encoding="utf-8")
    lines = [
        {
            "id": "a",
            "text": TEXT,
            "title": "Storm",
            "date": "2022-03-09",
            "publisher": "Post",
            "url": "http://x",
        },
        {"path": "b.txt", "publisher": "Herald"},
        "not an object",
        {"id": "d", "title": "no text"},
    ]
    jsonl = tmp_path / "story.jsonl"
    jsonl.write_text("\n".join(json.dumps(line) for line in lines) + "\n{broken\n", encoding="utf-8")
    sources, total = story_sources([str(jsonl)])
    assert total == 5
    assert [label for label, _ in sources] == ["a", "b.txt", f"{jsonl} line 3", "d", f"{jsonl} line 5"]
    a = sources[0][1]()
    assert (a.id, a.title, a.publisher, a.url, a.date) == (
        "a",
        "Storm",
        "Post",
        "http://x",
        dt.date(2022, 3, 9),
    )
    b = sources[1][1]()
    assert (b.id, b.publisher) == ("b.txt", "Herald") and b.text.endswith("A second report.")
    for _, load in sources[2:]:
        with pytest.raises(ArticleError):
            load()


def test_nothing_is_read_before_its_turn(tmp_path: Path) -> None:
    sources, _ = story_sources([str(tmp_path / "missing.txt")])
    with pytest.raises(ArticleError, match="no such file"):
        sources[0][1]()


def test_stdin_is_a_jsonl_of_articles_or_one_article() -> None:
    jsonl = (
        json.dumps({"id": "x", "text": TEXT}) + "\n" + json.dumps({"id": "y", "text": TEXT + " More."})
    ).encode()
    sources, total = story_sources(["-"], jsonl)
    assert total == 2 and [label for label, _ in sources] == ["x", "y"]
    single, _ = story_sources(["-"], TEXT.encode())
    assert single[0][0] == "standard input" and single[0][1]().text == TEXT


def test_a_story_of_only_unreadable_articles_fails_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["story", str(tmp_path / "gone.txt"), "--model", "openai:x", "--base-url", "http://127.0.0.1:9/v1"],
    )
    assert result.exit_code != 0
    assert isinstance(result.exception, ArticleError) and "no such file" in str(result.exception)


def test_story_help_lists_its_formats() -> None:
    result = CliRunner().invoke(app, ["story", "--help"])
    assert result.exit_code == 0
    for word in ("pretty", "json", "markdown", "--concurrency", "--model"):
        assert word in result.stdout


def test_a_line_with_a_date_that_is_no_date_keeps_its_article_with_a_warning(tmp_path: Path) -> None:
    jsonl = tmp_path / "story.jsonl"
    jsonl.write_text(json.dumps({"id": "w", "text": TEXT, "date": "None"}) + "\n", encoding="utf-8")
    sources, _ = story_sources([str(jsonl)])
    article = sources[0][1]()
    assert article.date is None and article.text == TEXT
    assert len(article.warnings) == 1 and "'None' is not YYYY-MM-DD" in article.warnings[0]
