"""Everything code reads in an article, before any model call: who, where, when, figures, claims, the lead.

The stages run in order over one spaCy parse: sentences, page furniture, instruction-like passages, named
entities, attributions, figures, main actors, dates. Each stage is a function of the text layer; this module
only composes them and turns their findings into the contract's items, grounded by construction (every
evidence is the article's own sentence at its offsets).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summarizer.articles import Article
from summarizer.briefing.grounding import match_person, source_for
from summarizer.contract import Brief, Claim, EntityKind, Figure, Meta, Person, Place, When
from summarizer.text.actors import describes_people, lead_sentences, main_actors, recurring_actors
from summarizer.text.attribution import Attribution, find_attributions, speaker_name
from summarizer.text.counting import Counted, count, restates_total
from summarizer.text.dates import find_dates
from summarizer.text.earlier_events import earlier_event
from summarizer.text.entities import (
    Entity,
    find_entities,
    leading_title,
    same_entity,
    speaker_kind,
    split_entities,
)
from summarizer.text.furniture import Furniture, find_furniture
from summarizer.text.injection import Injection, find_injections
from summarizer.text.never_figures import never_a_figure
from summarizer.text.nlp import parse
from summarizer.text.numbers import NumberMention, find_numbers
from summarizer.text.sentences import Sentence, sentence_at, sentences
from summarizer.text.unnumbered import single_casualties, victim_ordinals
from summarizer.text.wordclasses import CASUALTY_KINDS

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["MAX_FIGURES", "Reading", "read_article"]

MAX_FIGURES = 1000  # a sanity bound only: code labels every figure, however long the article
_LEAD_CHARS = 1500


@dataclass
class Reading:
    """What code found in one article."""

    sentences: list[Sentence]
    furniture: Furniture
    injections: list[Injection]
    who: list[Person]
    where: list[Place]
    when: list[When]
    figures: list[Figure]
    claims: list[Claim]
    lead: str
    """The opening of the story for the headline and `what`: furniture and injected passages left out."""
    warnings: list[str] = field(default_factory=list)

    def brief(self, headline: str, what: str, meta: Meta, notes: Sequence[str] = ()) -> Brief:
        """The brief of what code read, with the model's headline and `what` (empty ones for a code-only brief,
        as the finders' benchmark and tests use) and the notes of the checks that ran on them."""
        return Brief(
            headline=headline,
            what=what,
            who=self.who,
            where=self.where,
            when=self.when,
            figures=self.figures,
            claims=self.claims,
            disputes=[],
            warnings=[*self.warnings, *notes],
            meta=meta,
        )


def read_article(article: Article) -> Reading:
    text = article.text
    doc = parse(text)
    sents = sentences(doc)
    furniture = find_furniture(text)
    injections = find_injections(sents, text)
    entities = find_entities(doc, furniture)
    roles = {e.name: e.role for e in entities if e.role}
    own_voice = {n.casefold() for e in entities if e.reports for n in (e.name, *e.aliases)}
    attributions = [  # "Wikinews observed": the outlet's own voice is no source
        a for a in find_attributions(doc, sents, roles) if a.source.casefold() not in own_voice
    ]
    speakers = {a.source.casefold() for a in attributions}
    who, where = split_entities(entities, speakers)
    warnings = [
        f"source: {a.guessed!r} taken to be {a.source} (the person it last referred to)"
        for a in attributions
        if a.guessed
    ]
    lead = lead_sentences(doc, sents, furniture)
    who = _with_speakers(_with_main_actors(who, entities, doc, lead), attributions)
    figures, notes = _figures(doc, text, sents, attributions, who, article.date, furniture)
    warnings += notes
    claims = _claims(attributions, text, who)
    if injections:
        warnings.append(
            f"instructions: {len(injections)} passage(s) addressed to an AI or a model were kept out of the "
            f"headline and summary: {injections[0].text[:80]!r}"
        )
    return Reading(
        sentences=sents,
        furniture=furniture,
        injections=injections,
        who=who,
        where=where,
        when=_when(article, injections),
        figures=figures,
        claims=claims,
        lead=_lead_text(sents, furniture, injections),
        warnings=warnings,
    )


def _with_main_actors(
    who: list[Person], entities: list[Entity], doc: Doc, lead: list[Sentence]
) -> list[Person]:
    """Mark the entities the lead makes its subjects `main`; list unnamed ones as the article describes them."""
    actors = main_actors(doc, lead)
    by_name = {p.name: p for p in who}
    unnamed: list[Person] = []
    for actor in actors:
        entity = next(
            (e for e in entities if any(s < actor.end and actor.start < t for s, t in e.mentions)), None
        )
        named = _named_in(actor.text, entities) if entity is None or entity.label != "PERSON" else None
        entity = named or entity
        if entity is not None and entity.name in by_name:
            by_name[entity.name].main = True
        # "A Taliban suicide bomber": the name only modifies the actor, who is listed as described
        modifier = (
            named is None and entity is not None and not any(s <= actor.head < t for s, t in entity.mentions)
        )
        new = all(_bare(p.name) != _bare(actor.text) for p in unnamed)  # "Third victim", "A third victim"
        if (entity is None or modifier) and describes_people(actor) and new:
            kind: EntityKind = "group" if actor.plural else "person"
            unnamed.append(Person(name=actor.text, kind=kind, role=None, aliases=[], main=True))
    recurring = [  # "the train's driver", arrested and charged in later paragraphs
        Person(name=actor.text, kind="person", role=None, aliases=[], main=False)
        for actor in recurring_actors(doc)
        if all(_bare(actor.text) != _bare(p.name) for p in unnamed)
        and not any(s < actor.end and actor.start < t for e in entities for s, t in e.mentions)
    ]
    return [p for p in who if p.main] + unnamed + [p for p in who if not p.main] + recurring


def _named_in(phrase: str, entities: list[Entity]) -> Entity | None:
    """The person a described actor ends with ("Texas student Ahmed Mohamed" in a headline the recogniser
    did not read): the actor is that person."""
    return next(
        (
            e
            for e in entities
            if e.label == "PERSON" and " " in e.name and re.search(rf"\b{re.escape(e.name)}$", phrase)
        ),
        None,
    )


def _bare(phrase: str) -> str:
    return re.sub(r"^(?:a|an|the)\s+", "", phrase.casefold())


def _with_speakers(who: list[Person], attributions: list[Attribution]) -> list[Person]:
    """Add the named sources the recogniser missed ("the Saudi Interior Ministry said"): whoever speaks in
    the story is one of its actors. A source that ends with a found name is that entry, under its fuller name
    when it is one ("Afghanistan’s Defense Ministry" for "Defense Ministry"; not "NATO member Norway")."""
    added: list[Person] = []
    for attribution in attributions:
        name = speaker_name(attribution)
        if name is None or match_person(name, [*who, *added]) is not None:
            continue
        headed = next((p for p in [*who, *added] if same_entity(p.name, name)), None)
        title = leading_title(name)
        if headed is None and title is not None:  # "Neighbor Curtis Fenlow said": a person and a role
            person = name[len(title) :].strip()
            added.append(Person(name=person, kind="person", role=title.casefold(), aliases=[name]))
        elif headed is None:
            kind = speaker_kind(name, attribution.label, attribution.plural)
            added.append(Person(name=name, kind=kind, role=None, aliases=[]))
        elif all(w[:1].isupper() or w in {"of", "the", "and", "for"} for w in name.split()):
            headed.aliases = [headed.name, *(a for a in headed.aliases if a != name)]
            headed.name = name
    return who + added


def _figures(
    doc: Doc,
    text: str,
    sents: list[Sentence],
    attributions: list[Attribution],
    who: list[Person],
    article_date: dt.date | None,
    furniture: Furniture,
) -> tuple[list[Figure], list[str]]:
    said = {a.sentence.start: a for a in attributions}
    figures: list[Figure] = []
    warnings: list[str] = []
    mentions = [
        m
        for m in find_numbers(text)
        if not never_a_figure(m, text) and not furniture.in_other_story(m.start, m.end)
    ]

    def earlier(mention: NumberMention, counted: Counted) -> str | None:
        return earlier_event(doc, mention, counted, article_date) if article_date else None

    numerals = _counted(doc, mentions) + victim_ordinals(doc)
    dated = [(m, c, earlier(m, c)) for m, c in numerals]
    numbered = {c.kind for _, c, before in dated if before is None}
    # "a woman died" counts beside no numeral of that kind of its event ("two died"), with the exceptions
    # single_casualties names
    dated += [(m, c, earlier(m, c)) for m, c in single_casualties(doc, frozenset(numbered))]
    dated.sort(key=lambda item: item[0].start)
    for mention, counted, before in dated:
        sent = sentence_at(sents, mention.start)
        if sent is None or mention.end > sent.end:
            continue
        attribution = said.get(sent.start)
        scope = attribution.scope if attribution else None
        if scope is not None and not scope[0] <= mention.start < scope[1]:
            attribution = None  # the main clause's figure, beside a subordinate finding
        q = mention.quantity
        counts = f"{counted.counts} {before}" if before else counted.counts  # another event's toll
        figures.append(
            Figure(
                text=mention.text,
                value=q.value,
                upper=q.upper,
                approx=q.approx,
                counts=counts,
                kind=counted.kind,  # type: ignore[arg-type]
                unit=q.unit,
                source=source_for(attribution.source, text, who) if attribution else None,
                evidence=sent.text,
                span=(sent.start, sent.end),
            )
        )
    if len(figures) > MAX_FIGURES:
        warnings.append(f"figures: only the first {MAX_FIGURES} of {len(figures)} figures are listed")
        figures = figures[:MAX_FIGURES]
    return figures, warnings


_RESTATED_WITHIN = 400  # characters: the count a bare "the figure" restates is in the sentence or two before


def _counted(doc: Doc, mentions: list[NumberMention]) -> list[tuple[NumberMention, Counted]]:
    """What each number counts; a bare total ("had put the figure at 45") counts what the casualty count just
    before it counted ("58 people had now been treated")."""
    found: list[tuple[NumberMention, Counted]] = []
    for mention in mentions:
        counted = count(doc, mention)
        if restates_total(doc, mention):
            before = [
                c
                for m, c in found
                if c.kind in CASUALTY_KINDS and 0 < mention.start - m.start <= _RESTATED_WITHIN
            ]
            counted = before[-1] if before else counted
        if counted is not None:
            found.append((mention, counted))
    return found


def _claims(attributions: list[Attribution], text: str, who: list[Person]) -> list[Claim]:
    claims: list[Claim] = []
    for a in attributions:
        start, end = a.sentence.start, a.sentence.end
        if a.follow is not None and a.quote and a.quote not in a.sentence.text:
            end = a.follow.end  # the quotation is the bare sentence that follows: the evidence covers both
        evidence = text[start:end]
        claims.append(
            Claim(
                source=a.unnamed or source_for(a.source, text, who) or a.source,
                cue=a.cue,
                statement=a.statement,
                quote=a.quote if a.quote and a.quote in evidence else None,
                evidence=evidence,
                span=(start, end),
            )
        )
    return claims


def _when(article: Article, injections: list[Injection]) -> list[When]:
    """Dates that name a day. A phrase that resolves to no day ("last year") says nothing checkable."""
    items: list[When] = []
    seen: set[str] = set()
    for mention in find_dates(article.text, article.date):
        if mention.date is None or any(i.start <= mention.start < i.end for i in injections):
            continue
        if _dateline(article, mention.start, mention.end):
            continue  # the dateline is the article's date, not an event in it
        day = mention.date.isoformat()
        if day in seen:
            continue
        seen.add(day)
        items.append(When(text=mention.text, date=day))
    return items


def _dateline(article: Article, start: int, end: int) -> bool:
    """A date on a line of its own near the top ("Thursday, January 12, 2006"), or at the very start."""
    text = article.text
    if start < 40 and text[:start].strip().lower() in {"", "date"}:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    rest = line.replace(text[start:end], "")
    return start < 600 and not re.search(
        r"[A-Za-z]{3,}",
        re.sub(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|updated|published|posted|date", "", rest),
    )


def _lead_text(sents: list[Sentence], furniture: Furniture, injections: list[Injection]) -> str:
    """The story's opening sentences up to about 1,500 characters, in article order."""
    taken: list[str] = []
    size = 0
    for sentence in sents:
        if furniture.fills(sentence.start, sentence.end):
            continue
        if any(i.start <= sentence.start < i.end for i in injections):
            continue
        taken.append(sentence.text)
        size += len(sentence.text) + 1
        if size >= _LEAD_CHARS:
            break
    return "\n".join(taken)
