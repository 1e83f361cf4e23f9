"""`summarizer story`: several articles on one event in one story brief (CONTRACT §4).

Inputs are article files, JSONL files of articles (one `{id, text|path, title?, date?, publisher?, url?}` a
line; a `path` is relative to the JSONL file), or `-` for standard input (a JSONL of articles, or one article).
Articles are read only when their brief starts, so a long JSONL never sits in memory whole. An input that
cannot be read is left out of the story with a warning naming it; the story fails only when none is left.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from summarizer.cli import options as opt
from summarizer.cli.app import Format, app, default_format, model_runner, write_result
from summarizer.jsonl import json_objects

__all__ = ["StoryFormat", "story", "story_sources"]


class StoryFormat(StrEnum):
    pretty = "pretty"
    json = "json"
    markdown = "markdown"


Loader = Callable[[], Any]


def _json_article(item: Any, base: Path, where: str) -> Any:
    """An Article from one JSONL object (raises ArticleError with `where` in the message when it is not one)."""
    from summarizer.articles import Article, load_article
    from summarizer.errors import ArticleError

    if not isinstance(item, dict):
        raise ArticleError(f"{where} is not a JSON object")
    meta = {
        k: item.get(k) if isinstance(item.get(k), str) else None for k in ("id", "title", "publisher", "url")
    }
    date, notes = _date(item.get("date"))
    if isinstance(item.get("text"), str):
        article = Article.from_text(item["text"], date=date, **meta)
    elif isinstance(item.get("path"), str):
        loaded = load_article(base / item["path"], date=date)
        given = {k: v for k, v in meta.items() if v is not None}
        article = dataclasses.replace(loaded, id=given.pop("id", None) or item["path"], **given)
    else:
        raise ArticleError(f"{where} has neither text nor path")
    return dataclasses.replace(article, warnings=(*article.warnings, *notes)) if notes else article


def _date(value: Any) -> tuple[Any, tuple[str, ...]]:
    """A line's date; one that is not YYYY-MM-DD ("None", "") is ignored with a note, not the article."""
    from summarizer.articles import parse_date
    from summarizer.errors import ArticleError

    if value is None or value == "":
        return None, ()
    try:
        return parse_date(str(value)), ()
    except ArticleError:
        return None, (f"date {value!r} is not YYYY-MM-DD: ignored (the text's dateline, if any, is used)",)


def _label(item: Any, fallback: str) -> str:
    if isinstance(item, dict):
        for key in ("id", "path", "url"):
            if isinstance(item.get(key), str) and item[key]:
                return str(item[key])
    return fallback


def _refuse(error: Exception) -> Any:
    raise error


def _jsonl_sources(lines: Iterable[str], base: Path, name: str) -> Iterator[tuple[str, Loader]]:
    from summarizer.errors import ArticleError

    for number, item in json_objects(lines):
        where = f"{name} line {number}"
        if item is None:
            yield where, functools.partial(_refuse, ArticleError(f"{where} is not a JSON object"))
        else:
            yield _label(item, where), functools.partial(_json_article, item, base, where)


def _file_lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        yield from handle


def _file_article(path: str) -> Any:
    from summarizer.articles import load_article

    return dataclasses.replace(load_article(path), id=path)


def _is_jsonl(data: bytes) -> bool:
    objects = [item for _, item in json_objects(data.splitlines())]
    return bool(objects) and all(item is not None for item in objects)


def story_sources(inputs: list[str], stdin: bytes | None = None) -> tuple[list[tuple[str, Loader]], int]:
    """(name, reader) for every article the inputs hold, and how many there are (for the progress bar).
    JSONL files are read line by line as the briefs need them."""
    from summarizer.articles import load_article

    sources: list[tuple[str, Loader]] = []
    for arg in inputs:
        if arg == "-":
            data = stdin or b""
            if _is_jsonl(data):
                lines = data.decode("utf-8", "replace").splitlines()
                sources += _jsonl_sources(lines, Path.cwd(), "standard input")
            else:
                sources.append(("standard input", functools.partial(load_article, "-", stdin=data)))
        elif arg.lower().endswith(".jsonl") and Path(arg).is_file():
            sources += _jsonl_sources(_file_lines(Path(arg)), Path(arg).parent, arg)
        else:
            sources.append((arg, functools.partial(_file_article, arg)))
    return sources, len(sources)


def _default_format(out: Path | None) -> StoryFormat:
    """As `brief` chooses (by the output's suffix, else the terminal), Markdown for any other suffix."""
    chosen: Format = default_format(out)
    return StoryFormat(chosen.value) if chosen.value in StoryFormat.__members__ else StoryFormat.markdown


FormatOption = Annotated[
    StoryFormat | None, typer.Option("--format", "-f", help="pretty (terminal default), json, markdown.")
]


@app.command()
def story(
    articles: Annotated[
        list[str],
        typer.Argument(
            help="Article files (.txt, .md, .html), JSONL files of articles "
            "({id, text|path, title?, date?, publisher?, url?}), or - for standard input."
        ),
    ],
    model: opt.Model = None,
    base_url: opt.BaseUrl = None,
    mode: opt.Mode = None,
    prompt: opt.Prompt = None,
    fmt: FormatOption = None,
    concurrency: opt.Concurrency = 4,
    out: opt.Out = None,
    no_cache: opt.NoCache = False,
    timeout: opt.Timeout = 60.0,
) -> None:
    """Brief several articles on one event as one story: every figure by outlet and day, conflicts marked."""
    from summarizer.briefing.story import run_story
    from summarizer.cli.render_story import render_story_markdown, render_story_pretty

    stdin = sys.stdin.buffer.read() if "-" in articles else None
    sources, total = story_sources(articles, stdin)
    with model_runner(model, base_url, mode, prompt, no_cache, timeout) as runner:
        bar = _progress_bar()
        task = bar.add_task("briefs", total=total)
        with bar:
            result = run_story(
                sources,
                runner.summarize,
                runner.briefer.caller,
                concurrency=concurrency,
                progress=lambda _name, _failed: bar.advance(task),
            )
    chosen = fmt or _default_format(out)
    write_result(result, chosen, out, render_story_markdown, render_story_pretty)


def _progress_bar() -> Any:
    """A bar on standard error, counting briefs; shown only on a terminal (logs and pipes stay clean)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    err = Console(stderr=True)
    return Progress(
        TextColumn("briefing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
