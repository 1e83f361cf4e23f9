"""Run a model over a suite and score every case: the eval run of CONTRACT §3.

A case that fails (bad article, model error, invalid output) is recorded with its reason and the run goes on.
Runs resume for free: each pass's answer is cached as soon as it is made, so a run killed half way and started
again answers the finished cases from the cache without a model call. A story case (several articles) is
briefed with ``summarize_story`` and scored by the story scorers (story.py).
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from summarizer.api import Summarizer
from summarizer.contract import Brief, StoryBrief
from summarizer.errors import SummarizerError
from summarizer.evaluation.metrics import aggregate, scores_to_json
from summarizer.evaluation.scorers import FieldScore, score_case
from summarizer.evaluation.story import score_story_case
from summarizer.evaluation.suite import Sample, load_suite

__all__ = ["LOG_VERSION", "CaseResult", "EvalRun", "load_run", "run_suite"]

LOG_VERSION = 1

_Outcome = tuple["CaseResult", dict[str, FieldScore | None], Brief | StoryBrief | None]


class CaseResult(BaseModel):
    id: str
    scores: dict[str, Any]
    error: str | None = None
    tags: list[str] = Field(default_factory=list)
    seconds: float = 0.0
    cached: bool = False
    details: dict[str, Any] = Field(default_factory=dict, description="Hits, misses and reasons per field.")
    brief: dict[str, Any] | None = None
    reference: dict[str, Any] = Field(default_factory=dict)
    article: str | None = None
    story: bool = Field(default=False, description="A story case: `brief` is a story brief (CONTRACT §4).")
    articles: list[dict[str, Any]] | None = Field(
        default=None, description="A story case's articles: id, title, publisher, date, url, sha256 and text."
    )


class EvalRun(BaseModel):
    """The run log. Fields of the contract first; the rest are additions readers may ignore."""

    suite: str
    model: str
    prompt: str
    cases: int
    errors: int
    scores: dict[str, Any]
    cost: dict[str, Any]
    per_case: list[CaseResult]
    log_version: int = LOG_VERSION
    run_id: str = ""
    started: str = ""
    endpoint: str | None = None

    def contract_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def _details(scores: dict[str, FieldScore | None]) -> dict[str, Any]:
    return {
        name: {"hits": s.hits, "misses": s.misses, "extras": s.extras, "reason": s.reason}
        for name, s in scores.items()
        if s is not None
    }


def _story(runner: Summarizer, sample: Sample) -> StoryBrief:
    summarize_story = getattr(runner, "summarize_story", None)
    if summarize_story is None:
        raise SummarizerError("this summarizer cannot brief stories (it has no summarize_story)")
    story = summarize_story(sample.articles or [])
    if not isinstance(story, StoryBrief):
        raise SummarizerError(f"summarize_story returned {type(story).__name__}, not a StoryBrief")
    return story


def _brief(runner: Summarizer, sample: Sample) -> tuple[Brief | StoryBrief | None, str | None]:
    """The case's brief (a story brief for a story case), or the reason there is none."""
    if sample.error is not None:
        return None, sample.error
    try:
        if sample.story:
            return _story(runner, sample), None
        if sample.article is not None:
            return runner.summarize(sample.article), None
    except SummarizerError as exc:
        return None, str(exc)
    except Exception as exc:  # a bug must not sink the whole run; it is reported as the case's error
        return None, f"internal error: {type(exc).__name__}: {exc}"
    return None, "the case has no article"


def _story_articles(sample: Sample) -> list[dict[str, Any]]:
    return [
        {
            "id": ident,
            "title": article.title,
            "publisher": getattr(article, "publisher", None),
            "date": article.date.isoformat() if article.date else None,
            "url": article.url,
            "sha256": article.sha256,
            "text": article.text,
        }
        for ident, article in zip(sample.article_ids, sample.articles or [], strict=False)
    ]


def _run_case(runner: Summarizer, sample: Sample) -> _Outcome:
    started = time.perf_counter()
    brief, error = _brief(runner, sample)
    brief_dict = brief.to_json_dict() if brief else None
    article_text = sample.article.text if sample.article else ""
    if sample.story:
        texts = [article.text for article in sample.articles or []]
        scores = score_story_case(brief_dict, sample.reference, texts)
    else:
        scores = score_case(brief_dict, sample.reference, article_text)
    result = CaseResult(
        id=sample.id,
        scores=scores_to_json(scores),
        error=error,
        tags=sample.tags,
        seconds=round(time.perf_counter() - started, 3),
        cached=bool(brief and brief.meta.cached),
        details=_details(scores),
        brief=brief_dict,
        reference=sample.reference,
        article=article_text or None,
        story=sample.story,
        articles=_story_articles(sample) if sample.story else None,
    )
    return result, scores, brief


def _prompt_id(runner: Summarizer) -> str:
    return str(runner.briefer.caller.prompt.id)


def run_suite(
    suite_path: str | Path,
    runner: Summarizer,
    *,
    concurrency: int = 1,
    limit: int | None = None,
    progress: Callable[[CaseResult], None] | None = None,
) -> EvalRun:
    samples = load_suite(suite_path)
    if limit is not None:
        samples = samples[: max(0, limit)]
    started = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    results: dict[str, _Outcome] = {}
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        futures = {pool.submit(_run_case, runner, s): s.id for s in samples}
        for future in as_completed(futures):
            outcome = future.result()
            results[futures[future]] = outcome
            if progress:
                progress(outcome[0])
    ordered = [results[s.id] for s in samples]
    briefs = [b for _, _, b in ordered if b is not None]
    cost = {
        "input_tokens": sum(b.meta.input_tokens or 0 for b in briefs),
        "output_tokens": sum(b.meta.output_tokens or 0 for b in briefs),
        "seconds": round(time.perf_counter() - t0, 3),
        "model_calls": sum(b.meta.attempts for b in briefs if not b.meta.cached),
        "cached_cases": sum(1 for b in briefs if b.meta.cached),
    }
    prompt = _prompt_id(runner)
    return EvalRun(
        suite=str(suite_path),
        model=runner.backend.label,
        prompt=prompt,
        cases=len(samples),
        errors=sum(1 for r, _, _ in ordered if r.error),
        scores=aggregate([s for _, s, _ in ordered]),
        cost=cost,
        per_case=[r for r, _, _ in ordered],
        # the start time, the prompt, and a random part: two runs started in the same second differ
        run_id=f"{started:%Y%m%dT%H%M%SZ}-{prompt.replace('@', 'v')}-{secrets.token_hex(2)}",
        started=started.isoformat(),
        endpoint=runner.backend.endpoint,
    )


def load_run(path: str | Path) -> EvalRun:
    """A stored run: a run.json file, or a directory holding one."""
    file = Path(path)
    if file.is_dir():
        file = file / "run.json"
    try:
        return EvalRun.model_validate(json.loads(file.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise SummarizerError(f"{file}: no such run file") from None
    except OSError as exc:
        raise SummarizerError(f"{file}: cannot read the run ({exc.strerror})") from None
    except ValueError as exc:
        raise SummarizerError(f"{file} is not an eval run: {str(exc).splitlines()[0]}") from None
