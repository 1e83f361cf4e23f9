"""Ages: "ages 28, 27 and 25", "aged 45", "a 45-year-old man", "Thomas Sam, 42,". A number that is someone's age
is a figure of kind `age` that says whose it is, never a count of people."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from summarizer.text.counted import Counted
from summarizer.text.numbers import NumberMention
from summarizer.text.wordclasses import PEOPLE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["AGE_WORDS", "age_of"]

AGE_WORDS = {"age", "ages", "aged"}


def age_of(anchor: Token, noun: Token | None, mention: NumberMention) -> Counted | None:
    """ "ages 28, 27 and 25", "aged 45", "a 45-year-old man", "Thomas Sam, 42,": an age, counting whose."""
    near = [anchor, *anchor.ancestors][:3]
    holder: Token | None = None
    if anchor.dep_ in {"appos", "amod", "npadvmod"} and anchor.head.ent_type_ == "PERSON" and noun is None:
        name = [t for t in anchor.head.subtree if t.ent_type_ == "PERSON" and t.i < anchor.i]
        who = anchor.doc.text[name[0].idx : name[-1].idx + len(name[-1].text)] if name else anchor.head.text
        return Counted(f"age of {who}", "age")
    person = anchor.head.tag_ == "NN" and anchor.head.lemma_.lower() in PEOPLE_NOUNS
    if (
        anchor.dep_ in {"appos", "npadvmod"}
        and noun is None
        and person
        and 0 < (mention.quantity.value or 0) < 120
    ):
        return Counted(f"age of {anchor.head.lower_}", "age")  # "A woman, 34, died"
    if noun is not None and noun.lower_ in AGE_WORDS:
        holder = noun.head if noun.dep_ == "appos" else None
    elif any(t.lower_ in AGE_WORDS for t in near):
        holder = next((t.head for t in near if t.lower_ in AGE_WORDS and t.head is not t), None)
    elif re.search(r"-(?:years?|months?|weeks?|days?)-old$", mention.text) or (
        mention.quantity.unit == "years" and "old" in {t.lower_ for t in near}
    ):
        holder = next((t for t in anchor.ancestors if t.pos_ in {"NOUN", "PROPN"}), None)
    else:
        return None
    whose = holder.lower_ if holder is not None and holder.pos_ in {"NOUN", "PROPN"} else "person"
    return Counted(f"age of {whose}", "age")
