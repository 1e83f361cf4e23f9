"""An entity and its names: the record the name finder fills, and the rules that make several names one
entity ("Mujahid" is "Zabihullah Mujahid", "JSC" is "Johnson Space Center", "Odell Park Police" is "Odell
Park Police Department", "Haverkamp" is "Lotte Haverkamp" whatever label the recogniser gave each).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarizer.text.alignment import ACRONYM_AFTER, search_after

__all__ = ["WHERE_LABELS", "WHO_LABELS", "Entity", "join_acronyms", "join_mentions", "same_entity"]

WHO_LABELS = {"PERSON", "ORG", "NORP"}


WHERE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass
class Entity:
    """One entity of the article with every mention of it (character offsets into the text)."""

    name: str
    label: str
    kind: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    within: str | None = None
    acts: bool = False
    """Subject or agent of a verb somewhere ("Pakistan denied"): a place that acts is also an actor."""
    stands: bool = False
    """Some mention names the body itself, not only a portfolio, a medium told something or a thing's
    label (see `_framed`)."""
    reports: bool = False
    """A news outlet seen reporting the story itself ("Wikinews has learned", "Wikinews reporters attended"):
    the article's own voice, not an actor in it (see `_reporting`)."""

    @property
    def first(self) -> int:
        return min(start for start, _ in self.mentions)


_BODY_SUFFIXES = frozenset(
    [
        "department",
        "dept",
        "dept.",
        "service",
        "services",
        "office",
        "force",
        "agency",
        "authority",
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "corp",
        "corp.",
        "corporation",
        "company",
        "co",
        "co.",
        "group",
        "plc",
        "llc",
    ]
)


def same_entity(short: str, long: str) -> bool:
    """ "Mujahid" is "Zabihullah Mujahid", "Clinton" is "Hillary Clinton", "Ministry" is "Defense Ministry"."""
    if "," in long and long.rsplit(",", 1)[1].strip().casefold() == short.casefold():
        return False  # "Water Treatment Plant, Shivnagar" lies in Shivnagar; it is not Shivnagar
    a = short.casefold().split()
    b = long.casefold().split()
    if len(a) < len(b) and b[: len(a)] == a and all(w in _BODY_SUFFIXES for w in b[len(a) :]):
        return True  # "Odell Park Police" is "Odell Park Police Department", "Apple" is "Apple Inc."
    return len(a) < len(b) and set(a) <= set(b) and b[-1] in a


def join_mentions(entities: list[Entity]) -> list[Entity]:
    """Shorter names that are a longer one's words (its last word among them) become its aliases."""
    by_length = sorted(entities, key=lambda e: -len(e.name))
    kept: list[Entity] = []
    for entity in by_length:
        # a surname two people share ("Mohamed" of Ahmed Mohamed and of his father Mohamed El-Hassan
        # Mohamed) is the one the article introduced first
        owners = [k for k in kept if same_entity(entity.name, k.name) and _compatible(entity, k)]
        target = min(owners, key=lambda k: k.first) if owners else None
        if target is None and entity.label == "PERSON" and " " not in entity.name:
            # "Ahmed" for "Ahmed Mohamed": a lone first name, when exactly one person has it
            owners = [k for k in kept if k.label == "PERSON" and k.name.split()[0] == entity.name]
            target = owners[0] if len(owners) == 1 else None
        if target is None:
            kept.append(entity)
            continue
        if _person_called_org(entity, target):
            target.label, target.kind = "PERSON", "person"
        _absorb(target, entity)
    return sorted(kept, key=lambda e: e.first)


def _absorb(target: Entity, entity: Entity) -> None:
    """`entity` is another name of `target`: its mentions, what they show and its names become target's."""
    target.mentions.extend(entity.mentions)
    target.acts = target.acts or entity.acts
    target.stands = target.stands or entity.stands
    target.reports = target.reports or entity.reports
    target.role = target.role or entity.role
    for alias in [entity.name, *entity.aliases]:
        if alias not in target.aliases and alias != target.name:
            target.aliases.append(alias)


def _person_called_org(short: Entity, long: Entity) -> bool:
    """ "Lotte Haverkamp" (ORG to the recogniser) and "Haverkamp" (PERSON): a person's full name and surname."""
    words = long.name.split()
    return (
        short.label == "PERSON"
        and long.label == "ORG"
        and " " not in short.name
        and len(words) == 2  # (not "Capitol Hill Ryan", two names the page ran together)
        and words[-1] == short.name
        and all(w[:1].isupper() and w.isalpha() for w in words)
    )


def join_acronyms(entities: list[Entity], text: str) -> list[Entity]:
    """ "Johnson Space Center (JSC) ... the JSC will receive": the acronym the article defines after a name is
    that name's entity, whatever label the recogniser gave each."""
    by_acronym: dict[str, Entity] = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            found = search_after(text, name, ACRONYM_AFTER)
            if found is not None and found.group(1) != name:
                by_acronym.setdefault(found.group(1), entity)
    kept: list[Entity] = []
    for entity in entities:
        target = by_acronym.get(entity.name) or _initialled(entity, entities)
        if target is None or target is entity:
            kept.append(entity)
            continue
        _absorb(target, entity)
    return kept


_INITIAL_SKIPS = frozenset(["of", "the", "and", "for", "at", "&", "on", "in"])


def _initials(name: str) -> set[str]:
    """The acronyms a name's capitals spell, with and without its small words ("USI", "UOSI")."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if len(words) < 2:
        return set()
    spelled = {"".join(w[0] for w in words if w.casefold() not in _INITIAL_SKIPS)}
    spelled.add("".join(w[0] for w in words if w.casefold() != "the"))
    return {a.upper() for a in spelled if len(a) >= 2}


def _initialled(short: Entity, entities: list[Entity]) -> Entity | None:
    """ "the University of Southern Indiana ... USI's exhibit": an all-capitals name the article never
    defines in parentheses is the one longer name whose initials it spells, when exactly one does (a body or
    a place: "AP" is no "Alan Pardew")."""
    letters = short.name.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return None
    owners = [
        e
        for e in entities
        if e is not short and e.label != "PERSON" and letters in _initials(e.name) and _compatible(short, e)
    ]
    return owners[0] if len(owners) == 1 else None


def _compatible(short: Entity, long: Entity) -> bool:
    if _person_called_org(short, long):
        return True
    if short.label == "PERSON" or long.label == "PERSON":
        return short.label == long.label or short.label == "ORG"  # spaCy calls a lone surname ORG at times
    return (short.label in WHERE_LABELS) == (long.label in WHERE_LABELS)
