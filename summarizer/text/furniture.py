"""Page furniture: the parts of a scraped page that are not the story.

Photo credits, bylines, agency tags, share buttons, embedded social posts and shouting headings hold names
("Getty Images", "SEATTLEPI Police", "Follow Ashley May") that are nobody in the story. Code marks those lines
and tokens so the name finder and the main-actor finder skip them; figures and claims are still grounded in
the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.text.wordclasses import TIME_ZONES

__all__ = ["Furniture", "find_furniture", "junk_name"]

_LINE_FURNITURE = re.compile(
    r"""(?ix)
    ^\s*(?:
        (?-i:(?!(?:A|An|The)\s)[A-Z][\w.'’]*\s+){0,3}(?:photo|image|picture|video|credit|caption|graphic)s?
        \s*(?::|by\s+(?-i:[A-Z]))
                                                             # "Photo: AP", "Herald photo by ..."
      | (?:--|—|–|-)?\s*(?-i:[A-Z][\w.'’]*\s+){1,5}staff(?:\s+(?:report|writer|reporter)s?)?\s*$
                                                             # "— Ohio Valley Sentinel staff report"
      | (?:by|written\ by|reporting\ by|follow)\s+[A-Z@]                       # bylines
      | (?:read|share|skip|advert|advertisement|sponsored|related|recommended|subscribe|sign\ up|click)\b
      | (?:copyright|©|\(c\))
      | (?:posted|published|updated|last\ updated)\b
    )""",
)
_INLINE = [
    re.compile(r"\((?:Photo|Image|Picture)s?:[^)]{0,120}\)", re.I),
    re.compile(r"(?:Photo|Image)s?:\s+[^.\n]{0,80}?(?:AP|Reuters|AFP|Getty Images|EPA|PA)\b", re.I),
    re.compile(r"\b(?:Getty Images|Associated Press|AFP|Reuters|EPA)(?:\s*/\s*\w+)?\b(?=\s*[A-Z(])"),
    # a caption's credit after its text: "... the first shuttle launch.  Image: NASA Bill Ingalls."
    re.compile(
        r"(?<![^\s.])(?:Photo|Image|Picture|Video)s?(?: credit)?:\s+[^\n.:]{1,60}(?=\.?\s*(?:\n|$))", re.I
    ),
    re.compile(r"Read or Share this story:[^\n]*", re.I),
    re.compile(r"Skip Ad[^\n]{0,60}?Share\b", re.I),
    re.compile(r"pic\.twitter\.com/\S+"),
    re.compile(r"(?:^|\s)(?:--|—|–)\s*[^\n(]{1,60}\(@\w+\)[^\n]{0,40}?\d{4}"),  # an embedded tweet's footer
    re.compile(r"@\w+|#\w+|https?://\S+|www\.\S+"),
    # a dateline's wire tag: "LIMA, Peru (AGW) —", "SPRINGVALE, Ohio (AP) -"
    re.compile(
        r"(?m)^[A-Z][A-Z .'’-]+(?:,[^\n(]{1,30})?\s(?P<part>\([A-Z][\w.-]{1,10}\))(?=\s*(?:--|—|–|-))"
    ),
    # a kicker before a headline: "Explainer: How the vote works", "WATCH: ..."
    re.compile(
        r"(?im)^\s*(?P<part>explainer|analysis|opinion|watch|listen|live|video|photos|gallery|podcast|editorial"
        r"|comment|exclusive|breaking(?: news)?|factbox|fact check|q&a|in pictures|in depth)\s*:"
    ),
    # a source list's entry: 'Peter Smith. "Headline of the story" — Outlet Name, August 15, 2008'
    re.compile(
        r"^(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\.\s+)?[\"“][^\n\"”]{5,200}[\"”]\s*(?:—|–|--)\s*"
        r"[^\n,]{1,60},\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},\s*)?\d{4}[ \t.]*$",
        re.M,
    ),
]
_LIST_HEADING = re.compile(
    r"(?i)^\s*(?:related(?:\s+(?:stories|articles|coverage|content|links|news|topics|reading))?"
    r"|more\s+(?:stories|news|from\b[^:\n]{0,40})"
    r"|read\s+(?:more|next|also)|also\s+read|see\s+also|trending(?:\s+now)?|most\s+(?:read|popular|viewed)"
    r"|top\s+stories|latest\s+(?:news|stories)|you\s+may\s+also\s+like|recommended(?:\s+for\s+you)?)\s*:?\s*$"
)
"""A heading over a list of other stories' headlines: "Related:", "MORE FROM WKRC", "Most read"."""
_RELATED_INLINE = re.compile(
    r"(?i)^\s*(?:related(?:\s+(?:stories|articles|coverage|content))?|also\s+read|read\s+(?:more|also)|see\s+also)"
    r"\s*:\s*\S"
)
_SHOUT_WORD = re.compile(r"\b[A-Z][A-Z'’-]{3,}\b")
_WORD = re.compile(r"\b[A-Za-z][\w'’-]*\b")


@dataclass(frozen=True)
class Furniture:
    """Character ranges of the article that are page furniture, not story."""

    spans: tuple[tuple[int, int], ...]
    others: tuple[tuple[int, int], ...] = ()
    """Headlines of other stories listed on the page ("Related: 2 dead, 1 hurt in Eastside crash"): their
    figures are other events' and never the story's."""

    def in_other_story(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.others)

    def covers(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.spans)

    def fills(self, start: int, end: int) -> bool:
        """Furniture is most of the range: a credit line, not a sentence with a wire tag or a link in it."""
        covered = sum(max(0, min(e, end) - max(s, start)) for s, e in self.spans)
        return covered * 2 >= max(1, end - start)


def _shouting(line: str) -> bool:
    """A heading or kicker in capitals ("GREAT STORIES FROM Germany"), not an acronym in a sentence."""
    words = _WORD.findall(line)
    if len(words) < 2:
        return bool(words) and len(words[0]) > 4 and words[0].isupper()
    shouted = _SHOUT_WORD.findall(line)
    return len(shouted) >= 2 and len(shouted) * 2 >= len(words)


def find_furniture(text: str) -> Furniture:
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        body = line.group()
        if _LINE_FURNITURE.match(body) or _shouting(body):
            spans.append(line.span())
    for pattern in _INLINE:
        # a pattern with a "part" group marks only that part (the dateline's place is story, its tag is not)
        part = "part" in pattern.groupindex
        spans.extend(m.span("part") if part else m.span() for m in pattern.finditer(text))
    others = _listed_headlines(text)
    return Furniture(tuple(sorted(spans + others)), tuple(others))


def _listed_headlines(text: str) -> list[tuple[int, int]]:
    """The lines under a "Related:" heading (or after it on its line) that read as headlines: no closing
    stop, at most 20 words. The list ends at the first other line (a sentence of the story, a copyright line);
    blank lines between its items do not end it."""
    found: list[tuple[int, int]] = []
    listing = False
    for line in re.finditer(r"[^\n]*\n?", text):
        body = line.group().strip()
        start, end = line.start(), line.start() + len(line.group().rstrip("\n"))
        if not body:
            continue
        if _LIST_HEADING.match(body) or _RELATED_INLINE.match(body):
            listing = True
            found.append((start, end))
            continue
        headline = body[-1] not in ".!?\"”'’" and len(body.split()) <= 20
        listing = listing and headline and not _LINE_FURNITURE.match(body)
        if listing:
            found.append((start, end))
    return found


_JUNK_TOKENS = re.compile(r"[@#/\\|<>{}=_]|https?:|\.com\b|\d")


_CREDIT_WORDS = frozenset(
    [
        "getty",
        "images",
        "image",
        "photo",
        "photos",
        "picture",
        "pictures",
        "video",
        "slideshow",
        "play",
        "click",
        "gmt",
        "bst",
        "utc",
        "edt",
        "est",
        "pdt",
        "pst",
    ]
)


def junk_name(name: str) -> bool:
    """A name that is markup, a handle, a photo credit, a time zone, a shouted word or too short to be
    anybody."""
    if len(name) < 2 or _JUNK_TOKENS.search(name) or name in TIME_ZONES:
        return True
    if any(w.lower() in _CREDIT_WORDS for w in re.findall(r"[A-Za-z]+", name)):
        return True
    letters = [c for c in name if c.isalpha()]
    if not letters or (not name[0].isupper() and not name[0].isdigit()):
        return True
    # A shouted word of six letters or more is a heading ("LEAST", "TWITTER"), not an acronym ("NATO").
    return any(len(w) >= 6 and w.isupper() for w in re.findall(r"[A-Za-z]+", name))
