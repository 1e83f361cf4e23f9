"""Eval suites (CONTRACT §2): one JSON case a line, each an article (or a story's articles) and its reference.

A broken line does not stop the suite: it becomes a sample that carries its error, and the run reports it. A
story case (CONTRACT §4 end) has ``"articles": [...]`` instead of ``"article"``; each item is an article object
of §2, or ``{"from": "<suite file, relative to this one>", "id": "<case id>"}``: the article of that case in
that other suite, so a story can be built from a shared file without copying its articles. A story with an
article that cannot be read is an error as a whole, not briefed from the rest: its reference was written from
every article, and scoring a story briefed from fewer would measure the suite, not the summarizer.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from summarizer.articles import Article, load_article
from summarizer.errors import SummarizerError
from summarizer.jsonl import json_objects

__all__ = ["Sample", "SuiteFiles", "load_article_spec", "load_suite", "read_suite_lines"]


@dataclass
class Sample:
    """One case: an article (or, for a story, its articles) and its reference; or the error that stopped it."""

    id: str
    article: Article | None
    reference: dict[str, Any]
    tags: list[str] = field(default_factory=list)
    error: str | None = None
    articles: list[Article] | None = None
    article_ids: list[str] = field(default_factory=list)
    story: bool = False


def read_suite_lines(path: Path) -> list[str]:
    """The lines of a suite file; a missing or unreadable file is a `SummarizerError`."""
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise SummarizerError(f"{path}: no such suite file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SummarizerError(f"{path}: cannot read the suite ({exc})") from None


class SuiteFiles:
    """Other suite files a story points into, each read once, by case id."""

    def __init__(self) -> None:
        self._cases: dict[Path, dict[str, dict[str, Any]]] = {}

    def case(self, path: Path, case_id: str) -> dict[str, Any]:
        resolved = path.resolve()
        if resolved not in self._cases:
            cases: dict[str, dict[str, Any]] = {}
            for _, raw in json_objects(read_suite_lines(resolved)):  # that file's own run reports bad lines
                if raw is not None and isinstance(raw.get("id"), str):
                    cases.setdefault(raw["id"], raw)
            self._cases[resolved] = cases
        found = self._cases[resolved].get(case_id)
        if found is None:
            raise SummarizerError(f"{path}: no case with id {case_id!r}")
        return found


def _with_fields(article: Article, **values: Any) -> Article:
    """Set the given string fields that the Article model has (``publisher`` and ``id`` are being added to it;
    until they land, they are dropped here), keeping the article's own values."""
    names = {f.name for f in dataclasses.fields(article)}
    wanted = {
        name: value
        for name, value in values.items()
        if name in names and isinstance(value, str) and getattr(article, name, None) is None
    }
    return cast(Any, dataclasses.replace)(article, **wanted) if wanted else article


def load_article_spec(spec: Any, base: Path) -> Article:
    """An article object of §2 (``text`` or ``path``, relative to ``base``), read and cleaned."""
    if not isinstance(spec, dict):
        raise SummarizerError("the article is not an object")
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
        raise SummarizerError("the article has neither text nor path")
    return _with_fields(article, publisher=spec.get("publisher"))


def _story_article(item: Any, base: Path, files: SuiteFiles) -> tuple[str | None, Article]:
    """One item of a story's ``articles``: its id (when it has one) and the article."""
    if isinstance(item, dict) and "from" in item:
        other, case_id = item.get("from"), item.get("id")
        if not isinstance(other, str) or not isinstance(case_id, str):
            raise SummarizerError(
                'a "from" item needs "from" (a suite file) and "id" (a case id), both strings'
            )
        target = base / other
        spec = files.case(target, case_id).get("article")
        if not isinstance(spec, dict):
            raise SummarizerError(f"case {case_id!r} of {other} has no article object")
        return case_id, load_article_spec(spec, target.parent)
    ident = item.get("id") if isinstance(item, dict) else None
    return (ident if isinstance(ident, str) else None), load_article_spec(item, base)


def _story_sample(raw: dict[str, Any], base: Path, files: SuiteFiles, sample: Sample) -> Sample:
    specs = raw.get("articles")
    sample.story = True
    if not isinstance(specs, list) or not specs:
        sample.error = "the story case's articles is not a non-empty list"
        return sample
    articles: list[Article] = []
    for number, item in enumerate(specs, start=1):
        try:
            ident, article = _story_article(item, base, files)
        except SummarizerError as exc:
            sample.error = f"article {number} of the story: {exc}"
            return sample
        ident = ident or f"{sample.id}#{number}"
        articles.append(_with_fields(article, id=ident))
        sample.article_ids.append(ident)
    sample.articles = articles
    return sample


def _sample(raw: dict[str, Any], base: Path, line_no: int, files: SuiteFiles) -> Sample:
    case_id = str(raw.get("id") or f"line-{line_no}")
    reference = raw.get("reference") or {}
    tags = [str(t) for t in raw.get("tags") or []]
    if "articles" in raw:
        if not isinstance(reference, dict):
            return Sample(case_id, None, {}, tags, "the case's reference is not an object", story=True)
        return _story_sample(raw, base, files, Sample(case_id, None, reference, tags))
    spec = raw.get("article")
    if not isinstance(spec, dict):
        return Sample(case_id, None, reference, tags, "the case has no article object")
    if not isinstance(reference, dict):
        return Sample(case_id, None, {}, tags, "the case's reference is not an object")
    try:
        article = load_article_spec(spec, base)
    except SummarizerError as exc:
        return Sample(case_id, None, reference, tags, str(exc))
    return Sample(case_id, article, reference, tags)


def load_suite(path: str | Path) -> list[Sample]:
    """Read a suite file; paths in it are relative to the suite file."""
    suite = Path(path)
    lines = read_suite_lines(suite)
    files = SuiteFiles()
    samples: list[Sample] = []
    seen: set[str] = set()
    for number, raw in json_objects(lines):
        if raw is None:
            samples.append(Sample(f"line-{number}", None, {}, [], f"line {number} is not a JSON object"))
            continue
        sample = _sample(raw, suite.parent, number, files)
        if sample.id in seen:
            sample = Sample(
                f"{sample.id}#line-{number}",
                None,
                sample.reference,
                sample.tags,
                f"duplicate case id {sample.id!r}",
                story=sample.story,
            )
        seen.add(sample.id)
        samples.append(sample)
    if not samples:
        raise SummarizerError(f"{suite}: the suite has no cases")
    return samples
