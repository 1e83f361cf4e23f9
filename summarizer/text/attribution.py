"""Who says what, from the dependency parse: the speaker, the cue, the reported clause and the direct quote.

A speaker is the subject of a speech verb ("X said", "..., said X", "X warned that ...") or X in "according
to X", with its full name and title ("Taliban Spokesman Zabihullah Mujahid"). "He said" and "the spokesman
said" are resolved to the named speaker they refer to, and the brief says so where that is a guess. A subject
that cannot speak ("the economy suggests") is no source. Every attribution points at its sentence, so a
claim's source, statement and quote are the article's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarizer.text.authors import author, named_by_appositive
from summarizer.text.furniture import junk_name
from summarizer.text.gazetteer import FIRST_NAMES
from summarizer.text.nlp import glued_hyphen, objects_of
from summarizer.text.sentences import Sentence
from summarizer.text.wordclasses import (
    DOCUMENT_NOUNS,
    PEOPLE_NOUNS,
    SOURCE_NOUNS,
    SPEECH_LEMMAS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    WEAK_SPEECH_LEMMAS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Attribution", "find_attributions", "speaker_name", "speaks"]

_PRONOUNS = {"he", "she", "they", "we", "it"}
_PERSON_PRONOUNS = {"he", "she"}
_QUOTE = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]")
_STOPS = {",", "(", "-", "–", "—", ":", ";", "|", "\n"}
_MAX_SPEAKER_WORDS = 6
_NAMED_TYPES = {"PERSON", "ORG", "NORP", "GPE"}
_NAME_PARTS = {"compound", "amod", "poss", "case", "flat", "nmod", "det", "punct"}


@dataclass(frozen=True, slots=True)
class Attribution:
    sentence: Sentence
    source: str
    cue: str
    statement: str
    quote: str | None
    guessed: str | None = None
    """Set when the source was resolved from a pronoun or a description: what the article wrote."""
    follow: Sentence | None = None
    """The bare quotation in the next sentence that this speaker says, if any."""
    named: bool = False
    """The source's words include a name or a national/faith adjective ("Saudi officials", "Yonhap news
    agency"): it can stand in `who`; a bare "officials" or "media reports" cannot."""
    label: str = ""
    """The recogniser's label of the source's head word ("PERSON", "ORG", ...), "" when it has none."""
    plural: bool = False
    """The source's head word is plural ("officials"): a group, not a person."""
    described: str = ""
    """The words the sentence names the source with, title included ("Interior ministry spokeswoman Ilse
    Varga")."""
    scope: tuple[int, int] | None = None
    """Where the source speaks, when not the whole sentence: the finding of a subordinate clause ("..., since
    a report found that patients waited longer"); the main clause's figures are not the report's."""
    unnamed: str = ""
    """An unnamed source as the article describes it, its count and what qualifies it included ("two people
    familiar with the talks", "a Democratic official briefed on the deliberations"); "" when the source is
    named or the description adds nothing to `source`."""


def _text(doc: Doc, tokens: list[Token]) -> str:
    return doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)] if tokens else ""


def _name_tokens(head: Token) -> list[Token]:
    """The subject's name: the head and the words before it that name it ("Afghanistan's Defense Ministry"),
    plus "for the ministry" after a spokesman."""
    left = [t for t in head.subtree if t.i <= head.i]
    # keep the contiguous run that ends at the head and is made of naming words only
    run: list[Token] = []
    for token in reversed(left):
        hyphenated = bool(run) and glued_hyphen(run[0])  # "Hamas" of "Hamas-run health ministry"
        named_part = token.ent_type_ in {"ORG", "GPE"} and token.dep_ in {
            "prep",
            "pobj",
        }  # "Department of Health"
        if (
            token.i != head.i
            and not hyphenated
            and not named_part
            and (token.dep_ not in _NAME_PARTS or (token.text in _STOPS and not glued_hyphen(token)))
        ):
            break
        run.insert(0, token)
    while run and (run[0].dep_ in {"det", "punct"} or run[0].lower_ in {"the", "a", "an"}):
        run.pop(0)
    titles = [i for i, t in enumerate(run[:-1]) if t.lower_ in TITLE_WORDS and t.is_lower]
    if titles and all(t.pos_ == "PROPN" for t in run[titles[-1] + 1 :]):
        # "Interior ministry spokeswoman Ilse Varga": the name after a lower-case title is the speaker
        run = run[titles[-1] + 1 :]
    elif head.ent_type_ == "PERSON" and any(t.is_lower for t in run):
        # "Executive director of the Dallas chapter of CAIR Alia Salem": the source is the person; the
        # description before the name is a role, read with the names
        person = next(e for e in head.doc.ents if e.start <= head.i < e.end)
        run = [t for t in run if t.i >= person.start]
    for child in head.rights:
        if child.dep_ in {"flat", "compound"}:
            run.append(child)
        elif child.dep_ == "prep" and child.lower_ in {"for", "of", "at"}:
            objects = list(child.subtree)
            cut = next((k for k, t in enumerate(objects) if t.text == "," or t.dep_ == "appos"), None)
            objects = objects[:cut]  # "Federation of Labour, the country's largest union": the name only
            if any(t.pos_ == "PROPN" or t.lower_ in SOURCE_NOUNS for t in objects):
                run.extend(objects)
            break
    return run


def speaks(verb: Token, quoted: bool = False) -> bool:
    """The verb reports what its subject says: a speech verb ("said", "warned"), or one that also names a plain
    act ("called", "claimed") with something said beside it -- a clause, a saying verb, or a quotation
    (`quoted`: the sentence has one) when the verb has no object of its own ("called the police" is an act)."""
    lemma = verb.lemma_.lower()
    if lemma not in SPEECH_LEMMAS or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ == "neg" for c in verb.children) or verb.head.lemma_.lower() in {"decline", "refuse"}:
        return False  # "did not respond to calls", "declined to comment": nothing said
    if lemma not in WEAK_SPEECH_LEMMAS:
        return True
    if lemma == "call" and quoted and any(t.text in {'"', "“"} for t in verb.subtree if t.i > verb.i):
        return True  # 'calling the remarks "the sound of a front-runner"': a quoted name for something
    return (quoted and not any(c.dep_ == "dobj" for c in verb.children)) or _reports(verb)


def _reports(verb: Token) -> bool:
    """A clause ("demanded that ...") or a saying verb beside the verb ("criticized the decision, calling it a
    mistake")."""
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp", "parataxis"}:
            return True
        if child.dep_ == "oprd" and verb.lemma_.lower() == "call":
            return True  # "calling the senator's remarks 'the sound of a front-runner ...'"
        if child.dep_ == "prep" and child.lower_ == "of" and verb.lemma_.lower() == "accuse":
            return True  # "accused ministers of sleepwalking into a crisis": an accusation is a claim
        if child.dep_ == "advcl" and child.lemma_.lower() in SPEECH_LEMMAS - WEAK_SPEECH_LEMMAS | {"call"}:
            return True
    return False


def _can_speak(head: Token, tokens: list[Token]) -> bool:
    if any(t.pos_ == "PROPN" for t in tokens) or head.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return True
    if named_by_appositive(head) is not None:
        return True  # "the federation's general secretary, Marit Oduya, warned"
    return head.lemma_.lower() in SOURCE_NOUNS or head.lower_ in SOURCE_NOUNS | PEOPLE_NOUNS


def _statement(doc: Doc, verb: Token, sentence: Sentence, skip: set[int]) -> str:
    clause = next((c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}), None)
    for message in objects_of(verb, {"in"}) if clause is None else ():
        # "said in a statement that the ad was false": the clause hangs on the message
        if message.lemma_.lower() in _MESSAGES:
            clause = next((c for c in message.children if c.dep_ in {"acl", "ccomp"}), None)
    if clause is not None:
        tokens = [t for t in clause.subtree if t.dep_ != "mark" or t.head is not clause]
        text = _text(doc, tokens)
    else:
        text = " ".join(
            t.text_with_ws.strip()
            for t in doc[sentence_tokens(doc, sentence)]
            if t.i not in skip and t.i != verb.i
        )
    text = re.sub(r"^(?:that|whether)\s+", "", text.strip(' ,.;:"“”'), flags=re.I)
    return " ".join(text.split()[:60])


def sentence_tokens(doc: Doc, sentence: Sentence) -> slice:
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    return slice(span.start, span.end) if span is not None else slice(0, 0)


class _Speakers:
    """The last named speaker and the last person mentioned: what "he said" and "the spokesman said" mean."""

    def __init__(self) -> None:
        self.last: str | None = None
        self.last_person: str | None = None
        self.last_subject: str | None = None
        """The person who last did something as a subject ("Evrard defended his minister"), or spoke."""
        self.roles: dict[str, str] = {}
        self.order: dict[str, int] = {}
        """When each person was last mentioned (a running count), for the latest holder of a role."""
        self.clock = 0
        self.gender: dict[str, str] = {}
        """"he" or "she", where the article says which ("Mr Reed", "defended his minister")."""

    def seen(self, span: Span) -> None:
        quotes = [
            (m.start() + span.start_char, m.end() + span.start_char) for m in _QUOTE.finditer(span.text)
        ]
        marks = [i for i, c in enumerate(span.text) if c in '"“”']
        if len(marks) % 2:  # a quotation the sentence splitter cut: '"Miriam has my full support.' opens one
            first = marks[0]
            opens = span.text[first] != "”" and not span.text[:first].strip()
            quotes.append(
                (span.start_char + first, span.end_char)
                if opens
                else (span.start_char, span.start_char + first)
            )
        for ent in span.ents:
            if ent.label_ != "PERSON" or any(a <= ent.start_char < b for a, b in quotes):
                continue  # a name inside a quotation is not who the next "she said" means
            self.last_person = ent.text
            self.clock += 1
            self.order[ent.text] = self.clock
            self._read_gender(ent)
            if ent.root.dep_ in {"nsubj", "nsubjpass"}:
                self.last_subject = ent.text

    def _read_gender(self, ent: Span) -> None:
        """An honorific ("Mrs"), then the first name's usual gender, then the article's next pronoun ("defended
        his minister"; it may be another person's: "Callum Rafferty moved to shore up her position")."""
        doc = ent.doc
        before = doc[ent.start - 1].lower_.rstrip(".") if ent.start else ""
        said = _HONORIFICS.get(before)
        if said is None and len(ent) > 1:
            said = FIRST_NAMES.get(ent[0].lower_)
        if said is None:
            said = next(
                (_GENDERED[t.lower_] for t in doc[ent.end : ent.sent.end] if t.lower_ in _GENDERED), None
            )
        if said is not None:
            self.gender[ent.text] = said

    def said(self, source: str, described: str) -> None:
        """`source` spoke, described in the sentence as `described` ("Interior ministry spokeswoman Ilse
        Varga"): a later "the spokeswoman said" is theirs."""
        self.last = self.last_subject = source
        self.clock += 1
        self.order[source] = self.clock  # (the recogniser may not call the speaker a PERSON)
        if source not in self.roles:
            self.roles[source] = described

    def resolve(self, head: Token, name: str) -> tuple[str | None, str | None]:
        """(source, what the article wrote when it was a guess)."""
        word = head.lower_
        if word in _PRONOUNS:
            found = self._referent(word) if word in _PERSON_PRONOUNS else self.last
            return found, word if found else None
        definite = any(c.lower_ == "the" for c in head.children) and head.tag_ == "NN"
        if definite and head.pos_ != "PROPN":  # "the spokesman said": a person named before with that role
            holder = self._holder(head.lemma_.lower())
            if holder is not None:
                return holder, name
        return name, None

    def _referent(self, pronoun: str) -> str | None:
        """Who "he" or "she" is: the person who was last a subject ("Evrard defended his minister. He
        insisted"), else the last speaker, else the last person named; never one known to be the other ("Tom
        Reed signed it. She said" is not Reed)."""
        for candidate in (self.last_subject, self.last, self.last_person):
            if candidate and self._gender(candidate) in {pronoun, None}:
                return candidate
        return None

    def _gender(self, name: str) -> str | None:
        return next((g for mention, g in self.gender.items() if mention in name or name in mention), None)

    def _holder(self, title: str) -> str | None:
        """The person with `title` in their role who was mentioned last."""
        holders = [
            (self._last_mention(s), s) for s, role in self.roles.items() if title in _title_words(role)
        ]
        holders = [pair for pair in holders if pair[0] >= 0]
        return max(holders)[1] if holders else None

    def _last_mention(self, name: str) -> int:
        return max((i for mention, i in self.order.items() if mention in name or name in mention), default=-1)


def _title_words(role: str) -> set[str]:
    """The words of a role, abbreviated titles written out ("Sen." is a senator)."""
    words = role.lower().split()
    return set(words) | {TITLE_ABBREVIATIONS[w] for w in words if w in TITLE_ABBREVIATIONS}


_HONORIFICS = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she", "sir": "he", "dame": "she"}
_GENDERED = {
    **dict.fromkeys(["he", "him", "his", "himself"], "he"),
    **dict.fromkeys(["she", "her", "hers", "herself"], "she"),
}


def find_attributions(doc: Doc, sentences: list[Sentence], roles: dict[str, str]) -> list[Attribution]:
    """One attribution per sentence that has one, in article order. `roles`: speaker name -> role, for
    resolving "the spokesman said"."""
    speakers = _Speakers()
    speakers.roles = dict(roles)
    found: list[Attribution] = []
    for i, sentence in enumerate(sentences):
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        follow = sentences[i + 1] if i + 1 < len(sentences) else None
        attribution = _attribute(doc, span, sentence, follow, speakers)
        speakers.seen(span)
        if attribution is not None:
            found.append(attribution)
            if attribution.guessed is None:
                speakers.said(attribution.source, attribution.described)
    return found


_RULE_NOUNS = {
    "plan", "law", "rule", "duty", "schedule", "constitution", "tradition", "custom", "instruction", "procedure",
    "protocol", "need", "ability", "script", "regulation", "principle", "guideline", "standard", "wish",
}  # fmt: skip
"""What "according to" follows, not who says: "act according to his constitutional duties", "went according
to plan"."""


def _attribute(
    doc: Doc, span: Span, sentence: Sentence, follow: Sentence | None, speakers: _Speakers
) -> Attribution | None:
    for token in span:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects and objects[0].lemma_.lower() not in _RULE_NOUNS:
                return _make(doc, sentence, follow, speakers, objects[0], "according to", token, span)
    quotes = [(m.start() + sentence.start, m.end() + sentence.start) for m in _QUOTE.finditer(sentence.text)]
    inside = {t.i for t in span if any(a <= t.idx < b for a, b in quotes)}
    # a verb outside the quotation first: in '"They are promising the moon," said Marsh' Marsh speaks
    # and a subordinate finding ("since a report found that ...") only when the main clause has no speaker
    for token in sorted(span, key=lambda t: (t.i in inside, t.dep_ not in {"ROOT", "conj"} and _finding(t))):
        if not speaks(token, bool(quotes)) and not _finding(token):
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        # "went further in a statement, calling the remarks 'the sound of ...'" (a quoted name for something)
        strong = token.lemma_.lower() not in WEAK_SPEECH_LEMMAS or token.lemma_ == "call"
        if (
            not subjects
            and strong
            and token.dep_ in {"advcl", "xcomp", "conj"}
            and token.tag_ in {"VBG", "VBD", "VB"}
        ):
            # "Brankova went further, telling state television that ...": the clause's subject speaks
            subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
        if not subjects:
            subjects = _borrowed_subject(token)
        if subjects:
            made = _make(doc, sentence, follow, speakers, subjects[0], token.lower_, token, span)
            if made is not None:
                return made
    return None


def _finding(verb: Token) -> bool:
    """ "The committee's report found that ...", "the poll shows that ...": a text's finding is its claim (a
    person who "found" something did not say it)."""
    said = any(
        c.dep_ in {"ccomp", "dobj"} for c in verb.children
    )  # "found that ...", "found her at 31 percent"
    if verb.lemma_.lower() not in {"find", "show"} or not said:
        return False
    if verb.dep_ not in {"ROOT", "conj"} and not any(c.dep_ == "ccomp" for c in verb.children):
        return (
            False  # "..., although a recent poll found her at 31 percent": the main clause is not the poll's
        )
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in verb.children)


_MESSAGES = {"statement", "message", "letter", "post", "release", "note", "video", "tweet", "email"}


def _borrowed_subject(verb: Token) -> list[Token]:
    """The speaker of a speech verb the parse gave no subject: "The ministry issued a statement saying ...",
    "the party released a statement accusing ..." (the issuer of the message), "Judge Arvay, reading a
    summary of the judgment, said ..." (a subject the parse hung on the participle before the verb)."""
    head = verb.head
    if verb.dep_ == "acl" and head.lemma_.lower() in _MESSAGES and head.dep_ == "dobj":
        return [c for c in head.head.children if c.dep_ == "nsubj"]
    participles = [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < verb.i]
    return [s for p in participles for s in p.children if s.dep_ == "nsubj" and s.i < p.i]


def _make(
    doc: Doc,
    sentence: Sentence,
    follow: Sentence | None,
    speakers: _Speakers,
    head: Token,
    cue: str,
    verb: Token,
    span: Span,
) -> Attribution | None:
    tokens = _name_tokens(head)
    # "according to X" marks X as a source by itself; a speech verb's subject must be able to speak
    speaks = cue == "according to" or _can_speak(head, tokens) or head.lower_ in _PRONOUNS
    speaks = speaks or (head.lemma_.lower() in DOCUMENT_NOUNS and _finding(verb))  # "An analysis by X found"
    if not tokens or not speaks:
        return None
    source, guessed = speakers.resolve(head, _text(doc, tokens))
    source = author(source or "", head)
    if not source or junk_name(source[:1].upper() + source[1:]):  # a common-noun source may be lower case
        return None
    if cue == "according to":
        statement = _without(doc, sentence, verb, head)
    else:
        statement = _statement(doc, verb, sentence, {t.i for t in tokens} | {t.i for t in head.subtree})
    follow_quote = follow if follow is not None and _bare_quote(follow.text) else None
    quotes = _QUOTE.findall(sentence.text + (" " + follow_quote.text if follow_quote else ""))
    quote = max(quotes, key=len).rstrip(" ,;:") if quotes else None
    if len(statement.split()) < 2 and quote:
        statement = " ".join(quote.split()[:60])
    if len(statement.split()) < 2:
        return None
    named = any(t.pos_ == "PROPN" or t.ent_type_ in _NAMED_TYPES for t in tokens)
    plural = head.tag_ in {"NNS", "NNPS"}
    source = source.strip(" ,.;:")
    described = _text(doc, [t for t in head.subtree if t.i <= head.i and t.dep_ != "punct"])
    unnamed = (
        _unnamed(head, tokens) if guessed is None and source == _text(doc, tokens).strip(" ,.;:") else ""
    )
    return Attribution(
        sentence,
        source,
        cue,
        statement,
        quote,
        guessed,
        follow_quote,
        named,
        head.ent_type_,
        plural,
        described,
        _scope(verb),
        unnamed,
    )


def _scope(verb: Token) -> tuple[int, int] | None:
    """The finding clause of a subordinate "a report found that ..." (see `Attribution.scope`)."""
    if verb.dep_ in {"ROOT", "conj"} or not _finding(verb):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    tokens = list(clause.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


_QUALIFIERS = {"amod", "acl"}
_PLACED = {"in", "at", "within", "inside"}  # "a senior official in the Department of Agriculture"
_UNNAMED_HEADS = PEOPLE_NOUNS | {"source", "sources"}
_MAX_UNNAMED_WORDS = 10


def _unnamed(head: Token, tokens: list[Token]) -> str:
    """ "Two people familiar with the talks said": the count before an unnamed source and the words that
    qualify it after ("familiar with ...", "close to ...", "briefed on ..."), up to a comma or a clause of its
    own ("who requested anonymity"). How the article vouches for an anonymous source is part of its name."""
    if head.pos_ != "NOUN" or head.lower_ not in _UNNAMED_HEADS or any(t.pos_ == "PROPN" for t in tokens):
        return ""
    doc = head.doc
    first = tokens[0].i
    count = [c for c in head.lefts if c.dep_ in {"nummod", "det"} and c.i == first - 1]
    if count:
        first = count[0].i
    last = tokens[-1].i
    qualifiers = (c for c in head.rights if c.i == last + 1)
    for child in (
        c for c in qualifiers if c.dep_ in _QUALIFIERS or (c.dep_ == "prep" and c.lower_ in _PLACED)
    ):
        for token in child.subtree:
            if token.text in _STOPS or token.dep_ == "relcl" or token.i != last + 1:
                break
            last = token.i
    words = doc[first : last + 1]
    if len(words) > _MAX_UNNAMED_WORDS or (first, last) == (tokens[0].i, tokens[-1].i):
        return ""
    if words[0].lower_ == "the":
        words = words[1:]
    text = words.text
    return text if words[0].pos_ == "PROPN" else text[:1].lower() + text[1:]  # "Two people" opens a sentence


def _without(doc: Doc, sentence: Sentence, according: Token, head: Token) -> str:
    """The sentence with its "according to X" phrase (and the comma after it) taken out."""
    start = according.idx
    last = max(t.i for t in head.subtree)
    end = doc[last].idx + len(doc[last].text)
    text = doc.text
    rest = text[sentence.start : start] + " " + text[end : sentence.end].lstrip(" ,")
    return " ".join(rest.strip(' ,.;:"“”').split()[:60])


def _bare_quote(text: str) -> bool:
    """A sentence that is only a quotation: the speaker was named in the sentence before."""
    return text[:1] in '"“' and not any(
        w.strip(".,").lower() in {"said", "says", "told", "added"} for w in text.split()[-4:]
    )


def speaker_name(attribution: Attribution) -> str | None:
    """The name under which a source is one of the article's actors, or None when it is not one.

    A source is an actor when it is named ("Yonhap news agency", "Saudi officials", "the Greek court" under a
    national adjective); an unowned text ("media reports") and a bare common noun ("officials") name nobody, and a pronoun resolved by a
    guess is left to the named speaker it was resolved to. Long descriptions are not names either.
    """
    if attribution.guessed is not None or not attribution.named:
        return None
    words = attribution.source.split()
    while words and words[0][:1].islower() and words[-1][:1].isupper():
        words.pop(0)  # "popular app TikTok" is TikTok; "senior JVM leader" stays a description
    if not words or words[-1].lower() in DOCUMENT_NOUNS or len(words) > _MAX_SPEAKER_WORDS:
        return None
    return " ".join(words)
