"""The main actors: who did what to whom in the lead, named or as the article describes them.

News puts the main event in its headline and first sentence. The subject of the lead's main verb (and, in a
passive lead, both the agent and who it happened to) are the main actors. When the subject is a name, that
entity is marked `main`; when it is a description ("A gunman", "the tram driver", "five people"), the
description itself is listed, as a reader would name them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarizer.text.attribution import speaks
from summarizer.text.furniture import Furniture
from summarizer.text.lexicon import VAGUE_NUMBER_WORDS
from summarizer.text.nlp import glued_hyphen
from summarizer.text.sentences import Sentence
from summarizer.text.wordclasses import PEOPLE_NOUNS, SPEECH_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["MainActor", "describes_people", "lead_sentences", "main_actors", "recurring_actors"]

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_PHRASE_DEPS = {"det", "amod", "nummod", "compound", "poss", "case", "quantmod", "nmod"}
_QUANTITY_HEADS = {*VAGUE_NUMBER_WORDS, "number", "group", "crowd"}  # "Dozens of rescuers"
_NOT_ACTORS = {
    "it",
    "this",
    "that",
    "there",
    "which",
    "who",
    "what",
    "one",
    "some",
    "all",
    "they",
    "he",
    "she",
    # totals: "The number of people killed rose to 16" names no one who acts
    "number",
    "toll",
    "total",
    "tally",
    "count",
    "figure",
}


@dataclass(frozen=True)
class MainActor:
    text: str
    start: int
    end: int
    plural: bool
    head: int
    """Where the phrase's head word starts: "bomber" of "A Taliban suicide bomber"."""


def lead_sentences(doc: Doc, sentences: list[Sentence], furniture: Furniture) -> list[Sentence]:
    """The headline (a first line without final punctuation), then the first real sentence of the story:
    one with a verb (a dateline or a caption has none)."""
    lead: list[Sentence] = []
    for sentence in sentences:
        if furniture.fills(sentence.start, sentence.end) or len(sentence.text.split()) < 4:
            continue
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None or not any(t.pos_ in {"VERB", "AUX"} for t in span):
            continue
        lead.append(sentence)
        headline = len(lead) == 1 and sentence.text.rstrip()[-1:] not in '.!?"”'
        if not headline:
            break
        if len(lead) == 3:
            break
    return lead


def _phrase(doc: Doc, head: Token) -> tuple[str, int, int] | None:
    tokens = [t for t in head.subtree if t.i <= head.i and (t.dep_ in _PHRASE_DEPS or t.i == head.i)]
    tokens = [t for t in tokens if t.i >= head.i - 6]
    if head.lower_ in _QUANTITY_HEADS:  # "Dozens of rescuers"
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                tokens += [child, *(t for t in child.subtree if t.i > child.i and t.i <= child.i + 4)]
    tokens = sorted(set(tokens), key=lambda t: t.i)
    run = [tokens[-1]]
    for token in reversed(tokens[:-1]):  # contiguous words only
        if token.i != run[0].i - 1:
            break
        run.insert(0, token)
    first = run[0].i
    while first >= 2 and glued_hyphen(doc[first - 1]):
        first -= 2  # "27-year-old woman", not "old woman"
    start, end = doc[first].idx, run[-1].idx + len(run[-1].text)
    text = doc.text[start:end]
    if "\n" in text or len(text) < 3:
        return None
    return text, start, end


def main_actors(doc: Doc, lead: list[Sentence]) -> list[MainActor]:
    """Subjects (and passive agents) of the lead's main verbs."""
    actors: list[MainActor] = []
    for sentence in lead:
        span: Span | None = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        for head in _subjects(span):
            if head.lower_ in _NOT_ACTORS or head.pos_ == "PRON":
                continue
            if head.pos_ not in {"NOUN", "PROPN"} and head.ent_type_ == "":
                continue
            found = _phrase(doc, head)
            if found is None:
                continue
            text, start, end = found
            plural = head.tag_ in {"NNS", "NNPS"} or head.lower_ in _QUANTITY_HEADS
            actors.append(MainActor(text, start, end, plural, head.idx))
    return actors


def _root(span: Span) -> Token:
    """The sentence's main verb. A headline glued to the lead can make spaCy hang the lead on a word outside
    it; then the lead's own top verb is taken."""
    tops = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    verbs = [t for t in tops if t.pos_ in {"VERB", "AUX"}]
    return verbs[0] if verbs else span.root


def _subjects(span: Span) -> list[Token]:
    root = _root(span)
    reported = [c for c in root.children if c.dep_ == "ccomp"]
    if root.lemma_.lower() in SPEECH_LEMMAS and reported:
        root = reported[0]  # "A gunman opened fire, police said": the event is what is said
    verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})]
    # "Five people were killed when a gunman opened fire": the clause that says how it happened has actors too
    verbs += [c for v in verbs for c in v.children if c.dep_ == "advcl" and c.pos_ == "VERB" and _how(c)]
    verbs = [v for i, v in enumerate(verbs) if i == 0 or not speaks(v)]  # "..., officials said"
    heads: list[Token] = []
    for verb in verbs:
        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS:
                heads.append(child)
            elif child.dep_ == "agent":
                heads.extend(c for c in child.children if c.dep_ == "pobj")
    return [h for h in heads if span.start <= h.i < span.end]


def _how(clause: Token) -> bool:
    """An adverbial clause that tells how or when the event happened ("when a gunman opened fire", "after a
    driver charged into a crowd"), not a condition or a reason."""
    return any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "as", "after", "while"} for c in clause.children
    )


def describes_people(actor: MainActor) -> bool:
    """An unnamed actor worth listing: a person or a group of people, not "the plan", "prices" or "a
    passenger train". Its head word says what it is ("Dozens of rescuers" are the rescuers); a capitalised
    head with a title before it is a name the recogniser missed ("Interior Minister Jelena Brankova")."""
    words = actor.text.casefold().split()
    head = actor.text[actor.head - actor.start :].split()[:1]
    if not words or not head:
        return False
    if head[0].casefold() in _QUANTITY_HEADS or head[0][:1].isupper():
        return any(w in PEOPLE_NOUNS for w in words)
    return head[0].casefold() in PEOPLE_NOUNS


_ROLE_NOUNS = {
    "driver",
    "pilot",
    "captain",
    "skipper",
    "gunman",
    "shooter",
    "attacker",
    "assailant",
    "bomber",
    "suspect",
    "motorist",
    "killer",
    "robber",
    "hijacker",
    "sniper",
    "arsonist",
}
"""Whoever did the event, or drove or steered what crashed: "the train's driver", "the gunman"."""


def _named(noun: Token) -> bool:
    """ "the suspect, Dale Hurst,", "Dale Hurst, the driver,", "driver Dale Hurst": the doer has a name."""
    near = [*noun.children, noun.head]
    return any(
        t.ent_type_ == "PERSON" and (t.dep_ == "appos" or noun.dep_ == "appos" or t.dep_ == "compound")
        for t in near
    )


def recurring_actors(doc: Doc) -> list[MainActor]:
    """An unnamed doer the article keeps coming back to ("the train's driver ... the driver, 52, appeared
    before a magistrate"): one person named by a role, as a subject or object of two or more clauses. The
    fullest mention names him ("the train's driver", not "the driver")."""
    mentions: dict[str, list[Token]] = {}
    for token in doc:
        if token.lower_ not in _ROLE_NOUNS or token.tag_ != "NN" or token.ent_type_:
            continue
        if token.dep_ in _SUBJECT_DEPS | {"dobj", "pobj"} and any(
            c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an", "another", "no", "every", "each"}
            for c in token.children
        ):
            mentions.setdefault(token.lower_, []).append(token)
    actors: list[MainActor] = []
    for heads in mentions.values():
        if len(heads) < 2 or any(_named(h) for h in heads):
            continue
        phrases = [p for h in heads if (p := _phrase(doc, h)) is not None]
        if phrases:
            text, start, end = max(phrases, key=lambda p: (len(p[0].split()), -p[1]))
            head = next(h for h in heads if start <= h.idx < end)
            actors.append(MainActor(text, start, end, False, head.idx))
    return actors
