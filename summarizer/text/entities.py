"""Who and where, from the named-entity recogniser and the parse.

spaCy labels each name (PERSON, ORG, NORP, GPE, LOC, FAC); code cleans the span (no "the", no possessive, no
trailing "in"), drops page furniture and nationality adjectives ("Afghan", "Western" modify a noun, they do
not act), joins the mentions of one entity (entity_joins.py), tells places (places.py) and reads a
person's role from a title before the name or an appositive after it. Kinds come from the label plus a few
word classes: a GPE in the country list is a country, a body named "Ministry" or "Police" is government.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from summarizer.contract import PLACE_KINDS, EntityKind, Person, Place
from summarizer.text.entity_joins import (
    WHERE_LABELS,
    WHO_LABELS,
    Entity,
    join_acronyms,
    join_mentions,
    same_entity,
)
from summarizer.text.furniture import Furniture, junk_name
from summarizer.text.gazetteer import AP_STATES, COUNTRIES, US_STATES
from summarizer.text.nlp import glued_hyphen
from summarizer.text.places import (
    LOCATION_HEADS,
    PAIRED_PLACES,
    compass_pair,
    dateline_place,
    described_as_place,
    set_within,
)
from summarizer.text.wordclasses import (
    FAITHS,
    GOVERNMENT_WORDS,
    GROUP_WORDS,
    LAND_FEATURES,
    NOT_ACTOR_HEADS,
    PEOPLE_NOUNS,
    REGION_WORDS,
    SITE_WORDS,
    TITLE_WORDS,
    WORK_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Entity", "find_entities", "leading_title", "same_entity", "speaker_kind", "split_entities"]

_TITLE_DEPS = {"compound", "amod", "nmod"}
_LEADING = re.compile(r"^(?:the|a|an|photo|follow|by|via|and|but|--|—|–|-)\s+", re.I)
_POSSESSIVE = re.compile(r"[’']s?$")
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?\s+")
_ACTING_DEPS = {"nsubj", "nsubjpass", "agent"}
_PORTFOLIO_TITLES = {"minister", "secretary", "undersecretary", "under-secretary"}
_TOLD_LEMMAS = {"tell", "inform", "interview"}
_REPORTING_LEMMAS = {
    "learn",
    "observe",
    "attend",
    "speak",
    "talk",
    "interview",
    "contact",
    "ask",
    "reach",
    "obtain",
}
_REPORTER_NOUNS = {"reporter", "correspondent", "journalist", "staff", "crew", "photographer"}
_VESSELS = re.compile(r"^(?:Space Shuttle|USS|HMS|HMCS|HMAS|HMC|RMS)\s")
_MEDIA = re.compile(
    r"news|times|post|press|herald|journal|gazette|tribune|radio|tv\b|television|channel|network|magazine|"
    r"daily|weekly|telegraph|guardian|mail\b|express|wire\b|broadcast|reuters|\bbbc\b|\bcnn\b|\bnbc\b|\bcbs\b|"
    r"\babc\b|\bfox\b|\bafp\b|\bap\b|\bnpr\b|\bpbs\b",
    re.I,
)
_LABEL_NOUNS = {"system", "scheme", "constituency", "category", "tax", "levy", "index", "rating"}


def _clean(span: Span) -> tuple[str, int, int] | None:
    """The name as it should be listed, with its offsets; None for a span that is not a name."""
    tokens = list(span)
    for i, token in enumerate(tokens):  # "World Health Organisation (WHO", "Ahmed Mohamed  Image"
        if i and (token.text in {"(", "[", "|"} or token.is_space or "  " in tokens[i - 1].text_with_ws):
            tokens = tokens[:i]
            break

    def loose_end(token: Token) -> bool:
        glued = token.i > 0 and not token.doc[token.i - 1].whitespace_  # "Chung-tai", "Jong-un"
        return token.is_punct or (token.is_lower and not glued) or token.text in {"’s", "'s"}

    while tokens and loose_end(tokens[-1]):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in {"the", "a", "an"}):
        tokens.pop(0)
    if not tokens:
        return None
    doc = span.doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    name = _POSSESSIVE.sub("", doc.text[start:end]).strip(" ,;:-–—")
    if name.endswith(".") and name.count(".") == 1:
        name = name[:-1]
    name = _LEADING.sub("", name)
    end = (
        start + len(doc.text[start:end].split(name, 1)[0]) + len(name) if name in doc.text[start:end] else end
    )
    if junk_name(name) or "\n" in name or " - " in name:
        return None
    return name, end - len(name), end


def _proper(span: Span, start: int, end: int) -> bool:
    """Some word of the name is tagged a proper noun: the recogniser also labels capitalised common words
    and adjectives at a sentence start ("Media reports", "Foolhardy, the agency said"), and the tagger knows."""
    return any(t.pos_ == "PROPN" for t in span if start <= t.idx < end)


def _not_an_actor(span: Span, name: str) -> bool:
    """A faith, an event, a work or a bare title the recogniser took for a body or a person: "Islam", "FIFA World
    Cup", "the graphic novel Angel Catbird", "Islamophobia", "NASA Administrator". The event and work rules
    read the last word or the noun before the name, and spare people and names that act."""
    words = name.casefold().split()
    if _VESSELS.match(name):
        return True  # "Space Shuttle Atlantis", "HMS Victory": a craft, not a body
    if words[-1] in TITLE_WORDS and span.label_ != "PERSON":
        # "NASA Administrator", "State Department Spokesperson": a role whose holder is named apart
        return True
    if span.root.dep_ in _ACTING_DEPS:
        return False  # "Epic Games sued": a name that acts is an actor
    faith = len(words) == 1 and (words[0] in FAITHS or words[0].endswith(("ism", "phobia")))
    if span.label_ != "PERSON" and (words[-1] in NOT_ACTOR_HEADS or faith):
        return True  # ("Doris Day" is a person)
    root = span.root
    if root.dep_ == "appos" and root.head.is_lower and root.head.lemma_ in WORK_NOUNS:
        return True  # "the cruise ship, Freewinds", "her latest novel, Angel Catbird"
    before = span.doc[span.start - 1] if span.start else None
    if before is None or not before.is_lower or before.lemma_ not in WORK_NOUNS:
        return False
    # "the film Easy Rider": the noun and the name are one phrase ("After the game Solskjaer said" is not)
    return span.root.head.i == before.i or (
        before.dep_ == "compound" and span.start <= before.head.i < span.end
    )


def _framed(span: Span) -> bool:
    """A body's name used as something else: a portfolio ("Minister of Education", no article before it),
    the medium someone spoke to ("told GB News", "in an interview with CNN") or the label of a thing ("the
    ICI system", "the Social Welfare constituency"). A body only ever mentioned so is nobody in the story."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in ("of", "for") and span.doc[span.start - 1].i == head.i:
        return head.head.lower_ in _PORTFOLIO_TITLES
    medium = _MEDIA.search(span.text) is not None  # "told GB News"; "told Hamas" is talks, not press
    if root.dep_ in ("dative", "dobj") and head.lemma_ in _TOLD_LEMMAS:
        return medium
    if root.dep_ == "pobj" and head.lower_ in ("to", "with"):
        return medium and head.head.lemma_ in (
            "speak",
            "talk",
            "interview",
            "say",
            "state",
            "explain",
            "write",
        )
    if root.dep_ == "compound" and head.i >= span.end and head.pos_ == "NOUN" and head.is_lower:
        return head.lemma_ in _LABEL_NOUNS  # "the ICI system"; not "Hezbollah rockets", "Boeing shares"
    return False


def _reporting(span: Span) -> bool:
    """An outlet as the article's reporter: the subject of a reporter's verb ("Wikinews spoke with a
    cosplayer", "the Gazette has learned") or the outlet of its reporters ("Wikinews reporters attended")."""
    root = span.root
    if _MEDIA.search(span.text) is None:
        return False
    if root.dep_ == "nsubj":
        return root.head.lemma_ in _REPORTING_LEMMAS
    return root.dep_ == "compound" and root.head.i >= span.end and root.head.lemma_ in _REPORTER_NOUNS


def _site(span: Span) -> Token | None:
    """The site noun a body's name modifies ("Brennick Polymers plant", "the Acme warehouse"), if any."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is None or span.root.dep_ != "compound" or span.root.head.i != nxt.i:
        return None
    return nxt if nxt.is_lower and nxt.lemma_ in SITE_WORDS else None


def _feature(span: Span) -> Token | None:
    """The lower-case land feature a name modifies ("Dravenka gorge", "Oska river"), if any."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is None or nxt.i != span.root.head.i or span.root.dep_ != "compound":
        return None
    return nxt if nxt.is_lower and nxt.lower_ in LAND_FEATURES else None


def _described_group(span: Span) -> tuple[str, int, int] | None:
    """ "Saudi officials", "Afghan forces", "the Malaysian navy": a nationality and a noun for people or a body,
    when that phrase is the subject or agent of a verb. Unnamed, but an actor the article names this way."""
    head = span.root.head
    acts = head.dep_ in _ACTING_DEPS or (head.dep_ == "pobj" and head.head.dep_ == "agent")
    if span.root.dep_ != "amod" or head.i != span.end or not head.is_lower or not acts:
        return None
    if head.lemma_ not in PEOPLE_NOUNS | GOVERNMENT_WORDS and head.lower_ not in GOVERNMENT_WORDS:
        return None
    return (
        span.doc.text[span.start_char : head.idx + len(head.text)],
        span.start_char,
        head.idx + len(head.text),
    )


def _adjective(span: Span) -> bool:
    """A NORP that modifies a noun ("Afghan forces", "Swiss chocolate") is a description, not an actor."""
    root = span.root
    return root.pos_ == "ADJ" or (root.dep_ in {"amod", "compound"} and root.head.i >= span.end)


def _kind(label: str, name: str, span: Span) -> str:
    words = set(name.casefold().split())
    if label == "PERSON":
        return "person"
    if label == "NORP":
        return "government" if name.split()[-1].casefold() in GOVERNMENT_WORDS else "group"
    if label == "ORG":
        return _body_kind(words)
    if label == "GPE":
        folded = name.casefold()
        if folded in COUNTRIES or folded.removeprefix("the ") in COUNTRIES:
            return "country"
        return "region" if words & REGION_WORDS or folded in US_STATES or _in_region_phrase(span) else "city"
    if label == "FAC" or words & SITE_WORDS:
        return "site"
    return "region" if label == "LOC" else "other"


def _body_kind(words: set[str]) -> EntityKind:
    if words & GOVERNMENT_WORDS:
        return "government"
    return "group" if words & GROUP_WORDS else "organization"


def speaker_kind(name: str, label: str, plural: bool) -> EntityKind:
    """The kind of a source that joins `who` without a recognised name of its own: from the recogniser's label
    of its head word when it has one, else from that word ("ministry" governs, "officials" are a group)."""
    words = set(name.casefold().split())
    head = name.split()[-1].casefold()
    if label == "PERSON":
        return "person"
    if label in {"NORP", "GPE"}:
        return "group" if label == "NORP" else "country"
    if label == "ORG" or head not in PEOPLE_NOUNS:
        return _body_kind(words)
    return "group" if plural else "person"


def _common_word(word: str, text: str) -> bool:
    """The article also writes the word in lower case: it is a common noun that a heading or a sentence
    start capitalised."""
    lower = word.lower()
    return lower != word and re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text) is not None


def _owner(span: Span) -> int | None:
    """The start of a country that owns the body right after it: "Afghanistan's" in "Afghanistan's Defense
    Ministry" (the recogniser splits the two)."""
    doc = span.doc
    if (
        span.start >= 2
        and doc[span.start - 1].text in {"’s", "'s"}
        and doc[span.start - 2].ent_type_ == "GPE"
    ):
        first = doc[span.start - 2]
        while first.i > 0 and doc[first.i - 1].ent_type_ == "GPE" and doc[first.i - 1].ent_iob_ != "O":
            first = doc[first.i - 1]
        return int(first.idx)
    return None


def _in_region_phrase(span: Span) -> bool:
    """ "Laghman Province", "the Province of Laghman", "Hebei province"."""
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 2 : span.start].text.casefold() if span.start >= 2 else ""
    return after in REGION_WORDS or any(before == f"{w} of" for w in REGION_WORDS)


def _whole(span: Span) -> Span:
    """The span with the rest of a name the recogniser cut off: a glued hyphenated part ("Wong Yeung" of
    "Wong Yeung-tat") and proper nouns the span's words modify ("Dries" of "Dries Mertens")."""
    doc, end = span.doc, span.end
    while end < len(doc):
        if span.label_ == "PERSON" and _glued_part(doc, end):
            end += 2
        elif _name_head(doc[span.start : end], doc[end]):
            end += 1
        else:
            break
    if end == span.end:
        return span
    from spacy.tokens import Span

    return Span(doc, span.start, end, label=span.label_)


def _glued_part(doc: Doc, i: int) -> bool:
    """ "-tat" right after "Yeung": a glued hyphen and a word that is not a participle or an adjective
    ("Hamas-run", "Kremlin-backed" describe a body, they do not name it)."""
    if not glued_hyphen(doc[i]) or not doc[i + 1].is_alpha:
        return False
    return doc[i + 1].tag_ not in {"VBN", "VBD", "VBG", "JJ"}


def _name_head(span: Span, nxt: Token) -> bool:
    """ "Mertens" after "Dries": an unlabelled capitalised proper noun that the span's words modify (not a
    title: "Army Chief" of staff is a role)."""
    modifies = any(t.head.i == nxt.i and t.dep_ == "compound" for t in span)
    title = nxt.lower_ in TITLE_WORDS | GOVERNMENT_WORDS
    return modifies and nxt.pos_ == "PROPN" and nxt.ent_iob_ == "O" and nxt.is_title and not title


_INSTITUTIONS = {"Infirmary", "Hospital", "Clinic", "School", "College", "University", "Academy", "Museum"}
"""Last words of a body's name that the recogniser sometimes takes for a person's ("Fenmoor Royal Infirmary")."""


def _label(span: Span) -> str:
    last = span[-1].text
    if span.label_ in {"GPE", "LOC", "FAC"} and _local_body(span):
        return "ORG"  # "Harlan County Sheriff's Office", "Kesarganj Municipal Corporation": bodies
    if span.label_ == "PERSON" and len(span) > 1 and last in _INSTITUTIONS:
        return "ORG"
    if span.label_ in {"ORG", "PERSON"} and described_as_place(span):
        return "GPE"
    if span.label_ == "PERSON" and _hometown(span):
        return "GPE"  # (an ORG there is an affiliation: "Ann Smith of Greenpeace")
    if span.label_ in {"ORG", "PERSON"} and len(span) > 1 and span[-1].text in LOCATION_HEADS:
        return "FAC"  # "Larkspur Plaza", "the 700 block of Larkspur Boulevard"
    if span.label_ == "ORG" and _described_as_person(span):
        return "PERSON"
    return span.label_


def _local_body(span: Span) -> bool:
    """A place's name that goes on to name its body: a county, city or district word and a body's last word
    ("Harlan County Sheriff's Office"; not "the Oval Office")."""
    words = [t.lower_ for t in span]
    local = any(
        w in {"county", "municipal", "city", "district", "regional", "state", "township"} for w in words
    )
    return local and len(words) > 2 and words[-1] in GOVERNMENT_WORDS | {"corporation"}


def _hometown(span: Span) -> bool:
    """ "44-year-old Travis Menlow of Quarry Gap", "a man from Eastbrook": a name after a person's "from", or
    "of" beside an age, is where the person lives, unless it names a body."""
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in {"of", "from"} or span[0].lower_ == "the":
        return False
    person = prep.head.ent_type_ == "PERSON" or prep.head.lemma_.lower() in PEOPLE_NOUNS
    bodies = GOVERNMENT_WORDS | NOT_ACTOR_HEADS | {w.casefold() for w in _INSTITUTIONS}
    if not person or any(t.lower_ in bodies for t in span) or _MEDIA.search(span.text) is not None:
        return False
    # "of" is a hometown beside an age ("44-year-old Travis Menlow of Quarry Gap", "Ann Roe, 34, of Dunmore");
    # without one it is often a party or a club ("Cheng Chung-tai of Civic Passion")
    before = span.doc[max(0, prep.i - 8) : prep.i]
    return prep.lower_ == "from" or any(t.like_num or "year-old" in t.lower_ for t in before)


def _described_as_person(span: Span) -> bool:
    """ "Lotte Haverkamp, a backbench MP,", "the general secretary, Ines Kaldor,": a name shaped like a person's
    (two or three capitalised words) beside a noun for a person is one, whatever the recogniser said."""
    words = [t for t in span if t.dep_ != "det"]
    if not 2 <= len(words) <= 3 or not all(t.text[:1].isupper() and t.is_alpha for t in words):
        return False
    root = span.root
    beside = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        beside.append(root.head)
    return any(t.lemma_.lower() in PEOPLE_NOUNS | TITLE_WORDS and (t.is_lower or t.is_upper) for t in beside)


def _title_before(span: Span) -> tuple[str, int] | None:
    """ "Taliban Spokesman Zabihullah Mujahid", "US President Joe Biden": capitalised words that modify the name."""
    doc = span.doc
    i = span.start
    while i > 0:
        tok: Token = doc[i - 1]
        inside = i <= tok.head.i < span.end  # modifies the name or a title word already taken
        titled = tok.is_title or tok.is_upper or tok.lower_ in TITLE_WORDS
        if tok.dep_ in _TITLE_DEPS and inside and titled:
            i -= 1
            continue
        break
    while i < span.start and doc[i].lower_ not in TITLE_WORDS and not _has_title(doc[i : span.start]):
        i += 1
    if i == span.start or not _has_title(doc[i : span.start]):
        return None
    return doc.text[doc[i].idx : span.start_char].strip(), doc[i].idx


def _has_title(tokens: Span) -> bool:
    return any(t.lower_ in TITLE_WORDS for t in tokens)


def _appositive(span: Span) -> str | None:
    """ "Zia, a former Army Chief of Staff, said": the appositive describes the person."""
    for child in span.root.children:
        between = span.doc.text[span.end_char : child.idx] if child.i >= span.end else ""
        first = next(iter(child.subtree))
        described = first.lower_ in {"a", "an", "the"} or first.is_lower
        if child.dep_ == "appos" and described and between.strip(" ").startswith(","):
            words = [t for t in child.subtree if t.i >= span.end]
            text = span.doc.text[words[0].idx : words[-1].idx + len(words[-1].text)] if words else ""
            text = re.sub(r"^(?:a|an|the)\s+", "", text.strip(" ,"), flags=re.I)
            if 2 < len(text) <= 80 and not any(c.isdigit() for c in text):
                return text
    return None


def find_entities(doc: Doc, furniture: Furniture) -> list[Entity]:
    """Every named entity of the article, mentions joined, in order of first mention."""
    found: dict[str, Entity] = {}
    for ent in doc.ents:
        span = _whole(ent) if ent.label_ in WHO_LABELS else ent
        label = _label(span)
        if label not in WHO_LABELS | WHERE_LABELS or furniture.covers(span.start_char, span.end_char):
            continue
        if label == "NORP" and (
            _adjective(span) or span.text.casefold().removeprefix("the ") not in GROUP_WORDS
        ):
            group = _described_group(span)  # "Saudi officials said", "Afghan forces retook": they act
            if group is not None:
                name, start, end = group
                described = _mention(found, name, label, span, (start, end))
                described.acts = described.stands = True
            continue  # nationalities and faiths ("Afghan", "Muslims") describe people; armed groups act
        feature = _feature(span)
        if (
            feature is not None
        ):  # "the Dravenka gorge", "the Oska river": the name with its feature is a place
            start, end = span.start_char, feature.idx + len(feature.text)
            _mention(found, doc.text[start:end].removeprefix("the "), "LOC", span, (start, end))
            continue
        _read_name(found, span, label)
        site = _site(span) if label in {"ORG", "PERSON"} else None
        cleaned = _clean(span) if site is not None else None
        if (
            site is not None and cleaned is not None
        ):  # "the Brennick Polymers plant": an actor's plant is a place
            start, end = cleaned[1], site.idx + len(site.text)
            _mention(found, doc.text[start:end], "FAC", span, (start, end))
    joined = join_acronyms(join_mentions(list(found.values())), doc.text)
    dateline_place(joined, doc.text)
    set_within(joined, doc.text)
    return joined


def _read_name(found: dict[str, Entity], span: Span, label: str) -> None:
    """Clean one recognised name and add it as a mention, unless it is no actor's or place's name."""
    cleaned = _clean(span)
    if cleaned is None or (label in WHO_LABELS and not _proper(span, *cleaned[1:])):
        return
    doc = span.doc
    name, start, end = cleaned
    owner = _owner(span)
    if owner is not None and label == "ORG":
        name, start = doc.text[owner:end], owner  # "Afghanistan's Defense Ministry"
    bare = _HONORIFIC.sub("", name)
    title = leading_title(bare) if label in {"PERSON", "ORG"} else None
    if title is not None:  # "Neighbor Curtis Fenlow", "Sheriff Dolores Kettering": the person, with a role
        bare, label = bare[len(title) :].strip(), "PERSON"
        start = end - len(bare)
    # a place only when written as a word ("Chlorine"), not as an abbreviation ("US" beside "told us"), and
    # not a country or a state ("Turkey" beside a turkey dinner)
    word = label in WHO_LABELS or (bare.istitle() and bare.casefold() not in COUNTRIES | US_STATES)
    if " " not in bare and word and _common_word(bare, doc.text):
        return  # "Media reports", "the Church", "Chlorine is toxic": a common word capitalised, not a name
    if label in WHO_LABELS and _not_an_actor(span, bare):
        return
    if bare.casefold() in REGION_WORDS | GOVERNMENT_WORDS:
        return  # "Province", "Ministry" alone: a head word, joined below to its full name if any
    if label in WHERE_LABELS and doc.text[start : end + 1] in AP_STATES:
        bare = AP_STATES[doc.text[start : end + 1]]  # "EAST DUNMORE, Pa.": Pennsylvania
    bare = compass_pair(span, bare) if label in WHERE_LABELS else bare
    pair = PAIRED_PLACES.fullmatch(bare) if label in WHERE_LABELS else None
    if pair is not None:  # "North and South Korea": North Korea and South Korea
        first = _mention(found, f"{pair[1]} {pair[3]}", label, span, (start, end))
        first.acts = first.acts or span.root.dep_ in _ACTING_DEPS
        first.stands = True
        name = bare = f"{pair[2]} {pair[3]}"
    entity = _mention(found, bare, label, span, (start, end))
    entity.acts = entity.acts or span.root.dep_ in _ACTING_DEPS
    entity.stands = entity.stands or label == "PERSON" or not _framed(span)
    entity.reports = entity.reports or (label == "ORG" and _reporting(span))
    if name != bare and name not in entity.aliases:
        entity.aliases.append(name)
    _read_role(entity, span)
    if title is not None and entity.role is None:
        entity.role = title.casefold()


def leading_title(name: str) -> str | None:
    """The title words a recognised name starts with when a person's name follows ("Neighbor Curtis Fenlow",
    "District Collector P. Srinivasa Murthy"); None when the rest is not two capitalised words or more."""
    words = name.split()
    if not words or words[0].casefold() in _NAME_STARTS:
        return None  # "Major League Baseball", "General Motors Company": a title word that starts a name
    k = 0
    while k < len(words) - 2 and words[k].casefold() in TITLE_WORDS | _TITLE_MODIFIERS | _DESCRIBING:
        k += 1
    if k == 0 or words[k - 1].casefold() in _TITLE_MODIFIERS:
        return None
    rest = words[k:]
    if (
        len(rest) > 3
        or not all(w[:1].isupper() for w in rest)
        or any(w.casefold() in _BODY_WORDS for w in rest)
    ):
        return None
    return " ".join(words[:k])


_BODY_WORDS = GOVERNMENT_WORDS | {"international", "group", "association", "union", "party", "foundation"}
_NAME_STARTS = {"major", "general", "private", "marshal", "master", "grand", "royal", "premier"}
_TITLE_MODIFIERS = {"district", "county", "state", "deputy", "assistant", "chief", "senior", "acting"}
_DESCRIBING = {"neighbor", "neighbour", "collector", "resident", "witness", "bystander", "superintendent"}


def _mention(found: dict[str, Entity], name: str, label: str, span: Span, where: tuple[int, int]) -> Entity:
    """The entity called `name` (made on its first mention), with this mention added."""
    entity = found.get(name.casefold())
    if entity is None:
        entity = found[name.casefold()] = Entity(name, label, _kind(label, name, span))
    entity.mentions.append(where)
    return entity


def _read_role(entity: Entity, span: Span) -> None:
    if entity.kind != "person":
        return
    title = _title_before(span)
    if title is not None and entity.role is None:
        entity.role = title[0]
        full = f"{title[0]} {entity.name}"
        if full not in entity.aliases:
            entity.aliases.append(full)
    if entity.role is None:
        entity.role = _appositive(span)


def _governed(place: str, speakers: set[str]) -> bool:
    """A source such as "the government of Valmora" or "the Valmora government": the place is a state."""
    name = place.casefold()
    for speaker in speakers:
        words = speaker.removeprefix("the ").split()
        if f" of {name}" in f" {speaker}" and words[0] in {"government", "ministry", "president", "cabinet"}:
            return True
        if speaker.removeprefix("the ") == f"{name} government":
            return True
    return False


def split_entities(entities: list[Entity], speakers: set[str]) -> tuple[list[Person], list[Place]]:
    """`who` (people, bodies, groups, and countries that act or speak) and `where` (places)."""
    who: list[Person] = []
    where: list[Place] = []
    person_words = {w for e in entities if e.label == "PERSON" for w in e.name.split()}
    for entity in entities:
        if entity.label in WHERE_LABELS and " " not in entity.name and entity.name in person_words:
            continue  # "Paris" of "Valeska Paris", a surname the recogniser took for a place
        if entity.label in WHERE_LABELS:
            speaks = entity.name.casefold() in speakers
            if _governed(entity.name, speakers):  # "the government of Valmora said": a state speaks
                entity.kind = "country" if entity.kind == "city" else entity.kind
                speaks = True
            kind = entity.kind if entity.kind in PLACE_KINDS else "other"
            where.append(Place(name=entity.name, kind=kind, within=entity.within))  # type: ignore[arg-type]
            if entity.kind == "country" and (entity.acts or speaks):
                who.append(Person(name=entity.name, kind="country", role=None, aliases=entity.aliases))
            continue
        if entity.reports or (not entity.stands and entity.name.casefold() not in speakers):
            continue  # the article's own outlet, or only a portfolio, a medium or a label (`_framed`)
        who.append(
            Person(
                name=entity.name,
                kind=entity.kind,  # type: ignore[arg-type]
                role=entity.role,
                aliases=entity.aliases,
            )
        )
    return who, where
