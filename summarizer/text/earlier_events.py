"""Tolls of earlier events: "In 2019 a fire at the same mill killed two", "the deadliest since 2015, when 12
people died", "last year's attack left 12 dead". Read as the event's own, they would join a story's count and
could become its latest; a date that modifies the count's own clause and names an earlier year says they are
another event's. A date that only bounds a comparison ("the worst since 2019") or a day of the last weeks
("On Dec. 31, 2025" in a Jan. 1 story) does not.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import TYPE_CHECKING

from summarizer.text.counting import (  # the count's clause is found as counting finds it
    Counted,
    _anchor,
    _first_conjunct,
    _governor,
    _nouns,
)
from summarizer.text.numbers import NumberMention
from summarizer.text.wordclasses import CASUALTY_KINDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["earlier_event", "earlier_year"]


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def earlier_event(doc: Doc, mention: NumberMention, counted: Counted, published: dt.date) -> str | None:
    """When another, earlier event a casualty count belongs to happened, as a label ("in 2019", "on Jan. 3",
    "in April"), or None when the count is the article's own. A year is read by `earlier_year`; a day or a
    month of the article's own year, written without the year, is another event's when it is at least
    `_EARLIER_DAYS` before the article ("It is the city's second fatal fire. A Jan. 3 blaze killed one")."""
    dates = _clause_dates(doc, mention, counted)
    year = _year_in(dates, published)
    if year is not None:
        return f"in {year}"
    tally = _tally(doc, mention, counted)
    if tally is not None:
        return tally
    for ent in dates:
        if _BEFORE.match(ent.text):
            return ent.text[:1].lower() + ent.text[1:]  # "The previous weekend, 12 people were shot"
        if _YEAR.search(ent.text):
            continue
        day = _day_of(ent.text, published.year)
        if day is not None and _EARLIER_DAYS <= (published - day).days <= 366:
            return f"on {ent.text}" if re.search(r"\d", ent.text) else f"in {ent.text.removeprefix('In ')}"
    return None


_EARLIER_DAYS = 14
_BEFORE = re.compile(
    r"(?i)^(?:the )?(?:previous|preceding|prior) (?:weekend|week|month|year)$"
    r"|^(?:the )?(?:weekend|week|month|year) before$|^last (?:month|year)$"
)
_MONTH_OR_YEAR = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:19|20)\d\d\b"
)
_PART_OF_YEAR = re.compile(r"(?i)\b(?:first|last|past)\s+(?:\w+\s+)?(?:months|weeks)\b")
_PERIOD = re.compile(r"(?i)^(?:(?:so far |earlier )?this (?:year|month|season)|year[- ]to[- ]date)$")


def _tally(doc: Doc, mention: NumberMention, counted: Counted) -> str | None:
    """A running count over a period that holds the event and others ("Since January, 412 people have been
    shot", "pushed the number of people shot this month to 64"): the period, as its label. Not for counts
    that an event's own course fills over weeks ("12,000 people displaced since March")."""
    counting = _counting(doc, mention) if counted.kind in {"killed", "injured", "arrested"} else None
    if counting is None:
        return None
    anchor, node = counting
    governor = _governor(node)
    if governor is None:
        return None
    totals = [c for c in governor.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    inside = {t.i for c in totals for t in c.subtree} | {governor.i}
    for ent in (e for e in anchor.sent.ents if e.label_ == "DATE"):
        head = ent.root.head
        if head.lower_ == "since" and head.head.i == governor.i and _MONTH_OR_YEAR.search(ent.text):
            return f"since {ent.text}"  # ("since Tuesday", the day of the event itself, is the event's)
        if _PERIOD.match(ent.text) and head.i in inside and ent.root.dep_ == "npadvmod":
            return ent.text.lower()
        if _PART_OF_YEAR.search(ent.text) and head.head.i == governor.i:
            return (
                f"in {ent.text.lower().removeprefix('in ')}"  # "killed 612 people in the first nine months"
            )
    return None


def _day_of(text: str, year: int) -> dt.date | None:
    """The day a month-and-day or month names in `year` (a month alone: its last day), or None."""
    found = _MONTH_DAY.fullmatch(text.strip())
    if found is None:
        return None
    month = _MONTHS[found.group(1).lower()[:3]]
    day = int(found.group(2)) if found.group(2) else calendar.monthrange(year, month)[1]
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_MONTH_DAY = re.compile(
    r"(?i)(?:in\s+|on\s+|early\s+|late\s+|mid-?)?"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?"
)


def _counting(doc: Doc, mention: NumberMention) -> tuple[Token, Token] | None:
    """(the number's token, the word whose place in the clause says what happened): as counting reads it."""
    anchor = _anchor(doc, mention)
    if anchor is None:
        return None
    noun, _ = _nouns(_first_conjunct(anchor))
    if noun is None or noun.pos_ == "PRON":  # "two of them fatally": the number stands in the clause
        return anchor, anchor
    return anchor, noun


def _clause_dates(doc: Doc, mention: NumberMention, counted: Counted) -> list[Span]:
    """The DATE entities of the count's sentence that belong to its clause (`_dates_clause`)."""
    counting = _counting(doc, mention) if counted.kind in CASUALTY_KINDS else None
    if counting is None:
        return []
    anchor, node = counting
    governor = _governor(node) or _governor(node.head) or node.head  # "left 12 dead": through "dead"
    if node.dep_ == "appos" and governor.pos_ in {"NOUN", "PROPN"}:
        governor = _governor(governor) or governor  # "12 people were shot, two of them fatally": "shot"
    if governor.pos_ not in {"VERB", "AUX"}:  # "In 2018 it was Tlalmanco, with 17 dead": the clause's verb
        governor = next((a for a in node.ancestors if a.pos_ in {"VERB", "AUX"}), governor)
    return [e for e in anchor.sent.ents if e.label_ == "DATE" and _dates_clause(e.root, governor)]


def earlier_year(doc: Doc, mention: NumberMention, counted: Counted, published: dt.date) -> int | None:
    """The year of another, earlier event a casualty count belongs to ("In 2019 a fire at the same mill killed
    two", "last year's attack left 12 dead"): a date attached to the count's own clause that names a year
    before the article's, and is not a day of the last weeks ("On Dec. 31, 2025, a gunman killed five" in a
    story of Jan. 1). A story must not read those as the event's toll."""
    return _year_in(_clause_dates(doc, mention, counted), published)


def _year_in(dates: list[Span], published: dt.date) -> int | None:
    """The earlier year one of the count's clause dates names (see `earlier_year`), or None."""
    year = published.year
    for ent in dates:
        years = [int(y) for y in _YEAR.findall(ent.text)]  # a span's last year ("from 2019 to 2022")
        said = max(years) if years else (year - 1 if "last year" in ent.text.lower() else None)
        if said is not None and said < year and not _recent(ent.text, said, published):
            return said
    return None


_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1
    )
}


def _recent(text: str, year: int, published: dt.date) -> bool:
    """A dated day or month of `year` within 60 days before the article: the event itself, across New Year."""
    found = re.search(
        r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+(\d{1,2})\b)?", text, re.I
    )
    if found is None:
        return False
    month = _MONTHS[found.group(1).lower()]
    day = int(found.group(2)) if found.group(2) else calendar.monthrange(year, month)[1]
    try:
        return 0 <= (published - dt.date(year, month, day)).days <= 60
    except ValueError:
        return False


def _dates_clause(date: Token, governor: Token) -> bool:
    """The date belongs to the count's clause: it modifies the count's verb ("In 2019 a fire killed two"), it
    names the verb's subject ("last year's attack left 12 dead"), or the clause hangs on it ("since 2015,
    when 12 people died"). A date that only bounds a comparison ("the worst since 2019") does not. The end of
    a span stands where its start does ("between 2020 and 2024")."""
    while date.dep_ == "conj" and date.head.i < date.i:
        date = date.head
    clause = governor
    while clause.dep_ == "conj" and clause.head.pos_ in {"VERB", "AUX"}:
        clause = clause.head  # "when the ferry capsized and 214 people were killed"
    if clause.head.i == date.i or any(a.i == date.i for a in clause.ancestors if a.pos_ != "VERB"):
        return clause.dep_ in {"relcl", "acl", "advcl"}
    # "last year's attack left 12 dead"; "the 2009 sinking of the Aster Light, in which 300 people died"
    modifies = date.dep_ in {"poss", "compound", "amod", "npadvmod", "nmod", "nummod"}
    described = clause.dep_ in {"relcl", "acl"} and clause.head in list(date.head.subtree)
    # "the 2016 Sunfield fire in the same belt, which killed 63": the clause hung on the phrase after the noun
    between = date.doc[date.head.i : clause.head.i]
    described = described or (
        clause.dep_ == "relcl"
        and 0 < len(between) <= 6
        and not any(t.pos_ in {"VERB", "AUX"} for t in between)
    )
    if modifies and (date.head.head.i == clause.i or described):
        return True
    if date.lower_ in {"between", "from"}:  # "died on the road between 2020 and 2024": a span of years
        return _on_clause(date.head, clause)
    # "A lorry crash at the same spot in 2020 killed one man": the year dates the clause's subject
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    dated = date.head.dep_ == "prep" and date.head.lower_ in {"in", "on", "during"}
    if dated and clause.dep_ == "relcl" and date.head.head.i == clause.head.i:
        return True  # "a bombing at a police centre in March that killed 27": the date of the clause's noun
    if subject is not None and dated and _on_clause(date.head.head, subject):
        return True
    head = date.head
    if head.dep_ == "prep" and head.lower_ not in {"since", "than", "until"}:
        head = head.head  # "In 2019 ... killed", not "the worst since 2019"
    # "In 2017, the ferry sank in the strait, killing 214 people": the date's verb and its participle clause
    # "I wrote it in 2019, after a gunman killed six people": a clause of time takes its main clause's date
    timed = clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in clause.children
    )
    return head.i == clause.i or (
        (timed or (clause.dep_ in {"advcl", "xcomp"} and clause.tag_ == "VBG")) and head.i == clause.head.i
    )


_TIME_MARKS = {"after", "when", "as", "while"}


def _on_clause(node: Token, clause: Token) -> bool:
    """`node` is the clause's verb or in a prepositional phrase of it ("on the road", "in crashes on I-47")."""
    for _ in range(4):
        if node.i == clause.i:
            return True
        if node.dep_ not in {"pobj", "prep"}:
            return False
        node = node.head
    return node.i == clause.i
