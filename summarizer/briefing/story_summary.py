"""A story's headline and `what`: one small model call on the merged facts, never on the articles.

The facts are written out as plain lines (who, where, when, every figure with its latest value and its reports,
the main statements, each article's own headline) and fenced like an article, since they quote the articles.
The answer is checked by `llm/story_answers.py`: a number that is no report's value is re-asked, then cut. What
the model cannot give (an error, an emptied headline) is filled by code from the briefs, with a warning.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

from summarizer.briefing.story_digest import Digest
from summarizer.contract import StoryFigure, StoryPerson, StoryPlace, StoryWhen, Value
from summarizer.errors import SummarizerError
from summarizer.llm.answers import short_headline
from summarizer.llm.call import Caller, Usage
from summarizer.llm.prompts import Fence
from summarizer.llm.story_answers import StoryOut, drop_stray_numbers, stray_numbers

__all__ = ["StoryFacts", "Summary", "allowed_values", "facts_text", "summarize_facts"]

MAX_TOKENS = 240
_LIMITS = {"headlines": 30, "who": 12, "where": 8, "when": 10, "figures": 12, "reports": 8}
_MARKS = {
    "more_than": "more than ",
    "at_least": "at least ",
    "at_most": "at most ",
    "fewer_than": "fewer than ",
}


@dataclass(frozen=True)
class StoryFacts:
    digests: Sequence[Digest]
    who: Sequence[StoryPerson]
    where: Sequence[StoryPlace]
    when: Sequence[StoryWhen]
    figures: Sequence[StoryFigure]


@dataclass
class Summary:
    headline: str
    what: str
    warnings: list[str] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else str(value)


def _value(v: Value) -> str:
    if v.approx == "range":
        return f"{_number(v.value)}-{_number(v.upper)}"
    if v.approx == "approximate":
        return f"about {_number(v.value)}"
    return f"{_MARKS.get(v.approx, '')}{_number(v.value)}"


def allowed_values(figures: Sequence[StoryFigure]) -> list[float]:
    """Every value and range end any article reports: the only numbers the story's summary may state."""
    values = {v for f in figures for r in f.reports for v in (r.value, r.upper) if v is not None}
    return sorted(values)


def _figure_line(figure: StoryFigure, dates: dict[str, str | None]) -> str:
    reports = []
    for r in figure.reports[: _LIMITS["reports"]]:
        unit = f" {r.unit}" if r.unit else ""
        said = f"{r.source}, " if r.source else ""
        reports.append(f"{_value(r)}{unit} ({said}{dates.get(r.article) or 'undated'})")
    latest = f"latest {_value(figure.latest)}; " if figure.latest else ""
    conflict = "; the reports conflict" if figure.conflict else ""
    return f"- {figure.counts} ({figure.kind}): {latest}reported: {'; '.join(reports)}{conflict}"


def facts_text(facts: StoryFacts) -> str:
    """The merged facts as the model reads them (deterministic: the cache key depends on it)."""
    dates = {d.id: d.date for d in facts.digests}
    known = sorted({d.date for d in facts.digests if d.date})
    span = f", dated {known[0]} to {known[-1]}" if known else ""
    outlets = sorted({d.article.publisher for d in facts.digests if d.article.publisher})
    lines = [
        f"Articles: {len(facts.digests)}{span}" + (f"; outlets: {', '.join(outlets)}" if outlets else "")
    ]
    lines += ["Each article's own headline:"]
    lines += [f"- ({d.date or 'undated'}) {d.brief.headline}" for d in facts.digests[: _LIMITS["headlines"]]]
    if facts.who:
        lines += ["Who (main actors first):"]
        for p in facts.who[: _LIMITS["who"]]:
            role = f", {p.role}" if p.role else ""
            lines.append(
                f"- {p.name} ({p.kind}{role}; in {len(p.articles)} of {len(facts.digests)} articles)"
            )
    if facts.where:
        lines.append("Where: " + "; ".join(f"{p.name} ({p.kind})" for p in facts.where[: _LIMITS["where"]]))
    dated = [w for w in facts.when if w.date][: _LIMITS["when"]]
    if dated:
        lines.append("When: " + "; ".join(f"{w.text} = {w.date}" for w in dated))
    if facts.figures:
        lines += ["Figures (what is counted, latest value, every report with its source and date):"]
        lines += [_figure_line(f, dates) for f in facts.figures[: _LIMITS["figures"]]]
    return "\n".join(lines)


def _fallback_headline(what: str, digests: Sequence[Digest], allowed: Sequence[float]) -> str:
    """The summary's first sentence cut to 15 words, else the latest article's own headline."""
    first = what.split(". ")[0].rstrip(".")
    if first:
        return short_headline(first)
    latest = sorted(digests, key=lambda d: (d.date or "", d.id), reverse=True)
    for d in latest:
        if d.brief.headline.strip() and not stray_numbers(d.brief.headline, allowed):
            return d.brief.headline.strip()
    return f"Reports from {len(digests)} articles"


def _fallback_what(digests: Sequence[Digest], allowed: Sequence[float]) -> str:
    latest = sorted(digests, key=lambda d: (d.date or "", d.id), reverse=True)
    for d in latest:
        if d.brief.what.strip() and not stray_numbers(d.brief.what, allowed):
            return d.brief.what.strip()
    return ""


def summarize_facts(caller: Caller | None, facts: StoryFacts, story_sha256: str) -> Summary:
    """Headline and `what` from the model, checked; code fills what the model could not give (all of it
    when there is no `caller`)."""
    allowed = allowed_values(facts.figures)
    summary = Summary(headline="", what="")
    if caller is not None:
        _ask(caller, facts, story_sha256, allowed, summary)
    if not summary.what:
        summary.what = _fallback_what(facts.digests, allowed)
    if not summary.headline:
        summary.headline = _fallback_headline(summary.what, facts.digests, allowed)
    return summary


def _ask(
    caller: Caller, facts: StoryFacts, story_sha256: str, allowed: list[float], summary: Summary
) -> None:
    text = facts_text(facts)
    fence = Fence.new(text)
    known = sorted(d.date for d in facts.digests if d.date)
    messages = caller.prompt.messages("story", fence=fence, article=text, date=known[-1] if known else None)
    try:
        outcome = caller.call(
            "story",
            messages,
            StoryOut,
            {"article": text, "values": allowed},
            fence=fence,
            max_tokens=MAX_TOKENS,
            article_sha256=story_sha256,
            drop=functools.partial(drop_stray_numbers, allowed=allowed),
        )
    except SummarizerError as exc:
        summary.warnings.append(f"story summary: the model gave none ({exc}); taken from the latest brief")
    else:
        summary.headline = outcome.value.headline.strip()
        summary.what = outcome.value.what.strip()
        summary.warnings += outcome.warnings
        summary.usage = outcome.usage
