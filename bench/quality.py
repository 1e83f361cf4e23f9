"""Code-only quality of the text layer: who/where/when/figures/claims of the core, dev and figures suites.

    python bench/quality.py [SUITE ...]

Briefs here carry everything code reads (names, places, dates, figures, claims) with an empty headline: no
model runs, so this measures the NLP layer alone in seconds, every time the finders change. Prints micro
precision/recall per field and suite (counts of hits summed over cases), the numbers the closing notes quote.
The model-written `what` is scored by `summarizer eval` on a full run.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.briefing.reading import read_article  # noqa: E402
from summarizer.contract import Brief, Meta  # noqa: E402
from summarizer.evaluation.scorers import score_case  # noqa: E402
from summarizer.evaluation.suite import load_suite  # noqa: E402

DEFAULT = [
    ROOT / "evals" / "suites" / "core.jsonl",
    ROOT.parent / "shared" / "dev" / "giveme5w1h-dev.jsonl",
    ROOT / "evals" / "suites" / "figures.jsonl",
]
FIELDS = ("who", "where", "when", "figures", "claims")


def code_brief(article_text: str, article: object) -> dict[str, object]:
    reading = read_article(article)  # type: ignore[arg-type]
    brief = Brief(
        headline="",
        what="",
        who=reading.who,
        where=reading.where,
        when=reading.when,
        figures=reading.figures,
        claims=reading.claims,
        warnings=reading.warnings,
        meta=Meta(model="code", prompt="code", article_sha256=""),
    )
    return brief.to_json_dict()


def main(paths: list[Path]) -> None:
    for path in paths:
        if not path.exists():
            print(f"{path}: missing, skipped")
            continue
        sums: dict[str, list[float]] = defaultdict(list)
        for sample in load_suite(path):
            if sample.article is None or not sample.reference:
                continue
            scores = score_case(
                code_brief(sample.article.text, sample.article), sample.reference, sample.article.text
            )
            for field in FIELDS:
                got = scores.get(field)
                if got is None:
                    continue
                for metric, value in got.values.items():
                    if value is not None:
                        sums[f"{field}.{metric}"].append(value)
        print(f"== {path.name}")
        for key in sorted(sums):
            values = sums[key]
            print(f"  {key:28s} {sum(values) / len(values):.3f}  (n={len(values)})")


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or DEFAULT)
