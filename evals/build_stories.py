"""Assemble evals/suites/stories.jsonl from the hand-written story references in evals/stories/.

Run from anywhere: `python3 evals/build_stories.py` (standard library only). `--check` validates and exits
non-zero when the suite file is missing or out of date, without writing it.

Each story file names its articles by their case ids in the Giveme5W1H dev suite; the suite refers to them
with the `{"from": <suite path relative to the suite file>, "id": <case id>}` form instead of copying them,
because the article texts remain their publishers'. Before writing, every reference is checked against the
articles it cites, so a typo in a name or a figure cannot silently become an unmatchable reference: every
name, alias, place, claim source and report source must occur in at least one of the story's articles, every
report's text in its own article, and a figure's `values` must be exactly the values of its reports.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
STORIES = HERE / "stories"
SUITE = HERE / "suites" / "stories.jsonl"
DEV = HERE.parent.parent / "shared" / "dev" / "giveme5w1h-dev.jsonl"
# How the suite file reaches the dev suite (evals/suites/ -> /work/shared/dev/).
DEV_FROM_SUITE = "../../../shared/dev/giveme5w1h-dev.jsonl"

FIGURE_KINDS = frozenset(
    {
        "killed",
        "injured",
        "missing",
        "displaced",
        "arrested",
        "people",
        "money",
        "percent",
        "age",
        "distance",
        "duration",
        "quantity",
        "count",
        "other",
    }
)
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def load_dev(path: Path) -> dict[str, dict[str, Any]]:
    """The dev suite's cases by id."""
    if not path.is_file():
        sys.exit(f"error: dev suite not found: {path}")
    cases = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {case["id"]: case for case in cases}


def article_text(case: dict[str, Any]) -> str:
    """Title and body: a name that only the headline gives still occurs in the article."""
    article = case["article"]
    return f"{article.get('title') or ''}\n{article.get('text') or ''}"


def event_tag(ids: list[str], dev: dict[str, dict[str, Any]], errors: list[str]) -> str | None:
    """The one `event:NAME` tag every article of the story shares."""
    tags: list[set[str]] = [{t for t in dev[i].get("tags", []) if t.startswith("event:")} for i in ids]
    shared = set.intersection(*tags) if tags else set()
    if len(shared) != 1:
        errors.append(f"articles do not share exactly one event tag: {sorted(shared)}")
        return None
    return shared.pop()


def check_articles(ids: Any, dev: dict[str, dict[str, Any]], errors: list[str]) -> list[str]:
    """The article ids, known to the dev suite, unique, in date order (ties by id)."""
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        errors.append("articles must be a non-empty list of dev case ids")
        return []
    unknown = [i for i in ids if i not in dev]
    if unknown:
        errors.append(f"unknown dev ids: {unknown}")
        return []
    if len(set(ids)) != len(ids):
        errors.append("articles repeat an id")
    ordered = sorted(ids, key=lambda i: (dev[i]["article"].get("date") or "", i))
    if ordered != ids:
        errors.append(f"articles are not in date order (then id): expected {ordered}")
    return ids


def check_occurs(label: str, names: Iterable[Any], texts: list[str], errors: list[str]) -> None:
    """Each name must be a non-empty string found verbatim in at least one of the texts."""
    for name in names:
        if not isinstance(name, str) or not name.strip():
            errors.append(f"{label}: {name!r} is not a non-empty string")
        elif not any(name in text for text in texts):
            errors.append(f"{label}: {name!r} occurs in none of the story's articles")


def check_who(reference: dict[str, Any], texts: list[str], errors: list[str]) -> None:
    who = reference.get("who", [])
    names = [entry.get("name") for entry in who]
    check_occurs("who", names, texts, errors)
    check_occurs("who alias", (alias for entry in who for alias in entry.get("aliases", [])), texts, errors)
    mains = [entry.get("main") for entry in who]
    if not all(isinstance(main, bool) for main in mains):
        errors.append("who: every entry needs main: true|false")
    elif mains != sorted(mains, reverse=True):
        errors.append("who: main actors must come first")


def check_report(
    report: dict[str, Any], label: str, ids: list[str], dev: dict[str, dict[str, Any]], errors: list[str]
) -> None:
    """A report's text must be in its own article; its source, when named, in one of the story's articles."""
    article = report.get("article")
    if article not in ids:
        errors.append(f"{label}: report cites {article!r}, not one of the story's articles")
        return
    if not isinstance(report.get("value"), (int, float)):
        errors.append(f"{label}: report value {report.get('value')!r} is not a number")
    text = report.get("text")
    if not isinstance(text, str) or text not in article_text(dev[article]):
        errors.append(f"{label}: report text {text!r} is not in article {article}")
    source = report.get("source")
    if source is not None:
        check_occurs(f"{label} source", [source], [article_text(dev[i]) for i in ids], errors)


def check_figures(
    reference: dict[str, Any], ids: list[str], dev: dict[str, dict[str, Any]], errors: list[str]
) -> None:
    for figure in reference.get("figures", []):
        label = f"figure {figure.get('counts')!r}"
        if not isinstance(figure.get("counts"), str) or not figure["counts"].strip():
            errors.append(f"{label}: counts must be a non-empty string")
        if figure.get("kind") not in FIGURE_KINDS:
            errors.append(f"{label}: kind {figure.get('kind')!r} is not one of the contract's kinds")
        values = figure.get("values")
        if not isinstance(values, list) or not values or not all(isinstance(v, (int, float)) for v in values):
            errors.append(f"{label}: values must be a non-empty list of numbers")
            continue
        if len(set(values)) != len(values):
            errors.append(f"{label}: values repeat a number")
        if figure.get("latest") is not None and figure.get("latest") not in values:
            errors.append(f"{label}: latest {figure.get('latest')!r} is not one of the values")
        reports = figure.get("reports", [])
        for report in reports:
            check_report(report, label, ids, dev, errors)
        if reports and {r.get("value") for r in reports} != set(values):
            errors.append(f"{label}: values {values} differ from the reports' values")


def check_reference(
    reference: Any, ids: list[str], dev: dict[str, dict[str, Any]], errors: list[str]
) -> None:
    """The reference's shape (CONTRACT §2 + §4) and that what it names is in the articles."""
    if not isinstance(reference, dict):
        errors.append("reference must be an object")
        return
    texts = [article_text(dev[i]) for i in ids]
    if not isinstance(reference.get("what"), str) or not reference["what"].strip():
        errors.append("what must be a non-empty string")
    check_who(reference, texts, errors)
    check_occurs("where", (entry.get("name") for entry in reference.get("where", [])), texts, errors)
    for entry in reference.get("when", []):
        if not isinstance(entry.get("date"), str) or not DATE.fullmatch(entry["date"]):
            errors.append(f"when: {entry.get('date')!r} is not YYYY-MM-DD")
    check_figures(reference, ids, dev, errors)
    for conflict in reference.get("conflicts", []):
        if not isinstance(conflict.get("topic"), str) or not conflict["topic"].strip():
            errors.append("conflicts: every entry needs a topic")
    claims = reference.get("claims", [])
    check_occurs("claim source", (claim.get("source") for claim in claims), texts, errors)
    for claim in claims:
        if not isinstance(claim.get("statement"), str) or not claim["statement"].strip():
            errors.append(f"claim by {claim.get('source')!r}: statement must be a non-empty string")


def build_case(path: Path, dev: dict[str, dict[str, Any]]) -> tuple[dict[str, Any] | None, list[str]]:
    """One suite line from one story file, or the problems that stop it."""
    errors: list[str] = []
    story = json.loads(path.read_text(encoding="utf-8"))
    if story.get("id") != path.stem:
        errors.append(f"id {story.get('id')!r} differs from the file name {path.stem!r}")
    ids = check_articles(story.get("articles"), dev, errors)
    tag = event_tag(ids, dev, errors) if ids else None
    if ids:
        check_reference(story.get("reference"), ids, dev, errors)
    if errors:
        return None, errors
    case = {
        "id": story["id"],
        "articles": [{"from": DEV_FROM_SUITE, "id": i} for i in ids],
        "reference": story["reference"],
        "tags": ["story", tag],
    }
    return case, []


def main(argv: list[str]) -> int:
    check_only = "--check" in argv
    dev = load_dev(DEV)
    if (SUITE.parent / DEV_FROM_SUITE).resolve() != DEV.resolve():
        print(f"error: {DEV_FROM_SUITE} from {SUITE.parent} is not {DEV}", file=sys.stderr)
        return 1
    lines, failed = [], False
    for path in sorted(STORIES.glob("*.json")):
        case, errors = build_case(path, dev)
        for error in errors:
            print(f"{path.name}: {error}", file=sys.stderr)
        failed = failed or bool(errors)
        if case is not None:
            lines.append(json.dumps(case, ensure_ascii=False))
    if failed:
        return 1
    content = "\n".join(lines) + "\n"
    if check_only:
        current = SUITE.read_text(encoding="utf-8") if SUITE.is_file() else None
        if current != content:
            stale = f"{SUITE.relative_to(HERE.parent)} is out of date: run python3 evals/build_stories.py"
            print(stale, file=sys.stderr)
            return 1
        print(f"{len(lines)} stories valid, {SUITE.relative_to(HERE.parent)} up to date")
        return 0
    SUITE.parent.mkdir(parents=True, exist_ok=True)
    SUITE.write_text(content, encoding="utf-8")
    print(f"wrote {len(lines)} stories to {SUITE.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
