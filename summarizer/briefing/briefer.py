"""A brief from an article: code finds the candidates, the model labels them one by one, code assembles.

Code finds the names (capitalised phrases), the numbers (numbers.py), the dates (dates.py) and who says what
(attribution.py). The model writes the headline and `what`, says what kind of thing each name is and what each
number counts, one short call each, and names contradictions between claims. Every call starts with the same
fenced copy of the article, so a local model evaluates the article once per brief and each further call costs
only its own few tokens.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from summarizer.llm import answers as P
from summarizer.text.alignment import search_after
from summarizer.articles import Article
from summarizer.text.attribution import Attribution, attribute, proper_nouns
from summarizer.contract import Brief, Claim, Dispute, Figure, Meta, Person, Place, When
from summarizer.text.dates import find_dates
from summarizer.errors import AnswerPending, ContextLengthError
from summarizer.briefing.grounding import aliases_for, check_brief, source_for
from summarizer.text.numbers import NumberMention, find_numbers
from summarizer.llm.call import Caller, Usage
from summarizer.llm.prompts import Fence
from summarizer.text.segments import Sentence, attributed_sentences, sentence_at, sentences

__all__ = ["Briefer"]

MAX_NAMES = 32
MAX_FIGURES = 40
_RESERVED_TOKENS = 1200  # room for instructions, one candidate and the answer in the context window
_WHO_KINDS = {"person", "organization", "group", "government"}
_WHERE_KINDS = {"country", "region", "city", "site"}
_ACTS = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?[a-z]+ed\b")  # "Pakistan has denied": a country acting
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+([^,.;]{3,60}),")

Run = Callable[..., Any]


@dataclass
class Briefer:
    caller: Caller
    fence_secret: bytes | None = None
    """Set by the Batch API path: the same article gets the same fence, so its requests repeat exactly."""
    parallel: bool = True
    """Send a brief's independent calls at once where the backend serves them so (servers, not in-process)."""

    def brief(self, article: Article) -> Brief:
        started = time.perf_counter()
        text = article.text
        self._check_length(text)
        fence = Fence.new(text, self.fence_secret)
        date = article.date.isoformat() if article.date else None
        usage = Usage()
        warnings: list[str] = []
        lock = threading.Lock()

        def runner(notes: list[str]) -> Run:
            def run(task: str, model: type[Any], max_tokens: int, **context: Any) -> Any:
                extra = {k: v for k, v in context.items() if k != "sources"}
                messages = self.caller.prompt.messages(task, fence=fence, article=text, date=date, **extra)
                outcome = self.caller.call(
                    task,
                    messages,
                    model,
                    {"article": text, **context},
                    fence=fence,
                    max_tokens=max_tokens,
                    article_sha256=article.sha256,
                    drop=P.drop_items,
                )
                with lock:
                    usage.add(outcome.usage)
                notes.extend(f"{task}: {w}" for w in outcome.warnings)
                return outcome.value

            return run

        if self.caller.prompt.passes == ("single",):
            return self._single(article, fence, date, started)
        sents = sentences(text)
        attributions = _attributions(sents)
        # The first three calls need only the article, no model answer. Against a server they go out at once
        # (a brief then waits two round trips, not four); on the Batch API path each is asked even when
        # another is still pending, so all three go in one round and the disputes call in the next.
        notes: tuple[list[str], list[str], list[str]] = ([], [], [])
        waiting: list[AnswerPending] = []

        def asked(call: Callable[[], Any]) -> Any:
            try:
                return call()
            except AnswerPending as exc:
                waiting.append(exc)
                return None

        summary, entities, counted = _together(
            [
                lambda: asked(lambda: runner(notes[0])("summary", P.SummaryOut, 200)),
                lambda: asked(lambda: self._entities(runner(notes[1]), text, sents, attributions)),
                lambda: asked(lambda: self._count_figures(runner(notes[2]), text, sents, notes[2])),
            ],
            parallel=self.parallel and self.caller.backend.parallel_calls,
        )
        for note in notes:
            warnings.extend(note)
        if waiting:
            raise AnswerPending(f"{len(waiting)} answers pending")
        who, where = entities
        claims = _claims(attributions, text, who)
        figures = _figures(counted, attributions, text, who)
        disputes = self._disputes(runner(warnings), claims)
        brief = Brief(
            headline=summary.headline.strip(),
            what=summary.what.strip(),
            who=who,
            where=where,
            when=_when(article),
            figures=figures,
            claims=claims,
            disputes=disputes,
            warnings=warnings,
            meta=self._meta(
                article, usage, started, date, cached=usage.live_calls == 0 and usage.cached_calls > 0
            ),
        )
        return _enforce(brief, text)

    def _single(self, article: Article, fence: Fence, date: str | None, started: float) -> Brief:
        """The unchecked single-call baseline (prompt `single`), for measurement only."""
        from summarizer.briefing.baseline import SINGLE_MAX_TOKENS, SingleOut, assemble

        messages = self.caller.prompt.messages("single", fence=fence, article=article.text, date=date)
        outcome = self.caller.call(
            "single",
            messages,
            SingleOut,
            {},
            fence=fence,
            max_tokens=SINGLE_MAX_TOKENS,
            article_sha256=article.sha256,
            drop=P.drop_items,
            grow=False,
        )
        usage = outcome.usage
        return Brief(
            **assemble(outcome.value, article.text),
            warnings=["unchecked single-call baseline"],
            meta=self._meta(article, usage, started, date, cached=usage.live_calls == 0),
        )

    def _meta(
        self, article: Article, usage: Usage, started: float, date: str | None, *, cached: bool
    ) -> Meta:
        return Meta(
            model=self.caller.backend.label,
            prompt=self.caller.prompt.id,
            article_sha256=article.sha256,
            input_tokens=usage.input_tokens,
            output_tokens=usage.output_tokens,
            attempts=usage.attempts,
            seconds=round(time.perf_counter() - started, 3),
            cached=cached,
            article_date=date,
            endpoint=self.caller.backend.endpoint,
        )

    def _check_length(self, text: str) -> None:
        limit = self.caller.backend.context_tokens
        if limit is None or len(text) // 2 + _RESERVED_TOKENS < limit:
            return  # surely fits (a token is more than two characters of prose): no tokenizer needed
        tokens = self.caller.backend.count_tokens(text)
        if tokens + _RESERVED_TOKENS > limit:
            raise ContextLengthError(
                f"the article is {tokens:,} tokens, too long for this model's {limit:,}-token context: "
                "split it, or use a model with a longer context"
            )

    def _entities(
        self, run: Run, text: str, sents: list[Sentence], attributions: list[tuple[Sentence, Attribution]]
    ) -> tuple[list[Person], list[Place]]:
        speakers = {a.source.casefold() for _, a in attributions}
        people: list[Person] = []
        places: list[Place] = []
        names = [name for name, _ in proper_nouns(text, sents, limit=MAX_NAMES)]
        if not names:
            return [], []
        out = run("entities", P.kinds_model(tuple(names)), 12 + 10 * len(names))
        for name, kind in zip(names, out.answers(), strict=True):
            if kind == "none":
                continue
            if kind in _WHERE_KINDS:
                places.append(Place(name=name, kind=kind, within=None))
            acts = kind == "country" and (
                name.casefold() in speakers or search_after(text, name, _ACTS) is not None
            )
            if kind in _WHO_KINDS or acts:
                people.append(Person(name=name, kind=kind, role=_role(name, text), aliases=[]))
        people = _merge_people(people)
        names = [p.name for p in people]
        taken = [p.name for p in people]
        for person in people:
            person.aliases = aliases_for(person.name, person.kind, text, others=taken)
        return people, places

    def _count_figures(
        self, run: Run, text: str, sents: list[Sentence], warnings: list[str]
    ) -> list[tuple[NumberMention, Sentence, str]]:
        """Every number code finds, with what the model says it counts (numbers it cannot name are dropped)."""
        mentions = find_numbers(text)
        if len(mentions) > MAX_FIGURES:
            warnings.append(f"figure: only the first {MAX_FIGURES} of {len(mentions)} numbers were labelled")
        found = []
        for mention in mentions[:MAX_FIGURES]:
            sent = sentence_at(sents, mention.start)
            if sent is not None and mention.end <= sent.end:
                found.append((mention, sent))
        if not found:
            return []
        keys = [f"{i + 1}: {m.text}" for i, (m, _) in enumerate(found)]
        candidates = [{"key": key, "sentence": sent.text} for key, (_, sent) in zip(keys, found, strict=True)]
        out = run("figures", P.counts_model(tuple(keys)), 16 + 22 * len(keys), candidates=candidates)
        counted = []
        for (mention, sent), counts in zip(found, out.answers(), strict=True):
            counts = counts.strip(" ,.;:")
            if not re.search(r"[A-Za-z]{3,}", counts):
                warnings.append(f"figures: dropped {mention.text!r}: the model did not say what it counts")
                continue
            counted.append((mention, sent, counts))
        return counted

    def _disputes(self, run: Run, claims: list[Claim]) -> list[Dispute]:
        if len({c.source.casefold() for c in claims}) < 2:
            return []
        listed = [{"id": i + 1, "source": c.source, "statement": c.statement} for i, c in enumerate(claims)]
        out = run(
            "disputes",
            P.DisputesOut,
            120,
            claims=listed,
            sources={i + 1: c.source for i, c in enumerate(claims)},
        )
        disputes = []
        for d in out.disputes:
            ids = sorted({i - 1 for i in d.claims if 1 <= i <= len(claims)})
            sources = list(dict.fromkeys(claims[i].source for i in ids))
            if len(sources) >= 2:
                disputes.append(Dispute(topic=d.topic.strip(), sources=sources, claims=ids))
        return disputes


_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _together(calls: list[Callable[[], Any]], *, parallel: bool) -> list[Any]:
    """Each call's result, in order. In parallel the first runs here and the rest on a shared pool; an error
    is raised in call order either way, so the same failure surfaces as when they run one by one."""
    if not parallel or len(calls) < 2:
        return [call() for call in calls]
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=64, thread_name_prefix="summarizer-call")
    futures = [_pool.submit(call) for call in calls[1:]]
    try:
        first = calls[0]()
    finally:
        wait(futures)  # nothing keeps running behind an error
    return [first, *(f.result() for f in futures)]


def _figures(
    counted: list[tuple[NumberMention, Sentence, str]],
    attributions: list[tuple[Sentence, Attribution]],
    text: str,
    who: list[Person],
) -> list[Figure]:
    said = {sent.start: a for sent, a in attributions}
    figures: list[Figure] = []
    for mention, sent, counts in counted:
        attribution = said.get(sent.start)
        q = mention.quantity
        figures.append(
            Figure(
                text=mention.text,
                value=q.value,
                upper=q.upper,
                approx=q.approx,
                counts=counts,
                unit=q.unit,
                source=source_for(attribution.source, text, who) if attribution else None,
                evidence=sent.text,
                span=(sent.start, sent.end),
            )
        )
    return figures


def _attributions(sents: list[Sentence]) -> list[tuple[Sentence, Attribution]]:
    found: list[tuple[Sentence, Attribution]] = []
    last: str | None = None
    for sent, follow in attributed_sentences(sents):
        attribution = attribute(sent, follow, last)
        if attribution is not None:
            found.append((sent, attribution))
            last = attribution.source
    return found


def _claims(attributions: list[tuple[Sentence, Attribution]], text: str, who: list[Person]) -> list[Claim]:
    claims: list[Claim] = []
    for sent, a in attributions:
        end = sent.end
        if a.quote and a.quote not in sent.text:
            # The quotation is the bare sentence that follows: the evidence covers both.
            found = text.find(a.quote, sent.end)
            if found == -1:
                continue
            end = (
                found + len(a.quote) + 1
                if text[found + len(a.quote) : found + len(a.quote) + 1] in '”"'
                else (found + len(a.quote))
            )
        evidence = text[sent.start : end]
        claims.append(
            Claim(
                source=source_for(a.source, text, who) or a.source,
                cue=a.cue,
                statement=a.statement,
                quote=a.quote if a.quote and a.quote in evidence else None,
                evidence=evidence,
                span=(sent.start, end),
            )
        )
    return claims


def _role(name: str, text: str) -> str | None:
    """An appositive right after the name: "Zia, a former Army Chief of Staff, said"."""
    match = search_after(text, name, _APPOSITIVE)
    return match.group(1).strip() if match else None


def _merge_people(people: list[Person]) -> list[Person]:
    """One entry per entity: a short name that holds a longer one's head word and no other word of its own
    ("Ministry" in "Defense Ministry", "Mujahid" in "Zabihullah Mujahid") merges into it; "Taliban" does not
    merge into "Taliban Spokesman Zabihullah Mujahid"."""

    def words(name: str) -> list[str]:
        return name.casefold().replace("’s", "").replace("'s", "").split()

    kept: list[Person] = []
    for person in sorted(people, key=lambda p: -len(p.name)):
        mine = words(person.name)
        if any(set(mine) <= set(words(k.name)) and words(k.name)[-1] in mine for k in kept):
            continue
        kept.append(person)
    order = {p.name: i for i, p in enumerate(people)}
    return sorted(kept, key=lambda p: order[p.name])


def _when(article: Article) -> list[When]:
    items: list[When] = []
    seen: set[tuple[str, str | None]] = set()
    for mention in find_dates(article.text, article.date):
        if mention.start < 40 and article.text[: mention.start].strip().lower() in {"", "date"}:
            continue  # the dateline itself is the article's date, not an event in it
        key = (mention.text.casefold(), mention.date.isoformat() if mention.date else None)
        if key in seen:
            continue
        seen.add(key)
        items.append(When(text=mention.text, date=key[1]))
    return items


def _enforce(brief: Brief, text: str) -> Brief:
    """Last line of defence: anything that breaks an invariant leaves the brief, with a warning."""
    if not check_brief(brief, text):
        return brief
    figures = [
        f
        for f in brief.figures
        if not check_brief(brief.model_copy(update={"figures": [f], "claims": []}), text)
    ]
    claims = [
        c
        for c in brief.claims
        if not check_brief(brief.model_copy(update={"figures": [], "claims": [c]}), text)
    ]
    dropped = len(brief.figures) - len(figures) + len(brief.claims) - len(claims)
    return brief.model_copy(
        update={
            "figures": figures,
            "claims": claims,
            "disputes": [] if len(claims) != len(brief.claims) else brief.disputes,
            "warnings": [*brief.warnings, f"dropped {dropped} items whose evidence failed the final check"],
        }
    )
