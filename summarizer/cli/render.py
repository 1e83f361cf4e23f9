"""Briefs for people: a rich terminal view and Markdown. JSON is `Brief.to_json_dict()`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from summarizer.contract import Brief, Claim, Dispute, Figure, Meta, Person, Place, Value, When

__all__ = [
    "claim_text",
    "dispute_text",
    "meta_text",
    "person_text",
    "place_text",
    "render_markdown",
    "render_pretty",
    "rich_table",
    "section",
    "table_head",
    "value_text",
    "when_text",
]

_MARKS = {"more_than": "> ", "at_least": "≥ ", "at_most": "≤ ", "fewer_than": "< ", "approximate": "≈ "}


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def value_text(v: Figure | Value, unit: str | None = None) -> str:
    """A value with its qualifier and unit: "> 60", "≈ 140,000", "50–60 km"."""
    tail = f" {unit}" if unit else ""
    if v.approx == "range":
        return f"{_number(v.value)}–{_number(v.upper)}{tail}"
    return f"{_MARKS.get(v.approx, '')}{_number(v.value)}{tail}"


def section(title: str, lines: Sequence[str], columns: Sequence[str] = ()) -> list[str]:
    """A Markdown section: its heading, a table head when `columns` are given, its lines and a blank line;
    nothing at all when it has no lines."""
    if not lines:
        return []
    return [f"## {title}", "", *table_head(columns), *lines, ""]


def table_head(columns: Sequence[str]) -> list[str]:
    """A Markdown table's header row and rule (no lines when there are no columns)."""
    return [f"| {' | '.join(columns)} |", "|" + "---|" * len(columns)] if columns else []


def person_text(p: Person) -> str:
    """A person in Markdown: "**name** (kind, role) (also: aliases)"."""
    role = f", {p.role}" if p.role else ""
    aka = f" (also: {', '.join(p.aliases)})" if p.aliases else ""
    return f"**{p.name}** ({p.kind}{role}){aka}"


def place_text(p: Place) -> str:
    return f"{p.name} ({p.kind}{', in ' + p.within if p.within else ''})"


def when_text(w: When) -> str:
    return f"{w.text}: {w.date or 'date unknown'}"


def dispute_text(d: Dispute) -> str:
    return f"{d.topic}: {' vs '.join(d.sources)}"


def claim_text(c: Claim) -> str:
    """A claim in Markdown: **source** (cue): statement — "quote" (the cue is "says" where none was found)."""
    quote = f' — "{c.quote}"' if c.quote else ""
    return f"**{c.source}** ({c.cue or 'says'}): {c.statement}{quote}"


def meta_text(m: Meta, articles: int | None = None) -> str:
    """How a brief was made: model, prompt, (articles,) tokens, calls, seconds, and whether it was cached."""
    count = f" · {articles} articles" if articles is not None else ""
    return (
        f"{m.model} · prompt {m.prompt}{count} · {m.input_tokens or 0} in / {m.output_tokens or 0} out tokens · "
        f"{m.attempts} calls · {m.seconds:.1f}s{' · cached' if m.cached else ''}"
    )


def rich_table(
    title: str, columns: Sequence[str], rows: Iterable[Sequence[str]], wide: int | None = None, **options: Any
) -> Any:
    """A rich table that folds long cells, every cell escaped (article text is not markup); with `wide`, an
    `evidence` column gets `wide` times the room of each other column."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=title, expand=True, **options)
    for column in columns:
        ratio = (wide if column == "evidence" else 1) if wide else None
        table.add_column(column, overflow="fold", ratio=ratio)
    for row in rows:
        table.add_row(*(escape(cell) for cell in row))
    return table


def render_markdown(brief: Brief) -> str:
    lines = [f"# {brief.headline}", "", brief.what, ""]
    lines += section("Who", [f"- {person_text(p)}" for p in brief.who])
    lines += section("Where", [f"- {place_text(p)}" for p in brief.where])
    lines += section("When", [f"- {when_text(w)}" for w in brief.when])
    figures = [_figure_row(f) for f in brief.figures]
    lines += section("Figures", figures, ("figure", "value", "counts", "source", "evidence"))
    lines += section("Claims", [f"- {claim_text(c)} [{c.span[0]}:{c.span[1]}]" for c in brief.claims])
    lines += section("Disputes", [f"- {dispute_text(d)}" for d in brief.disputes])
    lines += section("Warnings", [f"- {w}" for w in brief.warnings])
    lines.append(f"_{meta_text(brief.meta)}_")
    return "\n".join(lines) + "\n"


def _figure_row(f: Figure) -> str:
    evidence = f.evidence.replace("|", "\\|")
    return (
        f"| {f.text} | {value_text(f, f.unit)} | {f.counts} | {f.source or '(article)'} | "
        f"{evidence} [{f.span[0]}:{f.span[1]}] |"
    )


def render_pretty(brief: Brief, console: Any) -> None:
    from rich.markup import escape
    from rich.panel import Panel

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
        rows = [
            (f.text, value_text(f, f.unit), f.counts, f.source or "(article)", f.evidence)
            for f in brief.figures
        ]
        console.print(
            rich_table("Figures", ("as written", "value", "counts", "source", "evidence"), rows, wide=3)
        )
    if brief.claims:
        claims = [(c.source, c.statement, c.quote or "") for c in brief.claims]
        console.print(rich_table("Claims", ("source", "statement", "quote"), claims))
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
