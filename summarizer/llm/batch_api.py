"""The OpenAI Batch API path: the same briefs, their model calls sent as batch jobs at the Batch API's price.

A brief is code plus a few model calls, and code is cheap to run again. So the briefs are built round after
round with a backend that answers from what earlier batches brought back and notes every request it cannot
answer yet (`AnswerPending`). Each round sends the noted requests as one batch file (at most `MAX_REQUESTS` a
file), waits for it, and stores the answers; the next round gets further. A brief takes two rounds: its
summary, entity and figure calls need only the article and go in the first, its disputes call needs the
entities' answer. A validation re-ask or a cut answer's retry is one more round for that brief only.

All state is in one SQLite file (`BatchState`): the fence secret (so an article's requests are the same bytes
every round), every request with its answer or error, every batch id. Killed at any point and started again,
the job polls the batches it already submitted instead of sending them twice, and answered requests are never
sent again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.errors import AnswerPending, ProviderError
from summarizer.jsonl import json_objects
from summarizer.llm.backends import Backend, OpenAIBackend

__all__ = [
    "BATCH_ENDPOINT",
    "MAX_REQUESTS",
    "BatchState",
    "CollectingBackend",
    "Polling",
    "request_key",
    "run_round",
    "wait_and_collect",
]

BATCH_ENDPOINT = "/v1/chat/completions"
MAX_REQUESTS = 50_000
"""The Batch API's limit on requests in one input file."""
MAX_TRIES = 3
"""Sends of one request before its failure is final (a 429/5xx line or an expired batch is sent again)."""
_FINAL = {"completed", "failed", "expired", "cancelled"}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS job (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS requests (
    key TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    state TEXT NOT NULL,          -- wanted | sent | answered | failed
    batch TEXT,
    tries INTEGER NOT NULL DEFAULT 0,
    response TEXT,
    error TEXT
);
CREATE TABLE IF NOT EXISTS batches (
    id TEXT PRIMARY KEY,
    round INTEGER NOT NULL,
    status TEXT NOT NULL,
    requests INTEGER NOT NULL,
    created REAL NOT NULL
);
"""


def request_key(body: dict[str, Any]) -> str:
    """A request's identity: the hash of its exact JSON, also its `custom_id` in the batch file."""
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class BatchState:
    """The job's SQLite file. Every change is committed at once: a kill loses nothing already recorded."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.executescript(_SCHEMA)

    def close(self) -> None:
        self._conn.close()

    def _one(self, sql: str, *args: Any) -> Any:
        with self._lock:
            return self._conn.execute(sql, args).fetchone()

    def _run(self, sql: str, *args: Any) -> None:
        with self._lock:
            self._conn.execute(sql, args)

    @property
    def secret(self) -> bytes:
        """The job's fence secret, made on first use."""
        row = self._one("SELECT value FROM job WHERE name = 'fence_secret'")
        if row is None:
            self._run("INSERT OR IGNORE INTO job VALUES ('fence_secret', ?)", secrets.token_hex(32))
            row = self._one("SELECT value FROM job WHERE name = 'fence_secret'")
        return bytes.fromhex(row[0])

    def lookup(self, key: str) -> tuple[dict[str, Any] | None, str | None]:
        """(completion body, None) when answered, (None, error) when it failed for good, else (None, None)."""
        row = self._one("SELECT state, response, error FROM requests WHERE key = ?", key)
        if row is None:
            return None, None
        state, response, error = row
        if state == "answered":
            return json.loads(response), None
        if state == "failed":
            return None, error
        return None, None

    def want(self, key: str, body: dict[str, Any]) -> None:
        self._run(
            "INSERT OR IGNORE INTO requests (key, body, state) VALUES (?, ?, 'wanted')",
            key,
            json.dumps(body, ensure_ascii=False),
        )

    def wanted(self) -> list[tuple[str, str]]:
        with self._lock:
            rows = self._conn.execute("SELECT key, body FROM requests WHERE state = 'wanted' ORDER BY rowid")
            return [(key, body) for key, body in rows.fetchall()]

    def count(self, state: str) -> int:
        return int(self._one("SELECT count(*) FROM requests WHERE state = ?", state)[0])

    def sent(self, keys: list[str], batch_id: str, round_no: int) -> None:
        with self._lock:
            self._conn.execute("BEGIN")
            self._conn.execute(
                "INSERT INTO batches VALUES (?, ?, 'submitted', ?, ?)",
                (batch_id, round_no, len(keys), time.time()),
            )
            self._conn.executemany(
                "UPDATE requests SET state = 'sent', batch = ?, tries = tries + 1 WHERE key = ?",
                [(batch_id, key) for key in keys],
            )
            self._conn.execute("COMMIT")

    def open_batches(self) -> list[str]:
        with self._lock:
            rows = self._conn.execute("SELECT id FROM batches WHERE status = 'submitted' ORDER BY created")
            return [row[0] for row in rows.fetchall()]

    def answered(self, key: str, completion: dict[str, Any]) -> None:
        self._run(
            "UPDATE requests SET state = 'answered', response = ?, error = NULL WHERE key = ? AND state = 'sent'",
            json.dumps(completion, ensure_ascii=False),
            key,
        )

    def failed(self, key: str, error: str, *, retry: bool) -> None:
        """A failed request goes back to `wanted` while it has tries left and the failure may pass."""
        self._run(
            "UPDATE requests SET error = ?, state = CASE WHEN ? AND tries < ? THEN 'wanted' ELSE 'failed' END "
            "WHERE key = ? AND state = 'sent'",
            error,
            retry,
            MAX_TRIES,
            key,
        )

    def unanswered(self, batch_id: str) -> list[str]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT key FROM requests WHERE batch = ? AND state = 'sent'", (batch_id,)
            )
            return [row[0] for row in rows.fetchall()]

    def closed(self, batch_id: str, status: str) -> None:
        self._run("UPDATE batches SET status = ? WHERE id = ?", status, batch_id)

    def rounds(self) -> int:
        return int(self._one("SELECT coalesce(max(round), 0) FROM batches")[0])


class CollectingBackend(Backend):
    """Answers from the batches already back; notes any other request and raises `AnswerPending`.

    It presents itself as the OpenAI backend it stands for (same label, endpoint and structured-output mode),
    so the cache keys of its answers are the ones a direct run would use."""

    def __init__(self, inner: OpenAIBackend, state: BatchState) -> None:
        super().__init__(spec=inner.spec, retry=inner.retry)
        self.inner = inner
        self.state = state

    @property
    def endpoint(self) -> str:
        return self.inner.endpoint

    @property
    def instructor_mode(self) -> str:
        return self.inner.instructor_mode

    def send(self, request: dict[str, Any]) -> Any:
        from openai.types.chat import ChatCompletion

        body = {k: v for k, v in request.items() if k not in {"timeout", "stream"}}
        body.setdefault("model", self.spec.model)
        key = request_key(body)
        completion, error = self.state.lookup(key)
        if error is not None:
            raise ProviderError(f"the Batch API failed this request: {error}")
        if completion is None:
            self.state.want(key, body)
            raise AnswerPending("waiting for the Batch API")
        parsed = ChatCompletion.model_validate(completion)
        if not parsed.choices:
            raise ProviderError(f"{self.endpoint} answered a batch request with no choices")
        return parsed

    def close(self) -> None:
        self.inner.close()


def _upload(client: Any, data: bytes) -> Any:
    return client.files.create(file=("summarizer-batch.jsonl", data), purpose="batch")


def _create(client: Any, file_id: str, round_no: int) -> Any:
    return client.batches.create(
        input_file_id=file_id,
        endpoint=BATCH_ENDPOINT,
        completion_window="24h",
        metadata={"tool": "summarizer", "round": str(round_no)},
    )


def _download(client: Any, file_id: str) -> str:
    return str(client.files.content(file_id).text)


def _retrieve(client: Any, batch_id: str) -> Any:
    return client.batches.retrieve(batch_id)


def submit(state: BatchState, backend: OpenAIBackend, round_no: int) -> list[str]:
    """Send every wanted request, `MAX_REQUESTS` to a batch; the ids of the batches made."""
    made: list[str] = []
    wanted = state.wanted()
    for first in range(0, len(wanted), MAX_REQUESTS):
        chunk = wanted[first : first + MAX_REQUESTS]
        lines = [
            json.dumps(
                {"custom_id": key, "method": "POST", "url": BATCH_ENDPOINT, "body": json.loads(body)},
                ensure_ascii=False,
            )
            for key, body in chunk
        ]
        data = ("\n".join(lines) + "\n").encode("utf-8")
        uploaded = backend.api(functools.partial(_upload, data=data))
        batch = backend.api(functools.partial(_create, file_id=uploaded.id, round_no=round_no))
        state.sent([key for key, _ in chunk], batch.id, round_no)
        made.append(batch.id)
    return made


def _failure(record: dict[str, Any]) -> tuple[str, bool]:
    """The error of one output line and whether sending it again may help."""
    response = record.get("response") or {}
    status = response.get("status_code")
    body = response.get("body") or {}
    error = record.get("error") or (body.get("error") if isinstance(body, dict) else None) or {}
    message = str(error.get("message") or f"status {status}") if isinstance(error, dict) else str(error)
    code = str(error.get("code") or "") if isinstance(error, dict) else ""
    retry = (
        status in (408, 409, 429) or (isinstance(status, int) and status >= 500) or code == "batch_expired"
    )
    return " ".join(message.split())[:300], retry


def collect(state: BatchState, backend: OpenAIBackend, batch: Any) -> None:
    """Store the answers and errors of a finished batch; requests it never answered are sent again later."""
    for file_id in (batch.output_file_id, batch.error_file_id):
        if not file_id:
            continue
        text: str = backend.api(functools.partial(_download, file_id=file_id))
        for _, record in json_objects(text.splitlines()):
            if record is None or "custom_id" not in record:
                continue  # a line we cannot attribute: its request stays unanswered and is sent again
            key = str(record["custom_id"])
            response = record.get("response") or {}
            if response.get("status_code") == 200 and isinstance(response.get("body"), dict):
                state.answered(key, response["body"])
            else:
                message, retry = _failure(record)
                state.failed(key, message, retry=retry)
    if batch.status == "failed":
        errors = getattr(getattr(batch, "errors", None), "data", None) or []
        reason = "; ".join(str(getattr(e, "message", e)) for e in errors) or "the batch failed"
        for key in state.unanswered(batch.id):
            state.failed(key, f"batch {batch.id} failed: {reason}", retry=False)
    for key in state.unanswered(batch.id):
        state.failed(key, f"batch {batch.id} ended {batch.status} without answering it", retry=True)
    state.closed(batch.id, batch.status)


@dataclass(frozen=True)
class Polling:
    """How a job waits for its batches: seconds between status checks, where status lines go, how to sleep
    (tests pass one that does not)."""

    seconds: float
    note: Callable[[str], None]
    sleep: Callable[[float], None] = time.sleep


def wait_and_collect(state: BatchState, backend: OpenAIBackend, polling: Polling) -> None:
    """Poll every submitted batch until it ends, then collect it."""
    for batch_id in state.open_batches():
        while True:
            batch = backend.api(functools.partial(_retrieve, batch_id=batch_id))
            counts = getattr(batch, "request_counts", None)
            done = f" {counts.completed + counts.failed}/{counts.total}" if counts else ""
            polling.note(f"batch {batch_id}: {batch.status}{done}")
            if batch.status in _FINAL:
                break
            polling.sleep(polling.seconds)
        collect(state, backend, batch)


def run_round(state: BatchState, backend: OpenAIBackend, round_no: int, polling: Polling) -> None:
    """Send what the last pass over the articles asked for, and wait for the answers."""
    wanted = state.count("wanted")
    if wanted:
        made = submit(state, backend, round_no)
        polling.note(f"round {round_no}: {wanted} requests sent in {len(made)} batch(es)")
    wait_and_collect(state, backend, polling)
