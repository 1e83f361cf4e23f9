"""What a story keeps of each article once it is briefed: the brief, the article's metadata, its timeline.

A 30-article story must not hold 30 article texts: everything later steps need from the text (the sentence that
holds each dated `when` item) is taken here, while the article is still in hand, and the text is let go.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.articles import Article
from summarizer.contract import Brief, StoryArticle, TimelineEntry
from summarizer.text.dates import find_dates
from summarizer.text.sentences import sentence_at
from summarizer.text.sentences import split_sentences as sentences

__all__ = ["Digest", "article_id", "digest", "timeline"]


@dataclass(frozen=True)
class Digest:
    """One briefed article of a story."""

    article: StoryArticle
    brief: Brief
    timeline: tuple[TimelineEntry, ...]
    warnings: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def date(self) -> str | None:
        return self.article.date


def article_id(article: Article) -> str:
    """The caller's id, else where it was read from, else a name made from its text (never its position in
    the input, so the same articles in another order keep their ids)."""
    if article.id:
        return article.id
    if article.origin and article.origin != "standard input":
        return article.origin
    return f"sha-{article.sha256[:12]}"


def timeline(article: Article, brief: Brief, aid: str) -> list[TimelineEntry]:
    """Each dated `when` item of the brief at its first place in the text, with the sentence that holds it.

    Dates come resolved against the article's own date (the brief resolved them so). An item the text no
    longer shows at a sentence is left out: every entry's evidence is the article's text at its span."""
    wanted = {(w.text, w.date) for w in brief.when if w.date}
    if not wanted:
        return []
    sents = sentences(article.text)
    entries = []
    for mention in find_dates(article.text, article.date):
        key = (mention.text, mention.date.isoformat() if mention.date else None)
        if key not in wanted:
            continue
        sent = sentence_at(sents, mention.start)
        if sent is None or mention.end > sent.end:
            continue
        wanted.discard(key)
        entries.append(
            TimelineEntry(
                date=key[1], text=mention.text, article=aid, evidence=sent.text, span=(sent.start, sent.end)
            )
        )
    return entries


def digest(article: Article, brief: Brief, aid: str) -> Digest:
    meta = StoryArticle(
        id=aid,
        title=article.title,
        publisher=article.publisher,
        date=article.date.isoformat() if article.date else None,
        url=article.url,
        sha256=article.sha256,
    )
    return Digest(meta, brief, tuple(timeline(article, brief, aid)), tuple(article.warnings))
