"""The log and cache database: concurrent writers, a corrupt file, and no secrets in it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from summarizer.llm.store import CachedAnswer, Store


def test_cache_round_trip_and_export(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite")
    store.put(
        "k1", CachedAnswer('{"a": 1}', 10, 2, 1), model="local:x", prompt="brief@3", pass_name="summary"
    )
    assert store.get("k1") == CachedAnswer('{"a": 1}', 10, 2, 1)
    assert store.get("missing") is None
    rows = store.export_cache()
    other = Store(tmp_path / "other.sqlite")
    assert other.import_cache(rows) == 1 and other.get("k1") == store.get("k1")


def test_threads_write_the_log_and_cache_at_once(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite")

    def work(n: int) -> None:
        for i in range(50):
            store.log_call(model="m", request={"n": n, "i": i}, response="r")
            store.put(f"{n}-{i}", CachedAnswer("{}", 1, 1, 1), model="m", prompt="p", pass_name="x")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.count_calls() == 400 and len(store.export_cache()) == 400


def test_processes_share_the_file(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    Store(db).close()
    code = (
        "import sys; from summarizer.llm.store import Store, CachedAnswer; s = Store(sys.argv[1]);"
        "[s.put(f'{sys.argv[2]}-{i}', CachedAnswer('{}', 1, 1, 1), model='m', prompt='p', pass_name='x')"
        " or s.log_call(model='m', response='r') for i in range(100)]"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, str(db), str(n)]) for n in range(4)]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    store = Store(db)
    assert len(store.export_cache()) == 400 and store.count_calls() == 400


def test_a_corrupt_database_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    db.write_bytes(b"this is not a sqlite database at all" * 100)
    store = Store(db)
    assert store.warning and "corrupt" in store.warning
    store.put("k", CachedAnswer("{}", 1, 1, 1), model="m", prompt="p", pass_name="x")
    assert store.get("k") is not None
    assert list(tmp_path.glob("db.sqlite.corrupt-*"))
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from cache").fetchone()[0] == 1
