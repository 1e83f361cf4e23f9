"""Scorers of a story brief (CONTRACT §4) against a story reference: figures, conflicts, who with main, where,
when, what, and grounding across the story's articles.

A story reference (§4 end) may hold ``figures: [{"counts", "kind", "values": [number], "latest": number}]`` and
``conflicts: [{"topic"}]`` beside the fields of a brief reference. The names, dates and summary of a story are
scored by the brief's own scorers (a story's ``who``, ``where``, ``when`` and ``what`` have a brief's shape);
what is new here is scored by the factories below, each stating its policy. As everywhere, a reference field
that is absent scores ``None``, and so does a ratio with nothing to count.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from summarizer.contract import StoryBrief
from summarizer.evaluation.base import MAPS, FieldScore, Scorer, greedy, items, matched
from summarizer.evaluation.entities import who_scorer
from summarizer.evaluation.figures import counts_similarity, counts_text, interval, number, overlap
from summarizer.evaluation.scorers import default_scorers, score_output
from summarizer.evaluation.validity import as_model, passes
from summarizer.evaluation.words import content_string

__all__ = [
    "conflicts_scorer",
    "score_story_case",
    "story_figures_scorer",
    "story_grounding",
    "story_scorers",
    "story_who_scorer",
]


def story_who_scorer(threshold: float = 88.0) -> Scorer:
    """Score a story's ``who``: the ``who`` policy's precision, recall and F1, plus ``main_recall``.

    ``main_recall`` is the share of the reference's main actors (entries with ``"main": true``) that match,
    under the same name policy, an entry the story marks ``main``; ``None`` when the reference marks nobody.
    An actor found but not marked main counts in recall, not in ``main_recall``.
    """
    plain = who_scorer(threshold)

    def score(story: Mapping[str, Any], reference: Mapping[str, Any]) -> FieldScore | None:
        result = plain(story, reference)
        if result is None:
            return None
        ref_main = [item for item in items(reference, "who") if isinstance(item, MAPS) and item.get("main")]
        values = dict(result.values)
        text = result.reason
        values["main_recall"] = None
        if ref_main:
            marked = [
                item for item in items(story, "who") if isinstance(item, MAPS) and item.get("main") is True
            ]
            main = plain({"who": marked}, {"who": ref_main})
            values["main_recall"] = main.values["recall"] if main else None
            found = len(main.hits) if main else 0
            text += f"; {found}/{len(ref_main)} main actors found among the story's main actors"
        return FieldScore("who", values, result.hits, result.misses, result.extras, text)

    return score


def story_figures_scorer(tolerance: float = 0.005, counts_threshold: float = 50.0) -> Scorer:
    """Score a story's ``figures``: ``recall`` of the reference's figures, ``latest`` and ``reported``.

    Policy. A reference figure matches a story figure of the same ``kind`` (when the reference gives one)
    whose ``counts`` is similar: rapidfuzz ``token_set_ratio`` >= ``counts_threshold`` on stemmed content
    words, as for a brief's figures; pairs are taken most similar first, one-to-one. Then, per reference
    figure with a ``latest``: it is right when the matched figure's ``latest`` (its [value, upper] interval)
    agrees with it within the relative ``tolerance``; ``latest`` is the share right (an unmatched figure is
    wrong). Per reference value in ``values``: it is reported when one of the matched figure's reports agrees
    with it the same way; ``reported`` is the share of all reference values reported. When the reference
    lists its figure's ``reports`` with their ``article`` ids, ``reports`` is the share of those found among
    the matched figure's reports *of the same article* with an agreeing value. Story figures the
    reference does not list are not counted against the story: a reference lists the figures it cares about
    (casualties, say), not every number of every article, so there is no precision.
    """

    def score(story: Mapping[str, Any], reference: Mapping[str, Any]) -> FieldScore | None:
        if "figures" not in reference:
            return None
        ref_items = items(reference, "figures")
        story_items = items(story, "figures")
        chosen = greedy(_figure_pairs(story_items, ref_items, counts_threshold))
        partner = {j: story_items[i] for _, i, j in chosen}
        tally = {"latest": [0, 0], "reported": [0, 0], "reports": [0, 0]}  # metric -> [right, judged]
        hits: list[str] = []
        misses: list[str] = []
        for j, ref in enumerate(ref_items):
            line = _judge_figure(ref, partner.get(j), tolerance, tally)
            (hits if j in partner else misses).append(line)
        values: dict[str, float | None] = {"recall": len(chosen) / len(ref_items) if ref_items else None}
        values.update((name, right / judged if judged else None) for name, (right, judged) in tally.items())
        text = f"figures: {len(chosen)} of {len(ref_items)} reference figures found; " + "; ".join(
            f"{name} {right}/{judged}" for name, (right, judged) in tally.items()
        )
        return FieldScore("figures", values, hits, misses, [], text)

    return score


def _figure_pairs(
    story_items: Sequence[Any], ref_items: Sequence[Any], threshold: float
) -> list[tuple[float, int, int]]:
    pairs: list[tuple[float, int, int]] = []
    for j, ref in enumerate(ref_items):
        if not isinstance(ref, MAPS):
            continue
        kind = ref.get("kind")
        ref_counts = counts_text(ref)
        for i, figure in enumerate(story_items):
            if not isinstance(figure, MAPS) or (isinstance(kind, str) and figure.get("kind") != kind):
                continue
            sim = counts_similarity(counts_text(figure), ref_counts)
            if sim >= threshold:
                pairs.append((sim / 100.0, i, j))
    return pairs


def _agrees(value: Any, item: Any, tolerance: float) -> bool:
    """Whether the number ``value`` agrees with ``item``'s [value, upper] interval."""
    point = number(value)
    span = interval(item) if isinstance(item, MAPS) else None
    return point is not None and span is not None and overlap((point, point), span, tolerance)


def _judge_figure(ref: Any, figure: Any, tolerance: float, tally: dict[str, list[int]]) -> str:
    """Count one reference figure into the tallies (``latest``, ``reported``, ``reports``); its report line."""
    if not isinstance(ref, MAPS):
        return repr(ref)
    shown = str(ref.get("counts"))
    reports = [r for r in items(figure, "reports") if isinstance(r, MAPS)] if isinstance(figure, MAPS) else []
    if "latest" in ref:
        right = figure is not None and _agrees(ref.get("latest"), figure.get("latest"), tolerance)
        _count(tally["latest"], [right])
        shown += f"; latest {ref.get('latest')} {'right' if right else 'wrong'}"
    wanted = ref.get("values") if isinstance(ref.get("values"), list) else []
    if wanted:
        found = [any(_agrees(v, report, tolerance) for report in reports) for v in wanted]
        _count(tally["reported"], found)
        shown += f"; values reported {sum(found)}/{len(wanted)}"
    listed = [r for r in items(ref, "reports") if isinstance(r, MAPS) and isinstance(r.get("article"), str)]
    if listed:
        found = [
            any(
                r.get("article") == mine.get("article") and _agrees(r.get("value"), mine, tolerance)
                for mine in reports
            )
            for r in listed
        ]
        _count(tally["reports"], found)
        shown += f"; reports in their article {sum(found)}/{len(listed)}"
    if figure is not None:
        shown += f" ~ {figure.get('counts')} ({figure.get('kind')})"
    return shown


def _count(pair: list[int], outcomes: list[bool]) -> None:
    pair[0] += sum(outcomes)
    pair[1] += len(outcomes)


def conflicts_scorer(threshold: float = 50.0) -> Scorer:
    """Score the conflicts a story finds against the reference's ``conflicts: [{"topic"}]``: P/R/F1.

    Policy. The story's conflicts are its figures marked ``conflict`` (the topic is what they count) and its
    ``disputes`` (their ``topic``). A reference conflict matches a story conflict when the topics are similar:
    rapidfuzz ``token_set_ratio`` >= ``threshold`` on stemmed content words (lenient, as topics are short
    phrases written independently: "death toll" / "number of people killed" do not match, "people killed" /
    "killed" do); pairs most similar first, one-to-one. A topic without content words matches nothing. An
    empty reference list means "no conflicts": every conflict the story reports is then an extra.
    """

    def score(story: Mapping[str, Any], reference: Mapping[str, Any]) -> FieldScore | None:
        if "conflicts" not in reference:
            return None
        ref_topics = [_topic(item, "topic") for item in items(reference, "conflicts")]
        found = [
            _topic(item, "counts")
            for item in items(story, "figures")
            if isinstance(item, MAPS) and item.get("conflict") is True
        ]
        found += [_topic(item, "topic") for item in items(story, "disputes")]
        pairs = [
            (sim / 100.0, i, j)
            for i, (_, mine) in enumerate(found)
            for j, (_, theirs) in enumerate(ref_topics)
            if mine and theirs and (sim := counts_similarity(mine, theirs)) >= threshold
        ]
        return matched("conflicts", greedy(pairs), found, ref_topics, _written)

    return score


def _written(topic: tuple[str, str]) -> str:
    return topic[0]


def _topic(item: Any, key: str) -> tuple[str, str]:
    """(the topic as written, its content words)."""
    text = item.get(key) if isinstance(item, MAPS) else None
    return (text, content_string(text)) if isinstance(text, str) else (repr(item), "")


# --- Grounding and putting it together -----------------------------------------------------------------


def _story_items(story: Mapping[str, Any]) -> list[tuple[str, Any, Any, bool]]:
    """(label, article id, item, is_figure) of everything a story ties to an article's text."""
    found: list[tuple[str, Any, Any, bool]] = []
    for figure in items(story, "figures"):
        counts = figure.get("counts") if isinstance(figure, MAPS) else None
        for report in items(figure, "reports") if isinstance(figure, MAPS) else []:
            article = report.get("article") if isinstance(report, MAPS) else None
            found.append(
                (
                    f"figures: {report.get('text') if isinstance(report, MAPS) else report!r} {counts}",
                    article,
                    report,
                    True,
                )
            )
    for key in ("claims", "timeline"):
        for item in items(story, key):
            article = item.get("article") if isinstance(item, MAPS) else None
            text = item.get("statement" if key == "claims" else "text") if isinstance(item, MAPS) else item
            found.append((f"{key}: {text}", article, item, False))
    return found


def story_grounding(story: Mapping[str, Any], texts: Sequence[str]) -> FieldScore | None:
    """Share of the story's reports, claims and timeline entries that keep the contract's invariants in their
    own article (`check_brief`, through validity.py): the article is the one the item names, found by the
    ``sha256`` the story lists for that id among ``texts``; an item naming no known article is not grounded."""
    by_sha = {hashlib.sha256(text.encode("utf-8")).hexdigest(): text for text in texts}
    article_text = {
        item.get("id"): by_sha.get(str(item.get("sha256")))
        for item in items(story, "articles")
        if isinstance(item, MAPS)
    }
    entries = _story_items(story)
    if not entries:
        return None
    failures: list[str] = []
    for label, article, item, is_figure in entries:
        text = article_text.get(article) if isinstance(article, str) else None
        model = as_model(item, is_figure)
        if text is None or model is None or not passes([model], text):
            failures.append(label)
    grounded = len(entries) - len(failures)
    return FieldScore(
        "grounding",
        {"grounding": grounded / len(entries)},
        misses=failures,
        reason=f"grounding: {grounded}/{len(entries)} reports, claims and timeline entries found verbatim at their span",
    )


def story_scorers() -> dict[str, Scorer]:
    """The reference-based scorers of a story case, in report order."""
    single = default_scorers()  # the fields a story scores as a single brief does
    return {
        "who": story_who_scorer(),
        "where": single["where"],
        "when": single["when"],
        "figures": story_figures_scorer(),
        "conflicts": conflicts_scorer(),
        "what": single["what"],
    }


_DEFAULTS = story_scorers()


def score_story_case(
    story: Mapping[str, Any] | None, reference: Mapping[str, Any], texts: Sequence[str]
) -> dict[str, FieldScore | None]:
    """Score one story case: every reference-based field, then ``grounding`` and ``valid`` (§4's shape).

    ``story`` is ``None`` when the run failed for this case: every field is then ``None`` and ``valid`` 0.0,
    as for a brief. ``texts`` are the story's article texts (what its spans index).
    """

    def grounded(output: Mapping[str, Any]) -> FieldScore | None:
        return story_grounding(output, texts)

    return score_output(story, reference, _DEFAULTS, "story brief", grounded, _is_story_brief)


def _is_story_brief(story: Mapping[str, Any]) -> bool:
    try:
        StoryBrief.model_validate(story)
    except ValidationError:
        return False
    return True
