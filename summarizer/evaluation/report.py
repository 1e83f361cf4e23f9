"""Reports of eval runs: a terminal table, a static HTML page, and the comparison of two runs.

The HTML report is one self-contained file (no scripts, no external assets) so it can be archived with the run
and opened anywhere. Article and model text is untrusted: every string is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from summarizer.evaluation.runner import CaseResult, EvalRun

__all__ = ["Delta", "compare_runs", "flat_scores", "render_compare", "render_html", "render_table"]


def flat_scores(scores: dict[str, Any]) -> dict[str, float | None]:
    """`{"figures": {"f1": .5}}` -> `{"figures.f1": .5}`; plain numbers keep their field name."""
    flat: dict[str, float | None] = {}
    for name, value in scores.items():
        if isinstance(value, dict):
            for key, inner in value.items():
                flat[f"{name}.{key}"] = inner
        else:
            flat[name] = value
    return flat


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _case_total(case: CaseResult) -> float:
    values = [v for v in flat_scores(case.scores).values() if v is not None]
    return sum(values) / len(values) if values else 0.0


def render_table(run: EvalRun, console: Any, worst: int = 5) -> None:
    from rich.table import Table

    table = Table(title=f"{run.model} · {run.prompt} · {run.cases} cases, {run.errors} errors")
    for column in ("field", "precision", "recall", "f1", "other"):
        table.add_column(column, justify="right" if column != "field" else "left")
    for name, value in run.scores.items():
        if isinstance(value, dict):
            others = {k: v for k, v in value.items() if k not in ("precision", "recall", "f1")}
            table.add_row(
                name,
                _fmt(value.get("precision")),
                _fmt(value.get("recall")),
                _fmt(value.get("f1")),
                ", ".join(f"{k} {_fmt(v)}" for k, v in others.items()),
            )
        else:
            table.add_row(name, "", "", "", _fmt(value))
    console.print(table)
    cost = run.cost
    console.print(
        f"cost: {cost.get('input_tokens', 0):,} input + {cost.get('output_tokens', 0):,} output tokens, "
        f"{cost.get('seconds', 0):.1f}s, {cost.get('model_calls', 0)} model calls, "
        f"{cost.get('cached_cases', 0)} cases from cache"
    )
    ranked = sorted(run.per_case, key=lambda c: (c.error is None, _case_total(c)))[:worst]
    if ranked:
        low = Table(title="worst cases")
        low.add_column("case")
        low.add_column("mean score", justify="right")
        low.add_column("error or weakest field")
        for case in ranked:
            flat = {k: v for k, v in flat_scores(case.scores).items() if v is not None}
            weakest = min(flat, key=lambda k: flat[k]) if flat else ""
            low.add_row(
                case.id, _fmt(_case_total(case)), case.error or f"{weakest} {_fmt(flat.get(weakest))}"
            )
        console.print(low)


@dataclass(frozen=True)
class Delta:
    metric: str
    a: float | None
    b: float | None

    @property
    def change(self) -> float | None:
        return None if self.a is None or self.b is None else self.b - self.a


def compare_runs(a: EvalRun, b: EvalRun) -> tuple[list[Delta], list[tuple[str, float, list[Delta]]]]:
    """Per-metric deltas of the whole run, and the cases ranked by how much their scores moved."""
    fa, fb = flat_scores(a.scores), flat_scores(b.scores)
    metrics = list(dict.fromkeys([*fa, *fb]))
    overall = [Delta(m, fa.get(m), fb.get(m)) for m in metrics]
    cases_b = {c.id: c for c in b.per_case}
    moved: list[tuple[str, float, list[Delta]]] = []
    for case in a.per_case:
        other = cases_b.get(case.id)
        if other is None:
            continue
        ca, cb = flat_scores(case.scores), flat_scores(other.scores)
        deltas = [Delta(m, ca.get(m), cb.get(m)) for m in dict.fromkeys([*ca, *cb])]
        changed = [d for d in deltas if d.change not in (None, 0.0) or (d.a is None) != (d.b is None)]
        if changed:
            moved.append((case.id, sum(abs(d.change or 0.0) for d in changed), changed))
    moved.sort(key=lambda item: -item[1])
    return overall, moved


def render_compare(a: EvalRun, b: EvalRun, console: Any, top: int = 10) -> None:
    from rich.table import Table

    overall, moved = compare_runs(a, b)
    table = Table(title=f"A: {a.model} {a.prompt} ({a.run_id})  →  B: {b.model} {b.prompt} ({b.run_id})")
    for column in ("metric", "A", "B", "Δ"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for d in overall:
        change = d.change
        style = "" if not change else ("green" if change > 0 else "red")
        table.add_row(
            d.metric, _fmt(d.a), _fmt(d.b), f"[{style}]{change:+.3f}[/{style}]" if style else _fmt(change)
        )
    console.print(table)
    if moved:
        cases = Table(title="cases that moved most")
        cases.add_column("case")
        cases.add_column("total |Δ|", justify="right")
        cases.add_column("changes")
        for case_id, total, changes in moved[:top]:
            text = ", ".join(f"{d.metric} {_fmt(d.a)}→{_fmt(d.b)}" for d in changes[:6])
            cases.add_row(case_id, f"{total:.3f}", text)
        console.print(cases)


# -- HTML ------------------------------------------------------------------------------------------------

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222}
h1{font-size:20px}h2{font-size:17px;margin-top:28px;border-top:1px solid #ccc;padding-top:12px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}
td:first-child,th:first-child{text-align:left}.cols{display:grid;grid-template-columns:1fr 1fr 1fr;gap:16px}
.article{white-space:pre-wrap;background:#fafafa;padding:8px;border:1px solid #eee;max-height:480px;overflow:auto}
mark{background:#ffe58a}.hit{color:#176b2c}.miss{color:#a0201c}.extra{color:#8a5a00}.err{color:#a0201c;font-weight:bold}
pre{white-space:pre-wrap;font-size:12px;background:#f6f6f6;padding:6px}
"""


def _highlight(article: str, brief: dict[str, Any] | None) -> str:
    spans: list[tuple[int, int]] = []
    for key in ("figures", "claims"):
        for item in (brief or {}).get(key) or []:
            span = item.get("span")
            if isinstance(span, list | tuple) and len(span) == 2 and 0 <= span[0] <= span[1] <= len(article):
                spans.append((int(span[0]), int(span[1])))
    spans.sort()
    out: list[str] = []
    pos = 0
    for start, end in spans:
        if start < pos:
            start = pos
        if end <= start:
            continue
        out.append(html.escape(article[pos:start]))
        out.append(f"<mark>{html.escape(article[start:end])}</mark>")
        pos = end
    out.append(html.escape(article[pos:]))
    return "".join(out)


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


def _list(items: list[str], cls: str) -> str:
    return "".join(f'<li class="{cls}">{html.escape(i)}</li>' for i in items)


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
        parts.append(f"<h2 id='case-{e(case.id)}'>{e(case.id)}</h2>")
        if case.error:
            parts.append(f"<p class='err'>error: {e(case.error)}</p>")
        parts.append(_grid(case.scores))
        brief_json = "" if case.brief is None else _brief_text(case.brief)
        ref_json = _brief_text(case.reference)
        parts.append("<div class='cols'>")
        parts.append(
            f"<div><h3>article</h3><div class='article'>{_highlight(case.article or '', case.brief)}</div></div>"
        )
        parts.append(f"<div><h3>brief</h3><pre>{e(brief_json) or '(none)'}</pre></div>")
        parts.append(f"<div><h3>reference</h3><pre>{e(ref_json)}</pre></div>")
        parts.append("</div>")
        for name, detail in case.details.items():
            if not (detail.get("hits") or detail.get("misses") or detail.get("extras")):
                continue
            parts.append(
                f"<h4>{e(name)}: {e(detail.get('reason', ''))}</h4><ul>"
                + _list(detail.get("hits", []), "hit")
                + _list(detail.get("misses", []), "miss")
                + _list(detail.get("extras", []), "extra")
                + "</ul>"
            )
    parts.append("</body></html>")
    return "\n".join(parts)


def _brief_text(data: dict[str, Any]) -> str:
    lines = []
    for key in ("headline", "what"):
        if data.get(key):
            lines.append(f"{key}: {data[key]}")
    for key in ("who", "where"):
        if data.get(key):
            lines.append(f"{key}: " + "; ".join(str(i.get("name")) for i in data[key]))
    if data.get("when"):
        lines.append(
            "when: " + "; ".join(f"{i.get('text', '')} {i.get('date')}".strip() for i in data["when"])
        )
    for f in data.get("figures") or []:
        lines.append(
            f"figure: {f.get('text', f.get('value'))} = {f.get('value')} {f.get('counts')} "
            f"[{f.get('source') or 'article'}]"
        )
    for c in data.get("claims") or []:
        lines.append(f"claim: {c.get('source')}: {c.get('statement')}")
    return "\n".join(lines)
