"""Eval suites (shared/CONTRACT.md §2): one JSON case a line, each an article and its reference brief.

A broken line does not stop the suite: it becomes a sample that carries its error, and the run reports it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer.articles import Article, load_article
from summarizer.errors import SummarizerError

__all__ = ["Sample", "load_suite"]


@dataclass
class Sample:
    id: str
    article: Article | None
    reference: dict[str, Any]
    tags: list[str] = field(default_factory=list)
    error: str | None = None


def _sample(raw: dict[str, Any], base: Path, line_no: int) -> Sample:
    case_id = str(raw.get("id") or f"line-{line_no}")
    reference = raw.get("reference") or {}
    tags = [str(t) for t in raw.get("tags") or []]
    spec = raw.get("article")
    if not isinstance(spec, dict):
        return Sample(case_id, None, reference, tags, "the case has no article object")
    if not isinstance(reference, dict):
        return Sample(case_id, None, {}, tags, "the case's reference is not an object")
    try:
        date = spec.get("date")
        if "text" in spec and isinstance(spec["text"], str):
            article = Article.from_text(spec["text"], date=date, title=spec.get("title"), url=spec.get("url"))
        elif "path" in spec:
            loaded = load_article(base / str(spec["path"]), date=date)
            article = Article(
                loaded.text,
                title=spec.get("title") or loaded.title,
                date=loaded.date,
                url=spec.get("url") or loaded.url,
                origin=loaded.origin,
            )
        else:
            return Sample(case_id, None, reference, tags, "the article has neither text nor path")
    except SummarizerError as exc:
        return Sample(case_id, None, reference, tags, str(exc))
    return Sample(case_id, article, reference, tags)


def load_suite(path: str | Path) -> list[Sample]:
    """Read a suite file; paths in it are relative to the suite file."""
    suite = Path(path)
    try:
        lines = suite.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise SummarizerError(f"{suite}: no such suite file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SummarizerError(f"{suite}: cannot read the suite ({exc})") from None
    samples: list[Sample] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            if not isinstance(raw, dict):
                raise ValueError("not an object")
        except ValueError as exc:
            samples.append(
                Sample(f"line-{number}", None, {}, [], f"line {number} is not a JSON object: {exc}")
            )
            continue
        sample = _sample(raw, suite.parent, number)
        if sample.id in seen:
            sample = Sample(
                f"{sample.id}#line-{number}",
                None,
                sample.reference,
                sample.tags,
                f"duplicate case id {sample.id!r}",
            )
        seen.add(sample.id)
        samples.append(sample)
    if not samples:
        raise SummarizerError(f"{suite}: the suite has no cases")
    return samples
