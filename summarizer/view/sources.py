"""What `summarizer view` shows, read from disk: a brief with its article, a story brief with its articles, or
one or two eval runs.

The kind of file is told by its shape (CONTRACT §1, §3, §4), so one command opens anything the project writes.
Files are read once, at start, and bad input is a one-line `ViewError` before any server starts: the page
never meets a file it cannot show.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from summarizer.articles import Article, load_article, read_error
from summarizer.errors import SummarizerError

__all__ = ["BriefDoc", "RunDoc", "StoryDoc", "Target", "ViewError", "load_target"]

MAX_FILE_BYTES = 200_000_000
"""A run of a few thousand cases with their articles fits; anything larger is not one of our files."""


class ViewError(SummarizerError):
    """A path `summarizer view` cannot show: missing, not JSON, not a brief, story or run, no article."""

    exit_code = 2


@dataclass(frozen=True)
class BriefDoc:
    brief: dict[str, Any]
    article: str
    label: str
    title: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StoryDoc:
    story: dict[str, Any]
    texts: dict[str, str]
    """Article id -> text, for the articles whose text was given."""
    label: str
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RunDoc:
    run: dict[str, Any]
    label: str


@dataclass(frozen=True)
class Target:
    kind: Literal["brief", "story", "run", "compare"]
    label: str
    brief: BriefDoc | None = None
    story: StoryDoc | None = None
    runs: tuple[RunDoc, ...] = ()


def _read_json(path: Path) -> Any:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ViewError(f"{path} is {size:,} bytes: too large to be a brief, story or run")
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ViewError(read_error(str(path), exc)) from None
    except UnicodeDecodeError:
        raise ViewError(f"{path} is not UTF-8 text") from None
    except ValueError as exc:
        raise ViewError(f"{path} is not JSON ({str(exc).splitlines()[0]})") from None


def _run_file(path: Path) -> Path:
    if not path.is_dir():
        return path
    if (path / "run.json").is_file():
        return path / "run.json"
    inner = sorted(p.parent.name for p in path.glob("*/run.json"))
    if inner:
        raise ViewError(
            f"{path} holds {len(inner)} runs ({', '.join(inner[:4])}{'...' if len(inner) > 4 else ''}): "
            "view one of them, or two with --compare"
        )
    raise ViewError(f"{path} is a directory with no run.json: pass a brief, story brief or eval run")


def _newest_run() -> Path:
    found = sorted(Path("runs").glob("*/run.json"), key=lambda p: p.stat().st_mtime)
    if not found:
        raise ViewError("nothing to view: pass a brief, story brief or eval run (no runs/*/run.json here)")
    return found[-1]


def _as_run(data: Any, label: str) -> RunDoc:
    cases = data.get("per_case") if isinstance(data, dict) else None
    if not isinstance(cases, list) or not all(isinstance(c, dict) and "id" in c for c in cases):
        raise ViewError(f"{label} is not an eval run (CONTRACT §3: per_case must list cases with ids)")
    ids = [str(c["id"]) for c in cases]
    if len(set(ids)) != len(ids):
        raise ViewError(f"{label} lists a case id twice")
    return RunDoc(data, label)


def _kind(data: Any) -> str:
    if not isinstance(data, dict):
        return "unknown"
    if "per_case" in data:
        return "run"
    if "headline" in data and isinstance(data.get("articles"), list):
        return "story"
    if "headline" in data and isinstance(data.get("figures", []), list):
        return "brief"
    if isinstance(data.get("brief"), dict):
        return "case"
    return "unknown"


def load_target(
    path: Path | None,
    *,
    articles: Sequence[Path] = (),
    suite: Path | None = None,
    compare: Path | None = None,
) -> Target:
    """Read PATH (or the newest `runs/*/run.json`) into what the page shows; `compare` adds a second run."""
    file = _run_file(path) if path is not None else _newest_run()
    data = _read_json(file)
    kind = _kind(data)
    label = str(path if path is not None else file)
    if compare is not None:
        if kind != "run":
            raise ViewError(f"--compare needs two eval runs, and {label} is not one")
        second = _as_run(_read_json(_run_file(compare)), str(compare))
        return Target("compare", f"{label} vs {compare}", runs=(_as_run(data, label), second))
    if kind == "run":
        return Target("run", label, runs=(_as_run(data, label),))
    if kind == "story":
        return Target("story", label, story=_story_doc(data, label, articles))
    if kind in ("brief", "case"):
        return Target("brief", label, brief=_brief_doc(data, label, articles, suite))
    raise ViewError(f"{label} is not a brief, story brief or eval run (see CONTRACT §1, §3, §4)")


def _brief_doc(data: dict[str, Any], label: str, articles: Sequence[Path], suite: Path | None) -> BriefDoc:
    """A brief and the text its spans index: --article, else the text a run case carries, else the suite
    case whose article has the brief's sha256."""
    embedded = data.get("article") if isinstance(data.get("article"), str) else None
    brief = data["brief"] if isinstance(data.get("brief"), dict) else data
    if not isinstance(brief.get("headline"), str):
        raise ViewError(f"{label} is not a brief (CONTRACT §1: it has no headline)")
    if len(articles) > 1:
        raise ViewError("a brief has one article: pass --article once")
    sha = str((brief.get("meta") or {}).get("article_sha256") or "")
    title = None
    if articles:
        loaded = load_article(articles[0])
        text, title = loaded.text, loaded.title
    elif embedded:
        text = embedded
    elif suite is not None:
        text, title = _suite_article(suite, sha)
    else:
        raise ViewError(
            f"{label}: give the article the brief was made from with --article FILE "
            "(or --suite SUITE to find it by its sha256)"
        )
    warnings = []
    if sha and Article(text).sha256 != sha:
        warnings.append(
            "the article is not the one the brief was made from (sha256 differs): spans may not fit"
        )
    return BriefDoc(
        brief, text, label, title or (data.get("id") if isinstance(data.get("id"), str) else None), warnings
    )


def _suite_article(suite: Path, sha: str) -> tuple[str, str | None]:
    from summarizer.evaluation.suite import load_suite

    for sample in load_suite(suite):
        if sample.article is not None and sample.article.sha256 == sha:
            return sample.article.text, sample.article.title or sample.id
    raise ViewError(f"no case of {suite} has the brief's article (sha256 {sha[:12] or 'missing'}...)")


def _story_doc(data: dict[str, Any], label: str, files: Sequence[Path]) -> StoryDoc:
    """A story brief and its articles' texts: carried in the story, or given with --article and matched to the
    story's articles by sha256, id or file name."""
    entries = [a for a in data["articles"] if isinstance(a, dict) and "id" in a]
    if len(entries) != len(data["articles"]):
        raise ViewError(f"{label} is not a story brief (CONTRACT §4: every article needs an id)")
    texts = {str(a["id"]): a["text"] for a in entries if isinstance(a.get("text"), str)}
    warnings: list[str] = []
    for path in files:
        article = load_article(path)
        match = next(
            (
                str(a["id"])
                for a in entries
                if a.get("sha256") == article.sha256 or str(a["id"]) in (path.name, path.stem)
            ),
            None,
        )
        if match is None:
            warnings.append(f"{path} is none of the story's articles (no sha256 or id matches): not shown")
        else:
            texts[match] = article.text
    missing = [str(a["id"]) for a in entries if str(a["id"]) not in texts]
    if missing:
        warnings.append(
            f"no text for {', '.join(missing)}: pass the articles with --article FILE to see their evidence"
        )
    return StoryDoc(data, texts, label, warnings)
