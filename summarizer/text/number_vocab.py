"""The vocabulary of figures: qualifiers, currencies, units and the context words that tell a figure from a
label, a year or a pronoun.

Why apart from the scanner: these tables are the policy of `summarizer.text.numbers` (its docstring says what
each one means) and change far more often than the scanning code. Number words themselves come from
`summarizer.text.lexicon`, turned into `Decimal` here so that "1.2 million" stays exact. Phrases are written as
space-separated tokens; a token written "=X" must match case-sensitively ("=m" is metres, not "M").
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final, Generic, TypeVar

from summarizer.contract import Approx
from summarizer.text.lexicon import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    ROUGH_SCALE_WORDS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    TENS_WORDS,
    VAGUE_NUMBER_WORDS,
    WEEKDAYS,
)

__all__ = [
    "ABBR_ANY",
    "ABBR_MONEY",
    "BIG",
    "CAP_FUNCTION",
    "CLAUSE_PUNCT",
    "CURRENCY_SYMBOLS",
    "DASHES",
    "DOLLAR_PREFIXES",
    "HYPHENS",
    "IRREGULAR_PLURALS",
    "ISO_CODES",
    "LABEL_WORDS",
    "MONEY",
    "MONTH_NAMES",
    "ONE_BEFORE_END",
    "ONE_NEXT",
    "ONE_PREV",
    "ORDINALS",
    "ORD_SUFFIX",
    "OTHER_PREFIXES",
    "POUNDS",
    "QUALIFIER_TRIE",
    "SCALES",
    "SCORE_WORDS",
    "SMALL",
    "STARTERS",
    "TENS",
    "UNIT_TRIE",
    "VAGUE",
    "VAGUE_MULT",
    "WEEKDAY_NAMES",
    "YEAR_AFTER",
    "YEAR_BEFORE",
    "Node",
]

V = TypeVar("V")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# -- number words as Decimals ----------------------------------------------------------------------------------

SMALL: Final = {w: Decimal(v) for w, v in NUMBER_WORDS.items()}
TENS: Final = {w: Decimal(v) for w, v in TENS_WORDS.items()}
SCALES: Final = {w: Decimal(v) for w, v in SCALE_WORDS.items()}
"""Every multiplier word, as it may follow digits ("3 dozen", "1.2 million") or "half a"."""
BIG: Final = {w: v for w, v in SCALES.items() if v >= 1000}
"""The multipliers that group a spelled-out number ("two million three hundred thousand")."""
ABBR_ANY: Final = {w: Decimal(v) for w, v in SCALE_ABBREVIATIONS.items()}
ABBR_MONEY: Final = {"m": Decimal(10**6), "b": Decimal(10**9)}
"""Single letters that are multipliers only after money ("€40m", "$3b")."""
VAGUE: Final = {w: Decimal(v) for w, v in VAGUE_NUMBER_WORDS.items()}
VAGUE_MULT: Final = {w: v for w, v in SCALES.items() if w in ROUGH_SCALE_WORDS}
"""What "several" and "a few" may multiply ("several hundred", "a few million")."""
ORDINALS: Final = frozenset(ORDINAL_WORDS)
MONTH_NAMES: Final = frozenset(name.capitalize() for name in (*MONTHS, *MONTH_ABBREVIATIONS))
WEEKDAY_NAMES: Final = frozenset(WEEKDAYS)

# -- qualifiers, money, units ----------------------------------------------------------------------------------

_QUALIFIERS: Final[dict[Approx, str]] = {
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

CURRENCY_SYMBOLS: Final = {
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₦": "NGN",
    "₪": "ILS", "₺": "TRY", "₱": "PHP", "฿": "THB", "₴": "UAH",
}  # fmt: skip
DOLLAR_PREFIXES: Final = {
    "US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "HK": "HKD", "NZ": "NZD", "S": "SGD",
    "NT": "TWD", "R": "BRL",
}  # fmt: skip
ISO_CODES: Final = _wordset(
    "USD EUR GBP JPY CNY INR PKR HKD AUD CAD NZD SGD TWD CHF RUB NGN ZAR ILS TRY PLN SEK NOK DKK IDR MYR "
    "THB KRW BRL MXN PHP SAR AED EGP KES UAH"
)
OTHER_PREFIXES: Final = {"Rs": "INR", "RMB": "CNY", "Rp": "IDR"}

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
MONEY: Final = frozenset(
    {*_CURRENCY_WORDS.values(), *CURRENCY_SYMBOLS.values(), *DOLLAR_PREFIXES.values(), *ISO_CODES}
)
POUNDS: Final = "lb|GBP"  # resolved by context: money -> GBP, else weight
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
    "pound|pounds": POUNDS,
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

# -- context words ----------------------------------------------------------------------------------------------

HYPHENS: Final = frozenset("-‐‑–—")
DASHES: Final = frozenset("-‐‑–—‒―")
# Words that put a following four-digit number in the calendar even when a noun follows ("in 2000 people...").
YEAR_BEFORE: Final = _wordset(
    "in since by the during until till before after circa early late mid summer winter spring autumn fall "
    "year fiscal this that last next"
)
# Words that may follow a year without making it a count ("2000 levels", "1991 and", "2050 increasing"?).
YEAR_AFTER: Final = _wordset(
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
CAP_FUNCTION: Final = _wordset(
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
LABEL_WORDS: Final = _wordset(
    "number no nos nr page pages post posts room rooms flight route gate platform section sections "
    "article articles chapter chapters line lines level grade episode episodes season volume vol issue "
    "block ward district highway interstate precinct terminal table figure fig paragraph verse scene "
    "stage phase pad day week round game match category zone bus channel exit apartment suite lane unit "
    "item question row seat sector building hall version model type class tier step part appendix rule "
    "clause lot box door ticket group camp"
)
SCORE_WORDS: Final = _wordset(
    "won win wins lost lose loses losing drew draw draws beat beats beating defeated defeat defeats ended "
    "ending ends finished winning leading trailing trail victory score scored scoreline"
)
ONE_NEXT: Final = _wordset("of another who whom whose which that")
ONE_PREV: Final = _wordset(
    "no the this that every any each which another such a some someone little new old other same right "
    "wrong good bad current latest previous big small last next first"
)
ONE_BEFORE_END: Final = _wordset("only just exactly least most than")
CLAUSE_PUNCT: Final = frozenset(".,;:!?)]}\"”'’")
ORD_SUFFIX: Final = frozenset({"st", "nd", "rd", "th"})
IRREGULAR_PLURALS: Final = _wordset("people children men women personnel staff police cattle sheep livestock")

# -- phrase tries --------------------------------------------------------------------------------------------------


class Node(Generic[V]):
    """A trie node over tokens: `children` by token ("=X" for a case-sensitive one), `value` where a phrase ends."""

    __slots__ = ("children", "value")

    def __init__(self) -> None:
        self.children: dict[str, Node[V]] = {}
        self.value: V | None = None


def _build_trie(table: dict[str, V]) -> Node[V]:
    root: Node[V] = Node()
    for phrases, value in table.items():
        for phrase in phrases.split("|"):
            node = root
            for part in phrase.split():
                key = part if part.startswith("=") else part.lower()
                node = node.children.setdefault(key, Node())
            node.value = value
    return root


UNIT_TRIE: Final = _build_trie({**_UNIT_WORDS, **_CURRENCY_WORDS, **{"=" + c: c for c in ISO_CODES},
                                **{"=" + s: c for s, c in CURRENCY_SYMBOLS.items()}})  # fmt: skip
QUALIFIER_TRIE: Final = _build_trie({phrases: approx for approx, phrases in _QUALIFIERS.items()})
STARTERS: Final = frozenset(
    {k.lstrip("=").lower() for k in QUALIFIER_TRIE.children}
    | SMALL.keys()
    | TENS.keys()
    | VAGUE.keys()
    | {"a", "an", "half", "several", "between", "from", "minus", "-", "−"}
    | {k.lower() for k in (*DOLLAR_PREFIXES, *ISO_CODES, *OTHER_PREFIXES, *CURRENCY_SYMBOLS)}
)
"""Lowercased tokens that can begin a figure; any other word is skipped without parsing (speed)."""
