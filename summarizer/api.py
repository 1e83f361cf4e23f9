"""The library's front door: `summarize`, `asummarize`, `summarize_many`, and `Summarizer` to reuse a setup."""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
from collections.abc import Callable, Coroutine, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from summarizer.articles import Article
from summarizer.briefing.briefer import Briefer
from summarizer.contract import Brief, StoryBrief
from summarizer.errors import SummarizerError
from summarizer.llm.backends import Backend, RetryPolicy, make_backend, parse_model
from summarizer.llm.call import Caller
from summarizer.llm.prompts import DEFAULT_PROMPT, load_prompt
from summarizer.llm.store import Store

__all__ = ["Summarizer", "asummarize", "summarize", "summarize_many", "summarize_story"]

P = ParamSpec("P")
T = TypeVar("T")


@dataclass
class Summarizer:
    """A configured pipeline (backend, prompt, cache). Thread-safe; build once, brief many articles; a `with`
    block closes it."""

    backend: Backend
    briefer: Briefer
    store: Store | None

    @classmethod
    def create(
        cls,
        model: str | None = None,
        *,
        base_url: str | None = None,
        prompt: str | None = None,
        mode: str | None = None,
        cache: bool = True,
        db_path: str | Path | None = None,
        reasks: int = 2,
        retry: RetryPolicy | None = None,
    ) -> Summarizer:
        spec = parse_model(model, base_url=base_url, mode=mode)
        backend = make_backend(spec, retry)
        store = Store(db_path)
        if store.warning:
            import logging

            logging.getLogger("summarizer").warning(store.warning)
        caller = Caller(
            backend, load_prompt(prompt or DEFAULT_PROMPT), store=store, use_cache=cache, reasks=reasks
        )
        return cls(backend=backend, briefer=Briefer(caller), store=store)

    def summarize(self, article: Article | str, *, date: dt.date | str | None = None) -> Brief:
        if isinstance(article, str):
            article = Article.from_text(article, date=date)
        elif date is not None:
            article = Article.from_text(article.text, date=date, title=article.title, url=article.url)
        return self.briefer.brief(article)

    def summarize_story(
        self,
        articles: Sequence[Article],
        *,
        concurrency: int = 4,
        progress: Callable[[str, bool], None] | None = None,
    ) -> StoryBrief:
        """A story brief (CONTRACT §4) of articles on one event: each briefed as `summarize` does (cached),
        `concurrency` at a time, then merged by code; the model writes only the story's headline and `what`.
        `progress(name, failed)` is called as each article finishes. An article that fails is left out with a
        warning; the same articles in any order give the same story (meta aside)."""
        from summarizer.briefing.story import in_memory, run_story

        sources = [in_memory(a) for a in articles]
        return run_story(
            sources, self.summarize, self.briefer.caller, concurrency=concurrency, progress=progress
        )

    def close(self) -> None:
        self.backend.close()
        if self.store is not None:
            self.store.close()

    def __enter__(self) -> Summarizer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def summarize(
    article: Article | str,
    *,
    model: str | None = None,
    base_url: str | None = None,
    date: dt.date | str | None = None,
    prompt: str | None = None,
    cache: bool = True,
) -> Brief:
    """Brief one article (an `Article` or its text).

    `model`: "local" (the embedded model), "local:/path/model.gguf", or "openai:NAME" with `base_url` for any
    OpenAI-compatible server; None reads `$SUMMARIZER_MODEL`, as the CLI does, else "local". `date` (YYYY-MM-DD) resolves relative dates; without it a dateline is used.
    Raises a `SummarizerError` subclass with a one-line message on bad input or a failing model.
    """
    with Summarizer.create(model, base_url=base_url, prompt=prompt, cache=cache) as runner:
        return runner.summarize(article, date=date)


def _in_thread(function: Callable[P, T], name: str, doc: str) -> Callable[P, Coroutine[Any, Any, T]]:
    """`function` as a coroutine function with the same parameters, run in a worker thread when awaited."""

    @functools.wraps(function)
    async def run(*args: P.args, **kwargs: P.kwargs) -> T:
        return await asyncio.to_thread(function, *args, **kwargs)

    run.__name__ = run.__qualname__ = name
    run.__doc__ = doc
    return run


asummarize = _in_thread(
    summarize, "asummarize", "`summarize` without blocking the event loop (the work runs in a worker thread)."
)


def summarize_many(
    articles: Iterable[Article | str],
    *,
    model: str | None = None,
    base_url: str | None = None,
    prompt: str | None = None,
    concurrency: int = 4,
    cache: bool = True,
) -> Iterator[Brief | SummarizerError]:
    """Brief many articles with bounded concurrency, yielding in input order; a failing article yields its
    error instead of stopping the rest."""
    with (
        Summarizer.create(model, base_url=base_url, prompt=prompt, cache=cache) as runner,
        ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool,
    ):
        yield from pool.map(functools.partial(_brief_or_error, runner), articles)


def _brief_or_error(runner: Summarizer, article: Article | str) -> Brief | SummarizerError:
    try:
        return runner.summarize(article)
    except SummarizerError as exc:
        return exc


def summarize_story(
    articles: Sequence[Article | str],
    *,
    model: str | None = None,
    base_url: str | None = None,
    cache: bool = True,
    prompt: str | None = None,
    concurrency: int = 4,
) -> StoryBrief:
    """Brief several articles on one event as one story (see `Summarizer.summarize_story`)."""
    with Summarizer.create(model, base_url=base_url, prompt=prompt, cache=cache) as runner:
        loaded = [a if isinstance(a, Article) else Article.from_text(a) for a in articles]
        return runner.summarize_story(loaded, concurrency=concurrency)
