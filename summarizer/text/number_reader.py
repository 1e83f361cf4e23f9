"""One number at a token, read with what is glued to it: currency, sign, multiplier and unit.

Why apart from the scanner: reading "$3.5bn", "three dozen" or "half an hour" is the same whatever surrounds it,
while whether that number is a figure (a year? a label? a range's end?) depends on context, which is the
scanner's job (`summarizer.text.numbers`). `NumberReader.core` gives a `Core`, a `Skip` (these tokens are a
code, an ordinal or a clock time: not a figure, resume after them) or None (no number here).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from summarizer.contract import Approx
from summarizer.text.number_tokens import TIME_AFTER, TokenView, digits_value
from summarizer.text.number_vocab import (
    ABBR_ANY,
    ABBR_MONEY,
    BIG,
    CURRENCY_SYMBOLS,
    DOLLAR_PREFIXES,
    HYPHENS,
    IRREGULAR_PLURALS,
    ISO_CODES,
    MONEY,
    ORD_SUFFIX,
    ORDINALS,
    OTHER_PREFIXES,
    POUNDS,
    SCALES,
    SMALL,
    TENS,
    UNIT_TRIE,
    VAGUE,
    VAGUE_MULT,
)

__all__ = ["Core", "NumberReader", "Skip"]

_HALF = Decimal("0.5")


@dataclass(slots=True)
class Core:
    """A number with its own currency, multiplier and unit, before qualifiers and ranges."""

    first: int
    end: int
    value: Decimal
    base: Decimal  # value before the trailing multiplier, so "3 to 4 million" can share it
    mag: Decimal | None
    unit: str | None
    kind: str  # "digits" | "words" | "vague"
    approx: Approx
    plain: bool  # digits only, no separators, sign, currency, multiplier or unit: a possible year or label
    bare: bool  # digits only, no separators, sign, currency or multiplier (a unit may follow)
    ndigits: int
    is_one: bool


@dataclass(frozen=True, slots=True)
class Skip:
    """Not a figure: the tokens before `resume` are a code, ordinal, label, year or time; scanning resumes there."""

    resume: int


@dataclass(slots=True)
class _Number:
    """The number itself, before what may follow it: its value, where it ends, and how it was written."""

    base: Decimal
    end: int
    mag: Decimal | None
    kind: str  # "digits" | "words"
    plain: bool
    ndigits: int = 0
    is_one: bool = False


@dataclass(slots=True)
class _Spelled:
    """The state of reading a spelled-out number ("two hundred and five thousand"), word by word."""

    total: Decimal = Decimal(0)
    cur: Decimal = Decimal(0)
    last: str = ""  # the kind of the last word: "unit", "tens", "hundred", "big", "and", "a", "half"
    last_big: Decimal | None = None
    best: tuple[Decimal, int, Decimal | None] | None = None

    def add(self, w: str) -> bool:
        """Take one number word if the grammar allows it here; False ends the number."""
        if w in SMALL:
            v = SMALL[w]
            if not (self.last in ("", "hundred", "big", "and") or (self.last == "tens" and 1 <= v <= 9)):
                return False
            self.cur += v
            self.last = "unit"
        elif w in TENS:
            if self.last not in ("", "hundred", "big", "and"):
                return False
            self.cur += TENS[w]
            self.last = "tens"
        elif w == "hundred":
            if self.last not in ("unit", "tens", "a") or not 0 < self.cur < 100:
                return False
            self.cur *= 100
            self.last = "hundred"
        elif w in BIG:
            return self._add_big(BIG[w])
        else:
            return False
        return True

    def _add_big(self, m: Decimal) -> bool:
        if self.last not in ("unit", "tens", "hundred", "a", "half") or self.cur <= 0:
            return False
        if self.last_big is not None and m >= self.last_big:
            return False
        self.total += self.cur * m
        self.cur, self.last, self.last_big = Decimal(0), "big", m
        return True


class NumberReader(TokenView):
    """Reads numbers at token positions; `strict` is article mode (a figure phrase on its own is not strict)."""

    def __init__(self, text: str, strict: bool) -> None:
        super().__init__(text)
        self.strict = strict

    # -- what follows or precedes a number ----------------------------------------------------------------

    def unit(self, k: int, money: bool, currency_only: bool = False) -> tuple[str, int] | None:
        got = self.walk(UNIT_TRIE, k, hyphens=True)
        if got is None:
            return None
        unit, end = got
        if unit == POUNDS:
            unit = "GBP" if money else "lb"
        if currency_only and unit not in MONEY:
            return None
        return unit, end

    def currency_prefix(self, k: int) -> tuple[str | None, int]:
        """The currency written before a number ("$", "NZ$", "USD", "Rs.") and where the number starts."""
        t = self.toks[k]
        code: str | None = None
        p = k
        if t.kind == "sym" and t.text in CURRENCY_SYMBOLS:
            code, p = CURRENCY_SYMBOLS[t.text], k + 1
        elif t.kind == "word":
            code, p = self._currency_word(k)
        if code is not None and (p >= self.n or self.toks[p].kind != "num"):
            return None, k
        return code, p

    def _currency_word(self, k: int) -> tuple[str | None, int]:
        t = self.toks[k]
        if t.text in DOLLAR_PREFIXES and k + 1 < self.n and self.toks[k + 1].text == "$":
            if self.toks[k + 1].start - t.end <= 1:
                return DOLLAR_PREFIXES[t.text], k + 2
        elif t.text in ISO_CODES:
            return t.text, k + 1
        elif t.text in OTHER_PREFIXES:
            p = k + 1
            if p < self.n and self.toks[p].text == "." and self.glued(p):
                p += 1
            return OTHER_PREFIXES[t.text], p
        return None, k

    def plural_noun(self, k: int) -> bool:
        """A lowercase plural word that is not a unit: "people", "visitors", "homes"."""
        if not self.is_word(k):
            return False
        t = self.toks[k]
        plural = t.low.endswith("s") or t.low in IRREGULAR_PLURALS
        return t.text.islower() and plural and self.unit(k, money=False) is None

    # -- spelled-out numbers ------------------------------------------------------------------------------

    def words(self, p: int) -> tuple[Decimal, int, Decimal | None] | None:
        """Spelled-out number from token p: (value, end, trailing multiplier)."""
        state = _Spelled()
        k = p
        if self.low(k) in ("a", "an"):
            if self.low(k + 1) not in SCALES:
                return None
            state.cur, state.last, k = Decimal(1), "a", k + 1
        while k < self.n and self.toks[k].kind == "word":
            step = self._word_step(state, k)
            if step is None:
                break
            k = step
        return state.best

    def _word_step(self, state: _Spelled, k: int) -> int | None:
        """Read the word at k into `state`; the next token to read, or None when the number has ended."""
        w = self.toks[k].low
        if w == "dozen":
            if state.last in ("unit", "tens", "a") and not state.total:
                state.cur *= 12
                state.best = (state.cur, k + 1, None)
            return None
        if w == "and":
            return self._and_step(state, k)
        if not state.add(w):
            return None
        k += 1
        state.best = (state.total + state.cur, k, state.last_big if state.last == "big" else None)
        if state.last == "tens" and k + 1 < self.n and self.toks[k].text in HYPHENS and self.glued(k):
            nxt = self.low(k + 1)
            if self.glued(k + 1) and nxt in SMALL and 1 <= SMALL[nxt] <= 9:
                k += 1  # "thirty-five": the hyphen joins
        return k

    def _and_step(self, state: _Spelled, k: int) -> int | None:
        """ "hundred and five", "one and a half"; any other "and" ends the number."""
        nxt = self.low(k + 1)
        if state.last in ("hundred", "big") and (nxt in SMALL or nxt in TENS):
            if nxt == "zero":
                return None
            state.last = "and"
            return k + 1
        if state.last in ("unit", "tens") and nxt == "a" and self.low(k + 2) == "half":
            state.cur += _HALF
            state.last = "half"
            state.best = (state.total + state.cur, k + 3, None)
            return k + 3
        return None

    # -- vague and fractional amounts ---------------------------------------------------------------------

    def vague(self, k: int) -> Core | None:
        """ "dozens", "hundreds of thousands", "several hundred", "a few million": their lower bounds."""
        got = self._vague_amount(k)
        if got is None:
            return None
        value, end = got
        unit = None
        found = self.unit(end + 1, money=True) if self.low(end) == "of" else self.unit(end, money=True)
        if found is not None:
            unit, end = found
        return Core(k, end, value, value, None, unit, "vague", "at_least", False, False, 0, False)

    def _vague_amount(self, k: int) -> tuple[Decimal, int] | None:
        w = self.low(k)
        if w == "several" and self.low(k + 1) in VAGUE_MULT:
            return 3 * VAGUE_MULT[self.low(k + 1)], k + 2
        if w == "a" and self.low(k + 1) == "few" and self.low(k + 2) in VAGUE_MULT:
            return 2 * VAGUE_MULT[self.low(k + 2)], k + 3
        if w not in VAGUE:
            return None
        value = VAGUE[w]
        if w in ("tens", "hundreds") and self.low(k + 1) == "of" and self.low(k + 2) in VAGUE:
            inner = self.low(k + 2)
            if inner not in ("thousands", "millions", "billions"):
                return None
            return value * VAGUE[inner], k + 3
        if w == "tens":
            return None
        if self.low(k + 1) != "of" and w == "scores" and self.strict:
            return None  # "he scores" is a verb; a figure phrase may say just "scores"
        return value, k + 1

    def half(self, k: int) -> Core | None:
        """ "half a million", "half a dozen", "half an hour"."""
        if self.low(k) != "half" or self.low(k + 1) not in ("a", "an"):
            return None
        mult = SCALES.get(self.low(k + 2))
        if mult is not None:
            end = k + 3
            got = self.unit(end, money=True, currency_only=True)
            unit = None
            if got is not None:
                unit, end = got
            return Core(k, end, mult / 2, mult / 2, None, unit, "words", "exact", False, False, 0, False)
        got = self.unit(k + 2, money=False)
        if got is None or got[0] in MONEY or got[0] == "%":
            return None
        return Core(k, got[1], _HALF, _HALF, None, got[0], "words", "exact", False, False, 0, False)

    # -- a number with all that is attached to it ---------------------------------------------------------

    def core(self, k: int) -> Core | Skip | None:
        """A number at token k with its currency, multiplier and unit."""
        if k >= self.n:
            return None
        if self.toks[k].kind == "word":
            found = self.vague(k) or self.half(k)
            if found is not None:
                return found
        code, p = self.currency_prefix(k)
        signed = self._sign(p)
        if signed is None:
            return None
        neg, p = signed
        if p >= self.n or self.toks[p].blocked:
            return None
        kind = self.toks[p].kind
        if kind == "num":
            number = self._digits(p, code, neg)
        elif kind == "word":
            number = None if neg else self._spelled(p)
        else:
            return None
        if not isinstance(number, _Number):
            return number
        return self._attach(k, number, code, neg)

    def _sign(self, p: int) -> tuple[bool, int] | None:
        """A minus sign before the number at p: (negative, where the digits start), or None if it is a dash."""
        if p < self.n - 1 and self.toks[p].text in ("-", "−") and self.toks[p + 1].kind == "num":
            before_ok = p == 0 or (
                self.toks[p - 1].kind != "num" and (not self.glued(p) or self.toks[p - 1].text in "([")
            )
            if not (before_ok and self.glued(p + 1)):
                return None
            return True, p + 1
        if self.low(p) == "minus" and p + 1 < self.n and self.toks[p + 1].kind == "num":
            return True, p + 1
        return False, p

    def _digits(self, p: int, code: str | None, neg: bool) -> _Number | Skip | None:
        t = self.toks[p]
        if code is None and not neg and self.glued_to_word_before(p):
            return None
        if len(t.text) > 24:
            return Skip(p + 1)
        skip = self._glued_code(p + 1, code)
        if skip is not None:
            return skip
        plain = t.text.isdigit() and code is None and not neg
        return _Number(digits_value(t.text), p + 1, None, "digits", plain, ndigits=len(t.text))

    def _glued_code(self, end: int, code: str | None) -> Skip | None:
        """Letters glued after digits that make them an ordinal, decade, time or code: "2nd", "1980s", "4G"."""
        if not (end < self.n and self.glued(end)):
            return None
        nxt = self.toks[end]
        if nxt.kind == "word":
            if nxt.low in ORD_SUFFIX or nxt.low == "s" or nxt.low in ("am", "pm"):
                return Skip(end + 1)
            if nxt.low in ABBR_ANY or nxt.low == "k" or (code and nxt.low in ABBR_MONEY):
                return None
            if ("=" + nxt.text) not in UNIT_TRIE.children and nxt.low not in UNIT_TRIE.children:
                return Skip(end + 1)  # a code such as 4G, 3D, 4chan
        elif (
            nxt.text in HYPHENS
            and self.glued(end + 1)
            and self.is_word(end + 1)
            and self.toks[end + 1].text[0].isupper()
            and self.unit(end, money=False) is None
        ):
            return Skip(end + 2)  # 3-D, 737-MAX
        return None

    def _spelled(self, p: int) -> _Number | Skip | None:
        if self.glued_to_word_before(p):
            return None
        got = self.words(p)
        if got is None:
            return None
        base, end, mag = got
        if self.is_hyphen_link(end) and self.low(end + 1) in ORDINALS:
            return Skip(end + 2)  # thirty-first
        if mag is not None:
            base = base / mag
        is_one = end == p + 1 and self.toks[p].low == "one"
        return _Number(base, end, mag, "words", False, is_one=is_one)

    def _attach(self, k: int, number: _Number, code: str | None, neg: bool) -> Core | Skip:
        """Add what follows the number (multiplier, "+" or "-odd", unit) and make it a `Core`."""
        base, end, mag, plain = number.base, number.end, number.mag, number.plain
        value = base * mag if mag is not None else base
        if number.kind == "digits" and end < self.n:
            m = self._multiplier(end, code)
            if m is not None:
                mag, value, end, plain = m, base * m, end + 1, False
        approx: Approx = "exact"
        if end < self.n and self.glued(end):
            if self.toks[end].text == "+":
                approx, end, plain = "at_least", end + 1, False
            elif self.is_hyphen_link(end) and self.low(end + 1) in ("odd", "plus"):
                approx = "approximate" if self.low(end + 1) == "odd" else "at_least"
                end, plain = end + 2, False
        bare = plain
        unit: str | None = code
        got_unit = self.unit(end, money=code is not None or mag is not None, currency_only=code is not None)
        if got_unit is not None:
            unit = code or got_unit[0]
            end, plain = got_unit[1], False
        if neg:
            value, base = -value, -base
        if unit is None and TIME_AFTER.match(self.text, self.toks[end - 1].end):
            return Skip(end)
        return Core(
            k, end, value, base, mag, unit, number.kind, approx, plain, bare, number.ndigits, number.is_one
        )

    def _multiplier(self, end: int, code: str | None) -> Decimal | None:
        """A multiplier word after digits: "3 million", "3bn", "40k", "€40m", "3m people"."""
        nxt = self.toks[end]
        if nxt.kind != "word":
            return None
        m = SCALES.get(nxt.low) or ABBR_ANY.get(nxt.low)
        if m is None and nxt.low == "k" and self.glued(end):
            m = Decimal(1000)
        if m is None and code is not None and nxt.low in ABBR_MONEY:
            m = ABBR_MONEY[nxt.low]
        if m is None and nxt.text == "m" and self.glued(end) and self.plural_noun(end + 1):
            m = Decimal(10**6)  # "3m people" (UK style); "a 10m wall" stays metres
        return m
