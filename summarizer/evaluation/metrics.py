"""Turn per-case field scores into the "scores" objects of an eval run (shared/CONTRACT.md §3).

Averages are macro averages over cases: each case weighs the same whatever the length of its lists, and a
case where a value is ``None`` (nothing to score) is left out of that value's average rather than counted as
0 or 1. A value no case could score stays ``None`` (JSON null).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from summarizer.evaluation.scorers import FieldScore

__all__ = ["CONTRACT_FIELDS", "CaseScore", "aggregate", "flat_scores", "scores_to_json"]

# The fields of contract §3 "scores" and their value names; ``None`` marks a field reported as a plain number.
CONTRACT_FIELDS: dict[str, tuple[str, ...] | None] = {
    "who": ("precision", "recall", "f1"),
    "where": ("precision", "recall", "f1"),
    "when": ("precision", "recall", "f1"),
    "figures": ("precision", "recall", "f1", "source_accuracy"),
    "claims": ("precision", "recall", "f1"),
    "what": ("similarity",),
    "grounding": None,
    "valid": None,
}

# What one field of one case may be: a FieldScore, or its JSON form when re-aggregating a stored run.
CaseScore = FieldScore | Mapping[str, float | None] | float | None


def _values(name: str, score: CaseScore) -> dict[str, float | None] | None:
    """Normalise one case's field to a values dict (a plain number becomes ``{name: number}``)."""
    if score is None:
        return None
    if isinstance(score, FieldScore):
        return dict(score.values)
    if isinstance(score, Mapping):
        return {key: _as_float(value) for key, value in score.items()}
    return {name: _as_float(score)}


def _as_float(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _is_scalar(name: str, keys: Sequence[str]) -> bool:
    if name in CONTRACT_FIELDS:
        return CONTRACT_FIELDS[name] is None
    return list(keys) == [name]


def scores_to_json(case_scores: Mapping[str, CaseScore]) -> dict[str, Any]:
    """One case's ``per_case[].scores`` object: field -> values dict, plain number (grounding, valid) or null.

    A field scored with a single value named after itself (grounding, valid) is flattened to that number.
    """
    out: dict[str, Any] = {}
    for name, score in case_scores.items():
        values = _values(name, score)
        if values is None:
            out[name] = None
        elif _is_scalar(name, list(values)):
            out[name] = values.get(name)
        else:
            out[name] = values
    return out


def aggregate(per_case: Sequence[Mapping[str, CaseScore]]) -> dict[str, Any]:
    """The run's ``scores`` object: each contract field's values macro-averaged over the cases that have them.

    A field no case scored is null; inside a scored field, a value no case could score (say
    ``source_accuracy`` when no figure matched anywhere) is null. Fields beyond the contract are averaged the
    same way and appended.
    """
    names: list[str] = list(CONTRACT_FIELDS)
    for case in per_case:
        names.extend(name for name in case if name not in names)
    out: dict[str, Any] = {}
    for name in names:
        keys: list[str] = list(CONTRACT_FIELDS.get(name) or ())
        sums: dict[str, float] = {}
        counts: dict[str, int] = {}
        seen = False
        for case in per_case:
            score = case.get(name)
            # A FieldScore's values are read in place (no copy: this loop runs once per case and field).
            values = score.values if isinstance(score, FieldScore) else _values(name, score)
            if values is None:
                continue
            seen = True
            for key, value in values.items():
                if key not in keys:
                    keys.append(key)
                if value is not None:
                    sums[key] = sums.get(key, 0.0) + value
                    counts[key] = counts.get(key, 0) + 1
        if not seen:
            out[name] = None
            continue
        means: dict[str, float | None] = {
            key: sums[key] / counts[key] if counts.get(key) else None for key in keys
        }
        out[name] = means.get(name) if _is_scalar(name, keys) else means
    return out


def flat_scores(scores: Mapping[str, Any]) -> dict[str, float | None]:
    """`{"figures": {"f1": .5}}` -> `{"figures.f1": .5}`; plain numbers keep their field name."""
    flat: dict[str, float | None] = {}
    for name, value in scores.items():
        if isinstance(value, Mapping):
            for key, inner in value.items():
                flat[f"{name}.{key}"] = inner
        else:
            flat[name] = value
    return flat
