"""A brief from an article: code reads it, the model writes the headline and `what`, code assembles.

Code finds and labels every name, place, date, number and attribution (briefing/reading.py over the text
layer's spaCy parse). The model is asked one thing language alone settles: a neutral headline and a
one-to-three sentence `what`, written from the story's lead with page furniture and instruction-like passages
left out. Its answer is checked (no number the article lacks, no word that only an injected passage holds),
re-asked, then repaired; the final check drops any item whose evidence is not the article's text at its span.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from summarizer.articles import Article
from summarizer.briefing.grounding import check_brief
from summarizer.briefing.reading import Reading, read_article
from summarizer.contract import Brief, Meta
from summarizer.llm import answers as P
from summarizer.llm.call import Caller, Usage
from summarizer.llm.prompts import Fence

__all__ = ["Briefer"]

SUMMARY_MAX_TOKENS = 130
"""A headline and three sentences fit; a reply that runs on is cut here and salvaged, not grown."""
FALLBACK_WHAT_CHARS = 300
"""When every sentence of the model's `what` failed its checks: this much of the story's own opening instead."""


@dataclass
class Briefer:
    caller: Caller
    fence_secret: bytes | None = None
    """Set by the Batch API path: the same article gets the same fence, so its requests repeat exactly."""

    def brief(self, article: Article) -> Brief:
        started = time.perf_counter()
        fence = Fence.new(article.text, self.fence_secret)
        date = article.date.isoformat() if article.date else None
        if self.caller.prompt.passes == ("single",):
            return self._single(article, fence, date, started)
        reading = read_article(article)
        summary, usage, notes = self._summary(article, reading, fence, date)
        what = P.trim_what(summary.what)
        if not what and reading.lead.strip():
            what = _opening(reading.lead)
            notes.append(
                "summary: no sentence of the model's `what` passed its checks; the story's opening stands in"
            )
        cached = usage.live_calls == 0 and usage.cached_calls > 0
        meta = self._meta(article, usage, started, date, cached=cached)
        brief = reading.brief(summary.headline.strip(), what, meta, notes)
        return _enforce(brief, article.text)

    def _summary(
        self, article: Article, reading: Reading, fence: Fence, date: str | None
    ) -> tuple[P.SummaryOut, Usage, list[str]]:
        """The one model call: headline and `what` from the lead (what fits any context window)."""
        messages = self.caller.prompt.messages("summary", fence=fence, article=reading.lead, date=date)
        outcome = self.caller.call(
            "summary",
            messages,
            P.SummaryOut,
            {"article": article.text, "injections": reading.injections},
            fence=fence,
            max_tokens=SUMMARY_MAX_TOKENS,
            article_sha256=article.sha256,
            drop=P.drop_items,
            salvage=P.salvage_summary,
        )
        return outcome.value, outcome.usage, [f"summary: {w}" for w in outcome.warnings]

    def _single(self, article: Article, fence: Fence, date: str | None, started: float) -> Brief:
        """The unchecked single-call baseline (prompt `single`), for measurement only."""
        from summarizer.briefing.baseline import SINGLE_MAX_TOKENS, SingleOut, assemble

        messages = self.caller.prompt.messages("single", fence=fence, article=article.text, date=date)
        outcome = self.caller.call(
            "single",
            messages,
            SingleOut,
            {},
            fence=fence,
            max_tokens=SINGLE_MAX_TOKENS,
            article_sha256=article.sha256,
            drop=P.drop_items,
            grow=False,
        )
        usage = outcome.usage
        return Brief(
            **assemble(outcome.value, article.text),
            warnings=["unchecked single-call baseline"],
            meta=self._meta(article, usage, started, date, cached=usage.live_calls == 0),
        )

    def _meta(
        self, article: Article, usage: Usage, started: float, date: str | None, *, cached: bool
    ) -> Meta:
        return Meta(
            model=self.caller.backend.label,
            prompt=self.caller.prompt.id,
            article_sha256=article.sha256,
            input_tokens=usage.input_tokens,
            output_tokens=usage.output_tokens,
            attempts=usage.attempts,
            seconds=round(time.perf_counter() - started, 3),
            cached=cached,
            article_date=date,
            endpoint=self.caller.backend.endpoint,
        )


def _opening(lead: str) -> str:
    """The story's first sentence (a leading ISO dateline off), at most `FALLBACK_WHAT_CHARS` long."""
    text = re.sub(r"^\s*(?:date\s+)?\d{4}-\d{2}-\d{2}\s+", "", lead).strip()
    return P.trim_what(re.split(r"(?<=[.!?])\s+", text, maxsplit=1)[0], limit=FALLBACK_WHAT_CHARS)


def _enforce(brief: Brief, text: str) -> Brief:
    """Last line of defence: anything that breaks an invariant leaves the brief, with a warning."""
    if not check_brief(brief, text):
        return brief
    figures = [
        f
        for f in brief.figures
        if not check_brief(brief.model_copy(update={"figures": [f], "claims": []}), text)
    ]
    claims = [
        c
        for c in brief.claims
        if not check_brief(brief.model_copy(update={"figures": [], "claims": [c]}), text)
    ]
    dropped = len(brief.figures) - len(figures) + len(brief.claims) - len(claims)
    return brief.model_copy(
        update={
            "figures": figures,
            "claims": claims,
            "disputes": [] if len(claims) != len(brief.claims) else brief.disputes,
            "warnings": [*brief.warnings, f"dropped {dropped} items whose evidence failed the final check"],
        }
    )
