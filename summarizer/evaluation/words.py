"""Words for scoring: one tokenizer, a light stemmer, and the word lists the matching policies name.

Every text comparison in the scorers goes through `tokenize` (casefold, strip accents, drop possessive 's and
apostrophes/periods but keep decimals, split on the rest) and, for free text, `content` (stopwords dropped,
tokens stemmed). Pure Python and deterministic; the results of texts that recur (references, counts,
statements) are cached.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from summarizer.text.lexicon import NUMBER_WORDS, TENS_WORDS

__all__ = [
    "GENERIC_NAME_WORDS",
    "NAME_SUFFIXES",
    "STOPWORDS",
    "content",
    "content_of",
    "content_string",
    "distinct_words",
    "stem",
    "tokenize",
    "tokens",
]


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words: carry no content in statements, `what` summaries or `counts`.
STOPWORDS = _word_set(
    """
    a about above after again against all also am an and any are as at be been before being below between both
    but by can could did do does doing down during each few for from further had has have having he her here
    hers herself him himself his how i if in into is it its itself just may me might more most must my myself
    no nor not now of off on once only or other our ours out over own same she should so some such than that
    the their theirs them themselves then there these they this those through to too under until up very was
    we were what when where which while who whom why will with would you your yours
    """
)

# Words that do not identify an entity or place on their own ("Ministry" is not "Defense Ministry"). Used only
# by the containment rule of the name policy, never to drop words from exact or fuzzy comparison.
GENERIC_NAME_WORDS = STOPWORDS | _word_set(
    """
    administration agency army association authorities authority bureau capital chief city co commission
    committee company corp corporation council county court department director district dr federal force
    forces general government governor group head inc island islands leader llc ltd mayor military minister
    ministry mr mrs ms national office official officials organisation organization party people plc police
    president prime province provincial public region republic secretary senior service services sir spokesman
    spokesperson spokeswoman state town university village
    """
)

# Trailing tokens that are not the head of a name ("Samsung Electronics Co" has head "electronics").
NAME_SUFFIXES = frozenset({"co", "corp", "inc", "jr", "llc", "ltd", "plc", "sr"})

# A handful of synonyms that news writers alternate freely when counting casualties.
_SYNONYMS = {
    "dead": "kill",
    "death": "kill",
    "deaths": "kill",
    "die": "kill",
    "died": "kill",
    "fatalities": "kill",
    "fatality": "kill",
    "killed": "kill",
    "injured": "injur",
    "injuries": "injur",
    "injury": "injur",
    "wounded": "injur",
    "hurt": "injur",
}
# Small number words (zero to twenty), so that "three" meets "3" in statements and summaries.
_SYNONYMS.update(
    (word, str(int(value))) for word, value in {**NUMBER_WORDS, **TENS_WORDS}.items() if value <= 20
)

# Each pattern starts with the character it is about, so that the regex engine can skip to it; the lookbehind
# that follows checks the character before it (same matches as "(?<=\w)'s\b", "(?<=\d),..." and so on).
_POSSESSIVE = re.compile(r"['\u2019](?<=\w['\u2019])s\b")
_DIGIT_COMMA = re.compile(r",(?<=\d,)(?=\d{3}(?!\d))")
_DROPPED = re.compile(r"['\u2019`]|\.(?:(?<!\d\.)|(?!\d))")
_TOKEN = re.compile(r"\d+(?:\.\d+)*|[^\W_]+")
# ASCII characters that can only separate tokens: all but letters, digits and the period of a decimal.
_ASCII_SEPARATORS = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == ".")}
)
# ASCII characters to drop (apostrophes, backquotes, periods) or to space out (the other separators).
_ASCII_DROP_AND_SEPARATE = str.maketrans(
    {chr(c): "" if chr(c) in "'`." else " " for c in range(128) if not chr(c).isalnum()}
)


def tokenize(text: str) -> tuple[str, ...]:
    """Casefold, strip accents, drop possessive 's and apostrophes/periods (keeping decimals), split.

    The rule is four regular expressions (tests/evaluation/test_scorers.py writes them out plainly and holds
    this function to them). The regular expressions dominate the cost of scoring, so each runs only when its
    pattern can match at all, and ASCII text that needs none of them is split with str methods.
    """
    if text.isascii():
        plain = text.casefold()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    if "'" in plain or "\u2019" in plain:
        plain = _POSSESSIVE.sub("", plain)
    if not plain.isascii():
        if "," in plain:
            plain = _DIGIT_COMMA.sub("", plain)
        if "'" in plain or "\u2019" in plain or "`" in plain or "." in plain:
            plain = _DROPPED.sub("", plain)
        return tuple(_TOKEN.findall(plain))
    return _ascii_tokens(plain)


def _ascii_tokens(plain: str) -> tuple[str, ...]:
    """`tokenize` of casefolded ASCII text without a possessive 's."""
    bare = plain.replace(" ", "")
    if bare.isalnum():
        # Letters, digits and spaces only (most names): nothing to drop, and the words are the tokens unless
        # one mixes digits and letters.
        if bare.isalpha():
            return tuple(plain.split())
    elif not any(map(plain.__contains__, "0123456789")):
        # Without digits no comma goes and every apostrophe, backquote and period does, and every token is a
        # run of letters: deleting those and spacing out the rest leaves the tokens separated by spaces.
        return tuple(plain.translate(_ASCII_DROP_AND_SEPARATE).split())
    else:
        if "," in plain:
            plain = _DIGIT_COMMA.sub("", plain)
        if "'" in plain or "`" in plain or "." in plain:
            plain = _DROPPED.sub("", plain)
        plain = plain.translate(_ASCII_SEPARATORS)
    # _TOKEN never matches across a separator, so it can run word by word, and a word of only letters or only
    # digits is a token as it stands.
    found: list[str] = []
    for word in plain.split():
        if word.isalpha() or word.isdigit():
            found.append(word)
        else:
            found.extend(_TOKEN.findall(word))
    return tuple(found)


tokens = lru_cache(maxsize=65536)(tokenize)
"""`tokenize`, remembered: for texts that recur."""


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """Light suffix stripping so that "militants killed" meets "militant killing"; not linguistics."""
    if token in _SYNONYMS:
        return _SYNONYMS[token]
    if token.isdigit() or len(token) <= 3:
        return token
    if token.endswith("ies") and len(token) > 4:
        token = token[:-3] + "y"
    elif token.endswith("sses"):
        token = token[:-2]
    elif token.endswith("s") and not token.endswith(("ss", "us", "is")):
        token = token[:-1]
    for suffix in ("ing", "ed"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            token = token[: -len(suffix)]
            break
    if token.endswith("e") and len(token) > 3:
        token = token[:-1]
    return token


def content_of(text: str) -> tuple[str, ...]:
    """Stemmed content tokens of free text (stopwords removed), in order; not remembered (a brief's own
    text rarely recurs)."""
    return tuple(map(stem, [t for t in tokenize(text) if t not in STOPWORDS]))


@lru_cache(maxsize=65536)
def content(text: str) -> tuple[str, ...]:
    """`content_of`, remembered: for texts that recur (references, statements, counts)."""
    return tuple(map(stem, [t for t in tokens(text) if t not in STOPWORDS]))


@lru_cache(maxsize=65536)
def content_string(text: str) -> str:
    """The content words of ``text`` joined by spaces: the form rapidfuzz compares."""
    return " ".join(content(text))


@lru_cache(maxsize=8192)
def distinct_words(text: str) -> int:
    """How many different words a space-joined text has."""
    return len(set(text.split()))
