"""Whether a change between two eval runs is real: paired per-case differences, a bootstrap interval, a verdict.

On a suite of a few dozen cases, a field's average moves by a few hundredths for reasons that have nothing to
do with the change (one case flips, another flips back). So the runs are paired by case id and, per metric
(``figures.f1``, ``grounding``...), the differences B - A of the cases scored in both are resampled: a paired
bootstrap, 10,000 resamples with a fixed seed, so the same two runs always get the same interval. The verdict
is "better" or "worse" only when the whole 95% interval of the mean difference lies on one side of zero;
otherwise "not distinguishable" on this suite. Every metric is "higher is better" (CONTRACT §3).

Pure Python (random.Random), so the numbers do not depend on which numeric library is installed.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from summarizer.errors import SummarizerError
from summarizer.evaluation.metrics import flat_scores
from summarizer.evaluation.runner import CaseResult, EvalRun

__all__ = [
    "BETTER",
    "NO_DATA",
    "RESAMPLES",
    "SAME",
    "SEED",
    "WORSE",
    "MetricComparison",
    "RunComparison",
    "bootstrap_interval",
    "case_value",
    "compare_runs",
]

RESAMPLES = 10_000
SEED = 1729
LEVEL = 0.95
BETTER, WORSE, SAME, NO_DATA = "better", "worse", "not distinguishable", "no paired cases"
_EPS = 1e-12  # differences this small are float noise, not a change


@dataclass(frozen=True)
class MetricComparison:
    """One metric of two runs. ``delta`` is the mean of B - A over the ``paired`` cases scored in both, and
    [``low``, ``high``] its bootstrap interval; ``a`` and ``b`` are the runs' own averages (over all their
    cases, so with unpaired cases they may differ from ``delta``)."""

    metric: str
    a: float | None
    b: float | None
    delta: float | None
    low: float | None
    high: float | None
    improved: int
    worse: int
    same: int
    paired: int
    verdict: str


@dataclass(frozen=True)
class RunComparison:
    a: str
    b: str
    metrics: list[MetricComparison]
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)
    moved: list[tuple[str, float, list[tuple[str, float | None, float | None]]]] = field(default_factory=list)
    resamples: int = RESAMPLES
    seed: int = SEED

    def select(self, selectors: Iterable[str]) -> list[MetricComparison]:
        """The metrics named by ``selectors``: ``all``, a metric (``figures.f1``) or a field (``figures``)."""
        chosen: dict[str, MetricComparison] = {}
        for selector in selectors:
            name = selector.strip()
            found = [
                m
                for m in self.metrics
                if name == "all" or m.metric == name or m.metric.startswith(f"{name}.")
            ]
            if not found:
                known = ", ".join(dict.fromkeys(m.metric.split(".")[0] for m in self.metrics))
                raise SummarizerError(f"unknown field {name!r} (known: all, {known}, or field.metric)")
            chosen.update((m.metric, m) for m in found)
        return list(chosen.values())

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["moved"] = [
            {"id": case, "total": total, "changes": [{"metric": m, "a": a, "b": b} for m, a, b in changes]}
            for case, total, changes in self.moved
        ]
        return data


def case_value(scores: Mapping[str, Any], metric: str) -> float | None:
    """One metric of one case's ``scores`` (``figures.f1`` reads ``scores["figures"]["f1"]``), or None."""
    name, _, key = metric.partition(".")
    value = scores.get(name)
    if key:
        value = value.get(key) if isinstance(value, Mapping) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def bootstrap_interval(
    diffs: Sequence[float], *, resamples: int = RESAMPLES, seed: int = SEED, level: float = LEVEL
) -> tuple[float, float]:
    """The percentile interval of the mean of ``diffs`` over ``resamples`` resamples with replacement."""
    n = len(diffs)
    if not n:
        raise ValueError("no differences to resample")
    if max(diffs) - min(diffs) <= _EPS:
        return diffs[0], diffs[0]  # every resample has the same mean
    rng = random.Random(seed)
    cases = range(n)
    get = diffs.__getitem__
    means = sorted(sum(map(get, rng.choices(cases, k=n))) / n for _ in range(resamples))
    tail = (1.0 - level) / 2.0
    low = means[min(resamples - 1, int(tail * resamples))]
    high = means[max(0, math.ceil((1.0 - tail) * resamples) - 1)]
    return low, high


def _verdict(low: float, high: float) -> str:
    if low > _EPS:
        return BETTER
    if high < -_EPS:
        return WORSE
    return SAME


def _metric_names(a: EvalRun, b: EvalRun) -> list[str]:
    names = [*flat_scores(a.scores), *flat_scores(b.scores)]
    for case in [*a.per_case, *b.per_case]:
        names.extend(flat_scores(case.scores))
    return [name for name in dict.fromkeys(names) if not _is_field_of(name, names)]


def _is_field_of(name: str, names: list[str]) -> bool:
    """A bare field name ("who") that only stands for a null field whose metrics are listed too."""
    return "." not in name and any(other.startswith(f"{name}.") for other in names)


def _compare_metric(
    metric: str, pairs: list[tuple[CaseResult, CaseResult]], a: EvalRun, b: EvalRun, resamples: int, seed: int
) -> MetricComparison:
    diffs: list[float] = []
    for case_a, case_b in pairs:
        x, y = case_value(case_a.scores, metric), case_value(case_b.scores, metric)
        if x is not None and y is not None:
            diffs.append(y - x)
    improved = sum(1 for d in diffs if d > _EPS)
    worse = sum(1 for d in diffs if d < -_EPS)
    totals = (case_value(a.scores, metric), case_value(b.scores, metric))
    if not diffs:
        return MetricComparison(metric, *totals, None, None, None, 0, 0, 0, 0, NO_DATA)
    low, high = bootstrap_interval(diffs, resamples=resamples, seed=seed)
    delta = sum(diffs) / len(diffs)
    same = len(diffs) - improved - worse
    return MetricComparison(
        metric, *totals, delta, low, high, improved, worse, same, len(diffs), _verdict(low, high)
    )


def _moved(pairs: list[tuple[CaseResult, CaseResult]], metrics: list[str]) -> list[Any]:
    """The cases whose scores changed, most total change first, with their changes."""
    moved = []
    for case_a, case_b in pairs:
        changes = []
        for metric in metrics:
            x, y = case_value(case_a.scores, metric), case_value(case_b.scores, metric)
            if (x is None) != (y is None) or (x is not None and y is not None and abs(y - x) > _EPS):
                changes.append((metric, x, y))
        if changes:
            total = sum(abs(y - x) for _, x, y in changes if x is not None and y is not None)
            moved.append((case_a.id, total, changes))
    moved.sort(key=lambda item: -item[1])
    return moved


def compare_runs(a: EvalRun, b: EvalRun, *, resamples: int = RESAMPLES, seed: int = SEED) -> RunComparison:
    """Pair the runs' cases by id and compare every metric either run scored."""
    cases_b = {case.id: case for case in b.per_case}
    ids_a = {case.id for case in a.per_case}
    pairs = [(case, cases_b[case.id]) for case in a.per_case if case.id in cases_b]
    metrics = _metric_names(a, b)
    compared = [_compare_metric(m, pairs, a, b, resamples, seed) for m in metrics]
    return RunComparison(
        a=a.run_id or a.suite,
        b=b.run_id or b.suite,
        # a metric neither run scored at all (say `conflicts` on a suite without stories) is left out
        metrics=[m for m in compared if m.paired or m.a is not None or m.b is not None],
        only_a=[case.id for case in a.per_case if case.id not in cases_b],
        only_b=[case.id for case in b.per_case if case.id not in ids_a],
        moved=_moved(pairs, metrics),
        resamples=resamples,
        seed=seed,
    )
