"""Name matching: when two spellings name the same entity (who, where, and the sources of figures and claims).

The policy is stated in full on `who_scorer` (entities.py); this module implements it. A name is reduced to
normalised *forms* (its tokens, squashed, distinctive tokens, heads, and a key for misspellings), and one side's
entities are indexed once so that matching the other side never compares pairs the policy rules out. The
indexes are cached because references repeat across cases and runs; tests/evaluation/test_scorers.py holds the
index to the plain pairwise rule.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from summarizer.evaluation.base import MAPS, items
from summarizer.evaluation.words import GENERIC_NAME_WORDS, NAME_SUFFIXES, tokenize

__all__ = [
    "EntityIndex",
    "agreeing_sources",
    "case_memo",
    "entity_index",
    "forms_of",
    "names_in",
    "names_of",
    "source_name",
]

# One normalised spelling of a name: (text, squashed, distinctive, heads, fuzzy_key), where text is its tokens
# joined by spaces (text.split() gives them back), squashed the tokens joined without spaces, distinctive the
# tokens that are not generic words, each once, joined by spaces, heads those of `_heads` joined by spaces, and
# fuzzy_key that of `_fuzzy_key`. A flat tuple of strings, not a class, sets or nested tuples: the caches keep
# tens of thousands of spellings, and CPython's garbage collector stops tracking a tuple of strings at its first
# collection, while it scans sets and class instances (and, for a few collections, nested tuples) on every full
# collection.
_Form = tuple[str, str, str, str, str]


@lru_cache(maxsize=65536)
def forms_of(raw: str) -> tuple[_Form, ...]:
    """Normalised forms of one written name: the whole, plus the part before an appositive comma."""
    whole = _form(tokenize(raw))  # the forms are cached, so the tokens need not be
    if "," not in raw:
        return () if whole is None else (whole,)
    forms = [] if whole is None else [whole]
    before = _form(tokenize(raw.split(",", 1)[0]))
    if before is not None and before not in forms:
        forms.append(before)
    return tuple(forms)


def _form(tokens: tuple[str, ...]) -> _Form | None:
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    if not tokens:
        return None
    distinctive = [t for t in tokens if t not in GENERIC_NAME_WORDS]
    if len(distinctive) > 1 and len(set(distinctive)) < len(distinctive):
        distinctive = list(dict.fromkeys(distinctive))  # each once
    last = tokens[-1]
    heads = last if last not in NAME_SUFFIXES and "of" not in tokens else " ".join(_heads(tokens))
    return (" ".join(tokens), "".join(tokens), " ".join(distinctive), heads, _fuzzy_key(tokens))


def _heads(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The tokens a name is "about": its last token, and the last before an "of" ("Ministry of Defense")."""
    heads: list[str] = []
    for part in (tokens, tokens[: tokens.index("of", 1)] if "of" in tokens[1:] else ()):
        while len(part) > 1 and part[-1] in NAME_SUFFIXES:
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
        return forms_of(names[0])  # one name's forms already differ in text
    return _merged_forms(names)


@lru_cache(maxsize=65536)
def _merged_forms(names: tuple[str, ...]) -> tuple[_Form, ...]:
    seen: dict[str, _Form] = {}
    for name in names:
        for form in forms_of(name):
            seen.setdefault(form[0], form)
    return tuple(seen.values())


def _coverage_score(a: int, b: int) -> float:
    """The score of a containment, from the two spellings' numbers of distinctive tokens."""
    short, long = (a, b) if a <= b else (b, a)
    return 0.5 + 0.3 * (short / max(long, 1))


class EntityIndex:
    """The spellings of a list of entities (one side's ``who`` or ``where``), indexed for matching.

    Two entities are as similar as their most similar pair of spellings, except that an equal spelling (1.0)
    and then an equal squashed spelling (0.99) decide at once. Matching one entity against the list finds
    every pair that can score without comparing them all: equal and squashed-equal spellings are dictionary
    lookups, a misspelling can only be a spelling with the same ``_fuzzy_key``, and containment needs shared
    distinctive tokens -- all of one side's (a distinctive token is distinctive wherever it occurs), so
    counting the shared ones tells which side, if any, is contained.
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
        pairs: list[tuple[float, int, int]] = []
        for i, names in enumerate(entities):
            forms = _entity_forms(names) if names else ()
            if not forms:
                continue
            found = self._equal(forms)
            best: dict[int, float] = {}
            for form in forms:
                self._misspelled(form, found, threshold, best)
                self._contained(form, found, head_rule, best)
            pairs.extend([(sim, i, j) for j, sim in found.items()])
            pairs.extend([(sim, i, j) for j, sim in best.items()])
        return pairs

    def _equal(self, forms: tuple[_Form, ...]) -> dict[int, float]:
        """Entities with an equal spelling (1.0), then those with an equal squashed spelling (0.99)."""
        found: dict[int, float] = {}
        for form in forms:
            for j in self.texts.get(form[0], ()):
                found[j] = 1.0
        for form in forms:
            for j in self.squashed.get(form[1], ()):
                if j not in found:
                    found[j] = 0.99
        return found

    def _misspelled(
        self, form: _Form, found: dict[int, float], threshold: float, best: dict[int, float]
    ) -> None:
        """Raise ``best`` to rapidfuzz's ratio for spellings with the same fuzzy key."""
        text, key = form[0], form[4]
        size = len(text)
        # rapidfuzz's ratio is 100 * (1 - distance / total length) and the distance is at least the difference in
        # length, so a pair whose lengths differ by more than this share of their total cannot reach threshold
        # (the margin keeps borderline pairs for rapidfuzz to decide).
        slack = 100.0 - threshold
        for other_text, other_size, j in self.fuzzy.get(key, ()):
            if j in found or 100 * abs(size - other_size) > slack * (size + other_size) + 1e-6:
                continue
            ratio = fuzz.ratio(text, other_text, score_cutoff=threshold)
            if ratio and ratio / 100.0 > best.get(j, 0.0):
                best[j] = ratio / 100.0

    def _contained(
        self, form: _Form, found: dict[int, float], head_rule: bool, best: dict[int, float]
    ) -> None:
        """Raise ``best`` to the coverage score for spellings that contain this one or that it contains."""
        text, _, distinctive_text, heads, _ = form
        if not distinctive_text:
            return  # containment needs a distinctive token on both sides
        distinctive = distinctive_text.split()
        shared: dict[int, int] = {}  # spelling -> how many distinctive tokens it shares with this one
        for token in distinctive:
            for k in self.postings.get(token, ()):
                shared[k] = shared.get(k, 0) + 1
        tokens: frozenset[str] | None = None
        for k, count in shared.items():
            j, other_tokens, other_distinctive, other_heads = self.forms[k]
            if j in found:
                continue
            # Containment, either way: one spelling's distinctive tokens (non-empty) all occur in the other and,
            # with the head rule, one of the other's heads occurs in it. This spelling's distinctive tokens all
            # occur in the other exactly when all of them are shared, and conversely.
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


@lru_cache(maxsize=4096)
def entity_index(entities: tuple[tuple[str, ...], ...]) -> EntityIndex:
    """The index of one side's entities, remembered (references repeat across cases and runs)."""
    return EntityIndex(entities)


# --- The names of one case -----------------------------------------------------------------------------

_case = threading.local()  # .memo: the names of the score_case call running in this thread, else None


@contextmanager
def case_memo() -> Iterator[None]:
    """Share the names of each side's ``who`` and ``where`` among the scorers of one case.

    Keyed by the id of the brief or the reference, which stay alive and unchanged during the call: three
    scorers read the ``who`` names of both sides, and extracting them is a measurable share of scoring.
    """
    outer = getattr(_case, "memo", None)
    _case.memo = {}
    try:
        yield
    finally:
        _case.memo = outer


def names_in(side: Mapping[str, Any], field: str) -> tuple[tuple[str, ...], ...]:
    """The names of each item of ``side[field]``, in order; shared by the scorers of one case."""
    memo: dict[tuple[int, str], tuple[tuple[str, ...], ...]] | None = getattr(_case, "memo", None)
    if memo is None:
        return tuple([names_of(item) for item in items(side, field)])
    key = (id(side), field)
    names = memo.get(key)
    if names is None:
        names = memo[key] = tuple([names_of(item) for item in items(side, field)])
    return names


def names_of(item: Any) -> tuple[str, ...]:
    """The name and aliases of a ``who``/``where`` item, strings only, in order, without repeats."""
    if not isinstance(item, MAPS):
        return ()
    name = item.get("name")
    aliases = item.get("aliases")
    if not aliases:
        return (name,) if isinstance(name, str) else ()
    names = [name, *(aliases if isinstance(aliases, (list, tuple)) else ())]
    return tuple(dict.fromkeys(n for n in names if isinstance(n, str)))


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
    for form in forms_of(source):
        names.extend(table.get(form[0], ()))
    return tuple(dict.fromkeys(names))


@lru_cache(maxsize=4096)
def _source_entities(who: tuple[tuple[str, ...], ...], sources: tuple[str, ...]) -> EntityIndex:
    """The index of one side's named sources, each expanded through that side's ``who`` (references repeat)."""
    table = _alias_table(who)
    return EntityIndex(tuple([_expanded(source, table) for source in sources]))


def source_name(item: Any) -> str | None:
    """The source of a figure or claim: a non-blank string, else None (the article's own voice)."""
    source = item.get("source") if isinstance(item, MAPS) else None
    return source if isinstance(source, str) and source.strip() else None


def agreeing_sources(
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
    index = _source_entities(names_in(reference, "who"), named)
    table = _alias_table(names_in(brief, "who"))
    for source in asking:
        for _, _, j in index.pairs([_expanded(source, table)], threshold, True):
            agree.add((source, named[j]))
    return agree
