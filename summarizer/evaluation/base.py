"""What every scorer shares: the `FieldScore` it returns, the ratio rule, list access and one-to-one matching.

Ratios follow one rule everywhere: a ratio whose denominator is zero is ``None``, never 0 or 1. Precision is
matched/len(brief), recall is matched/len(reference), and F1 is ``2*tp / (len(brief) + len(reference))`` (the
count form of the harmonic mean: equal to it when both are defined, and still defined -- as 0 -- when one side
is empty and the other is not).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["MAPS", "FieldScore", "Scorer", "greedy", "items", "label", "matched", "prf", "reason"]


@dataclass(frozen=True)
class FieldScore:
    """The score of one field of one case, with the evidence a reader needs to check it.

    ``values`` maps metric names to numbers in [0, 1] or ``None`` (nothing to score); ``hits`` lists matched
    pairs, ``misses`` reference items the brief lacks, ``extras`` brief items the reference lacks.
    """

    field: str
    values: dict[str, float | None]
    hits: list[str] = dataclasses.field(default_factory=list)
    misses: list[str] = dataclasses.field(default_factory=list)
    extras: list[str] = dataclasses.field(default_factory=list)
    reason: str = ""


Scorer = Callable[[Mapping[str, Any], Mapping[str, Any]], FieldScore | None]
"""``(brief, reference) -> FieldScore | None``: ``None`` when the reference does not carry the field."""

# The types an item must be to be read as an object. ``dict`` first: isinstance tries the tuple in order, and a
# plain dict (every item of a JSON brief) then never reaches Mapping's slower abstract-class check.
MAPS = (dict, Mapping)


def greedy(pairs: list[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """One-to-one assignment, best pair first (ties broken by position so results are reproducible)."""
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen: list[tuple[float, int, int]] = []
    for score, i, j in pairs:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            chosen.append((score, i, j))
    return chosen


def prf(tp: int, n_brief: int, n_ref: int) -> dict[str, float | None]:
    """Precision, recall and F1 of ``tp`` matches between ``n_brief`` and ``n_ref`` items (the ratio rule)."""
    total = n_brief + n_ref
    return {
        "precision": tp / n_brief if n_brief else None,
        "recall": tp / n_ref if n_ref else None,
        "f1": 2 * tp / total if total else None,
    }


def items(container: Mapping[str, Any], key: str) -> list[Any]:
    """``container[key]`` as a list; anything that is not a list (or tuple) is no items."""
    value = container.get(key)
    return list(value) if isinstance(value, (list, tuple)) else []


def label(item: Any, key: str = "name") -> str:
    """How a report names an item: its ``key`` string, else its repr (a malformed item stays visible)."""
    if isinstance(item, MAPS) and isinstance(item.get(key), str):
        return str(item[key])
    return repr(item)


def reason(name: str, tp: int, n_brief: int, n_ref: int, misses: Sequence[str], extras: Sequence[str]) -> str:
    """The one-line explanation of a set score."""
    text = f"{name}: {tp} matched of {n_ref} reference and {n_brief} brief items"
    if misses:
        text += f"; missed {len(misses)}"
    if extras:
        text += f"; {len(extras)} extra"
    return text


def matched(
    field: str,
    chosen: Sequence[tuple[float, int, int]],
    brief_items: Sequence[Any],
    ref_items: Sequence[Any],
    name: Callable[[Any], str] = label,
) -> FieldScore:
    """The set score of a one-to-one matching (``greedy``'s pairs): P/R/F1, each pair as a hit ("brief ~
    reference (similarity)"), the reference items left unmatched as misses and the brief's as extras, every
    item shown by ``name``."""
    matched_b = {i for _, i, _ in chosen}
    matched_r = {j for _, _, j in chosen}
    hits = [f"{name(brief_items[i])} ~ {name(ref_items[j])} ({s:.2f})" for s, i, j in chosen]
    misses = [name(item) for j, item in enumerate(ref_items) if j not in matched_r]
    extras = [name(item) for i, item in enumerate(brief_items) if i not in matched_b]
    tp, n_brief, n_ref = len(chosen), len(brief_items), len(ref_items)
    text = reason(field, tp, n_brief, n_ref, misses, extras)
    return FieldScore(field, prf(tp, n_brief, n_ref), hits, misses, extras, text)
