"""The ``claims`` scorer: who says it (names.py's source rule) and what is said (content-word similarity)."""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from summarizer.evaluation.base import MAPS, FieldScore, Scorer, greedy, items, matched
from summarizer.evaluation.names import agreeing_sources, source_name
from summarizer.evaluation.words import content_string, distinct_words

__all__ = ["claim_label", "claims_scorer"]


def claim_label(item: Any) -> str:
    if not isinstance(item, MAPS):
        return repr(item)
    return f"{item.get('source')}: {item.get('statement')}"


def claims_scorer(threshold: float = 55.0, name_threshold: float = 88.0) -> Scorer:
    """Score ``claims``: P/R/F1 of matching on who says it and what is said.

    Policy. A brief claim matches a reference claim when the sources are the same entity (the ``who`` policy,
    each name expanded through its own side's ``who`` aliases; two null sources also agree) and the statements
    are similar: rapidfuzz ``token_set_ratio`` >= ``threshold`` (0-100) on the statements reduced to stemmed
    content words. Statements are paraphrases, so word order and function words are ignored; the threshold is
    low enough for a reworded sentence that keeps the key words and high enough that two different claims of
    one source rarely pass. Because token_set_ratio scores 100 whenever one side's words are a subset of the
    other's, the two statements must also have comparable length: the shorter needs at least a third as many
    distinct content words as the longer, so a fragment ("Taliban") cannot match every claim that mentions
    it. A statement with no content words matches nothing. Pairs are taken most similar first, one-to-one; one
    source may of course match several claims.
    """

    def score(brief: Mapping[str, Any], reference: Mapping[str, Any]) -> FieldScore | None:
        if "claims" not in reference:
            return None
        ref_items = items(reference, "claims")
        brief_items = items(brief, "claims")
        brief_sources = [source_name(item) for item in brief_items]
        ref_sources = [source_name(item) for item in ref_items]
        # Which sources agree, decided first (once per pair of names): only claims whose sources agree are worth
        # comparing, and their sources usually differ.
        agree = agreeing_sources(brief, reference, brief_sources, ref_sources, name_threshold)
        statements = [_statement(item) for item in brief_items]
        table = _statement_table(tuple([_statement(item) for item in ref_items]))
        chosen = greedy(_statement_pairs(statements, brief_sources, ref_sources, agree, table, threshold))
        return matched("claims", chosen, brief_items, ref_items, claim_label)

    return score


def _statement_pairs(
    statements: Sequence[str],
    brief_sources: Sequence[str | None],
    ref_sources: Sequence[str | None],
    agree: set[tuple[str | None, str | None]],
    table: _StatementTable,
    threshold: float,
) -> list[tuple[float, int, int]]:
    """(similarity, brief position, reference position) of every pair whose sources agree and whose
    statements are similar enough."""
    pairs: list[tuple[float, int, int]] = []
    for i, text in enumerate(statements):
        if not text:
            continue
        # Comparable length: the shorter has at least a third of the longer's distinct content words, so the
        # reference's count is within [size/3, 3*size] (the table is sorted by it, so that is a slice).
        size = distinct_words(text)
        low = bisect.bisect_left(table.sizes, (size + 2) // 3)
        high = bisect.bisect_right(table.sizes, 3 * size)
        source = brief_sources[i]
        candidates = [k for k in range(low, high) if (source, ref_sources[table.positions[k]]) in agree]
        if not candidates:
            continue
        # One call per brief claim scores all its candidates (rapidfuzz's own loop, same scorer).
        found = process.extract(
            text,
            [table.texts[k] for k in candidates],
            scorer=fuzz.token_set_ratio,
            processor=None,
            score_cutoff=threshold,
            limit=None,
        )
        for _, sim, n in found:
            if sim:
                pairs.append((sim / 100.0, i, table.positions[candidates[n]]))
    return pairs


@dataclass(frozen=True, slots=True)
class _StatementTable:
    """One side's non-empty statements, ordered by number of distinct content words (then position)."""

    sizes: list[int]
    texts: list[str]
    positions: list[int]


@lru_cache(maxsize=1024)
def _statement_table(statements: tuple[str, ...]) -> _StatementTable:
    rows = sorted((distinct_words(text), j, text) for j, text in enumerate(statements) if text)
    return _StatementTable(
        [size for size, _, _ in rows], [text for _, _, text in rows], [j for _, j, _ in rows]
    )


def _statement(item: Any) -> str:
    if not isinstance(item, MAPS) or not isinstance(item.get("statement"), str):
        return ""
    return content_string(item["statement"])
