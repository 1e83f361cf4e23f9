"""Figures in news text, found and normalised by code.

Why: a brief's figures are checked against the article, so the numbers come from code that reads the article
(`find_numbers`), never from a language model's own reading of "more than three dozen". Plain Python;
one tokenising pass and a left-to-right scan, fast enough to run on every article.

Where things are: this module holds the policy (below), the result types and the scanner's context rules (is a
number a year, a label, a score, the pronoun "one", a range's end?); `number_reader` reads one number with its
currency, multiplier and unit; `number_tokens` tokenises and blocks dates, times and codes; `number_vocab` holds
the qualifier, currency, unit and context word tables; the number words are in `lexicon`.

Normalisation policy
--------------------
value
    The number as stated, scaled only by multiplier words: "1.2 million" -> 1_200_000, "3bn" -> 3e9,
    "three dozen" -> 36, "half a million" -> 500_000, "one and a half" -> 1.5. Percentages stay as written
    ("45%" -> 45, unit "%"). For qualified figures the stated number is kept and the qualifier goes to
    `approx` ("up to 60" -> value 60, "at_most"). For a range, value is the low end and `upper` the high end.
approx
    "more than", "over", "above", "upwards of", "in excess of" -> more_than; "at least", "no fewer than",
    "no less than", "N or more", "N+" -> at_least; "about", "around", "approximately", "roughly", "some",
    "nearly", "almost", "close to", "an estimated", "N or so" -> approximate; "up to", "at most",
    "no more than", "as many as" -> at_most; "fewer than", "less than", "under", "below" -> fewer_than;
    "50-60", "50 to 60", "between 50 and 60", "from 50 to 60", "one or two" -> range (a qualifier in front
    of a range is dropped: "about 50-60" is a range).
vague quantities
    Their lower bound with approx "at_least": dozens 24, scores (of) 40, hundreds 100, thousands 1000,
    tens of thousands 10_000, hundreds of thousands 100_000, millions 1e6, billions 1e9; "a few hundred" 200
    and "several hundred" 300 (a few >= 2, several >= 3). A qualifier in front replaces "at_least".
compound adjectives
    Keep the written number and unit: "two-decade war" -> 2 "decades" (not 20 years), "14-year-old" -> 14
    "years", "nine-month-old" -> 9 "months". Durations are never converted between units.
units
    Canonical short forms: "%", "percentage points", "km", "m", "cm", "mm", "miles", "ft", "m2", "km2", "ha",
    "kg", "g", "tonnes", "lb", "L", "°C", "°F", "years", "months", "weeks", "days", "hours", "minutes",
    "seconds", "decades", "centuries", ... Money becomes its ISO 4217 code whether written as a symbol, code
    or word: "$" and bare "dollars" -> USD, "NZ$" -> NZD, "€" -> EUR, "£" -> GBP, "¥" -> JPY, "rupees" -> INR.
    "m" is million after money ("€40m") or glued before a plural noun ("3m people"), otherwise metres;
    "pounds" is GBP after a magnitude or with "sterling", otherwise weight ("lb"). Plain counts
    ("140,000 people") have unit None.
"a", "an", "half"
    Count as numbers only in "a hundred", "a dozen", "half a million", "half an hour" (0.5 hours), and right
    after a qualifier: "nearly a decade" -> 1 decade, approximate.

Not figures (`find_numbers` skips them all; the scanner's non-strict mode, which reads a phrase already meant as
a figure, skips the year rule and "a serious one." and accepts a bare "scores")
    * dates: "May 1", "September 11", "1 May 2020", "2021-05-24", "24/05/2021", "9/11" (any digit/digit);
    * years: a bare four-digit integer from 1000 to 2100 is a year unless money, a unit or a magnitude is
      attached, or a lowercase content word follows and no year word ("in", "since", "by", "the", a month...)
      precedes: "1709 schoolchildren" is a count, "in 1991", "the 2014 protests", "2000 - 2050" are years;
    * times: "10:30", "5 p.m.", "6:00am", "five o'clock", "15:11 GMT"; eras: "500 BC", "79 AD";
    * ordinals ("2nd", "first"), decades ("1980s", "'90s"), codes glued to letters ("G20", "4G", "IE9",
      "COVID-19", "F-16", "high-five"), a plain integer right after a capitalised word ("Windows 7",
      "Studio 54", "World Cup 2018"; not "About 50", "Tuesday 3"), labels after words such as "number",
      "page", "posts", "day" ("posts 542 and 543", "day five"), "No. 5", "#3", "the 747,", list numbering,
      phone numbers, version numbers;
    * "one" as a pronoun: "one of", "no one", "the one", "one that", "a serious one.", "one-sided".
    Sports scores ("Tunisia 1 – 2 England") are two separate exact figures, not a range.

Known limits: fractions ("a third", "half of") and ratios ("one in three") are not combined; "one" used as a
determiner ("one national team") is still a figure; a capitalised word before a number in a Title Case
headline hides it ("Floods Kill 50"); "X to Y" after a bare "from" is read as a range (after "rose" or "the toll", a change); Roman
numerals, "a couple of" and spelled-out fractions are ignored; bare "pesos", "francs", "dinars", "won" (too
ambiguous) get no currency.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from summarizer.contract import Approx
from summarizer.text.number_reader import Core, NumberReader, Skip
from summarizer.text.number_vocab import (
    CAP_FUNCTION,
    CLAUSE_PUNCT,
    DASHES,
    LABEL_WORDS,
    MONEY,
    MONTH_NAMES,
    ONE_BEFORE_END,
    ONE_NEXT,
    ONE_PREV,
    QUALIFIER_TRIE,
    SCORE_WORDS,
    STARTERS,
    WEEKDAY_NAMES,
    YEAR_AFTER,
    YEAR_BEFORE,
)

__all__ = ["NumberMention", "Quantity", "find_numbers", "values_match"]

_RAISED = frozenset(
    {"revised", "raised", "pushed", "bumped", "moved", "rose", "risen", "climbed", "jumped", "went", "gone"}
    | {"shot", "driven", "brought", "sent"}
)
"""Verbs after which "up to N" is a move up, to N, not a bound ("revised up to 21")."""
_CHANGED = _RAISED | {
    "rise", "rises", "raise", "raises", "raising", "climb", "climbs", "jump", "jumps", "increased", "increases",
    "fell", "falls", "dropped", "drops", "grew", "grows", "bringing", "brings", "revising", "revises",
    "toll", "tally", "count", "figure", "number",
}  # fmt: skip
"""Words before "from X to Y" that make it a change from X to Y, not a range ("the toll rose from 9 to 12")."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A normalised figure: what a brief's `value`/`upper`/`approx`/`unit` fields hold."""

    value: float | None
    upper: float | None
    approx: Approx
    unit: str | None


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A figure found in an article; `text == article[start:end]`, so it can serve as evidence."""

    text: str
    start: int
    end: int
    quantity: Quantity


def find_numbers(text: str) -> list[NumberMention]:
    """Every figure in an article, maximal ("about 120 kilometers"), in order and non-overlapping.

    Dates, years, times, ordinals, names and codes are left out (see the module docstring), so each mention is
    something a brief may state as a figure and be checked against.
    """
    return _Scanner(text, strict=True).scan()


def values_match(a: float, b: float, rel: float = 0.005) -> bool:
    """Equal within a relative tolerance (0.5% by default).

    Why: figures reach a check through different roundings and float arithmetic ("1.2 million" vs
    1_200_000.0000001, "33.3%" vs 33.33), and a check must not fail on those; NaN never matches.
    """
    if rel < 0:
        raise ValueError("rel must be >= 0")
    if math.isnan(a) or math.isnan(b):
        return False
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-9)


@dataclass(slots=True)
class _Found:
    first: int
    end: int
    quantity: Quantity


_Got = _Found | Skip | None
"""What a scan step finds at a token: a figure, a stretch that is not one (resume after it), or nothing."""


class _Scanner(NumberReader):
    """Finds the figures of a text left to right; `strict` is article mode (years and "a serious one." apply)."""

    # -- context rules -----------------------------------------------------------------------------

    @staticmethod
    def yearish(c: Core) -> bool:
        return c.plain and c.ndigits == 4 and 1000 <= c.value <= 2100 and c.approx == "exact"

    def counts_not_year(self, before: int, after: int) -> bool:
        """A four-digit number is a count only with a content word after it and no year word before it."""
        if 0 <= before < self.n:
            prev = self.toks[before]
            if prev.low in YEAR_BEFORE or prev.text in MONTH_NAMES:
                return False
        if after < self.n:
            t = self.toks[after]
            return t.kind == "word" and t.text[0].islower() and t.low not in YEAR_AFTER
        return False

    def label_end(self, c: Core) -> int | None:
        """End of "Windows 7", "posts 542 and 543", "day five", "the 747,": a name or label, not a figure."""
        if c.mag is not None or c.approx != "exact" or c.kind == "vague":
            return None
        # a unit rules out a name, except after a year-like one: "World Cup 2018 day five"
        if c.unit is not None and not (c.bare and c.ndigits == 4 and 1000 <= c.value <= 2100):
            return None
        if c.first == 0 or not self.labelled(c):
            return None
        end = c.end
        while end + 1 < self.n and (
            self.low(end) in ("and", "or", "&", ",", "to") or self.toks[end].text in DASHES
        ):
            if self.toks[end + 1].kind != "num" or not self.toks[end + 1].text.isdigit():
                break
            end += 2
        return end

    def labelled(self, c: Core) -> bool:
        """The word before the number makes it a label or part of a name."""
        prev = self.toks[c.first - 1]
        if prev.kind != "word" or self.glued(c.first):
            return False
        after = self.toks[c.end] if c.end < self.n else None
        if prev.low in LABEL_WORDS and (after is None or after.kind != "word" or after.low in YEAR_AFTER):
            return True  # "posts 542 and 543", "day five of", but not "each day 500 people"
        if c.bare and prev.text[0].isupper():
            # "Windows 7", "Studio 54", but not "About 50" or "Tuesday 3"
            return (
                prev.low not in CAP_FUNCTION
                and prev.low not in WEEKDAY_NAMES
                and prev.text not in MONTH_NAMES
            )
        if c.plain and prev.low == "the":
            return c.end >= self.n or self.toks[c.end].text in CLAUSE_PUNCT  # "the 747,"
        return False

    def pronoun_one(self, c: Core) -> bool:
        if not c.is_one or c.unit is not None:
            return False
        prev, nxt = self.low(c.first - 1), c.end
        if self.low(nxt) in ONE_NEXT or prev in ONE_PREV:
            return True
        if self.is_hyphen_link(nxt):
            return True  # one-sided, one-off
        if self.strict and (nxt >= self.n or self.toks[nxt].text in CLAUSE_PUNCT):
            return prev not in ONE_BEFORE_END  # "a very serious one."
        return False

    def is_score(self, c1: Core, c2: Core) -> bool:
        if not (c1.plain and c2.plain and c1.value <= 30 and c2.value <= 30):
            return False
        k = c1.first - 1
        if self.is_word(k):
            prev = self.toks[k]
            if prev.low in SCORE_WORDS:
                return True
            if prev.text[0].isupper() and prev.low not in CAP_FUNCTION:
                return True
        return False

    def suffix(self, end: int) -> tuple[Approx, int] | None:
        w1, w2 = self.low(end), self.low(end + 1)
        at_end = end + 2 >= self.n or self.toks[end + 2].kind != "word"
        if w1 == "or" and w2 in ("more", "above", "higher", "over", "greater", "upwards"):
            return "at_least", end + 2
        if w1 == "and" and (w2 in ("above", "older", "upwards") or (w2 in ("over", "up") and at_end)):
            return "at_least", end + 2
        if w1 == "or" and w2 in ("so", "thereabouts"):
            return "approximate", end + 2
        if w1 == "or" and w2 in ("less", "fewer", "under", "below", "lower", "younger"):
            return "at_most", end + 2
        return None

    # -- mentions ----------------------------------------------------------------------------------

    def make_range(self, c1: Core, c2: Core) -> Quantity | None:
        if "vague" in (c1.kind, c2.kind) or c1.approx != "exact" or c2.approx != "exact":
            return None
        if c1.unit and c2.unit and c1.unit != c2.unit:
            return None
        lo, hi = c1.value, c2.value
        if c1.mag is None and c2.mag is not None and c1.base < c2.base:
            lo = c1.base * c2.mag  # "3 to 4 million", "$3-4bn"
        if lo >= hi:
            return None
        return Quantity(float(lo), float(hi), "range", c1.unit or c2.unit)

    def connector(self, k: int) -> str | None:
        if k >= self.n:
            return None
        t = self.toks[k]
        if t.text in DASHES:
            return "dash"
        return t.low if t.low in ("to", "or") else None

    def bounded(self, i: int, joiners: tuple[str, ...]) -> _Got:
        """ "between 50 and 60", "from 50 to 60"."""
        c1 = self.core(i + 1)
        if not isinstance(c1, Core):
            return None
        k = c1.end
        if not (self.low(k) in joiners or (k < self.n and "dash" in joiners and self.toks[k].text in DASHES)):
            return None
        c2 = self.core(k + 1)
        if not isinstance(c2, Core):
            return None
        years = self.yearish(c1) and (self.yearish(c2) or (c2.plain and c2.ndigits == 2))
        if self.strict and years and not self.counts_not_year(i, c2.end):
            return Skip(c2.end)
        q = self.make_range(c1, c2)
        return _Found(i, c2.end, q) if q is not None else None

    def body(self, j: int, start: int, approx: Approx, need_unit: bool = False) -> _Got:
        """The figure whose number starts at token j (after a qualifier that starts at `start`, if any)."""
        c1 = self.core(j)
        if not isinstance(c1, Core):
            return c1
        if need_unit and (c1.kind != "digits" or c1.unit is None):
            return None
        joined = self.joined(c1, j, start)
        if joined is not None:
            return joined
        if self.strict and self.yearish(c1) and not self.counts_not_year(j - 1, c1.end):
            return Skip(c1.end)
        if start == j:
            label = self.label_end(c1)
            if label is not None:
                return Skip(label)
        end = c1.end
        final = approx if approx != "exact" else c1.approx
        if final == "exact":
            suf = self.suffix(end)
            if suf is not None:
                final, end = suf
        if start == j and final == "exact" and self.pronoun_one(c1):
            return Skip(c1.end)
        return _Found(start, end, Quantity(float(c1.value), None, final, c1.unit))

    def changed_from(self, j: int) -> bool:
        """The number at `j` follows "from" after a word of change ("the toll rose from 9 to 12")."""
        return (
            j > 0
            and self.low(j - 1) == "from"
            and any(self.low(k) in _CHANGED for k in range(max(0, j - 5), j - 1))
        )

    def joined(self, c1: Core, j: int, start: int) -> _Got:
        """`c1` and a second number: a range ("50-60", "one or two"), a sports score, or a span of years."""
        conn = None if c1.kind == "vague" else self.connector(c1.end)
        if conn is None:
            return None
        c2 = self.core(c1.end + 1)
        if not isinstance(c2, Core):
            return None
        years = self.yearish(c1) and (self.yearish(c2) or (c2.plain and c2.ndigits == 2))
        if self.strict and years and conn != "or" and not self.counts_not_year(j - 1, c2.end):
            return Skip(c2.end)
        if conn == "to" and self.changed_from(j):  # "rose from 9 to 12": 9, then 12
            return _Found(start, c1.end, Quantity(float(c1.value), None, "exact", c1.unit))
        if conn != "or" and start == j and self.is_score(c1, c2):
            return _Found(start, c1.end, Quantity(float(c1.value), None, "exact", None))
        ok = conn != "or" or (c1.unit is None and c1.mag is None and c1.kind == c2.kind and not years)
        q = self.make_range(c1, c2) if ok else None
        return _Found(start, c2.end, q) if q is not None else None

    def mention(self, i: int) -> _Got:
        w = self.low(i)
        if self.toks[i].kind != "num" and w not in STARTERS:
            return None
        if w == "between":
            return self.bounded(i, ("and",))
        if w == "from":
            if self.changed_from(i + 1):
                return None  # "raises the toll from four to five": two counts, the old and the new
            return self.bounded(i, ("to", "dash"))
        qual = self.walk(QUALIFIER_TRIE, i, hyphens=False)
        if qual is None:
            return self.body(i, i, "exact")
        approx, j = qual
        if w == "up" and i > 0 and self.low(i - 1) in _RAISED:
            return self.body(j, j, "exact")  # "revised up to 21", "pushed up to 40": up, to 21
        got = self.body(j, i, approx)
        if got is not None or self.low(j) not in ("a", "an"):
            return got
        got = self.body(j + 1, i, approx, need_unit=True)  # "about a 20 minute walk"
        if got is not None:
            return got
        unit = self.unit(j + 1, money=False)  # "nearly a decade", "about an hour"
        if unit is not None and unit[0] not in MONEY and unit[0] != "%":
            return _Found(i, unit[1], Quantity(1.0, None, approx, unit[0]))
        return None

    def scan(self) -> list[NumberMention]:
        out: list[NumberMention] = []
        i = 0
        while i < self.n:
            got = self.mention(i)
            if isinstance(got, _Found):
                s, e = self.toks[got.first].start, self.toks[got.end - 1].end
                out.append(NumberMention(self.text[s:e], s, e, got.quantity))
                i = max(got.end, i + 1)
            elif isinstance(got, Skip):
                i = max(got.resume, i + 1)
            else:
                i += 1
        return out
