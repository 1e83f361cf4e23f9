"""Code-only quality of the text layer: who/where/when/figures/claims of the core, dev, figures and story suites.

    python bench/quality.py [SUITE ...]

Briefs here carry everything code reads (names, places, dates, figures, claims) with an empty headline: no
model runs, so this measures the NLP layer alone in seconds, every time the finders change. A story case is
merged from such briefs by the story code (its headline and `what` then come from code too). Prints the mean
over cases of each field's per-case score, as `summarizer eval` does, the numbers the closing notes quote.
The model-written `what` is scored by `summarizer eval` on a full run.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.articles import Article  # noqa: E402
from summarizer.briefing.reading import read_article  # noqa: E402
from summarizer.briefing.story import assemble  # noqa: E402
from summarizer.briefing.story_digest import article_id, digest  # noqa: E402
from summarizer.contract import Brief, Meta  # noqa: E402
from summarizer.evaluation.scorers import score_case  # noqa: E402
from summarizer.evaluation.story import score_story_case  # noqa: E402
from summarizer.evaluation.suite import load_suite  # noqa: E402

DEFAULT = [
    ROOT / "evals" / "suites" / "core.jsonl",
    ROOT.parent / "shared" / "dev" / "giveme5w1h-dev.jsonl",
    ROOT / "evals" / "suites" / "figures.jsonl",
    ROOT / "evals" / "suites" / "stories.jsonl",
]
FIELDS = ("who", "where", "when", "figures", "claims", "conflicts")


def code_brief(article_text: str, article: object) -> dict[str, object]:
    return _brief(article).to_json_dict()


def code_story(articles: list[Article]) -> dict[str, object]:
    digests = [digest(a, _brief(a), article_id(a)) for a in articles]
    return assemble(digests, None).to_json_dict()


def _brief(article: Article) -> Brief:
    return read_article(article).brief("", "", Meta(model="code", prompt="code", article_sha256=""))


def main(paths: list[Path]) -> None:
    for path in paths:
        if not path.exists():
            print(f"{path}: missing, skipped")
            continue
        sums: dict[str, list[float]] = defaultdict(list)
        for sample in load_suite(path):
            if sample.story and sample.articles and sample.reference:
                texts = [a.text for a in sample.articles]
                scores = score_story_case(code_story(sample.articles), sample.reference, texts)
            elif sample.article is not None and sample.reference:
                text = sample.article.text
                scores = score_case(code_brief(text, sample.article), sample.reference, text)
            else:
                continue
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
