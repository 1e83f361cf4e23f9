"""The ``figures`` scorer: which brief figures are the reference's, by value and by what they count; sources."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from rapidfuzz import fuzz

from summarizer.evaluation.base import MAPS, FieldScore, Scorer, greedy, items, matched
from summarizer.evaluation.names import agreeing_sources, source_name
from summarizer.evaluation.words import content_string

__all__ = [
    "counts_similarity",
    "counts_text",
    "figure_label",
    "figures_scorer",
    "interval",
    "number",
    "overlap",
]

_Pairs = list[tuple[float, int, int]]


def number(value: Any) -> float | None:
    """A finite number (not a bool) as a float, else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    result = float(value)
    return result if math.isfinite(result) else None


def interval(item: Mapping[str, Any]) -> tuple[float, float] | None:
    """A figure's [value, upper] (a point when ``upper`` is null or below ``value``); None without a value."""
    low = number(item.get("value"))
    if low is None:
        return None
    high = number(item.get("upper"))
    return (low, high) if high is not None and high >= low else (low, low)


def overlap(a: tuple[float, float], b: tuple[float, float], tolerance: float) -> bool:
    """Two intervals overlap: each low end is at most the other's high end, or equal to it within tolerance."""
    if not (a[0] <= b[1] or math.isclose(a[0], b[1], rel_tol=tolerance)):
        return False
    return b[0] <= a[1] or math.isclose(b[0], a[1], rel_tol=tolerance)


def counts_similarity(a: str, b: str) -> float:
    """rapidfuzz ``token_set_ratio`` of two content strings; two empty ones are equal, one empty one is not."""
    if not a and not b:
        return 100.0
    if not a or not b:
        return 0.0
    return float(fuzz.token_set_ratio(a, b))


def counts_text(item: Any) -> str:
    """The content words of an item's ``counts`` (the form `counts_similarity` compares)."""
    counts = item.get("counts") if isinstance(item, MAPS) else None
    return content_string(counts) if isinstance(counts, str) else ""


def figure_label(item: Any) -> str:
    if not isinstance(item, MAPS):
        return repr(item)
    text = item.get("text")
    shown = text if isinstance(text, str) and text else item.get("value")
    counts = item.get("counts") if isinstance(item.get("counts"), str) else "?"
    source = item.get("source")
    return f"{shown} {counts}" + (f" ({source})" if isinstance(source, str) else "")


def figures_scorer(
    tolerance: float = 0.005, counts_threshold: float = 50.0, name_threshold: float = 88.0
) -> Scorer:
    """Score ``figures``: P/R/F1 of value-and-meaning matching, plus ``source_accuracy`` of the matched pairs.

    Policy. A brief figure matches a reference figure when

    * the values agree: each side is the interval [value, upper] (a point when ``upper`` is null), widened by
      a relative ``tolerance`` (0.5%), and the two intervals overlap -- plain numbers must be equal within
      0.5%, and a range "30-40" matches a brief 35. ``approx`` qualifiers and ``unit`` are not compared: "more
      than 36" keeps 36 as its value on both sides, and unit spellings vary ("km" / "kilometres") while
      ``counts`` already says what is measured. A brief figure with a null value matches nothing;
    * and what they count agrees: rapidfuzz ``token_set_ratio`` >= ``counts_threshold`` (0-100) on ``counts``
      reduced to stemmed content words (stopwords dropped, plural/-ed/-ing stripped, dead/died/killed and
      injured/wounded folded together). token_set_ratio is lenient on purpose: one side's words being a subset
      of the other's scores 100 ("killed" ~ "militants killed"), since equal values already carry most of the
      evidence and the check only has to reject coincidences ("5 years" vs "5 soldiers").

    Pairs are taken best ``counts`` similarity first (exact value agreement breaking ties), one-to-one.

    ``source_accuracy`` is the share of matched pairs whose sources agree: both null (the article's own
    voice), or both named and the same entity under the ``who`` policy, each name first expanded to all
    spellings of the ``who`` entity it names on its own side. A reference figure without a ``source`` key is
    not annotated for source and is left out of this share; the share is ``None`` when no pair counts.
    """

    def score(brief: Mapping[str, Any], reference: Mapping[str, Any]) -> FieldScore | None:
        if "figures" not in reference:
            return None
        ref_items = items(reference, "figures")
        brief_items = items(brief, "figures")
        chosen = greedy(_value_pairs(brief_items, ref_items, tolerance, counts_threshold))
        judged, agreed, hits = _sources(brief, reference, brief_items, ref_items, chosen, name_threshold)
        score = matched("figures", chosen, brief_items, ref_items, figure_label)
        values = {**score.values, "source_accuracy": agreed / judged if judged else None}
        text = score.reason + (f"; sources agree on {agreed}/{judged}" if judged else "")
        return FieldScore("figures", values, hits, score.misses, score.extras, text)

    return score


def _value_pairs(
    brief_items: Sequence[Any], ref_items: Sequence[Any], tolerance: float, counts_threshold: float
) -> _Pairs:
    """(similarity, brief position, reference position) of every pair whose values and counts agree."""
    ref_parsed = [
        (interval(item) if isinstance(item, MAPS) else None, counts_text(item)) for item in ref_items
    ]
    pairs: _Pairs = []
    for i, b_item in enumerate(brief_items):
        b_interval = interval(b_item) if isinstance(b_item, MAPS) else None
        if b_interval is None:
            continue
        b_counts: str | None = None  # computed at the first pair whose values agree (most pairs' do not)
        for j, (r_interval, r_counts) in enumerate(ref_parsed):
            if r_interval is None or not overlap(b_interval, r_interval, tolerance):
                continue
            if b_counts is None:
                b_counts = counts_text(b_item)
            sim = counts_similarity(b_counts, r_counts)
            if sim < counts_threshold:
                continue
            exact = b_interval == r_interval
            pairs.append((sim / 100.0 + (0.001 if exact else 0.0), i, j))
    return pairs


def _sources(
    brief: Mapping[str, Any],
    reference: Mapping[str, Any],
    brief_items: Sequence[Any],
    ref_items: Sequence[Any],
    chosen: _Pairs,
    name_threshold: float,
) -> tuple[int, int, list[str]]:
    """How many matched pairs are judged for source, how many of them agree, and the hit lines."""
    judged_pairs = [
        (source_name(brief_items[i]), source_name(ref_items[j]))
        for _, i, j in chosen
        if isinstance(ref_items[j], MAPS) and "source" in ref_items[j]
    ]
    agree = agreeing_sources(
        brief,
        reference,
        [b for b, _ in judged_pairs],
        [source_name(item) for item in ref_items],
        name_threshold,
    )
    judged = agreed = 0
    hits: list[str] = []
    for _, i, j in chosen:
        b_item, r_item = brief_items[i], ref_items[j]
        note = ""
        if isinstance(r_item, MAPS) and "source" in r_item:
            judged += 1
            if (source_name(b_item), source_name(r_item)) in agree:
                agreed += 1
            else:
                note = " [source differs]"
        hits.append(f"{figure_label(b_item)} ~ {figure_label(r_item)}{note}")
    return judged, agreed, hits
