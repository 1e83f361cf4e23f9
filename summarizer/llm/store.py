"""One SQLite file for the call log and the response cache.

Every model call is logged (prompt, response, tokens, latency, model, endpoint), like `llm`'s logs database, so
a surprising brief can be traced to the exact exchange. Final answers are cached by a key over everything that
shapes them (model, endpoint, prompt version, pass, schema, generation parameters, the messages with the
per-brief fence token masked), so re-running a suite or a brief costs no model call. Errors are never cached.
API keys never reach this file: requests are logged from the keyword arguments we send, which hold none.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

__all__ = ["CachedAnswer", "Store", "default_db_path"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts REAL NOT NULL,
    model TEXT NOT NULL,
    endpoint TEXT,
    prompt TEXT,
    pass TEXT,
    article_sha256 TEXT,
    request TEXT,
    response TEXT,
    finish_reason TEXT,
    input_tokens INTEGER,
    output_tokens INTEGER,
    latency REAL,
    error TEXT
);
CREATE TABLE IF NOT EXISTS cache (
    key TEXT PRIMARY KEY,
    ts REAL NOT NULL,
    model TEXT NOT NULL,
    prompt TEXT,
    pass TEXT,
    answer TEXT NOT NULL,
    input_tokens INTEGER,
    output_tokens INTEGER,
    attempts INTEGER
);
"""


def default_db_path() -> Path:
    override = os.environ.get("SUMMARIZER_DB")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("summarizer")) / "summarizer.db"


@dataclass(frozen=True)
class CachedAnswer:
    answer: str
    input_tokens: int
    output_tokens: int
    attempts: int


class Store:
    """Thread-safe: one connection, one lock; WAL and a busy timeout let several processes share the file."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path else default_db_path()
        self.warning: str | None = None
        self.used: set[str] = set()  # cache keys read or written by this process: what a recording needs
        self._lock = threading.Lock()
        self._conn = self._open()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._connect()
        except sqlite3.DatabaseError:
            # A corrupt file is moved aside, not fatal: the cache is a cache, the log starts afresh.
            aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
            os.replace(self.path, aside)
            self.warning = f"the cache database was corrupt; moved to {aside} and started a new one"
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(
            "PRAGMA synchronous=NORMAL"
        )  # WAL + NORMAL: no fsync per row; a crash loses at most a log tail
        conn.executescript(_SCHEMA)
        conn.execute("SELECT count(*) FROM cache").fetchone()
        return conn

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def log_call(self, **row: Any) -> None:
        row.setdefault("ts", time.time())
        if isinstance(row.get("request"), dict | list):
            row["request"] = json.dumps(row["request"], ensure_ascii=False, default=str)
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        with self._lock:
            self._conn.execute(f"INSERT INTO calls ({columns}) VALUES ({marks})", tuple(row.values()))

    def get(self, key: str) -> CachedAnswer | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT answer, input_tokens, output_tokens, attempts FROM cache WHERE key = ?", (key,)
            ).fetchone()
        if row is None:
            return None
        self.used.add(key)
        return CachedAnswer(row[0], int(row[1] or 0), int(row[2] or 0), int(row[3] or 0))

    def put(self, key: str, answer: CachedAnswer, *, model: str, prompt: str, pass_name: str) -> None:
        self.used.add(key)
        with self._lock:
            self._conn.execute(
                "INSERT OR REPLACE INTO cache (key, ts, model, prompt, pass, answer, input_tokens, output_tokens,"
                " attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    time.time(),
                    model,
                    prompt,
                    pass_name,
                    answer.answer,
                    answer.input_tokens,
                    answer.output_tokens,
                    answer.attempts,
                ),
            )

    def export_cache(self) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT key, model, prompt, pass, answer, input_tokens, output_tokens, attempts FROM cache"
                " ORDER BY key"
            ).fetchall()
        names = ("key", "model", "prompt", "pass", "answer", "input_tokens", "output_tokens", "attempts")
        return [dict(zip(names, row, strict=True)) for row in rows]

    def import_cache(self, rows: list[dict[str, Any]]) -> int:
        for row in rows:
            self.put(
                row["key"],
                CachedAnswer(row["answer"], row["input_tokens"], row["output_tokens"], row["attempts"]),
                model=row["model"],
                prompt=row["prompt"],
                pass_name=row["pass"],
            )
        return len(rows)

    def count_calls(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM calls").fetchone()[0])
