"""Who says what, found by code: reporting cues, their speakers, the reported clause and direct quotes.

News attribution is formulaic ("X said ...", "according to X, ...", "... , X said", "X, a spokesman, said"),
which code reads more reliably than a 1.5B model and with no tokens spent. Each attribution points at the
article by offsets, so a claim's source, statement and quote are all the article's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.text.alignment import stands_alone
from summarizer.text.segments import SPEECH_VERBS, Sentence

__all__ = ["Attribution", "attribute", "proper_nouns"]

_CUE_RE = "|".join(SPEECH_VERBS)
_AUX = r"(?:\s+(?:has|have|had|also|later|earlier|previously|then|today|yesterday|once|again))*"
_WORD = r"[A-Z][\w’'&-]*"
_LINK = r"(?:of|the|for|de|du|la|von|van|al)"
_NAME = rf"{_WORD}(?:\s+(?:{_LINK}\s+)?{_WORD})*"
_PRONOUNS = {"he", "she", "they", "it", "we"}
_BOUNDARY = re.compile(
    r"(?:^|[,;:(\"“”]|\s[-–—]\s|\b(?:that|and|but|while|when|after|as|because|who|which)\b)", re.I
)

_ACCORDING = re.compile(
    r"\b(according to)\s+(?:the\s+)?((?:[\w’'.&-]+\s*){1,8}?)\s*(?=[,.;:]|\s+(?:over|more|at|about|some)\b)",
    re.I,
)
_SUBJECT_CUE = re.compile(
    rf"(?P<subject>[\w’'.&-]+(?:\s+[\w’'.&-]+){{0,7}}?)(?P<appos>,[^,]{{3,90}},)?{_AUX}\s+(?P<cue>{_CUE_RE})\b"
)
_CUE_SUBJECT = re.compile(rf"[,”\"]\s*(?P<cue>{_CUE_RE})\s+(?P<subject>(?:the\s+)?{_NAME})", re.I)
_QUOTE = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]")


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str
    cue: str
    statement: str
    quote: str | None


def _clean_subject(text: str) -> str | None:
    """Trim a speaker phrase to the words after the last clause boundary; drop determiners."""
    cut = 0
    for match in _BOUNDARY.finditer(text):
        cut = match.end()
    words = text[cut:].strip().split()
    for i in range(len(words) - 1, -1, -1):  # a dateline or a number ends the phrase before the speaker
        if any(ch.isdigit() for ch in words[i]):
            words = words[i + 1 :]
            break
    for i in range(len(words) - 1, 0, -1):  # "... The Riverton council": the speaker starts at its article
        if words[i].lower() in {"the", "a", "an"}:
            words = words[i:]
            break
    while words and words[0].lower() in {"the", "a", "an", "also", "but", "and", "then"}:
        words = words[1:]
    if not words:
        return None
    phrase = " ".join(words).strip(" ,.;:")
    if not phrase or phrase.lower() in {"this", "that", "which", "who"}:
        return None
    if not any(ch.isupper() for ch in phrase) and phrase.lower() not in _PRONOUNS and len(words) > 3:
        return None
    return phrase


def _statement(text: str, start: int) -> str:
    clause = text[start:].strip()
    clause = re.sub(r"^(?:(?:\S+\s+){0,4}?that\s+)", "", clause, flags=re.I)
    return clause.strip(' ,.;:"“”')


def attribute(
    sentence: Sentence, follow: Sentence | None = None, last_speaker: str | None = None
) -> Attribution | None:
    """The attribution in one sentence (and a bare quotation that follows it), if it has one."""
    text = sentence.text
    quote_text = follow.text if follow is not None else ""
    found: tuple[str, str, str] | None = None
    match = _ACCORDING.search(text)
    if match:
        source = match.group(2).strip(" ,")
        rest = (text[: match.start()] + text[match.end() :]).strip(" ,")
        found = (source, match.group(1).lower(), rest)
    if found is None:
        match = _SUBJECT_CUE.search(text)
        if match:
            subject = _clean_subject(match.group("subject"))
            cue, end = match.group("cue"), match.end()
            chained = re.match(rf"\s+({_CUE_RE})\b", text[end:])
            if subject and chained:  # "Media reports said": the first cue word is part of the speaker
                subject, cue, end = f"{subject} {cue}", chained.group(1), end + chained.end()
            passive = subject is not None and subject.split()[-1].lower() in {
                "was",
                "were",
                "is",
                "are",
                "been",
                "be",
            }
            if subject and not passive:
                found = (subject, cue, _statement(text, end))
    if found is None:
        match = _CUE_SUBJECT.search(text)
        if match:
            found = (match.group("subject").strip(), match.group("cue"), text[: match.start()].strip(' ,"“”'))
    if found is None:
        return None
    source, cue, statement = found
    source = source.strip(" .,;:")
    if source.lower() in _PRONOUNS:
        if not last_speaker:
            return None
        source = last_speaker
    quotes = _QUOTE.findall(text + " " + quote_text)
    quote = max(quotes, key=len).rstrip(" ,;:") if quotes else None
    if not statement and quote:
        statement = quote
    if len(statement.split()) < 2:
        return None
    return Attribution(
        source=source, cue=cue.lower(), statement=" ".join(statement.split()[:60]), quote=quote
    )


_PROPER = re.compile(
    rf"(?<![\w’'-])({_WORD}(?:(?:\s+|\s+{_LINK}\s+(?:the\s+)?){_WORD})*(?:[’']s\s+{_NAME})?)"
)
_COMMON_STARTS = {
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "according",
    "all",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "its",
    "our",
    "after",
    "before",
    "when",
    "while",
    "as",
    "if",
    "for",
    "with",
    "by",
    "from",
    "to",
    "of",
    "there",
    "here",
    "some",
    "many",
    "most",
    "one",
    "two",
    "three",
    "last",
    "next",
    "earlier",
    "later",
    "yesterday",
    "today",
    "however",
    "meanwhile",
    "also",
    "since",
    "during",
    "despite",
    "although",
    "though",
    "because",
    "so",
    "then",
    "now",
    "what",
    "who",
    "where",
    "how",
    "fierce",
    "media",
    "recent",
    "more",
    "other",
    "several",
    "each",
    "every",
    "both",
    "no",
    "not",
    "date",
}
_NOT_NAMES = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "photo",
    "image",
    "file",
}


_CONTRACTIONS = {
    "i'll",
    "i'm",
    "i've",
    "i'd",
    "it's",
    "there's",
    "theres",
    "that's",
    "we're",
    "we'll",
    "he's",
    "she's",
}
_COUNT_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "dozens", "millions",
}  # fmt: skip
_POSSESSIVE_END = re.compile(r"[’']s$")


def _by_position(text: str, offset: int, starts: set[int]) -> bool:
    """Whether a word at `offset` is capitalised by its position: a sentence or line start, or just after an
    opening quote or bracket."""
    if offset in starts:
        return True
    before = text[:offset].rstrip(" \t")
    return not before or before[-1] in '\n“"‘(['


def proper_nouns(text: str, sentences: list[Sentence], limit: int = 24) -> list[tuple[str, int]]:
    """Capitalised name phrases with the offset of their first use, most used first (ties: earliest).

    Not names: a possessive's "'s" ("Sweden's" is "Sweden"), contractions ("I'm"), and a single word that is
    capitalised only where a sentence starts while the article also uses it in lower case ("Hundreds of
    people...", "... hundreds more") or that is a count word ("Six"). Nationality words stay: a reference may
    name "Afghan forces", and the model says what each name is."""
    starts = {s.start for s in sentences}
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    placed: dict[str, bool] = {}  # single words: every use so far capitalised by position
    for match in _PROPER.finditer(text):
        phrase = _POSSESSIVE_END.sub("", match.group(1).strip(" .,’'-")).strip(" .,’'-")
        offset = match.start(1)
        words = phrase.split()
        while words and (
            words[0].lower() in _COMMON_STARTS
            or words[0].lower().strip(".") in _NOT_NAMES
            or words[0].lower().replace("’", "'") in _CONTRACTIONS
        ):
            words = words[1:]
            offset = text.find(words[0], offset) if words else offset
        while words and words[-1].lower() in {"of", "the", "and", "for", "on", "in"}:
            words = words[:-1]
        if not words:
            continue
        phrase = " ".join(words)
        if len(phrase) < 3 or phrase.lower() in _NOT_NAMES or (phrase.isupper() and len(phrase) > 12):
            continue
        if offset in starts and len(words) == 1 and phrase.lower() in _COMMON_STARTS:
            continue
        counts[phrase] = counts.get(phrase, 0) + 1
        first.setdefault(phrase, offset)
        if len(words) == 1:
            placed[phrase] = placed.get(phrase, True) and _by_position(text, offset, starts)
    for phrase, only_by_position in placed.items():
        lower = phrase.lower()
        if lower in _COUNT_WORDS or (only_by_position and stands_alone(text, lower)):
            del counts[phrase]
    ranked = sorted(counts, key=lambda p: (-counts[p], first[p]))[:limit]
    return sorted(((p, first[p]) for p in ranked), key=lambda item: item[1])
