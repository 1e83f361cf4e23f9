"""Articles: reading input (text, Markdown, HTML, stdin) into one clean text that every span indexes.

Cleaning happens once, here: line endings become `\\n`, and zero-width and bidirectional control characters
are removed (they hide text from a reader and can smuggle instructions past one). Every `span` in a brief
indexes `Article.text` after this cleaning.

Outlets differ in encoding: bytes that are not UTF-8 are decoded by charset detection (charset-normalizer),
with a warning naming the encoding, because a wrong guess shows up as odd characters in evidence and a reader
should know it was a guess. Only bytes that no encoding explains as text are refused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.errors import ArticleError
from summarizer.text.dates import dateline

__all__ = [
    "MAX_ARTICLE_BYTES",
    "Article",
    "clean_text",
    "detect_encoding",
    "load_article",
    "parse_date",
    "read_error",
]

MAX_ARTICLE_BYTES = 2_000_000
"""Larger input is refused: no news article is 2 MB of text, and a model call on it would cost hours."""

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass(frozen=True)
class Article:
    """An article as the pipeline sees it. `text` is what spans index."""

    text: str
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    origin: str | None = field(default=None, compare=False)
    publisher: str | None = None
    id: str | None = None
    """The caller's name for the article (a story's JSONL id, a file path); None: none was given."""
    warnings: tuple[str, ...] = field(default=(), compare=False)
    """What reading it had to guess, e.g. the encoding of bytes that were not UTF-8."""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        date: dt.date | str | None = None,
        title: str | None = None,
        url: str | None = None,
        publisher: str | None = None,
        id: str | None = None,
    ) -> Article:
        """Build from text already in memory; the date falls back to a dateline at the top of the text."""
        cleaned = clean_text(text)
        _require_content(cleaned, "the article")
        when = parse_date(date) if isinstance(date, str) else date
        return cls(
            text=cleaned, title=title, date=when or dateline(cleaned), url=url, publisher=publisher, id=id
        )


def clean_text(text: str) -> str:
    return _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ArticleError(f"bad date {value!r}: use YYYY-MM-DD, e.g. --date 2021-05-24") from None


_LETTER = re.compile(r"[^\W\d_]")


def _require_content(text: str, what: str) -> None:
    if not text.strip():
        raise ArticleError(f"{what} is empty: nothing to brief")
    letters = len(list(itertools.islice(_LETTER.finditer(text), 20)))  # stops at 20: huge texts cost nothing
    if letters < 20:
        raise ArticleError(f"{what} has almost no words ({letters} letters): nothing to brief")


def _decode(data: bytes, name: str) -> tuple[str, str | None]:
    """The text, and a warning when it was not UTF-8 and its encoding had to be detected."""
    if not data.strip():
        raise ArticleError(f"{name} is empty: nothing to brief")
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"{name} is {len(data):,} bytes, over the {MAX_ARTICLE_BYTES:,}-byte limit for one article: "
            "split it or pass the article alone"
        )
    refused = ArticleError(
        f"{name} is not valid UTF-8 and no other text encoding explains it: "
        "convert it first, e.g. `iconv -f ENCODING -t UTF-8`"
    )
    if data.startswith(_UTF16_BOMS):
        # The mark declares UTF-16 (whose ASCII letters hold NUL bytes); bytes that contradict it are damaged.
        text = _plausible(data, "utf-16")
        if text is None:
            raise refused
        return text, _warn(
            f"{name} is not UTF-8: decoded as utf-16 (it starts with a UTF-16 byte-order mark)"
        )
    if b"\x00" in data:
        raise ArticleError(f"{name} looks binary (it has NUL bytes): pass a text, Markdown or HTML article")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    detected = detect_encoding(data)
    if detected is None:
        raise refused
    text, encoding = detected
    return text, _warn(f"{name} is not UTF-8: decoded as {encoding} (detected; check odd characters)")


def _warn(message: str) -> str:
    logging.getLogger("summarizer").warning(message)
    return message


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_TEXT_CATEGORIES = ("L", "M", "N", "P", "S", "Z")
_PREFERRED = ("cp1252", "latin-1")
"""Named instead of the detected encoding when they give the very same text (the encodings people know)."""


def _plausible(data: bytes, encoding: str) -> str | None:
    """`data` decoded, when that reads as ordinary text: letters, digits, punctuation, spaces, with almost no
    control characters, unassigned code points or stray symbols (what random bytes decode to)."""
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    shown = [c for c in text.lstrip("\ufeff") if c not in "\n\r\t"]
    if not shown:
        return None
    categories = [unicodedata.category(c) for c in shown]
    odd = sum(1 for c in categories if not c.startswith(_TEXT_CATEGORIES))
    symbols = sum(1 for c in categories if c in {"So", "Sk", "Co", "Cn"})
    if odd > len(shown) * 0.01 or symbols > len(shown) * 0.05 or "Cn" in categories:
        return None
    return text


def detect_encoding(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when some encoding reads `data` as ordinary text, else None.

    charset-normalizer ranks encodings by how orderly the decoded text looks; its best guess is taken only
    when that text is still plain text (see `_plausible`: random bytes decode in single-byte encodings too,
    as a soup of symbols and control characters)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with trafilatura, declared in pyproject
        return None
    best = from_bytes(data).best()
    if best is None:
        return None
    text = _plausible(data, best.encoding)
    if text is None or not text.strip():
        return None
    for encoding in _PREFERRED:
        if _plausible(data, encoding) == text:
            return text, encoding
    return text, best.encoding


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _from_html(html: str, name: str) -> tuple[str, str | None, dt.date | None, str | None]:
    try:
        import trafilatura
        from lxml.html import clean  # noqa: F401  (trafilatura needs it at extraction time)
    except ImportError as exc:
        raise ArticleError(
            f"{name} is HTML, and HTML extraction is not installed ({exc.name}): reinstall summarizer"
        ) from None

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    body = None
    title = url = None
    when = None
    if extracted is not None:
        data = extracted if isinstance(extracted, dict) else extracted.as_dict()
        body = data.get("text")
        title = data.get("title")
        url = data.get("url")
        raw_date = data.get("date")
        if isinstance(raw_date, str):
            try:
                when = dt.date.fromisoformat(raw_date[:10])
            except ValueError:
                when = None
    if not body or len(body.split()) < 5:
        raise ArticleError(f"{name} is HTML with no article text in it: pass the article page or its text")
    return body, title, when, url


def read_error(name: str, exc: OSError, *, directory: str = "") -> str:
    """One line on why the file `name` could not be read, for a `SummarizerError`; `directory` says what to
    pass instead of a directory."""
    if isinstance(exc, FileNotFoundError):
        return f"{name}: no such file"
    if isinstance(exc, PermissionError):
        return f"{name}: permission denied"
    if isinstance(exc, IsADirectoryError):
        return f"{name} is a directory" + (f": {directory}" if directory else "")
    return f"{name}: cannot read ({exc.strerror})"


def load_article(
    source: str | Path, *, date: dt.date | str | None = None, stdin: bytes | None = None
) -> Article:
    """Read an article from a path, or from `stdin` bytes when `source` is '-'.

    The date comes from `date`, else HTML metadata, else a dateline at the top of the text.
    """
    name = "standard input" if str(source) == "-" else str(source)
    if str(source) == "-":
        data = stdin if stdin is not None else b""
    else:
        path = Path(source)
        try:
            if path.is_dir():
                raise ArticleError(f"{name} is a directory: pass an article file")
            size = path.stat().st_size
            if size > MAX_ARTICLE_BYTES:
                raise ArticleError(
                    f"{name} is {size:,} bytes, over the {MAX_ARTICLE_BYTES:,}-byte limit for one article: "
                    "split it or pass the article alone"
                )
            data = path.read_bytes()
        except OSError as exc:
            raise ArticleError(read_error(name, exc, directory="pass an article file")) from None
    text, warning = _decode(data, name)
    title = url = None
    meta_date = None
    is_html = Path(str(source)).suffix.lower() in _HTML_SUFFIXES or _looks_like_html(text)
    if is_html:
        text, title, meta_date, url = _from_html(text, name)
    cleaned = clean_text(text)
    _require_content(cleaned, name)
    when = parse_date(date) if isinstance(date, str) else date
    return Article(
        text=cleaned,
        title=title,
        date=when or meta_date or dateline(cleaned),
        url=url,
        origin=name,
        warnings=(warning,) if warning else (),
    )
