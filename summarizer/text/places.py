"""What makes a name a place and where it lies: the dateline's city, a name described as a town or a district,
a street or plaza whatever the recogniser says, and "Mihtarlam, the capital of Laghman" for `within`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from summarizer.text.entity_joins import WHERE_LABELS, Entity
from summarizer.text.gazetteer import AP_STATES, COUNTRIES, FIRST_NAMES, US_STATES
from summarizer.text.nlp import DATELINE
from summarizer.text.wordclasses import REGION_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "LOCATION_HEADS",
    "PAIRED_PLACES",
    "compass_pair",
    "dateline_place",
    "described_as_place",
    "set_within",
]

_PLACE_NOUNS = {"city", "town", "village", "capital", "province", "district", "region", "state", "county"}
_PLACE_NOUNS |= {"country", "area", "neighbourhood", "neighborhood", "suburb", "island", "port"}


LOCATION_HEADS = frozenset(
    ["Street", "St", "Road", "Rd", "Avenue", "Ave", "Boulevard", "Blvd", "Lane", "Drive", "Highway", "Freeway", "Expressway", "Plaza", "Square", "Mall", "Apartments", "Bridge", "Airport", "Station", "Terminal", "Stadium", "Arena", "Park", "Parkway", "Crescent", "Row", "Route", "Harbour", "Harbor", "Ghat", "Jetty", "Pier", "Wharf", "Beach", "Market"]
)  # fmt: skip
"""Last words that make a name a place whatever the recogniser says ("Larkspur Plaza", "Sable Court
Apartments"); "Hospital", "University" and "Center" stay bodies, which act and speak."""


def described_as_place(span: Span) -> bool:
    """ "Mihtarlam, a city of 140,000", "the town of Yeoncheon", "the districts of Nerkh and Jalraiz",
    "Livorno, Tuscany": an appositive, a following noun or a place noun it belongs to says the name is a place."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "Nerkh and Jalraiz": the first of a list says what the list is
    owner = root.head
    if (
        root.dep_ == "pobj"
        and owner.lower_ == "of"
        and owner.head.lemma_.lower() in _PLACE_NOUNS | REGION_WORDS
    ):
        return True
    if root.dep_ == "appos" and owner.ent_type_ in {"GPE", "LOC"} and owner.i < span.start:
        return True
    for child in root.children:
        if child.dep_ == "appos" and child.lemma_.lower() in _PLACE_NOUNS:
            return True
    if len(span) > 1 and span[-1].is_title and span[-1].lower_ in REGION_WORDS:
        # "Niger State", "Baghlan Province": a region's name, whatever the recogniser said; not a body
        # named for its area ("Irving Independent School District")
        return not any(t.lower_ in _SERVICE_WORDS for t in span)
    if len(span) == 1 and span.label_ == "PERSON" and _placed(span[0]):
        return True  # "rushed to hospital in Mashegu": no one is "in" a person
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and nxt.lower_ in REGION_WORDS | {"city", "town", "village"}


_SERVICE_WORDS = {
    "school", "independent", "water", "fire", "hospital", "health", "utility", "transit", "court", "police",
    "irrigation", "sanitation", "library", "university", "college",
}  # fmt: skip


def _placed(token: Token) -> bool:
    """A lone name after "in" or "near" that the parse hangs on a verb or a place, not on a word that takes a
    person ("in Smith's view" is a possessive; "believe in Obama" is no place, but rare in news)."""
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ in {"in", "near"}
        and token.text not in FIRST_NAMES
        and not any(True for _ in token.children)  # "in his Sauber" (a car), "in ... Mr Trump" (a misparse)
        and prep.head.lemma_.lower() not in {"believe", "trust", "interest", "confidence", "faith"}
    )


def dateline_place(entities: list[Entity], text: str) -> None:
    """ "HARWICK FALLS, Ohio (WQPZ) — ...": the dateline's city is where the story happens, a place even where
    the recogniser calls its name a body ("a Harwick Falls house party") or misses it in capitals."""
    match = DATELINE.search(text, 0, 3000)
    raw = match.group("city").strip(" -.") if match is not None else ""
    if len(raw) < 3 or raw in AP_STATES or raw.casefold() in US_STATES | COUNTRIES:
        return  # "OHIO —", "KENYA —": a state or a country heads the dateline, no city
    name = raw.title() if raw.isupper() else raw  # "PORT ALMARA" is the Port Almara other outlets write
    start = match.start("city") if match is not None else 0
    where = (start, start + len(raw))
    same = [e for e in entities if e.name.casefold() == raw.casefold()]
    for entity in same:
        entity.label, entity.kind = "GPE", "city"
        if entity.name.isupper():
            entity.name = name
        if where not in entity.mentions:
            entity.mentions.append(where)
    if not same:
        entities.insert(0, Entity(name, "GPE", "city", mentions=[where]))


_AFTER_PLACE = re.compile(
    r"\s*(?:,\s*(?:the\s+|a\s+\w+\s+(?:in|of)\s+)?(?:capital\s+of\s+)?|\s+in\s+)(?:the\s+)?"
    r"(?:Province\s+of\s+)?(?P<outer>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})"
)


def set_within(entities: list[Entity], text: str) -> None:
    """ "Mihtarlam, the capital of Laghman", "Baoding, Hebei province", "a village in Wardak": the place
    right after a city or site, when it is a larger place of the article, is where it lies."""
    places = {e.name.casefold(): e for e in entities if e.label in WHERE_LABELS}
    for entity in places.values():
        if entity.kind not in {"city", "site", "region"}:
            continue
        for _, end in sorted(entity.mentions):
            match = _AFTER_PLACE.match(text, end, end + 80)
            if match is None:
                continue
            name = match.group("outer")
            outer = places.get(AP_STATES.get(f"{name}.", name).casefold())  # "Odell Park, Calif."
            larger = {
                "city": {"region", "country"},
                "site": {"city", "region", "country"},
                "region": {"country"},
            }
            if outer is not None and outer.kind == "city" and "capital" in match.group(0):
                outer.kind = "country"  # "Dravik, the capital of Valmora": a place with a capital is no city
            if outer is not None and outer is not entity and outer.kind in larger[entity.kind]:
                entity.within = outer.name
                break


PAIRED_PLACES = re.compile(r"([A-Z][a-z]+) and ([A-Z][a-z]+) ([A-Z][\w.]+(?: [A-Z][\w.]+)?)")
"""Two places that share their last words: "North and South Korea", "North and South Carolina"."""
_COMPASS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Upper", "Lower"}


def compass_pair(span: Span, bare: str) -> str:
    """ "North" of "North and South Korea", when the recogniser cut the pair in two: North Korea."""
    doc = span.doc
    at = next((t.i for t in span if t.lower_ == "and"), span.end)  # (the span may hold the "and")
    after = doc[at + 1 : at + 4] if at + 1 < len(doc) else None
    if bare not in _COMPASS or after is None or doc[at].lower_ != "and" or after[0].text not in _COMPASS:
        return bare
    rest = [t.text for t in after[1:] if t.ent_type_ in {"GPE", "LOC"}]
    return f"{bare} {' '.join(rest)}" if rest else bare
