"""Briefs for people: a rich terminal view and Markdown. JSON is `Brief.to_json_dict()`."""

from __future__ import annotations

from typing import Any

from summarizer.contract import Brief, Figure

__all__ = ["render_markdown", "render_pretty"]


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def _figure_value(fig: Figure) -> str:
    unit = f" {fig.unit}" if fig.unit else ""
    if fig.approx == "range":
        return f"{_number(fig.value)}–{_number(fig.upper)}{unit}"
    marks = {"more_than": "> ", "at_least": "≥ ", "at_most": "≤ ", "fewer_than": "< ", "approximate": "≈ "}
    return f"{marks.get(fig.approx, '')}{_number(fig.value)}{unit}"


def render_markdown(brief: Brief) -> str:
    lines = [f"# {brief.headline}", "", brief.what, ""]
    if brief.who:
        lines += ["## Who", ""]
        for p in brief.who:
            role = f", {p.role}" if p.role else ""
            aka = f" (also: {', '.join(p.aliases)})" if p.aliases else ""
            lines.append(f"- **{p.name}** ({p.kind}{role}){aka}")
        lines.append("")
    if brief.where:
        lines += (
            ["## Where", ""]
            + [f"- {p.name} ({p.kind}{', in ' + p.within if p.within else ''})" for p in brief.where]
            + [""]
        )
    if brief.when:
        lines += ["## When", ""] + [f"- {w.text}: {w.date or 'date unknown'}" for w in brief.when] + [""]
    if brief.figures:
        lines += [
            "## Figures",
            "",
            "| figure | value | counts | source | evidence |",
            "|---|---|---|---|---|",
        ]
        for f in brief.figures:
            evidence = f.evidence.replace("|", "\\|")
            lines.append(
                f"| {f.text} | {_figure_value(f)} | {f.counts} | {f.source or '(article)'} | "
                f"{evidence} [{f.span[0]}:{f.span[1]}] |"
            )
        lines.append("")
    if brief.claims:
        lines += ["## Claims", ""]
        for c in brief.claims:
            quote = f' — "{c.quote}"' if c.quote else ""
            lines.append(
                f"- **{c.source}** ({c.cue or 'says'}): {c.statement}{quote} [{c.span[0]}:{c.span[1]}]"
            )
        lines.append("")
    if brief.disputes:
        lines += (
            ["## Disputes", ""] + [f"- {d.topic}: {' vs '.join(d.sources)}" for d in brief.disputes] + [""]
        )
    if brief.warnings:
        lines += ["## Warnings", ""] + [f"- {w}" for w in brief.warnings] + [""]
    m = brief.meta
    lines.append(
        f"_{m.model} · prompt {m.prompt} · {m.input_tokens or 0} in / {m.output_tokens or 0} out tokens · "
        f"{m.attempts} calls · {m.seconds:.1f}s{' · cached' if m.cached else ''}_"
    )
    return "\n".join(lines) + "\n"


def render_pretty(brief: Brief, console: Any) -> None:
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table

    console.print(Panel(f"[bold]{escape(brief.headline)}[/bold]\n\n{escape(brief.what)}", expand=True))
    if brief.who:
        who = ", ".join(f"{p.name}" + (f" ({p.role})" if p.role else "") for p in brief.who)
        console.print(f"[bold]Who[/bold]   {escape(who)}")
    if brief.where:
        console.print(f"[bold]Where[/bold] {escape(', '.join(p.name for p in brief.where))}")
    if brief.when:
        when = ", ".join(f"{w.text} ({w.date})" if w.date else w.text for w in brief.when)
        console.print(f"[bold]When[/bold]  {escape(when)}")
    if brief.figures:
        table = Table(title="Figures", show_lines=False, expand=True)
        for column in ("as written", "value", "counts", "source", "evidence"):
            table.add_column(column, overflow="fold", ratio=3 if column == "evidence" else 1)
        for f in brief.figures:
            table.add_row(
                escape(f.text),
                escape(_figure_value(f)),
                escape(f.counts),
                escape(f.source or "(article)"),
                escape(f.evidence),
            )
        console.print(table)
    if brief.claims:
        table = Table(title="Claims", expand=True)
        for column in ("source", "statement", "quote"):
            table.add_column(column, overflow="fold")
        for c in brief.claims:
            table.add_row(escape(c.source), escape(c.statement), escape(c.quote or ""))
        console.print(table)
    for d in brief.disputes:
        console.print(
            f"[bold yellow]Disputed[/bold yellow] {escape(d.topic)}: {escape(' vs '.join(d.sources))}"
        )
    for w in brief.warnings:
        console.print(f"[dim]warning: {escape(w)}[/dim]")
    m = brief.meta
    console.print(
        f"[dim]{escape(m.model)} · {m.prompt} · {m.input_tokens or 0} in / {m.output_tokens or 0} out tokens · "
        f"{m.attempts} calls · {m.seconds:.1f}s{' · cached' if m.cached else ''}[/dim]"
    )
