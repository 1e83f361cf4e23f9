"""The static HTML report of an eval run: one self-contained file (no scripts, no external assets), so it can be
archived with the run as a CI artifact and opened anywhere. Article and model text is untrusted: every string is
escaped. (`summarizer view` is the interactive page; this one is for the record.)
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from typing import Any

from summarizer.evaluation.metrics import flat_scores
from summarizer.evaluation.runner import CaseResult, EvalRun

__all__ = ["render_html"]

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222}
h1{font-size:20px}h2{font-size:17px;margin-top:28px;border-top:1px solid #ccc;padding-top:12px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}
td:first-child,th:first-child{text-align:left}.cols{display:grid;grid-template-columns:1fr 1fr 1fr;gap:16px}
.article{white-space:pre-wrap;background:#fafafa;padding:8px;border:1px solid #eee;max-height:480px;overflow:auto}
mark{background:#ffe58a}.hit{color:#176b2c}.miss{color:#a0201c}.extra{color:#8a5a00}.err{color:#a0201c;font-weight:bold}
pre{white-space:pre-wrap;font-size:12px;background:#f6f6f6;padding:6px}
"""

_OVERVIEW = (
    "who.f1",
    "where.f1",
    "when.f1",
    "figures.f1",
    "figures.source_accuracy",
    "claims.f1",
    "what.similarity",
    "grounding",
)


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _spans(entries: Iterable[Any], length: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for item in entries:
        span = item.get("span") if isinstance(item, dict) else None
        if isinstance(span, list | tuple) and len(span) == 2 and 0 <= span[0] <= span[1] <= length:
            spans.append((int(span[0]), int(span[1])))
    return sorted(spans)


def _highlight(article: str, spans: list[tuple[int, int]]) -> str:
    """The article, escaped, with the evidence spans marked (overlaps merged into the earlier mark)."""
    out: list[str] = []
    pos = 0
    for start, end in spans:
        start = max(start, pos)
        if end <= start:
            continue
        out.append(html.escape(article[pos:start]))
        out.append(f"<mark>{html.escape(article[start:end])}</mark>")
        pos = end
    out.append(html.escape(article[pos:]))
    return "".join(out)


def _brief_spans(article: str, brief: dict[str, Any] | None) -> list[tuple[int, int]]:
    entries = [item for key in ("figures", "claims") for item in (brief or {}).get(key) or []]
    return _spans(entries, len(article))


def _story_spans(article_id: str, text: str, story: dict[str, Any] | None) -> list[tuple[int, int]]:
    """The spans of a story's reports, claims and timeline entries that point into one of its articles."""
    story = story or {}
    entries = [report for figure in story.get("figures") or [] for report in figure.get("reports") or []]
    entries += [*(story.get("claims") or []), *(story.get("timeline") or [])]
    return _spans([e for e in entries if isinstance(e, dict) and e.get("article") == article_id], len(text))


def _grid(scores: dict[str, Any], table_id: str = "") -> str:
    """Fields as rows, precision / recall / F1 / other values as columns."""
    ident = f" id='{table_id}'" if table_id else ""
    rows = [
        f"<table{ident}><tr><th>field</th><th>precision</th><th>recall</th><th>f1</th><th>other</th></tr>"
    ]
    for name, value in scores.items():
        if isinstance(value, dict):
            other = ", ".join(
                f"{k} {_fmt(v)}" for k, v in value.items() if k not in ("precision", "recall", "f1")
            )
            cells = [_fmt(value.get(k)) if k in value else "" for k in ("precision", "recall", "f1")]
        else:
            other, cells = _fmt(value), ["", "", ""]
        rows.append(
            f"<tr><td>{html.escape(name)}</td>"
            + "".join(f"<td>{c}</td>" for c in cells)
            + f"<td>{other}</td></tr>"
        )
    rows.append("</table>")
    return "".join(rows)


def _overview(cases: list[CaseResult]) -> Iterator[str]:
    yield (
        "<table id='cases'><tr><th>case</th>"
        + "".join(f"<th>{m}</th>" for m in _OVERVIEW)
        + "<th>error</th></tr>"
    )
    for case in cases:
        flat = flat_scores(case.scores)
        cells = "".join(f"<td>{_fmt(flat.get(m))}</td>" for m in _OVERVIEW)
        error = f"<td class='err'>{html.escape(case.error)}</td>" if case.error else "<td></td>"
        yield f"<tr><td><a href='#case-{html.escape(case.id)}'>{html.escape(case.id)}</a></td>{cells}{error}</tr>"
    yield "</table>"


def _list(entries: list[str], cls: str) -> str:
    return "".join(f'<li class="{cls}">{html.escape(i)}</li>' for i in entries)


def _articles_html(case: CaseResult) -> str:
    e = html.escape
    if not case.story:
        return f"<div class='article'>{_highlight(case.article or '', _brief_spans(case.article or '', case.brief))}</div>"
    parts = []
    for item in case.articles or []:
        text = str(item.get("text") or "")
        about = " · ".join(str(item[k]) for k in ("publisher", "date") if item.get(k))
        parts.append(
            f"<h4>{e(str(item.get('id')))}: {e(str(item.get('title') or ''))} <small>{e(about)}</small></h4>"
            f"<div class='article'>{_highlight(text, _story_spans(str(item.get('id')), text, case.brief))}</div>"
        )
    return "".join(parts)


def _case_html(case: CaseResult) -> Iterator[str]:
    e = html.escape
    yield f"<h2 id='case-{e(case.id)}'>{e(case.id)}{' (story)' if case.story else ''}</h2>"
    if case.error:
        yield f"<p class='err'>error: {e(case.error)}</p>"
    yield _grid(case.scores)
    brief_text = "" if case.brief is None else _brief_text(case.brief)
    yield "<div class='cols'>"
    yield f"<div><h3>{'articles' if case.story else 'article'}</h3>{_articles_html(case)}</div>"
    yield f"<div><h3>brief</h3><pre>{e(brief_text) or '(none)'}</pre></div>"
    yield f"<div><h3>reference</h3><pre>{e(_brief_text(case.reference))}</pre></div>"
    yield "</div>"
    for name, detail in case.details.items():
        if detail.get("hits") or detail.get("misses") or detail.get("extras"):
            yield (
                f"<h4>{e(name)}: {e(detail.get('reason', ''))}</h4><ul>"
                + _list(detail.get("hits", []), "hit")
                + _list(detail.get("misses", []), "miss")
                + _list(detail.get("extras", []), "extra")
                + "</ul>"
            )


def render_html(run: EvalRun) -> str:
    e = html.escape
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>eval {e(run.run_id)}</title><style>{_CSS}</style></head><body>",
        f"<h1>Eval run {e(run.run_id)}</h1>",
        f"<p>suite <code>{e(run.suite)}</code> · model <b>{e(run.model)}</b> · prompt {e(run.prompt)} · "
        f"{run.cases} cases · {run.errors} errors · {run.cost.get('seconds', 0):.1f}s</p>",
        _grid(run.scores, "scores"),
        "<h2>cases</h2>",
        *_overview(run.per_case),
    ]
    for case in run.per_case:
        parts.extend(_case_html(case))
    parts.append("</body></html>")
    return "\n".join(parts)


def _figure_line(f: dict[str, Any]) -> str:
    if "reports" in f or "values" in f:  # a story's figure, or a story reference's
        latest = f.get("latest")
        latest = latest.get("value") if isinstance(latest, dict) else latest
        values = f.get("values") or [r.get("value") for r in f.get("reports") or [] if isinstance(r, dict)]
        return f"figure: {f.get('counts')} ({f.get('kind')}) latest {latest}; values {values}"
    return (
        f"figure: {f.get('text', f.get('value'))} = {f.get('value')} {f.get('counts')} "
        f"[{f.get('source') or 'article'}]"
    )


def _brief_text(data: dict[str, Any]) -> str:
    lines = [f"{key}: {data[key]}" for key in ("headline", "what") if data.get(key)]
    for key in ("who", "where"):
        if data.get(key):
            lines.append(
                f"{key}: "
                + "; ".join(str(i.get("name")) + (" (main)" if i.get("main") else "") for i in data[key])
            )
    if data.get("when"):
        lines.append(
            "when: " + "; ".join(f"{i.get('text', '')} {i.get('date')}".strip() for i in data["when"])
        )
    lines += [_figure_line(f) for f in data.get("figures") or [] if isinstance(f, dict)]
    lines += [f"claim: {c.get('source')}: {c.get('statement')}" for c in data.get("claims") or []]
    lines += [f"conflict: {c.get('topic')}" for c in data.get("conflicts") or [] if isinstance(c, dict)]
    lines += [
        f"dispute: {d.get('topic')} ({', '.join(d.get('sources') or [])})" for d in data.get("disputes") or []
    ]
    return "\n".join(lines)
