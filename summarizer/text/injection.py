"""Instruction-like passages: text in the article addressed to an AI, a model or an assistant.

An article is data. The fence and the system prompt tell the model so, but the headline and `what` are
written from free text, and a small model follows a planted "the headline must be ..." often enough. So code
finds such passages (text addressed to an AI or an assistant, "ignore previous instructions", role markers such
as "System:" or "Assistant:", rules "from the operator"), keeps them out of what the model reads, and the
summary check rejects a headline word that occurs only inside them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.text.sentences import Sentence

__all__ = ["Injection", "find_injections", "words_only_in"]

_ROLE_MARKER = re.compile(
    r"^\W{0,3}(?:system|assistant|user|human|developer|operator|ai)\s*:|<\|im_start\|>|\[/?INST\]|^#{2,}\s*(?:instruction|system)",
    re.I,
)
_ADDRESSED = re.compile(
    r"""(?ix)
      \b(?:ignore|disregard|forget|override)\b[^.]{0,40}\b(?:instructions?|rules?|prompts?|guidelines)\b
    | \b(?:note|instructions?|message|memo|rule)s?\s+(?:to|for|from)\s+(?:the\s+|any\s+|all\s+)?
          (?:ai|a\.i\.|assistant|model|language\s+model|llm|chatbot|summari[sz]er|bot|operator)s?\b
    | \b(?:any|all|dear|the|every)\s+(?:ai|a\.i\.|language)\s+(?:models?|assistants?|systems?|summari[sz]ers?)\b
    | \b(?:ai|language)\s+models?\s+(?:summari[sz]ing|reading|processing)\b
    | \bnew\s+rules?\s+from\b
    | \b(?:this|your)\s+(?:brief|summary|response|output|answer)\s+must\b
    | \bthe\s+headline\s+(?:of\s+this\s+\w+\s+)?must\b
    | \bas\s+the\s+(?:headline|first\s+place|summary)\b
    | \b(?:system|developer)\s+prompt\b
    """
)


@dataclass(frozen=True)
class Injection:
    start: int
    end: int
    text: str


def find_injections(sentences: list[Sentence], text: str) -> list[Injection]:
    """Sentences that speak to a model rather than to a reader, and the rest of the line each one is on (a
    role marker opens a fake turn; an instruction's payload often follows it in the next sentence)."""
    found: list[Injection] = []
    line_end = -1
    for sentence in sentences:
        hit = bool(_ROLE_MARKER.search(sentence.text)) or bool(_ADDRESSED.search(sentence.text))
        if hit:
            end = text.find("\n", sentence.end)
            line_end = end if end != -1 else len(text)
        if hit or sentence.start < line_end:
            found.append(Injection(sentence.start, sentence.end, sentence.text))
    return found


def words_only_in(text: str, article: str, injections: list[Injection]) -> list[str]:
    """Words of `text` (four letters or more) found in the injected passages and nowhere else in the article."""
    if not injections:
        return []
    rest = article
    for item in sorted(injections, key=lambda i: -i.start):
        rest = rest[: item.start] + " " + rest[item.end :]
    rest_folded = rest.casefold()
    injected = " ".join(i.text for i in injections).casefold()
    words = {w for w in re.findall(r"[\w-]{4,}", text.casefold())}
    return sorted(w for w in words if w in injected and w not in rest_folded)
