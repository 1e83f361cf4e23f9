"""Who a source stands for, when the subject of a speech verb is not itself the name to report: the author of
a text ("PC World's analysis says", "a survey by the Ashford Falls Civic Institute found"), or the person an
appositive names ("its legal director, Simone Petrakis, told"). attribution.py asks these rules after it has
found the speaking subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.text.nlp import glued_hyphen
from summarizer.text.wordclasses import DOCUMENT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["author", "named_by_appositive"]


def author(source: str, head: Token) -> str:
    """Who a source stands for, from the parse: the owner of a text ("PC World's recent analysis says", "a Pew
    Research Center poll", "a Children's Hospital statement"), the person an appositive names ("Clinton's
    campaign manager, Robby Mook, insisted")."""
    doc = head.doc
    if head.lower_ in DOCUMENT_NOUNS:
        names = [w for t in head.lefts if t.dep_ in {"poss", "compound"} for w in t.subtree]
        owned = any(t.dep_ == "poss" for t in head.lefts)
        while names and names[-1].dep_ == "case":
            names.pop()
        while names and names[0].dep_ == "det":
            names.pop(0)  # "The committee's report found": the committee
        if names and (owned or all(t.pos_ == "PROPN" or t.tag_ == "POS" for t in names)):
            return doc.text[names[0].idx : names[-1].idx + len(names[-1].text)]
        # "a survey released Friday by the Institute" (its author), not "a letter seen by Sky News"
        issued = [c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in _ISSUING]
        preps = [c for t in (head, *issued) for c in t.children if c.dep_ in {"prep", "agent"}]
        for prep in (c for c in preps if c.lower_ in {"from", "by", "of"}):
            # "figures from the Estmark Bar Association", "an analysis by the Housing Trust"
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                by = _issuer(obj)
                if by:
                    return by
        return source
    named = named_by_appositive(head)
    if named is not None and head.pos_ in {"NOUN", "NUM"}:
        # "its legal director, Simone Petrakis, told", "One of them, retired teacher Milena Dvorak, said"
        return _appositive_name(named)
    return source


def _issuer(obj: Token) -> str:
    """The author a document's "by"/"from" phrase names: a recognised name ("the Housing Trust"), a proper
    name the recogniser missed ("a survey by the Ashford Falls Civic Institute"), or the person an
    appositive names ("results declared by the Chief Electoral Officer, Anil Mehra")."""
    doc = obj.doc
    person = next((c for c in obj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if person is not None:
        return _appositive_name(person)
    if obj.ent_type_ in {"ORG", "PERSON"}:
        name = [t for t in obj.subtree if t.ent_type_ == obj.ent_type_]
    elif obj.pos_ == "PROPN":
        inside = {t.i for t in obj.subtree}
        first = obj.i
        while first - 1 in inside and doc[first - 1].pos_ == "PROPN":
            first -= 1
        name = [doc[first], obj]
    else:
        return ""
    return doc.text[name[0].idx : name[-1].idx + len(name[-1].text)]


_ISSUING = {
    "release",
    "publish",
    "issue",
    "conduct",
    "produce",
    "write",
    "prepare",
    "compile",
    "send",
    "commission",
    "declare",
    "announce",
    "certify",
}


def named_by_appositive(head: Token) -> Token | None:
    """The name in apposition to a described subject: its own ("its director, Tomasz Reinholt,"), or a person's
    name that closes its phrase ("Her counterpart from Dravonia, Pavel Sternik,")."""
    named = [c for c in head.children if _names_someone(c)]
    if not named and head.pos_ == "NOUN":
        named = [t for t in head.subtree if t.i > head.i and _names_someone(t) and t.ent_type_ == "PERSON"]
    return named[0] if named else None


def _names_someone(token: Token) -> bool:
    """An appositive that is a name ("its director, Tomasz Reinholt,"), not a description ("a Canadian")."""
    if token.dep_ != "appos" or token.pos_ != "PROPN" or token.ent_type_ in {"NORP", "GPE"}:
        return False
    return not any(c.dep_ == "det" for c in token.children)


def _appositive_name(appos: Token) -> str:
    """The proper-noun run that ends at an appositive's head ("Reynaldo Aguirre-Buck"), without the common
    words that describe the person before it ("state Senator" is kept: a title is capitalised)."""
    doc = appos.doc
    start = appos.i
    while start > 0 and (doc[start - 1].pos_ == "PROPN" or glued_hyphen(doc[start - 1])):
        start -= 1
    person = [t.i for t in doc[start : appos.i + 1] if t.ent_type_ == "PERSON"]
    start = person[0] if person and appos.ent_type_ == "PERSON" else start  # "Senator X" is X
    end = appos
    for prep in (c for c in appos.rights if c.dep_ == "prep" and c.lower_ in {"for", "of"}):
        tail = list(prep.subtree)
        if tail[-1].pos_ == "PROPN":
            end = tail[-1]  # "the aid group Bread for Borders"
        break
    return doc.text[doc[start].idx : end.idx + len(end.text)]
