"""Field-by-field scorers that compare a brief with a hand-written reference (CONTRACT §1-§3): the entry point.

Each scorer is built by a small factory and is a plain function ``(brief, reference) -> FieldScore | None``:
``None`` means the reference does not carry the field, so there is nothing to score. Every factory's docstring
states its matching and normalisation policy, because a score means little without the rule that made it.

The package is split by concern: base.py (FieldScore, the ratio rule, one-to-one matching), words.py
(tokenizer, stemmer, word lists), names.py (the name policy and its index), one module per field family
(entities.py: who, where, when; figures.py; claims.py; what.py), validity.py (grounding and contract shape),
and story.py for story briefs. This module puts them together for one case.

Everything is pure Python plus rapidfuzz (no model, no network): under a millisecond a case on one core
(bench/harness.py times 10,000), and the same inputs always give the same numbers. Speed comes from work done
once per reference (indexes of its names, statements and sources, cached: references repeat across cases and
runs) and from never comparing pairs that the policy rules out; each shortcut says so where it is, and
tests/evaluation/test_scorers.py holds each one to its plain rule.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from summarizer.evaluation.base import FieldScore, Scorer
from summarizer.evaluation.claims import claims_scorer
from summarizer.evaluation.entities import when_scorer, where_scorer, who_scorer
from summarizer.evaluation.figures import figures_scorer
from summarizer.evaluation.names import case_memo
from summarizer.evaluation.validity import grounding, grounding_score, is_valid_brief
from summarizer.evaluation.what import what_scorer

__all__ = [
    "FieldScore",
    "Scorer",
    "claims_scorer",
    "default_scorers",
    "figures_scorer",
    "grounding",
    "is_valid_brief",
    "score_case",
    "score_output",
    "what_scorer",
    "when_scorer",
    "where_scorer",
    "who_scorer",
]


def default_scorers() -> dict[str, Scorer]:
    """The reference-based scorers of contract §3, with their default thresholds, in contract order."""
    return {
        "who": who_scorer(),
        "where": where_scorer(),
        "when": when_scorer(),
        "figures": figures_scorer(),
        "claims": claims_scorer(),
        "what": what_scorer(),
    }


_DEFAULTS: dict[str, Scorer] = default_scorers()


def score_case(
    brief: Mapping[str, Any] | None,
    reference: Mapping[str, Any],
    article: str,
    *,
    scorers: Mapping[str, Scorer] | None = None,
) -> dict[str, FieldScore | None]:
    """Score one case: every reference-based field, then ``grounding`` and ``valid``.

    ``brief`` is ``None`` when the run failed for this case: every field is then ``None`` (not 0, so a failure
    does not drag field averages down twice) and ``valid`` is 0.0, which is where failures are counted. A
    brief that is not schema-shaped is still scored field by field, defensively, with ``valid`` 0.0.
    """
    chosen = _DEFAULTS if scorers is None else scorers
    return score_output(
        brief, reference, chosen, "brief", lambda b: grounding_score(b, article), is_valid_brief
    )


def score_output(
    output: Mapping[str, Any] | None,
    reference: Mapping[str, Any],
    scorers: Mapping[str, Scorer],
    noun: str,
    grounding: Callable[[Mapping[str, Any]], FieldScore | None],
    valid: Callable[[Mapping[str, Any]], bool],
) -> dict[str, FieldScore | None]:
    """The scores of one case's output (a brief, a story brief): each of `scorers`, then `grounding` and
    `valid`; `noun` names the output in the reasons. A missing output scores ``None`` everywhere, valid 0."""
    ref: Mapping[str, Any] = reference if isinstance(reference, Mapping) else {}
    result: dict[str, FieldScore | None] = {}
    if not isinstance(output, Mapping):
        result.update(dict.fromkeys(scorers))
        result["grounding"] = None
        result["valid"] = FieldScore("valid", {"valid": 0.0}, reason=f"valid: no {noun} was produced")
        return result
    with case_memo():
        for name, scorer in scorers.items():
            result[name] = scorer(output, ref)
    result["grounding"] = grounding(output)
    ok = valid(output)
    verdict = "has" if ok else "does not have"
    result["valid"] = FieldScore(
        "valid", {"valid": 1.0 if ok else 0.0}, reason=f"valid: {noun} {verdict} the contract shape"
    )
    return result
