"""The two scores that need no reference: ``grounding`` (the contract's invariants) and ``valid`` (its shape).

The invariants themselves live in one place, `summarizer.briefing.grounding.check_brief`, which the pipeline
runs on every brief it returns; here a brief is a JSON object that may come from anywhere (a stored run, another
tool), so each item is first checked for the fields the invariants read, then handed to `check_brief`.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Mapping
from typing import Any

from summarizer.briefing.grounding import check_brief
from summarizer.contract import APPROX_VALUES, ENTITY_KINDS, PLACE_KINDS, Brief, Claim, Figure
from summarizer.evaluation.base import MAPS, FieldScore, items
from summarizer.evaluation.claims import claim_label
from summarizer.evaluation.entities import DATE
from summarizer.evaluation.figures import figure_label

__all__ = [
    "ITEM_SHAPES",
    "as_model",
    "grounded_item",
    "grounding",
    "grounding_score",
    "is_valid_brief",
    "item_ok",
    "passes",
    "plain_items_ok",
    "span_of",
]


# --- Grounding -----------------------------------------------------------------------------------------


def span_of(item: Mapping[str, Any]) -> tuple[int, int] | None:
    """An item's ``span`` as two ints (bools are not ints here), else None."""
    span = item.get("span")
    if not isinstance(span, (list, tuple)) or len(span) != 2:
        return None
    start, end = span
    if (
        isinstance(start, bool)
        or isinstance(end, bool)
        or not isinstance(start, int)
        or not isinstance(end, int)
    ):
        return None
    return start, end


# Empty models to copy: `check_brief` takes models, and a copy of a template with the fields it reads is the
# cheapest way to build one (pydantic's `model_construct` computes every default, a few times slower).
_FIGURE = Figure.model_construct(**dict.fromkeys(Figure.model_fields))
_CLAIM = Claim.model_construct(**dict.fromkeys(Claim.model_fields))
_BRIEF = Brief.model_construct(**dict.fromkeys(Brief.model_fields))


def as_model(item: Any, is_figure: bool) -> Figure | Claim | None:
    """The fields `check_brief` reads, as an unvalidated model; None when one is missing or empty."""
    if not isinstance(item, MAPS):
        return None
    evidence = item.get("evidence")
    span = span_of(item)
    if not isinstance(evidence, str) or not evidence or span is None:
        return None
    if is_figure:
        text = item.get("text")
        if not isinstance(text, str) or not text:
            return None
        return _FIGURE.model_copy(update={"text": text, "evidence": evidence, "span": span})
    quote = item.get("quote") if isinstance(item.get("quote"), str) else None
    return _CLAIM.model_copy(update={"evidence": evidence, "span": span, "quote": quote})


def passes(models: list[Figure | Claim], article: str) -> bool:
    """Whether `check_brief` finds no violation among ``models`` (figures and claims) in ``article``."""
    figures = [m for m in models if isinstance(m, Figure)]
    claims = [m for m in models if isinstance(m, Claim)]
    return not check_brief(_BRIEF.model_copy(update={"figures": figures, "claims": claims}), article)


def grounded_item(item: Any, article: str, is_figure: bool) -> bool:
    """Whether one figure (``is_figure``) or claim keeps the contract's invariants in ``article``."""
    model = as_model(item, is_figure)
    return model is not None and passes([model], article)


def _grounding_detail(brief: Mapping[str, Any], article: str) -> tuple[int, int, list[str]]:
    """(grounded, total, failures) over the brief's figures and claims."""
    entries = [
        (key, item, as_model(item, key == "figures"))
        for key in ("figures", "claims")
        for item in items(brief, key)
    ]
    models = [model for _, _, model in entries if model is not None]
    # One check of the whole brief first: nearly every brief passes, and then no item needs a check of its own.
    if len(models) == len(entries) and passes(models, article):
        return len(entries), len(entries), []
    grounded = 0
    failures: list[str] = []
    for key, item, model in entries:
        if model is not None and passes([model], article):
            grounded += 1
        else:
            failures.append(f"{key}: {(figure_label if key == 'figures' else claim_label)(item)}")
    return grounded, len(entries), failures


def grounding(brief: Mapping[str, Any], article: str) -> float | None:
    """Share of figures and claims that keep the contract's invariants in ``article`` (`check_brief`: the
    evidence is ``article[span[0]:span[1]]``, a figure's ``text`` and a claim's ``quote`` are in it);
    ``None`` when the brief has neither. Needs no reference: it checks what makes a brief verifiable."""
    grounded, total, _ = _grounding_detail(brief, article)
    return grounded / total if total else None


def grounding_score(brief: Mapping[str, Any], article: str) -> FieldScore | None:
    grounded, total, failures = _grounding_detail(brief, article)
    if not total:
        return None
    return FieldScore(
        "grounding",
        {"grounding": grounded / total},
        misses=failures,
        reason=f"grounding: {grounded}/{total} figures and claims found verbatim at their span",
    )


# --- Validity ------------------------------------------------------------------------------------------

_STR = (str,)
_OPT_STR = (str, type(None))
_NUM = (int, float)
_OPT_NUM = (int, float, type(None))
_OPT_INT = (int, type(None))

ITEM_SHAPES: dict[str, dict[str, tuple[type, ...]]] = {
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
"""Contract §1, per list field: each item's fields and the types they may have."""

_ENUMS: dict[tuple[str, str], frozenset[str]] = {
    ("who", "kind"): frozenset(ENTITY_KINDS),
    ("where", "kind"): frozenset(PLACE_KINDS),
    ("figures", "approx"): frozenset(APPROX_VALUES),
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


def _fields_ok(key: str, item: Mapping[str, Any]) -> bool:
    for name, types in ITEM_SHAPES[key].items():
        if name not in item or not _fits(item[name], types):
            return False
        allowed = _ENUMS.get((key, name))
        if allowed is not None and item[name] not in allowed:
            return False
    return True


def item_ok(key: str, item: Any) -> bool:
    """Whether one item of list field ``key`` has the contract's shape (the plain rule)."""
    if not isinstance(item, MAPS) or not _fields_ok(key, item):
        return False
    if key == "who" and not all(isinstance(a, str) for a in item["aliases"]):
        return False
    if key == "when" and item["date"] is not None and not DATE.match(item["date"]):
        return False
    if key in ("figures", "claims"):
        span = span_of(item)
        return span is not None and 0 <= span[0] <= span[1]
    return True


# The same check column by column, for the common case of a list of plain dicts: per item kind, per field, a
# getter (KeyError when the field is missing), the exact types whose instances fit (bool only where listed),
# and the allowed values of an enum field (else None). Checking a whole list in a few C-level steps instead of
# item by item is most of the speed of `is_valid_brief`; tests/evaluation/test_scorers.py holds it to `item_ok`.
_FIELD_GETTERS: dict[
    str, tuple[tuple[str, Callable[[Any], Any], frozenset[type], frozenset[str] | None], ...]
] = {
    key: tuple(
        (name, operator.itemgetter(name), frozenset(types), _ENUMS.get((key, name)))
        for name, types in shape.items()
    )
    for key, shape in ITEM_SHAPES.items()
}


def plain_items_ok(key: str, entries: list[Any]) -> bool:
    """True when every entry is a plain dict that `item_ok` accepts (False means: check entry by entry)."""
    if not entries:
        return True
    if set(map(type, entries)) != {dict}:
        return False
    columns = _columns(key, entries)
    if columns is None:
        return False
    if key == "who":
        return set(map(type, itertools.chain.from_iterable(columns["aliases"]))) <= {str}
    if key == "when":
        return all(date is None or DATE.match(date) for date in columns["date"])
    if key in ("figures", "claims"):
        return all(_plain_span_ok(span) for span in columns["span"])
    return True


def _columns(key: str, entries: list[Any]) -> dict[str, list[Any]] | None:
    """Each field's values over ``entries``, when all are present, of listed exact types and allowed."""
    columns: dict[str, list[Any]] = {}
    try:
        for name, get, exact, allowed in _FIELD_GETTERS[key]:
            column = columns[name] = list(map(get, entries))
            if not set(map(type, column)) <= exact or (allowed is not None and not set(column) <= allowed):
                return None
    except KeyError:
        return None
    return columns


def _plain_span_ok(span: Any) -> bool:
    return len(span) == 2 and type(span[0]) is int and type(span[1]) is int and 0 <= span[0] <= span[1]


def is_valid_brief(brief: Any) -> bool:
    """Whether ``brief`` has the shape of contract §1: every listed key present with its type and enum values.

    Checked against the contract rather than the library's pydantic model, so the scorer judges what outside
    readers rely on; extra keys are allowed (the contract lets fields be added). Grounding is separate.
    """
    if not isinstance(brief, Mapping):
        return False
    if not all(isinstance(brief.get(name), str) for name in ("schema_version", "headline", "what")):
        return False
    for key in ITEM_SHAPES:
        entries = brief.get(key)
        if not isinstance(entries, list):
            return False
        if not plain_items_ok(key, entries) and not all(item_ok(key, item) for item in entries):
            return False
    warnings = brief.get("warnings")
    if not isinstance(warnings, list) or not all(isinstance(w, str) for w in warnings):
        return False
    meta = brief.get("meta")
    if not isinstance(meta, Mapping):
        return False
    return all(name in meta and _fits(meta[name], types) for name, types in _META_SHAPE.items())
