"""Figures in news text, found and normalised by code.

Why: a brief's figures are checked against the article, so the numbers come from code that reads the article
(`find_numbers`) or the model's figure phrase (`parse_quantity`), never from a language model's own reading of
"more than three dozen". Both use one scanner, so the same phrase always gets the same `Quantity`.
Standard library only; one tokenising pass and a left-to-right scan, fast enough to run on every article.

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

Not figures (`find_numbers` skips them all; `parse_quantity`, which reads a phrase already meant as a figure,
skips the year rule and "a serious one." and accepts a bare "scores")
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
headline hides it ("Floods Kill 50"); "X to Y" after "from"/"rose" is read as a range, not a change; Roman
numerals, "a couple of" and spelled-out fractions are ignored; bare "pesos", "francs", "dinars", "won" (too
ambiguous) get no currency.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Literal

__all__ = ["Approx", "NumberMention", "Quantity", "find_numbers", "parse_quantity", "values_match"]

Approx = Literal["exact", "approximate", "at_least", "more_than", "at_most", "fewer_than", "range"]


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


# ----------------------------------------------------------------------------------------------------
# Lexicon
# ----------------------------------------------------------------------------------------------------

_D = Decimal


def _split(words: str) -> list[str]:
    return words.split()


def _wordset(words: str) -> frozenset[str]:
    return frozenset(_split(words))


_SMALL: Final = {
    w: _D(i)
    for i, w in enumerate(
        _split(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
            "sixteen seventeen eighteen nineteen"
        )
    )
}
_TENS: Final = {
    w: _D(10 * (i + 2)) for i, w in enumerate(_split("twenty thirty forty fifty sixty seventy eighty ninety"))
}
_BIG: Final = {
    "thousand": _D(10**3),
    "million": _D(10**6),
    "billion": _D(10**9),
    "trillion": _D(10**12),
    "lakh": _D(10**5),
    "lakhs": _D(10**5),
    "crore": _D(10**7),
    "crores": _D(10**7),
}
_MULT_AFTER_DIGITS: Final = {**_BIG, "hundred": _D(100), "dozen": _D(12)}
_ABBR_ANY: Final = {
    "bn": _D(10**9),
    "bln": _D(10**9),
    "mn": _D(10**6),
    "mln": _D(10**6),
    "tn": _D(10**12),
    "trn": _D(10**12),
}
_ABBR_MONEY: Final = {"m": _D(10**6), "b": _D(10**9)}
_VAGUE: Final = {
    "dozens": _D(24),
    "scores": _D(40),
    "hundreds": _D(100),
    "thousands": _D(1000),
    "millions": _D(10**6),
    "billions": _D(10**9),
    "trillions": _D(10**12),
    "tens": _D(10),
}
_VAGUE_MULT: Final = {
    "hundred": _D(100),
    "thousand": _D(1000),
    "million": _D(10**6),
    "billion": _D(10**9),
    "dozen": _D(12),
}
_ORDINAL_WORDS: Final = _wordset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
)

_APPROX: Final[dict[str, Approx]] = {
    "exact": "exact",
    "approximate": "approximate",
    "at_least": "at_least",
    "more_than": "more_than",
    "at_most": "at_most",
    "fewer_than": "fewer_than",
    "range": "range",
}
# Phrase tokens are separated by spaces; a token written "=X" must match case-sensitively.
_QUALIFIERS: Final = {
    "more_than": "more than|over|above|upwards of|upward of|in excess of|greater than|just over|well over|"
    "just above|well above|slightly more than|slightly over|a little over|a little more than|>",
    "at_least": "at least|no fewer than|no less than|not less than|not fewer than|a minimum of|as few as|"
    "as little as|at the very least|≥",
    "approximate": "about|around|approximately|approx|approx .|roughly|some|nearly|almost|close to|closer to|"
    "an estimated|estimated|circa|=c .|ca .|~|≈|just about|more or less|in the region of|on the order of|"
    "of the order of|an average of|on average",
    "at_most": "up to|at most|no more than|not more than|a maximum of|as many as|as much as|at the most|≤",
    "fewer_than": "fewer than|less than|under|below|just under|just below|well under|well below|"
    "slightly less than|slightly under|a little under|a little less than|<",
}

_CURRENCY_SYMBOLS: Final = {
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₦": "NGN",
    "₪": "ILS", "₺": "TRY", "₱": "PHP", "฿": "THB", "₴": "UAH",
}  # fmt: skip
_DOLLAR_PREFIXES: Final = {
    "US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "HK": "HKD", "NZ": "NZD", "S": "SGD",
    "NT": "TWD", "R": "BRL",
}  # fmt: skip
_ISO_CODES: Final = _wordset(
    "USD EUR GBP JPY CNY INR PKR HKD AUD CAD NZD SGD TWD CHF RUB NGN ZAR ILS TRY PLN SEK NOK DKK IDR MYR "
    "THB KRW BRL MXN PHP SAR AED EGP KES UAH"
)
_OTHER_PREFIXES: Final = {"Rs": "INR", "RMB": "CNY", "Rp": "IDR"}

_CURRENCY_WORDS: Final = {
    "dollar|dollars|us dollar|us dollars|u . s . dollars|american dollars": "USD",
    "hong kong dollars|hong kong dollar|hk dollars": "HKD",
    "australian dollars|australian dollar": "AUD",
    "canadian dollars|canadian dollar": "CAD",
    "new zealand dollars|new zealand dollar": "NZD",
    "singapore dollars|singapore dollar": "SGD",
    "taiwan dollars|new taiwan dollars": "TWD",
    "euro|euros": "EUR",
    "pounds sterling|pound sterling|sterling|british pounds": "GBP",
    "egyptian pounds": "EGP",
    "yen|japanese yen": "JPY",
    "yuan|renminbi|chinese yuan": "CNY",
    "rupee|rupees|indian rupees": "INR",
    "pakistani rupees": "PKR",
    "rupiah": "IDR",
    "ringgit": "MYR",
    "baht": "THB",
    "south korean won|korean won": "KRW",
    "mexican pesos": "MXN",
    "philippine pesos": "PHP",
    "swiss francs|swiss franc": "CHF",
    "rubles|roubles|ruble|rouble": "RUB",
    "naira": "NGN",
    "rand": "ZAR",
    "shekels|shekel": "ILS",
    "zloty": "PLN",
    "reais|brazilian reais": "BRL",
    "saudi riyals": "SAR",
}
_MONEY: Final = frozenset(
    {*_CURRENCY_WORDS.values(), *_CURRENCY_SYMBOLS.values(), *_DOLLAR_PREFIXES.values(), *_ISO_CODES}
)
_POUNDS: Final = "lb|GBP"  # resolved by context: money -> GBP, else weight
_UNIT_WORDS: Final = {
    "%|percent|per cent|per-cent|=pct": "%",
    "percentage points|percentage point": "percentage points",
    "=km|=kms|kilometre|kilometres|kilometer|kilometers": "km",
    "=m|metre|metres|meter|meters": "m",
    "=cm|centimetre|centimetres|centimeter|centimeters": "cm",
    "=mm|millimetre|millimetres|millimeter|millimeters": "mm",
    "mile|miles|=mi": "miles",
    "=ft|foot|feet": "ft",
    "inch|inches": "in",
    "yard|yards": "yards",
    "square kilometre|square kilometres|square kilometer|square kilometers|sq =km|=km ²|square km": "km2",
    "square metre|square metres|square meter|square meters|sq =m|=m ²": "m2",
    "square mile|square miles|sq =mi": "sq mi",
    "hectare|hectares|=ha": "ha",
    "acre|acres": "acres",
    "=kg|=kgs|kilogram|kilograms|kilogramme|kilogrammes|kilo|kilos": "kg",
    "=g|gram|grams|gramme|grammes": "g",
    "=mg|milligram|milligrams": "mg",
    "tonne|tonnes|ton|tons|metric ton|metric tons|metric tonne|metric tonnes": "tonnes",
    "=lb|=lbs": "lb",
    "pound|pounds": _POUNDS,
    "litre|litres|liter|liters": "L",
    "gallon|gallons": "gallons",
    "barrel|barrels": "barrels",
    "year|years|=yr|=yrs|year old|years old|years-old": "years",
    "month|months|month old|months old": "months",
    "week|weeks|week old|weeks old": "weeks",
    "day|days|day old|days old": "days",
    "hour|hours|=hr|=hrs|=h": "hours",
    "minute|minutes|=min|=mins": "minutes",
    "second|seconds|=sec|=secs": "seconds",
    "decade|decades": "decades",
    "century|centuries": "centuries",
    "=mph|miles per hour": "mph",
    "=km / =h|=kph|=kmh|kilometres per hour|kilometers per hour": "km/h",
    "knot|knots": "knots",
    "° c|º c|degrees celsius|degrees centigrade": "°C",
    "° f|º f|degrees fahrenheit": "°F",
    "degree|degrees|°": "degrees",
    "=MW|megawatts|megawatt": "MW",
    "=GW|gigawatts|gigawatt": "GW",
    "=kW|kilowatts|kilowatt": "kW",
    "=kWh|kilowatt hours|kilowatt-hours": "kWh",
    "=MWh": "MWh",
    "=GWh": "GWh",
    "=TWh": "TWh",
}

_HYPHENS: Final = frozenset("-‐‑–—")
_DASHES: Final = frozenset("-‐‑–—‒―")
_MONTH_NAMES: Final = _wordset(
    "January February March April May June July August September October November December Jan Feb Mar "
    "Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
_WEEKDAYS: Final = _wordset("monday tuesday wednesday thursday friday saturday sunday")
# Words that put a following four-digit number in the calendar even when a noun follows ("in 2000 people...").
_YEAR_BEFORE: Final = _wordset(
    "in since by the during until till before after circa early late mid summer winter spring autumn fall "
    "year fiscal this that last next"
)
# Words that may follow a year without making it a count ("2000 levels", "1991 and", "2050 increasing"?).
_YEAR_AFTER: Final = _wordset(
    "the a an and or but nor so yet to in on at by for from of with as when while after before since "
    "until till during through than that which who where whose he she it they we i you his her their its "
    "our there this these those was were is are be been being had has have will would could should may "
    "might must shall can did does do saw see sees marked marks brought onwards onward election elections "
    "census season seasons olympics olympic games budget film films movie levels level figures data "
    "report survey crisis war campaign edition model version rates rate prices protests protest summit "
    "world cup tournament general presidential final finals championship championships earthquake tsunami "
    "attacks attack riots revolution law act plan target targets deadline standards standard values "
    "average vintage series financial academic calendar school session parliament congress class "
    "graduates ad bc bce ce not also"
)
# Capitalised words that are ordinary words, not names, when a number follows ("About 50", "Only 5").
_CAP_FUNCTION: Final = _wordset(
    "the a an and but or nor so in on at by for from of with about around over under some nearly almost "
    "approximately roughly only just another all since until after before during between more less fewer "
    "up exactly precisely estimated than total least most here there then now today yesterday tomorrow "
    "last next those these that this its their his her our your my we they he she it i you also still "
    "each every when while if as per like of including include includes killing killed among where "
    "whereas although though once unlike whereby without within above below beyond overall altogether "
    "meanwhile currently previously additionally further furthermore moreover however thus hence "
    "therefore instead recently separately earlier later again both either neither perhaps maybe "
    "reportedly officially initially finally eventually ultimately together respectively plus minus aged "
    "age ages nearly some"
)
_LABEL_WORDS: Final = _wordset(
    "number no nos nr page pages post posts room rooms flight route gate platform section sections "
    "article articles chapter chapters line lines level grade episode episodes season volume vol issue "
    "block ward district highway interstate precinct terminal table figure fig paragraph verse scene "
    "stage phase pad day week round game match category zone bus channel exit apartment suite lane unit "
    "item question row seat sector building hall version model type class tier step part appendix rule "
    "clause lot box door ticket group camp"
)
_SCORE_WORDS: Final = _wordset(
    "won win wins lost lose loses losing drew draw draws beat beats beating defeated defeat defeats ended "
    "ending ends finished winning leading trailing trail victory score scored scoreline"
)
_ONE_NEXT: Final = _wordset("of another who whom whose which that")
_ONE_PREV: Final = _wordset(
    "no the this that every any each which another such a some someone little new old other same right "
    "wrong good bad current latest previous big small last next first"
)
_ONE_BEFORE_END: Final = _wordset("only just exactly least most than")
_CLAUSE_PUNCT: Final = frozenset(".,;:!?)]}\"”'’")
_ORD_SUFFIX: Final = frozenset({"st", "nd", "rd", "th"})
_IRREGULAR_PLURALS: Final = _wordset(
    "people children men women personnel staff police cattle sheep livestock"
)

# ----------------------------------------------------------------------------------------------------
# Patterns
# ----------------------------------------------------------------------------------------------------

_TOKEN_RE: Final = re.compile(
    r"(?P<num>[0-9]{1,3}(?:\.[0-9]{3}){2,}(?![0-9]|\.[0-9])"
    r"|[0-9]{1,3}(?:[,\u00a0\u202f\u2009][0-9]{3})+(?:\.[0-9]+)?(?![0-9])"
    r"|[0-9]+(?:\.[0-9]+)?)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<sym>\S)"
)
_MONTH_RE: Final = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_ORD_RE: Final = r"(?:st|nd|rd|th)?"
_BLOCK_RES: Final = tuple(
    re.compile(p)
    for p in (
        # numeric dates: 2021-05-24, 24/05/2021, 24.05.21
        r"(?<![0-9])[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?![0-9])",
        r"(?<![0-9])[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{2,4}(?![0-9])",
        # any digit/digit: 9/11, 24/7, 1/2, URL paths
        r"(?<![0-9/])[0-9]{1,4}(?:/[0-9]{1,4})+(?![0-9/])",
        # times of day
        r"(?<![0-9])[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?![0-9])(?:\s?(?:[ap]\.\s?m\.?|[AaPp][Mm]\b))?",
        r"(?<![0-9.,])[0-9]{1,2}(?:[.:][0-9]{2})?\s?(?:[ap]\.\s?m\.|[ap]m\b|[AP]M\b)",
        r"(?<![0-9])[0-9]{1,2}\s?o['’]clock",
        # version numbers and IP addresses (not 1.200.000)
        r"(?<![0-9.])(?![0-9]{1,3}(?:\.[0-9]{3}){2,}(?![0-9.]))[0-9]+(?:\.[0-9]+){2,}",
        # phone numbers
        r"\+[0-9]{1,3}[\s.-]?\(?[0-9]{1,4}\)?(?:[\s.-][0-9]{2,4}){2,}",
        r"\([0-9]{3}\)\s?[0-9]{3}[-.\s][0-9]{4}",
        r"(?<![0-9-])[0-9]{3}[-.][0-9]{3}[-.][0-9]{4}(?![0-9])",
        # month day (year), day month (year), month year
        rf"\b{_MONTH_RE}\s+[0-9]{{1,2}}{_ORD_RE}(?![0-9]|[,.][0-9])"
        rf"(?:\s*(?:-|–|—|to|and|through|until)\s*[0-9]{{1,2}}{_ORD_RE}(?![0-9]))?(?:,?\s+[0-9]{{4}}(?![0-9]))?",
        rf"(?<![0-9.,])[0-9]{{1,2}}{_ORD_RE}(?:\s*(?:-|–|—|to|and)\s*[0-9]{{1,2}}{_ORD_RE})?\s+(?:of\s+)?"
        rf"{_MONTH_RE}(?![a-z])(?:,?\s+[0-9]{{4}}(?![0-9]))?",
        rf"\b{_MONTH_RE}(?![a-z]),?\s+(?:of\s+)?[0-9]{{4}}(?![0-9])",
        # list numbering, "No. 5", "#5", "'90s"
        r"(?m)^[ \t]*\(?[0-9]{1,2}[.)](?=[ \t])",
        r"\b(?:No|Nos|Nr)\.?\s?[0-9]+",
        r"#\s?[0-9]+",
        r"['’‘][0-9]0s\b",
    )
)
_TIME_AFTER: Final = re.compile(
    r"\s*(?:[ap]\.\s?m\.|[ap]\.?m\b|[AP]\.?M\b|o['’]clock\b"
    r"|(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|BST|IST|JST|AEST|AEDT|BCE?|AD|CE)\b|B\.C\.|A\.D\.)"
)

# ----------------------------------------------------------------------------------------------------
# Phrase tries
# ----------------------------------------------------------------------------------------------------


class _Node:
    __slots__ = ("children", "value")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.value: str | None = None


def _build_trie(table: dict[str, str]) -> _Node:
    root = _Node()
    for phrases, value in table.items():
        for phrase in phrases.split("|"):
            node = root
            for part in phrase.split():
                key = part if part.startswith("=") else part.lower()
                node = node.children.setdefault(key, _Node())
            node.value = value
    return root


_UNIT_TRIE: Final = _build_trie({**_UNIT_WORDS, **_CURRENCY_WORDS, **{"=" + c: c for c in _ISO_CODES},
                                 **{"=" + s: c for s, c in _CURRENCY_SYMBOLS.items()}})  # fmt: skip
_QUALIFIER_TRIE: Final = _build_trie({v: k for k, v in _QUALIFIERS.items()})
# Lowercased tokens that can begin a figure; any other word is skipped without parsing (speed).
_STARTERS: Final = frozenset(
    {k.lstrip("=").lower() for k in _QUALIFIER_TRIE.children}
    | _SMALL.keys()
    | _TENS.keys()
    | _VAGUE.keys()
    | {"a", "an", "half", "several", "between", "from", "minus", "-", "−"}
    | {k.lower() for k in (*_DOLLAR_PREFIXES, *_ISO_CODES, *_OTHER_PREFIXES, *_CURRENCY_SYMBOLS)}
)

# ----------------------------------------------------------------------------------------------------
# Scanner
# ----------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Tok:
    kind: str  # "num" | "word" | "sym"
    text: str
    low: str
    start: int
    end: int
    blocked: bool


@dataclass(slots=True)
class _Core:
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


@dataclass(slots=True)
class _Found:
    first: int
    end: int
    quantity: Quantity


_Got = _Found | int | None  # a mention, "not a figure: resume at token N", or nothing here


def _tokenize(text: str) -> list[_Tok]:
    mask = bytearray(len(text))
    for pattern in _BLOCK_RES:
        for m in pattern.finditer(text):
            mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    toks: list[_Tok] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "sym"
        s, e = m.span()
        blocked = kind == "num" and mask.find(1, s, e) != -1
        toks.append(_Tok(kind, m.group(), m.group().lower(), s, e, blocked))
    return toks


def _digits_value(text: str) -> Decimal:
    if text.count(".") > 1:  # 1.200.000
        return Decimal(text.replace(".", ""))
    return Decimal(re.sub(r"[,\u00a0\u202f\u2009]", "", text))


class _Scanner:
    def __init__(self, text: str, strict: bool) -> None:
        self.text = text
        self.strict = strict
        self.toks = _tokenize(text)
        self.n = len(self.toks)

    # -- small helpers -----------------------------------------------------------------------------

    def low(self, k: int) -> str:
        return self.toks[k].low if 0 <= k < self.n else ""

    def glued(self, k: int) -> bool:
        """Token k touches token k-1 (no space between)."""
        return 0 < k < self.n and self.toks[k].start == self.toks[k - 1].end

    def is_word(self, k: int) -> bool:
        return 0 <= k < self.n and self.toks[k].kind == "word"

    def is_hyphen_link(self, k: int) -> bool:
        """A hyphen joining two words or a number and a word: "14-year", "two-decade"."""
        return (
            0 < k < self.n - 1
            and self.toks[k].text in _HYPHENS
            and self.glued(k)
            and self.glued(k + 1)
            and self.toks[k + 1].kind == "word"
        )

    def walk(self, root: _Node, k: int, hyphens: bool) -> tuple[str, int] | None:
        """Longest phrase of the trie starting at token k, as (value, end)."""
        node, best = root, None
        while k < self.n:
            if hyphens and self.is_hyphen_link(k):
                k += 1
            t = self.toks[k]
            child = node.children.get("=" + t.text) or node.children.get(t.low)
            if child is None:
                break
            node, k = child, k + 1
            if node.value is not None:
                best = (node.value, k)
        return best

    def glued_to_word_before(self, k: int) -> bool:
        """Part of a name or code: "G20", "COVID-19", "high-five", "Ver.2"."""
        if not self.glued(k):
            return False
        prev = self.toks[k - 1]
        if prev.kind == "word":
            return True
        return (prev.text in _HYPHENS or prev.text == ".") and self.glued(k - 1) and self.is_word(k - 2)

    # -- pieces ------------------------------------------------------------------------------------

    def unit(self, k: int, money: bool, currency_only: bool = False) -> tuple[str, int] | None:
        got = self.walk(_UNIT_TRIE, k, hyphens=True)
        if got is None:
            return None
        unit, end = got
        if unit == _POUNDS:
            unit = "GBP" if money else "lb"
        if currency_only and unit not in _MONEY:
            return None
        return unit, end

    def currency_prefix(self, k: int) -> tuple[str | None, int]:
        t = self.toks[k]
        code: str | None = None
        p = k
        if t.kind == "sym" and t.text in _CURRENCY_SYMBOLS:
            code, p = _CURRENCY_SYMBOLS[t.text], k + 1
        elif t.kind == "word":
            if t.text in _DOLLAR_PREFIXES and k + 1 < self.n and self.toks[k + 1].text == "$":
                gap = self.toks[k + 1].start - t.end
                if gap <= 1:
                    code, p = _DOLLAR_PREFIXES[t.text], k + 2
            elif t.text in _ISO_CODES:
                code, p = t.text, k + 1
            elif t.text in _OTHER_PREFIXES:
                code, p = _OTHER_PREFIXES[t.text], k + 1
                if p < self.n and self.toks[p].text == "." and self.glued(p):
                    p += 1
        if code is not None and (p >= self.n or self.toks[p].kind != "num"):
            return None, k
        return code, p

    def words(self, p: int) -> tuple[Decimal, int, Decimal | None] | None:
        """Spelled-out number from token p: (value, end, trailing multiplier)."""
        total, cur = _D(0), _D(0)
        last = ""
        last_big: Decimal | None = None
        best: tuple[Decimal, int, Decimal | None] | None = None
        k = p
        if self.low(k) in ("a", "an"):
            if self.low(k + 1) not in _BIG and self.low(k + 1) not in ("hundred", "dozen"):
                return None
            cur, last, k = _D(1), "a", k + 1
        while k < self.n:
            t = self.toks[k]
            if t.kind != "word":
                break
            w = t.low
            if w in _SMALL:
                v = _SMALL[w]
                if not (last in ("", "hundred", "big", "and") or (last == "tens" and 1 <= v <= 9)):
                    break
                cur += v
                last = "unit"
            elif w in _TENS:
                if last not in ("", "hundred", "big", "and"):
                    break
                cur += _TENS[w]
                last = "tens"
            elif w == "hundred":
                if last not in ("unit", "tens", "a") or not 0 < cur < 100:
                    break
                cur *= 100
                last = "hundred"
            elif w in _BIG:
                m = _BIG[w]
                if last not in ("unit", "tens", "hundred", "a", "half") or cur <= 0:
                    break
                if last_big is not None and m >= last_big:
                    break
                total += cur * m
                cur, last, last_big = _D(0), "big", m
            elif w == "dozen":
                if last not in ("unit", "tens", "a") or total:
                    break
                cur *= 12
                best = (cur, k + 1, None)
                break
            elif w == "and":
                if last in ("hundred", "big") and (self.low(k + 1) in _SMALL or self.low(k + 1) in _TENS):
                    if self.low(k + 1) == "zero":
                        break
                    last, k = "and", k + 1
                    continue
                if last in ("unit", "tens") and self.low(k + 1) == "a" and self.low(k + 2) == "half":
                    cur += _D("0.5")
                    last, k = "half", k + 3
                    best = (total + cur, k, None)
                    continue
                break
            else:
                break
            k += 1
            best = (total + cur, k, last_big if last == "big" else None)
            if last == "tens" and k + 1 < self.n and self.toks[k].text in _HYPHENS and self.glued(k):
                nxt = self.low(k + 1)
                if self.glued(k + 1) and nxt in _SMALL and 1 <= _SMALL[nxt] <= 9:
                    k += 1
        return best

    def vague(self, k: int) -> _Core | None:
        w = self.low(k)
        value: Decimal
        if w == "several" and self.low(k + 1) in _VAGUE_MULT:
            value, end = 3 * _VAGUE_MULT[self.low(k + 1)], k + 2
        elif w == "a" and self.low(k + 1) == "few" and self.low(k + 2) in _VAGUE_MULT:
            value, end = 2 * _VAGUE_MULT[self.low(k + 2)], k + 3
        elif w in _VAGUE:
            value, end = _VAGUE[w], k + 1
            if w in ("tens", "hundreds") and self.low(k + 1) == "of" and self.low(k + 2) in _VAGUE:
                inner = self.low(k + 2)
                if inner not in ("thousands", "millions", "billions"):
                    return None
                value, end = value * _VAGUE[inner], k + 3
            elif self.low(k + 1) != "of" and (w == "tens" or (w == "scores" and self.strict)):
                return None  # "he scores" is a verb; a figure phrase may say just "scores"
            elif w == "tens":
                return None
        else:
            return None
        unit = None
        got = self.unit(end + 1, money=True) if self.low(end) == "of" else self.unit(end, money=True)
        if got is not None:
            unit, end = got
        return _Core(k, end, value, value, None, unit, "vague", "at_least", False, False, 0, False)

    def half(self, k: int) -> _Core | None:
        """ "half a million", "half a dozen", "half an hour"."""
        if self.low(k) != "half" or self.low(k + 1) not in ("a", "an"):
            return None
        w = self.low(k + 2)
        mult = _BIG.get(w) or {"hundred": _D(100), "dozen": _D(12)}.get(w)
        if mult is not None:
            end = k + 3
            got = self.unit(end, money=True, currency_only=True)
            unit = None
            if got is not None:
                unit, end = got
            return _Core(k, end, mult / 2, mult / 2, None, unit, "words", "exact", False, False, 0, False)
        got = self.unit(k + 2, money=False)
        if got is None or got[0] in _MONEY or got[0] == "%":
            return None
        return _Core(k, got[1], _D("0.5"), _D("0.5"), None, got[0], "words", "exact", False, False, 0, False)

    def core(self, k: int) -> _Core | int | None:
        """A number at token k with its currency, multiplier and unit; an int means "skip to there"."""
        if k >= self.n:
            return None
        first = self.toks[k]
        if first.kind == "word":
            found = self.vague(k) or self.half(k)
            if found is not None:
                return found
        code, p = self.currency_prefix(k)
        neg = False
        if p < self.n - 1 and self.toks[p].text in ("-", "−") and self.toks[p + 1].kind == "num":
            before_ok = p == 0 or (
                self.toks[p - 1].kind != "num" and (not self.glued(p) or self.toks[p - 1].text in "([")
            )
            if not (before_ok and self.glued(p + 1)):
                return None
            neg, p = True, p + 1
        elif self.low(p) == "minus" and p + 1 < self.n and self.toks[p + 1].kind == "num":
            neg, p = True, p + 1
        if p >= self.n:
            return None
        t = self.toks[p]
        if t.blocked:
            return None
        mag: Decimal | None = None
        is_one = False
        if t.kind == "num":
            if code is None and not neg and self.glued_to_word_before(p):
                return None
            if len(t.text) > 24:
                return p + 1
            base = _digits_value(t.text)
            plain = t.text.isdigit() and code is None and not neg
            kind, end = "digits", p + 1
            if end < self.n and self.glued(end):
                nxt = self.toks[end]
                if nxt.kind == "word":
                    if nxt.low in _ORD_SUFFIX or nxt.low == "s" or nxt.low in ("am", "pm"):
                        return end + 1
                    if nxt.low in _ABBR_ANY or nxt.low == "k" or (code and nxt.low in _ABBR_MONEY):
                        pass
                    elif ("=" + nxt.text) not in _UNIT_TRIE.children and nxt.low not in _UNIT_TRIE.children:
                        return end + 1  # a code such as 4G, 3D, 4chan
                elif (
                    nxt.text in _HYPHENS
                    and self.glued(end + 1)
                    and self.is_word(end + 1)
                    and self.toks[end + 1].text[0].isupper()
                    and self.unit(end, money=False) is None
                ):
                    return end + 2  # 3-D, 737-MAX
        elif t.kind == "word":
            if self.glued_to_word_before(p) or neg:
                return None
            got = self.words(p)
            if got is None:
                return None
            base, end, mag = got
            if self.is_hyphen_link(end) and self.low(end + 1) in _ORDINAL_WORDS:
                return end + 2  # thirty-first
            kind, plain = "words", False
            is_one = end == p + 1 and t.low == "one"
            if mag is not None:
                base = base / mag
        else:
            return None
        ndigits = len(t.text) if kind == "digits" else 0
        value = base * mag if mag is not None else base
        if kind == "digits" and end < self.n:
            nxt = self.toks[end]
            m = _MULT_AFTER_DIGITS.get(nxt.low) or _ABBR_ANY.get(nxt.low)
            if m is None and nxt.low == "k" and self.glued(end):
                m = _D(1000)
            if m is None and code is not None and nxt.low in _ABBR_MONEY:
                m = _ABBR_MONEY[nxt.low]
            if m is None and nxt.text == "m" and self.glued(end) and self.plural_noun(end + 1):
                m = _D(10**6)  # "3m people" (UK style); "a 10m wall" stays metres
            if m is not None and nxt.kind == "word":
                mag, value, end, plain = m, base * m, end + 1, False
        approx: Approx = "exact"
        if end < self.n and self.glued(end):
            nxt = self.toks[end]
            if nxt.text == "+":
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
        if unit is None and _TIME_AFTER.match(self.text, self.toks[end - 1].end):
            return end
        return _Core(k, end, value, base, mag, unit, kind, approx, plain, bare, ndigits, is_one)

    def plural_noun(self, k: int) -> bool:
        """A lowercase plural word that is not a unit: "people", "visitors", "homes"."""
        if not self.is_word(k):
            return False
        t = self.toks[k]
        plural = t.low.endswith("s") or t.low in _IRREGULAR_PLURALS
        return t.text.islower() and plural and self.unit(k, money=False) is None

    # -- context rules -----------------------------------------------------------------------------

    @staticmethod
    def yearish(c: _Core) -> bool:
        return c.plain and c.ndigits == 4 and 1000 <= c.value <= 2100 and c.approx == "exact"

    def counts_not_year(self, before: int, after: int) -> bool:
        """A four-digit number is a count only with a content word after it and no year word before it."""
        if 0 <= before < self.n:
            prev = self.toks[before]
            if prev.low in _YEAR_BEFORE or prev.text in _MONTH_NAMES:
                return False
        if after < self.n:
            t = self.toks[after]
            return t.kind == "word" and t.text[0].islower() and t.low not in _YEAR_AFTER
        return False

    def label_end(self, c: _Core) -> int | None:
        """End of "Windows 7", "posts 542 and 543", "day five", "the 747,": a name or label, not a figure."""
        if c.mag is not None or c.approx != "exact" or c.kind == "vague":
            return None
        # a unit rules out a name, except after a year-like one: "World Cup 2018 day five"
        if c.unit is not None and not (c.bare and c.ndigits == 4 and 1000 <= c.value <= 2100):
            return None
        k = c.first - 1
        if k < 0:
            return None
        prev = self.toks[k]
        hit = False
        if prev.kind == "word" and not self.glued(c.first):
            after = self.toks[c.end] if c.end < self.n else None
            if prev.low in _LABEL_WORDS and (
                after is None or after.kind != "word" or after.low in _YEAR_AFTER
            ):
                hit = True  # "posts 542 and 543", "day five of", but not "each day 500 people"
            elif c.bare and prev.text[0].isupper():
                # "Windows 7", "Studio 54", but not "About 50" or "Tuesday 3"
                hit = (
                    prev.low not in _CAP_FUNCTION
                    and prev.low not in _WEEKDAYS
                    and prev.text not in _MONTH_NAMES
                )
            elif c.plain and prev.low == "the":
                hit = c.end >= self.n or self.toks[c.end].text in _CLAUSE_PUNCT  # "the 747,"
        if not hit:
            return None
        end = c.end
        while end + 1 < self.n and (
            self.low(end) in ("and", "or", "&", ",", "to") or self.toks[end].text in _DASHES
        ):
            if self.toks[end + 1].kind != "num" or not self.toks[end + 1].text.isdigit():
                break
            end += 2
        return end

    def pronoun_one(self, c: _Core) -> bool:
        if not c.is_one or c.unit is not None:
            return False
        prev, nxt = self.low(c.first - 1), c.end
        if self.low(nxt) in _ONE_NEXT or prev in _ONE_PREV:
            return True
        if self.is_hyphen_link(nxt):
            return True  # one-sided, one-off
        if self.strict and (nxt >= self.n or self.toks[nxt].text in _CLAUSE_PUNCT):
            return prev not in _ONE_BEFORE_END  # "a very serious one."
        return False

    def is_score(self, c1: _Core, c2: _Core) -> bool:
        if not (c1.plain and c2.plain and c1.value <= 30 and c2.value <= 30):
            return False
        k = c1.first - 1
        if self.is_word(k):
            prev = self.toks[k]
            if prev.low in _SCORE_WORDS:
                return True
            if prev.text[0].isupper() and prev.low not in _CAP_FUNCTION:
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

    def make_range(self, c1: _Core, c2: _Core) -> Quantity | None:
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
        if t.text in _DASHES:
            return "dash"
        return t.low if t.low in ("to", "or") else None

    def bounded(self, i: int, joiners: tuple[str, ...]) -> _Got:
        """ "between 50 and 60", "from 50 to 60"."""
        c1 = self.core(i + 1)
        if not isinstance(c1, _Core):
            return None
        k = c1.end
        if not (
            self.low(k) in joiners or (k < self.n and "dash" in joiners and self.toks[k].text in _DASHES)
        ):
            return None
        c2 = self.core(k + 1)
        if not isinstance(c2, _Core):
            return None
        years = self.yearish(c1) and (self.yearish(c2) or (c2.plain and c2.ndigits == 2))
        if self.strict and years and not self.counts_not_year(i, c2.end):
            return c2.end
        q = self.make_range(c1, c2)
        return _Found(i, c2.end, q) if q is not None else None

    def body(self, j: int, start: int, approx: Approx, need_unit: bool = False) -> _Got:
        c1 = self.core(j)
        if not isinstance(c1, _Core):
            return c1
        if need_unit and (c1.kind != "digits" or c1.unit is None):
            return None
        conn = None if c1.kind == "vague" else self.connector(c1.end)
        if conn is not None:
            c2 = self.core(c1.end + 1)
            if isinstance(c2, _Core):
                years = self.yearish(c1) and (self.yearish(c2) or (c2.plain and c2.ndigits == 2))
                if self.strict and years and conn != "or" and not self.counts_not_year(j - 1, c2.end):
                    return c2.end
                if conn != "or" and start == j and self.is_score(c1, c2):
                    return _Found(start, c1.end, Quantity(float(c1.value), None, "exact", None))
                ok = conn != "or" or (c1.unit is None and c1.mag is None and c1.kind == c2.kind and not years)
                q = self.make_range(c1, c2) if ok else None
                if q is not None:
                    return _Found(start, c2.end, q)
        if self.strict and self.yearish(c1) and not self.counts_not_year(j - 1, c1.end):
            return c1.end
        if start == j:
            skip = self.label_end(c1)
            if skip is not None:
                return skip
        end = c1.end
        final = approx if approx != "exact" else c1.approx
        if final == "exact":
            suf = self.suffix(end)
            if suf is not None:
                final, end = suf
        if start == j and final == "exact" and self.pronoun_one(c1):
            return c1.end
        return _Found(start, end, Quantity(float(c1.value), None, final, c1.unit))

    def mention(self, i: int) -> _Got:
        w = self.low(i)
        if self.toks[i].kind != "num" and w not in _STARTERS:
            return None
        if w == "between":
            return self.bounded(i, ("and",))
        if w == "from":
            return self.bounded(i, ("to", "dash"))
        qual = self.walk(_QUALIFIER_TRIE, i, hyphens=False)
        if qual is None:
            return self.body(i, i, "exact")
        approx, j = _APPROX[qual[0]], qual[1]
        got = self.body(j, i, approx)
        if got is not None or self.low(j) not in ("a", "an"):
            return got
        got = self.body(j + 1, i, approx, need_unit=True)  # "about a 20 minute walk"
        if got is not None:
            return got
        unit = self.unit(j + 1, money=False)  # "nearly a decade", "about an hour"
        if unit is not None and unit[0] not in _MONEY and unit[0] != "%":
            return _Found(i, unit[1], Quantity(1.0, None, approx, unit[0]))
        return None

    def scan(self, first_only: bool = False) -> list[NumberMention]:
        out: list[NumberMention] = []
        i = 0
        while i < self.n:
            got = self.mention(i)
            if isinstance(got, _Found):
                s, e = self.toks[got.first].start, self.toks[got.end - 1].end
                out.append(NumberMention(self.text[s:e], s, e, got.quantity))
                if first_only:
                    break
                i = max(got.end, i + 1)
            elif isinstance(got, int):
                i = max(got, i + 1)
            else:
                i += 1
        return out


# ----------------------------------------------------------------------------------------------------
# Public API
# ----------------------------------------------------------------------------------------------------


def parse_quantity(text: str) -> Quantity | None:
    """The quantity of a figure phrase such as "more than three dozen", "$3bn" or "50-60%".

    Used on figure text written by a model or a person, so a bare "2021" counts as a number here (it is only
    treated as a year when scanning an article). Dates, times and codes still give None, as does text with no
    number at all. With several figures in the phrase, the first one wins.
    """
    found = _Scanner(text, strict=False).scan(first_only=True)
    return found[0].quantity if found else None


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
