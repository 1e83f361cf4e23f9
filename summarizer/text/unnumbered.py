"""Counts the article says without a numeral: "a fourth victim has died" (at least four killed), "A woman, 34,
died" and "the fourth victim was pronounced dead" (one), "No one was killed" (zero).

They read the same parse as counting.py and use its event rules, so "a man" counts only where a casualty
verb governs him as its patient ("A man killed his wife" counts no man), and an ordinal only on a casualty.
A single or a zero is listed only when no numeral of the article counts that kind, unless the sentence adds
the person ("also") or the article reports separate incidents (`single_casualties`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from summarizer.text.care import CARE_VERBS, cared_for
from summarizer.text.count_shapes import MORE_WORDS
from summarizer.text.counting import (  # the event rules are counting's; these readers share them
    Counted,
    _agent,
    _event,
    _fatal,
    _governor,
    _later_care,
)
from summarizer.text.lexicon import ORDINAL_WORDS
from summarizer.text.numbers import NumberMention, Quantity
from summarizer.text.wordclasses import KILLED_LEMMAS, PEOPLE_NOUNS, WOUNDING_LEMMAS, casualty_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["single_casualties", "victim_ordinals"]


def victim_ordinals(doc: Doc) -> list[tuple[NumberMention, Counted]]:
    """ "A fourth victim has died", "the fourth victim of last week's pile-up was pronounced dead": an ordinal on
    the dead of an event says its toll reached that many, at least four people killed. Ordinals are never
    figures otherwise (numbers.py leaves them out); "the fourth victim, a 22-year-old man, was pronounced dead"
    is one of the victims the article lists, a single (see `single_casualties`)."""
    found: list[tuple[NumberMention, Counted]] = []
    for token, noun, kind in _casualty_ordinals(doc):
        if kind != "killed" or not _toll(noun):
            continue
        quantity = Quantity(
            value=float(ORDINAL_WORDS[token.lower_]), upper=None, approx="at_least", unit=None
        )
        mention = NumberMention(token.text, token.idx, token.idx + len(token.text), quantity)
        found.append((mention, Counted(f"people {kind}", kind)))
    return found


def _casualty_ordinals(doc: Doc) -> Iterator[tuple[Token, Token, str]]:
    """(ordinal, people noun, kind) for "fourth victim", "a second man" that a casualty event governs."""
    for token in doc:
        value = ORDINAL_WORDS.get(token.lower_)
        noun = token.head
        if value is None or value < 2 or token.dep_ != "amod":
            continue  # "the first victim" says no more than a victim does
        if noun.tag_ != "NN" or noun.lemma_.lower() not in PEOPLE_NOUNS:
            continue
        event = _event(noun, _governor(noun), token, True)
        if event is not None and event[0] in {"killed", "injured", "missing"}:
            yield token, noun, event[0]


def _toll(noun: Token) -> bool:
    """ "a fourth victim", "the fourth victim of the crash": the nth of the event's dead, not of a list."""
    det = next((c.lower_ for c in noun.children if c.dep_ == "det"), None)
    return det in {"a", "an"} or any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _ordinal_singles(doc: Doc) -> Iterator[tuple[NumberMention, Counted]]:
    """ "The fourth victim, a 22-year-old man, was pronounced dead": one of the victims, not a toll of four.
    ("A second man was taken to hospital" is one person too: the article loop of `single_casualties` reads it.)
    """
    for token, noun, kind in _casualty_ordinals(doc):
        if kind == "killed" and _toll(noun):
            continue
        if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children):
            continue
        start = min([token.idx, *(c.idx for c in noun.children if c.dep_ == "det")])
        end = noun.idx + len(noun.text)
        quantity = Quantity(value=1.0, upper=None, approx="exact", unit=None)
        yield NumberMention(doc.text[start:end], start, end, quantity), Counted(f"{noun.lower_} {kind}", kind)


_ONE_PERSON_KINDS = {"killed", "injured", "missing", "arrested"}


def single_casualties(
    doc: Doc, numbered: frozenset[str] = frozenset()
) -> list[tuple[NumberMention, Counted]]:
    """ "A woman, 34, died at the scene", "the gunman killed a man", "The driver of the Toyota was taken to
    hospital", "Travis Hebert, 33, died from his injuries": one person, counted by an article, a possessive,
    "the" or a name rather than a numeral. Only a singular person that a casualty event governs counts: one
    woman killed. `counts` names the person ("woman killed"); a story reads such a report as at least one of
    its whole count of that kind (story_figures.py). A kind in `numbered` (some numeral of the article counts it: "two died") lists only a person the
    sentence adds to it ("A firefighter also suffered a minor burn"), unless the article reports separate
    incidents (a weekend's shootings across a city), where each person may be an incident's whole count."""
    if _SEPARATE.search(doc.text):
        numbered = frozenset()
    found = [(m, c) for m, c in [*_none_hurt(doc), *_ordinal_singles(doc)] if c.kind not in numbered]
    for first, noun, value in [*((f, n, 1.0) for f, n in _one_person(doc)), *_two_people(doc)]:
        event = _single_event(noun, family=first.dep_ == "poss")
        taken = any(m.start <= noun.idx < m.end for m, _ in found)  # "The fourth victim": an ordinal single
        if taken or event is None or (event in numbered and not _also(noun)):
            continue
        if (
            first.lower_ == "the" or noun.ent_type_ == "PERSON" or noun.pos_ == "PRON"
        ) and event == "missing":
            continue  # "Berg missed a chance": a named or introduced person is counted killed, hurt or held
        if noun.lower_ in _PRONOUNS and event != "killed" and (event == "arrested" or _deadly(noun)):
            continue  # "A man died after he was shot", "imprisoned her": the death counts, or nobody
        if event == "injured" and _dies(noun):
            event = "killed"  # "The victim was rushed to hospital but was pronounced dead"
        if noun.lower_ in _PRONOUNS and any(
            c.kind == event and noun.sent.start_char <= m.start < noun.sent.end_char for m, c in found
        ):
            continue  # "The man was taken to hospital, where he died": the man, counted once
        quantity = Quantity(value=value, upper=None, approx="exact", unit=None)
        end = noun.idx + len(noun.text)
        mention = NumberMention(doc.text[first.idx : end], first.idx, end, quantity)
        who = "person" if noun.ent_type_ == "PERSON" or noun.pos_ == "PRON" else noun.lower_
        who = "people" if noun.lower_ == "both" else who
        found.append((mention, Counted(f"{who} {event}", event)))
    return found


_SEPARATE = re.compile(
    r"(?i)\b(?:separate|unrelated) (?:incidents|shootings|attacks|stabbings|crashes)\b"
    r"|\bin (?:two|three|four|five|six|seven|eight|nine|ten|\d+) (?:different )?(?:incidents|shootings)\b"
)


def _also(noun: Token) -> bool:
    """ "A Cordwell firefighter also suffered a minor burn": one more than the numerals count."""
    return any(c.lower_ == "also" for c in (*noun.head.children, *noun.children))


def _one_person(doc: Doc) -> Iterator[tuple[Token, Token]]:
    """(first word, head noun) of each mention of one person: "a man", "his passenger", "the driver", and a
    person's name ("Travis Dwayne Hebert")."""
    for token in doc:
        noun = token.head
        one = token.dep_ == "det" and token.lower_ in {"a", "an", "the"}
        one = one or (token.lower_ in {"his", "her", "their"} and token.dep_ == "poss")  # "His passenger"
        person = noun.lemma_.lower() in PEOPLE_NOUNS or (noun.is_upper and noun.lower_ in PEOPLE_NOUNS)
        if one and person and noun.tag_ in {"NN", "NNP"}:  # ("A MAN has died": a capitalised noun is NNP)
            yield token, noun
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.root.tag_ == "NNP":
            yield ent[0], ent.root
    for token in doc:  # "the attack that killed her", "He died in hospital": one person already named
        if (token.lower_, token.dep_) in _ONE_PRONOUN:
            yield token, token


_ONE_PRONOUN = {(w, d) for w in ("he", "she") for d in ("nsubj", "nsubjpass")} | {
    ("him", "dobj"),
    ("her", "dobj"),
}


_PRONOUNS = {w for w, _ in _ONE_PRONOUN}


def _deadly(token: Token) -> bool:
    """The token's sentence tells of a death ("He was taken to hospital, where he died")."""
    return any(t.lemma_.lower() in KILLED_LEMMAS or t.lower_ == "dead" for t in token.sent)


def _dies(noun: Token) -> bool:
    """The person taken to hospital dies in the same clause chain: "was rushed to hospital but was pronounced
    dead", "was taken to a hospital, where he died" (the death's subject is the person, a pronoun, or none of
    its own, a conjunct sharing the person's)."""
    governor = _governor(noun)
    if governor is None:
        return False
    for token in governor.subtree:
        death = token.head if token.lower_ == "dead" else token
        if not (token.lower_ == "dead" or token.lemma_.lower() in {"die", "succumb"}):
            continue
        subjects = [c for c in death.children if c.dep_ in {"nsubj", "nsubjpass"}]
        shares = not subjects and death.dep_ == "conj"
        if shares or any(s.i == noun.i or s.lower_ in {"he", "she", "who"} for s in subjects):
            return True
    return False


def _two_people(doc: Doc) -> Iterator[tuple[Token, Token, float]]:
    """(first word, head, 2) of "an elderly couple", "the pair" and of "Both" standing for two people."""
    for token in doc:
        if token.lemma_.lower() in {"couple", "pair"} and token.tag_ == "NN" and not _of_things(token):
            first = next((c for c in token.lefts if c.dep_ == "det"), None)
            if first is not None:
                yield first, token, 2.0
        elif token.lower_ == "both" and token.dep_ in {"nsubj", "nsubjpass"}:
            yield token, token, 2.0  # "Both were pronounced dead at the scene"


def _of_things(token: Token) -> bool:
    """ "a couple of hours", "a pair of shoes": a quantity word, not two people."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _single_event(noun: Token, family: bool) -> str | None:
    """The casualty kind a casualty verb gives one person as its patient, or None ("A judge ordered him held":
    the judge is nobody's casualty; "decided to treat his daughter himself": family care). The patient may be
    the person's relative pronoun: "Venn, who was arrested in the parking lot, ..."."""
    if any(c.dep_ == "conj" for c in noun.children):
        return None  # "a boy and a man were killed": two, which a numeral elsewhere says if anything does
    event = _patient_event(noun, family)
    for clause in (c for c in noun.children if c.dep_ == "relcl" and event is None):
        who = [w for w in clause.children if w.lower_ == "who" and w.dep_ in {"nsubj", "nsubjpass"}]
        event = _patient_event(who[0], family) if who else None
    return event


def _patient_event(noun: Token, family: bool) -> str | None:
    lives = noun.dep_ == "pobj" and noun.head.head.lemma_.lower() == "life"  # "claimed the life of a woman"
    if noun.dep_ not in {"nsubj", "nsubjpass", "dobj"} and not lives:
        return None
    governor = _governor(noun)
    event = _event(noun, governor, noun, True)
    if event is None or event[0] not in _ONE_PERSON_KINDS or governor is None:
        return None
    if governor.lemma_.lower() == "hurt" and any(c.dep_ == "agent" for c in governor.children):
        return None  # "was hurt by the decision"
    own = casualty_kind(governor.lemma_.lower()) or governor.lemma_.lower() in WOUNDING_LEMMAS or lives
    own = own or event[1] == "custody"  # "a suspect was taken into custody"
    # "The woman killed in the attack has been named": the casualty participle is the person's own
    own = own or any(c.dep_ == "acl" and casualty_kind(c.lemma_.lower()) for c in noun.children)
    if _agent(noun, governor) or (
        not own
        and cared_for(governor, noun) is None
        and _fatal(noun, governor) is None
        and _later_care(noun, governor) is None
    ):
        return None
    active = governor.dep_ == "xcomp" or any(c.dep_ == "nsubj" for c in governor.children)
    if family and active and governor.lemma_.lower() in CARE_VERBS:
        return None  # "took her son to the clinic"
    return event[0]


def _none_hurt(doc: Doc) -> Iterator[tuple[NumberMention, Counted]]:
    """ "No one was killed", "nobody was hurt", "no injuries were reported": a count of zero. Not "no one else
    was hurt" (zero more) and not a zero the sentence denies ("no one knows how many died")."""
    for token in doc:
        if token.lower_ in {"nobody", "none"} and token.dep_ in {"nsubj", "nsubjpass"}:
            first, noun = token, token
        elif token.lower_ == "no" and token.dep_ == "det":
            first, noun = token, token.head
        else:
            continue
        if any(c.lower_ in MORE_WORDS | {"else"} for c in noun.children) or noun.dep_ not in {
            "nsubj",
            "nsubjpass",
        }:
            continue
        kind = _zero_kind(noun)
        if kind not in {"killed", "injured"}:
            continue
        end = noun.idx + len(noun.text)
        quantity = Quantity(value=0.0, upper=None, approx="exact", unit=None)
        yield (
            NumberMention(doc.text[first.idx : end], first.idx, end, quantity),
            Counted(f"people {kind}", kind),
        )


def _zero_kind(noun: Token) -> str | None:
    """What "no one" / "no injuries" says did not happen: "deaths" and "fatalities" killed, "injuries" and
    "casualties" injured; for people, the verb they are the subject of ("was killed", "was shot")."""
    lemma = noun.lemma_.lower()
    if lemma in {"injury", "death", "fatality", "casualty"}:
        return "killed" if lemma in {"death", "fatality"} else "injured"
    if noun.lower_ not in {"one", "nobody", "none"} and lemma not in PEOPLE_NOUNS:
        return None
    governor = _governor(noun)
    if governor is None:
        return None
    verb = governor.lemma_.lower()
    return casualty_kind(verb) or ("injured" if verb in WOUNDING_LEMMAS else None)
