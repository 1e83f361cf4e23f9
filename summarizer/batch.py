"""Batch briefs: a JSONL of articles in, a JSONL of briefs out, streamed, resumable, never a brief twice.

Input lines: `{"id": str, "text"|"path"|"url": str, "date"?: "YYYY-MM-DD"}`. Output lines: `{"id", "brief"}` or
`{"id", "error"}`, appended and flushed one by one as briefs finish (in completion order). Memory stays
constant: at most `2 x concurrency` articles are in flight, the rest are still unread input. Restarted on the
same output, the ids already there are skipped, and a line cut by a kill is dropped first, so every id ends up
in the output exactly once.
"""

from __future__ import annotations

import json
import os
import threading
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .api import Summarizer
from .articles import MAX_ARTICLE_BYTES, Article, load_article
from .errors import ArticleError, SummarizerError

__all__ = ["BatchStats", "run_batch"]


@dataclass
class BatchStats:
    done_before: int = 0
    briefed: int = 0
    errors: int = 0


def _done_ids(output: Path) -> set[str]:
    """Ids already in the output; a trailing partial line (a kill mid-write) is cut off."""
    if not output.exists():
        return set()
    data = output.read_bytes()
    if data and not data.endswith(b"\n"):
        keep = data.rfind(b"\n") + 1
        with output.open("r+b") as handle:
            handle.truncate(keep)
        data = data[:keep]
    done = set()
    for line in data.splitlines():
        try:
            done.add(str(json.loads(line)["id"]))
        except (ValueError, KeyError, TypeError):
            continue
    return done


def _fetch(url: str) -> bytes:
    if not url.startswith(("http://", "https://")):
        raise ArticleError(f"unsupported url {url!r}: use http:// or https://")
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            data: bytes = response.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise ArticleError(f"cannot fetch {url}: {exc}") from None
    return data


def _article(item: dict[str, Any], base: Path) -> Article:
    date = item.get("date")
    if isinstance(item.get("text"), str):
        return Article.from_text(item["text"], date=date)
    if isinstance(item.get("path"), str):
        return load_article(base / item["path"], date=date)
    if isinstance(item.get("url"), str):
        url = item["url"]
        suffix = ".html" if not url.lower().endswith((".txt", ".md")) else ".txt"
        return load_article("-", date=date, stdin=_fetch(url)) if suffix == ".txt" else _html(url, date)
    raise ArticleError("the line has none of text, path or url")


def _html(url: str, date: str | None) -> Article:
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".html") as handle:
        handle.write(_fetch(url))
        handle.flush()
        loaded = load_article(handle.name, date=date)
    return Article(loaded.text, title=loaded.title, date=loaded.date, url=url, origin=url)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number, line


def run_batch(
    input_path: str | Path,
    output_path: str | Path,
    runner: Summarizer,
    *,
    concurrency: int = 4,
    progress: Callable[[str, bool], None] | None = None,
) -> BatchStats:
    source, output = Path(input_path), Path(output_path)
    if not source.is_file():
        raise SummarizerError(f"{source}: no such input file")
    done = _done_ids(output)
    stats = BatchStats(done_before=len(done))
    seen: set[str] = set(done)  # ids written, before this run or during it
    read: set[str] = set()  # ids met in the input so far
    lock = threading.Lock()
    output.parent.mkdir(parents=True, exist_ok=True)
    with (
        output.open("a", encoding="utf-8") as out,
        ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool,
    ):

        def write(record: dict[str, Any]) -> None:
            with lock:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                out.flush()
                os.fsync(out.fileno())
                if "error" in record:
                    stats.errors += 1
                else:
                    stats.briefed += 1
            if progress:
                progress(str(record["id"]), "error" in record)

        def one(case_id: str, item: dict[str, Any]) -> None:
            try:
                brief = runner.summarize(_article(item, source.parent))
                write({"id": case_id, "brief": brief.to_json_dict()})
            except SummarizerError as exc:
                write({"id": case_id, "error": str(exc)})
            except Exception as exc:  # one bad article never stops the job
                write({"id": case_id, "error": f"internal error: {type(exc).__name__}: {exc}"})

        pending: set[Future[None]] = set()
        for number, line in _lines(source):
            try:
                item = json.loads(line)
                if not isinstance(item, dict):
                    raise ValueError("not an object")
            except ValueError as exc:
                case_id = f"line-{number}"
                read.add(case_id)
                if case_id not in seen:
                    seen.add(case_id)
                    write({"id": case_id, "error": f"line {number} is not a JSON object: {exc}"})
                continue
            case_id = str(item.get("id") or f"line-{number}")
            if case_id in read:
                duplicate = f"{case_id}#line-{number}"
                if duplicate not in seen:
                    seen.add(duplicate)
                    write({"id": duplicate, "error": f"duplicate id {case_id!r}"})
                continue
            read.add(case_id)
            if case_id in done:
                continue
            seen.add(case_id)
            pending.add(pool.submit(one, case_id, item))
            if len(pending) >= 2 * max(1, concurrency):
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    future.result()
        for future in pending:
            future.result()
    return stats
