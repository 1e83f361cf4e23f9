"""`eval draft`: a reference skeleton made from a brief, for a person to correct, never to accept as it is.

A reference written from scratch takes an hour; one corrected from a draft takes minutes, but only if the person
knows it is a draft and checks every line. So the file says so at the top (``_comment`` and ``"draft": true``),
and `eval check` refuses a reference that still carries either. Its shape is that of `evals/references/*.json`
(CONTRACT §2 plus the optional fields evals/GUIDELINES.md describes).
"""

from __future__ import annotations

from typing import Any

from summarizer.contract import Brief

__all__ = ["DRAFT_COMMENT", "draft_reference"]

DRAFT_COMMENT = (
    "DRAFT made by a model from its own brief: wrong and missing items are likely. Read the article, correct every "
    "field by evals/GUIDELINES.md, then delete this _comment and the draft flag (eval check refuses drafts)."
)


def draft_reference(brief: Brief, case_id: str) -> dict[str, Any]:
    """The reference file for ``case_id`` that ``brief`` suggests, flagged as a draft."""
    return {
        "_comment": DRAFT_COMMENT,
        "draft": True,
        "id": case_id,
        "what": brief.what,
        "who": [
            {"name": p.name, "aliases": list(p.aliases), **({"main": True} if p.main else {})}
            for p in brief.who
        ],
        "where": [{"name": place.name} for place in brief.where],
        "when": [{"date": w.date, "text": w.text} for w in brief.when if w.date],
        "figures": [
            {
                "text": f.text,
                "value": _number(f.value),
                "upper": _number(f.upper),
                "approx": f.approx,
                "counts": f.counts,
                "kind": f.kind,
                "unit": f.unit,
                "source": f.source,
            }
            for f in brief.figures
            if f.value is not None
        ],
        "claims": [{"source": c.source, "statement": c.statement} for c in brief.claims],
    }


def _number(value: float | None) -> float | int | None:
    if value is not None and float(value).is_integer():
        return int(value)
    return value
