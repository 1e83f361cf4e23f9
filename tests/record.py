"""Re-record the embedded model's answers that the fast tests replay.

    SUMMARIZER_DB=/tmp/record.db python -m summarizer eval evals/suites/core.jsonl --out /tmp/live-run
    SUMMARIZER_DB=/tmp/record.db python -m summarizer eval evals/suites/stories.jsonl --out /tmp/live-stories
    python tests/record.py /tmp/record.db /tmp/live-run/run.json

Replays the core suite and the story suite from that database (a miss is an error: the database must hold a
full run of the current code and prompt), then writes only the answers the replays used to
tests/recordings/local-brief.jsonl, and the core replay's scores with the live run's wall time to
tests/recordings/run-summary.json. The story suite reads its articles from ../shared/dev/.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.api import Summarizer  # noqa: E402
from summarizer.evaluation.runner import run_suite  # noqa: E402
from summarizer.llm.backends import LocalBackend  # noqa: E402
from summarizer.llm.store import Store  # noqa: E402

OUT = Path(__file__).resolve().parent / "recordings"


def _no_live_call(self: Any, request: dict[str, Any]) -> Any:
    raise RuntimeError("the database lacks an answer the current code needs: run the live eval again")


def main(db: str, live_run: str) -> None:
    LocalBackend.send = _no_live_call  # type: ignore[method-assign]
    rows = Store(db).export_cache()
    with tempfile.TemporaryDirectory() as tmp:
        replay = Store(Path(tmp) / "replay.db")
        replay.import_cache(rows)
        replay.close()
        runner = Summarizer.create("local", db_path=Path(tmp) / "replay.db")
        run = run_suite(ROOT / "evals" / "suites" / "core.jsonl", runner)
        stories = run_suite(ROOT / "evals" / "suites" / "stories.jsonl", runner)
        assert runner.store is not None
        used = runner.store.used
        runner.close()
    errors = [(c.id, c.error) for c in [*run.per_case, *stories.per_case] if c.error]
    if errors:
        raise SystemExit(f"replay errors: {errors}")
    kept = [r for r in rows if r["key"] in used]
    (OUT / "local-brief.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in kept), encoding="utf-8"
    )
    live = json.loads(Path(live_run).read_text())
    summary = {
        "prompt": run.prompt,
        "model": run.model,
        "scores": run.scores,
        "cost": live["cost"],
        "note": "scores replayed from the recordings; cost is the live run's (its wall time and tokens)",
    }
    (OUT / "run-summary.json").write_text(json.dumps(summary, indent=1) + "\n")
    print(f"wrote {len(kept)} recorded answers ({run.prompt}) and run-summary.json to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
