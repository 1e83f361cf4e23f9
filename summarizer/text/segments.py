"""Sentences with their spans, and the sentences that attribute a statement to someone.

News text arrives damaged: paragraphs glued without a space ("the Afghan capital.Fierce fighting"), tokenised
spaces ("six - member"). The splitter works on character offsets so every sentence is an exact slice of the
article, which is what lets a brief cite it as evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CUE_WORDS", "SPEECH_VERBS", "Sentence", "attributed_sentences", "sentence_at", "sentences"]

_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "st",
    "jr",
    "sr",
    "inc",
    "ltd",
    "co",
    "corp",
    "vs",
    "etc",
    "no",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "d.c",
    "a.m",
    "p.m",
    "e.g",
    "i.e",
    "approx",
    "est",
    "fig",
}
_END = re.compile(r"[.!?]+[\"'”’)\]]*")

SPEECH_VERBS = (
    "said",
    "says",
    "told",
    "tells",
    "announced",
    "announces",
    "warned",
    "warns",
    "claimed",
    "claims",
    "stated",
    "added",
    "explained",
    "reported",
    "reports",
    "denied",
    "denies",
    "confirmed",
    "confirms",
    "acknowledged",
    "acknowledges",
    "believes",
    "argued",
    "argues",
    "estimated",
    "estimates",
    "noted",
    "insisted",
    "insists",
    "admitted",
    "urged",
    "alleged",
    "wrote",
    "writes",
    "suggested",
    "suggests",
    "predicted",
    "ruled",
    "concluded",
    "revealed",
    "declared",
    "stressed",
    "maintained",
    "maintains",
    "accused",
    "accuses",
    "described",
    "replied",
    "responded",
    "commented",
    "cautioned",
)
"""Verbs that attribute a statement to a speaker ("X said", "..., Y warned")."""

CUE_WORDS = (
    *SPEECH_VERBS,
    "say",
    "according to",
    "believe",
    "found",
    "criticized",
    "criticised",
    "called",
    "asked",
)
"""What makes a sentence worth reading for an attribution: the speech verbs and a few looser cues
("according to", "called", "found") that attribution.py checks in context."""
_CUE = re.compile(r"\b(" + "|".join(re.escape(c) for c in CUE_WORDS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def _is_boundary(text: str, dot: int, after: int) -> bool:
    """Is the punctuation run text[dot:after] the end of a sentence?"""
    if after >= len(text):
        return True
    nxt = text[after]
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 12) : dot])
    if text[dot] == "." and word:
        token = word.group(1).lower().strip(".")
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            return False
    if nxt.isspace():
        rest = text[after:].lstrip()
        return not rest or not rest[0].islower()
    # Glued sentences: "capital.Fierce" (a lowercase letter or a closing quote before, a capital after).
    prev = text[dot - 1] if dot > 0 else ""
    glued_word = after + 1 < len(text) and text[after + 1].islower()
    return nxt.isupper() and (prev.islower() or prev in "”’\"')" or (prev.isdigit() and glued_word))


def sentences(text: str) -> list[Sentence]:
    """Split into sentences; newlines always end one. Each is `text[start:end]`, trimmed of white space."""
    out: list[Sentence] = []
    pos = 0
    for block in re.finditer(r"[^\n]+", text):
        b_start, b_end = block.span()
        pos = b_start
        for match in _END.finditer(text, b_start, b_end):
            if _is_boundary(text, match.start(), match.end()):
                _add(out, text, pos, match.end())
                pos = match.end()
        _add(out, text, pos, b_end)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        out.append(Sentence(start, end, text[start:end]))


def sentence_at(sents: list[Sentence], offset: int) -> Sentence | None:
    for sent in sents:
        if sent.start <= offset < sent.end:
            return sent
    return None


def attributed_sentences(sents: list[Sentence]) -> list[tuple[Sentence, Sentence | None]]:
    """Sentences with a reporting cue, each with the next sentence when that one is a bare quotation
    (a speaker named in one sentence, quoted in the next)."""
    out: list[tuple[Sentence, Sentence | None]] = []
    for i, sent in enumerate(sents):
        if not _CUE.search(sent.text):
            continue
        follow = sents[i + 1] if i + 1 < len(sents) else None
        if follow is not None and not (follow.text[:1] in '"“' and not _CUE.search(follow.text)):
            follow = None
        out.append((sent, follow))
    return out
