"""A story's figures: every article's report of one count side by side, what the latest settle on, conflicts.

Grouping. Reports are grouped by (kind, what they count, unit). What they count is normalised: lower case,
singular, filler words ("number of", "the") dropped, words that restate a casualty kind dropped ("people killed",
"deaths" and "dead" are all kind killed, counting "people"), and a group whose words are a subset of exactly one
other group's with the same head noun joins it ("militants" and "Taliban militants").

Conflict, the rule. Each report states an interval for the true number on its article's date: exact [v, v],
range [v, upper], at_least [v, inf), more_than (v, inf), at_most [0, v], fewer_than [0, v), approximate
[0.75 v, 1.25 v]. Two reports conflict when they cannot both be true:

* on the same day (both articles carry that date, or they are the same article), their intervals do not meet.
  So "seven dead" and "nine dead" reported on one day conflict; "dozens injured" (at least 24) and "51 injured"
  do not: the exact figure refines the vague one;
* for counts that only grow (killed, injured, arrested), a later report below an earlier one's lower bound: a
  toll of 9 on Monday and 7 on Tuesday conflict, 7 on Monday and 9 on Tuesday is a count that grew. Other kinds
  (missing, displaced, money, ...) change both ways over time, so only same-day reports are compared;
* never two reports of one source in one article (an article that says "5 died in the first blast and 3 in the
  second" under one label is one source's account, not a contradiction), never reports whose article has no
  date against reports of other articles (there is no day to compare on);
* only figures whose label names one thing: casualty counts (killed, injured, missing, displaced, arrested)
  always; other kinds only when what they count is named in two words or more ("people evacuated",
  "turnout percent"), never a bare "percent", "days" or "USD", which gather different things under one unit;
  never ages (a story's ages are usually different people's).

Because intervals on a line meet pairwise exactly when they meet all together, pairwise checks decide whether
all reports can be true at once. A conflicting pair from two different sources in two different articles, one
of them at least a named source, is also a dispute (story.py finds it by code; no model is asked).

Latest. The reports of the group's latest date (all reports when none is dated) settle it: the most precise kind
of statement among them wins (exact or a numeral's lower bound such as "at least 38", then range, then
approximate, then other bounds such as "dozens"), then the value most articles give, then, for counts that only
grow, the larger.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarizer.contract import FIGURE_KINDS, Figure, StoryFigure, StoryReport, Value
from summarizer.text.lexicon import NUMBER_WORDS

__all__ = [
    "GROWING_KINDS",
    "FigureInput",
    "comparable",
    "conflicting_pairs",
    "counts_key",
    "group_figures",
    "incompatible",
]

GROWING_KINDS = frozenset({"killed", "injured", "arrested"})
"""Cumulative counts: a later report may be higher, never lower."""

_APPROX_TOLERANCE = 0.25
_FILLER = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "number",
        "numbers",
        "total",
        "totals",
        "toll",
        "tolls",
        "count",
        "figure",
        "some",
        "were",
        "was",
        "been",
        "have",
        "has",
        "had",
        "who",
        "that",
        "in",
        "at",
        "on",
        "by",
        "as",
        "were",
        "are",
        "is",
        "reported",
        "estimated",
        "confirmed",
    ]
)
_KIND_WORDS = {
    "killed": "killed kill kills killing dead death deaths die died dying fatality fatalities life lives lost",
    "injured": "injured injure injuries injury wounded wound wounds hurt casualty casualties",
    "missing": "missing unaccounted",
    "displaced": "displaced displace evacuated homeless fled",
    "arrested": "arrested arrest arrests detained detention held custody",
}
_PEOPLE = frozenset({"people", "person", "persons", "individual", "individuals"})
_VICTIMS = frozenset(
    {
        "victim",
        "worker",
        "employee",
        "passenger",
        "other",
        "casualty",
        "suspect",
        "survivor",
        "citizen",
        "resident",
    }
)
"""Nouns outlets use for the whole of a casualty or arrest count ("two workers were killed", "14 passengers
died", "a suspect was arrested"): one group with "people", where "soldiers", "children" or "civilians" name a
side or a part."""
_CASUALTY_KINDS = frozenset({"killed", "injured", "missing", "arrested", "displaced"})
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class FigureInput:
    """One figure of one article's brief, with what the story knows about that article."""

    article: str
    date: str | None
    figure: Figure


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def counts_key(counts: str, kind: str) -> tuple[str, ...]:
    """What a figure counts, normalised for grouping (see the module doc)."""
    words = [w for w in _WORD.findall(counts.casefold()) if w not in _FILLER]
    restated = set(_KIND_WORDS.get(kind, "").split())
    words = [w for w in words if w not in restated]
    words = ["people" if w in _PEOPLE else _singular(w) for w in words]
    # an arrest count names whoever was held ("two men", "two officials"): arrests have no sides
    whole = kind in _CASUALTY_KINDS and len(words) == 1 and (words[0] in _VICTIMS or kind == "arrested")
    if whole and (words[0] != "suspect" or kind == "arrested"):  # suspects killed are another party
        words = ["people"]
    if not words and kind in _KIND_WORDS:
        words = ["people"]
    return tuple(dict.fromkeys(words))


def _single(value: float | None, text: str) -> bool:
    """One person counted without a numeral: "A victim", "The driver", "His passenger", "Travis Hebert"."""
    first = text.split(" ", 1)[0].lower()
    return value == 1 and not first.isdigit() and first not in {"one", "single"}


def _approx(report: StoryReport) -> str:
    """The report's kind of statement, as the story reads it: one person counted without a numeral ("A victim
    died in hospital on Tuesday", "The driver was hurt", "Travis Hebert died") says at least one, whatever the
    day's toll."""
    return "at_least" if _single(report.value, report.text) else report.approx


def _group_key(figure: Figure) -> tuple[str, tuple[str, ...], str | None]:
    """A figure's group. One person counted without a numeral is a lower bound on the whole count of its
    kind ("A 34-year-old man was taken into custody" joins "the number of people arrested remained at one")."""
    words = counts_key(figure.counts, figure.kind)
    if figure.kind in _CASUALTY_KINDS and len(words) == 1 and _single(figure.value, figure.text):
        words = ("people",)
    return figure.kind, words, figure.unit


def _interval(report: StoryReport) -> tuple[float, float] | None:
    """The interval of true values the report allows (open ends nudged by a hair)."""
    v = report.value
    if v is None:
        return None
    tiny = 1e-9 * max(1.0, abs(v))
    match _approx(report):
        case "exact":
            return v, v
        case "range":
            return v, report.upper if report.upper is not None else v
        case "at_least":
            return v, math.inf
        case "more_than":
            return v + tiny, math.inf
        case "at_most":
            return min(0.0, v), v
        case "fewer_than":
            return min(0.0, v), v - tiny
        case _:
            return v * (1 - _APPROX_TOLERANCE), v * (1 + _APPROX_TOLERANCE)


def incompatible(
    a: StoryReport, b: StoryReport, dates: dict[str, str | None], kind: str, same_source: bool
) -> bool:
    """Whether two reports of one figure cannot both be true (the module's rule)."""
    if a.article == b.article and same_source:
        return False
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None or a.unit != b.unit:
        return False
    da, db = dates.get(a.article), dates.get(b.article)
    if a.article == b.article or (da is not None and da == db):
        return ia[1] < ib[0] or ib[1] < ia[0]
    if da is None or db is None or kind not in GROWING_KINDS:
        return False
    early, late = (ia, ib) if da < db else (ib, ia)
    return late[1] < early[0]


def comparable(figure: StoryFigure) -> bool:
    """Whether the figure's reports count one thing, so that differing values can conflict (module rule)."""
    if figure.kind in _KIND_WORDS:
        return True
    return figure.kind != "age" and len(counts_key(figure.counts, figure.kind)) >= 2


def conflicting_pairs(
    figure: StoryFigure, dates: dict[str, str | None], source_of: Callable[[StoryReport], str]
) -> list[tuple[int, int]]:
    """Index pairs of the figure's reports that cannot both be true."""
    if not comparable(figure):
        return []
    reports = figure.reports
    pairs = []
    for i, a in enumerate(reports):
        for j in range(i + 1, len(reports)):
            b = reports[j]
            same = source_of(a).casefold() == source_of(b).casefold()
            if incompatible(a, b, dates, figure.kind, same):
                pairs.append((i, j))
    return pairs


_PRECISION = {"exact": 0, "range": 1, "approximate": 2}


def _precision(report: StoryReport) -> int:
    """How precise a statement is, 0 best. A toll "at least 38" written with a numeral is how outlets state
    an exact count that may still rise: as precise as "38"; "dozens" and one person counted by "a" are not."""
    approx = _approx(report)
    numeral = bool(re.search(r"\d", report.text)) or any(
        w in NUMBER_WORDS for w in report.text.lower().split()
    )
    if approx in {"at_least", "more_than"} and numeral and not _single(report.value, report.text):
        return 0
    return _PRECISION.get(approx, 3)


def _latest(reports: Sequence[StoryReport], dates: dict[str, str | None], kind: str) -> Value | None:
    valued = [r for r in reports if r.value is not None]
    if not valued:
        return None
    current = [r for r in valued if not superseded(r)]
    valued = current or valued
    grows = kind in GROWING_KINDS
    pool = _latest_pool(valued, dates, grows)
    best = min(_precision(r) for r in pool)
    pool = [r for r in pool if _precision(r) == best]
    support: dict[tuple[float | None, float | None, str], set[str]] = {}
    for r in pool:
        support.setdefault((r.value, r.upper, _approx(r)), set()).add(r.article)

    def rank(key: tuple[float | None, float | None, str]) -> tuple[int, float, float, str]:
        value = key[0] or 0.0
        return (-len(support[key]), -value if grows else value, key[1] or 0.0, key[2])

    value, upper, approx = min(support, key=rank)
    return Value(value=value, upper=upper, approx=approx)  # type: ignore[arg-type]


_SUPERSEDED = re.compile(
    r"(?i)(?:\b(?:up|down|revised|revising|rose|risen|climbed|increased|fell)\b[^.;]{0,40}\bfrom"
    r"|\bto\s+[\w,.-]+\s+from"
    r"|\bhad\s+(?:\w+\s+){0,2}?(?:put|said|given|reported|insisted|claimed|estimated|cited|announced|stated)\b"
    r"[^.;]{0,40}"
    r"|\b(?:initially|originally|previously|briefly|first)\s+(?:\w+\s+){0,3}"
    r"|\bearlier\s+(?:report|figure|count|toll|estimate)s?\b[^.;]{0,30}"
    r"|\bnot|\brather\s+than)"
    r"\s+(?:about\s+|at\s+least\s+|some\s+|around\s+)?$"
)


def superseded(report: StoryReport) -> bool:
    """The article itself gives the value as one it has moved on from: "bringing the toll to 38 from 34",
    "up from 12", "the council, which had earlier put the toll at 41", "briefly reported 36 before revising",
    "an earlier report said 30", "not 910 as reported". It stays among the reports, not in what the latest
    settle on."""
    at = report.evidence.find(report.text)
    return at > 0 and _SUPERSEDED.search(report.evidence[max(0, at - 90) : at]) is not None


def _latest_pool(valued: list[StoryReport], dates: dict[str, str | None], grows: bool) -> list[StoryReport]:
    """The reports of the latest day that says something new: for a count that only grows, a day whose only
    reports are lower bounds no higher than an earlier report ("A victim died in hospital on Tuesday" after
    "14 killed") leaves the earlier day's reports standing."""
    days = sorted({d for r in valued if (d := dates.get(r.article))}, reverse=True)
    if not days:
        return valued
    for day in days:
        pool = [r for r in valued if dates.get(r.article) == day]
        earlier = [r.value or 0.0 for r in valued if (d := dates.get(r.article)) and d < day]
        bounds = all(_approx(r) in {"at_least", "more_than"} for r in pool)
        if not grows or not bounds or not earlier or any((r.value or 0.0) > max(earlier) for r in pool):
            return pool
    return valued  # (not reached: the earliest day has no earlier reports)


def _report(item: FigureInput, source: str | None) -> StoryReport:
    f = item.figure
    return StoryReport(
        value=f.value,
        upper=f.upper,
        approx=f.approx,
        text=f.text,
        unit=f.unit,
        source=source,
        article=item.article,
        evidence=f.evidence,
        span=f.span,
    )


def _join_subsets(groups: dict[tuple[str, tuple[str, ...], str | None], list[FigureInput]]) -> None:
    """A group whose words are a subset of exactly one other group's (same kind, unit, head noun) joins it."""
    for key in sorted(groups, key=lambda k: (len(k[1]), k[0], k[1], k[2] or "")):  # a unit may be None
        kind, words, unit = key
        if not words:
            continue
        wider = [
            k
            for k in groups
            if k != key and k[0] == kind and k[2] == unit and set(words) < set(k[1]) and k[1][-1] == words[-1]
        ]
        if len(wider) == 1:
            groups[wider[0]].extend(groups.pop(key))


def group_figures(
    items: Sequence[FigureInput],
    source_name: Callable[[FigureInput], str | None],
    voice: Callable[[StoryReport], str],
) -> list[StoryFigure]:
    """Every figure of every article, grouped, each group's reports sorted by date, article and place.
    `source_name` gives a report's `source` as the story names it; `voice` who speaks in a report (its source,
    or the outlet's own voice when it has none), to tell one source's account from two sources'."""
    groups: dict[tuple[str, tuple[str, ...], str | None], list[FigureInput]] = {}
    for item in items:
        f = item.figure
        groups.setdefault(_group_key(f), []).append(item)
    _join_subsets(groups)
    dates = {item.article: item.date for item in items}
    figures = []
    for (kind, _, _), members in groups.items():
        reports = {}
        for item in members:
            report = _report(item, source_name(item))
            reports[(report.article, report.span, report.text, report.value, report.approx)] = report
        ordered = sorted(
            reports.values(),
            key=lambda r: (
                dates.get(r.article) is None,
                dates.get(r.article) or "",
                r.article,
                r.span,
                r.text,
            ),
        )
        counts_votes: dict[str, set[str]] = {}
        for item in members:
            counts_votes.setdefault(item.figure.counts, set()).add(item.article)
        counts = min(counts_votes, key=lambda c: (-len(counts_votes[c]), len(c), c))
        figure = StoryFigure(
            counts=counts,
            kind=kind,  # type: ignore[arg-type]  # a Figure's own kind
            reports=ordered,
            latest=_latest(ordered, dates, kind),
            conflict=False,
        )
        figure.conflict = bool(conflicting_pairs(figure, dates, voice))
        figures.append(figure)
    figures.sort(
        key=lambda f: (
            FIGURE_KINDS.index(f.kind),
            -len({r.article for r in f.reports}),
            f.counts.casefold(),
            f.counts,
            [(r.article, r.span) for r in f.reports],
        )
    )
    return figures
