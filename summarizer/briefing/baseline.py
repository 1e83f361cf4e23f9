"""The single-call baseline: one grammar-constrained call asks for the whole brief, and nothing checks it.

Kept only to measure the pass pipeline against (prompt `single`). Its items keep the model's own values and
sources; evidence is located in the article when the aligner can find it, else left with span [0, 0], so the
eval's `grounding` score shows how much of it the article does not back.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from summarizer.contract import Claim, EntityKind, Figure, Person, Place, PlaceKind, When
from summarizer.llm.answers import Answer
from summarizer.text.alignment import align

__all__ = ["SINGLE_MAX_TOKENS", "SingleOut", "assemble"]

SINGLE_MAX_TOKENS = 1500


class _Who(BaseModel):
    name: str
    kind: EntityKind
    role: str | None = None


class _Where(BaseModel):
    name: str
    kind: PlaceKind


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


def _located(evidence: str, article: str) -> dict[str, Any]:
    """The evidence as the article has it, with its span; the model's own words and [0, 0] where the aligner
    cannot find it."""
    found = align(evidence, article)
    if found is None:
        return {"evidence": evidence, "span": (0, 0)}
    return {"evidence": article[found.start : found.end], "span": (found.start, found.end)}


def assemble(out: SingleOut, article: str) -> dict[str, Any]:
    """The brief's fields from the single answer, unchecked: its items as the model wrote them, evidence
    located in the article."""
    return {
        "headline": out.headline,
        "what": out.what,
        "who": [Person(**w.model_dump()) for w in out.who],
        "where": [Place(**p.model_dump()) for p in out.where],
        "when": [When(**w.model_dump()) for w in out.when],
        "figures": [
            Figure(
                **f.model_dump(exclude={"source", "evidence"}),
                source=f.source or None,
                **_located(f.evidence, article),
            )
            for f in out.figures
        ],
        "claims": [
            Claim(**c.model_dump(exclude={"evidence"}), **_located(c.evidence, article)) for c in out.claims
        ],
    }
