"""Find and resolve the date phrases of a news article (stdlib only).

Briefs must not turn "Sunday night" into the wrong calendar day, so every date
phrase in the article is located by span and, where it names a single day,
resolved against the article's own date.  The rules, in brief:

* Absolute dates ("2021-05-24", "May 1, 2020", "1st of May 2020",
  "Thursday, January 12, 2006") resolve as written, with or without an
  article date.
* A month and day without a year ("May 1", "Jan. 12") takes the article's
  year unless that lands more than ``YEAR_WINDOW`` (about ten months) away
  from the article date, in which case the adjacent year is used.  News copy
  freely states future deadlines in the current year ("pushed back to
  September 11" in a May article), so a short look-ahead window like two
  months would misdate them; a ten-month window only flips the year for the
  near-new-year cases ("December 30" in a January article).  A weekday given
  with the date picks the year in which that weekday fits, when one does.
* A weekday ("Sunday night", "late Sunday", "on Monday") is the most recent
  such day on or before the article date; with "last"/"past" it is strictly
  before, with "next"/"coming" strictly after, "this" changes nothing.
  Tense is not analysed, so "will meet on Friday" still resolves backwards.
* "today"/"tonight"/"this morning" are the article date, "yesterday"/"last
  night" the day before, "tomorrow" the day after, and "N days ago" N days
  back.
* Phrases naming no single day ("last month", "in recent weeks", "May 2020",
  "in May", "2019", "May 1-3") are reported with date None, as is anything
  relative when no article date is known.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from summarizer.text.lexicon import MONTH_ABBREVIATIONS, MONTHS, NUMBER_WORDS, WEEKDAY_ABBREVIATIONS, WEEKDAYS

__all__ = ["YEAR_WINDOW", "DateMention", "dateline", "find_dates"]

YEAR_WINDOW = datetime.timedelta(days=305)
"""A yearless month-day this far or nearer to the article date keeps its year."""

_DATELINE_CHARS = 300

_MONTHS = {name[:3]: number for name, number in MONTHS.items()}
_WEEKDAYS = {name[:3]: number for name, number in WEEKDAYS.items()}
_NUMBER_WORDS = {"a": 1, "an": 1, **{word: n for word, n in NUMBER_WORDS.items() if 1 <= n <= 12}}

# Regex fragments.  Digits are spelled [0-9] because \d also matches non-ASCII
# digits that no English date uses.
_MONTH = "(?P<mon>" + "|".join([*MONTHS, *(abbr + r"\.?" for abbr in MONTH_ABBREVIATIONS)]) + r")(?!\w)"
_WEEKDAY = "(?P<wd>" + "|".join(WEEKDAYS) + r")(?!\w)"
_WEEKDAY_PREFIX = r"(?:\b(?P<wd>" + "|".join([*WEEKDAYS, *WEEKDAY_ABBREVIATIONS]) + r")\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?(?!\w)"
_RANGE = r"(?P<range>\s*(?:-|\u2013|\u2014|to|through)\s*[0-3]?[0-9](?:st|nd|rd|th)?(?!\w))?"
_YEAR_SUFFIX = r"(?:\s*,\s*|\s+)(?P<year>[0-9]{4})(?![0-9])"
_NUMBER = r"(?P<n>[0-9]{1,4}|" + "|".join(_NUMBER_WORDS) + r")"
_PREP = r"in|since|until|till|by|during|from|through|throughout|of|before|after"
_PERIOD_WORDS = r"days?|weeks?|weekends?|months?|years?|decades?"
_SEASONS = r"spring|summer|autumn|fall|winter"

_COUNT = r"(?:[0-9]+|few|several|" + "|".join(_NUMBER_WORDS) + r")"
_VAGUE = "|".join(
    [
        r"(?:this\s+past|last|this|next|past|previous|coming)\s+(?:week|weekend|month|year|decade|"
        + _SEASONS
        + r")",
        r"the\s+(?:past|last|previous|next|coming)\s+(?:" + _COUNT + r"\s+)?(?:" + _PERIOD_WORDS + r")",
        r"(?:in\s+)?recent\s+(?:days|weeks|months|years)",
        _COUNT + r"\s+(?:weeks?|months?|years?|decades?)\s+ago",
        r"the\s+(?:previous|next|following)\s+day",
        r"the\s+day\s+(?:before|after)",
    ]
)

_Resolver = Callable[[re.Match[str], datetime.date | None], datetime.date | None]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase found in a text: ``text == source[start:end]``.

    ``date`` is the resolved day, or None when the phrase names no single day
    (or it is relative and no article date was given).
    """

    text: str
    start: int
    end: int
    date: datetime.date | None


@dataclass(frozen=True, slots=True)
class _Rule:
    """One family of date phrases: how to match it and how to resolve it."""

    pattern: re.Pattern[str]
    resolve: _Resolver
    needs_cue: bool = False  # bare month or year: only a date after "in", "early", ...


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _month_number(token: str) -> int | None:
    return _MONTHS.get(token.casefold()[:3])


def _weekday_number(token: str) -> int | None:
    return _WEEKDAYS.get(token.casefold()[:3])


def _shift(ref: datetime.date | None, days: int) -> datetime.date | None:
    """``ref`` moved by ``days``, or None when unknown or out of range."""
    if ref is None:
        return None
    try:
        return ref + datetime.timedelta(days=days)
    except OverflowError:
        return None


def _make_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, ref: datetime.date, weekday: int | None) -> datetime.date | None:
    """Place a yearless month-day relative to the article date (see module doc)."""
    candidates = [d for d in (_make_date(ref.year + k, month, day) for k in (0, -1, 1)) if d is not None]
    if weekday is not None:
        fitting = [d for d in candidates if d.weekday() == weekday]
        if fitting:
            return min(fitting, key=lambda d: abs(d - ref))
    if not candidates:
        return None
    same_year = candidates[0] if candidates[0].year == ref.year else None
    if same_year is not None and abs(same_year - ref) <= YEAR_WINDOW:
        return same_year
    return min(candidates, key=lambda d: (abs(d - ref), d))


def _resolve_month_day(m: re.Match[str], ref: datetime.date | None) -> datetime.date | None:
    if m.group("range"):
        return None
    month = _month_number(m.group("mon"))
    day = int(m.group("day"))
    if month is None:
        return None
    if m.group("year"):
        return _make_date(int(m.group("year")), month, day)
    if ref is None:
        return None
    weekday = _weekday_number(m.group("wd")) if m.group("wd") else None
    return _infer_year(month, day, ref, weekday)


def _resolve_numeric(m: re.Match[str], ref: datetime.date | None) -> datetime.date | None:
    return _make_date(int(m.group("year")), int(m.group("month")), int(m.group("day")))


def _resolve_weekday(m: re.Match[str], ref: datetime.date | None) -> datetime.date | None:
    weekday = _weekday_number(m.group("wd"))
    if ref is None or weekday is None:
        return None
    modifier = " ".join((m.group("mod") or "").casefold().split())
    back = (ref.weekday() - weekday) % 7
    if modifier in {"last", "past", "this past"}:
        return _shift(ref, -(back or 7))
    if modifier in {"next", "coming", "this coming"}:
        return _shift(ref, (weekday - ref.weekday()) % 7 or 7)
    return _shift(ref, -back)


_DAY_WORD_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _resolve_day_word(m: re.Match[str], ref: datetime.date | None) -> datetime.date | None:
    offset = _DAY_WORD_OFFSETS.get(m.group("word").casefold())
    return None if offset is None else _shift(ref, offset)


def _resolve_this_part(m: re.Match[str], ref: datetime.date | None) -> datetime.date | None:
    return _shift(ref, -1 if m.group("part").casefold().startswith("last") else 0)


def _resolve_two_days(m: re.Match[str], ref: datetime.date | None) -> datetime.date | None:
    return _shift(ref, -2 if m.group("dir").casefold().startswith("before") else 2)


def _resolve_days_ago(m: re.Match[str], ref: datetime.date | None) -> datetime.date | None:
    token = m.group("n").casefold()
    days = int(token) if token.isdigit() else _NUMBER_WORDS.get(token)
    return None if days is None else _shift(ref, -days)


def _resolve_none(m: re.Match[str], ref: datetime.date | None) -> datetime.date | None:
    return None


_RULES: tuple[_Rule, ...] = (
    # 2021-05-24 (also / or . separated)
    _Rule(
        _compile(
            r"(?<![0-9])(?P<year>[0-9]{4})(?P<sep>[-/.])(?P<month>[0-9]{1,2})"
            r"(?P=sep)(?P<day>[0-9]{1,2})(?![0-9])"
        ),
        _resolve_numeric,
    ),
    # Thursday, January 12, 2006 / May 1 / Jan. 12 / May 1-3
    _Rule(
        _compile(
            _WEEKDAY_PREFIX
            + r"(?P<core>\b"
            + _MONTH
            + r"\s+(?:the\s+)?"
            + _DAY
            + _RANGE
            + r"(?:"
            + _YEAR_SUFFIX
            + r")?)"
        ),
        _resolve_month_day,
    ),
    # Thursday 12 January 2006 / 1 May / the 1st of May 2020
    _Rule(
        _compile(
            _WEEKDAY_PREFIX
            + r"(?P<core>(?:\bthe\s+)?(?<![\w.,:/-])"
            + _DAY
            + _RANGE
            + r"\s+(?:of\s+)?\b"
            + _MONTH
            + r"(?:,?\s+(?P<year>[0-9]{4})(?![0-9]))?)"
        ),
        _resolve_month_day,
    ),
    # late Sunday / Sunday night / last Friday / early on Thursday
    _Rule(
        _compile(
            r"\b(?:(?:late|early)\s+(?:on\s+)?)?"
            r"(?:(?P<mod>this\s+past|this\s+coming|last|this|next|past|coming)\s+)?"
            + _WEEKDAY
            + r"(?:\s+(?:morning|afternoon|evening|night|overnight)(?!\w))?"
        ),
        _resolve_weekday,
    ),
    # today / late yesterday / tomorrow morning
    _Rule(
        _compile(
            r"\b(?:(?:late|early|earlier|later)\s+)?(?P<word>today|tonight|yesterday|tomorrow)"
            r"(?!\w)(?:\s+(?:morning|afternoon|evening|night)(?!\w))?"
        ),
        _resolve_day_word,
    ),
    # this morning / last night
    _Rule(
        _compile(
            r"\b(?:(?:late|early|earlier|later)\s+)?"
            r"(?P<part>this\s+(?:morning|afternoon|evening)|last\s+(?:night|evening))(?!\w)"
        ),
        _resolve_this_part,
    ),
    # the day before yesterday / the day after tomorrow
    _Rule(
        _compile(r"\bthe\s+day\s+(?P<dir>before\s+yesterday|after\s+tomorrow)(?!\w)"),
        _resolve_two_days,
    ),
    # 3 days ago / two days ago
    _Rule(_compile(r"\b" + _NUMBER + r"\s+days?\s+ago(?!\w)"), _resolve_days_ago),
    # last month / earlier this year / in recent weeks / two weeks ago / the next day
    _Rule(_compile(r"\b(?:(?:earlier|later|late|early)\s+)?(?:" + _VAGUE + r")(?!\w)"), _resolve_none),
    # in May / early June / mid-March / May 2020 (a month, not a day)
    _Rule(
        _compile(
            r"(?:\b(?P<cue>" + _PREP + r")\s+)?(?P<span>(?:(?P<mod>early|late|mid|last|next|this)"
            r"(?:-|\s+))?\b" + _MONTH + r"(?:,?\s+(?P<year>[0-9]{4})(?![0-9]))?)(?!\s*[0-9])"
        ),
        _resolve_none,
        needs_cue=True,
    ),
    # in 2019 / the 1991 Hajj / mid-2019 (a year, not a day)
    _Rule(
        _compile(
            r"(?:\b(?P<cue>" + _PREP + r"|the)\s+)?(?P<span>(?:(?P<mod>early|late|mid)(?:-|\s+))?"
            r"(?<![0-9])(?P<year>1[89][0-9]{2}|20[0-9]{2})(?!\w|[.,][0-9]))"
        ),
        _resolve_none,
        needs_cue=True,
    ),
)


def _accept(rule: _Rule, m: re.Match[str]) -> bool:
    """Reject matches that are too weak to be dates in running text.

    Month names must be capitalised ("may" is a verb, "march" a noun), and a
    bare month or year only counts with a cue ("in May", "mid-2019").
    """
    groups = m.groupdict()
    month = groups.get("mon")
    if month is not None and not month[:1].isupper():
        return False
    if rule.needs_cue:
        return bool(groups.get("cue") or groups.get("mod") or (month and groups.get("year")))
    return True


def _span(m: re.Match[str], resolved: datetime.date | None) -> tuple[int, int]:
    """The part of a match that is the date phrase.

    Leading prepositions ("in May") are left out, and so is a weekday prefix
    that contradicts the date: "Edmonton Sun, August 16, 2008" names a
    newspaper, not a Sunday.
    """
    groups = m.groupdict()
    if groups.get("span") is not None:
        return m.span("span")
    weekday = groups.get("wd")
    if (
        groups.get("core") is not None
        and weekday is not None
        and resolved is not None
        and resolved.weekday() != _weekday_number(weekday)
    ):
        return m.span("core")
    return m.span()


def find_dates(text: str, article_date: datetime.date | None) -> list[DateMention]:
    """Every date phrase in ``text`` with its span, resolved against ``article_date``.

    Spans are maximal ("late Sunday", not "Sunday") and never overlap; the
    result is in text order.
    """
    candidates: list[DateMention] = []
    for rule in _RULES:
        for m in rule.pattern.finditer(text):
            if not _accept(rule, m):
                continue
            resolved = rule.resolve(m, article_date)
            start, end = _span(m, resolved)
            if start < end:
                candidates.append(DateMention(text[start:end], start, end, resolved))
    # Longest first, then earliest; keep each one that overlaps nothing kept.
    candidates.sort(key=lambda c: (c.start - c.end, c.start))
    starts: list[int] = []  # kept spans, sorted and disjoint, so neighbours suffice
    chosen: list[DateMention] = []
    for cand in candidates:
        k = bisect.bisect_right(starts, cand.start)
        if k > 0 and chosen[k - 1].end > cand.start:
            continue
        if k < len(chosen) and chosen[k].start < cand.end:
            continue
        starts.insert(k, cand.start)
        chosen.insert(k, cand)
    return chosen


_LABEL = re.compile(r"(?:date|dated|published|posted|updated)\s*:?\s*", re.IGNORECASE)


def dateline(text: str) -> datetime.date | None:
    """The article's own date, read from its first ~300 characters.

    Accepts an ISO date (as in our "date 2021-05-24 ..." headers) or a full
    date with a year that opens a line ("Thursday, January 12, 2006"),
    optionally after a label like "Published:", whichever comes first.  Other
    dates inside running prose are ignored: they describe events, not the
    article.
    """
    # Extend the cut to the end of its line so a date is never read half-cut.
    cut = text.find("\n", _DATELINE_CHARS)
    head = text[: min(_DATELINE_CHARS + 100, len(text) if cut == -1 else cut)]
    for mention in find_dates(head, None):
        if mention.date is None:
            continue
        if _RULES[0].pattern.fullmatch(mention.text):
            return mention.date
        line_start = head.rfind("\n", 0, mention.start) + 1
        line_end = head.find("\n", mention.end)
        line = head[line_start : len(head) if line_end == -1 else line_end].strip()
        line = _LABEL.sub("", line, count=1) if _LABEL.match(line) else line
        if line.startswith(mention.text):
            return mention.date
    return None
