"""Tokens of an article for the number scanner, with every number inside a date, time, code or phone number
marked as blocked.

Why a pass of its own: blocking by regular expression first lets the scanner stay a simple left-to-right walk
over tokens that never has to ask whether "9/11" or "10:30" is a figure. `TokenView` is the scanner's window on
the tokens: bounds-checked lookups and the few questions every rule asks (is this glued to the word before?).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, TypeVar

from summarizer.text.lexicon import MONTH_ABBREVIATIONS, MONTHS
from summarizer.text.number_vocab import HYPHENS, Node

__all__ = ["TIME_AFTER", "Tok", "TokenView", "digits_value", "tokenize"]

V = TypeVar("V")


@dataclass(slots=True)
class Tok:
    kind: str  # "num" | "word" | "sym"
    text: str
    low: str
    start: int
    end: int
    blocked: bool  # a number inside a date, time, code or phone number: never a figure


_TOKEN_RE: Final = re.compile(
    r"(?P<num>[0-9]{1,3}(?:\.[0-9]{3}){2,}(?![0-9]|\.[0-9])"
    r"|[0-9]{1,3}(?:[,\u00a0\u202f\u2009][0-9]{3})+(?:\.[0-9]+)?(?![0-9])"
    r"|[0-9]+(?:\.[0-9]+)?)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<sym>\S)"
)
_MONTH_RE: Final = "(?:" + "|".join(name.capitalize() for name in (*MONTHS, *MONTH_ABBREVIATIONS)) + r")\.?"
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
TIME_AFTER: Final = re.compile(
    r"\s*(?:[ap]\.\s?m\.|[ap]\.?m\b|[AP]\.?M\b|o['’]clock\b"
    r"|(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|BST|IST|JST|AEST|AEDT|BCE?|AD|CE)\b|B\.C\.|A\.D\.)"
)


def tokenize(text: str) -> list[Tok]:
    mask = bytearray(len(text))
    for pattern in _BLOCK_RES:
        for m in pattern.finditer(text):
            mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    toks: list[Tok] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "sym"
        s, e = m.span()
        blocked = kind == "num" and mask.find(1, s, e) != -1
        toks.append(Tok(kind, m.group(), m.group().lower(), s, e, blocked))
    return toks


def digits_value(text: str) -> Decimal:
    """The value of a digits token: "1,200", "1.200.000", "3.5"."""
    if text.count(".") > 1:  # 1.200.000
        return Decimal(text.replace(".", ""))
    return Decimal(re.sub(r"[,\u00a0\u202f\u2009]", "", text))


class TokenView:
    """The tokens of one text, with lookups that are safe at both ends."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.n = len(self.toks)

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
            and self.toks[k].text in HYPHENS
            and self.glued(k)
            and self.glued(k + 1)
            and self.toks[k + 1].kind == "word"
        )

    def walk(self, root: Node[V], k: int, hyphens: bool) -> tuple[V, int] | None:
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
        return (prev.text in HYPHENS or prev.text == ".") and self.glued(k - 1) and self.is_word(k - 2)
