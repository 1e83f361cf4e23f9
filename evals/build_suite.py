"""Assemble evals/suites/core.jsonl from the hand-written references and the articles they describe.

Run from anywhere: `python evals/build_suite.py`. Each case points at its article by a path relative to the
suite file, and keeps the Wikinews credit (title, link) of its source (CC BY 2.5, see evals/articles/LICENSE.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
REFERENCES = HERE / "references"
SUITE = HERE / "suites" / "core.jsonl"

SEED = {
    "file": "seed.txt",
    "title": "Afghan Defense Ministry says 50 militants killed in Laghman",
    "url": None,
    "date": "2021-05-24",
    "author": "Islam Times",
}


def main() -> None:
    sys.path.insert(0, str(HERE.parent))
    from summarizer.text.dates import dateline

    index = {row["file"]: row for row in map(json.loads, (ARTICLES / "index.jsonl").read_text().splitlines())}
    index["seed.txt"] = SEED
    lines = []
    for ref_file in sorted(REFERENCES.glob("*.json"), key=lambda p: (p.stem != "seed", p.stem)):
        reference = json.loads(ref_file.read_text(encoding="utf-8"))
        case_id = reference.pop("id", ref_file.stem)
        meta = index[f"{case_id}.txt"]
        # The article's own dateline wins over the index: relative dates in the text count from it.
        own = dateline((ARTICLES / f"{case_id}.txt").read_text(encoding="utf-8"))
        date = own.isoformat() if own else meta["date"]
        tags = ["seed"] if case_id == "seed" else ["wikinews", "cc-by-2.5"]
        case = {
            "id": case_id,
            "article": {
                "path": f"../articles/{case_id}.txt",
                "title": meta["title"],
                "date": date,
                "url": meta["url"],
                "credit": "Islam Times" if case_id == "seed" else "Wikinews (CC BY 2.5)",
            },
            "reference": reference,
            "tags": tags,
        }
        lines.append(json.dumps(case, ensure_ascii=False))
    SUITE.parent.mkdir(parents=True, exist_ok=True)
    SUITE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} cases to {SUITE.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
