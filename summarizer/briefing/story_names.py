"""One entry per person, body, place and date across a story's articles.

Each article's brief names the same actors its own way: "Taliban Spokesman Zabihullah Mujahid" in one, "Zabihullah
Mujahid" in the next, "Mujahid" or "Zabiullah Mujahid" in a third. The rules, applied longest name first so a
short form meets the full names before it is placed:

* two names are one when their words are the same (any order, titles and filler words aside: "Ministry of
  Defense" = "Defense Ministry"; "Laghman Province" = "Province of Laghman" = "Laghman");
* a shorter name joins a longer one when each of its words is a word of the longer one and both end in the same
  word (the surname, the head noun): "Mujahid" and "President Biden" join "Zabihullah Mujahid" and "Joe Biden";
  "Taliban" does not join "Taliban Spokesman Zabihullah Mujahid";
* words match when equal, when one is the initial of the other, or as spelling variants (rapidfuzz ratio >= 85
  for words of five letters or more, >= 90 for the final word): "Zabiullah" ~ "Zabihullah", "Mohammad" ~
  "Mohammed";
* a person named by one word joins a two-word person whose first name it is ("Hillary" joins "Hillary
  Clinton"; never a group: "Taliban" is no first name of "Taliban Spokesman Zabihullah Mujahid");
* a name that would join two or more different entries joins none: "Clinton" beside "Hillary Clinton" and "Bill
  Clinton" stays apart, and the two Clintons never merge (their first names differ).

Aliases count as forms of their entry, so an article's "Mujahid" alias finds its entry. Everything is sorted by
content, never by input order, so the same articles in any order give the same entries.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from summarizer.contract import Person, Place, StoryPerson, StoryPlace, StoryWhen, When
from summarizer.text.lexicon import NUMBER_WORDS, ORDINAL_WORDS, TENS_WORDS

__all__ = ["NameIndex", "merge_places", "merge_when", "merge_who", "name_tokens", "names_match"]

_FILLER = frozenset({"the", "of", "and", "a", "an", "for", "in", "on", "to", "s", "at"})
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "gen",
        "general",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "mayor",
        "chief",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "sheikh",
        "judge",
        "col",
        "colonel",
        "lt",
        "lieutenant",
        "sgt",
        "sergeant",
        "capt",
        "captain",
        "maj",
        "major",
        "cmdr",
        "commander",
        "officer",
        "former",
        "deputy",
        "chairman",
        "chairwoman",
        "director",
        "ambassador",
        "inspector",
        "detective",
        "constable",
        "superintendent",
    ]
)
_PLACE_WORDS = frozenset(
    [
        "province",
        "city",
        "district",
        "county",
        "state",
        "region",
        "village",
        "town",
        "municipality",
        "governorate",
        "prefecture",
    ]
)
_WORD = re.compile(r"[^\W_]+")


def name_tokens(name: str, *, person: bool = False, place: bool = False) -> tuple[str, ...]:
    """The words that identify a name: lower case, possessives, filler words and (for people) titles
    dropped; for places, words such as "province". Never empty when the name has a word."""
    text = name.casefold().replace("’s", "").replace("'s", "")
    if place and "," in text:
        text = text.split(",", 1)[0]  # "Water Treatment Plant, Shivnagar" is the plant, in Shivnagar
    words = tuple(w for w in _WORD.findall(text) if w not in _FILLER)
    dropped = _TITLES if person else _PLACE_WORDS if place else frozenset()
    core = tuple(w for w in words if w not in dropped)
    if place and core and len(core) < len(words):
        # "Niger State" is Niger the region: it meets "Niger" and "Niger state", never "River Niger"
        core = (_ADMIN, *core)
    return core or words or tuple(_WORD.findall(text))


_ADMIN = "·admin"
"""A token no word makes: marks a place named with an administrative word ("state", "province")."""


def _same_word(a: str, b: str, *, final: bool) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0] and not final
    if min(len(a), len(b)) < 5:
        return False
    return fuzz.ratio(a, b) >= (90 if final else 85)


def names_match(short: Sequence[str], long: Sequence[str]) -> bool:
    """`short` names what `long` names (see the module rules); `short` has no more words than `long`."""
    if not short or not long or len(short) > len(long):
        return False
    if set(short) == set(long):
        return True
    if not _same_word(short[-1], long[-1], final=True):
        return False
    rest = list(long[:-1])
    for word in short[:-1]:
        hit = next((i for i, other in enumerate(rest) if _same_word(word, other, final=False)), None)
        if hit is None:
            return False
        rest.pop(hit)
    return True


@dataclass
class _Cluster:
    forms: set[tuple[str, ...]] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    members: list[tuple[str, object]] = field(default_factory=list)  # (article id, Person | Place)
    person: bool = False  # a member is a person (not a body or a group)


def _cluster(
    items: Iterable[tuple[str, str, Sequence[str], object]], *, person: bool, place: bool
) -> list[_Cluster]:
    """Group (article id, name, aliases, item) by the module rules; longest names first, then by content."""

    def tokens(name: str) -> tuple[str, ...]:
        if person and _description(name):
            return _described(name)
        return name_tokens(name, person=person, place=place)

    ordered = sorted(items, key=lambda it: (-len(tokens(it[1])), it[1].casefold(), it[1], it[0]))
    clusters: list[_Cluster] = []
    for article, name, aliases, item in ordered:
        mine = tokens(name)
        if not mine:
            continue
        is_person = getattr(item, "kind", None) == "person"
        if person and _description(name):  # descriptions join only the same description
            found = [c for c in clusters if mine in c.forms]
        else:
            found = [c for c in clusters if _joins(mine, c, is_person)]
        if len(found) > 1:
            exact = [c for c in found if name.casefold() in c.names]
            if not exact:  # "The gunman" after "A gunman": the same words, written another way
                exact = [c for c in found if mine in c.forms]
            found = exact if len(exact) == 1 else []
        target = found[0] if found else None
        if target is None:
            target = _Cluster()
            clusters.append(target)
        target.forms.add(mine)
        target.forms.update(t for t in (tokens(a) for a in aliases) if t)
        target.names.add(name.casefold())
        target.members.append((article, item))
        target.person = target.person or is_person
    return clusters


def _description(name: str) -> bool:
    """An unnamed actor as the article describes them ("A gunman", "the tram driver", "five people"): no word
    after the first is capitalised, and the first is an article, a number or a common word."""
    words = name.split()
    if len(words) < 2 or any(w[:1].isupper() for w in words[1:]):
        return False
    first = words[0].casefold()
    return words[0].islower() or first in {"a", "an", "the"} or first in NUMBER_WORDS or first.isdigit()


def _described(name: str) -> tuple[str, ...]:
    """What identifies a description across articles: its head noun, its number (as digits), and the words
    that tell one such actor from another ("a second gunman", "another man"); other modifiers vary from outlet
    to outlet ("a lone gunman", "the suspected gunman" are "the gunman"). The head is the last word before a
    preposition, a relative pronoun or a possessive ("the driver of the bus" is a driver)."""
    words: list[str] = []
    for word in _WORD.findall(name.casefold().replace("’", "'")):
        if word == "s":
            words = []  # "the driver's son" is a son
        elif word in _DESCRIPTION_STOPS:
            break
        else:
            words.append(word)
    words = [w for w in words if w not in _FILLER]
    if not words:
        return ()
    kept = [_as_digits(w) for w in words[:-1] if _as_digits(w).isdigit() or w in _DISTINGUISHING]
    return (*kept, words[-1])


def _as_digits(word: str) -> str:
    value = NUMBER_WORDS.get(word, TENS_WORDS.get(word))
    return str(value) if value is not None else word


_DESCRIPTION_STOPS = frozenset({"of", "in", "at", "from", "with", "who", "that", "which", "whose"})
_DISTINGUISHING = frozenset({"another", "other", *ORDINAL_WORDS})


def _joins(mine: tuple[str, ...], cluster: _Cluster, is_person: bool) -> bool:
    """Whether a name (its tokens) joins a cluster: by the module rules, or, for a person named by one word
    alone, as the first name of a two-word person ("Hillary" joins "Hillary Clinton")."""
    if any(names_match(mine, form) for form in cluster.forms):
        return True
    first_name = is_person and cluster.person and len(mine) == 1
    return first_name and any(len(form) == 2 and form[0] == mine[0] for form in cluster.forms)


def _pick_name(used: set[tuple[str, str]], *, person: bool, place: bool) -> str:
    """The entry's name: a name of two or more words (titles aside) over a bare surname, then the one most
    articles write, whole or within a longer name ("Zabihullah Mujahid" over "Taliban Spokesman Zabihullah
    Mujahid"), then the longer, then A-Z. `used` holds (article id, name)."""
    if person and all(_description(name) for _, name in used):
        # an unnamed actor: the plainest description ("A gunman" over "The suspected lone gunman")
        return min((name for _, name in used), key=lambda n: (len(n.split()), n.casefold(), n))
    words = {name: name_tokens(name, person=person, place=place) for _, name in used}

    def support(name: str) -> int:
        return len({aid for aid, other in used if names_match(words[name], words[other])})

    return min(words, key=lambda n: (len(words[n]) < 2, -support(n), -len(n), n.casefold(), n))


def _vote(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v.casefold(), v))


class NameIndex:
    """Which merged `who` entry an article's own name for someone refers to (for sources of claims and
    figures, which the brief spells as its `who` names)."""

    def __init__(self) -> None:
        self._names: dict[tuple[str, str], str] = {}

    def add(self, article: str, form: str, canonical: str) -> None:
        self._names[(article, form.casefold())] = canonical

    def canonical(self, article: str, name: str | None) -> str | None:
        if name is None:
            return None
        return self._names.get((article, name.casefold()), name)


def merge_who(briefs: Sequence[tuple[str, Sequence[Person]]]) -> tuple[list[StoryPerson], NameIndex]:
    """One `who` entry per actor across articles, and the index from each article's names to it."""
    items = [(aid, p.name, p.aliases, p) for aid, people in briefs for p in people]
    index = NameIndex()
    merged: list[StoryPerson] = []
    for cluster in _cluster(items, person=True, place=False):
        people = [(aid, p) for aid, p in cluster.members if isinstance(p, Person)]
        articles = sorted({aid for aid, _ in people})
        name = _pick_name({(aid, p.name) for aid, p in people}, person=True, place=False)
        forms = {p.name for _, p in people} | {a for _, p in people for a in p.aliases}
        aliases = sorted(
            {f for f in forms if f.casefold() != name.casefold()}, key=lambda f: (f.casefold(), f)
        )
        kind = _vote(p.kind for _, p in people) or "other"
        merged.append(
            StoryPerson(
                name=name,
                kind=kind,  # type: ignore[arg-type]  # a vote among EntityKind values
                role=_vote(p.role for _, p in people),
                aliases=_dedupe(aliases),
                main=any(p.main for _, p in people),
                articles=articles,
            )
        )
        for aid, p in people:
            for form in (p.name, *p.aliases):
                index.add(aid, form, name)
    merged.sort(key=lambda p: (not p.main, -len(p.articles), p.name.casefold(), p.name))
    return merged, index


def merge_places(briefs: Sequence[tuple[str, Sequence[Place]]]) -> list[StoryPlace]:
    """One `where` entry per place across articles."""
    items = [(aid, p.name, (), p) for aid, places in briefs for p in places]
    merged: list[StoryPlace] = []
    for cluster in _cluster(items, person=False, place=True):
        places = [(aid, p) for aid, p in cluster.members if isinstance(p, Place)]
        name = _pick_name({(aid, p.name) for aid, p in places}, person=False, place=True)
        merged.append(
            StoryPlace(
                name=name,
                kind=_vote(p.kind for _, p in places) or "other",  # type: ignore[arg-type]
                within=_vote(p.within for _, p in places),
                aliases=sorted({p.name for _, p in places if p.name.casefold() != name.casefold()}),
                articles=sorted({aid for aid, _ in places}),
            )
        )
    merged.sort(key=lambda p: (-len(p.articles), p.name.casefold(), p.name))
    return merged


def merge_when(briefs: Sequence[tuple[str, Sequence[When]]]) -> list[StoryWhen]:
    """One `when` entry per resolved day (written the way most articles write it); undated phrases by text."""
    groups: dict[str, list[tuple[str, When]]] = {}
    for aid, whens in briefs:
        for w in whens:
            groups.setdefault(w.date or f"text:{' '.join(w.text.casefold().split())}", []).append((aid, w))
    merged = []
    for members in groups.values():
        texts = Counter(t for _, t in {(aid, w.text) for aid, w in members})
        text = min(texts, key=lambda t: (-texts[t], t.casefold(), t))
        merged.append(
            StoryWhen(text=text, date=members[0][1].date, articles=sorted({aid for aid, _ in members}))
        )
    merged.sort(key=lambda w: (w.date is None, w.date or "", w.text.casefold(), w.text))
    return merged


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out
