"""Hand-built articles and briefs for story tests: no model, every evidence at its span in its article."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from summarizer.articles import Article
from summarizer.briefing.story_digest import Digest, digest
from summarizer.contract import Approx, Brief, Claim, Figure, FigureKind, Meta, Person, Place, When
from summarizer.text.dates import find_dates


@dataclass
class Fig:
    """A figure of one sentence of the article: `text` must occur in that sentence."""

    sentence: int
    text: str
    value: float | None
    counts: str
    kind: FigureKind
    approx: Approx = "exact"
    source: str | None = None
    upper: float | None = None


@dataclass
class Said:
    sentence: int
    source: str
    statement: str


@dataclass
class Story:
    """One article of a story: its sentences and what its brief says about them."""

    id: str
    date: str | None
    sentences: list[str]
    who: list[Person] = field(default_factory=list)
    where: list[Place] = field(default_factory=list)
    figures: list[Fig] = field(default_factory=list)
    claims: list[Said] = field(default_factory=list)
    publisher: str | None = None
    headline: str = "A headline"
    what: str = "What happened."

    def article(self) -> Article:
        return Article.from_text(
            " ".join(self.sentences),
            date=self.date,
            publisher=self.publisher,
            id=self.id,
            title=self.headline,
        )

    def brief(self) -> Brief:
        article = self.article()
        text = article.text
        spans = []
        for sentence in self.sentences:
            start = text.index(sentence)
            spans.append((start, start + len(sentence)))
        figures = [
            Figure(
                text=f.text,
                value=f.value,
                upper=f.upper,
                approx=f.approx,
                counts=f.counts,
                kind=f.kind,
                source=f.source,
                evidence=self.sentences[f.sentence],
                span=spans[f.sentence],
            )
            for f in self.figures
        ]
        claims = [
            Claim(
                source=c.source,
                cue="said",
                statement=c.statement,
                evidence=self.sentences[c.sentence],
                span=spans[c.sentence],
            )
            for c in self.claims
        ]
        when = [
            When(text=m.text, date=m.date.isoformat() if m.date else None)
            for m in find_dates(text, article.date)
        ]
        return Brief(
            headline=self.headline,
            what=self.what,
            who=self.who,
            where=self.where,
            when=when,
            figures=figures,
            claims=claims,
            meta=Meta(model="hand", prompt="brief@0", article_sha256=article.sha256, attempts=1, seconds=1.0),
        )

    def digest(self) -> Digest:
        return digest(self.article(), self.brief(), self.id)


def person(name: str, *, kind: str = "person", aliases: tuple[str, ...] = (), main: bool = False) -> Person:
    return Person(name=name, kind=kind, aliases=list(aliases), main=main)  # type: ignore[arg-type]


def place(name: str, kind: str = "city") -> Place:
    return Place(name=name, kind=kind)  # type: ignore[arg-type]


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
