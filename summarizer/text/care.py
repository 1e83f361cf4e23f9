"""Injured without an injury verb: people taken or rushed to hospital, treated, in critical condition, or who
suffered wounds. News often says a casualty that way ("sent two people to hospital", "remained in critical
condition"); counting.py asks these rules what happened to a counted noun's people.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.text.nlp import objects_of
from summarizer.text.wordclasses import casualty_kind

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["CARE_VERBS", "cared_for", "in_hospital", "own_care"]

CARE_VERBS = {"take", "send", "rush", "transport", "airlift", "fly", "carry", "bring", "admit", "treat"}
_INJURIES = {
    "cut", "fracture", "burn", "bruise", "wound", "injury", "hypothermia", "inhalation", "shock", "exposure",
    "poisoning", "breathlessness", "symptom",
}  # fmt: skip
_TREATMENT = {"treatment", "observation", "hospitalisation", "hospitalization"}
_MEDICAL = {"medical", "hospital", "intensive", "emergency", "critical"}


def _treatment(obj: Token) -> bool:
    """ "treatment", "medical attention", "intensive care"; not "VIP attention"."""
    lemma = obj.lemma_.lower()
    if lemma in _TREATMENT:
        return True
    return lemma in {"care", "attention"} and any(c.lower_ in _MEDICAL for c in obj.children)


_CONDITIONS = {"critical", "serious", "stable", "fair", "grave", "poor", "life-threatening"}
_HOSPITALS = {"hospital", "hospitals", "clinic", "infirmary"}
_WARDS = {"center", "centre", "unit", "ward"}  # a hospital only with a word that says so ("trauma center")
_WARD_WORDS = {"medical", "trauma", "health", "burn", "burns", "intensive", "emergency", "care"}
_SUFFER_VERBS = {"suffer", "sustain", "receive", "incur"}


def cared_for(governor: Token | None, node: Token | None = None) -> tuple[str, str] | None:
    """People "taken to hospital", "treated at the scene" or who "suffered gunshot wounds" are injured; those
    who "suffered fatal injuries" are dead. The one who takes or treats (`node` as the active subject) is not."""
    state = _state(governor) if governor is not None else None
    if state is not None:
        return state
    if governor is None or governor.pos_ != "VERB":
        return None
    if node is not None and node.dep_ == "nsubj" and governor.lemma_.lower() in CARE_VERBS:
        return None  # "two doctors treated the victims", "a neighbour took him to hospital"
    lemma = governor.lemma_.lower()
    if lemma in _SUFFER_VERBS | {"need", "require", "get"} and any(
        c.dep_ == "dobj" and _treatment(c) for c in governor.children
    ):
        return "injured", "treatment"  # "nine of them are receiving treatment for injuries"
    if lemma in _SUFFER_VERBS:
        for obj in (c for c in governor.children if c.dep_ == "dobj"):
            if casualty_kind(obj.lemma_.lower()) == "injured" or obj.lemma_.lower() in {
                "wound",
                "injury",
                "burn",
            }:
                fatal = any(c.lower_ in {"fatal", "mortal", "deadly"} for c in obj.children)
                return ("killed", "fatal") if fatal else ("injured", obj.lemma_.lower())
        return None
    if lemma == "recover" and not any(c.dep_ in {"dobj", "nsubjpass"} for c in governor.children):
        return "injured", lemma  # "The three other victims are recovering"; not "police recovered 14 casings"
    kept = lemma in {"leave", "remain", "stay", "lie"} and in_hospital(governor, {"in", "at"})
    if _in_condition(governor) or kept:
        # "remained in critical condition", "left two adults in hospital", "seven remain in hospital"
        return "injured", "condition"
    if lemma not in CARE_VERBS:
        return None
    if lemma == "treat":  # "treated at the scene"; not "for anxiety", "to lunch", "as a suspect"
        causes = list(objects_of(governor, {"for"}))
        other = any(c.dep_ == "prep" and c.lower_ in {"to", "as", "like"} for c in governor.children)
        hurt = all(casualty_kind(c.lemma_.lower()) or c.lemma_.lower() in _INJURIES for c in causes)
        return ("injured", lemma) if not other and hurt else None
    # "taken by ambulance to hospital", "rushed to the Government General Hospital"
    places = [t for t in governor.subtree if t.dep_ == "pobj" and t.head.lower_ in {"to", "into"}]
    return ("injured", "hospital") if any(_hospital(o) for o in places) else None


def _state(governor: Token) -> tuple[str, str] | None:
    """Care said by the state the verb puts people in."""
    if governor.pos_ == "AUX" and _in_condition(governor):
        return "injured", "condition"  # "four of them are in a critical condition"
    if governor.lemma_.lower() == "be" and in_hospital(governor):
        return "injured", "hospital"  # "three are still in hospital"
    if _under_treatment(governor) or _needs_treatment(governor):
        return "injured", "treatment"  # "45 persons are under treatment", "left 58 needing treatment"
    return None


def own_care(node: Token) -> tuple[str, str] | None:
    """Care said on the counted word itself: "3 dead, 45 in hospital", "left three dead and 45 under
    treatment"."""
    if in_hospital(node) or _under_treatment(node):
        return "injured", "hospital"
    for clause in (c for c in node.children if c.dep_ == "acl" and c.lemma_.lower() in CARE_VERBS):
        care = cared_for(clause)  # "Of the nine survivors treated for injuries at General Hospital"
        if care is not None:
            return care
    return None


def _under_treatment(head: Token) -> bool:
    return any(_treatment(o) for o in objects_of(head, {"under"}))


def _needs_treatment(verb: Token) -> bool:
    """ "left 58 needing treatment", "sent 12 requiring medical attention"."""
    return any(
        c.dep_ in {"xcomp", "acl", "advcl"}
        and c.lemma_.lower() in {"need", "require"}
        and any(o.dep_ == "dobj" and _treatment(o) for o in c.children)
        for c in verb.children
    )


def _in_condition(governor: Token) -> bool:
    """ "Seven people remained in critical condition", "37 of the injured were in serious condition"."""
    return any(
        o.lemma_.lower() == "condition" and any(c.lower_ in _CONDITIONS for c in o.children)
        for o in objects_of(governor, {"in"})
    )


def in_hospital(governor: Token, preps: set[str] | None = None) -> bool:
    """ "three are still in hospital", "11 in hospital": the word or its verb is in a hospital ("remained at
    the General Hospital" with `preps` {"in", "at"})."""
    return any(_hospital(o) for o in objects_of(governor, preps or {"in"}))


def _hospital(place: Token) -> bool:
    if place.lemma_.lower() in _HOSPITALS:
        return True
    if place.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.is_title and c.lemma_.lower() in _HOSPITALS for c in place.children
    ):
        return True  # "University Hospital Lisnagree": a hospital's name that ends with its place
    return place.lemma_.lower() in _WARDS and any(c.lower_ in _WARD_WORDS for c in place.children)
