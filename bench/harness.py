"""Harness speed: scoring 10,000 cases, and replaying a cached suite.

    python bench/harness.py [--cases 10000]

Scoring: the recorded embedded-model briefs of the core suite (tests/recordings/) with their references,
repeated to N cases, scored field by field and aggregated, on one core. Replay: `summarizer eval` of the core
suite answered from a cache of those recordings, against the seconds the live run took (recorded with them).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.api import Summarizer  # noqa: E402
from summarizer.evaluation.metrics import aggregate  # noqa: E402
from summarizer.evaluation.runner import run_suite  # noqa: E402
from summarizer.evaluation.scorers import score_case  # noqa: E402
from summarizer.llm.store import Store  # noqa: E402

RECORDINGS = ROOT / "tests" / "recordings"
SUITE = ROOT / "evals" / "suites" / "core.jsonl"


_missed: list[object] = []  # requests the recordings could not answer


def _not_recorded(*args: object, **kwargs: object) -> NoReturn:
    _missed.append(args)
    raise RuntimeError("not in the recordings (the bench replays them and never runs the model)")


def replay_runner(db: Path) -> Summarizer:
    """The embedded model's runner answering from the recordings only: a request they lack fails its case."""
    store = Store(db)
    rows = [json.loads(line) for line in (RECORDINGS / "local-brief.jsonl").read_text().splitlines() if line]
    store.import_cache(rows)
    store.close()
    runner = Summarizer.create("local", db_path=db)
    runner.backend.send = _not_recorded  # type: ignore[method-assign]
    runner.backend.count_tokens = _not_recorded  # type: ignore[method-assign]
    return runner


def _idlest_cpu(allowed: set[int]) -> int:
    """The allowed CPU that was idle most over a quarter second (the lowest when /proc/stat cannot tell), so that
    the bench does not share its core with another process pinned to the first one."""

    def idle() -> dict[int, int]:
        ticks = {}
        for line in Path("/proc/stat").read_text().splitlines():
            name, *fields = line.split()
            if name.startswith("cpu") and name[3:].isdigit() and int(name[3:]) in allowed:
                ticks[int(name[3:])] = int(fields[3]) + int(fields[4])  # idle + iowait
        return ticks

    try:
        before = idle()
        time.sleep(0.25)
        after = idle()
    except (OSError, ValueError, IndexError):
        return min(allowed)
    return max(sorted(after), key=lambda cpu: after[cpu] - before.get(cpu, after[cpu]), default=min(allowed))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {_idlest_cpu(os.sched_getaffinity(0))})  # one core, as the target says
    live = json.loads((RECORDINGS / "run-summary.json").read_text())
    with tempfile.TemporaryDirectory() as tmp:
        runner = replay_runner(Path(tmp) / "replay.db")
        started = time.perf_counter()
        run = run_suite(SUITE, runner, concurrency=1)
        replay_seconds = time.perf_counter() - started
        runner.close()
    if _missed:
        failed = [c.id for c in run.per_case if c.error]
        sys.exit(
            f"{len(_missed)} requests are not answered by {RECORDINGS.name}/ (cases {', '.join(failed[:5])}"
            f"{', ...' if len(failed) > 5 else ''}): the pipeline no longer asks what was recorded; record again "
            "(tests/record.py) before timing"
        )
    cases = [(c.brief, c.reference, c.article or "") for c in run.per_case if c.brief is not None]

    def build(unique_names: bool) -> list[tuple[dict, dict, str]]:
        """Copies with a distinct `what` each; with unique_names every who name is new too, so no cache helps."""
        work = []
        for i in range(args.cases):
            brief, reference, article = cases[i % len(cases)]
            copy = json.loads(json.dumps(brief))
            copy["what"] = f"{copy['what']} ({i})"
            if unique_names:
                for person in copy["who"]:
                    person["name"] = f"{person['name']} {i}"
            work.append((copy, reference, article))
        return work

    timings = {}
    for label, unique in (("names as recorded", False), ("every name unique", True)):
        work = build(unique)
        gc.collect()  # settle the collector after building the inputs, so that scoring is not charged for them
        started = time.perf_counter()
        aggregate([score_case(b, r, a) for b, r, a in work])
        timings[label] = time.perf_counter() - started
    print(f"machine: {os.cpu_count()} cores (pinned to 1) · python {sys.version.split()[0]}")
    print(f"{'task':<34} {'seconds':>9} {'target':>10} {'ratio':>8}")
    for label, seconds in timings.items():
        print(f"{f'score {args.cases:,}, {label}':<34} {seconds:>9.2f} {'< 10':>10} {seconds / 10:>8.2f}")
    print(f"{'replay core suite from cache':<34} {replay_seconds:>9.2f} {'':>10}")
    print(f"{'live run of the same suite':<34} {live['cost']['seconds']:>9.1f} {'':>10}")
    print(f"replay speed-up: {live['cost']['seconds'] / replay_seconds:,.0f}x (target: at least 20x)")


if __name__ == "__main__":
    main()
