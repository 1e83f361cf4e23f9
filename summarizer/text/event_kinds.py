"""The casualty kind one word near a count says: "killed" for "die", "dead" and "toll", "injured" for people
"shot" or "struck by gunfire", "displaced" for people "forced from their homes", or none ("shot down 12
drones", "two men fled the scene"). counting.py asks it for each word around a count, nearest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.text.nlp import objects_of
from summarizer.text.wordclasses import WOUNDING_LEMMAS, casualty_kind

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["word_kind"]

_HOMES = {"home", "house"}  # not "drove 300 militants from the town"
_ARREST_OF_PEOPLE = {"hold", "charge"}  # "held 48 units" holds no one
# "Two men fled the scene on foot": suspects getting away, not people driven from their homes
_GETAWAY_WORDS = {
    "scene", "foot", "car", "vehicle", "sedan", "suv", "truck", "van", "police", "officer", "officers",
}  # fmt: skip
_GETAWAY_DOERS = {"man", "suspect", "gunman", "male", "robber", "attacker", "assailant", "shooter", "thief"}


def word_kind(token: Token, node: Token, last: Token, people: bool) -> str | None:
    """The kind one event word says for the counted noun `node`, or None."""
    lemma = token.lemma_.lower()
    if not people and token.dep_ == "amod" and token.head.i == node.i != last.i:
        return None  # "4 fatal crashes", "two deadly attacks": the adjective describes the thing counted
    if not people and lemma in _ARREST_OF_PEOPLE:
        return None  # "held 48 units"
    if people and lemma in {"strike", "hit"} and any(o.lemma_.lower() in _HITTERS for o in _agents(token)):
        return "injured"  # "Two people were struck by police gunfire", "hit by a car"
    if lemma in WOUNDING_LEMMAS:
        # people "shot" or "stabbed" are injured; "shot down 12 drones" is no casualty
        return "injured" if people and not any(c.dep_ == "prt" for c in token.children) else None
    kind = casualty_kind(lemma) or (_searched_for(token, node) if people else None)
    if lemma == "shelter" and token.dep_ == "pobj" and token.head.lower_ == "in":
        return "displaced"  # "Around 8,000 people in emergency shelters"
    if lemma == "lose" and any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in token.children):
        return "killed"  # "23 citizens had lost their lives"
    if lemma == "flee" and _getaway(token, node):
        return None
    if lemma in {"force", "drive"} and any(
        o.lemma_.lower() in _HOMES for o in objects_of(token, {"from", "out"})
    ):
        return "displaced"  # "8,000 people have been forced from their homes"
    if kind is None and token.lower_ in {
        "dead",
        "injured",
        "wounded",
        "missing",
        "hurt",
        "unaccounted",
        "displaced",
    }:
        kind = casualty_kind(token.lower_)  # (the lemmatiser turns "unaccounted" into "unaccounte")
    if kind is None and token.lower_ in {"toll", "tolls"} and token.dep_ in {"nsubj", "dobj", "nsubjpass"}:
        # "the toll rose to 17", "Halvesk toll climbs to 31": a toll alone is of the dead; "the financial
        # toll" is not
        described = [c for c in token.children if c.dep_ in {"amod", "compound"} and c.is_lower]
        kind = "killed" if all(c.lower_ in _TOLL_WORDS for c in described) else None
    return kind


def _searched_for(token: Token, node: Token) -> str | None:
    """ "25 persons are still being searched for": people sought are missing ("police searched for two
    suspects" is no one missing: the suspects are its object, not its passive subject)."""
    sought = token.lemma_.lower() == "search" and any(c.lower_ == "for" for c in token.children)
    subject = any(c.dep_ == "nsubjpass" and c.i == node.i for c in token.children)
    return "missing" if sought and subject else None


_TOLL_WORDS = {"death", "human", "official", "overall", "final", "confirmed", "latest", "new", "provisional"}
"""Words that leave a toll one of the dead ("the official toll"); "the financial toll" is not."""

_HITTERS = {
    "gunfire", "bullet", "round", "shot", "shrapnel", "car", "vehicle", "truck", "van", "bus", "train", "motorist",
    "driver", "suv", "lorry", "lightning", "debris",
}  # fmt: skip


def _agents(verb: Token) -> list[Token]:
    """The objects of a passive verb's "by": what struck or hit the counted people."""
    return [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]


def _getaway(flee: Token, node: Token) -> bool:
    """ "Two men fled the scene", "three suspects fled on foot": a getaway, not a displacement."""
    if node.lemma_.lower() in _GETAWAY_DOERS:
        return True
    places = [c for c in flee.children if c.dep_ == "dobj"] + list(objects_of(flee, {"on", "in", "from"}))
    return any(p.lower_ in _GETAWAY_WORDS for p in places)
