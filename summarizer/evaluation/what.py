"""The ``what`` scorer: ROUGE-1 F1 of the summary against the reference's, over stemmed content words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from summarizer.evaluation.base import FieldScore, Scorer
from summarizer.evaluation.words import content, content_of

__all__ = ["what_scorer"]


def what_scorer() -> Scorer:
    """Score ``what`` as ROUGE-1 F1 over stemmed content words: ``{"similarity": x}`` in [0, 1].

    Policy. Both texts are casefolded, tokenised, stripped of stopwords and lightly stemmed; the score is the
    F1 of clipped unigram overlap (each word counts as often as it occurs on both sides). F1 rather than a
    subset measure, so that a one-word summary is not rewarded for being contained in the reference and a
    rambling one is not rewarded for containing it. Lexical on purpose: no embedding model, so the number is
    deterministic, cheap, auditable word by word and free of a model's own biases; the cost is that a faithful
    paraphrase in other words scores low, so compare runs with each other rather than reading the number as
    absolute. ``None`` when the reference has no ``what`` or it has no content words; 0.0 for an empty brief
    ``what``.
    """

    def score(brief: Mapping[str, Any], reference: Mapping[str, Any]) -> FieldScore | None:
        if "what" not in reference:
            return None
        ref_text = reference.get("what")
        ref_content = content(ref_text) if isinstance(ref_text, str) else ()
        if not ref_content:
            return None
        brief_text = brief.get("what")
        # A brief's summary is its own: not worth remembering.
        brief_content = content_of(brief_text) if isinstance(brief_text, str) else ()
        ref_words = Counter(ref_content)
        brief_words = Counter(brief_content)
        # Clipped overlap: the sum over shared words of the smaller count.
        common = 0
        shared: list[str] = []
        misses: list[str] = []
        for word, count in ref_words.items():
            other = brief_words.get(word, 0)
            if other:
                shared.append(word)
                common += min(count, other)
            if count > other:
                misses.append(word)
        extras = [word for word, count in brief_words.items() if count > ref_words.get(word, 0)]
        similarity = 2 * common / (len(ref_content) + len(brief_content))
        return FieldScore(
            "what",
            {"similarity": similarity},
            hits=sorted(shared),
            misses=sorted(misses),
            extras=sorted(extras),
            reason=f"what: ROUGE-1 F1 {similarity:.2f} over content words ({common} shared)",
        )

    return score
