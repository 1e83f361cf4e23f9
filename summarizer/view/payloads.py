"""The JSON each page of `summarizer view` is drawn from: shaped once on the server so the page's script only
draws. Spans are character offsets (code points, as Python counts them) into the article text; names and
dates, which a brief gives without a span, get the offsets of every place they occur in the article.

Nothing here is HTML: the page puts every string in as text, never as markup.
"""

from __future__ import annotations

import re
from typing import Any

from summarizer.view.sources import BriefDoc, RunDoc, StoryDoc, Target, ViewError

__all__ = [
    "brief_payload",
    "case_payload",
    "case_total",
    "checked_items",
    "compare_payload",
    "flat_scores",
    "name_spans",
    "run_payload",
    "story_payload",
]

MAX_OCCURRENCES = 50
FIELD_ORDER = ("who", "where", "when", "figures", "claims", "what", "grounding", "valid")


def _valid_span(span: Any, length: int) -> tuple[int, int] | None:
    if not isinstance(span, list | tuple) or len(span) != 2:
        return None
    start, end = span
    if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start <= end <= length:
        return None
    return start, end


def checked_items(items: Any, text: str, what: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Copies of the figures or claims whose span fits the article; a span that does not is set to null and
    said in a warning, so the page highlights nothing rather than the wrong words."""
    checked: list[dict[str, Any]] = []
    warnings: list[str] = []
    for number, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            warnings.append(f"{what} {number + 1} is not an object: left out")
            continue
        copy = dict(item)
        span = _valid_span(item.get("span"), len(text))
        if span is None:
            warnings.append(f"{what} {number + 1}: its span does not fit the article")
        elif isinstance(item.get("evidence"), str) and text[span[0] : span[1]] != item["evidence"]:
            warnings.append(f"{what} {number + 1}: the article at its span is not its evidence")
            span = None
        copy["span"] = list(span) if span else None
        checked.append(copy)
    return checked, warnings


def name_spans(text: str, names: list[str]) -> list[list[int]]:
    """Where any of `names` occurs in the text, as written (else ignoring case), longest names first."""
    spans: list[list[int]] = []
    for name in sorted({n.strip() for n in names if isinstance(n, str) and n.strip()}, key=len, reverse=True):
        pattern = re.escape(name)
        found = list(re.finditer(pattern, text)) or list(re.finditer(pattern, text, re.IGNORECASE))
        for match in found[:MAX_OCCURRENCES]:
            if not any(s <= match.start() < e for s, e in spans):
                spans.append([match.start(), match.end()])
    return sorted(spans)


def _names(item: dict[str, Any], key: str) -> list[str]:
    names = [item.get(key)] + (list(item.get("aliases") or []) if key == "name" else [])
    return [n for n in names if isinstance(n, str)]


def _brief_view(brief: dict[str, Any], text: str) -> tuple[dict[str, Any], list[str]]:
    shown = dict(brief)
    shown["figures"], figure_warnings = checked_items(brief.get("figures"), text, "figure")
    shown["claims"], claim_warnings = checked_items(brief.get("claims"), text, "claim")
    for key, name_key in (("who", "name"), ("where", "name"), ("when", "text")):
        items = [dict(i) for i in brief.get(key) or [] if isinstance(i, dict)]
        for item in items:
            item["spans"] = name_spans(text, _names(item, name_key))
        shown[key] = items
    return shown, figure_warnings + claim_warnings


def brief_payload(doc: BriefDoc) -> dict[str, Any]:
    shown, warnings = _brief_view(doc.brief, doc.article)
    return {
        "kind": "brief",
        "label": doc.label,
        "title": doc.title,
        "brief": shown,
        "article": doc.article,
        "warnings": doc.warnings + warnings,
    }


def _date_key(articles: dict[str, dict[str, Any]], article_id: Any) -> tuple[str, str]:
    return (str(articles.get(str(article_id), {}).get("date") or "9999-99-99"), str(article_id))


def story_payload(doc: StoryDoc) -> dict[str, Any]:
    """The story with each figure's reports in date order; a report whose span does not fit its article's
    text loses its span (and says so), like a brief's items."""
    story = doc.story
    articles = {str(a["id"]): a for a in story["articles"]}
    warnings = list(doc.warnings)
    figures = []
    for figure in story.get("figures") or []:
        if not isinstance(figure, dict):
            continue
        reports = []
        for report in figure.get("reports") or []:
            if not isinstance(report, dict):
                continue
            copy = dict(report)
            text = doc.texts.get(str(report.get("article")))
            span = _valid_span(report.get("span"), len(text)) if text is not None else None
            if span and text is not None and text[span[0] : span[1]] != report.get("evidence"):
                warnings.append(f"a report of {figure.get('counts')!r}: its span is not its evidence")
                span = None
            copy["span"] = list(span) if span else None
            reports.append(copy)
        reports.sort(key=lambda r: _date_key(articles, r.get("article")))
        figures.append({**figure, "reports": reports})
    claims = [c for c in story.get("claims") or [] if isinstance(c, dict)]
    for claim in claims:
        text = doc.texts.get(str(claim.get("article")))
        fits = text is not None and _valid_span(claim.get("span"), len(text)) is not None
        claim["span"] = claim.get("span") if fits else None
    return {
        "kind": "story",
        "label": doc.label,
        "story": {**story, "figures": figures, "claims": claims},
        "texts": doc.texts,
        "warnings": warnings,
    }


def flat_scores(scores: Any) -> dict[str, float | None]:
    """`{"figures": {"f1": .5}}` -> `{"figures.f1": .5}`; plain numbers keep their field name."""
    flat: dict[str, float | None] = {}
    for name, value in (scores or {}).items():
        if isinstance(value, dict):
            for key, inner in value.items():
                flat[f"{name}.{key}"] = inner if isinstance(inner, int | float) else None
        else:
            flat[name] = value if isinstance(value, int | float) else None
    return flat


def case_total(case: dict[str, Any]) -> float | None:
    """A case's mean over its scored fields (null fields left out): the order of the run page, as the
    terminal's worst-cases table has it."""
    values = [v for v in flat_scores(case.get("scores")).values() if v is not None]
    return sum(values) / len(values) if values else None


def _rank_key(case: dict[str, Any]) -> tuple[bool, float, str]:
    total = case_total(case)
    return (not case.get("error"), 0.0 if total is None else total, str(case["id"]))


def _run_meta(doc: RunDoc) -> dict[str, Any]:
    run = doc.run
    keys = ("suite", "model", "prompt", "cases", "errors", "run_id", "started", "cost")
    return {"label": doc.label, "scores": flat_scores(run.get("scores")), **{k: run.get(k) for k in keys}}


def run_payload(target: Target) -> dict[str, Any]:
    """One run: its scores, and its cases worst first (errors first, then by mean score)."""
    doc = target.runs[0]
    cases = sorted(doc.run["per_case"], key=_rank_key)
    return {
        "kind": "run",
        "label": target.label,
        "run": _run_meta(doc),
        "cases": [
            {
                "id": str(c["id"]),
                "mean": case_total(c),
                "error": c.get("error"),
                "scores": flat_scores(c.get("scores")),
                "tags": c.get("tags") or [],
            }
            for c in cases
        ],
    }


def case_payload(doc: RunDoc, case_id: str) -> dict[str, Any]:
    """One case: scores, hits, misses and extras per field, its reference, and its brief over its article."""
    case = next((c for c in doc.run["per_case"] if str(c["id"]) == case_id), None)
    if case is None:
        raise ViewError(f"no case {case_id!r} in {doc.label}")
    text = case.get("article") if isinstance(case.get("article"), str) else ""
    brief = case.get("brief") if isinstance(case.get("brief"), dict) else None
    shown, warnings = _brief_view(brief, text) if brief else (None, [])
    return {
        "kind": "case",
        "run": doc.label,
        "id": case_id,
        "error": case.get("error"),
        "mean": case_total(case),
        "scores": flat_scores(case.get("scores")),
        "details": case.get("details") or {},
        "reference": case.get("reference") or {},
        "brief": shown,
        "article": text,
        "warnings": warnings,
    }


def _fields(a: dict[str, float | None], b: dict[str, float | None]) -> list[str]:
    def order(name: str) -> int:
        head = name.split(".")[0]
        return FIELD_ORDER.index(head) if head in FIELD_ORDER else len(FIELD_ORDER)

    return sorted(dict.fromkeys([*a, *b]), key=order)


def _delta(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else b - a


def compare_payload(target: Target) -> dict[str, Any]:
    """Two runs side by side: every field's score in each and its change, how many cases moved each way, and
    the cases paired by id, the biggest drop first; cases in only one run are listed apart."""
    first, second = target.runs
    cases_a = {str(c["id"]): c for c in first.run["per_case"]}
    cases_b = {str(c["id"]): c for c in second.run["per_case"]}
    shared = [i for i in cases_a if i in cases_b]
    meta_a, meta_b = _run_meta(first), _run_meta(second)
    flat_a = {i: flat_scores(cases_a[i].get("scores")) for i in shared}
    flat_b = {i: flat_scores(cases_b[i].get("scores")) for i in shared}
    fields = []
    for name in _fields(meta_a["scores"], meta_b["scores"]):
        moves = [_delta(flat_a[i].get(name), flat_b[i].get(name)) for i in shared]
        known = [m for m in moves if m is not None]
        fields.append(
            {
                "field": name,
                "a": meta_a["scores"].get(name),
                "b": meta_b["scores"].get(name),
                "delta": _delta(meta_a["scores"].get(name), meta_b["scores"].get(name)),
                "better": sum(1 for m in known if m > 1e-9),
                "worse": sum(1 for m in known if m < -1e-9),
                "same": sum(1 for m in known if abs(m) <= 1e-9),
            }
        )
    return {
        "kind": "compare",
        "label": target.label,
        "a": meta_a,
        "b": meta_b,
        "fields": fields,
        "cases": sorted((_paired(i, cases_a[i], cases_b[i]) for i in shared), key=_drop_key),
        "only_a": [i for i in cases_a if i not in cases_b],
        "only_b": [i for i in cases_b if i not in cases_a],
    }


def _paired(case_id: str, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    flat_a, flat_b = flat_scores(a.get("scores")), flat_scores(b.get("scores"))
    moved: dict[str, list[float | None]] = {}
    for name in _fields(flat_a, flat_b):
        before, after = flat_a.get(name), flat_b.get(name)
        change = _delta(before, after)
        if (change is None and before != after) or (change is not None and abs(change) > 1e-9):
            moved[name] = [before, after]
    total_a, total_b = case_total(a), case_total(b)
    return {
        "id": case_id,
        "a": total_a,
        "b": total_b,
        "delta": _delta(total_a, total_b),
        "error_a": a.get("error"),
        "error_b": b.get("error"),
        "moved": moved,
    }


def _drop_key(case: dict[str, Any]) -> tuple[float, str]:
    delta = case["delta"]
    return (0.0 if delta is None else delta, case["id"])
