"""What a number counts, from the dependency parse: `counts` and `kind` of every figure, set by code.

Code finds the numbers and their values (numbers.py); the parse says what each one is attached to. The thing
counted is the noun the number modifies ("50 militants"), and what happened to it is the verb or adjective
that governs that noun or the number ("were killed", "killing 5", "7 dead", "left 12 injured", "one man
died"). The governing lemma decides the kind (kill/die/dead -> killed, injure/wound -> injured, ...), so the
phrasing does not matter. Numbers the contract says are never figures are dropped before (never_figures.py);
dates, years and clock times never reach this module.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from summarizer.text.ages import age_of
from summarizer.text.care import cared_for, in_hospital, own_care
from summarizer.text.count_shapes import increment, kind_before, part_of_whole, per_period
from summarizer.text.counted import Counted
from summarizer.text.event_kinds import word_kind
from summarizer.text.lexicon import VAGUE_NUMBER_WORDS
from summarizer.text.measures import DISTANCE_UNITS, DURATION_UNITS, measure_kind
from summarizer.text.nlp import objects_of
from summarizer.text.numbers import NumberMention
from summarizer.text.wordclasses import (
    KILLED_LEMMAS,
    PEOPLE_NOUNS,
    WOUNDING_LEMMAS,
    casualty_kind,
    past_participle,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Counted", "count", "restates_total"]

_DEAD_NOUNS = {"body", "corpse"}
_PARENTS = {"father", "mother", "parent", "dad", "mom", "mum", "grandfather", "grandmother", "grandparent"}
_TOTAL_NOUNS = {"toll", "tally", "count", "number", "total"}
_TAKE_LIFE = {"claim", "take", "cost", "lose"}
_CASUALTY_WORDS = {
    "dead",
    "injured",
    "wounded",
    "missing",
    "hurt",
    "killed",
    "arrested",
    "detained",
    "displaced",
}
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "pobj", "appos", "npadvmod", "oprd", "conj"}
_MODIFIER_DEPS = {"compound", "amod", "nmod"}
_LIGHT_VERBS = {"be", "have", "say", "include", "do", "become", "remain", "make", "get", "see", "number"}


def _tokens(doc: Doc, mention: NumberMention) -> list[Token]:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _anchor(doc: Doc, mention: NumberMention) -> Token | None:
    """The mention's token whose head lies outside the mention: it carries the number's relation."""
    tokens = _tokens(doc, mention)
    for token in tokens:
        if not (mention.start <= token.head.idx < mention.end) or token.head is token:
            return token
    return tokens[-1] if tokens else None


def _first_conjunct(token: Token) -> Token:
    """ "ages 28, 27 and 25": the later numbers hang off the first one; it holds the relation."""
    while token.dep_ == "conj" and token.head.i != token.i and token.head.like_num:
        token = token.head
    return token


def _phrase(noun: Token, skip: set[int]) -> str:
    """The noun with the words that name it ("security checkpoints", "Muslim pilgrims")."""
    words = [
        t
        for t in noun.lefts
        if t.dep_ in _MODIFIER_DEPS and t.i not in skip and not t.like_num and t.is_alpha and not t.is_stop
    ]
    words = [t for t in words if t.i == noun.i - (len(words) - words.index(t))]  # only adjacent modifiers
    text = " ".join([*(w.text for w in words), noun.text])
    return text if any(c.isupper() for c in text[1:]) else text.lower()


def _governor(node: Token) -> Token | None:
    """The verb or adjective the counted noun (or the bare number) depends on."""
    while node.dep_ == "conj" and node.head.pos_ in {"NOUN", "PROPN"} and node.head.i < node.i:
        node = node.head  # "the driver and two passengers suffered": the first conjunct's verb
    head = node.head
    start = _change_start(node)
    if start is not None:
        return _governor(start)  # "from four to five", "from 36 to 34": parsed as a range, a change here
    if node.dep_ == "npadvmod" and head.dep_ == "pcomp" and head.head.lower_ == "from":
        up = head.head.head  # "rose to 16, up from nine earlier in the day": the verb of "up"
        if up.pos_ == "VERB":
            return up  # "rose to 22 from 14 earlier in the day"
        return up.head if up.lower_ in {"up", "down"} and up.head.pos_ == "VERB" else None
    if node.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
        if head.dep_ == "prt" or (head.lower_ in {"up", "down"} and head.head.pos_ == "VERB"):
            head = head.head  # "revised up to 21": the verb, not its particle
            # "has risen to 112, the agency announced, up from 64": the total's verb, not the saying one
            head = next((c for c in head.children if c.dep_ == "ccomp" and _totals(c)), head)
        # "bringing the death toll in Monday's shooting to two": a misparse hung "to two" on the phrase
        # after the toll; the verb that brings the toll governs it
        verb = next((a for a in head.ancestors if a.pos_ == "VERB"), None)
        if (
            node.head.lower_ in {"to", "from"}
            and (head.dep_ == "pobj" or head.pos_ == "NOUN")
            and _totals(verb)
        ):
            return verb
        if node.head.lower_ in {"to", "from"} and head.pos_ == "VERB" and _totals(head):
            return head  # "Her death raises the toll from four to five", "revising its count to 34"
        if head.lower_ == "total" and node.head.lower_ == "of":
            return _governor(head)  # "A total of 45 persons ... are under treatment": the total's verb
        if head.pos_ in {"NOUN", "PROPN"} and head.head is not head:
            # "a death toll of 12", "the deaths of 3 people": the noun the phrase hangs on
            return head
    if node.dep_ in _ARGUMENT_DEPS and head is not node:
        # "35 are missing", when the parse hangs the subject on the auxiliary
        return head.head if head.dep_ in {"aux", "auxpass"} and head.head.pos_ == "VERB" else head
    return None


def _change_start(node: Token) -> Token | None:
    """The first number of "from X to Y" for Y, where the parse hung Y on X (or "to Y" on "from")."""
    head = node.head
    if not node.like_num or node.dep_ not in {"quantmod", "pobj"}:
        return None
    if node.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "from":
        head = next((o for o in head.head.children if o.dep_ == "pobj"), head)
    elif node.dep_ == "pobj" and head.lower_ == "to" and head.head.like_num:
        head = head.head
    return head if head.like_num and head.i != node.i else None


def _fatal(node: Token, governor: Token | None) -> Token | None:
    """ "were shot and killed", "fatally stabbed", "shot dead", "two were shot, one fatally": a shared-subject
    conjunct or an adverb says the count is of the dead, whatever the first verb."""
    fatal = [c for c in node.children if c.lower_ == "fatally"]
    if fatal:
        return fatal[0]
    if governor is None or governor.pos_ != "VERB":
        return None
    death = next((o for o in objects_of(governor, {"to"}) if o.lower_ == "death"), None)
    if death is not None:
        return death  # "were crushed to death", "beaten to death", "burned to death"
    subject = node.dep_ in {"nsubj", "nsubjpass"} and node.head.i == governor.i
    for child in governor.children:
        # "shot dead", "found two men dead"; not the "dead" of another object ("left three dead and five hurt")
        dead = child.lower_ == "dead" and child.i in {governor.i + 1, node.i + 1}
        if child.lower_ == "fatally" or dead:
            return child
        # "were shot and killed" shares the subject; "injured 30 people and killed two" does not share objects
        shares = child.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)
        if subject and shares and child.lemma_.lower() in KILLED_LEMMAS:
            return child
    return None


def _event(node: Token, governor: Token | None, last: Token, people: bool) -> tuple[str, str] | None:
    """(kind, lemma) of a casualty-like event around the counted noun, if any: the nearest word that says one
    wins, from the noun itself ("3 fatalities") outwards to the clause ("among the dead were ..."), after the
    words that say the count is of the dead ("shot and killed", "fatally"). "Shot" and "stabbed" wound only
    people (`people`: the thing counted is people, or not named). A negated verb says no event: "Two other
    passengers were not injured"."""
    if (
        governor is not None
        and governor.pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "neg" for c in governor.children)
    ):
        return None
    fatal = _fatal(node, governor)
    if fatal is not None:
        return "killed", fatal.lemma_.lower()
    if node.pos_ == "NOUN" and node.lemma_.lower() in _DEAD_NOUNS:
        return "killed", node.lemma_.lower()  # "15 bodies were recovered"
    took_lives = governor is not None and governor.lemma_.lower() == "life"
    if took_lives and governor is not None and governor.head.lemma_.lower() in _TAKE_LIFE:
        return "killed", "life"  # "the crash claimed the lives of 5 people"
    if node.lemma_.lower() == "life" and governor is not None and governor.lemma_.lower() in _TAKE_LIFE:
        return "killed", "life"  # "the flood, which claimed 17 lives", "12 lives were lost"
    care = (own_care(node) or cared_for(governor, node)) if people else None
    if care is not None:
        return care
    for token in _event_words(node, governor, last):
        kind = word_kind(token, node, last, people)
        if kind is not None:
            return kind, token.lemma_.lower()
    return _later_care(node, governor) if people else None


def _later_care(node: Token, governor: Token | None) -> tuple[str, str] | None:
    """ "was thrown from the motorcycle and suffered injuries": care said by a later verb of the same subject."""
    if governor is None or node.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    for verb in (c for c in governor.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        if not any(d.dep_ in {"nsubj", "nsubjpass"} for d in verb.children):
            care = cared_for(verb)
            if care is not None:
                return care
    return None


def _event_words(node: Token, governor: Token | None, last: Token) -> Iterator[Token]:
    """The words that may say what happened to the counted noun, nearest first (`last`: the number's last
    word)."""
    doc = node.doc
    if node.pos_ == "NOUN":
        yield node  # "3 fatalities", "20 injuries", "two deaths"
    # "left 12 people dead and 30 wounded", "7 dead": a casualty word right after the number or its noun
    after = [t for t in doc[last.i + 1 : last.i + 3] if t.i == last.i + 1 or doc[last.i + 1].i == node.i]
    after += doc[node.i + 1 : node.i + 2]
    yield from (t for t in after if t.lower_ in _CASUALTY_WORDS)
    if governor is not None:
        yield governor
        if _totals(governor):  # "toll climbs to 31 as five detained": the total says what 31 is
            yield from _total_words(governor)
        if node.dep_ != "conj":  # "left 32 dead and thousands without power": "dead" is the first object's
            yield from (c for c in governor.children if c.dep_ in {"oprd", "acomp", "xcomp", "ccomp", "amod"})
    yield from (c for c in node.children if c.dep_ in {"amod", "acl", "relcl", "acomp"})
    for clause in (c for c in node.children if c.dep_ in {"acl", "relcl"}):
        yield from _predicated(clause)  # "2 persons who are considered as missing"
    if governor is not None and node.dep_ != "conj":
        yield from _predicated(governor)  # "Two people were listed as missing"
    for obj in objects_of(node, {"of"}):  # "Nine of the dead were passengers", "37 of the injured"
        yield from (t for t in (obj, *obj.children) if t.lower_ in _CASUALTY_WORDS)
    if node.dep_ in {"nsubj", "nsubjpass"} and node.head.pos_ == "ADJ":
        yield node.head
    if governor is None:
        return
    yield from _total_words(governor)
    for head in (governor, node):
        # "among the dead were three children", "five were among those killed", "treated for injuries",
        # "five suspects are in custody"
        for obj in objects_of(head, {"among", "for", "with", "in", "into"}):
            yield obj
            yield from (c for c in obj.children if c.dep_ in {"acl", "amod", "relcl"})


def _predicated(verb: Token) -> Iterator[Token]:
    """What a verb of stating says its object is: "considered (as) missing", "declared dead"."""
    yield from (c for c in verb.children if c.dep_ in {"acomp", "oprd"})
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        yield from (c for c in prep.children if c.dep_ in {"pcomp", "pobj", "amod", "acomp"})


def _total_words(governor: Token) -> Iterator[Token]:
    """What a total the count's verb reports is of: "the death toll rose to 27", "bringing the number of
    arrests to three", "the number of people arrested remained at one", "the number of people confirmed
    dead ... rose to 17"; a toll alone is of the dead."""
    subjects = list(governor.children)
    if governor.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in subjects):
        subjects += list(
            governor.head.children
        )  # the parse made "confirmed" the verb and "rose" its conjunct
    for child in subjects:
        if child.dep_ in {"nsubj", "nsubjpass", "dobj"} and child.lower_ in _CASUALTY_WORDS:
            yield child  # "putting the missing at more than 60", "the dead now number 40"
        if child.dep_ not in {"nsubj", "nsubjpass", "dobj"} or child.lower_ not in _TOTAL_NOUNS:
            continue
        yield from (c for c in child.children if c.dep_ in {"compound", "amod", "acl"})
        for obj in objects_of(child, {"of"}):
            yield obj
            yield from (c for c in obj.children if c.dep_ in {"acl", "amod"})
            yield from (t for t in obj.subtree if t.lower_ in _CASUALTY_WORDS)
        yield from (
            c for c in child.head.children if c.dep_ in {"oprd", "acomp"} and c.lower_ in _CASUALTY_WORDS
        )
        if child.lower_ in {"toll", "tolls"}:
            yield child


def count(doc: Doc, mention: NumberMention) -> Counted | None:
    """What `mention` counts and its kind, or None when the parse attaches it to nothing countable."""
    anchor = _anchor(doc, mention)
    if anchor is None:
        return None
    aside = _aside(anchor)
    if aside is not None:
        return aside
    anchor = _first_conjunct(anchor)
    inside = {t.i for t in _tokens(doc, mention)}
    noun, named = _nouns(anchor)
    node = noun if noun is not None else anchor  # the number's own place in the clause says what happened
    if anchor.head.lower_ == "more":
        node = anchor.head
    governor = _governor(node)
    of = node.head if node.dep_ == "pobj" else None
    if of is not None and of.lower_ == "of" and of.head.pos_ in {"VERB", "AUX"} and of.i < of.head.i:
        governor = None  # "Of the 30 guests, 12 were injured": the whole is what its own words say
    part = _fronted_part(node, governor) if noun is None else _included_part(node)
    age = age_of(anchor, noun, mention)
    if age is not None:
        return age
    if named is not None and not _totals(governor) and named.lower_ not in _UNIT_NOUNS:
        noun = (
            named  # (not a total's: "bringing the toll to five"; nor a unit: "480 metres ... left five hurt")
        )
    thing = _phrase(noun, inside) if noun is not None else None
    if thing in {"others", "more"}:
        thing = "people"  # "three others were wounded" with no noun before it: people, as news means it
    measured = measure_kind(mention)
    if measured is not None:  # "for twelve years", "70 percent", "120 km": a measure, never a casualty count
        measured_noun = noun if noun is not None else (anchor.head if anchor.head.pos_ == "NOUN" else None)
        return Counted(_measure_counts(measured, measured_noun, governor), measured)
    last = _tokens(doc, mention)[-1]  # the anchor exists, so the mention has tokens
    if part is not None:
        return Counted(f"{part[1]} among those {part[0]}", part[0])
    event = _counted_event(node, governor, last, noun)
    if event is not None:
        return _casualty_count(event[0], thing, anchor, node, noun, governor)
    if noun is None and anchor.lower_ in VAGUE_NUMBER_WORDS:
        return Counted(_people_phrase(anchor), "people")  # "thousands without power", "hundreds fled"
    return _plain(mention, thing, noun, None if _agent(node, governor) else governor)


def restates_total(doc: Doc, mention: NumberMention) -> bool:
    """The number is the value of a total that names no thing: "The administration had put the figure at 45",
    "the count now stands at 21". What it counts is what the count before it counted (reading.py)."""
    anchor = _anchor(doc, mention)
    if anchor is None or anchor.dep_ != "pobj" or anchor.head.lower_ not in {"at", "to"}:
        return False
    verb = anchor.head.head
    totals = [
        c
        for c in verb.children
        if c.dep_ in {"nsubj", "nsubjpass", "dobj"}
        and c.lemma_.lower() in _TOTAL_NOUNS - {"toll"} | {"figure"}
    ]
    return bool(totals) and not any(
        any(c.dep_ in {"compound", "amod", "prep"} for c in t.children) for t in totals
    )


def _aside(anchor: Token) -> Counted | None:
    """Numbers whose own words say what they count before the clause does: "Three dead and 11 in hospital"
    (a conjunct in hospital), "Father of three killed" (his children, not the dead)."""
    if anchor.dep_ == "conj" and anchor.head.like_num and in_hospital(anchor):
        return _casualty_count("injured", None, anchor, anchor, None, None)
    of = anchor.head
    if anchor.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in _PARENTS:
        return Counted("children", "people") if _nouns(anchor)[0] is None else None
    return None


def _totals(governor: Token | None) -> bool:
    """The governor's subject or object is a total ("the toll rose to", "bringing the number of arrests to")."""
    return governor is not None and any(
        c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.lower_ in _TOTAL_NOUNS | {"tolls"}
        for c in governor.children
    )


def _casualty_count(
    kind: str, thing: str | None, anchor: Token, node: Token, noun: Token | None, governor: Token | None
) -> Counted:
    """A casualty count, labelled so a story does not take it for the event's whole toll when it is a rate, an
    increment or a part."""
    if noun is not None and (
        casualty_kind(noun.lemma_.lower()) or noun.lemma_.lower() in _DEAD_NOUNS | {"life"}
    ):
        thing = "people"  # "3 fatalities", "20 injuries", "15 bodies", "17 lives": people killed or injured
    thing = thing or "people"
    if per_period(node, governor):  # "crashes kill about 12,000 people a year": a rate, not a toll
        return Counted(f"{thing} {kind} a year", "other")
    if increment(anchor, noun, kind, governor):
        return Counted(f"more {thing} {kind}", kind)  # "one more victim died": not a total
    if part_of_whole(anchor, node, governor, kind):
        return Counted(f"{thing} among those {kind}", kind)  # "including two passengers"
    return Counted(f"{thing} {kind}", kind)


def _fronted_part(node: Token, governor: Token | None) -> tuple[str, str] | None:
    """ "Of the 14 people injured, 12 were students", "Of those killed, three were children": (kind, what the
    part is) for a count that the sentence opens by taking out of a toll."""
    if governor is None or node.dep_ != "nsubj":
        return None
    for whole in (o for o in objects_of(governor, {"of"}) if o.i < node.i):
        for token in whole.subtree:
            kind = casualty_kind(token.lemma_.lower()) or casualty_kind(token.lower_)
            if kind in {"killed", "injured", "missing"}:
                attr = next((c for c in governor.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
                return kind, attr.lower_ if attr is not None else "people"
    return None


def _included_part(noun: Token) -> tuple[str, str] | None:
    """ "Four people, including three children, were wounded": (kind, what the part is) of a count set
    inside the whole it belongs to."""
    whole = noun.head.head
    if noun.dep_ != "pobj" or noun.head.lower_ != "including" or whole.pos_ not in {"NOUN", "PROPN"}:
        return None
    event = _event(whole, _governor(whole), whole, True)
    return (event[0], noun.lower_) if event is not None and event[0] in {"killed", "injured"} else None


def _counted_event(
    node: Token, governor: Token | None, last: Token, noun: Token | None
) -> tuple[str, str] | None:
    """`_event` for the thing counted: people (or an unnamed thing) and casualty nouns ("3 fatalities") can be
    casualties; other things cannot ("killed in two crashes", "injured in 3 attacks")."""
    if _agent(node, governor):
        return None  # "two men killed a shopkeeper": the men did it
    if noun is not None and noun.lemma_.lower() == "wound":
        return None  # "with at least two gunshot wounds": one person's wounds, not two people hurt
    whole = _partitive_noun(node) if noun is None else None  # "Two of the buildings": of things
    people = _people_like(noun) if noun is not None else whole is None or _people_whole(whole)
    event = _event(node, governor, last, people)
    casualty_noun = noun is not None and (
        casualty_kind(noun.lemma_.lower()) or noun.lemma_.lower() in _DEAD_NOUNS | {"life"}
    )
    if event is not None and not people and not casualty_noun and event[0] != "displaced":
        return None
    if event is None and noun is not None and noun.i < node.i:
        return _elided_event(node, governor, noun)
    if event is None and noun is None and _totals(governor):
        return kind_before(node)  # "reported 36 dead before revising its count to 34": the dead's count
    return event


def _elided_event(node: Token, governor: Token | None, noun: Token) -> tuple[str, str] | None:
    """A bare number that takes an earlier count's noun takes its event too, where it only restates that
    count: "the 18 deaths reported by the ministry and the 36 reported by the administration", "the
    administration says 41 people died; the ministry now says 22"."""
    lemma = noun.lemma_.lower()
    kind = casualty_kind(lemma) or ("killed" if lemma in _DEAD_NOUNS else None)
    if kind is not None and node.dep_ == "conj" and node.head.i == noun.i:
        return kind, lemma
    if kind is not None and governor is not None and governor.i == getattr(_governor(noun), "i", None):
        return kind, lemma  # "27 bodies had been recovered ..., up from 18": the same verb, the same dead
    if governor is not None and governor.lemma_.lower() in _RESTATING and node.i > governor.i:
        return _event(noun, _governor(noun), noun, True)
    return None


_RESTATING = {"say", "put", "give", "report", "count", "estimate", "cite"}


def _partitive_noun(anchor: Token) -> Token | None:
    """The noun of "two of the buildings" (not of "them", which stands for whatever the sentence before said)."""
    return next((o for o in objects_of(anchor, {"of"}) if o.pos_ == "NOUN"), None)


def _people_whole(noun: Token) -> bool:
    """A partitive's set is people or casualties: "of the passengers", "of the dead", "of the injured"."""
    lemma = noun.lemma_.lower()
    return (
        _people_like(noun)
        or casualty_kind(lemma) is not None
        or lemma in _DEAD_NOUNS
        or noun.lower_
        in {
            "dead",
            "injured",
            "wounded",
            "missing",
        }
    )


_NO_OBJECT = {"all", "both", "each", "none"}


def _agent(node: Token, governor: Token | None) -> bool:
    """The subject of an active casualty or arrest verb with an object of its own ("A man killed his wife", "a
    driver hit and killed a cyclist", "two officers arrested three men", "a fan holds up a sign") did it; the
    casualty is the object."""
    if governor is None or node.dep_ != "nsubj" or governor.pos_ != "VERB":
        return False
    verbs = [governor, *(c for c in governor.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    acts = any(
        casualty_kind(v.lemma_.lower()) in {"killed", "injured", "arrested"}
        or v.lemma_.lower() in WOUNDING_LEMMAS
        for v in verbs
    )
    # (not "the four people killed all died": a misparse makes "all" the object; not "14 others sustained
    # injuries and were hospitalised": what one suffers is no victim)
    doers = [v for v in verbs if v.lemma_.lower() not in {"suffer", "sustain", "receive", "incur"}]
    objects = [c for v in doers for c in v.children if c.dep_ == "dobj" and c.lower_ not in _NO_OBJECT]
    return acts and any(
        c.lemma_.lower() != "life" for c in objects
    )  # ("had lost their lives": no one else's)


def _people_like(noun: Token) -> bool:
    """A noun for people: listed, a person or a nationality, or made like one ("villagers", "jihadists",
    "servicemen", "detainees"), so an unlisted word for people still counts casualties."""
    word = noun.lower_
    if word in PEOPLE_NOUNS or noun.ent_type_ in {"PERSON", "NORP"}:
        return True
    return noun.tag_ == "NNS" and word.endswith(("men", "ers", "ists", "ians", "ees", "ors", "ants", "ents"))


def _people_phrase(anchor: Token) -> str:
    """ "thousands without power": a bare vague number counts people, described by its own phrase."""
    for prep in (c for c in anchor.children if c.dep_ == "prep"):
        words = list(prep.subtree)
        return "people " + anchor.doc.text[words[0].idx : words[-1].idx + len(words[-1].text)]
    return "people"


def _nouns(anchor: Token) -> tuple[Token | None, Token | None]:
    """(the noun the number modifies, the noun that names the thing counted when the number's own is elided
    or is "others")."""
    if anchor.dep_ in {"nummod", "quantmod", "compound"} and anchor.head.pos_ in {"NOUN", "PROPN"}:
        noun = anchor.head
        # "seven people were killed and 51 others injured"
        return noun, _elided_noun(anchor) if noun.lower_ in {"others", "more"} else None
    if anchor.dep_ == "pobj" and _totals(_governor(anchor)):
        return None, None  # "bringing the number of people missing to 19": the total says what 19 counts
    if anchor.dep_ in _ARGUMENT_DEPS or anchor.head.lower_ == "more":
        return None, _elided_noun(anchor)  # "killed nine people and wounded 49": the earlier number's noun
    return None, None


def _elided_noun(anchor: Token) -> Token | None:
    """ "rescued 700 asylum seekers ... saved 200 more": a bare number takes the noun of the number before it
    in its sentence."""
    for token in reversed(list(anchor.sent)[: anchor.i - anchor.sent.start]):
        named = next(iter(objects_of(token, {"of"})), None) if token.lower_ in _TOTAL_NOUNS else None
        if named is not None:  # "bringing the number of people missing to 19": the total's noun
            return named
        if (
            token.like_num
            and token.dep_ == "nummod"
            and token.head.pos_ == "NOUN"
            and not _aside_noun(token.head)
        ):
            return token.head
    return None


def _aside_noun(noun: Token) -> bool:
    """A counted noun that breaks a whole down: "21 people had been killed -- 17 civilians and four police
    officers -- and 46 had been injured": the 46 are people, not officers."""
    if noun.dep_ == "dobj" and any(c.dep_ == "auxpass" for c in noun.head.children):
        return True  # (a passive verb has no object: the parse took the breakdown after a dash for one)
    return noun.dep_ in {"appos", "conj"} or (
        noun.dep_ == "pobj" and noun.head.lower_ in {"including", "among"}
    )


_MEASURE_WORDS = {"distance": "distance", "duration": "time", "percent": "share", "money": "amount"}


def _measure_counts(kind: str, noun: Token | None, governor: Token | None) -> str:
    """What a measure measures: the noun it names ("unemployment rate", "prize"), else the plain measure word
    ("time", "distance", "share", "amount") with the verb that governs it ("time held", "amount approved").
    The unit itself is the figure's `unit`."""
    for candidate in (noun, governor):
        if candidate is not None and candidate.pos_ == "NOUN" and candidate.lower_ not in _UNIT_NOUNS:
            return _phrase(candidate, set())
    word = _MEASURE_WORDS[kind]
    if governor is not None and governor.pos_ == "VERB" and governor.lemma_.lower() not in _LIGHT_VERBS:
        return f"{word} {past_participle(governor.lemma_.lower())}"
    return word


_UNIT_NOUNS = DURATION_UNITS | DISTANCE_UNITS | {"percent", "per", "cent", "%", "dollars", "dollar", "euros"}


def _plain(
    mention: NumberMention, thing: str | None, noun: Token | None, governor: Token | None
) -> Counted | None:
    """A count that is no measure (`count` handles those first via `_measure`) and no casualty."""
    unit = (mention.quantity.unit or "").lower()
    if noun is not None and noun.lower_ in PEOPLE_NOUNS:
        kind = "people"
    elif unit:
        kind = "quantity"
    elif noun is not None:
        kind = "count"
    else:
        kind = "other"
    lemma = governor.lemma_.lower() if governor is not None else ""
    acted = governor is not None and governor.pos_ == "VERB" and lemma not in _LIGHT_VERBS
    if thing and acted and kind in {"people", "count"} and governor is not None:
        negated = any(c.dep_ == "neg" for c in governor.children)  # "Two other passengers were not injured"
        return Counted(f"{thing} {'not ' if negated else ''}{past_participle(lemma)}", kind)
    if thing:
        return Counted(thing, kind)
    if kind != "other" and governor is not None and governor.pos_ in {"NOUN", "ADJ"}:
        return Counted(governor.lemma_.lower(), kind)
    if kind != "other":
        return Counted(unit or kind, kind)
    return None
