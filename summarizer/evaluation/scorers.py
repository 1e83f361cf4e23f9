"""Field-by-field scorers that compare a brief with a hand-written reference (shared/CONTRACT.md §1-§3).

Each scorer is built by a small factory and is a plain function ``(brief, reference) -> FieldScore | None``:
``None`` means the reference does not carry the field, so there is nothing to score. Every factory's docstring
states its matching and normalisation policy, because a score means little without the rule that made it.

Ratios follow one rule everywhere: a ratio whose denominator is zero is ``None``, never 0 or 1. Precision is
matched/len(brief), recall is matched/len(reference), and F1 is ``2*tp / (len(brief) + len(reference))`` (the
count form of the harmonic mean: equal to it when both are defined, and still defined -- as 0 -- when one side
is empty and the other is not).

Everything here is pure Python plus rapidfuzz (no model, no network): under a millisecond a case on one core
(bench/harness.py times 10,000), and the same inputs always give the same numbers. Speed comes from work done
once per reference (indexes of its names, statements and sources, cached: references repeat across cases and
runs) and from never comparing pairs that the policy rules out; the policies themselves are the plain rules the
docstrings state, and tests/evaluation/test_scorers.py holds each shortcut to its plain rule.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
import operator
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

__all__ = [
    "FieldScore",
    "Scorer",
    "claims_scorer",
    "default_scorers",
    "figures_scorer",
    "grounding",
    "is_valid_brief",
    "score_case",
    "what_scorer",
    "when_scorer",
    "where_scorer",
    "who_scorer",
]


@dataclass(frozen=True)
class FieldScore:
    """The score of one field of one case, with the evidence a reader needs to check it.

    ``values`` maps metric names to numbers in [0, 1] or ``None`` (nothing to score); ``hits`` lists matched
    pairs, ``misses`` reference items the brief lacks, ``extras`` brief items the reference lacks.
    """

    field: str
    values: dict[str, float | None]
    hits: list[str] = dataclasses.field(default_factory=list)
    misses: list[str] = dataclasses.field(default_factory=list)
    extras: list[str] = dataclasses.field(default_factory=list)
    reason: str = ""


Scorer = Callable[[Mapping[str, Any], Mapping[str, Any]], FieldScore | None]


class _CaseMemo:
    """What the scorers of one ``score_case`` call share: the names of each side's ``who`` and ``where`` items,
    keyed by the id of the brief or the reference (both stay alive and unchanged during the call)."""

    __slots__ = ("names",)

    def __init__(self) -> None:
        self.names: dict[tuple[int, str], tuple[tuple[str, ...], ...]] = {}


_case = threading.local()  # .memo: the _CaseMemo of the score_case call running in this thread, else None

# Checking ``dict`` first skips the slow abstract-class check for the common case.
_MAPS = (dict, Mapping)

# --- Text normalisation --------------------------------------------------------------------------------


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Each pattern starts with the character it is about, so that the regex engine can skip to it; the lookbehind
# that follows checks the character before it (same matches as "(?<=\w)'s\b", "(?<=\d),..." and so on).
_POSSESSIVE = re.compile(r"['\u2019](?<=\w['\u2019])s\b")
_DIGIT_COMMA = re.compile(r",(?<=\d,)(?=\d{3}(?!\d))")
_DROPPED = re.compile(r"['\u2019`]|\.(?:(?<!\d\.)|(?!\d))")
_TOKEN = re.compile(r"\d+(?:\.\d+)*|[^\W_]+")
# ASCII characters that can only separate tokens: all but letters, digits and the period of a decimal.
_ASCII_SEPARATORS = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == ".")}
)
# ASCII characters to drop (apostrophes, backquotes, periods) or to space out (the other separators).
_ASCII_DROP_AND_SEPARATE = str.maketrans(
    {chr(c): "" if chr(c) in "'`." else " " for c in range(128) if not chr(c).isalnum()}
)

# Function words: carry no content in statements, `what` summaries or `counts`.
_STOPWORDS = _word_set(
    """
    a about above after again against all also am an and any are as at be been before being below between both
    but by can could did do does doing down during each few for from further had has have having he her here
    hers herself him himself his how i if in into is it its itself just may me might more most must my myself
    no nor not now of off on once only or other our ours out over own same she should so some such than that
    the their theirs them themselves then there these they this those through to too under until up very was
    we were what when where which while who whom why will with would you your yours
    """
)

# Words that do not identify an entity or place on their own ("Ministry" is not "Defense Ministry"). Used only
# by the containment rule of the name policy, never to drop words from exact or fuzzy comparison.
_GENERIC_NAME_WORDS = _STOPWORDS | _word_set(
    """
    administration agency army association authorities authority bureau capital chief city co commission
    committee company corp corporation council county court department director district dr federal force
    forces general government governor group head inc island islands leader llc ltd mayor military minister
    ministry mr mrs ms national office official officials organisation organization party people plc police
    president prime province provincial public region republic secretary senior service services sir spokesman
    spokesperson spokeswoman state town university village
    """
)

# Trailing tokens that are not the head of a name ("Samsung Electronics Co" has head "electronics").
_NAME_SUFFIXES = frozenset({"co", "corp", "inc", "jr", "llc", "ltd", "plc", "sr"})

# A handful of synonyms that news writers alternate freely when counting casualties.
_SYNONYMS = {
    "dead": "kill",
    "death": "kill",
    "deaths": "kill",
    "die": "kill",
    "died": "kill",
    "fatalities": "kill",
    "fatality": "kill",
    "killed": "kill",
    "injured": "injur",
    "injuries": "injur",
    "injury": "injur",
    "wounded": "injur",
    "hurt": "injur",
}
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
    " seventeen eighteen nineteen twenty"
)
# Small number words, so that "three" meets "3" in statements and summaries.
_SYNONYMS.update((word, str(number)) for number, word in enumerate(_NUMBER_WORDS.split()))


def _tokenize(text: str) -> tuple[str, ...]:
    """Casefold, strip accents, drop possessive 's and apostrophes/periods (keeping decimals), split."""
    if text.isascii():
        plain = text.casefold()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    # Each substitution only when its pattern can match at all (the regular expressions dominate the cost).
    if "'" in plain or "\u2019" in plain:
        plain = _POSSESSIVE.sub("", plain)
    if not plain.isascii():
        if "," in plain:
            plain = _DIGIT_COMMA.sub("", plain)
        if "'" in plain or "\u2019" in plain or "`" in plain or "." in plain:
            plain = _DROPPED.sub("", plain)
        return tuple(_TOKEN.findall(plain))
    bare = plain.replace(" ", "")
    if bare.isalnum():
        # Letters, digits and spaces only (most names): nothing to drop, and the words are the tokens unless
        # one mixes digits and letters.
        if bare.isalpha():
            return tuple(plain.split())
    elif not any(map(plain.__contains__, "0123456789")):
        # Without digits no comma goes and every apostrophe, backquote and period does, and every token is a
        # run of letters: deleting those and spacing out the rest leaves the tokens separated by spaces.
        return tuple(plain.translate(_ASCII_DROP_AND_SEPARATE).split())
    else:
        if "," in plain:
            plain = _DIGIT_COMMA.sub("", plain)
        if "'" in plain or "`" in plain or "." in plain:
            plain = _DROPPED.sub("", plain)
        plain = plain.translate(_ASCII_SEPARATORS)
    # _TOKEN never matches across a separator, so it can run word by word, and a word of only letters or only
    # digits is a token as it stands.
    tokens: list[str] = []
    for word in plain.split():
        if word.isalpha() or word.isdigit():
            tokens.append(word)
        else:
            tokens.extend(_TOKEN.findall(word))
    return tuple(tokens)


_tokens = lru_cache(maxsize=65536)(_tokenize)


@lru_cache(maxsize=65536)
def _stem(token: str) -> str:
    """Light suffix stripping so that "militants killed" meets "militant killing"; not linguistics."""
    if token in _SYNONYMS:
        return _SYNONYMS[token]
    if token.isdigit() or len(token) <= 3:
        return token
    if token.endswith("ies") and len(token) > 4:
        token = token[:-3] + "y"
    elif token.endswith("sses"):
        token = token[:-2]
    elif token.endswith("s") and not token.endswith(("ss", "us", "is")):
        token = token[:-1]
    for suffix in ("ing", "ed"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            token = token[: -len(suffix)]
            break
    if token.endswith("e") and len(token) > 3:
        token = token[:-1]
    return token


def _content_of(text: str, tokens: Callable[[str], tuple[str, ...]] = _tokenize) -> tuple[str, ...]:
    """Stemmed content tokens of free text (stopwords removed), in order."""
    return tuple(map(_stem, [t for t in tokens(text) if t not in _STOPWORDS]))


@lru_cache(maxsize=65536)
def _content(text: str) -> tuple[str, ...]:
    """_content_of, remembered: for texts that recur (references, statements, counts)."""
    return _content_of(text, _tokens)


@lru_cache(maxsize=65536)
def _content_string(text: str) -> str:
    return " ".join(_content(text))


# --- Name matching (who, where, and the sources of figures and claims) ---------------------------------

# One normalised spelling of a name: (text, squashed, distinctive, heads, fuzzy_key), where text is its tokens
# joined by spaces (text.split() gives them back), squashed the tokens joined without spaces, distinctive the
# tokens that are not generic words, each once, joined by spaces, heads those of `_heads` joined by spaces, and
# fuzzy_key that of `_fuzzy_key`. A flat tuple of strings, not a class, sets or nested tuples: the caches keep
# tens of thousands of spellings, and CPython's garbage collector stops tracking a tuple of strings at its first
# collection, while it scans sets and class instances (and, for a few collections, nested tuples) on every full
# collection.
_Form = tuple[str, str, str, str, str]


@lru_cache(maxsize=65536)
def _forms_of(raw: str) -> tuple[_Form, ...]:
    """Normalised forms of one written name: the whole, plus the part before an appositive comma."""
    whole = _form(_tokenize(raw))  # the forms are cached, so the tokens need not be
    if "," not in raw:
        return () if whole is None else (whole,)
    forms = [] if whole is None else [whole]
    before = _form(_tokenize(raw.split(",", 1)[0]))
    if before is not None and before not in forms:
        forms.append(before)
    return tuple(forms)


def _form(tokens: tuple[str, ...]) -> _Form | None:
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    if not tokens:
        return None
    distinctive = [t for t in tokens if t not in _GENERIC_NAME_WORDS]
    if len(distinctive) > 1 and len(set(distinctive)) < len(distinctive):
        distinctive = list(dict.fromkeys(distinctive))  # each once
    last = tokens[-1]
    heads = last if last not in _NAME_SUFFIXES and "of" not in tokens else " ".join(_heads(tokens))
    return (" ".join(tokens), "".join(tokens), " ".join(distinctive), heads, _fuzzy_key(tokens))


def _heads(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The tokens a name is "about": its last token, and the last before an "of" ("Ministry of Defense")."""
    heads: list[str] = []
    for part in (tokens, tokens[: tokens.index("of", 1)] if "of" in tokens[1:] else ()):
        while len(part) > 1 and part[-1] in _NAME_SUFFIXES:
            part = part[:-1]
        if part and part[-1] not in heads:
            heads.append(part[-1])
    return tuple(heads)


def _fuzzy_key(tokens: tuple[str, ...]) -> str:
    """Guard on top of the ratio: same token count, and every differing token at least 5 characters long.

    A one-letter slip in a long token is a misspelling ("Zabihulah"); in a short one it is usually another
    name ("Joan" / "John", "Iran" / "Iraq"). Two spellings pass the guard exactly when their keys are equal:
    the key keeps each token shorter than 5 characters in its place and blanks the others (joined by spaces,
    which no token contains), so a short token may only face itself and a long one only another long one. A
    key rather than a pairwise test, so that the candidates for a misspelling are one dictionary lookup away.
    """
    return " ".join([token if len(token) < 5 else "" for token in tokens])


def _entity_forms(names: tuple[str, ...]) -> tuple[_Form, ...]:
    """The forms of all names of one entity, one per text (the first name's first)."""
    if len(names) == 1:
        return _forms_of(names[0])  # one name's forms already differ in text
    return _merged_forms(names)


@lru_cache(maxsize=65536)
def _merged_forms(names: tuple[str, ...]) -> tuple[_Form, ...]:
    seen: dict[str, _Form] = {}
    for name in names:
        for form in _forms_of(name):
            seen.setdefault(form[0], form)
    return tuple(seen.values())


def _coverage_score(a: int, b: int) -> float:
    """The score of a containment, from the two spellings' numbers of distinctive tokens."""
    short, long = (a, b) if a <= b else (b, a)
    return 0.5 + 0.3 * (short / max(long, 1))


class _EntityIndex:
    """The spellings of a list of entities (one side's ``who`` or ``where``), indexed for matching.

    Two entities are as similar as their most similar pair of spellings, except that an equal spelling (1.0)
    and then an equal squashed spelling (0.99) decide at once. Matching one entity against the list finds
    every pair that can score without comparing them all: equal and squashed-equal spellings are dictionary
    lookups, a misspelling can only be a spelling with the same ``_fuzzy_key``, and containment needs shared
    distinctive tokens -- all of one side's (a distinctive token is distinctive wherever it occurs), so
    counting the shared ones tells which side, if any, is contained. Built once per list (references repeat
    across cases) and cached.
    """

    __slots__ = ("forms", "fuzzy", "postings", "squashed", "texts")

    def __init__(self, entities: tuple[tuple[str, ...], ...]) -> None:
        self.texts: dict[str, list[int]] = {}
        self.squashed: dict[str, list[int]] = {}
        self.fuzzy: dict[str, list[tuple[str, int, int]]] = {}  # key -> (text, its length, entity)
        # every spelling: its entity's position, token set, number of distinctive tokens and heads
        self.forms: list[tuple[int, frozenset[str], int, tuple[str, ...]]] = []
        self.postings: dict[str, list[int]] = {}  # distinctive token -> positions in `forms`
        for j, names in enumerate(entities):
            for text, squashed, distinctive, heads, key in _entity_forms(names):
                self.texts.setdefault(text, []).append(j)
                self.squashed.setdefault(squashed, []).append(j)
                self.fuzzy.setdefault(key, []).append((text, len(text), j))
                tokens = distinctive.split()
                for token in tokens:
                    self.postings.setdefault(token, []).append(len(self.forms))
                self.forms.append((j, frozenset(text.split()), len(tokens), tuple(heads.split())))

    def pairs(
        self, entities: Iterable[tuple[str, ...]], threshold: float, head_rule: bool
    ) -> list[tuple[float, int, int]]:
        """(similarity, i, j) for every entity i of ``entities`` and j of the index that match (0 is left out)."""
        texts, squashed_texts, fuzzy, postings, indexed = (
            self.texts,
            self.squashed,
            self.fuzzy,
            self.postings,
            self.forms,
        )
        # rapidfuzz's ratio is 100 * (1 - distance / total length) and the distance is at least the difference in
        # length, so a pair whose lengths differ by more than this share of their total cannot reach threshold
        # (the margin keeps borderline pairs for rapidfuzz to decide).
        slack = 100.0 - threshold
        pairs: list[tuple[float, int, int]] = []
        for i, names in enumerate(entities):
            forms = _entity_forms(names) if names else ()
            if not forms:
                continue
            found: dict[int, float] = {}
            for form in forms:
                for j in texts.get(form[0], ()):
                    found[j] = 1.0
            for form in forms:
                for j in squashed_texts.get(form[1], ()):
                    if j not in found:
                        found[j] = 0.99
            best: dict[int, float] = {}
            for text, _, distinctive_text, heads, key in forms:
                size = len(text)
                for other_text, other_size, j in fuzzy.get(key, ()):
                    if j in found or 100 * abs(size - other_size) > slack * (size + other_size) + 1e-6:
                        continue
                    ratio = fuzz.ratio(text, other_text, score_cutoff=threshold)
                    if ratio and ratio / 100.0 > best.get(j, 0.0):
                        best[j] = ratio / 100.0
                if not distinctive_text:
                    continue  # containment needs a distinctive token on both sides
                distinctive = distinctive_text.split()
                shared: dict[int, int] = {}  # spelling -> how many distinctive tokens it shares with this one
                for token in distinctive:
                    for k in postings.get(token, ()):
                        shared[k] = shared.get(k, 0) + 1
                tokens: frozenset[str] | None = None
                for k, count in shared.items():
                    j, other_tokens, other_distinctive, other_heads = indexed[k]
                    if j in found:
                        continue
                    # Containment, either way: one spelling's distinctive tokens (non-empty) all occur in the
                    # other and, with the head rule, one of the other's heads occurs in it. This spelling's
                    # distinctive tokens all occur in the other exactly when all of them are shared, and
                    # conversely.
                    if count == len(distinctive) and head_rule:
                        if tokens is None:
                            tokens = frozenset(text.split())
                        contained = not tokens.isdisjoint(other_heads)
                    else:
                        contained = count == len(distinctive)
                    if not contained and count == other_distinctive:
                        contained = not head_rule or not other_tokens.isdisjoint(heads.split())
                    if contained:
                        score = _coverage_score(len(distinctive), other_distinctive)
                        if score > best.get(j, 0.0):
                            best[j] = score
            pairs.extend([(sim, i, j) for j, sim in found.items()])
            pairs.extend([(sim, i, j) for j, sim in best.items()])
        return pairs


@lru_cache(maxsize=4096)
def _entity_index(entities: tuple[tuple[str, ...], ...]) -> _EntityIndex:
    return _EntityIndex(entities)


def _greedy(pairs: list[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """One-to-one assignment, best pair first (ties broken by position so results are reproducible)."""
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen: list[tuple[float, int, int]] = []
    for score, i, j in pairs:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            chosen.append((score, i, j))
    return chosen


def _prf(tp: int, n_brief: int, n_ref: int) -> dict[str, float | None]:
    total = n_brief + n_ref
    return {
        "precision": tp / n_brief if n_brief else None,
        "recall": tp / n_ref if n_ref else None,
        "f1": 2 * tp / total if total else None,
    }


def _items(container: Mapping[str, Any], key: str) -> list[Any]:
    value = container.get(key)
    return list(value) if isinstance(value, (list, tuple)) else []


def _label(item: Any, key: str = "name") -> str:
    if isinstance(item, _MAPS) and isinstance(item.get(key), str):
        return str(item[key])
    return repr(item)


def _reason(
    name: str, tp: int, n_brief: int, n_ref: int, misses: Sequence[str], extras: Sequence[str]
) -> str:
    text = f"{name}: {tp} matched of {n_ref} reference and {n_brief} brief items"
    if misses:
        text += f"; missed {len(misses)}"
    if extras:
        text += f"; {len(extras)} extra"
    return text


def _entity_scorer(field_name: str, threshold: float, head_rule: bool) -> Scorer:
    def score(brief: Mapping[str, Any], reference: Mapping[str, Any]) -> FieldScore | None:
        if field_name not in reference:
            return None
        ref_items = _items(reference, field_name)
        brief_items = _items(brief, field_name)
        index = _entity_index(_names_in(reference, field_name))
        chosen = _greedy(index.pairs(_names_in(brief, field_name), threshold, head_rule))
        matched_b = {i for _, i, _ in chosen}
        matched_r = {j for _, _, j in chosen}
        hits = [f"{_label(brief_items[i])} ~ {_label(ref_items[j])} ({s:.2f})" for s, i, j in chosen]
        misses = [_label(item) for j, item in enumerate(ref_items) if j not in matched_r]
        extras = [_label(item) for i, item in enumerate(brief_items) if i not in matched_b]
        tp = len(chosen)
        return FieldScore(
            field=field_name,
            values=_prf(tp, len(brief_items), len(ref_items)),
            hits=hits,
            misses=misses,
            extras=extras,
            reason=_reason(field_name, tp, len(brief_items), len(ref_items), misses, extras),
        )

    return score


def _names_in(side: Mapping[str, Any], field: str) -> tuple[tuple[str, ...], ...]:
    """The names of each item of ``side[field]``, in order; shared by the scorers of one case."""
    memo: _CaseMemo | None = getattr(_case, "memo", None)
    if memo is None:
        return tuple([_names_of(item) for item in _items(side, field)])
    key = (id(side), field)
    names = memo.names.get(key)
    if names is None:
        names = memo.names[key] = tuple([_names_of(item) for item in _items(side, field)])
    return names


def _names_of(item: Any) -> tuple[str, ...]:
    """The name and aliases of a ``who``/``where`` item, strings only, in order, without repeats."""
    if not isinstance(item, _MAPS):
        return ()
    name = item.get("name")
    aliases = item.get("aliases")
    if not aliases:
        return (name,) if isinstance(name, str) else ()
    names = [name, *(aliases if isinstance(aliases, (list, tuple)) else ())]
    return tuple(dict.fromkeys(n for n in names if isinstance(n, str)))


def who_scorer(threshold: float = 88.0) -> Scorer:
    """Score ``who`` as a set: precision, recall and F1 of a greedy one-to-one name matching.

    Policy. Each entity is the set of its ``name`` and ``aliases``; two entities are the same when any
    spelling of one matches any spelling of the other, and pairs are taken best-similarity first, each entity
    used once. Spellings are normalised by casefolding, stripping accents, dropping possessive 's, apostrophes
    and periods ("U.S." -> "us"), splitting on other punctuation and dropping a leading "the"; a name with an
    appositive comma ("Zabihullah Mujahid, Taliban spokesman") also counts as its part before the comma. Two
    spellings match when

    * they are equal (also with spaces removed: "al Qaeda" / "AlQaeda");
    * rapidfuzz ``ratio`` >= ``threshold`` (0-100), for misspellings, provided both have the same number of
      tokens and every differing token has at least 5 characters on both sides ("Zabihulah Mujahid" matches,
      "Joan Smith" / "John Smith" and "Iran" / "Iraq" do not);
    * containment: the shorter one's distinctive tokens (not stopwords nor generic words such as ministry,
      government, president, spokesman) are non-empty and all occur in the other, and one of the other's heads
      -- its last token, or its last token before an "of", ignoring suffixes like "Inc" -- occurs in the
      shorter one. So "Mujahid" matches "Taliban spokesman Zabihullah Mujahid", "Tillerson" matches "Secretary
      of State Rex Tillerson" and "Defense Ministry" matches "Ministry of Defense", while "Ministry" does not
      match "Defense Ministry" (nothing distinctive), and neither "Taliban" nor "Afghanistan" match "Taliban
      spokesman Zabihullah Mujahid" / "Afghanistan's Defense Ministry" (they name a modifier, not the head).
      Accepted cost: "Texas" matches "University of Texas", and a bare surname matches any bearer of it
      (exact pairs are always taken first, so this bites only when the true partner is missing).

    Every list element counts (a malformed brief item is an unmatched extra). Precision is ``None`` when the
    brief lists nobody, recall ``None`` when the reference lists nobody; ``None`` when the reference has no
    ``who`` key.
    """
    return _entity_scorer("who", threshold, head_rule=True)


def where_scorer(threshold: float = 88.0) -> Scorer:
    """Score ``where`` as a set with the ``who`` name policy, minus the head rule.

    Places nest and are often written at different granularity ("Washington" / "Washington D.C.", "New York" /
    "New York City", "Helmand" / "Helmand province"), so containment of distinctive tokens suffices (generic
    words such as city, province, district, state, republic are not distinctive). The price, accepted: a brief
    "Kabul" also matches a reference "Kabul airport" when the reference does not list Kabul itself; exact
    matches are always paired first. Aliases are used when present (reference places usually have none).
    """
    return _entity_scorer("where", threshold, head_rule=False)


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def when_scorer() -> Scorer:
    """Score ``when`` as a set of resolved dates (``YYYY-MM-DD`` strings compared exactly).

    Entries whose ``date`` is null or missing are ignored on both sides: the contract allows the brief to keep
    a time phrase it cannot resolve, and such a phrase is neither right nor wrong about a day. Dates are
    de-duplicated first, because two phrasings of one day ("Tuesday", "July 18") are one date. The surface
    ``text`` is never compared: the date is what a reader relies on.
    """

    def score(brief: Mapping[str, Any], reference: Mapping[str, Any]) -> FieldScore | None:
        if "when" not in reference:
            return None
        ref_dates = _dates(_items(reference, "when"))
        brief_dates = _dates(_items(brief, "when"))
        ref_set = set(ref_dates)
        hits = [d for d in brief_dates if d in ref_set]
        hit_set = set(hits)
        misses = [d for d in ref_dates if d not in hit_set]
        extras = [d for d in brief_dates if d not in ref_set]
        tp = len(hits)
        return FieldScore(
            field="when",
            values=_prf(tp, len(brief_dates), len(ref_dates)),
            hits=hits,
            misses=misses,
            extras=extras,
            reason=_reason("when", tp, len(brief_dates), len(ref_dates), misses, extras),
        )

    return score


def _dates(items: Iterable[Any]) -> list[str]:
    out: list[str] = []
    for item in items:
        date = item.get("date") if isinstance(item, _MAPS) else None
        if isinstance(date, str) and date.strip() and date.strip() not in out:
            out.append(date.strip())
    return out


# --- Sources: names resolved through the `who` aliases of their own side -------------------------------


@lru_cache(maxsize=4096)
def _alias_table(who: tuple[tuple[str, ...], ...]) -> dict[str, tuple[str, ...]]:
    """Normalised spelling -> every spelling of the ``who`` entities using it; figures and claims share it."""
    table: dict[str, list[str]] = {}
    for names in who:
        for form in _entity_forms(names):
            table.setdefault(form[0], []).extend(names)
    return {text: tuple(names) for text, names in table.items()}


def _expanded(source: str, table: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """``source`` and every spelling of the ``who`` entities that use one of its normalised spellings."""
    names = [source]
    for form in _forms_of(source):
        names.extend(table.get(form[0], ()))
    return tuple(dict.fromkeys(names))


@lru_cache(maxsize=4096)
def _source_entities(who: tuple[tuple[str, ...], ...], sources: tuple[str, ...]) -> _EntityIndex:
    """The index of one side's named sources, each expanded through that side's ``who`` (references repeat)."""
    table = _alias_table(who)
    return _EntityIndex(tuple([_expanded(source, table) for source in sources]))


# --- Figures -------------------------------------------------------------------------------------------


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _interval(item: Mapping[str, Any]) -> tuple[float, float] | None:
    low = _number(item.get("value"))
    if low is None:
        return None
    high = _number(item.get("upper"))
    return (low, high) if high is not None and high >= low else (low, low)


def _counts_similarity(a: str, b: str) -> float:
    if not a and not b:
        return 100.0
    if not a or not b:
        return 0.0
    return float(fuzz.token_set_ratio(a, b))


def _figure_label(item: Any) -> str:
    if not isinstance(item, _MAPS):
        return repr(item)
    text = item.get("text")
    number = text if isinstance(text, str) and text else item.get("value")
    counts = item.get("counts") if isinstance(item.get("counts"), str) else "?"
    source = item.get("source")
    return f"{number} {counts}" + (f" ({source})" if isinstance(source, str) else "")


def figures_scorer(
    tolerance: float = 0.005, counts_threshold: float = 50.0, name_threshold: float = 88.0
) -> Scorer:
    """Score ``figures``: P/R/F1 of value-and-meaning matching, plus ``source_accuracy`` of the matched pairs.

    Policy. A brief figure matches a reference figure when

    * the values agree: each side is the interval [value, upper] (a point when ``upper`` is null), widened by
      a relative ``tolerance`` (0.5%), and the two intervals overlap -- plain numbers must be equal within
      0.5%, and a range "30-40" matches a brief 35. ``approx`` qualifiers and ``unit`` are not compared: "more
      than 36" keeps 36 as its value on both sides, and unit spellings vary ("km" / "kilometres") while
      ``counts`` already says what is measured. A brief figure with a null value matches nothing;
    * and what they count agrees: rapidfuzz ``token_set_ratio`` >= ``counts_threshold`` (0-100) on ``counts``
      reduced to stemmed content words (stopwords dropped, plural/-ed/-ing stripped, dead/died/killed and
      injured/wounded folded together). token_set_ratio is lenient on purpose: one side's words being a subset
      of the other's scores 100 ("killed" ~ "militants killed"), since equal values already carry most of the
      evidence and the check only has to reject coincidences ("5 years" vs "5 soldiers").

    Pairs are taken best ``counts`` similarity first (exact value agreement breaking ties), one-to-one.

    ``source_accuracy`` is the share of matched pairs whose sources agree: both null (the article's own
    voice), or both named and the same entity under the ``who`` policy, each name first expanded to all
    spellings of the ``who`` entity it names on its own side. A reference figure without a ``source`` key is
    not annotated for source and is left out of this share; the share is ``None`` when no pair counts.
    """

    def score(brief: Mapping[str, Any], reference: Mapping[str, Any]) -> FieldScore | None:
        if "figures" not in reference:
            return None
        ref_items = _items(reference, "figures")
        brief_items = _items(brief, "figures")
        ref_parsed = [
            (_interval(item) if isinstance(item, _MAPS) else None, _counts_text(item)) for item in ref_items
        ]
        pairs: list[tuple[float, int, int]] = []
        isclose = math.isclose
        for i, b_item in enumerate(brief_items):
            b_interval = _interval(b_item) if isinstance(b_item, _MAPS) else None
            if b_interval is None:
                continue
            b_low, b_high = b_interval
            b_counts: str | None = None
            for j, (r_interval, r_counts) in enumerate(ref_parsed):
                if r_interval is None:
                    continue
                # The intervals overlap: each low end is at most the other's high end, or equal within tolerance.
                r_low, r_high = r_interval
                if not (b_low <= r_high or isclose(b_low, r_high, rel_tol=tolerance)):
                    continue
                if not (r_low <= b_high or isclose(r_low, b_high, rel_tol=tolerance)):
                    continue
                if b_counts is None:
                    b_counts = _counts_text(b_item)
                sim = _counts_similarity(b_counts, r_counts)
                if sim < counts_threshold:
                    continue
                exact = b_interval == r_interval
                pairs.append((sim / 100.0 + (0.001 if exact else 0.0), i, j))
        chosen = _greedy(pairs)
        judged_pairs = [
            (_source_name(brief_items[i]), _source_name(ref_items[j]))
            for _, i, j in chosen
            if isinstance(ref_items[j], _MAPS) and "source" in ref_items[j]
        ]
        agree = _agreeing_sources(
            brief,
            reference,
            [b for b, _ in judged_pairs],
            [_source_name(item) for item in ref_items],
            name_threshold,
        )
        judged = agreed = 0
        hits: list[str] = []
        for _, i, j in chosen:
            b_item, r_item = brief_items[i], ref_items[j]
            note = ""
            if isinstance(r_item, _MAPS) and "source" in r_item:
                judged += 1
                if (_source_name(b_item), _source_name(r_item)) in agree:
                    agreed += 1
                else:
                    note = " [source differs]"
            hits.append(f"{_figure_label(b_item)} ~ {_figure_label(r_item)}{note}")
        matched_b = {i for _, i, _ in chosen}
        matched_r = {j for _, _, j in chosen}
        misses = [_figure_label(item) for j, item in enumerate(ref_items) if j not in matched_r]
        extras = [_figure_label(item) for i, item in enumerate(brief_items) if i not in matched_b]
        tp = len(chosen)
        values = _prf(tp, len(brief_items), len(ref_items))
        values["source_accuracy"] = agreed / judged if judged else None
        reason = _reason("figures", tp, len(brief_items), len(ref_items), misses, extras)
        if judged:
            reason += f"; sources agree on {agreed}/{judged}"
        return FieldScore("figures", values, hits, misses, extras, reason)

    return score


def _counts_text(item: Any) -> str:
    counts = item.get("counts") if isinstance(item, _MAPS) else None
    return _content_string(counts) if isinstance(counts, str) else ""


# --- Claims --------------------------------------------------------------------------------------------


def _claim_label(item: Any) -> str:
    if not isinstance(item, _MAPS):
        return repr(item)
    return f"{item.get('source')}: {item.get('statement')}"


def claims_scorer(threshold: float = 55.0, name_threshold: float = 88.0) -> Scorer:
    """Score ``claims``: P/R/F1 of matching on who says it and what is said.

    Policy. A brief claim matches a reference claim when the sources are the same entity (the ``who`` policy,
    each name expanded through its own side's ``who`` aliases; two null sources also agree) and the statements
    are similar: rapidfuzz ``token_set_ratio`` >= ``threshold`` (0-100) on the statements reduced to stemmed
    content words. Statements are paraphrases, so word order and function words are ignored; the threshold is
    low enough for a reworded sentence that keeps the key words and high enough that two different claims of
    one source rarely pass. Because token_set_ratio scores 100 whenever one side's words are a subset of the
    other's, the two statements must also have comparable length: the shorter needs at least a third as many
    distinct content words as the longer, so a fragment ("Taliban") cannot match every claim that mentions
    it. A statement with no content words matches nothing. Pairs are taken most similar first, one-to-one; one
    source may of course match several claims.
    """

    def score(brief: Mapping[str, Any], reference: Mapping[str, Any]) -> FieldScore | None:
        if "claims" not in reference:
            return None
        ref_items = _items(reference, "claims")
        brief_items = _items(brief, "claims")
        table = _statement_table(tuple([_statement(item) for item in ref_items]))
        brief_sources = [_source_name(item) for item in brief_items]
        ref_sources = [_source_name(item) for item in ref_items]
        # Which sources agree, decided first (once per pair of names): only claims whose sources agree are worth
        # comparing, and their sources usually differ.
        agree = _agreeing_sources(brief, reference, brief_sources, ref_sources, name_threshold)
        pairs: list[tuple[float, int, int]] = []
        for i, b_item in enumerate(brief_items):
            text = _statement(b_item)
            if not text:
                continue
            # Comparable length: the shorter has at least a third of the longer's distinct content words, so
            # the reference's count is within [size/3, 3*size].
            size = _distinct_words(text)
            low = bisect.bisect_left(table.sizes, (size + 2) // 3)
            high = bisect.bisect_right(table.sizes, 3 * size)
            source = brief_sources[i]
            candidates = [k for k in range(low, high) if (source, ref_sources[table.positions[k]]) in agree]
            if not candidates:
                continue
            # One call per brief claim scores all its candidates (rapidfuzz's own loop, same scorer).
            found = process.extract(
                text,
                [table.texts[k] for k in candidates],
                scorer=fuzz.token_set_ratio,
                processor=None,
                score_cutoff=threshold,
                limit=None,
            )
            for _, sim, n in found:
                if sim:
                    pairs.append((sim / 100.0, i, table.positions[candidates[n]]))
        chosen = _greedy(pairs)
        hits = [
            f"{_claim_label(brief_items[i])} ~ {_claim_label(ref_items[j])} ({s:.2f})" for s, i, j in chosen
        ]
        matched_b = {i for _, i, _ in chosen}
        matched_r = {j for _, _, j in chosen}
        misses = [_claim_label(item) for j, item in enumerate(ref_items) if j not in matched_r]
        extras = [_claim_label(item) for i, item in enumerate(brief_items) if i not in matched_b]
        tp = len(chosen)
        return FieldScore(
            "claims",
            _prf(tp, len(brief_items), len(ref_items)),
            hits,
            misses,
            extras,
            _reason("claims", tp, len(brief_items), len(ref_items), misses, extras),
        )

    return score


@lru_cache(maxsize=8192)
def _distinct_words(text: str) -> int:
    return len(set(text.split()))


@dataclass(frozen=True, slots=True)
class _StatementTable:
    """One side's non-empty statements, ordered by number of distinct content words (then position)."""

    sizes: list[int]
    texts: list[str]
    positions: list[int]


@lru_cache(maxsize=1024)
def _statement_table(statements: tuple[str, ...]) -> _StatementTable:
    rows = sorted((_distinct_words(text), j, text) for j, text in enumerate(statements) if text)
    return _StatementTable(
        [size for size, _, _ in rows], [text for _, _, text in rows], [j for _, j, _ in rows]
    )


def _source_name(item: Any) -> str | None:
    """The source of a figure or claim: a non-blank string, else None (the article's own voice)."""
    source = item.get("source") if isinstance(item, _MAPS) else None
    return source if isinstance(source, str) and source.strip() else None


def _agreeing_sources(
    brief: Mapping[str, Any],
    reference: Mapping[str, Any],
    brief_sources: Iterable[str | None],
    ref_sources: Iterable[str | None],
    threshold: float,
) -> set[tuple[str | None, str | None]]:
    """The (brief source, reference source) pairs that agree, all at once. Two named sources agree when, each
    expanded to every spelling of the ``who`` entity it names on its own side, they are the same entity under
    the ``who`` policy; two None sources (the article's own voice) agree too. The reference's sources,
    expanded, form one index (cached: references repeat), and each brief source is matched against it."""
    agree: set[tuple[str | None, str | None]] = {(None, None)}
    named = tuple(sorted({source for source in ref_sources if source is not None}))
    asking = {source for source in brief_sources if source is not None}
    if not named or not asking:
        return agree
    index = _source_entities(_names_in(reference, "who"), named)
    table = _alias_table(_names_in(brief, "who"))
    for source in asking:
        for _, _, j in index.pairs([_expanded(source, table)], threshold, True):
            agree.add((source, named[j]))
    return agree


def _statement(item: Any) -> str:
    if not isinstance(item, _MAPS) or not isinstance(item.get("statement"), str):
        return ""
    return _content_string(item["statement"])


# --- What ----------------------------------------------------------------------------------------------


def what_scorer() -> Scorer:
    """Score ``what`` as ROUGE-1 F1 over stemmed content words: ``{"similarity": x}`` in [0, 1].

    Policy. Both texts are casefolded, tokenised, stripped of stopwords and lightly stemmed; the score is the
    F1 of clipped unigram overlap (each word counts as often as it occurs on both sides). F1 rather than a
    subset measure, so that a one-word summary is not rewarded for being contained in the reference and a
    rambling one is not rewarded for containing it. Lexical on purpose: no embedding model, so the number is
    deterministic, cheap, auditable word by word and free of a model's own biases; the cost is that a faithful
    paraphrase in other words scores low, so compare runs with each other rather than reading the number as
    absolute. ``None`` when the reference has no ``what`` or it has no content words; 0.0 for an empty brief
    ``what``.
    """

    def score(brief: Mapping[str, Any], reference: Mapping[str, Any]) -> FieldScore | None:
        if "what" not in reference:
            return None
        ref_text = reference.get("what")
        ref_content = _content(ref_text) if isinstance(ref_text, str) else ()
        if not ref_content:
            return None
        brief_text = brief.get("what")
        # A brief's summary is its own: not worth remembering.
        brief_content = _content_of(brief_text) if isinstance(brief_text, str) else ()
        ref_words = Counter(ref_content)
        brief_words = Counter(brief_content)
        # Clipped overlap, by hand rather than with Counter's & and - (same counts, a fraction of the time).
        common = 0
        shared: list[str] = []
        misses: list[str] = []
        for word, count in ref_words.items():
            other = brief_words.get(word, 0)
            if other:
                shared.append(word)
                common += count if count < other else other
            if count > other:
                misses.append(word)
        extras = [word for word, count in brief_words.items() if count > ref_words.get(word, 0)]
        total = len(ref_content) + len(brief_content)
        similarity = 2 * common / total
        return FieldScore(
            "what",
            {"similarity": similarity},
            hits=sorted(shared),
            misses=sorted(misses),
            extras=sorted(extras),
            reason=f"what: ROUGE-1 F1 {similarity:.2f} over content words ({common} shared)",
        )

    return score


# --- Grounding and validity (no reference needed) ------------------------------------------------------


def _span(item: Mapping[str, Any]) -> tuple[int, int] | None:
    span = item.get("span")
    if not isinstance(span, (list, tuple)) or len(span) != 2:
        return None
    start, end = span
    if type(start) is int and type(end) is int:
        return start, end  # the common case, in short (bool is not int here)
    if (
        isinstance(start, bool)
        or isinstance(end, bool)
        or not isinstance(start, int)
        or not isinstance(end, int)
    ):
        return None
    return start, end


def _grounded(item: Any, article: str, is_figure: bool) -> bool:
    if not isinstance(item, _MAPS):
        return False
    evidence = item.get("evidence")
    span = _span(item)
    if not isinstance(evidence, str) or not evidence or span is None:
        return False
    start, end = span
    if not 0 <= start <= end <= len(article) or article[start:end] != evidence:
        return False
    if is_figure:
        text = item.get("text")
        return isinstance(text, str) and bool(text) and text in evidence
    return True


def _grounding_detail(brief: Mapping[str, Any], article: str) -> tuple[int, int, list[str]]:
    total = grounded = 0
    failures: list[str] = []
    for key, is_figure, label in (("figures", True, _figure_label), ("claims", False, _claim_label)):
        for item in _items(brief, key):
            total += 1
            if _grounded(item, article, is_figure):
                grounded += 1
            else:
                failures.append(f"{key}: {label(item)}")
    return grounded, total, failures


def grounding(brief: Mapping[str, Any], article: str) -> float | None:
    """Share of figures and claims whose ``evidence`` is ``article[span[0]:span[1]]`` (and, for a figure,
    whose ``text`` occurs in that evidence); ``None`` when the brief has neither. Needs no reference: it
    checks the contract's invariants, which is what makes the brief verifiable by a reader."""
    grounded, total, _ = _grounding_detail(brief, article)
    return grounded / total if total else None


def _grounding_score(brief: Mapping[str, Any], article: str) -> FieldScore | None:
    grounded, total, failures = _grounding_detail(brief, article)
    if not total:
        return None
    share = grounded / total
    return FieldScore(
        "grounding",
        {"grounding": share},
        misses=failures,
        reason=f"grounding: {grounded}/{total} figures and claims found verbatim at their span",
    )


_STR = (str,)
_OPT_STR = (str, type(None))
_NUM = (int, float)
_OPT_NUM = (int, float, type(None))
_OPT_INT = (int, type(None))

_ITEM_SHAPES: dict[str, dict[str, tuple[type, ...]]] = {
    "who": {"name": _STR, "kind": _STR, "role": _OPT_STR, "aliases": (list,)},
    "where": {"name": _STR, "kind": _STR, "within": _OPT_STR},
    "when": {"text": _STR, "date": _OPT_STR},
    "figures": {
        "text": _STR,
        "value": _OPT_NUM,
        "upper": _OPT_NUM,
        "approx": _STR,
        "counts": _STR,
        "unit": _OPT_STR,
        "source": _OPT_STR,
        "evidence": _STR,
        "span": (list, tuple),
    },
    "claims": {
        "source": _STR,
        "cue": _OPT_STR,
        "statement": _STR,
        "quote": _OPT_STR,
        "evidence": _STR,
        "span": (list, tuple),
    },
}
_ENUMS: dict[tuple[str, str], frozenset[str]] = {
    ("who", "kind"): frozenset({"person", "organization", "group", "government", "country", "other"}),
    ("where", "kind"): frozenset({"country", "region", "city", "site", "other"}),
    ("figures", "approx"): frozenset(
        {"exact", "approximate", "at_least", "more_than", "at_most", "fewer_than", "range"}
    ),
}
_META_SHAPE: dict[str, tuple[type, ...]] = {
    "model": _STR,
    "prompt": _STR,
    "article_sha256": _STR,
    "input_tokens": _OPT_INT,
    "output_tokens": _OPT_INT,
    "attempts": (int,),
    "seconds": _NUM,
    "cached": (bool,),
}


def _fits(value: Any, types: tuple[type, ...]) -> bool:
    if isinstance(value, bool) and bool not in types:
        return False
    return isinstance(value, types)


# Per item kind, per field: a getter (KeyError when the field is missing), the types whose instances fit without
# a closer look (exact types: bool only where listed), and the allowed values of an enum field (else None).
_FIELD_GETTERS: dict[
    str, tuple[tuple[str, Callable[[Any], Any], frozenset[type], frozenset[str] | None], ...]
] = {
    key: tuple(
        (name, operator.itemgetter(name), frozenset(types), _ENUMS.get((key, name)))
        for name, types in shape.items()
    )
    for key, shape in _ITEM_SHAPES.items()
}


def _plain_items_ok(key: str, items: list[Any]) -> bool:
    """True when every item is a plain dict that passes the check (False means: check item by item).

    Field by field over the whole list, in C-level steps: each field's values are all present, of listed exact
    types and, for an enum, allowed; then the per-kind rules on aliases, dates and spans.
    """
    if not items:
        return True
    if set(map(type, items)) != _DICT_TYPE:
        return False
    columns: dict[str, list[Any]] = {}
    try:
        for name, get, exact, allowed in _FIELD_GETTERS[key]:
            column = columns[name] = list(map(get, items))
            if not set(map(type, column)) <= exact or (allowed is not None and not set(column) <= allowed):
                return False
    except KeyError:
        return False
    if key == "who":
        return set(map(type, itertools.chain.from_iterable(columns["aliases"]))) <= _STR_TYPE
    if key == "when":
        return all(date is None or _DATE.match(date) for date in columns["date"])
    if key in ("figures", "claims"):
        for span in columns["span"]:
            if (
                len(span) != 2
                or type(span[0]) is not int
                or type(span[1]) is not int
                or not 0 <= span[0] <= span[1]
            ):
                return False
    return True


_DICT_TYPE = {dict}
_STR_TYPE = frozenset({str})


def _fields_ok(key: str, item: Mapping[str, Any]) -> bool:
    for name, types in _ITEM_SHAPES[key].items():
        if name not in item or not _fits(item[name], types):
            return False
        allowed = _ENUMS.get((key, name))
        if allowed is not None and item[name] not in allowed:
            return False
    return True


def _item_ok(key: str, item: Any) -> bool:
    if not isinstance(item, _MAPS) or not _fields_ok(key, item):
        return False
    if key == "who" and not all(isinstance(a, str) for a in item["aliases"]):
        return False
    if key == "when" and item["date"] is not None and not _DATE.match(item["date"]):
        return False
    if key in ("figures", "claims"):
        span = _span(item)
        return span is not None and 0 <= span[0] <= span[1]
    return True


def is_valid_brief(brief: Any) -> bool:
    """Whether ``brief`` has the shape of contract §1: every listed key present with its type and enum values.

    Checked against the contract rather than the library's pydantic model, so the scorer judges what outside
    readers rely on; extra keys are allowed (the contract lets fields be added). Grounding is separate.
    """
    if not isinstance(brief, Mapping):
        return False
    for name in ("schema_version", "headline", "what"):
        if not isinstance(brief.get(name), str):
            return False
    for key in _ITEM_SHAPES:
        items = brief.get(key)
        if not isinstance(items, list):
            return False
        if not _plain_items_ok(key, items) and not all(_item_ok(key, item) for item in items):
            return False
    warnings = brief.get("warnings")
    if not isinstance(warnings, list) or not all(isinstance(w, str) for w in warnings):
        return False
    meta = brief.get("meta")
    if not isinstance(meta, Mapping):
        return False
    return all(name in meta and _fits(meta[name], types) for name, types in _META_SHAPE.items())


# --- Putting it together -------------------------------------------------------------------------------


def default_scorers() -> dict[str, Scorer]:
    """The reference-based scorers of contract §3, with their default thresholds, in contract order."""
    return {
        "who": who_scorer(),
        "where": where_scorer(),
        "when": when_scorer(),
        "figures": figures_scorer(),
        "claims": claims_scorer(),
        "what": what_scorer(),
    }


_DEFAULTS: dict[str, Scorer] = default_scorers()


def score_case(
    brief: Mapping[str, Any] | None,
    reference: Mapping[str, Any],
    article: str,
    *,
    scorers: Mapping[str, Scorer] | None = None,
) -> dict[str, FieldScore | None]:
    """Score one case: every reference-based field, then ``grounding`` and ``valid``.

    ``brief`` is ``None`` when the run failed for this case: every field is then ``None`` (not 0, so a failure
    does not drag field averages down twice) and ``valid`` is 0.0, which is where failures are counted. A
    brief that is not schema-shaped is still scored field by field, defensively, with ``valid`` 0.0.
    """
    chosen = _DEFAULTS if scorers is None else scorers
    ref: Mapping[str, Any] = reference if isinstance(reference, Mapping) else {}
    result: dict[str, FieldScore | None] = {}
    if not isinstance(brief, Mapping):
        result.update(dict.fromkeys(chosen))
        result["grounding"] = None
        result["valid"] = FieldScore("valid", {"valid": 0.0}, reason="valid: no brief was produced")
        return result
    outer = getattr(_case, "memo", None)
    _case.memo = _CaseMemo()
    try:
        for name, scorer in chosen.items():
            result[name] = scorer(brief, ref)
    finally:
        _case.memo = outer
    result["grounding"] = _grounding_score(brief, article)
    ok = is_valid_brief(brief)
    result["valid"] = FieldScore(
        "valid",
        {"valid": 1.0 if ok else 0.0},
        reason="valid: brief has the contract shape"
        if ok
        else "valid: brief does not have the contract shape",
    )
    return result
