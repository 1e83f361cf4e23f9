"""A story brief (CONTRACT §4): several articles on one event, briefed one by one, merged by code.

Each article is briefed exactly as `summarizer brief` does it, through the same cache, so a story re-run after
one more article costs one brief; the briefs run with bounded concurrency and at most `2 x concurrency`
articles in memory (each is reduced to its `Digest` as soon as it is briefed). Then code merges: names and
places (story_names.py), figures with their reports, latest values and conflicts (story_figures.py), claims
and disputes, a timeline; the model writes only the headline and `what`, from the merged facts
(story_summary.py).

Order never matters: articles, entries, reports, claims and the timeline are sorted by content (dates, ids,
offsets), so the same articles in any order give the same story, `meta` aside.
"""

from __future__ import annotations

import dataclasses
import hashlib
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from summarizer.articles import Article
from summarizer.briefing.story_digest import Digest, article_id, digest
from summarizer.briefing.story_figures import FigureInput, conflicting_pairs, group_figures
from summarizer.briefing.story_names import NameIndex, merge_places, merge_when, merge_who
from summarizer.briefing.story_summary import StoryFacts, Summary, summarize_facts
from summarizer.contract import (
    Brief,
    Dispute,
    Meta,
    StoryBrief,
    StoryClaim,
    StoryFigure,
    StoryPerson,
    StoryPlace,
    StoryReport,
    StoryWhen,
)
from summarizer.errors import ArticleError, SummarizerError
from summarizer.llm.call import Caller
from summarizer.llm.prompts import load_prompt

__all__ = [
    "STORY_PROMPT",
    "Progress",
    "StorySource",
    "assemble",
    "brief_articles",
    "in_memory",
    "run_story",
    "story_sha256",
]

STORY_PROMPT = "story"
Progress = Callable[[str, bool], None]
"""Called as each article finishes: (its name, whether it failed)."""
StorySource = tuple[str, Callable[[], Article]]
"""(a name for warnings, a function that reads the article): articles are read only when their turn comes."""


def in_memory(article: Article) -> StorySource:
    """A source for an article already read."""
    return article_id(article), lambda: article


def brief_articles(
    sources: Iterable[StorySource],
    summarize: Callable[[Article], Brief],
    *,
    concurrency: int = 4,
    progress: Progress | None = None,
) -> tuple[list[Digest], list[tuple[str, SummarizerError]]]:
    """Read and brief every article, `concurrency` at a time; an article that fails is returned with its
    error instead of stopping the rest."""
    digests: list[Digest] = []
    failures: list[tuple[str, SummarizerError]] = []
    lock = threading.Lock()

    def one(label: str, load: Callable[[], Article]) -> None:
        try:
            article = load()
            done = digest(article, summarize(article), article_id(article))
        except SummarizerError as exc:
            with lock:
                failures.append((label, exc))
            if progress:
                progress(label, True)
            return
        with lock:
            digests.append(done)
        if progress:
            progress(label, False)

    width = max(1, concurrency)
    with ThreadPoolExecutor(max_workers=width, thread_name_prefix="summarizer-story") as pool:
        pending: set[Future[None]] = set()
        for label, load in sources:
            pending.add(pool.submit(one, label, load))
            if len(pending) >= 2 * width:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    future.result()
        for future in pending:
            future.result()
    return digests, failures


def _unique(digests: list[Digest]) -> tuple[list[Digest], list[str]]:
    """One digest per text, and distinct ids: a repeated text is counted once (the smallest id kept); one id
    given to different texts gets each text's hash appended."""
    warnings = []
    by_sha: dict[str, list[Digest]] = {}
    for d in digests:
        by_sha.setdefault(d.article.sha256, []).append(d)
    kept = []
    for same in by_sha.values():
        same.sort(key=lambda d: d.id)
        kept.append(same[0])
        if len(same) > 1:
            others = ", ".join(d.id for d in same[1:])
            warnings.append(f"{others}: the same text as {same[0].id}, counted once")
    ids: dict[str, int] = {}
    for d in kept:
        ids[d.id] = ids.get(d.id, 0) + 1
    renamed = [_renamed(d, f"{d.id}~{d.article.sha256[:8]}") if ids[d.id] > 1 else d for d in kept]
    renamed.sort(key=lambda d: (d.date is None, d.date or "", d.id))
    return renamed, sorted(warnings)


def _renamed(d: Digest, new: str) -> Digest:
    return dataclasses.replace(
        d,
        article=d.article.model_copy(update={"id": new}),
        timeline=tuple(t.model_copy(update={"article": new}) for t in d.timeline),
    )


def _claims(
    digests: Sequence[Digest], names: NameIndex
) -> tuple[list[StoryClaim], dict[tuple[str, int], int]]:
    """Every article's claims in story order (article date, id, offset), and where each brief's claim went."""
    claims: list[StoryClaim] = []
    where: dict[tuple[str, int], int] = {}
    for d in digests:
        order = sorted(range(len(d.brief.claims)), key=lambda i: (d.brief.claims[i].span, i))
        for i in order:
            c = d.brief.claims[i]
            where[(d.id, i)] = len(claims)
            source = names.canonical(d.id, c.source) or c.source
            claims.append(StoryClaim(**{**c.model_dump(), "source": source}, article=d.id))
    return claims, where


def _voice(digests: Sequence[Digest]) -> Callable[[StoryReport], str]:
    """Who speaks in a report: its source, or the outlet itself (its publisher, else the article)."""
    outlet = {d.id: d.article.publisher or d.id for d in digests}
    return lambda r: r.source or f"{outlet[r.article]} (own report)"


def _figure_disputes(
    figures: Sequence[StoryFigure], digests: Sequence[Digest], claims: Sequence[StoryClaim]
) -> list[Dispute]:
    """A figure whose conflicting reports come from different sources in different articles, at least one of
    them a named source (not two outlets' own words, which stay a `conflict` only), is a dispute: its topic
    names the values, its claims are the story claims that carry those reports."""
    dates = {d.id: d.date for d in digests}
    voice = _voice(digests)
    disputes = []
    for figure in figures:
        involved: set[int] = set()
        for i, j in conflicting_pairs(figure, dates, voice):
            a, b = figure.reports[i], figure.reports[j]
            named = a.source is not None or b.source is not None
            if named and a.article != b.article and voice(a).casefold() != voice(b).casefold():
                involved.update((i, j))
        if not involved:
            continue
        reports = [figure.reports[i] for i in sorted(involved)]
        values = ", ".join(dict.fromkeys(r.text for r in reports))
        held = sorted(
            k
            for k, c in enumerate(claims)
            for r in reports
            if c.article == r.article and c.span[0] < r.span[1] and r.span[0] < c.span[1]
        )
        disputes.append(
            Dispute(
                topic=f"{figure.counts}: {values}",
                sources=sorted({voice(r) for r in reports}, key=str.casefold),
                claims=sorted(set(held)),
            )
        )
    return disputes


def _brief_disputes(
    digests: Sequence[Digest], names: NameIndex, where: dict[tuple[str, int], int]
) -> list[Dispute]:
    disputes = []
    for d in digests:
        for dispute in d.brief.disputes:
            ids = sorted(where[(d.id, i)] for i in dispute.claims if (d.id, i) in where)
            sources = [names.canonical(d.id, s) or s for s in dispute.sources]
            disputes.append(Dispute(topic=dispute.topic, sources=list(dict.fromkeys(sources)), claims=ids))
    return disputes


def _unrelated(
    digests: Sequence[Digest],
    who: Sequence[StoryPerson],
    where: Sequence[StoryPlace],
    when: Sequence[StoryWhen],
) -> list[str]:
    """A warning when some articles share no name, place or date with the rest."""
    if len(digests) < 2:
        return []
    parent = {d.id: d.id for d in digests}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    shared = [p.articles for p in who] + [p.articles for p in where] + [w.articles for w in when if w.date]
    for articles in shared:
        for other in articles[1:]:
            parent[root(other)] = root(articles[0])
    groups: dict[str, list[str]] = {}
    for d in digests:
        groups.setdefault(root(d.id), []).append(d.id)
    if len(groups) == 1:
        return []
    if all(len(g) == 1 for g in groups.values()):
        return [f"the {len(digests)} articles share no name, place or date: they may not be about one event"]
    main = min(groups.values(), key=lambda g: (-len(g), min(g)))
    apart = sorted(i for g in groups.values() if g is not main for i in g)
    return [f"{', '.join(apart)} share no name, place or date with the other articles: maybe another event"]


def story_sha256(digests: Sequence[Digest]) -> str:
    """The story's identity: its articles' hashes, in sorted order (so any order of articles gives it)."""
    return hashlib.sha256("\n".join(sorted(d.article.sha256 for d in digests)).encode()).hexdigest()


def _meta(digests: Sequence[Digest], summary: Summary, caller: Caller | None, seconds: float) -> Meta:
    metas = [d.brief.meta for d in digests]
    prompts = sorted({m.prompt for m in metas})
    return Meta.model_validate(
        {
            "model": caller.backend.label if caller else "+".join(sorted({m.model for m in metas})),
            "prompt": "+".join([*prompts, *([caller.prompt.id] if caller else [])]),
            "article_sha256": story_sha256(digests),
            "input_tokens": sum(m.input_tokens or 0 for m in metas) + summary.usage.input_tokens,
            "output_tokens": sum(m.output_tokens or 0 for m in metas) + summary.usage.output_tokens,
            "attempts": sum(m.attempts for m in metas) + summary.usage.attempts,
            "seconds": round(seconds, 3),
            "cached": all(m.cached for m in metas) and summary.usage.live_calls == 0,
            "endpoint": caller.backend.endpoint if caller else None,
            "articles": len(digests),
            "brief_seconds": round(sum(m.seconds for m in metas), 3),
        }
    )


def assemble(digests: Sequence[Digest], caller: Caller | None, *, started: float | None = None) -> StoryBrief:
    """The story from its briefed articles (any order). `caller` makes the one headline call; without one
    the headline and `what` are taken from the briefs by code (the latest article's, numbers checked)."""
    started = time.perf_counter() if started is None else started
    unique, warnings = _unique(list(digests))
    who, names = merge_who([(d.id, d.brief.who) for d in unique])
    where = merge_places([(d.id, d.brief.where) for d in unique])
    when = merge_when([(d.id, d.brief.when) for d in unique])
    items = [FigureInput(d.id, d.date, f) for d in unique for f in d.brief.figures]
    figures = group_figures(items, lambda it: names.canonical(it.article, it.figure.source), _voice(unique))
    claims, where_claims = _claims(unique, names)
    disputes = _brief_disputes(unique, names, where_claims) + _figure_disputes(figures, unique, claims)
    disputes.sort(key=lambda d: (d.claims, d.topic, d.sources))
    timeline = sorted(
        (t for d in unique for t in d.timeline),
        key=lambda t: (t.date or "", t.article, t.span),
    )
    warnings += _unrelated(unique, who, where, when)
    facts = StoryFacts(unique, who, where, when, figures)
    summary = summarize_facts(caller, facts, story_sha256(unique))
    warnings += summary.warnings
    for d in unique:
        warnings += [f"{d.id}: {w}" for w in (*d.warnings, *d.brief.warnings)]
    return StoryBrief(
        headline=summary.headline,
        what=summary.what,
        articles=[d.article for d in unique],
        who=who,
        where=where,
        when=when,
        figures=figures,
        claims=claims,
        disputes=disputes,
        timeline=timeline,
        warnings=warnings,
        meta=_meta(unique, summary, caller, time.perf_counter() - started),
    )


def run_story(
    sources: Iterable[StorySource],
    summarize: Callable[[Article], Brief],
    caller: Caller | None,
    *,
    concurrency: int = 4,
    progress: Progress | None = None,
) -> StoryBrief:
    """Brief every article, then merge. `caller` is the briefs' caller; the headline call uses the same
    backend, cache and re-asks with the story prompt. Articles that fail are left out, with a warning naming
    each; when none is left, the first failure (by name) is raised."""
    started = time.perf_counter()
    digests, failures = brief_articles(sources, summarize, concurrency=concurrency, progress=progress)
    failures.sort(key=lambda f: f[0])
    if not digests:
        if failures:
            raise failures[0][1]
        raise ArticleError("the story has no articles: pass at least one")
    story_caller = dataclasses.replace(caller, prompt=load_prompt(STORY_PROMPT)) if caller else None
    story = assemble(digests, story_caller, started=started)
    left_out = [f"{label} was left out of the story: {exc}" for label, exc in failures]
    return story.model_copy(update={"warnings": [*left_out, *story.warnings]})
