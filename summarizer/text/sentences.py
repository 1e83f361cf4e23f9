"""Sentences: the parser's sentence boundaries, and a line break always ends one.

Scraped news puts a headline, a dateline and a caption on lines of their own without final punctuation; the
parser would run them into the lead. Each sentence is `text[start:end]` trimmed of white space, so it can be
a figure's or a claim's evidence as it is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Sentence", "sentence_at", "sentences", "split_sentences"]

_GLUED = re.compile(r"[a-z0-9][.!?][”\"’)]?(?=[A-Z“\"][a-z])")  # "...on September 11.The ..."


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(doc: Doc) -> list[Sentence]:
    text = doc.text
    out: list[Sentence] = []
    for sent in doc.sents:
        start = sent.start_char
        for piece in re.finditer(r"[^\n]+", text[start : sent.end_char]):
            p_start = start + piece.start()
            glued = (p_start + m.end() for m in _GLUED.finditer(piece.group()))
            cuts = [p_start, *glued, start + piece.end()]
            for a, b in pairwise(cuts):
                _add(out, text, a, b)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        out.append(Sentence(start, end, text[start:end]))


def sentence_at(sents: list[Sentence], offset: int) -> Sentence | None:
    """The sentence that holds `offset` (sentences are in text order)."""
    i = bisect_right([s.start for s in sents], offset) - 1
    if i >= 0 and sents[i].start <= offset < sents[i].end:
        return sents[i]
    return None


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a text that has not been parsed yet (parses it; the parse is cached)."""
    from summarizer.text.nlp import parse

    return sentences(parse(text))
