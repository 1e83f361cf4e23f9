"""Story briefs for people: Markdown and a rich terminal view. JSON is `StoryBrief.to_json_dict()`.

Each figure shows its reports as a small table by date (article, outlet, value, source, evidence), so a reader
sees who reported what, when, and where the reports conflict.
"""

from __future__ import annotations

from typing import Any

from summarizer.contract import StoryArticle, StoryBrief, StoryFigure, StoryReport, Value

__all__ = ["render_story_markdown", "render_story_pretty"]

_MARKS = {"more_than": "> ", "at_least": "≥ ", "at_most": "≤ ", "fewer_than": "< ", "approximate": "≈ "}


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def value_text(v: Value | StoryReport, unit: str | None = None) -> str:
    """A value with its qualifier: "> 60", "≈ 140,000", "50–60 km"."""
    tail = f" {unit}" if unit else ""
    if v.approx == "range":
        return f"{_number(v.value)}–{_number(v.upper)}{tail}"
    return f"{_MARKS.get(v.approx, '')}{_number(v.value)}{tail}"


def _figure_title(f: StoryFigure) -> str:
    latest = f" — latest {value_text(f.latest, f.reports[0].unit if f.reports else None)}" if f.latest else ""
    return f"{f.counts} ({f.kind}){latest}{' — reports conflict' if f.conflict else ''}"


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _articles_by_id(story: StoryBrief) -> dict[str, StoryArticle]:
    return {a.id: a for a in story.articles}


def _markdown_figures(story: StoryBrief) -> list[str]:
    articles = _articles_by_id(story)
    lines = ["## Figures", ""]
    for f in story.figures:
        lines += [f"### {_figure_title(f)}", ""]
        lines += [
            "| date | article | outlet | value | as written | source | evidence |",
            "|---|---|---|---|---|---|---|",
        ]
        for r in f.reports:
            a = articles.get(r.article)
            lines.append(
                f"| {(a.date if a else None) or '?'} | {_cell(r.article)} | {_cell((a.publisher if a else None) or '')} "
                f"| {value_text(r, r.unit)} | {_cell(r.text)} | {_cell(r.source or '(the article)')} "
                f"| {_cell(r.evidence)} [{r.span[0]}:{r.span[1]}] |"
            )
        lines.append("")
    return lines


def _markdown_people(story: StoryBrief) -> list[str]:
    lines: list[str] = []
    if story.who:
        lines += ["## Who", ""]
        for p in story.who:
            role = f", {p.role}" if p.role else ""
            aka = f" (also: {', '.join(p.aliases)})" if p.aliases else ""
            main = " — main actor" if p.main else ""
            lines.append(f"- **{p.name}** ({p.kind}{role}){aka}{main} — {', '.join(p.articles)}")
        lines.append("")
    if story.where:
        lines += ["## Where", ""]
        for place in story.where:
            within = f", in {place.within}" if place.within else ""
            lines.append(f"- {place.name} ({place.kind}{within}) — {', '.join(place.articles)}")
        lines.append("")
    if story.when:
        lines += ["## When", ""]
        lines += [f"- {w.text}: {w.date or 'date unknown'} — {', '.join(w.articles)}" for w in story.when]
        lines.append("")
    return lines


def _markdown_rest(story: StoryBrief) -> list[str]:
    lines: list[str] = []
    if story.claims:
        lines += ["## Claims", ""]
        for c in story.claims:
            quote = f' — "{c.quote}"' if c.quote else ""
            lines.append(
                f"- **{c.source}** ({c.cue or 'says'}): {c.statement}{quote} — {c.article} [{c.span[0]}:{c.span[1]}]"
            )
        lines.append("")
    if story.disputes:
        lines += ["## Disputes", ""]
        for d in story.disputes:
            held = f" (claims {', '.join(str(i) for i in d.claims)})" if d.claims else ""
            lines.append(f"- {d.topic}: {' vs '.join(d.sources)}{held}")
        lines.append("")
    if story.timeline:
        lines += ["## Timeline", "", "| date | when | article | evidence |", "|---|---|---|---|"]
        for t in story.timeline:
            lines.append(f"| {t.date or '?'} | {_cell(t.text)} | {_cell(t.article)} | {_cell(t.evidence)} |")
        lines.append("")
    if story.warnings:
        lines += ["## Warnings", ""] + [f"- {w}" for w in story.warnings] + [""]
    return lines


def _meta_line(story: StoryBrief) -> str:
    m = story.meta
    return (
        f"{m.model} · prompt {m.prompt} · {len(story.articles)} articles · {m.input_tokens or 0} in / "
        f"{m.output_tokens or 0} out tokens · {m.attempts} calls · {m.seconds:.1f}s{' · cached' if m.cached else ''}"
    )


def render_story_markdown(story: StoryBrief) -> str:
    lines = [f"# {story.headline}", "", story.what, "", "## Articles", ""]
    lines += ["| id | date | outlet | title |", "|---|---|---|---|"]
    for a in story.articles:
        lines.append(
            f"| {_cell(a.id)} | {a.date or '?'} | {_cell(a.publisher or '')} | {_cell(a.title or '')} |"
        )
    lines.append("")
    lines += _markdown_people(story)
    if story.figures:
        lines += _markdown_figures(story)
    lines += _markdown_rest(story)
    lines.append(f"_{_meta_line(story)}_")
    return "\n".join(lines) + "\n"


def _pretty_figures(story: StoryBrief, console: Any) -> None:
    from rich.markup import escape
    from rich.table import Table

    articles = _articles_by_id(story)
    for f in story.figures:
        style = "bold red" if f.conflict else "bold"
        table = Table(
            title=f"[{style}]{escape(_figure_title(f))}[/{style}]", expand=True, title_justify="left"
        )
        for column in ("date", "article", "outlet", "value", "source", "evidence"):
            table.add_column(column, overflow="fold", ratio=4 if column == "evidence" else 1)
        for r in f.reports:
            a = articles.get(r.article)
            table.add_row(
                (a.date if a else None) or "?",
                escape(r.article),
                escape((a.publisher if a else None) or ""),
                escape(value_text(r, r.unit)),
                escape(r.source or "(the article)"),
                escape(r.evidence),
            )
        console.print(table)


def render_story_pretty(story: StoryBrief, console: Any) -> None:
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table

    console.print(Panel(f"[bold]{escape(story.headline)}[/bold]\n\n{escape(story.what)}", expand=True))
    outlets = ", ".join(f"{a.id} ({a.publisher or '?'}, {a.date or 'undated'})" for a in story.articles)
    console.print(f"[bold]Articles[/bold] {escape(outlets)}")
    if story.who:
        who = ", ".join(f"{p.name}{' *' if p.main else ''} [{len(p.articles)}]" for p in story.who)
        console.print(f"[bold]Who[/bold]   {escape(who)}")
    if story.where:
        console.print(
            f"[bold]Where[/bold] {escape(', '.join(f'{p.name} [{len(p.articles)}]' for p in story.where))}"
        )
    _pretty_figures(story, console)
    if story.claims:
        table = Table(title="Claims", expand=True)
        for column in ("article", "source", "statement"):
            table.add_column(column, overflow="fold")
        for c in story.claims:
            table.add_row(escape(c.article), escape(c.source), escape(c.statement))
        console.print(table)
    for d in story.disputes:
        console.print(
            f"[bold yellow]Disputed[/bold yellow] {escape(d.topic)}: {escape(' vs '.join(d.sources))}"
        )
    if story.timeline:
        table = Table(title="Timeline", expand=True)
        for column in ("date", "when", "article", "evidence"):
            table.add_column(column, overflow="fold", ratio=4 if column == "evidence" else 1)
        for t in story.timeline:
            table.add_row(t.date or "?", escape(t.text), escape(t.article), escape(t.evidence))
        console.print(table)
    for w in story.warnings:
        console.print(f"[dim]warning: {escape(w)}[/dim]")
    console.print(f"[dim]{escape(_meta_line(story))}[/dim]")
