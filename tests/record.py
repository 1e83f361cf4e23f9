"""Re-record the embedded model's answers that the fast tests replay.

    SUMMARIZER_DB=/tmp/record.db python -m summarizer eval evals/suites/core.jsonl --no-cache
    python tests/record.py /tmp/record.db

Keeps only the cache rows of the current prompt, so the file holds exactly what the tests need.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from summarizer.prompts import load_prompt
from summarizer.store import Store

OUT = Path(__file__).resolve().parent / "recordings" / "local-brief.jsonl"


def main(db: str) -> None:
    prompt = load_prompt().id
    rows = [r for r in Store(db).export_cache() if r["prompt"] == prompt and r["model"].startswith("local:")]
    OUT.write_text(
        "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows), encoding="utf-8"
    )
    print(f"wrote {len(rows)} recorded answers of {prompt} to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
