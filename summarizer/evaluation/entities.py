"""Scorers of the set fields: ``who`` and ``where`` (names, matched by the policy of names.py) and ``when``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from summarizer.evaluation.base import MAPS, FieldScore, Scorer, greedy, items, matched, prf, reason
from summarizer.evaluation.names import entity_index, names_in

__all__ = ["DATE", "dates", "when_scorer", "where_scorer", "who_scorer"]

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
"""The shape of a resolved date (contract §1); whether it is a real day is checked where it matters."""


def _entity_scorer(field_name: str, threshold: float, head_rule: bool) -> Scorer:
    def score(brief: Mapping[str, Any], reference: Mapping[str, Any]) -> FieldScore | None:
        if field_name not in reference:
            return None
        ref_items = items(reference, field_name)
        brief_items = items(brief, field_name)
        index = entity_index(names_in(reference, field_name))
        chosen = greedy(index.pairs(names_in(brief, field_name), threshold, head_rule))
        return matched(field_name, chosen, brief_items, ref_items)

    return score


def who_scorer(threshold: float = 88.0) -> Scorer:
    """Score ``who`` as a set: precision, recall and F1 of a greedy one-to-one name matching.

    Policy. Each entity is the set of its ``name`` and ``aliases``; two entities are the same when any
    spelling of one matches any spelling of the other, and pairs are taken best-similarity first, each entity
    used once. Spellings are normalised by casefolding, stripping accents, dropping possessive 's, apostrophes
    and periods ("U.S." -> "us"), splitting on other punctuation and dropping a leading "the"; a name with an
    appositive comma ("Zabihullah Mujahid, Taliban spokesman") also counts as its part before the comma. Two
    spellings match when

    * they are equal (also with spaces removed: "al Qaeda" / "AlQaeda");
    * rapidfuzz ``ratio`` >= ``threshold`` (0-100), for misspellings, provided both have the same number of
      tokens and every differing token has at least 5 characters on both sides ("Zabihulah Mujahid" matches,
      "Joan Smith" / "John Smith" and "Iran" / "Iraq" do not);
    * containment: the shorter one's distinctive tokens (not stopwords nor generic words such as ministry,
      government, president, spokesman) are non-empty and all occur in the other, and one of the other's heads
      -- its last token, or its last token before an "of", ignoring suffixes like "Inc" -- occurs in the
      shorter one. So "Mujahid" matches "Taliban spokesman Zabihullah Mujahid", "Tillerson" matches "Secretary
      of State Rex Tillerson" and "Defense Ministry" matches "Ministry of Defense", while "Ministry" does not
      match "Defense Ministry" (nothing distinctive), and neither "Taliban" nor "Afghanistan" match "Taliban
      spokesman Zabihullah Mujahid" / "Afghanistan's Defense Ministry" (they name a modifier, not the head).
      Accepted cost: "Texas" matches "University of Texas", and a bare surname matches any bearer of it
      (exact pairs are always taken first, so this bites only when the true partner is missing).

    Every list element counts (a malformed brief item is an unmatched extra). Precision is ``None`` when the
    brief lists nobody, recall ``None`` when the reference lists nobody; ``None`` when the reference has no
    ``who`` key.
    """
    return _entity_scorer("who", threshold, head_rule=True)


def where_scorer(threshold: float = 88.0) -> Scorer:
    """Score ``where`` as a set with the ``who`` name policy, minus the head rule.

    Places nest and are often written at different granularity ("Washington" / "Washington D.C.", "New York" /
    "New York City", "Helmand" / "Helmand province"), so containment of distinctive tokens suffices (generic
    words such as city, province, district, state, republic are not distinctive). The price, accepted: a brief
    "Kabul" also matches a reference "Kabul airport" when the reference does not list Kabul itself; exact
    matches are always paired first. Aliases are used when present (reference places usually have none).
    """
    return _entity_scorer("where", threshold, head_rule=False)


def when_scorer() -> Scorer:
    """Score ``when`` as a set of resolved dates (``YYYY-MM-DD`` strings compared exactly).

    Entries whose ``date`` is null or missing are ignored on both sides: the contract allows the brief to keep
    a time phrase it cannot resolve, and such a phrase is neither right nor wrong about a day. Dates are
    de-duplicated first, because two phrasings of one day ("Tuesday", "July 18") are one date. The surface
    ``text`` is never compared: the date is what a reader relies on.
    """

    def score(brief: Mapping[str, Any], reference: Mapping[str, Any]) -> FieldScore | None:
        if "when" not in reference:
            return None
        ref_dates = dates(items(reference, "when"))
        brief_dates = dates(items(brief, "when"))
        ref_set = set(ref_dates)
        hits = [d for d in brief_dates if d in ref_set]
        hit_set = set(hits)
        misses = [d for d in ref_dates if d not in hit_set]
        extras = [d for d in brief_dates if d not in ref_set]
        tp = len(hits)
        return FieldScore(
            field="when",
            values=prf(tp, len(brief_dates), len(ref_dates)),
            hits=hits,
            misses=misses,
            extras=extras,
            reason=reason("when", tp, len(brief_dates), len(ref_dates), misses, extras),
        )

    return score


def dates(entries: Iterable[Any]) -> list[str]:
    """The distinct non-blank ``date`` strings of ``when`` entries, stripped, in order."""
    out: list[str] = []
    for item in entries:
        date = item.get("date") if isinstance(item, MAPS) else None
        if isinstance(date, str) and date.strip() and date.strip() not in out:
            out.append(date.strip())
    return out
