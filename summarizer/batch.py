"""Batch briefs: a JSONL of articles in, a JSONL of briefs out, streamed, resumable, never a brief twice.

Input lines: `{"id": str, "text"|"path"|"url": str, "date"?: "YYYY-MM-DD"}`. Output lines: `{"id", "brief"}` or
`{"id", "error"}`, appended and flushed one by one as briefs finish (in completion order). Memory stays
constant: at most `2 x concurrency` articles are in flight, the rest are still unread input. Restarted on the
same output, the ids already there are skipped, and a line cut by a kill is dropped first, so every id ends up
in the output exactly once.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import json
import os
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.api import Summarizer
from summarizer.articles import MAX_ARTICLE_BYTES, Article, load_article
from summarizer.briefing.briefer import Briefer
from summarizer.contract import Brief
from summarizer.errors import AnswerPending, ArticleError, ConfigError, SummarizerError
from summarizer.jsonl import json_objects
from summarizer.llm.backends import OpenAIBackend

__all__ = ["BatchStats", "run_batch", "run_batch_api"]


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
    return {
        str(item["id"]) for _, item in json_objects(data.splitlines()) if item is not None and "id" in item
    }


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


class _Output:
    """The output JSONL: one record a line, flushed and fsynced as it is written, counted in `stats`."""

    def __init__(self, handle: Any, stats: BatchStats, progress: Callable[[str, bool], None] | None) -> None:
        self.handle = handle
        self.stats = stats
        self.progress = progress
        self.lock = threading.Lock()

    def write(self, record: dict[str, Any]) -> None:
        with self.lock:
            self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.handle.flush()
            os.fsync(self.handle.fileno())
            if "error" in record:
                self.stats.errors += 1
            else:
                self.stats.briefed += 1
        if self.progress:
            self.progress(str(record["id"]), "error" in record)

    def brief(self, case_id: str, make: Callable[[], Brief]) -> bool:
        """Write the brief `make` returns, or the error it raises: one bad article never stops the job.
        False, with nothing written, while a Batch API answer it needs is still pending."""
        try:
            self.write({"id": case_id, "brief": make().to_json_dict()})
        except AnswerPending:
            return False
        except SummarizerError as exc:
            self.write({"id": case_id, "error": str(exc)})
        except Exception as exc:
            self.write({"id": case_id, "error": f"internal error: {type(exc).__name__}: {exc}"})
        return True


def _cases(source: Path, done: set[str], out: _Output) -> Iterator[tuple[str, dict[str, Any]]]:
    """The input's cases not yet in the output, in input order. A line that is not a JSON object and a
    repeated id are written as error lines here (once: their ids are in `done` on a restart)."""
    read: set[str] = set()  # ids met in the input so far
    for number, line in _lines(source):
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("not an object")
        except ValueError as exc:
            case_id = f"line-{number}"
            read.add(case_id)
            if case_id not in done:
                done.add(case_id)
                out.write({"id": case_id, "error": f"line {number} is not a JSON object: {exc}"})
            continue
        case_id = str(item.get("id") or f"line-{number}")
        if case_id in read:
            duplicate = f"{case_id}#line-{number}"
            if duplicate not in done:
                done.add(duplicate)
                out.write({"id": duplicate, "error": f"duplicate id {case_id!r}"})
            continue
        read.add(case_id)
        if case_id not in done:
            yield case_id, item


def _summarize(runner: Summarizer, item: dict[str, Any], base: Path) -> Brief:
    return runner.summarize(_article(item, base))


def _brief_with(briefer: Briefer, item: dict[str, Any], base: Path) -> Brief:
    return briefer.brief(_article(item, base))


def _open_output(input_path: str | Path, output_path: str | Path) -> tuple[Path, Path]:
    source, output = Path(input_path), Path(output_path)
    if not source.is_file():
        raise SummarizerError(f"{source}: no such input file")
    output.parent.mkdir(parents=True, exist_ok=True)
    return source, output


def run_batch(
    input_path: str | Path,
    output_path: str | Path,
    runner: Summarizer,
    *,
    concurrency: int = 4,
    progress: Callable[[str, bool], None] | None = None,
) -> BatchStats:
    source, output = _open_output(input_path, output_path)
    done = _done_ids(output)
    stats = BatchStats(done_before=len(done))
    with (
        output.open("a", encoding="utf-8") as handle,
        ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool,
    ):
        out = _Output(handle, stats, progress)
        pending: set[Future[bool]] = set()
        for case_id, item in _cases(source, done, out):
            done.add(case_id)
            pending.add(
                pool.submit(out.brief, case_id, functools.partial(_summarize, runner, item, source.parent))
            )
            if len(pending) >= 2 * max(1, concurrency):
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    future.result()
        for future in pending:
            future.result()
    return stats


def run_batch_api(
    input_path: str | Path,
    output_path: str | Path,
    runner: Summarizer,
    *,
    state_path: str | Path | None = None,
    poll_seconds: float = 30.0,
    max_rounds: int = 12,
    progress: Callable[[str, bool], None] | None = None,
    note: Callable[[str], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> BatchStats:
    """`run_batch` through the OpenAI Batch API (see batch_api.py): same input, same output lines.

    The job's state lives in `state_path` (default: the output's name + `.batch.sqlite`); run the same command
    again after a kill and it picks up the batches it had submitted."""
    from summarizer.llm.batch_api import BatchState, CollectingBackend, Polling, run_round, wait_and_collect

    if not isinstance(runner.backend, OpenAIBackend):
        raise ConfigError("the Batch API path needs an OpenAI model: --model openai:MODEL")
    source, output = _open_output(input_path, output_path)
    state = BatchState(state_path or output.with_name(output.name + ".batch.sqlite"))
    polling = Polling(poll_seconds, note or (lambda _: None), sleep)
    briefer = Briefer(
        dataclasses.replace(runner.briefer.caller, backend=CollectingBackend(runner.backend, state)),
        fence_secret=state.secret,
    )
    done = _done_ids(output)
    stats = BatchStats(done_before=len(done))
    try:
        with output.open("a", encoding="utf-8") as handle:
            out = _Output(handle, stats, progress)
            wait_and_collect(state, runner.backend, polling)
            for round_no in itertools.count(state.rounds() + 1):
                waiting: list[str] = []
                for case_id, item in _cases(source, done, out):
                    if out.brief(case_id, functools.partial(_brief_with, briefer, item, source.parent)):
                        done.add(case_id)
                    else:
                        waiting.append(case_id)
                if not waiting:
                    break
                if round_no > max_rounds or not state.count("wanted"):
                    for case_id in waiting:
                        out.write(
                            {"id": case_id, "error": f"no answer after {round_no - 1} Batch API rounds"}
                        )
                    break
                polling.note(f"round {round_no}: {len(waiting)} articles wait for answers")
                run_round(state, runner.backend, round_no, polling)
    finally:
        state.close()
    return stats
