"""Code-only measures on the probe sets in evals/probes: the two numbers the unseen-news bars name.

    python bench/probes.py [evals/probes/SET ...]

A probe set is a folder of invented articles (NN.txt) and an expected.json written by reading them:
  - a casualties set lists, per article, the killed and injured counts it states about its event:
    {"NN": {"title": ..., "date": ..., "expect": [[value, "killed" | "injured"], ...]}};
    recall = share of those (value, kind) pairs some figure of the brief has;
  - an attribution set lists the sources of its claims:
    {"NN": {"expect": [{"name": ..., "aliases": [lower-case names]}, ...]}};
    recall = share of those sources some claim's source names (the name or an alias, as whole words).
Figures of kind killed/injured that no expected pair has, and claim sources that name no expected source, are
printed too: they are what a reader would see as wrong. No model is called: these measure the finders.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.articles import Article  # noqa: E402
from summarizer.briefing.reading import read_article  # noqa: E402

PROBES = ROOT / "evals" / "probes"
_CASUALTY = {"killed", "injured"}


def _read(folder: Path, nn: str, spec: dict[str, object]) -> Article:
    text = (folder / f"{nn}.txt").read_text(encoding="utf-8")
    title, date = spec.get("title"), spec.get("date")
    return Article.from_text(text, title=title if isinstance(title, str) else None, date=date)  # type: ignore[arg-type]


def casualties(folder: Path, expected: dict[str, dict[str, object]]) -> tuple[int, int, list[str]]:
    hit = total = 0
    notes: list[str] = []
    for nn, spec in sorted(expected.items()):
        figures = read_article(_read(folder, nn, spec)).figures
        pairs = [(float(v), k) for v, k in spec["expect"]]  # type: ignore[attr-defined]
        for value, kind in pairs:
            total += 1
            if any(f.value == value and f.kind == kind for f in figures):
                hit += 1
            else:
                notes.append(f"  {nn} missed {value:g} {kind}")
        for f in figures:
            if f.kind in _CASUALTY and (f.value, f.kind) not in pairs:
                notes.append(f"  {nn} extra  {f.value:g} {f.kind} ({f.counts!r}): {f.evidence[:90]!r}")
    return hit, total, notes


def _names(entry: dict[str, object], source: str) -> bool:
    words = [str(entry["name"]).lower(), *(str(a) for a in entry.get("aliases", []))]  # type: ignore[attr-defined]
    words = [re.sub(r"^(?:a|an|the)\s+", "", w) for w in words]  # "the memo" is named by a source "memo"
    return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", source.lower()) for w in words)


def attribution(folder: Path, expected: dict[str, dict[str, object]]) -> tuple[int, int, list[str]]:
    hit = total = 0
    notes: list[str] = []
    for nn, spec in sorted(expected.items()):
        claims = read_article(_read(folder, nn, spec)).claims
        entries = spec["expect"]
        for entry in entries:  # type: ignore[attr-defined]
            total += 1
            if any(_names(entry, c.source) for c in claims):
                hit += 1
            else:
                notes.append(f"  {nn} missed {entry['name']}")
        for c in claims:
            if not any(_names(e, c.source) for e in entries):  # type: ignore[attr-defined]
                notes.append(f"  {nn} other  {c.source!r}: {c.evidence[:90]!r}")
    return hit, total, notes


def main(folders: list[Path]) -> None:
    for folder in folders:
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        first = next(iter(expected.values()))["expect"]
        measure, what = (
            (attribution, "claim-source recall")
            if first and isinstance(first[0], dict)
            else (casualties, "killed/injured recall")
        )
        hit, total, notes = measure(folder, expected)
        print(
            f"== {folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder}: {what} {hit}/{total} = {hit / total:.3f}"
        )
        print("\n".join(notes))


if __name__ == "__main__":
    args = [Path(a).resolve() for a in sys.argv[1:]]
    main(args or sorted(p for p in PROBES.iterdir() if p.is_dir()))
