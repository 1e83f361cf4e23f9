"""Story briefs for people: Markdown and a rich terminal view. JSON is `StoryBrief.to_json_dict()`.

Each figure shows its reports as a small table by date (article, outlet, value, source, evidence), so a reader
sees who reported what, when, and where the reports conflict.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from summarizer.cli.render import (
    claim_text,
    dispute_text,
    meta_text,
    person_text,
    place_text,
    rich_table,
    section,
    table_head,
    value_text,
    when_text,
)
from summarizer.contract import StoryArticle, StoryBrief, StoryFigure

__all__ = ["render_story_markdown", "render_story_pretty"]


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
        lines += table_head(("date", "article", "outlet", "value", "as written", "source", "evidence"))
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
    who = [f"- {person_text(p)}{' — main actor' if p.main else ''} — {_ids(p.articles)}" for p in story.who]
    where = [f"- {place_text(p)} — {_ids(p.articles)}" for p in story.where]
    when = [f"- {when_text(w)} — {_ids(w.articles)}" for w in story.when]
    return section("Who", who) + section("Where", where) + section("When", when)


def _markdown_rest(story: StoryBrief) -> list[str]:
    claims = [f"- {claim_text(c)} — {c.article} [{c.span[0]}:{c.span[1]}]" for c in story.claims]
    disputes = [
        f"- {dispute_text(d)}{f' (claims {_ids(str(i) for i in d.claims)})' if d.claims else ''}"
        for d in story.disputes
    ]
    timeline = [
        f"| {t.date or '?'} | {_cell(t.text)} | {_cell(t.article)} | {_cell(t.evidence)} |"
        for t in story.timeline
    ]
    return (
        section("Claims", claims)
        + section("Disputes", disputes)
        + section("Timeline", timeline, ("date", "when", "article", "evidence"))
        + section("Warnings", [f"- {w}" for w in story.warnings])
    )


def _ids(ids: Iterable[str]) -> str:
    return ", ".join(ids)


def render_story_markdown(story: StoryBrief) -> str:
    lines = [f"# {story.headline}", "", story.what, "", "## Articles", ""]
    lines += table_head(("id", "date", "outlet", "title"))
    for a in story.articles:
        lines.append(
            f"| {_cell(a.id)} | {a.date or '?'} | {_cell(a.publisher or '')} | {_cell(a.title or '')} |"
        )
    lines.append("")
    lines += _markdown_people(story)
    if story.figures:
        lines += _markdown_figures(story)
    lines += _markdown_rest(story)
    lines.append(f"_{meta_text(story.meta, len(story.articles))}_")
    return "\n".join(lines) + "\n"


def _pretty_figures(story: StoryBrief, console: Any) -> None:
    from rich.markup import escape

    articles = _articles_by_id(story)
    columns = ("date", "article", "outlet", "value", "source", "evidence")
    for f in story.figures:
        style = "bold red" if f.conflict else "bold"
        title = f"[{style}]{escape(_figure_title(f))}[/{style}]"
        rows = []
        for r in f.reports:
            a = articles.get(r.article)
            rows.append(
                (
                    (a.date if a else None) or "?",
                    r.article,
                    (a.publisher if a else None) or "",
                    value_text(r, r.unit),
                    r.source or "(the article)",
                    r.evidence,
                )
            )
        console.print(rich_table(title, columns, rows, wide=4, title_justify="left"))


def render_story_pretty(story: StoryBrief, console: Any) -> None:
    from rich.markup import escape
    from rich.panel import Panel

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
        rows = [(c.article, c.source, c.statement) for c in story.claims]
        console.print(rich_table("Claims", ("article", "source", "statement"), rows))
    for d in story.disputes:
        console.print(
            f"[bold yellow]Disputed[/bold yellow] {escape(d.topic)}: {escape(' vs '.join(d.sources))}"
        )
    if story.timeline:
        entries = [(t.date or "?", t.text, t.article, t.evidence) for t in story.timeline]
        console.print(rich_table("Timeline", ("date", "when", "article", "evidence"), entries, wide=4))
    for w in story.warnings:
        console.print(f"[dim]warning: {escape(w)}[/dim]")
    console.print(f"[dim]{escape(meta_text(story.meta, len(story.articles)))}[/dim]")
