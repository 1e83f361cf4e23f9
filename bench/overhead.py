"""Pipeline overhead: `summarize()` vs the raw openai client sending the very same requests to the same server.

    python bench/overhead.py [--briefs 48]

A scripted OpenAI-compatible server runs in its own process (tests/fault_server.py, valid answers for every
schema) and answers either after a fixed 50 ms (a fast model) or at once (pure client cost). For each setting
and concurrency (1 and 32) the pipeline briefs N articles; the requests it sent are then replayed with a bare
`openai.OpenAI` client, brief by brief, at the same concurrency: one request after another ("raw"), and with
the pipeline's overlap, the first three requests of a brief at once ("raw∥"). Printed: briefs per second,
client CPU per brief (this process only; the server's CPU is not counted), and the ratios, all measured side
by side in one run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.api import Summarizer  # noqa: E402
from summarizer.llm.backends import OpenAIBackend, RetryPolicy  # noqa: E402

SERVER = """
import sys, time, threading
sys.path.insert(0, {tests!r})
from fault_server import FaultServer
delay = float(sys.argv[1])
server = FaultServer(lambda i, body: ("stall", delay) if delay else ("smart",)).start()
print(server.url, flush=True)
threading.Event().wait()
"""


def start_server(delay: float) -> tuple[subprocess.Popen[str], str]:
    code = SERVER.format(tests=str(ROOT / "tests"))
    proc = subprocess.Popen([sys.executable, "-c", code, str(delay)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    return proc, proc.stdout.readline().strip()


def articles(n: int) -> list[str]:
    texts = sorted((ROOT / "evals" / "articles").glob("*.txt"))
    return [f"{texts[i % len(texts)].read_text(encoding='utf-8')}\n(copy {i})" for i in range(n)]


def timed(fn: Callable[[], Any]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def run_setting(delay: float, concurrency: int, n: int, db: Path) -> dict[str, float]:
    proc, url = start_server(delay)
    try:
        runner = Summarizer.create(
            "openai:bench", base_url=url, cache=False, db_path=db, retry=RetryPolicy(timeout=30)
        )
        assert isinstance(runner.backend, OpenAIBackend)
        sent: dict[int, list[dict[str, Any]]] = {}
        original = runner.backend.send
        docs = articles(n)

        import re
        import threading

        lock = threading.Lock()

        def routed(request: dict[str, Any]) -> Any:
            # A brief's calls may run on several threads: the article's "(copy N)" says whose request it is.
            found = re.search(r"\(copy (\d+)\)", json.dumps(request["messages"]))
            assert found is not None
            with lock:
                sent.setdefault(int(found.group(1)), []).append(dict(request))
            return original(request)

        runner.backend.send = routed  # type: ignore[method-assign]

        def pipeline_brief(i: int) -> None:
            runner.summarize(docs[i])

        with ThreadPoolExecutor(concurrency) as pool:
            list(pool.map(pipeline_brief, range(min(n, concurrency))))  # warm-up: imports, connections
        sent.clear()
        with ThreadPoolExecutor(concurrency) as pool:
            p_wall, p_cpu = timed(lambda: list(pool.map(pipeline_brief, range(n))))
        runner.close()

        import openai

        client = openai.OpenAI(api_key="bench", base_url=url, max_retries=0, timeout=30)

        def raw_brief(i: int) -> None:
            for request in sent[i]:
                client.chat.completions.create(**{"model": "bench", **request})

        with ThreadPoolExecutor(concurrency) as pool:
            r_wall, r_cpu = timed(lambda: list(pool.map(raw_brief, range(n))))

        inner = ThreadPoolExecutor(64)

        def raw_overlapped(i: int) -> None:
            """The raw client with the pipeline's overlap: the first three requests at once, then the rest."""
            first = [
                inner.submit(client.chat.completions.create, **{"model": "bench", **r}) for r in sent[i][:3]
            ]
            for future in first:
                future.result()
            for request in sent[i][3:]:
                client.chat.completions.create(**{"model": "bench", **request})

        with ThreadPoolExecutor(concurrency) as pool:
            o_wall, o_cpu = timed(lambda: list(pool.map(raw_overlapped, range(n))))
        inner.shutdown()
        client.close()
        calls = statistics.mean(len(v) for v in sent.values())
        return {
            "p_rate": n / p_wall,
            "r_rate": n / r_wall,
            "p_cpu": p_cpu / n * 1000,
            "r_cpu": r_cpu / n * 1000,
            "o_rate": n / o_wall,
            "o_cpu": o_cpu / n * 1000,
            "calls": calls,
        }
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=48)
    args = parser.parse_args()
    print(
        f"machine: {os.cpu_count()} cores · python {sys.version.split()[0]} · {args.briefs} briefs per cell"
    )
    print(
        f"{'server':<10} {'conc':>4} {'calls/brief':>11} {'pipeline b/s':>12} {'raw b/s':>8} {'ratio':>6} "
        f"{'raw∥ b/s':>8} {'ratio∥':>6} {'pipe CPU ms':>11} {'raw CPU ms':>10}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for delay in (0.05, 0.0):
            for concurrency in (1, 32):
                r = run_setting(delay, concurrency, args.briefs, Path(tmp) / f"{delay}-{concurrency}.db")
                label = f"{int(delay * 1000)} ms" if delay else "instant"
                print(
                    f"{label:<10} {concurrency:>4} {r['calls']:>11.1f} {r['p_rate']:>12.1f} {r['r_rate']:>8.1f} "
                    f"{r['p_rate'] / r['r_rate']:>6.2f} {r['o_rate']:>8.1f} {r['p_rate'] / r['o_rate']:>6.2f} "
                    f"{r['p_cpu']:>11.1f} {r['r_cpu']:>10.1f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
