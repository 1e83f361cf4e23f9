"""Pin a model's claimed evidence string to character offsets in the article.

Briefs may only quote text that really appears in the article, so code (not the
model) must locate every quoted span.  Models rarely copy perfectly: they
straighten curly quotes, swap dashes, re-flow line breaks, change case and now
and then mistype a letter.  :func:`align` therefore tries, strictest first:

1. exact substring search;
2. search after :func:`normalize_with_map` (whitespace, quotes, dashes,
   ellipsis, zero-width characters, case), mapped back to original offsets;
3. a bounded fuzzy alignment (rapidfuzz) on the normalised texts.

``FUZZY_THRESHOLD`` is 0.90 on rapidfuzz's normalised Indel similarity,
``1 - edits / (len(a) + len(b))`` where a substitution costs two edits.  That
admits roughly one wrong character in ten (a typo or two in a sentence-long
quote) while paraphrases, which swap or reorder whole words, score well below
it.  Needles shorter than ``MIN_FUZZY_LENGTH`` characters never reach the fuzzy
step, because in so few characters a single edit can turn one name or number
into another.  For the same reason a fuzzy match is also rejected when its
digit runs differ from the needle's: "70 militants" must not verify "60
militants" however similar the rest is.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

__all__ = [
    "ACRONYM_AFTER",
    "FUZZY_THRESHOLD",
    "MAX_FUZZY_LENGTH",
    "MIN_FUZZY_LENGTH",
    "Alignment",
    "align",
    "normalize_with_map",
    "search_after",
    "stands_alone",
]

FUZZY_THRESHOLD: float = 0.90
"""Minimum Indel similarity (0-1) for a fuzzy match; see the module docstring."""

MIN_FUZZY_LENGTH: int = 12
"""Normalised needles shorter than this must match exactly or after normalisation."""

MAX_FUZZY_LENGTH: int = 2000
"""Longer normalised needles skip the fuzzy step, keeping its cost bounded."""

_ZERO_WIDTH = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Single and double quotes fold together: models often switch quote style when
# they nest a quotation inside a JSON string.
_QUOTES = (
    "'\"`\u00b4\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f"
    "\u2032\u2033\u2039\u203a\u00ab\u00bb\uff02\uff07"
)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"

_FOLD_TABLE: dict[int, str] = {
    **{ord(c): "" for c in _ZERO_WIDTH + _BIDI_CONTROLS},
    **{ord(c): "'" for c in _QUOTES},
    **{ord(c): "-" for c in _DASHES},
    ord("\u2026"): "...",
}

_DIGIT_RUNS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Alignment:
    """Where evidence sits in the article: ``article[start:end]`` is the matched text.

    ``score`` is 1.0 for exact and normalised matches, else the fuzzy similarity.
    """

    start: int
    end: int
    method: Literal["exact", "normalized", "fuzzy"]
    score: float


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """Fold one character to its comparison form (possibly empty or several chars)."""
    if ord(ch) in _FOLD_TABLE:
        return _FOLD_TABLE[ord(ch)]
    return unicodedata.normalize("NFKC", ch).casefold().translate(_FOLD_TABLE)


@functools.lru_cache(maxsize=32)
def _normalize_cached(text: str) -> tuple[str, tuple[int, ...]]:
    """Cached core of :func:`normalize_with_map`; one article is aligned many times."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for folded in _fold_char(ch):
            if folded.isspace():
                if out and out[-1] == " ":
                    continue
                folded = " "
            elif folded == "-" and out and out[-1] == "-":
                continue  # "--" is a common typing of an em dash
            out.append(folded)
            index.append(i)
    return "".join(out), tuple(index)


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Fold away typographic differences models introduce when copying text.

    Whitespace runs (including newlines) become one space, quote and apostrophe
    variants become ``'``, dash variants (and runs of them) become ``-``, the
    ellipsis becomes ``...``, zero-width and bidi control characters vanish, and
    text is NFKC-normalised and case-folded.  Returns the normalised text and a
    list of the same length whose item ``i`` is the index in ``text`` of the
    character that produced normalised character ``i``.
    """
    norm, index = _normalize_cached(text)
    return norm, list(index)


def _pick_nearest(starts: list[int], hint: int | None) -> int:
    """Index into ``starts`` of the occurrence nearest ``hint`` (first if no hint)."""
    if hint is None:
        return 0
    return min(range(len(starts)), key=lambda k: (abs(starts[k] - hint), k))


def _all_occurrences(needle: str, haystack: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of ``needle``."""
    found: list[int] = []
    pos = haystack.find(needle)
    while pos != -1:
        found.append(pos)
        pos = haystack.find(needle, pos + 1)
    return found


def _to_original(article: str, index: tuple[int, ...], norm_start: int, norm_end: int) -> tuple[int, int]:
    """Map a non-empty normalised span back to original offsets, trimmed of whitespace."""
    start = index[norm_start]
    end = index[norm_end - 1] + 1
    while start < end and article[start].isspace():
        start += 1
    while end > start and article[end - 1].isspace():
        end -= 1
    return start, end


def _refine(needle: str, haystack: str, start: int, end: int) -> tuple[float, int, int]:
    """Nudge a fuzzy window's edges to maximise similarity with the needle.

    partial_ratio compares fixed-length windows, so a needle with a dropped or
    extra letter gets a window that is a character too long or short; a small
    bounded search around the edges recovers the span the needle really quotes.
    """
    slack = min(24, max(3, len(needle) // 8))
    best = (-1.0, start, end)
    best_shift = 0
    for s in range(max(0, start - slack), min(len(haystack), start + slack) + 1):
        for e in range(max(s + 1, end - slack), min(len(haystack), end + slack) + 1):
            score = fuzz.ratio(needle, haystack[s:e])
            shift = abs(s - start) + abs(e - end)
            if score > best[0] or (score == best[0] and shift < best_shift):
                best, best_shift = (score, s, e), shift
    return best


def _snap_to_words(needle: str, haystack: str, start: int, end: int) -> tuple[int, int]:
    """Widen a fuzzy span that cuts a word in half, so it never quotes "Talib" for "Taliban".

    Only edges where the needle itself begins or ends with a word character
    are widened.
    """
    if needle[:1].isalnum():
        while 0 < start < len(haystack) and haystack[start - 1].isalnum() and haystack[start].isalnum():
            start -= 1
    if needle[-1:].isalnum():
        while 0 < end < len(haystack) and haystack[end - 1].isalnum() and haystack[end].isalnum():
            end += 1
    return start, end


def _fuzzy(needle_norm: str, article: str, threshold: float) -> tuple[float, int, int] | None:
    """Best fuzzy span of ``needle_norm`` as ``(score, start, end)`` in original offsets."""
    if not MIN_FUZZY_LENGTH <= len(needle_norm) <= MAX_FUZZY_LENGTH:
        return None
    art_norm, index = _normalize_cached(article)
    if not art_norm:
        return None
    cutoff = max(0.0, min(100.0, threshold * 100.0))
    rough = fuzz.partial_ratio_alignment(needle_norm, art_norm, score_cutoff=cutoff)
    if rough is None:
        return None
    score, s, e = _refine(needle_norm, art_norm, rough.dest_start, rough.dest_end)
    s, e = _snap_to_words(needle_norm, art_norm, s, e)
    score = fuzz.ratio(needle_norm, art_norm[s:e]) / 100.0
    if score < threshold or e <= s:
        return None
    if _DIGIT_RUNS.findall(needle_norm) != _DIGIT_RUNS.findall(art_norm[s:e]):
        return None
    start, end = _to_original(article, index, s, e)
    return score, start, end


def align(
    needle: str,
    article: str,
    *,
    threshold: float = FUZZY_THRESHOLD,
    hint: int | None = None,
) -> Alignment | None:
    """Find where ``needle`` (a model's claimed evidence) sits in ``article``.

    Exact matches win, then normalised ones, then fuzzy ones scoring at least
    ``threshold``.  Among several exact or normalised occurrences the one
    starting nearest ``hint`` (an article offset) is returned, else the first.
    Returns None when nothing matches and for needles with no content (empty,
    whitespace or zero-width characters only).
    """
    needle_norm = normalize_with_map(needle)[0].strip(" ")
    if not needle_norm:
        return None

    exact = _all_occurrences(needle, article)
    if exact:
        start = exact[_pick_nearest(exact, hint)]
        return Alignment(start, start + len(needle), "exact", 1.0)

    art_norm, index = _normalize_cached(article)
    found = _all_occurrences(needle_norm, art_norm)
    if found:
        chosen = found[_pick_nearest([index[p] for p in found], hint)]
        start, end = _to_original(article, index, chosen, chosen + len(needle_norm))
        return Alignment(start, end, "normalized", 1.0)

    fuzzy = _fuzzy(needle_norm, article, threshold)
    if fuzzy is None:
        return None
    score, start, end = fuzzy
    return Alignment(start, end, "fuzzy", score)


ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z.]{1,9})\)")
"""An acronym in parentheses right after a name: "Johnson Space Center (JSC)"."""


def search_after(text: str, literal: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The first match of `pattern` right after an occurrence of `literal`: what
    ``re.search(re.escape(literal) + pattern.pattern, text)`` finds, without compiling a regex per name
    (a brief asks this for every name it lists; compiling each pattern cost more than the search)."""
    if not literal:
        return None
    at = text.find(literal)
    while at != -1:
        found = pattern.match(text, at + len(literal))
        if found is not None:
            return found
        at = text.find(literal, at + 1)
    return None


_WORDISH = re.compile(r"[\w-]")


def stands_alone(text: str, word: str) -> bool:
    """Whether `word` occurs in `text` with no word character or hyphen on either side."""
    if not word:
        return False
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        if (at == 0 or not _WORDISH.match(text, at - 1)) and (
            end == len(text) or not _WORDISH.match(text, end)
        ):
            return True
        at = text.find(word, at + 1)
    return False
