"""The single-call baseline: one grammar-constrained call asks for the whole brief, and nothing checks it.

Kept only to measure the pass pipeline against (prompt `single`). Its items keep the model's own values and
sources; evidence is located in the article when the aligner can find it, else left with span [0, 0], so the
eval's `grounding` score shows how much of it the article does not back.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from summarizer.contract import Claim, Figure, Person, Place, When
from summarizer.llm.answers import Answer
from summarizer.text.alignment import align

__all__ = ["SINGLE_MAX_TOKENS", "SingleOut", "assemble"]

SINGLE_MAX_TOKENS = 1500


class _Who(BaseModel):
    name: str
    kind: Literal["person", "organization", "group", "government", "country", "other"]
    role: str | None = None


class _Where(BaseModel):
    name: str
    kind: Literal["country", "region", "city", "site", "other"]


class _When(BaseModel):
    text: str
    date: str | None = None


class _Figure(BaseModel):
    text: str = Field(description="The number as written in the article.")
    value: float | None = None
    counts: str
    unit: str | None = None
    source: str | None = None
    evidence: str = Field(description="The article sentence that contains the number.")


class _Claim(BaseModel):
    source: str
    statement: str
    quote: str | None = None
    evidence: str


class SingleOut(Answer):
    headline: str
    what: str
    who: list[_Who]
    where: list[_Where]
    when: list[_When]
    figures: list[_Figure]
    claims: list[_Claim]


def _span(evidence: str, article: str) -> tuple[str, tuple[int, int]]:
    found = align(evidence, article)
    if found is None:
        return evidence, (0, 0)
    return article[found.start : found.end], (found.start, found.end)


def assemble(out: SingleOut, article: str) -> dict[str, Any]:
    """The brief's fields from the single answer, unchecked."""
    figures = []
    for f in out.figures:
        evidence, span = _span(f.evidence, article)
        figures.append(
            Figure(
                text=f.text,
                value=f.value,
                counts=f.counts,
                unit=f.unit,
                source=f.source or None,
                evidence=evidence,
                span=span,
            )
        )
    claims = []
    for c in out.claims:
        evidence, span = _span(c.evidence, article)
        claims.append(
            Claim(source=c.source, statement=c.statement, quote=c.quote, evidence=evidence, span=span)
        )
    return {
        "headline": out.headline,
        "what": out.what,
        "who": [Person(name=w.name, kind=w.kind, role=w.role) for w in out.who],
        "where": [Place(name=p.name, kind=p.kind) for p in out.where],
        "when": [When(text=w.text, date=w.date) for w in out.when],
        "figures": figures,
        "claims": claims,
    }
