"""`eval check`: lint a suite's references, so that a score measures the summarizer and not a typo.

Checked, per case: the line is a JSON object with a unique string id; the article (or each article of a story)
can be read and its date parses; the reference has the shape of CONTRACT §2 (and §4 for a story: figures with
``values``/``latest``, ``conflicts``); every ``when`` date is a real day; it is not a draft (`eval draft`);
and what the reference claims is in the article(s):

* every ``who``/``where`` entry's name or one of its aliases occurs, as whole words, ignoring case, accents,
  apostrophes and punctuation between words ("six-member" = "six - member"). A word may also be the adjective
  of a place the article names ("Greek" for "Greece", "Australian" for "Australia"): at least four letters in
  common from the start, and all but the last letter of the shorter word;
* every claim source and figure source occurs the same way;
* every figure value (and ``upper``) is a number the article states (the numbers reader's values, within
  0.5%), or the figure's ``text`` occurs in the article (the value is then the writer's reading of it: "two
  decades" is 20 years). When the article states that very ``text`` as a plain number, the value must agree
  with it;
* a story figure's ``values`` and ``latest`` are numbers one of the articles states, or the ``text`` of one of
  the figure's ``reports`` with that value occurs in them.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.contract import APPROX_VALUES, FIGURE_KINDS
from summarizer.errors import SummarizerError
from summarizer.evaluation.entities import DATE
from summarizer.evaluation.suite import SuiteFiles, load_article_spec, read_suite_lines
from summarizer.evaluation.words import tokenize
from summarizer.text.numbers import find_numbers

__all__ = ["Problem", "check_suite"]


@dataclass(frozen=True)
class Problem:
    line: int
    case: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.case}: {self.message}"


# --- Shapes (CONTRACT §2, §4) --------------------------------------------------------------------------

_Rule = tuple[Callable[[Any], bool], str]
_STR: _Rule = (lambda v: isinstance(v, str) and bool(v.strip()), "a non-empty string")
_OPT_STR: _Rule = (lambda v: v is None or isinstance(v, str), "a string or null")
_STR_LIST: _Rule = (lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v), "a list of strings")
_NUM: _Rule = (
    lambda v: not isinstance(v, bool) and isinstance(v, (int, float)) and math.isfinite(v),
    "a number",
)
_OPT_NUM: _Rule = (lambda v: v is None or _NUM[0](v), "a number or null")
_NUM_LIST: _Rule = (lambda v: isinstance(v, list) and all(_NUM[0](x) for x in v), "a list of numbers")
_BOOL: _Rule = (lambda v: isinstance(v, bool), "true or false")
_APPROX: _Rule = (lambda v: v in APPROX_VALUES, f"one of {', '.join(APPROX_VALUES)}")
_KIND: _Rule = (lambda v: v in FIGURE_KINDS, f"one of {', '.join(FIGURE_KINDS)}")

# Per list field: its items' fields, each with its rule and whether it is required.
_ITEMS: dict[str, dict[str, tuple[_Rule, bool]]] = {
    "who": {"name": (_STR, True), "aliases": (_STR_LIST, False), "main": (_BOOL, False)},
    "where": {"name": (_STR, True), "aliases": (_STR_LIST, False)},
    "when": {"date": (_STR, True), "text": (_STR, False)},
    "figures": {
        "value": (_NUM, True),
        "counts": (_STR, True),
        "source": (_OPT_STR, False),
        "upper": (_OPT_NUM, False),
        "approx": (_APPROX, False),
        "unit": (_OPT_STR, False),
        "text": (_STR, False),
        "kind": (_KIND, False),
    },
    "claims": {"source": (_STR, True), "statement": (_STR, True)},
}
_STORY_ITEMS: dict[str, dict[str, tuple[_Rule, bool]]] = {
    **_ITEMS,
    "figures": {
        "counts": (_STR, True),
        "kind": (_KIND, False),
        "values": (_NUM_LIST, False),
        "latest": (_NUM, False),
    },
    "conflicts": {"topic": (_STR, True)},
}


def _shape_problems(reference: Mapping[str, Any], story: bool) -> list[str]:
    rules = _STORY_ITEMS if story else _ITEMS
    problems = [
        f"unknown reference field {key!r} (known: what, {', '.join(rules)})"
        for key in reference
        if key != "what" and key not in rules and key not in ("_comment", "draft")
    ]
    if "what" in reference and not _STR[0](reference["what"]):
        problems.append("what: must be a non-empty string")
    for key, fields in rules.items():
        if key not in reference:
            continue
        entries = reference[key]
        if not isinstance(entries, list):
            problems.append(f"{key}: must be a list")
            continue
        for n, item in enumerate(entries):
            problems.extend(f"{key}[{n}]: {p}" for p in _item_problems(item, fields))
    return problems


def _item_problems(item: Any, fields: Mapping[str, tuple[_Rule, bool]]) -> list[str]:
    if not isinstance(item, dict):
        return ["must be an object"]
    problems = []
    for name, ((ok, wanted), required) in fields.items():
        if name not in item:
            if required:
                problems.append(f"{name} is missing")
        elif not ok(item[name]):
            problems.append(f"{name} must be {wanted}, not {json.dumps(item[name], ensure_ascii=False)[:40]}")
    return problems


def _date_problems(reference: Mapping[str, Any]) -> list[str]:
    problems = []
    for n, item in enumerate(reference.get("when") or []):
        date = item.get("date") if isinstance(item, dict) else None
        if not isinstance(date, str):
            continue
        try:
            if not DATE.match(date):
                raise ValueError
            dt.date.fromisoformat(date)
        except ValueError:
            problems.append(f"when[{n}]: date {date!r} is not a real day as YYYY-MM-DD")
    return problems


# --- What the article says -----------------------------------------------------------------------------


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _related(word: str, other: str) -> bool:
    """The same word, or a place and its adjective ("greece"/"greek", "australia"/"australian")."""
    if word == other:
        return True
    shared = len(_common_prefix(word, other))
    return shared >= 4 and shared >= min(len(word), len(other)) - 1


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


class _Articles:
    """The text of a case's article(s), prepared for the lookups of the checks."""

    def __init__(self, texts: Iterable[str]) -> None:
        texts = list(texts)
        self.folded = [_fold(text) for text in texts]
        self.words = [list(tokenize(text)) for text in texts]
        self.numbers = [m for text in texts for m in find_numbers(text)]
        self.values = [
            float(v) for m in self.numbers for v in (m.quantity.value, m.quantity.upper) if v is not None
        ]

    def names(self, name: str) -> bool:
        """Whether ``name`` occurs as whole words (see the module docstring)."""
        folded = _fold(name).strip()
        if folded and any(re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", text) for text in self.folded):
            return True
        wanted = list(tokenize(name))
        return bool(wanted) and any(_contains(words, wanted) for words in self.words)

    def states(self, value: float) -> bool:
        return any(math.isclose(value, v, rel_tol=0.005) for v in self.values)

    def plain(self, text: str) -> list[tuple[float | None, float | None]]:
        """(value, upper) of the plain numbers (no unit) the article writes exactly as ``text``."""
        folded = _fold(text).strip()
        return [
            (m.quantity.value, m.quantity.upper)
            for m in self.numbers
            if m.quantity.unit is None and _fold(m.text).strip() == folded
        ]


def _contains(words: list[str], wanted: list[str]) -> bool:
    k = len(wanted)
    return any(
        all(_related(w, words[i + n]) for n, w in enumerate(wanted)) for i in range(len(words) - k + 1)
    )


def _entity_problems(reference: Mapping[str, Any], articles: _Articles) -> list[str]:
    problems = []
    for key in ("who", "where"):
        for n, item in enumerate(reference.get(key) or []):
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                continue
            names = [item["name"], *(a for a in item.get("aliases") or [] if isinstance(a, str))]
            if not any(articles.names(name) for name in names):
                problems.append(f"{key}[{n}]: {item['name']!r} (nor an alias) does not occur in the article")
    for key in ("claims", "figures"):
        for n, item in enumerate(reference.get(key) or []):
            source = item.get("source") if isinstance(item, dict) else None
            if isinstance(source, str) and source.strip() and not articles.names(source):
                problems.append(f"{key}[{n}]: source {source!r} does not occur in the article")
    return problems


def _figure_problem(item: dict[str, Any], articles: _Articles) -> str | None:
    wanted = [
        float(v) for v in (item.get("value"), item.get("upper")) if isinstance(v, (int, float)) and _NUM[0](v)
    ]
    if not wanted:
        return None  # the shape check reports it
    text = item.get("text")
    if isinstance(text, str) and text.strip():
        plain = articles.plain(text)
        if plain and not any(_agree(wanted, found) for found in plain):
            stated = ", ".join(
                f"{v:g}" + (f"-{u:g}" if u is not None else "") for v, u in plain if v is not None
            )
            return (
                f"value {'-'.join(f'{v:g}' for v in wanted)} disagrees with the article's {text!r} ({stated})"
            )
        if any(_fold(text).strip() in folded for folded in articles.folded):
            return None
    missing = [v for v in wanted if not articles.states(v)]
    if missing:
        shown = f" nor its text {text!r}" if isinstance(text, str) else ""
        return f"value {missing[0]:g}{shown} does not occur in the article"
    return None


def _agree(wanted: list[float], found: tuple[float | None, float | None]) -> bool:
    stated = [v for v in found if v is not None]
    return len(wanted) == len(stated) and all(
        math.isclose(float(a), float(b), rel_tol=0.005) for a, b in zip(wanted, stated, strict=True)
    )


def _figures_problems(reference: Mapping[str, Any], articles: _Articles, story: bool) -> list[str]:
    problems = []
    for n, item in enumerate(reference.get("figures") or []):
        if not isinstance(item, dict):
            continue
        if not story:
            problem = _figure_problem(item, articles)
            problems.extend([f"figures[{n}]: {problem}"] if problem else [])
            continue
        values = [*(item.get("values") or []), *([item["latest"]] if "latest" in item else [])]
        missing = [v for v in values if _NUM[0](v) and not _story_value_found(float(v), item, articles)]
        problems.extend(
            f"figures[{n}]: value {v:g} does not occur in any of the articles" for v in missing[:1]
        )
    return problems


def _story_value_found(value: float, item: Mapping[str, Any], articles: _Articles) -> bool:
    """A story figure's value is a number the articles state, or the text of one of its reports with that
    value occurs in them ("Lap 29", "an hour and a half")."""
    if articles.states(value):
        return True
    for report in item.get("reports") or []:
        text = report.get("text") if isinstance(report, dict) else None
        stated = report.get("value") if isinstance(report, dict) else None
        if isinstance(text, str) and isinstance(stated, (int, float)) and _NUM[0](stated):
            same = math.isclose(float(stated), value, rel_tol=0.005)
            if same and any(_fold(text).strip() in folded for folded in articles.folded):
                return True
    return False


# --- One case, one suite -------------------------------------------------------------------------------


def _case_articles(raw: Mapping[str, Any], base: Path, files: SuiteFiles) -> tuple[list[str], list[str]]:
    """The texts of a case's article(s), and the problems reading them."""
    story = "articles" in raw
    specs = raw.get("articles") if story else [raw.get("article")]
    if not isinstance(specs, list) or not specs:
        return [], ["articles must be a non-empty list"]
    texts, problems = [], []
    for number, spec in enumerate(specs, start=1):
        where = f"article {number}" if story else "article"
        try:
            if isinstance(spec, dict) and "from" in spec:
                target = base / str(spec.get("from"))
                spec, base_of = files.case(target, str(spec.get("id"))).get("article"), target.parent
            else:
                base_of = base
            texts.append(load_article_spec(spec, base_of).text)
        except SummarizerError as exc:
            problems.append(f"{where}: {exc}")
    return texts, problems


def _case_problems(raw: dict[str, Any], base: Path, files: SuiteFiles) -> list[str]:
    texts, problems = _case_articles(raw, base, files)
    reference = raw.get("reference")
    if not isinstance(reference, dict):
        return [*problems, "reference: must be an object"]
    story = "articles" in raw
    if reference.get("draft") or "_comment" in reference:
        problems.append(
            "reference is still a draft: correct it against the article, then delete _comment and draft"
        )
    problems += _shape_problems(reference, story) + _date_problems(reference)
    if texts:
        articles = _Articles(texts)
        problems += _entity_problems(reference, articles) + _figures_problems(reference, articles, story)
    return problems


def check_suite(path: str | Path) -> list[Problem]:
    """Every problem of every case of the suite at ``path``, in file order (an empty list: it passes)."""
    suite = Path(path)
    files = SuiteFiles()
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(read_suite_lines(suite), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except ValueError as exc:
            problems.append(Problem(number, "?", f"not JSON: {exc}"))
            continue
        if not isinstance(raw, dict):
            problems.append(Problem(number, "?", "the line is not a JSON object"))
            continue
        case_id = raw.get("id")
        if not isinstance(case_id, str) or not case_id.strip():
            problems.append(Problem(number, "?", "id must be a non-empty string"))
            case_id = f"line-{number}"
        elif case_id in first_line:
            problems.append(Problem(number, case_id, f"duplicate id (first on line {first_line[case_id]})"))
        first_line.setdefault(case_id, number)
        problems += [
            Problem(number, case_id, message) for message in _case_problems(raw, suite.parent, files)
        ]
    if not first_line and not problems:
        problems.append(Problem(0, "?", "the suite has no cases"))
    return problems
