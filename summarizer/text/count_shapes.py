"""Whether a casualty count is the whole toll or something less: a rate ("12,000 people a year"), an increment
("one more victim died") or a part ("two of the five wounded", "including three children"). counting.py labels
such counts apart, so a story never takes them for the event's whole count.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from summarizer.text.event_kinds import word_kind
from summarizer.text.lexicon import VAGUE_NUMBER_WORDS
from summarizer.text.nlp import objects_of
from summarizer.text.wordclasses import casualty_kind

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["MORE_WORDS", "increment", "kind_before", "part_of_whole", "per_period"]

MORE_WORDS = {"more", "additional", "another", "further", "other"}


def per_period(node: Token, governor: Token | None) -> bool:
    """The count or its verb says how often ("12,000 people a year", "each year", "per year", "annually");
    not "a year after" or "a year ago", which date the count."""
    words = [*node.children, *(governor.children if governor is not None else [])]
    for child in words:
        if child.lower_ in {"annually", "yearly"}:
            return True
        periodic = child.lemma_.lower() in {"year", "month", "week", "day"} and child.dep_ == "npadvmod"
        after = child.doc[child.i + 1 : child.i + 2]  # "a year after", "a year ago": a date, not a rate
        dated = any(t.lower_ in {"after", "ago", "before", "later", "earlier", "since"} for t in after)
        if (
            periodic
            and not dated
            and any(d.lower_ in {"a", "an", "each", "every", "per"} for d in child.children)
        ):
            return True
    after = node.doc[node.i + 1 : node.i + 4]  # "kill about 2,300 people each year", whatever the parse
    periodic = len(after) >= 2 and after[0].lower_ in {"each", "every", "a", "per"}
    if (
        periodic
        and after[1].lemma_.lower() in _PERIODS
        and (len(after) < 3 or after[2].lower_ not in _DATING)
    ):
        return True  # (not "up from 19 a day earlier")
    return governor is not None and any(
        o.lemma_.lower() in {"year", "month", "week"} for o in objects_of(governor, {"per"})
    )


_PERIODS = {"year", "month", "week", "day"}
_DATING = {"after", "ago", "before", "later", "earlier", "since"}


def increment(anchor: Token, noun: Token | None, kind: str, governor: Token | None) -> bool:
    """ "one more victim died", "two additional deaths", "a further three": an increment, not a total.
    ("Three other people were hurt" counts others beside the dead, a total of its own: "other" only counts
    after a number word that is itself modified, so it is left out here.)"""
    words = [*anchor.children, anchor.head] + ([*noun.children] if noun is not None else [])
    if not any(w.lower_ in MORE_WORDS - {"other"} and w.i > anchor.i - 2 for w in words if w.i != anchor.i):
        return False
    if governor is not None and governor.dep_ == "advcl":
        return True  # "36 remained missing after three more bodies were recovered"
    # "Five people were killed and another 20 injured": another count of another kind, not more of the same
    before = [t for t in anchor.sent if t.i < anchor.i]
    return not any(casualty_kind(t.lemma_.lower()) not in {None, kind} for t in before)


def part_of_whole(anchor: Token, node: Token, governor: Token | None, kind: str) -> bool:
    """A part of a count the sentence gives whole: "Two of the five wounded", "including two passengers",
    "among the dead were three tourists". A set of another kind is no whole of this one: "nine of the
    survivors are receiving treatment", "12 people were shot, two of them fatally" count all the hurt and
    all the dead."""
    if any(c.lower_ == "all" for c in anchor.children) or anchor.lower_ in VAGUE_NUMBER_WORDS:
        return False  # "All 12 of the miners", "Dozens of people": the whole
    for obj in objects_of(anchor, {"of"}):
        # "Two of the five wounded", "two of them": of a set the sentence names
        if obj.pos_ == "PRON" or any(d.lower_ in {"the", "these", "those"} for d in obj.children):
            return _whole_of_kind(anchor, obj, kind)
    if node.dep_ == "pobj" and node.head.lower_ in {"including", "among"}:
        return True
    return (
        governor is not None and any(True for _ in objects_of(governor, {"among"})) and node.dep_ == "nsubj"
    )


def _whole_of_kind(anchor: Token, whole: Token, kind: str) -> bool:
    """The partitive's set is a count of `kind`, so the number is a part of it: "of the five wounded", "of
    the patients", or "of them" after a word of the kind ("Five people died, two of them children") or with no
    count before it in the sentence ("Doctors said four of them are in critical condition"). "Of the
    survivors" and "48 were rescued, and nine of them ..." are sets of another kind."""
    if whole.pos_ == "PRON":
        before = anchor.doc[anchor.sent.start : anchor.i]
        if any(said == kind for said, _ in _kinds_said(before)):
            return True
        return not any(t.like_num for t in before)
    if any(said == kind for said, _ in _kinds_said(whole.subtree)):
        return True
    return whole.lemma_.lower() not in _OTHER_SETS


_OTHER_SETS = {"survivor", "passenger", "people", "person", "resident", "occupant", "worker", "student"}


def kind_before(node: Token) -> tuple[str, str] | None:
    """The kind of the last casualty word before `node` in its sentence, for a total that names none."""
    said = list(_kinds_said(node.doc[node.sent.start : node.i]))
    return (said[-1][0], said[-1][1].lemma_.lower()) if said else None


def _kinds_said(tokens: Iterable[Token]) -> Iterator[tuple[str, Token]]:
    """(kind, word) for each word among `tokens` that says a casualty kind of people ("died", "wounded")."""
    for token in tokens:
        if token.pos_ in {"VERB", "ADJ", "NOUN"}:
            kind = word_kind(token, token, token, True)
            if kind is not None:
                yield kind, token
