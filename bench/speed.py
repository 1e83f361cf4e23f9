"""Where a brief's time goes with the embedded model, against the model's own speed, side by side in one run.

    python bench/speed.py [--limit N] [--skip-long]

For the seed and each core-suite article (cold cache): the brief's wall time split into code (parse and
reading, spaCy) and model calls (prefill + decode, re-asks included; a grammar only with `--mode json_schema`),
the calls, prompt and output tokens. Then the anchor: the same in-process `Llama`, from an empty KV cache, reads the same prompts and writes
the same number of tokens *unconstrained* (no grammar); `ratio` = brief time / that raw time. Last, a
40,000-character article built from the shared Wikinews articles is briefed in full, and the figures found in
its last quarter are counted. Prints the numbers the speed issue's bar names.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.api import Summarizer  # noqa: E402
from summarizer.articles import Article  # noqa: E402
from summarizer.briefing.reading import read_article  # noqa: E402
from summarizer.evaluation.suite import load_suite  # noqa: E402

SUITE = ROOT / "evals" / "suites" / "core.jsonl"
SHARED = ROOT.parent / "shared" / "articles" / "wikinews"


def long_article() -> Article:
    """About 40,000 characters from several articles, as one wire round-up; its last quarter has figures."""
    texts = (
        sorted(SHARED.glob("*.txt"))
        if SHARED.is_dir()
        else sorted((ROOT / "evals" / "articles").glob("*.txt"))
    )
    parts: list[str] = []
    while sum(len(p) for p in parts) < 40_000:
        parts.append(texts[len(parts) % len(texts)].read_text(encoding="utf-8"))
    return Article.from_text("\n\n".join(parts), date="2015-09-14")


def raw_time(llama: Any, lock: Any, calls: list[tuple[str, int]]) -> float:
    """The model alone: same prompts, same output token counts, no grammar, empty KV cache first."""
    llama.reset()
    started = time.perf_counter()
    for request_json, output_tokens in calls:
        request = json.loads(request_json)
        with lock:
            llama.create_chat_completion(
                messages=request["messages"], max_tokens=max(1, output_tokens), temperature=0.0
            )
    return time.perf_counter() - started


def measure(runner: Summarizer, db: Path, article: Article) -> dict[str, Any]:
    llama, lock = runner.backend._load()  # type: ignore[attr-defined]
    first_call = sqlite3.connect(db).execute("SELECT COALESCE(MAX(id), 0) FROM calls").fetchone()[0]
    llama.reset()
    started = time.perf_counter()
    read_article(article)  # parsed once here: the brief below reuses the cached parse
    code = time.perf_counter() - started
    brief = runner.summarize(article)
    total = time.perf_counter() - started
    calls = (
        sqlite3.connect(db)
        .execute(
            "SELECT request, output_tokens, latency FROM calls WHERE id > ? AND error IS NULL ORDER BY id",
            (first_call,),
        )
        .fetchall()
    )
    model = sum(float(c[2] or 0) for c in calls)
    raw = raw_time(llama, lock, [(c[0], int(c[1] or 0)) for c in calls])
    return {
        "total": total,
        "code": code,
        "model": model,
        "raw": raw,
        "calls": len(calls),
        "in": brief.meta.input_tokens or 0,
        "out": brief.meta.output_tokens or 0,
        "brief": brief,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N core articles")
    parser.add_argument("--skip-long", action="store_true", help="skip the 40,000-character article")
    parser.add_argument(
        "--mode", default=None, help="structured-output mode of the local model (default: auto)"
    )
    args = parser.parse_args()
    samples = [s for s in load_suite(SUITE) if s.article is not None][: args.limit]
    if args.limit == 0:
        samples = []  # --limit 0: the long article only
    rows: list[tuple[str, dict[str, Any]]] = []
    suite_started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "speed.db"
        runner = Summarizer.create("local", mode=args.mode, db_path=db, cache=False)
        runner.backend._load()  # type: ignore[attr-defined]  # model load is not a brief's time
        for sample in samples:
            assert sample.article is not None
            row = measure(runner, db, sample.article)
            rows.append((sample.id, row))
            print(
                f"{sample.id:<14} {row['total']:6.1f}s  code {row['code']:5.2f}s  model {row['model']:6.1f}s  "
                f"raw {row['raw']:6.1f}s  calls {row['calls']}  in {row['in']:5d}  out {row['out']:4d}",
                flush=True,
            )
        suite_seconds = time.perf_counter() - suite_started
        long_row = None
        if not args.skip_long:
            article = long_article()
            long_row = measure(runner, db, article)
            cut = len(article.text) * 3 // 4
            last = [f for f in long_row["brief"].figures if f.span[0] >= cut]
            print(
                f"long ({len(article.text):,} chars): {long_row['total']:.1f}s, {len(long_row['brief'].figures)} "
                f"figures, {len(last)} from its last quarter, calls {long_row['calls']}, in {long_row['in']}",
                flush=True,
            )
        runner.close()
    if not rows:
        return
    totals = [r["total"] for _, r in rows]
    ratios = [r["total"] / r["raw"] for _, r in rows if r["raw"] > 0]
    seed = dict(rows).get("seed")
    print("\n== bar (issue 12)")
    if seed:
        print(f"seed brief: {seed['total']:.1f}s (bar <= 30 s)")
    print(f"median brief: {statistics.median(totals):.1f}s over {len(rows)} core articles (bar <= 40 s)")
    print(f"median output tokens per brief: {statistics.median(r['out'] for _, r in rows):.0f} (bar <= 120)")
    print(f"median brief / raw unconstrained model time: {statistics.median(ratios):.2f} (bar <= 1.3)")
    print(
        f"median code (spaCy reading) share of a brief: {statistics.median(r['code'] / r['total'] for _, r in rows):.2f}"
    )
    print(f"re-asked briefs: {sum(1 for _, r in rows if r['calls'] > 1)} of {len(rows)}")
    print(f"whole run of {len(rows)} articles: {suite_seconds / 60:.1f} min (bar <= 15 min for the 25)")
    if long_row is not None:
        print(f"40,000-character article: {long_row['total']:.1f}s (bar <= 180 s)")


if __name__ == "__main__":
    main()
