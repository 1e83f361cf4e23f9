"""The embedded model: an end-to-end brief vs llama-cpp-python generating the same tokens from the same prompts.

    python bench/embedded.py [--articles seed stampede crane]

For each article: a live brief through the pipeline (fresh cache), then the very requests it sent to the model
(same messages, same JSON-schema grammar, max_tokens = the tokens each answer actually took) replayed straight
on the same in-process `Llama`, from the same empty KV cache. The ratio is what the pipeline adds around the
model. Also printed: model calls and output tokens per brief, the cost that matters on a CPU.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.api import Summarizer  # noqa: E402
from summarizer.articles import load_article  # noqa: E402
from summarizer.llm.backends import _json_object_format  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", nargs="+", default=["seed", "stampede", "crane"])
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.articles:
            db = Path(tmp) / f"{name}.db"
            runner = Summarizer.create("local", db_path=db, cache=False)
            article = load_article(ROOT / "evals" / "articles" / f"{name}.txt")
            llama, lock = runner.backend._load()  # type: ignore[attr-defined]
            llama.reset()
            started = time.perf_counter()
            brief = runner.summarize(article)
            pipeline = time.perf_counter() - started
            calls = (
                sqlite3.connect(db)
                .execute("SELECT request, output_tokens FROM calls WHERE error IS NULL ORDER BY id")
                .fetchall()
            )
            llama.reset()
            started = time.perf_counter()
            for request_json, output_tokens in calls:
                request = json.loads(request_json)
                with lock:
                    llama.create_chat_completion(
                        messages=request["messages"],
                        response_format=_json_object_format(request.get("response_format")),
                        max_tokens=max(1, int(output_tokens or 1)),
                        temperature=0.0,
                    )
            raw = time.perf_counter() - started
            runner.close()
            rows.append(
                (name, pipeline, raw, len(calls), brief.meta.output_tokens or 0, brief.meta.input_tokens or 0)
            )
            print(f"{name}: pipeline {pipeline:.1f}s, raw {raw:.1f}s", flush=True)
    print(
        f"\n{'article':<10} {'calls':>5} {'in tok':>7} {'out tok':>7} {'pipeline s':>10} {'raw s':>7} {'ratio':>6}"
    )
    for name, pipeline, raw, calls, out_tok, in_tok in rows:
        print(
            f"{name:<10} {calls:>5} {in_tok:>7} {out_tok:>7} {pipeline:>10.1f} {raw:>7.1f} {pipeline / raw:>6.3f}"
        )
    ratios = [p / r for _, p, r, *_ in rows]
    print(f"median ratio {statistics.median(ratios):.3f} (target: at most 1.10)")
    print(f"median output tokens per brief {statistics.median(r[4] for r in rows):.0f}")


if __name__ == "__main__":
    main()
