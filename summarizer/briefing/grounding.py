"""Grounding: every figure, claim and name in a brief is tied to the article's own text by code.

Figures are the numbers code found in the article (numbers.py), with their values parsed by code; the model
only says what each counts and who claims it. Evidence is the article sentence that holds the item, so
`evidence == article[span[0]:span[1]]` holds by construction, and `check_brief` verifies it again on the way
out. Names and sources are replaced by the article's own spelling, found by the aligner.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from summarizer.contract import Brief, Claim, Figure, Person
from summarizer.text.alignment import ACRONYM_AFTER, align, search_after, stands_alone
from summarizer.text.wordclasses import TITLE_WORDS

__all__ = ["aliases_for", "canonical_name", "check_brief", "match_person", "source_for"]

_GENERIC = {"the", "of", "and", "a", "an", "for", "in", "on", "to", "s", "mr", "mrs", "ms", "dr", "miss"}


def canonical_name(name: str, article: str) -> str | None:
    """The article's own spelling of `name`, or None when the article does not contain it."""
    name = name.strip().strip(".,;:")
    if not name:
        return None
    found = align(name, article)
    if found is None:
        return None
    return article[found.start : found.end].strip().strip(".,;:") or None


def _tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", text.casefold()) if t not in _GENERIC}


def match_person(name: str, people: Sequence[Person]) -> Person | None:
    """The `who` entry that `name` refers to: equal to its name or an alias, or all its words within them."""
    folded = name.casefold().strip()
    wanted = _tokens(name)
    for person in people:
        forms = [person.name, *person.aliases]
        if any(folded == form.casefold() for form in forms):
            return person
    if not wanted:
        return None
    titled = name.split()[-1].casefold() in TITLE_WORDS
    for person in people:
        if person.kind == "person" and not wanted & _tokens(person.name) and not titled:
            continue  # "police" is not "Police Chief Daniel Reyes"; "the spokesman" may be the spokesman
        if any(wanted <= _tokens(form) for form in (person.name, *person.aliases)):
            return person
    for person in people:  # "Ministry spokesman Ali Khan": the person's full name inside a titled source
        full = _tokens(person.name)
        if person.kind == "person" and len(full) >= 2 and full <= wanted:
            return person
    return None


def source_for(name: str | None, article: str, people: Sequence[Person]) -> str | None:
    """A source as the brief states it: the `who` name it refers to, else the article's spelling."""
    if not name or name.strip().lower() in {"null", "none", "the article", "article"}:
        return None
    person = match_person(name, people)
    if person is not None:
        return person.name
    return canonical_name(name, article)


def aliases_for(name: str, kind: str, article: str, others: Iterable[str] = ()) -> list[str]:
    """Short forms the article uses for `name`: a person's surname, an organisation's last word
    ("the Ministry"), an acronym in parentheses after the name. Only forms that occur on their own."""
    aliases: list[str] = []
    words = name.replace("’s", "").replace("'s", "").split()
    candidates: list[str] = []
    if len(words) >= 2:
        candidates.append(words[-1])
        if kind != "person" and len(words) >= 3:
            candidates.append(" ".join(words[-2:]))
    acronym = search_after(article, name, ACRONYM_AFTER)
    if acronym:
        candidates.append(acronym.group(1))
    taken = {o.casefold() for o in others}
    stripped = article.replace(name, " ")
    for cand in candidates:
        if len(cand) < 3 or not cand[0].isupper() or cand.casefold() in taken:
            continue
        if stands_alone(stripped, cand) and cand not in aliases:
            aliases.append(cand)
    return aliases


def check_brief(brief: Brief, article: str) -> list[str]:
    """The contract's invariants; each violation as a sentence. An empty list means the brief is grounded."""
    problems: list[str] = []
    items: list[tuple[str, Figure | Claim]] = [("figure", f) for f in brief.figures]
    items += [("claim", c) for c in brief.claims]
    for kind, item in items:
        start, end = item.span
        if not (0 <= start <= end <= len(article)) or article[start:end] != item.evidence:
            problems.append(f"{kind} evidence is not the article text at its span: {item.evidence[:60]!r}")
        if isinstance(item, Figure) and item.text not in item.evidence:
            problems.append(f"figure text {item.text!r} is not inside its evidence")
        if isinstance(item, Claim) and item.quote and item.quote not in item.evidence:
            problems.append(f"claim quote is not verbatim in its evidence: {item.quote[:60]!r}")
    return problems
